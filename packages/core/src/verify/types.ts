/** What verify reads about, what it needs to read with, and what it reports. */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SSMClient } from '@aws-sdk/client-ssm';

/** What a check reports: what is wrong, why the rollout would fail, the fix. */
export interface VerifyFinding {
  /** A short id of the check, e.g. `secret-missing`. */
  check: string;
  what: string;
  why: string;
  fix: string;
  /** True when the rollout would certainly fail (with `verify: fail` it stops the step before any write). */
  certain: boolean;
}

export interface VerifyReport {
  findings: VerifyFinding[];
  /** One line per read that was denied or failed, and what it left unchecked. Never a failure. */
  notes: string[];
  /** The number of AWS reads made. */
  reads: number;
}

export interface ContainerToVerify {
  name?: string;
  image?: string;
  secrets?: { name?: string; valueFrom?: string }[];
  portMappings?: { containerPort?: number; name?: string }[];
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
}

/** The task definition to deploy or run, and the service it goes to (when there is one). */
export interface VerifyTarget {
  /** The region the task runs in (the default of log groups and parameters given by name). */
  region: string;
  taskDefinition: {
    executionRoleArn?: string;
    taskRoleArn?: string;
    runtimePlatform?: { cpuArchitecture?: string; operatingSystemFamily?: string };
    containerDefinitions?: ContainerToVerify[];
  };
  service?: {
    loadBalancers?: { containerName?: string; containerPort?: number; targetGroupArn?: string }[];
    serviceConnectConfiguration?: { enabled?: boolean; services?: { portName?: string }[] };
  };
}

/** The clients verify reads with, created on first use (their SDKs load only when verify runs). */
export interface VerifyClients {
  iam(): Promise<IAMClient>;
  ssm(region: string): Promise<SSMClient>;
  secretsManager(region: string): Promise<SecretsManagerClient>;
  logs(region: string): Promise<CloudWatchLogsClient>;
  ecr(region: string): Promise<ECRClient>;
}

/** A permission the execution role needs, to be simulated (iam:SimulatePrincipalPolicy). */
export interface PermissionNeed {
  action: string;
  resource: string;
  /** What it is for, e.g. `read secret DB_PASSWORD (arn:…)`. */
  purpose: string;
  /**
   * Whether an implicit deny is certain to fail: false where a resource policy (a secret's, a repository's, a
   * KMS key policy) may still allow what the role's own policies do not.
   */
  implicitDenyIsCertain: boolean;
}

/** What one check found and which permissions it needs checked. */
export interface CheckResult {
  findings: VerifyFinding[];
  needs: PermissionNeed[];
}
