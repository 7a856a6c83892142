/**
 * How a CodeDeploy deployment to an Amazon ECS service runs, over simulated time (CodeDeploy user guide, "What
 * happens during an Amazon ECS deployment"): Created → InProgress; the lifecycle events in order — the replacement
 * (green) task set is created at Install and must become healthy, the test listener moves at AllowTestTraffic,
 * production traffic at AllowTraffic (all at once, linear or canary) — then, after the deployment group's
 * termination wait, the original (blue) task set is deleted and the deployment Succeeded. A failed hook or a
 * replacement that never becomes healthy fails it; with automatic rollback on failure (or a stop that asks for it)
 * CodeDeploy starts a rollback deployment that moves traffic back to the original task set and deletes the
 * replacement. State is brought up to `now` lazily, on each call.
 */
import type { EcsSimulator } from '../ecs/index.js';
import type { ServiceTaskSets } from '../ecs/task-sets.js';
import {
  CODEDEPLOY_TIMING,
  type DeploymentRecord,
  ECS_DEPLOYMENT_CONFIGS,
  ECS_LIFECYCLE_EVENTS,
  HOOK_EVENTS,
  type HookResult,
  type LifecycleEventRecord,
} from './model.js';

export interface EngineContext {
  ecs: EcsSimulator;
  hookResult(functionName: string): HookResult | undefined;
  /** Starts a rollback deployment of `failed` at `at` (the CodeDeploy side records it). */
  startRollback(failed: DeploymentRecord, at: number): DeploymentRecord;
}

export const isDone = (deployment: DeploymentRecord) =>
  deployment.status === 'Succeeded' || deployment.status === 'Failed' || deployment.status === 'Stopped';

export function newEvents(): LifecycleEventRecord[] {
  return ECS_LIFECYCLE_EVENTS.map((name) => ({ name, status: 'Pending' }));
}

export class Engine {
  constructor(private readonly context: EngineContext) {}

  private taskSets(deployment: DeploymentRecord): ServiceTaskSets | undefined {
    return this.context.ecs.serviceTaskSets(deployment.group.cluster, deployment.group.service);
  }

  /** Runs the deployment up to `now`. */
  advance(deployment: DeploymentRecord, now: number): void {
    for (let guard = 0; guard < 1_000 && !isDone(deployment); guard++) {
      if (!this.step(deployment, now)) return;
    }
  }

  /** One transition that is due by `now`; false when nothing more is due. */
  private step(deployment: DeploymentRecord, now: number): boolean {
    if (deployment.status === 'Created') {
      const at = deployment.createTime + CODEDEPLOY_TIMING.start;
      if (now < at) return false;
      deployment.status = 'InProgress';
      deployment.startTime = at;
      deployment.cursorAt = at;
      return true;
    }
    if (deployment.rollbackOf) return this.stepRollback(deployment, now);
    if (deployment.cursor >= deployment.events.length) return this.stepTermination(deployment, now);
    const event = deployment.events[deployment.cursor] as LifecycleEventRecord;
    const at = deployment.cursorAt;
    if (now < at) return false;
    if (event.status === 'Pending') {
      event.status = 'InProgress';
      event.startTime = at;
      if (event.name === 'BeforeInstall' && !this.checkTarget(deployment, at)) return true;
      if (event.name === 'Install') this.install(deployment, at);
    }
    const end = this.eventEnd(deployment, event, now);
    if (end === undefined) return false;
    if (end.failed) {
      this.fail(deployment, event, end.at, end.failed);
      return true;
    }
    event.status = 'Succeeded';
    event.endTime = end.at;
    if (event.name === 'AllowTraffic') this.shiftTraffic(deployment, 100, end.at);
    deployment.cursor += 1;
    deployment.cursorAt = end.at;
    if (deployment.cursor >= deployment.events.length) {
      deployment.terminateBlueAt = end.at + deployment.group.terminationWaitTimeInMinutes * 60_000;
    }
    return true;
  }

  /** When the event in progress ends (and whether it failed), or undefined while it is still running at `now`. */
  private eventEnd(
    deployment: DeploymentRecord,
    event: LifecycleEventRecord,
    now: number,
  ): { at: number; failed?: { code: string; message: string; hook?: string } } | undefined {
    const started = event.startTime ?? now;
    if (HOOK_EVENTS.has(event.name)) {
      const fn = deployment.appSpec.hooks.get(event.name);
      if (fn === undefined) return { at: started };
      const result = this.context.hookResult(fn) ?? { status: 'Succeeded' };
      const at = started + (result.afterSeconds !== undefined ? result.afterSeconds * 1000 : CODEDEPLOY_TIMING.hook);
      if (now < at) return undefined;
      return result.status === 'Failed'
        ? {
            at,
            failed: {
              code: 'HOOK_EXECUTION_FAILURE',
              message: `The deployment failed because the ${event.name} lifecycle event hook ${fn} returned Failed.`,
              hook: fn,
            },
          }
        : { at };
    }
    if (event.name === 'Install') {
      const green = deployment.green ? this.taskSets(deployment)?.find(deployment.green) : undefined;
      if (green?.steadySince !== undefined) return { at: Math.max(started, green.steadySince) };
      const timeoutAt = started + CODEDEPLOY_TIMING.installTimeout;
      if (now < timeoutAt) return undefined;
      return {
        at: timeoutAt,
        failed: {
          code: 'TIMEOUT',
          message:
            'The deployment timed out while waiting for the replacement task set to become healthy. This time out period is 60 minutes.',
        },
      };
    }
    if (event.name === 'AllowTestTraffic') {
      const at = started + (deployment.group.testListenerArns.length > 0 ? CODEDEPLOY_TIMING.testTraffic : 0);
      return now < at ? undefined : { at };
    }
    // AllowTraffic: the deployment configuration's steps.
    const routing = ECS_DEPLOYMENT_CONFIGS.get(deployment.configName) ?? { type: 'AllAtOnce' };
    if (routing.type === 'AllAtOnce') {
      const at = started + CODEDEPLOY_TIMING.reroute;
      return now < at ? undefined : { at };
    }
    const interval = routing.intervalMinutes * 60_000;
    const steps = routing.type === 'TimeBasedCanary' ? 1 : Math.ceil(100 / routing.percentage) - 1;
    const at = started + CODEDEPLOY_TIMING.reroute + steps * interval;
    if (now < at) {
      const done = Math.floor(Math.max(0, now - started - CODEDEPLOY_TIMING.reroute) / interval);
      this.shiftTraffic(deployment, Math.min(100, routing.percentage * (done + 1)), now);
      return undefined;
    }
    return { at };
  }

  /**
   * Before anything changes, CodeDeploy checks the AppSpec against ECS: the task definition must exist and be
   * ACTIVE, and name the container and port of LoadBalancerInfo; the service must exist with task sets.
   */
  private checkTarget(deployment: DeploymentRecord, at: number): boolean {
    const { ecs } = this.context;
    const { appSpec, group } = deployment;
    const fail = (code: string, message: string) => {
      this.fail(deployment, deployment.events[0] as LifecycleEventRecord, at, { code, message });
      return false;
    };
    const taskSets = this.taskSets(deployment);
    if (!taskSets) {
      return fail(
        'INVALID_ECS_SERVICE',
        `The ECS service ${group.service} in cluster ${group.cluster} does not exist or does not use the CODE_DEPLOY deployment controller.`,
      );
    }
    const record = ecs.taskDefinitionRecord(appSpec.taskDefinition);
    if (record?.status !== 'ACTIVE') {
      return fail(
        'INVALID_REVISION',
        `The task definition ${appSpec.taskDefinition} in the AppSpec file does not exist or is not ACTIVE.`,
      );
    }
    const containers = (record.taskDefinition.containerDefinitions as Record<string, unknown>[] | undefined) ?? [];
    const container = containers.find((candidate) => candidate.name === appSpec.containerName);
    if (!container) {
      return fail(
        'ECS_UPDATE_ERROR',
        `The ECS service cannot be updated due to an error: the container ${appSpec.containerName} named in the AppSpec file's LoadBalancerInfo does not exist in the task definition.`,
      );
    }
    const ports = ((container.portMappings as Record<string, unknown>[] | undefined) ?? []).map((m) => m.containerPort);
    if (!ports.includes(appSpec.containerPort)) {
      return fail(
        'ECS_UPDATE_ERROR',
        `The ECS service cannot be updated due to an error: container ${appSpec.containerName} has no port mapping for container port ${appSpec.containerPort} named in the AppSpec file's LoadBalancerInfo.`,
      );
    }
    deployment.blue = taskSets.primary?.id;
    return true;
  }

  private install(deployment: DeploymentRecord, at: number): void {
    const taskSets = this.taskSets(deployment);
    if (!taskSets) return;
    const record = this.context.ecs.taskDefinitionRecord(deployment.appSpec.taskDefinition);
    deployment.green = taskSets.create(record?.arn ?? deployment.appSpec.taskDefinition, at, {
      externalId: deployment.id,
    }).id;
  }

  private shiftTraffic(deployment: DeploymentRecord, percent: number, at: number): void {
    deployment.greenTraffic = percent;
    if (percent < 100) return;
    const taskSets = this.taskSets(deployment);
    const green = deployment.green ? taskSets?.find(deployment.green) : undefined;
    if (taskSets && green) taskSets.makePrimary(green, at);
  }

  /** After AfterAllowTraffic: the termination wait, then the original task set goes and the deployment Succeeded. */
  private stepTermination(deployment: DeploymentRecord, now: number): boolean {
    const at = deployment.terminateBlueAt ?? deployment.cursorAt;
    if (now < at) return false;
    const taskSets = this.taskSets(deployment);
    const blue = deployment.blue ? taskSets?.find(deployment.blue) : undefined;
    if (taskSets && blue) taskSets.delete(blue, at);
    deployment.status = 'Succeeded';
    deployment.completeTime = at;
    deployment.group.lastSuccessful = deployment;
    return true;
  }

  /** The deployment failed (or was stopped) at `at`: the event fails, the rest are skipped, rollback if configured. */
  fail(
    deployment: DeploymentRecord,
    event: LifecycleEventRecord | undefined,
    at: number,
    error: { code: string; message: string; hook?: string },
    options: { status?: 'Failed' | 'Stopped'; rollback?: boolean } = {},
  ): void {
    if (event) {
      event.status = 'Failed';
      event.startTime = event.startTime ?? at;
      event.endTime = at;
      event.diagnostics = {
        errorCode: error.hook ? 'ScriptFailed' : 'UnknownError',
        scriptName: error.hook ?? '',
        message: error.message,
        logTail: '',
      };
    }
    for (const other of deployment.events)
      if (other.status === 'Pending' || other.status === 'InProgress') other.status = 'Skipped';
    deployment.status = options.status ?? 'Failed';
    deployment.completeTime = at;
    deployment.errorInformation = { code: error.code, message: error.message };
    const onFailure =
      deployment.group.autoRollback.enabled && deployment.group.autoRollback.events.includes('DEPLOYMENT_FAILURE');
    const rollback = options.rollback ?? onFailure;
    // Nothing to roll back before the replacement exists (BeforeInstall: "A rollback is not possible at this point").
    if (rollback && deployment.green && !deployment.rollbackOf) {
      const rollbackDeployment = this.context.startRollback(deployment, at);
      deployment.rollbackInfo = {
        rollbackDeploymentId: rollbackDeployment.id,
        rollbackMessage: `Rollback deployment ${rollbackDeployment.id} was started to restore the original task set.`,
      };
    }
  }

  /** A rollback deployment: production traffic back to the original task set, then the replacement is deleted. */
  private stepRollback(deployment: DeploymentRecord, now: number): boolean {
    const failed = deployment.rollbackOf as DeploymentRecord;
    const allowTraffic = deployment.events.find((event) => event.name === 'AllowTraffic') as LifecycleEventRecord;
    const start = deployment.startTime ?? now;
    if (allowTraffic.status === 'Pending') {
      for (const event of deployment.events) if (event !== allowTraffic) event.status = 'Skipped';
      allowTraffic.status = 'InProgress';
      allowTraffic.startTime = start;
      return true;
    }
    const at = start + CODEDEPLOY_TIMING.reroute;
    if (now < at) return false;
    const taskSets = this.taskSets(deployment);
    const blue = failed.blue ? taskSets?.find(failed.blue) : undefined;
    const green = failed.green ? taskSets?.find(failed.green) : undefined;
    if (taskSets && blue) taskSets.makePrimary(blue, at);
    if (taskSets && green) taskSets.delete(green, at);
    failed.greenTraffic = 0;
    allowTraffic.status = 'Succeeded';
    allowTraffic.endTime = at;
    deployment.status = 'Succeeded';
    deployment.completeTime = at;
    if (failed.rollbackInfo) {
      failed.rollbackInfo.rollbackMessage = `Rollback deployment ${deployment.id} succeeded: traffic is back on the original task set.`;
    }
    return true;
  }
}
