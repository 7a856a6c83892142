/**
 * The ECR side of the simulator (AWS JSON 1.1, `AmazonEC2ContainerRegistry_V20150921.<Operation>`).
 * Stub: the real implementation follows.
 */
import { type AwsJsonService, AwsServiceError, type SimClock } from '../contract.js';

export type ImageTagMutability = 'MUTABLE' | 'IMMUTABLE';
export type FindingSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNDEFINED';

export interface ScanFindingSeed {
  name: string;
  severity: FindingSeverity;
  description?: string;
  uri?: string;
}

export interface RegistryConfig {
  url: string;
  username: string;
  password: string;
}

export interface EcrSimulatorOptions {
  clock: SimClock;
  accountId: string;
  region: string;
  registry?: RegistryConfig;
}

export class EcrSimulator implements AwsJsonService {
  readonly api = 'ecr' as const;
  readonly targetPrefix = 'AmazonEC2ContainerRegistry_V20150921';

  constructor(readonly options: EcrSimulatorOptions) {}

  async handle(operation: string, _input: Record<string, unknown>): Promise<unknown> {
    throw new AwsServiceError('UnknownOperationException', `Unknown operation ${operation}`);
  }

  seedRepository(_repository: {
    repositoryName: string;
    imageTagMutability?: ImageTagMutability;
    scanOnPush?: boolean;
  }): void {}

  seedImage(_image: { repositoryName: string; tags: string[]; digest?: string; pushedAt?: Date }): string {
    return `sha256:${'0'.repeat(64)}`;
  }

  setScanFindings(_repositoryName: string, _imageDigest: string, _findings: ScanFindingSeed[]): void {}
}
