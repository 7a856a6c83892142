/**
 * The services of an application, deployed with the single-service phases (deploy.ts) unchanged: each a deploy of the
 * revision registered for its family, with its own log prefix, all started together on one ECS client whose
 * DescribeServices calls are batched (batched-describe.ts). The application's put-back is done here too, as a deploy
 * of the revision the service ran before; a missing service is created first when the app file says so.
 */
import { DescribeServicesCommand, type Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { EcsCallSession } from '@ecs-actions/core/ecs';
import { createServiceFrom } from '../create-service.js';
import { deploy } from '../deploy.js';
import type { DeployInputs } from '../inputs.js';
import type { DeployDeps, DeployResult, Logger } from '../types.js';
import { DESCRIBE_SERVICES_BATCH } from './batched-describe.js';
import type { AppDeployInputs } from './deploy-app.js';
import type { PlannedTarget } from './read.js';

export type PlannedService = Extract<PlannedTarget, { kind: 'service' }>;

/** How many services are being deployed now: a batched DescribeServices waits for each of them (batched-describe.ts). */
export interface Following {
  count: number;
}

/** A log whose lines name the target (concurrent deploys share the step's log); groups become plain lines. */
export function prefixedLog(log: Logger, name: string): Logger {
  return {
    info: (message) => log.info(`[${name}] ${message}`),
    warning: (message) => log.warning(`[${name}] ${message}`),
    startGroup: (title) => log.info(`[${name}] ${title}`),
    endGroup: () => undefined,
  };
}

/** One service's deploy inputs: the registered revision, the application's wait settings, no rollback of its own. */
export function serviceInputs(inputs: AppDeployInputs, target: PlannedService, arn: string): DeployInputs {
  const { cluster } = inputs.plan;
  const name = (value: string) => value.slice(value.lastIndexOf('/') + 1);
  return {
    taskDefinition: { kind: 'arn', arn },
    cluster,
    service: target.service,
    desiredCount: undefined,
    forceNewDeployment: inputs.forceNewDeployment,
    wait: inputs.wait,
    timeoutMs: inputs.timeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    // The application puts every target back together (put-back.ts); a service does not roll back alone.
    rollback: false,
    rollbackByCaller: inputs.rollback
      ? 'the application puts back every target it changed, together'
      : 'the application leaves every target as it is (rollback: false)',
    skipUnchanged: false,
    preflight: inputs.preflight,
    // Not yet offered with app-file: verify and dry-run are single-service inputs; a pause is waited out.
    verify: 'off',
    dryRun: false,
    onPause: 'wait',
    ...(target.serviceDefinition ? { serviceDefinition: target.serviceDefinition } : {}),
    keepTaskDefinitions: [],
    keepRevisionsGraceMs: 0,
    codedeploy: {
      application: `AppECS-${name(cluster)}-${name(target.service)}`,
      deploymentGroup: `DgpECS-${name(cluster)}-${name(target.service)}`,
    },
  };
}

/** The services as ECS has them now, ceil(N/10) calls; a missing one is undefined. */
export async function describeServices(
  deps: DeployDeps,
  cluster: string,
  services: string[],
): Promise<Map<string, Service | undefined>> {
  const found = new Map<string, Service | undefined>();
  const session = new EcsCallSession(deps, () => ({ cluster, service: services.join(', ') }));
  for (let start = 0; start < services.length; start += DESCRIBE_SERVICES_BATCH) {
    const names = services.slice(start, start + DESCRIBE_SERVICES_BATCH);
    const answer = await session.call('DescribeServices', (o) =>
      deps.ecs.send(new DescribeServicesCommand({ cluster, services: names }), o),
    );
    for (const name of names) {
      const service = answer.services?.find((s) => s.serviceName === name || s.serviceArn === name);
      found.set(name, service && service.status !== 'INACTIVE' ? service : undefined);
    }
  }
  return found;
}

/** Creates a service the app file lets this step create, from its service definition, running `arn`. */
export async function createService(
  deps: DeployDeps,
  cluster: string,
  target: PlannedService,
  arn: string,
): Promise<void> {
  await createServiceFrom(
    { ...deps, log: prefixedLog(deps.log, target.name) },
    cluster,
    target.service,
    target.serviceDefinition?.settings ?? {},
    arn,
  );
}

/**
 * Deploys `arn` to one service with the single-service phases; an error before anything changed (deploy throws) is a
 * failed result that says so.
 */
export async function deployService(
  inputs: AppDeployInputs,
  deps: DeployDeps,
  target: PlannedService,
  arn: string,
  following: Following,
): Promise<DeployResult> {
  const log = prefixedLog(deps.log, target.name);
  following.count += 1;
  try {
    return await deploy(serviceInputs(inputs, target, arn), { ...deps, log });
  } catch (error) {
    const message = errorMessage(error);
    log.warning(message);
    return {
      status: 'failed',
      cancelled: false,
      message: `${message}${error instanceof ConfigurationError ? '' : ' The service was not changed.'}`,
      images: [],
      durationMs: 0,
      finalState: 'unknown',
      consoleUrl: '',
      cluster: inputs.plan.cluster,
      service: target.service,
      stoppedTasks: [],
      error: message,
    };
  } finally {
    following.count -= 1;
  }
}
