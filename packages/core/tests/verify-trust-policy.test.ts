/**
 * Attacks on verify's reading of a role's trust policy: a document it cannot read makes no finding (and never
 * throws, which would end the step instead of verifying it); wildcard actions and the `*` principal trust ECS as IAM
 * reads them, so `verify: fail` does not stop a deploy whose role ECS can assume.
 */
import { describe, expect, it } from '@jest/globals';
import { trustsEcsTasks } from '../src/verify/index.js';

const encoded = (policy: unknown) => encodeURIComponent(JSON.stringify(policy));
const statement = (s: object) => encoded({ Version: '2012-10-17', Statement: [s] });

describe('a trust policy verify cannot read', () => {
  it.each([
    ['JSON null', 'null'],
    ['a JSON string', '"x"'],
    ['a number', '42'],
    ['Statement null', encoded({ Statement: null })],
    ['a null statement', encoded({ Statement: [null] })],
    ['no Statement', encoded({ Version: '2012-10-17' })],
    ['a broken escape', '%E0%A4%A'],
    ['not JSON', encoded('{"Statement": [')],
  ])('%s: no finding, no exception', (_, document) => {
    expect(trustsEcsTasks(document)).toBe(true);
  });
});

describe('trust as IAM reads it', () => {
  it.each([
    ['sts:Assume*', { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:Assume*' }],
    ['sts:*', { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: ['sts:*'] }],
    [
      'sts:assumerole',
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:assumerole' },
    ],
    ['Principal *', { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }],
  ])('%s: trusted', (_, s) => {
    expect(trustsEcsTasks(statement(s))).toBe(true);
  });

  it.each([
    [
      'sts:AssumeRoleWithSAML',
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRoleWith*' },
    ],
    [
      'sts:TagSession only',
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:TagSession' },
    ],
    [
      'an action with regex marks',
      { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts.AssumeRole' },
    ],
    ['another service', { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    ['Deny', { Effect: 'Deny', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  ])('%s: not trusted', (_, s) => {
    expect(trustsEcsTasks(statement(s))).toBe(false);
  });
});
