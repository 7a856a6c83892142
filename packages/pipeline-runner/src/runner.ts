/**
 * Runs a workflow's jobs from their YAML locally, the way the GitHub runner would: `if:` conditions, contexts,
 * reusable workflow calls, our actions' committed bundles (with their post steps at job end, in reverse order),
 * `run:` steps with `bash -e`, GITHUB_OUTPUT/GITHUB_ENV/GITHUB_STEP_SUMMARY files, and small local stand-ins for
 * third-party actions (see stand-ins.ts). Everything runs on this machine: no containers.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Job, ReusableWorkflowJob, Step, WorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import { type BundleRun, parseFileCommands, parseWorkflowCommands, runBundle } from '@ecs-actions/core/testkit';
import { parse as parseYaml } from 'yaml';
import { asText, type ExpressionContexts, evaluateCondition, evaluateTemplate, type JobStatus } from './expressions.js';
import { escapeRegExp, ourRepository } from './our-repository.js';
import { type Permissions, parsePermissions, permissionLevel, restrictPermissions } from './permissions.js';
import { builtInStandIns, type StandIn, type StandInResult } from './stand-ins.js';
import {
  at,
  child,
  entries,
  type LoadedWorkflow,
  loadWorkflow,
  tokenStrings,
  tokenText,
  tokenValue,
} from './workflow.js';

/** What the workflow run is about: the event, and the github context fields that go with it. */
export interface Trigger {
  eventName: 'push' | 'workflow_run' | 'workflow_dispatch' | string;
  payload: Record<string, unknown>;
  /** github.sha: for workflow_run and workflow_dispatch the default branch's newest commit. */
  sha: string;
  ref?: string;
  runId: number;
  runNumber: number;
  /** workflow_dispatch inputs. */
  inputs?: Record<string, string>;
  actor?: string;
}

export interface PipelineRunnerOptions {
  /** The ecs-actions repository: `actions/<name>` and `.github/workflows/<file>`. */
  root: string;
  /** The application repository the workflows run for. */
  owner: string;
  repo: string;
  /** A local git repository with the application's history; actions/checkout clones it. */
  appRepoDir: string;
  /** Repository variables (`vars`) and secrets. */
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  /** GITHUB_API_URL the steps talk to. */
  apiUrl: string;
  /** The job's GITHUB_TOKEN when the job has `contents: write`, and when it has only read access. */
  tokens: { write: string; read: string };
  /** Each GitHub environment's own variables (Settings → Environments), by environment name. */
  environmentVars?: Record<string, Record<string, string>>;
  /** What the runner machine has in its environment (DOCKER_HOST, AWS endpoints). Not the AWS credentials. */
  machineEnv?: Record<string, string>;
  /**
   * What configure-aws-credentials exports once the role is assumed. With `trustedSubjects` (the `sub` values the
   * role's trust policy allows), the stand-in refuses a job whose OIDC subject is not among them, as STS would.
   */
  aws: { accountId: string; credentials: Record<string, string>; trustedSubjects?: readonly string[] };
  /** Artifact storage of the GitHub side (uploads of a run). */
  uploadArtifact(input: { runId: number; name: string; files: Record<string, string>; headSha: string }): void;
  /**
   * Defaults that replace an action's action.yml defaults when `with:` does not set the input, e.g.
   * `{ 'ecs-deploy-wait': { 'poll-interval': '1s' } }` to follow an accelerated simulator closely. Test knob.
   */
  inputDefaults?: Record<string, Record<string, string>>;
  /** Stand-ins by `uses` without the `@ref` (e.g. `ecs-actions/ecs-actions/ecr-push`); they win over bundles. */
  standIns?: Record<string, StandIn>;
  /** Called as the run progresses (the demo prints these). */
  onEvent?: (event: RunnerEvent) => void;
  /** Per-step time limit; default 5 minutes. */
  stepTimeoutMs?: number;
}

export type RunnerEvent =
  | { type: 'job-start'; job: string; name: string; environment?: string }
  | { type: 'job-end'; job: string; result: JobResult }
  | { type: 'step-start'; job: string; step: string; name: string }
  | { type: 'step-end'; job: string; step: StepRun }
  | { type: 'output'; job: string; step: string; text: string };

export type JobResult = 'success' | 'failure' | 'skipped';

export interface StepRun {
  id: string;
  name: string;
  uses?: string;
  post: boolean;
  outcome: 'success' | 'failure' | 'skipped';
  conclusion: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** The inputs the step got (action steps). */
  inputs: Record<string, string>;
  log: string;
  summary: string;
  errors: string[];
  warnings: string[];
  notices: string[];
  exitCode: number | null;
}

export interface JobRun {
  /** `deploy`, or `deploy/deploy` for a job of a called workflow. */
  id: string;
  name: string;
  workflow: string;
  result: JobResult;
  environment?: string;
  /** The evaluated `concurrency:` of the job (recorded; runs here are sequential anyway). */
  concurrency?: { group: string; cancelInProgress: boolean };
  permissions: Permissions;
  outputs: Record<string, string>;
  steps: StepRun[];
  workspace?: string;
}

export interface WorkflowRun {
  workflow: string;
  runId: number;
  runNumber: number;
  conclusion: 'success' | 'failure' | 'skipped';
  jobs: JobRun[];
  /** The outputs of each top-level job. */
  outputs: Record<string, Record<string, string>>;
}

interface CallFrame {
  workflow: LoadedWorkflow;
  inputs: Record<string, unknown>;
  secrets: Record<string, string>;
  /** The permissions the caller job grants (a called workflow cannot exceed them). */
  ceiling: Permissions | undefined;
  prefix: string;
}

/** `uses:` of our own actions and reusable workflows, under the repository's own name (package.json `repository`). */
function ourUses(root: string): { actions: RegExp; workflows: RegExp } {
  const name = escapeRegExp(ourRepository(root));
  return {
    actions: new RegExp(`^${name}/([a-z0-9-]+)@[^/]+$`),
    workflows: new RegExp(`^${name}/(\\.github/workflows/[A-Za-z0-9._-]+\\.ya?ml)@[^/]+$`),
  };
}

export class PipelineRunner {
  private readonly standIns: Record<string, StandIn>;
  /** Values the runner replaces with *** in logs: tokens, secrets, credentials, and `::add-mask::` values. */
  private readonly masks = new Set<string>();

  constructor(readonly options: PipelineRunnerOptions) {
    this.standIns = { ...builtInStandIns(), ...options.standIns };
    for (const value of [
      options.tokens.write,
      options.tokens.read,
      ...Object.values(options.secrets ?? {}),
      options.aws.credentials.AWS_SECRET_ACCESS_KEY,
      options.aws.credentials.AWS_SESSION_TOKEN,
    ]) {
      this.addMask(value);
    }
  }

  private addMask(value: string | undefined): void {
    if (value && value.length >= 4) this.masks.add(value);
  }

  /** Replaces every masked value with ***, as the runner does in logs (values announced by ::add-mask:: first). */
  mask(text: string): string {
    for (const [, value] of text.matchAll(/^::add-mask::(.*)$/gm)) this.addMask(value?.trim());
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
    const inputs = trigger.eventName === 'workflow_dispatch' ? this.dispatchInputs(workflow, trigger) : {};
    const results = await this.runJobs(
      { workflow, inputs, secrets: { ...this.options.secrets }, ceiling: undefined, prefix: '' },
      trigger,
      run,
    );
    for (const [id, job] of Object.entries(results)) run.outputs[id] = job.outputs;
    const all = Object.values(results).map((j) => j.result);
    run.conclusion = all.includes('failure') ? 'failure' : all.every((r) => r === 'skipped') ? 'skipped' : 'success';
    return run;
  }

  private dispatchInputs(workflow: LoadedWorkflow, trigger: Trigger): Record<string, unknown> {
    const defined = workflow.template.events.workflow_dispatch?.inputs ?? {};
    const values: Record<string, unknown> = {};
    for (const [name, config] of Object.entries(defined)) {
      const given = trigger.inputs?.[name];
      if (given === undefined && config.required && config.default === undefined) {
        throw new Error(`workflow_dispatch of ${workflow.name}: input "${name}" is required`);
      }
      const value = given ?? asText(config.default ?? '');
      if (config.type === 'choice' && config.options && !config.options.includes(value)) {
        throw new Error(`workflow_dispatch input "${name}": ${value} is not one of ${config.options.join(', ')}`);
      }
      values[name] = config.type === 'boolean' ? value === 'true' : value;
    }
    for (const name of Object.keys(trigger.inputs ?? {})) {
      if (!(name in defined)) throw new Error(`workflow_dispatch of ${workflow.name}: unexpected input "${name}"`);
    }
    return values;
  }

  /** Runs the jobs of one workflow in `needs` order; returns each job's result and outputs. */
  private async runJobs(
    frame: CallFrame,
    trigger: Trigger,
    run: WorkflowRun,
  ): Promise<Record<string, { result: JobResult; outputs: Record<string, string> }>> {
    const results: Record<string, { result: JobResult; outputs: Record<string, string> }> = {};
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
      results[id] =
        job.type === 'reusableWorkflowJob'
          ? await this.callWorkflow(frame, job, trigger, run, contexts)
          : await this.runJob(frame, job, trigger, run, needs);
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
  ): Promise<{ result: JobResult; outputs: Record<string, string> }> {
    const ref = job.ref.value;
    const ours = ourUses(this.options.root).workflows.exec(ref);
    let file: string;
    if (ours?.[1]) file = path.join(this.options.root, ours[1]);
    else if (ref.startsWith('./')) file = path.join(this.options.root, ref);
    else throw new Error(`${frame.workflow.file}: cannot call the workflow ${ref} locally`);
    const callee = await loadWorkflow(file);
    const definitions = callee.template.events.workflow_call?.inputs ?? {};
    const given = tokenStringsOrValues(job['input-values'], contexts);
    const inputs: Record<string, unknown> = {};
    for (const name of Object.keys(given)) {
      if (!(name in definitions)) throw new Error(`${ref}: the caller passes "${name}", which is not an input`);
    }
    for (const [name, definition] of Object.entries(definitions)) {
      let value: unknown = given[name];
      if (value === undefined) {
        if (definition.required) throw new Error(`${ref}: required input "${name}" not given`);
        const fallback = definition.default;
        value =
          typeof fallback === 'object' && fallback !== null
            ? tokenValue(fallback, this.contexts(frame, trigger, {}))
            : (fallback ?? (definition.type === 'boolean' ? false : String(definition.type) === 'number' ? 0 : ''));
      }
      if (definition.type === 'boolean' && typeof value === 'string') value = value === 'true';
      if (String(definition.type) === 'number' && typeof value === 'string') value = Number(value);
      inputs[name] = value;
    }
    const secrets = job['inherit-secrets'] ? { ...frame.secrets } : tokenStrings(job['secret-values'], contexts);
    const permissions = this.jobPermissions(frame, job.id.value);
    const prefix = `${frame.prefix}${job.id.value}/`;
    const results = await this.runJobs(
      { workflow: callee, inputs, secrets, ceiling: permissions, prefix },
      trigger,
      run,
    );
    const jobsContext = Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r]));
    const outputs: Record<string, string> = {};
    const calleeContexts = this.contexts({ ...frame, workflow: callee, inputs }, trigger, { jobs: jobsContext });
    for (const [name, output] of entries(at(callee.raw, 'on', 'workflow_call', 'outputs'))) {
      outputs[name] = tokenText(child(output, 'value'), calleeContexts);
    }
    const all = Object.values(results).map((r) => r.result);
    const result: JobResult = all.includes('failure')
      ? 'failure'
      : all.every((r) => r === 'skipped')
        ? 'skipped'
        : 'success';
    return { result, outputs };
  }

  private contexts(frame: CallFrame, trigger: Trigger, extra: ExpressionContexts, token?: string): ExpressionContexts {
    const { owner, repo } = this.options;
    return {
      github: {
        event_name: trigger.eventName,
        event: trigger.payload,
        sha: trigger.sha,
        ref: trigger.ref ?? 'refs/heads/master',
        ref_name: (trigger.ref ?? 'refs/heads/master').replace(/^refs\/(heads|tags)\//, ''),
        repository: `${owner}/${repo}`,
        repository_owner: owner,
        run_id: String(trigger.runId),
        run_number: String(trigger.runNumber),
        run_attempt: '1',
        actor: trigger.actor ?? 'octocat',
        workflow: frame.workflow.name,
        server_url: 'https://github.com',
        api_url: this.options.apiUrl,
        token: token ?? '',
      },
      inputs: frame.inputs,
      vars: this.options.vars ?? {},
      secrets: { GITHUB_TOKEN: token ?? '', ...frame.secrets },
      env: {},
      ...extra,
    };
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
  ): Promise<{ result: JobResult; outputs: Record<string, string> }> {
    const jobId = frame.prefix + job.id.value;
    const permissions = this.jobPermissions(frame, job.id.value);
    const token =
      permissionLevel(permissions, 'contents') === 'write' ? this.options.tokens.write : this.options.tokens.read;
    const runnerDir = await mkdtemp(path.join(tmpdir(), 'ecs-pipeline-job-'));
    const workspace = path.join(runnerDir, 'workspace');
    const temp = path.join(runnerDir, 'temp');
    await mkdir(workspace, { recursive: true });
    await mkdir(temp, { recursive: true });
    const eventPath = path.join(runnerDir, 'event.json');
    await writeFile(eventPath, JSON.stringify(trigger.payload));

    const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
    const jobEnv: Record<string, string> = {};
    // Inside a job that runs in an environment, vars.* are the environment's variables over the repository's.
    let environmentVars: Record<string, string> = {};
    const base = () => {
      const contexts = this.contexts(frame, trigger, { needs, steps }, token);
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
    const jobRun: JobRun = {
      id: jobId,
      name: tokenText(job.name, base()) || job.id.value,
      workflow: frame.workflow.name,
      result: 'success',
      ...(environment ? { environment } : {}),
      ...(concurrency ? { concurrency } : {}),
      permissions,
      outputs: {},
      steps: [],
      workspace,
    };
    run.jobs.push(jobRun);
    this.emit({ type: 'job-start', job: jobId, name: jobRun.name, ...(environment ? { environment } : {}) });

    const githubEnv = (stepId: string): Record<string, string> => {
      const { owner, repo } = this.options;
      return {
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION: stepId,
        GITHUB_ACTOR: trigger.actor ?? 'octocat',
        GITHUB_REPOSITORY: `${owner}/${repo}`,
        GITHUB_REPOSITORY_OWNER: owner,
        GITHUB_REF: trigger.ref ?? 'refs/heads/master',
        GITHUB_REF_NAME: (trigger.ref ?? 'refs/heads/master').replace(/^refs\/(heads|tags)\//, ''),
        GITHUB_SHA: trigger.sha,
        GITHUB_RUN_ID: String(trigger.runId),
        GITHUB_RUN_NUMBER: String(trigger.runNumber),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_WORKFLOW: frame.workflow.name,
        GITHUB_JOB: job.id.value,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: this.options.apiUrl,
        GITHUB_EVENT_NAME: trigger.eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_WORKSPACE: workspace,
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: 'X64',
        RUNNER_TEMP: temp,
        ...this.options.machineEnv,
      };
    };

    const posts: { step: StepRun; bundle: string; env: Record<string, string>; state: Record<string, string> }[] = [];
    const rawSteps = at(frame.workflow.raw, 'jobs', job.id.value, 'steps');
    for (const [index, step] of job.steps.entries()) {
      if (!('uses' in step) && !('run' in step)) throw new Error(`${jobId}: unsupported step kind`);
      const stepId = step.id || `__step${index}`;
      const contexts = base();
      const stepEnvValues = tokenStrings(step.env, { ...contexts, env: jobEnv });
      const env = { ...jobEnv, ...stepEnvValues };
      const name = this.stepName(step, { ...contexts, env });
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
      if (!evaluateCondition(condition, { ...contexts, env }, status)) {
        steps[stepId] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        jobRun.steps.push(record);
        this.emit({ type: 'step-end', job: jobId, step: record });
        continue;
      }
      this.emit({ type: 'step-start', job: jobId, step: stepId, name });
      const processEnv = { ...githubEnv(stepId), ...env };
      let result: StepInvocation;
      try {
        if ('run' in step) {
          const script = tokenText(step.run, { ...contexts, env });
          const shell = tokenText(at(rawSteps, index, 'shell'), { ...contexts, env }) || undefined;
          const directory = tokenText(at(rawSteps, index, 'working-directory'), { ...contexts, env });
          result = await this.runScript(script, shell, processEnv, path.resolve(workspace, directory), temp, (text) =>
            this.emit({ type: 'output', job: jobId, step: stepId, text }),
          );
        } else {
          const withToken = at(rawSteps, index, 'with');
          const given = tokenStrings(withToken, { ...contexts, env });
          result = await this.runAction(step.uses.value, given, {
            processEnv,
            contexts: { ...contexts, env },
            status,
            workspace,
            temp,
            trigger,
            token,
            permissions,
            ...(environment ? { environment } : {}),
            jobId,
            stepId,
            onPost: (bundle, state, inputs) =>
              posts.push({ step: record, bundle, env: { ...processEnv, ...inputEnv(inputs) }, state }),
          });
          record.inputs = result.inputs ?? {};
        }
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
      record.exitCode = result.exitCode;
      record.outcome = result.exitCode === 0 ? 'success' : 'failure';
      const continueOnError = step['continue-on-error'];
      const tolerated =
        typeof continueOnError === 'boolean'
          ? continueOnError
          : continueOnError !== undefined && tokenText(continueOnError, contexts) === 'true';
      record.conclusion = record.outcome === 'failure' && tolerated ? 'success' : record.outcome;
      record.outputs = result.outputs;
      record.log = this.mask(result.log);
      record.summary = result.summary;
      record.errors = result.errors.map((e) => this.mask(e));
      record.warnings = result.warnings;
      record.notices = result.notices;
      Object.assign(jobEnv, result.env);
      if (record.conclusion === 'failure') status.failed = true;
      steps[stepId] = { outputs: result.outputs, outcome: record.outcome, conclusion: record.conclusion };
      jobRun.steps.push(record);
      this.emit({ type: 'step-end', job: jobId, step: record });
    }

    // Post steps: in reverse order, for every action whose main step ran (post-if: always()).
    for (const post of posts.reverse()) {
      const bundleRun = await runBundle({
        bundle: post.bundle,
        env: post.env,
        state: post.state,
        workspace,
        event: { name: trigger.eventName, payload: trigger.payload },
        timeoutMs: this.options.stepTimeoutMs ?? 300_000,
      });
      const record: StepRun = {
        ...post.step,
        name: `Post ${post.step.name}`,
        post: true,
        outcome: bundleRun.exitCode === 0 ? 'success' : 'failure',
        conclusion: bundleRun.exitCode === 0 ? 'success' : 'failure',
        outputs: {},
        log: this.mask(bundleRun.log),
        summary: bundleRun.summary,
        errors: bundleRun.errors.map((e) => this.mask(e)),
        warnings: bundleRun.warnings,
        notices: bundleRun.notices,
        exitCode: bundleRun.exitCode,
      };
      if (record.conclusion === 'failure') status.failed = true;
      jobRun.steps.push(record);
      this.emit({ type: 'step-end', job: jobId, step: record });
    }

    jobRun.result = status.failed ? 'failure' : 'success';
    jobRun.outputs = tokenStrings(job.outputs, base());
    this.emit({ type: 'job-end', job: jobId, result: jobRun.result });
    return { result: jobRun.result, outputs: jobRun.outputs };
  }

  private stepName(step: Step, contexts: ExpressionContexts): string {
    if (step.name) return tokenText(step.name, contexts);
    if ('uses' in step) return `Run ${step.uses.value}`;
    if ('run' in step) {
      const text = 'value' in step.run ? String(step.run.value) : step.run.toString();
      return `Run ${text.split('\n')[0] ?? ''}`;
    }
    return step.id;
  }

  private async runScript(
    script: string,
    shell: string | undefined,
    env: Record<string, string>,
    workspace: string,
    temp: string,
    onOutput: (text: string) => void,
  ): Promise<StepInvocation> {
    const id = randomUUID();
    const file = path.join(temp, `${id}.sh`);
    await writeFile(file, script);
    const files = {
      GITHUB_OUTPUT: path.join(temp, `${id}.output`),
      GITHUB_ENV: path.join(temp, `${id}.env`),
      GITHUB_PATH: path.join(temp, `${id}.path`),
      GITHUB_STEP_SUMMARY: path.join(temp, `${id}.summary`),
      GITHUB_STATE: path.join(temp, `${id}.state`),
    };
    await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
    // The runner's default shell on Linux when `shell:` is not given: `bash -e {0}`.
    const [command, args] = shellCommand(shell, file);
    const child = spawn(command, args, {
      cwd: workspace,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? temp, ...env, ...files },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      log += chunk;
      onOutput(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      onOutput(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), this.options.stepTimeoutMs ?? 300_000);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    clearTimeout(timer);
    const commands = parseWorkflowCommands(stdout);
    const messages = (name: string) => commands.filter((c) => c.command === name).map((c) => c.message);
    return {
      exitCode,
      outputs: parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8')),
      env: parseFileCommands(await readFile(files.GITHUB_ENV, 'utf8')),
      summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
      log,
      errors: messages('error'),
      warnings: messages('warning'),
      notices: messages('notice'),
    };
  }

  private async runAction(uses: string, given: Record<string, string>, ctx: ActionContext): Promise<StepInvocation> {
    const bare = uses.replace(/@[^@]*$/, '');
    const standIn = this.standIns[bare];
    if (standIn) {
      const result: StandInResult = await standIn({
        inputs: given,
        env: ctx.processEnv,
        workspace: ctx.workspace,
        temp: ctx.temp,
        trigger: ctx.trigger,
        token: ctx.token,
        permissions: ctx.permissions,
        ...(ctx.environment ? { environment: ctx.environment } : {}),
        runner: this.options,
      });
      return {
        exitCode: result.error ? 1 : 0,
        outputs: result.outputs ?? {},
        env: result.env ?? {},
        summary: '',
        log: result.log ?? '',
        errors: result.error ? [result.error] : [],
        warnings: [],
        notices: [],
        inputs: given,
      };
    }
    const ours = ourUses(this.options.root).actions.exec(uses);
    const local = /^\.\/actions\/([a-z0-9-]+)$/.exec(uses);
    const name = ours?.[1] ?? local?.[1];
    if (!name) throw new Error(`No local stand-in for the action ${uses}`);
    const actionDir = path.join(this.options.root, 'actions', name);
    const metadata = parseYaml(await readFile(path.join(actionDir, 'action.yml'), 'utf8')) as ActionMetadata;
    const inputs: Record<string, string> = {};
    for (const key of Object.keys(given)) {
      if (!(key in (metadata.inputs ?? {}))) {
        // The runner warns and passes it on; our workflow tests treat unknown keys as an error before this.
        inputs[key] = given[key] ?? '';
      }
    }
    for (const [key, definition] of Object.entries(metadata.inputs ?? {})) {
      const override = this.options.inputDefaults?.[name]?.[key];
      if (key in given) inputs[key] = given[key] ?? '';
      else if (override !== undefined) inputs[key] = override;
      else if (definition.default !== undefined) {
        inputs[key] = evaluateTemplate(String(definition.default), ctx.contexts, ctx.status);
      } else if (definition.required) {
        throw new Error(`Input required and not supplied: ${key} (${uses})`);
      }
    }
    const bundle = path.join(actionDir, metadata.runs.main);
    if (!existsSync(bundle)) throw new Error(`${uses}: ${bundle} does not exist (run pnpm build ${name})`);
    const bundleRun: BundleRun = await runBundle({
      bundle,
      inputs,
      env: ctx.processEnv,
      workspace: ctx.workspace,
      event: { name: ctx.trigger.eventName, payload: ctx.trigger.payload },
      timeoutMs: this.options.stepTimeoutMs ?? 300_000,
    });
    this.emit({ type: 'output', job: ctx.jobId, step: ctx.stepId, text: bundleRun.log });
    if (metadata.runs.post) {
      ctx.onPost(path.join(actionDir, metadata.runs.post), bundleRun.state, inputs);
    }
    return {
      exitCode: bundleRun.exitCode,
      outputs: bundleRun.outputs,
      env: bundleRun.env,
      summary: bundleRun.summary,
      log: bundleRun.log,
      errors: bundleRun.errors,
      warnings: bundleRun.warnings,
      notices: bundleRun.notices,
      inputs,
    };
  }
}

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
  runs: { using: string; main: string; post?: string };
}

interface ActionContext {
  processEnv: Record<string, string>;
  contexts: ExpressionContexts;
  status: JobStatus;
  workspace: string;
  temp: string;
  trigger: Trigger;
  token: string;
  permissions: Permissions;
  /** The job's `environment:` name, when it has one. */
  environment?: string;
  jobId: string;
  stepId: string;
  onPost(bundle: string, state: Record<string, string>, inputs: Record<string, string>): void;
}

interface StepInvocation {
  exitCode: number | null;
  outputs: Record<string, string>;
  env: Record<string, string>;
  summary: string;
  log: string;
  errors: string[];
  warnings: string[];
  notices: string[];
  inputs?: Record<string, string>;
}

function concurrencyOf(value: unknown): { group: string; cancelInProgress: boolean } | undefined {
  if (typeof value === 'string' && value !== '') return { group: value, cancelInProgress: false };
  if (value && typeof value === 'object') {
    const { group, 'cancel-in-progress': cancel } = value as Record<string, unknown>;
    return { group: asText(group), cancelInProgress: cancel === true || cancel === 'true' };
  }
  return undefined;
}

/** The runner's shells (https://docs.github.com/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsshell). */
function shellCommand(shell: string | undefined, file: string): [string, string[]] {
  switch (shell ?? '') {
    case '':
      return ['bash', ['-e', file]];
    case 'bash':
      return ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', file]];
    case 'sh':
      return ['sh', ['-e', file]];
    default:
      throw new Error(`shell ${shell} is not supported by the local runner (bash or sh)`);
  }
}

/** INPUT_<NAME> variables, as the post step of an action gets them too. */
function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}

/** `with:` of a workflow call keeps booleans and numbers as they are (typed inputs). */
function tokenStringsOrValues(
  token: Parameters<typeof entries>[0],
  contexts: ExpressionContexts,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of entries(token)) values[key] = tokenValue(value, contexts);
  return values;
}
