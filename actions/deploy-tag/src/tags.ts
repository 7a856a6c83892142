/** Reading deploy tags over the GitHub API: list them, follow them to their commit, parse their deploy records. */
import { ConfigurationError } from '@ecs-actions/core';
import { call, type DeployTagDeps } from './github.js';
import { type DeployRecord, parseTagMessage, RecordError } from './records.js';
import { type DeployVersion, parseVersion } from './version.js';

export interface RepoInputs {
  owner: string;
  repo: string;
  prefix: string;
}

/** A deploy tag ref as listed, before its object is read. */
export interface TagRef {
  tag: string;
  version: DeployVersion;
  /** The ref's target: a tag object (annotated) or a commit (lightweight). */
  objectSha: string;
  objectType: string;
}

/** A deploy tag read in full: its commit and its deploy records. */
export interface DeployTag {
  tag: string;
  version: DeployVersion;
  /** The commit the tag points at. */
  sha: string;
  /** The tag object (annotated) or the commit (lightweight) the ref points at. */
  objectSha: string;
  /** The deploys recorded in the message, oldest first; undefined for a legacy tag (lightweight, or no records). */
  records: DeployRecord[] | undefined;
}

export const repositoryOf = (inputs: RepoInputs) => `${inputs.owner}/${inputs.repo}`;

/**
 * Every `refs/tags/<prefix><HeadVer>` (whose name starts with `startsWith`, default the prefix); tags under the
 * prefix that are not HeadVer-shaped are ignored. matching-refs answers 200 [] when nothing matches, and matches by
 * prefix (ecs-deploy-0.2601.1 also lists ecs-deploy-0.2601.10).
 */
export async function listDeployTags(
  inputs: RepoInputs,
  deps: DeployTagDeps,
  startsWith = inputs.prefix,
): Promise<TagRef[]> {
  return (await listTagRefs(inputs, deps, startsWith)).refs;
}

/** listDeployTags, and how many refs the listing held in all (what the history index compares to see a new tag). */
export async function listTagRefs(
  inputs: RepoInputs,
  deps: DeployTagDeps,
  startsWith = inputs.prefix,
): Promise<{ refs: TagRef[]; listed: number }> {
  const context = {
    what: `list the tags ${startsWith}*`,
    permission: 'contents: read',
    repository: repositoryOf(inputs),
  };
  type Ref = { ref: string; object: { sha: string; type: string } };
  const refs: Ref[] = [];
  let response = await call(deps, context, () =>
    deps.github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      owner: inputs.owner,
      repo: inputs.repo,
      ref: `tags/${startsWith}`,
      per_page: 100,
    }),
  );
  for (let page = 0; page < 100; page++) {
    refs.push(...(response.data as Ref[]));
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.link ?? '')?.[1];
    if (!next) break;
    response = await call(deps, context, () =>
      deps.github.request(`GET ${next}` as 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}'),
    );
  }
  const found: TagRef[] = [];
  for (const ref of refs) {
    const tag = ref.ref.replace(/^refs\/tags\//, '');
    if (!tag.startsWith(inputs.prefix)) continue;
    const version = parseVersion(tag.slice(inputs.prefix.length));
    if (version) found.push({ tag, version, objectSha: ref.object.sha, objectType: ref.object.type });
  }
  return { refs: found, listed: refs.length };
}

/** The deploy tag `tag`, read in full, or undefined when it does not exist. */
export async function readDeployTag(
  inputs: RepoInputs,
  deps: DeployTagDeps,
  tag: string,
): Promise<DeployTag | undefined> {
  const ref = (await listDeployTags(inputs, deps, tag)).find((candidate) => candidate.tag === tag);
  return ref ? resolveTag(ref, inputs, deps) : undefined;
}

/** A deploy tag whose message has records that break a rule (made or edited by hand). */
export class InvalidRecordsError extends ConfigurationError {}

export async function resolveTag(ref: TagRef, inputs: RepoInputs, deps: DeployTagDeps): Promise<DeployTag> {
  const base = { tag: ref.tag, version: ref.version, objectSha: ref.objectSha };
  if (ref.objectType !== 'tag') return { ...base, sha: ref.objectSha, records: undefined };
  const object = await readTagObject(ref.objectSha, inputs, deps);
  const sha = object.object.type === 'tag' ? await peel(object.object.sha, 'tag', inputs, deps) : object.object.sha;
  try {
    return { ...base, sha, records: parseTagMessage(object.message, { version: ref.version.text, commit: sha }) };
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    throw invalidRecordsError(ref.tag, inputs, error);
  }
}

/** What a lookup reads back is deployed again: a record that breaks a rule is refused, never half used. */
export function invalidRecordsError(tag: string, inputs: RepoInputs, error: RecordError): InvalidRecordsError {
  return new InvalidRecordsError(
    `Deploy tag ${tag} in ${repositoryOf(inputs)} does not hold valid deploy records: ${error.message}. Deploy tags are written by deploy-tag alone; a tag edited by hand cannot be trusted. Inspect it (git show ${tag}), then delete it or recreate it with deploy-tag.`,
  );
}

/** Follows annotated tag objects to the commit. */
export async function peel(sha: string, type: string, inputs: RepoInputs, deps: DeployTagDeps): Promise<string> {
  let current = { sha, type };
  for (let depth = 0; depth < 5 && current.type === 'tag'; depth++) {
    current = (await readTagObject(current.sha, inputs, deps)).object;
  }
  return current.sha;
}

async function readTagObject(sha: string, inputs: RepoInputs, deps: DeployTagDeps) {
  const response = await call(
    deps,
    { what: `read tag object ${sha}`, permission: 'contents: read', repository: repositoryOf(inputs) },
    () =>
      deps.github.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
        owner: inputs.owner,
        repo: inputs.repo,
        tag_sha: sha,
      }),
  );
  return response.data;
}
