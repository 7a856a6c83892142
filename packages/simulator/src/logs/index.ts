/**
 * The CloudWatch Logs side: log groups, log streams and their events, spoken over AWS JSON 1.1
 * (`X-Amz-Target: Logs_20140328.<Operation>`). Serves GetLogEvents, FilterLogEvents and DescribeLogStreams, with
 * the shapes and errors of the CloudWatch Logs API reference. Events are written by the ECS side (tasks whose
 * containers use the `awslogs` driver) or seeded with `putLogEvents`. Timestamps are epoch milliseconds (the Logs
 * API's `Timestamp` is a long, not a date).
 */
import { type AwsJsonService, AwsServiceError, type LogEventInput, type LogSink, type SimClock } from '../contract.js';
import { mulberry32 } from '../seeded-random.js';

export interface LogsSimulatorOptions {
  clock: SimClock;
  accountId: string;
  region: string;
}

interface StoredEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

interface StreamRecord {
  name: string;
  creationTime: number;
  events: StoredEvent[];
}

interface GroupRecord {
  name: string;
  creationTime: number;
  streams: Map<string, StreamRecord>;
}

/** GetLogEvents and FilterLogEvents answer at most 10,000 events (API reference, `limit`). */
const MAX_EVENTS = 10_000;
/** DescribeLogStreams: `limit` 1 to 50, default 50. */
const MAX_STREAMS = 50;

const groupNotFound = () => new AwsServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
const streamNotFound = () =>
  new AwsServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);

export class LogsSimulator implements AwsJsonService, LogSink {
  readonly api = 'logs' as const;
  readonly targetPrefix = 'Logs_20140328';

  private readonly groups = new Map<string, GroupRecord>();
  private eventCount = 0;
  /** Short pages: the seeded draw of each GetLogEvents page's size, or undefined for full pages. */
  private pageDraw: (() => number) | undefined;
  private tokenCount = 0;

  constructor(private readonly options: LogsSimulatorOptions) {}

  // ------------------------------------------------------------------------------------------- seeding

  /** Creates the log group when it does not exist (as `awslogs-create-group` would). */
  createLogGroup(name: string): void {
    if (!this.groups.has(name))
      this.groups.set(name, { name, creationTime: this.options.clock.now(), streams: new Map() });
  }

  /** Appends events to a stream, creating the group and the stream when needed. */
  putLogEvents(group: string, stream: string, events: LogEventInput[]): void {
    this.createLogGroup(group);
    const record = this.groups.get(group);
    if (!record) return;
    let target = record.streams.get(stream);
    if (!target) {
      target = { name: stream, creationTime: this.options.clock.now(), events: [] };
      record.streams.set(stream, target);
    }
    const ingestionTime = this.options.clock.now();
    for (const event of events) {
      this.eventCount += 1;
      target.events.push({
        timestamp: event.timestamp,
        message: event.message,
        ingestionTime: Math.max(ingestionTime, event.timestamp),
        // Event ids are long digit strings in the real API; these only need to be unique.
        eventId: String(this.eventCount).padStart(56, '0'),
      });
    }
    target.events.sort((a, b) => a.timestamp - b.timestamp);
  }

  /** LogSink: what the ECS side calls when a task's containers write their lines. */
  writeEvents(group: string, stream: string, events: LogEventInput[]): void {
    this.putLogEvents(group, stream, events);
  }

  /** The messages of one stream, oldest first (for tests). */
  messages(group: string, stream: string): string[] {
    return (
      this.groups
        .get(group)
        ?.streams.get(stream)
        ?.events.map((event) => event.message) ?? []
    );
  }

  /** The stream names of a group, sorted (for tests). */
  streams(group: string): string[] {
    return [...(this.groups.get(group)?.streams.keys() ?? [])].sort();
  }

  /**
   * GetLogEvents answers pages as AWS may (API reference: "If the results don't include a nextForwardToken or a
   * nextBackwardToken, ... Partially full or empty pages don't necessarily mean that pagination is finished"): with a
   * seed, each page that does not reach the stream's end in the direction read holds, by a seeded draw, no events
   * (its token moved all the same), some of them, or all; undefined: full pages again.
   */
  setShortPages(seed: number | undefined): void {
    this.pageDraw = seed === undefined ? undefined : mulberry32(seed);
  }

  // ------------------------------------------------------------------------------------------- API

  async handle(operation: string, input: Record<string, unknown>): Promise<unknown> {
    switch (operation) {
      case 'GetLogEvents':
        return this.getLogEvents(input);
      case 'FilterLogEvents':
        return this.filterLogEvents(input);
      case 'DescribeLogStreams':
        return this.describeLogStreams(input);
      case 'DescribeLogGroups':
        return this.describeLogGroups(input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${this.targetPrefix}.${operation}`);
    }
  }

  /** DescribeLogGroups: by `logGroupNamePrefix`, sorted by name, `limit` 1 to 50 (default 50), paginated. */
  private describeLogGroups(input: Record<string, unknown>): unknown {
    const prefix = optionalString(input, 'logGroupNamePrefix') ?? '';
    const limit = input.limit === undefined ? MAX_STREAMS : Number(input.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_STREAMS) {
      throw invalid(
        `1 validation error detected: Value '${String(input.limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50`,
      );
    }
    const names = [...this.groups.keys()].filter((name) => name.startsWith(prefix)).sort();
    const start = typeof input.nextToken === 'string' ? Number(input.nextToken) : 0;
    const page = names.slice(start, start + limit);
    const { accountId, region } = this.options;
    return {
      logGroups: page.map((name) => {
        const arn = `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
        return {
          logGroupName: name,
          creationTime: this.groups.get(name)?.creationTime,
          metricFilterCount: 0,
          arn: `${arn}:*`,
          logGroupArn: arn,
          storedBytes: 0,
          logGroupClass: 'STANDARD',
        };
      }),
      ...(start + limit < names.length ? { nextToken: String(start + limit) } : {}),
    };
  }

  /** Whether a log group exists (what ECS's awslogs driver needs before a task starts). */
  hasLogGroup(name: string): boolean {
    return this.groups.has(name);
  }

  /**
   * `logGroupName` or `logGroupIdentifier` (a name or an ARN), not both (API reference: "You must include either
   * logGroupIdentifier or logGroupName, but not both").
   */
  private group(input: Record<string, unknown>): GroupRecord {
    const name = optionalString(input, 'logGroupName');
    const identifier = optionalString(input, 'logGroupIdentifier');
    if (name !== undefined && identifier !== undefined) {
      throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    }
    const ref = name ?? identifier;
    if (ref === undefined) throw invalid('Either logGroupName or logGroupIdentifier is required.');
    const groupName = ref.startsWith('arn:')
      ? ref.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '')
      : ref;
    const group = this.groups.get(groupName);
    if (!group) throw groupNotFound();
    return group;
  }

  /**
   * GetLogEvents: without a token, `startFromHead` false (the default) answers the newest `limit` events of the
   * window, oldest first; true the oldest. `nextForwardToken` / `nextBackwardToken` page forward and back; at the end
   * of the stream the same forward token comes back (API reference: "If you have reached the end of the stream, it
   * returns the same token you passed in"). With `setShortPages`, a page before the end may hold fewer events or none.
   */
  private getLogEvents(input: Record<string, unknown>): unknown {
    const group = this.group(input);
    const streamName = optionalString(input, 'logStreamName');
    if (streamName === undefined)
      throw invalid(
        "1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null",
      );
    const stream = group.streams.get(streamName);
    if (!stream) throw streamNotFound();
    const limit = limitOf(input, MAX_EVENTS, MAX_EVENTS);
    const events = inWindow(stream.events, input);
    const token = optionalString(input, 'nextToken');
    let start: number;
    let end: number;
    let forward: boolean;
    if (token !== undefined) {
      const match = /^([fb])\/(\d+)(?:\/\d+)?$/.exec(token);
      if (!match) throw invalid('The specified nextToken is invalid.');
      const position = Math.min(events.length, Number(match[2]));
      forward = match[1] === 'f';
      if (forward) {
        start = position;
        end = Math.min(events.length, start + limit);
      } else {
        end = position;
        start = Math.max(0, end - limit);
      }
    } else if (input.startFromHead === true) {
      forward = true;
      start = 0;
      end = Math.min(events.length, limit);
    } else {
      forward = false;
      end = events.length;
      start = Math.max(0, end - limit);
    }
    // A short page is only ever one that does not reach the stream's end in the direction read.
    const available = end - start;
    const kept = this.pageSize(available);
    if (forward) end = start + kept;
    else start = end - kept;
    // The token of an empty page before the end still moves on (a scan position of its own), as AWS's do.
    const suffix = available > 0 && kept === 0 ? `/${++this.tokenCount}` : '';
    return {
      events: events
        .slice(start, end)
        .map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime })),
      nextForwardToken: `f/${String(end).padStart(56, '0')}${forward ? suffix : ''}`,
      nextBackwardToken: `b/${String(start).padStart(56, '0')}${forward ? '' : suffix}`,
    };
  }

  /** How many of the `available` events a page holds: all of them, or with short pages a seeded none, some or all. */
  private pageSize(available: number): number {
    const draw = this.pageDraw;
    if (!draw || available === 0) return available;
    const kind = Math.floor(draw() * 3);
    if (kind === 0) return 0;
    if (kind === 1) return Math.floor(draw() * available);
    return available;
  }

  /**
   * FilterLogEvents over the group's streams (`logStreamNames` or `logStreamNamePrefix`, not both), oldest first.
   * `filterPattern`: terms that must all appear (case-sensitive), a `"quoted phrase"` as one term, `?term` any of.
   */
  private filterLogEvents(input: Record<string, unknown>): unknown {
    const group = this.group(input);
    const names = input.logStreamNames;
    const prefix = optionalString(input, 'logStreamNamePrefix');
    if (names !== undefined && prefix !== undefined) {
      throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    if (names !== undefined && (!Array.isArray(names) || names.length < 1 || names.length > 100)) {
      throw invalid('logStreamNames must name 1 to 100 log streams.');
    }
    const streams = [...group.streams.values()].filter((stream) =>
      Array.isArray(names) ? names.includes(stream.name) : prefix === undefined || stream.name.startsWith(prefix),
    );
    const matches = patternMatcher(optionalString(input, 'filterPattern') ?? '');
    const all = streams
      .flatMap((stream) =>
        inWindow(stream.events, input)
          .filter((event) => matches(event.message))
          .map((event) => ({ logStreamName: stream.name, ...event })),
      )
      .sort((a, b) => a.timestamp - b.timestamp || a.eventId.localeCompare(b.eventId));
    const limit = limitOf(input, MAX_EVENTS, MAX_EVENTS);
    const token = optionalString(input, 'nextToken');
    let start = 0;
    if (token !== undefined) {
      const decoded = Number(Buffer.from(token, 'base64').toString('utf8'));
      if (!Number.isInteger(decoded) || decoded < 0) throw invalid('The specified nextToken is invalid.');
      start = decoded;
    }
    const page = all.slice(start, start + limit);
    const next = start + page.length;
    return {
      events: page,
      searchedLogStreams: streams.map((stream) => ({ logStreamName: stream.name, searchedCompletely: true })),
      ...(next < all.length ? { nextToken: Buffer.from(String(next)).toString('base64') } : {}),
    };
  }

  /** DescribeLogStreams: by name (default) or by last event time; `logStreamNamePrefix` only with LogStreamName. */
  private describeLogStreams(input: Record<string, unknown>): unknown {
    const group = this.group(input);
    const prefix = optionalString(input, 'logStreamNamePrefix');
    const orderBy = optionalString(input, 'orderBy') ?? 'LogStreamName';
    if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') {
      throw invalid(
        `1 validation error detected: Value '${orderBy}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LastEventTime, LogStreamName]`,
      );
    }
    if (prefix !== undefined && orderBy === 'LastEventTime') {
      throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const last = (stream: StreamRecord) => stream.events.at(-1)?.timestamp ?? 0;
    const streams = [...group.streams.values()]
      .filter((stream) => prefix === undefined || stream.name.startsWith(prefix))
      .sort((a, b) =>
        orderBy === 'LastEventTime' ? last(a) - last(b) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    if (input.descending === true) streams.reverse();
    const limit = limitOf(input, MAX_STREAMS, MAX_STREAMS);
    const token = optionalString(input, 'nextToken');
    const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw invalid('The specified nextToken is invalid.');
    const page = streams.slice(start, start + limit);
    const next = start + page.length;
    const { region, accountId } = this.options;
    return {
      logStreams: page.map((stream) => {
        const first = stream.events[0];
        const latest = stream.events.at(-1);
        return {
          logStreamName: stream.name,
          creationTime: stream.creationTime,
          ...(first ? { firstEventTimestamp: first.timestamp } : {}),
          ...(latest ? { lastEventTimestamp: latest.timestamp, lastIngestionTime: latest.ingestionTime } : {}),
          arn: `arn:aws:logs:${region}:${accountId}:log-group:${group.name}:log-stream:${stream.name}`,
          storedBytes: 0,
        };
      }),
      ...(next < streams.length ? { nextToken: Buffer.from(String(next)).toString('base64') } : {}),
    };
  }
}

function optionalString(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw invalid(`${key} must be a non-empty string.`);
  return value;
}

function limitOf(input: Record<string, unknown>, max: number, fallback: number): number {
  const value = input.limit;
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(
      `1 validation error detected: Value '${String(value)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  }
  return value;
}

/** `startTime` inclusive, `endTime` exclusive (API reference: events with a timestamp later than endTime are not included; equal ones neither). */
function inWindow(events: StoredEvent[], input: Record<string, unknown>): StoredEvent[] {
  const startTime = typeof input.startTime === 'number' ? input.startTime : undefined;
  const endTime = typeof input.endTime === 'number' ? input.endTime : undefined;
  return events.filter(
    (event) =>
      (startTime === undefined || event.timestamp >= startTime) && (endTime === undefined || event.timestamp < endTime),
  );
}

/** A small subset of the filter pattern syntax for unstructured log events. */
function patternMatcher(pattern: string): (message: string) => boolean {
  const terms = [...pattern.matchAll(/(\?)?(?:"([^"]*)"|(\S+))/g)].map((match) => ({
    optional: match[1] === '?',
    text: match[2] ?? match[3] ?? '',
  }));
  if (terms.length === 0) return () => true;
  const required = terms.filter((term) => !term.optional);
  const anyOf = terms.filter((term) => term.optional);
  return (message) =>
    required.every((term) => message.includes(term.text)) &&
    (anyOf.length === 0 || anyOf.some((term) => message.includes(term.text)));
}
