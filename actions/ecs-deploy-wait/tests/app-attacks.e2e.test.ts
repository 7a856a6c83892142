/**
 * End to end, hostile and edge cases of an application deploy (app-file) by the committed bundle against the
 * simulator: a schedule whose every optional member must survive UpdateSchedule's full replacement (and the
 * put-back), a rule with several ECS targets (only the family's changed, the rest left as they were), another run
 * changing the rule meanwhile, a put-back that is itself refused (the report says what is left), and app files with
 * a byte-order mark, YAML content or a huge size.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventBridgeClient, PutTargetsCommand, type Target } from '@aws-sdk/client-eventbridge';
import { type BundleRun, foreignCommands, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const ACCOUNT = '123456789012';
const REPO = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop`;
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
  containerDefinitions: [{ name: container, image, essential: true }],
});

const APP = {
  application: 'shop',
  environments: { production: { cluster: 'prod' } },
  services: { worker: { service: 'shop-worker', taskDefinition: '.aws/worker.json', images: { worker: 'built' } } },
  rules: { nightly: { rule: 'shop-nightly', taskDefinition: '.aws/worker.json', images: { worker: 'built' } } },
  schedules: { report: { schedule: 'shop-report', taskDefinition: '.aws/worker.json', images: { worker: 'built' } } },
};

const ecsTarget = (id: string, family: string, input: string) => ({
  Id: id,
  Arn: CLUSTER_ARN,
  RoleArn: ROLE,
  Input: input,
  EcsParameters: {
    TaskDefinitionArn: ARN(family, 1),
    TaskCount: 1,
    LaunchType: 'FARGATE',
    NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['subnet-a'], AssignPublicIp: 'DISABLED' } },
  },
});
/** A rule of several targets: two run the worker's family, one another family. */
const RULE_TARGETS = [
  ecsTarget('worker-a', 'shop-worker', '{"containerOverrides":[{"name":"worker","command":["a"]}]}'),
  ecsTarget('worker-b', 'shop-worker', '{"containerOverrides":[{"name":"worker","command":["b"]}]}'),
  ecsTarget('other', 'shop-other', '{}'),
];

/** Every optional member UpdateSchedule would reset if it were left out. */
const FULL_SCHEDULE = {
  Name: 'shop-report',
  ScheduleExpression: 'rate(1 hour)',
  ScheduleExpressionTimezone: 'Europe/Berlin',
  Description: 'hourly report',
  State: 'DISABLED',
  // On the wire (awsJson) a timestamp is epoch seconds.
  EndDate: Math.floor(Date.now() / 1000) + 365 * 86_400,
  ActionAfterCompletion: 'NONE',
  KmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 30 },
  Target: {
    Arn: CLUSTER_ARN,
    RoleArn: ROLE,
    Input: '{"containerOverrides":[{"name":"worker","command":["report"]}]}',
    DeadLetterConfig: { Arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:report-dlq` },
    RetryPolicy: { MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 3 },
    EcsParameters: {
      TaskDefinitionArn: ARN('shop-worker', 1),
      TaskCount: 2,
      LaunchType: 'FARGATE',
      PlatformVersion: 'LATEST',
      EnableECSManagedTags: true,
      PropagateTags: 'TASK_DEFINITION',
      ReferenceId: 'report',
      NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['subnet-a'], SecurityGroups: ['sg-1'] } },
    },
  },
};

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setUp(appFile: string | Buffer = JSON.stringify(APP)): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'shop-worker',
    taskDefinition: taskDefinition('shop-worker', 'worker', `${REPO}:0.2548.1`),
    desiredCount: 2,
  });
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'shop-other',
    taskDefinition: taskDefinition('shop-other', 'other', `${REPO}:0.2548.1`),
    desiredCount: 0,
  });
  await sim.events.handle('PutRule', { Name: 'shop-nightly', ScheduleExpression: 'cron(0 3 * * ? *)' });
  await sim.events.handle('PutTargets', { Rule: 'shop-nightly', Targets: RULE_TARGETS });
  await sim.scheduler.handle('CreateSchedule', FULL_SCHEDULE);
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-app-attacks-'));
  await mkdir(path.join(workspace, '.aws'));
  await writeFile(
    path.join(workspace, '.aws', 'worker.json'),
    JSON.stringify(taskDefinition('shop-worker', 'worker', 'placeholder')),
  );
  await writeFile(path.join(workspace, '.aws', 'ecs-app.json'), appFile);
  return { sim, workspace };
}

const run = (s: { sim: Simulator; workspace: string }): Promise<BundleRun> =>
  runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'app-file': '.aws/ecs-app.json',
      environment: 'production',
      image: NEW_IMAGE,
      'poll-interval': '250ms',
      timeout: '30s',
    },
    timeoutMs: 60_000,
  });

const statuses = (result: BundleRun) =>
  Object.fromEntries(
    (JSON.parse(result.outputs.targets ?? '[]') as { name: string; status: string }[]).map((t) => [t.name, t.status]),
  );
/** The schedule as GetSchedule answers it, without the members the service keeps itself. */
const scheduleBody = (s: { sim: Simulator }) => {
  const {
    LastModificationDate: _m,
    CreationDate: _c,
    ...body
  } = s.sim.scheduler.schedule('shop-report') as Record<string, unknown>;
  return body;
};
const withArn = <T extends { EcsParameters: object }>(target: T, arn: string): T => ({
  ...target,
  EcsParameters: { ...target.EcsParameters, TaskDefinitionArn: arn },
});

describe('ecs-deploy-wait application deploy: hostile and edge cases', () => {
  it('a schedule with every optional member and a rule with several targets: only the revision changes, the other family left', async () => {
    const s = await setUp();
    const before = scheduleBody(s);
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(statuses(result)).toEqual({ worker: 'succeeded', nightly: 'succeeded', report: 'succeeded' });
    const after = scheduleBody(s);
    expect(after).toEqual({
      ...before,
      Target: withArn(before.Target as (typeof FULL_SCHEDULE)['Target'], ARN('shop-worker', 2)),
    });
    const [a, b, other] = RULE_TARGETS as [
      (typeof RULE_TARGETS)[0],
      (typeof RULE_TARGETS)[0],
      (typeof RULE_TARGETS)[0],
    ];
    expect(s.sim.events.targetsOf('shop-nightly')).toEqual([
      withArn(a, ARN('shop-worker', 2)),
      withArn(b, ARN('shop-worker', 2)),
      other,
    ]);
  });

  it('the worker crashing: the whole schedule and both rule targets put back exactly as they were', async () => {
    const s = await setUp();
    const before = scheduleBody(s);
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(statuses(result)).toEqual({ worker: 'rolled-back', nightly: 'rolled-back', report: 'rolled-back' });
    expect(scheduleBody(s)).toEqual(before);
    expect(s.sim.events.targetsOf('shop-nightly')).toEqual(RULE_TARGETS);
  });

  it('another run pointing one of the rule targets elsewhere meanwhile: that target left alone, the other put back', async () => {
    const s = await setUp();
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    const running = run(s);
    const started = Date.now();
    // Our PutTargets (both targets of the family in one call) went through; the put-back has not started.
    while (s.sim.callsOf('PutTargets').length < 1 && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 10));
    // The other run moves worker-b (the second ECS target of the family) to a revision of its own.
    const events = new EventBridgeClient({
      region: 'us-east-1',
      endpoint: s.sim.url,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const theirs = withArn(RULE_TARGETS[1] as (typeof RULE_TARGETS)[0], ARN('shop-other', 1));
    await events.send(new PutTargetsCommand({ Rule: 'shop-nightly', Targets: [theirs] as Target[] }));
    events.destroy();
    const result = await running;
    expect(result.exitCode).toBe(1);
    // The other run's target is never overwritten by the put-back; ours is put back, field for field.
    expect(s.sim.events.targetsOf('shop-nightly')).toEqual([RULE_TARGETS[0], theirs, RULE_TARGETS[2]]);
    // Ours, the other run's, then the put-back.
    const putBack = s.sim.callsOf('PutTargets')[2]?.params as { Targets: { Id: string }[] };
    expect(putBack.Targets.map((t) => t.Id)).toEqual(['worker-a']);
    expect(statuses(result)).toEqual({ worker: 'rolled-back', nightly: 'rolled-back', report: 'rolled-back' });
    expect(result.log).toContain(
      '[nightly] rolled-back: put back to shop-worker:1 (left alone, another run changed them since: target worker-b runs shop-other:1 now)',
    );
  });

  it('another run pointing every rule target elsewhere meanwhile: the rule is superseded and left alone', async () => {
    const s = await setUp();
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    const running = run(s);
    const started = Date.now();
    while (s.sim.callsOf('PutTargets').length < 1 && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 10));
    const events = new EventBridgeClient({
      region: 'us-east-1',
      endpoint: s.sim.url,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const theirs = RULE_TARGETS.slice(0, 2).map((t) => withArn(t, ARN('shop-other', 1)));
    await events.send(new PutTargetsCommand({ Rule: 'shop-nightly', Targets: theirs as Target[] }));
    events.destroy();
    const result = await running;
    expect(result.exitCode).toBe(1);
    expect(s.sim.events.targetsOf('shop-nightly')).toEqual([...theirs, RULE_TARGETS[2]]);
    expect(s.sim.callsOf('PutTargets')).toHaveLength(2); // ours and the other run's: none from a put-back
    expect(statuses(result)).toEqual({ worker: 'rolled-back', nightly: 'superseded', report: 'rolled-back' });
  });

  it('a put-back that is itself refused: the step says the rule is left on the new revision, status failed', async () => {
    const s = await setUp();
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    // Our PutTargets goes through; the put-back's is denied.
    s.sim.faults.inject({ api: 'events', operation: 'PutTargets', kind: 'access-denied', skip: 1, count: 5 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.outputs.status).toBe('failed');
    expect(statuses(result)).toEqual({ worker: 'rolled-back', nightly: 'failed', report: 'rolled-back' });
    expect(s.sim.events.targetsOf('shop-nightly')[0]).toEqual(
      withArn(RULE_TARGETS[0] as (typeof RULE_TARGETS)[0], ARN('shop-worker', 2)),
    );
    expect(result.errors[0]).toContain('nightly failed');
    expect(result.log).toMatch(/\[nightly\] failed: not put back: events:PutTargets for rule shop-nightly failed/);
  });

  it("a service's put-back refused (UpdateService denied): every target still reported, the rule and schedule put back", async () => {
    const s = await setUp();
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    // Our UpdateService goes through; the put-back's is denied.
    s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', kind: 'access-denied', skip: 1, count: 5 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.outputs.status).toBe('failed');
    expect(statuses(result)).toEqual({ worker: 'failed', nightly: 'rolled-back', report: 'rolled-back' });
    expect(result.errors[0]).toContain('worker failed');
    // The one error says why the worker is left on shop-worker:2, and no service's account claims rollback: false.
    expect(result.errors[0]).toContain(
      "Not put back (left on this run's revision or as the failure left it): worker: putting it back to shop-worker:1 did not complete: ecs:UpdateService was denied (AccessDeniedException)",
    );
    expect(result.errors[0]).toContain(
      'This step does not roll the service back alone: the application puts back every target it changed, together.',
    );
    expect(result.log).not.toContain('rollback: false');
    expect((s.sim.ecs.describeService('prod', 'shop-worker') as { taskDefinition: string }).taskDefinition).toBe(
      ARN('shop-worker', 2),
    );
  });

  it('names carrying workflow commands are refused as names, never run by the runner', async () => {
    const hostile = {
      ...APP,
      services: {
        'x\n::error::hostile-1': APP.services.worker,
        worker: { ...APP.services.worker, service: '##[set-output name=status;]hostile-2' },
      },
      rules: { nightly: { ...APP.rules.nightly, rule: '::warning::hostile-3' } },
      schedules: { report: { ...APP.schedules.report, group: 'a ##[error]hostile-4' } },
    };
    const s = await setUp(JSON.stringify(hostile));
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('nothing was called or changed');
    expect(result.warnings).toEqual([]);
    expect(result.outputs.status).toBeUndefined();
    expect(foreignCommands(`${result.stdout}\n${result.stderr}`)).toEqual([]);
    expect(s.sim.calls).toEqual([]);
  });

  it('createService with an invalid service definition is refused before any call, naming the file and member', async () => {
    const app = {
      ...APP,
      services: {
        extra: {
          service: 'shop-extra',
          taskDefinition: '.aws/worker.json',
          images: { worker: 'built' },
          createService: true,
          serviceDefinition: '.aws/extra-service.json',
        },
      },
    };
    const s = await setUp(JSON.stringify(app));
    await writeFile(
      path.join(s.workspace, '.aws', 'extra-service.json'),
      JSON.stringify({ desiredCount: -1, bogus: true, networkConfiguration: { awsvpcConfiguration: { subnets: [] } } }),
    );
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('services.extra.serviceDefinition');
    expect(result.errors[0]).toMatch(/desiredCount/);
    expect(result.errors[0]).toMatch(/bogus/);
    expect(s.sim.calls).toEqual([]);
  });

  it('following denied after the update landed (DescribeServices denied): the report never says the service was not changed', async () => {
    const s = await setUp();
    const updated = () => s.sim.callsOf('UpdateService').length > 0;
    s.sim.faults.inject({
      api: 'ecs',
      operation: 'DescribeServices',
      kind: 'access-denied',
      count: Number.POSITIVE_INFINITY,
      when: updated,
    });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).not.toContain('The service was not changed');
    expect(result.outputs.status).toBe('failed');
    expect(statuses(result)).toEqual({ worker: 'failed', nightly: 'rolled-back', report: 'rolled-back' });
    expect(result.errors[0]).toContain('worker: not put back: what it runs now could not be read');
  });

  it('the schedule edited by someone else meanwhile (only its expression): superseded and left, the edit kept', async () => {
    const s = await setUp();
    s.sim.ecs.setTaskDefinitionScenario('shop-worker:2', { kind: 'crash-on-start', exitCode: 3 });
    const running = run(s);
    const started = Date.now();
    while (s.sim.callsOf('UpdateSchedule').length < 1 && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 10));
    const now = s.sim.scheduler.schedule('shop-report') as Record<string, unknown>;
    const { LastModificationDate: _m, CreationDate: _c, Arn: _a, ...body } = now;
    // Someone else re-sends the schedule (still on our revision) with another expression.
    await s.sim.scheduler.handle('UpdateSchedule', {
      ...body,
      EndDate: FULL_SCHEDULE.EndDate,
      ScheduleExpression: 'rate(5 minutes)',
    });
    const result = await running;
    expect(result.exitCode).toBe(1);
    expect(statuses(result)).toEqual({ worker: 'rolled-back', nightly: 'rolled-back', report: 'superseded' });
    expect(s.sim.scheduler.schedule('shop-report')).toMatchObject({ ScheduleExpression: 'rate(5 minutes)' });
    expect(s.sim.callsOf('UpdateSchedule')).toHaveLength(1); // ours only: no put-back over the edit
    expect(result.log).toContain('[report] superseded: left alone: ScheduleExpression changed since this run wrote it');
  });

  it('an app file with a byte-order mark deploys like one without', async () => {
    const s = await setUp(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(APP))]));
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.outputs.status).toBe('succeeded');
  });

  it.each([
    ['YAML', 'application: shop\nenvironments:\n  production:\n    cluster: prod\n', /is not valid JSON/],
    [
      'a huge file',
      JSON.stringify({ ...APP, padding: 'x'.repeat(300 * 1024) }),
      /app-file.*(too large|bytes|KiB|larger)/is,
    ],
  ])('refuses %s before any call, naming the input', async (_, text, expected) => {
    const s = await setUp(text);
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(expected);
    expect(s.sim.calls).toEqual([]);
  });
});
