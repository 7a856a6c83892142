import { formatDuration, markdownCell, markdownCode, markdownTable, markdownText } from '@ecs-actions/core';
import { containerLogsMarkdown } from '@ecs-actions/core/ecs';
import { imageVersion, shortTaskDefinition } from './taskdef.js';
import { timelineMarkdown } from './timeline/render.js';
import type { DeployResult } from './types.js';

const HEADLINES: Record<string, string> = {
  succeeded: 'deployed',
  unchanged: 'unchanged (nothing deployed)',
  'rolled-back': 'FAILED and rolled back',
  superseded: 'SUPERSEDED by a newer deployment (not rolled back)',
  failed: 'FAILED',
  'timed-out': 'TIMED OUT',
  planned: 'PLAN (dry run: nothing changed)',
  paused: 'PAUSED at a lifecycle hook (continue or roll back with ecs-deploy-continue)',
};

const ROLLED_BACK_BY = { ecs: 'by ECS', action: 'by this step', codedeploy: 'by CodeDeploy' } as const;

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
    [
      result.codedeployDeploymentId ? 'CodeDeploy deployment' : 'Deployment',
      result.deploymentId ? markdownCode(result.deploymentId) : '(none)',
    ],
    ['Duration', durationCell(result)],
    ['Final state', markdownCell(result.finalState)],
    ['Status', markdownCode(result.status ?? 'cancelled')],
    ['Console', `[deployments of ${markdownCell(result.service)}](${result.consoleUrl})`],
  ];
  if (result.rollback) {
    rows.push([
      'Rollback',
      markdownCell(
        `${ROLLED_BACK_BY[result.rollback.by]}${result.rollback.method ? ` (by ${result.rollback.method})` : ''} to ${shortTaskDefinition(result.rollback.taskDefinitionArn)}: ${result.rollback.steady ? 'steady' : 'not steady'}`,
      ),
    ]);
  }
  const parts = [`### ECS deploy ${markdownCell(result.service)}: ${headline}`, '', markdownTable(['', ''], rows)];
  if (result.plan) parts.push('', result.plan);
  if (result.status !== 'succeeded' && result.status !== 'unchanged' && result.status !== 'planned') {
    parts.push('', markdownCell(result.message));
  }
  if (result.serviceSettings) {
    parts.push(
      '',
      '#### Service settings',
      '',
      result.serviceSettings.length === 0
        ? 'The service definition matched the running service: no setting changed.'
        : ['```diff', ...result.serviceSettings.map((line) => line.replace(/^~/, '!')), '```'].join('\n'),
    );
  }
  const cleanup = result.revisionsCleanup;
  if (cleanup) {
    const names = (arns: string[]) => arns.map((arn) => markdownCode(shortTaskDefinition(arn))).join(', ') || 'none';
    parts.push(
      '',
      `Revisions deregistered (keep-revisions): ${names(cleanup.deregistered)}` +
        (cleanup.kept.length > 0
          ? `; kept ${cleanup.kept.map((k) => `${markdownCode(shortTaskDefinition(k.arn))} (${markdownCell(k.why)})`).join(', ')}`
          : '') +
        (cleanup.error ? `; stopped: ${markdownCell(cleanup.error)}` : ''),
    );
  }
  parts.push(...timelineMarkdown(result));
  const verified = result.plan ? [] : (result.verify?.findings ?? []);
  if (verified.length > 0) {
    parts.push('', '#### Verify findings', '', ...verified.map((finding) => `- ${markdownText(finding)}`));
  }
  const findings = result.plan ? [] : (result.preflight?.findings ?? []);
  if (findings.length > 0) {
    parts.push('', '#### Preflight findings', '', ...findings.map((finding) => `- ${markdownText(finding)}`));
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

/** How long the step took, beside the least time the preflight predicted for the rollout. */
function durationCell(result: DeployResult): string {
  const took = formatDuration(Math.round(result.durationMs / 1000) * 1000);
  const predicted = result.preflight?.predictedMs;
  return predicted === undefined ? took : `${took} (predicted at least ${formatDuration(predicted)})`;
}
