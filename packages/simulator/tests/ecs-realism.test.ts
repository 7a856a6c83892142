/**
 * Realism of the rolling-update model (issue 15): how the circuit breaker counts tasks that reached RUNNING,
 * what UpdateService answers, draining tasks and the load balancer's deregistration delay against
 * maximumPercent, and the service throttle logic. Simulated time is frozen (timeScale 0) and stepped by hand.
 */
import {
  DescribeServiceDeploymentsCommand,
  DescribeTasksCommand,
  type ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import {
  describeService,
  ecsClient,
  eventMessages,
  fargateTaskDefinition,
  follow,
  primaryOf,
  tasksOf,
} from './ecs-helpers.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const THROTTLE_EVENT = (service: string) => `(service ${service}) is unable to consistently start tasks successfully.`;

let sim: Simulator;
let client: ECSClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = ecsClient(sim);
});

afterAll(async () => {
  await sim.close();
});

/** Seeds `real-<name>` steady on revision 1 and registers revision 2 with `image`. */
async function prepare(
  name: string,
  image: string,
  options: {
    desiredCount?: number;
    breaker?: { enable: boolean; rollback: boolean };
    deploymentConfiguration?: Record<string, unknown>;
    loadBalancers?: Record<string, unknown>[];
    healthCheck?: boolean;
  } = {},
) {
  const family = `real-${name}`;
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: family,
    desiredCount: options.desiredCount ?? 2,
    taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
    deploymentConfiguration: {
      ...(options.breaker ? { deploymentCircuitBreaker: options.breaker } : {}),
      ...options.deploymentConfiguration,
    },
    ...(options.loadBalancers ? { loadBalancers: options.loadBalancers } : {}),
  });
  const definition = fargateTaskDefinition(family, image);
  if (options.healthCheck) {
    (definition.containerDefinitions[0] as Record<string, unknown>).healthCheck = {
      command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'],
    };
  }
  const registered = await client.send(new RegisterTaskDefinitionCommand(definition as never));
  return { family, newArn: registered.taskDefinition?.taskDefinitionArn ?? '' };
}

/** Every task of the service that is not STOPPED yet (PROVISIONING … DEACTIVATING, STOPPING), by lastStatus. */
async function liveTasks(family: string) {
  const arns: string[] = [];
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    const { taskArns = [] } = await client.send(
      new ListTasksCommand({ cluster: 'prod', serviceName: family, desiredStatus }),
    );
    arns.push(...taskArns);
  }
  if (arns.length === 0) return [];
  const { tasks = [] } = await client.send(new DescribeTasksCommand({ cluster: 'prod', tasks: arns }));
  return tasks.filter((task) => task.lastStatus !== 'STOPPED');
}

describe('(a) tasks that reach RUNNING and crash later', () => {
  it("are not the breaker's failures: it never trips, the rollout stays IN_PROGRESS, failedTasks stays 0", async () => {
    const image = `${IMAGE}:crash-later`;
    sim.ecs.setImageScenario(image, { kind: 'crash-after-running', afterSeconds: 20, exitCode: 2 });
    const { family } = await prepare('crash-later', image, { breaker: { enable: true, rollback: true } });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { states, service } = await follow(sim, client, 'prod', family, () => false, { maxSteps: 80 });
    expect(states.every((state) => state.startsWith('PRIMARY:2:IN_PROGRESS'))).toBe(true);
    expect(states.every((state) => / f0( |$)/.test(state.split(' | ')[0] ?? ''))).toBe(true);
    expect(states.some((state) => state.startsWith('PRIMARY:2:IN_PROGRESS 2/0/2'))).toBe(true);
    const stopped = (await tasksOf(client, 'prod', family, 'STOPPED')).filter((task) =>
      task.taskDefinitionArn?.endsWith(':2'),
    );
    expect(stopped.length).toBeGreaterThanOrEqual(6);
    for (const task of stopped) {
      expect(task.stopCode).toBe('EssentialContainerExited');
      expect(task.startedAt).toBeInstanceOf(Date);
      expect(task.containers?.[0]?.exitCode).toBe(2);
      // Stopped 20 s after it started.
      expect((task.stoppedAt?.getTime() ?? 0) - (task.startedAt?.getTime() ?? 0)).toBe(20_000);
    }
    // The service deployment: breaker still MONITORING, nothing counted; no throttling (tasks did start).
    const described = await client.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [service.currentServiceDeployment ?? ''] }),
    );
    expect(described.serviceDeployments?.[0]?.deploymentCircuitBreaker).toEqual({
      status: 'MONITORING',
      failureCount: 0,
      threshold: 3,
    });
    expect(eventMessages(service)).not.toContain(THROTTLE_EVENT(family));
  });

  it('with a container health check, a task that exits before it is HEALTHY is not a health-check failure either', async () => {
    const image = `${IMAGE}:crash-before-healthy`;
    sim.ecs.setImageScenario(image, { kind: 'crash-after-running', afterSeconds: 5 });
    const { family } = await prepare('crash-before-healthy', image, {
      breaker: { enable: true, rollback: true },
      healthCheck: true,
    });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { states } = await follow(sim, client, 'prod', family, () => false, { maxSteps: 60 });
    expect(states.every((state) => state.startsWith('PRIMARY:2:IN_PROGRESS'))).toBe(true);
    const stopped = (await tasksOf(client, 'prod', family, 'STOPPED')).filter((task) =>
      task.taskDefinitionArn?.endsWith(':2'),
    );
    expect(stopped.length).toBeGreaterThanOrEqual(6);
    expect(stopped.every((task) => task.healthStatus === 'UNKNOWN' && task.containers?.[0]?.exitCode === 1)).toBe(true);
  });

  it('stage 2: once a task of the deployment reached RUNNING, tasks that fail to start are no longer counted', async () => {
    const image = `${IMAGE}:stage2`;
    sim.ecs.setImageScenario(image, { kind: 'crash-after-running', afterSeconds: 20 });
    const { family, newArn } = await prepare('stage2', image, { breaker: { enable: true, rollback: true } });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    // The first tasks are RUNNING at 30 s; from then on, every new task of this revision fails to start.
    await follow(sim, client, 'prod', family, () => false, { maxSteps: 7 });
    sim.ecs.setTaskDefinitionScenario(newArn, { kind: 'crash-on-start', exitCode: 3 });
    const { states } = await follow(sim, client, 'prod', family, () => false, { maxSteps: 40 });
    expect(states.every((state) => state.startsWith('PRIMARY:2:IN_PROGRESS'))).toBe(true);
    expect(states.every((state) => / f0( |$)/.test(state.split(' | ')[0] ?? ''))).toBe(true);
    const failedToStart = (await tasksOf(client, 'prod', family, 'STOPPED')).filter(
      (task) => task.taskDefinitionArn === newArn && task.startedAt === undefined,
    );
    expect(failedToStart.length).toBeGreaterThanOrEqual(3);
  });
});

describe('(b) the UpdateService answer', () => {
  it('shows the new PRIMARY deployment before the scheduler has started any task', async () => {
    const { family, newArn } = await prepare('answer', `${IMAGE}:v2`);
    const { service } = await client.send(
      new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: newArn }),
    );
    const primary = primaryOf(service ?? {});
    expect(primary).toMatchObject({ taskDefinition: newArn, runningCount: 0, pendingCount: 0, desiredCount: 2 });
    expect(service?.deployments?.[1]).toMatchObject({ status: 'ACTIVE', runningCount: 2, pendingCount: 0 });
    expect(service).toMatchObject({ runningCount: 2, pendingCount: 0 });
    expect(eventMessages(service ?? {})).not.toContainEqual(expect.stringContaining('has started'));
    // The scheduler's next pass (seen on a later DescribeServices) launches the tasks.
    sim.clock.advance(1_000);
    const later = await describeService(client, 'prod', family);
    expect(primaryOf(later)).toMatchObject({ runningCount: 0, pendingCount: 2 });
    expect(eventMessages(later).at(-1)).toMatch(/has started 2 tasks/);
  });
});

describe('(c) draining tasks and maximumPercent', () => {
  const targetGroupArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/real/0123456789abcdef';

  it('behind a load balancer, 100/50 replaces tasks in batches, old tasks DEACTIVATING for the deregistration delay', async () => {
    const { family } = await prepare('batches', `${IMAGE}:v2`, {
      desiredCount: 4,
      deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 50 },
      loadBalancers: [{ targetGroupArn, containerName: 'app', containerPort: 8080 }],
    });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const seen: { t: number; byStatus: string }[] = [];
    let peak = 0;
    const started = sim.clock.now();
    for (let step = 0; step < 200; step++) {
      const live = await liveTasks(family);
      peak = Math.max(peak, live.length);
      const byStatus = live
        .map((task) => `${task.taskDefinitionArn?.split(':').pop()}:${task.lastStatus}`)
        .sort()
        .join(',');
      if (seen.at(-1)?.byStatus !== byStatus) seen.push({ t: (sim.clock.now() - started) / 1000, byStatus });
      if (primaryOf(await describeService(client, 'prod', family))?.rolloutState === 'COMPLETED') break;
      sim.clock.advance(10_000);
    }
    // Never more than maximumPercent (100 % of 4) tasks that are not STOPPED, draining ones included.
    expect(peak).toBe(4);
    expect(seen).toEqual([
      // Two old tasks drain (minimumHealthyPercent 50 keeps two); no room for new tasks while they drain.
      { t: 0, byStatus: '1:DEACTIVATING,1:DEACTIVATING,1:RUNNING,1:RUNNING' },
      // 300 s deregistration delay, then STOPPING, then STOPPED and two new tasks start.
      { t: 300, byStatus: '1:RUNNING,1:RUNNING,1:STOPPING,1:STOPPING' },
      { t: 310, byStatus: '1:RUNNING,1:RUNNING,2:PROVISIONING,2:PROVISIONING' },
      { t: 320, byStatus: '1:RUNNING,1:RUNNING,2:PENDING,2:PENDING' },
      // The new batch is RUNNING: the last two old tasks drain.
      { t: 340, byStatus: '1:DEACTIVATING,1:DEACTIVATING,2:RUNNING,2:RUNNING' },
      { t: 640, byStatus: '1:STOPPING,1:STOPPING,2:RUNNING,2:RUNNING' },
      { t: 650, byStatus: '2:PROVISIONING,2:PROVISIONING,2:RUNNING,2:RUNNING' },
      { t: 660, byStatus: '2:PENDING,2:PENDING,2:RUNNING,2:RUNNING' },
      { t: 680, byStatus: '2:RUNNING,2:RUNNING,2:RUNNING,2:RUNNING' },
    ]);
    const service = await describeService(client, 'prod', family);
    expect(primaryOf(service)).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 4 });
    const drained = (await tasksOf(client, 'prod', family, 'STOPPED')).filter((task) =>
      task.taskDefinitionArn?.endsWith(':1'),
    );
    expect(drained).toHaveLength(4);
    for (const task of drained) {
      // stoppingAt: when the task left DEACTIVATING for STOPPING, after the 300 s deregistration delay.
      expect((task.stoppedAt?.getTime() ?? 0) - (task.stoppingAt?.getTime() ?? 0)).toBe(10_000);
    }
  });

  it('the deregistration delay is the target group setting (setDeregistrationDelay)', async () => {
    const otherGroup = `${targetGroupArn}0`;
    sim.ecs.setDeregistrationDelay(otherGroup, 30);
    const { family } = await prepare('short-delay', `${IMAGE}:v2`, {
      desiredCount: 2,
      deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 50 },
      loadBalancers: [{ targetGroupArn: otherGroup, containerName: 'app', containerPort: 8080 }],
    });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { states, steps } = await follow(
      sim,
      client,
      'prod',
      family,
      (s) => primaryOf(s)?.rolloutState === 'COMPLETED',
      { stepMs: 10_000 },
    );
    // One task at a time as in the 50/100 rollout without a load balancer, but each old task takes 30 s + 10 s
    // to stop: the first new task starts at 40 s, the second at 110 s, COMPLETED at 170 s (300 s drains: 610 s).
    expect(states[0]).toBe('PRIMARY:2:IN_PROGRESS 0/0/2 f0 | ACTIVE:1:COMPLETED 1/0/1 f0');
    expect(states.at(-1)).toBe('PRIMARY:2:COMPLETED 2/0/2 f0');
    expect(steps * 10).toBe(170);
  });
});

describe('(d) the service throttle logic', () => {
  it('tasks that keep failing to start: "unable to consistently start tasks successfully", longer and longer pauses', async () => {
    const image = `${IMAGE}:no-such-tag`;
    sim.ecs.setImageScenario(image, 'image-pull-failure');
    const { family } = await prepare('throttled', image);
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    // 40 simulated minutes. Without the throttle a pull failure is retried every 25 s: about 190 tasks.
    const { service } = await follow(sim, client, 'prod', family, () => false, { stepMs: 20_000, maxSteps: 120 });
    const events = eventMessages(service);
    // Written once (duplicates are omitted until the cause is resolved or six hours pass).
    expect(events.filter((message) => message === THROTTLE_EVENT(family))).toHaveLength(1);
    const launches = events.filter((message) => message.includes('has started'));
    expect(launches.length).toBeGreaterThanOrEqual(5);
    expect(launches.length).toBeLessThanOrEqual(12);
    const stopped = (await tasksOf(client, 'prod', family, 'STOPPED')).filter((task) =>
      task.taskDefinitionArn?.endsWith(':2'),
    );
    const starts = [...new Set(stopped.map((task) => task.createdAt?.getTime() ?? 0))].sort((a, b) => a - b);
    const gaps = starts.slice(1).map((time, index) => time - (starts[index] ?? 0));
    // The pauses grow, up to 15 minutes.
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(Math.max(...gaps)).toBe(15 * 60_000 + 25_000);
    // The old deployment keeps serving.
    expect(service.deployments?.[1]).toMatchObject({ status: 'ACTIVE', runningCount: 2 });

    // A new task definition ends the throttling at once.
    const fixed = await client.send(
      new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${IMAGE}:fixed`) as never),
    );
    await client.send(
      new UpdateServiceCommand({
        cluster: 'prod',
        service: family,
        taskDefinition: fixed.taskDefinition?.taskDefinitionArn,
      }),
    );
    sim.clock.advance(1_000);
    expect(primaryOf(await describeService(client, 'prod', family))).toMatchObject({ pendingCount: 2 });
  });
});
