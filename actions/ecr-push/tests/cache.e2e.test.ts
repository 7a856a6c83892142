/**
 * The registry build cache, end to end: the ecr-push bundle builds on one private dockerd, then rebuilds a changed
 * application on a fresh engine (new data root, empty local cache), against a real registry behind the ECR
 * simulator. This machine's Docker has no buildx, so this is the classic builder's path: the last pushed image
 * pulled and named in --cache-from. (The buildx forms are covered by the unit tests of build-cache.ts.)
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle, type ShellBuildContext, writeShellBuildContext } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { acquireDockerServices, type DockerServices, startDockerEngine } from '@ecs-actions/simulator/docker';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const bundle = path.resolve(import.meta.dirname, '../dist/index.js');
const repository = 'cache-app';

let services: DockerServices;
let sim: Simulator;
let dockerConfig: string;
let workspace: string;
let context: ShellBuildContext;

beforeAll(async () => {
  services = await acquireDockerServices();
  sim = await startSimulator({
    registry: { url: services.registryUrl, username: services.username, password: services.password },
  });
  sim.ecr.seedRepository({ repositoryName: repository });
  dockerConfig = await mkdtemp(path.join(tmpdir(), 'ecr-push-cache-config-'));
  workspace = await mkdtemp(path.join(tmpdir(), 'ecr-push-cache-ws-'));
  // A short RUN (a fraction of a second): what counts here is whether its layer is reused, not how long it took.
  context = await writeShellBuildContext(path.join(workspace, 'app'), {
    loops: 20_000,
    app: `v1 ${randomBytes(8).toString('hex')}`,
  });
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await services?.stop();
  for (const dir of [dockerConfig, workspace]) if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

/** Runs the bundle against `dockerHost` (default the shared engine). */
function push(tags: string, dockerHost = services.dockerHost, extra: Record<string, string> = {}): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace,
    inputs: { repository, context: 'app', tags, ...extra },
    env: { ...sim.env, DOCKER_HOST: dockerHost, DOCKER_CONFIG: dockerConfig },
    timeoutMs: 120_000,
  });
}

/** Runs `fn` with a private engine of its own: a new data root, nothing in its local cache. */
async function onFreshEngine<T>(fn: (dockerHost: string) => Promise<T>): Promise<T> {
  const engine = await startDockerEngine();
  try {
    return await fn(engine.dockerHost);
  } finally {
    await engine.stop();
  }
}

const auth = () => `Basic ${Buffer.from(`${services.username}:${services.password}`).toString('base64')}`;

/** The layer digests of the image the registry holds under `tag`. */
async function layersOf(tag: string): Promise<string[]> {
  const response = await fetch(`${services.registryUrl}/v2/${repository}/manifests/${tag}`, {
    headers: {
      accept: 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
      authorization: auth(),
    },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { layers: { digest: string }[] }).layers.map((layer) => layer.digest);
}

/** Puts an OCI artifact that is no image (a config of another media type) under `tag`: docker cannot pull it. */
async function putArtifact(tag: string): Promise<void> {
  const blob = Buffer.from(JSON.stringify({ artifact: 'not an image' }));
  const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
  const started = await fetch(`${services.registryUrl}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: auth() },
  });
  expect(started.status).toBe(202);
  const location = new URL(started.headers.get('location') ?? '', services.registryUrl);
  location.searchParams.set('digest', digest);
  const uploaded = await fetch(location, {
    method: 'PUT',
    headers: { authorization: auth(), 'content-type': 'application/octet-stream' },
    body: blob,
  });
  expect(uploaded.status).toBe(201);
  const descriptor = { mediaType: 'application/vnd.example.thing.config.v1+json', digest, size: blob.length };
  const manifest = await fetch(`${services.registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    headers: { authorization: auth(), 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    body: JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: descriptor,
      layers: [descriptor],
    }),
  });
  expect(manifest.status).toBe(201);
}

describe('ecr-push registry build cache (classic builder: the last pushed image pulled for --cache-from)', () => {
  it('first build: no latest to read is a notice, the build runs cold and pushes', async () => {
    const run = await push('1.0.1\nlatest');
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const pushUri = `${services.registryHost}/${repository}`;
    expect(run.notices).toContainEqual(
      `Build cache: not read, the build runs without it: there is no ${pushUri}:latest yet (first build, or the last push had no latest tag)`,
    );
    expect(run.log).toContain('Build cache: no layer came from the cache (3 layers built)');
  }, 120_000);

  it('a rebuild on a fresh engine reuses the unchanged layers of the last pushed image and says which', async () => {
    await writeFile(path.join(workspace, 'app', 'app.txt'), `v2 ${randomBytes(8).toString('hex')}\n`);
    const run = await onFreshEngine((dockerHost) => push('1.0.2\nlatest', dockerHost));
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.notices.filter((notice) => notice.startsWith('Build cache'))).toEqual([]);
    const { rootfs, expensive, app } = context.steps;
    expect(run.log).toContain(
      `Build cache: 2 of 3 layers came from the cache: ${rootfs} | ${expensive.slice(0, 57)}...; built: ${app}`,
    );
    // The same layers in the registry: the base and the expensive step were not rebuilt (nor uploaded again).
    const [before, after] = [await layersOf('1.0.1'), await layersOf('1.0.2')];
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]).not.toEqual(before[2]);
  }, 180_000);

  it('a cache that cannot be read (latest holds no image) is a notice: the build runs cold and pushes', async () => {
    await putArtifact('latest');
    await writeFile(path.join(workspace, 'app', 'app.txt'), `v3 ${randomBytes(8).toString('hex')}\n`);
    const run = await onFreshEngine((dockerHost) => push('1.0.3\nlatest', dockerHost));
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    const notice = run.notices.find((text) => text.startsWith('Build cache: not read'));
    expect(notice).toContain(`docker pull ${services.registryHost}/${repository}:latest failed`);
    expect(notice).toContain('unsupported media type');
    expect(run.log).toContain('Build cache: no layer came from the cache (3 layers built)');
    expect(await layersOf('latest')).toEqual(await layersOf('1.0.3'));
  }, 180_000);

  it('cache: off reads nothing', async () => {
    const run = await push('1.0.4', services.dockerHost, { cache: 'off' });
    expect(run.exitCode).toBe(0);
    expect(run.log).not.toContain('docker pull');
    expect(run.log).toContain('Build cache: off (cache: off)');
  }, 120_000);
});
