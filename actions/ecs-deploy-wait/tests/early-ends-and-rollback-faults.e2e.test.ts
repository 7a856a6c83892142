/**
 * Attacks on ecs-deploy-wait's failure paths (issue "Failure paths stay truthful"): a step that ends before
 * any outcome still says `status: failed`, and the step's own rollback UpdateService hung (applied or not) is
 * applied exactly once.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import {
  type CallRecord,
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
const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(service: Partial<SeedServiceInput>, scenario?: Scenario) {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: withImage(OLD_IMAGE),
    desiredCount: 2,
    ...service,
  });
  if (scenario) sim.ecs.setImageScenario(NEW_IMAGE, scenario);
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-early-ends-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(NEW_IMAGE), null, 2));
  return { sim, workspace };
}

function run(
  s: { sim: Simulator; workspace: string },
  inputs: Record<string, string> = {},
  env: Record<string, string> = s.sim.env,
): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'be',
      'poll-interval': '250ms',
      timeout: '2m',
      ...inputs,
    },
    timeoutMs: 120_000,
  });
}

const landed = (call: CallRecord) =>
  call.status === 200 || call.error === 'answer lost' || call.error === 'hung after applying';

const rolling: Partial<SeedServiceInput> = {
  deploymentConfiguration: {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: false, rollback: false },
  },
};

describe('a step that ends before any outcome', () => {
  it('a bad input: status failed (the README: empty only when the job was cancelled)', async () => {
    const s = await start(rolling);
    const result = await run(s, { timeout: 'soon' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([expect.stringContaining('timeout')]);
    expect(result.outputs).toEqual({ status: 'failed' });
  });

  it('no region: status failed', async () => {
    const s = await start(rolling);
    const { AWS_REGION: _, AWS_DEFAULT_REGION: __, ...env } = s.sim.env as Record<string, string>;
    const result = await run(s, {}, env);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toEqual({ status: 'failed' });
    expect(s.sim.callsOf('RegisterTaskDefinition')).toEqual([]);
  });
});

describe("the step's own rollback UpdateService never answers", () => {
  it.each([
    ['after applying', true],
    ['before applying', false],
  ])('hung %s: one rollback deployment landed, rolled back', async (_, applied) => {
    const s = await start(rolling, { kind: 'crash-on-start', exitCode: 3 });
    // StopServiceDeployment refused: the rollback is by task definition (UpdateService).
    s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', kind: 'access-denied' });
    s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', skip: 1, kind: 'hang', applied });
    const result = await run(s, { rollback: 'true' });
    expect(result.outputs.status).toBe('rolled-back');
    const updates = s.sim.callsOf('UpdateService').filter(landed);
    expect(updates.map((call) => (call.params as { taskDefinition: string }).taskDefinition)).toEqual([ARN(2), ARN(1)]);
    expect((s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition).toBe(ARN(1));
  });
});

describe('credentials that expire during the rollback', () => {
  it('every ECS call after StopServiceDeployment landed refused ExpiredToken: failed, the rollback by service revision named as under way', async () => {
    const s = await start(rolling, { kind: 'crash-on-start', exitCode: 3 });
    const stopped = () => s.sim.callsOf('StopServiceDeployment').some(landed);
    s.sim.faults.inject({ api: 'ecs', kind: 'expired-token', count: Number.POSITIVE_INFINITY, when: stopped });
    const result = await run(s, { rollback: 'true' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'rollback-method': 'service-revision' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /ECS accepted the rollback of service deployment \S+ to the previous service revision \(StopServiceDeployment ROLLBACK\) and carries on with it, but this step could not see its rollback deployment: .*ExpiredToken/,
    );
    expect(s.sim.callsOf('StopServiceDeployment').filter(landed)).toHaveLength(1);
    expect(s.sim.callsOf('UpdateService').filter(landed)).toHaveLength(1);
  });
  it('every ECS call after the rollback was asked refused ExpiredToken: failed, the rollback deployment named', async () => {
    const s = await start(rolling, { kind: 'crash-on-start', exitCode: 3 });
    const rollbackAsked = () => s.sim.callsOf('UpdateService').filter(landed).length >= 2;
    s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', kind: 'access-denied' });
    s.sim.faults.inject({ api: 'ecs', kind: 'expired-token', count: Number.POSITIVE_INFINITY, when: rollbackAsked });
    const result = await run(s, { rollback: 'true' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/ExpiredToken/);
    // What landed is said: the rollback deployment to revision 1 was started (never "the rollback also failed").
    expect(result.errors[0]).toMatch(/rollback to \S+:1 \(deployment ecs-svc\/\d+\) was started and ECS carries on/);
    expect(result.errors[0]).not.toContain('also failed');
    expect(result.durationMs).toBeLessThan(100_000);
  });
});
