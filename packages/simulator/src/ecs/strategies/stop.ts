/**
 * StopServiceDeployment (API reference): stopType ROLLBACK (the default) rolls an IN_PROGRESS or PENDING service
 * deployment back to the previous service revision (developer guide, "Stopping Amazon ECS service deployments");
 * one already stopping or rolling back carries on; a finished one is a ConflictException; an unknown ARN a
 * ServiceDeploymentNotFoundException. The reference lists ABORT among the values but says "The valid values are
 * ROLLBACK": ABORT is refused.
 */
import { AwsServiceError } from '../../contract.js';
import type { ClusterRecord } from '../model.js';
import type { Scheduler } from '../scheduler.js';

const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);

export function stopServiceDeployment(
  clusters: Iterable<ClusterRecord>,
  scheduler: Scheduler,
  arn: string,
  stopType: string | undefined,
  now: number,
): { serviceDeploymentArn: string } {
  const type = stopType ?? 'ROLLBACK';
  if (type !== 'ROLLBACK' && type !== 'ABORT') throw invalid(`Invalid stopType: ${type}. The valid value is ROLLBACK.`);
  if (type === 'ABORT') throw invalid('stopType ABORT is not supported. The valid value is ROLLBACK.');
  for (const cluster of clusters) {
    for (const service of cluster.services.values()) {
      const record = service.serviceDeployments.find((candidate) => candidate.arn === arn);
      if (!record) continue;
      const conflict = () =>
        new AwsServiceError(
          'ConflictException',
          `The service deployment ${arn} is ${record.status} and can't be stopped.`,
        );
      if (record.staged) {
        if (scheduler.staged.stop(service, record, now) === 'conflict') throw conflict();
        return { serviceDeploymentArn: arn };
      }
      if (record.status === 'ROLLBACK_IN_PROGRESS' || record.status === 'ROLLBACK_REQUESTED') {
        return { serviceDeploymentArn: arn };
      }
      // A rolling deployment: ECS deploys the last COMPLETED revision again, as the circuit breaker's rollback does.
      const primary = service.deployments[0];
      if (record.status !== 'IN_PROGRESS' || primary?.serviceDeployment !== record) throw conflict();
      const reason = 'Service deployment rolled back because of a StopServiceDeployment request.';
      if (!scheduler.rollBack(service, primary, reason, now, false)) throw conflict();
      service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, now);
      return { serviceDeploymentArn: arn };
    }
  }
  throw new AwsServiceError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
}
