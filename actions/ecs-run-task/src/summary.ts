import { formatDuration, markdownCell, markdownCode, markdownTable } from '@ecs-actions/core';
import { containerLogsMarkdown } from '@ecs-actions/core/ecs';
import type { RunTaskResult } from './types.js';

/** The job summary: the task definition, how the step ended, and one row per task with its containers. */
export function summaryMarkdown(result: RunTaskResult): string {
  const head = markdownTable(
    ['', ''],
    [
      ['Task definition', result.taskDefinitionArn ? markdownCode(result.taskDefinitionArn) : '(none)'],
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
  const logs = containerLogsMarkdown(
    result.tasks.map((task) => ({ taskId: task.id, ...(task.logs ? { logs: task.logs } : {}) })),
  );
  return `### ECS run task: ${result.status}\n\n${markdownCell(result.message)}\n\n${head}\n\n${result.tasks.length > 0 ? `${tasks}\n` : ''}${logs.length > 0 ? `\n#### Last log lines\n\n${logs.join('\n')}\n` : ''}`;
}
