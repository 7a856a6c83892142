/** Image manifests: the fields the simulator reads, image sizes, and the made-up manifests of seeded images. */
import { MEDIA_TYPES, sha256Digest } from './registry-client.js';

export interface ManifestJson {
  mediaType?: unknown;
  config?: { mediaType?: string; size?: number; digest?: string };
  layers?: { size?: number }[];
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

/** A deterministic Docker v2 manifest for a seeded image (its sha256 is the generated digest). */
export function syntheticManifest(seed: string, sizeInBytes?: number): { manifest: string; size: number } {
  const hash = sha256Digest(seed).slice('sha256:'.length);
  const size = sizeInBytes ?? 10_000_000 + (Number.parseInt(hash.slice(0, 8), 16) % 50_000_000);
  const manifest = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerManifest,
      config: {
        mediaType: MEDIA_TYPES.dockerConfig,
        size: 1_000 + (Number.parseInt(hash.slice(8, 12), 16) % 5_000),
        digest: sha256Digest(`config\n${seed}`),
      },
      layers: [{ mediaType: MEDIA_TYPES.dockerLayer, size, digest: sha256Digest(`layer\n${seed}`) }],
    },
    null,
    3,
  );
  return { manifest, size };
}

/** An OCI image index over one synthetic manifest per platform, and those manifests, for a seeded image. */
export function syntheticIndex(
  seed: string,
  platforms: { os: string; architecture: string }[],
  sizeInBytes?: number,
): { index: string; children: { digest: string; manifest: string; size: number }[] } {
  const children = platforms.map((platform) => {
    const { manifest, size } = syntheticManifest(`${seed}\n${platform.os}/${platform.architecture}`, sizeInBytes);
    return { digest: sha256Digest(manifest), manifest, size, platform };
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
