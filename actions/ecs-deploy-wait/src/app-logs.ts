/**
 * Why the app died, in its own words: the last lines each awslogs container of a stopped task wrote to CloudWatch
 * Logs (core's container-logs: configuration, stream naming, reading and the notes, shared with ecs-run-task).
 * Best effort: a denied permission, a missing stream or a slow answer is one line that names it, never a failure of
 * its own.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
import {
  type AwslogsConfig,
  awslogsConfigs,
  type ContainerLogs,
  formatContainerLogs,
  isTransient,
  LOG_LINES_SHOWN,
  lastLogLines,
  logStreamOf,
  logsReadProblem,
  NoAnswerError,
  noPrefixNote,
} from '@ecs-actions/core/ecs';
import type { CallLimits, DeploySession } from './session.js';
import type { StoppedTask } from './types.js';
import type { ReportBudget } from './wrap-up.js';

export { awslogsConfigs, LOG_LINES_SHOWN } from '@ecs-actions/core/ecs';

/**
 * The container definitions of the task definition our tasks ran: the rendered file's when we registered it, else
 * DescribeTaskDefinition (the ecs:DescribeTaskDefinition the task-definition-arn input already needs).
 */
async function containerDefinitions(
  session: DeploySession,
  taskDefinitionArn: string,
  limits: CallLimits,
): Promise<ContainerDefinition[]> {
  const source = session.inputs.taskDefinition;
  if (source.kind === 'file') return source.rendered.request.containerDefinitions ?? [];
  const described = await session.bounded(
    'DescribeTaskDefinition',
    (o) => session.deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }), o),
    limits,
  );
  return described.taskDefinition?.containerDefinitions ?? [];
}

/**
 * Adds to each stopped task the last lines of its awslogs containers, or a note saying why they are not shown.
 * A group whose reading was denied, or that did not answer, is not asked again; its note is given once. Each read
 * takes its share of the report's budget.
 */
export async function attachAppLogs(
  session: DeploySession,
  tasks: StoppedTask[],
  taskDefinitionArn: string,
  budget: ReportBudget,
): Promise<void> {
  const logsClient = session.deps.logs;
  if (!logsClient || tasks.length === 0) return;
  let configs: AwslogsConfig[];
  try {
    configs = awslogsConfigs(
      await containerDefinitions(session, taskDefinitionArn, budget.read()),
      session.deps.region,
    );
  } catch (error) {
    if (session.cancelled) throw error;
    session.log.info(`(The task definition could not be read for its log configuration: ${errorMessage(error)})`);
    budget.missed('the app log lines (the task definition for their log configuration)', error);
    return;
  }
  if (configs.length === 0) return;
  /** Groups not to ask again: denied, or out of time. */
  const given = new Set<string>();
  /** Tasks of a crash loop log the same lines: each container's lines by the first task that showed them. */
  const seen = new Map<string, string>();
  for (const task of tasks) {
    const shown: ContainerLogs[] = [];
    for (const config of configs) {
      const key = `${config.region} ${config.group}`;
      if (given.has(key)) continue;
      const stream = logStreamOf(config, task.taskId);
      if (stream === undefined) {
        shown.push({ container: config.container, group: config.group, note: noPrefixNote(config) });
        continue;
      }
      try {
        const client = await logsClient(config.region);
        const withinMs = budget.read().withinMs ?? 0;
        const lines = await lastLogLines(
          client,
          { group: config.group, stream, count: LOG_LINES_SHOWN },
          { withinMs, ...(session.deps.signal ? { signal: session.deps.signal } : {}) },
        );
        const same = `${config.container}\n${lines.join('\n')}`;
        const first = lines.length > 0 ? seen.get(same) : undefined;
        if (first === undefined) seen.set(same, task.taskId);
        shown.push({
          container: config.container,
          group: config.group,
          stream,
          lines,
          ...(first !== undefined ? { sameAs: first } : {}),
        });
      } catch (error) {
        if (session.cancelled) throw error;
        const problem = logsReadProblem(error, config, stream);
        if (problem.wholeGroup) given.add(key);
        // Out of time or failing: a read the report is missing (a denial or a missing group is named above).
        if (error instanceof NoAnswerError || isTransient(error)) {
          budget.missed(`the app log lines of log group ${config.group}`, error);
        }
        shown.push({ container: config.container, group: config.group, stream, note: problem.note });
      }
    }
    if (shown.length > 0) task.logs = shown;
  }
}

/** The log's lines for one stopped task's containers. */
export function formatAppLogs(task: StoppedTask): string[] {
  return formatContainerLogs(task.logs ?? []);
}
