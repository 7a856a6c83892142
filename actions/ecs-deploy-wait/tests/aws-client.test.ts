/**
 * The AWS client every action builds (core's createAwsClient), against the simulator: an answer that never comes
 * ends the attempt at the request timeout, as a TimeoutError, instead of holding the step forever.
 */
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { createAwsClient } from '@ecs-actions/core';
import { startSimulator } from '@ecs-actions/simulator';
import { expect, it } from '@jest/globals';

it('a hung call fails with a TimeoutError at the request timeout', async () => {
  const sim = await startSimulator({ timeScale: 0 });
  const saved = { ...process.env };
  Object.assign(process.env, sim.env);
  const ecs = createAwsClient(ECSClient, { maxAttempts: 1, requestTimeoutMs: 300 });
  try {
    sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'hang' });
    const error = await ecs
      .send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(sim.callsOf('DescribeServices')).toEqual([expect.objectContaining({ status: 0, error: 'hung' })]);
  } finally {
    ecs.destroy();
    process.env = saved;
    await sim.close();
  }
});
