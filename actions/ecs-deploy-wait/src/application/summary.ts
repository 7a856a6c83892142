/** The job summary of an application deploy: one table, a row per target, then each failed service's own account. */
import { formatDuration, markdownCell, markdownCode, markdownTable } from '@ecs-actions/core';
import { summaryMarkdown } from '../summary.js';
import { shortTaskDefinition } from '../taskdef.js';
import type { AppResult } from './deploy-app.js';

export function appSummaryMarkdown(result: AppResult): string {
  const rows = result.targets.map((t) => [
    markdownCell(t.name),
    t.kind,
    markdownCode(t.resource),
    t.taskDefinitionArn ? markdownCode(shortTaskDefinition(t.taskDefinitionArn)) : '',
    t.previousTaskDefinitionArn ? markdownCode(shortTaskDefinition(t.previousTaskDefinitionArn)) : '(none)',
    markdownCode(t.status) + (t.created ? ' (created)' : ''),
    markdownCell(t.status === 'succeeded' || t.status === 'unchanged' ? '' : t.message),
  ]);
  const parts = [
    `### ECS application ${markdownCell(result.application)} to ${markdownCell(result.environment)}: ${markdownCode(result.status ?? 'cancelled')}`,
    '',
    `Cluster ${markdownCode(result.cluster)}, ${formatDuration(result.durationMs)}.`,
    '',
    markdownTable(['target', 'kind', 'name', 'task definition', 'before', 'status', 'detail'], rows),
  ];
  if (result.status !== 'succeeded' && result.status !== 'unchanged') parts.push('', markdownCell(result.message));
  for (const service of result.services) {
    if (service.status !== 'succeeded' && service.status !== 'unchanged') {
      parts.push('', summaryMarkdown(service).replace(/^### /m, '#### '));
    }
  }
  return parts.join('\n');
}
