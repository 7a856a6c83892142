/**
 * Before a CodeDeploy deployment changes anything: the deployment group must exist and deploy this service, the
 * step's timeout must cover the group's wait before the original task set is terminated, and the AppSpec (given or
 * generated) must name a container and port the task definition has. Then CreateDeployment with the AppSpec whose
 * TaskDefinition is the ARN this step deploys.
 */
import {
  CreateDeploymentCommand,
  type DeploymentGroupInfo,
  GetDeploymentGroupCommand,
} from '@aws-sdk/client-codedeploy';
import type { Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, formatDuration, quoteValue } from '@ecs-actions/core';
import { writeOnce } from '@ecs-actions/core/ecs';
import { AwsCallError } from '../aws-errors.js';
import type { CallLimits, DeploySession } from '../session.js';
import { appSpecFor } from './appspec.js';
import { type CodeDeployClients, codedeployCall } from './calls.js';
import { findOurDeployment } from './landed.js';

/** What the deployment group says about how a deployment ends. */
export interface GroupSettings {
  /** blueGreenDeploymentConfiguration.terminateBlueInstancesOnDeploymentSuccess wait, in ms. */
  terminationWaitMs: number;
  /** CodeDeploy rolls a failed deployment back by itself (autoRollbackConfiguration DEPLOYMENT_FAILURE). */
  rollsBackOnFailure: boolean;
  deploymentConfigName?: string;
}

/** Where production traffic goes: the container and port of the AppSpec, or of the service's load balancer. */
export interface TrafficTarget {
  containerName: string;
  containerPort: number;
}

export async function readDeploymentGroup(
  session: DeploySession,
  clients: CodeDeployClients,
  limits: CallLimits,
): Promise<GroupSettings> {
  const { application, deploymentGroup } = session.inputs.codedeploy;
  const { cluster, service } = session.inputs;
  const answer = await codedeployCall(
    session,
    'GetDeploymentGroup',
    (o) =>
      clients.client.send(
        new GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: deploymentGroup }),
        o,
      ),
    limits,
  );
  const info: DeploymentGroupInfo = answer.deploymentGroupInfo ?? {};
  const name = (value: string | undefined) => (value ?? '').slice((value ?? '').lastIndexOf('/') + 1);
  const services = info.ecsServices ?? [];
  if (!services.some((s) => name(s.serviceName) === name(service) && name(s.clusterName) === name(cluster))) {
    const deploys = services.map((s) => `${s.clusterName}/${s.serviceName}`).join(', ') || 'no ECS service';
    throw new ConfigurationError(
      `CodeDeploy deployment group "${deploymentGroup}" (application "${application}") deploys ${deploys}, not ${name(cluster)}/${name(service)}. Nothing was changed. Set codedeploy-application and codedeploy-deployment-group to the group of this service.`,
    );
  }
  const rollback = info.autoRollbackConfiguration;
  const waitMinutes =
    info.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes ?? 0;
  return {
    terminationWaitMs: waitMinutes * 60_000,
    rollsBackOnFailure: rollback?.enabled === true && (rollback.events ?? []).includes('DEPLOYMENT_FAILURE'),
    ...(info.deploymentConfigName ? { deploymentConfigName: info.deploymentConfigName } : {}),
  };
}

/** Checks that need no write: refused before anything is registered or deployed. */
export function checkBeforeChange(session: DeploySession, before: Service, group: GroupSettings): TrafficTarget {
  const { inputs } = session;
  if (inputs.desiredCount !== undefined) {
    throw new ConfigurationError(
      `Input "desired-count" (${inputs.desiredCount}) is not applied to a CODE_DEPLOY service: CodeDeploy scales the replacement task set to the service's desired count. Nothing was changed. Leave desired-count empty, or change the count with UpdateService outside a deployment.`,
    );
  }
  if (inputs.wait && group.terminationWaitMs >= inputs.timeoutMs) {
    throw new ConfigurationError(
      `Input "timeout" (${formatDuration(inputs.timeoutMs)}) is not longer than the deployment group's wait before it terminates the original task set (${formatDuration(group.terminationWaitMs)}), so the deployment could not end in time. Nothing was changed. Set timeout to more than ${formatDuration(group.terminationWaitMs)} plus the time the new tasks take to become healthy, e.g. ${formatDuration(group.terminationWaitMs + 30 * 60_000)}.`,
    );
  }
  const given = inputs.codedeploy.appSpec;
  const loadBalancer = (before.loadBalancers ?? []).find((lb) => lb.containerName && lb.containerPort);
  const traffic: TrafficTarget | undefined = given
    ? { containerName: given.containerName, containerPort: given.containerPort }
    : loadBalancer?.containerName && loadBalancer.containerPort !== undefined
      ? { containerName: loadBalancer.containerName, containerPort: loadBalancer.containerPort }
      : undefined;
  if (!traffic) {
    throw new ConfigurationError(
      `Service "${inputs.service}" has no load balancer with a container name and port, so no AppSpec can be generated for it. Nothing was changed. Set codedeploy-appspec to an AppSpec file with LoadBalancerInfo ContainerName and ContainerPort.`,
    );
  }
  const source = inputs.taskDefinition;
  if (source.kind === 'file') {
    const containers = source.rendered.request.containerDefinitions ?? [];
    const container = containers.find((c) => c.name === traffic.containerName);
    const from = given ? `the AppSpec ${quoteValue(given.shown)}` : "the service's load balancer";
    if (!container) {
      throw new ConfigurationError(
        `Container "${traffic.containerName}" (LoadBalancerInfo ContainerName of ${from}) is not in the task definition ${quoteValue(source.path)}, which has ${containers.map((c) => quoteValue(c.name ?? '')).join(', ') || 'no containers'}. Nothing was changed. Make them agree.`,
      );
    }
    const ports = (container.portMappings ?? []).map((mapping) => mapping.containerPort);
    if (!ports.includes(traffic.containerPort)) {
      throw new ConfigurationError(
        `Container "${traffic.containerName}" in ${quoteValue(source.path)} has no port mapping for container port ${traffic.containerPort} (LoadBalancerInfo ContainerPort of ${from}); it maps ${ports.join(', ') || 'no ports'}. Nothing was changed. Make them agree.`,
      );
    }
  }
  return traffic;
}

/** How long one CreateDeployment attempt may go unanswered before the step looks whether it landed. */
const WRITE_ATTEMPT_MS = 10_000;

/**
 * CreateDeployment, once: a throttled attempt is sent again; one whose answer was lost (reset, 5xx, no answer in
 * time) only after looking has shown that CodeDeploy did not create it (landed.ts), else the one it created is ours.
 */
export async function createDeployment(
  session: DeploySession,
  clients: CodeDeployClients,
  taskDefinitionArn: string,
  traffic: TrafficTarget,
  limits: () => CallLimits,
): Promise<string> {
  const { application, deploymentGroup, description, deploymentConfig, appSpec } = session.inputs.codedeploy;
  const { content, sha256 } = appSpecFor(taskDefinitionArn, appSpec ?? traffic);
  const since = session.deps.clock.now();
  const landed = () => findOurDeployment(session, clients, sha256, since, limits());
  let attempts = 0;
  return writeOnce(session, {
    operation: 'codedeploy:CreateDeployment',
    retryUnanswered: true,
    write: async () => {
      attempts += 1;
      const budget = limits();
      try {
        const answer = await codedeployCall(
          session,
          'CreateDeployment',
          (o) =>
            clients.singleAttempt.send(
              new CreateDeploymentCommand({
                applicationName: application,
                deploymentGroupName: deploymentGroup,
                ...(deploymentConfig ? { deploymentConfigName: deploymentConfig } : {}),
                ...(description ? { description } : {}),
                revision: { revisionType: 'AppSpecContent', appSpecContent: { content, sha256 } },
              }),
              o,
            ),
          { ...budget, withinMs: Math.min(budget.withinMs ?? WRITE_ATTEMPT_MS, WRITE_ATTEMPT_MS) },
        );
        if (!answer.deploymentId) throw new Error('internal: CreateDeployment answered without a deploymentId');
        return answer.deploymentId;
      } catch (error) {
        // A retry refused for an active deployment: an earlier attempt may have landed after the look.
        if (attempts > 1 && error instanceof AwsCallError && error.code === 'DeploymentLimitExceededException') {
          const ours = await landed();
          if (ours) return ours;
        }
        throw error;
      }
    },
    landed,
  });
}
