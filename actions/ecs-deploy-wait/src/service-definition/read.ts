/** Reads the `service-definition` file: inside the workspace, strict JSON (no key twice), then validated. */
import {
  ConfigurationError,
  jsonProblemMessage,
  parseJsonText,
  quoteValue,
  readInputFile,
  resolveInputPath,
} from '@ecs-actions/core';
import { type ServiceSettings, validateServiceDefinition } from './validate.js';

export interface ServiceDefinition {
  /** The path as given. */
  path: string;
  settings: ServiceSettings;
}

const MAX_FILE_BYTES = 256 * 1024;

export function readServiceDefinition(file: string, workspace: string): ServiceDefinition {
  const resolved = resolveInputPath({
    input: 'service-definition',
    value: file,
    roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
  });
  const text = readInputFile('service-definition', resolved, {
    maxBytes: MAX_FILE_BYTES,
    missingHint: `Set it to the path of the service definition JSON, relative to the workspace (${workspace}), e.g. ecs/service-definition.json.`,
  });
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new ConfigurationError(jsonProblemMessage('service-definition', resolved.shown, parsed.problem));
  }
  const result = validateServiceDefinition(parsed.value);
  if ('problems' in result) {
    throw new ConfigurationError(
      `Input "service-definition": ${quoteValue(file)} is not a service definition ECS can apply with UpdateService:\n${result.problems.map((problem) => `- ${problem}`).join('\n')}\nWrite the settings in CreateService's shape (e.g. {"desiredCount": 2, "deploymentConfiguration": {"maximumPercent": 200}}); see the README's "Service settings as code".`,
    );
  }
  return { path: file, settings: result.settings };
}
