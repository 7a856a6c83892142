// The ECS call errors live in core (shared with ecs-run-task); the phases of a deploy import them from here.

import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { AwsCallError, AwsRetriesExhaustedError, isAbort, NoAnswerError } from '@ecs-actions/core/ecs';

export { sentence } from '@ecs-actions/core';
export {
  AwsCallError,
  AwsRetriesExhaustedError,
  CancelledWriteError,
  errorCode,
  explainAwsError,
  isAbort,
  isTransient,
  isUnavailable,
  NoAnswerError,
} from '@ecs-actions/core/ecs';

/** A write whose outcome is unknown: cancelled, not answered in time, or still failing after the retries. */
export function isUnanswered(error: unknown): boolean {
  return isAbort(error) || error instanceof NoAnswerError || error instanceof AwsRetriesExhaustedError;
}

/** The same error, its message followed by what this step had already done. */
export function withWhatWasDone(error: unknown, done: string): unknown {
  if (error instanceof AwsCallError) return new AwsCallError(`${error.message} ${done}`, error.code, error.operation);
  if (error instanceof ConfigurationError) return new ConfigurationError(`${error.message} ${done}`);
  const wrapped = new Error(`${errorMessage(error)} ${done}`);
  if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.message}\n${error.stack}`;
  return wrapped;
}
