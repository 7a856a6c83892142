/**
 * A deploy to a CODE_DEPLOY service, in order: the deployment group and the checks that need no write (timeout vs.
 * the termination wait, the AppSpec's container and port), register the task definition as for a rolling update,
 * CreateDeployment with the AppSpec, follow it and its lifecycle events to the end; on failure or timeout, explain
 * (CodeDeploy's error information, the replacement's stopped tasks) and roll back through CodeDeploy.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { CancelledWriteError, isAbort, isUnanswered, withWhatWasDone } from '../aws-errors.js';
import { landedRegistration, type Resolved, registerTaskDefinition, resolveTaskDefinition } from '../register.js';
import { type CallLimits, consoleUrl, type DeploySession } from '../session.js';
import { shortTaskDefinition } from '../taskdef.js';
import { PHASES } from '../timeline/record.js';
import type { DeployResult, DeployStatus, Known, StoppedTask } from '../types.js';
import { runVerify } from '../verify/verify.js';
import { finishRollback, ReportBudget } from '../wrap-up.js';
import { appSpecFor } from './appspec.js';
import { type CodeDeployClients, codedeployClients } from './calls.js';
import {
  checkBeforeChange,
  createDeployment,
  type GroupSettings,
  readDeploymentGroup,
  type TrafficTarget,
} from './create.js';
import { describeCodeDeployOutcome, reportCodeDeployFailure } from './explain.js';
import { type CodeDeployOutcome, followDeployment } from './follow.js';
import { landedCreate } from './landed.js';
import { startCodeDeployRollback } from './rollback.js';

export async function deployWithCodeDeploy(
  session: DeploySession,
  before: Service,
  beforeWait: () => CallLimits,
): Promise<DeployResult> {
  const clients = await codedeployClients(session);
  return new CodeDeployRun(session, before, beforeWait, clients).run();
}

/** What is known once the deployment group and the task definition to deploy have been read. */
interface Prepared {
  group: GroupSettings;
  traffic: TrafficTarget;
  resolved: Resolved;
  known: Known;
}

class CodeDeployRun {
  constructor(
    private readonly session: DeploySession,
    private readonly before: Service,
    private readonly beforeWait: () => CallLimits,
    private readonly clients: CodeDeployClients,
  ) {}

  private get previousArn(): string | undefined {
    return this.before.taskDefinition;
  }

  async run(): Promise<DeployResult> {
    const { inputs, log } = this.session;
    const prepared = await this.prepare();
    const { known, resolved } = prepared;
    if (resolved.unchanged && !inputs.forceNewDeployment) {
      const message = `${shortTaskDefinition(this.previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
      log.info(message);
      return this.result({ ...known, taskDefinitionArn: this.previousArn }, 'unchanged', message, 'unchanged');
    }
    const started = await this.start(prepared);
    if ('status' in started) return started;
    const { ours, deployArn, deploymentId } = started;
    if (!inputs.wait) {
      const message = `CodeDeploy deployment ${deploymentId} of ${shortTaskDefinition(deployArn)} started; not waiting for it (wait: false).`;
      log.info(message);
      return this.result(ours, 'succeeded', message, 'Created');
    }
    return this.follow(prepared.group, ours, deployArn, deploymentId);
  }

  /** 1. The deployment group, every check that needs no write, and the task definition to deploy. */
  private async prepare(): Promise<Prepared> {
    const { session, beforeWait } = this;
    const { inputs, deps, log } = session;
    const { application, deploymentGroup, appSpec, deploymentConfig } = inputs.codedeploy;
    const group = await readDeploymentGroup(session, this.clients, beforeWait());
    const traffic = checkBeforeChange(session, this.before, group);
    const config = deploymentConfig ?? group.deploymentConfigName ?? 'the group default';
    log.info(
      `CodeDeploy application ${application}, deployment group ${deploymentGroup} (${config}; original task set terminated ${formatDuration(group.terminationWaitMs)} after traffic moves; automatic rollback on failure ${group.rollsBackOnFailure ? 'on' : 'off'}); traffic to container ${traffic.containerName} port ${traffic.containerPort}` +
        (appSpec ? ` (AppSpec ${appSpec.shown})` : ' (generated AppSpec)'),
    );
    const resolved = await resolveTaskDefinition(session, this.before, beforeWait());
    await runVerify(session, this.before, beforeWait());
    const known: Known = {
      cluster: inputs.cluster,
      service: inputs.service,
      consoleUrl: consoleUrl(deps.region, inputs.cluster, inputs.service),
      stoppedTasks: [],
      previousTaskDefinitionArn: this.previousArn,
      images: resolved.images,
    };
    return { group, traffic, resolved, known };
  }

  /** 2–3. Register (as for a rolling update), then CreateDeployment; a write without an answer is a result. */
  private async start(
    prepared: Prepared,
  ): Promise<DeployResult | { ours: Known; deployArn: string; deploymentId: string }> {
    const { session, beforeWait } = this;
    const { inputs, log } = session;
    const { known, resolved, traffic } = prepared;
    let deployArn = resolved.deployArn;
    const source = inputs.taskDefinition;
    if (!deployArn && source.kind === 'file') {
      try {
        deployArn = await registerTaskDefinition(session, source, beforeWait);
      } catch (error) {
        if (!isUnanswered(error)) throw error;
        const landed = await landedRegistration(session, source.rendered);
        return unanswered(session, error, 'registering', `${landed.text}; no CodeDeploy deployment was created`, {
          ...known,
          ...(landed.arn ? { taskDefinitionArn: landed.arn } : {}),
        });
      }
    }
    if (!deployArn) throw new Error('internal: no task definition to deploy');
    const registered = resolved.deployArn === undefined ? `Registered ${shortTaskDefinition(deployArn)}; ` : '';
    const withArn: Known = { ...known, taskDefinitionArn: deployArn };
    let deploymentId: string;
    const createStarted = session.deps.clock.now();
    try {
      deploymentId = await createDeployment(session, this.clients, deployArn, traffic, beforeWait);
    } catch (error) {
      if (isUnanswered(error)) {
        const landed = await landedCreate(
          session,
          this.clients,
          appSpecFor(deployArn, inputs.codedeploy.appSpec ?? traffic).sha256,
          createStarted,
        );
        return unanswered(session, error, 'creating the CodeDeploy deployment', `${registered}${landed.text}`, {
          ...withArn,
          ...(landed.deploymentId
            ? { deploymentId: landed.deploymentId, codedeployDeploymentId: landed.deploymentId }
            : {}),
        });
      }
      throw withWhatWasDone(
        error,
        `${registered}no CodeDeploy deployment was created; the service still runs ${this.previousArn ? shortTaskDefinition(this.previousArn) : 'its task set'}.`,
      );
    }
    log.info(`Created CodeDeploy deployment ${deploymentId} of ${shortTaskDefinition(deployArn)}`);
    return { ours: { ...withArn, deploymentId, codedeployDeploymentId: deploymentId }, deployArn, deploymentId };
  }

  /** 4–5. Follow it to the end; when it did not succeed, explain and roll back through CodeDeploy. */
  private async follow(
    group: GroupSettings,
    ours: Known,
    deployArn: string,
    deploymentId: string,
  ): Promise<DeployResult> {
    const { session, clients } = this;
    const { inputs, log } = session;
    log.info(
      `Waiting up to ${formatDuration(inputs.timeoutMs)} for CodeDeploy deployment ${deploymentId}, polling every ${formatDuration(inputs.pollIntervalMs)}`,
    );
    let outcome: CodeDeployOutcome;
    session.timeline.phase(PHASES.rollout);
    try {
      outcome = await followDeployment(session, clients, deploymentId, inputs.timeoutMs, 'ours');
    } catch (error) {
      return interrupted(session, error, ours, deploymentId);
    }
    if (outcome.kind === 'succeeded') {
      const message = `CodeDeploy deployment ${deploymentId} of ${shortTaskDefinition(deployArn)} succeeded: production traffic is on the new task set and the original one was terminated.`;
      log.info(message);
      return this.result(ours, 'succeeded', message, 'Succeeded');
    }
    const cause = describeCodeDeployOutcome(deploymentId, outcome, inputs.timeoutMs);
    log.warning(cause);
    // The wait is over. First the rollback decision, within its own budget (StopDeployment, or CodeDeploy's
    // rollback found); then the report, within its own; then the rollback, followed for up to `timeout`.
    let stoppedTasks: StoppedTask[] = [];
    session.timeline.phase(PHASES.rollback, true);
    try {
      const start = await startCodeDeployRollback(session, clients, deploymentId, outcome, group, this.previousArn, {
        withinMs: session.wrapUpBudgets.decisionReadMs + inputs.pollIntervalMs,
      });
      stoppedTasks = await reportCodeDeployFailure(session, outcome, deployArn, new ReportBudget(session));
      const rollback = await finishRollback(start);
      log.info(rollback.note);
      const status: DeployStatus = rollback.report?.steady
        ? 'rolled-back'
        : outcome.kind === 'timed-out'
          ? 'timed-out'
          : 'failed';
      return this.result(
        { ...ours, stoppedTasks, ...(rollback.report ? { rollback: rollback.report } : {}) },
        status,
        `${cause} ${rollback.note}`,
        finalState(outcome),
      );
    } catch (error) {
      return interrupted(session, error, { ...ours, stoppedTasks }, deploymentId, cause);
    }
  }

  private result(known: Known, status: DeployStatus, message: string, state: string): DeployResult {
    const { deps, started } = this.session;
    return { ...known, status, cancelled: false, message, durationMs: deps.clock.now() - started, finalState: state };
  }
}

function finalState(outcome: CodeDeployOutcome): string {
  const info = outcome.state?.info;
  const error = info?.errorInformation;
  return `${info?.status ?? 'unknown'}${error ? ` (${error.code ?? ''})` : ''}`;
}

/** A write got no answer: cancelled, or AWS did not answer in time; `landed` says what is known. */
function unanswered(session: DeploySession, error: unknown, doing: string, landed: string, known: Known): DeployResult {
  const durationMs = session.deps.clock.now() - session.started;
  if (session.cancelled || isAbort(error)) {
    const { message } = new CancelledWriteError(doing, landed);
    session.log.warning(message);
    return { ...known, status: undefined, cancelled: true, message, durationMs, finalState: 'unknown' };
  }
  const detail = errorMessage(error);
  const message = `${detail} (while ${doing}); ${landed}.`;
  return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState: 'unknown', error: detail };
}

/** Cancelled, or an API error, while waiting: CodeDeploy carries on with the deployment. */
function interrupted(
  session: DeploySession,
  error: unknown,
  known: Known,
  deploymentId: string,
  cause?: string,
): DeployResult {
  const durationMs = session.deps.clock.now() - session.started;
  const prefix = cause ? `${cause} ` : '';
  if (session.cancelled || isAbort(error)) {
    const message = `${prefix}Cancelled while waiting: CodeDeploy deployment ${deploymentId} carries on without this step; follow it in the CodeDeploy console.`;
    session.log.warning(message);
    return { ...known, status: undefined, cancelled: true, message, durationMs, finalState: 'unknown' };
  }
  const detail = errorMessage(error);
  const message = `${prefix}Stopped waiting because of an AWS API error: ${detail} CodeDeploy deployment ${deploymentId} may still be in progress.`;
  return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState: 'unknown', error: detail };
}
