/**
 * The fault matrix: deploy path × scenario × fault kind × each AWS operation the path calls (found from the calls a
 * clean run made), seeded: which call of the operation gets the fault is drawn from the seed, so a cell reruns the
 * same way.
 */
import { type ApiName, type FaultSpec, mulberry32 } from '@ecs-actions/simulator';
import { DEPLOY_PATHS, type DeployPath, SCENARIOS, type ScenarioName } from './paths.js';

export type FaultKindName = 'throttle' | '5xx' | 'reset after apply' | '6 s latency' | 'hang';
export const FAULT_KINDS: readonly FaultKindName[] = ['throttle', '5xx', 'reset after apply', '6 s latency', 'hang'];

/** The simulator fault each kind injects (once, on one call). */
export function faultSpec(kind: FaultKindName, operation: Operation, skip: number): FaultSpec {
  const base = { api: operation.api, operation: operation.operation, count: 1, skip };
  switch (kind) {
    case 'throttle':
      return { ...base, kind: 'throttle' };
    case '5xx':
      return { ...base, kind: 'server-error' };
    case 'reset after apply':
      // The call takes effect, then the connection is reset: the client cannot tell whether it landed.
      return { ...base, kind: 'lost-answer' };
    case '6 s latency':
      return { ...base, kind: 'latency', latencyMs: 6_000 };
    case 'hang':
      return { ...base, kind: 'hang' };
  }
}

/** An AWS operation a clean run of a path made, and how many times. */
export interface Operation {
  api: ApiName;
  operation: string;
  calls: number;
}

/** A path and scenario: the unit a clean (fault-free) run discovers the operations of. */
export interface Case {
  path: DeployPath;
  scenario: ScenarioName;
}

export interface Cell extends Case {
  kind: FaultKindName;
  operation: Operation;
  /** The fault goes to this call of the operation (1-based), drawn from the seed. */
  nth: number;
}

export const cellName = (cell: Cell) =>
  `${cell.path.name} ${cell.scenario} ${cell.kind} ${cell.operation.api}:${cell.operation.operation}#${cell.nth}`;

/** Every path with every scenario it has. */
export function cases(paths: readonly DeployPath[] = DEPLOY_PATHS): Case[] {
  return paths.flatMap((path) =>
    SCENARIOS.filter((scenario) => path.scenarios.includes(scenario)).map((scenario) => ({ path, scenario })),
  );
}

/** The cells of one case, given the operations its clean run made; the call each fault hits is seeded. */
export function cellsOf(item: Case, operations: readonly Operation[], seed: number): Cell[] {
  return FAULT_KINDS.flatMap((kind) =>
    operations.map((operation) => {
      const draw = seeded(`${seed} ${item.path.name} ${item.scenario} ${kind} ${operation.api}:${operation.operation}`);
      return { ...item, kind, operation, nth: 1 + Math.floor(draw() * operation.calls) };
    }),
  );
}

/**
 * The operations of a run's recorded AWS calls, in first-call order, with their counts. GitHub calls are not the
 * deploy's; CloudWatch Logs reads count as the report's.
 */
export function operationsOf(calls: readonly { api: ApiName; operation: string }[]): Operation[] {
  const found = new Map<string, Operation>();
  for (const call of calls) {
    if (call.api === 'github') continue;
    const key = `${call.api}:${call.operation}`;
    const entry = found.get(key);
    if (entry) entry.calls += 1;
    else found.set(key, { api: call.api, operation: call.operation, calls: 1 });
  }
  return [...found.values()];
}

/** A deterministic draw in [0, 1) per text (mulberry32 seeded with an FNV-1a hash of it). */
export function seeded(text: string): () => number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return mulberry32(hash);
}

/**
 * `count` cells drawn from the whole matrix by the seed: a case and a fault kind at random, then (from the case's clean
 * run, made by `discover` once per distinct case, all of them in one call so it can bound how many run at once) one
 * of its operations and the call the fault hits.
 */
export async function sampleCells(
  seed: number,
  count: number,
  discover: (items: Case[]) => Promise<(readonly Operation[])[]>,
): Promise<Cell[]> {
  const draw = seeded(`sample ${seed}`);
  const all = cases();
  const picks = Array.from({ length: count }, () => ({
    item: all[Math.floor(draw() * all.length)] as Case,
    kind: FAULT_KINDS[Math.floor(draw() * FAULT_KINDS.length)] as FaultKindName,
    operationDraw: draw(),
    callDraw: draw(),
  }));
  const distinct = [...new Set(picks.map((pick) => pick.item))];
  const found = await discover(distinct);
  const cells: Cell[] = [];
  for (const pick of picks) {
    const operations = found[distinct.indexOf(pick.item)] ?? [];
    const operation = operations[Math.floor(pick.operationDraw * operations.length)];
    if (!operation) continue;
    cells.push({ ...pick.item, kind: pick.kind, operation, nth: 1 + Math.floor(pick.callDraw * operation.calls) });
  }
  return cells;
}
