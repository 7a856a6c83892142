/**
 * ContinueServiceDeployment (API reference; developer guide, "Continuing service deployments"): CONTINUE (the
 * default) or ROLLBACK a service deployment paused at a PAUSE lifecycle hook. The hook must be AWAITING_ACTION and the
 * service deployment IN_PROGRESS; an unknown ARN is a ServiceDeploymentNotFoundException. Each refusal changes
 * nothing.
 */
import { AwsServiceError } from '../../contract.js';
import type { ClusterRecord } from '../model.js';
import { resolveRollingPause } from '../rolling-pauses.js';
import type { Scheduler } from '../scheduler.js';
import type { PauseAction } from './pause-hooks.js';

const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);

export function continueServiceDeployment(
  clusters: Iterable<ClusterRecord>,
  scheduler: Scheduler,
  request: { arn: string; hookId: string; action: string | undefined },
  now: number,
): { serviceDeploymentArn: string } {
  const { arn, hookId } = request;
  const action = request.action ?? 'CONTINUE';
  if (action !== 'CONTINUE' && action !== 'ROLLBACK') {
    throw invalid(`Invalid action: ${action}. Valid values are ROLLBACK, CONTINUE.`);
  }
  for (const cluster of clusters) {
    for (const service of cluster.services.values()) {
      const record = service.serviceDeployments.find((candidate) => candidate.arn === arn);
      if (!record) continue;
      if (record.status !== 'IN_PROGRESS') {
        throw invalid(
          `The service deployment ${arn} is ${record.status}. You can continue only a service deployment that is IN_PROGRESS.`,
        );
      }
      const pauses = record.staged?.pauses ?? record.rollingPause?.pauses ?? [];
      const pause = pauses.find((candidate) => candidate.hookId === hookId);
      if (!pause) throw invalid(`The lifecycle hook ${hookId} was not found in service deployment ${arn}.`);
      if (pause.status !== 'AWAITING_ACTION') {
        throw invalid(
          `The lifecycle hook ${hookId} is ${pause.status}. You can continue only a lifecycle hook that is AWAITING_ACTION.`,
        );
      }
      if (record.staged) scheduler.staged.resolvePause(service, record, pause, action as PauseAction, now);
      else {
        const rollBack = scheduler.rollBack.bind(scheduler);
        resolveRollingPause(
          { rollBack: (s, primary, reason, at) => void rollBack(s, primary, reason, at, false) },
          service,
          pause,
          action,
          now,
        );
      }
      return { serviceDeploymentArn: arn };
    }
  }
  throw new AwsServiceError('ServiceDeploymentNotFoundException', 'The service deployment does not exist.');
}
