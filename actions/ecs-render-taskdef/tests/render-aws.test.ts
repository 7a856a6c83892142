import { ConfigurationError, DESCRIBE_ONLY_FIELDS } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCOUNT,
  container,
  DIGEST,
  ECR_HOST,
  ecrCall,
  ecsCall,
  noAws,
  realClients,
  render,
  SEED_CONTAINER,
  seed,
  seedText,
  useFakeAws,
} from './helpers.js';

const TD_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/ecs_be_prod:7`;

/** A DescribeTaskDefinition response as AWS sends it: describe-only fields, a field newer than the SDK, tags. */
function described() {
  const { family, ...rest } = seed();
  return {
    taskDefinition: {
      taskDefinitionArn: TD_ARN,
      family,
      ...rest,
      revision: 7,
      status: 'ACTIVE',
      requiresAttributes: [{ name: 'ecs.capability.execution-role-awslogs' }],
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: 1760000000.5,
      registeredBy: `arn:aws:iam::${ACCOUNT}:role/deployer`,
      aFieldNewerThanTheSdk: { keep: ['me'] },
    },
    tags: [{ key: 'team', value: 'be' }],
  };
}

/** What the render of `described()` must be, without changes. */
function registerForm() {
  const { family, ...rest } = seed();
  return { family, ...rest, aFieldNewerThanTheSdk: { keep: ['me'] }, tags: [{ key: 'team', value: 'be' }] };
}

beforeAll(() => useFakeAws());

describe('render from ECS (real SDK over HTTP, nock)', () => {
  it.each([
    { input: 'ecs_be_prod', name: 'family: the latest ACTIVE revision' },
    { input: 'ecs_be_prod:7', name: 'family:revision' },
  ])('$name, with tags, losing only the describe-only fields', async ({ input }) => {
    const scope = ecsCall(
      'DescribeTaskDefinition',
      (body) => body.taskDefinition === input && JSON.stringify(body.include) === '["TAGS"]',
      200,
      described(),
    );
    const run = await render({ 'task-definition-family': input, 'verify-image': 'false' }, { clients: realClients });
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(run.output).toEqual(registerForm());
    expect(Object.keys(run.output ?? {})).toEqual(Object.keys(registerForm()));
    for (const field of DESCRIBE_ONLY_FIELDS) expect(run.output).not.toHaveProperty(field);
    expect(run.result).toMatchObject({ family: 'ecs_be_prod', changed: false, source: `task definition ${TD_ARN}` });
  });

  it('service + cluster: the task definition the service runs now', async () => {
    const services = ecsCall(
      'DescribeServices',
      (body) => body.cluster === 'prod' && JSON.stringify(body.services) === '["api"]',
      200,
      {
        services: [{ serviceName: 'api', status: 'ACTIVE', taskDefinition: TD_ARN, desiredCount: 2 }],
        failures: [],
      },
    );
    const taskDefinition = ecsCall(
      'DescribeTaskDefinition',
      (body) => body.taskDefinition === TD_ARN,
      200,
      described(),
    );
    const run = await render(
      {
        service: 'api',
        cluster: 'prod',
        'container-name': SEED_CONTAINER,
        image: 'nginx:1.27',
        'verify-image': 'false',
      },
      { clients: realClients },
    );
    expect(run.error).toBeUndefined();
    expect(services.isDone() && taskDefinition.isDone()).toBe(true);
    expect(container(run.output, SEED_CONTAINER).image).toBe('nginx:1.27');
    expect(run.output?.aFieldNewerThanTheSdk).toEqual({ keep: ['me'] });
    expect(run.result?.changed).toBe(true);
    expect(run.result?.source).toBe(`task definition ${TD_ARN}, which service api in cluster prod runs`);
  });

  it.each([
    {
      name: 'family not found',
      inputs: { 'task-definition-family': 'nope' },
      calls: () => [
        ecsCall('DescribeTaskDefinition', () => true, 400, {
          __type: 'ClientException',
          message: 'Unable to describe task definition.',
        }),
      ],
      message:
        'Input "task-definition-family": the task definition "nope" was not found in ECS in region us-east-1 (Unable to describe task definition.).',
    },
    {
      name: 'cluster not found',
      inputs: { service: 'api', cluster: 'staging' },
      calls: () => [
        ecsCall('DescribeServices', () => true, 400, {
          __type: 'ClusterNotFoundException',
          message: 'Cluster not found.',
        }),
      ],
      message: 'Input "cluster": the cluster "staging" was not found in ECS in region us-east-1.',
    },
    {
      name: 'service not found',
      inputs: { service: 'apx', cluster: 'prod' },
      calls: () => [
        ecsCall('DescribeServices', () => true, 200, {
          services: [],
          failures: [{ arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/prod/apx`, reason: 'MISSING' }],
        }),
      ],
      message: 'Input "service": the service "apx" was not found in cluster "prod" in region us-east-1.',
    },
    {
      name: 'service deleted (INACTIVE)',
      inputs: { service: 'old', cluster: 'prod' },
      calls: () => [
        ecsCall('DescribeServices', () => true, 200, {
          services: [{ serviceName: 'old', status: 'INACTIVE', taskDefinition: TD_ARN }],
          failures: [],
        }),
      ],
      message: 'the service "old" was not found in cluster "prod" in region us-east-1 (it is INACTIVE: deleted)',
    },
  ])('$name: says which, in which region', async ({ inputs, calls, message }) => {
    const scopes = calls();
    const run = await render(inputs, { clients: realClients });
    expect(run.error).toBeInstanceOf(ConfigurationError);
    expect((run.error as Error).message).toContain(message);
    expect(scopes.every((scope) => scope.isDone())).toBe(true);
    expect(run.written).toEqual([]);
  });

  it.each([
    {
      code: 'AccessDeniedException',
      detail: 'User is not authorized to perform: ecs:DescribeTaskDefinition',
      says: 'ecs:DescribeTaskDefinition on web was denied (AccessDeniedException): User is not authorized to perform: ecs:DescribeTaskDefinition. Allow ecs:DescribeTaskDefinition for the role this job uses in region us-east-1.',
    },
    {
      code: 'ExpiredTokenException',
      detail: 'The security token included in the request is expired',
      says: 'AWS rejected the credentials on ecs:DescribeTaskDefinition on web (ExpiredTokenException): The security token included in the request is expired. The AWS credentials have expired',
    },
  ])('$code on DescribeTaskDefinition is explained: the action and what to change', async ({ code, detail, says }) => {
    ecsCall('DescribeTaskDefinition', () => true, 400, { __type: code, message: detail });
    const run = await render({ 'task-definition-family': 'web' }, { clients: realClients });
    expect(run.error).toBeInstanceOf(ConfigurationError);
    expect((run.error as Error).message).toContain(says);
    expect(run.written).toEqual([]);
  });

  it('AccessDenied on DescribeServices is explained', async () => {
    ecsCall('DescribeServices', () => true, 400, { __type: 'AccessDeniedException', message: 'not authorized' });
    const run = await render({ service: 'api', cluster: 'prod' }, { clients: realClients });
    expect((run.error as Error).message).toContain(
      'ecs:DescribeServices on service api in cluster prod was denied (AccessDeniedException): not authorized. Allow ecs:DescribeServices',
    );
  });

  it('an unexplained AWS failure stays an unexpected error', async () => {
    ecsCall('DescribeTaskDefinition', () => true, 400, { __type: 'SomethingNewException', message: 'odd' });
    const run = await render({ 'task-definition-family': 'web' }, { clients: realClients });
    expect(run.error).not.toBeInstanceOf(ConfigurationError);
    expect((run.error as Error).message).toBe('DescribeTaskDefinition "web" in us-east-1 failed: odd');
  });
});

describe('verify-image against ECR (real SDK over HTTP, nock)', () => {
  const files = { 'taskdef.json': seedText };
  const image = `${ECR_HOST}/ecs-be-prod:0.2541.135`;
  const found = {
    imageDetails: [
      {
        registryId: ACCOUNT,
        repositoryName: 'ecs-be-prod',
        imageDigest: DIGEST,
        imageTags: ['0.2541.135', 'latest'],
        imagePushedAt: 1760000000,
      },
    ],
  };
  const byTag = (tag: string) => (body: Record<string, unknown>) =>
    body.registryId === ACCOUNT &&
    body.repositoryName === 'ecs-be-prod' &&
    JSON.stringify(body.imageIds) === JSON.stringify([{ imageTag: tag }]);

  it('checks the tag and outputs the digest; the image stays as given', async () => {
    const scope = ecrCall(byTag('0.2541.135'), 200, found);
    const run = await render(
      { 'task-definition': 'taskdef.json', 'container-name': SEED_CONTAINER, image },
      { files, clients: realClients },
    );
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(run.result?.imageDigest).toBe(DIGEST);
    expect(container(run.output, SEED_CONTAINER).image).toBe(image);
    expect(run.result?.imageChecks).toEqual([
      { container: SEED_CONTAINER, image, rendered: image, status: 'verified', digest: DIGEST },
    ]);
  });

  it('pin-digest writes repository@digest and records the tag in a docker label', async () => {
    const scope = ecrCall(byTag('0.2541.135'), 200, found);
    const run = await render(
      { 'task-definition': 'taskdef.json', 'container-name': SEED_CONTAINER, image, 'pin-digest': 'true' },
      { files, clients: realClients },
    );
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    const app = container(run.output, SEED_CONTAINER);
    expect(app.image).toBe(`${ECR_HOST}/ecs-be-prod@${DIGEST}`);
    expect(app.dockerLabels).toEqual({ 'ecs-actions.image-tag': '0.2541.135' });
    expect(run.result?.changes.map((c) => c.setting)).toEqual(['image', 'docker label ecs-actions.image-tag']);
  });

  it('a reference by digest is checked by digest', async () => {
    const scope = ecrCall(
      (body) => JSON.stringify(body.imageIds) === JSON.stringify([{ imageDigest: DIGEST }]),
      200,
      found,
    );
    const run = await render(
      {
        'task-definition': 'taskdef.json',
        'container-name': SEED_CONTAINER,
        image: `${ECR_HOST}/ecs-be-prod@${DIGEST}`,
      },
      { files, clients: realClients },
    );
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(run.result?.imageDigest).toBe(DIGEST);
  });

  it('the ECR client uses the region of the image reference', async () => {
    const scope = ecrCall(() => true, 200, found, 'eu-west-1');
    const run = await render(
      {
        'task-definition': 'taskdef.json',
        'container-name': SEED_CONTAINER,
        image: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/ecs-be-prod:0.2541.135`,
      },
      { files, clients: realClients },
    );
    expect(run.error).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });

  it('images not in ECR are not verified, said at info level, and no AWS client is made', async () => {
    const run = await render(
      { 'task-definition': 'taskdef.json', 'container-name': SEED_CONTAINER, image: 'ghcr.io/octo-org/app:1.0' },
      { files, clients: noAws },
    );
    expect(run.error).toBeUndefined();
    expect(run.result?.notes).toEqual([
      `The image "ghcr.io/octo-org/app:1.0" (container "${SEED_CONTAINER}") is not in an ECR private registry: not verified.`,
    ]);
    expect(run.result?.imageChecks[0]?.status).toBe('not-ecr');
  });

  it('the tag does not exist: names repository and tag, lists the most recent tags, writes nothing', async () => {
    const missing = ecrCall(byTag('0.2541.999'), 400, {
      __type: 'ImageNotFoundException',
      message: "The image with imageId {imageDigest:'null', imageTag:'0.2541.999'} does not exist",
    });
    const listing = ecrCall(
      (body) => JSON.stringify(body.filter) === '{"tagStatus":"TAGGED"}' && body.imageIds === undefined,
      200,
      {
        imageDetails: [
          { imageDigest: `sha256:${'1'.repeat(64)}`, imageTags: ['0.2540.120'], imagePushedAt: 1759000000 },
          { imageDigest: `sha256:${'2'.repeat(64)}`, imageTags: ['0.2541.135', 'latest'], imagePushedAt: 1760000000 },
          { imageDigest: `sha256:${'3'.repeat(64)}`, imageTags: ['0.2539.101'], imagePushedAt: 1758000000 },
        ],
      },
    );
    const run = await render(
      {
        'task-definition': 'taskdef.json',
        'container-name': SEED_CONTAINER,
        image: `${ECR_HOST}/ecs-be-prod:0.2541.999`,
      },
      { files, clients: realClients },
    );
    expect(missing.isDone() && listing.isDone()).toBe(true);
    expect(run.error).toBeInstanceOf(ConfigurationError);
    expect((run.error as Error).message).toBe(
      `Input "image": the tag "0.2541.999" is not in the ECR repository "ecs-be-prod" (registry ${ACCOUNT}, region us-east-1). Most recent tags there: 0.2541.135, latest, 0.2540.120, 0.2539.101. Push the image first, or fix the tag.`,
    );
    expect(run.written).toEqual([]);
  });

  it('AccessDenied on DescribeImages is explained, naming the action, the image and the fix', async () => {
    ecrCall(byTag('0.2541.135'), 400, {
      __type: 'AccessDeniedException',
      message: 'User is not authorized to perform: ecr:DescribeImages',
    });
    const run = await render(
      { 'task-definition': 'taskdef.json', 'container-name': SEED_CONTAINER, image },
      { files, clients: realClients },
    );
    expect(run.error).toBeInstanceOf(ConfigurationError);
    expect((run.error as Error).message).toBe(
      `ecr:DescribeImages on ${image} was denied (AccessDeniedException): User is not authorized to perform: ecr:DescribeImages. Allow ecr:DescribeImages for the role this job uses in region us-east-1. Set verify-image: false to skip the check.`,
    );
    expect(run.written).toEqual([]);
  });

  it('the repository does not exist: a clear error, writes nothing', async () => {
    const scope = ecrCall(() => true, 400, {
      __type: 'RepositoryNotFoundException',
      message: `The repository with name 'ecs-be-prd' does not exist in the registry with id '${ACCOUNT}'`,
    });
    const run = await render(
      { 'task-definition': 'taskdef.json', images: `${SEED_CONTAINER}=${ECR_HOST}/ecs-be-prd:1` },
      { files, clients: realClients },
    );
    expect(scope.isDone()).toBe(true);
    expect(run.error).toBeInstanceOf(ConfigurationError);
    expect((run.error as Error).message).toContain(
      `Input "images" line 1: the ECR repository "ecs-be-prd" (registry ${ACCOUNT}, region us-east-1) does not exist`,
    );
    expect(run.written).toEqual([]);
  });
});
