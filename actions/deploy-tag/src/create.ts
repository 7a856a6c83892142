/**
 * Create mode: record this deploy in the version's tag. A new version gets a new annotated tag on its commit; a
 * version deployed before (another environment, a redeploy) gets this deploy added to its tag's records. Every write
 * is read back, since the refs API has no compare-and-swap: what the step reports is what the tag says afterwards.
 */
import { ConfigurationError, errorMessage, inOrder, realSleep } from '@ecs-actions/core';
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
import type { CreateInputs } from './inputs.js';
import { recordOutput } from './lookup.js';
import { APPLICATION_RECORD_FORMAT, type DeployRecord, formatTagMessage, RECORD_FORMAT } from './records.js';
import type { DeployTagResult } from './result.js';
import { type DeployTag, readAllDeployTags, readDeployTag, repositoryOf } from './tags.js';

/** How often a record lost to a concurrent writer of the same tag is written again. */
const WRITE_ATTEMPTS = 3;
/**
 * The pause before a written tag is read back a second time, to catch a writer that overlapped ours: another run
 * that read the tag before our write landed writes within about its own read-to-write time, which is about ours
 * (same API, same kind of runner). So the pause is twice ours, at least SETTLE_MIN_MS and at most SETTLE_MAX_MS: on
 * github.com (a few hundred ms from read to write, more after a retry) that is the full second; on a fast API less.
 */
export const SETTLE_MIN_MS = 100;
export const SETTLE_MAX_MS = 1000;

export function settleAfterWrite(readToWriteMs: number): number {
  return Math.min(SETTLE_MAX_MS, Math.max(SETTLE_MIN_MS, 2 * readToWriteMs));
}

type Outcome = Pick<DeployTagResult, 'action' | 'movedFrom' | 'message'>;

export async function createDeployTag(inputs: CreateInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const records = recordsOf(inputs, deps.clock.now());
  // When the tags our write is based on were read: the start of the window another writer could overlap. They are
  // read while the commit is checked (reads both; nothing is written before the commit is known to exist).
  let readAt = deps.clock.now();
  let [, tags] = await inOrder([checkCommit(inputs, deps), readAllDeployTags(inputs, deps)] as const);
  const history = historyAt(tags, inputs.place);
  // What ran here before this deploy: a redeploy of the current version reports the one before it.
  const before = history.current && history.current.tag.tag !== inputs.tag ? history.current : history.previous;

  let outcome: Outcome | undefined;
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS && !outcome; attempt++) {
    const existing = tags.find((tag) => tag.tag === inputs.tag);
    const written = existing
      ? await writeToExisting(inputs, deps, existing, records)
      : await writeNew(inputs, deps, records);
    if (written === 'raced') {
      readAt = deps.clock.now();
      tags = [...tags.filter((tag) => tag.tag !== inputs.tag), ...(await readBack(inputs, deps))];
      continue;
    }
    outcome = await verify(inputs, deps, records, written, settleAfterWrite(deps.clock.now() - readAt));
    if (!outcome) {
      deps.info?.(
        `Another run rewrote ${inputs.tag} at the same time and this deploy's record was lost; writing it again.`,
      );
      readAt = deps.clock.now();
      tags = [...tags.filter((tag) => tag.tag !== inputs.tag), ...(await readBack(inputs, deps))];
    }
  }
  if (!outcome) {
    throw new Error(
      `Could not record this deploy in tag ${inputs.tag} of ${repositoryOf(inputs)}: other runs rewrote the tag ${WRITE_ATTEMPTS} times while this one wrote it. The deployment itself is done; re-run this step to record it.`,
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

/** The commit must exist before anything is written (GET a commit: 422 "No commit found for SHA"). */
async function checkCommit(inputs: CreateInputs, deps: DeployTagDeps): Promise<void> {
  try {
    await withRetry(
      () =>
        deps.github.request('GET /repos/{owner}/{repo}/commits/{ref}', {
          owner: inputs.owner,
          repo: inputs.repo,
          ref: inputs.sha,
        }),
      deps.sleep,
    );
  } catch (error) {
    if (statusOf(error) === 422) {
      throw new ConfigurationError(
        `Input "sha": commit ${inputs.sha} (from ${inputs.shaSource}) does not exist in ${repositoryOf(inputs)}. Tag the commit that was built and deployed: the full sha of a pushed commit.`,
      );
    }
    throw explain(error, context(inputs, `read commit ${inputs.sha}`, 'contents: read'));
  }
}

/** Creates the tag; 'raced' when another run created it between our read and our write. */
async function writeNew(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  records: DeployRecord[],
): Promise<Outcome | 'raced'> {
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
  return { action: 'created', message };
}

async function writeToExisting(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  existing: DeployTag,
  records: DeployRecord[],
): Promise<Outcome> {
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
    await updateRef(inputs, deps, await createTagObject(inputs, deps, message));
    deps.info?.(
      `Added this deploy to tag ${inputs.tag} on ${inputs.sha} (${(existing.records?.length ?? 0) + records.length} deploys recorded).`,
    );
    return { action: 'recorded', message };
  }
  if (inputs.onExists !== 'move') {
    throw new ConfigurationError(
      `Tag ${inputs.tag} already exists on commit ${existing.sha}, but this run deploys commit ${inputs.sha} (from ${inputs.shaSource}). One version should come from one commit: build a new version, or set on-exists: move to move the tag to ${inputs.sha}.`,
    );
  }
  // The old commit's deploy records describe another build: a moved tag starts its history anew.
  const message = formatTagMessage(inputs.version.text, inputs.sha, records);
  await updateRef(inputs, deps, await createTagObject(inputs, deps, message));
  deps.info?.(`Moved tag ${inputs.tag} from ${existing.sha} to ${inputs.sha}.`);
  return { action: 'moved', movedFrom: existing.sha, message };
}

/**
 * Reads the tag back twice (the second time after `settleMs`; once when nothing was written): both must show our
 * commit and our record. Another run's record lost on the way is rewritten by the caller (undefined); a move lost
 * to another run's is reported.
 */
async function verify(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  records: DeployRecord[],
  outcome: Outcome,
  settleMs: number,
): Promise<Outcome | undefined> {
  // A re-run that found its record already there wrote nothing another run could overwrite: one read suffices.
  for (const wait of outcome.action === 'kept' ? [0] : [0, settleMs]) {
    if (wait > 0) await (deps.sleep ?? realSleep)(wait);
    const [now] = await readBack(inputs, deps);
    if (now?.sha !== inputs.sha) {
      throw new Error(
        `Tag ${inputs.tag} was ${outcome.action} on ${inputs.sha}, but another run changed it at the same time: it now ${
          now ? `points at ${now.sha}` : 'does not exist'
        }. This run's deploy is not recorded in the tag; check the other run before re-running this step.`,
      );
    }
    const ignored = outcome.action === 'kept' ? (['time'] as const) : [];
    if (!records.every((record) => now.records?.some((found) => sameRecord(found, record, ignored)))) return undefined;
  }
  return outcome;
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

/** Creates the annotated tag object (GitHub: a tag object first, then the ref); returns its sha. */
async function createTagObject(inputs: CreateInputs, deps: DeployTagDeps, message: string): Promise<string> {
  const response = await call(deps, context(inputs, 'create the tag object'), () =>
    deps.github.request('POST /repos/{owner}/{repo}/git/tags', {
      owner: inputs.owner,
      repo: inputs.repo,
      tag: inputs.tag,
      message,
      object: inputs.sha,
      type: 'commit',
    }),
  );
  return response.data.sha;
}

function context(inputs: CreateInputs, what: string, permission = 'contents: write'): CallContext {
  return { what, permission, repository: repositoryOf(inputs) };
}
