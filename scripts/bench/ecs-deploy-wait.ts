/**
 * ecs-deploy-wait: how soon the step ends after the rollout completed, and how many API calls it makes while waiting,
 * against the simulator, running the committed bundle as the runner does.
 *
 * - End delay (several rollouts, their task start times staggered over one poll interval): the simulator marks the new PRIMARY deployment COMPLETED at a simulated time (its updatedAt); that is
 *   converted to real time (the simulator clock runs `timeScale` times faster than real time) and compared with the
 *   moment the bundle's process ended. Target: at most poll-interval + 1 s (the stock action's SDK waiter can sleep
 *   up to 600 s between polls).
 * - Calls per minute of waiting: one rollout that keeps the step waiting for about a minute (a slow-starting image),
 *   with the default poll-interval of 5 s; every call the simulator saw during that run, divided by the minutes from
 *   the step's first call to its exit. Targets: at most 15 DescribeServices and 20 calls in all per minute.
 *
 * - What a rolling deploy loads: the first rollout runs with a preloaded module that records every file the process
 *   loads; the dist/ files among them (index.js and the chunks that path imports) are summed. Target: 1.5 MB (the
 *   EC2, ELBv2, CodeDeploy, ECR and CloudWatch Logs clients are chunks that load only on their own paths).
 *
 *   tsx scripts/bench/ecs-deploy-wait.ts     prints the figures as JSON
 * Environment: BENCH_EDW_ROLLOUTS (short rollouts, default 5), BENCH_EDW_WAIT_SECONDS (the long wait, default 60),
 * BENCH_EDW_POLL (poll-interval input, default 5s), BENCH_EDW_TIME_SCALE (default 20).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDuration } from '@ecs-actions/core';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator, TIMING } from '@ecs-actions/simulator';
import { loadedModulesProbe, type Spread, spread } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'actions/ecs-deploy-wait/dist');
const bundle = path.join(dist, 'index.js');
const KB = 1024;
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/bench-app';
const seed = JSON.parse(
  readFileSync(path.join(root, 'actions/ecs-deploy-wait/tests/fixtures/seed-task-definition.json'), 'utf8'),
) as Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});

export interface RolloutMeasure {
  /** Real ms from the rollout's COMPLETED to the end of the bundle's process. */
  endDelayMs: number;
  /** Real ms from the step's first API call to its exit. */
  stepMs: number;
  calls: number;
  describeServicesCalls: number;
}

export interface EcsDeployWaitBench {
  pollIntervalMs: number;
  timeScale: number;
  endDelayMs: Spread;
  /** poll-interval + 1 s. */
  endDelayTargetMs: number;
  longWait: RolloutMeasure & {
    describeServicesPerMinute: number;
    callsPerMinute: number;
    operations: Record<string, number>;
  };
  describeServicesPerMinuteTarget: number;
  callsPerMinuteTarget: number;
  rollouts: RolloutMeasure[];
  /** The dist/ files a rolling deploy (followed to its end) loaded, and their bytes in all. */
  rollingLoad: { files: string[]; bytes: number };
  rollingLoadTargetBytes: number;
  ok: boolean;
}

interface DeploymentShape {
  id: string;
  status: string;
  rolloutState?: string;
  updatedAt: Date;
}

/** Real epoch ms of a simulated instant, from the simulator clock's current reading. */
function realTimeOf(sim: Simulator, timeScale: number, simulatedMs: number): number {
  return Date.now() - (sim.clock.now() - simulatedMs) / timeScale;
}

async function rollout(
  sim: Simulator,
  timeScale: number,
  workspace: string,
  image: string,
  pollInterval: string,
  /** Record the files the process loads into this file. */
  loadedFile?: string,
): Promise<{ measure: RolloutMeasure; run: BundleRun; operations: Record<string, number> }> {
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(image)));

  const primaryOf = () =>
    ((sim.ecs.describeService('prod', 'app') as { deployments: DeploymentShape[] }).deployments ?? []).find(
      (d) => d.status === 'PRIMARY',
    );
  const before = primaryOf()?.id;
  const firstCall = sim.calls.length;

  // Watch the simulator in-process (no API calls) for the new PRIMARY's COMPLETED.
  let completedAt: number | undefined;
  let watching = true;
  const watcher = (async () => {
    while (watching && completedAt === undefined) {
      const primary = primaryOf();
      if (primary && primary.id !== before && primary.rolloutState === 'COMPLETED') {
        completedAt = realTimeOf(sim, timeScale, primary.updatedAt.getTime());
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();

  const run = await runBundle({
    bundle,
    workspace,
    env: loadedFile ? { ...sim.env, BENCH_LOADED_FILE: loadedFile } : sim.env,
    ...(loadedFile ? { nodeArgs: ['--import', await loadedModulesProbe()] } : {}),
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'app',
      'poll-interval': pollInterval,
      timeout: '10m',
    },
    timeoutMs: 600_000,
  });
  const exitedAt = Date.now();
  watching = false;
  await watcher;
  if (run.exitCode !== 0 || run.outputs.status !== 'succeeded') {
    throw new Error(`the bundle did not succeed (exit ${run.exitCode}):\n${run.log}`);
  }
  if (completedAt === undefined) throw new Error(`the simulator never showed the rollout COMPLETED:\n${run.log}`);

  const calls = sim.calls.slice(firstCall);
  const operations: Record<string, number> = {};
  for (const call of calls) operations[call.operation] = (operations[call.operation] ?? 0) + 1;
  const stepMs = exitedAt - (calls[0]?.time ?? exitedAt);
  return {
    run,
    operations,
    measure: {
      endDelayMs: exitedAt - completedAt,
      stepMs,
      calls: calls.length,
      describeServicesCalls: operations.DescribeServices ?? 0,
    },
  };
}

export async function benchEcsDeployWait(): Promise<EcsDeployWaitBench> {
  const rollouts = Number(process.env.BENCH_EDW_ROLLOUTS ?? 5);
  const waitSeconds = Number(process.env.BENCH_EDW_WAIT_SECONDS ?? 60);
  const pollInterval = process.env.BENCH_EDW_POLL ?? '5s';
  const pollIntervalMs = parseDuration('poll-interval', pollInterval);
  const timeScale = Number(process.env.BENCH_EDW_TIME_SCALE ?? 20);

  const sim = await startSimulator({ timeScale });
  try {
    sim.ecs.seedService({
      cluster: 'prod',
      serviceName: 'app',
      taskDefinition: withImage(`${REPO}:0`),
      desiredCount: 2,
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
    });
    const workspace = await mkdtemp(path.join(tmpdir(), 'bench-ecs-deploy-wait-'));

    // Short rollouts whose tasks start at staggered times, so that COMPLETED falls at every phase of the poll
    // cycle (a fixed rollout time would measure the same delay every time).
    const measures: RolloutMeasure[] = [];
    const loadedFile = path.join(workspace, 'loaded-modules.txt');
    for (let i = 1; i <= rollouts; i++) {
      const image = `${REPO}:${i}`;
      const extraRealSeconds = (i / rollouts) * (pollIntervalMs / 1000);
      sim.ecs.setImageScenario(image, {
        kind: 'slow-start',
        startSeconds: TIMING.provisioning / 1000 + TIMING.pending / 1000 + extraRealSeconds * timeScale,
      });
      const recordLoads = i === 1 ? loadedFile : undefined;
      measures.push((await rollout(sim, timeScale, workspace, image, pollInterval, recordLoads)).measure);
    }

    // The long wait: tasks take waitSeconds of real time to start.
    const slowImage = `${REPO}:slow`;
    sim.ecs.setImageScenario(slowImage, { kind: 'slow-start', startSeconds: waitSeconds * timeScale });
    const long = await rollout(sim, timeScale, workspace, slowImage, pollInterval);
    measures.push(long.measure);
    const minutes = long.measure.stepMs / 60_000;

    const endDelayMs = spread(measures.map((m) => m.endDelayMs));
    const endDelayTargetMs = pollIntervalMs + 1000;
    const describeServicesPerMinute = long.measure.describeServicesCalls / minutes;
    const callsPerMinute = long.measure.calls / minutes;
    const rollingLoad = await distFilesLoaded(loadedFile);
    const rollingLoadTargetBytes = 1536 * KB;
    return {
      pollIntervalMs,
      timeScale,
      endDelayMs,
      endDelayTargetMs,
      longWait: { ...long.measure, describeServicesPerMinute, callsPerMinute, operations: long.operations },
      describeServicesPerMinuteTarget: 15,
      callsPerMinuteTarget: 20,
      rollouts: measures,
      rollingLoad,
      rollingLoadTargetBytes,
      ok:
        endDelayMs.max <= endDelayTargetMs &&
        describeServicesPerMinute <= 15 &&
        callsPerMinute <= 20 &&
        rollingLoad.bytes <= rollingLoadTargetBytes,
    };
  } finally {
    await sim.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const result = await benchEcsDeployWait();
  console.log(JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}

/** The dist/ files among those the probe recorded, with their sizes summed; the entry must be among them. */
async function distFilesLoaded(loadedFile: string): Promise<{ files: string[]; bytes: number }> {
  const urls = (await readFile(loadedFile, 'utf8')).split('\n').filter(Boolean);
  const files = urls
    .map((url) => fileURLToPath(url))
    .filter((file) => path.dirname(file) === dist)
    .map((file) => path.basename(file))
    .sort();
  if (!files.includes('index.js')) throw new Error(`the load probe did not see ${bundle} load: ${urls.join(', ')}`);
  let bytes = 0;
  for (const file of files) bytes += (await stat(path.join(dist, file))).size;
  return { files, bytes };
}
