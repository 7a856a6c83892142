/**
 * Internal state of the CodeDeploy side: applications, deployment groups (ECS compute platform) and deployments
 * with their one ECS target. Field names follow the CodeDeploy API reference data types (ApplicationInfo,
 * DeploymentGroupInfo, DeploymentInfo, ECSTarget, LifecycleEvent, ECSTaskSet).
 */
import type { AppSpec } from './appspec.js';

export type JsonObject = Record<string, unknown>;

export type DeploymentStatus =
  | 'Created'
  | 'Queued'
  | 'InProgress'
  | 'Baking'
  | 'Ready'
  | 'Succeeded'
  | 'Failed'
  | 'Stopped';

export type LifecycleStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';

/**
 * The lifecycle events of an Amazon ECS deployment, in order (CodeDeploy user guide, "AppSpec 'hooks' section for an
 * Amazon ECS deployment": Install, AllowTestTraffic and AllowTraffic run no hook; the other five run a Lambda
 * function when the AppSpec names one).
 */
export const ECS_LIFECYCLE_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const;
export type LifecycleEventName = (typeof ECS_LIFECYCLE_EVENTS)[number];
export const HOOK_EVENTS: ReadonlySet<string> = new Set([
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
]);

/** Simulated durations (ms) of a CodeDeploy ECS deployment. */
export const CODEDEPLOY_TIMING = {
  /** Created → InProgress. */
  start: 3_000,
  /** A hook Lambda function answers this long after it is invoked, unless its scenario says otherwise. */
  hook: 5_000,
  /** Test listener rerouted to the replacement task set. */
  testTraffic: 5_000,
  /** One traffic shift step (all at once, or each linear/canary step) takes this long to apply. */
  reroute: 5_000,
  /**
   * Install waits this long for the replacement task set to become healthy, then fails: "The deployment timed out
   * while waiting for the replacement task set to become healthy. This time out period is 60 minutes."
   */
  installTimeout: 60 * 60_000,
};

/** The traffic routing of a deployment configuration (TrafficRoutingConfig). */
export type TrafficRouting =
  | { type: 'AllAtOnce' }
  | { type: 'TimeBasedLinear'; percentage: number; intervalMinutes: number }
  | { type: 'TimeBasedCanary'; percentage: number; intervalMinutes: number };

/** The predefined ECS deployment configurations (user guide, "Deployment configurations on an Amazon ECS compute platform"). */
export const ECS_DEPLOYMENT_CONFIGS: ReadonlyMap<string, TrafficRouting> = new Map<string, TrafficRouting>([
  ['CodeDeployDefault.ECSAllAtOnce', { type: 'AllAtOnce' }],
  [
    'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
    { type: 'TimeBasedLinear', percentage: 10, intervalMinutes: 1 },
  ],
  [
    'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
    { type: 'TimeBasedLinear', percentage: 10, intervalMinutes: 3 },
  ],
  ['CodeDeployDefault.ECSCanary10Percent5Minutes', { type: 'TimeBasedCanary', percentage: 10, intervalMinutes: 5 }],
  ['CodeDeployDefault.ECSCanary10Percent15Minutes', { type: 'TimeBasedCanary', percentage: 10, intervalMinutes: 15 }],
]);

export interface ApplicationRecord {
  id: string;
  name: string;
  createdAt: number;
}

export interface DeploymentGroupRecord {
  id: string;
  application: ApplicationRecord;
  name: string;
  deploymentConfigName: string;
  serviceRoleArn: string;
  cluster: string;
  service: string;
  /** Blue and green target group names. */
  targetGroups: [string, string];
  prodListenerArns: string[];
  testListenerArns: string[];
  terminationWaitTimeInMinutes: number;
  autoRollback: { enabled: boolean; events: string[] };
  lastAttempted?: DeploymentRecord;
  lastSuccessful?: DeploymentRecord;
}

export interface LifecycleEventRecord {
  name: LifecycleEventName;
  status: LifecycleStatus;
  startTime?: number;
  endTime?: number;
  diagnostics?: { errorCode: string; scriptName: string; message: string; logTail: string };
}

/** What a hook Lambda function answers (set by scenario with `setHookResult`). */
export interface HookResult {
  status: 'Succeeded' | 'Failed';
  afterSeconds?: number;
}

export interface DeploymentRecord {
  id: string;
  group: DeploymentGroupRecord;
  configName: string;
  description?: string;
  creator: 'user' | 'codeDeployRollback';
  revision: JsonObject;
  /** Parsed at CreateDeployment; checked against ECS when the deployment starts. */
  appSpec: AppSpec;
  status: DeploymentStatus;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  errorInformation?: { code: string; message: string };
  rollbackInfo?: { rollbackDeploymentId?: string; rollbackTriggeringDeploymentId?: string; rollbackMessage?: string };
  events: LifecycleEventRecord[];
  /** Index of the lifecycle event in progress (events.length once all are done). */
  cursor: number;
  /** When the event at `cursor` may start (the previous one ended). */
  cursorAt: number;
  /** Task set ids: the original (blue) and the replacement (green). */
  blue?: string;
  green?: string;
  /** Percentage of production traffic on the replacement task set. */
  greenTraffic: number;
  /** Set once AfterAllowTraffic is over: the original task set is terminated at this time. */
  terminateBlueAt?: number;
  /** A rollback deployment: the one it rolls back. */
  rollbackOf?: DeploymentRecord;
}
