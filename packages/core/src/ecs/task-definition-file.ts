/**
 * The input "task-definition": a rendered task definition file (ecs-render-taskdef's output, or one kept in git),
 * read and validated before any AWS call. ecs-deploy-wait and ecs-run-task read it the same way.
 */
import { ConfigurationError, quoteValue } from '../errors.js';
import { jsonProblemMessage, parseJsonText } from '../json-text.js';
import { taskDefinitionSizeProblem } from '../task-definition.js';
import { readInputFile, resolveInputPath } from '../workspace-path.js';
import { type TaskDefinitionFile, toRegisterRequest } from './taskdef.js';

/** A task definition file larger than this cannot be one ECS accepts, however it is indented. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads the task definition file: inside the workspace or RUNNER_TEMP (where ecs-render-taskdef writes), strict
 * JSON (no key twice), no larger than ECS accepts. Errors never show the file's content.
 */
export function readTaskDefinitionFile(
  file: string,
  workspace: string,
  runnerTemp: string | undefined,
): TaskDefinitionFile {
  const resolved = resolveInputPath({
    input: 'task-definition',
    value: file,
    roots: [
      { name: 'GITHUB_WORKSPACE', dir: workspace },
      ...(runnerTemp ? [{ name: 'RUNNER_TEMP', dir: runnerTemp }] : []),
    ],
  });
  const text = readInputFile('task-definition', resolved, {
    maxBytes: MAX_FILE_BYTES,
    missingHint: `Set it to the path of the rendered task definition JSON, relative to the workspace (${workspace}), e.g. the task-definition output of ecs-render-taskdef.`,
  });
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ConfigurationError(jsonProblemMessage('task-definition', resolved.shown, parsed.problem));
  const result = toRegisterRequest(parsed.value);
  if ('problem' in result) {
    throw new ConfigurationError(
      `Input "task-definition": ${quoteValue(file)} ${result.problem}, so it is not a task definition. Use a RegisterTaskDefinition input or DescribeTaskDefinition output (also {"taskDefinition": …}).`,
    );
  }
  const tooLarge = taskDefinitionSizeProblem(
    result.request,
    `Input "task-definition": the task definition in ${quoteValue(resolved.shown)}`,
  );
  if (tooLarge) throw new ConfigurationError(tooLarge);
  return { path: file, rendered: result };
}
