/**
 * ecs-deploy-wait with an app file of many services (issue 25): what following N services together costs, against the
 * simulator, running the committed bundle as the runner does.
 *
 * - DescribeServices calls per poll while following 10 services: the step's DescribeServices calls during the wait
 *   are grouped into polls (calls less than a quarter of the poll interval apart are one poll); the median poll's call
 *   count. Target: 1 (the services go out 10 a call).
 * - The step's own time beyond the rollout: from the moment the last service's deployment was COMPLETED (simulated
 *   time converted to real time) to the process's exit, for 10 services and for 1, each the median of a few runs at
 *   the same poll interval. Target: 10 services at most 1.5 times 1 service.
 *
 *   tsx scripts/bench/app-deploy.ts     prints the figures as JSON
 * Environment: BENCH_APP_RUNS (runs of each, default 3), BENCH_APP_POLL (poll-interval input, default 1s),
 * BENCH_APP_TIME_SCALE (default 20).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDuration } from '@ecs-actions/core';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator, TIMING } from '@ecs-actions/simulator';
import { type Spread, spread } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'actions/ecs-deploy-wait/dist/index.js');
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/bench-app';

const taskDefinition = (family: string, image: string) => ({
  family,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image, essential: true }],
});

export interface AppDeployBench {
  services: number;
  pollIntervalMs: number;
  describeServicesPerPoll: number;
  describeServicesPerPollTarget: number;
  /** Real ms from the last COMPLETED to the step's exit: 10 services, and 1. */
  beyondRolloutMs: { many: Spread; one: Spread };
  beyondRolloutTargetRatio: number;
  ok: boolean;
}

interface Deployment {
  status: string;
  rolloutState?: string;
  updatedAt: Date;
  taskDefinition: string;
}

/** One app deploy of `count` services; returns the real ms beyond the last rollout and the DescribeServices calls. */
async function appDeploy(count: number, pollInterval: string, timeScale: number, run: number) {
  const sim: Simulator = await startSimulator({ timeScale });
  try {
    sim.ecs.seedCluster('prod');
    const names = Array.from({ length: count }, (_, i) => `svc-${i}`);
    const image = `${REPO}:${run}`;
    // Every task takes a few real seconds to start, so the wait spans several polls.
    sim.ecs.setImageScenario(image, {
      kind: 'slow-start',
      startSeconds: TIMING.provisioning / 1000 + TIMING.pending / 1000 + 3 * timeScale,
    });
    const workspace = await mkdtemp(path.join(tmpdir(), 'bench-app-deploy-'));
    await mkdir(path.join(workspace, '.aws'));
    const services: Record<string, unknown> = {};
    for (const name of names) {
      sim.ecs.seedService({
        cluster: 'prod',
        serviceName: name,
        taskDefinition: taskDefinition(name, `${REPO}:0`),
        desiredCount: 1,
      });
      await writeFile(
        path.join(workspace, '.aws', `${name}.json`),
        JSON.stringify(taskDefinition(name, 'placeholder')),
      );
      services[name] = { taskDefinition: `.aws/${name}.json`, images: { app: 'built' } };
    }
    const app = { application: 'bench', environments: { production: { cluster: 'prod' } }, services };
    await writeFile(path.join(workspace, '.aws', 'ecs-app.json'), JSON.stringify(app));
    const firstCall = sim.calls.length;
    const result = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: {
        'app-file': '.aws/ecs-app.json',
        environment: 'production',
        image,
        'poll-interval': pollInterval,
        timeout: '10m',
        preflight: 'off',
      },
      timeoutMs: 300_000,
    });
    const exitedAt = Date.now();
    if (result.exitCode !== 0 || result.outputs.status !== 'succeeded') {
      throw new Error(`the app deploy did not succeed (exit ${result.exitCode}):\n${result.log}`);
    }
    const completed = names.map((name) => {
      const primary = (sim.ecs.describeService('prod', name) as { deployments: Deployment[] }).deployments.find(
        (d) => d.status === 'PRIMARY',
      );
      if (primary?.rolloutState !== 'COMPLETED') throw new Error(`${name} is not COMPLETED`);
      return Date.now() - (sim.clock.now() - primary.updatedAt.getTime()) / timeScale;
    });
    const describes = sim.calls.slice(firstCall).filter((call) => call.operation === 'DescribeServices');
    return { beyondMs: exitedAt - Math.max(...completed), describeTimes: describes.map((call) => call.time) };
  } finally {
    await sim.close();
  }
}

/** Calls less than `gapMs` apart are one poll; the median poll's number of calls. */
function callsPerPoll(times: number[], gapMs: number): number {
  const polls: number[] = [];
  let last = -Infinity;
  for (const time of [...times].sort((a, b) => a - b)) {
    if (time - last > gapMs) polls.push(0);
    polls[polls.length - 1] = (polls[polls.length - 1] ?? 0) + 1;
    last = time;
  }
  return spread(polls).median;
}

export async function benchAppDeploy(): Promise<AppDeployBench> {
  const runs = Number(process.env.BENCH_APP_RUNS ?? 3);
  const pollInterval = process.env.BENCH_APP_POLL ?? '1s';
  const pollIntervalMs = parseDuration('poll-interval', pollInterval);
  const timeScale = Number(process.env.BENCH_APP_TIME_SCALE ?? 20);
  const many: number[] = [];
  const one: number[] = [];
  const perPoll: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const tenServices = await appDeploy(10, pollInterval, timeScale, run);
    many.push(tenServices.beyondMs);
    perPoll.push(callsPerPoll(tenServices.describeTimes, pollIntervalMs / 4));
    one.push((await appDeploy(1, pollInterval, timeScale, run)).beyondMs);
  }
  const beyondRolloutMs = { many: spread(many), one: spread(one) };
  const describeServicesPerPoll = spread(perPoll).median;
  return {
    services: 10,
    pollIntervalMs,
    describeServicesPerPoll,
    describeServicesPerPollTarget: 1,
    beyondRolloutMs,
    beyondRolloutTargetRatio: 1.5,
    ok: describeServicesPerPoll <= 1 && beyondRolloutMs.many.median <= 1.5 * beyondRolloutMs.one.median,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const result = await benchAppDeploy();
  console.log(JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}
