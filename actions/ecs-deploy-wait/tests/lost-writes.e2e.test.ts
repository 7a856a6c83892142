/**
 * End to end: a write whose answer is lost (the connection reset after AWS applied it, or a hang after applying)
 * is never sent again blindly, and a write that certainly did not land (throttled, 5xx) is sent again. For every
 * write of every path — UpdateService on a rolling and on a staged service, CodeDeploy CreateDeployment and
 * StopDeployment — with a deployment that succeeds and one that fails fast: exactly one write landed (the
 * simulator's recorded calls and its deployments), and the outputs and message say what really happened.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ECSClient, ListServiceDeploymentsCommand } from '@aws-sdk/client-ecs';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import {
  type CallRecord,
  type FaultSpec,
  type Scenario,
  type SeedServiceInput,
  type Simulator,
  startSimulator,
} from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
> & { containerDefinitions: Record<string, unknown>[] };

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const OLD_IMAGE = `${REPO}:0.2548.1`;
const NEW_IMAGE = `${REPO}:0.2548.2`;
const CONTAINER = String(seed.containerDefinitions[0]?.name);
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef';
const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:be-smoke-test';
const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});

type Sim = { sim: Simulator; workspace: string };

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(service: Partial<SeedServiceInput>, scenario?: Scenario, timeScale = 60): Promise<Sim> {
  sim = await startSimulator({ timeScale });
  sim.ecs.seedCluster('prod');
  sim.ecs.setDeregistrationDelay(TARGET_GROUP, 10);
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: withImage(OLD_IMAGE),
    desiredCount: 2,
    ...service,
  });
  if (scenario) sim.ecs.setImageScenario(NEW_IMAGE, scenario);
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-lost-writes-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(NEW_IMAGE), null, 2));
  return { sim, workspace };
}

function run(s: Sim, inputs: Record<string, string> = {}): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'be',
      'poll-interval': '250ms',
      timeout: '2m',
      ...inputs,
    },
    timeoutMs: 90_000,
  });
}

/** A recorded call that took effect: answered, or applied before its answer was lost. */
const landed = (call: CallRecord) =>
  call.status === 200 || call.error === 'answer lost' || call.error === 'hung after applying';

/** Every service deployment of the service, as ListServiceDeployments shows it (the seed's first). */
async function serviceDeployments(s: Sim) {
  const ecs = new ECSClient({
    region: s.sim.env.AWS_REGION,
    endpoint: s.sim.env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: s.sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: s.sim.env.AWS_SECRET_ACCESS_KEY },
  });
  try {
    const listed = await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: 'be' }));
    return listed.serviceDeployments ?? [];
  } finally {
    ecs.destroy();
  }
}

const taskDefinitionNow = (s: Sim) =>
  (s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition;

/** The faults a write meets: each once, on its first attempt. */
const FAULTS: [string, Omit<FaultSpec, 'api' | 'operation'>][] = [
  ['a reset after apply', { kind: 'lost-answer' }],
  ['a throttle', { kind: 'throttle' }],
  ['a 5xx', { kind: 'server-error' }],
];

/** UpdateService landed exactly once, and ECS started exactly one service deployment for it. */
async function expectOneUpdate(s: Sim): Promise<void> {
  expect(s.sim.callsOf('UpdateService').filter(landed)).toHaveLength(1);
  const deployments = await serviceDeployments(s);
  // The seed's service deployment and ours.
  expect(deployments).toHaveLength(2);
}

describe('UpdateService on a rolling service', () => {
  const rolling = (enable: boolean): Partial<SeedServiceInput> => ({
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable, rollback: enable },
    },
  });

  it.each(FAULTS)('%s on UpdateService, a deployment that succeeds: one deployment, succeeded', async (_, fault) => {
    const s = await start(rolling(false));
    s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', ...fault });
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': ARN(2) });
    await expectOneUpdate(s);
    expect(taskDefinitionNow(s)).toBe(ARN(2));
  });

  it.each(FAULTS)(
    '%s on UpdateService, a deployment the breaker rolls back: one deployment, rolled back',
    async (_, fault) => {
      const s = await start(rolling(true), { kind: 'crash-on-start', exitCode: 3 });
      s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', ...fault });
      const result = await run(s);
      expect(result.exitCode).toBe(1);
      expect(result.outputs.status).toBe('rolled-back');
      expect(result.errors[0]).toContain("ECS's deployment circuit breaker rolled it back");
      await expectOneUpdate(s);
      expect(taskDefinitionNow(s)).toBe(ARN(1));
    },
  );
  it.each(FAULTS)(
    "%s on the step's own rollback UpdateService (StopServiceDeployment denied: by task definition): one rollback deployment, rolled back",
    async (_, fault) => {
      const s = await start(rolling(false), { kind: 'crash-on-start', exitCode: 3 });
      // The stop refused, the second UpdateService is the rollback's: a reset after ECS applied it must not start a second one.
      s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', kind: 'access-denied' });
      s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', skip: 1, ...fault });
      const result = await run(s);
      expect(result.exitCode).toBe(1);
      expect(result.outputs.status).toBe('rolled-back');
      expect(result.errors[0]).toMatch(/Rolled back to \S+:1 \(deployment ecs-svc\/\d+\) and it is steady/);
      const updates = s.sim.callsOf('UpdateService').filter(landed);
      expect(updates.map((call) => (call.params as { taskDefinition: string }).taskDefinition)).toEqual([
        ARN(2),
        ARN(1),
      ]);
      // The seed's service deployment, ours and one rollback.
      expect(await serviceDeployments(s)).toHaveLength(3);
      expect(taskDefinitionNow(s)).toBe(ARN(1));
      expect(result.outputs['rollback-method']).toBe('task-definition');
    },
  );
  it.each([
    ...FAULTS,
    ['a hang after applying', { kind: 'hang', applied: true }],
    ['a hang before applying', { kind: 'hang', applied: false }],
  ] as [string, Omit<FaultSpec, 'api' | 'operation'>][])(
    "%s on the step's own rollback StopServiceDeployment (no breaker, a crashing image): one rollback, by service revision",
    async (_, fault) => {
      const s = await start(rolling(false), { kind: 'crash-on-start', exitCode: 3 });
      s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', ...fault });
      const result = await run(s);
      expect(result.exitCode).toBe(1);
      expect(result.outputs).toMatchObject({ status: 'rolled-back', 'rollback-method': 'service-revision' });
      expect(result.errors[0]).toMatch(/Rolled back to \S+:1 \(deployment ecs-svc\/\d+\) and it is steady/);
      // A stop that was not answered is looked at before it is sent again: it lands once; no UpdateService rollback.
      expect(s.sim.callsOf('StopServiceDeployment').filter(landed)).toHaveLength(1);
      expect(s.sim.callsOf('UpdateService').filter(landed)).toHaveLength(1);
      // The seed's service deployment and ours, which ECS rolled back (a rollback is no service deployment of its own).
      expect((await serviceDeployments(s)).map((d) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
      expect(taskDefinitionNow(s)).toBe(ARN(1));
    },
  );
});

describe('UpdateService on a staged service', () => {
  const staged = (strategy: 'BLUE_GREEN' | 'LINEAR', hook: boolean): Partial<SeedServiceInput> => ({
    deploymentConfiguration: {
      strategy,
      bakeTimeInMinutes: 1,
      ...(strategy === 'LINEAR' ? { linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } } : {}),
      ...(hook ? { lifecycleHooks: [{ hookTargetArn: HOOK, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP'] }] } : {}),
    },
    loadBalancers: [
      {
        targetGroupArn: TARGET_GROUP,
        containerName: CONTAINER,
        containerPort: 8080,
        advancedConfiguration: {
          alternateTargetGroupArn: TARGET_GROUP.replace('be-blue', 'be-green'),
          productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/be/1/2/3',
          roleArn: ROLE,
        },
      },
    ],
  });

  describe.each(['BLUE_GREEN', 'LINEAR'] as const)('%s', (strategy) => {
    it.each(FAULTS)('%s on UpdateService, a deployment that succeeds: one deployment, succeeded', async (_, fault) => {
      const s = await start(staged(strategy, false));
      s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', ...fault });
      const result = await run(s, { timeout: '20m' });
      expect(result.errors).toEqual([]);
      expect(result.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': ARN(2) });
      await expectOneUpdate(s);
      expect(taskDefinitionNow(s)).toBe(ARN(2));
    });

    it.each(FAULTS)(
      '%s on UpdateService, a failing lifecycle hook: one deployment, rolled back by ECS',
      async (_, fault) => {
        const s = await start(staged(strategy, true));
        s.sim.ecs.setLifecycleHookResult(HOOK, 'FAILED');
        s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', ...fault });
        const result = await run(s, { timeout: '20m' });
        expect(result.exitCode).toBe(1);
        expect(result.outputs.status).toBe('rolled-back');
        expect(result.errors[0]).toContain(
          `and ECS rolled it back (ROLLBACK_SUCCESSFUL): Service deployment rolled back because lifecycle hook ${HOOK} returned FAILED at stage PRE_SCALE_UP.`,
        );
        // A stage is named only when the wait saw it going forward (it may first see the deployment rolling back).
        expect(result.errors[0]).not.toMatch(/failed at stage (?!PRE_SCALE_UP )/);
        await expectOneUpdate(s);
        expect(taskDefinitionNow(s)).toBe(ARN(1));
      },
    );
  });
});

describe('CodeDeploy writes', () => {
  async function codeDeploy(scenario?: Scenario, timeScale = 60): Promise<Sim> {
    const s = await start(
      {
        deploymentController: { type: 'CODE_DEPLOY' },
        loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: CONTAINER, containerPort: 8080 }],
      },
      scenario,
      timeScale,
    );
    s.sim.ecs.setDeregistrationDelay(TARGET_GROUP, 0);
    s.sim.codedeploy.seedDeploymentGroup({
      applicationName: 'AppECS-prod-be',
      deploymentGroupName: 'DgpECS-prod-be',
      cluster: 'prod',
      service: 'be',
      terminationWaitTimeInMinutes: 0,
    });
    return s;
  }

  const WRITE_FAULTS: [string, Omit<FaultSpec, 'api' | 'operation'>][] = [
    ...FAULTS,
    ['a hang after apply', { kind: 'hang', applied: true }],
    ['a hang before apply', { kind: 'hang' }],
  ];

  it.each(WRITE_FAULTS)(
    '%s on CreateDeployment, a deployment that succeeds: one deployment, followed to success',
    async (_, fault) => {
      const s = await codeDeploy();
      s.sim.faults.inject({ api: 'codedeploy', operation: 'CreateDeployment', ...fault });
      const result = await run(s);
      expect(result.errors).toEqual([]);
      expect(result.outputs.status).toBe('succeeded');
      const created = s.sim.callsOf('CreateDeployment').filter(landed);
      expect(created).toHaveLength(1);
      const id = result.outputs['codedeploy-deployment-id'] ?? '';
      expect(id).toMatch(/^d-[A-Z0-9]{9}$/);
      expect(s.sim.codedeploy.deployment(id)).toMatchObject({ status: 'Succeeded', creator: 'user' });
      expect(taskDefinitionNow(s)).toBe(ARN(2));
    },
  );

  it.each(FAULTS)(
    '%s on CreateDeployment, a deployment that fails: one deployment, rolled back by CodeDeploy',
    async (_, fault) => {
      const s = await codeDeploy({ kind: 'crash-on-start', exitCode: 1 }, 1200);
      s.sim.faults.inject({ api: 'codedeploy', operation: 'CreateDeployment', ...fault });
      const result = await run(s, { timeout: '40m' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.status).toBe('rolled-back');
      expect(result.errors[0]).toMatch(/CodeDeploy rolled back with deployment d-/);
      expect(s.sim.callsOf('CreateDeployment').filter(landed)).toHaveLength(1);
      const id = result.outputs['codedeploy-deployment-id'] ?? '';
      expect(s.sim.codedeploy.deployment(id)).toMatchObject({ status: 'Failed', creator: 'user' });
    },
  );

  it.each(FAULTS)(
    '%s on CreateDeployment, a hook that fails at once: the one deployment found failed and rolled back',
    async (_, fault) => {
      const s = await codeDeploy();
      s.sim.codedeploy.setHookResult('smoke-test', { status: 'Failed', afterSeconds: 1 });
      await writeFile(
        path.join(s.workspace, 'appspec.yaml'),
        [
          'version: 0.0',
          'Resources:',
          '  - TargetService:',
          '      Type: AWS::ECS::Service',
          '      Properties:',
          '        TaskDefinition: "<TASK_DEFINITION>"',
          '        LoadBalancerInfo:',
          `          ContainerName: "${CONTAINER}"`,
          '          ContainerPort: 8080',
          'Hooks:',
          '  - AfterInstall: "smoke-test"',
        ].join('\n'),
      );
      s.sim.faults.inject({ api: 'codedeploy', operation: 'CreateDeployment', ...fault });
      const result = await run(s, { 'codedeploy-appspec': 'appspec.yaml' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs.status).toBe('rolled-back');
      expect(result.errors[0]).toContain('failed (lifecycle event AfterInstall): HOOK_EXECUTION_FAILURE');
      expect(s.sim.callsOf('CreateDeployment').filter(landed)).toHaveLength(1);
      const id = result.outputs['codedeploy-deployment-id'] ?? '';
      expect(s.sim.codedeploy.deployment(id)).toMatchObject({ status: 'Failed', creator: 'user' });
      expect(taskDefinitionNow(s)).toBe(ARN(1));
    },
  );

  it.each(WRITE_FAULTS)('%s on StopDeployment after a timeout: stopped once, rolled back', async (_, fault) => {
    const s = await codeDeploy({ kind: 'slow-start', startSeconds: 1200 });
    s.sim.faults.inject({ api: 'codedeploy', operation: 'StopDeployment', ...fault });
    const result = await run(s, { timeout: '4s' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.errors[0]).toMatch(/CodeDeploy rolled back with deployment d-/);
    expect(s.sim.callsOf('StopDeployment').filter(landed)).toHaveLength(1);
    const id = result.outputs['codedeploy-deployment-id'] ?? '';
    expect(s.sim.codedeploy.deployment(id)).toMatchObject({ status: 'Stopped' });
  });
});

describe('a call that never answers, with a short timeout', () => {
  const rolling: Partial<SeedServiceInput> = {
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
  };

  it.each([
    ['before', { kind: 'hang' }],
    ['after', { kind: 'hang', applied: true }],
  ] as const)(
    'RegisterTaskDefinition hung %s applying: the attempt gives up in a quarter of the timeout, one revision, succeeded',
    async (_, fault) => {
      const s = await start(rolling);
      s.sim.faults.inject({ api: 'ecs', operation: 'RegisterTaskDefinition', ...fault });
      const result = await run(s, { timeout: '40s' });
      expect(result.errors).toEqual([]);
      expect(result.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': ARN(2) });
      expect(s.sim.callsOf('RegisterTaskDefinition').filter(landed)).toHaveLength(1);
      // Waiting the hung attempt out would have used the whole timeout and failed.
      expect(taskDefinitionNow(s)).toBe(ARN(2));
    },
  );

  it('the first DescribeServices hung once: read again after a quarter of the timeout, succeeded', async () => {
    const s = await start(rolling);
    s.sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'hang' });
    const result = await run(s, { timeout: '40s' });
    expect(result.errors).toEqual([]);
    expect(result.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': ARN(2) });
  });

  it('DescribeServices never answers before any change: status failed, the call named, nothing registered', async () => {
    const s = await start(rolling);
    s.sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'hang', count: Number.POSITIVE_INFINITY });
    const result = await run(s, { timeout: '8s' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([expect.stringMatching(/^ecs:DescribeServices did not answer within [\d.ms]+/)]);
    expect(result.outputs).toEqual({ status: 'failed' });
    expect(s.sim.callsOf('RegisterTaskDefinition')).toEqual([]);
    expect(s.sim.callsOf('UpdateService')).toEqual([]);
  });
});
