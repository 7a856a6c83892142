export const id = 477;
export const ids = [477];
export const modules = {

/***/ 8477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ON_PAUSE_MODES: () => (/* reexport */ ON_PAUSE_MODES),
  continueDeployment: () => (/* reexport */ continueDeployment),
  pauseOutputs: () => (/* reexport */ pauseOutputs),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown)
});

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/pause/outputs.ts
function pauseOutputs(result) {
    const { pause } = result;
    return {
        'service-deployment-arn': result.serviceDeploymentArn ?? pause?.serviceDeploymentArn,
        'pause-hook-id': pause?.hookId,
        'pause-stage': pause?.stage,
        'pause-expires-at': pause?.expiresAt?.toISOString(),
        'pause-timeout-action': pause?.timeoutAction,
    };
}

// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 7 modules
var src_ecs = __webpack_require__(9403);
;// CONCATENATED MODULE: ../ecs-deploy-wait/src/aws-errors.ts
// The ECS call errors live in core (shared with ecs-run-task); the phases of a deploy import them from here.




/** A write whose outcome is unknown: cancelled, not answered in time, or still failing after the retries. */
function isUnanswered(error) {
    return (0,src_ecs/* isAbort */.rV)(error) || error instanceof src_ecs/* NoAnswerError */.i5 || error instanceof src_ecs/* AwsRetriesExhaustedError */.B1;
}
/** The same error, its message followed by what this step had already done. */
function withWhatWasDone(error, done) {
    if (error instanceof AwsCallError)
        return new AwsCallError(`${error.message} ${done}`, error.code, error.operation);
    if (error instanceof ConfigurationError)
        return new ConfigurationError(`${error.message} ${done}`);
    const wrapped = new Error(`${errorMessage(error)} ${done}`);
    if (error instanceof Error && error.stack)
        wrapped.stack = `${wrapped.message}\n${error.stack}`;
    return wrapped;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/pause/modes.ts
/** on-pause's values (read with the inputs, before the AWS SDK loads: no SDK import here). */
const ON_PAUSE_MODES = ['return', 'wait', 'continue'];

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/pause/watch-pauses.ts
/**
 * PAUSE lifecycle hooks (ECS, since 2026-05): a deployment paused at a stage is not a slow one. While following a
 * service deployment, each poll looks for a PAUSE hook AWAITING_ACTION, prints its stage, hookId, expiry and timeout
 * action once, and does what `on-pause` says: `return` ends the wait with the pause, `continue` continues it at once
 * (ContinueServiceDeployment), `wait` keeps waiting for someone else to continue it (within `timeout`). When the
 * step's time runs out during a pause, it does not roll back: ECS takes the pause's own timeout action.
 */





/** The PAUSE hooks AWAITING_ACTION of a service deployment that goes forward (IN_PROGRESS). */
function awaitingPauses(deployment) {
    if (deployment.status !== 'IN_PROGRESS')
        return [];
    return (deployment.lifecycleHookDetails ?? [])
        .filter((hook) => hook.targetType === 'PAUSE' && hook.status === 'AWAITING_ACTION' && hook.hookId)
        .map((hook) => pauseOf(deployment, hook));
}
function pauseOf(deployment, hook) {
    return {
        serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
        hookId: hook.hookId ?? '',
        stage: deployment.lifecycleStage ?? '?',
        ...(hook.expiresAt ? { expiresAt: hook.expiresAt } : {}),
        ...(hook.timeoutAction ? { timeoutAction: hook.timeoutAction } : {}),
    };
}
/** "paused at stage POST_TEST_TRAFFIC_SHIFT (lifecycle hook ecs-pause-…), until 2026-…Z, then ECS will ROLLBACK" */
function describePause(pause) {
    const until = pause.expiresAt ? `, until ${pause.expiresAt.toISOString()}` : '';
    const then = pause.timeoutAction ? `, then ECS will ${pause.timeoutAction} (the hook's timeout action)` : '';
    return `paused at stage ${pause.stage} (lifecycle hook ${pause.hookId} AWAITING_ACTION${until}${then})`;
}
/** Whether the service's deployment configuration has PAUSE hooks (a rolling follower then reads the deployment). */
function hasPauseHooks(service) {
    return (service?.deploymentConfiguration?.lifecycleHooks ?? []).some((hook) => hook.targetType === 'PAUSE');
}
/** What each follower asks on every poll of its service deployment (session.pauses). */
class PauseWatch {
    session;
    mode;
    printed = new Set();
    continued = new Set();
    /** The pause the deployment waits at now (on-pause: wait), for the account when the time runs out. */
    current;
    constructor(session, mode) {
        this.session = session;
        this.mode = mode;
    }
    /** The pause that ends the wait (on-pause: return), or undefined to keep following. */
    async judge(deployment) {
        const [pause] = awaitingPauses(deployment);
        this.current = pause;
        if (!pause)
            return undefined;
        const { log } = this.session;
        if (!this.printed.has(pause.hookId)) {
            this.printed.add(pause.hookId);
            log.info(`[${this.session.elapsed()}] service deployment ${pause.serviceDeploymentArn} ${describePause(pause)}`);
            if (this.mode === 'wait') {
                log.info(`on-pause: wait: waiting for someone to continue or roll it back (ecs-deploy-continue, the console, or aws ecs continue-service-deployment --hook-id ${pause.hookId}).`);
            }
        }
        if (this.mode === 'return')
            return pause;
        if (this.mode === 'continue' && !this.continued.has(pause.hookId)) {
            this.continued.add(pause.hookId);
            await continueNow(this.session, pause);
        }
        return undefined;
    }
    /** Why the step does not roll back when its time ran out during a pause, or undefined when not paused. */
    noRollbackWhilePaused() {
        const pause = this.current;
        if (!pause)
            return undefined;
        return `No rollback: the deployment is ${describePause(pause)}; ECS keeps it paused until someone continues it or the pause expires, and this step leaves that to the service's own pause configuration.`;
    }
}
/** on-pause: continue: ContinueServiceDeployment CONTINUE for the pause, at once. */
async function continueNow(session, pause) {
    session.log.info(`on-pause: continue: continuing service deployment ${pause.serviceDeploymentArn} (hook ${pause.hookId})`);
    try {
        await session.call('ContinueServiceDeployment', (o) => session.deps.ecs.send(new dist_cjs.ContinueServiceDeploymentCommand({
            serviceDeploymentArn: pause.serviceDeploymentArn,
            hookId: pause.hookId,
            action: 'CONTINUE',
        }), o));
    }
    catch (error) {
        // Refused (denied, throttled past retries): the step cannot do what on-pause asks.
        if (!isInvalidParameter(error))
            throw error;
        // Someone else acted on it first (it is no longer AWAITING_ACTION): the next poll shows what they chose.
        session.log.warning(`ContinueServiceDeployment for hook ${pause.hookId} failed: ${(0,src/* errorMessage */.gJ)(error)}`);
    }
}
/** ECS refused the request's parameters (ContinueServiceDeployment: the hook is no longer AWAITING_ACTION). */
function isInvalidParameter(error) {
    const code = error instanceof src_ecs/* AwsCallError */.iQ ? error.code : (0,src_ecs/* errorCode */.CA)(error);
    return code === 'InvalidParameterException';
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/taskdef.ts
// The rendered task definition (reading, comparing, naming) lives in core, shared with ecs-run-task.


;// CONCATENATED MODULE: ../ecs-deploy-wait/src/timeline/record.ts
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

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/timeline/render.ts
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
    const rollout = timeline.phases.find((phase) => phase.label === PHASES.rollout);
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
    const revision = track.taskDefinitionArn ? ` ${(0,src_ecs/* shortTaskDefinition */.P5)(track.taskDefinitionArn)}` : '';
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

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/summary.ts




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
    const version = result.images.map((image) => (0,src_ecs/* imageVersion */.K9)(image)).find((v) => v !== undefined);
    const rows = [
        ['Service', (0,src/* markdownCode */.D9)(`${result.cluster}/${result.service}`)],
        ['Version', version ? (0,src/* markdownCode */.D9)(version) : '(no tag)'],
        ['Image', result.images.map((image) => (0,src/* markdownCode */.D9)(image)).join('<br>') || '(unknown)'],
        [
            'Task definition',
            result.taskDefinitionArn ? (0,src/* markdownCode */.D9)((0,src_ecs/* shortTaskDefinition */.P5)(result.taskDefinitionArn)) : '(not registered)',
        ],
        [
            'Previous task definition',
            result.previousTaskDefinitionArn ? (0,src/* markdownCode */.D9)((0,src_ecs/* shortTaskDefinition */.P5)(result.previousTaskDefinitionArn)) : '(none)',
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
            (0,src/* markdownCell */.UZ)(`${ROLLED_BACK_BY[result.rollback.by]}${result.rollback.method ? ` (by ${result.rollback.method})` : ''} to ${(0,src_ecs/* shortTaskDefinition */.P5)(result.rollback.taskDefinitionArn)}: ${result.rollback.steady ? 'steady' : 'not steady'}`),
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
        const names = (arns) => arns.map((arn) => (0,src/* markdownCode */.D9)((0,src_ecs/* shortTaskDefinition */.P5)(arn))).join(', ') || 'none';
        parts.push('', `Revisions deregistered (keep-revisions): ${names(cleanup.deregistered)}` +
            (cleanup.kept.length > 0
                ? `; kept ${cleanup.kept.map((k) => `${(0,src/* markdownCode */.D9)((0,src_ecs/* shortTaskDefinition */.P5)(k.arn))} (${(0,src/* markdownCell */.UZ)(k.why)})`).join(', ')}`
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
        const logs = (0,src_ecs/* containerLogsMarkdown */.WJ)(result.stoppedTasks);
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

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/app-logs.ts




/**
 * The container definitions of the task definition our tasks ran: the rendered file's when we registered it, else
 * DescribeTaskDefinition (the ecs:DescribeTaskDefinition the task-definition-arn input already needs).
 */
async function containerDefinitions(session, taskDefinitionArn, limits) {
    const source = session.inputs.taskDefinition;
    if (source.kind === 'file')
        return source.rendered.request.containerDefinitions ?? [];
    const described = await session.bounded('DescribeTaskDefinition', (o) => session.deps.ecs.send(new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }), o), limits);
    return described.taskDefinition?.containerDefinitions ?? [];
}
/**
 * Adds to each stopped task the last lines of its awslogs containers, or a note saying why they are not shown.
 * A group whose reading was denied, or that did not answer, is not asked again; its note is given once. Each read
 * takes its share of the report's budget.
 */
async function attachAppLogs(session, tasks, taskDefinitionArn, budget) {
    const logsClient = session.deps.logs;
    if (!logsClient || tasks.length === 0)
        return;
    let configs;
    try {
        configs = (0,src_ecs/* awslogsConfigs */.AB)(await containerDefinitions(session, taskDefinitionArn, budget.read()), session.deps.region);
    }
    catch (error) {
        if (session.cancelled)
            throw error;
        session.log.info(`(The task definition could not be read for its log configuration: ${(0,src/* errorMessage */.gJ)(error)})`);
        budget.missed('the app log lines (the task definition for their log configuration)', error);
        return;
    }
    if (configs.length === 0)
        return;
    /** Groups not to ask again: denied, or out of time. */
    const given = new Set();
    /** Tasks of a crash loop log the same lines: each container's lines by the first task that showed them. */
    const seen = new Map();
    for (const task of tasks) {
        const shown = [];
        for (const config of configs) {
            const key = `${config.region} ${config.group}`;
            if (given.has(key))
                continue;
            const stream = (0,src_ecs/* logStreamOf */.aM)(config, task.taskId);
            if (stream === undefined) {
                shown.push({ container: config.container, group: config.group, note: (0,src_ecs/* noPrefixNote */.oO)(config) });
                continue;
            }
            try {
                const client = await logsClient(config.region);
                const withinMs = budget.read().withinMs ?? 0;
                const lines = await (0,src_ecs/* lastLogLines */.EP)(client, { group: config.group, stream, count: src_ecs/* LOG_LINES_SHOWN */.Vp }, { withinMs, ...(session.deps.signal ? { signal: session.deps.signal } : {}) });
                const same = `${config.container}\n${lines.join('\n')}`;
                const first = lines.length > 0 ? seen.get(same) : undefined;
                if (first === undefined)
                    seen.set(same, task.taskId);
                shown.push({
                    container: config.container,
                    group: config.group,
                    stream,
                    lines,
                    ...(first !== undefined ? { sameAs: first } : {}),
                });
            }
            catch (error) {
                if (session.cancelled)
                    throw error;
                const problem = (0,src_ecs/* logsReadProblem */.FO)(error, config, stream);
                if (problem.wholeGroup)
                    given.add(key);
                // Out of time or failing: a read the report is missing (a denial or a missing group is named above).
                if (error instanceof src_ecs/* NoAnswerError */.i5 || (0,src_ecs/* isTransient */.dg)(error)) {
                    budget.missed(`the app log lines of log group ${config.group}`, error);
                }
                shown.push({ container: config.container, group: config.group, stream, note: problem.note });
            }
        }
        if (shown.length > 0)
            task.logs = shown;
    }
}
/** The log's lines for one stopped task's containers. */
function formatAppLogs(task) {
    return (0,src_ecs/* formatContainerLogs */.ml)(task.logs ?? []);
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/explain-failure.ts
/**
 * After our deployment failed, timed out or was replaced: the stopped tasks of our deployment (with the last log lines
 * of their awslogs containers), the service events
 * since the update, and the service deployment detail (circuit breaker, rollback), where the API answers. Each
 * piece is best effort: a failure to read it is a note, not the error of the step. Every read takes its share of the
 * report's own budget (wrap-up.ts), which the rollback never shares; the report ends naming the reads it went
 * without.
 */




const STOPPED_TASKS_SHOWN = 10;
/**
 * Prints the stopped tasks of our deployment, the service events and the service deployment detail, then which
 * reads are missing, if any.
 */
async function reportFailure(session, target, budget) {
    const { log } = session;
    const stopped = await stoppedTasks(session, target.id, budget);
    await attachAppLogs(session, stopped, target.taskDefinitionArn, budget);
    const what = target.kind ?? 'deployment';
    log.startGroup(`Stopped tasks of ${what} ${target.id} (${stopped.length})`);
    if (stopped.length === 0)
        log.info(`No stopped tasks were found for this ${what}.`);
    for (const task of stopped)
        for (const line of [...formatStoppedTask(task), ...formatAppLogs(task)])
            log.info(line);
    log.endGroup();
    log.startGroup(`Service events since the update (${session.newEvents.length})`);
    for (const event of session.newEvents)
        log.info(`${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
    if (session.newEvents.length === 0)
        log.info('ECS reported no events.');
    log.endGroup();
    await serviceDeploymentDetail(session, target, budget);
    printIncompleteReport(session, budget);
    return stopped;
}
/** The reads the report went without, in one warning; nothing when it is complete. */
function printIncompleteReport(session, budget) {
    const note = budget.incompleteNote();
    if (note)
        session.log.warning(note);
}
async function stoppedTasks(session, deploymentId, budget) {
    const { cluster } = session.inputs;
    const { ecs } = session.deps;
    try {
        const listed = await session.call('ListTasks', (o) => ecs.send(new dist_cjs.ListTasksCommand({ cluster, startedBy: deploymentId, desiredStatus: 'STOPPED', maxResults: 100 }), o), budget.read());
        const arns = listed.taskArns ?? [];
        if (arns.length === 0)
            return [];
        const described = await session.call('DescribeTasks', (o) => ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: arns }), o), budget.read());
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
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        session.log.warning(`Could not list the stopped tasks: ${(0,src/* errorMessage */.gJ)(error)}`);
        budget.missed('the stopped tasks', error);
        return [];
    }
}
/**
 * DescribeServiceDeployments of our service deployment, where the API answers: its ARN is the service's
 * currentServiceDeployment right after our update, else the one ListServiceDeployments shows created closest to
 * our deployment.
 */
async function serviceDeploymentDetail(session, target, budget) {
    const { cluster, service } = session.inputs;
    const { ecs } = session.deps;
    try {
        let arn = target.serviceDeploymentArn;
        if (!arn) {
            const listed = await session.bounded('ListServiceDeployments', (o) => ecs.send(new dist_cjs.ListServiceDeploymentsCommand({
                cluster,
                service,
                createdAt: { after: new Date(session.started - 60_000) },
            }), o), budget.read());
            const created = target.createdAt?.getTime();
            const distance = (at) => at && created !== undefined ? Math.abs(at.getTime() - created) : Number.POSITIVE_INFINITY;
            const briefs = [...(listed.serviceDeployments ?? [])].sort((a, b) => distance(a.createdAt) - distance(b.createdAt));
            const closest = briefs[0];
            if (closest && (distance(closest.createdAt) <= 60_000 || briefs.length === 1)) {
                arn = closest.serviceDeploymentArn;
            }
        }
        if (!arn)
            return;
        const serviceDeploymentArn = arn;
        const described = await session.bounded('DescribeServiceDeployments', (o) => ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }), o), budget.read());
        const d = described.serviceDeployments?.[0];
        if (!d)
            return;
        const parts = [`service deployment ${d.serviceDeploymentArn}: ${d.status ?? '?'}`];
        if (d.statusReason)
            parts.push(`reason: ${d.statusReason}`);
        if (d.deploymentCircuitBreaker) {
            const b = d.deploymentCircuitBreaker;
            parts.push(`circuit breaker ${b.status ?? '?'} (${b.failureCount ?? 0} of ${b.threshold ?? '?'} failed tasks)`);
        }
        if (d.rollback)
            parts.push(`rollback: ${d.rollback.reason ?? ''} → ${d.rollback.serviceRevisionArn ?? '?'}`);
        if (d.alarms && d.alarms.status !== 'DISABLED') {
            const triggered = d.alarms.triggeredAlarmNames ?? [];
            parts.push(`alarms ${d.alarms.status ?? '?'}${triggered.length > 0 ? ` (in ALARM: ${triggered.join(', ')})` : ''}`);
        }
        const hooks = (d.lifecycleHookDetails ?? []).filter((hook) => hook.status !== 'SUCCEEDED');
        for (const hook of hooks)
            parts.push(`lifecycle hook ${hook.targetArn ?? hook.hookId ?? '?'}: ${hook.status ?? '?'}`);
        session.log.info(parts.join('; '));
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        if ((0,src_ecs/* isUnavailable */.Pd)(error) || (0,src_ecs/* isTransient */.dg)(error)) {
            session.log.info(`(Service deployment detail is not available here: ${(0,src_ecs/* errorCode */.CA)(error)})`);
            if ((0,src_ecs/* isTransient */.dg)(error))
                budget.missed('the service deployment detail', error);
            return;
        }
        session.log.info(`(Service deployment detail could not be read: ${(0,src/* errorMessage */.gJ)(error)})`);
        budget.missed('the service deployment detail', error);
    }
}
function formatStoppedTask(task) {
    const head = [`task ${task.taskId}`];
    if (task.stopCode)
        head.push(task.stopCode);
    if (task.healthStatus && task.healthStatus !== 'UNKNOWN')
        head.push(`health ${task.healthStatus}`);
    const lines = [`${head.join(' ')}: ${task.stoppedReason ?? 'no reason given'}`];
    for (const c of task.containers) {
        const parts = [`exit code ${c.exitCode ?? 'none'}`];
        // Fargate often repeats the task's stopped reason on the container: print it once.
        if (c.reason && c.reason !== task.stoppedReason)
            parts.push(c.reason);
        if (c.healthStatus && c.healthStatus !== 'UNKNOWN')
            parts.push(`health ${c.healthStatus}`);
        lines.push(`  container ${c.name}: ${parts.join(', ')}`);
    }
    return lines;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/wrap-up.ts
/**
 * The time a deploy may take after its wait ended without success, in two budgets that never share time: first the
 * rollback decision (fresh reads that confirm our deployment is still the current one, then the rollback request),
 * then the failure report (stopped tasks, app log lines, service events, service deployment detail). A slow or hung
 * report read can only shorten the report, never the rollback; a read that missed the wait's deadline never decides
 * the rollback, because the decision reads again.
 */



/** The defaults the README documents (section "Bounded, also when AWS does not answer"). */
const WRAP_UP_BUDGETS = {
    decisionMs: 10_000,
    decisionReadMs: src_ecs/* CHECK_TIMEOUT_MS */.mw,
    reportMs: 15_000,
    reportReadMs: src_ecs/* CHECK_TIMEOUT_MS */.mw,
};
const decided = (result) => ({ kind: 'decided', result });
/** The rollback's end: the decision's result, or the rollback followed to its end. */
function finishRollback(start) {
    return start.kind === 'decided' ? Promise.resolve(start.result) : start.follow();
}
/** A deadline several reads share, each read also bounded by its own share. */
class Budget {
    perReadMs;
    deadline;
    constructor(totalMs, perReadMs) {
        this.perReadMs = perReadMs;
        this.deadline = Date.now() + totalMs;
    }
    /** The limits of the next read: its own share, never past the budget's end. */
    read() {
        return { withinMs: Math.min(this.perReadMs, this.leftMs) };
    }
    /** The limits of the write after the reads (the rollback request): a share of its own, however little is left. */
    write() {
        return { withinMs: this.perReadMs };
    }
    get leftMs() {
        return Math.max(0, this.deadline - Date.now());
    }
}
function decisionBudget(session) {
    const b = session.wrapUpBudgets;
    return new Budget(b.decisionMs, b.decisionReadMs);
}
/** The failure report's budget; the reads it could not make are kept, and named at the end of the report. */
class ReportBudget extends Budget {
    missing = [];
    constructor(session) {
        const b = session.wrapUpBudgets;
        super(b.reportMs, b.reportReadMs);
    }
    /** Notes a read the report goes without: what it would have shown, and why (an error, or a note) it is not there. */
    missed(what, why) {
        this.missing.push(`${what} (${typeof why === 'string' ? why : (0,src/* errorMessage */.gJ)(why)})`);
    }
    /** One line naming every read that is missing, or undefined when the report is complete. */
    incompleteNote() {
        if (this.missing.length === 0)
            return undefined;
        return `The failure report above is incomplete: ${this.missing.join('; ')}.`;
    }
}
/** How many times one read of the decision is made at most (the budget's time usually ends it first). */
const MAX_DECISION_READS = 5;
/**
 * A read of the rollback decision: made now (never an answer the wait already had), tried again after a read that
 * did not answer in its share or failed transiently, while the decision's budget lasts. The last error is thrown
 * (its message names the call that did not answer).
 */
async function freshRead(session, budget, read) {
    for (let attempt = 1;; attempt++) {
        try {
            return await read(budget.read());
        }
        catch (error) {
            if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
                throw error;
            const again = error instanceof src_ecs/* NoAnswerError */.i5 || (0,src_ecs/* isTransient */.dg)(error);
            if (!again || budget.leftMs <= 0 || attempt >= MAX_DECISION_READS)
                throw error;
            // A transient error answered at once: a short pause before the next try, within the budget.
            if (!(error instanceof src_ecs/* NoAnswerError */.i5))
                await session.deps.sleep(Math.min(1000, budget.leftMs), session.deps.signal);
        }
    }
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/session.ts
/**
 * What the phases of one deploy share: the inputs and injected clients, the step's start, the events and
 * progress lines already printed, the last service state seen, and the one way to call ECS (core's EcsCallSession:
 * errors explained, each call bounded by the cancel signal and, where given, a time limit).
 */






class DeploySession extends src_ecs/* EcsCallSession */.IW {
    inputs;
    started;
    seenEvents = new Set();
    lastLines = new Map();
    newEvents = [];
    /** Deployments seen FAILED by the circuit breaker: one that then leaves the list was rolled back by ECS. */
    breakerFailed = new Set();
    lastService;
    current;
    /** PAUSE hooks: what each poll of a service deployment does about a pause (pause/watch-pauses.ts). */
    pauses;
    /** Deployments ECS rolled back itself (their service deployment shows it): a replacement is that rollback. */
    rolledBackByEcs = new Set();
    wrapUpBudgets;
    /** What the step observed, with when: the summary's rollout timeline. */
    timeline;
    constructor(inputs, deps) {
        super(deps, () => ({ cluster: inputs.cluster, service: inputs.service }));
        this.inputs = inputs;
        this.started = deps.clock.now();
        this.wrapUpBudgets = { ...WRAP_UP_BUDGETS, ...deps.wrapUp };
        this.timeline = new RolloutTimeline(() => deps.clock.now(), this.started);
        this.pauses = new PauseWatch(this, inputs.onPause);
    }
    elapsed() {
        const seconds = Math.max(0, Math.round((this.deps.clock.now() - this.started) / 1000));
        return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    }
    /** The service's events not seen before, oldest first, now marked seen and kept in newEvents. */
    takeNewEvents(service) {
        const fresh = (service.events ?? [])
            .filter((event) => event.id && !this.seenEvents.has(event.id))
            .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
        for (const event of fresh) {
            this.seenEvents.add(event.id ?? '');
            this.newEvents.push(event);
        }
        return fresh;
    }
    /** DescribeServices for our one service; a missing service is an error that names it. */
    async describeService(limits = {}) {
        const { cluster, service } = this.inputs;
        const response = await this.call('DescribeServices', (o) => this.deps.ecs.send(new dist_cjs.DescribeServicesCommand({ cluster, services: [service] }), o), limits);
        const found = response.services?.[0];
        if (!found || found.status === 'INACTIVE') {
            const reason = response.failures?.[0]?.reason ?? (found ? 'INACTIVE' : 'MISSING');
            throw new src_ecs/* AwsCallError */.iQ(`Service "${service}" was not found in cluster "${cluster}" in region ${this.deps.region} (DescribeServices: ${reason}). Check the service and cluster inputs and AWS_REGION; create the service before deploying to it.`, 'ServiceNotFoundException', 'DescribeServices');
        }
        this.timeline.observeService(found);
        return found;
    }
}
/** ECS's circuit-breaker threshold: half the desired count, at least 3 and at most 200. */
function failureThreshold(desiredCount) {
    return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}
function consoleUrl(region, cluster, service) {
    const name = (text) => encodeURIComponent(text.slice(text.lastIndexOf('/') + 1));
    return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${name(cluster)}/services/${name(service)}/deployments?region=${region}`;
}
const countsOf = (d) => `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;
function describeDeployment(d) {
    if (!d)
        return 'unknown';
    return `${d.rolloutState ?? d.status ?? 'UNKNOWN'}, ${countsOf(d)}`;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/follow/watch.ts
/**
 * The one watch loop every follower (rolling, native staged, CodeDeploy) shares: read the state every poll
 * interval until the judge says how it ended or the time is up. Transient API errors (after the SDK's own retries)
 * back off and are tolerated MAX_TRANSIENT_ERRORS polls in a row; every read is bounded by the deadline plus one
 * poll, so a call that never answers ends the wait as timed out, not as a hang.
 */


/** How many transient errors (after the SDK's own retries) in a row the wait tolerates. */
const MAX_TRANSIENT_ERRORS = 6;
const MAX_BACKOFF_MS = 60_000;
async function watch(session, w) {
    const { clock, sleep, signal } = session.deps;
    const { pollIntervalMs } = session.inputs;
    const deadline = clock.now() + w.timeoutMs;
    let transientErrors = 0;
    const result = await (0,src/* poll */.wt)({
        intervalMs: pollIntervalMs,
        timeoutMs: w.timeoutMs,
        clock,
        sleep,
        ...(signal ? { signal } : {}),
        check: async (attempt) => {
            let state;
            try {
                state =
                    attempt === 1 && w.known !== undefined
                        ? w.known
                        : await w.read({ withinMs: Math.max(0, deadline - clock.now()) + pollIntervalMs });
                transientErrors = 0;
            }
            catch (error) {
                if (error instanceof src_ecs/* NoAnswerError */.i5)
                    return w.timedOut(error.message);
                if (!(0,src_ecs/* isTransient */.dg)(error))
                    throw error;
                transientErrors++;
                if (transientErrors > MAX_TRANSIENT_ERRORS) {
                    const detail = error instanceof src_ecs/* AwsRetriesExhaustedError */.B1 ? error.detail : (0,src/* errorMessage */.gJ)(error);
                    throw new src_ecs/* AwsRetriesExhaustedError */.B1(`${w.operation} kept failing with ${(0,src_ecs/* errorCode */.CA)(error)} (${detail}) ${transientErrors} polls in a row, after the SDK's own retries.`, (0,src_ecs/* errorCode */.CA)(error), detail);
                }
                const backoff = Math.min(pollIntervalMs * 2 ** transientErrors, MAX_BACKOFF_MS, Math.max(0, deadline - clock.now()));
                session.log.warning(`[${session.elapsed()}] ${w.operation} failed with ${(0,src_ecs/* errorCode */.CA)(error)} (transient, ${transientErrors}/${MAX_TRANSIENT_ERRORS}); trying again in ${(0,src/* formatDuration */.a3)(backoff)}`);
                await sleep(backoff, signal);
                return undefined;
            }
            return w.judge(state);
        },
    });
    return result.status === 'done' ? result.value : w.timedOut();
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/follow/staged.ts
/**
 * The native staged follower (deployment controller ECS, deploymentConfiguration.strategy BLUE_GREEN, LINEAR or
 * CANARY): follows our service deployment with DescribeServiceDeployments through its lifecycle stages until it
 * ends (SUCCESSFUL, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED, STOPPED) or the time is up, printing each stage change,
 * the traffic weights, the lifecycle hooks' outcomes, the alarms' state and the service events. The least time a
 * strategy needs (bake times, linear steps, canary bake) is computed here from the service's configuration.
 */




/** The service's native staged strategy, or undefined for a rolling update (ROLLING or none). */
function stagedStrategyOf(service) {
    const strategy = service.deploymentConfiguration?.strategy;
    return strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY' ? strategy : undefined;
}
const MINUTE = 60_000;
/** LinearConfiguration and CanaryConfiguration defaults (ECS API reference). */
const LINEAR_DEFAULTS = { stepPercent: 10, stepBakeTimeInMinutes: 6 };
const CANARY_DEFAULTS = { canaryBakeTimeInMinutes: 10 };
/**
 * The least time a staged deployment of this configuration takes, before the tasks' own start-up: the waits ECS
 * keeps whatever happens (DeploymentConfiguration.bakeTimeInMinutes; LINEAR: stepBakeTimeInMinutes between its
 * traffic steps, not after the last; CANARY: canaryBakeTimeInMinutes), and how it adds up, in words.
 */
function staged_leastDuration(strategy, configuration) {
    const bakeMs = (configuration?.bakeTimeInMinutes ?? 0) * MINUTE;
    const bake = bakeMs > 0 ? `bake time ${formatDuration(bakeMs)}` : 'no bake time';
    if (strategy === 'LINEAR') {
        const step = configuration?.linearConfiguration?.stepPercent ?? LINEAR_DEFAULTS.stepPercent;
        const stepBakeMs = (configuration?.linearConfiguration?.stepBakeTimeInMinutes ?? LINEAR_DEFAULTS.stepBakeTimeInMinutes) * MINUTE;
        const shifts = Math.ceil(100 / step - 1e-9);
        const waitsMs = (shifts - 1) * stepBakeMs;
        return {
            ms: waitsMs + bakeMs,
            parts: `${shifts - 1} waits of ${formatDuration(stepBakeMs)} between ${shifts} traffic shifts of ${step}% + ${bake}`,
        };
    }
    if (strategy === 'CANARY') {
        const canaryMs = (configuration?.canaryConfiguration?.canaryBakeTimeInMinutes ?? CANARY_DEFAULTS.canaryBakeTimeInMinutes) * MINUTE;
        return { ms: canaryMs + bakeMs, parts: `canary bake time ${formatDuration(canaryMs)} + ${bake}` };
    }
    return { ms: bakeMs, parts: bake };
}
const ENDED = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED']);
/** Statuses of a service deployment still going forward (its lifecycle stage is its own progress). */
const FORWARD = new Set(['PENDING', 'IN_PROGRESS']);
/**
 * Polls DescribeServiceDeployments (and DescribeServices for the events) until the service deployment `arn` ends or
 * `timeoutMs` runs out. A rollback in progress (ECS's, or ours) is followed to its end.
 */
async function followStaged(session, arn, timeoutMs, label) {
    let last;
    let forwardStage;
    const printed = new Map();
    return watch(session, {
        operation: 'ecs:DescribeServiceDeployments',
        timeoutMs,
        read: async (limits) => {
            const [deployment, service] = await Promise.all([
                describeServiceDeployment(session, arn, limits),
                session.describeService(limits),
            ]);
            session.lastService = service;
            printNewEvents(session, service);
            return deployment;
        },
        judge: async (deployment) => {
            last = deployment;
            printChanges(session, deployment, label, printed);
            if (FORWARD.has(deployment.status ?? ''))
                forwardStage = deployment.lifecycleStage ?? forwardStage;
            const pause = label === 'rollback' ? undefined : await session.pauses.judge(deployment);
            if (pause)
                return { kind: 'paused', deployment, pause };
            if (deployment.status === 'SUCCESSFUL')
                return { kind: 'successful', deployment };
            if (ENDED.has(deployment.status ?? '')) {
                return { kind: 'ended', deployment, ...(forwardStage ? { failedAtStage: forwardStage } : {}) };
            }
            return undefined;
        },
        timedOut: (stalled) => ({
            kind: 'timed-out',
            ...(last ? { deployment: last } : {}),
            ...(stalled ? { stalled } : {}),
        }),
    });
}
async function describeServiceDeployment(session, arn, limits) {
    const answer = await session.call('DescribeServiceDeployments', (o) => session.deps.ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), o), limits);
    const found = answer.serviceDeployments?.[0];
    if (!found) {
        throw new Error(`DescribeServiceDeployments did not find service deployment ${arn} (${answer.failures?.[0]?.reason ?? 'no answer'})`);
    }
    session.timeline.observeServiceDeployment(found);
    return found;
}
/** One line per change: status (with ECS's reason), lifecycle stage and traffic, each hook's outcome, the alarms. */
function printChanges(session, d, label, printed) {
    const say = (key, line) => {
        if (printed.get(key) === line)
            return;
        printed.set(key, line);
        session.log.info(`[${session.elapsed()}] ${line}`);
    };
    const since = d.updatedAt ? ` (since ${d.updatedAt.toISOString()})` : '';
    say('stage', `service deployment (${label}) ${d.status ?? '?'} at stage ${d.lifecycleStage ?? '?'}${since}: ${trafficAndCounts(d)}` +
        (d.statusReason ? `; ${d.statusReason}` : ''));
    for (const hook of d.lifecycleHookDetails ?? []) {
        const name = hook.targetType === 'PAUSE' ? `PAUSE ${hook.hookId}` : (hook.targetArn ?? hook.hookId ?? '?');
        say(`hook ${hook.hookId}`, `lifecycle hook ${name}: ${hook.status ?? '?'}`);
    }
    if (d.alarms && d.alarms.status !== 'DISABLED') {
        const triggered = d.alarms.triggeredAlarmNames ?? [];
        say('alarms', `alarms ${d.alarms.status ?? '?'} (${(d.alarms.alarmNames ?? []).join(', ') || 'none'})` +
            (triggered.length > 0 ? `: in ALARM ${triggered.join(', ')}` : ''));
    }
}
/** "new revision 2/2 running, 25% production / 100% test traffic; old 2/2 running, 75% production". */
function trafficAndCounts(d) {
    const revision = (name, r) => {
        const weights = [
            r.requestedProductionTrafficWeight !== undefined ? `${r.requestedProductionTrafficWeight}% production` : '',
            r.requestedTestTrafficWeight !== undefined ? `${r.requestedTestTrafficWeight}% test` : '',
        ].filter(Boolean);
        return `${name} ${r.runningTaskCount ?? 0}/${r.requestedTaskCount ?? 0} running${weights.length > 0 ? `, ${weights.join(' / ')} traffic` : ''}`;
    };
    const parts = d.targetServiceRevision ? [revision('new revision', d.targetServiceRevision)] : [];
    for (const source of d.sourceServiceRevisions ?? [])
        parts.push(revision('old', source));
    return parts.join('; ') || 'no revision counts';
}
/** "ROLLBACK_SUCCESSFUL at stage BAKE_TIME, new revision 0/2 running, …" */
function describeServiceDeploymentState(d) {
    if (!d)
        return 'unknown';
    return `${d.status ?? '?'} at stage ${d.lifecycleStage ?? '?'}, ${trafficAndCounts(d)}`;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/follow/rolling.ts






/** Polls to wait for ECS's rollback deployment to appear after our deployment went FAILED with rollback on. */
const ROLLBACK_APPEAR_POLLS = 3;
/** ECS's words for its circuit breaker's rollback: the rollback deployment's reason, and the service event. */
const BREAKER_ROLLBACK_REASON = /circuit breaker: rolling back/i;
const BREAKER_REASON = /circuit breaker/i;
const ROLLBACK_EVENT = /\brolling back to deployment\b/i;
/**
 * Polls DescribeServices until the target deployment completes, fails, is replaced, or time runs out.
 * `known`: the service as an answer just received showed it (UpdateService's, or the last DescribeServices):
 * the first check reads it instead of calling DescribeServices again at once.
 */
async function follow(session, target, timeoutMs, known) {
    session.current = target;
    let failedPolls = 0;
    // A service with PAUSE hooks: each poll also reads our service deployment, to see a pause (and ECS's rollback).
    const arn = target.label === 'ours' && hasPauseHooks(known ?? session.lastService) ? target.serviceDeploymentArn : '';
    let serviceDeployment;
    return watch(session, {
        operation: 'ecs:DescribeServices',
        timeoutMs,
        ...(known ? { known } : {}),
        read: async (limits) => {
            if (!arn)
                return session.describeService(limits);
            const [service, deployment] = await Promise.all([
                session.describeService(limits),
                describeServiceDeployment(session, arn, limits),
            ]);
            serviceDeployment = deployment;
            return service;
        },
        judge: async (service) => {
            session.lastService = service;
            printProgress(session, service, target);
            if (serviceDeployment) {
                if (serviceDeployment.status?.startsWith('ROLLBACK_'))
                    session.rolledBackByEcs.add(target.id);
                const pause = await session.pauses.judge(serviceDeployment);
                if (pause)
                    return { kind: 'paused', pause, ...lastSeen(session, target) };
            }
            const outcome = evaluate(session, service, target);
            if (outcome?.kind === 'failed' && outcome.deployment?.rolloutState === 'FAILED') {
                // With the breaker's rollback on, ECS starts the rollback deployment right after marking ours FAILED.
                const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
                if (breaker?.enable && breaker.rollback && failedPolls++ < ROLLBACK_APPEAR_POLLS)
                    return undefined;
            }
            return outcome;
        },
        timedOut: (stalled) => ({ kind: 'timed-out', ...(stalled ? { stalled } : {}), ...lastSeen(session, target) }),
    });
}
function lastSeen(session, target) {
    const deployment = session.lastService?.deployments?.find((d) => d.id === target.id);
    return deployment ? { deployment } : {};
}
function evaluate(session, service, target) {
    const deployments = service.deployments ?? [];
    const ours = deployments.find((d) => d.id === target.id);
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
    if (ours?.id && ours.rolloutState === 'FAILED' && BREAKER_REASON.test(ours.rolloutStateReason ?? '')) {
        session.breakerFailed.add(ours.id);
    }
    if (ours && ours.status === 'PRIMARY') {
        if (ours.rolloutState === 'COMPLETED') {
            if (ours.taskDefinition === target.taskDefinitionArn)
                return { kind: 'completed', deployment: ours };
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
        if (ours.rolloutState === undefined &&
            deployments.length === 1 &&
            ours.runningCount === ours.desiredCount &&
            (ours.pendingCount ?? 0) === 0 &&
            ours.taskDefinition === target.taskDefinitionArn) {
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
    return {
        kind: 'replaced',
        ...(primary ? { by: primary } : {}),
        ecsRollback: session.rolledBackByEcs.has(target.id) ||
            Boolean(breaker?.enable && breaker.rollback && primary && isBreakerRollback(session, primary, target)),
        ...(ours ? { deployment: ours } : {}),
    };
}
/**
 * Whether the PRIMARY deployment that replaced ours is ECS's circuit-breaker rollback of it, not a deployment someone
 * else started (which replaces ours just the same, and may even run the same task definition). ECS says so itself:
 * the rollback deployment's rolloutStateReason "ECS deployment circuit breaker: rolling back to deploymentId …"
 * (until it completes), our deployment FAILED with a circuit-breaker reason (now or on an earlier poll), and the
 * event "rolling back to deployment …". A replacement has none of these.
 */
function isBreakerRollback(session, primary, target) {
    if (BREAKER_ROLLBACK_REASON.test(primary.rolloutStateReason ?? ''))
        return true;
    if (session.breakerFailed.has(target.id))
        return true;
    return session.newEvents.some((event) => ROLLBACK_EVENT.test(event.message ?? ''));
}
/** Prints each new service event once, oldest first (the rolling and the staged followers). */
function printNewEvents(session, service) {
    for (const event of session.takeNewEvents(service)) {
        session.log.info(`[${session.elapsed()}] event ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
    }
}
/** Prints one line per deployment whose counts or state changed, and each new service event once. */
function printProgress(session, service, target) {
    printNewEvents(session, service);
    for (const d of service.deployments ?? []) {
        const role = d.id === target.id ? ` (${target.label})` : '';
        const line = `deployment ${d.id} ${d.status}${role} ${(0,src_ecs/* shortTaskDefinition */.P5)(d.taskDefinition ?? '?')}: ${describeDeployment(d)}`;
        if (session.lastLines.get(d.id ?? '') === line)
            continue;
        session.lastLines.set(d.id ?? '', line);
        session.log.info(`[${session.elapsed()}] ${line}`);
    }
}
/** One sentence: how the wait for the target ended, when it did not complete. */
function describeOutcome(session, outcome, target) {
    const what = `Deployment ${target.id} of ${(0,src_ecs/* shortTaskDefinition */.P5)(target.taskDefinitionArn)}`;
    switch (outcome.kind) {
        case 'paused':
            return `${what} is ${describePause(outcome.pause)}.`;
        case 'failed':
            return `${what} failed: ${outcome.reason}.`;
        case 'timed-out':
            return `${what} did not complete within ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)} (timeout)${outcome.stalled ? ` (${outcome.stalled})` : ''}: the last state seen was ${describeDeployment(outcome.deployment)}.`;
        case 'replaced': {
            const by = outcome.by ? replacementName(outcome.by) : 'another deployment';
            const reason = outcome.deployment?.rolloutStateReason ? ` (${outcome.deployment.rolloutStateReason})` : '';
            const rolledBackBy = BREAKER_REASON.test(reason) || !session.rolledBackByEcs.has(target.id)
                ? "ECS's deployment circuit breaker"
                : 'ECS';
            return outcome.ecsRollback
                ? `${what} failed and ${rolledBackBy} rolled it back${reason}: ${by} replaced it.`
                : `${what} was superseded by ${by}, which this step did not start (another run or someone else updated the service).`;
        }
    }
}
/** "deployment ecs-svc/… of web:8" */
function replacementName(by) {
    return `deployment ${by.id} of ${(0,src_ecs/* shortTaskDefinition */.P5)(by.taskDefinition ?? '?')}`;
}
function describeFollowed(session, outcome) {
    switch (outcome.kind) {
        case 'completed':
            return describeDeployment(outcome.deployment);
        case 'failed':
            return outcome.reason;
        case 'timed-out':
            return `not steady within ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)} (${describeDeployment(outcome.deployment)})`;
        case 'replaced':
            return `replaced by deployment ${outcome.by?.id ?? '?'}`;
        case 'paused':
            return describePause(outcome.pause);
    }
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/rollback-follow.ts



/** What the method did, after "Rolled back to … and it is steady". */
const AFTER_STEADY = {
    'service-revision': ': the previous service revision, its settings included (StopServiceDeployment ROLLBACK)',
    'task-definition': '',
};
async function followOurRollback(session, rollback, known) {
    const { id, taskDefinitionArn: arn, method } = rollback;
    const preface = rollback.preface ? `${rollback.preface} ` : '';
    const report = (steady, text) => {
        const detail = `${preface}${text}`;
        return { note: detail, report: { by: 'action', method, taskDefinitionArn: arn, deploymentId: id, steady, detail } };
    };
    try {
        const followed = await follow(session, { id, taskDefinitionArn: arn, label: 'rollback' }, session.inputs.timeoutMs, known);
        return followed.kind === 'completed'
            ? report(true, `Rolled back to ${arn} (deployment ${id}) and it is steady${AFTER_STEADY[method]}.`)
            : report(false, `The rollback to ${arn} (deployment ${id}) also failed: ${describeFollowed(session, followed)}.`);
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        // The rollback deployment exists: a read that failed while following it says nothing of how it ends.
        return report(false, `The rollback to ${arn} (deployment ${id}) was started and ECS carries on with it, but this step could not follow it to its end: ${(0,src/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/rollback-stop.ts
/**
 * StopServiceDeployment with stopType ROLLBACK, applied once: ECS rolls the service deployment back to the previous
 * service revision (its task definition and its settings). Sent with the SDK's retries off: a stop that was not
 * answered, or answered throttled or 5xx, is looked at (DescribeServiceDeployments) before it is sent again. The
 * staged rollback (rollback-staged.ts) and the rolling one (rollback-revision.ts) both ask ECS through here.
 */



async function stopWithRollback(session, arn, budget) {
    for (let attempt = 1;; attempt++) {
        try {
            await session.call('StopServiceDeployment', (o) => session.deps.ecsSingleAttempt.send(new dist_cjs.StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }), o), budget.write());
            return { kind: 'rolling-back' };
        }
        catch (error) {
            if (session.cancelled || ((0,src_ecs/* isAbort */.rV)(error) && !isUnanswered(error))) {
                throw new src_ecs/* CancelledWriteError */.Ts('asking ECS to roll back (StopServiceDeployment)', `whether ECS started the rollback of service deployment ${arn} is unknown; look at it in the console`);
            }
            const unanswered = isUnanswered(error);
            if (!unanswered && (0,src_ecs/* errorCode */.CA)(error) !== 'ConflictException')
                return { kind: 'refused', error };
            // An unanswered stop may have landed (and a repeated one answers ConflictException): look before deciding.
            const now = await describeServiceDeployment(session, arn, budget.write()).catch(() => undefined);
            if (now?.status && ROLLING_BACK.has(now.status))
                return { kind: 'rolling-back' };
            if (unanswered && attempt < STOP_ATTEMPTS && (now === undefined || STILL_GOING.has(now.status ?? '')))
                continue;
            if (unanswered)
                return { kind: 'unanswered', error, attempts: attempt, now };
            return { kind: 'ended', now };
        }
    }
}
/** A stop that landed: ECS is rolling the service deployment back (or has). */
const ROLLING_BACK = new Set(['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
/** A service deployment an unanswered stop has not reached yet: asking again is safe (a repeat is refused). */
const STILL_GOING = new Set(['PENDING', 'IN_PROGRESS']);
/** StopServiceDeployment tries when it goes unanswered; each within the write's own share of the budget. */
const STOP_ATTEMPTS = 3;

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/rollback-revision.ts






async function rollBackRevision(session, target, serviceDeploymentArn, previousArn, budget) {
    const arn = serviceDeploymentArn;
    session.log.info(`Rolling back service deployment ${arn} to the previous service revision (StopServiceDeployment, stopType ROLLBACK)`);
    const answer = await stopWithRollback(session, arn, budget);
    if (answer.kind === 'refused')
        return { kind: 'refused', why: (0,src/* errorMessage */.gJ)(answer.error) };
    if (answer.kind === 'ended') {
        if (answer.now?.status === 'SUCCESSFUL') {
            return decided({ note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` });
        }
        return {
            kind: 'refused',
            why: `service deployment ${arn} cannot be stopped (${describeServiceDeploymentState(answer.now)})`,
        };
    }
    if (answer.kind === 'unanswered') {
        // It may still land: a second rollback by task definition now could make two. Say so instead. No method: no
        // rollback is known to have happened (rollback-method means "this step rolled back").
        const detail = `The rollback (StopServiceDeployment ROLLBACK) got no answer in ${answer.attempts} tries, and service deployment ${arn} shows no rollback (${describeServiceDeploymentState(answer.now)}): ${(0,src/* errorMessage */.gJ)(answer.error)}`;
        return decided({
            note: detail,
            report: { by: 'action', taskDefinitionArn: previousArn, steady: false, detail },
        });
    }
    const seen = await rollbackDeployment(session, target, budget);
    if (!seen.deployment?.id) {
        const why = seen.error
            ? `: ${(0,src/* errorMessage */.gJ)(seen.error)}`
            : ` within ${(0,src/* formatDuration */.a3)(session.wrapUpBudgets.decisionMs)}`;
        const detail = `ECS accepted the rollback of service deployment ${arn} to the previous service revision (StopServiceDeployment ROLLBACK) and carries on with it, but this step could not see its rollback deployment${why}.`;
        return decided({
            note: detail,
            report: { by: 'action', method: 'service-revision', taskDefinitionArn: previousArn, steady: false, detail },
        });
    }
    const { id, taskDefinition } = seen.deployment;
    session.log.info(`ECS is rolling back to the previous service revision: deployment ${id}; waiting up to ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)}`);
    const rollback = { id, taskDefinitionArn: taskDefinition ?? previousArn, method: 'service-revision' };
    return { kind: 'started', follow: () => followOurRollback(session, rollback, seen.service) };
}
/**
 * The deployment ECS started for the rollback: the PRIMARY that is not ours, read fresh (ECS may show it a moment
 * after the stop), within the decision's budget.
 */
async function rollbackDeployment(session, target, budget) {
    try {
        for (;;) {
            const service = await freshRead(session, budget, (limits) => session.describeService(limits));
            session.lastService = service;
            const deployment = service.deployments?.find((d) => d.status === 'PRIMARY' && d.id !== target.id);
            if (deployment?.id)
                return { deployment, service };
            if (budget.leftMs <= 0)
                return {};
            await session.deps.sleep(Math.min(session.inputs.pollIntervalMs, budget.leftMs), session.deps.signal);
        }
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return { error };
    }
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/landed-update.ts
/**
 * Whether an UpdateService whose answer was lost started our deployment, in whatever state it is now: still listed
 * by DescribeServices (PRIMARY, or ACTIVE once ECS rolls it back), or already gone from the service and known only
 * as a service deployment (ListServiceDeployments since the write, every status, matched by the task definition of
 * its target service revision, DescribeServiceRevisions). Undefined only when it certainly did not land.
 */



/** How far the runner's clock may be ahead of AWS's: deployments created this long before the write count. */
const CLOCK_SKEW_MS = 60_000;
/** DescribeServiceRevisions takes up to 20 ARNs. */
const REVISIONS_PER_CALL = 20;
async function findOurUpdate(session, asked, since, limits) {
    const service = await session.describeService(limits);
    session.lastService = service;
    const after = Math.max(since - CLOCK_SKEW_MS, asked.createdAfter?.getTime() ?? Number.NEGATIVE_INFINITY);
    const deployment = service.deployments?.find((d) => d.id &&
        d.id !== asked.previousDeploymentId &&
        d.taskDefinition === asked.taskDefinitionArn &&
        (d.createdAt?.getTime() ?? after) >= after);
    if (deployment)
        return { service, deployment };
    const serviceDeployment = await goneServiceDeployment(session, service, asked, after, limits);
    return serviceDeployment ? { service, serviceDeployment } : undefined;
}
/**
 * Our service deployment among those created since `after`, when ECS no longer lists its deployment. A rolling
 * deployment stays listed (ACTIVE) until its tasks have drained, far longer than the write's backoff: without
 * ecs:ListServiceDeployments the service's list is enough there. A staged one can end within seconds.
 */
async function goneServiceDeployment(session, service, asked, after, limits) {
    const { cluster } = session.inputs;
    const candidates = [];
    try {
        let nextToken;
        do {
            // The SDK's error as it is (bounded, not explained): whether the API is there at all decides.
            const page = await session.bounded('ListServiceDeployments', (o) => session.deps.ecs.send(new dist_cjs.ListServiceDeploymentsCommand({
                cluster,
                service: session.inputs.service,
                createdAt: { after: new Date(after) },
                ...(nextToken ? { nextToken } : {}),
            }), o), limits);
            for (const brief of page.serviceDeployments ?? []) {
                const arn = brief.serviceDeploymentArn;
                if (arn && arn !== asked.previousServiceDeploymentArn && brief.targetServiceRevisionArn)
                    candidates.push(brief);
            }
            nextToken = page.nextToken;
        } while (nextToken);
    }
    catch (error) {
        if ((0,src_ecs/* isUnavailable */.Pd)(error) && !stagedStrategyOf(service))
            return undefined;
        throw error;
    }
    for (let start = 0; start < candidates.length; start += REVISIONS_PER_CALL) {
        const batch = candidates.slice(start, start + REVISIONS_PER_CALL);
        const described = await session.call('DescribeServiceRevisions', (o) => session.deps.ecs.send(new dist_cjs.DescribeServiceRevisionsCommand({
            serviceRevisionArns: batch.map((brief) => brief.targetServiceRevisionArn ?? ''),
        }), o), limits);
        const ours = new Set((described.serviceRevisions ?? [])
            .filter((revision) => revision.taskDefinition === asked.taskDefinitionArn)
            .map((revision) => revision.serviceRevisionArn));
        const found = batch.find((brief) => ours.has(brief.targetServiceRevisionArn));
        if (found)
            return found;
    }
    return undefined;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/update.ts
/**
 * Points the service at the task definition (UpdateService) once. A throttled attempt is sent again; one whose
 * answer was lost is sent again only after looking has shown it did not take effect: the look finds our deployment
 * in any state, also when ECS has already failed it and rolled it back (landed-update.ts). When the answer never
 * came (the job was cancelled, or AWS did not answer in time), one short look finds out what landed.
 */






/**
 * UpdateService, applied once (writeOnce: a lost answer is looked for before sending again). `command` defaults to
 * this step's update (the service definition's settings, the new revision, the inputs); a rollback passes its own.
 */
async function updateService(session, asked, limits, command = forwardUpdate(session, asked)) {
    const { inputs } = session;
    const since = session.deps.clock.now();
    return (0,src_ecs/* writeOnce */.Fq)(session, {
        operation: 'UpdateService',
        write: async () => {
            const updated = await session.call('UpdateService', (o) => session.deps.ecsSingleAttempt.send(new dist_cjs.UpdateServiceCommand(command), o), limits());
            const ours = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
            if (!ours?.id) {
                throw new Error(`UpdateService answered without a PRIMARY deployment for service ${inputs.service}`);
            }
            return { service: updated.service, ours };
        },
        landed: async () => {
            const found = await findOurUpdate(session, asked, since, limits());
            return found ? updatedFrom(found) : undefined;
        },
    });
}
/** This step's update: the service definition's settings first (the inputs below are not among them). */
function forwardUpdate(session, asked) {
    const { inputs } = session;
    return {
        ...inputs.serviceDefinition?.settings,
        cluster: inputs.cluster,
        service: inputs.service,
        taskDefinition: asked.taskDefinitionArn,
        ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
        forceNewDeployment: inputs.forceNewDeployment,
    };
}
function updatedFrom(found) {
    return {
        service: found.service,
        ours: found.deployment,
        ...(found.serviceDeployment?.serviceDeploymentArn
            ? { serviceDeploymentArn: found.serviceDeployment.serviceDeploymentArn }
            : {}),
    };
}
/**
 * After an UpdateService whose answer never came: whether it started a deployment of `asked.taskDefinitionArn`
 * (in any state). Not bound to the job's cancel signal: this is what the job says on its way out.
 */
async function landedUpdate(session, asked, since) {
    let found;
    try {
        found = await findOurUpdate(session, asked, since, { withinMs: src_ecs/* CHECK_TIMEOUT_MS */.mw, cancellable: false });
    }
    catch (error) {
        return {
            text: `whether the service was updated is unknown (${(0,src/* errorMessage */.gJ)(error)}); look at its deployments in the console`,
        };
    }
    const target = (0,src_ecs/* shortTaskDefinition */.P5)(asked.taskDefinitionArn);
    if (found?.deployment) {
        return {
            text: `the service was updated to ${target}: deployment ${found.deployment.id} is ${describeDeployment(found.deployment)}, and ECS carries on with it`,
            deployment: found.deployment,
        };
    }
    if (found?.serviceDeployment) {
        const { serviceDeploymentArn, status, statusReason } = found.serviceDeployment;
        return {
            text: `the service was updated to ${target}, and ECS has already ended that deployment: service deployment ${serviceDeploymentArn} is ${status}${statusReason ? ` (${statusReason})` : ''}`,
        };
    }
    const service = session.lastService;
    const primary = service?.deployments?.find((d) => d.status === 'PRIMARY');
    return {
        text: `the service was not updated: it still runs ${(0,src_ecs/* shortTaskDefinition */.P5)(service?.taskDefinition ?? '?')}${primary?.id ? ` (deployment ${primary.id}: ${describeDeployment(primary)})` : ''}`,
    };
}
/**
 * A rolling deployment an earlier attempt started that ECS had already ended (rolled back) and removed from the
 * service by the time this step looked: what its service deployment says, as the step's result.
 */
async function endedRolling(session, serviceDeploymentArn, deployArn) {
    const what = `Deployment of ${shortTaskDefinition(deployArn)} (service deployment ${serviceDeploymentArn}), started by an UpdateService whose answer was lost,`;
    try {
        const described = await session.call('DescribeServiceDeployments', (o) => session.deps.ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }), o), { withinMs: CHECK_TIMEOUT_MS });
        const deployment = described.serviceDeployments?.[0];
        const state = deployment?.status ?? 'unknown';
        const reason = deployment?.statusReason ? ` (${deployment.statusReason.replace(/\.$/, '')})` : '';
        const status = state === 'SUCCESSFUL' ? 'succeeded' : state === 'ROLLBACK_SUCCESSFUL' ? 'rolled-back' : 'failed';
        return { status, message: `${what} ended before this step could follow it: ${state}${reason}.`, finalState: state };
    }
    catch (error) {
        return {
            status: 'failed',
            message: `${what} ended before this step could follow it; how it ended could not be read (${errorMessage(error)}).`,
            finalState: 'unknown',
        };
    }
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/rollback.ts








/** The step's status after a deployment that did not succeed, from what the rollback did. */
function statusAfterFailure(rolledBack, timedOut) {
    if (rolledBack.supersededBy)
        return 'superseded';
    if (rolledBack.report?.steady)
        return 'rolled-back';
    return timedOut ? 'timed-out' : 'failed';
}
/**
 * ECS rolled back: its rollback, to follow. Otherwise, after a fresh look that ours is still the current deployment
 * (never the wait's last answer, which may be old or missing), deploy the recorded previous task definition.
 */
async function startRollback(session, outcome, target, previousArn, budget) {
    const { inputs } = session;
    if (outcome.kind === 'replaced') {
        if (!outcome.ecsRollback || !outcome.by?.id) {
            return decided({
                note: `This step did not roll back: ${outcome.by ? replacementName(outcome.by) : 'another deployment'} replaced deployment ${target.id}, and rolling back would undo it.`,
                ...(outcome.by ? { supersededBy: outcome.by } : {}),
            });
        }
        const by = outcome.by;
        return { kind: 'started', follow: () => followEcsRollback(session, by) };
    }
    if (!inputs.rollback)
        return decided({ note: noRollbackNote(inputs) });
    if (!previousArn)
        return decided({ note: 'No rollback: the service had no task definition before this step.' });
    if (previousArn === target.taskDefinitionArn) {
        return decided({
            note: `No rollback: the service already ran ${(0,src_ecs/* shortTaskDefinition */.P5)(previousArn)} before this step, so there is nothing older to return to.`,
        });
    }
    // Another run may have deployed since our last poll (or the wait's last read did not answer): look again, now,
    // right before putting the old version back.
    const now = await lookAgain(session, target, previousArn, budget);
    if (!('service' in now))
        return now;
    // By service revision first (its settings come back too); by task definition where ECS refuses that.
    const serviceDeploymentArn = target.serviceDeploymentArn ?? now.service.currentServiceDeployment;
    if (!serviceDeploymentArn) {
        return requestRollback(session, target, previousArn, 'The service shows no service deployment to stop.');
    }
    const byRevision = await rollBackRevision(session, target, serviceDeploymentArn, previousArn, budget);
    if (byRevision.kind !== 'refused')
        return byRevision;
    session.log.warning(`StopServiceDeployment did not roll back: ${byRevision.why}`);
    // A stop refused because another deployment replaced ours (ECS stopped ours) must not undo that one: look again.
    const after = await lookAgain(session, target, previousArn, budget);
    if (!('service' in after))
        return after;
    return requestRollback(session, target, previousArn, `StopServiceDeployment did not roll back: ${byRevision.why}`);
}
/**
 * A fresh read of the service: ours still its current deployment (the service), or what to do instead (another
 * deployment replaced ours, ours completed after all, or the read failed and a blind rollback could undo a newer one).
 */
async function lookAgain(session, target, previousArn, budget) {
    let now;
    try {
        now = await freshRead(session, budget, (limits) => session.describeService(limits));
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return decided({
            note: `No rollback: this step could not confirm that deployment ${target.id} is still the service's current one (${(0,src/* errorMessage */.gJ)(error)}), and rolling back blindly could undo a newer deployment.`,
        });
    }
    session.lastService = now;
    const fresh = evaluate(session, now, target);
    if (fresh?.kind === 'replaced')
        return startRollback(session, fresh, target, previousArn, budget);
    if (fresh?.kind === 'completed') {
        return decided({ note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` });
    }
    return { service: now };
}
/**
 * UpdateService back to the previous task definition (the fallback: `why` the service revision could not be
 * restored); the rollback deployment it starts, to follow.
 */
async function requestRollback(session, target, previousArn, why) {
    const { inputs } = session;
    const preface = `${(0,src/* sentence */.em)(why)} Rolling back by task definition instead (UpdateService): the service settings this deployment changed stay as they are.`;
    const failed = (error) => {
        const detail = `${preface} The rollback to ${previousArn} also failed: ${(0,src/* errorMessage */.gJ)(error)}`;
        const report = { by: 'action', method: 'task-definition', steady: false, detail };
        return { note: detail, report: { ...report, taskDefinitionArn: previousArn } };
    };
    session.log.info(`Rolling back service ${inputs.service} to ${previousArn}`);
    const rollbackStarted = session.deps.clock.now();
    let updated;
    let primary;
    // The rollback's deployment is never older than the one it rolls back (the revision's earlier ones are).
    const createdAfter = session.lastService?.deployments?.find((d) => d.id === target.id)?.createdAt;
    const asked = {
        taskDefinitionArn: previousArn,
        previousDeploymentId: target.id,
        previousServiceDeploymentArn: target.serviceDeploymentArn,
        ...(createdAfter ? { createdAfter } : {}),
    };
    try {
        // Once, like the update it undoes: a reset after ECS applied it must not start a second rollback deployment.
        updated = await updateService(session, asked, () => ({}), {
            cluster: inputs.cluster,
            service: inputs.service,
            taskDefinition: previousArn,
        }).catch(async (error) => {
            if (!(0,src_ecs/* isAbort */.rV)(error) && !session.cancelled)
                throw error;
            const landed = await landedUpdate(session, asked, rollbackStarted);
            throw new src_ecs/* CancelledWriteError */.Ts(`rolling back to ${(0,src_ecs/* shortTaskDefinition */.P5)(previousArn)}`, landed.text);
        });
        primary = updated.ours;
        if (!primary?.id)
            throw new Error('UpdateService answered without a PRIMARY deployment');
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled || error instanceof src_ecs/* CancelledWriteError */.Ts)
            throw error;
        return decided(failed(error));
    }
    const id = primary.id;
    session.log.info(`Rollback deployment ${id} started; waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)}`);
    const rollback = { id, taskDefinitionArn: previousArn, method: 'task-definition', preface };
    return { kind: 'started', follow: () => followOurRollback(session, rollback, updated.service) };
}
async function followEcsRollback(session, by) {
    const id = by.id ?? '?';
    const arn = by.taskDefinition ?? '?';
    const followed = await follow(session, { id, taskDefinitionArn: arn, label: 'ECS rollback' }, session.inputs.timeoutMs, session.lastService);
    const steady = followed.kind === 'completed';
    const detail = steady
        ? `ECS rolled back to ${arn} (deployment ${id}) and it is steady.`
        : `ECS rolled back to ${arn} (deployment ${id}), but that rollback did not reach steady state either: ${describeFollowed(session, followed)}.`;
    return { note: detail, report: { by: 'ecs', taskDefinitionArn: arn, deploymentId: id, steady, detail } };
}
/** Why this step did not roll back: rollback false, or the caller puts the service back itself. */
function noRollbackNote(inputs) {
    return inputs.rollbackByCaller
        ? `This step does not roll the service back alone: ${inputs.rollbackByCaller}.`
        : 'No rollback was done (rollback: false).';
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/deploy-rolling.ts








/** An error during the wrap-up (after the wait ended): what the report had found, and the cause already told. */
class WrapUpInterrupted extends Error {
    error;
    stoppedTasks;
    causeText;
    constructor(error, stoppedTasks, causeText) {
        super(causeText);
        this.error = error;
        this.stoppedTasks = stoppedTasks;
        this.causeText = causeText;
    }
}
/** Errors while waiting are thrown as they are; errors of the wrap-up as WrapUpInterrupted. */
async function followRolling(session, target, previousArn, known) {
    const { inputs, log } = session;
    log.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for deployment ${target.id}, polling every ${(0,src/* formatDuration */.a3)(inputs.pollIntervalMs)}`);
    const outcome = await follow(session, target, inputs.timeoutMs, known);
    if (outcome.kind === 'paused') {
        const message = `${describeOutcome(session, outcome, target)} The step ends here (on-pause: return): continue it or roll it back with ecs-deploy-continue.`;
        log.info(message);
        const finalState = describeDeployment(outcome.deployment);
        return { status: 'paused', message, finalState, stoppedTasks: [], pause: outcome.pause };
    }
    if (outcome.kind === 'completed') {
        const message = `Deployment ${target.id} of ${(0,src_ecs/* shortTaskDefinition */.P5)(target.taskDefinitionArn)} completed: ${countsOf(outcome.deployment)}.`;
        log.info(message);
        return { status: 'succeeded', message, finalState: describeDeployment(outcome.deployment), stoppedTasks: [] };
    }
    // It did not complete: say why, then leave the service on the last good version, unless a newer one replaced it.
    const cause = describeOutcome(session, outcome, target);
    log.warning(cause);
    // The wait is over. First the rollback decision, within its own budget (fresh reads, then the request); then
    // the report, within its own (it can only shorten itself); then the rollback, followed for up to `timeout`.
    let stoppedTasks = [];
    let rolledBack;
    session.timeline.phase(PHASES.rollback, true);
    try {
        // Out of time during a pause: the pause's own timeout action decides, not a rollback of ours.
        const whilePaused = outcome.kind === 'timed-out' ? session.pauses.noRollbackWhilePaused() : undefined;
        const start = whilePaused
            ? decided({ note: whilePaused })
            : await startRollback(session, outcome, target, previousArn, decisionBudget(session));
        stoppedTasks = await reportFailure(session, target, new ReportBudget(session));
        rolledBack = await finishRollback(start);
    }
    catch (error) {
        throw new WrapUpInterrupted(error, stoppedTasks, cause);
    }
    const { note, report: rollback } = rolledBack;
    log.info(note);
    return {
        status: statusAfterFailure(rolledBack, outcome.kind === 'timed-out'),
        message: `${cause} ${note}`,
        finalState: describeDeployment(outcome.deployment),
        stoppedTasks,
        ...(rollback ? { rollback } : {}),
    };
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/pause/paused.ts



/** on-pause: return: the step ends at the pause; the next job continues it (ecs-deploy-continue). */
function pausedEnd(session, what, deployment, pause) {
    const message = `${what} is ${describePause(pause)}. The step ends here (on-pause: return): continue it or roll it back with ecs-deploy-continue (service-deployment-arn ${pause.serviceDeploymentArn}, hook-id ${pause.hookId}).`;
    session.log.info(message);
    return {
        status: 'paused',
        message,
        finalState: describeServiceDeploymentState(deployment),
        serviceDeploymentArn: pause.serviceDeploymentArn,
        stoppedTasks: [],
        pause,
    };
}
/** Lifecycle stages in the order a deployment walks them (the ones a pause can hold at, and the traffic stage). */
const STAGE_ORDER = (/* unused pure expression or super */ null && ([
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'POST_SCALE_UP',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRE_PRODUCTION_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
]));
/** DeploymentLifecycleHookTimeoutConfiguration defaults: a day, then ROLLBACK. */
const DEFAULT_PAUSE_MINUTES = 1440;
/**
 * The least time the step waits for a staged deployment, pauses counted: with on-pause `return` it waits only up to
 * the first pause (before PRODUCTION_TRAFFIC_SHIFT: no fixed wait at all; at POST_PRODUCTION_TRAFFIC_SHIFT: the
 * traffic steps, not the bake time). With `wait`, a timeout shorter than the strategy plus the pauses' own timeouts is
 * warned about: if nobody acts, ECS's timeout action comes after the step has given up.
 */
function paused_leastDurationWithPauses(session, strategy, configuration) {
    const least = leastDuration(strategy, configuration);
    const pauses = (configuration?.lifecycleHooks ?? []).filter((hook) => hook.targetType === 'PAUSE');
    if (pauses.length === 0)
        return least;
    const { onPause, timeoutMs } = session.inputs;
    if (onPause === 'return') {
        const first = STAGE_ORDER.find((stage) => pauses.some((hook) => (hook.lifecycleStages ?? []).includes(stage)));
        if (!first)
            return least;
        if (STAGE_ORDER.indexOf(first) < STAGE_ORDER.indexOf('PRODUCTION_TRAFFIC_SHIFT')) {
            return { ms: 0, parts: `on-pause: return ends the step at the pause at ${first}, before any bake time` };
        }
        const shifts = leastDuration(strategy, { ...configuration, bakeTimeInMinutes: 0 });
        return { ms: shifts.ms, parts: `${shifts.parts}, up to the pause at ${first} (on-pause: return)` };
    }
    if (onPause === 'wait') {
        const pauseMs = pauses.reduce((sum, hook) => sum +
            (hook.timeoutConfiguration?.timeoutInMinutes ?? DEFAULT_PAUSE_MINUTES) *
                60_000 *
                (hook.lifecycleStages?.length ?? 1), 0);
        if (timeoutMs < least.ms + pauseMs) {
            session.log.warning(`on-pause: wait: the service's pauses may last up to ${formatDuration(pauseMs)} (their timeouts) on top of ${formatDuration(least.ms)} (${least.parts}), longer than timeout ${formatDuration(timeoutMs)}. If nobody continues them in time, the step ends timed out without a rollback and ECS takes each pause's timeout action. Use on-pause: return to end the step at the pause instead.`);
        }
    }
    return least;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/rollback-staged.ts







/** Service deployment statuses after which ECS does nothing more with it. */
const rollback_staged_ENDED = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED']);
async function startStagedRollback(session, outcome, arn, previousArn, budget) {
    const { inputs } = session;
    if (outcome.kind === 'ended')
        return decided(endedByEcs(session, outcome.deployment, arn, previousArn));
    if (!inputs.rollback) {
        return decided({
            note: `${noRollbackNote(inputs).replace(/\.$/, ':')} ECS carries on with service deployment ${arn}.`,
        });
    }
    // Where it is now, read fresh (both answers, each tried again within the budget).
    let now;
    try {
        now = await freshRead(session, budget, (limits) => describeServiceDeployment(session, arn, limits));
        session.lastService = await freshRead(session, budget, (limits) => session.describeService(limits));
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return decided({
            note: `No rollback: this step cannot tell what state service deployment ${arn} is in now (${(0,src/* errorMessage */.gJ)(error)}), and rolling back blindly could undo a newer deployment. ECS carries on with it.`,
        });
    }
    if (now.status === 'SUCCESSFUL') {
        return decided({ note: `No rollback: service deployment ${arn} succeeded after all, right after the wait ended.` });
    }
    if (rollback_staged_ENDED.has(now.status ?? ''))
        return decided(endedByEcs(session, now, arn, previousArn));
    if (now.status === 'ROLLBACK_REQUESTED' || now.status === 'ROLLBACK_IN_PROGRESS') {
        // ECS is rolling back already (a hook, an alarm, the breaker): its rollback, to follow; no stop of ours.
        return { kind: 'started', follow: () => followStagedRollback(session, arn, previousArn, 'ecs') };
    }
    const current = session.lastService?.currentServiceDeployment;
    if (current && current !== arn)
        return decided(superseded(session, current));
    return requestStagedRollback(session, arn, previousArn, budget);
}
/** ECS ended the service deployment itself: its rollback, another run's replacement, or a stop. */
function endedByEcs(session, deployment, arn, previousArn) {
    const previous = previousArn ?? '?';
    const status = deployment.status;
    if (status === 'ROLLBACK_SUCCESSFUL' || status === 'ROLLBACK_FAILED') {
        const steady = status === 'ROLLBACK_SUCCESSFUL';
        const detail = steady
            ? `ECS rolled back to ${(0,src_ecs/* shortTaskDefinition */.P5)(previous)} (${status}).`
            : `ECS tried to roll back to ${(0,src_ecs/* shortTaskDefinition */.P5)(previous)}, and that failed too (${status}).`;
        const primary = session.lastService?.deployments?.find((d) => d.status === 'PRIMARY');
        return {
            note: detail,
            report: {
                by: 'ecs',
                taskDefinitionArn: previous,
                ...(primary?.id ? { deploymentId: primary.id } : {}),
                steady,
                detail,
            },
        };
    }
    const current = session.lastService?.currentServiceDeployment;
    if (current && current !== arn)
        return superseded(session, current);
    return {
        note: 'ECS stopped the service deployment without rolling it back; StopServiceDeployment cannot roll back a stopped service deployment, so this step did not either.',
    };
}
function superseded(session, current) {
    const by = session.lastService?.deployments?.find((d) => d.status === 'PRIMARY');
    return {
        note: `This step did not roll back: service deployment ${current} replaced ours, and rolling back would undo it.`,
        ...(by ? { supersededBy: by } : {}),
    };
}
/** StopServiceDeployment (ROLLBACK) within the decision's budget; ECS's rollback it starts, to follow. */
async function requestStagedRollback(session, arn, previousArn, budget) {
    const previous = previousArn ?? '?';
    session.log.info(`Rolling back service deployment ${arn} (StopServiceDeployment, stopType ROLLBACK)`);
    const answer = await stopWithRollback(session, arn, budget);
    if (answer.kind === 'refused') {
        const detail = `The rollback (StopServiceDeployment) failed: ${(0,src/* errorMessage */.gJ)(answer.error)}`;
        return decided({ note: detail, report: { by: 'action', taskDefinitionArn: previous, steady: false, detail } });
    }
    if (answer.kind === 'unanswered') {
        const detail = `The rollback (StopServiceDeployment) got no answer in ${answer.attempts} tries, and service deployment ${arn} shows no rollback (${describeServiceDeploymentState(answer.now)}): ${(0,src/* errorMessage */.gJ)(answer.error)}`;
        return decided({ note: detail, report: { by: 'action', taskDefinitionArn: previous, steady: false, detail } });
    }
    if (answer.kind === 'ended') {
        // It ended between our last read and the stop: say how.
        return decided({
            note: `No rollback: service deployment ${arn} had already ended (${describeServiceDeploymentState(answer.now)}).`,
        });
    }
    session.log.info(`ECS is rolling back; waiting up to ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)}`);
    return { kind: 'started', follow: () => followStagedRollback(session, arn, previousArn, 'action') };
}
/** ECS's rollback of the service deployment, followed to its end: asked for by this step, or started by ECS. */
async function followStagedRollback(session, arn, previousArn, by) {
    const { timeoutMs } = session.inputs;
    const previous = previousArn ?? '?';
    const how = by === 'action' ? 'through ECS (StopServiceDeployment ROLLBACK)' : "ECS's own rollback";
    const method = by === 'action' ? { method: 'service-revision' } : {};
    let followed;
    try {
        followed = await followStaged(session, arn, timeoutMs, 'rollback');
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        // The rollback is under way: a read that failed while following it says nothing of how it ends.
        const detail = `The rollback ${how} of service deployment ${arn} is under way and ECS carries on with it, but this step could not follow it to its end: ${(0,src/* errorMessage */.gJ)(error)}`;
        return { note: detail, report: { by, ...method, taskDefinitionArn: previous, steady: false, detail } };
    }
    const final = followed.deployment;
    const steady = final?.status === 'ROLLBACK_SUCCESSFUL';
    const detail = steady
        ? by === 'action'
            ? `Rolled back to ${(0,src_ecs/* shortTaskDefinition */.P5)(previous)} ${how}: ${final?.status}.`
            : `ECS rolled back to ${(0,src_ecs/* shortTaskDefinition */.P5)(previous)} (${final?.status}).`
        : `The rollback ${how} did not succeed: ${describeServiceDeploymentState(final)}${followed.kind === 'timed-out' ? ` after ${(0,src/* formatDuration */.a3)(timeoutMs)}` : ''}${final?.statusReason ? ` (${final.statusReason})` : ''}.`;
    return { note: detail, report: { by, ...method, taskDefinitionArn: previous, steady, detail } };
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/deploy-staged.ts
/**
 * The native staged branch of a deploy (strategy BLUE_GREEN, LINEAR or CANARY), after UpdateService: find our
 * service deployment, follow it through its lifecycle stages, and when it does not succeed explain why (ECS's
 * statusReason, the stopped tasks, the events) and roll back through ECS. Before anything changes, the step's
 * timeout is checked against the least time the strategy takes.
 */










/** A `timeout` shorter than the waits the strategy keeps (bake times, linear steps, canary bake) fails here. */
function refuseShortTimeout(session, strategy, before) {
    const { timeoutMs } = session.inputs;
    const least = leastDurationWithPauses(session, strategy, before.deploymentConfiguration);
    if (timeoutMs > least.ms)
        return;
    throw new ConfigurationError(`timeout ${formatDuration(timeoutMs)} is not longer than the least time service "${session.inputs.service}"'s ${strategy} deployment takes: ${formatDuration(least.ms)} (${least.parts}), before its tasks even start. Nothing was changed. Set timeout to more than ${formatDuration(least.ms)}, e.g. ${formatDuration(least.ms + 15 * 60_000)}, or shorten the service's bake times.`);
}
async function deployStaged(session, strategy, target, previousArn) {
    const { inputs, log } = session;
    const arn = target.serviceDeploymentArn ?? (await findServiceDeployment(session, target));
    const ours = { ...target, serviceDeploymentArn: arn, strategy };
    session.current = ours;
    log.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for ${strategy} service deployment ${arn} (deployment ${target.id}), polling every ${(0,src/* formatDuration */.a3)(inputs.pollIntervalMs)}`);
    const outcome = await followStaged(session, arn, inputs.timeoutMs, 'ours');
    const what = `Deployment ${target.id} of ${(0,src_ecs/* shortTaskDefinition */.P5)(target.taskDefinitionArn)} (${strategy})`;
    if (outcome.kind === 'paused')
        return pausedEnd(session, what, outcome.deployment, outcome.pause);
    if (outcome.kind === 'successful') {
        const message = `${what} completed: service deployment SUCCESSFUL; ${trafficAndCounts(outcome.deployment)}.`;
        log.info(message);
        return {
            status: 'succeeded',
            message,
            finalState: describeServiceDeploymentState(outcome.deployment),
            serviceDeploymentArn: arn,
            stoppedTasks: [],
        };
    }
    const cause = describeStagedOutcome(session, what, outcome);
    log.warning(cause);
    // The wait is over. First the rollback decision, within its own budget (fresh reads, then the request); then
    // the report, within its own; then the rollback, followed for up to `timeout`.
    session.timeline.phase(PHASES.rollback, true);
    // Out of time during a pause: the pause's own timeout action decides, not a rollback of ours.
    const whilePaused = outcome.kind === 'timed-out' ? session.pauses.noRollbackWhilePaused() : undefined;
    const start = whilePaused
        ? decided({ note: whilePaused })
        : await startStagedRollback(session, outcome, arn, previousArn, decisionBudget(session));
    const stoppedTasks = await reportFailure(session, ours, new ReportBudget(session));
    const rolledBack = await finishRollback(start);
    const { note, report: rollback } = rolledBack;
    log.info(note);
    return {
        status: statusAfterFailure(rolledBack, outcome.kind === 'timed-out'),
        message: `${cause} ${note}`,
        finalState: describeServiceDeploymentState(outcome.deployment),
        serviceDeploymentArn: arn,
        stoppedTasks,
        ...(rollback ? { rollback } : {}),
    };
}
function describeStagedOutcome(session, what, outcome) {
    if (outcome.kind === 'timed-out') {
        return `${what} did not finish within ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)} (timeout)${outcome.stalled ? ` (${outcome.stalled})` : ''}: the last state seen was ${describeServiceDeploymentState(outcome.deployment)}.`;
    }
    const d = outcome.deployment;
    const reason = d.statusReason ? `: ${d.statusReason.replace(/\.+$/, '')}` : '';
    if (d.status === 'STOPPED')
        return `${what} was stopped at stage ${outcome.failedAtStage ?? d.lifecycleStage ?? '?'}${reason}.`;
    // A deployment first seen already rolling back: its lifecycle stage is the rollback's, not where it failed (the
    // reason says that), so no stage is claimed.
    const stage = outcome.failedAtStage ? ` at stage ${outcome.failedAtStage}` : '';
    return `${what} failed${stage} and ECS rolled it back (${d.status})${reason}.`;
}
/**
 * UpdateService's answer did not name a new currentServiceDeployment: the newest service deployment
 * ListServiceDeployments shows created since the step began.
 */
async function findServiceDeployment(session, target) {
    const { cluster, service } = session.inputs;
    const listed = await session.call('ListServiceDeployments', (o) => session.deps.ecs.send(new dist_cjs.ListServiceDeploymentsCommand({ cluster, service, createdAt: { after: new Date(session.started - 60_000) } }), o));
    const newest = listed.serviceDeployments?.[0]?.serviceDeploymentArn;
    if (!newest) {
        throw new Error(`ListServiceDeployments shows no service deployment for deployment ${target.id} of service ${service}`);
    }
    return newest;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/continue/expired-pause.ts
/**
 * A continue that comes after the pause it answers expired (its hook TIMED_OUT): ECS has already taken the hook's
 * timeout action. The deployment the deploy job paused (named by its ARN) is then reported as ECS ended it, with
 * nothing changed: SUCCESSFUL (CONTINUE at the timeout) is `succeeded`, ROLLBACK_SUCCESSFUL is `rolled-back`.
 */


/** The PAUSE hook of `deployment` (the one named by hookId, else any) that expired: TIMED_OUT. */
function expiredPauseHook(deployment, hookId) {
    return (deployment.lifecycleHookDetails ?? []).find((hook) => hook.targetType === 'PAUSE' && hook.status === 'TIMED_OUT' && (hookId ? hook.hookId === hookId : true));
}
/** How each end ECS can give the deployment reads: its status and the sentence after "ECS …". */
const ENDS = {
    SUCCESSFUL: { status: 'succeeded', what: "continued it at the pause's timeout and it completed" },
    ROLLBACK_SUCCESSFUL: { status: 'rolled-back', what: 'rolled it back to the previous service revision' },
    ROLLBACK_FAILED: { status: 'failed', what: 'tried to roll it back and the rollback failed' },
    STOPPED: { status: 'failed', what: 'stopped it' },
};
/** The deployment ECS ended after its pause expired: the result, from what ECS says (nothing is changed). */
async function reportExpired(session, deployment, hook, known) {
    const arn = deployment.serviceDeploymentArn ?? '';
    const status = deployment.status ?? 'an unknown status';
    const end = ENDS[status];
    const expired = `The pause (lifecycle hook ${hook.hookId}) expired before this step ran and ECS took its timeout action ${hook.timeoutAction ?? '?'}`;
    if (!end) {
        throw new src/* ConfigurationError */.j1(`${expired}; service deployment ${arn} is ${status} (not ended yet). Nothing was changed. Run this step again once ECS ended it, or follow it in the console: ${known.consoleUrl}`);
    }
    const [target, source] = await taskDefinitionsOf(session, deployment);
    const message = `${expired}: ECS ${end.what} (service deployment ${arn} is ${status}${deployment.statusReason ? `: ${deployment.statusReason}` : ''}). Nothing was changed by this step.`;
    const running = end.status === 'succeeded' ? target : source;
    return {
        ...known,
        ...(target ? { taskDefinitionArn: target } : {}),
        ...(source ? { previousTaskDefinitionArn: source } : {}),
        status: end.status,
        cancelled: false,
        message,
        durationMs: session.deps.clock.now() - session.started,
        finalState: `${status}${running ? `, running ${running.slice(running.lastIndexOf('/') + 1)}` : ''}`,
    };
}
/** The task definitions of the deployment's target and (first) source service revisions. */
async function taskDefinitionsOf(session, deployment) {
    const targetArn = deployment.targetServiceRevision?.arn;
    const sourceArn = deployment.sourceServiceRevisions?.[0]?.arn;
    const arns = [targetArn, sourceArn].filter((a) => Boolean(a));
    if (arns.length === 0)
        return [undefined, undefined];
    const answer = await session.call('DescribeServiceRevisions', (o) => session.deps.ecs.send(new dist_cjs.DescribeServiceRevisionsCommand({ serviceRevisionArns: arns }), o));
    const taskDefinitionOf = (revision) => (answer.serviceRevisions ?? []).find((r) => r.serviceRevisionArn === revision)?.taskDefinition;
    return [taskDefinitionOf(targetArn), taskDefinitionOf(sourceArn)];
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/continue/find-paused.ts
/**
 * Which paused service deployment to continue, checked before anything changes: the one named by its ARN, or the one
 * of the service whose PAUSE hook is AWAITING_ACTION. The one named by its ARN whose pause expired (TIMED_OUT) is
 * returned as expired (ECS took the timeout action; the caller reports what ECS did). A deployment not IN_PROGRESS, a
 * hook not AWAITING_ACTION, no paused deployment, or several: one error each, naming what was found and the fix.
 */




const nothingChanged = 'Nothing was changed.';
/** The paused deployment to act on. `arn` and `hookId` as the inputs give them (either may be empty). */
async function findPaused(session, request) {
    const { cluster, service } = session.inputs;
    const deployments = request.arn ? [await describeOne(session, request.arn)] : await pausedOfService(session);
    if (!request.arn) {
        const paused = deployments.filter((d) => awaitingPauses(d).length > 0);
        if (paused.length === 0) {
            throw new src/* ConfigurationError */.j1(`No service deployment of service "${service}" in cluster "${cluster}" is paused (no PAUSE lifecycle hook is AWAITING_ACTION). ${nothingChanged} Deploy with ecs-deploy-wait on-pause: return first, or set service-deployment-arn.`);
        }
        if (paused.length > 1) {
            throw new src/* ConfigurationError */.j1(`${paused.length} service deployments of service "${service}" are paused: ${paused.map((d) => `${d.serviceDeploymentArn} (${awaitingPauses(d).map(describePause).join('; ')})`).join(', ')}. ${nothingChanged} Set service-deployment-arn to the one to act on.`);
        }
        deployments.splice(0, deployments.length, ...paused);
    }
    const [deployment] = deployments;
    if (!deployment)
        throw new Error('internal: no service deployment');
    const arn = deployment.serviceDeploymentArn ?? '';
    const names = {
        cluster: nameOf(deployment.clusterArn) ?? cluster,
        service: nameOf(deployment.serviceArn) ?? service,
    };
    const expired = request.arn ? expiredPauseHook(deployment, request.hookId) : undefined;
    if (expired)
        return { deployment, expired, ...names };
    if (deployment.status !== 'IN_PROGRESS') {
        throw new src/* ConfigurationError */.j1(`Service deployment ${arn} is ${deployment.status ?? 'in an unknown status'}, not IN_PROGRESS: only a deployment in progress can be continued or rolled back. ${nothingChanged}`);
    }
    const pause = pauseToActOn(deployment, arn, request.hookId);
    return { deployment, pause, ...names };
}
function pauseToActOn(deployment, arn, hookId) {
    const awaiting = awaitingPauses(deployment);
    if (hookId) {
        const found = awaiting.find((pause) => pause.hookId === hookId);
        if (found)
            return found;
        const hook = deployment.lifecycleHookDetails?.find((h) => h.hookId === hookId);
        throw new src/* ConfigurationError */.j1(hook
            ? `Lifecycle hook ${hookId} of service deployment ${arn} is ${hook.status}, not AWAITING_ACTION: someone has acted on it, or it expired. ${nothingChanged}`
            : `Service deployment ${arn} has no lifecycle hook ${hookId}${awaiting.length > 0 ? `; it is ${awaiting.map(describePause).join('; ')}` : ''}. ${nothingChanged} Use the pause-hook-id output of the step that paused it.`);
    }
    if (awaiting.length === 0) {
        throw new src/* ConfigurationError */.j1(`Service deployment ${arn} is not paused: no PAUSE lifecycle hook is AWAITING_ACTION (stage ${deployment.lifecycleStage ?? '?'}). ${nothingChanged}`);
    }
    if (awaiting.length > 1) {
        throw new src/* ConfigurationError */.j1(`Service deployment ${arn} waits at ${awaiting.length} PAUSE hooks: ${awaiting.map((p) => p.hookId).join(', ')}. ${nothingChanged} Set hook-id to the one to act on.`);
    }
    return awaiting[0];
}
async function describeOne(session, arn) {
    const answer = await session.call('DescribeServiceDeployments', (o) => session.deps.ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), o));
    const found = answer.serviceDeployments?.[0];
    if (!found) {
        throw new src/* ConfigurationError */.j1(`Service deployment ${arn} was not found (DescribeServiceDeployments: ${answer.failures?.[0]?.reason ?? 'MISSING'}). ${nothingChanged} Check service-deployment-arn and AWS_REGION.`);
    }
    return found;
}
/** The service's deployments in progress, described (ListServiceDeployments gives no hooks). */
async function pausedOfService(session) {
    const { cluster, service } = session.inputs;
    const listed = await session.call('ListServiceDeployments', (o) => session.deps.ecs.send(new dist_cjs.ListServiceDeploymentsCommand({ cluster, service, status: ['IN_PROGRESS'] }), o));
    const arns = (listed.serviceDeployments ?? []).map((d) => d.serviceDeploymentArn ?? '').filter(Boolean);
    if (arns.length === 0)
        return [];
    const answer = await session.call('DescribeServiceDeployments', (o) => session.deps.ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns.slice(0, 20) }), o));
    return answer.serviceDeployments ?? [];
}
/** "arn:aws:ecs:…:service/prod/web" → "web"; "arn:aws:ecs:…:cluster/prod" → "prod". */
function nameOf(arn) {
    return arn ? arn.slice(arn.lastIndexOf('/') + 1) : undefined;
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/continue/run.ts
/**
 * ecs-deploy-continue's logic: CONTINUE or ROLLBACK a deployment paused at a PAUSE lifecycle hook
 * (ContinueServiceDeployment), then follow it to its next pause or its end with ecs-deploy-wait's followers, report
 * and rollback rules (deploy-staged.ts, deploy-rolling.ts): the same result, outputs and summary.
 */













async function continueDeployment(inputs, deps) {
    try {
        return await continueAndFollow(inputs, deps);
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || deps.signal?.aborted) {
            throw new src/* ConfigurationError */.j1('Cancelled before anything was changed: no deployment was continued or rolled back.');
        }
        throw error;
    }
}
async function continueAndFollow(inputs, deps) {
    const lookup = new DeploySession(deployInputsOf(inputs, inputs.cluster, inputs.service), deps);
    const paused = await findPaused(lookup, {
        ...(inputs.serviceDeploymentArn ? { arn: inputs.serviceDeploymentArn } : {}),
        ...(inputs.hookId ? { hookId: inputs.hookId } : {}),
    });
    const session = new DeploySession(deployInputsOf(inputs, paused.cluster, paused.service), deps);
    const { log } = session;
    if ('expired' in paused) {
        const arn = paused.deployment.serviceDeploymentArn ?? '';
        const known = {
            cluster: paused.cluster,
            service: paused.service,
            consoleUrl: consoleUrl(deps.region, paused.cluster, paused.service),
            stoppedTasks: [],
            images: [],
            deploymentId: arn.slice(arn.lastIndexOf('/') + 1),
            serviceDeploymentArn: arn,
        };
        return reportExpired(session, paused.deployment, paused.expired, known);
    }
    const before = await session.describeService();
    session.lastService = before;
    for (const event of before.events ?? [])
        if (event.id)
            session.seenEvents.add(event.id);
    const arn = paused.pause.serviceDeploymentArn;
    const primary = before.deployments?.find((d) => d.status === 'PRIMARY');
    const previousArn = before.deployments?.find((d) => d.status === 'ACTIVE')?.taskDefinition;
    const target = {
        id: primary?.id ?? arn.slice(arn.lastIndexOf('/') + 1),
        taskDefinitionArn: primary?.taskDefinition ?? '',
        label: 'ours',
        serviceDeploymentArn: arn,
    };
    const action = inputs.action === 'rollback' ? 'ROLLBACK' : 'CONTINUE';
    log.info(`Service deployment ${arn} of service ${paused.service} (${(0,src_ecs/* shortTaskDefinition */.P5)(target.taskDefinitionArn)}) is ${describePause(paused.pause)}: ${action === 'ROLLBACK' ? 'rolling it back' : 'continuing it'} (ContinueServiceDeployment ${action}).`);
    session.timeline.phase(PHASES.continue);
    await requestContinue(session, arn, paused.pause.hookId, action);
    session.timeline.phase(PHASES.rollout);
    const known = {
        cluster: paused.cluster,
        service: paused.service,
        consoleUrl: consoleUrl(deps.region, paused.cluster, paused.service),
        stoppedTasks: [],
        images: [],
        taskDefinitionArn: target.taskDefinitionArn,
        ...(previousArn ? { previousTaskDefinitionArn: previousArn } : {}),
        deploymentId: target.id,
        serviceDeploymentArn: arn,
    };
    const result = (status, message, finalState, extra = {}) => {
        const durationMs = deps.clock.now() - session.started;
        // The same rollout timeline as ecs-deploy-wait's summary, from the continue on.
        const timeline = session.timeline.snapshot(session.started + durationMs, session.newEvents);
        return { ...known, ...extra, status, cancelled: false, message, durationMs, finalState, timeline };
    };
    if (!inputs.wait) {
        const message = `ECS accepted ${action} for service deployment ${arn}; not waiting for it (wait: false).`;
        log.info(message);
        return result('succeeded', message, describeDeployment(primary));
    }
    const staged = stagedStrategyOf(before);
    let end;
    try {
        end = staged
            ? await deployStaged(session, staged, { ...target, strategy: staged }, previousArn)
            : await followRolling(session, target, previousArn);
    }
    catch (error) {
        return interrupted(session, error, known, arn);
    }
    const extra = {
        stoppedTasks: end.stoppedTasks,
        ...(end.rollback ? { rollback: end.rollback } : {}),
        ...(end.pause ? { pause: end.pause } : {}),
    };
    return result(end.status, end.message, end.finalState, extra);
}
/** ContinueServiceDeployment; a refusal (the hook acted on meanwhile, say) changed nothing and says so. */
async function requestContinue(session, arn, hookId, action) {
    try {
        await session.call('ContinueServiceDeployment', (o) => session.deps.ecs.send(new dist_cjs.ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId, action }), o));
    }
    catch (error) {
        if (!isInvalidParameter(error))
            throw error;
        const reason = error instanceof src_ecs/* AwsCallError */.iQ ? error.message.replace(/^.*?\): /, '') : (0,src/* errorMessage */.gJ)(error);
        throw new src/* ConfigurationError */.j1(`ECS refused to ${action} service deployment ${arn} (hook ${hookId}): ${reason} Nothing was changed.`);
    }
}
/** Cancelled or an API error while following: what is known; ECS carries on with the deployment. */
function interrupted(session, caught, known, arn) {
    const error = caught instanceof WrapUpInterrupted ? caught.error : caught;
    const cause = caught instanceof WrapUpInterrupted ? `${caught.causeText} ` : '';
    const durationMs = session.deps.clock.now() - session.started;
    const finalState = describeDeployment(session.lastService?.deployments?.find((d) => d.id === known.deploymentId));
    if (session.cancelled || (0,src_ecs/* isAbort */.rV)(error)) {
        const message = `${cause}Cancelled while waiting: service deployment ${arn} was continued; ECS carries on with it. Follow it in the console: ${known.consoleUrl}`;
        session.log.warning(message);
        return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
    }
    const detail = (0,src/* errorMessage */.gJ)(error);
    const message = `${cause}Stopped waiting because of an AWS API error: ${detail} Service deployment ${arn} was continued; ECS carries on with it.`;
    return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
}
/** The session's inputs: a continue deploys nothing, so only the wait's and rollback's settings matter. */
function deployInputsOf(inputs, cluster, service) {
    return {
        taskDefinition: { kind: 'arn', arn: '' },
        cluster,
        service,
        desiredCount: undefined,
        forceNewDeployment: false,
        wait: inputs.wait,
        timeoutMs: inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        rollback: inputs.rollback,
        skipUnchanged: false,
        preflight: 'off',
        verify: 'off',
        dryRun: false,
        keepTaskDefinitions: [],
        keepRevisionsGraceMs: 0,
        codedeploy: { application: '', deploymentGroup: '' },
        onPause: inputs.onPause,
    };
}

;// CONCATENATED MODULE: ../ecs-deploy-wait/src/continue/index.ts
/** What ecs-deploy-continue uses of ecs-deploy-wait (package export "./continue"): the logic, the report, the outputs. */






/***/ })

};
