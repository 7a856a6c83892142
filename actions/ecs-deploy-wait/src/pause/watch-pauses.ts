/**
 * PAUSE lifecycle hooks (ECS, since 2026-05): a deployment paused at a stage is not a slow one. While following a
 * service deployment, each poll looks for a PAUSE hook AWAITING_ACTION, prints its stage, hookId, expiry and timeout
 * action once, and does what `on-pause` says: `return` ends the wait with the pause, `continue` continues it at once
 * (ContinueServiceDeployment), `wait` keeps waiting for someone else to continue it (within `timeout`). When the
 * step's time runs out during a pause, it does not roll back: ECS takes the pause's own timeout action.
 */
import {
  ContinueServiceDeploymentCommand,
  type DeploymentLifecycleHookDetail,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
import { AwsCallError } from '@ecs-actions/core/ecs';
import { errorCode } from '../aws-errors.js';
import type { DeploySession } from '../session.js';

import type { OnPauseMode } from './modes.js';

export { ON_PAUSE_MODES, type OnPauseMode } from './modes.js';

/** A service deployment paused at a PAUSE hook: what the step's outputs carry. */
export interface Pause {
  serviceDeploymentArn: string;
  hookId: string;
  /** The lifecycle stage it paused at, e.g. POST_TEST_TRAFFIC_SHIFT (rolling: PRE_SCALE_UP or POST_SCALE_UP). */
  stage: string;
  expiresAt?: Date;
  /** What ECS does when the pause expires: CONTINUE or ROLLBACK. */
  timeoutAction?: string;
}

/** The PAUSE hooks AWAITING_ACTION of a service deployment that goes forward (IN_PROGRESS). */
export function awaitingPauses(deployment: ServiceDeployment): Pause[] {
  if (deployment.status !== 'IN_PROGRESS') return [];
  return (deployment.lifecycleHookDetails ?? [])
    .filter((hook) => hook.targetType === 'PAUSE' && hook.status === 'AWAITING_ACTION' && hook.hookId)
    .map((hook) => pauseOf(deployment, hook));
}

function pauseOf(deployment: ServiceDeployment, hook: DeploymentLifecycleHookDetail): Pause {
  return {
    serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
    hookId: hook.hookId ?? '',
    stage: deployment.lifecycleStage ?? '?',
    ...(hook.expiresAt ? { expiresAt: hook.expiresAt } : {}),
    ...(hook.timeoutAction ? { timeoutAction: hook.timeoutAction } : {}),
  };
}

/** "paused at stage POST_TEST_TRAFFIC_SHIFT (lifecycle hook ecs-pause-…), until 2026-…Z, then ECS will ROLLBACK" */
export function describePause(pause: Pause): string {
  const until = pause.expiresAt ? `, until ${pause.expiresAt.toISOString()}` : '';
  const then = pause.timeoutAction ? `, then ECS will ${pause.timeoutAction} (the hook's timeout action)` : '';
  return `paused at stage ${pause.stage} (lifecycle hook ${pause.hookId} AWAITING_ACTION${until}${then})`;
}

/** Whether the service's deployment configuration has PAUSE hooks (a rolling follower then reads the deployment). */
export function hasPauseHooks(service: Service | undefined): boolean {
  return (service?.deploymentConfiguration?.lifecycleHooks ?? []).some((hook) => hook.targetType === 'PAUSE');
}

/** What each follower asks on every poll of its service deployment (session.pauses). */
export class PauseWatch {
  private readonly printed = new Set<string>();
  private readonly continued = new Set<string>();
  /** The pause the deployment waits at now (on-pause: wait), for the account when the time runs out. */
  current: Pause | undefined;

  constructor(
    private readonly session: DeploySession,
    readonly mode: OnPauseMode,
  ) {}

  /** The pause that ends the wait (on-pause: return), or undefined to keep following. */
  async judge(deployment: ServiceDeployment): Promise<Pause | undefined> {
    const [pause] = awaitingPauses(deployment);
    this.current = pause;
    if (!pause) return undefined;
    const { log } = this.session;
    if (!this.printed.has(pause.hookId)) {
      this.printed.add(pause.hookId);
      log.info(`[${this.session.elapsed()}] service deployment ${pause.serviceDeploymentArn} ${describePause(pause)}`);
      if (this.mode === 'wait') {
        log.info(
          `on-pause: wait: waiting for someone to continue or roll it back (ecs-deploy-continue, the console, or aws ecs continue-service-deployment --hook-id ${pause.hookId}).`,
        );
      }
    }
    if (this.mode === 'return') return pause;
    if (this.mode === 'continue' && !this.continued.has(pause.hookId)) {
      this.continued.add(pause.hookId);
      await continueNow(this.session, pause);
    }
    return undefined;
  }

  /** Why the step does not roll back when its time ran out during a pause, or undefined when not paused. */
  noRollbackWhilePaused(): string | undefined {
    const pause = this.current;
    if (!pause) return undefined;
    return `No rollback: the deployment is ${describePause(pause)}; ECS keeps it paused until someone continues it or the pause expires, and this step leaves that to the service's own pause configuration.`;
  }
}

/** on-pause: continue: ContinueServiceDeployment CONTINUE for the pause, at once. */
async function continueNow(session: DeploySession, pause: Pause): Promise<void> {
  session.log.info(
    `on-pause: continue: continuing service deployment ${pause.serviceDeploymentArn} (hook ${pause.hookId})`,
  );
  try {
    await session.call('ContinueServiceDeployment', (o) =>
      session.deps.ecs.send(
        new ContinueServiceDeploymentCommand({
          serviceDeploymentArn: pause.serviceDeploymentArn,
          hookId: pause.hookId,
          action: 'CONTINUE',
        }),
        o,
      ),
    );
  } catch (error) {
    // Refused (denied, throttled past retries): the step cannot do what on-pause asks.
    if (!isInvalidParameter(error)) throw error;
    // Someone else acted on it first (it is no longer AWAITING_ACTION): the next poll shows what they chose.
    session.log.warning(`ContinueServiceDeployment for hook ${pause.hookId} failed: ${errorMessage(error)}`);
  }
}

/** ECS refused the request's parameters (ContinueServiceDeployment: the hook is no longer AWAITING_ACTION). */
export function isInvalidParameter(error: unknown): boolean {
  const code = error instanceof AwsCallError ? error.code : errorCode(error);
  return code === 'InvalidParameterException';
}
