/**
 * Rolling a native staged deployment back (a hook that answered FAILED, an alarm with alarms.rollback, the circuit
 * breaker, StopServiceDeployment ROLLBACK): blue PRIMARY again and scaled to the desired count, then the traffic
 * stages walked back (developer guide, "Lifecycle hooks for Amazon ECS service deployments": "When a roll back
 * happens, Amazon ECS runs the lifecycle hooks for the following lifecycle stages: PRODUCTION_TRAFFIC_SHIFT,
 * TEST_TRAFFIC_SHIFT"), production then test traffic back on blue, each stage's hooks invoked again; then green
 * stopped. ROLLBACK_SUCCESSFUL once green is gone and blue is healthy; ROLLBACK_FAILED when blue cannot start or a
 * hook answers FAILED during the rollback.
 */

import { beginRollback, failRollout, retire } from '../deployment-states.js';
import type { ServiceDeploymentRecord, ServiceRecord } from '../model.js';
import type { LifecycleStage } from './config.js';
import {
  blues,
  invokeHooks,
  STAGED_TIMING,
  type StagedHost,
  type StagedRolloutRecord,
  type StagedScenarios,
  scaleTo,
} from './staged-model.js';

/** The stages a rollback walks, in order, before green is stopped. */
const ROLLBACK_STAGES: readonly LifecycleStage[] = ['PRODUCTION_TRAFFIC_SHIFT', 'TEST_TRAFFIC_SHIFT'];

/**
 * Starts the rollback at `at`: rollback requested, no traffic to green (its rollout FAILED), blue PRIMARY again at
 * the desired count.
 */
export function startRollback(
  host: StagedHost,
  service: ServiceRecord,
  record: ServiceDeploymentRecord,
  rollout: StagedRolloutRecord,
  reason: string,
  at: number,
): void {
  rollout.phase = 'rollback';
  rollout.rollbackAt = undefined;
  rollout.rollbackStages = [...ROLLBACK_STAGES];
  beginRollback(record, reason, rollout.blueRevisionArn, at);
  const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
  const blue = blues(service, rollout)[0];
  if (green) {
    green.status = 'ACTIVE';
    failRollout(green, reason, at);
  }
  if (blue) {
    // Blue is the service's PRIMARY deployment again.
    blue.status = 'PRIMARY';
    blue.desiredCount = service.desiredCount;
    blue.updatedAt = at;
    service.deployments = [blue, ...service.deployments.filter((deployment) => deployment !== blue)];
    host.event(service, at, `(service ${service.name}) (deployment ${rollout.greenId}) deployment failed: ${reason}`);
    host.event(service, at, `(service ${service.name}) rolling back to deployment ${blue.id}.`);
  }
  enterRollbackStage(host, rollout, at);
}

/** The rollback's next traffic stage: its traffic back on blue, its hooks invoked again. */
function enterRollbackStage(host: StagedHost, rollout: StagedRolloutRecord, at: number): void {
  const stage = rollout.rollbackStages?.[0];
  if (!stage) return;
  rollout.stage = stage;
  rollout.stageEnteredAt[stage] = at;
  rollout.stageWorkEndsAt = at + STAGED_TIMING.stageTransition;
  if (stage === 'PRODUCTION_TRAFFIC_SHIFT') rollout.productionWeight = 0;
  if (stage === 'TEST_TRAFFIC_SHIFT') rollout.testWeight = 0;
  invokeHooks(host, rollout, stage, at);
}

/**
 * The rollback's traffic stages: true when they are all over; ends the rollback (ROLLBACK_FAILED) when one of their
 * hooks answers FAILED.
 */
function walkRollbackStages(
  host: StagedHost,
  scenarios: StagedScenarios,
  service: ServiceRecord,
  record: ServiceDeploymentRecord,
  rollout: StagedRolloutRecord,
  at: number,
): boolean {
  for (let guard = 0; guard < ROLLBACK_STAGES.length && rollout.rollbackStages?.length; guard++) {
    const stage = rollout.rollbackStages[0];
    const hooks = rollout.hooks.filter((hook) => hook.rollback && hook.stage === stage);
    for (const hook of hooks) {
      if (hook.status !== 'IN_PROGRESS' || hook.answersAt > at) continue;
      hook.status = scenarios.hookResult(hook.targetArn, hook.stage);
      record.updatedAt = at;
      if (hook.status === 'FAILED') {
        const why = `lifecycle hook ${hook.targetArn} returned FAILED at stage ${hook.stage} during the rollback.`;
        host.event(service, at, `(service ${service.name}) rollback failed: ${why}`);
        endRollback(record, rollout, 'ROLLBACK_FAILED', at, why);
        return false;
      }
    }
    if (at < (rollout.stageWorkEndsAt ?? at) || hooks.some((hook) => hook.status !== 'SUCCEEDED')) return false;
    rollout.rollbackStages.shift();
    record.updatedAt = at;
    enterRollbackStage(host, rollout, at);
  }
  return !rollout.rollbackStages?.length;
}

/** One rollback pass: green stopped, blue back to the desired count. True when it finished. */
export function stepRollback(
  host: StagedHost,
  scenarios: StagedScenarios,
  service: ServiceRecord,
  record: ServiceDeploymentRecord,
  rollout: StagedRolloutRecord,
  at: number,
): boolean {
  const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
  const blue = blues(service, rollout)[0];
  if (!blue) {
    endRollback(record, rollout, 'ROLLBACK_FAILED', at, 'The previous service revision is gone.');
    return true;
  }
  scaleTo(host, service, blue, service.desiredCount, at);
  if (blue.failedTasks >= host.breakerThreshold(service)) {
    endRollback(record, rollout, 'ROLLBACK_FAILED', at, 'Tasks of the previous service revision failed to start.');
    return true;
  }
  if (!walkRollbackStages(host, scenarios, service, record, rollout, at)) return rollout.phase === 'done';
  // Traffic is back on blue: green is stopped.
  if (green) {
    for (const task of host.liveTasks(service, green)) {
      host.stopTask(task, at, `Scaling activity initiated by (deployment ${blue.id})`);
    }
  }
  const blueLive = host.liveTasks(service, blue);
  const greenLeft = green ? host.tasksOf(service, green).some((task) => task.lastStatus !== 'STOPPED') : false;
  if (greenLeft || blueLive.length < service.desiredCount || blueLive.some((task) => !task.healthy)) return false;
  if (green) retire(service, green, at);
  endRollback(record, rollout, 'ROLLBACK_SUCCESSFUL', at);
  host.event(service, at, `(service ${service.name}) has reached a steady state.`);
  return true;
}

function endRollback(
  record: ServiceDeploymentRecord,
  rollout: StagedRolloutRecord,
  status: 'ROLLBACK_SUCCESSFUL' | 'ROLLBACK_FAILED',
  at: number,
  why?: string,
): void {
  rollout.phase = 'done';
  record.status = status;
  if (why) record.statusReason = `${record.statusReason ?? ''} The rollback failed: ${why}`.trim();
  record.finishedAt = at;
  record.updatedAt = at;
}
