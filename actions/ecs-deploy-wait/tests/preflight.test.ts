/**
 * The preflight: each finding found and not found (findingsOf on facts), the least rollout time (predictRollout),
 * and, through deploy() against the simulator's ECS, EC2 and ELBv2: what it reads, a denied read as one note,
 * `fail` changing nothing, and the prediction against the simulated rollout.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import type { Service } from '@aws-sdk/client-ecs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ConfigurationError, realSleep, systemClock } from '@ecs-actions/core';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { deploy } from '../src/deploy.js';
import type { DeployInputs } from '../src/inputs.js';
import { findingsOf, type PreflightFacts } from '../src/preflight/checks.js';
import { predictRollout } from '../src/preflight/rollout-time.js';
import { summaryMarkdown } from '../src/summary.js';
import { toRegisterRequest } from '../src/taskdef.js';
import { deployInputs } from './deploy-inputs.js';
import { CapturingLog } from './fake-ecs.js';
import { withImage } from './seed.js';

/** A service with nothing to find: 2 tasks, 2 zones, breaker with rollback, 100 % healthy, a container health check. */
const GOOD: PreflightFacts = {
  service: {
    desiredCount: 2,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    platformVersion: 'LATEST',
  },
  containers: [{ name: 'app', essential: true, healthCheck: true }],
  subnetZones: new Map([
    ['subnet-a', 'us-east-1a'],
    ['subnet-b', 'us-east-1b'],
  ]),
  targetGroups: [],
};

const withService = (service: Partial<Service>): PreflightFacts => ({
  ...GOOD,
  service: { ...GOOD.service, ...service },
});

describe('findingsOf', () => {
  it('finds nothing in a highly available service', () => {
    expect(findingsOf(GOOD)).toEqual([]);
  });

  it.each<[string, PreflightFacts, string]>([
    ['desired-count', withService({ desiredCount: 1 }), 'desired count is 1'],
    [
      'availability-zones',
      {
        ...GOOD,
        subnetZones: new Map([
          ['subnet-a', 'us-east-1a'],
          ['subnet-c', 'us-east-1a'],
        ]),
      },
      'are all in us-east-1a',
    ],
    [
      'automatic-rollback',
      withService({
        deploymentConfiguration: {
          ...GOOD.service.deploymentConfiguration,
          deploymentCircuitBreaker: { enable: true, rollback: false },
        },
      }),
      'neither the deployment circuit breaker with rollback nor CloudWatch alarms',
    ],
    [
      'minimum-healthy-percent',
      withService({ deploymentConfiguration: { ...GOOD.service.deploymentConfiguration, minimumHealthyPercent: 0 } }),
      'minimumHealthyPercent is 0',
    ],
    [
      'health-check',
      { ...GOOD, containers: [{ name: 'app', essential: true, healthCheck: false }] },
      'no essential container has a health check',
    ],
    ['platform-version', withService({ platformVersion: '1.3.0' }), 'pinned to 1.3.0; the latest is 1.4.0'],
  ])('%s: found', (check, facts, what) => {
    const findings = findingsOf(facts);
    expect(findings.map((finding) => finding.check)).toEqual([check]);
    expect(findings[0]?.what).toContain(what);
    expect(findings[0]?.fix).not.toBe('');
  });

  it('not found where the service covers it another way', () => {
    // Alarms with rollback instead of the breaker; a target group instead of a container health check; one
    // unreadable input (subnets) makes no finding; a non-essential container's health check does not count.
    const facts: PreflightFacts = {
      service: {
        ...GOOD.service,
        deploymentConfiguration: {
          minimumHealthyPercent: 50,
          alarms: { alarmNames: ['web-5xx'], enable: true, rollback: true },
        },
        loadBalancers: [{ targetGroupArn: 'arn:tg', containerName: 'app', containerPort: 8080 }],
        platformVersion: '1.4.0',
      },
      containers: [{ name: 'sidecar', essential: false, healthCheck: true }],
    };
    expect(findingsOf(facts)).toEqual([]);
  });
});

describe('predictRollout', () => {
  const tg = { arn: 'arn:tg', name: 'web', healthCheckIntervalSeconds: 30, healthyThresholdCount: 5 };

  it('200/100: one round, the deregistration delay dominates', () => {
    const prediction = predictRollout({ ...GOOD, targetGroups: [{ ...tg, deregistrationDelaySeconds: 300 }] });
    expect(prediction).toMatchObject({ rounds: 1, perRound: 2, leastMs: (30 + 30 + 300 + 10) * 1000 });
    expect(prediction?.text).toContain('The deregistration delay 5m dominates: it adds at least 5m to every deploy');
  });

  it('100/50 with 4 tasks: two rounds of two', () => {
    const prediction = predictRollout({
      ...withService({ desiredCount: 4, deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 50 } }),
      targetGroups: [{ ...tg, deregistrationDelaySeconds: 300 }],
    });
    expect(prediction).toMatchObject({ rounds: 2, perRound: 2, leastMs: 2 * (30 + 30 + 300 + 10) * 1000 });
  });

  it('100/100 with 3 tasks and no load balancer: one at a time, the percentages dominate', () => {
    const prediction = predictRollout(
      withService({ desiredCount: 3, deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 67 } }),
    );
    expect(prediction).toMatchObject({ rounds: 3, perRound: 1, leastMs: 3 * 40_000 });
    expect(prediction?.dominant?.setting).toBe('maximumPercent 100 / minimumHealthyPercent 67');
  });

  it('not predicted for blue/green (its follower knows its least time)', () => {
    expect(predictRollout(withService({ deploymentConfiguration: { strategy: 'BLUE_GREEN' } }))).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------------ simulator

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Setup {
  zones: string[];
  targetGroup?: { deregistrationDelaySeconds: number; healthCheckIntervalSeconds: number };
  desiredCount?: number;
  preflight: DeployInputs['preflight'];
  timeScale?: number;
  /** Called once the simulator is seeded, before the deploy. */
  before?: (sim: Simulator) => void;
}

async function deployWith(setup: Setup) {
  sim = await startSimulator({ timeScale: setup.timeScale ?? 100 });
  const subnets = setup.zones.map((zone, i) => {
    const subnetId = `subnet-0${String(i).repeat(16)}`;
    sim?.ec2.addSubnet({ subnetId, availabilityZone: zone });
    return subnetId;
  });
  const targetGroupArn = setup.targetGroup
    ? sim.elbv2.addTargetGroup({ name: 'web', port: 8080, ...setup.targetGroup })
    : undefined;
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: withImage(`${REPO}:1`),
    desiredCount: setup.desiredCount ?? 2,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    networkConfiguration: { awsvpcConfiguration: { subnets, securityGroups: ['sg-0123456789abcdef0'] } },
    ...(targetGroupArn
      ? { loadBalancers: [{ targetGroupArn, containerName: 'ecs_be_prod_container', containerPort: 8080 }] }
      : {}),
  });
  const rendered = toRegisterRequest(withImage(`${REPO}:2`));
  if ('problem' in rendered) throw new Error(rendered.problem);
  const { env } = sim;
  const common = {
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  };
  const ecs = new ECSClient({ ...common, endpoint: env.AWS_ENDPOINT_URL_ECS });
  const ec2 = new EC2Client({ ...common, endpoint: env.AWS_ENDPOINT_URL_EC2 });
  const elbv2 = new ElasticLoadBalancingV2Client({
    ...common,
    endpoint: env.AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2,
  });
  const log = new CapturingLog();
  const inputs = deployInputs(rendered, { timeoutMs: 3_600_000, pollIntervalMs: 100, preflight: setup.preflight });
  setup.before?.(sim);
  try {
    const outcome = await deploy(inputs, {
      ecs,
      ecsSingleAttempt: ecs,
      region: env.AWS_REGION,
      clock: systemClock,
      sleep: realSleep,
      log,
      ec2: async () => ec2,
      elbv2: async () => elbv2,
    }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    // The rollout, in simulated time: from UpdateService (its call's real time) to the step's end.
    const update = sim.callsOf('UpdateService')[0];
    const rolloutMs = update ? (Date.now() - update.time) * (setup.timeScale ?? 100) : 0;
    return { result: undefined, error: undefined, ...outcome, log, sim, rolloutMs };
  } finally {
    ecs.destroy();
    ec2.destroy();
    elbv2.destroy();
  }
}

describe('the preflight in a deploy (simulator)', () => {
  it('warn: reads subnets and target groups, warns, deploys, and the summary shows predicted vs actual', async () => {
    const { result, log, sim } = await deployWith({
      zones: ['us-east-1a', 'us-east-1a'],
      targetGroup: { deregistrationDelaySeconds: 300, healthCheckIntervalSeconds: 30 },
      preflight: 'warn',
    });
    expect(result?.status).toBe('succeeded');
    expect(log.warnings.filter((w) => w.startsWith('Preflight:'))).toEqual([
      expect.stringContaining('are all in us-east-1a'),
    ]);
    expect(log.text()).toContain('The deregistration delay 5m dominates');
    expect(sim.iamActions()).toEqual(
      expect.arrayContaining([
        'ec2:DescribeSubnets',
        'elasticloadbalancing:DescribeTargetGroups',
        'elasticloadbalancing:DescribeTargetGroupAttributes',
      ]),
    );
    const summary = summaryMarkdown(result as never);
    expect(summary).toMatch(/\(predicted at least 6m10s\)/);
    expect(summary).toContain('#### Preflight findings');
  });

  it('fail: a finding fails the step before any change', async () => {
    const { error, sim } = await deployWith({ zones: ['us-east-1a'], preflight: 'fail', desiredCount: 1 });
    // One subnet is one zone: EC2 is not asked.
    expect(sim.callsOf('DescribeSubnets')).toHaveLength(0);
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Preflight found 3 problems with service web \(preflight: fail\); nothing was registered or deployed/,
    );
    expect(message).toContain('desired count is 1');
    expect(message).toMatch(/the service has one subnet \(subnet-0\w+\), so one Availability Zone/);
    expect(message).toContain('no essential container has a health check');
    expect(message).toMatch(/Fix them, or set preflight: warn to deploy anyway\.$/);
    expect(sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(sim.callsOf('UpdateService')).toHaveLength(0);
  });

  it("two zones among the running tasks' subnets settle it: EC2 is not asked", async () => {
    const { result, log, sim } = await deployWith({ zones: ['us-east-1a', 'us-east-1b'], preflight: 'warn' });
    expect(result?.status).toBe('succeeded');
    expect(sim.callsOf('DescribeTasks').length).toBeGreaterThan(0);
    expect(sim.callsOf('DescribeSubnets')).toHaveLength(0);
    expect(log.warnings.join('\n')).not.toContain('Availability Zone');
  });

  it('a denied read is one note naming the permission, and its checks are skipped', async () => {
    const { result, log } = await deployWith({
      zones: ['us-east-1a', 'us-east-1b'],
      // One task is in one zone: only EC2 can say where the other subnet is.
      desiredCount: 1,
      preflight: 'warn',
      before: (sim) => sim.faults.inject({ api: 'ec2', operation: 'DescribeSubnets', kind: 'access-denied' }),
    });
    expect(result?.status).toBe('succeeded');
    expect(log.text()).toMatch(
      /Could not check the Availability Zones of the subnets: ec2:DescribeSubnets failed with UnauthorizedOperation/,
    );
    // The zones finding is skipped (the desired count finding is there, and is the only one that names zones).
    expect(log.warnings.filter((w) => w.includes('subnets'))).toEqual([
      expect.stringMatching(/^Preflight: desired count is 1/),
    ]);
  });

  it('the prediction is within 20 % of the simulated rollout', async () => {
    const { result, rolloutMs } = await deployWith({
      zones: ['us-east-1a', 'us-east-1b'],
      targetGroup: { deregistrationDelaySeconds: 120, healthCheckIntervalSeconds: 15 },
      preflight: 'warn',
      timeScale: 50,
    });
    expect(result?.status).toBe('succeeded');
    const predicted = result?.preflight?.predictedMs ?? 0;
    expect(predicted).toBe((30 + 15 + 120 + 10) * 1000);
    expect(Math.abs(rolloutMs - predicted) / rolloutMs).toBeLessThanOrEqual(0.2);
  });
});
