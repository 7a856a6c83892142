/**
 * The EventBridge side (AWS JSON 1.1, `X-Amz-Target: AWSEvents.<Operation>`): rules on event buses (PutRule,
 * DescribeRule) and their targets (PutTargets, ListTargetsByRule, RemoveTargets), ECS targets checked as the
 * EventBridge API reference describes them. A rule's targets are kept exactly as put: ListTargetsByRule returns every
 * member written, which is what a deploy that changes only EcsParameters.TaskDefinitionArn must send back.
 */
import { type AwsJsonService, AwsServiceError } from '../contract.js';
import { checkEcsParameters, isClusterArn, validScheduleExpression } from './ecs-parameters.js';

type Json = Record<string, unknown>;

interface RuleRecord {
  name: string;
  bus: string;
  arn: string;
  scheduleExpression?: string;
  eventPattern?: string;
  state: string;
  description?: string;
  roleArn?: string;
  targets: Json[];
}

export interface EventBridgeSimulatorOptions {
  accountId: string;
  region: string;
}

/** PutRule's Name and a target's Id: `[\.\-_A-Za-z0-9]+`, 1 to 64 characters. */
const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
const RULE_STATES = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];
/** EventBridge quotas: 5 targets per rule; PutTargets and RemoveTargets take at most 10 a call. */
const TARGETS_PER_RULE = 5;
const TARGETS_PER_CALL = 10;

const validation = (message: string) => new AwsServiceError('ValidationException', message);

export class EventBridgeSimulator implements AwsJsonService {
  readonly api = 'events' as const;
  readonly targetPrefix = 'AWSEvents';
  private readonly rules = new Map<string, RuleRecord>();

  constructor(private readonly options: EventBridgeSimulatorOptions) {}

  async handle(operation: string, input: Json): Promise<unknown> {
    switch (operation) {
      case 'PutRule':
        return this.putRule(input);
      case 'DescribeRule':
        return this.describeRule(input);
      case 'PutTargets':
        return this.putTargets(input);
      case 'ListTargetsByRule':
        return this.listTargetsByRule(input);
      case 'RemoveTargets':
        return this.removeTargets(input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    }
  }

  /** A rule's targets as ListTargetsByRule returns them (for assertions). */
  targetsOf(rule: string, bus = 'default'): Json[] {
    return structuredClone(this.rules.get(`${bus}/${rule}`)?.targets ?? []);
  }

  private busOf(input: Json): string {
    const bus = input.EventBusName;
    if (bus === undefined) return 'default';
    if (typeof bus !== 'string' || bus === '') throw validation('Parameter EventBusName is not valid.');
    // An event bus ARN names the bus after `event-bus/`.
    return bus.startsWith('arn:') ? bus.slice(bus.lastIndexOf('/') + 1) : bus;
  }

  private ruleOf(input: Json, member: 'Name' | 'Rule'): RuleRecord {
    const name = input[member];
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw validation(
        `1 validation error detected: Value at '${member.toLowerCase()}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
      );
    }
    const bus = this.busOf(input);
    const rule = this.rules.get(`${bus}/${name}`);
    if (!rule)
      throw new AwsServiceError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${bus}.`);
    return rule;
  }

  private putRule(input: Json): unknown {
    const name = input.Name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw validation(
        "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
      );
    }
    const bus = this.busOf(input);
    const schedule = input.ScheduleExpression as string | undefined;
    const pattern = input.EventPattern as string | undefined;
    if (schedule === undefined && pattern === undefined) {
      throw validation('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    if (schedule !== undefined && !validScheduleExpression(schedule, false)) {
      throw validation('Parameter ScheduleExpression is not valid.');
    }
    if (schedule !== undefined && bus !== 'default') {
      throw validation('ScheduleExpression is supported only on the default event bus.');
    }
    if (pattern !== undefined) {
      try {
        const parsed: unknown = JSON.parse(pattern);
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      } catch {
        throw new AwsServiceError(
          'InvalidEventPatternException',
          'Event pattern is not valid. Reason: Filter is not an object',
        );
      }
    }
    const state = (input.State as string | undefined) ?? 'ENABLED';
    if (!RULE_STATES.includes(state))
      throw validation(`Parameter State is not valid: use one of ${RULE_STATES.join(', ')}.`);
    const key = `${bus}/${name}`;
    const arnPath = bus === 'default' ? `rule/${name}` : `rule/${bus}/${name}`;
    const existing = this.rules.get(key);
    const rule: RuleRecord = {
      name,
      bus,
      arn: `arn:aws:events:${this.options.region}:${this.options.accountId}:${arnPath}`,
      state,
      targets: existing?.targets ?? [],
      ...(schedule !== undefined ? { scheduleExpression: schedule } : {}),
      ...(pattern !== undefined ? { eventPattern: pattern } : {}),
      ...(typeof input.Description === 'string' ? { description: input.Description } : {}),
      ...(typeof input.RoleArn === 'string' ? { roleArn: input.RoleArn } : {}),
    };
    this.rules.set(key, rule);
    return { RuleArn: rule.arn };
  }

  private describeRule(input: Json): unknown {
    const rule = this.ruleOf(input, 'Name');
    return {
      Name: rule.name,
      Arn: rule.arn,
      State: rule.state,
      EventBusName: rule.bus,
      CreatedBy: this.options.accountId,
      ...(rule.scheduleExpression !== undefined ? { ScheduleExpression: rule.scheduleExpression } : {}),
      ...(rule.eventPattern !== undefined ? { EventPattern: rule.eventPattern } : {}),
      ...(rule.description !== undefined ? { Description: rule.description } : {}),
      ...(rule.roleArn !== undefined ? { RoleArn: rule.roleArn } : {}),
    };
  }

  private putTargets(input: Json): unknown {
    const rule = this.ruleOf(input, 'Rule');
    const targets = input.Targets;
    if (!Array.isArray(targets) || targets.length === 0 || targets.length > TARGETS_PER_CALL) {
      throw validation(
        `1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length less than or equal to ${TARGETS_PER_CALL} and greater than or equal to 1`,
      );
    }
    // Every target is checked before any is written: a refused call changes nothing.
    const checked = targets.map((value) => checkTarget(value));
    const ids = new Set(rule.targets.map((target) => target.Id));
    for (const target of checked) ids.add(target.Id);
    if (ids.size > TARGETS_PER_RULE) {
      throw new AwsServiceError(
        'LimitExceededException',
        `The requested resource exceeds the maximum number allowed: a rule has at most ${TARGETS_PER_RULE} targets.`,
      );
    }
    for (const target of checked) {
      const index = rule.targets.findIndex((existing) => existing.Id === target.Id);
      // PutTargets replaces a target with the same Id whole: members not sent are gone.
      if (index >= 0) rule.targets[index] = target;
      else rule.targets.push(target);
    }
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  private listTargetsByRule(input: Json): unknown {
    const rule = this.ruleOf(input, 'Rule');
    const limit = input.Limit === undefined ? 100 : Number(input.Limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw validation('Parameter Limit is not valid.');
    const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
    if (!Number.isInteger(start) || start < 0) throw validation('The NextToken is not valid.');
    const page = rule.targets.slice(start, start + limit);
    const next = start + limit < rule.targets.length ? { NextToken: String(start + limit) } : {};
    return { Targets: structuredClone(page), ...next };
  }

  private removeTargets(input: Json): unknown {
    const rule = this.ruleOf(input, 'Rule');
    const ids = input.Ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) {
      throw validation(
        "1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1",
      );
    }
    const failed: Json[] = [];
    for (const id of ids) {
      const index = rule.targets.findIndex((target) => target.Id === id);
      if (index < 0) {
        failed.push({
          TargetId: id,
          ErrorCode: 'ResourceNotFoundException',
          ErrorMessage: `Target ${String(id)} does not exist on rule ${rule.name}.`,
        });
      } else {
        rule.targets.splice(index, 1);
      }
    }
    return { FailedEntryCount: failed.length, FailedEntries: failed };
  }
}

/** One target of PutTargets: Id and Arn required; an ECS cluster target needs RoleArn and EcsParameters. */
function checkTarget(value: unknown): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw validation('A target must be a structure.');
  const target = structuredClone(value) as Json;
  if (typeof target.Id !== 'string' || !NAME.test(target.Id)) {
    throw validation(
      "1 validation error detected: Value at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    );
  }
  if (typeof target.Arn !== 'string' || target.Arn === '') {
    throw validation(`Parameter(s) Arn must be specified for target: ${target.Id}.`);
  }
  if (isClusterArn(target.Arn)) {
    if (typeof target.RoleArn !== 'string' || target.RoleArn === '') {
      throw validation(`Parameter(s) RoleArn must be specified for target: ${target.Id}.`);
    }
    if (target.EcsParameters === undefined) {
      throw validation(`Parameter(s) EcsParameters must be specified for target: ${target.Id}.`);
    }
    target.EcsParameters = checkEcsParameters(target.EcsParameters, target.Id);
  } else if (target.EcsParameters !== undefined) {
    throw validation(`Parameter(s) EcsParameters are valid only for an ECS cluster target: ${target.Id}.`);
  }
  return target;
}
