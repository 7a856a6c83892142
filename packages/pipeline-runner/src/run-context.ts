/**
 * What a job's expressions and processes see of the run: the `github`, `inputs`, `vars` and `secrets` contexts, the
 * GITHUB_* / RUNNER_* variables of each step's process, and the job's directories they name.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asText, type ExpressionContexts } from './expressions.js';
import type { CallFrame, PipelineRunnerOptions, Trigger } from './runner-types.js';

const refName = (trigger: Trigger) => (trigger.ref ?? 'refs/heads/master').replace(/^refs\/(heads|tags)\//, '');

export function expressionContexts(
  options: PipelineRunnerOptions,
  frame: CallFrame,
  trigger: Trigger,
  extra: ExpressionContexts,
  token?: string,
): ExpressionContexts {
  const { owner, repo } = options;
  return {
    github: {
      event_name: trigger.eventName,
      event: trigger.payload,
      sha: trigger.sha,
      ref: trigger.ref ?? 'refs/heads/master',
      ref_name: refName(trigger),
      repository: `${owner}/${repo}`,
      repository_owner: owner,
      run_id: String(trigger.runId),
      run_number: String(trigger.runNumber),
      run_attempt: '1',
      actor: trigger.actor ?? 'octocat',
      triggering_actor: trigger.triggeringActor ?? trigger.actor ?? 'octocat',
      workflow: frame.workflow.name,
      server_url: 'https://github.com',
      api_url: options.apiUrl,
      token: token ?? '',
    },
    inputs: frame.inputs,
    vars: options.vars ?? {},
    secrets: { GITHUB_TOKEN: token ?? '', ...frame.secrets },
    env: {},
    ...extra,
  };
}

/** A job's own directories on this machine (its workspace and RUNNER_TEMP inside), and its event payload file. */
export async function jobDirectories(
  trigger: Trigger,
): Promise<{ runnerDir: string; workspace: string; temp: string; eventPath: string }> {
  const runnerDir = await mkdtemp(path.join(tmpdir(), 'ecs-pipeline-job-'));
  const workspace = path.join(runnerDir, 'workspace');
  const temp = path.join(runnerDir, 'temp');
  await mkdir(workspace, { recursive: true });
  await mkdir(temp, { recursive: true });
  const eventPath = path.join(runnerDir, 'event.json');
  await writeFile(eventPath, JSON.stringify(trigger.payload));
  return { runnerDir, workspace, temp, eventPath };
}

/** Where a job's step runs: the job's own directories and event file. */
export interface StepPlace {
  /** The job's id in its own workflow (GITHUB_JOB has no caller's prefix). */
  job: string;
  stepId: string;
  eventPath: string;
  workspace: string;
  temp: string;
}

export function githubEnv(
  options: PipelineRunnerOptions,
  frame: CallFrame,
  trigger: Trigger,
  place: StepPlace,
): Record<string, string> {
  const { owner, repo } = options;
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: place.stepId,
    GITHUB_ACTOR: trigger.actor ?? 'octocat',
    GITHUB_TRIGGERING_ACTOR: trigger.triggeringActor ?? trigger.actor ?? 'octocat',
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REF: trigger.ref ?? 'refs/heads/master',
    GITHUB_REF_NAME: refName(trigger),
    GITHUB_SHA: trigger.sha,
    GITHUB_RUN_ID: String(trigger.runId),
    GITHUB_RUN_NUMBER: String(trigger.runNumber),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: frame.workflow.name,
    GITHUB_JOB: place.job,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_EVENT_NAME: trigger.eventName,
    GITHUB_EVENT_PATH: place.eventPath,
    GITHUB_WORKSPACE: place.workspace,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: place.temp,
    ...options.machineEnv,
  };
}

/** A job's `concurrency:`, evaluated: a group name, or `{ group, cancel-in-progress }`. */
export function concurrencyOf(value: unknown): { group: string; cancelInProgress: boolean } | undefined {
  if (typeof value === 'string' && value !== '') return { group: value, cancelInProgress: false };
  if (value && typeof value === 'object') {
    const { group, 'cancel-in-progress': cancel } = value as Record<string, unknown>;
    return { group: asText(group), cancelInProgress: cancel === true || cancel === 'true' };
  }
  return undefined;
}
