/**
 * The state changes of a deployment and its service deployment that the rolling scheduler and the native staged
 * strategies (strategies/) make alike: a rollout that failed, a rollback that begins, a service deployment that ends
 * without reaching its target, a rollout that completed, a deployment that is gone.
 */
import type { DeploymentRecord, ServiceDeploymentRecord, ServiceRecord } from './model.js';

/** Adds a service event (the scheduler's `event`). */
export type ServiceEventSink = (service: ServiceRecord, at: number, message: string) => void;

/** The deployment's rollout FAILED, for this reason. */
export function failRollout(deployment: DeploymentRecord, reason: string, at: number): void {
  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = reason;
  deployment.updatedAt = at;
}

/** The service deployment rolls back to `serviceRevisionArn` (ServiceDeployment.rollback). */
export function beginRollback(
  record: ServiceDeploymentRecord,
  reason: string,
  serviceRevisionArn: string,
  at: number,
): void {
  record.status = 'ROLLBACK_IN_PROGRESS';
  record.statusReason = reason;
  record.rollback = { reason, startedAt: at, serviceRevisionArn };
  record.updatedAt = at;
}

/** The service deployment ended without reaching its target revision: STOPPED, or ROLLBACK_FAILED. */
export function endUnfinished(
  record: ServiceDeploymentRecord,
  status: 'STOPPED' | 'ROLLBACK_FAILED',
  reason: string,
  at: number,
): void {
  record.status = status;
  record.statusReason = reason;
  record.stoppedAt = at;
  record.finishedAt = at;
  record.updatedAt = at;
}

/**
 * The deployment's rollout COMPLETED: it is the service's last completed one (what a rollback goes back to), and
 * its service deployment is SUCCESSFUL, or ROLLBACK_SUCCESSFUL when it was a rollback.
 */
export function completeRollout(
  service: ServiceRecord,
  deployment: DeploymentRecord,
  at: number,
  event: ServiceEventSink,
): void {
  deployment.rolloutState = 'COMPLETED';
  deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`;
  deployment.updatedAt = at;
  service.lastCompleted = {
    deploymentId: deployment.id,
    taskDefinitionArn: deployment.taskDefinitionArn,
    serviceRevisionArn: deployment.serviceRevisionArn,
  };
  const serviceDeployment = deployment.serviceDeployment;
  serviceDeployment.status = serviceDeployment.rollback ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL';
  if (!serviceDeployment.rollback) serviceDeployment.statusReason = undefined;
  serviceDeployment.finishedAt = at;
  serviceDeployment.updatedAt = at;
  event(service, at, `(service ${service.name}) (deployment ${deployment.id}) deployment completed.`);
  event(service, at, `(service ${service.name}) has reached a steady state.`);
}

/** The deployment is gone from the service (INACTIVE). */
export function retire(service: ServiceRecord, deployment: DeploymentRecord, at: number): void {
  deployment.status = 'INACTIVE';
  deployment.updatedAt = at;
  service.deployments = service.deployments.filter((candidate) => candidate !== deployment);
}
