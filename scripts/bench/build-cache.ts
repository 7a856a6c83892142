/**
 * ecr-push's registry build cache with a real engine and registry: an image with an expensive unchanged layer (a
 * shell loop of some seconds on a base made here, no internet) is pushed once; then the application layer changes
 * and the ecr-push step runs again, each time on a fresh engine (a new dockerd with a new data root, as a hosted
 * runner starts), once with `cache: off` (cold) and once with the default `cache: registry`. The rebuild's time is
 * what the step logs for reading the cache (the pull) and building; the whole step (node start, login, tag checks,
 * push) is reported beside it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle, writeShellBuildContext } from '@ecs-actions/core/testkit';
import { startSimulator } from '@ecs-actions/simulator';
import { startDockerEngine, startDockerServices } from '@ecs-actions/simulator/docker';
import { type Spread, spread } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'actions/ecr-push/dist/index.js');

export interface BuildCacheBench {
  loops: number;
  /** Reading the cache and building, ms. */
  coldMs: Spread;
  cachedMs: Spread;
  /** The whole ecr-push step, ms. */
  coldStepMs: Spread;
  cachedStepMs: Spread;
  /** Median cached / median cold rebuild. */
  ratio: number;
  /** What the cached runs logged about the cache, to show which layers came from it. */
  cacheLine: string;
  target: number;
  ok: boolean;
}

export async function benchBuildCache(
  runs = Number(process.env.BENCH_CACHE_RUNS ?? 2),
  loops = Number(process.env.BENCH_CACHE_LOOPS ?? 8_000_000),
): Promise<BuildCacheBench> {
  const services = await startDockerServices();
  const sim = await startSimulator({
    registry: { url: services.registryUrl, username: services.username, password: services.password },
  });
  const workspace = await mkdtemp(path.join(tmpdir(), 'bench-build-cache-'));
  const dockerConfig = await mkdtemp(path.join(tmpdir(), 'bench-build-cache-config-'));
  try {
    const repository = 'bench-cache';
    sim.ecr.seedRepository({ repositoryName: repository });
    await writeShellBuildContext(path.join(workspace, 'app'), { loops, app: `v1 ${Date.now()}` });
    const step = async (dockerHost: string, inputs: Record<string, string>) => {
      const run = await runBundle({
        bundle,
        workspace,
        inputs: { repository, context: 'app', ...inputs },
        env: { ...sim.env, DOCKER_HOST: dockerHost, DOCKER_CONFIG: dockerConfig },
        timeoutMs: 600_000,
      });
      if (run.exitCode !== 0) throw new Error(`ecr-push failed:\n${run.log}`);
      return run;
    };
    // The last pushed image: version 1 and latest.
    await step(services.dockerHost, { tags: '1\nlatest' });
    await writeFile(path.join(workspace, 'app', 'app.txt'), `v2 ${Date.now()}\n`);

    const cold: number[] = [];
    const cached: number[] = [];
    const coldSteps: number[] = [];
    const cachedSteps: number[] = [];
    let cacheLine = '';
    for (let i = 0; i < runs; i++) {
      for (const mode of ['off', 'registry'] as const) {
        const engine = await startDockerEngine();
        try {
          // Not latest: every cached run reads the same last pushed image.
          const run = await step(engine.dockerHost, { tags: `2-${mode}-${i}`, cache: mode });
          const logged = /Build time: ([\d.]+) s building, ([\d.]+) s reading the cache/.exec(run.log);
          if (!logged) throw new Error(`ecr-push logged no build time:\n${run.log}`);
          (mode === 'off' ? cold : cached).push((Number(logged[1]) + Number(logged[2])) * 1000);
          (mode === 'off' ? coldSteps : cachedSteps).push(run.durationMs);
          if (mode === 'registry') {
            cacheLine = /Build cache: \d+ of \d+ layers came from the cache[^\n]*/.exec(run.log)?.[0] ?? '';
            if (!cacheLine) throw new Error(`the cached rebuild reused no layer:\n${run.log}`);
          }
        } finally {
          await engine.stop();
        }
      }
    }
    const coldMs = spread(cold);
    const cachedMs = spread(cached);
    const ratio = cachedMs.median / coldMs.median;
    const target = 0.3;
    return {
      loops,
      coldMs,
      cachedMs,
      coldStepMs: spread(coldSteps),
      cachedStepMs: spread(cachedSteps),
      ratio,
      cacheLine,
      target,
      ok: ratio <= target,
    };
  } finally {
    await sim.close();
    await services.stop();
    for (const dir of [workspace, dockerConfig]) await rm(dir, { recursive: true, force: true });
  }
}
