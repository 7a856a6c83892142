/** Image manifests: the fields the simulator reads, image sizes, and the made-up manifests of seeded images. */
import { MEDIA_TYPES, sha256Digest } from './registry-client.js';

export interface ManifestJson {
  mediaType?: unknown;
  config?: { mediaType?: string; size?: number; digest?: string };
  layers?: { size?: number; digest?: string }[];
  manifests?: { digest?: string; size?: number; annotations?: Record<string, string> }[];
}

/**
 * API_ImageDetail.imageSizeInBytes: the (compressed) size of the image's layers; for a manifest list or index,
 * the largest of its manifests. Attestation manifests in an index (buildx provenance) are not images and are skipped.
 */
export async function manifestSize(
  manifest: ManifestJson,
  childSize: (digest: string) => Promise<number | undefined>,
): Promise<number> {
  if (Array.isArray(manifest.manifests)) {
    let largest = 0;
    for (const child of manifest.manifests) {
      if (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
      if (typeof child.digest !== 'string') continue;
      largest = Math.max(largest, (await childSize(child.digest)) ?? 0);
    }
    return largest;
  }
  return (manifest.layers ?? []).reduce((sum, layer) => sum + (typeof layer.size === 'number' ? layer.size : 0), 0);
}

/**
 * A deterministic Docker v2 manifest for a seeded image (its sha256 is the generated digest) and its config blob: a
 * real image config (os, architecture, rootfs) whose sha256 is the manifest's `config.digest`, as a registry serves
 * it. The layer is a digest only: the simulator keeps no layer bytes.
 */
export function syntheticManifest(
  seed: string,
  sizeInBytes?: number,
  platform: { os: string; architecture: string; variant?: string } = DEFAULT_PLATFORM,
): { manifest: string; size: number; config: string } {
  const hash = sha256Digest(seed).slice('sha256:'.length);
  const size = sizeInBytes ?? 10_000_000 + (Number.parseInt(hash.slice(0, 8), 16) % 50_000_000);
  const config = syntheticConfig(seed, platform);
  const manifest = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerManifest,
      config: { mediaType: MEDIA_TYPES.dockerConfig, size: Buffer.byteLength(config), digest: sha256Digest(config) },
      layers: [{ mediaType: MEDIA_TYPES.dockerLayer, size, digest: sha256Digest(`layer\n${seed}`) }],
    },
    null,
    3,
  );
  return { manifest, size, config };
}

/** What `docker build` pushes when no platform is asked for, on the x86 machines CI runs on. */
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };

/** An image config (OCI image spec, "Image Configuration"), as `docker build` writes it, for one platform. */
function syntheticConfig(seed: string, platform: { os: string; architecture: string; variant?: string }): string {
  return JSON.stringify({
    architecture: platform.architecture,
    ...(platform.variant === undefined ? {} : { variant: platform.variant }),
    os: platform.os,
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/app'] },
    rootfs: { type: 'layers', diff_ids: [sha256Digest(`diff\n${seed}`)] },
  });
}

/** The os and architecture an image config names, or undefined when it is not a config. */
export function configPlatform(config: string): { os: string; architecture: string } | undefined {
  try {
    const parsed = JSON.parse(config) as { os?: unknown; architecture?: unknown };
    return typeof parsed.os === 'string' && typeof parsed.architecture === 'string'
      ? { os: parsed.os, architecture: parsed.architecture }
      : undefined;
  } catch {
    return undefined;
  }
}

/** An OCI image index over one synthetic manifest per platform, and those manifests, for a seeded image. */
export function syntheticIndex(
  seed: string,
  platforms: { os: string; architecture: string }[],
  sizeInBytes?: number,
): { index: string; children: { digest: string; manifest: string; size: number; config: string }[] } {
  const children = platforms.map((platform) => {
    const { manifest, size, config } = syntheticManifest(
      `${seed}\n${platform.os}/${platform.architecture}`,
      sizeInBytes,
      platform,
    );
    return { digest: sha256Digest(manifest), manifest, size, config, platform };
  });
  const index = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: children.map((child) => ({
        mediaType: MEDIA_TYPES.dockerManifest,
        digest: child.digest,
        size: Buffer.byteLength(child.manifest),
        platform: child.platform,
      })),
    },
    null,
    3,
  );
  return { index, children };
}
