/**
 * Task sets of a service whose deployment controller is CODE_DEPLOY (ECS API reference, "TaskSet"; developer
 * guide, "CodeDeploy blue/green deployments for Amazon ECS"). Such a service has no rolling `deployments`: it runs
 * one PRIMARY task set (the one production traffic goes to) and, during a CodeDeploy deployment, an ACTIVE
 * replacement beside it. Each task set is scaled to a percentage of the service's desired count and keeps that many
 * tasks running, replacing the ones that stop, as the service scheduler does. CodeDeploy (src/codedeploy) drives them
 * through `ServiceTaskSets`.
 */
import type { JsonObject, ServiceRecord, TaskRecord } from './model.js';
import type { StagedHost } from './strategies/staged-model.js';

/** The scheduler primitives task sets use: those of the staged model, less its views of a deployment's tasks. */
export type TaskSetScheduler = Pick<StagedHost, 'launchTask' | 'stopTask' | 'event' | 'taskDefinitionFor'>;

export interface TaskSetRecord {
  /** `ecs-svc/` + 19 digits, as TaskSet.id looks. */
  id: string;
  arn: string;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  taskDefinitionArn: string;
  /** TaskSet.scale: the percentage of the service's desired count this task set runs. */
  scalePercent: number;
  /** The CodeDeploy deployment that created it (TaskSet.externalId), when one did. */
  externalId?: string;
  startedBy: string;
  createdAt: number;
  updatedAt: number;
  /** When it last reached STEADY_STATE; undefined while STABILIZING. */
  steadySince?: number;
}

/** The tasks a task set runs (task `startedBy` is the task set id). */
function tasksOf(service: ServiceRecord, taskSet: TaskSetRecord): TaskRecord[] {
  return service.cluster.tasks.filter((task) => task.service === service && task.startedBy === taskSet.id);
}

const live = (service: ServiceRecord, taskSet: TaskSetRecord) =>
  tasksOf(service, taskSet).filter((task) => task.desiredStatus === 'RUNNING');

/** TaskSet.computedDesiredCount: the scale applied to the service's desired count, rounded up. */
export function computedDesiredCount(service: ServiceRecord, taskSet: TaskSetRecord): number {
  if (taskSet.status === 'DRAINING') return 0;
  return Math.ceil((service.desiredCount * taskSet.scalePercent) / 100);
}

/**
 * One scheduler pass over a task-set service: each task set launches or stops tasks towards its computed desired
 * count (launches wait while the service is throttled), a DRAINING task set stops all of its tasks and is gone once
 * they are STOPPED, and stability is tracked (STEADY_STATE once every task runs and is healthy).
 */
export function reconcileTaskSets(scheduler: TaskSetScheduler, service: ServiceRecord, at: number): void {
  const taskSets = service.taskSets ?? [];
  const started: TaskRecord[] = [];
  for (const taskSet of taskSets) {
    const desired = computedDesiredCount(service, taskSet);
    const running = live(service, taskSet).sort((a, b) => Number(a.healthy) - Number(b.healthy));
    while (running.length > desired) {
      const task = running.shift();
      if (task) scheduler.stopTask(task, at, `Scaling activity initiated by (taskSet ${taskSet.id})`);
    }
    const throttled = service.throttle.until > at;
    const taskDefinition = scheduler.taskDefinitionFor(taskSet.taskDefinitionArn);
    if (!throttled && taskDefinition) {
      for (let i = running.length; i < desired; i++) {
        started.push(scheduler.launchTask(service.cluster, service, taskDefinition, taskSet.id, at));
      }
    } else if (throttled && running.length < desired) {
      service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, service.throttle.until);
    }
    const now = live(service, taskSet);
    const steady = now.length === desired && now.every((task) => task.healthy && task.lastStatus === 'RUNNING');
    if (steady && taskSet.steadySince === undefined) {
      // Steady since the last of its tasks became healthy (at most now).
      taskSet.steadySince = Math.min(
        at,
        Math.max(0, ...now.map((task) => task.plan.healthyAt ?? task.startedAt ?? at)),
      );
      taskSet.updatedAt = at;
    } else if (!steady && taskSet.steadySince !== undefined) {
      taskSet.steadySince = undefined;
      taskSet.updatedAt = at;
    }
  }
  if (started.length > 0) {
    scheduler.event(
      service,
      at,
      `(service ${service.name}) has started ${started.length} tasks: ${started.map((task) => `(task ${task.id})`).join(' ')}.`,
    );
  }
  service.taskSets = taskSets.filter(
    (taskSet) =>
      taskSet.status !== 'DRAINING' || tasksOf(service, taskSet).some((task) => task.lastStatus !== 'STOPPED'),
  );
}

/** The TaskSet data type of DescribeServices' `taskSets`. */
export function taskSetShape(service: ServiceRecord, taskSet: TaskSetRecord): JsonObject {
  const tasks = live(service, taskSet);
  const shape: JsonObject = {
    id: taskSet.id,
    taskSetArn: taskSet.arn,
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    startedBy: taskSet.startedBy,
    status: taskSet.status,
    taskDefinition: taskSet.taskDefinitionArn,
    computedDesiredCount: computedDesiredCount(service, taskSet),
    pendingCount: tasks.filter((task) => task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING').length,
    runningCount: tasks.filter((task) => task.lastStatus === 'RUNNING').length,
    createdAt: new Date(taskSet.createdAt),
    updatedAt: new Date(taskSet.updatedAt),
    launchType: service.launchType,
    platformFamily: 'Linux',
    networkConfiguration: service.networkConfiguration,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    scale: { value: taskSet.scalePercent, unit: 'PERCENT' },
    stabilityStatus: taskSet.steadySince !== undefined ? 'STEADY_STATE' : 'STABILIZING',
    stabilityStatusAt: new Date(taskSet.steadySince ?? taskSet.updatedAt),
  };
  if (service.launchType === 'FARGATE') shape.platformVersion = '1.4.0';
  if (taskSet.externalId) shape.externalId = taskSet.externalId;
  return shape;
}

/** What a CODE_DEPLOY service's DescribeServices shows: its task sets, and the PRIMARY one's task definition. */
export function taskSetServiceFields(service: ServiceRecord): JsonObject | undefined {
  if (!service.taskSets) return undefined;
  const shapes = service.taskSets.map((taskSet) => taskSetShape(service, taskSet));
  return {
    taskSets: shapes,
    taskDefinition: service.taskSets.find((taskSet) => taskSet.status === 'PRIMARY')?.taskDefinitionArn,
    runningCount: shapes.reduce((sum, shape) => sum + (shape.runningCount as number), 0),
    pendingCount: shapes.reduce((sum, shape) => sum + (shape.pendingCount as number), 0),
  };
}

/**
 * The task sets of one CODE_DEPLOY service, as CodeDeploy drives them (CreateTaskSet, UpdateServicePrimaryTaskSet,
 * DeleteTaskSet). Every method takes the simulated time it acts at.
 */
export class ServiceTaskSets {
  constructor(
    private readonly scheduler: TaskSetScheduler,
    readonly service: ServiceRecord,
    private readonly newId: () => string,
  ) {}

  list(): TaskSetRecord[] {
    return this.service.taskSets ?? [];
  }

  get primary(): TaskSetRecord | undefined {
    return this.list().find((taskSet) => taskSet.status === 'PRIMARY');
  }

  find(id: string): TaskSetRecord | undefined {
    return this.list().find((taskSet) => taskSet.id === id);
  }

  /** CreateTaskSet: a new ACTIVE task set at `scalePercent`, launching its tasks at once. */
  create(
    taskDefinitionArn: string,
    at: number,
    options: { externalId?: string; scalePercent?: number; primary?: boolean; launch?: boolean } = {},
  ): TaskSetRecord {
    const id = this.newId();
    const { service } = this;
    const taskSet: TaskSetRecord = {
      id,
      arn: `${service.arn.replace(':service/', ':task-set/')}/${id}`,
      status: options.primary ? 'PRIMARY' : 'ACTIVE',
      taskDefinitionArn,
      scalePercent: options.scalePercent ?? 100,
      startedBy: options.externalId ? 'CODE_DEPLOY' : '',
      createdAt: at,
      updatedAt: at,
      ...(options.externalId ? { externalId: options.externalId } : {}),
    };
    service.taskSets = [...this.list(), taskSet];
    // `launch: false`: the caller places its tasks itself (a seeded service whose tasks already run).
    if (options.launch !== false) reconcileTaskSets(this.scheduler, service, at);
    return taskSet;
  }

  /** UpdateServicePrimaryTaskSet: production traffic now goes to this one; the former PRIMARY becomes ACTIVE. */
  makePrimary(taskSet: TaskSetRecord, at: number): void {
    for (const other of this.list()) {
      if (other.status === 'PRIMARY' && other !== taskSet) {
        other.status = 'ACTIVE';
        other.updatedAt = at;
      }
    }
    taskSet.status = 'PRIMARY';
    taskSet.updatedAt = at;
  }

  /** DeleteTaskSet: DRAINING, its tasks stopped; it leaves the list once they are STOPPED. */
  delete(taskSet: TaskSetRecord, at: number): void {
    if (taskSet.status === 'DRAINING') return;
    taskSet.status = 'DRAINING';
    taskSet.updatedAt = at;
    for (const task of live(this.service, taskSet)) {
      this.scheduler.stopTask(task, at, `Scaling activity initiated by (taskSet ${taskSet.id})`);
    }
    reconcileTaskSets(this.scheduler, this.service, at);
  }

  /** Tasks of a task set, for CodeDeploy's view of it (ECSTaskSet counts). */
  counts(taskSet: TaskSetRecord): { desired: number; running: number; pending: number } {
    const tasks = live(this.service, taskSet);
    return {
      desired: computedDesiredCount(this.service, taskSet),
      running: tasks.filter((task) => task.lastStatus === 'RUNNING').length,
      pending: tasks.filter((task) => task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING').length,
    };
  }
}
