/**
 * After our native staged deployment did not succeed: report ECS's own rollback (a failed lifecycle hook, an alarm,
 * the circuit breaker), or, when the time ran out, roll back the way ECS does it (StopServiceDeployment with stopType
 * ROLLBACK, not a redeploy) and follow that rollback to its end. A service deployment another run started has
 * replaced ours (STOPPED, superseded): no rollback, it would undo theirs. After a timeout the decision reads the
 * service deployment and the service again, within its own budget: the wait's last read (which may not have
 * answered) never decides it.
 */
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { isAbort } from './aws-errors.js';
import {
  describeServiceDeployment,
  describeServiceDeploymentState,
  followStaged,
  type StagedOutcome,
} from './follow/staged.js';
import { noRollbackNote, type RollbackResult } from './rollback.js';
import { stopWithRollback } from './rollback-stop.js';
import type { DeploySession } from './session.js';
import { shortTaskDefinition } from './taskdef.js';
import { type Budget, decided, freshRead, type RollbackStart } from './wrap-up.js';

/** Service deployment statuses after which ECS does nothing more with it. */
const ENDED = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED']);

export async function startStagedRollback(
  session: DeploySession,
  outcome: Exclude<StagedOutcome, { kind: 'successful' }>,
  arn: string,
  previousArn: string | undefined,
  budget: Budget,
): Promise<RollbackStart> {
  const { inputs } = session;
  if (outcome.kind === 'ended') return decided(endedByEcs(session, outcome.deployment, arn, previousArn));
  if (!inputs.rollback) {
    return decided({
      note: `${noRollbackNote(inputs).replace(/\.$/, ':')} ECS carries on with service deployment ${arn}.`,
    });
  }

  // Where it is now, read fresh (both answers, each tried again within the budget).
  let now: ServiceDeployment;
  try {
    now = await freshRead(session, budget, (limits) => describeServiceDeployment(session, arn, limits));
    session.lastService = await freshRead(session, budget, (limits) => session.describeService(limits));
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    return decided({
      note: `No rollback: this step cannot tell what state service deployment ${arn} is in now (${errorMessage(error)}), and rolling back blindly could undo a newer deployment. ECS carries on with it.`,
    });
  }
  if (now.status === 'SUCCESSFUL') {
    return decided({ note: `No rollback: service deployment ${arn} succeeded after all, right after the wait ended.` });
  }
  if (ENDED.has(now.status ?? '')) return decided(endedByEcs(session, now, arn, previousArn));
  if (now.status === 'ROLLBACK_REQUESTED' || now.status === 'ROLLBACK_IN_PROGRESS') {
    // ECS is rolling back already (a hook, an alarm, the breaker): its rollback, to follow; no stop of ours.
    return { kind: 'started', follow: () => followStagedRollback(session, arn, previousArn, 'ecs') };
  }
  const current = session.lastService?.currentServiceDeployment;
  if (current && current !== arn) return decided(superseded(session, current));
  return requestStagedRollback(session, arn, previousArn, budget);
}

/** ECS ended the service deployment itself: its rollback, another run's replacement, or a stop. */
function endedByEcs(
  session: DeploySession,
  deployment: ServiceDeployment,
  arn: string,
  previousArn: string | undefined,
): RollbackResult {
  const previous = previousArn ?? '?';
  const status = deployment.status;
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
  if (current && current !== arn) return superseded(session, current);
  return {
    note: 'ECS stopped the service deployment without rolling it back; StopServiceDeployment cannot roll back a stopped service deployment, so this step did not either.',
  };
}

function superseded(session: DeploySession, current: string): RollbackResult {
  const by = session.lastService?.deployments?.find((d) => d.status === 'PRIMARY');
  return {
    note: `This step did not roll back: service deployment ${current} replaced ours, and rolling back would undo it.`,
    ...(by ? { supersededBy: by } : {}),
  };
}

/** StopServiceDeployment (ROLLBACK) within the decision's budget; ECS's rollback it starts, to follow. */
async function requestStagedRollback(
  session: DeploySession,
  arn: string,
  previousArn: string | undefined,
  budget: Budget,
): Promise<RollbackStart> {
  const previous = previousArn ?? '?';
  session.log.info(`Rolling back service deployment ${arn} (StopServiceDeployment, stopType ROLLBACK)`);
  const answer = await stopWithRollback(session, arn, budget);
  if (answer.kind === 'refused') {
    const detail = `The rollback (StopServiceDeployment) failed: ${errorMessage(answer.error)}`;
    return decided({ note: detail, report: { by: 'action', taskDefinitionArn: previous, steady: false, detail } });
  }
  if (answer.kind === 'unanswered') {
    const detail = `The rollback (StopServiceDeployment) got no answer in ${answer.attempts} tries, and service deployment ${arn} shows no rollback (${describeServiceDeploymentState(answer.now)}): ${errorMessage(answer.error)}`;
    return decided({ note: detail, report: { by: 'action', taskDefinitionArn: previous, steady: false, detail } });
  }
  if (answer.kind === 'ended') {
    // It ended between our last read and the stop: say how.
    return decided({
      note: `No rollback: service deployment ${arn} had already ended (${describeServiceDeploymentState(answer.now)}).`,
    });
  }
  session.log.info(`ECS is rolling back; waiting up to ${formatDuration(session.inputs.timeoutMs)}`);
  return { kind: 'started', follow: () => followStagedRollback(session, arn, previousArn, 'action') };
}

/** ECS's rollback of the service deployment, followed to its end: asked for by this step, or started by ECS. */
async function followStagedRollback(
  session: DeploySession,
  arn: string,
  previousArn: string | undefined,
  by: 'ecs' | 'action',
): Promise<RollbackResult> {
  const { timeoutMs } = session.inputs;
  const previous = previousArn ?? '?';
  const how = by === 'action' ? 'through ECS (StopServiceDeployment ROLLBACK)' : "ECS's own rollback";
  const method = by === 'action' ? { method: 'service-revision' as const } : {};
  let followed: Awaited<ReturnType<typeof followStaged>>;
  try {
    followed = await followStaged(session, arn, timeoutMs, 'rollback');
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    // The rollback is under way: a read that failed while following it says nothing of how it ends.
    const detail = `The rollback ${how} of service deployment ${arn} is under way and ECS carries on with it, but this step could not follow it to its end: ${errorMessage(error)}`;
    return { note: detail, report: { by, ...method, taskDefinitionArn: previous, steady: false, detail } };
  }
  const final = followed.deployment;
  const steady = final?.status === 'ROLLBACK_SUCCESSFUL';
  const detail = steady
    ? by === 'action'
      ? `Rolled back to ${shortTaskDefinition(previous)} ${how}: ${final?.status}.`
      : `ECS rolled back to ${shortTaskDefinition(previous)} (${final?.status}).`
    : `The rollback ${how} did not succeed: ${describeServiceDeploymentState(final)}${followed.kind === 'timed-out' ? ` after ${formatDuration(timeoutMs)}` : ''}${final?.statusReason ? ` (${final.statusReason})` : ''}.`;
  return { note: detail, report: { by, ...method, taskDefinitionArn: previous, steady, detail } };
}
