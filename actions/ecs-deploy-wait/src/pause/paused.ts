/**
 * What a pause changes in a deploy's account: the step's end when on-pause is `return` (status paused, with the
 * pause's hook, stage and expiry for the next job), and the pre-change timeout check, which counts only the waits the
 * step will sit through (up to the first pause with `return`) and warns when the pauses' own timeouts outlast it.
 */
import type { DeploymentConfiguration, ServiceDeployment } from '@aws-sdk/client-ecs';
import { formatDuration } from '@ecs-actions/core';
import type { StagedEnd } from '../deploy-staged.js';
import { describeServiceDeploymentState, leastDuration, type StagedStrategy } from '../follow/staged.js';
import type { DeploySession } from '../session.js';
import { describePause, type Pause } from './watch-pauses.js';

export type { Pause } from './watch-pauses.js';

/** on-pause: return: the step ends at the pause; the next job continues it (ecs-deploy-continue). */
export function pausedEnd(
  session: DeploySession,
  what: string,
  deployment: ServiceDeployment,
  pause: Pause,
): StagedEnd {
  const message = `${what} is ${describePause(pause)}. The step ends here (on-pause: return): continue it or roll it back with ecs-deploy-continue (service-deployment-arn ${pause.serviceDeploymentArn}, hook-id ${pause.hookId}).`;
  session.log.info(message);
  return {
    status: 'paused',
    message,
    finalState: describeServiceDeploymentState(deployment),
    serviceDeploymentArn: pause.serviceDeploymentArn,
    stoppedTasks: [],
    pause,
  };
}

/** Lifecycle stages in the order a deployment walks them (the ones a pause can hold at, and the traffic stage). */
const STAGE_ORDER = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];

/** DeploymentLifecycleHookTimeoutConfiguration defaults: a day, then ROLLBACK. */
const DEFAULT_PAUSE_MINUTES = 1440;

/**
 * The least time the step waits for a staged deployment, pauses counted: with on-pause `return` it waits only up to
 * the first pause (before PRODUCTION_TRAFFIC_SHIFT: no fixed wait at all; at POST_PRODUCTION_TRAFFIC_SHIFT: the
 * traffic steps, not the bake time). With `wait`, a timeout shorter than the strategy plus the pauses' own timeouts is
 * warned about: if nobody acts, ECS's timeout action comes after the step has given up.
 */
export function leastDurationWithPauses(
  session: DeploySession,
  strategy: StagedStrategy,
  configuration: DeploymentConfiguration | undefined,
): { ms: number; parts: string } {
  const least = leastDuration(strategy, configuration);
  const pauses = (configuration?.lifecycleHooks ?? []).filter((hook) => hook.targetType === 'PAUSE');
  if (pauses.length === 0) return least;
  const { onPause, timeoutMs } = session.inputs;
  if (onPause === 'return') {
    const first = STAGE_ORDER.find((stage) =>
      pauses.some((hook) => (hook.lifecycleStages ?? []).includes(stage as never)),
    );
    if (!first) return least;
    if (STAGE_ORDER.indexOf(first) < STAGE_ORDER.indexOf('PRODUCTION_TRAFFIC_SHIFT')) {
      return { ms: 0, parts: `on-pause: return ends the step at the pause at ${first}, before any bake time` };
    }
    const shifts = leastDuration(strategy, { ...configuration, bakeTimeInMinutes: 0 });
    return { ms: shifts.ms, parts: `${shifts.parts}, up to the pause at ${first} (on-pause: return)` };
  }
  if (onPause === 'wait') {
    const pauseMs = pauses.reduce(
      (sum, hook) =>
        sum +
        (hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULT_PAUSE_MINUTES) *
          60_000 *
          (hook.lifecycleStages?.length ?? 1),
      0,
    );
    if (timeoutMs < least.ms + pauseMs) {
      session.log.warning(
        `on-pause: wait: the service's pauses may last up to ${formatDuration(pauseMs)} (their timeouts) on top of ${formatDuration(least.ms)} (${least.parts}), longer than timeout ${formatDuration(timeoutMs)}. If nobody continues them in time, the step ends timed out without a rollback and ECS takes each pause's timeout action. Use on-pause: return to end the step at the pause instead.`,
      );
    }
  }
  return least;
}
