/**
 * The failed deploys of history mode: deploy records are written only after a deploy succeeded, so the deploys that
 * failed are read from the GitHub Deployments deploy.yml sets to `failure`. Everything read is data from the API
 * (payloads may come from any writer): each field is checked with the deploy records' rules and a Deployment that
 * breaks one is skipped. Reading them is a report: a refusal or an error is a warning, never a failed step.
 */
import { errorMessage } from '@ecs-actions/core';
import { context, isAtPlace } from './deployment.js';
import { call, type DeployTagDeps } from './github.js';
import type { HistoryInputs } from './inputs.js';
import { FIELD_RULES } from './records.js';
import { parseVersion } from './version.js';

/** How many of the newest Deployments are read, and how many of their statuses at most. */
export const FAILED_SEARCH = 30;

/** A deploy whose GitHub Deployment ended in failure or error. */
export interface FailedDeploy {
  environment: string;
  cluster: string;
  /** The service of a single-service deploy; an application deploy names its application instead. */
  service?: string;
  application?: string;
  region?: string;
  account?: string;
  version: string;
  sha: string;
  /** When the Deployment was set to failure. */
  time: string;
  actor?: string;
  triggeringActor?: string;
  /** The run that failed (the status's log URL). */
  run?: string;
}

export async function readFailedDeploys(inputs: HistoryInputs, deps: DeployTagDeps): Promise<FailedDeploy[]> {
  try {
    return await failedDeploys(inputs, deps);
  } catch (error) {
    deps.warning?.(
      `The failed deploys are not shown (they are read from the GitHub Deployments): ${errorMessage(error)}`,
    );
    return [];
  }
}

async function failedDeploys(inputs: HistoryInputs, deps: DeployTagDeps): Promise<FailedDeploy[]> {
  const base = { owner: inputs.owner, repo: inputs.repo };
  const { environment } = inputs.place;
  const listed = await call(deps, context(inputs, 'list the deployments'), () =>
    deps.github.request('GET /repos/{owner}/{repo}/deployments', {
      ...base,
      task: 'deploy',
      per_page: FAILED_SEARCH,
      ...(environment ? { environment } : {}),
    }),
  );
  const failed: FailedDeploy[] = [];
  for (const item of (listed.data as unknown[]).slice(0, FAILED_SEARCH)) {
    const deployment = deploymentFields(item);
    if (!deployment || !isAtPlace(deployment.payload, inputs.place)) continue;
    const statuses = await call(deps, context(inputs, `read the statuses of deployment ${deployment.id}`), () =>
      deps.github.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        ...base,
        deployment_id: deployment.id,
        per_page: 1,
      }),
    );
    const status = ((statuses.data as unknown[])[0] ?? {}) as Record<string, unknown>;
    if (status.state !== 'failure' && status.state !== 'error') continue;
    const found = failedDeploy(deployment, status);
    if (found) failed.push(found);
  }
  return failed;
}

interface DeploymentFields {
  id: number;
  sha: unknown;
  environment: unknown;
  payload: Record<string, unknown>;
}

function deploymentFields(item: unknown): DeploymentFields | undefined {
  const { id, sha, environment, payload } = (item ?? {}) as Record<string, unknown>;
  if (typeof id !== 'number' || payload === null || typeof payload !== 'object') return undefined;
  return { id, sha, environment, payload: payload as Record<string, unknown> };
}

/** The failed deploy a Deployment and its failure status tell of, when every field passes its record rule. */
function failedDeploy(deployment: DeploymentFields, status: Record<string, unknown>): FailedDeploy | undefined {
  const { payload } = deployment;
  const text = (value: unknown, rule: keyof typeof FIELD_RULES) =>
    typeof value === 'string' && FIELD_RULES[rule].test(value) ? value : undefined;
  const environment = text(deployment.environment, 'environment');
  const cluster = text(payload.cluster, 'cluster');
  const service = text(payload.service, 'service');
  const application = service ? undefined : text(payload.application, 'application');
  const version = typeof payload.version === 'string' ? parseVersion(payload.version)?.text : undefined;
  const sha = typeof deployment.sha === 'string' && /^[0-9a-f]{40}$/.test(deployment.sha) ? deployment.sha : undefined;
  const createdAt = typeof status.created_at === 'string' ? Date.parse(status.created_at) : Number.NaN;
  if (!environment || !cluster || !(service || application) || !version || !sha || Number.isNaN(createdAt))
    return undefined;
  const region = text(payload.region, 'region');
  const account = text(payload.account, 'account');
  const actor = text(payload.actor, 'actor');
  const triggeringActor = text(payload['triggering-actor'], 'triggeringActor');
  const run = text(status.log_url, 'run');
  return {
    environment,
    cluster,
    ...(service ? { service } : {}),
    ...(application ? { application } : {}),
    version,
    sha,
    time: new Date(createdAt).toISOString(),
    ...(region ? { region } : {}),
    ...(account ? { account } : {}),
    ...(actor ? { actor } : {}),
    ...(triggeringActor ? { triggeringActor } : {}),
    ...(run ? { run } : {}),
  };
}
