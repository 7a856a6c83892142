/**
 * The push phase: every tag checked against what ECR holds, then the image tagged and pushed once with
 * `docker push`, further tags added with ECR PutImage of the stored manifest.
 */
import type { ECRClient, Repository } from '@aws-sdk/client-ecr';
import { type Clock, inOrder } from '@ecs-actions/core';
import { combinedOutput, type DockerCli, DockerCommandError, lastLines } from './docker.js';
import { configDigestOf, getManifest, isTagImmutable, putTag, type StoredManifest, tagDigest } from './ecr.js';
import { halfDone } from './half-done.js';
import type { EcrPushInputs } from './inputs.js';
import type { Logger } from './log.js';
import type { ExistingTag, TagAction } from './plan.js';

export interface RemoteTags {
  existing: ExistingTag[];
  /** Manifests read while checking the tags, by digest. */
  manifests: Map<string, StoredManifest | undefined>;
}

export interface PushContext {
  ecr: ECRClient;
  docker: DockerCli;
  log: Logger;
  inputs: EcrPushInputs;
  /** The login host's name of the repository, which `docker tag` and `docker push` use. */
  pushUri: string;
  imageId: string;
  plan: readonly TagAction[];
  remote: RemoteTags;
  clock: Clock;
}

export type Transfer = Required<Pick<TagResult, 'via' | 'durationMs'>>;

/**
 * Tags the image locally under every tag, then makes ECR hold it under each tag that needs it: the first
 * through `docker push` (the layers go up once) unless ECR already holds the image under a skipped tag, the
 * others with PutImage of the stored manifest (one API call each, no layer traffic). Returns tag → digest, from ECR.
 */
export async function pushTags(
  context: PushContext,
): Promise<{ held: Map<string, string>; transfers: Map<string, Transfer> }> {
  const { ecr, docker, log, inputs, pushUri, imageId, plan, remote, clock } = context;
  const held = new Map<string, string>();
  const transfers = new Map<string, Transfer>();
  for (const action of plan) if (action.action === 'skip') held.set(action.tag, action.digest);
  const pending = plan.filter((action) => action.action !== 'skip');
  if (pending.length === 0) return { held, transfers };

  const push = log.group(`Push ${pushUri} (${pending.map((action) => action.tag).join(', ')})`, async () => {
    // Local names only, independent of each other: one docker process per tag, at once.
    await inOrder(
      plan.map(async ({ tag }) => {
        const reference = `${pushUri}:${tag}`;
        const tagged = await docker.run(['tag', imageId, reference]);
        if (tagged.exitCode !== 0) throw new DockerCommandError(`tag ${reference}`, tagged);
      }),
    );
    const pushWithDocker = async (tag: string) => {
      const started = clock.now();
      await dockerPush(docker, log, `${pushUri}:${tag}`);
      const digest = await tagDigest(ecr, inputs.repository, inputs.registryId, tag);
      if (digest === undefined) {
        throw new Error(`docker push reported success, but ECR does not list the tag ${tag} in ${inputs.repository}`);
      }
      held.set(tag, digest);
      const durationMs = clock.now() - started;
      transfers.set(tag, { via: 'docker push', durationMs });
      log.info(`Tag ${tag} → ${digest}: pushed with docker push in ${durationMs} ms`);
      return digest;
    };

    let rest: readonly TagAction[] = pending;
    let source = plan.find((action) => action.action === 'skip')?.tag;
    let sourceDigest = source === undefined ? undefined : held.get(source);
    if (sourceDigest === undefined) {
      const [first, ...others] = pending as [TagAction, ...TagAction[]];
      sourceDigest = await pushWithDocker(first.tag);
      source = first.tag;
      rest = others;
    }
    if (rest.length === 0) return;

    const stored =
      remote.manifests.get(sourceDigest) ??
      (await getManifest(ecr, inputs.repository, inputs.registryId, sourceDigest));
    for (const { tag } of rest) {
      if (stored) {
        const started = clock.now();
        const digest = await putTag(ecr, inputs.repository, inputs.registryId, sourceDigest, stored, tag);
        const durationMs = clock.now() - started;
        held.set(tag, digest);
        transfers.set(tag, { via: 'PutImage', durationMs });
        log.info(
          `Tag ${tag} → ${digest}: added with ECR PutImage in ${durationMs} ms (the image is there under ${source}; no layers sent)`,
        );
      } else {
        // Without ecr:BatchGetImage the manifest cannot be read back: push the tag like the first.
        await pushWithDocker(tag);
      }
    }
  });
  try {
    await push;
  } catch (error) {
    throw transfers.size > 0 ? halfDone(error, pushUri, plan, held) : error;
  }
  return { held, transfers };
}

async function dockerPush(docker: DockerCli, log: Logger, reference: string): Promise<void> {
  const pushed = await docker.run(['push', reference]);
  if (pushed.exitCode !== 0) {
    log.info(`docker push failed; the end of its output:\n${lastLines(combinedOutput(pushed), 15)}`);
    throw new DockerCommandError(
      `push ${reference}`,
      pushed,
      /denied|unauthorized/i.test(`${pushed.stdout}${pushed.stderr}`)
        ? 'The role needs ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:BatchCheckLayerAvailability and ecr:PutImage on the repository.'
        : '',
    );
  }
}

/** What ECR holds under each tag: its digest (undefined: no such tag) and the manifests of digests not known here. */
export interface TagDigests {
  digests: (string | undefined)[];
  manifests: Map<string, StoredManifest | undefined>;
}

/**
 * Reads what ECR holds under every tag (DescribeImages per tag, at once), and the manifest of each distinct digest
 * not in `knownDigests` (which may still be on its way), to recognise this image after a rebuild by its config
 * digest.
 */
export async function readTagDigests(
  ecr: ECRClient,
  inputs: EcrPushInputs,
  knownDigests: readonly string[] | Promise<readonly string[]>,
): Promise<TagDigests> {
  const [digests, known] = await Promise.all([
    Promise.all(inputs.tags.map((tag) => tagDigest(ecr, inputs.repository, inputs.registryId, tag))),
    knownDigests,
  ]);
  const unknown = [...new Set(digests.filter((digest): digest is string => !!digest && !known.includes(digest)))];
  const manifests = new Map(
    await Promise.all(
      unknown.map(
        async (digest) => [digest, await getManifest(ecr, inputs.repository, inputs.registryId, digest)] as const,
      ),
    ),
  );
  return { digests, manifests };
}

/** Every tag as the plan sees it: what it holds and whether the repository's rules let it move. */
export function existingTags(inputs: EcrPushInputs, repository: Repository, read: TagDigests): RemoteTags {
  const existing = inputs.tags.map((tag, index): ExistingTag => {
    const digest = read.digests[index];
    return {
      tag,
      digest,
      configDigest: digest ? configDigestOf(read.manifests.get(digest)) : undefined,
      immutable: isTagImmutable(
        tag,
        repository.imageTagMutability,
        repository.imageTagMutabilityExclusionFilters ?? [],
      ),
    };
  });
  return { existing, manifests: read.manifests };
}

export interface TagResult {
  tag: string;
  action: 'pushed' | 'skipped' | 'moved';
  /** For a moved tag: the digest it held before. */
  previousDigest?: string;
  /** How a pushed or moved tag got to ECR: `docker push`, or PutImage of a manifest ECR already held. */
  via?: 'docker push' | 'PutImage';
  /** How long that took (the push and reading the digest back, or the PutImage call). */
  durationMs?: number;
}
