/**
 * Every secret's `valueFrom` exists: an SSM parameter (a name in the task's region, or an ARN) through
 * ssm:DescribeParameters, which reads no value; a Secrets Manager secret (an ARN, perhaps with the
 * `:json-key:version-stage:version-id` suffixes ECS allows) through secretsmanager:DescribeSecret. The execution role's
 * permissions to read each (and to decrypt with a customer managed KMS key) are needs for the simulation.
 */
import { codeOf, isExpectedError, partitionOf, type VerifyReads } from './read.js';
import type { CheckResult, PermissionNeed, VerifyClients, VerifyFinding, VerifyTarget } from './types.js';
import type { SecretRef } from './value-from.js';

/** The ARN of a KMS key given by id, alias or ARN. */
export function keyArn(keyId: string, region: string, account: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  return `arn:${partitionOf(region)}:kms:${region}:${account}:${keyId.startsWith('alias/') ? keyId : `key/${keyId}`}`;
}

export async function checkSecrets(
  target: VerifyTarget,
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<CheckResult> {
  const containers = target.taskDefinition.containerDefinitions ?? [];
  if (!containers.some((container) => (container.secrets ?? []).length > 0)) return { findings: [], needs: [] };
  // Read only when there are secrets: the parsing is a chunk of its own, off a deploy's common path.
  const { malformedFinding, parseValueFrom } = await import('./value-from.js');
  const refs = containers.flatMap((container) =>
    (container.secrets ?? []).flatMap((secret) =>
      secret.valueFrom
        ? [
            {
              container: container.name ?? '?',
              name: secret.name ?? '?',
              ref: parseValueFrom(secret.valueFrom, target.region),
            },
          ]
        : [],
    ),
  );
  // A parameter shared from another account is not listed by DescribeParameters here: it is not checked.
  const account = target.taskDefinition.executionRoleArn?.split(':')[4];
  const checked = refs.filter(
    ({ ref }) => ref.kind !== 'ssm' || !ref.text.startsWith('arn:') || !account || ref.text.split(':')[4] === account,
  );
  const results = await Promise.all(
    checked.map(({ container, name, ref }) => {
      const label = `${name} (container ${container})`;
      if (ref.kind === 'malformed') return { findings: [malformedFinding(label, ref)], needs: [] };
      return ref.kind === 'ssm' ? checkParameter(label, ref, clients, reads) : checkSecret(label, ref, clients, reads);
    }),
  );
  return { findings: results.flatMap((r) => r.findings), needs: results.flatMap((r) => r.needs) };
}

function missing(label: string, text: string, store: string, fix: string): VerifyFinding {
  return {
    check: 'secret-missing',
    what: `secret ${label}: ${store} ${text} does not exist`,
    why: 'ECS reads every secret before it starts the containers: each task stops with "ResourceInitializationError: unable to pull secrets or registry auth"',
    fix,
    certain: true,
  };
}

async function checkParameter(
  label: string,
  ref: Extract<SecretRef, { kind: 'ssm' }>,
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<CheckResult> {
  const { DescribeParametersCommand } = await import('@aws-sdk/client-ssm');
  const ssm = await clients.ssm(ref.region);
  const answer = await reads.attempt('ssm:DescribeParameters', `secret ${label} (${ref.text})`, (options) =>
    ssm.send(
      new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: ref.candidates }] }),
      options,
    ),
  );
  if (answer === undefined || isExpectedError(answer)) return { findings: [], needs: [] };
  const parameter = answer.Parameters?.[0];
  if (!parameter) {
    const fix = `create the parameter (aws ssm put-parameter --name ${ref.name} --type SecureString ...) in ${ref.region}, or correct valueFrom`;
    return { findings: [missing(label, ref.text, 'SSM parameter', fix)], needs: [] };
  }
  const arn = parameter.ARN ?? ref.text;
  const needs: PermissionNeed[] = [
    { action: 'ssm:GetParameters', resource: arn, purpose: `read secret ${label}`, implicitDenyIsCertain: true },
  ];
  if (parameter.KeyId && parameter.KeyId !== 'alias/aws/ssm') {
    needs.push({
      action: 'kms:Decrypt',
      resource: keyArn(parameter.KeyId, ref.region, arn.split(':')[4] ?? ''),
      purpose: `decrypt secret ${label}`,
      implicitDenyIsCertain: false,
    });
  }
  return { findings: [], needs };
}

async function checkSecret(
  label: string,
  ref: Extract<SecretRef, { kind: 'secretsmanager' }>,
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<CheckResult> {
  const { DescribeSecretCommand } = await import('@aws-sdk/client-secrets-manager');
  const client = await clients.secretsManager(ref.region);
  const answer = await reads.attempt(
    'secretsmanager:DescribeSecret',
    `secret ${label} (${ref.secretId})`,
    (options) => client.send(new DescribeSecretCommand({ SecretId: ref.secretId }), options),
    (error) => codeOf(error) === 'ResourceNotFoundException',
  );
  if (answer === undefined) return { findings: [], needs: [] };
  if (isExpectedError(answer)) {
    const fix = `create the secret in ${ref.region} or correct valueFrom (a full ARN ends in the secret's name and six characters)`;
    return { findings: [missing(label, ref.secretId, 'Secrets Manager secret', fix)], needs: [] };
  }
  const arn = answer.ARN ?? ref.secretId;
  const needs: PermissionNeed[] = [
    // A secret's resource policy may allow what the role's own policies do not.
    {
      action: 'secretsmanager:GetSecretValue',
      resource: arn,
      purpose: `read secret ${label}`,
      implicitDenyIsCertain: false,
    },
  ];
  if (answer.KmsKeyId) {
    needs.push({
      action: 'kms:Decrypt',
      resource: keyArn(answer.KmsKeyId, ref.region, arn.split(':')[4] ?? ''),
      purpose: `decrypt secret ${label}`,
      implicitDenyIsCertain: false,
    });
  }
  return { findings: [], needs };
}
