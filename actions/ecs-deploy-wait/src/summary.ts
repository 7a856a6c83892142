import { formatDuration, markdownCell, markdownCode, markdownTable } from '@ecs-actions/core';
import { containerLogsMarkdown } from '@ecs-actions/core/ecs';
import { imageVersion, shortTaskDefinition } from './taskdef.js';
import type { DeployResult } from './types.js';

const HEADLINES: Record<string, string> = {
  succeeded: 'deployed',
  unchanged: 'unchanged (nothing deployed)',
  'rolled-back': 'FAILED and rolled back',
  superseded: 'SUPERSEDED by a newer deployment (not rolled back)',
  failed: 'FAILED',
  'timed-out': 'TIMED OUT',
};

/** The job summary: what was deployed, how it ended, and on failure why. */
export function summaryMarkdown(result: DeployResult): string {
  const headline = result.cancelled ? 'CANCELLED' : (HEADLINES[result.status ?? ''] ?? 'unknown');
  const version = result.images.map((image) => imageVersion(image)).find((v) => v !== undefined);
  const rows: string[][] = [
    ['Service', markdownCode(`${result.cluster}/${result.service}`)],
    ['Version', version ? markdownCode(version) : '(no tag)'],
    ['Image', result.images.map((image) => markdownCode(image)).join('<br>') || '(unknown)'],
    [
      'Task definition',
      result.taskDefinitionArn ? markdownCode(shortTaskDefinition(result.taskDefinitionArn)) : '(not registered)',
    ],
    [
      'Previous task definition',
      result.previousTaskDefinitionArn ? markdownCode(shortTaskDefinition(result.previousTaskDefinitionArn)) : '(none)',
    ],
    ['Deployment', result.deploymentId ? markdownCode(result.deploymentId) : '(none)'],
    ['Duration', formatDuration(Math.round(result.durationMs / 1000) * 1000)],
    ['Final state', markdownCell(result.finalState)],
    ['Status', markdownCode(result.status ?? 'cancelled')],
    ['Console', `[deployments of ${markdownCell(result.service)}](${result.consoleUrl})`],
  ];
  if (result.rollback) {
    rows.push([
      'Rollback',
      markdownCell(
        `${result.rollback.by === 'ecs' ? 'by ECS' : 'by this step'} to ${shortTaskDefinition(result.rollback.taskDefinitionArn)}: ${result.rollback.steady ? 'steady' : 'not steady'}`,
      ),
    ]);
  }
  const parts = [`### ECS deploy ${markdownCell(result.service)}: ${headline}`, '', markdownTable(['', ''], rows)];
  if (result.status !== 'succeeded' && result.status !== 'unchanged') {
    parts.push('', markdownCell(result.message));
  }
  if (result.stoppedTasks.length > 0) {
    parts.push(
      '',
      '#### Stopped tasks',
      '',
      markdownTable(
        ['Task', 'Stop code', 'Reason', 'Containers'],
        result.stoppedTasks.map((task) => [
          markdownCode(task.taskId),
          task.stopCode ?? '',
          markdownCell(task.stoppedReason ?? ''),
          markdownCell(
            task.containers
              .map((c) => `${c.name}: exit ${c.exitCode ?? 'none'}${c.reason ? ` (${c.reason})` : ''}`)
              .join('\n'),
          ),
        ]),
      ),
    );
    const logs = containerLogsMarkdown(result.stoppedTasks);
    if (logs.length > 0) parts.push('', '#### Last log lines', '', ...logs);
  }
  return parts.join('\n');
}
