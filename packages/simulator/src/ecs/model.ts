import type { RollingPauseRecord } from './rolling-pauses.js';
import type { StagedRolloutRecord } from './strategies/staged-model.js';

/**
 * Internal state of the ECS side, and the deterministic id generator. Wire shapes are built from these in
 * shapes.ts; field names follow the ECS API reference data types (Cluster, Service, Deployment, Task,
 * Container, ServiceEvent, ServiceDeployment).
 */
import type { TaskSetRecord } from './task-sets.js';

/** What a task launched from an image does (set per exact image string with `setImageScenario`). */
export type Scenario =
  | 'healthy'
  | 'never-stable'
  | 'image-pull-failure'
  | 'failing-health-check'
  | { kind: 'slow-start'; startSeconds: number }
  | { kind: 'crash-on-start'; exitCode: number }
  /**
   * The task reaches RUNNING (and HEALTHY when the container defines a health check, unless it exits first),
   * then its essential container exits `afterSeconds` after RUNNING with `exitCode` (default 1).
   */
  | { kind: 'crash-after-running'; afterSeconds: number; exitCode?: number }
  /**
   * A one-off task (a migration, a batch job): it reaches RUNNING, and `afterSeconds` later its essential
   * container exits with `exitCode` (0 for success). Stop code EssentialContainerExited either way.
   */
  | { kind: 'exit'; exitCode: number; afterSeconds: number };

export type JsonObject = Record<string, unknown>;

export interface TaskDefinitionRecord {
  arn: string;
  family: string;
  revision: number;
  /** The full DescribeTaskDefinition `taskDefinition` object (Dates for timestamps). */
  taskDefinition: JsonObject;
  tags: { key: string; value: string }[];
  status: 'ACTIVE' | 'INACTIVE';
}

export interface ClusterRecord {
  name: string;
  arn: string;
  status: 'ACTIVE' | 'INACTIVE';
  tags: unknown[];
  settings: unknown[];
  services: Map<string, ServiceRecord>;
  tasks: TaskRecord[];
}

export interface DeploymentConfigurationRecord {
  maximumPercent: number;
  minimumHealthyPercent: number;
  deploymentCircuitBreaker: { enable: boolean; rollback: boolean; resetOnHealthyTask?: boolean };
  [key: string]: unknown;
}

export interface DeploymentRecord {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinitionArn: string;
  /** Desired count while PRIMARY. */
  desiredCount: number;
  /** Consecutive failed tasks (Deployment.failedTasks). */
  failedTasks: number;
  /** All failures, for the service deployment's circuit breaker failureCount. */
  totalFailures: number;
  /**
   * The circuit breaker's stage: 1 until a task of this deployment reaches RUNNING (tasks that fail to start
   * count), 2 from then on (only tasks stopped for failed health checks count).
   */
  breakerStage: 1 | 2;
  createdAt: number;
  updatedAt: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  networkConfiguration?: unknown;
  launchType: string;
  platformVersion?: string;
  capacityProviderStrategy?: unknown[];
  serviceConnectConfiguration?: unknown;
  volumeConfigurations?: unknown[];
  /** The ServiceDeployment (ListServiceDeployments) this deployment belongs to. */
  serviceDeployment: ServiceDeploymentRecord;
  serviceRevisionArn: string;
}

/** A service revision: what one deployment of the service runs, fixed when the deployment starts. */
export interface ServiceRevisionRecord {
  arn: string;
  taskDefinitionArn: string;
  createdAt: number;
  launchType: string;
  platformVersion?: string;
  capacityProviderStrategy?: unknown[];
  loadBalancers: unknown[];
  serviceRegistries: unknown[];
  networkConfiguration?: unknown;
  serviceConnectConfiguration?: unknown;
  volumeConfigurations?: unknown[];
}

export interface ServiceDeploymentRecord {
  arn: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  status:
    | 'PENDING'
    | 'IN_PROGRESS'
    | 'SUCCESSFUL'
    | 'STOPPED'
    | 'STOP_REQUESTED'
    | 'ROLLBACK_REQUESTED'
    | 'ROLLBACK_IN_PROGRESS'
    | 'ROLLBACK_SUCCESSFUL'
    | 'ROLLBACK_FAILED';
  statusReason?: string;
  targetRevisionArn: string;
  sourceRevisionArns: string[];
  deploymentConfiguration: DeploymentConfigurationRecord;
  circuitBreakerThreshold: number;
  circuitBreakerTriggered: boolean;
  /** Failed tasks seen by the circuit breaker over the whole service deployment. */
  failureCount: number;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  /** A native BLUE_GREEN, LINEAR or CANARY deployment's stages, traffic, hooks and alarms (strategies/staged.ts). */
  staged?: StagedRolloutRecord;
  /** A rolling deployment's PAUSE hooks (rolling-pauses.ts): the stage it is at and the pauses run. */
  rollingPause?: RollingPauseRecord;
}

export interface ServiceEventRecord {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRecord {
  name: string;
  arn: string;
  cluster: ClusterRecord;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType: string;
  platformVersion?: string;
  deploymentConfiguration: DeploymentConfigurationRecord;
  deploymentController: { type: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL' };
  networkConfiguration?: unknown;
  loadBalancers: unknown[];
  serviceRegistries: unknown[];
  /** Set instead of a launch type; each deployment takes it (and the two below) when it starts. */
  capacityProviderStrategy?: unknown[];
  /** Service Connect: kept on the service, described on its deployments (as ECS describes it). */
  serviceConnectConfiguration?: unknown;
  volumeConfigurations?: unknown[];
  healthCheckGracePeriodSeconds?: number;
  enableECSManagedTags: boolean;
  propagateTags: string;
  enableExecuteCommand: boolean;
  tags: unknown[];
  createdAt: number;
  createdBy: string;
  /** PRIMARY first, then ACTIVE newest first (as DescribeServices lists them). */
  deployments: DeploymentRecord[];
  /** Every service deployment ever started, oldest first. */
  serviceDeployments: ServiceDeploymentRecord[];
  /** Every service revision (DescribeServiceRevisions), oldest first: one per new deployment. */
  serviceRevisions: ServiceRevisionRecord[];
  events: ServiceEventRecord[];
  /** The last deployment that reached COMPLETED (the circuit breaker's rollback target). */
  lastCompleted?: { deploymentId: string; taskDefinitionArn: string; serviceRevisionArn: string };
  /** Tasks that became healthy since the last scheduler pass (target registrations to report). */
  pendingRegistrations: number;
  /** When the scheduler wants to look at the service again (steady-state check). */
  wakeAt?: number;
  /**
   * Service throttle logic: tasks that failed to start in a row (PENDING → STOPPED, never RUNNING), the
   * time before which no task is launched, and when the throttle event was last written.
   */
  throttle: { failures: number; until: number; announcedAt?: number };
  /** deploymentController CODE_DEPLOY: the service runs task sets instead of rolling deployments (task-sets.ts). */
  taskSets?: TaskSetRecord[];
}

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

/** What will happen to a task, decided at launch from the scenario of its image. */
export interface TaskPlan {
  pendingAt: number;
  /** Undefined when the task never reaches RUNNING. */
  runningAt?: number;
  /** When it counts as healthy (RUNNING, plus the health check when the container defines one). */
  healthyAt?: number;
  /** When it fails on its own, and how. */
  failure?: {
    at: number;
    stopCode: 'TaskFailedToStart' | 'EssentialContainerExited' | 'ServiceSchedulerInitiated';
    stoppedReason: string;
    exitCode?: number;
    containerReason?: string;
    unhealthy?: boolean;
    /** Counts towards Deployment.failedTasks and the circuit breaker. */
    countsAsFailure: boolean;
  };
}

export interface TaskRecord {
  id: string;
  arn: string;
  cluster: ClusterRecord;
  service?: ServiceRecord;
  taskDefinition: TaskDefinitionRecord;
  startedBy: string;
  group: string;
  launchType: string;
  plan: TaskPlan;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  healthy: boolean;
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
  containerExitCode?: number;
  containerReason?: string;
  version: number;
  privateIp: string;
  /** awsvpc: the subnet its network interface is in (its Availability Zone is the subnet's). */
  subnetId?: string;
  availabilityZone: string;
  /** Next scheduled transition (simulated epoch ms), undefined when STOPPED. */
  nextAt?: number;
  /** For a task stopped by the scheduler: when it reaches STOPPED. */
  stopCompletesAt?: number;
  /** RunTask's `overrides` (TaskOverride), as given. */
  overrides?: JsonObject;
  /** RunTask's `tags`. */
  tags?: { key: string; value: string }[];
  /** Behind a load balancer: DEACTIVATING (target draining) until this time, then STOPPING. */
  deactivatingUntil?: number;
}

/** Deterministic ids: the same calls in the same order give the same ids (mulberry32). */
export class IdGenerator {
  private state: number;
  constructor(seed = 0x5eed) {
    this.state = seed >>> 0;
  }

  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  hex(length: number): string {
    return this.chars('0123456789abcdef', length);
  }

  /** `ecs-svc/` + 19 digits, as Deployment.id looks in DescribeServices. */
  deploymentId(): string {
    return `ecs-svc/${this.chars('123456789', 1)}${this.chars('0123456789', 18)}`;
  }

  digits(length: number): string {
    return this.chars('123456789', 1) + this.chars('0123456789', length - 1);
  }

  /** Service deployment ids look like `NCWGC2ZR-taawPAYrIaU5` (API reference examples). */
  serviceDeploymentId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return `${this.chars(alphabet, 8)}-${this.chars(alphabet, 12)}`;
  }

  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
}
