import { ConfigurationError, type InputSource, quoteValue } from '@ecs-actions/core';

/**
 * Inputs of aws-actions/amazon-ecs-deploy-task-definition (v2.6.3) that ecs-deploy-wait does not support, each
 * with what to write instead. action.yml declares them all (the runner passes an undeclared input with only a
 * warning), so that a workflow moved over by swapping `uses:` fails before any change instead of silently doing
 * less: `run-task: true` kept from the stock action must not mean "the migration did not run".
 */
const RUN_TASK = (asRunTask?: string) =>
  `ecs-deploy-wait does not run one-off tasks. Run it in a step before this one with ecs-run-task${asRunTask ? ` (there: ${asRunTask})` : ''}, or, with the reusable deploy.yml, set migration-command.`;
const SERVICE_DEFINITION = (field: string) =>
  `Set ${field} in the service-definition file (input service-definition), which this step applies with the same UpdateService.`;

export const UNSUPPORTED_STOCK_INPUTS: Readonly<Record<string, { instead: string; accepts?: string }>> = {
  'run-task': { instead: RUN_TASK(), accepts: 'false' },
  'run-task-container-overrides': { instead: RUN_TASK('container-name, command and environment-variables') },
  'run-task-security-groups': { instead: RUN_TASK('security-groups') },
  'run-task-subnets': { instead: RUN_TASK('subnets') },
  'run-task-assign-public-IP': { instead: RUN_TASK('assign-public-ip') },
  'run-task-capacity-provider-strategy': { instead: RUN_TASK('launch-type') },
  'run-task-launch-type': { instead: RUN_TASK('launch-type') },
  'run-task-started-by': { instead: RUN_TASK('started-by') },
  'run-task-tags': { instead: RUN_TASK('tags') },
  'run-task-managed-ebs-volume-name': { instead: RUN_TASK() },
  'run-task-managed-ebs-volume': { instead: RUN_TASK() },
  'wait-for-task-stopped': { instead: RUN_TASK('wait, true by default'), accepts: 'false' },
  'service-managed-ebs-volume-name': {
    instead: SERVICE_DEFINITION('"volumeConfigurations": [{"name": …, "managedEBSVolume": {…}}]'),
  },
  'service-managed-ebs-volume': {
    instead: SERVICE_DEFINITION('"volumeConfigurations": [{"name": …, "managedEBSVolume": {…}}]'),
  },
  'enable-ecs-managed-tags': { instead: SERVICE_DEFINITION('"enableECSManagedTags": true') },
  'propagate-tags': { instead: SERVICE_DEFINITION('"propagateTags": "SERVICE"') },
  'keep-null-value-keys': {
    instead:
      'ecs-deploy-wait registers the task definition file as written, empty values included, so there is nothing to keep: remove the input (and remove from the file any empty value ECS should not see).',
  },
  'max-retries': {
    instead:
      'ecs-deploy-wait retries throttling and server errors itself, within timeout: remove the input (set timeout to bound the whole step).',
  },
};

/** Refuses, before anything runs, any unsupported stock input that is set, naming what to write instead. */
export function refuseUnsupportedStockInputs(source: InputSource): InputSource {
  for (const [name, { instead, accepts }] of Object.entries(UNSUPPORTED_STOCK_INPUTS)) {
    const value = (source(name) ?? '').trim();
    if (!value || value.toLowerCase() === accepts) continue;
    throw new ConfigurationError(
      `Input "${name}" (${quoteValue(value)}) of aws-actions/amazon-ecs-deploy-task-definition is not supported by ecs-deploy-wait, and nothing it asks for would happen. ${instead}`,
    );
  }
  return source;
}
