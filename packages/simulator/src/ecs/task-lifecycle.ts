/**
 * A task's life under the scheduler (developer guide, "Amazon ECS task lifecycle": PROVISIONING → PENDING → RUNNING →
 * … → STOPPED): launched with its plan, moved along it as simulated time passes, stopped by the scheduler or a user
 * (through DEACTIVATING behind a load balancer), and what its failures count for: the deployment's circuit breaker
 * and the service throttle.
 */
import type {
  ClusterRecord,
  DeploymentRecord,
  Scenario,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskPlan,
  TaskRecord,
} from './model.js';
import {
  hasHealthCheck,
  type SchedulerContext,
  serviceEvent,
  THROTTLE,
  TIMING,
  targetGroupsOf,
} from './scheduler-model.js';
import { awaitTargetHealth, failedToStartPlan, planTask } from './task-plans.js';

export class TaskLifecycle {
  constructor(private readonly context: SchedulerContext) {}

  private scheduleNext(task: TaskRecord): void {
    if (task.lastStatus === 'STOPPED') {
      task.nextAt = undefined;
      return;
    }
    const candidates: number[] = [];
    if (task.lastStatus === 'DEACTIVATING' && task.deactivatingUntil !== undefined) {
      candidates.push(task.deactivatingUntil);
    } else if (task.stopCompletesAt !== undefined) candidates.push(task.stopCompletesAt);
    else {
      const { plan } = task;
      if (task.lastStatus === 'PROVISIONING') candidates.push(plan.pendingAt);
      if (task.lastStatus === 'PENDING' && plan.runningAt !== undefined) candidates.push(plan.runningAt);
      if (task.lastStatus === 'RUNNING' && !task.healthy && plan.healthyAt !== undefined) {
        candidates.push(plan.healthyAt);
      }
      if (plan.failure) candidates.push(plan.failure.at);
    }
    task.nextAt = candidates.length > 0 ? Math.min(...candidates) : undefined;
  }

  launchTask(
    cluster: ClusterRecord,
    service: ServiceRecord | undefined,
    taskDefinition: TaskDefinitionRecord,
    startedBy: string,
    at: number,
    alreadyRunning = false,
    /** What this task does, instead of its task definition's or images' scenario (RunTask with a command). */
    scenario?: Scenario,
  ): TaskRecord {
    const id = this.context.ids.hex(32);
    const cannotStart = alreadyRunning ? undefined : this.context.startFailure?.(taskDefinition.taskDefinition, id);
    const plan: TaskPlan = alreadyRunning
      ? { pendingAt: at - 50_000, runningAt: at - 40_000, healthyAt: at - 40_000 }
      : cannotStart
        ? failedToStartPlan(at, cannotStart)
        : awaitTargetHealth(this.context, planTask(this.context, taskDefinition, at, scenario), service);
    const task: TaskRecord = {
      id,
      arn: `arn:aws:ecs:${this.context.region}:${this.context.accountId}:task/${cluster.name}/${id}`,
      cluster,
      service,
      taskDefinition,
      startedBy,
      group: service ? `service:${service.name}` : `family:${taskDefinition.family}`,
      launchType: service?.launchType ?? 'FARGATE',
      plan,
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      healthStatus: 'UNKNOWN',
      healthy: false,
      createdAt: alreadyRunning ? at - 60_000 : at,
      version: 1,
      privateIp: `10.0.${1 + (cluster.tasks.length % 250)}.${10 + (Number.parseInt(id.slice(0, 2), 16) % 240)}`,
      ...this.placement(cluster, service, startedBy),
    };
    cluster.tasks.push(task);
    if (alreadyRunning) {
      task.lastStatus = 'RUNNING';
      task.pullStartedAt = at - 50_000;
      task.pullStoppedAt = at - 45_000;
      task.startedAt = at - 40_000;
      task.healthy = true;
      task.healthStatus = hasHealthCheck(taskDefinition) ? 'HEALTHY' : 'UNKNOWN';
      task.version = 3;
    }
    this.scheduleNext(task);
    return task;
  }

  /**
   * Where a service's task runs: ECS spreads a service's tasks across the Availability Zones of its subnets, so the
   * task goes to the zone with the fewest of the service's live tasks (ties: the subnets' order), in that zone's
   * first subnet. The subnets are its deployment's (or the service's); a subnet EC2 does not know is in zone "a".
   */
  private placement(
    cluster: ClusterRecord,
    service: ServiceRecord | undefined,
    startedBy: string,
  ): Pick<TaskRecord, 'subnetId' | 'availabilityZone'> {
    const fallbackZone = `${this.context.region}a`;
    const configuration =
      service?.deployments.find((deployment) => deployment.id === startedBy)?.networkConfiguration ??
      service?.networkConfiguration;
    const subnets = subnetsOf(configuration);
    if (!service || subnets.length === 0) return { availabilityZone: fallbackZone };
    const zoneOf = (subnet: string) => this.context.zoneOfSubnet?.(subnet) ?? fallbackZone;
    const live = cluster.tasks.filter((task) => task.service === service && task.desiredStatus === 'RUNNING');
    const load = (zone: string) => live.filter((task) => task.availabilityZone === zone).length;
    let chosen = subnets[0] as string;
    for (const subnet of subnets) if (load(zoneOf(subnet)) < load(zoneOf(chosen))) chosen = subnet;
    return { subnetId: chosen, availabilityZone: zoneOf(chosen) };
  }

  /** Applies the task's transition due at `at`. */
  transition(task: TaskRecord, at: number): void {
    const { plan } = task;
    if (task.lastStatus === 'DEACTIVATING' && task.deactivatingUntil !== undefined) {
      // The target group's deregistration delay is over: the task stops (STOPPING, then STOPPED).
      if (at >= task.deactivatingUntil) {
        task.lastStatus = 'STOPPING';
        task.stoppingAt = at;
        task.stopCompletesAt = at + TIMING.drain;
        task.version += 1;
      }
    } else if (task.stopCompletesAt !== undefined && at >= task.stopCompletesAt) {
      if (!task.service && task.lastStatus !== 'DEPROVISIONING') {
        // A standalone task's containers have stopped; its resources are released before it is STOPPED.
        this.deprovision(task, at);
      } else {
        task.lastStatus = 'STOPPED';
        task.executionStoppedAt = task.executionStoppedAt ?? task.stopCompletesAt;
        task.stoppedAt = task.stopCompletesAt;
        task.version += 1;
      }
    } else if (plan.failure && at >= plan.failure.at && task.stopCompletesAt === undefined) {
      this.fail(task, at);
    } else if (task.lastStatus === 'PROVISIONING' && at >= plan.pendingAt) {
      task.lastStatus = 'PENDING';
      task.pullStartedAt = at;
      task.version += 1;
    } else if (task.lastStatus === 'PENDING' && plan.runningAt !== undefined && at >= plan.runningAt) {
      task.lastStatus = 'RUNNING';
      task.pullStoppedAt = task.pullStoppedAt ?? at - 2_000;
      task.startedAt = at;
      task.version += 1;
      this.started(task);
      this.context.containersRan?.(task, at);
      if (plan.healthyAt !== undefined && at >= plan.healthyAt) this.becomeHealthy(task);
    } else if (task.lastStatus === 'RUNNING' && plan.healthyAt !== undefined && at >= plan.healthyAt) {
      this.becomeHealthy(task);
    }
    this.scheduleNext(task);
    const deployment = this.deploymentOf(task);
    if (deployment) deployment.updatedAt = at;
  }

  /**
   * A task of a service reached RUNNING. The circuit breaker moves to its second stage ("Once a service
   * deployment has one or more successfully running tasks, the failed task count resets to zero and stops
   * being evaluated", Deployment.failedTasks), and the service is no longer throttled.
   */
  private started(task: TaskRecord): void {
    const service = task.service;
    if (!service) return;
    service.throttle = { failures: 0, until: 0 };
    const deployment = this.deploymentOf(task);
    if (deployment && deployment.breakerStage === 1) {
      deployment.breakerStage = 2;
      if (deployment.serviceDeployment.deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask !== false) {
        deployment.failedTasks = 0;
      }
    }
  }

  private becomeHealthy(task: TaskRecord): void {
    task.healthy = true;
    if (task.service && task.service.loadBalancers.length > 0) task.service.pendingRegistrations += 1;
    if (hasHealthCheck(task.taskDefinition)) task.healthStatus = 'HEALTHY';
    // DeploymentCircuitBreaker.resetOnHealthyTask (default true): a healthy task resets the failure count.
    const deployment = this.deploymentOf(task);
    if (
      deployment &&
      deployment.serviceDeployment.deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask !== false
    ) {
      deployment.failedTasks = 0;
    }
  }

  private fail(task: TaskRecord, at: number): void {
    const failure = task.plan.failure;
    if (!failure) return;
    const image = String(
      (task.taskDefinition.taskDefinition.containerDefinitions as Record<string, unknown>[])[0]?.image ?? '',
    );
    if (task.startedAt === undefined && failure.stopCode !== 'TaskFailedToStart') {
      this.context.containersRan?.(task, at);
    }
    task.desiredStatus = 'STOPPED';
    task.lastStatus = 'STOPPED';
    task.stopCode = failure.stopCode;
    if (failure.stopCode === 'TaskFailedToStart') {
      // Its own reason (task-start checks), else the Fargate wording of a pull failure (developer guide,
      // "CannotPullContainer task errors").
      const reason =
        failure.stoppedReason ||
        `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${image}: ${image}: not found`;
      task.stoppedReason = reason;
      task.containerReason = reason;
    } else {
      task.stoppedReason = failure.stoppedReason;
      if (failure.exitCode !== undefined) task.containerExitCode = failure.exitCode;
      if (failure.unhealthy) task.healthStatus = 'UNHEALTHY';
    }
    task.pullStoppedAt = task.pullStoppedAt ?? (task.pullStartedAt !== undefined ? at : undefined);
    task.stoppingAt = at;
    task.healthy = false;
    if (!task.service) {
      this.deprovision(task, at);
      return;
    }
    task.executionStoppedAt = at;
    task.stoppedAt = at;
    task.version += 1;
    const deployment = this.deploymentOf(task);
    const service = task.service;
    if (service && failure.unhealthy) {
      serviceEvent(
        this.context.ids,
        service,
        at,
        `(service ${service.name}) (task ${task.id}) failed container health checks.`,
      );
    }
    const failedToStart = task.startedAt === undefined;
    if (service && failedToStart) this.throttleAfterFailure(service, at);
    // Stage 1 counts tasks that did not reach RUNNING; stage 2 only tasks stopped for failed health checks.
    const counts = failure.countsAsFailure && (failure.unhealthy === true || deployment?.breakerStage === 1);
    if (deployment && counts) {
      deployment.failedTasks += 1;
      deployment.totalFailures += 1;
      deployment.serviceDeployment.failureCount += 1;
      deployment.updatedAt = at;
    }
  }

  /** A standalone task's containers have stopped: DEPROVISIONING, then STOPPED after TIMING.deprovisioning. */
  private deprovision(task: TaskRecord, at: number): void {
    task.desiredStatus = 'STOPPED';
    task.lastStatus = 'DEPROVISIONING';
    task.executionStoppedAt = at;
    task.stopCompletesAt = at + TIMING.deprovisioning;
    task.version += 1;
  }

  /**
   * The scheduler stops a task (draining an old deployment, scaling in, deleting the service), or a user does
   * (StopTask: stop code UserInitiated).
   */
  stopTask(
    task: TaskRecord,
    at: number,
    reason: string,
    stopCode: 'ServiceSchedulerInitiated' | 'UserInitiated' = 'ServiceSchedulerInitiated',
  ): void {
    if (task.desiredStatus === 'STOPPED') return;
    task.desiredStatus = 'STOPPED';
    task.stopCode = stopCode;
    task.stoppedReason = reason;
    task.stoppingAt = at;
    task.version += 1;
    const delay = task.healthy && task.service ? this.deregistrationDelay(task.service) : undefined;
    if (task.lastStatus === 'RUNNING' && delay !== undefined) {
      // Behind a load balancer the target is deregistered first: DEACTIVATING for the target group's
      // deregistration delay (connection draining), then STOPPING (Task lifecycle, "DEACTIVATING").
      task.lastStatus = 'DEACTIVATING';
      task.deactivatingUntil = at + delay;
      task.stopCompletesAt = at + delay + TIMING.drain;
      task.containerExitCode = 0;
    } else if (task.lastStatus === 'RUNNING') {
      task.stopCompletesAt = at + TIMING.drain;
      // docker stop: SIGTERM; a one-off job stopped by a user is cut short (128 + 15), a service task drains.
      task.containerExitCode = stopCode === 'UserInitiated' ? 143 : 0;
      if (!task.service) task.lastStatus = 'STOPPING';
    } else {
      // Not started yet: it goes straight to STOPPED.
      task.stopCompletesAt = at;
      task.lastStatus = 'STOPPED';
      task.executionStoppedAt = at;
      task.stoppedAt = at;
    }
    this.scheduleNext(task);
  }

  /** The longest deregistration delay of the service's target groups; undefined without a load balancer. */
  private deregistrationDelay(service: ServiceRecord): number | undefined {
    const delays = targetGroupsOf(service).map(
      (arn) => this.context.deregistrationDelay(arn) ?? TIMING.deregistrationDelay,
    );
    return delays.length > 0 ? Math.max(...delays) : undefined;
  }

  /** A task of the service failed to start: past THROTTLE.after in a row, the next launch waits longer and longer. */
  private throttleAfterFailure(service: ServiceRecord, at: number): void {
    const throttle = service.throttle;
    throttle.failures += 1;
    if (throttle.failures < THROTTLE.after) return;
    const delay = Math.min(THROTTLE.maxDelay, THROTTLE.firstDelay * 2 ** (throttle.failures - THROTTLE.after));
    throttle.until = Math.max(throttle.until, at + delay);
    if (throttle.announcedAt === undefined || at - throttle.announcedAt >= THROTTLE.repeatEventAfter) {
      throttle.announcedAt = at;
      serviceEvent(
        this.context.ids,
        service,
        at,
        `(service ${service.name}) is unable to consistently start tasks successfully.`,
      );
    }
  }

  private deploymentOf(task: TaskRecord): DeploymentRecord | undefined {
    return task.service?.deployments.find((deployment) => deployment.id === task.startedBy);
  }
}

/** The subnets of an awsvpc network configuration (`{ awsvpcConfiguration: { subnets } }`), as given. */
function subnetsOf(configuration: unknown): string[] {
  const subnets = (configuration as { awsvpcConfiguration?: { subnets?: unknown } } | undefined)?.awsvpcConfiguration
    ?.subnets;
  return Array.isArray(subnets) ? subnets.filter((subnet): subnet is string => typeof subnet === 'string') : [];
}
