/**
 * ecr-push's build-secrets with a real engine (a private dockerd, a registry with a login, the simulator's ECR): a
 * RUN reads both secrets (one from an environment variable, one from a file) and fails the build unless they are
 * there, and their values are found nowhere: not in any layer or config of the saved image, not in its history or
 * inspect output, not in the step's log or any docker command line. BuildKit mounts them: `docker buildx build` where
 * the CLI has buildx, else the engine's own BuildKit through `DOCKER_BUILDKIT=1 docker build` (Debian's docker.io
 * 20.10, which scripts/bootstrap.sh installs as /usr/bin/docker; this machine's /usr/local/bin/docker 28 has no
 * buildx and no built-in BuildKit). The private engine has no bridge network, so the build runs with network: none.
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
const FILE_SECRET = `pw_${randomBytes(16).toString('hex')}`;
/** A docker CLI that can mount secrets: the one on PATH when it has buildx, else Debian's (BuildKit built in). */
const DEBIAN_DOCKER_DIR = '/usr/bin';

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
  // A shell image (FROM scratch with /bin/sh) whose RUN reads both secrets, fails unless they look right, and keeps
  // only their lengths. The file secret lies outside the build context: no COPY can reach it.
  await writeShellBuildContext(app, { loops: 1, app: 'app' });
  await writeFile(path.join(workspace, 'settings.txt'), `${FILE_SECRET}\n`);
  await writeFile(
    path.join(app, 'Dockerfile'),
    [
      'FROM scratch',
      'COPY rootfs/ /',
      'RUN --mount=type=secret,id=npm_token --mount=type=secret,id=settings \\',
      // `read` says 1 at a last line without a newline (the variable's value), having read it: the case checks.
      '  read -r token < /run/secrets/npm_token; read -r settings < /run/secrets/settings; \\',
      '  case "$token" in npm_?*) ;; *) exit 3 ;; esac && case "$settings" in pw_?*) ;; *) exit 4 ;; esac \\',
      '  && echo "${#token} ${#settings}" > /secret-length.txt',
      '',
    ].join('\n'),
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
  it('uses both secrets in a RUN and leaves them in no layer, history, inspect output or log', async () => {
    const hasBuildx = await docker('buildx', 'version').then(
      () => true,
      () => false,
    );
    const run = await runBundle({
      bundle,
      workspace,
      inputs: {
        repository,
        context: 'app',
        tags: 'v1',
        cache: 'off',
        network: 'none',
        'build-secrets': 'id=npm_token,env=NPM_TOKEN\nid=settings,src=settings.txt',
      },
      env: {
        ...sim.env,
        NPM_TOKEN: SECRET,
        DOCKER_HOST: services.dockerHost,
        DOCKER_CONFIG: dockerConfig,
        ...(hasBuildx ? {} : { PATH: `${DEBIAN_DOCKER_DIR}:${process.env.PATH}` }),
      },
      timeoutMs: 180_000,
    });
    const visible = run.log
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
    expect(run.stdout).toContain(`::add-mask::${FILE_SECRET}`);
    for (const value of [SECRET, FILE_SECRET]) expect(visible).not.toContain(value);
    // The command line names the variable and the file, not the values; BuildKit ran the RUN with the mounts.
    expect(visible).toContain('--secret id=npm_token,env=NPM_TOKEN');
    expect(visible).toContain(`--secret id=settings,src=${path.join(workspace, 'settings.txt')}`);
    expect(visible).toMatch(hasBuildx ? /\[command\]docker buildx build/ : /\[command\]DOCKER_BUILDKIT=1 docker build/);
    expect(visible).toMatch(/^#\d+ \[2\/2\] RUN --mount=type=secret,id=npm_token --mount=type=secret,id=settings/m);
    expect(run.outputs.image ?? '').toMatch(new RegExp(`/${repository}:v1$`));

    const pushed = `${services.registryHost}/${repository}:v1`;
    // docker save writes every layer uncompressed, and the image config: the values are in none of them.
    const { stdout: saved } = await docker('save', pushed);
    expect(saved.length).toBeGreaterThan(100_000);
    for (const value of [SECRET, FILE_SECRET]) expect(saved.includes(Buffer.from(value))).toBe(false);
    const { stdout: history } = await docker('history', '--no-trunc', '--format', '{{.CreatedBy}}', pushed);
    expect(history.toString()).toContain('/run/secrets/npm_token');
    const { stdout: inspected } = await docker('image', 'inspect', pushed);
    for (const value of [SECRET, FILE_SECRET]) {
      expect(history.toString()).not.toContain(value);
      expect(inspected.toString()).not.toContain(value);
    }
    // The RUN read them: the image keeps their lengths (a file's content through docker cp's tar).
    const container = (await docker('create', pushed, '/bin/sh')).stdout.toString().trim();
    const { stdout: lengths } = await docker('cp', `${container}:/secret-length.txt`, '-');
    expect(lengths.toString()).toContain(`${SECRET.length} ${FILE_SECRET.length}\n`);
    await docker('rm', container);
  }, 240_000);
});
