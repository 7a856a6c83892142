/**
 * CreateService's validation through the real @aws-sdk/client-ecs: what ECS refuses before it creates anything, each
 * refusal leaving no service behind, and a valid create whose first deployment rolls out.
 */
import {
  CreateServiceCommand,
  type CreateServiceCommandInput,
  type ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import { describeService, ecsClient, fargateTaskDefinition } from './ecs-helpers.js';

let sim: Simulator;
let client: ECSClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = ecsClient(sim);
  sim.ecs.seedCluster('prod');
  await client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', 'web:1') as never));
});

afterAll(async () => {
  client.destroy();
  await sim.close();
});

const valid: CreateServiceCommandInput = {
  cluster: 'prod',
  serviceName: 'web',
  taskDefinition: 'web:1',
  desiredCount: 1,
  launchType: 'FARGATE',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'] } },
};

describe('CreateService validation', () => {
  it.each([
    [
      'a name with a dot',
      { serviceName: 'web.v2' },
      'Service name can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores, and hyphens.',
    ],
    [
      'launch type and capacity providers together',
      { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
      'Specifying both a launchType and capacityProviderStrategy is not supported.',
    ],
    ['a negative count', { desiredCount: -1 }, 'desiredCount must be a positive integer.'],
    [
      'a grace period without a load balancer',
      { healthCheckGracePeriodSeconds: 60 },
      'Health check grace period is only valid for services configured to use load balancers',
    ],
    [
      'a load balancer without a container',
      { loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1' }] },
      'Container name and port must be specified for a load balancer of the service.',
    ],
    [
      'no network for awsvpc',
      { networkConfiguration: undefined },
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    ],
    [
      'a daemon on Fargate',
      { schedulingStrategy: 'DAEMON' as const },
      'The daemon scheduling strategy is not supported with the Fargate launch type.',
    ],
  ])('refuses %s and creates nothing', async (_, change, message) => {
    await expect(client.send(new CreateServiceCommand({ ...valid, ...change }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message,
    });
    await expect(
      describeService(client, 'prod', (change as { serviceName?: string }).serviceName ?? 'web'),
    ).rejects.toThrow();
  });

  it('creates a valid service, whose first deployment is its PRIMARY', async () => {
    const created = await client.send(new CreateServiceCommand(valid));
    expect(created.service?.deployments?.[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: expect.stringContaining('web:1'),
    });
    await expect(client.send(new CreateServiceCommand(valid))).rejects.toMatchObject({
      message: 'Creation of service was not idempotent.',
    });
  });
});
