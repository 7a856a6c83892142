/**
 * What the preflight reads before any change: the Availability Zones of the service's subnets (where its running
 * tasks are, from ECS; EC2 DescribeSubnets unless those already span two zones) and its target groups' health check and deregistration delay settings (ELBv2
 * DescribeTargetGroups, DescribeTargetGroupAttributes), and the health checks of the task definition to deploy.
 * A read that fails (no permission, say) skips the checks that need it with one note naming the permission; it
 * never fails the step.
 */
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
import { errorCode, isAbort } from '../aws-errors.js';
import type { CallLimits, DeploySession } from '../session.js';
import type { PreflightFacts, TargetGroupFacts } from './checks.js';

/** The zone recorded for the only subnet of a service, not asked of EC2. */
export const ONE_SUBNET = "(the one subnet's zone)";

export interface PreflightRead {
  facts: PreflightFacts;
  /** One line per read that failed, naming the permission and the checks it skipped. */
  notes: string[];
}

interface ContainerLike {
  name?: string;
  essential?: boolean;
  healthCheck?: unknown;
}

export async function readPreflightFacts(
  session: DeploySession,
  service: Service,
  limits: CallLimits,
): Promise<PreflightRead> {
  const notes: string[] = [];
  const attempt = async <T>(permission: string, skipped: string, read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (isAbort(error) || session.cancelled) throw error;
      notes.push(`Could not check ${skipped}: ${permission} failed with ${errorCode(error)} (${errorMessage(error)}).`);
      return undefined;
    }
  };
  const [containers, subnetZones, targetGroups] = await Promise.all([
    attempt('ecs:DescribeTaskDefinition', 'the container health checks', () => containersToDeploy(session, limits)),
    attempt('ec2:DescribeSubnets', 'the Availability Zones of the subnets', () =>
      subnetZonesOf(session, service, limits),
    ),
    attempt('elasticloadbalancing:DescribeTargetGroups and DescribeTargetGroupAttributes', 'the target groups', () =>
      targetGroupsOf(session, service, limits),
    ),
  ]);
  return {
    facts: {
      service,
      // Unread: assume a health check, so no finding is made up.
      containers: containers ?? [{ name: '?', essential: true, healthCheck: true }],
      ...(subnetZones ? { subnetZones } : {}),
      ...(targetGroups ? { targetGroups } : {}),
    },
    notes,
  };
}

async function containersToDeploy(session: DeploySession, limits: CallLimits): Promise<PreflightFacts['containers']> {
  const source = session.inputs.taskDefinition;
  let containers: ContainerLike[];
  if (source.kind === 'file') {
    containers = (source.rendered.request.containerDefinitions ?? []) as ContainerLike[];
  } else {
    const described = await session.bounded(
      'DescribeTaskDefinition',
      (o) => session.deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o),
      limits,
    );
    containers = (described.taskDefinition?.containerDefinitions ?? []) as ContainerLike[];
  }
  return containers.map((container) => ({
    name: container.name ?? '?',
    // ECS: a container is essential unless it says otherwise.
    essential: container.essential !== false,
    healthCheck: container.healthCheck !== undefined && container.healthCheck !== null,
  }));
}

async function subnetZonesOf(
  session: DeploySession,
  service: Service,
  limits: CallLimits,
): Promise<Map<string, string> | undefined> {
  const subnets = service.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
  if (subnets.length === 0) return undefined;
  // One subnet is one Availability Zone: no need to ask EC2 (whose client is a large chunk to load).
  if (subnets.length === 1) return new Map([[subnets[0] ?? '?', ONE_SUBNET]]);
  // Running tasks in two zones show the subnets span two; only otherwise is EC2 asked about every subnet.
  const seen = await zonesOfRunningTasks(session, subnets, limits);
  if (new Set(seen.values()).size >= 2) return seen;
  if (!session.deps.ec2) return undefined;
  const [ec2, { DescribeSubnetsCommand }] = await Promise.all([session.deps.ec2(), import('@aws-sdk/client-ec2')]);
  const answer = await session.bounded(
    'DescribeSubnets',
    (o) => ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnets }), o),
    limits,
  );
  return new Map((answer.Subnets ?? []).map((subnet) => [subnet.SubnetId ?? '?', subnet.AvailabilityZone ?? '?']));
}

/**
 * The zones the service's running tasks are in, by subnet (DescribeTasks: the task's Availability Zone and its network
 * interface's subnet), for the service's own subnets only: a task still running in a subnet the service no longer
 * uses says nothing about it. Empty when the tasks cannot be read (the EC2 read then decides).
 */
async function zonesOfRunningTasks(
  session: DeploySession,
  subnets: readonly string[],
  limits: CallLimits,
): Promise<Map<string, string>> {
  const { cluster, service } = session.inputs;
  const { ecs } = session.deps;
  const zones = new Map<string, string>();
  try {
    const listed = await session.bounded(
      'ListTasks',
      (o) =>
        ecs.send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus: 'RUNNING', maxResults: 100 }), o),
      limits,
    );
    const arns = listed.taskArns ?? [];
    if (arns.length === 0) return zones;
    const described = await session.bounded(
      'DescribeTasks',
      (o) => ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }), o),
      limits,
    );
    for (const task of described.tasks ?? []) {
      const subnet = task.attachments
        ?.find((attachment) => attachment.type === 'ElasticNetworkInterface')
        ?.details?.find((detail) => detail.name === 'subnetId')?.value;
      if (subnet && task.availabilityZone && subnets.includes(subnet)) zones.set(subnet, task.availabilityZone);
    }
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
  }
  return zones;
}

async function targetGroupsOf(
  session: DeploySession,
  service: Service,
  limits: CallLimits,
): Promise<TargetGroupFacts[] | undefined> {
  const arns = [
    ...new Set((service.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : []))),
  ];
  if (arns.length === 0 || !session.deps.elbv2) return arns.length === 0 ? [] : undefined;
  const [elbv2, sdk] = await Promise.all([session.deps.elbv2(), import('@aws-sdk/client-elastic-load-balancing-v2')]);
  const described = await session.bounded(
    'DescribeTargetGroups',
    (o) => elbv2.send(new sdk.DescribeTargetGroupsCommand({ TargetGroupArns: arns }), o),
    limits,
  );
  return Promise.all(
    (described.TargetGroups ?? []).map(async (group) => {
      const attributes = await session.bounded(
        'DescribeTargetGroupAttributes',
        (o) => elbv2.send(new sdk.DescribeTargetGroupAttributesCommand({ TargetGroupArn: group.TargetGroupArn }), o),
        limits,
      );
      const delay = attributes.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value;
      return {
        arn: group.TargetGroupArn ?? '?',
        name: group.TargetGroupName ?? '?',
        healthCheckIntervalSeconds: group.HealthCheckIntervalSeconds ?? 30,
        healthyThresholdCount: group.HealthyThresholdCount ?? 5,
        // ELBv2's default when the attribute is missing.
        deregistrationDelaySeconds: delay === undefined ? 300 : Number(delay),
      };
    }),
  );
}
