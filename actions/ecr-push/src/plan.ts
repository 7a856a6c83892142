/**
 * What to do with each tag, decided before anything is pushed: a tag that already holds this image is
 * skipped, a new tag is pushed, a mutable tag holding another image is moved, and an immutable one fails.
 */

export interface ExistingTag {
  tag: string;
  /** The manifest digest ECR has under the tag; undefined when the tag does not exist. */
  digest: string | undefined;
  /** The config digest of that manifest (= an image id), when it could be read. */
  configDigest?: string | undefined;
  immutable: boolean;
}

export interface LocalIdentity {
  /** The local image id (`sha256:` of its config). */
  imageId: string;
  /** Manifest digests Docker knows this image by in the target repository (from earlier pushes). */
  knownDigests: readonly string[];
}

export type TagAction =
  | { tag: string; action: 'push' }
  | { tag: string; action: 'skip'; digest: string }
  | { tag: string; action: 'move'; previousDigest: string };

export interface TagClash {
  tag: string;
  existingDigest: string;
}

export interface TagPlan {
  actions: TagAction[];
  clashes: TagClash[];
}

/** Whether the image under an existing tag is the local image. */
export function isSameImage(existing: ExistingTag, local: LocalIdentity): boolean {
  if (existing.digest === undefined) return false;
  if (local.knownDigests.includes(existing.digest)) return true;
  return existing.configDigest !== undefined && existing.configDigest === local.imageId;
}

export function planTags(existing: readonly ExistingTag[], local: LocalIdentity): TagPlan {
  const actions: TagAction[] = [];
  const clashes: TagClash[] = [];
  for (const entry of existing) {
    if (entry.digest === undefined) {
      actions.push({ tag: entry.tag, action: 'push' });
    } else if (isSameImage(entry, local)) {
      actions.push({ tag: entry.tag, action: 'skip', digest: entry.digest });
    } else if (entry.immutable) {
      clashes.push({ tag: entry.tag, existingDigest: entry.digest });
    } else {
      actions.push({ tag: entry.tag, action: 'move', previousDigest: entry.digest });
    }
  }
  return { actions, clashes };
}

export function clashMessage(
  clashes: readonly TagClash[],
  repositoryUri: string,
  local: LocalIdentity,
  mutability: string,
): string {
  const localText =
    local.knownDigests.length > 0
      ? `digest ${local.knownDigests[0]}`
      : `image id ${local.imageId}; its manifest digest is known only once pushed`;
  const lines = clashes.map(
    (clash) =>
      `- tag "${clash.tag}" already holds ${clash.existingDigest}; the image to push is a different one (${localText})`,
  );
  return [
    `Nothing was pushed: the repository ${repositoryUri} has ${mutability} tags, and ${clashes.length === 1 ? 'a tag already holds' : 'tags already hold'} another image:`,
    ...lines,
    'Push under a new tag (e.g. the headver image-tag of this build), or delete the old image if it was pushed by mistake.',
  ].join('\n');
}
