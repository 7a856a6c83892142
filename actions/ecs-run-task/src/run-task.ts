/**
 * Runs one-off ECS tasks and follows them to STOPPED: the task definition (a rendered file registered first, or an
 * existing revision), RunTask (its failures array is an error, nothing is left running), the tasks followed with
 * their containers' log lines (follow-tasks, log-tail), StopTask on timeout or cancel, and a failed task's last log
 * lines in the result.
 */

import { randomUUID } from 'node:crypto';
import { type Failure, RunTaskCommand, type RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { ConfigurationError, formatDuration } from '@ecs-actions/core';
import { awslogsConfigs, formatContainerLogs } from '@ecs-actions/core/ecs';
import type { VerifyTarget } from '@ecs-actions/core/verify';
import { type Followed, followTasks, outcome, stopTasks, taskId } from './follow-tasks.js';
import type { RunTaskInputs } from './inputs.js';
import { LogTail } from './log-tail.js';
import { explainCall, placement } from './placement.js';
import { RegistrationInterrupted, type TaskDefinitionToRun, taskDefinitionToRun } from './task-definition.js';
import type { RunTaskDeps, RunTaskResult, TaskOutcome } from './types.js';
import { verifyBeforeRun } from './verify.js';

export type { RunStatus, RunTaskDeps, RunTaskResult, TaskOutcome } from './types.js';

/** What a RunTask failure reason means (developer guide, "Amazon ECS API failure reasons"). */
const FAILURE_HINTS: Record<string, string> = {
  MISSING: 'the cluster or a resource it needs was not found; check cluster and region',
  AGENT: 'the container instance it chose has a disconnected ECS agent',
  'RESOURCE:MEMORY': 'no container instance has the memory the task definition asks for; check the capacity provider',
  'RESOURCE:CPU': 'no container instance has the CPU the task definition asks for; check the capacity provider',
  'RESOURCE:PORTS': 'the ports the task needs are taken on every container instance',
  'RESOURCE:ENI': 'no container instance has an elastic network interface left for an awsvpc task',
  ATTRIBUTE: 'no container instance has an attribute the task definition requires',
};

/** The essential container's exit code: the first non-zero one, else the first one known. */
export function exitCodeOf(tasks: readonly TaskOutcome[]): number | undefined {
  const codes = tasks.flatMap((task) =>
    task.containers.filter((c) => c.essential && c.exitCode !== undefined).map((c) => c.exitCode as number),
  );
  return codes.find((code) => code !== 0) ?? codes[0];
}

/** Why a stopped task failed, or undefined when every essential container exited 0. */
export function taskProblem(task: TaskOutcome): string | undefined {
  const essentials = task.containers.filter((c) => c.essential);
  const bad = essentials.filter((c) => c.exitCode !== 0);
  if (task.stopCode === 'EssentialContainerExited' && essentials.length > 0 && bad.length === 0) return undefined;
  const containers = bad
    .map(
      (c) =>
        `container ${c.name} ${c.exitCode === undefined ? 'has no exit code' : `exited ${c.exitCode}`}${c.reason ? ` (${c.reason})` : ''}`,
    )
    .join(', ');
  return `task ${task.id} stopped (${task.stopCode ?? 'no stop code'}: ${task.stoppedReason ?? 'no reason given'})${containers ? `: ${containers}` : ''}`;
}

function runTaskRequest(
  inputs: RunTaskInputs,
  definition: TaskDefinitionToRun,
  where: Awaited<ReturnType<typeof placement>>,
): RunTaskCommandInput {
  return {
    cluster: inputs.cluster,
    taskDefinition: definition.arn,
    count: inputs.count,
    startedBy: inputs.startedBy,
    clientToken: randomUUID(),
    ...where,
    ...(inputs.containerOverride ? { overrides: { containerOverrides: [inputs.containerOverride] } } : {}),
    ...(inputs.tags.length > 0 ? { tags: inputs.tags } : {}),
  };
}

/** How a run ended, without what every result carries (cluster, task definition, task ARNs, duration). */
type Ending = Omit<RunTaskResult, 'cluster' | 'taskDefinitionArn' | 'taskArns' | 'durationMs'>;

/** RunTask answered with failures: the tasks it did start are stopped, and the reasons are the message. */
async function startFailure(
  inputs: RunTaskInputs,
  deps: RunTaskDeps,
  taskDefinitionArn: string,
  taskArns: readonly string[],
  failures: readonly Failure[],
): Promise<Ending> {
  // Part of the count may have started: stop those, so that a half-run job is not left behind.
  await stopTasks(deps, inputs.cluster, taskArns, 'ecs-run-task: RunTask could not start every task');
  const reasons = failures
    .map((f) => {
      const hint = FAILURE_HINTS[f.reason ?? ''] ?? FAILURE_HINTS[(f.reason ?? '').split(':')[0] ?? ''];
      return `${f.reason ?? 'unknown reason'} (${f.arn ?? 'no arn'})${f.detail ? ` ${f.detail}` : ''}${hint ? `: ${hint}` : ''}`;
    })
    .join('; ');
  return {
    status: 'failed',
    message: `RunTask of ${taskDefinitionArn} in cluster ${inputs.cluster} could not start ${failures.length} of ${inputs.count} tasks: ${reasons}.${taskArns.length > 0 ? ` The ${taskArns.length} started were stopped.` : ''}`,
    exitCode: undefined,
    tasks: [],
  };
}

/** Left before every task stopped (timeout or cancel): the running ones are stopped. */
async function stoppedEarly(
  inputs: RunTaskInputs,
  deps: RunTaskDeps,
  followed: Required<Followed>,
  tail: LogTail | undefined,
): Promise<Ending> {
  const latest = followed.tasks;
  const running = latest.filter((task) => task.lastStatus !== 'STOPPED').map((task) => task.arn);
  const timedOut = followed.ending === 'timed-out';
  const limit = formatDuration(inputs.timeoutMs);
  await stopTasks(
    deps,
    inputs.cluster,
    running,
    timedOut ? `ecs-run-task: timed out after ${limit}` : 'ecs-run-task: the GitHub Actions job was cancelled',
  );
  return {
    status: followed.ending,
    message: timedOut
      ? `The task(s) did not stop within the timeout (${limit}); stopped ${running.map(taskId).join(', ')} with StopTask. Raise timeout if the job needs longer.`
      : `The job was cancelled; stopped ${running.map(taskId).join(', ') || 'no task (all had stopped)'} with StopTask.`,
    exitCode: exitCodeOf(latest),
    // A task that ran too long may have said why in its last lines.
    tasks: timedOut && tail ? latest.map((task) => ({ ...task, logs: tail.logsOf(task) })) : latest,
  };
}

/** Every task stopped: each container's exit code; a failed task's last log lines again, next to why it stopped. */
function finished(
  deps: RunTaskDeps,
  taskDefinitionArn: string,
  latest: TaskOutcome[],
  tail: LogTail | undefined,
  took: string,
): Ending {
  const { log } = deps;
  for (const task of latest) {
    for (const container of task.containers) {
      log.info(
        `task ${task.id}: container ${container.name}${container.essential ? '' : ' (not essential)'} exit code ${container.exitCode ?? 'none'}${container.reason ? ` (${container.reason})` : ''}`,
      );
    }
  }
  const problems = latest.map(taskProblem).filter((problem) => problem !== undefined);
  const count = latest.length;
  if (problems.length === 0) {
    return {
      status: 'succeeded',
      message: `${count === 1 ? 'The task' : `All ${count} tasks`} of ${taskDefinitionArn} exited 0 (${took}).`,
      exitCode: exitCodeOf(latest),
      tasks: latest,
    };
  }
  const reported = latest.map((task) => (taskProblem(task) && tail ? { ...task, logs: tail.logsOf(task) } : task));
  for (const task of reported) {
    if (!task.logs?.length) continue;
    log.info(`task ${task.id}:`);
    for (const line of formatContainerLogs(task.logs)) log.info(line);
  }
  return {
    status: 'failed',
    message: `${count === 1 ? 'The task' : `${problems.length} of ${count} tasks`} of ${taskDefinitionArn} failed: ${problems.join('; ')}.`,
    exitCode: exitCodeOf(latest),
    tasks: reported,
  };
}

export async function runTask(inputs: RunTaskInputs, deps: RunTaskDeps): Promise<RunTaskResult> {
  const { ecs, log, clock, region } = deps;
  const started = clock.now();
  const result = (taskDefinitionArn: string, taskArns: string[], ending: Ending): RunTaskResult => ({
    cluster: inputs.cluster,
    taskDefinitionArn,
    taskArns,
    ...ending,
    durationMs: clock.now() - started,
  });
  const notStarted = (taskDefinitionArn: string, message: string) =>
    result(taskDefinitionArn, [], { status: 'cancelled', message, exitCode: undefined, tasks: [] });

  // The task definition first: registered (a file) or described; it says which containers are essential and how
  // they log.
  let definition: TaskDefinitionToRun;
  const source = inputs.taskDefinition;
  // Verify before any write: a file before it is registered, a registered revision once described.
  if (source.kind === 'file')
    await verifyBeforeRun(inputs, deps, source.rendered.request as VerifyTarget['taskDefinition']);
  try {
    definition = await taskDefinitionToRun(inputs, deps);
  } catch (error) {
    if (error instanceof RegistrationInterrupted) return notStarted('', error.message);
    throw error;
  }
  if (source.kind !== 'file') await verifyBeforeRun(inputs, deps, definition.verified);
  const taskDefinitionArn = definition.arn;
  const essentials = new Map<string, boolean>(definition.containers.map((c) => [c.name ?? '', c.essential !== false]));
  if (inputs.containerOverride && !essentials.has(inputs.containerOverride.name)) {
    throw new ConfigurationError(
      `Input "container-name": ${JSON.stringify(inputs.containerOverride.name)} is not a container of ${taskDefinitionArn}. Its containers: ${[...essentials.keys()].join(', ')}.`,
    );
  }

  const where = await placement(inputs, deps, (definition.networkMode ?? 'awsvpc') === 'awsvpc');
  if (deps.signal?.aborted) {
    return notStarted(taskDefinitionArn, 'The job was cancelled before RunTask; no task was started.');
  }
  const answer = await explainCall('ecs:RunTask', inputs.cluster, region, () =>
    ecs.send(new RunTaskCommand(runTaskRequest(inputs, definition, where))),
  );
  const taskArns = (answer.tasks ?? []).map((task) => task.taskArn ?? '').filter((arn) => arn !== '');
  const failures = answer.failures ?? [];
  if (failures.length > 0) {
    return result(taskDefinitionArn, taskArns, await startFailure(inputs, deps, taskDefinitionArn, taskArns, failures));
  }
  log.info(`Started ${taskArns.map(taskId).join(', ')} of ${taskDefinitionArn} in cluster ${inputs.cluster}.`);
  const startedTasks = (answer.tasks ?? []).map((task) => outcome(task, essentials));
  if (!inputs.wait) {
    return result(taskDefinitionArn, taskArns, {
      status: 'started',
      message: `Started ${taskArns.length} task(s) of ${taskDefinitionArn}; not waiting for them (wait: false).`,
      exitCode: undefined,
      tasks: startedTasks,
    });
  }

  const configs = awslogsConfigs(definition.containers, region);
  const tail =
    deps.logs && configs.length > 0
      ? new LogTail(
          configs,
          { logs: deps.logs, log, ...(deps.signal ? { signal: deps.signal } : {}) },
          taskArns.length > 1,
        )
      : undefined;
  const followed = await followTasks(inputs, deps, startedTasks, essentials, started + inputs.timeoutMs, tail);
  if (followed.ending) {
    const ending = followed.ending;
    return result(taskDefinitionArn, taskArns, await stoppedEarly(inputs, deps, { ...followed, ending }, tail));
  }
  const took = formatDuration(Math.round((clock.now() - started) / 1000) * 1000);
  return result(taskDefinitionArn, taskArns, finished(deps, taskDefinitionArn, followed.tasks, tail, took));
}
