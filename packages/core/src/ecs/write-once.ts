/**
 * A write (RegisterTaskDefinition, UpdateService) that must not be applied twice. The SDK retries a call whose
 * answer was lost as if nothing had happened, which registers another revision or starts another deployment; here
 * each attempt goes out once (the SDK's retries off), and before the next attempt `landed` asks ECS whether the
 * last one took effect after all.
 */
import { errorCode, isAbort, isTransient, NoAnswerError } from './aws-errors.js';
import type { EcsCallSession } from './call-session.js';

/** Attempts at one write, each after checking whether the one before landed. */
export const WRITE_ATTEMPTS = 5;
const WRITE_BACKOFF_MS = 1_000;

export interface WriteOnce<T> {
  /** The ECS operation, for the log. */
  operation: string;
  write: () => Promise<T>;
  /** What the write would have answered, when an earlier attempt took effect; undefined when none did. */
  landed: () => Promise<T | undefined>;
}

export async function writeOnce<T>(session: EcsCallSession, { operation, write, landed }: WriteOnce<T>): Promise<T> {
  const { log, deps } = session;
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt > 1) {
        const earlier = await landed();
        if (earlier !== undefined) {
          log.info(`An earlier ecs:${operation} attempt took effect (its answer was lost): not sending it again.`);
          return earlier;
        }
      }
      return await write();
    } catch (error) {
      // Cancelled or out of time: the caller finds out once what landed and says so.
      if (isAbort(error) || session.cancelled || error instanceof NoAnswerError) throw error;
      if (!isTransient(error) || attempt >= WRITE_ATTEMPTS) throw error;
      const backoff = WRITE_BACKOFF_MS * 2 ** (attempt - 1);
      log.warning(
        `ecs:${operation} attempt ${attempt}/${WRITE_ATTEMPTS} got no usable answer (${errorCode(error)}); checking whether it took effect before trying again in ${backoff / 1000}s.`,
      );
      await deps.sleep(backoff, deps.signal);
    }
  }
}
