/**
 * ecs-deploy-wait on a service with a native staged strategy (BLUE_GREEN, LINEAR, CANARY): the ECS API at the HTTP
 * layer (nock), the real SDK, a manual clock.
 */
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { deploy } from '../src/deploy.js';
import { leastDuration } from '../src/follow/staged.js';
import type { DeployInputs } from '../src/inputs.js';
import { toRegisterRequest } from '../src/taskdef.js';
import { deployInputs } from './deploy-inputs.js';
import { at, EcsScript, type ServiceSpec, service, tdArn, testDeps } from './fake-ecs.js';

const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const rendered = (() => {
  const result = toRegisterRequest({ ...seed, family: 'web' });
  if ('problem' in result) throw new Error(result.problem);
  return result;
})();

const inputs = (overrides: Partial<DeployInputs> = {}) =>
  deployInputs(rendered, { timeoutMs: 30 * 60_000, pollIntervalMs: 60_000, ...overrides });

const OLD = tdArn(6);
const NEW = tdArn(7);
const OLD_ID = 'ecs-svc/1111111111111111111';
const NEW_ID = 'ecs-svc/2222222222222222222';
const SD_OLD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/OLDOLDOL-oldoldoldold';
const SD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/NCWGC2ZR-taawPAYrIaU5';
const REV_OLD = 'arn:aws:ecs:us-east-1:123456789012:service-revision/prod/web/1000000000000000001';
const REV_NEW = 'arn:aws:ecs:us-east-1:123456789012:service-revision/prod/web/1000000000000000002';
const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:check-green';

const blueGreen = { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 };

/** A service with a staged deployment configuration, as DescribeServices or UpdateService answers. */
function stagedService(spec: ServiceSpec, configuration: Record<string, unknown>, current: string) {
  const base = service(spec);
  return {
    ...base,
    deploymentConfiguration: { ...(base.deploymentConfiguration as object), ...configuration },
    currentServiceDeployment: current,
  };
}

const steadyOld: ServiceSpec = {
  deployments: [{ id: OLD_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
};
const bothRunning: ServiceSpec = {
  deployments: [
    { id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'IN_PROGRESS', running: 3 },
    { id: OLD_ID, status: 'ACTIVE', td: OLD, rollout: 'COMPLETED', running: 3 },
  ],
};

interface SdSpec {
  status: string;
  stage: string;
  weight?: number;
  reason?: string;
  hooks?: { status: string }[];
  alarms?: { status: string; triggered?: string[] };
}

function serviceDeployment(spec: SdSpec) {
  const weight = spec.weight ?? 0;
  return {
    serviceDeploymentArn: SD,
    serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
    createdAt: at(0),
    startedAt: at(0),
    updatedAt: at(10),
    status: spec.status,
    ...(spec.reason ? { statusReason: spec.reason } : {}),
    lifecycleStage: spec.stage,
    targetServiceRevision: {
      arn: REV_NEW,
      requestedTaskCount: 3,
      runningTaskCount: 3,
      pendingTaskCount: 0,
      requestedProductionTrafficWeight: weight,
      requestedTestTrafficWeight: 100,
    },
    sourceServiceRevisions: [
      {
        arn: REV_OLD,
        requestedTaskCount: 3,
        runningTaskCount: 3,
        pendingTaskCount: 0,
        requestedProductionTrafficWeight: 100 - weight,
        requestedTestTrafficWeight: 0,
      },
    ],
    lifecycleHookDetails: (spec.hooks ?? []).map((hook, i) => ({
      hookId: `h${i}`,
      targetType: 'AWS_LAMBDA',
      targetArn: HOOK,
      status: hook.status,
    })),
    alarms: spec.alarms
      ? { status: spec.alarms.status, alarmNames: ['web-5xx'], triggeredAlarmNames: spec.alarms.triggered ?? [] }
      : { status: 'DISABLED' },
  };
}

const sdAnswer = (spec: SdSpec) => ({ serviceDeployments: [serviceDeployment(spec)], failures: [] });

/** DescribeServices → RegisterTaskDefinition → UpdateService (answering the new currentServiceDeployment). */
function started(script: EcsScript, configuration: Record<string, unknown> = blueGreen): EcsScript {
  return script
    .expect('DescribeServices', { services: [stagedService(steadyOld, configuration, SD_OLD)], failures: [] })
    .expect('RegisterTaskDefinition', { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } })
    .expect('UpdateService', { service: stagedService(bothRunning, configuration, SD) });
}

/** Each poll: DescribeServiceDeployments and DescribeServices. */
function polls(script: EcsScript, steps: SdSpec[], configuration: Record<string, unknown> = blueGreen): EcsScript {
  for (const step of steps) {
    script
      .expect('DescribeServiceDeployments', sdAnswer(step))
      .expect('DescribeServices', { services: [stagedService(bothRunning, configuration, SD)], failures: [] });
  }
  return script;
}

beforeAll(() => {
  nock.disableNetConnect();
});

describe('the least time a staged strategy takes', () => {
  it.each([
    ['BLUE_GREEN', { bakeTimeInMinutes: 10 }, 10, 'bake time 10m'],
    ['BLUE_GREEN', {}, 0, 'no bake time'],
    [
      'LINEAR',
      { bakeTimeInMinutes: 5, linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 } },
      11,
      '3 waits of 2m between 4 traffic shifts of 25% + bake time 5m',
    ],
    ['LINEAR', { bakeTimeInMinutes: 0 }, 54, '9 waits of 6m between 10 traffic shifts of 10% + no bake time'],
    ['LINEAR', { linearConfiguration: { stepPercent: 30, stepBakeTimeInMinutes: 1 } }, 3, '3 waits of 1m'],
    ['CANARY', { bakeTimeInMinutes: 3 }, 13, 'canary bake time 10m + bake time 3m'],
    ['CANARY', { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 2 } }, 2, 'canary bake time 2m'],
  ] as const)('%s %j: %d minutes', (strategy, configuration, minutes, parts) => {
    const least = leastDuration(strategy, configuration as never);
    expect(least.ms).toBe(minutes * 60_000);
    expect(least.parts).toContain(parts);
  });
});

describe('deploy: native staged strategies', () => {
  it('follows our service deployment through its stages to SUCCESSFUL, printing stages, traffic, hooks and alarms', async () => {
    const configuration = {
      strategy: 'LINEAR',
      bakeTimeInMinutes: 2,
      linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 },
      alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true },
    };
    const script = polls(
      started(new EcsScript(), configuration),
      [
        { status: 'IN_PROGRESS', stage: 'SCALE_UP', alarms: { status: 'MONITORING' } },
        {
          status: 'IN_PROGRESS',
          stage: 'POST_SCALE_UP',
          hooks: [{ status: 'IN_PROGRESS' }],
          alarms: { status: 'MONITORING' },
        },
        {
          status: 'IN_PROGRESS',
          stage: 'PRODUCTION_TRAFFIC_SHIFT',
          weight: 50,
          hooks: [{ status: 'SUCCEEDED' }],
          alarms: { status: 'MONITORING' },
        },
        {
          status: 'IN_PROGRESS',
          stage: 'BAKE_TIME',
          weight: 100,
          hooks: [{ status: 'SUCCEEDED' }],
          alarms: { status: 'MONITORING' },
        },
        {
          status: 'SUCCESSFUL',
          stage: 'CLEAN_UP',
          weight: 100,
          hooks: [{ status: 'SUCCEEDED' }],
          alarms: { status: 'MONITORING_COMPLETE' },
        },
      ],
      configuration,
    );
    const deps = testDeps();
    const result = await deploy(inputs(), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'succeeded', deploymentId: NEW_ID, taskDefinitionArn: NEW });
    expect(result.message).toBe(
      `Deployment ${NEW_ID} of web:7 (LINEAR) completed: service deployment SUCCESSFUL; new revision 3/3 running, 100% production / 100% test traffic; old 3/3 running, 0% production / 0% test traffic.`,
    );
    expect(result.finalState).toMatch(/^SUCCESSFUL at stage CLEAN_UP, /);
    const text = deps.log.text();
    expect(text).toContain(`for LINEAR service deployment ${SD} (deployment ${NEW_ID})`);
    expect(text).toMatch(
      /service deployment \(ours\) IN_PROGRESS at stage PRODUCTION_TRAFFIC_SHIFT \(since [^)]+\): new revision 3\/3 running, 50% production/,
    );
    expect(text).toContain(`lifecycle hook ${HOOK}: IN_PROGRESS`);
    expect(text).toContain(`lifecycle hook ${HOOK}: SUCCEEDED`);
    expect(text).toContain('alarms MONITORING (web-5xx)');
    expect(text).toContain('alarms MONITORING_COMPLETE (web-5xx)');
    // Every stage once.
    expect(text.match(/at stage BAKE_TIME/g)).toHaveLength(1);
    // No StopServiceDeployment, no UpdateService after ours.
    expect(script.operations().filter((op) => op === 'UpdateService')).toHaveLength(1);
  });

  it('finds our service deployment with ListServiceDeployments when UpdateService does not name it', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', { services: [stagedService(steadyOld, blueGreen, SD_OLD)], failures: [] })
      .expect('RegisterTaskDefinition', { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } })
      .expect('UpdateService', { service: stagedService(bothRunning, blueGreen, SD_OLD) })
      .expect('ListServiceDeployments', {
        serviceDeployments: [{ serviceDeploymentArn: SD, status: 'IN_PROGRESS', createdAt: at(0) }],
      });
    polls(script, [{ status: 'SUCCESSFUL', stage: 'CLEAN_UP', weight: 100 }]);
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('succeeded');
    expect(script.calls.find((call) => call.operation === 'ListServiceDeployments')?.body).toMatchObject({
      cluster: 'prod',
      service: 'web',
    });
    expect(script.calls.find((call) => call.operation === 'DescribeServiceDeployments')?.body).toEqual({
      serviceDeploymentArns: [SD],
    });
  });

  it('refuses a timeout shorter than the bake time before anything changes, naming both', async () => {
    const script = new EcsScript().expect('DescribeServices', {
      services: [stagedService(steadyOld, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 60 }, SD_OLD)],
      failures: [],
    });
    const error = await deploy(inputs({ timeoutMs: 30 * 60_000 }), testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      'timeout 30m is not longer than the least time service "web"\'s BLUE_GREEN deployment takes: 1h (bake time 1h), before its tasks even start. Nothing was changed. Set timeout to more than 1h, e.g. 1h15m, or shorten the service\'s bake times.',
    );
    expect(script.operations()).toEqual(['DescribeServices']);
  });

  it('wait: false does not check the timeout against the strategy', async () => {
    const script = started(new EcsScript(), { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 60 });
    const result = await deploy(inputs({ wait: false, timeoutMs: 60_000 }), testDeps());
    expect(result.status).toBe('succeeded');
    expect(script.scope.isDone()).toBe(true);
  });

  it('a desired count change only (no new deployment) is followed as the PRIMARY it is, not as a staged one', async () => {
    const steady5: ServiceSpec = {
      deployments: [{ id: OLD_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 5, desired: 5 }],
    };
    const script = new EcsScript()
      .expect('DescribeServices', { services: [stagedService(steadyOld, blueGreen, SD_OLD)], failures: [] })
      .expect('DescribeTaskDefinition', {
        taskDefinition: { taskDefinitionArn: OLD, family: 'web', revision: 6, containerDefinitions: [] },
      })
      .expect('UpdateService', { service: stagedService(steady5, blueGreen, SD_OLD) });
    const result = await deploy(
      inputs({ taskDefinition: { kind: 'arn', arn: OLD }, skipUnchanged: true, desiredCount: 5 }),
      testDeps(),
    );
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'succeeded', deploymentId: OLD_ID });
    expect(script.operations()).not.toContain('DescribeServiceDeployments');
  });

  it("a failed lifecycle hook: ECS rolls back; explained with ECS's reason and the stopped tasks; no rollback of ours", async () => {
    const reason = `Service deployment rolled back because lifecycle hook ${HOOK} returned FAILED at stage POST_SCALE_UP.`;
    const script = polls(started(new EcsScript()), [
      { status: 'IN_PROGRESS', stage: 'POST_SCALE_UP', hooks: [{ status: 'IN_PROGRESS' }] },
      { status: 'ROLLBACK_IN_PROGRESS', stage: 'POST_SCALE_UP', hooks: [{ status: 'FAILED' }], reason },
      { status: 'ROLLBACK_SUCCESSFUL', stage: 'POST_SCALE_UP', hooks: [{ status: 'FAILED' }], reason },
    ])
      .expect('ListTasks', { taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/g1'] })
      .expect('DescribeTasks', {
        tasks: [
          {
            taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/g1',
            lastStatus: 'STOPPED',
            stopCode: 'ServiceSchedulerInitiated',
            stoppedReason: `Scaling activity initiated by (deployment ${OLD_ID})`,
            stoppedAt: at(100),
            containers: [{ name: 'web', exitCode: 0 }],
          },
        ],
        failures: [],
      })
      .expect(
        'DescribeServiceDeployments',
        sdAnswer({ status: 'ROLLBACK_SUCCESSFUL', stage: 'POST_SCALE_UP', hooks: [{ status: 'FAILED' }], reason }),
      );
    const deps = testDeps();
    const result = await deploy(inputs(), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('rolled-back');
    expect(result.message).toBe(
      `Deployment ${NEW_ID} of web:7 (BLUE_GREEN) failed at stage POST_SCALE_UP and ECS rolled it back (ROLLBACK_SUCCESSFUL): ${reason} ECS rolled back to web:6 (ROLLBACK_SUCCESSFUL).`,
    );
    expect(result.rollback).toMatchObject({ by: 'ecs', taskDefinitionArn: OLD, steady: true });
    expect(result.stoppedTasks.map((task) => task.taskId)).toEqual(['g1']);
    expect(deps.log.text()).toContain(`lifecycle hook ${HOOK}: FAILED`);
    expect(script.operations()).not.toContain('StopServiceDeployment');
  });

  it('an alarm without alarm rollback: STOPPED; no rollback by this step (ECS cannot roll back a stopped one)', async () => {
    const configuration = { ...blueGreen, alarms: { alarmNames: ['web-5xx'], enable: true, rollback: false } };
    const script = polls(
      started(new EcsScript(), configuration),
      [
        { status: 'IN_PROGRESS', stage: 'BAKE_TIME', weight: 100, alarms: { status: 'MONITORING' } },
        {
          status: 'STOPPED',
          stage: 'BAKE_TIME',
          weight: 100,
          reason: 'CloudWatch alarm web-5xx went into ALARM state.',
          alarms: { status: 'TRIGGERED', triggered: ['web-5xx'] },
        },
      ],
      configuration,
    )
      .expect('ListTasks', { taskArns: [] })
      .expect(
        'DescribeServiceDeployments',
        sdAnswer({ status: 'STOPPED', stage: 'BAKE_TIME', alarms: { status: 'TRIGGERED', triggered: ['web-5xx'] } }),
      );
    const deps = testDeps();
    const result = await deploy(inputs(), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('failed');
    expect(result.message).toContain('was stopped at stage BAKE_TIME: CloudWatch alarm web-5xx went into ALARM state.');
    expect(deps.log.text()).toContain('alarms TRIGGERED (web-5xx): in ALARM web-5xx');
    expect(deps.log.text()).toContain('alarms TRIGGERED (in ALARM: web-5xx)');
  });

  it('on timeout rolls back through ECS (StopServiceDeployment ROLLBACK) and follows the rollback to its end', async () => {
    const script = started(new EcsScript());
    polls(
      script,
      Array.from({ length: 12 }, () => ({ status: 'IN_PROGRESS', stage: 'BAKE_TIME', weight: 100 })),
    );
    script
      .expect('ListTasks', { taskArns: [] })
      .expect('DescribeServiceDeployments', sdAnswer({ status: 'IN_PROGRESS', stage: 'BAKE_TIME', weight: 100 }))
      .expect('StopServiceDeployment', { serviceDeploymentArn: SD });
    polls(script, [
      {
        status: 'ROLLBACK_IN_PROGRESS',
        stage: 'BAKE_TIME',
        reason: 'Service deployment rolled back because of a StopServiceDeployment request.',
      },
      {
        status: 'ROLLBACK_SUCCESSFUL',
        stage: 'BAKE_TIME',
        reason: 'Service deployment rolled back because of a StopServiceDeployment request.',
      },
    ]);
    const deps = testDeps();
    const result = await deploy(inputs({ timeoutMs: 11 * 60_000 }), deps);
    expect(result.status).toBe('rolled-back');
    expect(result.message).toMatch(
      new RegExp(
        `^Deployment ${NEW_ID} of web:7 \\(BLUE_GREEN\\) did not finish within 11m \\(timeout\\): the last state seen was IN_PROGRESS at stage BAKE_TIME`,
      ),
    );
    expect(result.message).toContain(
      'Rolled back to web:6 through ECS (StopServiceDeployment ROLLBACK): ROLLBACK_SUCCESSFUL.',
    );
    expect(result.rollback).toMatchObject({ by: 'action', taskDefinitionArn: OLD, steady: true });
    expect(script.calls.find((call) => call.operation === 'StopServiceDeployment')?.body).toEqual({
      serviceDeploymentArn: SD,
      stopType: 'ROLLBACK',
    });
    expect(deps.log.text()).toContain('service deployment (rollback) ROLLBACK_SUCCESSFUL');
    nock.cleanAll();
  });

  it('on timeout while ECS is rolling back already: follows that rollback, stops nothing', async () => {
    const rollingBack = { status: 'ROLLBACK_IN_PROGRESS', stage: 'BAKE_TIME', reason: 'A lifecycle hook failed.' };
    const script = started(new EcsScript());
    polls(
      script,
      Array.from({ length: 12 }, () => rollingBack),
    );
    script.expect('ListTasks', { taskArns: [] });
    // The decision's fresh read, the report's detail, then the rollback followed to its end.
    polls(script, [rollingBack, rollingBack, rollingBack, { ...rollingBack, status: 'ROLLBACK_SUCCESSFUL' }]);
    const result = await deploy(inputs({ timeoutMs: 11 * 60_000 }), testDeps());
    expect(result.status).toBe('rolled-back');
    expect(result.message).toContain('ECS rolled back to web:6 (ROLLBACK_SUCCESSFUL).');
    expect(result.rollback).toMatchObject({ by: 'ecs', taskDefinitionArn: OLD, steady: true });
    expect(script.operations()).not.toContain('StopServiceDeployment');
    nock.cleanAll();
  });

  it('on timeout with rollback: false leaves ECS to carry on', async () => {
    const script = started(new EcsScript());
    polls(
      script,
      Array.from({ length: 12 }, () => ({ status: 'IN_PROGRESS', stage: 'BAKE_TIME', weight: 100 })),
    );
    script
      .expect('ListTasks', { taskArns: [] })
      .expect('DescribeServiceDeployments', sdAnswer({ status: 'IN_PROGRESS', stage: 'BAKE_TIME' }));
    const result = await deploy(inputs({ timeoutMs: 11 * 60_000, rollback: false }), testDeps());
    expect(result.status).toBe('timed-out');
    expect(result.message).toContain(
      `No rollback was done (rollback: false): ECS carries on with service deployment ${SD}.`,
    );
    expect(script.operations()).not.toContain('StopServiceDeployment');
    nock.cleanAll();
  });

  it('cancelled while following: ECS carries on, and the message says how to roll it back', async () => {
    const cancel = new AbortController();
    const script = started(new EcsScript());
    polls(script, [{ status: 'IN_PROGRESS', stage: 'BAKE_TIME', weight: 100 }]);
    const deps = testDeps({ signal: cancel.signal });
    const sleep = deps.clock.sleep;
    deps.sleep = async (ms, signal) => {
      cancel.abort();
      return sleep(ms, signal);
    };
    const result = await deploy(inputs(), deps);
    expect(result).toMatchObject({ status: undefined, cancelled: true, deploymentId: NEW_ID });
    expect(result.message).toContain('ECS carries on with it');
    expect(result.message).toContain(
      `To roll it back: aws ecs stop-service-deployment --service-deployment-arn ${SD} --stop-type ROLLBACK`,
    );
    expect(script.operations()).not.toContain('StopServiceDeployment');
    nock.cleanAll();
  });
});
