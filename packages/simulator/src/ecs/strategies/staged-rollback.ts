/**
 * Rolling a native staged deployment back (a hook that answered FAILED, an alarm with alarms.rollback, the circuit
 * breaker, StopServiceDeployment ROLLBACK): traffic back on blue, blue PRIMARY again and scaled to the desired count,
 * green stopped; ROLLBACK_SUCCESSFUL once green is gone and blue is healthy, ROLLBACK_FAILED when blue cannot start.
 */

import { beginRollback, failRollout, retire } from '../deployment-states.js';
import type { ServiceDeploymentRecord, ServiceRecord } from '../model.js';
import { blues, type StagedHost, type StagedRolloutRecord, scaleTo } from './staged-model.js';

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
  rollout.productionWeight = 0;
  rollout.testWeight = 0;
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
}

/** One rollback pass: green stopped, blue back to the desired count. True when it finished. */
export function stepRollback(
  host: StagedHost,
  service: ServiceRecord,
  record: ServiceDeploymentRecord,
  rollout: StagedRolloutRecord,
  at: number,
): boolean {
  const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
  const blue = blues(service, rollout)[0];
  if (green) {
    for (const task of host.liveTasks(service, green)) {
      host.stopTask(task, at, `Scaling activity initiated by (deployment ${blue?.id ?? rollout.greenId})`);
    }
  }
  if (!blue) {
    endRollback(record, rollout, 'ROLLBACK_FAILED', at, 'The previous service revision is gone.');
    return true;
  }
  scaleTo(host, service, blue, service.desiredCount, at);
  if (blue.failedTasks >= host.breakerThreshold(service)) {
    endRollback(record, rollout, 'ROLLBACK_FAILED', at, 'Tasks of the previous service revision failed to start.');
    return true;
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
