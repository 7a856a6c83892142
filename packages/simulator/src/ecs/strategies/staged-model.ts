/**
 * The state of a native staged deployment (ServiceDeploymentRecord.staged), its timing, what tests set (hook answers,
 * alarm trips), the scheduler primitives it uses, and the task helpers the forward and rollback phases share.
 */

import type { DeploymentRecord, IdGenerator, ServiceRecord, TaskDefinitionRecord, TaskRecord } from '../model.js';
import type { LambdaHook, LifecycleStage, StrategySettings } from './config.js';
import { type PauseHook, type PauseRunRecord, startPauses } from './pause-hooks.js';

/** Simulated durations (ms) of the staged model. */
export const STAGED_TIMING = {
  /** A stage with no work of its own (and no hook) is over this long after it began. */
  stageTransition: 5_000,
  /** A Lambda lifecycle hook answers (SUCCEEDED or FAILED) this long after ECS invoked it. */
  hookAnswer: 15_000,
  /** StopServiceDeployment: ROLLBACK_REQUESTED this long before the rollback starts. */
  rollbackRequested: 5_000,
};

export type HookStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

export interface HookRunRecord {
  hookId: string;
  targetArn: string;
  stage: LifecycleStage;
  status: HookStatus;
  /** When the hook answers (scenario result). */
  answersAt: number;
  /** Invoked again while the deployment rolls back (its answer decides the rollback, not the deployment). */
  rollback?: boolean;
}

/** The staged part of a service deployment (ServiceDeploymentRecord.staged). */
export interface StagedRolloutRecord {
  settings: StrategySettings;
  greenId: string;
  blueIds: string[];
  blueRevisionArn: string;
  stage: LifecycleStage;
  stageEnteredAt: Partial<Record<LifecycleStage, number>>;
  /** When the current stage's own work (a transition, a traffic step, the bake time) is over. */
  stageWorkEndsAt?: number;
  /** Green's share of production and test traffic, in percent. */
  productionWeight: number;
  testWeight: number;
  /**
   * Whether the test listener carries traffic yet: not before TEST_TRAFFIC_SHIFT (developer guide, lifecycle stages:
   * PRE_SCALE_UP and POST_SCALE_UP have "no test traffic").
   */
  testTraffic: boolean;
  hooks: HookRunRecord[];
  /** PAUSE hooks run (pause-hooks.ts): AWAITING_ACTION until continued, rolled back or expired. */
  pauses: PauseRunRecord[];
  alarmStatus: 'DISABLED' | 'MONITORING' | 'TRIGGERED' | 'MONITORING_COMPLETE';
  triggeredAlarms: string[];
  /** StopServiceDeployment ROLLBACK: the rollback starts at this time (until then the deployment holds still). */
  rollbackAt?: number;
  /** The stages a rollback still walks (traffic back to blue, their hooks run again), then green is stopped. */
  rollbackStages?: LifecycleStage[];
  phase: 'forward' | 'rollback' | 'done';
}

/** What tests set: each hook's answer, and when alarms go into ALARM. */
export interface StagedScenarios {
  hookResult(targetArn: string, stage: LifecycleStage): 'SUCCEEDED' | 'FAILED';
  /** When the alarm goes into ALARM: `afterMs` after the deployment entered `stage` (or began, without one). */
  alarmTrip(alarmName: string): { stage?: LifecycleStage; afterMs: number } | undefined;
}

/** The scheduler primitives the staged model uses. */
export interface StagedHost {
  readonly ids: IdGenerator;
  liveTasks(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[];
  tasksOf(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[];
  launchTask(
    cluster: ServiceRecord['cluster'],
    service: ServiceRecord,
    taskDefinition: TaskDefinitionRecord,
    startedBy: string,
    at: number,
  ): TaskRecord;
  stopTask(task: TaskRecord, at: number, reason: string): void;
  event(service: ServiceRecord, at: number, message: string): void;
  taskDefinitionFor(arn: string): TaskDefinitionRecord | undefined;
  breakerThreshold(service: ServiceRecord): number;
}

/** The blue deployments of a staged rollout still listed on the service. */
export function blues(service: ServiceRecord, rollout: StagedRolloutRecord): DeploymentRecord[] {
  return service.deployments.filter((deployment) => rollout.blueIds.includes(deployment.id));
}

/** Launches the deployment's tasks up to `count` (failed ones are replaced), unless the service is throttled. */
export function scaleTo(
  host: StagedHost,
  service: ServiceRecord,
  deployment: DeploymentRecord,
  count: number,
  at: number,
): void {
  if (service.throttle.until > at) return;
  const taskDefinition = host.taskDefinitionFor(deployment.taskDefinitionArn);
  if (!taskDefinition) return;
  const missing = count - host.liveTasks(service, deployment).length;
  const started: TaskRecord[] = [];
  for (let i = 0; i < missing; i++) {
    started.push(host.launchTask(service.cluster, service, taskDefinition, deployment.id, at));
  }
  if (started.length > 0) {
    deployment.updatedAt = at;
    host.event(
      service,
      at,
      `(service ${service.name}) has started ${started.length} tasks: ${started.map((task) => `(task ${task.id})`).join(' ')}.`,
    );
  }
}

/** ECS invokes each hook configured for `stage` (a fresh hookId per invocation); each answers hookAnswer later. */
export function invokeHooks(host: StagedHost, rollout: StagedRolloutRecord, stage: LifecycleStage, at: number): void {
  // A rollback does not pause (pause hooks cannot run at the traffic shift stages a rollback walks).
  if (rollout.phase !== 'rollback') {
    const pauses = rollout.settings.hooks.filter((hook): hook is PauseHook => hook.targetType === 'PAUSE');
    rollout.pauses.push(...startPauses(host.ids, pauses, stage, at));
  }
  for (const hook of rollout.settings.hooks) {
    if (hook.targetType !== 'AWS_LAMBDA' || !hook.lifecycleStages.includes(stage)) continue;
    rollout.hooks.push({
      hookId: host.ids.hex(8),
      targetArn: (hook as LambdaHook).hookTargetArn,
      stage,
      status: 'IN_PROGRESS',
      answersAt: at + STAGED_TIMING.hookAnswer,
      ...(rollout.phase === 'rollback' ? { rollback: true } : {}),
    });
  }
}

export const round1 = (value: number) => Math.round(value * 10) / 10;
