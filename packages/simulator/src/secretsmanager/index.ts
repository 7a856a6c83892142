/**
 * The Secrets Manager side: secrets (their metadata, KMS key and resource policy; values are never served), spoken
 * over AWS JSON 1.1 (`X-Amz-Target: secretsmanager.<Operation>`). Serves DescribeSecret with the shape and errors of
 * the Secrets Manager API reference. Secrets are seeded with `createSecret`.
 *
 * A secret's ARN ends in its name, a hyphen and six random characters
 * (`arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf`). `SecretId` may be the name, the full ARN, or
 * a partial ARN without the six characters, as the API accepts.
 */
import { type AwsJsonService, AwsServiceError, type SimClock } from '../contract.js';
import type { PolicyDocument } from '../iam/index.js';

export interface CreateSecretInput {
  name: string;
  /** A customer managed KMS key (ARN or id); default none (the AWS managed key `aws/secretsmanager`). */
  kmsKeyId?: string;
  /** The secret's resource policy, evaluated by the IAM side's SimulatePrincipalPolicy. */
  resourcePolicy?: PolicyDocument;
}

interface SecretRecord {
  name: string;
  arn: string;
  kmsKeyId?: string;
  resourcePolicy?: PolicyDocument;
  createdAt: number;
  versionId: string;
}

const notFound = () =>
  new AwsServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");

export class SecretsManagerSimulator implements AwsJsonService {
  readonly api = 'secretsmanager' as const;
  readonly targetPrefix = 'secretsmanager';
  private readonly secrets = new Map<string, SecretRecord>();
  private serial = 0;

  constructor(private readonly options: { clock: SimClock; accountId: string; region: string }) {}

  // ------------------------------------------------------------------------------------------- seeding

  /** Creates a secret; returns its full ARN. */
  createSecret(input: CreateSecretInput): string {
    this.serial += 1;
    // Six characters as Secrets Manager appends them; deterministic here so tests can name them.
    const suffix = Buffer.from(`${input.name}${this.serial}`).toString('base64url').slice(-6).padStart(6, 'x');
    const arn = `arn:aws:secretsmanager:${this.options.region}:${this.options.accountId}:secret:${input.name}-${suffix}`;
    this.secrets.set(arn, {
      name: input.name,
      arn,
      ...(input.kmsKeyId ? { kmsKeyId: input.kmsKeyId } : {}),
      ...(input.resourcePolicy ? { resourcePolicy: input.resourcePolicy } : {}),
      createdAt: this.options.clock.now(),
      versionId: `${'0'.repeat(8)}-0000-4000-8000-${String(this.serial).padStart(12, '0')}`,
    });
    return arn;
  }

  deleteSecret(nameOrArn: string): void {
    const record = this.lookup(nameOrArn);
    if (record) this.secrets.delete(record.arn);
  }

  /** A secret by name, full or partial ARN (what ECS reads for a secret's `valueFrom`). */
  find(secretId: string): { arn: string; kmsKeyId?: string } | undefined {
    const record = this.lookup(secretId);
    return record ? { arn: record.arn, ...(record.kmsKeyId ? { kmsKeyId: record.kmsKeyId } : {}) } : undefined;
  }

  /** The resource policy of a secret ARN, for the IAM side's evaluation. */
  resourcePolicyOf(arn: string): PolicyDocument | undefined {
    return this.secrets.get(arn)?.resourcePolicy;
  }

  // ------------------------------------------------------------------------------------------- API

  async handle(operation: string, input: Record<string, unknown>): Promise<unknown> {
    if (operation !== 'DescribeSecret') {
      throw new AwsServiceError('UnknownOperationException', `Unknown operation ${this.targetPrefix}.${operation}`);
    }
    const id = input.SecretId;
    if (typeof id !== 'string' || id.length === 0 || id.length > 2048) {
      throw new AwsServiceError(
        'ValidationException',
        "1 validation error detected: Value at 'secretId' failed to satisfy constraint: Member must have length between 1 and 2048",
      );
    }
    const record = this.lookup(id);
    if (!record) throw notFound();
    return {
      ARN: record.arn,
      Name: record.name,
      ...(record.kmsKeyId ? { KmsKeyId: record.kmsKeyId } : {}),
      CreatedDate: new Date(record.createdAt),
      LastChangedDate: new Date(record.createdAt),
      VersionIdsToStages: { [record.versionId]: ['AWSCURRENT'] },
      Tags: [],
    };
  }

  private lookup(secretId: string): SecretRecord | undefined {
    if (!secretId.startsWith('arn:')) return [...this.secrets.values()].find((record) => record.name === secretId);
    return (
      this.secrets.get(secretId) ?? [...this.secrets.values()].find((record) => record.arn.slice(0, -7) === secretId)
    );
  }
}
