/**
 * PAUSE lifecycle hooks of a rolling deployment (strategies/pause-hooks.ts): at PRE_SCALE_UP it launches no new task
 * until continued; at POST_SCALE_UP (its new tasks all running and healthy) it drains no old task and does not
 * complete until continued. An expired pause takes its timeout action; a ROLLBACK (continued or expired) rolls the
 * deployment back to the last completed service revision, as StopServiceDeployment does.
 */
import type { DeploymentRecord, IdGenerator, JsonObject, ServiceRecord } from './model.js';
import { liveTasks } from './scheduler-model.js';
import type { LifecycleStage } from './strategies/config.js';
import {
  expirePauses,
  type PauseRunRecord,
  pauseHooksOf,
  pausePassed,
  pauseRollbackReason,
  ROLLING_PAUSE_STAGES,
  startPauses,
} from './strategies/pause-hooks.js';

export interface RollingPauseRecord {
  /** The stage shown while the deployment is at a pause stage (lifecycleStage); SCALE_UP between them. */
  stage: LifecycleStage;
  pauses: PauseRunRecord[];
  /** The pause stages it has passed. */
  passed: LifecycleStage[];
}

export interface RollingPauseHost {
  ids: IdGenerator;
  rollBack(service: ServiceRecord, primary: DeploymentRecord, reason: string, at: number): void;
}

/**
 * Whether the rolling deployment `primary` holds still at `at` (paused): no launch, no drain, no completion. Expired
 * pauses take their timeout action here.
 */
export function holdsAtPause(
  host: RollingPauseHost,
  service: ServiceRecord,
  primary: DeploymentRecord,
  at: number,
): boolean {
  const record = primary.serviceDeployment;
  // A rollback deployment (its revision is not the one the service deployment targets) never pauses.
  if (
    primary.rolloutState !== 'IN_PROGRESS' ||
    record.rollback ||
    primary.serviceRevisionArn !== record.targetRevisionArn
  )
    return false;
  const hooks = pauseHooksOf(record.deploymentConfiguration as JsonObject);
  if (hooks.length === 0) return false;
  record.rollingPause ??= { stage: 'PRE_SCALE_UP', pauses: [], passed: [] };
  const state = record.rollingPause;
  const expired = expirePauses(state.pauses, at);
  if (expired) {
    record.updatedAt = at;
    host.rollBack(service, primary, pauseRollbackReason(expired, 'timeout'), at);
    // The rollback deployment starts on the next pass.
    service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, at);
    return true;
  }
  for (const stage of ROLLING_PAUSE_STAGES) {
    if (state.passed.includes(stage)) continue;
    if (stage === 'POST_SCALE_UP' && !scaledUp(service, primary)) {
      state.stage = 'SCALE_UP';
      return false;
    }
    state.stage = stage;
    if (!state.pauses.some((pause) => pause.stage === stage)) {
      state.pauses.push(...startPauses(host.ids, hooks, stage, at));
      record.updatedAt = at;
    }
    const atStage = state.pauses.filter((pause) => pause.stage === stage);
    if (!atStage.every(pausePassed)) {
      const expiry = Math.min(...atStage.filter((pause) => pause.status === 'AWAITING_ACTION').map((p) => p.expiresAt));
      if (Number.isFinite(expiry)) service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, expiry);
      return true;
    }
    state.passed.push(stage);
  }
  state.stage = 'SCALE_UP';
  return false;
}

/** ContinueServiceDeployment of a rolling deployment's pause (AWAITING_ACTION, checked by the caller). */
export function resolveRollingPause(
  host: Pick<RollingPauseHost, 'rollBack'>,
  service: ServiceRecord,
  pause: PauseRunRecord,
  action: 'CONTINUE' | 'ROLLBACK',
  at: number,
): void {
  pause.status = action === 'CONTINUE' ? 'SUCCEEDED' : 'FAILED';
  const primary = service.deployments[0];
  if (primary) primary.serviceDeployment.updatedAt = at;
  if (action === 'ROLLBACK' && primary) host.rollBack(service, primary, pauseRollbackReason(pause, 'continue'), at);
  service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, at);
}

/** The new tasks are all running and healthy. */
function scaledUp(service: ServiceRecord, primary: DeploymentRecord): boolean {
  const live = liveTasks(service, primary);
  return live.length >= service.desiredCount && live.every((task) => task.healthy);
}
