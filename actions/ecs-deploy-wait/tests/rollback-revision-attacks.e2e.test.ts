/**
 * Attacks on the rolling rollback by service revision (the committed bundle against the simulator): StopServiceDeployment
 * throttled, hung with the stop applied, hung without it. Whatever ECS answers, the step rolls back exactly once and
 * says by which method.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type CallRecord, type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { withImage } from './seed.js';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: withImage(`${REPO}:0.2548.1`),
    desiredCount: 2,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: false, rollback: false },
    },
  });
  sim.ecs.setImageScenario(`${REPO}:0.2548.2`, { kind: 'crash-on-start', exitCode: 3 });
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-rollback-attacks-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(`${REPO}:0.2548.2`)));
  await writeFile(path.join(workspace, 'service.json'), JSON.stringify({ platformVersion: '1.3.0' }));
  return { sim, workspace };
}

function run(s: { sim: Simulator; workspace: string }): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      'service-definition': 'service.json',
      cluster: 'prod',
      service: 'be',
      'poll-interval': '250ms',
      timeout: '1m',
    },
    timeoutMs: 90_000,
  });
}

const landed = (call: CallRecord) => call.status === 200;

describe('StopServiceDeployment under faults', () => {
  it('throttled once: asked again, rolled back by service revision once, no UpdateService rollback', async () => {
    const s = await start();
    s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', kind: 'throttle' });
    const result = await run(s);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', 'rollback-method': 'service-revision' });
    expect(s.sim.callsOf('StopServiceDeployment').filter(landed)).toHaveLength(1);
    expect(s.sim.callsOf('UpdateService').filter(landed)).toHaveLength(1);
    expect(s.sim.ecs.describeService('prod', 'be')).toMatchObject({ taskDefinition: ARN(1) });
  }, 120_000);

  it('hung after applying: seen rolling back, not stopped twice, no UpdateService rollback', async () => {
    const s = await start();
    s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', kind: 'hang', applied: true });
    const result = await run(s);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', 'rollback-method': 'service-revision' });
    expect(s.sim.callsOf('UpdateService').filter(landed)).toHaveLength(1);
    expect(s.sim.ecs.describeService('prod', 'be')).toMatchObject({ taskDefinition: ARN(1) });
  }, 120_000);

  it('hung for good without applying: no second rollback by task definition, the report says it is unknown', async () => {
    const s = await start();
    s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', kind: 'hang', count: Infinity });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(s.sim.callsOf('UpdateService').filter(landed)).toHaveLength(1);
    expect(result.outputs.status).not.toBe('rolled-back');
    expect(result.errors.join('\n')).toMatch(/StopServiceDeployment ROLLBACK\) got no answer in 3 tries/);
    // No rollback happened: rollback-method says "this step rolled back", so it stays empty.
    expect(result.outputs['rollback-method'] ?? '').toBe('');
  }, 180_000);

  it('another deploy lands while the stop is on its way: its deployment is not undone by a task-definition rollback', async () => {
    const s = await start();
    let other: Promise<unknown> | undefined;
    s.sim.faults.inject({
      api: 'ecs',
      operation: 'StopServiceDeployment',
      kind: 'latency',
      latencyMs: 3000,
      when: () => {
        other ??= (async () => {
          await s.sim.ecs.handle('RegisterTaskDefinition', withImage(`${REPO}:0.2548.3`));
          await s.sim.ecs.handle('UpdateService', { cluster: 'prod', service: 'be', taskDefinition: ARN(3) });
        })();
        return true;
      },
    });
    const result = await run(s);
    await other;
    // Only ours (ARN 2) over HTTP (the other run's went in-process): no UpdateService back to ARN 1 over its deploy.
    expect(
      s.sim
        .callsOf('UpdateService')
        .filter(landed)
        .map((call) => (call.params as { taskDefinition?: string }).taskDefinition),
    ).toEqual([ARN(2)]);
    expect(s.sim.ecs.describeService('prod', 'be')).toMatchObject({ taskDefinition: ARN(3) });
    expect(result.outputs.status).toBe('superseded');
    expect(result.outputs['rollback-method'] ?? '').toBe('');
    expect(result.errors.join('\n')).toContain('rolling back would undo it');
  }, 120_000);
});
