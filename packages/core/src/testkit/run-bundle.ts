import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { inputEnvName } from '../inputs.js';
import { parseFileCommands, parseWorkflowCommands, type WorkflowCommand } from './file-commands.js';
import { runnerOutput } from './runner-commands.js';

export interface RunBundleOptions {
  /** Path of the action's `dist/index.js`. */
  bundle: string;
  /** Action inputs by their action.yml names; they reach the process as `INPUT_<NAME>`. */
  inputs?: Record<string, string>;
  /** Extra environment (AWS endpoints, GITHUB_* overrides). Only PATH and HOME are inherited. */
  env?: Record<string, string | undefined>;
  /** The triggering event: `GITHUB_EVENT_NAME` and the payload file at `GITHUB_EVENT_PATH`. */
  event?: { name: string; payload: unknown };
  /** State saved by the main step, for a post step (`STATE_<name>`). */
  state?: Record<string, string>;
  /** GITHUB_WORKSPACE and the process's working directory; a fresh directory by default. */
  workspace?: string;
  /** The node binary; by default this process's, which must be Node 24 or newer, as `runs.using: node24`. */
  node?: string;
  /** Node options before the bundle (benchmarks preload a memory probe). */
  nodeArgs?: string[];
  timeoutMs?: number;
  /** Called with the child's pid as soon as it has started (e.g. to read its argv from /proc). */
  onSpawn?: (pid: number) => void;
  /** Sends this signal to the child after `signalAfterMs`, as a cancelled job does. */
  signal?: { name: NodeJS.Signals; afterMs: number };
}

export interface BundleRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as one text, in the order they arrived. */
  log: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
  /** Messages of `::error::` commands, i.e. what the step's annotations would show. */
  errors: string[];
  warnings: string[];
  notices: string[];
  durationMs: number;
  /** The temporary runner directory (RUNNER_TEMP and the file-command files). */
  runnerDir: string;
  workspace: string;
}

export function assertNode24(nodePath: string, version: string): void {
  const major = Number(/^v(\d+)/.exec(version)?.[1]);
  if (!(major >= 24)) {
    throw new Error(
      `The bundles run on node24 but the test runs ${nodePath} ${version}; run the tests through scripts/run test.`,
    );
  }
}

/** Runs an action bundle the way the GitHub runner does, and returns what it wrote. */
export async function runBundle(options: RunBundleOptions): Promise<BundleRun> {
  const node = options.node ?? process.env.ECS_ACTIONS_NODE ?? process.execPath;
  if (node === process.execPath) assertNode24(node, process.version);
  const runnerDir = await mkdtemp(path.join(tmpdir(), 'ecs-actions-runner-'));
  const workspace = options.workspace ?? path.join(runnerDir, 'workspace');
  await mkdir(workspace, { recursive: true });
  const files = {
    GITHUB_OUTPUT: path.join(runnerDir, 'output.txt'),
    GITHUB_STATE: path.join(runnerDir, 'state.txt'),
    GITHUB_ENV: path.join(runnerDir, 'env.txt'),
    GITHUB_PATH: path.join(runnerDir, 'path.txt'),
    GITHUB_STEP_SUMMARY: path.join(runnerDir, 'summary.md'),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  const eventPath = path.join(runnerDir, 'event.json');
  await writeFile(eventPath, JSON.stringify(options.event?.payload ?? {}));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerDir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: 'run',
    GITHUB_ACTOR: 'octocat',
    GITHUB_REPOSITORY: 'octo-org/octo-app',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_REF: 'refs/heads/master',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_NUMBER: '135',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'build',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerDir,
    ...files,
  };
  // As the runner does: every input the step does not set gets action.yml's default (an expression default such as
  // `${{ github.token }}` is left to the test to give).
  const defaults = await actionDefaults(options.bundle);
  for (const [name, value] of Object.entries({ ...defaults, ...options.inputs })) env[inputEnvName(name)] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const started = Date.now();
  const child = spawn(node, [...(options.nodeArgs ?? []), options.bundle], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let stdout = '';
  let stderr = '';
  let log = '';
  const read = runnerOutput();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    log += chunk;
    read.add('stdout', chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    log += chunk;
    read.add('stderr', chunk);
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const signalTimer = options.signal
    ? setTimeout(() => child.kill(options.signal?.name), options.signal.afterMs)
    : undefined;
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  });
  clearTimeout(timeout);
  if (signalTimer) clearTimeout(signalTimer);

  const commands = parseWorkflowCommands(read.text());
  const readFileText = (file: string) => readFile(file, 'utf8');
  const messages = (name: string) => commands.filter((c) => c.command === name).map((c) => c.message);
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    log,
    outputs: parseFileCommands(await readFileText(files.GITHUB_OUTPUT)),
    state: parseFileCommands(await readFileText(files.GITHUB_STATE)),
    env: parseFileCommands(await readFileText(files.GITHUB_ENV)),
    summary: await readFileText(files.GITHUB_STEP_SUMMARY),
    commands,
    errors: messages('error'),
    warnings: messages('warning'),
    notices: messages('notice'),
    durationMs: Date.now() - started,
    runnerDir,
    workspace,
  };
}

/** Runs the main step, then the post step with the state main saved, as the runner does for `runs.post`. */
export async function runMainAndPost(options: RunBundleOptions): Promise<{ main: BundleRun; post: BundleRun }> {
  const main = await runBundle(options);
  const post = await runBundle({ ...options, workspace: main.workspace, state: main.state });
  return { main, post };
}

/** The literal defaults of the inputs of the action.yml beside the bundle's dist/ (none when there is none). */
async function actionDefaults(bundle: string): Promise<Record<string, string>> {
  const file = path.join(path.dirname(bundle), '..', 'action.yml');
  if (!existsSync(file)) return {};
  const action = parseYaml(await readFile(file, 'utf8')) as { inputs?: Record<string, { default?: unknown }> };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    const value = input?.default;
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (!text.includes('${{')) defaults[name] = text;
  }
  return defaults;
}
