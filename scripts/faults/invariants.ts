/**
 * What must hold after every run of the fault matrix, checked against the ground truth the simulator holds (read
 * with faults off): no false success, no false failure, no skipped rollback, no write applied twice, the run ends
 * within its budget, and the outputs say what the service runs.
 */
import type { BundleRun } from '@ecs-actions/core/testkit';
import type { CallRecord } from '@ecs-actions/simulator';
import type { ScenarioName, Truth } from './paths.js';

export type InvariantName =
  | 'false success'
  | 'false failure'
  | 'rollback skipped'
  | 'write applied twice'
  | 'over budget'
  | 'outputs wrong'
  /** The run itself could not be made (the simulator or the bundle failed to start): no verdict. */
  | 'harness error';
export const INVARIANTS: readonly InvariantName[] = [
  'false success',
  'false failure',
  'rollback skipped',
  'write applied twice',
  'over budget',
  'outputs wrong',
  'harness error',
];

export interface Violation {
  invariant: InvariantName;
  detail: string;
}

/** The writes whose second landing would change what runs (a second stop of the same deployment changes nothing). */
const WRITES = new Set(['RegisterTaskDefinition', 'UpdateService', 'CreateDeployment']);
/** How the simulator records a call that took effect though its answer never arrived. */
const APPLIED_UNANSWERED = new Set(['answer lost', 'hung after applying']);

/**
 * The run's time budget (README, "Bounded, also when AWS does not answer"): the calls before the wait and the wait
 * share `timeout`; after it, the report and the rollback request share one poll interval (at least 5 s); a rollback
 * then waits up to `timeout` again. Plus `startMs` for the process to start and the preflight reads.
 */
export function budgetMs(timeoutMs: number, pollMs: number, failing: boolean, startMs = 10_000): number {
  return timeoutMs + pollMs + Math.max(pollMs, 5_000) + (failing ? timeoutMs : 0) + startMs;
}

export interface RunFacts {
  scenario: ScenarioName;
  run: BundleRun;
  truth: Truth;
  calls: readonly CallRecord[];
  newArn: string;
  oldArn: string;
  budgetMs: number;
}

export function checkInvariants(facts: RunFacts): Violation[] {
  const { scenario, run, truth, newArn, oldArn } = facts;
  const found: Violation[] = [];
  const say = (invariant: InvariantName, detail: string) => found.push({ invariant, detail });
  const status = run.outputs.status;
  const runs = `the service runs ${short(truth.primary)}${truth.steady ? '' : ' (not steady)'}`;

  if (run.exitCode === 0 && !(truth.primary === newArn && truth.steady)) {
    say('false success', `the step succeeded; ${runs}`);
  }
  if (scenario === 'healthy' && run.exitCode !== 0) {
    say('false failure', `a healthy deploy ended ${status ?? `exit ${run.exitCode}`}: ${firstLine(run.errors[0])}`);
  }
  if (scenario !== 'healthy' && truth.primary === newArn) {
    say(
      'rollback skipped',
      `${scenario}: ${runs}, ended ${status ?? `exit ${run.exitCode}`}: ${firstLine(run.errors[0])}`,
    );
  }
  for (const [write, count] of appliedWrites(facts.calls)) {
    if (count > 1) say('write applied twice', `${write} landed ${count} times`);
  }
  if (run.exitCode === null || run.durationMs > facts.budgetMs) {
    say('over budget', `ran ${(run.durationMs / 1000).toFixed(1)} s of ${(facts.budgetMs / 1000).toFixed(1)} s`);
  }
  const outputs = outputsProblem(status, run, truth, newArn, oldArn);
  if (outputs) say('outputs wrong', outputs);
  return found;
}

/** Each write that landed, by operation and target, and how often. */
export function appliedWrites(calls: readonly CallRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    if (!WRITES.has(call.operation)) continue;
    if (call.status !== 200 && !APPLIED_UNANSWERED.has(call.error ?? '')) continue;
    const params = (call.params ?? {}) as Record<string, unknown>;
    const target =
      call.operation === 'UpdateService'
        ? ` to ${short(String(params.taskDefinition ?? 'the same task definition'))}`
        : call.operation === 'RegisterTaskDefinition'
          ? ` of ${String(params.family)}`
          : '';
    const key = `${call.operation}${target}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function outputsProblem(
  status: string | undefined,
  run: BundleRun,
  truth: Truth,
  newArn: string,
  oldArn: string,
): string | undefined {
  if (status === undefined) return `no status output (exit ${run.exitCode})`;
  if (status === 'succeeded' && run.outputs['task-definition-arn'] !== truth.primary) {
    return `status succeeded with task-definition-arn ${short(run.outputs['task-definition-arn'])}; the service runs ${short(truth.primary)}`;
  }
  if (status === 'rolled-back' && !(truth.primary === oldArn && truth.steady)) {
    return `status rolled-back; the service runs ${short(truth.primary)}${truth.steady ? '' : ' (not steady)'}`;
  }
  if (status === 'succeeded' && truth.primary !== newArn)
    return `status succeeded; the service runs ${short(truth.primary)}`;
  return undefined;
}

const short = (arn: string | undefined) => arn?.split('/').pop() ?? 'nothing';
const firstLine = (text: string | undefined) => (text ?? '').split('\n')[0]?.slice(0, 240) ?? '';
