/**
 * ECS operations through the real @aws-sdk/client-ecs over HTTP: response shapes, error names, messages and
 * HTTP status codes as the ECS API reference defines them.
 */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  ListClustersCommand,
  ListServiceDeploymentsCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import { describeService, ecsClient, fargateTaskDefinition, follow, primaryOf } from './ecs-helpers.js';

const ACCOUNT = '123456789012';
const PREFIX = `arn:aws:ecs:us-east-1:${ACCOUNT}`;
const NETWORK = {
  awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' as const },
};

let sim: Simulator;
let client: ECSClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = ecsClient(sim);
  await client.send(new CreateClusterCommand({ clusterName: 'api' }));
});

afterAll(async () => {
  await sim.close();
});

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('clusters', () => {
  it('CreateCluster and DescribeClusters (with failures for unknown clusters)', async () => {
    const described = await client.send(new DescribeClustersCommand({ clusters: ['api', `${PREFIX}:cluster/nope`] }));
    expect(described.clusters?.[0]).toMatchObject({
      clusterArn: `${PREFIX}:cluster/api`,
      clusterName: 'api',
      status: 'ACTIVE',
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
    });
    expect(described.failures).toEqual([{ arn: `${PREFIX}:cluster/nope`, reason: 'MISSING' }]);
  });
});

describe('task definitions', () => {
  it('registers the fixture with ECS defaults and describe-only fields; revisions count up', async () => {
    const first = await client.send(
      new RegisterTaskDefinitionCommand(fargateTaskDefinition('shape', 'img:1') as never),
    );
    const second = await client.send(
      new RegisterTaskDefinitionCommand({
        ...(fargateTaskDefinition('shape', 'img:2') as RegisterTaskDefinitionCommandInput),
        cpu: '1 vCPU',
        memory: '3 GB',
        tags: [{ key: 'team', value: 'web' }],
      }),
    );
    expect(first.taskDefinition?.revision).toBe(1);
    const td = second.taskDefinition;
    expect(td).toMatchObject({
      taskDefinitionArn: `${PREFIX}:task-definition/shape:2`,
      family: 'shape',
      revision: 2,
      status: 'ACTIVE',
      cpu: '1024',
      memory: '3072',
      networkMode: 'awsvpc',
      compatibilities: ['EC2', 'FARGATE'],
      requiresCompatibilities: ['FARGATE'],
      registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/github-actions-deploy/GitHubActions`,
    });
    expect(td?.registeredAt).toBeInstanceOf(Date);
    expect(td?.requiresAttributes).toContainEqual({ name: 'ecs.capability.task-eni' });
    expect(td?.containerDefinitions?.[0]).toMatchObject({
      name: 'app',
      image: 'img:2',
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
      environment: [],
      mountPoints: [],
      volumesFrom: [],
    });
    expect(second.tags).toEqual([{ key: 'team', value: 'web' }]);

    const withTags = await client.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'shape', include: ['TAGS'] }),
    );
    expect(withTags.taskDefinition?.revision).toBe(2);
    expect(withTags.tags).toEqual([{ key: 'team', value: 'web' }]);
    const withoutTags = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'shape:1' }));
    expect(withoutTags.taskDefinition?.containerDefinitions?.[0]?.image).toBe('img:1');
    expect(withoutTags.tags).toBeUndefined();

    const deregistered = await client.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'shape:1' }));
    expect(deregistered.taskDefinition).toMatchObject({ status: 'INACTIVE' });
    expect(deregistered.taskDefinition?.deregisteredAt).toBeInstanceOf(Date);
    const active = await client.send(new ListTaskDefinitionsCommand({ familyPrefix: 'shape' }));
    expect(active.taskDefinitionArns).toEqual([`${PREFIX}:task-definition/shape:2`]);
    const inactive = await client.send(new ListTaskDefinitionsCommand({ familyPrefix: 'shape', status: 'INACTIVE' }));
    expect(inactive.taskDefinitionArns).toEqual([`${PREFIX}:task-definition/shape:1`]);
    // A bare family resolves to the latest ACTIVE revision.
    const latest = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'shape' }));
    expect(latest.taskDefinition?.revision).toBe(2);
  });

  it('paginates ListClusters with nextToken (maxResults 1 to 100)', async () => {
    for (const name of ['paged-a', 'paged-b']) await client.send(new CreateClusterCommand({ clusterName: name }));
    const arns: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListClustersCommand({ maxResults: 1, nextToken }));
      expect(page.clusterArns).toHaveLength(1);
      arns.push(...(page.clusterArns ?? []));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(arns.length);
    expect(arns).toEqual(expect.arrayContaining([`${PREFIX}:cluster/paged-a`, `${PREFIX}:cluster/paged-b`]));
    await expect(client.send(new ListClustersCommand({ maxResults: 101 }))).rejects.toThrow(
      'maxResults must be between 1 and 100.',
    );
  });

  it('paginates ListTaskDefinitions with nextToken', async () => {
    for (let i = 0; i < 3; i++) {
      await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('paged', `img:${i}`) as never));
    }
    const page1 = await client.send(
      new ListTaskDefinitionsCommand({ familyPrefix: 'paged', maxResults: 2, sort: 'DESC' }),
    );
    expect(page1.taskDefinitionArns).toEqual([
      `${PREFIX}:task-definition/paged:3`,
      `${PREFIX}:task-definition/paged:2`,
    ]);
    const page2 = await client.send(
      new ListTaskDefinitionsCommand({
        familyPrefix: 'paged',
        maxResults: 2,
        sort: 'DESC',
        nextToken: page1.nextToken,
      }),
    );
    expect(page2).toMatchObject({ taskDefinitionArns: [`${PREFIX}:task-definition/paged:1`] });
    expect(page2.nextToken).toBeUndefined();
  });

  const base = fargateTaskDefinition('bad', 'img:1');
  const container = base.containerDefinitions[0] as Record<string, unknown>;
  it.each<[string, Record<string, unknown>, string]>([
    [
      'duplicate container names',
      { ...base, containerDefinitions: [container, { ...container }] },
      "Duplicate container names are not allowed: 'app'.",
    ],
    [
      'a container without an image',
      { ...base, containerDefinitions: [{ ...container, image: undefined }] },
      'Container.image should not be null or empty.',
    ],
    [
      'an invalid Fargate cpu/memory pair',
      { ...base, cpu: '1024', memory: '1024' },
      'No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See the Amazon ECS documentation for the valid values.',
    ],
    [
      'Fargate with bridge networking',
      { ...base, networkMode: 'bridge' },
      "Fargate only supports network mode 'awsvpc'.",
    ],
    [
      'awslogs on Fargate without an execution role',
      {
        ...base,
        executionRoleArn: undefined,
        containerDefinitions: [{ ...container, logConfiguration: { logDriver: 'awslogs', options: {} } }],
      },
      'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
    ],
    [
      'EC2 without any memory setting',
      { family: 'bad', containerDefinitions: [{ name: 'app', image: 'img:1' }] },
      "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.",
    ],
    ['no containers', { ...base, containerDefinitions: [] }, 'Container list cannot be empty.'],
  ])('RegisterTaskDefinition rejects %s with ClientException', async (_what, input, message) => {
    expect(await failure(client.send(new RegisterTaskDefinitionCommand(input as never)))).toEqual({
      name: 'ClientException',
      message,
      status: 400,
    });
  });

  it('DescribeTaskDefinition of an unknown family is a ClientException', async () => {
    expect(await failure(client.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope:7' })))).toEqual({
      name: 'ClientException',
      message: 'Unable to describe task definition.',
      status: 400,
    });
  });

  it('rejects describe-only fields sent over the wire (the SDK itself drops unknown members)', async () => {
    // SDK v3 serializes only modelled members, so a raw request shows what the service does with them.
    const response = await fetch(sim.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1/ecs/aws4_request, Signature=00',
      },
      body: JSON.stringify({ ...fargateTaskDefinition('raw', 'img:1'), taskDefinitionArn: 'x', revision: 3 }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ClientException');
    const body = (await response.json()) as { __type: string; message: string };
    expect(body.__type).toBe('ClientException');
    expect(body.message).toMatch(/^Unknown parameter in input: "taskDefinitionArn"/);
  });
});

describe('services and tasks', () => {
  beforeAll(async () => {
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('svc', 'img:svc') as never));
  });

  it('CreateService starts a deployment whose tasks go PROVISIONING → PENDING → RUNNING', async () => {
    const created = await client.send(
      new CreateServiceCommand({
        cluster: 'api',
        serviceName: 'svc',
        taskDefinition: 'svc',
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: NETWORK,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      }),
    );
    const service = created.service;
    expect(service).toMatchObject({
      serviceArn: `${PREFIX}:service/api/svc`,
      serviceName: 'svc',
      clusterArn: `${PREFIX}:cluster/api`,
      status: 'ACTIVE',
      desiredCount: 1,
      launchType: 'FARGATE',
      taskDefinition: `${PREFIX}:task-definition/svc:1`,
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
    });
    expect(service?.createdAt).toBeInstanceOf(Date);
    expect(service?.deployments).toHaveLength(1);
    expect(primaryOf(service ?? {})).toMatchObject({
      status: 'PRIMARY',
      desiredCount: 1,
      pendingCount: 1,
      runningCount: 0,
      failedTasks: 0,
      rolloutState: 'IN_PROGRESS',
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
    });

    const lastStatuses: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { taskArns = [] } = await client.send(new ListTasksCommand({ cluster: 'api', serviceName: 'svc' }));
      const { tasks = [] } = await client.send(new DescribeTasksCommand({ cluster: 'api', tasks: taskArns }));
      lastStatuses.push(tasks.map((task) => task.lastStatus).join(','));
      sim.clock.advance(10_000);
    }
    expect(lastStatuses).toEqual(['PROVISIONING', 'PENDING', 'PENDING', 'RUNNING']);

    const { taskArns = [] } = await client.send(new ListTasksCommand({ cluster: 'api', serviceName: 'svc' }));
    const { tasks = [], failures } = await client.send(
      new DescribeTasksCommand({ cluster: 'api', tasks: [...taskArns, 'deadbeef'] }),
    );
    expect(failures).toEqual([{ arn: `${PREFIX}:task/api/deadbeef`, reason: 'MISSING' }]);
    const task = tasks[0];
    expect(task?.taskArn).toMatch(new RegExp(`^${PREFIX}:task/api/[0-9a-f]{32}$`));
    expect(task).toMatchObject({
      clusterArn: `${PREFIX}:cluster/api`,
      taskDefinitionArn: `${PREFIX}:task-definition/svc:1`,
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      launchType: 'FARGATE',
      group: 'service:svc',
      startedBy: primaryOf(service ?? {})?.id,
      cpu: '1024',
      memory: '3072',
      connectivity: 'CONNECTED',
    });
    expect(task?.startedAt).toBeInstanceOf(Date);
    expect(task?.containers?.[0]).toMatchObject({ name: 'app', image: 'img:svc', lastStatus: 'RUNNING' });
    expect(task?.containers?.[0]?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(task?.attachments?.[0]?.type).toBe('ElasticNetworkInterface');

    const { service: steady } = await follow(
      sim,
      client,
      'api',
      'svc',
      (s) => primaryOf(s)?.rolloutState === 'COMPLETED',
    );
    expect(steady.runningCount).toBe(1);
    const deployments = await client.send(new ListServiceDeploymentsCommand({ cluster: 'api', service: 'svc' }));
    expect(deployments.serviceDeployments).toHaveLength(1);
    expect(deployments.serviceDeployments?.[0]).toMatchObject({ status: 'SUCCESSFUL', serviceArn: steady.serviceArn });
  });

  it('slow-start: tasks stay PENDING until the scenario start time', async () => {
    sim.ecs.setImageScenario('img:slow', { kind: 'slow-start', startSeconds: 120 });
    sim.ecs.seedService({
      cluster: 'api',
      serviceName: 'slow',
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition('slow', 'img:fast'),
    });
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('slow', 'img:slow') as never));
    await client.send(new UpdateServiceCommand({ cluster: 'api', service: 'slow', taskDefinition: 'slow' }));
    const { states, steps } = await follow(
      sim,
      client,
      'api',
      'slow',
      (s) => primaryOf(s)?.rolloutState === 'COMPLETED',
      {
        stepMs: 10_000,
      },
    );
    expect(states[0]).toBe('PRIMARY:2:IN_PROGRESS 0/1/1 f0 | ACTIVE:1:COMPLETED 1/0/1 f0');
    expect(states[1]).toBe('PRIMARY:2:IN_PROGRESS 1/0/1 f0 | ACTIVE:1:COMPLETED 0/0/0 f0');
    // RUNNING at 120 s, old task drained, then the steady-state window.
    expect(steps).toBeGreaterThanOrEqual(15);
  });

  it('a scenario set per task definition revision wins over the image', async () => {
    sim.ecs.seedService({
      cluster: 'api',
      serviceName: 'perrev',
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition('perrev', 'img:same'),
    });
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('perrev', 'img:same') as never));
    sim.ecs.setTaskDefinitionScenario('perrev:2', 'image-pull-failure');
    await client.send(new UpdateServiceCommand({ cluster: 'api', service: 'perrev', taskDefinition: 'perrev:2' }));
    const { service } = await follow(sim, client, 'api', 'perrev', (s) => (primaryOf(s)?.failedTasks ?? 0) >= 2);
    expect(primaryOf(service)?.taskDefinition).toBe(`${PREFIX}:task-definition/perrev:2`);
    expect(primaryOf(service)?.rolloutState).toBe('IN_PROGRESS');
  });

  it('DescribeServices reports unknown services as failures and includes tags on request', async () => {
    sim.ecs.seedService({
      cluster: 'api',
      serviceName: 'tagged',
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition('tagged', 'img:1'),
      tags: [{ key: 'env', value: 'prod' }],
    });
    const described = await client.send(
      new DescribeServicesCommand({ cluster: 'api', services: ['tagged', 'ghost'], include: ['TAGS'] }),
    );
    expect(described.services?.map((s) => s.serviceName)).toEqual(['tagged']);
    expect(described.services?.[0]?.tags).toEqual([{ key: 'env', value: 'prod' }]);
    expect(described.services?.[0]?.events?.[0]?.message).toBe('(service tagged) has reached a steady state.');
    expect(described.services?.[0]?.events?.[0]?.createdAt).toBeInstanceOf(Date);
    expect(described.failures).toEqual([{ arn: `${PREFIX}:service/api/ghost`, reason: 'MISSING' }]);
  });

  it('UpdateService with only desiredCount scales without a new deployment', async () => {
    sim.ecs.seedService({
      cluster: 'api',
      serviceName: 'scale',
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition('scale', 'img:1'),
    });
    const before = primaryOf((await follow(sim, client, 'api', 'scale', () => true)).service);
    const updated = await client.send(new UpdateServiceCommand({ cluster: 'api', service: 'scale', desiredCount: 3 }));
    // The answer has the new desired count; the scheduler launches the two tasks after the call.
    expect(updated.service?.deployments?.map((d) => [d.id, d.desiredCount, d.pendingCount])).toEqual([
      [before?.id, 3, 0],
    ]);
    const scaled = await describeService(client, 'api', 'scale');
    expect(scaled.deployments?.map((d) => [d.id, d.desiredCount, d.pendingCount])).toEqual([[before?.id, 3, 2]]);
    // forceNewDeployment starts a new deployment of the same task definition.
    const forced = await client.send(
      new UpdateServiceCommand({ cluster: 'api', service: 'scale', forceNewDeployment: true }),
    );
    expect(forced.service?.deployments).toHaveLength(2);
    expect(primaryOf(forced.service ?? {})?.id).not.toBe(before?.id);
    expect(primaryOf(forced.service ?? {})?.taskDefinition).toBe(before?.taskDefinition);
  });

  it('DeleteService refuses a scaled service without force, then drains it', async () => {
    sim.ecs.seedService({
      cluster: 'api',
      serviceName: 'gone',
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition('gone', 'img:1'),
    });
    expect(await failure(client.send(new DeleteServiceCommand({ cluster: 'api', service: 'gone' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'The service cannot be stopped while it is scaled above 0.',
      status: 400,
    });
    const deleted = await client.send(new DeleteServiceCommand({ cluster: 'api', service: 'gone', force: true }));
    expect(deleted.service?.status).toBe('DRAINING');
    expect(
      await failure(client.send(new UpdateServiceCommand({ cluster: 'api', service: 'gone', desiredCount: 1 }))),
    ).toEqual({ name: 'ServiceNotActiveException', message: 'Service was not ACTIVE.', status: 400 });
    const { service } = await follow(sim, client, 'api', 'gone', (s) => s.status === 'INACTIVE');
    expect(service.status).toBe('INACTIVE');
  });

  it.each<[string, () => Promise<unknown>, { name: string; message: string; status: number }]>([
    [
      'DescribeServices on an unknown cluster',
      () => client.send(new DescribeServicesCommand({ cluster: 'nope', services: ['svc'] })),
      { name: 'ClusterNotFoundException', message: 'Cluster not found.', status: 400 },
    ],
    [
      'UpdateService of an unknown service',
      () => client.send(new UpdateServiceCommand({ cluster: 'api', service: 'ghost', desiredCount: 1 })),
      { name: 'ServiceNotFoundException', message: 'Service not found.', status: 400 },
    ],
    [
      'UpdateService to an unknown task definition',
      () => client.send(new UpdateServiceCommand({ cluster: 'api', service: 'svc', taskDefinition: 'svc:99' })),
      { name: 'ClientException', message: 'TaskDefinition not found.', status: 400 },
    ],
    [
      'ListTasks of an unknown service',
      () => client.send(new ListTasksCommand({ cluster: 'api', serviceName: 'ghost' })),
      { name: 'ServiceNotFoundException', message: 'Service not found.', status: 400 },
    ],
    [
      'CreateService of an existing service',
      () =>
        client.send(
          new CreateServiceCommand({
            cluster: 'api',
            serviceName: 'svc',
            taskDefinition: 'svc',
            networkConfiguration: NETWORK,
          }),
        ),
      { name: 'InvalidParameterException', message: 'Creation of service was not idempotent.', status: 400 },
    ],
    [
      'CreateService of an awsvpc task definition without networkConfiguration',
      () => client.send(new CreateServiceCommand({ cluster: 'api', serviceName: 'nonet', taskDefinition: 'svc' })),
      {
        name: 'InvalidParameterException',
        message: "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
        status: 400,
      },
    ],
    [
      'DescribeServices with more than 10 services',
      () =>
        client.send(
          new DescribeServicesCommand({ cluster: 'api', services: Array.from({ length: 11 }, (_, i) => `s${i}`) }),
        ),
      { name: 'InvalidParameterException', message: 'Too many services. The maximum is 10.', status: 400 },
    ],
  ])('%s', async (_what, call, expected) => {
    expect(await failure(call())).toEqual(expected);
  });

  it('a CODE_DEPLOY service refuses a task definition change through UpdateService', async () => {
    sim.ecs.seedService({
      cluster: 'api',
      serviceName: 'bluegreen',
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition('bluegreen', 'img:1'),
      deploymentController: { type: 'CODE_DEPLOY' },
    });
    await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('bluegreen', 'img:2') as never));
    expect(
      await failure(
        client.send(new UpdateServiceCommand({ cluster: 'api', service: 'bluegreen', taskDefinition: 'bluegreen' })),
      ),
    ).toEqual({
      name: 'InvalidParameterException',
      message:
        'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
      status: 400,
    });
  });
});
