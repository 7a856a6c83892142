/**
 * The registered task definitions, by family and revision: RegisterTaskDefinition, DescribeTaskDefinition,
 * DeregisterTaskDefinition and ListTaskDefinitions, and the lookup of a task definition by ARN, `family:revision`
 * or family that the other operations use.
 */
import type { JsonObject, TaskDefinitionRecord } from './model.js';
import { clientError, includesTags, invalid, listPage, required, str } from './requests.js';
import { buildTaskDefinition, validateRegisterInput } from './task-definitions.js';

export class TaskDefinitionRegistry {
  private readonly taskDefinitions = new Map<string, TaskDefinitionRecord>();
  private readonly families = new Map<string, TaskDefinitionRecord[]>();

  constructor(
    private readonly arnPrefix: string,
    /** Who registers (TaskDefinition.registeredBy). */
    private readonly caller: string,
  ) {}

  register(input: JsonObject, at: number): TaskDefinitionRecord {
    validateRegisterInput(input);
    const family = String(input.family);
    const revisions = this.families.get(family) ?? [];
    const revision = (revisions.at(-1)?.revision ?? 0) + 1;
    const arn = `${this.arnPrefix}:task-definition/${family}:${revision}`;
    const tags = Array.isArray(input.tags) ? (input.tags as { key: string; value: string }[]) : [];
    const record: TaskDefinitionRecord = {
      arn,
      family,
      revision,
      taskDefinition: buildTaskDefinition(input, arn, revision, new Date(at), this.caller),
      tags,
      status: 'ACTIVE',
    };
    revisions.push(record);
    this.families.set(family, revisions);
    this.taskDefinitions.set(arn, record);
    return record;
  }

  /** By full ARN only (what the scheduler resolves). */
  get(arn: string): TaskDefinitionRecord | undefined {
    return this.taskDefinitions.get(arn);
  }

  /** `family`, `family:revision` or the full ARN; a bare family means its latest ACTIVE revision. */
  lookup(reference: string): TaskDefinitionRecord | undefined {
    const text = reference.startsWith('arn:') ? reference.slice(reference.indexOf('task-definition/') + 16) : reference;
    const [family, revision] = text.split(':');
    const revisions = this.families.get(family ?? '') ?? [];
    if (revision === undefined) return revisions.filter((record) => record.status === 'ACTIVE').at(-1);
    return revisions.find((record) => String(record.revision) === revision);
  }

  /** For CreateService/UpdateService (their ClientException messages). */
  forService(reference: string): TaskDefinitionRecord {
    const record = this.lookup(reference);
    if (!record) throw clientError('TaskDefinition not found.');
    if (record.status !== 'ACTIVE') throw clientError('TaskDefinition is inactive');
    return record;
  }

  /** The ARNs of a family's revisions with this status, oldest first. */
  arns(family: string, status: 'ACTIVE' | 'INACTIVE'): string[] {
    return (this.families.get(family) ?? []).filter((record) => record.status === status).map((record) => record.arn);
  }

  /** Every revision with this status, by family name (sorted), oldest revision first. */
  withStatus(status: string, family: string | undefined): TaskDefinitionRecord[] {
    return [...this.families.entries()]
      .filter(([name]) => family === undefined || name === family)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, revisions]) => revisions)
      .filter((record) => record.status === status);
  }
}

// ------------------------------------------------------------------------------------------- operations

export function registerTaskDefinition(registry: TaskDefinitionRegistry, input: JsonObject, now: number): unknown {
  const record = registry.register(input, now);
  return { taskDefinition: record.taskDefinition, tags: record.tags };
}

export function describeTaskDefinition(registry: TaskDefinitionRegistry, input: JsonObject): unknown {
  const reference = required(input, 'taskDefinition');
  const record = registry.lookup(reference);
  // DescribeTaskDefinition of an unknown family/revision: ClientException.
  if (!record) throw clientError('Unable to describe task definition.');
  return includesTags(input)
    ? { taskDefinition: record.taskDefinition, tags: record.tags }
    : { taskDefinition: record.taskDefinition };
}

export function deregisterTaskDefinition(
  registry: TaskDefinitionRegistry,
  input: JsonObject,
  now: () => number,
): unknown {
  const reference = required(input, 'taskDefinition');
  const text = reference.startsWith('arn:') ? reference.slice(reference.indexOf('task-definition/') + 16) : reference;
  // DeregisterTaskDefinition needs `family:revision` or the full ARN.
  if (!/:\d+$/.test(text)) throw clientError(`Invalid revision number. Number: ${text.split(':')[1] ?? ''}`);
  const record = registry.lookup(reference);
  if (!record) throw clientError('Unable to describe task definition.');
  if (record.status === 'ACTIVE') {
    record.status = 'INACTIVE';
    record.taskDefinition.status = 'INACTIVE';
    record.taskDefinition.deregisteredAt = new Date(now());
  }
  return { taskDefinition: record.taskDefinition };
}

export function listTaskDefinitions(registry: TaskDefinitionRegistry, input: JsonObject): unknown {
  const family = str(input, 'familyPrefix');
  const status = str(input, 'status') ?? 'ACTIVE';
  const sort = str(input, 'sort') ?? 'ASC';
  if (!['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'].includes(status)) throw invalid(`Invalid status: ${status}`);
  if (sort !== 'ASC' && sort !== 'DESC') throw invalid(`Invalid sort: ${sort}`);
  // familyPrefix is the full family name (ListTaskDefinitions request parameters).
  const records = registry.withStatus(status, family);
  if (sort === 'DESC') records.reverse();
  const arns = records.map((record) => record.arn);
  return listPage('taskDefinitionArns', arns, input, 100, 100);
}
