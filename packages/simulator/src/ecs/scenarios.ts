/**
 * What tests set on the ECS side, and what the scheduler reads back when it plans a task: per image, task definition
 * or RunTask command, what a task does (its Scenario) and what its awslogs containers log; RunTask placement
 * failures; target group deregistration delays; native deployments' lifecycle hook answers and alarm trips.
 */
import type { LogSink } from '../contract.js';
import { writeTaskLogs } from '../logs/awslogs.js';
import type { Scenario, TaskDefinitionRecord, TaskRecord } from './model.js';
import type { LifecycleStage } from './strategies/config.js';

/** Options of a scenario: the lines the containers write to CloudWatch Logs (awslogs) when they run. */
export interface ScenarioOptions {
  logLines?: string[];
}

/** A task definition's ARN as given, else `family:revision` or family without a `task-definition/` prefix. */
const taskDefinitionKey = (taskDefinition: string) =>
  taskDefinition.startsWith('arn:') ? taskDefinition : taskDefinition.replace(/^task-definition\//, '');

/** What is set by the ARN, then `family:revision`, then family of a task definition. */
function byTaskDefinition<T>(values: Map<string, T>, record: TaskDefinitionRecord): T | undefined {
  return values.get(record.arn) ?? values.get(`${record.family}:${record.revision}`) ?? values.get(record.family);
}

export class EcsScenarios {
  private readonly scenarios = new Map<string, Scenario>();
  private readonly taskDefinitionScenarios = new Map<string, Scenario>();
  private readonly imageLogLines = new Map<string, string[]>();
  private readonly taskDefinitionLogLines = new Map<string, string[]>();
  /** By a RunTask container override's command (JSON text): what a one-off task with that command does. */
  private readonly commandScenarios = new Map<string, { scenario: Scenario; logLines?: string[] }>();
  private readonly deregistrationDelays = new Map<string, number>();
  private readonly runTaskFailures = new Map<string, string>();
  /** Lifecycle hook answers by `targetArn` or `targetArn@STAGE` (default SUCCEEDED). */
  private readonly hookResults = new Map<string, 'SUCCEEDED' | 'FAILED'>();
  private readonly alarmTrips = new Map<string, { stage?: LifecycleStage; afterMs: number }>();

  // ------------------------------------------------------------------------------------------- what tests set

  setImageScenario(image: string, scenario: Scenario, options: ScenarioOptions): void {
    this.scenarios.set(image, scenario);
    if (options.logLines) this.imageLogLines.set(image, [...options.logLines]);
    else this.imageLogLines.delete(image);
  }

  setTaskDefinitionScenario(taskDefinition: string, scenario: Scenario, options: ScenarioOptions): void {
    const text = taskDefinitionKey(taskDefinition);
    this.taskDefinitionScenarios.set(text, scenario);
    if (options.logLines) this.taskDefinitionLogLines.set(text, [...options.logLines]);
    else this.taskDefinitionLogLines.delete(text);
  }

  setCommandScenario(command: readonly string[], scenario: Scenario, options: ScenarioOptions): void {
    this.commandScenarios.set(JSON.stringify(command), {
      scenario,
      ...(options.logLines ? { logLines: [...options.logLines] } : {}),
    });
  }

  setRunTaskFailure(taskDefinition: string, reason: string): void {
    this.runTaskFailures.set(taskDefinitionKey(taskDefinition), reason);
  }

  setDeregistrationDelay(targetGroupArn: string, seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) {
      throw new Error(`setDeregistrationDelay: seconds must be an integer from 0 to 3600, got ${seconds}`);
    }
    this.deregistrationDelays.set(targetGroupArn, seconds * 1000);
  }

  setLifecycleHookResult(hookTargetArn: string, result: 'SUCCEEDED' | 'FAILED', stage?: LifecycleStage): void {
    this.hookResults.set(stage ? `${hookTargetArn}@${stage}` : hookTargetArn, result);
  }

  setAlarmTrip(alarmName: string, trip: { stage?: LifecycleStage; afterSeconds?: number }): void {
    this.alarmTrips.set(alarmName, {
      ...(trip.stage ? { stage: trip.stage } : {}),
      afterMs: Math.max(0, trip.afterSeconds ?? 0) * 1000,
    });
  }

  // ------------------------------------------------------------------------------------------- what the scheduler reads

  /** Per exact image string; unknown images are 'healthy'. */
  scenarioFor(image: string): Scenario {
    return this.scenarios.get(image) ?? 'healthy';
  }

  taskDefinitionScenario(record: TaskDefinitionRecord): Scenario | undefined {
    return byTaskDefinition(this.taskDefinitionScenarios, record);
  }

  commandScenarioOf(overrides: unknown): { scenario: Scenario; logLines?: string[] } | undefined {
    const containerOverrides = (overrides as { containerOverrides?: { command?: unknown }[] } | undefined)
      ?.containerOverrides;
    for (const override of containerOverrides ?? []) {
      if (!Array.isArray(override.command)) continue;
      const found = this.commandScenarios.get(JSON.stringify(override.command));
      if (found) return found;
    }
    return undefined;
  }

  runTaskFailure(record: TaskDefinitionRecord): string | undefined {
    return byTaskDefinition(this.runTaskFailures, record);
  }

  deregistrationDelay(targetGroupArn: string): number | undefined {
    return this.deregistrationDelays.get(targetGroupArn);
  }

  hookResult(targetArn: string, stage: LifecycleStage): 'SUCCEEDED' | 'FAILED' {
    return this.hookResults.get(`${targetArn}@${stage}`) ?? this.hookResults.get(targetArn) ?? 'SUCCEEDED';
  }

  alarmTrip(alarmName: string): { stage?: LifecycleStage; afterMs: number } | undefined {
    return this.alarmTrips.get(alarmName);
  }

  /** The task's containers ran: they write their scenario's log lines (a command's, a task definition's, an image's). */
  writeLogs(logs: LogSink, task: TaskRecord, at: number): void {
    const record = task.taskDefinition;
    const own =
      this.commandScenarioOf(task.overrides)?.logLines ?? byTaskDefinition(this.taskDefinitionLogLines, record);
    const failure = task.plan.failure;
    const exitCode = task.startedAt === undefined ? failure?.exitCode : undefined;
    writeTaskLogs(
      logs,
      (record.taskDefinition.containerDefinitions as Record<string, unknown>[]) ?? [],
      task.id,
      at,
      (container) => own ?? this.imageLogLines.get(String(container.image)),
      exitCode,
    );
  }
}
