/**
 * The fault matrix's results as Markdown (FAULTS.md): counts by path and fault kind, counts by invariant, and one
 * line per run that broke one, so a failing cell can be rerun from its name and seed.
 */
import { INVARIANTS } from './invariants.js';
import { cellName, FAULT_KINDS } from './matrix.js';
import { DEPLOY_PATHS } from './paths.js';
import type { RunRecord } from './run-cell.js';

export interface MatrixRun {
  seed: number;
  concurrency: number;
  startedAt: Date;
  durationMs: number;
  /** The clean runs (one per case) and the faulted ones (so far). */
  clean: RunRecord[];
  faulted: RunRecord[];
  /** How many faulted cells the matrix has. */
  cells: number;
}

export function faultsMarkdown(matrix: MatrixRun): string {
  const { faulted, clean } = matrix;
  const bad = (records: RunRecord[]) => records.filter((record) => record.violations.length > 0).length;
  const lines = [
    '# Fault matrix',
    '',
    'The last full run of `pnpm test:faults` (scripts/faults): the committed `actions/ecs-deploy-wait/dist` bundle against',
    'the simulator, for every deploy path × scenario (healthy, crash on start, failing hook, timeout) × fault kind',
    "(throttle, 5xx, reset after apply, 6 s latency, hang) × each AWS operation the path's clean run made, the fault on",
    'one call of it drawn from the seed; after every run the invariants are checked against the ground truth read with',
    'faults off. A cell that breaks one is listed below with its name (`path scenario fault api:Operation#call`).',
    '',
    'The invariants: *false success*, the step succeeded but the service does not run the new revision steadily;',
    '*false failure*, a healthy deploy with one transient fault did not end succeeded (whether or not its message is',
    'true: one throttle, 5xx, reset, slow or hung call must not fail a healthy deploy); *rollback skipped*, a failing',
    'deploy (crash, hook, timeout) left the new revision PRIMARY; *write applied twice*, RegisterTaskDefinition,',
    'UpdateService (per task definition) or CreateDeployment landed more than once; *over budget*, the run outlasted',
    'timeout + poll + wrap-up (+ timeout again for a rollback) + 10 s to start; *outputs wrong*, no `status` output,',
    'or `succeeded` / `rolled-back` naming a revision the service does not run.',
    '',
    `Seed ${matrix.seed}, ${matrix.concurrency} at a time, started ${matrix.startedAt.toISOString()}, ${faulted.length < matrix.cells ? `**partial: ${faulted.length} of ${matrix.cells} faulted cells run** (in a seeded shuffled order, so a fair sample) after` : 'took'} ${minutes(matrix.durationMs)}.`,
    `Clean runs: ${clean.length}, ${bad(clean)} breaking an invariant. Faulted runs: ${faulted.length}, ${bad(faulted)} breaking one (${faulted.filter((record) => !record.reached).length} whose fault was never reached: that call did not happen).`,
    '',
    '## Runs breaking an invariant, by path and fault kind',
    '',
    `| path | ${FAULT_KINDS.join(' | ')} | all |`,
    `| --- | ${FAULT_KINDS.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const path of DEPLOY_PATHS) {
    const ofPath = faulted.filter((record) => record.case.path.name === path.name);
    const cells = FAULT_KINDS.map((kind) => {
      const runs = ofPath.filter((record) => record.cell?.kind === kind);
      return `${bad(runs)} / ${runs.length}`;
    });
    lines.push(`| ${path.name} | ${cells.join(' | ')} | ${bad(ofPath)} / ${ofPath.length} |`);
  }
  lines.push(
    '',
    '## Breaks by invariant and path',
    '',
    `| invariant | ${DEPLOY_PATHS.map((p) => p.name).join(' | ')} |`,
  );
  lines.push(`| --- | ${DEPLOY_PATHS.map(() => '---:').join(' | ')} |`);
  for (const invariant of INVARIANTS) {
    const counts = DEPLOY_PATHS.map(
      (path) =>
        faulted.filter(
          (record) =>
            record.case.path.name === path.name && record.violations.some((found) => found.invariant === invariant),
        ).length,
    );
    lines.push(`| ${invariant} | ${counts.join(' | ')} |`);
  }
  lines.push('', '## Each break', '');
  const broken = [...clean, ...faulted].filter((record) => record.violations.length > 0);
  if (broken.length === 0) lines.push('None.');
  for (const record of broken) lines.push(`- ${recordLine(record)}`);
  return `${lines.join('\n')}\n`;
}

/** `BLUE_GREEN crash hang ecs:DescribeServices#3: rollback skipped (…); over budget (…)` */
export function recordLine(record: RunRecord): string {
  const name = record.cell ? cellName(record.cell) : `${record.case.path.name} ${record.case.scenario} (no fault)`;
  const found = record.violations.map((violation) => `${violation.invariant} (${oneLine(violation.detail)})`);
  return `\`${name}\`: ${found.join('; ')}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 300);
const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
