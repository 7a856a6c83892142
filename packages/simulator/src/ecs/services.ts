/**
 * Services: CreateService, UpdateService, DescribeServices, DeleteService and ListServices, with their deployment
 * configuration defaults and checks. The scheduler then rolls each service towards what was asked.
 */

import { AwsServiceError } from '../contract.js';
import { checkCreateService } from './create-service-checks.js';
import type {
  ClusterRecord,
  DeploymentConfigurationRecord,
  JsonObject,
  ServiceRecord,
  TaskDefinitionRecord,
} from './model.js';
import { includesTags, invalid, listPage, referenceList, required, str } from './requests.js';
import { applyServiceSettings } from './service-settings.js';
import { serviceShape } from './shapes.js';
import { clusterOf, type EcsState, findService, nameOf, serviceOf } from './state.js';
import { validateStrategy } from './strategies/config.js';

function deploymentConfiguration(
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

export function newService(
  state: EcsState,
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
    arn: `${state.arnPrefix}:service/${cluster.name}/${name}`,
    cluster,
    status: 'ACTIVE',
    desiredCount,
    launchType,
    platformVersion: launchType === 'FARGATE' ? 'LATEST' : undefined,
    deploymentConfiguration: deploymentConfiguration(input.deploymentConfiguration as JsonObject | undefined),
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
    createdBy: `arn:aws:iam::${state.accountId}:role/github-actions-deploy`,
    deployments: [],
    serviceDeployments: [],
    serviceRevisions: [],
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

export function createService(state: EcsState, input: JsonObject): unknown {
  const now = state.now();
  const cluster = clusterOf(state, input.cluster);
  const serviceName = required(input, 'serviceName');
  const existing = cluster.services.get(serviceName);
  if (existing?.status === 'ACTIVE') throw invalid('Creation of service was not idempotent.');
  if (existing?.status === 'DRAINING') throw invalid('Unable to Start a service that is still Draining.');
  const reference = str(input, 'taskDefinition');
  if (reference === undefined) throw invalid('TaskDefinition must be specified.');
  const taskDefinition = state.taskDefinitions.forService(reference);
  checkCreateService(input, taskDefinition);
  if (taskDefinition.taskDefinition.networkMode === 'awsvpc' && input.networkConfiguration === undefined) {
    // CreateService networkConfiguration: "required for task definitions that use the awsvpc network mode".
    throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  const service = newService(state, cluster, input, taskDefinition, now);
  state.scheduler.startDeployment(service, taskDefinition.arn, now);
  state.scheduler.reconcile(service, now);
  return { service: serviceShape(service, false) };
}

/** What an UpdateService asks for, every part checked before any is applied. */
interface CheckedUpdate {
  taskDefinition: TaskDefinitionRecord | undefined;
  desired: number;
  configuration: DeploymentConfigurationRecord;
  loadBalancers: unknown[];
}

function checkUpdate(state: EcsState, service: ServiceRecord, input: JsonObject): CheckedUpdate {
  // UpdateService errors: ServiceNotActiveException "the service isn't active".
  if (service.status !== 'ACTIVE') {
    throw new AwsServiceError('ServiceNotActiveException', 'Service was not ACTIVE.');
  }
  const reference = str(input, 'taskDefinition');
  const taskDefinition = reference === undefined ? undefined : state.taskDefinitions.forService(reference);
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
      : deploymentConfiguration(input.deploymentConfiguration as JsonObject, service.deploymentConfiguration);
  if (input.loadBalancers !== undefined && !Array.isArray(input.loadBalancers)) {
    throw invalid('loadBalancers must be a list.');
  }
  const loadBalancers = (input.loadBalancers as unknown[] | undefined) ?? service.loadBalancers;
  validateStrategy(configuration, {
    controller,
    loadBalancers,
    serviceConnect: input.serviceConnectConfiguration !== undefined,
  });
  if (taskDefinition) checkLoadBalancerPorts(taskDefinition.taskDefinition, loadBalancers);
  return { taskDefinition, desired, configuration, loadBalancers };
}

/** ECS refuses a load balancer whose container and port the task definition does not have (UpdateService, CreateService). */
function checkLoadBalancerPorts(taskDefinition: JsonObject, loadBalancers: unknown[]): void {
  const containers = (taskDefinition.containerDefinitions ?? []) as {
    name?: string;
    portMappings?: { containerPort?: number }[];
  }[];
  for (const lb of loadBalancers as { containerName?: string; containerPort?: number }[]) {
    if (!lb.containerName) continue;
    const container = containers.find((candidate) => candidate.name === lb.containerName);
    if (!container) {
      throw invalid(`The container ${lb.containerName} does not exist in the task definition.`);
    }
    if (!(container.portMappings ?? []).some((mapping) => mapping.containerPort === lb.containerPort)) {
      throw invalid(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`);
    }
  }
}

export function updateService(state: EcsState, input: JsonObject): unknown {
  const now = state.now();
  const cluster = clusterOf(state, input.cluster);
  const service = serviceOf(cluster, required(input, 'service'));
  const { taskDefinition, desired, configuration, loadBalancers } = checkUpdate(state, service, input);
  const primary = service.deployments[0];
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
    if (service.deploymentController.type === 'ECS') state.scheduler.startDeployment(service, targetArn, now);
  }
  // The answer shows the new PRIMARY deployment before the scheduler has acted on it (runningCount and
  // pendingCount 0): the scheduler's pass comes after the call, seen by the next request.
  const current = service.deployments[0];
  if (current) current.desiredCount = service.desiredCount;
  service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, now);
  return { service: serviceShape(service, false) };
}

export function describeServices(state: EcsState, input: JsonObject): unknown {
  state.now();
  const cluster = clusterOf(state, input.cluster);
  const references = referenceList(input, 'services', 'Services', 10);
  const includeTags = includesTags(input);
  const services: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const reference of references) {
    const service = findService(cluster, reference);
    if (service) services.push(serviceShape(service, includeTags));
    else failures.push({ arn: `${state.arnPrefix}:service/${cluster.name}/${nameOf(reference)}`, reason: 'MISSING' });
  }
  return { services, failures };
}

export function deleteService(state: EcsState, input: JsonObject): unknown {
  const now = state.now();
  const cluster = clusterOf(state, input.cluster);
  const service = serviceOf(cluster, required(input, 'service'));
  if (service.status !== 'ACTIVE') throw new AwsServiceError('ServiceNotActiveException', 'Service was not ACTIVE.');
  if (service.desiredCount > 0 && input.force !== true) {
    // DeleteService: scale to zero first unless `force`.
    throw invalid('The service cannot be stopped while it is scaled above 0.');
  }
  service.desiredCount = 0;
  service.status = 'DRAINING';
  state.scheduler.reconcile(service, now);
  return { service: serviceShape(service, false) };
}

export function listServices(state: EcsState, input: JsonObject): unknown {
  state.now();
  const cluster = clusterOf(state, input.cluster);
  const arns = [...cluster.services.values()]
    .filter((service) => service.status !== 'INACTIVE')
    .map((service) => service.arn);
  return listPage('serviceArns', arns, input, 10, 100);
}
