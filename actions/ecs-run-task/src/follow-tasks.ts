/**
 * Following started tasks to STOPPED: DescribeTasks every poll interval (a line per status change, the containers'
 * new log lines in between), until every task stopped, the timeout passed or the job was cancelled.
 */
import { type Container, DescribeTasksCommand, StopTaskCommand, type Task } from '@aws-sdk/client-ecs';
import { errorMessage, explainAccessError, isAccessError } from '@ecs-actions/core';
import type { RunTaskInputs } from './inputs.js';
import type { LogTail } from './log-tail.js';
import type { RunTaskDeps, TaskOutcome } from './types.js';

/** DescribeTasks polls that may fail in a row (after the SDK's own retries) before the step gives up. */
const MAX_FAILED_POLLS = 5;

export const taskId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export function outcome(task: Task, essentials: ReadonlyMap<string, boolean>): TaskOutcome {
  const arn = task.taskArn ?? '';
  return {
    arn,
    id: taskId(arn),
    lastStatus: task.lastStatus ?? 'UNKNOWN',
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    containers: (task.containers ?? []).map((container: Container) => ({
      name: container.name ?? '',
      essential: essentials.get(container.name ?? '') ?? true,
      exitCode: container.exitCode,
      reason: container.reason,
    })),
  };
}

/** StopTask for each task, a line each; a failure to stop is a warning that says to stop it by hand. */
export async function stopTasks(
  deps: RunTaskDeps,
  cluster: string,
  arns: readonly string[],
  reason: string,
): Promise<void> {
  for (const arn of arns) {
    try {
      await deps.ecs.send(new StopTaskCommand({ cluster, task: arn, reason }));
      deps.log.info(`Stopped task ${taskId(arn)} (StopTask): ${reason}`);
    } catch (error) {
      deps.log.warning(`StopTask of ${arn} failed: ${errorMessage(error)}. Stop it in the ECS console.`);
    }
  }
}

export interface Followed {
  tasks: TaskOutcome[];
  /** Set when the tasks were left before they all stopped. */
  ending?: 'timed-out' | 'cancelled';
}

/** Follows `started` until every task stopped, `deadline` (clock time) passed or the job was cancelled. */
export async function followTasks(
  inputs: RunTaskInputs,
  deps: RunTaskDeps,
  started: TaskOutcome[],
  essentials: ReadonlyMap<string, boolean>,
  deadline: number,
  tail: LogTail | undefined,
): Promise<Followed> {
  const { clock, log } = deps;
  const seen = new Map<string, string>();
  let latest = started;
  for (const task of latest) {
    seen.set(task.arn, task.lastStatus);
    log.info(`task ${task.id}: ${task.lastStatus}`);
  }
  const arns = latest.map((task) => task.arn);
  let failedPolls = 0;
  while (latest.some((task) => task.lastStatus !== 'STOPPED')) {
    if (deps.signal?.aborted) return { tasks: latest, ending: 'cancelled' };
    if (clock.now() >= deadline) return { tasks: latest, ending: 'timed-out' };
    try {
      await deps.sleep(Math.min(inputs.pollIntervalMs, Math.max(0, deadline - clock.now())), deps.signal);
    } catch (error) {
      if (deps.signal?.aborted) return { tasks: latest, ending: 'cancelled' };
      throw error;
    }
    let described: Task[];
    try {
      described = (await deps.ecs.send(new DescribeTasksCommand({ cluster: inputs.cluster, tasks: arns }))).tasks ?? [];
      failedPolls = 0;
    } catch (error) {
      // The SDK has retried already. A few failed polls in a row are waited out; an access error, or more, end
      // the step, and the tasks are stopped first: a step that failed leaves nothing running.
      failedPolls += 1;
      if (!isAccessError(error) && failedPolls < MAX_FAILED_POLLS) {
        log.warning(`DescribeTasks failed (${failedPolls} in a row): ${errorMessage(error)}. Asking again.`);
        continue;
      }
      const running = latest.filter((task) => task.lastStatus !== 'STOPPED').map((task) => task.arn);
      await stopTasks(deps, inputs.cluster, running, 'ecs-run-task: the step could not follow the task');
      throw (
        explainAccessError(error, { action: 'ecs:DescribeTasks', resource: inputs.cluster, region: deps.region }) ??
        error
      );
    }
    const byArn = new Map(described.map((task) => [task.taskArn ?? '', task]));
    latest = latest.map((previous) => {
      const task = byArn.get(previous.arn);
      return task ? outcome(task, essentials) : previous;
    });
    for (const task of latest) {
      const before = seen.get(task.arn);
      if (before !== task.lastStatus) {
        log.info(`task ${task.id}: ${before ?? '?'} → ${task.lastStatus}`);
        seen.set(task.arn, task.lastStatus);
      }
    }
    await tail?.poll(latest);
  }
  // What the containers wrote last, after they stopped.
  await tail?.poll(latest, true);
  return { tasks: latest };
}
