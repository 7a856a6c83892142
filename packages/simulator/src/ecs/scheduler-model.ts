/**
 * What the scheduler's phases share: its simulated timing, what it asks the simulator (SchedulerContext), and the
 * small views of a service's tasks and events that task lifecycle and rolling deployments both use.
 */
import type {
  DeploymentRecord,
  IdGenerator,
  Scenario,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from './model.js';
import type { StagedScenarios } from './strategies/staged-model.js';

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
export const STOPPED_RETENTION = 3 * 3_600_000;

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
  /** The Availability Zone of a subnet the EC2 side knows. */
  zoneOfSubnet?(subnetId: string): string | undefined;
  /** Why a task of this task definition cannot start (its role, secrets, image platform, log group), if it cannot. */
  startFailure?(taskDefinition: Record<string, unknown>, taskId: string): string | undefined;
}

export const plural = (count: number, word: string) => `${count} ${word}`;

export function serviceEvent(ids: IdGenerator, service: ServiceRecord, at: number, message: string): void {
  // ServiceEvent: newest first; DescribeServices returns the 100 most recent.
  service.events.unshift({ id: ids.uuid(), createdAt: at, message });
  if (service.events.length > 100) service.events.length = 100;
}

export function tasksOf(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
  return service.cluster.tasks.filter((task) => task.service === service && task.startedBy === deployment.id);
}

export function liveTasks(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[] {
  return tasksOf(service, deployment).filter((task) => task.desiredStatus === 'RUNNING');
}

export function targetGroupsOf(service: ServiceRecord): string[] {
  return service.loadBalancers
    .map((loadBalancer) => (loadBalancer as { targetGroupArn?: unknown }).targetGroupArn)
    .filter((arn): arn is string => typeof arn === 'string');
}

export function hasHealthCheck(taskDefinition: TaskDefinitionRecord): boolean {
  const containers = (taskDefinition.taskDefinition.containerDefinitions as Record<string, unknown>[]) ?? [];
  return containers.some((container) => container.healthCheck !== undefined);
}
