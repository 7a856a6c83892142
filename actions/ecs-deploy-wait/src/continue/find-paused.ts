/**
 * Which paused service deployment to continue, checked before anything changes: the one named by its ARN, or the one
 * of the service whose PAUSE hook is AWAITING_ACTION. The one named by its ARN whose pause expired (TIMED_OUT) is
 * returned as expired (ECS took the timeout action; the caller reports what ECS did). A deployment not IN_PROGRESS, a
 * hook not AWAITING_ACTION, no paused deployment, or several: one error each, naming what was found and the fix.
 */
import {
  type DeploymentLifecycleHookDetail,
  DescribeServiceDeploymentsCommand,
  ListServiceDeploymentsCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { ConfigurationError } from '@ecs-actions/core';
import { awaitingPauses, describePause, type Pause } from '../pause/watch-pauses.js';
import type { DeploySession } from '../session.js';
import { expiredPauseHook } from './expired-pause.js';

export interface PausedDeployment {
  deployment: ServiceDeployment;
  pause: Pause;
  /** The cluster and service names, from the service deployment's ARNs. */
  cluster: string;
  service: string;
}

/** The deployment named by its ARN whose pause expired before the continue: ECS took the hook's timeout action. */
export interface ExpiredPause {
  deployment: ServiceDeployment;
  expired: DeploymentLifecycleHookDetail;
  cluster: string;
  service: string;
}

const nothingChanged = 'Nothing was changed.';

/** The paused deployment to act on. `arn` and `hookId` as the inputs give them (either may be empty). */
export async function findPaused(
  session: DeploySession,
  request: { arn?: string; hookId?: string },
): Promise<PausedDeployment | ExpiredPause> {
  const { cluster, service } = session.inputs;
  const deployments = request.arn ? [await describeOne(session, request.arn)] : await pausedOfService(session);
  if (!request.arn) {
    const paused = deployments.filter((d) => awaitingPauses(d).length > 0);
    if (paused.length === 0) {
      throw new ConfigurationError(
        `No service deployment of service "${service}" in cluster "${cluster}" is paused (no PAUSE lifecycle hook is AWAITING_ACTION). ${nothingChanged} Deploy with ecs-deploy-wait on-pause: return first, or set service-deployment-arn.`,
      );
    }
    if (paused.length > 1) {
      throw new ConfigurationError(
        `${paused.length} service deployments of service "${service}" are paused: ${paused.map((d) => `${d.serviceDeploymentArn} (${awaitingPauses(d).map(describePause).join('; ')})`).join(', ')}. ${nothingChanged} Set service-deployment-arn to the one to act on.`,
      );
    }
    deployments.splice(0, deployments.length, ...paused);
  }
  const [deployment] = deployments;
  if (!deployment) throw new Error('internal: no service deployment');
  const arn = deployment.serviceDeploymentArn ?? '';
  const names = {
    cluster: nameOf(deployment.clusterArn) ?? cluster,
    service: nameOf(deployment.serviceArn) ?? service,
  };
  const expired = request.arn ? expiredPauseHook(deployment, request.hookId) : undefined;
  if (expired) return { deployment, expired, ...names };
  if (deployment.status !== 'IN_PROGRESS') {
    throw new ConfigurationError(
      `Service deployment ${arn} is ${deployment.status ?? 'in an unknown status'}, not IN_PROGRESS: only a deployment in progress can be continued or rolled back. ${nothingChanged}`,
    );
  }
  const pause = pauseToActOn(deployment, arn, request.hookId);
  return { deployment, pause, ...names };
}

function pauseToActOn(deployment: ServiceDeployment, arn: string, hookId: string | undefined): Pause {
  const awaiting = awaitingPauses(deployment);
  if (hookId) {
    const found = awaiting.find((pause) => pause.hookId === hookId);
    if (found) return found;
    const hook = deployment.lifecycleHookDetails?.find((h) => h.hookId === hookId);
    throw new ConfigurationError(
      hook
        ? `Lifecycle hook ${hookId} of service deployment ${arn} is ${hook.status}, not AWAITING_ACTION: someone has acted on it, or it expired. ${nothingChanged}`
        : `Service deployment ${arn} has no lifecycle hook ${hookId}${awaiting.length > 0 ? `; it is ${awaiting.map(describePause).join('; ')}` : ''}. ${nothingChanged} Use the pause-hook-id output of the step that paused it.`,
    );
  }
  if (awaiting.length === 0) {
    throw new ConfigurationError(
      `Service deployment ${arn} is not paused: no PAUSE lifecycle hook is AWAITING_ACTION (stage ${deployment.lifecycleStage ?? '?'}). ${nothingChanged}`,
    );
  }
  if (awaiting.length > 1) {
    throw new ConfigurationError(
      `Service deployment ${arn} waits at ${awaiting.length} PAUSE hooks: ${awaiting.map((p) => p.hookId).join(', ')}. ${nothingChanged} Set hook-id to the one to act on.`,
    );
  }
  return awaiting[0] as Pause;
}

async function describeOne(session: DeploySession, arn: string): Promise<ServiceDeployment> {
  const answer = await session.call('DescribeServiceDeployments', (o) =>
    session.deps.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), o),
  );
  const found = answer.serviceDeployments?.[0];
  if (!found) {
    throw new ConfigurationError(
      `Service deployment ${arn} was not found (DescribeServiceDeployments: ${answer.failures?.[0]?.reason ?? 'MISSING'}). ${nothingChanged} Check service-deployment-arn and AWS_REGION.`,
    );
  }
  return found;
}

/** The service's deployments in progress, described (ListServiceDeployments gives no hooks). */
async function pausedOfService(session: DeploySession): Promise<ServiceDeployment[]> {
  const { cluster, service } = session.inputs;
  const listed = await session.call('ListServiceDeployments', (o) =>
    session.deps.ecs.send(new ListServiceDeploymentsCommand({ cluster, service, status: ['IN_PROGRESS'] }), o),
  );
  const arns = (listed.serviceDeployments ?? []).map((d) => d.serviceDeploymentArn ?? '').filter(Boolean);
  if (arns.length === 0) return [];
  const answer = await session.call('DescribeServiceDeployments', (o) =>
    session.deps.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns.slice(0, 20) }), o),
  );
  return answer.serviceDeployments ?? [];
}

/** "arn:aws:ecs:…:service/prod/web" → "web"; "arn:aws:ecs:…:cluster/prod" → "prod". */
function nameOf(arn: string | undefined): string | undefined {
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
}
