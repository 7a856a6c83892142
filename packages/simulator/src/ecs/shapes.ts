/**
 * Wire shapes of the ECS API reference data types (Cluster, Service, Deployment, ServiceEvent, Task,
 * Container, ServiceDeployment, ServiceDeploymentBrief, ServiceRevision), built from the simulator's state.
 * Timestamps are Date objects; the server writes them as epoch seconds (AWS JSON 1.1).
 */
import { createHash } from 'node:crypto';
import type {
  ClusterRecord,
  DeploymentRecord,
  JsonObject,
  ServiceDeploymentRecord,
  ServiceRecord,
  ServiceRevisionRecord,
  TaskRecord,
} from './model.js';
import { pauseDetails } from './strategies/pause-hooks.js';
import { stagedShapeFields, trafficWeights } from './strategies/staged-shapes.js';
import { taskSetServiceFields } from './task-sets.js';

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** Drops undefined members, as the service omits absent fields. */
function compact<T extends JsonObject>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const isPending = (task: TaskRecord) =>
  task.desiredStatus === 'RUNNING' && (task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING');
const isRunning = (task: TaskRecord) => task.desiredStatus === 'RUNNING' && task.lastStatus === 'RUNNING';

export function clusterShape(cluster: ClusterRecord): JsonObject {
  const live = cluster.tasks.filter((task) => task.lastStatus !== 'STOPPED');
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: 0,
    runningTasksCount: live.filter((task) => task.lastStatus === 'RUNNING').length,
    pendingTasksCount: live.filter((task) => task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING')
      .length,
    activeServicesCount: [...cluster.services.values()].filter((service) => service.status === 'ACTIVE').length,
    statistics: [],
    tags: cluster.tags,
    settings: cluster.settings,
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
}

export function deploymentShape(service: ServiceRecord, deployment: DeploymentRecord): JsonObject {
  const tasks = service.cluster.tasks.filter((task) => task.service === service && task.startedBy === deployment.id);
  const live = tasks.filter((task) => task.desiredStatus === 'RUNNING');
  return compact({
    id: deployment.id,
    status: deployment.status,
    taskDefinition: deployment.taskDefinitionArn,
    // An ACTIVE deployment's desired count falls as it is drained.
    desiredCount: deployment.status === 'PRIMARY' ? deployment.desiredCount : live.length,
    pendingCount: tasks.filter(isPending).length,
    runningCount: tasks.filter(isRunning).length,
    failedTasks: deployment.failedTasks,
    createdAt: new Date(deployment.createdAt),
    updatedAt: new Date(deployment.updatedAt),
    launchType: deployment.launchType,
    platformVersion: deployment.platformVersion,
    platformFamily: 'Linux',
    networkConfiguration: deployment.networkConfiguration,
    capacityProviderStrategy: deployment.capacityProviderStrategy,
    serviceConnectConfiguration: deployment.serviceConnectConfiguration,
    volumeConfigurations: deployment.volumeConfigurations,
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
  });
}

export function serviceShape(service: ServiceRecord, includeTags: boolean): JsonObject {
  const deployments = service.deployments.map((deployment) => deploymentShape(service, deployment));
  const primary = service.deployments[0];
  const current = service.serviceDeployments.at(-1);
  const revisions = new Map<string, { requested: number; running: number; pending: number }>();
  for (const [index, deployment] of service.deployments.entries()) {
    const shape = deployments[index] as { desiredCount: number; runningCount: number; pendingCount: number };
    const entry = revisions.get(deployment.serviceRevisionArn) ?? { requested: 0, running: 0, pending: 0 };
    entry.requested += shape.desiredCount;
    entry.running += shape.runningCount;
    entry.pending += shape.pendingCount;
    revisions.set(deployment.serviceRevisionArn, entry);
  }
  return compact({
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: service.cluster.arn,
    loadBalancers: service.loadBalancers,
    serviceRegistries: service.serviceRegistries,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: deployments.reduce((sum, d) => sum + (d.runningCount as number), 0),
    pendingCount: deployments.reduce((sum, d) => sum + (d.pendingCount as number), 0),
    // A service has a launch type or a capacity provider strategy, not both.
    launchType: service.capacityProviderStrategy ? undefined : service.launchType,
    capacityProviderStrategy: service.capacityProviderStrategy,
    platformVersion: service.platformVersion,
    platformFamily: 'Linux',
    taskDefinition: primary?.taskDefinitionArn,
    deploymentConfiguration: service.deploymentConfiguration,
    deployments,
    events: service.events.map((event) => ({
      id: event.id,
      createdAt: new Date(event.createdAt),
      message: event.message,
    })),
    createdAt: new Date(service.createdAt),
    currentServiceDeployment: current?.arn,
    currentServiceRevisions: [...revisions.entries()].map(([arn, counts]) => ({
      arn,
      requestedTaskCount: counts.requested,
      runningTaskCount: counts.running,
      pendingTaskCount: counts.pending,
    })),
    placementConstraints: [],
    placementStrategy: [],
    networkConfiguration: service.networkConfiguration,
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    schedulingStrategy: 'REPLICA',
    deploymentController: service.deploymentController,
    tags: includeTags ? service.tags : undefined,
    createdBy: service.createdBy,
    enableECSManagedTags: service.enableECSManagedTags,
    propagateTags: service.propagateTags,
    enableExecuteCommand: service.enableExecuteCommand,
    availabilityZoneRebalancing: 'ENABLED',
    ...taskSetServiceFields(service),
  });
}

/** A stable UUID-shaped id from a hash of `seed` (version 4 form, as ECS's ids look). */
function uuidOf(seed: string): string {
  const h = hash(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The Task data type of DescribeTasks: its containers, network attachment and overrides, from the record. */
export function taskShape(task: TaskRecord, region: string, accountId: string, includeTags: boolean): JsonObject {
  const definition = task.taskDefinition.taskDefinition;
  const containers = (definition.containerDefinitions as JsonObject[]) ?? [];
  const attachmentId = definition.networkMode === 'awsvpc' ? uuidOf(`${task.id}/eni`) : undefined;
  return compact({
    attachments: attachmentId ? [eniAttachmentShape(task, attachmentId)] : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: task.availabilityZone,
    clusterArn: task.cluster.arn,
    connectivity: task.lastStatus === 'PROVISIONING' ? undefined : 'CONNECTED',
    connectivityAt: date(task.pullStartedAt),
    containers: containers.map((container, index) =>
      containerShape(task, container, index, { region, accountId, attachmentId }),
    ),
    cpu: definition.cpu,
    memory: definition.memory,
    createdAt: new Date(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: false,
    executionStoppedAt: date(task.executionStoppedAt),
    group: task.group,
    healthStatus: task.healthStatus,
    lastStatus: task.lastStatus,
    launchType: task.launchType,
    overrides: overridesShape(task, containers),
    platformVersion: task.launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: task.launchType === 'FARGATE' ? 'Linux' : undefined,
    pullStartedAt: date(task.pullStartedAt),
    pullStoppedAt: date(task.pullStoppedAt),
    startedAt: date(task.startedAt),
    startedBy: task.startedBy,
    stopCode: task.stopCode,
    stoppedAt: date(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stoppingAt: date(task.stoppingAt),
    tags: includeTags ? (task.tags ?? []) : undefined,
    taskArn: task.arn,
    taskDefinitionArn: task.taskDefinition.arn,
    version: task.version,
    ephemeralStorage: task.launchType === 'FARGATE' ? { sizeInGiB: 20 } : undefined,
  });
}

/** An awsvpc task's network interface attachment: the subnet it was placed in, its ENI and private address. */
function eniAttachmentShape(task: TaskRecord, attachmentId: string): JsonObject {
  return {
    id: attachmentId,
    type: 'ElasticNetworkInterface',
    status: task.lastStatus === 'STOPPED' ? 'DELETED' : 'ATTACHED',
    details: [
      { name: 'subnetId', value: task.subnetId ?? 'subnet-0a1b2c3d4e5f60718' },
      { name: 'networkInterfaceId', value: `eni-${hash(task.id).slice(0, 17)}` },
      { name: 'privateIPv4Address', value: task.privateIp },
    ],
  };
}

/** The Container data type: the first (essential) container carries the task's exit code and reason. */
function containerShape(
  task: TaskRecord,
  container: JsonObject,
  index: number,
  context: { region: string; accountId: string; attachmentId: string | undefined },
): JsonObject {
  const uuid = hash(`${task.id}/${index}`);
  const image = String(container.image);
  const pulled = task.pullStoppedAt !== undefined && task.containerReason === undefined;
  const containerStatus = task.lastStatus === 'PROVISIONING' ? 'PENDING' : task.lastStatus;
  return compact({
    containerArn: `arn:aws:ecs:${context.region}:${context.accountId}:container/${task.cluster.name}/${task.id}/${uuidOf(`${task.id}/${index}`)}`,
    taskArn: task.arn,
    name: container.name,
    image,
    imageDigest: pulled ? `sha256:${hash(image)}` : undefined,
    runtimeId: task.startedAt !== undefined ? `${task.id}-${uuid.slice(0, 10)}` : undefined,
    lastStatus: containerStatus === 'DEACTIVATING' || containerStatus === 'STOPPING' ? 'RUNNING' : containerStatus,
    exitCode: index === 0 ? task.containerExitCode : task.lastStatus === 'STOPPED' && task.startedAt ? 0 : undefined,
    reason: index === 0 ? task.containerReason : undefined,
    networkInterfaces: context.attachmentId
      ? [{ attachmentId: context.attachmentId, privateIpv4Address: task.privateIp }]
      : [],
    healthStatus: container.healthCheck !== undefined ? task.healthStatus : 'UNKNOWN',
    cpu: String(container.cpu ?? 0),
    memory: container.memory !== undefined ? String(container.memory) : undefined,
  });
}

/** The task's overrides, with one containerOverrides entry per container (ECS lists them all, named). */
function overridesShape(task: TaskRecord, containers: JsonObject[]): JsonObject {
  const given = (task.overrides?.containerOverrides as JsonObject[] | undefined) ?? [];
  return {
    ...task.overrides,
    containerOverrides: containers.map((container) => ({
      ...given.find((override) => override.name === container.name),
      name: container.name,
    })),
    inferenceAcceleratorOverrides: [],
  };
}

function revisionCounts(service: ServiceRecord, revisionArn: string): JsonObject {
  let requested = 0;
  let running = 0;
  let pending = 0;
  for (const deployment of service.deployments) {
    if (deployment.serviceRevisionArn !== revisionArn) continue;
    const shape = deploymentShape(service, deployment) as {
      desiredCount: number;
      runningCount: number;
      pendingCount: number;
    };
    requested += shape.desiredCount;
    running += shape.runningCount;
    pending += shape.pendingCount;
  }
  return { arn: revisionArn, requestedTaskCount: requested, runningTaskCount: running, pendingTaskCount: pending };
}

export function serviceDeploymentBriefShape(service: ServiceRecord, record: ServiceDeploymentRecord): JsonObject {
  return compact({
    serviceDeploymentArn: record.arn,
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    startedAt: date(record.startedAt),
    createdAt: date(record.createdAt),
    finishedAt: date(record.finishedAt),
    targetServiceRevisionArn: record.targetRevisionArn,
    status: record.status,
    statusReason: record.statusReason,
  });
}

/** A ServiceRevision (DescribeServiceRevisions); containerImages from the task definition's containers. */
export function serviceRevisionShape(
  service: ServiceRecord,
  revision: ServiceRevisionRecord,
  containers: JsonObject[],
): JsonObject {
  return compact({
    serviceRevisionArn: revision.arn,
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    taskDefinition: revision.taskDefinitionArn,
    capacityProviderStrategy: revision.capacityProviderStrategy,
    launchType: revision.capacityProviderStrategy ? undefined : revision.launchType,
    platformVersion: revision.platformVersion,
    platformFamily: revision.launchType === 'FARGATE' ? 'Linux' : undefined,
    loadBalancers: revision.loadBalancers,
    serviceRegistries: revision.serviceRegistries,
    networkConfiguration: revision.networkConfiguration,
    containerImages: containers.map((container) => ({ containerName: container.name, image: container.image })),
    guardDutyEnabled: false,
    serviceConnectConfiguration: revision.serviceConnectConfiguration,
    volumeConfigurations: revision.volumeConfigurations,
    createdAt: date(revision.createdAt),
  });
}

export function serviceDeploymentShape(service: ServiceRecord, record: ServiceDeploymentRecord): JsonObject {
  const breaker = record.deploymentConfiguration.deploymentCircuitBreaker;
  const failures = record.failureCount;
  const inProgress = record.status === 'IN_PROGRESS' || record.status === 'ROLLBACK_IN_PROGRESS';
  return compact({
    serviceDeploymentArn: record.arn,
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    createdAt: date(record.createdAt),
    startedAt: date(record.startedAt),
    finishedAt: date(record.finishedAt),
    stoppedAt: date(record.stoppedAt),
    updatedAt: date(record.updatedAt),
    sourceServiceRevisions: record.sourceRevisionArns.map((arn) => ({
      ...revisionCounts(service, arn),
      ...trafficWeights(record, arn),
    })),
    targetServiceRevision: {
      ...revisionCounts(service, record.targetRevisionArn),
      ...trafficWeights(record, record.targetRevisionArn),
    },
    status: record.status,
    statusReason: record.statusReason,
    lifecycleStage: inProgress ? (record.rollingPause?.stage ?? 'SCALE_UP') : undefined,
    ...(record.rollingPause ? { lifecycleHookDetails: pauseDetails(record.rollingPause.pauses) } : {}),
    deploymentConfiguration: record.deploymentConfiguration,
    rollback: record.rollback
      ? {
          reason: record.rollback.reason,
          startedAt: new Date(record.rollback.startedAt),
          serviceRevisionArn: record.rollback.serviceRevisionArn,
        }
      : undefined,
    deploymentCircuitBreaker: {
      status: !breaker.enable
        ? 'DISABLED'
        : record.circuitBreakerTriggered
          ? 'TRIGGERED'
          : inProgress
            ? 'MONITORING'
            : 'MONITORING_COMPLETE',
      failureCount: failures,
      threshold: record.circuitBreakerThreshold,
    },
    // Native staged deployments: lifecycleStage, lifecycleHookDetails and the alarms' state.
    ...stagedShapeFields(record),
  });
}
