/**
 * StopServiceDeployment with stopType ROLLBACK, applied once: ECS rolls the service deployment back to the previous
 * service revision (its task definition and its settings). Sent with the SDK's retries off: a stop that was not
 * answered, or answered throttled or 5xx, is looked at (DescribeServiceDeployments) before it is sent again. The
 * staged rollback (rollback-staged.ts) and the rolling one (rollback-revision.ts) both ask ECS through here.
 */
import { type ServiceDeployment, StopServiceDeploymentCommand } from '@aws-sdk/client-ecs';
import { CancelledWriteError, errorCode, isAbort, isUnanswered } from './aws-errors.js';
import { describeServiceDeployment } from './follow/staged.js';
import type { DeploySession } from './session.js';
import type { Budget } from './wrap-up.js';

/** What came of the stop. */
export type StopAnswer =
  /** ECS accepted it (or an earlier try landed): the service deployment is rolling back, or has. */
  | { kind: 'rolling-back' }
  /** ECS refused it (denied, invalid, not supported): nothing changed. */
  | { kind: 'refused'; error: unknown }
  /** No answer in STOP_ATTEMPTS tries, and the service deployment shows no rollback. */
  | { kind: 'unanswered'; error: unknown; attempts: number; now: ServiceDeployment | undefined }
  /** ConflictException: the service deployment had ended (or cannot be stopped) before the stop. */
  | { kind: 'ended'; now: ServiceDeployment | undefined };

export async function stopWithRollback(session: DeploySession, arn: string, budget: Budget): Promise<StopAnswer> {
  for (let attempt = 1; ; attempt++) {
    try {
      await session.call(
        'StopServiceDeployment',
        (o) =>
          session.deps.ecsSingleAttempt.send(
            new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }),
            o,
          ),
        budget.write(),
      );
      return { kind: 'rolling-back' };
    } catch (error) {
      if (session.cancelled || (isAbort(error) && !isUnanswered(error))) {
        throw new CancelledWriteError(
          'asking ECS to roll back (StopServiceDeployment)',
          `whether ECS started the rollback of service deployment ${arn} is unknown; look at it in the console`,
        );
      }
      const unanswered = isUnanswered(error);
      if (!unanswered && errorCode(error) !== 'ConflictException') return { kind: 'refused', error };
      // An unanswered stop may have landed (and a repeated one answers ConflictException): look before deciding.
      const now = await describeServiceDeployment(session, arn, budget.write()).catch(() => undefined);
      if (now?.status && ROLLING_BACK.has(now.status)) return { kind: 'rolling-back' };
      if (unanswered && attempt < STOP_ATTEMPTS && (now === undefined || STILL_GOING.has(now.status ?? ''))) continue;
      if (unanswered) return { kind: 'unanswered', error, attempts: attempt, now };
      return { kind: 'ended', now };
    }
  }
}

/** A stop that landed: ECS is rolling the service deployment back (or has). */
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
/** A service deployment an unanswered stop has not reached yet: asking again is safe (a repeat is refused). */
const STILL_GOING = new Set(['PENDING', 'IN_PROGRESS']);
/** StopServiceDeployment tries when it goes unanswered; each within the write's own share of the budget. */
const STOP_ATTEMPTS = 3;
