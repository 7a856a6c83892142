/**
 * End to end: an application deploy (app-file) by the committed bundle against the simulator: two services, one
 * EventBridge rule and one Scheduler schedule from one build. Success, a crashing worker (everything put back),
 * another run deploying the api meanwhile (api superseded and left alone), a denied PutTargets while the
 * services come up, a first deploy that creates a service, and bad application files refused before any call.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { documentedActions } from '../../../packages/pipeline-runner/tests/documented-policy.js';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const ACCOUNT = '123456789012';
const REPO = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop`;
const OLD_IMAGE = `${REPO}:0.2548.1`;
const NEW_IMAGE = `${REPO}:0.2548.2`;
const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsEventsRole`;
const ARN = (family: string, revision: number) =>
  `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${family}:${revision}`;

const taskDefinition = (family: string, container: string, image: string) => ({
  family,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
  containerDefinitions: [{ name: container, image, essential: true, portMappings: [{ containerPort: 8080 }] }],
});

const APP = {
  application: 'shop',
  environments: { production: { cluster: 'prod' } },
  services: {
    api: { service: 'shop-api', taskDefinition: '.aws/api.json', images: { api: 'built' } },
    worker: { service: 'shop-worker', taskDefinition: '.aws/worker.json', images: { worker: 'built' } },
  },
  rules: { nightly: { rule: 'shop-nightly', taskDefinition: '.aws/worker.json', images: { worker: 'built' } } },
  schedules: { report: { schedule: 'shop-report', taskDefinition: '.aws/worker.json', images: { worker: 'built' } } },
};

const RULE_TARGET = {
  Id: 'worker-nightly',
  Arn: CLUSTER_ARN,
  RoleArn: ROLE,
  Input: '{"containerOverrides":[{"name":"worker","command":["nightly"]}]}',
  EcsParameters: {
    TaskDefinitionArn: ARN('shop-worker', 1),
    TaskCount: 1,
    LaunchType: 'FARGATE',
    NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['subnet-a'], AssignPublicIp: 'DISABLED' } },
  },
};

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Setup {
  /** Seed shop-worker (default true). */
  worker?: boolean;
  app?: unknown;
}

async function setUp(setup: Setup = {}): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  const seed = (name: string, container: string) =>
    sim?.ecs.seedService({
      cluster: 'prod',
      serviceName: `shop-${name}`,
      taskDefinition: taskDefinition(`shop-${name}`, container, OLD_IMAGE),
      desiredCount: 2,
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
    });
  seed('api', 'api');
  if (setup.worker !== false) seed('worker', 'worker');
  else {
    // The rule and schedule still need shop-worker:1 to exist.
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: 'seed-only',
      taskDefinition: taskDefinition('shop-worker', 'worker', OLD_IMAGE),
      desiredCount: 0,
    });
  }
  await sim.events.handle('PutRule', { Name: 'shop-nightly', ScheduleExpression: 'cron(0 3 * * ? *)' });
  await sim.events.handle('PutTargets', { Rule: 'shop-nightly', Targets: [RULE_TARGET] });
  await sim.scheduler.handle('CreateSchedule', {
    Name: 'shop-report',
    ScheduleExpression: 'cron(0 6 * * ? *)',
    ScheduleExpressionTimezone: 'Asia/Seoul',
    Description: 'daily report',
    FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
    Target: {
      Arn: CLUSTER_ARN,
      RoleArn: ROLE,
      EcsParameters: {
        TaskDefinitionArn: ARN('shop-worker', 1),
        LaunchType: 'FARGATE',
        NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['subnet-a'] } },
      },
    },
  });
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-app-'));
  await mkdir(path.join(workspace, '.aws'));
  await writeFile(
    path.join(workspace, '.aws', 'api.json'),
    JSON.stringify(taskDefinition('shop-api', 'api', 'placeholder')),
  );
  await writeFile(
    path.join(workspace, '.aws', 'worker.json'),
    JSON.stringify(taskDefinition('shop-worker', 'worker', 'placeholder')),
  );
  await writeFile(
    path.join(workspace, '.aws', 'worker-service.json'),
    JSON.stringify({ desiredCount: 1, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } } }),
  );
  await writeFile(path.join(workspace, '.aws', 'ecs-app.json'), JSON.stringify(setup.app ?? APP, null, 2));
  return { sim, workspace };
}

function run(s: { sim: Simulator; workspace: string }, inputs: Record<string, string> = {}): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'app-file': '.aws/ecs-app.json',
      environment: 'production',
      image: NEW_IMAGE,
      'poll-interval': '250ms',
      timeout: '30s',
      ...inputs,
    },
    timeoutMs: 60_000,
  });
}

const runs = (s: { sim: Simulator }, service: string) =>
  (s.sim.ecs.describeService('prod', service) as { taskDefinition: string }).taskDefinition;
const ruleRuns = (s: { sim: Simulator }) =>
  s.sim.events.targetsOf('shop-nightly')[0]?.EcsParameters as { TaskDefinitionArn: string };
const scheduleRuns = (s: { sim: Simulator }) =>
  (s.sim.scheduler.schedule('shop-report')?.Target as { EcsParameters?: { TaskDefinitionArn?: string } } | undefined)
    ?.EcsParameters?.TaskDefinitionArn;
const targets = (result: BundleRun) =>
  Object.fromEntries(
    (JSON.parse(result.outputs.targets ?? '[]') as { name: string; status: string }[]).map((t) => [t.name, t.status]),
  );

describe('ecs-deploy-wait application deploy (app-file)', () => {
  it('deploys api + worker + a rule + a schedule from one build: one registration per family, every other field kept', async () => {
    const s = await setUp();
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('succeeded');
    expect(targets(result)).toEqual({
      api: 'succeeded',
      worker: 'succeeded',
      nightly: 'succeeded',
      report: 'succeeded',
    });
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(2);
    expect(runs(s, 'shop-api')).toBe(ARN('shop-api', 2));
    expect(runs(s, 'shop-worker')).toBe(ARN('shop-worker', 2));
    // PutTargets re-sent the target as ListTargetsByRule returned it, only the revision changed.
    expect(s.sim.events.targetsOf('shop-nightly')).toEqual([
      { ...RULE_TARGET, EcsParameters: { ...RULE_TARGET.EcsParameters, TaskDefinitionArn: ARN('shop-worker', 2) } },
    ]);
    // UpdateSchedule replaces the schedule: everything GetSchedule returned was sent again.
    expect(s.sim.scheduler.schedule('shop-report')).toMatchObject({
      Description: 'daily report',
      ScheduleExpressionTimezone: 'Asia/Seoul',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
    });
    expect(scheduleRuns(s)).toBe(ARN('shop-worker', 2));
    expect(result.log).toMatch(/\[api\] Updated service shop-api/);
    expect(result.log).toMatch(/\[worker\] Updated service shop-worker/);
    expect(result.summary).toContain('### ECS application shop to production: `succeeded`');
    expect(result.summary).toMatch(
      /\| nightly \| rule \| `shop-nightly` \| `shop-worker:2` \| `shop-worker:1` \| `succeeded` \|/,
    );
    // Two services are followed on one DescribeServices call per poll.
    const polls = s.sim
      .callsOf('DescribeServices')
      .map((call) => (call.params as { services: string[] }).services.length);
    expect(polls.filter((n) => n === 2).length).toBeGreaterThan(polls.filter((n) => n === 1).length);
    expect(s.sim.iamActions()).toEqual(
      expect.arrayContaining([
        'events:ListTargetsByRule',
        'events:PutTargets',
        'scheduler:GetSchedule',
        'scheduler:UpdateSchedule',
        'iam:PassRole',
      ]),
    );
    // docs/setup.md's policy (with the app-file statement) allows every call the step made.
    expect(s.sim.iamActions().filter((action) => !documentedActions().includes(action))).toEqual([]);
  });

  it('the worker crashing: all four put back (the rule and schedule too, whole), the step fails once saying so', async () => {
    const s = await setUp();
    const scheduleBefore = s.sim.scheduler.schedule('shop-report');
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.outputs.status).toBe('rolled-back');
    // Every target was changed together with the services, so every one is put back and reported.
    expect(targets(result)).toEqual({
      api: 'rolled-back',
      worker: 'rolled-back',
      nightly: 'rolled-back',
      report: 'rolled-back',
    });
    expect(runs(s, 'shop-api')).toBe(ARN('shop-api', 1));
    expect(runs(s, 'shop-worker')).toBe(ARN('shop-worker', 1));
    // The rule's target is back field for field (PutTargets with the previous target as read), ours then the put-back.
    expect(s.sim.callsOf('PutTargets')).toHaveLength(2);
    expect(s.sim.events.targetsOf('shop-nightly')).toEqual([RULE_TARGET]);
    // The schedule is back whole (UpdateSchedule re-sent the previous schedule), ours then the put-back.
    expect(s.sim.callsOf('UpdateSchedule')).toHaveLength(2);
    expect(s.sim.scheduler.schedule('shop-report')).toMatchObject({
      Description: 'daily report',
      ScheduleExpression: 'cron(0 6 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Seoul',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
      Target: (scheduleBefore as { Target: unknown }).Target,
    });
    expect(result.log).toMatch(/\[nightly\] rolled-back: put back to shop-worker:1/);
    expect(result.log).toMatch(/\[report\] rolled-back: put back to shop-worker:1/);
    expect(result.errors[0]).toContain('Application shop to production failed and was put back: worker:');
    expect(result.errors[0]).toContain('nightly rolled-back, report rolled-back');
    expect(result.log).toContain('exit code 3');
  });

  it('another run deploying the api meanwhile: the api is superseded and left alone, the rest put back', async () => {
    const s = await setUp();
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    const running = run(s);
    const started = Date.now();
    while (s.sim.callsOf('UpdateService').length < 2 && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 10));
    const ecs = new ECSClient({
      region: 'us-east-1',
      endpoint: s.sim.url,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const other = await ecs.send(
      new RegisterTaskDefinitionCommand(taskDefinition('shop-api', 'api', `${REPO}:0.2548.3`) as never),
    );
    await ecs.send(
      new UpdateServiceCommand({
        cluster: 'prod',
        service: 'shop-api',
        taskDefinition: other.taskDefinition?.taskDefinitionArn,
      }),
    );
    ecs.destroy();
    const result = await running;
    expect(result.exitCode).toBe(1);
    expect(targets(result)).toEqual({
      api: 'superseded',
      worker: 'rolled-back',
      nightly: 'rolled-back',
      report: 'rolled-back',
    });
    expect(ruleRuns(s).TaskDefinitionArn).toBe(ARN('shop-worker', 1));
    expect(scheduleRuns(s)).toBe(ARN('shop-worker', 1));
    expect(runs(s, 'shop-api')).toBe(ARN('shop-api', 3));
    expect(runs(s, 'shop-worker')).toBe(ARN('shop-worker', 1));
    const putBack = s.sim
      .callsOf('UpdateService')
      .filter((c) => (c.params as { service: string }).service === 'shop-api');
    expect(putBack).toHaveLength(2); // ours and the other run's: none from a put-back
  });

  it('a denied PutTargets while the services come up: the services put back once they came up, the rule never changed, the schedule not written', async () => {
    const s = await setUp();
    s.sim.faults.inject({ api: 'events', operation: 'PutTargets', kind: 'access-denied' });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(targets(result)).toEqual({
      api: 'rolled-back',
      worker: 'rolled-back',
      nightly: 'not-changed',
      report: 'not-changed',
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('events:PutTargets for rule shop-nightly failed: AccessDeniedException');
    expect(result.errors[0]).toContain('api rolled-back, worker rolled-back, nightly not-changed, report not-changed');
    expect(result.log).toMatch(/\[nightly\] not-changed: still runs shop-worker:1: nothing to put back/);
    expect(runs(s, 'shop-api')).toBe(ARN('shop-api', 1));
    expect(runs(s, 'shop-worker')).toBe(ARN('shop-worker', 1));
    expect(ruleRuns(s).TaskDefinitionArn).toBe(ARN('shop-worker', 1));
    expect(s.sim.callsOf('UpdateSchedule')).toHaveLength(0);
  });

  it('a denied UpdateSchedule after the rule was updated: the rule put back to its previous target, whole', async () => {
    const s = await setUp();
    s.sim.faults.inject({ api: 'scheduler', operation: 'UpdateSchedule', kind: 'access-denied' });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(targets(result)).toEqual({
      api: 'rolled-back',
      worker: 'rolled-back',
      nightly: 'rolled-back',
      report: 'not-changed',
    });
    expect(result.errors[0]).toContain(
      'scheduler:UpdateSchedule for schedule default/shop-report failed: AccessDeniedException',
    );
    expect(s.sim.callsOf('PutTargets')).toHaveLength(2);
    expect(s.sim.events.targetsOf('shop-nightly')).toEqual([RULE_TARGET]);
    expect(scheduleRuns(s)).toBe(ARN('shop-worker', 1));
    expect(runs(s, 'shop-worker')).toBe(ARN('shop-worker', 1));
  });

  it('a first deploy creates the worker (createService) and follows its first deployment', async () => {
    const app = {
      ...APP,
      services: {
        ...APP.services,
        worker: { ...APP.services.worker, createService: true, serviceDefinition: '.aws/worker-service.json' },
      },
    };
    const s = await setUp({ worker: false, app });
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.outputs.status).toBe('succeeded');
    expect(s.sim.callsOf('CreateService')).toHaveLength(1);
    expect(runs(s, 'shop-worker')).toBe(ARN('shop-worker', 2));
    expect(result.summary).toContain('(created)');
    expect(result.log).toContain('Created service shop-worker in cluster prod');
    expect(s.sim.iamActions().filter((action) => !documentedActions().includes(action))).toEqual([]);
  });

  it.each([
    [
      'an unknown environment',
      { ...APP, environments: { staging: { cluster: 'staging' } } },
      'environments: has no environment "production"',
    ],
    [
      'a container the task definition does not have',
      { ...APP, services: { ...APP.services, api: { ...APP.services.api, images: { web: 'built' } } } },
      'services.api.images.web: .aws/api.json has no container "web"',
    ],
    [
      'a missing service without createService',
      {
        ...APP,
        services: {
          ...APP.services,
          extra: { service: 'shop-extra', taskDefinition: '.aws/api.json', images: { api: 'built' } },
        },
      },
      'Service shop-extra does not exist in cluster prod',
    ],
  ])('refuses %s before any change', async (_, app, expected) => {
    const s = await setUp({ app });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(expected);
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(s.sim.callsOf('UpdateService')).toHaveLength(0);
    // A bad file is refused before any call at all.
    if (!expected.startsWith('Service')) expect(s.sim.calls).toEqual([]);
  });
});
