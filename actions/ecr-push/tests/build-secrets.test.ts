/**
 * build-secrets: BuildKit `--secret` arguments that name where each value is (never the value), the values masked,
 * buildx or else the engine's own BuildKit (DOCKER_BUILDKIT=1), and a clear refusal before any AWS call when a value
 * is missing or the runner has neither. (The end-to-end test with a real engine is build-secrets.e2e.test.ts.)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { pushImage } from '../src/ecr-push.js';
import {
  authorizationToken,
  DIGEST,
  IMAGE_ID,
  inputs,
  manifestLookup,
  putImage,
  repositoryDescription,
  tagLookup,
  testDeps,
  workspaceWithDockerfile,
} from './helpers.js';

const NPM_TOKEN = 'npm_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const SETTINGS = '<settings>\n  <password>maven-s3cret-pw</password>\n</settings>\n';
let workspace: string;

beforeAll(async () => {
  nock.disableNetConnect();
  workspace = await workspaceWithDockerfile();
  await mkdir(path.join(workspace, 'secrets'));
  await writeFile(path.join(workspace, 'secrets', 'settings.xml'), SETTINGS);
});

const secretInputs = {
  repository: 'ecs-be-prod',
  context: 'app',
  tags: '0.2541.135\nlatest',
  cache: 'off',
  'build-secrets': 'id=npm_token,env=NPM_TOKEN\nid=maven_settings,src=secrets/settings.xml',
};

describe('build-secrets', () => {
  it('builds with buildx and --secret arguments that name the variable and the file, never a value; values masked', async () => {
    const deps = await testDeps(workspace, { env: { NPM_TOKEN } });
    deps.docker.buildxDriver = 'docker';
    const scope = authorizationToken()
      .add(repositoryDescription())
      .add(tagLookup('0.2541.135', undefined))
      .add(tagLookup('latest', undefined))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(manifestLookup(DIGEST, IMAGE_ID))
      .add(putImage('latest', DIGEST, IMAGE_ID));

    await pushImage(inputs(secretInputs), deps);

    expect(scope.isDone()).toBe(true);
    const build = deps.docker.calls.find((call) => call.args[0] === 'buildx' && call.args[1] === 'build');
    expect(build?.args).toEqual(
      expect.arrayContaining([
        '--secret',
        'id=npm_token,env=NPM_TOKEN',
        `id=maven_settings,src=${path.join(workspace, 'secrets', 'settings.xml')}`,
      ]),
    );
    for (const call of deps.docker.calls) {
      expect(`${call.args.join(' ')} ${call.stdin ?? ''}`).not.toMatch(/npm_9f8e|maven-s3cret-pw/);
    }
    expect(deps.log.masked).toEqual(
      expect.arrayContaining([NPM_TOKEN, SETTINGS, '<password>maven-s3cret-pw</password>']),
    );
    expect(deps.log.text()).not.toMatch(/npm_9f8e|maven-s3cret-pw/);
  });

  it("without buildx: the engine's own BuildKit through DOCKER_BUILDKIT=1 docker build, when the CLI can drive it", async () => {
    const deps = await testDeps(workspace, { env: { NPM_TOKEN } });
    deps.docker.builtinBuildKit = true;
    const scope = authorizationToken()
      .add(repositoryDescription())
      .add(tagLookup('0.2541.135', undefined))
      .add(tagLookup('latest', undefined))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(manifestLookup(DIGEST, IMAGE_ID))
      .add(putImage('latest', DIGEST, IMAGE_ID));

    await pushImage(inputs({ ...secretInputs, network: 'none', labels: 'team=web' }), deps);

    expect(scope.isDone()).toBe(true);
    const help = deps.docker.calls.find((call) => call.args.join(' ') === 'build --help');
    expect(help?.env).toEqual({ DOCKER_BUILDKIT: '1' });
    const builds = deps.docker.calls.filter((call) => call.args[0] === 'build' && !call.args.includes('--help'));
    // One build: BuildKit sets the labels itself, no LABEL step after it.
    expect(builds).toHaveLength(1);
    expect(builds[0]?.env).toEqual({ DOCKER_BUILDKIT: '1' });
    expect(builds[0]?.args.slice(0, 3)).toEqual(['build', '--progress', 'plain']);
    expect(builds[0]?.args).toEqual(
      expect.arrayContaining(['--network', 'none', '--label', 'team=web', '--secret', 'id=npm_token,env=NPM_TOKEN']),
    );
    expect(deps.log.groups).toContain('DOCKER_BUILDKIT=1 docker build');
    for (const call of deps.docker.calls) {
      expect(`${call.args.join(' ')} ${call.stdin ?? ''}`).not.toMatch(/npm_9f8e|maven-s3cret-pw/);
    }
  });

  it("with neither buildx nor a CLI that drives the engine's BuildKit: refuses before any AWS call or build", async () => {
    const deps = await testDeps(workspace, { env: { NPM_TOKEN } });
    await expect(pushImage(inputs(secretInputs), deps)).rejects.toThrow(
      `Input "build-secrets" needs BuildKit's secret mounts, and this runner's Docker can give none: it has no buildx ("docker buildx inspect": docker: unknown command: docker buildx), and its docker build cannot use the engine's own BuildKit ("DOCKER_BUILDKIT=1 docker build --help": ERROR: BuildKit is enabled but the buildx component is missing or broken.). The classic builder could only put a secret into the image. Use a runner with the buildx plugin (GitHub's hosted runners have it), or install it in an earlier step (e.g. docker/setup-buildx-action).`,
    );
    expect(deps.docker.calls.map((call) => call.args.slice(0, 2).join(' '))).toEqual([
      'buildx inspect',
      'build --help',
    ]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(deps.log.masked).toContain(NPM_TOKEN);
  });

  it.each([
    [
      'an unset variable',
      {},
      'id=npm_token,env=NPM_TOKEN',
      'Input "build-secrets": the secret "npm_token" reads the environment variable NPM_TOKEN, which is empty or not set in this step. Set it in the step\'s env:, e.g. NPM_TOKEN: ${{ secrets.NPM_TOKEN }}, and check that the secret exists.',
    ],
    ['an empty variable', { NPM_TOKEN: '' }, 'id=npm_token,env=NPM_TOKEN', 'which is empty or not set in this step'],
    ['a missing file', {}, 'id=settings,src=secrets/missing.xml', 'Input "build-secrets"'],
    [
      'a file outside the workspace',
      {},
      'id=passwd,src=../../etc/passwd',
      'Input "build-secrets" must name a path inside',
    ],
  ])('fails on %s before any docker or AWS call', async (_name, env, line, message) => {
    const deps = await testDeps(workspace, { env });
    deps.docker.buildxDriver = 'docker';
    await expect(pushImage(inputs({ ...secretInputs, 'build-secrets': line }), deps)).rejects.toThrow(message);
    expect(deps.docker.calls).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
