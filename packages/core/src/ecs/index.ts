// What the ECS actions share (ecs-deploy-wait, ecs-run-task): calling ECS, the task definition file, the containers'
// log lines. A subpath of its own, so that the actions without ECS do not bundle it. Nothing here loads the ECS SDK
// (type imports only): an action's entry reads its inputs with it before the SDK is loaded. The registration,
// which does, is `@ecs-actions/core/ecs/register`.
export {
  AwsCallError,
  AwsRetriesExhaustedError,
  CancelledWriteError,
  type ErrorContext,
  errorCode,
  explainAwsError,
  isAbort,
  isTransient,
  isUnavailable,
  NoAnswerError,
} from './aws-errors.js';
export {
  type CallLimits,
  CHECK_TIMEOUT_MS,
  type EcsCallDeps,
  EcsCallSession,
  type EcsCallTarget,
} from './call-session.js';
export {
  type AwslogsConfig,
  awslogsConfigs,
  type ContainerLogs,
  containerLogsMarkdown,
  formatContainerLogs,
  getLogEvents,
  LOG_LINES_SHOWN,
  type LogEventsPage,
  type LogsClientFor,
  lastLogLines,
  linesOf,
  logStreamOf,
  logsClients,
  logsReadProblem,
  noPrefixNote,
} from './container-logs.js';
export { readTaskDefinitionFile } from './task-definition-file.js';
export {
  imagesOf,
  imageVersion,
  normalizeTaskDefinition,
  type RenderedTaskDefinition,
  sameTaskDefinition,
  shortTaskDefinition,
  type TaskDefinitionFile,
  toRegisterRequest,
} from './taskdef.js';
export { type Change, diffTable, diffTaskDefinitions, formatDiff } from './taskdef-diff.js';
export {
  certainlyNotApplied,
  UnknownOutcomeError,
  WRITE_ATTEMPTS,
  type WriteOnce,
  writeOnce,
} from './write-once.js';
