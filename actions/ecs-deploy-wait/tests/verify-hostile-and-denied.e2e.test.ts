/**
 * Attacks on verify and dry-run (issue "Verify before any change, and a deploy plan on every pull request"),
 * through the committed bundle against the simulator: secret references carrying workflow-command text, Markdown and
 * HTML reach neither the runner as a command nor the summary as markup; denied reads are notes; a dry-run writes
 * nothing, whatever verify finds.
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
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-exec`;
const WRITES = ['RegisterTaskDefinition', 'UpdateService', 'CreateService', 'TagResource', 'DeregisterTaskDefinition'];

/** valueFrom forms an attacker (or a typo) could put in a task definition: each is a finding (`arn:` a malformed ARN). */
const HOSTILE_SECRETS = [
  '::error::verify-injected',
  'x ##[set-output name=status;]succeeded',
  '/web/<img src=x onerror=alert(1)>|`code`|',
  `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:::warning::nope-AbCdEf:key::`,
  `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/web/%0A::error::newline`,
  'arn:',
  'line one\n::error::line two',
];

function taskDefinition(image: string, secrets: string[]) {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: EXEC_ROLE,
    containerDefinitions: [
      {
        name: 'web',
        image,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
        secrets: secrets.map((valueFrom, index) => ({ name: `S${index}`, valueFrom })),
      },
    ],
  };
}

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(secrets: string[]): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecr.seedImage({ repositoryName: 'web', tags: ['1', '2'], platforms: [{ os: 'linux', architecture: 'amd64' }] });
  sim.iam.createRole({
    name: 'web-exec',
    policies: { all: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
  });
  sim.ecs.seedCluster('prod');
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: taskDefinition(`${REGISTRY}/web:1`, []),
    desiredCount: 1,
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'] } },
  });
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-verify-hostile-'));
  await writeFile(
    path.join(workspace, 'task-definition.json'),
    JSON.stringify(taskDefinition(`${REGISTRY}/web:2`, secrets), null, 2),
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

describe('hostile secret references', () => {
  it.each(['fail', 'warn'])(
    'verify: %s: every one is a finding, none reaches the runner as a command',
    async (mode) => {
      const s = await start(HOSTILE_SECRETS);
      const result = await run(s, { verify: mode, wait: 'false' });
      expect(foreignCommands(result.stdout)).toEqual([]);
      expect(result.errors.join('\n')).not.toMatch(/^verify-injected$|^line two$/m);
      if (mode === 'fail') {
        expect(result.exitCode).toBe(1);
        expect(writesOf(s.sim)).toEqual([]);
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]).toContain(`Verify found ${HOSTILE_SECRETS.length} problems`);
      } else {
        expect(result.warnings.filter((w) => w.startsWith('Verify: would fail'))).toHaveLength(HOSTILE_SECRETS.length);
      }
    },
    120_000,
  );

  it('dry-run: the plan lists them, nothing is written, and the summary has no markup from them', async () => {
    const s = await start(HOSTILE_SECRETS);
    const result = await run(s, { verify: 'fail', 'dry-run': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('planned');
    expect(writesOf(s.sim)).toEqual([]);
    expect(foreignCommands(result.stdout)).toEqual([]);
    expect(result.outputs.plan).toContain('##### Verify');
    for (const text of [result.summary, result.outputs.plan ?? '']) {
      // Each finding is one list item of plain text: no HTML, no code span, no line of its own for the newline.
      const verify = text.slice(text.indexOf('##### Verify'), text.indexOf('##### Preflight'));
      expect(verify.split('\n').filter((line) => line.startsWith('- would fail'))).toHaveLength(HOSTILE_SECRETS.length);
      expect(verify).not.toContain('<img');
      expect(verify).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
      expect(verify).not.toMatch(/[^\\]`/);
      expect(text).not.toMatch(/^::error::|^line two/m);
    }
  }, 120_000);
});

describe('a hostile task definition in the plan', () => {
  it('values, names and keys with fences, HTML and newlines stay inside the diff block', async () => {
    const s = await start([]);
    const hostile = '```\n</code></pre><img src=x>\n```\n# heading\n~~~';
    const definition = taskDefinition(`${REGISTRY}/web:2`, []);
    const container = {
      ...definition.containerDefinitions[0],
      environment: [{ name: hostile, value: hostile }],
      dockerLabels: { [hostile]: hostile },
      command: [hostile],
    };
    await writeFile(
      path.join(s.workspace, 'task-definition.json'),
      JSON.stringify({ ...definition, containerDefinitions: [container] }),
    );
    const result = await run(s, { 'dry-run': 'true' });
    expect(result.outputs.status).toBe('planned');
    expect(writesOf(s.sim)).toEqual([]);
    const plan = result.outputs.plan ?? '';
    // The only fence lines are the diff block's own (longer than any run of backticks inside).
    expect(plan.split('\n').filter((line) => /^ {0,3}(`{3,}|~{3,})/.test(line))).toEqual(['````diff', '````']);
    expect(plan).not.toMatch(/^#+ heading/m);
  }, 120_000);
});

describe('denied reads', () => {
  it('every verify read denied: one note per permission, no finding, the deploy goes on', async () => {
    const s = await start(['/web/db-password']);
    s.sim.ssm.putParameter({ name: '/web/db-password', value: 'pw', type: 'SecureString' });
    for (const api of ['iam', 'ssm', 'secretsmanager', 'logs'] as const) {
      s.sim.faults.inject({ api, kind: 'access-denied', count: 100 });
    }
    const result = await run(s, { verify: 'fail', 'dry-run': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('planned');
    expect(result.warnings.filter((w) => w.startsWith('Verify:'))).toEqual([]);
    expect(result.stdout).toMatch(/Could not check .*iam:GetRole failed with AccessDenied/);
    expect(writesOf(s.sim)).toEqual([]);
  }, 120_000);

  it('verify reads that never answer: verify gives up within its budget, one note, and the plan is made', async () => {
    const s = await start(['/web/db-password']);
    s.sim.faults.inject({ api: 'iam', kind: 'hang', count: 100 });
    s.sim.faults.inject({ api: 'ssm', kind: 'throttle', count: 100 });
    const started = Date.now();
    const result = await run(s, { verify: 'fail', 'dry-run': 'true' });
    expect(result.outputs.status).toBe('planned');
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(result.stdout).toMatch(/Could not check .*iam:GetRole failed/);
    expect(result.stdout).toMatch(/Could not check .*ssm:DescribeParameters failed/);
    expect(writesOf(s.sim)).toEqual([]);
  }, 120_000);
});
