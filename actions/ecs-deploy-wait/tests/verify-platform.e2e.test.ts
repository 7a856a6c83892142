/**
 * Verify's platform check of a single-platform image, through the committed bundle against the simulator: an arm64
 * image built without `--platform` (its manifest names no platform; its config blob does) on an X86_64 task is caught
 * before any write, where the same deploy without verify registers, rolls out and fails with the stopped reason AWS
 * gives; a denied ecr:GetDownloadUrlForLayer is one line and the deploy goes on.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, foreignCommands, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const ACCOUNT = '123456789012';
const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const WRITES = ['RegisterTaskDefinition', 'UpdateService', 'CreateService', 'TagResource', 'DeregisterTaskDefinition'];

function taskDefinition(image: string) {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-exec`,
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: [
      { name: 'web', image, essential: true, portMappings: [{ containerPort: 8080, protocol: 'tcp' }] },
    ],
  };
}

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 200 });
  sim.ecr.seedImage({ repositoryName: 'web', tags: ['1'] });
  // Built on an Apple silicon laptop with plain `docker build`: one manifest, its config says linux/arm64.
  sim.ecr.seedImage({ repositoryName: 'web', tags: ['2'], platform: { os: 'linux', architecture: 'arm64' } });
  sim.iam.createRole({
    name: 'web-exec',
    policies: {
      pull: {
        Statement: [
          { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
          { Effect: 'Allow', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: '*' },
        ],
      },
    },
  });
  sim.ecs.seedCluster('prod');
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: taskDefinition(`${REGISTRY}/web:1`),
    desiredCount: 1,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'] } },
  });
  sim.taskStart.enable();
  const workspace = await mkdtemp(path.join(tmpdir(), 'verify-platform-'));
  await writeFile(
    path.join(workspace, 'task-definition.json'),
    JSON.stringify(taskDefinition(`${REGISTRY}/web:2`), null, 2),
  );
  return { sim, workspace };
}

function run(s: { sim: Simulator; workspace: string }, inputs: Record<string, string>): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'web',
      'poll-interval': '250ms',
      timeout: '2m',
      ...inputs,
    },
    timeoutMs: 120_000,
  });
}

const writesOf = (s: Simulator) => s.calls.filter((call) => WRITES.includes(call.operation));

describe('an arm64 single-platform image on an X86_64 task', () => {
  it('verify: fail stops the step before any write, naming the platform from the config blob', async () => {
    const s = await start();
    const started = Date.now();
    const result = await run(s, { verify: 'fail' });
    expect(result.exitCode).toBe(1);
    expect(writesOf(s.sim)).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^Verify found 1 problem that would fail the rollout of service web/);
    expect(result.errors[0]).toContain(
      `image ${REGISTRY}/web:2 (container web) is built for linux/arm64; the task runs on linux/amd64`,
    );
    expect(result.errors[0]).toContain("descriptor matching platform 'linux/amd64'");
    expect(s.sim.callsOf('GetDownloadUrlForLayer')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(foreignCommands(result.stdout)).toEqual([]);
  }, 120_000);

  it('verify: off registers, rolls out, and the tasks stop as AWS stops them', async () => {
    const s = await start();
    const result = await run(s, { verify: 'off' });
    expect(result.exitCode).toBe(1);
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(1);
    expect(s.sim.callsOf('GetDownloadUrlForLayer')).toEqual([]);
    expect(result.stdout).toMatch(
      /CannotPullContainerError: pull image manifest has been retried 7 time\(s\): image Manifest does not contain descriptor matching platform 'linux\/amd64'/,
    );
  }, 120_000);

  it('a denied ecr:GetDownloadUrlForLayer is one line, never a failure: the plan is made', async () => {
    const s = await start();
    s.sim.faults.inject({ api: 'ecr', operation: 'GetDownloadUrlForLayer', kind: 'access-denied', count: 10 });
    const result = await run(s, { verify: 'fail', 'dry-run': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('planned');
    expect(result.warnings.filter((w) => w.startsWith('Verify:'))).toEqual([]);
    const notes = result.stdout.split('\n').filter((line) => line.includes('ecr:GetDownloadUrlForLayer failed'));
    expect(notes).toEqual([
      expect.stringMatching(
        /Could not check the platform of image .*web:2: ecr:GetDownloadUrlForLayer failed with AccessDenied/,
      ),
    ]);
    expect(writesOf(s.sim)).toEqual([]);
  }, 120_000);
});
