/**
 * Revision clean-up (input `keep-revisions`): after a successful deploy, deregister the ACTIVE revisions of the
 * family older than the N newest, but never one that
 * - a service of any cluster of the account and region runs or is deploying (every deployment, every task set):
 *   a family can be shared, e.g. by staging and production clusters;
 * - `keep-task-definitions` names (the revisions deploy tags record: rollback targets);
 * - was registered within `keep-revisions-grace`: another run may just have registered it to deploy it next.
 * Every read comes first: when one is denied or fails, nothing at all is deregistered (a revision in use elsewhere
 * could hide in what was not read). A deregistration that fails is a warning that says what was done: the deploy
 * itself succeeded.
 */
import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import { errorMessage, formatDuration } from '@ecs-actions/core';
import { isAbort } from './aws-errors.js';
import type { CallLimits, DeploySession } from './session.js';
import { shortTaskDefinition } from './taskdef.js';

export interface CleanupReport {
  deregistered: string[];
  /** Older than the N newest but kept, each with why. */
  kept: { arn: string; why: string }[];
  /** Set when the clean-up stopped on an error (what was deregistered before is in `deregistered`). */
  error?: string;
}

/** `family:revision` of an ARN or of `family:revision` itself. */
const familyRevision = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const familyOf = (arn: string) => familyRevision(arn).split(':')[0] ?? '';

export async function cleanUpRevisions(
  session: DeploySession,
  deployedArn: string,
  limits: CallLimits,
): Promise<CleanupReport | undefined> {
  const { inputs, log } = session;
  const keep = inputs.keepRevisions;
  if (keep === undefined) return undefined;
  const family = familyOf(deployedArn);
  let plan: CleanupPlan;
  try {
    plan = await planCleanUp(session, family, keep, limits);
  } catch (error) {
    if (isAbort(error) && session.cancelled) throw error;
    // The message is explained already (what was denied, how to allow it).
    const why = errorMessage(error).replace(/\.$/, '');
    log.warning(
      `keep-revisions ${keep}: nothing was deregistered: ${why}. Without every read, a revision another service runs or another run just registered could be taken, so none is. The deploy itself succeeded.`,
    );
    return { deregistered: [], kept: [], error: why };
  }
  const report: CleanupReport = { deregistered: [], kept: plan.kept };
  if (plan.deregister.length === 0 && plan.kept.length === 0) {
    log.info(
      `keep-revisions ${keep}: family ${family} has ${plan.activeCount} ACTIVE revisions; nothing to deregister.`,
    );
    return report;
  }
  try {
    for (const arn of plan.deregister) {
      await session.call(
        'DeregisterTaskDefinition',
        (o) => session.deps.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }), o),
        limits,
      );
      report.deregistered.push(arn);
    }
  } catch (error) {
    if (isAbort(error) && session.cancelled) throw error;
    report.error = errorMessage(error).replace(/\.$/, '');
  }
  const names = (arns: string[]) => arns.map(shortTaskDefinition).join(', ') || 'none';
  const text =
    `keep-revisions ${keep}: deregistered ${names(report.deregistered)}` +
    (report.kept.length > 0
      ? `; kept ${report.kept.map((k) => `${shortTaskDefinition(k.arn)} (${k.why})`).join(', ')}`
      : '');
  if (report.error) log.warning(`${text}; then the clean-up stopped: ${report.error}. The deploy itself succeeded.`);
  else log.info(`${text}.`);
  return report;
}

type SendOptions = { abortSignal?: AbortSignal };

interface CleanupPlan {
  activeCount: number;
  deregister: string[];
  kept: { arn: string; why: string }[];
}

/** Reads everything the decision needs (any failed read throws), then decides revision by revision. */
async function planCleanUp(
  session: DeploySession,
  family: string,
  keep: number,
  limits: CallLimits,
): Promise<CleanupPlan> {
  const { inputs, deps } = session;
  const active = await activeRevisions(session, family, limits);
  const plan: CleanupPlan = { activeCount: active.length, deregister: [], kept: [] };
  const older = active.slice(keep);
  if (older.length === 0) return plan;
  const inUse = await revisionsInUse(session, family, limits);
  const recorded = new Set(inputs.keepTaskDefinitions.map(familyRevision));
  const graceMs = inputs.keepRevisionsGraceMs;
  for (const arn of older) {
    const name = familyRevision(arn);
    const user = inUse.get(name);
    if (user) plan.kept.push({ arn, why: `${user} runs it` });
    else if (recorded.has(name)) plan.kept.push({ arn, why: 'keep-task-definitions names it (a rollback target)' });
    else if (graceMs > 0) {
      const registeredAt = await registrationTime(session, arn, limits);
      const ageMs = registeredAt === undefined ? undefined : deps.clock.now() - registeredAt.getTime();
      if (ageMs === undefined) plan.kept.push({ arn, why: 'ECS did not say when it was registered' });
      else if (ageMs < graceMs) {
        const ago = ageMs < 1000 ? 'just now' : `${formatDuration(Math.floor(ageMs / 1000) * 1000)} ago`;
        plan.kept.push({ arn, why: `registered ${ago}, within keep-revisions-grace ${formatDuration(graceMs)}` });
      } else plan.deregister.push(arn);
    } else plan.deregister.push(arn);
  }
  return plan;
}

/** The family's ACTIVE revisions, newest first. */
async function activeRevisions(session: DeploySession, family: string, limits: CallLimits): Promise<string[]> {
  const arns = await listAll(session, 'ListTaskDefinitions', limits, (nextToken, o) =>
    session.deps.ecs
      .send(new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', nextToken }), o)
      .then((p) => ({ items: p.taskDefinitionArns, nextToken: p.nextToken })),
  );
  // familyPrefix matches other families that start with this one.
  return arns.filter((arn) => familyOf(arn) === family);
}

/**
 * `family:revision` → "service S of cluster C", for every revision of the family that a service of any cluster of
 * the account and region runs or deploys: its task definition, each deployment (PRIMARY, ACTIVE), each task set.
 */
async function revisionsInUse(
  session: DeploySession,
  family: string,
  limits: CallLimits,
): Promise<Map<string, string>> {
  const { ecs } = session.deps;
  const inUse = new Map<string, string>();
  for (const cluster of await listAll(session, 'ListClusters', limits, (nextToken, o) =>
    ecs.send(new ListClustersCommand({ nextToken, maxResults: 100 }), o).then((p) => ({
      items: p.clusterArns,
      nextToken: p.nextToken,
    })),
  )) {
    const clusterName = cluster.slice(cluster.lastIndexOf('/') + 1);
    const serviceArns = await listAll(session, 'ListServices', limits, (nextToken, o) =>
      ecs.send(new ListServicesCommand({ cluster, nextToken, maxResults: 100 }), o).then((p) => ({
        items: p.serviceArns,
        nextToken: p.nextToken,
      })),
    );
    // DescribeServices takes at most 10 services.
    for (let i = 0; i < serviceArns.length; i += 10) {
      const { services = [], failures = [] } = await session.call(
        'DescribeServices',
        (o) => ecs.send(new DescribeServicesCommand({ cluster, services: serviceArns.slice(i, i + 10) }), o),
        limits,
      );
      // MISSING: deleted since it was listed (it runs nothing). Anything else leaves a service unread.
      const unread = failures.find((failure) => failure.reason !== 'MISSING');
      if (unread) {
        throw new Error(
          `ecs:DescribeServices could not describe ${unread.arn ?? 'a service'} in cluster ${clusterName} (${unread.reason ?? 'no reason given'}${unread.detail ? `: ${unread.detail}` : ''})`,
        );
      }
      for (const service of services) {
        const arns = [
          service.taskDefinition,
          ...(service.deployments ?? []).map((d) => d.taskDefinition),
          ...(service.taskSets ?? []).map((t) => t.taskDefinition),
        ];
        for (const arn of arns) {
          if (arn && familyOf(arn) === family && !inUse.has(familyRevision(arn))) {
            inUse.set(familyRevision(arn), `service ${service.serviceName ?? '?'} of cluster ${clusterName}`);
          }
        }
      }
    }
  }
  return inUse;
}

/** Every item of a paginated list call. */
async function listAll(
  session: DeploySession,
  operation: string,
  limits: CallLimits,
  page: (nextToken: string | undefined, options: SendOptions) => Promise<{ items?: string[]; nextToken?: string }>,
): Promise<string[]> {
  const items: string[] = [];
  let nextToken: string | undefined;
  do {
    const answer = await session.call(operation, (o) => page(nextToken, o), limits);
    items.push(...(answer.items ?? []));
    nextToken = answer.nextToken;
  } while (nextToken);
  return items;
}

/** When the revision was registered (DescribeTaskDefinition's registeredAt). */
async function registrationTime(session: DeploySession, arn: string, limits: CallLimits): Promise<Date | undefined> {
  const { taskDefinition } = await session.call(
    'DescribeTaskDefinition',
    (o) => session.deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }), o),
    limits,
  );
  return taskDefinition?.registeredAt;
}
