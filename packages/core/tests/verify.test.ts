/**
 * Verify's pure parts: the `valueFrom` forms ECS accepts, trust policies as IAM answers them (URL-encoded), image
 * indexes' platforms, and the port checks. The reads are tested through deploy() against the simulator
 * (actions/ecs-deploy-wait/tests/verify.test.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { platformsOf, trustsEcsTasks } from '../src/verify/index.js';
import { checkPorts } from '../src/verify/ports.js';
import { VerifyReads } from '../src/verify/read.js';
import { trustOf } from '../src/verify/roles.js';
import { checkSecrets } from '../src/verify/secrets.js';
import { parseValueFrom } from '../src/verify/value-from.js';

describe('parseValueFrom', () => {
  it.each([
    ['db-password', { kind: 'ssm', region: 'eu-west-1', name: 'db-password', candidates: ['db-password'] }],
    ['/app/db', { kind: 'ssm', region: 'eu-west-1', name: '/app/db', candidates: ['/app/db'] }],
    [
      'arn:aws:ssm:us-east-1:123456789012:parameter/app/db',
      { kind: 'ssm', region: 'us-east-1', name: '/app/db', candidates: ['/app/db'] },
    ],
    [
      // Without a path the ARN does not say whether the name has a leading slash: both are looked for.
      'arn:aws:ssm:us-east-1:123456789012:parameter/db',
      { kind: 'ssm', region: 'us-east-1', name: 'db', candidates: ['db', '/db'] },
    ],
    [
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf:password:AWSCURRENT:',
      {
        kind: 'secretsmanager',
        region: 'us-east-1',
        secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf',
      },
    ],
    [
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db',
      {
        kind: 'secretsmanager',
        region: 'us-east-1',
        secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db',
      },
    ],
  ])('%s', (valueFrom, expected) => {
    expect(parseValueFrom(valueFrom, 'eu-west-1')).toMatchObject(expected);
  });

  it.each([
    ['arn:', 'it is not arn:<partition>:<service>:<region>:<account>:<resource>'],
    ['arn:aws:ssm:us-east-1::parameter/app/db', 'it has no account'],
    ['arn:aws:ssm:us-east-1:1234:parameter/app/db', 'its account 1234 is not 12 digits'],
    [
      'arn:aws:s3:us-east-1:123456789012:parameter/app/db',
      'it names the service s3; ECS reads secrets only from ssm and secretsmanager ARNs',
    ],
    ['arn::ssm:us-east-1:123456789012:parameter/app/db', 'it has no partition (aws)'],
    ['arn:aws:ssm:us-east-1:123456789012:app/db', 'it names no parameter/<name>'],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:', 'it names no secret:<name>'],
  ])('%s is malformed: %s', (valueFrom, problem) => {
    expect(parseValueFrom(valueFrom, 'eu-west-1')).toEqual({ kind: 'malformed', problem, text: valueFrom });
  });
});

describe('checkSecrets: a malformed ARN', () => {
  it('is a certain finding (what, why, fix), made without a read', async () => {
    const reads = new VerifyReads({ budgetMs: 1_000 });
    const unreachable = async () => {
      throw new Error('no client: a malformed ARN is not read');
    };
    const result = await checkSecrets(
      {
        region: 'us-east-1',
        taskDefinition: {
          executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
          containerDefinitions: [
            { name: 'web', secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:us-east-1::parameter/db' }] },
          ],
        },
      },
      { iam: unreachable, ssm: unreachable, secretsManager: unreachable, logs: unreachable, ecr: unreachable },
      reads,
    );
    expect(result.findings).toEqual([
      {
        check: 'secret-malformed',
        what: 'secret DB (container web): valueFrom arn:aws:ssm:us-east-1::parameter/db is not a valid ARN: it has no account',
        why: expect.stringContaining('ResourceInitializationError: unable to pull secrets or registry auth'),
        fix: expect.stringContaining('arn:aws:ssm:<region>:<account>:parameter/<name>'),
        certain: true,
      },
    ]);
    expect(reads.count).toBe(0);
  });
});

describe('trustsEcsTasks', () => {
  const policy = (statement: object) =>
    encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
  it('reads the URL-encoded trust policy IAM answers', () => {
    expect(
      trustsEcsTasks(
        policy({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ),
    ).toBe(true);
    expect(
      trustsEcsTasks(
        policy({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: 'sts:AssumeRole' }),
      ),
    ).toBe(false);
    expect(
      trustsEcsTasks(
        policy({ Effect: 'Deny', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ),
    ).toBe(false);
    expect(trustsEcsTasks('%7Bnot json')).toBe(true);
  });

  it('an explicit Deny for ECS tasks beside an Allow: not trusted (denied)', () => {
    const allow = { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const both = (deny: object) =>
      encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [allow, deny] }));
    for (const deny of [
      { Effect: 'Deny', Principal: { Service: ['ecs-tasks.amazonaws.com'] }, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: '*', Action: 'sts:*' },
    ]) {
      expect(trustsEcsTasks(both(deny))).toBe(false);
      expect(trustOf(both(deny))).toBe('denied');
    }
    // A Deny of another service or another action leaves the Allow standing.
    expect(
      trustOf(both({ Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })),
    ).toBe('trusted');
    expect(
      trustOf(both({ Effect: 'Deny', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:TagSession' })),
    ).toBe('trusted');
  });
});

describe('platformsOf', () => {
  it("lists an index's platforms without its attestations; a single manifest names none", () => {
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
    expect(platformsOf(JSON.stringify({ config: {}, layers: [] }))).toBeUndefined();
  });
});

describe('checkPorts', () => {
  const taskDefinition = {
    containerDefinitions: [{ name: 'web', portMappings: [{ containerPort: 8080, name: 'http' }] }],
  };
  it('finds nothing when the load balancer and Service Connect names exist', () => {
    expect(
      checkPorts({
        region: 'us-east-1',
        taskDefinition,
        service: {
          loadBalancers: [{ containerName: 'web', containerPort: 8080 }],
          serviceConnectConfiguration: { enabled: true, services: [{ portName: 'http' }] },
        },
      }),
    ).toEqual([]);
  });
  it('a missing container, and a Service Connect port name no mapping has', () => {
    const findings = checkPorts({
      region: 'us-east-1',
      taskDefinition,
      service: {
        loadBalancers: [{ containerName: 'api', containerPort: 8080 }],
        serviceConnectConfiguration: { enabled: true, services: [{ portName: 'grpc' }] },
      },
    });
    expect(findings.map((f) => f.check)).toEqual(['load-balancer-port', 'service-connect-port']);
    expect(findings[0]?.what).toContain(
      'names container api, which the new task definition does not have (it has web)',
    );
    expect(findings.every((f) => f.certain)).toBe(true);
  });
});
