/**
 * Scheduled tasks of an application: EventBridge rules with ECS targets and EventBridge Scheduler schedules.
 * Read before any change (what each runs now, kept whole), pointed at the new revision (PutTargets with every other
 * member of the target as ListTargetsByRule returned it; UpdateSchedule re-sending the whole schedule, since it
 * replaces it), and put back to what they were, unless another run has changed them since (superseded).
 */

import { isDeepStrictEqual } from 'node:util';
import {
  type EventBridgeClient,
  ListTargetsByRuleCommand,
  PutTargetsCommand,
  type Target as RuleTargetShape,
} from '@aws-sdk/client-eventbridge';
import {
  GetScheduleCommand,
  type GetScheduleCommandOutput,
  type SchedulerClient,
  UpdateScheduleCommand,
  type UpdateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { errorCode } from '@ecs-actions/core/ecs';
import type { RuleTarget, ScheduleTarget } from './app-file.js';

export interface ScheduledClients {
  events: () => Promise<EventBridgeClient>;
  scheduler: () => Promise<SchedulerClient>;
  region: string;
}

/**
 * Each EventBridge or Scheduler call is bounded: a call that hangs must not hold the step, least of all a put-back
 * (which the job's cancel does not abort either: putting targets back is what a cancelled deploy still owes).
 */
const CALL_MS = 30_000;
const bounded = () => ({ abortSignal: AbortSignal.timeout(CALL_MS) });

/** What a rule or schedule ran before this step: enough to put it back exactly. */
export type ScheduledBefore =
  | { kind: 'rule'; target: RuleTarget; family: string; targets: RuleTargetShape[] }
  | { kind: 'schedule'; target: ScheduleTarget; family: string; schedule: GetScheduleCommandOutput };

const familyOf = (arn: string | undefined) => arn?.slice(arn.lastIndexOf('/') + 1).replace(/:\d+$/, '');

/** An AWS error of a scheduled target's call, as one sentence naming the action and the target. */
export function scheduledError(action: string, what: string, error: unknown): Error {
  const code = errorCode(error);
  return new Error(`${action} for ${what} failed: ${code ? `${code}: ` : ''}${errorMessage(error)}`);
}

/** The rule's ECS targets this deploy changes: targetId's, or every one that runs the family. */
function ruleTargetsOf(
  before: Extract<ScheduledBefore, { kind: 'rule' }>['targets'],
  target: RuleTarget,
  family: string,
) {
  return before.filter((candidate) =>
    target.targetId
      ? candidate.Id === target.targetId
      : familyOf(candidate.EcsParameters?.TaskDefinitionArn) === family,
  );
}

/** Every target of the rule, all pages. */
async function listRuleTargets(clients: ScheduledClients, target: RuleTarget): Promise<RuleTargetShape[]> {
  const events = await clients.events();
  const targets: RuleTargetShape[] = [];
  let token: string | undefined;
  do {
    const page = await events
      .send(
        new ListTargetsByRuleCommand({
          Rule: target.rule,
          EventBusName: target.eventBus,
          ...(token ? { NextToken: token } : {}),
        }),
        bounded(),
      )
      .catch((error: unknown) => {
        throw scheduledError('events:ListTargetsByRule', `rule ${target.rule}`, error);
      });
    targets.push(...(page.Targets ?? []));
    token = page.NextToken;
  } while (token);
  return targets;
}

/** Reads a rule's targets or a schedule before any change; a target that runs no such ECS task is refused. */
export async function readScheduled(
  clients: ScheduledClients,
  target: RuleTarget | ScheduleTarget,
  family: string,
): Promise<ScheduledBefore> {
  if (target.kind === 'rule') {
    const targets = await listRuleTargets(clients, target);
    const ours = ruleTargetsOf(targets, target, family);
    if (ours.length === 0 || ours.some((t) => !t.EcsParameters)) {
      throw new ConfigurationError(
        `Rule ${target.rule} (event bus ${target.eventBus}, target "${target.name}" of the app file) has no ECS target ${target.targetId ? `with Id ${target.targetId}` : `that runs family ${family}`} (it has ${targets.map((t) => t.Id).join(', ') || 'no targets'}). Nothing was changed. Add the target to the rule first (PutTargets), or set targetId.`,
      );
    }
    return { kind: 'rule', target, family, targets };
  }
  const scheduler = await clients.scheduler();
  const schedule = await scheduler
    .send(new GetScheduleCommand({ Name: target.schedule, GroupName: target.group }), bounded())
    .catch((error: unknown) => {
      throw scheduledError('scheduler:GetSchedule', `schedule ${target.group}/${target.schedule}`, error);
    });
  if (!schedule.Target?.EcsParameters?.TaskDefinitionArn) {
    throw new ConfigurationError(
      `Schedule ${target.group}/${target.schedule} (target "${target.name}" of the app file) has no ECS target (its target is ${schedule.Target?.Arn ?? 'missing'}). Nothing was changed.`,
    );
  }
  return { kind: 'schedule', target, family, schedule };
}

/**
 * What each ECS target this run changed runs now, read fresh, by target Id (a schedule's under ""): for a rule, each
 * target it changed is looked up by its Id among all the rule's targets, so one another run moved to another family
 * still counts as changed by that run. undefined: the target is gone (or the schedule no longer runs an ECS task).
 */
export async function runningNow(
  clients: ScheduledClients,
  before: ScheduledBefore,
  ours: string,
): Promise<{ running: Map<string, string | undefined>; editedSince?: string }> {
  if (before.kind === 'schedule') {
    const now = await readScheduled(clients, before.target, before.family).catch((error: unknown) => {
      if (error instanceof ConfigurationError) return undefined;
      throw error;
    });
    const schedule = now?.kind === 'schedule' ? now.schedule : undefined;
    const arn = schedule?.Target?.EcsParameters?.TaskDefinitionArn;
    // Still ours, but someone changed another member since (UpdateSchedule replaces the whole schedule, so a
    // put-back would undo that change too).
    const edited =
      schedule && arn === ours
        ? editedMembers(scheduleInput(before, ours), scheduleInput({ ...before, schedule }))
        : [];
    return {
      running: new Map([['', arn]]),
      ...(edited.length ? { editedSince: `${edited.join(', ')} changed since this run wrote it` } : {}),
    };
  }
  const now = await listRuleTargets(clients, before.target);
  return {
    running: new Map(
      ruleTargetsOf(before.targets, before.target, before.family).map((changed) => [
        changed.Id ?? '',
        now.find((t) => t.Id === changed.Id)?.EcsParameters?.TaskDefinitionArn,
      ]),
    ),
  };
}

/** The members of an UpdateSchedule request that differ between two. */
function editedMembers(wrote: UpdateScheduleCommandInput, now: UpdateScheduleCommandInput): string[] {
  const keys = new Set([...Object.keys(wrote), ...Object.keys(now)]) as Set<keyof UpdateScheduleCommandInput>;
  return [...keys].filter((key) => !isDeepStrictEqual(wrote[key], now[key]));
}

/** What each target this run changed ran before it, keyed as runningNow keys them. */
export function previousArns(before: ScheduledBefore): Map<string, string | undefined> {
  if (before.kind === 'schedule') return new Map([['', previousArnOf(before)]]);
  return new Map(
    ruleTargetsOf(before.targets, before.target, before.family).map((t) => [
      t.Id ?? '',
      t.EcsParameters?.TaskDefinitionArn,
    ]),
  );
}

/**
 * Points the rule's targets or the schedule at `arn` (or, to put back, at what `before` held when `arn` is undefined;
 * for a rule only the targets of `onlyIds` when given: the others another run has changed since).
 */
export async function writeScheduled(
  clients: ScheduledClients,
  before: ScheduledBefore,
  arn?: string,
  onlyIds?: string[],
): Promise<void> {
  if (before.kind === 'rule') {
    const { target } = before;
    const changed = ruleTargetsOf(before.targets, target, before.family)
      .filter((t) => !onlyIds || onlyIds.includes(t.Id ?? ''))
      .map((t) => (arn ? { ...t, EcsParameters: { ...t.EcsParameters, TaskDefinitionArn: arn } } : t));
    const events = await clients.events();
    const answer = await events
      .send(
        new PutTargetsCommand({
          Rule: target.rule,
          EventBusName: target.eventBus,
          Targets: changed as RuleTargetShape[],
        }),
        bounded(),
      )
      .catch((error: unknown) => {
        throw scheduledError('events:PutTargets', `rule ${target.rule}`, error);
      });
    if ((answer.FailedEntryCount ?? 0) > 0) {
      const failed = (answer.FailedEntries ?? [])
        .map((f) => `${f.TargetId}: ${f.ErrorCode} ${f.ErrorMessage}`)
        .join('; ');
      throw new Error(
        `events:PutTargets for rule ${target.rule} failed for ${answer.FailedEntryCount} target(s): ${failed}`,
      );
    }
    return;
  }
  const input = scheduleInput(before, arn);
  const scheduler = await clients.scheduler();
  await scheduler.send(new UpdateScheduleCommand(input), bounded()).catch((error: unknown) => {
    throw scheduledError(
      'scheduler:UpdateSchedule',
      `schedule ${before.target.group}/${before.target.schedule}`,
      error,
    );
  });
}

/** The task definition a scheduled target ran before this step (the first changed rule target's). */
export function previousArnOf(before: ScheduledBefore): string | undefined {
  if (before.kind === 'schedule') return before.schedule.Target?.EcsParameters?.TaskDefinitionArn;
  return ruleTargetsOf(before.targets, before.target, before.family)[0]?.EcsParameters?.TaskDefinitionArn;
}

/** UpdateSchedule's request: every member GetSchedule returned sent again (it replaces the whole schedule), at `arn`. */
function scheduleInput(
  before: Extract<ScheduledBefore, { kind: 'schedule' }>,
  arn?: string,
): UpdateScheduleCommandInput {
  const { schedule, target } = before;
  // UpdateSchedule replaces the whole schedule: every member GetSchedule returned is sent again.
  return {
    Name: target.schedule,
    GroupName: target.group,
    ScheduleExpression: schedule.ScheduleExpression,
    FlexibleTimeWindow: schedule.FlexibleTimeWindow,
    Target: arn
      ? { ...schedule.Target, EcsParameters: { ...schedule.Target?.EcsParameters, TaskDefinitionArn: arn } }
      : schedule.Target,
    ...(schedule.ScheduleExpressionTimezone ? { ScheduleExpressionTimezone: schedule.ScheduleExpressionTimezone } : {}),
    ...(schedule.StartDate ? { StartDate: schedule.StartDate } : {}),
    ...(schedule.EndDate ? { EndDate: schedule.EndDate } : {}),
    ...(schedule.Description !== undefined ? { Description: schedule.Description } : {}),
    ...(schedule.State ? { State: schedule.State } : {}),
    ...(schedule.KmsKeyArn ? { KmsKeyArn: schedule.KmsKeyArn } : {}),
    ...(schedule.ActionAfterCompletion ? { ActionAfterCompletion: schedule.ActionAfterCompletion } : {}),
  } as UpdateScheduleCommandInput;
}
