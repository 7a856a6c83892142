/**
 * `run:` steps: the script in the job's shell (bash -e unless `shell:` says otherwise), with its GITHUB_OUTPUT,
 * GITHUB_ENV, GITHUB_PATH, GITHUB_STEP_SUMMARY and GITHUB_STATE files, and the workflow commands it prints.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFileCommands, parseWorkflowCommands, runnerOutput } from '@ecs-actions/core/testkit';
import type { StepInvocation } from './runner-types.js';

export interface ScriptStep {
  script: string;
  shell: string | undefined;
  env: Record<string, string>;
  workspace: string;
  temp: string;
  timeoutMs: number;
  onOutput(text: string): void;
}

export async function runScript({
  script,
  shell,
  env,
  workspace,
  temp,
  timeoutMs,
  onOutput,
}: ScriptStep): Promise<StepInvocation> {
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
  // The runner reads commands on both streams, line by line.
  const read = runnerOutput();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
    read.add('stdout', chunk);
    onOutput(chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk;
    read.add('stderr', chunk);
    onOutput(chunk);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  clearTimeout(timer);
  const commands = parseWorkflowCommands(read.text());
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
