/**
 * End to end: the committed bundle (dist/index.js), run as the GitHub runner runs it, against the simulator's
 * ECS API over HTTP. timeScale 60 runs a one-minute rollout in about a second.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { type BundleRun, foreignCommands, HOSTILE_LINES, runBundle } from '@ecs-actions/core/testkit';
import { type Scenario, type Simulator, SPRING_BOOT_START_FAILURE, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { withImage } from './seed.js';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const OLD_IMAGE = `${REPO}:0.2548.1`;
const NEW_IMAGE = `${REPO}:0.2548.2`;

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Setup {
  scenario?: Scenario;
  breaker?: { enable: boolean; rollback: boolean };
  controller?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
  desiredCount?: number;
  seedService?: boolean;
  /** What the new image's containers write to CloudWatch Logs when they run. */
  logLines?: string[];
}

async function setUp(setup: Setup = {}): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  if (setup.seedService !== false) {
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: 'be',
      taskDefinition: withImage(OLD_IMAGE),
      desiredCount: setup.desiredCount ?? 2,
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: setup.breaker ?? { enable: false, rollback: false },
      },
      ...(setup.controller ? { deploymentController: { type: setup.controller } } : {}),
    });
  }
  if (setup.scenario) {
    sim.ecs.setImageScenario(NEW_IMAGE, setup.scenario, setup.logLines ? { logLines: setup.logLines } : {});
  }
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-e2e-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(NEW_IMAGE), null, 2));
  return { sim, workspace };
}

function run(
  s: { sim: Simulator; workspace: string },
  inputs: Record<string, string> = {},
  extra: {
    signal?: { name: NodeJS.Signals; afterMs: number };
    timeoutMs?: number;
    onSpawn?: (pid: number) => void;
  } = {},
): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'be',
      'poll-interval': '250ms',
      timeout: '30s',
      ...inputs,
    },
    timeoutMs: 50_000,
    ...extra,
  });
}

/** Waits (real time) until the action has made `operation` call. */
async function callMade(s: { sim: Simulator }, operation: string): Promise<void> {
  const started = Date.now();
  while (s.sim.callsOf(operation).length === 0 && Date.now() - started < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Another run (or someone by hand): registers the same task definition with a third image and deploys it. */
async function anotherRunDeploys(s: { sim: Simulator }): Promise<void> {
  const ecs = new ECSClient({
    region: s.sim.env.AWS_REGION,
    endpoint: s.sim.env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: s.sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: s.sim.env.AWS_SECRET_ACCESS_KEY },
  });
  try {
    const registered = await ecs.send(new RegisterTaskDefinitionCommand(withImage(`${REPO}:0.2548.3`) as never));
    await ecs.send(
      new UpdateServiceCommand({
        cluster: 'prod',
        service: 'be',
        taskDefinition: registered.taskDefinition?.taskDefinitionArn,
      }),
    );
  } finally {
    ecs.destroy();
  }
}

const serviceTaskDefinition = (s: { sim: Simulator }) =>
  (s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition;

const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;

describe('ecs-deploy-wait bundle against the simulator', () => {
  it('deploys and reports success when the new deployment completes', async () => {
    const s = await setUp();
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      'task-definition-arn': ARN(2),
      'previous-task-definition-arn': ARN(1),
      status: 'succeeded',
    });
    expect(result.outputs['deployment-id']).toMatch(/^ecs-svc\/\d+$/);
    expect(Number(result.outputs['duration-seconds'])).toBeGreaterThanOrEqual(0);
    const service = s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string };
    expect(service.taskDefinition).toBe(ARN(2));
    expect(result.log).toContain('has reached a steady state');
    expect(result.log).toMatch(/PRIMARY \(ours\) ecs_be_prod:2: COMPLETED, 2\/2 running/);
    expect(result.summary).toContain('`0.2548.2`');
    expect(result.summary).toContain('`ecs_be_prod:2`');
    expect(result.summary).toContain(
      'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/be/deployments?region=us-east-1',
    );
    expect(s.sim.iamActions()).toEqual(
      expect.arrayContaining([
        'ecs:DescribeServices',
        'ecs:RegisterTaskDefinition',
        'ecs:UpdateService',
        'iam:PassRole',
      ]),
    );
  });

  it('a task definition ECS refuses fails once, naming the file, with the service untouched', async () => {
    const s = await setUp();
    await writeFile(
      path.join(s.workspace, 'task-definition.json'),
      JSON.stringify({ ...withImage(NEW_IMAGE), notATaskDefinitionField: 'x' }),
    );
    const result = await run(s);
    expect(result.exitCode).not.toBe(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(
      'Input "task-definition": ECS refused to register "task-definition.json" (ecs:RegisterTaskDefinition, ClientException): Unknown parameter in input: "notATaskDefinitionField"',
    );
    expect(s.sim.callsOf('UpdateService')).toEqual([]);
    expect((s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition).toBe(ARN(1));
  });

  it('reports a circuit-breaker rollback by ECS and fails the step', async () => {
    const s = await setUp({
      scenario: { kind: 'crash-on-start', exitCode: 3 },
      breaker: { enable: true, rollback: true },
    });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain("ECS's deployment circuit breaker rolled it back");
    expect(result.errors[0]).toContain(`ECS rolled back to ${ARN(1)}`);
    expect(result.log).toContain('exit code 3');
    expect(s.sim.callsOf('UpdateService')).toHaveLength(1);
    expect((s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition).toBe(ARN(1));
  });

  it('without a breaker, stops at the failure threshold, shows exit codes and rolls back itself', async () => {
    const s = await setUp({ scenario: { kind: 'crash-on-start', exitCode: 137 } });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.errors[0]).toContain('failed (the threshold is 3');
    expect(result.errors[0]).toContain(`Rolled back to ${ARN(1)}`);
    expect(result.log).toMatch(/container ecs_be_prod_container: exit code 137/);
    expect(result.summary).toContain('#### Stopped tasks');
    expect(result.summary).toContain('exit 137');
    // By service revision: one StopServiceDeployment ROLLBACK on our service deployment, no second UpdateService.
    expect(result.errors[0]).toContain('the previous service revision, its settings included');
    expect(result.outputs['rollback-method']).toBe('service-revision');
    expect(s.sim.callsOf('UpdateService')).toHaveLength(1);
    expect(s.sim.callsOf('StopServiceDeployment').map((call) => call.params)).toEqual([
      { serviceDeploymentArn: expect.stringMatching(/:service-deployment\/prod\/be\//), stopType: 'ROLLBACK' },
    ]);
    expect(result.summary).toContain('by this step (by service-revision) to');
    expect((s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition).toBe(ARN(1));
  });

  describe("the app's last log lines (CloudWatch Logs)", () => {
    const SPRING_CRASH = [...SPRING_BOOT_START_FAILURE];

    it('a crash-looping deploy shows what the app logged last, in the log and the summary', async () => {
      const s = await setUp({
        scenario: { kind: 'crash-on-start', exitCode: 1 },
        breaker: { enable: true, rollback: true },
        logLines: SPRING_CRASH,
      });
      const result = await run(s);
      expect(result.exitCode).toBe(1);
      expect(result.outputs.status).toBe('rolled-back');
      expect(result.errors).toHaveLength(1);
      expect(result.log).toMatch(
        /last 14 log lines of container ecs_be_prod_container \(\/ecs\/ecs_be_prod ecs\/ecs_be_prod_container\/[0-9a-f]{32}\):/,
      );
      expect(result.log).toContain('    | APPLICATION FAILED TO START');
      expect(result.summary).toContain('#### Last log lines');
      expect(result.summary).toContain(`\`\`\`text\n${SPRING_CRASH.join('\n')}\n\`\`\``);
      const gets = s.sim.callsOf('GetLogEvents');
      expect(gets.length).toBeGreaterThan(0);
      expect(gets.every((call) => call.status === 200)).toBe(true);
      expect(s.sim.iamActions()).toContain('logs:GetLogEvents');
    });

    it('log lines carrying workflow commands in both forms never reach the runner as commands', async () => {
      const s = await setUp({
        scenario: { kind: 'crash-on-start', exitCode: 1 },
        breaker: { enable: true, rollback: true },
        logLines: [...HOSTILE_LINES],
      });
      const result = await run(s);
      expect(result.exitCode).toBe(1);
      expect(foreignCommands(result.log)).toEqual([]);
      expect(result.log).toContain('    | GET /##[add-mask]hostile-2 HTTP/1.1');
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toContain("ECS's deployment circuit breaker rolled it back");
      expect(result.outputs.status).toBe('rolled-back');
    });

    it('with logs:GetLogEvents denied, one line names it and the step ends as it would have', async () => {
      const s = await setUp({
        scenario: { kind: 'crash-on-start', exitCode: 1 },
        breaker: { enable: true, rollback: true },
        logLines: SPRING_CRASH,
      });
      s.sim.faults.inject({ api: 'logs', kind: 'access-denied', count: Number.POSITIVE_INFINITY });
      const result = await run(s);
      expect(result.exitCode).toBe(1);
      expect(result.outputs.status).toBe('rolled-back');
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toContain("ECS's deployment circuit breaker rolled it back");
      expect(result.errors[0]).not.toContain('logs:');
      const denied =
        "logs:GetLogEvents was denied on log group /ecs/ecs_be_prod (ap-northeast-2): the task's log lines are not shown";
      expect(result.log.split('\n').filter((line) => line.includes('logs:GetLogEvents'))).toEqual([`  ${denied}`]);
      expect(result.log).not.toContain('APPLICATION FAILED TO START');
      expect(result.warnings.join('\n')).not.toContain('GetLogEvents');
      expect(result.summary).toContain(denied);
      expect(s.sim.callsOf('GetLogEvents')).toHaveLength(1);
      expect(serviceTaskDefinition(s)).toBe(ARN(1));
    });
  });

  it('shows an image pull failure', async () => {
    const s = await setUp({ scenario: 'image-pull-failure', breaker: { enable: true, rollback: true } });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain('CannotPullContainerError');
    expect(result.log).toContain('TaskFailedToStart');
    expect(result.summary).toContain('CannotPullContainerError');
  });

  it('times out and reports timed-out when rollback is off', async () => {
    const s = await setUp({ scenario: 'never-stable' });
    const result = await run(s, { timeout: '3s', rollback: 'false' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('timed-out');
    expect(result.errors[0]).toContain('did not complete within 3s (timeout)');
    expect(result.errors[0]).toContain('No rollback was done (rollback: false).');
  });

  it("tasks that crash after RUNNING never trip ECS's breaker: the step times out and rolls back itself", async () => {
    // The circuit breaker counts tasks that fail to start (stage 1) and, once a task ran, tasks stopped for
    // failed health checks (stage 2); a task that starts and then exits counts in neither, so ECS keeps
    // replacing tasks and the deployment stays IN_PROGRESS. Only the step's own timeout ends it.
    const s = await setUp({
      scenario: { kind: 'crash-after-running', afterSeconds: 20, exitCode: 2 },
      breaker: { enable: true, rollback: true },
    });
    const result = await run(s, { timeout: '4s' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/Deployment ecs-svc\/\d+ of ecs_be_prod:2 did not complete within 4s \(timeout\)/);
    expect(result.errors[0]).not.toContain('circuit breaker rolled it back');
    expect(result.errors[0]).toContain(`Rolled back to ${ARN(1)}`);
    // The README's status table: a deployment that timed out and that this step rolled back to steady state
    // is `rolled-back` (`timed-out` is for a timeout that no rollback repaired).
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.log).toContain('exit code 2');
    // One UpdateService for our deployment, one StopServiceDeployment ROLLBACK for the step's rollback.
    const updates = s.sim.callsOf('UpdateService');
    expect(updates.map((call) => (call.params as { taskDefinition: string }).taskDefinition)).toEqual([ARN(2)]);
    expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(1);
    expect(result.outputs['rollback-method']).toBe('service-revision');
    const service = s.sim.ecs.describeService('prod', 'be') as {
      taskDefinition: string;
      runningCount: number;
      deployments: { taskDefinition: string; rolloutState: string; runningCount: number; failedTasks: number }[];
      events: { message: string }[];
    };
    expect(service.taskDefinition).toBe(ARN(1));
    expect(service.runningCount).toBe(2);
    expect(service.deployments).toEqual([
      expect.objectContaining({ taskDefinition: ARN(1), rolloutState: 'COMPLETED', runningCount: 2, failedTasks: 0 }),
    ]);
    expect(service.events.map((event) => event.message)).not.toContainEqual(
      expect.stringContaining('deployment failed'),
    );
  });

  it('rides out a throttling storm during the wait', async () => {
    const s = await setUp({ scenario: { kind: 'slow-start', startSeconds: 120 } });
    const running = run(s, { 'poll-interval': '500ms', timeout: '80s' }, { timeoutMs: 85_000 });
    // Once the service is updated, throttle the next 7 DescribeServices calls: the SDK's 6 attempts of one poll
    // (adaptive retries, 0.5 s throttling backoff base), then one more after the action's own backoff.
    const started = Date.now();
    while (s.sim.callsOf('UpdateService').length === 0 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    s.sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'throttle', count: 7 });
    const result = await running;
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('succeeded');
    expect(result.warnings.some((w) => w.includes('ecs:DescribeServices failed with ThrottlingException'))).toBe(true);
    expect(s.sim.callsOf('DescribeServices').filter((c) => c.error === 'ThrottlingException')).toHaveLength(7);
  }, 90_000);

  it('fails at once on access denied, naming the IAM action, without changing anything', async () => {
    const s = await setUp();
    s.sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'access-denied', count: Infinity });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('ecs:DescribeServices was denied (AccessDeniedException)');
    expect(s.sim.callsOf('DescribeServices')).toHaveLength(1);
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('fails at once when the credentials expire during the wait, leaving the deployment to ECS', async () => {
    const s = await setUp({ scenario: { kind: 'slow-start', startSeconds: 600 } });
    const running = run(s, { timeout: '5m' });
    const started = Date.now();
    while (s.sim.callsOf('UpdateService').length === 0 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    s.sim.faults.inject({ api: 'ecs', kind: 'expired-token', count: Infinity });
    const result = await running;
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.outputs['deployment-id']).toMatch(/^ecs-svc\//);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('AWS rejected the credentials on ecs:DescribeServices (ExpiredTokenException)');
    expect(result.errors[0]).toMatch(
      /When it stopped, deployment ecs-svc\/\d+ \(ours, ecs_be_prod:2\) is still in progress/,
    );
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('names a missing service, cluster and region', async () => {
    const s = await setUp({ seedService: false });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('Service "be" was not found in cluster "prod" in region us-east-1');
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
  });

  it('reports unchanged and registers nothing with skip-unchanged', async () => {
    const s = await setUp();
    await writeFile(path.join(s.workspace, 'task-definition.json'), JSON.stringify(withImage(OLD_IMAGE)));
    const result = await run(s, { 'skip-unchanged': 'true' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'unchanged', 'task-definition-arn': ARN(1) });
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(s.sim.callsOf('UpdateService')).toHaveLength(0);
  });

  it('rejects an EXTERNAL service before changing anything (CODE_DEPLOY: codedeploy.e2e.test.ts)', async () => {
    const s = await setUp({ controller: 'EXTERNAL' });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('uses the EXTERNAL deployment controller');
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
  });

  it('a DescribeServices that never answers ends the step at the timeout (plus one poll and the rollback decision), timed out, outputs and summary written', async () => {
    const s = await setUp({ scenario: { kind: 'slow-start', startSeconds: 600 } });
    const running = run(s, { timeout: '5s' });
    await callMade(s, 'UpdateService');
    s.sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'hang', count: Infinity });
    const result = await running;
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /Deployment ecs-svc\/\d+ of ecs_be_prod:2 did not complete within 5s \(timeout\) \(ecs:DescribeServices did not answer within [\d.ms]+\): the last state seen was IN_PROGRESS/,
    );
    // The rollback decision read again, within its own budget (10 s: two reads of 5 s), and names the call.
    expect(result.errors[0]).toMatch(
      /No rollback: this step could not confirm that deployment ecs-svc\/\d+ is still the service's current one \(ecs:DescribeServices did not answer within [\dms]+\)/,
    );
    expect(result.outputs).toMatchObject({ status: 'timed-out', 'task-definition-arn': ARN(2) });
    expect(result.outputs['deployment-id']).toMatch(/^ecs-svc\//);
    expect(result.summary).toContain('TIMED OUT');
    // 5 s of timeout, one poll and the decision's 10 s (plus the process's start and the report); once it ran for minutes.
    expect(result.durationMs).toBeLessThan(20_000);
    expect(serviceTaskDefinition(s)).toBe(ARN(2));
  }, 40_000);

  it.each([
    ['ListTasks', 'ecs', '6 s late', { kind: 'latency', latencyMs: 6_000 }, 'the stopped tasks (ecs:ListTasks'],
    ['ListTasks', 'ecs', 'hung', { kind: 'hang' }, 'the stopped tasks (ecs:ListTasks'],
    [
      'GetLogEvents',
      'logs',
      'hung',
      { kind: 'hang' },
      'the app log lines of log group /ecs/ecs_be_prod (logs:GetLogEvents',
    ],
  ] as const)(
    'a failure report read (%s, %s %s) past its budget never skips the rollback; the report names what it is missing',
    async (operation, api, _how, fault, missing) => {
      const s = await setUp({
        scenario: { kind: 'crash-on-start', exitCode: 1 },
        logLines: [...SPRING_BOOT_START_FAILURE],
      });
      s.sim.faults.inject({ api, operation, ...fault, count: Number.POSITIVE_INFINITY });
      const result = await run(s);
      expect(result.exitCode).toBe(1);
      expect(result.outputs.status).toBe('rolled-back');
      expect(result.errors[0]).toContain(`Rolled back to ${ARN(1)}`);
      // Within its 5 s share, or what was left of the report's budget when a loaded machine started it late.
      const escaped = missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(result.stdout).toMatch(
        new RegExp(
          `The failure report above is incomplete: ${escaped} did not answer within (5s|[0-4]s\\d*ms|\\d+ms)\\)`,
        ),
      );
      // Ground truth: the rollback was asked before the report, and the service runs the previous revision again.
      expect(result.stdout.indexOf('Rolling back service deployment')).toBeGreaterThan(-1);
      expect(result.stdout.indexOf('Rolling back service deployment')).toBeLessThan(
        result.stdout.indexOf('Stopped tasks of'),
      );
      expect(
        s.sim.callsOf('UpdateService').map((call) => (call.params as { taskDefinition: string }).taskDefinition),
      ).toEqual([ARN(2)]);
      expect(s.sim.callsOf('StopServiceDeployment')).toHaveLength(1);
      const primary = (
        s.sim.ecs.describeService('prod', 'be') as {
          deployments: { status: string; taskDefinition: string; rolloutState: string }[];
        }
      ).deployments.find((d) => d.status === 'PRIMARY');
      expect(primary).toMatchObject({ taskDefinition: ARN(1), rolloutState: 'COMPLETED' });
    },
    60_000,
  );

  it('on SIGINT while UpdateService is in flight says the service moved to our deployment', async () => {
    const s = await setUp({ scenario: 'never-stable' });
    s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', kind: 'hang', applied: true });
    let pid: number | undefined;
    const running = run(s, { timeout: '1m' }, { onSpawn: (spawned) => (pid = spawned) });
    await callMade(s, 'UpdateService');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The SIGINT the runner sends on cancel, while UpdateService has landed but not answered.
    if (pid !== undefined) process.kill(pid, 'SIGINT');
    const done = await running;
    expect(done.exitCode).toBe(1);
    expect(done.errors).toHaveLength(1);
    expect(done.errors[0]).toMatch(
      /^Cancelled while updating the service: Registered ecs_be_prod:2 \(.*\); the service was updated to ecs_be_prod:2: deployment ecs-svc\/\d+ is IN_PROGRESS/,
    );
    expect(done.outputs['deployment-id']).toMatch(/^ecs-svc\//);
    expect(serviceTaskDefinition(s)).toBe(ARN(2));
  });

  it('a RegisterTaskDefinition whose answer was lost registers one revision, not a new one per retry', async () => {
    const s = await setUp();
    s.sim.faults.inject({ api: 'ecs', operation: 'RegisterTaskDefinition', kind: 'lost-answer' });
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': ARN(2) });
    expect(s.sim.callsOf('RegisterTaskDefinition').map((call) => call.error)).toEqual(['answer lost']);
    expect(s.sim.callsOf('DescribeTaskDefinition').at(-1)?.params).toEqual({ taskDefinition: 'ecs_be_prod' });
    expect(serviceTaskDefinition(s)).toBe(ARN(2));
  });

  it('a forced UpdateService whose answer was lost starts one deployment, not one per retry', async () => {
    const s = await setUp();
    s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', kind: 'lost-answer' });
    const result = await run(s, { 'force-new-deployment': 'true' });
    expect(result.errors).toEqual([]);
    expect(result.outputs.status).toBe('succeeded');
    expect(s.sim.callsOf('UpdateService').map((call) => call.error)).toEqual(['answer lost']);
    const service = s.sim.ecs.describeService('prod', 'be') as { deployments: { id: string }[] };
    expect(service.deployments.map((d) => d.id)).toEqual([result.outputs['deployment-id']]);
  });

  it('an UpdateService denied after registering says what was registered and what the service still runs', async () => {
    const s = await setUp();
    s.sim.faults.inject({ api: 'ecs', operation: 'UpdateService', kind: 'access-denied' });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('ecs:UpdateService was denied (AccessDeniedException)');
    expect(result.errors[0]).toContain(
      `Registered ecs_be_prod:2 (${ARN(2)}); the service was not updated: it still runs ecs_be_prod:1.`,
    );
    expect(serviceTaskDefinition(s)).toBe(ARN(1));
  });

  it("does not roll back over another run's newer deployment: superseded, naming it", async () => {
    const s = await setUp({ scenario: { kind: 'crash-on-start', exitCode: 3 } });
    const failedTasks = () =>
      (s.sim.ecs.describeService('prod', 'be') as { deployments: { failedTasks: number }[] }).deployments[0]
        ?.failedTasks ?? 0;
    // Hold the step's first DescribeServices made once ours has reached the failure threshold (the poll that sees
    // the failure, or the rollback decision's fresh read: the answer is made after the hold), so that another run's
    // deployment lands before the step would roll back. The predicate is read as the call arrives: no race with
    // the step's own polling.
    s.sim.faults.inject({
      api: 'ecs',
      operation: 'DescribeServices',
      kind: 'latency',
      latencyMs: 2_000,
      when: () => failedTasks() >= 3,
    });
    const running = run(s);
    const started = Date.now();
    while (failedTasks() < 3 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await anotherRunDeploys(s);
    const result = await running;
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('superseded');
    expect(result.errors[0]).toMatch(
      /This step did not roll back: deployment ecs-svc\/\d+ of ecs_be_prod:3 replaced deployment ecs-svc\/\d+/,
    );
    expect(
      s.sim.callsOf('UpdateService').map((call) => (call.params as { taskDefinition: string }).taskDefinition),
    ).toEqual([ARN(2), ARN(3)]);
    expect(serviceTaskDefinition(s)).toBe(ARN(3));
  });

  it('with the breaker on, a deployment replaced by another run is superseded, not an ECS rollback', async () => {
    const s = await setUp({
      scenario: { kind: 'slow-start', startSeconds: 120 },
      breaker: { enable: true, rollback: true },
    });
    const running = run(s);
    await callMade(s, 'UpdateService');
    // The step's next poll comes back only after the other deployment has drained ours from the list.
    s.sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'latency', latencyMs: 3_000 });
    await anotherRunDeploys(s);
    const result = await running;
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('superseded');
    expect(result.errors[0]).not.toContain('circuit breaker');
    expect(result.errors[0]).toMatch(/was superseded by deployment ecs-svc\/\d+ of ecs_be_prod:3/);
    expect(serviceTaskDefinition(s)).toBe(ARN(3));
  });

  it('on SIGINT says which deployment is still in progress and exits non-zero', async () => {
    const s = await setUp({ scenario: 'never-stable' });
    // preflight off: the signal must land in the wait, whatever the preflight's reads take on a busy machine.
    const result = await run(s, { timeout: '1m', preflight: 'off' }, { signal: { name: 'SIGINT', afterMs: 2500 } });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toMatch(
      /Cancelled while waiting: deployment ecs-svc\/\d+ \(ours, ecs_be_prod:2\) is still in progress/,
    );
    expect(result.outputs['deployment-id']).toMatch(/^ecs-svc\//);
    expect(result.outputs.status).toBeUndefined();
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('preflight: fail stops before any change, with one error listing the findings', async () => {
    const s = await setUp();
    const result = await run(s, { preflight: 'fail' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^Preflight found \d+ problems? with service be \(preflight: fail\); nothing was registered or deployed/,
    );
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(s.sim.callsOf('UpdateService')).toHaveLength(0);
    expect(serviceTaskDefinition(s)).toBe(ARN(1));
  });

  describe('with the input names of aws-actions/amazon-ecs-deploy-task-definition', () => {
    // What the runner passes for the inputs the step leaves out: action.yml's defaults.
    const runnerDefaults = { wait: 'true', timeout: '30m', 'poll-interval': '250ms' };

    it('reads wait-for-service-stability: false as wait: false, with no warning', async () => {
      const s = await setUp();
      const result = await run(s, { ...runnerDefaults, 'wait-for-service-stability': 'false' });
      expect(result.errors).toEqual([]);
      // No warning about the input name (the preflight's findings about the test service are warnings too).
      expect(result.warnings.filter((warning) => !warning.startsWith('Preflight:'))).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({ 'task-definition-arn': ARN(2), status: 'succeeded' });
      expect(result.log).toContain('started; not waiting for it (wait: false).');
      expect(result.log).not.toContain('has reached a steady state');
    });

    it('reads wait-for-minutes as the timeout and waits to the end', async () => {
      const s = await setUp();
      const result = await run(s, { ...runnerDefaults, 'wait-for-service-stability': 'true', 'wait-for-minutes': '5' });
      expect(result.errors).toEqual([]);
      expect(result.outputs).toMatchObject({ 'task-definition-arn': ARN(2), status: 'succeeded' });
      expect(result.log).toContain('has reached a steady state');
    });

    it('refuses wait-for-minutes next to another timeout before any AWS call, showing the new form', async () => {
      const s = await setUp();
      const result = await run(s, { timeout: '10m', 'wait-for-minutes': '20' });
      expect(result.exitCode).toBe(1);
      expect(result.errors).toEqual([
        'Inputs "wait-for-minutes" ("20") and "timeout" ("10m") are both set, to different values. "wait-for-minutes" is the stock action\'s name for "timeout": set only timeout: 20m.',
      ]);
      expect(s.sim.calls).toEqual([]);
    });

    it('refuses run-task kept from the stock action before any AWS call, naming ecs-run-task and migration-command', async () => {
      const s = await setUp();
      const result = await run(s, {
        'run-task': 'true',
        'run-task-container-overrides': '[{"name":"app","command":["migrate"]}]',
      });
      expect(result.exitCode).toBe(1);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(
        /^Input "run-task" \("true"\) of aws-actions\/amazon-ecs-deploy-task-definition is not supported/,
      );
      expect(result.errors[0]).toContain('ecs-run-task');
      expect(result.errors[0]).toContain('migration-command');
      expect(s.sim.calls).toEqual([]);
    });
  });
});
