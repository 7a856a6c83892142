/**
 * PAUSE lifecycle hooks and ContinueServiceDeployment, on every strategy (rolling, BLUE_GREEN, LINEAR, CANARY), seen
 * through the real SDK over HTTP (its model checks the shapes: lifecycleHookDetails, expiresAt as a date). Simulated
 * time is frozen (timeScale 0) and stepped by hand.
 */
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  type ECSClient,
  RegisterTaskDefinitionCommand,
  type ServiceDeployment,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import {
  describeService,
  ecsClient,
  fargateTaskDefinition,
  IMAGE,
  LOAD_BALANCERS,
  ROLE,
  TARGET_GROUP,
  tasksOf,
} from './ecs-helpers.js';

const ENDED = ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED'];

let sim: Simulator;
let client: ECSClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = ecsClient(sim);
  sim.ecs.setDeregistrationDelay(TARGET_GROUP, 10);
});

afterAll(async () => {
  await sim.close();
});

const pause = (stages: string[], timeout?: { timeoutInMinutes?: number; action?: string }) => ({
  targetType: 'PAUSE',
  lifecycleStages: stages,
  ...(timeout ? { timeoutConfiguration: timeout } : {}),
});

let count = 0;
/** Seeds a service steady on revision 1 with the configuration, deploys revision 2; its service deployment ARN. */
async function deploy(deploymentConfiguration: Record<string, unknown>, staged = true) {
  const family = `pause-${++count}`;
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: family,
    desiredCount: 2,
    taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
    deploymentConfiguration,
    ...(staged ? { loadBalancers: LOAD_BALANCERS } : {}),
  });
  await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${IMAGE}:new`) as never));
  const updated = await client.send(
    new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }),
  );
  return { family, arn: updated.service?.currentServiceDeployment ?? '' };
}

async function describe1(arn: string): Promise<ServiceDeployment> {
  const { serviceDeployments } = await client.send(
    new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }),
  );
  const found = serviceDeployments?.[0];
  if (!found) throw new Error(`no service deployment ${arn}`);
  return found;
}

const awaiting = (d: ServiceDeployment) => d.lifecycleHookDetails?.find((hook) => hook.status === 'AWAITING_ACTION');

/** Steps simulated time until the deployment pauses (an AWAITING_ACTION hook) or ends. */
async function untilPausedOrEnded(arn: string, maxSteps = 400): Promise<ServiceDeployment> {
  for (let i = 0; i < maxSteps; i++) {
    const d = await describe1(arn);
    if (awaiting(d) || ENDED.includes(d.status ?? '')) return d;
    sim.clock.advance(5_000);
  }
  throw new Error(`service deployment ${arn} neither paused nor ended`);
}

async function continueHook(arn: string, hookId: string | undefined, action?: 'CONTINUE' | 'ROLLBACK') {
  return client.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId, action }));
}

describe.each([
  ['BLUE_GREEN', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }],
  [
    'LINEAR',
    { strategy: 'LINEAR', bakeTimeInMinutes: 1, linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } },
  ],
  [
    'CANARY',
    {
      strategy: 'CANARY',
      bakeTimeInMinutes: 1,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
    },
  ],
])('%s paused at POST_TEST_TRAFFIC_SHIFT', (_name, strategy) => {
  it('waits AWAITING_ACTION (hookId, expiresAt, timeoutAction) with test traffic on green, then CONTINUE finishes it', async () => {
    const { arn } = await deploy({
      ...strategy,
      lifecycleHooks: [pause(['POST_TEST_TRAFFIC_SHIFT'], { timeoutInMinutes: 30 })],
    });
    const paused = await untilPausedOrEnded(arn);
    expect(paused.status).toBe('IN_PROGRESS');
    expect(paused.lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    const hook = awaiting(paused);
    expect(hook).toMatchObject({ targetType: 'PAUSE', status: 'AWAITING_ACTION', timeoutAction: 'ROLLBACK' });
    expect(hook?.hookId).toMatch(/^ecs-pause-/);
    expect(hook?.targetArn).toBeUndefined();
    expect(hook?.expiresAt?.getTime()).toBe((paused.updatedAt?.getTime() ?? 0) + 30 * 60_000);
    expect(paused.targetServiceRevision?.requestedTestTrafficWeight).toBe(100);
    expect(paused.targetServiceRevision?.requestedProductionTrafficWeight).toBe(0);
    // Paused: time passes (short of the expiry), nothing moves.
    sim.clock.advance(20 * 60_000);
    expect((await describe1(arn)).lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    await continueHook(arn, hook?.hookId);
    const ended = await untilPausedOrEnded(arn);
    expect(ended.status).toBe('SUCCESSFUL');
    expect(ended.lifecycleHookDetails?.find((h) => h.hookId === hook?.hookId)?.status).toBe('SUCCEEDED');
  });

  it('ROLLBACK rolls it back to blue', async () => {
    const { family, arn } = await deploy({ ...strategy, lifecycleHooks: [pause(['POST_TEST_TRAFFIC_SHIFT'])] });
    const hook = awaiting(await untilPausedOrEnded(arn));
    await continueHook(arn, hook?.hookId, 'ROLLBACK');
    const ended = await untilPausedOrEnded(arn);
    expect(ended.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(ended.statusReason).toContain('ContinueServiceDeployment request with action ROLLBACK');
    expect((await describeService(client, 'prod', family)).taskDefinition).toMatch(/:1$/);
  });
});

describe('expiry: ECS takes the timeout action', () => {
  it.each([
    ['ROLLBACK', 'ROLLBACK_SUCCESSFUL', /:1$/],
    ['CONTINUE', 'SUCCESSFUL', /:2$/],
  ])('action %s ends it %s, the hook TIMED_OUT', async (action, status, revision) => {
    const { family, arn } = await deploy({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [pause(['POST_TEST_TRAFFIC_SHIFT'], { timeoutInMinutes: 10, action })],
    });
    const hook = awaiting(await untilPausedOrEnded(arn));
    sim.clock.advance(10 * 60_000);
    const ended = await untilPausedOrEnded(arn);
    expect(ended.status).toBe(status);
    expect(ended.lifecycleHookDetails?.find((h) => h.hookId === hook?.hookId)?.status).toBe('TIMED_OUT');
    expect((await describeService(client, 'prod', family)).taskDefinition).toMatch(revision);
  });

  it('the default timeout is a day, the default action ROLLBACK', async () => {
    const { arn } = await deploy({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [pause(['POST_SCALE_UP'])],
    });
    const paused = await untilPausedOrEnded(arn);
    const hook = awaiting(paused);
    expect(hook?.timeoutAction).toBe('ROLLBACK');
    expect((hook?.expiresAt?.getTime() ?? 0) - (paused.updatedAt?.getTime() ?? 0)).toBe(24 * 3_600_000);
  });
});

describe('two pauses in one deployment', () => {
  it('pauses again at a later stage with a new hookId', async () => {
    const { arn } = await deploy({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [pause(['POST_TEST_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'])],
    });
    const first = awaiting(await untilPausedOrEnded(arn));
    await continueHook(arn, first?.hookId);
    const second = await untilPausedOrEnded(arn);
    expect(second.lifecycleStage).toBe('POST_PRODUCTION_TRAFFIC_SHIFT');
    expect(second.targetServiceRevision?.requestedProductionTrafficWeight).toBe(100);
    expect(awaiting(second)?.hookId).not.toBe(first?.hookId);
    await continueHook(arn, awaiting(second)?.hookId);
    expect((await untilPausedOrEnded(arn)).status).toBe('SUCCESSFUL');
  });
});

describe('ROLLING', () => {
  it('POST_SCALE_UP: new tasks healthy beside the old ones until continued, then it completes', async () => {
    const { family, arn } = await deploy({ lifecycleHooks: [pause(['POST_SCALE_UP'])] }, false);
    const paused = await untilPausedOrEnded(arn);
    expect(paused.lifecycleStage).toBe('POST_SCALE_UP');
    sim.clock.advance(10 * 60_000);
    const running = (await tasksOf(client, 'prod', family, 'RUNNING')).filter((task) => task.lastStatus === 'RUNNING');
    expect(running.map((task) => task.taskDefinitionArn?.replace(/.*:/, '')).sort()).toEqual(['1', '1', '2', '2']);
    await continueHook(arn, awaiting(paused)?.hookId);
    expect((await untilPausedOrEnded(arn)).status).toBe('SUCCESSFUL');
    expect((await describeService(client, 'prod', family)).deployments).toHaveLength(1);
  });

  it('PRE_SCALE_UP: no new task before it is continued', async () => {
    const { family, arn } = await deploy({ lifecycleHooks: [pause(['PRE_SCALE_UP'])] }, false);
    const paused = await untilPausedOrEnded(arn);
    expect(paused.lifecycleStage).toBe('PRE_SCALE_UP');
    sim.clock.advance(5 * 60_000);
    const tasks = await tasksOf(client, 'prod', family, 'RUNNING');
    expect(tasks.filter((task) => task.taskDefinitionArn?.endsWith(':2'))).toHaveLength(0);
    await continueHook(arn, awaiting(paused)?.hookId);
    expect((await untilPausedOrEnded(arn)).status).toBe('SUCCESSFUL');
  });

  it('ROLLBACK (continued, or a timeout whose action is ROLLBACK) returns to the last completed revision', async () => {
    const continued = await deploy({ lifecycleHooks: [pause(['POST_SCALE_UP'])] }, false);
    await continueHook(continued.arn, awaiting(await untilPausedOrEnded(continued.arn))?.hookId, 'ROLLBACK');
    expect((await untilPausedOrEnded(continued.arn)).status).toBe('ROLLBACK_SUCCESSFUL');
    expect((await describeService(client, 'prod', continued.family)).taskDefinition).toMatch(/:1$/);

    const expired = await deploy({ lifecycleHooks: [pause(['POST_SCALE_UP'], { timeoutInMinutes: 5 })] }, false);
    await untilPausedOrEnded(expired.arn);
    sim.clock.advance(5 * 60_000);
    const ended = await untilPausedOrEnded(expired.arn);
    expect(ended.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(ended.statusReason).toContain('timed out at stage POST_SCALE_UP');
  });
});

describe('ContinueServiceDeployment errors (nothing changed)', () => {
  it('an unknown hook, a hook not AWAITING_ACTION, a deployment not IN_PROGRESS, an unknown ARN, a bad action', async () => {
    const { arn } = await deploy({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [pause(['POST_SCALE_UP'])],
    });
    const hook = awaiting(await untilPausedOrEnded(arn));
    await expect(continueHook(arn, 'ecs-pause-unknown')).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('was not found'),
    });
    await expect(
      client.send(
        new ContinueServiceDeploymentCommand({
          serviceDeploymentArn: arn,
          hookId: hook?.hookId,
          action: 'ABORT' as never,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect(awaiting(await describe1(arn))?.hookId).toBe(hook?.hookId);
    await continueHook(arn, hook?.hookId);
    await expect(continueHook(arn, hook?.hookId)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('is SUCCEEDED'),
    });
    expect((await untilPausedOrEnded(arn)).status).toBe('SUCCESSFUL');
    await expect(continueHook(arn, hook?.hookId)).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('is SUCCESSFUL'),
    });
    await expect(continueHook(`${arn}x`, hook?.hookId)).rejects.toMatchObject({
      name: 'ServiceDeploymentNotFoundException',
    });
  });

  it.each([
    [
      'a PAUSE hook at TEST_TRAFFIC_SHIFT',
      { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [pause(['TEST_TRAFFIC_SHIFT'])] },
      true,
    ],
    [
      'a timeout over 14 days',
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 0,
        lifecycleHooks: [pause(['POST_SCALE_UP'], { timeoutInMinutes: 20_161 })],
      },
      true,
    ],
    ['a rolling PAUSE hook at a traffic stage', { lifecycleHooks: [pause(['POST_TEST_TRAFFIC_SHIFT'])] }, false],
    [
      'a rolling lambda hook',
      {
        lifecycleHooks: [
          {
            hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
            roleArn: ROLE,
            lifecycleStages: ['POST_SCALE_UP'],
          },
        ],
      },
      false,
    ],
  ])('UpdateService refuses %s', async (_what, deploymentConfiguration, staged) => {
    const family = `pause-invalid-${++count}`;
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
      ...(staged ? { loadBalancers: LOAD_BALANCERS } : {}),
    });
    await expect(
      client.send(
        new UpdateServiceCommand({
          cluster: 'prod',
          service: family,
          deploymentConfiguration: deploymentConfiguration as never,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});
