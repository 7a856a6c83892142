/**
 * `@ecs-actions/simulator`: a local ECS, ECR, CloudWatch Logs, CodeDeploy and GitHub REST simulator on 127.0.0.1 that speaks the real wire
 * protocols, for end-to-end tests and the demo. See README.md and /work/briefs/simulator-api.md.
 */

import { CodeDeploySimulator } from './codedeploy/index.js';
import { type CallRecord, SimClock } from './contract.js';
import { Ec2Simulator } from './ec2/index.js';
import { EcrSimulator } from './ecr/index.js';
import { LAYER_PATH } from './ecr/layers.js';
import { EcsSimulator } from './ecs/index.js';
import { Elbv2Simulator } from './elbv2/index.js';
import { EventBridgeSimulator } from './events/index.js';
import { type FaultSpec, Faults } from './faults.js';
import { GitHubSimulator } from './github/index.js';
import { IamSimulator } from './iam/index.js';
import { LogsSimulator } from './logs/index.js';
import { SchedulerSimulator } from './scheduler/index.js';
import { SecretsManagerSimulator } from './secretsmanager/index.js';
import { startServer } from './server.js';
import { SsmSimulator } from './ssm/index.js';
import { TaskStartChecks } from './task-start/index.js';

export { CODEDEPLOY_TIMING, CodeDeploySimulator, type SeedDeploymentGroupInput } from './codedeploy/index.js';
export type { ApiName, CallRecord, TargetState } from './contract.js';
export { AwsServiceError, SimClock } from './contract.js';
export { Ec2Simulator, type SubnetInput } from './ec2/index.js';
export { EcrSimulator } from './ecr/index.js';
export { EcsSimulator, type Scenario, type ScenarioOptions, type SeedServiceInput, TIMING } from './ecs/index.js';
export { Elbv2Simulator, type TargetGroupInput } from './elbv2/index.js';
export { EventBridgeSimulator } from './events/index.js';
export { type FaultKind, type FaultSpec, Faults } from './faults.js';
export { GitHubSimulator } from './github/index.js';
export { type CreateRoleInput, IamSimulator, type PolicyDocument, trustPolicyFor } from './iam/index.js';
export { awslogsDestination, SPRING_BOOT_START_FAILURE } from './logs/awslogs.js';
export { LogsSimulator } from './logs/index.js';
export { SchedulerSimulator } from './scheduler/index.js';
export { type CreateSecretInput, SecretsManagerSimulator } from './secretsmanager/index.js';
export { mulberry32 } from './seeded-random.js';
export { type PutParameterInput, SsmSimulator } from './ssm/index.js';
export { TaskStartChecks } from './task-start/index.js';

export interface StartSimulatorOptions {
  /** Simulated ms per real ms; default 1. 60 runs a 3-minute rollout in 3 s. */
  timeScale?: number;
  /** Default '123456789012'. */
  accountId?: string;
  /** Default 'us-east-1'. */
  region?: string;
  /** A real local Docker registry the ECR side points at. */
  registry?: { url: string; username: string; password: string };
  /** Default 0 (a free port); the host is always 127.0.0.1. */
  port?: number;
  /** The token put into `env.GITHUB_TOKEN` (seeded with write permission); default a fixed test token. */
  githubToken?: string;
}

export interface SimulatorEnv {
  AWS_REGION: string;
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_ENDPOINT_URL_ECS: string;
  AWS_ENDPOINT_URL_ECR: string;
  AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: string;
  AWS_ENDPOINT_URL_EC2: string;
  AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: string;
  AWS_ENDPOINT_URL_CODEDEPLOY: string;
  AWS_ENDPOINT_URL_IAM: string;
  AWS_ENDPOINT_URL_SSM: string;
  AWS_ENDPOINT_URL_SECRETS_MANAGER: string;
  AWS_ENDPOINT_URL_EVENTBRIDGE: string;
  AWS_ENDPOINT_URL_SCHEDULER: string;
  GITHUB_API_URL: string;
  GITHUB_TOKEN: string;
  [name: string]: string;
}

export interface Simulator {
  url: string;
  env: SimulatorEnv;
  clock: SimClock;
  ecs: EcsSimulator;
  ecr: EcrSimulator;
  /** CloudWatch Logs: what tasks' awslogs containers wrote (src/logs). */
  logs: LogsSimulator;
  /** EC2: subnets (src/ec2). */
  ec2: Ec2Simulator;
  /** Elastic Load Balancing v2: target groups, whose settings drive rollout timing (src/elbv2). */
  elbv2: Elbv2Simulator;
  /** CodeDeploy (ECS compute platform) over the ECS side's task sets (src/codedeploy). */
  codedeploy: CodeDeploySimulator;
  /** IAM: roles, trust and permission policies, SimulatePrincipalPolicy (src/iam). */
  iam: IamSimulator;
  /** Systems Manager Parameter Store (src/ssm). */
  ssm: SsmSimulator;
  /** Secrets Manager: secrets' metadata and resource policies (src/secretsmanager). */
  secretsmanager: SecretsManagerSimulator;
  /** Off by default: once enabled, tasks fail to start as AWS fails them when their role, secrets, image platform or log group are wrong (src/task-start). */
  taskStart: TaskStartChecks;
  /** EventBridge rules and their targets (src/events). */
  events: EventBridgeSimulator;
  /** EventBridge Scheduler schedules (src/scheduler). */
  scheduler: SchedulerSimulator;
  github: GitHubSimulator;
  faults: { inject(spec: FaultSpec): void; clear(): void; pending(): readonly FaultSpec[] };
  /** Every call, in order, including failed and faulted ones. */
  calls: CallRecord[];
  callsOf(operation: string): CallRecord[];
  /**
   * The IAM actions the recorded AWS calls needed, sorted: `ecs:<Operation>` / `ecr:<Operation>` / `logs:<Operation>` for every call
   * (failed ones too), plus `iam:PassRole` when RegisterTaskDefinition passed a task or execution role
   * (ECS developer guide, "Task execution IAM role" / "Task IAM role": registering needs iam:PassRole), and
   * `ecs:TagResource` when a create call (RegisterTaskDefinition, CreateService, CreateCluster) carried tags.
   * Image layer pushes go to the registry directly and are not seen here.
   */
  iamActions(): string[];
  close(): Promise<void>;
}

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const accountId = options.accountId ?? '123456789012';
  const region = options.region ?? 'us-east-1';
  const clock = new SimClock(options.timeScale ?? 1);
  const logs = new LogsSimulator({ clock, accountId, region });
  const elbv2: Elbv2Simulator = new Elbv2Simulator({ accountId, region, targets: (arn) => ecs.targetsOf(arn) });
  const ec2 = new Ec2Simulator({ accountId, region });
  const ecs: EcsSimulator = new EcsSimulator({
    clock,
    accountId,
    region,
    logs,
    targetGroups: elbv2,
    subnets: ec2,
    taskStart: { failureOf: (taskDefinition, taskId) => taskStart.failureOf(taskDefinition, taskId) },
  });
  const codedeploy = new CodeDeploySimulator({ clock, accountId, region, ecs });
  const ecr = new EcrSimulator(
    options.registry ? { clock, accountId, region, registry: options.registry } : { clock, accountId, region },
  );
  const ssm = new SsmSimulator({ clock, accountId, region });
  const secretsmanager = new SecretsManagerSimulator({ clock, accountId, region });
  const iam = new IamSimulator({
    accountId,
    now: () => clock.now(),
    resourcePolicy: (arn) => secretsmanager.resourcePolicyOf(arn),
  });
  const taskStart = new TaskStartChecks({ accountId, region, iam, ssm, secrets: secretsmanager, logs, ecr });
  const events = new EventBridgeSimulator({ accountId, region });
  const scheduler = new SchedulerSimulator({ clock, accountId, region });
  const github = new GitHubSimulator({ clock });
  const githubToken = options.githubToken ?? 'ghs_simulatorWriteToken000000000000000000';
  github.addToken(githubToken, 'write');
  const faults = new Faults();
  const calls: CallRecord[] = [];
  const server = await startServer({
    port: options.port ?? 0,
    aws: [ecs, ecr, logs, codedeploy, ssm, secretsmanager, events],
    awsQuery: [ec2, elbv2, iam],
    restJson: [scheduler],
    github,
    layers: { path: LAYER_PATH, serve: (url) => ecr.serveLayer(url) },
    faults,
    calls,
    accountId,
    region,
  });
  ecr.setDownloadBase(server.url);
  return {
    url: server.url,
    env: {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: 'AKIASIMULATOR0000000',
      AWS_SECRET_ACCESS_KEY: 'simulator-secret-access-key-not-verified',
      AWS_ENDPOINT_URL_ECS: server.url,
      AWS_ENDPOINT_URL_ECR: server.url,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: server.url,
      AWS_ENDPOINT_URL_EC2: server.url,
      AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: server.url,
      AWS_ENDPOINT_URL_CODEDEPLOY: server.url,
      AWS_ENDPOINT_URL_IAM: server.url,
      AWS_ENDPOINT_URL_SSM: server.url,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: server.url,
      AWS_ENDPOINT_URL_EVENTBRIDGE: server.url,
      AWS_ENDPOINT_URL_SCHEDULER: server.url,
      GITHUB_API_URL: server.url,
      GITHUB_TOKEN: githubToken,
    },
    clock,
    ecs,
    ecr,
    logs,
    ec2,
    elbv2,
    codedeploy,
    iam,
    ssm,
    secretsmanager,
    taskStart,
    events,
    scheduler,
    github,
    faults: {
      inject: (spec) => faults.inject(spec),
      clear: () => faults.clear(),
      pending: () => faults.pending(),
    },
    calls,
    callsOf: (operation) => calls.filter((call) => call.operation === operation),
    iamActions: () => iamActions(calls),
    close: () => server.close(),
  };
}

/** The IAM service prefix of an API, where it is not the API's own name. */
const IAM_PREFIX: Partial<Record<string, string>> = { elbv2: 'elasticloadbalancing' };

/** The tag-on-create ECS operations the simulator serves. */
const TAG_ON_CREATE = new Set(['CreateCluster', 'CreateService', 'RegisterTaskDefinition']);

function iamActions(calls: CallRecord[]): string[] {
  const actions = new Set<string>();
  for (const call of calls) {
    if (call.api === 'github') continue;
    actions.add(`${IAM_PREFIX[call.api] ?? call.api}:${call.operation}`);
    const params = call.params as Record<string, unknown> | undefined;
    if (call.operation === 'RegisterTaskDefinition' && (params?.taskRoleArn || params?.executionRoleArn)) {
      actions.add('iam:PassRole');
    }
    // EventBridge and Scheduler pass the target's role to the service that invokes it (EventBridge user guide,
    // "Using identity-based policies"; Scheduler user guide, "Set up the execution role"): PutTargets and
    // Create/UpdateSchedule with a RoleArn need iam:PassRole on it.
    if (
      call.operation === 'PutTargets' &&
      (params?.Targets as { RoleArn?: string }[] | undefined)?.some((t) => t.RoleArn)
    ) {
      actions.add('iam:PassRole');
    }
    if (call.api === 'scheduler' && (params?.Target as { RoleArn?: string } | undefined)?.RoleArn) {
      actions.add('iam:PassRole');
    }
    // CodeDeploy's permissions reference: CreateDeployment also needs codedeploy:GetDeploymentConfig (on the deployment
    // configuration) and codedeploy:GetApplicationRevision / RegisterApplicationRevision (on the application).
    if (call.api === 'codedeploy' && call.operation === 'CreateDeployment') {
      actions.add('codedeploy:GetDeploymentConfig');
      actions.add('codedeploy:RegisterApplicationRevision');
    }
    // ECS developer guide, "Grant permission to tag resources on creation": a create action given tags is also
    // authorized as ecs:TagResource (a task definition file that carries `tags` needs it).
    if (call.api === 'ecs' && TAG_ON_CREATE.has(call.operation) && Array.isArray(params?.tags) && params.tags.length) {
      actions.add('ecs:TagResource');
    }
  }
  return [...actions].sort();
}
