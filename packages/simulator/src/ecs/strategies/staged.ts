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
import type {
  DeploymentRecord,
  IdGenerator,
  JsonObject,
  ServiceDeploymentRecord,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from '../model.js';
import { LIFECYCLE_STAGES, type LifecycleStage, type StrategySettings, settingsOf } from './config.js';

/** Simulated durations (ms) of the staged model. */
export const STAGED_TIMING = {
  /** A stage with no work of its own (and no hook) is over this long after it began. */
  stageTransition: 5_000,
  /** A Lambda lifecycle hook answers (SUCCEEDED or FAILED) this long after ECS invoked it. */
  hookAnswer: 15_000,
  /** StopServiceDeployment: ROLLBACK_REQUESTED this long before the rollback starts. */
  rollbackRequested: 5_000,
};

export type HookStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';

export interface HookRunRecord {
  hookId: string;
  targetArn: string;
  stage: LifecycleStage;
  status: HookStatus;
  /** When the hook answers (scenario result). */
  answersAt: number;
}

/** The staged part of a service deployment (ServiceDeploymentRecord.staged). */
export interface StagedRolloutRecord {
  settings: StrategySettings;
  greenId: string;
  blueIds: string[];
  blueRevisionArn: string;
  stage: LifecycleStage;
  stageEnteredAt: Partial<Record<LifecycleStage, number>>;
  /** When the current stage's own work (a transition, a traffic step, the bake time) is over. */
  stageWorkEndsAt?: number;
  /** Green's share of production and test traffic, in percent. */
  productionWeight: number;
  testWeight: number;
  hooks: HookRunRecord[];
  alarmStatus: 'DISABLED' | 'MONITORING' | 'TRIGGERED' | 'MONITORING_COMPLETE';
  triggeredAlarms: string[];
  /** StopServiceDeployment ROLLBACK: the rollback starts at this time. */
  rollbackAt?: number;
  phase: 'forward' | 'rollback' | 'done';
}

/** What tests set: each hook's answer, and when alarms go into ALARM. */
export interface StagedScenarios {
  hookResult(targetArn: string, stage: LifecycleStage): 'SUCCEEDED' | 'FAILED';
  /** When the alarm goes into ALARM: `afterMs` after the deployment entered `stage` (or began, without one). */
  alarmTrip(alarmName: string): { stage?: LifecycleStage; afterMs: number } | undefined;
}

/** The scheduler primitives the staged model uses. */
export interface StagedHost {
  readonly ids: IdGenerator;
  liveTasks(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[];
  tasksOf(service: ServiceRecord, deployment: DeploymentRecord): TaskRecord[];
  launchTask(
    cluster: ServiceRecord['cluster'],
    service: ServiceRecord,
    taskDefinition: TaskDefinitionRecord,
    startedBy: string,
    at: number,
  ): TaskRecord;
  stopTask(task: TaskRecord, at: number, reason: string): void;
  event(service: ServiceRecord, at: number, message: string): void;
  taskDefinitionFor(arn: string): TaskDefinitionRecord | undefined;
  breakerThreshold(service: ServiceRecord): number;
}

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
      hooks: [],
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
          : this.back(service, record, rollout, at);
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
    if (rollout.rollbackAt !== undefined && at >= rollout.rollbackAt) {
      this.startRollback(
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
      if (rollout.settings.alarms?.rollback) this.startRollback(service, record, rollout, reason, at);
      else this.fail(service, record, rollout, `CloudWatch alarm ${alarm} went into ALARM state.`, at);
      return true;
    }
    for (const hook of rollout.hooks) {
      if (hook.status !== 'IN_PROGRESS' || hook.answersAt > at) continue;
      hook.status = this.scenarios.hookResult(hook.targetArn, hook.stage);
      record.updatedAt = at;
      if (hook.status === 'FAILED') {
        const reason = `Service deployment rolled back because lifecycle hook ${hook.targetArn} returned FAILED at stage ${hook.stage}.`;
        this.startRollback(service, record, rollout, reason, at);
        return true;
      }
    }
    const breaker = record.deploymentConfiguration.deploymentCircuitBreaker;
    if (breaker.enable && green.failedTasks >= this.host.breakerThreshold(service)) {
      record.circuitBreakerTriggered = true;
      const reason = 'Service deployment rolled back because the circuit breaker threshold was exceeded.';
      if (breaker.rollback) this.startRollback(service, record, rollout, reason, at);
      else this.fail(service, record, rollout, 'ECS deployment circuit breaker: tasks failed to start.', at);
      return true;
    }
    const workDone = this.stageWork(service, green, rollout, at);
    const hooksDone = rollout.hooks.every((hook) => hook.stage !== rollout.stage || hook.status === 'SUCCEEDED');
    if (!workDone || !hooksDone) return false;
    const next = LIFECYCLE_STAGES[LIFECYCLE_STAGES.indexOf(rollout.stage) + 1];
    if (!next) {
      this.succeed(service, record, rollout, green, at);
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
    if (stage === 'TEST_TRAFFIC_SHIFT') rollout.testWeight = 100;
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
    for (const hook of settings.hooks) {
      if (!hook.lifecycleStages.includes(stage)) continue;
      rollout.hooks.push({
        hookId: this.host.ids.hex(8),
        targetArn: hook.hookTargetArn,
        stage,
        status: 'IN_PROGRESS',
        answersAt: at + STAGED_TIMING.hookAnswer,
      });
    }
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
        this.scaleTo(service, green, service.desiredCount, at);
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
        for (const blue of this.blues(service, rollout)) {
          for (const task of this.host.liveTasks(service, blue)) {
            this.host.stopTask(task, at, `Scaling activity initiated by (deployment ${green.id})`);
          }
        }
        return this.blues(service, rollout).every((blue) =>
          this.host.tasksOf(service, blue).every((task) => task.lastStatus === 'STOPPED'),
        );
      }
      default:
        return at >= (rollout.stageWorkEndsAt ?? at);
    }
  }

  private succeed(
    service: ServiceRecord,
    record: ServiceDeploymentRecord,
    rollout: StagedRolloutRecord,
    green: DeploymentRecord,
    at: number,
  ): void {
    rollout.phase = 'done';
    if (rollout.alarmStatus === 'MONITORING') rollout.alarmStatus = 'MONITORING_COMPLETE';
    for (const blue of this.blues(service, rollout)) this.retire(service, blue, at);
    green.rolloutState = 'COMPLETED';
    green.rolloutStateReason = `ECS deployment ${green.id} completed.`;
    green.updatedAt = at;
    service.lastCompleted = {
      deploymentId: green.id,
      taskDefinitionArn: green.taskDefinitionArn,
      serviceRevisionArn: green.serviceRevisionArn,
    };
    record.status = 'SUCCESSFUL';
    record.finishedAt = at;
    record.updatedAt = at;
    this.host.event(service, at, `(service ${service.name}) (deployment ${green.id}) deployment completed.`);
    this.host.event(service, at, `(service ${service.name}) has reached a steady state.`);
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
    record.status = 'STOPPED';
    record.statusReason = reason;
    record.stoppedAt = at;
    record.finishedAt = at;
    record.updatedAt = at;
    const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
    if (green) {
      green.rolloutState = 'FAILED';
      green.rolloutStateReason = reason;
      green.updatedAt = at;
    }
    this.host.event(
      service,
      at,
      `(service ${service.name}) (deployment ${rollout.greenId}) deployment failed: ${reason}`,
    );
  }

  // ------------------------------------------------------------------------------------------- rollback

  private startRollback(
    service: ServiceRecord,
    record: ServiceDeploymentRecord,
    rollout: StagedRolloutRecord,
    reason: string,
    at: number,
  ): void {
    rollout.phase = 'rollback';
    rollout.rollbackAt = undefined;
    rollout.productionWeight = 0;
    rollout.testWeight = 0;
    record.status = 'ROLLBACK_IN_PROGRESS';
    record.statusReason = reason;
    record.rollback = { reason, startedAt: at, serviceRevisionArn: rollout.blueRevisionArn };
    record.updatedAt = at;
    const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
    const blue = this.blues(service, rollout)[0];
    if (green) {
      green.status = 'ACTIVE';
      green.rolloutState = 'FAILED';
      green.rolloutStateReason = reason;
      green.updatedAt = at;
    }
    if (blue) {
      // Blue is the service's PRIMARY deployment again.
      blue.status = 'PRIMARY';
      blue.desiredCount = service.desiredCount;
      blue.updatedAt = at;
      service.deployments = [blue, ...service.deployments.filter((deployment) => deployment !== blue)];
      this.host.event(
        service,
        at,
        `(service ${service.name}) (deployment ${rollout.greenId}) deployment failed: ${reason}`,
      );
      this.host.event(service, at, `(service ${service.name}) rolling back to deployment ${blue.id}.`);
    }
  }

  /** Rolls back: green stopped, blue back to the desired count. True when it finished. */
  private back(
    service: ServiceRecord,
    record: ServiceDeploymentRecord,
    rollout: StagedRolloutRecord,
    at: number,
  ): boolean {
    const green = service.deployments.find((deployment) => deployment.id === rollout.greenId);
    const blue = this.blues(service, rollout)[0];
    if (green) {
      for (const task of this.host.liveTasks(service, green)) {
        this.host.stopTask(task, at, `Scaling activity initiated by (deployment ${blue?.id ?? rollout.greenId})`);
      }
    }
    if (!blue) {
      this.endRollback(service, record, rollout, 'ROLLBACK_FAILED', at, 'The previous service revision is gone.');
      return true;
    }
    this.scaleTo(service, blue, service.desiredCount, at);
    if (blue.failedTasks >= this.host.breakerThreshold(service)) {
      this.endRollback(
        service,
        record,
        rollout,
        'ROLLBACK_FAILED',
        at,
        'Tasks of the previous service revision failed to start.',
      );
      return true;
    }
    const blueLive = this.host.liveTasks(service, blue);
    const greenLeft = green ? this.host.tasksOf(service, green).some((task) => task.lastStatus !== 'STOPPED') : false;
    if (greenLeft || blueLive.length < service.desiredCount || blueLive.some((task) => !task.healthy)) return false;
    if (green) this.retire(service, green, at);
    this.endRollback(service, record, rollout, 'ROLLBACK_SUCCESSFUL', at);
    this.host.event(service, at, `(service ${service.name}) has reached a steady state.`);
    return true;
  }

  private endRollback(
    service: ServiceRecord,
    record: ServiceDeploymentRecord,
    rollout: StagedRolloutRecord,
    status: 'ROLLBACK_SUCCESSFUL' | 'ROLLBACK_FAILED',
    at: number,
    why?: string,
  ): void {
    rollout.phase = 'done';
    record.status = status;
    if (why) record.statusReason = `${record.statusReason ?? ''} The rollback failed: ${why}`.trim();
    record.finishedAt = at;
    record.updatedAt = at;
    void service;
  }

  // ------------------------------------------------------------------------------------------- helpers

  private blues(service: ServiceRecord, rollout: StagedRolloutRecord): DeploymentRecord[] {
    return service.deployments.filter((deployment) => rollout.blueIds.includes(deployment.id));
  }

  private retire(service: ServiceRecord, deployment: DeploymentRecord, at: number): void {
    deployment.status = 'INACTIVE';
    deployment.updatedAt = at;
    service.deployments = service.deployments.filter((candidate) => candidate !== deployment);
  }

  /** Launches the deployment's tasks up to `count` (failed ones are replaced), unless the service is throttled. */
  private scaleTo(service: ServiceRecord, deployment: DeploymentRecord, count: number, at: number): void {
    if (service.throttle.until > at) return;
    const taskDefinition = this.host.taskDefinitionFor(deployment.taskDefinitionArn);
    if (!taskDefinition) return;
    const missing = count - this.host.liveTasks(service, deployment).length;
    const started: TaskRecord[] = [];
    for (let i = 0; i < missing; i++) {
      started.push(this.host.launchTask(service.cluster, service, taskDefinition, deployment.id, at));
    }
    if (started.length > 0) {
      deployment.updatedAt = at;
      this.host.event(
        service,
        at,
        `(service ${service.name}) has started ${started.length} tasks: ${started.map((task) => `(task ${task.id})`).join(' ')}.`,
      );
    }
  }

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
    ];
    if (rollout.alarmStatus === 'MONITORING') {
      for (const name of rollout.settings.alarms?.alarmNames ?? []) times.push(this.alarmTripAt(rollout, name));
    }
    if (service.throttle.until > at) times.push(service.throttle.until);
    const next = Math.min(...times.filter((time): time is number => time !== undefined && time > at));
    if (Number.isFinite(next)) service.wakeAt = Math.min(service.wakeAt ?? Number.POSITIVE_INFINITY, next);
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The staged fields of a ServiceDeployment (DescribeServiceDeployments), and the revisions' traffic weights. */
export function stagedShapeFields(record: ServiceDeploymentRecord): JsonObject {
  const rollout = record.staged;
  const alarms = record.deploymentConfiguration.alarms as { alarmNames?: string[]; enable?: boolean } | undefined;
  const alarmShape = !alarms?.enable
    ? { status: 'DISABLED' }
    : {
        status: rollout?.alarmStatus ?? (record.status === 'IN_PROGRESS' ? 'MONITORING' : 'MONITORING_COMPLETE'),
        alarmNames: alarms.alarmNames ?? [],
        triggeredAlarmNames: rollout?.triggeredAlarms ?? [],
      };
  if (!rollout) return { alarms: alarmShape };
  return {
    lifecycleStage: rollout.stage,
    lifecycleHookDetails: rollout.hooks.map((hook) => ({
      hookId: hook.hookId,
      targetType: 'AWS_LAMBDA',
      targetArn: hook.targetArn,
      status: hook.status,
    })),
    alarms: alarmShape,
  };
}

/** requestedProductionTrafficWeight / requestedTestTrafficWeight of a revision in a staged deployment. */
export function trafficWeights(record: ServiceDeploymentRecord, revisionArn: string): JsonObject {
  const rollout = record.staged;
  if (!rollout) return {};
  const green = revisionArn === record.targetRevisionArn;
  if (!green && revisionArn !== rollout.blueRevisionArn)
    return { requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: 0 };
  return {
    requestedProductionTrafficWeight: green ? rollout.productionWeight : round1(100 - rollout.productionWeight),
    requestedTestTrafficWeight: green ? rollout.testWeight : round1(100 - rollout.testWeight),
  };
}
