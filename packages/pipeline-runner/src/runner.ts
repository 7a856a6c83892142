/**
 * Runs a workflow's jobs from their YAML locally, the way the GitHub runner would: `if:` conditions, contexts,
 * reusable workflow calls, our actions' committed bundles (with their post steps at job end, in reverse order),
 * `run:` steps with `bash -e`, GITHUB_OUTPUT/GITHUB_ENV/GITHUB_STEP_SUMMARY files, and small local stand-ins for
 * third-party actions (see stand-ins.ts). Everything runs on this machine: no containers.
 *
 * This class orders the jobs and opens each one; the phases live apart: run-context.ts (contexts and GITHUB_*
 * variables), workflow-calls.ts (dispatch and workflow_call inputs and outputs), job-steps.ts (the steps),
 * script-steps.ts (`run:`), action-steps.ts (`uses:` and post steps); runner-types.ts holds the types.
 */
import path from 'node:path';
import type { Job, ReusableWorkflowJob, WorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import { readAsRunner } from '@ecs-actions/core/testkit';
import { runPostSteps } from './action-steps.js';
import { enforceProtection } from './environment-protection.js';
import { type ExpressionContexts, evaluateCondition, type JobStatus } from './expressions.js';
import { runSteps } from './job-steps.js';
import { matrixStrategy } from './matrix.js';
import { type Permissions, parsePermissions, restrictPermissions } from './permissions.js';
import { concurrencyOf, expressionContexts, githubEnv, jobDirectories } from './run-context.js';
import type {
  CallFrame,
  JobOutcome,
  JobResult,
  JobRun,
  JobScope,
  PipelineRunnerOptions,
  RunnerEvent,
  RunnerServices,
  StandIn,
  StepContext,
  Trigger,
  WorkflowRun,
} from './runner-types.js';
import { builtInStandIns } from './stand-ins.js';
import { at, child, loadWorkflow, tokenStrings, tokenText, tokenValue } from './workflow.js';
import { calleeFile, callInputs, callOutputs, dispatchInputs, overallResult } from './workflow-calls.js';

export type { ProtectionOutcome } from './environment-protection.js';
export type {
  EnvironmentProtection,
  JobResult,
  JobRun,
  PipelineRunnerOptions,
  ReviewDecision,
  ReviewRequest,
  RunnerEvent,
  StepRun,
  Trigger,
  WorkflowRun,
} from './runner-types.js';

export class PipelineRunner {
  private readonly standIns: Record<string, StandIn>;
  /** Values the runner replaces with *** in logs: tokens, secrets, credentials, and `::add-mask::` values. */
  private readonly masks = new Set<string>();
  /** What the jobs' steps use of the runner. */
  private readonly services: RunnerServices;

  constructor(readonly options: PipelineRunnerOptions) {
    this.standIns = { ...builtInStandIns(), ...options.standIns };
    for (const value of [
      ...Object.values(options.secrets ?? {}),
      options.aws.credentials.AWS_SECRET_ACCESS_KEY,
      options.aws.credentials.AWS_SESSION_TOKEN,
    ]) {
      this.addMask(value);
    }
    this.services = {
      options,
      standIns: this.standIns,
      emit: (event) => this.emit(event),
      mask: (text) => this.mask(text),
    };
  }

  private addMask(value: string | undefined): void {
    if (value && value.length >= 4) this.masks.add(value);
  }

  /**
   * Replaces every masked value with ***, as the runner does in logs (values announced by add-mask first, read with
   * the runner's own rules: both command forms, nothing inside a stop-commands block; a stop token longer than six
   * characters is masked too, as the runner does).
   */
  mask(text: string): string {
    for (const command of readAsRunner(text).commands) {
      if (command.command === 'add-mask') this.addMask(command.message.trim());
      if (command.command === 'stop-commands' && command.message.length > 6) this.addMask(command.message);
    }
    let masked = text;
    for (const value of [...this.masks].sort((a, b) => b.length - a.length)) masked = masked.replaceAll(value, '***');
    return masked;
  }

  /** Runs every job of `workflowFile` (relative to the app repository's checkout or absolute) for `trigger`. */
  async run(workflowFile: string, trigger: Trigger): Promise<WorkflowRun> {
    const workflow = await loadWorkflow(workflowFile);
    const run: WorkflowRun = {
      workflow: workflow.name,
      runId: trigger.runId,
      runNumber: trigger.runNumber,
      conclusion: 'success',
      jobs: [],
      outputs: {},
    };
    const inputs = trigger.eventName === 'workflow_dispatch' ? dispatchInputs(workflow, trigger) : {};
    const results = await this.runJobs(
      { workflow, inputs, secrets: { ...this.options.secrets }, ceiling: undefined, prefix: '' },
      trigger,
      run,
    );
    for (const [id, job] of Object.entries(results)) run.outputs[id] = job.outputs;
    run.conclusion = overallResult(Object.values(results).map((j) => j.result));
    return run;
  }

  /** Runs the jobs of one workflow in `needs` order; returns each job's result and outputs. */
  private async runJobs(frame: CallFrame, trigger: Trigger, run: WorkflowRun): Promise<Record<string, JobOutcome>> {
    const results: Record<string, JobOutcome> = {};
    const pending = [...frame.workflow.template.jobs];
    while (pending.length > 0) {
      const index = pending.findIndex((job) => (job.needs ?? []).every((need) => need.value in results));
      if (index < 0) throw new Error(`${frame.workflow.file}: jobs with unmet or circular needs`);
      const [job] = pending.splice(index, 1) as [WorkflowJob];
      const needs = Object.fromEntries(
        (job.needs ?? []).map((need) => [need.value, results[need.value] as { result: JobResult; outputs: object }]),
      );
      const jobStatus: JobStatus = { failed: Object.values(needs).some((n) => n.result !== 'success') };
      const contexts = this.contexts(frame, trigger, { needs });
      const id = job.id.value;
      const runIf = evaluateCondition(job.if.expression, contexts, jobStatus);
      if (!runIf) {
        results[id] = { result: 'skipped', outputs: {} };
        run.jobs.push({
          id: frame.prefix + id,
          name: tokenText(job.name, contexts) || id,
          workflow: frame.workflow.name,
          result: 'skipped',
          permissions: {},
          outputs: {},
          steps: [],
        });
        continue;
      }
      const strategy = matrixStrategy(id, tokenValue(job.strategy, contexts));
      const legs = strategy?.legs ?? [{ matrix: undefined, name: id }];
      const outcomes: JobOutcome[] = [];
      for (const leg of legs) {
        const outcome =
          job.type === 'reusableWorkflowJob'
            ? await this.callWorkflow(frame, job, trigger, run, { ...contexts, matrix: leg.matrix }, leg.name)
            : await this.runJob(frame, job, trigger, run, needs, leg);
        outcomes.push(outcome);
        if (strategy?.failFast && outcome.result === 'failure') break;
      }
      // A matrix job's outputs are those of the legs, the last one's winning where they name the same output.
      results[id] = {
        result: overallResult(outcomes.map((o) => o.result)),
        outputs: Object.assign({}, ...outcomes.map((o) => o.outputs)),
      };
    }
    return results;
  }

  private jobPermissions(frame: CallFrame, jobId: string): Permissions {
    const raw = frame.workflow.raw;
    const own = parsePermissions(at(raw, 'jobs', jobId, 'permissions') ?? child(raw, 'permissions'));
    return restrictPermissions(own, frame.ceiling);
  }

  private async callWorkflow(
    frame: CallFrame,
    job: ReusableWorkflowJob,
    trigger: Trigger,
    run: WorkflowRun,
    contexts: ExpressionContexts,
    name: string,
  ): Promise<JobOutcome> {
    const callee = await loadWorkflow(calleeFile(this.options.root, frame, job.ref.value));
    const inputs = callInputs(job, callee, contexts, () => this.contexts(frame, trigger, {}));
    const secrets = job['inherit-secrets'] ? { ...frame.secrets } : tokenStrings(job['secret-values'], contexts);
    const permissions = this.jobPermissions(frame, job.id.value);
    const prefix = `${frame.prefix}${name}/`;
    const results = await this.runJobs(
      { workflow: callee, inputs, secrets, ceiling: permissions, prefix },
      trigger,
      run,
    );
    const jobsContext = Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r]));
    const calleeContexts = this.contexts({ ...frame, workflow: callee, inputs }, trigger, { jobs: jobsContext });
    const outputs = callOutputs(callee, calleeContexts);
    return { result: overallResult(Object.values(results).map((r) => r.result)), outputs };
  }

  private contexts(frame: CallFrame, trigger: Trigger, extra: ExpressionContexts, token?: string): ExpressionContexts {
    return expressionContexts(this.options, frame, trigger, extra, token);
  }

  private emit(event: RunnerEvent): void {
    this.options.onEvent?.(event.type === 'output' ? { ...event, text: this.mask(event.text) } : event);
  }

  private async runJob(
    frame: CallFrame,
    job: Job,
    trigger: Trigger,
    run: WorkflowRun,
    needs: Record<string, unknown>,
    leg: { matrix: Record<string, unknown> | undefined; name: string },
  ): Promise<JobOutcome> {
    const scope = await this.openJob(frame, job, trigger, needs, leg);
    const { jobRun } = scope;
    run.jobs.push(jobRun);
    const { environment } = scope;
    this.emit({ type: 'job-start', job: scope.id, name: jobRun.name, ...(environment ? { environment } : {}) });
    if (environment) {
      const request = { environment, job: scope.id, workflow: frame.workflow.name, trigger };
      const protection = await enforceProtection(this.options, request);
      if (Object.keys(protection).length > 0) {
        jobRun.protection = protection;
        this.emit({ type: 'protection', job: scope.id, environment, outcome: protection });
      }
      if (protection.refused) {
        // Refused before it started: no step ran, the job fails and so does the run.
        jobRun.result = 'failure';
        this.emit({ type: 'job-end', job: scope.id, result: jobRun.result });
        return { result: jobRun.result, outputs: {} };
      }
    }
    await runSteps(this.services, scope, job, at(frame.workflow.raw, 'jobs', job.id.value, 'steps'));
    await runPostSteps(this.services, scope);
    jobRun.result = scope.status.failed ? 'failure' : 'success';
    jobRun.outputs = tokenStrings(job.outputs, scope.contexts());
    this.emit({ type: 'job-end', job: scope.id, result: jobRun.result });
    return { result: jobRun.result, outputs: jobRun.outputs };
  }

  /** A job's token, directories, contexts and environment, and its record (not yet added to the run). */
  private async openJob(
    frame: CallFrame,
    job: Job,
    trigger: Trigger,
    needs: Record<string, unknown>,
    leg: { matrix: Record<string, unknown> | undefined; name: string },
  ): Promise<JobScope> {
    const jobId = frame.prefix + leg.name;
    const permissions = this.jobPermissions(frame, job.id.value);
    // A token of its own, carrying exactly the job's permissions, masked like GitHub masks GITHUB_TOKEN.
    const token = this.options.issueToken(permissions);
    this.addMask(token);
    const { runnerDir, workspace, temp, eventPath } = await jobDirectories(trigger);
    const steps: Record<string, StepContext> = {};
    const jobEnv: Record<string, string> = {};
    // Inside a job that runs in an environment, vars.* are the environment's variables over the repository's.
    let environmentVars: Record<string, string> = {};
    const base = () => {
      const contexts = this.contexts(
        frame,
        trigger,
        { needs, steps, ...(leg.matrix ? { matrix: leg.matrix } : {}) },
        token,
      );
      return {
        ...contexts,
        vars: { ...(contexts.vars as Record<string, string>), ...environmentVars },
        runner: { temp, os: 'Linux', arch: 'X64', name: 'local', tool_cache: path.join(runnerDir, 'tool-cache') },
        job: { status: status.failed ? 'failure' : 'success' },
      };
    };
    const status: JobStatus = { failed: false };
    const environment = job.environment
      ? tokenText(child(job.environment, 'name') ?? job.environment, base())
      : undefined;
    environmentVars = (environment && this.options.environmentVars?.[environment]) || {};
    const workflowEnv = tokenStrings(frame.workflow.template.env, base());
    Object.assign(jobEnv, workflowEnv, tokenStrings(job.env, { ...base(), env: workflowEnv }));
    const concurrency = concurrencyOf(tokenValue(job.concurrency, base()));
    const timeoutMinutes = tokenValue(at(frame.workflow.raw, 'jobs', job.id.value, 'timeout-minutes'), base());
    const jobRun: JobRun = {
      id: jobId,
      name: tokenText(job.name, base()) || leg.name,
      workflow: frame.workflow.name,
      result: 'success',
      ...(environment ? { environment } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(timeoutMinutes != null ? { timeoutMinutes: Number(timeoutMinutes) } : {}),
      permissions,
      outputs: {},
      steps: [],
      workspace,
    };
    const place = { job: job.id.value, eventPath, workspace, temp };
    return {
      id: jobId,
      trigger,
      workspace,
      temp,
      token,
      permissions,
      environment,
      env: jobEnv,
      steps,
      status,
      jobRun,
      posts: [],
      contexts: base,
      githubEnv: (stepId) => githubEnv(this.options, frame, trigger, { ...place, stepId }),
    };
  }
}
