/**
 * After our deployment did not complete: follow ECS's circuit-breaker rollback, or put the recorded previous task
 * definition back, but only while our deployment is still the service's current (PRIMARY) one. A deployment that
 * replaced ours (another run's, or someone's by hand) is newer than the version we would return to: rolling back
 * would undo it.
 */
import { type Deployment, type Service, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { CancelledWriteError, isAbort } from './aws-errors.js';
import { describeFollowed, evaluate, follow, replacementName } from './follow/rolling.js';
import type { CallLimits, DeploySession } from './session.js';
import { shortTaskDefinition } from './taskdef.js';
import type { DeployStatus, Outcome, RollbackReport, Target } from './types.js';
import { landedUpdate } from './update.js';

export interface RollbackResult {
  note: string;
  report?: RollbackReport;
  /** The deployment someone else started that replaced ours: no rollback, status superseded. */
  supersededBy?: Deployment;
}

/** The step's status after a deployment that did not succeed, from what the rollback did. */
export function statusAfterFailure(rolledBack: RollbackResult, timedOut: boolean): DeployStatus {
  if (rolledBack.supersededBy) return 'superseded';
  if (rolledBack.report?.steady) return 'rolled-back';
  return timedOut ? 'timed-out' : 'failed';
}

/** ECS rolled back: follow its rollback. Otherwise deploy the recorded previous task definition and wait for it. */
export async function rollBack(
  session: DeploySession,
  outcome: Exclude<Outcome, { kind: 'completed' }>,
  target: Target,
  previousArn: string | undefined,
  check: CallLimits,
): Promise<RollbackResult> {
  const { inputs } = session;
  if (outcome.kind === 'replaced') {
    if (!outcome.ecsRollback || !outcome.by?.id) {
      return {
        note: `This step did not roll back: ${outcome.by ? replacementName(outcome.by) : 'another deployment'} replaced deployment ${target.id}, and rolling back would undo it.`,
        ...(outcome.by ? { supersededBy: outcome.by } : {}),
      };
    }
    return followEcsRollback(session, outcome.by);
  }
  if (!inputs.rollback) return { note: 'No rollback was done (rollback: false).' };
  if (!previousArn) return { note: 'No rollback: the service had no task definition before this step.' };
  if (previousArn === target.taskDefinitionArn) {
    return {
      note: `No rollback: the service already ran ${shortTaskDefinition(previousArn)} before this step, so there is nothing older to return to.`,
    };
  }

  if (outcome.kind === 'timed-out' && outcome.stalled) {
    return {
      note: `No rollback: DescribeServices stopped answering, so this step cannot confirm that deployment ${target.id} is still the service's current one, and rolling back blindly could undo a newer deployment.`,
    };
  }
  // Another run may have deployed since our last poll: look again right before putting the old version back.
  let now: Service;
  try {
    now = await session.describeService(check);
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    return {
      note: `No rollback: this step could not confirm that deployment ${target.id} is still the service's current one (${errorMessage(error)}), and rolling back blindly could undo a newer deployment.`,
    };
  }
  session.lastService = now;
  const fresh = evaluate(session, now, target);
  if (fresh?.kind === 'replaced') return rollBack(session, fresh, target, previousArn, check);
  if (fresh?.kind === 'completed') {
    return { note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` };
  }

  session.log.info(`Rolling back service ${inputs.service} to ${previousArn}`);
  const rollbackStarted = session.deps.clock.now();
  try {
    const updated = await session
      .call('UpdateService', (o) =>
        session.deps.ecs.send(
          new UpdateServiceCommand({ cluster: inputs.cluster, service: inputs.service, taskDefinition: previousArn }),
          o,
        ),
      )
      .catch(async (error: unknown) => {
        if (!isAbort(error) && !session.cancelled) throw error;
        const asked = {
          taskDefinitionArn: previousArn,
          previousDeploymentId: target.id,
          previousServiceDeploymentArn: target.serviceDeploymentArn,
        };
        const landed = await landedUpdate(session, asked, rollbackStarted);
        throw new CancelledWriteError(`rolling back to ${shortTaskDefinition(previousArn)}`, landed.text);
      });
    const primary = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
    if (!primary?.id) throw new Error('UpdateService answered without a PRIMARY deployment');
    session.log.info(`Rollback deployment ${primary.id} started; waiting up to ${formatDuration(inputs.timeoutMs)}`);
    const followed = await follow(
      session,
      { id: primary.id, taskDefinitionArn: previousArn, label: 'rollback' },
      inputs.timeoutMs,
      updated.service,
    );
    const steady = followed.kind === 'completed';
    const detail = steady
      ? `Rolled back to ${previousArn} (deployment ${primary.id}) and it is steady.`
      : `The rollback to ${previousArn} (deployment ${primary.id}) also failed: ${describeFollowed(session, followed)}.`;
    return {
      note: detail,
      report: { by: 'action', taskDefinitionArn: previousArn, deploymentId: primary.id, steady, detail },
    };
  } catch (error) {
    if (isAbort(error) || session.cancelled || error instanceof CancelledWriteError) throw error;
    const detail = `The rollback to ${previousArn} also failed: ${errorMessage(error)}`;
    return { note: detail, report: { by: 'action', taskDefinitionArn: previousArn, steady: false, detail } };
  }
}

async function followEcsRollback(session: DeploySession, by: Deployment): Promise<RollbackResult> {
  const id = by.id ?? '?';
  const arn = by.taskDefinition ?? '?';
  const followed = await follow(
    session,
    { id, taskDefinitionArn: arn, label: 'ECS rollback' },
    session.inputs.timeoutMs,
    session.lastService,
  );
  const steady = followed.kind === 'completed';
  const detail = steady
    ? `ECS rolled back to ${arn} (deployment ${id}) and it is steady.`
    : `ECS rolled back to ${arn} (deployment ${id}), but that rollback did not reach steady state either: ${describeFollowed(session, followed)}.`;
  return { note: detail, report: { by: 'ecs', taskDefinitionArn: arn, deploymentId: id, steady, detail } };
}
