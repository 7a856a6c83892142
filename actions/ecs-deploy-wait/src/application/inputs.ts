/**
 * The inputs of an application deploy (`app-file` set): the file, the environment, the built image, and the wait
 * settings every target shares. The single-service inputs do not apply and are refused when set, naming the
 * app file's member that takes their place.
 */
import { ConfigurationError, type InputReader, invalidInput, quoteValue } from '@ecs-actions/core';
import { PREFLIGHT_MODES } from '../inputs.js';
import type { AppDeployInputs } from './deploy-app.js';
import { readAppPlan } from './read.js';

/** Single-service inputs, and what the app file has instead. */
const NOT_WITH_APP_FILE: Record<string, string> = {
  'task-definition': 'each target\'s "taskDefinition"',
  'task-definition-arn': 'each target\'s "taskDefinition" (a redeploy deploys the recorded revisions)',
  service: 'the "services" of the file',
  'service-definition': 'each service\'s "serviceDefinition"',
  'desired-count': 'each service\'s "serviceDefinition" (desiredCount)',
  'skip-unchanged': 'nothing: every family is registered once per deploy',
  'keep-revisions': 'nothing yet: deregister old revisions per service with a single-service step',
  'create-service': 'each service\'s "createService"',
  'codedeploy-appspec': 'nothing: application deploys support rolling and native staged services',
  verify: 'nothing yet: verify each service with a single-service step (dry-run: true) before the application deploy',
  'dry-run': 'nothing yet: plan each service with a single-service step',
  'on-pause': 'nothing yet: an application deploy waits a pause out (on-pause: wait)',
};

/** The action's defaults of those inputs: a value equal to it says nothing and is accepted. */
const DEFAULT_VALUE: Record<string, string> = {
  'skip-unchanged': 'false',
  'create-service': 'false',
  verify: 'off',
  'dry-run': 'false',
  'on-pause': 'wait',
};

/** Environments are named as GitHub environments are. */
const ENVIRONMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;

export function readAppInputs(input: InputReader, workspace: string): AppDeployInputs {
  const file = input.requiredString('app-file');
  for (const [name, instead] of Object.entries(NOT_WITH_APP_FILE)) {
    const value = input.optionalString(name);
    if (value !== undefined && value !== DEFAULT_VALUE[name]) {
      throw new ConfigurationError(
        `Input "${name}" (${quoteValue(value)}) is set together with "app-file" (${quoteValue(file)}): an application deploy takes its targets from the file. Remove ${name}; the file has ${instead}.`,
      );
    }
  }
  const environment = input.requiredString('environment');
  if (!ENVIRONMENT.test(environment)) {
    throw invalidInput(
      'environment',
      environment,
      'must be an environment name',
      'Use the name of an environment of the app file, e.g. production.',
    );
  }
  const image = input.optionalString('image');
  const { timeoutMs, pollIntervalMs } = input.waitTimes();
  return {
    plan: readAppPlan(file, environment, image, workspace),
    forceNewDeployment: input.boolean('force-new-deployment', false),
    wait: input.boolean('wait', true),
    timeoutMs,
    pollIntervalMs,
    rollback: input.boolean('rollback', true),
    preflight: input.oneOf('preflight', PREFLIGHT_MODES, 'warn'),
  };
}
