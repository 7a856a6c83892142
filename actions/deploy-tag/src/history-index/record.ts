/**
 * Create mode's half of the history index: after the tag is written, its entry is appended to the index with a
 * compare-and-swap (writeIndex). A run that loses the swap re-reads the index; if another run meanwhile put the tag
 * on another commit, this run's write is undone and the step fails saying so, rather than claiming a tag it lost.
 */

import { call, type DeployTagDeps } from '../github.js';
import type { CreateInputs } from '../inputs.js';
import type { DeployTagResult } from '../result.js';
import { type DeployTag, repositoryOf } from '../tags.js';
import type { IndexEntry } from './file.js';
import { writeIndex } from './store.js';
import type { DeployHistory } from './sync.js';

/**
 * Appends the tag as this run wrote it (its message as records.ts formatted it) to the index read as `history`:
 * 'raced' when another run appended first; 'unchanged' when the index holds it so already.
 */
export async function indexTag(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  history: DeployHistory,
  entry: IndexEntry | undefined,
): Promise<'indexed' | 'unchanged' | 'raced'> {
  const known = history.content.entries.get(inputs.tag);
  if (entry === undefined || known?.object === entry.object) return 'unchanged';
  const entries = new Map(history.content.entries).set(inputs.tag, entry);
  const listed = history.content.header.listed;
  // The index matched the tag list when read: a tag it did not hold is one more ref in that list now.
  const header = { ...history.content.header, ...(listed !== undefined && !known ? { listed: listed + 1 } : {}) };
  const head = await writeIndex(
    inputs,
    deps,
    history.stored,
    { header, entries },
    `deploy-tag: ${inputs.tag} on ${inputs.sha} (${inputs.place.environment})`,
  );
  return head === 'raced' ? 'raced' : 'indexed';
}

/**
 * After a lost swap: when another run put the tag on another commit than the one this run wrote over (a `move`
 * racing a move or a create), this run's tag write is undone (the tag put back where the index says) and the step
 * fails with what happened. Otherwise the caller writes its deploy again on top of the other run's.
 */
export async function refuseLostRace(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  history: DeployHistory,
  overwritten: DeployTag | undefined,
  done: Pick<DeployTagResult, 'action'>,
): Promise<void> {
  const now = history.content.entries.get(inputs.tag);
  if (!now || now.sha === inputs.sha || now.sha === overwritten?.sha) return;
  await call(
    deps,
    {
      what: `put back the ref refs/tags/${inputs.tag}`,
      permission: 'contents: write',
      repository: repositoryOf(inputs),
    },
    () =>
      deps.github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: inputs.owner,
        repo: inputs.repo,
        ref: `tags/${inputs.tag}`,
        sha: now.object,
        force: true,
      }),
  );
  throw new Error(
    `Tag ${inputs.tag} was ${done.action} on ${inputs.sha}, but another run put it on ${now.sha} at the same time and recorded that first. This run's deploy is not recorded (the tag is back on ${now.sha}); check the other run before re-running this step.`,
  );
}
