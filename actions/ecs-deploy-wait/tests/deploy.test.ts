import { readFileSync } from 'node:fs';
import { ConfigurationError } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { deploy } from '../src/deploy.js';
import type { DeployInputs } from '../src/inputs.js';
import { failureThreshold } from '../src/session.js';
import { toRegisterRequest } from '../src/taskdef.js';
import { deployInputs } from './deploy-inputs.js';
import { at, describeAnswer, EcsScript, type ServiceSpec, tdArn, testDeps, updateAnswer } from './fake-ecs.js';

const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const rendered = (() => {
  const result = toRegisterRequest({
    ...seed,
    family: 'web',
    containerDefinitions: [
      {
        ...(seed.containerDefinitions as Record<string, unknown>[])[0],
        image: '1234.dkr.ecr.us-east-1.amazonaws.com/web:0.2548.7',
      },
    ],
  });
  if ('problem' in result) throw new Error(result.problem);
  return result;
})();

const inputs = (overrides: Partial<DeployInputs> = {}) => deployInputs(rendered, overrides);

const OLD = tdArn(6);
const NEW = tdArn(7);
const OLD_ID = 'ecs-svc/1111111111111111111';
const NEW_ID = 'ecs-svc/2222222222222222222';
const RB_ID = 'ecs-svc/3333333333333333333';

const steadyOld: ServiceSpec = {
  deployments: [{ id: OLD_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
  events: [{ id: 'e0', at: -100, message: '(service web) has reached a steady state.' }],
};
const rolling = (running: number, extra: Partial<ServiceSpec> = {}, failed = 0): ServiceSpec => ({
  deployments: [
    { id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'IN_PROGRESS', running, failed },
    { id: OLD_ID, status: 'ACTIVE', td: OLD, rollout: 'COMPLETED', running: 3 },
  ],
  ...extra,
});
const registerAnswer = { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } };

/** DescribeServices → RegisterTaskDefinition → UpdateService, as every deployment starts. */
function started(script: EcsScript, before: ServiceSpec = steadyOld, after: ServiceSpec = rolling(0)): EcsScript {
  return script
    .expect('DescribeServices', describeAnswer(before))
    .expect('RegisterTaskDefinition', registerAnswer)
    .expect('UpdateService', updateAnswer(after));
}

const crashedTask = (id: string, exitCode: number, reason: string) => ({
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`,
  lastStatus: 'STOPPED',
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  stoppedAt: 1_759_741_300,
  healthStatus: 'UNKNOWN',
  containers: [{ name: 'web', exitCode, reason, lastStatus: 'STOPPED', healthStatus: 'UNHEALTHY' }],
});

beforeAll(() => {
  nock.disableNetConnect();
});

describe('deploy: success', () => {
  it('registers, updates and follows the new PRIMARY until COMPLETED, printing changes only', async () => {
    const script = started(new EcsScript())
      .expect('DescribeServices', describeAnswer(rolling(0)))
      .expect('DescribeServices', describeAnswer(rolling(0)))
      .expect(
        'DescribeServices',
        describeAnswer(
          rolling(2, {
            events: [
              { id: 'e2', at: 20, message: '(service web) registered 2 targets in (target-group tg)' },
              { id: 'e1', at: 10, message: '(service web) has started 3 tasks: (task a) (task b) (task c).' },
              { id: 'e0', at: -100, message: '(service web) has reached a steady state.' },
            ],
          }),
        ),
      )
      .expect(
        'DescribeServices',
        describeAnswer({
          deployments: [{ id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'COMPLETED', running: 3 }],
          events: [{ id: 'e3', at: 40, message: '(service web) has reached a steady state.' }],
        }),
      );
    const deps = testDeps();
    const result = await deploy(inputs(), deps);

    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      status: 'succeeded',
      taskDefinitionArn: NEW,
      previousTaskDefinitionArn: OLD,
      deploymentId: NEW_ID,
      images: ['1234.dkr.ecr.us-east-1.amazonaws.com/web:0.2548.7'],
      stoppedTasks: [],
    });
    expect(result.durationMs).toBe(20_000);
    expect(result.consoleUrl).toBe(
      'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=us-east-1',
    );
    const update = script.calls.find((c) => c.operation === 'UpdateService');
    expect(update?.body).toEqual({ cluster: 'prod', service: 'web', taskDefinition: NEW, forceNewDeployment: false });
    const register = script.calls.find((c) => c.operation === 'RegisterTaskDefinition');
    expect(register?.body).toMatchObject({ family: 'web', cpu: '1024', memory: '3072' });

    const text = deps.log.text();
    // The identical second answer printed nothing new.
    expect(
      text.match(/deployment ecs-svc\/2222222222222222222 PRIMARY \(ours\) web:7: IN_PROGRESS, 0\/3/g),
    ).toHaveLength(1);
    expect(text).toContain('IN_PROGRESS, 2/3 running, 0 pending, 0 failed');
    // Events: the old one is not repeated; new ones once each, oldest first.
    expect(text).not.toContain('e0');
    const started3 = text.indexOf('has started 3 tasks');
    const registered = text.indexOf('registered 2 targets');
    expect(started3).toBeGreaterThan(0);
    expect(registered).toBeGreaterThan(started3);
    expect(text.match(/has started 3 tasks/g)).toHaveLength(1);
  });

  it('accepts a service without rolloutState once ours is the only deployment with running == desired', async () => {
    const noRollout = (running: number, withOld: boolean): ServiceSpec => ({
      deployments: [
        { id: NEW_ID, status: 'PRIMARY', td: NEW, running },
        ...(withOld ? [{ id: OLD_ID, status: 'ACTIVE' as const, td: OLD, running: 3 - running }] : []),
      ],
    });
    const script = started(new EcsScript(), { deployments: [{ id: OLD_ID, status: 'PRIMARY', td: OLD, running: 3 }] })
      .expect('DescribeServices', describeAnswer(noRollout(3, true)))
      .expect('DescribeServices', describeAnswer(noRollout(3, false)));
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('succeeded');
  });

  it('registers every field of the file, also fields newer than the SDK (which its serializer would drop)', async () => {
    const request = rendered.request as unknown as Record<string, unknown>;
    const [app] = request.containerDefinitions as Record<string, unknown>[];
    const newer = {
      ...rendered,
      request: {
        ...request,
        futureTaskSetting: { mode: 'on' },
        containerDefinitions: [{ ...app, futureContainerSetting: true, cpu: null }],
      },
    } as unknown as typeof rendered;
    const script = started(new EcsScript()).expect(
      'DescribeServices',
      describeAnswer({ deployments: [{ id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'COMPLETED', running: 3 }] }),
    );
    const result = await deploy(
      inputs({ taskDefinition: { kind: 'file', path: 'td.json', rendered: newer } }),
      testDeps(),
    );
    expect(result.status).toBe('succeeded');
    const body = script.calls.find((call) => call.operation === 'RegisterTaskDefinition')?.body;
    const { cpu: _null, ...appWithoutNull } = { ...app, futureContainerSetting: true, cpu: null };
    expect(body).toEqual({ ...request, futureTaskSetting: { mode: 'on' }, containerDefinitions: [appWithoutNull] });
  });

  it('deploys an existing revision from task-definition-arn without registering', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('DescribeTaskDefinition', {
        taskDefinition: {
          taskDefinitionArn: NEW,
          status: 'ACTIVE',
          containerDefinitions: [{ name: 'web', image: 'r/web:1.2' }],
        },
      })
      .expect('UpdateService', updateAnswer(rolling(0)))
      .expect(
        'DescribeServices',
        describeAnswer({ deployments: [{ id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'COMPLETED', running: 3 }] }),
      );
    const result = await deploy(inputs({ taskDefinition: { kind: 'arn', arn: 'web:7' }, desiredCount: 3 }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).not.toContain('RegisterTaskDefinition');
    expect(script.calls[2]?.body).toMatchObject({ taskDefinition: NEW, desiredCount: 3 });
    expect(result).toMatchObject({ status: 'succeeded', images: ['r/web:1.2'] });
  });

  it('with wait: false ends after the update', async () => {
    const script = started(new EcsScript());
    const result = await deploy(inputs({ wait: false }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'succeeded', deploymentId: NEW_ID });
  });
});

describe('deploy: failures', () => {
  it('reports a circuit-breaker rollback as rolled back by ECS, follows it, and does not roll back itself', async () => {
    const breaker = { enable: true, rollback: true };
    const script = started(new EcsScript(), { ...steadyOld, breaker }, rolling(0, { breaker }))
      .expect('DescribeServices', describeAnswer(rolling(0, { breaker }, 2)))
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [
            { id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS', running: 1 },
            {
              id: NEW_ID,
              status: 'ACTIVE',
              td: NEW,
              rollout: 'FAILED',
              failed: 3,
              reason: 'ECS deployment circuit breaker: tasks failed to start.',
            },
          ],
          events: [
            { id: 'e5', at: 30, message: '(service web) rolling back to deployment ecs-svc/3333333333333333333.' },
          ],
        }),
      )
      .expect('ListTasks', { taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/t1'] })
      .expect('DescribeTasks', { tasks: [crashedTask('t1', 1, 'Error: cannot connect to redis')], failures: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'unknown operation')
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [{ id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
        }),
      );
    const deps = testDeps();
    const result = await deploy(inputs(), deps);

    expect(script.scope.isDone()).toBe(true);
    expect(script.operations().filter((op) => op === 'UpdateService')).toHaveLength(1);
    expect(script.calls.find((c) => c.operation === 'ListTasks')?.body).toMatchObject({
      startedBy: NEW_ID,
      desiredStatus: 'STOPPED',
    });
    expect(result.status).toBe('rolled-back');
    expect(result.rollback).toMatchObject({ by: 'ecs', taskDefinitionArn: OLD, deploymentId: RB_ID, steady: true });
    expect(result.message).toContain("ECS's deployment circuit breaker rolled it back");
    expect(result.message).toContain(`ECS rolled back to ${OLD}`);
    expect(deps.log.text()).toContain('container web: exit code 1, Error: cannot connect to redis, health UNHEALTHY');
    expect(deps.log.text()).toContain('Service deployment detail is not available here: UnknownOperationException');
  });

  it('waits for ECS to start its rollback after our deployment went FAILED', async () => {
    const breaker = { enable: true, rollback: true };
    const failedOurs: ServiceSpec = {
      breaker,
      deployments: [
        { id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'FAILED', failed: 3, reason: 'circuit breaker' },
        { id: OLD_ID, status: 'ACTIVE', td: OLD, rollout: 'COMPLETED', running: 3 },
      ],
    };
    const script = started(new EcsScript(), { ...steadyOld, breaker }, rolling(0, { breaker }))
      .expect('DescribeServices', describeAnswer(failedOurs))
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [{ id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
        }),
      )
      .expect('ListTasks', { taskArns: [] })
      .expect('ListServiceDeployments', { serviceDeployments: [] });
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'rolled-back', rollback: { by: 'ecs', steady: true } });
  });

  it('a circuit-breaker rollback of a forced redeploy of the running revision is ECS rolling back, not someone else', async () => {
    const breaker = { enable: true, rollback: true };
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer({ ...steadyOld, breaker }))
      .expect('DescribeTaskDefinition', {
        taskDefinition: {
          taskDefinitionArn: OLD,
          status: 'ACTIVE',
          containerDefinitions: [{ name: 'web', image: 'r/web:latest' }],
        },
      })
      .expect(
        'UpdateService',
        updateAnswer({
          breaker,
          deployments: [
            { id: NEW_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS' },
            { id: OLD_ID, status: 'ACTIVE', td: OLD, rollout: 'COMPLETED', running: 3 },
          ],
        }),
      )
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [
            { id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS', running: 1 },
            { id: NEW_ID, status: 'ACTIVE', td: OLD, rollout: 'FAILED', failed: 3, reason: 'circuit breaker' },
          ],
        }),
      )
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'x')
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [{ id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
        }),
      );
    const result = await deploy(
      inputs({ taskDefinition: { kind: 'arn', arn: 'web:6' }, forceNewDeployment: true }),
      testDeps(),
    );
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      status: 'rolled-back',
      rollback: { by: 'ecs', taskDefinitionArn: OLD, deploymentId: RB_ID, steady: true },
    });
    expect(result.message).toContain("ECS's deployment circuit breaker rolled it back");
    expect(result.message).not.toContain('which this step did not start');
  });

  it.each([
    { desired: 1, threshold: 3 },
    { desired: 6, threshold: 3 },
    { desired: 7, threshold: 4 },
    { desired: 100, threshold: 50 },
    { desired: 1000, threshold: 200 },
  ])('uses ECS failure threshold $threshold for $desired desired tasks', ({ desired, threshold }) => {
    expect(failureThreshold(desired)).toBe(threshold);
  });

  it('without a breaker, fails at the threshold, shows crash exit codes and rolls back to the recorded previous revision', async () => {
    const script = started(new EcsScript())
      .expect('DescribeServices', describeAnswer(rolling(0, {}, 1)))
      .expect('DescribeServices', describeAnswer(rolling(0, {}, 3)))
      .expect('ListTasks', { taskArns: ['t/1', 't/2'] })
      .expect('DescribeTasks', {
        tasks: [
          crashedTask('t1', 137, 'OutOfMemoryError: Container killed due to memory usage'),
          crashedTask('t2', 1, 'exit'),
        ],
      })
      .expect('ListServiceDeployments', {
        serviceDeployments: [
          {
            serviceDeploymentArn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/older',
            status: 'SUCCESSFUL',
            createdAt: at(-3600),
          },
          {
            serviceDeploymentArn:
              'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/NCWGC2ZR-taVFtXyAbCdE',
            status: 'IN_PROGRESS',
            createdAt: at(1),
          },
        ],
      })
      .expect('DescribeServiceDeployments', {
        serviceDeployments: [
          {
            serviceDeploymentArn:
              'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/NCWGC2ZR-taVFtXyAbCdE',
            status: 'IN_PROGRESS',
            deploymentCircuitBreaker: { status: 'DISABLED', failureCount: 3, threshold: 3 },
          },
        ],
      })
      // Right before rolling back: ours is still the PRIMARY.
      .expect('DescribeServices', describeAnswer(rolling(0, {}, 3)))
      .expect(
        'UpdateService',
        updateAnswer({
          deployments: [
            { id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS' },
            { id: NEW_ID, status: 'ACTIVE', td: NEW, rollout: 'IN_PROGRESS', failed: 3 },
          ],
        }),
      )
      .expect(
        'DescribeServices',
        describeAnswer({ deployments: [{ id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }] }),
      );
    const deps = testDeps();
    const result = await deploy(inputs(), deps);

    expect(script.scope.isDone()).toBe(true);
    const updates = script.calls.filter((c) => c.operation === 'UpdateService');
    expect(updates[1]?.body).toEqual({ cluster: 'prod', service: 'web', taskDefinition: OLD });
    expect(result).toMatchObject({
      status: 'rolled-back',
      deploymentId: NEW_ID,
      rollback: { by: 'action', taskDefinitionArn: OLD, deploymentId: RB_ID, steady: true },
    });
    expect(result.message).toContain('3 tasks of deployment ecs-svc/2222222222222222222 failed (the threshold is 3');
    expect(result.message).toContain(`Rolled back to ${OLD} (deployment ${RB_ID}) and it is steady.`);
    expect(result.stoppedTasks.map((t) => t.containers[0]?.exitCode)).toEqual([137, 1]);
    const text = deps.log.text();
    expect(text).toContain('task t1 EssentialContainerExited: Essential container in task exited');
    expect(text).toContain('container web: exit code 137, OutOfMemoryError: Container killed due to memory usage');
    expect(text).toContain('circuit breaker DISABLED (3 of 3 failed tasks)');
  });

  it("reads the service deployment named by the update's currentServiceDeployment without listing", async () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/Zx81kQ2a-b3Cd4Ef5Gh6I';
    const after = { ...updateAnswer(rolling(0)) };
    (after.service as Record<string, unknown>).currentServiceDeployment = arn;
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .expect('UpdateService', after)
      .expect('DescribeServices', describeAnswer(rolling(0, {}, 3)))
      .expect('ListTasks', { taskArns: [] })
      .expect('DescribeServiceDeployments', (body: Record<string, unknown>) => {
        expect(body).toEqual({ serviceDeploymentArns: [arn] });
        return {
          serviceDeployments: [
            { serviceDeploymentArn: arn, status: 'IN_PROGRESS', statusReason: 'tasks keep failing' },
          ],
        };
      });
    const deps = testDeps();
    const result = await deploy(inputs({ rollback: false }), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).not.toContain('ListServiceDeployments');
    expect(result.status).toBe('failed');
    expect(deps.log.text()).toContain(`service deployment ${arn}: IN_PROGRESS; reason: tasks keep failing`);
  });

  it('shows an image pull failure and reports failed when rollback is off', async () => {
    const breaker = { enable: true, rollback: false };
    const script = started(new EcsScript(), { ...steadyOld, breaker }, rolling(0, { breaker }))
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [
            {
              id: NEW_ID,
              status: 'PRIMARY',
              td: NEW,
              rollout: 'FAILED',
              failed: 3,
              reason: 'ECS deployment circuit breaker: tasks failed to start.',
            },
            { id: OLD_ID, status: 'ACTIVE', td: OLD, rollout: 'COMPLETED', running: 3 },
          ],
        }),
      )
      .expect('ListTasks', { taskArns: ['t/1'] })
      .expect('DescribeTasks', {
        tasks: [
          {
            taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/t1',
            stopCode: 'TaskFailedToStart',
            stoppedReason:
              'CannotPullContainerError: pull image manifest has been retried 5 time(s): 1234.dkr.ecr.us-east-1.amazonaws.com/web:0.2548.7: not found',
            containers: [{ name: 'web', lastStatus: 'STOPPED' }],
          },
        ],
      })
      .fail('ListServiceDeployments', 'AccessDeniedException', 'not authorized to perform ecs:ListServiceDeployments');
    const deps = testDeps();
    const result = await deploy(inputs({ rollback: false }), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('failed');
    expect(result.rollback).toBeUndefined();
    expect(result.message).toContain(
      'ECS marked deployment ecs-svc/2222222222222222222 FAILED: ECS deployment circuit breaker',
    );
    expect(result.message).toContain('No rollback was done (rollback: false).');
    expect(deps.log.text()).toContain('task t1 TaskFailedToStart: CannotPullContainerError: pull image manifest');
    expect(deps.log.text()).toContain('container web: exit code none');
  });

  it('times out, rolls back, and says when the rollback also failed', async () => {
    const script = started(new EcsScript())
      .expect('DescribeServices', describeAnswer(rolling(1)), { times: 2 })
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'InvalidParameterException', 'not supported')
      .expect('DescribeServices', describeAnswer(rolling(1)))
      .expect(
        'UpdateService',
        updateAnswer({ deployments: [{ id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS' }] }),
      )
      .expect(
        'DescribeServices',
        describeAnswer({
          deployments: [
            { id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS', running: 1 },
            { id: NEW_ID, status: 'ACTIVE', td: NEW, rollout: 'IN_PROGRESS', running: 1 },
          ],
        }),
        { times: 2 },
      );
    const deps = testDeps();
    const result = await deploy(inputs({ timeoutMs: 10_000 }), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('timed-out');
    expect(result.message).toContain(
      'did not complete within 10s (timeout): the last state seen was IN_PROGRESS, 1/3 running',
    );
    expect(result.message).toContain(`The rollback to ${OLD} (deployment ${RB_ID}) also failed: not steady within 10s`);
    expect(result.rollback).toMatchObject({ by: 'action', steady: false });
  });

  it('reports timed-out without rollback when rollback is off', async () => {
    const script = started(new EcsScript())
      .expect('DescribeServices', describeAnswer(rolling(1)))
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'x');
    const result = await deploy(inputs({ timeoutMs: 5_000, rollback: false }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'timed-out', deploymentId: NEW_ID, taskDefinitionArn: NEW });
  });

  it('with the breaker on, tells a deployment someone else started from an ECS rollback', async () => {
    const breaker = { enable: true, rollback: true };
    const script = started(new EcsScript(), { ...steadyOld, breaker }, rolling(0, { breaker }))
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [
            { id: RB_ID, status: 'PRIMARY', td: tdArn(8), rollout: 'IN_PROGRESS' },
            { id: NEW_ID, status: 'ACTIVE', td: NEW, rollout: 'IN_PROGRESS', running: 1 },
          ],
        }),
      )
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'x');
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('superseded');
    expect(result.rollback).toBeUndefined();
    expect(result.message).toContain(`was superseded by deployment ${RB_ID} of web:8, which this step did not start`);
    expect(result.message).toContain(
      `This step did not roll back: deployment ${RB_ID} of web:8 replaced deployment ${NEW_ID}, and rolling back would undo it.`,
    );
  });

  it('does not roll back a deployment someone else replaced', async () => {
    const other = tdArn(8);
    const script = started(new EcsScript())
      .expect(
        'DescribeServices',
        describeAnswer({ deployments: [{ id: RB_ID, status: 'PRIMARY', td: other, rollout: 'IN_PROGRESS' }] }),
      )
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'x');
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('superseded');
    expect(result.message).toContain(`was superseded by deployment ${RB_ID} of web:8, which this step did not start`);
  });
});

describe('deploy: API errors are never "not stable yet"', () => {
  it('rides out a throttling storm with bounded backoff and still succeeds', async () => {
    const script = started(new EcsScript())
      .fail('DescribeServices', 'ThrottlingException', 'Rate exceeded', 400, 3)
      .fail('DescribeServices', 'ServerException', 'internal error', 500)
      .expect(
        'DescribeServices',
        describeAnswer({ deployments: [{ id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'COMPLETED', running: 3 }] }),
      );
    const deps = testDeps();
    const sleeps: number[] = [];
    const result = await deploy(inputs(), {
      ...deps,
      sleep: async (ms) => {
        sleeps.push(ms);
        await deps.clock.sleep(ms);
      },
    });
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('succeeded');
    expect(deps.log.warnings).toHaveLength(4);
    expect(deps.log.warnings[0]).toContain('ecs:DescribeServices failed with ThrottlingException (transient, 1/6)');
    // The first check reads the UpdateService answer; then backoff doubles from the poll interval.
    expect(sleeps.filter((ms) => ms > 0)).toEqual([5000, 10_000, 20_000, 40_000, 60_000]);
  });

  it('gives up after too many transient errors in a row, with the error named', async () => {
    const script = started(new EcsScript()).fail('DescribeServices', 'ThrottlingException', 'Rate exceeded', 400, 7);
    const result = await deploy(inputs({ timeoutMs: 3_600_000 }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('failed');
    expect(result.message).toContain('ecs:DescribeServices kept failing with ThrottlingException');
    expect(result.message).toContain(`deployment ${NEW_ID} (ours, web:7) is still in progress`);
  });

  it('fails at once on access denied while waiting, naming the IAM action', async () => {
    const script = started(new EcsScript()).fail(
      'DescribeServices',
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized to perform: ecs:DescribeServices',
    );
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('failed');
    expect(result.message).toContain('ecs:DescribeServices was denied (AccessDeniedException)');
    expect(result.deploymentId).toBe(NEW_ID);
  });

  it.each([
    {
      name: 'access denied before anything changed',
      op: 'DescribeServices',
      code: 'AccessDeniedException',
      expected: 'ecs:DescribeServices was denied',
    },
    {
      name: 'expired credentials',
      op: 'DescribeServices',
      code: 'ExpiredTokenException',
      expected: 'AWS rejected the credentials on ecs:DescribeServices (ExpiredTokenException)',
    },
    {
      name: 'a 5xx outlasting the SDK retries',
      op: 'DescribeServices',
      code: 'ServerException',
      status: 500,
      expected: "ecs:DescribeServices failed with ServerException (denied or missing) after the AWS SDK's retries",
    },
    {
      name: 'missing cluster',
      op: 'DescribeServices',
      code: 'ClusterNotFoundException',
      expected: 'Cluster "prod" was not found in region us-east-1',
    },
  ])('throws on $name without changing anything', async ({ op, code, expected, status }) => {
    const script = new EcsScript().fail(op, code, 'denied or missing', status);
    await expect(deploy(inputs(), testDeps())).rejects.toThrow(expected);
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).toEqual(['DescribeServices']);
  });

  it('names iam:PassRole when registering is denied for it', async () => {
    new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail(
        'RegisterTaskDefinition',
        'AccessDeniedException',
        'User: x is not authorized to perform: iam:PassRole on resource: arn:aws:iam::1:role/ecsTaskExecutionRole',
      );
    await expect(deploy(inputs(), testDeps())).rejects.toThrow(/Allow iam:PassRole/);
  });

  it('names task-definition-arn, its value and the region when ECS does not know the revision', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail('DescribeTaskDefinition', 'ClientException', 'Unable to describe task definition.');
    const error = await deploy(inputs({ taskDefinition: { kind: 'arn', arn: 'web:99' } }), testDeps()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      'Input "task-definition-arn": "web:99" was not found in ECS in region us-east-1 (ecs:DescribeTaskDefinition: Unable to describe task definition.). Use the ARN or family:revision of a registered revision, e.g. the previous-task-definition-arn output of an earlier deploy, and check AWS_REGION.',
    );
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).toEqual(['DescribeServices', 'DescribeTaskDefinition']);
  });

  it.each([
    {
      name: 'an invalid task definition names the file and changes nothing',
      message: 'Invalid setting for container web: memory must be at least 6 MiB',
      expected:
        'Input "task-definition": ECS refused to register "task-definition.json" (ecs:RegisterTaskDefinition, ClientException): Invalid setting for container web: memory must be at least 6 MiB. Fix the task definition file',
    },
    {
      name: 'a missing iam:PassRole answered as ClientException is named as an access error',
      message:
        'User: arn:aws:sts::1:assumed-role/deploy/x is not authorized to perform: iam:PassRole on resource: arn:aws:iam::1:role/app',
      expected: 'Allow iam:PassRole (needed to register a task definition with a task or execution role)',
    },
  ])('RegisterTaskDefinition refused: $name', async ({ message, expected }) => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail('RegisterTaskDefinition', 'ClientException', message);
    const error = await deploy(inputs(), testDeps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(expected);
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).toEqual(['DescribeServices', 'RegisterTaskDefinition']);
  });

  it('names a missing service, its cluster and region', async () => {
    const script = new EcsScript().expect('DescribeServices', {
      services: [],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web', reason: 'MISSING' }],
    });
    await expect(deploy(inputs(), testDeps())).rejects.toThrow(
      'Service "web" was not found in cluster "prod" in region us-east-1 (DescribeServices: MISSING)',
    );
    expect(script.scope.isDone()).toBe(true);
  });

  it.each(['EXTERNAL'] as const)('rejects a %s service before changing anything', async (controller) => {
    const script = new EcsScript().expect('DescribeServices', describeAnswer({ ...steadyOld, controller }));
    await expect(deploy(inputs(), testDeps())).rejects.toThrow(
      `uses the ${controller} deployment controller, which ecs-deploy-wait does not support`,
    );
    expect(script.operations()).toEqual(['DescribeServices']);
  });
});

describe('deploy: unchanged and cancelled', () => {
  const describedOld = {
    taskDefinition: {
      ...rendered.request,
      taskDefinitionArn: OLD,
      revision: 6,
      status: 'ACTIVE',
      registeredAt: 1_759_000_000,
      compatibilities: ['EC2', 'FARGATE'],
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
      volumes: [],
      placementConstraints: [],
      containerDefinitions: (rendered.request.containerDefinitions ?? []).map((c) => ({
        ...c,
        cpu: 0,
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
        environment: [...(c.environment ?? [])].reverse(),
      })),
    },
  };

  it('registers nothing when the rendered definition equals the running one', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('DescribeTaskDefinition', describedOld);
    const result = await deploy(inputs({ skipUnchanged: true }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).toEqual(['DescribeServices', 'DescribeTaskDefinition']);
    expect(result).toMatchObject({
      status: 'unchanged',
      taskDefinitionArn: OLD,
      previousTaskDefinitionArn: OLD,
      deploymentId: OLD_ID,
    });
  });

  it.each([
    { name: 'the same value: unchanged', running: { mode: 'on' }, status: 'unchanged' },
    { name: 'another value: deployed', running: { mode: 'off' }, status: 'succeeded' },
  ])('compares a field newer than the SDK as AWS sent it ($name)', async ({ running, status }) => {
    const withNewer = {
      ...rendered,
      request: { ...rendered.request, futureTaskSetting: { mode: 'on' } },
    } as unknown as typeof rendered;
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('DescribeTaskDefinition', {
        taskDefinition: { ...describedOld.taskDefinition, futureTaskSetting: running },
      });
    if (status === 'succeeded') {
      script
        .expect('RegisterTaskDefinition', registerAnswer)
        .expect('UpdateService', updateAnswer(rolling(0)))
        .expect(
          'DescribeServices',
          describeAnswer({
            deployments: [{ id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'COMPLETED', running: 3 }],
          }),
        );
    }
    const result = await deploy(
      inputs({ skipUnchanged: true, taskDefinition: { kind: 'file', path: 'td.json', rendered: withNewer } }),
      testDeps(),
    );
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe(status);
  });

  it('when unchanged but the desired count differs, updates the service with the running revision only', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('DescribeTaskDefinition', describedOld)
      .expect('UpdateService', (body: Record<string, unknown>) => {
        expect(body).toEqual({
          cluster: 'prod',
          service: 'web',
          taskDefinition: OLD,
          desiredCount: 5,
          forceNewDeployment: false,
        });
        return updateAnswer({
          deployments: [{ id: OLD_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 5, desired: 5 }],
        });
      });
    const result = await deploy(inputs({ skipUnchanged: true, desiredCount: 5 }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).not.toContain('RegisterTaskDefinition');
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: OLD, deploymentId: OLD_ID });
  });

  it('deploys when the rendered definition differs', async () => {
    const changed = {
      taskDefinition: { ...describedOld.taskDefinition, containerDefinitions: [{ name: 'web', image: 'old:1' }] },
    };
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('DescribeTaskDefinition', changed)
      .expect('RegisterTaskDefinition', registerAnswer)
      .expect('UpdateService', updateAnswer(rolling(0)));
    const result = await deploy(inputs({ skipUnchanged: true, wait: false }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('succeeded');
  });

  it('on cancellation says which deployment is still in progress', async () => {
    const script = started(new EcsScript(), steadyOld, rolling(1));
    const cancel = new AbortController();
    const deps = testDeps();
    const result = await deploy(inputs(), {
      ...deps,
      signal: cancel.signal,
      sleep: async () => {
        cancel.abort();
        throw Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
      },
    });
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: undefined, cancelled: true, deploymentId: NEW_ID, taskDefinitionArn: NEW });
    expect(result.message).toContain(
      `Cancelled while waiting: deployment ${NEW_ID} (ours, web:7) is still in progress: IN_PROGRESS, 1/3 running`,
    );
  });
});

describe('deploy: hangs, cancels, races and lost answers', () => {
  const OTHER_ID = 'ecs-svc/4444444444444444444';
  const OTHER = tdArn(8);
  /** The family's latest revision as DescribeTaskDefinition shows it, with what ECS fills in. */
  const latestRevision = (arn: string, request: object) => ({
    taskDefinition: { ...request, taskDefinitionArn: arn, revision: Number(arn.split(':').pop()), status: 'ACTIVE' },
  });

  /** Short wrap-up budgets (real ms), so that a read that never answers costs a test little time. */
  const shortWrapUp = { decisionMs: 600, decisionReadMs: 250, reportMs: 600, reportReadMs: 250 };

  it('a DescribeServices that never answers ends the wait at the deadline as timed-out, with the last state seen', async () => {
    const script = started(new EcsScript(), steadyOld, rolling(1))
      // The wait's last read, then every fresh read of the rollback decision: none answers.
      .expect('DescribeServices', describeAnswer(rolling(1)), { delayMs: 60_000, times: 5 })
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'x');
    const result = await deploy(inputs({ timeoutMs: 1_000, pollIntervalMs: 250 }), testDeps({ wrapUp: shortWrapUp }));
    expect(result.status).toBe('timed-out');
    expect(result.message).toContain(
      `No rollback: this step could not confirm that deployment ${NEW_ID} is still the service's current one (ecs:DescribeServices did not answer within`,
    );
    expect(result.message).toContain(
      `Deployment ${NEW_ID} of web:7 did not complete within 1s (timeout) (ecs:DescribeServices did not answer within 1s): the last state seen was IN_PROGRESS, 1/3 running`,
    );
    expect(result).toMatchObject({ deploymentId: NEW_ID, finalState: 'IN_PROGRESS, 1/3 running, 0 pending, 0 failed' });
    nock.abortPendingRequests();
    expect(script.operations().filter((operation) => operation === 'UpdateService')).toHaveLength(1);
  });

  it('does not roll back when another deployment replaced ours since the last poll: superseded, naming it', async () => {
    const script = started(new EcsScript())
      .expect('DescribeServices', describeAnswer(rolling(0, {}, 3)))
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'x')
      // Another run updated the service while this one was reading the stopped tasks.
      .expect(
        'DescribeServices',
        describeAnswer({
          deployments: [
            { id: OTHER_ID, status: 'PRIMARY', td: OTHER, rollout: 'IN_PROGRESS', running: 1 },
            { id: NEW_ID, status: 'ACTIVE', td: NEW, rollout: 'IN_PROGRESS', failed: 3 },
          ],
        }),
      );
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations().filter((operation) => operation === 'UpdateService')).toHaveLength(1);
    expect(result.status).toBe('superseded');
    expect(result.rollback).toBeUndefined();
    expect(result.message).toContain('3 tasks of deployment ecs-svc/2222222222222222222 failed');
    expect(result.message).toContain(
      `This step did not roll back: deployment ${OTHER_ID} of web:8 replaced deployment ${NEW_ID}, and rolling back would undo it.`,
    );
  });

  it('with the breaker on, a newer deployment after ours left the list is superseded, not an ECS rollback', async () => {
    const breaker = { enable: true, rollback: true };
    const script = started(new EcsScript(), { ...steadyOld, breaker }, rolling(0, { breaker }))
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [
            {
              id: OTHER_ID,
              status: 'PRIMARY',
              td: OTHER,
              rollout: 'IN_PROGRESS',
              reason: `ECS deployment ${OTHER_ID} in progress.`,
            },
          ],
          events: [{ id: 'e5', at: 30, message: '(service web) has started 3 tasks: (task a) (task b) (task c).' }],
        }),
      )
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'x');
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('superseded');
    expect(result.rollback).toBeUndefined();
    expect(result.message).not.toContain('circuit breaker');
    expect(result.message).toContain(
      `was superseded by deployment ${OTHER_ID} of web:8, which this step did not start`,
    );
  });

  it('a circuit-breaker rollback that already completed is still told by its event', async () => {
    const breaker = { enable: true, rollback: true };
    const script = started(new EcsScript(), { ...steadyOld, breaker }, rolling(0, { breaker })).expect(
      'DescribeServices',
      describeAnswer({
        breaker,
        deployments: [{ id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
        events: [{ id: 'e6', at: 60, message: `(service web) rolling back to deployment ${OLD_ID}.` }],
      }),
    );
    script.expect('ListTasks', { taskArns: [] }).fail('ListServiceDeployments', 'UnknownOperationException', 'x');
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'rolled-back', rollback: { by: 'ecs', steady: true } });
  });

  it('a RegisterTaskDefinition whose answer was lost is not registered again: the family already has it', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail('RegisterTaskDefinition', 'ServerException', 'Service encountered an internal error.', 500)
      .expect('DescribeTaskDefinition', latestRevision(NEW, rendered.request))
      .expect('UpdateService', updateAnswer(rolling(0)));
    const deps = testDeps();
    const result = await deploy(inputs({ wait: false }), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(script.calls.find((c) => c.operation === 'DescribeTaskDefinition')?.body).toEqual({ taskDefinition: 'web' });
    expect(script.operations().filter((operation) => operation === 'RegisterTaskDefinition')).toHaveLength(1);
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: NEW });
    expect(deps.log.text()).toContain("web:7, the family's latest revision, is what this step registers");
  });

  it('registers again after a lost answer when the family has no such revision', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail('RegisterTaskDefinition', 'ServerException', 'Service encountered an internal error.', 500)
      .expect('DescribeTaskDefinition', latestRevision(OLD, { ...rendered.request, cpu: '512' }))
      .expect('RegisterTaskDefinition', registerAnswer)
      .expect('UpdateService', updateAnswer(rolling(0)));
    const result = await deploy(inputs({ wait: false }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: NEW });
  });

  it('a throttled RegisterTaskDefinition did not land: sent again after the backoff, without looking', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail('RegisterTaskDefinition', 'ThrottlingException', 'Rate exceeded')
      .expect('RegisterTaskDefinition', registerAnswer)
      .expect('UpdateService', updateAnswer(rolling(0)));
    const deps = testDeps();
    const result = await deploy(inputs({ wait: false }), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations()).not.toContain('DescribeTaskDefinition');
    expect(result).toMatchObject({ status: 'succeeded', taskDefinitionArn: NEW });
    expect(deps.log.text()).toContain('ecs:RegisterTaskDefinition attempt 1/5 was refused (ThrottlingException)');
  });

  it('an UpdateService whose answer was lost is not sent again when the service already runs our new deployment', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .fail('UpdateService', 'ServerException', 'Service encountered an internal error.', 500)
      .expect('DescribeServices', describeAnswer(rolling(0)));
    const deps = testDeps();
    const result = await deploy(inputs({ wait: false, forceNewDeployment: true }), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations().filter((operation) => operation === 'UpdateService')).toHaveLength(1);
    expect(result).toMatchObject({ status: 'succeeded', deploymentId: NEW_ID });
    expect(deps.log.text()).toContain('An earlier ecs:UpdateService attempt took effect (its answer was lost)');
  });

  it('an UpdateService whose answer was lost, its deployment already rolled back and gone: found as a service deployment, not sent again', async () => {
    const SD = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/ours';
    const REVISION = 'arn:aws:ecs:us-east-1:123456789012:service-revision/prod/web/7';
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .fail('UpdateService', 'ServerException', 'Service encountered an internal error.', 500)
      // ECS already failed our deployment and rolled it back: the service lists the old one only.
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('ListServiceDeployments', {
        serviceDeployments: [
          { serviceDeploymentArn: SD, targetServiceRevisionArn: REVISION, status: 'ROLLBACK_SUCCESSFUL' },
        ],
      })
      .expect('DescribeServiceRevisions', { serviceRevisions: [{ serviceRevisionArn: REVISION, taskDefinition: NEW }] })
      .expect('DescribeServiceDeployments', {
        serviceDeployments: [
          { serviceDeploymentArn: SD, status: 'ROLLBACK_SUCCESSFUL', statusReason: 'Circuit breaker tripped.' },
        ],
      });
    const deps = testDeps();
    const result = await deploy(inputs(), deps);
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations().filter((operation) => operation === 'UpdateService')).toHaveLength(1);
    expect(script.calls.find((c) => c.operation === 'ListServiceDeployments')?.body).not.toHaveProperty('status');
    expect(result).toMatchObject({ status: 'rolled-back', taskDefinitionArn: NEW });
    expect(result.message).toBe(
      `Deployment of web:7 (service deployment ${SD}), started by an UpdateService whose answer was lost, ended before this step could follow it: ROLLBACK_SUCCESSFUL (Circuit breaker tripped).`,
    );
  });

  it('an UpdateService whose answer was lost on a rolling service without ecs:ListServiceDeployments: the service list decides', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .fail('UpdateService', 'ServerException', 'Service encountered an internal error.', 500)
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail('ListServiceDeployments', 'AccessDeniedException', 'not authorized to perform: ecs:ListServiceDeployments')
      .expect('UpdateService', updateAnswer(rolling(0)));
    const result = await deploy(inputs({ wait: false }), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: 'succeeded', deploymentId: NEW_ID });
  });

  it('an UpdateService whose answer was lost is not sent again while looking fails: the step says it cannot tell', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .fail('UpdateService', 'ServerException', 'Service encountered an internal error.', 500)
      .fail('DescribeServices', 'AccessDeniedException', 'not authorized to perform: ecs:DescribeServices')
      // The step's last look, for its message.
      .expect('DescribeServices', describeAnswer(steadyOld))
      .fail('ListServiceDeployments', 'AccessDeniedException', 'not authorized to perform: ecs:ListServiceDeployments');
    const result = await deploy(inputs(), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(script.operations().filter((operation) => operation === 'UpdateService')).toHaveLength(1);
    expect(result.status).toBe('failed');
    expect(result.message).toContain(
      'ecs:UpdateService lost its answer, and whether it took effect could not be found out',
    );
    expect(result.message).toContain('it was not sent again');
    expect(result.message).toContain('the service was not updated: it still runs web:6');
  });

  it('an UpdateService denied after registering says what was registered and what the service still runs', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .fail(
        'UpdateService',
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/deploy/GitHubActions is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:us-east-1:123456789012:service/prod/web',
      );
    const error = await deploy(inputs(), testDeps()).catch((e: unknown) => e);
    expect(script.scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('ecs:UpdateService was denied (AccessDeniedException)');
    expect((error as Error).message).toContain(
      `Registered web:7 (${NEW}); the service was not updated: it still runs web:6.`,
    );
  });

  it('cancelled while UpdateService is in flight: one short describe says the service moved to our deployment', async () => {
    const cancel = new AbortController();
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .expect('UpdateService', updateAnswer(rolling(0)), { delayMs: 10_000 })
      .expect('DescribeServices', describeAnswer(rolling(0)));
    setTimeout(() => cancel.abort(), 200);
    const result = await deploy(inputs(), { ...testDeps(), signal: cancel.signal });
    nock.abortPendingRequests();
    expect(script.operations()).toEqual([
      'DescribeServices',
      'RegisterTaskDefinition',
      'UpdateService',
      'DescribeServices',
    ]);
    expect(result).toMatchObject({ status: undefined, cancelled: true, taskDefinitionArn: NEW, deploymentId: NEW_ID });
    expect(result.message).toBe(
      `Cancelled while updating the service: Registered web:7 (${NEW}); the service was updated to web:7: deployment ${NEW_ID} is IN_PROGRESS, 0/3 running, 0 pending, 0 failed, and ECS carries on with it.`,
    );
  });

  it('cancelled while its own rollback UpdateService is in flight: says the service moved to the rollback', async () => {
    const cancel = new AbortController();
    // The rollback decision comes before the failure report: the cancel lands before any report read.
    const script = started(new EcsScript())
      .expect('DescribeServices', describeAnswer(rolling(0, {}, 3)))
      .expect('DescribeServices', describeAnswer(rolling(0, {}, 3)))
      .expect('UpdateService', updateAnswer(steadyOld), { delayMs: 10_000 })
      .expect(
        'DescribeServices',
        describeAnswer({
          deployments: [
            { id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS' },
            { id: NEW_ID, status: 'ACTIVE', td: NEW, rollout: 'IN_PROGRESS', failed: 3 },
          ],
        }),
      );
    setTimeout(() => cancel.abort(), 200);
    const result = await deploy(inputs(), { ...testDeps(), signal: cancel.signal });
    nock.abortPendingRequests();
    expect(script.scope.isDone()).toBe(true);
    expect(result).toMatchObject({ status: undefined, cancelled: true, deploymentId: NEW_ID });
    expect(result.message).toContain(
      `Cancelled while rolling back to web:6: the service was updated to web:6: deployment ${RB_ID} is IN_PROGRESS, 0/3 running`,
    );
  });

  it('cancelled before any write says nothing was changed', async () => {
    const cancel = new AbortController();
    const script = new EcsScript().expect('DescribeServices', describeAnswer(steadyOld), { delayMs: 10_000 });
    setTimeout(() => cancel.abort(), 200);
    const error = await deploy(inputs(), { ...testDeps(), signal: cancel.signal }).catch((e: unknown) => e);
    nock.abortPendingRequests();
    expect(script.operations()).toEqual(['DescribeServices']);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe('Cancelled before anything was changed: nothing was registered or deployed.');
  });

  it('cancelled while RegisterTaskDefinition is in flight: says the revision landed and the service was not updated', async () => {
    const cancel = new AbortController();
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer, { delayMs: 10_000 })
      .expect('DescribeTaskDefinition', latestRevision(NEW, rendered.request));
    setTimeout(() => cancel.abort(), 200);
    const result = await deploy(inputs(), { ...testDeps(), signal: cancel.signal });
    nock.abortPendingRequests();
    expect(script.operations()).not.toContain('UpdateService');
    expect(result).toMatchObject({ status: undefined, cancelled: true, taskDefinitionArn: NEW });
    expect(result.message).toBe(
      `Cancelled while registering: web:7 was registered (${NEW}); the service was not updated: it still runs web:6.`,
    );
  });
});
