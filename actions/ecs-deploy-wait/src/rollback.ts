/**
 * After our deployment did not complete: follow ECS's circuit-breaker rollback, or put the recorded previous task
 * definition back, but only while a fresh read shows our deployment is still the service's current (PRIMARY) one. A deployment that
 * replaced ours (another run's, or someone's by hand) is newer than the version we would return to: rolling back
 * would undo it.
 */
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration, sentence } from '@ecs-actions/core';
import { CancelledWriteError, isAbort } from './aws-errors.js';
import { describeFollowed, evaluate, follow, replacementName } from './follow/rolling.js';
import type { DeployInputs } from './inputs.js';
import type { UpdateAsked } from './landed-update.js';
import { followOurRollback } from './rollback-follow.js';
import { rollBackRevision } from './rollback-revision.js';
import type { DeploySession } from './session.js';
import { shortTaskDefinition } from './taskdef.js';
import type { DeployStatus, Outcome, RollbackReport, Target } from './types.js';
import { landedUpdate, type Updated, updateService } from './update.js';
import { type Budget, decided, freshRead, type RollbackStart } from './wrap-up.js';

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

/**
 * ECS rolled back: its rollback, to follow. Otherwise, after a fresh look that ours is still the current deployment
 * (never the wait's last answer, which may be old or missing), deploy the recorded previous task definition.
 */
export async function startRollback(
  session: DeploySession,
  outcome: Exclude<Outcome, { kind: 'completed' }>,
  target: Target,
  previousArn: string | undefined,
  budget: Budget,
): Promise<RollbackStart> {
  const { inputs } = session;
  if (outcome.kind === 'replaced') {
    if (!outcome.ecsRollback || !outcome.by?.id) {
      return decided({
        note: `This step did not roll back: ${outcome.by ? replacementName(outcome.by) : 'another deployment'} replaced deployment ${target.id}, and rolling back would undo it.`,
        ...(outcome.by ? { supersededBy: outcome.by } : {}),
      });
    }
    const by = outcome.by;
    return { kind: 'started', follow: () => followEcsRollback(session, by) };
  }
  if (!inputs.rollback) return decided({ note: noRollbackNote(inputs) });
  if (!previousArn) return decided({ note: 'No rollback: the service had no task definition before this step.' });
  if (previousArn === target.taskDefinitionArn) {
    return decided({
      note: `No rollback: the service already ran ${shortTaskDefinition(previousArn)} before this step, so there is nothing older to return to.`,
    });
  }

  // Another run may have deployed since our last poll (or the wait's last read did not answer): look again, now,
  // right before putting the old version back.
  const now = await lookAgain(session, target, previousArn, budget);
  if (!('service' in now)) return now;
  // By service revision first (its settings come back too); by task definition where ECS refuses that.
  const serviceDeploymentArn = target.serviceDeploymentArn ?? now.service.currentServiceDeployment;
  if (!serviceDeploymentArn) {
    return requestRollback(session, target, previousArn, 'The service shows no service deployment to stop.');
  }
  const byRevision = await rollBackRevision(session, target, serviceDeploymentArn, previousArn, budget);
  if (byRevision.kind !== 'refused') return byRevision;
  session.log.warning(`StopServiceDeployment did not roll back: ${byRevision.why}`);
  // A stop refused because another deployment replaced ours (ECS stopped ours) must not undo that one: look again.
  const after = await lookAgain(session, target, previousArn, budget);
  if (!('service' in after)) return after;
  return requestRollback(session, target, previousArn, `StopServiceDeployment did not roll back: ${byRevision.why}`);
}

/**
 * A fresh read of the service: ours still its current deployment (the service), or what to do instead (another
 * deployment replaced ours, ours completed after all, or the read failed and a blind rollback could undo a newer one).
 */
async function lookAgain(
  session: DeploySession,
  target: Target,
  previousArn: string,
  budget: Budget,
): Promise<{ service: Service } | RollbackStart> {
  let now: Service;
  try {
    now = await freshRead(session, budget, (limits) => session.describeService(limits));
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    return decided({
      note: `No rollback: this step could not confirm that deployment ${target.id} is still the service's current one (${errorMessage(error)}), and rolling back blindly could undo a newer deployment.`,
    });
  }
  session.lastService = now;
  const fresh = evaluate(session, now, target);
  if (fresh?.kind === 'replaced') return startRollback(session, fresh, target, previousArn, budget);
  if (fresh?.kind === 'completed') {
    return decided({ note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` });
  }
  return { service: now };
}

/**
 * UpdateService back to the previous task definition (the fallback: `why` the service revision could not be
 * restored); the rollback deployment it starts, to follow.
 */
async function requestRollback(
  session: DeploySession,
  target: Target,
  previousArn: string,
  why: string,
): Promise<RollbackStart> {
  const { inputs } = session;
  const preface = `${sentence(why)} Rolling back by task definition instead (UpdateService): the service settings this deployment changed stay as they are.`;
  const failed = (error: unknown): RollbackResult => {
    const detail = `${preface} The rollback to ${previousArn} also failed: ${errorMessage(error)}`;
    const report = { by: 'action' as const, method: 'task-definition' as const, steady: false, detail };
    return { note: detail, report: { ...report, taskDefinitionArn: previousArn } };
  };
  session.log.info(`Rolling back service ${inputs.service} to ${previousArn}`);
  const rollbackStarted = session.deps.clock.now();
  let updated: Updated;
  let primary: Deployment | undefined;
  // The rollback's deployment is never older than the one it rolls back (the revision's earlier ones are).
  const createdAfter = session.lastService?.deployments?.find((d) => d.id === target.id)?.createdAt;
  const asked: UpdateAsked = {
    taskDefinitionArn: previousArn,
    previousDeploymentId: target.id,
    previousServiceDeploymentArn: target.serviceDeploymentArn,
    ...(createdAfter ? { createdAfter } : {}),
  };
  try {
    // Once, like the update it undoes: a reset after ECS applied it must not start a second rollback deployment.
    updated = await updateService(session, asked, () => ({}), {
      cluster: inputs.cluster,
      service: inputs.service,
      taskDefinition: previousArn,
    }).catch(async (error: unknown) => {
      if (!isAbort(error) && !session.cancelled) throw error;
      const landed = await landedUpdate(session, asked, rollbackStarted);
      throw new CancelledWriteError(`rolling back to ${shortTaskDefinition(previousArn)}`, landed.text);
    });
    primary = updated.ours;
    if (!primary?.id) throw new Error('UpdateService answered without a PRIMARY deployment');
  } catch (error) {
    if (isAbort(error) || session.cancelled || error instanceof CancelledWriteError) throw error;
    return decided(failed(error));
  }
  const id = primary.id;
  session.log.info(`Rollback deployment ${id} started; waiting up to ${formatDuration(inputs.timeoutMs)}`);
  const rollback = { id, taskDefinitionArn: previousArn, method: 'task-definition' as const, preface };
  return { kind: 'started', follow: () => followOurRollback(session, rollback, updated.service) };
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

/** Why this step did not roll back: rollback false, or the caller puts the service back itself. */
export function noRollbackNote(inputs: DeployInputs): string {
  return inputs.rollbackByCaller
    ? `This step does not roll the service back alone: ${inputs.rollbackByCaller}.`
    : 'No rollback was done (rollback: false).';
}
