/**
 * Review attacks on verify's pure readings (issue "Verify before any change"): trust policies with conditions,
 * NotPrincipal and principal lists; image indexes whose entries name no platform; secret ARNs of other partitions,
 * with an empty region and with JSON-key/version suffixes. A finding verify makes with `certain: true` stops a
 * deploy under `verify: fail`, so a document verify cannot fully evaluate must never make one.
 */
import { describe, expect, it } from '@jest/globals';
import { platformsOf } from '../src/verify/index.js';
import { trustOf } from '../src/verify/roles.js';
import { keyArn } from '../src/verify/secrets.js';
import { parseValueFrom } from '../src/verify/value-from.js';

const ECS_TASKS = 'ecs-tasks.amazonaws.com';
const allow = { Effect: 'Allow', Principal: { Service: ECS_TASKS }, Action: 'sts:AssumeRole' };
const policy = (...Statement: object[]) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement }));

describe('trust policies verify cannot evaluate are never a certain Deny', () => {
  it('a Deny with a Condition (the confused-deputy guard) beside the Allow: trusted', () => {
    const guard = {
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { StringNotEquals: { 'aws:SourceAccount': '123456789012' } },
    };
    expect(trustOf(policy(allow, guard))).toBe('trusted');
  });

  it('an unconditional Deny for everyone beside the Allow: denied', () => {
    expect(trustOf(policy(allow, { Effect: 'Deny', Principal: '*', Action: 'sts:*' }))).toBe('denied');
  });

  it('a Deny of everyone but another service (NotPrincipal): denied, ECS tasks are not excepted', () => {
    const deny = { Effect: 'Deny', NotPrincipal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
    expect(trustOf(policy(allow, deny))).toBe('denied');
  });

  it('a Deny of everyone but ECS tasks (NotPrincipal): trusted', () => {
    const deny = { Effect: 'Deny', NotPrincipal: { Service: [ECS_TASKS] }, Action: 'sts:AssumeRole' };
    expect(trustOf(policy(allow, deny))).toBe('trusted');
  });

  it('NotAction: an Allow of all but sts:TagSession trusts, a Deny of all but sts:TagSession denies', () => {
    const allowAllBut = { Effect: 'Allow', Principal: { Service: ECS_TASKS }, NotAction: 'sts:TagSession' };
    expect(trustOf(policy(allowAllBut))).toBe('trusted');
    const denyAllBut = { Effect: 'Deny', Principal: { Service: ECS_TASKS }, NotAction: ['sts:TagSession'] };
    expect(trustOf(policy(allow, denyAllBut))).toBe('denied');
    const allowAllButAssume = { Effect: 'Allow', Principal: { Service: ECS_TASKS }, NotAction: 'sts:Assume*' };
    expect(trustOf(policy(allowAllButAssume))).toBe('not-named');
  });

  it('an Allow with a Condition, and a principal list: trusted', () => {
    const conditional = {
      Effect: 'Allow',
      Principal: { Service: ['ec2.amazonaws.com', ECS_TASKS], AWS: 'arn:aws:iam::123456789012:root' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:us-east-1:123456789012:*' } },
    };
    expect(trustOf(policy(conditional))).toBe('trusted');
  });
});

describe('an image index whose entries name no platform', () => {
  it('is not known to lack the task platform: ECS matches an entry without one (undefined, no finding)', () => {
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'a'.repeat(64)}`, size: 1 },
      ],
    });
    expect(platformsOf(index)).toBeUndefined();
  });

  it('an index of attestations and platforms still lists the platforms', () => {
    const index = JSON.stringify({
      manifests: [
        { platform: { os: 'linux', architecture: 'arm64' } },
        {
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
        },
      ],
    });
    expect(platformsOf(index)).toEqual([{ os: 'linux', architecture: 'arm64' }]);
  });
});

describe('secret ARNs of other partitions and with suffixes', () => {
  it.each([
    [
      'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db-AbCdEf:password::',
      {
        kind: 'secretsmanager',
        region: 'cn-north-1',
        secretId: 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db-AbCdEf',
      },
    ],
    [
      'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/app/db',
      { kind: 'ssm', region: 'us-gov-west-1', candidates: ['/app/db'] },
    ],
    [
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf::AWSPREVIOUS:',
      { kind: 'secretsmanager', secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
    ],
    [
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:::0f1e2d3c-aaaa-bbbb-cccc-1234567890ab',
      { kind: 'secretsmanager', secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
    ],
  ])('%s', (valueFrom, expected) => {
    expect(parseValueFrom(valueFrom, 'eu-west-1')).toMatchObject(expected);
  });

  it("a KMS key given by id is named in the secret's partition", () => {
    expect(keyArn('1234abcd-12ab-34cd-56ef-1234567890ab', 'cn-north-1', '123456789012')).toBe(
      'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    );
    expect(keyArn('alias/app', 'us-gov-west-1', '123456789012')).toBe(
      'arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/app',
    );
  });
});
