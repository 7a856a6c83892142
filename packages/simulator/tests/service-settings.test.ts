/**
 * UpdateService's service settings through the real SDK: Service Connect, platform version, capacity providers,
 * volumes and tag settings are kept and described as ECS describes them (on the service, and on the deployment
 * they started), and bad values are refused with InvalidParameterException, changing nothing.
 */
import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import { describeService, ecsClient, errorOf, fargateTaskDefinition, primaryOf } from './ecs-helpers.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
});
afterAll(async () => {
  await sim.close();
});

describe('UpdateService service settings', () => {
  it('Service Connect, platform version and capacity providers start a deployment that describes them', async () => {
    const client = ecsClient(sim);
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: 'sc',
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition('sc', 'r/app:1'),
    });
    const before = primaryOf(await describeService(client, 'prod', 'sc'));
    const serviceConnectConfiguration = { enabled: true, namespace: 'my-app', services: [{ portName: 'http' }] };
    await client.send(
      new UpdateServiceCommand({
        cluster: 'prod',
        service: 'sc',
        serviceConnectConfiguration,
        platformVersion: '1.4.0',
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        propagateTags: 'SERVICE',
        enableECSManagedTags: true,
      }),
    );
    const service = await describeService(client, 'prod', 'sc');
    const primary = primaryOf(service);
    expect(primary?.id).not.toBe(before?.id);
    expect(primary).toMatchObject({
      serviceConnectConfiguration,
      platformVersion: '1.4.0',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    });
    expect(service).toMatchObject({
      propagateTags: 'SERVICE',
      enableECSManagedTags: true,
      platformVersion: '1.4.0',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    });
    expect(service.launchType).toBeUndefined();
  });

  it.each([
    ['propagateTags', { propagateTags: 'ALL' }, /Invalid value for propagateTags/],
    ['platformVersion', { platformVersion: '9.9.9' }, /The specified platform version does not exist/],
    [
      'capacityProviderStrategy',
      { capacityProviderStrategy: [{ capacityProvider: 'mine' }] },
      /not associated with the cluster/,
    ],
    ['serviceConnectConfiguration', { serviceConnectConfiguration: { namespace: 'x' } }, /enabled must be specified/],
  ])('refuses a bad %s with InvalidParameterException', async (_name, settings, message) => {
    const client = ecsClient(sim);
    const name = `bad-${_name.toLowerCase()}`;
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: name,
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition(name, 'r/app:1'),
    });
    const error = await errorOf(
      client.send(new UpdateServiceCommand({ cluster: 'prod', service: name, ...settings } as never)),
    );
    expect(error.name).toBe('InvalidParameterException');
    expect(error.message).toMatch(message);
    expect((await describeService(client, 'prod', name)).deployments).toHaveLength(1);
  });
});
