import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, InputReader, inputsFrom } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { deployInputReader, readDeployInputs } from '../src/inputs.js';

let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'edw-inputs-'));
  await writeFile(
    path.join(workspace, 'td.json'),
    JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1' }] }),
  );
  await writeFile(
    path.join(workspace, 'described.json'),
    JSON.stringify({
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
        family: 'web',
        revision: 3,
        status: 'ACTIVE',
        registeredAt: '2025-10-06T09:00:00Z',
        containerDefinitions: [{ name: 'web', image: 'web:1' }],
      },
      tags: [{ key: 'team', value: 'be' }],
    }),
  );
  await writeFile(path.join(workspace, 'broken.json'), '{"family": ');
  await writeFile(path.join(workspace, 'empty.json'), '{"family": "web"}');
});

const read = (values: Record<string, string>) => readDeployInputs(new InputReader(inputsFrom(values)), workspace);

describe('readDeployInputs', () => {
  it('applies the defaults of issue 5', () => {
    const inputs = read({ 'task-definition': 'td.json', service: 'web' });
    expect(inputs).toEqual({
      taskDefinition: {
        kind: 'file',
        path: 'td.json',
        rendered: { request: { family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1' }] }, dropped: [] },
      },
      cluster: 'default',
      service: 'web',
      desiredCount: undefined,
      forceNewDeployment: false,
      wait: true,
      timeoutMs: 30 * 60_000,
      pollIntervalMs: 5000,
      rollback: true,
      skipUnchanged: false,
      keepTaskDefinitions: [],
      keepRevisionsGraceMs: 3_600_000,
      preflight: 'warn',
      verify: 'off',
      dryRun: false,
      codedeploy: { application: 'AppECS-default-web', deploymentGroup: 'DgpECS-default-web' },
      onPause: 'wait',
    });
  });

  it("accepts keep-revisions-grace at action.yml's default without keep-revisions (the runner always passes it)", () => {
    const inputs = read({ 'task-definition': 'td.json', service: 'web', 'keep-revisions-grace': '1h' });
    expect(inputs.keepRevisions).toBeUndefined();
    expect(inputs.keepRevisionsGraceMs).toBe(3_600_000);
  });

  it('on-pause: return, wait or continue; another value fails naming the input and the values', () => {
    expect(read({ 'task-definition': 'td.json', service: 'web', 'on-pause': 'return' }).onPause).toBe('return');
    expect(() => read({ 'task-definition': 'td.json', service: 'web', 'on-pause': 'approve' })).toThrow(
      `Input "on-pause" must be one of return, wait, continue; got "approve".`,
    );
  });

  it('reads every input', () => {
    const inputs = read({
      'task-definition-arn': 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42',
      cluster: 'prod',
      service: 'api',
      'desired-count': '4',
      'force-new-deployment': 'true',
      wait: 'False',
      timeout: '1h30m',
      'poll-interval': '10s',
      rollback: 'FALSE',
      'skip-unchanged': 'true',
      'keep-revisions': '3',
      'keep-revisions-grace': '0',
    });
    expect(inputs).toMatchObject({
      keepRevisions: 3,
      keepRevisionsGraceMs: 0,
      taskDefinition: { kind: 'arn', arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42' },
      cluster: 'prod',
      service: 'api',
      desiredCount: 4,
      forceNewDeployment: true,
      wait: false,
      timeoutMs: 90 * 60_000,
      pollIntervalMs: 10_000,
      rollback: false,
      skipUnchanged: true,
    });
  });

  it('unwraps describe output and drops describe-only fields, keeping its tags', () => {
    const inputs = read({ 'task-definition': 'described.json', service: 'web' });
    expect(inputs.taskDefinition).toEqual({
      kind: 'file',
      path: 'described.json',
      rendered: {
        request: {
          family: 'web',
          containerDefinitions: [{ name: 'web', image: 'web:1' }],
          tags: [{ key: 'team', value: 'be' }],
        },
        dropped: ['taskDefinitionArn', 'revision', 'status', 'registeredAt'],
      },
    });
  });

  it.each([
    [{ service: 'web' }, 'Neither "task-definition" nor "task-definition-arn" is set'],
    [{ 'task-definition': 'td.json', 'task-definition-arn': 'web:1', service: 'web' }, 'are both set'],
    [{ 'task-definition': 'td.json' }, 'Input "service" is required'],
    [
      { 'task-definition-arn': 'web', service: 'web' },
      'Input "task-definition-arn" must be a task definition ARN or family:revision; got "web"',
    ],
    [
      { 'task-definition': 'missing.json', service: 'web' },
      'Input "task-definition": the file "missing.json" does not exist',
    ],
    [{ 'task-definition': 'broken.json', service: 'web' }, '"broken.json" is not valid JSON'],
    [{ 'task-definition': 'empty.json', service: 'web' }, '"empty.json" has no "containerDefinitions"'],
    [
      { 'task-definition': 'td.json', service: 'web', 'desired-count': '-1' },
      'Input "desired-count" must be a non-negative integer',
    ],
    [{ 'task-definition': 'td.json', service: 'web', wait: 'yes' }, 'Input "wait" must be a boolean; got "yes"'],
    [{ 'task-definition': 'td.json', service: 'web', timeout: '7h' }, 'Input "timeout" must be at most 6h; got "7h"'],
    [{ 'task-definition': 'td.json', service: 'web', timeout: 'soon' }, 'Input "timeout" must be a duration'],
    [
      { 'task-definition': 'td.json', service: 'web', 'poll-interval': '100ms' },
      'Input "poll-interval" must be at least 250ms',
    ],
    [
      { 'task-definition': 'td.json', service: 'web', timeout: '10s', 'poll-interval': '1m' },
      'must not be longer than the timeout (10s)',
    ],
    [{ 'task-definition': 'td.json', service: 'web', rollback: 'no' }, 'Input "rollback" must be a boolean'],
    [
      { 'task-definition': 'td.json', service: 'web', 'skip-unchanged': '1' },
      'Input "skip-unchanged" must be a boolean',
    ],
    [
      { 'task-definition': 'td.json', service: 'web', preflight: 'strict' },
      'Input "preflight" must be one of warn, fail, off; got "strict"',
    ],
    [
      { 'task-definition': 'td.json', service: 'web', verify: 'strict' },
      'Input "verify" must be one of fail, warn, off; got "strict"',
    ],
    [{ 'task-definition': 'td.json', service: 'web', 'dry-run': 'maybe' }, 'Input "dry-run" must be a boolean'],
    [{ 'task-definition': 'td.json', service: 'web', 'keep-revisions': '0' }, 'Input "keep-revisions" must be'],
    [
      { 'task-definition': 'td.json', service: 'web', 'keep-task-definitions': 'web:3' },
      'Input "keep-task-definitions" applies only with keep-revisions, which is not set; got "web:3". Set keep-revisions',
    ],
    [
      { 'task-definition': 'td.json', service: 'web', 'keep-revisions-grace': '2h' },
      'Input "keep-revisions-grace" applies only with keep-revisions, which is not set; got "2h".',
    ],
    [{ 'task-definition': 'td.json', service: 'web', 'keep-revisions': 'five' }, 'Input "keep-revisions" must be'],
    [
      { 'task-definition': 'td.json', service: 'web', 'keep-revisions': '5', 'keep-task-definitions': 'web:3\nlatest' },
      'Input "keep-task-definitions" must list task definition ARNs or family:revision, one a line; got "latest"',
    ],
    [
      { 'task-definition': 'td.json', service: 'web', 'keep-revisions': '5', 'keep-revisions-grace': 'an hour' },
      'Input "keep-revisions-grace" must be a duration such as 90s, 5m or 1h30m',
    ],
    [
      { 'task-definition': 'td.json', service: 'web', 'keep-revisions': '5', 'keep-revisions-grace': '30d' },
      'Input "keep-revisions-grace" must be at most 168h',
    ],
  ])('rejects %j: %s', (values, message) => {
    expect(() => read(values as Record<string, string>)).toThrow(ConfigurationError);
    expect(() => read(values as Record<string, string>)).toThrow(message);
  });

  it.each([
    'web:7',
    'arn:aws:ecs:us-east-1:123456789012:task-definition/my_app-2:13',
    'arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/web:1',
  ])('accepts task-definition-arn %s', (arn) => {
    expect(read({ 'task-definition-arn': arn, service: 'web' }).taskDefinition).toEqual({ kind: 'arn', arn });
  });
});

// What the runner passes for the inputs a step leaves out: action.yml's defaults.
const DEFAULTS = { cluster: 'default', wait: 'true', timeout: '30m', 'poll-interval': '5s' };

const readStock = (values: Record<string, string>) =>
  readDeployInputs(
    deployInputReader(inputsFrom({ ...DEFAULTS, 'task-definition': 'td.json', service: 'web', ...values })),
    workspace,
  );

describe('aws-actions/amazon-ecs-deploy-task-definition input names', () => {
  it.each([
    [{ 'wait-for-service-stability': 'false' }, { wait: false }],
    [{ 'wait-for-service-stability': 'TRUE' }, { wait: true }],
    [{ 'wait-for-service-stability': 'true', wait: 'true' }, { wait: true }],
    [{ 'wait-for-minutes': '10' }, { timeoutMs: 10 * 60_000 }],
    [{ 'wait-for-minutes': '90', timeout: '90m' }, { timeoutMs: 90 * 60_000 }],
  ])('%j reads as %j', (values, expected) => expect(readStock(values)).toMatchObject(expected));

  it.each([
    [
      { 'wait-for-service-stability': 'yes' },
      'Input "wait-for-service-stability" must be a boolean; got "yes". Use wait: true or wait: false.',
    ],
    [
      { 'wait-for-service-stability': 'true', wait: 'false' },
      'Inputs "wait-for-service-stability" ("true") and "wait" ("false") are both set, to different values. "wait-for-service-stability" is the stock action\'s name for "wait": set only wait: true.',
    ],
    [
      { 'wait-for-minutes': '1.5' },
      'Input "wait-for-minutes" must be whole minutes, e.g. 30; got "1.5". Or write timeout: with a duration, e.g. 1h30m.',
    ],
    [
      { 'wait-for-minutes': '10', timeout: '1h' },
      'Inputs "wait-for-minutes" ("10") and "timeout" ("1h") are both set, to different values. "wait-for-minutes" is the stock action\'s name for "timeout": set only timeout: 10m.',
    ],
    [{ 'wait-for-minutes': '400' }, 'Input "timeout" must be at most 6h; got "400m".'],
    [
      { 'wait-max-delay-seconds': '15' },
      'Input "wait-max-delay-seconds" ("15") is not read by ecs-deploy-wait: it does not back off, it asks ECS at a fixed interval (default 5s). Write poll-interval: 15s for another interval.',
    ],
  ])('%j is refused', (values, message) => {
    expect(() => readStock(values)).toThrow(ConfigurationError);
    expect(() => readStock(values)).toThrow(new ConfigurationError(message));
  });
});
