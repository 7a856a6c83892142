/**
 * Get repository content (https://docs.github.com/rest/repos/contents#get-repository-content) for a file, at `ref`
 * (a commit sha, branch or tag; default the default branch). Files up to 1 MB: the JSON object with the content
 * base64-encoded. Files of 1-100 MB: the default media type is refused (403 "too_large"), the object media type
 * answers with an empty `content` and `encoding` "none", the raw media type answers with the bytes.
 */
import type { GitHubResponse } from '../contract.js';
import { commitObject, resolveCommitish } from './history.js';
import type { RouteContext } from './model.js';
import { error, ok } from './responses.js';

const DOCS = 'https://docs.github.com/rest/repos/contents#get-repository-content';
const JSON_LIMIT = 1024 * 1024;
const RAW_LIMIT = 100 * 1024 * 1024;

export function getContent({ request, params, repo, route, origin, clock }: RouteContext): GitHubResponse {
  const ref = request.query.get('ref') ?? repo.defaultBranch;
  const lower = ref.toLowerCase();
  const commit = repo.commitObjects.has(lower) ? lower : resolveCommitish(repo, ref);
  const object = commit ? commitObject(repo, commit, clock) : undefined;
  if (!commit || !object) return error(404, `No commit found for the ref ${ref}`, DOCS, route);
  const path = (params.path ?? '').replace(/^\/+|\/+$/g, '');
  const entry = repo.trees.get(object.tree)?.get(path);
  const content = entry?.type === 'blob' ? repo.blobs.get(entry.sha) : undefined;
  if (!entry || !content) return error(404, 'Not Found', DOCS, route);
  const accept = String(request.headers.accept ?? '');
  if (content.length > RAW_LIMIT) return error(403, 'This API returns blobs up to 100 MB in size.', DOCS, route);
  if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
    return {
      status: 200,
      route,
      raw: content,
      headers: { 'content-type': 'application/vnd.github.raw+json; charset=utf-8' },
    };
  }
  const objectMedia = /application\/vnd\.github(\.v3)?\.object/.test(accept);
  if (content.length > JSON_LIMIT && !objectMedia) {
    return error(
      403,
      'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
      DOCS,
      route,
      { errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] },
    );
  }
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  const small = content.length <= JSON_LIMIT;
  return ok(
    200,
    {
      type: 'file',
      encoding: small ? 'base64' : 'none',
      size: content.length,
      name: path.split('/').pop(),
      path,
      content: small ? content.toString('base64') : '',
      sha: entry.sha,
      url: `${base}/contents/${path}?ref=${encodeURIComponent(ref)}`,
      git_url: `${base}/git/blobs/${entry.sha}`,
    },
    route,
  );
}
