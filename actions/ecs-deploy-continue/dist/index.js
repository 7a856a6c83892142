import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7935:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(785);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9403);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5286);



// The AWS SDK and the logic (shared with ecs-deploy-wait) load only after every input has been read.
await (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)({
    async main() {
        const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readContinueInputs */ .n)();
        const region = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsRegion */ .Ue)();
        const [{ ECSClient }, { continueDeployment, summaryMarkdown, pauseOutputs }] = await Promise.all([
            Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(234)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1234, 19)),
            Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(234), __nccwpck_require__.e(477)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8477)),
        ]);
        const ecs = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECSClient, { region });
        const ecsSingleAttempt = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECSClient, { region, maxAttempts: 1 });
        // CloudWatch Logs (a failure report's app log lines): its SDK is loaded only when a failure asks for it.
        const logs = (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .logsClients */ .qr)();
        const cancelled = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .jobCancelSignal */ .iF)((signal) => _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.info */ .Rm.info(`Received ${signal}: stopping.`));
        try {
            const result = await continueDeployment(inputs, {
                ecs,
                ecsSingleAttempt,
                region,
                clock: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml,
                sleep: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .bZ,
                signal: cancelled,
                logs: logs.clientFor,
                log: { info: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.info */ .Rm.info, warning: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.warning */ .Rm.warning, startGroup: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.startGroup */ .Rm.startGroup, endGroup: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.endGroup */ .Rm.endGroup },
            });
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutputs */ .n0)({
                status: result.status,
                'task-definition-arn': result.taskDefinitionArn,
                'previous-task-definition-arn': result.previousTaskDefinitionArn,
                'deployment-id': result.deploymentId,
                'duration-seconds': Math.round(result.durationMs / 1000),
                ...pauseOutputs(result),
                'rollback-method': result.rollback?.method,
            });
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy)(summaryMarkdown(result));
            const asked = inputs.action === 'rollback' && result.status === 'rolled-back';
            if (result.status === 'succeeded' || result.status === 'paused' || asked) {
                _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(result.message, { title: `ECS deployment ${result.status}` });
                return;
            }
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(result.message);
        }
        finally {
            ecs.destroy();
            ecsSingleAttempt.destroy();
            await logs.destroy();
        }
    },
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ readContinueInputs)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(785);

/** ON_PAUSE_MODES of ecs-deploy-wait (kept here so a bad input fails before the logic's chunk loads). */
const ON_PAUSE = ['return', 'wait', 'continue'];
const ACTIONS = ['continue', 'rollback'];
// arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/NCWGC2ZR-taawPAYrIaU5
const SERVICE_DEPLOYMENT_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;
/** Reads and validates every input before any AWS call. */
function readContinueInputs(input = new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputReader */ .i_()) {
    const serviceDeploymentArn = input.optionalString('service-deployment-arn');
    const service = input.optionalString('service');
    if (serviceDeploymentArn && !SERVICE_DEPLOYMENT_ARN.test(serviceDeploymentArn)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('service-deployment-arn', serviceDeploymentArn, 'must be a service deployment ARN', "Use ecs-deploy-wait's service-deployment-arn output, e.g. arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/NCWGC2ZR-taawPAYrIaU5.");
    }
    if (!serviceDeploymentArn && !service) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('Neither "service-deployment-arn" nor "service" is set. Set service-deployment-arn (ecs-deploy-wait\'s output of that name), or cluster and service to act on the service\'s paused deployment.');
    }
    const hookId = input.optionalString('hook-id');
    const { timeoutMs, pollIntervalMs } = input.waitTimes();
    return {
        cluster: input.string('cluster', 'default'),
        service: service ?? '',
        ...(serviceDeploymentArn ? { serviceDeploymentArn } : {}),
        ...(hookId ? { hookId } : {}),
        action: input.oneOf('action', ACTIONS, 'continue'),
        onPause: input.oneOf('on-pause', ON_PAUSE, 'return'),
        wait: input.boolean('wait', true),
        timeoutMs,
        pollIntervalMs,
        rollback: input.boolean('rollback', true),
    };
}


/***/ }),

/***/ 6743:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J6: () => (/* binding */ awsErrorCode),
/* harmony export */   Jr: () => (/* binding */ THROTTLING_CODES),
/* harmony export */   Pq: () => (/* binding */ isAccessError),
/* harmony export */   Qz: () => (/* binding */ explainAccessError),
/* harmony export */   em: () => (/* binding */ sentence),
/* harmony export */   w7: () => (/* binding */ isAccessDenied)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9179);
/**
 * AWS errors the user has to fix in the job's AWS setup (credentials missing, expired or rejected; an IAM action
 * denied), in one wording for every action: which call, which code, and what to change.
 */

/** The SDK's error name (`AccessDeniedException`), or a Node error code, or `Error`. */
function awsErrorCode(error) {
    const e = typeof error === 'object' && error !== null ? error : {};
    return e.name ?? e.code ?? 'Error';
}
const THROTTLING_CODES = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'ProvisionedThroughputExceededException',
    'RequestThrottled',
    'RequestThrottledException',
    'SlowDown',
]);
const EXPIRED_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);
const REJECTED_CODES = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'IncompleteSignatureException',
    'MissingAuthenticationTokenException',
]);
const DENIED_CODES = new Set([
    'AccessDeniedException',
    'AccessDenied',
    'UnauthorizedOperation',
    'UnauthorizedException',
    'NotAuthorized',
]);
function isMissingCredentials(error) {
    return awsErrorCode(error) === 'CredentialsProviderError' || /Could not load credentials/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error));
}
function isPassRoleDenied(code, detail) {
    // ECS has answered a missing iam:PassRole with a ClientException as well as with AccessDeniedException.
    return code === 'ClientException' && /not authorized to perform: iam:PassRole/i.test(detail);
}
/** An IAM action denied (the call's own action, not the credentials). */
function isAccessDenied(error) {
    return DENIED_CODES.has(awsErrorCode(error));
}
/** Credentials missing, expired or rejected, or an action denied: retrying does not help, the setup must change. */
function isAccessError(error) {
    const code = awsErrorCode(error);
    return (isMissingCredentials(error) ||
        EXPIRED_CODES.has(code) ||
        REJECTED_CODES.has(code) ||
        DENIED_CODES.has(code) ||
        isPassRoleDenied(code, (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)));
}
/** The service's message as a sentence, so that the advice after it reads as the next one. */
function sentence(text) {
    const trimmed = text.trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
/** A ConfigurationError that says what to fix for an access error (see isAccessError), else undefined. */
function explainAccessError(error, context) {
    const { action } = context;
    const code = awsErrorCode(error);
    const detail = sentence((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error));
    const on = context.resource ? ` on ${context.resource}` : '';
    const where = context.region ? ` in region ${context.region}` : '';
    if (isMissingCredentials(error)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`No AWS credentials were found for ${action}${on}. Run aws-actions/configure-aws-credentials (an OIDC role) before this step.`);
    }
    if (EXPIRED_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS rejected the credentials on ${action}${on} (${code}): ${detail} The AWS credentials have expired: configure them closer to this step, or raise role-duration-seconds so that the session outlasts the step.`);
    }
    if (REJECTED_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS rejected the credentials on ${action}${on} (${code}): ${detail} Check the aws-actions/configure-aws-credentials step (role, region) or the access key this job uses.`);
    }
    if (DENIED_CODES.has(code) || isPassRoleDenied(code, detail)) {
        const named = /iam:PassRole/i.test(detail)
            ? 'iam:PassRole (needed to register a task definition with a task or execution role)'
            : action;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${action}${on} was denied (${code}): ${detail} Allow ${named} for the role this job uses${where}.${context.deniedHint ? ` ${context.deniedHint}` : ''}`);
    }
    return undefined;
}


/***/ }),

/***/ 1099:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ue: () => (/* binding */ awsRegion),
  nV: () => (/* binding */ createAwsClient)
});

// UNUSED EXPORTS: AWS_CONNECTION_TIMEOUT_MS, AWS_MIN_REQUEST_TIMEOUT_MS, AWS_REQUEST_TIMEOUT_MS, awsClientConfig, requestTimeoutWithin

// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(9179);
;// CONCATENATED MODULE: ../../packages/core/src/version.ts
/** The toolkit's own version, sent in the AWS user agent. A test keeps it equal to the root package.json. */
const ECS_ACTIONS_VERSION = '1.0.0';

;// CONCATENATED MODULE: ../../packages/core/src/aws.ts


/** How long to wait for a TCP connection, and for the answer to one attempt: AWS API calls take well under a second. */
const AWS_CONNECTION_TIMEOUT_MS = 5_000;
const AWS_REQUEST_TIMEOUT_MS = 30_000;
/** The least time an attempt gets: a slow but live answer (seconds, under load) must not be cut off and sent again. */
const AWS_MIN_REQUEST_TIMEOUT_MS = 8_000;
/**
 * How long one attempt may wait within a step that has `stepTimeoutMs` in all: a quarter of it, between 8 s and
 * 30 s, so that an attempt that never answers leaves the step time to try again rather than using all of it.
 */
function requestTimeoutWithin(stepTimeoutMs) {
    return Math.min(AWS_REQUEST_TIMEOUT_MS, Math.max(AWS_MIN_REQUEST_TIMEOUT_MS, Math.round(stepTimeoutMs / 4)));
}
/** Region from the input or the standard variables that aws-actions/configure-aws-credentials sets. */
function awsRegion(explicit, env = process.env) {
    const region = explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new errors/* ConfigurationError */.j1('No AWS region is set: AWS_REGION and AWS_DEFAULT_REGION are empty. Run aws-actions/configure-aws-credentials with aws-region first, or set AWS_REGION in env.');
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
        throw new errors/* ConfigurationError */.j1(`The AWS region "${region}" is not a region name such as us-east-1 or ap-northeast-2.`);
    }
    return region;
}
function awsClientConfig(options = {}) {
    return {
        region: awsRegion(options.region),
        // Adaptive mode adds client-side rate limiting on top of backoff, which is what a poll loop under throttling needs.
        maxAttempts: options.maxAttempts ?? 6,
        retryMode: 'adaptive',
        customUserAgent: [['ecs-actions', ECS_ACTIONS_VERSION]],
        // Without these an answer that never comes holds the step forever: the SDK sets no timeout of its own, and this
        // handler version only warns on requestTimeout unless told to throw (a TimeoutError, which the SDK retries).
        requestHandler: {
            connectionTimeout: AWS_CONNECTION_TIMEOUT_MS,
            requestTimeout: options.requestTimeoutMs ?? AWS_REQUEST_TIMEOUT_MS,
            throwOnRequestTimeout: true,
        },
    };
}
/**
 * Builds an SDK v3 client. Endpoints come from the SDK's own support for `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` (e.g. `AWS_ENDPOINT_URL_ECS`), so the simulator needs no code path of ours.
 */
function createAwsClient(Client, options) {
    return new Client(awsClientConfig(options));
}


/***/ }),

/***/ 9403:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iQ: () => (/* reexport */ AwsCallError),
  B1: () => (/* reexport */ AwsRetriesExhaustedError),
  mw: () => (/* reexport */ CHECK_TIMEOUT_MS),
  Ts: () => (/* reexport */ CancelledWriteError),
  IW: () => (/* reexport */ EcsCallSession),
  Vp: () => (/* reexport */ LOG_LINES_SHOWN),
  i5: () => (/* reexport */ NoAnswerError),
  AB: () => (/* reexport */ awslogsConfigs),
  WJ: () => (/* reexport */ containerLogsMarkdown),
  CA: () => (/* reexport */ errorCode),
  ml: () => (/* reexport */ formatContainerLogs),
  K9: () => (/* reexport */ imageVersion),
  rV: () => (/* reexport */ isAbort),
  dg: () => (/* reexport */ isTransient),
  Pd: () => (/* reexport */ isUnavailable),
  EP: () => (/* reexport */ lastLogLines),
  aM: () => (/* reexport */ logStreamOf),
  qr: () => (/* reexport */ logsClients),
  FO: () => (/* reexport */ logsReadProblem),
  oO: () => (/* reexport */ noPrefixNote),
  P5: () => (/* reexport */ shortTaskDefinition),
  Fq: () => (/* reexport */ writeOnce)
});

// UNUSED EXPORTS: UnknownOutcomeError, WRITE_ATTEMPTS, certainlyNotApplied, diffTable, diffTaskDefinitions, explainAwsError, formatDiff, getLogEvents, imagesOf, linesOf, normalizeTaskDefinition, readTaskDefinitionFile, sameTaskDefinition, toRegisterRequest

// EXTERNAL MODULE: ../../packages/core/src/aws-errors.ts
var aws_errors = __nccwpck_require__(6743);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(9179);
// EXTERNAL MODULE: ../../packages/core/src/inputs.ts
var inputs = __nccwpck_require__(637);
;// CONCATENATED MODULE: ../../packages/core/src/ecs/aws-errors.ts
/**
 * AWS errors sorted into what to do about them. Throttling and 5xx are transient (retried); denied access,
 * bad credentials and missing resources fail at once, naming the IAM action or the resource.
 */



const shape = (error) => (typeof error === 'object' && error !== null ? error : {});
function errorCode(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return error.code;
    return (0,aws_errors/* awsErrorCode */.J6)(error);
}
const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNRESET', 'ECONNREFUSED']);
/** Throttling, 5xx and dropped connections: worth trying again. */
function isTransient(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return true;
    const e = shape(error);
    const code = errorCode(error);
    if (aws_errors/* THROTTLING_CODES */.Jr.has(code) || NETWORK.has(code) || e.code === 'ECONNRESET')
        return true;
    if ((0,aws_errors/* isAccessError */.Pq)(error))
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
        (0,aws_errors/* isAccessDenied */.w7)(error) ||
        shape(error).$metadata?.httpStatusCode === 404);
}
function isAbort(error) {
    const code = errorCode(error);
    return code === 'AbortError' || shape(error).code === 'ABORT_ERR';
}
/** An AWS call that failed for a reason the user has to fix: no stack trace, the action or resource named. */
class AwsCallError extends errors/* ConfigurationError */.j1 {
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
 * An AWS call that got no answer within the time this step gave it (the request may or may not have been
 * applied): not a cancel, and not retried here.
 */
class NoAnswerError extends Error {
    operation;
    waitedMs;
    constructor(operation, waitedMs) {
        // An operation of another service names it (codedeploy:GetDeployment); ECS's are bare (DescribeServices).
        super(`${operation.includes(':') ? operation : `ecs:${operation}`} did not answer within ${(0,inputs/* formatDuration */.a3)(waitedMs)}`);
        this.operation = operation;
        this.waitedMs = waitedMs;
    }
}
/** The job was cancelled while a write was in flight; `landed` says what a short check found afterwards. */
class CancelledWriteError extends Error {
    doing;
    landed;
    constructor(doing, landed) {
        super(`Cancelled while ${doing}: ${landed}.`);
        this.doing = doing;
        this.landed = landed;
    }
}
/**
 * Rewrites an SDK error as an error that says what failed and how to fix it. A transient error becomes an
 * AwsRetriesExhaustedError (still transient: the wait may try again), a cancellation stays as it is.
 */
function explainAwsError(error, context) {
    if (isAbort(error) ||
        error instanceof AwsCallError ||
        error instanceof AwsRetriesExhaustedError ||
        error instanceof NoAnswerError)
        return error;
    const code = errorCode(error);
    const detail = (0,aws_errors/* sentence */.em)((0,errors/* errorMessage */.gJ)(error));
    const action = `ecs:${context.operation}`;
    if (isTransient(error)) {
        return new AwsRetriesExhaustedError(`${action} failed with ${code} (${(0,errors/* errorMessage */.gJ)(error)}) after the AWS SDK's retries; AWS is throttling or failing in ${context.region}, try again later.`, code, (0,errors/* errorMessage */.gJ)(error));
    }
    const where = `in region ${context.region}`;
    const access = (0,aws_errors/* explainAccessError */.Qz)(error, { action, region: context.region });
    if (access)
        return new AwsCallError(access.message, code, context.operation);
    if (code === 'ClusterNotFoundException') {
        return new AwsCallError(`Cluster "${context.cluster}" was not found ${where} (${action}: ${(0,errors/* errorMessage */.gJ)(error)}). Check the cluster input and AWS_REGION.`, code, context.operation);
    }
    if (code === 'ServiceNotFoundException' || code === 'ServiceNotActiveException') {
        return new AwsCallError(`Service "${context.service}" was not found or is not active in cluster "${context.cluster}" ${where} (${action}: ${(0,errors/* errorMessage */.gJ)(error)}). Check the service and cluster inputs and AWS_REGION.`, code, context.operation);
    }
    if (code === 'ClientException' || code === 'InvalidParameterException') {
        return new AwsCallError(`${action} refused the request (${code}): ${detail}`, code, context.operation);
    }
    const wrapped = new Error(`${action} failed (${code}): ${detail}`);
    if (error instanceof Error && error.stack)
        wrapped.stack = `${wrapped.message}\n${error.stack}`;
    return wrapped;
}

;// CONCATENATED MODULE: ../../packages/core/src/ecs/call-session.ts

/** How long a check of what landed after a cancel or a lost answer may take: one short describe. */
const CHECK_TIMEOUT_MS = 5_000;
class EcsCallSession {
    deps;
    target;
    constructor(deps, target) {
        this.deps = deps;
        this.target = target;
    }
    get log() {
        return this.deps.log;
    }
    get cancelled() {
        return this.deps.signal?.aborted === true;
    }
    /** One ECS call, its error explained (what failed and how to fix it). */
    async call(operation, send, limits = {}) {
        try {
            return await this.bounded(operation, send, limits);
        }
        catch (error) {
            throw explainAwsError(error, { operation, ...this.target(), region: this.deps.region });
        }
    }
    /** One ECS call with the SDK's error as it is, except that running out of `limits.withinMs` is a NoAnswerError. */
    async bounded(operation, send, limits = {}) {
        const cancel = limits.cancellable === false ? undefined : this.deps.signal;
        const withinMs = limits.withinMs ?? (limits.deadline !== undefined ? limits.deadline - Date.now() : undefined);
        const timer = withinMs !== undefined ? AbortSignal.timeout(Math.max(0, withinMs)) : undefined;
        const signals = [cancel, timer].filter((signal) => signal !== undefined);
        const abortSignal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
        try {
            return await send(abortSignal ? { abortSignal } : {});
        }
        catch (error) {
            if (timer?.aborted && !cancel?.aborted)
                throw new NoAnswerError(operation, Math.max(0, withinMs ?? 0));
            throw error;
        }
    }
}

// EXTERNAL MODULE: ../../packages/core/src/aws.ts + 1 modules
var aws = __nccwpck_require__(1099);
// EXTERNAL MODULE: ../../packages/core/src/outputs.ts
var outputs = __nccwpck_require__(5464);
;// CONCATENATED MODULE: ../../packages/core/src/ecs/container-logs.ts





/** How many of a container's last lines are shown. */
const LOG_LINES_SHOWN = 20;
/** The containers that log with awslogs, with their group, region (default: the step's) and stream prefix. */
function awslogsConfigs(containers, defaultRegion) {
    return containers.flatMap((container) => {
        const config = container.logConfiguration;
        const group = config?.options?.['awslogs-group'];
        if (config?.logDriver !== 'awslogs' || !group || !container.name)
            return [];
        const prefix = config.options?.['awslogs-stream-prefix'];
        return [
            {
                container: container.name,
                group,
                region: config.options?.['awslogs-region'] || defaultRegion,
                ...(prefix ? { streamPrefix: prefix } : {}),
            },
        ];
    });
}
/** The stream of a task's container, or undefined without a stream prefix (then it is named after the Docker id). */
function logStreamOf(config, taskId) {
    return config.streamPrefix ? `${config.streamPrefix}/${config.container}/${taskId}` : undefined;
}
/** The note for a container whose stream cannot be known. */
function noPrefixNote(config) {
    return `container ${config.container} logs to log group ${config.group} without an awslogs-stream-prefix, so its stream is named after the Docker container id: the task's log lines are not shown`;
}
/** The lines of some log events: a multi-line event (a stack trace sent as one event) counts as its lines. */
function linesOf(events) {
    return events.flatMap((event) => (event.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/));
}
/**
 * Why reading a container's lines failed, as one line naming it; `wholeGroup` when asking again for another
 * task of the same group is pointless (denied, no such group, no answer, another error).
 */
function logsReadProblem(error, config, stream) {
    const where = `log group ${config.group}`;
    const notShown = "the task's log lines are not shown";
    if ((0,aws_errors/* isAccessDenied */.w7)(error)) {
        return { note: `logs:GetLogEvents was denied on ${where} (${config.region}): ${notShown}`, wholeGroup: true };
    }
    if (errorCode(error) === 'ResourceNotFoundException' && /log group/i.test((0,errors/* errorMessage */.gJ)(error))) {
        return { note: `${where} was not found (${config.region}): ${notShown}`, wholeGroup: true };
    }
    if (errorCode(error) === 'ResourceNotFoundException') {
        return {
            note: `log stream ${stream} was not found in ${where} (${config.region}): ${notShown}`,
            wholeGroup: false,
        };
    }
    if (error instanceof NoAnswerError) {
        return {
            note: `logs:GetLogEvents on ${where} (${config.region}) did not answer in time: ${notShown}`,
            wholeGroup: true,
        };
    }
    return {
        note: `logs:GetLogEvents on ${where} (${config.region}) failed: ${(0,errors/* errorMessage */.gJ)(error)}: ${notShown}`,
        wholeGroup: true,
    };
}
/**
 * One GetLogEvents call. `forward`: the events from the stream's start, or after `forward.nextToken` (following a
 * stream; the API then wants startFromHead true); without it the stream's last `limit` events, or with
 * `backward.nextToken` the `limit` events before those. A call that outlasts `withinMs` ends with a NoAnswerError;
 * `signal` (the job's cancel) aborts it.
 */
async function getLogEvents(client, request, options) {
    const { GetLogEventsCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(422)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7422, 19));
    const timer = AbortSignal.timeout(Math.max(0, options.withinMs));
    const abortSignal = options.signal ? AbortSignal.any([options.signal, timer]) : timer;
    try {
        const output = await client.send(new GetLogEventsCommand({
            logGroupName: request.group,
            logStreamName: request.stream,
            ...(request.limit !== undefined ? { limit: request.limit } : {}),
            startFromHead: request.forward !== undefined,
            ...(request.forward?.nextToken !== undefined ? { nextToken: request.forward.nextToken } : {}),
            ...(request.backward ? { nextToken: request.backward.nextToken } : {}),
        }), { abortSignal });
        return {
            lines: linesOf(output.events ?? []),
            nextForwardToken: output.nextForwardToken,
            nextBackwardToken: output.nextBackwardToken,
        };
    }
    catch (error) {
        if (timer.aborted && !options.signal?.aborted)
            throw new NoAnswerError('logs:GetLogEvents', options.withinMs);
        throw error;
    }
}
/** Backward pages read for a stream's last lines (partly full and empty ones count too). */
const LAST_LINES_PAGES = 10;
/**
 * A stream's last `count` lines, oldest first: the newest page, then pages back (nextBackwardToken) while fewer
 * lines came. GetLogEvents may answer a partly full or empty page before the stream's start ("don't necessarily mean
 * that pagination is finished"): the start is the backward token coming back unchanged. Each call gets what is left
 * of `withinMs`.
 */
async function lastLogLines(client, request, options) {
    const deadline = Date.now() + options.withinMs;
    let lines = [];
    let token;
    for (let page = 0; page < LAST_LINES_PAGES && lines.length < request.count; page++) {
        const answer = await getLogEvents(client, {
            group: request.group,
            stream: request.stream,
            limit: request.count,
            ...(token !== undefined ? { backward: { nextToken: token } } : {}),
        }, { ...options, withinMs: deadline - Date.now() });
        lines = [...answer.lines, ...lines];
        if (answer.nextBackwardToken === undefined || answer.nextBackwardToken === token)
            break;
        token = answer.nextBackwardToken;
    }
    return lines.slice(-request.count);
}
/** CloudWatch Logs clients by region, each created (and its SDK loaded) on first use; `destroy` ends them all. */
function logsClients() {
    const clients = new Map();
    return {
        clientFor(region) {
            let client = clients.get(region);
            if (!client) {
                client = Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(422)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7422, 19)).then(({ CloudWatchLogsClient }) => (0,aws/* createAwsClient */.nV)(CloudWatchLogsClient, { region, maxAttempts: 2 }));
                clients.set(region, client);
            }
            return client;
        },
        async destroy() {
            for (const client of clients.values())
                (await client.catch(() => undefined))?.destroy();
        },
    };
}
/** The log's lines for one task's containers. */
function formatContainerLogs(logs) {
    return logs.flatMap((entry) => {
        if (entry.note !== undefined)
            return [`  ${entry.note}`];
        const lines = entry.lines ?? [];
        if (lines.length === 0)
            return [`  container ${entry.container}: no log lines in ${entry.group} ${entry.stream ?? ''}`];
        if (entry.sameAs !== undefined) {
            return [`  container ${entry.container} logged the same last ${lines.length} lines as in task ${entry.sameAs}`];
        }
        return [
            `  last ${lines.length} log lines of container ${entry.container} (${entry.group} ${entry.stream ?? ''}):`,
            // The `|` keeps an app's line from starting with `::`, which the runner would take for a workflow command.
            ...lines.map((line) => `    | ${line}`),
        ];
    });
}
/** Each task's containers' last lines as fenced blocks (a fence longer than any backtick run in them), or notes. */
function containerLogsMarkdown(tasks) {
    const out = [];
    for (const task of tasks) {
        for (const logs of task.logs ?? []) {
            if (logs.note !== undefined) {
                out.push(`- task ${(0,outputs/* markdownCode */.D9)(task.taskId)}: ${(0,outputs/* markdownCell */.UZ)(logs.note)}`, '');
                continue;
            }
            const lines = logs.lines ?? [];
            if (logs.sameAs !== undefined) {
                out.push(`- task ${(0,outputs/* markdownCode */.D9)(task.taskId)}, container ${(0,outputs/* markdownCode */.D9)(logs.container)}: the same last ${lines.length} lines as task ${(0,outputs/* markdownCode */.D9)(logs.sameAs)}`, '');
                continue;
            }
            out.push(`Task ${(0,outputs/* markdownCode */.D9)(task.taskId)}, container ${(0,outputs/* markdownCode */.D9)(logs.container)} (${(0,outputs/* markdownCode */.D9)(`${logs.group} ${logs.stream ?? ''}`)}): ${lines.length === 0 ? 'no log lines' : `last ${lines.length} lines`}`, '');
            if (lines.length === 0)
                continue;
            const longest = Math.max(0, ...lines.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
            const fence = '`'.repeat(Math.max(3, longest + 1));
            out.push(`${fence}text`, ...lines.map((line) => line.replace(/\r/g, '')), fence, '');
        }
    }
    while (out.at(-1) === '')
        out.pop();
    return out;
}

// EXTERNAL MODULE: ../../packages/core/src/json-text.ts
var json_text = __nccwpck_require__(6780);
// EXTERNAL MODULE: ../../packages/core/src/workspace-path.ts
var workspace_path = __nccwpck_require__(9239);
;// CONCATENATED MODULE: ../../packages/core/src/ecs/task-definition-file.ts
/**
 * The input "task-definition": a rendered task definition file (ecs-render-taskdef's output, or one kept in git),
 * read and validated before any AWS call. ecs-deploy-wait and ecs-run-task read it the same way.
 */





/** A task definition file larger than this cannot be one ECS accepts, however it is indented. */
const MAX_FILE_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/**
 * Reads the task definition file: inside the workspace or RUNNER_TEMP (where ecs-render-taskdef writes), strict
 * JSON (no key twice), no larger than ECS accepts. Errors never show the file's content.
 */
function readTaskDefinitionFile(file, workspace, runnerTemp) {
    const resolved = resolveInputPath({
        input: 'task-definition',
        value: file,
        roots: [
            { name: 'GITHUB_WORKSPACE', dir: workspace },
            ...(runnerTemp ? [{ name: 'RUNNER_TEMP', dir: runnerTemp }] : []),
        ],
    });
    const text = readInputFile('task-definition', resolved, {
        maxBytes: MAX_FILE_BYTES,
        missingHint: `Set it to the path of the rendered task definition JSON, relative to the workspace (${workspace}), e.g. the task-definition output of ecs-render-taskdef.`,
    });
    const parsed = parseJsonText(text);
    if (!parsed.ok)
        throw new ConfigurationError(jsonProblemMessage('task-definition', resolved.shown, parsed.problem));
    const result = toRegisterRequest(parsed.value);
    if ('problem' in result) {
        throw new ConfigurationError(`Input "task-definition": ${quoteValue(file)} ${result.problem}, so it is not a task definition. Use a RegisterTaskDefinition input or DescribeTaskDefinition output (also {"taskDefinition": …}).`);
    }
    const tooLarge = taskDefinitionSizeProblem(result.request, `Input "task-definition": the task definition in ${quoteValue(resolved.shown)}`);
    if (tooLarge)
        throw new ConfigurationError(tooLarge);
    return { path: file, rendered: result };
}

;// CONCATENATED MODULE: ../../packages/core/src/ecs/taskdef.ts

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * Turns parsed JSON into a RegisterTaskDefinition input. Returns a problem description (for the error
 * message) when the JSON is not a task definition.
 */
function taskdef_toRegisterRequest(json) {
    if (!isObject(json))
        return { problem: 'is not a JSON object' };
    let body = json;
    let tags;
    if (isObject(json.taskDefinition)) {
        body = json.taskDefinition;
        tags = json.tags;
    }
    const dropped = [];
    const request = {};
    for (const [key, value] of Object.entries(body)) {
        if (DESCRIBE_ONLY_FIELDS.includes(key))
            dropped.push(key);
        else if (value !== null)
            request[key] = value;
    }
    if (typeof request.family !== 'string' || request.family === '')
        return { problem: 'has no "family"' };
    if (!Array.isArray(request.containerDefinitions) || request.containerDefinitions.length === 0) {
        return { problem: 'has no "containerDefinitions"' };
    }
    if (Array.isArray(tags) && tags.length > 0 && request.tags === undefined)
        request.tags = tags;
    return { request: request, dropped };
}
/** Container images of a task definition, in container order. */
function imagesOf(definition) {
    return (definition.containerDefinitions ?? []).map((c) => c.image ?? '').filter((image) => image !== '');
}
/** The tag (or digest) of an image reference: `repo:1.2.3` → `1.2.3`. */
function imageVersion(image) {
    const at = image.indexOf('@');
    if (at >= 0)
        return image.slice(at + 1);
    const lastSlash = image.lastIndexOf('/');
    const colon = image.indexOf(':', lastSlash + 1);
    return colon >= 0 ? image.slice(colon + 1) : undefined;
}
/** `family:revision` from a task definition ARN (or the text itself when it is not an ARN). */
function shortTaskDefinition(arn) {
    const slash = arn.indexOf('task-definition/');
    return slash >= 0 ? arn.slice(slash + 'task-definition/'.length) : arn;
}
const CPU_UNITS_PER_VCPU = 1024;
/** "1 vCPU" → "1024", "0.5 vcpu" → "512"; "3 GB" → "3072"; other text unchanged. */
function normalizeTaskSize(value, unit) {
    if (typeof value === 'number')
        return String(value);
    if (typeof value !== 'string')
        return value;
    const text = value.trim();
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text);
    if (!match)
        return text;
    const amount = Number(match[1]);
    const suffix = (match[2] ?? '').toLowerCase();
    if (unit === 'cpu' && suffix === 'vcpu')
        return String(Math.round(amount * CPU_UNITS_PER_VCPU));
    if (unit === 'memory' && suffix === 'gb')
        return String(Math.round(amount * 1024));
    if (unit === 'memory' && suffix === 'mb')
        return String(Math.round(amount));
    return text;
}
/** Drops null/undefined, empty arrays and empty objects, recursively. */
function prune(value) {
    if (Array.isArray(value)) {
        const items = value.map(prune).filter((item) => item !== undefined);
        return items.length === 0 ? undefined : items;
    }
    if (isObject(value)) {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            const pruned = prune(value[key]);
            if (pruned !== undefined)
                out[key] = pruned;
        }
        return Object.keys(out).length === 0 ? undefined : out;
    }
    return value ?? undefined;
}
const byName = (a, b) => {
    const name = (x) => (isObject(x) ? String(x.name ?? '') : '');
    return name(a).localeCompare(name(b));
};
/**
 * A canonical form for "is this the same task definition": describe-only fields stripped, values that ECS fills
 * in with their defaults removed (essential true, protocol tcp, container cpu 0, hostPort equal to containerPort in
 * awsvpc/host mode, networkMode bridge, enableFaultInjection false, versionConsistency enabled), task cpu/memory in
 * units, environment/secrets order ignored, empty values dropped. Tags are not part of a revision and are ignored.
 */
function normalizeTaskDefinition(definition) {
    if (!isObject(definition))
        return definition;
    const source = isObject(definition.taskDefinition) ? definition.taskDefinition : definition;
    const td = {};
    for (const [key, value] of Object.entries(source)) {
        if (DESCRIBE_ONLY_FIELDS.includes(key) || key === 'tags')
            continue;
        td[key] = value;
    }
    const networkMode = typeof td.networkMode === 'string' ? td.networkMode : 'bridge';
    if (td.networkMode === 'bridge')
        delete td.networkMode;
    // Newer ECS answers show this default (false) also on revisions that never set it.
    if (td.enableFaultInjection === false)
        delete td.enableFaultInjection;
    if (td.cpu !== undefined)
        td.cpu = normalizeTaskSize(td.cpu, 'cpu');
    if (td.memory !== undefined)
        td.memory = normalizeTaskSize(td.memory, 'memory');
    if (Array.isArray(td.containerDefinitions)) {
        td.containerDefinitions = td.containerDefinitions.map((raw) => {
            if (!isObject(raw))
                return raw;
            const c = { ...raw };
            if (c.essential === true)
                delete c.essential;
            if (c.cpu === 0)
                delete c.cpu;
            if (c.versionConsistency === 'enabled')
                delete c.versionConsistency;
            for (const key of ['environment', 'secrets']) {
                if (Array.isArray(c[key]))
                    c[key] = [...c[key]].sort(byName);
            }
            if (Array.isArray(c.portMappings)) {
                c.portMappings = c.portMappings.map((rawMapping) => {
                    if (!isObject(rawMapping))
                        return rawMapping;
                    const m = { ...rawMapping };
                    if (m.protocol === 'tcp')
                        delete m.protocol;
                    if (m.hostPort === 0 ||
                        ((networkMode === 'awsvpc' || networkMode === 'host') && m.hostPort === m.containerPort)) {
                        delete m.hostPort;
                    }
                    return m;
                });
            }
            return c;
        });
    }
    return prune(td);
}
function sameTaskDefinition(a, b) {
    return JSON.stringify(normalizeTaskDefinition(a)) === JSON.stringify(normalizeTaskDefinition(b));
}

;// CONCATENATED MODULE: ../../packages/core/src/ecs/taskdef-diff.ts
/**
 * What changes between two task definitions (register-input form), setting by setting: ecs-render-taskdef's summary
 * and ecs-deploy-wait's dry-run plan. Secret values are never shown.
 */

function taskdef_diff_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function containersOf(taskDefinition) {
    return Array.isArray(taskDefinition.containerDefinitions)
        ? taskDefinition.containerDefinitions
        : [];
}
const HIDDEN = '(value hidden)';
function namedValues(list, field) {
    const map = new Map();
    if (!Array.isArray(list))
        return map;
    for (const item of list) {
        if (taskdef_diff_isObject(item) && typeof item.name === 'string')
            map.set(item.name, String(item[field] ?? ''));
    }
    return map;
}
function mapValues(map) {
    const result = new Map();
    if (!taskdef_diff_isObject(map))
        return result;
    for (const [key, value] of Object.entries(map))
        result.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    return result;
}
function compareMaps(scope, label, before, after, hidden = false) {
    const changes = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
        const a = before.get(key);
        const b = after.get(key);
        if (a === b)
            continue;
        changes.push(hidden
            ? {
                scope,
                setting: `${label} ${key}`,
                before: a === undefined ? undefined : HIDDEN,
                after: b === undefined ? undefined : HIDDEN,
                hidden: true,
            }
            : { scope, setting: `${label} ${key}`, before: a, after: b });
    }
    return changes;
}
const taskdef_diff_text = (value) => value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
/** What changed between the source and the rendered task definition, in the settings this action changes. */
function diffTaskDefinitions(before, after) {
    const changes = [];
    for (const field of ['cpu', 'memory', 'taskRoleArn', 'executionRoleArn']) {
        const a = taskdef_diff_text(before[field]);
        const b = taskdef_diff_text(after[field]);
        if (a !== b)
            changes.push({ scope: 'task', setting: field, before: a, after: b });
    }
    const beforeContainers = containersOf(before);
    for (const container of containersOf(after)) {
        const old = beforeContainers.find((c) => c.name === container.name) ?? {};
        const scope = `container ${String(container.name)}`;
        const image = [taskdef_diff_text(old.image), taskdef_diff_text(container.image)];
        if (image[0] !== image[1])
            changes.push({ scope, setting: 'image', before: image[0], after: image[1] });
        changes.push(...compareMaps(scope, 'environment', namedValues(old.environment, 'value'), namedValues(container.environment, 'value')), ...compareMaps(scope, 'secret', namedValues(old.secrets, 'valueFrom'), namedValues(container.secrets, 'valueFrom'), true), ...compareMaps(scope, 'docker label', mapValues(old.dockerLabels), mapValues(container.dockerLabels)), ...compareMaps(scope, 'log option', mapValues(taskdef_diff_isObject(old.logConfiguration) ? old.logConfiguration.options : undefined), mapValues(taskdef_diff_isObject(container.logConfiguration) ? container.logConfiguration.options : undefined)));
        const command = [taskdef_diff_text(old.command), taskdef_diff_text(container.command)];
        if (command[0] !== command[1]) {
            changes.push({ scope, setting: 'command', before: command[0], after: command[1], json: true });
        }
    }
    return changes;
}
function describeChange(change) {
    if (change.hidden) {
        if (change.before === undefined)
            return 'added (value hidden)';
        if (change.after === undefined)
            return 'removed (value hidden)';
        return 'changed (values hidden)';
    }
    const show = (value) => (change.json ? String(value) : JSON.stringify(value));
    if (change.before === undefined)
        return `added ${show(change.after)}`;
    if (change.after === undefined)
        return `removed (was ${show(change.before)})`;
    return `${show(change.before)} → ${show(change.after)}`;
}
/** Log lines, grouped by scope: `container web:` then `  image: "a" → "b"`. */
function formatDiff(changes) {
    if (changes.length === 0)
        return ['No changes: the rendered task definition equals the source.'];
    const lines = [];
    let scope = '';
    for (const change of changes) {
        if (change.scope !== scope) {
            scope = change.scope;
            lines.push(`${scope}:`);
        }
        lines.push(`  ${change.setting}: ${describeChange(change)}`);
    }
    return lines;
}
/** A markdown table of the changes for the step summary. */
function diffTable(changes) {
    if (changes.length === 0)
        return 'No changes: the rendered task definition equals the source.';
    const cell = (value, hidden) => value === undefined ? '(none)' : hidden ? markdownCell(value) : markdownCode(markdownCell(value));
    return markdownTable(['Where', 'Setting', 'Before', 'After'], changes.map((change) => [
        markdownCell(change.scope),
        markdownCell(change.setting),
        cell(change.before, change.hidden),
        cell(change.after, change.hidden),
    ]));
}

;// CONCATENATED MODULE: ../../packages/core/src/ecs/write-once.ts
/**
 * A write (RegisterTaskDefinition, UpdateService, CodeDeploy CreateDeployment) that must not be applied twice. The
 * SDK retries a call whose answer was lost as if nothing had happened, which registers another revision or starts
 * another deployment; here each attempt goes out once (the SDK's retries off). A write AWS refused before doing
 * anything (throttled) is sent again after a backoff. One whose answer was lost (reset, 5xx, no answer) is sent again
 * only once `landed` has looked and found that it did not take effect; while looking fails, nothing is written.
 */



/** Attempts at one write (and looks at what landed between them). */
const WRITE_ATTEMPTS = 5;
const WRITE_BACKOFF_MS = 1_000;
/** The write's answer was lost and looking could not tell whether it took effect: it is not sent again. */
class UnknownOutcomeError extends NoAnswerError {
    constructor(operation, reason) {
        super(operation, 0);
        this.message = `${operation.includes(':') ? operation : `ecs:${operation}`} lost its answer, and whether it took effect could not be found out (${reason}); it was not sent again`;
    }
}
/** AWS refused the call before doing anything: it certainly did not take effect. */
const certainlyNotApplied = (error) => aws_errors/* THROTTLING_CODES */.Jr.has(errorCode(error));
async function writeOnce(session, spec) {
    const { log, deps } = session;
    const name = spec.operation.includes(':') ? spec.operation : `ecs:${spec.operation}`;
    let unsure = false;
    for (let attempt = 1;; attempt++) {
        if (unsure) {
            const earlier = await lookBeforeWriting(session, spec, attempt);
            if (earlier !== undefined) {
                log.info(`An earlier ${name} attempt took effect (its answer was lost): not sending it again.`);
                return earlier;
            }
        }
        try {
            return await spec.write();
        }
        catch (error) {
            // Cancelled, or out of time: the caller finds out once what landed and says so.
            if (isAbort(error) || session.cancelled)
                throw error;
            const unanswered = error instanceof NoAnswerError;
            if (unanswered ? !spec.retryUnanswered : !isTransient(error))
                throw error;
            if (attempt >= WRITE_ATTEMPTS)
                throw error;
            unsure = !certainlyNotApplied(error);
            const backoff = WRITE_BACKOFF_MS * 2 ** (attempt - 1);
            log.warning(unsure
                ? `${name} attempt ${attempt}/${WRITE_ATTEMPTS} got no usable answer (${unanswered ? 'no answer in time' : errorCode(error)}); looking whether it took effect before trying again in ${backoff / 1000}s.`
                : `${name} attempt ${attempt}/${WRITE_ATTEMPTS} was refused (${errorCode(error)}) before taking effect; trying again in ${backoff / 1000}s.`);
            await deps.sleep(backoff, deps.signal);
        }
    }
}
/**
 * Whether an earlier attempt took effect; a look that fails is repeated (with the write's backoff), and when it
 * never answers the write is not sent again.
 */
async function lookBeforeWriting(session, spec, attempt) {
    const { deps } = session;
    for (let look = attempt;; look++) {
        try {
            return await spec.landed();
        }
        catch (error) {
            if (isAbort(error) || session.cancelled)
                throw error;
            if (!isTransient(error) || look >= WRITE_ATTEMPTS) {
                throw new UnknownOutcomeError(spec.operation, (0,errors/* errorMessage */.gJ)(error));
            }
            await deps.sleep(WRITE_BACKOFF_MS * 2 ** (look - 1), deps.signal);
        }
    }
}

;// CONCATENATED MODULE: ../../packages/core/src/ecs/index.ts
// What the ECS actions share (ecs-deploy-wait, ecs-run-task): calling ECS, the task definition file, the containers'
// log lines. A subpath of its own, so that the actions without ECS do not bundle it. Nothing here loads the ECS SDK
// (type imports only): an action's entry reads its inputs with it before the SDK is loaded. The registration,
// which does, is `@ecs-actions/core/ecs/register`.









/***/ }),

/***/ 9179:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   aY: () => (/* binding */ invalidInput),
/* harmony export */   cl: () => (/* binding */ quoteValue),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
/**
 * A mistake the user can fix in their workflow: the message names the input, the value and the fix.
 * It fails the step with that message alone, no stack trace.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** The text of anything thrown, for a log line. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message || error.name;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/** Quotes a user value for an error message, shortened so a pasted file does not flood the log. */
function quoteValue(value, max = 120) {
    const shown = value.length > max ? `${value.slice(0, max)}…` : value;
    return JSON.stringify(shown);
}
/** `Input "name" <expected>; got "<value>". <fix>` */
function invalidInput(name, value, expected, fix) {
    return new ConfigurationError(`Input "${name}" ${expected}; got ${quoteValue(value)}.${fix ? ` ${fix}` : ''}`);
}


/***/ }),

/***/ 785:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  j1: () => (/* reexport */ errors/* ConfigurationError */.j1),
  i_: () => (/* reexport */ inputs/* InputReader */.i_),
  Ue: () => (/* reexport */ aws/* awsRegion */.Ue),
  nV: () => (/* reexport */ aws/* createAwsClient */.nV),
  gJ: () => (/* reexport */ errors/* errorMessage */.gJ),
  a3: () => (/* reexport */ inputs/* formatDuration */.a3),
  aY: () => (/* reexport */ errors/* invalidInput */.aY),
  iF: () => (/* reexport */ jobCancelSignal),
  Rm: () => (/* reexport */ log_namespaceObject),
  UZ: () => (/* reexport */ outputs/* markdownCell */.UZ),
  D9: () => (/* reexport */ outputs/* markdownCode */.D9),
  Qj: () => (/* reexport */ outputs/* markdownTable */.Qj),
  p7: () => (/* reexport */ outputs/* markdownText */.p7),
  g6: () => (/* reexport */ mermaidGantt),
  wt: () => (/* reexport */ poll),
  bZ: () => (/* reexport */ realSleep),
  Cs: () => (/* reexport */ runAction),
  em: () => (/* reexport */ aws_errors/* sentence */.em),
  n0: () => (/* reexport */ outputs/* setOutputs */.n0),
  ml: () => (/* reexport */ systemClock),
  Sy: () => (/* reexport */ outputs/* writeSummary */.Sy)
});

// UNUSED EXPORTS: CONTROL_CHARACTERS, DESCRIBE_ONLY_FIELDS, ECS_ACTIONS_VERSION, MERMAID_GANTT_MAX_TASKS, MERMAID_LABEL_MAX, ManualClock, StepState, TASK_DEFINITION_MAX_BYTES, THROTTLING_CODES, awsClientConfig, awsErrorCode, displayPath, explainAccessError, formatJson, inOrder, inputEnvName, inputsFrom, isAccessDenied, isAccessError, jsonProblemMessage, keepRawResponse, locateJsonError, mermaidText, parseDuration, parseInteger, parseJsonText, plainTextEcho, quoteValue, rawMember, readInputFile, reportFailure, requestTimeoutWithin, resolveInputPath, runner, runnerInputs, runnerLines, sendAsWritten, taskDefinitionBytes, taskDefinitionSizeProblem, wireBody, writePlainText

// NAMESPACE OBJECT: ../../packages/core/src/log.ts
var log_namespaceObject = {};
__nccwpck_require__.r(log_namespaceObject);
__nccwpck_require__.d(log_namespaceObject, {
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  group: () => (group),
  info: () => (info),
  maskSecret: () => (maskSecret),
  notice: () => (notice),
  startGroup: () => (startGroup),
  warning: () => (warning)
});

// EXTERNAL MODULE: ../../packages/core/src/aws.ts + 1 modules
var aws = __nccwpck_require__(1099);
// EXTERNAL MODULE: ../../packages/core/src/aws-errors.ts
var aws_errors = __nccwpck_require__(6743);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(9179);
// EXTERNAL MODULE: ../../packages/core/src/inputs.ts
var inputs = __nccwpck_require__(637);
// EXTERNAL MODULE: ../../packages/core/src/json-text.ts
var json_text = __nccwpck_require__(6780);
// EXTERNAL MODULE: ../../packages/core/src/runner.ts
var src_runner = __nccwpck_require__(2654);
;// CONCATENATED MODULE: ../../packages/core/src/log.ts

const { info, warning, notice, error, debug, startGroup, endGroup } = src_runner/* runner */.lj;
/** A collapsible log section around `fn`, closed even when it throws. */
async function group(title, fn) {
    src_runner/* runner */.lj.startGroup(title);
    try {
        return await fn();
    }
    finally {
        src_runner/* runner */.lj.endGroup();
    }
}
/**
 * Hides a secret from every later log line. Each line of a multi-line secret is masked too,
 * because the runner matches masks line by line.
 */
function maskSecret(secret) {
    if (!secret)
        return;
    src_runner/* runner */.lj.setSecret(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim() && line !== secret)
            src_runner/* runner */.lj.setSecret(line);
}

// EXTERNAL MODULE: ../../packages/core/src/outputs.ts
var outputs = __nccwpck_require__(5464);
;// CONCATENATED MODULE: ../../packages/core/src/mermaid.ts
/**
 * Mermaid diagrams for job summaries (GitHub draws a ```mermaid block), built so that no text from outside (service
 * events, task ids, versions, actors, app output) can change a diagram's structure, end its code block, or reach
 * the page as markup: every label keeps letters, digits and a few plain marks as they are and writes every other
 * character as a Mermaid entity code (`#35;` for `#`), which Mermaid draws as that character, never as syntax.
 * Diagrams are bounded: a label is cut to a length, a diagram to a number of rows.
 */

/** Characters a label keeps as they are: none of them is syntax in any Mermaid diagram's label, nor in Markdown. */
const PLAIN = /^[A-Za-z0-9 .,_/+=-]$/;
/** The longest label drawn by default (characters before escaping). */
const MERMAID_LABEL_MAX = 80;
/**
 * `value` as the text of a Mermaid label: control characters and line breaks become spaces, runs of spaces one,
 * the text is cut to `maxLength` characters (with `…`), and every character outside PLAIN is written as an entity
 * code. The first character is always an entity code, so a label never starts like a keyword of the diagram
 * (`section`, `title`, `click`, `%%`).
 */
function mermaidText(value, maxLength = MERMAID_LABEL_MAX) {
    const flat = value.replace(outputs/* CONTROL_CHARACTERS */.nI, ' ').replace(/\s+/g, ' ').trim();
    const chars = [...flat];
    const cut = chars.length > maxLength ? [...chars.slice(0, Math.max(1, maxLength - 1)), '…'] : chars;
    if (cut.length === 0)
        cut.push('-');
    return cut.map((char, index) => (index > 0 && PLAIN.test(char) ? char : entity(char))).join('');
}
function entity(char) {
    return `#${char.codePointAt(0)};`;
}
/** The most rows a gantt chart draws: a long rollout is summarised by its caller, and cut here whatever it passes. */
const MERMAID_GANTT_MAX_TASKS = 60;
/**
 * A ```mermaid gantt block of real times: dates are epoch milliseconds (`dateFormat x`), the axis shows UTC-less
 * clock times as the reader's browser does. Every title and label goes through mermaidText; ids are generated.
 */
function mermaidGantt(chart) {
    const maxTasks = Math.max(1, chart.maxTasks ?? MERMAID_GANTT_MAX_TASKS);
    const lines = ['```mermaid', 'gantt', `  title ${mermaidText(chart.title)}`, '  dateFormat x'];
    const axis = /^[%A-Za-z :./-]{1,40}$/.test(chart.axisFormat ?? '') ? chart.axisFormat : '%H:%M:%S';
    lines.push(`  axisFormat ${axis}`, '  todayMarker off');
    let drawn = 0;
    let left = 0;
    let lastMs = 0;
    for (const section of chart.sections) {
        // A time that is no number (a record's impossible date) would make the whole diagram a syntax error: such a
        // task is counted as not drawn; an end that is no number draws the task as a point.
        const tasks = section.tasks.flatMap((task) => (Number.isFinite(task.startMs) ? [pointIfNoEnd(task)] : []));
        left += section.tasks.length - tasks.length;
        if (tasks.length === 0)
            continue;
        const room = maxTasks - drawn;
        if (room <= 0) {
            left += tasks.length;
            continue;
        }
        lines.push(`  section ${mermaidText(section.title, 40)}`);
        for (const task of tasks.slice(0, room)) {
            drawn++;
            lines.push(`    ${ganttTaskLine(task, `t${drawn}`)}`);
            lastMs = Math.max(lastMs, task.endMs ?? task.startMs);
        }
        left += Math.max(0, tasks.length - room);
    }
    if (left > 0) {
        lines.push(`    ${ganttTaskLine({ label: `${left} more not drawn`, startMs: lastMs, tags: ['milestone'] }, 'more')}`);
    }
    lines.push('```');
    return lines.join('\n');
}
function pointIfNoEnd(task) {
    if (task.endMs === undefined || Number.isFinite(task.endMs))
        return task;
    const { endMs: _, ...point } = task;
    return point;
}
function ganttTaskLine(task, id) {
    const tags = [...(task.tags ?? [])];
    const start = Math.round(task.startMs);
    // A point in time: a milestone (Mermaid draws it at its start plus half its length, so length 0).
    const point = tags.includes('milestone') || task.endMs === undefined;
    if (point && !tags.includes('milestone'))
        tags.push('milestone');
    // A bar shorter than a second is drawn a second long, or it would not be seen at a rollout's scale.
    const end = point ? start : Math.max(Math.round(task.endMs ?? start), start + 1000);
    return `${mermaidText(task.label)} :${[...tags, id, String(start), point ? '0ms' : String(end)].join(', ')}`;
}

;// CONCATENATED MODULE: ../../packages/core/src/run.ts


const POST_MARKER = 'ecs-actions-post';
/**
 * The entry of every action: runs main (or post, on the second invocation) and is the one error path.
 * A ConfigurationError fails the step with its message alone; anything else also shows its stack under debug.
 * The step is failed exactly once.
 */
async function runAction(steps) {
    const isPost = steps.post !== undefined && src_runner/* runner */.lj.getState(POST_MARKER) === 'true';
    try {
        if (isPost && steps.post) {
            await steps.post();
        }
        else {
            // Saved first so that the post step runs its clean-up even when main fails half way.
            if (steps.post)
                src_runner/* runner */.lj.saveState(POST_MARKER, 'true');
            await steps.main();
        }
    }
    catch (error) {
        reportFailure(error);
    }
}
/**
 * Aborted when the job is cancelled (the runner sends SIGINT, then SIGTERM); `onCancel` logs what the step does
 * about it. The step itself decides how to end (stop what it started, say what landed).
 */
function jobCancelSignal(onCancel) {
    const controller = new AbortController();
    const onSignal = (signal) => {
        onCancel(signal);
        controller.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return controller.signal;
}
function reportFailure(error) {
    if (!(error instanceof errors/* ConfigurationError */.j1) && error instanceof Error && error.stack)
        src_runner/* runner */.lj.debug(error.stack);
    src_runner/* runner */.lj.setFailed((0,errors/* errorMessage */.gJ)(error));
}
/** State handed from main to post, typed and JSON-encoded (`GITHUB_STATE` / `STATE_<name>`). */
class StepState {
    key;
    constructor(key) {
        this.key = key;
    }
    save(value) {
        runner.saveState(this.key, JSON.stringify(value));
    }
    load() {
        const raw = runner.getState(this.key);
        if (!raw)
            return undefined;
        return JSON.parse(raw);
    }
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ../../packages/core/src/time.ts

const systemClock = { now: () => Date.now() };
const realSleep = async (ms, signal) => {
    await (0,promises_namespaceObject.setTimeout)(ms, undefined, signal ? { signal } : undefined);
};
/** A clock that moves only when slept on: the test double for Clock and Sleep together. */
class ManualClock {
    current;
    constructor(current = Date.UTC(2025, 9, 6, 9, 0, 0)) {
        this.current = current;
    }
    now() {
        return this.current;
    }
    advance(ms) {
        this.current += ms;
    }
    sleep = async (ms) => {
        this.advance(ms);
    };
}
/**
 * Calls `check` at once and then every `intervalMs` (measured from the start of each check, so slow
 * API calls do not stretch the period) until it returns a value or `timeoutMs` has passed.
 */
async function poll(options) {
    const { check, intervalMs, timeoutMs, clock, sleep, signal } = options;
    const start = clock.now();
    for (let attempt = 1;; attempt++) {
        const checkStart = clock.now();
        const value = await check(attempt);
        if (value !== undefined)
            return { status: 'done', value, elapsedMs: clock.now() - start, attempts: attempt };
        const now = clock.now();
        const remaining = start + timeoutMs - now;
        if (remaining <= 0)
            return { status: 'timed-out', elapsedMs: now - start, attempts: attempt };
        const wait = Math.min(Math.max(checkStart + intervalMs - now, 0), remaining);
        await sleep(wait, signal);
    }
}

// EXTERNAL MODULE: ../../packages/core/src/workspace-path.ts
var workspace_path = __nccwpck_require__(9239);
;// CONCATENATED MODULE: ../../packages/core/src/index.ts


















/***/ }),

/***/ 637:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports inputEnvName, runnerInputs, inputsFrom, MAX_WAIT_TIMEOUT_MS, MIN_POLL_INTERVAL_MS, parseInteger, parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9179);

/** The runner's contract: `INPUT_<NAME>` with spaces as `_`, upper-cased, hyphens kept. */
function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
const runnerInputs = (name) => process.env[inputEnvName(name)];
function inputsFrom(values) {
    return (name) => values[name];
}
// YAML 1.2 core schema booleans, as GitHub's own getBooleanInput accepts them.
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);
const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Formats milliseconds the way duration inputs are written: `1h30m`, `45s`, `250ms`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms}ms`;
    const parts = [];
    let rest = ms;
    for (const [unit, size] of [
        ['h', 3_600_000],
        ['m', 60_000],
        ['s', 1000],
    ]) {
        const count = Math.floor(rest / size);
        if (count > 0)
            parts.push(`${count}${unit}`);
        rest -= count * size;
    }
    if (rest > 0)
        parts.push(`${rest}ms`);
    return parts.join('');
}
/** The longest `timeout` an action that waits on AWS accepts (a job runs at most 6 hours). */
const MAX_WAIT_TIMEOUT_MS = 6 * 3_600_000;
/** The shortest `poll-interval`: faster polling only spends the API rate limit. */
const MIN_POLL_INTERVAL_MS = 250;
/**
 * Typed readers over an input source. Every value is trimmed; an empty input means "not set".
 * Each error names the input, the value and what is allowed.
 */
class InputReader {
    source;
    constructor(source = runnerInputs) {
        this.source = source;
    }
    /** The trimmed raw value, '' when not set. */
    raw(name) {
        return (this.source(name) ?? '').trim();
    }
    string(name, fallback = '') {
        return this.raw(name) || fallback;
    }
    optionalString(name) {
        return this.raw(name) || undefined;
    }
    requiredString(name) {
        const value = this.raw(name);
        if (!value)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${name}" is required and was empty. Set it under "with:" in the step.`);
        return value;
    }
    boolean(name, fallback) {
        const value = this.raw(name);
        if (!value)
            return fallback;
        if (TRUE_WORDS.has(value))
            return true;
        if (FALSE_WORDS.has(value))
            return false;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, 'must be a boolean', 'Use true or false (YAML 1.2: true, True, TRUE, false, False, FALSE).');
    }
    oneOf(name, allowed, fallback) {
        const value = this.raw(name);
        if (!value)
            return fallback;
        if (allowed.includes(value))
            return value;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, `must be one of ${allowed.join(', ')}`);
    }
    integer(name, options) {
        const value = this.raw(name);
        if (!value)
            return undefined;
        return parseInteger(name, value, options);
    }
    /** Milliseconds. Accepts `90` (seconds), `250ms`, `45s`, `5m`, `1h30m`, `1.5h`, `2d`. */
    duration(name, fallback, options) {
        const value = this.raw(name) || fallback;
        return parseDuration(name, value, options);
    }
    /**
     * `timeout` (default 30m, at most 6h) and `poll-interval` (default 5s, 250ms to 5m) of an action that waits on AWS;
     * a poll interval longer than the timeout is refused.
     */
    waitTimes() {
        const timeoutMs = this.duration('timeout', '30m', { min: 1000, max: MAX_WAIT_TIMEOUT_MS });
        const pollIntervalMs = this.duration('poll-interval', '5s', { min: MIN_POLL_INTERVAL_MS, max: 300_000 });
        if (pollIntervalMs > timeoutMs) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('poll-interval', this.raw('poll-interval'), `must not be longer than the timeout (${this.raw('timeout') || '30m'})`, 'Use a poll-interval of a few seconds, e.g. 5s.');
        }
        return { timeoutMs, pollIntervalMs };
    }
    /** One item a line; blank lines and `#` comments are skipped. */
    list(name) {
        return this.raw(name)
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#'));
    }
    /**
     * Multi-line `KEY=VALUE`, split at the first `=` so values may contain `=`; `KEY=` is an empty value.
     * Blank lines and `#` comments are skipped. A later duplicate key wins, as in a shell environment.
     */
    keyValues(name, what = 'KEY=VALUE') {
        const entries = [];
        const lines = (this.source(name) ?? '').split(/\r?\n/);
        lines.forEach((rawLine, index) => {
            const line = rawLine.trim();
            if (line === '' || line.startsWith('#'))
                return;
            const equals = line.indexOf('=');
            const key = equals > 0 ? line.slice(0, equals).trim() : '';
            if (!key) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${name}" line ${index + 1} is not ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(line)}. Write one ${what} a line; the value may contain "=".`);
            }
            entries.push({ key, value: line.slice(equals + 1).trim(), line: index + 1 });
        });
        return entries;
    }
    json(name) {
        const value = this.raw(name);
        if (!value)
            return undefined;
        try {
            return JSON.parse(value);
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, 'must be JSON', `The parser said: ${error.message}.`);
        }
    }
}
function parseInteger(name, value, options = {}) {
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
    const range = min === Number.MIN_SAFE_INTEGER && max === Number.MAX_SAFE_INTEGER
        ? 'an integer'
        : max === Number.MAX_SAFE_INTEGER
            ? min === 0
                ? 'a non-negative integer'
                : `an integer of at least ${min}`
            : `an integer from ${min} to ${max}`;
    if (!/^[+-]?\d+$/.test(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, `must be ${range}`);
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, `must be ${range}`);
    return parsed;
}
function parseDuration(name, value, options = {}) {
    const format = 'must be a duration such as 90s, 5m or 1h30m (units ms, s, m, h, d; a bare number is seconds)';
    let ms;
    if (/^\d+(\.\d+)?$/.test(value)) {
        ms = Math.round(Number(value) * 1000);
    }
    else {
        const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
        if (parts.length === 0 || parts.map((part) => part[0]).join('') !== value)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, format);
        ms = Math.round(parts.reduce((total, part) => total + Number(part[1]) * (DURATION_UNITS_MS[part[2] ?? 's'] ?? 0), 0));
    }
    if (options.min !== undefined && ms < options.min) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, `must be at least ${formatDuration(options.min)}`);
    }
    if (options.max !== undefined && ms > options.max) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, `must be at most ${formatDuration(options.max)}`);
    }
    return ms;
}


/***/ }),

/***/ 6780:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* unused harmony exports parseJsonText, jsonProblemMessage, locateJsonError, formatJson */

/**
 * JSON.parse (which keeps the source's key order) after a strict scan: on failure where and why, in words.
 * The scan runs first because JSON.parse accepts a duplicate key and keeps only its last value.
 */
function parseJsonText(text) {
    // A byte-order mark is invisible in editors, so positions are counted without it.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const found = locateJsonError(body);
    if (found)
        return { ok: false, problem: { ...position(body, found.offset), kind: found.kind, message: found.message } };
    try {
        return { ok: true, value: JSON.parse(body) };
    }
    catch (error) {
        return { ok: false, problem: { line: 1, column: 1, kind: 'syntax', message: error.message } };
    }
}
/**
 * The one sentence for a problem in a JSON file an input names: `Input "task-definition": "td.json" line 9, column 5: …`.
 * It quotes no content of the file beyond a duplicate key's name.
 */
function jsonProblemMessage(input, shownPath, problem) {
    const where = `Input "${input}": ${quoteValue(shownPath)}`;
    const at = `at line ${problem.line}, column ${problem.column}`;
    return problem.kind === 'duplicate-key'
        ? `${where} has ${problem.message} ${at}; JSON readers would silently keep only the last value. Remove or rename one of them.`
        : `${where} is not valid JSON: ${problem.message} ${at}. Fix the file.`;
}
function position(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text[i] === '\n') {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
class Stop extends Error {
    reason;
    offset;
    kind;
    constructor(reason, offset, kind = 'syntax') {
        super(reason);
        this.reason = reason;
        this.offset = offset;
        this.kind = kind;
    }
}
const describe = (ch) => (ch === undefined ? 'the end of the file' : JSON.stringify(ch));
/**
 * A strict RFC 8259 scanner that reports the first error (JSON.parse's messages do not always say where), and the
 * first key written twice in one object (RFC 8259 section 4: names SHOULD be unique; readers then disagree).
 */
function locateJsonError(text) {
    let i = 0;
    const fail = (reason, at = i) => {
        throw new Stop(reason, at);
    };
    const skipSpace = () => {
        while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r'))
            i++;
    };
    const literal = (word) => {
        if (text.startsWith(word, i))
            i += word.length;
        else
            fail(`unexpected ${describe(text[i])}`);
    };
    const string = () => {
        i++; // opening quote
        for (;;) {
            const ch = text[i];
            if (ch === undefined)
                fail('a string is not closed');
            if (ch === '"') {
                i++;
                return;
            }
            if (ch === '\\') {
                const next = text[i + 1];
                if (next === 'u') {
                    if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
                        fail('bad \\u escape in a string');
                    i += 6;
                }
                else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
                    i += 2;
                }
                else {
                    fail(`bad escape ${describe(`\\${next ?? ''}`)} in a string`);
                }
            }
            else if ((ch?.charCodeAt(0) ?? 0) < 0x20) {
                fail('a line break or control character inside a string (write it as \\n)');
            }
            else {
                i++;
            }
        }
    };
    const number = () => {
        const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
        if (!match)
            fail(`bad number starting with ${describe(text[i])}`);
        i += match?.[0].length ?? 0;
    };
    const value = () => {
        skipSpace();
        const ch = text[i];
        if (ch === '{')
            object();
        else if (ch === '[')
            array();
        else if (ch === '"')
            string();
        else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9'))
            number();
        else if (ch === 't')
            literal('true');
        else if (ch === 'f')
            literal('false');
        else if (ch === 'n')
            literal('null');
        else if (ch === '}' || ch === ']')
            fail(`unexpected ${describe(ch)}: a value is missing (a trailing comma?)`);
        else
            fail(`unexpected ${describe(ch)} where a value should be`);
    };
    const object = () => {
        i++;
        skipSpace();
        if (text[i] === '}') {
            i++;
            return;
        }
        // Keys as JSON.parse reads them (escapes decoded), with where each was first written.
        const keys = new Map();
        for (;;) {
            skipSpace();
            if (text[i] === '}')
                fail('a trailing comma before "}"');
            if (text[i] !== '"')
                fail(`expected a property name in double quotes, found ${describe(text[i])}`);
            const keyStart = i;
            string();
            const key = JSON.parse(text.slice(keyStart, i));
            const first = keys.get(key);
            if (first !== undefined) {
                throw new Stop(`the key ${quoteValue(key)} twice in one object (first at line ${position(text, first).line})`, keyStart, 'duplicate-key');
            }
            keys.set(key, keyStart);
            skipSpace();
            if (text[i] !== ':')
                fail(`expected ":" after the property name, found ${describe(text[i])}`);
            i++;
            value();
            skipSpace();
            if (text[i] === ',') {
                i++;
                continue;
            }
            if (text[i] === '}') {
                i++;
                return;
            }
            if (i >= text.length)
                fail('the file ends inside an object (a missing "}"?)');
            fail(`expected "," or "}" after a property value, found ${describe(text[i])} (a missing comma?)`);
        }
    };
    const array = () => {
        i++;
        skipSpace();
        if (text[i] === ']') {
            i++;
            return;
        }
        for (;;) {
            skipSpace();
            if (text[i] === ']')
                fail('a trailing comma before "]"');
            value();
            skipSpace();
            if (text[i] === ',') {
                i++;
                continue;
            }
            if (text[i] === ']') {
                i++;
                return;
            }
            if (i >= text.length)
                fail('the file ends inside an array (a missing "]"?)');
            fail(`expected "," or "]" after an array element, found ${describe(text[i])} (a missing comma?)`);
        }
    };
    try {
        skipSpace();
        if (i >= text.length)
            fail('the file is empty');
        value();
        skipSpace();
        if (i < text.length)
            fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
        return undefined;
    }
    catch (error) {
        if (error instanceof Stop) {
            return { message: error.reason, offset: Math.min(error.offset, text.length), kind: error.kind };
        }
        throw error;
    }
}
/** How the rendered file is written: 2-space indent and a final newline. */
function formatJson(value) {
    return `${JSON.stringify(value, null, 2)}\n`;
}


/***/ }),

/***/ 5464:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ markdownCode),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   UZ: () => (/* binding */ markdownCell),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   nI: () => (/* binding */ CONTROL_CHARACTERS),
/* harmony export */   p7: () => (/* binding */ markdownText)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2654);

/** Writes every defined output; arrays and objects as JSON. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value === undefined)
            continue;
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .runner */ .lj.setOutput(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
}
/** Escapes a value for a markdown table cell; every line break (CRLF, LF or a lone CR, which CommonMark also
 * reads as one) becomes `<br>`, so the cell stays one table row. */
function markdownCell(value) {
    return value
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r\n|\r|\n/g, '<br>');
}
/**
 * Text from outside (a record, an event, a name) as plain Markdown text, also inside a table cell: line breaks
 * and control characters become spaces, HTML's `<`, `>` and `&` entities, and every other Markdown mark is escaped
 * with a backslash, so the text can start no heading, link, image, emphasis, code span or table cell.
 */
function markdownText(value) {
    return value
        .replace(CONTROL_CHARACTERS, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_{}[\]()#!|~]/g, (mark) => `\\${mark}`);
}
/** Runs of control characters and line or paragraph separators: what text from outside must not bring in. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/** `code` span that survives backticks in the value. */
function markdownCode(value) {
    const fence = value.includes('`') ? '``' : '`';
    return `${fence}${value}${fence}`;
}
/** A GitHub-flavoured markdown table; cells are escaped unless they are already markdown (`raw`). */
function markdownTable(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header.map(markdownCell)), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/**
 * Appends markdown to the job summary. Without `GITHUB_STEP_SUMMARY` (a local run) it only logs at debug:
 * a summary is a report, never a reason to fail the step.
 */
function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .runner */ .lj.debug('GITHUB_STEP_SUMMARY is not set; the job summary is skipped');
        return;
    }
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .runner */ .lj.appendSummary(markdown);
}


/***/ }),

/***/ 2654:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   lj: () => (/* binding */ runner)
/* harmony export */ });
/* unused harmony exports issueCommand, runnerLines, writePlainText, plainTextEcho */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The GitHub runner's contract for a JavaScript action: workflow commands on stdout and file commands
 * (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`, `GITHUB_STEP_SUMMARY`).
 *
 * Written here rather than taken from @actions/core: that package pulls in its OIDC HTTP client (undici),
 * about 1 MB in every bundle, and these few commands are all an action of ours uses.
 * Behaviour follows "Workflow commands for GitHub Actions" in the GitHub Actions documentation.
 */


const escapeData = (value) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
function issueCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
/** How the runner splits a step's output into lines (.NET ReadLine: `\r\n`, `\r` and `\n` each end one). */
const runnerLines = (text) => text.split(/\r\n|\r|\n/);
/**
 * Could the runner read this line as a workflow command? It parses `::name::` at the start of a line (after
 * trimming) and the legacy `##[name]` anywhere in it; any `::` counts, to stay on the safe side of its trimming.
 */
const mayBeCommand = (line) => line.includes('::') || line.includes('##[');
/**
 * A token for `::stop-commands::`: random, never derived from the text it guards, and absent from that text. The
 * Web Crypto global needs no import (node:crypto would cost start-up time in every bundle).
 */
function stopToken(lines) {
    let token;
    do
        token = `ecs-actions-${globalThis.crypto.randomUUID().replace(/-/g, '')}`;
    while (lines.some((line) => line.toLowerCase().includes(token)));
    return token;
}
/**
 * Writes text as plain log lines that the runner never runs as workflow commands: when any line could parse as
 * one, the lines go inside the runner's documented `::stop-commands::<token>` … `::<token>::` block, in one
 * write, so the action's own commands are never inside it. Every line an action prints goes through here.
 */
function writePlainText(text, stream = process.stdout) {
    const lines = runnerLines(text);
    if (!lines.some(mayBeCommand)) {
        stream.write(`${lines.join(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
        return;
    }
    const token = stopToken(lines);
    stream.write([`::stop-commands::${token}`, ...lines, `::${token}::`].join(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL) + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
}
/**
 * A child process's output echoed to the log through `writePlainText`, whole lines at a time (a command split
 * across two chunks is still one line to the runner); `end` writes what is left after the last line break.
 */
function plainTextEcho(stream = process.stdout) {
    let pending = '';
    return {
        write(chunk) {
            pending += chunk.toString();
            const lastBreak = Math.max(pending.lastIndexOf('\n'), pending.lastIndexOf('\r'));
            // A \r at the very end may be the first half of \r\n: keep it until the next chunk says.
            const cut = pending.endsWith('\r') ? pending.lastIndexOf('\n', pending.length - 2) : lastBreak;
            if (cut < 0)
                return;
            writePlainText(pending.slice(0, cut).replace(/\r$/, ''), stream);
            pending = pending.slice(cut + 1);
        },
        end() {
            if (pending)
                writePlainText(pending.replace(/\r$/, ''), stream);
            pending = '';
        },
    };
}
function fileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file) {
        throw new Error(`${variable} is not set: this must run as a step of a GitHub Actions job (or the test kit).`);
    }
    // node:crypto would cost ~4 ms of start-up; a delimiter the value provably does not contain is just as safe.
    let delimiter = `ghadelimiter_${process.pid}_${Date.now().toString(36)}`;
    while (value.includes(delimiter) || name.includes(delimiter))
        delimiter += `_${Math.random().toString(36).slice(2)}`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, 'utf8');
}
const runner = {
    /** A plain log line (or lines): never read by the runner as a workflow command, whatever it contains. */
    info(message) {
        writePlainText(message);
    },
    debug(message) {
        issueCommand('debug', {}, message);
    },
    notice(message, properties = {}) {
        issueCommand('notice', { ...properties }, message);
    },
    warning(message, properties = {}) {
        issueCommand('warning', { ...properties }, message);
    },
    error(message, properties = {}) {
        issueCommand('error', { ...properties }, message);
    },
    startGroup(title) {
        issueCommand('group', {}, title);
    },
    endGroup() {
        issueCommand('endgroup', {}, '');
    },
    setSecret(secret) {
        issueCommand('add-mask', {}, secret);
    },
    setOutput(name, value) {
        fileCommand('GITHUB_OUTPUT', name, value);
    },
    saveState(name, value) {
        fileCommand('GITHUB_STATE', name, value);
    },
    getState(name) {
        return process.env[`STATE_${name}`] ?? '';
    },
    exportVariable(name, value) {
        process.env[name] = value;
        fileCommand('GITHUB_ENV', name, value);
    },
    appendSummary(markdown) {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file)
            throw new Error('GITHUB_STEP_SUMMARY is not set');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, `${markdown}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, 'utf8');
    },
    /** Fails the step: an error annotation and exit code 1. */
    setFailed(message, properties = {}) {
        process.exitCode = 1;
        issueCommand('error', { ...properties }, message);
    },
};


/***/ }),

/***/ 9239:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* unused harmony exports displayPath, resolveInputPath, readInputFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Paths that inputs name, kept inside the directories the job owns: the workspace (GITHUB_WORKSPACE) and, where an
 * earlier step writes files, RUNNER_TEMP. Symbolic links are resolved before the check, so a link in the repository
 * that points at /etc/passwd is refused like `../../etc/passwd`. Errors name the input, the value and the fix, and
 * never show what a file holds.
 */



const MAX_LINKS = 40;
/** The real path of `file`, also when it (or its tail) does not exist yet: the existing part resolved, the rest appended. */
function realPathOf(file, hops = 0) {
    try {
        return realpathSync(file);
    }
    catch (error) {
        const code = error.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            throw error;
    }
    // A dangling link is followed by hand: writing through it would create its target, wherever that is.
    const link = lstatSync(file, { throwIfNoEntry: false });
    if (link?.isSymbolicLink() && hops < MAX_LINKS) {
        return realPathOf(path.resolve(path.dirname(file), readlinkSync(file)), hops + 1);
    }
    const parent = path.dirname(file);
    if (parent === file)
        return file;
    return path.join(realPathOf(parent, hops), path.basename(file));
}
function isInside(dir, file) {
    const relative = path.relative(dir, file);
    return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
/** The path for messages: relative to the root with forward slashes when inside it, else as it is. */
function displayPath(file, root) {
    if (!isInside(root, file))
        return file;
    return path.relative(root, file).split(path.sep).join('/') || '.';
}
/**
 * Resolves an input's path against the first root and checks that it stays inside one of the roots after every
 * symbolic link is followed. Throws a ConfigurationError naming the input, the value and the fix.
 */
function resolveInputPath({ input, value, roots }) {
    const [base] = roots;
    const absolute = path.resolve(base.dir, value);
    const file = realPathOf(absolute);
    const realRoots = roots.map((root) => ({ ...root, dir: realPathOf(path.resolve(root.dir)) }));
    if (!realRoots.some((root) => isInside(root.dir, file))) {
        const through = file === absolute ? '' : ' (following symbolic links)';
        const allowed = realRoots.map((root) => `${root.name} (${root.dir})`).join(' or ');
        throw new ConfigurationError(`Input "${input}" must name a path inside ${allowed}; got ${quoteValue(value)}, which resolves to ${file}${through}. Give a path relative to the repository root, without ".." or symbolic links that lead out of it.`);
    }
    return { file, shown: displayPath(file, realRoots[0]?.dir ?? base.dir) };
}
/**
 * Reads a file an input names (already resolved), as UTF-8. A missing file, a directory, an oversized file or a read
 * error fails with the input named; the message never includes the file's content.
 */
function readInputFile(input, resolved, options) {
    const where = `Input "${input}"`;
    try {
        const stat = statSync(resolved.file);
        if (stat.isDirectory()) {
            throw new ConfigurationError(`${where}: ${quoteValue(resolved.shown)} is a directory. Point it at the file.`);
        }
        if (stat.size > options.maxBytes) {
            throw new ConfigurationError(`${where}: ${quoteValue(resolved.shown)} is ${stat.size} bytes, more than the ${options.maxBytes} bytes this input reads. Point it at the right file.`);
        }
        return readFileSync(resolved.file, 'utf8');
    }
    catch (error) {
        if (error instanceof ConfigurationError)
            throw error;
        if (error.code === 'ENOENT') {
            throw new ConfigurationError(`${where}: the file ${quoteValue(resolved.shown)} does not exist (looked for ${resolved.file}). ${options.missingHint}`);
        }
        throw new ConfigurationError(`${where}: cannot read ${quoteValue(resolved.shown)}: ${errorMessage(error)}.`);
    }
}


/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(7935);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
