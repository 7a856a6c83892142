export const id = 237;
export const ids = [237];
export const modules = {

/***/ 9237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_TRANSIENT_ERRORS: () => (/* binding */ MAX_TRANSIENT_ERRORS),
  consoleUrl: () => (/* binding */ consoleUrl),
  deploy: () => (/* binding */ deploy),
  describeDeployment: () => (/* binding */ describeDeployment),
  failureThreshold: () => (/* binding */ failureThreshold),
  formatStoppedTask: () => (/* binding */ formatStoppedTask)
});

// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-ecs@3.1164.0/node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(1234);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 15 modules
var src = __webpack_require__(7769);
;// CONCATENATED MODULE: ./src/aws-errors.ts
/**
 * AWS errors sorted into what to do about them. Throttling and 5xx are transient (retried); denied access,
 * bad credentials and missing resources fail at once, naming the IAM action or the resource.
 */

const shape = (error) => (typeof error === 'object' && error !== null ? error : {});
function errorCode(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return error.code;
    return (0,src/* awsErrorCode */.J6)(error);
}
const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNRESET', 'ECONNREFUSED']);
/** Throttling, 5xx and dropped connections: worth trying again. */
function isTransient(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return true;
    const e = shape(error);
    const code = errorCode(error);
    if (src/* THROTTLING_CODES */.Jr.has(code) || NETWORK.has(code) || e.code === 'ECONNRESET')
        return true;
    if ((0,src/* isAccessError */.Pq)(error))
        return false;
    const status = e.$metadata?.httpStatusCode;
    return status !== undefined && status >= 500;
}
/** The API does not know the operation or refuses it here: treat the extra detail as not available. */
function isUnavailable(error) {
    const code = errorCode(error);
    return (code === 'UnknownOperationException' ||
        code === 'InvalidParameterException' ||
        code === 'InvalidAction' ||
        code === 'UnsupportedFeatureException' ||
        (0,src/* isAccessDenied */.w7)(error) ||
        shape(error).$metadata?.httpStatusCode === 404);
}
function isAbort(error) {
    const code = errorCode(error);
    return code === 'AbortError' || shape(error).code === 'ABORT_ERR';
}

/** An AWS call that failed for a reason the user has to fix: no stack trace, the action or resource named. */
class AwsCallError extends src/* ConfigurationError */.j1 {
    code;
    operation;
    constructor(message, code, operation) {
        super(message);
        this.code = code;
        this.operation = operation;
    }
}
/** A transient error (throttling, 5xx, dropped connection) that outlasted the SDK's retries. */
class AwsRetriesExhaustedError extends Error {
    code;
    detail;
    constructor(message, code, 
    /** The service's own message. */
    detail = message) {
        super(message);
        this.code = code;
        this.detail = detail;
    }
}
/**
 * Rewrites an SDK error as an error that says what failed and how to fix it. A transient error becomes an
 * AwsRetriesExhaustedError (still transient: the wait may try again), a cancellation stays as it is.
 */
function explainAwsError(error, context) {
    if (isAbort(error) || error instanceof AwsCallError || error instanceof AwsRetriesExhaustedError)
        return error;
    const code = errorCode(error);
    const detail = (0,src/* sentence */.em)((0,src/* errorMessage */.gJ)(error));
    const action = `ecs:${context.operation}`;
    if (isTransient(error)) {
        return new AwsRetriesExhaustedError(`${action} failed with ${code} (${(0,src/* errorMessage */.gJ)(error)}) after the AWS SDK's retries; AWS is throttling or failing in ${context.region}, try again later.`, code, (0,src/* errorMessage */.gJ)(error));
    }
    const where = `in region ${context.region}`;
    const access = (0,src/* explainAccessError */.Qz)(error, { action, region: context.region });
    if (access)
        return new AwsCallError(access.message, code, context.operation);
    if (code === 'ClusterNotFoundException') {
        return new AwsCallError(`Cluster "${context.cluster}" was not found ${where} (${action}: ${(0,src/* errorMessage */.gJ)(error)}). Check the cluster input and AWS_REGION.`, code, context.operation);
    }
    if (code === 'ServiceNotFoundException' || code === 'ServiceNotActiveException') {
        return new AwsCallError(`Service "${context.service}" was not found or is not active in cluster "${context.cluster}" ${where} (${action}: ${(0,src/* errorMessage */.gJ)(error)}). Check the service and cluster inputs and AWS_REGION.`, code, context.operation);
    }
    if (code === 'ClientException' || code === 'InvalidParameterException') {
        return new AwsCallError(`${action} refused the request (${code}): ${detail}`, code, context.operation);
    }
    const wrapped = new Error(`${action} failed (${code}): ${detail}`);
    if (error instanceof Error && error.stack)
        wrapped.stack = `${wrapped.message}\n${error.stack}`;
    return wrapped;
}

// EXTERNAL MODULE: ./src/taskdef.ts
var taskdef = __webpack_require__(247);
;// CONCATENATED MODULE: ./src/deploy.ts
/**
 * Deploys a task definition to an ECS service and follows *this* deployment to its end:
 * DescribeServices → (DescribeTaskDefinition) → RegisterTaskDefinition → UpdateService → poll DescribeServices,
 * then on failure explains why (stopped tasks, events, service deployment detail) and rolls back.
 */




/** ECS's circuit-breaker threshold: half the desired count, at least 3 and at most 200. */
function failureThreshold(desiredCount) {
    return Math.min(200, Math.max(3, Math.ceil(desiredCount / 2)));
}
function consoleUrl(region, cluster, service) {
    const name = (text) => encodeURIComponent(text.slice(text.lastIndexOf('/') + 1));
    return `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${name(cluster)}/services/${name(service)}/deployments?region=${region}`;
}
/** How many transient errors (after the SDK's own retries) in a row the wait tolerates. */
const MAX_TRANSIENT_ERRORS = 6;
const MAX_BACKOFF_MS = 60_000;
/** Polls to wait for ECS's rollback deployment to appear after our deployment went FAILED with rollback on. */
const ROLLBACK_APPEAR_POLLS = 3;
const STOPPED_TASKS_SHOWN = 10;
const countsOf = (d) => `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running, ${d.pendingCount ?? 0} pending, ${d.failedTasks ?? 0} failed`;
function describeDeployment(d) {
    if (!d)
        return 'unknown';
    return `${d.rolloutState ?? d.status ?? 'UNKNOWN'}, ${countsOf(d)}`;
}
class Deployer {
    inputs;
    deps;
    started;
    seenEvents = new Set();
    lastLines = new Map();
    newEvents = [];
    lastService;
    current;
    constructor(inputs, deps) {
        this.inputs = inputs;
        this.deps = deps;
        this.started = deps.clock.now();
    }
    get log() {
        return this.deps.log;
    }
    elapsed() {
        const seconds = Math.max(0, Math.round((this.deps.clock.now() - this.started) / 1000));
        return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    }
    async call(operation, send) {
        try {
            return await send(this.deps.signal ? { abortSignal: this.deps.signal } : {});
        }
        catch (error) {
            throw explainAwsError(error, {
                operation,
                cluster: this.inputs.cluster,
                service: this.inputs.service,
                region: this.deps.region,
            });
        }
    }
    /** DescribeServices for our one service; a missing service is an error that names it. */
    async describeService() {
        const { cluster, service } = this.inputs;
        const response = await this.call('DescribeServices', (o) => this.deps.ecs.send(new dist_cjs.DescribeServicesCommand({ cluster, services: [service] }), o));
        const found = response.services?.[0];
        if (!found || found.status === 'INACTIVE') {
            const reason = response.failures?.[0]?.reason ?? (found ? 'INACTIVE' : 'MISSING');
            throw new AwsCallError(`Service "${service}" was not found in cluster "${cluster}" in region ${this.deps.region} (DescribeServices: ${reason}). Check the service and cluster inputs and AWS_REGION; create the service before deploying to it.`, 'ServiceNotFoundException', 'DescribeServices');
        }
        return found;
    }
    async run() {
        const { inputs, deps } = this;
        const url = consoleUrl(deps.region, inputs.cluster, inputs.service);
        const base = {
            cluster: inputs.cluster,
            service: inputs.service,
            consoleUrl: url,
            stoppedTasks: [],
        };
        // 1. Where the service is now. Nothing is changed before every check here has passed.
        const before = await this.describeService();
        const controller = before.deploymentController?.type ?? 'ECS';
        if (controller !== 'ECS') {
            throw new src/* ConfigurationError */.j1(`Service "${inputs.service}" uses the ${controller} deployment controller, which ecs-deploy-wait does not support: it deploys with rolling updates (deployment controller ECS) only. Nothing was changed. Use CodeDeploy (e.g. aws-actions/amazon-ecs-deploy-task-definition with codedeploy-appspec) for ${controller} services.`);
        }
        const previousArn = before.taskDefinition;
        const previousPrimary = before.deployments?.find((d) => d.status === 'PRIMARY');
        for (const event of before.events ?? [])
            if (event.id)
                this.seenEvents.add(event.id);
        this.log.info(`Service ${inputs.service} in cluster ${inputs.cluster} (${deps.region}) runs ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'no task definition'}` +
            (previousPrimary ? ` (deployment ${previousPrimary.id}: ${describeDeployment(previousPrimary)})` : ''));
        if (previousPrimary?.rolloutState && previousPrimary.rolloutState !== 'COMPLETED') {
            this.log.warning(`The service's PRIMARY deployment ${previousPrimary.id} is ${previousPrimary.rolloutState}, not COMPLETED: a rollback by this step would return to ${previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'it'}, which may not be a good version.`);
        }
        // 2. What to deploy, validated before anything changes.
        let images = [];
        let deployArn;
        let unchanged = false;
        const source = inputs.taskDefinition;
        if (source.kind === 'arn') {
            const notFound = (detail) => new AwsCallError(`Input "task-definition-arn": ${(0,src/* quoteValue */.cl)(source.arn)} was not found in ECS in region ${deps.region} (ecs:DescribeTaskDefinition: ${detail}). Use the ARN or family:revision of a registered revision, e.g. the previous-task-definition-arn output of an earlier deploy, and check AWS_REGION.`, 'ClientException', 'DescribeTaskDefinition');
            const described = await this.call('DescribeTaskDefinition', async (o) => {
                try {
                    return await deps.ecs.send(new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o);
                }
                catch (error) {
                    // ECS answers an unknown family or revision with a ClientException: that is the input's fault.
                    if (errorCode(error) === 'ClientException')
                        throw notFound((0,src/* errorMessage */.gJ)(error));
                    throw error;
                }
            });
            const td = described.taskDefinition;
            if (!td?.taskDefinitionArn)
                throw notFound('no task definition in the answer');
            if (td.status === 'INACTIVE') {
                this.log.warning(`${(0,taskdef/* shortTaskDefinition */.P5)(td.taskDefinitionArn)} is deregistered (INACTIVE); ECS can still run it.`);
            }
            deployArn = td.taskDefinitionArn;
            images = (0,taskdef/* imagesOf */.IC)(td);
            unchanged = inputs.skipUnchanged && deployArn === previousArn;
        }
        else {
            images = (0,taskdef/* imagesOf */.IC)(source.rendered.request);
            if (inputs.skipUnchanged && previousArn) {
                const command = new dist_cjs.DescribeTaskDefinitionCommand({ taskDefinition: previousArn });
                // As AWS sent it: fields newer than our SDK count in the comparison, as they did when registering.
                const raw = (0,src/* keepRawResponse */.po)(command);
                const running = await this.call('DescribeTaskDefinition', (o) => deps.ecs.send(command, o));
                const runningDefinition = (0,src/* rawMember */.XQ)(raw, 'taskDefinition', running.taskDefinition);
                if (runningDefinition && (0,taskdef/* sameTaskDefinition */.JL)(source.rendered.request, runningDefinition)) {
                    unchanged = true;
                    deployArn = previousArn;
                }
            }
        }
        const countChange = inputs.desiredCount !== undefined && inputs.desiredCount !== before.desiredCount;
        if (unchanged && !countChange && !inputs.forceNewDeployment) {
            const message = `${(0,taskdef/* shortTaskDefinition */.P5)(previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
            this.log.info(message);
            return this.settled({
                ...base,
                taskDefinitionArn: previousArn,
                previousTaskDefinitionArn: previousArn,
                deploymentId: previousPrimary?.id,
                images,
            }, 'unchanged', message, describeDeployment(previousPrimary));
        }
        if (unchanged)
            this.log.info('The task definition is unchanged; updating the service for the desired count / forced deployment only.');
        // 3. Register (unless deploying an existing revision).
        if (!deployArn && source.kind === 'file') {
            if (source.rendered.dropped.length > 0) {
                this.log.info(`Dropped describe-only fields from ${source.path}: ${source.rendered.dropped.join(', ')}`);
            }
            const registered = await this.call('RegisterTaskDefinition', async (o) => {
                try {
                    const command = new dist_cjs.RegisterTaskDefinitionCommand(source.rendered.request);
                    // Every field of the file reaches ECS, also those newer than our SDK's model.
                    (0,src/* sendAsWritten */.Qm)(command, source.rendered.request);
                    return await deps.ecs.send(command, o);
                }
                catch (error) {
                    // ECS refuses an invalid task definition with a ClientException: point at the file, not at the API.
                    // (A missing iam:PassRole is an access error, explained as such by explainAwsError.)
                    const detail = (0,src/* sentence */.em)((0,src/* errorMessage */.gJ)(error));
                    if (errorCode(error) === 'ClientException' && !/not authorized to perform/i.test(detail)) {
                        throw new AwsCallError(`Input "task-definition": ECS refused to register ${(0,src/* quoteValue */.cl)(source.path)} (ecs:RegisterTaskDefinition, ClientException): ${detail} Fix the task definition file (or the ecs-render-taskdef inputs that wrote it). Nothing was changed.`, 'ClientException', 'RegisterTaskDefinition');
                    }
                    throw error;
                }
            });
            deployArn = registered.taskDefinition?.taskDefinitionArn;
            if (!deployArn)
                throw new Error('RegisterTaskDefinition answered without a taskDefinitionArn');
            this.log.info(`Registered ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} (${deployArn})`);
        }
        if (!deployArn)
            throw new Error('internal: no task definition to deploy');
        // 4. Update the service; our deployment is the PRIMARY in the answer.
        const updated = await this.call('UpdateService', (o) => deps.ecs.send(new dist_cjs.UpdateServiceCommand({
            cluster: inputs.cluster,
            service: inputs.service,
            taskDefinition: deployArn,
            ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
            forceNewDeployment: inputs.forceNewDeployment,
        }), o));
        const ours = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
        const known = {
            ...base,
            taskDefinitionArn: deployArn,
            previousTaskDefinitionArn: previousArn,
            deploymentId: ours?.id,
            images,
        };
        if (!ours?.id) {
            throw new Error(`UpdateService answered without a PRIMARY deployment for service ${inputs.service}`);
        }
        this.log.info(`Updated service ${inputs.service} to ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)}: deployment ${ours.id}` +
            (ours.id === previousPrimary?.id ? ' (the same deployment as before: nothing to roll out)' : ''));
        if (!inputs.wait) {
            const message = `Deployment ${ours.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} started; not waiting for it (wait: false).`;
            this.log.info(message);
            return this.settled(known, 'succeeded', message, describeDeployment(ours));
        }
        // 5. Follow our deployment.
        const currentServiceDeployment = updated.service?.currentServiceDeployment;
        const target = {
            id: ours.id,
            taskDefinitionArn: deployArn,
            label: 'ours',
            ...(ours.createdAt ? { createdAt: ours.createdAt } : {}),
            ...(currentServiceDeployment && currentServiceDeployment !== before.currentServiceDeployment
                ? { serviceDeploymentArn: currentServiceDeployment }
                : {}),
        };
        let outcome;
        try {
            this.log.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for deployment ${ours.id}, polling every ${(0,src/* formatDuration */.a3)(inputs.pollIntervalMs)}`);
            outcome = await this.follow(target, inputs.timeoutMs, updated.service);
        }
        catch (error) {
            return this.interrupted(error, known);
        }
        if (outcome.kind === 'completed') {
            const message = `Deployment ${ours.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} completed: ${countsOf(outcome.deployment)}.`;
            this.log.info(message);
            return this.settled(known, 'succeeded', message, describeDeployment(outcome.deployment));
        }
        // 6. It failed: say why, then leave the service on the last good version.
        const cause = this.describeOutcome(outcome, target);
        this.log.warning(cause);
        const timedOut = outcome.kind === 'timed-out';
        const finalState = describeDeployment(outcome.deployment);
        let stoppedTasks = [];
        let rollback;
        let note;
        try {
            stoppedTasks = await this.reportFailure(target);
            ({ note, report: rollback } = await this.rollBack(outcome, target, previousArn));
        }
        catch (error) {
            return this.interrupted(error, { ...known, stoppedTasks }, cause);
        }
        this.log.info(note);
        const status = rollback?.steady ? 'rolled-back' : timedOut ? 'timed-out' : 'failed';
        const message = `${cause} ${note}`;
        return this.settled({ ...known, stoppedTasks, ...(rollback ? { rollback } : {}) }, status, message, finalState);
    }
    /** A result the step reached by itself (not cancelled), timed from the step's start. */
    settled(known, status, message, finalState) {
        return {
            ...known,
            status,
            cancelled: false,
            message,
            durationMs: this.deps.clock.now() - this.started,
            finalState,
        };
    }
    /** Cancelled or an API error while waiting: report what is known, leave the rest to ECS. */
    interrupted(error, known, cause) {
        const ours = this.lastService?.deployments?.find((d) => d.id === this.current?.id);
        const which = this.current
            ? `deployment ${this.current.id} (${this.current.label}, ${(0,taskdef/* shortTaskDefinition */.P5)(this.current.taskDefinitionArn)}) is still in progress: ${describeDeployment(ours)}`
            : 'the deployment state is unknown';
        const finalState = describeDeployment(ours);
        const durationMs = this.deps.clock.now() - this.started;
        if (this.deps.signal?.aborted || isAbort(error)) {
            const message = `Cancelled while waiting: ${which}. ECS carries on with it; follow it in the console: ${known.consoleUrl}`;
            this.log.warning(message);
            return { ...known, status: undefined, cancelled: true, message, durationMs, finalState };
        }
        const detail = (0,src/* errorMessage */.gJ)(error);
        const message = `${cause ? `${cause} ` : ''}Stopped waiting because of an AWS API error: ${detail} When it stopped, ${which}.`;
        return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState, error: detail };
    }
    /**
     * Polls DescribeServices until the target deployment completes, fails, is replaced, or time runs out.
     * `known`: the service as an answer just received showed it (UpdateService's, or the last DescribeServices):
     * the first check reads it instead of calling DescribeServices again at once.
     */
    async follow(target, timeoutMs, known) {
        this.current = target;
        const { clock, sleep, signal } = this.deps;
        const deadline = clock.now() + timeoutMs;
        let transientErrors = 0;
        let failedPolls = 0;
        const result = await (0,src/* poll */.wt)({
            intervalMs: this.inputs.pollIntervalMs,
            timeoutMs,
            clock,
            sleep,
            ...(signal ? { signal } : {}),
            check: async (attempt) => {
                let service;
                try {
                    service = attempt === 1 && known ? known : await this.describeService();
                    transientErrors = 0;
                }
                catch (error) {
                    if (!isTransient(error))
                        throw error;
                    transientErrors++;
                    if (transientErrors > MAX_TRANSIENT_ERRORS) {
                        const detail = error instanceof AwsRetriesExhaustedError ? error.detail : (0,src/* errorMessage */.gJ)(error);
                        throw new AwsRetriesExhaustedError(`ecs:DescribeServices kept failing with ${errorCode(error)} (${detail}) ${transientErrors} polls in a row, after the SDK's own retries.`, errorCode(error), detail);
                    }
                    const backoff = Math.min(this.inputs.pollIntervalMs * 2 ** transientErrors, MAX_BACKOFF_MS, Math.max(0, deadline - clock.now()));
                    this.log.warning(`[${this.elapsed()}] ecs:DescribeServices failed with ${errorCode(error)} (transient, ${transientErrors}/${MAX_TRANSIENT_ERRORS}); trying again in ${(0,src/* formatDuration */.a3)(backoff)}`);
                    await sleep(backoff, signal);
                    return undefined;
                }
                this.lastService = service;
                this.printProgress(service, target);
                const outcome = this.evaluate(service, target);
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
        return { kind: 'timed-out', deployment: this.lastService?.deployments?.find((d) => d.id === target.id) };
    }
    evaluate(service, target) {
        const deployments = service.deployments ?? [];
        const ours = deployments.find((d) => d.id === target.id);
        const primary = deployments.find((d) => d.status === 'PRIMARY');
        const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
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
        // ECS's breaker marks ours FAILED as it starts the rollback; ours still IN_PROGRESS means someone else deployed.
        // The rollback may run our very task definition (force-new-deployment of an unchanged revision), so a FAILED
        // deployment of ours is enough; only when ours has left the list does a different task definition tell.
        const ecsRollback = Boolean(breaker?.enable &&
            breaker.rollback &&
            primary &&
            (ours?.rolloutState === 'FAILED' ||
                (ours === undefined && primary.taskDefinition !== target.taskDefinitionArn)));
        return {
            kind: 'replaced',
            ...(primary ? { by: primary } : {}),
            ecsRollback,
            ...(ours ? { deployment: ours } : {}),
        };
    }
    describeOutcome(outcome, target) {
        const what = `Deployment ${target.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(target.taskDefinitionArn)}`;
        switch (outcome.kind) {
            case 'failed':
                return `${what} failed: ${outcome.reason}.`;
            case 'timed-out':
                return `${what} did not complete within ${(0,src/* formatDuration */.a3)(this.inputs.timeoutMs)} (timeout): ${describeDeployment(outcome.deployment)}.`;
            case 'replaced': {
                const by = outcome.by
                    ? `deployment ${outcome.by.id} of ${(0,taskdef/* shortTaskDefinition */.P5)(outcome.by.taskDefinition ?? '?')}`
                    : 'another deployment';
                const reason = outcome.deployment?.rolloutStateReason ? ` (${outcome.deployment.rolloutStateReason})` : '';
                return outcome.ecsRollback
                    ? `${what} failed and ECS's deployment circuit breaker rolled it back${reason}: ${by} replaced it.`
                    : `${what} was replaced by ${by}, which this step did not start (another deployment of the service?).`;
            }
        }
    }
    /** Prints one line per deployment whose counts or state changed, and each new service event once. */
    printProgress(service, target) {
        const fresh = (service.events ?? [])
            .filter((event) => event.id && !this.seenEvents.has(event.id))
            .sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
        for (const event of fresh) {
            this.seenEvents.add(event.id ?? '');
            this.newEvents.push(event);
            this.log.info(`[${this.elapsed()}] event ${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
        }
        for (const d of service.deployments ?? []) {
            const role = d.id === target.id ? ` (${target.label})` : '';
            const line = `deployment ${d.id} ${d.status}${role} ${(0,taskdef/* shortTaskDefinition */.P5)(d.taskDefinition ?? '?')}: ${describeDeployment(d)}`;
            if (this.lastLines.get(d.id ?? '') === line)
                continue;
            this.lastLines.set(d.id ?? '', line);
            this.log.info(`[${this.elapsed()}] ${line}`);
        }
    }
    /** Prints the stopped tasks of our deployment, the service events and the service deployment detail. */
    async reportFailure(target) {
        const stopped = await this.stoppedTasks(target.id);
        this.log.startGroup(`Stopped tasks of deployment ${target.id} (${stopped.length})`);
        if (stopped.length === 0)
            this.log.info('No stopped tasks were found for this deployment.');
        for (const task of stopped)
            for (const line of formatStoppedTask(task))
                this.log.info(line);
        this.log.endGroup();
        this.log.startGroup(`Service events since the update (${this.newEvents.length})`);
        for (const event of this.newEvents)
            this.log.info(`${event.createdAt?.toISOString() ?? ''} ${event.message ?? ''}`);
        if (this.newEvents.length === 0)
            this.log.info('ECS reported no events.');
        this.log.endGroup();
        await this.serviceDeploymentDetail(target);
        return stopped;
    }
    async stoppedTasks(deploymentId) {
        const { cluster } = this.inputs;
        try {
            const listed = await this.call('ListTasks', (o) => this.deps.ecs.send(new dist_cjs.ListTasksCommand({ cluster, startedBy: deploymentId, desiredStatus: 'STOPPED', maxResults: 100 }), o));
            const arns = listed.taskArns ?? [];
            if (arns.length === 0)
                return [];
            const described = await this.call('DescribeTasks', (o) => this.deps.ecs.send(new dist_cjs.DescribeTasksCommand({ cluster, tasks: arns }), o));
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
            if (isAbort(error) || this.deps.signal?.aborted)
                throw error;
            this.log.warning(`Could not list the stopped tasks: ${(0,src/* errorMessage */.gJ)(error)}`);
            return [];
        }
    }
    /**
     * DescribeServiceDeployments of our service deployment, where the API answers: its ARN is the service's
     * currentServiceDeployment right after our update, else the one ListServiceDeployments shows created closest to
     * our deployment.
     */
    async serviceDeploymentDetail(target) {
        const { cluster, service } = this.inputs;
        const options = this.deps.signal ? { abortSignal: this.deps.signal } : {};
        try {
            let arn = target.serviceDeploymentArn;
            if (!arn) {
                const listed = await this.deps.ecs.send(new dist_cjs.ListServiceDeploymentsCommand({
                    cluster,
                    service,
                    createdAt: { after: new Date(this.started - 60_000) },
                }), options);
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
            const described = await this.deps.ecs.send(new dist_cjs.DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), options);
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
            this.log.info(parts.join('; '));
        }
        catch (error) {
            if (isAbort(error) || this.deps.signal?.aborted)
                throw error;
            if (isUnavailable(error) || isTransient(error)) {
                this.log.info(`(Service deployment detail is not available here: ${errorCode(error)})`);
                return;
            }
            this.log.info(`(Service deployment detail could not be read: ${(0,src/* errorMessage */.gJ)(error)})`);
        }
    }
    /** ECS rolled back: follow its rollback. Otherwise deploy the recorded previous task definition and wait for it. */
    async rollBack(outcome, target, previousArn) {
        if (outcome.kind === 'replaced') {
            if (!outcome.ecsRollback || !outcome.by?.id) {
                return { note: 'This step did not roll back: the service was changed by someone else.' };
            }
            const arn = outcome.by.taskDefinition ?? '?';
            const followed = await this.follow({ id: outcome.by.id, taskDefinitionArn: arn, label: 'ECS rollback' }, this.inputs.timeoutMs, this.lastService);
            const steady = followed.kind === 'completed';
            const detail = steady
                ? `ECS rolled back to ${arn} (deployment ${outcome.by.id}) and it is steady.`
                : `ECS rolled back to ${arn} (deployment ${outcome.by.id}), but that rollback did not reach steady state either: ${this.describeFollowed(followed)}.`;
            return {
                note: detail,
                report: { by: 'ecs', taskDefinitionArn: arn, deploymentId: outcome.by.id, steady, detail },
            };
        }
        if (!this.inputs.rollback)
            return { note: 'No rollback was done (rollback: false).' };
        if (!previousArn)
            return { note: 'No rollback: the service had no task definition before this step.' };
        if (previousArn === target.taskDefinitionArn) {
            return {
                note: `No rollback: the service already ran ${(0,taskdef/* shortTaskDefinition */.P5)(previousArn)} before this step, so there is nothing older to return to.`,
            };
        }
        this.log.info(`Rolling back service ${this.inputs.service} to ${previousArn}`);
        try {
            const updated = await this.call('UpdateService', (o) => this.deps.ecs.send(new dist_cjs.UpdateServiceCommand({
                cluster: this.inputs.cluster,
                service: this.inputs.service,
                taskDefinition: previousArn,
            }), o));
            const primary = updated.service?.deployments?.find((d) => d.status === 'PRIMARY');
            if (!primary?.id)
                throw new Error('UpdateService answered without a PRIMARY deployment');
            this.log.info(`Rollback deployment ${primary.id} started; waiting up to ${(0,src/* formatDuration */.a3)(this.inputs.timeoutMs)}`);
            const followed = await this.follow({ id: primary.id, taskDefinitionArn: previousArn, label: 'rollback' }, this.inputs.timeoutMs, updated.service);
            const steady = followed.kind === 'completed';
            const detail = steady
                ? `Rolled back to ${previousArn} (deployment ${primary.id}) and it is steady.`
                : `The rollback to ${previousArn} (deployment ${primary.id}) also failed: ${this.describeFollowed(followed)}.`;
            return {
                note: detail,
                report: { by: 'action', taskDefinitionArn: previousArn, deploymentId: primary.id, steady, detail },
            };
        }
        catch (error) {
            if (isAbort(error) || this.deps.signal?.aborted)
                throw error;
            const detail = `The rollback to ${previousArn} also failed: ${(0,src/* errorMessage */.gJ)(error)}`;
            return { note: detail, report: { by: 'action', taskDefinitionArn: previousArn, steady: false, detail } };
        }
    }
    describeFollowed(outcome) {
        switch (outcome.kind) {
            case 'completed':
                return describeDeployment(outcome.deployment);
            case 'failed':
                return outcome.reason;
            case 'timed-out':
                return `not steady within ${(0,src/* formatDuration */.a3)(this.inputs.timeoutMs)} (${describeDeployment(outcome.deployment)})`;
            case 'replaced':
                return `replaced by deployment ${outcome.by?.id ?? '?'}`;
        }
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
/** Deploys and waits. API errors before the update throw; after it, every outcome is a result. */
function deploy(inputs, deps) {
    return new Deployer(inputs, deps).run();
}


/***/ })

};
