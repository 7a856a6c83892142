/**
 * Deploys a task definition to an ECS service and follows *this* deployment to its end:
 * DescribeServices → (DescribeTaskDefinition) → RegisterTaskDefinition → UpdateService → poll DescribeServices,
 * then on failure rolls back, unless a newer deployment has replaced ours, and explains why it failed (stopped tasks,
 * events, service deployment detail), each within its own time budget (wrap-up.ts). The phases live in their own files; this one puts them in order and turns every
 * way a run can end into one result (or, before anything changed, one error).
 */
import type { Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { CancelledWriteError, isAbort, isUnanswered, withWhatWasDone } from './aws-errors.js';
import { createMissingService } from './create-service.js';
import { followRolling, type RollingEnd, WrapUpInterrupted } from './deploy-rolling.js';
import { deployStaged, refuseShortTimeout } from './deploy-staged.js';
import { stagedStrategyOf } from './follow/staged.js';
import type { DeployInputs } from './inputs.js';
import type { UpdateAsked } from './landed-update.js';
import { findingLine } from './preflight/checks.js';
import { type PreflightReport, runPreflight } from './preflight/preflight.js';
import { landedRegistration, registerTaskDefinition, resolveTaskDefinition } from './register.js';
import { cleanUpRevisions } from './revisions.js';
import { serviceSettingsDiff } from './service-definition/diff.js';
import { type CallLimits, consoleUrl, DeploySession, describeDeployment } from './session.js';
import { shortTaskDefinition } from './taskdef.js';
import { PHASES } from './timeline/record.js';
import type { DeployDeps, DeployResult, DeployStatus, Known, StoppedTask, Target } from './types.js';
import { endedRolling, landedUpdate, type Updated, updateService } from './update.js';
import { runVerify } from './verify/verify.js';

/**
 * Deploys and waits. API errors before anything changed throw; a write whose answer never came, and every
 * outcome after the update, is a result that says what landed.
 */
export async function deploy(inputs: DeployInputs, deps: DeployDeps): Promise<DeployResult> {
  try {
    const created = await createMissingService(inputs, deps);
    const session = new DeploySession(created.inputs, created.deps);
    const result = await new Deployer(session).run();
    const timeline = session.timeline.snapshot(session.started + result.durationMs, session.newEvents);
    return await withCleanUp(session, { ...result, timeline });
  } catch (error) {
    // A cancel during a write or the wait is a result that says what landed; one that gets here came first.
    if (isAbort(error) || deps.signal?.aborted) {
      throw new ConfigurationError('Cancelled before anything was changed: nothing was registered or deployed.');
    }
    throw error;
  }
}

class Deployer {
  constructor(private readonly session: DeploySession) {}

  /** Calls before the wait share the step's timeout (plus one poll), so a hung call cannot outlast it. */
  private readonly beforeWait = (): CallLimits => {
    const { inputs, deps, started } = this.session;
    return { withinMs: Math.max(0, started + inputs.timeoutMs - deps.clock.now()) + inputs.pollIntervalMs };
  };

  async run(): Promise<DeployResult> {
    const { session } = this;
    const { inputs, deps, log } = session;
    // 1. Where the service is now. Nothing is changed before every check here has passed.
    const before = await session.describeService(this.beforeWait());
    const controller = before.deploymentController?.type ?? 'ECS';
    if (controller !== 'ECS' && controller !== 'CODE_DEPLOY') {
      throw new ConfigurationError(
        `Service "${inputs.service}" uses the ${controller} deployment controller, which ecs-deploy-wait does not support: it deploys with deployment controller ECS (rolling updates) or CODE_DEPLOY only. Nothing was changed. An ${controller} service's task sets are managed by the tool that created them.`,
      );
    }
    // Native staged strategies (BLUE_GREEN, LINEAR, CANARY): the timeout must cover their bake times.
    const staged = stagedStrategyOf(before);
    if (staged && inputs.wait) refuseShortTimeout(session, staged, before);
    const previousArn = before.taskDefinition;
    const previousPrimary = before.deployments?.find((d) => d.status === 'PRIMARY');
    for (const event of before.events ?? []) if (event.id) session.seenEvents.add(event.id);
    log.info(
      `Service ${inputs.service} in cluster ${inputs.cluster} (${deps.region}) runs ${previousArn ? shortTaskDefinition(previousArn) : 'no task definition'}` +
        (previousPrimary ? ` (deployment ${previousPrimary.id}: ${describeDeployment(previousPrimary)})` : ''),
    );
    if (previousPrimary?.rolloutState && previousPrimary.rolloutState !== 'COMPLETED') {
      log.warning(
        `The service's PRIMARY deployment ${previousPrimary.id} is ${previousPrimary.rolloutState}, not COMPLETED: a rollback by this step would return to ${previousArn ? shortTaskDefinition(previousArn) : 'it'}, which may not be a good version.`,
      );
    }

    // A dry run plans with reads only (plan/), whatever the deployment controller.
    if (inputs.dryRun) {
      const { planDeploy } = await import('./plan/plan.js');
      const base = { cluster: inputs.cluster, service: inputs.service, stoppedTasks: [] };
      const plan = await planDeploy(session, before, this.beforeWait, {
        ...base,
        consoleUrl: consoleUrl(deps.region, inputs.cluster, inputs.service),
      });
      const settled = this.settled(plan.known, 'planned', plan.message, describeDeployment(previousPrimary));
      return { ...settled, plan: plan.markdown };
    }

    // CodeDeploy blue/green: its own phases (codedeploy/), the same result. Loaded only for such a service: they
    // bring the CodeDeploy client and the AppSpec's YAML parser, which a rolling deploy does not need.
    if (controller === 'CODE_DEPLOY') {
      const { deployWithCodeDeploy } = await import('./codedeploy/run.js');
      return deployWithCodeDeploy(session, before, this.beforeWait);
    }

    // 2. What to deploy, validated before anything changes; the preflight's findings (with `fail`, they end it here).
    session.timeline.phase(PHASES.preflight);
    const resolved = await resolveTaskDefinition(session, before, this.beforeWait());
    const preflight = await runPreflight(session, before, this.beforeWait());
    const verified = await runVerify(session, before, this.beforeWait());
    const base = {
      cluster: inputs.cluster,
      service: inputs.service,
      consoleUrl: consoleUrl(deps.region, inputs.cluster, inputs.service),
      stoppedTasks: [] as StoppedTask[],
      ...(preflight ? { preflight: preflightSummary(preflight) } : {}),
      ...(verified ? { verify: { findings: verified.lines, notes: verified.report.notes } } : {}),
    };
    const settingsChanges = serviceSettingsChanges(session, before);
    if (settingsChanges) Object.assign(base, { serviceSettings: settingsChanges });
    const { images, unchanged } = resolved;
    const countChange = inputs.desiredCount !== undefined && inputs.desiredCount !== before.desiredCount;
    if (unchanged && !countChange && !settingsChanges?.length && !inputs.forceNewDeployment) {
      const message = `${shortTaskDefinition(previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
      log.info(message);
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
      log.info(
        'The task definition is unchanged; updating the service for the desired count / forced deployment only.',
      );

    const written: Known = { ...base, previousTaskDefinitionArn: previousArn, images };
    const stillRuns = `the service was not updated: it still runs ${previousArn ? shortTaskDefinition(previousArn) : 'no task definition'}`;

    // 3. Register (unless deploying an existing revision).
    let deployArn = resolved.deployArn;
    const source = inputs.taskDefinition;
    if (!deployArn && source.kind === 'file') {
      session.timeline.phase(PHASES.register);
      try {
        deployArn = await registerTaskDefinition(session, source, this.beforeWait);
      } catch (error) {
        if (!isUnanswered(error)) throw error;
        const landed = await landedRegistration(session, source.rendered);
        return this.unanswered(error, 'registering', `${landed.text}; ${stillRuns}`, {
          ...written,
          ...(landed.arn ? { taskDefinitionArn: landed.arn } : {}),
        });
      }
    }
    if (!deployArn) throw new Error('internal: no task definition to deploy');
    const registeredNow = resolved.deployArn === undefined;
    const whatWasDone = registeredNow ? `Registered ${shortTaskDefinition(deployArn)} (${deployArn}); ` : '';

    // 4. Update the service; our deployment is the PRIMARY in the answer (or what a lost answer's look found).
    let updated: Updated;
    const asked: UpdateAsked = {
      taskDefinitionArn: deployArn,
      previousDeploymentId: previousPrimary?.id,
      previousServiceDeploymentArn: before.currentServiceDeployment,
    };
    session.timeline.phase(PHASES.update);
    const updateStarted = deps.clock.now();
    try {
      updated = await updateService(session, asked, this.beforeWait);
    } catch (error) {
      const known = { ...written, taskDefinitionArn: deployArn };
      if (isUnanswered(error)) {
        const landed = await landedUpdate(session, asked, updateStarted);
        return this.unanswered(error, 'updating the service', `${whatWasDone}${landed.text}`, {
          ...known,
          ...(landed.deployment?.id ? { deploymentId: landed.deployment.id } : {}),
        });
      }
      // Denied, or refused: the update did not happen. Say what did.
      throw withWhatWasDone(error, `${whatWasDone}${stillRuns}.`);
    }
    const { ours } = updated;
    const known: Known = { ...written, taskDefinitionArn: deployArn, deploymentId: ours?.id };
    if (!ours) {
      // An earlier attempt landed and ECS already ended that deployment: follow its service deployment.
      log.info(
        `Updated service ${inputs.service} to ${shortTaskDefinition(deployArn)}: service deployment ${updated.serviceDeploymentArn}`,
      );
      if (!staged) {
        const end = await endedRolling(session, updated.serviceDeploymentArn ?? '', deployArn);
        return this.settled(known, end.status, end.message, end.finalState);
      }
    } else {
      log.info(
        `Updated service ${inputs.service} to ${shortTaskDefinition(deployArn)}: deployment ${ours.id}` +
          (ours.id === previousPrimary?.id ? ' (the same deployment as before: nothing to roll out)' : ''),
      );
    }
    const target = ourTarget(updated, before, deployArn);
    if (!inputs.wait) {
      const message = `Deployment ${target.id} of ${shortTaskDefinition(deployArn)} started; not waiting for it (wait: false).`;
      log.info(message);
      return this.settled(known, 'succeeded', message, describeDeployment(ours));
    }

    // 5. Follow our deployment.
    session.timeline.phase(PHASES.rollout);
    if (staged && (!ours || ours.id !== previousPrimary?.id)) {
      // Native staged strategy: its own follower, explanation and rollback (deploy-staged.ts). (No new deployment,
      // e.g. a desired count change only: the rolling follower sees the PRIMARY as it is.)
      try {
        const end = await deployStaged(session, staged, target, previousArn);
        const extra = {
          stoppedTasks: end.stoppedTasks,
          serviceDeploymentArn: end.serviceDeploymentArn,
          ...(end.rollback ? { rollback: end.rollback } : {}),
          ...(end.pause ? { pause: end.pause } : {}),
        };
        return this.settled({ ...known, ...extra }, end.status, end.message, end.finalState);
      } catch (error) {
        return this.interrupted(error, known);
      }
    }
    let end: RollingEnd;
    try {
      end = await followRolling(session, target, previousArn, updated.service);
    } catch (error) {
      if (!(error instanceof WrapUpInterrupted)) return this.interrupted(error, known);
      return this.interrupted(error.error, { ...known, stoppedTasks: error.stoppedTasks }, error.causeText);
    }
    const pause = end.pause ? { pause: end.pause, serviceDeploymentArn: end.pause.serviceDeploymentArn } : {};
    const extra = { stoppedTasks: end.stoppedTasks, ...(end.rollback ? { rollback: end.rollback } : {}), ...pause };
    return this.settled({ ...known, ...extra }, end.status, end.message, end.finalState);
  }

  /** A result the step reached by itself (not cancelled), timed from the step's start. */
  private settled(known: Known, status: DeployStatus, message: string, finalState: string): DeployResult {
    const { clock } = this.session.deps;
    return {
      ...known,
      status,
      cancelled: false,
      message,
      durationMs: clock.now() - this.session.started,
      finalState,
    };
  }

  /**
   * A write (register, update) got no answer: the job was cancelled, or AWS did not answer in time or kept
   * failing. `landed` says what the short check after it found.
   */
  private unanswered(error: unknown, doing: string, landed: string, known: Known): DeployResult {
    const { session } = this;
    const durationMs = session.deps.clock.now() - session.started;
    const finalState = describeDeployment(session.lastService?.deployments?.find((d) => d.id === known.deploymentId));
    if (session.cancelled || isAbort(error)) {
      const { message } = new CancelledWriteError(doing, landed);
      session.log.warning(message);
      return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
    }
    const detail = errorMessage(error);
    const message = `${detail} (while ${doing}); ${landed}.`;
    return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
  }

  /** Cancelled or an API error while waiting: report what is known, leave the rest to ECS. */
  private interrupted(error: unknown, known: Known, cause?: string): DeployResult {
    const { session } = this;
    const current = session.current;
    const ours = session.lastService?.deployments?.find((d) => d.id === current?.id);
    const which = current
      ? `deployment ${current.id} (${current.label}, ${shortTaskDefinition(current.taskDefinitionArn)}) is still in progress: ${describeDeployment(ours)}`
      : 'the deployment state is unknown';
    const finalState = describeDeployment(ours);
    const durationMs = session.deps.clock.now() - session.started;
    if (error instanceof CancelledWriteError) {
      const message = `${cause ? `${cause} ` : ''}${error.message}`;
      session.log.warning(message);
      return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
    }
    if (session.cancelled || isAbort(error)) {
      // As for a rolling update, a cancelled job leaves ECS to carry on (a staged one can be stopped by hand).
      const stop = current?.strategy
        ? ` To roll it back: aws ecs stop-service-deployment --service-deployment-arn ${current.serviceDeploymentArn} --stop-type ROLLBACK`
        : '';
      const message = `Cancelled while waiting: ${which}. ECS carries on with it; follow it in the console: ${known.consoleUrl}${stop}`;
      session.log.warning(message);
      return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
    }
    const detail = errorMessage(error);
    const message = `${cause ? `${cause} ` : ''}Stopped waiting because of an AWS API error: ${detail} When it stopped, ${which}.`;
    return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
  }
}

/** Our deployment, as UpdateService's answer shows it. */
function ourTarget(updated: Updated, before: Service, deployArn: string): Target {
  const { ours } = updated;
  const currentServiceDeployment = updated.service?.currentServiceDeployment;
  const serviceDeploymentArn =
    updated.serviceDeploymentArn ??
    (currentServiceDeployment && currentServiceDeployment !== before.currentServiceDeployment
      ? currentServiceDeployment
      : undefined);
  return {
    // Without our deployment (already gone from the service), the service deployment names it.
    id: ours?.id ?? serviceDeploymentArn?.slice(serviceDeploymentArn.lastIndexOf('/') + 1) ?? '',
    taskDefinitionArn: deployArn,
    label: 'ours',
    ...(ours?.createdAt ? { createdAt: ours.createdAt } : {}),
    ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
  };
}

/** After a deploy that succeeded and was followed to its end: the revision clean-up (keep-revisions). */
async function withCleanUp(session: DeploySession, result: DeployResult): Promise<DeployResult> {
  if (result.status !== 'succeeded' || !session.inputs.wait || !result.taskDefinitionArn) return result;
  // Its own short budget: the deploy is over, the clean-up must not hold the job for long.
  const cleanup = await cleanUpRevisions(session, result.taskDefinitionArn, { deadline: Date.now() + CLEANUP_MS });
  return cleanup ? { ...result, revisionsCleanup: cleanup } : result;
}

/** How long (real ms) the revision clean-up may take in all. */
const CLEANUP_MS = 60_000;

/** The service definition's changes to the running service, printed; undefined without a service definition. */
function serviceSettingsChanges(session: DeploySession, before: Service): string[] | undefined {
  const definition = session.inputs.serviceDefinition;
  if (!definition) return undefined;
  const lines = serviceSettingsDiff(definition.settings, before);
  session.log.info(
    lines.length === 0
      ? `Service definition ${definition.path}: the service already has these settings.`
      : `Service definition ${definition.path} changes ${lines.length} setting${lines.length === 1 ? '' : 's'} (applied with the task definition in one UpdateService):\n${lines.map((line) => `  ${line}`).join('\n')}`,
  );
  return lines;
}

/** What a result carries of the preflight. */
function preflightSummary(report: PreflightReport): NonNullable<DeployResult['preflight']> {
  const { prediction } = report;
  return {
    findings: report.findings.map(findingLine),
    ...(prediction ? { predictedMs: prediction.leastMs, prediction: prediction.text } : {}),
  };
}
