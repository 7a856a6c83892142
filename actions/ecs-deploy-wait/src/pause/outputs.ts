/** The outputs a paused deployment gives the next job (ecs-deploy-wait and ecs-deploy-continue set the same ones). */
import type { DeployResult } from '../types.js';

export function pauseOutputs(
  result: Pick<DeployResult, 'pause' | 'serviceDeploymentArn'>,
): Record<string, string | undefined> {
  const { pause } = result;
  return {
    'service-deployment-arn': result.serviceDeploymentArn ?? pause?.serviceDeploymentArn,
    'pause-hook-id': pause?.hookId,
    'pause-stage': pause?.stage,
    'pause-expires-at': pause?.expiresAt?.toISOString(),
    'pause-timeout-action': pause?.timeoutAction,
  };
}
