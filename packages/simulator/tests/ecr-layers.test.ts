/**
 * ECR's GetDownloadUrlForLayer through the real SDK client, and the URL it answers served by the simulator (loopback,
 * where ECR answers a pre-signed S3 URL): a seeded image's config blob is a real image config whose sha256 is the
 * manifest's config digest, with the platform the image was seeded with; the errors of the API reference; with a real
 * registry, a pushed image's config from the registry, and a blob no image references (LayerInaccessibleException).
 */
import { createHash } from 'node:crypto';
import { BatchGetImageCommand, ECRClient, GetDownloadUrlForLayerCommand } from '@aws-sdk/client-ecr';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type LocalRegistry, MEDIA_TYPES, RegistryClient, startLocalRegistry } from '../src/ecr/index.js';
import { type Simulator, startSimulator } from '../src/index.js';

const ACCOUNT = '123456789012';
const sha256 = (body: Uint8Array | string) => `sha256:${createHash('sha256').update(body).digest('hex')}`;

let sim: Simulator;
let ecr: ECRClient;

async function start(options: Parameters<typeof startSimulator>[0] = {}): Promise<void> {
  sim = await startSimulator(options);
  ecr = new ECRClient({
    region: sim.env.AWS_REGION,
    endpoint: sim.env.AWS_ENDPOINT_URL_ECR,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
}

async function stop(): Promise<void> {
  ecr.destroy();
  await sim.close();
}

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

/** The manifest of an image by tag, parsed. */
async function manifestOf(repositoryName: string, imageTag: string) {
  const { images } = await ecr.send(new BatchGetImageCommand({ repositoryName, imageIds: [{ imageTag }] }));
  return JSON.parse(images?.[0]?.imageManifest ?? '{}') as {
    config: { digest: string; size: number };
    layers: { digest: string }[];
    manifests?: { digest: string; platform: { architecture: string } }[];
  };
}

describe('seeded images', () => {
  beforeEach(() => start());
  afterEach(() => stop());

  it('the config blob is a real image config: its sha256 is the digest, its platform the seeded one', async () => {
    sim.ecr.seedImage({ repositoryName: 'app', tags: ['amd'] });
    sim.ecr.seedImage({ repositoryName: 'app', tags: ['arm'], platform: { os: 'linux', architecture: 'arm64' } });
    for (const [tag, architecture] of [
      ['amd', 'amd64'],
      ['arm', 'arm64'],
    ] as const) {
      const manifest = await manifestOf('app', tag);
      const answer = await ecr.send(
        new GetDownloadUrlForLayerCommand({
          registryId: ACCOUNT,
          repositoryName: 'app',
          layerDigest: manifest.config.digest,
        }),
      );
      expect(answer.layerDigest).toBe(manifest.config.digest);
      expect(answer.downloadUrl).toMatch(
        new RegExp(`^${sim.url}/starport-layer-bucket/${ACCOUNT}/app/sha256:[a-f0-9]{64}\\?X-Amz-`),
      );
      const response = await fetch(answer.downloadUrl ?? '');
      expect(response.status).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      expect(sha256(body)).toBe(manifest.config.digest);
      expect(body.length).toBe(manifest.config.size);
      expect(JSON.parse(body.toString())).toMatchObject({ os: 'linux', architecture, rootfs: { type: 'layers' } });
    }
    // What the task start compares with the task's runtimePlatform.
    expect(sim.ecr.platformsOf('app', { tag: 'arm' })).toEqual([{ os: 'linux', architecture: 'arm64' }]);
    expect(sim.ecr.platformsOf('app', { tag: 'amd' })).toEqual([{ os: 'linux', architecture: 'amd64' }]);
  });

  it("an index's manifests have configs of their platform; a layer gets a URL, whose bytes the simulator does not keep", async () => {
    sim.ecr.seedImage({ repositoryName: 'multi', tags: ['1'], platforms: [{ os: 'linux', architecture: 'arm64' }] });
    const index = await manifestOf('multi', '1');
    const child = index.manifests?.[0];
    const { images } = await ecr.send(
      new BatchGetImageCommand({ repositoryName: 'multi', imageIds: [{ imageDigest: child?.digest ?? '' }] }),
    );
    const manifest = JSON.parse(images?.[0]?.imageManifest ?? '{}') as {
      config: { digest: string };
      layers: { digest: string }[];
    };
    const config = await ecr.send(
      new GetDownloadUrlForLayerCommand({ repositoryName: 'multi', layerDigest: manifest.config.digest }),
    );
    expect(JSON.parse(await (await fetch(config.downloadUrl ?? '')).text())).toMatchObject({ architecture: 'arm64' });
    const layer = await ecr.send(
      new GetDownloadUrlForLayerCommand({ repositoryName: 'multi', layerDigest: manifest.layers[0]?.digest ?? '' }),
    );
    const response = await fetch(layer.downloadUrl ?? '');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<Code>NoSuchKey</Code>');
  });

  it('errors: RepositoryNotFoundException, LayersNotFoundException, InvalidParameterException, a missing digest', async () => {
    sim.ecr.seedImage({ repositoryName: 'app', tags: ['1'] });
    expect(
      await failure(
        ecr.send(
          new GetDownloadUrlForLayerCommand({ repositoryName: 'nope', layerDigest: `sha256:${'a'.repeat(64)}` }),
        ),
      ),
    ).toEqual({
      name: 'RepositoryNotFoundException',
      message: `The repository with name 'nope' does not exist in the registry with id '${ACCOUNT}'`,
      status: 400,
    });
    expect(
      await failure(
        ecr.send(new GetDownloadUrlForLayerCommand({ repositoryName: 'app', layerDigest: `sha256:${'a'.repeat(64)}` })),
      ),
    ).toMatchObject({ name: 'LayersNotFoundException', status: 400 });
    expect(
      await failure(
        ecr.send(new GetDownloadUrlForLayerCommand({ repositoryName: 'app', layerDigest: 'not a digest' })),
      ),
    ).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(
      await failure(
        ecr.send(new GetDownloadUrlForLayerCommand({ repositoryName: 'app', layerDigest: undefined as never })),
      ),
    ).toMatchObject({ name: 'ValidationException' });
    const unknown = await fetch(`${sim.url}/starport-layer-bucket/${ACCOUNT}/app/sha256:${'a'.repeat(64)}`);
    expect(unknown.status).toBe(404);
  });

  it('refuses platform and platforms together when seeding', () => {
    expect(() =>
      sim.ecr.seedImage({
        repositoryName: 'app',
        tags: ['x'],
        platform: { os: 'linux', architecture: 'arm64' },
        platforms: [{ os: 'linux', architecture: 'amd64' }],
      }),
    ).toThrow(/platforms .* or platform .*, not both/);
  });
});

describe('images in a real registry', () => {
  let registry: LocalRegistry;
  let push: RegistryClient;

  beforeAll(async () => {
    registry = await startLocalRegistry();
    push = new RegistryClient(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });
  beforeEach(() =>
    start({ registry: { url: registry.url, username: registry.username, password: registry.password } }),
  );
  afterEach(() => stop());

  it("a pushed image's config is served from the registry; a blob no image references is LayerInaccessibleException", async () => {
    sim.ecr.seedRepository({ repositoryName: 'pushed' });
    const config = Buffer.from(
      JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
    );
    const configDigest = await push.uploadBlob('pushed', config);
    const layer = Buffer.from('layer bytes');
    const layerDigest = await push.uploadBlob('pushed', layer);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerManifest,
      config: { mediaType: MEDIA_TYPES.dockerConfig, size: config.length, digest: configDigest },
      layers: [{ mediaType: MEDIA_TYPES.dockerLayer, size: layer.length, digest: layerDigest }],
    });
    await push.putManifest('pushed', '1', manifest, MEDIA_TYPES.dockerManifest);
    for (const [digest, body] of [
      [configDigest, config],
      [layerDigest, layer],
    ] as const) {
      const { downloadUrl } = await ecr.send(
        new GetDownloadUrlForLayerCommand({ repositoryName: 'pushed', layerDigest: digest }),
      );
      const response = await fetch(downloadUrl ?? '');
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(body);
    }
    const orphan = await push.uploadBlob('pushed', Buffer.from('pushed, but no manifest names it'));
    expect(
      await failure(ecr.send(new GetDownloadUrlForLayerCommand({ repositoryName: 'pushed', layerDigest: orphan }))),
    ).toMatchObject({ name: 'LayerInaccessibleException', status: 400 });
  });
});
