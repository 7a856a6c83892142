/**
 * StopDeployment with rollback, after our deployment outlasted the timeout: sent until it lands or its own budget
 * ends. A throttled attempt did not land and is sent again after a backoff; after one whose answer was lost (reset,
 * 5xx, no answer in time) GetDeployment shows whether it landed (the deployment is Stopped) before another is sent.
 */
import { GetDeploymentCommand, StopDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { certainlyNotApplied, UnknownOutcomeError } from '@ecs-actions/core/ecs';
import { AwsCallError, isAbort, isTransient, NoAnswerError } from '../aws-errors.js';
import { CHECK_TIMEOUT_MS, type DeploySession } from '../session.js';
import { type CodeDeployClients, codedeployCall } from './calls.js';

/** The stop's own budget: it never takes the time of anything else, and anything else never takes its time. */
export const STOP_BUDGET_MS = 30_000;
const BACKOFF_MS = 1_000;
const DONE = new Set(['Succeeded', 'Failed', 'Stopped']);

/** 'stopped' once StopDeployment landed; 'ended' when the deployment had already ended by itself. */
export async function stopWithRollback(
  session: DeploySession,
  clients: CodeDeployClients,
  deploymentId: string,
  budgetMs = STOP_BUDGET_MS,
): Promise<'stopped' | 'ended'> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      await codedeployCall(
        session,
        'StopDeployment',
        (o) => clients.singleAttempt.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: true }), o),
        { withinMs: Math.max(0, Math.min(deadline - Date.now(), CHECK_TIMEOUT_MS)) },
      );
      return 'stopped';
    } catch (error) {
      if (isAbort(error) || session.cancelled) throw error;
      if (error instanceof AwsCallError && error.code === 'DeploymentAlreadyCompletedException') return 'ended';
      if (!isTransient(error) && !(error instanceof NoAnswerError)) throw error;
      failure = error;
    }
    const backoff = BACKOFF_MS * 2 ** Math.min(attempt - 1, 4);
    if (!certainlyNotApplied(failure)) {
      // The answer was lost: look before sending it again.
      const status = await statusOf(session, clients, deploymentId, deadline);
      if (status === 'Stopped') return 'stopped';
      if (status && DONE.has(status)) return 'ended';
      if (status === undefined && Date.now() + backoff >= deadline) {
        throw new UnknownOutcomeError('codedeploy:StopDeployment', 'GetDeployment did not answer either');
      }
    }
    if (Date.now() + backoff >= deadline) throw failure;
    session.log.warning(
      `codedeploy:StopDeployment attempt ${attempt} did not land (${failure instanceof Error ? failure.message : String(failure)}); trying again in ${backoff / 1000}s.`,
    );
    await session.deps.sleep(backoff, session.deps.signal);
  }
}

/** The deployment's status, or undefined when GetDeployment did not answer within the stop's budget. */
async function statusOf(
  session: DeploySession,
  clients: CodeDeployClients,
  deploymentId: string,
  deadline: number,
): Promise<string | undefined> {
  try {
    const { deploymentInfo } = await codedeployCall(
      session,
      'GetDeployment',
      (o) => clients.client.send(new GetDeploymentCommand({ deploymentId }), o),
      { withinMs: Math.max(0, Math.min(deadline - Date.now(), CHECK_TIMEOUT_MS)) },
    );
    return deploymentInfo?.status;
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    return undefined;
  }
}
