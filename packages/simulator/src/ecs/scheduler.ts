/**
 * The ECS service scheduler for rolling updates (deploymentController ECS), as a deterministic
 * discrete-event simulation over simulated time. State is brought up to `clock.now()` lazily on each request.
 *
 * Follows the developer guide: "Deploy Amazon ECS services by replacing tasks" (rolling update,
 * minimumHealthyPercent / maximumPercent), "How the Amazon ECS deployment circuit breaker detects failures"
 * (failure threshold, rollback to the last COMPLETED deployment, resetOnHealthyTask) and
 * "Amazon ECS task lifecycle" (PROVISIONING → PENDING → RUNNING → … → STOPPED).
 */
import type {
  ClusterRecord,
  DeploymentConfigurationRecord,
  DeploymentRecord,
  IdGenerator,
  Scenario,
  ServiceDeploymentRecord,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskPlan,
  TaskRecord,
} from './model.js';
import { StagedRollouts } from './strategies/staged.js';
import type { StagedScenarios } from './strategies/staged-model.js';
import { reconcileTaskSets } from './task-sets.js';

/** Simulated durations (ms). A healthy task is RUNNING 30 s after launch. */
export const TIMING = {
  provisioning: 10_000,
  pending: 20_000,
  /** Container health check: HEALTHY this long after RUNNING when the container defines a healthCheck. */
  healthCheck: 15_000,
  /** failing-health-check: UNHEALTHY and stopped this long after RUNNING. */
  unhealthyAfter: 30_000,
  /** crash-on-start: the essential container exits this long after the pull. */
  crash: 5_000,
  /** image-pull-failure: the pull gives up this long after PENDING. */
  pullFailure: 15_000,
  /** never-stable: a task exits this long after RUNNING, always before the steady-state window ends. */
  neverStableLifetime: 20_000,
  /**
   * A standalone task (RunTask) whose containers have stopped is DEPROVISIONING (its network interface
   * detached) this long before it is STOPPED.
   */
  deprovisioning: 5_000,
  /** A drained task goes from RUNNING (desired STOPPED) to STOPPED in this time. */
  drain: 10_000,
  /** A deployment is COMPLETED once all its tasks have been healthy this long with no other deployment left. */
  steadyWindow: 30_000,
  /**
   * Elastic Load Balancing target group default `deregistration_delay.timeout_seconds` (300 s): a task behind a
   * load balancer stays DEACTIVATING (its target draining) this long before it goes STOPPING.
   */
  deregistrationDelay: 300_000,
};

/**
 * Service throttle logic (developer guide, "Amazon ECS service throttle logic"): when tasks keep failing to
 * start (PENDING → STOPPED), the time before the next launch grows, up to 15 minutes.
 */
export const THROTTLE = {
  /** Tasks that failed to start in a row before the scheduler throttles launches. */
  after: 3,
  /** The first pause; it doubles with each further task that fails to start. */
  firstDelay: 30_000,
  maxDelay: 15 * 60_000,
  /** Duplicate service event messages are omitted until the cause is resolved or six hours pass. */
  repeatEventAfter: 6 * 3_600_000,
};

/** How long STOPPED tasks stay listable (ECS keeps them "at least one hour"). */
const STOPPED_RETENTION = 3 * 3_600_000;

export interface SchedulerContext {
  ids: IdGenerator;
  region: string;
  accountId: string;
  scenarioFor(image: string): Scenario;
  /** A scenario set for this task definition (ARN, `family:revision` or family), which wins over images. */
  taskDefinitionScenario(taskDefinition: TaskDefinitionRecord): Scenario | undefined;
  /** The target group's deregistration delay (ms), when one was set for it. */
  deregistrationDelay(targetGroupArn: string): number | undefined;
  /** How long after RUNNING a new target of the target group passes its first health check (ms), when known. */
  targetHealthyAfter?(targetGroupArn: string): number | undefined;
  /**
   * The task's containers ran: called once, when it reaches RUNNING, or when it stops before RUNNING after its
   * containers started (a crash on start; not a pull failure). Where their log lines are written.
   */
  containersRan?(task: TaskRecord, at: number): void;
  /** Lifecycle hook answers and alarm trips of native staged deployments (BLUE_GREEN, LINEAR, CANARY). */
  staged: StagedScenarios;
}

const plural = (count: number, word: string) => `${count} ${word}`;

export class Scheduler {
  /** Simulated time the state has been brought up to. */
  time = 0;
  /** Native BLUE_GREEN, LINEAR and CANARY deployments: their own scale-up, stages, traffic and rollback. */
  readonly staged: StagedRollouts;

  constructor(
    private readonly context: SchedulerContext,
    private readonly clusters: Map<string, ClusterRecord>,
  ) {
    this.staged = new StagedRollouts(
      {
        ids: context.ids,
        liveTasks: (service, deployment) => this.liveTasks(service, deployment),
        tasksOf: (service, deployment) => this.tasksOf(service, deployment),
        launchTask: (cluster, service, taskDefinition, startedBy, at) =>
          this.launchTask(cluster, service, taskDefinition, startedBy, at),
        stopTask: (task, at, reason) => this.stopTask(task, at, reason),
        event: (service, at, message) => this.event(service, at, message),
        taskDefinitionFor: (arn) => this.taskDefinitionFor(arn),
        breakerThreshold: (service) => Scheduler.threshold(service.deploymentConfiguration, service.desiredCount),
      },
      context.staged,
    );
  }

  // ------------------------------------------------------------------------------------------- event loop

  /** Processes every task transition and scheduler wake-up up to `now`, in time order. */
  advanceTo(now: number): void {
    for (let guard = 0; guard < 1_000_000; guard++) {
      let next = Number.POSITIVE_INFINITY;
      for (const cluster of this.clusters.values()) {
        for (const task of cluster.tasks) if (task.nextAt !== undefined && task.nextAt < next) next = task.nextAt;
        for (const service of cluster.services.values()) {
          if (service.wakeAt !== undefined && service.wakeAt < next) next = service.wakeAt;
        }
      }
      if (next > now) break;
      this.time = Math.max(this.time, next);
      const touched = new Set<ServiceRecord>();
      for (const cluster of this.clusters.values()) {
        for (const task of cluster.tasks) {
          if (task.nextAt !== undefined && task.nextAt <= next) {
            this.transition(task, next);
            if (task.service) touched.add(task.service);
          }
        }
        for (const service of cluster.services.values()) {
          if (service.wakeAt !== undefined && service.wakeAt <= next) {
            service.wakeAt = undefined;
            touched.add(service);
          }
        }
      }
      for (const service of touched) this.reconcile(service, next);
    }
    this.time = Math.max(this.time, now);
    // Stopped tasks stay describable for at least an hour (DescribeTasks / ListTasks); older ones are dropped.
    for (const cluster of this.clusters.values()) {
      if (cluster.tasks.some((task) => task.stoppedAt !== undefined && task.stoppedAt < now - STOPPED_RETENTION)) {
        cluster.tasks = cluster.tasks.filter(
          (task) => task.lastStatus !== 'STOPPED' || (task.stoppedAt ?? now) >= now - STOPPED_RETENTION,
        );
      }
    }
  }

  // ------------------------------------------------------------------------------------------- tasks

  /** Plans a task's life from the scenario of its images (the first non-healthy scenario wins). */
  private plan(taskDefinition: TaskDefinitionRecord, launchedAt: number, given?: Scenario): TaskPlan {
    const containers = (taskDefinition.taskDefinition.containerDefinitions as Record<string, unknown>[]) ?? [];
    let scenario: Scenario = given ?? this.context.taskDefinitionScenario(taskDefinition) ?? 'healthy';
    for (const container of scenario === 'healthy' ? containers : []) {
      const candidate = this.context.scenarioFor(String(container.image));
      if (candidate !== 'healthy') {
        scenario = candidate;
        break;
      }
    }
    const hasHealthCheck = containers.some((container) => container.healthCheck !== undefined);
    const pendingAt = launchedAt + TIMING.provisioning;
    const runningAt = pendingAt + TIMING.pending;
    const healthyAt = runningAt + (hasHealthCheck ? TIMING.healthCheck : 0);
    if (scenario === 'healthy') return { pendingAt, runningAt, healthyAt };
    if (scenario === 'image-pull-failure') {
      // Stopped task error "CannotPullContainerError" (developer guide, "Amazon ECS stopped tasks errors").
      return {
        pendingAt,
        failure: {
          at: pendingAt + TIMING.pullFailure,
          stopCode: 'TaskFailedToStart',
          stoppedReason: '', // filled in per image at failure time
          countsAsFailure: true,
        },
      };
    }
    if (scenario === 'failing-health-check') {
      return {
        pendingAt,
        runningAt,
        failure: {
          at: runningAt + TIMING.unhealthyAfter,
          stopCode: 'ServiceSchedulerInitiated',
          stoppedReason: 'Task failed container health checks',
          exitCode: 137,
          unhealthy: true,
          countsAsFailure: true,
        },
      };
    }
    if (scenario === 'never-stable') {
      // Tasks reach RUNNING (which resets the breaker's failure count, resetOnHealthyTask) and then exit,
      // so the circuit breaker never trips and the deployment never reaches a steady state.
      return {
        pendingAt,
        runningAt,
        healthyAt,
        failure: {
          at: runningAt + TIMING.neverStableLifetime,
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
          exitCode: 1,
          countsAsFailure: false,
        },
      };
    }
    if (scenario.kind === 'crash-after-running' || scenario.kind === 'exit') {
      // The task starts (RUNNING, so the circuit breaker moves to its second stage) and its essential container
      // exits later: not a failure to start and not a failed health check, so the breaker does not count it.
      // `exit` is the same life for a one-off task, whose exit code may be 0.
      const crashAt = runningAt + Math.max(0, scenario.afterSeconds) * 1000;
      return {
        pendingAt,
        runningAt,
        ...(healthyAt <= crashAt ? { healthyAt } : {}),
        failure: {
          at: crashAt,
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
          exitCode: scenario.exitCode ?? 1,
          countsAsFailure: false,
        },
      };
    }
    if (scenario.kind === 'slow-start') {
      const slowRunningAt = launchedAt + Math.max(0, scenario.startSeconds) * 1000;
      return {
        pendingAt: Math.min(pendingAt, slowRunningAt),
        runningAt: slowRunningAt,
        healthyAt: slowRunningAt + (hasHealthCheck ? TIMING.healthCheck : 0),
      };
    }
    // crash-on-start: the essential container exits before the task counts as started.
    return {
      pendingAt,
      failure: {
        at: pendingAt + TIMING.crash,
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        exitCode: scenario.exitCode,
        countsAsFailure: true,
      },
    };
  }

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
    const plan: TaskPlan = alreadyRunning
      ? { pendingAt: at - 50_000, runningAt: at - 40_000, healthyAt: at - 40_000 }
      : this.awaitTargetHealth(this.plan(taskDefinition, at, scenario), service);
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

  /** Applies the task's transition due at `at`. */
  private transition(task: TaskRecord, at: number): void {
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
      // The Fargate wording of a pull failure (developer guide, "CannotPullContainer task errors").
      const reason = `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${image}: ${image}: not found`;
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
      this.event(service, at, `(service ${service.name}) (task ${task.id}) failed container health checks.`);
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

  /**
   * Behind a load balancer a task counts as healthy once its target passed its first health check too (ECS waits
   * for the load balancer's health check): the plan's healthyAt moves to the latest of the two.
   */
  private awaitTargetHealth(plan: TaskPlan, service: ServiceRecord | undefined): TaskPlan {
    if (!service || plan.runningAt === undefined || plan.healthyAt === undefined) return plan;
    const waits = targetGroupsOf(service).map((arn) => this.context.targetHealthyAfter?.(arn) ?? 0);
    const targetHealthyAt = plan.runningAt + Math.max(0, ...waits);
    if (targetHealthyAt <= plan.healthyAt) return plan;
    // A task that exits before its target is healthy never counts as healthy.
    if (plan.failure && plan.failure.at < targetHealthyAt) {
      const { healthyAt: _dropped, ...rest } = plan;
      return rest;
    }
    return { ...plan, healthyAt: targetHealthyAt };
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
      this.event(service, at, `(service ${service.name}) is unable to consistently start tasks successfully.`);
    }
  }

  private deploymentOf(task: TaskRecord): DeploymentRecord | undefined {
    return task.service?.deployments.find((deployment) => deployment.id === task.startedBy);
  }

  tasksOf(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
    return service.cluster.tasks.filter((task) => task.service === service && task.startedBy === deployment.id);
  }

  // ------------------------------------------------------------------------------------------- services

  event(service: ServiceRecord, at: number, message: string): void {
    // ServiceEvent: newest first; DescribeServices returns the 100 most recent.
    service.events.unshift({ id: this.context.ids.uuid(), createdAt: at, message });
    if (service.events.length > 100) service.events.length = 100;
  }

  /** Circuit breaker failure threshold: 0.5 × desired count, at least 3, at most 200 (ServiceDeploymentCircuitBreaker.threshold). */
  static threshold(configuration: DeploymentConfigurationRecord, desiredCount: number): number {
    const custom = configuration.deploymentCircuitBreaker as {
      thresholdConfiguration?: { type?: string; value?: number };
    };
    const type = custom.thresholdConfiguration?.type ?? 'BOUNDED_PERCENT';
    const value = custom.thresholdConfiguration?.value ?? 50;
    if (type === 'COUNT') return Math.max(1, value);
    const computed = Math.ceil((value / 100) * desiredCount);
    return type === 'UNBOUNDED_PERCENT' ? Math.max(1, computed) : Math.min(200, Math.max(3, computed));
  }

  /** Starts a new PRIMARY deployment; the previous PRIMARY becomes ACTIVE (UpdateService / CreateService). */
  startDeployment(
    service: ServiceRecord,
    taskDefinitionArn: string,
    at: number,
    options: { serviceRevisionArn?: string; rollbackOf?: DeploymentRecord; byCircuitBreaker?: boolean } = {},
  ): DeploymentRecord {
    const { ids, region, accountId } = this.context;
    const id = ids.deploymentId();
    const previous = service.deployments[0];
    if (previous) previous.status = 'ACTIVE';
    const revisionArn =
      options.serviceRevisionArn ??
      `arn:aws:ecs:${region}:${accountId}:service-revision/${service.cluster.name}/${service.name}/${ids.digits(19)}`;
    let serviceDeployment: ServiceDeploymentRecord;
    if (options.rollbackOf) {
      // The rollback belongs to the failed service deployment (ServiceDeployment.rollback).
      serviceDeployment = options.rollbackOf.serviceDeployment;
    } else {
      serviceDeployment = {
        arn: `arn:aws:ecs:${region}:${accountId}:service-deployment/${service.cluster.name}/${service.name}/${ids.serviceDeploymentId()}`,
        createdAt: at,
        startedAt: at,
        updatedAt: at,
        status: 'IN_PROGRESS',
        targetRevisionArn: revisionArn,
        sourceRevisionArns: service.deployments
          .filter((deployment) => this.liveTasks(service, deployment).length > 0 || deployment === previous)
          .map((deployment) => deployment.serviceRevisionArn)
          .filter((arn, index, all) => all.indexOf(arn) === index),
        deploymentConfiguration: structuredClone(service.deploymentConfiguration),
        circuitBreakerThreshold: Scheduler.threshold(service.deploymentConfiguration, service.desiredCount),
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
    }
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

  liveTasks(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
    return this.tasksOf(service, deployment).filter((task) => task.desiredStatus === 'RUNNING');
  }

  /**
   * One pass of the service scheduler at time `at`: scale, launch, drain, trip the breaker, complete.
   * Rolling update rules (developer guide "Deploy Amazon ECS services by replacing tasks"): never more than
   * maximumPercent of desiredCount tasks in RUNNING or PENDING, never fewer than minimumHealthyPercent healthy.
   */
  reconcile(service: ServiceRecord, at: number): void {
    if (service.status !== 'ACTIVE') {
      // DeleteService scales the service to 0 first: the tasks are stopped by its PRIMARY deployment.
      const primaryId = service.deployments[0]?.id ?? 'unknown';
      for (const task of service.cluster.tasks) {
        if (task.service === service)
          this.stopTask(task, at, `Scaling activity initiated by (deployment ${primaryId})`);
      }
      if (service.cluster.tasks.every((task) => task.service !== service || task.lastStatus === 'STOPPED')) {
        service.status = 'INACTIVE';
        service.deployments = [];
      }
      return;
    }
    if (service.taskSets) {
      reconcileTaskSets(this, service, at);
      return;
    }
    // A native staged deployment (BLUE_GREEN, LINEAR, CANARY) scales, shifts traffic and rolls back by itself.
    if (this.staged.reconcile(service, at)) return;
    const primary = service.deployments[0];
    if (!primary) return;
    this.checkCircuitBreaker(service, primary, at);
    const current = service.deployments[0];
    if (!current) return;
    const desired = service.desiredCount;
    current.desiredCount = desired;
    const config = service.deploymentConfiguration;
    const maxTotal = Math.floor((desired * config.maximumPercent) / 100);
    const minHealthy = Math.ceil((desired * config.minimumHealthyPercent) / 100);
    const started: TaskRecord[] = [];
    const stopped: TaskRecord[] = [];

    // Scale in the primary when it has more tasks than desired (unhealthy ones first).
    const primaryLive = this.liveTasks(service, current).sort(byHealthThenAge);
    while (primaryLive.length > desired) {
      const task = primaryLive.shift();
      if (!task) break;
      this.stopTask(task, at, `Scaling activity initiated by (deployment ${current.id})`);
      stopped.push(task);
    }

    const old = service.deployments.slice(1);
    const allLive = () => service.deployments.flatMap((deployment) => this.liveTasks(service, deployment));
    let readyTotal = allLive().filter((task) => task.healthy).length;
    const need = () => desired - this.liveTasks(service, current).length;
    // maximumPercent bounds the tasks in RUNNING, STOPPING or PENDING: tasks still draining (DEACTIVATING,
    // STOPPING) take room until they are STOPPED.
    const notStopped = () =>
      service.cluster.tasks.filter((task) => task.service === service && task.lastStatus !== 'STOPPED').length;
    const room = () => maxTotal - notStopped();
    const throttled = service.throttle.until > at;
    const canLaunch = !(current.rolloutState === 'FAILED') && !throttled;

    // Drain old deployments: unstarted tasks at once, healthy ones while minimumHealthyPercent allows.
    const oldLive = old.flatMap((deployment) => this.liveTasks(service, deployment)).sort(byHealthThenAge);
    for (const task of oldLive) {
      const surplus = allLive().length > desired || (canLaunch && room() < need());
      if (!surplus) break;
      if (!task.healthy) {
        this.stopTask(task, at, `Scaling activity initiated by (deployment ${current.id})`);
        stopped.push(task);
      } else if (readyTotal - 1 >= minHealthy) {
        this.stopTask(task, at, `Scaling activity initiated by (deployment ${current.id})`);
        stopped.push(task);
        readyTotal -= 1;
      }
    }

    if (canLaunch) {
      const count = Math.max(0, Math.min(need(), room()));
      const taskDefinition = this.taskDefinitionFor(current.taskDefinitionArn);
      if (taskDefinition) {
        for (let i = 0; i < count; i++) {
          started.push(this.launchTask(service.cluster, service, taskDefinition, current.id, at));
        }
      }
    }

    if (started.length > 0 || stopped.length > 0) current.updatedAt = at;
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

    // An ACTIVE deployment with no tasks left is gone from the service (INACTIVE). A FAILED one stays listed
    // (ACTIVE, rolloutState FAILED) while the rollback that replaced it is in progress, as DescribeServices shows.
    for (const deployment of old) {
      if (deployment.rolloutState === 'FAILED' && current.rolloutState === 'IN_PROGRESS') continue;
      if (this.remainingTasks(service, deployment).length === 0) this.retire(service, deployment, at);
    }
    this.checkCompleted(service, current, at);
    if (throttled && current.rolloutState !== 'FAILED' && need() > 0) {
      service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, service.throttle.until);
    }
  }

  private checkCircuitBreaker(service: ServiceRecord, primary: DeploymentRecord, at: number): void {
    const breaker = primary.serviceDeployment.deploymentConfiguration.deploymentCircuitBreaker;
    if (!breaker.enable || primary.rolloutState !== 'IN_PROGRESS') return;
    const threshold = Scheduler.threshold(service.deploymentConfiguration, service.desiredCount);
    primary.serviceDeployment.circuitBreakerThreshold = threshold;
    if (primary.failedTasks < threshold) return;
    // Circuit breaker trips: FAILED with the reason ECS gives, and an event.
    primary.rolloutState = 'FAILED';
    primary.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
    primary.updatedAt = at;
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
      serviceDeployment.status = breaker.rollback ? 'ROLLBACK_FAILED' : 'STOPPED';
      serviceDeployment.statusReason = 'ECS deployment circuit breaker: tasks failed to start.';
      serviceDeployment.stoppedAt = at;
      serviceDeployment.finishedAt = at;
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
    const serviceDeployment = primary.serviceDeployment;
    serviceDeployment.status = 'ROLLBACK_IN_PROGRESS';
    serviceDeployment.statusReason = reason;
    serviceDeployment.rollback = { reason, startedAt: at, serviceRevisionArn: target.serviceRevisionArn };
    serviceDeployment.updatedAt = at;
    if (primary.rolloutState === 'IN_PROGRESS') {
      primary.rolloutState = 'FAILED';
      primary.rolloutStateReason = reason;
    }
    this.event(service, at, `(service ${service.name}) rolling back to deployment ${target.deploymentId}.`);
    this.startDeployment(service, target.taskDefinitionArn, at, {
      serviceRevisionArn: target.serviceRevisionArn,
      rollbackOf: primary,
      byCircuitBreaker,
    });
    return true;
  }

  private remainingTasks(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
    return this.tasksOf(service, deployment).filter((task) => task.lastStatus !== 'STOPPED');
  }

  private retire(service: ServiceRecord, deployment: DeploymentRecord, at: number): void {
    deployment.status = 'INACTIVE';
    deployment.updatedAt = at;
    service.deployments = service.deployments.filter((candidate) => candidate !== deployment);
  }

  private checkCompleted(service: ServiceRecord, primary: DeploymentRecord, at: number): void {
    if (primary.rolloutState !== 'IN_PROGRESS') return;
    const others = service.deployments.filter((deployment) => deployment !== primary);
    if (others.some((deployment) => this.remainingTasks(service, deployment).length > 0)) return;
    const live = this.liveTasks(service, primary);
    if (live.length !== service.desiredCount || live.some((task) => !task.healthy)) return;
    const lastHealthy = Math.max(0, ...live.map((task) => task.plan.healthyAt ?? task.startedAt ?? 0));
    const steadyAt = lastHealthy + TIMING.steadyWindow;
    if (at < steadyAt) {
      service.wakeAt = steadyAt;
      return;
    }
    for (const deployment of others) this.retire(service, deployment, at);
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = at;
    service.lastCompleted = {
      deploymentId: primary.id,
      taskDefinitionArn: primary.taskDefinitionArn,
      serviceRevisionArn: primary.serviceRevisionArn,
    };
    const serviceDeployment = primary.serviceDeployment;
    serviceDeployment.status = serviceDeployment.rollback ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL';
    if (!serviceDeployment.rollback) serviceDeployment.statusReason = undefined;
    serviceDeployment.finishedAt = at;
    serviceDeployment.updatedAt = at;
    this.event(service, at, `(service ${service.name}) (deployment ${primary.id}) deployment completed.`);
    this.event(service, at, `(service ${service.name}) has reached a steady state.`);
  }

  /** Set by the simulator: resolves a task definition ARN to its record. */
  taskDefinitionFor: (arn: string) => TaskDefinitionRecord | undefined = () => undefined;
}

function targetGroupsOf(service: ServiceRecord): string[] {
  return service.loadBalancers
    .map((loadBalancer) => (loadBalancer as { targetGroupArn?: unknown }).targetGroupArn)
    .filter((arn): arn is string => typeof arn === 'string');
}

function byHealthThenAge(a: TaskRecord, b: TaskRecord): number {
  if (a.healthy !== b.healthy) return a.healthy ? 1 : -1;
  return a.createdAt - b.createdAt;
}

export function hasHealthCheck(taskDefinition: TaskDefinitionRecord): boolean {
  const containers = (taskDefinition.taskDefinition.containerDefinitions as Record<string, unknown>[]) ?? [];
  return containers.some((container) => container.healthCheck !== undefined);
}
