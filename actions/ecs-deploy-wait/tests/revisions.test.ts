/**
 * keep-revisions through deploy() against the simulator: the N newest ACTIVE revisions stay, and so does every
 * revision a service of any cluster runs (deployments and task sets), keep-task-definitions names or another run
 * registered within keep-revisions-grace; the rest are deregistered. A read that fails deregisters nothing; a denied
 * DeregisterTaskDefinition is a warning after a successful deploy.
 */
import {
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { realSleep } from '@ecs-actions/core';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { deploy } from '../src/deploy.js';
import { summaryMarkdown } from '../src/summary.js';
import { toRegisterRequest } from '../src/taskdef.js';
import { deployInputs } from './deploy-inputs.js';
import { CapturingLog } from './fake-ecs.js';
import { withImage } from './seed.js';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const FAMILY = 'ecs_be_prod';
const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${FAMILY}:${revision}`;
const webArn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;
const HOUR = 3_600_000;

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function deployKeeping(keepRevisions: number, keepTaskDefinitions: string[], setUp?: (sim: Simulator) => void) {
  sim = await startSimulator({ timeScale: 100 });
  // web runs revision 1, `other` runs revision 2; revisions 3 to 6 are registered and unused.
  sim.ecs.seedService({ cluster: 'prod', serviceName: 'web', taskDefinition: withImage(`${REPO}:1`), desiredCount: 1 });
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'other',
    taskDefinition: withImage(`${REPO}:2`),
    desiredCount: 1,
  });
  const { env } = sim;
  const ecs = new ECSClient({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
  for (const version of [3, 4, 5, 6]) {
    const request = toRegisterRequest(withImage(`${REPO}:${version}`));
    if ('problem' in request) throw new Error(request.problem);
    await ecs.send(new RegisterTaskDefinitionCommand(request.request));
  }
  // All of them were registered longer ago than keep-revisions-grace (1h).
  sim.clock.advance(2 * HOUR);
  setUp?.(sim);
  const rendered = toRegisterRequest(withImage(`${REPO}:7`));
  if ('problem' in rendered) throw new Error(rendered.problem);
  const inputs = deployInputs(rendered, {
    pollIntervalMs: 250,
    timeoutMs: 6 * HOUR,
    keepRevisions,
    keepTaskDefinitions,
  });
  const log = new CapturingLog();
  const simulated = sim;
  try {
    const result = await deploy(inputs, {
      ecs,
      ecsSingleAttempt: ecs,
      region: env.AWS_REGION,
      // The simulator's time: registeredAt is in it.
      clock: { now: () => simulated.clock.now() },
      sleep: realSleep,
      log,
    });
    const active = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: FAMILY, status: 'ACTIVE' }));
    return { result, log, sim, active: active.taskDefinitionArns ?? [] };
  } finally {
    ecs.destroy();
  }
}

describe('keep-revisions', () => {
  it('keeps the newest, what a service runs and what keep-task-definitions names; deregisters the rest', async () => {
    // Revision 7 is deployed (web now runs it): the newest two are 7 and 6.
    const { result, log, active } = await deployKeeping(2, [`${FAMILY}:4`]);
    expect(result.status).toBe('succeeded');
    expect(active).toEqual([arn(2), arn(4), arn(6), arn(7)]);
    expect(result.revisionsCleanup).toEqual({
      deregistered: [arn(5), arn(3), arn(1)],
      kept: [
        { arn: arn(4), why: 'keep-task-definitions names it (a rollback target)' },
        { arn: arn(2), why: 'service other of cluster prod runs it' },
      ],
    });
    expect(log.text()).toContain(
      'keep-revisions 2: deregistered ecs_be_prod:5, ecs_be_prod:3, ecs_be_prod:1; kept ecs_be_prod:4 (keep-task-definitions names it (a rollback target)), ecs_be_prod:2 (service other of cluster prod runs it).',
    );
    expect(summaryMarkdown(result)).toContain('Revisions deregistered (keep-revisions)');
  });

  it('a denied DeregisterTaskDefinition is a warning: the deploy succeeded, what was done is said', async () => {
    const { result, log, active } = await deployKeeping(5, [], (sim) =>
      sim.faults.inject({ api: 'ecs', operation: 'DeregisterTaskDefinition', kind: 'access-denied' }),
    );
    expect(result.status).toBe('succeeded');
    expect(active).toHaveLength(7);
    expect(result.revisionsCleanup?.deregistered).toEqual([]);
    expect(log.warnings.join('\n')).toMatch(
      /keep-revisions 5: deregistered none; kept ecs_be_prod:2 \(service other of cluster prod runs it\); then the clean-up stopped: ecs:DeregisterTaskDefinition was denied \(AccessDeniedException\).* in region us-east-1\. The deploy itself succeeded\./,
    );
  });
});

/**
 * Staging (cluster `staging`) and production (cluster `prod`) share the family `web`: staging runs web:1, prod runs
 * web:2, both registered two hours ago; a staging migration has just registered web:3. A production deploy (web:4)
 * with keep-revisions 1 may take only web:2.
 */
const web = (image: string) => ({ ...withImage(image), family: 'web' });

async function deploySharedFamily(setUp?: (sim: Simulator, ecs: ECSClient) => unknown) {
  sim = await startSimulator({ timeScale: 100 });
  sim.ecs.seedService({ cluster: 'staging', serviceName: 'web', taskDefinition: web(`${REPO}:1`), desiredCount: 1 });
  sim.ecs.seedService({ cluster: 'prod', serviceName: 'web', taskDefinition: web(`${REPO}:2`), desiredCount: 1 });
  const { env } = sim;
  const ecs = new ECSClient({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
  await setUp?.(sim, ecs);
  sim.clock.advance(2 * HOUR);
  const migration = toRegisterRequest(web(`${REPO}:3`));
  if ('problem' in migration) throw new Error(migration.problem);
  await ecs.send(new RegisterTaskDefinitionCommand(migration.request));
  const rendered = toRegisterRequest(web(`${REPO}:4`));
  if ('problem' in rendered) throw new Error(rendered.problem);
  const inputs = deployInputs(rendered, { pollIntervalMs: 250, timeoutMs: 6 * HOUR, keepRevisions: 1 });
  const log = new CapturingLog();
  const simulated = sim;
  try {
    const result = await deploy(inputs, {
      ecs,
      ecsSingleAttempt: ecs,
      region: env.AWS_REGION,
      // The simulator's time: registeredAt is in it.
      clock: { now: () => simulated.clock.now() },
      sleep: realSleep,
      log,
    });
    const active = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web', status: 'ACTIVE' }));
    return { result, log, active: (active.taskDefinitionArns ?? []).map((a) => a.slice(a.lastIndexOf('/') + 1)) };
  } finally {
    ecs.destroy();
  }
}

describe('keep-revisions with a family that two clusters share', () => {
  it('never deregisters what another cluster runs nor what another run just registered', async () => {
    const { result, log, active } = await deploySharedFamily();
    expect(result.status).toBe('succeeded');
    expect(active).toEqual(['web:1', 'web:3', 'web:4']);
    expect(result.revisionsCleanup?.deregistered).toEqual([webArn(2)]);
    expect(result.revisionsCleanup?.kept).toEqual([
      { arn: webArn(3), why: expect.stringMatching(/^registered \d+m(\d+s)? ago, within keep-revisions-grace 1h$/) },
      { arn: webArn(1), why: 'service web of cluster staging runs it' },
    ]);
    expect(log.warnings).toEqual([]);
  });

  it('a revision a task set of another cluster runs (a CODE_DEPLOY service) is kept', async () => {
    const { result, active } = await deploySharedFamily((sim) =>
      sim.ecs.seedService({
        cluster: 'batch',
        serviceName: 'worker',
        taskDefinition: { ...withImage(`${REPO}:5`), family: 'web' },
        desiredCount: 1,
        deploymentController: { type: 'CODE_DEPLOY' },
      }),
    );
    expect(result.status).toBe('succeeded');
    // worker runs web:3 in its task set; the migration registered web:4, the deploy web:5.
    expect(active).toEqual(['web:1', 'web:3', 'web:4', 'web:5']);
    expect(result.revisionsCleanup?.kept).toContainEqual({
      arn: webArn(3),
      why: 'service worker of cluster batch runs it',
    });
  });

  it('a revision only an ACTIVE deployment of another cluster still runs (a rollout in progress) is kept', async () => {
    const { result, active } = await deploySharedFamily(async (sim, ecs) => {
      // Staging rolls out web:3, whose tasks take a day to start: web:1 stays in its ACTIVE deployment.
      sim.ecs.setImageScenario(`${REPO}:slow`, { kind: 'slow-start', startSeconds: 86_400 });
      const slow = toRegisterRequest(web(`${REPO}:slow`));
      if ('problem' in slow) throw new Error(slow.problem);
      await ecs.send(new RegisterTaskDefinitionCommand(slow.request));
      await ecs.send(new UpdateServiceCommand({ cluster: 'staging', service: 'web', taskDefinition: 'web:3' }));
    });
    expect(result.status).toBe('succeeded');
    // The migration registered web:4, the deploy web:5.
    expect(active).toEqual(['web:1', 'web:3', 'web:4', 'web:5']);
    expect(result.revisionsCleanup?.deregistered).toEqual([webArn(2)]);
    expect(result.revisionsCleanup?.kept).toEqual(
      expect.arrayContaining([
        { arn: webArn(3), why: 'service web of cluster staging runs it' },
        { arn: webArn(1), why: 'service web of cluster staging runs it' },
      ]),
    );
  });

  it.each([
    [
      'ListClusters denied',
      { operation: 'ListClusters', kind: 'access-denied' as const },
      /ecs:ListClusters was denied/,
    ],
    ['ListServices failing', { operation: 'ListServices', kind: 'server-error' as const, count: 20 }, /ListServices/],
    [
      'DescribeTaskDefinition denied',
      { operation: 'DescribeTaskDefinition', kind: 'access-denied' as const },
      /ecs:DescribeTaskDefinition was denied/,
    ],
  ])('%s: nothing is deregistered, one warning says why', async (_name, fault, why) => {
    const { result, log, active } = await deploySharedFamily((sim) => sim.faults.inject({ api: 'ecs', ...fault }));
    // The deploy itself never lists clusters or services, nor describes a task definition: the faults hit the clean-up.
    expect(result.status).toBe('succeeded');
    expect(active).toEqual(['web:1', 'web:2', 'web:3', 'web:4']);
    expect(result.revisionsCleanup?.deregistered).toEqual([]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(/^keep-revisions 1: nothing was deregistered: /);
    expect(log.warnings[0]).toMatch(why);
    expect(log.warnings[0]).toContain('The deploy itself succeeded.');
  });
});
