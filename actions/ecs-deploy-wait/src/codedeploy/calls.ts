/**
 * The one way the CodeDeploy phases call CodeDeploy: bounded like every ECS call (cancel signal, time limit), and
 * errors explained — denied access names the `codedeploy:` action, a missing application or deployment group names
 * the input that chose it, throttling and 5xx stay transient (the watch loop tries again).
 */
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { errorMessage, explainAccessError, sentence } from '@ecs-actions/core';
import {
  AwsCallError,
  AwsRetriesExhaustedError,
  errorCode,
  isAbort,
  isTransient,
  NoAnswerError,
} from '../aws-errors.js';
import type { CallLimits, DeploySession } from '../session.js';

export interface CodeDeployClients {
  client: CodeDeployClient;
  singleAttempt: CodeDeployClient;
}

export async function codedeployClients(session: DeploySession): Promise<CodeDeployClients> {
  const factory = session.deps.codedeploy;
  if (!factory) throw new Error('internal: no CodeDeploy client for a CODE_DEPLOY service');
  return factory();
}

/** One CodeDeploy call (operation as the API names it, e.g. GetDeployment), its error explained. */
export async function codedeployCall<T>(
  session: DeploySession,
  operation: string,
  send: (options: { abortSignal?: AbortSignal }) => Promise<T>,
  limits: CallLimits = {},
): Promise<T> {
  const action = `codedeploy:${operation}`;
  try {
    return await session.bounded(action, send, limits);
  } catch (error) {
    throw explainCodeDeployError(session, action, error);
  }
}

function explainCodeDeployError(session: DeploySession, action: string, error: unknown): unknown {
  if (isAbort(error) || error instanceof NoAnswerError || error instanceof AwsRetriesExhaustedError) return error;
  const code = errorCode(error);
  const operation = action.slice(action.indexOf(':') + 1);
  const { region } = session.deps;
  if (isTransient(error)) {
    return new AwsRetriesExhaustedError(
      `${action} failed with ${code} (${errorMessage(error)}) after the AWS SDK's retries; AWS is throttling or failing in ${region}, try again later.`,
      code,
      errorMessage(error),
    );
  }
  const access = explainAccessError(error, { action, region });
  if (access) return new AwsCallError(access.message, code, operation);
  const { application, deploymentGroup } = session.inputs.codedeploy;
  if (code === 'ApplicationDoesNotExistException') {
    return new AwsCallError(
      `CodeDeploy application "${application}" was not found in region ${region} (${action}: ${errorMessage(error)}). Set codedeploy-application to the application of the service's deployment group (default AppECS-<cluster>-<service>, as the ECS console names it).`,
      code,
      operation,
    );
  }
  if (code === 'DeploymentGroupDoesNotExistException') {
    return new AwsCallError(
      `CodeDeploy deployment group "${deploymentGroup}" was not found in application "${application}" in region ${region} (${action}: ${errorMessage(error)}). Set codedeploy-deployment-group to the service's deployment group (default DgpECS-<cluster>-<service>).`,
      code,
      operation,
    );
  }
  if (code === 'DeploymentConfigDoesNotExistException') {
    return new AwsCallError(
      `CodeDeploy deployment configuration "${session.inputs.codedeploy.deploymentConfig ?? ''}" does not exist (${action}: ${errorMessage(error)}). Set codedeploy-deployment-config to an ECS configuration, e.g. CodeDeployDefault.ECSAllAtOnce, or leave it empty for the deployment group's.`,
      code,
      operation,
    );
  }
  return new AwsCallError(`${action} refused the request (${code}): ${sentence(errorMessage(error))}`, code, operation);
}
