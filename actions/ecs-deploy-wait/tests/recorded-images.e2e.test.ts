/**
 * End to end: the committed bundle redeploys a recorded revision (task-definition-arn) against the simulator's ECS
 * and ECR APIs: with its image gone from ECR it fails before any change, naming the image, the repository and the
 * likely cause; with its image there it deploys.
 */
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { withImage } from './seed.js';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const GONE = `sha256:${'0badc0de'.repeat(8)}`;

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** prod/be runs a seeded image; `image` is registered as a revision, which the bundle then deploys by ARN. */
async function redeploy(image: (running: string) => string) {
  sim = await startSimulator({ timeScale: 60 });
  const running = `${REPO}@${sim.ecr.seedImage({ repositoryName: 'ecs-be-prod', tags: ['0.2548.1'] })}`;
  sim.ecs.seedService({ cluster: 'prod', serviceName: 'be', taskDefinition: withImage(running), desiredCount: 1 });
  const { env } = sim;
  const ecs = new ECSClient({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
  const { containerDefinitions, ...rest } = withImage(image(running));
  const registered = await ecs
    .send(new RegisterTaskDefinitionCommand({ ...rest, containerDefinitions } as never))
    .finally(() => ecs.destroy());
  const arn = registered.taskDefinition?.taskDefinitionArn ?? '';
  const run = await runBundle({
    bundle,
    env,
    inputs: { 'task-definition-arn': arn, cluster: 'prod', service: 'be', 'poll-interval': '250ms', timeout: '1m' },
  });
  return { run, updates: sim.callsOf('UpdateService').length, describeImages: sim.callsOf('DescribeImages') };
}

describe('the bundle redeploying a recorded revision', () => {
  it('fails before any change when the digest it pins is gone from ECR', async () => {
    const { run, updates, describeImages } = await redeploy(() => `${REPO}@${GONE}`);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining(
        `image ${REPO}@${GONE}: repository ecs-be-prod (registry 123456789012, us-east-1) has no image with digest ${GONE} (ecr:DescribeImages: ImageNotFoundException); likely an ECR lifecycle policy expired it`,
      ),
    ]);
    expect(run.errors[0]).toContain('Nothing was changed');
    expect(updates).toBe(0);
    expect(describeImages).toHaveLength(1);
  });

  it('deploys it when its image is still in ECR', async () => {
    const { run, updates, describeImages } = await redeploy((running) => running);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('succeeded');
    expect(run.log).toContain('are in ECR');
    expect(updates).toBe(1);
    expect(describeImages).toHaveLength(1);
  });
});
