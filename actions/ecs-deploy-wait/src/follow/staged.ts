/**
 * The native staged follower (deployment controller ECS, deploymentConfiguration.strategy BLUE_GREEN, LINEAR or
 * CANARY): follows our service deployment with DescribeServiceDeployments through its lifecycle stages until it
 * ends (SUCCESSFUL, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED, STOPPED) or the time is up, printing each stage change,
 * the traffic weights, the lifecycle hooks' outcomes, the alarms' state and the service events. The least time a
 * strategy needs (bake times, linear steps, canary bake) is computed here from the service's configuration.
 */
import {
  type DeploymentConfiguration,
  DescribeServiceDeploymentsCommand,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { formatDuration } from '@ecs-actions/core';
import type { Pause } from '../pause/watch-pauses.js';
import type { CallLimits, DeploySession } from '../session.js';
import { printNewEvents } from './rolling.js';
import { watch } from './watch.js';

export type StagedStrategy = 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

/** The service's native staged strategy, or undefined for a rolling update (ROLLING or none). */
export function stagedStrategyOf(service: Service): StagedStrategy | undefined {
  const strategy = service.deploymentConfiguration?.strategy;
  return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY' ? strategy : undefined;
}

const MINUTE = 60_000;
/** LinearConfiguration and CanaryConfiguration defaults (ECS API reference). */
const LINEAR_DEFAULTS = { stepPercent: 10, stepBakeTimeInMinutes: 6 };
const CANARY_DEFAULTS = { canaryBakeTimeInMinutes: 10 };

/**
 * The least time a staged deployment of this configuration takes, before the tasks' own start-up: the waits ECS
 * keeps whatever happens (DeploymentConfiguration.bakeTimeInMinutes; LINEAR: stepBakeTimeInMinutes between its
 * traffic steps, not after the last; CANARY: canaryBakeTimeInMinutes), and how it adds up, in words.
 */
export function leastDuration(
  strategy: StagedStrategy,
  configuration: DeploymentConfiguration | undefined,
): { ms: number; parts: string } {
  const bakeMs = (configuration?.bakeTimeInMinutes ?? 0) * MINUTE;
  const bake = bakeMs > 0 ? `bake time ${formatDuration(bakeMs)}` : 'no bake time';
  if (strategy === 'LINEAR') {
    const step = configuration?.linearConfiguration?.stepPercent ?? LINEAR_DEFAULTS.stepPercent;
    const stepBakeMs =
      (configuration?.linearConfiguration?.stepBakeTimeInMinutes ?? LINEAR_DEFAULTS.stepBakeTimeInMinutes) * MINUTE;
    const shifts = Math.ceil(100 / step - 1e-9);
    const waitsMs = (shifts - 1) * stepBakeMs;
    return {
      ms: waitsMs + bakeMs,
      parts: `${shifts - 1} waits of ${formatDuration(stepBakeMs)} between ${shifts} traffic shifts of ${step}% + ${bake}`,
    };
  }
  if (strategy === 'CANARY') {
    const canaryMs =
      (configuration?.canaryConfiguration?.canaryBakeTimeInMinutes ?? CANARY_DEFAULTS.canaryBakeTimeInMinutes) * MINUTE;
    return { ms: canaryMs + bakeMs, parts: `canary bake time ${formatDuration(canaryMs)} + ${bake}` };
  }
  return { ms: bakeMs, parts: bake };
}

/** How following a service deployment ended. */
export type StagedOutcome =
  | { kind: 'successful'; deployment: ServiceDeployment }
  /**
   * ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED or STOPPED. `failedAtStage`: the last lifecycle stage seen while it went
   * forward (a rollback walks the traffic stages again, so the stage it ends at is not where it failed).
   */
  | { kind: 'ended'; deployment: ServiceDeployment; failedAtStage?: string }
  | { kind: 'timed-out'; deployment?: ServiceDeployment; stalled?: string }
  /** Paused at a PAUSE hook, and on-pause says to end the wait there. */
  | { kind: 'paused'; deployment: ServiceDeployment; pause: Pause };

const ENDED = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED']);
/** Statuses of a service deployment still going forward (its lifecycle stage is its own progress). */
const FORWARD = new Set(['PENDING', 'IN_PROGRESS']);

/**
 * Polls DescribeServiceDeployments (and DescribeServices for the events) until the service deployment `arn` ends or
 * `timeoutMs` runs out. A rollback in progress (ECS's, or ours) is followed to its end.
 */
export async function followStaged(
  session: DeploySession,
  arn: string,
  timeoutMs: number,
  label: string,
): Promise<StagedOutcome> {
  let last: ServiceDeployment | undefined;
  let forwardStage: string | undefined;
  const printed = new Map<string, string>();
  return watch<ServiceDeployment, StagedOutcome>(session, {
    operation: 'ecs:DescribeServiceDeployments',
    timeoutMs,
    read: async (limits) => {
      const [deployment, service] = await Promise.all([
        describeServiceDeployment(session, arn, limits),
        session.describeService(limits),
      ]);
      session.lastService = service;
      printNewEvents(session, service);
      return deployment;
    },
    judge: async (deployment) => {
      last = deployment;
      printChanges(session, deployment, label, printed);
      if (FORWARD.has(deployment.status ?? '')) forwardStage = deployment.lifecycleStage ?? forwardStage;
      const pause = label === 'rollback' ? undefined : await session.pauses.judge(deployment);
      if (pause) return { kind: 'paused', deployment, pause };
      if (deployment.status === 'SUCCESSFUL') return { kind: 'successful', deployment };
      if (ENDED.has(deployment.status ?? '')) {
        return { kind: 'ended', deployment, ...(forwardStage ? { failedAtStage: forwardStage } : {}) };
      }
      return undefined;
    },
    timedOut: (stalled) => ({
      kind: 'timed-out',
      ...(last ? { deployment: last } : {}),
      ...(stalled ? { stalled } : {}),
    }),
  });
}

export async function describeServiceDeployment(
  session: DeploySession,
  arn: string,
  limits: CallLimits,
): Promise<ServiceDeployment> {
  const answer = await session.call(
    'DescribeServiceDeployments',
    (o) => session.deps.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), o),
    limits,
  );
  const found = answer.serviceDeployments?.[0];
  if (!found) {
    throw new Error(
      `DescribeServiceDeployments did not find service deployment ${arn} (${answer.failures?.[0]?.reason ?? 'no answer'})`,
    );
  }
  session.timeline.observeServiceDeployment(found);
  return found;
}

/** One line per change: status (with ECS's reason), lifecycle stage and traffic, each hook's outcome, the alarms. */
function printChanges(session: DeploySession, d: ServiceDeployment, label: string, printed: Map<string, string>): void {
  const say = (key: string, line: string) => {
    if (printed.get(key) === line) return;
    printed.set(key, line);
    session.log.info(`[${session.elapsed()}] ${line}`);
  };
  const since = d.updatedAt ? ` (since ${d.updatedAt.toISOString()})` : '';
  say(
    'stage',
    `service deployment (${label}) ${d.status ?? '?'} at stage ${d.lifecycleStage ?? '?'}${since}: ${trafficAndCounts(d)}` +
      (d.statusReason ? `; ${d.statusReason}` : ''),
  );
  for (const hook of d.lifecycleHookDetails ?? []) {
    const name = hook.targetType === 'PAUSE' ? `PAUSE ${hook.hookId}` : (hook.targetArn ?? hook.hookId ?? '?');
    say(`hook ${hook.hookId}`, `lifecycle hook ${name}: ${hook.status ?? '?'}`);
  }
  if (d.alarms && d.alarms.status !== 'DISABLED') {
    const triggered = d.alarms.triggeredAlarmNames ?? [];
    say(
      'alarms',
      `alarms ${d.alarms.status ?? '?'} (${(d.alarms.alarmNames ?? []).join(', ') || 'none'})` +
        (triggered.length > 0 ? `: in ALARM ${triggered.join(', ')}` : ''),
    );
  }
}

/** "new revision 2/2 running, 25% production / 100% test traffic; old 2/2 running, 75% production". */
export function trafficAndCounts(d: ServiceDeployment): string {
  const revision = (name: string, r: NonNullable<ServiceDeployment['targetServiceRevision']>) => {
    const weights = [
      r.requestedProductionTrafficWeight !== undefined ? `${r.requestedProductionTrafficWeight}% production` : '',
      r.requestedTestTrafficWeight !== undefined ? `${r.requestedTestTrafficWeight}% test` : '',
    ].filter(Boolean);
    return `${name} ${r.runningTaskCount ?? 0}/${r.requestedTaskCount ?? 0} running${weights.length > 0 ? `, ${weights.join(' / ')} traffic` : ''}`;
  };
  const parts = d.targetServiceRevision ? [revision('new revision', d.targetServiceRevision)] : [];
  for (const source of d.sourceServiceRevisions ?? []) parts.push(revision('old', source));
  return parts.join('; ') || 'no revision counts';
}

/** "ROLLBACK_SUCCESSFUL at stage BAKE_TIME, new revision 0/2 running, …" */
export function describeServiceDeploymentState(d: ServiceDeployment | undefined): string {
  if (!d) return 'unknown';
  return `${d.status ?? '?'} at stage ${d.lifecycleStage ?? '?'}, ${trafficAndCounts(d)}`;
}
