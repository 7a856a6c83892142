/** Measuring whole-process runs of action bundles, as the runner starts them, against an empty node process. */
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, type RunBundleOptions, runBundle } from '@ecs-actions/core/testkit';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface ProcessMeasure {
  /** Wall time of whole-process runs, ms. */
  timeMs: Spread;
  /** Peak resident memory of the bundle's process, KiB (median over the runs). */
  peakRssKiB: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: sorted.length };
}

const preloads = new Map<string, Promise<string>>();

/** A module written once into a temporary folder, to preload with `node --import`. */
function preloadModule(name: string, lines: string[]): Promise<string> {
  let file = preloads.get(name);
  if (!file) {
    file = mkdtemp(path.join(tmpdir(), 'ecs-actions-bench-')).then(async (dir) => {
      const probe = path.join(dir, name);
      await writeFile(probe, `${lines.join('\n')}\n`);
      return probe;
    });
    preloads.set(name, file);
  }
  return file;
}

/** A preloaded module that records the process's peak RSS at exit into the file named by BENCH_RSS_FILE. */
const memoryProbe = () =>
  preloadModule('rss-probe.mjs', [
    "import { writeFileSync } from 'node:fs';",
    "process.on('exit', () => { if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); });",
  ]);

/**
 * A preloaded module that records every file the process loads as a module (the bundle's entry and each chunk it
 * imports) into the file named by BENCH_LOADED_FILE at exit, one file:// URL a line.
 */
export const loadedModulesProbe = () =>
  preloadModule('load-probe.mjs', [
    "import { writeFileSync } from 'node:fs';",
    "import { registerHooks } from 'node:module';",
    'const loaded = new Set();',
    "registerHooks({ load(url, context, nextLoad) { if (url.startsWith('file:')) loaded.add(url); return nextLoad(url, context); } });",
    "process.on('exit', () => { if (process.env.BENCH_LOADED_FILE) writeFileSync(process.env.BENCH_LOADED_FILE, [...loaded].join('\\n')); });",
  ]);

let emptyBundle: string | undefined;

/** The baseline: an empty script run through the same harness, so both sides pay the same spawn costs. */
export async function emptyNodeBundle(): Promise<string> {
  if (emptyBundle) return emptyBundle;
  const dir = await mkdtemp(path.join(tmpdir(), 'ecs-actions-empty-'));
  emptyBundle = path.join(dir, 'empty.mjs');
  await writeFile(emptyBundle, '');
  return emptyBundle;
}

/**
 * Measures several bundles side by side: one run of each in turn, `runs` rounds after one warm-up round (for the
 * file cache), so that each sees the same machine (a load that comes and goes falls on all of them alike). `check`
 * sees every run, so a benchmark never times a run that failed. Returns one measure per subject, in their order.
 */
export async function measureInterleaved(
  subjects: { options: RunBundleOptions; check?: (run: BundleRun) => void }[],
  runs: number,
): Promise<ProcessMeasure[]> {
  const preload = await memoryProbe();
  const times: number[][] = subjects.map(() => []);
  const rss: number[][] = subjects.map(() => []);
  for (let i = 0; i <= runs; i++) {
    for (const [index, { options, check }] of subjects.entries()) {
      const rssFile = path.join(tmpdir(), `ecs-actions-rss-${process.pid}-${i}-${index}`);
      const run = await runBundle({
        ...options,
        nodeArgs: ['--import', preload],
        env: { ...options.env, BENCH_RSS_FILE: rssFile },
      });
      (check ?? failedRun(options))(run);
      if (i === 0) continue;
      times[index]?.push(run.durationMs);
      rss[index]?.push(Number(await readFile(rssFile, 'utf8')));
    }
  }
  return subjects.map((_, index) => ({
    timeMs: spread(times[index] ?? []),
    peakRssKiB: spread(rss[index] ?? []).median,
  }));
}

const failedRun = (options: RunBundleOptions) => (run: BundleRun) => {
  if (run.exitCode !== 0) throw new Error(`${options.bundle} exited ${run.exitCode}:\n${run.log}`);
};

let fetchOnceBundle: string | undefined;

/**
 * The floor for an action that talks to an API: a process that does nothing but one HTTP request (Node's
 * fetch) to `BENCH_URL`. Loading Node's own HTTP client is most of what it costs.
 */
export async function fetchOnceNodeBundle(): Promise<string> {
  if (fetchOnceBundle) return fetchOnceBundle;
  const dir = await mkdtemp(path.join(tmpdir(), 'ecs-actions-fetch-once-'));
  fetchOnceBundle = path.join(dir, 'fetch-once.mjs');
  await writeFile(fetchOnceBundle, 'await (await fetch(process.env.BENCH_URL)).text();\n');
  return fetchOnceBundle;
}

/** Total size of every file in a folder (a bundle's dist/), bytes. */
export async function folderSize(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let total = 0;
  for (const entry of entries) if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}
