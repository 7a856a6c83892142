/**
 * Follows one CodeDeploy deployment to its end with the shared watch loop: GetDeployment every poll and, once it has
 * started, its ECS target (ListDeploymentTargets once, then GetDeploymentTarget), printing each change of status,
 * of a lifecycle event, and of the traffic split between the original (Blue) and replacement (Green) task sets.
 */
import {
  type DeploymentInfo,
  type ECSTarget,
  GetDeploymentCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import { formatDuration } from '@ecs-actions/core';
import { errorCode } from '../aws-errors.js';
import { watch } from '../follow/watch.js';
import type { CallLimits, DeploySession } from '../session.js';
import { type CodeDeployClients, codedeployCall } from './calls.js';

export interface CodeDeployState {
  info: DeploymentInfo;
  target?: ECSTarget;
}

export type CodeDeployOutcome = (
  | { kind: 'succeeded' | 'failed' | 'stopped'; state: CodeDeployState }
  | { kind: 'timed-out'; state?: CodeDeployState; stalled?: string }
) & {
  /** The replacement (Green) task set, as last seen (its tasks' `startedBy` is its id; it may be gone by the end). */
  replacementTaskSetId?: string;
};

const ENDED: Record<string, 'succeeded' | 'failed' | 'stopped'> = {
  Succeeded: 'succeeded',
  Failed: 'failed',
  Stopped: 'stopped',
};

/** GetDeployment and, once the deployment has started, its one ECS target. */
export async function readDeployment(
  session: DeploySession,
  clients: CodeDeployClients,
  deploymentId: string,
  limits: CallLimits,
  targetIds: Map<string, string>,
): Promise<CodeDeployState> {
  const { deploymentInfo } = await codedeployCall(
    session,
    'GetDeployment',
    (o) => clients.client.send(new GetDeploymentCommand({ deploymentId }), o),
    limits,
  );
  const info = deploymentInfo ?? {};
  if (info.status === 'Created' || info.status === 'Queued') return { info };
  let targetId = targetIds.get(deploymentId);
  if (!targetId) {
    try {
      const listed = await codedeployCall(
        session,
        'ListDeploymentTargets',
        (o) => clients.client.send(new ListDeploymentTargetsCommand({ deploymentId }), o),
        limits,
      );
      targetId = listed.targetIds?.[0];
    } catch (error) {
      // Started between the two calls as CodeDeploy sees it: the target shows up on the next poll.
      if (errorCode(error) === 'DeploymentNotStartedException') return { info };
      throw error;
    }
    if (!targetId) return { info };
    targetIds.set(deploymentId, targetId);
  }
  const { deploymentTarget } = await codedeployCall(
    session,
    'GetDeploymentTarget',
    (o) => clients.client.send(new GetDeploymentTargetCommand({ deploymentId, targetId }), o),
    limits,
  );
  session.timeline.observeCodeDeploy(deploymentTarget?.ecsTarget?.lifecycleEvents);
  return deploymentTarget?.ecsTarget ? { info, target: deploymentTarget.ecsTarget } : { info };
}

/** Follows the deployment until it succeeds, fails or is stopped, or `timeoutMs` passes. */
export async function followDeployment(
  session: DeploySession,
  clients: CodeDeployClients,
  deploymentId: string,
  timeoutMs: number,
  label: string,
): Promise<CodeDeployOutcome> {
  const printed = new Map<string, string>();
  const targetIds = new Map<string, string>();
  let last: CodeDeployState | undefined;
  let green: string | undefined;
  const seen = () => (green ? { replacementTaskSetId: green } : {});
  const say = (key: string, line: string) => {
    if (printed.get(key) === line) return;
    printed.set(key, line);
    session.log.info(`[${session.elapsed()}] ${line}`);
  };
  return watch<CodeDeployState, CodeDeployOutcome>(session, {
    operation: 'codedeploy:GetDeployment',
    timeoutMs,
    read: (limits) => readDeployment(session, clients, deploymentId, limits, targetIds),
    judge: (state) => {
      last = state;
      green = replacementTaskSet(state) ?? green;
      const { info, target } = state;
      say('status', `CodeDeploy deployment ${deploymentId} (${label}): ${info.status ?? 'unknown'}`);
      for (const line of lifecycleLines(target)) say(line.key, line.text);
      const traffic = trafficLine(target);
      if (traffic) say('traffic', traffic);
      const ended = ENDED[info.status ?? ''];
      return ended ? { kind: ended, state, ...seen() } : undefined;
    },
    timedOut: (stalled) => ({
      kind: 'timed-out',
      ...(last ? { state: last } : {}),
      ...(stalled ? { stalled } : {}),
      ...seen(),
    }),
  });
}

function lifecycleLines(target: ECSTarget | undefined): { key: string; text: string }[] {
  const events = target?.lifecycleEvents ?? [];
  const lines = events
    .filter((event) => event.status && event.status !== 'Pending' && event.status !== 'Skipped')
    .map((event) => {
      const took =
        event.startTime && event.endTime
          ? ` (${formatDuration(event.endTime.getTime() - event.startTime.getTime())})`
          : '';
      const why = event.diagnostics?.message ? `: ${event.diagnostics.message}` : '';
      return {
        key: `event ${event.lifecycleEventName}`,
        text: `lifecycle event ${event.lifecycleEventName}: ${event.status}${event.status === 'InProgress' ? '' : took}${why}`,
      };
    });
  // Events CodeDeploy skipped (after a failure, or in a rollback) on one line.
  const skipped = events.filter((event) => event.status === 'Skipped').map((event) => event.lifecycleEventName);
  if (skipped.length > 0) lines.push({ key: 'skipped', text: `lifecycle events skipped: ${skipped.join(', ')}` });
  return lines;
}

/** "traffic: Blue 100% (ecs-svc/1…: 2/2 running), Green 0% (ecs-svc/2…: 1/2 running, 1 pending)". */
function trafficLine(target: ECSTarget | undefined): string | undefined {
  const sets = target?.taskSetsInfo ?? [];
  if (sets.length === 0) return undefined;
  const parts = sets.map((set) => {
    const pending = set.pendingCount ? `, ${set.pendingCount} pending` : '';
    return `${set.taskSetLabel ?? '?'} ${set.trafficWeight ?? 0}% (task set ${set.identifer ?? '?'} ${set.status ?? ''}: ${set.runningCount ?? 0}/${set.desiredCount ?? 0} running${pending})`;
  });
  return `traffic: ${parts.join(', ')}`;
}

/** The replacement (Green) task set of a deployment's target: its tasks' `startedBy` is its id. */
export function replacementTaskSet(state: CodeDeployState | undefined): string | undefined {
  return state?.target?.taskSetsInfo?.find((set) => set.taskSetLabel === 'Green')?.identifer;
}
