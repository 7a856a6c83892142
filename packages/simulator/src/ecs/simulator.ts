/**
 * The ECS side of the simulator (AWS JSON 1.1, `AmazonEC2ContainerServiceV20141113.<Operation>`).
 * Request validation and error codes/messages follow each operation's "Errors" section in the ECS API reference.
 *
 * This class holds the state and dispatches each operation to the file of what it is about: clusters.ts,
 * services.ts, task-definition-registry.ts, tasks.ts, service-deployments.ts; seeding.ts and scenarios.ts hold what
 * tests set up. The scheduler (scheduler.ts) brings every service and task up to the clock before each request.
 */
import { type AwsJsonService, AwsServiceError, type LogSink, type SimClock, type TargetState } from '../contract.js';
import { addCluster, createCluster, describeClusters, listClusters } from './clusters.js';
import { type ClusterRecord, IdGenerator, type JsonObject, type Scenario, type TaskDefinitionRecord } from './model.js';
import { EcsScenarios, type ScenarioOptions } from './scenarios.js';
import { Scheduler } from './scheduler.js';
import { type SeedServiceInput, seedService } from './seeding.js';
import {
  continueServiceDeployment,
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
  stopServiceDeployment,
} from './service-deployments.js';
import { createService, deleteService, describeServices, listServices, updateService } from './services.js';
import { clusterShape, serviceShape } from './shapes.js';
import { type EcsState, taskSetsOf } from './state.js';
import type { LifecycleStage } from './strategies/config.js';
import {
  deregisterTaskDefinition,
  describeTaskDefinition,
  listTaskDefinitions,
  registerTaskDefinition,
  TaskDefinitionRegistry,
} from './task-definition-registry.js';
import type { ServiceTaskSets } from './task-sets.js';
import { describeTasks, listTasks, runTask, stopTask } from './tasks.js';

export type { ScenarioOptions } from './scenarios.js';
export type { SeedServiceInput } from './seeding.js';

export interface EcsSimulatorOptions {
  clock: SimClock;
  accountId: string;
  region: string;
  /** Where tasks write what their awslogs containers log (the CloudWatch Logs side). */
  logs?: LogSink;
  /** The Elastic Load Balancing side's target group settings that drive rollout timing. */
  targetGroups?: TargetGroupTiming;
  /** The EC2 side's subnets: a task's Availability Zone is its subnet's. */
  subnets?: { zoneOf(subnetId: string): string | undefined };
  /** Why a task cannot start, from the IAM, SSM, Secrets Manager, Logs and ECR sides (src/task-start). */
  taskStart?: { failureOf(taskDefinition: Record<string, unknown>, taskId: string): string | undefined };
}

/** What a target group's settings make a service's rollout wait for (ms), for target groups that side knows. */
export interface TargetGroupTiming {
  deregistrationDelayMs(targetGroupArn: string): number | undefined;
  healthyAfterMs(targetGroupArn: string): number | undefined;
}

export class EcsSimulator implements AwsJsonService {
  readonly api = 'ecs' as const;
  readonly targetPrefix = 'AmazonEC2ContainerServiceV20141113';

  private readonly clusters = new Map<string, ClusterRecord>();
  private readonly taskDefinitions: TaskDefinitionRegistry;
  private readonly scenarios = new EcsScenarios();
  private readonly ids = new IdGenerator();
  private readonly scheduler: Scheduler;
  private readonly clock: SimClock;
  /** What the operations share (state.ts). */
  private readonly state: EcsState;

  constructor(options: EcsSimulatorOptions) {
    this.clock = options.clock;
    const { accountId, region } = options;
    const arnPrefix = `arn:aws:ecs:${region}:${accountId}`;
    const caller = `arn:aws:sts::${accountId}:assumed-role/github-actions-deploy/GitHubActions`;
    this.taskDefinitions = new TaskDefinitionRegistry(arnPrefix, caller);
    const scenarios = this.scenarios;
    this.scheduler = new Scheduler(
      {
        ids: this.ids,
        region,
        accountId,
        scenarioFor: (image) => scenarios.scenarioFor(image),
        taskDefinitionScenario: (record) => scenarios.taskDefinitionScenario(record),
        deregistrationDelay: (targetGroupArn) =>
          scenarios.deregistrationDelay(targetGroupArn) ?? options.targetGroups?.deregistrationDelayMs(targetGroupArn),
        targetHealthyAfter: (targetGroupArn) => options.targetGroups?.healthyAfterMs(targetGroupArn),
        staged: {
          hookResult: (targetArn, stage) => scenarios.hookResult(targetArn, stage),
          alarmTrip: (alarmName) => scenarios.alarmTrip(alarmName),
        },
        containersRan: (task, at) => {
          if (options.logs) scenarios.writeLogs(options.logs, task, at);
        },
        zoneOfSubnet: (subnetId) => options.subnets?.zoneOf(subnetId),
        startFailure: (taskDefinition, taskId) => options.taskStart?.failureOf(taskDefinition, taskId),
      },
      this.clusters,
    );
    this.scheduler.taskDefinitionFor = (arn) => this.taskDefinitions.get(arn);
    this.state = {
      clusters: this.clusters,
      taskDefinitions: this.taskDefinitions,
      scenarios,
      scheduler: this.scheduler,
      ids: this.ids,
      region,
      accountId,
      arnPrefix,
      now: () => this.now(),
    };
  }

  /** Brings every service up to the clock's now. */
  private now(): number {
    const now = this.clock.now();
    this.scheduler.advanceTo(now);
    return now;
  }

  /**
   * The targets ECS registered in a target group: the tasks of services behind it, by IP and container port.
   * A task not yet healthy is `initial` (its first health check pending), a deregistered one `draining`.
   */
  targetsOf(targetGroupArn: string): TargetState[] {
    this.now();
    const targets: TargetState[] = [];
    for (const cluster of this.clusters.values()) {
      for (const task of cluster.tasks) {
        const entry = task.service?.loadBalancers.find(
          (loadBalancer) => (loadBalancer as { targetGroupArn?: unknown }).targetGroupArn === targetGroupArn,
        ) as { containerPort?: number } | undefined;
        if (!entry || task.startedAt === undefined) continue;
        const state =
          task.lastStatus === 'DEACTIVATING'
            ? 'draining'
            : task.lastStatus !== 'RUNNING'
              ? undefined
              : task.healthy
                ? 'healthy'
                : 'initial';
        if (state) targets.push({ id: task.privateIp, port: entry.containerPort ?? 80, state });
      }
    }
    return targets;
  }

  // ------------------------------------------------------------------------------------------- seeding

  seedCluster(name: string): JsonObject {
    return clusterShape(addCluster(this.state, name));
  }

  /** Per exact image string; applies to tasks launched afterwards. Unknown images are 'healthy'. */
  setImageScenario(image: string, scenario: Scenario, options: ScenarioOptions = {}): void {
    this.scenarios.setImageScenario(image, scenario, options);
  }

  /**
   * Per task definition: its ARN, `family:revision`, or a family (every revision); wins over image scenarios.
   * Applies to tasks launched afterwards.
   */
  setTaskDefinitionScenario(taskDefinition: string, scenario: Scenario, options: ScenarioOptions = {}): void {
    this.scenarios.setTaskDefinitionScenario(taskDefinition, scenario, options);
  }

  /**
   * A one-off task started by RunTask with a container override of this `command` (a migration, say) does what
   * `scenario` says, whatever its task definition's or images' scenario: the service's tasks of the same revision
   * stay healthy while the migration command exits. Applies to tasks launched afterwards.
   */
  setCommandScenario(command: readonly string[], scenario: Scenario, options: ScenarioOptions = {}): void {
    this.scenarios.setCommandScenario(command, scenario, options);
  }

  /**
   * RunTask of this task definition (its ARN, `family:revision` or family) places no task and answers with a
   * `failures` entry of this reason instead, e.g. `RESOURCE:MEMORY`, `RESOURCE:CPU`, `AGENT`, `MISSING`.
   */
  setRunTaskFailure(taskDefinition: string, reason: string): void {
    this.scenarios.setRunTaskFailure(taskDefinition, reason);
  }

  /**
   * A target group's `deregistration_delay.timeout_seconds` (0 to 3600; Elastic Load Balancing's default, used
   * when none is set, is 300): how long a task of a service behind it stays DEACTIVATING before it stops.
   */
  setDeregistrationDelay(targetGroupArn: string, seconds: number): void {
    this.scenarios.setDeregistrationDelay(targetGroupArn, seconds);
  }

  /**
   * What a native deployment's Lambda lifecycle hook answers (hookStatus), at every stage it runs at or at one
   * `stage`. Hooks answer SUCCEEDED unless set here.
   */
  setLifecycleHookResult(hookTargetArn: string, result: 'SUCCEEDED' | 'FAILED', stage?: LifecycleStage): void {
    this.scenarios.setLifecycleHookResult(hookTargetArn, result, stage);
  }

  /**
   * The CloudWatch alarm `alarmName` goes into ALARM `afterSeconds` after a native deployment entered `stage` (or
   * began, without one). A service whose deploymentConfiguration.alarms names it (enable) sees it trip; with
   * rollback, ECS rolls the deployment back.
   */
  setAlarmTrip(alarmName: string, trip: { stage?: LifecycleStage; afterSeconds?: number } = {}): void {
    this.scenarios.setAlarmTrip(alarmName, trip);
  }

  /** A service that is steady at once: one COMPLETED deployment with all its tasks RUNNING. */
  seedService(input: SeedServiceInput): JsonObject {
    return seedService(this.state, input);
  }

  /** The task sets of a CODE_DEPLOY service, brought up to now (what the CodeDeploy side drives). */
  serviceTaskSets(cluster: string, serviceName: string): ServiceTaskSets | undefined {
    this.now();
    const service = this.clusters.get(cluster)?.services.get(serviceName);
    return service?.status === 'ACTIVE' && service.taskSets ? taskSetsOf(this.state, service) : undefined;
  }

  /** A task definition by ARN, `family:revision` or family (the CodeDeploy side checks an AppSpec's TaskDefinition). */
  taskDefinitionRecord(reference: string): TaskDefinitionRecord | undefined {
    return this.taskDefinitions.lookup(reference);
  }

  /** Brings every service and task up to the clock's now (the CodeDeploy side calls it before reading them). */
  advance(): number {
    return this.now();
  }

  /** The ARNs of a family's revisions with this status (default ACTIVE), oldest first. */
  taskDefinitionArns(family: string, status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE'): string[] {
    return this.taskDefinitions.arns(family, status);
  }

  /** Current state of a service, for assertions (same shape as DescribeServices). */
  describeService(cluster: string, serviceName: string): JsonObject | undefined {
    this.now();
    const service = this.clusters.get(cluster)?.services.get(serviceName);
    return service ? serviceShape(service, true) : undefined;
  }

  // ------------------------------------------------------------------------------------------- dispatch

  async handle(operation: string, input: JsonObject): Promise<unknown> {
    const state = this.state;
    switch (operation) {
      case 'CreateCluster':
        return createCluster(state, input);
      case 'DescribeClusters':
        return describeClusters(state, input);
      case 'ListClusters':
        return listClusters(state, input);
      case 'CreateService':
        return createService(state, input);
      case 'UpdateService':
        return updateService(state, input);
      case 'DescribeServices':
        return describeServices(state, input);
      case 'DeleteService':
        return deleteService(state, input);
      case 'ListServices':
        return listServices(state, input);
      case 'RegisterTaskDefinition':
        return registerTaskDefinition(this.taskDefinitions, input, this.now());
      case 'DescribeTaskDefinition':
        return describeTaskDefinition(this.taskDefinitions, input);
      case 'DeregisterTaskDefinition':
        return deregisterTaskDefinition(this.taskDefinitions, input, () => this.now());
      case 'ListTaskDefinitions':
        return listTaskDefinitions(this.taskDefinitions, input);
      case 'ListTasks':
        return listTasks(state, input);
      case 'DescribeTasks':
        return describeTasks(state, input);
      case 'RunTask':
        return runTask(state, input);
      case 'StopTask':
        return stopTask(state, input);
      case 'ListServiceDeployments':
        return listServiceDeployments(state, input);
      case 'DescribeServiceDeployments':
        return describeServiceDeployments(state, input);
      case 'DescribeServiceRevisions':
        return describeServiceRevisions(state, input);
      case 'StopServiceDeployment':
        return stopServiceDeployment(state, input);
      case 'ContinueServiceDeployment':
        return continueServiceDeployment(state, input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    }
  }
}
