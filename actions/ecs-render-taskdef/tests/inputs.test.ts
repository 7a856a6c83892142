import { ConfigurationError, InputReader, inputsFrom } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { type RenderInputs, readRenderInputs } from '../src/inputs.js';

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
