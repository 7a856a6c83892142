/**
 * Test helpers: the ECS JSON API at the HTTP layer with nock (the real SDK makes the calls), and builders for
 * the DescribeServices answers of a service in the middle of a rolling update.
 */
import { ECSClient } from '@aws-sdk/client-ecs';
import { ManualClock } from '@ecs-actions/core';
import nock from 'nock';
import type { DeployDeps, Logger } from '../src/types.js';

export const ENDPOINT = 'https://ecs.us-east-1.amazonaws.com';
export const ACCOUNT = '123456789012';
export const CLUSTER_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/prod`;
export const tdArn = (revision: number, family = 'web') =>
  `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${family}:${revision}`;

export interface Call {
  operation: string;
  body: Record<string, unknown>;
}

/** Expected calls, answered in order; `calls` records every request body. */
export class EcsScript {
  readonly scope = nock(ENDPOINT);
  readonly calls: Call[] = [];

  expect(
    operation: string,
    reply: unknown | ((body: Record<string, unknown>) => unknown),
    options: { status?: number; times?: number; delayMs?: number } = {},
  ): this {
    this.scope
      .post('/')
      .matchHeader('x-amz-target', `AmazonEC2ContainerServiceV20141113.${operation}`)
      .times(options.times ?? 1)
      // An answer that takes this long (real ms): a call in flight, to cancel or to time out.
      .delay(options.delayMs ?? 0)
      .reply(
        options.status ?? 200,
        // nock 15 hands the reply function a fetch Request.
        async (request: Request) => {
          const text = await request.text();
          const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
          this.calls.push({ operation, body });
          return typeof reply === 'function' ? (reply as (b: Record<string, unknown>) => unknown)(body) : reply;
        },
        { 'content-type': 'application/x-amz-json-1.1' },
      );
    return this;
  }

  /** An AWS JSON error answer. */
  fail(operation: string, code: string, message: string, status = 400, times = 1): this {
    return this.expect(operation, { __type: code, message }, { status, times });
  }

  operations(): string[] {
    return this.calls.map((call) => call.operation);
  }
}

export interface DeploymentSpec {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  td: string;
  rollout?: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | undefined;
  reason?: string;
  running?: number;
  pending?: number;
  failed?: number;
  desired?: number;
}

export const at = (seconds: number) => 1_759_741_200 + seconds; // epoch seconds near ManualClock's start

export function deployment(spec: DeploymentSpec): Record<string, unknown> {
  return {
    id: spec.id,
    status: spec.status,
    taskDefinition: spec.td,
    desiredCount: spec.desired ?? 3,
    runningCount: spec.running ?? 0,
    pendingCount: spec.pending ?? 0,
    failedTasks: spec.failed ?? 0,
    createdAt: at(0),
    updatedAt: at(0),
    launchType: 'FARGATE',
    ...(spec.rollout ? { rolloutState: spec.rollout } : {}),
    ...(spec.reason ? { rolloutStateReason: spec.reason } : {}),
  };
}

export interface ServiceSpec {
  deployments: DeploymentSpec[];
  events?: { id: string; at: number; message: string }[];
  breaker?: { enable: boolean; rollback: boolean };
  controller?: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
}

export function service(spec: ServiceSpec): Record<string, unknown> {
  const primary = spec.deployments.find((d) => d.status === 'PRIMARY');
  return {
    serviceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service/prod/web`,
    serviceName: 'web',
    clusterArn: CLUSTER_ARN,
    status: 'ACTIVE',
    desiredCount: primary?.desired ?? 3,
    runningCount: 3,
    pendingCount: 0,
    launchType: 'FARGATE',
    taskDefinition: primary?.td,
    deploymentController: { type: spec.controller ?? 'ECS' },
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: spec.breaker ?? { enable: false, rollback: false },
    },
    deployments: spec.deployments.map(deployment),
    events: (spec.events ?? [])
      .map((e) => ({ id: e.id, createdAt: at(e.at), message: e.message }))
      .sort((a, b) => b.createdAt - a.createdAt),
  };
}

export const describeAnswer = (spec: ServiceSpec) => ({ services: [service(spec)], failures: [] });
export const updateAnswer = (spec: ServiceSpec) => ({ service: service(spec) });

export function testClient(): ECSClient {
  return new ECSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
}

export class CapturingLog implements Logger {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  info = (message: string) => {
    this.lines.push(message);
  };
  warning = (message: string) => {
    this.warnings.push(message);
    this.lines.push(`WARNING ${message}`);
  };
  startGroup = (title: string) => {
    this.lines.push(`::group::${title}`);
  };
  endGroup = () => {
    this.lines.push('::endgroup::');
  };
  text(): string {
    return this.lines.join('\n');
  }
}

export function testDeps(overrides: Partial<DeployDeps> = {}): DeployDeps & { clock: ManualClock; log: CapturingLog } {
  const clock = new ManualClock();
  const log = new CapturingLog();
  const ecs = testClient();
  return {
    ecs,
    ecsSingleAttempt: ecs,
    region: 'us-east-1',
    clock,
    sleep: clock.sleep,
    log,
    ...overrides,
  } as DeployDeps & {
    clock: ManualClock;
    log: CapturingLog;
  };
}
