/**
 * A rolling deployment that did not complete, rolled back by this step the way ECS does it: StopServiceDeployment
 * ROLLBACK on our service deployment. The developer guide: it "rolls back the service deployment to the previous
 * service revision … even if you didn't configure the service deployment for the rollback option", so the settings
 * this deployment changed (network configuration, platform version, load balancers…) come back with the task
 * definition. Where ECS refuses the stop (denied, invalid, unsupported, a deployment it cannot stop), the answer
 * says so and the caller redeploys the previous task definition instead (rollback.ts).
 */
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { isAbort } from './aws-errors.js';
import { describeServiceDeploymentState } from './follow/staged.js';
import { followOurRollback } from './rollback-follow.js';
import { stopWithRollback } from './rollback-stop.js';
import type { DeploySession } from './session.js';
import type { Target } from './types.js';
import { type Budget, decided, freshRead, type RollbackStart } from './wrap-up.js';

/** ECS did not take the stop: why, for the fallback's note. Nothing changed. */
export interface StopRefused {
  kind: 'refused';
  why: string;
}

export async function rollBackRevision(
  session: DeploySession,
  target: Target,
  serviceDeploymentArn: string,
  previousArn: string,
  budget: Budget,
): Promise<RollbackStart | StopRefused> {
  const arn = serviceDeploymentArn;
  session.log.info(
    `Rolling back service deployment ${arn} to the previous service revision (StopServiceDeployment, stopType ROLLBACK)`,
  );
  const answer = await stopWithRollback(session, arn, budget);
  if (answer.kind === 'refused') return { kind: 'refused', why: errorMessage(answer.error) };
  if (answer.kind === 'ended') {
    if (answer.now?.status === 'SUCCESSFUL') {
      return decided({ note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` });
    }
    return {
      kind: 'refused',
      why: `service deployment ${arn} cannot be stopped (${describeServiceDeploymentState(answer.now)})`,
    };
  }
  if (answer.kind === 'unanswered') {
    // It may still land: a second rollback by task definition now could make two. Say so instead. No method: no
    // rollback is known to have happened (rollback-method means "this step rolled back").
    const detail = `The rollback (StopServiceDeployment ROLLBACK) got no answer in ${answer.attempts} tries, and service deployment ${arn} shows no rollback (${describeServiceDeploymentState(answer.now)}): ${errorMessage(answer.error)}`;
    return decided({
      note: detail,
      report: { by: 'action', taskDefinitionArn: previousArn, steady: false, detail },
    });
  }

  const seen = await rollbackDeployment(session, target, budget);
  if (!seen.deployment?.id) {
    const why = seen.error
      ? `: ${errorMessage(seen.error)}`
      : ` within ${formatDuration(session.wrapUpBudgets.decisionMs)}`;
    const detail = `ECS accepted the rollback of service deployment ${arn} to the previous service revision (StopServiceDeployment ROLLBACK) and carries on with it, but this step could not see its rollback deployment${why}.`;
    return decided({
      note: detail,
      report: { by: 'action', method: 'service-revision', taskDefinitionArn: previousArn, steady: false, detail },
    });
  }
  const { id, taskDefinition } = seen.deployment;
  session.log.info(
    `ECS is rolling back to the previous service revision: deployment ${id}; waiting up to ${formatDuration(session.inputs.timeoutMs)}`,
  );
  const rollback = { id, taskDefinitionArn: taskDefinition ?? previousArn, method: 'service-revision' as const };
  return { kind: 'started', follow: () => followOurRollback(session, rollback, seen.service) };
}

/**
 * The deployment ECS started for the rollback: the PRIMARY that is not ours, read fresh (ECS may show it a moment
 * after the stop), within the decision's budget.
 */
async function rollbackDeployment(
  session: DeploySession,
  target: Target,
  budget: Budget,
): Promise<{ deployment?: Deployment; service?: Service; error?: unknown }> {
  try {
    for (;;) {
      const service = await freshRead(session, budget, (limits) => session.describeService(limits));
      session.lastService = service;
      const deployment = service.deployments?.find((d) => d.status === 'PRIMARY' && d.id !== target.id);
      if (deployment?.id) return { deployment, service };
      if (budget.leftMs <= 0) return {};
      await session.deps.sleep(Math.min(session.inputs.pollIntervalMs, budget.leftMs), session.deps.signal);
    }
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    return { error };
  }
}
