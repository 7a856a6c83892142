/**
 * The least time a rolling update of the service takes, from its settings, and which setting dominates it.
 *
 * ECS replaces tasks in rounds: at most maximumPercent of the desired count may be running or draining (draining
 * tasks count), at least minimumHealthyPercent must stay healthy, so each round replaces (maximum − minimum)
 * tasks. A round is: a new task starts, passes the load balancer's first health check (an Application Load
 * Balancer target "must pass one health check to be considered healthy"), then an old one drains for the target
 * group's deregistration delay and stops. The task start and stop times are typical Fargate figures, not settings.
 */
import { formatDuration } from '@ecs-actions/core';
import type { PreflightFacts } from './checks.js';

/** A Fargate task of a small image: provisioning, image pull and container start (typical; not a setting). */
export const TASK_START_MS = 30_000;
/** From the end of draining to STOPPED (typical). */
export const TASK_STOP_MS = 10_000;

export interface RolloutPrediction {
  /** The least time the rollout takes. */
  leastMs: number;
  rounds: number;
  /** Tasks replaced per round. */
  perRound: number;
  /** The parts of one round. */
  parts: { label: string; ms: number }[];
  /** The part that adds the most time, when it is a setting. */
  dominant?: { setting: string; addsMs: number; fix: string };
  /** One sentence for the log and the summary. */
  text: string;
}

/** Undefined for strategies other than rolling updates (their own follower computes their least time). */
export function predictRollout(facts: PreflightFacts): RolloutPrediction | undefined {
  const { service } = facts;
  const config = service.deploymentConfiguration ?? {};
  if (config.strategy !== undefined && config.strategy !== 'ROLLING') return undefined;
  const desired = service.desiredCount ?? 0;
  if (desired === 0) return undefined;
  const maximum = Math.floor((desired * (config.maximumPercent ?? 200)) / 100);
  const minimum = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100);
  const perRound = Math.max(1, Math.min(desired, maximum - minimum));
  const rounds = Math.ceil(desired / perRound);

  const groups = facts.targetGroups ?? [];
  const slowest = <T>(pick: (group: (typeof groups)[number]) => number, fallback: T) =>
    groups.length > 0 ? Math.max(...groups.map(pick)) : fallback;
  const healthMs = slowest((group) => group.healthCheckIntervalSeconds * 1000, 0);
  const drainMs = slowest((group) => group.deregistrationDelaySeconds * 1000, 0);
  const parts = [
    { label: 'task start (typical)', ms: TASK_START_MS },
    ...(healthMs > 0 ? [{ label: 'first load balancer health check', ms: healthMs }] : []),
    ...(drainMs > 0 ? [{ label: 'deregistration delay', ms: drainMs }] : []),
    { label: 'task stop (typical)', ms: TASK_STOP_MS },
  ];
  const roundMs = parts.reduce((sum, part) => sum + part.ms, 0);
  const leastMs = rounds * roundMs;

  let dominant: RolloutPrediction['dominant'];
  if (drainMs > TASK_START_MS && drainMs >= healthMs) {
    dominant = {
      setting: `deregistration delay ${formatDuration(drainMs)}`,
      addsMs: rounds * drainMs,
      fix: 'lower the target group attribute deregistration_delay.timeout_seconds (e.g. to 30) when requests are short',
    };
  } else if (healthMs > TASK_START_MS) {
    dominant = {
      setting: `health check interval ${formatDuration(healthMs)}`,
      addsMs: rounds * healthMs,
      fix: "lower the target group's HealthCheckIntervalSeconds (e.g. to 10)",
    };
  } else if (rounds > 1) {
    dominant = {
      setting: `maximumPercent ${config.maximumPercent ?? 200} / minimumHealthyPercent ${config.minimumHealthyPercent ?? 100}`,
      addsMs: (rounds - 1) * roundMs,
      fix: 'allow more tasks per round: maximumPercent 200 with minimumHealthyPercent 100 replaces all tasks at once',
    };
  }
  const roundText = `${rounds} round${rounds === 1 ? '' : 's'} of ${perRound} task${perRound === 1 ? '' : 's'} × (${parts.map((part) => `${part.label} ${formatDuration(part.ms)}`).join(' + ')})`;
  const text =
    `A rollout takes at least ${formatDuration(leastMs)}: ${roundText}.` +
    (dominant
      ? ` The ${dominant.setting} dominates: it adds at least ${formatDuration(dominant.addsMs)} to every deploy (fix: ${dominant.fix}).`
      : '');
  return { leastMs, rounds, perRound, parts, ...(dominant ? { dominant } : {}), text };
}
