/** Where the task runs: the service's network configuration, launch type or capacity providers and platform, with the inputs set winning. */
import { DescribeServicesCommand, type NetworkConfiguration, type RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { ConfigurationError, explainAccessError } from '@ecs-actions/core';
import type { RunTaskInputs } from './inputs.js';
import type { RunTaskDeps } from './types.js';

/** An AWS call whose access error (denied, no or expired credentials) says which action to allow. */
export function explainCall<T>(action: string, resource: string, region: string, call: () => Promise<T>): Promise<T> {
  return call().catch((error: unknown) => {
    throw explainAccessError(error, { action, resource, region }) ?? error;
  });
}

/** The network settings of the task: the service's, with the inputs set winning. */
export async function placement(
  inputs: RunTaskInputs,
  deps: RunTaskDeps,
  awsvpc: boolean,
): Promise<
  Pick<RunTaskCommandInput, 'networkConfiguration' | 'launchType' | 'capacityProviderStrategy' | 'platformVersion'>
> {
  let network: NetworkConfiguration | undefined;
  let launchType: RunTaskCommandInput['launchType'];
  let capacityProviderStrategy: RunTaskCommandInput['capacityProviderStrategy'];
  let platformVersion: string | undefined;
  if (inputs.service) {
    const service = inputs.service;
    const answer = await explainCall('ecs:DescribeServices', service, deps.region, () =>
      deps.ecs.send(new DescribeServicesCommand({ cluster: inputs.cluster, services: [service] })),
    );
    const found = answer.services?.find((candidate) => candidate.status !== 'INACTIVE');
    if (!found) {
      throw new ConfigurationError(
        `Input "service": service ${JSON.stringify(service)} was not found in cluster ${JSON.stringify(inputs.cluster)} (region ${deps.region}). Check service and cluster, or set subnets and security-groups instead.`,
      );
    }
    // Only an awsvpc task takes a network configuration (ECS refuses one for bridge or host networking).
    network = awsvpc ? found.networkConfiguration : undefined;
    launchType = found.capacityProviderStrategy?.length ? undefined : found.launchType;
    capacityProviderStrategy = found.capacityProviderStrategy?.length ? found.capacityProviderStrategy : undefined;
    platformVersion = found.platformVersion && found.platformVersion !== 'LATEST' ? found.platformVersion : undefined;
  }
  if (inputs.subnets.length > 0 || inputs.securityGroups.length > 0 || inputs.assignPublicIp) {
    const base = network?.awsvpcConfiguration;
    const subnets = inputs.subnets.length > 0 ? inputs.subnets : (base?.subnets ?? []);
    const securityGroups = inputs.securityGroups.length > 0 ? inputs.securityGroups : base?.securityGroups;
    const assignPublicIp = inputs.assignPublicIp ?? base?.assignPublicIp;
    network = {
      awsvpcConfiguration: {
        subnets,
        ...(securityGroups?.length ? { securityGroups } : {}),
        ...(assignPublicIp ? { assignPublicIp } : {}),
      },
    };
  }
  if (inputs.launchType) {
    launchType = inputs.launchType;
    capacityProviderStrategy = undefined;
  }
  return {
    ...(network ? { networkConfiguration: network } : {}),
    ...(launchType ? { launchType } : {}),
    ...(capacityProviderStrategy ? { capacityProviderStrategy } : {}),
    ...(platformVersion ? { platformVersion } : {}),
  };
}
