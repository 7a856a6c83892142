/**
 * A redeploy or rollback of a recorded revision (task-definition-arn) checks, before any change, that every image of
 * the revision is still in ECR (by digest where it pins one, else by tag), through deploy() against the simulator:
 * a missing one fails the step naming the image, its repository and the likely cause, with no UpdateService; an
 * image outside ECR is not checked (one line says so); a check that cannot be made is a warning.
 */
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ConfigurationError, realSleep, systemClock } from '@ecs-actions/core';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { deploy } from '../src/deploy.js';
import { toRegisterRequest } from '../src/taskdef.js';
import type { DeployResult } from '../src/types.js';
import { deployInputs } from './deploy-inputs.js';
import { CapturingLog } from './fake-ecs.js';
import { seed, withImage } from './seed.js';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const GONE = `sha256:${'0badc0de'.repeat(8)}`;

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Service prod/web runs web:1 (seeded); `images` are registered as a revision, which is then redeployed by ARN. */
async function redeploy(images: string[], setUp?: (sim: Simulator) => void) {
  sim = await startSimulator({ timeScale: 100 });
  const current = sim.ecr.seedImage({ repositoryName: 'web', tags: ['1'] });
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: withImage(`${REPO}@${current}`),
    desiredCount: 1,
  });
  const { env } = sim;
  const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY };
  const ecs = new ECSClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_ECS, credentials });
  const ecrClients: ECRClient[] = [];
  const [template] = seed.containerDefinitions;
  const request = toRegisterRequest({
    ...seed,
    containerDefinitions: images.map((image, i) => ({ ...template, name: `c${i}`, image, essential: i === 0 })),
  });
  if ('problem' in request) throw new Error(request.problem);
  const registered = await ecs.send(new RegisterTaskDefinitionCommand(request.request));
  const arn = registered.taskDefinition?.taskDefinitionArn ?? '';
  setUp?.(sim);
  const updatesBefore = sim.callsOf('UpdateService').length;
  const log = new CapturingLog();
  const simulated = sim;
  const inputs = deployInputs(request.request as never, { taskDefinition: { kind: 'arn', arn }, pollIntervalMs: 250 });
  try {
    const outcome: { result?: DeployResult; error?: unknown } = await deploy(inputs, {
      ecs,
      ecsSingleAttempt: ecs,
      region: env.AWS_REGION,
      clock: systemClock,
      sleep: realSleep,
      log,
      ecr: async (region) => {
        const client = new ECRClient({ region, endpoint: env.AWS_ENDPOINT_URL_ECR, credentials });
        ecrClients.push(client);
        return client;
      },
    }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const describeImages = simulated.callsOf('DescribeImages').map((c) => c.params);
    return { ...outcome, log, updates: simulated.callsOf('UpdateService').length - updatesBefore, describeImages };
  } finally {
    ecs.destroy();
    for (const client of ecrClients) client.destroy();
  }
}

describe('a redeploy of a recorded revision checks its images in ECR first', () => {
  it('a digest gone from ECR (lifecycle policy) fails the step naming image, repository and cause; nothing changes', async () => {
    const { error, updates, describeImages, log } = await redeploy([`${REPO}@${GONE}`]);
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain(`image ${REPO}@${GONE}`);
    expect(message).toContain(`repository web (registry 123456789012, us-east-1) has no image with digest ${GONE}`);
    expect(message).toContain('likely an ECR lifecycle policy expired it');
    expect(message).toContain('version consistency');
    expect(message).toContain('Nothing was changed');
    expect(updates).toBe(0);
    expect(describeImages).toEqual([
      expect.objectContaining({ registryId: '123456789012', repositoryName: 'web', imageIds: [{ imageDigest: GONE }] }),
    ]);
    expect(log.warnings).toEqual([]);
  });

  it('a tag without a digest is checked by tag: a missing tag fails the same way', async () => {
    const { error, updates, describeImages } = await redeploy([`${REPO}:0.2601.3`]);
    expect((error as Error).message).toContain(
      `image ${REPO}:0.2601.3: repository web (registry 123456789012, us-east-1) has no image with tag 0.2601.3`,
    );
    expect(updates).toBe(0);
    expect(describeImages).toEqual([expect.objectContaining({ imageIds: [{ imageTag: '0.2601.3' }] })]);
  });

  it('a repository that is gone fails naming it', async () => {
    const other = '123456789012.dkr.ecr.us-east-1.amazonaws.com/retired';
    const { error, updates } = await redeploy([`${REPO}:1`, `${other}:7`]);
    expect((error as Error).message).toContain(
      `image ${other}:7: repository retired (registry 123456789012, us-east-1) does not exist (ecr:DescribeImages: RepositoryNotFoundException)`,
    );
    expect(updates).toBe(0);
  });

  it('images in ECR are deployed; one outside ECR is not checked, one line says so', async () => {
    const { result, error, log, describeImages, updates } = await redeploy([
      `${REPO}:1`,
      'public.ecr.aws/nginx/nginx:1.27',
    ]);
    expect(error).toBeUndefined();
    expect(result?.status).toBe('succeeded');
    expect(updates).toBe(1);
    expect(describeImages).toHaveLength(1);
    expect(log.text()).toContain(
      'Image public.ecr.aws/nginx/nginx:1.27 of ecs_be_prod:2 is not in a private ECR registry: not checked.',
    );
    expect(log.text()).toContain(`The images of ecs_be_prod:2 are in ECR: ${REPO}:1.`);
  });

  it('a denied DescribeImages is a warning and the redeploy goes on (a read never blocks a rollback)', async () => {
    const { result, log, updates } = await redeploy([`${REPO}:1`], (sim) =>
      sim.faults.inject({ api: 'ecr', operation: 'DescribeImages', kind: 'access-denied' }),
    );
    expect(result?.status).toBe('succeeded');
    expect(updates).toBe(1);
    expect(log.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Could not check that image ${REPO.replace(/\./g, '\\.')}:1 of ecs_be_prod:2 is still in ECR \\(ecr:DescribeImages: .*denied.*\\); deploying it without that check\\.$`,
        ),
      ),
    ]);
  });
});
