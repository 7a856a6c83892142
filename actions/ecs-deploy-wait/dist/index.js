import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7935:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(785);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9530);
/* harmony import */ var _ecs_actions_core_verify_clients__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(273);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6330);
/* harmony import */ var _pause_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9032);





// The AWS SDK and the deploy logic load only after every input (and the task definition file) has been read:
// a bad input fails without parsing them (they are separate chunks of the bundle).
/** Whether the step wrote the status of an outcome of its own; the signal that says whether the job was cancelled. */
let statusWritten = false;
let cancelled;
await (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)({
    async main() {
        // An application deploy (several services, rules and schedules from one app file): its own path, loaded only then.
        if ((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .deployInputReader */ .bX)().optionalString('app-file')) {
            const { runApplication } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(234), __nccwpck_require__.e(657), __nccwpck_require__.e(19), __nccwpck_require__.e(557)]).then(__nccwpck_require__.bind(__nccwpck_require__, 557));
            return runApplication((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .deployInputReader */ .bX)(), process.env.GITHUB_WORKSPACE ?? process.cwd());
        }
        try {
            await deployStep();
        }
        catch (error) {
            // Ended before it had an outcome of its own (a bad input, no region, a read or the preflight failed, nothing
            // changed, or it says what did): still a status for the steps after it; a cancelled job has none.
            if (!statusWritten && !cancelled?.aborted)
                (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutputs */ .n0)({ status: 'failed' });
            throw error;
        }
    },
});
async function deployStep() {
    const inputs = await (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .withParsedAppSpec */ .sj)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployInputs */ .Jj)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .deployInputReader */ .bX)(), process.env.GITHUB_WORKSPACE ?? process.cwd(), 
    // ecs-render-taskdef writes the rendered file into RUNNER_TEMP by default.
    process.env.RUNNER_TEMP || undefined));
    const region = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsRegion */ .Ue)();
    const [{ ECSClient }, { deploy }, { summaryMarkdown }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(234)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1234, 19)),
        Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(234), __nccwpck_require__.e(19)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2019)),
        __nccwpck_require__.e(/* import() */ 809).then(__nccwpck_require__.bind(__nccwpck_require__, 6809)),
    ]);
    // A short timeout gets short attempts: one that never answers is tried again within it, not waited out.
    const requestTimeoutMs = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .requestTimeoutWithin */ .a1)(inputs.timeoutMs);
    const ecs = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECSClient, { region, requestTimeoutMs });
    const ecsSingleAttempt = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECSClient, { region, maxAttempts: 1, requestTimeoutMs });
    // CloudWatch Logs (the failure report's app log lines): its SDK is loaded only when a failure asks for it.
    const logs = (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .logsClients */ .qr)();
    // EC2 and ELBv2 (the preflight's subnet and target group reads): loaded only when the preflight asks.
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
    const ec2 = once(() => Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(990)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7990, 19)).then(({ EC2Client }) => (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(EC2Client, { region, maxAttempts: 2 })));
    const elbv2 = once(() => Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(518)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 3518, 19)).then(({ ElasticLoadBalancingV2Client }) => (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ElasticLoadBalancingV2Client, { region, maxAttempts: 2 })));
    // ECR (a redeploy's image check), per registry region: its SDK is loaded only for a recorded revision.
    const ecrClients = new Map();
    const ecr = (registryRegion) => {
        let client = ecrClients.get(registryRegion);
        if (!client) {
            client = Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(613)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8613, 19)).then(({ ECRClient }) => (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECRClient, { region: registryRegion, maxAttempts: 2 }));
            ecrClients.set(registryRegion, client);
            lazy.push(client);
        }
        return client;
    };
    // Verify's reads (IAM, SSM, Secrets Manager; Logs and ECR as above): each SDK loads when a check needs it.
    const verify = (0,_ecs_actions_core_verify_clients__WEBPACK_IMPORTED_MODULE_3__/* .lazyVerifyClients */ .K)(region, { logs: logs.clientFor, ecr });
    // CodeDeploy (a CODE_DEPLOY service): its SDK is loaded only when the service asks for it.
    let codedeployClients;
    const codedeploy = () => {
        codedeployClients ??= Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(6)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5006, 19)).then(({ CodeDeployClient }) => ({
            client: (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(CodeDeployClient, { region, requestTimeoutMs }),
            singleAttempt: (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(CodeDeployClient, { region, maxAttempts: 1, requestTimeoutMs }),
        }));
        return codedeployClients;
    };
    // A cancelled job gets SIGINT (then SIGTERM): stop waiting, say what is still in progress, exit non-zero.
    cancelled = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .jobCancelSignal */ .iF)((signal) => _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.info */ .Rm.info(`Received ${signal}: stopping.`));
    try {
        const result = await deploy(inputs, {
            ecs,
            ecsSingleAttempt,
            region,
            clock: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml,
            sleep: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .bZ,
            signal: cancelled,
            logs: logs.clientFor,
            ec2,
            elbv2,
            ecr,
            codedeploy,
            verify: verify.clients,
            log: { info: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.info */ .Rm.info, warning: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.warning */ .Rm.warning, startGroup: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.startGroup */ .Rm.startGroup, endGroup: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.endGroup */ .Rm.endGroup },
        });
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutputs */ .n0)({
            'task-definition-arn': result.taskDefinitionArn,
            'previous-task-definition-arn': result.previousTaskDefinitionArn,
            'deployment-id': result.deploymentId,
            'codedeploy-deployment-id': result.codedeployDeploymentId,
            status: result.status,
            'duration-seconds': Math.round(result.durationMs / 1000),
            plan: result.plan,
            ...(0,_pause_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .pauseOutputs */ .h)(result),
            'rollback-method': result.rollback?.method,
        });
        statusWritten = result.status !== undefined;
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy)(summaryMarkdown(result));
        if (result.status === 'succeeded' ||
            result.status === 'unchanged' ||
            result.status === 'planned' ||
            result.status === 'paused') {
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(result.message, { title: `ECS deploy ${result.status}` });
            return;
        }
        // The outcome is explained in full above; fail the step once with its one-sentence account.
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(result.message);
    }
    finally {
        ecs.destroy();
        ecsSingleAttempt.destroy();
        await logs.destroy();
        await verify.destroy();
        for (const client of lazy)
            (await client.catch(() => undefined))?.destroy();
        const codedeployed = await codedeployClients?.catch(() => undefined);
        codedeployed?.client.destroy();
        codedeployed?.singleAttempt.destroy();
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6330:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Zt: () => (/* binding */ PREFLIGHT_MODES),
  bX: () => (/* binding */ deployInputReader),
  Jj: () => (/* binding */ readDeployInputs),
  sj: () => (/* binding */ withParsedAppSpec)
});

// UNUSED EXPORTS: STOCK_ALIASES

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __nccwpck_require__(785);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(9179);
;// CONCATENATED MODULE: ../../packages/core/src/aliases.ts

/**
 * An input source where each new name also reads its alias, converted to the new form. Refuses, before
 * anything runs, an alias and its new name both set to different values: neither would be sure to win.
 */
function withAliases(source, aliases) {
    const resolved = new Map();
    for (const { alias, name, toNew, default: fallback = '' } of aliases) {
        const aliasValue = (source(alias) ?? '').trim();
        if (!aliasValue)
            continue;
        const converted = toNew ? toNew(aliasValue) : aliasValue;
        const newValue = (source(name) ?? '').trim();
        if (newValue && newValue !== fallback && newValue !== converted) {
            throw new errors/* ConfigurationError */.j1(`Inputs "${alias}" (${(0,errors/* quoteValue */.cl)(aliasValue)}) and "${name}" (${(0,errors/* quoteValue */.cl)(newValue)}) are both set, to different values. "${alias}" is the stock action's name for "${name}": set only ${name}: ${converted}.`);
        }
        resolved.set(name, converted);
    }
    return (name) => resolved.get(name) ?? source(name);
}

// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 3 modules
var ecs = __nccwpck_require__(9530);
// EXTERNAL MODULE: ../../packages/core/src/verify/index.ts + 7 modules
var src_verify = __nccwpck_require__(5674);
;// CONCATENATED MODULE: ./src/pause/modes.ts
/** on-pause's values (read with the inputs, before the AWS SDK loads: no SDK import here). */
const ON_PAUSE_MODES = ['return', 'wait', 'continue'];

// EXTERNAL MODULE: ./src/service-definition/read.ts + 1 modules
var read = __nccwpck_require__(4351);
;// CONCATENATED MODULE: ./src/stock-inputs.ts

/**
 * Inputs of aws-actions/amazon-ecs-deploy-task-definition (v2.6.3) that ecs-deploy-wait does not support, each
 * with what to write instead. action.yml declares them all (the runner passes an undeclared input with only a
 * warning), so that a workflow moved over by swapping `uses:` fails before any change instead of silently doing
 * less: `run-task: true` kept from the stock action must not mean "the migration did not run".
 */
const RUN_TASK = (asRunTask) => `ecs-deploy-wait does not run one-off tasks. Run it in a step before this one with ecs-run-task${asRunTask ? ` (there: ${asRunTask})` : ''}, or, with the reusable deploy.yml, set migration-command.`;
const SERVICE_DEFINITION = (field) => `Set ${field} in the service-definition file (input service-definition), which this step applies with the same UpdateService.`;
const UNSUPPORTED_STOCK_INPUTS = {
    'run-task': { instead: RUN_TASK(), accepts: 'false' },
    'run-task-container-overrides': { instead: RUN_TASK('container-name, command and environment-variables') },
    'run-task-security-groups': { instead: RUN_TASK('security-groups') },
    'run-task-subnets': { instead: RUN_TASK('subnets') },
    'run-task-assign-public-IP': { instead: RUN_TASK('assign-public-ip') },
    'run-task-capacity-provider-strategy': { instead: RUN_TASK('launch-type') },
    'run-task-launch-type': { instead: RUN_TASK('launch-type') },
    'run-task-started-by': { instead: RUN_TASK('started-by') },
    'run-task-tags': { instead: RUN_TASK('tags') },
    'run-task-managed-ebs-volume-name': { instead: RUN_TASK() },
    'run-task-managed-ebs-volume': { instead: RUN_TASK() },
    'wait-for-task-stopped': { instead: RUN_TASK('wait, true by default'), accepts: 'false' },
    'service-managed-ebs-volume-name': {
        instead: SERVICE_DEFINITION('"volumeConfigurations": [{"name": …, "managedEBSVolume": {…}}]'),
    },
    'service-managed-ebs-volume': {
        instead: SERVICE_DEFINITION('"volumeConfigurations": [{"name": …, "managedEBSVolume": {…}}]'),
    },
    'enable-ecs-managed-tags': { instead: SERVICE_DEFINITION('"enableECSManagedTags": true') },
    'propagate-tags': { instead: SERVICE_DEFINITION('"propagateTags": "SERVICE"') },
    'keep-null-value-keys': {
        instead: 'ecs-deploy-wait registers the task definition file as written, empty values included, so there is nothing to keep: remove the input (and remove from the file any empty value ECS should not see).',
    },
    'max-retries': {
        instead: 'ecs-deploy-wait retries throttling and server errors itself, within timeout: remove the input (set timeout to bound the whole step).',
    },
};
/** Refuses, before anything runs, any unsupported stock input that is set, naming what to write instead. */
function refuseUnsupportedStockInputs(source) {
    for (const [name, { instead, accepts }] of Object.entries(UNSUPPORTED_STOCK_INPUTS)) {
        const value = (source(name) ?? '').trim();
        if (!value || value.toLowerCase() === accepts)
            continue;
        throw new src/* ConfigurationError */.j1(`Input "${name}" (${(0,src/* quoteValue */.cl)(value)}) of aws-actions/amazon-ecs-deploy-task-definition is not supported by ecs-deploy-wait, and nothing it asks for would happen. ${instead}`);
    }
    return source;
}

;// CONCATENATED MODULE: ./src/inputs.ts







/**
 * The inputs with the codedeploy-appspec file parsed and checked (still before any AWS call): the YAML parser is a
 * chunk of its own, loaded only when a file was given.
 */
async function withParsedAppSpec(inputs) {
    const source = inputs.codedeploy.appSpecSource;
    if (!source)
        return inputs;
    const { parseAppSpec } = await Promise.all(/* import() */[__nccwpck_require__.e(293), __nccwpck_require__.e(173)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9173));
    return { ...inputs, codedeploy: { ...inputs.codedeploy, appSpec: parseAppSpec(source.text, source.shown) } };
}
const PREFLIGHT_MODES = ['warn', 'fail', 'off'];
// arn:aws:ecs:us-east-1:123456789012:task-definition/family:3, or family:3 (what UpdateService accepts).
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
const FAMILY_REVISION = /^[A-Za-z0-9_-]{1,255}:\d+$/;
const BOOLEAN_WORDS = {
    true: 'true',
    True: 'true',
    TRUE: 'true',
    false: 'false',
    False: 'false',
    FALSE: 'false',
};
/**
 * The names aws-actions/amazon-ecs-deploy-task-definition gives these inputs. One with the same meaning is read as
 * its new name; one whose meaning differs fails with the form to write instead.
 */
const STOCK_ALIASES = [
    {
        alias: 'wait-for-service-stability',
        name: 'wait',
        default: 'true',
        toNew: (value) => {
            const word = BOOLEAN_WORDS[value];
            if (word === undefined)
                throw (0,src/* invalidInput */.aY)('wait-for-service-stability', value, 'must be a boolean', 'Use wait: true or wait: false.');
            return word;
        },
    },
    {
        alias: 'wait-for-minutes',
        name: 'timeout',
        default: '30m',
        toNew: (value) => {
            if (!/^[1-9]\d*$/.test(value)) {
                throw (0,src/* invalidInput */.aY)('wait-for-minutes', value, 'must be whole minutes, e.g. 30', 'Or write timeout: with a duration, e.g. 1h30m.');
            }
            return `${value}m`;
        },
    },
    {
        alias: 'wait-max-delay-seconds',
        name: 'poll-interval',
        default: '5s',
        toNew: (value) => {
            throw new src/* ConfigurationError */.j1(`Input "wait-max-delay-seconds" (${(0,src/* quoteValue */.cl)(value)}) is not read by ecs-deploy-wait: it does not back off, it asks ECS at a fixed interval (default 5s). Write poll-interval: ${/^\d+$/.test(value) ? `${value}s` : '15s'} for another interval.`);
        },
    },
];
/** The step's inputs, with the stock action's names read as ours (see STOCK_ALIASES). */
function deployInputReader(source = src/* runnerInputs */.ax) {
    return new src/* InputReader */.i_(withAliases(refuseUnsupportedStockInputs(source), STOCK_ALIASES));
}
/** Reads and validates every input, including the task definition file, before anything is changed. */
function readDeployInputs(input, workspace, runnerTemp) {
    const file = input.optionalString('task-definition');
    const arn = input.optionalString('task-definition-arn');
    if (file && arn) {
        throw new src/* ConfigurationError */.j1(`Inputs "task-definition" (${(0,src/* quoteValue */.cl)(file)}) and "task-definition-arn" (${(0,src/* quoteValue */.cl)(arn)}) are both set. Set only one: the rendered file to register, or the ARN of an existing revision to deploy.`);
    }
    if (!file && !arn) {
        throw new src/* ConfigurationError */.j1('Neither "task-definition" nor "task-definition-arn" is set. Set task-definition to the rendered file (e.g. the output of ecs-render-taskdef), or task-definition-arn to an existing revision.');
    }
    if (arn && !TASK_DEFINITION_ARN.test(arn) && !FAMILY_REVISION.test(arn)) {
        throw (0,src/* invalidInput */.aY)('task-definition-arn', arn, 'must be a task definition ARN or family:revision', 'Use e.g. arn:aws:ecs:us-east-1:123456789012:task-definition/my-app:42 or my-app:42.');
    }
    const cluster = input.string('cluster', 'default');
    const service = input.requiredString('service');
    const desiredCount = input.integer('desired-count', { min: 0 });
    const forceNewDeployment = input.boolean('force-new-deployment', false);
    const wait = input.boolean('wait', true);
    const { timeoutMs, pollIntervalMs } = input.waitTimes();
    const rollback = input.boolean('rollback', true);
    const skipUnchanged = input.boolean('skip-unchanged', false);
    const preflight = input.oneOf('preflight', PREFLIGHT_MODES, 'warn');
    const verify = input.oneOf('verify', src_verify.VERIFY_MODES, 'off');
    const dryRun = input.boolean('dry-run', false);
    const keepRevisions = input.integer('keep-revisions', { min: 1 });
    const keepTaskDefinitions = input.list('keep-task-definitions');
    const keepRevisionsGraceMs = input.duration('keep-revisions-grace', KEEP_REVISIONS_GRACE_DEFAULT, {
        min: 0,
        max: MAX_GRACE_MS,
    });
    // Both only shape keep-revisions' clean-up: set alone they would silently do nothing. The runner passes an input's
    // default (action.yml) when the step does not set it, so only a value other than the default was set on purpose.
    const defaults = {
        'keep-task-definitions': '',
        'keep-revisions-grace': KEEP_REVISIONS_GRACE_DEFAULT,
    };
    for (const [name, fallback] of Object.entries(defaults)) {
        const value = input.optionalString(name);
        if (keepRevisions === undefined && value && value !== fallback) {
            throw (0,src/* invalidInput */.aY)(name, value, 'applies only with keep-revisions, which is not set', `Set keep-revisions (how many of the family's newest revisions to keep), or remove ${name}.`);
        }
    }
    for (const kept of keepTaskDefinitions) {
        if (!TASK_DEFINITION_ARN.test(kept) && !FAMILY_REVISION.test(kept)) {
            throw (0,src/* invalidInput */.aY)('keep-task-definitions', kept, 'must list task definition ARNs or family:revision, one a line', 'Use e.g. arn:aws:ecs:us-east-1:123456789012:task-definition/my-app:42 or my-app:42.');
        }
    }
    const serviceDefinitionFile = input.optionalString('service-definition');
    const serviceDefinition = serviceDefinitionFile ? (0,read/* readServiceDefinition */.D)(serviceDefinitionFile, workspace) : undefined;
    if (serviceDefinition?.settings.desiredCount !== undefined && desiredCount !== undefined) {
        throw new src/* ConfigurationError */.j1(`Inputs "desired-count" (${desiredCount}) and "service-definition" (${(0,src/* quoteValue */.cl)(serviceDefinition.path)}, desiredCount ${serviceDefinition.settings.desiredCount}) both set the desired count. Set it in one place.`);
    }
    const createService = input.boolean('create-service', false);
    if (createService && !serviceDefinition) {
        throw new src/* ConfigurationError */.j1('Input "create-service" is true but "service-definition" is empty: a service is created from the service definition file (CreateService\'s shape, with networkConfiguration for an awsvpc task definition). Set service-definition, or create-service: false.');
    }
    const codedeploy = readCodeDeployInputs(input, cluster, service, workspace);
    const onPause = input.oneOf('on-pause', ON_PAUSE_MODES, 'wait');
    const taskDefinition = file
        ? { kind: 'file', ...(0,ecs/* readTaskDefinitionFile */.BD)(file, workspace, runnerTemp) }
        : { kind: 'arn', arn: arn ?? '' };
    return {
        taskDefinition,
        cluster,
        service,
        desiredCount,
        forceNewDeployment,
        wait,
        timeoutMs,
        pollIntervalMs,
        rollback,
        skipUnchanged,
        preflight,
        verify,
        dryRun,
        ...(serviceDefinition ? { serviceDefinition } : {}),
        ...(createService ? { createService } : {}),
        ...(keepRevisions !== undefined ? { keepRevisions } : {}),
        keepTaskDefinitions,
        keepRevisionsGraceMs,
        codedeploy,
        onPause,
    };
}
/** The last segment of a name or ARN (the stock action's default application and group names use the names). */
const nameOf = (value) => value.slice(value.lastIndexOf('/') + 1);
function readCodeDeployInputs(input, cluster, service, workspace) {
    const appSpecPath = input.optionalString('codedeploy-appspec');
    const description = input.optionalString('codedeploy-deployment-description');
    const deploymentConfig = input.optionalString('codedeploy-deployment-config');
    return {
        application: input.string('codedeploy-application', `AppECS-${nameOf(cluster)}-${nameOf(service)}`),
        deploymentGroup: input.string('codedeploy-deployment-group', `DgpECS-${nameOf(cluster)}-${nameOf(service)}`),
        ...(description ? { description } : {}),
        ...(deploymentConfig ? { deploymentConfig } : {}),
        ...(appSpecPath ? { appSpecSource: readAppSpecFile(appSpecPath, workspace) } : {}),
    };
}
/** The AppSpec file's text: inside the workspace (withParsedAppSpec checks it as CodeDeploy reads an ECS AppSpec). */
function readAppSpecFile(file, workspace) {
    const resolved = (0,src/* resolveInputPath */.qL)({
        input: 'codedeploy-appspec',
        value: file,
        roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
    });
    const text = (0,src/* readInputFile */.jH)('codedeploy-appspec', resolved, {
        maxBytes: MAX_FILE_BYTES,
        missingHint: `Set it to the path of the AppSpec file (YAML or JSON), relative to the workspace (${workspace}), e.g. appspec.yaml, or leave it empty to have one generated from the service's load balancer container and port.`,
    });
    return { text, shown: resolved.shown };
}
/** keep-revisions-grace when empty (action.yml's default); a step that passes 1h itself says nothing more. */
const KEEP_REVISIONS_GRACE_DEFAULT = '1h';
/** keep-revisions-grace at most: a week (a revision registered for a deploy is deployed within hours). */
const MAX_GRACE_MS = 7 * 24 * 3_600_000;
/** An AppSpec file larger than this is not one worth reading. */
const MAX_FILE_BYTES = 1024 * 1024;


/***/ }),

/***/ 9032:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ pauseOutputs)
/* harmony export */ });
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


/***/ }),

/***/ 4351:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  D: () => (/* binding */ readServiceDefinition)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 5 modules
var src = __nccwpck_require__(785);
;// CONCATENATED MODULE: ./src/service-definition/validate.ts
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value) => JSON.stringify(value)?.slice(0, 80) ?? String(value);
const integer = (min, max = 2_147_483_647) => (value, path) => Number.isInteger(value) && value >= min && value <= max
    ? []
    : [`${path} must be a whole number from ${min} to ${max}, got ${show(value)}`];
const validate_boolean = (value, path) => typeof value === 'boolean' ? [] : [`${path} must be true or false, got ${show(value)}`];
const validate_text = (value, path) => typeof value === 'string' && value !== '' ? [] : [`${path} must be a non-empty string, got ${show(value)}`];
const oneOf = (...allowed) => (value, path) => allowed.includes(value) ? [] : [`${path} must be one of ${allowed.join(', ')}, got ${show(value)}`];
const list = (item) => (value, path) => Array.isArray(value)
    ? value.flatMap((entry, i) => item(entry, `${path}[${i}]`))
    : [`${path} must be a list, got ${show(value)}`];
const anyObject = (value, path) => (isObject(value) ? [] : [`${path} must be an object, got ${show(value)}`]);
/** An object with known keys (`required` ones must be there); unknown keys are named with the closest known one. */
function shape(fields, required = []) {
    return (value, path) => {
        if (!isObject(value))
            return [`${path} must be an object, got ${show(value)}`];
        const problems = [];
        for (const key of required)
            if (!(key in value))
                problems.push(`${path}.${key} is required`);
        for (const [key, inner] of Object.entries(value)) {
            const check = fields[key];
            if (check)
                problems.push(...check(inner, `${path}.${key}`));
            else
                problems.push(unknownKey(`${path}.${key}`, key, Object.keys(fields)));
        }
        return problems;
    };
}
function unknownKey(path, key, known) {
    const close = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase()) ?? nearest(key, known);
    return `${path} is not a setting ECS knows${close ? ` (did you mean ${close}?)` : ''}`;
}
/** The known key at edit distance ≤ 2, if any. */
function nearest(key, known) {
    const distance = (a, b) => {
        const row = Array.from({ length: b.length + 1 }, (_, i) => i);
        for (let i = 1; i <= a.length; i++) {
            let previous = row[0] ?? 0;
            row[0] = i;
            for (let j = 1; j <= b.length; j++) {
                const kept = row[j] ?? 0;
                row[j] = Math.min(kept + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
                previous = kept;
            }
        }
        return row[b.length] ?? Number.POSITIVE_INFINITY;
    };
    return known.find((candidate) => distance(key, candidate) <= 2);
}
const DEPLOYMENT_CONFIGURATION = shape({
    maximumPercent: integer(0),
    minimumHealthyPercent: integer(0, 100),
    deploymentCircuitBreaker: shape({ enable: validate_boolean, rollback: validate_boolean }, ['enable', 'rollback']),
    alarms: shape({ alarmNames: list(validate_text), enable: validate_boolean, rollback: validate_boolean }, ['alarmNames', 'enable', 'rollback']),
    strategy: oneOf('ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'),
    bakeTimeInMinutes: integer(0, 1440),
    lifecycleHooks: list(anyObject),
    linearConfiguration: anyObject,
    canaryConfiguration: anyObject,
});
/** The keys a file may set, each with its check. */
const SETTINGS = {
    deploymentConfiguration: DEPLOYMENT_CONFIGURATION,
    networkConfiguration: shape({
        awsvpcConfiguration: shape({ subnets: list(validate_text), securityGroups: list(validate_text), assignPublicIp: oneOf('ENABLED', 'DISABLED') }, ['subnets']),
    }, ['awsvpcConfiguration']),
    serviceConnectConfiguration: shape({
        enabled: validate_boolean,
        namespace: validate_text,
        services: list(anyObject),
        logConfiguration: anyObject,
        accessLogConfiguration: anyObject,
    }, ['enabled']),
    loadBalancers: list(shape({
        targetGroupArn: validate_text,
        loadBalancerName: validate_text,
        containerName: validate_text,
        containerPort: integer(1, 65_535),
        advancedConfiguration: anyObject,
    })),
    desiredCount: integer(0),
    capacityProviderStrategy: list(shape({ capacityProvider: validate_text, weight: integer(0, 1000), base: integer(0, 100_000) }, ['capacityProvider'])),
    platformVersion: validate_text,
    healthCheckGracePeriodSeconds: integer(0),
    enableECSManagedTags: validate_boolean,
    propagateTags: oneOf('TASK_DEFINITION', 'SERVICE', 'NONE'),
    enableExecuteCommand: validate_boolean,
    volumeConfigurations: list(shape({ name: validate_text, managedEBSVolume: anyObject }, ['name'])),
    availabilityZoneRebalancing: oneOf('ENABLED', 'DISABLED'),
    placementConstraints: list(anyObject),
    placementStrategy: list(anyObject),
    serviceRegistries: list(anyObject),
    vpcLatticeConfigurations: list(anyObject),
};
/** CreateService keys UpdateService does not apply, and why (the fix is in the words). */
const NOT_BY_UPDATE = {
    serviceName: 'the service is the `service` input',
    cluster: 'the cluster is the `cluster` input',
    taskDefinition: 'the task definition is the `task-definition` or `task-definition-arn` input',
    launchType: 'UpdateService cannot change a launch type; a capacityProviderStrategy can replace it',
    schedulingStrategy: 'it is set when the service is created and cannot change',
    role: 'the service role is set when the service is created and cannot change',
    clientToken: 'it is for CreateService only',
    tags: 'UpdateService does not change tags; tag the service with TagResource',
    deploymentController: 'this step follows the deployment with the follower of the current controller; change the controller outside a deploy',
    forceNewDeployment: 'it is the `force-new-deployment` input',
};
/** The settings of a parsed file, or every problem found (each a sentence naming the key). */
function validateServiceDefinition(json) {
    if (!isObject(json))
        return { problems: ['it is not a JSON object'] };
    const problems = [];
    for (const [key, value] of Object.entries(json)) {
        const check = SETTINGS[key];
        if (check)
            problems.push(...check(value, key));
        else if (key in NOT_BY_UPDATE)
            problems.push(`${key} has no effect on UpdateService: ${NOT_BY_UPDATE[key]}`);
        else
            problems.push(unknownKey(key, key, Object.keys(SETTINGS)));
    }
    if (Object.keys(json).length === 0)
        problems.push('it sets nothing');
    return problems.length > 0 ? { problems } : { settings: json };
}

;// CONCATENATED MODULE: ./src/service-definition/read.ts
/** Reads the `service-definition` file: inside the workspace, strict JSON (no key twice), then validated. */


const MAX_FILE_BYTES = 256 * 1024;
function readServiceDefinition(file, workspace) {
    const resolved = (0,src/* resolveInputPath */.qL)({
        input: 'service-definition',
        value: file,
        roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
    });
    const text = (0,src/* readInputFile */.jH)('service-definition', resolved, {
        maxBytes: MAX_FILE_BYTES,
        missingHint: `Set it to the path of the service definition JSON, relative to the workspace (${workspace}), e.g. ecs/service-definition.json.`,
    });
    const parsed = (0,src/* parseJsonText */.lk)(text);
    if (!parsed.ok) {
        throw new src/* ConfigurationError */.j1((0,src/* jsonProblemMessage */.v5)('service-definition', resolved.shown, parsed.problem));
    }
    const result = validateServiceDefinition(parsed.value);
    if ('problems' in result) {
        throw new src/* ConfigurationError */.j1(`Input "service-definition": ${(0,src/* quoteValue */.cl)(file)} is not a service definition ECS can apply with UpdateService:\n${result.problems.map((problem) => `- ${problem}`).join('\n')}\nWrite the settings in CreateService's shape (e.g. {"desiredCount": 2, "deploymentConfiguration": {"maximumPercent": 200}}); see the README's "Service settings as code".`);
    }
    return { path: file, settings: result.settings };
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
  nV: () => (/* binding */ createAwsClient),
  a1: () => (/* binding */ requestTimeoutWithin)
});

// UNUSED EXPORTS: AWS_CONNECTION_TIMEOUT_MS, AWS_MIN_REQUEST_TIMEOUT_MS, AWS_REQUEST_TIMEOUT_MS, awsClientConfig

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

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ AwsRetriesExhaustedError),
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   Ni: () => (/* binding */ explainAwsError),
/* harmony export */   Pd: () => (/* binding */ isUnavailable),
/* harmony export */   Ts: () => (/* binding */ CancelledWriteError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   i5: () => (/* binding */ NoAnswerError),
/* harmony export */   iQ: () => (/* binding */ AwsCallError),
/* harmony export */   rV: () => (/* binding */ isAbort)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6743);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9179);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(637);
/**
 * AWS errors sorted into what to do about them. Throttling and 5xx are transient (retried); denied access,
 * bad credentials and missing resources fail at once, naming the IAM action or the resource.
 */



const shape = (error) => (typeof error === 'object' && error !== null ? error : {});
function errorCode(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return error.code;
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorCode */ .J6)(error);
}
const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNRESET', 'ECONNREFUSED']);
/** Throttling, 5xx and dropped connections: worth trying again. */
function isTransient(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return true;
    const e = shape(error);
    const code = errorCode(error);
    if (_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .THROTTLING_CODES */ .Jr.has(code) || NETWORK.has(code) || e.code === 'ECONNRESET')
        return true;
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccessError */ .Pq)(error))
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
        (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccessDenied */ .w7)(error) ||
        shape(error).$metadata?.httpStatusCode === 404);
}
function isAbort(error) {
    const code = errorCode(error);
    return code === 'AbortError' || shape(error).code === 'ABORT_ERR';
}
/** An AWS call that failed for a reason the user has to fix: no stack trace, the action or resource named. */
class AwsCallError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1 {
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
        super(`${operation.includes(':') ? operation : `ecs:${operation}`} did not answer within ${(0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(waitedMs)}`);
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
    const detail = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .sentence */ .em)((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
    const action = `ecs:${context.operation}`;
    if (isTransient(error)) {
        return new AwsRetriesExhaustedError(`${action} failed with ${code} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}) after the AWS SDK's retries; AWS is throttling or failing in ${context.region}, try again later.`, code, (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
    }
    const where = `in region ${context.region}`;
    const access = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainAccessError */ .Qz)(error, { action, region: context.region });
    if (access)
        return new AwsCallError(access.message, code, context.operation);
    if (code === 'ClusterNotFoundException') {
        return new AwsCallError(`Cluster "${context.cluster}" was not found ${where} (${action}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}). Check the cluster input and AWS_REGION.`, code, context.operation);
    }
    if (code === 'ServiceNotFoundException' || code === 'ServiceNotActiveException') {
        return new AwsCallError(`Service "${context.service}" was not found or is not active in cluster "${context.cluster}" ${where} (${action}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}). Check the service and cluster inputs and AWS_REGION.`, code, context.operation);
    }
    if (code === 'ClientException' || code === 'InvalidParameterException') {
        return new AwsCallError(`${action} refused the request (${code}): ${detail}`, code, context.operation);
    }
    const wrapped = new Error(`${action} failed (${code}): ${detail}`);
    if (error instanceof Error && error.stack)
        wrapped.stack = `${wrapped.message}\n${error.stack}`;
    return wrapped;
}


/***/ }),

/***/ 3043:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ EcsCallSession),
/* harmony export */   m: () => (/* binding */ CHECK_TIMEOUT_MS)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6153);

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
            throw (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainAwsError */ .Ni)(error, { operation, ...this.target(), region: this.deps.region });
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
                throw new _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NoAnswerError */ .i5(operation, Math.max(0, withinMs ?? 0));
            throw error;
        }
    }
}


/***/ }),

/***/ 9530:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iQ: () => (/* reexport */ aws_errors/* AwsCallError */.iQ),
  B1: () => (/* reexport */ aws_errors/* AwsRetriesExhaustedError */.B1),
  mw: () => (/* reexport */ call_session/* CHECK_TIMEOUT_MS */.m),
  Ts: () => (/* reexport */ aws_errors/* CancelledWriteError */.Ts),
  IW: () => (/* reexport */ call_session/* EcsCallSession */.I),
  Vp: () => (/* reexport */ LOG_LINES_SHOWN),
  i5: () => (/* reexport */ aws_errors/* NoAnswerError */.i5),
  rk: () => (/* reexport */ write_once/* UnknownOutcomeError */.rk),
  AB: () => (/* reexport */ awslogsConfigs),
  gJ: () => (/* reexport */ write_once/* certainlyNotApplied */.gJ),
  WJ: () => (/* reexport */ containerLogsMarkdown),
  n2: () => (/* reexport */ diffTaskDefinitions),
  CA: () => (/* reexport */ aws_errors/* errorCode */.CA),
  ml: () => (/* reexport */ formatContainerLogs),
  Vs: () => (/* reexport */ formatDiff),
  K9: () => (/* reexport */ taskdef/* imageVersion */.K9),
  IC: () => (/* reexport */ taskdef/* imagesOf */.IC),
  rV: () => (/* reexport */ aws_errors/* isAbort */.rV),
  dg: () => (/* reexport */ aws_errors/* isTransient */.dg),
  Pd: () => (/* reexport */ aws_errors/* isUnavailable */.Pd),
  EP: () => (/* reexport */ lastLogLines),
  aM: () => (/* reexport */ logStreamOf),
  qr: () => (/* reexport */ logsClients),
  FO: () => (/* reexport */ logsReadProblem),
  oO: () => (/* reexport */ noPrefixNote),
  BD: () => (/* reexport */ readTaskDefinitionFile),
  JL: () => (/* reexport */ taskdef/* sameTaskDefinition */.JL),
  P5: () => (/* reexport */ taskdef/* shortTaskDefinition */.P5),
  Fq: () => (/* reexport */ write_once/* writeOnce */.Fq)
});

// UNUSED EXPORTS: WRITE_ATTEMPTS, diffTable, explainAwsError, getLogEvents, linesOf, normalizeTaskDefinition, toRegisterRequest

// EXTERNAL MODULE: ../../packages/core/src/ecs/aws-errors.ts
var aws_errors = __nccwpck_require__(6153);
// EXTERNAL MODULE: ../../packages/core/src/ecs/call-session.ts
var call_session = __nccwpck_require__(3043);
// EXTERNAL MODULE: ../../packages/core/src/aws.ts + 1 modules
var aws = __nccwpck_require__(1099);
// EXTERNAL MODULE: ../../packages/core/src/aws-errors.ts
var src_aws_errors = __nccwpck_require__(6743);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(9179);
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
    if ((0,src_aws_errors/* isAccessDenied */.w7)(error)) {
        return { note: `logs:GetLogEvents was denied on ${where} (${config.region}): ${notShown}`, wholeGroup: true };
    }
    if ((0,aws_errors/* errorCode */.CA)(error) === 'ResourceNotFoundException' && /log group/i.test((0,errors/* errorMessage */.gJ)(error))) {
        return { note: `${where} was not found (${config.region}): ${notShown}`, wholeGroup: true };
    }
    if ((0,aws_errors/* errorCode */.CA)(error) === 'ResourceNotFoundException') {
        return {
            note: `log stream ${stream} was not found in ${where} (${config.region}): ${notShown}`,
            wholeGroup: false,
        };
    }
    if (error instanceof aws_errors/* NoAnswerError */.i5) {
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
            throw new aws_errors/* NoAnswerError */.i5('logs:GetLogEvents', options.withinMs);
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
// EXTERNAL MODULE: ../../packages/core/src/task-definition.ts
var task_definition = __nccwpck_require__(5027);
// EXTERNAL MODULE: ../../packages/core/src/workspace-path.ts
var workspace_path = __nccwpck_require__(9239);
// EXTERNAL MODULE: ../../packages/core/src/ecs/taskdef.ts
var taskdef = __nccwpck_require__(7556);
;// CONCATENATED MODULE: ../../packages/core/src/ecs/task-definition-file.ts
/**
 * The input "task-definition": a rendered task definition file (ecs-render-taskdef's output, or one kept in git),
 * read and validated before any AWS call. ecs-deploy-wait and ecs-run-task read it the same way.
 */





/** A task definition file larger than this cannot be one ECS accepts, however it is indented. */
const MAX_FILE_BYTES = 1024 * 1024;
/**
 * Reads the task definition file: inside the workspace or RUNNER_TEMP (where ecs-render-taskdef writes), strict
 * JSON (no key twice), no larger than ECS accepts. Errors never show the file's content.
 */
function readTaskDefinitionFile(file, workspace, runnerTemp) {
    const resolved = (0,workspace_path/* resolveInputPath */.qL)({
        input: 'task-definition',
        value: file,
        roots: [
            { name: 'GITHUB_WORKSPACE', dir: workspace },
            ...(runnerTemp ? [{ name: 'RUNNER_TEMP', dir: runnerTemp }] : []),
        ],
    });
    const text = (0,workspace_path/* readInputFile */.jH)('task-definition', resolved, {
        maxBytes: MAX_FILE_BYTES,
        missingHint: `Set it to the path of the rendered task definition JSON, relative to the workspace (${workspace}), e.g. the task-definition output of ecs-render-taskdef.`,
    });
    const parsed = (0,json_text/* parseJsonText */.lk)(text);
    if (!parsed.ok)
        throw new errors/* ConfigurationError */.j1((0,json_text/* jsonProblemMessage */.v5)('task-definition', resolved.shown, parsed.problem));
    const result = (0,taskdef/* toRegisterRequest */.wu)(parsed.value);
    if ('problem' in result) {
        throw new errors/* ConfigurationError */.j1(`Input "task-definition": ${(0,errors/* quoteValue */.cl)(file)} ${result.problem}, so it is not a task definition. Use a RegisterTaskDefinition input or DescribeTaskDefinition output (also {"taskDefinition": …}).`);
    }
    const tooLarge = (0,task_definition/* taskDefinitionSizeProblem */.xF)(result.request, `Input "task-definition": the task definition in ${(0,errors/* quoteValue */.cl)(resolved.shown)}`);
    if (tooLarge)
        throw new errors/* ConfigurationError */.j1(tooLarge);
    return { path: file, rendered: result };
}

;// CONCATENATED MODULE: ../../packages/core/src/ecs/taskdef-diff.ts
/**
 * What changes between two task definitions (register-input form), setting by setting: ecs-render-taskdef's summary
 * and ecs-deploy-wait's dry-run plan. Secret values are never shown.
 */

function isObject(value) {
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
        if (isObject(item) && typeof item.name === 'string')
            map.set(item.name, String(item[field] ?? ''));
    }
    return map;
}
function mapValues(map) {
    const result = new Map();
    if (!isObject(map))
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
        changes.push(...compareMaps(scope, 'environment', namedValues(old.environment, 'value'), namedValues(container.environment, 'value')), ...compareMaps(scope, 'secret', namedValues(old.secrets, 'valueFrom'), namedValues(container.secrets, 'valueFrom'), true), ...compareMaps(scope, 'docker label', mapValues(old.dockerLabels), mapValues(container.dockerLabels)), ...compareMaps(scope, 'log option', mapValues(isObject(old.logConfiguration) ? old.logConfiguration.options : undefined), mapValues(isObject(container.logConfiguration) ? container.logConfiguration.options : undefined)));
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

// EXTERNAL MODULE: ../../packages/core/src/ecs/write-once.ts
var write_once = __nccwpck_require__(7805);
;// CONCATENATED MODULE: ../../packages/core/src/ecs/index.ts
// What the ECS actions share (ecs-deploy-wait, ecs-run-task): calling ECS, the task definition file, the containers'
// log lines. A subpath of its own, so that the actions without ECS do not bundle it. Nothing here loads the ECS SDK
// (type imports only): an action's entry reads its inputs with it before the SDK is loaded. The registration,
// which does, is `@ecs-actions/core/ecs/register`.









/***/ }),

/***/ 7556:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IC: () => (/* binding */ imagesOf),
/* harmony export */   JL: () => (/* binding */ sameTaskDefinition),
/* harmony export */   K9: () => (/* binding */ imageVersion),
/* harmony export */   P5: () => (/* binding */ shortTaskDefinition),
/* harmony export */   wu: () => (/* binding */ toRegisterRequest)
/* harmony export */ });
/* unused harmony export normalizeTaskDefinition */
/* harmony import */ var _task_definition_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5027);

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * Turns parsed JSON into a RegisterTaskDefinition input. Returns a problem description (for the error
 * message) when the JSON is not a task definition.
 */
function toRegisterRequest(json) {
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
        if (_task_definition_js__WEBPACK_IMPORTED_MODULE_0__/* .DESCRIBE_ONLY_FIELDS */ .n7.includes(key))
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
        if (_task_definition_js__WEBPACK_IMPORTED_MODULE_0__/* .DESCRIBE_ONLY_FIELDS */ .n7.includes(key) || key === 'tags')
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


/***/ }),

/***/ 7805:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ writeOnce),
/* harmony export */   gJ: () => (/* binding */ certainlyNotApplied),
/* harmony export */   rk: () => (/* binding */ UnknownOutcomeError)
/* harmony export */ });
/* unused harmony export WRITE_ATTEMPTS */
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6743);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9179);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6153);
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
class UnknownOutcomeError extends _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswerError */ .i5 {
    constructor(operation, reason) {
        super(operation, 0);
        this.message = `${operation.includes(':') ? operation : `ecs:${operation}`} lost its answer, and whether it took effect could not be found out (${reason}); it was not sent again`;
    }
}
/** AWS refused the call before doing anything: it certainly did not take effect. */
const certainlyNotApplied = (error) => _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .THROTTLING_CODES */ .Jr.has((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error));
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
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAbort */ .rV)(error) || session.cancelled)
                throw error;
            const unanswered = error instanceof _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NoAnswerError */ .i5;
            if (unanswered ? !spec.retryUnanswered : !(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(error))
                throw error;
            if (attempt >= WRITE_ATTEMPTS)
                throw error;
            unsure = !certainlyNotApplied(error);
            const backoff = WRITE_BACKOFF_MS * 2 ** (attempt - 1);
            log.warning(unsure
                ? `${name} attempt ${attempt}/${WRITE_ATTEMPTS} got no usable answer (${unanswered ? 'no answer in time' : (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error)}); looking whether it took effect before trying again in ${backoff / 1000}s.`
                : `${name} attempt ${attempt}/${WRITE_ATTEMPTS} was refused (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error)}) before taking effect; trying again in ${backoff / 1000}s.`);
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
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAbort */ .rV)(error) || session.cancelled)
                throw error;
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(error) || look >= WRITE_ATTEMPTS) {
                throw new UnknownOutcomeError(spec.operation, (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
            }
            await deps.sleep(WRITE_BACKOFF_MS * 2 ** (look - 1), deps.signal);
        }
    }
}


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

/***/ 4287:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseImageRef)
/* harmony export */ });
/* unused harmony exports repositoryOf, pinnedRef */
/**
 * Docker image references, by the grammar of distribution/reference:
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component ( "/" path-component )*
 *   path-component := [a-z0-9]+ ( ( [_.] | "__" | "-"+ ) [a-z0-9]+ )*
 *   tag       := [\w][\w.-]{0,127}
 * The digest is limited to what ECS and ECR use: `sha256:` and 64 lowercase hex digits.
 */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;
const NAME_MAX = 255;
function isDomain(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}
function validDomain(domain) {
    const ipv6 = /^\[[0-9A-Fa-f:.]+\](?::\d+)?$/;
    if (ipv6.test(domain))
        return true;
    const [host = '', port, ...extra] = domain.split(':');
    if (extra.length > 0)
        return false;
    if (port !== undefined && !/^\d+$/.test(port))
        return false;
    return host.split('.').every((part) => DOMAIN_COMPONENT.test(part));
}
function parseImageRef(text) {
    if (text === '')
        return { ok: false, reason: 'is empty' };
    if (/\s/.test(text))
        return { ok: false, reason: 'contains whitespace' };
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest)) {
            return { ok: false, reason: `has the digest ${JSON.stringify(digest)}, not sha256: and 64 lowercase hex digits` };
        }
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag)) {
            return {
                ok: false,
                reason: `has the tag ${JSON.stringify(tag)}; a tag is 1 to 128 of [A-Za-z0-9_.-] and does not start with "." or "-"`,
            };
        }
    }
    if (rest.length > NAME_MAX)
        return { ok: false, reason: `has a name longer than ${NAME_MAX} characters` };
    const parts = rest.split('/');
    let domain;
    if (parts.length > 1 && isDomain(parts[0] ?? '')) {
        domain = parts.shift();
        if (domain === undefined || !validDomain(domain)) {
            return { ok: false, reason: `has the registry ${JSON.stringify(domain)}, which is not a host name[:port]` };
        }
    }
    const bad = parts.find((part) => !PATH_COMPONENT.test(part));
    if (bad !== undefined) {
        return {
            ok: false,
            reason: bad === ''
                ? 'has an empty repository path component'
                : `has the repository path component ${JSON.stringify(bad)}; components are lowercase letters and digits, separated by ".", "_", "__" or "-"`,
        };
    }
    const path = parts.join('/');
    const ecrMatch = domain === undefined ? null : ECR_HOST.exec(domain);
    const ecr = ecrMatch?.[1] && ecrMatch[2] ? { account: ecrMatch[1], region: ecrMatch[2], repository: path } : undefined;
    return { ok: true, ref: { text, domain, path, tag, digest, ecr } };
}
/** `domain/path` without tag or digest. */
function repositoryOf(ref) {
    return ref.domain === undefined ? ref.path : `${ref.domain}/${ref.path}`;
}
/** The reference pinned to a digest: `domain/path@sha256:…` (the tag goes, the digest says it all). */
function pinnedRef(ref, digest) {
    return `${repositoryOf(ref)}@${digest}`;
}


/***/ }),

/***/ 785:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  nI: () => (/* reexport */ outputs/* CONTROL_CHARACTERS */.nI),
  j1: () => (/* reexport */ errors/* ConfigurationError */.j1),
  i_: () => (/* reexport */ inputs/* InputReader */.i_),
  Ue: () => (/* reexport */ aws/* awsRegion */.Ue),
  nV: () => (/* reexport */ aws/* createAwsClient */.nV),
  gJ: () => (/* reexport */ errors/* errorMessage */.gJ),
  Qz: () => (/* reexport */ aws_errors/* explainAccessError */.Qz),
  a3: () => (/* reexport */ inputs/* formatDuration */.a3),
  aY: () => (/* reexport */ errors/* invalidInput */.aY),
  iF: () => (/* reexport */ jobCancelSignal),
  v5: () => (/* reexport */ json_text/* jsonProblemMessage */.v5),
  Rm: () => (/* reexport */ log_namespaceObject),
  UZ: () => (/* reexport */ outputs/* markdownCell */.UZ),
  D9: () => (/* reexport */ outputs/* markdownCode */.D9),
  Qj: () => (/* reexport */ outputs/* markdownTable */.Qj),
  p7: () => (/* reexport */ outputs/* markdownText */.p7),
  g6: () => (/* reexport */ mermaidGantt),
  lk: () => (/* reexport */ json_text/* parseJsonText */.lk),
  wt: () => (/* reexport */ poll),
  cl: () => (/* reexport */ errors/* quoteValue */.cl),
  jH: () => (/* reexport */ workspace_path/* readInputFile */.jH),
  bZ: () => (/* reexport */ realSleep),
  a1: () => (/* reexport */ aws/* requestTimeoutWithin */.a1),
  qL: () => (/* reexport */ workspace_path/* resolveInputPath */.qL),
  Cs: () => (/* reexport */ runAction),
  ax: () => (/* reexport */ inputs/* runnerInputs */.ax),
  em: () => (/* reexport */ aws_errors/* sentence */.em),
  n0: () => (/* reexport */ outputs/* setOutputs */.n0),
  ml: () => (/* reexport */ systemClock),
  Sy: () => (/* reexport */ outputs/* writeSummary */.Sy)
});

// UNUSED EXPORTS: DESCRIBE_ONLY_FIELDS, ECS_ACTIONS_VERSION, MERMAID_GANTT_MAX_TASKS, MERMAID_LABEL_MAX, ManualClock, StepState, TASK_DEFINITION_MAX_BYTES, THROTTLING_CODES, awsClientConfig, awsErrorCode, displayPath, formatJson, inOrder, inputEnvName, inputsFrom, isAccessDenied, isAccessError, keepRawResponse, locateJsonError, mermaidText, parseDuration, parseInteger, plainTextEcho, rawMember, reportFailure, runner, runnerLines, sendAsWritten, taskDefinitionBytes, taskDefinitionSizeProblem, wireBody, writePlainText

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
/* harmony export */   ax: () => (/* binding */ runnerInputs),
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports inputEnvName, inputsFrom, MAX_WAIT_TIMEOUT_MS, MIN_POLL_INTERVAL_MS, parseInteger, parseDuration */
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

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   lk: () => (/* binding */ parseJsonText),
/* harmony export */   v5: () => (/* binding */ jsonProblemMessage)
/* harmony export */ });
/* unused harmony exports locateJsonError, formatJson */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9179);

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
    const where = `Input "${input}": ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(shownPath)}`;
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
                throw new Stop(`the key ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(key)} twice in one object (first at line ${position(text, first).line})`, keyStart, 'duplicate-key');
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

/***/ 5027:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   n7: () => (/* binding */ DESCRIBE_ONLY_FIELDS),
/* harmony export */   xF: () => (/* binding */ taskDefinitionSizeProblem)
/* harmony export */ });
/* unused harmony exports TASK_DEFINITION_MAX_BYTES, taskDefinitionBytes */
/**
 * Fields that DescribeTaskDefinition returns but RegisterTaskDefinition rejects (ECS API reference,
 * TaskDefinition vs RegisterTaskDefinition request syntax). Every other field is a register parameter.
 */
const DESCRIBE_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
];
/**
 * ECS refuses a RegisterTaskDefinition request whose task definition is larger than 64 KiB (Amazon ECS service
 * quota "Task definition size": 64 KiB, not adjustable).
 */
const TASK_DEFINITION_MAX_BYTES = 64 * 1024;
/** The size ECS counts, as near as a client can tell: the register input as compact JSON, in UTF-8 bytes. */
function taskDefinitionBytes(registerInput) {
    return Buffer.byteLength(JSON.stringify(registerInput), 'utf8');
}
/**
 * Undefined when the task definition fits, else the sentence for the error: the size, the limit and what to do.
 * `what` names the task definition: `the task definition rendered from "td.json"`.
 */
function taskDefinitionSizeProblem(registerInput, what) {
    const bytes = taskDefinitionBytes(registerInput);
    if (bytes <= TASK_DEFINITION_MAX_BYTES)
        return undefined;
    return `${what} is ${bytes} bytes as compact JSON, over the 64 KiB (${TASK_DEFINITION_MAX_BYTES} bytes) that ECS accepts for one task definition (service quota "Task definition size", not adjustable). Make it smaller: move long values into environmentFiles (S3) or secrets (SSM Parameter Store, Secrets Manager), or split the containers across services.`;
}


/***/ }),

/***/ 273:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ lazyVerifyClients)
/* harmony export */ });
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1099);
/**
 * The clients verify reads with, for an action's entry: each created on first use, and its SDK loaded only then (a
 * chunk of its own), so a step that does not verify, or verifies a task definition without secrets, loads none of
 * them. The action passes the CloudWatch Logs (and ECR) clients it already keeps, so they are shared.
 */

function lazyVerifyClients(region, shared) {
    const created = [];
    const perRegion = (create) => {
        const clients = new Map();
        return (clientRegion) => {
            let client = clients.get(clientRegion);
            if (!client) {
                client = create(clientRegion);
                clients.set(clientRegion, client);
                created.push(client);
            }
            return client;
        };
    };
    // Reads: two attempts each, as the preflight's; verify's budget bounds them all.
    const options = (clientRegion) => ({ region: clientRegion, maxAttempts: 2 });
    const iam = perRegion((r) => Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(742)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5742, 19)).then(({ IAMClient }) => (0,_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(IAMClient, options(r))));
    const clients = {
        iam: () => iam(region),
        ssm: perRegion((r) => Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(682)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4682, 19)).then(({ SSMClient }) => (0,_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(SSMClient, options(r)))),
        secretsManager: perRegion((r) => Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(474)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4474, 19)).then(({ SecretsManagerClient }) => (0,_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(SecretsManagerClient, options(r)))),
        logs: shared.logs,
        ecr: shared.ecr ??
            perRegion((r) => Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(613)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8613, 19)).then(({ ECRClient }) => (0,_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECRClient, options(r)))),
    };
    return {
        clients,
        async destroy() {
            for (const client of created)
                (await client.catch(() => undefined))?.destroy();
        },
    };
}


/***/ }),

/***/ 5674:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  VERIFY_BUDGET_MS: () => (/* binding */ VERIFY_BUDGET_MS),
  VERIFY_MODES: () => (/* binding */ VERIFY_MODES),
  platformsOf: () => (/* reexport */ platformsOf),
  trustsEcsTasks: () => (/* reexport */ trustsEcsTasks),
  verifyLine: () => (/* binding */ verifyLine),
  verifyTaskDefinition: () => (/* binding */ verifyTaskDefinition)
});

// EXTERNAL MODULE: ../../packages/core/src/image-ref.ts
var image_ref = __nccwpck_require__(4287);
// EXTERNAL MODULE: ../../packages/core/src/aws-errors.ts
var aws_errors = __nccwpck_require__(6743);
// EXTERNAL MODULE: ../../packages/core/src/errors.ts
var errors = __nccwpck_require__(9179);
;// CONCATENATED MODULE: ../../packages/core/src/verify/read.ts
/**
 * Verify's reads: each within the verify time budget and the job's cancel signal; a read that is denied or fails
 * is one note (the permission and what it left unchecked), never a failure of the step.
 */


class VerifyReads {
    options;
    count = 0;
    deadline;
    /** Failed reads by permission and error: one note each, naming everything they left unchecked. */
    failed = new Map();
    constructor(options) {
        this.options = options;
        this.deadline = Date.now() + options.budgetMs;
    }
    /** One line per permission that failed, e.g. `Could not check A, B: iam:GetRole failed with AccessDenied (…).` */
    get notes() {
        return [...this.failed.values()].map(({ permission, code, detail, unchecked }) => `Could not check ${unchecked.join(', ')}: ${permission} failed with ${code || 'an error'} (${detail}).`);
    }
    /** One read, as the SDK's `send` options take it; undefined (and a note) when it fails. */
    async attempt(permission, unchecked, read, expected) {
        this.count += 1;
        const signals = [AbortSignal.timeout(Math.max(1, this.deadline - Date.now()))];
        if (this.options.signal)
            signals.push(this.options.signal);
        try {
            return await read({ abortSignal: AbortSignal.any(signals) });
        }
        catch (error) {
            if (this.options.signal?.aborted)
                throw error;
            // An answer the check reads (a role or secret that does not exist) is not a failed read.
            if (expected?.(error))
                return { error };
            const code = (0,aws_errors/* awsErrorCode */.J6)(error);
            const key = `${permission} ${code}`;
            const note = this.failed.get(key) ?? { permission, code, detail: oneLine((0,errors/* errorMessage */.gJ)(error)), unchecked: [] };
            note.unchecked.push(unchecked);
            this.failed.set(key, note);
            return undefined;
        }
    }
}
/** Whether an attempt's answer is an expected error. */
function isExpectedError(answer) {
    return typeof answer === 'object' && answer !== null && 'error' in answer && Object.keys(answer).length === 1;
}
/**
 * AWS text in one line (a note never starts with it), without the legacy `##[` command the runner reads anywhere
 * in a line.
 */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').replace(/##\[/g, '# #[').slice(0, 300);
}
const codeOf = aws_errors/* awsErrorCode */.J6;
/** The ARN partition of a region: the China and GovCloud regions have their own. */
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/images.ts
/**
 * Every ECR image exists (ecr:BatchGetImage, by digest where pinned) and is built for the task definition's
 * `runtimePlatform` (default LINUX / X86_64): a multi-platform image (an image index or manifest list) offers it, a
 * single-platform image's config blob names it (image-config.ts). The execution role's pull permissions are needs for
 * the simulation. Images outside ECR are not read.
 */


const ACCEPTED = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];
/** ECS names of architectures and operating systems, and the OCI ones. */
const ARCHITECTURE = { X86_64: 'amd64', ARM64: 'arm64' };
async function checkImages(target, clients, reads) {
    const images = new Map();
    for (const container of target.taskDefinition.containerDefinitions ?? []) {
        const parsed = (0,image_ref/* parseImageRef */.Q)(container.image ?? '');
        if (!parsed.ok || !parsed.ref.ecr)
            continue;
        const entry = images.get(parsed.ref.text) ?? { ref: parsed.ref, containers: [] };
        entry.containers.push(container.name ?? '?');
        images.set(parsed.ref.text, entry);
    }
    const os = (target.taskDefinition.runtimePlatform?.operatingSystemFamily ?? 'LINUX').startsWith('WINDOWS')
        ? 'windows'
        : 'linux';
    const cpu = target.taskDefinition.runtimePlatform?.cpuArchitecture ?? 'X86_64';
    const wanted = { os, architecture: ARCHITECTURE[cpu] ?? cpu.toLowerCase() };
    const results = await Promise.all([...images.values()].map(({ ref, containers }) => checkImage(ref, containers, wanted, clients, reads)));
    const needs = [];
    if (images.size > 0) {
        needs.push({
            action: 'ecr:GetAuthorizationToken',
            resource: '*',
            purpose: 'log in to ECR',
            implicitDenyIsCertain: true,
        });
    }
    for (const { ref } of images.values()) {
        const ecr = ref.ecr;
        if (!ecr)
            continue;
        const repositoryArn = `arn:${partitionOf(ecr.region)}:ecr:${ecr.region}:${ecr.account}:repository/${ecr.repository}`;
        for (const action of ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']) {
            // A repository policy may allow the pull the role's own policies do not.
            needs.push({ action, resource: repositoryArn, purpose: `pull ${ref.text}`, implicitDenyIsCertain: false });
        }
    }
    return { findings: results.flat(), needs: dedupe(needs) };
}
async function checkImage(ref, containers, wanted, clients, reads) {
    const ecr = ref.ecr;
    if (!ecr)
        return [];
    const { BatchGetImageCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(613)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8613, 19));
    const client = await clients.ecr(ecr.region);
    const imageId = ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
    const answer = await reads.attempt('ecr:BatchGetImage', `image ${ref.text}`, (options) => client.send(new BatchGetImageCommand({
        registryId: ecr.account,
        repositoryName: ecr.repository,
        imageIds: [imageId],
        acceptedMediaTypes: ACCEPTED,
    }), options), (error) => codeOf(error) === 'RepositoryNotFoundException');
    const used = `container${containers.length === 1 ? '' : 's'} ${containers.join(', ')}`;
    if (answer === undefined)
        return [];
    const image = isExpectedError(answer) ? undefined : answer.images?.[0];
    if (!image) {
        const code = isExpectedError(answer)
            ? 'RepositoryNotFound'
            : (answer.failures?.[0]?.failureCode ?? 'ImageNotFound');
        if (code === 'RepositoryNotFound' || code === 'ImageNotFound' || code === 'ImageTagDoesNotMatchDigest') {
            return [
                {
                    check: 'image-missing',
                    what: `image ${ref.text} (${used}) is not in ECR (${code})`,
                    why: 'each task stops with "CannotPullContainerError" and the deployment fails',
                    fix: 'push the image first, or deploy a tag or digest that exists (a lifecycle policy may have expired it)',
                    certain: true,
                },
            ];
        }
        return [];
    }
    // A single image: its config names the platform (read by a chunk of its own).
    const platforms = platformsOf(image.imageManifest) ??
        (await __nccwpck_require__.e(/* import() */ 470).then(__nccwpck_require__.bind(__nccwpck_require__, 3470))
            .then(({ configPlatform }) => configPlatform(ref, image.imageManifest, clients, reads))
            .then((platform) => platform && [platform]));
    if (platforms && !platforms.some((p) => p.os === wanted.os && p.architecture === wanted.architecture)) {
        return [
            {
                check: 'image-platform',
                what: `image ${ref.text} (${used}) is built for ${platforms.map((p) => `${p.os}/${p.architecture}`).join(', ') || 'no platform'}; the task runs on ${wanted.os}/${wanted.architecture}`,
                why: `each task stops with "CannotPullContainerError: image Manifest does not contain descriptor matching platform '${wanted.os}/${wanted.architecture}'"`,
                fix: `build the image for ${wanted.os}/${wanted.architecture} (docker buildx build --platform ${wanted.os}/${wanted.architecture}), or set runtimePlatform.cpuArchitecture to match the image`,
                certain: true,
            },
        ];
    }
    return [];
}
/** The platforms of an image index or manifest list (attestations left out); undefined for a single manifest. */
function platformsOf(manifest) {
    if (!manifest)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(manifest);
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(parsed.manifests))
        return undefined;
    const entries = parsed.manifests.filter((entry) => entry.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    const platforms = entries.flatMap((entry) => entry.platform?.os && entry.platform.architecture
        ? [{ os: entry.platform.os, architecture: entry.platform.architecture }]
        : []);
    // The pull takes an entry that names no platform as a match (its config decides): the index alone does not say.
    return platforms.length === entries.length ? platforms : undefined;
}
function dedupe(needs) {
    const seen = new Set();
    return needs.filter((need) => {
        const key = `${need.action} ${need.resource}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/log-groups.ts
/**
 * Every `awslogs` log group exists (logs:DescribeLogGroups by its name as prefix), or `awslogs-create-group` is
 * `true` and the execution role may create it (a need for the simulation).
 */

async function checkLogGroups(target, clients, reads) {
    const groups = new Map();
    for (const container of target.taskDefinition.containerDefinitions ?? []) {
        const config = container.logConfiguration;
        const name = config?.options?.['awslogs-group'];
        if (config?.logDriver !== 'awslogs' || !name)
            continue;
        const region = config.options?.['awslogs-region'] ?? target.region;
        const key = `${region} ${name}`;
        const entry = groups.get(key) ?? { region, name, create: false, containers: [] };
        entry.create ||= config.options?.['awslogs-create-group'] === 'true';
        entry.containers.push(container.name ?? '?');
        groups.set(key, entry);
    }
    const results = await Promise.all([...groups.values()].map(async (group) => {
        const { DescribeLogGroupsCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(422)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7422, 19));
        const logs = await clients.logs(group.region);
        const answer = await reads.attempt('logs:DescribeLogGroups', `log group ${group.name}`, (options) => logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group.name, limit: 50 }), options));
        if (answer === undefined || 'error' in answer)
            return { findings: [], needs: [] };
        const found = answer.logGroups?.find((candidate) => candidate.logGroupName === group.name);
        if (found)
            return { findings: [], needs: [] };
        if (group.create) {
            const account = target.taskDefinition.executionRoleArn?.split(':')[4] ?? '';
            return {
                findings: [],
                needs: [
                    {
                        action: 'logs:CreateLogGroup',
                        resource: `arn:${partitionOf(group.region)}:logs:${group.region}:${account}:log-group:${group.name}`,
                        purpose: `create log group ${group.name} (awslogs-create-group)`,
                        implicitDenyIsCertain: true,
                    },
                ],
            };
        }
        const finding = {
            check: 'log-group-missing',
            what: `log group ${group.name} (${group.region}; container${group.containers.length === 1 ? '' : 's'} ${group.containers.join(', ')}) does not exist and awslogs-create-group is not set`,
            why: 'each task stops with "ResourceInitializationError: failed to validate logger args: ... The specified log group does not exist"',
            fix: `create it (aws logs create-log-group --log-group-name ${group.name}), or set the log option awslogs-create-group to "true" and allow the execution role logs:CreateLogGroup`,
            certain: true,
        };
        return { findings: [finding], needs: [] };
    }));
    return { findings: results.flatMap((r) => r.findings), needs: results.flatMap((r) => r.needs) };
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/permissions.ts
async function checkPermissions(roleArn, needs, clients, reads) {
    if (needs.length === 0)
        return [];
    const { SimulatePrincipalPolicyCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(742)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5742, 19));
    const iam = await clients.iam();
    const byAction = new Map();
    for (const need of needs)
        byAction.set(need.action, [...(byAction.get(need.action) ?? []), need]);
    const answers = await Promise.all([...byAction].map(async ([action, group]) => {
        const answer = await reads.attempt('iam:SimulatePrincipalPolicy', `whether the execution role may ${action}`, (options) => iam.send(new SimulatePrincipalPolicyCommand({
            PolicySourceArn: roleArn,
            ActionNames: [action],
            ResourceArns: group.map((need) => need.resource),
        }), options));
        if (answer === undefined || 'error' in answer)
            return [];
        return (answer.EvaluationResults ?? []).flatMap((result) => {
            const need = group.find((candidate) => candidate.resource === result.EvalResourceName) ?? group[0];
            if (!need || result.EvalDecision === 'allowed')
                return [];
            return [denied(roleArn, need, result.EvalDecision ?? 'implicitDeny')];
        });
    }));
    return answers.flat();
}
function denied(roleArn, need, decision) {
    const explicit = decision === 'explicitDeny';
    const certain = explicit || need.implicitDenyIsCertain;
    return {
        check: 'execution-role-permission',
        what: `the execution role ${roleArn} may not ${need.action} on ${need.resource} (to ${need.purpose}): ${explicit ? 'an explicit Deny' : 'no policy of the role allows it'}`,
        why: certain
            ? 'each task stops with "ResourceInitializationError" before its containers start'
            : `the task fails to start unless a resource policy (of the ${need.action.split(':')[0]} resource or its KMS key) allows it`,
        fix: explicit
            ? `remove or narrow the Deny statement for ${need.action} in the role's policies`
            : `allow ${need.action} on ${need.resource} in a policy of the execution role`,
        certain,
    };
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/ports.ts
function checkPorts(target) {
    const containers = target.taskDefinition.containerDefinitions ?? [];
    const findings = [];
    for (const lb of target.service?.loadBalancers ?? []) {
        if (!lb.containerName)
            continue;
        const container = containers.find((candidate) => candidate.name === lb.containerName);
        const ports = (container?.portMappings ?? []).map((mapping) => mapping.containerPort);
        if (container && ports.includes(lb.containerPort))
            continue;
        findings.push({
            check: 'load-balancer-port',
            what: container
                ? `the service's load balancer sends traffic to container ${lb.containerName} port ${lb.containerPort}, which the new task definition does not map (it maps ${ports.join(', ') || 'no ports'})`
                : `the service's load balancer names container ${lb.containerName}, which the new task definition does not have (it has ${containers.map((c) => c.name).join(', ') || 'none'})`,
            why: `ECS refuses the update with "InvalidParameterException: The container ${lb.containerName} did not have a container port ${lb.containerPort} defined." after the task definition was registered`,
            fix: `add portMappings containerPort ${lb.containerPort} to container ${lb.containerName}, or change the service's load balancer (a service definition's loadBalancers)`,
            certain: true,
        });
    }
    const config = target.service?.serviceConnectConfiguration;
    if (config?.enabled !== false) {
        const names = new Set(containers.flatMap((c) => (c.portMappings ?? []).flatMap((m) => (m.name ? [m.name] : []))));
        for (const service of config?.services ?? []) {
            if (!service.portName || names.has(service.portName))
                continue;
            findings.push({
                check: 'service-connect-port',
                what: `Service Connect uses port name ${service.portName}, which no port mapping of the new task definition has (it has ${[...names].join(', ') || 'none'})`,
                why: 'ECS refuses the update (InvalidParameterException): Service Connect names a port mapping by its name',
                fix: `name a port mapping "${service.portName}" in the task definition, or change serviceConnectConfiguration.services[].portName`,
                certain: true,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/roles.ts
/**
 * The task and execution roles: each exists (iam:GetRole) and trusts `ecs-tasks.amazonaws.com` (its trust policy,
 * which IAM answers URL-encoded). Without an execution role, what needs one (ECR images, secrets, awslogs) is a
 * finding too.
 */

const ECS_TASKS = 'ecs-tasks.amazonaws.com';
async function checkRoles(target, clients, reads) {
    const { executionRoleArn, taskRoleArn } = target.taskDefinition;
    const roles = [
        ...(executionRoleArn ? [{ arn: executionRoleArn, kind: 'execution role' }] : []),
        ...(taskRoleArn && taskRoleArn !== executionRoleArn ? [{ arn: taskRoleArn, kind: 'task role' }] : []),
    ];
    const found = await Promise.all(roles.map((role) => checkRole(role.arn, role.kind, clients, reads)));
    const findings = found.flatMap((result) => result.findings);
    const executionRoleUsable = executionRoleArn !== undefined && found[0]?.usable !== false;
    const needing = needsExecutionRole(target);
    if (!executionRoleArn && needing.length > 0) {
        findings.push({
            check: 'execution-role-missing',
            what: `the task definition has no executionRoleArn, but ${needing.join(', ')} need one`,
            why: 'ECS pulls private images, reads secrets and writes awslogs with the execution role: the task fails to start',
            fix: 'set executionRoleArn to a role that trusts ecs-tasks.amazonaws.com (e.g. one with the AmazonECSTaskExecutionRolePolicy)',
            certain: true,
        });
    }
    return { findings, executionRoleUsable };
}
async function checkRole(arn, kind, clients, reads) {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const { GetRoleCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(742)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5742, 19));
    const iam = await clients.iam();
    const answer = await reads.attempt('iam:GetRole', `the ${kind} ${arn}`, (options) => iam.send(new GetRoleCommand({ RoleName: name }), options), (error) => codeOf(error) === 'NoSuchEntityException' || codeOf(error) === 'NoSuchEntity');
    const findings = [];
    if (answer === undefined)
        return { findings, usable: undefined };
    if (isExpectedError(answer)) {
        findings.push({
            check: 'role-missing',
            what: `the ${kind} ${arn} does not exist`,
            why: kind === 'execution role'
                ? 'ECS cannot assume it to pull the image, read secrets or write logs: every task fails to start'
                : 'ECS cannot give the task its credentials: the task fails to start',
            fix: `create the role (trusting ${ECS_TASKS}) or correct ${kind === 'execution role' ? 'executionRoleArn' : 'taskRoleArn'} in the task definition`,
            certain: true,
        });
        return { findings, usable: false };
    }
    const document = answer.Role?.AssumeRolePolicyDocument;
    const trust = document === undefined ? 'trusted' : trustOf(document);
    if (trust !== 'trusted') {
        const denied = trust === 'denied';
        findings.push({
            check: 'role-trust',
            what: `the ${kind} ${arn} does not trust ${ECS_TASKS}${denied ? ': its trust policy has a Deny of sts:AssumeRole for it' : ''}`,
            why: `${denied ? 'an explicit Deny wins over any Allow beside it' : 'its trust policy does not name it'}: ECS cannot assume the role and the task fails to start`,
            fix: denied
                ? `remove the Deny statement that names ${ECS_TASKS} (or \`*\`) from the role's trust policy`
                : `add a statement to the role's trust policy: {"Effect": "Allow", "Principal": {"Service": "${ECS_TASKS}"}, "Action": "sts:AssumeRole"}`,
            certain: true,
        });
        return { findings, usable: false };
    }
    return { findings, usable: true };
}
/**
 * Whether a trust policy (URL-encoded JSON, or JSON) lets ECS tasks assume the role: an Allow statement whose action
 * matches sts:AssumeRole (wildcards as IAM reads them) and whose principal is ECS tasks or everyone (`*`), and no Deny
 * statement that matches them (an explicit Deny wins over any Allow, as IAM evaluates it). A document that cannot be
 * read is taken as trusting: no finding is made up.
 */
function trustsEcsTasks(document) {
    return trustOf(document) === 'trusted';
}
/** `trusted`, `not-named` (no Allow names ECS tasks) or `denied` (a Deny names them, whatever allows them). */
function trustOf(document) {
    let policy;
    try {
        policy = JSON.parse(decodeIfEncoded(document));
    }
    catch {
        return 'trusted';
    }
    if (typeof policy !== 'object' || policy === null)
        return 'trusted';
    const statements = list(policy.Statement).filter((statement) => typeof statement === 'object' && statement !== null);
    if (statements.length === 0)
        return 'trusted';
    const matching = statements.filter(appliesToEcsTasks);
    // A Deny with a Condition may not apply to ECS (the confused-deputy guard on aws:SourceAccount does not):
    // verify does not evaluate conditions, so only an unconditional Deny is certain.
    if (matching.some((s) => s.Effect === 'Deny' && s.Condition === undefined))
        return 'denied';
    return matching.some((s) => s.Effect === 'Allow') ? 'trusted' : 'not-named';
}
/**
 * Whether a statement covers sts:AssumeRole (its Action matches it, or its NotAction does not) and ECS tasks (its
 * Principal is ECS tasks or everyone, or its NotPrincipal excepts neither them nor everyone).
 */
function appliesToEcsTasks(statement) {
    const matchesAssume = (action) => typeof action === 'string' && wildcardMatches(action, 'sts:AssumeRole');
    // NotAction: every action but those it lists.
    const assumes = statement.NotAction !== undefined
        ? !list(statement.NotAction).some(matchesAssume)
        : list(statement.Action).some(matchesAssume);
    const names = (principal) => principal === '*' ||
        (typeof principal === 'object' &&
            principal !== null &&
            list(principal.Service).includes(ECS_TASKS));
    const covered = statement.NotPrincipal !== undefined ? !names(statement.NotPrincipal) : names(statement.Principal);
    return assumes && covered;
}
const list = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** An IAM action pattern (`*` any run, `?` one character, case-insensitive) against an action. */
function wildcardMatches(pattern, action) {
    const source = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 'i').test(action);
}
function decodeIfEncoded(document) {
    return document.trim().startsWith('{') ? document : decodeURIComponent(document);
}
/** What in the task definition needs the execution role. */
function needsExecutionRole(target) {
    const containers = target.taskDefinition.containerDefinitions ?? [];
    const needs = [];
    if (containers.some((c) => /\.dkr\.ecr\./.test(c.image ?? '')))
        needs.push('ECR images');
    if (containers.some((c) => (c.secrets ?? []).length > 0))
        needs.push('secrets');
    if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs'))
        needs.push('the awslogs log driver');
    return needs;
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/secrets.ts
/**
 * Every secret's `valueFrom` exists: an SSM parameter (a name in the task's region, or an ARN) through
 * ssm:DescribeParameters, which reads no value; a Secrets Manager secret (an ARN, perhaps with the
 * `:json-key:version-stage:version-id` suffixes ECS allows) through secretsmanager:DescribeSecret. The execution role's
 * permissions to read each (and to decrypt with a customer managed KMS key) are needs for the simulation.
 */

/** The ARN of a KMS key given by id, alias or ARN. */
function keyArn(keyId, region, account) {
    if (keyId.startsWith('arn:'))
        return keyId;
    return `arn:${partitionOf(region)}:kms:${region}:${account}:${keyId.startsWith('alias/') ? keyId : `key/${keyId}`}`;
}
async function checkSecrets(target, clients, reads) {
    const containers = target.taskDefinition.containerDefinitions ?? [];
    if (!containers.some((container) => (container.secrets ?? []).length > 0))
        return { findings: [], needs: [] };
    // Read only when there are secrets: the parsing is a chunk of its own, off a deploy's common path.
    const { malformedFinding, parseValueFrom } = await __nccwpck_require__.e(/* import() */ 684).then(__nccwpck_require__.bind(__nccwpck_require__, 2684));
    const refs = containers.flatMap((container) => (container.secrets ?? []).flatMap((secret) => secret.valueFrom
        ? [
            {
                container: container.name ?? '?',
                name: secret.name ?? '?',
                ref: parseValueFrom(secret.valueFrom, target.region),
            },
        ]
        : []));
    // A parameter shared from another account is not listed by DescribeParameters here: it is not checked.
    const account = target.taskDefinition.executionRoleArn?.split(':')[4];
    const checked = refs.filter(({ ref }) => ref.kind !== 'ssm' || !ref.text.startsWith('arn:') || !account || ref.text.split(':')[4] === account);
    const results = await Promise.all(checked.map(({ container, name, ref }) => {
        const label = `${name} (container ${container})`;
        if (ref.kind === 'malformed')
            return { findings: [malformedFinding(label, ref)], needs: [] };
        return ref.kind === 'ssm' ? checkParameter(label, ref, clients, reads) : checkSecret(label, ref, clients, reads);
    }));
    return { findings: results.flatMap((r) => r.findings), needs: results.flatMap((r) => r.needs) };
}
function missing(label, text, store, fix) {
    return {
        check: 'secret-missing',
        what: `secret ${label}: ${store} ${text} does not exist`,
        why: 'ECS reads every secret before it starts the containers: each task stops with "ResourceInitializationError: unable to pull secrets or registry auth"',
        fix,
        certain: true,
    };
}
async function checkParameter(label, ref, clients, reads) {
    const { DescribeParametersCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(682)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4682, 19));
    const ssm = await clients.ssm(ref.region);
    const answer = await reads.attempt('ssm:DescribeParameters', `secret ${label} (${ref.text})`, (options) => ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: ref.candidates }] }), options));
    if (answer === undefined || isExpectedError(answer))
        return { findings: [], needs: [] };
    const parameter = answer.Parameters?.[0];
    if (!parameter) {
        const fix = `create the parameter (aws ssm put-parameter --name ${ref.name} --type SecureString ...) in ${ref.region}, or correct valueFrom`;
        return { findings: [missing(label, ref.text, 'SSM parameter', fix)], needs: [] };
    }
    const arn = parameter.ARN ?? ref.text;
    const needs = [
        { action: 'ssm:GetParameters', resource: arn, purpose: `read secret ${label}`, implicitDenyIsCertain: true },
    ];
    if (parameter.KeyId && parameter.KeyId !== 'alias/aws/ssm') {
        needs.push({
            action: 'kms:Decrypt',
            resource: keyArn(parameter.KeyId, ref.region, arn.split(':')[4] ?? ''),
            purpose: `decrypt secret ${label}`,
            implicitDenyIsCertain: false,
        });
    }
    return { findings: [], needs };
}
async function checkSecret(label, ref, clients, reads) {
    const { DescribeSecretCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(474)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4474, 19));
    const client = await clients.secretsManager(ref.region);
    const answer = await reads.attempt('secretsmanager:DescribeSecret', `secret ${label} (${ref.secretId})`, (options) => client.send(new DescribeSecretCommand({ SecretId: ref.secretId }), options), (error) => codeOf(error) === 'ResourceNotFoundException');
    if (answer === undefined)
        return { findings: [], needs: [] };
    if (isExpectedError(answer)) {
        const fix = `create the secret in ${ref.region} or correct valueFrom (a full ARN ends in the secret's name and six characters)`;
        return { findings: [missing(label, ref.secretId, 'Secrets Manager secret', fix)], needs: [] };
    }
    const arn = answer.ARN ?? ref.secretId;
    const needs = [
        // A secret's resource policy may allow what the role's own policies do not.
        {
            action: 'secretsmanager:GetSecretValue',
            resource: arn,
            purpose: `read secret ${label}`,
            implicitDenyIsCertain: false,
        },
    ];
    if (answer.KmsKeyId) {
        needs.push({
            action: 'kms:Decrypt',
            resource: keyArn(answer.KmsKeyId, ref.region, arn.split(':')[4] ?? ''),
            purpose: `decrypt secret ${label}`,
            implicitDenyIsCertain: false,
        });
    }
    return { findings: [], needs };
}

;// CONCATENATED MODULE: ../../packages/core/src/verify/index.ts
/**
 * Verify (input `verify` of ecs-deploy-wait and ecs-run-task): before any change, with reads only and concurrently,
 * check what makes a task fail to start or an update be refused: the task and execution roles (roles.ts), the
 * secrets (secrets.ts), the images and their platform (images.ts), the awslogs log groups (log-groups.ts), the
 * execution role's permissions for all of them (permissions.ts), and the service's load balancer and Service Connect
 * ports (ports.ts). Each finding says what, why the rollout would fail, and the fix; a denied read is one note.
 */









const VERIFY_MODES = ['fail', 'warn', 'off'];
/** How long verify's reads may take in all, by default (real ms): reads run concurrently, each well under this. */
const VERIFY_BUDGET_MS = 20_000;
async function verifyTaskDefinition(target, clients, options = {}) {
    const reads = new VerifyReads({
        budgetMs: options.budgetMs ?? VERIFY_BUDGET_MS,
        ...(options.signal ? { signal: options.signal } : {}),
    });
    const [roles, secrets, images, logGroups] = await Promise.all([
        checkRoles(target, clients, reads),
        checkSecrets(target, clients, reads),
        checkImages(target, clients, reads),
        checkLogGroups(target, clients, reads),
    ]);
    const executionRole = target.taskDefinition.executionRoleArn;
    // Only a role that exists and trusts ECS is worth simulating: its findings above already stop the task.
    const permissions = executionRole && roles.executionRoleUsable
        ? await checkPermissions(executionRole, [...secrets.needs, ...images.needs, ...logGroups.needs], clients, reads)
        : [];
    const findings = [
        ...roles.findings,
        ...secrets.findings,
        ...images.findings,
        ...logGroups.findings,
        ...permissions,
        ...checkPorts(target),
    ];
    return { findings, notes: reads.notes, reads: reads.count };
}
/**
 * One line per finding: what, why the rollout would fail, the fix. A line break in the task definition's text (a
 * valueFrom can hold one) is shown as `\n`, so each finding stays one item of the error's list.
 */
function verifyLine(finding) {
    return `${finding.what}: ${finding.why}. Fix: ${finding.fix}.`.replace(/\r\n|\r|\n/g, '\\n');
}


/***/ }),

/***/ 9239:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   jH: () => (/* binding */ readInputFile),
/* harmony export */   qL: () => (/* binding */ resolveInputPath)
/* harmony export */ });
/* unused harmony export displayPath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9179);
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
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch (error) {
        const code = error.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            throw error;
    }
    // A dangling link is followed by hand: writing through it would create its target, wherever that is.
    const link = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file, { throwIfNoEntry: false });
    if (link?.isSymbolicLink() && hops < MAX_LINKS) {
        return realPathOf(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(file)), hops + 1);
    }
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file);
    if (parent === file)
        return file;
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(realPathOf(parent, hops), node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file));
}
function isInside(dir, file) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, file);
    return relative === '' || (!relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && relative !== '..' && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative));
}
/** The path for messages: relative to the root with forward slashes when inside it, else as it is. */
function displayPath(file, root) {
    if (!isInside(root, file))
        return file;
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, file).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/') || '.';
}
/**
 * Resolves an input's path against the first root and checks that it stays inside one of the roots after every
 * symbolic link is followed. Throws a ConfigurationError naming the input, the value and the fix.
 */
function resolveInputPath({ input, value, roots }) {
    const [base] = roots;
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(base.dir, value);
    const file = realPathOf(absolute);
    const realRoots = roots.map((root) => ({ ...root, dir: realPathOf(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root.dir)) }));
    if (!realRoots.some((root) => isInside(root.dir, file))) {
        const through = file === absolute ? '' : ' (following symbolic links)';
        const allowed = realRoots.map((root) => `${root.name} (${root.dir})`).join(' or ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input "${input}" must name a path inside ${allowed}; got ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteValue */ .cl)(value)}, which resolves to ${file}${through}. Give a path relative to the repository root, without ".." or symbolic links that lead out of it.`);
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
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(resolved.file);
        if (stat.isDirectory()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteValue */ .cl)(resolved.shown)} is a directory. Point it at the file.`);
        }
        if (stat.size > options.maxBytes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteValue */ .cl)(resolved.shown)} is ${stat.size} bytes, more than the ${options.maxBytes} bytes this input reads. Point it at the right file.`);
        }
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(resolved.file, 'utf8');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1)
            throw error;
        if (error.code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: the file ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteValue */ .cl)(resolved.shown)} does not exist (looked for ${resolved.file}). ${options.missingHint}`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where}: cannot read ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteValue */ .cl)(resolved.shown)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}.`);
    }
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

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

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

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
