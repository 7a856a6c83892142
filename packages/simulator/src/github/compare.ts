/**
 * The repository itself (https://docs.github.com/rest/repos/repos#get-a-repository: its default branch) and
 * comparing two commits (https://docs.github.com/rest/commits/commits#compare-two-commits): whether `head` is ahead
 * of, behind, identical to or diverged from `base`, by their ancestry.
 */
import type { GitHubResponse, SimClock } from '../contract.js';
import { commitObject, resolveCommitish } from './history.js';
import type { Repository, RouteContext } from './model.js';
import { error, ok } from './responses.js';

export function getRepository({ repo, route, origin }: RouteContext): GitHubResponse {
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  return ok(
    200,
    {
      name: repo.name,
      full_name: `${repo.owner}/${repo.name}`,
      owner: { login: repo.owner },
      private: false,
      html_url: `https://github.com/${repo.owner}/${repo.name}`,
      url: base,
      default_branch: repo.defaultBranch,
    },
    route,
  );
}

/** Every commit reachable from `sha` (itself included), each with its distance from it. */
function ancestry(repo: Repository, sha: string, clock: SimClock): Map<string, number> {
  const seen = new Map<string, number>([[sha, 0]]);
  const queue = [sha];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const parent of commitObject(repo, current, clock)?.parents ?? []) {
      if (seen.has(parent)) continue;
      seen.set(parent, (seen.get(current) ?? 0) + 1);
      queue.push(parent);
    }
  }
  return seen;
}

// Compare two commits: `{basehead}` is `BASE...HEAD` (branch, tag or sha each); 404 when either is unknown.
export function compareCommits({ params, repo, route, clock }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/commits/commits#compare-two-commits';
  const [baseRef = '', headRef = ''] = (params.basehead ?? '').split('...');
  const base = resolveCommitish(repo, baseRef);
  const head = resolveCommitish(repo, headRef);
  if (!base || !head) return error(404, 'Not Found', docs, route);
  const fromBase = ancestry(repo, base, clock);
  const fromHead = ancestry(repo, head, clock);
  const aheadBy = [...fromHead.keys()].filter((sha) => !fromBase.has(sha)).length;
  const behindBy = [...fromBase.keys()].filter((sha) => !fromHead.has(sha)).length;
  const status =
    aheadBy === 0 && behindBy === 0 ? 'identical' : aheadBy === 0 ? 'behind' : behindBy === 0 ? 'ahead' : 'diverged';
  const mergeBase = [...fromHead.entries()].filter(([sha]) => fromBase.has(sha)).sort((a, b) => a[1] - b[1])[0]?.[0];
  return ok(
    200,
    {
      status,
      ahead_by: aheadBy,
      behind_by: behindBy,
      total_commits: aheadBy,
      base_commit: { sha: base },
      merge_base_commit: mergeBase ? { sha: mergeBase } : null,
    },
    route,
  );
}
