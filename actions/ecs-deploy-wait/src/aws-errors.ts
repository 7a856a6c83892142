// The ECS call errors live in core (shared with ecs-run-task); the phases of a deploy import them from here.

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
