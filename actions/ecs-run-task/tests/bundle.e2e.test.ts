/**
 * End to end: the committed bundle (dist/index.js), run as the GitHub runner runs it, against the simulator's
 * ECS API over HTTP. timeScale 60: a task that runs for a simulated minute takes about a second.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import { type BundleRun, foreignCommands, HOSTILE_LINES, runBundle } from '@ecs-actions/core/testkit';
import { type Scenario, type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;

const taskDefinition = (family: string): RegisterTaskDefinitionCommandInput => ({
  family,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'app',
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${family}:1`,
      essential: true,
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': `/ecs/${family}`, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
      },
    },
  ],
});

const MIGRATION_CRASH = [
  'Flyway Community Edition 10.20.1 by Redgate',
  'Database: jdbc:postgresql://db:5432/app (PostgreSQL 16.4)',
  'Migrating schema "public" to version "42 - add orders index"',
  'ERROR: Migration V42__add_orders_index.sql failed',
  'SQL State  : 42P07',
  'Message    : ERROR: relation "orders_created_at_idx" already exists',
];

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A cluster `prod` with a service `be` (awsvpc) and a task definition `job:1` that does what `scenario` says. */
async function setUp(scenario?: Scenario, logLines?: string[]): Promise<Simulator> {
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
  if (scenario) sim.ecs.setTaskDefinitionScenario('job', scenario, logLines ? { logLines } : {});
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

function run(
  s: Simulator,
  inputs: Record<string, string> = {},
  onSpawn?: (pid: number) => void,
  workspace?: string,
): Promise<BundleRun> {
  return runBundle({
    bundle,
    env: s.env,
    ...(workspace ? { workspace } : {}),
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
  it('verify: a missing secret stops the step before anything is registered or run; without verify the task fails to start', async () => {
    const s = await setUp();
    // The world of the task: its role (allowed everything), log group and image exist; its secret does not.
    s.iam.createRole({
      name: 'ecsTaskExecutionRole',
      policies: { all: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
    });
    s.logs.createLogGroup('/ecs/job');
    s.ecr.seedImage({ repositoryName: 'job', tags: ['1'] });
    s.taskStart.enable();
    const workspace = mkdtempSync(join(tmpdir(), 'run-task-verify-'));
    const base = taskDefinition('job');
    const withSecret = {
      ...base,
      containerDefinitions: (base.containerDefinitions ?? []).map((c) => ({
        ...c,
        secrets: [{ name: 'DB_PASSWORD', valueFrom: '/job/db-password' }],
      })),
    };
    writeFileSync(join(workspace, 'job.json'), JSON.stringify(withSecret));
    const inputs = { 'task-definition-arn': '', 'task-definition': 'job.json' };
    const registered = s.callsOf('RegisterTaskDefinition').length;

    const verified = await run(s, { ...inputs, verify: 'fail' }, undefined, workspace);
    expect(verified.exitCode).toBe(1);
    expect(verified.errors).toEqual([
      expect.stringContaining('secret DB_PASSWORD (container app): SSM parameter /job/db-password does not exist'),
    ]);
    expect(s.callsOf('RegisterTaskDefinition')).toHaveLength(registered);
    expect(s.callsOf('RunTask')).toEqual([]);

    const unverified = await run(s, { ...inputs, verify: 'off' }, undefined, workspace);
    expect(unverified.outputs.status).toBe('failed');
    expect(unverified.errors.join('\n')).toContain(
      'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm',
    );
  });

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

  it('registers a task definition file, runs that revision and outputs its ARN', async () => {
    const s = await setUp({ kind: 'exit', exitCode: 0, afterSeconds: 10 });
    const dir = mkdtempSync(join(tmpdir(), 'run-task-e2e-'));
    writeFileSync(join(dir, 'job.json'), JSON.stringify(taskDefinition('job')));
    const result = await run(s, { 'task-definition-arn': '', 'task-definition': 'job.json' }, undefined, dir);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const arn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/job:2';
    expect(result.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': arn });
    // job:1 by the set-up, job:2 by the step.
    expect(s.callsOf('RegisterTaskDefinition')).toHaveLength(2);
    expect(s.callsOf('RunTask')[0]?.params).toMatchObject({ taskDefinition: arn });
    expect(result.stdout).toContain(`Registered job:2 (${arn})`);
  });

  it("prints the containers' log lines as they come, and a failed task's last lines again with its exit code", async () => {
    const s = await setUp({ kind: 'exit', exitCode: 1, afterSeconds: 10 }, MIGRATION_CRASH);
    const result = await run(s, { 'container-name': 'app', command: '["flyway", "migrate"]' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'exit-code': '1' });
    for (const line of MIGRATION_CRASH) expect(result.stdout).toContain(`[app] ${line}`);
    const id = (JSON.parse(result.outputs['task-arns'] ?? '[]') as string[])[0]?.split('/').pop();
    expect(result.stdout).toContain(
      `  last ${MIGRATION_CRASH.length} log lines of container app (/ecs/job ecs/app/${id}):`,
    );
    expect(result.stdout).toContain('    | Message    : ERROR: relation "orders_created_at_idx" already exists');
    expect(result.summary).toContain('#### Last log lines');
    expect(result.summary).toContain('Message    : ERROR: relation "orders_created_at_idx" already exists');
    expect(result.errors[0]).toContain('container app exited 1');
    expect(s.callsOf('GetLogEvents').length).toBeGreaterThan(0);
  });

  it('log lines carrying workflow commands in both forms never reach the runner as commands (tail and report)', async () => {
    const s = await setUp({ kind: 'exit', exitCode: 1, afterSeconds: 10 }, [...HOSTILE_LINES]);
    const result = await run(s, { 'container-name': 'app', command: '["migrate"]' });
    expect(result.exitCode).toBe(1);
    expect(foreignCommands(result.log)).toEqual([]);
    // Both print sites showed the lines as text: the live tail and the failure report.
    expect(result.stdout).toContain('[app] GET /##[add-mask]hostile-2 HTTP/1.1');
    expect(result.stdout).toContain('    | ##[stop-commands]hostile-9');
    // The step's own error still reaches the runner after the last hostile line.
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('container app exited 1');
    expect(result.outputs.status).toBe('failed');
  });

  it('a stopped reason carrying workflow commands reaches the error annotation as escaped text', async () => {
    const s = await setUp({ kind: 'exit', exitCode: 0, afterSeconds: 600 });
    const reason = `${HOSTILE_LINES[2]}\n${HOSTILE_LINES[0]}\n${HOSTILE_LINES[10]}`;
    const stopper = new ECSClient({
      region: s.env.AWS_REGION,
      endpoint: s.env.AWS_ENDPOINT_URL_ECS,
      credentials: { accessKeyId: s.env.AWS_ACCESS_KEY_ID, secretAccessKey: s.env.AWS_SECRET_ACCESS_KEY },
    });
    const stopWhileFollowing = async () => {
      while (s.callsOf('DescribeTasks').length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const listed = await stopper.send(new ListTasksCommand({ cluster: 'prod', family: 'job' }));
      const arn = listed.taskArns?.[0];
      await stopper.send(new StopTaskCommand({ cluster: 'prod', task: arn, reason }));
    };
    const [result] = await Promise.all([run(s), stopWhileFollowing()]).finally(() => stopper.destroy());
    expect(result.exitCode).toBe(1);
    expect(foreignCommands(result.log)).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(reason);
  });

  it('with logs:GetLogEvents denied, one line names it and the run ends as it would have', async () => {
    const s = await setUp({ kind: 'exit', exitCode: 0, afterSeconds: 10 });
    s.faults.inject({ api: 'logs', kind: 'access-denied', count: Number.POSITIVE_INFINITY });
    const result = await run(s);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('succeeded');
    expect(result.stdout.split('\n').filter((line) => line.includes('logs:GetLogEvents'))).toEqual([
      "logs:GetLogEvents was denied on log group /ecs/job (us-east-1): the task's log lines are not shown",
    ]);
  });
});
