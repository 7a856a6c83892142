/**
 * Deploys an application (app-file): its services, EventBridge rules and Scheduler schedules in one step, all or
 * nothing. In order: read every target (nothing is changed before all reads and checks pass); register each task
 * definition family once; create services the file lets this step create; deploy every service together with the
 * single-service phases (services.ts), followed together on batched DescribeServices calls, while the rules and
 * schedules are pointed at their new revisions (all targets change together); on any failure put back every target
 * this run changed (put-back.ts). One result: a status per target and overall.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, errorMessage } from '@ecs-actions/core';
import { EcsCallSession } from '@ecs-actions/core/ecs';
import type { PreflightMode } from '../inputs.js';
import { registerTaskDefinition } from '../register.js';
import { shortTaskDefinition } from '../taskdef.js';
import type { DeployDeps, DeployResult, DeployStatus } from '../types.js';
import type { TargetKind } from './app-file.js';
import { batchingEcsClient } from './batched-describe.js';
import { type Changed, putBack } from './put-back.js';
import type { AppPlan, PlannedTarget } from './read.js';
import {
  previousArnOf,
  readScheduled,
  type ScheduledBefore,
  type ScheduledClients,
  writeScheduled,
} from './scheduled.js';
import { createService, deployService, describeServices, type Following, type PlannedService } from './services.js';

export interface AppDeployInputs {
  plan: AppPlan;
  forceNewDeployment: boolean;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  /** false: a failure leaves every target as it is (no put-back). */
  rollback: boolean;
  preflight: PreflightMode;
}

export type AppDeps = DeployDeps & Omit<ScheduledClients, 'region'>;

export type TargetStatus = DeployStatus | 'not-changed';

export interface TargetResult {
  name: string;
  kind: TargetKind;
  /** The service, rule or schedule name. */
  resource: string;
  status: TargetStatus;
  taskDefinitionArn?: string;
  previousTaskDefinitionArn?: string;
  /** Created by this run (create-service). */
  created?: boolean;
  message: string;
  /** Why the put-back after a failure did not bring it back (status failed), for the step's one error. */
  notPutBack?: string;
}

export interface AppResult {
  application: string;
  environment: string;
  cluster: string;
  /** undefined when the job was cancelled. */
  status: DeployStatus | undefined;
  message: string;
  targets: TargetResult[];
  /** The single-service results, for the summary's detail. */
  services: DeployResult[];
  durationMs: number;
}

const resourceOf = (target: PlannedTarget) =>
  target.kind === 'service'
    ? target.service
    : target.kind === 'rule'
      ? target.rule
      : `${target.group}/${target.schedule}`;

export async function deployApplication(inputs: AppDeployInputs, appDeps: AppDeps): Promise<AppResult> {
  const { plan } = inputs;
  const started = appDeps.clock.now();
  // One client for every follower: their DescribeServices calls go out 10 services a call.
  // The batch goes out once every service being deployed has asked (deployService counts them).
  const following: Following = { count: 0 };
  const deps: DeployDeps = { ...appDeps, ecs: batchingEcsClient(appDeps.ecs, () => following.count) };
  const clients: ScheduledClients = { events: appDeps.events, scheduler: appDeps.scheduler, region: appDeps.region };
  const { log } = deps;
  log.info(
    `Application ${plan.application} to ${plan.environment} (cluster ${plan.cluster}, ${deps.region}): ${plan.targets.map((t) => `${t.kind} ${t.name}`).join(', ')}`,
  );

  // 1. Read every target; refuse before any change.
  const services = plan.targets.filter((t): t is PlannedService => t.kind === 'service');
  const before = await describeServices(
    appDeps,
    plan.cluster,
    services.map((s) => s.service),
  );
  const missing = services.filter((s) => !before.get(s.service) && !s.createService);
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Service${missing.length === 1 ? '' : 's'} ${missing.map((s) => s.service).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist in cluster ${plan.cluster} (${deps.region}); nothing was changed. Create ${missing.length === 1 ? 'it' : 'them'}, or set createService (with a serviceDefinition) for ${missing.length === 1 ? 'it' : 'them'} in ${plan.path}.`,
    );
  }
  const scheduled = new Map<string, ScheduledBefore>();
  for (const target of plan.targets) {
    if (target.kind !== 'service') scheduled.set(target.name, await readScheduled(clients, target, target.family));
  }

  // 2. Register each family once.
  const arns = new Map<string, string>();
  const session = new EcsCallSession(deps, () => ({
    cluster: plan.cluster,
    service: services.map((s) => s.service).join(', '),
  }));
  for (const family of plan.families) {
    try {
      const arn = await registerTaskDefinition(session, family.file, () => ({}));
      arns.set(family.family, arn);
      log.info(`Registered ${shortTaskDefinition(arn)} (${arn}) for ${family.targets.join(', ')}`);
    } catch (error) {
      const registered = [...arns.values()].map(shortTaskDefinition);
      throw new ConfigurationError(
        `Registering family ${family.family} failed: ${errorMessage(error)} ${registered.length ? `Registered before it: ${registered.join(', ')}; ` : ''}no target was changed.`,
      );
    }
  }
  const arnOf = (target: PlannedTarget) => arns.get(target.family) as string;
  const results = new Map<string, TargetResult>(
    plan.targets.map((target) => [
      target.name,
      {
        name: target.name,
        kind: target.kind,
        resource: resourceOf(target),
        status: 'not-changed',
        taskDefinitionArn: arnOf(target),
        ...previousOf(target, before, scheduled),
        message: '',
      },
    ]),
  );
  const changed: Changed[] = [];

  // 3. Services: created where allowed, then deployed together.
  const serviceResults: DeployResult[] = [];
  let failure: string | undefined;
  for (const target of services.filter((s) => !before.get(s.service))) {
    try {
      await createService(appDeps, plan.cluster, target, arnOf(target));
      Object.assign(results.get(target.name) ?? {}, { created: true });
    } catch (error) {
      failure = `Creating service ${target.service} failed: ${errorMessage(error)}`;
      Object.assign(results.get(target.name) ?? {}, { status: 'failed', message: failure });
      break;
    }
  }
  if (!failure) {
    // 4. Every target changed together: the services' updates start, and while they are followed the rules and
    // schedules are pointed at the new revision; any failure puts back every target changed (step 5).
    const [ended, scheduledFailure] = await Promise.all([
      Promise.all(services.map((target) => deployService(inputs, deps, target, arnOf(target), following))),
      pointScheduled(deps, clients, scheduled, results, arnOf, changed),
    ]);
    ended.forEach((end, i) => {
      const target = services[i] as PlannedService;
      serviceResults.push(end);
      const result = results.get(target.name) as TargetResult;
      result.status = end.status ?? 'failed';
      result.message = end.message;
      if (end.taskDefinitionArn !== undefined && end.status !== 'unchanged')
        changed.push({ result, ours: arnOf(target), previous: result.previousTaskDefinitionArn, service: target });
      if (end.cancelled) failure ??= 'cancelled';
      else if (end.status !== 'succeeded' && end.status !== 'unchanged' && end.status !== 'superseded') {
        failure ??= `${target.name}: ${end.message}`;
      }
    });
    failure ??= scheduledFailure;
  }

  // 5. All or nothing.
  if (failure && failure !== 'cancelled' && inputs.rollback && changed.length > 0) {
    await putBack(inputs, deps, clients, changed, following);
  }
  return summarize(plan, [...results.values()], serviceResults, failure, appDeps.clock.now() - started);
}

/**
 * Points each rule and schedule at its new revision, one after the other; stops at the first that fails (the put-back
 * reads whether a write without an answer landed). Returns that failure, if any.
 */
async function pointScheduled(
  deps: DeployDeps,
  clients: ScheduledClients,
  scheduled: Map<string, ScheduledBefore>,
  results: Map<string, TargetResult>,
  arnOf: (target: PlannedTarget) => string,
  changed: Changed[],
): Promise<string | undefined> {
  for (const [name, read] of scheduled) {
    const result = results.get(name) as TargetResult;
    const entry: Changed = {
      result,
      ours: arnOf(read.target as PlannedTarget),
      previous: previousArnOf(read),
      scheduled: read,
    };
    changed.push(entry);
    try {
      await writeScheduled(clients, read, entry.ours);
      result.status = 'succeeded';
      result.message = `Now runs ${shortTaskDefinition(entry.ours)}.`;
      deps.log.info(`[${name}] ${read.kind} ${result.resource} now runs ${shortTaskDefinition(entry.ours)}`);
    } catch (error) {
      result.status = 'failed';
      result.message = errorMessage(error);
      deps.log.warning(`[${name}] ${result.message}`);
      return `${name}: ${result.message}`;
    }
  }
  return undefined;
}

function previousOf(
  target: PlannedTarget,
  before: Map<string, Service | undefined>,
  scheduled: Map<string, ScheduledBefore>,
) {
  const previous =
    target.kind === 'service'
      ? before.get(target.service)?.taskDefinition
      : previousArnOf(scheduled.get(target.name) as ScheduledBefore);
  return previous ? { previousTaskDefinitionArn: previous } : {};
}

/** The rules and schedules a cancelled run left on the new revision (a cancel puts nothing back). */
function pointed(targets: TargetResult[]): string {
  const left = targets.filter((t) => t.kind !== 'service' && t.status === 'succeeded');
  return left.length
    ? ` Left pointing at the new revision (not put back): ${left.map((t) => `${t.kind} ${t.resource}`).join(', ')}.`
    : '';
}

function summarize(
  plan: AppPlan,
  targets: TargetResult[],
  services: DeployResult[],
  failure: string | undefined,
  durationMs: number,
): AppResult {
  const base = {
    application: plan.application,
    environment: plan.environment,
    cluster: plan.cluster,
    targets,
    services,
    durationMs,
  };
  if (failure === 'cancelled') {
    return {
      ...base,
      status: undefined,
      message: `Cancelled while deploying the application; ECS carries on with what was started.${pointed(targets)}`,
    };
  }
  const count = (status: TargetStatus) => targets.filter((t) => t.status === status).length;
  if (!failure) {
    const superseded = count('superseded');
    const status: DeployStatus = superseded > 0 ? 'superseded' : count('succeeded') > 0 ? 'succeeded' : 'unchanged';
    return {
      ...base,
      status,
      message: `Application ${plan.application} deployed to ${plan.environment}: ${targets.map((t) => `${t.name} ${t.status}`).join(', ')}.`,
    };
  }
  // Every target either put back, left to a newer run, or never changed: rolled back; anything else: failed.
  const clean = targets.every((t) => ['rolled-back', 'superseded', 'not-changed', 'unchanged'].includes(t.status));
  const status: DeployStatus = clean ? 'rolled-back' : 'failed';
  const notPutBack = targets.filter((t) => t.notPutBack).map((t) => `${t.name}: ${t.notPutBack}`);
  return {
    ...base,
    status,
    message: `Application ${plan.application} to ${plan.environment} ${status === 'rolled-back' ? 'failed and was put back' : 'FAILED'}: ${failure} Targets: ${targets.map((t) => `${t.name} ${t.status}`).join(', ')}.${notPutBack.length ? ` Not put back (left on this run's revision or as the failure left it): ${notPutBack.join('; ')}.` : ''}`,
  };
}
