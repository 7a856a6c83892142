/**
 * The native staged branch of a deploy (strategy BLUE_GREEN, LINEAR or CANARY), after UpdateService: find our
 * service deployment, follow it through its lifecycle stages, and when it does not succeed explain why (ECS's
 * statusReason, the stopped tasks, the events) and roll back through ECS. Before anything changes, the step's
 * timeout is checked against the least time the strategy takes.
 */
import { ListServiceDeploymentsCommand, type Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, formatDuration } from '@ecs-actions/core';
import { reportFailure } from './explain-failure.js';
import {
  describeServiceDeploymentState,
  followStaged,
  type StagedOutcome,
  type StagedStrategy,
  trafficAndCounts,
} from './follow/staged.js';
import { leastDurationWithPauses, type Pause, pausedEnd } from './pause/paused.js';
import { statusAfterFailure } from './rollback.js';
import { startStagedRollback } from './rollback-staged.js';
import type { DeploySession } from './session.js';
import { shortTaskDefinition } from './taskdef.js';
import { PHASES } from './timeline/record.js';
import type { DeployStatus, RollbackReport, StoppedTask, Target } from './types.js';
import { decided, decisionBudget, finishRollback, ReportBudget } from './wrap-up.js';

/** How a staged deployment ended, for the orchestrator to turn into the step's result. */
export interface StagedEnd {
  status: DeployStatus;
  message: string;
  finalState: string;
  serviceDeploymentArn: string;
  stoppedTasks: StoppedTask[];
  rollback?: RollbackReport;
  pause?: Pause;
}

/** A `timeout` shorter than the waits the strategy keeps (bake times, linear steps, canary bake) fails here. */
export function refuseShortTimeout(session: DeploySession, strategy: StagedStrategy, before: Service): void {
  const { timeoutMs } = session.inputs;
  const least = leastDurationWithPauses(session, strategy, before.deploymentConfiguration);
  if (timeoutMs > least.ms) return;
  throw new ConfigurationError(
    `timeout ${formatDuration(timeoutMs)} is not longer than the least time service "${session.inputs.service}"'s ${strategy} deployment takes: ${formatDuration(least.ms)} (${least.parts}), before its tasks even start. Nothing was changed. Set timeout to more than ${formatDuration(least.ms)}, e.g. ${formatDuration(least.ms + 15 * 60_000)}, or shorten the service's bake times.`,
  );
}

export async function deployStaged(
  session: DeploySession,
  strategy: StagedStrategy,
  target: Target,
  previousArn: string | undefined,
): Promise<StagedEnd> {
  const { inputs, log } = session;
  const arn = target.serviceDeploymentArn ?? (await findServiceDeployment(session, target));
  const ours: Target = { ...target, serviceDeploymentArn: arn, strategy };
  session.current = ours;
  log.info(
    `Waiting up to ${formatDuration(inputs.timeoutMs)} for ${strategy} service deployment ${arn} (deployment ${target.id}), polling every ${formatDuration(inputs.pollIntervalMs)}`,
  );
  const outcome = await followStaged(session, arn, inputs.timeoutMs, 'ours');
  const what = `Deployment ${target.id} of ${shortTaskDefinition(target.taskDefinitionArn)} (${strategy})`;
  if (outcome.kind === 'paused') return pausedEnd(session, what, outcome.deployment, outcome.pause);
  if (outcome.kind === 'successful') {
    const message = `${what} completed: service deployment SUCCESSFUL; ${trafficAndCounts(outcome.deployment)}.`;
    log.info(message);
    return {
      status: 'succeeded',
      message,
      finalState: describeServiceDeploymentState(outcome.deployment),
      serviceDeploymentArn: arn,
      stoppedTasks: [],
    };
  }

  const cause = describeStagedOutcome(session, what, outcome);
  log.warning(cause);
  // The wait is over. First the rollback decision, within its own budget (fresh reads, then the request); then
  // the report, within its own; then the rollback, followed for up to `timeout`.
  session.timeline.phase(PHASES.rollback, true);
  // Out of time during a pause: the pause's own timeout action decides, not a rollback of ours.
  const whilePaused = outcome.kind === 'timed-out' ? session.pauses.noRollbackWhilePaused() : undefined;
  const start = whilePaused
    ? decided({ note: whilePaused })
    : await startStagedRollback(session, outcome, arn, previousArn, decisionBudget(session));
  const stoppedTasks = await reportFailure(session, ours, new ReportBudget(session));
  const rolledBack = await finishRollback(start);
  const { note, report: rollback } = rolledBack;
  log.info(note);
  return {
    status: statusAfterFailure(rolledBack, outcome.kind === 'timed-out'),
    message: `${cause} ${note}`,
    finalState: describeServiceDeploymentState(outcome.deployment),
    serviceDeploymentArn: arn,
    stoppedTasks,
    ...(rollback ? { rollback } : {}),
  };
}

function describeStagedOutcome(
  session: DeploySession,
  what: string,
  outcome: Exclude<StagedOutcome, { kind: 'successful' } | { kind: 'paused' }>,
): string {
  if (outcome.kind === 'timed-out') {
    return `${what} did not finish within ${formatDuration(session.inputs.timeoutMs)} (timeout)${outcome.stalled ? ` (${outcome.stalled})` : ''}: the last state seen was ${describeServiceDeploymentState(outcome.deployment)}.`;
  }
  const d = outcome.deployment;
  const reason = d.statusReason ? `: ${d.statusReason.replace(/\.+$/, '')}` : '';
  if (d.status === 'STOPPED')
    return `${what} was stopped at stage ${outcome.failedAtStage ?? d.lifecycleStage ?? '?'}${reason}.`;
  // A deployment first seen already rolling back: its lifecycle stage is the rollback's, not where it failed (the
  // reason says that), so no stage is claimed.
  const stage = outcome.failedAtStage ? ` at stage ${outcome.failedAtStage}` : '';
  return `${what} failed${stage} and ECS rolled it back (${d.status})${reason}.`;
}

/**
 * UpdateService's answer did not name a new currentServiceDeployment: the newest service deployment
 * ListServiceDeployments shows created since the step began.
 */
async function findServiceDeployment(session: DeploySession, target: Target): Promise<string> {
  const { cluster, service } = session.inputs;
  const listed = await session.call('ListServiceDeployments', (o) =>
    session.deps.ecs.send(
      new ListServiceDeploymentsCommand({ cluster, service, createdAt: { after: new Date(session.started - 60_000) } }),
      o,
    ),
  );
  const newest = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
  if (!newest) {
    throw new Error(
      `ListServiceDeployments shows no service deployment for deployment ${target.id} of service ${service}`,
    );
  }
  return newest;
}
