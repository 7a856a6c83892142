export const id = 491;
export const ids = [491];
export const modules = {

/***/ 9491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 4 modules
var src = __webpack_require__(7687);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 2 modules
var src_ecs = __webpack_require__(4792);
;// CONCATENATED MODULE: ./src/aws-errors.ts
// The ECS call errors live in core (shared with ecs-run-task); the phases of a deploy import them from here.



// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
;// CONCATENATED MODULE: ./src/session.ts
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
    constructor(inputs, deps) {
        super(deps, () => ({ cluster: inputs.cluster, service: inputs.service }));
        this.inputs = inputs;
        this.started = deps.clock.now();
    }
    elapsed() {
        const seconds = Math.max(0, Math.round((this.deps.clock.now() - this.started) / 1000));
        return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
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
 * A group whose reading was denied, or that did not answer, is not asked again; its note is given once.
 */
async function attachAppLogs(session, tasks, taskDefinitionArn, limits) {
    const logsClient = session.deps.logs;
    if (!logsClient || tasks.length === 0)
        return;
    // Its own short budget, within the wrap-up's: the rollback after it must keep its time.
    const deadline = Math.min(limits.deadline ?? Number.POSITIVE_INFINITY, Date.now() + src_ecs/* CHECK_TIMEOUT_MS */.mw);
    const bound = { deadline };
    let configs;
    try {
        configs = (0,src_ecs/* awslogsConfigs */.AB)(await containerDefinitions(session, taskDefinitionArn, bound), session.deps.region);
    }
    catch (error) {
        if (session.cancelled)
            throw error;
        session.log.info(`(The task definition could not be read for its log configuration: ${(0,src/* errorMessage */.gJ)(error)})`);
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
                const page = await (0,src_ecs/* getLogEvents */.Ac)(client, { group: config.group, stream, limit: src_ecs/* LOG_LINES_SHOWN */.Vp }, { withinMs: deadline - Date.now(), ...(session.deps.signal ? { signal: session.deps.signal } : {}) });
                const lines = page.lines.slice(-src_ecs/* LOG_LINES_SHOWN */.Vp);
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

;// CONCATENATED MODULE: ./src/explain-failure.ts
/**
 * After our deployment failed, timed out or was replaced: the stopped tasks of our deployment (with the last log lines
 * of their awslogs containers), the service events
 * since the update, and the service deployment detail (circuit breaker, rollback), where the API answers. Each
 * piece is best effort: a failure to read it is a note, not the error of the step.
 */




const STOPPED_TASKS_SHOWN = 10;
/** Prints the stopped tasks of our deployment, the service events and the service deployment detail. */
async function reportFailure(session, target, limits) {
    const { log } = session;
    const stopped = await stoppedTasks(session, target.id, limits);
    await attachAppLogs(session, stopped, target.taskDefinitionArn, limits);
    log.startGroup(`Stopped tasks of deployment ${target.id} (${stopped.length})`);
    if (stopped.length === 0)
        log.info('No stopped tasks were found for this deployment.');
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
    await serviceDeploymentDetail(session, target, limits);
    return stopped;
}
async function stoppedTasks(session, deploymentId, limits) {
    const { cluster } = session.inputs;
    const { ecs } = session.deps;
    try {
        const listed = await session.call('ListTasks', (o) => ecs.send(new dist_cjs.ListTasksCommand({ cluster, startedBy: deploymentId, desiredStatus: 'STOPPED', maxResults: 100 }), o), limits);
        const arns = listed.taskArns ?? [];
        if (arns.length === 0)
            return [];
        const described = await session.call('DescribeTasks', (o) => ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: arns }), o), limits);
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
        return [];
    }
}
/**
 * DescribeServiceDeployments of our service deployment, where the API answers: its ARN is the service's
 * currentServiceDeployment right after our update, else the one ListServiceDeployments shows created closest to
 * our deployment.
 */
async function serviceDeploymentDetail(session, target, limits) {
    const { cluster, service } = session.inputs;
    const { ecs } = session.deps;
    try {
        let arn = target.serviceDeploymentArn;
        if (!arn) {
            const listed = await session.bounded('ListServiceDeployments', (o) => ecs.send(new dist_cjs.ListServiceDeploymentsCommand({
                cluster,
                service,
                createdAt: { after: new Date(session.started - 60_000) },
            }), o), limits);
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
        const described = await session.bounded('DescribeServiceDeployments', (o) => ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }), o), limits);
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
        session.log.info(parts.join('; '));
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        if ((0,src_ecs/* isUnavailable */.Pd)(error) || (0,src_ecs/* isTransient */.dg)(error)) {
            session.log.info(`(Service deployment detail is not available here: ${(0,src_ecs/* errorCode */.CA)(error)})`);
            return;
        }
        session.log.info(`(Service deployment detail could not be read: ${(0,src/* errorMessage */.gJ)(error)})`);
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

// EXTERNAL MODULE: ./src/taskdef.ts
var taskdef = __webpack_require__(247);
;// CONCATENATED MODULE: ./src/follow.ts




/** How many transient errors (after the SDK's own retries) in a row the wait tolerates. */
const MAX_TRANSIENT_ERRORS = 6;
const MAX_BACKOFF_MS = 60_000;
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
    const { clock, sleep, signal } = session.deps;
    const { pollIntervalMs } = session.inputs;
    const deadline = clock.now() + timeoutMs;
    let transientErrors = 0;
    let failedPolls = 0;
    let stalled;
    const result = await (0,src/* poll */.wt)({
        intervalMs: pollIntervalMs,
        timeoutMs,
        clock,
        sleep,
        ...(signal ? { signal } : {}),
        check: async (attempt) => {
            let service;
            try {
                service =
                    attempt === 1 && known
                        ? known
                        : await session.describeService({ withinMs: Math.max(0, deadline - clock.now()) + pollIntervalMs });
                transientErrors = 0;
            }
            catch (error) {
                if (error instanceof src_ecs/* NoAnswerError */.i5) {
                    stalled = error.message;
                    return { kind: 'timed-out', stalled, ...lastSeen(session, target) };
                }
                if (!(0,src_ecs/* isTransient */.dg)(error))
                    throw error;
                transientErrors++;
                if (transientErrors > MAX_TRANSIENT_ERRORS) {
                    const detail = error instanceof src_ecs/* AwsRetriesExhaustedError */.B1 ? error.detail : (0,src/* errorMessage */.gJ)(error);
                    throw new src_ecs/* AwsRetriesExhaustedError */.B1(`ecs:DescribeServices kept failing with ${(0,src_ecs/* errorCode */.CA)(error)} (${detail}) ${transientErrors} polls in a row, after the SDK's own retries.`, (0,src_ecs/* errorCode */.CA)(error), detail);
                }
                const backoff = Math.min(pollIntervalMs * 2 ** transientErrors, MAX_BACKOFF_MS, Math.max(0, deadline - clock.now()));
                session.log.warning(`[${session.elapsed()}] ecs:DescribeServices failed with ${(0,src_ecs/* errorCode */.CA)(error)} (transient, ${transientErrors}/${MAX_TRANSIENT_ERRORS}); trying again in ${(0,src/* formatDuration */.a3)(backoff)}`);
                await sleep(backoff, signal);
                return undefined;
            }
            session.lastService = service;
            printProgress(session, service, target);
            const outcome = evaluate(session, service, target);
            if (outcome?.kind === 'failed' && outcome.deployment?.rolloutState === 'FAILED') {
                // With the breaker's rollback on, ECS starts the rollback deployment right after marking ours FAILED.
                const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
                if (breaker?.enable && breaker.rollback && failedPolls++ < ROLLBACK_APPEAR_POLLS)
                    return undefined;
            }
            return outcome;
        },
    });
    if (result.status === 'done')
        return result.value;
    return { kind: 'timed-out', ...lastSeen(session, target) };
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
        ecsRollback: Boolean(breaker?.enable && breaker.rollback && primary && isBreakerRollback(session, primary, target)),
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
/** Prints one line per deployment whose counts or state changed, and each new service event once. */
function printProgress(session, service, target) {
    const fresh = (service.events ?? [])
        .filter((event) => event.id && !session.seenEvents.has(event.id))
        .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
    for (const event of fresh) {
        session.seenEvents.add(event.id ?? '');
        session.newEvents.push(event);
        session.log.info(`[${session.elapsed()}] event ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
    }
    for (const d of service.deployments ?? []) {
        const role = d.id === target.id ? ` (${target.label})` : '';
        const line = `deployment ${d.id} ${d.status}${role} ${(0,taskdef/* shortTaskDefinition */.P5)(d.taskDefinition ?? '?')}: ${describeDeployment(d)}`;
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
        case 'failed':
            return `${what} failed: ${outcome.reason}.`;
        case 'timed-out':
            return `${what} did not complete within ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)} (timeout)${outcome.stalled ? ` (${outcome.stalled})` : ''}: the last state seen was ${describeDeployment(outcome.deployment)}.`;
        case 'replaced': {
            const by = outcome.by ? replacementName(outcome.by) : 'another deployment';
            const reason = outcome.deployment?.rolloutStateReason ? ` (${outcome.deployment.rolloutStateReason})` : '';
            return outcome.ecsRollback
                ? `${what} failed and ECS's deployment circuit breaker rolled it back${reason}: ${by} replaced it.`
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
            return describeDeployment(outcome.deployment);
        case 'failed':
            return outcome.reason;
        case 'timed-out':
            return `not steady within ${(0,src/* formatDuration */.a3)(session.inputs.timeoutMs)} (${describeDeployment(outcome.deployment)})`;
        case 'replaced':
            return `replaced by deployment ${outcome.by?.id ?? '?'}`;
    }
}

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
var ecs_taskdef = __webpack_require__(7556);
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
        return latest && (0,ecs_taskdef/* sameTaskDefinition */.JL)(rendered.request, latest.definition) ? latest.arn : undefined;
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
    return (0,write_once/* writeOnce */.F)(session, {
        operation: 'RegisterTaskDefinition',
        write: () => registerOnce(session, source, limits()),
        landed: async () => {
            const landed = await latestSameRevision(session, source.rendered, limits());
            if (landed)
                session.log.info(`${(0,ecs_taskdef/* shortTaskDefinition */.P5)(landed)}, the family's latest revision, is what this step registers.`);
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
            ? { text: `${(0,ecs_taskdef/* shortTaskDefinition */.P5)(arn)} was registered (${arn})`, arn }
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
    session.log.info(`Registered ${(0,ecs_taskdef/* shortTaskDefinition */.P5)(arn)} (${arn})`);
    return arn;
}

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
        const notFound = (detail) => new src_ecs/* AwsCallError */.iQ(`Input "task-definition-arn": ${(0,src/* quoteValue */.cl)(source.arn)} was not found in ECS in region ${deps.region} (ecs:DescribeTaskDefinition: ${detail}). Use the ARN or family:revision of a registered revision, e.g. the previous-task-definition-arn output of an earlier deploy, and check AWS_REGION.`, 'ClientException', 'DescribeTaskDefinition');
        const described = await session.call('DescribeTaskDefinition', async (o) => {
            try {
                return await deps.ecs.send(new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o);
            }
            catch (error) {
                // ECS answers an unknown family or revision with a ClientException: that is the input's fault.
                if ((0,src_ecs/* errorCode */.CA)(error) === 'ClientException')
                    throw notFound((0,src/* errorMessage */.gJ)(error));
                throw error;
            }
        }, limits);
        const td = described.taskDefinition;
        if (!td?.taskDefinitionArn)
            throw notFound('no task definition in the answer');
        if (td.status === 'INACTIVE') {
            session.log.warning(`${(0,src_ecs/* shortTaskDefinition */.P5)(td.taskDefinitionArn)} is deregistered (INACTIVE); ECS can still run it.`);
        }
        return {
            images: (0,src_ecs/* imagesOf */.IC)(td),
            deployArn: td.taskDefinitionArn,
            unchanged: inputs.skipUnchanged && td.taskDefinitionArn === previousArn,
        };
    }
    const images = (0,src_ecs/* imagesOf */.IC)(source.rendered.request);
    if (inputs.skipUnchanged && previousArn) {
        const running = await describeAsSent(session, previousArn, limits);
        if (running && (0,src_ecs/* sameTaskDefinition */.JL)(source.rendered.request, running.definition)) {
            return { images, deployArn: previousArn, unchanged: true };
        }
    }
    return { images, unchanged: false };
}

;// CONCATENATED MODULE: ./src/update.ts
/**
 * Points the service at the task definition (UpdateService) once: a retry after a lost answer first looks whether
 * the service already runs our new deployment (a second UpdateService with force-new-deployment would start
 * another one). When the answer never came (the job was cancelled, or AWS did not answer), one short describe finds
 * out what landed.
 */





async function updateService(session, deployArn, previousDeploymentId, limits) {
    const { inputs } = session;
    return (0,src_ecs/* writeOnce */.Fq)(session, {
        operation: 'UpdateService',
        write: async () => {
            const updated = await session.call('UpdateService', (o) => session.deps.ecsSingleAttempt.send(new dist_cjs.UpdateServiceCommand({
                cluster: inputs.cluster,
                service: inputs.service,
                taskDefinition: deployArn,
                ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
                forceNewDeployment: inputs.forceNewDeployment,
            }), o), limits());
            const ours = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
            if (!ours?.id) {
                throw new Error(`UpdateService answered without a PRIMARY deployment for service ${inputs.service}`);
            }
            return { service: updated.service, ours };
        },
        landed: async () => {
            const service = await session.describeService(limits());
            const ours = newDeployment(service, deployArn, previousDeploymentId);
            return ours ? { service, ours } : undefined;
        },
    });
}
/** The service's PRIMARY deployment when it runs `deployArn` and is not the one that was there before. */
function newDeployment(service, deployArn, previousDeploymentId) {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    return primary?.id && primary.taskDefinition === deployArn && primary.id !== previousDeploymentId
        ? primary
        : undefined;
}
/**
 * After an UpdateService whose answer never came: whether the service now runs `deployArn` in a deployment other
 * than `previousDeploymentId`. Not bound to the job's cancel signal: this is what the job says on its way out.
 */
async function landedUpdate(session, deployArn, previousDeploymentId) {
    let service;
    try {
        service = await session.describeService({ withinMs: src_ecs/* CHECK_TIMEOUT_MS */.mw, cancellable: false });
    }
    catch (error) {
        return {
            text: `whether the service was updated is unknown (${(0,src/* errorMessage */.gJ)(error)}); look at its deployments in the console`,
        };
    }
    session.lastService = service;
    const ours = newDeployment(service, deployArn, previousDeploymentId);
    if (ours) {
        return {
            text: `the service was updated to ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)}: deployment ${ours.id} is ${describeDeployment(ours)}, and ECS carries on with it`,
            deployment: ours,
        };
    }
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    return {
        text: `the service was not updated: it still runs ${(0,taskdef/* shortTaskDefinition */.P5)(service.taskDefinition ?? '?')}${primary?.id ? ` (deployment ${primary.id}: ${describeDeployment(primary)})` : ''}`,
    };
}

;// CONCATENATED MODULE: ./src/rollback.ts
/**
 * After our deployment did not complete: follow ECS's circuit-breaker rollback, or put the recorded previous task
 * definition back, but only while our deployment is still the service's current (PRIMARY) one. A deployment that
 * replaced ours (another run's, or someone's by hand) is newer than the version we would return to: rolling back
 * would undo it.
 */






/** ECS rolled back: follow its rollback. Otherwise deploy the recorded previous task definition and wait for it. */
async function rollBack(session, outcome, target, previousArn, check) {
    const { inputs } = session;
    if (outcome.kind === 'replaced') {
        if (!outcome.ecsRollback || !outcome.by?.id) {
            return {
                note: `This step did not roll back: ${outcome.by ? replacementName(outcome.by) : 'another deployment'} replaced deployment ${target.id}, and rolling back would undo it.`,
                ...(outcome.by ? { supersededBy: outcome.by } : {}),
            };
        }
        return followEcsRollback(session, outcome.by);
    }
    if (!inputs.rollback)
        return { note: 'No rollback was done (rollback: false).' };
    if (!previousArn)
        return { note: 'No rollback: the service had no task definition before this step.' };
    if (previousArn === target.taskDefinitionArn) {
        return {
            note: `No rollback: the service already ran ${(0,taskdef/* shortTaskDefinition */.P5)(previousArn)} before this step, so there is nothing older to return to.`,
        };
    }
    if (outcome.kind === 'timed-out' && outcome.stalled) {
        return {
            note: `No rollback: DescribeServices stopped answering, so this step cannot confirm that deployment ${target.id} is still the service's current one, and rolling back blindly could undo a newer deployment.`,
        };
    }
    // Another run may have deployed since our last poll: look again right before putting the old version back.
    let now;
    try {
        now = await session.describeService(check);
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return {
            note: `No rollback: this step could not confirm that deployment ${target.id} is still the service's current one (${(0,src/* errorMessage */.gJ)(error)}), and rolling back blindly could undo a newer deployment.`,
        };
    }
    session.lastService = now;
    const fresh = evaluate(session, now, target);
    if (fresh?.kind === 'replaced')
        return rollBack(session, fresh, target, previousArn, check);
    if (fresh?.kind === 'completed') {
        return { note: `No rollback: deployment ${target.id} completed after all, right after the wait ended.` };
    }
    session.log.info(`Rolling back service ${inputs.service} to ${previousArn}`);
    try {
        const updated = await session
            .call('UpdateService', (o) => session.deps.ecs.send(new dist_cjs.UpdateServiceCommand({ cluster: inputs.cluster, service: inputs.service, taskDefinition: previousArn }), o))
            .catch(async (error) => {
            if (!(0,src_ecs/* isAbort */.rV)(error) && !session.cancelled)
                throw error;
            const landed = await landedUpdate(session, previousArn, target.id);
            throw new src_ecs/* CancelledWriteError */.Ts(`rolling back to ${(0,taskdef/* shortTaskDefinition */.P5)(previousArn)}`, landed.text);
        });
        const primary = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
        if (!primary?.id)
            throw new Error('UpdateService answered without a PRIMARY deployment');
        session.log.info(`Rollback deployment ${primary.id} started; waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)}`);
        const followed = await follow(session, { id: primary.id, taskDefinitionArn: previousArn, label: 'rollback' }, inputs.timeoutMs, updated.service);
        const steady = followed.kind === 'completed';
        const detail = steady
            ? `Rolled back to ${previousArn} (deployment ${primary.id}) and it is steady.`
            : `The rollback to ${previousArn} (deployment ${primary.id}) also failed: ${describeFollowed(session, followed)}.`;
        return {
            note: detail,
            report: { by: 'action', taskDefinitionArn: previousArn, deploymentId: primary.id, steady, detail },
        };
    }
    catch (error) {
        if ((0,src_ecs/* isAbort */.rV)(error) || session.cancelled || error instanceof src_ecs/* CancelledWriteError */.Ts)
            throw error;
        const detail = `The rollback to ${previousArn} also failed: ${(0,src/* errorMessage */.gJ)(error)}`;
        return { note: detail, report: { by: 'action', taskDefinitionArn: previousArn, steady: false, detail } };
    }
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

;// CONCATENATED MODULE: ./src/deploy.ts









/**
 * Deploys and waits. API errors before anything changed throw; a write whose answer never came, and every
 * outcome after the update, is a result that says what landed.
 */
async function deploy(inputs, deps) {
    try {
        return await new Deployer(new DeploySession(inputs, deps)).run();
    }
    catch (error) {
        // A cancel during a write or the wait is a result that says what landed; one that gets here came first.
        if ((0,src_ecs/* isAbort */.rV)(error) || deps.signal?.aborted) {
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
        const base = {
            cluster: inputs.cluster,
            service: inputs.service,
            consoleUrl: consoleUrl(deps.region, inputs.cluster, inputs.service),
            stoppedTasks: [],
        };
        // 1. Where the service is now. Nothing is changed before every check here has passed.
        const before = await session.describeService(this.beforeWait());
        const controller = before.deploymentController?.type ?? 'ECS';
        if (controller !== 'ECS') {
            throw new src/* ConfigurationError */.j1(`Service "${inputs.service}" uses the ${controller} deployment controller, which ecs-deploy-wait does not support: it deploys with rolling updates (deployment controller ECS) only. Nothing was changed. Use CodeDeploy (e.g. aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec) for ${controller} services.`);
        }
        const previousArn = before.taskDefinition;
        const previousPrimary = before.deployments?.find((d) => d.status === 'PRIMARY');
        for (const event of before.events ?? [])
            if (event.id)
                session.seenEvents.add(event.id);
        log.info(`Service ${inputs.service} in cluster ${inputs.cluster} (${deps.region}) runs ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'no task definition'}` +
            (previousPrimary ? ` (deployment ${previousPrimary.id}: ${describeDeployment(previousPrimary)})` : ''));
        if (previousPrimary?.rolloutState && previousPrimary.rolloutState !== 'COMPLETED') {
            log.warning(`The service's PRIMARY deployment ${previousPrimary.id} is ${previousPrimary.rolloutState}, not COMPLETED: a rollback by this step would return to ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'it'}, which may not be a good version.`);
        }
        // 2. What to deploy, validated before anything changes.
        const resolved = await resolveTaskDefinition(session, before, this.beforeWait());
        const { images, unchanged } = resolved;
        const countChange = inputs.desiredCount !== undefined && inputs.desiredCount !== before.desiredCount;
        if (unchanged && !countChange && !inputs.forceNewDeployment) {
            const message = `${(0,taskdef/* shortTaskDefinition */.P5)(previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
            log.info(message);
            return this.settled({
                ...base,
                taskDefinitionArn: previousArn,
                previousTaskDefinitionArn: previousArn,
                deploymentId: previousPrimary?.id,
                images,
            }, 'unchanged', message, describeDeployment(previousPrimary));
        }
        if (unchanged)
            log.info('The task definition is unchanged; updating the service for the desired count / forced deployment only.');
        const written = { ...base, previousTaskDefinitionArn: previousArn, images };
        const stillRuns = `the service was not updated: it still runs ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'no task definition'}`;
        // 3. Register (unless deploying an existing revision).
        let deployArn = resolved.deployArn;
        const source = inputs.taskDefinition;
        if (!deployArn && source.kind === 'file') {
            try {
                deployArn = await registerTaskDefinition(session, source, this.beforeWait);
            }
            catch (error) {
                if (!isUnanswered(error))
                    throw error;
                const landed = await landedRegistration(session, source.rendered);
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
        // 4. Update the service; our deployment is the PRIMARY in the answer.
        let updated;
        try {
            updated = await updateService(session, deployArn, previousPrimary?.id, this.beforeWait);
        }
        catch (error) {
            const known = { ...written, taskDefinitionArn: deployArn };
            if (isUnanswered(error)) {
                const landed = await landedUpdate(session, deployArn, previousPrimary?.id);
                return this.unanswered(error, 'updating the service', `${whatWasDone}${landed.text}`, {
                    ...known,
                    ...(landed.deployment?.id ? { deploymentId: landed.deployment.id } : {}),
                });
            }
            // Denied, or refused: the update did not happen. Say what did.
            throw withWhatWasDone(error, `${whatWasDone}${stillRuns}.`);
        }
        const { ours } = updated;
        const known = { ...written, taskDefinitionArn: deployArn, deploymentId: ours.id };
        log.info(`Updated service ${inputs.service} to ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)}: deployment ${ours.id}` +
            (ours.id === previousPrimary?.id ? ' (the same deployment as before: nothing to roll out)' : ''));
        if (!inputs.wait) {
            const message = `Deployment ${ours.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} started; not waiting for it (wait: false).`;
            log.info(message);
            return this.settled(known, 'succeeded', message, describeDeployment(ours));
        }
        // 5. Follow our deployment.
        const target = ourTarget(updated, before, deployArn);
        let outcome;
        try {
            log.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for deployment ${ours.id}, polling every ${(0,src/* formatDuration */.a3)(inputs.pollIntervalMs)}`);
            outcome = await follow(session, target, inputs.timeoutMs, updated.service);
        }
        catch (error) {
            return this.interrupted(error, known);
        }
        if (outcome.kind === 'completed') {
            const message = `Deployment ${ours.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} completed: ${countsOf(outcome.deployment)}.`;
            log.info(message);
            return this.settled(known, 'succeeded', message, describeDeployment(outcome.deployment));
        }
        // 6. It did not complete: say why, then leave the service on the last good version, unless a newer one replaced it.
        const cause = describeOutcome(session, outcome, target);
        log.warning(cause);
        // The wait is over: the calls from here to a rollback share one poll (at least a few seconds), so the step
        // ends soon after; a rollback then gets its own wait.
        const wrapUp = { deadline: Date.now() + Math.max(inputs.pollIntervalMs, src_ecs/* CHECK_TIMEOUT_MS */.mw) };
        let stoppedTasks = [];
        let rolledBack;
        try {
            stoppedTasks = await reportFailure(session, target, wrapUp);
            rolledBack = await rollBack(session, outcome, target, previousArn, wrapUp);
        }
        catch (error) {
            return this.interrupted(error, { ...known, stoppedTasks }, cause);
        }
        const { note, report: rollback, supersededBy } = rolledBack;
        log.info(note);
        const status = supersededBy
            ? 'superseded'
            : rollback?.steady
                ? 'rolled-back'
                : outcome.kind === 'timed-out'
                    ? 'timed-out'
                    : 'failed';
        const finalState = describeDeployment(outcome.deployment);
        return this.settled({ ...known, stoppedTasks, ...(rollback ? { rollback } : {}) }, status, `${cause} ${note}`, finalState);
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
        const finalState = describeDeployment(session.lastService?.deployments?.find((d) => d.id === known.deploymentId));
        if (session.cancelled || (0,src_ecs/* isAbort */.rV)(error)) {
            const { message } = new src_ecs/* CancelledWriteError */.Ts(doing, landed);
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
            ? `deployment ${current.id} (${current.label}, ${(0,taskdef/* shortTaskDefinition */.P5)(current.taskDefinitionArn)}) is still in progress: ${describeDeployment(ours)}`
            : 'the deployment state is unknown';
        const finalState = describeDeployment(ours);
        const durationMs = session.deps.clock.now() - session.started;
        if (error instanceof src_ecs/* CancelledWriteError */.Ts) {
            const message = `${cause ? `${cause} ` : ''}${error.message}`;
            session.log.warning(message);
            return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
        }
        if (session.cancelled || (0,src_ecs/* isAbort */.rV)(error)) {
            const message = `Cancelled while waiting: ${which}. ECS carries on with it; follow it in the console: ${known.consoleUrl}`;
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
    return {
        id: ours.id ?? '',
        taskDefinitionArn: deployArn,
        label: 'ours',
        ...(ours.createdAt ? { createdAt: ours.createdAt } : {}),
        ...(currentServiceDeployment && currentServiceDeployment !== before.currentServiceDeployment
            ? { serviceDeploymentArn: currentServiceDeployment }
            : {}),
    };
}
/** A write whose outcome is unknown: cancelled, not answered in time, or still failing after the retries. */
function isUnanswered(error) {
    return (0,src_ecs/* isAbort */.rV)(error) || error instanceof src_ecs/* NoAnswerError */.i5 || error instanceof src_ecs/* AwsRetriesExhaustedError */.B1;
}
/** The same error, its message followed by what this step had already done. */
function withWhatWasDone(error, done) {
    if (error instanceof src_ecs/* AwsCallError */.iQ)
        return new src_ecs/* AwsCallError */.iQ(`${error.message} ${done}`, error.code, error.operation);
    if (error instanceof src/* ConfigurationError */.j1)
        return new src/* ConfigurationError */.j1(`${error.message} ${done}`);
    const wrapped = new Error(`${(0,src/* errorMessage */.gJ)(error)} ${done}`);
    if (error instanceof Error && error.stack)
        wrapped.stack = `${wrapped.message}\n${error.stack}`;
    return wrapped;
}


/***/ }),

/***/ 247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__.K9),
/* harmony export */   P5: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__.P5)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4792);
// The rendered task definition (reading, comparing, naming) lives in core, shared with ecs-run-task.



/***/ })

};
