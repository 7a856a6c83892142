import { tmpdir } from 'node:os';
import { log, markdownCode, markdownTable, runAction, runner, setOutputs, writeSummary } from '@ecs-actions/core';
import { diffTable, formatDiff } from '@ecs-actions/core/ecs';
import { sdkClients } from './aws.js';
import { FileConfigurationError } from './errors.js';
import { readRenderInputs, renderInputReader } from './inputs.js';
import { type RenderResult, renderTaskDefinition } from './render.js';

async function main(): Promise<void> {
  const inputs = readRenderInputs(renderInputReader());
  const result = await renderTaskDefinition(inputs, {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: process.env.RUNNER_TEMP || tmpdir(),
    clients: sdkClients,
  });
  for (const note of result.notes) log.info(note);
  log.info(`Rendered ${result.family} from ${result.source} into ${result.outputFile}`);
  for (const line of formatDiff(result.changes)) log.info(line);
  setOutputs({
    'task-definition': result.outputFile,
    'image-digest': result.imageDigest ?? '',
    changed: result.changed,
    family: result.family,
  });
  writeSummary(summary(result));
}

function summary(result: RenderResult): string {
  const parts = [
    `### Task definition ${markdownCode(result.family)} rendered`,
    '',
    `From ${result.source}, written to ${markdownCode(result.outputFile)}.`,
    '',
    diffTable(result.changes),
  ];
  if (result.imageChecks.length > 0) {
    const status = { verified: 'found in ECR', 'not-ecr': 'not ECR: not verified', 'not-checked': 'not checked' };
    parts.push(
      '',
      markdownTable(
        ['Container', 'Image', 'ECR check', 'Digest'],
        result.imageChecks.map((check) => [
          markdownCode(check.container),
          markdownCode(check.rendered),
          `${status[check.status]}${check.pinned ? ', pinned to the digest' : ''}`,
          check.digest ? markdownCode(check.digest) : '',
        ]),
      ),
    );
  }
  return parts.join('\n');
}

await runAction({
  async main() {
    try {
      await main();
    } catch (error) {
      // A mistake in a file fails the step once, with the annotation placed on the file.
      if (error instanceof FileConfigurationError) {
        runner.setFailed(error.message, error.annotation);
        return;
      }
      throw error;
    }
  },
});
