/**
 * EventBridge rules and targets, and EventBridge Scheduler schedules, through the real @aws-sdk/client-eventbridge and
 * @aws-sdk/client-scheduler over HTTP: the SDKs' deserializers check every answer against the services' models
 * (a member of the wrong type or a timestamp in the wrong format fails the call), error names and messages follow the
 * API references, and a target or schedule reads back exactly as written.
 */
import {
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';

const ACCOUNT = '123456789012';
const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsEventsRole`;
const TASK_DEFINITION = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/shop-worker:3`;

let sim: Simulator;
let events: EventBridgeClient;
let scheduler: SchedulerClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  const credentials = { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY };
  events = new EventBridgeClient({
    region: 'us-east-1',
    endpoint: sim.env.AWS_ENDPOINT_URL_EVENTBRIDGE,
    credentials,
    maxAttempts: 1,
  });
  scheduler = new SchedulerClient({
    region: 'us-east-1',
    endpoint: sim.env.AWS_ENDPOINT_URL_SCHEDULER,
    credentials,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  events.destroy();
  scheduler.destroy();
  await sim.close();
});

const ecsTarget = (id: string, taskDefinitionArn: string) => ({
  Id: id,
  Arn: CLUSTER_ARN,
  RoleArn: ROLE,
  Input: '{"containerOverrides":[]}',
  RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
  EcsParameters: {
    TaskDefinitionArn: taskDefinitionArn,
    TaskCount: 1,
    LaunchType: 'FARGATE' as const,
    NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['subnet-a'], AssignPublicIp: 'DISABLED' as const } },
    PlatformVersion: 'LATEST',
  },
});

describe('EventBridge', () => {
  it('puts a scheduled rule, describes it, and keeps every member of an ECS target as put', async () => {
    const put = await events.send(new PutRuleCommand({ Name: 'nightly', ScheduleExpression: 'cron(0 3 * * ? *)' }));
    expect(put.RuleArn).toBe(`arn:aws:events:us-east-1:${ACCOUNT}:rule/nightly`);
    const described = await events.send(new DescribeRuleCommand({ Name: 'nightly' }));
    expect(described).toMatchObject({
      Name: 'nightly',
      State: 'ENABLED',
      EventBusName: 'default',
      ScheduleExpression: 'cron(0 3 * * ? *)',
    });
    const written = ecsTarget('worker', TASK_DEFINITION);
    expect(await events.send(new PutTargetsCommand({ Rule: 'nightly', Targets: [written] }))).toMatchObject({
      FailedEntryCount: 0,
      FailedEntries: [],
    });
    const listed = await events.send(new ListTargetsByRuleCommand({ Rule: 'nightly' }));
    expect(listed.Targets).toEqual([written]);
    // PutTargets with the same Id replaces the target whole.
    await events.send(
      new PutTargetsCommand({
        Rule: 'nightly',
        Targets: [
          {
            ...written,
            Input: undefined,
            EcsParameters: { ...written.EcsParameters, TaskDefinitionArn: 'shop-worker:4' },
          },
        ],
      }),
    );
    const replaced = await events.send(new ListTargetsByRuleCommand({ Rule: 'nightly' }));
    expect(replaced.Targets?.[0]?.Input).toBeUndefined();
    expect(replaced.Targets?.[0]?.EcsParameters?.TaskDefinitionArn).toBe('shop-worker:4');
    const removed = await events.send(new RemoveTargetsCommand({ Rule: 'nightly', Ids: ['worker', 'gone'] }));
    expect(removed.FailedEntryCount).toBe(1);
    expect(removed.FailedEntries?.[0]?.TargetId).toBe('gone');
    expect((await events.send(new ListTargetsByRuleCommand({ Rule: 'nightly' }))).Targets).toEqual([]);
  });

  it.each([
    [
      'a rule that does not exist',
      { Rule: 'missing', Targets: [ecsTarget('a', TASK_DEFINITION)] },
      'ResourceNotFoundException',
      'Rule missing does not exist on EventBus default.',
    ],
    [
      'an ECS target without a role',
      { Rule: 'checks', Targets: [{ ...ecsTarget('a', TASK_DEFINITION), RoleArn: undefined }] },
      'ValidationException',
      'Parameter(s) RoleArn must be specified for target: a.',
    ],
    [
      'an ECS target without a task definition',
      { Rule: 'checks', Targets: [{ ...ecsTarget('a', TASK_DEFINITION), EcsParameters: { TaskCount: 1 } }] },
      'ValidationException',
      'Parameter(s) TaskDefinitionArn must be specified for target: a.',
    ],
    [
      'a Fargate target without a network',
      {
        Rule: 'checks',
        Targets: [
          {
            ...ecsTarget('a', TASK_DEFINITION),
            EcsParameters: { TaskDefinitionArn: TASK_DEFINITION, LaunchType: 'FARGATE' },
          },
        ],
      },
      'ValidationException',
      'Parameter(s) NetworkConfiguration must be specified for target: a when LaunchType is FARGATE.',
    ],
    [
      'a task count of 11',
      {
        Rule: 'checks',
        Targets: [
          { ...ecsTarget('a', TASK_DEFINITION), EcsParameters: { TaskDefinitionArn: TASK_DEFINITION, TaskCount: 11 } },
        ],
      },
      'ValidationException',
      'Parameter TaskCount is not valid for target: a: it must be between 1 and 10.',
    ],
  ])('refuses %s, changing nothing', async (_, input, name, message) => {
    await events.send(new PutRuleCommand({ Name: 'checks', ScheduleExpression: 'rate(5 minutes)' }));
    await expect(events.send(new PutTargetsCommand(input as never))).rejects.toMatchObject({ name, message });
    expect(sim.events.targetsOf('checks')).toEqual([]);
  });

  it('refuses a sixth target on a rule (LimitExceededException) and a rule with neither pattern nor schedule', async () => {
    await events.send(new PutRuleCommand({ Name: 'full', ScheduleExpression: 'rate(1 hour)' }));
    const five = ['1', '2', '3', '4', '5'].map((id) => ecsTarget(id, TASK_DEFINITION));
    await events.send(new PutTargetsCommand({ Rule: 'full', Targets: five }));
    await expect(
      events.send(new PutTargetsCommand({ Rule: 'full', Targets: [ecsTarget('6', TASK_DEFINITION)] })),
    ).rejects.toMatchObject({ name: 'LimitExceededException' });
    await expect(events.send(new PutRuleCommand({ Name: 'empty' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter(s) EventPattern or ScheduleExpression must be specified.',
    });
    await expect(events.send(new DescribeRuleCommand({ Name: 'empty' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('records events:* actions and iam:PassRole for a target with a role', () => {
    expect(sim.iamActions()).toEqual(
      expect.arrayContaining(['events:PutRule', 'events:PutTargets', 'events:ListTargetsByRule', 'iam:PassRole']),
    );
  });
});

describe('EventBridge Scheduler', () => {
  const schedule = (taskDefinitionArn: string) => ({
    Name: 'report',
    ScheduleExpression: 'cron(0 6 * * ? *)',
    ScheduleExpressionTimezone: 'Asia/Seoul',
    Description: 'daily report',
    State: 'DISABLED' as const,
    FlexibleTimeWindow: { Mode: 'FLEXIBLE' as const, MaximumWindowInMinutes: 15 },
    StartDate: new Date('2026-01-01T00:00:00Z'),
    Target: {
      Arn: CLUSTER_ARN,
      RoleArn: ROLE,
      RetryPolicy: { MaximumRetryAttempts: 1 },
      EcsParameters: {
        TaskDefinitionArn: taskDefinitionArn,
        LaunchType: 'FARGATE' as const,
        NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['subnet-a'] } },
      },
    },
  });

  it('creates, gets and lists a schedule with an ECS target, dates as dates', async () => {
    const created = await scheduler.send(new CreateScheduleCommand(schedule(TASK_DEFINITION)));
    expect(created.ScheduleArn).toBe(`arn:aws:scheduler:us-east-1:${ACCOUNT}:schedule/default/report`);
    const got = await scheduler.send(new GetScheduleCommand({ Name: 'report' }));
    const { Name, ...members } = schedule(TASK_DEFINITION);
    expect(got).toMatchObject({ ...members, Name, GroupName: 'default', ActionAfterCompletion: 'NONE' });
    expect(got.CreationDate).toBeInstanceOf(Date);
    expect(got.StartDate?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const listed = await scheduler.send(new ListSchedulesCommand({ NamePrefix: 'rep' }));
    expect(listed.Schedules).toEqual([
      expect.objectContaining({ Name: 'report', State: 'DISABLED', Target: { Arn: CLUSTER_ARN } }),
    ]);
    await expect(scheduler.send(new CreateScheduleCommand(schedule(TASK_DEFINITION)))).rejects.toMatchObject({
      name: 'ConflictException',
      message: 'Schedule report already exists.',
    });
  });

  it('UpdateSchedule replaces the whole schedule: members left out go back to their defaults', async () => {
    await scheduler.send(
      new UpdateScheduleCommand({
        Name: 'report',
        ScheduleExpression: 'cron(0 6 * * ? *)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: CLUSTER_ARN, RoleArn: ROLE, EcsParameters: { TaskDefinitionArn: 'shop-worker:4' } },
      }),
    );
    const got = await scheduler.send(new GetScheduleCommand({ Name: 'report' }));
    expect(got.State).toBe('ENABLED');
    expect(got.Description).toBeUndefined();
    expect(got.ScheduleExpressionTimezone).toBeUndefined();
    expect(got.Target?.EcsParameters).toEqual({ TaskDefinitionArn: 'shop-worker:4' });
  });

  it.each([
    [
      'an unknown schedule',
      new GetScheduleCommand({ Name: 'nope' }),
      'ResourceNotFoundException',
      'Schedule nope does not exist.',
    ],
    [
      'an update of an unknown schedule',
      new UpdateScheduleCommand({ ...schedule(TASK_DEFINITION), Name: 'nope' }),
      'ResourceNotFoundException',
      'Schedule nope does not exist.',
    ],
    [
      'an unknown group',
      new GetScheduleCommand({ Name: 'report', GroupName: 'other' }),
      'ResourceNotFoundException',
      'Schedule group other does not exist.',
    ],
    [
      'a bad expression',
      new CreateScheduleCommand({ ...schedule(TASK_DEFINITION), Name: 'bad', ScheduleExpression: 'every day' }),
      'ValidationException',
      'Invalid Schedule Expression every day.',
    ],
    [
      'an ECS target without a task definition',
      new CreateScheduleCommand({
        ...schedule(TASK_DEFINITION),
        Name: 'bad',
        Target: { Arn: CLUSTER_ARN, RoleArn: ROLE, EcsParameters: {} as never },
      }),
      'ValidationException',
      `Parameter(s) TaskDefinitionArn must be specified for target: ${CLUSTER_ARN}.`,
    ],
  ])('refuses %s', async (_, command, name, message) => {
    await expect(scheduler.send(command as never)).rejects.toMatchObject({ name, message });
  });

  it('records scheduler:* actions and iam:PassRole', () => {
    expect(sim.iamActions()).toEqual(
      expect.arrayContaining([
        'scheduler:CreateSchedule',
        'scheduler:GetSchedule',
        'scheduler:UpdateSchedule',
        'scheduler:ListSchedules',
        'iam:PassRole',
      ]),
    );
  });
});
