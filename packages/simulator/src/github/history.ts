/** What a sha or a ref names in a repository: object types, tags peeled to commits, commits seeded or made. */
import { createHash } from 'node:crypto';
import type { SimClock } from '../contract.js';
import type { CommitObject, Repository } from './model.js';
import { isoSeconds } from './responses.js';

export function objectType(repo: Repository, sha: string): 'commit' | 'tag' | undefined {
  if (repo.commitSet.has(sha)) return 'commit';
  if (repo.tagObjects.has(sha)) return 'tag';
  return undefined;
}

/** Follows tag objects to the commit. */
export function peel(repo: Repository, sha: string): string {
  let current = sha;
  for (let depth = 0; depth < 10; depth++) {
    const tag = repo.tagObjects.get(current);
    if (!tag) return current;
    current = tag.object.sha;
  }
  return current;
}

export function resolveCommitish(repo: Repository, ref: string): string | undefined {
  const lower = ref.toLowerCase();
  if (repo.commitSet.has(lower)) return lower;
  if (/^[0-9a-f]{7,39}$/.test(lower)) {
    const matches = repo.commits.filter((c) => c.startsWith(lower));
    if (matches.length === 1) return matches[0];
  }
  for (const full of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`]) {
    const target = repo.refs.get(full);
    if (target) return peel(repo, target.sha);
  }
  return undefined;
}

/**
 * Whether the commit a ref would point at changes `.github/workflows/` compared with its first parent. GitHub
 * refuses such a ref to a token without the `workflows` permission, over git and REST alike (GITHUB_TOKEN can never
 * have it). Seeded commits came by a push of someone allowed to, so only commits made through the API count.
 */
export function changesWorkflows(repo: Repository, sha: string, clock: SimClock): boolean {
  const commit = repo.commitObjects.get(peel(repo, sha));
  if (!commit) return false;
  const parent = commit.parents[0] ? commitObject(repo, commit.parents[0], clock) : undefined;
  const workflowFiles = (tree: string | undefined) =>
    JSON.stringify(
      [...(tree ? (repo.trees.get(tree) ?? []) : [])]
        .filter(([file]) => file.startsWith('.github/workflows/'))
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  return workflowFiles(commit.tree) !== workflowFiles(parent?.tree);
}

export function commitObject(repo: Repository, sha: string, clock: SimClock): CommitObject | undefined {
  const made = repo.commitObjects.get(sha);
  if (made) return made;
  const index = repo.commits.indexOf(sha);
  if (index < 0) return undefined;
  const parent = index > 0 ? repo.commits[index - 1] : undefined;
  const date = isoSeconds(clock.now() - (repo.commits.length - index) * 3_600_000);
  const person = { name: 'Octo Dev', email: 'dev@example.com', date };
  return {
    tree: seededTree(sha),
    parents: parent ? [parent] : [],
    message: `Commit ${sha.slice(0, 7)}`,
    author: person,
    committer: person,
  };
}

/** The tree of a seeded commit, whose content is not simulated (an empty tree of its own). */
export function seededTree(commit: string): string {
  return createHash('sha1').update(`tree ${commit}`).digest('hex');
}

/**
 * Whether `ancestor` is `descendant` or one of its ancestors: what makes a ref update a fast-forward. Walks parents
 * breadth-first (seeded history and commits made through the API alike), bounded by the commits that exist.
 */
export function isAncestor(repo: Repository, ancestor: string, descendant: string, clock: SimClock): boolean {
  const queue = [descendant];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const sha = queue.shift() as string;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const index = repo.commitObjects.has(sha) ? -1 : repo.commits.indexOf(sha);
    // A seeded commit's ancestors are the seeded commits before it: answered without walking them one by one.
    if (index >= 0) {
      if (repo.commits.indexOf(ancestor) >= 0 && repo.commits.indexOf(ancestor) <= index) return true;
      continue;
    }
    queue.push(...(commitObject(repo, sha, clock)?.parents ?? []));
  }
  return false;
}
