/**
 * ecs-deploy-wait's verify: how much it adds to a deploy's start, against the simulator, running the committed bundle
 * as the runner does. A task definition with an execution role, two secrets (an SSM parameter and a Secrets Manager
 * secret), an ECR image and an awslogs log group, all present, is deployed with `wait: false`, alternately with
 * `verify: off` and `verify: fail`; the start is the time from the step's first AWS call to its UpdateService. Target:
 * the median start with verify is at most 1.5 s longer. Its reads run concurrently: the first of each kind (GetRole,
 * DescribeParameters, DescribeSecret, BatchGetImage, DescribeLogGroups) start within a short spread. The image is
 * single-platform, so its platform is read from its config blob (GetDownloadUrlForLayer, then the blob).
 *
 *   tsx scripts/bench/verify.ts     prints the figures as JSON
 * Environment: BENCH_VERIFY_RUNS (runs of each kind, default 3).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'actions/ecs-deploy-wait/dist/index.js');
const ACCOUNT = '123456789012';
const READS = ['GetRole', 'DescribeParameters', 'DescribeSecret', 'BatchGetImage', 'DescribeLogGroups'];

export interface VerifyBench {
  runs: number;
  /** Median ms from the first call to UpdateService, without and with verify. */
  startMs: { off: number; fail: number };
  addedMs: number;
  addedTargetMs: number;
  /** The spread (ms) between the first reads of each kind, in the last verified run. */
  readsSpreadMs: number;
  ok: boolean;
}

function taskDefinition(image: string, secretArn: string) {
  return {
    family: 'bench-verify',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/bench-exec`,
    containerDefinitions: [
      {
        name: 'app',
        image,
        essential: true,
        secrets: [
          { name: 'DB_PASSWORD', valueFrom: '/bench/db-password' },
          { name: 'API_KEY', valueFrom: secretArn },
        ],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/bench', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' },
        },
      },
    ],
  };
}

async function deployOnce(
  sim: Simulator,
  workspace: string,
  verify: 'off' | 'fail',
): Promise<{ ms: number; spread: number }> {
  const first = sim.calls.length;
  const run = await runBundle({
    bundle,
    workspace,
    env: sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'bench',
      'force-new-deployment': 'true',
      wait: 'false',
      preflight: 'off',
      verify,
    },
    timeoutMs: 60_000,
  });
  if (run.exitCode !== 0) throw new Error(`the bundle failed (verify: ${verify}):\n${run.log}`);
  const calls = sim.calls.slice(first);
  const update = calls.find((call) => call.operation === 'UpdateService');
  if (!update || !calls[0]) throw new Error(`no UpdateService call:\n${run.log}`);
  const reads = READS.map((operation) => calls.find((call) => call.operation === operation)?.time ?? 0);
  return { ms: update.time - calls[0].time, spread: verify === 'fail' ? Math.max(...reads) - Math.min(...reads) : 0 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function benchVerify(): Promise<VerifyBench> {
  const runs = Number(process.env.BENCH_VERIFY_RUNS ?? 3);
  const sim = await startSimulator({ timeScale: 1000 });
  try {
    // A single-platform image (what plain `docker build` pushes): its platform costs verify two more reads in a row,
    // GetDownloadUrlForLayer and the config blob.
    sim.ecr.seedImage({ repositoryName: 'bench', tags: ['1'], platform: { os: 'linux', architecture: 'amd64' } });
    sim.ssm.putParameter({ name: '/bench/db-password', value: 'x', type: 'SecureString' });
    const secretArn = sim.secretsmanager.createSecret({ name: 'bench/api-key' });
    sim.logs.createLogGroup('/ecs/bench');
    sim.iam.createRole({
      name: 'bench-exec',
      policies: { all: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
    });
    const definition = taskDefinition(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/bench:1`, secretArn);
    sim.ecs.seedService({ cluster: 'prod', serviceName: 'bench', taskDefinition: definition, desiredCount: 1 });
    const workspace = await mkdtemp(path.join(tmpdir(), 'bench-verify-'));
    await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(definition));
    const off: number[] = [];
    const fail: number[] = [];
    let readsSpreadMs = 0;
    for (let i = 0; i < runs; i++) {
      off.push((await deployOnce(sim, workspace, 'off')).ms);
      const verified = await deployOnce(sim, workspace, 'fail');
      fail.push(verified.ms);
      readsSpreadMs = verified.spread;
    }
    const startMs = { off: median(off), fail: median(fail) };
    const addedMs = startMs.fail - startMs.off;
    return { runs, startMs, addedMs, addedTargetMs: 1500, readsSpreadMs, ok: addedMs <= 1500 };
  } finally {
    await sim.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const result = await benchVerify();
  console.log(JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}
