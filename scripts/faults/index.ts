/**
 * `pnpm test:faults [--seed N] [--concurrency N] [--out FILE]`: the whole fault matrix, a clean run of every case
 * first (its recorded calls are the case's operations), then every faulted cell, `concurrency` at a time (default 2,
 * the machine's cores); writes the table to FAULTS.md and exits 1 when any run broke an invariant.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cases, cellsOf } from './matrix.js';
import { faultsMarkdown, recordLine } from './report.js';
import { pool, runCase } from './run-cell.js';

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
const cells = all.flatMap((item, index) => cellsOf(item, clean[index]?.operations ?? [], seed));
console.log(`fault matrix: ${all.length} clean runs done, ${cells.length} faulted cells (seed ${seed})`);
let done = 0;
const faulted = await pool(cells, concurrency, async (cell) => {
  const record = await runCase(cell, cell);
  done += 1;
  if (record.violations.length > 0) console.log(`[${done}/${cells.length}] ${recordLine(record)}`);
  else if (done % 25 === 0) console.log(`[${done}/${cells.length}]`);
  return record;
});
const durationMs = Date.now() - startedAt.getTime();
await writeFile(values.out, faultsMarkdown({ seed, concurrency, startedAt, durationMs, clean, faulted }));
const broken = [...clean, ...faulted].filter((record) => record.violations.length > 0).length;
console.log(
  `fault matrix: ${broken} of ${clean.length + faulted.length} runs broke an invariant; table in ${values.out}`,
);
process.exitCode = broken > 0 ? 1 : 0;
