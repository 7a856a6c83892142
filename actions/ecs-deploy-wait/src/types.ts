/** The shapes the phases of a deploy (register, update, follow, explain, roll back) share. */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Deployment, ECSClient } from '@aws-sdk/client-ecs';
import type { Clock, Sleep } from '@ecs-actions/core';
import type { ContainerLogs } from '@ecs-actions/core/ecs';

export type DeployStatus = 'succeeded' | 'unchanged' | 'rolled-back' | 'superseded' | 'failed' | 'timed-out';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  startGroup(title: string): void;
  endGroup(): void;
}

export interface DeployDeps {
  ecs: ECSClient;
  /**
   * The same client with the SDK's retries off (maxAttempts 1), for the writes (RegisterTaskDefinition,
   * UpdateService): a retry after a lost answer must first look whether the write landed, or it applies it twice.
   */
  ecsSingleAttempt: ECSClient;
  region: string;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Aborted when the job is cancelled (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /**
   * A CloudWatch Logs client for a region, created on first use: the failure report shows the app's last log lines.
   * Without it, no log lines are read.
   */
  logs?: (region: string) => Promise<CloudWatchLogsClient>;
}

export interface StoppedContainer {
  name: string;
  exitCode?: number;
  reason?: string;
  healthStatus?: string;
}

export type { ContainerLogs } from '@ecs-actions/core/ecs';

export interface StoppedTask {
  taskId: string;
  stopCode?: string;
  stoppedReason?: string;
  healthStatus?: string;
  stoppedAt?: Date;
  containers: StoppedContainer[];
  /** The last log lines of its awslogs containers (failure report). */
  logs?: ContainerLogs[];
}

export interface RollbackReport {
  by: 'ecs' | 'action';
  taskDefinitionArn: string;
  deploymentId?: string;
  steady: boolean;
  detail: string;
}

export interface DeployResult {
  /** undefined when the job was cancelled before the outcome was known. */
  status: DeployStatus | undefined;
  cancelled: boolean;
  /** One plain sentence: what happened. */
  message: string;
  taskDefinitionArn?: string;
  previousTaskDefinitionArn?: string;
  deploymentId?: string;
  images: string[];
  durationMs: number;
  /** The last known state of our deployment, e.g. "COMPLETED, 3/3 running". */
  finalState: string;
  consoleUrl: string;
  cluster: string;
  service: string;
  stoppedTasks: StoppedTask[];
  rollback?: RollbackReport;
  /** Set when an API error ended the wait (the deployment may still be going on). */
  error?: string;
}

/** What a result carries besides its status, message, timing and final state. */
export type Known = Omit<DeployResult, 'status' | 'cancelled' | 'message' | 'durationMs' | 'finalState'>;

/** A deployment being followed: ours, ECS's rollback of it, or our own rollback. */
export interface Target {
  id: string;
  taskDefinitionArn: string;
  label: string;
  createdAt?: Date;
  /** The service deployment (ListServiceDeployments API) of this deployment, when known. */
  serviceDeploymentArn?: string;
}

export type Outcome =
  | { kind: 'completed'; deployment: Deployment }
  | { kind: 'failed'; reason: string; deployment?: Deployment }
  | { kind: 'replaced'; by?: Deployment; ecsRollback: boolean; deployment?: Deployment }
  | {
      kind: 'timed-out';
      deployment?: Deployment;
      /** Set when the wait ended on an AWS call that did not answer, e.g. "ecs:DescribeServices did not answer". */
      stalled?: string;
    };
