/**
 * What CreateService refuses before it creates anything (ECS API reference, CreateService; the messages ECS answers
 * with): a bad service name, launch type and capacity provider strategy together, a launch type the task definition
 * is not compatible with, awsvpc settings for a task definition of another network mode, a load balancer without
 * container name and port, a count or grace period out of range.
 */
import type { TaskDefinitionRecord } from './model.js';
import { invalid } from './requests.js';

type JsonObject = Record<string, unknown>;

/** CreateService serviceName: up to 255 letters (upper and lower case), numbers, underscores and hyphens. */
const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL'];
const SCHEDULING = ['REPLICA', 'DAEMON'];
const PROPAGATE = ['TASK_DEFINITION', 'SERVICE', 'NONE'];

export function checkCreateService(input: JsonObject, taskDefinition: TaskDefinitionRecord): void {
  const name = input.serviceName;
  if (typeof name !== 'string' || !SERVICE_NAME.test(name)) {
    throw invalid(
      'Service name can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores, and hyphens.',
    );
  }
  const launchType = input.launchType as string | undefined;
  if (launchType !== undefined && !LAUNCH_TYPES.includes(launchType)) {
    throw invalid(`launchType must be one of ${LAUNCH_TYPES.join(', ')}.`);
  }
  if (launchType !== undefined && input.capacityProviderStrategy !== undefined) {
    throw invalid('Specifying both a launchType and capacityProviderStrategy is not supported.');
  }
  const requires = (taskDefinition.taskDefinition.requiresCompatibilities as string[] | undefined) ?? [];
  if (launchType === 'FARGATE' && !requires.includes('FARGATE')) {
    throw invalid('Task definition does not support launch_type FARGATE.');
  }
  const scheduling = (input.schedulingStrategy as string | undefined) ?? 'REPLICA';
  if (!SCHEDULING.includes(scheduling)) throw invalid('schedulingStrategy must be REPLICA or DAEMON.');
  if (scheduling === 'DAEMON' && (launchType === 'FARGATE' || requires.includes('FARGATE'))) {
    throw invalid('The daemon scheduling strategy is not supported with the Fargate launch type.');
  }
  const count = input.desiredCount;
  if (count !== undefined && (!Number.isInteger(count) || (count as number) < 0)) {
    throw invalid('desiredCount must be a positive integer.');
  }
  if (input.networkConfiguration !== undefined && taskDefinition.taskDefinition.networkMode !== 'awsvpc') {
    throw invalid('Network Configuration is not valid for the given networkMode of this task definition.');
  }
  const grace = input.healthCheckGracePeriodSeconds;
  if (grace !== undefined && (!Number.isInteger(grace) || (grace as number) < 0 || (grace as number) > 2147483647)) {
    throw invalid('healthCheckGracePeriodSeconds must be between 0 and 2147483647.');
  }
  if (grace !== undefined && !(Array.isArray(input.loadBalancers) && input.loadBalancers.length > 0)) {
    throw invalid('Health check grace period is only valid for services configured to use load balancers');
  }
  for (const balancer of (input.loadBalancers as JsonObject[] | undefined) ?? []) {
    if (balancer.containerName === undefined || balancer.containerPort === undefined) {
      throw invalid('Container name and port must be specified for a load balancer of the service.');
    }
  }
  if (input.propagateTags !== undefined && !PROPAGATE.includes(input.propagateTags as string)) {
    throw invalid(`propagateTags must be one of ${PROPAGATE.join(', ')}.`);
  }
}
