import { ConfigurationError, InputReader, invalidInput, quoteValue } from '@ecs-actions/core';
import { readTaskDefinitionFile, type TaskDefinitionFile } from '@ecs-actions/core/ecs';
import { VERIFY_MODES, type VerifyMode } from '@ecs-actions/core/verify';

export const LAUNCH_TYPES = ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES'] as const;
export type LaunchType = (typeof LAUNCH_TYPES)[number];

/** What RunTask overrides in one container. */
export interface ContainerOverrideInput {
  name: string;
  command?: string[];
  environment?: { name: string; value: string }[];
}

/** What to run: a rendered file to register first, or an existing revision. */
export type TaskDefinitionSource = ({ kind: 'file' } & TaskDefinitionFile) | { kind: 'arn'; arn: string };

export interface RunTaskInputs {
  taskDefinition: TaskDefinitionSource;
  cluster: string;
  service: string | undefined;
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: 'ENABLED' | 'DISABLED' | undefined;
  launchType: LaunchType | undefined;
  containerOverride: ContainerOverrideInput | undefined;
  count: number;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  startedBy: string;
  tags: { key: string; value: string }[];
  /** Before registering or running: check roles, secrets, images and log groups (verify.ts). */
  verify: VerifyMode;
}

// arn:aws:ecs:us-east-1:123456789012:task-definition/family:3, family:3 or family (its latest ACTIVE revision).
const TASK_DEFINITION =
  /^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+|[A-Za-z0-9_-]{1,255}(:\d+)?)$/;
const STARTED_BY = /^[A-Za-z0-9_-]{1,128}$/;

/** IDs one a line or comma-separated. */
function ids(input: InputReader, name: string, pattern: RegExp, example: string): string[] {
  const values = input
    .list(name)
    .flatMap((line) => line.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  for (const value of values) {
    if (!pattern.test(value)) {
      throw invalidInput(
        name,
        value,
        `must list IDs such as ${example}`,
        'Write one ID a line, or separate them with commas.',
      );
    }
  }
  return values;
}

function readCommand(input: InputReader): string[] | undefined {
  const raw = input.raw('command');
  if (!raw) return undefined;
  const fix =
    'Write a JSON array of strings, e.g. command: \'["npm", "run", "migrate"]\'; it is never split at spaces.';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidInput('command', raw, 'must be a JSON array of strings', fix);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.some((item) => typeof item !== 'string')) {
    throw invalidInput('command', raw, 'must be a non-empty JSON array of strings', fix);
  }
  return parsed as string[];
}

/** Exactly one of task-definition (a file, read and validated here) and task-definition-arn. */
function readTaskDefinition(
  input: InputReader,
  workspace: string,
  runnerTemp: string | undefined,
): TaskDefinitionSource {
  const file = input.optionalString('task-definition');
  const arn = input.optionalString('task-definition-arn');
  if (file && arn) {
    throw new ConfigurationError(
      `Inputs "task-definition" (${quoteValue(file)}) and "task-definition-arn" (${quoteValue(arn)}) are both set. Set only one: the rendered file to register and run, or the ARN of an existing revision to run.`,
    );
  }
  if (file) return { kind: 'file', ...readTaskDefinitionFile(file, workspace, runnerTemp) };
  if (!arn) {
    throw new ConfigurationError(
      'Neither "task-definition" nor "task-definition-arn" is set. Set task-definition to a rendered task definition file (e.g. the output of ecs-render-taskdef; it is registered first), or task-definition-arn to an existing revision.',
    );
  }
  if (!TASK_DEFINITION.test(arn)) {
    throw invalidInput(
      'task-definition-arn',
      arn,
      'must be a task definition ARN, family:revision or family',
      'Use e.g. arn:aws:ecs:us-east-1:123456789012:task-definition/my-app:42, my-app:42 or my-app.',
    );
  }
  return { kind: 'arn', arn };
}

/**
 * Reads and validates every input, the task definition file included, before any AWS call. The file may be in
 * the workspace or RUNNER_TEMP (where ecs-render-taskdef writes).
 */
export function readRunTaskInputs(
  input: InputReader = new InputReader(),
  workspace: string = process.cwd(),
  runnerTemp?: string,
): RunTaskInputs {
  const taskDefinition = readTaskDefinition(input, workspace, runnerTemp);
  const cluster = input.string('cluster', 'default');
  const service = input.optionalString('service');
  const subnets = ids(input, 'subnets', /^subnet-[0-9a-f]{8,17}$/, 'subnet-0a1b2c3d4e5f60718');
  const securityGroups = ids(input, 'security-groups', /^sg-[0-9a-f]{8,17}$/, 'sg-0a1b2c3d4e5f60718');
  const assignPublicIp = input.optionalString('assign-public-ip')
    ? input.oneOf('assign-public-ip', ['ENABLED', 'DISABLED'] as const, 'DISABLED')
    : undefined;
  if (!service && subnets.length === 0 && (securityGroups.length > 0 || assignPublicIp)) {
    throw new ConfigurationError(
      `Input "${securityGroups.length > 0 ? 'security-groups' : 'assign-public-ip'}" is set but neither "subnets" nor "service" is. Set subnets (the task's awsvpc subnets), or service to copy its network configuration.`,
    );
  }
  const launchType = input.optionalString('launch-type')
    ? input.oneOf('launch-type', LAUNCH_TYPES, 'FARGATE')
    : undefined;

  const containerName = input.optionalString('container-name');
  const command = readCommand(input);
  const environment = input
    .keyValues('environment-variables')
    .map((entry) => ({ name: entry.key, value: entry.value }));
  if (!containerName && (command || environment.length > 0)) {
    throw new ConfigurationError(
      `Input "${command ? 'command' : 'environment-variables'}" is set but "container-name" is empty. Set container-name to the container of the task definition it is for.`,
    );
  }
  const containerOverride = containerName
    ? {
        name: containerName,
        ...(command ? { command } : {}),
        ...(environment.length > 0 ? { environment } : {}),
      }
    : undefined;

  const count = input.integer('count', { min: 1, max: 10 }) ?? 1;
  const wait = input.boolean('wait', true);
  const verify = input.oneOf('verify', VERIFY_MODES, 'off');
  const { timeoutMs, pollIntervalMs } = input.waitTimes();
  const startedBy = input.string('started-by', 'ecs-actions');
  if (!STARTED_BY.test(startedBy)) {
    throw invalidInput(
      'started-by',
      startedBy,
      'must be 1 to 128 letters, digits, hyphens and underscores',
      'Use e.g. ecs-actions or db-migrate.',
    );
  }
  const tags = input.keyValues('tags', 'key=value').map((entry) => {
    if (entry.key.length > 128 || entry.value.length > 256 || /^aws:/i.test(entry.key)) {
      throw new ConfigurationError(
        `Input "tags" line ${entry.line} (${quoteValue(entry.key)}) is not a tag ECS accepts: keys are at most 128 characters and do not start with aws:, values at most 256.`,
      );
    }
    return { key: entry.key, value: entry.value };
  });

  return {
    taskDefinition,
    cluster,
    service,
    subnets,
    securityGroups,
    assignPublicIp,
    launchType,
    containerOverride,
    count,
    wait,
    verify,
    timeoutMs,
    pollIntervalMs,
    startedBy,
    tags,
  };
}
