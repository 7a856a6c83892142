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
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3505);

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
        throw new Error(`DescribeTaskDefinition ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(taskDefinition)} in ${region} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, {
            cause: error,
        });
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
        throw new Error(`DescribeServices ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(service)} in cluster ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(cluster)} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, {
            cause: error,
        });
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
            throw new Error(`ECR DescribeImages for ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(ref.text)} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, {
                cause: error,
            });
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

/***/ 9712:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Vs: () => (/* binding */ formatDiff),
/* harmony export */   Y8: () => (/* binding */ diffTable),
/* harmony export */   n2: () => (/* binding */ diffTaskDefinitions)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3505);
/* harmony import */ var _task_definition_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5670);


const HIDDEN = '(value hidden)';
function namedValues(list, field) {
    const map = new Map();
    if (!Array.isArray(list))
        return map;
    for (const item of list) {
        if ((0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(item) && typeof item.name === 'string')
            map.set(item.name, String(item[field] ?? ''));
    }
    return map;
}
function mapValues(map) {
    const result = new Map();
    if (!(0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(map))
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
const text = (value) => value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
/** What changed between the source and the rendered task definition, in the settings this action changes. */
function diffTaskDefinitions(before, after) {
    const changes = [];
    for (const field of ['cpu', 'memory', 'taskRoleArn', 'executionRoleArn']) {
        const a = text(before[field]);
        const b = text(after[field]);
        if (a !== b)
            changes.push({ scope: 'task', setting: field, before: a, after: b });
    }
    const beforeContainers = (0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .containersOf */ .Mz)(before);
    for (const container of (0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .containersOf */ .Mz)(after)) {
        const old = beforeContainers.find((c) => c.name === container.name) ?? {};
        const scope = `container ${String(container.name)}`;
        const image = [text(old.image), text(container.image)];
        if (image[0] !== image[1])
            changes.push({ scope, setting: 'image', before: image[0], after: image[1] });
        changes.push(...compareMaps(scope, 'environment', namedValues(old.environment, 'value'), namedValues(container.environment, 'value')), ...compareMaps(scope, 'secret', namedValues(old.secrets, 'valueFrom'), namedValues(container.secrets, 'valueFrom'), true), ...compareMaps(scope, 'docker label', mapValues(old.dockerLabels), mapValues(container.dockerLabels)), ...compareMaps(scope, 'log option', mapValues((0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(old.logConfiguration) ? old.logConfiguration.options : undefined), mapValues((0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(container.logConfiguration) ? container.logConfiguration.options : undefined)));
        const command = [text(old.command), text(container.command)];
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
    const cell = (value, hidden) => value === undefined ? '(none)' : hidden ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(value) : (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)((0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(value));
    return (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['Where', 'Setting', 'Before', 'After'], changes.map((change) => [
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(change.scope),
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(change.setting),
        cell(change.before, change.hidden),
        cell(change.after, change.hidden),
    ]));
}


/***/ }),

/***/ 780:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ FileConfigurationError)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3505);

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

/***/ 4390:
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

/***/ 7935:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3505);
/* harmony import */ var _aws_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5554);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9712);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(780);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5286);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9547);







async function main() {
    const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readRenderInputs */ .i)(new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .InputReader */ .i_());
    const result = await (0,_render_js__WEBPACK_IMPORTED_MODULE_6__/* .renderTaskDefinition */ .P)(inputs, {
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        runnerTemp: process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(),
        clients: _aws_js__WEBPACK_IMPORTED_MODULE_2__/* .sdkClients */ .HX,
    });
    for (const note of result.notes)
        _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log.info */ .Rm.info(note);
    _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .log.info */ .Rm.info(`Rendered ${result.family} from ${result.source} into ${result.outputFile}`);
    for (const line of (0,_diff_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDiff */ .Vs)(result.changes))
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
        (0,_diff_js__WEBPACK_IMPORTED_MODULE_3__/* .diffTable */ .Y8)(result.changes),
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

/***/ 5286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ IMAGE_TAG_LABEL),
/* harmony export */   i: () => (/* binding */ readRenderInputs)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3505);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4390);


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
function readRenderInputs(input) {
    const source = readSource(input);
    const containerName = input.optionalString('container-name');
    if (containerName !== undefined && !NAME.test(containerName)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('container-name', containerName, 'is not a container name', 'Container names are 1 to 255 letters, digits, "_" and "-".');
    }
    const images = readImages(input, containerName);
    const verifyImage = input.boolean('verify-image', true);
    const pinDigest = input.boolean('pin-digest', false);
    if (pinDigest && !verifyImage) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('Input "pin-digest" is true but "verify-image" is false: the digest to pin comes from the ECR check. Set verify-image: true, or pin-digest: false.');
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
function readSource(input) {
    const file = input.optionalString('task-definition');
    const family = input.optionalString('task-definition-family');
    const service = input.optionalString('service');
    const cluster = input.optionalString('cluster');
    const given = [
        file !== undefined ? `task-definition (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(file)})` : undefined,
        family !== undefined ? `task-definition-family (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(family)})` : undefined,
        service !== undefined || cluster !== undefined ? 'service + cluster' : undefined,
    ].filter((name) => name !== undefined);
    const which = 'Set exactly one of: task-definition (a JSON file in the repository), task-definition-family (a registered family, optionally family:revision), or service and cluster (the task definition the service runs now).';
    if (given.length === 0)
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`No task definition source is set. ${which}`);
    if (given.length > 1) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Several task definition sources are set: ${given.join(', ')}. ${which}`);
    }
    if (file !== undefined)
        return { kind: 'file', path: file };
    if (family !== undefined) {
        if (!FAMILY.test(family) && !TASK_DEFINITION_ARN.test(family)) {
            throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('task-definition-family', family, 'is not a task definition family', 'Write the family (letters, digits, "_" and "-"), family:revision such as ecs_be_prod:42, or a task definition ARN.');
        }
        return { kind: 'family', family };
    }
    if (service === undefined || cluster === undefined) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(service === undefined
            ? `Input "cluster" is set (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(cluster ?? '')}) but "service" is empty. Set service: to the ECS service whose task definition to render.`
            : `Input "service" is set (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(service)}) but "cluster" is empty. Set cluster: to the ECS cluster the service runs in.`);
    }
    if (!SERVICE.test(service)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('service', service, 'is not a service name', 'Write the service name or its ARN.');
    }
    if (!CLUSTER.test(cluster)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('cluster', cluster, 'is not a cluster name', 'Write the cluster name or its ARN.');
    }
    return { kind: 'service', service, cluster };
}
function imageRef(value, origin) {
    const parsed = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageRef */ .Q)(value);
    if (!parsed.ok) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${origin[0]?.toUpperCase()}${origin.slice(1)}: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(value)} is not a valid image reference: it ${parsed.reason}. Write registry/repository:tag or registry/repository@sha256:<digest>, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:1.2501.7.`);
    }
    return parsed.ref;
}
function readImages(input, containerName) {
    const image = input.optionalString('image');
    const lines = input.keyValues('images', 'container=image');
    if (image !== undefined && lines.length > 0) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1('Inputs "image" and "images" are both set. Use container-name + image for one container, or images (one container=image a line) for several.');
    }
    if (image !== undefined) {
        if (containerName === undefined) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "image" is set (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(image)}) but "container-name" is empty. Set container-name: to the container that gets the image, or use images: with container=image lines.`);
        }
        return [{ container: containerName, image: imageRef(image, 'input "image"'), origin: 'input "image"' }];
    }
    const seen = new Map();
    return lines.map(({ key, value, line }) => {
        const origin = `input "images" line ${line}`;
        if (!NAME.test(key)) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "images" line ${line}: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(key)} is not a container name (1 to 255 letters, digits, "_" and "-"). Write container=image.`);
        }
        const earlier = seen.get(key);
        if (earlier !== undefined) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "images" names the container ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(key)} twice (lines ${earlier} and ${line}). Give each container one image.`);
        }
        seen.set(key, line);
        return { container: key, image: imageRef(value, origin), origin };
    });
}
function entries(input, name, what, options) {
    const list = input.keyValues(name, what);
    for (const entry of list) {
        if (/\s/.test(entry.key)) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${name}" line ${entry.line}: the name ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(entry.key)} contains whitespace. Write one ${what} a line, with no spaces in the name.`);
        }
        if (!options.emptyValue && entry.value === '') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${name}" line ${entry.line}: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(entry.key)} has an empty valueFrom. Write ${what}, where valueFrom is an SSM parameter name or ARN, or a Secrets Manager secret ARN.`);
        }
    }
    return list;
}
function matching(input, name, pattern, expected) {
    const value = input.optionalString(name);
    if (value !== undefined && !pattern.test(value))
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, value, expected);
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
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('command', text, 'must be a JSON array of strings', `${fix} (${error.message})`);
    }
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('command', text, 'must be a JSON array of strings', fix);
    }
    if (value.length === 0)
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('command', text, 'must not be an empty array', fix);
    return value;
}


/***/ }),

/***/ 9547:
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
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 12 modules
var src = __nccwpck_require__(3505);
// EXTERNAL MODULE: ./src/aws.ts
var aws = __nccwpck_require__(5554);
// EXTERNAL MODULE: ./src/diff.ts
var diff = __nccwpck_require__(9712);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(780);
// EXTERNAL MODULE: ./src/image-ref.ts
var image_ref = __nccwpck_require__(4390);
;// CONCATENATED MODULE: ./src/json-text.ts
/** JSON text in and out, with the position of a syntax error for an annotation on the file. */
/** JSON.parse (which keeps the source's key order), and on failure where and why, in words. */
function parseJsonText(text) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
        return { ok: true, value: JSON.parse(body) };
    }
    catch (error) {
        // A byte-order mark is invisible in editors, so positions are counted without it.
        const found = locateJsonError(body);
        if (found)
            return { ok: false, problem: { ...position(body, found.offset), message: found.message } };
        return { ok: false, problem: { line: 1, column: 1, message: error.message } };
    }
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
    constructor(reason, offset) {
        super(reason);
        this.reason = reason;
        this.offset = offset;
    }
}
const describe = (ch) => (ch === undefined ? 'the end of the file' : JSON.stringify(ch));
/** A strict RFC 8259 scanner that reports the first error (JSON.parse's messages do not always say where). */
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
        for (;;) {
            skipSpace();
            if (text[i] === '}')
                fail('a trailing comma before "}"');
            if (text[i] !== '"')
                fail(`expected a property name in double quotes, found ${describe(text[i])}`);
            string();
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
        if (error instanceof Stop)
            return { message: error.reason, offset: Math.min(error.offset, text.length) };
        throw error;
    }
}
/** How the rendered file is written: 2-space indent and a final newline. */
function formatJson(value) {
    return `${JSON.stringify(value, null, 2)}\n`;
}

// EXTERNAL MODULE: ./src/task-definition.ts
var task_definition = __nccwpck_require__(5670);
;// CONCATENATED MODULE: ./src/render.ts










async function renderTaskDefinition(inputs, deps) {
    const source = await loadSource(inputs, deps);
    const target = (0,task_definition/* checkTargets */.VJ)(inputs, source.taskDefinition, source.where);
    const notes = [];
    const { images, checks } = await resolveImages(inputs, deps.clients, notes);
    const rendered = (0,task_definition/* applyChanges */.YF)(source.taskDefinition, {
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
    });
    const family = rendered.family;
    const outputFile = await writeOutput(inputs, deps, family, formatJson(rendered));
    return {
        outputFile,
        family,
        changed: JSON.stringify(rendered) !== JSON.stringify(source.taskDefinition),
        imageDigest: checks.find((check) => check.digest !== undefined)?.digest,
        changes: (0,diff/* diffTaskDefinitions */.n2)(source.taskDefinition, rendered),
        imageChecks: checks,
        source: source.description,
        taskDefinition: rendered,
        notes,
    };
}
async function loadSource(inputs, deps) {
    const source = inputs.source;
    if (source.kind === 'file')
        return loadFile(source.path, deps.workspace);
    if (source.kind === 'family') {
        const described = await (0,aws/* describeTaskDefinition */.oh)(deps.clients, source.family, 'Input "task-definition-family"');
        const where = `the task definition ${described.arn}`;
        return {
            taskDefinition: (0,task_definition/* toRegisterInput */.Rv)(described.document, where),
            where,
            description: `task definition ${described.arn}`,
        };
    }
    const { arn } = await (0,aws/* serviceTaskDefinition */.mO)(deps.clients, source.cluster, source.service);
    const described = await (0,aws/* describeTaskDefinition */.oh)(deps.clients, arn, `The task definition of service ${(0,src/* quoteValue */.cl)(source.service)}`);
    const where = `the task definition ${described.arn} (service ${(0,src/* quoteValue */.cl)(source.service)})`;
    return {
        taskDefinition: (0,task_definition/* toRegisterInput */.Rv)(described.document, where),
        where,
        description: `task definition ${described.arn}, which service ${source.service} in cluster ${source.cluster} runs`,
    };
}
/** The path for annotations and messages: relative to the workspace, with forward slashes. */
function displayPath(file, workspace) {
    const relative = external_node_path_default().relative(workspace, file);
    return relative && !relative.startsWith('..') && !external_node_path_default().isAbsolute(relative)
        ? relative.split((external_node_path_default()).sep).join('/')
        : file;
}
async function loadFile(input, workspace) {
    const file = external_node_path_default().resolve(workspace, input);
    const shown = displayPath(file, workspace);
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            throw new src/* ConfigurationError */.j1(`Input "task-definition": the file ${(0,src/* quoteValue */.cl)(shown)} does not exist (looked for ${file}). The path is relative to the repository root; check it, and that actions/checkout ran before this step.`);
        }
        if (code === 'EISDIR') {
            throw new src/* ConfigurationError */.j1(`Input "task-definition": ${(0,src/* quoteValue */.cl)(shown)} is a directory. Point it at the task definition JSON file.`);
        }
        throw new src/* ConfigurationError */.j1(`Input "task-definition": cannot read ${(0,src/* quoteValue */.cl)(shown)}: ${(0,src/* errorMessage */.gJ)(error)}.`);
    }
    const where = `the task-definition file ${(0,src/* quoteValue */.cl)(shown)}`;
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
        const { line, column, message } = parsed.problem;
        throw new errors/* FileConfigurationError */.b(`Input "task-definition": ${(0,src/* quoteValue */.cl)(shown)} is not valid JSON: ${message} at line ${line}, column ${column}. Fix the file.`, { file: shown, line, col: column, title: 'Task definition is not valid JSON' });
    }
    return { taskDefinition: (0,task_definition/* toRegisterInput */.Rv)(parsed.value, where), where, description: `file ${shown}` };
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
async function writeOutput(inputs, deps, family, text) {
    if (inputs.outputFile !== undefined) {
        const file = external_node_path_default().resolve(deps.workspace, inputs.outputFile);
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
            await (0,promises_.writeFile)(file, text, 'utf8');
        }
        catch (error) {
            throw new src/* ConfigurationError */.j1(`Input "output-file": cannot write ${(0,src/* quoteValue */.cl)(inputs.outputFile)}: ${(0,src/* errorMessage */.gJ)(error)}. Choose a writable path, or leave it empty for a new file in RUNNER_TEMP.`);
        }
        return file;
    }
    const random = deps.randomName?.() ?? (0,external_node_crypto_.randomBytes)(4).toString('hex');
    const file = external_node_path_default().join(deps.runnerTemp, `task-definition-${family.replace(/[^\w-]/g, '_')}-${random}.json`);
    await (0,promises_.mkdir)(deps.runnerTemp, { recursive: true });
    await (0,promises_.writeFile)(file, text, { encoding: 'utf8', flag: 'wx' });
    return file;
}


/***/ }),

/***/ 5670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   Mz: () => (/* binding */ containersOf),
/* harmony export */   Rv: () => (/* binding */ toRegisterInput),
/* harmony export */   VJ: () => (/* binding */ checkTargets),
/* harmony export */   YF: () => (/* binding */ applyChanges)
/* harmony export */ });
/* unused harmony exports containerNames, settingsContainer */
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3505);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5286);


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
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where} holds ${kind}, not a task definition. It must be a JSON object: RegisterTaskDefinition input, or DescribeTaskDefinition output ({"taskDefinition": {...}}).`);
    }
    const describeForm = isObject(document.taskDefinition) && !('containerDefinitions' in document);
    const source = describeForm ? document.taskDefinition : document;
    const result = {};
    for (const [key, value] of Object.entries(source)) {
        if (!_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DESCRIBE_ONLY_FIELDS */ .n7.includes(key))
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
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where} has no containerDefinitions${containers === undefined ? '' : ' (it is not a non-empty array)'}. A task definition lists its containers under "containerDefinitions": [{"name": ..., "image": ...}].`);
    }
    containers.forEach((container, index) => {
        if (!isObject(container) || typeof container.name !== 'string' || container.name === '') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: containerDefinitions[${index}] is not a container with a "name". Every container needs a name.`);
        }
    });
    if (typeof taskDefinition.family !== 'string' || taskDefinition.family === '') {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where} has no "family". RegisterTaskDefinition needs the family name.`);
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
    return new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${origin[0]?.toUpperCase()}${origin.slice(1)}: there is no container named ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(name)} in ${where}. Its containers: ${names.map((n) => (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(n)).join(', ')}.`);
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
    if (inputs.containerName !== undefined) {
        if (!findContainer(taskDefinition, inputs.containerName)) {
            throw notFound(inputs.containerName, 'input "container-name"', taskDefinition, where);
        }
        return settings.length > 0 ? inputs.containerName : undefined;
    }
    if (settings.length === 0)
        return undefined;
    const [onlyImage, ...otherImages] = inputs.images;
    if (onlyImage && otherImages.length === 0)
        return onlyImage.container;
    const names = containerNames(taskDefinition);
    if (names.length === 1)
        return names[0];
    throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input${settings.length > 1 ? 's' : ''} ${settings.map((s) => `"${s}"`).join(', ')} change${settings.length > 1 ? '' : 's'} one container, but ${where} has several (${names.map((n) => (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(n)).join(', ')}) and "container-name" is empty. Set container-name: to the container that gets them.`);
}
/** Checks that every container the inputs name exists and can take the change; nothing is changed yet. */
function checkTargets(inputs, taskDefinition, where) {
    for (const assignment of inputs.images) {
        if (!findContainer(taskDefinition, assignment.container)) {
            throw notFound(assignment.container, assignment.origin, taskDefinition, where);
        }
    }
    const target = settingsContainer(inputs, taskDefinition, where);
    if (target !== undefined && inputs.logOptions.length > 0) {
        const container = findContainer(taskDefinition, target);
        if (!isObject(container?.logConfiguration) || typeof container.logConfiguration.logDriver !== 'string') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "log-options": the container ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(target)} in ${where} has no logConfiguration with a logDriver to merge the options into. Add "logConfiguration": {"logDriver": "awslogs", "options": {...}} to the container first.`);
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
                { key: _inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .IMAGE_TAG_LABEL */ .Y, value: change.pinnedTag, line: 0 },
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


/***/ }),

/***/ 3505:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  j1: () => (/* reexport */ ConfigurationError),
  n7: () => (/* reexport */ DESCRIBE_ONLY_FIELDS),
  i_: () => (/* reexport */ InputReader),
  nV: () => (/* reexport */ createAwsClient),
  gJ: () => (/* reexport */ errorMessage),
  aY: () => (/* reexport */ invalidInput),
  po: () => (/* reexport */ keepRawResponse),
  Rm: () => (/* reexport */ log_namespaceObject),
  UZ: () => (/* reexport */ markdownCell),
  D9: () => (/* reexport */ markdownCode),
  Qj: () => (/* reexport */ markdownTable),
  cl: () => (/* reexport */ quoteValue),
  Cs: () => (/* reexport */ runAction),
  lj: () => (/* reexport */ runner_runner),
  n0: () => (/* reexport */ setOutputs),
  Sy: () => (/* reexport */ writeSummary)
});

// UNUSED EXPORTS: ECS_ACTIONS_VERSION, ManualClock, StepState, awsClientConfig, awsRegion, formatDuration, inputEnvName, inputsFrom, parseDuration, parseInteger, poll, rawMember, realSleep, reportFailure, runnerInputs, sendAsWritten, systemClock, wireBody

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

;// CONCATENATED MODULE: ../../packages/core/src/errors.ts
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

;// CONCATENATED MODULE: ../../packages/core/src/version.ts
/** The toolkit's own version, sent in the AWS user agent. A test keeps it equal to the root package.json. */
const ECS_ACTIONS_VERSION = '1.0.0';

;// CONCATENATED MODULE: ../../packages/core/src/aws.ts


/** How long to wait for a TCP connection, and for the answer to one attempt: AWS API calls take well under a second. */
const AWS_CONNECTION_TIMEOUT_MS = 5_000;
const AWS_REQUEST_TIMEOUT_MS = 30_000;
/** Region from the input or the standard variables that aws-actions/configure-aws-credentials sets. */
function awsRegion(explicit, env = process.env) {
    const region = explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new ConfigurationError('No AWS region is set: AWS_REGION and AWS_DEFAULT_REGION are empty. Run aws-actions/configure-aws-credentials with aws-region first, or set AWS_REGION in env.');
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
        throw new ConfigurationError(`The AWS region "${region}" is not a region name such as us-east-1 or ap-northeast-2.`);
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

;// CONCATENATED MODULE: ../../packages/core/src/inputs.ts

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
            throw new ConfigurationError(`Input "${name}" is required and was empty. Set it under "with:" in the step.`);
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
        throw invalidInput(name, value, 'must be a boolean', 'Use true or false (YAML 1.2: true, True, TRUE, false, False, FALSE).');
    }
    oneOf(name, allowed, fallback) {
        const value = this.raw(name);
        if (!value)
            return fallback;
        if (allowed.includes(value))
            return value;
        throw invalidInput(name, value, `must be one of ${allowed.join(', ')}`);
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
                throw new ConfigurationError(`Input "${name}" line ${index + 1} is not ${what}: ${quoteValue(line)}. Write one ${what} a line; the value may contain "=".`);
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
            throw invalidInput(name, value, 'must be JSON', `The parser said: ${error.message}.`);
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
        throw invalidInput(name, value, `must be ${range}`);
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max)
        throw invalidInput(name, value, `must be ${range}`);
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
            throw invalidInput(name, value, format);
        ms = Math.round(parts.reduce((total, part) => total + Number(part[1]) * (DURATION_UNITS_MS[part[2] ?? 's'] ?? 0), 0));
    }
    if (options.min !== undefined && ms < options.min) {
        throw invalidInput(name, value, `must be at least ${formatDuration(options.min)}`);
    }
    if (options.max !== undefined && ms > options.max) {
        throw invalidInput(name, value, `must be at most ${formatDuration(options.max)}`);
    }
    return ms;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ../../packages/core/src/runner.ts
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
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
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
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
const runner_runner = {
    info(message) {
        process.stdout.write(`${message}${external_node_os_.EOL}`);
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
        (0,external_node_fs_.appendFileSync)(file, `${markdown}${external_node_os_.EOL}`, 'utf8');
    },
    /** Fails the step: an error annotation and exit code 1. */
    setFailed(message, properties = {}) {
        process.exitCode = 1;
        issueCommand('error', { ...properties }, message);
    },
};

;// CONCATENATED MODULE: ../../packages/core/src/log.ts

const { info, warning, notice, error, debug, startGroup, endGroup } = runner_runner;
/** A collapsible log section around `fn`, closed even when it throws. */
async function group(title, fn) {
    runner_runner.startGroup(title);
    try {
        return await fn();
    }
    finally {
        runner_runner.endGroup();
    }
}
/**
 * Hides a secret from every later log line. Each line of a multi-line secret is masked too,
 * because the runner matches masks line by line.
 */
function maskSecret(secret) {
    if (!secret)
        return;
    runner_runner.setSecret(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim() && line !== secret)
            runner_runner.setSecret(line);
}

;// CONCATENATED MODULE: ../../packages/core/src/outputs.ts

/** Writes every defined output; arrays and objects as JSON. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value === undefined)
            continue;
        runner_runner.setOutput(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
}
/** Escapes a value for a markdown table cell. */
function markdownCell(value) {
    return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
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
        runner_runner.debug('GITHUB_STEP_SUMMARY is not set; the job summary is skipped');
        return;
    }
    runner_runner.appendSummary(markdown);
}

;// CONCATENATED MODULE: ../../packages/core/src/run.ts


const POST_MARKER = 'ecs-actions-post';
/**
 * The entry of every action: runs main (or post, on the second invocation) and is the one error path.
 * A ConfigurationError fails the step with its message alone; anything else also shows its stack under debug.
 * The step is failed exactly once.
 */
async function runAction(steps) {
    const isPost = steps.post !== undefined && runner_runner.getState(POST_MARKER) === 'true';
    try {
        if (isPost && steps.post) {
            await steps.post();
        }
        else {
            // Saved first so that the post step runs its clean-up even when main fails half way.
            if (steps.post)
                runner_runner.saveState(POST_MARKER, 'true');
            await steps.main();
        }
    }
    catch (error) {
        reportFailure(error);
    }
}
function reportFailure(error) {
    if (!(error instanceof ConfigurationError) && error instanceof Error && error.stack)
        runner_runner.debug(error.stack);
    runner_runner.setFailed(errorMessage(error));
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

;// CONCATENATED MODULE: ../../packages/core/src/index.ts













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
