import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5554:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HX: () => (/* binding */ sdkClients),
/* harmony export */   ju: () => (/* binding */ verifyEcrImage),
/* harmony export */   mO: () => (/* binding */ serviceTaskDefinition),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3511);

const sdkClients = {
    ecs: async () => {
        const { ECSClient } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(687)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2687));
        return (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECSClient);
    },
    ecr: async (region) => {
        const { ECRClient } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(105)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5105));
        return (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .createAwsClient */ .nV)(ECRClient, { region });
    },
};
async function regionOf(client) {
    const region = client.config.region;
    return typeof region === 'function' ? String(await region()) : String(region);
}
const errorName = (error) => (error instanceof Error ? error.name : '');
/** DescribeTaskDefinition with its tags. `what` says which input asked, for the not-found message. */
async function describeTaskDefinition(clients, taskDefinition, what) {
    // Destructured straight from import() so that the bundler keeps only what is used.
    const { DescribeTaskDefinitionCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(687)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2687));
    const client = await clients.ecs();
    const region = await regionOf(client);
    const command = new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] });
    const raw = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .keepRawResponse */ .po)(command);
    let output;
    try {
        output = await client.send(command);
    }
    catch (error) {
        if (errorName(error) === 'ClientException') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${what}: the task definition ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(taskDefinition)} was not found in ECS in region ${region} (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}). Check the family name and revision, and that AWS_REGION is the region it is registered in.`);
        }
        throw ((0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .explainAccessError */ .Qz)(error, { action: 'ecs:DescribeTaskDefinition', resource: taskDefinition, region }) ??
            new Error(`DescribeTaskDefinition ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(taskDefinition)} in ${region} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, {
                cause: error,
            }));
    }
    const document = raw.text === undefined ? output : JSON.parse(raw.text);
    return { document, arn: output.taskDefinition?.taskDefinitionArn ?? taskDefinition, region };
}
/** The task definition ARN a service runs now (DescribeServices). */
async function serviceTaskDefinition(clients, cluster, service) {
    const { DescribeServicesCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(687)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2687));
    const client = await clients.ecs();
    const region = await regionOf(client);
    let output;
    try {
        output = await client.send(new DescribeServicesCommand({ cluster, services: [service] }));
    }
    catch (error) {
        if (errorName(error) === 'ClusterNotFoundException') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "cluster": the cluster ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(cluster)} was not found in ECS in region ${region}. Check the cluster name, and that AWS_REGION is the region it runs in.`);
        }
        throw ((0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .explainAccessError */ .Qz)(error, {
            action: 'ecs:DescribeServices',
            resource: `service ${service} in cluster ${cluster}`,
            region,
        }) ??
            new Error(`DescribeServices ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(service)} in cluster ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(cluster)} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, { cause: error }));
    }
    const found = output.services?.find((s) => s.status !== 'INACTIVE');
    if (!found) {
        const inactive = output.services?.some((s) => s.status === 'INACTIVE');
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "service": the service ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(service)} was not found in cluster ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(cluster)} in region ${region}${inactive ? ' (it is INACTIVE: deleted)' : ''}. Check the service name and the cluster.`);
    }
    if (!found.taskDefinition) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "service": the service ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(service)} in cluster ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(cluster)} has no task definition of its own (deployment controller ${found.deploymentController?.type ?? 'unknown'}). Use task-definition or task-definition-family instead.`);
    }
    return { arn: found.taskDefinition, region };
}
/** How many tags a missing-tag error lists. */
const RECENT_TAGS = 10;
/**
 * Checks that the image exists in ECR (by tag, or by digest when the reference has one) and returns its digest.
 * `origin` names the input, for the messages.
 */
async function verifyEcrImage(clients, ref, origin) {
    const { account, region, repository } = ref.ecr;
    const { DescribeImagesCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(105)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5105));
    const client = await clients.ecr(region);
    const where = `ECR repository ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(repository)} (registry ${account}, region ${region})`;
    const imageId = ref.digest !== undefined ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
    let details;
    try {
        const output = await client.send(new DescribeImagesCommand({ registryId: account, repositoryName: repository, imageIds: [imageId] }));
        details = output.imageDetails?.[0];
    }
    catch (error) {
        if (errorName(error) === 'RepositoryNotFoundException') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${capitalize(origin)}: the ${where} does not exist, so ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(ref.text)} cannot be pulled. Check the repository name, the account and the region in the image reference, or create the repository and push the image first.`);
        }
        if (errorName(error) !== 'ImageNotFoundException') {
            throw ((0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .explainAccessError */ .Qz)(error, {
                action: 'ecr:DescribeImages',
                resource: ref.text,
                region,
                deniedHint: 'Set verify-image: false to skip the check.',
            }) ??
                new Error(`ECR DescribeImages for ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(ref.text)} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, { cause: error }));
        }
    }
    if (!details?.imageDigest) {
        const what = 'imageDigest' in imageId ? `digest ${imageId.imageDigest}` : `tag ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(imageId.imageTag)}`;
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${capitalize(origin)}: the ${what} is not in the ${where}. ${await recentTags(client, DescribeImagesCommand, account, repository)} Push the image first, or fix the ${'imageDigest' in imageId ? 'digest' : 'tag'}.`);
    }
    const tags = details.imageTags ?? [];
    if (ref.digest !== undefined && ref.tag !== undefined && !tags.includes(ref.tag)) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${capitalize(origin)}: in the ${where}, the digest ${ref.digest} is not tagged ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(ref.tag)} (its tags: ${tags.length > 0 ? tags.join(', ') : 'none'}). Fix the tag or the digest.`);
    }
    return { digest: details.imageDigest, tags, pushedAt: details.imagePushedAt };
}
/** "Most recent tags there: a, b, c." from DescribeImages, newest push first. */
async function recentTags(client, DescribeImagesCommand, registryId, repositoryName) {
    const images = [];
    try {
        let nextToken;
        // A few pages are plenty to find the newest tags; a huge repository is not walked to its end.
        for (let page = 0; page < 5; page++) {
            const output = await client.send(new DescribeImagesCommand({
                registryId,
                repositoryName,
                filter: { tagStatus: 'TAGGED' },
                maxResults: 1000,
                ...(nextToken ? { nextToken } : {}),
            }));
            images.push(...(output.imageDetails ?? []));
            nextToken = output.nextToken;
            if (!nextToken)
                break;
        }
    }
    catch (error) {
        return `(The tags there could not be listed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}.)`;
    }
    const tags = images
        .sort((a, b) => (b.imagePushedAt?.getTime() ?? 0) - (a.imagePushedAt?.getTime() ?? 0))
        .flatMap((image) => image.imageTags ?? [])
        .slice(0, RECENT_TAGS);
    return tags.length > 0 ? `Most recent tags there: ${tags.join(', ')}.` : 'The repository has no tagged images.';
}
function capitalize(text) {
    return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}


/***/ }),

/***/ 780:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ FileConfigurationError)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3511);

/**
 * A ConfigurationError that points at a place in a file (e.g. a JSON syntax error): the entry fails the step once
 * with an error annotation at that place, instead of a plain one.
 */
class FileConfigurationError extends _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1 {
    annotation;
    constructor(message, annotation) {
        super(message);
        this.annotation = annotation;
    }
}


/***/ }),

/***/ 7935:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3511);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4838);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5554);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(780);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(994);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(7187);







async function main() {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readRenderInputs */ .iC)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .renderInputReader */ .Y7)());
    const result = await (0,_render_js__WEBPACK_IMPORTED_MODULE_6__/* .renderTaskDefinition */ .P)(inputs, {
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        runnerTemp: process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(),
        clients: _aws_js__WEBPACK_IMPORTED_MODULE_3__/* .sdkClients */ .HX,
    });
    for (const note of result.notes)
        _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log.info */ .Rm.info(note);
    _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log.info */ .Rm.info(`Rendered ${result.family} from ${result.source} into ${result.outputFile}`);
    for (const line of (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_2__/* .formatDiff */ .Vs)(result.changes))
        _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log.info */ .Rm.info(line);
    (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .setOutputs */ .n0)({
        'task-definition': result.outputFile,
        'image-digest': result.imageDigest ?? '',
        changed: result.changed,
        family: result.family,
    });
    (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .writeSummary */ .Sy)(summary(result));
}
function summary(result) {
    const parts = [
        `### Task definition ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(result.family)} rendered`,
        '',
        `From ${result.source}, written to ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(result.outputFile)}.`,
        '',
        (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_2__/* .diffTable */ .Y8)(result.changes),
    ];
    if (result.imageChecks.length > 0) {
        const status = { verified: 'found in ECR', 'not-ecr': 'not ECR: not verified', 'not-checked': 'not checked' };
        parts.push('', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Qj)(['Container', 'Image', 'ECR check', 'Digest'], result.imageChecks.map((check) => [
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(check.container),
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(check.rendered),
            `${status[check.status]}${check.pinned ? ', pinned to the digest' : ''}`,
            check.digest ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .markdownCode */ .D9)(check.digest) : '',
        ])));
    }
    return parts.join('\n');
}
await (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)({
    async main() {
        try {
            await main();
        }
        catch (error) {
            // A mistake in a file fails the step once, with the annotation placed on the file.
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .FileConfigurationError */ .b) {
                _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .runner */ .lj.setFailed(error.message, error.annotation);
                return;
            }
            throw error;
        }
    },
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 994:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  YN: () => (/* binding */ IMAGE_TAG_LABEL),
  iC: () => (/* binding */ readRenderInputs),
  Y7: () => (/* binding */ renderInputReader)
});

// UNUSED EXPORTS: STOCK_ALIASES

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 9 modules
var src = __nccwpck_require__(3511);
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

// EXTERNAL MODULE: ../../packages/core/src/image-ref.ts
var image_ref = __nccwpck_require__(4287);
;// CONCATENATED MODULE: ./src/inputs.ts



/** The docker label that records the tag of an image pinned to its digest. */
const IMAGE_TAG_LABEL = 'ecs-actions.image-tag';
const FAMILY = /^[A-Za-z0-9_-]{1,255}(?::[1-9]\d*)?$/;
const TASK_DEFINITION_ARN = /^arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[1-9]\d*$/;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const SERVICE = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:service\/[\w/-]{1,512})$/;
const CPU = /^(?:\d+|\d+(?:\.\d+)? ?vCPU)$/i;
const MEMORY = /^(?:\d+|\d+(?:\.\d+)? ?GB)$/i;
const ROLE = /^(?:arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}|[\w+=,.@-]{1,64})$/;
/**
 * The names aws-actions/amazon-ecs-render-task-definition gives these inputs. One with the same meaning is read
 * as its new name; one whose meaning differs fails with the form to write instead.
 */
const STOCK_ALIASES = [
    { alias: 'log-configuration-options', name: 'log-options' },
    { alias: 'task-definition-arn', name: 'task-definition-family' },
    {
        alias: 'task-definition-revision',
        name: 'task-definition-family',
        toNew: (value) => {
            throw new src/* ConfigurationError */.j1(`Input "task-definition-revision" (${(0,src/* quoteValue */.cl)(value)}) is not read by ecs-render-taskdef: give the revision with the family instead, as task-definition-family: <family>:${value}.`);
        },
    },
    {
        alias: 'log-configuration-log-driver',
        name: 'log-options',
        toNew: (value) => {
            throw new src/* ConfigurationError */.j1(`Input "log-configuration-log-driver" (${(0,src/* quoteValue */.cl)(value)}) is not read by ecs-render-taskdef: it does not change a container's log driver per deploy. Write it in the task definition file, "logConfiguration": {"logDriver": ${JSON.stringify(value)}, "options": {...}}, and give per-deploy options with log-options: (key=value lines).`);
        },
    },
    {
        alias: 'env-files',
        name: 'environment-variables',
        toNew: () => {
            throw new src/* ConfigurationError */.j1('Input "env-files" is not read by ecs-render-taskdef. Write the files in the task definition file, "environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "type": "s3"}] in the container, or give the variables with environment-variables: (KEY=VALUE lines).');
        },
    },
];
/** The step's inputs, with the stock action's names read as ours (see STOCK_ALIASES). */
function renderInputReader(source = src/* runnerInputs */.ax) {
    return new src/* InputReader */.i_(withAliases(source, STOCK_ALIASES));
}
function readRenderInputs(input) {
    const stockList = readContainerList(input);
    if (stockList !== undefined)
        return readRenderInputs(stockList);
    const source = readSource(input);
    const containerName = input.optionalString('container-name');
    if (containerName !== undefined && !NAME.test(containerName)) {
        throw (0,src/* invalidInput */.aY)('container-name', containerName, 'is not a container name', 'Container names are 1 to 255 letters, digits, "_" and "-".');
    }
    const images = readImages(input, containerName);
    const ecrRepository = readEcrRepository(input);
    if (ecrRepository !== undefined)
        for (const assignment of images)
            checkRepository(assignment, ecrRepository);
    const verifyImage = input.boolean('verify-image', true);
    const pinDigest = input.boolean('pin-digest', false);
    if (pinDigest && !verifyImage) {
        throw new src/* ConfigurationError */.j1('Input "pin-digest" is true but "verify-image" is false: the digest to pin comes from the ECR check. Set verify-image: true, or pin-digest: false.');
    }
    const cpu = matching(input, 'cpu', CPU, 'must be CPU units such as 1024, or vCPUs such as "1 vCPU"');
    const memory = matching(input, 'memory', MEMORY, 'must be MiB such as 3072, or GB such as "3 GB"');
    const roleHint = 'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>) or a role name';
    return {
        source,
        containerName,
        images,
        environment: entries(input, 'environment-variables', 'KEY=VALUE', { emptyValue: true }),
        secrets: entries(input, 'secrets', 'NAME=valueFrom', { emptyValue: false }),
        dockerLabels: entries(input, 'docker-labels', 'key=value', { emptyValue: true }),
        logOptions: entries(input, 'log-options', 'key=value', { emptyValue: true }),
        ecrRepository,
        cpu,
        memory,
        taskRoleArn: matching(input, 'task-role-arn', ROLE, roleHint),
        executionRoleArn: matching(input, 'execution-role-arn', ROLE, roleHint),
        command: readCommand(input),
        verifyImage,
        pinDigest,
        outputFile: input.optionalString('output-file'),
    };
}
/**
 * The stock action's `container-name: web,worker` with one `image`: that image in each container. Read as the
 * `images` lines it means; the stock action also put its other settings into each container, which this action
 * does to one container only, so those are refused with the form to write instead.
 */
function readContainerList(input) {
    const names = input.raw('container-name');
    if (!names.includes(','))
        return undefined;
    const list = names.split(',').map((name) => name.trim());
    const image = input.optionalString('image');
    const bad = list.find((name) => !NAME.test(name));
    if (bad !== undefined || image === undefined || input.raw('images')) {
        throw (0,src/* invalidInput */.aY)('container-name', names, 'is a comma list, which is read only as the stock action wrote it: several container names, each 1 to 255 letters, digits, "_" and "-", with one image and no images', `For several containers write images: with one container=image line each (${list.map((name) => `${name}=<image>`).join(', ')}).`);
    }
    const settings = ['environment-variables', 'secrets', 'docker-labels', 'log-options', 'command'].filter((name) => input.raw(name) !== '');
    if (settings.length > 0) {
        throw new src/* ConfigurationError */.j1(`Input "container-name" lists several containers (${names}) and ${settings.map((s) => `"${s}"`).join(', ')} ${settings.length > 1 ? 'are' : 'is'} set: the stock action put them into each container, ecs-render-taskdef puts them into one. Write images: with one container=image line each, and container-name: to the one container that gets ${settings.join(', ')}; for the same settings in several containers, use one step per container.`);
    }
    const lines = list.map((name) => `${name}=${image}`).join('\n');
    return new src/* InputReader */.i_((name) => {
        if (name === 'container-name' || name === 'image')
            return '';
        if (name === 'images')
            return lines;
        return input.raw(name);
    });
}
function readSource(input) {
    const file = input.optionalString('task-definition');
    const family = input.optionalString('task-definition-family');
    const service = input.optionalString('service');
    const cluster = input.optionalString('cluster');
    const given = [
        file !== undefined ? `task-definition (${(0,src/* quoteValue */.cl)(file)})` : undefined,
        family !== undefined ? `task-definition-family (${(0,src/* quoteValue */.cl)(family)})` : undefined,
        service !== undefined || cluster !== undefined ? 'service + cluster' : undefined,
    ].filter((name) => name !== undefined);
    const which = 'Set exactly one of: task-definition (a JSON file in the repository), task-definition-family (a registered family, optionally family:revision), or service and cluster (the task definition the service runs now).';
    if (given.length === 0)
        throw new src/* ConfigurationError */.j1(`No task definition source is set. ${which}`);
    if (given.length > 1) {
        throw new src/* ConfigurationError */.j1(`Several task definition sources are set: ${given.join(', ')}. ${which}`);
    }
    if (file !== undefined)
        return { kind: 'file', path: file };
    if (family !== undefined) {
        if (!FAMILY.test(family) && !TASK_DEFINITION_ARN.test(family)) {
            throw (0,src/* invalidInput */.aY)('task-definition-family', family, 'is not a task definition family', 'Write the family (letters, digits, "_" and "-"), family:revision such as ecs_be_prod:42, or a task definition ARN.');
        }
        return { kind: 'family', family };
    }
    if (service === undefined || cluster === undefined) {
        throw new src/* ConfigurationError */.j1(service === undefined
            ? `Input "cluster" is set (${(0,src/* quoteValue */.cl)(cluster ?? '')}) but "service" is empty. Set service: to the ECS service whose task definition to render.`
            : `Input "service" is set (${(0,src/* quoteValue */.cl)(service)}) but "cluster" is empty. Set cluster: to the ECS cluster the service runs in.`);
    }
    if (!SERVICE.test(service)) {
        throw (0,src/* invalidInput */.aY)('service', service, 'is not a service name', 'Write the service name or its ARN.');
    }
    if (!CLUSTER.test(cluster)) {
        throw (0,src/* invalidInput */.aY)('cluster', cluster, 'is not a cluster name', 'Write the cluster name or its ARN.');
    }
    return { kind: 'service', service, cluster };
}
function imageRef(value, origin) {
    const parsed = (0,image_ref/* parseImageRef */.Q)(value);
    if (!parsed.ok) {
        throw new src/* ConfigurationError */.j1(`${origin[0]?.toUpperCase()}${origin.slice(1)}: ${(0,src/* quoteValue */.cl)(value)} is not a valid image reference: it ${parsed.reason}. Write registry/repository:tag or registry/repository@sha256:<digest>, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:1.2501.7.`);
    }
    return parsed.ref;
}
function readImages(input, containerName) {
    const image = input.optionalString('image');
    const lines = input.keyValues('images', 'container=image');
    if (image !== undefined && lines.length > 0) {
        throw new src/* ConfigurationError */.j1('Inputs "image" and "images" are both set. Use container-name + image for one container, or images (one container=image a line) for several.');
    }
    if (image !== undefined) {
        if (containerName === undefined) {
            throw new src/* ConfigurationError */.j1(`Input "image" is set (${(0,src/* quoteValue */.cl)(image)}) but "container-name" is empty. Set container-name: to the container that gets the image, or use images: with container=image lines.`);
        }
        return [{ container: containerName, image: imageRef(image, 'input "image"'), origin: 'input "image"' }];
    }
    const seen = new Map();
    return lines.map(({ key, value, line }) => {
        const origin = `input "images" line ${line}`;
        if (!NAME.test(key)) {
            throw new src/* ConfigurationError */.j1(`Input "images" line ${line}: ${(0,src/* quoteValue */.cl)(key)} is not a container name (1 to 255 letters, digits, "_" and "-"). Write container=image.`);
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            throw new src/* ConfigurationError */.j1(`Input "images" names the container ${(0,src/* quoteValue */.cl)(key)} twice (lines ${earlier} and ${line}). Give each container one image.`);
        }
        seen.set(key, line);
        return { container: key, image: imageRef(value, origin), origin };
    });
}
function entries(input, name, what, options) {
    const list = input.keyValues(name, what);
    for (const entry of list) {
        if (/\s/.test(entry.key)) {
            throw new src/* ConfigurationError */.j1(`Input "${name}" line ${entry.line}: the name ${(0,src/* quoteValue */.cl)(entry.key)} contains whitespace. Write one ${what} a line, with no spaces in the name.`);
        }
        if (!options.emptyValue && entry.value === '') {
            throw new src/* ConfigurationError */.j1(`Input "${name}" line ${entry.line}: ${(0,src/* quoteValue */.cl)(entry.key)} has an empty valueFrom. Write ${what}, where valueFrom is an SSM parameter name or ARN, or a Secrets Manager secret ARN.`);
        }
    }
    return list;
}
function matching(input, name, pattern, expected) {
    const value = input.optionalString(name);
    if (value !== undefined && !pattern.test(value))
        throw (0,src/* invalidInput */.aY)(name, value, expected);
    return value;
}
function readCommand(input) {
    const text = input.raw('command');
    if (!text)
        return undefined;
    const fix = 'Write a JSON array of strings, e.g. ["node", "server.js", "--port", "8080"]; it is not split at spaces.';
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw (0,src/* invalidInput */.aY)('command', text, 'must be a JSON array of strings', `${fix} (${error.message})`);
    }
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw (0,src/* invalidInput */.aY)('command', text, 'must be a JSON array of strings', fix);
    }
    if (value.length === 0)
        throw (0,src/* invalidInput */.aY)('command', text, 'must not be an empty array', fix);
    return value;
}
const REPOSITORY_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const ECR_REGISTRY = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z]{2}(?:-[a-z]+)+-\d+\.amazonaws\.com(?:\.cn)?$/;
/** `web`, or `123456789012.dkr.ecr.us-east-1.amazonaws.com/web` (which also pins the account and region). */
function readEcrRepository(input) {
    const value = input.optionalString('ecr-repository');
    if (value === undefined)
        return undefined;
    const slash = value.indexOf('/');
    const host = slash > 0 && value.slice(0, slash).includes('.') ? value.slice(0, slash) : undefined;
    const name = host === undefined ? value : value.slice(slash + 1);
    if ((host !== undefined && !ECR_REGISTRY.test(host)) || !REPOSITORY_NAME.test(name)) {
        throw (0,src/* invalidInput */.aY)('ecr-repository', value, 'must be an ECR repository name (e.g. web) or repository URI (<account>.dkr.ecr.<region>.amazonaws.com/web)', 'Give the repository the images are pushed to, or leave it empty to allow any image.');
    }
    return value;
}
/** Refuses, before any call, an image from another registry or repository than `ecr-repository`. */
function checkRepository({ image, origin, container }, repository) {
    const inRepository = image.ecr !== undefined &&
        (repository.includes('/') && repository.slice(0, repository.indexOf('/')).includes('.')
            ? `${image.domain}/${image.path}` === repository
            : image.ecr.repository === repository);
    if (!inRepository) {
        throw new src/* ConfigurationError */.j1(`The image ${(0,src/* quoteValue */.cl)(image.text)} (${origin}, container ${(0,src/* quoteValue */.cl)(container)}) is not in the ECR repository ${(0,src/* quoteValue */.cl)(repository)} that input "ecr-repository" allows. Deploy an image pushed there (e.g. ${repository.includes('.') ? repository : `<account>.dkr.ecr.<region>.amazonaws.com/${repository}`}:<tag>), or leave ecr-repository empty to allow any image.`);
    }
}


/***/ }),

/***/ 7187:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  P: () => (/* binding */ renderTaskDefinition)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 9 modules
var src = __nccwpck_require__(3511);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 6 modules
var ecs = __nccwpck_require__(4838);
// EXTERNAL MODULE: ../../packages/core/src/image-ref.ts
var image_ref = __nccwpck_require__(4287);
// EXTERNAL MODULE: ./src/aws.ts
var aws = __nccwpck_require__(5554);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(780);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __nccwpck_require__(994);
;// CONCATENATED MODULE: ./src/task-definition.ts


function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Turns a parsed document (register-input form, or the describe-output form `{"taskDefinition": {...}, "tags": [...]}`)
 * into a RegisterTaskDefinition input: the describe-only fields go, every other field stays in its order, and the
 * describe form's tags become register tags. `where` names the document in error messages.
 */
function toRegisterInput(document, where) {
    if (!isObject(document)) {
        const kind = Array.isArray(document) ? 'an array' : document === null ? 'null' : `a ${typeof document}`;
        throw new src/* ConfigurationError */.j1(`${where} holds ${kind}, not a task definition. It must be a JSON object: RegisterTaskDefinition input, or DescribeTaskDefinition output ({"taskDefinition": {...}}).`);
    }
    const describeForm = isObject(document.taskDefinition) && !('containerDefinitions' in document);
    const source = describeForm ? document.taskDefinition : document;
    const result = {};
    for (const [key, value] of Object.entries(source)) {
        if (!src/* DESCRIBE_ONLY_FIELDS */.n7.includes(key))
            result[key] = value;
    }
    if (describeForm && Array.isArray(document.tags) && document.tags.length > 0 && !('tags' in result)) {
        result.tags = document.tags;
    }
    checkShape(result, where);
    return result;
}
function checkShape(taskDefinition, where) {
    const containers = taskDefinition.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0) {
        throw new src/* ConfigurationError */.j1(`${where} has no containerDefinitions${containers === undefined ? '' : ' (it is not a non-empty array)'}. A task definition lists its containers under "containerDefinitions": [{"name": ..., "image": ...}].`);
    }
    containers.forEach((container, index) => {
        if (!isObject(container) || typeof container.name !== 'string' || container.name === '') {
            throw new src/* ConfigurationError */.j1(`${where}: containerDefinitions[${index}] is not a container with a "name". Every container needs a name.`);
        }
    });
    if (typeof taskDefinition.family !== 'string' || taskDefinition.family === '') {
        throw new src/* ConfigurationError */.j1(`${where} has no "family". RegisterTaskDefinition needs the family name.`);
    }
}
function containersOf(taskDefinition) {
    return taskDefinition.containerDefinitions;
}
function containerNames(taskDefinition) {
    return containersOf(taskDefinition).map((container) => container.name);
}
function findContainer(taskDefinition, name) {
    return containersOf(taskDefinition).find((container) => container.name === name);
}
function notFound(name, origin, taskDefinition, where) {
    const names = containerNames(taskDefinition);
    return new src/* ConfigurationError */.j1(`${origin[0]?.toUpperCase()}${origin.slice(1)}: there is no container named ${(0,src/* quoteValue */.cl)(name)} in ${where}. Its containers: ${names.map((n) => (0,src/* quoteValue */.cl)(n)).join(', ')}.`);
}
/** Inputs that change one container, by input name. */
function containerSettings(inputs) {
    return [
        inputs.environment.length > 0 ? 'environment-variables' : undefined,
        inputs.secrets.length > 0 ? 'secrets' : undefined,
        inputs.dockerLabels.length > 0 ? 'docker-labels' : undefined,
        inputs.logOptions.length > 0 ? 'log-options' : undefined,
        inputs.command !== undefined ? 'command' : undefined,
    ].filter((name) => name !== undefined);
}
/**
 * The container that gets environment-variables, secrets, docker-labels, log-options and command:
 * container-name; else the one container of a one-line `images`; else the task definition's only container.
 * Undefined when none of those inputs is set.
 */
function settingsContainer(inputs, taskDefinition, where) {
    const settings = containerSettings(inputs);
    // checkTargets has made sure that container-name names a container.
    if (inputs.containerName !== undefined)
        return settings.length > 0 ? inputs.containerName : undefined;
    if (settings.length === 0)
        return undefined;
    const [onlyImage, ...otherImages] = inputs.images;
    if (onlyImage && otherImages.length === 0)
        return onlyImage.container;
    const names = containerNames(taskDefinition);
    if (names.length === 1)
        return names[0];
    throw new src/* ConfigurationError */.j1(`Input${settings.length > 1 ? 's' : ''} ${settings.map((s) => `"${s}"`).join(', ')} change${settings.length > 1 ? '' : 's'} one container, but ${where} has several (${names.map((n) => (0,src/* quoteValue */.cl)(n)).join(', ')}) and "container-name" is empty. Set container-name: to the container that gets them.`);
}
/** Checks that every container the inputs name exists and can take the change; nothing is changed yet. */
function checkTargets(inputs, taskDefinition, where) {
    // container-name first: with `image`, a missing container is a wrong container-name, not a wrong image.
    if (inputs.containerName !== undefined && !findContainer(taskDefinition, inputs.containerName)) {
        throw notFound(inputs.containerName, 'input "container-name"', taskDefinition, where);
    }
    for (const assignment of inputs.images) {
        if (!findContainer(taskDefinition, assignment.container)) {
            throw notFound(assignment.container, assignment.origin, taskDefinition, where);
        }
    }
    const target = settingsContainer(inputs, taskDefinition, where);
    if (target !== undefined && inputs.logOptions.length > 0) {
        const container = findContainer(taskDefinition, target);
        if (!isObject(container?.logConfiguration) || typeof container.logConfiguration.logDriver !== 'string') {
            throw new src/* ConfigurationError */.j1(`Input "log-options": the container ${(0,src/* quoteValue */.cl)(target)} in ${where} has no logConfiguration with a logDriver to merge the options into. Add "logConfiguration": {"logDriver": "awslogs", "options": {...}} to the container first.`);
        }
    }
    return target;
}
/** Upserts `{name, <field>}` entries: an existing name keeps its place, a new one is appended. */
function upsertNamed(list, entries, field) {
    const result = Array.isArray(list) ? [...list] : [];
    for (const { key, value } of entries) {
        let found = false;
        for (let i = 0; i < result.length; i++) {
            const item = result[i];
            if (isObject(item) && item.name === key) {
                result[i] = { ...item, [field]: value };
                found = true;
            }
        }
        if (!found)
            result.push({ name: key, [field]: value });
    }
    return result;
}
function mergeMap(map, entries) {
    const result = isObject(map) ? { ...map } : {};
    for (const { key, value } of entries)
        result[key] = value;
    return result;
}
/** A copy of the task definition with the changes applied; key order is kept and new keys go last. */
function applyChanges(taskDefinition, changes) {
    const result = structuredClone(taskDefinition);
    const containers = containersOf(result);
    for (const change of changes.images) {
        const container = containers.find((c) => c.name === change.container);
        if (!container)
            continue;
        container.image = change.image;
        if (change.pinnedTag !== undefined) {
            container.dockerLabels = mergeMap(container.dockerLabels, [
                { key: inputs/* IMAGE_TAG_LABEL */.YN, value: change.pinnedTag, line: 0 },
            ]);
        }
    }
    const target = containers.find((c) => c.name === changes.target);
    if (target) {
        if (changes.environment.length > 0) {
            target.environment = upsertNamed(target.environment, changes.environment, 'value');
        }
        if (changes.secrets.length > 0)
            target.secrets = upsertNamed(target.secrets, changes.secrets, 'valueFrom');
        if (changes.dockerLabels.length > 0)
            target.dockerLabels = mergeMap(target.dockerLabels, changes.dockerLabels);
        if (changes.logOptions.length > 0 && isObject(target.logConfiguration)) {
            target.logConfiguration = {
                ...target.logConfiguration,
                options: mergeMap(target.logConfiguration.options, changes.logOptions),
            };
        }
        if (changes.command !== undefined)
            target.command = [...changes.command];
    }
    for (const [key, value] of Object.entries(changes.task)) {
        if (value !== undefined)
            result[key] = value;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/render.ts









async function renderTaskDefinition(inputs, deps) {
    // The output path is checked first: a bad one fails before anything is read or asked of AWS.
    const outputFile = inputs.outputFile === undefined ? undefined : resolveOutput(inputs.outputFile, deps);
    const source = await loadSource(inputs, deps);
    const target = checkTargets(inputs, source.taskDefinition, source.where);
    // The images as given stand in for the verified ones: a render over ECS's size limit fails before any AWS call.
    const asGiven = inputs.images.map(({ container, image }) => ({ container, image: image.text }));
    checkSize(applyChanges(source.taskDefinition, changesOf(inputs, target, asGiven)), source.where);
    const notes = [];
    const { images, checks } = await resolveImages(inputs, deps.clients, notes);
    const rendered = applyChanges(source.taskDefinition, changesOf(inputs, target, images));
    checkSize(rendered, source.where);
    const family = rendered.family;
    const written = await writeOutput(outputFile, deps, family, (0,src/* formatJson */.IB)(rendered));
    return {
        outputFile: written,
        family,
        changed: JSON.stringify(rendered) !== JSON.stringify(source.taskDefinition),
        imageDigest: checks.find((check) => check.digest !== undefined)?.digest,
        changes: (0,ecs/* diffTaskDefinitions */.n2)(source.taskDefinition, rendered),
        imageChecks: checks,
        source: source.description,
        taskDefinition: rendered,
        notes,
    };
}
function changesOf(inputs, target, images) {
    return {
        images,
        target,
        environment: inputs.environment,
        secrets: inputs.secrets,
        dockerLabels: inputs.dockerLabels,
        logOptions: inputs.logOptions,
        command: inputs.command,
        task: {
            ...(inputs.cpu !== undefined ? { cpu: inputs.cpu } : {}),
            ...(inputs.memory !== undefined ? { memory: inputs.memory } : {}),
            ...(inputs.taskRoleArn !== undefined ? { taskRoleArn: inputs.taskRoleArn } : {}),
            ...(inputs.executionRoleArn !== undefined ? { executionRoleArn: inputs.executionRoleArn } : {}),
        },
    };
}
function checkSize(rendered, where) {
    const problem = (0,src/* taskDefinitionSizeProblem */.xF)(rendered, `The task definition rendered from ${where}`);
    if (problem)
        throw new src/* ConfigurationError */.j1(problem);
}
async function loadSource(inputs, deps) {
    const source = inputs.source;
    if (source.kind === 'file')
        return loadFile(source.path, deps);
    if (source.kind === 'family') {
        const described = await (0,aws/* describeTaskDefinition */.oh)(deps.clients, source.family, 'Input "task-definition-family"');
        const where = `the task definition ${described.arn}`;
        return {
            taskDefinition: toRegisterInput(described.document, where),
            where,
            description: `task definition ${described.arn}`,
        };
    }
    const { arn } = await (0,aws/* serviceTaskDefinition */.mO)(deps.clients, source.cluster, source.service);
    const described = await (0,aws/* describeTaskDefinition */.oh)(deps.clients, arn, `The task definition of service ${(0,src/* quoteValue */.cl)(source.service)}`);
    const where = `the task definition ${described.arn} (service ${(0,src/* quoteValue */.cl)(source.service)})`;
    return {
        taskDefinition: toRegisterInput(described.document, where),
        where,
        description: `task definition ${described.arn}, which service ${source.service} in cluster ${source.cluster} runs`,
    };
}
/** Where input paths may point: the workspace, and RUNNER_TEMP, where an earlier step (a first render) writes. */
function pathRoots(deps) {
    return [
        { name: 'GITHUB_WORKSPACE', dir: deps.workspace },
        { name: 'RUNNER_TEMP', dir: deps.runnerTemp },
    ];
}
/** A task definition file larger than this cannot be one ECS accepts, however it is indented. */
const MAX_FILE_BYTES = 1024 * 1024;
async function loadFile(input, deps) {
    const resolved = (0,src/* resolveInputPath */.qL)({ input: 'task-definition', value: input, roots: pathRoots(deps) });
    const { shown } = resolved;
    const text = (0,src/* readInputFile */.jH)('task-definition', resolved, {
        maxBytes: MAX_FILE_BYTES,
        missingHint: 'The path is relative to the repository root; check it, and that actions/checkout ran before this step.',
    });
    const where = `the task-definition file ${(0,src/* quoteValue */.cl)(shown)}`;
    const parsed = (0,src/* parseJsonText */.lk)(text);
    if (!parsed.ok) {
        const { line, column, kind } = parsed.problem;
        throw new errors/* FileConfigurationError */.b((0,src/* jsonProblemMessage */.v5)('task-definition', shown, parsed.problem), {
            file: shown,
            line,
            col: column,
            title: kind === 'duplicate-key' ? 'Task definition has a duplicate key' : 'Task definition is not valid JSON',
        });
    }
    const taskDefinition = toRegisterInput(parsed.value, where);
    const tooLarge = (0,src/* taskDefinitionSizeProblem */.xF)(taskDefinition, `Input "task-definition": the task definition in ${(0,src/* quoteValue */.cl)(shown)}`);
    if (tooLarge)
        throw new src/* ConfigurationError */.j1(tooLarge);
    return { taskDefinition, where, description: `file ${shown}` };
}
function isEcr(ref) {
    return ref.ecr !== undefined;
}
/** Verifies ECR images (one ECR call each) and decides what each container's image becomes. */
async function resolveImages(inputs, clients, notes) {
    const images = [];
    const checks = [];
    if (!inputs.verifyImage && inputs.images.length > 0) {
        notes.push('verify-image is false: the images were not checked in ECR.');
    }
    for (const assignment of inputs.images) {
        const result = await resolveImage(assignment, inputs, clients, notes);
        images.push(result.change);
        checks.push(result.check);
    }
    return { images, checks };
}
async function resolveImage(assignment, inputs, clients, notes) {
    const { container, image, origin } = assignment;
    const asGiven = { container, image: image.text };
    if (!inputs.verifyImage) {
        return { change: asGiven, check: { ...asGiven, rendered: image.text, status: 'not-checked' } };
    }
    if (!isEcr(image)) {
        notes.push(`The image ${(0,src/* quoteValue */.cl)(image.text)} (container ${(0,src/* quoteValue */.cl)(container)}) is not in an ECR private registry: not verified${inputs.pinDigest && image.digest === undefined ? ', and not pinned to a digest' : ''}.`);
        return { change: asGiven, check: { ...asGiven, rendered: image.text, status: 'not-ecr' } };
    }
    const verified = await (0,aws/* verifyEcrImage */.ju)(clients, image, origin);
    if (inputs.pinDigest) {
        const rendered = (0,image_ref/* pinnedRef */.I1)(image, verified.digest);
        const tag = image.tag ?? (image.digest === undefined ? 'latest' : undefined);
        return {
            change: { container, image: rendered, ...(tag !== undefined ? { pinnedTag: tag } : {}) },
            check: { ...asGiven, rendered, status: 'verified', digest: verified.digest, pinned: true },
        };
    }
    return {
        change: asGiven,
        check: { ...asGiven, rendered: image.text, status: 'verified', digest: verified.digest },
    };
}
function resolveOutput(value, deps) {
    return (0,src/* resolveInputPath */.qL)({ input: 'output-file', value, roots: pathRoots(deps) }).file;
}
/** Writes the rendered file: to output-file (resolved and checked already), else to a new file in RUNNER_TEMP. */
async function writeOutput(outputFile, deps, family, text) {
    if (outputFile !== undefined) {
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(outputFile), { recursive: true });
            await (0,promises_.writeFile)(outputFile, text, 'utf8');
        }
        catch (error) {
            throw new src/* ConfigurationError */.j1(`Input "output-file": cannot write ${(0,src/* quoteValue */.cl)(outputFile)}: ${(0,src/* errorMessage */.gJ)(error)}. Choose a writable path, or leave it empty for a new file in RUNNER_TEMP.`);
        }
        return outputFile;
    }
    const random = deps.randomName?.() ?? (0,external_node_crypto_.randomBytes)(4).toString('hex');
    const file = external_node_path_default().join(deps.runnerTemp, `task-definition-${family.replace(/[^\w-]/g, '_')}-${random}.json`);
    await (0,promises_.mkdir)(deps.runnerTemp, { recursive: true });
    await (0,promises_.writeFile)(file, text, { encoding: 'utf8', flag: 'wx' });
    return file;
}


/***/ }),

/***/ 6743:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qz: () => (/* binding */ explainAccessError)
/* harmony export */ });
/* unused harmony exports awsErrorCode, THROTTLING_CODES, isAccessDenied, isAccessError, sentence */
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
        isPassRoleDenied(code, errorMessage(error)));
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

/***/ 4838:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Y8: () => (/* reexport */ diffTable),
  n2: () => (/* reexport */ diffTaskDefinitions),
  Vs: () => (/* reexport */ formatDiff)
});

// UNUSED EXPORTS: AwsCallError, AwsRetriesExhaustedError, CHECK_TIMEOUT_MS, CancelledWriteError, EcsCallSession, LOG_LINES_SHOWN, NoAnswerError, UnknownOutcomeError, WRITE_ATTEMPTS, awslogsConfigs, certainlyNotApplied, containerLogsMarkdown, errorCode, explainAwsError, formatContainerLogs, getLogEvents, imageVersion, imagesOf, isAbort, isTransient, isUnavailable, lastLogLines, linesOf, logStreamOf, logsClients, logsReadProblem, noPrefixNote, normalizeTaskDefinition, readTaskDefinitionFile, sameTaskDefinition, shortTaskDefinition, toRegisterRequest, writeOnce

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
function aws_errors_errorCode(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return error.code;
    return awsErrorCode(error);
}
const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNRESET', 'ECONNREFUSED']);
/** Throttling, 5xx and dropped connections: worth trying again. */
function aws_errors_isTransient(error) {
    if (error instanceof AwsRetriesExhaustedError)
        return true;
    const e = shape(error);
    const code = aws_errors_errorCode(error);
    if (THROTTLING_CODES.has(code) || NETWORK.has(code) || e.code === 'ECONNRESET')
        return true;
    if (isAccessError(error))
        return false;
    const status = e.$metadata?.httpStatusCode;
    return status !== undefined && status >= 500;
}
/** The API does not know the operation or refuses it here: treat the extra detail as not available. */
function isUnavailable(error) {
    const code = aws_errors_errorCode(error);
    return (code === 'UnknownOperationException' ||
        code === 'InvalidParameterException' ||
        code === 'InvalidAction' ||
        code === 'UnsupportedFeatureException' ||
        isAccessDenied(error) ||
        shape(error).$metadata?.httpStatusCode === 404);
}
function aws_errors_isAbort(error) {
    const code = aws_errors_errorCode(error);
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
class aws_errors_NoAnswerError extends Error {
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
function aws_errors_explainAwsError(error, context) {
    if (aws_errors_isAbort(error) ||
        error instanceof AwsCallError ||
        error instanceof AwsRetriesExhaustedError ||
        error instanceof aws_errors_NoAnswerError)
        return error;
    const code = aws_errors_errorCode(error);
    const detail = sentence(errorMessage(error));
    const action = `ecs:${context.operation}`;
    if (aws_errors_isTransient(error)) {
        return new AwsRetriesExhaustedError(`${action} failed with ${code} (${errorMessage(error)}) after the AWS SDK's retries; AWS is throttling or failing in ${context.region}, try again later.`, code, errorMessage(error));
    }
    const where = `in region ${context.region}`;
    const access = explainAccessError(error, { action, region: context.region });
    if (access)
        return new AwsCallError(access.message, code, context.operation);
    if (code === 'ClusterNotFoundException') {
        return new AwsCallError(`Cluster "${context.cluster}" was not found ${where} (${action}: ${errorMessage(error)}). Check the cluster input and AWS_REGION.`, code, context.operation);
    }
    if (code === 'ServiceNotFoundException' || code === 'ServiceNotActiveException') {
        return new AwsCallError(`Service "${context.service}" was not found or is not active in cluster "${context.cluster}" ${where} (${action}: ${errorMessage(error)}). Check the service and cluster inputs and AWS_REGION.`, code, context.operation);
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
    if (isAccessDenied(error)) {
        return { note: `logs:GetLogEvents was denied on ${where} (${config.region}): ${notShown}`, wholeGroup: true };
    }
    if (errorCode(error) === 'ResourceNotFoundException' && /log group/i.test(errorMessage(error))) {
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
        note: `logs:GetLogEvents on ${where} (${config.region}) failed: ${errorMessage(error)}: ${notShown}`,
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
                client = Promise.all(/* import() */[__nccwpck_require__.e(81), __nccwpck_require__.e(422)]).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7422, 19)).then(({ CloudWatchLogsClient }) => createAwsClient(CloudWatchLogsClient, { region, maxAttempts: 2 }));
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
                out.push(`- task ${markdownCode(task.taskId)}: ${markdownCell(logs.note)}`, '');
                continue;
            }
            const lines = logs.lines ?? [];
            if (logs.sameAs !== undefined) {
                out.push(`- task ${markdownCode(task.taskId)}, container ${markdownCode(logs.container)}: the same last ${lines.length} lines as task ${markdownCode(logs.sameAs)}`, '');
                continue;
            }
            out.push(`Task ${markdownCode(task.taskId)}, container ${markdownCode(logs.container)} (${markdownCode(`${logs.group} ${logs.stream ?? ''}`)}): ${lines.length === 0 ? 'no log lines' : `last ${lines.length} lines`}`, '');
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
    const cell = (value, hidden) => value === undefined ? '(none)' : hidden ? (0,outputs/* markdownCell */.UZ)(value) : (0,outputs/* markdownCode */.D9)((0,outputs/* markdownCell */.UZ)(value));
    return (0,outputs/* markdownTable */.Qj)(['Where', 'Setting', 'Before', 'After'], changes.map((change) => [
        (0,outputs/* markdownCell */.UZ)(change.scope),
        (0,outputs/* markdownCell */.UZ)(change.setting),
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
class UnknownOutcomeError extends aws_errors_NoAnswerError {
    constructor(operation, reason) {
        super(operation, 0);
        this.message = `${operation.includes(':') ? operation : `ecs:${operation}`} lost its answer, and whether it took effect could not be found out (${reason}); it was not sent again`;
    }
}
/** AWS refused the call before doing anything: it certainly did not take effect. */
const certainlyNotApplied = (error) => THROTTLING_CODES.has(errorCode(error));
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
                throw new UnknownOutcomeError(spec.operation, errorMessage(error));
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

/***/ 4287:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ pinnedRef),
/* harmony export */   Q: () => (/* binding */ parseImageRef)
/* harmony export */ });
/* unused harmony export repositoryOf */
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

/***/ 3511:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  j1: () => (/* reexport */ errors/* ConfigurationError */.j1),
  n7: () => (/* reexport */ DESCRIBE_ONLY_FIELDS),
  i_: () => (/* reexport */ inputs/* InputReader */.i_),
  nV: () => (/* reexport */ createAwsClient),
  gJ: () => (/* reexport */ errors/* errorMessage */.gJ),
  Qz: () => (/* reexport */ aws_errors/* explainAccessError */.Qz),
  IB: () => (/* reexport */ json_text/* formatJson */.IB),
  aY: () => (/* reexport */ errors/* invalidInput */.aY),
  v5: () => (/* reexport */ json_text/* jsonProblemMessage */.v5),
  po: () => (/* reexport */ keepRawResponse),
  Rm: () => (/* reexport */ log_namespaceObject),
  D9: () => (/* reexport */ outputs/* markdownCode */.D9),
  Qj: () => (/* reexport */ outputs/* markdownTable */.Qj),
  lk: () => (/* reexport */ json_text/* parseJsonText */.lk),
  cl: () => (/* reexport */ errors/* quoteValue */.cl),
  jH: () => (/* reexport */ workspace_path/* readInputFile */.jH),
  qL: () => (/* reexport */ workspace_path/* resolveInputPath */.qL),
  Cs: () => (/* reexport */ runAction),
  lj: () => (/* reexport */ src_runner/* runner */.lj),
  ax: () => (/* reexport */ inputs/* runnerInputs */.ax),
  n0: () => (/* reexport */ outputs/* setOutputs */.n0),
  xF: () => (/* reexport */ taskDefinitionSizeProblem),
  Sy: () => (/* reexport */ outputs/* writeSummary */.Sy)
});

// UNUSED EXPORTS: CONTROL_CHARACTERS, ECS_ACTIONS_VERSION, MERMAID_GANTT_MAX_TASKS, MERMAID_LABEL_MAX, ManualClock, StepState, TASK_DEFINITION_MAX_BYTES, THROTTLING_CODES, awsClientConfig, awsErrorCode, awsRegion, displayPath, formatDuration, inOrder, inputEnvName, inputsFrom, isAccessDenied, isAccessError, jobCancelSignal, locateJsonError, markdownCell, markdownText, mermaidGantt, mermaidText, parseDuration, parseInteger, plainTextEcho, poll, rawMember, realSleep, reportFailure, requestTimeoutWithin, runnerLines, sendAsWritten, sentence, systemClock, taskDefinitionBytes, wireBody, writePlainText

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

// EXTERNAL MODULE: ../../packages/core/src/aws-errors.ts
var aws_errors = __nccwpck_require__(6743);
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
    const flat = value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
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

;// CONCATENATED MODULE: ../../packages/core/src/task-definition.ts
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

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ../../packages/core/src/time.ts

const systemClock = { now: () => Date.now() };
const realSleep = async (ms, signal) => {
    await delay(ms, undefined, signal ? { signal } : undefined);
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
/* harmony export */   IB: () => (/* binding */ formatJson),
/* harmony export */   lk: () => (/* binding */ parseJsonText),
/* harmony export */   v5: () => (/* binding */ jsonProblemMessage)
/* harmony export */ });
/* unused harmony export locateJsonError */
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
/* harmony export */   n0: () => (/* binding */ setOutputs)
/* harmony export */ });
/* unused harmony exports markdownText, CONTROL_CHARACTERS */
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
