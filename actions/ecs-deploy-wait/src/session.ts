/**
 * What the phases of one deploy share: the inputs and injected clients, the step's start, the events and
 * progress lines already printed, the last service state seen, and the one way to call ECS (core's EcsCallSession:
 * errors explained, each call bounded by the cancel signal and, where given, a time limit).
 */
import { type Deployment, DescribeServicesCommand, type Service, type ServiceEvent } from '@aws-sdk/client-ecs';
import { AwsCallError, type CallLimits, EcsCallSession } from '@ecs-actions/core/ecs';
import type { DeployInputs } from './inputs.js';
import { PauseWatch } from './pause/watch-pauses.js';
import { RolloutTimeline } from './timeline/record.js';
import type { DeployDeps, Target, WrapUpBudgets } from './types.js';
import { WRAP_UP_BUDGETS } from './wrap-up.js';

export { type CallLimits, CHECK_TIMEOUT_MS } from '@ecs-actions/core/ecs';

export class DeploySession extends EcsCallSession<DeployDeps> {
  readonly started: number;
  readonly seenEvents = new Set<string>();
  readonly lastLines = new Map<string, string>();
  readonly newEvents: ServiceEvent[] = [];
  /** Deployments seen FAILED by the circuit breaker: one that then leaves the list was rolled back by ECS. */
  readonly breakerFailed = new Set<string>();
  lastService: Service | undefined;
  current: Target | undefined;
  /** PAUSE hooks: what each poll of a service deployment does about a pause (pause/watch-pauses.ts). */
  readonly pauses: PauseWatch;
  /** Deployments ECS rolled back itself (their service deployment shows it): a replacement is that rollback. */
  readonly rolledBackByEcs = new Set<string>();
  readonly wrapUpBudgets: WrapUpBudgets;
  /** What the step observed, with when: the summary's rollout timeline. */
  readonly timeline: RolloutTimeline;

  constructor(
    readonly inputs: DeployInputs,
    deps: DeployDeps,
  ) {
    super(deps, () => ({ cluster: inputs.cluster, service: inputs.service }));
    this.started = deps.clock.now();
    this.wrapUpBudgets = { ...WRAP_UP_BUDGETS, ...deps.wrapUp };
    this.timeline = new RolloutTimeline(() => deps.clock.now(), this.started);
    this.pauses = new PauseWatch(this, inputs.onPause);
  }

  elapsed(): string {
    const seconds = Math.max(0, Math.round((this.deps.clock.now() - this.started) / 1000));
    return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  }

  /** The service's events not seen before, oldest first, now marked seen and kept in newEvents. */
  takeNewEvents(service: Service): ServiceEvent[] {
    const fresh = (service.events ?? [])
      .filter((event) => event.id && !this.seenEvents.has(event.id))
      .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
    for (const event of fresh) {
      this.seenEvents.add(event.id ?? '');
      this.newEvents.push(event);
    }
    return fresh;
  }

  /** DescribeServices for our one service; a missing service is an error that names it. */
  async describeService(limits: CallLimits = {}): Promise<Service> {
    const { cluster, service } = this.inputs;
    const response = await this.call(
      'DescribeServices',
      (o) => this.deps.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }), o),
      limits,
    );
    const found = response.services?.[0];
    if (!found || found.status === 'INACTIVE') {
      const reason = response.failures?.[0]?.reason ?? (found ? 'INACTIVE' : 'MISSING');
      throw new AwsCallError(
        `Service "${service}" was not found in cluster "${cluster}" in region ${this.deps.region} (DescribeServices: ${reason}). Check the service and cluster inputs and AWS_REGION; create the service before deploying to it.`,
        'ServiceNotFoundException',
        'DescribeServices',
      );
    }
    this.timeline.observeService(found);
    return found;
  }
}

/** ECS's circuit-breaker threshold: half the desired count, at least 3 and at most 200. */
export function failureThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}

export function consoleUrl(region: string, cluster: string, service: string): string {
  const name = (text: string) => encodeURIComponent(text.slice(text.lastIndexOf('/') + 1));
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${name(cluster)}/services/${name(service)}/deployments?region=${region}`;
}

export const countsOf = (d: Deployment) =>
  `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;

export function describeDeployment(d: Deployment | undefined): string {
  if (!d) return 'unknown';
  return `${d.rolloutState ?? d.status ?? 'UNKNOWN'}, ${countsOf(d)}`;
}
