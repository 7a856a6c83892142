import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, InputReader, inputsFrom } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { readRunTaskInputs } from '../src/inputs.js';

const read = (values: Record<string, string>) => readRunTaskInputs(new InputReader(inputsFrom(values)));
const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:7';

describe('readRunTaskInputs', () => {
  it('applies the defaults of issue 16', () => {
    expect(read({ 'task-definition-arn': ARN, service: 'be' })).toEqual({
      taskDefinition: { kind: 'arn', arn: ARN },
      cluster: 'default',
      service: 'be',
      subnets: [],
      securityGroups: [],
      assignPublicIp: undefined,
      launchType: undefined,
      containerOverride: undefined,
      count: 1,
      wait: true,
      timeoutMs: 30 * 60_000,
      pollIntervalMs: 5000,
      startedBy: 'ecs-actions',
      tags: [],
      verify: 'off',
    });
  });

  it('reads every input: a JSON command kept whole, env values with =, ids by line or comma', () => {
    const inputs = read({
      'task-definition-arn': 'migrate:7',
      cluster: 'prod',
      subnets: 'subnet-0a1b2c3d4e5f60718, subnet-0a1b2c3d4e5f60719',
      'security-groups': 'sg-0a1b2c3d4e5f60718\nsg-0a1b2c3d4e5f60719',
      'assign-public-ip': 'ENABLED',
      'launch-type': 'FARGATE',
      'container-name': 'app',
      command: '["sh", "-c", "npm run migrate -- --to \'v 2\'"]',
      'environment-variables': 'DATABASE_URL=postgres://u:p@db/app?sslmode=require\n# comment\nDRY_RUN=',
      count: '2',
      wait: 'false',
      timeout: '1h30m',
      'poll-interval': '1s',
      'started-by': 'migrate-42',
      tags: 'job=migrate\nrun=42',
    });
    expect(inputs).toMatchObject({
      taskDefinition: { kind: 'arn', arn: 'migrate:7' },
      cluster: 'prod',
      subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'],
      securityGroups: ['sg-0a1b2c3d4e5f60718', 'sg-0a1b2c3d4e5f60719'],
      assignPublicIp: 'ENABLED',
      launchType: 'FARGATE',
      containerOverride: {
        name: 'app',
        command: ['sh', '-c', "npm run migrate -- --to 'v 2'"],
        environment: [
          { name: 'DATABASE_URL', value: 'postgres://u:p@db/app?sslmode=require' },
          { name: 'DRY_RUN', value: '' },
        ],
      },
      count: 2,
      wait: false,
      timeoutMs: 90 * 60_000,
      pollIntervalMs: 1000,
      startedBy: 'migrate-42',
      tags: [
        { key: 'job', value: 'migrate' },
        { key: 'run', value: '42' },
      ],
      verify: 'off',
    });
  });

  it.each([
    [{ 'task-definition-arn': '' }, 'Neither "task-definition" nor "task-definition-arn" is set'],
    [
      { 'task-definition': 'taskdef.json' },
      'Inputs "task-definition" ("taskdef.json") and "task-definition-arn" ("arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:7") are both set. Set only one',
    ],
    [{ 'task-definition-arn': 'arn:aws:ecs:task/x' }, 'Input "task-definition-arn" must be a task definition ARN'],
    [
      { command: 'npm run migrate' },
      'Input "command" must be a JSON array of strings; got "npm run migrate". Write a JSON array',
    ],
    [{ command: '[]' }, 'Input "command" must be a non-empty JSON array of strings'],
    [{ command: '["npm", 1]' }, 'Input "command" must be a non-empty JSON array of strings'],
    [{ 'container-name': '', command: '["true"]' }, 'Input "command" is set but "container-name" is empty'],
    [{ 'environment-variables': 'A=1' }, 'Input "environment-variables" is set but "container-name" is empty'],
    [
      { 'container-name': 'app', 'environment-variables': 'no-equals' },
      'Input "environment-variables" line 1 is not KEY=VALUE',
    ],
    [{ count: '11' }, 'Input "count" must be an integer from 1 to 10; got "11"'],
    [{ count: '0' }, 'Input "count" must be an integer from 1 to 10'],
    [{ wait: 'yes' }, 'Input "wait" must be a boolean'],
    [{ verify: 'strict' }, 'Input "verify" must be one of fail, warn, off; got "strict"'],
    [{ timeout: '7h' }, 'Input "timeout" must be at most 6h'],
    [{ 'poll-interval': '1m', timeout: '30s' }, 'Input "poll-interval" must not be longer than the timeout (30s)'],
    [
      { 'launch-type': 'fargate' },
      'Input "launch-type" must be one of FARGATE, EC2, EXTERNAL, MANAGED_INSTANCES; got "fargate"',
    ],
    [{ 'assign-public-ip': 'true' }, 'Input "assign-public-ip" must be one of ENABLED, DISABLED; got "true"'],
    [
      { subnets: 'subnet-1 subnet-2' },
      'Input "subnets" must list IDs such as subnet-0a1b2c3d4e5f60718; got "subnet-1 subnet-2"',
    ],
    [
      { service: '', 'security-groups': 'sg-0a1b2c3d4e5f60718' },
      'Input "security-groups" is set but neither "subnets" nor "service" is',
    ],
    [
      { 'started-by': 'my job' },
      'Input "started-by" must be 1 to 128 letters, digits, hyphens and underscores; got "my job"',
    ],
    [{ tags: 'aws:x=1' }, 'Input "tags" line 1 ("aws:x") is not a tag ECS accepts'],
  ])('refuses %j naming the input, the value and the fix', (values, message) => {
    const run = () => read({ 'task-definition-arn': ARN, service: 'be', ...values });
    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(message);
  });

  describe('task-definition (a rendered file, registered before the run)', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'run-task-inputs-'));
    const readIn = (values: Record<string, string>) =>
      readRunTaskInputs(new InputReader(inputsFrom({ service: 'be', ...values })), workspace, undefined);

    it('reads the file as a RegisterTaskDefinition input, describe-output wrapper and all', () => {
      writeFileSync(
        join(workspace, 'taskdef.json'),
        JSON.stringify({
          taskDefinition: {
            taskDefinitionArn: ARN,
            revision: 7,
            family: 'migrate',
            containerDefinitions: [{ name: 'app', image: 'app:1' }],
          },
        }),
      );
      expect(readIn({ 'task-definition': 'taskdef.json' }).taskDefinition).toEqual({
        kind: 'file',
        path: 'taskdef.json',
        rendered: {
          request: { family: 'migrate', containerDefinitions: [{ name: 'app', image: 'app:1' }] },
          dropped: ['taskDefinitionArn', 'revision'],
        },
      });
    });

    it.each([
      ['missing.json', undefined, 'Input "task-definition"'],
      [
        'not-a-taskdef.json',
        '{"family": "x"}',
        'Input "task-definition": "not-a-taskdef.json" has no "containerDefinitions"',
      ],
      ['broken.json', '{"family": ', 'Input "task-definition"'],
    ])('refuses %s before any AWS call', (file, text, message) => {
      if (text !== undefined) writeFileSync(join(workspace, file), text);
      expect(() => readIn({ 'task-definition': file })).toThrow(message);
    });
  });
});
