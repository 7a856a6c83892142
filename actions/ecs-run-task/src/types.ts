/** The shapes the phases of a run (task definition, placement, RunTask, following, logs, summary) share. */

import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Clock, Sleep } from '@ecs-actions/core';
import type { ContainerLogs, LogsClientFor } from '@ecs-actions/core/ecs';
import type { VerifyClients } from '@ecs-actions/core/verify';

export type RunStatus = 'succeeded' | 'failed' | 'timed-out' | 'cancelled' | 'started';

export interface RunTaskDeps {
  ecs: Pick<ECSClient, 'send'>;
  /** The same client with the SDK's retries off, for RegisterTaskDefinition (core's writeOnce checks what landed). */
  ecsSingleAttempt: Pick<ECSClient, 'send'>;
  region: string;
  clock: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
  log: { info(message: string): void; warning(message: string): void };
  /** A CloudWatch Logs client for a region, created on first use: the tasks' log lines. Without it none are read. */
  logs?: LogsClientFor;
  /** The clients verify reads with, created on first use; without them verify is off. */
  verify?: VerifyClients;
}

export interface ContainerOutcome {
  name: string;
  essential: boolean;
  exitCode: number | undefined;
  reason: string | undefined;
}

export interface TaskOutcome {
  arn: string;
  id: string;
  lastStatus: string;
  stopCode: string | undefined;
  stoppedReason: string | undefined;
  containers: ContainerOutcome[];
  /** The last log lines of its awslogs containers, or why they are not shown (a failed task). */
  logs?: ContainerLogs[];
}

export interface RunTaskResult {
  status: RunStatus;
  /** One sentence: how it ended and why. */
  message: string;
  cluster: string;
  taskDefinitionArn: string;
  taskArns: string[];
  exitCode: number | undefined;
  tasks: TaskOutcome[];
  durationMs: number;
}
