/**
 * The rolling-update follower: follows one deployment (ours, or a rollback) by polling DescribeServices until it
 * completes, fails, is replaced, or the time is up; prints what changed on each poll.
 */
import type { Deployment, DeploymentCircuitBreaker, Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import { formatDuration } from '@ecs-actions/core';
import { describePause, hasPauseHooks } from '../pause/watch-pauses.js';
import { type DeploySession, describeDeployment, failureThreshold } from '../session.js';
import { shortTaskDefinition } from '../taskdef.js';
import type { Outcome, Target } from '../types.js';
import { describeServiceDeployment } from './staged.js';
import { watch } from './watch.js';

/** Polls to wait for ECS's rollback deployment to appear after our deployment went FAILED with rollback on. */
const ROLLBACK_APPEAR_POLLS = 3;
/** ECS's words for its circuit breaker's rollback: the rollback deployment's reason, and the service event. */
const BREAKER_ROLLBACK_REASON = /circuit breaker: rolling back/i;
const BREAKER_REASON = /circuit breaker/i;
const ROLLBACK_EVENT = /\brolling back to deployment\b/i;

/**
 * Polls DescribeServices until the target deployment completes, fails, is replaced, or time runs out.
 * `known`: the service as an answer just received showed it (UpdateService's, or the last DescribeServices):
 * the first check reads it instead of calling DescribeServices again at once.
 */
export async function follow(
  session: DeploySession,
  target: Target,
  timeoutMs: number,
  known?: Service,
): Promise<Outcome> {
  session.current = target;
  let failedPolls = 0;
  // A service with PAUSE hooks: each poll also reads our service deployment, to see a pause (and ECS's rollback).
  const arn = target.label === 'ours' && hasPauseHooks(known ?? session.lastService) ? target.serviceDeploymentArn : '';
  let serviceDeployment: ServiceDeployment | undefined;
  return watch<Service, Outcome>(session, {
    operation: 'ecs:DescribeServices',
    timeoutMs,
    ...(known ? { known } : {}),
    read: async (limits) => {
      if (!arn) return session.describeService(limits);
      const [service, deployment] = await Promise.all([
        session.describeService(limits),
        describeServiceDeployment(session, arn, limits),
      ]);
      serviceDeployment = deployment;
      return service;
    },
    judge: async (service) => {
      session.lastService = service;
      printProgress(session, service, target);
      if (serviceDeployment) {
        if (serviceDeployment.status?.startsWith('ROLLBACK_')) session.rolledBackByEcs.add(target.id);
        const pause = await session.pauses.judge(serviceDeployment);
        if (pause) return { kind: 'paused', pause, ...lastSeen(session, target) };
      }
      const outcome = evaluate(session, service, target);
      if (outcome?.kind === 'failed' && outcome.deployment?.rolloutState === 'FAILED') {
        // With the breaker's rollback on, ECS starts the rollback deployment right after marking ours FAILED.
        const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
        if (breaker?.enable && breaker.rollback && failedPolls++ < ROLLBACK_APPEAR_POLLS) return undefined;
      }
      return outcome;
    },
    timedOut: (stalled) => ({ kind: 'timed-out', ...(stalled ? { stalled } : {}), ...lastSeen(session, target) }),
  });
}

function lastSeen(session: DeploySession, target: Target): { deployment?: Deployment } {
  const deployment = session.lastService?.deployments?.find((d) => d.id === target.id);
  return deployment ? { deployment } : {};
}

export function evaluate(session: DeploySession, service: Service, target: Target): Outcome | undefined {
  const deployments = service.deployments ?? [];
  const ours = deployments.find((d) => d.id === target.id);
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  const breaker: DeploymentCircuitBreaker | undefined = service.deploymentConfiguration?.deploymentCircuitBreaker;
  if (ours?.id && ours.rolloutState === 'FAILED' && BREAKER_REASON.test(ours.rolloutStateReason ?? '')) {
    session.breakerFailed.add(ours.id);
  }
  if (ours && ours.status === 'PRIMARY') {
    if (ours.rolloutState === 'COMPLETED') {
      if (ours.taskDefinition === target.taskDefinitionArn) return { kind: 'completed', deployment: ours };
      return {
        kind: 'failed',
        reason: `deployment ${ours.id} completed but runs ${ours.taskDefinition}, not ${target.taskDefinitionArn}`,
        deployment: ours,
      };
    }
    if (ours.rolloutState === 'FAILED') {
      return {
        kind: 'failed',
        reason: `ECS marked deployment ${ours.id} FAILED: ${ours.rolloutStateReason ?? 'no reason given'}`,
        deployment: ours,
      };
    }
    if (
      ours.rolloutState === undefined &&
      deployments.length === 1 &&
      ours.runningCount === ours.desiredCount &&
      (ours.pendingCount ?? 0) === 0 &&
      ours.taskDefinition === target.taskDefinitionArn
    ) {
      return { kind: 'completed', deployment: ours };
    }
    if (!breaker?.enable) {
      const threshold = failureThreshold(ours.desiredCount ?? 0);
      if ((ours.failedTasks ?? 0) >= threshold) {
        return {
          kind: 'failed',
          reason: `${ours.failedTasks} tasks of deployment ${ours.id} failed (the threshold is ${threshold}; the service has no deployment circuit breaker, so ECS would keep trying)`,
          deployment: ours,
        };
      }
    }
    return undefined;
  }
  return {
    kind: 'replaced',
    ...(primary ? { by: primary } : {}),
    ecsRollback:
      session.rolledBackByEcs.has(target.id) ||
      Boolean(breaker?.enable && breaker.rollback && primary && isBreakerRollback(session, primary, target)),
    ...(ours ? { deployment: ours } : {}),
  };
}

/**
 * Whether the PRIMARY deployment that replaced ours is ECS's circuit-breaker rollback of it, not a deployment someone
 * else started (which replaces ours just the same, and may even run the same task definition). ECS says so itself:
 * the rollback deployment's rolloutStateReason "ECS deployment circuit breaker: rolling back to deploymentId …"
 * (until it completes), our deployment FAILED with a circuit-breaker reason (now or on an earlier poll), and the
 * event "rolling back to deployment …". A replacement has none of these.
 */
function isBreakerRollback(session: DeploySession, primary: Deployment, target: Target): boolean {
  if (BREAKER_ROLLBACK_REASON.test(primary.rolloutStateReason ?? '')) return true;
  if (session.breakerFailed.has(target.id)) return true;
  return session.newEvents.some((event) => ROLLBACK_EVENT.test(event.message ?? ''));
}

/** Prints each new service event once, oldest first (the rolling and the staged followers). */
export function printNewEvents(session: DeploySession, service: Service): void {
  for (const event of session.takeNewEvents(service)) {
    session.log.info(`[${session.elapsed()}] event ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
  }
}

/** Prints one line per deployment whose counts or state changed, and each new service event once. */
function printProgress(session: DeploySession, service: Service, target: Target): void {
  printNewEvents(session, service);
  for (const d of service.deployments ?? []) {
    const role = d.id === target.id ? ` (${target.label})` : '';
    const line = `deployment ${d.id} ${d.status}${role} ${shortTaskDefinition(d.taskDefinition ?? '?')}: ${describeDeployment(d)}`;
    if (session.lastLines.get(d.id ?? '') === line) continue;
    session.lastLines.set(d.id ?? '', line);
    session.log.info(`[${session.elapsed()}] ${line}`);
  }
}

/** One sentence: how the wait for the target ended, when it did not complete. */
export function describeOutcome(
  session: DeploySession,
  outcome: Exclude<Outcome, { kind: 'completed' }>,
  target: Target,
): string {
  const what = `Deployment ${target.id} of ${shortTaskDefinition(target.taskDefinitionArn)}`;
  switch (outcome.kind) {
    case 'paused':
      return `${what} is ${describePause(outcome.pause)}.`;
    case 'failed':
      return `${what} failed: ${outcome.reason}.`;
    case 'timed-out':
      return `${what} did not complete within ${formatDuration(session.inputs.timeoutMs)} (timeout)${outcome.stalled ? ` (${outcome.stalled})` : ''}: the last state seen was ${describeDeployment(outcome.deployment)}.`;
    case 'replaced': {
      const by = outcome.by ? replacementName(outcome.by) : 'another deployment';
      const reason = outcome.deployment?.rolloutStateReason ? ` (${outcome.deployment.rolloutStateReason})` : '';
      const rolledBackBy =
        BREAKER_REASON.test(reason) || !session.rolledBackByEcs.has(target.id)
          ? "ECS's deployment circuit breaker"
          : 'ECS';
      return outcome.ecsRollback
        ? `${what} failed and ${rolledBackBy} rolled it back${reason}: ${by} replaced it.`
        : `${what} was superseded by ${by}, which this step did not start (another run or someone else updated the service).`;
    }
  }
}

/** "deployment ecs-svc/… of web:8" */
export function replacementName(by: Deployment): string {
  return `deployment ${by.id} of ${shortTaskDefinition(by.taskDefinition ?? '?')}`;
}

export function describeFollowed(session: DeploySession, outcome: Outcome): string {
  switch (outcome.kind) {
    case 'completed':
      return describeDeployment(outcome.deployment);
    case 'failed':
      return outcome.reason;
    case 'timed-out':
      return `not steady within ${formatDuration(session.inputs.timeoutMs)} (${describeDeployment(outcome.deployment)})`;
    case 'replaced':
      return `replaced by deployment ${outcome.by?.id ?? '?'}`;
    case 'paused':
      return describePause(outcome.pause);
  }
}
