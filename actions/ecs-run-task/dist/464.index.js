export const id = 464;
export const ids = [464];
export const modules = {

/***/ 9464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exitCodeOf: () => (/* binding */ exitCodeOf),
  runTask: () => (/* binding */ runTask),
  taskProblem: () => (/* binding */ taskProblem)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __webpack_require__(785);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 3 modules
var src_ecs = __webpack_require__(9530);
;// CONCATENATED MODULE: ./src/follow-tasks.ts
/**
 * Following started tasks to STOPPED: DescribeTasks every poll interval (a line per status change, the containers'
 * new log lines in between), until every task stopped, the timeout passed or the job was cancelled.
 */


/** DescribeTasks polls that may fail in a row (after the SDK's own retries) before the step gives up. */
const MAX_FAILED_POLLS = 5;
const taskId = (arn) => arn.slice(arn.lastIndexOf('/') + 1);
function outcome(task, essentials) {
    const arn = task.taskArn ?? '';
    return {
        arn,
        id: taskId(arn),
        lastStatus: task.lastStatus ?? 'UNKNOWN',
        stopCode: task.stopCode,
        stoppedReason: task.stoppedReason,
        containers: (task.containers ?? []).map((container) => ({
            name: container.name ?? '',
            essential: essentials.get(container.name ?? '') ?? true,
            exitCode: container.exitCode,
            reason: container.reason,
        })),
    };
}
/** StopTask for each task, a line each; a failure to stop is a warning that says to stop it by hand. */
async function stopTasks(deps, cluster, arns, reason) {
    for (const arn of arns) {
        try {
            await deps.ecs.send(new dist_cjs.StopTaskCommand({ cluster, task: arn, reason }));
            deps.log.info(`Stopped task ${taskId(arn)} (StopTask): ${reason}`);
        }
        catch (error) {
            deps.log.warning(`StopTask of ${arn} failed: ${(0,src/* errorMessage */.gJ)(error)}. Stop it in the ECS console.`);
        }
    }
}
/** Follows `started` until every task stopped, `deadline` (clock time) passed or the job was cancelled. */
async function followTasks(inputs, deps, started, essentials, deadline, tail) {
    const { clock, log } = deps;
    const seen = new Map();
    let latest = started;
    for (const task of latest) {
        seen.set(task.arn, task.lastStatus);
        log.info(`task ${task.id}: ${task.lastStatus}`);
    }
    const arns = latest.map((task) => task.arn);
    let failedPolls = 0;
    while (latest.some((task) => task.lastStatus !== 'STOPPED')) {
        if (deps.signal?.aborted)
            return { tasks: latest, ending: 'cancelled' };
        if (clock.now() >= deadline)
            return { tasks: latest, ending: 'timed-out' };
        try {
            await deps.sleep(Math.min(inputs.pollIntervalMs, Math.max(0, deadline - clock.now())), deps.signal);
        }
        catch (error) {
            if (deps.signal?.aborted)
                return { tasks: latest, ending: 'cancelled' };
            throw error;
        }
        let described;
        try {
            described = (await deps.ecs.send(new dist_cjs.DescribeTasksCommand({ cluster: inputs.cluster, tasks: arns }))).tasks ?? [];
            failedPolls = 0;
        }
        catch (error) {
            // The SDK has retried already. A few failed polls in a row are waited out; an access error, or more, end
            // the step, and the tasks are stopped first: a step that failed leaves nothing running.
            failedPolls += 1;
            if (!(0,src/* isAccessError */.Pq)(error) && failedPolls < MAX_FAILED_POLLS) {
                log.warning(`DescribeTasks failed (${failedPolls} in a row): ${(0,src/* errorMessage */.gJ)(error)}. Asking again.`);
                continue;
            }
            const running = latest.filter((task) => task.lastStatus !== 'STOPPED').map((task) => task.arn);
            await stopTasks(deps, inputs.cluster, running, 'ecs-run-task: the step could not follow the task');
            throw ((0,src/* explainAccessError */.Qz)(error, { action: 'ecs:DescribeTasks', resource: inputs.cluster, region: deps.region }) ??
                error);
        }
        const byArn = new Map(described.map((task) => [task.taskArn ?? '', task]));
        latest = latest.map((previous) => {
            const task = byArn.get(previous.arn);
            return task ? outcome(task, essentials) : previous;
        });
        for (const task of latest) {
            const before = seen.get(task.arn);
            if (before !== task.lastStatus) {
                log.info(`task ${task.id}: ${before ?? '?'} → ${task.lastStatus}`);
                seen.set(task.arn, task.lastStatus);
            }
        }
        await tail?.poll(latest);
    }
    // What the containers wrote last, after they stopped.
    await tail?.poll(latest, true);
    return { tasks: latest };
}

;// CONCATENATED MODULE: ./src/log-tail.ts
/**
 * The tasks' own log lines while they run: each poll, GetLogEvents from where the last one ended (nextForwardToken)
 * for every awslogs container of every task that has started, printed as `[container] line`; the last lines of each
 * are kept for the failure report. Reading is best effort (core's container-logs): a denied permission is one line
 * naming it, printed once; a group or stream that does not exist yet is asked for again on the next poll, and is the
 * failure report's note when it still does not exist after the task stopped.
 */

/** How long one GetLogEvents call may take before the tail gives up on its group. */
const LOGS_CALL_TIMEOUT_MS = 5_000;
/**
 * Pages read from one stream at the end, after the task stopped (each up to 1 MB or 10,000 events; partly full and
 * empty ones count too: the API may answer them before the stream's end).
 */
const FINAL_PAGES = 20;
/** Statuses before the containers start: their streams do not exist yet. */
const NOT_STARTED = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
class LogTail {
    configs;
    deps;
    several;
    streams = new Map();
    /** Groups not to ask again (`region group`), with the note given once. */
    givenUp = new Map();
    constructor(configs, deps, several) {
        this.configs = configs;
        this.deps = deps;
        this.several = several;
    }
    /** Reads and prints what the started tasks' containers wrote since the last poll (`final`: all of it). */
    async poll(tasks, final = false) {
        for (const task of tasks) {
            if (NOT_STARTED.has(task.lastStatus) && !final)
                continue;
            for (const followed of this.streamsOf(task)) {
                await this.read(task, followed, final);
            }
        }
    }
    /** Each awslogs container's last lines of a task, or why they are not shown. */
    logsOf(task) {
        return this.streamsOf(task).map(({ config, stream, found, last, note }) => {
            const given = this.givenUp.get(`${config.region} ${config.group}`);
            const base = { container: config.container, group: config.group, ...(stream ? { stream } : {}) };
            if (note ?? given)
                return { ...base, note: (note ?? given) };
            if (!found)
                return {
                    ...base,
                    note: `log stream ${stream} was not found in log group ${config.group} (${config.region}): the task's log lines are not shown`,
                };
            return { ...base, lines: [...last] };
        });
    }
    streamsOf(task) {
        let streams = this.streams.get(task.arn);
        if (!streams) {
            streams = this.configs.map((config) => {
                const stream = (0,src_ecs/* logStreamOf */.aM)(config, task.id);
                return {
                    config,
                    stream,
                    found: false,
                    last: [],
                    ...(stream === undefined ? { note: (0,src_ecs/* noPrefixNote */.oO)(config) } : {}),
                };
            });
            this.streams.set(task.arn, streams);
        }
        return streams;
    }
    async read(task, followed, final) {
        const { config, stream } = followed;
        const key = `${config.region} ${config.group}`;
        if (stream === undefined || followed.note !== undefined || this.givenUp.has(key))
            return;
        for (let page = 0; page < (final ? FINAL_PAGES : 1); page++) {
            let answer;
            try {
                const client = await this.deps.logs(config.region);
                answer = await (0,src_ecs/* getLogEvents */.Ac)(client, { group: config.group, stream, forward: followed.nextToken ? { nextToken: followed.nextToken } : {} }, { withinMs: LOGS_CALL_TIMEOUT_MS, ...(this.deps.signal ? { signal: this.deps.signal } : {}) });
            }
            catch (error) {
                if (this.deps.signal?.aborted)
                    return;
                const problem = (0,src_ecs/* logsReadProblem */.FO)(error, config, stream);
                if ((0,src_ecs/* errorCode */.CA)(error) === 'ResourceNotFoundException') {
                    // The stream (and, with awslogs-create-group, the group) appears when the container starts: not there
                    // yet is asked again next poll; still missing after the task stopped, it is the failure report's note.
                    if (final)
                        followed.note = problem.note;
                    return;
                }
                this.givenUp.set(key, problem.note);
                this.deps.log.info(problem.note);
                return;
            }
            followed.found = true;
            const label = this.several ? `${task.id.slice(0, 8)} ${config.container}` : config.container;
            for (const line of answer.lines)
                this.deps.log.info(`[${label}] ${line}`);
            followed.last = [...followed.last, ...answer.lines].slice(-src_ecs/* LOG_LINES_SHOWN */.Vp);
            // The end of the stream is the token coming back unchanged (API reference); an empty or partly full page
            // whose token moved is not the end ("don't necessarily mean that pagination is finished").
            const moved = answer.nextForwardToken !== undefined && answer.nextForwardToken !== followed.nextToken;
            if (answer.nextForwardToken)
                followed.nextToken = answer.nextForwardToken;
            if (!moved)
                return;
        }
    }
}

;// CONCATENATED MODULE: ./src/placement.ts
/** Where the task runs: the service's network configuration, launch type or capacity providers and platform, with the inputs set winning. */


/** An AWS call whose access error (denied, no or expired credentials) says which action to allow. */
function explainCall(action, resource, region, call) {
    return call().catch((error) => {
        throw (0,src/* explainAccessError */.Qz)(error, { action, resource, region }) ?? error;
    });
}
/** The network settings of the task: the service's, with the inputs set winning. */
async function placement(inputs, deps, awsvpc) {
    let network;
    let launchType;
    let capacityProviderStrategy;
    let platformVersion;
    if (inputs.service) {
        const service = inputs.service;
        const answer = await explainCall('ecs:DescribeServices', service, deps.region, () => deps.ecs.send(new dist_cjs.DescribeServicesCommand({ cluster: inputs.cluster, services: [service] })));
        const found = answer.services?.find((candidate) => candidate.status !== 'INACTIVE');
        if (!found) {
            throw new src/* ConfigurationError */.j1(`Input "service": service ${JSON.stringify(service)} was not found in cluster ${JSON.stringify(inputs.cluster)} (region ${deps.region}). Check service and cluster, or set subnets and security-groups instead.`);
        }
        // Only an awsvpc task takes a network configuration (ECS refuses one for bridge or host networking).
        network = awsvpc ? found.networkConfiguration : undefined;
        launchType = found.capacityProviderStrategy?.length ? undefined : found.launchType;
        capacityProviderStrategy = found.capacityProviderStrategy?.length ? found.capacityProviderStrategy : undefined;
        platformVersion = found.platformVersion && found.platformVersion !== 'LATEST' ? found.platformVersion : undefined;
    }
    if (inputs.subnets.length > 0 || inputs.securityGroups.length > 0 || inputs.assignPublicIp) {
        const base = network?.awsvpcConfiguration;
        const subnets = inputs.subnets.length > 0 ? inputs.subnets : (base?.subnets ?? []);
        const securityGroups = inputs.securityGroups.length > 0 ? inputs.securityGroups : base?.securityGroups;
        const assignPublicIp = inputs.assignPublicIp ?? base?.assignPublicIp;
        network = {
            awsvpcConfiguration: {
                subnets,
                ...(securityGroups?.length ? { securityGroups } : {}),
                ...(assignPublicIp ? { assignPublicIp } : {}),
            },
        };
    }
    if (inputs.launchType) {
        launchType = inputs.launchType;
        capacityProviderStrategy = undefined;
    }
    return {
        ...(network ? { networkConfiguration: network } : {}),
        ...(launchType ? { launchType } : {}),
        ...(capacityProviderStrategy ? { capacityProviderStrategy } : {}),
        ...(platformVersion ? { platformVersion } : {}),
    };
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

;// CONCATENATED MODULE: ./src/task-definition.ts
/**
 * The task definition to run: the rendered file registered first (core's registerTaskDefinition, the same
 * idempotent registration as ecs-deploy-wait's), or an existing revision described. Either way the step knows its
 * ARN, its containers (which are essential, how they log) and its network mode before RunTask.
 */





/** The job was cancelled (or AWS did not answer) while the file was being registered; nothing was started. */
class RegistrationInterrupted extends Error {
}
async function taskDefinitionToRun(inputs, deps) {
    const source = inputs.taskDefinition;
    if (source.kind === 'file') {
        const session = new src_ecs/* EcsCallSession */.IW(deps, () => ({ cluster: inputs.cluster, service: inputs.service ?? '' }));
        try {
            const arn = await registerTaskDefinition(session, source, () => ({}));
            const { request } = source.rendered;
            return {
                arn,
                containers: request.containerDefinitions ?? [],
                networkMode: request.networkMode,
                verified: request,
            };
        }
        catch (error) {
            if (!(0,src_ecs/* isAbort */.rV)(error) && !session.cancelled && !(error instanceof src_ecs/* NoAnswerError */.i5))
                throw error;
            // The answer never came: one short check says whether the revision exists now.
            const landed = await landedRegistration(session, source.rendered);
            throw new RegistrationInterrupted(`${session.cancelled ? 'The job was cancelled' : (0,src/* errorMessage */.gJ)(error)} while registering ${source.path}: ${landed.text}. No task was started.`);
        }
    }
    const described = await explainCall('ecs:DescribeTaskDefinition', source.arn, deps.region, () => deps.ecs.send(new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: source.arn }))).catch((error) => {
        if (error instanceof src/* ConfigurationError */.j1)
            throw error;
        if (error.name === 'ClientException') {
            throw new src/* ConfigurationError */.j1(`Input "task-definition-arn": ${JSON.stringify(source.arn)} was not found in region ${deps.region} (${(0,src/* errorMessage */.gJ)(error)}). Use the ARN or family:revision of a registered revision.`);
        }
        throw error;
    });
    const definition = described.taskDefinition;
    return {
        arn: definition?.taskDefinitionArn ?? source.arn,
        containers: definition?.containerDefinitions ?? [],
        networkMode: definition?.networkMode,
        verified: (definition ?? {}),
    };
}

;// CONCATENATED MODULE: ./src/verify.ts
/**
 * Verify (input `verify`) before the task definition is registered or run: the same checks as ecs-deploy-wait's
 * (@ecs-actions/core/verify: roles, secrets, images and their platform, log groups, the execution role's
 * permissions), without a service's ports. With `fail`, a finding that would certainly stop the task before its
 * containers start ends the step here: nothing is registered or run.
 */

async function verifyBeforeRun(inputs, deps, taskDefinition) {
    if (inputs.verify === 'off' || !deps.verify)
        return;
    const { verifyTaskDefinition, verifyLine } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9084));
    const report = await verifyTaskDefinition({ region: deps.region, taskDefinition }, deps.verify, {
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const certain = report.findings.filter((finding) => finding.certain);
    deps.log.info(`Verify of the task definition: ${report.findings.length === 0 ? 'no findings' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`} (verify: ${inputs.verify})`);
    for (const note of report.notes)
        deps.log.info(`  ${note}`);
    if (certain.length > 0 && inputs.verify === 'fail') {
        throw new src/* ConfigurationError */.j1(`Verify found ${certain.length} problem${certain.length === 1 ? '' : 's'} that would stop the task before it starts (verify: fail); nothing was registered or run:\n${certain.map((finding) => `- ${verifyLine(finding)}`).join('\n')}\nFix them, or set verify: warn to run anyway.`);
    }
    for (const finding of report.findings)
        deps.log.warning(`Verify: ${verifyLine(finding)}`);
}

;// CONCATENATED MODULE: ./src/run-task.ts
/**
 * Runs one-off ECS tasks and follows them to STOPPED: the task definition (a rendered file registered first, or an
 * existing revision), RunTask (its failures array is an error, nothing is left running), the tasks followed with
 * their containers' log lines (follow-tasks, log-tail), StopTask on timeout or cancel, and a failed task's last log
 * lines in the result.
 */









/** What a RunTask failure reason means (developer guide, "Amazon ECS API failure reasons"). */
const FAILURE_HINTS = {
    MISSING: 'the cluster or a resource it needs was not found; check cluster and region',
    AGENT: 'the container instance it chose has a disconnected ECS agent',
    'RESOURCE:MEMORY': 'no container instance has the memory the task definition asks for; check the capacity provider',
    'RESOURCE:CPU': 'no container instance has the CPU the task definition asks for; check the capacity provider',
    'RESOURCE:PORTS': 'the ports the task needs are taken on every container instance',
    'RESOURCE:ENI': 'no container instance has an elastic network interface left for an awsvpc task',
    ATTRIBUTE: 'no container instance has an attribute the task definition requires',
};
/** The essential container's exit code: the first non-zero one, else the first one known. */
function exitCodeOf(tasks) {
    const codes = tasks.flatMap((task) => task.containers.filter((c) => c.essential && c.exitCode !== undefined).map((c) => c.exitCode));
    return codes.find((code) => code !== 0) ?? codes[0];
}
/** Why a stopped task failed, or undefined when every essential container exited 0. */
function taskProblem(task) {
    const essentials = task.containers.filter((c) => c.essential);
    const bad = essentials.filter((c) => c.exitCode !== 0);
    if (task.stopCode === 'EssentialContainerExited' && essentials.length > 0 && bad.length === 0)
        return undefined;
    const containers = bad
        .map((c) => `container ${c.name} ${c.exitCode === undefined ? 'has no exit code' : `exited ${c.exitCode}`}${c.reason ? ` (${c.reason})` : ''}`)
        .join(', ');
    return `task ${task.id} stopped (${task.stopCode ?? 'no stop code'}: ${task.stoppedReason ?? 'no reason given'})${containers ? `: ${containers}` : ''}`;
}
function runTaskRequest(inputs, definition, where) {
    return {
        cluster: inputs.cluster,
        taskDefinition: definition.arn,
        count: inputs.count,
        startedBy: inputs.startedBy,
        clientToken: (0,external_node_crypto_.randomUUID)(),
        ...where,
        ...(inputs.containerOverride ? { overrides: { containerOverrides: [inputs.containerOverride] } } : {}),
        ...(inputs.tags.length > 0 ? { tags: inputs.tags } : {}),
    };
}
/** RunTask answered with failures: the tasks it did start are stopped, and the reasons are the message. */
async function startFailure(inputs, deps, taskDefinitionArn, taskArns, failures) {
    // Part of the count may have started: stop those, so that a half-run job is not left behind.
    await stopTasks(deps, inputs.cluster, taskArns, 'ecs-run-task: RunTask could not start every task');
    const reasons = failures
        .map((f) => {
        const hint = FAILURE_HINTS[f.reason ?? ''] ?? FAILURE_HINTS[(f.reason ?? '').split(':')[0] ?? ''];
        return `${f.reason ?? 'unknown reason'} (${f.arn ?? 'no arn'})${f.detail ? ` ${f.detail}` : ''}${hint ? `: ${hint}` : ''}`;
    })
        .join('; ');
    return {
        status: 'failed',
        message: `RunTask of ${taskDefinitionArn} in cluster ${inputs.cluster} could not start ${failures.length} of ${inputs.count} tasks: ${reasons}.${taskArns.length > 0 ? ` The ${taskArns.length} started were stopped.` : ''}`,
        exitCode: undefined,
        tasks: [],
    };
}
/** Left before every task stopped (timeout or cancel): the running ones are stopped. */
async function stoppedEarly(inputs, deps, followed, tail) {
    const latest = followed.tasks;
    const running = latest.filter((task) => task.lastStatus !== 'STOPPED').map((task) => task.arn);
    const timedOut = followed.ending === 'timed-out';
    const limit = (0,src/* formatDuration */.a3)(inputs.timeoutMs);
    await stopTasks(deps, inputs.cluster, running, timedOut ? `ecs-run-task: timed out after ${limit}` : 'ecs-run-task: the GitHub Actions job was cancelled');
    return {
        status: followed.ending,
        message: timedOut
            ? `The task(s) did not stop within the timeout (${limit}); stopped ${running.map(taskId).join(', ')} with StopTask. Raise timeout if the job needs longer.`
            : `The job was cancelled; stopped ${running.map(taskId).join(', ') || 'no task (all had stopped)'} with StopTask.`,
        exitCode: exitCodeOf(latest),
        // A task that ran too long may have said why in its last lines.
        tasks: timedOut && tail ? latest.map((task) => ({ ...task, logs: tail.logsOf(task) })) : latest,
    };
}
/** Every task stopped: each container's exit code; a failed task's last log lines again, next to why it stopped. */
function finished(deps, taskDefinitionArn, latest, tail, took) {
    const { log } = deps;
    for (const task of latest) {
        for (const container of task.containers) {
            log.info(`task ${task.id}: container ${container.name}${container.essential ? '' : ' (not essential)'} exit code ${container.exitCode ?? 'none'}${container.reason ? ` (${container.reason})` : ''}`);
        }
    }
    const problems = latest.map(taskProblem).filter((problem) => problem !== undefined);
    const count = latest.length;
    if (problems.length === 0) {
        return {
            status: 'succeeded',
            message: `${count === 1 ? 'The task' : `All ${count} tasks`} of ${taskDefinitionArn} exited 0 (${took}).`,
            exitCode: exitCodeOf(latest),
            tasks: latest,
        };
    }
    const reported = latest.map((task) => (taskProblem(task) && tail ? { ...task, logs: tail.logsOf(task) } : task));
    for (const task of reported) {
        if (!task.logs?.length)
            continue;
        log.info(`task ${task.id}:`);
        for (const line of (0,src_ecs/* formatContainerLogs */.ml)(task.logs))
            log.info(line);
    }
    return {
        status: 'failed',
        message: `${count === 1 ? 'The task' : `${problems.length} of ${count} tasks`} of ${taskDefinitionArn} failed: ${problems.join('; ')}.`,
        exitCode: exitCodeOf(latest),
        tasks: reported,
    };
}
async function runTask(inputs, deps) {
    const { ecs, log, clock, region } = deps;
    const started = clock.now();
    const result = (taskDefinitionArn, taskArns, ending) => ({
        cluster: inputs.cluster,
        taskDefinitionArn,
        taskArns,
        ...ending,
        durationMs: clock.now() - started,
    });
    const notStarted = (taskDefinitionArn, message) => result(taskDefinitionArn, [], { status: 'cancelled', message, exitCode: undefined, tasks: [] });
    // The task definition first: registered (a file) or described; it says which containers are essential and how
    // they log.
    let definition;
    const source = inputs.taskDefinition;
    // Verify before any write: a file before it is registered, a registered revision once described.
    if (source.kind === 'file')
        await verifyBeforeRun(inputs, deps, source.rendered.request);
    try {
        definition = await taskDefinitionToRun(inputs, deps);
    }
    catch (error) {
        if (error instanceof RegistrationInterrupted)
            return notStarted('', error.message);
        throw error;
    }
    if (source.kind !== 'file')
        await verifyBeforeRun(inputs, deps, definition.verified);
    const taskDefinitionArn = definition.arn;
    const essentials = new Map(definition.containers.map((c) => [c.name ?? '', c.essential !== false]));
    if (inputs.containerOverride && !essentials.has(inputs.containerOverride.name)) {
        throw new src/* ConfigurationError */.j1(`Input "container-name": ${JSON.stringify(inputs.containerOverride.name)} is not a container of ${taskDefinitionArn}. Its containers: ${[...essentials.keys()].join(', ')}.`);
    }
    const where = await placement(inputs, deps, (definition.networkMode ?? 'awsvpc') === 'awsvpc');
    if (deps.signal?.aborted) {
        return notStarted(taskDefinitionArn, 'The job was cancelled before RunTask; no task was started.');
    }
    const answer = await explainCall('ecs:RunTask', inputs.cluster, region, () => ecs.send(new dist_cjs.RunTaskCommand(runTaskRequest(inputs, definition, where))));
    const taskArns = (answer.tasks ?? []).map((task) => task.taskArn ?? '').filter((arn) => arn !== '');
    const failures = answer.failures ?? [];
    if (failures.length > 0) {
        return result(taskDefinitionArn, taskArns, await startFailure(inputs, deps, taskDefinitionArn, taskArns, failures));
    }
    log.info(`Started ${taskArns.map(taskId).join(', ')} of ${taskDefinitionArn} in cluster ${inputs.cluster}.`);
    const startedTasks = (answer.tasks ?? []).map((task) => outcome(task, essentials));
    if (!inputs.wait) {
        return result(taskDefinitionArn, taskArns, {
            status: 'started',
            message: `Started ${taskArns.length} task(s) of ${taskDefinitionArn}; not waiting for them (wait: false).`,
            exitCode: undefined,
            tasks: startedTasks,
        });
    }
    const configs = (0,src_ecs/* awslogsConfigs */.AB)(definition.containers, region);
    const tail = deps.logs && configs.length > 0
        ? new LogTail(configs, { logs: deps.logs, log, ...(deps.signal ? { signal: deps.signal } : {}) }, taskArns.length > 1)
        : undefined;
    const followed = await followTasks(inputs, deps, startedTasks, essentials, started + inputs.timeoutMs, tail);
    if (followed.ending) {
        const ending = followed.ending;
        return result(taskDefinitionArn, taskArns, await stoppedEarly(inputs, deps, { ...followed, ending }, tail));
    }
    const took = (0,src/* formatDuration */.a3)(Math.round((clock.now() - started) / 1000) * 1000);
    return result(taskDefinitionArn, taskArns, finished(deps, taskDefinitionArn, followed.tasks, tail, took));
}


/***/ })

};
