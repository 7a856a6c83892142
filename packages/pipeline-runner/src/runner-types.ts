/**
 * The runner's types: what a caller gives (Trigger, PipelineRunnerOptions) and gets back (WorkflowRun, JobRun,
 * StepRun, RunnerEvent), and what the phases of a run share (a workflow call's frame, a job's scope, a step's result).
 */
import type { ProtectionOutcome } from './environment-protection.js';
import type { ExpressionContexts, JobStatus } from './expressions.js';
import type { Permissions } from './permissions.js';
import type { LoadedWorkflow } from './workflow.js';

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
  /** github.actor: who started the run (default octocat). */
  actor?: string;
  /** github.triggering_actor: who started this attempt, e.g. a re-run (default the actor). */
  triggeringActor?: string;
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
  /**
   * Issues a job's GITHUB_TOKEN carrying exactly its `permissions:` (each scope none, read or write), as GitHub does:
   * a call outside them is refused (403).
   */
  issueToken: (permissions: Permissions) => string;
  /** Each GitHub environment's own variables (Settings → Environments), by environment name. */
  environmentVars?: Record<string, Record<string, string>>;
  /** Each GitHub environment's deployment protection rules, by environment name (none: any job may enter). */
  environments?: Record<string, EnvironmentProtection>;
  /**
   * The reviewers' answer when a job waits for an environment's required reviewers: a decision, or undefined when
   * nobody reviews (the job then fails as it would after 30 days). Without it, no review is ever given.
   */
  review?: (request: ReviewRequest) => ReviewDecision | undefined | Promise<ReviewDecision | undefined>;
  /** How the wait timer of an environment waits; default a real timer. Test knob. */
  sleep?: (ms: number) => Promise<void>;
  /** What the runner machine has in its environment (DOCKER_HOST, AWS endpoints). Not the AWS credentials. */
  machineEnv?: Record<string, string>;
  /**
   * What configure-aws-credentials exports once the role is assumed. With `trustedSubjects` (the `sub` values the
   * role's trust policy allows), the stand-in refuses a job whose OIDC subject is not among them, as STS would.
   */
  aws: { accountId: string; credentials: Record<string, string>; trustedSubjects?: readonly string[] };
  /**
   * Artifact storage of the GitHub side (uploads of a run). Throws the service's error for a second artifact of the
   * same name in a run unless `overwrite` (upload-artifact v4+).
   */
  uploadArtifact(input: {
    runId: number;
    name: string;
    files: Record<string, string>;
    headSha: string;
    overwrite: boolean;
  }): unknown;
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

/** An environment's protection rules (Settings → Environments → Deployment protection rules). */
export interface EnvironmentProtection {
  /** Users or teams of whom one must approve each job that enters the environment. */
  requiredReviewers?: readonly string[];
  /** The one who triggered the run (github.actor) cannot approve it. */
  preventSelfReview?: boolean;
  /** Minutes a job waits before it starts (after its approval). */
  waitTimerMinutes?: number;
  /** Deployment branches and tags: branch name patterns, and `tag:<pattern>` for tags; absent allows every ref. */
  deploymentBranches?: readonly string[];
}

/** A job waiting for review before it enters a protected environment. */
export interface ReviewRequest {
  environment: string;
  /** The job's id, e.g. `production/deploy`. */
  job: string;
  workflow: string;
  runId: number;
  /** Who triggered the run. */
  actor: string;
  reviewers: readonly string[];
}

export interface ReviewDecision {
  approve: boolean;
  reviewer: string;
  comment?: string;
}

export type RunnerEvent =
  | { type: 'job-start'; job: string; name: string; environment?: string }
  | { type: 'job-end'; job: string; result: JobResult }
  | { type: 'protection'; job: string; environment: string; outcome: ProtectionOutcome }
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
  /** What the environment's protection rules did before the job started (a protected environment only). */
  protection?: ProtectionOutcome;
  /** The evaluated `timeout-minutes:` of the job (recorded, not enforced). */
  timeoutMinutes?: number;
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

export interface CallFrame {
  workflow: LoadedWorkflow;
  inputs: Record<string, unknown>;
  secrets: Record<string, string>;
  /** The permissions the caller job grants (a called workflow cannot exceed them). */
  ceiling: Permissions | undefined;
  prefix: string;
}

/** A job's result and outputs, as `needs` and a caller's `jobs` context see them. */
export interface JobOutcome {
  result: JobResult;
  outputs: Record<string, string>;
}

/** What the runner lends each job: its options and stand-ins, and its event stream and log masking. */
export interface RunnerServices {
  readonly options: PipelineRunnerOptions;
  readonly standIns: Record<string, StandIn>;
  emit(event: RunnerEvent): void;
  mask(text: string): string;
}

/** A local stand-in for a third-party action (stand-ins.ts), and what it is given and gives back. */
export interface StandInContext {
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
  temp: string;
  trigger: Trigger;
  /** The job's GITHUB_TOKEN. */
  token: string;
  permissions: Permissions;
  /** The job's `environment:` name, when it has one (it decides the OIDC subject). */
  environment?: string;
  runner: PipelineRunnerOptions;
}

export interface StandInResult {
  outputs?: Record<string, string>;
  /** Exported into the job's environment (as GITHUB_ENV does). */
  env?: Record<string, string>;
  log?: string;
  /** Set when the step fails. */
  error?: string;
}

export type StandIn = (context: StandInContext) => Promise<StandInResult>;

/** A step's `steps.<id>` context. */
export interface StepContext {
  outputs: Record<string, string>;
  outcome: string;
  conclusion: string;
}

/** An action's post step, run at the end of the job. */
export interface PostStep {
  step: StepRun;
  bundle: string;
  env: Record<string, string>;
  state: Record<string, string>;
}

/** One running job, as its steps see it. */
export interface JobScope {
  /** `deploy`, or `deploy/deploy` for a job of a called workflow. */
  id: string;
  trigger: Trigger;
  workspace: string;
  temp: string;
  token: string;
  permissions: Permissions;
  environment: string | undefined;
  /** The job's environment (`env:` of the workflow and job, and what steps export through GITHUB_ENV). */
  env: Record<string, string>;
  steps: Record<string, StepContext>;
  status: JobStatus;
  /** The job's record in the run (its steps are added as they end). */
  jobRun: JobRun;
  posts: PostStep[];
  /** The expression contexts of the job as it stands now. */
  contexts(): ExpressionContexts;
  /** The GITHUB_* and RUNNER_* variables of a step's process. */
  githubEnv(stepId: string): Record<string, string>;
}

/** What a step did: a `run:` script, a stand-in or one of our bundles. */
export interface StepInvocation {
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
