/** The shapes the phases of a deploy (register, update, follow, explain, roll back) share. */

import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { Deployment, ECSClient } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Clock, Sleep } from '@ecs-actions/core';
import type { ContainerLogs } from '@ecs-actions/core/ecs';
import type { VerifyClients } from '@ecs-actions/core/verify';
import type { Pause } from './pause/watch-pauses.js';
import type { TimelineData } from './timeline/record.js';

/** `planned`: a dry run (dry-run: true) that read and planned and changed nothing. */
export type DeployStatus =
  | 'succeeded'
  | 'unchanged'
  | 'rolled-back'
  | 'superseded'
  | 'failed'
  | 'timed-out'
  | 'planned'
  /** Paused at a PAUSE lifecycle hook, and on-pause: return ended the step there (pause/). */
  | 'paused';

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
  /**
   * An ECR client for a registry's region, created on first use: a redeploy of a recorded revision checks that its
   * images still exist. Without it, they are not checked.
   */
  ecr?: (region: string) => Promise<ECRClient>;
  /** EC2 and ELBv2 clients for the preflight, created on first use; without them those checks are skipped. */
  ec2?: () => Promise<EC2Client>;
  elbv2?: () => Promise<ElasticLoadBalancingV2Client>;
  /**
   * CodeDeploy clients, created on first use (a CODE_DEPLOY service): `singleAttempt` (retries off) for the writes,
   * CreateDeployment and StopDeployment, which must not be applied twice after a lost answer.
   */
  codedeploy?: () => Promise<{ client: CodeDeployClient; singleAttempt: CodeDeployClient }>;
  /** The IAM, SSM, Secrets Manager, Logs and ECR clients verify reads with, created on first use; without them verify is off. */
  verify?: VerifyClients;
  /** The wrap-up's time budgets (wrap-up.ts); the defaults unless a test gives shorter ones. */
  wrapUp?: Partial<WrapUpBudgets>;
}

/** The time a deploy may take after its wait ended without success (wrap-up.ts), in real milliseconds. */
export interface WrapUpBudgets {
  /** The rollback decision's fresh reads in all (each tried again while time is left). */
  decisionMs: number;
  /** Each read of the decision, and the rollback request after them. */
  decisionReadMs: number;
  /** The failure report's reads in all. */
  reportMs: number;
  /** Each read of the report. */
  reportReadMs: number;
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
  by: 'ecs' | 'action' | 'codedeploy';
  /**
   * How this step rolled back (by: action; the rollback-method output): `service-revision`, StopServiceDeployment
   * ROLLBACK (the previous service revision: its task definition and settings); `task-definition`, UpdateService back
   * to the previous task definition (where ECS refused the stop, or the deployment has no service deployment).
   */
  method?: RollbackMethod;
  taskDefinitionArn: string;
  deploymentId?: string;
  steady: boolean;
  detail: string;
}

export type RollbackMethod = 'service-revision' | 'task-definition';

export interface DeployResult {
  /** undefined when the job was cancelled before the outcome was known. */
  status: DeployStatus | undefined;
  cancelled: boolean;
  /** One plain sentence: what happened. */
  message: string;
  taskDefinitionArn?: string;
  previousTaskDefinitionArn?: string;
  deploymentId?: string;
  /** The CodeDeploy deployment this step created (a CODE_DEPLOY service). */
  codedeployDeploymentId?: string;
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
  /** What the preflight found (each a line: what, why, fix) and the least time it predicted for the rollout. */
  preflight?: { findings: string[]; predictedMs?: number; prediction?: string };
  /** What verify found (each a line: what, why the rollout would fail, the fix) and the reads it could not make. */
  verify?: { findings: string[]; notes: string[] };
  /** A dry run's plan, as Markdown (the `plan` output). */
  plan?: string;
  /** What the service definition changed, one line per setting ("~ path: old → new", "+ path: new"). */
  serviceSettings?: string[];
  /** The pause the deployment waits at (status paused): the step's pause-* outputs. */
  pause?: Pause;
  /** The service deployment followed (native staged and paused deployments). */
  serviceDeploymentArn?: string;
  /** keep-revisions: what was deregistered, what was kept and why, and an error that stopped it. */
  revisionsCleanup?: { deregistered: string[]; kept: { arn: string; why: string }[]; error?: string };
  /** What the step observed of the rollout, with when (the summary's timeline). */
  timeline?: TimelineData;
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
  /** What `id` names: an ECS deployment (the default), or a task set (CodeDeploy's replacement). */
  kind?: 'deployment' | 'task set';
  /** A native staged strategy (BLUE_GREEN, LINEAR, CANARY) the deployment follows; none for a rolling update. */
  strategy?: string;
}

export type Outcome =
  | { kind: 'completed'; deployment: Deployment }
  | { kind: 'failed'; reason: string; deployment?: Deployment }
  | { kind: 'replaced'; by?: Deployment; ecsRollback: boolean; deployment?: Deployment }
  | { kind: 'paused'; pause: Pause; deployment?: Deployment }
  | {
      kind: 'timed-out';
      deployment?: Deployment;
      /** Set when the wait ended on an AWS call that did not answer, e.g. "ecs:DescribeServices did not answer". */
      stalled?: string;
    };
