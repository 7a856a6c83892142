/**
 * Points the service at the task definition (UpdateService) once: a retry after a lost answer first looks whether
 * the service already runs our new deployment (a second UpdateService with force-new-deployment would start
 * another one). When the answer never came (the job was cancelled, or AWS did not answer), one short describe finds
 * out what landed.
 */
import { type Deployment, type Service, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
import { writeOnce } from '@ecs-actions/core/ecs';
import { type CallLimits, CHECK_TIMEOUT_MS, type DeploySession, describeDeployment } from './session.js';
import { shortTaskDefinition } from './taskdef.js';

export interface Updated {
  service: Service | undefined;
  /** Our deployment: the PRIMARY in UpdateService's answer. */
  ours: Deployment;
}

export async function updateService(
  session: DeploySession,
  deployArn: string,
  previousDeploymentId: string | undefined,
  limits: () => CallLimits,
): Promise<Updated> {
  const { inputs } = session;
  return writeOnce(session, {
    operation: 'UpdateService',
    write: async () => {
      const updated = await session.call(
        'UpdateService',
        (o) =>
          session.deps.ecsSingleAttempt.send(
            new UpdateServiceCommand({
              // The service definition's settings first: the inputs below are not among them.
              ...inputs.serviceDefinition?.settings,
              cluster: inputs.cluster,
              service: inputs.service,
              taskDefinition: deployArn,
              ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
              forceNewDeployment: inputs.forceNewDeployment,
            }),
            o,
          ),
        limits(),
      );
      const ours = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
      if (!ours?.id) {
        throw new Error(`UpdateService answered without a PRIMARY deployment for service ${inputs.service}`);
      }
      return { service: updated.service, ours };
    },
    landed: async () => {
      const service = await session.describeService(limits());
      const ours = newDeployment(service, deployArn, previousDeploymentId);
      return ours ? { service, ours } : undefined;
    },
  });
}

/** The service's PRIMARY deployment when it runs `deployArn` and is not the one that was there before. */
function newDeployment(service: Service, deployArn: string, previousDeploymentId: string | undefined) {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  return primary?.id && primary.taskDefinition === deployArn && primary.id !== previousDeploymentId
    ? primary
    : undefined;
}

export interface Landed {
  /** What the service runs now, in words: "the service was updated to web:7: deployment … is IN_PROGRESS, …". */
  text: string;
  /** Our deployment, when the update landed. */
  deployment?: Deployment;
}

/**
 * After an UpdateService whose answer never came: whether the service now runs `deployArn` in a deployment other
 * than `previousDeploymentId`. Not bound to the job's cancel signal: this is what the job says on its way out.
 */
export async function landedUpdate(
  session: DeploySession,
  deployArn: string,
  previousDeploymentId: string | undefined,
): Promise<Landed> {
  let service: Service;
  try {
    service = await session.describeService({ withinMs: CHECK_TIMEOUT_MS, cancellable: false });
  } catch (error) {
    return {
      text: `whether the service was updated is unknown (${errorMessage(error)}); look at its deployments in the console`,
    };
  }
  session.lastService = service;
  const ours = newDeployment(service, deployArn, previousDeploymentId);
  if (ours) {
    return {
      text: `the service was updated to ${shortTaskDefinition(deployArn)}: deployment ${ours.id} is ${describeDeployment(ours)}, and ECS carries on with it`,
      deployment: ours,
    };
  }
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  return {
    text: `the service was not updated: it still runs ${shortTaskDefinition(service.taskDefinition ?? '?')}${primary?.id ? ` (deployment ${primary.id}: ${describeDeployment(primary)})` : ''}`,
  };
}
