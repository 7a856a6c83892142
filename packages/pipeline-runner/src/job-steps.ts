/**
 * A job's steps, in order: each one's `if:`, name and `env:`, then its `run:` script or `uses:` action, and what it
 * leaves for the next ones (outputs, outcome and conclusion, GITHUB_ENV values, the job's failure).
 */
import path from 'node:path';
import type { ActionStep, Job, RunStep, Step } from '@actions/workflow-parser/model/workflow-template';
import { inputEnv, runAction } from './action-steps.js';
import { type ExpressionContexts, evaluateCondition } from './expressions.js';
import type { JobScope, RunnerServices, StepInvocation, StepRun } from './runner-types.js';
import { runScript } from './script-steps.js';
import { at, type TemplateToken, tokenStrings, tokenText } from './workflow.js';

/** The steps the local runner runs: `run:` and `uses:`. */
type RunnableStep = RunStep | ActionStep;

/** What one step is run with. */
interface StepSetting {
  stepId: string;
  record: StepRun;
  /** The job's contexts when the step began. */
  contexts: ExpressionContexts;
  /** The job's env with the step's own `env:` over it. */
  env: Record<string, string>;
  processEnv: Record<string, string>;
}

export async function runSteps(
  services: RunnerServices,
  scope: JobScope,
  job: Job,
  rawSteps: TemplateToken | undefined,
): Promise<void> {
  for (const [index, step] of job.steps.entries()) {
    if (!('uses' in step) && !('run' in step)) throw new Error(`${scope.id}: unsupported step kind`);
    await runStep(services, scope, step, index, rawSteps);
  }
}

async function runStep(
  services: RunnerServices,
  scope: JobScope,
  step: RunnableStep,
  index: number,
  rawSteps: TemplateToken | undefined,
): Promise<void> {
  const stepId = step.id || `__step${index}`;
  const contexts = scope.contexts();
  const stepEnvValues = tokenStrings(step.env, { ...contexts, env: scope.env });
  const env = { ...scope.env, ...stepEnvValues };
  const name = stepName(step, { ...contexts, env });
  const record: StepRun = {
    id: stepId,
    name,
    ...('uses' in step ? { uses: step.uses.value } : {}),
    post: false,
    outcome: 'skipped',
    conclusion: 'skipped',
    outputs: {},
    inputs: {},
    log: '',
    summary: '',
    errors: [],
    warnings: [],
    notices: [],
    exitCode: null,
  };
  const condition = step.if?.expression ?? 'success()';
  if (!evaluateCondition(condition, { ...contexts, env }, scope.status)) {
    scope.steps[stepId] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
    scope.jobRun.steps.push(record);
    services.emit({ type: 'step-end', job: scope.id, step: record });
    return;
  }
  services.emit({ type: 'step-start', job: scope.id, step: stepId, name });
  const setting: StepSetting = { stepId, record, contexts, env, processEnv: { ...scope.githubEnv(stepId), ...env } };
  let result: StepInvocation;
  try {
    result = await invokeStep(services, scope, step, index, rawSteps, setting);
  } catch (error) {
    result = {
      exitCode: 1,
      outputs: {},
      log: `${error instanceof Error ? error.message : String(error)}\n`,
      summary: '',
      env: {},
      errors: [error instanceof Error ? error.message : String(error)],
      warnings: [],
      notices: [],
    };
  }
  recordResult(services, scope, step, setting, result);
}

/** Runs the step's script or action. */
async function invokeStep(
  services: RunnerServices,
  scope: JobScope,
  step: RunnableStep,
  index: number,
  rawSteps: TemplateToken | undefined,
  { stepId, record, contexts, env, processEnv }: StepSetting,
): Promise<StepInvocation> {
  if ('run' in step) {
    const script = tokenText(step.run, { ...contexts, env });
    const shell = tokenText(at(rawSteps, index, 'shell'), { ...contexts, env }) || undefined;
    const directory = tokenText(at(rawSteps, index, 'working-directory'), { ...contexts, env });
    return runScript({
      script,
      shell,
      env: processEnv,
      workspace: path.resolve(scope.workspace, directory),
      temp: scope.temp,
      timeoutMs: services.options.stepTimeoutMs ?? 300_000,
      onOutput: (text) => services.emit({ type: 'output', job: scope.id, step: stepId, text }),
    });
  }
  const withToken = at(rawSteps, index, 'with');
  const given = tokenStrings(withToken, { ...contexts, env });
  const result = await runAction(services, step.uses.value, given, {
    processEnv,
    contexts: { ...contexts, env },
    status: scope.status,
    workspace: scope.workspace,
    temp: scope.temp,
    trigger: scope.trigger,
    token: scope.token,
    permissions: scope.permissions,
    ...(scope.environment ? { environment: scope.environment } : {}),
    jobId: scope.id,
    stepId,
    onPost: (bundle, state, inputs) =>
      scope.posts.push({ step: record, bundle, env: { ...processEnv, ...inputEnv(inputs) }, state }),
  });
  record.inputs = result.inputs ?? {};
  return result;
}

/** The step's outcome and conclusion (continue-on-error), masked log, and what it leaves to the job. */
function recordResult(
  services: RunnerServices,
  scope: JobScope,
  step: RunnableStep,
  { stepId, record, contexts }: StepSetting,
  result: StepInvocation,
): void {
  record.exitCode = result.exitCode;
  record.outcome = result.exitCode === 0 ? 'success' : 'failure';
  const continueOnError = step['continue-on-error'];
  const tolerated =
    typeof continueOnError === 'boolean'
      ? continueOnError
      : continueOnError !== undefined && tokenText(continueOnError, contexts) === 'true';
  record.conclusion = record.outcome === 'failure' && tolerated ? 'success' : record.outcome;
  record.outputs = result.outputs;
  record.log = services.mask(result.log);
  record.summary = result.summary;
  record.errors = result.errors.map((e) => services.mask(e));
  record.warnings = result.warnings;
  record.notices = result.notices;
  Object.assign(scope.env, result.env);
  if (record.conclusion === 'failure') scope.status.failed = true;
  scope.steps[stepId] = { outputs: result.outputs, outcome: record.outcome, conclusion: record.conclusion };
  scope.jobRun.steps.push(record);
  services.emit({ type: 'step-end', job: scope.id, step: record });
}

function stepName(step: Step, contexts: ExpressionContexts): string {
  if (step.name) return tokenText(step.name, contexts);
  if ('uses' in step) return `Run ${step.uses.value}`;
  if ('run' in step) {
    const text = 'value' in step.run ? String(step.run.value) : step.run.toString();
    return `Run ${text.split('\n')[0] ?? ''}`;
  }
  return step.id;
}
