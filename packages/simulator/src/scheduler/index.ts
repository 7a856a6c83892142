/**
 * The EventBridge Scheduler side (REST JSON: `POST|PUT|GET /schedules/{Name}`, `GET /schedules`; server/rest-json.ts
 * turns the route into an operation): CreateSchedule, GetSchedule, UpdateSchedule, ListSchedules and DeleteSchedule,
 * ECS targets checked as the Scheduler API reference describes them. UpdateSchedule replaces the whole schedule, as
 * the reference warns: a member left out goes back to its default (State ENABLED, no description, no dates), so an
 * update must re-send everything GetSchedule returned.
 */
import { type AwsJsonService, AwsServiceError, type SimClock } from '../contract.js';
import { checkEcsParameters, isClusterArn, validScheduleExpression } from '../events/ecs-parameters.js';

type Json = Record<string, unknown>;

interface ScheduleRecord {
  name: string;
  group: string;
  arn: string;
  created: Date;
  modified: Date;
  /** What CreateSchedule or the last UpdateSchedule set, defaults filled in. */
  body: Json;
}

export interface SchedulerSimulatorOptions {
  clock: SimClock;
  accountId: string;
  region: string;
}

/** Schedule and group names: `[0-9a-zA-Z-_.]+`, 1 to 64 characters. */
const NAME = /^[0-9a-zA-Z\-_.]{1,64}$/;
const FLEXIBLE_MODES = ['OFF', 'FLEXIBLE'];
const STATES = ['ENABLED', 'DISABLED'];
const AFTER_COMPLETION = ['NONE', 'DELETE'];
/** The members CreateSchedule and UpdateSchedule take besides the name (and GetSchedule returns). */
const MEMBERS = [
  'ActionAfterCompletion',
  'Description',
  'EndDate',
  'FlexibleTimeWindow',
  'KmsKeyArn',
  'ScheduleExpression',
  'ScheduleExpressionTimezone',
  'StartDate',
  'State',
  'Target',
];

const validation = (message: string) => new AwsServiceError('ValidationException', message);
const notFound = (message: string) => new AwsServiceError('ResourceNotFoundException', message, 404);

export class SchedulerSimulator implements AwsJsonService {
  readonly api = 'scheduler' as const;
  /** Not an X-Amz-Target prefix: REST JSON routes reach this side through server/rest-json.ts. */
  readonly targetPrefix = 'scheduler';
  private readonly schedules = new Map<string, ScheduleRecord>();
  private readonly groups = new Set(['default']);

  constructor(private readonly options: SchedulerSimulatorOptions) {}

  /** A schedule group other than `default` (CreateScheduleGroup is not served). */
  seedGroup(name: string): void {
    this.groups.add(name);
  }

  /** A schedule as GetSchedule returns it (for assertions). */
  schedule(name: string, group = 'default'): Json | undefined {
    const record = this.schedules.get(`${group}/${name}`);
    return record ? this.shape(record) : undefined;
  }

  async handle(operation: string, input: Json): Promise<unknown> {
    switch (operation) {
      case 'CreateSchedule':
        return this.write(input, 'create');
      case 'UpdateSchedule':
        return this.write(input, 'update');
      case 'GetSchedule':
        return this.shape(this.find(input));
      case 'DeleteSchedule': {
        const record = this.find(input);
        this.schedules.delete(`${record.group}/${record.name}`);
        return {};
      }
      case 'ListSchedules':
        return this.list(input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    }
  }

  private groupOf(value: unknown): string {
    const group = value === undefined || value === '' ? 'default' : value;
    if (typeof group !== 'string' || !NAME.test(group)) throw validation('GroupName is not valid.');
    if (!this.groups.has(group)) throw notFound(`Schedule group ${group} does not exist.`);
    return group;
  }

  private find(input: Json): ScheduleRecord {
    const name = input.Name;
    if (typeof name !== 'string' || !NAME.test(name)) throw validation('Name is not valid.');
    const group = this.groupOf(input.GroupName);
    const record = this.schedules.get(`${group}/${name}`);
    if (!record) throw notFound(`Schedule ${name} does not exist.`);
    return record;
  }

  private write(input: Json, kind: 'create' | 'update'): unknown {
    const name = input.Name;
    if (typeof name !== 'string' || !NAME.test(name)) throw validation('Name is not valid.');
    const group = this.groupOf(input.GroupName);
    const key = `${group}/${name}`;
    const existing = this.schedules.get(key);
    if (kind === 'create' && existing)
      throw new AwsServiceError('ConflictException', `Schedule ${name} already exists.`, 409);
    if (kind === 'update' && !existing) throw notFound(`Schedule ${name} does not exist.`);
    const body = checkSchedule(input);
    const now = new Date(this.options.clock.now());
    const record: ScheduleRecord = {
      name,
      group,
      arn: `arn:aws:scheduler:${this.options.region}:${this.options.accountId}:schedule/${group}/${name}`,
      created: existing?.created ?? now,
      modified: now,
      body,
    };
    this.schedules.set(key, record);
    return { ScheduleArn: record.arn };
  }

  private shape(record: ScheduleRecord): Json {
    return {
      Arn: record.arn,
      Name: record.name,
      GroupName: record.group,
      CreationDate: record.created,
      LastModificationDate: record.modified,
      ...structuredClone(record.body),
    };
  }

  private list(input: Json): unknown {
    const max = input.MaxResults === undefined ? 100 : Number(input.MaxResults);
    if (!Number.isInteger(max) || max < 1 || max > 100) throw validation('MaxResults must be between 1 and 100.');
    const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
    if (!Number.isInteger(start) || start < 0) throw validation('NextToken is not valid.');
    const group = input.ScheduleGroup as string | undefined;
    const prefix = (input.NamePrefix as string | undefined) ?? '';
    const state = input.State as string | undefined;
    const matching = [...this.schedules.values()]
      .filter((record) => (group === undefined || record.group === group) && record.name.startsWith(prefix))
      .filter((record) => state === undefined || record.body.State === state)
      .sort((a, b) => a.name.localeCompare(b.name));
    const page = matching.slice(start, start + max).map((record) => ({
      Arn: record.arn,
      Name: record.name,
      GroupName: record.group,
      State: record.body.State,
      CreationDate: record.created,
      LastModificationDate: record.modified,
      Target: { Arn: (record.body.Target as Json).Arn },
    }));
    return { Schedules: page, ...(start + max < matching.length ? { NextToken: String(start + max) } : {}) };
  }
}

/** CreateSchedule's and UpdateSchedule's members, checked, defaults filled in (State ENABLED, ActionAfterCompletion NONE). */
function checkSchedule(input: Json): Json {
  const expression = input.ScheduleExpression;
  if (typeof expression !== 'string' || expression === '') {
    throw validation(
      "1 validation error detected: Value null at 'scheduleExpression' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!validScheduleExpression(expression, true)) throw validation(`Invalid Schedule Expression ${expression}.`);
  const window = input.FlexibleTimeWindow as Json | undefined;
  if (!window || !FLEXIBLE_MODES.includes(window.Mode as string)) {
    throw validation(
      "1 validation error detected: Value at 'flexibleTimeWindow.mode' failed to satisfy constraint: Member must satisfy enum value set: [OFF, FLEXIBLE]",
    );
  }
  if (
    window.Mode === 'FLEXIBLE' &&
    !(Number(window.MaximumWindowInMinutes) >= 1 && Number(window.MaximumWindowInMinutes) <= 1440)
  ) {
    throw validation('MaximumWindowInMinutes must be between 1 and 1440 when Mode is FLEXIBLE.');
  }
  if (window.Mode === 'OFF' && window.MaximumWindowInMinutes !== undefined) {
    throw validation('MaximumWindowInMinutes must not be set when Mode is OFF.');
  }
  const state = input.State ?? 'ENABLED';
  if (!STATES.includes(state as string)) throw validation('State must be ENABLED or DISABLED.');
  const after = input.ActionAfterCompletion ?? 'NONE';
  if (!AFTER_COMPLETION.includes(after as string)) throw validation('ActionAfterCompletion must be NONE or DELETE.');
  const target = input.Target as Json | undefined;
  if (!target || typeof target.Arn !== 'string' || typeof target.RoleArn !== 'string') {
    throw validation(
      "1 validation error detected: Value null at 'target.roleArn' failed to satisfy constraint: Member must not be null",
    );
  }
  const checkedTarget = structuredClone(target);
  if (isClusterArn(target.Arn)) {
    if (target.EcsParameters === undefined)
      throw validation('EcsParameters must be specified for an ECS cluster target.');
    checkedTarget.EcsParameters = checkEcsParameters(target.EcsParameters, target.Arn);
  } else if (target.EcsParameters !== undefined) {
    throw validation('EcsParameters are valid only for an ECS cluster target.');
  }
  const body: Json = {};
  for (const member of MEMBERS) if (input[member] !== undefined) body[member] = structuredClone(input[member]);
  for (const date of ['StartDate', 'EndDate']) {
    // Timestamps arrive as epoch seconds (REST JSON's default) and are kept so: answers carry them the same way.
    if (body[date] !== undefined && typeof body[date] !== 'number') throw validation(`${date} must be a timestamp.`);
  }
  return { ...body, State: state, ActionAfterCompletion: after, Target: checkedTarget };
}
