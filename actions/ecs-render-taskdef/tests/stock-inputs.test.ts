/**
 * Every input of aws-actions/amazon-ecs-render-task-definition v1.9.0 (fixtures/stock-inputs.json, read from its
 * action.yml) is declared here and either read with the same meaning or refused with the form to write instead
 * (issue 23, item 5).
 */
import { readFileSync } from 'node:fs';
import { ConfigurationError, inputsFrom } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { type RenderInputs, readRenderInputs, renderInputReader } from '../src/inputs.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/stock-inputs.json', import.meta.url), 'utf8')) as {
  source: string;
  inputs: string[];
};
const declared = Object.keys(
  (parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> })
    .inputs,
);

type Handling =
  | { values: Record<string, string>; same: (inputs: RenderInputs) => unknown; expected: unknown }
  | { values: Record<string, string>; refused: RegExp[] };

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1';

/** What each stock input does here (the stock action's own value syntax in each case). */
const HANDLING: Record<string, Handling> = {
  'task-definition': {
    values: { 'task-definition': 'td.json' },
    same: (i) => i.source,
    expected: { kind: 'file', path: 'td.json' },
  },
  'task-definition-arn': {
    values: { 'task-definition-arn': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3' },
    same: (i) => i.source,
    expected: { kind: 'family', family: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3' },
  },
  'task-definition-family': {
    values: { 'task-definition-family': 'web' },
    same: (i) => i.source,
    expected: { kind: 'family', family: 'web' },
  },
  'task-definition-revision': {
    values: { 'task-definition-family': 'web', 'task-definition-revision': '3' },
    refused: [/task-definition-family: <family>:3/],
  },
  'container-name': {
    values: { 'task-definition': 'td.json', 'container-name': 'web', image: IMAGE },
    same: (i) => i.images.map((image) => image.container),
    expected: ['web'],
  },
  image: {
    values: { 'task-definition': 'td.json', 'container-name': 'web', image: IMAGE },
    same: (i) => i.images.map((image) => image.image.tag),
    expected: ['1'],
  },
  'environment-variables': {
    values: { 'task-definition': 'td.json', 'container-name': 'web', 'environment-variables': 'A=1\nB=x=y' },
    same: (i) => i.environment.map(({ key, value }) => [key, value]),
    expected: [
      ['A', '1'],
      ['B', 'x=y'],
    ],
  },
  'log-configuration-log-driver': {
    values: { 'task-definition': 'td.json', 'container-name': 'web', 'log-configuration-log-driver': 'awslogs' },
    refused: [/"logConfiguration": \{"logDriver": "awslogs"/, /log-options:/],
  },
  'log-configuration-options': {
    values: {
      'task-definition': 'td.json',
      'container-name': 'web',
      'log-configuration-options': 'awslogs-group=/ecs/web',
    },
    same: (i) => i.logOptions.map(({ key, value }) => [key, value]),
    expected: [['awslogs-group', '/ecs/web']],
  },
  'docker-labels': {
    values: { 'task-definition': 'td.json', 'container-name': 'web', 'docker-labels': 'team=be' },
    same: (i) => i.dockerLabels.map(({ key, value }) => [key, value]),
    expected: [['team', 'be']],
  },
  // The stock action splits command at single spaces; a JSON array says where arguments end.
  command: {
    values: { 'task-definition': 'td.json', 'container-name': 'web', command: 'npm run start' },
    refused: [/JSON array of strings/, /"node", "server\.js"/],
  },
  'task-role-arn': {
    values: { 'task-definition': 'td.json', 'task-role-arn': 'arn:aws:iam::123456789012:role/web' },
    same: (i) => i.taskRoleArn,
    expected: 'arn:aws:iam::123456789012:role/web',
  },
  'execution-role-arn': {
    values: { 'task-definition': 'td.json', 'execution-role-arn': 'ecsTaskExecutionRole' },
    same: (i) => i.executionRoleArn,
    expected: 'ecsTaskExecutionRole',
  },
  'env-files': {
    values: { 'task-definition': 'td.json', 'container-name': 'web', 'env-files': 'arn:aws:s3:::bucket/app.env' },
    refused: [/"environmentFiles": \[/, /environment-variables:/],
  },
  secrets: {
    values: {
      'task-definition': 'td.json',
      'container-name': 'web',
      secrets: 'DB=arn:aws:ssm:us-east-1:123456789012:parameter/db',
    },
    same: (i) => i.secrets.map(({ key, value }) => [key, value]),
    expected: [['DB', 'arn:aws:ssm:us-east-1:123456789012:parameter/db']],
  },
};

const read = (values: Record<string, string>) => readRenderInputs(renderInputReader(inputsFrom(values)));

describe('the stock render action inputs (aws-actions/amazon-ecs-render-task-definition v1.9.0)', () => {
  it('the checked-in list is the v1.9.0 action.yml, and each of its inputs has a decided handling here', () => {
    expect(fixture.source).toMatch(/amazon-ecs-render-task-definition action\.yml at v1\.9\.0 \(commit [0-9a-f]{40}\)/);
    expect(Object.keys(HANDLING).sort()).toEqual([...fixture.inputs].sort());
  });

  it.each(fixture.inputs)('%s is declared in action.yml', (name) => {
    expect(declared).toContain(name);
  });

  it.each(fixture.inputs)('%s: read with the same meaning, or refused naming what to write', (name) => {
    const handling = HANDLING[name];
    if (!handling) throw new Error(`no handling decided for ${name}`);
    if ('refused' in handling) {
      let error: unknown;
      try {
        read(handling.values);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toContain(`"${name}"`);
      for (const pattern of handling.refused) expect((error as Error).message).toMatch(pattern);
    } else {
      expect(handling.same(read(handling.values))).toEqual(handling.expected);
    }
  });
});
