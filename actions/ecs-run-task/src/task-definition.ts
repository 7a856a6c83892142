/**
 * The task definition to run: the rendered file registered first (core's registerTaskDefinition, the same
 * idempotent registration as ecs-deploy-wait's), or an existing revision described. Either way the step knows its
 * ARN, its containers (which are essential, how they log) and its network mode before RunTask.
 */
import { type ContainerDefinition, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { EcsCallSession, isAbort, NoAnswerError } from '@ecs-actions/core/ecs';
import { landedRegistration, registerTaskDefinition } from '@ecs-actions/core/ecs/register';
import type { VerifyTarget } from '@ecs-actions/core/verify';
import type { RunTaskInputs } from './inputs.js';
import { explainCall } from './placement.js';
import type { RunTaskDeps } from './types.js';

export interface TaskDefinitionToRun {
  arn: string;
  containers: ContainerDefinition[];
  networkMode: string | undefined;
  /** What verify checks of it (roles, runtime platform, containers). */
  verified: VerifyTarget['taskDefinition'];
}

/** The job was cancelled (or AWS did not answer) while the file was being registered; nothing was started. */
export class RegistrationInterrupted extends Error {}

export async function taskDefinitionToRun(inputs: RunTaskInputs, deps: RunTaskDeps): Promise<TaskDefinitionToRun> {
  const source = inputs.taskDefinition;
  if (source.kind === 'file') {
    const session = new EcsCallSession(deps, () => ({ cluster: inputs.cluster, service: inputs.service ?? '' }));
    try {
      const arn = await registerTaskDefinition(session, source, () => ({}));
      const { request } = source.rendered;
      return {
        arn,
        containers: request.containerDefinitions ?? [],
        networkMode: request.networkMode,
        verified: request as VerifyTarget['taskDefinition'],
      };
    } catch (error) {
      if (!isAbort(error) && !session.cancelled && !(error instanceof NoAnswerError)) throw error;
      // The answer never came: one short check says whether the revision exists now.
      const landed = await landedRegistration(session, source.rendered);
      throw new RegistrationInterrupted(
        `${session.cancelled ? 'The job was cancelled' : errorMessage(error)} while registering ${source.path}: ${landed.text}. No task was started.`,
      );
    }
  }
  const described = await explainCall('ecs:DescribeTaskDefinition', source.arn, deps.region, () =>
    deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: source.arn })),
  ).catch((error: unknown) => {
    if (error instanceof ConfigurationError) throw error;
    if ((error as { name?: string }).name === 'ClientException') {
      throw new ConfigurationError(
        `Input "task-definition-arn": ${JSON.stringify(source.arn)} was not found in region ${deps.region} (${errorMessage(error)}). Use the ARN or family:revision of a registered revision.`,
      );
    }
    throw error;
  });
  const definition = described.taskDefinition;
  return {
    arn: definition?.taskDefinitionArn ?? source.arn,
    containers: definition?.containerDefinitions ?? [],
    networkMode: definition?.networkMode,
    verified: (definition ?? {}) as VerifyTarget['taskDefinition'],
  };
}
