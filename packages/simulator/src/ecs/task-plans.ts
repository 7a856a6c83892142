/**
 * A task's planned life (TaskPlan), decided at launch from the scenario of its task definition or images: when it is
 * PENDING, RUNNING and healthy, and when and how it fails on its own.
 */
import type { Scenario, ServiceRecord, TaskDefinitionRecord, TaskPlan } from './model.js';
import { type SchedulerContext, TIMING, targetGroupsOf } from './scheduler-model.js';

/** When a task that goes well is PENDING, RUNNING and healthy. */
interface Milestones {
  pendingAt: number;
  runningAt: number;
  healthyAt: number;
}

/** Plans a task's life from the scenario of its images (the first non-healthy scenario wins). */
export function planTask(
  context: SchedulerContext,
  taskDefinition: TaskDefinitionRecord,
  launchedAt: number,
  given?: Scenario,
): TaskPlan {
  const containers = (taskDefinition.taskDefinition.containerDefinitions as Record<string, unknown>[]) ?? [];
  let scenario: Scenario = given ?? context.taskDefinitionScenario(taskDefinition) ?? 'healthy';
  for (const container of scenario === 'healthy' ? containers : []) {
    const candidate = context.scenarioFor(String(container.image));
    if (candidate !== 'healthy') {
      scenario = candidate;
      break;
    }
  }
  const hasHealthCheck = containers.some((container) => container.healthCheck !== undefined);
  const pendingAt = launchedAt + TIMING.provisioning;
  const runningAt = pendingAt + TIMING.pending;
  const healthyAt = runningAt + (hasHealthCheck ? TIMING.healthCheck : 0);
  if (scenario === 'healthy') return { pendingAt, runningAt, healthyAt };
  if (typeof scenario === 'string') return namedFailurePlan(scenario, { pendingAt, runningAt, healthyAt });
  if (scenario.kind === 'crash-after-running' || scenario.kind === 'exit') {
    // The task starts (RUNNING, so the circuit breaker moves to its second stage) and its essential container
    // exits later: not a failure to start and not a failed health check, so the breaker does not count it.
    // `exit` is the same life for a one-off task, whose exit code may be 0.
    const crashAt = runningAt + Math.max(0, scenario.afterSeconds) * 1000;
    return {
      pendingAt,
      runningAt,
      ...(healthyAt <= crashAt ? { healthyAt } : {}),
      failure: {
        at: crashAt,
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        exitCode: scenario.exitCode ?? 1,
        countsAsFailure: false,
      },
    };
  }
  if (scenario.kind === 'slow-start') {
    const slowRunningAt = launchedAt + Math.max(0, scenario.startSeconds) * 1000;
    return {
      pendingAt: Math.min(pendingAt, slowRunningAt),
      runningAt: slowRunningAt,
      healthyAt: slowRunningAt + (hasHealthCheck ? TIMING.healthCheck : 0),
    };
  }
  // crash-on-start: the essential container exits before the task counts as started.
  return {
    pendingAt,
    failure: {
      at: pendingAt + TIMING.crash,
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      exitCode: scenario.exitCode,
      countsAsFailure: true,
    },
  };
}

/** A task that fails to start (its execution role, secrets, image platform or log group): stopped after the pull time. */
export function failedToStartPlan(launchedAt: number, stoppedReason: string): TaskPlan {
  const pendingAt = launchedAt + TIMING.provisioning;
  return {
    pendingAt,
    failure: {
      at: pendingAt + TIMING.pullFailure,
      stopCode: 'TaskFailedToStart',
      stoppedReason,
      countsAsFailure: true,
    },
  };
}

/** The plans of the scenarios named by a word: a pull failure, failing health checks, a task that never stays up. */
function namedFailurePlan(
  scenario: 'image-pull-failure' | 'failing-health-check' | 'never-stable',
  { pendingAt, runningAt, healthyAt }: Milestones,
): TaskPlan {
  if (scenario === 'image-pull-failure') {
    // Stopped task error "CannotPullContainerError" (developer guide, "Amazon ECS stopped tasks errors").
    return {
      pendingAt,
      failure: {
        at: pendingAt + TIMING.pullFailure,
        stopCode: 'TaskFailedToStart',
        stoppedReason: '', // filled in per image at failure time
        countsAsFailure: true,
      },
    };
  }
  if (scenario === 'failing-health-check') {
    return {
      pendingAt,
      runningAt,
      failure: {
        at: runningAt + TIMING.unhealthyAfter,
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: 'Task failed container health checks',
        exitCode: 137,
        unhealthy: true,
        countsAsFailure: true,
      },
    };
  }
  // never-stable: tasks reach RUNNING (which resets the breaker's failure count, resetOnHealthyTask) and then exit,
  // so the circuit breaker never trips and the deployment never reaches a steady state.
  return {
    pendingAt,
    runningAt,
    healthyAt,
    failure: {
      at: runningAt + TIMING.neverStableLifetime,
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      exitCode: 1,
      countsAsFailure: false,
    },
  };
}

/**
 * Behind a load balancer a task counts as healthy once its target passed its first health check too (ECS waits
 * for the load balancer's health check): the plan's healthyAt moves to the latest of the two.
 */
export function awaitTargetHealth(
  context: SchedulerContext,
  plan: TaskPlan,
  service: ServiceRecord | undefined,
): TaskPlan {
  if (!service || plan.runningAt === undefined || plan.healthyAt === undefined) return plan;
  const waits = targetGroupsOf(service).map((arn) => context.targetHealthyAfter?.(arn) ?? 0);
  const targetHealthyAt = plan.runningAt + Math.max(0, ...waits);
  if (targetHealthyAt <= plan.healthyAt) return plan;
  // A task that exits before its target is healthy never counts as healthy.
  if (plan.failure && plan.failure.at < targetHealthyAt) {
    const { healthyAt: _dropped, ...rest } = plan;
    return rest;
  }
  return { ...plan, healthyAt: targetHealthyAt };
}
