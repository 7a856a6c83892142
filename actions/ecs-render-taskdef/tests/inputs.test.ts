import { ConfigurationError, InputReader, inputsFrom } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { type RenderInputs, readRenderInputs, renderInputReader } from '../src/inputs.js';

const read = (values: Record<string, string | undefined>) => readRenderInputs(new InputReader(inputsFrom(values)));
const file = { 'task-definition': 'taskdef.json' };

describe('readRenderInputs', () => {
  it('defaults: verify-image true, pin-digest false, nothing else set', () => {
    expect(read(file)).toEqual({
      source: { kind: 'file', path: 'taskdef.json' },
      containerName: undefined,
      images: [],
      environment: [],
      secrets: [],
      dockerLabels: [],
      logOptions: [],
      cpu: undefined,
      memory: undefined,
      taskRoleArn: undefined,
      executionRoleArn: undefined,
      command: undefined,
      verifyImage: true,
      pinDigest: false,
      ecrRepository: undefined,
      outputFile: undefined,
    } satisfies RenderInputs);
  });

  it.each([
    { values: { 'task-definition-family': 'ecs_be_prod' }, source: { kind: 'family', family: 'ecs_be_prod' } },
    { values: { 'task-definition-family': 'ecs_be_prod:42' }, source: { kind: 'family', family: 'ecs_be_prod:42' } },
    {
      values: { 'task-definition-family': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3' },
      source: { kind: 'family', family: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3' },
    },
    { values: { service: 'api', cluster: 'prod' }, source: { kind: 'service', service: 'api', cluster: 'prod' } },
    {
      values: {
        service: 'arn:aws:ecs:us-east-1:123456789012:service/prod/api',
        cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
      },
      source: {
        kind: 'service',
        service: 'arn:aws:ecs:us-east-1:123456789012:service/prod/api',
        cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
      },
    },
  ])('source $source.kind from $values', ({ values, source }) => {
    expect(read(values).source).toEqual(source);
  });

  it('reads every setting', () => {
    const inputs = read({
      ...file,
      'container-name': 'app',
      image: ' 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 ',
      'environment-variables': 'A=1\nB=x=y',
      secrets: 'S=arn:aws:ssm:us-east-1:123456789012:parameter/s',
      'docker-labels': 'l=v',
      'log-options': 'mode=non-blocking',
      cpu: '1 vCPU',
      memory: '3072',
      'task-role-arn': 'app-task-role',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/path/exec',
      command: '["a b"]',
      'verify-image': 'False',
      'output-file': 'out.json',
    });
    expect(inputs).toMatchObject({
      containerName: 'app',
      environment: [
        { key: 'A', value: '1', line: 1 },
        { key: 'B', value: 'x=y', line: 2 },
      ],
      secrets: [{ key: 'S', value: 'arn:aws:ssm:us-east-1:123456789012:parameter/s', line: 1 }],
      dockerLabels: [{ key: 'l', value: 'v', line: 1 }],
      logOptions: [{ key: 'mode', value: 'non-blocking', line: 1 }],
      cpu: '1 vCPU',
      memory: '3072',
      taskRoleArn: 'app-task-role',
      executionRoleArn: 'arn:aws:iam::123456789012:role/path/exec',
      command: ['a b'],
      verifyImage: false,
      outputFile: 'out.json',
    });
    expect(inputs.images).toHaveLength(1);
    expect(inputs.images[0]).toMatchObject({ container: 'app', origin: 'input "image"' });
    expect(inputs.images[0]?.image.ecr).toEqual({ account: '123456789012', region: 'us-east-1', repository: 'app' });
  });

  it.each(['app', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app'])(
    'accepts an image of the ECR repository that ecr-repository %s allows',
    (repository) => {
      const inputs = read({
        ...file,
        'container-name': 'app',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:0.2601.1',
        'ecr-repository': repository,
      });
      expect(inputs.ecrRepository).toBe(repository);
    },
  );

  it.each([
    {
      values: { 'task-definition-family': 'my family' },
      message: 'Input "task-definition-family" is not a task definition family; got "my family".',
    },
    {
      values: { cluster: 'prod' },
      message: 'Input "cluster" is set ("prod") but "service" is empty.',
    },
    { values: { service: 'a b', cluster: 'prod' }, message: 'Input "service" is not a service name; got "a b".' },
    { values: { service: 'api', cluster: 'pr/od' }, message: 'Input "cluster" is not a cluster name; got "pr/od".' },
    {
      values: { ...file, 'container-name': 'my container' },
      message: 'Input "container-name" is not a container name; got "my container".',
    },
    {
      values: { ...file, images: 'app=nginx:1\napp=nginx:2' },
      message: 'Input "images" names the container "app" twice (lines 1 and 2).',
    },
    {
      values: { ...file, images: 'app:nginx=1' },
      message: 'Input "images" line 1: "app:nginx" is not a container name',
    },
    { values: { ...file, memory: '3 TB' }, message: 'Input "memory" must be MiB such as 3072' },
    {
      values: { ...file, 'task-role-arn': 'arn:aws:iam::12:role/x' },
      message: 'Input "task-role-arn" must be an IAM role ARN',
    },
    { values: { ...file, command: '[]' }, message: 'Input "command" must not be an empty array' },
    { values: { ...file, command: '{"cmd": "x"}' }, message: 'Input "command" must be a JSON array of strings' },
    { values: { ...file, 'verify-image': 'yes' }, message: 'Input "verify-image" must be a boolean; got "yes".' },
    {
      values: { ...file, 'container-name': 'app', image: 'docker.io/evil/x:1', 'ecr-repository': 'web' },
      message:
        'The image "docker.io/evil/x:1" (input "image", container "app") is not in the ECR repository "web" that input "ecr-repository" allows.',
    },
    {
      values: {
        ...file,
        'container-name': 'app',
        image: '999999999999.dkr.ecr.us-east-1.amazonaws.com/web:1',
        'ecr-repository': '123456789012.dkr.ecr.us-east-1.amazonaws.com/web',
      },
      message: 'is not in the ECR repository "123456789012.dkr.ecr.us-east-1.amazonaws.com/web"',
    },
    {
      values: { ...file, images: 'app=123456789012.dkr.ecr.us-east-1.amazonaws.com/other:1', 'ecr-repository': 'web' },
      message: '(input "images" line 1, container "app") is not in the ECR repository "web"',
    },
    {
      values: { ...file, 'ecr-repository': 'example.com/web' },
      message: 'Input "ecr-repository" must be an ECR repository name (e.g. web) or repository URI',
    },
    {
      values: { ...file, 'environment-variables': 'MY VAR=1' },
      message: 'Input "environment-variables" line 1: the name "MY VAR" contains whitespace.',
    },
    {
      values: { ...file, secrets: 'A=arn:x\n\nNOPE' },
      message: 'Input "secrets" line 3 is not NAME=valueFrom: "NOPE".',
    },
    {
      values: { ...file, 'log-options': 'ok=1\n=bad' },
      message: 'Input "log-options" line 2 is not key=value: "=bad".',
    },
  ])('rejects: $message', ({ values, message }) => {
    expect(() => read(values)).toThrow(ConfigurationError);
    expect(() => read(values)).toThrow(message);
  });
});

describe('aws-actions/amazon-ecs-render-task-definition input names', () => {
  const stock = (values: Record<string, string>) => readRenderInputs(renderInputReader(inputsFrom(values)));
  const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2549.3';

  it('reads log-configuration-options as log-options', () => {
    expect(
      stock({ ...file, 'log-configuration-options': 'awslogs-group=/ecs/web\nmode=non-blocking' }).logOptions,
    ).toEqual([
      { key: 'awslogs-group', value: '/ecs/web', line: 1 },
      { key: 'mode', value: 'non-blocking', line: 2 },
    ]);
  });

  it('reads task-definition-arn as task-definition-family', () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3';
    expect(stock({ 'task-definition-arn': arn }).source).toEqual({ kind: 'family', family: arn });
  });

  it('reads a comma list in container-name with one image as that image in each container', () => {
    const inputs = stock({ ...file, 'container-name': 'web, worker', image });
    expect(inputs.containerName).toBeUndefined();
    expect(inputs.images.map(({ container, image: ref, origin }) => [container, ref.text, origin])).toEqual([
      ['web', image, 'input "images" line 1'],
      ['worker', image, 'input "images" line 2'],
    ]);
  });

  it.each([
    [
      { 'log-options': 'mode=blocking', 'log-configuration-options': 'mode=non-blocking' },
      'Inputs "log-configuration-options" ("mode=non-blocking") and "log-options" ("mode=blocking") are both set, to different values. "log-configuration-options" is the stock action\'s name for "log-options": set only log-options: mode=non-blocking.',
    ],
    [
      { 'task-definition-family': 'web:2', 'task-definition-arn': 'web:3' },
      'Inputs "task-definition-arn" ("web:3") and "task-definition-family" ("web:2") are both set, to different values. "task-definition-arn" is the stock action\'s name for "task-definition-family": set only task-definition-family: web:3.',
    ],
    [
      { 'task-definition-family': 'web', 'task-definition-revision': '7' },
      'Input "task-definition-revision" ("7") is not read by ecs-render-taskdef: give the revision with the family instead, as task-definition-family: <family>:7.',
    ],
    [
      { 'log-configuration-log-driver': 'awslogs' },
      'Input "log-configuration-log-driver" ("awslogs") is not read by ecs-render-taskdef: it does not change a container\'s log driver per deploy. Write it in the task definition file, "logConfiguration": {"logDriver": "awslogs", "options": {...}}, and give per-deploy options with log-options: (key=value lines).',
    ],
    [
      { 'env-files': 'arn:aws:s3:::bucket/app.env' },
      'Input "env-files" is not read by ecs-render-taskdef. Write the files in the task definition file, "environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "type": "s3"}] in the container, or give the variables with environment-variables: (KEY=VALUE lines).',
    ],
    [
      { 'container-name': 'web,worker', image, 'environment-variables': 'A=1' },
      'Input "container-name" lists several containers (web,worker) and "environment-variables" is set: the stock action put them into each container, ecs-render-taskdef puts them into one. Write images: with one container=image line each, and container-name: to the one container that gets environment-variables; for the same settings in several containers, use one step per container.',
    ],
    [
      { 'container-name': 'web,worker' },
      'Input "container-name" is a comma list, which is read only as the stock action wrote it: several container names, each 1 to 255 letters, digits, "_" and "-", with one image and no images; got "web,worker". For several containers write images: with one container=image line each (web=<image>, worker=<image>).',
    ],
    [
      { 'container-name': 'web,', image },
      'Input "container-name" is a comma list, which is read only as the stock action wrote it: several container names, each 1 to 255 letters, digits, "_" and "-", with one image and no images; got "web,". For several containers write images: with one container=image line each (web=<image>, =<image>).',
    ],
  ])('%j is refused', (values, message) => {
    expect(() => stock({ ...file, ...values })).toThrow(ConfigurationError);
    expect(() => stock({ ...file, ...values })).toThrow(new ConfigurationError(message));
  });
});
