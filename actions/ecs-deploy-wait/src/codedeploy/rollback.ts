/**
 * Rollback through CodeDeploy, never by a redeploy of our own: a failed deployment is rolled back by CodeDeploy
 * itself when the deployment group has automatic rollback on failure (rollbackInfo.rollbackDeploymentId), and one
 * that outlasted our timeout is stopped with StopDeployment(autoRollbackEnabled) when the `rollback` input allows it.
 * Either way the rollback deployment is followed to its end, and the note says what happened.
 */
import { GetDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { errorMessage } from '@ecs-actions/core';
import { isAbort } from '../aws-errors.js';
import type { RollbackResult } from '../rollback.js';
import type { CallLimits, DeploySession } from '../session.js';
import { shortTaskDefinition } from '../taskdef.js';
import type { RollbackReport } from '../types.js';
import { decided, type RollbackStart } from '../wrap-up.js';
import { type CodeDeployClients, codedeployCall } from './calls.js';
import type { GroupSettings } from './create.js';
import { type CodeDeployOutcome, followDeployment } from './follow.js';
import { stopWithRollback } from './stop.js';

/** How many polls to wait for CodeDeploy to name the rollback deployment it starts. */
const ROLLBACK_ID_POLLS = 6;

/**
 * The rollback decision, within `limits`: stop a timed-out deployment with rollback, or find the rollback deployment
 * CodeDeploy started; then the rollback deployment, to follow to its end (after the failure report).
 */
export async function startCodeDeployRollback(
  session: DeploySession,
  clients: CodeDeployClients,
  deploymentId: string,
  outcome: CodeDeployOutcome,
  group: GroupSettings,
  previousArn: string | undefined,
  limits: CallLimits,
): Promise<RollbackStart> {
  const { inputs, log } = session;
  const previous = previousArn ? shortTaskDefinition(previousArn) : 'the original task set';
  let rollbackId = outcome.state?.info.rollbackInfo?.rollbackDeploymentId;
  if (outcome.kind === 'timed-out') {
    if (!inputs.rollback) {
      return decided({
        note: `Not rolled back (rollback: false): CodeDeploy carries on with deployment ${deploymentId}; follow it in the CodeDeploy console.`,
      });
    }
    log.info(`Stopping CodeDeploy deployment ${deploymentId} with rollback (StopDeployment autoRollbackEnabled).`);
    try {
      await stopWithRollback(session, clients, deploymentId);
    } catch (error) {
      return decided({ note: `Could not stop deployment ${deploymentId} to roll it back: ${errorMessage(error)}` });
    }
    rollbackId = undefined;
  } else if (!rollbackId && !group.rollsBackOnFailure) {
    return decided({
      note: `CodeDeploy did not roll back: the deployment group's automatic rollback on failure (DEPLOYMENT_FAILURE) is off, so production traffic stays where the failure left it (on ${previous} unless AllowTraffic had run). Turn on automatic rollback in the deployment group to have CodeDeploy restore ${previous}.`,
    });
  }
  for (let poll = 0; !rollbackId && poll < ROLLBACK_ID_POLLS; poll++) {
    if (poll > 0) await session.deps.sleep(inputs.pollIntervalMs, session.deps.signal);
    const { deploymentInfo } = await codedeployCall(
      session,
      'GetDeployment',
      (o) => clients.client.send(new GetDeploymentCommand({ deploymentId }), o),
      limits,
    );
    rollbackId = deploymentInfo?.rollbackInfo?.rollbackDeploymentId;
  }
  if (!rollbackId) {
    return decided({
      note: `CodeDeploy started no rollback deployment for ${deploymentId} (nothing to roll back before the replacement task set exists); ${previous} still serves production traffic.`,
    });
  }
  log.info(`CodeDeploy rolls back with deployment ${rollbackId}; following it.`);
  const rollback = rollbackId;
  return { kind: 'started', follow: () => followCodeDeployRollback(session, clients, rollback, previousArn) };
}

/** CodeDeploy's rollback deployment, followed to its end. */
async function followCodeDeployRollback(
  session: DeploySession,
  clients: CodeDeployClients,
  rollbackId: string,
  previousArn: string | undefined,
): Promise<RollbackResult> {
  const previous = previousArn ? shortTaskDefinition(previousArn) : 'the original task set';
  let followed: Awaited<ReturnType<typeof followDeployment>>;
  try {
    followed = await followDeployment(session, clients, rollbackId, session.inputs.timeoutMs, 'rollback');
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    // The rollback deployment exists: a read that failed while following it says nothing of how it ends.
    const detail = `CodeDeploy's rollback deployment ${rollbackId} to ${previous} is under way and CodeDeploy carries on with it, but this step could not follow it to its end: ${errorMessage(error)}`;
    return {
      note: detail,
      report: {
        by: 'codedeploy',
        taskDefinitionArn: previousArn ?? '',
        deploymentId: rollbackId,
        steady: false,
        detail,
      },
    };
  }
  const steady = followed.kind === 'succeeded';
  const report: RollbackReport = {
    by: 'codedeploy',
    taskDefinitionArn: previousArn ?? '',
    deploymentId: rollbackId,
    steady,
    detail: followed.kind,
  };
  const note = steady
    ? `CodeDeploy rolled back with deployment ${rollbackId}: production traffic is on ${previous} again and the replacement task set was removed.`
    : `CodeDeploy's rollback deployment ${rollbackId} ${followed.kind === 'timed-out' ? 'did not end in time' : `ended ${followed.kind}`}; check the service in the console.`;
  return { note, report };
}
