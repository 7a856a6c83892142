/**
 * `create-service: true`: a first deploy that creates the service. When the service does not exist, the task
 * definition is registered (or the given revision used) and the service created from the `service-definition` file
 * (CreateService's shape), running it; the deploy then follows that first deployment like any other, with no rollback
 * (there is nothing to go back to). An existing service is deployed as usual.
 */
import { CreateServiceCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { EcsCallSession } from '@ecs-actions/core/ecs';
import type { DeployInputs } from './inputs.js';
import { registerTaskDefinition } from './register.js';
import type { ServiceSettings } from './service-definition/validate.js';
import { shortTaskDefinition } from './taskdef.js';
import type { DeployDeps } from './types.js';

/**
 * What to deploy with: unchanged for an existing service; for one just created, its revision, no rollback, and no
 * image check of a recorded revision (the revision was registered from the file a moment ago).
 */
export async function createMissingService(
  inputs: DeployInputs,
  deps: DeployDeps,
): Promise<{ inputs: DeployInputs; deps: DeployDeps }> {
  if (!inputs.createService) return { inputs, deps };
  const { cluster, service } = inputs;
  const session = new EcsCallSession(deps, () => ({ cluster, service }));
  const answer = await session.call('DescribeServices', (o) =>
    deps.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }), o),
  );
  const found = answer.services?.find((s) => s.status !== 'INACTIVE');
  if (found) return { inputs, deps };
  const source = inputs.taskDefinition;
  const arn = source.kind === 'arn' ? source.arn : await registerTaskDefinition(session, source, () => ({}));
  if (source.kind === 'file') deps.log.info(`Registered ${shortTaskDefinition(arn)} (${arn})`);
  await createServiceFrom(deps, cluster, service, inputs.serviceDefinition?.settings ?? {}, arn);
  const { ecr: _recordedImagesCheck, ...withoutEcr } = deps;
  return {
    inputs: { ...inputs, taskDefinition: { kind: 'arn', arn }, rollback: false, createService: false },
    deps: source.kind === 'file' ? withoutEcr : deps,
  };
}

/** CreateService with the service definition's settings, running `arn` (a write: sent once). */
export async function createServiceFrom(
  deps: DeployDeps,
  cluster: string,
  service: string,
  settings: ServiceSettings,
  arn: string,
): Promise<void> {
  const session = new EcsCallSession(deps, () => ({ cluster, service }));
  await session.call('CreateService', (o) =>
    deps.ecsSingleAttempt.send(
      new CreateServiceCommand({
        ...(settings as Record<string, unknown>),
        cluster,
        serviceName: service,
        taskDefinition: arn,
      }),
      o,
    ),
  );
  deps.log.info(`Created service ${service} in cluster ${cluster} running ${shortTaskDefinition(arn)}`);
}
