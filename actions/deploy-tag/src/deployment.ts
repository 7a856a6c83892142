/**
 * The GitHub Deployment of a deploy (https://docs.github.com/rest/deployments): created `in_progress` when the
 * deploy starts (deployment-state: in_progress), set `success` with the deploy's record (create-deployment) or
 * `failure` when the deploy failed (deployment-state: failure). On success the Deployment it replaces, the newest
 * earlier success at the same place, is set `inactive` here rather than by GitHub's auto_inactive: GitHub documents
 * that for non-production environments only, and by environment name alone, so one region's deploy would retire
 * another region's.
 */
import { errorMessage } from '@ecs-actions/core';
import type { CallContext, DeployTagDeps } from './github.js';
import { call } from './github.js';
import type { CreateInputs, DeploymentInputs, RecordedPlace } from './inputs.js';
import type { Actors } from './place-inputs.js';
import { ecsName, type Place } from './records.js';
import type { DeployTagResult } from './result.js';

/** How many of the environment's newest Deployments are searched for the one a success replaces. */
export const REPLACED_SEARCH = 20;

type InProgressInputs = Extract<DeploymentInputs, { state: 'in_progress' }>;
type FailureInputs = Extract<DeploymentInputs, { state: 'failure' }>;

/** What a Deployment is created with: the commit, the version and where it goes. */
interface DeploymentSubject {
  owner: string;
  repo: string;
  sha: string;
  tag: string;
  version: string;
  place: RecordedPlace;
  metadata?: CreateInputs['metadata'];
  actors?: Actors;
}

/** deployment-state: in_progress: a Deployment for the deploy about to start. */
export async function startDeployment(inputs: InProgressInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const subject = { ...inputs, version: inputs.version.text };
  const deploymentId = await createDeployment(subject, deps);
  await postStatus(inputs, deps, deploymentId, 'in_progress', `Deploying ${inputs.version.text}`);
  deps.info?.(`Created deployment ${deploymentId} for environment ${inputs.place.environment} (in_progress).`);
  return { ...deploymentResult(inputs.version.text, 'deployment-started', deploymentId), sha: inputs.sha };
}

/** deployment-state: failure: the deploy deployment-id stands for failed; what it would have replaced stays active. */
export async function failDeployment(inputs: FailureInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  await postStatus(inputs, deps, inputs.deploymentId, 'failure', `Deploy of ${inputs.version.text} failed`);
  deps.info?.(`Set deployment ${inputs.deploymentId} to failure.`);
  return deploymentResult(inputs.version.text, 'deployment-failed', inputs.deploymentId);
}

/**
 * create-deployment, once the deploy is recorded: deployment-id's Deployment (or a new one) set to success, and the
 * one it replaces at the same place set inactive. Returns the Deployment's id.
 */
export async function succeedDeployment(inputs: CreateInputs, deps: DeployTagDeps): Promise<number> {
  const deploymentId =
    inputs.deploymentId ?? (await createDeployment({ ...inputs, version: inputs.version.text }, deps));
  await postStatus(inputs, deps, deploymentId, 'success', `Deployed ${inputs.version.text}`);
  // The deploy is done and recorded: a Deployment left active by mistake is shown, never a failed deploy.
  const replaced = await inactivateReplaced(inputs, deps, deploymentId).catch((error: unknown) => {
    deps.warning?.(
      `Deployment ${deploymentId} is success, but the one it replaces was not set inactive: ${errorMessage(error)}`,
    );
    return undefined;
  });
  deps.info?.(
    `Deployment ${deploymentId} for environment ${inputs.place.environment} is success${replaced ? `; deployment ${replaced}, which it replaces, is inactive` : ''}.`,
  );
  return deploymentId;
}

function deploymentResult(
  version: string,
  action: 'deployment-started' | 'deployment-failed',
  deploymentId: number,
): DeployTagResult {
  return { mode: 'deployment', action, tag: '', sha: '', version, created: false, deploymentId };
}

async function createDeployment(subject: DeploymentSubject, deps: DeployTagDeps): Promise<number> {
  const { place, metadata = {}, actors } = subject;
  const ctx = context(subject, `create a deployment for environment ${place.environment}`);
  const created = await call(deps, ctx, () =>
    deps.github.request('POST /repos/{owner}/{repo}/deployments', {
      owner: subject.owner,
      repo: subject.repo,
      ref: subject.sha,
      environment: place.environment,
      task: 'deploy',
      // The workflow deploys what it checked itself: no merge of the default branch, no commit-status checks.
      auto_merge: false,
      required_contexts: [],
      description: `Deploy ${subject.version} to ${place.environment}`.slice(0, 140),
      payload: {
        version: subject.version,
        tag: subject.tag,
        cluster: place.cluster,
        service: place.service,
        // An application deploy's targets are in its records; its Deployment names the application.
        ...(place.application ? { application: place.application } : {}),
        region: place.region,
        ...(place.account ? { account: place.account } : {}),
        ...(metadata.image ? { image: metadata.image } : {}),
        ...(metadata.imageDigest ? { 'image-digest': metadata.imageDigest } : {}),
        ...(metadata.taskDefinitionArn ? { 'task-definition-arn': metadata.taskDefinitionArn } : {}),
        ...(actors ? { actor: actors.actor } : {}),
        ...(actors?.triggeringActor ? { 'triggering-actor': actors.triggeringActor } : {}),
      },
    }),
  );
  const data = created.data as { id?: unknown; message?: unknown };
  if (typeof data.id !== 'number') {
    const why = typeof data.message === 'string' ? data.message.slice(0, 200) : `status ${created.status}`;
    throw new Error(`GitHub did not create the deployment: ${JSON.stringify(why)}.`);
  }
  return data.id;
}

type StatusState = 'in_progress' | 'success' | 'failure' | 'inactive';

async function postStatus(
  inputs: Pick<CreateInputs, 'owner' | 'repo' | 'runUrl' | 'environmentUrl'>,
  deps: DeployTagDeps,
  deploymentId: number,
  state: StatusState,
  description: string,
): Promise<void> {
  await call(deps, context(inputs, `set deployment ${deploymentId} to ${state}`), () =>
    deps.github.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: inputs.owner,
      repo: inputs.repo,
      deployment_id: deploymentId,
      state,
      description: description.slice(0, 140),
      ...(inputs.runUrl ? { log_url: inputs.runUrl } : {}),
      ...(inputs.environmentUrl && state !== 'inactive' ? { environment_url: inputs.environmentUrl } : {}),
      // Replaced Deployments are retired here, at the same place only (see the file's comment).
      auto_inactive: false,
    }),
  );
}

/**
 * The newest earlier Deployment at the same place whose latest status is success is set inactive; the search stops
 * at the first one already inactive (earlier successes were retired by their own successors).
 */
async function inactivateReplaced(
  inputs: CreateInputs,
  deps: DeployTagDeps,
  deploymentId: number,
): Promise<number | undefined> {
  const { environment } = inputs.place;
  const base = { owner: inputs.owner, repo: inputs.repo };
  const listed = await call(deps, context(inputs, `list the deployments of environment ${environment}`), () =>
    deps.github.request('GET /repos/{owner}/{repo}/deployments', {
      ...base,
      environment,
      task: 'deploy',
      per_page: REPLACED_SEARCH,
    }),
  );
  const candidates = (listed.data as unknown[]).flatMap((item) => {
    const { id, payload } = (item ?? {}) as { id?: unknown; payload?: unknown };
    return typeof id === 'number' && id < deploymentId && isAtPlace(payload, inputs.place) ? [id] : [];
  });
  for (const id of candidates) {
    const statuses = await call(deps, context(inputs, `read the statuses of deployment ${id}`), () =>
      deps.github.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        ...base,
        deployment_id: id,
        per_page: 1,
      }),
    );
    const state = ((statuses.data as unknown[])[0] as { state?: unknown } | undefined)?.state;
    if (state === 'inactive') return undefined;
    if (state !== 'success') continue;
    await postStatus(inputs, deps, id, 'inactive', `Replaced by ${inputs.version.text} (deployment ${deploymentId})`);
    return id;
  }
  return undefined;
}

/**
 * Whether a Deployment's payload (data: any writer may have created it) names the same cluster, service or
 * application, and region. A payload without a region (made before regions were recorded) is at any region; a part
 * of `place` left empty matches any value. An application deploy's payload names its application (its targets are
 * in its records): it is at a place that names that application, or names neither a service nor an application; a
 * single-service payload is never at a place that names only an application.
 */
export function isAtPlace(payload: unknown, place: Place): boolean {
  if (payload === null || typeof payload !== 'object') return false;
  const { cluster, service, application, region, account } = payload as Record<string, unknown>;
  if (typeof cluster !== 'string') return false;
  if (place.cluster !== undefined && ecsName(cluster) !== ecsName(place.cluster)) return false;
  if (typeof service === 'string') {
    if (place.service !== undefined ? ecsName(service) !== ecsName(place.service) : place.application !== undefined)
      return false;
  } else if (typeof application === 'string') {
    if (place.application !== undefined ? application !== place.application : place.service !== undefined) return false;
  } else {
    return false;
  }
  if (region !== undefined && place.region !== undefined && region !== place.region) return false;
  return account === undefined || place.account === undefined || account === place.account;
}

export function context(inputs: { owner: string; repo: string }, what: string): CallContext {
  return { what, permission: 'deployments: write', repository: `${inputs.owner}/${inputs.repo}` };
}
