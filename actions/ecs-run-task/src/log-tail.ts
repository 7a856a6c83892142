/**
 * The tasks' own log lines while they run: each poll, GetLogEvents from where the last one ended (nextForwardToken)
 * for every awslogs container of every task that has started, printed as `[container] line`; the last lines of each
 * are kept for the failure report. Reading is best effort (core's container-logs): a denied permission is one line
 * naming it, printed once; a group or stream that does not exist yet is asked for again on the next poll, and is the
 * failure report's note when it still does not exist after the task stopped.
 */
import {
  type AwslogsConfig,
  type ContainerLogs,
  errorCode,
  getLogEvents,
  LOG_LINES_SHOWN,
  type LogsClientFor,
  logStreamOf,
  logsReadProblem,
  noPrefixNote,
} from '@ecs-actions/core/ecs';
import type { TaskOutcome } from './types.js';

/** How long one GetLogEvents call may take before the tail gives up on its group. */
const LOGS_CALL_TIMEOUT_MS = 5_000;
/**
 * Pages read from one stream at the end, after the task stopped (each up to 1 MB or 10,000 events; partly full and
 * empty ones count too: the API may answer them before the stream's end).
 */
const FINAL_PAGES = 20;
/** Statuses before the containers start: their streams do not exist yet. */
const NOT_STARTED = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

interface FollowedStream {
  config: AwslogsConfig;
  stream: string | undefined;
  nextToken?: string;
  found: boolean;
  last: string[];
  note?: string;
}

export interface LogTailDeps {
  logs: LogsClientFor;
  log: { info(message: string): void };
  signal?: AbortSignal;
}

export class LogTail {
  private readonly streams = new Map<string, FollowedStream[]>();
  /** Groups not to ask again (`region group`), with the note given once. */
  private readonly givenUp = new Map<string, string>();

  constructor(
    private readonly configs: readonly AwslogsConfig[],
    private readonly deps: LogTailDeps,
    private readonly several: boolean,
  ) {}

  /** Reads and prints what the started tasks' containers wrote since the last poll (`final`: all of it). */
  async poll(tasks: readonly TaskOutcome[], final = false): Promise<void> {
    for (const task of tasks) {
      if (NOT_STARTED.has(task.lastStatus) && !final) continue;
      for (const followed of this.streamsOf(task)) {
        await this.read(task, followed, final);
      }
    }
  }

  /** Each awslogs container's last lines of a task, or why they are not shown. */
  logsOf(task: TaskOutcome): ContainerLogs[] {
    return this.streamsOf(task).map(({ config, stream, found, last, note }) => {
      const given = this.givenUp.get(`${config.region} ${config.group}`);
      const base = { container: config.container, group: config.group, ...(stream ? { stream } : {}) };
      if (note ?? given) return { ...base, note: (note ?? given) as string };
      if (!found)
        return {
          ...base,
          note: `log stream ${stream} was not found in log group ${config.group} (${config.region}): the task's log lines are not shown`,
        };
      return { ...base, lines: [...last] };
    });
  }

  private streamsOf(task: TaskOutcome): FollowedStream[] {
    let streams = this.streams.get(task.arn);
    if (!streams) {
      streams = this.configs.map((config) => {
        const stream = logStreamOf(config, task.id);
        return {
          config,
          stream,
          found: false,
          last: [],
          ...(stream === undefined ? { note: noPrefixNote(config) } : {}),
        };
      });
      this.streams.set(task.arn, streams);
    }
    return streams;
  }

  private async read(task: TaskOutcome, followed: FollowedStream, final: boolean): Promise<void> {
    const { config, stream } = followed;
    const key = `${config.region} ${config.group}`;
    if (stream === undefined || followed.note !== undefined || this.givenUp.has(key)) return;
    for (let page = 0; page < (final ? FINAL_PAGES : 1); page++) {
      let answer: Awaited<ReturnType<typeof getLogEvents>>;
      try {
        const client = await this.deps.logs(config.region);
        answer = await getLogEvents(
          client,
          { group: config.group, stream, forward: followed.nextToken ? { nextToken: followed.nextToken } : {} },
          { withinMs: LOGS_CALL_TIMEOUT_MS, ...(this.deps.signal ? { signal: this.deps.signal } : {}) },
        );
      } catch (error) {
        if (this.deps.signal?.aborted) return;
        const problem = logsReadProblem(error, config, stream);
        if (errorCode(error) === 'ResourceNotFoundException') {
          // The stream (and, with awslogs-create-group, the group) appears when the container starts: not there
          // yet is asked again next poll; still missing after the task stopped, it is the failure report's note.
          if (final) followed.note = problem.note;
          return;
        }
        this.givenUp.set(key, problem.note);
        this.deps.log.info(problem.note);
        return;
      }
      followed.found = true;
      const label = this.several ? `${task.id.slice(0, 8)} ${config.container}` : config.container;
      for (const line of answer.lines) this.deps.log.info(`[${label}] ${line}`);
      followed.last = [...followed.last, ...answer.lines].slice(-LOG_LINES_SHOWN);
      // The end of the stream is the token coming back unchanged (API reference); an empty or partly full page
      // whose token moved is not the end ("don't necessarily mean that pagination is finished").
      const moved = answer.nextForwardToken !== undefined && answer.nextForwardToken !== followed.nextToken;
      if (answer.nextForwardToken) followed.nextToken = answer.nextForwardToken;
      if (!moved) return;
    }
  }
}
