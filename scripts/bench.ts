/**
 * `pnpm bench`: bundle size, cold start and peak memory of every action, each time also as a multiple of an
 * empty `node` process and of the network floor, both measured side by side with it. Writes BENCHMARKS.md and BENCHMARKS.json, and exits non-zero
 * when a target is missed. Ratios are the figures that count: absolute times depend on the machine.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type ActionBench, actionBenches } from './bench/actions.js';
import {
  emptyNodeBundle,
  fetchOnceNodeBundle,
  folderSize,
  measureInterleaved,
  type ProcessMeasure,
} from './bench/harness.js';
import { benchPipelineOverhead, type PipelineOverheadBench } from './bench/pipeline.js';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 15);
/** `BENCH_ONLY=ecr-push,headver` measures only those actions (to iterate on one; the files it writes say so). */
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());

interface Row {
  action: string;
  sizeBytes: number;
  sizeTargetBytes: number;
  coldStart?: ProcessMeasure & {
    /** × the empty node process. */
    ratio: number;
    /** × the network floor. */
    networkRatio: number;
    /** × the bench's own baseline, the figure its target applies to. */
    targetedRatio: number;
    targetRatio: number;
    baseline: ActionBench['coldStartBaseline'];
    workload: string;
    /** The medians of the empty node process and the network floor measured alongside it. */
    emptyNodeMs: number;
    networkFloorMs: number;
  };
  extra: { name: string; value: string; target?: string; ok: boolean }[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const server = createServer((_request, response) => response.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const emptyRun = { options: { bundle: await emptyNodeBundle() } };
  const floorRun = {
    options: {
      bundle: await fetchOnceNodeBundle(),
      env: { BENCH_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` },
    },
  };
  // The machine's own figures; each cold start below is compared with both measured again beside it.
  const [empty, networkFloor] = (await measureInterleaved([emptyRun, floorRun], runs)) as [
    ProcessMeasure,
    ProcessMeasure,
  ];
  const rows: Row[] = [];
  for (const bench of actionBenches) {
    if (only && !only.includes(bench.action)) continue;
    const dist = path.join(root, 'actions', bench.action, 'dist');
    if (!existsSync(dist)) continue;
    const row: Row = {
      action: bench.action,
      sizeBytes: await folderSize(dist),
      sizeTargetBytes: bench.sizeTargetBytes,
      extra: [],
    };
    const setup = await bench.setup?.();
    try {
      if (bench.coldStart) {
        const workload = await bench.coldStart(setup);
        // Side by side with its baselines, one run of each in turn: the ratios do not drift with the machine's load.
        const [measure, emptyHere, floorHere] = (await measureInterleaved(
          [
            {
              options: { bundle: path.join(dist, 'index.js'), ...workload.options },
              ...(workload.check ? { check: workload.check } : {}),
            },
            emptyRun,
            floorRun,
          ],
          runs,
        )) as [ProcessMeasure, ProcessMeasure, ProcessMeasure];
        const networkRatio = measure.timeMs.median / floorHere.timeMs.median;
        const ratio = measure.timeMs.median / emptyHere.timeMs.median;
        row.coldStart = {
          ...measure,
          ratio,
          networkRatio,
          targetedRatio: bench.coldStartBaseline === 'network floor' ? networkRatio : ratio,
          targetRatio: bench.coldStartTargetRatio,
          baseline: bench.coldStartBaseline,
          workload: workload.description,
          emptyNodeMs: emptyHere.timeMs.median,
          networkFloorMs: floorHere.timeMs.median,
        };
        if (bench.coldStartOverheadTarget) {
          const overhead = measure.timeMs.median - emptyHere.timeMs.median;
          row.extra.push({
            name: 'cold start above an empty node',
            value: `${overhead.toFixed(0)} ms`,
            target: `≤ ${bench.coldStartOverheadTarget.ms.toFixed(0)} ms: ${bench.coldStartOverheadTarget.why}`,
            ok: overhead <= bench.coldStartOverheadTarget.ms,
          });
        }
      }
    } finally {
      await bench.teardown?.(setup);
    }
    for (const extra of (await bench.extra?.()) ?? []) row.extra.push(extra);
    rows.push(row);
    console.log(`measured ${bench.action}`);
  }

  // The pipeline's own overhead (BENCH_ONLY=pipeline measures it alone).
  let pipeline: PipelineOverheadBench | undefined;
  if (!only || only.includes('pipeline')) {
    pipeline = await benchPipelineOverhead();
    console.log('measured the pipeline');
  }

  const misses: string[] = [];
  if (pipeline && !pipeline.ok) {
    misses.push(`pipeline: our five steps took ${ms(pipeline.totalMs)} > ${ms(pipeline.targetMs)} of their own`);
  }
  for (const row of rows) {
    if (row.sizeBytes > row.sizeTargetBytes)
      misses.push(`${row.action}: bundle ${kb(row.sizeBytes)} > ${kb(row.sizeTargetBytes)}`);
    if (row.coldStart && row.coldStart.targetedRatio > row.coldStart.targetRatio) {
      misses.push(
        `${row.action}: cold start ${row.coldStart.targetedRatio.toFixed(2)}x > ${row.coldStart.targetRatio}x ${row.coldStart.baseline}`,
      );
    }
    for (const extra of row.extra)
      if (!extra.ok) misses.push(`${row.action}: ${extra.name} ${extra.value} (target ${extra.target})`);
  }

  const md = [
    '# Benchmarks',
    '',
    `Measured by \`pnpm bench\` on ${process.platform}/${process.arch}, Node ${process.version}, ${runs} runs each after one warm-up. Each cold start is measured side by side with an empty \`node\` process and the network floor (one run of each in turn), and its ratios are to those medians (in brackets in the table).`,
    `Baseline: an empty \`node\` process through the same harness, median ${empty.timeMs.median.toFixed(0)} ms (${empty.timeMs.min.toFixed(0)}–${empty.timeMs.max.toFixed(0)} ms), peak RSS ${(empty.peakRssKiB / 1024).toFixed(1)} MiB.`,
    `Network floor: a \`node\` process that only makes one HTTP request over loopback with fetch, median ${networkFloor.timeMs.median.toFixed(0)} ms = ${(networkFloor.timeMs.median / empty.timeMs.median).toFixed(2)}x the empty process: what any action that calls an API pays before its own work.`,
    '',
    ...(only ? [`Only ${only.join(', ')} measured (BENCH_ONLY).`] : []),
    'Cold-start targets: an action that calls an API starts and finishes within 2x the network floor; headver within 1.5x and ecs-render-taskdef (file-only) within 2x the empty node process.',
    '',
    '| action | bundle (all of dist/) | target | cold start, median (min–max) | × empty node | × network floor | target | peak RSS | workload |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const c = row.coldStart;
      return `| ${row.action} | ${kb(row.sizeBytes)} | < ${kb(row.sizeTargetBytes)} | ${c ? `${c.timeMs.median.toFixed(0)} ms (${c.timeMs.min.toFixed(0)}–${c.timeMs.max.toFixed(0)})` : '–'} | ${c ? `${c.ratio.toFixed(2)}x (${c.emptyNodeMs.toFixed(0)} ms)` : '–'} | ${c ? `${c.networkRatio.toFixed(2)}x (${c.networkFloorMs.toFixed(0)} ms)` : '–'} | ${c ? `< ${c.targetRatio}x ${c.baseline}` : '–'} | ${c ? `${(c.peakRssKiB / 1024).toFixed(1)} MiB` : '–'} | ${c?.workload ?? '–'} |`;
    }),
    '',
    ...(rows.some((row) => row.extra.length > 0)
      ? [
          '| action | measure | value | target |',
          '| --- | --- | --- | --- |',
          ...rows.flatMap((row) =>
            row.extra.map((e) => `| ${row.action} | ${e.name} | ${e.value} | ${e.target ?? '–'} |`),
          ),
          '',
        ]
      : []),
    ...(pipeline
      ? [
          `Pipeline overhead: the demo pipeline (scripts/demo.ts's CI → CD, simulator at 100x time, a private dockerd) once; the wall time of each of our steps (post steps included), less what is not ours. Ours in all: ${ms(pipeline.totalMs)} (target ≤ ${ms(pipeline.targetMs)}), = ${(pipeline.totalMs / empty.timeMs.median).toFixed(1)} empty node processes of this run (to compare across machines and loads).`,
          '',
          '| action | steps, wall time | not ours | ours |',
          '| --- | --- | --- | --- |',
          ...pipeline.actions.map((a) => `| ${a.action} | ${ms(a.stepsMs)} | ${a.excluded || '–'} | ${ms(a.oursMs)} |`),
          `| **all five** | ${ms(pipeline.actions.reduce((sum, a) => sum + a.stepsMs, 0))} | | **${ms(pipeline.totalMs)}** |`,
          '',
        ]
      : []),
    misses.length === 0 ? 'Every target is met.' : `Missed targets:\n${misses.map((m) => `- ${m}`).join('\n')}`,
    '',
  ].join('\n');
  await writeFile(path.join(root, 'BENCHMARKS.md'), md);
  await writeFile(
    path.join(root, 'BENCHMARKS.json'),
    `${JSON.stringify({ node: process.version, runs, emptyNode: empty, networkFloor, actions: rows, pipeline, misses }, null, 2)}\n`,
  );
  server.close();
  console.log(md);
  if (misses.length > 0) process.exit(1);
}

await main();
