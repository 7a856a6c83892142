/**
 * ecs-deploy-continue's logic: CONTINUE or ROLLBACK a deployment paused at a PAUSE lifecycle hook
 * (ContinueServiceDeployment), then follow it to its next pause or its end with ecs-deploy-wait's followers, report
 * and rollback rules (deploy-staged.ts, deploy-rolling.ts): the same result, outputs and summary.
 */
import { ContinueServiceDeploymentCommand } from '@aws-sdk/client-ecs';
import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { AwsCallError } from '@ecs-actions/core/ecs';
import { isAbort } from '../aws-errors.js';
import { followRolling, type RollingEnd, WrapUpInterrupted } from '../deploy-rolling.js';
import { deployStaged } from '../deploy-staged.js';
import { stagedStrategyOf } from '../follow/staged.js';
import type { DeployInputs } from '../inputs.js';
import { describePause, isInvalidParameter, type OnPauseMode } from '../pause/watch-pauses.js';
import { consoleUrl, DeploySession, describeDeployment } from '../session.js';
import { shortTaskDefinition } from '../taskdef.js';
import { PHASES } from '../timeline/record.js';
import type { DeployDeps, DeployResult, Known, Target } from '../types.js';
import { reportExpired } from './expired-pause.js';
import { findPaused } from './find-paused.js';

export interface ContinueInputs {
  /** The service whose paused deployment to act on (unless serviceDeploymentArn names it). */
  cluster: string;
  service: string;
  serviceDeploymentArn?: string;
  /** The PAUSE hook to act on; empty: the one AWAITING_ACTION. */
  hookId?: string;
  action: 'continue' | 'rollback';
  /** A later pause of the same deployment: end the step there, wait for someone, or continue it too. */
  onPause: OnPauseMode;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  /** When the deployment fails after being continued: roll it back (ecs-deploy-wait's rule). */
  rollback: boolean;
}

export async function continueDeployment(inputs: ContinueInputs, deps: DeployDeps): Promise<DeployResult> {
  try {
    return await continueAndFollow(inputs, deps);
  } catch (error) {
    if (isAbort(error) || deps.signal?.aborted) {
      throw new ConfigurationError(
        'Cancelled before anything was changed: no deployment was continued or rolled back.',
      );
    }
    throw error;
  }
}

async function continueAndFollow(inputs: ContinueInputs, deps: DeployDeps): Promise<DeployResult> {
  const lookup = new DeploySession(deployInputsOf(inputs, inputs.cluster, inputs.service), deps);
  const paused = await findPaused(lookup, {
    ...(inputs.serviceDeploymentArn ? { arn: inputs.serviceDeploymentArn } : {}),
    ...(inputs.hookId ? { hookId: inputs.hookId } : {}),
  });
  const session = new DeploySession(deployInputsOf(inputs, paused.cluster, paused.service), deps);
  const { log } = session;
  if ('expired' in paused) {
    const arn = paused.deployment.serviceDeploymentArn ?? '';
    const known = {
      cluster: paused.cluster,
      service: paused.service,
      consoleUrl: consoleUrl(deps.region, paused.cluster, paused.service),
      stoppedTasks: [],
      images: [],
      deploymentId: arn.slice(arn.lastIndexOf('/') + 1),
      serviceDeploymentArn: arn,
    };
    return reportExpired(session, paused.deployment, paused.expired, known);
  }
  const before = await session.describeService();
  session.lastService = before;
  for (const event of before.events ?? []) if (event.id) session.seenEvents.add(event.id);
  const arn = paused.pause.serviceDeploymentArn;
  const primary = before.deployments?.find((d) => d.status === 'PRIMARY');
  const previousArn = before.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition;
  const target: Target = {
    id: primary?.id ?? arn.slice(arn.lastIndexOf('/') + 1),
    taskDefinitionArn: primary?.taskDefinition ?? '',
    label: 'ours',
    serviceDeploymentArn: arn,
  };
  const action = inputs.action === 'rollback' ? 'ROLLBACK' : 'CONTINUE';
  log.info(
    `Service deployment ${arn} of service ${paused.service} (${shortTaskDefinition(target.taskDefinitionArn)}) is ${describePause(paused.pause)}: ${action === 'ROLLBACK' ? 'rolling it back' : 'continuing it'} (ContinueServiceDeployment ${action}).`,
  );
  session.timeline.phase(PHASES.continue);
  await requestContinue(session, arn, paused.pause.hookId, action);
  session.timeline.phase(PHASES.rollout);

  const known: Known = {
    cluster: paused.cluster,
    service: paused.service,
    consoleUrl: consoleUrl(deps.region, paused.cluster, paused.service),
    stoppedTasks: [],
    images: [],
    taskDefinitionArn: target.taskDefinitionArn,
    ...(previousArn ? { previousTaskDefinitionArn: previousArn } : {}),
    deploymentId: target.id,
    serviceDeploymentArn: arn,
  };
  const result = (status: DeployResult['status'], message: string, finalState: string, extra: Partial<Known> = {}) => {
    const durationMs = deps.clock.now() - session.started;
    // The same rollout timeline as ecs-deploy-wait's summary, from the continue on.
    const timeline = session.timeline.snapshot(session.started + durationMs, session.newEvents);
    return { ...known, ...extra, status, cancelled: false, message, durationMs, finalState, timeline };
  };
  if (!inputs.wait) {
    const message = `ECS accepted ${action} for service deployment ${arn}; not waiting for it (wait: false).`;
    log.info(message);
    return result('succeeded', message, describeDeployment(primary));
  }
  const staged = stagedStrategyOf(before);
  let end: RollingEnd;
  try {
    end = staged
      ? await deployStaged(session, staged, { ...target, strategy: staged }, previousArn)
      : await followRolling(session, target, previousArn);
  } catch (error) {
    return interrupted(session, error, known, arn);
  }
  const extra = {
    stoppedTasks: end.stoppedTasks,
    ...(end.rollback ? { rollback: end.rollback } : {}),
    ...(end.pause ? { pause: end.pause } : {}),
  };
  return result(end.status, end.message, end.finalState, extra);
}

/** ContinueServiceDeployment; a refusal (the hook acted on meanwhile, say) changed nothing and says so. */
async function requestContinue(session: DeploySession, arn: string, hookId: string, action: 'CONTINUE' | 'ROLLBACK') {
  try {
    await session.call('ContinueServiceDeployment', (o) =>
      session.deps.ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId, action }), o),
    );
  } catch (error) {
    if (!isInvalidParameter(error)) throw error;
    const reason = error instanceof AwsCallError ? error.message.replace(/^.*?\): /, '') : errorMessage(error);
    throw new ConfigurationError(
      `ECS refused to ${action} service deployment ${arn} (hook ${hookId}): ${reason} Nothing was changed.`,
    );
  }
}

/** Cancelled or an API error while following: what is known; ECS carries on with the deployment. */
function interrupted(session: DeploySession, caught: unknown, known: Known, arn: string): DeployResult {
  const error = caught instanceof WrapUpInterrupted ? caught.error : caught;
  const cause = caught instanceof WrapUpInterrupted ? `${caught.causeText} ` : '';
  const durationMs = session.deps.clock.now() - session.started;
  const finalState = describeDeployment(session.lastService?.deployments?.find((d) => d.id === known.deploymentId));
  if (session.cancelled || isAbort(error)) {
    const message = `${cause}Cancelled while waiting: service deployment ${arn} was continued; ECS carries on with it. Follow it in the console: ${known.consoleUrl}`;
    session.log.warning(message);
    return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
  }
  const detail = errorMessage(error);
  const message = `${cause}Stopped waiting because of an AWS API error: ${detail} Service deployment ${arn} was continued; ECS carries on with it.`;
  return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
}

/** The session's inputs: a continue deploys nothing, so only the wait's and rollback's settings matter. */
function deployInputsOf(inputs: ContinueInputs, cluster: string, service: string): DeployInputs {
  return {
    taskDefinition: { kind: 'arn', arn: '' },
    cluster,
    service,
    desiredCount: undefined,
    forceNewDeployment: false,
    wait: inputs.wait,
    timeoutMs: inputs.timeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    rollback: inputs.rollback,
    skipUnchanged: false,
    preflight: 'off',
    verify: 'off',
    dryRun: false,
    keepTaskDefinitions: [],
    keepRevisionsGraceMs: 0,
    codedeploy: { application: '', deploymentGroup: '' },
    onPause: inputs.onPause,
  };
}
