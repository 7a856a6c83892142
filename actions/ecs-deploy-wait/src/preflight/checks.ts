/**
 * The preflight's findings: what in a service's settings makes it less than highly available, each with why it
 * matters and the fix. Pure: it judges facts read before (read.ts), so each check is tested on its own.
 */
import type { Service } from '@aws-sdk/client-ecs';

/** What the preflight read about the service and what it depends on. */
export interface PreflightFacts {
  service: Service;
  /** The containers of the task definition being deployed. */
  containers: { name: string; essential: boolean; healthCheck: boolean }[];
  /** The Availability Zone of each of the service's subnets; undefined when not read (see notes). */
  subnetZones?: Map<string, string>;
  /** The service's target groups, as ELBv2 describes them; undefined when not read. */
  targetGroups?: TargetGroupFacts[];
}

export interface TargetGroupFacts {
  arn: string;
  name: string;
  healthCheckIntervalSeconds: number;
  healthyThresholdCount: number;
  deregistrationDelaySeconds: number;
}

export interface Finding {
  /** A short id, e.g. "desired-count". */
  check: string;
  what: string;
  why: string;
  fix: string;
}

/** The latest Fargate platform version per platform family (Fargate platform versions, developer guide). */
export const LATEST_FARGATE_PLATFORM: Record<string, string> = { LINUX: '1.4.0', WINDOWS_SERVER_2019_FULL: '1.0.0' };

const ROLLING = new Set(['ROLLING', undefined]);

export function findingsOf(facts: PreflightFacts): Finding[] {
  const { service } = facts;
  const findings: Finding[] = [];
  const desired = service.desiredCount ?? 0;
  const config = service.deploymentConfiguration ?? {};

  if (desired < 2) {
    findings.push({
      check: 'desired-count',
      what: `desired count is ${desired}`,
      why: 'one task is a single point of failure: when it or its Availability Zone fails, the service is down until a new task starts',
      fix: 'run at least 2 tasks (desiredCount: 2 or more), in subnets of at least 2 Availability Zones',
    });
  }

  if (facts.subnetZones) {
    const zones = [...new Set(facts.subnetZones.values())].sort();
    if (zones.length < 2) {
      const subnets = [...facts.subnetZones.keys()];
      findings.push({
        check: 'availability-zones',
        what:
          subnets.length === 1
            ? `the service has one subnet (${subnets[0]}), so one Availability Zone`
            : `the service's subnets (${subnets.join(', ')}) are all in ${zones[0] ?? 'one Availability Zone'}`,
        why: 'ECS spreads tasks across the Availability Zones of the subnets; with one, an outage of that zone stops every task',
        fix: 'add a subnet in a second Availability Zone to the service network configuration',
      });
    }
  }

  const breaker = config.deploymentCircuitBreaker;
  const alarms = config.alarms;
  const breakerRollsBack = breaker?.enable === true && breaker.rollback === true;
  const alarmsRollBack = alarms?.enable === true && alarms.rollback === true && (alarms.alarmNames ?? []).length > 0;
  if (!breakerRollsBack && !alarmsRollBack) {
    findings.push({
      check: 'automatic-rollback',
      what: 'neither the deployment circuit breaker with rollback nor CloudWatch alarms with rollback is on',
      why: 'a deployment whose tasks keep failing is not stopped by ECS: without this step it would go on failing until someone notices',
      fix: 'set deploymentConfiguration.deploymentCircuitBreaker to {"enable": true, "rollback": true}',
    });
  }

  const strategy = config.strategy;
  if (ROLLING.has(strategy) && desired > 0) {
    const minimumHealthy = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100);
    if (minimumHealthy === 0) {
      findings.push({
        check: 'minimum-healthy-percent',
        what: `minimumHealthyPercent is ${config.minimumHealthyPercent}: with ${desired} task${desired === 1 ? '' : 's'}, ECS may stop every running task before new ones are healthy`,
        why: 'nothing serves requests during part of every rollout',
        fix: 'set minimumHealthyPercent to 100 (and maximumPercent to 200 for speed), or at least a value that keeps one task',
      });
    }
  }

  const containerHealthCheck = facts.containers.some((container) => container.essential && container.healthCheck);
  const loadBalanced = (service.loadBalancers ?? []).some((lb) => lb.targetGroupArn);
  if (!containerHealthCheck && !loadBalanced) {
    findings.push({
      check: 'health-check',
      what: 'no essential container has a health check and the service has no load balancer target group',
      why: 'ECS counts a task as healthy as soon as it runs: a version that starts but does not serve is deployed as a success',
      fix: 'add a healthCheck to the essential container of the task definition, or put the service behind a target group',
    });
  }

  const platformVersion = service.platformVersion;
  const family = service.platformFamily ?? 'LINUX';
  const latest = LATEST_FARGATE_PLATFORM[family];
  if (platformVersion && platformVersion !== 'LATEST' && latest && platformVersion !== latest) {
    findings.push({
      check: 'platform-version',
      what: `the Fargate platform version is pinned to ${platformVersion}; the latest is ${latest}`,
      why: 'older platform versions miss fixes and features, and AWS retires them',
      fix: `set platformVersion to LATEST (or ${latest})`,
    });
  }
  return findings;
}

/** One line per finding: what, why it matters, the fix. */
export function findingLine(finding: Finding): string {
  return `${finding.what}: ${finding.why}. Fix: ${finding.fix}.`;
}
