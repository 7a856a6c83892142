/**
 * Commits: the git data API's commit objects (https://docs.github.com/rest/git/commits) and the REST commit view
 * (https://docs.github.com/rest/commits/commits).
 */
import type { GitHubResponse } from '../contract.js';
import { commitSha, type Person } from './git-objects.js';
import { commitObject, resolveCommitish } from './history.js';
import { BOT, type CommitObject, type Repository, type RouteContext } from './model.js';
import { asRecord, error, isoSeconds, nodeId, ok } from './responses.js';

// Create a commit (https://docs.github.com/rest/git/commits#create-a-commit): `message` and `tree` required,
// `parents` commit shas; author and committer default to the token's identity. Not on any branch until a ref
// points at it.
export function createGitCommit({ request, repo, route, origin, clock }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/git/commits#create-a-commit';
  const body = asRecord(request.body);
  for (const field of ['message', 'tree'] as const) {
    if (typeof body[field] !== 'string') {
      return error(422, `Invalid request.\n\n"${field}" wasn't supplied.`, docs, route);
    }
  }
  const tree = (body.tree as string).toLowerCase();
  if (!repo.trees.has(tree)) return error(422, 'Tree SHA does not exist', docs, route);
  const parents = (Array.isArray(body.parents) ? body.parents : []).map((p) => String(p).toLowerCase());
  if (parents.some((p) => !repo.commitSet.has(p))) {
    return error(422, 'Parent SHA does not exist or is not a commit object', docs, route);
  }
  const person = (value: unknown, fallback: Person): Person => {
    const given = asRecord(value);
    return {
      name: typeof given.name === 'string' ? given.name : fallback.name,
      email: typeof given.email === 'string' ? given.email : fallback.email,
      date:
        typeof given.date === 'string' && !Number.isNaN(Date.parse(given.date))
          ? isoSeconds(Date.parse(given.date))
          : fallback.date,
    };
  };
  const author = person(body.author, { name: BOT.name, email: BOT.email, date: isoSeconds(clock.now()) });
  const committer = person(body.committer, author);
  const commit: CommitObject = { tree, parents, message: body.message as string, author, committer };
  const sha = commitSha(commit);
  repo.commitObjects.set(sha, commit);
  repo.commitSet.add(sha);
  return ok(201, gitCommitJson(repo, sha, commit, origin), route, {
    location: `${origin}/repos/${repo.owner}/${repo.name}/git/commits/${sha}`,
  });
}

// Get a commit object (https://docs.github.com/rest/git/commits#get-a-commit-object): 404 when unknown.
export function getGitCommit({ params, repo, route, origin, clock }: RouteContext): GitHubResponse {
  const sha = (params.commit_sha ?? '').toLowerCase();
  const commit = commitObject(repo, sha, clock);
  if (!commit) {
    return error(404, 'Not Found', 'https://docs.github.com/rest/git/commits#get-a-commit-object', route);
  }
  return ok(200, gitCommitJson(repo, sha, commit, origin), route);
}

// Get a commit (https://docs.github.com/rest/commits/commits#get-a-commit): a sha, branch or tag name;
// 422 "No commit found for SHA: <ref>" when nothing resolves.
export function getCommit({ params, repo, route, origin, clock }: RouteContext): GitHubResponse {
  const ref = params.ref ?? '';
  const sha = resolveCommitish(repo, ref);
  if (!sha) {
    return error(
      422,
      `No commit found for SHA: ${ref}`,
      'https://docs.github.com/rest/commits/commits#get-a-commit',
      route,
    );
  }
  const commit = commitObject(repo, sha, clock) as CommitObject;
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  return ok(
    200,
    {
      sha,
      node_id: nodeId('Commit', sha),
      commit: {
        author: commit.author,
        committer: commit.committer,
        message: commit.message,
        tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
        url: `${base}/git/commits/${sha}`,
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
      url: `${base}/commits/${sha}`,
      html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
      comments_url: `${base}/commits/${sha}/comments`,
      author: null,
      committer: null,
      parents: commit.parents.map((p) => ({ sha: p, url: `${base}/commits/${p}` })),
      stats: { total: 0, additions: 0, deletions: 0 },
      files: [],
    },
    route,
  );
}

export function gitCommitJson(repo: Repository, sha: string, commit: CommitObject, origin: string) {
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  return {
    sha,
    node_id: nodeId('Commit', sha),
    url: `${base}/git/commits/${sha}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${base}/git/commits/${p}`,
      html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${p}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}
