/** Releases (https://docs.github.com/rest/releases/releases): creating one may create its tag. */
import type { GitHubResponse } from '../contract.js';
import { resolveCommitish } from './history.js';
import type { ReleaseRecord, Repository, RouteContext } from './model.js';
import { refNameProblem } from './refname.js';
import { asRecord, creator, error, isoSeconds, nodeId, ok } from './responses.js';

// Create a release (https://docs.github.com/rest/releases/releases#create-a-release): `tag_name` required; a tag
// that does not exist yet is created at `target_commitish` (default: the default branch). 422 "Validation Failed"
// with code already_exists when the tag has a release. 201 with the release and its Location.
export function createRelease({ request, repo, route, origin, clock, newId }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/releases/releases#create-a-release';
  const body = asRecord(request.body);
  if (typeof body.tag_name !== 'string' || body.tag_name === '') {
    return error(422, `Invalid request.\n\n"tag_name" wasn't supplied.`, docs, route);
  }
  const tagName = body.tag_name;
  if (repo.releases.some((r) => r.tagName === tagName)) {
    return error(422, 'Validation Failed', docs, route, {
      errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
    });
  }
  const makeLatest = body.make_latest ?? 'true';
  if (!['true', 'false', 'legacy'].includes(String(makeLatest))) {
    return error(
      422,
      `Invalid request.\n\n${JSON.stringify(makeLatest)} is not a member of ["true", "false", "legacy"].`,
      docs,
      route,
    );
  }
  const target = typeof body.target_commitish === 'string' ? body.target_commitish : repo.defaultBranch;
  const ref = `refs/tags/${tagName}`;
  if (!repo.refs.has(ref)) {
    if (refNameProblem(ref))
      return error(422, 'Validation Failed', docs, route, {
        errors: [{ resource: 'Release', code: 'invalid', field: 'tag_name' }],
      });
    const sha = resolveCommitish(repo, target);
    if (!sha) {
      return error(422, 'Validation Failed', docs, route, {
        errors: [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }],
      });
    }
    repo.refs.set(ref, { sha, type: 'commit' });
  }
  const release: ReleaseRecord = {
    id: newId(),
    tagName,
    targetCommitish: target,
    name: typeof body.name === 'string' ? body.name : tagName,
    body: typeof body.body === 'string' ? body.body : '',
    draft: body.draft === true,
    prerelease: body.prerelease === true,
    makeLatest: String(makeLatest),
    createdAt: isoSeconds(clock.now()),
  };
  repo.releases.push(release);
  const json = releaseJson(repo, release, origin);
  return ok(201, json, route, { location: json.url });
}

// Get a release by tag name (https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name): 404 when none.
export function getReleaseByTag({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const release = repo.releases.find((r) => r.tagName === params.tag);
  if (!release) {
    return error(404, 'Not Found', 'https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name', route);
  }
  return ok(200, releaseJson(repo, release, origin), route);
}

export function releaseJson(repo: Repository, r: ReleaseRecord, origin: string) {
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${base}/releases/${r.id}`,
    html_url: `https://github.com/${repo.owner}/${repo.name}/releases/tag/${r.tagName}`,
    assets_url: `${base}/releases/${r.id}/assets`,
    upload_url: `${origin}/repos/${repo.owner}/${repo.name}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${base}/tarball/${r.tagName}`,
    zipball_url: `${base}/zipball/${r.tagName}`,
    id: r.id,
    node_id: nodeId('Release', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    created_at: r.createdAt,
    published_at: r.draft ? null : r.createdAt,
    author: creator(),
    assets: [],
  };
}
