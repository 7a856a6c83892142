import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 735:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ builderEnv),
/* harmony export */   RK: () => (/* binding */ dockerCli),
/* harmony export */   Xx: () => (/* binding */ checkEngine),
/* harmony export */   YJ: () => (/* binding */ DockerCommandError),
/* harmony export */   fb: () => (/* binding */ buildArguments),
/* harmony export */   lg: () => (/* binding */ knownDigests),
/* harmony export */   lj: () => (/* binding */ combinedOutput),
/* harmony export */   mm: () => (/* binding */ inspectImage),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* unused harmony exports DockerNotInstalledError, dockerHostTried, checkDocker */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(699);
/**
 * The Docker CLI, behind a small interface so the logic can be tested without a daemon. Every call passes
 * its arguments as an array (no shell), and a secret only ever travels on stdin.
 */


/** What the command printed, in order where known. */
function combinedOutput(result) {
    return result.output ?? `${result.stdout}\n${result.stderr}`;
}
/** Docker is not on PATH. */
class DockerNotInstalledError extends Error {
}
/**
 * The real CLI, started with node's spawn: the command line and output are echoed to the log unless `quiet`. The
 * process starts at once, in the same tick (no PATH lookup first), so that `docker` runs while the action goes on
 * loading the AWS SDK.
 */
function dockerCli(binary = 'docker') {
    return {
        run(args, options = {}) {
            const quiet = options.quiet ?? false;
            const envPrefix = Object.entries(options.env ?? {})
                .map(([name, value]) => `${name}=${value} `)
                .join('');
            if (!quiet)
                (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .writePlainText */ .Nz)(`[command]${envPrefix}${binary} ${args.join(' ')}`);
            return new Promise((resolve, reject) => {
                const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(binary, [...args], {
                    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
                });
                const stdout = [];
                const stderr = [];
                const output = [];
                // The build's output (a base image's or a RUN step's text) is echoed as plain text, never as commands.
                // Both go to stdout: the runner reads stdout and stderr separately and interleaves their lines, so a
                // stop-commands block on one stream does not guard the other (its resume line can land in the middle).
                const echoes = { stdout: (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .plainTextEcho */ .jh)(process.stdout), stderr: (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .plainTextEcho */ .jh)(process.stdout) };
                const collect = (into, echo) => (data) => {
                    into.push(data);
                    output.push(data);
                    if (!quiet)
                        echo.write(data);
                };
                child.stdout?.on('data', collect(stdout, echoes.stdout));
                child.stderr?.on('data', collect(stderr, echoes.stderr));
                child.on('error', (error) => {
                    reject(error.code === 'ENOENT'
                        ? new DockerNotInstalledError(`Unable to locate executable file: ${binary}`)
                        : error);
                });
                child.on('close', (code) => {
                    echoes.stdout.end();
                    echoes.stderr.end();
                    resolve({
                        // A process killed by a signal has no exit code: it failed.
                        exitCode: code ?? 1,
                        stdout: Buffer.concat(stdout).toString('utf8'),
                        stderr: Buffer.concat(stderr).toString('utf8'),
                        output: Buffer.concat(output).toString('utf8'),
                    });
                });
                if (options.stdin !== undefined) {
                    // A docker that exits before reading its stdin (a bad flag) closes the pipe: its exit code says why.
                    child.stdin?.on('error', () => { });
                    child.stdin?.end(options.stdin, 'utf8');
                }
            });
        },
    };
}
/** Where the Docker CLI looks for the daemon, for error messages. */
function dockerHostTried(env = process.env) {
    if (env.DOCKER_HOST)
        return `${env.DOCKER_HOST} (from DOCKER_HOST)`;
    if (env.DOCKER_CONTEXT)
        return `the endpoint of Docker context ${env.DOCKER_CONTEXT} (from DOCKER_CONTEXT)`;
    return 'unix:///var/run/docker.sock (the default; DOCKER_HOST is not set)';
}
/** Checks that the CLI is installed and the daemon answers; returns the server version. */
async function checkDocker(docker, env = process.env) {
    let result;
    try {
        result = await docker.run(['version', '--format', '{{.Server.Version}}'], { quiet: true });
    }
    catch (error) {
        if (error instanceof DockerNotInstalledError) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('Docker is not installed: there is no docker command on PATH. Use a runner with Docker (ubuntu-latest has it), or install Docker in an earlier step.');
        }
        throw error;
    }
    const version = result.stdout.trim();
    if (result.exitCode !== 0 || version === '') {
        const said = lastLines(`${result.stderr}\n${result.stdout}`, 3) || `exit code ${result.exitCode}`;
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`The Docker daemon is not reachable at ${dockerHostTried(env)}: ${said}. Start Docker, or point DOCKER_HOST at a running daemon (e.g. unix:///var/run/docker.sock).`);
    }
    return version;
}
/**
 * The daemon's answer and the image given (undefined when there is none, or no image was given). With an image,
 * `docker image inspect` alone answers both (one docker process, not two, while the action loads); only when it
 * fails is the daemon asked what is wrong, so that failures are reported in the same order: no daemon before no
 * image.
 */
async function checkEngine(docker, env, image) {
    if (image === undefined) {
        await checkDocker(docker, env);
        return undefined;
    }
    try {
        return await inspectImage(docker, image);
    }
    catch (error) {
        await checkDocker(docker, env);
        throw error;
    }
}
/** `docker build` arguments, one array element per argument: values are never split or quoted by a shell. */
function buildArguments(options) {
    const args = [
        ...(options.builder === 'buildx' ? ['buildx'] : []),
        'build',
        ...(options.builder === 'buildx' || options.builder === 'builtin' ? ['--progress', 'plain'] : []),
        '--file',
        options.dockerfile,
        '--iidfile',
        options.iidfile,
    ];
    if (options.target)
        args.push('--target', options.target);
    if (options.platform)
        args.push('--platform', options.platform);
    if (options.network && options.network !== 'default')
        args.push('--network', options.network);
    for (const { key, value } of options.buildArgs)
        args.push('--build-arg', `${key}=${value}`);
    for (const { key, value } of options.labels)
        args.push('--label', `${key}=${value}`);
    args.push(...(options.secretArgs ?? []));
    args.push(...(options.cacheArgs ?? []), options.context);
    return args;
}
/** The environment `docker build` runs with: the engine's own BuildKit is asked for by DOCKER_BUILDKIT=1. */
function builderEnv(builder) {
    return builder === 'builtin' ? { DOCKER_BUILDKIT: '1' } : undefined;
}
/** `docker image inspect`; undefined when the engine has no such image. */
async function inspectImage(docker, reference) {
    const result = await docker.run(['image', 'inspect', '--format', '{{json .}}', reference], { quiet: true });
    if (result.exitCode !== 0) {
        if (/no such (image|object)/i.test(result.stderr))
            return undefined;
        throw new Error(`docker image inspect ${reference} failed: ${lastLines(result.stderr, 3)}`);
    }
    const parsed = JSON.parse(result.stdout);
    if (!parsed.Id)
        throw new Error(`docker image inspect ${reference} returned no Id`);
    return { id: parsed.Id, repoDigests: parsed.RepoDigests ?? [] };
}
/**
 * The manifest digests Docker knows this image by, those of `repositoryUri` first (the one an error names). A digest
 * names one manifest wherever it is stored, so a tag that holds any of them holds this image.
 */
function knownDigests(image, repositoryUri) {
    const digestOf = (entry) => entry.slice(entry.lastIndexOf('@') + 1);
    const here = image.repoDigests.filter((entry) => entry.startsWith(`${repositoryUri}@`));
    const elsewhere = image.repoDigests.filter((entry) => !here.includes(entry));
    return [...new Set([...here, ...elsewhere].map(digestOf))];
}
/** A failed docker command, with the end of its output. */
class DockerCommandError extends _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 {
    command;
    result;
    constructor(command, result, hint = '') {
        const output = lastLines(result.stderr, 1) || lastLines(combinedOutput(result), 1);
        super(`docker ${command} failed (exit code ${result.exitCode})${output ? `: ${output}` : ''}${hint ? ` ${hint}` : ''}`);
        this.command = command;
        this.result = result;
    }
}
/** The last `count` non-empty lines of a command's output. */
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '')
        .slice(-count)
        .join('\n');
}


/***/ }),

/***/ 7935:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(699);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(735);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5286);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6421);






const loginState = new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .StepState */ .uk('ecr-push-login');
// The AWS SDK and the push logic load only in main, after the inputs are read: the post step (docker logout)
// and a bad input never parse them (they are separate chunks of the bundle).
await (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .runAction */ .Cs)({
    async main() {
        const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readEcrPushInputs */ .yA)(new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .InputReader */ .i_());
        const docker = (0,_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .dockerCli */ .RK)();
        // The docker CLI answers while the AWS SDK below is loaded and parsed; pushImage awaits it.
        const engineCheck = (0,_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .checkEngine */ .Xx)(docker, process.env, inputs.source.kind === 'image' ? inputs.source.image : undefined);
        engineCheck.catch(() => { });
        const [{ ECRClient }, { pushImage }, { summaryMarkdown }] = await Promise.all([
            __nccwpck_require__.e(/* import() */ 613).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8613, 19)),
            Promise.all(/* import() */[__nccwpck_require__.e(613), __nccwpck_require__.e(65)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5065)),
            Promise.all(/* import() */[__nccwpck_require__.e(613), __nccwpck_require__.e(327)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2327)),
        ]);
        const result = await pushImage(inputs, {
            ecr: (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .createAwsClient */ .nV)(ECRClient),
            docker,
            engineCheck,
            clock: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .ml,
            sleep: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .realSleep */ .bZ,
            log: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm,
            workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
            tempDir: process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(),
            env: process.env,
            event: readEvent(),
            onLogin: (registry) => loginState.save({ registry, dockerConfig: process.env.DOCKER_CONFIG }),
        });
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .setOutputs */ .n0)({
            registry: result.registry,
            'repository-uri': result.repositoryUri,
            image: result.image,
            digest: result.digest,
            'image-with-digest': result.imageWithDigest,
            tags: result.tags,
        });
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .Sy)(summaryMarkdown(result));
        if (result.failure)
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(result.failure);
        _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .log.notice */ .Rm.notice(`Pushed ${result.imageWithDigest} as ${result.tags.join(', ')}`, { title: 'ecr-push' });
    },
    async post() {
        const state = loginState.load();
        if (state)
            await (0,_post_js__WEBPACK_IMPORTED_MODULE_5__/* .logout */ .r)((0,_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .dockerCli */ .RK)(), state, _ecs_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .log */ .Rm);
    },
});
function readEvent() {
    const file = process.env.GITHUB_EVENT_PATH;
    if (!file)
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   yA: () => (/* binding */ readEcrPushInputs)
/* harmony export */ });
/* unused harmony exports SEVERITIES, BUILD_NETWORKS, checkRepositoryName, tagProblem */
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(699);

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const BUILD_INPUTS = ['file', 'build-args', 'build-secrets', 'target', 'platform', 'network', 'labels'];
const BUILD_NETWORKS = ['default', 'none', 'host'];
function readEcrPushInputs(input) {
    const repository = input.requiredString('repository');
    checkRepositoryName(repository);
    const registryId = input.optionalString('registry');
    if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('registry', registryId, 'must be a 12-digit AWS account id', 'Give the account that owns the registry, e.g. 123456789012, or leave it empty for your own account.');
    }
    const tags = readTags(input);
    const image = input.optionalString('image');
    let source;
    if (image !== undefined) {
        const context = input.raw('context');
        const conflicting = [
            ...(context !== '' && context !== '.' ? ['context'] : []),
            ...BUILD_INPUTS.filter((name) => input.raw(name) !== ''),
        ];
        if (conflicting.length > 0) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "image" (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(image)}) pushes an image that is already built, so the build inputs ${conflicting.map((name) => `"${name}"`).join(', ')} would be ignored. Remove "image" to build here, or remove the build inputs.`);
        }
        if (/\s/.test(image))
            throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('image', image, 'must be a local image reference such as my-app:1.0');
        source = { kind: 'image', image };
    }
    else {
        source = {
            kind: 'build',
            context: input.string('context', '.'),
            file: input.optionalString('file'),
            buildArgs: readBuildArgs(input),
            target: readTarget(input),
            platform: readPlatform(input),
            network: input.oneOf('network', BUILD_NETWORKS, 'default'),
            labels: readLabels(input),
            secrets: readBuildSecrets(input),
        };
    }
    const cache = input.oneOf('cache', ['registry', 'off'], 'registry');
    const createRepository = input.boolean('create-repository', false);
    const tagMutability = input.oneOf('tag-mutability', ['MUTABLE', 'IMMUTABLE'], 'MUTABLE');
    const scan = input.oneOf('scan', ['none', 'wait'], 'none');
    const severityText = input.raw('fail-on-severity');
    let failOnSeverity;
    if (severityText !== '') {
        const upper = severityText.toUpperCase();
        if (!SEVERITIES.includes(upper)) {
            throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('fail-on-severity', severityText, `must be one of ${SEVERITIES.join(', ')}`, 'Leave it empty to report findings without failing.');
        }
        failOnSeverity = upper;
        if (scan !== 'wait') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "fail-on-severity" is ${failOnSeverity} but "scan" is ${scan}: findings are only known after waiting for the scan. Set scan: wait, or remove fail-on-severity.`);
        }
    }
    const scanTimeoutMs = input.duration('scan-timeout', '10m', { min: 1000, max: 6 * 3_600_000 });
    return {
        repository,
        registryId,
        tags,
        source,
        cache,
        createRepository,
        tagMutability,
        scan,
        failOnSeverity,
        scanTimeoutMs,
    };
}
/** ECR's repository name rule: 2–256 characters, lower-case path components joined by `/`. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
function checkRepositoryName(name) {
    const expected = "must be an ECR repository name (2 to 256 characters: lower-case letters, digits and . _ - inside path components separated by '/')";
    if (/\.amazonaws\.com(\.cn)?\//.test(name) ||
        /^[\w.-]+(:\d+)?\/.*\.dkr\./.test(name) ||
        /^\d{12}\.dkr\./.test(name)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('repository', name, 'must be the repository name only, not its URI', `Use the part after the registry host, e.g. ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(name.replace(/^[^/]+\//, '').replace(/:[^/]*$/, ''))}; the registry comes from the "registry" input.`);
    }
    if (/:[^/]*$/.test(name)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('repository', name, 'must not contain a tag', 'Put tags in the "tags" input.');
    }
    if (name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
        const hint = name !== name.toLowerCase() ? ` Repository names are lower case: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(name.toLowerCase())}.` : '';
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('repository', name, expected, `e.g. ecs-be-prod or team/app.${hint}`);
    }
}
/** Docker's and ECR's tag rule: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function tagProblem(tag) {
    if (TAG.test(tag))
        return undefined;
    if (tag.length > 128)
        return 'is longer than 128 characters';
    if (tag.includes('+'))
        return 'contains "+", which tags do not allow (use the headver image-tag output, where "+" is "-")';
    if (/^[.-]/.test(tag))
        return 'starts with "." or "-"';
    return 'may contain only letters, digits, "_", "." and "-"';
}
function readTags(input) {
    const raw = input.raw('tags');
    if (raw === '')
        return ['latest'];
    const tags = [];
    const lines = raw.split(/\r?\n/);
    lines.forEach((line, index) => {
        // Commas too: "tags: 1.0, latest" is a common way to write a list on one line.
        for (const part of line.split(',')) {
            const tag = part.trim();
            if (tag === '' || tag.startsWith('#'))
                continue;
            const problem = tagProblem(tag);
            if (problem) {
                throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "tags" line ${index + 1}: the tag ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(tag)} ${problem}. ECR tags match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}; write one tag a line.`);
            }
            if (!tags.includes(tag))
                tags.push(tag);
        }
    });
    if (tags.length === 0)
        return ['latest'];
    if (tags.length > 100) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "tags" has ${tags.length} tags; at most 100 are allowed per push.`);
    }
    return tags;
}
function readBuildArgs(input) {
    const entries = input.keyValues('build-args');
    for (const entry of entries) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.key)) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "build-args" line ${entry.line}: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(entry.key)} is not a build argument name (letters, digits and "_", not starting with a digit).`);
        }
    }
    return dedupe(entries);
}
const SECRET_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_SYNTAX = 'Write one secret a line, id=<id>,env=<VARIABLE> (the value of an environment variable of the step) or id=<id>,src=<path> (a file in the workspace or RUNNER_TEMP), e.g. id=npm_token,env=NPM_TOKEN.';
/**
 * `build-secrets`: one `id=<id>,env=<VARIABLE>` or `id=<id>,src=<path>` a line. Only where a value is, never the
 * value: a line that is not of this form is quoted in the error only by its keys, as it may hold a pasted secret.
 */
function readBuildSecrets(input) {
    const secrets = [];
    input
        .raw('build-secrets')
        .split(/\r?\n/)
        .forEach((rawLine, index) => {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const where = `Input "build-secrets" line ${index + 1}`;
        const fields = new Map();
        for (const part of line.split(',')) {
            const equals = part.indexOf('=');
            const key = equals > 0 ? part.slice(0, equals).trim() : '';
            if (!['id', 'env', 'src'].includes(key) || fields.has(key)) {
                throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where} is not id=<id>,env=<VARIABLE> or id=<id>,src=<path>. ${SECRET_SYNTAX}`);
            }
            fields.set(key, part.slice(equals + 1).trim());
        }
        const id = fields.get('id');
        if (id === undefined || !SECRET_ID.test(id)) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: ${id === undefined ? 'there is no id' : 'the id is not a secret id (letters, digits, "_", "." and "-", at most 64; not shown, in case a value was pasted there)'}. ${SECRET_SYNTAX}`);
        }
        if (secrets.some((secret) => secret.id === id)) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: the id ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(id)} is given twice; each secret needs its own id.`);
        }
        const env = fields.get('env');
        const src = fields.get('src');
        if ((env === undefined) === (src === undefined)) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: give the secret ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(id)} either env= or src=, not ${env === undefined ? 'neither' : 'both'}. ${SECRET_SYNTAX}`);
        }
        if (env !== undefined) {
            if (!ENV_NAME.test(env)) {
                throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: env= names the environment variable that holds the secret, and what it gives is not a variable name (not shown, in case it is the value). Put the value in the step's env: (e.g. NPM_TOKEN: \${{ secrets.NPM_TOKEN }}) and write env=NPM_TOKEN; never the value itself.`);
            }
            secrets.push({ id, env });
        }
        else if (src) {
            secrets.push({ id, src });
        }
        else {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: src= of the secret ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(id)} is empty. ${SECRET_SYNTAX}`);
        }
    });
    return secrets;
}
function readLabels(input) {
    const entries = input.keyValues('labels');
    for (const entry of entries) {
        if (/[\s"']/.test(entry.key)) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "labels" line ${entry.line}: the label key ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .quoteValue */ .cl)(entry.key)} contains a space or quote. Use keys like org.example.team=payments.`);
        }
    }
    return dedupe(entries);
}
function readTarget(input) {
    const target = input.optionalString('target');
    if (target !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(target)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('target', target, 'must be a build stage name (FROM … AS <name>)');
    }
    return target;
}
function readPlatform(input) {
    const platform = input.optionalString('platform');
    if (platform === undefined)
        return undefined;
    if (platform.includes(',')) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('platform', platform, 'must be one platform', 'A multi-platform image needs docker buildx; build one platform per step, e.g. linux/amd64.');
    }
    if (!/^[a-z0-9_]+\/[a-z0-9_]+(\/[a-z0-9_.]+)?$/.test(platform)) {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('platform', platform, 'must be os/arch[/variant]', 'e.g. linux/amd64 or linux/arm64.');
    }
    return platform;
}
/** A later duplicate key wins, in the position of the first. */
function dedupe(entries) {
    const map = new Map();
    for (const { key, value } of entries)
        map.set(key, value);
    return [...map].map(([key, value]) => ({ key, value }));
}


/***/ }),

/***/ 6421:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ logout)
/* harmony export */ });
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(735);

/**
 * `docker logout <registry>` in the Docker config main logged in to. A failed logout is a warning, not a
 * failure: the job's result is decided by then, and the token expires within 12 hours anyway.
 */
async function logout(docker, state, log) {
    const args = [...(state.dockerConfig ? ['--config', state.dockerConfig] : []), 'logout', state.registry];
    let result;
    try {
        result = await docker.run(args, { quiet: true });
    }
    catch (error) {
        log.warning(`Could not log out of ${state.registry}: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    if (result.exitCode === 0)
        log.info(`Logged out of ${state.registry}`);
    else
        log.warning(`docker logout ${state.registry} failed: ${(0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .lastLines */ .w$)(`${result.stdout}\n${result.stderr}`, 2)}`);
}


/***/ }),

/***/ 699:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  j1: () => (/* reexport */ ConfigurationError),
  i_: () => (/* reexport */ InputReader),
  uk: () => (/* reexport */ StepState),
  nV: () => (/* reexport */ createAwsClient),
  gJ: () => (/* reexport */ errors_errorMessage),
  Qz: () => (/* reexport */ explainAccessError),
  a3: () => (/* reexport */ formatDuration),
  al: () => (/* reexport */ inOrder),
  aY: () => (/* reexport */ invalidInput),
  Rm: () => (/* reexport */ log_namespaceObject),
  D9: () => (/* reexport */ markdownCode),
  Qj: () => (/* reexport */ markdownTable),
  jh: () => (/* reexport */ plainTextEcho),
  wt: () => (/* reexport */ poll),
  cl: () => (/* reexport */ errors_quoteValue),
  jH: () => (/* reexport */ readInputFile),
  bZ: () => (/* reexport */ realSleep),
  qL: () => (/* reexport */ resolveInputPath),
  Cs: () => (/* reexport */ runAction),
  em: () => (/* reexport */ sentence),
  n0: () => (/* reexport */ setOutputs),
  ml: () => (/* reexport */ systemClock),
  Nz: () => (/* reexport */ writePlainText),
  Sy: () => (/* reexport */ writeSummary)
});

// UNUSED EXPORTS: CONTROL_CHARACTERS, DESCRIBE_ONLY_FIELDS, ECS_ACTIONS_VERSION, MERMAID_GANTT_MAX_TASKS, MERMAID_LABEL_MAX, ManualClock, TASK_DEFINITION_MAX_BYTES, THROTTLING_CODES, awsClientConfig, awsErrorCode, awsRegion, displayPath, formatJson, inputEnvName, inputsFrom, isAccessDenied, isAccessError, jobCancelSignal, jsonProblemMessage, keepRawResponse, locateJsonError, markdownCell, markdownText, mermaidGantt, mermaidText, parseDuration, parseInteger, parseJsonText, rawMember, reportFailure, requestTimeoutWithin, runner, runnerInputs, runnerLines, sendAsWritten, taskDefinitionBytes, taskDefinitionSizeProblem, wireBody

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
function errors_errorMessage(error) {
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
function errors_quoteValue(value, max = 120) {
    const shown = value.length > max ? `${value.slice(0, max)}…` : value;
    return JSON.stringify(shown);
}
/** `Input "name" <expected>; got "<value>". <fix>` */
function invalidInput(name, value, expected, fix) {
    return new ConfigurationError(`Input "${name}" ${expected}; got ${errors_quoteValue(value)}.${fix ? ` ${fix}` : ''}`);
}

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

;// CONCATENATED MODULE: ../../packages/core/src/aws-errors.ts
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
    return awsErrorCode(error) === 'CredentialsProviderError' || /Could not load credentials/i.test(errors_errorMessage(error));
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
    const detail = sentence(errors_errorMessage(error));
    const on = context.resource ? ` on ${context.resource}` : '';
    const where = context.region ? ` in region ${context.region}` : '';
    if (isMissingCredentials(error)) {
        return new ConfigurationError(`No AWS credentials were found for ${action}${on}. Run aws-actions/configure-aws-credentials (an OIDC role) before this step.`);
    }
    if (EXPIRED_CODES.has(code)) {
        return new ConfigurationError(`AWS rejected the credentials on ${action}${on} (${code}): ${detail} The AWS credentials have expired: configure them closer to this step, or raise role-duration-seconds so that the session outlasts the step.`);
    }
    if (REJECTED_CODES.has(code)) {
        return new ConfigurationError(`AWS rejected the credentials on ${action}${on} (${code}): ${detail} Check the aws-actions/configure-aws-credentials step (role, region) or the access key this job uses.`);
    }
    if (DENIED_CODES.has(code) || isPassRoleDenied(code, detail)) {
        const named = /iam:PassRole/i.test(detail)
            ? 'iam:PassRole (needed to register a task definition with a task or execution role)'
            : action;
        return new ConfigurationError(`${action}${on} was denied (${code}): ${detail} Allow ${named} for the role this job uses${where}.${context.deniedHint ? ` ${context.deniedHint}` : ''}`);
    }
    return undefined;
}

;// CONCATENATED MODULE: ../../packages/core/src/in-order.ts
/**
 * Waits for all, then fails with the first failure in the order given (not the first to arrive): the error a
 * user sees does not depend on timing, and no call is left running.
 */
async function inOrder(promises) {
    const settled = await Promise.allSettled(promises);
    for (const result of settled)
        if (result.status === 'rejected')
            throw result.reason;
    return settled.map((result) => result.value);
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
    /**
     * `timeout` (default 30m, at most 6h) and `poll-interval` (default 5s, 250ms to 5m) of an action that waits on AWS;
     * a poll interval longer than the timeout is refused.
     */
    waitTimes() {
        const timeoutMs = this.duration('timeout', '30m', { min: 1000, max: MAX_WAIT_TIMEOUT_MS });
        const pollIntervalMs = this.duration('poll-interval', '5s', { min: MIN_POLL_INTERVAL_MS, max: 300_000 });
        if (pollIntervalMs > timeoutMs) {
            throw invalidInput('poll-interval', this.raw('poll-interval'), `must not be longer than the timeout (${this.raw('timeout') || '30m'})`, 'Use a poll-interval of a few seconds, e.g. 5s.');
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
                throw new ConfigurationError(`Input "${name}" line ${index + 1} is not ${what}: ${errors_quoteValue(line)}. Write one ${what} a line; the value may contain "=".`);
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

;// CONCATENATED MODULE: ../../packages/core/src/json-text.ts

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
        stream.write(`${lines.join(external_node_os_.EOL)}${external_node_os_.EOL}`);
        return;
    }
    const token = stopToken(lines);
    stream.write([`::stop-commands::${token}`, ...lines, `::${token}::`].join(external_node_os_.EOL) + external_node_os_.EOL);
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
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
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
        (0,external_node_fs_.appendFileSync)(file, `${markdown}${external_node_os_.EOL}`, 'utf8');
    },
    /** Fails the step: an error annotation and exit code 1. */
    setFailed(message, properties = {}) {
        process.exitCode = 1;
        issueCommand('error', { ...properties }, message);
    },
};

;// CONCATENATED MODULE: ../../packages/core/src/log.ts

const { info, warning, notice, error, debug, startGroup, endGroup } = runner;
/** A collapsible log section around `fn`, closed even when it throws. */
async function group(title, fn) {
    runner.startGroup(title);
    try {
        return await fn();
    }
    finally {
        runner.endGroup();
    }
}
/**
 * Hides a secret from every later log line. Each line of a multi-line secret is masked too,
 * because the runner matches masks line by line.
 */
function maskSecret(secret) {
    if (!secret)
        return;
    runner.setSecret(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim() && line !== secret)
            runner.setSecret(line);
}

;// CONCATENATED MODULE: ../../packages/core/src/outputs.ts

/** Writes every defined output; arrays and objects as JSON. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value === undefined)
            continue;
        runner.setOutput(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
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
        .replace(outputs_CONTROL_CHARACTERS, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_{}[\]()#!|~]/g, (mark) => `\\${mark}`);
}
/** Runs of control characters and line or paragraph separators: what text from outside must not bring in. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched
const outputs_CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
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
        runner.debug('GITHUB_STEP_SUMMARY is not set; the job summary is skipped');
        return;
    }
    runner.appendSummary(markdown);
}

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
    const isPost = steps.post !== undefined && runner.getState(POST_MARKER) === 'true';
    try {
        if (isPost && steps.post) {
            await steps.post();
        }
        else {
            // Saved first so that the post step runs its clean-up even when main fails half way.
            if (steps.post)
                runner.saveState(POST_MARKER, 'true');
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
    if (!(error instanceof ConfigurationError) && error instanceof Error && error.stack)
        runner.debug(error.stack);
    runner.setFailed(errors_errorMessage(error));
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ../../packages/core/src/workspace-path.ts
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
        return (0,external_node_fs_.realpathSync)(file);
    }
    catch (error) {
        const code = error.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            throw error;
    }
    // A dangling link is followed by hand: writing through it would create its target, wherever that is.
    const link = (0,external_node_fs_.lstatSync)(file, { throwIfNoEntry: false });
    if (link?.isSymbolicLink() && hops < MAX_LINKS) {
        return realPathOf(external_node_path_default().resolve(external_node_path_default().dirname(file), (0,external_node_fs_.readlinkSync)(file)), hops + 1);
    }
    const parent = external_node_path_default().dirname(file);
    if (parent === file)
        return file;
    return external_node_path_default().join(realPathOf(parent, hops), external_node_path_default().basename(file));
}
function isInside(dir, file) {
    const relative = external_node_path_default().relative(dir, file);
    return relative === '' || (!relative.startsWith(`..${(external_node_path_default()).sep}`) && relative !== '..' && !external_node_path_default().isAbsolute(relative));
}
/** The path for messages: relative to the root with forward slashes when inside it, else as it is. */
function displayPath(file, root) {
    if (!isInside(root, file))
        return file;
    return external_node_path_default().relative(root, file).split((external_node_path_default()).sep).join('/') || '.';
}
/**
 * Resolves an input's path against the first root and checks that it stays inside one of the roots after every
 * symbolic link is followed. Throws a ConfigurationError naming the input, the value and the fix.
 */
function resolveInputPath({ input, value, roots }) {
    const [base] = roots;
    const absolute = external_node_path_default().resolve(base.dir, value);
    const file = realPathOf(absolute);
    const realRoots = roots.map((root) => ({ ...root, dir: realPathOf(external_node_path_default().resolve(root.dir)) }));
    if (!realRoots.some((root) => isInside(root.dir, file))) {
        const through = file === absolute ? '' : ' (following symbolic links)';
        const allowed = realRoots.map((root) => `${root.name} (${root.dir})`).join(' or ');
        throw new ConfigurationError(`Input "${input}" must name a path inside ${allowed}; got ${errors_quoteValue(value)}, which resolves to ${file}${through}. Give a path relative to the repository root, without ".." or symbolic links that lead out of it.`);
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
        const stat = (0,external_node_fs_.statSync)(resolved.file);
        if (stat.isDirectory()) {
            throw new ConfigurationError(`${where}: ${errors_quoteValue(resolved.shown)} is a directory. Point it at the file.`);
        }
        if (stat.size > options.maxBytes) {
            throw new ConfigurationError(`${where}: ${errors_quoteValue(resolved.shown)} is ${stat.size} bytes, more than the ${options.maxBytes} bytes this input reads. Point it at the right file.`);
        }
        return (0,external_node_fs_.readFileSync)(resolved.file, 'utf8');
    }
    catch (error) {
        if (error instanceof ConfigurationError)
            throw error;
        if (error.code === 'ENOENT') {
            throw new ConfigurationError(`${where}: the file ${errors_quoteValue(resolved.shown)} does not exist (looked for ${resolved.file}). ${options.missingHint}`);
        }
        throw new ConfigurationError(`${where}: cannot read ${errors_quoteValue(resolved.shown)}: ${errors_errorMessage(error)}.`);
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
