/**
 * Why a CodeDeploy deployment did not succeed: CodeDeploy's error information and the lifecycle event that failed
 * (with its diagnostics), then what ECS saw — the stopped tasks of the replacement task set with their apps' last log
 * lines, and the service events since the step started (the rolling path's report, explain-failure.ts).
 */
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { isAbort } from '../aws-errors.js';
import { printIncompleteReport, reportFailure } from '../explain-failure.js';
import type { DeploySession } from '../session.js';
import type { StoppedTask } from '../types.js';
import type { ReportBudget } from '../wrap-up.js';
import type { CodeDeployOutcome } from './follow.js';

/** One sentence: how the deployment ended and CodeDeploy's reason. */
export function describeCodeDeployOutcome(deploymentId: string, outcome: CodeDeployOutcome, timeoutMs: number): string {
  if (outcome.kind === 'timed-out') {
    const status = outcome.state?.info.status ?? 'unknown';
    return outcome.stalled
      ? `CodeDeploy deployment ${deploymentId} did not end in time: ${outcome.stalled} (last status ${status}).`
      : `CodeDeploy deployment ${deploymentId} did not end within ${formatDuration(timeoutMs)} (last status ${status}).`;
  }
  const { info, target } = outcome.state;
  const failedEvent = target?.lifecycleEvents?.find((event) => event.status === 'Failed');
  const error = info.errorInformation;
  const reason = error ? ` ${error.code ?? 'error'}: ${error.message ?? ''}` : '';
  const at = failedEvent ? ` (lifecycle event ${failedEvent.lifecycleEventName})` : '';
  return `CodeDeploy deployment ${deploymentId} ${outcome.kind === 'stopped' ? 'was stopped' : 'failed'}${at}:${reason || ' no reason given.'}`;
}

/** Prints CodeDeploy's detail, then the replacement's stopped tasks and the service events; returns the tasks. */
export async function reportCodeDeployFailure(
  session: DeploySession,
  outcome: CodeDeployOutcome,
  taskDefinitionArn: string,
  budget: ReportBudget,
): Promise<StoppedTask[]> {
  const { log } = session;
  const failed = outcome.state?.target?.lifecycleEvents?.find((event) => event.status === 'Failed');
  // A hook's diagnostics name the Lambda function and carry its log tail; CodeDeploy's own errors are in the cause.
  if (failed?.diagnostics?.scriptName || failed?.diagnostics?.logTail) {
    const d = failed.diagnostics;
    log.info(
      `lifecycle event ${failed.lifecycleEventName} failed: ${d.errorCode ?? ''}${d.scriptName ? ` (hook ${d.scriptName})` : ''} ${d.message ?? ''}`.trim(),
    );
    if (d.logTail) log.info(d.logTail);
  }
  await collectServiceEvents(session, budget);
  const taskSet = outcome.replacementTaskSetId;
  if (!taskSet) {
    log.info('The replacement task set was not created, so no task of it stopped.');
    printIncompleteReport(session, budget);
    return [];
  }
  return reportFailure(session, { id: taskSet, taskDefinitionArn, label: 'replacement', kind: 'task set' }, budget);
}

/** The service events ECS wrote since the step started (the CodeDeploy wait does not read the service). */
async function collectServiceEvents(session: DeploySession, budget: ReportBudget): Promise<void> {
  try {
    session.takeNewEvents(await session.describeService(budget.read()));
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    session.log.warning(`Could not read the service events: ${errorMessage(error)}`);
    budget.missed('the service events', error);
  }
}
