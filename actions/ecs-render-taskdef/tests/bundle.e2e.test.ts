import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { DESCRIBE_ONLY_FIELDS } from '@ecs-actions/core';
import { foreignCommands, HOSTILE_LINES, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const bundle = path.resolve(import.meta.dirname, '../dist/index.js');
const seedText = readFileSync(path.resolve(import.meta.dirname, 'fixtures/seed-task-definition.json'), 'utf8');
const seed = () => JSON.parse(seedText) as Record<string, unknown>;
const CONTAINER = 'ecs_be_prod_container';

let sim: Simulator;
let ecs: ECSClient;
let repositoryUri: string;
let digest: string;

beforeAll(async () => {
  sim = await startSimulator();
  ecs = new ECSClient({
    region: sim.env.AWS_REGION,
    endpoint: sim.env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
  });
  sim.ecr.seedRepository({ repositoryName: 'ecs-be-prod' });
  sim.ecr.seedImage({
    repositoryName: 'ecs-be-prod',
    tags: ['0.2540.120'],
    pushedAt: new Date('2025-10-01T00:00:00Z'),
  });
  digest = sim.ecr.seedImage({
    repositoryName: 'ecs-be-prod',
    tags: ['0.2541.135'],
    pushedAt: new Date('2025-10-08T00:00:00Z'),
  });
  repositoryUri = `123456789012.dkr.ecr.${sim.env.AWS_REGION}.amazonaws.com/ecs-be-prod`;
});

afterAll(async () => {
  ecs?.destroy();
  await sim?.close();
});

async function workspaceWith(files: Record<string, string>): Promise<string> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'render-e2e-ws-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), text);
  }
  return workspace;
}

/** Registers the rendered file with the SDK and describes it back. */
async function registerAndDescribe(file: string) {
  const rendered = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const registered = await ecs.send(
    new RegisterTaskDefinitionCommand(rendered as unknown as RegisterTaskDefinitionCommandInput),
  );
  const arn = registered.taskDefinition?.taskDefinitionArn;
  const back = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }));
  const described: Record<string, unknown> = { ...back.taskDefinition };
  for (const field of DESCRIBE_ONLY_FIELDS) delete described[field];
  if (back.tags && back.tags.length > 0) described.tags = back.tags;
  return { rendered, described };
}

/** Runs the bundle on the seed task definition (task-definition.json in a fresh workspace). */
async function renderSeed(inputs: Record<string, string>, env: Record<string, string | undefined> = sim.env) {
  const workspace = await workspaceWith({ 'task-definition.json': seedText });
  const run = await runBundle({
    bundle,
    workspace,
    env,
    inputs: { 'task-definition': 'task-definition.json', ...inputs },
  });
  return { run, workspace };
}

describe('ecs-render-taskdef bundle against the simulator', () => {
  it('renders from a file, verifies the ECR tag, and the output registers and describes back whole', async () => {
    const workspace = await workspaceWith({ 'deploy/task-definition.json': seedText });
    const image = `${repositoryUri}:0.2541.135`;
    const run = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: {
        'task-definition': 'deploy/task-definition.json',
        'container-name': CONTAINER,
        image,
        'environment-variables': 'SPRING_PROFILES_ACTIVE=prod\nJAVA_OPTS=-Xmx2g -Dfile.encoding=UTF-8',
        secrets: 'DB_PASSWORD=arn:aws:ssm:us-east-1:123456789012:parameter/prod/db-password',
        'verify-image': 'true',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['image-digest']).toBe(digest);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs.family).toBe('ecs_be_prod');
    expect(path.dirname(run.outputs['task-definition'] ?? '')).toBe(run.runnerDir);
    expect(run.log).toContain(
      `  image: "949653644001.dkr.ecr.ap-northeast-2.amazonaws.com/ecs-be-prod:latest" → "${image}"`,
    );
    expect(run.log).toContain('  secret DB_PASSWORD: added (value hidden)');
    expect(run.log).not.toContain('prod/db-password');
    expect(run.summary).toContain('### Task definition `ecs_be_prod` rendered');
    expect(run.summary).toContain('| container ecs_be_prod_container | secret DB_PASSWORD | (none) | (value hidden) |');
    expect(run.summary).not.toContain('prod/db-password');
    expect(sim.callsOf('DescribeImages').length).toBeGreaterThanOrEqual(1);

    const { rendered, described } = await registerAndDescribe(run.outputs['task-definition'] ?? '');
    expect(described).toMatchObject(rendered);
    const app = (rendered.containerDefinitions as Record<string, unknown>[])[0];
    expect(app?.image).toBe(image);
  });

  it('values from the file and the inputs carrying workflow commands are printed in the diff as text, never run', async () => {
    const td = seed();
    const [container] = td.containerDefinitions as Record<string, unknown>[];
    if (container)
      container.environment = HOSTILE_LINES.map((line, index) => ({ name: `FROM_FILE_${index}`, value: line }));
    const workspace = await workspaceWith({ 'td.json': JSON.stringify(td, null, 2) });
    const run = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: {
        'task-definition': 'td.json',
        'container-name': CONTAINER,
        'environment-variables': HOSTILE_LINES.map((line, index) => `FROM_FILE_${index}=changed ${line}`).join('\n'),
        'verify-image': 'false',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(foreignCommands(run.log)).toEqual([]);
    expect(run.log).toContain('##[add-mask]hostile-2');
    expect(run.log).toContain('changed ##[stop-commands]hostile-9');
  });

  it('the seed task definition registers cleanly as rendered', async () => {
    const workspace = await workspaceWith({ 'task-definition.json': seedText });
    const run = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: { 'task-definition': 'task-definition.json', 'verify-image': 'false' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('false');
    const { rendered, described } = await registerAndDescribe(run.outputs['task-definition'] ?? '');
    expect(rendered).toEqual(seed());
    expect(described).toMatchObject(seed());
  });

  it('renders from a family (latest ACTIVE revision, with tags) and pins the digest', async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        ...(seed() as unknown as RegisterTaskDefinitionCommandInput),
        family: 'render-family',
        tags: [{ key: 'team', value: 'be' }],
      }),
    );
    const run = await runBundle({
      bundle,
      env: sim.env,
      inputs: {
        'task-definition-family': 'render-family',
        'container-name': CONTAINER,
        image: `${repositoryUri}:0.2541.135`,
        'pin-digest': 'true',
        cpu: '2048',
        memory: '4096',
        'output-file': 'rendered/td.json',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['task-definition']).toBe(path.join(run.workspace, 'rendered/td.json'));
    expect(run.outputs.family).toBe('render-family');
    const { rendered, described } = await registerAndDescribe(run.outputs['task-definition'] ?? '');
    for (const field of DESCRIBE_ONLY_FIELDS) expect(rendered).not.toHaveProperty(field);
    expect(rendered.tags).toEqual([{ key: 'team', value: 'be' }]);
    const app = (rendered.containerDefinitions as Record<string, unknown>[])[0];
    expect(app?.image).toBe(`${repositoryUri}@${digest}`);
    expect(app?.dockerLabels).toEqual({ 'ecs-actions.image-tag': '0.2541.135' });
    expect([rendered.cpu, rendered.memory]).toEqual(['2048', '4096']);
    expect(described).toMatchObject(rendered);
  });

  it('renders from a service: the task definition it runs now', async () => {
    sim.ecs.seedService({
      cluster: 'render-prod',
      serviceName: 'api',
      taskDefinition: { ...seed(), family: 'render-service' },
      desiredCount: 1,
    });
    const run = await runBundle({
      bundle,
      env: sim.env,
      inputs: {
        service: 'api',
        cluster: 'render-prod',
        images: `${CONTAINER}=${repositoryUri}:0.2541.135`,
        'docker-labels': 'com.example.version=0.2541.135',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.family).toBe('render-service');
    expect(run.outputs['image-digest']).toBe(digest);
    const { rendered, described } = await registerAndDescribe(run.outputs['task-definition'] ?? '');
    // ECS fills in defaults on register (cpu 0, mountPoints [], hostPort, ...): the describe output has them.
    expect(rendered).toMatchObject({
      ...seed(),
      family: 'render-service',
      containerDefinitions: [
        {
          ...(seed().containerDefinitions as Record<string, unknown>[])[0],
          image: `${repositoryUri}:0.2541.135`,
          dockerLabels: { 'com.example.version': '0.2541.135' },
        },
      ],
    });
    expect(described).toMatchObject(rendered);
  });

  it('a missing ECR tag fails once, naming the repository and the most recent tags', async () => {
    const workspace = await workspaceWith({ 'task-definition.json': seedText });
    const run = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: {
        'task-definition': 'task-definition.json',
        'container-name': CONTAINER,
        image: `${repositoryUri}:9.9999.9`,
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      `Input "image": the tag "9.9999.9" is not in the ECR repository "ecs-be-prod" (registry 123456789012, region us-east-1). Most recent tags there: 0.2541.135, 0.2540.120. Push the image first, or fix the tag.`,
    ]);
    expect(run.outputs).toEqual({});
  });

  it('an unknown family fails once, naming it and the region', async () => {
    const run = await runBundle({ bundle, env: sim.env, inputs: { 'task-definition-family': 'no-such-family' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('the task definition "no-such-family" was not found in ECS in region us-east-1');
  });

  it('a file that is not JSON fails once, with one annotation on the file at the line and column', async () => {
    const workspace = await workspaceWith({ 'task-definition.json': '{\n  "family": "web"\n  "cpu": "256"\n}\n' });
    const run = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: { 'task-definition': 'task-definition.json' },
    });
    expect(run.exitCode).toBe(1);
    const errors = run.commands.filter((command) => command.command === 'error');
    expect(errors).toEqual([
      {
        command: 'error',
        properties: { file: 'task-definition.json', line: '3', col: '3', title: 'Task definition is not valid JSON' },
        message:
          'Input "task-definition": "task-definition.json" is not valid JSON: expected "," or "}" after a property value, found "\\"" (a missing comma?) at line 3, column 3. Fix the file.',
      },
    ]);
    expect(run.outputs).toEqual({});
    expect(run.log).not.toContain('    at ');
  });

  it('a duplicate key fails once, annotated on the file at the second key, naming the key', async () => {
    const text = seedText.replace('"family": "ecs_be_prod",', '"family": "ecs_be_prod",\n  "family": "other",');
    const workspace = await workspaceWith({ 'task-definition.json': text });
    const run = await runBundle({
      bundle,
      workspace,
      env: sim.env,
      inputs: { 'task-definition': 'task-definition.json' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.commands.filter((command) => command.command === 'error')).toEqual([
      {
        command: 'error',
        properties: { file: 'task-definition.json', line: '3', col: '3', title: 'Task definition has a duplicate key' },
        message:
          'Input "task-definition": "task-definition.json" has the key "family" twice in one object (first at line 2) at line 3, column 3; JSON readers would silently keep only the last value. Remove or rename one of them.',
      },
    ]);
    expect(run.outputs).toEqual({});
  });

  it('an output-file outside the workspace and RUNNER_TEMP fails once and writes nothing there', async () => {
    // A name of this run's own beside the workspace: the check must not depend on what earlier runs left.
    const name = `escaped-${process.pid}-${Date.now()}.json`;
    const { run, workspace } = await renderSeed({ 'output-file': `../${name}`, 'verify-image': 'false' });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('Input "output-file" must name a path inside GITHUB_WORKSPACE');
    expect(existsSync(path.join(path.dirname(workspace), name))).toBe(false);
  });

  it('a container-name that is not in the file blames container-name and lists the containers', async () => {
    const { run } = await renderSeed({ 'container-name': 'web', image: `${repositoryUri}:0.2541.135` });
    expect(run.errors).toEqual([
      'Input "container-name": there is no container named "web" in the task-definition file "task-definition.json". Its containers: "ecs_be_prod_container".',
    ]);
  });

  it.each([
    {
      name: 'access denied on DescribeImages',
      fault: 'access-denied' as const,
      // repositoryUri is known once the simulator runs.
      says: (): string => `ecr:DescribeImages on ${repositoryUri}:0.2541.135 was denied (AccessDeniedException)`,
    },
    {
      name: 'expired credentials',
      fault: 'expired-token' as const,
      says: (): string => 'The AWS credentials have expired',
    },
  ])('$name fails once with the action and the fix', async ({ fault, says }) => {
    sim.faults.inject({ api: 'ecr', operation: 'DescribeImages', kind: fault });
    const { run } = await renderSeed({ 'container-name': CONTAINER, image: `${repositoryUri}:0.2541.135` });
    sim.faults.clear();
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain(says());
    expect(run.log).not.toContain('    at ');
  });

  it('no AWS credentials at all: says so and what to run first', async () => {
    const { run } = await renderSeed(
      { 'container-name': CONTAINER, image: `${repositoryUri}:0.2541.135` },
      {
        ...sim.env,
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_CONFIG_FILE: '/nonexistent/config',
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      `No AWS credentials were found for ecr:DescribeImages on ${repositoryUri}:0.2541.135. Run aws-actions/configure-aws-credentials (an OIDC role) before this step.`,
    ]);
  });

  it('the file-only path needs no AWS at all (no region, no credentials)', async () => {
    const workspace = await workspaceWith({ 'task-definition.json': seedText });
    const run = await runBundle({
      bundle,
      workspace,
      env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined },
      inputs: { 'task-definition': 'task-definition.json', 'container-name': CONTAINER, image: 'nginx:1.27' },
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.log).toContain(
      'The image "nginx:1.27" (container "ecs_be_prod_container") is not in an ECR private registry: not verified.',
    );
    expect(run.outputs['image-digest']).toBe('');
  });

  describe('with the input names of aws-actions/amazon-ecs-render-task-definition', () => {
    it('reads log-configuration-options as log-options', async () => {
      const { run } = await renderSeed({
        'container-name': CONTAINER,
        image: `${repositoryUri}:0.2541.135`,
        'log-configuration-options': 'awslogs-stream-prefix=stock\nmode=non-blocking',
      });
      expect(run.errors).toEqual([]);
      expect(run.warnings).toEqual([]);
      const rendered = JSON.parse(readFileSync(run.outputs['task-definition'] ?? '', 'utf8'));
      expect(rendered.containerDefinitions[0].logConfiguration.options).toMatchObject({
        'awslogs-stream-prefix': 'stock',
        mode: 'non-blocking',
      });
    });

    it('puts the one image into each container of a comma list in container-name', async () => {
      const twoContainers = seed();
      const [app] = twoContainers.containerDefinitions as Record<string, unknown>[];
      twoContainers.containerDefinitions = [app, { ...app, name: 'worker', portMappings: [] }];
      const workspace = await workspaceWith({ 'task-definition.json': JSON.stringify(twoContainers) });
      const image = `${repositoryUri}:0.2541.135`;
      const run = await runBundle({
        bundle,
        workspace,
        env: sim.env,
        inputs: { 'task-definition': 'task-definition.json', 'container-name': `${CONTAINER},worker`, image },
      });
      expect(run.errors).toEqual([]);
      const rendered = JSON.parse(readFileSync(run.outputs['task-definition'] ?? '', 'utf8'));
      expect(rendered.containerDefinitions.map((c: { name: string; image: string }) => [c.name, c.image])).toEqual([
        [CONTAINER, image],
        ['worker', image],
      ]);
    });

    it('refuses log-configuration-log-driver once, with the form to write instead, and writes nothing', async () => {
      const { run } = await renderSeed({
        'container-name': CONTAINER,
        image: `${repositoryUri}:0.2541.135`,
        'log-configuration-log-driver': 'awsfirelens',
      });
      expect(run.exitCode).toBe(1);
      expect(run.errors).toEqual([
        'Input "log-configuration-log-driver" ("awsfirelens") is not read by ecs-render-taskdef: it does not change a container\'s log driver per deploy. Write it in the task definition file, "logConfiguration": {"logDriver": "awsfirelens", "options": {...}}, and give per-deploy options with log-options: (key=value lines).',
      ]);
      expect(run.outputs).toEqual({});
    });
  });
});
