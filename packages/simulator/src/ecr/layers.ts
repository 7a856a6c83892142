/**
 * Image layers and config blobs: GetDownloadUrlForLayer, and the URL it answers, which the simulator's own server
 * serves (loopback) where ECR answers a pre-signed Amazon S3 URL. ECR gives URLs only for blobs an image of the
 * repository references (its config or a layer); a blob pushed but referenced by no image is
 * LayerInaccessibleException, one the repository does not hold LayersNotFoundException.
 *
 * What the URL serves: a seeded image's config blob (a real image config whose sha256 is its digest); for images in
 * the local registry, the registry's blob. A seeded image's layers are digests only (the simulator keeps no layer
 * bytes): their URL answers 404 NoSuchKey, as S3 does for a key it does not have.
 */
import { AwsServiceError } from '../contract.js';
import { invalidParameter, missingParameter } from './errors.js';
import type { ManifestJson } from './manifests.js';
import type { EcrState, ImageState, RepositoryState } from './model.js';
import { repositoryFor } from './registry-sync.js';

/** The path the simulator serves blobs under. */
export const LAYER_PATH = '/starport-layer-bucket/';

/** API_GetDownloadUrlForLayer: `layerDigest` pattern `[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+`. */
const LAYER_DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;

export async function getDownloadUrlForLayer(state: EcrState, input: Record<string, unknown>): Promise<unknown> {
  const repository = await repositoryFor(state, input);
  const digest = input.layerDigest;
  if (digest === undefined) throw missingParameter('layerDigest');
  if (typeof digest !== 'string' || !LAYER_DIGEST.test(digest)) {
    throw invalidParameter(
      'layerDigest',
      'Member must satisfy regular expression pattern: [a-zA-Z0-9-_+.]+:[a-fA-F0-9]+',
    );
  }
  if (referencingImage(repository, digest) === undefined) {
    // Wording not verified against AWS; the codes and their meaning are the API reference's.
    if (await state.registryClient?.hasBlob(repository.name, digest).catch(() => false)) {
      throw new AwsServiceError(
        'LayerInaccessibleException',
        `The layer with digest '${digest}' in the repository with name '${repository.name}' in the registry with id '${state.accountId}' is not associated with an image`,
      );
    }
    throw new AwsServiceError(
      'LayersNotFoundException',
      `The layer with digest '${digest}' does not exist in the repository with name '${repository.name}' in the registry with id '${state.accountId}'`,
    );
  }
  const path = `${LAYER_PATH}${state.accountId}/${encodeURIComponent(repository.name)}/${digest}`;
  // Pre-signed for an hour, as ECR's are; the simulator does not check the signature or the expiry.
  return {
    downloadUrl: `${state.downloadBase}${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600`,
    layerDigest: digest,
  };
}

/** What the server answers for a GET of a URL GetDownloadUrlForLayer gave. */
export async function serveLayer(
  state: EcrState,
  url: string,
): Promise<{ status: number; contentType: string; body: string | Uint8Array }> {
  const [account, repositoryName, digest] = new URL(url, 'http://x').pathname.slice(LAYER_PATH.length).split('/');
  const repository =
    account === state.accountId ? state.repositories.get(decodeURIComponent(repositoryName ?? '')) : undefined;
  const image = repository && digest ? referencingImage(repository, digest) : undefined;
  let body: string | Uint8Array | undefined;
  if (repository && digest && image) {
    body =
      image.config !== undefined && configDigestOf(image) === digest
        ? image.config
        : await state.registryClient?.getBlob(repository.name, digest).catch(() => undefined);
  }
  if (body === undefined) {
    return {
      status: 404,
      contentType: 'application/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
    };
  }
  return { status: 200, contentType: 'application/octet-stream', body };
}

/** The image of the repository whose manifest references the blob (as its config or a layer). */
function referencingImage(repository: RepositoryState, digest: string): ImageState | undefined {
  for (const image of repository.images.values()) {
    const manifest = parsed(image);
    if (manifest?.config?.digest === digest || manifest?.layers?.some((layer) => layer.digest === digest)) {
      return image;
    }
  }
  return undefined;
}

function configDigestOf(image: ImageState): string | undefined {
  return parsed(image)?.config?.digest;
}

function parsed(image: ImageState): ManifestJson | undefined {
  try {
    return JSON.parse(image.manifest) as ManifestJson;
  } catch {
    return undefined;
  }
}
