export const id = 809;
export const ids = [809];
export const modules = {

/***/ 6809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  summaryMarkdown: () => (/* binding */ summaryMarkdown)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 3 modules
var ecs = __webpack_require__(9530);
// EXTERNAL MODULE: ./src/taskdef.ts
var taskdef = __webpack_require__(247);
// EXTERNAL MODULE: ./src/timeline/record.ts
var record = __webpack_require__(7470);
;// CONCATENATED MODULE: ./src/timeline/render.ts
/**
 * The rollout timeline of the job summary: a Mermaid gantt of what the step observed (its phases, the preflight's
 * predicted least rollout time beside the actual one, each deployment, the staged lifecycle stages or CodeDeploy
 * lifecycle events, the service events), red where it went wrong. Summarised to a bounded number of rows; every
 * label is escaped by core's mermaidText, so no event or id can change the diagram.
 */



/** Service events drawn: the first ones and the newest, with a row counting those between. */
const FIRST_EVENTS = 6;
const LAST_EVENTS = 10;
/** The summary's "Rollout timeline" part, or nothing when no timeline was kept or nothing was deployed. */
function timelineMarkdown(result) {
    const timeline = result.timeline;
    // Nothing was rolled out: no story in time to draw.
    if (!timeline || result.status === 'unchanged')
        return [];
    const sections = [
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
        (0,src/* mermaidGantt */.g6)({ title: `${result.service}: ${result.status ?? 'cancelled'}`, sections }),
    ];
}
function spanTask(span) {
    return { label: span.label, startMs: span.startMs, endMs: span.endMs ?? span.startMs };
}
const failedTags = (item) => (item.failed ? ['crit'] : []);
const phaseTags = (item) => (item.failed ? ['crit'] : ['done']);
/** The preflight's least rollout time, from the rollout's start, beside how long the rollout took. */
function predictedTasks(result, timeline) {
    const predicted = result.preflight?.predictedMs;
    const rollout = timeline.phases.find((phase) => phase.label === record/* PHASES */.Z.rollout);
    if (predicted === undefined || !rollout)
        return [];
    const actual = (rollout.endMs ?? timeline.endMs) - rollout.startMs;
    return [
        {
            label: `predicted at least ${(0,src/* formatDuration */.a3)(predicted)}`,
            startMs: rollout.startMs,
            endMs: rollout.startMs + predicted,
            tags: ['active'],
        },
        {
            label: `actual ${(0,src/* formatDuration */.a3)(Math.round(actual / 1000) * 1000)}`,
            startMs: rollout.startMs,
            endMs: rollout.endMs ?? timeline.endMs,
            tags: result.status === 'succeeded' ? ['done'] : ['crit'],
        },
    ];
}
/** One bar per deployment (ours, the one it replaced, a rollback), and a point when all its tasks ran. */
function deploymentTasks(track, result, timeline) {
    const role = track.id === result.deploymentId
        ? 'ours'
        : track.id === result.rollback?.deploymentId ||
            (result.rollback &&
                track.taskDefinitionArn === result.rollback.taskDefinitionArn &&
                track.startMs > timeline.startMs)
            ? 'rollback'
            : 'before';
    const revision = track.taskDefinitionArn ? ` ${(0,taskdef/* shortTaskDefinition */.P5)(track.taskDefinitionArn)}` : '';
    const states = track.states.map((state) => state.label).join(' > ');
    const failed = track.states.some((state) => state.failed);
    const end = track.goneMs ?? track.lastSeenMs;
    const tasks = [
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
function eventTasks(events) {
    const point = (event) => ({
        label: event.label,
        startMs: event.atMs,
        tags: event.failed ? ['crit', 'milestone'] : ['milestone'],
    });
    if (events.length <= FIRST_EVENTS + LAST_EVENTS + 1)
        return events.map(point);
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

;// CONCATENATED MODULE: ./src/summary.ts




const HEADLINES = {
    succeeded: 'deployed',
    unchanged: 'unchanged (nothing deployed)',
    'rolled-back': 'FAILED and rolled back',
    superseded: 'SUPERSEDED by a newer deployment (not rolled back)',
    failed: 'FAILED',
    'timed-out': 'TIMED OUT',
    planned: 'PLAN (dry run: nothing changed)',
    paused: 'PAUSED at a lifecycle hook (continue or roll back with ecs-deploy-continue)',
};
const ROLLED_BACK_BY = { ecs: 'by ECS', action: 'by this step', codedeploy: 'by CodeDeploy' };
/** The job summary: what was deployed, how it ended, and on failure why. */
function summaryMarkdown(result) {
    const headline = result.cancelled ? 'CANCELLED' : (HEADLINES[result.status ?? ''] ?? 'unknown');
    const version = result.images.map((image) => (0,taskdef/* imageVersion */.K9)(image)).find((v) => v !== undefined);
    const rows = [
        ['Service', (0,src/* markdownCode */.D9)(`${result.cluster}/${result.service}`)],
        ['Version', version ? (0,src/* markdownCode */.D9)(version) : '(no tag)'],
        ['Image', result.images.map((image) => (0,src/* markdownCode */.D9)(image)).join('<br>') || '(unknown)'],
        [
            'Task definition',
            result.taskDefinitionArn ? (0,src/* markdownCode */.D9)((0,taskdef/* shortTaskDefinition */.P5)(result.taskDefinitionArn)) : '(not registered)',
        ],
        [
            'Previous task definition',
            result.previousTaskDefinitionArn ? (0,src/* markdownCode */.D9)((0,taskdef/* shortTaskDefinition */.P5)(result.previousTaskDefinitionArn)) : '(none)',
        ],
        [
            result.codedeployDeploymentId ? 'CodeDeploy deployment' : 'Deployment',
            result.deploymentId ? (0,src/* markdownCode */.D9)(result.deploymentId) : '(none)',
        ],
        ['Duration', durationCell(result)],
        ['Final state', (0,src/* markdownCell */.UZ)(result.finalState)],
        ['Status', (0,src/* markdownCode */.D9)(result.status ?? 'cancelled')],
        ['Console', `[deployments of ${(0,src/* markdownCell */.UZ)(result.service)}](${result.consoleUrl})`],
    ];
    if (result.rollback) {
        rows.push([
            'Rollback',
            (0,src/* markdownCell */.UZ)(`${ROLLED_BACK_BY[result.rollback.by]}${result.rollback.method ? ` (by ${result.rollback.method})` : ''} to ${(0,taskdef/* shortTaskDefinition */.P5)(result.rollback.taskDefinitionArn)}: ${result.rollback.steady ? 'steady' : 'not steady'}`),
        ]);
    }
    const parts = [`### ECS deploy ${(0,src/* markdownCell */.UZ)(result.service)}: ${headline}`, '', (0,src/* markdownTable */.Qj)(['', ''], rows)];
    if (result.plan)
        parts.push('', result.plan);
    if (result.status !== 'succeeded' && result.status !== 'unchanged' && result.status !== 'planned') {
        parts.push('', (0,src/* markdownCell */.UZ)(result.message));
    }
    if (result.serviceSettings) {
        parts.push('', '#### Service settings', '', result.serviceSettings.length === 0
            ? 'The service definition matched the running service: no setting changed.'
            : ['```diff', ...result.serviceSettings.map((line) => line.replace(/^~/, '!')), '```'].join('\n'));
    }
    const cleanup = result.revisionsCleanup;
    if (cleanup) {
        const names = (arns) => arns.map((arn) => (0,src/* markdownCode */.D9)((0,taskdef/* shortTaskDefinition */.P5)(arn))).join(', ') || 'none';
        parts.push('', `Revisions deregistered (keep-revisions): ${names(cleanup.deregistered)}` +
            (cleanup.kept.length > 0
                ? `; kept ${cleanup.kept.map((k) => `${(0,src/* markdownCode */.D9)((0,taskdef/* shortTaskDefinition */.P5)(k.arn))} (${(0,src/* markdownCell */.UZ)(k.why)})`).join(', ')}`
                : '') +
            (cleanup.error ? `; stopped: ${(0,src/* markdownCell */.UZ)(cleanup.error)}` : ''));
    }
    parts.push(...timelineMarkdown(result));
    const verified = result.plan ? [] : (result.verify?.findings ?? []);
    if (verified.length > 0) {
        parts.push('', '#### Verify findings', '', ...verified.map((finding) => `- ${(0,src/* markdownText */.p7)(finding)}`));
    }
    const findings = result.plan ? [] : (result.preflight?.findings ?? []);
    if (findings.length > 0) {
        parts.push('', '#### Preflight findings', '', ...findings.map((finding) => `- ${(0,src/* markdownText */.p7)(finding)}`));
    }
    if (result.stoppedTasks.length > 0) {
        parts.push('', '#### Stopped tasks', '', (0,src/* markdownTable */.Qj)(['Task', 'Stop code', 'Reason', 'Containers'], result.stoppedTasks.map((task) => [
            (0,src/* markdownCode */.D9)(task.taskId),
            task.stopCode ?? '',
            (0,src/* markdownCell */.UZ)(task.stoppedReason ?? ''),
            (0,src/* markdownCell */.UZ)(task.containers
                .map((c) => `${c.name}: exit ${c.exitCode ?? 'none'}${c.reason ? ` (${c.reason})` : ''}`)
                .join('\n')),
        ])));
        const logs = (0,ecs/* containerLogsMarkdown */.WJ)(result.stoppedTasks);
        if (logs.length > 0)
            parts.push('', '#### Last log lines', '', ...logs);
    }
    return parts.join('\n');
}
/** How long the step took, beside the least time the preflight predicted for the rollout. */
function durationCell(result) {
    const took = (0,src/* formatDuration */.a3)(Math.round(result.durationMs / 1000) * 1000);
    const predicted = result.preflight?.predictedMs;
    return predicted === undefined ? took : `${took} (predicted at least ${(0,src/* formatDuration */.a3)(predicted)})`;
}


/***/ }),

/***/ 247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__.K9),
/* harmony export */   P5: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__.P5)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9530);
// The rendered task definition (reading, comparing, naming) lives in core, shared with ecs-run-task.



/***/ }),

/***/ 7470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ PHASES),
/* harmony export */   l: () => (/* binding */ RolloutTimeline)
/* harmony export */ });
/** The step's phases, as deploy.ts starts them. */
const PHASES = {
    check: 'Check the service',
    preflight: 'Preflight',
    register: 'Register',
    update: 'Update the service',
    continue: 'Continue the paused deployment',
    rollout: 'Roll out',
    rollback: 'Roll back and report',
};
/** How many of each kind are kept: the first ones and the newest, so a rollout of hours still fits. */
const MAX_DEPLOYMENTS = 12;
const MAX_STAGES = 60;
const MAX_STATES = 12;
class RolloutTimeline {
    now;
    startMs;
    phases = [];
    deployments = new Map();
    stages = [];
    stageKey;
    lifecycleEvents = new Map();
    /** Deployments seen with tasks still to start. */
    notAllRunning = new Set();
    constructor(now, startMs) {
        this.now = now;
        this.startMs = startMs;
        this.phases.push({ label: PHASES.check, startMs });
    }
    /** The step moves on to `label`: the phase before it ends now. */
    phase(label, failed = false) {
        const at = this.now();
        const last = this.phases.at(-1);
        if (last && last.endMs === undefined)
            last.endMs = at;
        this.phases.push({ label, startMs: at, ...(failed ? { failed } : {}) });
    }
    /** A DescribeServices answer: each deployment's state and counts, and which ones have left. */
    observeService(service) {
        const at = this.now();
        const present = new Set();
        for (const deployment of service.deployments ?? []) {
            if (!deployment.id)
                continue;
            present.add(deployment.id);
            let track = this.deployments.get(deployment.id);
            if (!track) {
                if (this.deployments.size >= MAX_DEPLOYMENTS)
                    continue;
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
            const allRunning = desired > 0 && (deployment.runningCount ?? 0) >= desired && (deployment.pendingCount ?? 0) === 0;
            // When its tasks came up during the step; one all running from the first look (the one before) has no such time.
            if (!allRunning)
                this.notAllRunning.add(deployment.id);
            else if (track.allRunningMs === undefined && this.notAllRunning.has(deployment.id))
                track.allRunningMs = at;
        }
        for (const track of this.deployments.values()) {
            if (!present.has(track.id) && track.goneMs === undefined)
                track.goneMs = at;
        }
    }
    /** A DescribeServiceDeployments answer (native staged strategies): a new span per stage, status or traffic. */
    observeServiceDeployment(deployment) {
        const stage = deployment.lifecycleStage ?? '?';
        const status = deployment.status ?? '?';
        const weight = deployment.targetServiceRevision?.requestedProductionTrafficWeight;
        const label = `${stage} (${status})${weight !== undefined ? `, new revision ${weight}% traffic` : ''}`;
        if (label === this.stageKey)
            return;
        this.stageKey = label;
        const at = this.now();
        const last = this.stages.at(-1);
        if (last && last.endMs === undefined)
            last.endMs = at;
        const failed = /ROLLBACK|FAILED|STOPPED/.test(status);
        keepNewest(this.stages, { label, startMs: at, ...(failed ? { failed } : {}) }, MAX_STAGES);
    }
    /** A CodeDeploy target's lifecycle events, with the start and end times CodeDeploy gives them. */
    observeCodeDeploy(events) {
        for (const event of events ?? []) {
            const name = event.lifecycleEventName;
            if (!name || !event.startTime)
                continue;
            const span = {
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
    snapshot(endMs, events) {
        const close = (span) => ({ ...span, endMs: span.endMs ?? endMs });
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
function keepNewest(list, item, limit) {
    list.push(item);
    if (list.length > limit)
        list.splice(Math.floor(limit / 2), 1);
}
/** A service event that tells of trouble: drawn red. */
function looksFailed(message) {
    return /fail|unhealthy|circuit breaker|rolling back|rolled back|unable|error|exceeded/i.test(message ?? '');
}


/***/ })

};
