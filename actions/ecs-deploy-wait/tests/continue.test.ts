/**
 * ecs-deploy-continue's logic (src/continue/), the cases the simulator cannot set up: several paused deployments of
 * one service, several pauses in one deployment, and ECS refusing the continue; the ECS API at the HTTP layer (nock).
 * Each ends in one error, and nothing is continued.
 */
import { ConfigurationError } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { type ContinueInputs, continueDeployment } from '../src/continue/run.js';
import { at, EcsScript, testDeps } from './fake-ecs.js';

const SD = (id: string) => `arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/${id}`;

const inputs: ContinueInputs = {
  cluster: 'prod',
  service: 'web',
  action: 'continue',
  onPause: 'return',
  wait: true,
  timeoutMs: 600_000,
  pollIntervalMs: 5000,
  rollback: true,
};

function paused(id: string, hookIds: string[], status = 'IN_PROGRESS') {
  return {
    serviceDeploymentArn: SD(id),
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
    status,
    lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
    lifecycleHookDetails: hookIds.map((hookId) => ({
      hookId,
      targetType: 'PAUSE',
      status: 'AWAITING_ACTION',
      expiresAt: at(3600),
      timeoutAction: 'ROLLBACK',
    })),
  };
}

describe('continueDeployment refuses, changing nothing', () => {
  it('several paused deployments of the service: set service-deployment-arn', async () => {
    const script = new EcsScript()
      .expect('ListServiceDeployments', {
        serviceDeployments: [{ serviceDeploymentArn: SD('a') }, { serviceDeploymentArn: SD('b') }],
      })
      .expect('DescribeServiceDeployments', {
        serviceDeployments: [paused('a', ['ecs-pause-1']), paused('b', ['ecs-pause-2'])],
        failures: [],
      });
    const error = await continueDeployment(inputs, testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      /^2 service deployments of service "web" are paused: .*\/a \(paused at stage POST_TEST_TRAFFIC_SHIFT \(lifecycle hook ecs-pause-1 AWAITING_ACTION.*Nothing was changed\. Set service-deployment-arn to the one to act on\.$/,
    );
    expect(script.operations()).toEqual(['ListServiceDeployments', 'DescribeServiceDeployments']);
  });

  it('several pauses in one deployment without hook-id: set hook-id', async () => {
    const script = new EcsScript().expect('DescribeServiceDeployments', {
      serviceDeployments: [paused('a', ['ecs-pause-1', 'ecs-pause-2'])],
      failures: [],
    });
    await expect(continueDeployment({ ...inputs, serviceDeploymentArn: SD('a') }, testDeps())).rejects.toThrow(
      `Service deployment ${SD('a')} waits at 2 PAUSE hooks: ecs-pause-1, ecs-pause-2. Nothing was changed. Set hook-id to the one to act on.`,
    );
    expect(script.operations()).toEqual(['DescribeServiceDeployments']);
  });

  it('an unknown service deployment ARN', async () => {
    new EcsScript().expect('DescribeServiceDeployments', {
      serviceDeployments: [],
      failures: [{ arn: SD('x'), reason: 'MISSING' }],
    });
    await expect(continueDeployment({ ...inputs, serviceDeploymentArn: SD('x') }, testDeps())).rejects.toThrow(
      `Service deployment ${SD('x')} was not found (DescribeServiceDeployments: MISSING). Nothing was changed.`,
    );
  });

  it('ECS refuses the continue (acted on meanwhile): its reason, and nothing changed', async () => {
    new EcsScript()
      .expect('DescribeServiceDeployments', { serviceDeployments: [paused('a', ['ecs-pause-1'])], failures: [] })
      .expect('DescribeServices', {
        services: [{ serviceName: 'web', status: 'ACTIVE', deployments: [], events: [] }],
        failures: [],
      })
      .fail('ContinueServiceDeployment', 'InvalidParameterException', 'The lifecycle hook ecs-pause-1 is SUCCEEDED.');
    await expect(continueDeployment({ ...inputs, serviceDeploymentArn: SD('a') }, testDeps())).rejects.toThrow(
      `ECS refused to CONTINUE service deployment ${SD('a')} (hook ecs-pause-1): The lifecycle hook ecs-pause-1 is SUCCEEDED. Nothing was changed.`,
    );
  });
});
