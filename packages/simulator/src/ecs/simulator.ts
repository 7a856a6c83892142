/**
 * The ECS side of the simulator (AWS JSON 1.1, `AmazonEC2ContainerServiceV20141113.<Operation>`).
 * Request validation and error codes/messages follow each operation's "Errors" section in the ECS API reference.
 */
import { type AwsJsonService, AwsServiceError, type LogSink, type SimClock, type TargetState } from '../contract.js';
import { writeTaskLogs } from '../logs/awslogs.js';
import {
  type ClusterRecord,
  type DeploymentConfigurationRecord,
  IdGenerator,
  type JsonObject,
  type Scenario,
  type ServiceRecord,
  type TaskDefinitionRecord,
} from './model.js';
import { Scheduler } from './scheduler.js';
import { applyServiceSettings } from './service-settings.js';
import {
  clusterShape,
  serviceDeploymentBriefShape,
  serviceDeploymentShape,
  serviceShape,
  taskShape,
} from './shapes.js';
import { type LifecycleStage, validateStrategy } from './strategies/config.js';
import { stopServiceDeployment } from './strategies/stop.js';
import { buildTaskDefinition, validateRegisterInput } from './task-definitions.js';
import { ServiceTaskSets } from './task-sets.js';

export interface EcsSimulatorOptions {
  clock: SimClock;
  accountId: string;
  region: string;
  /** Where tasks write what their awslogs containers log (the CloudWatch Logs side). */
  logs?: LogSink;
  /** The Elastic Load Balancing side's target group settings that drive rollout timing. */
  targetGroups?: TargetGroupTiming;
}

/** What a target group's settings make a service's rollout wait for (ms), for target groups that side knows. */
export interface TargetGroupTiming {
  deregistrationDelayMs(targetGroupArn: string): number | undefined;
  healthyAfterMs(targetGroupArn: string): number | undefined;
}

/** Options of a scenario: the lines the containers write to CloudWatch Logs (awslogs) when they run. */
export interface ScenarioOptions {
  logLines?: string[];
}

export interface SeedServiceInput {
  cluster: string;
  serviceName: string;
  /** A RegisterTaskDefinition input; registered as the next revision of its family. */
  taskDefinition: JsonObject;
  desiredCount: number;
  deploymentConfiguration?: JsonObject;
  deploymentController?: { type: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL' };
  launchType?: 'FARGATE' | 'EC2';
  networkConfiguration?: JsonObject;
  /** `[{ targetGroupArn, containerName, containerPort }]`: adds ECS's target registration and draining events. */
  loadBalancers?: JsonObject[];
  tags?: { key: string; value: string }[];
}

const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);
const clientError = (message: string) => new AwsServiceError('ClientException', message);
const clusterNotFound = () => new AwsServiceError('ClusterNotFoundException', 'Cluster not found.');
const serviceNotFound = () => new AwsServiceError('ServiceNotFoundException', 'Service not found.');

const DEFAULT_NETWORK = {
  awsvpcConfiguration: {
    subnets: ['subnet-0a1b2c3d4e5f60718'],
    securityGroups: ['sg-0a1b2c3d4e5f60718'],
    assignPublicIp: 'DISABLED',
  },
};

function str(input: JsonObject, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${name} must be a string.`);
  return value;
}

function required(input: JsonObject, name: string): string {
  const value = str(input, name);
  if (value === undefined || value === '') throw invalid(`${name} can not be blank.`);
  return value;
}

function strings(input: JsonObject, name: string): string[] | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalid(`${name} must be a list of strings.`);
  }
  return value as string[];
}

/** Opaque pagination: nextToken is the base64 offset (ListTasks, ListTaskDefinitions, ListServiceDeployments). */
function paginate<T>(
  items: T[],
  input: JsonObject,
  defaultMax: number,
  limit: number,
): { page: T[]; nextToken?: string } {
  const maxResults = input.maxResults === undefined ? defaultMax : Number(input.maxResults);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit) {
    throw invalid(`maxResults must be between 1 and ${limit}.`);
  }
  let offset = 0;
  const token = str(input, 'nextToken');
  if (token !== undefined) {
    offset = Number(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isInteger(offset) || offset < 0) throw invalid('Invalid nextToken.');
  }
  const page = items.slice(offset, offset + maxResults);
  const next = offset + maxResults;
  return next < items.length ? { page, nextToken: Buffer.from(String(next)).toString('base64') } : { page };
}

export class EcsSimulator implements AwsJsonService {
  readonly api = 'ecs' as const;
  readonly targetPrefix = 'AmazonEC2ContainerServiceV20141113';

  private readonly clusters = new Map<string, ClusterRecord>();
  private readonly taskDefinitions = new Map<string, TaskDefinitionRecord>();
  private readonly families = new Map<string, TaskDefinitionRecord[]>();
  private readonly scenarios = new Map<string, Scenario>();
  private readonly taskDefinitionScenarios = new Map<string, Scenario>();
  private readonly imageLogLines = new Map<string, string[]>();
  private readonly taskDefinitionLogLines = new Map<string, string[]>();
  /** By a RunTask container override's command (JSON text): what a one-off task with that command does. */
  private readonly commandScenarios = new Map<string, { scenario: Scenario; logLines?: string[] }>();
  private readonly deregistrationDelays = new Map<string, number>();
  private readonly runTaskFailures = new Map<string, string>();
  /** Lifecycle hook answers by `targetArn` or `targetArn@STAGE` (default SUCCEEDED). */
  private readonly hookResults = new Map<string, 'SUCCEEDED' | 'FAILED'>();
  private readonly alarmTrips = new Map<string, { stage?: LifecycleStage; afterMs: number }>();
  private readonly ids = new IdGenerator();
  private readonly scheduler: Scheduler;
  private readonly clock: SimClock;
  private readonly accountId: string;
  private readonly region: string;

  constructor(options: EcsSimulatorOptions) {
    this.clock = options.clock;
    this.accountId = options.accountId;
    this.region = options.region;
    this.scheduler = new Scheduler(
      {
        ids: this.ids,
        region: this.region,
        accountId: this.accountId,
        scenarioFor: (image) => this.scenarios.get(image) ?? 'healthy',
        taskDefinitionScenario: (record) =>
          this.taskDefinitionScenarios.get(record.arn) ??
          this.taskDefinitionScenarios.get(`${record.family}:${record.revision}`) ??
          this.taskDefinitionScenarios.get(record.family),
        deregistrationDelay: (targetGroupArn) =>
          this.deregistrationDelays.get(targetGroupArn) ?? options.targetGroups?.deregistrationDelayMs(targetGroupArn),
        targetHealthyAfter: (targetGroupArn) => options.targetGroups?.healthyAfterMs(targetGroupArn),
        staged: {
          hookResult: (targetArn, stage) =>
            this.hookResults.get(`${targetArn}@${stage}`) ?? this.hookResults.get(targetArn) ?? 'SUCCEEDED',
          alarmTrip: (alarmName) => this.alarmTrips.get(alarmName),
        },
        containersRan: (task, at) => {
          if (!options.logs) return;
          const record = task.taskDefinition;
          const own =
            this.commandScenarioOf(task.overrides)?.logLines ??
            this.taskDefinitionLogLines.get(record.arn) ??
            this.taskDefinitionLogLines.get(`${record.family}:${record.revision}`) ??
            this.taskDefinitionLogLines.get(record.family);
          const failure = task.plan.failure;
          const exitCode = task.startedAt === undefined ? failure?.exitCode : undefined;
          writeTaskLogs(
            options.logs,
            (record.taskDefinition.containerDefinitions as Record<string, unknown>[]) ?? [],
            task.id,
            at,
            (container) => own ?? this.imageLogLines.get(String(container.image)),
            exitCode,
          );
        },
      },
      this.clusters,
    );
    this.scheduler.taskDefinitionFor = (arn) => this.taskDefinitions.get(arn);
  }

  private get arnPrefix(): string {
    return `arn:aws:ecs:${this.region}:${this.accountId}`;
  }

  private get caller(): string {
    return `arn:aws:sts::${this.accountId}:assumed-role/github-actions-deploy/GitHubActions`;
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
    const existing = this.clusters.get(name);
    if (existing) return clusterShape(existing);
    const cluster: ClusterRecord = {
      name,
      arn: `${this.arnPrefix}:cluster/${name}`,
      status: 'ACTIVE',
      tags: [],
      settings: [{ name: 'containerInsights', value: 'disabled' }],
      services: new Map(),
      tasks: [],
    };
    this.clusters.set(name, cluster);
    return clusterShape(cluster);
  }

  /** Per exact image string; applies to tasks launched afterwards. Unknown images are 'healthy'. */
  setImageScenario(image: string, scenario: Scenario, options: ScenarioOptions = {}): void {
    this.scenarios.set(image, scenario);
    if (options.logLines) this.imageLogLines.set(image, [...options.logLines]);
    else this.imageLogLines.delete(image);
  }

  /**
   * Per task definition: its ARN, `family:revision`, or a family (every revision); wins over image scenarios.
   * Applies to tasks launched afterwards.
   */
  setTaskDefinitionScenario(taskDefinition: string, scenario: Scenario, options: ScenarioOptions = {}): void {
    const text = taskDefinition.startsWith('arn:') ? taskDefinition : taskDefinition.replace(/^task-definition\//, '');
    this.taskDefinitionScenarios.set(text, scenario);
    if (options.logLines) this.taskDefinitionLogLines.set(text, [...options.logLines]);
    else this.taskDefinitionLogLines.delete(text);
  }

  /**
   * A one-off task started by RunTask with a container override of this `command` (a migration, say) does what
   * `scenario` says, whatever its task definition's or images' scenario: the service's tasks of the same revision
   * stay healthy while the migration command exits. Applies to tasks launched afterwards.
   */
  setCommandScenario(command: readonly string[], scenario: Scenario, options: ScenarioOptions = {}): void {
    this.commandScenarios.set(JSON.stringify(command), {
      scenario,
      ...(options.logLines ? { logLines: [...options.logLines] } : {}),
    });
  }

  private commandScenarioOf(overrides: unknown): { scenario: Scenario; logLines?: string[] } | undefined {
    const containerOverrides = (overrides as { containerOverrides?: { command?: unknown }[] } | undefined)
      ?.containerOverrides;
    for (const override of containerOverrides ?? []) {
      if (!Array.isArray(override.command)) continue;
      const found = this.commandScenarios.get(JSON.stringify(override.command));
      if (found) return found;
    }
    return undefined;
  }

  /**
   * RunTask of this task definition (its ARN, `family:revision` or family) places no task and answers with a
   * `failures` entry of this reason instead, e.g. `RESOURCE:MEMORY`, `RESOURCE:CPU`, `AGENT`, `MISSING`.
   */
  setRunTaskFailure(taskDefinition: string, reason: string): void {
    const text = taskDefinition.startsWith('arn:') ? taskDefinition : taskDefinition.replace(/^task-definition\//, '');
    this.runTaskFailures.set(text, reason);
  }

  /**
   * A target group's `deregistration_delay.timeout_seconds` (0 to 3600; Elastic Load Balancing's default, used
   * when none is set, is 300): how long a task of a service behind it stays DEACTIVATING before it stops.
   */
  setDeregistrationDelay(targetGroupArn: string, seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) {
      throw new Error(`setDeregistrationDelay: seconds must be an integer from 0 to 3600, got ${seconds}`);
    }
    this.deregistrationDelays.set(targetGroupArn, seconds * 1000);
  }

  /**
   * What a native deployment's Lambda lifecycle hook answers (hookStatus), at every stage it runs at or at one
   * `stage`. Hooks answer SUCCEEDED unless set here.
   */
  setLifecycleHookResult(hookTargetArn: string, result: 'SUCCEEDED' | 'FAILED', stage?: LifecycleStage): void {
    this.hookResults.set(stage ? `${hookTargetArn}@${stage}` : hookTargetArn, result);
  }

  /**
   * The CloudWatch alarm `alarmName` goes into ALARM `afterSeconds` after a native deployment entered `stage` (or
   * began, without one). A service whose deploymentConfiguration.alarms names it (enable) sees it trip; with
   * rollback, ECS rolls the deployment back.
   */
  setAlarmTrip(alarmName: string, trip: { stage?: LifecycleStage; afterSeconds?: number } = {}): void {
    this.alarmTrips.set(alarmName, {
      ...(trip.stage ? { stage: trip.stage } : {}),
      afterMs: Math.max(0, trip.afterSeconds ?? 0) * 1000,
    });
  }

  /** A service that is steady at once: one COMPLETED deployment with all its tasks RUNNING. */
  seedService(input: SeedServiceInput): JsonObject {
    const now = this.now();
    if (!this.clusters.has(input.cluster)) this.seedCluster(input.cluster);
    const cluster = this.clusters.get(input.cluster) as ClusterRecord;
    if (cluster.services.get(input.serviceName)?.status === 'ACTIVE') {
      throw new Error(`seedService: service ${input.serviceName} already exists in cluster ${input.cluster}`);
    }
    const registered = this.register(input.taskDefinition, now);
    const service = this.newService(
      cluster,
      {
        serviceName: input.serviceName,
        desiredCount: input.desiredCount,
        deploymentConfiguration: input.deploymentConfiguration,
        deploymentController: input.deploymentController,
        launchType: input.launchType,
        networkConfiguration:
          input.networkConfiguration ??
          (registered.taskDefinition.networkMode === 'awsvpc' ? DEFAULT_NETWORK : undefined),
        tags: input.tags,
        loadBalancers: input.loadBalancers,
      },
      registered,
      now - 60_000,
    );
    if (service.deploymentController.type === 'CODE_DEPLOY') {
      // A CODE_DEPLOY service runs task sets: seeded with one PRIMARY task set, steady, all tasks RUNNING.
      service.taskSets = [];
      const taskSet = this.taskSets(service).create(registered.arn, now - 60_000, { primary: true, launch: false });
      for (let i = 0; i < service.desiredCount; i++) {
        this.scheduler.launchTask(cluster, service, registered, taskSet.id, now, true);
      }
      taskSet.steadySince = now;
      this.scheduler.event(service, now, `(service ${service.name}) has reached a steady state.`);
      return serviceShape(service, true);
    }
    const deployment = this.scheduler.startDeployment(service, registered.arn, now - 60_000);
    for (let i = 0; i < service.desiredCount; i++) {
      this.scheduler.launchTask(cluster, service, registered, deployment.id, now, true);
    }
    deployment.rolloutState = 'COMPLETED';
    deployment.rolloutStateReason = `ECS deployment ${deployment.id} completed.`;
    deployment.serviceDeployment.status = 'SUCCESSFUL';
    deployment.serviceDeployment.finishedAt = now;
    service.lastCompleted = {
      deploymentId: deployment.id,
      taskDefinitionArn: registered.arn,
      serviceRevisionArn: deployment.serviceRevisionArn,
    };
    this.scheduler.event(service, now, `(service ${service.name}) has reached a steady state.`);
    return serviceShape(service, true);
  }

  /** The task sets of a CODE_DEPLOY service, brought up to now (what the CodeDeploy side drives). */
  serviceTaskSets(cluster: string, serviceName: string): ServiceTaskSets | undefined {
    this.now();
    const service = this.clusters.get(cluster)?.services.get(serviceName);
    return service?.status === 'ACTIVE' && service.taskSets ? this.taskSets(service) : undefined;
  }

  /** A task definition by ARN, `family:revision` or family (the CodeDeploy side checks an AppSpec's TaskDefinition). */
  taskDefinitionRecord(reference: string): TaskDefinitionRecord | undefined {
    return this.lookupTaskDefinition(reference);
  }

  /** Brings every service and task up to the clock's now (the CodeDeploy side calls it before reading them). */
  advance(): number {
    return this.now();
  }

  private taskSets(service: ServiceRecord): ServiceTaskSets {
    return new ServiceTaskSets(this.scheduler, service, () => this.ids.deploymentId());
  }

  /** Current state of a service, for assertions (same shape as DescribeServices). */
  /** The ARNs of a family's revisions with this status (default ACTIVE), oldest first. */
  taskDefinitionArns(family: string, status: 'ACTIVE' | 'INACTIVE' = 'ACTIVE'): string[] {
    return (this.families.get(family) ?? []).filter((record) => record.status === status).map((record) => record.arn);
  }

  describeService(cluster: string, serviceName: string): JsonObject | undefined {
    this.now();
    const service = this.clusters.get(cluster)?.services.get(serviceName);
    return service ? serviceShape(service, true) : undefined;
  }

  // ------------------------------------------------------------------------------------------- dispatch

  async handle(operation: string, input: JsonObject): Promise<unknown> {
    switch (operation) {
      case 'CreateCluster':
        return this.createCluster(input);
      case 'DescribeClusters':
        return this.describeClusters(input);
      case 'ListClusters':
        return { clusterArns: [...this.clusters.values()].map((cluster) => cluster.arn) };
      case 'CreateService':
        return this.createService(input);
      case 'UpdateService':
        return this.updateService(input);
      case 'DescribeServices':
        return this.describeServices(input);
      case 'DeleteService':
        return this.deleteService(input);
      case 'ListServices':
        return this.listServices(input);
      case 'RegisterTaskDefinition':
        return this.registerTaskDefinition(input);
      case 'DescribeTaskDefinition':
        return this.describeTaskDefinition(input);
      case 'DeregisterTaskDefinition':
        return this.deregisterTaskDefinition(input);
      case 'ListTaskDefinitions':
        return this.listTaskDefinitions(input);
      case 'ListTasks':
        return this.listTasks(input);
      case 'DescribeTasks':
        return this.describeTasks(input);
      case 'RunTask':
        return this.runTask(input);
      case 'StopTask':
        return this.stopTask(input);
      case 'ListServiceDeployments':
        return this.listServiceDeployments(input);
      case 'DescribeServiceDeployments':
        return this.describeServiceDeployments(input);
      case 'StopServiceDeployment':
        return this.stopServiceDeployment(input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    }
  }

  // ------------------------------------------------------------------------------------------- lookups

  /** `cluster` is a name or an ARN; omitted means `default` (API reference, every `cluster` parameter). */
  private cluster(reference: unknown): ClusterRecord {
    const text = typeof reference === 'string' && reference !== '' ? reference : 'default';
    const name = text.startsWith('arn:') ? text.slice(text.lastIndexOf('/') + 1) : text;
    const cluster = this.clusters.get(name);
    if (cluster?.status !== 'ACTIVE') throw clusterNotFound();
    return cluster;
  }

  private findService(cluster: ClusterRecord, reference: string): ServiceRecord | undefined {
    const name = reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference;
    return cluster.services.get(name);
  }

  private service(cluster: ClusterRecord, reference: string): ServiceRecord {
    const service = this.findService(cluster, reference);
    if (!service) throw serviceNotFound();
    return service;
  }

  /** `family`, `family:revision` or the full ARN; a bare family means its latest ACTIVE revision. */
  private lookupTaskDefinition(reference: string): TaskDefinitionRecord | undefined {
    const text = reference.startsWith('arn:') ? reference.slice(reference.indexOf('task-definition/') + 16) : reference;
    const [family, revision] = text.split(':');
    const revisions = this.families.get(family ?? '') ?? [];
    if (revision === undefined) return revisions.filter((record) => record.status === 'ACTIVE').at(-1);
    return revisions.find((record) => String(record.revision) === revision);
  }

  /** For CreateService/UpdateService (their ClientException messages). */
  private taskDefinitionForService(reference: string): TaskDefinitionRecord {
    const record = this.lookupTaskDefinition(reference);
    if (!record) throw clientError('TaskDefinition not found.');
    if (record.status !== 'ACTIVE') throw clientError('TaskDefinition is inactive');
    return record;
  }

  // ------------------------------------------------------------------------------------------- clusters

  private createCluster(input: JsonObject): unknown {
    const name = str(input, 'clusterName') ?? 'default';
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
      throw invalid('Cluster name can have up to 255 characters: letters, numbers, hyphens and underscores.');
    }
    // CreateCluster is idempotent for an existing ACTIVE cluster.
    this.seedCluster(name);
    const cluster = this.clusters.get(name) as ClusterRecord;
    if (Array.isArray(input.tags)) cluster.tags = input.tags;
    if (Array.isArray(input.settings)) cluster.settings = input.settings;
    return { cluster: clusterShape(cluster) };
  }

  private describeClusters(input: JsonObject): unknown {
    this.now();
    const references = strings(input, 'clusters') ?? ['default'];
    const clusters: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const reference of references) {
      const name = reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference;
      const cluster = this.clusters.get(name);
      if (cluster) clusters.push(clusterShape(cluster));
      else failures.push({ arn: `${this.arnPrefix}:cluster/${name}`, reason: 'MISSING' });
    }
    return { clusters, failures };
  }

  // ------------------------------------------------------------------------------------------- services

  private deploymentConfiguration(
    given: JsonObject | undefined,
    base?: DeploymentConfigurationRecord,
  ): DeploymentConfigurationRecord {
    // DeploymentConfiguration defaults for REPLICA services: maximumPercent 200, minimumHealthyPercent 100.
    const merged: DeploymentConfigurationRecord = structuredClone(
      base ?? {
        deploymentCircuitBreaker: { enable: false, rollback: false },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
    );
    if (!given) return merged;
    for (const [key, value] of Object.entries(given)) if (value !== undefined) merged[key] = structuredClone(value);
    const breaker = (given.deploymentCircuitBreaker ?? merged.deploymentCircuitBreaker) as JsonObject;
    merged.deploymentCircuitBreaker = {
      ...breaker,
      enable: breaker.enable === true,
      rollback: breaker.rollback === true,
    };
    if (!Number.isInteger(merged.maximumPercent) || merged.maximumPercent < 100) {
      throw invalid('maximumPercent must be an integer of at least 100 for rolling updates.');
    }
    if (
      !Number.isInteger(merged.minimumHealthyPercent) ||
      merged.minimumHealthyPercent < 0 ||
      merged.minimumHealthyPercent > 100
    ) {
      throw invalid('minimumHealthyPercent must be an integer between 0 and 100.');
    }
    return merged;
  }

  private newService(
    cluster: ClusterRecord,
    input: JsonObject,
    taskDefinition: TaskDefinitionRecord,
    at: number,
  ): ServiceRecord {
    const name = String(input.serviceName);
    const requires = (taskDefinition.taskDefinition.requiresCompatibilities as string[] | undefined) ?? [];
    const launchType = (input.launchType as string | undefined) ?? (requires.includes('FARGATE') ? 'FARGATE' : 'EC2');
    const desiredCount = input.desiredCount === undefined ? 0 : Number(input.desiredCount);
    if (!Number.isInteger(desiredCount) || desiredCount < 0) throw invalid('desiredCount must be a positive integer.');
    const controller = (input.deploymentController as ServiceRecord['deploymentController'] | undefined) ?? {
      type: 'ECS',
    };
    const service: ServiceRecord = {
      name,
      arn: `${this.arnPrefix}:service/${cluster.name}/${name}`,
      cluster,
      status: 'ACTIVE',
      desiredCount,
      launchType,
      platformVersion: launchType === 'FARGATE' ? 'LATEST' : undefined,
      deploymentConfiguration: this.deploymentConfiguration(input.deploymentConfiguration as JsonObject | undefined),
      deploymentController: { type: controller.type ?? 'ECS' },
      networkConfiguration: input.networkConfiguration,
      loadBalancers: (input.loadBalancers as unknown[] | undefined) ?? [],
      serviceRegistries: (input.serviceRegistries as unknown[] | undefined) ?? [],
      healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds as number | undefined,
      enableECSManagedTags: input.enableECSManagedTags === true,
      propagateTags: (input.propagateTags as string | undefined) ?? 'NONE',
      enableExecuteCommand: input.enableExecuteCommand === true,
      tags: (input.tags as unknown[] | undefined) ?? [],
      createdAt: at,
      createdBy: `arn:aws:iam::${this.accountId}:role/github-actions-deploy`,
      deployments: [],
      serviceDeployments: [],
      events: [],
      pendingRegistrations: 0,
      throttle: { failures: 0, until: 0 },
    };
    validateStrategy(service.deploymentConfiguration, {
      controller: service.deploymentController.type,
      loadBalancers: service.loadBalancers,
      serviceConnect: input.serviceConnectConfiguration !== undefined,
    });
    cluster.services.set(name, service);
    return service;
  }

  private createService(input: JsonObject): unknown {
    const now = this.now();
    const cluster = this.cluster(input.cluster);
    const serviceName = required(input, 'serviceName');
    const existing = cluster.services.get(serviceName);
    if (existing?.status === 'ACTIVE') throw invalid('Creation of service was not idempotent.');
    if (existing?.status === 'DRAINING') throw invalid('Unable to Start a service that is still Draining.');
    const reference = str(input, 'taskDefinition');
    if (reference === undefined) throw invalid('TaskDefinition must be specified.');
    const taskDefinition = this.taskDefinitionForService(reference);
    if (taskDefinition.taskDefinition.networkMode === 'awsvpc' && input.networkConfiguration === undefined) {
      // CreateService networkConfiguration: "required for task definitions that use the awsvpc network mode".
      throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }
    const service = this.newService(cluster, input, taskDefinition, now);
    this.scheduler.startDeployment(service, taskDefinition.arn, now);
    this.scheduler.reconcile(service, now);
    return { service: serviceShape(service, false) };
  }

  private updateService(input: JsonObject): unknown {
    const now = this.now();
    const cluster = this.cluster(input.cluster);
    const service = this.service(cluster, required(input, 'service'));
    // UpdateService errors: ServiceNotActiveException "the service isn't active".
    if (service.status !== 'ACTIVE') {
      throw new AwsServiceError('ServiceNotActiveException', 'Service was not ACTIVE.');
    }
    const reference = str(input, 'taskDefinition');
    const taskDefinition = reference === undefined ? undefined : this.taskDefinitionForService(reference);
    const primary = service.deployments[0];
    const controller = service.deploymentController.type;
    if (controller !== 'ECS' && taskDefinition && taskDefinition.arn !== primary?.taskDefinitionArn) {
      // Developer guide, blue/green and external deployments: the task definition changes through CodeDeploy
      // (or a new task set), not UpdateService.
      throw invalid(
        `Unable to update task definition on services with a ${controller} deployment controller. ${
          controller === 'CODE_DEPLOY' ? 'Use AWS CodeDeploy to trigger a new deployment.' : 'Use a new task set.'
        }`,
      );
    }
    // Every check before any change: a refused update changes nothing.
    const desired = input.desiredCount === undefined ? service.desiredCount : Number(input.desiredCount);
    if (!Number.isInteger(desired) || desired < 0) throw invalid('desiredCount must be a positive integer.');
    const configuration =
      input.deploymentConfiguration === undefined
        ? service.deploymentConfiguration
        : this.deploymentConfiguration(input.deploymentConfiguration as JsonObject, service.deploymentConfiguration);
    if (input.loadBalancers !== undefined && !Array.isArray(input.loadBalancers)) {
      throw invalid('loadBalancers must be a list.');
    }
    const loadBalancers = (input.loadBalancers as unknown[] | undefined) ?? service.loadBalancers;
    validateStrategy(configuration, {
      controller,
      loadBalancers,
      serviceConnect: input.serviceConnectConfiguration !== undefined,
    });
    // Validated (all of them) before anything is changed.
    let changed = applyServiceSettings(service, input);
    service.desiredCount = desired;
    service.deploymentConfiguration = configuration;
    service.loadBalancers = loadBalancers;
    if (input.networkConfiguration !== undefined) {
      changed ||= JSON.stringify(input.networkConfiguration) !== JSON.stringify(service.networkConfiguration);
      service.networkConfiguration = input.networkConfiguration;
    }
    if (input.enableExecuteCommand !== undefined) service.enableExecuteCommand = input.enableExecuteCommand === true;
    if (input.healthCheckGracePeriodSeconds !== undefined) {
      service.healthCheckGracePeriodSeconds = Number(input.healthCheckGracePeriodSeconds);
    }
    const targetArn = taskDefinition?.arn ?? primary?.taskDefinitionArn;
    // A rolling update starts when the task definition (or the network) changes, or on forceNewDeployment
    // (UpdateService: "forceNewDeployment ... without changing the service definition").
    if (targetArn && (targetArn !== primary?.taskDefinitionArn || input.forceNewDeployment === true || changed)) {
      if (controller === 'ECS') this.scheduler.startDeployment(service, targetArn, now);
    }
    // The answer shows the new PRIMARY deployment before the scheduler has acted on it (runningCount and
    // pendingCount 0): the scheduler's pass comes after the call, seen by the next request.
    const current = service.deployments[0];
    if (current) current.desiredCount = service.desiredCount;
    service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, now);
    return { service: serviceShape(service, false) };
  }

  private describeServices(input: JsonObject): unknown {
    this.now();
    const cluster = this.cluster(input.cluster);
    const references = strings(input, 'services');
    if (!references || references.length === 0) throw invalid('Services cannot be empty.');
    if (references.length > 10) throw invalid('Too many services. The maximum is 10.');
    const includeTags = (strings(input, 'include') ?? []).includes('TAGS');
    const services: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const reference of references) {
      const service = this.findService(cluster, reference);
      if (service) services.push(serviceShape(service, includeTags));
      else {
        const name = reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference;
        failures.push({ arn: `${this.arnPrefix}:service/${cluster.name}/${name}`, reason: 'MISSING' });
      }
    }
    return { services, failures };
  }

  private deleteService(input: JsonObject): unknown {
    const now = this.now();
    const cluster = this.cluster(input.cluster);
    const service = this.service(cluster, required(input, 'service'));
    if (service.status !== 'ACTIVE') throw new AwsServiceError('ServiceNotActiveException', 'Service was not ACTIVE.');
    if (service.desiredCount > 0 && input.force !== true) {
      // DeleteService: scale to zero first unless `force`.
      throw invalid('The service cannot be stopped while it is scaled above 0.');
    }
    service.desiredCount = 0;
    service.status = 'DRAINING';
    this.scheduler.reconcile(service, now);
    return { service: serviceShape(service, false) };
  }

  private listServices(input: JsonObject): unknown {
    this.now();
    const cluster = this.cluster(input.cluster);
    const arns = [...cluster.services.values()]
      .filter((service) => service.status !== 'INACTIVE')
      .map((service) => service.arn);
    const { page, nextToken } = paginate(arns, input, 10, 100);
    return nextToken ? { serviceArns: page, nextToken } : { serviceArns: page };
  }

  // ------------------------------------------------------------------------------------------- task definitions

  private register(input: JsonObject, at: number): TaskDefinitionRecord {
    validateRegisterInput(input);
    const family = String(input.family);
    const revisions = this.families.get(family) ?? [];
    const revision = (revisions.at(-1)?.revision ?? 0) + 1;
    const arn = `${this.arnPrefix}:task-definition/${family}:${revision}`;
    const tags = Array.isArray(input.tags) ? (input.tags as { key: string; value: string }[]) : [];
    const record: TaskDefinitionRecord = {
      arn,
      family,
      revision,
      taskDefinition: buildTaskDefinition(input, arn, revision, new Date(at), this.caller),
      tags,
      status: 'ACTIVE',
    };
    revisions.push(record);
    this.families.set(family, revisions);
    this.taskDefinitions.set(arn, record);
    return record;
  }

  private registerTaskDefinition(input: JsonObject): unknown {
    const record = this.register(input, this.now());
    return { taskDefinition: record.taskDefinition, tags: record.tags };
  }

  private describeTaskDefinition(input: JsonObject): unknown {
    const reference = required(input, 'taskDefinition');
    const record = this.lookupTaskDefinition(reference);
    // DescribeTaskDefinition of an unknown family/revision: ClientException.
    if (!record) throw clientError('Unable to describe task definition.');
    const includeTags = (strings(input, 'include') ?? []).includes('TAGS');
    return includeTags
      ? { taskDefinition: record.taskDefinition, tags: record.tags }
      : { taskDefinition: record.taskDefinition };
  }

  private deregisterTaskDefinition(input: JsonObject): unknown {
    const reference = required(input, 'taskDefinition');
    const text = reference.startsWith('arn:') ? reference.slice(reference.indexOf('task-definition/') + 16) : reference;
    // DeregisterTaskDefinition needs `family:revision` or the full ARN.
    if (!/:\d+$/.test(text)) throw clientError(`Invalid revision number. Number: ${text.split(':')[1] ?? ''}`);
    const record = this.lookupTaskDefinition(reference);
    if (!record) throw clientError('Unable to describe task definition.');
    if (record.status === 'ACTIVE') {
      record.status = 'INACTIVE';
      record.taskDefinition.status = 'INACTIVE';
      record.taskDefinition.deregisteredAt = new Date(this.now());
    }
    return { taskDefinition: record.taskDefinition };
  }

  private listTaskDefinitions(input: JsonObject): unknown {
    const family = str(input, 'familyPrefix');
    const status = str(input, 'status') ?? 'ACTIVE';
    const sort = str(input, 'sort') ?? 'ASC';
    if (!['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'].includes(status)) throw invalid(`Invalid status: ${status}`);
    if (sort !== 'ASC' && sort !== 'DESC') throw invalid(`Invalid sort: ${sort}`);
    // familyPrefix is the full family name (ListTaskDefinitions request parameters).
    const records = [...this.families.entries()]
      .filter(([name]) => family === undefined || name === family)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, revisions]) => revisions)
      .filter((record) => record.status === status);
    if (sort === 'DESC') records.reverse();
    const { page, nextToken } = paginate(
      records.map((record) => record.arn),
      input,
      100,
      100,
    );
    return nextToken ? { taskDefinitionArns: page, nextToken } : { taskDefinitionArns: page };
  }

  // ------------------------------------------------------------------------------------------- tasks

  private listTasks(input: JsonObject): unknown {
    this.now();
    const cluster = this.cluster(input.cluster);
    const serviceName = str(input, 'serviceName');
    const service = serviceName === undefined ? undefined : this.service(cluster, serviceName);
    // ListTasks desiredStatus: RUNNING unless STOPPED is asked for; stopped tasks stay listable.
    const desiredStatus = str(input, 'desiredStatus') ?? 'RUNNING';
    if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) {
      throw invalid(`Invalid desiredStatus: ${desiredStatus}`);
    }
    const startedBy = str(input, 'startedBy');
    const family = str(input, 'family');
    const launchType = str(input, 'launchType');
    const tasks = cluster.tasks.filter(
      (task) =>
        (service === undefined || task.service === service) &&
        (desiredStatus === 'STOPPED' ? task.desiredStatus === 'STOPPED' : task.desiredStatus === 'RUNNING') &&
        (desiredStatus !== 'PENDING' || task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING') &&
        (startedBy === undefined || task.startedBy === startedBy) &&
        (family === undefined || task.taskDefinition.family === family) &&
        (launchType === undefined || task.launchType === launchType),
    );
    const { page, nextToken } = paginate(
      tasks.map((task) => task.arn),
      input,
      100,
      100,
    );
    return nextToken ? { taskArns: page, nextToken } : { taskArns: page };
  }

  private describeTasks(input: JsonObject): unknown {
    this.now();
    const cluster = this.cluster(input.cluster);
    const references = strings(input, 'tasks');
    if (!references || references.length === 0) throw invalid('Tasks cannot be empty.');
    if (references.length > 100) throw invalid('Too many tasks. The maximum is 100.');
    const includeTags = (strings(input, 'include') ?? []).includes('TAGS');
    const tasks: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const reference of references) {
      const id = reference.slice(reference.lastIndexOf('/') + 1);
      const task = cluster.tasks.find((candidate) => candidate.id === id);
      if (task) tasks.push(taskShape(task, this.region, this.accountId, includeTags));
      else
        failures.push({
          arn: reference.startsWith('arn:') ? reference : `${this.arnPrefix}:task/${cluster.name}/${id}`,
          reason: 'MISSING',
        });
    }
    return { tasks, failures };
  }

  // ------------------------------------------------------------------------------------------- standalone tasks

  /** RunTask: standalone tasks (group `family:<family>`), validated per the API reference's Errors section. */
  private runTask(input: JsonObject): unknown {
    const now = this.now();
    const cluster = this.cluster(input.cluster);
    const record = this.lookupTaskDefinition(required(input, 'taskDefinition'));
    if (!record) throw clientError('TaskDefinition not found.');
    if (record.status !== 'ACTIVE') throw clientError('TaskDefinition is inactive');
    const count = input.count === undefined ? 1 : Number(input.count);
    if (!Number.isInteger(count) || count < 1 || count > 10) throw invalid('count must be between 1 and 10.');
    const launchType = str(input, 'launchType');
    const strategy = input.capacityProviderStrategy;
    if (launchType !== undefined && Array.isArray(strategy) && strategy.length > 0) {
      throw invalid(
        'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
      );
    }
    if (launchType !== undefined && !['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(launchType)) {
      throw invalid(`Invalid launchType: ${launchType}`);
    }
    const startedBy = str(input, 'startedBy');
    if (startedBy !== undefined && startedBy.length > 128) {
      throw invalid('startedBy must be at most 128 characters long.');
    }
    const network = input.networkConfiguration as { awsvpcConfiguration?: { subnets?: unknown } } | undefined;
    if (record.taskDefinition.networkMode === 'awsvpc') {
      if (!network?.awsvpcConfiguration) {
        throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
      }
      const subnets = network.awsvpcConfiguration.subnets;
      if (!Array.isArray(subnets) || subnets.length === 0) throw invalid('subnets can not be empty.');
    }
    const overrides = (input.overrides ?? undefined) as JsonObject | undefined;
    const names = ((record.taskDefinition.containerDefinitions as JsonObject[]) ?? []).map((c) => c.name);
    for (const override of (overrides?.containerOverrides as JsonObject[] | undefined) ?? []) {
      if (!names.includes(override.name)) {
        throw invalid(
          `Override for container named ${String(override.name)} is not a container in the TaskDefinition.`,
        );
      }
    }
    const tags = (input.tags ?? []) as { key: string; value: string }[];
    const reason =
      this.runTaskFailures.get(record.arn) ??
      this.runTaskFailures.get(`${record.family}:${record.revision}`) ??
      this.runTaskFailures.get(record.family);
    if (reason !== undefined) {
      // Failure.arn: the resource the failure is about (a container instance for RESOURCE:*, else the cluster).
      const arn = reason.startsWith('RESOURCE:')
        ? `${this.arnPrefix}:container-instance/${cluster.name}/${this.ids.hex(32)}`
        : cluster.arn;
      return { tasks: [], failures: Array.from({ length: count }, () => ({ arn, reason })) };
    }
    const tasks: JsonObject[] = [];
    for (let i = 0; i < count; i++) {
      const task = this.scheduler.launchTask(
        cluster,
        undefined,
        record,
        startedBy ?? '',
        now,
        false,
        this.commandScenarioOf(overrides)?.scenario,
      );
      if (launchType !== undefined) task.launchType = launchType;
      if (startedBy === undefined) task.startedBy = '';
      if (overrides) task.overrides = overrides;
      if (tags.length > 0) task.tags = tags;
      const group = str(input, 'group');
      if (group !== undefined) task.group = group;
      tasks.push(taskShape(task, this.region, this.accountId, false));
    }
    return { tasks, failures: [] };
  }

  /** StopTask: stop code UserInitiated; the reason (at most 255 characters) becomes the stoppedReason. */
  private stopTask(input: JsonObject): unknown {
    const now = this.now();
    const cluster = this.cluster(input.cluster);
    const reference = required(input, 'task');
    const reason = str(input, 'reason');
    if (reason !== undefined && reason.length > 255) throw invalid('reason must be at most 255 characters long.');
    const id = reference.slice(reference.lastIndexOf('/') + 1);
    const task = cluster.tasks.find((candidate) => candidate.id === id);
    if (!task) throw invalid('The referenced task was not found.');
    this.scheduler.stopTask(task, now, reason ?? 'Task stopped by user', 'UserInitiated');
    return { task: taskShape(task, this.region, this.accountId, false) };
  }

  // ------------------------------------------------------------------------------------------- service deployments

  private listServiceDeployments(input: JsonObject): unknown {
    this.now();
    const cluster = this.cluster(input.cluster);
    const service = this.service(cluster, required(input, 'service'));
    const statuses = strings(input, 'status');
    const createdAt = (input.createdAt ?? {}) as { before?: number; after?: number };
    // Newest first (ListServiceDeployments: "most recent first").
    const records = [...service.serviceDeployments]
      .reverse()
      .filter((record) => statuses === undefined || statuses.includes(record.status))
      .filter((record) => createdAt.after === undefined || record.createdAt >= createdAt.after * 1000)
      .filter((record) => createdAt.before === undefined || record.createdAt <= createdAt.before * 1000);
    const { page, nextToken } = paginate(records, input, 20, 100);
    const serviceDeployments = page.map((record) => serviceDeploymentBriefShape(service, record));
    return nextToken ? { serviceDeployments, nextToken } : { serviceDeployments };
  }

  private describeServiceDeployments(input: JsonObject): unknown {
    this.now();
    const arns = strings(input, 'serviceDeploymentArns');
    if (!arns || arns.length === 0) throw invalid('serviceDeploymentArns cannot be empty.');
    if (arns.length > 20) throw invalid('Too many serviceDeploymentArns. The maximum is 20.');
    const serviceDeployments: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const arn of arns) {
      let found = false;
      for (const cluster of this.clusters.values()) {
        for (const service of cluster.services.values()) {
          const record = service.serviceDeployments.find((candidate) => candidate.arn === arn);
          if (record) {
            serviceDeployments.push(serviceDeploymentShape(service, record));
            found = true;
          }
        }
      }
      if (!found) failures.push({ arn, reason: 'MISSING' });
    }
    return { serviceDeployments, failures };
  }

  private stopServiceDeployment(input: JsonObject): unknown {
    const now = this.now();
    return stopServiceDeployment(
      this.clusters.values(),
      this.scheduler,
      required(input, 'serviceDeploymentArn'),
      str(input, 'stopType'),
      now,
    );
  }
}
