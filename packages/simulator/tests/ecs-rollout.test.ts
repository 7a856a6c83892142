/**
 * Rolling updates through the real @aws-sdk/client-ecs over HTTP. Simulated time is frozen (timeScale 0)
 * and stepped with `sim.clock.advance`, so every state ECS would show is observed deterministically.
 */
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  type ECSClient,
  ListServiceDeploymentsCommand,
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
  summarize,
  tasksOf,
} from './ecs-helpers.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';

let sim: Simulator;
let client: ECSClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = ecsClient(sim);
});

afterAll(async () => {
  await sim.close();
});

/** Seeds `web-<name>` steady on revision 1 and registers revision 2 with `image`. */
async function prepare(name: string, image: string, breaker?: { enable: boolean; rollback: boolean }) {
  const family = `web-${name}`;
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: family,
    desiredCount: 2,
    taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
    ...(breaker ? { deploymentConfiguration: { deploymentCircuitBreaker: breaker } } : {}),
  });
  const registered = await client.send(
    new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, image) as never),
  );
  return { family, newArn: registered.taskDefinition?.taskDefinitionArn ?? '' };
}

describe('rolling update that succeeds', () => {
  it('goes PRIMARY IN_PROGRESS → old ACTIVE drained → COMPLETED, with ECS events', async () => {
    const { family, newArn } = await prepare('ok', `${IMAGE}:v2`);
    const before = primaryOf((await follow(sim, client, 'prod', family, () => true)).service);
    expect(before?.rolloutState).toBe('COMPLETED');

    const updated = await client.send(
      new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: newArn }),
    );
    const newPrimary = primaryOf(updated.service ?? {});
    expect(newPrimary?.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(newPrimary?.id).not.toBe(before?.id);
    expect(newPrimary?.rolloutStateReason).toBe(`ECS deployment ${newPrimary?.id} in progress.`);

    const { states, service } = await follow(
      sim,
      client,
      'prod',
      family,
      (s) => primaryOf(s)?.rolloutState === 'COMPLETED',
    );
    expect(states).toEqual([
      'PRIMARY:2:IN_PROGRESS 0/2/2 f0 | ACTIVE:1:COMPLETED 2/0/2 f0',
      // New tasks RUNNING (30 s): the old ones are drained (desired STOPPED, not counted as running).
      'PRIMARY:2:IN_PROGRESS 2/0/2 f0 | ACTIVE:1:COMPLETED 0/0/0 f0',
      // Old deployment gone once its tasks are STOPPED.
      'PRIMARY:2:IN_PROGRESS 2/0/2 f0',
      'PRIMARY:2:COMPLETED 2/0/2 f0',
    ]);
    const primary = primaryOf(service);
    expect(primary?.rolloutStateReason).toBe(`ECS deployment ${newPrimary?.id} completed.`);
    expect(service.taskDefinition).toBe(newArn);
    expect(service.runningCount).toBe(2);
    expect(primary?.createdAt).toBeInstanceOf(Date);

    const events = eventMessages(service).slice(-4);
    expect(events[0]).toMatch(
      new RegExp(`^\\(service ${family}\\) has started 2 tasks: \\(task [0-9a-f]{32}\\) \\(task [0-9a-f]{32}\\)\\.$`),
    );
    expect(events[1]).toMatch(
      new RegExp(
        `^\\(service ${family}\\) has stopped 2 running tasks: \\(task [0-9a-f]{32}\\) \\(task [0-9a-f]{32}\\)\\.$`,
      ),
    );
    expect(events.slice(2)).toEqual([
      `(service ${family}) (deployment ${newPrimary?.id}) deployment completed.`,
      `(service ${family}) has reached a steady state.`,
    ]);

    const running = await tasksOf(client, 'prod', family, 'RUNNING');
    expect(running.map((task) => [task.lastStatus, task.startedBy, task.taskDefinitionArn])).toEqual([
      ['RUNNING', newPrimary?.id, newArn],
      ['RUNNING', newPrimary?.id, newArn],
    ]);
    const drained = await tasksOf(client, 'prod', family, 'STOPPED');
    expect(drained.map((task) => [task.lastStatus, task.stopCode, task.startedBy])).toEqual([
      ['STOPPED', 'ServiceSchedulerInitiated', before?.id],
      ['STOPPED', 'ServiceSchedulerInitiated', before?.id],
    ]);

    // ListServiceDeployments / DescribeServiceDeployments: newest first, SUCCESSFUL, revisions and counts.
    const listed = await client.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: family }));
    expect(listed.serviceDeployments?.map((d) => d.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
    const latest = listed.serviceDeployments?.[0];
    expect(latest?.serviceDeploymentArn).toMatch(
      new RegExp(
        `^arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/${family}/[A-Za-z0-9]{8}-[A-Za-z0-9]{12}$`,
      ),
    );
    expect(latest?.serviceArn).toBe(service.serviceArn);
    expect(latest?.finishedAt).toBeInstanceOf(Date);
    expect(service.currentServiceDeployment).toBe(latest?.serviceDeploymentArn);
    const described = await client.send(
      new DescribeServiceDeploymentsCommand({
        serviceDeploymentArns: [latest?.serviceDeploymentArn ?? '', 'arn:nope'],
      }),
    );
    const detail = described.serviceDeployments?.[0];
    expect(detail?.status).toBe('SUCCESSFUL');
    expect(detail?.targetServiceRevision).toMatchObject({
      requestedTaskCount: 2,
      runningTaskCount: 2,
      pendingTaskCount: 0,
    });
    expect(detail?.targetServiceRevision?.arn).toBe(latest?.targetServiceRevisionArn);
    expect(detail?.sourceServiceRevisions).toHaveLength(1);
    expect(detail?.deploymentCircuitBreaker).toEqual({ status: 'DISABLED', failureCount: 0, threshold: 3 });
    expect(detail?.deploymentConfiguration).toMatchObject({ maximumPercent: 200, minimumHealthyPercent: 100 });
    expect(described.failures).toEqual([{ arn: 'arn:nope', reason: 'MISSING' }]);
  });

  it('keeps to minimumHealthyPercent/maximumPercent (50/100 replaces one task at a time, draining ones included)', async () => {
    const family = 'web-half';
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 2,
      taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 },
    });
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${IMAGE}:v2`) as never));
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { states } = await follow(sim, client, 'prod', family, (s) => primaryOf(s)?.rolloutState === 'COMPLETED');
    expect(states).toEqual([
      // One old task drains; it takes the room (maximumPercent 100) until it is STOPPED 10 s later.
      'PRIMARY:2:IN_PROGRESS 0/0/2 f0 | ACTIVE:1:COMPLETED 1/0/1 f0',
      'PRIMARY:2:IN_PROGRESS 0/1/2 f0 | ACTIVE:1:COMPLETED 1/0/1 f0',
      'PRIMARY:2:IN_PROGRESS 1/0/2 f0 | ACTIVE:1:COMPLETED 0/0/0 f0',
      'PRIMARY:2:IN_PROGRESS 1/1/2 f0',
      'PRIMARY:2:IN_PROGRESS 2/0/2 f0',
      'PRIMARY:2:COMPLETED 2/0/2 f0',
    ]);
  });
});

describe('rolling update behind a load balancer', () => {
  it('adds target registration and connection draining events', async () => {
    const family = 'web-lb';
    const targetGroupArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition(family, `${IMAGE}:good`),
      loadBalancers: [{ targetGroupArn, containerName: 'app', containerPort: 8080 }],
    });
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, `${IMAGE}:v2`) as never));
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { service } = await follow(sim, client, 'prod', family, (s) => primaryOf(s)?.rolloutState === 'COMPLETED');
    expect(service.loadBalancers).toEqual([{ targetGroupArn, containerName: 'app', containerPort: 8080 }]);
    const events = eventMessages(service)
      .slice(1)
      .map((message) => message.replace(/\(task [0-9a-f]{32}\)/g, '(task …)').replace(/ecs-svc\/\d+/g, 'ecs-svc/…'));
    expect(events).toEqual([
      `(service ${family}) has started 1 tasks: (task …).`,
      `(service ${family}) registered 1 targets in (target-group ${targetGroupArn})`,
      `(service ${family}) has begun draining connections on 1 tasks.`,
      `(service ${family}) deregistered 1 targets in (target-group ${targetGroupArn})`,
      `(service ${family}) has stopped 1 running tasks: (task …).`,
      `(service ${family}) (deployment ecs-svc/…) deployment completed.`,
      `(service ${family}) has reached a steady state.`,
    ]);
  });
});

describe('rolling update that the circuit breaker rolls back', () => {
  it('fails after the threshold of failed tasks, then rolls back to the last COMPLETED task definition', async () => {
    const image = `${IMAGE}:crash`;
    sim.ecs.setImageScenario(image, { kind: 'crash-on-start', exitCode: 1 });
    const { family } = await prepare('rollback', image, { enable: true, rollback: true });
    const before = primaryOf((await follow(sim, client, 'prod', family, () => true)).service);
    const updated = await client.send(
      new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }),
    );
    const failing = primaryOf(updated.service ?? {});

    const { states, snapshots, service } = await follow(
      sim,
      client,
      'prod',
      family,
      (s) => s.deployments?.length === 1 && primaryOf(s)?.rolloutState === 'COMPLETED',
    );
    expect(states).toEqual([
      'PRIMARY:2:IN_PROGRESS 0/2/2 f0 | ACTIVE:1:COMPLETED 2/0/2 f0',
      // Both tasks exit before RUNNING (15 s) and are replaced.
      'PRIMARY:2:IN_PROGRESS 0/2/2 f2 | ACTIVE:1:COMPLETED 2/0/2 f0',
      // 4 ≥ threshold max(3, ceil(0.5 × 2)) = 3: FAILED, and a new PRIMARY with revision 1 starts.
      // The failed deployment stays listed (ACTIVE, FAILED) until the rollback completes.
      'PRIMARY:1:IN_PROGRESS 0/2/2 f0 | ACTIVE:2:FAILED 0/0/0 f4 | ACTIVE:1:COMPLETED 2/0/2 f0',
      'PRIMARY:1:IN_PROGRESS 2/0/2 f0 | ACTIVE:2:FAILED 0/0/0 f4 | ACTIVE:1:COMPLETED 0/0/0 f0',
      'PRIMARY:1:IN_PROGRESS 2/0/2 f0 | ACTIVE:2:FAILED 0/0/0 f4',
      'PRIMARY:1:COMPLETED 2/0/2 f0',
    ]);
    expect(service.taskDefinition?.endsWith(`${family}:1`)).toBe(true);
    const [rollback, failed] = snapshots[2]?.deployments ?? [];
    expect(rollback?.id).not.toBe(before?.id);
    expect(rollback?.id).not.toBe(failing?.id);
    expect(rollback?.rolloutStateReason).toBe(
      `ECS deployment circuit breaker: rolling back to deploymentId ${before?.id}.`,
    );
    expect(failed).toMatchObject({
      id: failing?.id,
      status: 'ACTIVE',
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });

    const messages = eventMessages(service);
    const failedAt = messages.indexOf(
      `(service ${family}) (deployment ${failing?.id}) deployment failed: tasks failed to start.`,
    );
    const rollingBackAt = messages.indexOf(`(service ${family}) rolling back to deployment ${before?.id}.`);
    expect(failedAt).toBeGreaterThan(0);
    expect(rollingBackAt).toBe(failedAt + 1);
    expect(messages.at(-1)).toBe(`(service ${family}) has reached a steady state.`);

    // The failed tasks keep their reasons, exit codes and startedBy = the failed deployment.
    const stopped = await tasksOf(client, 'prod', family, 'STOPPED');
    const crashed = stopped.filter((task) => task.startedBy === failing?.id);
    expect(crashed).toHaveLength(4);
    for (const task of crashed) {
      expect(task).toMatchObject({
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
      });
      expect(task.containers?.[0]).toMatchObject({ name: 'app', lastStatus: 'STOPPED', exitCode: 1, image });
      expect(task.stoppedAt).toBeInstanceOf(Date);
    }

    const listed = await client.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: family }));
    const rolledBack = listed.serviceDeployments?.[0];
    expect(rolledBack?.status).toBe('ROLLBACK_SUCCESSFUL');
    const described = await client.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [rolledBack?.serviceDeploymentArn ?? ''] }),
    );
    expect(described.serviceDeployments?.[0]?.deploymentCircuitBreaker).toEqual({
      status: 'TRIGGERED',
      failureCount: 4,
      threshold: 3,
    });
    expect(described.serviceDeployments?.[0]?.rollback?.serviceRevisionArn).toBeDefined();

    // Filters: by status (any of), by createdAt; every status when none is given (the rolled back one too).
    const seeded = listed.serviceDeployments?.[1];
    expect(listed.serviceDeployments).toHaveLength(2);
    const byStatus = async (status: ('SUCCESSFUL' | 'ROLLBACK_SUCCESSFUL' | 'IN_PROGRESS')[]) =>
      (await client.send(new ListServiceDeploymentsCommand({ cluster: 'prod', service: family, status })))
        .serviceDeployments ?? [];
    expect((await byStatus(['ROLLBACK_SUCCESSFUL'])).map((d) => d.serviceDeploymentArn)).toEqual([
      rolledBack?.serviceDeploymentArn,
    ]);
    expect((await byStatus(['IN_PROGRESS'])).length).toBe(0);
    const since = await client.send(
      new ListServiceDeploymentsCommand({
        cluster: 'prod',
        service: family,
        createdAt: { after: new Date((seeded?.createdAt?.getTime() ?? 0) + 1_000) },
      }),
    );
    expect(since.serviceDeployments?.map((d) => d.serviceDeploymentArn)).toEqual([rolledBack?.serviceDeploymentArn]);

    // DescribeServiceRevisions: what each deployed; the rollback deployed the old revision again, no new one.
    const revisions = await client.send(
      new DescribeServiceRevisionsCommand({
        serviceRevisionArns: [
          rolledBack?.targetServiceRevisionArn ?? '',
          seeded?.targetServiceRevisionArn ?? '',
          `${rolledBack?.targetServiceRevisionArn}-missing`,
        ],
      }),
    );
    expect(revisions.serviceRevisions?.map((r) => r.taskDefinition?.split('/').pop())).toEqual([
      `${family}:2`,
      `${family}:1`,
    ]);
    expect(revisions.serviceRevisions?.[0]).toMatchObject({
      serviceRevisionArn: rolledBack?.targetServiceRevisionArn,
      serviceArn: rolledBack?.serviceArn,
      launchType: 'FARGATE',
      containerImages: [{ containerName: 'app', image }],
    });
    expect(revisions.serviceRevisions?.[0]?.createdAt).toBeInstanceOf(Date);
    expect(revisions.failures).toEqual([{ arn: `${rolledBack?.targetServiceRevisionArn}-missing`, reason: 'MISSING' }]);
    expect(described.serviceDeployments?.[0]?.rollback?.serviceRevisionArn).toBe(seeded?.targetServiceRevisionArn);
  });

  it('without rollback: FAILED, no new tasks launched, the old deployment keeps serving', async () => {
    const image = `${IMAGE}:pull-fails`;
    sim.ecs.setImageScenario(image, 'image-pull-failure');
    const { family } = await prepare('norollback', image, { enable: true, rollback: false });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { states, service } = await follow(
      sim,
      client,
      'prod',
      family,
      (s) => primaryOf(s)?.rolloutState === 'FAILED',
    );
    expect(states.at(-1)).toBe('PRIMARY:2:FAILED 0/0/2 f4 | ACTIVE:1:COMPLETED 2/0/2 f0');
    expect(primaryOf(service)?.rolloutStateReason).toBe('ECS deployment circuit breaker: tasks failed to start.');
    // Nothing more happens.
    const later = await follow(sim, client, 'prod', family, () => false, { maxSteps: 10, stepMs: 30_000 });
    expect(later.states).toEqual(['PRIMARY:2:FAILED 0/0/2 f4 | ACTIVE:1:COMPLETED 2/0/2 f0']);
    const stopped = await tasksOf(client, 'prod', family, 'STOPPED');
    expect(stopped).toHaveLength(4);
    expect(stopped[0]).toMatchObject({ stopCode: 'TaskFailedToStart' });
    expect(stopped[0]?.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(stopped[0]?.containers?.[0]?.reason).toBe(stopped[0]?.stoppedReason);
    expect(stopped[0]?.startedAt).toBeUndefined();
  });
});

describe('rolling update that never stabilises', () => {
  it('without a breaker, failing tasks are replaced forever: failedTasks grows, rolloutState stays IN_PROGRESS', async () => {
    const image = `${IMAGE}:unhealthy`;
    sim.ecs.setImageScenario(image, 'failing-health-check');
    const { family } = await prepare('forever', image);
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { states, service } = await follow(sim, client, 'prod', family, () => false, { maxSteps: 60 });
    // 300 s: tasks RUNNING at 30 s, UNHEALTHY and stopped at 60 s, replaced, again and again.
    const failed = states.map((state) => Number(/ f(\d+) \|/.exec(state)?.[1]));
    expect(failed.at(-1)).toBeGreaterThanOrEqual(8);
    expect(failed).toEqual([...failed].sort((a, b) => a - b));
    expect(states.every((state) => state.startsWith('PRIMARY:2:IN_PROGRESS'))).toBe(true);
    expect(states.every((state) => state.includes('ACTIVE:1:COMPLETED 2/0/2'))).toBe(true);
    expect(eventMessages(service)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^\\(service ${family}\\) \\(task [0-9a-f]{32}\\) failed container health checks\\.$`),
      ),
    );
    const stopped = await tasksOf(client, 'prod', family, 'STOPPED');
    expect(stopped[0]).toMatchObject({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Task failed container health checks',
      healthStatus: 'UNHEALTHY',
    });
  });

  it("never-stable: tasks start and exit, the breaker's count resets, the deployment never completes", async () => {
    const image = `${IMAGE}:flaky`;
    sim.ecs.setImageScenario(image, 'never-stable');
    const { family } = await prepare('flaky', image, { enable: true, rollback: true });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const { states } = await follow(sim, client, 'prod', family, () => false, { maxSteps: 60 });
    expect(states.every((state) => state.startsWith('PRIMARY:2:IN_PROGRESS'))).toBe(true);
    expect(states.some((state) => state.startsWith('PRIMARY:2:IN_PROGRESS 2/0/2'))).toBe(true);
    const stopped = await tasksOf(client, 'prod', family, 'STOPPED');
    expect(stopped.filter((task) => task.stopCode === 'EssentialContainerExited').length).toBeGreaterThanOrEqual(4);
  });
});

describe('rolling update under throttling', () => {
  it('the SDK retries through ThrottlingException and every attempt is recorded', async () => {
    const retrying = ecsClient(sim, 5);
    const { family } = await prepare('throttled', `${IMAGE}:v2`);
    sim.faults.inject({ api: 'ecs', operation: 'UpdateService', kind: 'throttle', count: 2 });
    sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'throttle', count: 2 });
    const from = sim.calls.length;
    const updated = await retrying.send(
      new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }),
    );
    expect(updated.$metadata.attempts).toBe(3);
    const { states } = await follow(sim, retrying, 'prod', family, (s) => primaryOf(s)?.rolloutState === 'COMPLETED');
    expect(states[0]).toBe('PRIMARY:2:IN_PROGRESS 0/2/2 f0 | ACTIVE:1:COMPLETED 2/0/2 f0');
    expect(states.at(-1)).toBe('PRIMARY:2:COMPLETED 2/0/2 f0');
    const calls = sim.calls.slice(from);
    expect(calls.filter((c) => c.operation === 'UpdateService').map((c) => [c.status, c.error])).toEqual([
      [400, 'ThrottlingException'],
      [400, 'ThrottlingException'],
      [200, undefined],
    ]);
    const describes = calls.filter((c) => c.operation === 'DescribeServices');
    expect(describes.slice(0, 3).map((c) => c.status)).toEqual([400, 400, 200]);
    expect(describes[0]?.params).toEqual({ cluster: 'prod', services: [family] });
    expect(summarize(await (async () => (await follow(sim, retrying, 'prod', family, () => true)).service)())).toBe(
      'PRIMARY:2:COMPLETED 2/0/2 f0',
    );
  });
});

describe('simulated time running on its own', () => {
  it('with timeScale 600 a rollout of about 70 simulated seconds completes in a fraction of a real second', async () => {
    const fast = await startSimulator({ timeScale: 600 });
    try {
      const fastClient = ecsClient(fast);
      fast.ecs.seedService({
        cluster: 'prod',
        serviceName: 'web',
        desiredCount: 2,
        taskDefinition: fargateTaskDefinition('web', `${IMAGE}:1`),
      });
      await fastClient.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', `${IMAGE}:2`) as never));
      await fastClient.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', taskDefinition: 'web' }));
      const seen: string[] = [];
      for (let i = 0; i < 500; i++) {
        const state = summarize(await describeService(fastClient, 'prod', 'web'));
        if (seen.at(-1) !== state) seen.push(state);
        if (state === 'PRIMARY:2:COMPLETED 2/0/2 f0') break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(seen[0]).toBe('PRIMARY:2:IN_PROGRESS 0/2/2 f0 | ACTIVE:1:COMPLETED 2/0/2 f0');
      expect(seen.at(-1)).toBe('PRIMARY:2:COMPLETED 2/0/2 f0');
    } finally {
      await fast.close();
    }
  });
});
