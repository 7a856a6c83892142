/**
 * The rolling branch of a deploy (and of a continued pause), after UpdateService: follow our deployment to its end;
 * when it does not complete, say why, decide the rollback within its own budget, report the failure within its own,
 * then follow the rollback. A pause ends it when on-pause says so; out of time during a pause, there is no rollback
 * (the pause's own timeout action decides).
 */
import type { Service } from '@aws-sdk/client-ecs';
import { formatDuration } from '@ecs-actions/core';
import { reportFailure } from './explain-failure.js';
import { describeOutcome, follow } from './follow/rolling.js';
import type { Pause } from './pause/watch-pauses.js';
import { type RollbackResult, startRollback, statusAfterFailure } from './rollback.js';
import { countsOf, type DeploySession, describeDeployment } from './session.js';
import { shortTaskDefinition } from './taskdef.js';
import { PHASES } from './timeline/record.js';
import type { DeployStatus, Outcome, RollbackReport, StoppedTask, Target } from './types.js';
import { decided, decisionBudget, finishRollback, ReportBudget } from './wrap-up.js';

/** How a rolling deployment ended, for the orchestrator to turn into the step's result. */
export interface RollingEnd {
  status: DeployStatus;
  message: string;
  finalState: string;
  stoppedTasks: StoppedTask[];
  rollback?: RollbackReport;
  pause?: Pause;
}

/** An error during the wrap-up (after the wait ended): what the report had found, and the cause already told. */
export class WrapUpInterrupted extends Error {
  constructor(
    readonly error: unknown,
    readonly stoppedTasks: StoppedTask[],
    readonly causeText: string,
  ) {
    super(causeText);
  }
}

/** Errors while waiting are thrown as they are; errors of the wrap-up as WrapUpInterrupted. */
export async function followRolling(
  session: DeploySession,
  target: Target,
  previousArn: string | undefined,
  known?: Service,
): Promise<RollingEnd> {
  const { inputs, log } = session;
  log.info(
    `Waiting up to ${formatDuration(inputs.timeoutMs)} for deployment ${target.id}, polling every ${formatDuration(inputs.pollIntervalMs)}`,
  );
  const outcome: Outcome = await follow(session, target, inputs.timeoutMs, known);
  if (outcome.kind === 'paused') {
    const message = `${describeOutcome(session, outcome, target)} The step ends here (on-pause: return): continue it or roll it back with ecs-deploy-continue.`;
    log.info(message);
    const finalState = describeDeployment(outcome.deployment);
    return { status: 'paused', message, finalState, stoppedTasks: [], pause: outcome.pause };
  }
  if (outcome.kind === 'completed') {
    const message = `Deployment ${target.id} of ${shortTaskDefinition(target.taskDefinitionArn)} completed: ${countsOf(outcome.deployment)}.`;
    log.info(message);
    return { status: 'succeeded', message, finalState: describeDeployment(outcome.deployment), stoppedTasks: [] };
  }

  // It did not complete: say why, then leave the service on the last good version, unless a newer one replaced it.
  const cause = describeOutcome(session, outcome, target);
  log.warning(cause);
  // The wait is over. First the rollback decision, within its own budget (fresh reads, then the request); then
  // the report, within its own (it can only shorten itself); then the rollback, followed for up to `timeout`.
  let stoppedTasks: StoppedTask[] = [];
  let rolledBack: RollbackResult;
  session.timeline.phase(PHASES.rollback, true);
  try {
    // Out of time during a pause: the pause's own timeout action decides, not a rollback of ours.
    const whilePaused = outcome.kind === 'timed-out' ? session.pauses.noRollbackWhilePaused() : undefined;
    const start = whilePaused
      ? decided({ note: whilePaused })
      : await startRollback(session, outcome, target, previousArn, decisionBudget(session));
    stoppedTasks = await reportFailure(session, target, new ReportBudget(session));
    rolledBack = await finishRollback(start);
  } catch (error) {
    throw new WrapUpInterrupted(error, stoppedTasks, cause);
  }
  const { note, report: rollback } = rolledBack;
  log.info(note);
  return {
    status: statusAfterFailure(rolledBack, outcome.kind === 'timed-out'),
    message: `${cause} ${note}`,
    finalState: describeDeployment(outcome.deployment),
    stoppedTasks,
    ...(rollback ? { rollback } : {}),
  };
}
