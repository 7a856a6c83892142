/**
 * End to end: the committed bundle (dist/index.js), run as the GitHub runner runs it, against the simulator's ECS
 * API on a service with a native staged strategy (BLUE_GREEN, LINEAR, CANARY). timeScale 60: a simulated minute
 * of bake time is a real second.
 */
import { describe, expect, it } from '@jest/globals';
import { ARN, HOOK, ourServiceDeployment, ROLE, run, setUp, taskDefinitionNow } from './staged-fixture.js';

describe('ecs-deploy-wait bundle on native staged strategies', () => {
  it.each([
    ['BLUE_GREEN', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }, ['100% production']],
    [
      'LINEAR',
      { strategy: 'LINEAR', bakeTimeInMinutes: 1, linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } },
      ['50% production', '100% production'],
    ],
    [
      'CANARY',
      {
        strategy: 'CANARY',
        bakeTimeInMinutes: 1,
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 },
      },
      ['10% production', '100% production'],
    ],
  ])('%s: follows every stage to SUCCESSFUL', async (strategy, configuration, weights) => {
    const s = await setUp(configuration);
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': ARN(2) });
    // Polled every 250 ms (15 simulated seconds): the stages of a few seconds may pass between two polls.
    for (const stage of ['SCALE_UP', 'BAKE_TIME', 'CLEAN_UP']) {
      expect(result.log).toMatch(new RegExp(`service deployment \\(ours\\) IN_PROGRESS at stage ${stage} \\(since `));
    }
    for (const weight of weights) expect(result.log).toContain(`new revision 2/2 running, ${weight}`);
    expect(result.log).toContain(`for ${strategy} service deployment ${ourServiceDeployment(s)}`);
    expect(result.log).toMatch(new RegExp(`Deployment ecs-svc/\\d+ of ecs_be_prod:2 \\(${strategy}\\) completed`));
    expect(taskDefinitionNow(s)).toBe(ARN(2));
    // Followed with DescribeServiceDeployments; nothing stopped, nothing redeployed.
    expect(s.sim.callsOf('DescribeServiceDeployments').length).toBeGreaterThan(5);
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
    expect(s.sim.callsOf('UpdateService')).toHaveLength(1);
  });

  it('fails on a lifecycle hook: ECS rolls back, the step explains it with the hook and the stopped tasks', async () => {
    const s = await setUp({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [{ hookTargetArn: HOOK, roleArn: ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
    });
    s.sim.ecs.setLifecycleHookResult(HOOK, 'FAILED');
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.log).toContain(`lifecycle hook ${HOOK}: IN_PROGRESS`);
    expect(result.log).toContain(`lifecycle hook ${HOOK}: FAILED`);
    expect(result.errors[0]).toContain(
      `failed at stage POST_TEST_TRAFFIC_SHIFT and ECS rolled it back (ROLLBACK_SUCCESSFUL): Service deployment rolled back because lifecycle hook ${HOOK} returned FAILED at stage POST_TEST_TRAFFIC_SHIFT.`,
    );
    expect(result.errors[0]).toContain('ECS rolled back to ecs_be_prod:1 (ROLLBACK_SUCCESSFUL).');
    expect(result.log).toMatch(/Stopped tasks of deployment ecs-svc\/\d+ \(2\)/);
    expect(taskDefinitionNow(s)).toBe(ARN(1));
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
  });

  it('rolled back by an alarm during the bake time', async () => {
    const s = await setUp({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 5,
      alarms: { alarmNames: ['be-5xx'], enable: true, rollback: true },
    });
    s.sim.ecs.setAlarmTrip('be-5xx', { stage: 'BAKE_TIME', afterSeconds: 60 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.log).toContain('alarms MONITORING (be-5xx)');
    expect(result.log).toContain('alarms TRIGGERED (be-5xx): in ALARM be-5xx');
    expect(result.errors[0]).toContain(
      'failed at stage BAKE_TIME and ECS rolled it back (ROLLBACK_SUCCESSFUL): Service deployment rolled back because CloudWatch alarm be-5xx went into ALARM state.',
    );
    expect(taskDefinitionNow(s)).toBe(ARN(1));
  });

  it('cancelled during the bake time: the step stops waiting and ECS carries on with its deployment', async () => {
    const s = await setUp({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 });
    const result = await run(s, { timeout: '1h' }, { signal: { name: 'SIGINT', afterMs: 5000 } });
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(/at stage BAKE_TIME/);
    expect(result.errors[0]).toMatch(/Cancelled while waiting: deployment ecs-svc\/\d+ \(ours, ecs_be_prod:2\)/);
    expect(result.errors[0]).toContain(
      `ECS carries on with it; follow it in the console: https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/be/deployments?region=us-east-1 To roll it back: aws ecs stop-service-deployment --service-deployment-arn ${ourServiceDeployment(s)} --stop-type ROLLBACK`,
    );
    expect(result.outputs.status).toBeUndefined();
    // ECS's deployment goes on baking: not stopped, not rolled back.
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
    const service = s.sim.ecs.describeService('prod', 'be') as { deployments: { status: string }[] };
    expect(service.deployments.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
  });

  it('refuses a timeout shorter than the bake time before anything changes', async () => {
    const s = await setUp({ strategy: 'CANARY', bakeTimeInMinutes: 30 });
    const result = await run(s, { timeout: '20m' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      'timeout 20m is not longer than the least time service "be"\'s CANARY deployment takes: 40m (canary bake time 10m + bake time 30m), before its tasks even start. Nothing was changed. Set timeout to more than 40m, e.g. 55m, or shorten the service\'s bake times.',
    ]);
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(s.sim.callsOf('UpdateService')).toHaveLength(0);
  });

  it('times out and rolls back through ECS (StopServiceDeployment ROLLBACK), following the rollback to the end', async () => {
    // The step's timeout is real time; the simulator's 20 simulated minutes of start-up are 20 real seconds.
    const s = await setUp({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 }, { kind: 'slow-start', startSeconds: 1200 });
    const result = await run(s, { timeout: '3s' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.errors[0]).toMatch(
      /did not finish within 3s \(timeout\): the last state seen was IN_PROGRESS at stage SCALE_UP/,
    );
    expect(result.errors[0]).toContain(
      'Rolled back to ecs_be_prod:1 through ECS (StopServiceDeployment ROLLBACK): ROLLBACK_SUCCESSFUL.',
    );
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(1);
    expect(s.sim.callsOf('UpdateService')).toHaveLength(1);
    expect(taskDefinitionNow(s)).toBe(ARN(1));
  });

  it('ECS rolls back and runs the traffic-shift hooks again: the wait follows them, the failure names where it failed', async () => {
    const shift = `${HOOK}-shift`;
    const s = await setUp({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [
        { hookTargetArn: shift, roleArn: ROLE, lifecycleStages: ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'] },
        { hookTargetArn: HOOK, roleArn: ROLE, lifecycleStages: ['POST_PRODUCTION_TRAFFIC_SHIFT'] },
      ],
    });
    s.sim.ecs.setLifecycleHookResult(HOOK, 'FAILED');
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    // Each invocation is its own line: twice forward, twice again while ECS rolled back.
    expect(result.log.match(new RegExp(`lifecycle hook ${shift}: SUCCEEDED`, 'g'))).toHaveLength(4);
    expect(result.log).toMatch(
      /service deployment \(ours\) ROLLBACK_IN_PROGRESS at stage (PRODUCTION|TEST)_TRAFFIC_SHIFT/,
    );
    // Where it failed, not the stage the rollback ended at.
    expect(result.errors[0]).toContain(
      `failed at stage POST_PRODUCTION_TRAFFIC_SHIFT and ECS rolled it back (ROLLBACK_SUCCESSFUL): Service deployment rolled back because lifecycle hook ${HOOK} returned FAILED at stage POST_PRODUCTION_TRAFFIC_SHIFT.`,
    );
    expect(taskDefinitionNow(s)).toBe(ARN(1));
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
  });

  it("a hook that fails during ECS's own rollback: ROLLBACK_FAILED, said with the hook, status failed", async () => {
    const shift = `${HOOK}-production-shift`;
    const s = await setUp({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [
        { hookTargetArn: HOOK, roleArn: ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] },
        { hookTargetArn: shift, roleArn: ROLE, lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] },
      ],
    });
    s.sim.ecs.setLifecycleHookResult(HOOK, 'FAILED');
    s.sim.ecs.setLifecycleHookResult(shift, 'FAILED');
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.log).toContain(`lifecycle hook ${shift}: FAILED`);
    expect(result.errors[0]).toContain(
      `failed at stage POST_TEST_TRAFFIC_SHIFT and ECS rolled it back (ROLLBACK_FAILED): Service deployment rolled back because lifecycle hook ${HOOK} returned FAILED at stage POST_TEST_TRAFFIC_SHIFT. The rollback failed: lifecycle hook ${shift} returned FAILED at stage PRODUCTION_TRAFFIC_SHIFT during the rollback.`,
    );
    expect(result.errors[0]).toContain(
      'ECS tried to roll back to ecs_be_prod:1, and that failed too (ROLLBACK_FAILED).',
    );
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
  });

  it('timed out, our rollback (StopServiceDeployment): a re-run hook that fails is followed and named', async () => {
    const shift = `${HOOK}-production-shift-on-rollback`;
    const s = await setUp(
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 0,
        lifecycleHooks: [{ hookTargetArn: shift, roleArn: ROLE, lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }],
      },
      { kind: 'slow-start', startSeconds: 1200 },
    );
    s.sim.ecs.setLifecycleHookResult(shift, 'FAILED');
    const result = await run(s, { timeout: '3s' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('timed-out');
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(1);
    expect(result.log).toContain(`lifecycle hook ${shift}: FAILED`);
    expect(result.errors[0]).toContain(
      `The rollback through ECS (StopServiceDeployment ROLLBACK) did not succeed: ROLLBACK_FAILED at stage PRODUCTION_TRAFFIC_SHIFT`,
    );
    expect(result.errors[0]).toContain(
      `The rollback failed: lifecycle hook ${shift} returned FAILED at stage PRODUCTION_TRAFFIC_SHIFT during the rollback.`,
    );
  });
});
