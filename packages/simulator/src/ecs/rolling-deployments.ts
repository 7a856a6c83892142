/**
 * Deployments of a service whose deployment controller is ECS: starting one (a native staged strategy takes over
 * from there when the service has one), and the rolling update that replaces the old deployments' tasks with the
 * new one's, with the deployment circuit breaker, its rollback to the last COMPLETED deployment, and completion.
 *
 * Developer guide: "Deploy Amazon ECS services by replacing tasks" (minimumHealthyPercent / maximumPercent) and
 * "How the Amazon ECS deployment circuit breaker detects failures" (failure threshold, rollback, resetOnHealthyTask).
 */
import {
  beginRollback,
  completeRollout,
  endUnfinished,
  failRollout,
  retire,
  type ServiceEventSink,
} from './deployment-states.js';
import type {
  DeploymentConfigurationRecord,
  DeploymentRecord,
  ServiceDeploymentRecord,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from './model.js';
import { restoreRevisionSettings } from './revision-settings.js';
import { holdsAtPause } from './rolling-pauses.js';
import { liveTasks, plural, type SchedulerContext, TIMING, targetGroupsOf, tasksOf } from './scheduler-model.js';
import type { StagedRollouts } from './strategies/staged.js';
import type { TaskLifecycle } from './task-lifecycle.js';

/** Circuit breaker failure threshold: 0.5 × desired count, at least 3, at most 200 (ServiceDeploymentCircuitBreaker.threshold). */
export function circuitBreakerThreshold(configuration: DeploymentConfigurationRecord, desiredCount: number): number {
  const custom = configuration.deploymentCircuitBreaker as {
    thresholdConfiguration?: { type?: string; value?: number };
  };
  const type = custom.thresholdConfiguration?.type ?? 'BOUNDED_PERCENT';
  const value = custom.thresholdConfiguration?.value ?? 50;
  if (type === 'COUNT') return Math.max(1, value);
  const computed = Math.ceil((value / 100) * desiredCount);
  return type === 'UNBOUNDED_PERCENT' ? Math.max(1, computed) : Math.min(200, Math.max(3, computed));
}

interface StartDeploymentOptions {
  serviceRevisionArn?: string;
  rollbackOf?: DeploymentRecord;
  byCircuitBreaker?: boolean;
}

export class RollingDeployments {
  constructor(
    private readonly context: SchedulerContext,
    private readonly tasks: TaskLifecycle,
    private readonly staged: StagedRollouts,
    private readonly taskDefinitionFor: (arn: string) => TaskDefinitionRecord | undefined,
    private readonly event: ServiceEventSink,
  ) {}

  /** A pause that ends in ROLLBACK (continued so, or expired) rolls back as StopServiceDeployment does. */
  readonly pauseRollBack = (service: ServiceRecord, primary: DeploymentRecord, reason: string, at: number): void => {
    this.rollBack(service, primary, reason, at, false);
  };

  /** Starts a new PRIMARY deployment; the previous PRIMARY becomes ACTIVE (UpdateService / CreateService). */
  startDeployment(
    service: ServiceRecord,
    taskDefinitionArn: string,
    at: number,
    options: StartDeploymentOptions = {},
  ): DeploymentRecord {
    const { ids, region, accountId } = this.context;
    const id = ids.deploymentId();
    const previous = service.deployments[0];
    if (previous) previous.status = 'ACTIVE';
    const revisionArn =
      options.serviceRevisionArn ??
      this.newServiceRevision(
        service,
        `arn:aws:ecs:${region}:${accountId}:service-revision/${service.cluster.name}/${service.name}/${ids.digits(19)}`,
        taskDefinitionArn,
        at,
      );
    // The rollback belongs to the failed service deployment (ServiceDeployment.rollback).
    const serviceDeployment = options.rollbackOf
      ? options.rollbackOf.serviceDeployment
      : this.newServiceDeployment(service, revisionArn, previous, at);
    const deployment: DeploymentRecord = {
      id,
      status: 'PRIMARY',
      taskDefinitionArn,
      desiredCount: service.desiredCount,
      failedTasks: 0,
      totalFailures: 0,
      breakerStage: 1,
      createdAt: at,
      updatedAt: at,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason:
        options.rollbackOf && options.byCircuitBreaker !== false
          ? `ECS deployment circuit breaker: rolling back to deploymentId ${service.lastCompleted?.deploymentId}.`
          : `ECS deployment ${id} in progress.`,
      networkConfiguration: service.networkConfiguration,
      launchType: service.launchType,
      // A service's LATEST (or no) platform version runs as the latest one.
      platformVersion:
        service.launchType === 'FARGATE'
          ? !service.platformVersion || service.platformVersion === 'LATEST'
            ? '1.4.0'
            : service.platformVersion
          : undefined,
      ...(service.capacityProviderStrategy ? { capacityProviderStrategy: service.capacityProviderStrategy } : {}),
      ...(service.serviceConnectConfiguration
        ? { serviceConnectConfiguration: service.serviceConnectConfiguration }
        : {}),
      ...(service.volumeConfigurations ? { volumeConfigurations: service.volumeConfigurations } : {}),
      serviceDeployment,
      serviceRevisionArn: revisionArn,
    };
    // Previous IN_PROGRESS deployments stop rolling out (they are drained like any ACTIVE deployment).
    const replaced = [...service.deployments];
    service.deployments.unshift(deployment);
    if (!options.rollbackOf) this.staged.begin(service, deployment, replaced, at);
    // "If you update your service to use a new task definition, your service returns to a normal,
    // non-throttled state immediately" (service throttle logic).
    service.throttle = { failures: 0, until: 0 };
    return deployment;
  }

  /** A new service revision: the task definition and the service's settings a new deployment runs. */
  private newServiceRevision(service: ServiceRecord, arn: string, taskDefinitionArn: string, at: number): string {
    service.serviceRevisions.push({
      arn,
      taskDefinitionArn,
      createdAt: at,
      launchType: service.launchType,
      ...(service.platformVersion ? { platformVersion: service.platformVersion } : {}),
      ...(service.capacityProviderStrategy ? { capacityProviderStrategy: service.capacityProviderStrategy } : {}),
      loadBalancers: service.loadBalancers,
      serviceRegistries: service.serviceRegistries,
      ...(service.networkConfiguration ? { networkConfiguration: service.networkConfiguration } : {}),
      ...(service.serviceConnectConfiguration
        ? { serviceConnectConfiguration: service.serviceConnectConfiguration }
        : {}),
      ...(service.volumeConfigurations ? { volumeConfigurations: service.volumeConfigurations } : {}),
    });
    return arn;
  }

  /** The service deployment of a new deployment (not a rollback); it supersedes any in progress. */
  private newServiceDeployment(
    service: ServiceRecord,
    revisionArn: string,
    previous: DeploymentRecord | undefined,
    at: number,
  ): ServiceDeploymentRecord {
    const { ids, region, accountId } = this.context;
    const serviceDeployment: ServiceDeploymentRecord = {
      arn: `arn:aws:ecs:${region}:${accountId}:service-deployment/${service.cluster.name}/${service.name}/${ids.serviceDeploymentId()}`,
      createdAt: at,
      startedAt: at,
      updatedAt: at,
      status: 'IN_PROGRESS',
      targetRevisionArn: revisionArn,
      sourceRevisionArns: service.deployments
        .filter((deployment) => liveTasks(service, deployment).length > 0 || deployment === previous)
        .map((deployment) => deployment.serviceRevisionArn)
        .filter((arn, index, all) => all.indexOf(arn) === index),
      deploymentConfiguration: structuredClone(service.deploymentConfiguration),
      circuitBreakerThreshold: circuitBreakerThreshold(service.deploymentConfiguration, service.desiredCount),
      circuitBreakerTriggered: false,
      failureCount: 0,
    };
    service.serviceDeployments.push(serviceDeployment);
    // A new deployment supersedes any in-progress one (its service deployment is STOPPED).
    for (const other of service.serviceDeployments) {
      if (other !== serviceDeployment && (other.status === 'IN_PROGRESS' || other.status === 'PENDING')) {
        other.status = 'STOPPED';
        other.statusReason = 'Superseded by a newer service deployment.';
        other.stoppedAt = at;
        other.updatedAt = at;
      }
    }
    return serviceDeployment;
  }

  /**
   * One pass of the service scheduler at time `at`: scale, launch, drain, trip the breaker, complete.
   * Rolling update rules (developer guide "Deploy Amazon ECS services by replacing tasks"): never more than
   * maximumPercent of desiredCount tasks in RUNNING or PENDING, never fewer than minimumHealthyPercent healthy.
   */
  reconcile(service: ServiceRecord, at: number): void {
    const primary = service.deployments[0];
    if (!primary) return;
    this.checkCircuitBreaker(service, primary, at);
    const current = service.deployments[0];
    if (!current) return;
    const pauses = { ids: this.context.ids, rollBack: this.pauseRollBack };
    if (holdsAtPause(pauses, service, current, at)) return;
    const old = service.deployments.slice(1);
    const { started, stopped, throttled } = this.replaceTasks(service, current, old, at);
    if (started.length > 0 || stopped.length > 0) current.updatedAt = at;
    this.reportTaskChanges(service, started, stopped, at);

    // An ACTIVE deployment with no tasks left is gone from the service (INACTIVE). A FAILED one stays listed
    // (ACTIVE, rolloutState FAILED) while the rollback that replaced it is in progress, as DescribeServices shows.
    for (const deployment of old) {
      if (deployment.rolloutState === 'FAILED' && current.rolloutState === 'IN_PROGRESS') continue;
      if (this.remainingTasks(service, deployment).length === 0) retire(service, deployment, at);
    }
    this.checkCompleted(service, current, at);
    const need = service.desiredCount - liveTasks(service, current).length;
    if (throttled && current.rolloutState !== 'FAILED' && need > 0) {
      service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, service.throttle.until);
    }
  }

  /** Scales in the primary, drains the old deployments and launches the primary's missing tasks, within the bounds. */
  private replaceTasks(
    service: ServiceRecord,
    current: DeploymentRecord,
    old: DeploymentRecord[],
    at: number,
  ): { started: TaskRecord[]; stopped: TaskRecord[]; throttled: boolean } {
    const desired = service.desiredCount;
    current.desiredCount = desired;
    const config = service.deploymentConfiguration;
    const maxTotal = Math.floor((desired * config.maximumPercent) / 100);
    const minHealthy = Math.ceil((desired * config.minimumHealthyPercent) / 100);
    const started: TaskRecord[] = [];
    const stopped: TaskRecord[] = [];
    const stop = (task: TaskRecord) => {
      this.tasks.stopTask(task, at, `Scaling activity initiated by (deployment ${current.id})`);
      stopped.push(task);
    };

    // Scale in the primary when it has more tasks than desired (unhealthy ones first).
    const primaryLive = liveTasks(service, current).sort(byHealthThenAge);
    while (primaryLive.length > desired) {
      const task = primaryLive.shift();
      if (!task) break;
      stop(task);
    }

    const allLive = () => service.deployments.flatMap((deployment) => liveTasks(service, deployment));
    let readyTotal = allLive().filter((task) => task.healthy).length;
    const need = () => desired - liveTasks(service, current).length;
    // maximumPercent bounds the tasks in RUNNING, STOPPING or PENDING: tasks still draining (DEACTIVATING,
    // STOPPING) take room until they are STOPPED.
    const notStopped = () =>
      service.cluster.tasks.filter((task) => task.service === service && task.lastStatus !== 'STOPPED').length;
    const room = () => maxTotal - notStopped();
    const throttled = service.throttle.until > at;
    const canLaunch = !(current.rolloutState === 'FAILED') && !throttled;

    // Drain old deployments: unstarted tasks at once, healthy ones while minimumHealthyPercent allows.
    const oldLive = old.flatMap((deployment) => liveTasks(service, deployment)).sort(byHealthThenAge);
    for (const task of oldLive) {
      const surplus = allLive().length > desired || (canLaunch && room() < need());
      if (!surplus) break;
      if (!task.healthy) {
        stop(task);
      } else if (readyTotal - 1 >= minHealthy) {
        stop(task);
        readyTotal -= 1;
      }
    }

    if (canLaunch) {
      const count = Math.max(0, Math.min(need(), room()));
      const taskDefinition = this.taskDefinitionFor(current.taskDefinitionArn);
      if (taskDefinition) {
        for (let i = 0; i < count; i++) {
          started.push(this.tasks.launchTask(service.cluster, service, taskDefinition, current.id, at));
        }
      }
    }
    return { started, stopped, throttled };
  }

  /** The service events of a pass: tasks started and stopped, and behind a load balancer, targets (de)registered. */
  private reportTaskChanges(service: ServiceRecord, started: TaskRecord[], stopped: TaskRecord[], at: number): void {
    const runningStopped = stopped.filter((task) => task.stopCompletesAt !== undefined && task.stopCompletesAt > at);
    const targetGroups = targetGroupsOf(service);
    // Behind a load balancer ECS reports target (de)registration and connection draining
    // (developer guide, "Use load balancing to distribute Amazon ECS service traffic").
    if (service.pendingRegistrations > 0) {
      for (const arn of targetGroups) {
        this.event(
          service,
          at,
          `(service ${service.name}) registered ${service.pendingRegistrations} targets in (target-group ${arn})`,
        );
      }
      service.pendingRegistrations = 0;
    }
    const drainedTargets = runningStopped.filter((task) => task.healthy).length;
    if (drainedTargets > 0 && targetGroups.length > 0) {
      this.event(service, at, `(service ${service.name}) has begun draining connections on ${drainedTargets} tasks.`);
      for (const arn of targetGroups) {
        this.event(
          service,
          at,
          `(service ${service.name}) deregistered ${drainedTargets} targets in (target-group ${arn})`,
        );
      }
    }
    if (runningStopped.length > 0) {
      this.event(
        service,
        at,
        `(service ${service.name}) has stopped ${plural(runningStopped.length, 'running tasks')}: ${runningStopped.map((task) => `(task ${task.id})`).join(' ')}.`,
      );
    }
    if (started.length > 0) {
      this.event(
        service,
        at,
        `(service ${service.name}) has started ${plural(started.length, 'tasks')}: ${started.map((task) => `(task ${task.id})`).join(' ')}.`,
      );
    }
  }

  private checkCircuitBreaker(service: ServiceRecord, primary: DeploymentRecord, at: number): void {
    const breaker = primary.serviceDeployment.deploymentConfiguration.deploymentCircuitBreaker;
    if (!breaker.enable || primary.rolloutState !== 'IN_PROGRESS') return;
    const threshold = circuitBreakerThreshold(service.deploymentConfiguration, service.desiredCount);
    primary.serviceDeployment.circuitBreakerThreshold = threshold;
    if (primary.failedTasks < threshold) return;
    // Circuit breaker trips: FAILED with the reason ECS gives, and an event.
    failRollout(primary, 'ECS deployment circuit breaker: tasks failed to start.', at);
    const serviceDeployment = primary.serviceDeployment;
    serviceDeployment.circuitBreakerTriggered = true;
    serviceDeployment.updatedAt = at;
    this.event(
      service,
      at,
      `(service ${service.name}) (deployment ${primary.id}) deployment failed: tasks failed to start.`,
    );
    if (breaker.rollback && service.lastCompleted && !serviceDeployment.rollback) {
      this.rollBack(
        service,
        primary,
        'Service deployment rolled back because the circuit breaker threshold was exceeded.',
        at,
      );
    } else {
      // Without rollback the deployment is FAILED and the scheduler stops launching its tasks.
      const status = breaker.rollback ? 'ROLLBACK_FAILED' : 'STOPPED';
      endUnfinished(serviceDeployment, status, 'ECS deployment circuit breaker: tasks failed to start.', at);
    }
  }

  /**
   * Rolls a rolling deployment back: a new PRIMARY deployment of the last COMPLETED task definition
   * (developer guide, "Rollback on failure"); the failed deployment is drained. The circuit breaker's rollback, and
   * StopServiceDeployment with stopType ROLLBACK.
   */
  rollBack(
    service: ServiceRecord,
    primary: DeploymentRecord,
    reason: string,
    at: number,
    byCircuitBreaker = true,
  ): boolean {
    const target = service.lastCompleted;
    if (!target) return false;
    beginRollback(primary.serviceDeployment, reason, target.serviceRevisionArn, at);
    if (primary.rolloutState === 'IN_PROGRESS') {
      primary.rolloutState = 'FAILED';
      primary.rolloutStateReason = reason;
    }
    this.event(service, at, `(service ${service.name}) rolling back to deployment ${target.deploymentId}.`);
    restoreRevisionSettings(service, target.serviceRevisionArn);
    this.startDeployment(service, target.taskDefinitionArn, at, {
      serviceRevisionArn: target.serviceRevisionArn,
      rollbackOf: primary,
      byCircuitBreaker,
    });
    return true;
  }

  private remainingTasks(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
    return tasksOf(service, deployment).filter((task) => task.lastStatus !== 'STOPPED');
  }

  private checkCompleted(service: ServiceRecord, primary: DeploymentRecord, at: number): void {
    if (primary.rolloutState !== 'IN_PROGRESS') return;
    const others = service.deployments.filter((deployment) => deployment !== primary);
    if (others.some((deployment) => this.remainingTasks(service, deployment).length > 0)) return;
    const live = liveTasks(service, primary);
    if (live.length !== service.desiredCount || live.some((task) => !task.healthy)) return;
    const lastHealthy = Math.max(0, ...live.map((task) => task.plan.healthyAt ?? task.startedAt ?? 0));
    const steadyAt = lastHealthy + TIMING.steadyWindow;
    if (at < steadyAt) {
      service.wakeAt = steadyAt;
      return;
    }
    for (const deployment of others) retire(service, deployment, at);
    completeRollout(service, primary, at, this.event);
  }
}

function byHealthThenAge(a: TaskRecord, b: TaskRecord): number {
  if (a.healthy !== b.healthy) return a.healthy ? 1 : -1;
  return a.createdAt - b.createdAt;
}
