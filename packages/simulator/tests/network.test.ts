/**
 * The EC2 and Elastic Load Balancing v2 sides through the real SDK clients (endpoints from AWS_ENDPOINT_URL_EC2 and
 * AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2), over the Query protocols: DescribeSubnets; DescribeTargetGroups,
 * DescribeTargetGroupAttributes and DescribeTargetHealth of the tasks ECS registered; their errors; and how a
 * target group's health check interval and deregistration delay time a rollout.
 */
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import { describeService, ecsClient, errorOf, fargateTaskDefinition, primaryOf } from './ecs-helpers.js';

let sim: Simulator;
let ec2: EC2Client;
let elbv2: ElasticLoadBalancingV2Client;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  const common = {
    region: sim.env.AWS_REGION,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  };
  ec2 = new EC2Client({ ...common, endpoint: sim.env.AWS_ENDPOINT_URL_EC2 });
  elbv2 = new ElasticLoadBalancingV2Client({ ...common, endpoint: sim.env.AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 });
  sim.ec2.addSubnet({ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZone: 'us-east-1a' });
  sim.ec2.addSubnet({ subnetId: 'subnet-0aaaaaaaaaaaaaaa2', availabilityZone: 'us-east-1b' });
  sim.ec2.addSubnet({
    subnetId: 'subnet-0aaaaaaaaaaaaaaa3',
    availabilityZone: 'us-east-1b',
    vpcId: 'vpc-0ffffffffffffffff',
  });
});

afterAll(async () => {
  ec2.destroy();
  elbv2.destroy();
  await sim.close();
});

beforeEach(() => sim.faults.clear());

describe('EC2 DescribeSubnets', () => {
  it('answers the asked subnets with their Availability Zones', async () => {
    const out = await ec2.send(
      new DescribeSubnetsCommand({ SubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'] }),
    );
    expect(out.Subnets?.map((s) => [s.SubnetId, s.AvailabilityZone, s.AvailabilityZoneId, s.State])).toEqual([
      ['subnet-0aaaaaaaaaaaaaaa1', 'us-east-1a', 'use1-az1', 'available'],
      ['subnet-0aaaaaaaaaaaaaaa2', 'us-east-1b', 'use1-az2', 'available'],
    ]);
    expect(out.Subnets?.[0]).toMatchObject({ VpcId: 'vpc-0a1b2c3d4e5f60718', MapPublicIpOnLaunch: false });
    expect(sim.iamActions()).toContain('ec2:DescribeSubnets');
  });

  it('filters (vpc-id, availability-zone) and pages', async () => {
    const out = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [
          { Name: 'vpc-id', Values: ['vpc-0a1b2c3d4e5f60718'] },
          { Name: 'availability-zone', Values: ['us-east-1b', 'us-east-1c'] },
        ],
      }),
    );
    expect(out.Subnets?.map((s) => s.SubnetId)).toEqual(['subnet-0aaaaaaaaaaaaaaa2']);
    const page = await ec2.send(new DescribeSubnetsCommand({ MaxResults: 5 }));
    expect(page.Subnets).toHaveLength(3);
    expect(page.NextToken).toBeUndefined();
  });

  it('a missing, a malformed subnet, a bad filter: EC2 error codes and messages', async () => {
    const missing = await errorOf(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0bbbbbbbbbbbbbbb1'] })));
    expect(missing.name).toBe('InvalidSubnetID.NotFound');
    expect(missing.message).toBe("The subnet ID 'subnet-0bbbbbbbbbbbbbbb1' does not exist");
    const malformed = await errorOf(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['sub-1'] })));
    expect(malformed.name).toBe('InvalidSubnetID.Malformed');
    expect(malformed.message).toBe('Invalid id: "sub-1"');
    const filter = await errorOf(ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'color', Values: ['x'] }] })));
    expect(filter.name).toBe('InvalidParameterValue');
  });

  it('faults: throttled and denied as EC2 says it', async () => {
    sim.faults.inject({ api: 'ec2', operation: 'DescribeSubnets', kind: 'access-denied' });
    const denied = await errorOf(ec2.send(new DescribeSubnetsCommand({})));
    expect(denied.name).toBe('UnauthorizedOperation');
    expect(denied.message).toMatch(/not authorized to perform: ec2:DescribeSubnets/);
    sim.faults.inject({ api: 'ec2', operation: 'DescribeSubnets', kind: 'throttle' });
    expect((await errorOf(ec2.send(new DescribeSubnetsCommand({})))).name).toBe('RequestLimitExceeded');
  });
});

describe("ECS tasks in the service's subnets", () => {
  it("spreads a service across the Availability Zones of its subnets; a task is in its subnet's zone", async () => {
    const client = ecsClient(sim);
    const family = 'net-spread';
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 2,
      taskDefinition: fargateTaskDefinition(family, 'registry.local/app:good'),
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0aaaaaaaaaaaaaaa2', 'subnet-0aaaaaaaaaaaaaaa3', 'subnet-0aaaaaaaaaaaaaaa1'],
        },
      },
    });
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, desiredCount: 5 }));
    sim.clock.advance(120_000);
    const arns = (await client.send(new ListTasksCommand({ cluster: 'prod', serviceName: family }))).taskArns ?? [];
    const tasks = (await client.send(new DescribeTasksCommand({ cluster: 'prod', tasks: arns }))).tasks ?? [];
    const placed = tasks.map((task) => [
      task.attachments?.[0]?.details?.find((detail) => detail.name === 'subnetId')?.value,
      task.availabilityZone,
    ]);
    expect(placed).toHaveLength(5);
    // Zone b (two subnets, the first listed) and zone a take turns; each task is in its subnet's zone.
    const count = (zone: string) => placed.filter(([, at]) => at === zone).length;
    expect([count('us-east-1b'), count('us-east-1a')]).toEqual([3, 2]);
    expect(new Set(placed.map(([subnet, zone]) => `${subnet} ${zone}`))).toEqual(
      new Set(['subnet-0aaaaaaaaaaaaaaa2 us-east-1b', 'subnet-0aaaaaaaaaaaaaaa1 us-east-1a']),
    );
  });
});

describe('Elastic Load Balancing v2', () => {
  it('DescribeTargetGroups by ARN and by name, with the ELBv2 defaults', async () => {
    const arn = sim.elbv2.addTargetGroup({ name: 'web-tg', port: 8080 });
    const byArn = await elbv2.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }));
    expect(byArn.TargetGroups?.[0]).toMatchObject({
      TargetGroupArn: arn,
      TargetGroupName: 'web-tg',
      Protocol: 'HTTP',
      Port: 8080,
      TargetType: 'ip',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      HealthCheckPath: '/',
      Matcher: { HttpCode: '200' },
    });
    const byName = await elbv2.send(new DescribeTargetGroupsCommand({ Names: ['web-tg'] }));
    expect(byName.TargetGroups?.map((g) => g.TargetGroupArn)).toEqual([arn]);
    expect(sim.iamActions()).toContain('elasticloadbalancing:DescribeTargetGroups');
    const attributes = await elbv2.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: arn }));
    expect(attributes.Attributes).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '300' });
  });

  it('an unknown target group: TargetGroupNotFoundException', async () => {
    const missing = `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/${'0'.repeat(16)}`;
    const error = await errorOf(elbv2.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [missing] })));
    expect(error.name).toBe('TargetGroupNotFoundException');
    expect(error.message).toBe('One or more target groups not found');
    const health = await errorOf(elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: missing })));
    expect(health.name).toBe('TargetGroupNotFoundException');
    sim.faults.inject({ api: 'elbv2', operation: 'DescribeTargetGroups', kind: 'access-denied' });
    const denied = await errorOf(elbv2.send(new DescribeTargetGroupsCommand({})));
    expect(denied.name).toBe('AccessDenied');
  });

  it('a rollout behind a seeded target group: targets initial for one health check interval, draining for the deregistration delay', async () => {
    const client = ecsClient(sim);
    const arn = sim.elbv2.addTargetGroup({
      name: 'fast-tg',
      port: 8080,
      healthCheckIntervalSeconds: 10,
      deregistrationDelaySeconds: 20,
    });
    const family = 'net-fast';
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: family,
      desiredCount: 1,
      taskDefinition: fargateTaskDefinition(family, 'registry.local/app:good'),
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
      loadBalancers: [{ targetGroupArn: arn, containerName: 'app', containerPort: 8080 }],
    });
    const health = async () =>
      ((await elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).TargetHealthDescriptions ?? [])
        .map((d) => `${d.TargetHealth?.State}${d.TargetHealth?.Reason ? `(${d.TargetHealth.Reason})` : ''}`)
        .sort()
        .join(',');
    expect(await health()).toBe('healthy');
    await client.send(
      new RegisterTaskDefinitionCommand(fargateTaskDefinition(family, 'registry.local/app:v2') as never),
    );
    await client.send(new UpdateServiceCommand({ cluster: 'prod', service: family, taskDefinition: family }));
    const seen: string[] = [];
    let last = '';
    const started = sim.clock.now();
    let completedAt = 0;
    for (let step = 0; step < 100 && !completedAt; step++) {
      const now = await health();
      if (last !== now) seen.push(`${(sim.clock.now() - started) / 1000}s ${now}`);
      last = now;
      if (primaryOf(await describeService(client, 'prod', family))?.rolloutState === 'COMPLETED') {
        completedAt = (sim.clock.now() - started) / 1000;
      }
      sim.clock.advance(5_000);
    }
    expect(seen).toEqual([
      '0s healthy',
      // The new task is RUNNING at 30 s; its target is healthy after one 10 s health check interval.
      '30s healthy,initial(Elb.RegistrationInProgress)',
      // Then the old target drains for the 20 s deregistration delay.
      '40s draining(Target.DeregistrationInProgress),healthy',
      '60s healthy',
    ]);
    expect(completedAt).toBeGreaterThan(60);
  });
});
