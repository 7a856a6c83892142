/**
 * Verify, through deploy() against the simulator's ECS, ECR, IAM, SSM, Secrets Manager and CloudWatch Logs over
 * HTTP: each finding class caught in well under a second before any write (verify: fail), and the same deploy with
 * verify off failing its rollout the way AWS fails it (the simulator's task-start checks give AWS's stopped reason);
 * a clean service with no findings; denied reads as notes; the dry-run plan writing nothing.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { ConfigurationError, realSleep, systemClock } from '@ecs-actions/core';
import type { RenderedTaskDefinition } from '@ecs-actions/core/ecs';
import type { VerifyClients } from '@ecs-actions/core/verify';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { deploy } from '../src/deploy.js';
import type { DeployInputs } from '../src/inputs.js';
import { summaryMarkdown } from '../src/summary.js';
import { toRegisterRequest } from '../src/taskdef.js';
import type { DeployResult } from '../src/types.js';
import { deployInputs } from './deploy-inputs.js';
import { CapturingLog } from './fake-ecs.js';

const ACCOUNT = '123456789012';
const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-exec`;

type TaskDefinition = Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };

/** A world in which the task definition below can start: its role, secrets, image and log group are all there. */
function seedWorld(sim: Simulator): { secretArn: string; targetGroupArn: string } {
  sim.ecr.seedImage({ repositoryName: 'web', tags: ['1', '2'], platforms: [{ os: 'linux', architecture: 'amd64' }] });
  sim.ecr.seedImage({ repositoryName: 'web', tags: ['arm'], platforms: [{ os: 'linux', architecture: 'arm64' }] });
  // A single-platform image built on an arm64 machine (an Apple silicon laptop): only its config names the platform.
  sim.ecr.seedImage({ repositoryName: 'web', tags: ['arm-single'], platform: { os: 'linux', architecture: 'arm64' } });
  sim.ecr.seedImage({ repositoryName: 'web', tags: ['amd-single'] });
  sim.ssm.putParameter({ name: '/web/db-password', value: 'pw', type: 'SecureString' });
  const secretArn = sim.secretsmanager.createSecret({ name: 'web/api-key' });
  sim.logs.createLogGroup('/ecs/web');
  sim.iam.createRole({
    name: 'web-exec',
    policies: {
      'pull-and-read': {
        Statement: [
          { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
          { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: '*' },
          { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/web/*` },
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
          { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' },
        ],
      },
    },
  });
  const targetGroupArn = sim.elbv2.addTargetGroup({
    name: 'web',
    healthCheckIntervalSeconds: 5,
    deregistrationDelaySeconds: 0,
  });
  sim.taskStart.enable();
  return { secretArn, targetGroupArn };
}

function taskDefinition(secretArn: string, image = `${REGISTRY}/web:2`): TaskDefinition {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: EXEC_ROLE,
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: [
      {
        name: 'web',
        image,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'http' }],
        secrets: [
          { name: 'DB_PASSWORD', valueFrom: '/web/db-password' },
          { name: 'API_KEY', valueFrom: `${secretArn}:password::` },
        ],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' },
        },
      },
    ],
  };
}

const sims: Simulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
});

function clientsOf(sim: Simulator) {
  const { env } = sim;
  const common = {
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  };
  const ecs = new ECSClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_ECS });
  const iam = new IAMClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_IAM });
  const ssm = new SSMClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_SSM });
  const secrets = new SecretsManagerClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_SECRETS_MANAGER });
  const logs = new CloudWatchLogsClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS });
  const ecr = new ECRClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_ECR });
  const verify: VerifyClients = {
    iam: async () => iam,
    ssm: async () => ssm,
    secretsManager: async () => secrets,
    logs: async () => logs,
    ecr: async () => ecr,
  };
  return {
    ecs,
    verify,
    logs,
    ecr,
    destroy: () => {
      for (const client of [ecs, iam, ssm, secrets, logs, ecr]) client.destroy();
    },
  };
}

interface Run {
  result?: DeployResult;
  error?: unknown;
  log: CapturingLog;
  ms: number;
}

async function run(sim: Simulator, definition: TaskDefinition, overrides: Partial<DeployInputs>): Promise<Run> {
  const rendered = toRegisterRequest(definition) as RenderedTaskDefinition | { problem: string };
  if ('problem' in rendered) throw new Error(rendered.problem);
  const clients = clientsOf(sim);
  const log = new CapturingLog();
  const started = Date.now();
  try {
    const outcome = await deploy(deployInputs(rendered, { timeoutMs: 3_600_000, pollIntervalMs: 100, ...overrides }), {
      ecs: clients.ecs,
      ecsSingleAttempt: clients.ecs,
      region: 'us-east-1',
      clock: systemClock,
      sleep: realSleep,
      log,
      logs: async () => clients.logs,
      ecr: async () => clients.ecr,
      verify: clients.verify,
    }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    return { ...outcome, log, ms: Date.now() - started };
  } finally {
    clients.destroy();
  }
}

/** A simulator with the world seeded and the service running the good task definition behind its target group. */
async function world(change?: (sim: Simulator, secretArn: string) => void) {
  const sim = await startSimulator({ timeScale: 200 });
  sims.push(sim);
  const { secretArn, targetGroupArn } = seedWorld(sim);
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: taskDefinition(secretArn, `${REGISTRY}/web:1`),
    desiredCount: 2,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'] } },
    loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
  });
  change?.(sim, secretArn);
  return { sim, secretArn };
}

const WRITES = ['RegisterTaskDefinition', 'UpdateService', 'CreateService', 'TagResource', 'DeregisterTaskDefinition'];
const writesOf = (sim: Simulator) => sim.calls.filter((call) => WRITES.includes(call.operation));

interface Case {
  check: string;
  /** Changes the world or the task definition so that the finding is true. */
  change: (sim: Simulator, definition: TaskDefinition, secretArn: string) => TaskDefinition;
  /** What verify says. */
  finding: RegExp;
  /** The stopped reason of the rollout's tasks with verify off (AWS's wording), or the refusal of the update. */
  rollout: RegExp;
}

const container = (definition: TaskDefinition, patch: Record<string, unknown>): TaskDefinition => ({
  ...definition,
  containerDefinitions: definition.containerDefinitions.map((c) => ({ ...c, ...patch })),
});

const CASES: Case[] = [
  {
    check: 'role-missing',
    change: (_sim, definition) => ({ ...definition, executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/nope` }),
    finding: /the execution role arn:aws:iam::123456789012:role\/nope does not exist/,
    rollout: /^ECS was unable to assume the role 'arn:aws:iam::123456789012:role\/nope'/,
  },
  {
    check: 'role-trust',
    change: (sim, definition) => {
      sim.iam.createRole({ name: 'ec2-role', trustedServices: ['ec2.amazonaws.com'] });
      return { ...definition, executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ec2-role` };
    },
    finding: /role\/ec2-role does not trust ecs-tasks\.amazonaws\.com/,
    rollout: /^ECS was unable to assume the role 'arn:aws:iam::123456789012:role\/ec2-role'/,
  },
  {
    check: 'role-trust (an explicit Deny beside the Allow)',
    change: (sim, definition) => {
      sim.iam.createRole({
        name: 'denied-role',
        trustPolicy: {
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
            { Effect: 'Deny', Principal: { Service: ['ecs-tasks.amazonaws.com'] }, Action: 'sts:Assume*' },
          ],
        },
      });
      return { ...definition, executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/denied-role` };
    },
    finding:
      /role\/denied-role does not trust ecs-tasks\.amazonaws\.com: its trust policy has a Deny of sts:AssumeRole/,
    rollout: /^ECS was unable to assume the role 'arn:aws:iam::123456789012:role\/denied-role'/,
  },
  {
    check: 'secret-malformed (an SSM ARN without an account)',
    change: (_sim, definition) =>
      container(definition, {
        secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1::parameter/web/db-password' }],
      }),
    finding:
      /secret DB_PASSWORD \(container web\): valueFrom arn:aws:ssm:us-east-1::parameter\/web\/db-password is not a valid ARN: it has no account/,
    rollout:
      /^ResourceInitializationError: unable to pull secrets or registry auth: .*unable to retrieve secrets from ssm: .*invalid parameters: arn:aws:ssm:us-east-1::parameter\/web\/db-password/,
  },
  {
    check: 'secret-missing (SSM parameter)',
    change: (_sim, definition) =>
      container(definition, { secrets: [{ name: 'DB_PASSWORD', valueFrom: '/web/db-pasword' }] }),
    finding: /secret DB_PASSWORD \(container web\): SSM parameter \/web\/db-pasword does not exist/,
    rollout:
      /^ResourceInitializationError: unable to pull secrets or registry auth: .*unable to retrieve secrets from ssm: .*invalid parameters: \/web\/db-pasword/,
  },
  {
    check: 'secret-missing (Secrets Manager, with JSON key)',
    change: (_sim, definition) =>
      container(definition, {
        secrets: [
          {
            name: 'API_KEY',
            valueFrom: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:web/gone-AbCdEf:password::`,
          },
        ],
      }),
    finding:
      /Secrets Manager secret arn:aws:secretsmanager:us-east-1:123456789012:secret:web\/gone-AbCdEf does not exist/,
    rollout: /ResourceNotFoundException: Secrets Manager can't find the specified secret\.$/,
  },
  {
    check: 'execution-role-permission (explicit deny on the parameter)',
    change: (sim, definition) => {
      sim.iam.putRolePolicy('web-exec', 'deny-db', {
        Statement: [{ Effect: 'Deny', Action: 'ssm:GetParameters', Resource: '*:parameter/web/db-password' }],
      });
      return definition;
    },
    finding:
      /may not ssm:GetParameters on arn:aws:ssm:us-east-1:123456789012:parameter\/web\/db-password .*an explicit Deny/,
    rollout:
      /is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:us-east-1:123456789012:parameter\/web\/db-password/,
  },
  {
    check: 'image-missing',
    change: (_sim, definition) => container(definition, { image: `${REGISTRY}/web:404` }),
    finding:
      /image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/web:404 \(container web\) is not in ECR \(ImageNotFound\)/,
    rollout: /^CannotPullContainerError: .*web:404: not found$/,
  },
  {
    check: 'image-platform',
    change: (_sim, definition) => container(definition, { image: `${REGISTRY}/web:arm` }),
    finding: /is built for linux\/arm64; the task runs on linux\/amd64/,
    rollout:
      /^CannotPullContainerError: .*image Manifest does not contain descriptor matching platform 'linux\/amd64'$/,
  },
  {
    check: 'image-platform (a single-platform arm64 image, from its config blob)',
    change: (_sim, definition) => container(definition, { image: `${REGISTRY}/web:arm-single` }),
    finding: /image .*web:arm-single \(container web\) is built for linux\/arm64; the task runs on linux\/amd64/,
    rollout:
      /^CannotPullContainerError: .*image Manifest does not contain descriptor matching platform 'linux\/amd64'$/,
  },
  {
    check: 'log-group-missing',
    change: (_sim, definition) =>
      container(definition, {
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/wbe', 'awslogs-stream-prefix': 'web' },
        },
      }),
    finding: /log group \/ecs\/wbe \(us-east-1; container web\) does not exist and awslogs-create-group is not set/,
    rollout: /^ResourceInitializationError: failed to validate logger args: .*The specified log group does not exist/,
  },
  {
    check: 'load-balancer-port',
    change: (_sim, definition) => container(definition, { portMappings: [{ containerPort: 9090, protocol: 'tcp' }] }),
    finding:
      /load balancer sends traffic to container web port 8080, which the new task definition does not map \(it maps 9090\)/,
    rollout: /The container web did not have a container port 8080 defined\./,
  },
];

describe('verify catches before any write what the rollout would fail on minutes later', () => {
  it.each(CASES)('$check', async ({ change, finding, rollout }) => {
    // verify: fail stops the step before any write, in well under a second.
    const caught = await world();
    const bad = change(caught.sim, taskDefinition(caught.secretArn), caught.secretArn);
    const verified = await run(caught.sim, bad, { verify: 'fail' });
    expect(verified.error).toBeInstanceOf(ConfigurationError);
    const message = (verified.error as Error).message;
    expect(message).toMatch(
      /^Verify found 1 problem that would fail the rollout of service web \(verify: fail\); nothing was registered or deployed/,
    );
    expect(message).toMatch(finding);
    expect(writesOf(caught.sim)).toEqual([]);
    expect(verified.ms).toBeLessThan(1_500);

    // Without verify, the same deploy registers, rolls out and fails as AWS fails it.
    const rolled = await world();
    const same = change(rolled.sim, taskDefinition(rolled.secretArn), rolled.secretArn);
    const unverified = await run(rolled.sim, same, { verify: 'off' });
    const reasons = [
      ...(unverified.result?.stoppedTasks ?? []).map((task) => task.stoppedReason ?? ''),
      unverified.error instanceof Error ? unverified.error.message : '',
    ];
    expect(reasons.some((reason) => rollout.test(reason))).toBe(true);
    expect(rolled.sim.callsOf('RegisterTaskDefinition')).toHaveLength(1);
  });

  it('a clean service: no findings, reads concurrent, the deploy goes on', async () => {
    const { sim, secretArn } = await world();
    const { result, log } = await run(sim, taskDefinition(secretArn), { verify: 'fail' });
    expect(result?.status).toBe('succeeded');
    expect(log.warnings.filter((warning) => warning.startsWith('Verify'))).toEqual([]);
    expect(log.text()).toMatch(/Verify of web's new task definition: no findings \(\d+ reads in/);
    const reads = ['GetRole', 'DescribeParameters', 'DescribeSecret', 'BatchGetImage', 'DescribeLogGroups'];
    const first = reads.map((operation) => sim.callsOf(operation)[0]);
    expect(first.every((call) => call?.status === 200)).toBe(true);
    // Concurrent: every first read started before the first of them was answered far behind (within 300 ms).
    const times = first.map((call) => call?.time ?? 0);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(300);
    expect(sim.iamActions()).toEqual(expect.arrayContaining(['iam:GetRole', 'iam:SimulatePrincipalPolicy']));
  });

  it('a single-platform image built for the task: its config read, no finding, the deploy goes on', async () => {
    const { sim, secretArn } = await world();
    const { result, log } = await run(sim, taskDefinition(secretArn, `${REGISTRY}/web:amd-single`), { verify: 'fail' });
    expect(result?.status).toBe('succeeded');
    expect(log.text()).toMatch(/Verify of web's new task definition: no findings/);
    expect(sim.callsOf('GetDownloadUrlForLayer')).toHaveLength(1);
  });

  it('a denied GetDownloadUrlForLayer is one note, never a finding; verify: fail still plans', async () => {
    const { sim, secretArn } = await world();
    sim.faults.inject({ api: 'ecr', operation: 'GetDownloadUrlForLayer', kind: 'access-denied', count: 10 });
    const bad = container(taskDefinition(secretArn), { image: `${REGISTRY}/web:arm-single` });
    const { result, log } = await run(sim, bad, { dryRun: true, verify: 'fail' });
    expect(result?.status).toBe('planned');
    expect(result?.verify?.findings).toEqual([]);
    expect(result?.verify?.notes).toEqual([
      expect.stringMatching(
        /^Could not check the platform of image .*web:arm-single: ecr:GetDownloadUrlForLayer failed with AccessDeniedException/,
      ),
    ]);
    expect(log.warnings.filter((warning) => warning.startsWith('Verify'))).toEqual([]);
  });

  it('denied reads are one note each, never a failure; verify: fail still deploys', async () => {
    const { sim, secretArn } = await world();
    sim.faults.inject({ api: 'iam', kind: 'access-denied', count: 10 });
    sim.faults.inject({ api: 'ssm', kind: 'access-denied', count: 10 });
    const { result, log } = await run(sim, taskDefinition(secretArn), { verify: 'fail' });
    expect(result?.status).toBe('succeeded');
    expect(log.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}Could not check the execution role .*: iam:GetRole failed with AccessDenied/),
        expect.stringMatching(
          /^ {2}Could not check secret DB_PASSWORD .*: ssm:DescribeParameters failed with AccessDeniedException/,
        ),
        expect.stringMatching(
          /^ {2}Could not check whether the execution role may \S+, whether .*: iam:SimulatePrincipalPolicy failed with AccessDenied/,
        ),
      ]),
    );
    expect(result?.verify?.notes).toHaveLength(3);
  });

  it('warn: the finding is a warning, in the summary, and the rollout goes ahead (and fails)', async () => {
    const { sim, secretArn } = await world();
    const bad = container(taskDefinition(secretArn), { image: `${REGISTRY}/web:arm` });
    const { result, log } = await run(sim, bad, { verify: 'warn' });
    expect(log.warnings.filter((warning) => warning.startsWith('Verify'))).toEqual([
      expect.stringMatching(/^Verify: would fail the rollout: image .*web:arm/),
    ]);
    expect(result?.status).toBe('rolled-back');
    expect(summaryMarkdown(result as DeployResult)).toContain('#### Verify findings');
  });
});

describe('dry-run', () => {
  it('plans with reads only: the diff, the settings, the prediction and verify; no write call', async () => {
    const { sim, secretArn } = await world();
    const next = container(taskDefinition(secretArn), { image: `${REGISTRY}/web:arm` });
    const { result } = await run(sim, next, { dryRun: true, verify: 'fail', preflight: 'warn' });
    console.log(result?.plan);
    expect(result?.status).toBe('planned');
    expect(result?.message).toMatch(
      /^Dry run: would deploy a new revision \(registered by the deploy\) to web \(1 task definition change\); a rollout takes at least .*; verify found 1 problem that would fail it\. Nothing was registered, updated or tagged\.$/,
    );
    expect(result?.plan).toContain(`image: "${REGISTRY}/web:1" → "${REGISTRY}/web:arm"`);
    expect(result?.plan).toContain('##### Predicted rollout time');
    expect(result?.plan).toMatch(/- would fail the rollout: image .*web:arm .* is built for linux\/arm64/);
    // Every call the plan made is a read.
    const operations = [...new Set(sim.calls.map((call) => call.operation))];
    expect(operations.filter((operation) => !/^(Describe|List|Get|BatchGet|Simulate)/.test(operation))).toEqual([]);
    expect(summaryMarkdown(result as DeployResult)).toContain('PLAN (dry run: nothing changed)');
  });
});
