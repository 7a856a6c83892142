/**
 * The Elastic Load Balancing v2 side: target groups, for the rollout-speed preflight and for rollout timing.
 * Serves DescribeTargetGroups, DescribeTargetGroupAttributes and DescribeTargetHealth over the awsQuery protocol
 * with the shapes, defaults and errors of the ELBv2 API reference. Target groups are seeded with
 * `addTargetGroup`; their targets are the ECS side's tasks of services registered behind them.
 *
 * Timing the ECS side reads from here: a newly registered target is healthy once it passes one health check
 * (Application Load Balancer guide, "Health checks for your target groups"), so one HealthCheckIntervalSeconds
 * after its task is RUNNING; a deregistered one drains for `deregistration_delay.timeout_seconds`.
 */
import { type AwsQueryService, AwsServiceError, type TargetState } from '../contract.js';
import type { QueryParams, XmlValue } from '../query/protocol.js';

export interface TargetGroupInput {
  name: string;
  protocol?: 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP';
  port?: number;
  targetType?: 'ip' | 'instance';
  vpcId?: string;
  healthCheckPath?: string;
  /** 5 to 300; default 30. */
  healthCheckIntervalSeconds?: number;
  /** 2 to 120; default 5. */
  healthCheckTimeoutSeconds?: number;
  /** 2 to 10; default 5. */
  healthyThresholdCount?: number;
  /** 2 to 10; default 2. */
  unhealthyThresholdCount?: number;
  /** `deregistration_delay.timeout_seconds`, 0 to 3600; default 300. */
  deregistrationDelaySeconds?: number;
  loadBalancerArns?: string[];
}

interface TargetGroupRecord extends Required<Omit<TargetGroupInput, 'deregistrationDelaySeconds'>> {
  arn: string;
  attributes: Map<string, string>;
}

/** Why a target is in its state: DescribeTargetHealth's TargetHealth.Reason and Description. */
const REASONS: Record<TargetState['state'], { Reason?: string; Description?: string }> = {
  initial: { Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' },
  healthy: {},
  unhealthy: { Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' },
  draining: { Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' },
};

const notFound = () => new AwsServiceError('TargetGroupNotFound', 'One or more target groups not found');

export class Elbv2Simulator implements AwsQueryService {
  readonly api = 'elbv2' as const;
  readonly protocol = 'awsQuery' as const;
  readonly version = '2015-12-01';
  readonly xmlns = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';
  private readonly groups = new Map<string, TargetGroupRecord>();
  private serial = 0;

  constructor(
    private readonly options: {
      accountId: string;
      region: string;
      /** The targets registered in a target group (the ECS side's tasks behind it). */
      targets?: (targetGroupArn: string) => TargetState[];
    },
  ) {}

  /** Seeds a target group with ELBv2's defaults for what is not given; returns its ARN. */
  addTargetGroup(input: TargetGroupInput): string {
    const delay = input.deregistrationDelaySeconds ?? 300;
    if (!Number.isInteger(delay) || delay < 0 || delay > 3600) {
      throw new Error(`addTargetGroup: deregistrationDelaySeconds must be an integer from 0 to 3600, got ${delay}`);
    }
    const interval = input.healthCheckIntervalSeconds ?? 30;
    if (!Number.isInteger(interval) || interval < 5 || interval > 300) {
      throw new Error(`addTargetGroup: healthCheckIntervalSeconds must be an integer from 5 to 300, got ${interval}`);
    }
    this.serial++;
    const arn = `arn:aws:elasticloadbalancing:${this.options.region}:${this.options.accountId}:targetgroup/${input.name}/${this.serial.toString(16).padStart(16, '0')}`;
    this.groups.set(arn, {
      name: input.name,
      protocol: input.protocol ?? 'HTTP',
      port: input.port ?? 80,
      targetType: input.targetType ?? 'ip',
      vpcId: input.vpcId ?? 'vpc-0a1b2c3d4e5f60718',
      healthCheckPath: input.healthCheckPath ?? '/',
      healthCheckIntervalSeconds: interval,
      healthCheckTimeoutSeconds: input.healthCheckTimeoutSeconds ?? 5,
      healthyThresholdCount: input.healthyThresholdCount ?? 5,
      unhealthyThresholdCount: input.unhealthyThresholdCount ?? 2,
      loadBalancerArns: input.loadBalancerArns ?? [],
      arn,
      attributes: new Map([
        ['deregistration_delay.timeout_seconds', String(delay)],
        ['stickiness.enabled', 'false'],
        ['stickiness.type', 'lb_cookie'],
        ['stickiness.lb_cookie.duration_seconds', '86400'],
        ['slow_start.duration_seconds', '0'],
        ['load_balancing.algorithm.type', 'round_robin'],
        ['load_balancing.cross_zone.enabled', 'use_load_balancer_configuration'],
      ]),
    });
    return arn;
  }

  /** `deregistration_delay.timeout_seconds` in ms, for a seeded target group. */
  deregistrationDelayMs(targetGroupArn: string): number | undefined {
    const seconds = this.groups.get(targetGroupArn)?.attributes.get('deregistration_delay.timeout_seconds');
    return seconds === undefined ? undefined : Number(seconds) * 1000;
  }

  /** How long after its task is RUNNING a new target is healthy: one health check interval. */
  healthyAfterMs(targetGroupArn: string): number | undefined {
    const group = this.groups.get(targetGroupArn);
    return group ? group.healthCheckIntervalSeconds * 1000 : undefined;
  }

  async handle(action: string, params: QueryParams): Promise<{ [name: string]: XmlValue }> {
    switch (action) {
      case 'DescribeTargetGroups':
        return this.describeTargetGroups(params);
      case 'DescribeTargetGroupAttributes':
        return { Attributes: this.attributesOf(this.group(params)) };
      case 'DescribeTargetHealth':
        return this.describeTargetHealth(params);
      default:
        throw new AwsServiceError('InvalidAction', `The action ${action} is not valid for this web service.`);
    }
  }

  private group(params: QueryParams): TargetGroupRecord {
    const arn = params.get('TargetGroupArn');
    if (!arn)
      throw new AwsServiceError(
        'ValidationError',
        "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null",
      );
    const group = this.groups.get(arn);
    if (!group) throw notFound();
    return group;
  }

  private describeTargetGroups(params: QueryParams): { [name: string]: XmlValue } {
    const arns = params.list('TargetGroupArns.member');
    const names = params.list('Names.member');
    const loadBalancer = params.get('LoadBalancerArn');
    if ([arns.length > 0, names.length > 0, loadBalancer !== undefined].filter(Boolean).length > 1) {
      throw new AwsServiceError(
        'ValidationError',
        'A load balancer ARN, target group ARNs or target group names can be specified, but not more than one',
      );
    }
    let found = [...this.groups.values()];
    if (arns.length > 0) {
      if (arns.some((arn) => !this.groups.has(arn))) throw notFound();
      found = arns.map((arn) => this.groups.get(arn) as TargetGroupRecord);
    } else if (names.length > 0) {
      found = names.map((name) => found.find((group) => group.name === name) ?? (undefined as never));
      if (found.some((group) => group === undefined)) throw notFound();
    } else if (loadBalancer !== undefined) {
      found = found.filter((group) => group.loadBalancerArns.includes(loadBalancer));
    }
    const pageSize = Number(params.get('PageSize') ?? 400);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 400) {
      throw new AwsServiceError(
        'ValidationError',
        `1 validation error detected: Value '${params.get('PageSize')}' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 400`,
      );
    }
    const start = Number(params.get('Marker') ?? 0);
    const page = found.slice(start, start + pageSize);
    return {
      TargetGroups: page.map((group) => this.groupShape(group)),
      NextMarker: start + pageSize < found.length ? String(start + pageSize) : undefined,
    };
  }

  private groupShape(group: TargetGroupRecord): { [name: string]: XmlValue } {
    const http = group.protocol === 'HTTP' || group.protocol === 'HTTPS';
    return {
      TargetGroupArn: group.arn,
      TargetGroupName: group.name,
      Protocol: group.protocol,
      Port: group.port,
      VpcId: group.vpcId,
      HealthCheckProtocol: http ? group.protocol : 'TCP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: group.healthCheckIntervalSeconds,
      HealthCheckTimeoutSeconds: group.healthCheckTimeoutSeconds,
      HealthyThresholdCount: group.healthyThresholdCount,
      UnhealthyThresholdCount: group.unhealthyThresholdCount,
      HealthCheckPath: http ? group.healthCheckPath : undefined,
      Matcher: http ? { HttpCode: '200' } : undefined,
      LoadBalancerArns: group.loadBalancerArns,
      TargetType: group.targetType,
      ProtocolVersion: http ? 'HTTP1' : undefined,
      IpAddressType: 'ipv4',
    };
  }

  private attributesOf(group: TargetGroupRecord): XmlValue[] {
    return [...group.attributes].map(([Key, Value]) => ({ Key, Value }));
  }

  private describeTargetHealth(params: QueryParams): { [name: string]: XmlValue } {
    const group = this.group(params);
    const registered = this.options.targets?.(group.arn) ?? [];
    const asked = params.structures('Targets.member');
    const described =
      asked.length === 0
        ? registered
        : asked.map(
            (target) =>
              registered.find(
                (candidate) =>
                  candidate.id === target.Id && String(candidate.port) === (target.Port ?? String(candidate.port)),
              ) ?? {
                id: target.Id ?? '',
                port: Number(target.Port ?? group.port),
                availabilityZone: undefined,
                state: 'unused' as const,
              },
          );
    return {
      TargetHealthDescriptions: described.map((target) => ({
        Target: { Id: target.id, Port: target.port, AvailabilityZone: target.availabilityZone },
        HealthCheckPort: String(target.port),
        TargetHealth:
          target.state === 'unused'
            ? {
                State: 'unused',
                Reason: 'Target.NotRegistered',
                Description: 'Target is not registered to the target group',
              }
            : { State: target.state, ...REASONS[target.state] },
      })),
    };
  }
}
