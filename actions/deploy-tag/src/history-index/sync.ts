/**
 * The deploy history as the lookups and create mode read it: the index, checked against the tag list with one
 * request, and brought up to date from the tags when they differ (tags written before the index, by hand, or by a
 * run that stopped between its tag and its index write). Catching up reads only the tags the index lacks, newest
 * versions first, at most MIGRATION_READS_PER_RUN of them per run, saving its progress as it goes (resumable).
 */
import { call, type DeployTagDeps, statusOf } from '../github.js';
import { RecordError } from '../records.js';
import {
  type DeployTag,
  InvalidRecordsError,
  invalidRecordsError,
  listTagRefs,
  type RepoInputs,
  repositoryOf,
  resolveTag,
  type TagRef,
} from '../tags.js';
import { compareVersions, parseVersion } from '../version.js';
import { entryOf, INDEX_FORMAT, type IndexContent, type IndexEntry, tagOf } from './file.js';
import { readIndex, type StoredIndex, writeIndex } from './store.js';

/** Tags read into the index per run at most: a repository's first run after the change stays far below the hour's quota. */
export const MIGRATION_READS_PER_RUN = 400;
/** Progress is saved after this many tags read, so an interrupted run loses little. */
const CHECKPOINT_READS = 200;
const PARALLEL_READS = 8;
/** How often a save lost to another run's append is tried again (on top of the index just re-read). */
const SAVE_ATTEMPTS = 4;
const PAGE = 100;

export interface DeployHistory {
  /** Every deploy tag the index holds whose records are valid. */
  tags: DeployTag[];
  /** The index as read (its head is the base of the next append). */
  stored: StoredIndex;
  content: IndexContent;
}

/**
 * How the index is checked against the tags: 'refs' (lookups) the count and every ref's object; 'count' the count
 * only (create mode after a lost swap: its own tag write differs from the index the other run wrote, and must be
 * written again on top of that index, not read in over it); 'none' (create mode's first read) no request: a tag
 * made, deleted or changed by hand is still seen by the next lookup's check, as create mode adds one to the count for
 * a tag it adds and indexes only the ref it wrote, so a difference the index did not make stays a difference.
 */
export type IndexCheck = 'refs' | 'count' | 'none';

export async function readDeployHistory(
  inputs: RepoInputs,
  deps: DeployTagDeps,
  { check = 'refs' }: { check?: IndexCheck } = {},
): Promise<DeployHistory> {
  let stored = await readIndex(inputs, deps);
  const listed = stored.content?.header.listed;
  if (
    stored.content &&
    listed !== undefined &&
    (check === 'none' || (await indexMatchesTags(stored.content, listed, check === 'refs', inputs, deps)))
  ) {
    return historyOf(stored, stored.content, inputs, deps);
  }
  const caughtUp = await catchUp(stored, inputs, deps);
  stored = caughtUp.stored;
  return historyOf(stored, caughtUp.content, inputs, deps);
}

/**
 * Whether the index still matches the tags, in one request: `matching-refs/tags/<prefix>` lists `listed` refs, and
 * (GitHub answers the listing whole) each deploy tag's ref points at the object the index holds. A tag made or deleted
 * by hand changes the count; a deploy added to a tag or a tag moved by a run that stopped before its index append (or
 * by hand) changes that ref's object: either way the run reads just those tags in. Were the listing paged, only the
 * count on its last page is checked.
 */
async function indexMatchesTags(
  content: IndexContent,
  listed: number,
  byRef: boolean,
  inputs: RepoInputs,
  deps: DeployTagDeps,
): Promise<boolean> {
  const page = Math.max(1, Math.ceil(listed / PAGE));
  const response = await call(
    deps,
    { what: `list the tags ${inputs.prefix}*`, permission: 'contents: read', repository: repositoryOf(inputs) },
    () =>
      deps.github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
        owner: inputs.owner,
        repo: inputs.repo,
        ref: `tags/${inputs.prefix}`,
        per_page: PAGE,
        page,
      }),
  );
  const link = response.headers.link ?? '';
  const paged = /rel="(?:next|prev)"/.test(link);
  if (/rel="next"/.test(link) || response.data.length !== (paged ? listed - PAGE * (page - 1) : listed)) return false;
  return !byRef || paged || response.data.every((ref) => refIsIndexed(ref, content, inputs.prefix));
}

function refIsIndexed(ref: { ref: string; object: { sha: string } }, content: IndexContent, prefix: string): boolean {
  const tag = ref.ref.replace(/^refs\/tags\//, '');
  const entry = content.entries.get(tag);
  if (entry) return entry.object === ref.object.sha;
  // A ref under the prefix that names no version is not a deploy tag: the index holds no entry for it.
  return !tag.startsWith(prefix) || parseVersion(tag.slice(prefix.length)) === undefined;
}

async function catchUp(
  stored: StoredIndex,
  inputs: RepoInputs,
  deps: DeployTagDeps,
): Promise<{ stored: StoredIndex; content: IndexContent }> {
  const { refs, listed } = await listTagRefs(inputs, deps);
  const entries = new Map(stored.content?.entries ?? []);
  const present = new Set(refs.map((ref) => ref.tag));
  // Tags deleted (by hand) since the index was saved: dropped here and from what another run saved meanwhile.
  const deleted = new Set([...entries.keys()].filter((tag) => !present.has(tag)));
  for (const tag of deleted) entries.delete(tag);
  const missing = refs
    .filter((ref) => entries.get(ref.tag)?.object !== ref.objectSha)
    .sort((a, b) => compareVersions(b.version, a.version));
  const toRead = missing.slice(0, MIGRATION_READS_PER_RUN);
  let content: IndexContent = { header: { format: INDEX_FORMAT, prefix: inputs.prefix }, entries };
  let saveable = true;
  const save = async (complete: boolean) => {
    if (!saveable) return;
    const header = { format: INDEX_FORMAT, prefix: inputs.prefix, ...(complete ? { listed } : {}) } as const;
    const saved = await saveMerged(stored, { header, entries }, deleted, inputs, deps).catch((error: unknown) => {
      // A read-only token (a lookup job with contents: read) still answers from what it read; the next run saves.
      if (statusOf(error) !== 403 && !/contents: write/.test(String(error))) throw error;
      deps.info?.(
        `The deploy history index could not be saved with this token (${String(error)}); read from the tags.`,
      );
      saveable = false;
      return undefined;
    });
    if (saved) ({ stored, content } = saved);
  };
  for (let start = 0; start < toRead.length; start += PARALLEL_READS) {
    const batch = await Promise.all(
      toRead.slice(start, start + PARALLEL_READS).map((ref) => indexEntryOf(ref, inputs, deps)),
    );
    for (const entry of batch) entries.set(entry.tag, entry);
    const read = start + batch.length;
    if (read % CHECKPOINT_READS < PARALLEL_READS && read < toRead.length) await save(false);
  }
  const complete = toRead.length === missing.length;
  if (!complete) {
    deps.warning?.(
      `Read ${toRead.length} of the ${missing.length} deploy tags ${inputs.prefix}* of ${repositoryOf(inputs)} the deploy history index lacks (newest versions first); the next runs read the other ${missing.length - toRead.length}. Until then the history lacks the oldest versions.`,
    );
  }
  // What is answered from: the index as saved (merged with any other run's entries, the base of a create's append),
  // else (a read-only token, or nothing to save) what this run read.
  content = { header: { format: INDEX_FORMAT, prefix: inputs.prefix, ...(complete ? { listed } : {}) }, entries };
  if (toRead.length > 0 || !complete || stored.content?.header.listed !== listed) await save(complete);
  return { stored, content };
}

/**
 * Saves what this run read over whatever another run saved meanwhile (entries read from the tags are the newer);
 * the tags this run saw deleted stay out (the stored index still holds them).
 */
async function saveMerged(
  base: StoredIndex,
  ours: IndexContent,
  deleted: ReadonlySet<string>,
  inputs: RepoInputs,
  deps: DeployTagDeps,
): Promise<{ stored: StoredIndex; content: IndexContent } | undefined> {
  let stored = base;
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const theirs = [...(stored.content?.entries ?? [])].filter(([tag]) => !deleted.has(tag));
    const entries = new Map([...theirs, ...ours.entries]);
    const content = { header: ours.header, entries };
    const head = await writeIndex(inputs, deps, stored, content, `deploy-tag: index ${entries.size} deploy tags`);
    if (head !== 'raced') return { stored: { head, content }, content };
    stored = await readIndex(inputs, deps);
  }
  return undefined;
}

async function indexEntryOf(ref: TagRef, inputs: RepoInputs, deps: DeployTagDeps): Promise<IndexEntry> {
  try {
    return entryOf(await resolveTag(ref, inputs, deps));
  } catch (error) {
    if (!(error instanceof InvalidRecordsError)) throw error;
    return { tag: ref.tag, object: ref.objectSha, sha: '', invalid: error.message };
  }
}

function historyOf(stored: StoredIndex, content: IndexContent, inputs: RepoInputs, deps: DeployTagDeps): DeployHistory {
  const tags: DeployTag[] = [];
  for (const entry of content.entries.values()) {
    try {
      if (entry.invalid !== undefined) throw new InvalidRecordsError(entry.invalid);
      const tag = tagOf(entry, inputs.prefix);
      if (tag) tags.push(tag);
    } catch (error) {
      const refused = error instanceof RecordError ? invalidRecordsError(entry.tag, inputs, error) : error;
      if (!(refused instanceof InvalidRecordsError)) throw refused;
      deps.warning?.(`${refused.message} It is left out of the deploy history.`);
    }
  }
  return { tags, stored, content };
}
