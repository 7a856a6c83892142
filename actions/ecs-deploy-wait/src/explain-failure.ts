/**
 * After our deployment failed, timed out or was replaced: the stopped tasks of our deployment (with the last log lines
 * of their awslogs containers), the service events
 * since the update, and the service deployment detail (circuit breaker, rollback), where the API answers. Each
 * piece is best effort: a failure to read it is a note, not the error of the step. Every read takes its share of the
 * report's own budget (wrap-up.ts), which the rollback never shares; the report ends naming the reads it went
 * without.
 */
import {
  DescribeServiceDeploymentsCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
import { attachAppLogs, formatAppLogs } from './app-logs.js';
import { errorCode, isAbort, isTransient, isUnavailable } from './aws-errors.js';
import type { DeploySession } from './session.js';
import type { StoppedTask, Target } from './types.js';
import type { ReportBudget } from './wrap-up.js';

const STOPPED_TASKS_SHOWN = 10;

/**
 * Prints the stopped tasks of our deployment, the service events and the service deployment detail, then which
 * reads are missing, if any.
 */
export async function reportFailure(
  session: DeploySession,
  target: Target,
  budget: ReportBudget,
): Promise<StoppedTask[]> {
  const { log } = session;
  const stopped = await stoppedTasks(session, target.id, budget);
  await attachAppLogs(session, stopped, target.taskDefinitionArn, budget);
  const what = target.kind ?? 'deployment';
  log.startGroup(`Stopped tasks of ${what} ${target.id} (${stopped.length})`);
  if (stopped.length === 0) log.info(`No stopped tasks were found for this ${what}.`);
  for (const task of stopped) for (const line of [...formatStoppedTask(task), ...formatAppLogs(task)]) log.info(line);
  log.endGroup();

  log.startGroup(`Service events since the update (${session.newEvents.length})`);
  for (const event of session.newEvents) log.info(`${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
  if (session.newEvents.length === 0) log.info('ECS reported no events.');
  log.endGroup();

  await serviceDeploymentDetail(session, target, budget);
  printIncompleteReport(session, budget);
  return stopped;
}

/** The reads the report went without, in one warning; nothing when it is complete. */
export function printIncompleteReport(session: DeploySession, budget: ReportBudget): void {
  const note = budget.incompleteNote();
  if (note) session.log.warning(note);
}

async function stoppedTasks(
  session: DeploySession,
  deploymentId: string,
  budget: ReportBudget,
): Promise<StoppedTask[]> {
  const { cluster } = session.inputs;
  const { ecs } = session.deps;
  try {
    const listed = await session.call(
      'ListTasks',
      (o) =>
        ecs.send(
          new ListTasksCommand({ cluster, startedBy: deploymentId, desiredStatus: 'STOPPED', maxResults: 100 }),
          o,
        ),
      budget.read(),
    );
    const arns = listed.taskArns ?? [];
    if (arns.length === 0) return [];
    const described = await session.call(
      'DescribeTasks',
      (o) => ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }), o),
      budget.read(),
    );
    return (described.tasks ?? [])
      .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
      .slice(0, STOPPED_TASKS_SHOWN)
      .map((task) => ({
        taskId: (task.taskArn ?? '').slice((task.taskArn ?? '').lastIndexOf('/') + 1),
        ...(task.stopCode ? { stopCode: task.stopCode } : {}),
        ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
        ...(task.healthStatus ? { healthStatus: task.healthStatus } : {}),
        ...(task.stoppedAt ? { stoppedAt: task.stoppedAt } : {}),
        containers: (task.containers ?? []).map((c) => ({
          name: c.name ?? '?',
          ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
          ...(c.reason ? { reason: c.reason } : {}),
          ...(c.healthStatus ? { healthStatus: c.healthStatus } : {}),
        })),
      }));
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    session.log.warning(`Could not list the stopped tasks: ${errorMessage(error)}`);
    budget.missed('the stopped tasks', error);
    return [];
  }
}

/**
 * DescribeServiceDeployments of our service deployment, where the API answers: its ARN is the service's
 * currentServiceDeployment right after our update, else the one ListServiceDeployments shows created closest to
 * our deployment.
 */
async function serviceDeploymentDetail(session: DeploySession, target: Target, budget: ReportBudget): Promise<void> {
  const { cluster, service } = session.inputs;
  const { ecs } = session.deps;
  try {
    let arn = target.serviceDeploymentArn;
    if (!arn) {
      const listed = await session.bounded(
        'ListServiceDeployments',
        (o) =>
          ecs.send(
            new ListServiceDeploymentsCommand({
              cluster,
              service,
              createdAt: { after: new Date(session.started - 60_000) },
            }),
            o,
          ),
        budget.read(),
      );
      const created = target.createdAt?.getTime();
      const distance = (at: Date | undefined) =>
        at && created !== undefined ? Math.abs(at.getTime() - created) : Number.POSITIVE_INFINITY;
      const briefs = [...(listed.serviceDeployments ?? [])].sort(
        (a, b) => distance(a.createdAt) - distance(b.createdAt),
      );
      const closest = briefs[0];
      if (closest && (distance(closest.createdAt) <= 60_000 || briefs.length === 1)) {
        arn = closest.serviceDeploymentArn;
      }
    }
    if (!arn) return;
    const serviceDeploymentArn = arn;
    const described = await session.bounded(
      'DescribeServiceDeployments',
      (o) => ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }), o),
      budget.read(),
    );
    const d = described.serviceDeployments?.[0];
    if (!d) return;
    const parts = [`service deployment ${d.serviceDeploymentArn}: ${d.status ?? '?'}`];
    if (d.statusReason) parts.push(`reason: ${d.statusReason}`);
    if (d.deploymentCircuitBreaker) {
      const b = d.deploymentCircuitBreaker;
      parts.push(`circuit breaker ${b.status ?? '?'} (${b.failureCount ?? 0} of ${b.threshold ?? '?'} failed tasks)`);
    }
    if (d.rollback) parts.push(`rollback: ${d.rollback.reason ?? ''} → ${d.rollback.serviceRevisionArn ?? '?'}`);
    if (d.alarms && d.alarms.status !== 'DISABLED') {
      const triggered = d.alarms.triggeredAlarmNames ?? [];
      parts.push(
        `alarms ${d.alarms.status ?? '?'}${triggered.length > 0 ? ` (in ALARM: ${triggered.join(', ')})` : ''}`,
      );
    }
    const hooks = (d.lifecycleHookDetails ?? []).filter((hook) => hook.status !== 'SUCCEEDED');
    for (const hook of hooks)
      parts.push(`lifecycle hook ${hook.targetArn ?? hook.hookId ?? '?'}: ${hook.status ?? '?'}`);
    session.log.info(parts.join('; '));
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    if (isUnavailable(error) || isTransient(error)) {
      session.log.info(`(Service deployment detail is not available here: ${errorCode(error)})`);
      if (isTransient(error)) budget.missed('the service deployment detail', error);
      return;
    }
    session.log.info(`(Service deployment detail could not be read: ${errorMessage(error)})`);
    budget.missed('the service deployment detail', error);
  }
}

export function formatStoppedTask(task: StoppedTask): string[] {
  const head = [`task ${task.taskId}`];
  if (task.stopCode) head.push(task.stopCode);
  if (task.healthStatus && task.healthStatus !== 'UNKNOWN') head.push(`health ${task.healthStatus}`);
  const lines = [`${head.join(' ')}: ${task.stoppedReason ?? 'no reason given'}`];
  for (const c of task.containers) {
    const parts = [`exit code ${c.exitCode ?? 'none'}`];
    // Fargate often repeats the task's stopped reason on the container: print it once.
    if (c.reason && c.reason !== task.stoppedReason) parts.push(c.reason);
    if (c.healthStatus && c.healthStatus !== 'UNKNOWN') parts.push(`health ${c.healthStatus}`);
    lines.push(`  container ${c.name}: ${parts.join(', ')}`);
  }
  return lines;
}
