/**
 * Whether a CodeDeploy CreateDeployment whose answer was lost created our deployment: the deployment group's
 * deployments created since the write (ListDeployments with createTimeRange, every status), newest first, the one
 * a user created with our AppSpec (GetDeployment: the revision's sha256). Undefined only when none did.
 */
import { GetDeploymentCommand, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy';
import { errorMessage } from '@ecs-actions/core';
import { type CallLimits, CHECK_TIMEOUT_MS, type DeploySession } from '../session.js';
import { type CodeDeployClients, codedeployCall } from './calls.js';

/** How far the runner's clock may be ahead of AWS's: deployments created this long before the write count. */
const CLOCK_SKEW_MS = 60_000;

export async function findOurDeployment(
  session: DeploySession,
  clients: CodeDeployClients,
  appSpecSha256: string,
  since: number,
  limits: CallLimits,
): Promise<string | undefined> {
  const { application, deploymentGroup } = session.inputs.codedeploy;
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await codedeployCall(
      session,
      'ListDeployments',
      (o) =>
        clients.client.send(
          new ListDeploymentsCommand({
            applicationName: application,
            deploymentGroupName: deploymentGroup,
            createTimeRange: { start: new Date(since - CLOCK_SKEW_MS) },
            ...(nextToken ? { nextToken } : {}),
          }),
          o,
        ),
      limits,
    );
    ids.push(...(page.deployments ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  for (const deploymentId of ids) {
    const { deploymentInfo } = await codedeployCall(
      session,
      'GetDeployment',
      (o) => clients.client.send(new GetDeploymentCommand({ deploymentId }), o),
      limits,
    );
    const revision = deploymentInfo?.revision;
    if (deploymentInfo?.creator === 'user' && revision?.appSpecContent?.sha256 === appSpecSha256) return deploymentId;
  }
  return undefined;
}

/**
 * After a CreateDeployment whose answer never came (cancelled, or every attempt unanswered): one short look, not
 * bound to the job's cancel signal, at what CodeDeploy created.
 */
export async function landedCreate(
  session: DeploySession,
  clients: CodeDeployClients,
  appSpecSha256: string,
  since: number,
): Promise<{ text: string; deploymentId?: string }> {
  const group = session.inputs.codedeploy.deploymentGroup;
  try {
    const found = await findOurDeployment(session, clients, appSpecSha256, since, {
      withinMs: CHECK_TIMEOUT_MS,
      cancellable: false,
    });
    return found
      ? {
          text: `CodeDeploy created deployment ${found} and carries on with it: follow it in the CodeDeploy console`,
          deploymentId: found,
        }
      : { text: `CodeDeploy created no deployment in group ${group}` };
  } catch (error) {
    return {
      text: `whether CodeDeploy created the deployment is unknown (${errorMessage(error)}): look at deployment group ${group} in the CodeDeploy console`,
    };
  }
}
