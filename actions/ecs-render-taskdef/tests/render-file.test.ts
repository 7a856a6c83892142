import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, DESCRIBE_ONLY_FIELDS, formatJson } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { FileConfigurationError } from '../src/errors.js';
import { container, render, SEED_CONTAINER, seed, seedText } from './helpers.js';

const ECR_IMAGE = '949653644001.dkr.ecr.ap-northeast-2.amazonaws.com/ecs-be-prod:0.2541.135';
const base = { 'task-definition': 'taskdef.json', 'verify-image': 'false' };
const seedFiles = { 'taskdef.json': seedText };

const twoContainers = JSON.stringify({
  family: 'web',
  containerDefinitions: [
    { name: 'app', image: 'nginx:1', environment: [{ name: 'A', value: '1' }] },
    { name: 'proxy', image: 'envoyproxy/envoy:v1.31', logConfiguration: { logDriver: 'awslogs', options: {} } },
  ],
});

describe('render from a file', () => {
  it('renders the seed task definition: only the image changes, in place, 2-space JSON with a final newline', async () => {
    const run = await render({ ...base, 'container-name': SEED_CONTAINER, image: ECR_IMAGE }, { files: seedFiles });
    expect(run.error).toBeUndefined();
    const expected = seed();
    (expected.containerDefinitions as Record<string, unknown>[])[0] = {
      ...(expected.containerDefinitions as Record<string, unknown>[])[0],
      image: ECR_IMAGE,
    };
    expect(run.output).toEqual(expected);
    expect(run.outputText).toBe(formatJson(expected));
    expect(run.outputText?.endsWith('}\n')).toBe(true);
    expect(run.outputText?.split('\n')[1]).toBe('  "family": "ecs_be_prod",');
    expect(run.result).toMatchObject({ family: 'ecs_be_prod', changed: true, imageDigest: undefined });
    expect(run.result?.outputFile).toBe(path.join(run.box.runnerTemp, 'task-definition-ecs_be_prod-r4nd0m.json'));
    expect(run.result?.changes).toEqual([
      {
        scope: `container ${SEED_CONTAINER}`,
        setting: 'image',
        before: '949653644001.dkr.ecr.ap-northeast-2.amazonaws.com/ecs-be-prod:latest',
        after: ECR_IMAGE,
      },
    ]);
    expect(run.result?.notes).toEqual(['verify-image is false: the images were not checked in ECR.']);
  });

  it('accepts the describe-output form: drops the describe-only fields, keeps the tags as register tags', async () => {
    const { family, ...rest } = seed();
    const described = {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:7',
        family,
        revision: 7,
        status: 'ACTIVE',
        ...rest,
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
        compatibilities: ['EC2', 'FARGATE'],
        registeredAt: 1760000000.123,
        registeredBy: 'arn:aws:iam::123456789012:role/deployer',
        deregisteredAt: 1760000001,
      },
      tags: [{ key: 'team', value: 'be' }],
    };
    const run = await render({ ...base }, { files: { 'taskdef.json': JSON.stringify(described) } });
    expect(run.error).toBeUndefined();
    expect(run.output).toEqual({ ...seed(), tags: [{ key: 'team', value: 'be' }] });
    expect(Object.keys(run.output ?? {})).toEqual([...Object.keys(seed()), 'tags']);
    for (const field of DESCRIBE_ONLY_FIELDS) expect(run.output).not.toHaveProperty(field);
    expect(run.result?.changed).toBe(false);
  });

  it('keeps fields it does not know, where they were, and the key order of the source', async () => {
    const source = {
      containerDefinitions: [
        {
          image: 'nginx:1',
          futureContainerField: { mode: 'x', list: [1, 2] },
          name: 'app',
          environment: [{ value: '1', name: 'A' }],
        },
      ],
      zeta: 'first unknown',
      family: 'web',
      enableFaultInjection: true,
      alpha: null,
    };
    const run = await render(
      { ...base, 'container-name': 'app', image: 'nginx:2', 'environment-variables': 'A=2\nB=3' },
      { files: { 'taskdef.json': JSON.stringify(source) } },
    );
    expect(run.error).toBeUndefined();
    expect(Object.keys(run.output ?? {})).toEqual([
      'containerDefinitions',
      'zeta',
      'family',
      'enableFaultInjection',
      'alpha',
    ]);
    const app = container(run.output, 'app');
    expect(Object.keys(app)).toEqual(['image', 'futureContainerField', 'name', 'environment']);
    expect(app).toEqual({
      image: 'nginx:2',
      futureContainerField: { mode: 'x', list: [1, 2] },
      name: 'app',
      environment: [
        { value: '2', name: 'A' },
        { name: 'B', value: '3' },
      ],
    });
    expect(run.output?.alpha).toBeNull();
  });

  it('reads a byte-order mark and a path in a subfolder; writes output-file relative to the workspace', async () => {
    const run = await render(
      { ...base, 'task-definition': './deploy/td.json', 'output-file': 'out/rendered.json' },
      { files: { 'deploy/td.json': `\uFEFF${seedText}` } },
    );
    expect(run.error).toBeUndefined();
    expect(run.result?.outputFile).toBe(path.join(run.box.workspace, 'out/rendered.json'));
    expect(run.output).toEqual(seed());
    expect(run.written).toEqual([]);
    expect(run.result?.source).toBe('file deploy/td.json');
  });

  it('says changed: false when nothing changes (same image, no settings)', async () => {
    const run = await render(
      {
        ...base,
        'container-name': SEED_CONTAINER,
        image: '949653644001.dkr.ecr.ap-northeast-2.amazonaws.com/ecs-be-prod:latest',
      },
      { files: seedFiles },
    );
    expect(run.result?.changed).toBe(false);
    expect(run.result?.changes).toEqual([]);
  });

  type Case = {
    name: string;
    inputs: Record<string, string>;
    check: (output: Record<string, unknown>) => void;
    changes: string[];
  };
  const seedContainer = (output: Record<string, unknown>) => container(output, SEED_CONTAINER);
  const cases: Case[] = [
    {
      name: 'environment-variables: upsert in place, append new, "=" in values, KEY= empty',
      inputs: {
        'environment-variables':
          'REDIS_PORT=6380\nJAVA_OPTS=-Dx=1 -Dy=2\n# a comment\n\nEMPTY=\nURL=https://x/?a=b&c=d',
      },
      check: (output) =>
        expect(seedContainer(output).environment).toEqual([
          { name: 'REDIS_HOST', value: 'redis://redis-6379-tcp.my-app:6379' },
          { name: 'REDIS_PORT', value: '6380' },
          { name: 'JAVA_OPTS', value: '-Dx=1 -Dy=2' },
          { name: 'EMPTY', value: '' },
          { name: 'URL', value: 'https://x/?a=b&c=d' },
        ]),
      changes: [
        'environment REDIS_PORT: "6379" → "6380"',
        'environment JAVA_OPTS: added "-Dx=1 -Dy=2"',
        'environment EMPTY: added ""',
        'environment URL: added "https://x/?a=b&c=d"',
      ],
    },
    {
      name: 'secrets: NAME=valueFrom, upserted, values hidden in the diff',
      inputs: {
        secrets:
          'DB_PASSWORD=arn:aws:secretsmanager:ap-northeast-2:949653644001:secret:db-AbCdEf\nAPI_KEY=/prod/api-key',
      },
      check: (output) =>
        expect(seedContainer(output).secrets).toEqual([
          { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:ap-northeast-2:949653644001:secret:db-AbCdEf' },
          { name: 'API_KEY', valueFrom: '/prod/api-key' },
        ]),
      changes: ['secret DB_PASSWORD: added (value hidden)', 'secret API_KEY: added (value hidden)'],
    },
    {
      name: 'docker-labels: merged into dockerLabels',
      inputs: { 'docker-labels': 'com.example.version=0.2541.135\nteam=be' },
      check: (output) =>
        expect(seedContainer(output).dockerLabels).toEqual({ 'com.example.version': '0.2541.135', team: 'be' }),
      changes: ['docker label com.example.version: added "0.2541.135"', 'docker label team: added "be"'],
    },
    {
      name: 'log-options: merged into logConfiguration.options, order kept',
      inputs: { 'log-options': 'awslogs-stream-prefix=web\nmode=non-blocking' },
      check: (output) =>
        expect(seedContainer(output).logConfiguration).toEqual({
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/ecs_be_prod',
            'awslogs-create-group': 'true',
            'awslogs-region': 'ap-northeast-2',
            'awslogs-stream-prefix': 'web',
            mode: 'non-blocking',
          },
        }),
      changes: ['log option awslogs-stream-prefix: "ecs" → "web"', 'log option mode: added "non-blocking"'],
    },
    {
      name: 'cpu and memory: task level strings',
      inputs: { cpu: '2048', memory: '4 GB' },
      check: (output) => expect([output.cpu, output.memory]).toEqual(['2048', '4 GB']),
      changes: ['cpu: "1024" → "2048"', 'memory: "3072" → "4 GB"'],
    },
    {
      name: 'task-role-arn and execution-role-arn',
      inputs: {
        'task-role-arn': 'arn:aws:iam::949653644001:role/app',
        'execution-role-arn': 'arn:aws:iam::949653644001:role/exec',
      },
      check: (output) => {
        expect(output.taskRoleArn).toBe('arn:aws:iam::949653644001:role/app');
        expect(output.executionRoleArn).toBe('arn:aws:iam::949653644001:role/exec');
        expect(Object.keys(output).slice(-1)).toEqual(['taskRoleArn']);
      },
      changes: [
        'taskRoleArn: added "arn:aws:iam::949653644001:role/app"',
        'executionRoleArn: "arn:aws:iam::949653644001:role/ecsTaskExecutionRole" → "arn:aws:iam::949653644001:role/exec"',
      ],
    },
    {
      name: 'command: a JSON array, never split at spaces',
      inputs: { command: '["sh", "-c", "java -jar app.jar --name=\'a b\'"]' },
      check: (output) => expect(seedContainer(output).command).toEqual(['sh', '-c', "java -jar app.jar --name='a b'"]),
      changes: ['command: added ["sh","-c","java -jar app.jar --name=\'a b\'"]'],
    },
  ];

  it.each(cases)('$name', async ({ inputs, check, changes }) => {
    const run = await render({ ...base, ...inputs }, { files: seedFiles });
    expect(run.error).toBeUndefined();
    if (!run.output) throw new Error('nothing rendered');
    check(run.output);
    expect(run.result?.changed).toBe(true);
    expect(run.result?.changes.map((change) => formatOne(change))).toEqual(changes);
  });

  it('images: several containers at once', async () => {
    const run = await render(
      { ...base, images: 'app=nginx:1.27\nproxy = envoyproxy/envoy:v1.32' },
      { files: { 'taskdef.json': twoContainers } },
    );
    expect(run.error).toBeUndefined();
    expect(container(run.output, 'app').image).toBe('nginx:1.27');
    expect(container(run.output, 'proxy').image).toBe('envoyproxy/envoy:v1.32');
  });

  it.each([
    {
      name: 'container-name picks the container for the settings',
      inputs: { 'container-name': 'proxy', 'log-options': 'mode=non-blocking' },
      target: 'proxy',
    },
    {
      name: 'a one-line images names it',
      inputs: { images: 'app=nginx:2', 'environment-variables': 'B=2' },
      target: 'app',
    },
    {
      name: 'container-name wins over images',
      inputs: { images: 'app=nginx:2\nproxy=envoyproxy/envoy:v2', 'container-name': 'proxy', 'docker-labels': 'x=1' },
      target: 'proxy',
    },
  ])('settings go to one container: $name', async ({ inputs, target }) => {
    const run = await render({ ...base, ...inputs }, { files: { 'taskdef.json': twoContainers } });
    expect(run.error).toBeUndefined();
    const scopes = new Set(
      run.result?.changes.filter((change) => change.setting !== 'image').map((change) => change.scope),
    );
    expect([...scopes]).toEqual([`container ${target}`]);
  });

  it('the only container gets the settings when no container is named', async () => {
    const run = await render({ ...base, 'docker-labels': 'a=1' }, { files: seedFiles });
    expect(container(run.output, SEED_CONTAINER).dockerLabels).toEqual({ a: '1' });
  });
});

function formatOne(change: { setting: string; before?: string; after?: string; hidden?: boolean; json?: boolean }) {
  const show = (value: string | undefined) => (change.json ? String(value) : JSON.stringify(value));
  if (change.hidden) return `${change.setting}: ${change.before === undefined ? 'added' : 'changed'} (value hidden)`;
  if (change.before === undefined) return `${change.setting}: added ${show(change.after)}`;
  return `${change.setting}: ${show(change.before)} → ${show(change.after)}`;
}

describe('bad input: one ConfigurationError, nothing written', () => {
  type Bad = {
    name: string;
    inputs: Record<string, string>;
    files?: Record<string, string>;
    message: (string | RegExp)[];
  };
  const bad: Bad[] = [
    {
      name: 'file missing',
      inputs: { 'task-definition': 'deploy/missing.json' },
      message: ['Input "task-definition": the file "deploy/missing.json" does not exist', 'actions/checkout'],
    },
    {
      name: 'file is a directory',
      inputs: { 'task-definition': 'deploy' },
      files: { 'deploy/x.json': '{}' },
      message: ['"deploy" is a directory'],
    },
    {
      name: 'not an object',
      inputs: { 'task-definition': 'taskdef.json' },
      files: { 'taskdef.json': '[{"family": "x"}]' },
      message: ['the task-definition file "taskdef.json" holds an array, not a task definition'],
    },
    {
      name: 'no containerDefinitions',
      inputs: { 'task-definition': 'taskdef.json' },
      files: { 'taskdef.json': '{"family": "web", "cpu": "256"}' },
      message: ['the task-definition file "taskdef.json" has no containerDefinitions'],
    },
    {
      name: 'empty containerDefinitions',
      inputs: { 'task-definition': 'taskdef.json' },
      files: { 'taskdef.json': '{"family": "web", "containerDefinitions": []}' },
      message: ['has no containerDefinitions (it is not a non-empty array)'],
    },
    {
      name: 'a container without a name',
      inputs: { 'task-definition': 'taskdef.json' },
      files: { 'taskdef.json': '{"family": "web", "containerDefinitions": [{"image": "nginx"}]}' },
      message: ['containerDefinitions[0] is not a container with a "name"'],
    },
    {
      name: 'no family',
      inputs: { 'task-definition': 'taskdef.json' },
      files: { 'taskdef.json': '{"containerDefinitions": [{"name": "app", "image": "nginx"}]}' },
      message: ['has no "family"'],
    },
    {
      name: 'container-name not found',
      inputs: { 'task-definition': 'taskdef.json', 'container-name': 'web', image: 'nginx:1' },
      files: { 'taskdef.json': twoContainers },
      message: [
        'Input "container-name": there is no container named "web" in the task-definition file "taskdef.json". Its containers: "app", "proxy".',
      ],
    },
    {
      name: 'images line names a missing container',
      inputs: { 'task-definition': 'taskdef.json', images: 'app=nginx:1\nsidecar=busybox:1' },
      files: { 'taskdef.json': twoContainers },
      message: ['Input "images" line 2: there is no container named "sidecar"', 'Its containers: "app", "proxy".'],
    },
    {
      name: 'container-name alone (for settings) not found',
      inputs: { 'task-definition': 'taskdef.json', 'container-name': 'nope', 'docker-labels': 'a=1' },
      files: { 'taskdef.json': twoContainers },
      message: ['Input "container-name": there is no container named "nope"'],
    },
    {
      name: 'settings with several containers and no container named',
      inputs: { 'task-definition': 'taskdef.json', 'environment-variables': 'A=1', command: '["x"]' },
      files: { 'taskdef.json': twoContainers },
      message: [
        'Inputs "environment-variables", "command" change one container, but the task-definition file "taskdef.json" has several ("app", "proxy") and "container-name" is empty.',
      ],
    },
    {
      name: 'log-options on a container without logConfiguration',
      inputs: { 'task-definition': 'taskdef.json', 'container-name': 'app', 'log-options': 'mode=non-blocking' },
      files: { 'taskdef.json': twoContainers },
      message: ['Input "log-options": the container "app"', 'has no logConfiguration with a logDriver'],
    },
    {
      name: 'invalid image reference (uppercase repository)',
      inputs: { 'task-definition': 'taskdef.json', 'container-name': 'app', image: 'nginx/MyApp:1' },
      files: { 'taskdef.json': twoContainers },
      message: ['Input "image": "nginx/MyApp:1" is not a valid image reference', 'path component "MyApp"'],
    },
    {
      name: 'invalid image reference in images (bad tag)',
      inputs: { 'task-definition': 'taskdef.json', images: 'app=nginx:1\nproxy=envoy:-bad' },
      files: { 'taskdef.json': twoContainers },
      message: ['Input "images" line 2: "envoy:-bad" is not a valid image reference: it has the tag "-bad"'],
    },
    {
      name: 'malformed KEY=VALUE line',
      inputs: { 'task-definition': 'taskdef.json', 'environment-variables': 'A=1\nNO_EQUALS_SIGN\nC=3' },
      files: { 'taskdef.json': seedText },
      message: ['Input "environment-variables" line 2 is not KEY=VALUE: "NO_EQUALS_SIGN"'],
    },
    {
      name: 'malformed secrets line (empty valueFrom)',
      inputs: { 'task-definition': 'taskdef.json', secrets: 'DB=' },
      files: { 'taskdef.json': seedText },
      message: ['Input "secrets" line 1: "DB" has an empty valueFrom'],
    },
    {
      name: 'malformed docker-labels line (=value)',
      inputs: { 'task-definition': 'taskdef.json', 'docker-labels': '=1' },
      files: { 'taskdef.json': seedText },
      message: ['Input "docker-labels" line 1 is not key=value: "=1"'],
    },
    {
      name: 'command not JSON',
      inputs: { 'task-definition': 'taskdef.json', command: 'node server.js' },
      files: { 'taskdef.json': seedText },
      message: ['Input "command" must be a JSON array of strings; got "node server.js"', 'not split at spaces'],
    },
    {
      name: 'command not an array of strings',
      inputs: { 'task-definition': 'taskdef.json', command: '["node", 8080]' },
      files: { 'taskdef.json': seedText },
      message: ['Input "command" must be a JSON array of strings; got "[\\"node\\", 8080]"'],
    },
    {
      name: 'both sources',
      inputs: { 'task-definition': 'taskdef.json', 'task-definition-family': 'web' },
      files: { 'taskdef.json': seedText },
      message: ['Several task definition sources are set: task-definition ("taskdef.json"), task-definition-family'],
    },
    {
      name: 'no source',
      inputs: { image: 'nginx:1' },
      message: ['No task definition source is set. Set exactly one of'],
    },
    {
      name: 'service without cluster',
      inputs: { service: 'api' },
      message: ['Input "service" is set ("api") but "cluster" is empty'],
    },
    {
      name: 'image without container-name',
      inputs: { 'task-definition': 'taskdef.json', image: 'nginx:1' },
      files: { 'taskdef.json': seedText },
      message: ['Input "image" is set ("nginx:1") but "container-name" is empty'],
    },
    {
      name: 'image and images both',
      inputs: { 'task-definition': 'taskdef.json', 'container-name': 'app', image: 'nginx:1', images: 'app=nginx:2' },
      files: { 'taskdef.json': seedText },
      message: ['Inputs "image" and "images" are both set'],
    },
    {
      name: 'pin-digest without verify-image',
      inputs: { 'task-definition': 'taskdef.json', 'pin-digest': 'true', 'verify-image': 'false' },
      files: { 'taskdef.json': seedText },
      message: ['Input "pin-digest" is true but "verify-image" is false'],
    },
    {
      name: 'cpu not CPU units',
      inputs: { 'task-definition': 'taskdef.json', cpu: 'lots' },
      files: { 'taskdef.json': seedText },
      message: ['Input "cpu" must be CPU units such as 1024'],
    },
  ];

  it.each(bad)('$name', async ({ inputs, files, message }) => {
    const run = await render({ 'verify-image': 'false', ...inputs }, { files: files ?? {} });
    expect(run.error).toBeInstanceOf(ConfigurationError);
    const text = (run.error as Error).message;
    for (const part of message) {
      if (typeof part === 'string') expect(text).toContain(part);
      else expect(text).toMatch(part);
    }
    expect(run.result).toBeUndefined();
    expect(run.written).toEqual([]);
  });

  it.each([
    {
      text: '{\n  "family": "web",\n  "cpu": "256"\n  "memory": "512"\n}\n',
      line: 4,
      column: 3,
      says: 'expected "," or "}" after a property value, found "\\"" (a missing comma?)',
    },
    {
      text: '{\n  "family": "web",\n  "containerDefinitions": [],\n}',
      line: 4,
      column: 1,
      says: 'a trailing comma before "}"',
    },
    { text: '', line: 1, column: 1, says: 'the file is empty' },
    { text: '{"family": "web"', line: 1, column: 17, says: 'the file ends inside an object (a missing "}"?)' },
    { text: "{'family': 'web'}", line: 1, column: 2, says: 'expected a property name in double quotes, found "\'"' },
  ])('not JSON: line $line column $column, annotated on the file', async ({ text, line, column, says }) => {
    const run = await render(
      { 'task-definition': 'deploy/taskdef.json', 'output-file': 'out.json' },
      { files: { 'deploy/taskdef.json': text } },
    );
    expect(run.error).toBeInstanceOf(FileConfigurationError);
    const error = run.error as FileConfigurationError;
    expect(error.message).toBe(
      `Input "task-definition": "deploy/taskdef.json" is not valid JSON: ${says} at line ${line}, column ${column}. Fix the file.`,
    );
    expect(error.annotation).toEqual({
      file: 'deploy/taskdef.json',
      line,
      col: column,
      title: 'Task definition is not valid JSON',
    });
    expect(run.written).toEqual([]);
    expect(existsSync(path.join(run.box.workspace, 'out.json'))).toBe(false);
  });

  it('leaves an existing output-file untouched on bad input', async () => {
    const run = await render(
      { 'task-definition': 'taskdef.json', 'output-file': 'taskdef.json', command: 'not json' },
      { files: { 'taskdef.json': seedText } },
    );
    expect(run.error).toBeInstanceOf(ConfigurationError);
    expect(readFileSync(path.join(run.box.workspace, 'taskdef.json'), 'utf8')).toBe(seedText);
  });
});
