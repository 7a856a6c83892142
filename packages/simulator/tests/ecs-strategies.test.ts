/**
 * ECS's native staged deployments (strategy BLUE_GREEN, LINEAR, CANARY): lifecycle stages, traffic weights, bake
 * time, lifecycle hooks, alarm rollback and StopServiceDeployment, seen through the real SDK over HTTP. Simulated
 * time is frozen (timeScale 0) and stepped by hand.
 */
import {
  DescribeServiceDeploymentsCommand,
  type ECSClient,
  RegisterTaskDefinitionCommand,
  type ServiceDeployment,
  StopServiceDeploymentCommand,
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

const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:check-green';

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

/** Seeds `staged-<name>` steady on revision 1 with the given deployment configuration, and deploys revision 2. */
async function deploy(name: string, deploymentConfiguration: Record<string, unknown>) {
  const family = `staged-${name}`;
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: family,
    desiredCount: 2,
    taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
    deploymentConfiguration,
    loadBalancers: LOAD_BALANCERS,
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

interface Seen {
  /** `status/stage green-weight` each time one of them changed, with the simulated seconds since the update. */
  steps: string[];
  last: ServiceDeployment;
  /** The most tasks running at once while the deployment was under way. */
  peakRunning: number;
  /** Every requestedTestTrafficWeight seen (either revision) before the deployment reached TEST_TRAFFIC_SHIFT. */
  testBeforeShift: Set<number | undefined>;
}

/** Steps simulated time by `stepMs` until the service deployment is in a final status (or `until` says so). */
async function walk(
  family: string,
  arn: string,
  options: { stepMs?: number; maxSteps?: number; until?: (d: ServiceDeployment) => boolean } = {},
): Promise<Seen> {
  const start = sim.clock.now();
  const steps: string[] = [];
  let peakRunning = 0;
  const testBeforeShift = new Set<number | undefined>();
  let shifted = false;
  let last = await describe1(arn);
  for (let i = 0; i < (options.maxSteps ?? 400); i++) {
    shifted ||= last.lifecycleStage === 'TEST_TRAFFIC_SHIFT';
    if (!shifted) {
      for (const revision of [last.targetServiceRevision, ...(last.sourceServiceRevisions ?? [])]) {
        testBeforeShift.add(revision?.requestedTestTrafficWeight);
      }
    }
    const weight = last.targetServiceRevision?.requestedProductionTrafficWeight;
    const line = `${last.status}/${last.lifecycleStage ?? '-'}${weight !== undefined ? ` ${weight}%` : ''}`;
    if (steps.at(-1)?.replace(/^\d+s /, '') !== line)
      steps.push(`${Math.round((sim.clock.now() - start) / 1000)}s ${line}`);
    const service = await describeService(client, 'prod', family);
    peakRunning = Math.max(peakRunning, service.runningCount ?? 0);
    if (options.until?.(last)) break;
    if (['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED'].includes(last.status ?? '')) break;
    sim.clock.advance(options.stepMs ?? 5_000);
    last = await describe1(arn);
  }
  return { steps, last, peakRunning, testBeforeShift };
}

const stagesOf = (seen: Seen) =>
  seen.steps.map((step) => step.split(' ')[1]?.split('/')[1]).filter((stage, i, all) => stage !== all[i - 1]);

describe('BLUE_GREEN', () => {
  it('scales green up beside blue, walks every stage, shifts all traffic at once, bakes, cleans blue up', async () => {
    const { family, arn } = await deploy('bg', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 });
    const seen = await walk(family, arn);
    expect(stagesOf(seen)).toEqual([
      'PRE_SCALE_UP',
      'SCALE_UP',
      'POST_SCALE_UP',
      'TEST_TRAFFIC_SHIFT',
      'POST_TEST_TRAFFIC_SHIFT',
      'PRODUCTION_TRAFFIC_SHIFT',
      'POST_PRODUCTION_TRAFFIC_SHIFT',
      'BAKE_TIME',
      'CLEAN_UP',
    ]);
    expect(seen.last.status).toBe('SUCCESSFUL');
    expect(seen.last.finishedAt).toBeInstanceOf(Date);
    // No test traffic on either revision before TEST_TRAFFIC_SHIFT.
    expect(seen.testBeforeShift).toEqual(new Set([0]));
    expect(seen.last.targetServiceRevision).toMatchObject({
      requestedProductionTrafficWeight: 100,
      requestedTestTrafficWeight: 100,
      runningTaskCount: 2,
    });
    // Blue kept running beside green: 4 tasks at the peak.
    expect(seen.peakRunning).toBe(4);
    // The bake time (2 minutes) passed between BAKE_TIME and CLEAN_UP.
    const at = (stage: string) => Number(seen.steps.find((step) => step.includes(`/${stage}`))?.split('s ')[0]);
    expect(at('CLEAN_UP') - at('BAKE_TIME')).toBeGreaterThanOrEqual(120);
    expect(at('CLEAN_UP') - at('BAKE_TIME')).toBeLessThan(130);
    const service = await describeService(client, 'prod', family);
    expect(service.taskDefinition).toMatch(/:2$/);
    expect(service.deployments?.map((d) => `${d.status}:${d.rolloutState}`)).toEqual(['PRIMARY:COMPLETED']);
    expect((await tasksOf(client, 'prod', family, 'RUNNING')).length).toBe(2);
  });
});

describe('LINEAR and CANARY', () => {
  it('LINEAR shifts production traffic in stepPercent steps, stepBakeTimeInMinutes apart', async () => {
    const { family, arn } = await deploy('linear', {
      strategy: 'LINEAR',
      bakeTimeInMinutes: 1,
      linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 },
    });
    const seen = await walk(family, arn);
    const shift = seen.steps.filter((step) => step.includes('/PRODUCTION_TRAFFIC_SHIFT'));
    expect(shift.map((step) => step.split(' ').at(-1))).toEqual(['25%', '50%', '75%', '100%']);
    const times = shift.map((step) => Number(step.split('s ')[0]));
    expect((times[3] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(180);
    expect(seen.last.status).toBe('SUCCESSFUL');
  });

  it('CANARY shifts canaryPercent, waits canaryBakeTimeInMinutes, then shifts the rest', async () => {
    const { family, arn } = await deploy('canary', {
      strategy: 'CANARY',
      bakeTimeInMinutes: 0,
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 },
    });
    const seen = await walk(family, arn);
    const shift = seen.steps.filter((step) => step.includes('/PRODUCTION_TRAFFIC_SHIFT'));
    expect(shift.map((step) => step.split(' ').at(-1))).toEqual(['10%', '100%']);
    expect(seen.last.sourceServiceRevisions?.[0]?.requestedProductionTrafficWeight).toBe(0);
    expect(seen.last.status).toBe('SUCCESSFUL');
  });
});

describe('rollback', () => {
  it('a lifecycle hook that answers FAILED rolls back: traffic and PRIMARY back on blue, green stopped', async () => {
    const hook = `${HOOK}-fails`;
    sim.ecs.setLifecycleHookResult(hook, 'FAILED', 'POST_SCALE_UP');
    const { family, arn } = await deploy('hook', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 5,
      lifecycleHooks: [{ hookTargetArn: hook, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP', 'POST_SCALE_UP'] }],
    });
    const seen = await walk(family, arn);
    expect(seen.steps.some((step) => step.includes('ROLLBACK_IN_PROGRESS'))).toBe(true);
    expect(seen.last.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(seen.last.statusReason).toBe(
      `Service deployment rolled back because lifecycle hook ${hook} returned FAILED at stage POST_SCALE_UP.`,
    );
    expect(seen.last.rollback?.reason).toBe(seen.last.statusReason);
    expect(seen.last.lifecycleHookDetails?.map((h) => `${h.targetArn}:${h.status}`)).toEqual([
      `${hook}:SUCCEEDED`,
      `${hook}:FAILED`,
    ]);
    const service = await describeService(client, 'prod', family);
    expect(service.taskDefinition).toMatch(/:1$/);
    expect(service.deployments?.map((d) => `${d.status}:${d.taskDefinition?.split(':').pop()}`)).toEqual(['PRIMARY:1']);
    const stopped = (await tasksOf(client, 'prod', family, 'STOPPED')).filter((t) =>
      t.taskDefinitionArn?.endsWith(':2'),
    );
    expect(stopped).toHaveLength(2);
  });

  it('an alarm going into ALARM during the bake time rolls back (alarms.rollback)', async () => {
    sim.ecs.setAlarmTrip('web-5xx', { stage: 'BAKE_TIME', afterSeconds: 30 });
    const { family, arn } = await deploy('alarm', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 10,
      alarms: { alarmNames: ['web-5xx', 'web-latency'], enable: true, rollback: true },
    });
    const during = await walk(family, arn, { until: (d) => d.lifecycleStage === 'BAKE_TIME' });
    expect(during.last.alarms).toEqual({
      status: 'MONITORING',
      alarmNames: ['web-5xx', 'web-latency'],
      triggeredAlarmNames: [],
    });
    const seen = await walk(family, arn);
    expect(seen.last.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(seen.last.alarms).toEqual({
      status: 'TRIGGERED',
      alarmNames: ['web-5xx', 'web-latency'],
      triggeredAlarmNames: ['web-5xx'],
    });
    expect(seen.last.statusReason).toBe(
      'Service deployment rolled back because CloudWatch alarm web-5xx went into ALARM state.',
    );
    expect(seen.last.targetServiceRevision?.requestedProductionTrafficWeight).toBe(0);
  });

  it('green tasks that fail to start trip the circuit breaker during SCALE_UP: ECS rolls back, blue never stopped', async () => {
    sim.ecs.setImageScenario(`${IMAGE}:crash`, { kind: 'crash-on-start', exitCode: 1 });
    const family = 'staged-breaker';
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 2,
      taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
      deploymentConfiguration: {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 1,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      loadBalancers: LOAD_BALANCERS,
    });
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${IMAGE}:crash`) as never));
    const updated = await client.send(
      new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }),
    );
    const seen = await walk(family, updated.service?.currentServiceDeployment ?? '');
    expect(seen.last.status).toBe('ROLLBACK_SUCCESSFUL');
    // Failed at SCALE_UP; the rollback then walks the traffic stages back.
    expect(stagesOf(seen)).toEqual(['PRE_SCALE_UP', 'SCALE_UP', 'PRODUCTION_TRAFFIC_SHIFT', 'TEST_TRAFFIC_SHIFT']);
    expect(seen.steps.find((step) => step.includes('/PRODUCTION_TRAFFIC_SHIFT'))).toContain('ROLLBACK_IN_PROGRESS');
    expect(seen.last.statusReason).toBe(
      'Service deployment rolled back because the circuit breaker threshold was exceeded.',
    );
    const blue = (await tasksOf(client, 'prod', family, 'STOPPED')).filter((t) => t.taskDefinitionArn?.endsWith(':1'));
    expect(blue).toEqual([]);
  });

  it('StopServiceDeployment ROLLBACK during the bake time: ROLLBACK_REQUESTED, then rolled back', async () => {
    const { family, arn } = await deploy('stop', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 });
    await walk(family, arn, { until: (d) => d.lifecycleStage === 'BAKE_TIME' });
    const stopped = await client.send(
      new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }),
    );
    expect(stopped.serviceDeploymentArn).toBe(arn);
    expect((await describe1(arn)).status).toBe('ROLLBACK_REQUESTED');
    // A second stop while it rolls back is accepted and changes nothing.
    await client.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    const seen = await walk(family, arn);
    expect(seen.last.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(seen.last.statusReason).toBe('Service deployment rolled back because of a StopServiceDeployment request.');
    // Finished: a conflict.
    await expect(
      client.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' })),
    ).rejects.toMatchObject({ name: 'ConflictException' });
  });

  it('a rollback runs the PRODUCTION_TRAFFIC_SHIFT and TEST_TRAFFIC_SHIFT hooks again, in that order', async () => {
    const shift = `${HOOK}-shift`;
    const check = `${HOOK}-check`;
    sim.ecs.setLifecycleHookResult(check, 'FAILED', 'POST_PRODUCTION_TRAFFIC_SHIFT');
    const { family, arn } = await deploy('rerun', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [
        { hookTargetArn: shift, roleArn: ROLE, lifecycleStages: ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'] },
        { hookTargetArn: check, roleArn: ROLE, lifecycleStages: ['POST_PRODUCTION_TRAFFIC_SHIFT'] },
      ],
    });
    const seen = await walk(family, arn);
    expect(seen.last.status).toBe('ROLLBACK_SUCCESSFUL');
    const hooks = seen.last.lifecycleHookDetails ?? [];
    // Forward: TEST, PRODUCTION, then the failing check; rolling back: PRODUCTION, then TEST, each a new invocation.
    expect(hooks.map((h) => `${h.targetArn === shift ? 'shift' : 'check'}:${h.status}`)).toEqual([
      'shift:SUCCEEDED',
      'shift:SUCCEEDED',
      'check:FAILED',
      'shift:SUCCEEDED',
      'shift:SUCCEEDED',
    ]);
    expect(new Set(hooks.map((h) => h.hookId)).size).toBe(5);
    const rollingBack = seen.steps.filter((step) => step.includes('ROLLBACK_IN_PROGRESS'));
    expect(rollingBack.map((step) => step.split(' ')[1]?.split('/')[1])).toEqual([
      'PRODUCTION_TRAFFIC_SHIFT',
      'TEST_TRAFFIC_SHIFT',
    ]);
    // Traffic is back on blue, production and test.
    expect(seen.last.sourceServiceRevisions?.[0]).toMatchObject({
      requestedProductionTrafficWeight: 100,
      requestedTestTrafficWeight: 100,
    });
    expect(seen.last.targetServiceRevision).toMatchObject({
      requestedProductionTrafficWeight: 0,
      requestedTestTrafficWeight: 0,
    });
  });

  it('a hook that answers FAILED during the rollback ends it ROLLBACK_FAILED, saying which and where', async () => {
    const check = `${HOOK}-check-test`;
    const shift = `${HOOK}-on-production-shift`;
    sim.ecs.setLifecycleHookResult(check, 'FAILED', 'POST_TEST_TRAFFIC_SHIFT');
    sim.ecs.setLifecycleHookResult(shift, 'FAILED', 'PRODUCTION_TRAFFIC_SHIFT');
    const { family, arn } = await deploy('rollback-hook-fails', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [
        { hookTargetArn: check, roleArn: ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] },
        { hookTargetArn: shift, roleArn: ROLE, lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] },
      ],
    });
    const seen = await walk(family, arn);
    expect(seen.last.status).toBe('ROLLBACK_FAILED');
    expect(seen.last.lifecycleStage).toBe('PRODUCTION_TRAFFIC_SHIFT');
    expect(seen.last.statusReason).toBe(
      `Service deployment rolled back because lifecycle hook ${check} returned FAILED at stage POST_TEST_TRAFFIC_SHIFT. The rollback failed: lifecycle hook ${shift} returned FAILED at stage PRODUCTION_TRAFFIC_SHIFT during the rollback.`,
    );
    expect(seen.last.lifecycleHookDetails?.map((h) => `${h.targetArn}:${h.status}`)).toEqual([
      `${check}:FAILED`,
      `${shift}:FAILED`,
    ]);
  });

  it('after StopServiceDeployment the deployment holds still (ROLLBACK_REQUESTED): no stage change, no hook answer', async () => {
    const hook = `${HOOK}-slow`;
    const { family, arn } = await deploy('hold', {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [{ hookTargetArn: hook, roleArn: ROLE, lifecycleStages: ['PRE_SCALE_UP'] }],
    });
    // The hook answers 15 s after PRE_SCALE_UP began; the stop comes at 14 s.
    sim.clock.advance(14_000);
    await client.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    for (let second = 0; second < 4; second++) {
      sim.clock.advance(1_000);
      const held = await describe1(arn);
      expect(held.status).toBe('ROLLBACK_REQUESTED');
      expect(held.lifecycleStage).toBe('PRE_SCALE_UP');
      expect(held.lifecycleHookDetails?.map((h) => h.status)).toEqual(['IN_PROGRESS']);
    }
    const seen = await walk(family, arn);
    expect(seen.last.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(stagesOf(seen)).not.toContain('SCALE_UP');
  });

  it('StopServiceDeployment errors: unknown ARN, and stopType ABORT', async () => {
    await expect(
      client.send(
        new StopServiceDeploymentCommand({
          serviceDeploymentArn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/none/AAAAAAAA-aaaaaaaaaaaa',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ServiceDeploymentNotFoundException' });
    const { arn } = await deploy('abort', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
    await expect(
      client.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ABORT' })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('StopServiceDeployment ROLLBACK of a rolling deployment returns to the last completed revision, its settings included', async () => {
    sim.ecs.setImageScenario(`${IMAGE}:never`, 'never-stable');
    const family = 'staged-rolling-stop';
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 2,
      taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
    });
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${IMAGE}:never`) as never));
    const before = await describeService(client, 'prod', family);
    // The same UpdateService changes a setting (settings as code) and the task definition.
    const updated = await client.send(
      new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family, platformVersion: '1.3.0' }),
    );
    expect(updated.service?.platformVersion).toBe('1.3.0');
    const arn = updated.service?.currentServiceDeployment ?? '';
    sim.clock.advance(60_000);
    await client.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    const seen = await walk(family, arn);
    expect(seen.last.status).toBe('ROLLBACK_SUCCESSFUL');
    const after = await describeService(client, 'prod', family);
    expect(after.taskDefinition).toMatch(/:1$/);
    expect(after.platformVersion).toBe(before.platformVersion);
    expect(after.platformVersion).not.toBe('1.3.0');
  });
});

describe('validation (InvalidParameterException, nothing changed)', () => {
  const seedPlain = (name: string) => {
    const family = `staged-invalid-${name}`;
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 2,
      taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
    });
    return family;
  };

  it.each([
    [
      'BLUE_GREEN without a load balancer',
      { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 },
      undefined,
      'The BLUE_GREEN deployment strategy requires a load balancer with advancedConfiguration or Service Connect.',
    ],
    [
      'a load balancer without advancedConfiguration',
      { strategy: 'LINEAR', bakeTimeInMinutes: 5 },
      [{ targetGroupArn: TARGET_GROUP, containerName: 'app', containerPort: 8080 }],
      'advancedConfiguration must be specified for each load balancer when you use the LINEAR deployment strategy.',
    ],
    [
      'BLUE_GREEN without bakeTimeInMinutes',
      { strategy: 'BLUE_GREEN' },
      LOAD_BALANCERS,
      'bakeTimeInMinutes must be specified for the BLUE_GREEN deployment strategy.',
    ],
    [
      'linearConfiguration with CANARY',
      { strategy: 'CANARY', linearConfiguration: { stepPercent: 10 } },
      LOAD_BALANCERS,
      'linearConfiguration can only be specified with the LINEAR deployment strategy.',
    ],
    [
      'a stepPercent under 3',
      { strategy: 'LINEAR', linearConfiguration: { stepPercent: 2 } },
      LOAD_BALANCERS,
      'linearConfiguration.stepPercent must be a multiple of 0.1 between 3.0 and 100.0.',
    ],
    [
      'a hook at BAKE_TIME',
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 1,
        lifecycleHooks: [{ hookTargetArn: HOOK, roleArn: ROLE, lifecycleStages: ['BAKE_TIME'] }],
      },
      LOAD_BALANCERS,
      'Invalid lifecycle stage: BAKE_TIME. Valid values are RECONCILE_SERVICE, PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT.',
    ],
    [
      'an unknown strategy',
      { strategy: 'RAINBOW' },
      undefined,
      'Invalid strategy: RAINBOW. Valid values are ROLLING, BLUE_GREEN, LINEAR, CANARY.',
    ],
  ])('%s', async (name, deploymentConfiguration, loadBalancers, message) => {
    const family = seedPlain(name.replace(/\W+/g, '-'));
    await expect(
      client.send(
        new UpdateServiceCommand({
          cluster: 'prod',
          service: family,
          desiredCount: 5,
          deploymentConfiguration: deploymentConfiguration as never,
          ...(loadBalancers ? { loadBalancers: loadBalancers as never } : {}),
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message });
    const service = await describeService(client, 'prod', family);
    expect(service.desiredCount).toBe(2);
    expect(service.deploymentConfiguration?.strategy).toBeUndefined();
  });
});
