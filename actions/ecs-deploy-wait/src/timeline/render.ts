/**
 * The rollout timeline of the job summary: a Mermaid gantt of what the step observed (its phases, the preflight's
 * predicted least rollout time beside the actual one, each deployment, the staged lifecycle stages or CodeDeploy
 * lifecycle events, the service events), red where it went wrong. Summarised to a bounded number of rows; every
 * label is escaped by core's mermaidText, so no event or id can change the diagram.
 */
import { formatDuration, type GanttSection, type GanttTask, mermaidGantt } from '@ecs-actions/core';
import { shortTaskDefinition } from '../taskdef.js';
import type { DeployResult } from '../types.js';
import { type DeploymentTrack, PHASES, type TimelineData, type TimelinePoint } from './record.js';

/** Service events drawn: the first ones and the newest, with a row counting those between. */
const FIRST_EVENTS = 6;
const LAST_EVENTS = 10;

/** The summary's "Rollout timeline" part, or nothing when no timeline was kept or nothing was deployed. */
export function timelineMarkdown(result: DeployResult): string[] {
  const timeline = result.timeline;
  // Nothing was rolled out: no story in time to draw.
  if (!timeline || result.status === 'unchanged') return [];
  const sections: GanttSection[] = [
    { title: 'This step', tasks: timeline.phases.map((phase) => ({ ...spanTask(phase), tags: phaseTags(phase) })) },
    { title: 'Predicted vs actual', tasks: predictedTasks(result, timeline) },
    { title: 'Deployments', tasks: timeline.deployments.flatMap((track) => deploymentTasks(track, result, timeline)) },
    { title: 'Lifecycle', tasks: timeline.stages.map((stage) => ({ ...spanTask(stage), tags: failedTags(stage) })) },
    { title: 'Service events', tasks: eventTasks(timeline.events) },
  ];
  return [
    '',
    '#### Rollout timeline',
    '',
    mermaidGantt({ title: `${result.service}: ${result.status ?? 'cancelled'}`, sections }),
  ];
}

function spanTask(span: { label: string; startMs: number; endMs?: number }): GanttTask {
  return { label: span.label, startMs: span.startMs, endMs: span.endMs ?? span.startMs };
}

const failedTags = (item: { failed?: boolean }): GanttTask['tags'] => (item.failed ? ['crit'] : []);
const phaseTags = (item: { failed?: boolean }): GanttTask['tags'] => (item.failed ? ['crit'] : ['done']);

/** The preflight's least rollout time, from the rollout's start, beside how long the rollout took. */
function predictedTasks(result: DeployResult, timeline: TimelineData): GanttTask[] {
  const predicted = result.preflight?.predictedMs;
  const rollout = timeline.phases.find((phase) => phase.label === PHASES.rollout);
  if (predicted === undefined || !rollout) return [];
  const actual = (rollout.endMs ?? timeline.endMs) - rollout.startMs;
  return [
    {
      label: `predicted at least ${formatDuration(predicted)}`,
      startMs: rollout.startMs,
      endMs: rollout.startMs + predicted,
      tags: ['active'],
    },
    {
      label: `actual ${formatDuration(Math.round(actual / 1000) * 1000)}`,
      startMs: rollout.startMs,
      endMs: rollout.endMs ?? timeline.endMs,
      tags: result.status === 'succeeded' ? ['done'] : ['crit'],
    },
  ];
}

/** One bar per deployment (ours, the one it replaced, a rollback), and a point when all its tasks ran. */
function deploymentTasks(track: DeploymentTrack, result: DeployResult, timeline: TimelineData): GanttTask[] {
  const role =
    track.id === result.deploymentId
      ? 'ours'
      : track.id === result.rollback?.deploymentId ||
          (result.rollback &&
            track.taskDefinitionArn === result.rollback.taskDefinitionArn &&
            track.startMs > timeline.startMs)
        ? 'rollback'
        : 'before';
  const revision = track.taskDefinitionArn ? ` ${shortTaskDefinition(track.taskDefinitionArn)}` : '';
  const states = track.states.map((state) => state.label).join(' > ');
  const failed = track.states.some((state) => state.failed);
  const end = track.goneMs ?? track.lastSeenMs;
  const tasks: GanttTask[] = [
    {
      label: `${role}${revision}${states ? `: ${states}` : ''}${track.goneMs !== undefined ? ', gone' : ''}`,
      startMs: Math.max(track.startMs, timeline.startMs),
      endMs: Math.max(end, timeline.startMs),
      tags: failed ? ['crit'] : role === 'before' ? ['done'] : ['active'],
    },
  ];
  if (track.allRunningMs !== undefined && track.allRunningMs > timeline.startMs) {
    tasks.push({
      label: `${role}: ${track.desiredCount} of ${track.desiredCount} tasks running`,
      startMs: track.allRunningMs,
      tags: ['milestone'],
    });
  }
  for (const state of track.states.filter((s) => s.failed)) {
    tasks.push({ label: `${role}: ${state.label}`, startMs: state.atMs, tags: ['crit', 'milestone'] });
  }
  return tasks;
}

/** The service events as points: all of a short rollout; the first and newest of a long one, the rest counted. */
function eventTasks(events: readonly TimelinePoint[]): GanttTask[] {
  const point = (event: TimelinePoint): GanttTask => ({
    label: event.label,
    startMs: event.atMs,
    tags: event.failed ? ['crit', 'milestone'] : ['milestone'],
  });
  if (events.length <= FIRST_EVENTS + LAST_EVENTS + 1) return events.map(point);
  const first = events.slice(0, FIRST_EVENTS);
  const last = events.slice(-LAST_EVENTS);
  const between = events.slice(FIRST_EVENTS, -LAST_EVENTS);
  const failedBetween = between.filter((event) => event.failed).length;
  return [
    ...first.map(point),
    {
      label: `${between.length} more events${failedBetween > 0 ? ` (${failedBetween} of trouble)` : ''}`,
      startMs: between[0]?.atMs ?? 0,
      endMs: between.at(-1)?.atMs ?? 0,
      tags: failedBetween > 0 ? ['crit'] : [],
    },
    ...last.map(point),
  ];
}
