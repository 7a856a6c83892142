/**
 * DescribeServices batching (src/application/batched-describe.ts) against the simulator over HTTP: single-service
 * calls of the followers go out 10 services a call, each caller gets its own service or failure, other calls pass
 * through, and a caller that gives up stops waiting without failing the others.
 */
import { DescribeServicesCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { batchingEcsClient } from '../src/application/batched-describe.js';

let sim: Simulator;
let ecs: ECSClient;
const NAMES = Array.from({ length: 12 }, (_, i) => `svc-${i}`);

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  sim.ecs.seedCluster('prod');
  for (const name of NAMES) {
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: name,
      taskDefinition: { family: name, containerDefinitions: [{ name: 'app', image: 'app:1', memory: 512 }] },
      desiredCount: 1,
    });
  }
  ecs = new ECSClient({
    region: 'us-east-1',
    endpoint: sim.url,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
});

afterAll(async () => {
  ecs.destroy();
  await sim.close();
});

const describeOne = (client: ECSClient, service: string, abortSignal?: AbortSignal) =>
  client.send(new DescribeServicesCommand({ cluster: 'prod', services: [service] }), { abortSignal });

describe('batched DescribeServices', () => {
  it('12 followers asking together cost 2 calls (10 + 2), each answered with its own service', async () => {
    const before = sim.callsOf('DescribeServices').length;
    const client = batchingEcsClient(ecs, () => NAMES.length);
    const answers = await Promise.all(NAMES.map((name) => describeOne(client, name)));
    const calls = sim.callsOf('DescribeServices').slice(before);
    expect(calls.map((call) => (call.params as { services: string[] }).services.length)).toEqual([10, 2]);
    answers.forEach((answer, i) => {
      expect(answer.services?.map((s) => s.serviceName)).toEqual([NAMES[i]]);
      expect(answer.failures).toEqual([]);
    });
  });

  it('a missing service gets its own failure; the others their service', async () => {
    const client = batchingEcsClient(ecs, () => 2);
    const [found, missing] = await Promise.all([describeOne(client, 'svc-0'), describeOne(client, 'nope')]);
    expect(found.services?.[0]?.serviceName).toBe('svc-0');
    expect(found.failures).toEqual([]);
    expect(missing.services).toEqual([]);
    expect(missing.failures?.[0]).toMatchObject({ reason: 'MISSING' });
  });

  it('a lone caller waits at most the window; other calls pass through unbatched', async () => {
    const client = batchingEcsClient(ecs, () => 5, 50);
    const started = Date.now();
    const answer = await describeOne(client, 'svc-1');
    expect(answer.services?.[0]?.serviceName).toBe('svc-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const listed = await client.send(new ListServicesCommand({ cluster: 'prod' }));
    expect(listed.serviceArns).toHaveLength(10); // ListServices' default page
  });

  it('a caller that gives up is rejected at once; the batch still answers the others', async () => {
    const client = batchingEcsClient(ecs, () => 3, 100);
    const controller = new AbortController();
    const gaveUp = describeOne(client, 'svc-2', controller.signal);
    const other = describeOne(client, 'svc-3');
    controller.abort();
    await expect(gaveUp).rejects.toMatchObject({ name: 'AbortError' });
    expect((await other).services?.[0]?.serviceName).toBe('svc-3');
  });
});
