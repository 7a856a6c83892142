/**
 * Why the app died, in its own words: the last lines each awslogs container of a stopped task wrote to CloudWatch
 * Logs (GetLogEvents of `<awslogs-group>` / `<awslogs-stream-prefix>/<container>/<task id>`, the ECS stream naming).
 * Best effort: a denied permission, a missing stream or a slow answer is one line that names it, never a failure of
 * its own. The CloudWatch Logs SDK is imported here lazily: a run that never fails never loads it.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { errorMessage, isAccessDenied } from '@ecs-actions/core';
import { errorCode, NoAnswerError } from './aws-errors.js';
import { type CallLimits, CHECK_TIMEOUT_MS, type DeploySession } from './session.js';
import type { ContainerLogs, StoppedTask } from './types.js';

/** How many of a container's last lines are shown. */
export const LOG_LINES_SHOWN = 20;

export interface AwslogsConfig {
  container: string;
  group: string;
  region: string;
  /** Undefined: no `awslogs-stream-prefix`, so the stream is named after the Docker container id, unknown here. */
  streamPrefix?: string;
}

/** The containers that log with awslogs, with their group, region (default: the step's) and stream prefix. */
export function awslogsConfigs(containers: readonly ContainerDefinition[], defaultRegion: string): AwslogsConfig[] {
  return containers.flatMap((container) => {
    const config = container.logConfiguration;
    const group = config?.options?.['awslogs-group'];
    if (config?.logDriver !== 'awslogs' || !group || !container.name) return [];
    const prefix = config.options?.['awslogs-stream-prefix'];
    return [
      {
        container: container.name,
        group,
        region: config.options?.['awslogs-region'] || defaultRegion,
        ...(prefix ? { streamPrefix: prefix } : {}),
      },
    ];
  });
}

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
 * A group whose reading was denied, or that did not answer, is not asked again; its note is given once.
 */
export async function attachAppLogs(
  session: DeploySession,
  tasks: StoppedTask[],
  taskDefinitionArn: string,
  limits: CallLimits,
): Promise<void> {
  const logsClient = session.deps.logs;
  if (!logsClient || tasks.length === 0) return;
  // Its own short budget, within the wrap-up's: the rollback after it must keep its time.
  const deadline = Math.min(limits.deadline ?? Number.POSITIVE_INFINITY, Date.now() + CHECK_TIMEOUT_MS);
  const bound: CallLimits = { deadline };
  let configs: AwslogsConfig[];
  try {
    configs = awslogsConfigs(await containerDefinitions(session, taskDefinitionArn, bound), session.deps.region);
  } catch (error) {
    if (session.cancelled) throw error;
    session.log.info(`(The task definition could not be read for its log configuration: ${errorMessage(error)})`);
    return;
  }
  if (configs.length === 0) return;
  const { GetLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  /** Groups not to ask again: denied, or out of time. */
  const given = new Set<string>();
  /** Tasks of a crash loop log the same lines: each container's lines by the first task that showed them. */
  const seen = new Map<string, string>();
  for (const task of tasks) {
    const shown: ContainerLogs[] = [];
    for (const config of configs) {
      const where = `log group ${config.group}`;
      if (given.has(`${config.region} ${config.group}`)) continue;
      if (!config.streamPrefix) {
        shown.push({
          container: config.container,
          group: config.group,
          note: `container ${config.container} logs to ${where} without an awslogs-stream-prefix, so its stream is named after the Docker container id: the task's log lines are not shown`,
        });
        continue;
      }
      const stream = `${config.streamPrefix}/${config.container}/${task.taskId}`;
      try {
        const client = await logsClient(config.region);
        const output = await session.bounded(
          'GetLogEvents',
          (o) =>
            client.send(
              new GetLogEventsCommand({
                logGroupName: config.group,
                logStreamName: stream,
                limit: LOG_LINES_SHOWN,
                startFromHead: false,
              }),
              o,
            ),
          bound,
        );
        // A multi-line event (a stack trace sent as one event) counts as its lines.
        const lines = (output.events ?? [])
          .flatMap((event) => (event.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/))
          .slice(-LOG_LINES_SHOWN);
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
        const key = `${config.region} ${config.group}`;
        let note: string;
        if (isAccessDenied(error)) {
          given.add(key);
          note = `logs:GetLogEvents was denied on ${where} (${config.region}): the task's log lines are not shown`;
        } else if (errorCode(error) === 'ResourceNotFoundException' && /log group/i.test(errorMessage(error))) {
          given.add(key);
          note = `${where} was not found (${config.region}): the task's log lines are not shown`;
        } else if (errorCode(error) === 'ResourceNotFoundException') {
          note = `log stream ${stream} was not found in ${where} (${config.region}): the task's log lines are not shown`;
        } else if (error instanceof NoAnswerError) {
          given.add(key);
          note = `logs:GetLogEvents on ${where} (${config.region}) did not answer in time: the task's log lines are not shown`;
        } else {
          given.add(key);
          note = `logs:GetLogEvents on ${where} (${config.region}) failed: ${errorMessage(error)}: the task's log lines are not shown`;
        }
        shown.push({ container: config.container, group: config.group, stream, note });
      }
    }
    if (shown.length > 0) task.logs = shown;
  }
}

/** The log's lines for one stopped task's containers. */
export function formatAppLogs(task: StoppedTask): string[] {
  return (task.logs ?? []).flatMap((logs) => {
    if (logs.note !== undefined) return [`  ${logs.note}`];
    const lines = logs.lines ?? [];
    if (lines.length === 0)
      return [`  container ${logs.container}: no log lines in ${logs.group} ${logs.stream ?? ''}`];
    if (logs.sameAs !== undefined) {
      return [`  container ${logs.container} logged the same last ${lines.length} lines as in task ${logs.sameAs}`];
    }
    return [
      `  last ${lines.length} log lines of container ${logs.container} (${logs.group} ${logs.stream ?? ''}):`,
      // The `|` keeps an app's line from starting with `::`, which the runner would take for a workflow command.
      ...lines.map((line) => `    | ${line}`),
    ];
  });
}
