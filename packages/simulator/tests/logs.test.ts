/**
 * The CloudWatch Logs side through the real `@aws-sdk/client-cloudwatch-logs` (endpoint from
 * AWS_ENDPOINT_URL_CLOUDWATCH_LOGS): GetLogEvents, FilterLogEvents, DescribeLogStreams, their errors, the
 * access-denied fault, and the lines tasks with the awslogs driver write when they run.
 */
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import { ecsClient, errorOf, fargateTaskDefinition, tasksOf } from './ecs-helpers.js';

let sim: Simulator;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  logs = new CloudWatchLogsClient({
    region: sim.env.AWS_REGION,
    endpoint: sim.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
  const base = sim.clock.now();
  sim.logs.putLogEvents(
    '/ecs/seeded',
    'app/web/aaa',
    Array.from({ length: 30 }, (_, i) => ({ timestamp: base + i, message: `line ${i + 1}` })),
  );
  sim.logs.putLogEvents('/ecs/seeded', 'app/web/bbb', [{ timestamp: base + 100, message: 'ERROR boom in bbb' }]);
});

afterAll(async () => {
  logs.destroy();
  await sim.close();
});

beforeEach(() => sim.faults.clear());

describe('GetLogEvents', () => {
  it('answers the newest events by default, oldest first, with tokens to page back', async () => {
    const out = await logs.send(
      new GetLogEventsCommand({ logGroupName: '/ecs/seeded', logStreamName: 'app/web/aaa', limit: 20 }),
    );
    expect(out.events?.map((e) => e.message)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i + 11}`));
    expect(typeof out.events?.[0]?.timestamp).toBe('number');
    expect(out.nextForwardToken).toMatch(/^f\//);
    const back = await logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/seeded',
        logStreamName: 'app/web/aaa',
        limit: 20,
        nextToken: out.nextBackwardToken,
      }),
    );
    expect(back.events?.map((e) => e.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 1}`));
    // At the end of the stream the forward token comes back unchanged.
    const end = await logs.send(
      new GetLogEventsCommand({
        logGroupName: '/ecs/seeded',
        logStreamName: 'app/web/aaa',
        nextToken: out.nextForwardToken,
      }),
    );
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(out.nextForwardToken);
  });

  it('startFromHead answers the oldest events', async () => {
    const out = await logs.send(
      new GetLogEventsCommand({
        logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/seeded',
        logStreamName: 'app/web/aaa',
        limit: 2,
        startFromHead: true,
      }),
    );
    expect(out.events?.map((e) => e.message)).toEqual(['line 1', 'line 2']);
  });

  it.each([
    ['/ecs/missing', 'app/web/aaa', 'The specified log group does not exist.'],
    ['/ecs/seeded', 'app/web/zzz', 'The specified log stream does not exist.'],
  ])('a missing group or stream is ResourceNotFoundException (%s %s)', async (group, stream, message) => {
    const error = await errorOf(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe(message);
  });

  it('short pages (seeded): empty and partial pages before the end, tokens that move, every event once', async () => {
    const read = async (direction: 'forward' | 'backward', seed: number) => {
      sim.logs.setShortPages(seed);
      const pages: { count: number; token: string }[] = [];
      const lines: string[] = [];
      let token: string | undefined;
      for (let call = 0; call < 200; call++) {
        const out = await logs.send(
          new GetLogEventsCommand({
            logGroupName: '/ecs/seeded',
            logStreamName: 'app/web/aaa',
            limit: 8,
            startFromHead: direction === 'forward',
            ...(token ? { nextToken: token } : {}),
          }),
        );
        const messages = out.events?.map((e) => e.message ?? '') ?? [];
        const next = (direction === 'forward' ? out.nextForwardToken : out.nextBackwardToken) ?? '';
        pages.push({ count: messages.length, token: next });
        if (direction === 'forward') lines.push(...messages);
        else lines.unshift(...messages);
        if (next === token) break;
        token = next;
      }
      sim.logs.setShortPages(undefined);
      return { pages, lines };
    };
    const all = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    for (const direction of ['forward', 'backward'] as const) {
      const { pages, lines } = await read(direction, 7);
      // Every event exactly once, in order, however the pages were cut.
      expect(lines).toEqual(all);
      const beforeEnd = pages.slice(0, -1);
      expect(beforeEnd.some((page) => page.count === 0)).toBe(true);
      expect(beforeEnd.some((page) => page.count > 0 && page.count < 8)).toBe(true);
      // An empty page's token moved all the same; only the end repeats it.
      expect(new Set(beforeEnd.map((page) => page.token)).size).toBe(beforeEnd.length);
      expect(pages.at(-1)?.token).toBe(pages.at(-2)?.token);
      // The same seed cuts the same pages.
      expect((await read(direction, 7)).pages.map((page) => page.count)).toEqual(pages.map((page) => page.count));
    }
  });

  it('a limit out of range is InvalidParameterException', async () => {
    const error = await errorOf(
      logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/seeded', logStreamName: 'app/web/aaa', limit: 10_001 })),
    );
    expect(error.name).toBe('InvalidParameterException');
  });

  it("the access-denied fault names logs:GetLogEvents and the log stream's ARN", async () => {
    sim.faults.inject({ api: 'logs', operation: 'GetLogEvents', kind: 'access-denied' });
    const error = await errorOf(
      logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/seeded', logStreamName: 'app/web/aaa' })),
    );
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toContain(
      'not authorized to perform: logs:GetLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:/ecs/seeded:log-stream:app/web/aaa',
    );
    const call = sim.calls.at(-1);
    expect(call).toMatchObject({ api: 'logs', operation: 'GetLogEvents', status: 400, error: 'AccessDeniedException' });
    expect(sim.iamActions()).toContain('logs:GetLogEvents');
  });
});

describe('FilterLogEvents and DescribeLogStreams', () => {
  it('filters across the streams of a group by pattern and prefix', async () => {
    const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/ecs/seeded', filterPattern: 'ERROR' }));
    expect(out.events?.map((e) => [e.logStreamName, e.message])).toEqual([['app/web/bbb', 'ERROR boom in bbb']]);
    const prefixed = await logs.send(
      new FilterLogEventsCommand({ logGroupName: '/ecs/seeded', logStreamNamePrefix: 'app/web/a', limit: 5 }),
    );
    expect(prefixed.events).toHaveLength(5);
    expect(prefixed.nextToken).toBeDefined();
    const next = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: '/ecs/seeded',
        logStreamNamePrefix: 'app/web/a',
        limit: 5,
        nextToken: prefixed.nextToken,
      }),
    );
    expect(next.events?.[0]?.message).toBe('line 6');
  });

  it('describes the streams by name or by last event time', async () => {
    const byName = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/seeded' }));
    expect(byName.logStreams?.map((s) => s.logStreamName)).toEqual(['app/web/aaa', 'app/web/bbb']);
    expect(byName.logStreams?.[0]).toMatchObject({
      arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/seeded:log-stream:app/web/aaa',
    });
    const latest = await logs.send(
      new DescribeLogStreamsCommand({
        logGroupName: '/ecs/seeded',
        orderBy: 'LastEventTime',
        descending: true,
        limit: 1,
      }),
    );
    expect(latest.logStreams?.map((s) => s.logStreamName)).toEqual(['app/web/bbb']);
    const error = await errorOf(
      logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: '/ecs/seeded',
          orderBy: 'LastEventTime',
          logStreamNamePrefix: 'a',
        }),
      ),
    );
    expect(error.name).toBe('InvalidParameterException');
    const missing = await errorOf(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });
});

describe('tasks write their awslogs lines', () => {
  const withAwslogs = (family: string, image: string) => {
    const td = fargateTaskDefinition(family, image);
    const [container] = td.containerDefinitions;
    return {
      ...td,
      containerDefinitions: [
        {
          ...container,
          logConfiguration: {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': `/ecs/${family}`,
              'awslogs-region': 'us-east-1',
              'awslogs-stream-prefix': 'ecs',
            },
          },
        },
      ],
    };
  };

  /** A one-task service of family `name`, image `<name>:1`, logging with awslogs to `/ecs/<name>`. */
  const seedAwslogsService = (name: string) =>
    sim.ecs.seedService({
      cluster: 'logs',
      serviceName: name,
      desiredCount: 1,
      taskDefinition: withAwslogs(name, `${name}:1`),
    });

  it('a crash on start writes the scenario lines into <prefix>/<container>/<task id>', async () => {
    const ecs = ecsClient(sim);
    try {
      seedAwslogsService('api');
      const crash = ['Starting Application', 'APPLICATION FAILED TO START', 'Port 8080 was already in use.'];
      sim.ecs.setImageScenario('api:2', { kind: 'crash-on-start', exitCode: 1 }, { logLines: crash });
      const { taskDefinition } = await ecs.send(
        new RegisterTaskDefinitionCommand(withAwslogs('api', 'api:2') as never),
      );
      const arn = taskDefinition?.taskDefinitionArn;
      await ecs.send(new UpdateServiceCommand({ cluster: 'logs', service: 'api', taskDefinition: arn }));
      sim.clock.advance(60_000);
      const crashed = (await tasksOf(ecs, 'logs', 'api', 'STOPPED')).filter((task) => task.taskDefinitionArn === arn);
      expect(crashed.length).toBeGreaterThan(0);
      for (const task of crashed) {
        const id = task.taskArn?.split('/').pop() ?? '';
        expect(sim.logs.messages('/ecs/api', `ecs/app/${id}`)).toEqual(crash);
      }
      const id = crashed[0]?.taskArn?.split('/').pop() ?? '';
      const out = await logs.send(
        new GetLogEventsCommand({ logGroupName: '/ecs/api', logStreamName: `ecs/app/${id}`, limit: 20 }),
      );
      expect(out.events?.map((e) => e.message)).toEqual(crash);
      // The tasks seeded as already running wrote nothing; only launched tasks log.
      expect(sim.logs.streams('/ecs/api')).toHaveLength(crashed.length);
    } finally {
      ecs.destroy();
    }
  });

  it('a task that starts writes default startup lines; a pull failure writes none', async () => {
    const ecs = ecsClient(sim);
    try {
      seedAwslogsService('ok');
      await ecs.send(new UpdateServiceCommand({ cluster: 'logs', service: 'ok', forceNewDeployment: true }));
      sim.clock.advance(40_000);
      const [running] = await tasksOf(ecs, 'logs', 'ok', 'RUNNING').then((tasks) =>
        tasks.filter((task) => task.lastStatus === 'RUNNING' && task.startedBy !== undefined),
      );
      const ids = sim.logs.streams('/ecs/ok');
      expect(ids).toHaveLength(1);
      expect(running?.taskArn?.endsWith(ids[0]?.split('/').pop() ?? 'none')).toBe(true);
      expect(sim.logs.messages('/ecs/ok', ids[0] ?? '')).toEqual(['Starting app (image ok:1)', 'app started']);

      sim.ecs.setImageScenario('ok:2', 'image-pull-failure');
      const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand(withAwslogs('ok', 'ok:2') as never));
      await ecs.send(
        new UpdateServiceCommand({ cluster: 'logs', service: 'ok', taskDefinition: taskDefinition?.taskDefinitionArn }),
      );
      sim.clock.advance(60_000);
      await tasksOf(ecs, 'logs', 'ok', 'STOPPED');
      expect(sim.logs.streams('/ecs/ok')).toHaveLength(1);
    } finally {
      ecs.destroy();
    }
  });
});
