/**
 * PAUSE lifecycle hooks (developer guide, "Pause hooks for Amazon ECS service deployments"; API reference
 * DeploymentLifecycleHook, DeploymentLifecycleHookTimeoutConfiguration, DeploymentLifecycleHookDetail): at a stage
 * that has one, ECS generates a hookId, the hook is AWAITING_ACTION until ContinueServiceDeployment (CONTINUE or
 * ROLLBACK) or until it expires (timeoutInMinutes, default 1440, at most 14 days), when ECS takes its timeout action
 * (default ROLLBACK) and the hook is TIMED_OUT. Pause hooks cannot run at TEST_TRAFFIC_SHIFT or
 * PRODUCTION_TRAFFIC_SHIFT; a rolling deployment pauses at PRE_SCALE_UP (before its first new task) and
 * POST_SCALE_UP (its new tasks healthy, the old ones not yet drained).
 */
import { AwsServiceError } from '../../contract.js';
import type { IdGenerator, JsonObject } from '../model.js';
import { HOOK_STAGES, type LifecycleStage } from './config.js';

export type PauseAction = 'CONTINUE' | 'ROLLBACK';
const ACTIONS: readonly PauseAction[] = ['CONTINUE', 'ROLLBACK'];

/** DeploymentLifecycleHookTimeoutConfiguration.timeoutInMinutes: default one day, at most 14 days. */
export const PAUSE_TIMEOUT_MINUTES = { default: 1440, max: 20_160 };

/** The stages a rolling deployment can pause at. */
export const ROLLING_PAUSE_STAGES: readonly LifecycleStage[] = ['PRE_SCALE_UP', 'POST_SCALE_UP'];
/** "PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages." */
const NO_PAUSE_STAGES: readonly LifecycleStage[] = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];

export interface PauseHook {
  targetType: 'PAUSE';
  lifecycleStages: LifecycleStage[];
  timeoutMs: number;
  timeoutAction: PauseAction;
}

const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);

export function validatePauseHook(hook: JsonObject, rolling: boolean): void {
  if (hook.hookTargetArn !== undefined) throw invalid('hookTargetArn is not applicable for PAUSE lifecycle hooks.');
  const stages = hook.lifecycleStages;
  if (!Array.isArray(stages) || stages.length === 0) throw invalid('lifecycleStages can not be empty.');
  const allowed = rolling ? ROLLING_PAUSE_STAGES : HOOK_STAGES.filter((stage) => !NO_PAUSE_STAGES.includes(stage));
  for (const stage of stages) {
    if (!allowed.includes(stage as LifecycleStage)) {
      throw invalid(
        `Invalid lifecycle stage for a PAUSE hook${rolling ? ' of a ROLLING deployment' : ''}: ${String(stage)}. Valid values are ${allowed.join(', ')}.`,
      );
    }
  }
  const timeout = (hook.timeoutConfiguration ?? {}) as JsonObject;
  const minutes = timeout.timeoutInMinutes;
  if (
    minutes !== undefined &&
    (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > PAUSE_TIMEOUT_MINUTES.max)
  ) {
    throw invalid(
      `timeoutConfiguration.timeoutInMinutes must be an integer between 1 and ${PAUSE_TIMEOUT_MINUTES.max}.`,
    );
  }
  if (timeout.action !== undefined && !ACTIONS.includes(timeout.action as PauseAction)) {
    throw invalid(
      `Invalid timeoutConfiguration.action: ${String(timeout.action)}. Valid values are CONTINUE, ROLLBACK.`,
    );
  }
}

export function pauseHookOf(hook: JsonObject): PauseHook {
  const timeout = (hook.timeoutConfiguration ?? {}) as JsonObject;
  return {
    targetType: 'PAUSE',
    lifecycleStages: hook.lifecycleStages as LifecycleStage[],
    timeoutMs: Number(timeout.timeoutInMinutes ?? PAUSE_TIMEOUT_MINUTES.default) * 60_000,
    timeoutAction: (timeout.action as PauseAction | undefined) ?? 'ROLLBACK',
  };
}

/** The pause hooks a deployment configuration has (validated), defaults filled in. */
export function pauseHooksOf(configuration: JsonObject): PauseHook[] {
  const hooks = (configuration.lifecycleHooks as JsonObject[] | undefined) ?? [];
  return hooks.filter((hook) => hook.targetType === 'PAUSE').map(pauseHookOf);
}

/** One pause of a service deployment: what DescribeServiceDeployments shows in lifecycleHookDetails. */
export interface PauseRunRecord {
  hookId: string;
  targetType: 'PAUSE';
  stage: LifecycleStage;
  status: 'AWAITING_ACTION' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  expiresAt: number;
  timeoutAction: PauseAction;
}

/** ECS pauses at `stage` for each pause hook that names it: a fresh hookId each. */
export function startPauses(ids: IdGenerator, hooks: PauseHook[], stage: LifecycleStage, at: number): PauseRunRecord[] {
  return hooks
    .filter((hook) => hook.lifecycleStages.includes(stage))
    .map((hook) => ({
      hookId: `ecs-pause-${ids.hex(40)}`,
      targetType: 'PAUSE' as const,
      stage,
      status: 'AWAITING_ACTION' as const,
      expiresAt: at + hook.timeoutMs,
      timeoutAction: hook.timeoutAction,
    }));
}

/**
 * Pauses that expired by `at` become TIMED_OUT; returns the first whose timeout action is ROLLBACK (the deployment
 * then rolls back), if any.
 */
export function expirePauses(pauses: PauseRunRecord[], at: number): PauseRunRecord | undefined {
  let rollback: PauseRunRecord | undefined;
  for (const pause of pauses) {
    if (pause.status !== 'AWAITING_ACTION' || pause.expiresAt > at) continue;
    pause.status = 'TIMED_OUT';
    if (pause.timeoutAction === 'ROLLBACK') rollback ??= pause;
  }
  return rollback;
}

/** Whether a pause lets the deployment go on: continued, or expired with the timeout action CONTINUE. */
export function pausePassed(pause: PauseRunRecord): boolean {
  return pause.status === 'SUCCEEDED' || (pause.status === 'TIMED_OUT' && pause.timeoutAction === 'CONTINUE');
}

/** The reason ECS gives a rollback a pause caused. */
export function pauseRollbackReason(pause: PauseRunRecord, how: 'continue' | 'timeout'): string {
  return how === 'continue'
    ? `Service deployment rolled back because of a ContinueServiceDeployment request with action ROLLBACK for lifecycle hook ${pause.hookId} at stage ${pause.stage}.`
    : `Service deployment rolled back because lifecycle hook ${pause.hookId} timed out at stage ${pause.stage} (timeout action ROLLBACK).`;
}

/** lifecycleHookDetails entries of pauses. */
export function pauseDetails(pauses: PauseRunRecord[]): JsonObject[] {
  return pauses.map((pause) => ({
    hookId: pause.hookId,
    targetType: 'PAUSE',
    status: pause.status,
    expiresAt: new Date(pause.expiresAt),
    timeoutAction: pause.timeoutAction,
  }));
}
