/** A test's starting state: a service that is steady at once, its tasks already RUNNING. */
import { addCluster } from './clusters.js';
import type { JsonObject } from './model.js';
import { newService } from './services.js';
import { serviceShape } from './shapes.js';
import { type EcsState, taskSetsOf } from './state.js';

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

const DEFAULT_NETWORK = {
  awsvpcConfiguration: {
    subnets: ['subnet-0a1b2c3d4e5f60718'],
    securityGroups: ['sg-0a1b2c3d4e5f60718'],
    assignPublicIp: 'DISABLED',
  },
};

/** A service that is steady at once: one COMPLETED deployment with all its tasks RUNNING. */
export function seedService(state: EcsState, input: SeedServiceInput): JsonObject {
  const now = state.now();
  const cluster = addCluster(state, input.cluster);
  if (cluster.services.get(input.serviceName)?.status === 'ACTIVE') {
    throw new Error(`seedService: service ${input.serviceName} already exists in cluster ${input.cluster}`);
  }
  const registered = state.taskDefinitions.register(input.taskDefinition, now);
  const service = newService(
    state,
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
  const { scheduler } = state;
  if (service.deploymentController.type === 'CODE_DEPLOY') {
    // A CODE_DEPLOY service runs task sets: seeded with one PRIMARY task set, steady, all tasks RUNNING.
    service.taskSets = [];
    const taskSet = taskSetsOf(state, service).create(registered.arn, now - 60_000, { primary: true, launch: false });
    for (let i = 0; i < service.desiredCount; i++) {
      scheduler.launchTask(cluster, service, registered, taskSet.id, now, true);
    }
    taskSet.steadySince = now;
    scheduler.event(service, now, `(service ${service.name}) has reached a steady state.`);
    return serviceShape(service, true);
  }
  const deployment = scheduler.startDeployment(service, registered.arn, now - 60_000);
  for (let i = 0; i < service.desiredCount; i++) {
    scheduler.launchTask(cluster, service, registered, deployment.id, now, true);
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
  scheduler.event(service, now, `(service ${service.name}) has reached a steady state.`);
  return serviceShape(service, true);
}
