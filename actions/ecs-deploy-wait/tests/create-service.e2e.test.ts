/**
 * `create-service: true` end to end: the committed bundle against the simulator creates a missing service from the
 * service definition file and follows its first deployment; an existing service is deployed as usual; the input's bad
 * values are refused before any call.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { withImage } from './seed.js';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod:0.2548.2';
const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const SERVICE_DEFINITION = {
  desiredCount: 2,
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], assignPublicIp: 'DISABLED' } },
};

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setUp(): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-create-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(IMAGE)));
  await writeFile(path.join(workspace, 'service.json'), JSON.stringify(SERVICE_DEFINITION));
  return { sim, workspace };
}

const run = (s: { sim: Simulator; workspace: string }, inputs: Record<string, string> = {}): Promise<BundleRun> =>
  runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'be',
      'service-definition': 'service.json',
      'create-service': 'true',
      'poll-interval': '250ms',
      timeout: '30s',
      ...inputs,
    },
    timeoutMs: 50_000,
  });

describe('create-service', () => {
  it('a first deploy creates the service from the service definition and follows its first deployment', async () => {
    const s = await setUp();
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.outputs.status).toBe('succeeded');
    expect(s.sim.callsOf('CreateService')).toHaveLength(1);
    expect(s.sim.callsOf('CreateService')[0]?.params).toMatchObject({
      serviceName: 'be',
      taskDefinition: ARN(1),
      desiredCount: 2,
    });
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(1);
    const service = s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string; runningCount: number };
    expect(service.taskDefinition).toBe(ARN(1));
    expect(service.runningCount).toBe(2);
    expect(result.log).toContain('Created service be in cluster prod running ecs_be_prod:1');
  });

  it('an existing service is deployed as usual: nothing created', async () => {
    const s = await setUp();
    s.sim.ecs.seedService({
      cluster: 'prod',
      serviceName: 'be',
      taskDefinition: withImage(`${IMAGE}-old`),
      desiredCount: 1,
    });
    const result = await run(s);
    expect(result.outputs.status).toBe('succeeded');
    expect(s.sim.callsOf('CreateService')).toHaveLength(0);
    expect(result.outputs['previous-task-definition-arn']).toBe(ARN(1));
  });

  it.each([
    [{ 'service-definition': '' }, 'Input "create-service" is true but "service-definition" is empty'],
    [{ 'create-service': 'maybe' }, 'Input "create-service"'],
  ])('refuses %j before any call', async (inputs, expected) => {
    const s = await setUp();
    const result = await run(s, inputs);
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain(expected);
    expect(s.sim.calls).toEqual([]);
  });
});
