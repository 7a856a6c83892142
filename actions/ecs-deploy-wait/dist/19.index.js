export const id = 19;
export const ids = [19];
export const modules = {

/***/ 2748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.B1),
/* harmony export */   CA: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.CA),
/* harmony export */   Pd: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.Pd),
/* harmony export */   Ts: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.Ts),
/* harmony export */   dg: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.dg),
/* harmony export */   eG: () => (/* binding */ isUnanswered),
/* harmony export */   i5: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.i5),
/* harmony export */   iQ: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.iQ),
/* harmony export */   k$: () => (/* binding */ withWhatWasDone),
/* harmony export */   rV: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__.rV)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(785);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9530);
// The ECS call errors live in core (shared with ecs-run-task); the phases of a deploy import them from here.




/** A write whose outcome is unknown: cancelled, not answered in time, or still failing after the retries. */
function isUnanswered(error) {
    return (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .isAbort */ .rV)(error) || error instanceof _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswerError */ .i5 || error instanceof _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .AwsRetriesExhaustedError */ .B1;
}
/** The same error, its message followed by what this step had already done. */
function withWhatWasDone(error, done) {
    if (error instanceof _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ)
        return new _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ(`${error.message} ${done}`, error.code, error.operation);
    if (error instanceof _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1)
        return new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${error.message} ${done}`);
    const wrapped = new Error(`${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)} ${done}`);
    if (error instanceof Error && error.stack)
        wrapped.stack = `${wrapped.message}\n${error.stack}`;
    return wrapped;
}


/***/ }),

/***/ 8657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ createMissingService),
/* harmony export */   W: () => (/* binding */ createServiceFrom)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1234);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9530);
/* harmony import */ var _register_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7710);
/* harmony import */ var _taskdef_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(247);
/**
 * `create-service: true`: a first deploy that creates the service. When the service does not exist, the task
 * definition is registered (or the given revision used) and the service created from the `service-definition` file
 * (CreateService's shape), running it; the deploy then follows that first deployment like any other, with no rollback
 * (there is nothing to go back to). An existing service is deployed as usual.
 */




/**
 * What to deploy with: unchanged for an existing service; for one just created, its revision, no rollback, and no
 * image check of a recorded revision (the revision was registered from the file a moment ago).
 */
async function createMissingService(inputs, deps) {
    if (!inputs.createService)
        return { inputs, deps };
    const { cluster, service } = inputs;
    const session = new _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__/* .EcsCallSession */ .IW(deps, () => ({ cluster, service }));
    const answer = await session.call('DescribeServices', (o) => deps.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__.DescribeServicesCommand({ cluster, services: [service] }), o));
    const found = answer.services?.find((s) => s.status !== 'INACTIVE');
    if (found)
        return { inputs, deps };
    const source = inputs.taskDefinition;
    const arn = source.kind === 'arn' ? source.arn : await (0,_register_js__WEBPACK_IMPORTED_MODULE_1__/* .registerTaskDefinition */ .eQ)(session, source, () => ({}));
    if (source.kind === 'file')
        deps.log.info(`Registered ${(0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .shortTaskDefinition */ .P5)(arn)} (${arn})`);
    await createServiceFrom(deps, cluster, service, inputs.serviceDefinition?.settings ?? {}, arn);
    const { ecr: _recordedImagesCheck, ...withoutEcr } = deps;
    return {
        inputs: { ...inputs, taskDefinition: { kind: 'arn', arn }, rollback: false, createService: false },
        deps: source.kind === 'file' ? withoutEcr : deps,
    };
}
/** CreateService with the service definition's settings, running `arn` (a write: sent once). */
async function createServiceFrom(deps, cluster, service, settings, arn) {
    const session = new _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__/* .EcsCallSession */ .IW(deps, () => ({ cluster, service }));
    await session.call('CreateService', (o) => deps.ecsSingleAttempt.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__.CreateServiceCommand({
        ...settings,
        cluster,
        serviceName: service,
        taskDefinition: arn,
    }), o));
    deps.log.info(`Created service ${service} in cluster ${cluster} running ${(0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .shortTaskDefinition */ .P5)(arn)}`);
}


/***/ }),

/***/ 2019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ./src/aws-errors.ts
var aws_errors = __webpack_require__(2748);
// EXTERNAL MODULE: ./src/create-service.ts
var create_service = __webpack_require__(8657);
// EXTERNAL MODULE: ./src/explain-failure.ts + 1 modules
var explain_failure = __webpack_require__(2958);
// EXTERNAL MODULE: ./src/pause/watch-pauses.ts
var watch_pauses = __webpack_require__(2217);
// EXTERNAL MODULE: ./src/session.ts
var src_session = __webpack_require__(6399);
// EXTERNAL MODULE: ./src/taskdef.ts
var taskdef = __webpack_require__(247);
// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ./src/follow/watch.ts
var watch = __webpack_require__(5778);
;// CONCATENATED MODULE: ./src/follow/staged.ts
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
function leastDuration(strategy, configuration) {
    const bakeMs = (configuration?.bakeTimeInMinutes ?? 0) * MINUTE;
    const bake = bakeMs > 0 ? `bake time ${(0,src/* formatDuration */.a3)(bakeMs)}` : 'no bake time';
    if (strategy === 'LINEAR') {
        const step = configuration?.linearConfiguration?.stepPercent ?? LINEAR_DEFAULTS.stepPercent;
        const stepBakeMs = (configuration?.linearConfiguration?.stepBakeTimeInMinutes ?? LINEAR_DEFAULTS.stepBakeTimeInMinutes) * MINUTE;
        const shifts = Math.ceil(100 / step - 1e-9);
        const waitsMs = (shifts - 1) * stepBakeMs;
        return {
            ms: waitsMs + bakeMs,
            parts: `${shifts - 1} waits of ${(0,src/* formatDuration */.a3)(stepBakeMs)} between ${shifts} traffic shifts of ${step}% + ${bake}`,
        };
    }
    if (strategy === 'CANARY') {
        const canaryMs = (configuration?.canaryConfiguration?.canaryBakeTimeInMinutes ?? CANARY_DEFAULTS.canaryBakeTimeInMinutes) * MINUTE;
        return { ms: canaryMs + bakeMs, parts: `canary bake time ${(0,src/* formatDuration */.a3)(canaryMs)} + ${bake}` };
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
    return (0,watch/* watch */.w)(session, {
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

;// CONCATENATED MODULE: ./src/follow/rolling.ts






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
    const arn = target.label === 'ours' && (0,watch_pauses/* hasPauseHooks */.Rw)(known ?? session.lastService) ? target.serviceDeploymentArn : '';
    let serviceDeployment;
    return (0,watch/* watch */.w)(session, {
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
            const threshold = (0,src_session/* failureThreshold */.QB)(ours.desiredCount ?? 0);
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
        const line = `deployment ${d.id} ${d.status}${role} ${(0,taskdef/* shortTaskDefinition */.P5)(d.taskDefinition ?? '?')}: ${(0,src_session/* describeDeployment */.Ti)(d)}`;
        if (session.lastLines.get(d.id ?? '') === line)
            continue;
        session.lastLines.set(d.id ?? '', line);
        session.log.info(`[${session.elapsed()}] ${line}`);
    }
}
/** One sentence: how the wait for the target ended, when it did not complete. */
function describeOutcome(session, outcome, target) {
    const what = `Deployment ${target.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(target.taskDefinitionArn)}`;
    switch (outcome.kind) {
        case 'paused':
            return `${what} is ${(0,watch_pauses/* describePause */.Ei)(outcome.pause)}.`;
        case 'failed':
            return `${what} failed: ${outcome.reason}.`;
        case 'timed-out':
            return `${what} did not complete within ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)} (timeout)${outcome.stalled ? ` (${outcome.stalled})` : ''}: the last state seen was ${(0,src_session/* describeDeployment */.Ti)(outcome.deployment)}.`;
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
    return `deployment ${by.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(by.taskDefinition ?? '?')}`;
}
function describeFollowed(session, outcome) {
    switch (outcome.kind) {
        case 'completed':
            return (0,src_session/* describeDeployment */.Ti)(outcome.deployment);
        case 'failed':
            return outcome.reason;
        case 'timed-out':
            return `not steady within ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)} (${(0,src_session/* describeDeployment */.Ti)(outcome.deployment)})`;
        case 'replaced':
            return `replaced by deployment ${outcome.by?.id ?? '?'}`;
        case 'paused':
            return (0,watch_pauses/* describePause */.Ei)(outcome.pause);
    }
}

;// CONCATENATED MODULE: ./src/rollback-follow.ts



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
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        // The rollback deployment exists: a read that failed while following it says nothing of how it ends.
        return report(false, `The rollback to ${arn} (deployment ${id}) was started and ECS carries on with it, but this step could not follow it to its end: ${(0,src/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/rollback-stop.ts
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
            if (session.cancelled || ((0,aws_errors/* isAbort */.rV)(error) && !(0,aws_errors/* isUnanswered */.eG)(error))) {
                throw new aws_errors/* CancelledWriteError */.Ts('asking ECS to roll back (StopServiceDeployment)', `whether ECS started the rollback of service deployment ${arn} is unknown; look at it in the console`);
            }
            const unanswered = (0,aws_errors/* isUnanswered */.eG)(error);
            if (!unanswered && (0,aws_errors/* errorCode */.CA)(error) !== 'ConflictException')
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

// EXTERNAL MODULE: ./src/wrap-up.ts
var wrap_up = __webpack_require__(8917);
;// CONCATENATED MODULE: ./src/rollback-revision.ts






async function rollBackRevision(session, target, serviceDeploymentArn, previousArn, budget) {
    const arn = serviceDeploymentArn;
    session.log.info(`Rolling back service deployment ${arn} to the previous service revision (StopServiceDeployment, stopType ROLLBACK)`);
    const answer = await stopWithRollback(session, arn, budget);
    if (answer.kind === 'refused')
        return { kind: 'refused', why: (0,src/* errorMessage */.gJ)(answer.error) };
    if (answer.kind === 'ended') {
        if (answer.now?.status === 'SUCCESSFUL') {
            return (0,wrap_up/* decided */.rc)({ note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` });
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
        return (0,wrap_up/* decided */.rc)({
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
        return (0,wrap_up/* decided */.rc)({
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
            const service = await (0,wrap_up/* freshRead */.ns)(session, budget, (limits) => session.describeService(limits));
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
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return { error };
    }
}

// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 3 modules
var ecs = __webpack_require__(9530);
;// CONCATENATED MODULE: ./src/landed-update.ts
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
        if ((0,aws_errors/* isUnavailable */.Pd)(error) && !stagedStrategyOf(service))
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

;// CONCATENATED MODULE: ./src/update.ts
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
    return (0,ecs/* writeOnce */.Fq)(session, {
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
        found = await findOurUpdate(session, asked, since, { withinMs: src_session/* CHECK_TIMEOUT_MS */.mw, cancellable: false });
    }
    catch (error) {
        return {
            text: `whether the service was updated is unknown (${(0,src/* errorMessage */.gJ)(error)}); look at its deployments in the console`,
        };
    }
    const target = (0,taskdef/* shortTaskDefinition */.P5)(asked.taskDefinitionArn);
    if (found?.deployment) {
        return {
            text: `the service was updated to ${target}: deployment ${found.deployment.id} is ${(0,src_session/* describeDeployment */.Ti)(found.deployment)}, and ECS carries on with it`,
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
        text: `the service was not updated: it still runs ${(0,taskdef/* shortTaskDefinition */.P5)(service?.taskDefinition ?? '?')}${primary?.id ? ` (deployment ${primary.id}: ${(0,src_session/* describeDeployment */.Ti)(primary)})` : ''}`,
    };
}
/**
 * A rolling deployment an earlier attempt started that ECS had already ended (rolled back) and removed from the
 * service by the time this step looked: what its service deployment says, as the step's result.
 */
async function endedRolling(session, serviceDeploymentArn, deployArn) {
    const what = `Deployment of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} (service deployment ${serviceDeploymentArn}), started by an UpdateService whose answer was lost,`;
    try {
        const described = await session.call('DescribeServiceDeployments', (o) => session.deps.ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }), o), { withinMs: src_session/* CHECK_TIMEOUT_MS */.mw });
        const deployment = described.serviceDeployments?.[0];
        const state = deployment?.status ?? 'unknown';
        const reason = deployment?.statusReason ? ` (${deployment.statusReason.replace(/\.$/, '')})` : '';
        const status = state === 'SUCCESSFUL' ? 'succeeded' : state === 'ROLLBACK_SUCCESSFUL' ? 'rolled-back' : 'failed';
        return { status, message: `${what} ended before this step could follow it: ${state}${reason}.`, finalState: state };
    }
    catch (error) {
        return {
            status: 'failed',
            message: `${what} ended before this step could follow it; how it ended could not be read (${(0,src/* errorMessage */.gJ)(error)}).`,
            finalState: 'unknown',
        };
    }
}

;// CONCATENATED MODULE: ./src/rollback.ts








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
            return (0,wrap_up/* decided */.rc)({
                note: `This step did not roll back: ${outcome.by ? replacementName(outcome.by) : 'another deployment'} replaced deployment ${target.id}, and rolling back would undo it.`,
                ...(outcome.by ? { supersededBy: outcome.by } : {}),
            });
        }
        const by = outcome.by;
        return { kind: 'started', follow: () => followEcsRollback(session, by) };
    }
    if (!inputs.rollback)
        return (0,wrap_up/* decided */.rc)({ note: noRollbackNote(inputs) });
    if (!previousArn)
        return (0,wrap_up/* decided */.rc)({ note: 'No rollback: the service had no task definition before this step.' });
    if (previousArn === target.taskDefinitionArn) {
        return (0,wrap_up/* decided */.rc)({
            note: `No rollback: the service already ran ${(0,taskdef/* shortTaskDefinition */.P5)(previousArn)} before this step, so there is nothing older to return to.`,
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
        now = await (0,wrap_up/* freshRead */.ns)(session, budget, (limits) => session.describeService(limits));
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return (0,wrap_up/* decided */.rc)({
            note: `No rollback: this step could not confirm that deployment ${target.id} is still the service's current one (${(0,src/* errorMessage */.gJ)(error)}), and rolling back blindly could undo a newer deployment.`,
        });
    }
    session.lastService = now;
    const fresh = evaluate(session, now, target);
    if (fresh?.kind === 'replaced')
        return startRollback(session, fresh, target, previousArn, budget);
    if (fresh?.kind === 'completed') {
        return (0,wrap_up/* decided */.rc)({ note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` });
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
            if (!(0,aws_errors/* isAbort */.rV)(error) && !session.cancelled)
                throw error;
            const landed = await landedUpdate(session, asked, rollbackStarted);
            throw new aws_errors/* CancelledWriteError */.Ts(`rolling back to ${(0,taskdef/* shortTaskDefinition */.P5)(previousArn)}`, landed.text);
        });
        primary = updated.ours;
        if (!primary?.id)
            throw new Error('UpdateService answered without a PRIMARY deployment');
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled || error instanceof aws_errors/* CancelledWriteError */.Ts)
            throw error;
        return (0,wrap_up/* decided */.rc)(failed(error));
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

// EXTERNAL MODULE: ./src/timeline/record.ts
var record = __webpack_require__(7470);
;// CONCATENATED MODULE: ./src/deploy-rolling.ts








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
        const finalState = (0,src_session/* describeDeployment */.Ti)(outcome.deployment);
        return { status: 'paused', message, finalState, stoppedTasks: [], pause: outcome.pause };
    }
    if (outcome.kind === 'completed') {
        const message = `Deployment ${target.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(target.taskDefinitionArn)} completed: ${(0,src_session/* countsOf */.mQ)(outcome.deployment)}.`;
        log.info(message);
        return { status: 'succeeded', message, finalState: (0,src_session/* describeDeployment */.Ti)(outcome.deployment), stoppedTasks: [] };
    }
    // It did not complete: say why, then leave the service on the last good version, unless a newer one replaced it.
    const cause = describeOutcome(session, outcome, target);
    log.warning(cause);
    // The wait is over. First the rollback decision, within its own budget (fresh reads, then the request); then
    // the report, within its own (it can only shorten itself); then the rollback, followed for up to `timeout`.
    let stoppedTasks = [];
    let rolledBack;
    session.timeline.phase(record/* PHASES */.Z.rollback, true);
    try {
        // Out of time during a pause: the pause's own timeout action decides, not a rollback of ours.
        const whilePaused = outcome.kind === 'timed-out' ? session.pauses.noRollbackWhilePaused() : undefined;
        const start = whilePaused
            ? (0,wrap_up/* decided */.rc)({ note: whilePaused })
            : await startRollback(session, outcome, target, previousArn, (0,wrap_up/* decisionBudget */.EA)(session));
        stoppedTasks = await (0,explain_failure/* reportFailure */.xV)(session, target, new wrap_up/* ReportBudget */.Yq(session));
        rolledBack = await (0,wrap_up/* finishRollback */.kg)(start);
    }
    catch (error) {
        throw new WrapUpInterrupted(error, stoppedTasks, cause);
    }
    const { note, report: rollback } = rolledBack;
    log.info(note);
    return {
        status: statusAfterFailure(rolledBack, outcome.kind === 'timed-out'),
        message: `${cause} ${note}`,
        finalState: (0,src_session/* describeDeployment */.Ti)(outcome.deployment),
        stoppedTasks,
        ...(rollback ? { rollback } : {}),
    };
}

;// CONCATENATED MODULE: ./src/pause/paused.ts



/** on-pause: return: the step ends at the pause; the next job continues it (ecs-deploy-continue). */
function pausedEnd(session, what, deployment, pause) {
    const message = `${what} is ${(0,watch_pauses/* describePause */.Ei)(pause)}. The step ends here (on-pause: return): continue it or roll it back with ecs-deploy-continue (service-deployment-arn ${pause.serviceDeploymentArn}, hook-id ${pause.hookId}).`;
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
const STAGE_ORDER = [
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'POST_SCALE_UP',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRE_PRODUCTION_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
];
/** DeploymentLifecycleHookTimeoutConfiguration defaults: a day, then ROLLBACK. */
const DEFAULT_PAUSE_MINUTES = 1440;
/**
 * The least time the step waits for a staged deployment, pauses counted: with on-pause `return` it waits only up to
 * the first pause (before PRODUCTION_TRAFFIC_SHIFT: no fixed wait at all; at POST_PRODUCTION_TRAFFIC_SHIFT: the
 * traffic steps, not the bake time). With `wait`, a timeout shorter than the strategy plus the pauses' own timeouts is
 * warned about: if nobody acts, ECS's timeout action comes after the step has given up.
 */
function leastDurationWithPauses(session, strategy, configuration) {
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
            session.log.warning(`on-pause: wait: the service's pauses may last up to ${(0,src/* formatDuration */.a3)(pauseMs)} (their timeouts) on top of ${(0,src/* formatDuration */.a3)(least.ms)} (${least.parts}), longer than timeout ${(0,src/* formatDuration */.a3)(timeoutMs)}. If nobody continues them in time, the step ends timed out without a rollback and ECS takes each pause's timeout action. Use on-pause: return to end the step at the pause instead.`);
        }
    }
    return least;
}

;// CONCATENATED MODULE: ./src/rollback-staged.ts







/** Service deployment statuses after which ECS does nothing more with it. */
const rollback_staged_ENDED = new Set(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED']);
async function startStagedRollback(session, outcome, arn, previousArn, budget) {
    const { inputs } = session;
    if (outcome.kind === 'ended')
        return (0,wrap_up/* decided */.rc)(endedByEcs(session, outcome.deployment, arn, previousArn));
    if (!inputs.rollback) {
        return (0,wrap_up/* decided */.rc)({
            note: `${noRollbackNote(inputs).replace(/\.$/, ':')} ECS carries on with service deployment ${arn}.`,
        });
    }
    // Where it is now, read fresh (both answers, each tried again within the budget).
    let now;
    try {
        now = await (0,wrap_up/* freshRead */.ns)(session, budget, (limits) => describeServiceDeployment(session, arn, limits));
        session.lastService = await (0,wrap_up/* freshRead */.ns)(session, budget, (limits) => session.describeService(limits));
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return (0,wrap_up/* decided */.rc)({
            note: `No rollback: this step cannot tell what state service deployment ${arn} is in now (${(0,src/* errorMessage */.gJ)(error)}), and rolling back blindly could undo a newer deployment. ECS carries on with it.`,
        });
    }
    if (now.status === 'SUCCESSFUL') {
        return (0,wrap_up/* decided */.rc)({ note: `No rollback: service deployment ${arn} succeeded after all, right after the wait ended.` });
    }
    if (rollback_staged_ENDED.has(now.status ?? ''))
        return (0,wrap_up/* decided */.rc)(endedByEcs(session, now, arn, previousArn));
    if (now.status === 'ROLLBACK_REQUESTED' || now.status === 'ROLLBACK_IN_PROGRESS') {
        // ECS is rolling back already (a hook, an alarm, the breaker): its rollback, to follow; no stop of ours.
        return { kind: 'started', follow: () => followStagedRollback(session, arn, previousArn, 'ecs') };
    }
    const current = session.lastService?.currentServiceDeployment;
    if (current && current !== arn)
        return (0,wrap_up/* decided */.rc)(superseded(session, current));
    return requestStagedRollback(session, arn, previousArn, budget);
}
/** ECS ended the service deployment itself: its rollback, another run's replacement, or a stop. */
function endedByEcs(session, deployment, arn, previousArn) {
    const previous = previousArn ?? '?';
    const status = deployment.status;
    if (status === 'ROLLBACK_SUCCESSFUL' || status === 'ROLLBACK_FAILED') {
        const steady = status === 'ROLLBACK_SUCCESSFUL';
        const detail = steady
            ? `ECS rolled back to ${(0,taskdef/* shortTaskDefinition */.P5)(previous)} (${status}).`
            : `ECS tried to roll back to ${(0,taskdef/* shortTaskDefinition */.P5)(previous)}, and that failed too (${status}).`;
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
        return (0,wrap_up/* decided */.rc)({ note: detail, report: { by: 'action', taskDefinitionArn: previous, steady: false, detail } });
    }
    if (answer.kind === 'unanswered') {
        const detail = `The rollback (StopServiceDeployment) got no answer in ${answer.attempts} tries, and service deployment ${arn} shows no rollback (${describeServiceDeploymentState(answer.now)}): ${(0,src/* errorMessage */.gJ)(answer.error)}`;
        return (0,wrap_up/* decided */.rc)({ note: detail, report: { by: 'action', taskDefinitionArn: previous, steady: false, detail } });
    }
    if (answer.kind === 'ended') {
        // It ended between our last read and the stop: say how.
        return (0,wrap_up/* decided */.rc)({
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
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        // The rollback is under way: a read that failed while following it says nothing of how it ends.
        const detail = `The rollback ${how} of service deployment ${arn} is under way and ECS carries on with it, but this step could not follow it to its end: ${(0,src/* errorMessage */.gJ)(error)}`;
        return { note: detail, report: { by, ...method, taskDefinitionArn: previous, steady: false, detail } };
    }
    const final = followed.deployment;
    const steady = final?.status === 'ROLLBACK_SUCCESSFUL';
    const detail = steady
        ? by === 'action'
            ? `Rolled back to ${(0,taskdef/* shortTaskDefinition */.P5)(previous)} ${how}: ${final?.status}.`
            : `ECS rolled back to ${(0,taskdef/* shortTaskDefinition */.P5)(previous)} (${final?.status}).`
        : `The rollback ${how} did not succeed: ${describeServiceDeploymentState(final)}${followed.kind === 'timed-out' ? ` after ${(0,src/* formatDuration */.a3)(timeoutMs)}` : ''}${final?.statusReason ? ` (${final.statusReason})` : ''}.`;
    return { note: detail, report: { by, ...method, taskDefinitionArn: previous, steady, detail } };
}

;// CONCATENATED MODULE: ./src/deploy-staged.ts
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
    throw new src/* ConfigurationError */.j1(`timeout ${(0,src/* formatDuration */.a3)(timeoutMs)} is not longer than the least time service "${session.inputs.service}"'s ${strategy} deployment takes: ${(0,src/* formatDuration */.a3)(least.ms)} (${least.parts}), before its tasks even start. Nothing was changed. Set timeout to more than ${(0,src/* formatDuration */.a3)(least.ms)}, e.g. ${(0,src/* formatDuration */.a3)(least.ms + 15 * 60_000)}, or shorten the service's bake times.`);
}
async function deployStaged(session, strategy, target, previousArn) {
    const { inputs, log } = session;
    const arn = target.serviceDeploymentArn ?? (await findServiceDeployment(session, target));
    const ours = { ...target, serviceDeploymentArn: arn, strategy };
    session.current = ours;
    log.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for ${strategy} service deployment ${arn} (deployment ${target.id}), polling every ${(0,src/* formatDuration */.a3)(inputs.pollIntervalMs)}`);
    const outcome = await followStaged(session, arn, inputs.timeoutMs, 'ours');
    const what = `Deployment ${target.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(target.taskDefinitionArn)} (${strategy})`;
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
    session.timeline.phase(record/* PHASES */.Z.rollback, true);
    // Out of time during a pause: the pause's own timeout action decides, not a rollback of ours.
    const whilePaused = outcome.kind === 'timed-out' ? session.pauses.noRollbackWhilePaused() : undefined;
    const start = whilePaused
        ? (0,wrap_up/* decided */.rc)({ note: whilePaused })
        : await startStagedRollback(session, outcome, arn, previousArn, (0,wrap_up/* decisionBudget */.EA)(session));
    const stoppedTasks = await (0,explain_failure/* reportFailure */.xV)(session, ours, new wrap_up/* ReportBudget */.Yq(session));
    const rolledBack = await (0,wrap_up/* finishRollback */.kg)(start);
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

// EXTERNAL MODULE: ./src/preflight/checks.ts
var checks = __webpack_require__(6642);
// EXTERNAL MODULE: ./src/preflight/preflight.ts + 2 modules
var preflight_preflight = __webpack_require__(5934);
// EXTERNAL MODULE: ./src/register.ts + 3 modules
var register = __webpack_require__(7710);
;// CONCATENATED MODULE: ./src/revisions.ts
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




/** `family:revision` of an ARN or of `family:revision` itself. */
const familyRevision = (arn) => arn.slice(arn.lastIndexOf('/') + 1);
const familyOf = (arn) => familyRevision(arn).split(':')[0] ?? '';
async function cleanUpRevisions(session, deployedArn, limits) {
    const { inputs, log } = session;
    const keep = inputs.keepRevisions;
    if (keep === undefined)
        return undefined;
    const family = familyOf(deployedArn);
    let plan;
    try {
        plan = await planCleanUp(session, family, keep, limits);
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) && session.cancelled)
            throw error;
        // The message is explained already (what was denied, how to allow it).
        const why = (0,src/* errorMessage */.gJ)(error).replace(/\.$/, '');
        log.warning(`keep-revisions ${keep}: nothing was deregistered: ${why}. Without every read, a revision another service runs or another run just registered could be taken, so none is. The deploy itself succeeded.`);
        return { deregistered: [], kept: [], error: why };
    }
    const report = { deregistered: [], kept: plan.kept };
    if (plan.deregister.length === 0 && plan.kept.length === 0) {
        log.info(`keep-revisions ${keep}: family ${family} has ${plan.activeCount} ACTIVE revisions; nothing to deregister.`);
        return report;
    }
    try {
        for (const arn of plan.deregister) {
            await session.call('DeregisterTaskDefinition', (o) => session.deps.ecs.send(new dist_cjs.DeregisterTaskDefinitionCommand({ taskDefinition: arn }), o), limits);
            report.deregistered.push(arn);
        }
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) && session.cancelled)
            throw error;
        report.error = (0,src/* errorMessage */.gJ)(error).replace(/\.$/, '');
    }
    const names = (arns) => arns.map(taskdef/* shortTaskDefinition */.P5).join(', ') || 'none';
    const text = `keep-revisions ${keep}: deregistered ${names(report.deregistered)}` +
        (report.kept.length > 0
            ? `; kept ${report.kept.map((k) => `${(0,taskdef/* shortTaskDefinition */.P5)(k.arn)} (${k.why})`).join(', ')}`
            : '');
    if (report.error)
        log.warning(`${text}; then the clean-up stopped: ${report.error}. The deploy itself succeeded.`);
    else
        log.info(`${text}.`);
    return report;
}
/** Reads everything the decision needs (any failed read throws), then decides revision by revision. */
async function planCleanUp(session, family, keep, limits) {
    const { inputs, deps } = session;
    const active = await activeRevisions(session, family, limits);
    const plan = { activeCount: active.length, deregister: [], kept: [] };
    const older = active.slice(keep);
    if (older.length === 0)
        return plan;
    const inUse = await revisionsInUse(session, family, limits);
    const recorded = new Set(inputs.keepTaskDefinitions.map(familyRevision));
    const graceMs = inputs.keepRevisionsGraceMs;
    for (const arn of older) {
        const name = familyRevision(arn);
        const user = inUse.get(name);
        if (user)
            plan.kept.push({ arn, why: `${user} runs it` });
        else if (recorded.has(name))
            plan.kept.push({ arn, why: 'keep-task-definitions names it (a rollback target)' });
        else if (graceMs > 0) {
            const registeredAt = await registrationTime(session, arn, limits);
            const ageMs = registeredAt === undefined ? undefined : deps.clock.now() - registeredAt.getTime();
            if (ageMs === undefined)
                plan.kept.push({ arn, why: 'ECS did not say when it was registered' });
            else if (ageMs < graceMs) {
                const ago = ageMs < 1000 ? 'just now' : `${(0,src/* formatDuration */.a3)(Math.floor(ageMs / 1000) * 1000)} ago`;
                plan.kept.push({ arn, why: `registered ${ago}, within keep-revisions-grace ${(0,src/* formatDuration */.a3)(graceMs)}` });
            }
            else
                plan.deregister.push(arn);
        }
        else
            plan.deregister.push(arn);
    }
    return plan;
}
/** The family's ACTIVE revisions, newest first. */
async function activeRevisions(session, family, limits) {
    const arns = await listAll(session, 'ListTaskDefinitions', limits, (nextToken, o) => session.deps.ecs
        .send(new dist_cjs.ListTaskDefinitionsCommand({ familyPrefix: family, status: 'ACTIVE', sort: 'DESC', nextToken }), o)
        .then((p) => ({ items: p.taskDefinitionArns, nextToken: p.nextToken })));
    // familyPrefix matches other families that start with this one.
    return arns.filter((arn) => familyOf(arn) === family);
}
/**
 * `family:revision` → "service S of cluster C", for every revision of the family that a service of any cluster of
 * the account and region runs or deploys: its task definition, each deployment (PRIMARY, ACTIVE), each task set.
 */
async function revisionsInUse(session, family, limits) {
    const { ecs } = session.deps;
    const inUse = new Map();
    for (const cluster of await listAll(session, 'ListClusters', limits, (nextToken, o) => ecs.send(new dist_cjs.ListClustersCommand({ nextToken, maxResults: 100 }), o).then((p) => ({
        items: p.clusterArns,
        nextToken: p.nextToken,
    })))) {
        const clusterName = cluster.slice(cluster.lastIndexOf('/') + 1);
        const serviceArns = await listAll(session, 'ListServices', limits, (nextToken, o) => ecs.send(new dist_cjs.ListServicesCommand({ cluster, nextToken, maxResults: 100 }), o).then((p) => ({
            items: p.serviceArns,
            nextToken: p.nextToken,
        })));
        // DescribeServices takes at most 10 services.
        for (let i = 0; i < serviceArns.length; i += 10) {
            const { services = [], failures = [] } = await session.call('DescribeServices', (o) => ecs.send(new dist_cjs.DescribeServicesCommand({ cluster, services: serviceArns.slice(i, i + 10) }), o), limits);
            // MISSING: deleted since it was listed (it runs nothing). Anything else leaves a service unread.
            const unread = failures.find((failure) => failure.reason !== 'MISSING');
            if (unread) {
                throw new Error(`ecs:DescribeServices could not describe ${unread.arn ?? 'a service'} in cluster ${clusterName} (${unread.reason ?? 'no reason given'}${unread.detail ? `: ${unread.detail}` : ''})`);
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
async function listAll(session, operation, limits, page) {
    const items = [];
    let nextToken;
    do {
        const answer = await session.call(operation, (o) => page(nextToken, o), limits);
        items.push(...(answer.items ?? []));
        nextToken = answer.nextToken;
    } while (nextToken);
    return items;
}
/** When the revision was registered (DescribeTaskDefinition's registeredAt). */
async function registrationTime(session, arn, limits) {
    const { taskDefinition } = await session.call('DescribeTaskDefinition', (o) => session.deps.ecs.send(new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: arn }), o), limits);
    return taskDefinition?.registeredAt;
}

// EXTERNAL MODULE: ./src/service-definition/diff.ts
var diff = __webpack_require__(6708);
// EXTERNAL MODULE: ./src/verify/verify.ts
var verify = __webpack_require__(2216);
;// CONCATENATED MODULE: ./src/deploy.ts
















/**
 * Deploys and waits. API errors before anything changed throw; a write whose answer never came, and every
 * outcome after the update, is a result that says what landed.
 */
async function deploy(inputs, deps) {
    try {
        const created = await (0,create_service/* createMissingService */.S)(inputs, deps);
        const session = new src_session/* DeploySession */.Y_(created.inputs, created.deps);
        const result = await new Deployer(session).run();
        const timeline = session.timeline.snapshot(session.started + result.durationMs, session.newEvents);
        return await withCleanUp(session, { ...result, timeline });
    }
    catch (error) {
        // A cancel during a write or the wait is a result that says what landed; one that gets here came first.
        if ((0,aws_errors/* isAbort */.rV)(error) || deps.signal?.aborted) {
            throw new src/* ConfigurationError */.j1('Cancelled before anything was changed: nothing was registered or deployed.');
        }
        throw error;
    }
}
class Deployer {
    session;
    constructor(session) {
        this.session = session;
    }
    /** Calls before the wait share the step's timeout (plus one poll), so a hung call cannot outlast it. */
    beforeWait = () => {
        const { inputs, deps, started } = this.session;
        return { withinMs: Math.max(0, started + inputs.timeoutMs - deps.clock.now()) + inputs.pollIntervalMs };
    };
    async run() {
        const { session } = this;
        const { inputs, deps, log } = session;
        // 1. Where the service is now. Nothing is changed before every check here has passed.
        const before = await session.describeService(this.beforeWait());
        const controller = before.deploymentController?.type ?? 'ECS';
        if (controller !== 'ECS' && controller !== 'CODE_DEPLOY') {
            throw new src/* ConfigurationError */.j1(`Service "${inputs.service}" uses the ${controller} deployment controller, which ecs-deploy-wait does not support: it deploys with deployment controller ECS (rolling updates) or CODE_DEPLOY only. Nothing was changed. An ${controller} service's task sets are managed by the tool that created them.`);
        }
        // Native staged strategies (BLUE_GREEN, LINEAR, CANARY): the timeout must cover their bake times.
        const staged = stagedStrategyOf(before);
        if (staged && inputs.wait)
            refuseShortTimeout(session, staged, before);
        const previousArn = before.taskDefinition;
        const previousPrimary = before.deployments?.find((d) => d.status === 'PRIMARY');
        for (const event of before.events ?? [])
            if (event.id)
                session.seenEvents.add(event.id);
        log.info(`Service ${inputs.service} in cluster ${inputs.cluster} (${deps.region}) runs ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'no task definition'}` +
            (previousPrimary ? ` (deployment ${previousPrimary.id}: ${(0,src_session/* describeDeployment */.Ti)(previousPrimary)})` : ''));
        if (previousPrimary?.rolloutState && previousPrimary.rolloutState !== 'COMPLETED') {
            log.warning(`The service's PRIMARY deployment ${previousPrimary.id} is ${previousPrimary.rolloutState}, not COMPLETED: a rollback by this step would return to ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'it'}, which may not be a good version.`);
        }
        // A dry run plans with reads only (plan/), whatever the deployment controller.
        if (inputs.dryRun) {
            const { planDeploy } = await __webpack_require__.e(/* import() */ 904).then(__webpack_require__.bind(__webpack_require__, 5904));
            const base = { cluster: inputs.cluster, service: inputs.service, stoppedTasks: [] };
            const plan = await planDeploy(session, before, this.beforeWait, {
                ...base,
                consoleUrl: (0,src_session/* consoleUrl */.B9)(deps.region, inputs.cluster, inputs.service),
            });
            const settled = this.settled(plan.known, 'planned', plan.message, (0,src_session/* describeDeployment */.Ti)(previousPrimary));
            return { ...settled, plan: plan.markdown };
        }
        // CodeDeploy blue/green: its own phases (codedeploy/), the same result. Loaded only for such a service: they
        // bring the CodeDeploy client and the AppSpec's YAML parser, which a rolling deploy does not need.
        if (controller === 'CODE_DEPLOY') {
            const { deployWithCodeDeploy } = await Promise.all(/* import() */[__webpack_require__.e(293), __webpack_require__.e(6), __webpack_require__.e(352)]).then(__webpack_require__.bind(__webpack_require__, 3352));
            return deployWithCodeDeploy(session, before, this.beforeWait);
        }
        // 2. What to deploy, validated before anything changes; the preflight's findings (with `fail`, they end it here).
        session.timeline.phase(record/* PHASES */.Z.preflight);
        const resolved = await (0,register/* resolveTaskDefinition */.Fh)(session, before, this.beforeWait());
        const preflight = await (0,preflight_preflight/* runPreflight */.h)(session, before, this.beforeWait());
        const verified = await (0,verify/* runVerify */.R)(session, before, this.beforeWait());
        const base = {
            cluster: inputs.cluster,
            service: inputs.service,
            consoleUrl: (0,src_session/* consoleUrl */.B9)(deps.region, inputs.cluster, inputs.service),
            stoppedTasks: [],
            ...(preflight ? { preflight: preflightSummary(preflight) } : {}),
            ...(verified ? { verify: { findings: verified.lines, notes: verified.report.notes } } : {}),
        };
        const settingsChanges = serviceSettingsChanges(session, before);
        if (settingsChanges)
            Object.assign(base, { serviceSettings: settingsChanges });
        const { images, unchanged } = resolved;
        const countChange = inputs.desiredCount !== undefined && inputs.desiredCount !== before.desiredCount;
        if (unchanged && !countChange && !settingsChanges?.length && !inputs.forceNewDeployment) {
            const message = `${(0,taskdef/* shortTaskDefinition */.P5)(previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
            log.info(message);
            return this.settled({
                ...base,
                taskDefinitionArn: previousArn,
                previousTaskDefinitionArn: previousArn,
                deploymentId: previousPrimary?.id,
                images,
            }, 'unchanged', message, (0,src_session/* describeDeployment */.Ti)(previousPrimary));
        }
        if (unchanged)
            log.info('The task definition is unchanged; updating the service for the desired count / forced deployment only.');
        const written = { ...base, previousTaskDefinitionArn: previousArn, images };
        const stillRuns = `the service was not updated: it still runs ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'no task definition'}`;
        // 3. Register (unless deploying an existing revision).
        let deployArn = resolved.deployArn;
        const source = inputs.taskDefinition;
        if (!deployArn && source.kind === 'file') {
            session.timeline.phase(record/* PHASES */.Z.register);
            try {
                deployArn = await (0,register/* registerTaskDefinition */.eQ)(session, source, this.beforeWait);
            }
            catch (error) {
                if (!(0,aws_errors/* isUnanswered */.eG)(error))
                    throw error;
                const landed = await (0,register/* landedRegistration */.Iv)(session, source.rendered);
                return this.unanswered(error, 'registering', `${landed.text}; ${stillRuns}`, {
                    ...written,
                    ...(landed.arn ? { taskDefinitionArn: landed.arn } : {}),
                });
            }
        }
        if (!deployArn)
            throw new Error('internal: no task definition to deploy');
        const registeredNow = resolved.deployArn === undefined;
        const whatWasDone = registeredNow ? `Registered ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} (${deployArn}); ` : '';
        // 4. Update the service; our deployment is the PRIMARY in the answer (or what a lost answer's look found).
        let updated;
        const asked = {
            taskDefinitionArn: deployArn,
            previousDeploymentId: previousPrimary?.id,
            previousServiceDeploymentArn: before.currentServiceDeployment,
        };
        session.timeline.phase(record/* PHASES */.Z.update);
        const updateStarted = deps.clock.now();
        try {
            updated = await updateService(session, asked, this.beforeWait);
        }
        catch (error) {
            const known = { ...written, taskDefinitionArn: deployArn };
            if ((0,aws_errors/* isUnanswered */.eG)(error)) {
                const landed = await landedUpdate(session, asked, updateStarted);
                return this.unanswered(error, 'updating the service', `${whatWasDone}${landed.text}`, {
                    ...known,
                    ...(landed.deployment?.id ? { deploymentId: landed.deployment.id } : {}),
                });
            }
            // Denied, or refused: the update did not happen. Say what did.
            throw (0,aws_errors/* withWhatWasDone */.k$)(error, `${whatWasDone}${stillRuns}.`);
        }
        const { ours } = updated;
        const known = { ...written, taskDefinitionArn: deployArn, deploymentId: ours?.id };
        if (!ours) {
            // An earlier attempt landed and ECS already ended that deployment: follow its service deployment.
            log.info(`Updated service ${inputs.service} to ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)}: service deployment ${updated.serviceDeploymentArn}`);
            if (!staged) {
                const end = await endedRolling(session, updated.serviceDeploymentArn ?? '', deployArn);
                return this.settled(known, end.status, end.message, end.finalState);
            }
        }
        else {
            log.info(`Updated service ${inputs.service} to ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)}: deployment ${ours.id}` +
                (ours.id === previousPrimary?.id ? ' (the same deployment as before: nothing to roll out)' : ''));
        }
        const target = ourTarget(updated, before, deployArn);
        if (!inputs.wait) {
            const message = `Deployment ${target.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} started; not waiting for it (wait: false).`;
            log.info(message);
            return this.settled(known, 'succeeded', message, (0,src_session/* describeDeployment */.Ti)(ours));
        }
        // 5. Follow our deployment.
        session.timeline.phase(record/* PHASES */.Z.rollout);
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
            }
            catch (error) {
                return this.interrupted(error, known);
            }
        }
        let end;
        try {
            end = await followRolling(session, target, previousArn, updated.service);
        }
        catch (error) {
            if (!(error instanceof WrapUpInterrupted))
                return this.interrupted(error, known);
            return this.interrupted(error.error, { ...known, stoppedTasks: error.stoppedTasks }, error.causeText);
        }
        const pause = end.pause ? { pause: end.pause, serviceDeploymentArn: end.pause.serviceDeploymentArn } : {};
        const extra = { stoppedTasks: end.stoppedTasks, ...(end.rollback ? { rollback: end.rollback } : {}), ...pause };
        return this.settled({ ...known, ...extra }, end.status, end.message, end.finalState);
    }
    /** A result the step reached by itself (not cancelled), timed from the step's start. */
    settled(known, status, message, finalState) {
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
    unanswered(error, doing, landed, known) {
        const { session } = this;
        const durationMs = session.deps.clock.now() - session.started;
        const finalState = (0,src_session/* describeDeployment */.Ti)(session.lastService?.deployments?.find((d) => d.id === known.deploymentId));
        if (session.cancelled || (0,aws_errors/* isAbort */.rV)(error)) {
            const { message } = new aws_errors/* CancelledWriteError */.Ts(doing, landed);
            session.log.warning(message);
            return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
        }
        const detail = (0,src/* errorMessage */.gJ)(error);
        const message = `${detail} (while ${doing}); ${landed}.`;
        return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
    }
    /** Cancelled or an API error while waiting: report what is known, leave the rest to ECS. */
    interrupted(error, known, cause) {
        const { session } = this;
        const current = session.current;
        const ours = session.lastService?.deployments?.find((d) => d.id === current?.id);
        const which = current
            ? `deployment ${current.id} (${current.label}, ${(0,taskdef/* shortTaskDefinition */.P5)(current.taskDefinitionArn)}) is still in progress: ${(0,src_session/* describeDeployment */.Ti)(ours)}`
            : 'the deployment state is unknown';
        const finalState = (0,src_session/* describeDeployment */.Ti)(ours);
        const durationMs = session.deps.clock.now() - session.started;
        if (error instanceof aws_errors/* CancelledWriteError */.Ts) {
            const message = `${cause ? `${cause} ` : ''}${error.message}`;
            session.log.warning(message);
            return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
        }
        if (session.cancelled || (0,aws_errors/* isAbort */.rV)(error)) {
            // As for a rolling update, a cancelled job leaves ECS to carry on (a staged one can be stopped by hand).
            const stop = current?.strategy
                ? ` To roll it back: aws ecs stop-service-deployment --service-deployment-arn ${current.serviceDeploymentArn} --stop-type ROLLBACK`
                : '';
            const message = `Cancelled while waiting: ${which}. ECS carries on with it; follow it in the console: ${known.consoleUrl}${stop}`;
            session.log.warning(message);
            return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
        }
        const detail = (0,src/* errorMessage */.gJ)(error);
        const message = `${cause ? `${cause} ` : ''}Stopped waiting because of an AWS API error: ${detail} When it stopped, ${which}.`;
        return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
    }
}
/** Our deployment, as UpdateService's answer shows it. */
function ourTarget(updated, before, deployArn) {
    const { ours } = updated;
    const currentServiceDeployment = updated.service?.currentServiceDeployment;
    const serviceDeploymentArn = updated.serviceDeploymentArn ??
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
async function withCleanUp(session, result) {
    if (result.status !== 'succeeded' || !session.inputs.wait || !result.taskDefinitionArn)
        return result;
    // Its own short budget: the deploy is over, the clean-up must not hold the job for long.
    const cleanup = await cleanUpRevisions(session, result.taskDefinitionArn, { deadline: Date.now() + CLEANUP_MS });
    return cleanup ? { ...result, revisionsCleanup: cleanup } : result;
}
/** How long (real ms) the revision clean-up may take in all. */
const CLEANUP_MS = 60_000;
/** The service definition's changes to the running service, printed; undefined without a service definition. */
function serviceSettingsChanges(session, before) {
    const definition = session.inputs.serviceDefinition;
    if (!definition)
        return undefined;
    const lines = (0,diff/* serviceSettingsDiff */.c)(definition.settings, before);
    session.log.info(lines.length === 0
        ? `Service definition ${definition.path}: the service already has these settings.`
        : `Service definition ${definition.path} changes ${lines.length} setting${lines.length === 1 ? '' : 's'} (applied with the task definition in one UpdateService):\n${lines.map((line) => `  ${line}`).join('\n')}`);
    return lines;
}
/** What a result carries of the preflight. */
function preflightSummary(report) {
    const { prediction } = report;
    return {
        findings: report.findings.map(checks/* findingLine */.mC),
        ...(prediction ? { predictedMs: prediction.leastMs, prediction: prediction.text } : {}),
    };
}


/***/ }),

/***/ 2958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sb: () => (/* binding */ printIncompleteReport),
  xV: () => (/* binding */ reportFailure)
});

// UNUSED EXPORTS: formatStoppedTask

// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 3 modules
var ecs = __webpack_require__(9530);
;// CONCATENATED MODULE: ./src/app-logs.ts




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
        configs = (0,ecs/* awslogsConfigs */.AB)(await containerDefinitions(session, taskDefinitionArn, budget.read()), session.deps.region);
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
            const stream = (0,ecs/* logStreamOf */.aM)(config, task.taskId);
            if (stream === undefined) {
                shown.push({ container: config.container, group: config.group, note: (0,ecs/* noPrefixNote */.oO)(config) });
                continue;
            }
            try {
                const client = await logsClient(config.region);
                const withinMs = budget.read().withinMs ?? 0;
                const lines = await (0,ecs/* lastLogLines */.EP)(client, { group: config.group, stream, count: ecs/* LOG_LINES_SHOWN */.Vp }, { withinMs, ...(session.deps.signal ? { signal: session.deps.signal } : {}) });
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
                const problem = (0,ecs/* logsReadProblem */.FO)(error, config, stream);
                if (problem.wholeGroup)
                    given.add(key);
                // Out of time or failing: a read the report is missing (a denial or a missing group is named above).
                if (error instanceof ecs/* NoAnswerError */.i5 || (0,ecs/* isTransient */.dg)(error)) {
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
    return (0,ecs/* formatContainerLogs */.ml)(task.logs ?? []);
}

// EXTERNAL MODULE: ./src/aws-errors.ts
var aws_errors = __webpack_require__(2748);
;// CONCATENATED MODULE: ./src/explain-failure.ts
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
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
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
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        if ((0,aws_errors/* isUnavailable */.Pd)(error) || (0,aws_errors/* isTransient */.dg)(error)) {
            session.log.info(`(Service deployment detail is not available here: ${(0,aws_errors/* errorCode */.CA)(error)})`);
            if ((0,aws_errors/* isTransient */.dg)(error))
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


/***/ }),

/***/ 5778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ watch)
/* harmony export */ });
/* unused harmony export MAX_TRANSIENT_ERRORS */
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(785);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2748);
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
    const result = await (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .poll */ .wt)({
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
                if (error instanceof _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswerError */ .i5)
                    return w.timedOut(error.message);
                if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(error))
                    throw error;
                transientErrors++;
                if (transientErrors > MAX_TRANSIENT_ERRORS) {
                    const detail = error instanceof _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsRetriesExhaustedError */ .B1 ? error.detail : (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
                    throw new _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AwsRetriesExhaustedError */ .B1(`${w.operation} kept failing with ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error)} (${detail}) ${transientErrors} polls in a row, after the SDK's own retries.`, (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error), detail);
                }
                const backoff = Math.min(pollIntervalMs * 2 ** transientErrors, MAX_BACKOFF_MS, Math.max(0, deadline - clock.now()));
                session.log.warning(`[${session.elapsed()}] ${w.operation} failed with ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error)} (transient, ${transientErrors}/${MAX_TRANSIENT_ERRORS}); trying again in ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(backoff)}`);
                await sleep(backoff, signal);
                return undefined;
            }
            return w.judge(state);
        },
    });
    return result.status === 'done' ? result.value : w.timedOut();
}


/***/ }),

/***/ 2217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ei: () => (/* binding */ describePause),
/* harmony export */   Mh: () => (/* binding */ PauseWatch),
/* harmony export */   Rw: () => (/* binding */ hasPauseHooks)
/* harmony export */ });
/* unused harmony exports awaitingPauses, isInvalidParameter */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1234);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(785);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9530);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2748);
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
        await session.call('ContinueServiceDeployment', (o) => session.deps.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__.ContinueServiceDeploymentCommand({
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
        session.log.warning(`ContinueServiceDeployment for hook ${pause.hookId} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
    }
}
/** ECS refused the request's parameters (ContinueServiceDeployment: the hook is no longer AWAITING_ACTION). */
function isInvalidParameter(error) {
    const code = error instanceof _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .AwsCallError */ .iQ ? error.code : (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error);
    return code === 'InvalidParameterException';
}


/***/ }),

/***/ 6642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WX: () => (/* binding */ findingsOf),
/* harmony export */   mC: () => (/* binding */ findingLine)
/* harmony export */ });
/* unused harmony export LATEST_FARGATE_PLATFORM */
/** The latest Fargate platform version per platform family (Fargate platform versions, developer guide). */
const LATEST_FARGATE_PLATFORM = { LINUX: '1.4.0', WINDOWS_SERVER_2019_FULL: '1.0.0' };
const ROLLING = new Set(['ROLLING', undefined]);
function findingsOf(facts) {
    const { service } = facts;
    const findings = [];
    const desired = service.desiredCount ?? 0;
    const config = service.deploymentConfiguration ?? {};
    if (desired < 2) {
        findings.push({
            check: 'desired-count',
            what: `desired count is ${desired}`,
            why: 'one task is a single point of failure: when it or its Availability Zone fails, the service is down until a new task starts',
            fix: 'run at least 2 tasks (desiredCount: 2 or more), in subnets of at least 2 Availability Zones',
        });
    }
    if (facts.subnetZones) {
        const zones = [...new Set(facts.subnetZones.values())].sort();
        if (zones.length < 2) {
            const subnets = [...facts.subnetZones.keys()];
            findings.push({
                check: 'availability-zones',
                what: subnets.length === 1
                    ? `the service has one subnet (${subnets[0]}), so one Availability Zone`
                    : `the service's subnets (${subnets.join(', ')}) are all in ${zones[0] ?? 'one Availability Zone'}`,
                why: 'ECS spreads tasks across the Availability Zones of the subnets; with one, an outage of that zone stops every task',
                fix: 'add a subnet in a second Availability Zone to the service network configuration',
            });
        }
    }
    const breaker = config.deploymentCircuitBreaker;
    const alarms = config.alarms;
    const breakerRollsBack = breaker?.enable === true && breaker.rollback === true;
    const alarmsRollBack = alarms?.enable === true && alarms.rollback === true && (alarms.alarmNames ?? []).length > 0;
    if (!breakerRollsBack && !alarmsRollBack) {
        findings.push({
            check: 'automatic-rollback',
            what: 'neither the deployment circuit breaker with rollback nor CloudWatch alarms with rollback is on',
            why: 'a deployment whose tasks keep failing is not stopped by ECS: without this step it would go on failing until someone notices',
            fix: 'set deploymentConfiguration.deploymentCircuitBreaker to {"enable": true, "rollback": true}',
        });
    }
    const strategy = config.strategy;
    if (ROLLING.has(strategy) && desired > 0) {
        const minimumHealthy = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100);
        if (minimumHealthy === 0) {
            findings.push({
                check: 'minimum-healthy-percent',
                what: `minimumHealthyPercent is ${config.minimumHealthyPercent}: with ${desired} task${desired === 1 ? '' : 's'}, ECS may stop every running task before new ones are healthy`,
                why: 'nothing serves requests during part of every rollout',
                fix: 'set minimumHealthyPercent to 100 (and maximumPercent to 200 for speed), or at least a value that keeps one task',
            });
        }
    }
    const containerHealthCheck = facts.containers.some((container) => container.essential && container.healthCheck);
    const loadBalanced = (service.loadBalancers ?? []).some((lb) => lb.targetGroupArn);
    if (!containerHealthCheck && !loadBalanced) {
        findings.push({
            check: 'health-check',
            what: 'no essential container has a health check and the service has no load balancer target group',
            why: 'ECS counts a task as healthy as soon as it runs: a version that starts but does not serve is deployed as a success',
            fix: 'add a healthCheck to the essential container of the task definition, or put the service behind a target group',
        });
    }
    const platformVersion = service.platformVersion;
    const family = service.platformFamily ?? 'LINUX';
    const latest = LATEST_FARGATE_PLATFORM[family];
    if (platformVersion && platformVersion !== 'LATEST' && latest && platformVersion !== latest) {
        findings.push({
            check: 'platform-version',
            what: `the Fargate platform version is pinned to ${platformVersion}; the latest is ${latest}`,
            why: 'older platform versions miss fixes and features, and AWS retires them',
            fix: `set platformVersion to LATEST (or ${latest})`,
        });
    }
    return findings;
}
/** One line per finding: what, why it matters, the fix. */
function findingLine(finding) {
    return `${finding.what}: ${finding.why}. Fix: ${finding.fix}.`;
}


/***/ }),

/***/ 5934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ runPreflight)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ./src/preflight/checks.ts
var checks = __webpack_require__(6642);
// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ./src/aws-errors.ts
var aws_errors = __webpack_require__(2748);
;// CONCATENATED MODULE: ./src/preflight/read.ts
/**
 * What the preflight reads before any change: the Availability Zones of the service's subnets (where its running
 * tasks are, from ECS; EC2 DescribeSubnets unless those already span two zones) and its target groups' health check and deregistration delay settings (ELBv2
 * DescribeTargetGroups, DescribeTargetGroupAttributes), and the health checks of the task definition to deploy.
 * A read that fails (no permission, say) skips the checks that need it with one note naming the permission; it
 * never fails the step.
 */



/** The zone recorded for the only subnet of a service, not asked of EC2. */
const ONE_SUBNET = "(the one subnet's zone)";
async function readPreflightFacts(session, service, limits) {
    const notes = [];
    const attempt = async (permission, skipped, read) => {
        try {
            return await read();
        }
        catch (error) {
            if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
                throw error;
            notes.push(`Could not check ${skipped}: ${permission} failed with ${(0,aws_errors/* errorCode */.CA)(error)} (${(0,src/* errorMessage */.gJ)(error)}).`);
            return undefined;
        }
    };
    const [containers, subnetZones, targetGroups] = await Promise.all([
        attempt('ecs:DescribeTaskDefinition', 'the container health checks', () => containersToDeploy(session, limits)),
        attempt('ec2:DescribeSubnets', 'the Availability Zones of the subnets', () => subnetZonesOf(session, service, limits)),
        attempt('elasticloadbalancing:DescribeTargetGroups and DescribeTargetGroupAttributes', 'the target groups', () => targetGroupsOf(session, service, limits)),
    ]);
    return {
        facts: {
            service,
            // Unread: assume a health check, so no finding is made up.
            containers: containers ?? [{ name: '?', essential: true, healthCheck: true }],
            ...(subnetZones ? { subnetZones } : {}),
            ...(targetGroups ? { targetGroups } : {}),
        },
        notes,
    };
}
async function containersToDeploy(session, limits) {
    const source = session.inputs.taskDefinition;
    let containers;
    if (source.kind === 'file') {
        containers = (source.rendered.request.containerDefinitions ?? []);
    }
    else {
        const described = await session.bounded('DescribeTaskDefinition', (o) => session.deps.ecs.send(new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o), limits);
        containers = (described.taskDefinition?.containerDefinitions ?? []);
    }
    return containers.map((container) => ({
        name: container.name ?? '?',
        // ECS: a container is essential unless it says otherwise.
        essential: container.essential !== false,
        healthCheck: container.healthCheck !== undefined && container.healthCheck !== null,
    }));
}
async function subnetZonesOf(session, service, limits) {
    const subnets = service.networkConfiguration?.awsvpcConfiguration?.subnets ?? [];
    if (subnets.length === 0)
        return undefined;
    // One subnet is one Availability Zone: no need to ask EC2 (whose client is a large chunk to load).
    if (subnets.length === 1)
        return new Map([[subnets[0] ?? '?', ONE_SUBNET]]);
    // Running tasks in two zones show the subnets span two; only otherwise is EC2 asked about every subnet.
    const seen = await zonesOfRunningTasks(session, subnets, limits);
    if (new Set(seen.values()).size >= 2)
        return seen;
    if (!session.deps.ec2)
        return undefined;
    const [ec2, { DescribeSubnetsCommand }] = await Promise.all([session.deps.ec2(), __webpack_require__.e(/* import() */ 990).then(__webpack_require__.t.bind(__webpack_require__, 7990, 19))]);
    const answer = await session.bounded('DescribeSubnets', (o) => ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnets }), o), limits);
    return new Map((answer.Subnets ?? []).map((subnet) => [subnet.SubnetId ?? '?', subnet.AvailabilityZone ?? '?']));
}
/**
 * The zones the service's running tasks are in, by subnet (DescribeTasks: the task's Availability Zone and its network
 * interface's subnet), for the service's own subnets only: a task still running in a subnet the service no longer
 * uses says nothing about it. Empty when the tasks cannot be read (the EC2 read then decides).
 */
async function zonesOfRunningTasks(session, subnets, limits) {
    const { cluster, service } = session.inputs;
    const { ecs } = session.deps;
    const zones = new Map();
    try {
        const listed = await session.bounded('ListTasks', (o) => ecs.send(new dist_cjs.ListTasksCommand({ cluster, serviceName: service, desiredStatus: 'RUNNING', maxResults: 100 }), o), limits);
        const arns = listed.taskArns ?? [];
        if (arns.length === 0)
            return zones;
        const described = await session.bounded('DescribeTasks', (o) => ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: arns }), o), limits);
        for (const task of described.tasks ?? []) {
            const subnet = task.attachments
                ?.find((attachment) => attachment.type === 'ElasticNetworkInterface')
                ?.details?.find((detail) => detail.name === 'subnetId')?.value;
            if (subnet && task.availabilityZone && subnets.includes(subnet))
                zones.set(subnet, task.availabilityZone);
        }
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
    }
    return zones;
}
async function targetGroupsOf(session, service, limits) {
    const arns = [
        ...new Set((service.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : []))),
    ];
    if (arns.length === 0 || !session.deps.elbv2)
        return arns.length === 0 ? [] : undefined;
    const [elbv2, sdk] = await Promise.all([session.deps.elbv2(), __webpack_require__.e(/* import() */ 518).then(__webpack_require__.t.bind(__webpack_require__, 3518, 19))]);
    const described = await session.bounded('DescribeTargetGroups', (o) => elbv2.send(new sdk.DescribeTargetGroupsCommand({ TargetGroupArns: arns }), o), limits);
    return Promise.all((described.TargetGroups ?? []).map(async (group) => {
        const attributes = await session.bounded('DescribeTargetGroupAttributes', (o) => elbv2.send(new sdk.DescribeTargetGroupAttributesCommand({ TargetGroupArn: group.TargetGroupArn }), o), limits);
        const delay = attributes.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value;
        return {
            arn: group.TargetGroupArn ?? '?',
            name: group.TargetGroupName ?? '?',
            healthCheckIntervalSeconds: group.HealthCheckIntervalSeconds ?? 30,
            healthyThresholdCount: group.HealthyThresholdCount ?? 5,
            // ELBv2's default when the attribute is missing.
            deregistrationDelaySeconds: delay === undefined ? 300 : Number(delay),
        };
    }));
}

;// CONCATENATED MODULE: ./src/preflight/rollout-time.ts
/**
 * The least time a rolling update of the service takes, from its settings, and which setting dominates it.
 *
 * ECS replaces tasks in rounds: at most maximumPercent of the desired count may be running or draining (draining
 * tasks count), at least minimumHealthyPercent must stay healthy, so each round replaces (maximum − minimum)
 * tasks. A round is: a new task starts, passes the load balancer's first health check (an Application Load
 * Balancer target "must pass one health check to be considered healthy"), then an old one drains for the target
 * group's deregistration delay and stops. The task start and stop times are typical Fargate figures, not settings.
 */

/** A Fargate task of a small image: provisioning, image pull and container start (typical; not a setting). */
const TASK_START_MS = 30_000;
/** From the end of draining to STOPPED (typical). */
const TASK_STOP_MS = 10_000;
/** Undefined for strategies other than rolling updates (their own follower computes their least time). */
function predictRollout(facts) {
    const { service } = facts;
    const config = service.deploymentConfiguration ?? {};
    if (config.strategy !== undefined && config.strategy !== 'ROLLING')
        return undefined;
    const desired = service.desiredCount ?? 0;
    if (desired === 0)
        return undefined;
    const maximum = Math.floor((desired * (config.maximumPercent ?? 200)) / 100);
    const minimum = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100);
    const perRound = Math.max(1, Math.min(desired, maximum - minimum));
    const rounds = Math.ceil(desired / perRound);
    const groups = facts.targetGroups ?? [];
    const slowest = (pick, fallback) => groups.length > 0 ? Math.max(...groups.map(pick)) : fallback;
    const healthMs = slowest((group) => group.healthCheckIntervalSeconds * 1000, 0);
    const drainMs = slowest((group) => group.deregistrationDelaySeconds * 1000, 0);
    const parts = [
        { label: 'task start (typical)', ms: TASK_START_MS },
        ...(healthMs > 0 ? [{ label: 'first load balancer health check', ms: healthMs }] : []),
        ...(drainMs > 0 ? [{ label: 'deregistration delay', ms: drainMs }] : []),
        { label: 'task stop (typical)', ms: TASK_STOP_MS },
    ];
    const roundMs = parts.reduce((sum, part) => sum + part.ms, 0);
    const leastMs = rounds * roundMs;
    let dominant;
    if (drainMs > TASK_START_MS && drainMs >= healthMs) {
        dominant = {
            setting: `deregistration delay ${(0,src/* formatDuration */.a3)(drainMs)}`,
            addsMs: rounds * drainMs,
            fix: 'lower the target group attribute deregistration_delay.timeout_seconds (e.g. to 30) when requests are short',
        };
    }
    else if (healthMs > TASK_START_MS) {
        dominant = {
            setting: `health check interval ${(0,src/* formatDuration */.a3)(healthMs)}`,
            addsMs: rounds * healthMs,
            fix: "lower the target group's HealthCheckIntervalSeconds (e.g. to 10)",
        };
    }
    else if (rounds > 1) {
        dominant = {
            setting: `maximumPercent ${config.maximumPercent ?? 200} / minimumHealthyPercent ${config.minimumHealthyPercent ?? 100}`,
            addsMs: (rounds - 1) * roundMs,
            fix: 'allow more tasks per round: maximumPercent 200 with minimumHealthyPercent 100 replaces all tasks at once',
        };
    }
    const roundText = `${rounds} round${rounds === 1 ? '' : 's'} of ${perRound} task${perRound === 1 ? '' : 's'} × (${parts.map((part) => `${part.label} ${(0,src/* formatDuration */.a3)(part.ms)}`).join(' + ')})`;
    const text = `A rollout takes at least ${(0,src/* formatDuration */.a3)(leastMs)}: ${roundText}.` +
        (dominant
            ? ` The ${dominant.setting} dominates: it adds at least ${(0,src/* formatDuration */.a3)(dominant.addsMs)} to every deploy (fix: ${dominant.fix}).`
            : '');
    return { leastMs, rounds, perRound, parts, ...(dominant ? { dominant } : {}), text };
}

;// CONCATENATED MODULE: ./src/preflight/preflight.ts




async function runPreflight(session, service, limits) {
    const { inputs, log } = session;
    if (inputs.preflight === 'off')
        return undefined;
    const { facts, notes } = await readPreflightFacts(session, service, limits);
    const findings = (0,checks/* findingsOf */.WX)(facts);
    const prediction = predictRollout(facts);
    log.info(`Preflight of service ${inputs.service}: ${findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`} (preflight: ${inputs.preflight})`);
    for (const note of notes)
        log.info(`  ${note}`);
    if (prediction)
        log.info(`  ${prediction.text}`);
    if (findings.length > 0 && inputs.preflight === 'fail') {
        throw new src/* ConfigurationError */.j1(`Preflight found ${findings.length} problem${findings.length === 1 ? '' : 's'} with service ${inputs.service} (preflight: fail); nothing was registered or deployed:\n${findings.map((finding) => `- ${(0,checks/* findingLine */.mC)(finding)}`).join('\n')}\nFix them, or set preflight: warn to deploy anyway.`);
    }
    for (const finding of findings)
        log.warning(`Preflight: ${(0,checks/* findingLine */.mC)(finding)}`);
    return { findings, ...(prediction ? { prediction } : {}), notes };
}


/***/ }),

/***/ 7710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Iv: () => (/* reexport */ landedRegistration),
  eQ: () => (/* reexport */ registerTaskDefinition),
  Fh: () => (/* binding */ resolveTaskDefinition)
});

// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 3 modules
var ecs = __webpack_require__(9530);
// EXTERNAL MODULE: ../../packages/core/src/aws-errors.ts
var aws_errors = __webpack_require__(6743);
;// CONCATENATED MODULE: ../../packages/core/src/aws-wire.ts
/**
 * AWS JSON requests and answers as they go over the wire (ECS here). The SDK serializes and deserializes only the members its model
 * knows, so a field newer than our SDK (one that ecs-render-taskdef keeps on purpose) would be dropped on the way to
 * RegisterTaskDefinition without a word, and missing from a DescribeTaskDefinition answer. ECS speaks JSON with the
 * member names as they are, so the document itself is the wire body, and the answer's body is the whole answer.
 */
/** Like the SDK: null stands for "not set" and is left out. */
function wireBody(document) {
    return JSON.stringify(document, (_key, value) => (value === null ? undefined : value));
}
/**
 * Replaces the serialized body of one command with `document` (after the SDK's serializer, before signing, so the
 * signature covers it).
 */
function sendAsWritten(command, document) {
    const body = wireBody(document);
    const middleware = (next) => async (args) => {
        const request = args.request;
        request.body = body;
        for (const name of Object.keys(request.headers ?? {})) {
            if (request.headers && name.toLowerCase() === 'content-length') {
                request.headers[name] = String(Buffer.byteLength(body));
            }
        }
        return next(args);
    };
    command.middlewareStack.add(middleware, {
        step: 'build',
        priority: 'high',
        name: 'ecsActionsSendAsWritten',
    });
}
/**
 * Keeps the response body of one command as AWS sent it: the SDK's deserializer, like its serializer, drops the
 * members its model does not know, and comparing with the running task definition must see them.
 */
function keepRawResponse(command) {
    const raw = { text: undefined };
    const middleware = (next) => async (args) => {
        const result = await next(args);
        const bytes = await readBody(result.response.body);
        if (bytes) {
            raw.text = new TextDecoder().decode(bytes);
            // The SDK's deserializer accepts the bytes in place of the consumed stream.
            result.response.body = bytes;
        }
        return result;
    };
    command.middlewareStack.addRelativeTo(middleware, {
        relation: 'after',
        toMiddleware: 'deserializerMiddleware',
        name: 'ecsActionsKeepRawResponse',
        override: true,
    });
    return raw;
}
async function readBody(body) {
    if (body instanceof Uint8Array)
        return body;
    if (typeof body === 'string')
        return new TextEncoder().encode(body);
    if (body && typeof body[Symbol.asyncIterator] === 'function') {
        const chunks = [];
        for await (const chunk of body) {
            chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
        }
        return Buffer.concat(chunks);
    }
    return undefined;
}
/** The raw body's member `key` when it parses as a JSON object, else `fallback` (what the SDK made of it). */
function rawMember(raw, key, fallback) {
    if (raw.text === undefined)
        return fallback;
    try {
        const parsed = JSON.parse(raw.text);
        return typeof parsed === 'object' && parsed !== null && key in parsed
            ? parsed[key]
            : fallback;
    }
    catch {
        return fallback;
    }
}

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __webpack_require__(9179);
// EXTERNAL MODULE: ../../packages/core/src/ecs/aws-errors.ts
var ecs_aws_errors = __webpack_require__(6153);
// EXTERNAL MODULE: ../../packages/core/src/ecs/call-session.ts
var call_session = __webpack_require__(3043);
// EXTERNAL MODULE: ../../packages/core/src/ecs/taskdef.ts
var taskdef = __webpack_require__(7556);
// EXTERNAL MODULE: ../../packages/core/src/ecs/write-once.ts
var write_once = __webpack_require__(7805);
;// CONCATENATED MODULE: ../../packages/core/src/ecs/register.ts
/**
 * A new revision registered from a rendered file (ecs-deploy-wait and ecs-run-task). Registering is idempotent
 * (writeOnce): before another attempt the family's latest ACTIVE revision is compared with ours, so an attempt
 * whose answer was lost is reused rather than registered again.
 */








/**
 * DescribeTaskDefinition as AWS sent it: fields newer than our SDK count in a comparison, as they did when
 * registering. `ref` is an ARN, family:revision, or a family (its latest ACTIVE revision).
 */
async function describeAsSent(session, ref, limits) {
    const command = new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: ref });
    const raw = keepRawResponse(command);
    const described = await session.call('DescribeTaskDefinition', (o) => session.deps.ecs.send(command, o), limits);
    const arn = described.taskDefinition?.taskDefinitionArn;
    if (!arn)
        return undefined;
    return { arn, definition: rawMember(raw, 'taskDefinition', described.taskDefinition) };
}
/**
 * The family's latest ACTIVE revision when it is what `rendered` registers (an earlier attempt of ours whose
 * answer was lost, or the same definition registered before), else undefined. A family ECS does not know has none.
 */
async function latestSameRevision(session, rendered, limits) {
    try {
        const latest = await describeAsSent(session, rendered.request.family ?? '', limits);
        return latest && (0,taskdef/* sameTaskDefinition */.JL)(rendered.request, latest.definition) ? latest.arn : undefined;
    }
    catch (error) {
        if (error instanceof ecs_aws_errors/* AwsCallError */.iQ && error.code === 'ClientException')
            return undefined;
        throw error;
    }
}
/** Registers the file's task definition once, reusing a revision an earlier attempt registered. Returns its ARN. */
async function registerTaskDefinition(session, source, limits) {
    if (source.rendered.dropped.length > 0) {
        session.log.info(`Dropped describe-only fields from ${source.path}: ${source.rendered.dropped.join(', ')}`);
    }
    return (0,write_once/* writeOnce */.Fq)(session, {
        operation: 'RegisterTaskDefinition',
        write: () => registerOnce(session, source, limits()),
        landed: async () => {
            const landed = await latestSameRevision(session, source.rendered, limits());
            if (landed)
                session.log.info(`${(0,taskdef/* shortTaskDefinition */.P5)(landed)}, the family's latest revision, is what this step registers.`);
            return landed;
        },
    });
}
/**
 * After a RegisterTaskDefinition whose answer never came (cancelled, or no answer): whether the family's latest
 * revision is ours, found with one short describe that the job's cancel does not abort.
 */
async function landedRegistration(session, rendered) {
    try {
        const arn = await latestSameRevision(session, rendered, { withinMs: call_session/* CHECK_TIMEOUT_MS */.m, cancellable: false });
        return arn
            ? { text: `${(0,taskdef/* shortTaskDefinition */.P5)(arn)} was registered (${arn})`, arn }
            : { text: 'no revision was registered' };
    }
    catch (error) {
        return { text: `whether a revision was registered is unknown (${(0,errors/* errorMessage */.gJ)(error)})` };
    }
}
async function registerOnce(session, source, limits) {
    const registered = await session.call('RegisterTaskDefinition', async (o) => {
        try {
            const command = new dist_cjs.RegisterTaskDefinitionCommand(source.rendered.request);
            // Every field of the file reaches ECS, also those newer than our SDK's model.
            sendAsWritten(command, source.rendered.request);
            return await session.deps.ecsSingleAttempt.send(command, o);
        }
        catch (error) {
            // ECS refuses an invalid task definition with a ClientException: point at the file, not at the API.
            // (A missing iam:PassRole is an access error, explained as such by explainAwsError.)
            const detail = (0,aws_errors/* sentence */.em)((0,errors/* errorMessage */.gJ)(error));
            if ((0,ecs_aws_errors/* errorCode */.CA)(error) === 'ClientException' && !/not authorized to perform/i.test(detail)) {
                throw new ecs_aws_errors/* AwsCallError */.iQ(`Input "task-definition": ECS refused to register ${(0,errors/* quoteValue */.cl)(source.path)} (ecs:RegisterTaskDefinition, ClientException): ${detail} Fix the task definition file (or the ecs-render-taskdef inputs that wrote it). Nothing was changed.`, 'ClientException', 'RegisterTaskDefinition');
            }
            throw error;
        }
    }, limits);
    const arn = registered.taskDefinition?.taskDefinitionArn;
    if (!arn)
        throw new Error('RegisterTaskDefinition answered without a taskDefinitionArn');
    session.log.info(`Registered ${(0,taskdef/* shortTaskDefinition */.P5)(arn)} (${arn})`);
    return arn;
}

// EXTERNAL MODULE: ../../packages/core/src/image-ref.ts
var image_ref = __webpack_require__(4287);
// EXTERNAL MODULE: ./src/aws-errors.ts
var src_aws_errors = __webpack_require__(2748);
// EXTERNAL MODULE: ./src/taskdef.ts
var src_taskdef = __webpack_require__(247);
;// CONCATENATED MODULE: ./src/recorded-images.ts





async function checkRecordedImages(session, taskDefinitionArn, images, limits) {
    const { deps, log } = session;
    const clientFor = deps.ecr;
    // Without ECR clients (a caller that gives none) there is nothing to check with.
    if (!clientFor)
        return;
    const revision = (0,src_taskdef/* shortTaskDefinition */.P5)(taskDefinitionArn);
    const missing = [];
    const found = [];
    for (const image of new Set(images)) {
        const parsed = (0,image_ref/* parseImageRef */.Q)(image);
        const ecr = parsed.ok ? parsed.ref.ecr : undefined;
        if (!parsed.ok || !ecr) {
            log.info(`Image ${image} of ${revision} is not in a private ECR registry: not checked.`);
            continue;
        }
        const { ref } = parsed;
        // By digest where the reference pins one (what ECS pulls), else by its tag.
        const imageId = ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
        try {
            const { DescribeImagesCommand } = await __webpack_require__.e(/* import() */ 613).then(__webpack_require__.t.bind(__webpack_require__, 8613, 19));
            const client = await clientFor(ecr.region);
            await session.bounded('DescribeImages', (o) => client.send(new DescribeImagesCommand({
                registryId: ecr.account,
                repositoryName: ecr.repository,
                imageIds: [imageId],
            }), o), limits);
            found.push(image);
        }
        catch (error) {
            if ((0,src_aws_errors/* isAbort */.rV)(error) && session.cancelled)
                throw error;
            const code = (0,ecs/* errorCode */.CA)(error);
            if (code === 'ImageNotFoundException' || code === 'RepositoryNotFoundException') {
                missing.push(missingImage(image, ref, ecr, code));
                continue;
            }
            const explained = (0,src/* explainAccessError */.Qz)(error, { action: 'ecr:DescribeImages', resource: repositoryArn(ecr), region: ecr.region }) ??
                error;
            log.warning(`Could not check that image ${image} of ${revision} is still in ECR (ecr:DescribeImages: ${(0,src/* errorMessage */.gJ)(explained).replace(/\.$/, '')}); deploying it without that check.`);
        }
    }
    if (missing.length > 0) {
        throw new src/* ConfigurationError */.j1(`${revision} (${taskDefinitionArn}) cannot run: ${missing.join(' ')} Nothing was changed: the service still runs what it ran. Deploy a version whose image exists (build and deploy it again, or push the image back under the same digest), and keep deployable images out of the lifecycle policy's expiry (e.g. a rule on untagged images only, or a higher count).`);
    }
    if (found.length > 0)
        log.info(`The images of ${revision} are in ECR: ${found.join(', ')}.`);
}
/** One missing image, its repository and the likely cause. */
function missingImage(image, ref, ecr, code) {
    const where = `repository ${ecr.repository} (registry ${ecr.account}, ${ecr.region})`;
    if (code === 'RepositoryNotFoundException') {
        return `image ${image}: ${where} does not exist (ecr:DescribeImages: RepositoryNotFoundException); it was deleted or renamed since this revision ran.`;
    }
    const what = ref.digest ? `digest ${ref.digest}` : `tag ${ref.tag ?? 'latest'}`;
    return `image ${image}: ${where} has no image with ${what} (ecr:DescribeImages: ImageNotFoundException); likely an ECR lifecycle policy expired it${ref.digest ? ', and ECS (version consistency) runs exactly this digest' : ''}.`;
}
const repositoryArn = (ecr) => `arn:${ecr.region.startsWith('cn-') ? 'aws-cn' : 'aws'}:ecr:${ecr.region}:${ecr.account}:repository/${ecr.repository}`;

;// CONCATENATED MODULE: ./src/register.ts
/**
 * What to deploy: an existing revision (task-definition-arn), the running one when the rendered file equals it
 * (skip-unchanged), or a new revision registered from the file (core's registerTaskDefinition, shared with
 * ecs-run-task).
 */






/** The task definition to deploy, validated before anything changes. */
async function resolveTaskDefinition(session, before, limits) {
    const { inputs, deps } = session;
    const source = inputs.taskDefinition;
    const previousArn = before.taskDefinition;
    if (source.kind === 'arn') {
        const notFound = (detail) => new ecs/* AwsCallError */.iQ(`Input "task-definition-arn": ${(0,src/* quoteValue */.cl)(source.arn)} was not found in ECS in region ${deps.region} (ecs:DescribeTaskDefinition: ${detail}). Use the ARN or family:revision of a registered revision, e.g. the previous-task-definition-arn output of an earlier deploy, and check AWS_REGION.`, 'ClientException', 'DescribeTaskDefinition');
        const described = await session.call('DescribeTaskDefinition', async (o) => {
            try {
                return await deps.ecs.send(new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o);
            }
            catch (error) {
                // ECS answers an unknown family or revision with a ClientException: that is the input's fault.
                if ((0,ecs/* errorCode */.CA)(error) === 'ClientException')
                    throw notFound((0,src/* errorMessage */.gJ)(error));
                throw error;
            }
        }, limits);
        const td = described.taskDefinition;
        if (!td?.taskDefinitionArn)
            throw notFound('no task definition in the answer');
        if (td.status === 'INACTIVE') {
            session.log.warning(`${(0,ecs/* shortTaskDefinition */.P5)(td.taskDefinitionArn)} is deregistered (INACTIVE); ECS can still run it.`);
        }
        // A redeploy or rollback: its images must still be in ECR (a lifecycle policy may have expired them).
        const images = (0,ecs/* imagesOf */.IC)(td);
        await checkRecordedImages(session, td.taskDefinitionArn, images, limits);
        return {
            images,
            deployArn: td.taskDefinitionArn,
            unchanged: inputs.skipUnchanged && td.taskDefinitionArn === previousArn,
        };
    }
    const images = (0,ecs/* imagesOf */.IC)(source.rendered.request);
    if (inputs.skipUnchanged && previousArn) {
        const running = await describeAsSent(session, previousArn, limits);
        if (running && (0,ecs/* sameTaskDefinition */.JL)(source.rendered.request, running.definition)) {
            return { images, deployArn: previousArn, unchanged: true };
        }
    }
    return { images, unchanged: false };
}


/***/ }),

/***/ 6708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ serviceSettingsDiff)
/* harmony export */ });
const FROM_DEPLOYMENT = new Set(['serviceConnectConfiguration', 'volumeConfigurations', 'vpcLatticeConfigurations']);
function serviceSettingsDiff(settings, service) {
    const primary = service.deployments?.find((deployment) => deployment.status === 'PRIMARY');
    const running = service;
    const lines = [];
    for (const [key, wanted] of Object.entries(settings)) {
        const current = FROM_DEPLOYMENT.has(key) ? primary?.[key] : running[key];
        const before = leaves(current, key);
        for (const [path, value] of leaves(wanted, key)) {
            const old = before.get(path);
            if (old === undefined)
                lines.push(`+ ${path}: ${value}`);
            else if (old !== value)
                lines.push(`~ ${path}: ${old} → ${value}`);
        }
    }
    return lines;
}
/** path → JSON text of each scalar under `value` (lists by index, `[]` and `{}` for empty ones). */
function leaves(value, path, into = new Map()) {
    if (value === undefined || value === null)
        return into;
    if (Array.isArray(value)) {
        if (value.length === 0)
            into.set(path, '[]');
        for (const [i, item] of value.entries())
            leaves(item, `${path}[${i}]`, into);
    }
    else if (typeof value === 'object' && !(value instanceof Date)) {
        const entries = Object.entries(value);
        if (entries.length === 0)
            into.set(path, '{}');
        for (const [key, inner] of entries)
            leaves(inner, `${path}.${key}`, into);
    }
    else {
        into.set(path, JSON.stringify(value));
    }
    return into;
}


/***/ }),

/***/ 6399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B9: () => (/* binding */ consoleUrl),
/* harmony export */   QB: () => (/* binding */ failureThreshold),
/* harmony export */   Ti: () => (/* binding */ describeDeployment),
/* harmony export */   Y_: () => (/* binding */ DeploySession),
/* harmony export */   mQ: () => (/* binding */ countsOf),
/* harmony export */   mw: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__.mw)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1234);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9530);
/* harmony import */ var _pause_watch_pauses_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2217);
/* harmony import */ var _timeline_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7470);
/* harmony import */ var _wrap_up_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8917);
/**
 * What the phases of one deploy share: the inputs and injected clients, the step's start, the events and
 * progress lines already printed, the last service state seen, and the one way to call ECS (core's EcsCallSession:
 * errors explained, each call bounded by the cancel signal and, where given, a time limit).
 */






class DeploySession extends _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__/* .EcsCallSession */ .IW {
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
        this.wrapUpBudgets = { ..._wrap_up_js__WEBPACK_IMPORTED_MODULE_3__/* .WRAP_UP_BUDGETS */ .mR, ...deps.wrapUp };
        this.timeline = new _timeline_record_js__WEBPACK_IMPORTED_MODULE_2__/* .RolloutTimeline */ .l(() => deps.clock.now(), this.started);
        this.pauses = new _pause_watch_pauses_js__WEBPACK_IMPORTED_MODULE_1__/* .PauseWatch */ .Mh(this, inputs.onPause);
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
        const response = await this.call('DescribeServices', (o) => this.deps.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__.DescribeServicesCommand({ cluster, services: [service] }), o), limits);
        const found = response.services?.[0];
        if (!found || found.status === 'INACTIVE') {
            const reason = response.failures?.[0]?.reason ?? (found ? 'INACTIVE' : 'MISSING');
            throw new _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(`Service "${service}" was not found in cluster "${cluster}" in region ${this.deps.region} (DescribeServices: ${reason}). Check the service and cluster inputs and AWS_REGION; create the service before deploying to it.`, 'ServiceNotFoundException', 'DescribeServices');
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


/***/ }),

/***/ 2216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runVerify)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1234);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(785);
/**
 * Verify (input `verify`): before any write, with reads only, check that the task definition to deploy can start and
 * that the service can take it (@ecs-actions/core/verify): roles, secrets, images and their platform, log groups,
 * the execution role's permissions, load balancer and Service Connect ports. With `fail`, a finding that would
 * certainly fail the rollout ends the step here and nothing is registered or deployed; other findings are warnings.
 */


async function runVerify(session, service, limits) {
    const { inputs, deps, log } = session;
    if (inputs.verify === 'off' || !deps.verify)
        return undefined;
    const started = Date.now();
    const [{ verifyTaskDefinition, verifyLine }, taskDefinition] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5674)),
        taskDefinitionToVerify(session, limits),
    ]);
    const target = {
        region: deps.region,
        taskDefinition,
        service: serviceToVerify(session, service),
    };
    const report = await verifyTaskDefinition(target, deps.verify, {
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const certain = report.findings.filter((finding) => finding.certain);
    log.info(`Verify of ${inputs.service}'s new task definition: ${report.findings.length === 0 ? 'no findings' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`} (${report.reads} reads in ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Date.now() - started)}; verify: ${inputs.verify})`);
    for (const note of report.notes)
        log.info(`  ${note}`);
    if (certain.length > 0 && inputs.verify === 'fail' && !inputs.dryRun) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Verify found ${certain.length} problem${certain.length === 1 ? '' : 's'} that would fail the rollout of service ${inputs.service} (verify: fail); nothing was registered or deployed:\n${certain.map((finding) => `- ${verifyLine(finding)}`).join('\n')}\nFix them, or set verify: warn to deploy anyway.`);
    }
    const lines = report.findings.map((finding) => `${finding.certain ? 'would fail the rollout' : 'may fail the rollout'}: ${verifyLine(finding)}`);
    for (const line of lines)
        log.warning(`Verify: ${line}`);
    return { report, lines };
}
/** The task definition to deploy: the rendered file, or the registered revision (described). */
async function taskDefinitionToVerify(session, limits) {
    const source = session.inputs.taskDefinition;
    if (source.kind === 'file')
        return source.rendered.request;
    const described = await session.bounded('DescribeTaskDefinition', (o) => session.deps.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__.DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o), limits);
    return (described.taskDefinition ?? {});
}
/** The service as it will be: the service definition's load balancers and Service Connect, else the running ones. */
function serviceToVerify(session, service) {
    const settings = (session.inputs.serviceDefinition?.settings ?? {});
    // DescribeServices shows Service Connect on the deployments; the PRIMARY one is what the service uses now.
    const running = service.deployments?.find((d) => d.status === 'PRIMARY')?.serviceConnectConfiguration;
    const serviceConnect = settings.serviceConnectConfiguration ?? running;
    return {
        loadBalancers: settings.loadBalancers ?? service.loadBalancers ?? [],
        ...(serviceConnect ? { serviceConnectConfiguration: serviceConnect } : {}),
    };
}


/***/ }),

/***/ 8917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EA: () => (/* binding */ decisionBudget),
/* harmony export */   Yq: () => (/* binding */ ReportBudget),
/* harmony export */   kg: () => (/* binding */ finishRollback),
/* harmony export */   mR: () => (/* binding */ WRAP_UP_BUDGETS),
/* harmony export */   ns: () => (/* binding */ freshRead),
/* harmony export */   rc: () => (/* binding */ decided)
/* harmony export */ });
/* unused harmony export Budget */
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(785);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9530);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2748);
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
    decisionReadMs: _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .CHECK_TIMEOUT_MS */ .mw,
    reportMs: 15_000,
    reportReadMs: _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .CHECK_TIMEOUT_MS */ .mw,
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
        this.missing.push(`${what} (${typeof why === 'string' ? why : (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(why)})`);
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
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAbort */ .rV)(error) || session.cancelled)
                throw error;
            const again = error instanceof _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NoAnswerError */ .i5 || (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error);
            if (!again || budget.leftMs <= 0 || attempt >= MAX_DECISION_READS)
                throw error;
            // A transient error answered at once: a short pause before the next try, within the budget.
            if (!(error instanceof _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NoAnswerError */ .i5))
                await session.deps.sleep(Math.min(1000, budget.leftMs), session.deps.signal);
        }
    }
}


/***/ })

};
