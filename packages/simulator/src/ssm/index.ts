/**
 * The Systems Manager Parameter Store side: parameters (String, StringList, SecureString with a KMS key), spoken
 * over AWS JSON 1.1 (`X-Amz-Target: AmazonSSM.<Operation>`). Serves GetParameters and DescribeParameters with the
 * shapes and errors of the Systems Manager API reference. Parameters are seeded with `putParameter`.
 *
 * A parameter's name is its path (`/app/db-password` or `db-password`); its ARN is
 * `arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>`. GetParameters takes names or ARNs
 * (up to 10) and lists the unknown ones in `InvalidParameters`, as the API does.
 */
import { type AwsJsonService, AwsServiceError, type SimClock } from '../contract.js';

export interface PutParameterInput {
  name: string;
  value: string;
  type?: 'String' | 'StringList' | 'SecureString';
  /** SecureString: the KMS key (id, ARN or alias); default `alias/aws/ssm`, the AWS managed key. */
  keyId?: string;
}

interface ParameterRecord {
  name: string;
  arn: string;
  value: string;
  type: 'String' | 'StringList' | 'SecureString';
  keyId?: string;
  version: number;
  modifiedAt: number;
}

const validation = (message: string) => new AwsServiceError('ValidationException', message);

export class SsmSimulator implements AwsJsonService {
  readonly api = 'ssm' as const;
  readonly targetPrefix = 'AmazonSSM';
  private readonly parameters = new Map<string, ParameterRecord>();

  constructor(private readonly options: { clock: SimClock; accountId: string; region: string }) {}

  // ------------------------------------------------------------------------------------------- seeding

  putParameter(input: PutParameterInput): string {
    const type = input.type ?? 'String';
    const existing = this.parameters.get(input.name);
    const arn = `arn:aws:ssm:${this.options.region}:${this.options.accountId}:parameter/${input.name.replace(/^\//, '')}`;
    this.parameters.set(input.name, {
      name: input.name,
      arn,
      value: input.value,
      type,
      ...(type === 'SecureString' ? { keyId: input.keyId ?? 'alias/aws/ssm' } : {}),
      version: (existing?.version ?? 0) + 1,
      modifiedAt: this.options.clock.now(),
    });
    return arn;
  }

  deleteParameter(name: string): void {
    this.parameters.delete(name);
  }

  /** A parameter by name or ARN (what ECS reads for a secret's `valueFrom`). */
  find(nameOrArn: string): { arn: string; keyId?: string } | undefined {
    const record = this.lookup(nameOrArn);
    return record ? { arn: record.arn, ...(record.keyId ? { keyId: record.keyId } : {}) } : undefined;
  }

  // ------------------------------------------------------------------------------------------- API

  async handle(operation: string, input: Record<string, unknown>): Promise<unknown> {
    switch (operation) {
      case 'GetParameters':
        return this.getParameters(input);
      case 'DescribeParameters':
        return this.describeParameters(input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${this.targetPrefix}.${operation}`);
    }
  }

  private lookup(nameOrArn: string): ParameterRecord | undefined {
    if (!nameOrArn.startsWith('arn:')) return this.parameters.get(nameOrArn);
    return [...this.parameters.values()].find((record) => record.arn === nameOrArn);
  }

  private getParameters(input: Record<string, unknown>): unknown {
    const names = input.Names;
    if (!Array.isArray(names) || names.length === 0 || names.length > 10) {
      throw validation(
        `1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to 10 and greater than or equal to 1`,
      );
    }
    const decrypt = input.WithDecryption === true;
    const parameters: unknown[] = [];
    const invalid: string[] = [];
    for (const name of names as string[]) {
      const record = this.lookup(name);
      if (!record) {
        invalid.push(name);
        continue;
      }
      parameters.push({
        Name: record.name,
        Type: record.type,
        // Without decryption a SecureString's value is its ciphertext (here a stand-in that is not the value).
        Value:
          record.type === 'SecureString' && !decrypt
            ? Buffer.from(`kms:${record.keyId}:${record.version}`).toString('base64')
            : record.value,
        Version: record.version,
        LastModifiedDate: new Date(record.modifiedAt),
        ARN: record.arn,
        DataType: 'text',
      });
    }
    return { Parameters: parameters, InvalidParameters: invalid };
  }

  /** ParameterFilters `Name` with Option Equals or BeginsWith (the ones the actions use); MaxResults 1 to 50. */
  private describeParameters(input: Record<string, unknown>): unknown {
    const filters = (input.ParameterFilters ?? []) as { Key?: string; Option?: string; Values?: string[] }[];
    for (const filter of filters) {
      if (filter.Key !== 'Name') throw validation(`The simulator filters DescribeParameters by Name only.`);
      if (filter.Option !== undefined && filter.Option !== 'Equals' && filter.Option !== 'BeginsWith') {
        throw new AwsServiceError(
          'InvalidFilterOption',
          `The filter option ${filter.Option} is not valid for key Name.`,
        );
      }
    }
    const maxResults = typeof input.MaxResults === 'number' ? input.MaxResults : 50;
    if (maxResults < 1 || maxResults > 50) {
      throw validation(
        `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50`,
      );
    }
    const matches = [...this.parameters.values()]
      .filter((record) =>
        filters.every((filter) =>
          (filter.Values ?? []).some((value) =>
            filter.Option === 'BeginsWith' ? record.name.startsWith(value) : record.name === value,
          ),
        ),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    const start = typeof input.NextToken === 'string' ? Number(input.NextToken) : 0;
    const page = matches.slice(start, start + maxResults);
    const next = start + maxResults < matches.length ? String(start + maxResults) : undefined;
    return {
      Parameters: page.map((record) => ({
        Name: record.name,
        ARN: record.arn,
        Type: record.type,
        ...(record.keyId ? { KeyId: record.keyId } : {}),
        LastModifiedDate: new Date(record.modifiedAt),
        LastModifiedUser: `arn:aws:iam::${this.options.accountId}:user/seed`,
        Version: record.version,
        Tier: 'Standard',
        Policies: [],
        DataType: 'text',
      })),
      ...(next ? { NextToken: next } : {}),
    };
  }
}
