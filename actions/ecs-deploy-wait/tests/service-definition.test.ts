/**
 * Service settings as code: the file's checks (unknown keys, types, keys UpdateService cannot apply, conflicts with
 * inputs), the diff against the running service, and a deploy through the simulator that applies the settings in
 * the same UpdateService as the task definition.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ConfigurationError, InputReader, inputsFrom, realSleep, systemClock } from '@ecs-actions/core';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { deploy } from '../src/deploy.js';
import { readDeployInputs } from '../src/inputs.js';
import { serviceSettingsDiff } from '../src/service-definition/diff.js';
import { validateServiceDefinition } from '../src/service-definition/validate.js';
import { summaryMarkdown } from '../src/summary.js';
import { CapturingLog } from './fake-ecs.js';
import { seed } from './seed.js';

describe('validateServiceDefinition', () => {
  it('accepts the settings UpdateService applies', () => {
    const settings = {
      desiredCount: 3,
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        strategy: 'ROLLING',
      },
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'DISABLED' } },
      serviceConnectConfiguration: { enabled: true, namespace: 'my-app' },
      loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'app', containerPort: 8080 }],
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      platformVersion: 'LATEST',
      healthCheckGracePeriodSeconds: 60,
      enableECSManagedTags: true,
      propagateTags: 'SERVICE',
      enableExecuteCommand: false,
      volumeConfigurations: [{ name: 'data', managedEBSVolume: { sizeInGiB: 10 } }],
    };
    expect(validateServiceDefinition(settings)).toEqual({ settings });
  });

  it('names every problem at once: unknown keys (with the closest), wrong types, keys UpdateService cannot apply', () => {
    const result = validateServiceDefinition({
      desiredcount: 2,
      deploymentConfiguration: { maximumPercent: '200', deploymentCircuitBreaker: { enable: true }, bakeTime: 5 },
      propagateTags: 'ALL',
      launchType: 'FARGATE',
      serviceName: 'web',
      tags: [],
      networkConfiguration: { awsvpcConfiguration: { securityGroups: ['sg-1'] } },
    });
    expect(result).toEqual({
      problems: [
        'desiredcount is not a setting ECS knows (did you mean desiredCount?)',
        'deploymentConfiguration.maximumPercent must be a whole number from 0 to 2147483647, got "200"',
        'deploymentConfiguration.deploymentCircuitBreaker.rollback is required',
        'deploymentConfiguration.bakeTime is not a setting ECS knows',
        'propagateTags must be one of TASK_DEFINITION, SERVICE, NONE, got "ALL"',
        'launchType has no effect on UpdateService: UpdateService cannot change a launch type; a capacityProviderStrategy can replace it',
        'serviceName has no effect on UpdateService: the service is the `service` input',
        'tags has no effect on UpdateService: UpdateService does not change tags; tag the service with TagResource',
        'networkConfiguration.awsvpcConfiguration.subnets is required',
      ],
    });
  });

  it('refuses what is not an object, and an empty file', () => {
    expect(validateServiceDefinition([])).toEqual({ problems: ['it is not a JSON object'] });
    expect(validateServiceDefinition({})).toEqual({ problems: ['it sets nothing'] });
  });
});

describe('the service-definition input', () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'edw-service-definition-'));
    await writeFile(
      path.join(workspace, 'td.json'),
      JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1' }] }),
    );
    await writeFile(
      path.join(workspace, 'service.json'),
      JSON.stringify({ desiredCount: 3, enableExecuteCommand: true }),
    );
    await writeFile(path.join(workspace, 'bad.json'), JSON.stringify({ launchType: 'FARGATE' }));
    await writeFile(path.join(workspace, 'twice.json'), '{"desiredCount": 2, "desiredCount": 3}');
  });
  const read = (values: Record<string, string>) =>
    readDeployInputs(
      new InputReader(inputsFrom({ 'task-definition': 'td.json', service: 'web', ...values })),
      workspace,
    );

  it('reads a valid file', () => {
    expect(read({ 'service-definition': 'service.json' }).serviceDefinition).toEqual({
      path: 'service.json',
      settings: { desiredCount: 3, enableExecuteCommand: true },
    });
  });

  it.each([
    ['a missing file', { 'service-definition': 'nope.json' }, /Input "service-definition".*nope\.json/],
    [
      'a key UpdateService cannot apply',
      { 'service-definition': 'bad.json' },
      /launchType has no effect on UpdateService/,
    ],
    ['a key given twice', { 'service-definition': 'twice.json' }, /service-definition.*desiredCount/],
    ['a path outside the workspace', { 'service-definition': '../service.json' }, /service-definition/],
    [
      'desired-count set twice',
      { 'service-definition': 'service.json', 'desired-count': '2' },
      /Inputs "desired-count" \(2\) and "service-definition" \("service\.json", desiredCount 3\) both set the desired count/,
    ],
  ])('%s: a clear error before any call', (_name, values, message) => {
    expect(() => read(values)).toThrow(ConfigurationError);
    expect(() => read(values)).toThrow(message);
  });
});

describe('serviceSettingsDiff', () => {
  const service = {
    desiredCount: 2,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: false, rollback: false },
    },
    enableExecuteCommand: false,
    deployments: [{ status: 'PRIMARY', serviceConnectConfiguration: { enabled: true, namespace: 'old' } }],
  };

  it('one line per changed or added setting; what the file leaves out is not compared', () => {
    expect(
      serviceSettingsDiff(
        {
          desiredCount: 2,
          deploymentConfiguration: { maximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: true } },
          enableExecuteCommand: true,
          healthCheckGracePeriodSeconds: 30,
          serviceConnectConfiguration: { enabled: true, namespace: 'new' },
        },
        service,
      ),
    ).toEqual([
      '~ deploymentConfiguration.maximumPercent: 200 → 150',
      '~ deploymentConfiguration.deploymentCircuitBreaker.enable: false → true',
      '~ deploymentConfiguration.deploymentCircuitBreaker.rollback: false → true',
      '~ enableExecuteCommand: false → true',
      '+ healthCheckGracePeriodSeconds: 30',
      '~ serviceConnectConfiguration.namespace: "old" → "new"',
    ]);
  });

  it('nothing when the service already has the settings', () => {
    expect(serviceSettingsDiff({ desiredCount: 2, enableExecuteCommand: false }, service)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------ simulator

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('a deploy with a service definition (simulator)', () => {
  it('applies the settings in the same UpdateService as the task definition, and the summary shows the diff', async () => {
    sim = await startSimulator({ timeScale: 100 });
    sim.ecs.seedService({ cluster: 'prod', serviceName: 'web', taskDefinition: seed, desiredCount: 2 });
    const { env } = sim;
    const ecs = new ECSClient({
      region: env.AWS_REGION,
      endpoint: env.AWS_ENDPOINT_URL_ECS,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    });
    const workspace = await mkdtemp(path.join(tmpdir(), 'edw-service-definition-'));
    await writeFile(path.join(workspace, 'td.json'), JSON.stringify(seed));
    await writeFile(
      path.join(workspace, 'service.json'),
      JSON.stringify({
        desiredCount: 3,
        deploymentConfiguration: {
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          deploymentCircuitBreaker: { enable: true, rollback: true },
        },
        healthCheckGracePeriodSeconds: 45,
      }),
    );
    const inputs = readDeployInputs(
      new InputReader(
        inputsFrom({
          'task-definition': 'td.json',
          service: 'web',
          cluster: 'prod',
          'service-definition': 'service.json',
          'skip-unchanged': 'true',
          'poll-interval': '250ms',
          preflight: 'off',
        }),
      ),
      workspace,
    );
    const log = new CapturingLog();
    try {
      const result = await deploy(inputs, {
        ecs,
        ecsSingleAttempt: ecs,
        region: env.AWS_REGION,
        clock: systemClock,
        sleep: realSleep,
        log,
      });
      // The task definition is unchanged, but the settings are not: skip-unchanged still deploys.
      expect(result.status).toBe('succeeded');
      const updates = sim.callsOf('UpdateService');
      expect(updates).toHaveLength(1);
      expect(updates[0]?.params).toMatchObject({
        service: 'web',
        desiredCount: 3,
        healthCheckGracePeriodSeconds: 45,
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      });
      const service = sim.ecs.describeService('prod', 'web') as Record<string, unknown>;
      expect(service).toMatchObject({ desiredCount: 3, healthCheckGracePeriodSeconds: 45 });
      expect(log.text()).toContain('Service definition service.json changes');
      expect(log.text()).toContain('~ desiredCount: 2 → 3');
      expect(summaryMarkdown(result)).toContain('#### Service settings');
      expect(summaryMarkdown(result)).toContain('! desiredCount: 2 → 3');
    } finally {
      ecs.destroy();
    }
  });
});
