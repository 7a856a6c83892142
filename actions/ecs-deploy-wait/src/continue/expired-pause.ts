/**
 * A continue that comes after the pause it answers expired (its hook TIMED_OUT): ECS has already taken the hook's
 * timeout action. The deployment the deploy job paused (named by its ARN) is then reported as ECS ended it, with
 * nothing changed: SUCCESSFUL (CONTINUE at the timeout) is `succeeded`, ROLLBACK_SUCCESSFUL is `rolled-back`.
 */
import {
  type DeploymentLifecycleHookDetail,
  DescribeServiceRevisionsCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { ConfigurationError } from '@ecs-actions/core';
import type { DeploySession } from '../session.js';
import type { DeployResult, DeployStatus, Known } from '../types.js';

/** The PAUSE hook of `deployment` (the one named by hookId, else any) that expired: TIMED_OUT. */
export function expiredPauseHook(
  deployment: ServiceDeployment,
  hookId: string | undefined,
): DeploymentLifecycleHookDetail | undefined {
  return (deployment.lifecycleHookDetails ?? []).find(
    (hook) => hook.targetType === 'PAUSE' && hook.status === 'TIMED_OUT' && (hookId ? hook.hookId === hookId : true),
  );
}

/** How each end ECS can give the deployment reads: its status and the sentence after "ECS …". */
const ENDS: Partial<Record<string, { status: DeployStatus; what: string }>> = {
  SUCCESSFUL: { status: 'succeeded', what: "continued it at the pause's timeout and it completed" },
  ROLLBACK_SUCCESSFUL: { status: 'rolled-back', what: 'rolled it back to the previous service revision' },
  ROLLBACK_FAILED: { status: 'failed', what: 'tried to roll it back and the rollback failed' },
  STOPPED: { status: 'failed', what: 'stopped it' },
};

/** The deployment ECS ended after its pause expired: the result, from what ECS says (nothing is changed). */
export async function reportExpired(
  session: DeploySession,
  deployment: ServiceDeployment,
  hook: DeploymentLifecycleHookDetail,
  known: Omit<Known, 'taskDefinitionArn' | 'previousTaskDefinitionArn'>,
): Promise<DeployResult> {
  const arn = deployment.serviceDeploymentArn ?? '';
  const status = deployment.status ?? 'an unknown status';
  const end = ENDS[status];
  const expired = `The pause (lifecycle hook ${hook.hookId}) expired before this step ran and ECS took its timeout action ${hook.timeoutAction ?? '?'}`;
  if (!end) {
    throw new ConfigurationError(
      `${expired}; service deployment ${arn} is ${status} (not ended yet). Nothing was changed. Run this step again once ECS ended it, or follow it in the console: ${known.consoleUrl}`,
    );
  }
  const [target, source] = await taskDefinitionsOf(session, deployment);
  const message = `${expired}: ECS ${end.what} (service deployment ${arn} is ${status}${deployment.statusReason ? `: ${deployment.statusReason}` : ''}). Nothing was changed by this step.`;
  const running = end.status === 'succeeded' ? target : source;
  return {
    ...known,
    ...(target ? { taskDefinitionArn: target } : {}),
    ...(source ? { previousTaskDefinitionArn: source } : {}),
    status: end.status,
    cancelled: false,
    message,
    durationMs: session.deps.clock.now() - session.started,
    finalState: `${status}${running ? `, running ${running.slice(running.lastIndexOf('/') + 1)}` : ''}`,
  };
}

/** The task definitions of the deployment's target and (first) source service revisions. */
async function taskDefinitionsOf(
  session: DeploySession,
  deployment: ServiceDeployment,
): Promise<[string | undefined, string | undefined]> {
  const targetArn = deployment.targetServiceRevision?.arn;
  const sourceArn = deployment.sourceServiceRevisions?.[0]?.arn;
  const arns = [targetArn, sourceArn].filter((a): a is string => Boolean(a));
  if (arns.length === 0) return [undefined, undefined];
  const answer = await session.call('DescribeServiceRevisions', (o) =>
    session.deps.ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: arns }), o),
  );
  const taskDefinitionOf = (revision: string | undefined) =>
    (answer.serviceRevisions ?? []).find((r) => r.serviceRevisionArn === revision)?.taskDefinition;
  return [taskDefinitionOf(targetArn), taskDefinitionOf(sourceArn)];
}
