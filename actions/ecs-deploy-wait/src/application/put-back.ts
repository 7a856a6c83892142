/**
 * All or nothing: after a failure, every target this run changed goes back to what it ran before (services by a
 * deploy of their previous revision, followed to its end; rules and schedules by writing back what was read before),
 * but never one that another run has changed since: that one is reported `superseded` and left alone. What each
 * target runs is read fresh first, so a write whose answer was lost is put back too.
 */
import { errorMessage } from '@ecs-actions/core';
import { shortTaskDefinition } from '../taskdef.js';
import type { DeployDeps } from '../types.js';
import type { AppDeployInputs, TargetResult } from './deploy-app.js';
import { previousArns, runningNow, type ScheduledBefore, type ScheduledClients, writeScheduled } from './scheduled.js';
import { deployService, describeServices, type Following, type PlannedService } from './services.js';

/** What put-back needs of each target: what it ran before and what this run deployed to it. */
export interface Changed {
  result: TargetResult;
  ours: string;
  previous?: string;
  service?: PlannedService;
  scheduled?: ScheduledBefore;
}

/** Puts every changed target back, scheduled ones first (quick), then the services together; updates each result. */
export async function putBack(
  inputs: AppDeployInputs,
  deps: DeployDeps,
  clients: ScheduledClients,
  changed: Changed[],
  following: Following,
): Promise<void> {
  deps.log.info(
    `Putting back ${changed.length} target${changed.length === 1 ? '' : 's'} this run changed: ${changed.map((c) => c.result.name).join(', ')}`,
  );
  for (const target of changed.filter((c) => c.scheduled)) await putBackScheduled(deps, clients, target);
  const services = changed.filter((c) => c.service);
  let now: Map<string, { taskDefinition?: string } | undefined>;
  try {
    now = await describeServices(
      deps,
      inputs.plan.cluster,
      services.map((c) => c.service?.service ?? ''),
    );
  } catch (error) {
    for (const target of services)
      settle(deps, target, 'failed', `not put back: what it runs now could not be read (${errorMessage(error)})`);
    return;
  }
  await Promise.all(
    services.map(async (target) => {
      const running = now.get(target.service?.service ?? '')?.taskDefinition;
      if (!decide(deps, target, running)) return;
      const service = target.service as PlannedService;
      const back = await deployService(inputs, deps, service, target.previous as string, following);
      if (back.status === 'succeeded' || back.status === 'unchanged') {
        settle(
          deps,
          target,
          'rolled-back',
          `put back to ${shortTaskDefinition(target.previous ?? '')}: ${back.finalState}`,
        );
      } else {
        settle(
          deps,
          target,
          'failed',
          `putting it back to ${shortTaskDefinition(target.previous ?? '')} did not complete: ${back.message}`,
        );
      }
    }),
  );
}

async function putBackScheduled(deps: DeployDeps, clients: ScheduledClients, target: Changed): Promise<void> {
  const before = target.scheduled as ScheduledBefore;
  try {
    // Each ECS target this run changed is judged on its own: one another run has changed since is left alone.
    const { running, editedSince } = await runningNow(clients, before, target.ours);
    if (editedSince) {
      settle(deps, target, 'superseded', `left alone: ${editedSince}`);
      return;
    }
    const now = [...running];
    const previous = previousArns(before);
    const stillOurs = now.filter(([, running]) => running === target.ours).map(([id]) => id);
    const theirs = now.filter(([id, running]) => running !== target.ours && running !== previous.get(id));
    if (stillOurs.length === 0) {
      if (theirs.length === 0) decide(deps, target, now[0]?.[1]);
      else settle(deps, target, 'superseded', `left alone: another run changed it since (${describe(theirs)})`);
      return;
    }
    await writeScheduled(clients, before, undefined, stillOurs);
    const left = theirs.length ? ` (left alone, another run changed them since: ${describe(theirs)})` : '';
    settle(deps, target, 'rolled-back', `put back to ${shortTaskDefinition(target.previous ?? '')}${left}`);
  } catch (error) {
    settle(deps, target, 'failed', `not put back: ${errorMessage(error)}`);
  }
}

/** Rule targets (or the schedule, Id "") and what each runs now. */
const describe = (running: [string, string | undefined][]) =>
  running
    .map(([id, arn]) => `${id ? `target ${id} ` : ''}runs ${arn ? shortTaskDefinition(arn) : 'nothing'} now`)
    .join(', ');

/** Whether to write the target back: only while it still runs what this run deployed. */
function decide(deps: DeployDeps, target: Changed, running: string | undefined): boolean {
  if (running === target.ours) {
    if (target.previous) return true;
    settle(
      deps,
      target,
      'failed',
      `left running ${shortTaskDefinition(target.ours)}: it ran nothing before this run (created by it)`,
    );
    return false;
  }
  if (running !== undefined && running === target.previous) {
    // A service back on its revision was rolled back by ECS (circuit breaker); a rule or schedule never changed
    // (its write was refused).
    if (target.service)
      settle(deps, target, 'rolled-back', `runs ${shortTaskDefinition(running)} again (ECS rolled it back)`);
    else settle(deps, target, 'not-changed', `still runs ${shortTaskDefinition(running)}: nothing to put back`);
    return false;
  }
  settle(
    deps,
    target,
    'superseded',
    `left alone: another run changed it since (it runs ${running ? shortTaskDefinition(running) : 'nothing'} now, not ${shortTaskDefinition(target.ours)})`,
  );
  return false;
}

function settle(deps: DeployDeps, target: Changed, status: TargetResult['status'], note: string): void {
  target.result.status = status;
  if (status === 'failed') target.result.notPutBack = note;
  target.result.message = `${target.result.message ? `${target.result.message} ` : ''}${note[0]?.toUpperCase()}${note.slice(1)}.`;
  (status === 'rolled-back' ? deps.log.info : deps.log.warning)(`[${target.result.name}] ${status}: ${note}`);
}
