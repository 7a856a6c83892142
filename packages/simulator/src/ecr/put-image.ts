/** PutImage: a manifest in, the image and tag it makes, written through to the registry when there is one. */
import { AwsServiceError } from '../contract.js';
import { imageAlreadyExists, imageTagAlreadyExists, invalidParameter, serverError } from './errors.js';
import { optionalString, requiredString, validateTagOrThrow } from './inputs.js';
import { type ManifestJson, manifestSize } from './manifests.js';
import { addImage, type EcrState, type RepositoryState, setTag } from './model.js';
import { RegistryError, sha256Digest } from './registry-client.js';
import { repositoryFor } from './registry-sync.js';

/**
 * API_PutImage: creates or updates the image for a manifest. ImageAlreadyExistsException when the digest (and tag)
 * are already there, ImageTagAlreadyExistsException when an immutable tag points elsewhere. With a registry the
 * manifest is written there too (the registry checks that its blobs exist).
 */
export async function putImage(state: EcrState, input: Record<string, unknown>): Promise<unknown> {
  const repository = await repositoryFor(state, input);
  const { manifest, parsed, mediaType } = manifestOf(input);
  const tag = optionalString(input, 'imageTag');
  if (tag !== undefined) validateTagOrThrow(tag, (message) => invalidParameter('imageTag', message));
  const existingSameManifest = [...repository.images.values()].find((image) => image.manifest === manifest);
  const digest = existingSameManifest?.digest ?? sha256Digest(manifest);
  const givenDigest = optionalString(input, 'imageDigest');
  if (givenDigest !== undefined && givenDigest !== digest) {
    // Wording not verified against AWS; the exception name is ECR's.
    throw new AwsServiceError(
      'ImageDigestDoesNotMatchException',
      `The provided image digest '${givenDigest}' does not match the digest of the image manifest ('${digest}')`,
    );
  }
  const current = tag === undefined ? undefined : repository.tags.get(tag);
  if (tag === undefined ? repository.images.has(digest) : current === digest) {
    throw imageAlreadyExists(digest, tag, repository.name, state.accountId);
  }
  if (tag !== undefined && current !== undefined && isTagImmutable(repository, tag)) {
    throw imageTagAlreadyExists(tag, repository.name);
  }

  if (state.registryClient !== undefined && existingSameManifest?.source !== 'seed') {
    try {
      await state.registryClient.putManifest(repository.name, tag ?? digest, manifest, mediaType);
    } catch (error) {
      throw putImageRegistryError(error, parsed);
    }
    if (tag !== undefined) repository.registryTags.add(tag);
  }
  let image = repository.images.get(digest);
  if (image === undefined) {
    image = {
      digest,
      manifest,
      mediaType,
      sizeInBytes: await manifestSize(parsed, async (child) => repository.images.get(child)?.sizeInBytes),
      pushedAt: state.clock.now(),
      source: state.registryClient === undefined ? 'api' : 'registry',
    };
    const artifactMediaType = parsed.config?.mediaType;
    if (artifactMediaType !== undefined) image.artifactMediaType = artifactMediaType;
    addImage(state, repository, image);
  }
  if (tag !== undefined) setTag(repository, tag, digest);
  return {
    image: {
      registryId: state.accountId,
      repositoryName: repository.name,
      imageId: { imageDigest: digest, ...(tag === undefined ? {} : { imageTag: tag }) },
      imageManifest: manifest,
      imageManifestMediaType: mediaType,
    },
  };
}

/** The request's manifest, parsed, and its media type (given in the request or in the manifest, and the same if both). */
function manifestOf(input: Record<string, unknown>): { manifest: string; parsed: ManifestJson; mediaType: string } {
  const manifest = requiredString(input, 'imageManifest');
  let parsed: ManifestJson;
  try {
    parsed = JSON.parse(manifest) as ManifestJson;
  } catch {
    throw invalidParameter('ImageManifest', 'Invalid JSON syntax');
  }
  const declared = optionalString(input, 'imageManifestMediaType');
  const embedded = typeof parsed.mediaType === 'string' ? parsed.mediaType : undefined;
  if (declared !== undefined && embedded !== undefined && declared !== embedded) {
    // Wording not verified against AWS.
    throw invalidParameter(
      'imageManifestMediaType',
      'Manifest media type does not match the mediaType in the manifest',
    );
  }
  const mediaType = declared ?? embedded;
  if (mediaType === undefined) {
    // API_PutImage: "If you push an image manifest that does not contain the mediaType field, you must specify
    // the imageManifestMediaType in the request." Wording not verified against AWS.
    throw invalidParameter('imageManifestMediaType', 'Manifest media type must be specified');
  }
  return { manifest, parsed, mediaType };
}

function putImageRegistryError(error: unknown, manifest: ManifestJson): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  if (!(error instanceof RegistryError)) return serverError(String(error));
  const isIndex = Array.isArray(manifest.manifests);
  switch (error.code) {
    case 'MANIFEST_BLOB_UNKNOWN':
    case 'BLOB_UNKNOWN':
    case 'MANIFEST_UNKNOWN':
      return isIndex
        ? new AwsServiceError(
            'ReferencedImagesNotFoundException',
            'The manifest list is referencing an image that does not exist.',
          )
        : new AwsServiceError(
            'LayersNotFoundException',
            'The specified layers could not be found, or the specified layer is not valid for this repository.',
          );
    case 'MANIFEST_INVALID':
    case 'TAG_INVALID':
    case 'DIGEST_INVALID':
    case 'NAME_INVALID':
    case 'SIZE_INVALID':
      return invalidParameter('ImageManifest', error.message);
    default:
      return serverError(error.message);
  }
}

function isTagImmutable(repository: RepositoryState, tag: string): boolean {
  // Image tag mutability (ECR User Guide): *_WITH_EXCLUSION flips the setting for tags matching a wildcard filter.
  const immutable = repository.mutability.startsWith('IMMUTABLE');
  if (!repository.mutability.endsWith('_WITH_EXCLUSION')) return immutable;
  const excluded = repository.exclusionFilters.some((filter) => wildcard(filter).test(tag));
  return excluded ? !immutable : immutable;
}

function wildcard(filter: string): RegExp {
  return new RegExp(`^${filter.split('*').map(escapeRegExp).join('.*')}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
