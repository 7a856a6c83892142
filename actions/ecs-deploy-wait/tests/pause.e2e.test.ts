/**
 * End to end: the committed bundle on deployments that pause at PAUSE lifecycle hooks (issue 26), every on-pause
 * mode, against the simulator (timeScale 60).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  ARN,
  type PauseWorld,
  pauseHook,
  pauseWorld,
  runWait,
  serviceDeploymentNow,
  taskDefinitionNow,
} from './pause-fixture.js';

let world: PauseWorld | undefined;
afterEach(async () => {
  await world?.sim.close();
  world = undefined;
});

const blueGreen = (hooks: unknown[], bakeTimeInMinutes = 1) => ({
  strategy: 'BLUE_GREEN',
  bakeTimeInMinutes,
  lifecycleHooks: hooks,
});

describe('ecs-deploy-wait on-pause', () => {
  it.each([
    [
      'BLUE_GREEN',
      blueGreen([pauseHook(['POST_TEST_TRAFFIC_SHIFT'], { timeoutInMinutes: 120 })], 60),
      'POST_TEST_TRAFFIC_SHIFT',
    ],
    [
      'LINEAR',
      {
        strategy: 'LINEAR',
        bakeTimeInMinutes: 60,
        linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 30 },
        lifecycleHooks: [pauseHook(['POST_TEST_TRAFFIC_SHIFT'], { timeoutInMinutes: 120 })],
      },
      'POST_TEST_TRAFFIC_SHIFT',
    ],
    [
      'CANARY',
      {
        strategy: 'CANARY',
        bakeTimeInMinutes: 60,
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 30 },
        lifecycleHooks: [pauseHook(['POST_TEST_TRAFFIC_SHIFT'], { timeoutInMinutes: 120 })],
      },
      'POST_TEST_TRAFFIC_SHIFT',
    ],
    ['ROLLING', { lifecycleHooks: [pauseHook(['POST_SCALE_UP'], { timeoutInMinutes: 120 })] }, 'POST_SCALE_UP'],
  ])(
    '%s, return: the step ends paused with the hook, stage, expiry and timeout action as outputs',
    async (_s, configuration, stage) => {
      world = await pauseWorld(configuration);
      // A timeout far shorter than the bake times: the step only waits up to the pause.
      const result = await runWait(world, { 'on-pause': 'return', timeout: '10m' });
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({
        status: 'paused',
        'pause-stage': stage,
        'pause-timeout-action': 'ROLLBACK',
      });
      expect(result.outputs['pause-hook-id']).toMatch(/^ecs-pause-/);
      expect(Date.parse(result.outputs['pause-expires-at'] ?? '')).toBeGreaterThan(0);
      const arn = result.outputs['service-deployment-arn'] ?? '';
      expect(result.log).toContain(
        `service deployment ${arn} paused at stage ${stage} (lifecycle hook ${result.outputs['pause-hook-id']} AWAITING_ACTION, until`,
      );
      expect(result.notices[0]).toContain('The step ends here (on-pause: return)');
      expect(result.summary).toContain('PAUSED at a lifecycle hook');
      // Nothing continued, nothing stopped: it is still paused.
      const now = await serviceDeploymentNow(world, arn);
      expect(now.status).toBe('IN_PROGRESS');
      expect(now.lifecycleHookDetails?.find((h) => h.hookId === result.outputs['pause-hook-id'])?.status).toBe(
        'AWAITING_ACTION',
      );
      expect(world.sim.callsOf('ContinueServiceDeployment')).toHaveLength(0);
      expect(world.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
    },
  );

  it('continue: continues each pause at once (two in one deployment) and follows it to SUCCESSFUL', async () => {
    world = await pauseWorld(blueGreen([pauseHook(['POST_TEST_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'])]));
    const result = await runWait(world, { 'on-pause': 'continue' });
    expect(result.errors).toEqual([]);
    expect(result.outputs.status).toBe('succeeded');
    expect(result.log).toContain('paused at stage POST_TEST_TRAFFIC_SHIFT');
    expect(result.log).toContain('paused at stage POST_PRODUCTION_TRAFFIC_SHIFT');
    expect(world.sim.callsOf('ContinueServiceDeployment').map((c) => (c.params as { action: string }).action)).toEqual([
      'CONTINUE',
      'CONTINUE',
    ]);
    expect(taskDefinitionNow(world)).toBe(ARN(2));
  });

  it('wait: out of time while paused, it does not roll back; ECS keeps the pause and its timeout action', async () => {
    world = await pauseWorld(blueGreen([pauseHook(['POST_TEST_TRAFFIC_SHIFT'], { timeoutInMinutes: 600 })], 0));
    // The step's timeout is real time: 8 s are 8 simulated minutes, enough to reach the pause.
    const result = await runWait(world, { 'on-pause': 'wait', timeout: '8s' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('timed-out');
    expect(result.warnings.join('\n')).toContain("on-pause: wait: the service's pauses may last up to 10h");
    expect(result.errors[0]).toContain('No rollback: the deployment is paused at stage POST_TEST_TRAFFIC_SHIFT');
    expect(result.errors[0]).toContain('then ECS will ROLLBACK');
    expect(world.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
    expect(world.sim.callsOf('ContinueServiceDeployment')).toHaveLength(0);
    const arn = (world.sim.ecs.describeService('prod', 'be') as { currentServiceDeployment: string })
      .currentServiceDeployment;
    expect((await serviceDeploymentNow(world, arn)).lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
  });

  it.each([
    ['ROLLBACK', 'rolled-back', 1, 1],
    ['CONTINUE', 'succeeded', 2, 0],
  ])('wait: a pause that expires with action %s is reported as ECS took it', async (action, status, revision, exit) => {
    world = await pauseWorld(blueGreen([pauseHook(['POST_TEST_TRAFFIC_SHIFT'], { timeoutInMinutes: 2, action })]));
    const result = await runWait(world, { 'on-pause': 'wait' });
    expect(result.exitCode).toBe(exit);
    expect(result.outputs.status).toBe(status);
    expect(result.log).toContain(': TIMED_OUT');
    if (action === 'ROLLBACK') {
      expect(result.errors[0]).toMatch(
        /lifecycle hook ecs-pause-\w+ timed out at stage POST_TEST_TRAFFIC_SHIFT \(timeout action ROLLBACK\)/,
      );
      expect(world.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
    }
    expect(taskDefinitionNow(world)).toBe(ARN(revision));
  });

  it("rolling, wait: a pause that expires with ROLLBACK is ECS's rollback, not a supersession", async () => {
    world = await pauseWorld({ lifecycleHooks: [pauseHook(['POST_SCALE_UP'], { timeoutInMinutes: 2 })] });
    const result = await runWait(world, { 'on-pause': 'wait' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.errors[0]).toMatch(
      /failed and ECS rolled it back \(Service deployment rolled back because lifecycle hook ecs-pause-\w+ timed out at stage POST_SCALE_UP/,
    );
    expect(taskDefinitionNow(world)).toBe(ARN(1));
  });

  it('cancelled while paused: nothing is continued or rolled back', async () => {
    world = await pauseWorld(blueGreen([pauseHook(['POST_SCALE_UP'])]));
    const result = await runWait(
      world,
      { 'on-pause': 'wait', timeout: '1h' },
      { signal: { name: 'SIGINT', afterMs: 4000 } },
    );
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain('paused at stage POST_SCALE_UP');
    expect(result.errors[0]).toContain('Cancelled while waiting');
    expect(world.sim.callsOf('ContinueServiceDeployment')).toHaveLength(0);
    expect(world.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
    const arn = (world.sim.ecs.describeService('prod', 'be') as { currentServiceDeployment: string })
      .currentServiceDeployment;
    const now = await serviceDeploymentNow(world, arn);
    expect(now.lifecycleHookDetails?.map((h) => h.status)).toEqual(['AWAITING_ACTION']);
  });
});
