/** Git refs and annotated tag objects (https://docs.github.com/rest/git/refs, https://docs.github.com/rest/git/tags). */
import { createHash } from 'node:crypto';
import type { GitHubResponse } from '../contract.js';
import { changesWorkflows, isAncestor, objectType } from './history.js';
import { BOT, type Repository, type RouteContext, type TagObject } from './model.js';
import { refNameProblem } from './refname.js';
import { asRecord, error, isoSeconds, nodeId, ok } from './responses.js';

// Create a tag object (https://docs.github.com/rest/git/tags#create-a-tag-object): 201 with sha, tag, message,
// tagger, object {sha, type, url}, verification. The object must exist; the tagger defaults to the token's identity.
export function createTag({ request, repo, route, origin, clock }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/git/tags#create-a-tag-object';
  const body = asRecord(request.body);
  for (const field of ['tag', 'message', 'object', 'type'] as const) {
    if (typeof body[field] !== 'string') {
      return error(422, `Invalid request.\n\n"${field}" wasn't supplied.`, docs, route);
    }
  }
  const tagName = body.tag as string;
  const type = body.type as string;
  if (!['commit', 'tree', 'blob'].includes(type)) {
    return error(
      422,
      `Invalid request.\n\n${JSON.stringify(type)} is not a member of ["commit", "tree", "blob"].`,
      docs,
      route,
    );
  }
  const objectSha = (body.object as string).toLowerCase();
  if (type !== 'commit' || !repo.commitSet.has(objectSha)) return error(422, 'Object does not exist', docs, route);
  const taggerInput = asRecord(body.tagger);
  const date =
    typeof taggerInput.date === 'string' && !Number.isNaN(Date.parse(taggerInput.date))
      ? isoSeconds(Date.parse(taggerInput.date))
      : isoSeconds(clock.now());
  const tagger = {
    name: typeof taggerInput.name === 'string' ? taggerInput.name : BOT.name,
    email: typeof taggerInput.email === 'string' ? taggerInput.email : BOT.email,
    date,
  };
  const tag = storeTagObject(repo, { tag: tagName, message: body.message as string, object: objectSha, type, tagger });
  return ok(201, tagJson(repo, tag, origin), route, {
    location: `${origin}/repos/${repo.owner}/${repo.name}/git/tags/${tag.sha}`,
  });
}

/** Stores an annotated tag object (also how the simulator seeds tags without HTTP); returns it. */
export function storeTagObject(
  repo: Repository,
  input: { tag: string; message: string; object: string; type: string; tagger: TagObject['tagger'] },
): TagObject {
  const { tag: tagName, message, object, type, tagger } = input;
  // The sha of a real git tag object: sha1("tag <size>\0" + content), so equal inputs give equal shas.
  const content = `object ${object}\ntype ${type}\ntag ${tagName}\ntagger ${tagger.name} <${tagger.email}> ${Math.floor(Date.parse(tagger.date) / 1000)} +0000\n\n${message}`;
  const sha = createHash('sha1')
    .update(`tag ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex');
  const tag: TagObject = { sha, tag: tagName, message, object: { sha: object, type }, tagger };
  repo.tagObjects.set(sha, tag);
  return tag;
}

// Get a tag (https://docs.github.com/rest/git/tags#get-a-tag): 404 for an unknown tag object sha.
export function getTag({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const tag = repo.tagObjects.get((params.tag_sha ?? '').toLowerCase());
  if (!tag) return error(404, 'Not Found', 'https://docs.github.com/rest/git/tags#get-a-tag', route);
  return ok(200, tagJson(repo, tag, origin), route);
}

// Create a reference (https://docs.github.com/rest/git/refs#create-a-reference): ref must be a full name
// (`refs/...` with two slashes) valid for git; 422 "Reference already exists"; 422 "Object does not exist".
export function createRef({ request, repo, route, origin, workflows, clock }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/git/refs#create-a-reference';
  const body = asRecord(request.body);
  if (typeof body.ref !== 'string') return error(422, `Invalid request.\n\n"ref" wasn't supplied.`, docs, route);
  if (typeof body.sha !== 'string') return error(422, `Invalid request.\n\n"sha" wasn't supplied.`, docs, route);
  const ref = body.ref;
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
    return error(422, "Reference name must start with 'refs/' and have at least two slashes.", docs, route);
  }
  if (refNameProblem(ref)) return error(422, `${ref} is not a valid ref name.`, docs, route);
  if (repo.refs.has(ref)) return error(422, 'Reference already exists', docs, route);
  const target = objectType(repo, body.sha.toLowerCase());
  if (!target) return error(422, 'Object does not exist', docs, route);
  if (!workflows && changesWorkflows(repo, body.sha.toLowerCase(), clock)) return workflowsRefused(docs, route);
  repo.refs.set(ref, { sha: body.sha.toLowerCase(), type: target });
  return ok(201, refJson(repo, ref, origin), route, {
    location: `${origin}/repos/${repo.owner}/${repo.name}/git/${ref}`,
  });
}

// Get a reference (https://docs.github.com/rest/git/refs#get-a-reference): `ref` without `refs/`, exact match, else 404.
export function getRef({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const ref = `refs/${params.ref ?? ''}`;
  if (!repo.refs.has(ref))
    return error(404, 'Not Found', 'https://docs.github.com/rest/git/refs#get-a-reference', route);
  return ok(200, refJson(repo, ref, origin), route);
}

// List matching references (https://docs.github.com/rest/git/refs#list-matching-references): every ref that
// starts with `refs/<ref>`, sorted by name; an empty array when none match. Not paged: the endpoint takes no
// per_page or page (its documented parameters are owner, repo and ref), so thousands of tags come in one answer.
export function matchingRefs({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const prefix = `refs/${params.ref ?? ''}`;
  const refs = [...repo.refs.keys()]
    .filter((ref) => ref.startsWith(prefix))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((ref) => refJson(repo, ref, origin));
  return ok(200, refs, route);
}

// Update a reference (https://docs.github.com/rest/git/refs#update-a-reference): 422 "Reference does not exist";
// without `force` only a fast-forward (the new commit descends from the current one) is allowed (422 "Update is not a fast forward").
export function updateRef({ request, params, repo, route, origin, workflows, clock }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/git/refs#update-a-reference';
  const ref = `refs/${params.ref ?? ''}`;
  const body = asRecord(request.body);
  if (typeof body.sha !== 'string') return error(422, `Invalid request.\n\n"sha" wasn't supplied.`, docs, route);
  const current = repo.refs.get(ref);
  if (!current) return error(422, 'Reference does not exist', docs, route);
  const sha = body.sha.toLowerCase();
  const type = objectType(repo, sha);
  if (!type) return error(422, 'Object does not exist', docs, route);
  if (!workflows && changesWorkflows(repo, sha, clock)) return workflowsRefused(docs, route);
  if (body.force !== true && sha !== current.sha) {
    const fastForward = current.type === 'commit' && type === 'commit' && isAncestor(repo, current.sha, sha, clock);
    if (!fastForward) return error(422, 'Update is not a fast forward', docs, route);
  }
  repo.refs.set(ref, { sha, type });
  return ok(200, refJson(repo, ref, origin), route);
}

// Delete a reference (https://docs.github.com/rest/git/refs#delete-a-reference): 204, or 422 "Reference does not exist".
export function deleteRef({ params, repo, route }: RouteContext): GitHubResponse {
  const ref = `refs/${params.ref ?? ''}`;
  if (!repo.refs.delete(ref)) {
    return error(422, 'Reference does not exist', 'https://docs.github.com/rest/git/refs#delete-a-reference', route);
  }
  return { status: 204, route };
}

export function tagJson(repo: Repository, tag: TagObject, origin: string) {
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  return {
    node_id: nodeId('Tag', tag.sha),
    tag: tag.tag,
    sha: tag.sha,
    url: `${base}/git/tags/${tag.sha}`,
    message: tag.message,
    tagger: tag.tagger,
    object: { type: tag.object.type, sha: tag.object.sha, url: `${base}/git/commits/${tag.object.sha}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export function refJson(repo: Repository, ref: string, origin: string) {
  const target = repo.refs.get(ref) ?? { sha: '', type: 'commit' as const };
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${base}/git/${ref}`,
    object: {
      sha: target.sha,
      type: target.type,
      url: `${base}/git/${target.type === 'tag' ? 'tags' : 'commits'}/${target.sha}`,
    },
  };
}

/** A ref to a commit that changes workflow files, with a token that may not (GitHub names the missing permission). */
function workflowsRefused(docs: string, route: string): GitHubResponse {
  const response = error(403, 'Resource not accessible by integration', docs, route);
  return {
    ...response,
    headers: { ...response.headers, 'x-accepted-github-permissions': 'contents=write; contents=write,workflows=write' },
  };
}
