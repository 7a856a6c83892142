/**
 * Revision clean-up (input `keep-revisions`): after a successful deploy, deregister the ACTIVE revisions of the
 * family older than the N newest, but never one a service of the cluster runs (any of its deployments or task sets)
 * nor one given in `keep-task-definitions` (the revisions deploy tags record: rollback targets). A clean-up that
 * fails is a warning that says what was done: the deploy itself succeeded.
 */
import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
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

export async function cleanUpRevisions(
  session: DeploySession,
  deployedArn: string,
  limits: CallLimits,
): Promise<CleanupReport | undefined> {
  const { inputs, log } = session;
  const keep = inputs.keepRevisions;
  if (keep === undefined) return undefined;
  const report: CleanupReport = { deregistered: [], kept: [] };
  try {
    const family = familyRevision(deployedArn).split(':')[0] ?? '';
    const active = await activeRevisions(session, family, limits);
    const older = active.slice(keep);
    if (older.length === 0) {
      log.info(
        `keep-revisions ${keep}: family ${family} has ${active.length} ACTIVE revisions; nothing to deregister.`,
      );
      return report;
    }
    const running = await revisionsInUse(session, limits);
    const recorded = new Set(inputs.keepTaskDefinitions.map(familyRevision));
    for (const arn of older) {
      const name = familyRevision(arn);
      if (running.has(name)) report.kept.push({ arn, why: `service ${running.get(name)} runs it` });
      else if (recorded.has(name)) report.kept.push({ arn, why: 'keep-task-definitions names it (a rollback target)' });
      else {
        await session.call(
          'DeregisterTaskDefinition',
          (o) => session.deps.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }), o),
          limits,
        );
        report.deregistered.push(arn);
      }
    }
  } catch (error) {
    if (isAbort(error) && session.cancelled) throw error;
    // The message is explained already (what was denied, how to allow it).
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

/** The family's ACTIVE revisions, newest first. */
async function activeRevisions(session: DeploySession, family: string, limits: CallLimits): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await session.call(
      'ListTaskDefinitions',
      (o) =>
        session.deps.ecs.send(
          new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', nextToken }),
          o,
        ),
      limits,
    );
    arns.push(...(page.taskDefinitionArns ?? []).filter((arn) => familyRevision(arn).split(':')[0] === family));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

/** `family:revision` → a service of the cluster that runs it (in any deployment or task set). */
async function revisionsInUse(session: DeploySession, limits: CallLimits): Promise<Map<string, string>> {
  const { cluster } = session.inputs;
  const serviceArns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await session.call(
      'ListServices',
      (o) => session.deps.ecs.send(new ListServicesCommand({ cluster, nextToken, maxResults: 100 }), o),
      limits,
    );
    serviceArns.push(...(page.serviceArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const inUse = new Map<string, string>();
  // DescribeServices takes at most 10 services.
  for (let i = 0; i < serviceArns.length; i += 10) {
    const { services = [] } = await session.call(
      'DescribeServices',
      (o) => session.deps.ecs.send(new DescribeServicesCommand({ cluster, services: serviceArns.slice(i, i + 10) }), o),
      limits,
    );
    for (const service of services) {
      const arns = [
        service.taskDefinition,
        ...(service.deployments ?? []).map((d) => d.taskDefinition),
        ...(service.taskSets ?? []).map((t) => t.taskDefinition),
      ];
      for (const arn of arns) if (arn) inUse.set(familyRevision(arn), service.serviceName ?? '?');
    }
  }
  return inUse;
}
