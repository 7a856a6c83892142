/**
 * The failure report's app log lines: which containers are read (awslogs configuration), the log and the summary of a
 * crashing deployment run through deploy() against the simulator's ECS and CloudWatch Logs, and the one line a denied
 * permission or a missing stream gives.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { realSleep, systemClock } from '@ecs-actions/core';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { awslogsConfigs, LOG_LINES_SHOWN } from '../src/app-logs.js';
import { deploy } from '../src/deploy.js';
import { summaryMarkdown } from '../src/summary.js';
import { toRegisterRequest } from '../src/taskdef.js';
import type { DeployDeps } from '../src/types.js';
import { deployInputs } from './deploy-inputs.js';
import { CapturingLog } from './fake-ecs.js';
import { withImage } from './seed.js';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const GROUP = '/ecs/ecs_be_prod';

/** A Spring Boot app that cannot start, 25 lines: only the last 20 are shown. */
const CRASH_LINES = [
  ...Array.from({ length: 5 }, (_, i) => `INFO startup step ${i + 1}`),
  'Starting EcsBeApplication v0.2548.2 using Java 21.0.5',
  'ERROR o.s.boot.SpringApplication : Application run failed',
  'org.springframework.beans.factory.BeanCreationException: Error creating bean with name `dataSource` | pipe',
  '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)',
  ...Array.from({ length: 9 }, (_, i) => `\tat frame ${i + 1}`),
  '',
  '***************************',
  'APPLICATION FAILED TO START',
  '***************************',
  '```',
  'Description: Failed to configure a DataSource: url attribute is not specified.',
];

describe('awslogsConfigs', () => {
  it.each([
    [
      'awslogs with a prefix and a region',
      {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/g', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
      },
      [{ container: 'app', group: '/g', region: 'eu-west-1', streamPrefix: 'ecs' }],
    ],
    [
      'awslogs without a region: the step region',
      { logDriver: 'awslogs', options: { 'awslogs-group': '/g', 'awslogs-stream-prefix': 'p' } },
      [{ container: 'app', group: '/g', region: 'us-east-1', streamPrefix: 'p' }],
    ],
    [
      'awslogs without a prefix',
      { logDriver: 'awslogs', options: { 'awslogs-group': '/g' } },
      [{ container: 'app', group: '/g', region: 'us-east-1' }],
    ],
    ['another driver', { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } }, []],
    ['no log configuration', undefined, []],
  ])('%s', (_name, logConfiguration, expected) => {
    expect(awslogsConfigs([{ name: 'app', logConfiguration } as never], 'us-east-1')).toEqual(expected);
  });
});

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function crashingDeploy(setUp: (sim: Simulator) => void = () => {}, source: 'file' | 'arn' = 'file') {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: withImage(`${REPO}:0.2548.1`),
    desiredCount: 2,
  });
  sim.ecs.setImageScenario(`${REPO}:0.2548.2`, { kind: 'crash-on-start', exitCode: 1 }, { logLines: CRASH_LINES });
  setUp(sim);
  const rendered = toRegisterRequest(withImage(`${REPO}:0.2548.2`));
  if ('problem' in rendered) throw new Error(rendered.problem);
  const { env } = sim;
  const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY };
  const ecs = new ECSClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_ECS, credentials });
  // task-definition-arn: a revision registered beforehand, whose log configuration the step must describe.
  const registered =
    source === 'arn'
      ? (await ecs.send(new RegisterTaskDefinitionCommand(rendered.request))).taskDefinition?.taskDefinitionArn
      : undefined;
  const inputs = deployInputs(rendered, {
    ...(registered ? { taskDefinition: { kind: 'arn', arn: registered } } : {}),
    service: 'be',
    timeoutMs: 60_000,
    pollIntervalMs: 250,
    preflight: 'warn',
  });
  const logsRegions: string[] = [];
  const logsClient = new CloudWatchLogsClient({
    region: 'ap-northeast-2',
    endpoint: env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS,
    credentials,
    maxAttempts: 1,
  });
  const log = new CapturingLog();
  const deps: DeployDeps = {
    ecs,
    ecsSingleAttempt: ecs,
    region: env.AWS_REGION,
    clock: systemClock,
    sleep: realSleep,
    log,
    logs: async (region) => {
      logsRegions.push(region);
      return logsClient;
    },
  };
  try {
    const result = await deploy(inputs, deps);
    return { result, log, logsRegions, sim };
  } finally {
    ecs.destroy();
    logsClient.destroy();
  }
}

describe('the failure report shows the app log lines', () => {
  it("shows each stopped task's last 20 lines in the log and in the summary, escaped", async () => {
    const { result, log, logsRegions, sim } = await crashingDeploy();
    expect(result.status).toBe('rolled-back');
    expect(result.stoppedTasks.length).toBeGreaterThan(0);
    // The fixture's awslogs-region, not the step's.
    expect(new Set(logsRegions)).toEqual(new Set(['ap-northeast-2']));
    const gets = sim.callsOf('GetLogEvents');
    expect(gets).toHaveLength(result.stoppedTasks.length);
    const [first, ...others] = result.stoppedTasks;
    for (const task of result.stoppedTasks) {
      const stream = `ecs/ecs_be_prod_container/${task.taskId}`;
      // Every task of the crash loop logged the same lines: shown for the first, named as the same for the others.
      expect(task.logs).toEqual([
        {
          container: 'ecs_be_prod_container',
          group: GROUP,
          stream,
          lines: CRASH_LINES.slice(-LOG_LINES_SHOWN),
          ...(task === first ? {} : { sameAs: first?.taskId }),
        },
      ]);
      expect(gets.map((call) => call.params)).toContainEqual({
        logGroupName: GROUP,
        logStreamName: stream,
        limit: 20,
        startFromHead: false,
      });
    }
    const text = log.text();
    expect(others.length).toBeGreaterThan(0);
    for (const task of others) {
      expect(log.lines).toContain(
        `  container ecs_be_prod_container logged the same last 20 lines as in task ${first?.taskId}`,
      );
      expect(text.match(/ {4}\| APPLICATION FAILED TO START/g)).toHaveLength(1);
      expect(summaryMarkdown(result)).toContain(
        `- task \`${task.taskId}\`, container \`ecs_be_prod_container\`: the same last 20 lines as task \`${first?.taskId}\``,
      );
    }
    expect(text).toContain(`last 20 log lines of container ecs_be_prod_container (${GROUP} ecs/ecs_be_prod_container/`);
    expect(text).toContain('    | APPLICATION FAILED TO START');
    expect(CRASH_LINES.length).toBeGreaterThan(LOG_LINES_SHOWN);
    expect(text).not.toContain(CRASH_LINES[CRASH_LINES.length - LOG_LINES_SHOWN - 1]);
    expect(text).toContain('    | Starting EcsBeApplication');

    const md = summaryMarkdown(result);
    expect(md).toContain('#### Last log lines');
    // The line of three backticks stays inside a longer fence; the pipe stays as it is inside the block.
    expect(md).toContain('````text\n');
    expect(md).toContain('APPLICATION FAILED TO START\n***************************\n```\nDescription:');
    expect(md).toContain('`dataSource` | pipe');
    // The stopped-task table is still whole: every row of it has its four cells.
    const table = md.slice(md.indexOf('#### Stopped tasks'), md.indexOf('#### Last log lines'));
    for (const row of table.split('\n').filter((line) => line.startsWith('|'))) {
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    }
  }, 60_000);

  it('with task-definition-arn, the log configuration comes from DescribeTaskDefinition', async () => {
    const { result, log, sim } = await crashingDeploy(() => {}, 'arn');
    expect(result.status).toBe('rolled-back');
    expect(sim.callsOf('DescribeTaskDefinition').length).toBeGreaterThanOrEqual(2);
    expect(sim.callsOf('GetLogEvents').length).toBe(result.stoppedTasks.length);
    expect(log.text()).toContain('    | APPLICATION FAILED TO START');
  }, 60_000);

  it.each([1, 2, 3])(
    'pages back past empty and partly full pages whose token moved, to the last 20 lines (short pages, seed %i)',
    async (seed) => {
      const { result } = await crashingDeploy((s) => s.logs.setShortPages(seed));
      expect(result.status).toBe('rolled-back');
      expect(result.stoppedTasks.length).toBeGreaterThan(0);
      for (const task of result.stoppedTasks) {
        expect(task.logs?.[0]?.lines).toEqual(CRASH_LINES.slice(-LOG_LINES_SHOWN));
      }
    },
    60_000,
  );

  it('a denied logs:GetLogEvents is one line naming it; the outcome is unchanged', async () => {
    const { result, log, sim } = await crashingDeploy((s) =>
      s.faults.inject({
        api: 'logs',
        operation: 'GetLogEvents',
        kind: 'access-denied',
        count: Number.POSITIVE_INFINITY,
      }),
    );
    expect(result.status).toBe('rolled-back');
    const denied = `logs:GetLogEvents was denied on log group ${GROUP} (ap-northeast-2): the task's log lines are not shown`;
    expect(log.lines.filter((line) => line.includes('logs:GetLogEvents'))).toEqual([`  ${denied}`]);
    // Asked once: the group is not asked again for the other tasks.
    expect(sim.callsOf('GetLogEvents')).toHaveLength(1);
    expect(log.warnings.join('\n')).not.toContain('GetLogEvents');
    expect(summaryMarkdown(result)).toContain(denied);
  }, 60_000);

  it.each([
    ['a missing stream', true, 'log stream ecs/ecs_be_prod_container/'],
    ['a missing group', false, `log group ${GROUP} was not found (ap-northeast-2)`],
  ])(
    '%s is one line naming it',
    async (_name, groupExists, named) => {
      const { result, log } = await crashingDeploy((s) => {
        // A pull failure: the containers never ran, so they wrote nothing.
        s.ecs.setImageScenario(`${REPO}:0.2548.2`, 'image-pull-failure');
        if (groupExists) s.logs.createLogGroup(GROUP);
      });
      expect(result.status).toBe('rolled-back');
      const notes = log.lines.filter((line) => line.includes("the task's log lines are not shown"));
      expect(notes.length).toBeGreaterThan(0);
      for (const note of notes) expect(note).toContain(named);
      expect(log.text()).toContain('CannotPullContainerError');
    },
    60_000,
  );
});
