/**
 * ecr-push's build-secrets with a real engine (a private dockerd, a registry with a login, the simulator's ECR): a
 * RUN reads the secret, and its value is found nowhere: not in any layer or config of the saved image, not in its
 * history, not in the log or any docker command line. BuildKit's secret mounts need docker buildx: on an engine
 * whose CLI has none (Debian's docker.io, this machine), the test checks the other half of the promise instead:
 * the step refuses before any AWS call, builds and pushes nothing, and the value is nowhere in its log either.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runBundle, writeShellBuildContext } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { acquireDockerServices, type DockerServices } from '@ecs-actions/simulator/docker';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const exec = promisify(execFile);
const bundle = path.resolve(import.meta.dirname, '../dist/index.js');
const repository = 'secret-app';
// Unique per run, and of a shape nothing else in an image or a log has.
const SECRET = `npm_${randomBytes(16).toString('hex')}`;

let services: DockerServices;
let sim: Simulator;
let dockerConfig: string;
let workspace: string;

beforeAll(async () => {
  services = await acquireDockerServices();
  sim = await startSimulator({
    registry: { url: services.registryUrl, username: services.username, password: services.password },
  });
  sim.ecr.seedRepository({ repositoryName: repository });
  dockerConfig = await mkdtemp(path.join(tmpdir(), 'ecr-push-secrets-config-'));
  workspace = await mkdtemp(path.join(tmpdir(), 'ecr-push-secrets-ws-'));
  const app = path.join(workspace, 'app');
  await mkdir(app);
  // A shell image (FROM scratch with /bin/sh) whose RUN reads the secret and keeps only its length.
  await writeShellBuildContext(app, { loops: 1, app: 'app' });
  await writeFile(
    path.join(app, 'Dockerfile'),
    'FROM scratch\nCOPY rootfs/ /\nRUN --mount=type=secret,id=npm_token read -r token < /run/secrets/npm_token; echo "${#token}" > /secret-length.txt\n',
  );
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await services?.stop();
  for (const dir of [dockerConfig, workspace]) if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

const docker = (...args: string[]) =>
  exec('docker', args, {
    env: { ...process.env, DOCKER_HOST: services.dockerHost, DOCKER_CONFIG: dockerConfig },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'buffer',
  });

describe('ecr-push build-secrets against dockerd', () => {
  it('uses the secret in a RUN and leaves it in no layer, history or log (or, without buildx, refuses first)', async () => {
    const hasBuildx = await docker('buildx', 'inspect').then(
      () => true,
      () => false,
    );
    const run = await runBundle({
      bundle,
      workspace,
      inputs: { repository, context: 'app', tags: 'v1', cache: 'off', 'build-secrets': 'id=npm_token,env=NPM_TOKEN' },
      env: { ...sim.env, NPM_TOKEN: SECRET, DOCKER_HOST: services.dockerHost, DOCKER_CONFIG: dockerConfig },
      timeoutMs: 180_000,
    });
    const visible = run.log
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
    expect(visible).not.toContain(SECRET);

    if (!hasBuildx) {
      expect(run.exitCode).not.toBe(0);
      expect(run.errors).toEqual([
        expect.stringMatching(
          /^Input "build-secrets" needs BuildKit's secret mounts, which need docker buildx, and this runner's Docker has no buildx \("docker buildx inspect": .*buildx.*\)\. The classic builder could only put a secret into the image\./,
        ),
      ]);
      expect(sim.calls).toEqual([]);
      expect(await sim.ecr.tagsOf(repository)).toEqual({});
      return;
    }

    expect(run.errors).toEqual([]);
    // The command line names the variable, not the value.
    expect(visible).toContain('--secret id=npm_token,env=NPM_TOKEN');
    const image = run.outputs.image ?? '';
    const pushed = `${services.registryHost}/${repository}:v1`;
    // The RUN read it: the image keeps its length, not its value.
    const { stdout: saved } = await docker('save', pushed);
    expect(saved.includes(Buffer.from(SECRET))).toBe(false);
    const { stdout: history } = await docker('history', '--no-trunc', '--format', '{{.CreatedBy}}', pushed);
    expect(history.toString()).toContain('--mount=type=secret,id=npm_token');
    expect(history.toString()).not.toContain(SECRET);
    const { stdout: inspected } = await docker('image', 'inspect', pushed);
    expect(inspected.toString()).not.toContain(SECRET);
    const container = (await docker('create', pushed, '/bin/sh')).stdout.toString().trim();
    const { stdout: length } = await docker('cp', `${container}:/secret-length.txt`, '-');
    expect(length.toString()).toContain(`${SECRET.length}\n`);
    await docker('rm', container);
    expect(image).toMatch(new RegExp(`/${repository}:v1$`));
  }, 240_000);
});
