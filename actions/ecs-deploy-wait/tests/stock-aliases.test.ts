import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, inputsFrom } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { deployInputReader, readDeployInputs } from '../src/inputs.js';

// What the runner passes for the inputs a step leaves out: action.yml's defaults.
const DEFAULTS = { cluster: 'default', wait: 'true', timeout: '30m', 'poll-interval': '5s' };

let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'edw-aliases-'));
  await writeFile(
    path.join(workspace, 'td.json'),
    JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1' }] }),
  );
});

const read = (values: Record<string, string>) =>
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
  ])('%j reads as %j', (values, expected) => expect(read(values)).toMatchObject(expected));

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
    expect(() => read(values)).toThrow(ConfigurationError);
    expect(() => read(values)).toThrow(new ConfigurationError(message));
  });
});
