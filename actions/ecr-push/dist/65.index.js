export const id = 65;
export const ids = [65];
export const modules = {

/***/ 5065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushImage: () => (/* binding */ pushImage)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 15 modules
var src = __webpack_require__(699);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/docker.ts
var src_docker = __webpack_require__(735);
;// CONCATENATED MODULE: ./src/build-cache.ts

/** The tag the last pushed image is found under: build-push pushes every version also as `latest`. */
const CACHE_SOURCE_TAG = 'latest';
/** The tag of BuildKit's registry cache, apart from the image tags. */
const CACHE_TAG = 'buildcache';
/**
 * Finds out how this engine can use a registry cache and, for the classic builder, pulls the last pushed image.
 * Never throws for a cache that cannot be read: it says why in a notice and the build runs without it.
 */
async function prepareBuildCache(options) {
    const { mode, docker, log, pushUri } = options;
    if (mode === 'off')
        return { kind: 'off', reason: 'cache: off' };
    const builder = await buildxDriver(docker);
    const source = `${pushUri}:${CACHE_SOURCE_TAG}`;
    if (builder !== undefined && builder !== 'docker') {
        const ref = `${pushUri}:${CACHE_TAG}`;
        log.info(`Build cache: BuildKit registry cache ${ref} (buildx, ${builder} driver), read before and written after the build`);
        return { kind: 'registry', ref };
    }
    if (builder === 'docker') {
        if (!options.repositoryExists) {
            log.notice(`Build cache: none to read, ${pushUri} is a new repository (first build); this build writes one`);
        }
        else {
            log.info(`Build cache: BuildKit inline cache of ${source} (buildx, docker driver)`);
        }
        return { kind: 'inline', from: source };
    }
    if (!options.repositoryExists) {
        log.notice(`Build cache: none to read, ${pushUri} is a new repository (first build)`);
        return { kind: 'pulled-image', from: undefined };
    }
    const pulled = await docker.run(['pull', '--quiet', source], { quiet: true });
    if (pulled.exitCode !== 0) {
        log.notice(`Build cache: not read, the build runs without it: ${pullProblem(source, pulled)}`);
        return { kind: 'pulled-image', from: undefined };
    }
    log.info(`Build cache: pulled ${source} for the classic builder's --cache-from (no buildx on this runner)`);
    return { kind: 'pulled-image', from: source };
}
/** The driver of buildx's current builder (`docker`, `docker-container`, …); undefined without buildx. */
async function buildxDriver(docker) {
    const inspected = await docker.run(['buildx', 'inspect'], { quiet: true });
    if (inspected.exitCode !== 0)
        return undefined;
    return /^Driver:\s*(\S+)/m.exec(inspected.stdout)?.[1] ?? 'docker';
}
function pullProblem(source, result) {
    const output = (0,src_docker/* combinedOutput */.lj)(result);
    if (/denied|unauthorized|forbidden/i.test(output)) {
        return `no permission to pull ${source}; the role needs ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on the repository`;
    }
    if (/manifest unknown|not found|does not exist/i.test(output)) {
        return `there is no ${source} yet (first build, or the last push had no ${CACHE_SOURCE_TAG} tag)`;
    }
    return `docker pull ${source} failed (exit code ${result.exitCode}): ${(0,src_docker/* lastLines */.w$)(output, 1)}`;
}
/** What `docker build` (classic) or `docker buildx build` needs for this cache. */
function cacheArguments(cache) {
    switch (cache.kind) {
        case 'off':
            return [];
        case 'pulled-image':
            return cache.from === undefined ? [] : ['--cache-from', cache.from];
        case 'inline':
            return ['--cache-from', cache.from, '--build-arg', 'BUILDKIT_INLINE_CACHE=1'];
        case 'registry':
            return [
                '--cache-from',
                `type=registry,ref=${cache.ref}`,
                // ECR takes a cache only as an image manifest with OCI media types; a failed export must not fail the build.
                '--cache-to',
                `type=registry,ref=${cache.ref},mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`,
                // A docker-container builder keeps its result to itself unless told to load it into the engine.
                '--load',
            ];
    }
}
/** Whether the build must go through `docker buildx build` (with plain progress output, to see the cache hits). */
function usesBuildx(cache) {
    return cache.kind === 'registry' || cache.kind === 'inline';
}
/**
 * BuildKit's own word that it could not read a cache (`--cache-from` of a missing tag, or no permission): it builds
 * without it, printing `#8 importing cache manifest from <ref>` and then `#8 ERROR: …` (or `DONE` when it could), or
 * a warning that the importer failed.
 */
function buildkitCacheProblem(output) {
    const importing = /^#(\d+) importing cache manifest from (\S+)/m.exec(output);
    if (importing) {
        const error = new RegExp(`^#${importing[1]} ERROR: (.*)$`, 'm').exec(output);
        if (error)
            return `importing the cache ${importing[2]}: ${error[1]?.trim()}`;
    }
    return /^.*failed to (?:configure registry cache importer|import cache).*$/im.exec(output)?.[0]?.trim();
}
/** The steps that make a layer; the others (LABEL, ENV, the labels this step adds, …) only change the config. */
const LAYER_STEP = /^(RUN|COPY|ADD)\s/i;
/**
 * Which build steps came from the cache, read from the build output: the classic builder prints
 * `Step 2/4 : RUN …` and then ` ---> Using cache`; BuildKit's plain progress prints `#7 [2/4] RUN …` and `#7 CACHED`.
 */
function cacheUse(output) {
    const lines = output.split(/\r?\n/);
    const cached = [];
    const built = [];
    const classic = lines.some((line) => /^Step \d+\/\d+ : /.test(line));
    if (classic) {
        let step;
        let hit = false;
        const flush = () => {
            if (step !== undefined && LAYER_STEP.test(step))
                (hit ? cached : built).push(step);
        };
        for (const line of lines) {
            const match = /^Step \d+\/\d+ : (.*)$/.exec(line);
            if (match) {
                flush();
                step = match[1]?.trim();
                hit = false;
            }
            else if (/^ ---> Using cache/.test(line)) {
                hit = true;
            }
        }
        flush();
        return { cached, built };
    }
    const names = new Map();
    const hits = new Set();
    for (const line of lines) {
        const named = /^#(\d+) \[(?:[^\]]*\s)?\d+\/\d+\] (.*)$/.exec(line);
        if (named?.[1] && named[2] && !names.has(named[1]))
            names.set(named[1], named[2].trim());
        const hit = /^#(\d+) CACHED\s*$/.exec(line);
        if (hit?.[1])
            hits.add(hit[1]);
    }
    for (const [id, name] of names) {
        if (!LAYER_STEP.test(name))
            continue;
        (hits.has(id) ? cached : built).push(name);
    }
    return { cached, built };
}
/** One log line on what the cache gave this build (a runner that is not fresh also hits its own local cache). */
function cacheUseMessage(cache, use) {
    const prefix = cache.kind === 'off' ? `Build cache: off (${cache.reason}); ` : 'Build cache: ';
    const total = use.cached.length + use.built.length;
    const list = (steps) => steps.map((step) => (step.length > 60 ? `${step.slice(0, 57)}...` : step));
    if (use.cached.length === 0)
        return `${prefix}no layer came from the cache (${total} layers built)`;
    return [
        `${prefix}${use.cached.length} of ${total} layers came from the cache: ${list(use.cached).join(' | ')}`,
        ...(use.built.length > 0 ? [`built: ${list(use.built).join(' | ')}`] : []),
    ].join('; ');
}

;// CONCATENATED MODULE: ./src/build-secrets.ts
/**
 * `build-secrets` at run time: each secret's value found (the step's environment variable, or a file in the workspace
 * or RUNNER_TEMP) and masked in the log, and BuildKit's `--secret` arguments, which name where a value is and never
 * hold it. BuildKit mounts a secret only while the RUN step that asks for it runs: it is in no layer and no history.
 * The classic builder has no secret mounts, so secrets need BuildKit: `docker buildx`, or the engine's own BuildKit
 * through a CLI that drives it without buildx; with neither the step fails before any AWS call instead of building
 * without them.
 */


/** A secret file larger than this is refused (a token or a settings file, not a data set). */
const MAX_SECRET_BYTES = 512 * 1024;
/** Every secret's value exists and is masked from here on, `src` paths made absolute, and a BuildKit to mount them. */
async function prepareBuildSecrets(secrets, options) {
    if (secrets.length === 0)
        return { secrets: [], builder: undefined };
    const { env, log } = options;
    const roots = [
        { name: 'GITHUB_WORKSPACE', dir: options.workspace },
        ...(env.RUNNER_TEMP ? [{ name: 'RUNNER_TEMP', dir: env.RUNNER_TEMP }] : []),
    ];
    const resolved = [];
    for (const secret of secrets) {
        let value;
        if ('env' in secret) {
            value = env[secret.env] ?? '';
            if (value === '') {
                throw new src/* ConfigurationError */.j1(`Input "build-secrets": the secret ${(0,src/* quoteValue */.cl)(secret.id)} reads the environment variable ${secret.env}, which is empty or not set in this step. Set it in the step's env:, e.g. ${secret.env}: \${{ secrets.${secret.env} }}, and check that the secret exists.`);
            }
            resolved.push(secret);
        }
        else {
            const file = (0,src/* resolveInputPath */.qL)({ input: 'build-secrets', value: secret.src, roots });
            value = (0,src/* readInputFile */.jH)('build-secrets', file, {
                maxBytes: MAX_SECRET_BYTES,
                missingHint: `Write the secret ${secret.id}'s file in an earlier step (e.g. into $RUNNER_TEMP), or fix src=.`,
            });
            resolved.push({ id: secret.id, src: file.file });
        }
        log.maskSecret(value);
        for (const line of value.split(/\r?\n/))
            if (line.trim() !== '')
                log.maskSecret(line.trim());
    }
    return { secrets: resolved, builder: await secretBuilder(options.docker) };
}
/**
 * The BuildKit that can mount the secrets: `docker buildx build` when buildx is there (GitHub's hosted runners), else
 * the engine's own BuildKit through `DOCKER_BUILDKIT=1 docker build`, when this CLI can drive it without buildx (its
 * help then lists --secret; a CLI from 23.0 on refuses instead: "BuildKit is enabled but the buildx component is
 * missing or broken"). Neither: a refusal, as the classic builder could only put a secret into the image.
 */
async function secretBuilder(docker) {
    const buildx = await docker.run(['buildx', 'inspect'], { quiet: true });
    if (buildx.exitCode === 0)
        return 'buildx';
    const builtin = await docker.run(['build', '--help'], { quiet: true, env: (0,src_docker/* builderEnv */.D4)('builtin') });
    if (builtin.exitCode === 0 && /^\s*--secret\b/m.test(builtin.stdout))
        return 'builtin';
    // The CLI's first line says what is wrong ("unknown command: docker buildx"); the last only points at --help.
    const said = firstLine(`${buildx.stderr}\n${buildx.stdout}`) || `exit code ${buildx.exitCode}`;
    const builtinSaid = firstLine(`${builtin.stderr}\n${builtin.stdout}`) || 'no --secret in its help';
    throw new src/* ConfigurationError */.j1(`Input "build-secrets" needs BuildKit's secret mounts, and this runner's Docker can give none: it has no buildx ("docker buildx inspect": ${said}), and its docker build cannot use the engine's own BuildKit ("DOCKER_BUILDKIT=1 docker build --help": ${builtinSaid}). The classic builder could only put a secret into the image. Use a runner with the buildx plugin (GitHub's hosted runners have it), or install it in an earlier step (e.g. docker/setup-buildx-action).`);
}
const firstLine = (text) => text
    .split(/\r?\n/)
    .find((line) => line.trim() !== '')
    ?.trim();
/** `--secret` arguments: where each value is (an environment variable's name, a file's path), never the value. */
function secretArguments(secrets) {
    return secrets.flatMap((secret) => [
        '--secret',
        'env' in secret ? `id=${secret.id},env=${secret.env}` : `id=${secret.id},src=${secret.src}`,
    ]);
}

;// CONCATENATED MODULE: ./src/labels.ts
/** The OCI annotations the action adds to every image it builds, unless the user's labels set them. */
/**
 * When the image counts as created. A rebuild of the same commit must give the same labels, or the image
 * differs and a re-run cannot recognise the tags it already pushed; so: SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) if set, else the time of the commit that triggered the run, else now.
 */
function createdTime(context) {
    const epoch = context.env.SOURCE_DATE_EPOCH;
    if (epoch && /^\d+$/.test(epoch))
        return { value: new Date(Number(epoch) * 1000).toISOString(), from: 'SOURCE_DATE_EPOCH' };
    const commitTime = eventCommitTime(context.event);
    if (commitTime !== undefined)
        return { value: commitTime, from: 'the commit time' };
    return { value: new Date(context.now).toISOString(), from: 'the build time' };
}
/** `head_commit.timestamp` of a push, or of the run that triggered a workflow_run. */
function eventCommitTime(event) {
    if (typeof event !== 'object' || event === null)
        return undefined;
    const record = event;
    const timestamp = record.head_commit?.timestamp ?? record.workflow_run?.head_commit?.timestamp;
    if (typeof timestamp !== 'string')
        return undefined;
    const ms = Date.parse(timestamp);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
function defaultLabels(context) {
    const labels = [];
    const { GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_REPOSITORY } = context.env;
    if (GITHUB_SHA)
        labels.push({ key: 'org.opencontainers.image.revision', value: GITHUB_SHA });
    if (GITHUB_SERVER_URL && GITHUB_REPOSITORY) {
        labels.push({
            key: 'org.opencontainers.image.source',
            value: `${GITHUB_SERVER_URL.replace(/\/+$/, '')}/${GITHUB_REPOSITORY}`,
        });
    }
    labels.push({ key: 'org.opencontainers.image.version', value: context.version });
    labels.push({ key: 'org.opencontainers.image.created', value: createdTime(context).value });
    return labels;
}
/** The defaults, then the user's labels; a user label replaces a default of the same key. */
function imageLabels(user, context) {
    const merged = new Map();
    for (const { key, value } of defaultLabels(context))
        merged.set(key, value);
    for (const { key, value } of user)
        merged.set(key, value);
    return [...merged].map(([key, value]) => ({ key, value }));
}

;// CONCATENATED MODULE: ./src/build.ts
/**
 * The build phase: the context and Dockerfile checked inside the workspace, the registry login, and
 * `docker build` (or `docker buildx build`) with the registry build cache.
 */







/**
 * The build, from the cache to the image in the engine: the build cache prepared, the labels, `docker build`, and
 * how long reading the cache and building took (logged apart from the rest of the step; pnpm bench reads the line).
 */
async function buildImage(options) {
    const { source, docker, log, clock } = options;
    const cacheStarted = clock.now();
    const cache = await prepareBuildCache({
        mode: options.cache,
        docker,
        log,
        pushUri: options.pushUri,
        repositoryExists: options.repositoryExists,
    });
    const labelContext = { env: options.env, version: options.version, now: clock.now(), event: options.event };
    const labels = imageLabels(source.labels, labelContext);
    const created = createdTime(labelContext);
    log.info(`Label org.opencontainers.image.created=${created.value}, from ${created.from}`);
    const buildStarted = clock.now();
    const imageId = await dockerBuild(docker, log, {
        context: options.files.context,
        dockerfile: options.files.dockerfile,
        buildArgs: source.buildArgs,
        labels,
        target: source.target,
        platform: source.platform,
        network: source.network,
        secretArgs: secretArguments(options.secrets.secrets),
        iidfile: external_node_path_default().join(options.tempDir, `ecr-push-${process.pid}-${clock.now()}.iid`),
    }, cache, options.secrets.builder);
    log.info(`Build time: ${seconds(clock.now() - buildStarted)} building, ${seconds(buildStarted - cacheStarted)} reading the cache`);
    const local = await (0,src_docker/* inspectImage */.mm)(docker, imageId);
    if (!local)
        throw new Error(`docker build reported image ${imageId}, which the engine does not have`);
    return { local, labels };
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** The absolute context folder and Dockerfile, both checked to exist. */
async function resolveBuildFiles(source, workspace) {
    const roots = [{ name: 'GITHUB_WORKSPACE', dir: workspace }];
    const context = (0,src/* resolveInputPath */.qL)({ input: 'context', value: source.context, roots }).file;
    const contextStat = await (0,promises_.stat)(context).catch(() => undefined);
    if (!contextStat?.isDirectory()) {
        throw new src/* ConfigurationError */.j1(`Input "context": the build context ${(0,src/* quoteValue */.cl)(source.context)} is not a folder (looked at ${context}). Point context at the folder to build, relative to the workspace; did the job check out the repository?`);
    }
    // The default Dockerfile is checked too: a link named Dockerfile may point out of the workspace.
    const dockerfile = (0,src/* resolveInputPath */.qL)({
        input: source.file ? 'file' : 'context',
        value: source.file ?? external_node_path_default().join(context, 'Dockerfile'),
        roots,
    }).file;
    const fileStat = await (0,promises_.stat)(dockerfile).catch(() => undefined);
    if (!fileStat?.isFile()) {
        throw new src/* ConfigurationError */.j1(source.file
            ? `Input "file": the Dockerfile ${(0,src/* quoteValue */.cl)(source.file)} does not exist (looked at ${dockerfile}). Give its path relative to the workspace.`
            : `There is no Dockerfile in the build context ${(0,src/* quoteValue */.cl)(source.context)} (looked at ${dockerfile}). Set "file" to the Dockerfile's path, or "context" to the folder that holds it.`);
    }
    return { context, dockerfile };
}
async function dockerLogin(docker, login, log) {
    // The password goes on stdin: never in argv, where any process listing shows it.
    const result = await log.group(`docker login ${login.host}`, () => docker.run(['login', '--username', login.username, '--password-stdin', login.host], { stdin: login.password }));
    if (result.exitCode !== 0)
        throw new src_docker/* DockerCommandError */.YJ(`login ${login.host}`, result);
}
/**
 * Builds the image with the cache given; returns its id and logs which steps came from the cache. `secretBuilder`:
 * the BuildKit prepareBuildSecrets found for the secrets, undefined without secrets.
 */
async function dockerBuild(docker, log, options, cache, secretBuilder) {
    // BuildKit's plain progress output names every step and says CACHED for a cache hit. Secrets need BuildKit too.
    const builder = usesBuildx(cache) ? 'buildx' : (secretBuilder ?? 'classic');
    // The classic builder turns every --label into a step of its own (a container created and committed each):
    // the labels go on in one step after the build instead. BuildKit sets them at no cost.
    const labelsAfter = builder === 'classic' && options.labels.length > 0 && options.labels.every(fitsOneLine);
    const args = (0,src_docker/* buildArguments */.fb)({
        ...options,
        ...(labelsAfter ? { labels: [] } : {}),
        builder,
        cacheArgs: cacheArguments(cache),
    });
    const env = (0,src_docker/* builderEnv */.D4)(builder);
    const title = `${env ? 'DOCKER_BUILDKIT=1 ' : ''}docker ${builder === 'buildx' ? 'buildx build' : 'build'}`;
    const result = await log.group(title, async () => {
        const built = await docker.run(args, env ? { env } : {});
        if (built.exitCode !== 0 || !labelsAfter)
            return built;
        const labelled = await docker.run(labelArguments(options), {
            stdin: labelDockerfile(await readImageId(options), options.labels),
        });
        return { ...labelled, output: `${(0,src_docker/* combinedOutput */.lj)(built)}\n${(0,src_docker/* combinedOutput */.lj)(labelled)}` };
    });
    if (result.exitCode !== 0) {
        // The group is collapsed in the log: repeat the end of the output where it is seen.
        log.info(`docker build failed; the end of its output:\n${(0,src_docker/* lastLines */.w$)((0,src_docker/* combinedOutput */.lj)(result), 25)}`);
        throw new src_docker/* DockerCommandError */.YJ('build', result);
    }
    const imageId = await readImageId(options);
    await (0,promises_.rm)(options.iidfile, { force: true });
    log.info(`Built image ${imageId}`);
    const unread = builder !== 'classic' ? buildkitCacheProblem((0,src_docker/* combinedOutput */.lj)(result)) : undefined;
    if (unread)
        log.notice(`Build cache: not read, the build ran without it: ${unread}`);
    log.info(cacheUseMessage(cache, cacheUse((0,src_docker/* combinedOutput */.lj)(result))));
    return imageId;
}
async function readImageId(options) {
    const imageId = (await (0,promises_.readFile)(options.iidfile, 'utf8').catch(() => '')).trim();
    if (!/^sha256:[0-9a-f]{64}$/.test(imageId)) {
        throw new Error(`docker build succeeded but wrote no image id to ${options.iidfile}`);
    }
    return imageId;
}
const fitsOneLine = ({ key, value }) => !/[\r\n]/.test(`${key}${value}`);
/** `docker build -`: the Dockerfile on stdin, no context (a LABEL step needs none). */
function labelArguments(options) {
    return ['build', '--iidfile', options.iidfile, ...(options.platform ? ['--platform', options.platform] : []), '-'];
}
/** `FROM <id>` and one LABEL step; quoted so that no value is split or expanded (`$` stays `$`). */
function labelDockerfile(imageId, labels) {
    const quote = (text) => `"${text.replace(/[\\"$]/g, (character) => `\\${character}`)}"`;
    return `FROM ${imageId}\nLABEL ${labels.map(({ key, value }) => `${quote(key)}=${quote(value)}`).join(' ')}\n`;
}

// EXTERNAL MODULE: ./src/ecr.ts
var src_ecr = __webpack_require__(2145);
;// CONCATENATED MODULE: ./src/plan.ts
/**
 * What to do with each tag, decided before anything is pushed: a tag that already holds this image is
 * skipped, a new tag is pushed, a mutable tag holding another image is moved, and an immutable one fails.
 */
/** Whether the image under an existing tag is the local image. */
function isSameImage(existing, local) {
    if (existing.digest === undefined)
        return false;
    if (local.knownDigests.includes(existing.digest))
        return true;
    return existing.configDigest !== undefined && existing.configDigest === local.imageId;
}
function planTags(existing, local) {
    const actions = [];
    const clashes = [];
    for (const entry of existing) {
        if (entry.digest === undefined) {
            actions.push({ tag: entry.tag, action: 'push' });
        }
        else if (isSameImage(entry, local)) {
            actions.push({ tag: entry.tag, action: 'skip', digest: entry.digest });
        }
        else if (entry.immutable) {
            clashes.push({ tag: entry.tag, existingDigest: entry.digest });
        }
        else {
            actions.push({ tag: entry.tag, action: 'move', previousDigest: entry.digest });
        }
    }
    return { actions, clashes };
}
function clashMessage(clashes, repositoryUri, local, mutability) {
    const localText = local.knownDigests.length > 0
        ? `digest ${local.knownDigests[0]}`
        : `image id ${local.imageId}; its manifest digest is known only once pushed`;
    const lines = clashes.map((clash) => `- tag "${clash.tag}" already holds ${clash.existingDigest}; the image to push is a different one (${localText})`);
    return [
        `Nothing was pushed: the repository ${repositoryUri} has ${mutability} tags, and ${clashes.length === 1 ? 'a tag already holds' : 'tags already hold'} another image:`,
        ...lines,
        'Push under a new tag (e.g. the headver image-tag of this build), or delete the old image if it was pushed by mistake.',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/half-done.ts
/** The account of a push that failed part way: which tags ECR holds now, with their digest, and which it lacks. */

/** `a`, `a and b`, `a, b and c`. */
function listed(items) {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
/**
 * The error of a push that failed after some tags reached ECR, with an account of what is there: which tags hold
 * which digest, and which tags are missing. It stays a ConfigurationError when the cause was one.
 */
function halfDone(error, pushUri, plan, held) {
    const byDigest = new Map();
    for (const { tag } of plan) {
        const digest = held.get(tag);
        if (digest !== undefined)
            byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
    }
    const holds = [...byDigest].map(([digest, tags]) => `${listed(tags)} → ${digest}`).join('; ');
    const missing = plan.filter(({ tag }) => !held.has(tag)).map(({ tag }) => tag);
    const account = `Half done: ${pushUri} holds ${holds}; not pushed: ${listed(missing)}. Running the step again skips the tags that are there.`;
    const message = `${(0,src/* sentence */.em)((0,src/* errorMessage */.gJ)(error))} ${account}`;
    if (error instanceof src/* ConfigurationError */.j1)
        return new src/* ConfigurationError */.j1(message);
    const wrapped = new Error(message, { cause: error });
    if (error instanceof Error && error.stack)
        wrapped.stack = `${message}\n${error.stack}`;
    return wrapped;
}

;// CONCATENATED MODULE: ./src/push-tags.ts




/**
 * Tags the image locally under every tag, then makes ECR hold it under each tag that needs it: the first
 * through `docker push` (the layers go up once) unless ECR already holds the image under a skipped tag, the
 * others with PutImage of the stored manifest (one API call each, no layer traffic). Returns tag → digest, from ECR.
 */
async function pushTags(context) {
    const { ecr, docker, log, inputs, pushUri, imageId, plan, remote, clock } = context;
    const held = new Map();
    const transfers = new Map();
    for (const action of plan)
        if (action.action === 'skip')
            held.set(action.tag, action.digest);
    const pending = plan.filter((action) => action.action !== 'skip');
    if (pending.length === 0)
        return { held, transfers };
    const push = log.group(`Push ${pushUri} (${pending.map((action) => action.tag).join(', ')})`, async () => {
        // Local names only, independent of each other: one docker process per tag, at once.
        await (0,src/* inOrder */.al)(plan.map(async ({ tag }) => {
            const reference = `${pushUri}:${tag}`;
            const tagged = await docker.run(['tag', imageId, reference]);
            if (tagged.exitCode !== 0)
                throw new src_docker/* DockerCommandError */.YJ(`tag ${reference}`, tagged);
        }));
        const pushWithDocker = async (tag) => {
            const started = clock.now();
            await dockerPush(docker, log, `${pushUri}:${tag}`);
            const digest = await (0,src_ecr/* tagDigest */.$g)(ecr, inputs.repository, inputs.registryId, tag);
            if (digest === undefined) {
                throw new Error(`docker push reported success, but ECR does not list the tag ${tag} in ${inputs.repository}`);
            }
            held.set(tag, digest);
            const durationMs = clock.now() - started;
            transfers.set(tag, { via: 'docker push', durationMs });
            log.info(`Tag ${tag} → ${digest}: pushed with docker push in ${durationMs} ms`);
            return digest;
        };
        let rest = pending;
        let source = plan.find((action) => action.action === 'skip')?.tag;
        let sourceDigest = source === undefined ? undefined : held.get(source);
        if (sourceDigest === undefined) {
            const [first, ...others] = pending;
            sourceDigest = await pushWithDocker(first.tag);
            source = first.tag;
            rest = others;
        }
        if (rest.length === 0)
            return;
        const stored = remote.manifests.get(sourceDigest) ??
            (await (0,src_ecr/* getManifest */.c2)(ecr, inputs.repository, inputs.registryId, sourceDigest));
        for (const { tag } of rest) {
            if (stored) {
                const started = clock.now();
                const digest = await (0,src_ecr/* putTag */.go)(ecr, inputs.repository, inputs.registryId, sourceDigest, stored, tag);
                const durationMs = clock.now() - started;
                held.set(tag, digest);
                transfers.set(tag, { via: 'PutImage', durationMs });
                log.info(`Tag ${tag} → ${digest}: added with ECR PutImage in ${durationMs} ms (the image is there under ${source}; no layers sent)`);
            }
            else {
                // Without ecr:BatchGetImage the manifest cannot be read back: push the tag like the first.
                await pushWithDocker(tag);
            }
        }
    });
    try {
        await push;
    }
    catch (error) {
        throw transfers.size > 0 ? halfDone(error, pushUri, plan, held) : error;
    }
    return { held, transfers };
}
async function dockerPush(docker, log, reference) {
    const pushed = await docker.run(['push', reference]);
    if (pushed.exitCode !== 0) {
        log.info(`docker push failed; the end of its output:\n${(0,src_docker/* lastLines */.w$)((0,src_docker/* combinedOutput */.lj)(pushed), 15)}`);
        throw new src_docker/* DockerCommandError */.YJ(`push ${reference}`, pushed, /denied|unauthorized/i.test(`${pushed.stdout}${pushed.stderr}`)
            ? 'The role needs ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:BatchCheckLayerAvailability and ecr:PutImage on the repository.'
            : '');
    }
}
/**
 * Reads what ECR holds under every tag (DescribeImages per tag, at once), and the manifest of each distinct digest
 * not in `knownDigests` (which may still be on its way), to recognise this image after a rebuild by its config
 * digest.
 */
async function readTagDigests(ecr, inputs, knownDigests) {
    const [digests, known] = await Promise.all([
        Promise.all(inputs.tags.map((tag) => (0,src_ecr/* tagDigest */.$g)(ecr, inputs.repository, inputs.registryId, tag))),
        knownDigests,
    ]);
    const unknown = [...new Set(digests.filter((digest) => !!digest && !known.includes(digest)))];
    const manifests = new Map(await Promise.all(unknown.map(async (digest) => [digest, await (0,src_ecr/* getManifest */.c2)(ecr, inputs.repository, inputs.registryId, digest)])));
    return { digests, manifests };
}
/** Every tag as the plan sees it: what it holds and whether the repository's rules let it move. */
function existingTags(inputs, repository, read) {
    const existing = inputs.tags.map((tag, index) => {
        const digest = read.digests[index];
        return {
            tag,
            digest,
            configDigest: digest ? (0,src_ecr/* configDigestOf */.e$)(read.manifests.get(digest)) : undefined,
            immutable: (0,src_ecr/* isTagImmutable */.j1)(tag, repository.imageTagMutability, repository.imageTagMutabilityExclusionFilters ?? []),
        };
    });
    return { existing, manifests: read.manifests };
}

// EXTERNAL MODULE: ./src/scan.ts
var scan = __webpack_require__(4558);
;// CONCATENATED MODULE: ./src/ecr-push.ts








async function pushImage(inputs, deps) {
    const { ecr, docker, log } = deps;
    // 1. What is local and what ECR holds, asked at once: reads only, nothing changes before all are known. A failure
    // is reported in the order a user fixes them: the build files, the engine and the image, the login, the repository.
    const build = inputs.source.kind === 'build' ? await resolveBuildFiles(inputs.source, deps.workspace) : undefined;
    const secrets = inputs.source.kind === 'build'
        ? await prepareBuildSecrets(inputs.source.secrets, { workspace: deps.workspace, env: deps.env, docker, log })
        : { secrets: [], builder: undefined };
    const givenImage = localImageGiven(inputs, deps);
    // An image given is known by the time its tags are compared, so they are read now too (used only if the
    // repository exists; else they do not exist either).
    const tagsRead = inputs.source.kind === 'image'
        ? settled(readTagDigests(ecr, inputs, givenImage.then((image) => (image ? (0,src_docker/* knownDigests */.lg)(image) : []))))
        : undefined;
    const [prebuilt, login, repository] = await (0,src/* inOrder */.al)([
        givenImage,
        (0,src_ecr/* getRegistryLogin */.RY)(ecr, inputs.registryId),
        (0,src_ecr/* findRepository */.W1)(ecr, inputs.repository, inputs.registryId),
    ]);
    log.maskSecret(login.password);
    log.maskSecret(login.token);
    // Where Docker pushes: the login host (GetAuthorizationToken's proxyEndpoint). The outputs name the image by the
    // repository URI ECR reports instead, as ECS pulls it; on AWS both are the same host.
    const pushUri = `${login.host}/${inputs.repository}`;
    if (!repository && !inputs.createRepository) {
        throw new src/* ConfigurationError */.j1(`The ECR repository ${(0,src/* quoteValue */.cl)(inputs.repository)} does not exist in ${login.host}. Create it (aws ecr create-repository --repository-name ${inputs.repository} --image-scanning-configuration scanOnPush=true), or set create-repository: true to let this step create it.`);
    }
    let loggedIn = false;
    const logIn = async () => {
        if (loggedIn)
            return;
        loggedIn = true;
        deps.onLogin(login.host);
        await dockerLogin(docker, login, log);
    };
    // 2. The image: built once (logged in first: a Dockerfile may start FROM an image in this registry, and the
    // build cache is read from it), or the one given.
    let labels = [];
    let local;
    if (build && inputs.source.kind === 'build') {
        await logIn();
        ({ local, labels } = await buildImage({
            source: inputs.source,
            files: build,
            secrets,
            cache: inputs.cache,
            version: inputs.tags[0] ?? 'latest',
            pushUri,
            repositoryExists: repository !== undefined,
            docker,
            log,
            clock: deps.clock,
            env: deps.env,
            event: deps.event,
            tempDir: deps.tempDir,
        }));
    }
    else if (prebuilt) {
        local = prebuilt;
    }
    else {
        throw new Error('unreachable: neither a build nor an image');
    }
    // 3. Every tag against ECR, before anything is pushed.
    const identity = { imageId: local.id, knownDigests: (0,src_docker/* knownDigests */.lg)(local, pushUri) };
    const remote = repository
        ? existingTags(inputs, repository, await (tagsRead?.() ?? readTagDigests(ecr, inputs, identity.knownDigests)))
        : {
            existing: inputs.tags.map((tag) => ({ tag, digest: undefined, immutable: false })),
            manifests: new Map(),
        };
    const plan = planTags(remote.existing, identity);
    if (plan.clashes.length > 0) {
        throw new src/* ConfigurationError */.j1(clashMessage(plan.clashes, reportedUri(repository, pushUri), identity, repository?.imageTagMutability ?? 'IMMUTABLE'));
    }
    // 4. Create the repository only now that everything else is known to be fine.
    let repositoryCreated = false;
    let scanOnPush = repository?.imageScanningConfiguration?.scanOnPush ?? false;
    let repositoryUri = reportedUri(repository, pushUri);
    if (!repository) {
        const created = await (0,src_ecr/* createRepository */.vB)(ecr, inputs.repository, inputs.registryId, inputs.tagMutability);
        repositoryCreated = true;
        repositoryUri = reportedUri(created, pushUri);
        scanOnPush = created.imageScanningConfiguration?.scanOnPush ?? true;
        log.info(`Created the ECR repository ${inputs.repository} (tag mutability ${inputs.tagMutability}, scan on push enabled)`);
    }
    if (registryOf(repositoryUri) !== login.host) {
        log.info(`Docker pushes to ${pushUri} (the login endpoint); ECR names the repository ${repositoryUri}`);
    }
    // 5. Tag and push (an image given, not built here, logs in only now, and only when a tag needs it).
    for (const action of plan.actions) {
        if (action.action === 'skip') {
            log.info(`Tag ${action.tag} already holds this image (${action.digest}) in ${repositoryUri}: skipped`);
        }
        else if (action.action === 'move') {
            log.info(`Tag ${action.tag} held ${action.previousDigest}; it will be moved to this image`);
        }
    }
    if (plan.actions.some((action) => action.action !== 'skip'))
        await logIn();
    const { held, transfers } = await pushTags({
        ecr,
        docker,
        log,
        inputs,
        pushUri,
        imageId: local.id,
        plan: plan.actions,
        remote,
        clock: deps.clock,
    });
    // 6. The digest, as ECR reports it.
    const digest = sameDigest(inputs.tags, held, log);
    const firstTag = inputs.tags[0] ?? 'latest';
    const result = {
        registry: registryOf(repositoryUri),
        repositoryUri,
        image: `${repositoryUri}:${firstTag}`,
        digest,
        imageWithDigest: `${repositoryUri}@${digest}`,
        tags: inputs.tags,
        tagResults: plan.actions.map((action) => ({ ...tagResult(action), ...transfers.get(action.tag) })),
        imageId: local.id,
        built: build !== undefined,
        repositoryCreated,
        labels,
    };
    // 7. The scan.
    if (inputs.scan === 'wait') {
        const imageRef = `${repositoryUri}@${digest}`;
        const outcome = await log.group(`Waiting for the image scan of ${imageRef}`, () => (0,scan/* waitForScan */.SP)({
            ecr,
            repositoryName: inputs.repository,
            registryId: inputs.registryId,
            imageDigest: digest,
            scanOnPush,
            timeoutMs: inputs.scanTimeoutMs,
            ...(deps.scanIntervalMs === undefined ? {} : { intervalMs: deps.scanIntervalMs }),
            clock: deps.clock,
            sleep: deps.sleep,
            onStatus: (status) => log.info(`scan status: ${status}`),
        }));
        if (outcome.kind === 'complete') {
            result.scan = outcome.report;
            const verdict = (0,scan/* scanVerdict */.nj)(outcome.report, inputs.failOnSeverity, imageRef);
            if (verdict)
                result.failure = verdict;
        }
        else {
            result.failure = (0,scan/* scanProblemMessage */.Cv)(outcome, imageRef, inputs.scanTimeoutMs);
        }
    }
    return result;
}
/** The engine's answer and the image given (undefined when building), refused when the engine lacks that image. */
async function localImageGiven(inputs, deps) {
    const image = inputs.source.kind === 'image' ? inputs.source.image : undefined;
    const found = await (deps.engineCheck ?? (0,src_docker/* checkEngine */.Xx)(deps.docker, deps.env, image));
    if (image !== undefined && !found) {
        throw new src/* ConfigurationError */.j1(`Input "image": the Docker engine has no image ${(0,src/* quoteValue */.cl)(image)}. Build it in an earlier step (docker build -t ${image} .), or remove "image" to let this step build.`);
    }
    return found;
}
/**
 * A read started ahead of its use: its failure is held (not an unhandled rejection) until the caller asks for it,
 * and is never seen when the caller does not.
 */
function settled(pending) {
    pending.catch(() => { });
    return () => pending;
}
/**
 * The repository URI as ECR reports it (DescribeRepositories / CreateRepository), the name ECS pulls the image by;
 * the login host's name when ECR reported none.
 */
function reportedUri(repository, pushUri) {
    return repository?.repositoryUri || pushUri;
}
/** The registry host of a repository URI: `123.dkr.ecr.us-east-1.amazonaws.com/team/web` → `123.dkr.ecr.us-east-1.amazonaws.com`. */
function registryOf(repositoryUri) {
    const slash = repositoryUri.indexOf('/');
    return slash < 0 ? repositoryUri : repositoryUri.slice(0, slash);
}
function tagResult(action) {
    switch (action.action) {
        case 'push':
            return { tag: action.tag, action: 'pushed' };
        case 'skip':
            return { tag: action.tag, action: 'skipped' };
        case 'move':
            return { tag: action.tag, action: 'moved', previousDigest: action.previousDigest };
    }
}
/** The digest of the first tag; a tag that holds another one is reported. */
function sameDigest(tags, held, log) {
    const first = held.get(tags[0] ?? '');
    if (first === undefined)
        throw new Error(`ECR reported no digest for the tag ${tags[0]}`);
    const differing = tags.filter((tag) => held.get(tag) !== first);
    if (differing.length > 0) {
        log.warning(`The tags do not all hold the same manifest: ${tags.map((tag) => `${tag} → ${held.get(tag)}`).join(', ')}. The outputs use ${first}.`);
    }
    return first;
}


/***/ }),

/***/ 2145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ tagDigest),
/* harmony export */   RY: () => (/* binding */ getRegistryLogin),
/* harmony export */   W1: () => (/* binding */ findRepository),
/* harmony export */   c2: () => (/* binding */ getManifest),
/* harmony export */   e$: () => (/* binding */ configDigestOf),
/* harmony export */   go: () => (/* binding */ putTag),
/* harmony export */   j1: () => (/* binding */ isTagImmutable),
/* harmony export */   pO: () => (/* binding */ startImageScan),
/* harmony export */   vB: () => (/* binding */ createRepository),
/* harmony export */   xd: () => (/* binding */ describeScanFindings)
/* harmony export */ });
/* unused harmony exports explainAwsError, registryHost, wildcardMatch */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8613);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(699);
/** The ECR calls the action makes, each turning AWS's errors into messages that say what to fix. */


/** For tools that drive the logic directly (the benchmark) without a dependency on the SDK of their own. */

function errorName(error) {
    return error instanceof Error ? error.name : '';
}
/**
 * What an AWS error means for the user: credentials missing, expired or wrong, or the IAM action denied.
 * Anything else is returned unchanged.
 */
function explainAwsError(error, operation, resource) {
    return ((0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .explainAccessError */ .Qz)(error, {
        action: `ecr:${operation}`,
        ...(resource ? { resource } : {}),
        deniedHint: 'The README lists every ECR action this step needs.',
    }) ?? error);
}
async function call(operation, resource, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw explainAwsError(error, operation, resource);
    }
}
/** GetAuthorizationToken, decoded: the token is base64 `AWS:<password>`. */
async function getRegistryLogin(ecr, registryId) {
    const response = await call('GetAuthorizationToken', undefined, () => ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.GetAuthorizationTokenCommand(registryId ? { registryIds: [registryId] } : {})));
    const data = response.authorizationData?.[0];
    if (!data?.authorizationToken || !data.proxyEndpoint) {
        throw new Error('ECR GetAuthorizationToken returned no authorization data');
    }
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new Error('ECR GetAuthorizationToken returned a token that is not base64 "user:password"');
    return {
        host: registryHost(data.proxyEndpoint),
        proxyEndpoint: data.proxyEndpoint,
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        token: data.authorizationToken,
        expiresAt: data.expiresAt,
    };
}
/** `https://123.dkr.ecr.us-east-1.amazonaws.com/` → `123.dkr.ecr.us-east-1.amazonaws.com`. */
function registryHost(proxyEndpoint) {
    return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}
async function findRepository(ecr, repositoryName, registryId) {
    try {
        const response = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.DescribeRepositoriesCommand({ repositoryNames: [repositoryName], ...(registryId ? { registryId } : {}) }));
        return response.repositories?.[0];
    }
    catch (error) {
        if (errorName(error) === 'RepositoryNotFoundException')
            return undefined;
        throw explainAwsError(error, 'DescribeRepositories', `repository ${repositoryName}`);
    }
}
async function createRepository(ecr, repositoryName, registryId, imageTagMutability) {
    const response = await call('CreateRepository', `repository ${repositoryName}`, () => ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.CreateRepositoryCommand({
        repositoryName,
        ...(registryId ? { registryId } : {}),
        imageTagMutability,
        imageScanningConfiguration: { scanOnPush: true },
    })));
    if (!response.repository)
        throw new Error(`ECR CreateRepository returned no repository for ${repositoryName}`);
    return response.repository;
}
/** The digest a tag points at, or undefined when the tag does not exist. */
async function tagDigest(ecr, repositoryName, registryId, tag) {
    try {
        const response = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.DescribeImagesCommand({
            repositoryName,
            ...(registryId ? { registryId } : {}),
            imageIds: [{ imageTag: tag }],
        }));
        return response.imageDetails?.[0]?.imageDigest;
    }
    catch (error) {
        if (errorName(error) === 'ImageNotFoundException')
            return undefined;
        throw explainAwsError(error, 'DescribeImages', `${repositoryName}:${tag}`);
    }
}
const MANIFEST_TYPES = [
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.index.v1+json',
];
/**
 * The manifest ECR stores under a digest, byte for byte (BatchGetImage), or undefined when it cannot be read
 * (no such image, or no ecr:BatchGetImage permission: callers then fall back to what works without it).
 */
async function getManifest(ecr, repositoryName, registryId, imageDigest) {
    try {
        const response = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.BatchGetImageCommand({
            repositoryName,
            ...(registryId ? { registryId } : {}),
            imageIds: [{ imageDigest }],
            acceptedMediaTypes: MANIFEST_TYPES,
        }));
        const image = response.images?.[0];
        if (!image?.imageManifest)
            return undefined;
        return { manifest: image.imageManifest, mediaType: image.imageManifestMediaType };
    }
    catch {
        return undefined;
    }
}
/** The config digest (= the local image id) of a single-image manifest, if it has one. */
function configDigestOf(manifest) {
    if (!manifest)
        return undefined;
    try {
        const parsed = JSON.parse(manifest.manifest);
        return typeof parsed.config?.digest === 'string' ? parsed.config.digest : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Puts a tag on an image ECR already holds: PutImage with its manifest, one API call and no layer traffic
 * (ECR's documented way to retag). Returns the digest the tag now holds.
 */
async function putTag(ecr, repositoryName, registryId, imageDigest, stored, tag) {
    try {
        const response = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.PutImageCommand({
            repositoryName,
            ...(registryId ? { registryId } : {}),
            imageManifest: stored.manifest,
            ...(stored.mediaType ? { imageManifestMediaType: stored.mediaType } : {}),
            imageDigest,
            imageTag: tag,
        }));
        return response.image?.imageId?.imageDigest ?? imageDigest;
    }
    catch (error) {
        // The tag already holds this very image (e.g. a concurrent re-run got there first): nothing to do.
        if (errorName(error) === 'ImageAlreadyExistsException')
            return imageDigest;
        if (errorName(error) === 'ImageTagAlreadyExistsException') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`ECR refused to move the immutable tag "${tag}" in ${repositoryName}: it was set to another image after this step checked it (a concurrent push?). Push under a new tag.`);
        }
        throw explainAwsError(error, 'PutImage', `${repositoryName}:${tag}`);
    }
}
/** Whether a tag is immutable under the repository's setting, exclusion filters included. */
function isTagImmutable(tag, mutability, exclusions = []) {
    const excluded = exclusions.some((filter) => filter.filter !== undefined && wildcardMatch(filter.filter, tag));
    switch (mutability) {
        case 'IMMUTABLE':
            return true;
        case 'IMMUTABLE_WITH_EXCLUSION':
            return !excluded;
        case 'MUTABLE_WITH_EXCLUSION':
            return excluded;
        default:
            return false;
    }
}
/** ECR's WILDCARD filter: `*` matches any run of characters, everything else literally. */
function wildcardMatch(pattern, value) {
    const regex = pattern
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${regex}$`).test(value);
}
/** One page of scan findings, or undefined when no scan exists for the image yet (ScanNotFoundException). */
async function describeScanFindings(ecr, repositoryName, registryId, imageDigest, nextToken) {
    try {
        return await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.DescribeImageScanFindingsCommand({
            repositoryName,
            ...(registryId ? { registryId } : {}),
            imageId: { imageDigest },
            maxResults: 1000,
            ...(nextToken ? { nextToken } : {}),
        }));
    }
    catch (error) {
        if (errorName(error) === 'ScanNotFoundException')
            return undefined;
        throw explainAwsError(error, 'DescribeImageScanFindings', `${repositoryName}@${imageDigest}`);
    }
}
async function startImageScan(ecr, repositoryName, registryId, imageDigest) {
    await call('StartImageScan', `${repositoryName}@${imageDigest}`, () => ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__.StartImageScanCommand({ repositoryName, ...(registryId ? { registryId } : {}), imageId: { imageDigest } })));
}


/***/ }),

/***/ 4558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER),
/* harmony export */   Cv: () => (/* binding */ scanProblemMessage),
/* harmony export */   SP: () => (/* binding */ waitForScan),
/* harmony export */   gM: () => (/* binding */ formatCounts),
/* harmony export */   nj: () => (/* binding */ scanVerdict),
/* harmony export */   tf: () => (/* binding */ formatFinding)
/* harmony export */ });
/* unused harmony exports severityRank, sortFindings, countAtOrAbove */
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(699);
/* harmony import */ var _ecr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2145);


const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];
const RANK = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
function severityRank(severity) {
    return RANK[(severity ?? '').toUpperCase()] ?? 0;
}
const DONE = new Set(['COMPLETE', 'ACTIVE']);
const FAILED = new Set([
    'FAILED',
    'UNSUPPORTED_IMAGE',
    'FINDINGS_UNAVAILABLE',
    'SCAN_ELIGIBILITY_EXPIRED',
    'LIMIT_EXCEEDED',
    'IMAGE_ARCHIVED',
]);
async function waitForScan(options) {
    const { ecr, repositoryName, registryId, imageDigest } = options;
    let started = options.scanOnPush;
    let lastStatus = 'NOT_STARTED';
    const result = await (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .poll */ .wt)({
        intervalMs: options.intervalMs ?? 5000,
        timeoutMs: options.timeoutMs,
        clock: options.clock,
        sleep: options.sleep,
        check: async () => {
            const first = await (0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .describeScanFindings */ .xd)(ecr, repositoryName, registryId, imageDigest);
            if (first === undefined) {
                if (!started) {
                    started = true;
                    try {
                        await (0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .startImageScan */ .pO)(ecr, repositoryName, registryId, imageDigest);
                    }
                    catch (error) {
                        // One basic scan per image a day: a scan that exists already is what we wait for.
                        if (!(error instanceof Error && error.name === 'LimitExceededException'))
                            throw error;
                    }
                }
                report('NOT_STARTED');
                return undefined;
            }
            const status = first.imageScanStatus?.status ?? 'UNKNOWN';
            report(status);
            if (FAILED.has(status)) {
                return { kind: 'failed', status, description: first.imageScanStatus?.description ?? '' };
            }
            if (!DONE.has(status))
                return undefined;
            return { kind: 'complete', report: await collectReport(options, first, status) };
        },
    });
    if (result.status === 'done')
        return result.value;
    return { kind: 'timed-out', status: lastStatus, elapsedMs: result.elapsedMs };
    function report(status) {
        if (status !== lastStatus)
            options.onStatus?.(status);
        lastStatus = status;
    }
}
const MAX_PAGES = 20;
async function collectReport(options, first, status) {
    const findings = [];
    let page = first;
    for (let pages = 0; page !== undefined && pages < MAX_PAGES; pages++) {
        findings.push(...findingsOf(page));
        const token = page.nextToken;
        page = token
            ? await (0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .describeScanFindings */ .xd)(options.ecr, options.repositoryName, options.registryId, options.imageDigest, token)
            : undefined;
    }
    const counts = {};
    for (const [severity, count] of Object.entries(first.imageScanFindings?.findingSeverityCounts ?? {})) {
        if (typeof count === 'number')
            counts[severity] = count;
    }
    if (Object.keys(counts).length === 0) {
        for (const finding of findings)
            counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
    }
    return { status, counts, findings: sortFindings(findings) };
}
function findingsOf(page) {
    const basic = (page.imageScanFindings?.findings ?? []).map((finding) => ({
        name: finding.name ?? '(unnamed)',
        severity: finding.severity ?? 'UNDEFINED',
        ...(finding.description ? { description: finding.description } : {}),
        ...(finding.uri ? { uri: finding.uri } : {}),
    }));
    const enhanced = (page.imageScanFindings?.enhancedFindings ?? []).map((finding) => {
        const vulnerable = finding.packageVulnerabilityDetails?.vulnerablePackages?.[0];
        const uri = finding.packageVulnerabilityDetails?.sourceUrl;
        return {
            name: finding.packageVulnerabilityDetails?.vulnerabilityId ?? finding.title ?? '(unnamed)',
            severity: finding.severity ?? 'UNDEFINED',
            ...(finding.description ? { description: finding.description } : {}),
            ...(uri ? { uri } : {}),
            ...(vulnerable?.name
                ? { package: `${vulnerable.name}${vulnerable.version ? `@${vulnerable.version}` : ''}` }
                : {}),
        };
    });
    return [...basic, ...enhanced];
}
function sortFindings(findings) {
    return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.name.localeCompare(b.name));
}
/** How many findings are at or above the threshold, by ECR's counts. */
function countAtOrAbove(report, threshold) {
    const limit = severityRank(threshold);
    return Object.entries(report.counts)
        .filter(([severity]) => severityRank(severity) >= limit && severityRank(severity) > 0)
        .reduce((total, [, count]) => total + count, 0);
}
/** The failure message for findings at or above the threshold, or undefined when the image passes. */
function scanVerdict(report, threshold, imageRef) {
    if (threshold === undefined)
        return undefined;
    const blocking = countAtOrAbove(report, threshold);
    if (blocking === 0)
        return undefined;
    const top = report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(threshold));
    const shown = top.slice(0, 10).map((finding) => `- ${formatFinding(finding)}`);
    const more = blocking > shown.length ? [`- … and ${blocking - shown.length} more`] : [];
    return [
        `The image scan of ${imageRef} found ${blocking} finding${blocking === 1 ? '' : 's'} at or above ${threshold} (${formatCounts(report.counts)}), and fail-on-severity is ${threshold}:`,
        ...shown,
        ...more,
        'Fix or upgrade the affected packages (often: a newer base image), or raise fail-on-severity.',
    ].join('\n');
}
function formatFinding(finding) {
    const parts = [`${finding.severity} ${finding.name}`];
    if (finding.package)
        parts.push(`in ${finding.package}`);
    if (finding.uri)
        parts.push(`(${finding.uri})`);
    return parts.join(' ');
}
function formatCounts(counts) {
    const entries = SEVERITY_ORDER.filter((severity) => (counts[severity] ?? 0) > 0).map((severity) => `${severity} ${counts[severity]}`);
    const other = Object.entries(counts)
        .filter(([severity, count]) => !SEVERITY_ORDER.includes(severity) && count > 0)
        .map(([severity, count]) => `${severity} ${count}`);
    const all = [...entries, ...other];
    return all.length > 0 ? all.join(', ') : 'no findings';
}
function scanProblemMessage(outcome, imageRef, timeoutMs) {
    if (outcome.kind === 'timed-out') {
        return `The image scan of ${imageRef} did not complete within scan-timeout ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(timeoutMs)} (last status ${outcome.status}). The image is pushed; raise scan-timeout, or set scan: none and check the scan later.`;
    }
    return `The image scan of ${imageRef} ended with status ${outcome.status}${outcome.description ? `: ${outcome.description}` : ''}. The image is pushed but was not scanned; set scan: none to push without waiting for a scan.`;
}


/***/ })

};
