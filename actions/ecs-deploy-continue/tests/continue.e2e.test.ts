/**
 * End to end: ecs-deploy-wait's bundle ends paused (on-pause: return), then ecs-deploy-continue's committed bundle
 * continues it or rolls it back, against the simulator (timeScale 60); and its refusals, each changing nothing.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { documentedActions } from '../../../packages/pipeline-runner/tests/documented-policy.js';
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

const blueGreen = (stages: string[]) => ({
  strategy: 'BLUE_GREEN',
  bakeTimeInMinutes: 1,
  lifecycleHooks: [pauseHook(stages)],
});

/** Deploys with on-pause: return; the paused step's outputs. */
async function pausedDeploy(w: PauseWorld): Promise<Record<string, string>> {
  const paused = await runWait(w, { 'on-pause': 'return' });
  expect(paused.outputs.status).toBe('paused');
  return paused.outputs;
}

describe('ecs-deploy-continue', () => {
  it.each([
    ['BLUE_GREEN', blueGreen(['POST_TEST_TRAFFIC_SHIFT'])],
    ['ROLLING', { lifecycleHooks: [pauseHook(['POST_SCALE_UP'])] }],
  ])('%s: continue by ARN and hook id follows it to the end', async (_s, configuration) => {
    world = await pauseWorld(configuration);
    const paused = await pausedDeploy(world);
    const result = await runContinue(world, {
      'service-deployment-arn': paused['service-deployment-arn'] ?? '',
      'hook-id': paused['pause-hook-id'] ?? '',
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      status: 'succeeded',
      'service-deployment-arn': paused['service-deployment-arn'],
      'task-definition-arn': ARN(2),
      'previous-task-definition-arn': ARN(1),
    });
    expect(result.log).toContain('continuing it (ContinueServiceDeployment CONTINUE)');
    expect(result.summary).toContain('deployed');
    // The rollout timeline, as ecs-deploy-wait draws it, from the continue on.
    expect(result.summary).toContain('#### Rollout timeline');
    // Labels are written as Mermaid entity codes (#35;): read back as text.
    const drawn = result.summary.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    expect(drawn).toMatch(/```mermaid\ngantt[\s\S]*Continue the paused deployment[\s\S]*Roll out/);
    expect(taskDefinitionNow(world)).toBe(ARN(2));
    // Every ECS call of both steps is in docs/setup.md's policies (the pause hooks statement included).
    const called = new Set(world.sim.calls.filter((c) => c.api === 'ecs').map((c) => `ecs:${c.operation}`));
    expect([...called].filter((action) => !documentedActions().includes(action))).toEqual([]);
    expect(called).toContain('ecs:ContinueServiceDeployment');
  });

  it('by cluster and service, it finds the paused deployment; a second pause ends it paused again', async () => {
    world = await pauseWorld(blueGreen(['POST_TEST_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT']));
    const paused = await pausedDeploy(world);
    const result = await runContinue(world);
    expect(result.errors).toEqual([]);
    expect(result.outputs.status).toBe('paused');
    expect(result.outputs['pause-stage']).toBe('POST_PRODUCTION_TRAFFIC_SHIFT');
    expect(result.outputs['pause-hook-id']).not.toBe(paused['pause-hook-id']);
    const last = await runContinue(world, { 'hook-id': result.outputs['pause-hook-id'] ?? '' });
    expect(last.outputs.status).toBe('succeeded');
  });

  it.each([
    ['BLUE_GREEN', blueGreen(['POST_TEST_TRAFFIC_SHIFT'])],
    ['ROLLING', { lifecycleHooks: [pauseHook(['POST_SCALE_UP'])] }],
  ])('%s: action rollback returns to the previous revision; the step succeeds as asked', async (_s, configuration) => {
    world = await pauseWorld(configuration);
    await pausedDeploy(world);
    const result = await runContinue(world, { action: 'rollback' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.log).toContain('rolling it back (ContinueServiceDeployment ROLLBACK)');
    expect(taskDefinitionNow(world)).toBe(ARN(1));
    expect(world.sim.callsOf('StopServiceDeployment')).toHaveLength(0);
  });

  it('refuses a hook that is not AWAITING_ACTION, a deployment not IN_PROGRESS, a service with none paused', async () => {
    world = await pauseWorld(blueGreen(['POST_TEST_TRAFFIC_SHIFT']));
    const paused = await pausedDeploy(world);
    const arn = paused['service-deployment-arn'] ?? '';
    const hookId = paused['pause-hook-id'] ?? '';
    expect(
      (await runContinue(world, { 'service-deployment-arn': arn, 'hook-id': hookId, wait: 'false' })).exitCode,
    ).toBe(0);
    const calls = world.sim.callsOf('ContinueServiceDeployment').length;

    const again = await runContinue(world, { 'service-deployment-arn': arn, 'hook-id': hookId });
    expect(again.exitCode).toBe(1);
    expect(again.errors).toEqual([
      `Lifecycle hook ${hookId} of service deployment ${arn} is SUCCEEDED, not AWAITING_ACTION: someone has acted on it, or it expired. Nothing was changed.`,
    ]);
    const none = await runContinue(world);
    expect(none.errors[0]).toContain('No service deployment of service "be" in cluster "prod" is paused');

    // Let it finish, then ask again: not IN_PROGRESS.
    for (let i = 0; i < 100 && (await serviceDeploymentNow(world, arn)).status === 'IN_PROGRESS'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ended = await runContinue(world, { 'service-deployment-arn': arn });
    expect(ended.errors).toEqual([
      `Service deployment ${arn} is SUCCESSFUL, not IN_PROGRESS: only a deployment in progress can be continued or rolled back. Nothing was changed.`,
    ]);
    expect(world.sim.callsOf('ContinueServiceDeployment')).toHaveLength(calls);
  });

  it('a bad input fails before any AWS call, naming it', async () => {
    world = await pauseWorld(blueGreen(['POST_TEST_TRAFFIC_SHIFT']));
    const bad = await runContinue(world, { action: 'approve' });
    expect(bad.errors).toEqual(['Input "action" must be one of continue, rollback; got "approve".']);
    const arn = await runContinue(world, { 'service-deployment-arn': 'sd-123' });
    expect(arn.errors[0]).toContain('Input "service-deployment-arn"');
    expect(world.sim.callsOf('DescribeServiceDeployments')).toHaveLength(0);
  });
});
