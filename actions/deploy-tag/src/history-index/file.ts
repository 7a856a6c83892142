/**
 * The history index's file: JSON lines, a header then one line per deploy tag (its ref target, its commit and its
 * tag message as records.ts wrote it, so every record field, present or future, carries over unchanged).
 */
import { formatTagMessage, parseTagMessage } from '../records.js';
import type { DeployTag } from '../tags.js';
import { parseVersion } from '../version.js';

export const INDEX_FILE = 'deploy-history.jsonl';
export const INDEX_FORMAT = 1;

/** One deploy tag as the index holds it: what its ref pointed at and what its message said when it was indexed. */
export interface IndexEntry {
  tag: string;
  /** The tag object (annotated) or the commit (lightweight) the ref points at. */
  object: string;
  /** The commit the tag points at. */
  sha: string;
  /** The tag's records as records.ts formats a tag message; absent for a legacy tag (no records). */
  message?: string;
  /** Why the tag's records were refused when it was read (made or edited by hand): it is left out, with a warning. */
  invalid?: string;
}

export interface IndexHeader {
  format: typeof INDEX_FORMAT;
  prefix: string;
  /**
   * How many refs `matching-refs/tags/<prefix>` listed when the index last matched the tags, or undefined while the
   * tags written before the index are still being read in: a count that differs shows a tag made or deleted by hand.
   */
  listed?: number;
}

export interface IndexContent {
  header: IndexHeader;
  entries: Map<string, IndexEntry>;
}

export function formatIndex(content: IndexContent): string {
  const lines = [JSON.stringify(content.header)];
  const sorted = [...content.entries.values()].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  for (const entry of sorted) lines.push(JSON.stringify(entry));
  return `${lines.join('\n')}\n`;
}

/** The index file's content, or undefined when it is not one this deploy-tag reads (then it is rebuilt from the tags). */
export function parseIndex(text: string, prefix: string): IndexContent | undefined {
  const [first, ...rest] = text.replace(/\n$/, '').split('\n');
  try {
    const header = JSON.parse(first ?? '') as IndexHeader;
    if (header.format !== INDEX_FORMAT || header.prefix !== prefix) return undefined;
    const entries = new Map<string, IndexEntry>();
    for (const line of rest) {
      const entry: unknown = JSON.parse(line);
      if (!isIndexEntry(entry)) return undefined;
      entries.set(entry.tag, entry);
    }
    return { header, entries };
  } catch {
    return undefined;
  }
}

/** Every field of the right type: a hand-edited entry (a message that is not text) must not crash every run. */
function isIndexEntry(entry: unknown): entry is IndexEntry {
  if (entry === null || typeof entry !== 'object') return false;
  const { tag, object, sha, message, invalid } = entry as Record<string, unknown>;
  const optionalText = (value: unknown) => value === undefined || typeof value === 'string';
  return (
    typeof tag === 'string' &&
    typeof object === 'string' &&
    typeof sha === 'string' &&
    optionalText(message) &&
    optionalText(invalid)
  );
}

export function entryOf(tag: DeployTag): IndexEntry {
  const base = { tag: tag.tag, object: tag.objectSha, sha: tag.sha };
  return tag.records === undefined
    ? base
    : { ...base, message: formatTagMessage(tag.version.text, tag.sha, tag.records) };
}

/** The deploy tag an entry stands for; throws RecordError for records that break a rule. */
export function tagOf(entry: IndexEntry, prefix: string): DeployTag | undefined {
  const version = parseVersion(entry.tag.slice(prefix.length));
  if (!version || !entry.tag.startsWith(prefix)) return undefined;
  const records =
    entry.message === undefined
      ? undefined
      : parseTagMessage(entry.message, { version: version.text, commit: entry.sha });
  return { tag: entry.tag, version, sha: entry.sha, objectSha: entry.object, records };
}
