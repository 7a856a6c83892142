import { ConfigurationError, InputReader, invalidInput } from '@ecs-actions/core';
import type { ContinueInputs } from '@ecs-actions/ecs-deploy-wait/continue';

/** ON_PAUSE_MODES of ecs-deploy-wait (kept here so a bad input fails before the logic's chunk loads). */
const ON_PAUSE = ['return', 'wait', 'continue'] as const;
const ACTIONS = ['continue', 'rollback'] as const;

// arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/NCWGC2ZR-taawPAYrIaU5
const SERVICE_DEPLOYMENT_ARN =
  /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;

/** Reads and validates every input before any AWS call. */
export function readContinueInputs(input: InputReader = new InputReader()): ContinueInputs {
  const serviceDeploymentArn = input.optionalString('service-deployment-arn');
  const service = input.optionalString('service');
  if (serviceDeploymentArn && !SERVICE_DEPLOYMENT_ARN.test(serviceDeploymentArn)) {
    throw invalidInput(
      'service-deployment-arn',
      serviceDeploymentArn,
      'must be a service deployment ARN',
      "Use ecs-deploy-wait's service-deployment-arn output, e.g. arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/NCWGC2ZR-taawPAYrIaU5.",
    );
  }
  if (!serviceDeploymentArn && !service) {
    throw new ConfigurationError(
      'Neither "service-deployment-arn" nor "service" is set. Set service-deployment-arn (ecs-deploy-wait\'s output of that name), or cluster and service to act on the service\'s paused deployment.',
    );
  }
  const hookId = input.optionalString('hook-id');
  const { timeoutMs, pollIntervalMs } = input.waitTimes();
  return {
    cluster: input.string('cluster', 'default'),
    service: service ?? '',
    ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
    ...(hookId ? { hookId } : {}),
    action: input.oneOf('action', ACTIONS, 'continue'),
    onPause: input.oneOf('on-pause', ON_PAUSE, 'return'),
    wait: input.boolean('wait', true),
    timeoutMs,
    pollIntervalMs,
    rollback: input.boolean('rollback', true),
  };
}
