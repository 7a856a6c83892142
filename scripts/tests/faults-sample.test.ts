/**
 * A seeded sample of the fault matrix (scripts/faults; `pnpm test:faults` runs all of it): a few cells drawn from the
 * whole matrix by the seed, each the committed ecs-deploy-wait bundle against the simulator with one fault, checked
 * against the invariants (no false success or failure, no skipped rollback, no write applied twice, within budget,
 * outputs that say what runs). FAULTS_SEED picks another sample; the clean run of each drawn case is checked too.
 */
import { describe, expect, it } from '@jest/globals';
import { type Cell, cellName, type Operation, sampleCells } from '../faults/matrix.js';
import { recordLine } from '../faults/report.js';
import { pool, type RunRecord, runCase } from '../faults/run-cell.js';

const SEED = Number(process.env.FAULTS_SEED ?? 23);
const SAMPLE = 6;

describe(`fault matrix sample (seed ${SEED})`, () => {
  it(`${SAMPLE} cells drawn from the matrix keep every invariant, and so do their clean runs`, async () => {
    let clean: RunRecord[] = [];
    const cells: Cell[] = await sampleCells(SEED, SAMPLE, async (items): Promise<Operation[][]> => {
      clean = await pool(items, 2, (item) => runCase(item));
      return clean.map((record) => record.operations);
    });
    expect(cells).toHaveLength(SAMPLE);
    const faulted = await pool(cells, 2, (cell) => runCase(cell, cell));
    const broken = [...clean, ...faulted].filter((record) => record.violations.length > 0).map(recordLine);
    // A failure names every drawn cell and each break, whole.
    const report = `cells run:\n${cells.map(cellName).join('\n')}\nbreaks:\n${broken.join('\n')}`;
    expect(broken.length === 0 ? 'every invariant kept' : report).toBe('every invariant kept');
  }, 300_000);
});
