/**
 * Review attacks on ecs-run-task's verify (issue "Verify before any change"), through the committed bundle against
 * the simulator: an execution role whose trust policy denies ECS tasks explicitly, an arm64 single-platform image
 * (its platform read from the config blob the simulator serves) on a task with no runtimePlatform, and secret ARNs
 * carrying workflow-command text. With `verify: fail` each is a finding, nothing is registered or run (the recorded
 * calls are reads only), and none of the text reaches the runner as a command.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foreignCommands, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const ACCOUNT = '123456789012';
const HOSTILE_ARNS = [
  `arn:aws:ssm:us-east-1:${ACCOUNT}:x ##[set-output name=status;]succeeded`,
  `arn:aws:ssm:us-east-1:${ACCOUNT}:\n::error::verify-injected`,
];

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('ecs-run-task verify: fail', () => {
  it('a trust Deny, an arm64 image on a default (X86_64) task, hostile ARNs: all found, nothing registered or run', async () => {
    sim = await startSimulator({ timeScale: 60 });
    sim.ecr.seedImage({ repositoryName: 'job', tags: ['2'], platform: { os: 'linux', architecture: 'arm64' } });
    sim.iam.createRole({
      name: 'job-exec',
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
          { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
        ],
      },
      policies: { all: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
    });
    sim.logs.createLogGroup('/ecs/job');
    sim.ecs.seedCluster('prod');
    sim.taskStart.enable();
    const workspace = mkdtempSync(join(tmpdir(), 'run-task-verify-attacks-'));
    writeFileSync(
      join(workspace, 'job.json'),
      JSON.stringify({
        family: 'job',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/job-exec`,
        containerDefinitions: [
          {
            name: 'app',
            image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/job:2`,
            essential: true,
            secrets: HOSTILE_ARNS.map((valueFrom, index) => ({ name: `S${index}`, valueFrom })),
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': '/ecs/job', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
            },
          },
        ],
      }),
    );
    const result = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: {
        'task-definition': 'job.json',
        cluster: 'prod',
        subnets: 'subnet-0a1b2c3d4e5f60718',
        verify: 'fail',
        'poll-interval': '250ms',
        timeout: '30s',
      },
      timeoutMs: 50_000,
    });
    expect(result.exitCode).toBe(1);
    expect(foreignCommands(result.stdout)).toEqual([]);
    expect(result.outputs.status).not.toBe('succeeded');
    expect(result.errors).toHaveLength(1);
    const error = result.errors[0] ?? '';
    expect(error).toContain('Verify found 4 problems that would stop the task before it starts');
    expect(error).toContain('its trust policy has a Deny of sts:AssumeRole for it');
    expect(error).toContain('is built for linux/arm64; the task runs on linux/amd64');
    expect(error.match(/is not a valid ARN: it names no parameter\/<name>/g)).toHaveLength(2);
    // Each finding one item of the list: the valueFrom's line break shown, not made.
    expect(error.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(4);
    expect(error).toContain(String.raw`123456789012:\n::error::verify-injected is not a valid ARN`);
    expect(error).not.toMatch(/^::error::verify-injected/m);
    expect(result.stdout).not.toMatch(/X-Amz-|\/v2\/job\/blobs/);
    // Verify's reads only: the config blob's GetDownloadUrlForLayer included, no register, no run, no tag.
    const operations = sim.calls.map((call) => call.operation);
    expect(operations).toContain('GetDownloadUrlForLayer');
    expect(operations.filter((operation) => !/^(Describe|List|Get|BatchGet|Simulate)/.test(operation))).toEqual([]);
  }, 60_000);
});
