/**
 * The inputs of an application deploy's record (ecs-deploy-wait's app-file): `application`, and in create mode
 * `targets`, the `targets` output of the ecs-deploy-wait step. That output comes from another step, so it is data:
 * parsed and checked field by field against the rules the records are read back with, never trusted.
 */
import { ConfigurationError, type InputReader, invalidInput, quoteValue } from '@ecs-actions/core';
import { readField } from './place-inputs.js';
import { FIELD_RULES, type Place, type RecordField, TARGET_KINDS, type TargetKind } from './records.js';

/** One target of the deploy as it is recorded: its name, kind, what it is and the revision it runs now. */
export interface TargetRecord {
  target: string;
  kind: TargetKind;
  /** The service, the rule, or the schedule as group/name. */
  resource: string;
  taskDefinitionArn?: string;
}

/** An application has at most this many targets in one record set (a tag message stays readable). */
export const MAX_TARGETS = 100;
/** The statuses of a target that runs this deploy's version now: the only ones a record may say. */
const RECORDED_STATUSES = ['succeeded', 'unchanged'];
const RESOURCE_RULE: Record<TargetKind, RecordField> = { service: 'service', rule: 'rule', schedule: 'schedule' };

/** `application`: the application whose history a lookup reads, or whose deploy create mode records. */
export function readApplication(input: InputReader, place: Place): void {
  const application = readField(input, 'application', 'application');
  if (application !== undefined) place.application = application;
}

/**
 * `targets` (create mode): required with `application`, refused without it, and refused beside the single-service
 * inputs it replaces (`service`, `task-definition-arn`: each target names its own).
 */
export function readTargets(input: InputReader, place: Place): TargetRecord[] | undefined {
  const raw = input.optionalString('targets');
  if (raw === undefined) {
    if (place.application !== undefined) {
      throw new ConfigurationError(
        'Input "application" is set but "targets" is empty: an application deploy is recorded one record per target. Pass the targets output of the ecs-deploy-wait step that deployed the app-file (targets: ${{ steps.deploy.outputs.targets }}), or leave application empty for a single-service deploy.',
      );
    }
    return undefined;
  }
  const shown = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
  if (place.application === undefined) {
    throw invalidInput(
      'targets',
      shown,
      'needs input "application" (the app file\'s application name)',
      'Set application: to the application the targets belong to.',
    );
  }
  for (const name of ['service', 'task-definition-arn'] as const) {
    if (input.optionalString(name) !== undefined) {
      throw invalidInput(
        name,
        input.optionalString(name) ?? '',
        'cannot go with targets: each target names its own service, rule or schedule and task definition',
        `Leave ${name} empty when recording an application deploy.`,
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidInput('targets', shown, 'is not JSON', "Pass ecs-deploy-wait's targets output as it is.");
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > MAX_TARGETS) {
    throw invalidInput(
      'targets',
      shown,
      `must be a JSON list of 1 to ${MAX_TARGETS} targets`,
      "Pass ecs-deploy-wait's targets output as it is.",
    );
  }
  const seen = new Set<string>();
  return parsed.map((entry, index) => {
    const target = checkTarget(entry, index);
    if (seen.has(target.target)) throw badTarget(index, `repeats the target name ${target.target}`);
    seen.add(target.target);
    return target;
  });
}

function checkTarget(entry: unknown, index: number): TargetRecord {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw badTarget(index, 'is not an object');
  const { name, kind, resource, status, taskDefinitionArn } = entry as Record<string, unknown>;
  const text = (value: unknown, field: RecordField, key: string): string => {
    if (typeof value !== 'string' || !FIELD_RULES[field].test(value)) {
      throw badTarget(index, `has an invalid "${key}": it must be ${FIELD_RULES[field].expected}`);
    }
    return value;
  };
  const targetName = text(name, 'target', 'name');
  if (typeof kind !== 'string' || !(TARGET_KINDS as string[]).includes(kind)) {
    throw badTarget(index, `(${targetName}) has an invalid "kind": it must be ${FIELD_RULES.kind.expected}`);
  }
  const targetKind = kind as TargetKind;
  if (typeof status !== 'string' || !RECORDED_STATUSES.includes(status)) {
    throw badTarget(
      index,
      `(${targetName}) has status ${typeof status === 'string' ? quoteValue(status, 40) : '(none)'}: only a deploy whose every target succeeded (or was unchanged) is recorded. Run this step only when the deploy step succeeded`,
    );
  }
  return {
    target: targetName,
    kind: targetKind,
    resource: text(resource, RESOURCE_RULE[targetKind], 'resource'),
    ...(taskDefinitionArn === null || taskDefinitionArn === undefined
      ? {}
      : { taskDefinitionArn: text(taskDefinitionArn, 'taskDefinitionArn', 'taskDefinitionArn') }),
  };
}

function badTarget(index: number, problem: string): ConfigurationError {
  return new ConfigurationError(
    `Input "targets": entry ${index + 1} ${problem}. Pass the targets output of the ecs-deploy-wait step (app-file) as it is.`,
  );
}
