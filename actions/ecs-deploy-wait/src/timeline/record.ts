/**
 * What the step observed of the rollout, with the times it observed it: the step's own phases, each ECS deployment
 * of the service (its rollout states, when its tasks were all running, when it left), a staged deployment's
 * lifecycle stages with their traffic, and CodeDeploy's lifecycle events. The followers report what they read;
 * the job summary draws it (timeline/render.ts). Bounded: a long rollout keeps its first and newest changes.
 */
import type { LifecycleEvent } from '@aws-sdk/client-codedeploy';
import type { Service, ServiceDeployment, ServiceEvent } from '@aws-sdk/client-ecs';

/** A stretch of time; `endMs` undefined while it goes on (the step's end closes it). */
export interface TimelineSpan {
  label: string;
  startMs: number;
  endMs?: number;
  /** Where it went wrong: a failed stage or event, a rollback. */
  failed?: boolean;
}

export interface TimelinePoint {
  label: string;
  atMs: number;
  failed?: boolean;
}

/** One ECS deployment of the service as the step saw it. */
export interface DeploymentTrack {
  id: string;
  taskDefinitionArn?: string;
  /** ECS's createdAt, else when the step first saw it. */
  startMs: number;
  /** When the step last saw it in the service's deployments. */
  lastSeenMs: number;
  /** When it was first seen gone from the service's deployments (drained, replaced, rolled back). */
  goneMs?: number;
  /** When it first had its desired count running (and none pending). */
  allRunningMs?: number;
  desiredCount?: number;
  /** Its rollout states (IN_PROGRESS, COMPLETED, FAILED) in the order seen, each with when it was first seen. */
  states: TimelinePoint[];
}

/** Everything the summary draws; plain data. */
export interface TimelineData {
  startMs: number;
  endMs: number;
  phases: TimelineSpan[];
  deployments: DeploymentTrack[];
  /** Staged lifecycle stages (with traffic) or CodeDeploy lifecycle events. */
  stages: TimelineSpan[];
  /** The service events the step saw during the deploy, oldest first. */
  events: TimelinePoint[];
}

/** The step's phases, as deploy.ts starts them. */
export const PHASES = {
  check: 'Check the service',
  preflight: 'Preflight',
  register: 'Register',
  update: 'Update the service',
  continue: 'Continue the paused deployment',
  rollout: 'Roll out',
  rollback: 'Roll back and report',
} as const;

/** How many of each kind are kept: the first ones and the newest, so a rollout of hours still fits. */
const MAX_DEPLOYMENTS = 12;
const MAX_STAGES = 60;
const MAX_STATES = 12;

export class RolloutTimeline {
  private readonly phases: TimelineSpan[] = [];
  private readonly deployments = new Map<string, DeploymentTrack>();
  private readonly stages: TimelineSpan[] = [];
  private stageKey: string | undefined;
  private readonly lifecycleEvents = new Map<string, TimelineSpan>();
  /** Deployments seen with tasks still to start. */
  private readonly notAllRunning = new Set<string>();

  constructor(
    private readonly now: () => number,
    private readonly startMs: number,
  ) {
    this.phases.push({ label: PHASES.check, startMs });
  }

  /** The step moves on to `label`: the phase before it ends now. */
  phase(label: string, failed = false): void {
    const at = this.now();
    const last = this.phases.at(-1);
    if (last && last.endMs === undefined) last.endMs = at;
    this.phases.push({ label, startMs: at, ...(failed ? { failed } : {}) });
  }

  /** A DescribeServices answer: each deployment's state and counts, and which ones have left. */
  observeService(service: Service): void {
    const at = this.now();
    const present = new Set<string>();
    for (const deployment of service.deployments ?? []) {
      if (!deployment.id) continue;
      present.add(deployment.id);
      let track = this.deployments.get(deployment.id);
      if (!track) {
        if (this.deployments.size >= MAX_DEPLOYMENTS) continue;
        track = {
          id: deployment.id,
          ...(deployment.taskDefinition ? { taskDefinitionArn: deployment.taskDefinition } : {}),
          // AWS's clock and the runner's differ a little: a deployment cannot have started after it was seen.
          startMs: Math.min(deployment.createdAt?.getTime() ?? at, at),
          lastSeenMs: at,
          states: [],
        };
        this.deployments.set(deployment.id, track);
      }
      track.lastSeenMs = at;
      delete track.goneMs;
      const state = deployment.rolloutState ?? deployment.status;
      if (state && track.states.at(-1)?.label !== state && track.states.length < MAX_STATES) {
        track.states.push({ label: state, atMs: at, ...(state === 'FAILED' ? { failed: true } : {}) });
      }
      const desired = deployment.desiredCount ?? 0;
      track.desiredCount = desired;
      const allRunning =
        desired > 0 && (deployment.runningCount ?? 0) >= desired && (deployment.pendingCount ?? 0) === 0;
      // When its tasks came up during the step; one all running from the first look (the one before) has no such time.
      if (!allRunning) this.notAllRunning.add(deployment.id);
      else if (track.allRunningMs === undefined && this.notAllRunning.has(deployment.id)) track.allRunningMs = at;
    }
    for (const track of this.deployments.values()) {
      if (!present.has(track.id) && track.goneMs === undefined) track.goneMs = at;
    }
  }

  /** A DescribeServiceDeployments answer (native staged strategies): a new span per stage, status or traffic. */
  observeServiceDeployment(deployment: ServiceDeployment): void {
    const stage = deployment.lifecycleStage ?? '?';
    const status = deployment.status ?? '?';
    const weight = deployment.targetServiceRevision?.requestedProductionTrafficWeight;
    const label = `${stage} (${status})${weight !== undefined ? `, new revision ${weight}% traffic` : ''}`;
    if (label === this.stageKey) return;
    this.stageKey = label;
    const at = this.now();
    const last = this.stages.at(-1);
    if (last && last.endMs === undefined) last.endMs = at;
    const failed = /ROLLBACK|FAILED|STOPPED/.test(status);
    keepNewest(this.stages, { label, startMs: at, ...(failed ? { failed } : {}) }, MAX_STAGES);
  }

  /** A CodeDeploy target's lifecycle events, with the start and end times CodeDeploy gives them. */
  observeCodeDeploy(events: readonly LifecycleEvent[] | undefined): void {
    for (const event of events ?? []) {
      const name = event.lifecycleEventName;
      if (!name || !event.startTime) continue;
      const span: TimelineSpan = {
        label: `${name} (${event.status ?? '?'})`,
        startMs: event.startTime.getTime(),
        ...(event.endTime ? { endMs: event.endTime.getTime() } : {}),
        ...(event.status === 'Failed' ? { failed: true } : {}),
      };
      if (this.lifecycleEvents.has(name) || this.lifecycleEvents.size < MAX_STAGES)
        this.lifecycleEvents.set(name, span);
    }
  }

  /** What was observed, the open spans closed at `endMs`, with the service events the step saw. */
  snapshot(endMs: number, events: readonly ServiceEvent[]): TimelineData {
    const close = (span: TimelineSpan): TimelineSpan => ({ ...span, endMs: span.endMs ?? endMs });
    return {
      startMs: this.startMs,
      endMs,
      phases: this.phases.map(close),
      deployments: [...this.deployments.values()].map((track) => ({ ...track, states: [...track.states] })),
      stages: [...this.stages, ...[...this.lifecycleEvents.values()].sort((a, b) => a.startMs - b.startMs)].map(close),
      events: events.map((event) => ({
        label: event.message ?? '',
        // Within the step: AWS's clock may be a little ahead of the runner's.
        atMs: Math.max(this.startMs, Math.min(event.createdAt?.getTime() ?? endMs, endMs)),
        ...(looksFailed(event.message) ? { failed: true } : {}),
      })),
    };
  }
}

/** Keeps the first half of `limit` and the newest: a long rollout shows how it began and how it ended. */
function keepNewest<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(Math.floor(limit / 2), 1);
}

/** A service event that tells of trouble: drawn red. */
function looksFailed(message: string | undefined): boolean {
  return /fail|unhealthy|circuit breaker|rolling back|rolled back|unable|error|exceeded/i.test(message ?? '');
}
