/**
 * The CodeDeploy side through the real `@aws-sdk/client-codedeploy` (endpoint AWS_ENDPOINT_URL_CODEDEPLOY), over the
 * ECS side's task sets: a blue/green deployment to the end, a replacement that never becomes healthy, a failing hook,
 * a stop with rollback, and the API's validation errors. Simulated time is stepped by hand (timeScale 0).
 */
import { createHash } from 'node:crypto';
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  type DeploymentInfo,
  GetApplicationCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  GetDeploymentTargetCommand,
  ListDeploymentsCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { type ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import { describeService, ecsClient, fargateTaskDefinition } from './ecs-helpers.js';

let sim: Simulator;
let codedeploy: CodeDeployClient;
let ecs: ECSClient;
const cluster = 'prod';

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  codedeploy = new CodeDeployClient({
    region: sim.env.AWS_REGION,
    endpoint: sim.env.AWS_ENDPOINT_URL_CODEDEPLOY,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
  ecs = ecsClient(sim);
});

afterAll(async () => {
  codedeploy.destroy();
  ecs.destroy();
  await sim.close();
});

/** A CODE_DEPLOY service with 2 tasks and its deployment group `DgpECS-prod-<name>` in application `AppECS-prod-<name>`. */
function seed(name: string, group: Partial<Parameters<Simulator['codedeploy']['seedDeploymentGroup']>[0]> = {}) {
  sim.ecs.seedService({
    cluster,
    serviceName: name,
    taskDefinition: fargateTaskDefinition(name, `repo/${name}:1`),
    desiredCount: 2,
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [
      {
        targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}-blue/1`,
        containerName: 'app',
        containerPort: 8080,
      },
    ],
  });
  sim.codedeploy.seedDeploymentGroup({
    applicationName: `AppECS-${cluster}-${name}`,
    deploymentGroupName: `DgpECS-${cluster}-${name}`,
    cluster,
    service: name,
    terminationWaitTimeInMinutes: 1,
    ...group,
  });
}

async function register(name: string, image: string): Promise<string> {
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand(fargateTaskDefinition(name, image) as never),
  );
  return taskDefinition?.taskDefinitionArn ?? '';
}

function appSpec(taskDefinition: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: taskDefinition,
            LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 8080 },
          },
        },
      },
    ],
    ...extra,
  });
}

async function create(name: string, content: string, sha256 = createHash('sha256').update(content).digest('hex')) {
  const { deploymentId } = await codedeploy.send(
    new CreateDeploymentCommand({
      applicationName: `AppECS-${cluster}-${name}`,
      deploymentGroupName: `DgpECS-${cluster}-${name}`,
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content, sha256 } },
    }),
  );
  return deploymentId ?? '';
}

async function get(id: string): Promise<DeploymentInfo> {
  const { deploymentInfo } = await codedeploy.send(new GetDeploymentCommand({ deploymentId: id }));
  return deploymentInfo ?? {};
}

/** Steps simulated time until the deployment is done; returns the statuses seen in order. */
async function runToEnd(
  id: string,
  stepMs = 5_000,
  maxSteps = 2_000,
): Promise<{ statuses: string[]; info: DeploymentInfo }> {
  const statuses: string[] = [];
  let info = await get(id);
  for (let i = 0; i < maxSteps; i++) {
    if (statuses.at(-1) !== info.status) statuses.push(info.status ?? '');
    if (['Succeeded', 'Failed', 'Stopped'].includes(info.status ?? '')) break;
    sim.clock.advance(stepMs);
    info = await get(id);
  }
  return { statuses, info };
}

async function target(id: string) {
  const { targetIds } = await codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id }));
  const { deploymentTarget } = await codedeploy.send(
    new GetDeploymentTargetCommand({ deploymentId: id, targetId: targetIds?.[0] }),
  );
  return deploymentTarget?.ecsTarget;
}

const errorOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
};

describe('applications, deployment groups and configurations', () => {
  it('describes the seeded group, its application and the predefined ECS configurations', async () => {
    seed('shapes');
    const { deploymentGroupInfo } = await codedeploy.send(
      new GetDeploymentGroupCommand({
        applicationName: 'AppECS-prod-shapes',
        deploymentGroupName: 'DgpECS-prod-shapes',
      }),
    );
    expect(deploymentGroupInfo?.computePlatform).toBe('ECS');
    expect(deploymentGroupInfo?.ecsServices).toEqual([{ serviceName: 'shapes', clusterName: 'prod' }]);
    expect(
      deploymentGroupInfo?.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess
        ?.terminationWaitTimeInMinutes,
    ).toBe(1);
    expect(deploymentGroupInfo?.autoRollbackConfiguration).toEqual({
      enabled: true,
      events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'],
    });
    const { application } = await codedeploy.send(new GetApplicationCommand({ applicationName: 'AppECS-prod-shapes' }));
    expect(application?.computePlatform).toBe('ECS');
    const { deploymentConfigInfo } = await codedeploy.send(
      new GetDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes' }),
    );
    expect(deploymentConfigInfo?.trafficRoutingConfig).toEqual({
      type: 'TimeBasedLinear',
      timeBasedLinear: { linearPercentage: 10, linearInterval: 1 },
    });
    const service = await describeService(ecs, cluster, 'shapes');
    expect(service.deployments ?? []).toEqual([]);
    expect(service.taskSets?.map((t) => [t.status, t.runningCount, t.computedDesiredCount, t.stabilityStatus])).toEqual(
      [['PRIMARY', 2, 2, 'STEADY_STATE']],
    );
    expect(service.taskDefinition).toMatch(/task-definition\/shapes:1$/);
  });

  it('names a missing application or group as CodeDeploy does', async () => {
    const missing = await errorOf(
      codedeploy.send(new GetDeploymentGroupCommand({ applicationName: 'nope', deploymentGroupName: 'x' })),
    );
    expect(missing.name).toBe('ApplicationDoesNotExistException');
    expect(missing.message).toBe('No application found for name: nope');
  });
});

describe('a blue/green deployment', () => {
  it('runs every lifecycle event, shifts traffic, waits, then terminates the original task set', async () => {
    seed('happy');
    const arn = await register('happy', 'repo/happy:2');
    const id = await create('happy', appSpec(arn));
    expect(id).toMatch(/^d-[A-Z0-9]{9}$/);
    expect((await get(id)).status).toBe('Created');
    const notStarted = await errorOf(codedeploy.send(new ListDeploymentTargetsCommand({ deploymentId: id })));
    expect(notStarted.name).toBe('DeploymentNotStartedException');

    // Install started at 3 s; the replacement's tasks are RUNNING (and healthy) 30 s after launch.
    sim.clock.advance(20_000);
    const during = await target(id);
    expect(during?.lifecycleEvents?.find((e) => e.lifecycleEventName === 'Install')?.status).toBe('InProgress');
    const twoSets = await describeService(ecs, cluster, 'happy');
    expect(twoSets.taskSets?.map((t) => [t.status, t.taskDefinition?.split(':').pop()])).toEqual([
      ['PRIMARY', '1'],
      ['ACTIVE', '2'],
    ]);
    expect(twoSets.taskSets?.[1]?.externalId).toBe(id);

    const { statuses, info } = await runToEnd(id);
    expect(statuses).toEqual(['InProgress', 'Succeeded']);
    expect(info.deploymentOverview?.Succeeded).toBe(1);
    // The termination wait (1 minute) comes after AfterAllowTraffic.
    const ecsTarget = await target(id);
    const events = ecsTarget?.lifecycleEvents ?? [];
    expect(events.map((e) => `${e.lifecycleEventName}:${e.status}`)).toEqual([
      'BeforeInstall:Succeeded',
      'Install:Succeeded',
      'AfterInstall:Succeeded',
      'AllowTestTraffic:Succeeded',
      'AfterAllowTestTraffic:Succeeded',
      'BeforeAllowTraffic:Succeeded',
      'AllowTraffic:Succeeded',
      'AfterAllowTraffic:Succeeded',
    ]);
    const trafficShifted = events.at(-1)?.endTime?.getTime() ?? 0;
    expect((info.completeTime?.getTime() ?? 0) - trafficShifted).toBe(60_000);
    // The original task set drains (its targets deregister: 300 s by default), then leaves the list.
    const draining = await describeService(ecs, cluster, 'happy');
    expect(draining.taskSets?.map((t) => t.status)).toEqual(['DRAINING', 'PRIMARY']);
    sim.clock.advance(320_000);
    const after = await describeService(ecs, cluster, 'happy');
    expect(after.taskSets?.map((t) => [t.status, t.taskDefinition?.split(':').pop(), t.runningCount])).toEqual([
      ['PRIMARY', '2', 2],
    ]);
    expect(after.taskDefinition).toBe(arn);
  });

  it('refuses a second deployment while one is active', async () => {
    seed('busy');
    const arn = await register('busy', 'repo/busy:2');
    const first = await create('busy', appSpec(arn));
    const error = await errorOf(create('busy', appSpec(arn)));
    expect(error.name).toBe('DeploymentLimitExceededException');
    expect(error.message).toBe(`The Deployment Group 'DgpECS-prod-busy' already has an active Deployment '${first}'`);
    await runToEnd(first);
  });
});

describe('ListDeployments', () => {
  it("lists the group's deployments, rollbacks included, by status and create time, newest first", async () => {
    seed('listed', { terminationWaitTimeInMinutes: 0 });
    const group = { applicationName: `AppECS-${cluster}-listed`, deploymentGroupName: `DgpECS-${cluster}-listed` };
    const list = async (extra: Record<string, unknown> = {}) =>
      (await codedeploy.send(new ListDeploymentsCommand({ ...group, ...extra }))).deployments ?? [];
    expect(await list()).toEqual([]);
    const before = new Date(sim.clock.now());
    sim.clock.advance(1_000);
    const first = await create('listed', appSpec(await register('listed', 'repo/listed:2')));
    await runToEnd(first);
    sim.clock.advance(60_000);
    const between = new Date(sim.clock.now());
    sim.clock.advance(1_000);
    const second = await create('listed', appSpec(await register('listed', 'repo/listed:3')));
    const stopped = await codedeploy.send(
      new StopDeploymentCommand({ deploymentId: second, autoRollbackEnabled: true }),
    );
    expect(stopped.status).toBe('Pending');
    const rollback = (await get(second)).rollbackInfo?.rollbackDeploymentId;

    // Every deployment of the group, newest first (the rollback CodeDeploy started, too).
    expect(await list()).toEqual([rollback, second, first].filter(Boolean));
    expect(await list({ includeOnlyStatuses: ['Succeeded'] })).toEqual([first]);
    expect(await list({ includeOnlyStatuses: ['Stopped', 'Failed'] })).toEqual([second]);
    expect(await list({ createTimeRange: { start: between } })).toEqual([rollback, second].filter(Boolean));
    expect(await list({ createTimeRange: { start: before, end: between } })).toEqual([first]);
    expect(await list({ createTimeRange: { end: before } })).toEqual([]);
    // Without a group: the account's deployments, this group's among them.
    const all = (await codedeploy.send(new ListDeploymentsCommand({}))).deployments ?? [];
    expect(all).toEqual(expect.arrayContaining([first, second]));
  });

  it('refuses what the API reference refuses', async () => {
    const { applicationName, deploymentGroupName } = {
      applicationName: `AppECS-${cluster}-listed`,
      deploymentGroupName: `DgpECS-${cluster}-listed`,
    };
    const refused = async (input: Record<string, unknown>) =>
      (await errorOf(codedeploy.send(new ListDeploymentsCommand(input as never)))).name;
    expect(await refused({ applicationName })).toBe('DeploymentGroupNameRequiredException');
    expect(await refused({ deploymentGroupName })).toBe('ApplicationNameRequiredException');
    expect(await refused({ applicationName, deploymentGroupName: 'nope' })).toBe(
      'DeploymentGroupDoesNotExistException',
    );
    expect(await refused({ applicationName, deploymentGroupName, includeOnlyStatuses: ['Done'] })).toBe(
      'InvalidDeploymentStatusException',
    );
    expect(
      await refused({
        applicationName,
        deploymentGroupName,
        createTimeRange: { start: new Date(2_000_000_000_000), end: new Date(1_000_000_000_000) },
      }),
    ).toBe('InvalidTimeRangeException');
    expect(await refused({ applicationName, deploymentGroupName, nextToken: 'garbage' })).toBe(
      'InvalidNextTokenException',
    );
  });
});

describe('failures and rollbacks', () => {
  it('fails when the replacement never becomes healthy (60 minutes), then rolls back', async () => {
    seed('crash');
    sim.ecs.setImageScenario('repo/crash:2', { kind: 'crash-on-start', exitCode: 1 });
    const arn = await register('crash', 'repo/crash:2');
    const id = await create('crash', appSpec(arn));
    const { info } = await runToEnd(id, 60_000);
    expect(info.status).toBe('Failed');
    expect(info.errorInformation).toEqual({
      code: 'TIMEOUT',
      message:
        'The deployment timed out while waiting for the replacement task set to become healthy. This time out period is 60 minutes.',
    });
    const rollbackId = info.rollbackInfo?.rollbackDeploymentId ?? '';
    expect(rollbackId).toMatch(/^d-/);
    const rolledBack = await runToEnd(rollbackId);
    expect(rolledBack.info.status).toBe('Succeeded');
    expect(rolledBack.info.creator).toBe('codeDeployRollback');
    expect(rolledBack.info.rollbackInfo?.rollbackTriggeringDeploymentId).toBe(id);
    sim.clock.advance(30_000);
    const service = await describeService(ecs, cluster, 'crash');
    expect(service.taskSets?.map((t) => [t.status, t.taskDefinition?.split(':').pop()])).toEqual([['PRIMARY', '1']]);
  });

  it('fails on a hook that returns Failed, naming it', async () => {
    seed('hook');
    sim.codedeploy.setHookResult('validate-hook', { status: 'Failed', afterSeconds: 10 });
    const arn = await register('hook', 'repo/hook:2');
    const id = await create('hook', appSpec(arn, { Hooks: [{ AfterAllowTestTraffic: 'validate-hook' }] }));
    const { info } = await runToEnd(id);
    expect(info.status).toBe('Failed');
    expect(info.errorInformation?.code).toBe('HOOK_EXECUTION_FAILURE');
    const events = (await target(id))?.lifecycleEvents ?? [];
    const failed = events.find((e) => e.status === 'Failed');
    expect(failed?.lifecycleEventName).toBe('AfterAllowTestTraffic');
    expect(failed?.diagnostics?.scriptName).toBe('validate-hook');
    expect(events.at(-1)?.status).toBe('Skipped');
  });

  it('stops with rollback when asked, and refuses to stop a finished deployment', async () => {
    seed('stop', { autoRollback: { enabled: false, events: [] } });
    const arn = await register('stop', 'repo/stop:2');
    const id = await create('stop', appSpec(arn));
    sim.clock.advance(40_000);
    const stopped = await codedeploy.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: true }));
    expect(stopped.status).toBe('Pending');
    const info = await get(id);
    expect(info.status).toBe('Stopped');
    expect(info.errorInformation?.code).toBe('MANUAL_STOP');
    const rollback = await runToEnd(info.rollbackInfo?.rollbackDeploymentId ?? '');
    expect(rollback.info.status).toBe('Succeeded');
    const again = await errorOf(codedeploy.send(new StopDeploymentCommand({ deploymentId: id })));
    expect(again.name).toBe('DeploymentAlreadyCompletedException');
  });

  it('fails a deployment whose AppSpec names a container the task definition does not have', async () => {
    seed('wrongcontainer');
    const arn = await register('wrongcontainer', 'repo/wrongcontainer:2');
    const content = appSpec(arn).replace('"ContainerName":"app"', '"ContainerName":"web"');
    const { info } = await runToEnd(await create('wrongcontainer', content));
    expect(info.status).toBe('Failed');
    expect(info.errorInformation?.code).toBe('ECS_UPDATE_ERROR');
    expect(info.errorInformation?.message).toContain('container web');
    expect(info.rollbackInfo).toBeUndefined();
  });

  it('refuses an AppSpec that does not parse, lacks TaskDefinition, or does not match its sha256', async () => {
    seed('badspec');
    const notYaml = await errorOf(create('badspec', '{"Resources": ['));
    expect(notYaml.name).toBe('InvalidRevisionException');
    const noTaskDefinition = await errorOf(create('badspec', appSpec('').replace('"TaskDefinition":"",', '')));
    expect(noTaskDefinition.name).toBe('InvalidRevisionException');
    expect(noTaskDefinition.message).toContain('TaskDefinition');
    const badHash = await errorOf(create('badspec', appSpec('x:1'), 'f'.repeat(64)));
    expect(badHash.name).toBe('InvalidRevisionException');
    expect(sim.iamActions()).toEqual(
      expect.arrayContaining(['codedeploy:CreateDeployment', 'codedeploy:GetDeploymentConfig']),
    );
  });
});

describe('task sets and traffic routing', () => {
  it('scales task sets with the desired count, and refuses a task definition change by UpdateService', async () => {
    seed('scale');
    await ecs.send(new UpdateServiceCommand({ cluster, service: 'scale', desiredCount: 3 }));
    sim.clock.advance(60_000);
    const scaled = await describeService(ecs, cluster, 'scale');
    expect(scaled.taskSets?.map((t) => [t.computedDesiredCount, t.runningCount, t.stabilityStatus])).toEqual([
      [3, 3, 'STEADY_STATE'],
    ]);
    const arn = await register('scale', 'repo/scale:2');
    const refused = await errorOf(
      ecs.send(new UpdateServiceCommand({ cluster, service: 'scale', taskDefinition: arn })),
    );
    expect(refused.message).toContain('Use AWS CodeDeploy to trigger a new deployment.');
  });

  it('shifts traffic step by step with a linear configuration', async () => {
    seed('linear', { deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes' });
    const id = await create('linear', appSpec(await register('linear', 'repo/linear:2')));
    const weights: number[] = [];
    for (let i = 0; i < 30; i++) {
      sim.clock.advance(30_000);
      const green = (await target(id))?.taskSetsInfo?.find((set) => set.taskSetLabel === 'Green');
      if (green?.trafficWeight !== undefined && weights.at(-1) !== green.trafficWeight)
        weights.push(green.trafficWeight);
    }
    expect(weights).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect((await runToEnd(id)).info.status).toBe('Succeeded');
  });
});
