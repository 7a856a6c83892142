/**
 * A task's containers in their own words: the lines each awslogs container wrote to CloudWatch Logs, in the log
 * group `awslogs-group` (region `awslogs-region`, else the step's), stream `<awslogs-stream-prefix>/<container>/<task
 * id>` (the ECS stream naming). ecs-deploy-wait reads the last lines of a stopped task for its failure report,
 * ecs-run-task follows them while its tasks run; both read them here. Reading is best effort: a denied permission,
 * a missing group or stream or a slow answer is one line that names it, never a failure of its own.
 * The CloudWatch Logs SDK is imported lazily: a run that reads no log line never loads it.
 */
import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { createAwsClient } from '../aws.js';
import { isAccessDenied } from '../aws-errors.js';
import { errorMessage } from '../errors.js';
import { markdownCell, markdownCode } from '../outputs.js';
import { errorCode, NoAnswerError } from './aws-errors.js';

/** How many of a container's last lines are shown. */
export const LOG_LINES_SHOWN = 20;

export interface AwslogsConfig {
  container: string;
  group: string;
  region: string;
  /** Undefined: no `awslogs-stream-prefix`, so the stream is named after the Docker container id, unknown here. */
  streamPrefix?: string;
}

/** What one awslogs container of a task wrote last, or why it is not shown. */
export interface ContainerLogs {
  container: string;
  group: string;
  stream?: string;
  /** Oldest first. */
  lines?: string[];
  /** One line naming what stopped the lines from being shown (denied, no such stream). */
  note?: string;
  /** The id of an earlier task of the report whose container logged the very same lines (shown once, there). */
  sameAs?: string;
}

/** A CloudWatch Logs client for a region. */
export type LogsClientFor = (region: string) => Promise<CloudWatchLogsClient>;

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

/** The stream of a task's container, or undefined without a stream prefix (then it is named after the Docker id). */
export function logStreamOf(config: AwslogsConfig, taskId: string): string | undefined {
  return config.streamPrefix ? `${config.streamPrefix}/${config.container}/${taskId}` : undefined;
}

/** The note for a container whose stream cannot be known. */
export function noPrefixNote(config: AwslogsConfig): string {
  return `container ${config.container} logs to log group ${config.group} without an awslogs-stream-prefix, so its stream is named after the Docker container id: the task's log lines are not shown`;
}

/** The lines of some log events: a multi-line event (a stack trace sent as one event) counts as its lines. */
export function linesOf(events: readonly OutputLogEvent[]): string[] {
  return events.flatMap((event) => (event.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/));
}

/**
 * Why reading a container's lines failed, as one line naming it; `wholeGroup` when asking again for another
 * task of the same group is pointless (denied, no such group, no answer, another error).
 */
export function logsReadProblem(
  error: unknown,
  config: AwslogsConfig,
  stream: string,
): { note: string; wholeGroup: boolean } {
  const where = `log group ${config.group}`;
  const notShown = "the task's log lines are not shown";
  if (isAccessDenied(error)) {
    return { note: `logs:GetLogEvents was denied on ${where} (${config.region}): ${notShown}`, wholeGroup: true };
  }
  if (errorCode(error) === 'ResourceNotFoundException' && /log group/i.test(errorMessage(error))) {
    return { note: `${where} was not found (${config.region}): ${notShown}`, wholeGroup: true };
  }
  if (errorCode(error) === 'ResourceNotFoundException') {
    return {
      note: `log stream ${stream} was not found in ${where} (${config.region}): ${notShown}`,
      wholeGroup: false,
    };
  }
  if (error instanceof NoAnswerError) {
    return {
      note: `logs:GetLogEvents on ${where} (${config.region}) did not answer in time: ${notShown}`,
      wholeGroup: true,
    };
  }
  return {
    note: `logs:GetLogEvents on ${where} (${config.region}) failed: ${errorMessage(error)}: ${notShown}`,
    wholeGroup: true,
  };
}

export interface LogEventsPage {
  lines: string[];
  nextForwardToken: string | undefined;
  nextBackwardToken: string | undefined;
}

/**
 * One GetLogEvents call. `forward`: the events from the stream's start, or after `forward.nextToken` (following a
 * stream; the API then wants startFromHead true); without it the stream's last `limit` events, or with
 * `backward.nextToken` the `limit` events before those. A call that outlasts `withinMs` ends with a NoAnswerError;
 * `signal` (the job's cancel) aborts it.
 */
export async function getLogEvents(
  client: CloudWatchLogsClient,
  request: {
    group: string;
    stream: string;
    limit?: number;
    forward?: { nextToken?: string };
    backward?: { nextToken: string };
  },
  options: { withinMs: number; signal?: AbortSignal },
): Promise<LogEventsPage> {
  const { GetLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  const timer = AbortSignal.timeout(Math.max(0, options.withinMs));
  const abortSignal = options.signal ? AbortSignal.any([options.signal, timer]) : timer;
  try {
    const output = await client.send(
      new GetLogEventsCommand({
        logGroupName: request.group,
        logStreamName: request.stream,
        ...(request.limit !== undefined ? { limit: request.limit } : {}),
        startFromHead: request.forward !== undefined,
        ...(request.forward?.nextToken !== undefined ? { nextToken: request.forward.nextToken } : {}),
        ...(request.backward ? { nextToken: request.backward.nextToken } : {}),
      }),
      { abortSignal },
    );
    return {
      lines: linesOf(output.events ?? []),
      nextForwardToken: output.nextForwardToken,
      nextBackwardToken: output.nextBackwardToken,
    };
  } catch (error) {
    if (timer.aborted && !options.signal?.aborted) throw new NoAnswerError('logs:GetLogEvents', options.withinMs);
    throw error;
  }
}

/** Backward pages read for a stream's last lines (partly full and empty ones count too). */
const LAST_LINES_PAGES = 10;

/**
 * A stream's last `count` lines, oldest first: the newest page, then pages back (nextBackwardToken) while fewer
 * lines came. GetLogEvents may answer a partly full or empty page before the stream's start ("don't necessarily mean
 * that pagination is finished"): the start is the backward token coming back unchanged. Each call gets what is left
 * of `withinMs`.
 */
export async function lastLogLines(
  client: CloudWatchLogsClient,
  request: { group: string; stream: string; count: number },
  options: { withinMs: number; signal?: AbortSignal },
): Promise<string[]> {
  const deadline = Date.now() + options.withinMs;
  let lines: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < LAST_LINES_PAGES && lines.length < request.count; page++) {
    const answer = await getLogEvents(
      client,
      {
        group: request.group,
        stream: request.stream,
        limit: request.count,
        ...(token !== undefined ? { backward: { nextToken: token } } : {}),
      },
      { ...options, withinMs: deadline - Date.now() },
    );
    lines = [...answer.lines, ...lines];
    if (answer.nextBackwardToken === undefined || answer.nextBackwardToken === token) break;
    token = answer.nextBackwardToken;
  }
  return lines.slice(-request.count);
}

/** CloudWatch Logs clients by region, each created (and its SDK loaded) on first use; `destroy` ends them all. */
export function logsClients(): { clientFor: LogsClientFor; destroy(): Promise<void> } {
  const clients = new Map<string, Promise<CloudWatchLogsClient>>();
  return {
    clientFor(region) {
      let client = clients.get(region);
      if (!client) {
        client = import('@aws-sdk/client-cloudwatch-logs').then(({ CloudWatchLogsClient }) =>
          createAwsClient(CloudWatchLogsClient, { region, maxAttempts: 2 }),
        );
        clients.set(region, client);
      }
      return client;
    },
    async destroy() {
      for (const client of clients.values()) (await client.catch(() => undefined))?.destroy();
    },
  };
}

/** The log's lines for one task's containers. */
export function formatContainerLogs(logs: readonly ContainerLogs[]): string[] {
  return logs.flatMap((entry) => {
    if (entry.note !== undefined) return [`  ${entry.note}`];
    const lines = entry.lines ?? [];
    if (lines.length === 0)
      return [`  container ${entry.container}: no log lines in ${entry.group} ${entry.stream ?? ''}`];
    if (entry.sameAs !== undefined) {
      return [`  container ${entry.container} logged the same last ${lines.length} lines as in task ${entry.sameAs}`];
    }
    return [
      `  last ${lines.length} log lines of container ${entry.container} (${entry.group} ${entry.stream ?? ''}):`,
      // The `|` keeps an app's line from starting with `::`, which the runner would take for a workflow command.
      ...lines.map((line) => `    | ${line}`),
    ];
  });
}

/** Each task's containers' last lines as fenced blocks (a fence longer than any backtick run in them), or notes. */
export function containerLogsMarkdown(tasks: readonly { taskId: string; logs?: ContainerLogs[] }[]): string[] {
  const out: string[] = [];
  for (const task of tasks) {
    for (const logs of task.logs ?? []) {
      if (logs.note !== undefined) {
        out.push(`- task ${markdownCode(task.taskId)}: ${markdownCell(logs.note)}`, '');
        continue;
      }
      const lines = logs.lines ?? [];
      if (logs.sameAs !== undefined) {
        out.push(
          `- task ${markdownCode(task.taskId)}, container ${markdownCode(logs.container)}: the same last ${lines.length} lines as task ${markdownCode(logs.sameAs)}`,
          '',
        );
        continue;
      }
      out.push(
        `Task ${markdownCode(task.taskId)}, container ${markdownCode(logs.container)} (${markdownCode(`${logs.group} ${logs.stream ?? ''}`)}): ${lines.length === 0 ? 'no log lines' : `last ${lines.length} lines`}`,
        '',
      );
      if (lines.length === 0) continue;
      const longest = Math.max(
        0,
        ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))),
      );
      const fence = '`'.repeat(Math.max(3, longest + 1));
      out.push(`${fence}text`, ...lines.map((line) => line.replace(/\r/g, '')), fence, '');
    }
  }
  while (out.at(-1) === '') out.pop();
  return out;
}
