/**
 * Attacks on ecs-deploy-continue (the committed bundles against the simulator): values from another job carrying
 * workflow commands, a continue given after the pause expired (each timeout action), and the report it gives.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  ARN,
  type PauseWorld,
  pauseHook,
  pauseWorld,
  runContinue,
  runWait,
  serviceDeploymentNow,
  taskDefinitionNow,
} from '../../ecs-deploy-wait/tests/pause-fixture.js';

let world: PauseWorld | undefined;
afterEach(async () => {
  await world?.sim.close();
  world = undefined;
});

const rolling = (timeout?: { timeoutInMinutes: number; action: string }) => ({
  lifecycleHooks: [pauseHook(['POST_SCALE_UP'], timeout)],
});

describe('ecs-deploy-continue under attack', () => {
  it.each([
    ['a legacy command inside the hook id', 'x##[set-output name=status;]succeeded'],
    ['a new line and a workflow command', 'x\n::set-output name=status::succeeded'],
    ['a stop-commands token', '::stop-commands::abc'],
  ])('a hook id with %s: one error, nothing continued, no command reaches the runner', async (_what, hookId) => {
    world = await pauseWorld(rolling());
    const paused = await runWait(world, { 'on-pause': 'return' });
    expect(paused.outputs.status).toBe('paused');
    const result = await runContinue(world, {
      'service-deployment-arn': paused.outputs['service-deployment-arn'] ?? '',
      'hook-id': hookId,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(
      result.commands
        .map((c) => c.command)
        .filter((c) => c !== 'error' && c !== 'debug' && c !== 'group' && c !== 'endgroup'),
    ).toEqual([]);
    expect(result.outputs.status ?? '').not.toBe('succeeded');
    expect(world.sim.callsOf('ContinueServiceDeployment')).toHaveLength(0);
  });

  it.each([
    ['CONTINUE', 'SUCCESSFUL', 'succeeded', 0, 2],
    ['ROLLBACK', 'ROLLBACK_SUCCESSFUL', 'rolled-back', 1, 1],
  ])(
    'approval given late, after the pause expired with %s: nothing is changed, the report says what ECS did (%s)',
    async (action, ended, status, exitCode, revision) => {
      world = await pauseWorld(rolling({ timeoutInMinutes: 1, action }));
      const paused = await runWait(world, { 'on-pause': 'return' });
      expect(paused.outputs.status).toBe('paused');
      const arn = paused.outputs['service-deployment-arn'] ?? '';
      const settled = ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED'];
      for (let i = 0; i < 300 && !settled.includes(String((await serviceDeploymentNow(world, arn)).status)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await serviceDeploymentNow(world, arn)).status).toBe(ended);
      const result = await runContinue(world, {
        'service-deployment-arn': arn,
        'hook-id': paused.outputs['pause-hook-id'] ?? '',
        action: 'continue',
        'on-pause': 'continue',
      });
      expect(world.sim.callsOf('ContinueServiceDeployment')).toHaveLength(0);
      expect(result.exitCode).toBe(exitCode);
      expect(result.outputs).toMatchObject({
        status,
        'service-deployment-arn': arn,
        'task-definition-arn': ARN(2),
        'previous-task-definition-arn': ARN(1),
      });
      const report = new RegExp(`expired before this step ran and ECS took its timeout action ${action}`);
      if (status === 'succeeded') {
        expect(result.errors).toEqual([]);
        expect(result.commands.find((c) => c.command === 'notice')?.message).toMatch(report);
        expect(result.commands.find((c) => c.command === 'notice')?.message).toMatch(
          /continued it at the pause's timeout/,
        );
      } else {
        expect(result.errors).toEqual([expect.stringMatching(report)]);
      }
      expect(taskDefinitionNow(world)).toBe(ARN(revision));
    },
  );

  it('a second deploy while the first is paused: continue by service acts on one paused deployment only, or refuses', async () => {
    world = await pauseWorld(rolling());
    const first = await runWait(world, { 'on-pause': 'return' });
    expect(first.outputs.status).toBe('paused');
    const second = await runWait(world, { 'on-pause': 'return', 'force-new-deployment': 'true' });
    const result = await runContinue(world, { 'on-pause': 'continue' });
    const continued = world.sim.callsOf('ContinueServiceDeployment');
    if (result.exitCode === 1 && /service deployments of service "be" are paused/.test(result.errors[0] ?? '')) {
      expect(continued).toHaveLength(0);
    } else {
      expect(continued.length).toBeLessThanOrEqual(1);
      expect(result.outputs['service-deployment-arn']).toBe(second.outputs['service-deployment-arn']);
    }
  });
});
