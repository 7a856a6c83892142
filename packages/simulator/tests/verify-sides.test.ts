/**
 * The sides verify reads, through the real SDK clients over HTTP (so the answers parse as the AWS models define
 * them): IAM GetRole and SimulatePrincipalPolicy, SSM GetParameters and DescribeParameters, Secrets Manager
 * DescribeSecret, CloudWatch Logs DescribeLogGroups, ECR image indexes with platforms; and the task-start checks
 * that fail a task the way AWS does.
 */
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr';
import { GetRoleCommand, IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeParametersCommand, GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';

let sim: Simulator;
const clientOptions = (endpoint: string) => ({
  region: sim.env.AWS_REGION,
  endpoint,
  credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
  maxAttempts: 1,
});

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
});
afterAll(async () => {
  await sim.close();
});

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('IAM', () => {
  it('GetRole answers the role with its trust policy URL-encoded; an unknown role is NoSuchEntity (404)', async () => {
    const iam = new IAMClient(clientOptions(sim.env.AWS_ENDPOINT_URL_IAM));
    const arn = sim.iam.createRole({ name: 'exec-role' });
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'exec-role' }));
    expect(Role?.Arn).toBe(arn);
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    const trust = JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''));
    expect(trust.Statement[0]).toMatchObject({ Effect: 'Allow', Principal: { Service: ['ecs-tasks.amazonaws.com'] } });
    expect(await failure(iam.send(new GetRoleCommand({ RoleName: 'nope' })))).toEqual({
      name: 'NoSuchEntityException',
      message: 'The role with name nope cannot be found.',
      status: 404,
    });
  });

  it('SimulatePrincipalPolicy: allow by wildcard, explicit deny wins, no match is implicitDeny; resource policies count', async () => {
    const iam = new IAMClient(clientOptions(sim.env.AWS_ENDPOINT_URL_IAM));
    const arn = sim.iam.createRole({
      name: 'sim-role',
      policies: {
        read: {
          Statement: [
            { Effect: 'Allow', Action: 'ssm:Get*', Resource: 'arn:aws:ssm:us-east-1:123456789012:parameter/app/*' },
            { Effect: 'Deny', Action: 'ssm:GetParameters', Resource: '*:parameter/app/locked' },
          ],
        },
      },
    });
    const secret = sim.secretsmanager.createSecret({
      name: 'shared',
      resourcePolicy: {
        Statement: [
          { Effect: 'Allow', Principal: { AWS: arn }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
        ],
      },
    });
    const answer = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: arn,
        ActionNames: ['ssm:GetParameters', 'secretsmanager:GetSecretValue'],
        ResourceArns: [
          'arn:aws:ssm:us-east-1:123456789012:parameter/app/db',
          'arn:aws:ssm:us-east-1:123456789012:parameter/app/locked',
          secret,
        ],
      }),
    );
    const decisions = answer.EvaluationResults?.map(
      (r) => `${r.EvalActionName} ${r.EvalResourceName} ${r.EvalDecision}`,
    );
    expect(decisions).toEqual([
      'ssm:GetParameters arn:aws:ssm:us-east-1:123456789012:parameter/app/db allowed',
      'ssm:GetParameters arn:aws:ssm:us-east-1:123456789012:parameter/app/locked explicitDeny',
      `ssm:GetParameters ${secret} implicitDeny`,
      'secretsmanager:GetSecretValue arn:aws:ssm:us-east-1:123456789012:parameter/app/db implicitDeny',
      'secretsmanager:GetSecretValue arn:aws:ssm:us-east-1:123456789012:parameter/app/locked implicitDeny',
      `secretsmanager:GetSecretValue ${secret} allowed`,
    ]);
    expect(answer.IsTruncated).toBe(false);
    expect(answer.EvaluationResults?.[0]?.MatchedStatements?.[0]?.SourcePolicyId).toBe('read');
  });

  it('GetRole answers a trust policy with a Deny beside the Allow as seeded; ECS then cannot assume the role', async () => {
    const iam = new IAMClient(clientOptions(sim.env.AWS_ENDPOINT_URL_IAM));
    const trustPolicy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow' as const, Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny' as const, Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    };
    const arn = sim.iam.createRole({ name: 'denied-exec', trustPolicy });
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'denied-exec' }));
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''))).toEqual(trustPolicy);
    expect(sim.iam.roleOf(arn)?.trustsService('ecs-tasks.amazonaws.com')).toBe(false);
    sim.iam.createRole({
      name: 'everyone-denied',
      trustPolicy: {
        Statement: [trustPolicy.Statement[0] as never, { Effect: 'Deny', Principal: '*', Action: 'sts:*' }],
      },
    });
    expect(
      sim.iam.roleOf(`arn:aws:iam::123456789012:role/everyone-denied`)?.trustsService('ecs-tasks.amazonaws.com'),
    ).toBe(false);
    expect(sim.iam.roleOf(sim.iam.createRole({ name: 'allowed-exec' }))?.trustsService('ecs-tasks.amazonaws.com')).toBe(
      true,
    );
    // "Principal": "*" lets anyone assume the role, ECS tasks included (as verify reads it too).
    const everyone = sim.iam.createRole({
      name: 'everyone-allowed',
      trustPolicy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] },
    });
    expect(sim.iam.roleOf(everyone)?.trustsService('ecs-tasks.amazonaws.com')).toBe(true);
  });

  it('refuses a policy outside the documented subset when it is seeded', () => {
    expect(() =>
      sim.iam.createRole({
        name: 'conditional',
        policies: { p: { Statement: [{ Effect: 'Allow', Action: '*', Condition: {} } as never] } },
      }),
    ).toThrow(/Condition is outside the simulator's policy subset/);
  });
});

describe('SSM and Secrets Manager', () => {
  it('GetParameters lists unknown names in InvalidParameters; DescribeParameters gives the ARN and KMS key', async () => {
    const ssm = new SSMClient(clientOptions(sim.env.AWS_ENDPOINT_URL_SSM));
    const arn = sim.ssm.putParameter({ name: '/app/db-password', value: 's3cret', type: 'SecureString', keyId: 'k-1' });
    const got = await ssm.send(new GetParametersCommand({ Names: ['/app/db-password', '/app/missing'] }));
    expect(got.Parameters?.[0]).toMatchObject({ Name: '/app/db-password', ARN: arn, Type: 'SecureString' });
    expect(got.Parameters?.[0]?.Value).not.toBe('s3cret');
    expect(got.InvalidParameters).toEqual(['/app/missing']);
    const described = await ssm.send(
      new DescribeParametersCommand({
        ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: ['/app/db-password'] }],
      }),
    );
    expect(described.Parameters).toEqual([
      expect.objectContaining({ Name: '/app/db-password', ARN: arn, KeyId: 'k-1', LastModifiedDate: expect.any(Date) }),
    ]);
  });

  it('DescribeSecret by name, full or partial ARN; unknown is ResourceNotFoundException', async () => {
    const secrets = new SecretsManagerClient(clientOptions(sim.env.AWS_ENDPOINT_URL_SECRETS_MANAGER));
    const arn = sim.secretsmanager.createSecret({
      name: 'api-key',
      kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k-2',
    });
    expect(arn).toMatch(/:secret:api-key-[\w-]{6}$/);
    for (const id of ['api-key', arn, arn.slice(0, -7)]) {
      const described = await secrets.send(new DescribeSecretCommand({ SecretId: id }));
      expect(described).toMatchObject({ ARN: arn, Name: 'api-key', KmsKeyId: expect.stringContaining('key/k-2') });
    }
    expect(await failure(secrets.send(new DescribeSecretCommand({ SecretId: 'nope' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
      status: 400,
    });
  });
});

describe('Logs and ECR', () => {
  it('DescribeLogGroups by prefix', async () => {
    const logs = new CloudWatchLogsClient(clientOptions(sim.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS));
    sim.logs.createLogGroup('/ecs/app');
    sim.logs.createLogGroup('/ecs/app-worker');
    const { logGroups } = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/ecs/app' }));
    expect(logGroups?.map((group) => group.logGroupName)).toEqual(['/ecs/app', '/ecs/app-worker']);
    expect(logGroups?.[0]?.arn).toBe('arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*');
  });

  it('a multi-platform image is an OCI index whose manifests carry their platform', async () => {
    const ecr = new ECRClient(clientOptions(sim.env.AWS_ENDPOINT_URL_ECR));
    sim.ecr.seedImage({ repositoryName: 'multi', tags: ['1'], platforms: [{ os: 'linux', architecture: 'arm64' }] });
    const { images } = await ecr.send(
      new BatchGetImageCommand({ repositoryName: 'multi', imageIds: [{ imageTag: '1' }] }),
    );
    expect(images?.[0]?.imageManifestMediaType).toBe('application/vnd.oci.image.index.v1+json');
    const index = JSON.parse(images?.[0]?.imageManifest ?? '{}');
    expect(index.manifests.map((m: { platform: unknown }) => m.platform)).toEqual([
      { os: 'linux', architecture: 'arm64' },
    ]);
  });
});
