/**
 * The wrap-up after a deploy that did not succeed, against the simulator with injected faults (issue 23, item 1): the
 * rollback decision comes first within its own budget; a failure report read slowed past its budget (6 s, as in the
 * reproduction: longer than the whole wrap-up before the budgets were split) or hung only shortens the report, which
 * then names the read it is missing; a read that missed the wait's deadline never decides the rollback; a deployment
 * another run replaced is never rolled back. deploy() runs in process with the real SDKs over HTTP, with short
 * wrap-up budgets (deps.wrapUp) so that a read that never answers costs the test little time. Every outcome is
 * checked against the simulator's own state afterwards.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { ECSClient } from '@aws-sdk/client-ecs';
import { realSleep, systemClock } from '@ecs-actions/core';
import { type FaultSpec, type Simulator, SPRING_BOOT_START_FAILURE, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { deploy } from '../src/deploy.js';
import type { DeployInputs } from '../src/inputs.js';
import { toRegisterRequest } from '../src/taskdef.js';
import type { DeployDeps, DeployResult } from '../src/types.js';
import { deployInputs } from './deploy-inputs.js';
import { CapturingLog } from './fake-ecs.js';
import { seed, withImage } from './seed.js';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const OLD_IMAGE = `${REPO}:0.2548.1`;
const NEW_IMAGE = `${REPO}:0.2548.2`;
const OTHER_IMAGE = `${REPO}:0.2548.3`;
const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const CONTAINER = String(seed.containerDefinitions[0]?.name);
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef';

/** Short budgets (real ms): each read of the report gets 400 ms, of the decision 1 s. */
const WRAP_UP = { decisionMs: 4_000, decisionReadMs: 1_000, reportMs: 2_000, reportReadMs: 400 };
/** A slow answer, as in the issue: longer than the whole wrap-up before the budgets were split (5 s). */
const SLOW_MS = 6_000;

type Path = 'rolling' | 'BLUE_GREEN' | 'LINEAR' | 'CODE_DEPLOY';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** The service `be` on the given path, running OLD_IMAGE (revision 1); NEW_IMAGE crashes on start, logging why. */
async function setUp(path: Path): Promise<Simulator> {
  const s = await startSimulator({ timeScale: 60 });
  sim = s;
  s.ecs.seedCluster('prod');
  const loadBalancer = { targetGroupArn: TARGET_GROUP, containerName: CONTAINER, containerPort: 8080 };
  if (path === 'rolling') {
    s.ecs.seedService({
      cluster: 'prod',
      serviceName: 'be',
      taskDefinition: withImage(OLD_IMAGE),
      desiredCount: 2,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } },
    });
  } else if (path === 'CODE_DEPLOY') {
    s.ecs.seedService({
      cluster: 'prod',
      serviceName: 'be',
      taskDefinition: withImage(OLD_IMAGE),
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [loadBalancer],
    });
    s.ecs.setDeregistrationDelay(TARGET_GROUP, 0);
    s.codedeploy.seedDeploymentGroup({
      applicationName: 'AppECS-prod-be',
      deploymentGroupName: 'DgpECS-prod-be',
      cluster: 'prod',
      service: 'be',
      terminationWaitTimeInMinutes: 0,
    });
  } else {
    s.ecs.setDeregistrationDelay(TARGET_GROUP, 0);
    s.ecs.seedService({
      cluster: 'prod',
      serviceName: 'be',
      taskDefinition: withImage(OLD_IMAGE),
      desiredCount: 2,
      deploymentConfiguration: {
        strategy: path,
        bakeTimeInMinutes: 0,
        deploymentCircuitBreaker: { enable: false, rollback: false },
        ...(path === 'LINEAR' ? { linearConfiguration: { stepPercent: 100, stepBakeTimeInMinutes: 0 } } : {}),
      },
      loadBalancers: [
        {
          ...loadBalancer,
          advancedConfiguration: {
            alternateTargetGroupArn: TARGET_GROUP.replace('be-blue', 'be-green'),
            productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/be/1/2/3',
            roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
          },
        },
      ],
    });
  }
  s.ecs.setImageScenario(
    NEW_IMAGE,
    { kind: 'crash-on-start', exitCode: 1 },
    { logLines: [...SPRING_BOOT_START_FAILURE] },
  );
  return s;
}

/** A log that lets a test act at the moment the step says its deployment did not succeed (its first warning). */
class WatchedLog extends CapturingLog {
  constructor(onCause: () => void = () => {}) {
    super();
    let fired = false;
    const capture = this.warning;
    this.warning = (message: string) => {
      capture(message);
      if (fired) return;
      fired = true;
      onCause();
    };
  }
}

/** deploy() of NEW_IMAGE to `be`, in process, with the real SDKs against the simulator and the short budgets. */
async function run(
  s: Simulator,
  overrides: Partial<DeployInputs> = {},
  onCause?: () => void,
): Promise<{ result: DeployResult; log: WatchedLog }> {
  const rendered = toRegisterRequest(withImage(NEW_IMAGE));
  if ('problem' in rendered) throw new Error(rendered.problem);
  const { env } = s;
  const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY };
  const ecs = new ECSClient({ region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_ECS, credentials });
  const ecsSingleAttempt = new ECSClient({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_ECS,
    credentials,
    maxAttempts: 1,
  });
  const logsClient = new CloudWatchLogsClient({
    region: 'ap-northeast-2',
    endpoint: env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS,
    credentials,
  });
  const codedeployOptions = { region: env.AWS_REGION, endpoint: env.AWS_ENDPOINT_URL_CODEDEPLOY, credentials };
  const codedeploy = {
    client: new CodeDeployClient(codedeployOptions),
    singleAttempt: new CodeDeployClient({ ...codedeployOptions, maxAttempts: 1 }),
  };
  const log = new WatchedLog(onCause);
  const deps: DeployDeps = {
    ecs,
    ecsSingleAttempt,
    region: env.AWS_REGION,
    clock: systemClock,
    sleep: realSleep,
    log,
    logs: async () => logsClient,
    codedeploy: async () => codedeploy,
    wrapUp: WRAP_UP,
  };
  const inputs = deployInputs(rendered, {
    service: 'be',
    timeoutMs: 60_000,
    pollIntervalMs: 250,
    codedeploy: { application: 'AppECS-prod-be', deploymentGroup: 'DgpECS-prod-be' },
    ...overrides,
  });
  try {
    return { result: await deploy(inputs, deps), log };
  } finally {
    for (const client of [ecs, ecsSingleAttempt, logsClient, codedeploy.client, codedeploy.singleAttempt]) {
      client.destroy();
    }
  }
}

interface ServiceNow {
  taskDefinition: string;
  currentServiceDeployment?: string;
  deployments: { status: string; taskDefinition: string; rolloutState?: string }[];
  taskSets?: { status: string; taskDefinition: string }[];
}
const serviceNow = (s: Simulator) => s.ecs.describeService('prod', 'be') as unknown as ServiceNow;
/** The task definition of each UpdateService call, in order. */
const updatedTo = (s: Simulator) =>
  s.callsOf('UpdateService').map((call) => (call.params as { taskDefinition?: string }).taskDefinition);
const primaryNow = (s: Simulator) => serviceNow(s).deployments.find((d) => d.status === 'PRIMARY');

/** A report read, as the fault names it, and the words of the report's note for it. */
const REPORT_READS: [string, FaultSpec['api'], string, string][] = [
  ['ListTasks', 'ecs', 'the stopped tasks', 'ecs:ListTasks'],
  ['DescribeTasks', 'ecs', 'the stopped tasks', 'ecs:DescribeTasks'],
  ['GetLogEvents', 'logs', 'the app log lines of log group /ecs/ecs_be_prod', 'logs:GetLogEvents'],
];
const FAULTS: [string, Pick<FaultSpec, 'kind' | 'latencyMs'>][] = [
  [`${SLOW_MS / 1000} s late`, { kind: 'latency', latencyMs: SLOW_MS }],
  ['hung', { kind: 'hang' }],
];
const MATRIX = REPORT_READS.flatMap(([operation, api, what, call]) =>
  FAULTS.map(([how, fault]) => [operation, how, { api, operation, ...fault }, what, call] as const),
);

/** The report's read and the rollback request, as the step printed them: the rollback request comes first. */
function expectDecisionBeforeReport(log: CapturingLog, request: RegExp): void {
  const requested = log.lines.findIndex((line) => request.test(line));
  const report = log.lines.findIndex((line) => line.startsWith('::group::Stopped tasks of'));
  expect(requested).toBeGreaterThanOrEqual(0);
  expect(report).toBeGreaterThan(requested);
}

function expectIncomplete(log: CapturingLog, what: string, call: string): void {
  const note = log.warnings.find((w) => w.startsWith('The failure report above is incomplete:'));
  expect(note).toContain(`${what} (${call} did not answer within`);
}

describe('wrap-up, rolling: a slow or hung report read never skips the rollback', () => {
  it.each(MATRIX)(
    '%s %s: rolled back, the report names what it is missing',
    async (_op, _how, fault, what, call) => {
      const s = await setUp('rolling');
      s.faults.inject({ ...fault, count: Number.POSITIVE_INFINITY });
      const { result, log } = await run(s);
      expect(result.status).toBe('rolled-back');
      expect(result.message).toContain(`Rolled back to ${ARN(1)}`);
      // Ground truth: the service runs the previous revision again, steady.
      expect(primaryNow(s)).toMatchObject({ taskDefinition: ARN(1), rolloutState: 'COMPLETED' });
      // By service revision (StopServiceDeployment ROLLBACK), asked before the report.
      expect(updatedTo(s)).toEqual([ARN(2)]);
      expect(result.rollback?.method).toBe('service-revision');
      expectDecisionBeforeReport(log, /^Rolling back service deployment \S+ to the previous service revision/);
      expectIncomplete(log, what, call);
    },
    60_000,
  );

  it('a deployment another run replaced as the wait ended is not rolled back, also with a hung report read', async () => {
    const s = await setUp('rolling');
    s.faults.inject({ operation: 'ListTasks', kind: 'hang', count: Number.POSITIVE_INFINITY });
    const other = await registerOther(s);
    const { result } = await run(s, {}, () => anotherRunDeploys(s, other));
    expect(result.status).toBe('superseded');
    expect(result.message).toContain('This step did not roll back');
    expect(primaryNow(s)?.taskDefinition).toBe(other);
    // Ours was the only UpdateService over the API (the other run's went to the simulator directly).
    expect(updatedTo(s)).toEqual([ARN(3)]);
  }, 60_000);

  it.each(FAULTS)(
    'a DescribeServices %s that missed the wait deadline does not decide: the rollback reads again, rolls back',
    async (_how, fault) => {
      const s = await setUp('rolling');
      // Tasks that never start: the wait runs out; one of its reads misses the deadline (the wait ends "stalled").
      s.ecs.setImageScenario(NEW_IMAGE, { kind: 'slow-start', startSeconds: 3600 });
      const late = setTimeout(() => s.faults.inject({ operation: 'DescribeServices', ...fault }), 1_200);
      const { result } = await run(s, { timeoutMs: 2_000 }).finally(() => clearTimeout(late));
      expect(result.status).toBe('rolled-back');
      expect(result.message).toContain('(ecs:DescribeServices did not answer within');
      expect(result.message).toContain(`Rolled back to ${ARN(1)}`);
      expect(primaryNow(s)).toMatchObject({ taskDefinition: ARN(1), rolloutState: 'COMPLETED' });
    },
    60_000,
  );
});

/** Another run's revision (OTHER_IMAGE), registered before our run: revision 2, ours 3. */
async function registerOther(s: Simulator): Promise<string> {
  const registered = (await s.ecs.handle('RegisterTaskDefinition', withImage(OTHER_IMAGE))) as {
    taskDefinition: { taskDefinitionArn: string };
  };
  return registered.taskDefinition.taskDefinitionArn;
}

/** Another run deploys `arn` right now (the simulator applies it before this returns to the event loop). */
function anotherRunDeploys(s: Simulator, arn: string): void {
  void s.ecs.handle('UpdateService', { cluster: 'prod', service: 'be', taskDefinition: arn });
}

/** Our service deployment's status, as the simulator has it now. */
async function serviceDeploymentStatus(s: Simulator, arn: string | undefined): Promise<string | undefined> {
  const answer = (await s.ecs.handle('DescribeServiceDeployments', { serviceDeploymentArns: [arn] })) as {
    serviceDeployments: { status: string }[];
  };
  return answer.serviceDeployments[0]?.status;
}

/** The service deployment our UpdateService started (the first one created after the seed's). */
function ourServiceDeploymentArn(s: Simulator): string | undefined {
  const call = s.calls.find((c) => c.operation === 'StopServiceDeployment');
  return (call?.params as { serviceDeploymentArn?: string } | undefined)?.serviceDeploymentArn;
}

describe('wrap-up, staged: a slow or hung read never skips the rollback through ECS', () => {
  it.each(MATRIX)(
    'BLUE_GREEN, %s %s: rolled back, the report names what it is missing',
    async (_op, _how, fault, what, call) => {
      const s = await setUp('BLUE_GREEN');
      s.faults.inject({ ...fault, count: Number.POSITIVE_INFINITY });
      const { result, log } = await run(s, { timeoutMs: 2_000 });
      expect(result.status).toBe('rolled-back');
      expect(result.message).toContain('Rolled back to ecs_be_prod:1 through ECS');
      expect(await serviceDeploymentStatus(s, ourServiceDeploymentArn(s))).toBe('ROLLBACK_SUCCESSFUL');
      expect(serviceNow(s).taskDefinition).toBe(ARN(1));
      expectDecisionBeforeReport(
        log,
        /^Rolling back service deployment .* \(StopServiceDeployment, stopType ROLLBACK\)$/,
      );
      expectIncomplete(log, what, call);
    },
    60_000,
  );

  it.each(
    (['BLUE_GREEN', 'LINEAR'] as const).flatMap((path) => FAULTS.map(([how, fault]) => [path, how, fault] as const)),
  )(
    '%s, a DescribeServices %s that missed the wait deadline does not decide: the rollback reads again, rolls back',
    async (path, _how, fault) => {
      const s = await setUp(path);
      const late = setTimeout(() => s.faults.inject({ operation: 'DescribeServices', ...fault }), 1_200);
      const { result } = await run(s, { timeoutMs: 2_000 }).finally(() => clearTimeout(late));
      expect(result.status).toBe('rolled-back');
      // The cause names the call that did not answer; the rollback did not take it for DescribeServiceDeployments.
      expect(result.message).toContain('(ecs:DescribeServices did not answer within');
      expect(result.message).not.toContain('DescribeServiceDeployments stopped answering');
      expect(await serviceDeploymentStatus(s, ourServiceDeploymentArn(s))).toBe('ROLLBACK_SUCCESSFUL');
      expect(serviceNow(s).taskDefinition).toBe(ARN(1));
    },
    60_000,
  );

  it.each(FAULTS)(
    'BLUE_GREEN, the rollback request (StopServiceDeployment) %s: looked for and asked again, rolled back once',
    async (_how, fault) => {
      const s = await setUp('BLUE_GREEN');
      s.faults.inject({ operation: 'StopServiceDeployment', ...fault });
      const { result } = await run(s, { timeoutMs: 2_000 });
      expect(result.status).toBe('rolled-back');
      expect(result.message).toContain('Rolled back to ecs_be_prod:1 through ECS');
      expect(await serviceDeploymentStatus(s, ourServiceDeploymentArn(s))).toBe('ROLLBACK_SUCCESSFUL');
      expect(serviceNow(s).taskDefinition).toBe(ARN(1));
    },
    60_000,
  );

  it('a service deployment another run replaced as the wait ended is not rolled back, also with a hung report read', async () => {
    const s = await setUp('BLUE_GREEN');
    s.faults.inject({ operation: 'ListTasks', kind: 'hang', count: Number.POSITIVE_INFINITY });
    const other = await registerOther(s);
    const { result } = await run(s, { timeoutMs: 2_000 }, () => anotherRunDeploys(s, other));
    expect(result.status).toBe('superseded');
    expect(result.message).toContain('This step did not roll back');
    expect(s.callsOf('StopServiceDeployment')).toEqual([]);
    expect(serviceNow(s).taskDefinition).toBe(other);
  }, 60_000);
});

/** The task sets that serve: ACTIVE or PRIMARY (a deleted one drains until its tasks have stopped). */
const servingTaskSets = (s: Simulator) =>
  (serviceNow(s).taskSets ?? [])
    .filter((set) => set.status !== 'DRAINING')
    .map((set) => `${set.status} ${set.taskDefinition.split('/').pop()}`);

describe('wrap-up, CodeDeploy: a slow or hung report read never skips the rollback through CodeDeploy', () => {
  const CODEDEPLOY_READS = [
    ...MATRIX,
    // The CodeDeploy wait does not read the service: the report reads its events.
    ...FAULTS.map(
      ([how, fault]) =>
        [
          'DescribeServices',
          how,
          { api: 'ecs', operation: 'DescribeServices', ...fault } as FaultSpec,
          'the service events',
          'ecs:DescribeServices',
        ] as const,
    ),
  ];
  it.each(CODEDEPLOY_READS)(
    '%s %s: stopped with rollback and rolled back, the report names what it is missing',
    async (_op, _how, fault, what, call) => {
      const s = await setUp('CODE_DEPLOY');
      // From the moment the step says the deployment did not end (the deploy reads the service before that).
      const { result, log } = await run(s, { timeoutMs: 3_000 }, () =>
        s.faults.inject({ ...fault, count: Number.POSITIVE_INFINITY }),
      );
      expect(result.status).toBe('rolled-back');
      expect(result.message).toMatch(/CodeDeploy rolled back with deployment d-/);
      expect(servingTaskSets(s)).toEqual(['PRIMARY ecs_be_prod:1']);
      expect(s.callsOf('StopDeployment')).toHaveLength(1);
      const stopping = log.lines.findIndex((line) => line.startsWith('Stopping CodeDeploy deployment'));
      const report = log.lines.findIndex((line) => /^::group::(Stopped tasks of|Service events)/.test(line));
      expect(stopping).toBeGreaterThanOrEqual(0);
      expect(report).toBeGreaterThan(stopping);
      expectIncomplete(log, what, call);
    },
    60_000,
  );
});
