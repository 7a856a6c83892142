// Not bundled: runs our workflows locally, as the GitHub runner would, for the end-to-end tests and the demo.
export { type AppRepo, adaptedTaskDefinition, createAppRepo, SEED_TASK_DEFINITION } from './app-repo.js';
export { REFUSED_DEPLOYMENT, refAllowed } from './environment-protection.js';
export { asText, type ExpressionContexts, evaluate, evaluateCondition, evaluateTemplate } from './expressions.js';
export { ourRepository } from './our-repository.js';
export { type Permissions, parsePermissions, restrictPermissions } from './permissions.js';
export {
  adoptTemplate,
  assertTriggers,
  type CiRun,
  createPipeline,
  type Pipeline,
  type PipelineSetup,
  simulatorTokens,
} from './pipeline.js';
export {
  type EnvironmentProtection,
  type JobResult,
  type JobRun,
  PipelineRunner,
  type PipelineRunnerOptions,
  type ProtectionOutcome,
  type ReviewDecision,
  type ReviewRequest,
  type RunnerEvent,
  type StepRun,
  type Trigger,
  type WorkflowRun,
} from './runner.js';
export {
  builtInStandIns,
  oidcSubject,
  type StandIn,
  type StandInContext,
  type StandInResult,
  seededEcrPush,
} from './stand-ins.js';
export { unzip } from './unzip.js';
export { type LoadedWorkflow, loadWorkflow, WorkflowError } from './workflow.js';
