/**
 * The repository a request names and the image an id names, read fresh from the local registry when there is one:
 * what `docker push` put there is what the ECR operations see.
 */
import { AwsServiceError } from '../contract.js';
import { type ImageIdInput, repositoryNotFound, serverError } from './errors.js';
import { DIGEST, optionalString, repositoryNameOf } from './inputs.js';
import { type ManifestJson, manifestSize } from './manifests.js';
import { addImage, type EcrState, type ImageState, type Lookup, type RepositoryState, setTag } from './model.js';
import { RegistryError } from './registry-client.js';

/** The repository the request names (validated, in this account), read fresh from the registry if there is one. */
export async function repositoryFor(state: EcrState, input: Record<string, unknown>): Promise<RepositoryState> {
  const name = repositoryNameOf(input);
  const registryId = optionalString(input, 'registryId') ?? state.accountId;
  const repository = registryId === state.accountId ? state.repositories.get(name) : undefined;
  if (repository === undefined) throw repositoryNotFound(name, registryId);
  await syncFromRegistry(state, repository);
  return repository;
}

/** The image an id names: by tag, by digest (learned from the registry when new here), or by both, which must agree. */
export async function lookupImage(state: EcrState, repository: RepositoryState, id: ImageIdInput): Promise<Lookup> {
  const byTag = id.imageTag === undefined ? undefined : repository.tags.get(id.imageTag);
  if (id.imageTag !== undefined && byTag === undefined) return { kind: 'not-found' };
  if (id.imageDigest === undefined) {
    const image = byTag === undefined ? undefined : repository.images.get(byTag);
    return image === undefined ? { kind: 'not-found' } : { kind: 'found', image };
  }
  const image = repository.images.get(id.imageDigest) ?? (await learnDigest(state, repository, id.imageDigest));
  if (image === undefined) return { kind: byTag === undefined ? 'not-found' : 'mismatch' };
  if (byTag !== undefined && byTag !== image.digest) return { kind: 'mismatch' };
  return { kind: 'found', image };
}

/**
 * Reads the registry: tags/list, then HEAD each tag's manifest for its digest, GET manifests not seen before.
 * Registry tags override seeded tags of the same name; tags gone from the registry disappear here too; images
 * seen before keep their first-seen time as imagePushedAt and stay (untagged) when their tags move.
 */
export async function syncFromRegistry(state: EcrState, repository: RepositoryState): Promise<void> {
  const client = state.registryClient;
  if (client === undefined) return;
  try {
    // Sorted, so that tags first seen together are listed in a stable order.
    const tags = (await client.listTags(repository.name)).sort();
    const resolved = await Promise.all(
      tags.map(async (tag) => ({ tag, digest: await client.resolveDigest(repository.name, tag) })),
    );
    const present = new Set<string>();
    for (const { tag, digest } of resolved) {
      if (digest === undefined) continue; // deleted between the two calls
      if (!repository.images.has(digest)) await learnDigest(state, repository, digest);
      if (!repository.images.has(digest)) continue;
      present.add(tag);
      setTag(repository, tag, digest);
    }
    for (const tag of repository.registryTags) {
      if (!present.has(tag)) repository.tags.delete(tag);
    }
    repository.registryTags = present;
  } catch (error) {
    if (error instanceof AwsServiceError) throw error;
    throw serverError(error instanceof Error ? error.message : String(error));
  }
}

/** Learns one manifest from the registry by digest (undefined when the registry does not have it). */
export async function learnDigest(
  state: EcrState,
  repository: RepositoryState,
  digest: string,
): Promise<ImageState | undefined> {
  const client = state.registryClient;
  if (client === undefined || !DIGEST.test(digest)) return undefined;
  const fetched = await fetchManifest(state, repository.name, digest);
  if (fetched === undefined) return undefined;
  const known = repository.images.get(digest); // a concurrent call may have learned it meanwhile
  if (known !== undefined) return known;
  const parsed = JSON.parse(fetched.body) as ManifestJson;
  const image: ImageState = {
    digest,
    manifest: fetched.body,
    mediaType: fetched.mediaType,
    sizeInBytes: await manifestSize(parsed, async (child) => {
      const childManifest = await fetchManifest(state, repository.name, child);
      return childManifest === undefined
        ? undefined
        : manifestSize(JSON.parse(childManifest.body) as ManifestJson, async () => undefined);
    }),
    pushedAt: state.clock.now(),
    source: 'registry',
  };
  const artifactMediaType = parsed.config?.mediaType;
  if (artifactMediaType !== undefined) image.artifactMediaType = artifactMediaType;
  addImage(state, repository, image);
  return image;
}

async function fetchManifest(
  state: EcrState,
  name: string,
  digest: string,
): Promise<{ mediaType: string; body: string } | undefined> {
  const cached = state.manifestCache.get(digest);
  if (cached !== undefined) return cached;
  const client = state.registryClient;
  if (client === undefined) return undefined;
  try {
    const fetched = await client.getManifest(name, digest);
    if (fetched === undefined) return undefined;
    const entry = { mediaType: fetched.mediaType, body: fetched.body };
    state.manifestCache.set(digest, entry);
    return entry;
  } catch (error) {
    if (error instanceof RegistryError && error.status === 400) return undefined; // invalid reference
    throw serverError(error instanceof Error ? error.message : String(error));
  }
}
