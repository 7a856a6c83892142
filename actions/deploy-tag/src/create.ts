/**
 * Create mode: record this deploy in the version's tag. A new version gets a new annotated tag on its commit; a
 * version deployed before (another environment, a redeploy) gets this deploy added to its tag's records. The tag is
 * written first, then the history index (history-index/) is appended with a compare-and-swap: a run that loses it to
 * another run's append writes its deploy again on top of the other's, so both land, in order.
 */
import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { succeedDeployment } from './deployment.js';
import {
  type CallContext,
  call,
  type DeployTagDeps,
  explain,
  githubMessage,
  isRequestError,
  statusOf,
  withRetry,
} from './github.js';
import { historyAt } from './history.js';
import { entryOf } from './history-index/file.js';
import { indexTag, refuseLostRace } from './history-index/record.js';
import { readDeployHistory } from './history-index/sync.js';
import type { CreateInputs } from './inputs.js';
import { recordOutput } from './lookup.js';
import { RateLimitError } from './rate-limit.js';
import { APPLICATION_RECORD_FORMAT, type DeployRecord, formatTagMessage, RECORD_FORMAT } from './records.js';
import type { DeployTagResult } from './result.js';
import { type DeployTag, listDeployTags, readDeployTag, repositoryOf, resolveTag } from './tags.js';

/** How often a record lost to a concurrent writer of the same tag is written again. */
const WRITE_ATTEMPTS = 3;
type Outcome = Pick<DeployTagResult, 'action' | 'movedFrom' | 'message'>;
/** An outcome with the tag object this run wrote (none when the tag already recorded this deploy). */
type Written = Outcome & { objectSha?: string };

export async function createDeployTag(inputs: CreateInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const records = recordsOf(inputs, deps.clock.now());
  // No separate commit check: the first write, the tag object, is refused (422) for a commit that does not exist.
  let history = await readDeployHistory(inputs, deps, { check: 'none' });
  let tags = await withTagAsItIs(inputs, deps, history.tags);
  const place = historyAt(tags, inputs.place);
  // What ran here before this deploy: a redeploy of the current version reports the one before it.
  const before = place.current && place.current.tag.tag !== inputs.tag ? place.current : place.previous;

  let outcome: Outcome | undefined;
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS && !outcome; attempt++) {
    const existing = tags.find((tag) => tag.tag === inputs.tag);
    const written = existing
      ? await writeToExisting(inputs, deps, existing, records)
      : await writeNew(inputs, deps, records);
    if (written === 'raced') {
      // The tag exists but the index does not hold it (made by hand, or by a run that has not indexed it yet).
      tags = [...tags.filter((tag) => tag.tag !== inputs.tag), ...(await readBack(inputs, deps))];
      continue;
    }
    const { objectSha, ...done } = written;
    // A kept tag is indexed as it is (it may be one the index lacked: made by hand, or by a run that stopped).
    const entry = objectSha
      ? { tag: inputs.tag, object: objectSha, sha: inputs.sha, ...(done.message ? { message: done.message } : {}) }
      : existing && entryOf(existing);
    const indexed = await indexTag(inputs, deps, history, entry).catch((error: unknown) => {
      throw unindexedError(inputs, done, error);
    });
    if (indexed !== 'raced') {
      outcome = done;
      continue;
    }
    // Another run appended to the index first: its write is the newer; ours is made again on top of it. This read
    // checks the tag count: the other run may have written a tag (ours too) it had not indexed yet.
    history = await readDeployHistory(inputs, deps, { check: 'count' });
    tags = history.tags;
    if (objectSha && history.content.entries.get(inputs.tag)?.object === objectSha) {
      // The other run's catch-up indexed this run's tag as written (a new tag counts in the tag list): it landed.
      outcome = done;
      continue;
    }
    await refuseLostRace(inputs, deps, history, existing, done);
    deps.info?.(`Another run recorded a deploy at the same time; writing this deploy to ${inputs.tag} again after it.`);
  }
  if (!outcome) {
    throw new Error(
      `Could not record this deploy in tag ${inputs.tag} of ${repositoryOf(inputs)}: other runs recorded deploys ${WRITE_ATTEMPTS} times while this one wrote it. The deployment itself is done; re-run this step to record it.`,
    );
  }

  const result: DeployTagResult = {
    mode: 'create',
    ...outcome,
    tag: inputs.tag,
    sha: inputs.sha,
    version: inputs.version.text,
    created: outcome.action === 'created' || outcome.action === 'moved',
    shaSource: inputs.shaSource,
    ...(inputs.metadata.image !== undefined ? { image: inputs.metadata.image } : {}),
    ...(inputs.metadata.imageDigest !== undefined ? { imageDigest: inputs.metadata.imageDigest } : {}),
    ...(inputs.metadata.taskDefinitionArn !== undefined
      ? { taskDefinitionArn: inputs.metadata.taskDefinitionArn }
      : {}),
    ...(before ? { previous: recordOutput(before) } : {}),
  };
  if (inputs.createDeployment) {
    try {
      result.deploymentId = await succeedDeployment(inputs, deps);
    } catch (error) {
      // The tag is written: say so, so that a re-run (which keeps the tag) is known to be safe.
      const message = `Tag ${inputs.tag} was ${outcome.action} on ${inputs.sha} (this deploy is recorded), but the GitHub Deployment for environment ${inputs.place.environment} was not set to success: ${errorMessage(error)}`;
      throw error instanceof ConfigurationError ? new ConfigurationError(message) : new Error(message);
    }
  }
  return result;
}

/** The tag is written but the index append failed (a rate limit, a cancelled request): say what was done. */
function unindexedError(inputs: CreateInputs, done: Outcome, error: unknown): Error {
  // The tag's ref now differs from the index (a new ref, or another object): the next lookup's check sees it.
  const next = 'The next run that reads the deploy history reads this tag into the index.';
  const message = `Tag ${inputs.tag} was ${done.action} on ${inputs.sha} (this deploy is in the tag), but the deploy history index was not appended: ${errorMessage(error)} ${next}`;
  if (error instanceof RateLimitError) return new RateLimitError(message);
  return error instanceof ConfigurationError ? new ConfigurationError(message) : new Error(message);
}

/** This deploy's records: one for a single service; one per target for an application (input targets). */
function recordsOf(inputs: CreateInputs, nowMs: number): DeployRecord[] {
  const { image, imageDigest, taskDefinitionArn } = inputs.metadata;
  const common = {
    ...inputs.place,
    ...(image !== undefined ? { image } : {}),
    ...(imageDigest !== undefined ? { imageDigest } : {}),
    ...(inputs.runUrl !== undefined ? { run: inputs.runUrl } : {}),
    ...inputs.actors,
    time: new Date(nowMs).toISOString(),
  };
  if (!inputs.targets) {
    return [{ format: RECORD_FORMAT, ...common, ...(taskDefinitionArn !== undefined ? { taskDefinitionArn } : {}) }];
  }
  return inputs.targets.map((target) => ({
    format: APPLICATION_RECORD_FORMAT,
    ...common,
    target: target.target,
    kind: target.kind,
    [target.kind]: target.resource,
    ...(target.taskDefinitionArn !== undefined ? { taskDefinitionArn: target.taskDefinitionArn } : {}),
  }));
}

/** Creates the tag; 'raced' when another run created it between our read and our write. */
async function writeNew(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  records: DeployRecord[],
): Promise<Written | 'raced'> {
  const message = formatTagMessage(inputs.version.text, inputs.sha, records);
  const tagObject = await createTagObject(inputs, deps, message);
  try {
    await withRetry(
      () =>
        deps.github.request('POST /repos/{owner}/{repo}/git/refs', {
          owner: inputs.owner,
          repo: inputs.repo,
          ref: `refs/tags/${inputs.tag}`,
          sha: tagObject,
        }),
      deps.sleep,
    );
  } catch (error) {
    if (statusOf(error) === 422 && isRequestError(error) && /already exists/i.test(githubMessage(error)))
      return 'raced';
    throw explain(error, context(inputs, `create the ref refs/tags/${inputs.tag}`));
  }
  deps.info?.(`Created tag ${inputs.tag} on ${inputs.sha}.`);
  return { action: 'created', message, objectSha: tagObject };
}

async function writeToExisting(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  existing: DeployTag,
  records: DeployRecord[],
): Promise<Written> {
  if (existing.sha === inputs.sha) {
    if (inputs.onExists === 'fail') {
      throw new ConfigurationError(
        `Tag ${inputs.tag} already exists on ${inputs.sha} and on-exists is fail. Use on-exists: keep to add this deploy to it (a re-run, a rollback, or another environment).`,
      );
    }
    const already = records.every((record) => existing.records?.some((found) => sameRecord(found, record, ['time'])))
      ? existing.records?.find((found) => sameRecord(found, records[0] as DeployRecord, ['time']))
      : undefined;
    if (already) {
      // A re-run of the same job: its deploy is recorded already.
      deps.info?.(
        `Tag ${inputs.tag} on ${inputs.sha} already records this run's deploy (${already.time}); left unchanged.`,
      );
      return { action: 'kept' };
    }
    const message = formatTagMessage(inputs.version.text, inputs.sha, [...(existing.records ?? []), ...records]);
    const objectSha = await createTagObject(inputs, deps, message);
    await updateRef(inputs, deps, objectSha);
    deps.info?.(
      `Added this deploy to tag ${inputs.tag} on ${inputs.sha} (${(existing.records?.length ?? 0) + records.length} deploys recorded).`,
    );
    return { action: 'recorded', message, objectSha };
  }
  if (inputs.onExists !== 'move') {
    throw new ConfigurationError(
      `Tag ${inputs.tag} already exists on commit ${existing.sha}, but this run deploys commit ${inputs.sha} (from ${inputs.shaSource}). One version should come from one commit: build a new version, or set on-exists: move to move the tag to ${inputs.sha}.`,
    );
  }
  // The old commit's deploy records describe another build: a moved tag starts its history anew.
  const message = formatTagMessage(inputs.version.text, inputs.sha, records);
  const objectSha = await createTagObject(inputs, deps, message);
  await updateRef(inputs, deps, objectSha);
  deps.info?.(`Moved tag ${inputs.tag} from ${existing.sha} to ${inputs.sha}.`);
  return { action: 'moved', movedFrom: existing.sha, message, objectSha };
}

/**
 * The tag this run writes, as its ref says now when the index holds it: a run stopped between its tag write and its
 * index append (a deploy added, a move) leaves the tag count unchanged, so the index alone would miss that write and
 * this run would write the tag over it, erasing its record. One request, made only when the version has a tag.
 */
async function withTagAsItIs(inputs: CreateInputs, deps: DeployTagDeps, tags: DeployTag[]): Promise<DeployTag[]> {
  const indexed = tags.find((tag) => tag.tag === inputs.tag);
  if (!indexed) return tags;
  const ref = (await listDeployTags(inputs, deps, inputs.tag)).find((candidate) => candidate.tag === inputs.tag);
  if (ref?.objectSha === indexed.objectSha) return tags;
  const others = tags.filter((tag) => tag !== indexed);
  return ref ? [...others, await resolveTag(ref, inputs, deps)] : others;
}

async function readBack(inputs: CreateInputs, deps: DeployTagDeps): Promise<DeployTag[]> {
  const tag = await readDeployTag(inputs, deps, inputs.tag);
  return tag ? [tag] : [];
}

function sameRecord(a: DeployRecord, b: DeployRecord, ignored: readonly (keyof DeployRecord)[] = []): boolean {
  const key = (record: DeployRecord) =>
    JSON.stringify(
      Object.entries(record)
        .filter(([field]) => !ignored.includes(field as keyof DeployRecord))
        .sort(),
    );
  return key(a) === key(b);
}

async function updateRef(inputs: CreateInputs, deps: DeployTagDeps, tagObject: string): Promise<void> {
  await call(deps, context(inputs, `update the ref refs/tags/${inputs.tag}`), () =>
    deps.github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      owner: inputs.owner,
      repo: inputs.repo,
      ref: `tags/${inputs.tag}`,
      sha: tagObject,
      force: true,
    }),
  );
}

/**
 * Creates the annotated tag object (GitHub: a tag object first, then the ref); returns its sha. It is the first write
 * of every path, so a commit that does not exist (422 "Object does not exist") fails the step with nothing written.
 */
async function createTagObject(inputs: CreateInputs, deps: DeployTagDeps, message: string): Promise<string> {
  try {
    const response = await withRetry(
      () =>
        deps.github.request('POST /repos/{owner}/{repo}/git/tags', {
          owner: inputs.owner,
          repo: inputs.repo,
          tag: inputs.tag,
          message,
          object: inputs.sha,
          type: 'commit',
        }),
      deps.sleep,
    );
    return response.data.sha;
  } catch (error) {
    if (statusOf(error) === 422 && isRequestError(error) && /object does not exist/i.test(githubMessage(error))) {
      throw new ConfigurationError(
        `Input "sha": commit ${inputs.sha} (from ${inputs.shaSource}) does not exist in ${repositoryOf(inputs)}. Tag the commit that was built and deployed: the full sha of a pushed commit.`,
      );
    }
    throw explain(error, context(inputs, 'create the tag object'));
  }
}

function context(inputs: CreateInputs, what: string, permission = 'contents: write'): CallContext {
  return { what, permission, repository: repositoryOf(inputs) };
}
