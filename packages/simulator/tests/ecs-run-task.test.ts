/**
 * Standalone tasks through the real @aws-sdk/client-ecs over HTTP: RunTask (its failures array and validation
 * errors), DescribeTasks following a one-off task to STOPPED, and StopTask (UserInitiated).
 */
import {
  DescribeTasksCommand,
  type ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator, TIMING } from '../src/index.js';
import { ecsClient, fargateTaskDefinition } from './ecs-helpers.js';

const NETWORK = {
  awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' as const },
};

let sim: Simulator;
let client: ECSClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = ecsClient(sim);
  sim.ecs.seedCluster('jobs');
  for (const family of ['migrate', 'crash', 'forever', 'nomem']) {
    await client.send(
      new RegisterTaskDefinitionCommand(
        fargateTaskDefinition(family, `repo/${family}:1`) as RegisterTaskDefinitionCommandInput,
      ),
    );
  }
  sim.ecs.setTaskDefinitionScenario('migrate', { kind: 'exit', exitCode: 0, afterSeconds: 20 });
  sim.ecs.setTaskDefinitionScenario('crash', { kind: 'exit', exitCode: 3, afterSeconds: 5 });
  sim.ecs.setRunTaskFailure('nomem', 'RESOURCE:MEMORY');
});

afterAll(async () => {
  client.destroy();
  await sim.close();
});

async function describe1(arn: string): Promise<Task> {
  const { tasks = [] } = await client.send(new DescribeTasksCommand({ cluster: 'jobs', tasks: [arn] }));
  const task = tasks[0];
  if (!task) throw new Error(`task ${arn} not found`);
  return task;
}

/** Every lastStatus the task goes through, stepping simulated time by one second. */
async function statuses(arn: string, maxSeconds = 200): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < maxSeconds; i++) {
    const status = (await describe1(arn)).lastStatus ?? '';
    if (seen.at(-1) !== status) seen.push(status);
    if (status === 'STOPPED') break;
    sim.clock.advance(1_000);
  }
  return seen;
}

describe('RunTask', () => {
  it("a command scenario decides what a one-off task with that command does, not the revision's scenario", async () => {
    sim.ecs.setCommandScenario(['./migrate.sh', 'up'], { kind: 'exit', exitCode: 4, afterSeconds: 5 });
    const start = (command?: string[]) =>
      client.send(
        new RunTaskCommand({
          cluster: 'jobs',
          taskDefinition: 'forever',
          networkConfiguration: NETWORK,
          ...(command ? { overrides: { containerOverrides: [{ name: 'app', command }] } } : {}),
        }),
      );
    const migration = (await start(['./migrate.sh', 'up'])).tasks?.[0]?.taskArn ?? '';
    const other = (await start(['./migrate.sh', 'down'])).tasks?.[0]?.taskArn ?? '';
    expect(await statuses(migration)).toEqual(['PROVISIONING', 'PENDING', 'RUNNING', 'DEPROVISIONING', 'STOPPED']);
    expect((await describe1(migration)).containers?.[0]?.exitCode).toBe(4);
    // The same revision without that command keeps its own scenario (healthy: it runs on).
    expect((await describe1(other)).lastStatus).toBe('RUNNING');
    await client.send(new StopTaskCommand({ cluster: 'jobs', task: other }));
  });

  it('runs a one-off task through PROVISIONING, PENDING, RUNNING, DEPROVISIONING to STOPPED with its exit code', async () => {
    const run = await client.send(
      new RunTaskCommand({
        cluster: 'jobs',
        taskDefinition: 'migrate',
        networkConfiguration: NETWORK,
        startedBy: 'ecs-actions',
        overrides: { containerOverrides: [{ name: 'app', command: ['npm', 'run', 'migrate'] }] },
        tags: [{ key: 'job', value: 'migrate' }],
      }),
    );
    expect(run.failures).toEqual([]);
    expect(run.tasks).toHaveLength(1);
    const task = run.tasks?.[0] as Task;
    expect(task.lastStatus).toBe('PROVISIONING');
    expect(task.desiredStatus).toBe('RUNNING');
    expect(task.group).toBe('family:migrate');
    expect(task.startedBy).toBe('ecs-actions');
    expect(task.taskDefinitionArn).toMatch(/:task-definition\/migrate:1$/);
    expect(task.overrides?.containerOverrides).toEqual([{ name: 'app', command: ['npm', 'run', 'migrate'] }]);

    expect(await statuses(task.taskArn as string)).toEqual([
      'PROVISIONING',
      'PENDING',
      'RUNNING',
      'DEPROVISIONING',
      'STOPPED',
    ]);
    const stopped = await describe1(task.taskArn as string);
    expect(stopped.stopCode).toBe('EssentialContainerExited');
    expect(stopped.stoppedReason).toBe('Essential container in task exited');
    expect(stopped.containers?.[0]?.exitCode).toBe(0);
    expect(stopped.desiredStatus).toBe('STOPPED');
    expect(stopped.stoppedAt?.getTime()).toBeGreaterThanOrEqual(
      (stopped.executionStoppedAt?.getTime() ?? 0) + TIMING.deprovisioning,
    );
    const tagged = await client.send(
      new DescribeTasksCommand({ cluster: 'jobs', tasks: [task.taskArn as string], include: ['TAGS'] }),
    );
    expect(tagged.tasks?.[0]?.tags).toEqual([{ key: 'job', value: 'migrate' }]);
  });

  it('reports a non-zero exit code of the essential container', async () => {
    const run = await client.send(
      new RunTaskCommand({ cluster: 'jobs', taskDefinition: 'crash:1', networkConfiguration: NETWORK, count: 2 }),
    );
    expect(run.tasks).toHaveLength(2);
    for (const task of run.tasks ?? []) {
      await statuses(task.taskArn as string);
      const stopped = await describe1(task.taskArn as string);
      expect(stopped.stopCode).toBe('EssentialContainerExited');
      expect(stopped.containers?.[0]?.exitCode).toBe(3);
    }
  });

  it('answers a placement failure in the failures array and starts nothing', async () => {
    const run = await client.send(
      new RunTaskCommand({ cluster: 'jobs', taskDefinition: 'nomem', networkConfiguration: NETWORK }),
    );
    expect(run.tasks).toEqual([]);
    expect(run.failures).toEqual([
      {
        arn: expect.stringMatching(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/jobs\//),
        reason: 'RESOURCE:MEMORY',
      },
    ]);
  });

  it.each([
    [
      'an unknown task definition',
      { taskDefinition: 'nope:1', networkConfiguration: NETWORK },
      'ClientException',
      'TaskDefinition not found.',
    ],
    [
      'awsvpc without a network configuration',
      { taskDefinition: 'migrate' },
      'InvalidParameterException',
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    ],
    [
      'count 11',
      { taskDefinition: 'migrate', networkConfiguration: NETWORK, count: 11 },
      'InvalidParameterException',
      'count must be between 1 and 10.',
    ],
    [
      'an override of an unknown container',
      {
        taskDefinition: 'migrate',
        networkConfiguration: NETWORK,
        overrides: { containerOverrides: [{ name: 'web' }] },
      },
      'InvalidParameterException',
      'Override for container named web is not a container in the TaskDefinition.',
    ],
    [
      'both a launch type and a capacity provider strategy',
      {
        taskDefinition: 'migrate',
        networkConfiguration: NETWORK,
        launchType: 'FARGATE' as const,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT' }],
      },
      'InvalidParameterException',
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    ],
  ])('refuses %s', async (_label, input, name, message) => {
    await expect(client.send(new RunTaskCommand({ cluster: 'jobs', ...input }))).rejects.toMatchObject({
      name,
      message,
    });
  });

  it('refuses an unknown cluster', async () => {
    await expect(
      client.send(new RunTaskCommand({ cluster: 'nope', taskDefinition: 'migrate', networkConfiguration: NETWORK })),
    ).rejects.toMatchObject({ name: 'ClusterNotFoundException' });
  });
});

describe('StopTask', () => {
  it('stops a running task: UserInitiated with the reason given, then DEPROVISIONING and STOPPED', async () => {
    const run = await client.send(
      new RunTaskCommand({ cluster: 'jobs', taskDefinition: 'forever', networkConfiguration: NETWORK }),
    );
    const arn = run.tasks?.[0]?.taskArn as string;
    sim.clock.advance(60_000);
    expect((await describe1(arn)).lastStatus).toBe('RUNNING');
    const stop = await client.send(new StopTaskCommand({ cluster: 'jobs', task: arn, reason: 'Cancelled by CI' }));
    expect(stop.task?.desiredStatus).toBe('STOPPED');
    expect(stop.task?.stopCode).toBe('UserInitiated');
    expect(stop.task?.stoppedReason).toBe('Cancelled by CI');
    expect(await statuses(arn)).toEqual(['STOPPING', 'DEPROVISIONING', 'STOPPED']);
    expect((await describe1(arn)).containers?.[0]?.exitCode).toBe(143);
  });

  it('stops a task that has not started at once', async () => {
    const run = await client.send(
      new RunTaskCommand({ cluster: 'jobs', taskDefinition: 'forever', networkConfiguration: NETWORK }),
    );
    const arn = run.tasks?.[0]?.taskArn as string;
    const stop = await client.send(new StopTaskCommand({ cluster: 'jobs', task: arn.split('/').pop() as string }));
    expect(stop.task?.lastStatus).toBe('STOPPED');
    expect(stop.task?.stopCode).toBe('UserInitiated');
    expect(stop.task?.stoppedReason).toBe('Task stopped by user');
  });

  it('refuses a task that does not exist', async () => {
    await expect(
      client.send(new StopTaskCommand({ cluster: 'jobs', task: '0123456789abcdef0123456789abcdef' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'The referenced task was not found.' });
  });
});
