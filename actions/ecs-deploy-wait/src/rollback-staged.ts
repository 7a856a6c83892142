/**
 * After our native staged deployment did not succeed: report ECS's own rollback (a failed lifecycle hook, an alarm,
 * the circuit breaker), or, when the time ran out, roll back the way ECS does it (StopServiceDeployment with stopType
 * ROLLBACK, not a redeploy) and follow that rollback to its end. A service deployment another run started has
 * replaced ours (STOPPED, superseded): no rollback, it would undo theirs.
 */
import { StopServiceDeploymentCommand } from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { CancelledWriteError, errorCode, isAbort } from './aws-errors.js';
import {
  describeServiceDeployment,
  describeServiceDeploymentState,
  followStaged,
  type StagedOutcome,
} from './follow/staged.js';
import type { RollbackResult } from './rollback.js';
import type { CallLimits, DeploySession } from './session.js';
import { shortTaskDefinition } from './taskdef.js';

export async function rollBackStaged(
  session: DeploySession,
  outcome: Exclude<StagedOutcome, { kind: 'successful' }>,
  arn: string,
  previousArn: string | undefined,
  check: CallLimits,
): Promise<RollbackResult> {
  const { inputs } = session;
  const previous = previousArn ?? '?';
  if (outcome.kind === 'ended') {
    const status = outcome.deployment.status;
    if (status === 'ROLLBACK_SUCCESSFUL' || status === 'ROLLBACK_FAILED') {
      const steady = status === 'ROLLBACK_SUCCESSFUL';
      const detail = steady
        ? `ECS rolled back to ${shortTaskDefinition(previous)} (${status}).`
        : `ECS tried to roll back to ${shortTaskDefinition(previous)}, and that failed too (${status}).`;
      const primary = session.lastService?.deployments?.find((d) => d.status === 'PRIMARY');
      return {
        note: detail,
        report: {
          by: 'ecs',
          taskDefinitionArn: previous,
          ...(primary?.id ? { deploymentId: primary.id } : {}),
          steady,
          detail,
        },
      };
    }
    const current = session.lastService?.currentServiceDeployment;
    if (current && current !== arn) {
      const by = session.lastService?.deployments?.find((d) => d.status === 'PRIMARY');
      return {
        note: `This step did not roll back: service deployment ${current} replaced ours, and rolling back would undo it.`,
        ...(by ? { supersededBy: by } : {}),
      };
    }
    return {
      note: 'ECS stopped the service deployment without rolling it back; StopServiceDeployment cannot roll back a stopped service deployment, so this step did not either.',
    };
  }
  if (!inputs.rollback) {
    return { note: `No rollback was done (rollback: false): ECS carries on with service deployment ${arn}.` };
  }
  if (outcome.stalled) {
    return {
      note: `No rollback: DescribeServiceDeployments stopped answering, so this step cannot tell what state service deployment ${arn} is in. ECS carries on with it.`,
    };
  }

  session.log.info(`Rolling back service deployment ${arn} (StopServiceDeployment, stopType ROLLBACK)`);
  try {
    await session.call(
      'StopServiceDeployment',
      (o) =>
        session.deps.ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }), o),
      check,
    );
  } catch (error) {
    if (isAbort(error) || session.cancelled) {
      throw new CancelledWriteError(
        'asking ECS to roll back (StopServiceDeployment)',
        `whether ECS started the rollback of service deployment ${arn} is unknown; look at it in the console`,
      );
    }
    if (errorCode(error) !== 'ConflictException') {
      const detail = `The rollback (StopServiceDeployment) failed: ${errorMessage(error)}`;
      return { note: detail, report: { by: 'action', taskDefinitionArn: previous, steady: false, detail } };
    }
    // It ended between our last poll and the stop: say how.
    const now = await describeServiceDeployment(session, arn, check).catch(() => undefined);
    return {
      note: `No rollback: service deployment ${arn} had already ended (${describeServiceDeploymentState(now)}).`,
    };
  }
  session.log.info(`ECS is rolling back; waiting up to ${formatDuration(inputs.timeoutMs)}`);
  const followed = await followStaged(session, arn, inputs.timeoutMs, 'rollback');
  const final = followed.deployment;
  const steady = final?.status === 'ROLLBACK_SUCCESSFUL';
  const detail = steady
    ? `Rolled back to ${shortTaskDefinition(previous)} through ECS (StopServiceDeployment ROLLBACK): ${final?.status}.`
    : `The rollback through ECS (StopServiceDeployment ROLLBACK) did not succeed: ${describeServiceDeploymentState(final)}${followed.kind === 'timed-out' ? ` after ${formatDuration(inputs.timeoutMs)}` : ''}${final?.statusReason ? ` (${final.statusReason})` : ''}.`;
  return { note: detail, report: { by: 'action', taskDefinitionArn: previous, steady, detail } };
}
