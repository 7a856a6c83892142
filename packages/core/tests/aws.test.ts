import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { awsClientConfig, awsRegion, createAwsClient, requestTimeoutWithin } from '../src/aws.js';
import { ConfigurationError } from '../src/errors.js';
import { ECS_ACTIONS_VERSION } from '../src/version.js';

describe('awsRegion', () => {
  it.each([
    [undefined, { AWS_REGION: 'ap-northeast-2' }, 'ap-northeast-2'],
    [undefined, { AWS_DEFAULT_REGION: 'eu-west-1' }, 'eu-west-1'],
    ['us-east-2', { AWS_REGION: 'eu-west-1' }, 'us-east-2'],
    [undefined, { AWS_REGION: 'us-gov-west-1' }, 'us-gov-west-1'],
  ])('input %s with %j → %s', (explicit, env, expected) => expect(awsRegion(explicit, env)).toBe(expected));

  it('says how to set a region when none is set', () => {
    expect(() => awsRegion(undefined, {})).toThrow(ConfigurationError);
    expect(() => awsRegion(undefined, {})).toThrow('configure-aws-credentials');
  });

  it('rejects something that is not a region name', () => {
    expect(() => awsRegion('Seoul', {})).toThrow('The AWS region "Seoul" is not a region name');
  });
});

describe('AWS clients', () => {
  it('share adaptive retries and the ecs-actions user agent', () => {
    process.env.AWS_REGION = 'ap-northeast-2';
    expect(awsClientConfig({ maxAttempts: 3 })).toEqual({
      region: 'ap-northeast-2',
      maxAttempts: 3,
      retryMode: 'adaptive',
      customUserAgent: [['ecs-actions', ECS_ACTIONS_VERSION]],
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
    });
    expect(awsClientConfig({ requestTimeoutMs: 2_000 }).requestHandler.requestTimeout).toBe(2_000);
    class FakeClient {
      constructor(readonly config: unknown) {}
    }
    expect(createAwsClient(FakeClient, { region: 'us-west-2' }).config).toMatchObject({ region: 'us-west-2' });
  });

  it('reports the version of the root package', () => {
    const root = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(ECS_ACTIONS_VERSION).toBe(root.version);
  });
});

describe('requestTimeoutWithin', () => {
  it.each([
    [30 * 60_000, 30_000],
    [2 * 60_000, 30_000],
    [40_000, 10_000],
    [25_000, 8_000],
    [5_000, 8_000],
  ])('a step of %i ms gives each attempt %i ms: a quarter, between 8 s and 30 s', (stepMs, attemptMs) => {
    expect(requestTimeoutWithin(stepMs)).toBe(attemptMs);
  });
});
