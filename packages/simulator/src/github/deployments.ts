/** Deployments and deployment statuses (https://docs.github.com/rest/deployments). */
import type { GitHubResponse } from '../contract.js';
import { resolveCommitish } from './history.js';
import type { DeploymentRecord, DeploymentStatusRecord, Repository, RouteContext } from './model.js';
import { asRecord, creator, error, isoSeconds, nodeId, ok, paginate, parseMaybeJson } from './responses.js';

const DEPLOYMENT_STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];

// Create a deployment (https://docs.github.com/rest/deployments/deployments#create-a-deployment): `ref` is a
// branch, tag or sha (422 when missing or unknown); environment defaults to `production`; 201 with the deployment.
// Commit-status checks (required_contexts) and auto-merge are not simulated.
export function createDeployment({ request, repo, route, origin, clock, newId }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/deployments/deployments#create-a-deployment';
  const body = asRecord(request.body);
  if (typeof body.ref !== 'string') return error(422, `Invalid request.\n\n"ref" wasn't supplied.`, docs, route);
  const sha = resolveCommitish(repo, body.ref);
  if (!sha) return error(422, `No ref found for: ${body.ref}`, docs, route);
  const environment = typeof body.environment === 'string' && body.environment ? body.environment : 'production';
  const deployment: DeploymentRecord = {
    id: newId(),
    sha,
    ref: body.ref,
    task: typeof body.task === 'string' ? body.task : 'deploy',
    payload: typeof body.payload === 'string' ? parseMaybeJson(body.payload) : (body.payload ?? {}),
    environment,
    originalEnvironment: environment,
    description: typeof body.description === 'string' ? body.description : null,
    transientEnvironment: body.transient_environment === true,
    productionEnvironment:
      typeof body.production_environment === 'boolean' ? body.production_environment : environment === 'production',
    createdAt: isoSeconds(clock.now()),
    statuses: [],
  };
  repo.deployments.push(deployment);
  return ok(201, deploymentJson(repo, deployment, origin), route);
}

// List deployments (https://docs.github.com/rest/deployments/deployments#list-deployments): newest first,
// filtered by sha, ref, task and environment.
export function listDeployments({ request, repo, route, origin }: RouteContext): GitHubResponse {
  const q = request.query;
  const list = repo.deployments
    .filter((d) => (q.get('sha') ? d.sha === q.get('sha') : true))
    .filter((d) => (q.get('ref') ? d.ref === q.get('ref') : true))
    .filter((d) => (q.get('task') ? d.task === q.get('task') : true))
    .filter((d) => (q.get('environment') ? d.environment === q.get('environment') : true))
    .reverse();
  return ok(
    200,
    paginate(list, q).map((d) => deploymentJson(repo, d, origin)),
    route,
  );
}

export function getDeployment({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const deployment = repo.deployments.find((d) => String(d.id) === params.deployment_id);
  if (!deployment)
    return error(404, 'Not Found', 'https://docs.github.com/rest/deployments/deployments#get-a-deployment', route);
  return ok(200, deploymentJson(repo, deployment, origin), route);
}

// Create a deployment status (https://docs.github.com/rest/deployments/statuses#create-a-deployment-status):
// state is one of error, failure, inactive, in_progress, queued, pending, success; `auto_inactive` (default true)
// adds an inactive status to the prior (earlier created) non-transient, non-production deployments of the same
// environment whose latest status is success; a newer deployment is never made inactive by an older one's status.
export function createStatus({ request, params, repo, route, origin, clock, newId }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status';
  const deployment = repo.deployments.find((d) => String(d.id) === params.deployment_id);
  if (!deployment) return error(404, 'Not Found', docs, route);
  const body = asRecord(request.body);
  if (typeof body.state !== 'string') return error(422, `Invalid request.\n\n"state" wasn't supplied.`, docs, route);
  if (!DEPLOYMENT_STATES.includes(body.state)) {
    return error(
      422,
      `Invalid request.\n\n${JSON.stringify(body.state)} is not a member of ${JSON.stringify(DEPLOYMENT_STATES)}.`,
      docs,
      route,
    );
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (typeof body.environment === 'string' && body.environment) deployment.environment = body.environment;
  const status: DeploymentStatusRecord = {
    id: newId(),
    state: body.state,
    description: str(body.description),
    environment: deployment.environment,
    targetUrl: str(body.target_url) || str(body.log_url),
    logUrl: str(body.log_url) || str(body.target_url),
    environmentUrl: str(body.environment_url),
    createdAt: isoSeconds(clock.now()),
  };
  deployment.statuses.push(status);
  if (body.state === 'success' && body.auto_inactive !== false) {
    for (const other of repo.deployments) {
      if (other.id >= deployment.id || other.environment !== deployment.environment) continue;
      if (other.transientEnvironment || other.productionEnvironment) continue;
      if (other.statuses.at(-1)?.state !== 'success') continue;
      other.statuses.push({
        ...status,
        id: newId(),
        state: 'inactive',
        description: '',
        environment: other.environment,
      });
    }
  }
  return ok(201, statusJson(repo, deployment, status, origin), route);
}

export function listStatuses({ request, params, repo, route, origin }: RouteContext): GitHubResponse {
  const deployment = repo.deployments.find((d) => String(d.id) === params.deployment_id);
  if (!deployment)
    return error(404, 'Not Found', 'https://docs.github.com/rest/deployments/statuses#list-deployment-statuses', route);
  const list = [...deployment.statuses].reverse();
  return ok(
    200,
    paginate(list, request.query).map((s) => statusJson(repo, deployment, s, origin)),
    route,
  );
}

export function deploymentJson(repo: Repository, d: DeploymentRecord, origin: string) {
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  const updated = d.statuses.at(-1)?.createdAt ?? d.createdAt;
  return {
    url: `${base}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: creator(),
    created_at: d.createdAt,
    updated_at: updated,
    statuses_url: `${base}/deployments/${d.id}/statuses`,
    repository_url: base,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  };
}

export function statusJson(repo: Repository, d: DeploymentRecord, s: DeploymentStatusRecord, origin: string) {
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${base}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: creator(),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: `${base}/deployments/${d.id}`,
    repository_url: base,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
  };
}
