export const id = 557;
export const ids = [557];
export const modules = {

/***/ 557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runApplication: () => (/* binding */ runApplication)
});

// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 3 modules
var src_ecs = __webpack_require__(9530);
// EXTERNAL MODULE: ./src/register.ts + 3 modules
var register = __webpack_require__(7710);
// EXTERNAL MODULE: ./src/taskdef.ts
var taskdef = __webpack_require__(247);
;// CONCATENATED MODULE: ./src/application/batched-describe.ts
/**
 * Following several services costs ceil(N/10) DescribeServices calls per poll, not N: this wraps the ECS client so
 * that single-service DescribeServices calls made within a short window for the same cluster go out as one call of up
 * to 10 services (the API's limit), each caller getting its own service (or failure) from the shared answer. Every
 * other call passes through. The single-service phases (session.ts) use it unchanged.
 */

/** DescribeServices takes at most 10 services a call. */
const DESCRIBE_SERVICES_BATCH = 10;
/**
 * The client with DescribeServices batched. A batch goes out as soon as every service being followed (`followers()`,
 * less those whose call is already on its way) has asked, or holds 10 services, or after `windowMs` (real time): a
 * follower that polls out of step with the others waits at most that long, and is in step from then on.
 */
function batchingEcsClient(ecs, followers, windowMs = 250) {
    const open = new Map();
    /** Services whose batch was sent and not yet answered. */
    let inFlight = 0;
    const waiting = () => [...open.values()].reduce((sum, batch) => sum + batch.waiters.length, 0);
    const flush = (key) => {
        const batch = open.get(key);
        if (!batch)
            return;
        open.delete(key);
        if (batch.timer)
            clearTimeout(batch.timer);
        const services = [...new Set(batch.waiters.map((waiter) => waiter.service))];
        const input = { cluster: batch.cluster, services, ...(batch.include ? { include: batch.include } : {}) };
        inFlight += batch.waiters.length;
        ecs.send(new dist_cjs.DescribeServicesCommand(input)).then((output) => {
            inFlight -= batch.waiters.length;
            for (const waiter of batch.waiters)
                waiter.resolve(answerFor(output, waiter.service));
        }, (error) => {
            inFlight -= batch.waiters.length;
            for (const waiter of batch.waiters)
                waiter.reject(error);
        });
    };
    const send = ((command, options) => {
        const single = command instanceof dist_cjs.DescribeServicesCommand && command.input.services?.length === 1 ? command.input : undefined;
        const service = single?.services?.[0];
        if (!single || service === undefined)
            return ecs.send(command, options);
        const signal = options?.abortSignal;
        const key = `${single.cluster ?? ''}\n${JSON.stringify(single.include ?? [])}`;
        return new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(abortError(signal));
                return;
            }
            // A caller that gives up (cancel, its own time limit) stops waiting; the batch goes on for the others.
            const onAbort = () => reject(abortError(signal));
            signal?.addEventListener('abort', onAbort, { once: true });
            const done = () => signal?.removeEventListener('abort', onAbort);
            let batch = open.get(key);
            if (!batch) {
                batch = { cluster: single.cluster, include: single.include, waiters: [] };
                open.set(key, batch);
                batch.timer = setTimeout(() => flush(key), windowMs);
            }
            batch.waiters.push({
                service,
                resolve: (output) => {
                    done();
                    resolve(output);
                },
                reject: (error) => {
                    done();
                    reject(error);
                },
            });
            const full = new Set(batch.waiters.map((waiter) => waiter.service)).size >= DESCRIBE_SERVICES_BATCH;
            if (full || waiting() + inFlight >= followers())
                flush(key);
        });
    });
    return new Proxy(ecs, {
        get(target, property, receiver) {
            if (property === 'send')
                return send;
            const value = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
}
/** The shared answer cut down to one caller's service: its service, or its failure. */
function answerFor(output, service) {
    const matches = (candidate) => candidate.serviceName === service || candidate.serviceArn === service;
    const named = (arn) => arn === service || arn?.endsWith(`/${service}`) === true;
    return {
        ...output,
        services: (output.services ?? []).filter(matches),
        failures: (output.failures ?? []).filter((failure) => named(failure.arn)),
    };
}
function abortError(signal) {
    const reason = signal?.reason;
    if (reason instanceof Error)
        return reason;
    const error = new Error('The operation was aborted.');
    error.name = 'AbortError';
    return error;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-eventbridge@3.1169.0/node_modules/@aws-sdk/client-eventbridge/dist-cjs/index.js
var client_eventbridge_dist_cjs = __webpack_require__(4401);
// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-scheduler@3.1169.0/node_modules/@aws-sdk/client-scheduler/dist-cjs/index.js
var client_scheduler_dist_cjs = __webpack_require__(4321);
;// CONCATENATED MODULE: ./src/application/scheduled.ts
/**
 * Scheduled tasks of an application: EventBridge rules with ECS targets and EventBridge Scheduler schedules.
 * Read before any change (what each runs now, kept whole), pointed at the new revision (PutTargets with every other
 * member of the target as ListTargetsByRule returned it; UpdateSchedule re-sending the whole schedule, since it
 * replaces it), and put back to what they were, unless another run has changed them since (superseded).
 */





/**
 * Each EventBridge or Scheduler call is bounded: a call that hangs must not hold the step, least of all a put-back
 * (which the job's cancel does not abort either: putting targets back is what a cancelled deploy still owes).
 */
const CALL_MS = 30_000;
const bounded = () => ({ abortSignal: AbortSignal.timeout(CALL_MS) });
const familyOf = (arn) => arn?.slice(arn.lastIndexOf('/') + 1).replace(/:\d+$/, '');
/** An AWS error of a scheduled target's call, as one sentence naming the action and the target. */
function scheduledError(action, what, error) {
    const code = (0,src_ecs/* errorCode */.CA)(error);
    return new Error(`${action} for ${what} failed: ${code ? `${code}: ` : ''}${(0,src/* errorMessage */.gJ)(error)}`);
}
/** The rule's ECS targets this deploy changes: targetId's, or every one that runs the family. */
function ruleTargetsOf(before, target, family) {
    return before.filter((candidate) => target.targetId
        ? candidate.Id === target.targetId
        : familyOf(candidate.EcsParameters?.TaskDefinitionArn) === family);
}
/** Every target of the rule, all pages. */
async function listRuleTargets(clients, target) {
    const events = await clients.events();
    const targets = [];
    let token;
    do {
        const page = await events
            .send(new client_eventbridge_dist_cjs.ListTargetsByRuleCommand({
            Rule: target.rule,
            EventBusName: target.eventBus,
            ...(token ? { NextToken: token } : {}),
        }), bounded())
            .catch((error) => {
            throw scheduledError('events:ListTargetsByRule', `rule ${target.rule}`, error);
        });
        targets.push(...(page.Targets ?? []));
        token = page.NextToken;
    } while (token);
    return targets;
}
/** Reads a rule's targets or a schedule before any change; a target that runs no such ECS task is refused. */
async function readScheduled(clients, target, family) {
    if (target.kind === 'rule') {
        const targets = await listRuleTargets(clients, target);
        const ours = ruleTargetsOf(targets, target, family);
        if (ours.length === 0 || ours.some((t) => !t.EcsParameters)) {
            throw new src/* ConfigurationError */.j1(`Rule ${target.rule} (event bus ${target.eventBus}, target "${target.name}" of the app file) has no ECS target ${target.targetId ? `with Id ${target.targetId}` : `that runs family ${family}`} (it has ${targets.map((t) => t.Id).join(', ') || 'no targets'}). Nothing was changed. Add the target to the rule first (PutTargets), or set targetId.`);
        }
        return { kind: 'rule', target, family, targets };
    }
    const scheduler = await clients.scheduler();
    const schedule = await scheduler
        .send(new client_scheduler_dist_cjs.GetScheduleCommand({ Name: target.schedule, GroupName: target.group }), bounded())
        .catch((error) => {
        throw scheduledError('scheduler:GetSchedule', `schedule ${target.group}/${target.schedule}`, error);
    });
    if (!schedule.Target?.EcsParameters?.TaskDefinitionArn) {
        throw new src/* ConfigurationError */.j1(`Schedule ${target.group}/${target.schedule} (target "${target.name}" of the app file) has no ECS target (its target is ${schedule.Target?.Arn ?? 'missing'}). Nothing was changed.`);
    }
    return { kind: 'schedule', target, family, schedule };
}
/**
 * What each ECS target this run changed runs now, read fresh, by target Id (a schedule's under ""): for a rule, each
 * target it changed is looked up by its Id among all the rule's targets, so one another run moved to another family
 * still counts as changed by that run. undefined: the target is gone (or the schedule no longer runs an ECS task).
 */
async function runningNow(clients, before, ours) {
    if (before.kind === 'schedule') {
        const now = await readScheduled(clients, before.target, before.family).catch((error) => {
            if (error instanceof src/* ConfigurationError */.j1)
                return undefined;
            throw error;
        });
        const schedule = now?.kind === 'schedule' ? now.schedule : undefined;
        const arn = schedule?.Target?.EcsParameters?.TaskDefinitionArn;
        // Still ours, but someone changed another member since (UpdateSchedule replaces the whole schedule, so a
        // put-back would undo that change too).
        const edited = schedule && arn === ours
            ? editedMembers(scheduleInput(before, ours), scheduleInput({ ...before, schedule }))
            : [];
        return {
            running: new Map([['', arn]]),
            ...(edited.length ? { editedSince: `${edited.join(', ')} changed since this run wrote it` } : {}),
        };
    }
    const now = await listRuleTargets(clients, before.target);
    return {
        running: new Map(ruleTargetsOf(before.targets, before.target, before.family).map((changed) => [
            changed.Id ?? '',
            now.find((t) => t.Id === changed.Id)?.EcsParameters?.TaskDefinitionArn,
        ])),
    };
}
/** The members of an UpdateSchedule request that differ between two. */
function editedMembers(wrote, now) {
    const keys = new Set([...Object.keys(wrote), ...Object.keys(now)]);
    return [...keys].filter((key) => !(0,external_node_util_.isDeepStrictEqual)(wrote[key], now[key]));
}
/** What each target this run changed ran before it, keyed as runningNow keys them. */
function previousArns(before) {
    if (before.kind === 'schedule')
        return new Map([['', previousArnOf(before)]]);
    return new Map(ruleTargetsOf(before.targets, before.target, before.family).map((t) => [
        t.Id ?? '',
        t.EcsParameters?.TaskDefinitionArn,
    ]));
}
/**
 * Points the rule's targets or the schedule at `arn` (or, to put back, at what `before` held when `arn` is undefined;
 * for a rule only the targets of `onlyIds` when given: the others another run has changed since).
 */
async function writeScheduled(clients, before, arn, onlyIds) {
    if (before.kind === 'rule') {
        const { target } = before;
        const changed = ruleTargetsOf(before.targets, target, before.family)
            .filter((t) => !onlyIds || onlyIds.includes(t.Id ?? ''))
            .map((t) => (arn ? { ...t, EcsParameters: { ...t.EcsParameters, TaskDefinitionArn: arn } } : t));
        const events = await clients.events();
        const answer = await events
            .send(new client_eventbridge_dist_cjs.PutTargetsCommand({
            Rule: target.rule,
            EventBusName: target.eventBus,
            Targets: changed,
        }), bounded())
            .catch((error) => {
            throw scheduledError('events:PutTargets', `rule ${target.rule}`, error);
        });
        if ((answer.FailedEntryCount ?? 0) > 0) {
            const failed = (answer.FailedEntries ?? [])
                .map((f) => `${f.TargetId}: ${f.ErrorCode} ${f.ErrorMessage}`)
                .join('; ');
            throw new Error(`events:PutTargets for rule ${target.rule} failed for ${answer.FailedEntryCount} target(s): ${failed}`);
        }
        return;
    }
    const input = scheduleInput(before, arn);
    const scheduler = await clients.scheduler();
    await scheduler.send(new client_scheduler_dist_cjs.UpdateScheduleCommand(input), bounded()).catch((error) => {
        throw scheduledError('scheduler:UpdateSchedule', `schedule ${before.target.group}/${before.target.schedule}`, error);
    });
}
/** The task definition a scheduled target ran before this step (the first changed rule target's). */
function previousArnOf(before) {
    if (before.kind === 'schedule')
        return before.schedule.Target?.EcsParameters?.TaskDefinitionArn;
    return ruleTargetsOf(before.targets, before.target, before.family)[0]?.EcsParameters?.TaskDefinitionArn;
}
/** UpdateSchedule's request: every member GetSchedule returned sent again (it replaces the whole schedule), at `arn`. */
function scheduleInput(before, arn) {
    const { schedule, target } = before;
    // UpdateSchedule replaces the whole schedule: every member GetSchedule returned is sent again.
    return {
        Name: target.schedule,
        GroupName: target.group,
        ScheduleExpression: schedule.ScheduleExpression,
        FlexibleTimeWindow: schedule.FlexibleTimeWindow,
        Target: arn
            ? { ...schedule.Target, EcsParameters: { ...schedule.Target?.EcsParameters, TaskDefinitionArn: arn } }
            : schedule.Target,
        ...(schedule.ScheduleExpressionTimezone ? { ScheduleExpressionTimezone: schedule.ScheduleExpressionTimezone } : {}),
        ...(schedule.StartDate ? { StartDate: schedule.StartDate } : {}),
        ...(schedule.EndDate ? { EndDate: schedule.EndDate } : {}),
        ...(schedule.Description !== undefined ? { Description: schedule.Description } : {}),
        ...(schedule.State ? { State: schedule.State } : {}),
        ...(schedule.KmsKeyArn ? { KmsKeyArn: schedule.KmsKeyArn } : {}),
        ...(schedule.ActionAfterCompletion ? { ActionAfterCompletion: schedule.ActionAfterCompletion } : {}),
    };
}

// EXTERNAL MODULE: ./src/create-service.ts
var create_service = __webpack_require__(8657);
// EXTERNAL MODULE: ./src/deploy.ts + 13 modules
var deploy = __webpack_require__(2019);
;// CONCATENATED MODULE: ./src/application/services.ts
/**
 * The services of an application, deployed with the single-service phases (deploy.ts) unchanged: each a deploy of the
 * revision registered for its family, with its own log prefix, all started together on one ECS client whose
 * DescribeServices calls are batched (batched-describe.ts). The application's put-back is done here too, as a deploy
 * of the revision the service ran before; a missing service is created first when the app file says so.
 */






/** A log whose lines name the target (concurrent deploys share the step's log); groups become plain lines. */
function prefixedLog(log, name) {
    return {
        info: (message) => log.info(`[${name}] ${message}`),
        warning: (message) => log.warning(`[${name}] ${message}`),
        startGroup: (title) => log.info(`[${name}] ${title}`),
        endGroup: () => undefined,
    };
}
/** One service's deploy inputs: the registered revision, the application's wait settings, no rollback of its own. */
function serviceInputs(inputs, target, arn) {
    const { cluster } = inputs.plan;
    const name = (value) => value.slice(value.lastIndexOf('/') + 1);
    return {
        taskDefinition: { kind: 'arn', arn },
        cluster,
        service: target.service,
        desiredCount: undefined,
        forceNewDeployment: inputs.forceNewDeployment,
        wait: inputs.wait,
        timeoutMs: inputs.timeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        // The application puts every target back together (put-back.ts); a service does not roll back alone.
        rollback: false,
        rollbackByCaller: inputs.rollback
            ? 'the application puts back every target it changed, together'
            : 'the application leaves every target as it is (rollback: false)',
        skipUnchanged: false,
        preflight: inputs.preflight,
        // Not yet offered with app-file: verify and dry-run are single-service inputs; a pause is waited out.
        verify: 'off',
        dryRun: false,
        onPause: 'wait',
        ...(target.serviceDefinition ? { serviceDefinition: target.serviceDefinition } : {}),
        keepTaskDefinitions: [],
        keepRevisionsGraceMs: 0,
        codedeploy: {
            application: `AppECS-${name(cluster)}-${name(target.service)}`,
            deploymentGroup: `DgpECS-${name(cluster)}-${name(target.service)}`,
        },
    };
}
/** The services as ECS has them now, ceil(N/10) calls; a missing one is undefined. */
async function describeServices(deps, cluster, services) {
    const found = new Map();
    const session = new src_ecs/* EcsCallSession */.IW(deps, () => ({ cluster, service: services.join(', ') }));
    for (let start = 0; start < services.length; start += DESCRIBE_SERVICES_BATCH) {
        const names = services.slice(start, start + DESCRIBE_SERVICES_BATCH);
        const answer = await session.call('DescribeServices', (o) => deps.ecs.send(new dist_cjs.DescribeServicesCommand({ cluster, services: names }), o));
        for (const name of names) {
            const service = answer.services?.find((s) => s.serviceName === name || s.serviceArn === name);
            found.set(name, service && service.status !== 'INACTIVE' ? service : undefined);
        }
    }
    return found;
}
/** Creates a service the app file lets this step create, from its service definition, running `arn`. */
async function createService(deps, cluster, target, arn) {
    await (0,create_service/* createServiceFrom */.W)({ ...deps, log: prefixedLog(deps.log, target.name) }, cluster, target.service, target.serviceDefinition?.settings ?? {}, arn);
}
/**
 * Deploys `arn` to one service with the single-service phases; an error before anything changed (deploy throws) is a
 * failed result that says so.
 */
async function deployService(inputs, deps, target, arn, following) {
    const log = prefixedLog(deps.log, target.name);
    following.count += 1;
    try {
        return await (0,deploy.deploy)(serviceInputs(inputs, target, arn), { ...deps, log });
    }
    catch (error) {
        const message = (0,src/* errorMessage */.gJ)(error);
        log.warning(message);
        return {
            status: 'failed',
            cancelled: false,
            message: `${message}${error instanceof src/* ConfigurationError */.j1 ? '' : ' The service was not changed.'}`,
            images: [],
            durationMs: 0,
            finalState: 'unknown',
            consoleUrl: '',
            cluster: inputs.plan.cluster,
            service: target.service,
            stoppedTasks: [],
            error: message,
        };
    }
    finally {
        following.count -= 1;
    }
}

;// CONCATENATED MODULE: ./src/application/put-back.ts
/**
 * All or nothing: after a failure, every target this run changed goes back to what it ran before (services by a
 * deploy of their previous revision, followed to its end; rules and schedules by writing back what was read before),
 * but never one that another run has changed since: that one is reported `superseded` and left alone. What each
 * target runs is read fresh first, so a write whose answer was lost is put back too.
 */




/** Puts every changed target back, scheduled ones first (quick), then the services together; updates each result. */
async function putBack(inputs, deps, clients, changed, following) {
    deps.log.info(`Putting back ${changed.length} target${changed.length === 1 ? '' : 's'} this run changed: ${changed.map((c) => c.result.name).join(', ')}`);
    for (const target of changed.filter((c) => c.scheduled))
        await putBackScheduled(deps, clients, target);
    const services = changed.filter((c) => c.service);
    let now;
    try {
        now = await describeServices(deps, inputs.plan.cluster, services.map((c) => c.service?.service ?? ''));
    }
    catch (error) {
        for (const target of services)
            settle(deps, target, 'failed', `not put back: what it runs now could not be read (${(0,src/* errorMessage */.gJ)(error)})`);
        return;
    }
    await Promise.all(services.map(async (target) => {
        const running = now.get(target.service?.service ?? '')?.taskDefinition;
        if (!decide(deps, target, running))
            return;
        const service = target.service;
        const back = await deployService(inputs, deps, service, target.previous, following);
        if (back.status === 'succeeded' || back.status === 'unchanged') {
            settle(deps, target, 'rolled-back', `put back to ${(0,taskdef/* shortTaskDefinition */.P5)(target.previous ?? '')}: ${back.finalState}`);
        }
        else {
            settle(deps, target, 'failed', `putting it back to ${(0,taskdef/* shortTaskDefinition */.P5)(target.previous ?? '')} did not complete: ${back.message}`);
        }
    }));
}
async function putBackScheduled(deps, clients, target) {
    const before = target.scheduled;
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
            if (theirs.length === 0)
                decide(deps, target, now[0]?.[1]);
            else
                settle(deps, target, 'superseded', `left alone: another run changed it since (${describe(theirs)})`);
            return;
        }
        await writeScheduled(clients, before, undefined, stillOurs);
        const left = theirs.length ? ` (left alone, another run changed them since: ${describe(theirs)})` : '';
        settle(deps, target, 'rolled-back', `put back to ${(0,taskdef/* shortTaskDefinition */.P5)(target.previous ?? '')}${left}`);
    }
    catch (error) {
        settle(deps, target, 'failed', `not put back: ${(0,src/* errorMessage */.gJ)(error)}`);
    }
}
/** Rule targets (or the schedule, Id "") and what each runs now. */
const describe = (running) => running
    .map(([id, arn]) => `${id ? `target ${id} ` : ''}runs ${arn ? (0,taskdef/* shortTaskDefinition */.P5)(arn) : 'nothing'} now`)
    .join(', ');
/** Whether to write the target back: only while it still runs what this run deployed. */
function decide(deps, target, running) {
    if (running === target.ours) {
        if (target.previous)
            return true;
        settle(deps, target, 'failed', `left running ${(0,taskdef/* shortTaskDefinition */.P5)(target.ours)}: it ran nothing before this run (created by it)`);
        return false;
    }
    if (running !== undefined && running === target.previous) {
        // A service back on its revision was rolled back by ECS (circuit breaker); a rule or schedule never changed
        // (its write was refused).
        if (target.service)
            settle(deps, target, 'rolled-back', `runs ${(0,taskdef/* shortTaskDefinition */.P5)(running)} again (ECS rolled it back)`);
        else
            settle(deps, target, 'not-changed', `still runs ${(0,taskdef/* shortTaskDefinition */.P5)(running)}: nothing to put back`);
        return false;
    }
    settle(deps, target, 'superseded', `left alone: another run changed it since (it runs ${running ? (0,taskdef/* shortTaskDefinition */.P5)(running) : 'nothing'} now, not ${(0,taskdef/* shortTaskDefinition */.P5)(target.ours)})`);
    return false;
}
function settle(deps, target, status, note) {
    target.result.status = status;
    if (status === 'failed')
        target.result.notPutBack = note;
    target.result.message = `${target.result.message ? `${target.result.message} ` : ''}${note[0]?.toUpperCase()}${note.slice(1)}.`;
    (status === 'rolled-back' ? deps.log.info : deps.log.warning)(`[${target.result.name}] ${status}: ${note}`);
}

;// CONCATENATED MODULE: ./src/application/deploy-app.ts








const resourceOf = (target) => target.kind === 'service'
    ? target.service
    : target.kind === 'rule'
        ? target.rule
        : `${target.group}/${target.schedule}`;
async function deployApplication(inputs, appDeps) {
    const { plan } = inputs;
    const started = appDeps.clock.now();
    // One client for every follower: their DescribeServices calls go out 10 services a call.
    // The batch goes out once every service being deployed has asked (deployService counts them).
    const following = { count: 0 };
    const deps = { ...appDeps, ecs: batchingEcsClient(appDeps.ecs, () => following.count) };
    const clients = { events: appDeps.events, scheduler: appDeps.scheduler, region: appDeps.region };
    const { log } = deps;
    log.info(`Application ${plan.application} to ${plan.environment} (cluster ${plan.cluster}, ${deps.region}): ${plan.targets.map((t) => `${t.kind} ${t.name}`).join(', ')}`);
    // 1. Read every target; refuse before any change.
    const services = plan.targets.filter((t) => t.kind === 'service');
    const before = await describeServices(appDeps, plan.cluster, services.map((s) => s.service));
    const missing = services.filter((s) => !before.get(s.service) && !s.createService);
    if (missing.length > 0) {
        throw new src/* ConfigurationError */.j1(`Service${missing.length === 1 ? '' : 's'} ${missing.map((s) => s.service).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist in cluster ${plan.cluster} (${deps.region}); nothing was changed. Create ${missing.length === 1 ? 'it' : 'them'}, or set createService (with a serviceDefinition) for ${missing.length === 1 ? 'it' : 'them'} in ${plan.path}.`);
    }
    const scheduled = new Map();
    for (const target of plan.targets) {
        if (target.kind !== 'service')
            scheduled.set(target.name, await readScheduled(clients, target, target.family));
    }
    // 2. Register each family once.
    const arns = new Map();
    const session = new src_ecs/* EcsCallSession */.IW(deps, () => ({
        cluster: plan.cluster,
        service: services.map((s) => s.service).join(', '),
    }));
    for (const family of plan.families) {
        try {
            const arn = await (0,register/* registerTaskDefinition */.eQ)(session, family.file, () => ({}));
            arns.set(family.family, arn);
            log.info(`Registered ${(0,taskdef/* shortTaskDefinition */.P5)(arn)} (${arn}) for ${family.targets.join(', ')}`);
        }
        catch (error) {
            const registered = [...arns.values()].map(taskdef/* shortTaskDefinition */.P5);
            throw new src/* ConfigurationError */.j1(`Registering family ${family.family} failed: ${(0,src/* errorMessage */.gJ)(error)} ${registered.length ? `Registered before it: ${registered.join(', ')}; ` : ''}no target was changed.`);
        }
    }
    const arnOf = (target) => arns.get(target.family);
    const results = new Map(plan.targets.map((target) => [
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
    ]));
    const changed = [];
    // 3. Services: created where allowed, then deployed together.
    const serviceResults = [];
    let failure;
    for (const target of services.filter((s) => !before.get(s.service))) {
        try {
            await createService(appDeps, plan.cluster, target, arnOf(target));
            Object.assign(results.get(target.name) ?? {}, { created: true });
        }
        catch (error) {
            failure = `Creating service ${target.service} failed: ${(0,src/* errorMessage */.gJ)(error)}`;
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
            const target = services[i];
            serviceResults.push(end);
            const result = results.get(target.name);
            result.status = end.status ?? 'failed';
            result.message = end.message;
            if (end.taskDefinitionArn !== undefined && end.status !== 'unchanged')
                changed.push({ result, ours: arnOf(target), previous: result.previousTaskDefinitionArn, service: target });
            if (end.cancelled)
                failure ??= 'cancelled';
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
async function pointScheduled(deps, clients, scheduled, results, arnOf, changed) {
    for (const [name, read] of scheduled) {
        const result = results.get(name);
        const entry = {
            result,
            ours: arnOf(read.target),
            previous: previousArnOf(read),
            scheduled: read,
        };
        changed.push(entry);
        try {
            await writeScheduled(clients, read, entry.ours);
            result.status = 'succeeded';
            result.message = `Now runs ${(0,taskdef/* shortTaskDefinition */.P5)(entry.ours)}.`;
            deps.log.info(`[${name}] ${read.kind} ${result.resource} now runs ${(0,taskdef/* shortTaskDefinition */.P5)(entry.ours)}`);
        }
        catch (error) {
            result.status = 'failed';
            result.message = (0,src/* errorMessage */.gJ)(error);
            deps.log.warning(`[${name}] ${result.message}`);
            return `${name}: ${result.message}`;
        }
    }
    return undefined;
}
function previousOf(target, before, scheduled) {
    const previous = target.kind === 'service'
        ? before.get(target.service)?.taskDefinition
        : previousArnOf(scheduled.get(target.name));
    return previous ? { previousTaskDefinitionArn: previous } : {};
}
/** The rules and schedules a cancelled run left on the new revision (a cancel puts nothing back). */
function pointed(targets) {
    const left = targets.filter((t) => t.kind !== 'service' && t.status === 'succeeded');
    return left.length
        ? ` Left pointing at the new revision (not put back): ${left.map((t) => `${t.kind} ${t.resource}`).join(', ')}.`
        : '';
}
function summarize(plan, targets, services, failure, durationMs) {
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
    const count = (status) => targets.filter((t) => t.status === status).length;
    if (!failure) {
        const superseded = count('superseded');
        const status = superseded > 0 ? 'superseded' : count('succeeded') > 0 ? 'succeeded' : 'unchanged';
        return {
            ...base,
            status,
            message: `Application ${plan.application} deployed to ${plan.environment}: ${targets.map((t) => `${t.name} ${t.status}`).join(', ')}.`,
        };
    }
    // Every target either put back, left to a newer run, or never changed: rolled back; anything else: failed.
    const clean = targets.every((t) => ['rolled-back', 'superseded', 'not-changed', 'unchanged'].includes(t.status));
    const status = clean ? 'rolled-back' : 'failed';
    const notPutBack = targets.filter((t) => t.notPutBack).map((t) => `${t.name}: ${t.notPutBack}`);
    return {
        ...base,
        status,
        message: `Application ${plan.application} to ${plan.environment} ${status === 'rolled-back' ? 'failed and was put back' : 'FAILED'}: ${failure} Targets: ${targets.map((t) => `${t.name} ${t.status}`).join(', ')}.${notPutBack.length ? ` Not put back (left on this run's revision or as the failure left it): ${notPutBack.join('; ')}.` : ''}`,
    };
}

// EXTERNAL MODULE: ./src/inputs.ts + 3 modules
var inputs = __webpack_require__(6330);
// EXTERNAL MODULE: ./src/service-definition/read.ts + 1 modules
var read = __webpack_require__(4351);
;// CONCATENATED MODULE: ./src/application/app-file.ts
/**
 * The application file (`app-file`, e.g. `.aws/ecs-app.json`): one strict JSON file in the app repository naming an
 * application's deploy targets (ECS services, EventBridge rules, EventBridge Scheduler schedules), the task
 * definition file each runs, which container gets which image, and per environment which cluster. Checked whole
 * before any call: every problem is reported, each naming the file and the path in it.
 *
 * {
 *   "application": "shop",
 *   "environments": { "production": { "cluster": "prod" }, "staging": { "cluster": "staging" } },
 *   "services": {
 *     "shop-api": { "taskDefinition": ".aws/api.json", "images": { "api": "built" } },
 *     "shop-worker": { "taskDefinition": ".aws/worker.json", "images": { "worker": "built" },
 *                      "createService": true, "serviceDefinition": ".aws/worker-service.json" }
 *   },
 *   "rules": { "nightly": { "rule": "shop-nightly", "taskDefinition": ".aws/worker.json", "images": { "worker": "built" } } },
 *   "schedules": { "report": { "schedule": "shop-report", "taskDefinition": ".aws/worker.json", "images": { "worker": "built" } } }
 * }
 *
 * `built` is the image this deploy built (the `image` input); any other value is an image reference used as written.
 * `{environment}` in a service, rule or schedule name is replaced by the environment deployed to.
 */
const TOP_LEVEL = ['application', 'environments', 'services', 'rules', 'schedules'];
const MEMBERS = {
    service: ['service', 'taskDefinition', 'images', 'serviceDefinition', 'createService'],
    rule: ['rule', 'eventBus', 'targetId', 'taskDefinition', 'images'],
    schedule: ['schedule', 'group', 'taskDefinition', 'images'],
};
const SECTIONS = [
    ['services', 'service'],
    ['rules', 'rule'],
    ['schedules', 'schedule'],
];
/** ECS service names; EventBridge rule names and target ids; Scheduler schedule and group names (API references). */
const NAME_PATTERNS = {
    service: { pattern: /^[A-Za-z0-9_-]{1,255}$/, what: 'up to 255 letters, digits, hyphens and underscores' },
    rule: { pattern: /^[.\-_A-Za-z0-9]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
    targetId: { pattern: /^[.\-_A-Za-z0-9]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
    eventBus: { pattern: /^[/.\-_A-Za-z0-9]{1,256}$/, what: 'an event bus name' },
    schedule: { pattern: /^[0-9a-zA-Z\-_.]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
    group: { pattern: /^[0-9a-zA-Z\-_.]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
};
const APPLICATION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const CLUSTER = /^([A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const CONTAINER = /^[A-Za-z0-9_-]{1,255}$/;
/** An image reference: [registry/]repository[:tag][@digest], no whitespace. */
const IMAGE = /^[a-z0-9][a-z0-9._\-/:]*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Problems are collected, never thrown one at a time: the user fixes the file once. */
class Problems {
    list = [];
    add(path, problem) {
        this.list.push(`${path}: ${problem}`);
    }
}
/**
 * Checks the parsed file for one environment; `builtImage` is the image input (undefined when not given). Returns
 * the file's targets with names resolved, or every problem found (`<path in the file>: <problem>`).
 */
function validateAppFile(value, path, environment, builtImage) {
    const problems = new Problems();
    if (!isObject(value))
        return { problems: ['(top level): must be a JSON object'] };
    for (const key of Object.keys(value)) {
        if (!TOP_LEVEL.includes(key))
            problems.add(key, `is not a member of an application file (members: ${TOP_LEVEL.join(', ')})`);
    }
    const application = value.application;
    if (typeof application !== 'string' || !APPLICATION.test(application)) {
        problems.add('application', 'must be the application name: 1 to 64 letters, digits, dots, hyphens and underscores');
    }
    const cluster = environmentCluster(value.environments, environment, problems);
    const targets = [];
    const seen = new Map();
    for (const [section, kind] of SECTIONS) {
        const entries = value[section];
        if (entries === undefined)
            continue;
        if (!isObject(entries)) {
            problems.add(section, `must be an object of ${kind} targets by name`);
            continue;
        }
        for (const [name, entry] of Object.entries(entries)) {
            const where = `${section}.${name}`;
            const earlier = seen.get(name);
            if (earlier)
                problems.add(where, `the name is also used by ${earlier}: each target needs its own name`);
            seen.set(name, where);
            // The name is recorded in the deploy tag (deploy-tag's format 3 records), which reads it back by this rule.
            if (!APPLICATION.test(name))
                problems.add(where, 'the target name must be 1 to 64 letters, digits, dots, hyphens and underscores, starting with a letter or digit');
            const target = checkTarget(kind, name, entry, where, { environment, builtImage }, problems);
            if (target)
                targets.push(target);
        }
    }
    if (targets.length === 0 && !problems.list.some((p) => /^(services|rules|schedules)[.:]/.test(p))) {
        problems.add('services', 'the file names no target: add at least one service, rule or schedule');
    }
    checkUniqueResources(targets, problems);
    if (problems.list.length > 0)
        return { problems: problems.list };
    return { path, application: application, environment, cluster: cluster ?? '', targets };
}
function environmentCluster(environments, environment, problems) {
    if (!isObject(environments) || Object.keys(environments).length === 0) {
        problems.add('environments', 'must be an object naming each environment and its cluster, e.g. {"production": {"cluster": "prod"}}');
        return undefined;
    }
    for (const [name, settings] of Object.entries(environments)) {
        if (!isObject(settings)) {
            problems.add(`environments.${name}`, 'must be an object with the member cluster');
            continue;
        }
        for (const key of Object.keys(settings)) {
            if (key !== 'cluster')
                problems.add(`environments.${name}.${key}`, 'is not a member of an environment (members: cluster)');
        }
        if (typeof settings.cluster !== 'string' || !CLUSTER.test(settings.cluster)) {
            problems.add(`environments.${name}.cluster`, 'must be a cluster name or ARN');
        }
    }
    const chosen = environments[environment];
    if (chosen === undefined) {
        problems.add('environments', `has no environment "${environment}" (it has ${Object.keys(environments).join(', ')}): add it, or deploy to one of those`);
        return undefined;
    }
    return isObject(chosen) && typeof chosen.cluster === 'string' ? chosen.cluster : undefined;
}
function checkTarget(kind, name, entry, where, context, problems) {
    if (!isObject(entry)) {
        problems.add(where, `must be an object (members: ${MEMBERS[kind].join(', ')})`);
        return undefined;
    }
    const before = problems.list.length;
    for (const key of Object.keys(entry)) {
        if (!MEMBERS[kind].includes(key))
            problems.add(`${where}.${key}`, `is not a member of a ${kind} target (members: ${MEMBERS[kind].join(', ')})`);
    }
    const text = (key, fallback) => {
        const raw = entry[key] ?? fallback;
        if (raw === undefined)
            return undefined;
        if (typeof raw !== 'string' || raw === '') {
            problems.add(`${where}.${key}`, 'must be a non-empty string');
            return undefined;
        }
        const resolved = raw.replaceAll('{environment}', context.environment);
        const rule = NAME_PATTERNS[key];
        if (rule && !rule.pattern.test(resolved))
            problems.add(`${where}.${key}`, `${JSON.stringify(resolved)} is not valid: use ${rule.what}`);
        return resolved;
    };
    const taskDefinitionFile = text('taskDefinition');
    if (taskDefinitionFile === undefined && entry.taskDefinition === undefined) {
        problems.add(`${where}.taskDefinition`, 'is missing: name the task definition file (relative to the workspace)');
    }
    const images = checkImages(entry.images, `${where}.images`, context.builtImage, problems);
    const common = { name, taskDefinitionFile: taskDefinitionFile ?? '', images };
    let target;
    if (kind === 'service') {
        const service = text('service', name);
        const createService = entry.createService ?? false;
        if (typeof createService !== 'boolean')
            problems.add(`${where}.createService`, 'must be true or false');
        const serviceDefinitionFile = text('serviceDefinition');
        if (createService === true && serviceDefinitionFile === undefined) {
            problems.add(`${where}.createService`, 'needs serviceDefinition: the CreateService-shaped file the service is created from');
        }
        target = {
            kind,
            ...common,
            service: service ?? name,
            createService: createService === true,
            ...(serviceDefinitionFile ? { serviceDefinitionFile } : {}),
        };
    }
    else if (kind === 'rule') {
        const rule = text('rule', name);
        const targetId = text('targetId');
        target = {
            kind,
            ...common,
            rule: rule ?? name,
            eventBus: text('eventBus', 'default') ?? 'default',
            ...(targetId ? { targetId } : {}),
        };
    }
    else {
        const schedule = text('schedule', name);
        target = { kind, ...common, schedule: schedule ?? name, group: text('group', 'default') ?? 'default' };
    }
    return problems.list.length === before ? target : undefined;
}
function checkImages(value, where, builtImage, problems) {
    if (value === undefined)
        return {};
    if (!isObject(value)) {
        problems.add(where, 'must be an object of container name → image ("built" for the image this deploy built)');
        return {};
    }
    const images = {};
    for (const [container, image] of Object.entries(value)) {
        if (!CONTAINER.test(container))
            problems.add(`${where}.${container}`, 'is not a container name (letters, digits, hyphens, underscores)');
        if (image === 'built') {
            if (builtImage === undefined)
                problems.add(`${where}.${container}`, 'is "built", but the step was given no image input: set image to the image this deploy built');
            else
                images[container] = builtImage;
        }
        else if (typeof image !== 'string' || !IMAGE.test(image)) {
            problems.add(`${where}.${container}`, 'must be "built" or an image reference, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.2.3');
        }
        else {
            images[container] = image;
        }
    }
    return images;
}
/** Two targets that change the same service, rule target or schedule would undo each other. */
function checkUniqueResources(targets, problems) {
    const owners = new Map();
    for (const target of targets) {
        const key = target.kind === 'service'
            ? `service ${target.service}`
            : target.kind === 'rule'
                ? `rule ${target.eventBus}/${target.rule}${target.targetId ? ` target ${target.targetId}` : ''}`
                : `schedule ${target.group}/${target.schedule}`;
        const owner = owners.get(key);
        if (owner)
            problems.add(`${sectionOf(target.kind)}.${target.name}`, `changes the same ${key} as ${owner}`);
        else
            owners.set(key, `${sectionOf(target.kind)}.${target.name}`);
    }
}
const sectionOf = (kind) => `${kind}s`;

;// CONCATENATED MODULE: ./src/application/read.ts
/**
 * Reads the application file and everything it points at (task definition files, service definition files) and
 * turns them into a plan: one registration per task definition family, each target with its family. Every problem of
 * the file and of the files it names is collected and reported at once, before any AWS call.
 */




const MAX_APP_FILE_BYTES = 256 * 1024;
function readAppPlan(file, environment, builtImage, workspace) {
    const resolved = (0,src/* resolveInputPath */.qL)({
        input: 'app-file',
        value: file,
        roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
    });
    const text = (0,src/* readInputFile */.jH)('app-file', resolved, {
        maxBytes: MAX_APP_FILE_BYTES,
        missingHint: `Set it to the path of the application file, relative to the workspace (${workspace}), e.g. .aws/ecs-app.json.`,
    });
    const parsed = (0,src/* parseJsonText */.lk)(text);
    if (!parsed.ok)
        throw new src/* ConfigurationError */.j1((0,src/* jsonProblemMessage */.v5)('app-file', resolved.shown, parsed.problem));
    const checked = validateAppFile(parsed.value, file, environment, builtImage);
    if ('problems' in checked)
        throw refused(file, checked.problems);
    const problems = [];
    const byPath = new Map();
    const families = new Map();
    const targets = [];
    for (const target of checked.targets) {
        const where = `${sectionOf(target.kind)}.${target.name}`;
        const source = taskDefinitionOf(target, where, workspace, byPath, problems);
        const awsvpc = source?.rendered.request.networkMode === 'awsvpc';
        const serviceDefinition = serviceDefinitionOf(target, where, workspace, awsvpc, problems);
        if (!source)
            continue;
        const family = source.rendered.request.family ?? '';
        const planned = families.get(family);
        if (!planned)
            families.set(family, { family, file: source, targets: [target.name] });
        else if (!(0,src_ecs/* sameTaskDefinition */.JL)(planned.file.rendered.request, source.rendered.request)) {
            problems.push(`${where}: runs family "${family}" with other contents (or images) than ${planned.targets.join(', ')}: one family is registered once per deploy, so targets that share it must run the same definition. Give one of them its own family.`);
        }
        else
            planned.targets.push(target.name);
        targets.push({ ...target, family, ...(serviceDefinition ? { serviceDefinition } : {}) });
    }
    if (problems.length > 0)
        throw refused(file, problems);
    return { ...checked, families: [...families.values()], targets };
}
function refused(file, problems) {
    return new src/* ConfigurationError */.j1(`Input "app-file": ${(0,src/* quoteValue */.cl)(file)} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was called or changed:\n${problems.map((p) => `- ${file}: ${p}`).join('\n')}`);
}
/** The target's task definition file, read once per path, its containers given the file's images. */
function taskDefinitionOf(target, where, workspace, byPath, problems) {
    if (!byPath.has(target.taskDefinitionFile)) {
        try {
            byPath.set(target.taskDefinitionFile, (0,src_ecs/* readTaskDefinitionFile */.BD)(target.taskDefinitionFile, workspace, undefined));
        }
        catch (error) {
            if (!(error instanceof src/* ConfigurationError */.j1))
                throw error;
            byPath.set(target.taskDefinitionFile, undefined);
            problems.push(`${where}.taskDefinition: ${error.message.replace(/^Input "task-definition": /, '')}`);
        }
    }
    const read = byPath.get(target.taskDefinitionFile);
    if (!read)
        return undefined;
    const request = structuredClone(read.rendered.request);
    const containers = request.containerDefinitions ?? [];
    for (const [name, image] of Object.entries(target.images)) {
        const container = containers.find((c) => c.name === name);
        if (!container) {
            problems.push(`${where}.images.${name}: ${target.taskDefinitionFile} has no container "${name}" (it has ${containers.map((c) => c.name).join(', ') || 'none'})`);
        }
        else
            container.image = image;
    }
    return { path: read.path, rendered: { ...read.rendered, request } };
}
function serviceDefinitionOf(target, where, workspace, awsvpc, problems) {
    if (target.kind !== 'service' || !target.serviceDefinitionFile)
        return undefined;
    try {
        const definition = (0,read/* readServiceDefinition */.D)(target.serviceDefinitionFile, workspace);
        if (target.createService && awsvpc && definition.settings.networkConfiguration === undefined) {
            problems.push(`${where}.serviceDefinition: ${target.serviceDefinitionFile} has no networkConfiguration, which creating a service of an awsvpc task definition needs`);
        }
        return definition;
    }
    catch (error) {
        if (!(error instanceof src/* ConfigurationError */.j1))
            throw error;
        problems.push(`${where}.serviceDefinition: ${error.message.replace(/^Input "service-definition": /, '')}`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/application/inputs.ts
/**
 * The inputs of an application deploy (`app-file` set): the file, the environment, the built image, and the wait
 * settings every target shares. The single-service inputs do not apply and are refused when set, naming the
 * app file's member that takes their place.
 */



/** Single-service inputs, and what the app file has instead. */
const NOT_WITH_APP_FILE = {
    'task-definition': 'each target\'s "taskDefinition"',
    'task-definition-arn': 'each target\'s "taskDefinition" (a redeploy deploys the recorded revisions)',
    service: 'the "services" of the file',
    'service-definition': 'each service\'s "serviceDefinition"',
    'desired-count': 'each service\'s "serviceDefinition" (desiredCount)',
    'skip-unchanged': 'nothing: every family is registered once per deploy',
    'keep-revisions': 'nothing yet: deregister old revisions per service with a single-service step',
    'create-service': 'each service\'s "createService"',
    'codedeploy-appspec': 'nothing: application deploys support rolling and native staged services',
    verify: 'nothing yet: verify each service with a single-service step (dry-run: true) before the application deploy',
    'dry-run': 'nothing yet: plan each service with a single-service step',
    'on-pause': 'nothing yet: an application deploy waits a pause out (on-pause: wait)',
};
/** The action's defaults of those inputs: a value equal to it says nothing and is accepted. */
const DEFAULT_VALUE = {
    'skip-unchanged': 'false',
    'create-service': 'false',
    verify: 'off',
    'dry-run': 'false',
    'on-pause': 'wait',
};
/** Environments are named as GitHub environments are. */
const ENVIRONMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
function readAppInputs(input, workspace) {
    const file = input.requiredString('app-file');
    for (const [name, instead] of Object.entries(NOT_WITH_APP_FILE)) {
        const value = input.optionalString(name);
        if (value !== undefined && value !== DEFAULT_VALUE[name]) {
            throw new src/* ConfigurationError */.j1(`Input "${name}" (${(0,src/* quoteValue */.cl)(value)}) is set together with "app-file" (${(0,src/* quoteValue */.cl)(file)}): an application deploy takes its targets from the file. Remove ${name}; the file has ${instead}.`);
        }
    }
    const environment = input.requiredString('environment');
    if (!ENVIRONMENT.test(environment)) {
        throw (0,src/* invalidInput */.aY)('environment', environment, 'must be an environment name', 'Use the name of an environment of the app file, e.g. production.');
    }
    const image = input.optionalString('image');
    const { timeoutMs, pollIntervalMs } = input.waitTimes();
    return {
        plan: readAppPlan(file, environment, image, workspace),
        forceNewDeployment: input.boolean('force-new-deployment', false),
        wait: input.boolean('wait', true),
        timeoutMs,
        pollIntervalMs,
        rollback: input.boolean('rollback', true),
        preflight: input.oneOf('preflight', inputs/* PREFLIGHT_MODES */.Zt, 'warn'),
    };
}

// EXTERNAL MODULE: ./src/summary.ts + 1 modules
var summary = __webpack_require__(6809);
;// CONCATENATED MODULE: ./src/application/summary.ts
/** The job summary of an application deploy: one table, a row per target, then each failed service's own account. */



function appSummaryMarkdown(result) {
    const rows = result.targets.map((t) => [
        (0,src/* markdownCell */.UZ)(t.name),
        t.kind,
        (0,src/* markdownCode */.D9)(t.resource),
        t.taskDefinitionArn ? (0,src/* markdownCode */.D9)((0,taskdef/* shortTaskDefinition */.P5)(t.taskDefinitionArn)) : '',
        t.previousTaskDefinitionArn ? (0,src/* markdownCode */.D9)((0,taskdef/* shortTaskDefinition */.P5)(t.previousTaskDefinitionArn)) : '(none)',
        (0,src/* markdownCode */.D9)(t.status) + (t.created ? ' (created)' : ''),
        (0,src/* markdownCell */.UZ)(t.status === 'succeeded' || t.status === 'unchanged' ? '' : t.message),
    ]);
    const parts = [
        `### ECS application ${(0,src/* markdownCell */.UZ)(result.application)} to ${(0,src/* markdownCell */.UZ)(result.environment)}: ${(0,src/* markdownCode */.D9)(result.status ?? 'cancelled')}`,
        '',
        `Cluster ${(0,src/* markdownCode */.D9)(result.cluster)}, ${(0,src/* formatDuration */.a3)(result.durationMs)}.`,
        '',
        (0,src/* markdownTable */.Qj)(['target', 'kind', 'name', 'task definition', 'before', 'status', 'detail'], rows),
    ];
    if (result.status !== 'succeeded' && result.status !== 'unchanged')
        parts.push('', (0,src/* markdownCell */.UZ)(result.message));
    for (const service of result.services) {
        if (service.status !== 'succeeded' && service.status !== 'unchanged') {
            parts.push('', (0,summary.summaryMarkdown)(service).replace(/^### /m, '#### '));
        }
    }
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./src/application/run.ts
/**
 * The application path of the action's entry (index.ts loads it only when `app-file` is set): reads the inputs and
 * the app file, creates the clients (EventBridge and Scheduler only when a rule or schedule asks), deploys, and writes
 * the outputs and the one summary table.
 */






async function runApplication(reader, workspace) {
    const inputs = readAppInputs(reader, workspace);
    const region = (0,src/* awsRegion */.Ue)();
    const ecs = (0,src/* createAwsClient */.nV)(dist_cjs.ECSClient, { region });
    const ecsSingleAttempt = (0,src/* createAwsClient */.nV)(dist_cjs.ECSClient, { region, maxAttempts: 1 });
    const logs = (0,src_ecs/* logsClients */.qr)();
    const lazy = [];
    const once = (create) => {
        let client;
        return () => {
            if (!client) {
                client = create();
                lazy.push(client);
            }
            return client;
        };
    };
    // Writes are not retried blindly: the put-back reads what a target runs before writing it back.
    const events = once(() => Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4401, 19)).then(({ EventBridgeClient }) => (0,src/* createAwsClient */.nV)(EventBridgeClient, { region, maxAttempts: 2 })));
    const scheduler = once(() => Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4321, 19)).then(({ SchedulerClient }) => (0,src/* createAwsClient */.nV)(SchedulerClient, { region, maxAttempts: 2 })));
    const cancelled = (0,src/* jobCancelSignal */.iF)((signal) => src/* log.info */.Rm.info(`Received ${signal}: stopping.`));
    try {
        const result = await deployApplication(inputs, {
            ecs,
            ecsSingleAttempt,
            region,
            clock: src/* systemClock */.ml,
            sleep: src/* realSleep */.bZ,
            signal: cancelled,
            logs: logs.clientFor,
            events,
            scheduler,
            log: { info: src/* log.info */.Rm.info, warning: src/* log.warning */.Rm.warning, startGroup: src/* log.startGroup */.Rm.startGroup, endGroup: src/* log.endGroup */.Rm.endGroup },
        });
        (0,src/* setOutputs */.n0)({
            status: result.status,
            'duration-seconds': Math.round(result.durationMs / 1000),
            application: result.application,
            targets: JSON.stringify(result.targets.map((t) => ({
                name: t.name,
                kind: t.kind,
                resource: t.resource,
                status: t.status,
                taskDefinitionArn: t.taskDefinitionArn ?? null,
                previousTaskDefinitionArn: t.previousTaskDefinitionArn ?? null,
            }))),
        });
        (0,src/* writeSummary */.Sy)(appSummaryMarkdown(result));
        if (result.status === 'succeeded' || result.status === 'unchanged') {
            src/* log.notice */.Rm.notice(result.message, { title: `ECS application deploy ${result.status}` });
            return;
        }
        throw new src/* ConfigurationError */.j1(result.message);
    }
    finally {
        ecs.destroy();
        ecsSingleAttempt.destroy();
        await logs.destroy();
        for (const client of lazy)
            (await client.catch(() => undefined))?.destroy();
    }
}


/***/ }),

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


/***/ })

};
