import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Task } from '@aws-sdk/client-ecs';
import { InputReader, inputsFrom, ManualClock } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { readRunTaskInputs } from '../src/inputs.js';
import { exitCodeOf, runTask, taskProblem } from '../src/run-task.js';

const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:7';
const workspace = mkdtempSync(join(tmpdir(), 'run-task-'));
writeFileSync(
  join(workspace, 'migrate.json'),
  JSON.stringify({
    family: 'migrate',
    networkMode: 'awsvpc',
    containerDefinitions: [
      { name: 'app', image: 'app:1' },
      { name: 'log-router', image: 'fluent-bit:1', essential: false },
    ],
  }),
);
const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef';
const NETWORK = {
  awsvpcConfiguration: {
    subnets: ['subnet-0a1b2c3d4e5f60718'],
    securityGroups: ['sg-0a1b2c3d4e5f60718'],
    assignPublicIp: 'DISABLED',
  },
};

interface Call {
  name: string;
  input: Record<string, unknown>;
}

/** A scripted ECS: DescribeTasks answers the next of `states` (the last one repeats). */
function fakeEcs(options: {
  states?: Partial<Task>[];
  failures?: { arn: string; reason: string }[];
  error?: { operation: string; name: string; message: string; times?: number };
  networkMode?: string;
  services?: unknown[];
}) {
  let errors = 0;
  const calls: Call[] = [];
  let polls = 0;
  const task = (state: Partial<Task>): Task => ({ taskArn: TASK, lastStatus: 'PROVISIONING', ...state });
  const ecs = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }): Promise<unknown> {
      const name = command.constructor.name.replace(/Command$/, '');
      calls.push({ name, input: command.input });
      if (options.error?.operation === name && errors++ < (options.error.times ?? Number.POSITIVE_INFINITY)) {
        throw Object.assign(new Error(options.error.message), { name: options.error.name });
      }
      switch (name) {
        case 'DescribeTaskDefinition':
          return {
            taskDefinition: {
              taskDefinitionArn: TD,
              networkMode: options.networkMode ?? 'awsvpc',
              containerDefinitions: [
                { name: 'app', essential: true },
                { name: 'log-router', essential: false },
              ],
            },
          };
        case 'RegisterTaskDefinition':
          return { taskDefinition: { ...command.input, taskDefinitionArn: TD, revision: 7 } };
        case 'DescribeServices':
          return {
            services: options.services ?? [
              {
                serviceName: 'be',
                status: 'ACTIVE',
                networkConfiguration: NETWORK,
                launchType: 'FARGATE',
                platformVersion: '1.4.0',
              },
            ],
          };
        case 'RunTask':
          return options.failures ? { tasks: [], failures: options.failures } : { tasks: [task({})], failures: [] };
        case 'DescribeTasks': {
          const states = options.states ?? [{}];
          const state = states[Math.min(polls, states.length - 1)] ?? {};
          polls += 1;
          return { tasks: [task(state)], failures: [] };
        }
        case 'StopTask':
          return { task: task({ desiredStatus: 'STOPPED' }) };
        default:
          throw new Error(`unexpected ${name}`);
      }
    },
  };
  return { ecs, calls };
}

const containers = (app: number | undefined, router: number | undefined = 0) => [
  { name: 'app', exitCode: app },
  { name: 'log-router', exitCode: router },
];

async function run(values: Record<string, string>, ecs: ReturnType<typeof fakeEcs>['ecs'], signal?: AbortSignal) {
  const clock = new ManualClock();
  const lines: string[] = [];
  const source = values['task-definition'] ? {} : { 'task-definition-arn': TD };
  const inputs = readRunTaskInputs(
    new InputReader(inputsFrom({ ...source, cluster: 'prod', service: 'be', ...values })),
    workspace,
  );
  const result = await runTask(inputs, {
    ecs: ecs as never,
    ecsSingleAttempt: ecs as never,
    region: 'us-east-1',
    clock,
    sleep: clock.sleep,
    ...(signal ? { signal } : {}),
    log: { info: (line) => lines.push(line), warning: (line) => lines.push(`warning: ${line}`) },
  });
  return { result, lines };
}

const STOPPED_OK: Partial<Task> = {
  lastStatus: 'STOPPED',
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  containers: containers(0, 1),
};

describe('runTask', () => {
  it("copies the service's network and platform, overrides the container, and succeeds on exit 0", async () => {
    const { ecs, calls } = fakeEcs({ states: [{ lastStatus: 'PENDING' }, { lastStatus: 'RUNNING' }, STOPPED_OK] });
    const { result, lines } = await run(
      {
        'container-name': 'app',
        command: '["npm", "run", "migrate"]',
        'environment-variables': 'A=b=c',
        tags: 'job=migrate',
      },
      ecs,
    );
    expect(result).toMatchObject({ status: 'succeeded', exitCode: 0, taskArns: [TASK] });
    const runCall = calls.find((call) => call.name === 'RunTask')?.input;
    expect(runCall).toMatchObject({
      cluster: 'prod',
      taskDefinition: TD,
      count: 1,
      startedBy: 'ecs-actions',
      networkConfiguration: NETWORK,
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      overrides: {
        containerOverrides: [
          { name: 'app', command: ['npm', 'run', 'migrate'], environment: [{ name: 'A', value: 'b=c' }] },
        ],
      },
      tags: [{ key: 'job', value: 'migrate' }],
    });
    expect(runCall?.clientToken).toEqual(expect.any(String));
    expect(lines).toEqual(
      expect.arrayContaining([
        'task 0123456789abcdef0123456789abcdef: PROVISIONING → PENDING',
        'task 0123456789abcdef0123456789abcdef: PENDING → RUNNING',
        'task 0123456789abcdef0123456789abcdef: RUNNING → STOPPED',
        'task 0123456789abcdef0123456789abcdef: container app exit code 0',
        'task 0123456789abcdef0123456789abcdef: container log-router (not essential) exit code 1',
      ]),
    );
    expect(calls.some((call) => call.name === 'StopTask')).toBe(false);
  });

  it('registers a task definition file first and runs the revision it registered (no describe)', async () => {
    const { ecs, calls } = fakeEcs({ states: [STOPPED_OK] });
    const { result, lines } = await run({ 'task-definition': 'migrate.json', 'container-name': 'app' }, ecs);
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: TD });
    expect(calls.map((call) => call.name)).toEqual([
      'RegisterTaskDefinition',
      'DescribeServices',
      'RunTask',
      'DescribeTasks',
    ]);
    expect(calls[0]?.input).toMatchObject({ family: 'migrate' });
    expect(calls.find((call) => call.name === 'RunTask')?.input).toMatchObject({ taskDefinition: TD });
    expect(lines).toContain(`Registered migrate:7 (${TD})`);
  });

  it('names the file when ECS refuses to register it, and starts nothing', async () => {
    const { ecs, calls } = fakeEcs({
      error: { operation: 'RegisterTaskDefinition', name: 'ClientException', message: 'Invalid setting for container' },
    });
    await expect(run({ 'task-definition': 'migrate.json' }, ecs)).rejects.toThrow(
      'Input "task-definition": ECS refused to register "migrate.json" (ecs:RegisterTaskDefinition, ClientException): Invalid setting for container.',
    );
    expect(calls.some((call) => call.name === 'RunTask')).toBe(false);
  });

  it('a job cancelled while registering says whether a revision landed, and starts nothing', async () => {
    const { ecs, calls } = fakeEcs({
      error: { operation: 'RegisterTaskDefinition', name: 'AbortError', message: 'Request aborted' },
    });
    const controller = new AbortController();
    controller.abort();
    const { result } = await run({ 'task-definition': 'migrate.json' }, ecs, controller.signal);
    expect(result).toMatchObject({ status: 'cancelled', taskArns: [], taskDefinitionArn: '' });
    expect(result.message).toBe(
      'The job was cancelled while registering migrate.json: no revision was registered. No task was started.',
    );
    expect(calls.map((call) => call.name)).toEqual(['RegisterTaskDefinition', 'DescribeTaskDefinition']);
  });

  it('lets explicit subnets, security groups and launch type win over the service', async () => {
    const { ecs, calls } = fakeEcs({ states: [STOPPED_OK] });
    await run({ subnets: 'subnet-0a1b2c3d4e5f60799', 'assign-public-ip': 'ENABLED', 'launch-type': 'EC2' }, ecs);
    expect(calls.find((call) => call.name === 'RunTask')?.input).toMatchObject({
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0a1b2c3d4e5f60799'],
          securityGroups: ['sg-0a1b2c3d4e5f60718'],
          assignPublicIp: 'ENABLED',
        },
      },
      launchType: 'EC2',
    });
  });

  it('fails when the essential container exits non-zero, naming the exit code, stop code and reason', async () => {
    const { ecs } = fakeEcs({
      states: [{ ...STOPPED_OK, containers: containers(3) }],
    });
    const { result } = await run({}, ecs);
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(3);
    expect(result.message).toContain(
      'task 0123456789abcdef0123456789abcdef stopped (EssentialContainerExited: Essential container in task exited): container app exited 3',
    );
  });

  it('fails when the task stops for another reason (no exit code)', async () => {
    const { ecs } = fakeEcs({
      states: [
        {
          lastStatus: 'STOPPED',
          stopCode: 'TaskFailedToStart',
          stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 7 time(s)',
          containers: containers(undefined, undefined),
        },
      ],
    });
    const { result } = await run({}, ecs);
    expect(result).toMatchObject({ status: 'failed', exitCode: undefined });
    expect(result.message).toContain('(TaskFailedToStart: CannotPullContainerError');
    expect(result.message).toContain('container app has no exit code');
  });

  it("turns RunTask's failures array into one error naming the reason and arn, and starts nothing", async () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/abc';
    const { ecs, calls } = fakeEcs({ failures: [{ arn, reason: 'RESOURCE:MEMORY' }] });
    const { result } = await run({}, ecs);
    expect(result.status).toBe('failed');
    expect(result.taskArns).toEqual([]);
    expect(result.message).toBe(
      `RunTask of ${TD} in cluster prod could not start 1 of 1 tasks: RESOURCE:MEMORY (${arn}): no container instance has the memory the task definition asks for; check the capacity provider.`,
    );
    expect(calls.map((call) => call.name)).not.toContain('DescribeTasks');
  });

  it('stops the task on timeout and says so', async () => {
    const { ecs, calls } = fakeEcs({ states: [{ lastStatus: 'RUNNING', containers: containers(undefined) }] });
    const { result, lines } = await run({ timeout: '1m', 'poll-interval': '10s' }, ecs);
    expect(result.status).toBe('timed-out');
    expect(calls.filter((call) => call.name === 'StopTask').map((call) => call.input)).toEqual([
      { cluster: 'prod', task: TASK, reason: 'ecs-run-task: timed out after 1m' },
    ]);
    expect(lines).toContain(
      'Stopped task 0123456789abcdef0123456789abcdef (StopTask): ecs-run-task: timed out after 1m',
    );
    expect(result.message).toContain('did not stop within the timeout (1m); stopped 0123456789abcdef0123456789abcdef');
  });

  it('starts nothing when the job is cancelled before RunTask', async () => {
    const cancel = new AbortController();
    cancel.abort();
    const { ecs, calls } = fakeEcs({});
    const { result } = await run({}, ecs, cancel.signal);
    expect(result).toMatchObject({ status: 'cancelled', taskArns: [] });
    expect(calls.map((call) => call.name)).toEqual(['DescribeTaskDefinition', 'DescribeServices']);
  });

  it('stops the task when the job is cancelled', async () => {
    const cancel = new AbortController();
    const { ecs: inner, calls } = fakeEcs({ states: [{ lastStatus: 'RUNNING' }] });
    const ecs = {
      send: async (command: Parameters<typeof inner.send>[0]) => {
        const answer = await inner.send(command);
        if (command.constructor.name === 'RunTaskCommand') cancel.abort();
        return answer;
      },
    };
    const { result } = await run({}, ecs, cancel.signal);
    expect(result.status).toBe('cancelled');
    expect(calls.filter((call) => call.name === 'StopTask').map((call) => call.input.reason)).toEqual([
      'ecs-run-task: the GitHub Actions job was cancelled',
    ]);
  });

  it('names a container that is not in the task definition, and the ones that are', async () => {
    const { ecs } = fakeEcs({});
    await expect(run({ 'container-name': 'web', command: '["true"]' }, ecs)).rejects.toThrow(
      `Input "container-name": "web" is not a container of ${TD}. Its containers: app, log-router.`,
    );
  });

  it('explains an access error with the IAM action', async () => {
    const { ecs } = fakeEcs({
      error: {
        operation: 'RunTask',
        name: 'AccessDeniedException',
        message: 'User is not authorized to perform: ecs:RunTask',
      },
    });
    await expect(run({}, ecs)).rejects.toThrow('ecs:RunTask on prod was denied (AccessDeniedException)');
  });

  it('says when the task definition does not exist', async () => {
    const { ecs } = fakeEcs({
      error: {
        operation: 'DescribeTaskDefinition',
        name: 'ClientException',
        message: 'Unable to describe task definition.',
      },
    });
    await expect(run({}, ecs)).rejects.toThrow(
      `Input "task-definition-arn": "${TD}" was not found in region us-east-1`,
    );
  });
});

describe('runTask, more', () => {
  it('ends once the task is started with wait false', async () => {
    const { ecs, calls } = fakeEcs({});
    const { result } = await run({ wait: 'false' }, ecs);
    expect(result).toMatchObject({ status: 'started', taskArns: [TASK], exitCode: undefined });
    expect(calls.map((call) => call.name)).not.toContain('DescribeTasks');
  });

  it("does not copy the service's network configuration to a bridge-mode task", async () => {
    const { ecs, calls } = fakeEcs({ states: [STOPPED_OK], networkMode: 'bridge' });
    await run({}, ecs);
    const input = calls.find((call) => call.name === 'RunTask')?.input;
    expect(input?.networkConfiguration).toBeUndefined();
    expect(input?.launchType).toBe('FARGATE');
  });

  it('names a service that is not found', async () => {
    const { ecs } = fakeEcs({ services: [] });
    await expect(run({}, ecs)).rejects.toThrow(
      'Input "service": service "be" was not found in cluster "prod" (region us-east-1). Check service and cluster, or set subnets and security-groups instead.',
    );
  });

  it('asks again after a failed DescribeTasks poll', async () => {
    const { ecs } = fakeEcs({
      states: [STOPPED_OK],
      error: { operation: 'DescribeTasks', name: 'ServerException', message: 'Service unavailable', times: 2 },
    });
    const { result, lines } = await run({}, ecs);
    expect(result.status).toBe('succeeded');
    expect(lines).toContain('warning: DescribeTasks failed (2 in a row): Service unavailable. Asking again.');
  });

  it('stops the task before failing when DescribeTasks is denied', async () => {
    const { ecs, calls } = fakeEcs({
      error: { operation: 'DescribeTasks', name: 'AccessDeniedException', message: 'not authorized' },
    });
    await expect(run({}, ecs)).rejects.toThrow('ecs:DescribeTasks on prod was denied (AccessDeniedException)');
    expect(calls.filter((call) => call.name === 'StopTask').map((call) => call.input.reason)).toEqual([
      'ecs-run-task: the step could not follow the task',
    ]);
  });
});

describe('exit codes', () => {
  const task = (app: number | undefined, stopCode = 'EssentialContainerExited') => ({
    arn: TASK,
    id: 't',
    lastStatus: 'STOPPED',
    stopCode,
    stoppedReason: 'r',
    containers: [
      { name: 'app', essential: true, exitCode: app, reason: undefined },
      { name: 'side', essential: false, exitCode: 2, reason: undefined },
    ],
  });
  it.each([
    [[task(0)], 0, false],
    [[task(0), task(5)], 5, true],
    [[task(undefined, 'UserInitiated')], undefined, true],
    [[task(0, 'UserInitiated')], 0, true],
  ])('%#: exit code %p, failed %p', (tasks, code, failed) => {
    expect(exitCodeOf(tasks)).toBe(code);
    expect(tasks.some((t) => taskProblem(t) !== undefined)).toBe(failed);
  });
});
