/**
 * Deploys a task definition to an ECS service and follows *this* deployment to its end:
 * DescribeServices → (DescribeTaskDefinition) → RegisterTaskDefinition → UpdateService → poll DescribeServices,
 * then on failure explains why (stopped tasks, events, service deployment detail) and rolls back.
 */
import {
  type Deployment,
  type DeploymentCircuitBreaker,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  type Service,
  type ServiceEvent,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  type Clock,
  ConfigurationError,
  errorMessage,
  formatDuration,
  keepRawResponse,
  poll,
  quoteValue,
  rawMember,
  type Sleep,
  sendAsWritten,
} from '@ecs-actions/core';
import {
  AwsCallError,
  AwsRetriesExhaustedError,
  errorCode,
  explainAwsError,
  isAbort,
  isTransient,
  isUnavailable,
  sentence,
} from './aws-errors.js';
import type { DeployInputs } from './inputs.js';
import { imagesOf, sameTaskDefinition, shortTaskDefinition } from './taskdef.js';

export type DeployStatus = 'succeeded' | 'unchanged' | 'rolled-back' | 'failed' | 'timed-out';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  startGroup(title: string): void;
  endGroup(): void;
}

export interface DeployDeps {
  ecs: ECSClient;
  region: string;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** Aborted when the job is cancelled (SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

export interface StoppedContainer {
  name: string;
  exitCode?: number;
  reason?: string;
  healthStatus?: string;
}

export interface StoppedTask {
  taskId: string;
  stopCode?: string;
  stoppedReason?: string;
  healthStatus?: string;
  stoppedAt?: Date;
  containers: StoppedContainer[];
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

/** ECS's circuit-breaker threshold: half the desired count, at least 3 and at most 200. */
export function failureThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}

export function consoleUrl(region: string, cluster: string, service: string): string {
  const name = (text: string) => encodeURIComponent(text.slice(text.lastIndexOf('/') + 1));
  return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${name(cluster)}/services/${name(service)}/deployments?region=${region}`;
}

/** How many transient errors (after the SDK's own retries) in a row the wait tolerates. */
export const MAX_TRANSIENT_ERRORS = 6;
const MAX_BACKOFF_MS = 60_000;
/** Polls to wait for ECS's rollback deployment to appear after our deployment went FAILED with rollback on. */
const ROLLBACK_APPEAR_POLLS = 3;
const STOPPED_TASKS_SHOWN = 10;

interface Target {
  id: string;
  taskDefinitionArn: string;
  label: string;
  createdAt?: Date;
  /** The service deployment (ListServiceDeployments API) of this deployment, when known. */
  serviceDeploymentArn?: string;
}

type Outcome =
  | { kind: 'completed'; deployment: Deployment }
  | { kind: 'failed'; reason: string; deployment?: Deployment }
  | { kind: 'replaced'; by?: Deployment; ecsRollback: boolean; deployment?: Deployment }
  | { kind: 'timed-out'; deployment?: Deployment };

const countsOf = (d: Deployment) =>
  `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;

export function describeDeployment(d: Deployment | undefined): string {
  if (!d) return 'unknown';
  return `${d.rolloutState ?? d.status ?? 'UNKNOWN'}, ${countsOf(d)}`;
}

/** What a result carries besides its status, message, timing and final state. */
type Known = Omit<DeployResult, 'status' | 'cancelled' | 'message' | 'durationMs' | 'finalState'>;

class Deployer {
  private readonly started: number;
  private readonly seenEvents = new Set<string>();
  private readonly lastLines = new Map<string, string>();
  private readonly newEvents: ServiceEvent[] = [];
  private lastService: Service | undefined;
  private current: Target | undefined;

  constructor(
    private readonly inputs: DeployInputs,
    private readonly deps: DeployDeps,
  ) {
    this.started = deps.clock.now();
  }

  private get log() {
    return this.deps.log;
  }

  private elapsed(): string {
    const seconds = Math.max(0, Math.round((this.deps.clock.now() - this.started) / 1000));
    return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  }

  private async call<T>(operation: string, send: (options: { abortSignal?: AbortSignal }) => Promise<T>): Promise<T> {
    try {
      return await send(this.deps.signal ? { abortSignal: this.deps.signal } : {});
    } catch (error) {
      throw explainAwsError(error, {
        operation,
        cluster: this.inputs.cluster,
        service: this.inputs.service,
        region: this.deps.region,
      });
    }
  }

  /** DescribeServices for our one service; a missing service is an error that names it. */
  private async describeService(): Promise<Service> {
    const { cluster, service } = this.inputs;
    const response = await this.call('DescribeServices', (o) =>
      this.deps.ecs.send(new DescribeServicesCommand({ cluster, services: [service] }), o),
    );
    const found = response.services?.[0];
    if (!found || found.status === 'INACTIVE') {
      const reason = response.failures?.[0]?.reason ?? (found ? 'INACTIVE' : 'MISSING');
      throw new AwsCallError(
        `Service "${service}" was not found in cluster "${cluster}" in region ${this.deps.region} (DescribeServices: ${reason}). Check the service and cluster inputs and AWS_REGION; create the service before deploying to it.`,
        'ServiceNotFoundException',
        'DescribeServices',
      );
    }
    return found;
  }

  async run(): Promise<DeployResult> {
    const { inputs, deps } = this;
    const url = consoleUrl(deps.region, inputs.cluster, inputs.service);
    const base = {
      cluster: inputs.cluster,
      service: inputs.service,
      consoleUrl: url,
      stoppedTasks: [] as StoppedTask[],
    };

    // 1. Where the service is now. Nothing is changed before every check here has passed.
    const before = await this.describeService();
    const controller = before.deploymentController?.type ?? 'ECS';
    if (controller !== 'ECS') {
      throw new ConfigurationError(
        `Service "${inputs.service}" uses the ${controller} deployment controller, which ecs-deploy-wait does not support: it deploys with rolling updates (deployment controller ECS) only. Nothing was changed. Use CodeDeploy (e.g. aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec) for ${controller} services.`,
      );
    }
    const previousArn = before.taskDefinition;
    const previousPrimary = before.deployments?.find((d) => d.status === 'PRIMARY');
    for (const event of before.events ?? []) if (event.id) this.seenEvents.add(event.id);
    this.log.info(
      `Service ${inputs.service} in cluster ${inputs.cluster} (${deps.region}) runs ${previousArn ? shortTaskDefinition(previousArn) : 'no task definition'}` +
        (previousPrimary ? ` (deployment ${previousPrimary.id}: ${describeDeployment(previousPrimary)})` : ''),
    );

    if (previousPrimary?.rolloutState && previousPrimary.rolloutState !== 'COMPLETED') {
      this.log.warning(
        `The service's PRIMARY deployment ${previousPrimary.id} is ${previousPrimary.rolloutState}, not COMPLETED: a rollback by this step would return to ${previousArn ? shortTaskDefinition(previousArn) : 'it'}, which may not be a good version.`,
      );
    }

    // 2. What to deploy, validated before anything changes.
    let images: string[] = [];
    let deployArn: string | undefined;
    let unchanged = false;
    const source = inputs.taskDefinition;
    if (source.kind === 'arn') {
      const notFound = (detail: string) =>
        new AwsCallError(
          `Input "task-definition-arn": ${quoteValue(source.arn)} was not found in ECS in region ${deps.region} (ecs:DescribeTaskDefinition: ${detail}). Use the ARN or family:revision of a registered revision, e.g. the previous-task-definition-arn output of an earlier deploy, and check AWS_REGION.`,
          'ClientException',
          'DescribeTaskDefinition',
        );
      const described = await this.call('DescribeTaskDefinition', async (o) => {
        try {
          return await deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o);
        } catch (error) {
          // ECS answers an unknown family or revision with a ClientException: that is the input's fault.
          if (errorCode(error) === 'ClientException') throw notFound(errorMessage(error));
          throw error;
        }
      });
      const td = described.taskDefinition;
      if (!td?.taskDefinitionArn) throw notFound('no task definition in the answer');
      if (td.status === 'INACTIVE') {
        this.log.warning(
          `${shortTaskDefinition(td.taskDefinitionArn)} is deregistered (INACTIVE); ECS can still run it.`,
        );
      }
      deployArn = td.taskDefinitionArn;
      images = imagesOf(td);
      unchanged = inputs.skipUnchanged && deployArn === previousArn;
    } else {
      images = imagesOf(source.rendered.request);
      if (inputs.skipUnchanged && previousArn) {
        const command = new DescribeTaskDefinitionCommand({ taskDefinition: previousArn });
        // As AWS sent it: fields newer than our SDK count in the comparison, as they did when registering.
        const raw = keepRawResponse(command);
        const running = await this.call('DescribeTaskDefinition', (o) => deps.ecs.send(command, o));
        const runningDefinition = rawMember(raw, 'taskDefinition', running.taskDefinition);
        if (runningDefinition && sameTaskDefinition(source.rendered.request, runningDefinition)) {
          unchanged = true;
          deployArn = previousArn;
        }
      }
    }

    const countChange = inputs.desiredCount !== undefined && inputs.desiredCount !== before.desiredCount;
    if (unchanged && !countChange && !inputs.forceNewDeployment) {
      const message = `${shortTaskDefinition(previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
      this.log.info(message);
      return this.settled(
        {
          ...base,
          taskDefinitionArn: previousArn,
          previousTaskDefinitionArn: previousArn,
          deploymentId: previousPrimary?.id,
          images,
        },
        'unchanged',
        message,
        describeDeployment(previousPrimary),
      );
    }
    if (unchanged)
      this.log.info(
        'The task definition is unchanged; updating the service for the desired count / forced deployment only.',
      );

    // 3. Register (unless deploying an existing revision).
    if (!deployArn && source.kind === 'file') {
      if (source.rendered.dropped.length > 0) {
        this.log.info(`Dropped describe-only fields from ${source.path}: ${source.rendered.dropped.join(', ')}`);
      }
      const registered = await this.call('RegisterTaskDefinition', async (o) => {
        try {
          const command = new RegisterTaskDefinitionCommand(source.rendered.request);
          // Every field of the file reaches ECS, also those newer than our SDK's model.
          sendAsWritten(command, source.rendered.request);
          return await deps.ecs.send(command, o);
        } catch (error) {
          // ECS refuses an invalid task definition with a ClientException: point at the file, not at the API.
          // (A missing iam:PassRole is an access error, explained as such by explainAwsError.)
          const detail = sentence(errorMessage(error));
          if (errorCode(error) === 'ClientException' && !/not authorized to perform/i.test(detail)) {
            throw new AwsCallError(
              `Input "task-definition": ECS refused to register ${quoteValue(source.path)} (ecs:RegisterTaskDefinition, ClientException): ${detail} Fix the task definition file (or the ecs-render-taskdef inputs that wrote it). Nothing was changed.`,
              'ClientException',
              'RegisterTaskDefinition',
            );
          }
          throw error;
        }
      });
      deployArn = registered.taskDefinition?.taskDefinitionArn;
      if (!deployArn) throw new Error('RegisterTaskDefinition answered without a taskDefinitionArn');
      this.log.info(`Registered ${shortTaskDefinition(deployArn)} (${deployArn})`);
    }
    if (!deployArn) throw new Error('internal: no task definition to deploy');

    // 4. Update the service; our deployment is the PRIMARY in the answer.
    const updated = await this.call('UpdateService', (o) =>
      deps.ecs.send(
        new UpdateServiceCommand({
          cluster: inputs.cluster,
          service: inputs.service,
          taskDefinition: deployArn,
          ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
          forceNewDeployment: inputs.forceNewDeployment,
        }),
        o,
      ),
    );
    const ours = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
    const known = {
      ...base,
      taskDefinitionArn: deployArn,
      previousTaskDefinitionArn: previousArn,
      deploymentId: ours?.id,
      images,
    };
    if (!ours?.id) {
      throw new Error(`UpdateService answered without a PRIMARY deployment for service ${inputs.service}`);
    }
    this.log.info(
      `Updated service ${inputs.service} to ${shortTaskDefinition(deployArn)}: deployment ${ours.id}` +
        (ours.id === previousPrimary?.id ? ' (the same deployment as before: nothing to roll out)' : ''),
    );

    if (!inputs.wait) {
      const message = `Deployment ${ours.id} of ${shortTaskDefinition(deployArn)} started; not waiting for it (wait: false).`;
      this.log.info(message);
      return this.settled(known, 'succeeded', message, describeDeployment(ours));
    }

    // 5. Follow our deployment.
    const currentServiceDeployment = updated.service?.currentServiceDeployment;
    const target: Target = {
      id: ours.id,
      taskDefinitionArn: deployArn,
      label: 'ours',
      ...(ours.createdAt ? { createdAt: ours.createdAt } : {}),
      ...(currentServiceDeployment && currentServiceDeployment !== before.currentServiceDeployment
        ? { serviceDeploymentArn: currentServiceDeployment }
        : {}),
    };
    let outcome: Outcome;
    try {
      this.log.info(
        `Waiting up to ${formatDuration(inputs.timeoutMs)} for deployment ${ours.id}, polling every ${formatDuration(inputs.pollIntervalMs)}`,
      );
      outcome = await this.follow(target, inputs.timeoutMs, updated.service);
    } catch (error) {
      return this.interrupted(error, known);
    }

    if (outcome.kind === 'completed') {
      const message = `Deployment ${ours.id} of ${shortTaskDefinition(deployArn)} completed: ${countsOf(outcome.deployment)}.`;
      this.log.info(message);
      return this.settled(known, 'succeeded', message, describeDeployment(outcome.deployment));
    }

    // 6. It failed: say why, then leave the service on the last good version.
    const cause = this.describeOutcome(outcome, target);
    this.log.warning(cause);
    const timedOut = outcome.kind === 'timed-out';
    const finalState = describeDeployment(outcome.deployment);
    let stoppedTasks: StoppedTask[] = [];
    let rollback: RollbackReport | undefined;
    let note: string;
    try {
      stoppedTasks = await this.reportFailure(target);
      ({ note, report: rollback } = await this.rollBack(outcome, target, previousArn));
    } catch (error) {
      return this.interrupted(error, { ...known, stoppedTasks }, cause);
    }
    this.log.info(note);
    const status: DeployStatus = rollback?.steady ? 'rolled-back' : timedOut ? 'timed-out' : 'failed';
    const message = `${cause} ${note}`;
    return this.settled({ ...known, stoppedTasks, ...(rollback ? { rollback } : {}) }, status, message, finalState);
  }

  /** A result the step reached by itself (not cancelled), timed from the step's start. */
  private settled(known: Known, status: DeployStatus, message: string, finalState: string): DeployResult {
    return {
      ...known,
      status,
      cancelled: false,
      message,
      durationMs: this.deps.clock.now() - this.started,
      finalState,
    };
  }

  /** Cancelled or an API error while waiting: report what is known, leave the rest to ECS. */
  private interrupted(error: unknown, known: Known, cause?: string): DeployResult {
    const ours = this.lastService?.deployments?.find((d) => d.id === this.current?.id);
    const which = this.current
      ? `deployment ${this.current.id} (${this.current.label}, ${shortTaskDefinition(this.current.taskDefinitionArn)}) is still in progress: ${describeDeployment(ours)}`
      : 'the deployment state is unknown';
    const finalState = describeDeployment(ours);
    const durationMs = this.deps.clock.now() - this.started;
    if (this.deps.signal?.aborted || isAbort(error)) {
      const message = `Cancelled while waiting: ${which}. ECS carries on with it; follow it in the console: ${known.consoleUrl}`;
      this.log.warning(message);
      return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
    }
    const detail = errorMessage(error);
    const message = `${cause ? `${cause} ` : ''}Stopped waiting because of an AWS API error: ${detail} When it stopped, ${which}.`;
    return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
  }

  /**
   * Polls DescribeServices until the target deployment completes, fails, is replaced, or time runs out.
   * `known`: the service as an answer just received showed it (UpdateService's, or the last DescribeServices):
   * the first check reads it instead of calling DescribeServices again at once.
   */
  private async follow(target: Target, timeoutMs: number, known?: Service): Promise<Outcome> {
    this.current = target;
    const { clock, sleep, signal } = this.deps;
    const deadline = clock.now() + timeoutMs;
    let transientErrors = 0;
    let failedPolls = 0;
    const result = await poll<Outcome>({
      intervalMs: this.inputs.pollIntervalMs,
      timeoutMs,
      clock,
      sleep,
      ...(signal ? { signal } : {}),
      check: async (attempt) => {
        let service: Service;
        try {
          service = attempt === 1 && known ? known : await this.describeService();
          transientErrors = 0;
        } catch (error) {
          if (!isTransient(error)) throw error;
          transientErrors++;
          if (transientErrors > MAX_TRANSIENT_ERRORS) {
            const detail = error instanceof AwsRetriesExhaustedError ? error.detail : errorMessage(error);
            throw new AwsRetriesExhaustedError(
              `ecs:DescribeServices kept failing with ${errorCode(error)} (${detail}) ${transientErrors} polls in a row, after the SDK's own retries.`,
              errorCode(error),
              detail,
            );
          }
          const backoff = Math.min(
            this.inputs.pollIntervalMs * 2 ** transientErrors,
            MAX_BACKOFF_MS,
            Math.max(0, deadline - clock.now()),
          );
          this.log.warning(
            `[${this.elapsed()}] ecs:DescribeServices failed with ${errorCode(error)} (transient, ${transientErrors}/${MAX_TRANSIENT_ERRORS}); trying again in ${formatDuration(backoff)}`,
          );
          await sleep(backoff, signal);
          return undefined;
        }
        this.lastService = service;
        this.printProgress(service, target);
        const outcome = this.evaluate(service, target);
        if (outcome?.kind === 'failed' && outcome.deployment?.rolloutState === 'FAILED') {
          // With the breaker's rollback on, ECS starts the rollback deployment right after marking ours FAILED.
          const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
          if (breaker?.enable && breaker.rollback && failedPolls++ < ROLLBACK_APPEAR_POLLS) return undefined;
        }
        return outcome;
      },
    });
    if (result.status === 'done') return result.value;
    return { kind: 'timed-out', deployment: this.lastService?.deployments?.find((d) => d.id === target.id) };
  }

  private evaluate(service: Service, target: Target): Outcome | undefined {
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === target.id);
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    const breaker: DeploymentCircuitBreaker | undefined = service.deploymentConfiguration?.deploymentCircuitBreaker;
    if (ours && ours.status === 'PRIMARY') {
      if (ours.rolloutState === 'COMPLETED') {
        if (ours.taskDefinition === target.taskDefinitionArn) return { kind: 'completed', deployment: ours };
        return {
          kind: 'failed',
          reason: `deployment ${ours.id} completed but runs ${ours.taskDefinition}, not ${target.taskDefinitionArn}`,
          deployment: ours,
        };
      }
      if (ours.rolloutState === 'FAILED') {
        return {
          kind: 'failed',
          reason: `ECS marked deployment ${ours.id} FAILED: ${ours.rolloutStateReason ?? 'no reason given'}`,
          deployment: ours,
        };
      }
      if (
        ours.rolloutState === undefined &&
        deployments.length === 1 &&
        ours.runningCount === ours.desiredCount &&
        (ours.pendingCount ?? 0) === 0 &&
        ours.taskDefinition === target.taskDefinitionArn
      ) {
        return { kind: 'completed', deployment: ours };
      }
      if (!breaker?.enable) {
        const threshold = failureThreshold(ours.desiredCount ?? 0);
        if ((ours.failedTasks ?? 0) >= threshold) {
          return {
            kind: 'failed',
            reason: `${ours.failedTasks} tasks of deployment ${ours.id} failed (the threshold is ${threshold}; the service has no deployment circuit breaker, so ECS would keep trying)`,
            deployment: ours,
          };
        }
      }
      return undefined;
    }
    // ECS's breaker marks ours FAILED as it starts the rollback; ours still IN_PROGRESS means someone else deployed.
    // The rollback may run our very task definition (force-new-deployment of an unchanged revision), so a FAILED
    // deployment of ours is enough; only when ours has left the list does a different task definition tell.
    const ecsRollback = Boolean(
      breaker?.enable &&
        breaker.rollback &&
        primary &&
        (ours?.rolloutState === 'FAILED' ||
          (ours === undefined && primary.taskDefinition !== target.taskDefinitionArn)),
    );
    return {
      kind: 'replaced',
      ...(primary ? { by: primary } : {}),
      ecsRollback,
      ...(ours ? { deployment: ours } : {}),
    };
  }

  private describeOutcome(outcome: Exclude<Outcome, { kind: 'completed' }>, target: Target): string {
    const what = `Deployment ${target.id} of ${shortTaskDefinition(target.taskDefinitionArn)}`;
    switch (outcome.kind) {
      case 'failed':
        return `${what} failed: ${outcome.reason}.`;
      case 'timed-out':
        return `${what} did not complete within ${formatDuration(this.inputs.timeoutMs)} (timeout): ${describeDeployment(outcome.deployment)}.`;
      case 'replaced': {
        const by = outcome.by
          ? `deployment ${outcome.by.id} of ${shortTaskDefinition(outcome.by.taskDefinition ?? '?')}`
          : 'another deployment';
        const reason = outcome.deployment?.rolloutStateReason ? ` (${outcome.deployment.rolloutStateReason})` : '';
        return outcome.ecsRollback
          ? `${what} failed and ECS's deployment circuit breaker rolled it back${reason}: ${by} replaced it.`
          : `${what} was replaced by ${by}, which this step did not start (another deployment of the service?).`;
      }
    }
  }

  /** Prints one line per deployment whose counts or state changed, and each new service event once. */
  private printProgress(service: Service, target: Target): void {
    const fresh = (service.events ?? [])
      .filter((event) => event.id && !this.seenEvents.has(event.id))
      .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
    for (const event of fresh) {
      this.seenEvents.add(event.id ?? '');
      this.newEvents.push(event);
      this.log.info(`[${this.elapsed()}] event ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
    }
    for (const d of service.deployments ?? []) {
      const role = d.id === target.id ? ` (${target.label})` : '';
      const line = `deployment ${d.id} ${d.status}${role} ${shortTaskDefinition(d.taskDefinition ?? '?')}: ${describeDeployment(d)}`;
      if (this.lastLines.get(d.id ?? '') === line) continue;
      this.lastLines.set(d.id ?? '', line);
      this.log.info(`[${this.elapsed()}] ${line}`);
    }
  }

  /** Prints the stopped tasks of our deployment, the service events and the service deployment detail. */
  private async reportFailure(target: Target): Promise<StoppedTask[]> {
    const stopped = await this.stoppedTasks(target.id);
    this.log.startGroup(`Stopped tasks of deployment ${target.id} (${stopped.length})`);
    if (stopped.length === 0) this.log.info('No stopped tasks were found for this deployment.');
    for (const task of stopped) for (const line of formatStoppedTask(task)) this.log.info(line);
    this.log.endGroup();

    this.log.startGroup(`Service events since the update (${this.newEvents.length})`);
    for (const event of this.newEvents) this.log.info(`${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
    if (this.newEvents.length === 0) this.log.info('ECS reported no events.');
    this.log.endGroup();

    await this.serviceDeploymentDetail(target);
    return stopped;
  }

  private async stoppedTasks(deploymentId: string): Promise<StoppedTask[]> {
    const { cluster } = this.inputs;
    try {
      const listed = await this.call('ListTasks', (o) =>
        this.deps.ecs.send(
          new ListTasksCommand({ cluster, startedBy: deploymentId, desiredStatus: 'STOPPED', maxResults: 100 }),
          o,
        ),
      );
      const arns = listed.taskArns ?? [];
      if (arns.length === 0) return [];
      const described = await this.call('DescribeTasks', (o) =>
        this.deps.ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }), o),
      );
      return (described.tasks ?? [])
        .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
        .slice(0, STOPPED_TASKS_SHOWN)
        .map((task) => ({
          taskId: (task.taskArn ?? '').slice((task.taskArn ?? '').lastIndexOf('/') + 1),
          ...(task.stopCode ? { stopCode: task.stopCode } : {}),
          ...(task.stoppedReason ? { stoppedReason: task.stoppedReason } : {}),
          ...(task.healthStatus ? { healthStatus: task.healthStatus } : {}),
          ...(task.stoppedAt ? { stoppedAt: task.stoppedAt } : {}),
          containers: (task.containers ?? []).map((c) => ({
            name: c.name ?? '?',
            ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
            ...(c.reason ? { reason: c.reason } : {}),
            ...(c.healthStatus ? { healthStatus: c.healthStatus } : {}),
          })),
        }));
    } catch (error) {
      if (isAbort(error) || this.deps.signal?.aborted) throw error;
      this.log.warning(`Could not list the stopped tasks: ${errorMessage(error)}`);
      return [];
    }
  }

  /**
   * DescribeServiceDeployments of our service deployment, where the API answers: its ARN is the service's
   * currentServiceDeployment right after our update, else the one ListServiceDeployments shows created closest to
   * our deployment.
   */
  private async serviceDeploymentDetail(target: Target): Promise<void> {
    const { cluster, service } = this.inputs;
    const options = this.deps.signal ? { abortSignal: this.deps.signal } : {};
    try {
      let arn = target.serviceDeploymentArn;
      if (!arn) {
        const listed = await this.deps.ecs.send(
          new ListServiceDeploymentsCommand({
            cluster,
            service,
            createdAt: { after: new Date(this.started - 60_000) },
          }),
          options,
        );
        const created = target.createdAt?.getTime();
        const distance = (at: Date | undefined) =>
          at && created !== undefined ? Math.abs(at.getTime() - created) : Number.POSITIVE_INFINITY;
        const briefs = [...(listed.serviceDeployments ?? [])].sort(
          (a, b) => distance(a.createdAt) - distance(b.createdAt),
        );
        const closest = briefs[0];
        if (closest && (distance(closest.createdAt) <= 60_000 || briefs.length === 1)) {
          arn = closest.serviceDeploymentArn;
        }
      }
      if (!arn) return;
      const described = await this.deps.ecs.send(
        new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }),
        options,
      );
      const d = described.serviceDeployments?.[0];
      if (!d) return;
      const parts = [`service deployment ${d.serviceDeploymentArn}: ${d.status ?? '?'}`];
      if (d.statusReason) parts.push(`reason: ${d.statusReason}`);
      if (d.deploymentCircuitBreaker) {
        const b = d.deploymentCircuitBreaker;
        parts.push(`circuit breaker ${b.status ?? '?'} (${b.failureCount ?? 0} of ${b.threshold ?? '?'} failed tasks)`);
      }
      if (d.rollback) parts.push(`rollback: ${d.rollback.reason ?? ''} → ${d.rollback.serviceRevisionArn ?? '?'}`);
      this.log.info(parts.join('; '));
    } catch (error) {
      if (isAbort(error) || this.deps.signal?.aborted) throw error;
      if (isUnavailable(error) || isTransient(error)) {
        this.log.info(`(Service deployment detail is not available here: ${errorCode(error)})`);
        return;
      }
      this.log.info(`(Service deployment detail could not be read: ${errorMessage(error)})`);
    }
  }

  /** ECS rolled back: follow its rollback. Otherwise deploy the recorded previous task definition and wait for it. */
  private async rollBack(
    outcome: Exclude<Outcome, { kind: 'completed' }>,
    target: Target,
    previousArn: string | undefined,
  ): Promise<{ note: string; report?: RollbackReport }> {
    if (outcome.kind === 'replaced') {
      if (!outcome.ecsRollback || !outcome.by?.id) {
        return { note: 'This step did not roll back: the service was changed by someone else.' };
      }
      const arn = outcome.by.taskDefinition ?? '?';
      const followed = await this.follow(
        { id: outcome.by.id, taskDefinitionArn: arn, label: 'ECS rollback' },
        this.inputs.timeoutMs,
        this.lastService,
      );
      const steady = followed.kind === 'completed';
      const detail = steady
        ? `ECS rolled back to ${arn} (deployment ${outcome.by.id}) and it is steady.`
        : `ECS rolled back to ${arn} (deployment ${outcome.by.id}), but that rollback did not reach steady state either: ${this.describeFollowed(followed)}.`;
      return {
        note: detail,
        report: { by: 'ecs', taskDefinitionArn: arn, deploymentId: outcome.by.id, steady, detail },
      };
    }
    if (!this.inputs.rollback) return { note: 'No rollback was done (rollback: false).' };
    if (!previousArn) return { note: 'No rollback: the service had no task definition before this step.' };
    if (previousArn === target.taskDefinitionArn) {
      return {
        note: `No rollback: the service already ran ${shortTaskDefinition(previousArn)} before this step, so there is nothing older to return to.`,
      };
    }
    this.log.info(`Rolling back service ${this.inputs.service} to ${previousArn}`);
    try {
      const updated = await this.call('UpdateService', (o) =>
        this.deps.ecs.send(
          new UpdateServiceCommand({
            cluster: this.inputs.cluster,
            service: this.inputs.service,
            taskDefinition: previousArn,
          }),
          o,
        ),
      );
      const primary = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
      if (!primary?.id) throw new Error('UpdateService answered without a PRIMARY deployment');
      this.log.info(
        `Rollback deployment ${primary.id} started; waiting up to ${formatDuration(this.inputs.timeoutMs)}`,
      );
      const followed = await this.follow(
        { id: primary.id, taskDefinitionArn: previousArn, label: 'rollback' },
        this.inputs.timeoutMs,
        updated.service,
      );
      const steady = followed.kind === 'completed';
      const detail = steady
        ? `Rolled back to ${previousArn} (deployment ${primary.id}) and it is steady.`
        : `The rollback to ${previousArn} (deployment ${primary.id}) also failed: ${this.describeFollowed(followed)}.`;
      return {
        note: detail,
        report: { by: 'action', taskDefinitionArn: previousArn, deploymentId: primary.id, steady, detail },
      };
    } catch (error) {
      if (isAbort(error) || this.deps.signal?.aborted) throw error;
      const detail = `The rollback to ${previousArn} also failed: ${errorMessage(error)}`;
      return { note: detail, report: { by: 'action', taskDefinitionArn: previousArn, steady: false, detail } };
    }
  }

  private describeFollowed(outcome: Outcome): string {
    switch (outcome.kind) {
      case 'completed':
        return describeDeployment(outcome.deployment);
      case 'failed':
        return outcome.reason;
      case 'timed-out':
        return `not steady within ${formatDuration(this.inputs.timeoutMs)} (${describeDeployment(outcome.deployment)})`;
      case 'replaced':
        return `replaced by deployment ${outcome.by?.id ?? '?'}`;
    }
  }
}

export function formatStoppedTask(task: StoppedTask): string[] {
  const head = [`task ${task.taskId}`];
  if (task.stopCode) head.push(task.stopCode);
  if (task.healthStatus && task.healthStatus !== 'UNKNOWN') head.push(`health ${task.healthStatus}`);
  const lines = [`${head.join(' ')}: ${task.stoppedReason ?? 'no reason given'}`];
  for (const c of task.containers) {
    const parts = [`exit code ${c.exitCode ?? 'none'}`];
    // Fargate often repeats the task's stopped reason on the container: print it once.
    if (c.reason && c.reason !== task.stoppedReason) parts.push(c.reason);
    if (c.healthStatus && c.healthStatus !== 'UNKNOWN') parts.push(`health ${c.healthStatus}`);
    lines.push(`  container ${c.name}: ${parts.join(', ')}`);
  }
  return lines;
}

/** Deploys and waits. API errors before the update throw; after it, every outcome is a result. */
export function deploy(inputs: DeployInputs, deps: DeployDeps): Promise<DeployResult> {
  return new Deployer(inputs, deps).run();
}
