/**
 * `pnpm test:faults [--seed N] [--concurrency N] [--out FILE] [--only TEXT]`: the whole fault matrix, a clean run of
 * every case first (its recorded calls are the case's operations), then every faulted cell, `concurrency` at a time
 * (default 2, the machine's cores); writes the table to FAULTS.md and exits 1 when any run broke an invariant.
 * `--only` runs just the cells whose name contains TEXT (`--only "rolling crash hang ecs:DescribeServices#1"`), to
 * reproduce a break (FAULTS_PRINT_LOG=1 prints each run's step log); such a run writes its table only to a given --out.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cases, cellName, cellsOf, seeded } from './matrix.js';
import { faultsMarkdown, recordLine } from './report.js';
import { pool, type RunRecord, runCase } from './run-cell.js';

/** Fisher–Yates with a seeded draw. */
function shuffled<T>(items: T[], draw: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '2' },
    out: { type: 'string' },
    only: { type: 'string' },
  },
});
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(seed) || !(Number.isInteger(concurrency) && concurrency > 0)) {
  throw new Error(`--seed and --concurrency must be whole numbers (got ${values.seed}, ${values.concurrency})`);
}

const only = values.only;
const out = values.out ?? (only === undefined ? new URL('../../FAULTS.md', import.meta.url).pathname : undefined);
const startedAt = new Date();
const all = cases().filter((item) => only === undefined || only.startsWith(`${item.path.name} ${item.scenario} `));
// A cell's name starts with its case's path and scenario: any other --only would run nothing and pass.
if (only !== undefined && all.length === 0) noCellNamed(only);
const clean = await pool(all, concurrency, (item) => runCase(item));
// In a seeded shuffled order: the runs done so far are a fair sample of the whole matrix at any time.
const cells = shuffled(
  all
    .flatMap((item, index) => cellsOf(item, clean[index]?.operations ?? [], seed))
    .filter((cell) => only === undefined || cellName(cell).includes(only)),
  seeded(`order ${seed}`),
);
if (only !== undefined && cells.length === 0) noCellNamed(only);
console.log(`fault matrix: ${all.length} clean runs done, ${cells.length} faulted cells (seed ${seed})`);
const faulted: RunRecord[] = [];
/** The table so far, rewritten as runs end (a run cut short still leaves a table that says how far it got). */
const write = async () => {
  if (out === undefined) return;
  await writeFile(
    out,
    faultsMarkdown({
      seed,
      concurrency,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      clean,
      faulted,
      cells: cells.length,
    }),
  );
};
await pool(cells, concurrency, async (cell) => {
  const record = await runCase(cell, cell);
  faulted.push(record);
  const done = faulted.length;
  if (record.violations.length > 0) console.log(`[${done}/${cells.length}] ${recordLine(record)}`);
  else if (done % 25 === 0) console.log(`[${done}/${cells.length}]`);
  if (done % 20 === 0) await write();
});
await write();
const broken = [...clean, ...faulted].filter((record) => record.violations.length > 0).length;
console.log(
  `fault matrix: ${broken} of ${clean.length + faulted.length} runs broke an invariant; table in ${out ?? '(not written: --only without --out)'}`,
);
process.exitCode = broken > 0 ? 1 : 0;

function noCellNamed(text: string): never {
  const prefixes = [...new Set(cases().map((item) => `${item.path.name} ${item.scenario}`))];
  console.error(
    `fault matrix: no cell is named ${JSON.stringify(text)}. --only takes a cell's name from its path and scenario on, e.g. "rolling crash hang ecs:DescribeServices#1" (FAULTS.md lists them); path and scenario are one of: ${prefixes.join(', ')}.`,
  );
  process.exit(1);
}
