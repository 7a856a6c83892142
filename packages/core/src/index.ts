export {
  type AwsClientConfig,
  type AwsClientOptions,
  awsClientConfig,
  awsRegion,
  createAwsClient,
  requestTimeoutWithin,
} from './aws.js';
export {
  type AwsCallContext,
  awsErrorCode,
  explainAccessError,
  isAccessDenied,
  isAccessError,
  sentence,
  THROTTLING_CODES,
} from './aws-errors.js';
export { keepRawResponse, type RawResponse, rawMember, sendAsWritten, wireBody } from './aws-wire.js';
export { ConfigurationError, errorMessage, invalidInput, quoteValue } from './errors.js';
export { inOrder } from './in-order.js';
export {
  formatDuration,
  InputReader,
  type InputSource,
  inputEnvName,
  inputsFrom,
  type KeyValueEntry,
  parseDuration,
  parseInteger,
  runnerInputs,
} from './inputs.js';
export {
  formatJson,
  type JsonParse,
  type JsonSyntaxProblem,
  jsonProblemMessage,
  locateJsonError,
  parseJsonText,
} from './json-text.js';
export * as log from './log.js';
export {
  type GanttChart,
  type GanttSection,
  type GanttTask,
  MERMAID_GANTT_MAX_TASKS,
  MERMAID_LABEL_MAX,
  mermaidGantt,
  mermaidText,
} from './mermaid.js';
export {
  CONTROL_CHARACTERS,
  markdownCell,
  markdownCode,
  markdownTable,
  markdownText,
  type OutputValue,
  setOutputs,
  writeSummary,
} from './outputs.js';
export { type ActionSteps, jobCancelSignal, reportFailure, runAction, StepState } from './run.js';
export { type AnnotationProperties, plainTextEcho, runner, runnerLines, writePlainText } from './runner.js';
export {
  DESCRIBE_ONLY_FIELDS,
  TASK_DEFINITION_MAX_BYTES,
  taskDefinitionBytes,
  taskDefinitionSizeProblem,
} from './task-definition.js';
export {
  type Clock,
  ManualClock,
  type PollOptions,
  type PollResult,
  poll,
  realSleep,
  type Sleep,
  systemClock,
} from './time.js';
export { ECS_ACTIONS_VERSION } from './version.js';
export {
  displayPath,
  type InputPath,
  type PathRoot,
  type ReadOptions,
  type ResolvedPath,
  readInputFile,
  resolveInputPath,
} from './workspace-path.js';
