/**
 * `pnpm test:faults [--seed N] [--concurrency N] [--out FILE]`: the whole fault matrix, a clean run of every case
 * first (its recorded calls are the case's operations), then every faulted cell, `concurrency` at a time (default 2,
 * the machine's cores); writes the table to FAULTS.md and exits 1 when any run broke an invariant.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cases, cellsOf, seeded } from './matrix.js';
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
    out: { type: 'string', default: new URL('../../FAULTS.md', import.meta.url).pathname },
  },
});
const seed = Number(values.seed);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(seed) || !(Number.isInteger(concurrency) && concurrency > 0)) {
  throw new Error(`--seed and --concurrency must be whole numbers (got ${values.seed}, ${values.concurrency})`);
}

const startedAt = new Date();
const all = cases();
const clean = await pool(all, concurrency, (item) => runCase(item));
// In a seeded shuffled order: the runs done so far are a fair sample of the whole matrix at any time.
const cells = shuffled(
  all.flatMap((item, index) => cellsOf(item, clean[index]?.operations ?? [], seed)),
  seeded(`order ${seed}`),
);
console.log(`fault matrix: ${all.length} clean runs done, ${cells.length} faulted cells (seed ${seed})`);
const faulted: RunRecord[] = [];
/** The table so far, rewritten as runs end (a run cut short still leaves a table that says how far it got). */
const write = () =>
  writeFile(
    values.out,
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
  `fault matrix: ${broken} of ${clean.length + faulted.length} runs broke an invariant; table in ${values.out}`,
);
process.exitCode = broken > 0 ? 1 : 0;
