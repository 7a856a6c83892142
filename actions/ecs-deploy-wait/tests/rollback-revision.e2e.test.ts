/**
 * End to end (the committed bundle against the simulator): when ecs-deploy-wait rolls a rolling deployment back
 * itself, it asks ECS for StopServiceDeployment ROLLBACK, which returns the service to the previous service revision
 * with its settings (a platform version the same deployment changed through service-definition comes back too). Where
 * ECS refuses the stop, the step redeploys the previous task definition (UpdateService) and says so; the setting the
 * deployment changed then stays.
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

type Sim = { sim: Simulator; workspace: string };

/** A rolling service without a circuit breaker; the deploy changes its platform version to 1.3.0 and crashes. */
async function start(): Promise<Sim> {
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
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-rollback-revision-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(`${REPO}:0.2548.2`)));
  await writeFile(path.join(workspace, 'service.json'), JSON.stringify({ platformVersion: '1.3.0' }));
  return { sim, workspace };
}

function run(s: Sim): Promise<BundleRun> {
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
    timeoutMs: 60_000,
  });
}

const landed = (call: CallRecord) => call.status === 200;
const serviceNow = (s: Sim) =>
  s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string; platformVersion: string };

describe('the rolling rollback of ecs-deploy-wait', () => {
  it('is by service revision: StopServiceDeployment ROLLBACK restores the task definition and the changed setting', async () => {
    const s = await start();
    const before = serviceNow(s).platformVersion;
    expect(before).not.toBe('1.3.0');
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', 'rollback-method': 'service-revision' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /Rolled back to \S+:1 \(deployment ecs-svc\/\d+\) and it is steady: the previous service revision, its settings included \(StopServiceDeployment ROLLBACK\)\./,
    );
    expect(s.sim.callsOf('StopServiceDeployment').filter(landed)).toHaveLength(1);
    // Only our own UpdateService (the new revision and platform 1.3.0); the rollback was ECS's.
    expect(s.sim.callsOf('UpdateService').map((call) => call.params)).toEqual([
      expect.objectContaining({ taskDefinition: ARN(2), platformVersion: '1.3.0' }),
    ]);
    expect(serviceNow(s)).toMatchObject({ taskDefinition: ARN(1), platformVersion: before });
    expect(result.summary).toContain('by this step (by service-revision) to');
  });

  it('falls back to the previous task definition when ECS refuses StopServiceDeployment, and says the setting stays', async () => {
    const s = await start();
    s.sim.faults.inject({ api: 'ecs', operation: 'StopServiceDeployment', kind: 'access-denied' });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', 'rollback-method': 'task-definition' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/StopServiceDeployment did not roll back: .*ecs:StopServiceDeployment/);
    expect(result.errors[0]).toContain(
      'Rolling back by task definition instead (UpdateService): the service settings this deployment changed stay as they are.',
    );
    expect(result.errors[0]).toMatch(/Rolled back to \S+:1 \(deployment ecs-svc\/\d+\) and it is steady\./);
    expect(result.log).toMatch(/StopServiceDeployment did not roll back/);
    // The refused stop changed nothing; the rollback is the second UpdateService, once.
    expect(
      s.sim
        .callsOf('UpdateService')
        .filter(landed)
        .map((call) => call.params),
    ).toEqual([
      expect.objectContaining({ taskDefinition: ARN(2), platformVersion: '1.3.0' }),
      { cluster: 'prod', service: 'be', taskDefinition: ARN(1) },
    ]);
    expect(serviceNow(s)).toMatchObject({ taskDefinition: ARN(1), platformVersion: '1.3.0' });
    expect(result.summary).toContain('by this step (by task-definition) to');
  });
});
