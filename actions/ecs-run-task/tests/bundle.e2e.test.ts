/**
 * End to end: the committed bundle (dist/index.js), run as the GitHub runner runs it, against the simulator's
 * ECS API over HTTP. timeScale 60: a task that runs for a simulated minute takes about a second.
 */
import { ECSClient, RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type Scenario, type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;

const taskDefinition = (family: string): RegisterTaskDefinitionCommandInput => ({
  family,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    { name: 'app', image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${family}:1`, essential: true },
  ],
});

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A cluster `prod` with a service `be` (awsvpc) and a task definition `job:1` that does what `scenario` says. */
async function setUp(scenario?: Scenario): Promise<Simulator> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: { ...taskDefinition('be') },
    desiredCount: 1,
  });
  const ecs = new ECSClient({
    region: sim.env.AWS_REGION,
    endpoint: sim.env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
  });
  try {
    await ecs.send(new RegisterTaskDefinitionCommand(taskDefinition('job')));
  } finally {
    ecs.destroy();
  }
  if (scenario) sim.ecs.setTaskDefinitionScenario('job', scenario);
  return sim;
}

/** Sends SIGTERM to the bundle, as a cancelled job does, once it follows a started task (DescribeTasks). */
function cancelWhileFollowing(s: Simulator): (pid: number) => void {
  return (pid) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (s.callsOf('DescribeTasks').length > 0 || Date.now() - started > 20_000) {
        clearInterval(timer);
        process.kill(pid, 'SIGTERM');
      }
    }, 20);
  };
}

function run(s: Simulator, inputs: Record<string, string> = {}, onSpawn?: (pid: number) => void): Promise<BundleRun> {
  return runBundle({
    bundle,
    env: s.env,
    inputs: {
      'task-definition-arn': 'job:1',
      cluster: 'prod',
      service: 'be',
      'poll-interval': '250ms',
      timeout: '30s',
      ...inputs,
    },
    timeoutMs: 50_000,
    ...(onSpawn ? { onSpawn } : {}),
  });
}

describe('ecs-run-task bundle', () => {
  it('runs a task that exits 0: status changes, exit code, outputs and summary', async () => {
    const s = await setUp({ kind: 'exit', exitCode: 0, afterSeconds: 30 });
    const result = await run(s, { 'container-name': 'app', command: '["npm", "run", "migrate"]' });
    expect(result.exitCode).toBe(0);
    expect(result.errors).toEqual([]);
    const arns = JSON.parse(result.outputs['task-arns'] ?? '[]') as string[];
    expect(arns).toHaveLength(1);
    expect(result.outputs).toMatchObject({ status: 'succeeded', 'exit-code': '0' });
    const id = arns[0]?.split('/').pop();
    expect(result.stdout).toContain(`task ${id}: PENDING → RUNNING`);
    expect(result.stdout).toMatch(new RegExp(`task ${id}: (RUNNING|DEPROVISIONING) → STOPPED`));
    expect(result.stdout).toContain(`task ${id}: container app exit code 0`);
    expect(result.summary).toContain('### ECS run task: succeeded');
    const runCall = s.callsOf('RunTask')[0];
    expect(runCall?.params).toMatchObject({
      cluster: 'prod',
      startedBy: 'ecs-actions',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } },
      overrides: { containerOverrides: [{ name: 'app', command: ['npm', 'run', 'migrate'] }] },
    });
    expect(s.callsOf('StopTask')).toEqual([]);
  });

  it('fails the step when the essential container exits non-zero, showing the exit code', async () => {
    const s = await setUp({ kind: 'exit', exitCode: 3, afterSeconds: 10 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'exit-code': '3' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(
      '(EssentialContainerExited: Essential container in task exited): container app exited 3',
    );
    expect(result.stdout).toContain('container app exit code 3');
  });

  it('fails with one clear error when RunTask cannot place the task', async () => {
    const s = await setUp();
    s.ecs.setRunTaskFailure('job', 'RESOURCE:MEMORY');
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'task-arns': '[]' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /could not start 1 of 1 tasks: RESOURCE:MEMORY \(arn:aws:ecs:us-east-1:123456789012:container-instance\/prod\/[0-9a-f]+\): no container instance has the memory/,
    );
    expect(s.callsOf('DescribeTasks')).toEqual([]);
  });

  it('stops the task (StopTask) and says so when the job is cancelled', async () => {
    const s = await setUp();
    const result = await run(s, {}, cancelWhileFollowing(s));
    expect(s.callsOf('RunTask')).toHaveLength(1);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Received SIGTERM: stopping the task(s).');
    expect(result.stdout).toMatch(
      /Stopped task [0-9a-f]+ \(StopTask\): ecs-run-task: the GitHub Actions job was cancelled/,
    );
    expect(s.callsOf('StopTask')).toHaveLength(1);
    expect(result.outputs.status).toBe('cancelled');
    expect(result.errors[0]).toContain('The job was cancelled; stopped');
  });

  it('stops the task (StopTask) when the timeout passes', async () => {
    const s = await setUp();
    const result = await run(s, { timeout: '2s' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('timed-out');
    expect(s.callsOf('StopTask').map((call) => (call.params as { reason?: string }).reason)).toEqual([
      'ecs-run-task: timed out after 2s',
    ]);
    expect(result.errors[0]).toContain('did not stop within the timeout (2s)');
  });
});
