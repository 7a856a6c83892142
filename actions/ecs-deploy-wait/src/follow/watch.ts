/**
 * The one watch loop every follower (rolling, native staged, CodeDeploy) shares: read the state every poll
 * interval until the judge says how it ended or the time is up. Transient API errors (after the SDK's own retries)
 * back off and are tolerated MAX_TRANSIENT_ERRORS polls in a row; every read is bounded by the deadline plus one
 * poll, so a call that never answers ends the wait as timed out, not as a hang.
 */
import { errorMessage, formatDuration, poll } from '@ecs-actions/core';
import { AwsRetriesExhaustedError, errorCode, isTransient, NoAnswerError } from '../aws-errors.js';
import type { CallLimits, DeploySession } from '../session.js';

/** How many transient errors (after the SDK's own retries) in a row the wait tolerates. */
export const MAX_TRANSIENT_ERRORS = 6;
const MAX_BACKOFF_MS = 60_000;

export interface Watch<State, Result> {
  /** The call each poll makes, as IAM names it, e.g. "ecs:DescribeServices", "codedeploy:GetDeployment". */
  operation: string;
  timeoutMs: number;
  /** One read of the state, bounded by `limits`. */
  read(limits: CallLimits): Promise<State>;
  /** The state an answer just received showed: the first poll uses it instead of reading at once. */
  known?: State;
  /** How the watch ended, or undefined to keep waiting. Prints progress as it likes. */
  judge(state: State): Result | undefined | Promise<Result | undefined>;
  /** The result when time ran out; `stalled` says which call did not answer, when that ended it. */
  timedOut(stalled?: string): Result;
}

export async function watch<State, Result>(session: DeploySession, w: Watch<State, Result>): Promise<Result> {
  const { clock, sleep, signal } = session.deps;
  const { pollIntervalMs } = session.inputs;
  const deadline = clock.now() + w.timeoutMs;
  let transientErrors = 0;
  const result = await poll<Result>({
    intervalMs: pollIntervalMs,
    timeoutMs: w.timeoutMs,
    clock,
    sleep,
    ...(signal ? { signal } : {}),
    check: async (attempt) => {
      let state: State;
      try {
        state =
          attempt === 1 && w.known !== undefined
            ? w.known
            : await w.read({ withinMs: Math.max(0, deadline - clock.now()) + pollIntervalMs });
        transientErrors = 0;
      } catch (error) {
        if (error instanceof NoAnswerError) return w.timedOut(error.message);
        if (!isTransient(error)) throw error;
        transientErrors++;
        if (transientErrors > MAX_TRANSIENT_ERRORS) {
          const detail = error instanceof AwsRetriesExhaustedError ? error.detail : errorMessage(error);
          throw new AwsRetriesExhaustedError(
            `${w.operation} kept failing with ${errorCode(error)} (${detail}) ${transientErrors} polls in a row, after the SDK's own retries.`,
            errorCode(error),
            detail,
          );
        }
        const backoff = Math.min(
          pollIntervalMs * 2 ** transientErrors,
          MAX_BACKOFF_MS,
          Math.max(0, deadline - clock.now()),
        );
        session.log.warning(
          `[${session.elapsed()}] ${w.operation} failed with ${errorCode(error)} (transient, ${transientErrors}/${MAX_TRANSIENT_ERRORS}); trying again in ${formatDuration(backoff)}`,
        );
        await sleep(backoff, signal);
        return undefined;
      }
      return w.judge(state);
    },
  });
  return result.status === 'done' ? result.value : w.timedOut();
}
