/**
 * A deploy to a CODE_DEPLOY service, in order: the deployment group and the checks that need no write (timeout vs.
 * the termination wait, the AppSpec's container and port), register the task definition as for a rolling update,
 * CreateDeployment with the AppSpec, follow it and its lifecycle events to the end; on failure or timeout, explain
 * (CodeDeploy's error information, the replacement's stopped tasks) and roll back through CodeDeploy.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { CancelledWriteError, isAbort, isUnanswered, withWhatWasDone } from '../aws-errors.js';
import { landedRegistration, registerTaskDefinition, resolveTaskDefinition } from '../register.js';
import { type CallLimits, CHECK_TIMEOUT_MS, consoleUrl, type DeploySession } from '../session.js';
import { shortTaskDefinition } from '../taskdef.js';
import type { DeployResult, DeployStatus, Known, StoppedTask } from '../types.js';
import { codedeployClients } from './calls.js';
import { checkBeforeChange, createDeployment, readDeploymentGroup } from './create.js';
import { describeCodeDeployOutcome, reportCodeDeployFailure } from './explain.js';
import { type CodeDeployOutcome, followDeployment } from './follow.js';
import { rollBackCodeDeploy } from './rollback.js';

export async function deployWithCodeDeploy(
  session: DeploySession,
  before: Service,
  beforeWait: () => CallLimits,
): Promise<DeployResult> {
  const { inputs, deps, log } = session;
  const previousArn = before.taskDefinition;
  const clients = await codedeployClients(session);
  const { application, deploymentGroup } = inputs.codedeploy;

  // 1. The deployment group, and every check that needs no write.
  const group = await readDeploymentGroup(session, clients, beforeWait());
  const traffic = checkBeforeChange(session, before, group);
  const config = inputs.codedeploy.deploymentConfig ?? group.deploymentConfigName ?? 'the group default';
  log.info(
    `CodeDeploy application ${application}, deployment group ${deploymentGroup} (${config}; original task set terminated ${formatDuration(group.terminationWaitMs)} after traffic moves; automatic rollback on failure ${group.rollsBackOnFailure ? 'on' : 'off'}); traffic to container ${traffic.containerName} port ${traffic.containerPort}` +
      (inputs.codedeploy.appSpec ? ` (AppSpec ${inputs.codedeploy.appSpec.shown})` : ' (generated AppSpec)'),
  );
  const resolved = await resolveTaskDefinition(session, before, beforeWait());
  const known: Known = {
    cluster: inputs.cluster,
    service: inputs.service,
    consoleUrl: consoleUrl(deps.region, inputs.cluster, inputs.service),
    stoppedTasks: [],
    previousTaskDefinitionArn: previousArn,
    images: resolved.images,
  };
  const result = (k: Known, status: DeployStatus | undefined, message: string, finalState: string): DeployResult => ({
    ...k,
    status,
    cancelled: status === undefined,
    message,
    durationMs: deps.clock.now() - session.started,
    finalState,
  });
  if (resolved.unchanged && !inputs.forceNewDeployment) {
    const message = `${shortTaskDefinition(previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
    log.info(message);
    return result({ ...known, taskDefinitionArn: previousArn }, 'unchanged', message, 'unchanged');
  }

  // 2. Register, as for a rolling update.
  let deployArn = resolved.deployArn;
  const source = inputs.taskDefinition;
  if (!deployArn && source.kind === 'file') {
    try {
      deployArn = await registerTaskDefinition(session, source, beforeWait);
    } catch (error) {
      if (!isUnanswered(error)) throw error;
      const landed = await landedRegistration(session, source.rendered);
      return unanswered(session, error, 'registering', `${landed.text}; no CodeDeploy deployment was created`, {
        ...known,
        ...(landed.arn ? { taskDefinitionArn: landed.arn } : {}),
      });
    }
  }
  if (!deployArn) throw new Error('internal: no task definition to deploy');
  const registered = resolved.deployArn === undefined ? `Registered ${shortTaskDefinition(deployArn)}; ` : '';
  const withArn: Known = { ...known, taskDefinitionArn: deployArn };

  // 3. CreateDeployment.
  let deploymentId: string;
  try {
    deploymentId = await createDeployment(session, clients, deployArn, traffic, beforeWait());
  } catch (error) {
    if (isUnanswered(error)) {
      return unanswered(
        session,
        error,
        'creating the CodeDeploy deployment',
        `${registered}whether CodeDeploy created the deployment is unknown: look at deployment group ${deploymentGroup} in the CodeDeploy console`,
        withArn,
      );
    }
    throw withWhatWasDone(
      error,
      `${registered}no CodeDeploy deployment was created; the service still runs ${previousArn ? shortTaskDefinition(previousArn) : 'its task set'}.`,
    );
  }
  const ours: Known = { ...withArn, deploymentId, codedeployDeploymentId: deploymentId };
  log.info(`Created CodeDeploy deployment ${deploymentId} of ${shortTaskDefinition(deployArn)}`);
  if (!inputs.wait) {
    const message = `CodeDeploy deployment ${deploymentId} of ${shortTaskDefinition(deployArn)} started; not waiting for it (wait: false).`;
    log.info(message);
    return result(ours, 'succeeded', message, 'Created');
  }

  // 4. Follow it.
  log.info(
    `Waiting up to ${formatDuration(inputs.timeoutMs)} for CodeDeploy deployment ${deploymentId}, polling every ${formatDuration(inputs.pollIntervalMs)}`,
  );
  let outcome: CodeDeployOutcome;
  try {
    outcome = await followDeployment(session, clients, deploymentId, inputs.timeoutMs, 'ours');
  } catch (error) {
    return interrupted(session, error, ours, deploymentId);
  }
  if (outcome.kind === 'succeeded') {
    const message = `CodeDeploy deployment ${deploymentId} of ${shortTaskDefinition(deployArn)} succeeded: production traffic is on the new task set and the original one was terminated.`;
    log.info(message);
    return result(ours, 'succeeded', message, 'Succeeded');
  }

  // 5. It did not succeed: why, then roll back through CodeDeploy.
  const cause = describeCodeDeployOutcome(deploymentId, outcome, inputs.timeoutMs);
  log.warning(cause);
  const wrapUp: CallLimits = { deadline: Date.now() + Math.max(inputs.pollIntervalMs, CHECK_TIMEOUT_MS) };
  let stoppedTasks: StoppedTask[] = [];
  try {
    stoppedTasks = await reportCodeDeployFailure(session, outcome, deployArn, wrapUp);
    const rollback = await rollBackCodeDeploy(session, clients, deploymentId, outcome, group, previousArn, {
      withinMs: CHECK_TIMEOUT_MS + inputs.pollIntervalMs,
    });
    log.info(rollback.note);
    const status: DeployStatus = rollback.report?.steady
      ? 'rolled-back'
      : outcome.kind === 'timed-out'
        ? 'timed-out'
        : 'failed';
    return result(
      { ...ours, stoppedTasks, ...(rollback.report ? { rollback: rollback.report } : {}) },
      status,
      `${cause} ${rollback.note}`,
      finalState(outcome),
    );
  } catch (error) {
    return interrupted(session, error, { ...ours, stoppedTasks }, deploymentId, cause);
  }
}

function finalState(outcome: CodeDeployOutcome): string {
  const info = outcome.state?.info;
  const error = info?.errorInformation;
  return `${info?.status ?? 'unknown'}${error ? ` (${error.code ?? ''})` : ''}`;
}

/** A write got no answer: cancelled, or AWS did not answer in time; `landed` says what is known. */
function unanswered(session: DeploySession, error: unknown, doing: string, landed: string, known: Known): DeployResult {
  const durationMs = session.deps.clock.now() - session.started;
  if (session.cancelled || isAbort(error)) {
    const { message } = new CancelledWriteError(doing, landed);
    session.log.warning(message);
    return { ...known, status: undefined, cancelled: true, message, durationMs, finalState: 'unknown' };
  }
  const detail = errorMessage(error);
  const message = `${detail} (while ${doing}); ${landed}.`;
  return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState: 'unknown', error: detail };
}

/** Cancelled, or an API error, while waiting: CodeDeploy carries on with the deployment. */
function interrupted(
  session: DeploySession,
  error: unknown,
  known: Known,
  deploymentId: string,
  cause?: string,
): DeployResult {
  const durationMs = session.deps.clock.now() - session.started;
  const prefix = cause ? `${cause} ` : '';
  if (session.cancelled || isAbort(error)) {
    const message = `${prefix}Cancelled while waiting: CodeDeploy deployment ${deploymentId} carries on without this step; follow it in the CodeDeploy console.`;
    session.log.warning(message);
    return { ...known, status: undefined, cancelled: true, message, durationMs, finalState: 'unknown' };
  }
  const detail = errorMessage(error);
  const message = `${prefix}Stopped waiting because of an AWS API error: ${detail} CodeDeploy deployment ${deploymentId} may still be in progress.`;
  return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState: 'unknown', error: detail };
}
