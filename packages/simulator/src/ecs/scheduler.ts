/**
 * The ECS service scheduler for rolling updates (deploymentController ECS), as a deterministic
 * discrete-event simulation over simulated time. State is brought up to `clock.now()` lazily on each request.
 *
 * Follows the developer guide: "Deploy Amazon ECS services by replacing tasks" (rolling update,
 * minimumHealthyPercent / maximumPercent), "How the Amazon ECS deployment circuit breaker detects failures"
 * (failure threshold, rollback to the last COMPLETED deployment, resetOnHealthyTask) and
 * "Amazon ECS task lifecycle" (PROVISIONING → PENDING → RUNNING → … → STOPPED).
 *
 * This class runs the event loop and sends each service to what reconciles it; the phases live apart:
 * task-plans.ts and task-lifecycle.ts (a task's life), rolling-deployments.ts (starting a deployment, the rolling
 * update, the circuit breaker and its rollback), task-sets.ts (CODE_DEPLOY services) and strategies/ (native
 * BLUE_GREEN, LINEAR, CANARY); scheduler-model.ts holds the timing and what they share.
 */
import type {
  ClusterRecord,
  DeploymentConfigurationRecord,
  DeploymentRecord,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from './model.js';
import { circuitBreakerThreshold, RollingDeployments } from './rolling-deployments.js';
import { liveTasks, type SchedulerContext, STOPPED_RETENTION, serviceEvent, tasksOf } from './scheduler-model.js';
import { StagedRollouts } from './strategies/staged.js';
import { TaskLifecycle } from './task-lifecycle.js';
import { reconcileTaskSets } from './task-sets.js';

export class Scheduler {
  /** Simulated time the state has been brought up to. */
  time = 0;
  /** Native BLUE_GREEN, LINEAR and CANARY deployments: their own scale-up, stages, traffic and rollback. */
  readonly staged: StagedRollouts;
  private readonly tasks: TaskLifecycle;
  private readonly rolling: RollingDeployments;

  constructor(
    private readonly context: SchedulerContext,
    private readonly clusters: Map<string, ClusterRecord>,
  ) {
    this.tasks = new TaskLifecycle(context);
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
    this.rolling = new RollingDeployments(
      context,
      this.tasks,
      this.staged,
      (arn) => this.taskDefinitionFor(arn),
      (service, at, message) => this.event(service, at, message),
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
            this.tasks.transition(task, next);
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

  /**
   * One pass of the service scheduler at time `at` over one service: a deleted one stops its tasks, a CODE_DEPLOY
   * one scales its task sets, a native staged deployment runs its stages, else the rolling update goes on.
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
    this.rolling.reconcile(service, at);
  }

  // ------------------------------------------------------------------------------------------- tasks

  /** A task of a service, or a standalone one (TaskLifecycle.launchTask). */
  launchTask(...args: Parameters<TaskLifecycle['launchTask']>): TaskRecord {
    return this.tasks.launchTask(...args);
  }

  /** The scheduler or a user stops a task (TaskLifecycle.stopTask). */
  stopTask(...args: Parameters<TaskLifecycle['stopTask']>): void {
    this.tasks.stopTask(...args);
  }

  tasksOf(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
    return tasksOf(service, deployment);
  }

  liveTasks(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
    return liveTasks(service, deployment);
  }

  // ------------------------------------------------------------------------------------------- services

  event(service: ServiceRecord, at: number, message: string): void {
    serviceEvent(this.context.ids, service, at, message);
  }

  /** Circuit breaker failure threshold: 0.5 × desired count, at least 3, at most 200 (ServiceDeploymentCircuitBreaker.threshold). */
  static threshold(configuration: DeploymentConfigurationRecord, desiredCount: number): number {
    return circuitBreakerThreshold(configuration, desiredCount);
  }

  /** Starts a new PRIMARY deployment; the previous PRIMARY becomes ACTIVE (RollingDeployments.startDeployment). */
  startDeployment(...args: Parameters<RollingDeployments['startDeployment']>): DeploymentRecord {
    return this.rolling.startDeployment(...args);
  }

  /** Rolls a rolling deployment back to the last COMPLETED one; false when there is none (RollingDeployments.rollBack). */
  rollBack(...args: Parameters<RollingDeployments['rollBack']>): boolean {
    return this.rolling.rollBack(...args);
  }

  /** Set by the simulator: resolves a task definition ARN to its record. */
  taskDefinitionFor: (arn: string) => TaskDefinitionRecord | undefined = () => undefined;
}
