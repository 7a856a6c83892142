/**
 * What the ECS operations share: the simulator's clusters, task definitions and scenarios, its scheduler, and the
 * lookups of a cluster or service by name or ARN (with the errors the API reference gives for unknown ones).
 */
import { AwsServiceError } from '../contract.js';
import type { ClusterRecord, IdGenerator, ServiceRecord } from './model.js';
import type { EcsScenarios } from './scenarios.js';
import type { Scheduler } from './scheduler.js';
import type { TaskDefinitionRegistry } from './task-definition-registry.js';
import { ServiceTaskSets } from './task-sets.js';

export interface EcsState {
  readonly clusters: Map<string, ClusterRecord>;
  readonly taskDefinitions: TaskDefinitionRegistry;
  readonly scenarios: EcsScenarios;
  readonly scheduler: Scheduler;
  readonly ids: IdGenerator;
  readonly region: string;
  readonly accountId: string;
  /** `arn:aws:ecs:<region>:<account>`. */
  readonly arnPrefix: string;
  /** Brings every service up to the clock's now. */
  now(): number;
}

const clusterNotFound = () => new AwsServiceError('ClusterNotFoundException', 'Cluster not found.');
const serviceNotFound = () => new AwsServiceError('ServiceNotFoundException', 'Service not found.');

/** The name at the end of an ARN (`…/name`), or the reference itself when it is a name. */
export const nameOf = (reference: string) =>
  reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference;

/** `cluster` is a name or an ARN; omitted means `default` (API reference, every `cluster` parameter). */
export function clusterOf(state: EcsState, reference: unknown): ClusterRecord {
  const text = typeof reference === 'string' && reference !== '' ? reference : 'default';
  const cluster = state.clusters.get(nameOf(text));
  if (cluster?.status !== 'ACTIVE') throw clusterNotFound();
  return cluster;
}

export function findService(cluster: ClusterRecord, reference: string): ServiceRecord | undefined {
  return cluster.services.get(nameOf(reference));
}

export function serviceOf(cluster: ClusterRecord, reference: string): ServiceRecord {
  const service = findService(cluster, reference);
  if (!service) throw serviceNotFound();
  return service;
}

/** The task sets of a CODE_DEPLOY service, as CodeDeploy drives them. */
export function taskSetsOf(state: EcsState, service: ServiceRecord): ServiceTaskSets {
  return new ServiceTaskSets(state.scheduler, service, () => state.ids.deploymentId());
}
