import { formatDuration, markdownCell, markdownCode, markdownTable } from '@ecs-actions/core';
import type { RunTaskResult } from './run-task.js';

/** The job summary: the task definition, how the step ended, and one row per task with its containers. */
export function summaryMarkdown(result: RunTaskResult): string {
  const head = markdownTable(
    ['', ''],
    [
      ['Task definition', markdownCode(result.taskDefinitionArn)],
      ['Cluster', markdownCode(result.cluster)],
      ['Status', markdownCode(result.status)],
      ['Exit code', result.exitCode === undefined ? '(none)' : markdownCode(String(result.exitCode))],
      ['Duration', formatDuration(Math.round(result.durationMs / 1000) * 1000)],
    ],
  );
  const tasks = markdownTable(
    ['Task', 'Last status', 'Stop code', 'Stopped reason', 'Containers (exit code)'],
    result.tasks.map((task) => [
      markdownCode(task.id),
      markdownCell(task.lastStatus),
      markdownCell(task.stopCode ?? ''),
      markdownCell(task.stoppedReason ?? ''),
      markdownCell(task.containers.map((c) => `${c.name}: ${c.exitCode ?? '-'}`).join(', ')),
    ]),
  );
  return `### ECS run task: ${result.status}\n\n${markdownCell(result.message)}\n\n${head}\n\n${result.tasks.length > 0 ? `${tasks}\n` : ''}`;
}
