/**
 * What to deploy: an existing revision (task-definition-arn), the running one when the rendered file equals it
 * (skip-unchanged), or a new revision registered from the file (core's registerTaskDefinition, shared with
 * ecs-run-task).
 */
import { DescribeTaskDefinitionCommand, type Service } from '@aws-sdk/client-ecs';
import { errorMessage, quoteValue } from '@ecs-actions/core';
import { AwsCallError, errorCode, imagesOf, sameTaskDefinition, shortTaskDefinition } from '@ecs-actions/core/ecs';
import { describeAsSent } from '@ecs-actions/core/ecs/register';
import { checkRecordedImages } from './recorded-images.js';
import type { CallLimits, DeploySession } from './session.js';

export { landedRegistration, registerTaskDefinition } from '@ecs-actions/core/ecs/register';

export interface Resolved {
  images: string[];
  /** Known without registering: the given revision, or the running one when unchanged. */
  deployArn?: string;
  unchanged: boolean;
}

/** The task definition to deploy, validated before anything changes. */
export async function resolveTaskDefinition(
  session: DeploySession,
  before: Service,
  limits: CallLimits,
): Promise<Resolved> {
  const { inputs, deps } = session;
  const source = inputs.taskDefinition;
  const previousArn = before.taskDefinition;
  if (source.kind === 'arn') {
    const notFound = (detail: string) =>
      new AwsCallError(
        `Input "task-definition-arn": ${quoteValue(source.arn)} was not found in ECS in region ${deps.region} (ecs:DescribeTaskDefinition: ${detail}). Use the ARN or family:revision of a registered revision, e.g. the previous-task-definition-arn output of an earlier deploy, and check AWS_REGION.`,
        'ClientException',
        'DescribeTaskDefinition',
      );
    const described = await session.call(
      'DescribeTaskDefinition',
      async (o) => {
        try {
          return await deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o);
        } catch (error) {
          // ECS answers an unknown family or revision with a ClientException: that is the input's fault.
          if (errorCode(error) === 'ClientException') throw notFound(errorMessage(error));
          throw error;
        }
      },
      limits,
    );
    const td = described.taskDefinition;
    if (!td?.taskDefinitionArn) throw notFound('no task definition in the answer');
    if (td.status === 'INACTIVE') {
      session.log.warning(
        `${shortTaskDefinition(td.taskDefinitionArn)} is deregistered (INACTIVE); ECS can still run it.`,
      );
    }
    // A redeploy or rollback: its images must still be in ECR (a lifecycle policy may have expired them).
    const images = imagesOf(td);
    await checkRecordedImages(session, td.taskDefinitionArn, images, limits);
    return {
      images,
      deployArn: td.taskDefinitionArn,
      unchanged: inputs.skipUnchanged && td.taskDefinitionArn === previousArn,
    };
  }
  const images = imagesOf(source.rendered.request);
  if (inputs.skipUnchanged && previousArn) {
    const running = await describeAsSent(session, previousArn, limits);
    if (running && sameTaskDefinition(source.rendered.request, running.definition)) {
      return { images, deployArn: previousArn, unchanged: true };
    }
  }
  return { images, unchanged: false };
}
