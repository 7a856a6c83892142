/** The git data API's blobs and trees (https://docs.github.com/rest/git/blobs, https://docs.github.com/rest/git/trees). */
import type { GitHubResponse } from '../contract.js';
import { blobSha, type TreeEntry, treeShas } from './git-objects.js';
import { commitObject } from './history.js';
import type { Repository, RouteContext } from './model.js';
import { asRecord, error, nodeId, ok } from './responses.js';

// Create a blob (https://docs.github.com/rest/git/blobs#create-a-blob): `content`, `encoding` utf-8 (default) or
// base64; 201 with {url, sha}, the sha git gives that content.
export function createBlob({ request, repo, route, origin }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/git/blobs#create-a-blob';
  const body = asRecord(request.body);
  if (typeof body.content !== 'string') {
    return error(422, `Invalid request.\n\n"content" wasn't supplied.`, docs, route);
  }
  const encoding = body.encoding ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'base64') {
    return error(
      422,
      `Invalid request.\n\n${JSON.stringify(encoding)} is not a member of ["utf-8", "base64"].`,
      docs,
      route,
    );
  }
  const content = Buffer.from(body.content, encoding === 'base64' ? 'base64' : 'utf8');
  const sha = blobSha(content);
  repo.blobs.set(sha, content);
  const url = `${origin}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`;
  return ok(201, { url, sha }, route, { location: url });
}

// Get a blob (https://docs.github.com/rest/git/blobs#get-a-blob): the content base64-encoded; 404 when unknown.
export function getBlob({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const sha = (params.file_sha ?? '').toLowerCase();
  const content = repo.blobs.get(sha);
  if (!content) return error(404, 'Not Found', 'https://docs.github.com/rest/git/blobs#get-a-blob', route);
  return ok(
    200,
    {
      sha,
      node_id: nodeId('Blob', sha),
      size: content.length,
      url: `${origin}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`,
      content: content.toString('base64'),
      encoding: 'base64',
    },
    route,
  );
}

// Create a tree (https://docs.github.com/rest/git/trees#create-a-tree): `tree` entries {path, mode, type, sha or
// content} over an optional `base_tree`; `sha: null` deletes a path. 201 with the tree's top-level entries.
// Entries of type `tree` (a subtree by sha) are not simulated: only blobs and submodule commits.
export function createTree({ request, repo, route, origin }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/git/trees#create-a-tree';
  const body = asRecord(request.body);
  if (!Array.isArray(body.tree)) return error(422, `Invalid request.\n\n"tree" wasn't supplied.`, docs, route);
  let entries = new Map<string, TreeEntry>();
  if (body.base_tree !== undefined) {
    const base = typeof body.base_tree === 'string' ? repo.trees.get(body.base_tree.toLowerCase()) : undefined;
    if (!base) return error(422, 'Invalid tree info', docs, route);
    entries = new Map(base);
  }
  for (const raw of body.tree) {
    const entry = asRecord(raw);
    const file = entry.path;
    if (typeof file !== 'string' || file === '' || file.startsWith('/') || file.split('/').includes('..')) {
      return error(422, `Invalid request.\n\n"path" ${JSON.stringify(file)} is not a valid path.`, docs, route);
    }
    const mode = String(entry.mode ?? '');
    const type = entry.type;
    if (!['100644', '100755', '120000', '160000'].includes(mode) || (type !== 'blob' && type !== 'commit')) {
      return error(422, `Invalid tree info: ${file} (mode ${mode}, type ${String(type)})`, docs, route);
    }
    if (entry.sha !== undefined && entry.content !== undefined) {
      return error(422, 'Invalid tree info: give either sha or content, not both', docs, route);
    }
    if (entry.sha === null) {
      entries.delete(file);
      continue;
    }
    let sha: string;
    if (typeof entry.content === 'string') {
      const content = Buffer.from(entry.content, 'utf8');
      sha = blobSha(content);
      repo.blobs.set(sha, content);
    } else if (typeof entry.sha === 'string') {
      sha = entry.sha.toLowerCase();
      if (type === 'blob' && !repo.blobs.has(sha)) return error(422, 'Invalid tree info', docs, route);
    } else {
      return error(422, `Invalid request.\n\n"sha" or "content" wasn't supplied for ${file}.`, docs, route);
    }
    entries.set(file, { mode, type, sha });
  }
  const shas = treeShas(entries);
  for (const [dir, sha] of shas) {
    const prefix = dir === '' ? '' : `${dir}/`;
    repo.trees.set(
      sha,
      new Map([...entries].filter(([f]) => f.startsWith(prefix)).map(([f, e]) => [f.slice(prefix.length), e])),
    );
  }
  const sha = shas.get('') ?? '';
  return ok(201, treeJson(repo, sha, false, origin), route, {
    location: `${origin}/repos/${repo.owner}/${repo.name}/git/trees/${sha}`,
  });
}

// Get a tree (https://docs.github.com/rest/git/trees#get-a-tree): top-level entries, or every blob with
// `recursive` set; 404 when unknown.
export function getTree({ request, params, repo, route, origin, clock }: RouteContext): GitHubResponse {
  const given = (params.tree_sha ?? '').toLowerCase();
  // A tree-ish, as git reads it: a commit sha names the commit's tree.
  const sha = repo.trees.has(given) ? given : (commitObject(repo, given, clock)?.tree ?? given);
  if (!repo.trees.has(sha)) return error(404, 'Not Found', 'https://docs.github.com/rest/git/trees#get-a-tree', route);
  return ok(200, treeJson(repo, sha, request.query.has('recursive'), origin), route);
}

export function treeJson(repo: Repository, sha: string, recursive: boolean, origin: string) {
  const base = `${origin}/repos/${repo.owner}/${repo.name}/git`;
  const entries = [...(repo.trees.get(sha) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const listed: { path: string; mode: string; type: string; sha: string; size?: number; url: string }[] = [];
  const dirs = new Set<string>();
  for (const [file, entry] of entries) {
    const parts = file.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      if (dirs.has(dir) || (!recursive && depth > 1)) continue;
      dirs.add(dir);
      const treeSha =
        treeShas(
          new Map(entries.filter(([f]) => f.startsWith(`${dir}/`)).map(([f, e]) => [f.slice(dir.length + 1), e])),
        ).get('') ?? '';
      listed.push({ path: dir, mode: '040000', type: 'tree', sha: treeSha, url: `${base}/trees/${treeSha}` });
    }
    if (!recursive && parts.length > 1) continue;
    listed.push({
      path: file,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.type === 'blob' ? { size: repo.blobs.get(entry.sha)?.length ?? 0 } : {}),
      url: `${base}/${entry.type === 'blob' ? 'blobs' : 'commits'}/${entry.sha}`,
    });
  }
  return { sha, url: `${base}/trees/${sha}`, tree: listed, truncated: false };
}
