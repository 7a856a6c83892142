/**
 * Points the service at the task definition (UpdateService) once. A throttled attempt is sent again; one whose
 * answer was lost is sent again only after looking has shown it did not take effect: the look finds our deployment
 * in any state, also when ECS has already failed it and rolled it back (landed-update.ts). When the answer never
 * came (the job was cancelled, or AWS did not answer in time), one short look finds out what landed.
 */
import {
  type Deployment,
  DescribeServiceDeploymentsCommand,
  type Service,
  UpdateServiceCommand,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
import { writeOnce } from '@ecs-actions/core/ecs';
import { findOurUpdate, type OurUpdate, type UpdateAsked } from './landed-update.js';
import { type CallLimits, CHECK_TIMEOUT_MS, type DeploySession, describeDeployment } from './session.js';
import { shortTaskDefinition } from './taskdef.js';
import type { DeployStatus } from './types.js';

export interface Updated {
  service: Service | undefined;
  /**
   * Our deployment: the PRIMARY in UpdateService's answer, or the one an earlier attempt started. Undefined only
   * when ECS had already removed it from the service (failed and rolled back) before this step could look.
   */
  ours: Deployment | undefined;
  /** Our service deployment, when the look found it (ListServiceDeployments). */
  serviceDeploymentArn?: string;
}

/**
 * UpdateService, applied once (writeOnce: a lost answer is looked for before sending again). `command` defaults to
 * this step's update (the service definition's settings, the new revision, the inputs); a rollback passes its own.
 */
export async function updateService(
  session: DeploySession,
  asked: UpdateAsked,
  limits: () => CallLimits,
  command: UpdateServiceCommandInput = forwardUpdate(session, asked),
): Promise<Updated> {
  const { inputs } = session;
  const since = session.deps.clock.now();
  return writeOnce<Updated>(session, {
    operation: 'UpdateService',
    write: async () => {
      const updated = await session.call(
        'UpdateService',
        (o) => session.deps.ecsSingleAttempt.send(new UpdateServiceCommand(command), o),
        limits(),
      );
      const ours = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
      if (!ours?.id) {
        throw new Error(`UpdateService answered without a PRIMARY deployment for service ${inputs.service}`);
      }
      return { service: updated.service, ours };
    },
    landed: async () => {
      const found = await findOurUpdate(session, asked, since, limits());
      return found ? updatedFrom(found) : undefined;
    },
  });
}

/** This step's update: the service definition's settings first (the inputs below are not among them). */
function forwardUpdate(session: DeploySession, asked: UpdateAsked): UpdateServiceCommandInput {
  const { inputs } = session;
  return {
    ...inputs.serviceDefinition?.settings,
    cluster: inputs.cluster,
    service: inputs.service,
    taskDefinition: asked.taskDefinitionArn,
    ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
    forceNewDeployment: inputs.forceNewDeployment,
  };
}

function updatedFrom(found: OurUpdate): Updated {
  return {
    service: found.service,
    ours: found.deployment,
    ...(found.serviceDeployment?.serviceDeploymentArn
      ? { serviceDeploymentArn: found.serviceDeployment.serviceDeploymentArn }
      : {}),
  };
}

export interface Landed {
  /** What the service runs now, in words: "the service was updated to web:7: deployment … is IN_PROGRESS, …". */
  text: string;
  /** Our deployment, when the update landed and ECS still lists it. */
  deployment?: Deployment;
}

/**
 * After an UpdateService whose answer never came: whether it started a deployment of `asked.taskDefinitionArn`
 * (in any state). Not bound to the job's cancel signal: this is what the job says on its way out.
 */
export async function landedUpdate(session: DeploySession, asked: UpdateAsked, since: number): Promise<Landed> {
  let found: OurUpdate | undefined;
  try {
    found = await findOurUpdate(session, asked, since, { withinMs: CHECK_TIMEOUT_MS, cancellable: false });
  } catch (error) {
    return {
      text: `whether the service was updated is unknown (${errorMessage(error)}); look at its deployments in the console`,
    };
  }
  const target = shortTaskDefinition(asked.taskDefinitionArn);
  if (found?.deployment) {
    return {
      text: `the service was updated to ${target}: deployment ${found.deployment.id} is ${describeDeployment(found.deployment)}, and ECS carries on with it`,
      deployment: found.deployment,
    };
  }
  if (found?.serviceDeployment) {
    const { serviceDeploymentArn, status, statusReason } = found.serviceDeployment;
    return {
      text: `the service was updated to ${target}, and ECS has already ended that deployment: service deployment ${serviceDeploymentArn} is ${status}${statusReason ? ` (${statusReason})` : ''}`,
    };
  }
  const service = session.lastService;
  const primary = service?.deployments?.find((d) => d.status === 'PRIMARY');
  return {
    text: `the service was not updated: it still runs ${shortTaskDefinition(service?.taskDefinition ?? '?')}${primary?.id ? ` (deployment ${primary.id}: ${describeDeployment(primary)})` : ''}`,
  };
}

/**
 * A rolling deployment an earlier attempt started that ECS had already ended (rolled back) and removed from the
 * service by the time this step looked: what its service deployment says, as the step's result.
 */
export async function endedRolling(
  session: DeploySession,
  serviceDeploymentArn: string,
  deployArn: string,
): Promise<{ status: DeployStatus; message: string; finalState: string }> {
  const what = `Deployment of ${shortTaskDefinition(deployArn)} (service deployment ${serviceDeploymentArn}), started by an UpdateService whose answer was lost,`;
  try {
    const described = await session.call(
      'DescribeServiceDeployments',
      (o) =>
        session.deps.ecs.send(
          new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }),
          o,
        ),
      { withinMs: CHECK_TIMEOUT_MS },
    );
    const deployment = described.serviceDeployments?.[0];
    const state = deployment?.status ?? 'unknown';
    const reason = deployment?.statusReason ? ` (${deployment.statusReason.replace(/\.$/, '')})` : '';
    const status: DeployStatus =
      state === 'SUCCESSFUL' ? 'succeeded' : state === 'ROLLBACK_SUCCESSFUL' ? 'rolled-back' : 'failed';
    return { status, message: `${what} ended before this step could follow it: ${state}${reason}.`, finalState: state };
  } catch (error) {
    return {
      status: 'failed',
      message: `${what} ended before this step could follow it; how it ended could not be read (${errorMessage(error)}).`,
      finalState: 'unknown',
    };
  }
}
