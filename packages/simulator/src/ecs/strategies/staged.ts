/**
 * ECS's native staged deployments (deploymentController ECS with deploymentConfiguration.strategy BLUE_GREEN,
 * LINEAR or CANARY), over simulated time. Developer guide: "Amazon ECS blue/green deployments", "linear
 * deployments", "canary deployments", "Lifecycle hooks for Amazon ECS service deployments"; API reference
 * ServiceDeployment (lifecycleStage, lifecycleHookDetails, alarms, rollback) and StopServiceDeployment.
 *
 * The green revision (the new PRIMARY deployment) scales up beside blue (the deployments it replaces, which keep
 * running), then the deployment walks the lifecycle stages: hooks run at the stages they name, test traffic then
 * production traffic move to green (at once, in linear steps, or a canary step then the rest), the bake time
 * passes, and blue is cleaned up. A hook that answers FAILED, an alarm that goes into ALARM (with alarms.rollback),
 * the circuit breaker, or StopServiceDeployment with ROLLBACK rolls back: traffic back to blue, green stopped.
 */

import { completeRollout, endUnfinished, failRollout, retire } from '../deployment-states.js';
import type { DeploymentRecord, ServiceDeploymentRecord, ServiceRecord } from '../model.js';
import { LIFECYCLE_STAGES, type LifecycleStage, settingsOf } from './config.js';
import { expirePauses, type PauseRunRecord, pausePassed, pauseRollbackReason } from './pause-hooks.js';
import {
  blues,
  invokeHooks,
  round1,
  STAGED_TIMING,
  type StagedHost,
  type StagedRolloutRecord,
  type StagedScenarios,
  scaleTo,
} from './staged-model.js';
import { startRollback, stepRollback } from './staged-rollback.js';

const TERMINAL = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

export class StagedRollouts {
  constructor(
    private readonly host: StagedHost,
    private readonly scenarios: StagedScenarios,
  ) {}

  /** Starts the staged part of a new deployment when the service's strategy asks for one and blue is running. */
  begin(service: ServiceRecord, green: DeploymentRecord, blue: DeploymentRecord[], at: number): void {
    const settings = settingsOf(green.serviceDeployment.deploymentConfiguration);
    const running = blue.filter((deployment) => this.host.liveTasks(service, deployment).length > 0);
    if (settings.strategy === 'ROLLING' || running.length === 0) return;
    const record: StagedRolloutRecord = {
      settings,
      greenId: green.id,
      blueIds: running.map((deployment) => deployment.id),
      blueRevisionArn: running[0]?.serviceRevisionArn ?? '',
      stage: 'PRE_SCALE_UP',
      stageEnteredAt: {},
      productionWeight: 0,
      testWeight: 0,
      testTraffic: false,
      hooks: [],
      pauses: [],
      alarmStatus: settings.alarms?.enable ? 'MONITORING' : 'DISABLED',
      triggeredAlarms: [],
      phase: 'forward',
    };
    green.serviceDeployment.staged = record;
    // RECONCILE_SERVICE "only happens when you start a new service deployment with more than 1 service revision in
    // an ACTIVE state".
    this.enter(record, running.length > 1 ? 'RECONCILE_SERVICE' : 'PRE_SCALE_UP', at);
  }

  /** The service's staged deployment still under way, if any. */
  active(service: ServiceRecord): ServiceDeploymentRecord | undefined {
    const record = service.serviceDeployments.at(-1);
    return record?.staged && record.staged.phase !== 'done' ? record : undefined;
  }

  /** One scheduler pass over a service in a staged deployment. Returns false when there is none. */
  reconcile(service: ServiceRecord, at: number): boolean {
    const record = this.active(service);
    const rollout = record?.staged;
    if (!record || !rollout) return false;
    for (let guard = 0; guard < 50 && rollout.phase !== 'done'; guard++) {
      const moved =
        rollout.phase === 'forward'
          ? this.forward(service, record, rollout, at)
          : stepRollback(this.host, this.scenarios, service, record, rollout, at);
      if (!moved) break;
    }
    service.pendingRegistrations = 0;
    this.scheduleWake(service, rollout, at);
    return true;
  }

  /**
   * StopServiceDeployment: ROLLBACK rolls the deployment back (ROLLBACK_REQUESTED first). A deployment already
   * stopping or rolling back carries on; a finished one is a ConflictException (thrown by the caller).
   */
  stop(service: ServiceRecord, record: ServiceDeploymentRecord, at: number): 'conflict' | 'accepted' {
    if (TERMINAL.has(record.status)) return 'conflict';
    if (record.status !== 'IN_PROGRESS' && record.status !== 'PENDING') return 'accepted';
    const rollout = record.staged;
    if (rollout && rollout.phase === 'forward') {
      record.status = 'ROLLBACK_REQUESTED';
      record.updatedAt = at;
      rollout.rollbackAt = at + STAGED_TIMING.rollbackRequested;
      service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, rollout.rollbackAt);
      return 'accepted';
    }
    return 'accepted';
  }

  /**
   * ContinueServiceDeployment of one of its pauses (AWAITING_ACTION, checked by the caller): CONTINUE lets the stage
   * end; ROLLBACK rolls the deployment back at once.
   */
  resolvePause(
    service: ServiceRecord,
    record: ServiceDeploymentRecord,
    pause: PauseRunRecord,
    action: 'CONTINUE' | 'ROLLBACK',
    at: number,
  ): void {
    const rollout = record.staged;
    if (!rollout) return;
    pause.status = action === 'CONTINUE' ? 'SUCCEEDED' : 'FAILED';
    record.updatedAt = at;
    if (action === 'ROLLBACK')
      startRollback(this.host, service, record, rollout, pauseRollbackReason(pause, 'continue'), at);
    service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, at);
  }

  // ------------------------------------------------------------------------------------------- forward

  /** Advances the deployment by what is due at `at`; true when it moved (another pass may move it further). */
  private forward(
    service: ServiceRecord,
    record: ServiceDeploymentRecord,
    rollout: StagedRolloutRecord,
    at: number,
  ): boolean {
    const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
    if (!green) return false;
    if (rollout.rollbackAt !== undefined) {
      // ROLLBACK_REQUESTED: the deployment holds still (no stage change, no hook answer) until the rollback starts.
      if (at < rollout.rollbackAt) return false;
      startRollback(
        this.host,
        service,
        record,
        rollout,
        'Service deployment rolled back because of a StopServiceDeployment request.',
        at,
      );
      return true;
    }
    const alarm = this.trippedAlarm(rollout, at);
    if (alarm && rollout.alarmStatus !== 'TRIGGERED') {
      rollout.alarmStatus = 'TRIGGERED';
      rollout.triggeredAlarms = [alarm];
      record.updatedAt = at;
      const reason = `Service deployment rolled back because CloudWatch alarm ${alarm} went into ALARM state.`;
      if (rollout.settings.alarms?.rollback) startRollback(this.host, service, record, rollout, reason, at);
      else this.fail(service, record, rollout, `CloudWatch alarm ${alarm} went into ALARM state.`, at);
      return true;
    }
    const expired = expirePauses(rollout.pauses, at);
    if (expired) {
      record.updatedAt = at;
      startRollback(this.host, service, record, rollout, pauseRollbackReason(expired, 'timeout'), at);
      return true;
    }
    for (const hook of rollout.hooks) {
      if (hook.status !== 'IN_PROGRESS' || hook.answersAt > at) continue;
      hook.status = this.scenarios.hookResult(hook.targetArn, hook.stage);
      record.updatedAt = at;
      if (hook.status === 'FAILED') {
        const reason = `Service deployment rolled back because lifecycle hook ${hook.targetArn} returned FAILED at stage ${hook.stage}.`;
        startRollback(this.host, service, record, rollout, reason, at);
        return true;
      }
    }
    const breaker = record.deploymentConfiguration.deploymentCircuitBreaker;
    if (breaker.enable && green.failedTasks >= this.host.breakerThreshold(service)) {
      record.circuitBreakerTriggered = true;
      const reason = 'Service deployment rolled back because the circuit breaker threshold was exceeded.';
      if (breaker.rollback) startRollback(this.host, service, record, rollout, reason, at);
      else this.fail(service, record, rollout, 'ECS deployment circuit breaker: tasks failed to start.', at);
      return true;
    }
    const workDone = this.stageWork(service, green, rollout, at);
    const hooksDone =
      rollout.hooks.every((hook) => hook.stage !== rollout.stage || hook.status === 'SUCCEEDED') &&
      rollout.pauses.every((pause) => pause.stage !== rollout.stage || pausePassed(pause));
    if (!workDone || !hooksDone) return false;
    const next = LIFECYCLE_STAGES[LIFECYCLE_STAGES.indexOf(rollout.stage) + 1];
    if (!next) {
      this.succeed(service, rollout, green, at);
      return true;
    }
    this.enter(rollout, next, at);
    record.updatedAt = at;
    return true;
  }

  private enter(rollout: StagedRolloutRecord, stage: LifecycleStage, at: number): void {
    rollout.stage = stage;
    rollout.stageEnteredAt[stage] = at;
    rollout.stageWorkEndsAt = at + STAGED_TIMING.stageTransition;
    const { settings } = rollout;
    if (stage === 'TEST_TRAFFIC_SHIFT') {
      rollout.testTraffic = true;
      rollout.testWeight = 100;
    }
    if (stage === 'PRODUCTION_TRAFFIC_SHIFT') {
      // BLUE_GREEN moves all production traffic at once; LINEAR its first step; CANARY the canary share.
      rollout.productionWeight =
        settings.strategy === 'LINEAR'
          ? Math.min(100, settings.linear.stepPercent)
          : settings.strategy === 'CANARY'
            ? settings.canary.canaryPercent
            : 100;
      if (rollout.productionWeight < 100) {
        rollout.stageWorkEndsAt =
          at + (settings.strategy === 'LINEAR' ? settings.linear.stepBakeTimeMs : settings.canary.canaryBakeTimeMs);
      }
    }
    if (stage === 'BAKE_TIME') rollout.stageWorkEndsAt = at + settings.bakeTimeMs;
    if (stage === 'CLEAN_UP')
      rollout.alarmStatus = rollout.alarmStatus === 'MONITORING' ? 'MONITORING_COMPLETE' : rollout.alarmStatus;
    invokeHooks(this.host, rollout, stage, at);
  }

  /** The current stage's own work; true when it is over. */
  private stageWork(
    service: ServiceRecord,
    green: DeploymentRecord,
    rollout: StagedRolloutRecord,
    at: number,
  ): boolean {
    const { settings } = rollout;
    switch (rollout.stage) {
      case 'SCALE_UP': {
        // Green scales up to the desired count beside blue (not bounded by maximumPercent).
        scaleTo(this.host, service, green, service.desiredCount, at);
        const live = this.host.liveTasks(service, green);
        return live.length >= service.desiredCount && live.every((task) => task.healthy);
      }
      case 'PRODUCTION_TRAFFIC_SHIFT': {
        while (
          rollout.productionWeight < 100 &&
          rollout.stageWorkEndsAt !== undefined &&
          at >= rollout.stageWorkEndsAt
        ) {
          if (settings.strategy === 'LINEAR') {
            rollout.productionWeight = Math.min(100, round1(rollout.productionWeight + settings.linear.stepPercent));
          } else rollout.productionWeight = 100;
          // "This bake time is not applied after reaching 100 percent traffic": the stage then just ends.
          rollout.stageWorkEndsAt +=
            settings.strategy === 'LINEAR' && rollout.productionWeight < 100
              ? settings.linear.stepBakeTimeMs
              : STAGED_TIMING.stageTransition;
        }
        return rollout.productionWeight >= 100 && at >= (rollout.stageWorkEndsAt ?? at);
      }
      case 'CLEAN_UP': {
        for (const blue of blues(service, rollout)) {
          for (const task of this.host.liveTasks(service, blue)) {
            this.host.stopTask(task, at, `Scaling activity initiated by (deployment ${green.id})`);
          }
        }
        return blues(service, rollout).every((blue) =>
          this.host.tasksOf(service, blue).every((task) => task.lastStatus === 'STOPPED'),
        );
      }
      default:
        return at >= (rollout.stageWorkEndsAt ?? at);
    }
  }

  private succeed(service: ServiceRecord, rollout: StagedRolloutRecord, green: DeploymentRecord, at: number): void {
    rollout.phase = 'done';
    if (rollout.alarmStatus === 'MONITORING') rollout.alarmStatus = 'MONITORING_COMPLETE';
    for (const blue of blues(service, rollout)) retire(service, blue, at);
    // Green's service deployment (the staged one) was not rolled back: it ends SUCCESSFUL.
    completeRollout(service, green, at, (target, when, message) => this.host.event(target, when, message));
  }

  /** Failed without a rollback (alarms or circuit breaker with rollback off): STOPPED, green stops launching. */
  private fail(
    service: ServiceRecord,
    record: ServiceDeploymentRecord,
    rollout: StagedRolloutRecord,
    reason: string,
    at: number,
  ): void {
    rollout.phase = 'done';
    endUnfinished(record, 'STOPPED', reason, at);
    const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
    if (green) failRollout(green, reason, at);
    this.host.event(
      service,
      at,
      `(service ${service.name}) (deployment ${rollout.greenId}) deployment failed: ${reason}`,
    );
  }

  // ------------------------------------------------------------------------------------------- helpers

  /** The first of the deployment's alarms that is in ALARM at `at` (scenario), while alarms are monitored. */
  private trippedAlarm(rollout: StagedRolloutRecord, at: number): string | undefined {
    if (rollout.alarmStatus !== 'MONITORING') return undefined;
    return rollout.settings.alarms?.alarmNames.find((name) => {
      const tripAt = this.alarmTripAt(rollout, name);
      return tripAt !== undefined && tripAt <= at;
    });
  }

  private alarmTripAt(rollout: StagedRolloutRecord, name: string): number | undefined {
    const trip = this.scenarios.alarmTrip(name);
    if (!trip) return undefined;
    const from = trip.stage ? rollout.stageEnteredAt[trip.stage] : Math.min(...Object.values(rollout.stageEnteredAt));
    return from === undefined ? undefined : from + trip.afterMs;
  }

  private scheduleWake(service: ServiceRecord, rollout: StagedRolloutRecord, at: number): void {
    if (rollout.phase === 'done') return;
    const times = [
      rollout.stageWorkEndsAt,
      rollout.rollbackAt,
      ...rollout.hooks.filter((h) => h.status === 'IN_PROGRESS').map((h) => h.answersAt),
      ...rollout.pauses.filter((p) => p.status === 'AWAITING_ACTION').map((p) => p.expiresAt),
    ];
    if (rollout.alarmStatus === 'MONITORING') {
      for (const name of rollout.settings.alarms?.alarmNames ?? []) times.push(this.alarmTripAt(rollout, name));
    }
    if (service.throttle.until > at) times.push(service.throttle.until);
    const next = Math.min(...times.filter((time): time is number => time !== undefined && time > at));
    if (Number.isFinite(next)) service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, next);
  }
}
