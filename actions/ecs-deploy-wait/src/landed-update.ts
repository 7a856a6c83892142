/**
 * Whether an UpdateService whose answer was lost started our deployment, in whatever state it is now: still listed
 * by DescribeServices (PRIMARY, or ACTIVE once ECS rolls it back), or already gone from the service and known only
 * as a service deployment (ListServiceDeployments since the write, every status, matched by the task definition of
 * its target service revision, DescribeServiceRevisions). Undefined only when it certainly did not land.
 */
import {
  type Deployment,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  type Service,
  type ServiceDeploymentBrief,
} from '@aws-sdk/client-ecs';
import { isUnavailable } from './aws-errors.js';
import { stagedStrategyOf } from './follow/staged.js';
import type { CallLimits, DeploySession } from './session.js';

/** What this step asked UpdateService for, and what was there before (which is never ours). */
export interface UpdateAsked {
  taskDefinitionArn: string;
  previousDeploymentId: string | undefined;
  previousServiceDeploymentArn: string | undefined;
  /**
   * When a deployment known to come before the write was created (a rollback's: the deployment it rolls back): the
   * write's own is not older, so the revision's earlier deployments, however recent, are never taken for it.
   */
  createdAfter?: Date;
}

export interface OurUpdate {
  service: Service;
  /** Our deployment, while the service still lists it. */
  deployment?: Deployment;
  /** Our service deployment, when the service no longer lists our deployment. */
  serviceDeployment?: ServiceDeploymentBrief;
}

/** How far the runner's clock may be ahead of AWS's: deployments created this long before the write count. */
const CLOCK_SKEW_MS = 60_000;
/** DescribeServiceRevisions takes up to 20 ARNs. */
const REVISIONS_PER_CALL = 20;

export async function findOurUpdate(
  session: DeploySession,
  asked: UpdateAsked,
  since: number,
  limits: CallLimits,
): Promise<OurUpdate | undefined> {
  const service = await session.describeService(limits);
  session.lastService = service;
  const after = Math.max(since - CLOCK_SKEW_MS, asked.createdAfter?.getTime() ?? Number.NEGATIVE_INFINITY);
  const deployment = service.deployments?.find(
    (d) =>
      d.id &&
      d.id !== asked.previousDeploymentId &&
      d.taskDefinition === asked.taskDefinitionArn &&
      (d.createdAt?.getTime() ?? after) >= after,
  );
  if (deployment) return { service, deployment };
  const serviceDeployment = await goneServiceDeployment(session, service, asked, after, limits);
  return serviceDeployment ? { service, serviceDeployment } : undefined;
}

/**
 * Our service deployment among those created since `after`, when ECS no longer lists its deployment. A rolling
 * deployment stays listed (ACTIVE) until its tasks have drained, far longer than the write's backoff: without
 * ecs:ListServiceDeployments the service's list is enough there. A staged one can end within seconds.
 */
async function goneServiceDeployment(
  session: DeploySession,
  service: Service,
  asked: UpdateAsked,
  after: number,
  limits: CallLimits,
): Promise<ServiceDeploymentBrief | undefined> {
  const { cluster } = session.inputs;
  const candidates: ServiceDeploymentBrief[] = [];
  try {
    let nextToken: string | undefined;
    do {
      // The SDK's error as it is (bounded, not explained): whether the API is there at all decides.
      const page = await session.bounded(
        'ListServiceDeployments',
        (o) =>
          session.deps.ecs.send(
            new ListServiceDeploymentsCommand({
              cluster,
              service: session.inputs.service,
              createdAt: { after: new Date(after) },
              ...(nextToken ? { nextToken } : {}),
            }),
            o,
          ),
        limits,
      );
      for (const brief of page.serviceDeployments ?? []) {
        const arn = brief.serviceDeploymentArn;
        if (arn && arn !== asked.previousServiceDeploymentArn && brief.targetServiceRevisionArn) candidates.push(brief);
      }
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (error) {
    if (isUnavailable(error) && !stagedStrategyOf(service)) return undefined;
    throw error;
  }
  for (let start = 0; start < candidates.length; start += REVISIONS_PER_CALL) {
    const batch = candidates.slice(start, start + REVISIONS_PER_CALL);
    const described = await session.call(
      'DescribeServiceRevisions',
      (o) =>
        session.deps.ecs.send(
          new DescribeServiceRevisionsCommand({
            serviceRevisionArns: batch.map((brief) => brief.targetServiceRevisionArn ?? ''),
          }),
          o,
        ),
      limits,
    );
    const ours = new Set(
      (described.serviceRevisions ?? [])
        .filter((revision) => revision.taskDefinition === asked.taskDefinitionArn)
        .map((revision) => revision.serviceRevisionArn),
    );
    const found = batch.find((brief) => ours.has(brief.targetServiceRevisionArn));
    if (found) return found;
  }
  return undefined;
}
