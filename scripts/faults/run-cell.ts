/**
 * One run of the fault matrix: a fresh simulator seeded for the case, the fault (if any) injected, the committed
 * ecs-deploy-wait bundle run against it as the runner runs it, then the faults cleared and the ground truth read and
 * checked against the invariants.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDuration } from '@ecs-actions/core';
import { runBundle } from '@ecs-actions/core/testkit';
import { startSimulator } from '@ecs-actions/simulator';
import { budgetMs, checkInvariants, type Violation } from './invariants.js';
import { type Case, type Cell, faultSpec, type Operation, operationsOf } from './matrix.js';
import { CLUSTER, revisionArn, SERVICE } from './paths.js';

const BUNDLE = new URL('../../actions/ecs-deploy-wait/dist/index.js', import.meta.url).pathname;
/** The shortest poll interval the step takes: rollouts are followed closely, runs are short. */
export const POLL_INTERVAL = '250ms';

export interface RunRecord {
  case: Case;
  /** Undefined: the clean run of the case (no fault). */
  cell?: Cell;
  exitCode: number | null;
  status: string | undefined;
  durationMs: number;
  /** The injected fault met its call (false: the run took another way and never made that call). */
  reached: boolean;
  violations: Violation[];
  /** The AWS operations the run made (a clean run's are the case's cells). */
  operations: Operation[];
  /** The step's first error annotation, for the report. */
  error?: string;
}

/** Runs a case (with a cell: its fault); a harness failure is a record that says so, never a crash of the matrix. */
export async function runCase(item: Case, cell?: Cell): Promise<RunRecord> {
  try {
    return await runOnce(item, cell);
  } catch (error) {
    return {
      case: item,
      ...(cell ? { cell } : {}),
      exitCode: null,
      status: undefined,
      durationMs: 0,
      reached: false,
      violations: [{ invariant: 'harness error', detail: error instanceof Error ? error.message : String(error) }],
      operations: [],
    };
  }
}

async function runOnce(item: Case, cell?: Cell): Promise<RunRecord> {
  const sim = await startSimulator({ timeScale: item.path.timeScale });
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-actions-faults-'));
  try {
    await item.path.seed(sim, item.scenario, workspace);
    if (cell) sim.faults.inject(faultSpec(cell.kind, cell.operation, cell.nth - 1));
    const inputs: Record<string, string> = {
      'task-definition': 'task-definition.json',
      cluster: CLUSTER,
      service: SERVICE,
      'poll-interval': POLL_INTERVAL,
      ...item.path.inputs(item.scenario),
    };
    const timeoutMs = parseDuration('timeout', inputs.timeout ?? '30m');
    const budget = budgetMs(timeoutMs, parseDuration('poll-interval', POLL_INTERVAL), item.scenario !== 'healthy');
    const run = await runBundle({
      bundle: BUNDLE,
      workspace,
      env: sim.env,
      inputs,
      // Killed only well past the budget: an overrun is measured, not cut short.
      timeoutMs: budget + 60_000,
    });
    // Reproducing one cell (`--only`): its step's own log, as the runner would show it.
    if (process.env.FAULTS_PRINT_LOG === '1') console.log(run.log);
    const reached = cell === undefined || sim.faults.pending().length === 0;
    sim.faults.clear();
    const truth = item.path.truth(sim);
    const violations = checkInvariants({
      scenario: item.scenario,
      run,
      truth,
      calls: sim.calls,
      newArn: revisionArn(2),
      oldArn: revisionArn(1),
      budgetMs: budget,
    });
    return {
      case: item,
      ...(cell ? { cell } : {}),
      exitCode: run.exitCode,
      status: run.outputs.status,
      durationMs: run.durationMs,
      reached,
      violations,
      operations: operationsOf(sim.calls),
      ...(run.errors[0] ? { error: run.errors[0] } : {}),
    };
  } finally {
    await sim.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

/** Runs `work` over `items`, at most `concurrency` at a time, results in the items' order. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
