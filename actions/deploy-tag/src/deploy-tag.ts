import { type Clock, ConfigurationError, type Sleep } from '@ecs-actions/core';
import {
  type CallContext,
  call as callOnce,
  explain,
  type GitHubClient,
  githubMessage,
  isRequestError,
  statusOf,
  withRetry,
} from './github.js';
import type { CreateInputs, DeployTagInputs, LookupInputs } from './inputs.js';
import { compareVersions, type DeployVersion, parseVersion } from './version.js';

export interface DeployTagDeps {
  github: GitHubClient;
  clock: Clock;
  /** Waits between retries of 5xx answers; default real time. */
  sleep?: Sleep;
  /** Progress lines for the log. */
  info?: (message: string) => void;
}

/** A deploy tag as found in the repository, resolved to its commit and the metadata in its message. */
export interface DeployRecord {
  tag: string;
  version: string;
  sha: string;
  image?: string;
  imageDigest?: string;
  /** The whole annotated tag message; undefined for a lightweight tag. */
  message?: string;
}

export interface DeployTagResult {
  mode: 'create' | 'lookup';
  /** created: new tag; moved: an existing tag now points at sha; kept: it already did; looked-up: lookup mode. */
  action: 'created' | 'moved' | 'kept' | 'looked-up';
  tag: string;
  sha: string;
  version: string;
  created: boolean;
  /** Lookup mode: whether the deploy tag exists (a version given with `lookup: true` may have none yet). */
  found?: boolean;
  image?: string;
  imageDigest?: string;
  /** The commit the tag pointed at before a move. */
  movedFrom?: string;
  /** The newest deploy tag below this version (create mode), or the rollback target itself (lookup mode). */
  previous?: DeployRecord;
  /** Lookup mode: the newest deploy tag, i.e. the deployment a rollback goes back from. */
  latest?: DeployRecord;
  /** The annotated tag message written (create and move). */
  message?: string;
  deploymentId?: number;
  /** Where the sha came from (create mode). */
  shaSource?: string;
}

interface TagRef {
  tag: string;
  version: DeployVersion;
  /** The ref's target: a tag object (annotated) or a commit (lightweight). */
  objectSha: string;
  objectType: string;
}

export async function deployTag(inputs: DeployTagInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  if (inputs.mode === 'create') return createDeployTag(inputs, deps);
  return inputs.version && inputs.tag
    ? lookupVersion(inputs, inputs.version, inputs.tag, deps)
    : lookupPrevious(inputs, deps);
}

// ------------------------------------------------------------------------------------------ create mode

async function createDeployTag(inputs: CreateInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const { github } = deps;
  const info = deps.info ?? (() => {});
  const repository = `${inputs.owner}/${inputs.repo}`;
  const ctx = (what: string, permission = 'contents: write'): CallContext => ({ what, permission, repository });
  const base = { owner: inputs.owner, repo: inputs.repo };

  // The commit must exist before anything is written (GET a commit: 422 "No commit found for SHA").
  try {
    await withRetry(
      () => github.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...base, ref: inputs.sha }),
      deps.sleep,
    );
  } catch (error) {
    if (statusOf(error) === 422) {
      throw new ConfigurationError(
        `Input "sha": commit ${inputs.sha} (from ${inputs.shaSource}) does not exist in ${repository}. Tag the commit that was built and deployed: the full sha of a pushed commit.`,
      );
    }
    throw explain(error, ctx(`read commit ${inputs.sha}`, 'contents: read'));
  }

  const refs = await listDeployTags(inputs, deps);
  const previousRef = refs
    .filter((ref) => compareVersions(ref.version, inputs.version) < 0)
    .sort((a, b) => compareVersions(b.version, a.version) || compareText(b.tag, a.tag))[0];
  const previous = previousRef ? await resolveRecord(previousRef, inputs, deps) : undefined;

  const message = tagMessage(inputs, deps.clock.now());
  const result = (action: DeployTagResult['action'], extra: Partial<DeployTagResult> = {}): DeployTagResult => ({
    mode: 'create',
    action,
    tag: inputs.tag,
    sha: inputs.sha,
    version: inputs.version.text,
    created: action === 'created' || action === 'moved',
    shaSource: inputs.shaSource,
    ...(inputs.metadata.image !== undefined ? { image: inputs.metadata.image } : {}),
    ...(inputs.metadata.imageDigest !== undefined ? { imageDigest: inputs.metadata.imageDigest } : {}),
    ...(previous ? { previous } : {}),
    ...extra,
  });

  let existing = refs.find((ref) => ref.tag === inputs.tag);
  let outcome: DeployTagResult | undefined;
  for (let attempt = 0; attempt < 2 && outcome === undefined; attempt++) {
    if (existing) {
      const commit = await peel(existing.objectSha, existing.objectType, inputs, deps);
      outcome = await onExisting(inputs, deps, commit, message, result);
      break;
    }
    const tagObject = await createTagObject(inputs, deps, message);
    try {
      await withRetry(
        () =>
          github.request('POST /repos/{owner}/{repo}/git/refs', {
            ...base,
            ref: `refs/tags/${inputs.tag}`,
            sha: tagObject,
          }),
        deps.sleep,
      );
      info(`Created tag ${inputs.tag} on ${inputs.sha}.`);
      outcome = result('created', { message });
    } catch (error) {
      // Another run created the tag between our read and our write: decide as if we had seen it (once).
      if (statusOf(error) === 422 && isRequestError(error) && /already exists/i.test(githubMessage(error))) {
        existing = await getTagRef(inputs, deps);
        if (existing) continue;
      }
      throw explain(error, ctx(`create the ref refs/tags/${inputs.tag}`));
    }
  }
  if (!outcome) throw new Error(`Could not create or read tag ${inputs.tag} in ${repository}.`);

  if (inputs.createDeployment) {
    outcome.deploymentId = await createDeployment(inputs, deps, message);
    info(`Created deployment ${outcome.deploymentId} for environment ${inputs.metadata.environment}.`);
  }
  return outcome;
}

async function onExisting(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  commit: string,
  message: string,
  result: (action: DeployTagResult['action'], extra?: Partial<DeployTagResult>) => DeployTagResult,
): Promise<DeployTagResult> {
  const info = deps.info ?? (() => {});
  if (commit === inputs.sha) {
    if (inputs.onExists === 'fail') {
      throw new ConfigurationError(
        `Tag ${inputs.tag} already exists on ${inputs.sha} and on-exists is fail. Use on-exists: keep to accept a re-run of the same deployment.`,
      );
    }
    info(`Tag ${inputs.tag} already points at ${inputs.sha}; left unchanged.`);
    return result('kept');
  }
  if (inputs.onExists !== 'move') {
    throw new ConfigurationError(
      `Tag ${inputs.tag} already exists on commit ${commit}, but this run deploys commit ${inputs.sha} (from ${inputs.shaSource}). One version should come from one commit: build a new version, or set on-exists: move to move the tag to ${inputs.sha}.`,
    );
  }
  const tagObject = await createTagObject(inputs, deps, message);
  await call(
    deps,
    {
      what: `move the ref refs/tags/${inputs.tag}`,
      permission: 'contents: write',
      repository: `${inputs.owner}/${inputs.repo}`,
    },
    () =>
      deps.github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: inputs.owner,
        repo: inputs.repo,
        ref: `tags/${inputs.tag}`,
        sha: tagObject,
        force: true,
      }),
  );
  info(`Moved tag ${inputs.tag} from ${commit} to ${inputs.sha}.`);
  return result('moved', { movedFrom: commit, message });
}

/** Creates the annotated tag object (GitHub: a tag object first, then the ref); returns its sha. */
async function createTagObject(inputs: CreateInputs, deps: DeployTagDeps, message: string): Promise<string> {
  const response = await call(
    deps,
    { what: 'create the tag object', permission: 'contents: write', repository: `${inputs.owner}/${inputs.repo}` },
    () =>
      deps.github.request('POST /repos/{owner}/{repo}/git/tags', {
        owner: inputs.owner,
        repo: inputs.repo,
        tag: inputs.tag,
        message,
        object: inputs.sha,
        type: 'commit',
      }),
  );
  return response.data.sha;
}

async function createDeployment(inputs: CreateInputs, deps: DeployTagDeps, message: string): Promise<number> {
  const environment = inputs.metadata.environment ?? '';
  const context = {
    what: `create a deployment for environment ${environment}`,
    permission: 'deployments: write',
    repository: `${inputs.owner}/${inputs.repo}`,
  };
  const base = { owner: inputs.owner, repo: inputs.repo };
  const created = await call(deps, context, () =>
    deps.github.request('POST /repos/{owner}/{repo}/deployments', {
      ...base,
      ref: inputs.sha,
      environment,
      task: 'deploy',
      // The deployment already happened: no merge of the default branch, no commit-status checks.
      auto_merge: false,
      required_contexts: [],
      description: message.split('\n')[0]?.slice(0, 140) ?? '',
      payload: {
        version: inputs.version.text,
        tag: inputs.tag,
        ...(inputs.metadata.image ? { image: inputs.metadata.image } : {}),
        ...(inputs.metadata.imageDigest ? { 'image-digest': inputs.metadata.imageDigest } : {}),
        ...(inputs.metadata.taskDefinitionArn ? { 'task-definition-arn': inputs.metadata.taskDefinitionArn } : {}),
      },
    }),
  );
  const data = created.data as { id?: number; message?: string };
  if (typeof data.id !== 'number') {
    throw new Error(`GitHub did not create the deployment: ${data.message ?? `status ${created.status}`}.`);
  }
  const deploymentId = data.id;
  await call(deps, context, () =>
    deps.github.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      ...base,
      deployment_id: deploymentId,
      state: 'success',
      ...(inputs.runUrl ? { log_url: inputs.runUrl } : {}),
      description: `Deployed ${inputs.version.text}`,
      environment,
    }),
  );
  return deploymentId;
}

/** The annotated tag message: a title line, then `key: value` lines that lookup mode reads back. */
export function tagMessage(inputs: CreateInputs, nowMs: number): string {
  const m = inputs.metadata;
  const title = `Deploy ${inputs.version.text}${m.environment ? ` to ${m.environment}` : ''}${
    m.cluster && m.service ? ` (${m.cluster}/${m.service})` : ''
  }`;
  const lines: [string, string | undefined][] = [
    ['version', inputs.version.text],
    ['image', m.image],
    ['image-digest', m.imageDigest],
    ['task-definition', m.taskDefinitionArn],
    ['cluster', m.cluster],
    ['service', m.service],
    ['environment', m.environment],
    ['commit', inputs.sha],
    ['run', inputs.runUrl],
    ['time', new Date(nowMs).toISOString()],
  ];
  const body = lines.filter(([, value]) => value !== undefined && value !== '').map(([k, v]) => `${k}: ${v}`);
  return `${title}\n\n${body.join('\n')}\n`;
}

/** Reads `key: value` lines of a tag message. */
export function parseTagMessage(message: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of message.split(/\r?\n/)) {
    const match = /^([a-z][a-z-]*): (.+)$/.exec(line.trim());
    if (match?.[1] && match[2] && !(match[1] in fields)) fields[match[1]] = match[2];
  }
  return fields;
}

// ------------------------------------------------------------------------------------------ lookup mode

/**
 * `version: previous`: the deploy before the latest one. The newest deploy tag by HeadVer order is taken as
 * what runs now (deploy-tag runs after every successful deploy), so the rollback target is the newest tag
 * with a lower version. Re-running the lookup after rolling back gives the same target again: a rollback
 * redeploys an old version, which adds no newer tag.
 */
async function lookupPrevious(inputs: LookupInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const repository = `${inputs.owner}/${inputs.repo}`;
  const refs = (await listDeployTags(inputs, deps)).sort(
    (a, b) => compareVersions(b.version, a.version) || compareText(b.tag, a.tag),
  );
  const latestRef = refs[0];
  if (!latestRef) {
    throw new ConfigurationError(
      `version: previous found no deploy tags ${inputs.prefix}<version> in ${repository}, so there is no deployment to roll back to. Check the prefix input, or deploy an explicit version.`,
    );
  }
  const previousRef = refs.find((ref) => compareVersions(ref.version, latestRef.version) < 0);
  if (!previousRef) {
    throw new ConfigurationError(
      `version: previous found only ${latestRef.tag} in ${repository}: there is no earlier deployment to roll back to. Deploy an explicit version instead.`,
    );
  }
  const [latest, previous] = await Promise.all([
    resolveRecord(latestRef, inputs, deps),
    resolveRecord(previousRef, inputs, deps),
  ]);
  deps.info?.(`Latest deploy: ${latest.tag} (${latest.sha}); previous deploy: ${previous.tag} (${previous.sha}).`);
  return {
    mode: 'lookup',
    action: 'looked-up',
    tag: previous.tag,
    sha: previous.sha,
    version: previous.version,
    created: false,
    found: true,
    ...(previous.image !== undefined ? { image: previous.image } : {}),
    ...(previous.imageDigest !== undefined ? { imageDigest: previous.imageDigest } : {}),
    previous,
    latest,
  };
}

/**
 * `lookup: true` with a version: that version's deploy tag, resolved to its commit and the image recorded in its
 * message, so that a redeploy of the version tags (keeps) the commit it was built from. No tag is not an error: a
 * version CI built but never deployed has none yet (`found: false`).
 */
async function lookupVersion(
  inputs: LookupInputs,
  version: DeployVersion,
  tag: string,
  deps: DeployTagDeps,
): Promise<DeployTagResult> {
  // matching-refs answers 200 [] for a missing tag but 404 for a repository the token cannot see (GET ref would
  // answer 404 to both); it matches by prefix, so ecs-deploy-0.2601.1 also lists ecs-deploy-0.2601.10.
  const ref = (await listDeployTags(inputs, deps, tag)).find((candidate) => candidate.tag === tag);
  const repository = `${inputs.owner}/${inputs.repo}`;
  if (!ref) {
    deps.info?.(`No deploy tag ${tag} in ${repository}: version ${version.text} has not been deployed.`);
    return {
      mode: 'lookup',
      action: 'looked-up',
      tag: '',
      sha: '',
      version: version.text,
      created: false,
      found: false,
    };
  }
  const record = await resolveRecord(ref, inputs, deps);
  deps.info?.(`Deploy tag ${record.tag} records version ${record.version} on commit ${record.sha}.`);
  return {
    mode: 'lookup',
    action: 'looked-up',
    tag: record.tag,
    sha: record.sha,
    version: record.version,
    created: false,
    found: true,
    ...(record.image !== undefined ? { image: record.image } : {}),
    ...(record.imageDigest !== undefined ? { imageDigest: record.imageDigest } : {}),
  };
}

// ------------------------------------------------------------------------------------------ shared

interface RepoInputs {
  owner: string;
  repo: string;
  prefix: string;
}

/**
 * Every `refs/tags/<prefix><HeadVer>` (whose name starts with `startsWith`, default the prefix); tags under the
 * prefix that are not HeadVer-shaped are ignored.
 */
async function listDeployTags(inputs: RepoInputs, deps: DeployTagDeps, startsWith = inputs.prefix): Promise<TagRef[]> {
  const context = {
    what: `list the tags ${startsWith}*`,
    permission: 'contents: read',
    repository: `${inputs.owner}/${inputs.repo}`,
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
  return found;
}

async function getTagRef(inputs: CreateInputs, deps: DeployTagDeps): Promise<TagRef | undefined> {
  try {
    const response = await withRetry(
      () =>
        deps.github.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
          owner: inputs.owner,
          repo: inputs.repo,
          ref: `tags/${inputs.tag}`,
        }),
      deps.sleep,
    );
    return {
      tag: inputs.tag,
      version: inputs.version,
      objectSha: response.data.object.sha,
      objectType: response.data.object.type,
    };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw explain(error, {
      what: `read the ref refs/tags/${inputs.tag}`,
      permission: 'contents: read',
      repository: `${inputs.owner}/${inputs.repo}`,
    });
  }
}

/** Follows annotated tag objects to the commit. */
async function peel(sha: string, type: string, inputs: RepoInputs, deps: DeployTagDeps): Promise<string> {
  let current = { sha, type };
  for (let depth = 0; depth < 5 && current.type === 'tag'; depth++) {
    const tag = await readTagObject(current.sha, inputs, deps);
    current = tag.object;
  }
  return current.sha;
}

async function readTagObject(sha: string, inputs: RepoInputs, deps: DeployTagDeps) {
  const response = await call(
    deps,
    { what: `read tag object ${sha}`, permission: 'contents: read', repository: `${inputs.owner}/${inputs.repo}` },
    () =>
      deps.github.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
        owner: inputs.owner,
        repo: inputs.repo,
        tag_sha: sha,
      }),
  );
  return response.data;
}

async function resolveRecord(ref: TagRef, inputs: RepoInputs, deps: DeployTagDeps): Promise<DeployRecord> {
  if (ref.objectType !== 'tag') return { tag: ref.tag, version: ref.version.text, sha: ref.objectSha };
  const tag = await readTagObject(ref.objectSha, inputs, deps);
  const sha = tag.object.type === 'tag' ? await peel(tag.object.sha, 'tag', inputs, deps) : tag.object.sha;
  const fields = parseTagMessage(tag.message);
  return {
    tag: ref.tag,
    version: ref.version.text,
    sha,
    message: tag.message,
    ...(fields.image ? { image: fields.image } : {}),
    ...(fields['image-digest'] ? { imageDigest: fields['image-digest'] } : {}),
  };
}

/** One GitHub call with retries of 5xx and the translation of 401/403/404 into one clear line. */
function call<T>(deps: DeployTagDeps, context: CallContext, fn: () => Promise<T>): Promise<T> {
  return callOnce(deps.sleep ? { ...context, sleep: deps.sleep } : context, fn);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
