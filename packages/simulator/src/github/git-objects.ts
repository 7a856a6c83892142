/**
 * Git object ids as git computes them (sha1 of `<type> <size>\0<content>`), so that blobs, trees and commits made
 * through the simulator's git data API have the shas a real repository would give the same content.
 */
import { createHash } from 'node:crypto';

/** A tree entry at a full path (`.github/workflows/x.yml`); trees are kept flat and nested only to hash them. */
export interface TreeEntry {
  mode: string;
  type: 'blob' | 'commit';
  sha: string;
}

export interface Person {
  name: string;
  email: string;
  date: string;
}

function objectSha(type: string, content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]))
    .digest('hex');
}

export function blobSha(content: Buffer): string {
  return objectSha('blob', content);
}

/**
 * The sha of the root tree holding `entries` (full paths), and the sha of every subtree by its path ('' is the
 * root). Entries are ordered as git orders them: by name, a tree's name compared as if it ended in `/`.
 */
export function treeShas(entries: ReadonlyMap<string, TreeEntry>): Map<string, string> {
  const shas = new Map<string, string>();
  const hash = (dir: string): string => {
    const prefix = dir === '' ? '' : `${dir}/`;
    const children = new Map<string, { mode: string; sha: string; tree: boolean }>();
    for (const [file, entry] of entries) {
      if (!file.startsWith(prefix)) continue;
      const [name = '', ...rest] = file.slice(prefix.length).split('/');
      if (rest.length === 0) children.set(name, { mode: entry.mode, sha: entry.sha, tree: false });
      else if (!children.has(name)) children.set(name, { mode: '40000', sha: hash(`${prefix}${name}`), tree: true });
    }
    const key = (name: string, tree: boolean) => (tree ? `${name}/` : name);
    const sorted = [...children].sort(([a, x], [b, y]) => (key(a, x.tree) < key(b, y.tree) ? -1 : 1));
    const content = Buffer.concat(
      sorted.map(([name, child]) =>
        Buffer.concat([Buffer.from(`${child.mode} ${name}\0`), Buffer.from(child.sha, 'hex')]),
      ),
    );
    const sha = objectSha('tree', content);
    shas.set(dir, sha);
    return sha;
  };
  hash('');
  return shas;
}

function signature(person: Person): string {
  return `${person.name} <${person.email}> ${Math.floor(Date.parse(person.date) / 1000)} +0000`;
}

export function commitSha(input: {
  tree: string;
  parents: readonly string[];
  author: Person;
  committer: Person;
  message: string;
}): string {
  const lines = [
    `tree ${input.tree}`,
    ...input.parents.map((p) => `parent ${p}`),
    `author ${signature(input.author)}`,
    `committer ${signature(input.committer)}`,
  ];
  return objectSha('commit', Buffer.from(`${lines.join('\n')}\n\n${input.message}`));
}
