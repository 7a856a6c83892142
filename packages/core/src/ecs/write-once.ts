/**
 * A write (RegisterTaskDefinition, UpdateService, CodeDeploy CreateDeployment) that must not be applied twice. The
 * SDK retries a call whose answer was lost as if nothing had happened, which registers another revision or starts
 * another deployment; here each attempt goes out once (the SDK's retries off). A write AWS refused before doing
 * anything (throttled) is sent again after a backoff. One whose answer was lost (reset, 5xx, no answer) is sent again
 * only once `landed` has looked and found that it did not take effect; while looking fails, nothing is written.
 */
import { THROTTLING_CODES } from '../aws-errors.js';
import { errorMessage } from '../errors.js';
import { errorCode, isAbort, isTransient, NoAnswerError } from './aws-errors.js';
import type { EcsCallSession } from './call-session.js';

/** Attempts at one write (and looks at what landed between them). */
export const WRITE_ATTEMPTS = 5;
const WRITE_BACKOFF_MS = 1_000;

export interface WriteOnce<T> {
  /** The operation, for the log: bare for ECS (`UpdateService`), else as IAM names it (`codedeploy:…`). */
  operation: string;
  write: () => Promise<T>;
  /**
   * What the write would have answered, when an earlier attempt took effect; undefined only when it certainly did
   * not (throws when it cannot tell).
   */
  landed: () => Promise<T | undefined>;
  /** Also look and try again after an attempt that got no answer in its time (default: such an attempt ends it). */
  retryUnanswered?: boolean;
}

/** The write's answer was lost and looking could not tell whether it took effect: it is not sent again. */
export class UnknownOutcomeError extends NoAnswerError {
  constructor(operation: string, reason: string) {
    super(operation, 0);
    this.message = `${operation.includes(':') ? operation : `ecs:${operation}`} lost its answer, and whether it took effect could not be found out (${reason}); it was not sent again`;
  }
}

/** AWS refused the call before doing anything: it certainly did not take effect. */
export const certainlyNotApplied = (error: unknown) => THROTTLING_CODES.has(errorCode(error));

export async function writeOnce<T>(session: EcsCallSession, spec: WriteOnce<T>): Promise<T> {
  const { log, deps } = session;
  const name = spec.operation.includes(':') ? spec.operation : `ecs:${spec.operation}`;
  let unsure = false;
  for (let attempt = 1; ; attempt++) {
    if (unsure) {
      const earlier = await lookBeforeWriting(session, spec, attempt);
      if (earlier !== undefined) {
        log.info(`An earlier ${name} attempt took effect (its answer was lost): not sending it again.`);
        return earlier;
      }
    }
    try {
      return await spec.write();
    } catch (error) {
      // Cancelled, or out of time: the caller finds out once what landed and says so.
      if (isAbort(error) || session.cancelled) throw error;
      const unanswered = error instanceof NoAnswerError;
      if (unanswered ? !spec.retryUnanswered : !isTransient(error)) throw error;
      if (attempt >= WRITE_ATTEMPTS) throw error;
      unsure = !certainlyNotApplied(error);
      const backoff = WRITE_BACKOFF_MS * 2 ** (attempt - 1);
      log.warning(
        unsure
          ? `${name} attempt ${attempt}/${WRITE_ATTEMPTS} got no usable answer (${unanswered ? 'no answer in time' : errorCode(error)}); looking whether it took effect before trying again in ${backoff / 1000}s.`
          : `${name} attempt ${attempt}/${WRITE_ATTEMPTS} was refused (${errorCode(error)}) before taking effect; trying again in ${backoff / 1000}s.`,
      );
      await deps.sleep(backoff, deps.signal);
    }
  }
}

/**
 * Whether an earlier attempt took effect; a look that fails is repeated (with the write's backoff), and when it
 * never answers the write is not sent again.
 */
async function lookBeforeWriting<T>(
  session: EcsCallSession,
  spec: WriteOnce<T>,
  attempt: number,
): Promise<T | undefined> {
  const { deps } = session;
  for (let look = attempt; ; look++) {
    try {
      return await spec.landed();
    } catch (error) {
      if (isAbort(error) || session.cancelled) throw error;
      if (!isTransient(error) || look >= WRITE_ATTEMPTS) {
        throw new UnknownOutcomeError(spec.operation, errorMessage(error));
      }
      await deps.sleep(WRITE_BACKOFF_MS * 2 ** (look - 1), deps.signal);
    }
  }
}
