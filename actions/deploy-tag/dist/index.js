import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 516:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  E: () => (/* binding */ deployTag)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 15 modules
var src = __nccwpck_require__(872);
// EXTERNAL MODULE: ./src/github.ts
var github = __nccwpck_require__(112);
// EXTERNAL MODULE: ./src/records.ts
var src_records = __nccwpck_require__(669);
;// CONCATENATED MODULE: ./src/deployment.ts
/**
 * The GitHub Deployment of a deploy (https://docs.github.com/rest/deployments): created `in_progress` when the
 * deploy starts (deployment-state: in_progress), set `success` with the deploy's record (create-deployment) or
 * `failure` when the deploy failed (deployment-state: failure). On success the Deployment it replaces, the newest
 * earlier success at the same place, is set `inactive` here rather than by GitHub's auto_inactive: GitHub documents
 * that for non-production environments only, and by environment name alone, so one region's deploy would retire
 * another region's.
 */



/** How many of the environment's newest Deployments are searched for the one a success replaces. */
const REPLACED_SEARCH = 20;
/** deployment-state: in_progress: a Deployment for the deploy about to start. */
async function startDeployment(inputs, deps) {
    const subject = { ...inputs, version: inputs.version.text };
    const deploymentId = await createDeployment(subject, deps);
    await postStatus(inputs, deps, deploymentId, 'in_progress', `Deploying ${inputs.version.text}`);
    deps.info?.(`Created deployment ${deploymentId} for environment ${inputs.place.environment} (in_progress).`);
    return { ...deploymentResult(inputs.version.text, 'deployment-started', deploymentId), sha: inputs.sha };
}
/** deployment-state: failure: the deploy deployment-id stands for failed; what it would have replaced stays active. */
async function failDeployment(inputs, deps) {
    await postStatus(inputs, deps, inputs.deploymentId, 'failure', `Deploy of ${inputs.version.text} failed`);
    deps.info?.(`Set deployment ${inputs.deploymentId} to failure.`);
    return deploymentResult(inputs.version.text, 'deployment-failed', inputs.deploymentId);
}
/**
 * create-deployment, once the deploy is recorded: deployment-id's Deployment (or a new one) set to success, and the
 * one it replaces at the same place set inactive. Returns the Deployment's id.
 */
async function succeedDeployment(inputs, deps) {
    const deploymentId = inputs.deploymentId ?? (await createDeployment({ ...inputs, version: inputs.version.text }, deps));
    await postStatus(inputs, deps, deploymentId, 'success', `Deployed ${inputs.version.text}`);
    // The deploy is done and recorded: a Deployment left active by mistake is shown, never a failed deploy.
    const replaced = await inactivateReplaced(inputs, deps, deploymentId).catch((error) => {
        deps.warning?.(`Deployment ${deploymentId} is success, but the one it replaces was not set inactive: ${(0,src/* errorMessage */.gJ)(error)}`);
        return undefined;
    });
    deps.info?.(`Deployment ${deploymentId} for environment ${inputs.place.environment} is success${replaced ? `; deployment ${replaced}, which it replaces, is inactive` : ''}.`);
    return deploymentId;
}
function deploymentResult(version, action, deploymentId) {
    return { mode: 'deployment', action, tag: '', sha: '', version, created: false, deploymentId };
}
async function createDeployment(subject, deps) {
    const { place, metadata = {}, actors } = subject;
    const ctx = context(subject, `create a deployment for environment ${place.environment}`);
    const created = await (0,github/* call */.T1)(deps, ctx, () => deps.github.request('POST /repos/{owner}/{repo}/deployments', {
        owner: subject.owner,
        repo: subject.repo,
        ref: subject.sha,
        environment: place.environment,
        task: 'deploy',
        // The workflow deploys what it checked itself: no merge of the default branch, no commit-status checks.
        auto_merge: false,
        required_contexts: [],
        description: `Deploy ${subject.version} to ${place.environment}`.slice(0, 140),
        payload: {
            version: subject.version,
            tag: subject.tag,
            cluster: place.cluster,
            service: place.service,
            // An application deploy's targets are in its records; its Deployment names the application.
            ...(place.application ? { application: place.application } : {}),
            region: place.region,
            ...(place.account ? { account: place.account } : {}),
            ...(metadata.image ? { image: metadata.image } : {}),
            ...(metadata.imageDigest ? { 'image-digest': metadata.imageDigest } : {}),
            ...(metadata.taskDefinitionArn ? { 'task-definition-arn': metadata.taskDefinitionArn } : {}),
            ...(actors ? { actor: actors.actor } : {}),
            ...(actors?.triggeringActor ? { 'triggering-actor': actors.triggeringActor } : {}),
        },
    }));
    const data = created.data;
    if (typeof data.id !== 'number') {
        const why = typeof data.message === 'string' ? data.message.slice(0, 200) : `status ${created.status}`;
        throw new Error(`GitHub did not create the deployment: ${JSON.stringify(why)}.`);
    }
    return data.id;
}
async function postStatus(inputs, deps, deploymentId, state, description) {
    await (0,github/* call */.T1)(deps, context(inputs, `set deployment ${deploymentId} to ${state}`), () => deps.github.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner: inputs.owner,
        repo: inputs.repo,
        deployment_id: deploymentId,
        state,
        description: description.slice(0, 140),
        ...(inputs.runUrl ? { log_url: inputs.runUrl } : {}),
        ...(inputs.environmentUrl && state !== 'inactive' ? { environment_url: inputs.environmentUrl } : {}),
        // Replaced Deployments are retired here, at the same place only (see the file's comment).
        auto_inactive: false,
    }));
}
/**
 * The newest earlier Deployment at the same place whose latest status is success is set inactive; the search stops
 * at the first one already inactive (earlier successes were retired by their own successors).
 */
async function inactivateReplaced(inputs, deps, deploymentId) {
    const { environment } = inputs.place;
    const base = { owner: inputs.owner, repo: inputs.repo };
    const listed = await (0,github/* call */.T1)(deps, context(inputs, `list the deployments of environment ${environment}`), () => deps.github.request('GET /repos/{owner}/{repo}/deployments', {
        ...base,
        environment,
        task: 'deploy',
        per_page: REPLACED_SEARCH,
    }));
    const candidates = listed.data.flatMap((item) => {
        const { id, payload } = (item ?? {});
        return typeof id === 'number' && id < deploymentId && isAtPlace(payload, inputs.place) ? [id] : [];
    });
    for (const id of candidates) {
        const statuses = await (0,github/* call */.T1)(deps, context(inputs, `read the statuses of deployment ${id}`), () => deps.github.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
            ...base,
            deployment_id: id,
            per_page: 1,
        }));
        const state = statuses.data[0]?.state;
        if (state === 'inactive')
            return undefined;
        if (state !== 'success')
            continue;
        await postStatus(inputs, deps, id, 'inactive', `Replaced by ${inputs.version.text} (deployment ${deploymentId})`);
        return id;
    }
    return undefined;
}
/**
 * Whether a Deployment's payload (data: any writer may have created it) names the same cluster, service or
 * application, and region. A payload without a region (made before regions were recorded) is at any region; a part
 * of `place` left empty matches any value. An application deploy's payload names its application (its targets are
 * in its records): it is at a place that names that application, or names neither a service nor an application; a
 * single-service payload is never at a place that names only an application.
 */
function isAtPlace(payload, place) {
    if (payload === null || typeof payload !== 'object')
        return false;
    const { cluster, service, application, region, account } = payload;
    if (typeof cluster !== 'string')
        return false;
    if (place.cluster !== undefined && (0,src_records/* ecsName */.pC)(cluster) !== (0,src_records/* ecsName */.pC)(place.cluster))
        return false;
    if (typeof service === 'string') {
        if (place.service !== undefined ? (0,src_records/* ecsName */.pC)(service) !== (0,src_records/* ecsName */.pC)(place.service) : place.application !== undefined)
            return false;
    }
    else if (typeof application === 'string') {
        if (place.application !== undefined ? application !== place.application : place.service !== undefined)
            return false;
    }
    else {
        return false;
    }
    if (region !== undefined && place.region !== undefined && region !== place.region)
        return false;
    return account === undefined || place.account === undefined || account === place.account;
}
function context(inputs, what) {
    return { what, permission: 'deployments: write', repository: `${inputs.owner}/${inputs.repo}` };
}

// EXTERNAL MODULE: ./src/version.ts
var src_version = __nccwpck_require__(135);
;// CONCATENATED MODULE: ./src/history.ts
/**
 * The deploy history of one place (environment, cluster, service), from the records of every deploy tag: what runs
 * there now, and what a rollback goes back to.
 */


/** The newest record of a tag at `place`, if any. */
function newestRecordAt(tag, place) {
    return tag.records
        ?.filter((record) => (0,src_records/* isAt */.ii)(record, place))
        .sort(byTime)
        .at(-1);
}
/**
 * Legacy tags (no records, e.g. from the hand-written pipeline before) may have run at any place: they take part as
 * candidates, and the caller refuses to deploy one without an image. Versions that ran only elsewhere do not.
 * "Previous" goes down in version from what runs now, so rolling back twice goes back twice (never forward again to
 * the release a first rollback left).
 */
function historyAt(tags, place) {
    const deploys = [];
    for (const tag of tags) {
        if (tag.records === undefined)
            deploys.push({ tag });
        else {
            const record = newestRecordAt(tag, place);
            if (record)
                deploys.push({ tag, record });
        }
    }
    const recorded = deploys.filter((deploy) => deploy.record !== undefined);
    const byVersion = (a, b) => (0,src_version/* compareVersions */.Z)(a.tag.version, b.tag.version);
    const current = recorded.length > 0
        ? recorded.sort((a, b) => byTime(a.record, b.record) || byVersion(a, b)).at(-1)
        : [...deploys].sort(byVersion).at(-1);
    if (!current)
        return {};
    const previous = deploys
        .filter((deploy) => (0,src_version/* compareVersions */.Z)(deploy.tag.version, current.tag.version) < 0)
        .sort(byVersion)
        .at(-1);
    return { current, ...(previous ? { previous } : {}) };
}
/** Oldest record first. */
function byTime(a, b) {
    return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/history-index/file.ts
/**
 * The history index's file: JSON lines, a header then one line per deploy tag (its ref target, its commit and its
 * tag message as records.ts wrote it, so every record field, present or future, carries over unchanged).
 */


const INDEX_FILE = 'deploy-history.jsonl';
const INDEX_FORMAT = 1;
function formatIndex(content) {
    const lines = [JSON.stringify(content.header)];
    const sorted = [...content.entries.values()].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    for (const entry of sorted)
        lines.push(JSON.stringify(entry));
    return `${lines.join('\n')}\n`;
}
/** The index file's content, or undefined when it is not one this deploy-tag reads (then it is rebuilt from the tags). */
function parseIndex(text, prefix) {
    const [first, ...rest] = text.replace(/\n$/, '').split('\n');
    try {
        const header = JSON.parse(first ?? '');
        if (header.format !== INDEX_FORMAT || header.prefix !== prefix)
            return undefined;
        const entries = new Map();
        for (const line of rest) {
            const entry = JSON.parse(line);
            if (!isIndexEntry(entry))
                return undefined;
            entries.set(entry.tag, entry);
        }
        return { header, entries };
    }
    catch {
        return undefined;
    }
}
/** Every field of the right type: a hand-edited entry (a message that is not text) must not crash every run. */
function isIndexEntry(entry) {
    if (entry === null || typeof entry !== 'object')
        return false;
    const { tag, object, sha, message, invalid } = entry;
    const optionalText = (value) => value === undefined || typeof value === 'string';
    return (typeof tag === 'string' &&
        typeof object === 'string' &&
        typeof sha === 'string' &&
        optionalText(message) &&
        optionalText(invalid));
}
function entryOf(tag) {
    const base = { tag: tag.tag, object: tag.objectSha, sha: tag.sha };
    return tag.records === undefined
        ? base
        : { ...base, message: (0,src_records/* formatTagMessage */.vn)(tag.version.text, tag.sha, tag.records) };
}
/** The deploy tag an entry stands for; throws RecordError for records that break a rule. */
function tagOf(entry, prefix) {
    const version = (0,src_version/* parseVersion */.o)(entry.tag.slice(prefix.length));
    if (!version || !entry.tag.startsWith(prefix))
        return undefined;
    const records = entry.message === undefined
        ? undefined
        : (0,src_records/* parseTagMessage */.V3)(entry.message, { version: version.text, commit: entry.sha });
    return { tag: entry.tag, version, sha: entry.sha, objectSha: entry.object, records };
}

;// CONCATENATED MODULE: ./src/tags.ts
/** Reading deploy tags over the GitHub API: list them, follow them to their commit, parse their deploy records. */




const repositoryOf = (inputs) => `${inputs.owner}/${inputs.repo}`;
/**
 * Every `refs/tags/<prefix><HeadVer>` (whose name starts with `startsWith`, default the prefix); tags under the
 * prefix that are not HeadVer-shaped are ignored. matching-refs answers 200 [] when nothing matches, and matches by
 * prefix (ecs-deploy-0.2601.1 also lists ecs-deploy-0.2601.10).
 */
async function listDeployTags(inputs, deps, startsWith = inputs.prefix) {
    return (await listTagRefs(inputs, deps, startsWith)).refs;
}
/** listDeployTags, and how many refs the listing held in all (what the history index compares to see a new tag). */
async function listTagRefs(inputs, deps, startsWith = inputs.prefix) {
    const context = {
        what: `list the tags ${startsWith}*`,
        permission: 'contents: read',
        repository: repositoryOf(inputs),
    };
    const refs = [];
    let response = await (0,github/* call */.T1)(deps, context, () => deps.github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
        owner: inputs.owner,
        repo: inputs.repo,
        ref: `tags/${startsWith}`,
        per_page: 100,
    }));
    for (let page = 0; page < 100; page++) {
        refs.push(...response.data);
        const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.link ?? '')?.[1];
        if (!next)
            break;
        response = await (0,github/* call */.T1)(deps, context, () => deps.github.request(`GET ${next}`));
    }
    const found = [];
    for (const ref of refs) {
        const tag = ref.ref.replace(/^refs\/tags\//, '');
        if (!tag.startsWith(inputs.prefix))
            continue;
        const version = (0,src_version/* parseVersion */.o)(tag.slice(inputs.prefix.length));
        if (version)
            found.push({ tag, version, objectSha: ref.object.sha, objectType: ref.object.type });
    }
    return { refs: found, listed: refs.length };
}
/** The deploy tag `tag`, read in full, or undefined when it does not exist. */
async function readDeployTag(inputs, deps, tag) {
    const ref = (await listDeployTags(inputs, deps, tag)).find((candidate) => candidate.tag === tag);
    return ref ? resolveTag(ref, inputs, deps) : undefined;
}
/** A deploy tag whose message has records that break a rule (made or edited by hand). */
class InvalidRecordsError extends src/* ConfigurationError */.j1 {
}
async function resolveTag(ref, inputs, deps) {
    const base = { tag: ref.tag, version: ref.version, objectSha: ref.objectSha };
    if (ref.objectType !== 'tag')
        return { ...base, sha: ref.objectSha, records: undefined };
    const object = await readTagObject(ref.objectSha, inputs, deps);
    const sha = object.object.type === 'tag' ? await peel(object.object.sha, 'tag', inputs, deps) : object.object.sha;
    try {
        return { ...base, sha, records: (0,src_records/* parseTagMessage */.V3)(object.message, { version: ref.version.text, commit: sha }) };
    }
    catch (error) {
        if (!(error instanceof src_records/* RecordError */.W1))
            throw error;
        throw invalidRecordsError(ref.tag, inputs, error);
    }
}
/** What a lookup reads back is deployed again: a record that breaks a rule is refused, never half used. */
function invalidRecordsError(tag, inputs, error) {
    return new InvalidRecordsError(`Deploy tag ${tag} in ${repositoryOf(inputs)} does not hold valid deploy records: ${error.message}. Deploy tags are written by deploy-tag alone; a tag edited by hand cannot be trusted. Inspect it (git show ${tag}), then delete it or recreate it with deploy-tag.`);
}
/** Follows annotated tag objects to the commit. */
async function peel(sha, type, inputs, deps) {
    let current = { sha, type };
    for (let depth = 0; depth < 5 && current.type === 'tag'; depth++) {
        current = (await readTagObject(current.sha, inputs, deps)).object;
    }
    return current.sha;
}
async function readTagObject(sha, inputs, deps) {
    const response = await (0,github/* call */.T1)(deps, { what: `read tag object ${sha}`, permission: 'contents: read', repository: repositoryOf(inputs) }, () => deps.github.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
        owner: inputs.owner,
        repo: inputs.repo,
        tag_sha: sha,
    }));
    return response.data;
}

;// CONCATENATED MODULE: ./src/history-index/store.ts
/**
 * The history index's storage on GitHub: a commit chain under a ref of its own, each commit's tree holding the index
 * file. Read in two requests (the ref, then the file at its commit through the contents API); appended with a ref update that is not
 * forced, which GitHub accepts only as a fast-forward from the commit the writer read: a compare-and-swap.
 */



/** The index of the deploy tags `<prefix><version>`, beside them: `refs/deploy-history/<prefix>index`. */
function indexRef(prefix) {
    return `refs/deploy-history/${prefix}index`;
}
async function readIndex(inputs, deps) {
    const ref = indexRef(inputs.prefix);
    const context = { what: `read ${ref}`, permission: 'contents: read', repository: repositoryOf(inputs) };
    const repo = { owner: inputs.owner, repo: inputs.repo };
    let head;
    try {
        const found = await (0,github/* withRetry */.bD)(() => deps.github.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref: ref.slice('refs/'.length) }), deps.sleep);
        head = found.data.object.sha;
    }
    catch (error) {
        if ((0,github/* statusOf */.c2)(error) === 404)
            return {};
        throw (0,github/* explain */.WE)(error, context);
    }
    // The file at the ref's commit in one request (the raw media type: any size up to 100 MB, no blob sha needed).
    let text;
    try {
        const file = await (0,github/* withRetry */.bD)(() => deps.github.request('GET /repos/{owner}/{repo}/contents/{path}', {
            ...repo,
            path: INDEX_FILE,
            ref: head,
            headers: { accept: 'application/vnd.github.raw+json' },
        }), deps.sleep);
        text = rawText(file.data);
    }
    catch (error) {
        if ((0,github/* statusOf */.c2)(error) === 404)
            return { head };
        throw (0,github/* explain */.WE)(error, context);
    }
    const content = parseIndex(text, inputs.prefix);
    return content ? { head, content } : { head };
}
/**
 * Writes `content` as the next commit after `base.head`: 'raced' when another run appended first (the ref moved:
 * 422 "Update is not a fast forward", or "Reference already exists" for the first commit). Returns the new head.
 */
async function writeIndex(inputs, deps, base, content, message) {
    const ref = indexRef(inputs.prefix);
    const context = {
        what: `write ${ref}`,
        permission: 'contents: write',
        repository: repositoryOf(inputs),
    };
    const repo = { owner: inputs.owner, repo: inputs.repo };
    const tree = await (0,github/* call */.T1)(deps, context, () => deps.github.request('POST /repos/{owner}/{repo}/git/trees', {
        ...repo,
        tree: [{ path: INDEX_FILE, mode: '100644', type: 'blob', content: formatIndex(content) }],
    }));
    const commit = await (0,github/* call */.T1)(deps, context, () => deps.github.request('POST /repos/{owner}/{repo}/git/commits', {
        ...repo,
        message,
        tree: tree.data.sha,
        parents: base.head ? [base.head] : [],
    }));
    const sha = commit.data.sha;
    try {
        await (0,github/* withRetry */.bD)(() => base.head
            ? deps.github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
                ...repo,
                ref: ref.slice('refs/'.length),
                sha,
                force: false,
            })
            : deps.github.request('POST /repos/{owner}/{repo}/git/refs', { ...repo, ref, sha }), deps.sleep);
    }
    catch (error) {
        const lost = (0,github/* isRequestError */.eK)(error) && error.status === 422 && /fast forward|already exists/i.test((0,github/* githubMessage */.hg)(error));
        if (lost)
            return 'raced';
        throw (0,github/* explain */.WE)(error, context);
    }
    return sha;
}
/** The raw media type's body as Octokit hands it over: text, or bytes when the content type is not text. */
function rawText(data) {
    if (typeof data === 'string')
        return data;
    if (data instanceof ArrayBuffer)
        return Buffer.from(data).toString('utf8');
    if (ArrayBuffer.isView(data))
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
    return '';
}

;// CONCATENATED MODULE: ./src/history-index/record.ts
/**
 * Create mode's half of the history index: after the tag is written, its entry is appended to the index with a
 * compare-and-swap (writeIndex). A run that loses the swap re-reads the index; if another run meanwhile put the tag
 * on another commit, this run's write is undone and the step fails saying so, rather than claiming a tag it lost.
 */



/**
 * Appends the tag as this run wrote it (its message as records.ts formatted it) to the index read as `history`:
 * 'raced' when another run appended first; 'unchanged' when the index holds it so already.
 */
async function indexTag(inputs, deps, history, entry) {
    const known = history.content.entries.get(inputs.tag);
    if (entry === undefined || known?.object === entry.object)
        return 'unchanged';
    const entries = new Map(history.content.entries).set(inputs.tag, entry);
    const listed = history.content.header.listed;
    // The index matched the tag list when read: a tag it did not hold is one more ref in that list now.
    const header = { ...history.content.header, ...(listed !== undefined && !known ? { listed: listed + 1 } : {}) };
    const head = await writeIndex(inputs, deps, history.stored, { header, entries }, `deploy-tag: ${inputs.tag} on ${inputs.sha} (${inputs.place.environment})`);
    return head === 'raced' ? 'raced' : 'indexed';
}
/**
 * After a lost swap: when another run put the tag on another commit than the one this run wrote over (a `move`
 * racing a move or a create), this run's tag write is undone (the tag put back where the index says) and the step
 * fails with what happened. Otherwise the caller writes its deploy again on top of the other run's.
 */
async function refuseLostRace(inputs, deps, history, overwritten, done) {
    const now = history.content.entries.get(inputs.tag);
    if (!now || now.sha === inputs.sha || now.sha === overwritten?.sha)
        return;
    await (0,github/* call */.T1)(deps, {
        what: `put back the ref refs/tags/${inputs.tag}`,
        permission: 'contents: write',
        repository: repositoryOf(inputs),
    }, () => deps.github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: inputs.owner,
        repo: inputs.repo,
        ref: `tags/${inputs.tag}`,
        sha: now.object,
        force: true,
    }));
    throw new Error(`Tag ${inputs.tag} was ${done.action} on ${inputs.sha}, but another run put it on ${now.sha} at the same time and recorded that first. This run's deploy is not recorded (the tag is back on ${now.sha}); check the other run before re-running this step.`);
}

;// CONCATENATED MODULE: ./src/history-index/sync.ts
/**
 * The deploy history as the lookups and create mode read it: the index, checked against the tag list with one
 * request, and brought up to date from the tags when they differ (tags written before the index, by hand, or by a
 * run that stopped between its tag and its index write). Catching up reads only the tags the index lacks, newest
 * versions first, at most MIGRATION_READS_PER_RUN of them per run, saving its progress as it goes (resumable).
 */






/** Tags read into the index per run at most: a repository's first run after the change stays far below the hour's quota. */
const MIGRATION_READS_PER_RUN = 400;
/** Progress is saved after this many tags read, so an interrupted run loses little. */
const CHECKPOINT_READS = 200;
const PARALLEL_READS = 8;
/** How often a save lost to another run's append is tried again (on top of the index just re-read). */
const SAVE_ATTEMPTS = 4;
const PAGE = 100;
async function readDeployHistory(inputs, deps, { check = 'refs' } = {}) {
    let stored = await readIndex(inputs, deps);
    const listed = stored.content?.header.listed;
    if (stored.content &&
        listed !== undefined &&
        (check === 'none' || (await indexMatchesTags(stored.content, listed, check === 'refs', inputs, deps)))) {
        return historyOf(stored, stored.content, inputs, deps);
    }
    const caughtUp = await catchUp(stored, inputs, deps);
    stored = caughtUp.stored;
    return historyOf(stored, caughtUp.content, inputs, deps);
}
/**
 * Whether the index still matches the tags, in one request: `matching-refs/tags/<prefix>` lists `listed` refs, and
 * (GitHub answers the listing whole) each deploy tag's ref points at the object the index holds. A tag made or deleted
 * by hand changes the count; a deploy added to a tag or a tag moved by a run that stopped before its index append (or
 * by hand) changes that ref's object: either way the run reads just those tags in. Were the listing paged, only the
 * count on its last page is checked.
 */
async function indexMatchesTags(content, listed, byRef, inputs, deps) {
    const page = Math.max(1, Math.ceil(listed / PAGE));
    const response = await (0,github/* call */.T1)(deps, { what: `list the tags ${inputs.prefix}*`, permission: 'contents: read', repository: repositoryOf(inputs) }, () => deps.github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
        owner: inputs.owner,
        repo: inputs.repo,
        ref: `tags/${inputs.prefix}`,
        per_page: PAGE,
        page,
    }));
    const link = response.headers.link ?? '';
    const paged = /rel="(?:next|prev)"/.test(link);
    if (/rel="next"/.test(link) || response.data.length !== (paged ? listed - PAGE * (page - 1) : listed))
        return false;
    return !byRef || paged || response.data.every((ref) => refIsIndexed(ref, content, inputs.prefix));
}
function refIsIndexed(ref, content, prefix) {
    const tag = ref.ref.replace(/^refs\/tags\//, '');
    const entry = content.entries.get(tag);
    if (entry)
        return entry.object === ref.object.sha;
    // A ref under the prefix that names no version is not a deploy tag: the index holds no entry for it.
    return !tag.startsWith(prefix) || (0,src_version/* parseVersion */.o)(tag.slice(prefix.length)) === undefined;
}
async function catchUp(stored, inputs, deps) {
    const { refs, listed } = await listTagRefs(inputs, deps);
    const entries = new Map(stored.content?.entries ?? []);
    const present = new Set(refs.map((ref) => ref.tag));
    // Tags deleted (by hand) since the index was saved: dropped here and from what another run saved meanwhile.
    const deleted = new Set([...entries.keys()].filter((tag) => !present.has(tag)));
    for (const tag of deleted)
        entries.delete(tag);
    const missing = refs
        .filter((ref) => entries.get(ref.tag)?.object !== ref.objectSha)
        .sort((a, b) => (0,src_version/* compareVersions */.Z)(b.version, a.version));
    const toRead = missing.slice(0, MIGRATION_READS_PER_RUN);
    let content = { header: { format: INDEX_FORMAT, prefix: inputs.prefix }, entries };
    let saveable = true;
    const save = async (complete) => {
        if (!saveable)
            return;
        const header = { format: INDEX_FORMAT, prefix: inputs.prefix, ...(complete ? { listed } : {}) };
        const saved = await saveMerged(stored, { header, entries }, deleted, inputs, deps).catch((error) => {
            // A read-only token (a lookup job with contents: read) still answers from what it read; the next run saves.
            if ((0,github/* statusOf */.c2)(error) !== 403 && !/contents: write/.test(String(error)))
                throw error;
            deps.info?.(`The deploy history index could not be saved with this token (${String(error)}); read from the tags.`);
            saveable = false;
            return undefined;
        });
        if (saved)
            ({ stored, content } = saved);
    };
    for (let start = 0; start < toRead.length; start += PARALLEL_READS) {
        const batch = await Promise.all(toRead.slice(start, start + PARALLEL_READS).map((ref) => indexEntryOf(ref, inputs, deps)));
        for (const entry of batch)
            entries.set(entry.tag, entry);
        const read = start + batch.length;
        if (read % CHECKPOINT_READS < PARALLEL_READS && read < toRead.length)
            await save(false);
    }
    const complete = toRead.length === missing.length;
    if (!complete) {
        deps.warning?.(`Read ${toRead.length} of the ${missing.length} deploy tags ${inputs.prefix}* of ${repositoryOf(inputs)} the deploy history index lacks (newest versions first); the next runs read the other ${missing.length - toRead.length}. Until then the history lacks the oldest versions.`);
    }
    // What is answered from: the index as saved (merged with any other run's entries, the base of a create's append),
    // else (a read-only token, or nothing to save) what this run read.
    content = { header: { format: INDEX_FORMAT, prefix: inputs.prefix, ...(complete ? { listed } : {}) }, entries };
    if (toRead.length > 0 || !complete || stored.content?.header.listed !== listed)
        await save(complete);
    return { stored, content };
}
/**
 * Saves what this run read over whatever another run saved meanwhile (entries read from the tags are the newer);
 * the tags this run saw deleted stay out (the stored index still holds them).
 */
async function saveMerged(base, ours, deleted, inputs, deps) {
    let stored = base;
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
        const theirs = [...(stored.content?.entries ?? [])].filter(([tag]) => !deleted.has(tag));
        const entries = new Map([...theirs, ...ours.entries]);
        const content = { header: ours.header, entries };
        const head = await writeIndex(inputs, deps, stored, content, `deploy-tag: index ${entries.size} deploy tags`);
        if (head !== 'raced')
            return { stored: { head, content }, content };
        stored = await readIndex(inputs, deps);
    }
    return undefined;
}
async function indexEntryOf(ref, inputs, deps) {
    try {
        return entryOf(await resolveTag(ref, inputs, deps));
    }
    catch (error) {
        if (!(error instanceof InvalidRecordsError))
            throw error;
        return { tag: ref.tag, object: ref.objectSha, sha: '', invalid: error.message };
    }
}
function historyOf(stored, content, inputs, deps) {
    const tags = [];
    for (const entry of content.entries.values()) {
        try {
            if (entry.invalid !== undefined)
                throw new InvalidRecordsError(entry.invalid);
            const tag = tagOf(entry, inputs.prefix);
            if (tag)
                tags.push(tag);
        }
        catch (error) {
            const refused = error instanceof src_records/* RecordError */.W1 ? invalidRecordsError(entry.tag, inputs, error) : error;
            if (!(refused instanceof InvalidRecordsError))
                throw refused;
            deps.warning?.(`${refused.message} It is left out of the deploy history.`);
        }
    }
    return { tags, stored, content };
}

;// CONCATENATED MODULE: ./src/application-lookup.ts

/** The records written by the same deploy as `record`: same application and place, same run and time. */
function sameDeploy(a, b) {
    return (a.application === b.application &&
        a.environment === b.environment &&
        a.cluster === b.cluster &&
        a.region === b.region &&
        a.run === b.run &&
        a.time === b.time);
}
/** The targets of the application deploy a lookup found; undefined for a single-service record or a legacy tag. */
function deployTargets({ tag, record }) {
    if (!record?.application)
        return undefined;
    return (tag.records ?? [])
        .filter((found) => found.application !== undefined && sameDeploy(found, record))
        .map((found) => ({
        name: found.target ?? '',
        kind: found.kind ?? 'service',
        resource: (0,src_records/* resourceOf */.KU)(found),
        ...(found.taskDefinitionArn !== undefined ? { taskDefinitionArn: found.taskDefinitionArn } : {}),
        ...(found.image !== undefined ? { image: found.image } : {}),
    }));
}

;// CONCATENATED MODULE: ./src/lookup.ts
/**
 * Lookup mode: what a redeploy or rollback deploys. `lookup: true` reads one version's tag and its record at the
 * place; `version: previous` reads the place's whole history and picks the deploy before the one that runs now.
 */






async function lookupPrevious(inputs, deps) {
    const where = placeText(inputs.place);
    const repository = repositoryOf(inputs);
    const { current, previous } = historyAt((await readDeployHistory(inputs, deps)).tags, inputs.place);
    if (!current) {
        throw new src/* ConfigurationError */.j1(`version: previous found no deploy ${where} in the tags ${inputs.prefix}<version> of ${repository}, so there is no deployment to roll back to. Check the environment, cluster, service and prefix inputs, or deploy an explicit version.`);
    }
    if (!previous) {
        throw new src/* ConfigurationError */.j1(`version: previous found only ${current.tag.tag} deployed ${where} in ${repository}: there is no earlier deployment there to roll back to. Deploy an explicit version instead.`);
    }
    deps.info?.(`Runs ${where} now: ${current.tag.tag} (${current.tag.sha}), deployed ${deployedBy(recordOutput(current))}; previous deploy there: ${previous.tag.tag} (${previous.tag.sha})${previous.record ? `, deployed ${deployedBy(recordOutput(previous))}` : ' (a legacy tag)'}.`);
    return { ...lookedUp(previous), previous: recordOutput(previous), latest: recordOutput(current) };
}
/**
 * `version: current`: what runs at the place now (its newest deploy there), e.g. for CD to refuse deploying an older
 * build over it. Nothing deployed there is not an error (`found: false`).
 */
async function lookupCurrent(inputs, deps) {
    const { current } = historyAt((await readDeployHistory(inputs, deps)).tags, inputs.place);
    if (!current) {
        deps.info?.(`Nothing deployed ${placeText(inputs.place)} in the tags ${inputs.prefix}<version> of ${repositoryOf(inputs)}.`);
        return { mode: 'lookup', action: 'looked-up', tag: '', sha: '', version: '', created: false, found: false };
    }
    deps.info?.(`Runs ${placeText(inputs.place)} now: ${current.tag.tag} (${current.tag.sha}).`);
    return lookedUp(current);
}
/**
 * `lookup: true` with a version: its deploy tag, the commit it was built from and its newest record at the place.
 * No tag is not an error: a version CI built but never deployed has none yet (`found: false`).
 */
async function lookupVersion(inputs, version, tag, deps) {
    const found = await readDeployTag(inputs, deps, tag);
    if (!found) {
        deps.info?.(`No deploy tag ${tag} in ${repositoryOf(inputs)}: version ${version.text} has not been deployed.`);
        return {
            mode: 'lookup',
            action: 'looked-up',
            tag: '',
            sha: '',
            version: version.text,
            created: false,
            found: false,
        };
    }
    const record = newestRecordAt(found, inputs.place);
    const deploy = { tag: found, ...(record ? { record } : {}) };
    const result = lookedUp(deploy);
    deps.info?.(`Deploy tag ${found.tag} is on commit ${found.sha}; ${found.records === undefined
        ? 'it records no deploys (a legacy tag)'
        : record
            ? `deployed ${placeText(inputs.place)} ${deployedBy(recordOutput(deploy))}`
            : `never deployed ${placeText(inputs.place)} (${found.records.length} deploy(s) elsewhere)`}.`);
    return result;
}
function lookedUp(deploy) {
    const output = recordOutput(deploy);
    const targets = deployTargets(deploy);
    return {
        mode: 'lookup',
        action: 'looked-up',
        tag: output.tag,
        sha: output.sha,
        version: output.version,
        created: false,
        found: true,
        legacy: deploy.tag.records === undefined,
        deployedHere: deploy.record !== undefined,
        ...(output.image !== undefined ? { image: output.image } : {}),
        ...(output.imageDigest !== undefined ? { imageDigest: output.imageDigest } : {}),
        ...(output.taskDefinitionArn !== undefined ? { taskDefinitionArn: output.taskDefinitionArn } : {}),
        ...(output.actor !== undefined ? { actor: output.actor } : {}),
        ...(output.triggeringActor !== undefined ? { triggeringActor: output.triggeringActor } : {}),
        ...(output.region !== undefined ? { region: output.region } : {}),
        ...(output.account !== undefined ? { account: output.account } : {}),
        ...(targets ? { targets } : {}),
    };
}
function recordOutput({ tag, record }) {
    const region = record && (0,src_records/* regionOf */.AP)(record);
    const account = record && (0,src_records/* accountOf */.XP)(record);
    return {
        tag: tag.tag,
        version: tag.version.text,
        sha: tag.sha,
        ...(record?.image !== undefined ? { image: record.image } : {}),
        ...(record?.imageDigest !== undefined ? { imageDigest: record.imageDigest } : {}),
        ...(record?.taskDefinitionArn !== undefined ? { taskDefinitionArn: record.taskDefinitionArn } : {}),
        ...(record?.actor !== undefined ? { actor: record.actor } : {}),
        ...(record?.triggeringActor !== undefined ? { triggeringActor: record.triggeringActor } : {}),
        ...(region !== undefined ? { region } : {}),
        ...(account !== undefined ? { account } : {}),
        ...(record ? { time: record.time } : {}),
    };
}
/** `by octocat (re-run by hubot) in us-east-1 (123456789012) at <time>`: who deployed a record and where, for the log. */
function deployedBy(output) {
    const who = output.actor
        ? `by ${output.actor}${output.triggeringActor && output.triggeringActor !== output.actor ? ` (run by ${output.triggeringActor})` : ''}`
        : 'by an unrecorded actor';
    const where = output.region ? ` in ${output.region}${output.account ? ` (${output.account})` : ''}` : '';
    return `${who}${where}${output.time ? ` at ${output.time}` : ''}`;
}
/** `in production (prod/web, us-east-1)`, or `anywhere` when the lookup is not limited to a place. */
function placeText(place) {
    const parts = [
        [place.cluster, place.application ?? place.service].filter(Boolean).join('/'),
        place.region,
        place.account,
    ]
        .filter(Boolean)
        .join(', ');
    if (!place.environment && !parts)
        return 'anywhere';
    return `${place.environment ? `in ${place.environment}` : 'in any environment'}${parts ? ` (${parts})` : ''}`;
}

// EXTERNAL MODULE: ./src/rate-limit.ts
var rate_limit = __nccwpck_require__(19);
;// CONCATENATED MODULE: ./src/create.ts
/**
 * Create mode: record this deploy in the version's tag. A new version gets a new annotated tag on its commit; a
 * version deployed before (another environment, a redeploy) gets this deploy added to its tag's records. The tag is
 * written first, then the history index (history-index/) is appended with a compare-and-swap: a run that loses it to
 * another run's append writes its deploy again on top of the other's, so both land, in order.
 */











/** How often a record lost to a concurrent writer of the same tag is written again. */
const WRITE_ATTEMPTS = 3;
async function createDeployTag(inputs, deps) {
    const records = recordsOf(inputs, deps.clock.now());
    // No separate commit check: the first write, the tag object, is refused (422) for a commit that does not exist.
    let history = await readDeployHistory(inputs, deps, { check: 'none' });
    let tags = await withTagAsItIs(inputs, deps, history.tags);
    const place = historyAt(tags, inputs.place);
    // What ran here before this deploy: a redeploy of the current version reports the one before it.
    const before = place.current && place.current.tag.tag !== inputs.tag ? place.current : place.previous;
    let outcome;
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS && !outcome; attempt++) {
        const existing = tags.find((tag) => tag.tag === inputs.tag);
        const written = existing
            ? await writeToExisting(inputs, deps, existing, records)
            : await writeNew(inputs, deps, records);
        if (written === 'raced') {
            // The tag exists but the index does not hold it (made by hand, or by a run that has not indexed it yet).
            tags = [...tags.filter((tag) => tag.tag !== inputs.tag), ...(await readBack(inputs, deps))];
            continue;
        }
        const { objectSha, ...done } = written;
        // A kept tag is indexed as it is (it may be one the index lacked: made by hand, or by a run that stopped).
        const entry = objectSha
            ? { tag: inputs.tag, object: objectSha, sha: inputs.sha, ...(done.message ? { message: done.message } : {}) }
            : existing && entryOf(existing);
        const indexed = await indexTag(inputs, deps, history, entry).catch((error) => {
            throw unindexedError(inputs, done, error);
        });
        if (indexed !== 'raced') {
            outcome = done;
            continue;
        }
        // Another run appended to the index first: its write is the newer; ours is made again on top of it. This read
        // checks the tag count: the other run may have written a tag (ours too) it had not indexed yet.
        history = await readDeployHistory(inputs, deps, { check: 'count' });
        tags = history.tags;
        if (objectSha && history.content.entries.get(inputs.tag)?.object === objectSha) {
            // The other run's catch-up indexed this run's tag as written (a new tag counts in the tag list): it landed.
            outcome = done;
            continue;
        }
        await refuseLostRace(inputs, deps, history, existing, done);
        deps.info?.(`Another run recorded a deploy at the same time; writing this deploy to ${inputs.tag} again after it.`);
    }
    if (!outcome) {
        throw new Error(`Could not record this deploy in tag ${inputs.tag} of ${repositoryOf(inputs)}: other runs recorded deploys ${WRITE_ATTEMPTS} times while this one wrote it. The deployment itself is done; re-run this step to record it.`);
    }
    const result = {
        mode: 'create',
        ...outcome,
        tag: inputs.tag,
        sha: inputs.sha,
        version: inputs.version.text,
        created: outcome.action === 'created' || outcome.action === 'moved',
        shaSource: inputs.shaSource,
        ...(inputs.metadata.image !== undefined ? { image: inputs.metadata.image } : {}),
        ...(inputs.metadata.imageDigest !== undefined ? { imageDigest: inputs.metadata.imageDigest } : {}),
        ...(inputs.metadata.taskDefinitionArn !== undefined
            ? { taskDefinitionArn: inputs.metadata.taskDefinitionArn }
            : {}),
        ...(before ? { previous: recordOutput(before) } : {}),
    };
    if (inputs.createDeployment) {
        try {
            result.deploymentId = await succeedDeployment(inputs, deps);
        }
        catch (error) {
            // The tag is written: say so, so that a re-run (which keeps the tag) is known to be safe.
            const message = `Tag ${inputs.tag} was ${outcome.action} on ${inputs.sha} (this deploy is recorded), but the GitHub Deployment for environment ${inputs.place.environment} was not set to success: ${(0,src/* errorMessage */.gJ)(error)}`;
            throw error instanceof src/* ConfigurationError */.j1 ? new src/* ConfigurationError */.j1(message) : new Error(message);
        }
    }
    return result;
}
/** The tag is written but the index append failed (a rate limit, a cancelled request): say what was done. */
function unindexedError(inputs, done, error) {
    // The tag's ref now differs from the index (a new ref, or another object): the next lookup's check sees it.
    const next = 'The next run that reads the deploy history reads this tag into the index.';
    const message = `Tag ${inputs.tag} was ${done.action} on ${inputs.sha} (this deploy is in the tag), but the deploy history index was not appended: ${(0,src/* errorMessage */.gJ)(error)} ${next}`;
    if (error instanceof rate_limit/* RateLimitError */.OE)
        return new rate_limit/* RateLimitError */.OE(message);
    return error instanceof src/* ConfigurationError */.j1 ? new src/* ConfigurationError */.j1(message) : new Error(message);
}
/** This deploy's records: one for a single service; one per target for an application (input targets). */
function recordsOf(inputs, nowMs) {
    const { image, imageDigest, taskDefinitionArn } = inputs.metadata;
    const common = {
        ...inputs.place,
        ...(image !== undefined ? { image } : {}),
        ...(imageDigest !== undefined ? { imageDigest } : {}),
        ...(inputs.runUrl !== undefined ? { run: inputs.runUrl } : {}),
        ...inputs.actors,
        time: new Date(nowMs).toISOString(),
    };
    if (!inputs.targets) {
        return [{ format: src_records/* RECORD_FORMAT */.q7, ...common, ...(taskDefinitionArn !== undefined ? { taskDefinitionArn } : {}) }];
    }
    return inputs.targets.map((target) => ({
        format: src_records/* APPLICATION_RECORD_FORMAT */.FT,
        ...common,
        target: target.target,
        kind: target.kind,
        [target.kind]: target.resource,
        ...(target.taskDefinitionArn !== undefined ? { taskDefinitionArn: target.taskDefinitionArn } : {}),
    }));
}
/** Creates the tag; 'raced' when another run created it between our read and our write. */
async function writeNew(inputs, deps, records) {
    const message = (0,src_records/* formatTagMessage */.vn)(inputs.version.text, inputs.sha, records);
    const tagObject = await createTagObject(inputs, deps, message);
    try {
        await (0,github/* withRetry */.bD)(() => deps.github.request('POST /repos/{owner}/{repo}/git/refs', {
            owner: inputs.owner,
            repo: inputs.repo,
            ref: `refs/tags/${inputs.tag}`,
            sha: tagObject,
        }), deps.sleep);
    }
    catch (error) {
        if ((0,github/* statusOf */.c2)(error) === 422 && (0,github/* isRequestError */.eK)(error) && /already exists/i.test((0,github/* githubMessage */.hg)(error)))
            return 'raced';
        throw (0,github/* explain */.WE)(error, create_context(inputs, `create the ref refs/tags/${inputs.tag}`));
    }
    deps.info?.(`Created tag ${inputs.tag} on ${inputs.sha}.`);
    return { action: 'created', message, objectSha: tagObject };
}
async function writeToExisting(inputs, deps, existing, records) {
    if (existing.sha === inputs.sha) {
        if (inputs.onExists === 'fail') {
            throw new src/* ConfigurationError */.j1(`Tag ${inputs.tag} already exists on ${inputs.sha} and on-exists is fail. Use on-exists: keep to add this deploy to it (a re-run, a rollback, or another environment).`);
        }
        const already = records.every((record) => existing.records?.some((found) => sameRecord(found, record, ['time'])))
            ? existing.records?.find((found) => sameRecord(found, records[0], ['time']))
            : undefined;
        if (already) {
            // A re-run of the same job: its deploy is recorded already.
            deps.info?.(`Tag ${inputs.tag} on ${inputs.sha} already records this run's deploy (${already.time}); left unchanged.`);
            return { action: 'kept' };
        }
        const message = (0,src_records/* formatTagMessage */.vn)(inputs.version.text, inputs.sha, [...(existing.records ?? []), ...records]);
        const objectSha = await createTagObject(inputs, deps, message);
        await updateRef(inputs, deps, objectSha);
        deps.info?.(`Added this deploy to tag ${inputs.tag} on ${inputs.sha} (${(existing.records?.length ?? 0) + records.length} deploys recorded).`);
        return { action: 'recorded', message, objectSha };
    }
    if (inputs.onExists !== 'move') {
        throw new src/* ConfigurationError */.j1(`Tag ${inputs.tag} already exists on commit ${existing.sha}, but this run deploys commit ${inputs.sha} (from ${inputs.shaSource}). One version should come from one commit: build a new version, or set on-exists: move to move the tag to ${inputs.sha}.`);
    }
    // The old commit's deploy records describe another build: a moved tag starts its history anew.
    const message = (0,src_records/* formatTagMessage */.vn)(inputs.version.text, inputs.sha, records);
    const objectSha = await createTagObject(inputs, deps, message);
    await updateRef(inputs, deps, objectSha);
    deps.info?.(`Moved tag ${inputs.tag} from ${existing.sha} to ${inputs.sha}.`);
    return { action: 'moved', movedFrom: existing.sha, message, objectSha };
}
/**
 * The tag this run writes, as its ref says now when the index holds it: a run stopped between its tag write and its
 * index append (a deploy added, a move) leaves the tag count unchanged, so the index alone would miss that write and
 * this run would write the tag over it, erasing its record. One request, made only when the version has a tag.
 */
async function withTagAsItIs(inputs, deps, tags) {
    const indexed = tags.find((tag) => tag.tag === inputs.tag);
    if (!indexed)
        return tags;
    const ref = (await listDeployTags(inputs, deps, inputs.tag)).find((candidate) => candidate.tag === inputs.tag);
    if (ref?.objectSha === indexed.objectSha)
        return tags;
    const others = tags.filter((tag) => tag !== indexed);
    return ref ? [...others, await resolveTag(ref, inputs, deps)] : others;
}
async function readBack(inputs, deps) {
    const tag = await readDeployTag(inputs, deps, inputs.tag);
    return tag ? [tag] : [];
}
function sameRecord(a, b, ignored = []) {
    const key = (record) => JSON.stringify(Object.entries(record)
        .filter(([field]) => !ignored.includes(field))
        .sort());
    return key(a) === key(b);
}
async function updateRef(inputs, deps, tagObject) {
    await (0,github/* call */.T1)(deps, create_context(inputs, `update the ref refs/tags/${inputs.tag}`), () => deps.github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: inputs.owner,
        repo: inputs.repo,
        ref: `tags/${inputs.tag}`,
        sha: tagObject,
        force: true,
    }));
}
/**
 * Creates the annotated tag object (GitHub: a tag object first, then the ref); returns its sha. It is the first write
 * of every path, so a commit that does not exist (422 "Object does not exist") fails the step with nothing written.
 */
async function createTagObject(inputs, deps, message) {
    try {
        const response = await (0,github/* withRetry */.bD)(() => deps.github.request('POST /repos/{owner}/{repo}/git/tags', {
            owner: inputs.owner,
            repo: inputs.repo,
            tag: inputs.tag,
            message,
            object: inputs.sha,
            type: 'commit',
        }), deps.sleep);
        return response.data.sha;
    }
    catch (error) {
        if ((0,github/* statusOf */.c2)(error) === 422 && (0,github/* isRequestError */.eK)(error) && /object does not exist/i.test((0,github/* githubMessage */.hg)(error))) {
            throw new src/* ConfigurationError */.j1(`Input "sha": commit ${inputs.sha} (from ${inputs.shaSource}) does not exist in ${repositoryOf(inputs)}. Tag the commit that was built and deployed: the full sha of a pushed commit.`);
        }
        throw (0,github/* explain */.WE)(error, create_context(inputs, 'create the tag object'));
    }
}
function create_context(inputs, what, permission = 'contents: write') {
    return { what, permission, repository: repositoryOf(inputs) };
}

;// CONCATENATED MODULE: ./src/list.ts

async function listRecorded(inputs, deps) {
    const { tags } = await readDeployHistory(inputs, deps);
    const records = tags
        .flatMap((tag) => tag.records ?? [])
        .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
    const taskDefinitionArns = [
        ...new Set(records.flatMap((record) => (record.taskDefinitionArn ? [record.taskDefinitionArn] : []))),
    ];
    deps.info?.(`${tags.length} deploy tags (${inputs.prefix}<version>) record ${taskDefinitionArns.length} task definitions.`);
    return {
        mode: 'list',
        action: 'listed',
        tag: '',
        sha: '',
        version: 'recorded',
        created: false,
        taskDefinitionArns,
    };
}

;// CONCATENATED MODULE: ./src/failed-deploys.ts
/**
 * The failed deploys of history mode: deploy records are written only after a deploy succeeded, so the deploys that
 * failed are read from the GitHub Deployments deploy.yml sets to `failure`. Everything read is data from the API
 * (payloads may come from any writer): each field is checked with the deploy records' rules and a Deployment that
 * breaks one is skipped. Reading them is a report: a refusal or an error is a warning, never a failed step.
 */





/** How many of the newest Deployments are read, and how many of their statuses at most. */
const FAILED_SEARCH = 30;
async function readFailedDeploys(inputs, deps) {
    try {
        return await failedDeploys(inputs, deps);
    }
    catch (error) {
        deps.warning?.(`The failed deploys are not shown (they are read from the GitHub Deployments): ${(0,src/* errorMessage */.gJ)(error)}`);
        return [];
    }
}
async function failedDeploys(inputs, deps) {
    const base = { owner: inputs.owner, repo: inputs.repo };
    const { environment } = inputs.place;
    const listed = await (0,github/* call */.T1)(deps, context(inputs, 'list the deployments'), () => deps.github.request('GET /repos/{owner}/{repo}/deployments', {
        ...base,
        task: 'deploy',
        per_page: FAILED_SEARCH,
        ...(environment ? { environment } : {}),
    }));
    const failed = [];
    for (const item of listed.data.slice(0, FAILED_SEARCH)) {
        const deployment = deploymentFields(item);
        if (!deployment || !isAtPlace(deployment.payload, inputs.place))
            continue;
        const statuses = await (0,github/* call */.T1)(deps, context(inputs, `read the statuses of deployment ${deployment.id}`), () => deps.github.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
            ...base,
            deployment_id: deployment.id,
            per_page: 1,
        }));
        const status = (statuses.data[0] ?? {});
        if (status.state !== 'failure' && status.state !== 'error')
            continue;
        const found = failedDeploy(deployment, status);
        if (found)
            failed.push(found);
    }
    return failed;
}
function deploymentFields(item) {
    const { id, sha, environment, payload } = (item ?? {});
    if (typeof id !== 'number' || payload === null || typeof payload !== 'object')
        return undefined;
    return { id, sha, environment, payload: payload };
}
/** The failed deploy a Deployment and its failure status tell of, when every field passes its record rule. */
function failedDeploy(deployment, status) {
    const { payload } = deployment;
    const text = (value, rule) => typeof value === 'string' && src_records/* FIELD_RULES */.Jx[rule].test(value) ? value : undefined;
    const environment = text(deployment.environment, 'environment');
    const cluster = text(payload.cluster, 'cluster');
    const service = text(payload.service, 'service');
    const application = service ? undefined : text(payload.application, 'application');
    const version = typeof payload.version === 'string' ? (0,src_version/* parseVersion */.o)(payload.version)?.text : undefined;
    const sha = typeof deployment.sha === 'string' && /^[0-9a-f]{40}$/.test(deployment.sha) ? deployment.sha : undefined;
    const createdAt = typeof status.created_at === 'string' ? Date.parse(status.created_at) : Number.NaN;
    if (!environment || !cluster || !(service || application) || !version || !sha || Number.isNaN(createdAt))
        return undefined;
    const region = text(payload.region, 'region');
    const account = text(payload.account, 'account');
    const actor = text(payload.actor, 'actor');
    const triggeringActor = text(payload['triggering-actor'], 'triggeringActor');
    const run = text(status.log_url, 'run');
    return {
        environment,
        cluster,
        ...(service ? { service } : {}),
        ...(application ? { application } : {}),
        version,
        sha,
        time: new Date(createdAt).toISOString(),
        ...(region ? { region } : {}),
        ...(account ? { account } : {}),
        ...(actor ? { actor } : {}),
        ...(triggeringActor ? { triggeringActor } : {}),
        ...(run ? { run } : {}),
    };
}

;// CONCATENATED MODULE: ./src/recent-deploys.ts
/**
 * History mode (`version: history`): the newest deploys of each place that matches environment, cluster, service,
 * region and account (an input left empty matches any), read from the deploy records as the lookups read them, with
 * the deploys that failed (failed-deploys.ts). Writes nothing. What each recorded deploy did to its place (first,
 * newer version, rollback, redeploy) comes from the recorded deploy before it there, in time.
 */







/** The most places shown: a repository deployed to many is cut to those deployed to most recently. */
const MAX_PLACES = 20;
async function recentDeploys(inputs, deps) {
    const [{ tags }, failed] = await Promise.all([readDeployHistory(inputs, deps), readFailedDeploys(inputs, deps)]);
    const all = tags.flatMap((tag) => (tag.records ?? []).map((record) => ({ tag, record })));
    const matching = all.filter(({ record }) => (0,src_records/* isAt */.ii)(record, inputs.place));
    const groups = new Map();
    const groupOf = (key) => {
        const group = groups.get(key) ?? { records: [], failed: [] };
        groups.set(key, group);
        return group;
    };
    for (const placed of matching)
        groupOf(placeKey(placeOfRecord(placed.record))).records.push(placed);
    for (const deploy of failed) {
        for (const key of failurePlaceKeys(deploy, matching))
            groupOf(key).failed.push(deploy);
    }
    const places = [...groups.values()]
        .map((group) => placeDeploys(group.records, group.failed, inputs))
        .sort((a, b) => newestTime(b).localeCompare(newestTime(a)));
    const shown = places.slice(0, MAX_PLACES);
    const where = placeText(inputs.place);
    if (shown.length === 0) {
        const environments = [...new Set(all.map(({ record }) => record.environment))].sort();
        const known = environments.length > 0 ? ` The records name the environments ${environments.join(', ')}.` : '';
        deps.warning?.(`No deploy recorded ${where} in the tags ${inputs.prefix}<version> of ${repositoryOf(inputs)}.${known} Check the environment, cluster, service, region and prefix inputs.`);
    }
    else {
        deps.info?.(`${matching.length} deploys recorded and ${failed.length} failed ${where}, at ${places.length} place${places.length === 1 ? '' : 's'}; showing the newest ${inputs.count} of each.`);
    }
    const newest = shown[0]?.deploys.find((deploy) => deploy.current);
    return {
        mode: 'history',
        action: 'history',
        tag: newest?.tag ?? '',
        sha: newest?.sha ?? '',
        version: newest?.version ?? '',
        created: false,
        history: shown,
        ...(places.length > shown.length ? { placesLeftOut: places.length - shown.length } : {}),
    };
}
/** Where a record went: cluster and service by name, region and account as known. */
function placeOfRecord(record) {
    const region = (0,src_records/* regionOf */.AP)(record);
    const account = (0,src_records/* accountOf */.XP)(record);
    return {
        environment: record.environment,
        cluster: (0,src_records/* ecsName */.pC)(record.cluster),
        // A rule or schedule of an application (format 3) is a place of its own, shown by its name.
        service: (0,src_records/* ecsName */.pC)((0,src_records/* resourceOf */.KU)(record)),
        ...(region !== undefined ? { region } : {}),
        ...(account !== undefined ? { account } : {}),
    };
}
const placeKey = (place) => JSON.stringify([
    place.environment,
    (0,src_records/* ecsName */.pC)(place.cluster),
    (0,src_records/* ecsName */.pC)(place.service),
    place.region ?? '',
    place.account ?? '',
]);
/** A place's newest `count` deploys, recorded and failed, newest first; the newest recorded one runs there now. */
function placeDeploys(records, failed, inputs) {
    const oldestFirst = [...records].sort((a, b) => byTime(a.record, b.record));
    const recorded = oldestFirst.map((placed, index) => recordedDeploy(placed, oldestFirst[index - 1]));
    const current = recorded.at(-1);
    if (current)
        current.current = true;
    const failures = failed.map((deploy) => recent_deploys_failedDeploy(deploy, inputs.prefix));
    const first = oldestFirst[0];
    const place = first ? placeOfRecord(first.record) : placeOfFailure(failed[0]);
    return {
        ...place,
        total: recorded.length + failures.length,
        deploys: [...recorded, ...failures].sort((a, b) => b.time.localeCompare(a.time)).slice(0, inputs.count),
    };
}
/**
 * Where a failed deploy is shown: a single-service deploy at its service; an application deploy (its Deployment names
 * the application, not its targets) at every target place its application's records show there, or, when none does
 * (its first deploy failed), at a place named by the application.
 */
function failurePlaceKeys(deploy, records) {
    const own = placeKey(placeOfFailure(deploy));
    if (deploy.application === undefined)
        return [own];
    const failedAt = placeOfFailure(deploy);
    // A region or account the Deployment does not name is any (as isAtPlace reads it).
    const sameOr = (given, recorded) => given === undefined || given === recorded;
    const keys = new Set();
    for (const { record } of records) {
        if (record.application !== deploy.application)
            continue;
        const place = placeOfRecord(record);
        const same = place.environment === failedAt.environment &&
            place.cluster === failedAt.cluster &&
            sameOr(failedAt.region, place.region) &&
            sameOr(failedAt.account, place.account);
        if (same)
            keys.add(placeKey(place));
    }
    return keys.size > 0 ? [...keys] : [own];
}
function placeOfFailure(deploy) {
    const { environment, cluster, service, application, region, account } = deploy;
    return {
        environment,
        cluster: (0,src_records/* ecsName */.pC)(cluster),
        service: (0,src_records/* ecsName */.pC)(service ?? application ?? ''),
        ...(region !== undefined ? { region } : {}),
        ...(account !== undefined ? { account } : {}),
    };
}
function recordedDeploy(placed, before) {
    const { tag, record } = placed;
    const order = before ? (0,src_version/* compareVersions */.Z)(tag.version, before.tag.version) : 1;
    return {
        version: tag.version.text,
        tag: tag.tag,
        sha: tag.sha,
        time: record.time,
        change: !before ? 'first' : order > 0 ? 'newer' : order < 0 ? 'rollback' : 'redeploy',
        current: false,
        ...(record.actor !== undefined ? { actor: record.actor } : {}),
        ...(record.triggeringActor !== undefined ? { triggeringActor: record.triggeringActor } : {}),
        ...(record.image !== undefined ? { image: record.image } : {}),
        ...(record.taskDefinitionArn !== undefined ? { taskDefinitionArn: record.taskDefinitionArn } : {}),
        ...(record.run !== undefined ? { run: record.run } : {}),
    };
}
function recent_deploys_failedDeploy(deploy, prefix) {
    return {
        version: deploy.version,
        tag: `${prefix}${deploy.version}`,
        sha: deploy.sha,
        time: deploy.time,
        change: 'failed',
        current: false,
        ...(deploy.actor !== undefined ? { actor: deploy.actor } : {}),
        ...(deploy.triggeringActor !== undefined ? { triggeringActor: deploy.triggeringActor } : {}),
        ...(deploy.run !== undefined ? { run: deploy.run } : {}),
    };
}
const newestTime = (place) => place.deploys[0]?.time ?? '';

;// CONCATENATED MODULE: ./src/deploy-tag.ts
/**
 * deploy-tag: records a deploy in the `ecs-deploy-<version>` tag of the commit that was built (create mode), reads
 * the deploy history back for a redeploy or rollback (lookup mode), lists the task definitions it records (list), or
 * sets the state of the deploy's GitHub Deployment (deployment mode), or shows the newest deploys of each place
 * (history mode).
 */





async function deployTag(inputs, deps) {
    if (inputs.mode === 'create')
        return createDeployTag(inputs, deps);
    if (inputs.mode === 'list')
        return listRecorded(inputs, deps);
    if (inputs.mode === 'history')
        return recentDeploys(inputs, deps);
    if (inputs.mode === 'deployment') {
        return inputs.state === 'in_progress' ? startDeployment(inputs, deps) : failDeployment(inputs, deps);
    }
    if (inputs.current)
        return lookupCurrent(inputs, deps);
    return inputs.version && inputs.tag
        ? lookupVersion(inputs, inputs.version, inputs.tag, deps)
        : lookupPrevious(inputs, deps);
}


/***/ }),

/***/ 112:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   WE: () => (/* binding */ explain),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   eK: () => (/* binding */ isRequestError),
/* harmony export */   hg: () => (/* binding */ githubMessage),
/* harmony export */   u9: () => (/* binding */ fetchWithTimeout)
/* harmony export */ });
/* unused harmony exports REQUEST_TIMEOUT_MS, RETRY_DELAYS_MS */
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(872);
/* harmony import */ var _rate_limit_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(19);


function isRequestError(error) {
    return error instanceof Error && typeof error.status === 'number';
}
function githubMessage(error) {
    const data = error.response?.data;
    return typeof data?.message === 'string' ? data.message : error.message;
}
function statusOf(error) {
    return isRequestError(error) ? error.status : undefined;
}
/** How long one GitHub request may take before it is given up (and retried as a network failure). */
const REQUEST_TIMEOUT_MS = 30_000;
/** fetch for Octokit with a per-request timeout: a hung connection fails the call instead of the whole job. */
function fetchWithTimeout(timeoutMs = REQUEST_TIMEOUT_MS) {
    return (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return fetch(input, { ...init, signal }).catch((error) => {
            if (timeout.aborted)
                throw new Error(`no answer from GitHub within ${timeoutMs / 1000} s`);
            throw error;
        });
    };
}
/** Waits before the 2nd and 3rd attempt of a call that failed with a 5xx or a network error. */
const RETRY_DELAYS_MS = [1000, 3000];
/**
 * Retries GitHub 5xx answers and network failures (Octokit reports both as status >= 500). Every write the
 * action makes is safe to repeat: a second tag object is harmless, and a ref that the first attempt did
 * create comes back as 422 "Reference already exists", which the caller treats as an existing tag.
 */
async function withRetry(fn, sleep = _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .bZ) {
    let waitedMs = 0;
    for (let attempt = 0;;) {
        try {
            return await fn();
        }
        catch (error) {
            // A secondary rate limit is waited out as GitHub asks, once the wait fits the budget; else explain() names it.
            const limited = isRequestError(error) ? (0,_rate_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .rateLimitOf */ .tX)(error) : undefined;
            if (limited) {
                if (limited.kind === 'primary' || waitedMs + limited.waitMs > _rate_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .SECONDARY_WAIT_BUDGET_MS */ .sM)
                    throw error;
                waitedMs += limited.waitMs;
                await sleep(limited.waitMs);
                continue;
            }
            const status = statusOf(error);
            const delay = RETRY_DELAYS_MS[attempt++];
            if (delay === undefined || status === undefined || status < 500)
                throw error;
            await sleep(delay);
        }
    }
}
/**
 * Runs one GitHub call and turns the failures a workflow author can fix into one clear line:
 * 401 (no or bad token), 403 (missing job permission), 404 (repository not visible to the token), a rate limit.
 */
async function call(deps, context, fn) {
    try {
        return await withRetry(fn, deps.sleep);
    }
    catch (error) {
        throw explain(error, context);
    }
}
function explain(error, { what, permission, repository }) {
    if (!isRequestError(error))
        return error instanceof Error ? error : new Error(String(error));
    const limited = (0,_rate_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .rateLimitOf */ .tX)(error);
    if (limited)
        return (0,_rate_limit_js__WEBPACK_IMPORTED_MODULE_1__/* .rateLimitError */ .m4)(limited, what, repository, Date.now());
    const message = githubMessage(error);
    if (error.status === 401) {
        return new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GitHub answered 401 (${message}) to ${what}: the token in input "github-token" is missing or invalid. Leave github-token at its default \${{ github.token }}, or pass a valid token for ${repository}.`);
    }
    if (error.status === 403 && !/rate limit/i.test(message)) {
        return new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GitHub answered 403 (${message}) to ${what} in ${repository}: the job needs \`permissions: ${permission}\`. Add it under the job's permissions: (or use a token that has it).`);
    }
    if (error.status === 404) {
        return new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`GitHub answered 404 (${message}) to ${what}: repository ${repository} does not exist or the token cannot see it. Check GITHUB_REPOSITORY and the token.`);
    }
    return new Error(`Could not ${what} in ${repository}: GitHub answered ${error.status} (${message}).`);
}


/***/ }),

/***/ 714:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ historyMarkdown)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(872);
/**
 * History mode's job summary: per place a table of its newest deploys (when, version, who, how it ended, commit)
 * and one Mermaid gantt of them all, each version a bar from its deploy to the next one there (the current one to
 * now), a rollback drawn red. Record fields are data (an environment name may hold any printable text): every cell
 * goes through markdownText and every label through mermaidText.
 */

const CHANGE_TEXT = {
    first: 'deployed (first deploy here)',
    newer: 'deployed (newer version)',
    rollback: 'deployed: rollback to an older version',
    redeploy: 'deployed again (same version)',
    failed: 'FAILED (its GitHub Deployment failed; not recorded)',
};
function historyMarkdown(result, nowMs) {
    const places = result.history ?? [];
    if (places.length === 0) {
        return '### Deploy history\n\nNo deploy is recorded for this environment, cluster and service.';
    }
    const parts = [`### Deploy history: ${places.length} place${places.length === 1 ? '' : 's'}`];
    for (const place of places) {
        parts.push('', `#### ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(placeName(place))}`, '');
        if (place.total > place.deploys.length) {
            parts.push(`The newest ${place.deploys.length} of ${place.total} deploys.`, '');
        }
        parts.push((0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['When (UTC)', 'Version', 'Who', 'How it ended', 'Commit'], place.deploys.map((deploy) => [
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(deploy.time.replace('T', ' ').replace(/(\.\d+)?Z$/, '')),
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(deploy.version),
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(whoText(deploy)) + (deploy.run ? ` ([run](${linkTarget(deploy.run)}))` : ''),
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(`${CHANGE_TEXT[deploy.change]}${deploy.current ? '; runs there now' : ''}`),
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(deploy.sha.slice(0, 7)),
        ])));
    }
    if (result.placesLeftOut)
        parts.push('', `${result.placesLeftOut} more places are not shown.`);
    parts.push('', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .mermaidGantt */ .g6)({ title: 'Deploys', axisFormat: '%m-%d %H:%M', sections: ganttSections(places, nowMs) }));
    return parts.join('\n');
}
/** `production: prod/web (us-east-1, 123456789012)` */
function placeName(place) {
    const where = [place.region, place.account].filter(Boolean).join(', ');
    return `${place.environment}: ${place.cluster}/${place.service}${where ? ` (${where})` : ''}`;
}
/** `octocat`, or `octocat (re-run by hubot)`; records written before actors were recorded name nobody. */
function whoText(deploy) {
    if (!deploy.actor)
        return 'not recorded';
    const rerun = deploy.triggeringActor && deploy.triggeringActor !== deploy.actor;
    return `${deploy.actor}${rerun ? ` (run by ${deploy.triggeringActor})` : ''}`;
}
/** A recorded run URL (http(s), printable, no spaces) with every character a link could end at percent-encoded. */
function linkTarget(url) {
    return url.replace(/[()<>[\]"'`\\|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/** One section per place: each version a bar from its deploy to the next deploy there, or to now. */
function ganttSections(places, nowMs) {
    return places.map((place) => ({
        title: placeName(place),
        tasks: [...place.deploys].reverse().map((deploy, index, oldestFirst) => {
            const startMs = Date.parse(deploy.time);
            const next = oldestFirst[index + 1];
            return {
                label: `${deploy.version} by ${deploy.actor ?? 'unrecorded'}${deploy.change === 'rollback' || deploy.change === 'failed' ? `, ${deploy.change}` : ''}`,
                startMs,
                ...(deploy.change === 'failed' ? {} : { endMs: Math.max(startMs, next ? Date.parse(next.time) : nowMs) }),
                tags: deploy.change === 'failed'
                    ? ['crit', 'milestone']
                    : deploy.change === 'rollback'
                        ? ['crit']
                        : deploy.current
                            ? ['active']
                            : ['done'],
            };
        }),
    }));
}


/***/ }),

/***/ 935:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(872);
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(694);
/* harmony import */ var _deploy_tag_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(516);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(112);
/* harmony import */ var _history_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(714);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(101);






await (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)({
    async main() {
        const reader = new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputReader */ .i_();
        // Before anything can fail: an error about another input must not show the token either.
        _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.maskSecret */ .Rm.maskSecret(reader.raw('github-token'));
        const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readDeployTagInputs */ .x7)(reader);
        const github = new _octokit_core__WEBPACK_IMPORTED_MODULE_5__/* .Octokit */ .E({
            auth: inputs.token,
            baseUrl: (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
            userAgent: `ecs-actions/deploy-tag ${_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ECS_ACTIONS_VERSION */ .lg}`,
            request: { fetch: (0,_github_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchWithTimeout */ .u9)() },
        });
        const result = await (0,_deploy_tag_js__WEBPACK_IMPORTED_MODULE_1__/* .deployTag */ .E)(inputs, { github, clock: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml, info: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.info */ .Rm.info, warning: _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.warning */ .Rm.warning });
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutputs */ .n0)(outputsOf(result));
        if (result.mode === 'history') {
            const places = result.history ?? [];
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(places.length > 0
                ? `${places.length} place(s); newest deploy: ${result.version} (${result.tag})`
                : 'No deploy recorded at this place', { title: 'Deploy history' });
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy)((0,_history_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .historyMarkdown */ .W)(result, _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml.now()));
            return;
        }
        if (result.mode === 'list') {
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(`The deploy tags record ${result.taskDefinitionArns?.length ?? 0} task definitions`, {
                title: 'Recorded task definitions',
            });
        }
        else if (result.mode === 'deployment') {
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(`Deployment ${result.deploymentId} of ${result.version}: ${result.action}`, { title: 'Deployment' });
        }
        else if (result.mode === 'lookup' && inputs.mode === 'lookup' && inputs.version) {
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(result.found
                ? `${result.tag} records ${result.version} on ${result.sha.slice(0, 7)}${result.image ? `, image ${result.image}` : ''}${whoAndWhere(result)}`
                : `No deploy tag ${inputs.tag}: ${inputs.version.text} has not been deployed`, { title: 'Deploy lookup' });
        }
        else if (inputs.mode === 'lookup' && inputs.current) {
            // What runs there now is a fact the caller acts on, not news: a log line, no notice.
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.info */ .Rm.info(result.found ? `Current deploy: ${result.version} (${result.tag})` : 'Current deploy: none');
        }
        else if (result.mode === 'lookup') {
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(`Previous deploy: ${result.version} (${result.tag}, ${result.sha.slice(0, 7)})${result.image ? `, image ${result.image}` : ''}${whoAndWhere(result)}; latest: ${result.latest?.version}${result.latest ? whoAndWhere(result.latest) : ''}`, { title: 'Rollback target' });
        }
        else {
            _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .log.notice */ .Rm.notice(`${result.tag} ${result.action} on ${result.sha.slice(0, 7)} (${result.shaSource})`, {
                title: 'Deploy tag',
            });
        }
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy)(summaryOf(result));
    },
});
/** `, deployed by octocat in us-east-1`: who deployed a looked-up record and where, when it says. */
function whoAndWhere(record) {
    const parts = [record.actor ? `by ${record.actor}` : '', record.region ? `in ${record.region}` : ''].filter(Boolean);
    return parts.length > 0 ? `, deployed ${parts.join(' ')}` : '';
}
function outputsOf(result) {
    return {
        tag: result.tag,
        sha: result.sha,
        created: String(result.created),
        found: result.found === undefined ? '' : String(result.found),
        'deployed-here': result.deployedHere === undefined ? '' : String(result.deployedHere),
        legacy: result.legacy === undefined ? '' : String(result.legacy),
        version: result.version,
        image: result.image ?? '',
        'image-digest': result.imageDigest ?? '',
        'task-definition-arn': result.taskDefinitionArn ?? '',
        actor: result.actor ?? '',
        'triggering-actor': result.triggeringActor ?? '',
        region: result.region ?? '',
        account: result.account ?? '',
        'previous-tag': result.previous?.tag ?? '',
        'previous-version': result.previous?.version ?? '',
        'previous-sha': result.previous?.sha ?? '',
        'previous-image': result.previous?.image ?? '',
        'latest-tag': result.latest?.tag ?? '',
        'latest-version': result.latest?.version ?? '',
        'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId),
        'task-definition-arns': (result.taskDefinitionArns ?? []).join('\n'),
        history: result.history ? JSON.stringify(result.history) : '',
        targets: result.targets ? JSON.stringify(result.targets) : '',
    };
}
function summaryOf(result) {
    const code = (value) => (value ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(value) : '');
    // A row with nothing to say (a legacy record has no actor or region) is left out rather than shown empty.
    const known = (table) => table.filter(([, value]) => value !== '');
    const rows = [
        ['tag', code(result.tag)],
        ['commit', code(result.sha)],
        ['version', code(result.version)],
        ['image', code(result.image)],
        ['image digest', code(result.imageDigest)],
        ['task definition', code(result.taskDefinitionArn)],
        ['deployed by', code([result.actor, result.triggeringActor].filter(Boolean).join(', run by '))],
        ['region', code([result.region, result.account].filter(Boolean).join(', account '))],
    ];
    if (result.mode === 'list') {
        const arns = result.taskDefinitionArns ?? [];
        return [
            `### Task definitions the deploy tags record: ${arns.length}`,
            '',
            ...arns.map((arn) => `- ${code(arn)}`),
        ].join('\n');
    }
    if (result.mode === 'deployment') {
        return `### Deployment ${result.deploymentId}: ${result.action === 'deployment-started' ? 'in progress' : 'failure'}\n\nVersion ${code(result.version)}.`;
    }
    if (result.mode === 'lookup' && result.found === false) {
        // `version: current` at a place nothing was deployed to yet has no version to name.
        return result.version
            ? `### ${code(result.version)} not deployed\n\nNo deploy tag records this version.`
            : '### Nothing deployed here yet\n\nNo deploy tag records a deploy to this cluster and service.';
    }
    if (result.mode === 'lookup' && !result.latest) {
        rows.push(['ran here', result.legacy ? 'unknown (legacy tag, no deploy records)' : String(result.deployedHere)]);
        return [`### Deploy of ${code(result.version)}`, '', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['', ''], known(rows))].join('\n');
    }
    if (result.mode === 'lookup') {
        rows.push(['rolling back from', code(result.latest ? `${result.latest.tag} (${result.latest.sha})` : '')]);
        return [`### Rollback target ${code(result.version)}`, '', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['', ''], known(rows))].join('\n');
    }
    rows.push(['commit from', result.shaSource ?? '']);
    if (result.movedFrom)
        rows.push(['moved from', code(result.movedFrom)]);
    rows.push(['previous deploy here', code(result.previous ? `${result.previous.tag} (${result.previous.sha})` : '')]);
    if (result.deploymentId !== undefined)
        rows.push(['deployment', String(result.deploymentId)]);
    return [`### Deploy tag ${code(result.tag)} ${result.action}`, '', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['', ''], known(rows))].join('\n');
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  x7: () => (/* binding */ readDeployTagInputs)
});

// UNUSED EXPORTS: CURRENT_VERSION, HISTORY_COUNT, HISTORY_VERSION, LIST_VERSION, LOOKUP_VERSION

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(24);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 15 modules
var src = __nccwpck_require__(872);
// EXTERNAL MODULE: ./src/records.ts
var records = __nccwpck_require__(669);
;// CONCATENATED MODULE: ./src/place-inputs.ts
/**
 * The inputs that say where a deploy went (environment, cluster, service, region, account) and who ran it (the
 * run's actors), each checked against the rule its record field is read back with.
 */


/** An input recorded in a deploy record, checked against the rule the records are read back with. */
function readField(input, name, field) {
    const value = input.optionalString(name);
    if (value === undefined)
        return undefined;
    const rule = records/* FIELD_RULES */.Jx[field];
    if (!rule.test(value)) {
        throw (0,src/* invalidInput */.aY)(name, value, `must be ${rule.expected}`, 'It is recorded in the deploy tag and read back by rollbacks, so newlines and other control characters are refused.');
    }
    return value;
}
/**
 * environment, cluster and service as given; region: the input, else that of an ECS ARN given (task-definition-arn,
 * cluster, service), else AWS_REGION / AWS_DEFAULT_REGION (configure-aws-credentials sets both); account: the input,
 * else that of an ARN given. A region or account that an ARN contradicts is refused.
 */
function readPlace(input, env, taskDefinitionArn) {
    const place = {};
    for (const field of ['environment', 'cluster', 'service']) {
        const value = readField(input, field, field);
        if (value !== undefined)
            place[field] = value;
    }
    const fromArns = [
        ['task-definition-arn', taskDefinitionArn],
        ['cluster', place.cluster],
        ['service', place.service],
    ];
    for (const part of ['region', 'account']) {
        const given = readField(input, part, part);
        const arns = fromArns.flatMap(([name, arn]) => {
            const location = (0,records/* arnLocation */.T2)(arn);
            if (arn?.startsWith('arn:') && !location) {
                throw (0,src/* invalidInput */.aY)(name, arn, `names no AWS region such as us-east-1 and 12-digit account`, 'Pass the ARN as ECS returned it.');
            }
            return location && arn ? [{ name, arn, value: location[part] }] : [];
        });
        const reference = given !== undefined ? { name: part, value: given } : arns[0];
        const conflict = arns.find((arn) => arn.value !== reference?.value);
        if (conflict && reference) {
            throw (0,src/* invalidInput */.aY)(conflict.name, conflict.arn, `is in ${part} ${conflict.value}, but input "${reference.name}" ${reference.name === part ? 'is' : 'is in'} ${reference.value}`, `A deploy goes to one ${part}: pass the ARNs of the ${part} deployed to${given !== undefined ? `, or leave ${part} empty to take it from them` : ''}.`);
        }
        const value = given ?? arns[0]?.value ?? (part === 'region' ? regionFromEnv(env) : undefined);
        if (value !== undefined)
            place[part] = value;
    }
    return place;
}
function regionFromEnv(env) {
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
        const value = env[name];
        if (!value)
            continue;
        if (!records/* FIELD_RULES */.Jx.region.test(value)) {
            throw new src/* ConfigurationError */.j1(`${name} is ${(0,src/* quoteValue */.cl)(value)}, which is not an AWS region (${records/* FIELD_RULES */.Jx.region.expected}). Set input "region", or fix the aws-region given to configure-aws-credentials.`);
        }
        return value;
    }
    return undefined;
}
/** The run's actors, which every record names: data from the runner, checked like any record field. */
function readActors(env) {
    const check = (name, value) => {
        if (!records/* FIELD_RULES */.Jx.actor.test(value)) {
            throw new src/* ConfigurationError */.j1(`${name} is ${(0,src/* quoteValue */.cl)(value)}, which is not ${records/* FIELD_RULES */.Jx.actor.expected}; it would be recorded as who deployed. Run this action in a GitHub Actions job.`);
        }
        return value;
    };
    const actor = env.GITHUB_ACTOR;
    if (!actor) {
        throw new src/* ConfigurationError */.j1('GITHUB_ACTOR is not set, so the deploy record could not say who deployed. Run this action in a GitHub Actions job (the runner sets GITHUB_ACTOR).');
    }
    const triggeringActor = env.GITHUB_TRIGGERING_ACTOR;
    return {
        actor: check('GITHUB_ACTOR', actor),
        ...(triggeringActor ? { triggeringActor: check('GITHUB_TRIGGERING_ACTOR', triggeringActor) } : {}),
    };
}

;// CONCATENATED MODULE: ./src/application-inputs.ts
/**
 * The inputs of an application deploy's record (ecs-deploy-wait's app-file): `application`, and in create mode
 * `targets`, the `targets` output of the ecs-deploy-wait step. That output comes from another step, so it is data:
 * parsed and checked field by field against the rules the records are read back with, never trusted.
 */



/** An application has at most this many targets in one record set (a tag message stays readable). */
const MAX_TARGETS = 100;
/** The statuses of a target that runs this deploy's version now: the only ones a record may say. */
const RECORDED_STATUSES = ['succeeded', 'unchanged'];
const RESOURCE_RULE = { service: 'service', rule: 'rule', schedule: 'schedule' };
/** `application`: the application whose history a lookup reads, or whose deploy create mode records. */
function readApplication(input, place) {
    const application = readField(input, 'application', 'application');
    if (application !== undefined)
        place.application = application;
}
/**
 * `targets` (create mode): required with `application`, refused without it, and refused beside the single-service
 * inputs it replaces (`service`, `task-definition-arn`: each target names its own).
 */
function readTargets(input, place) {
    const raw = input.optionalString('targets');
    if (raw === undefined) {
        if (place.application !== undefined) {
            throw new src/* ConfigurationError */.j1('Input "application" is set but "targets" is empty: an application deploy is recorded one record per target. Pass the targets output of the ecs-deploy-wait step that deployed the app-file (targets: ${{ steps.deploy.outputs.targets }}), or leave application empty for a single-service deploy.');
        }
        return undefined;
    }
    const shown = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
    if (place.application === undefined) {
        throw (0,src/* invalidInput */.aY)('targets', shown, 'needs input "application" (the app file\'s application name)', 'Set application: to the application the targets belong to.');
    }
    for (const name of ['service', 'task-definition-arn']) {
        if (input.optionalString(name) !== undefined) {
            throw (0,src/* invalidInput */.aY)(name, input.optionalString(name) ?? '', 'cannot go with targets: each target names its own service, rule or schedule and task definition', `Leave ${name} empty when recording an application deploy.`);
        }
    }
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        throw (0,src/* invalidInput */.aY)('targets', shown, 'is not JSON', "Pass ecs-deploy-wait's targets output as it is.");
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > MAX_TARGETS) {
        throw (0,src/* invalidInput */.aY)('targets', shown, `must be a JSON list of 1 to ${MAX_TARGETS} targets`, "Pass ecs-deploy-wait's targets output as it is.");
    }
    const seen = new Set();
    return parsed.map((entry, index) => {
        const target = checkTarget(entry, index);
        if (seen.has(target.target))
            throw badTarget(index, `repeats the target name ${target.target}`);
        seen.add(target.target);
        return target;
    });
}
function checkTarget(entry, index) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
        throw badTarget(index, 'is not an object');
    const { name, kind, resource, status, taskDefinitionArn } = entry;
    const text = (value, field, key) => {
        if (typeof value !== 'string' || !records/* FIELD_RULES */.Jx[field].test(value)) {
            throw badTarget(index, `has an invalid "${key}": it must be ${records/* FIELD_RULES */.Jx[field].expected}`);
        }
        return value;
    };
    const targetName = text(name, 'target', 'name');
    if (typeof kind !== 'string' || !records/* TARGET_KINDS */.aO.includes(kind)) {
        throw badTarget(index, `(${targetName}) has an invalid "kind": it must be ${records/* FIELD_RULES */.Jx.kind.expected}`);
    }
    const targetKind = kind;
    if (typeof status !== 'string' || !RECORDED_STATUSES.includes(status)) {
        throw badTarget(index, `(${targetName}) has status ${typeof status === 'string' ? (0,src/* quoteValue */.cl)(status, 40) : '(none)'}: only a deploy whose every target succeeded (or was unchanged) is recorded. Run this step only when the deploy step succeeded`);
    }
    return {
        target: targetName,
        kind: targetKind,
        resource: text(resource, RESOURCE_RULE[targetKind], 'resource'),
        ...(taskDefinitionArn === null || taskDefinitionArn === undefined
            ? {}
            : { taskDefinitionArn: text(taskDefinitionArn, 'taskDefinitionArn', 'taskDefinitionArn') }),
    };
}
function badTarget(index, problem) {
    return new src/* ConfigurationError */.j1(`Input "targets": entry ${index + 1} ${problem}. Pass the targets output of the ecs-deploy-wait step (app-file) as it is.`);
}

;// CONCATENATED MODULE: ./src/refname.ts
/**
 * The rules of `git check-ref-format` (https://git-scm.com/docs/git-check-ref-format) for a full ref name.
 * Returns what is wrong, or undefined when git accepts the name.
 */
function refNameProblem(ref) {
    if (ref.endsWith('/') || ref.includes('//'))
        return 'has an empty path component ("//" or a trailing "/")';
    if (ref.endsWith('.'))
        return 'ends with "."';
    if (ref.includes('..'))
        return 'contains ".."';
    if (ref.includes('@{'))
        return 'contains "@{"';
    // biome-ignore lint/suspicious/noControlCharactersInRegex: git rejects control characters in ref names
    const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(ref);
    if (bad)
        return `contains ${bad[0] === ' ' ? 'a space' : bad[0] < ' ' || bad[0] === '\x7f' ? 'a control character' : `"${bad[0]}"`}`;
    for (const component of ref.split('/')) {
        if (component.startsWith('.'))
            return `has a part starting with "." (${component})`;
        if (component.endsWith('.lock'))
            return `has a part ending with ".lock" (${component})`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/version.ts
var src_version = __nccwpck_require__(135);
;// CONCATENATED MODULE: ./src/inputs.ts







/** `version: previous` switches to lookup mode (of the deploy before the latest); `lookup: true` looks up the version. */
const LOOKUP_VERSION = 'previous';
/** `version: recorded` lists what every deploy tag records. */
const LIST_VERSION = 'recorded';
/** `version: current` looks up what runs at the place now (its newest deploy there). */
const CURRENT_VERSION = 'current';
/** `version: history` writes the newest deploys of each place as a table and a diagram. */
const HISTORY_VERSION = 'history';
/** history-count: the default and the most deploys shown per place. */
const HISTORY_COUNT = { fallback: 10, max: 100 };
function readDeployTagInputs(input, env = process.env) {
    const token = input.raw('github-token');
    if (!token) {
        throw new src/* ConfigurationError */.j1('Input "github-token" is empty, so GitHub would answer 401 (no token). Leave it at its default ${{ github.token }} or pass a token with contents: write.');
    }
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner = '', repo = '', ...rest] = repository.split('/');
    if (!owner || !repo || rest.length > 0) {
        throw new src/* ConfigurationError */.j1(`GITHUB_REPOSITORY must be "owner/repo"; got ${(0,src/* quoteValue */.cl)(repository)}. Run this action in a GitHub Actions job.`);
    }
    const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const prefix = input.string('prefix', 'ecs-deploy-');
    const versionText = input.requiredString('version');
    const lookup = input.boolean('lookup', false);
    const taskDefinitionArn = readField(input, 'task-definition-arn', 'taskDefinitionArn');
    const place = readPlace(input, env, taskDefinitionArn);
    readApplication(input, place);
    const common = { prefix, token, owner, repo, runUrl, place };
    if (versionText === LOOKUP_VERSION ||
        versionText === LIST_VERSION ||
        versionText === CURRENT_VERSION ||
        versionText === HISTORY_VERSION) {
        checkTagName(prefix, `${prefix}0.2601.1`, 'prefix');
        if (versionText === LIST_VERSION)
            return { mode: 'list', ...common };
        if (versionText === HISTORY_VERSION)
            return { mode: 'history', ...common, count: readHistoryCount(input) };
        return { mode: 'lookup', ...common, ...(versionText === CURRENT_VERSION ? { current: true } : {}) };
    }
    const version = (0,src_version/* parseVersion */.o)(versionText);
    if (!version) {
        throw (0,src/* invalidInput */.aY)('version', looksLikeToken(versionText) ? '(a GitHub token: not shown)' : versionText, 'must be a HeadVer version {head}.{yearweek}.{build}[+suffix], "previous", "current", "recorded" or "history"', 'Use e.g. 0.2541.135 or 1.2001.789+qa (yearweek: 2-digit ISO week-year + week 01-53), as the headver action outputs it; or previous to look up the deploy before the latest.');
    }
    const tag = `${prefix}${version.text}`;
    const problem = refNameProblem(`refs/tags/${tag}`);
    // Blame the prefix when it breaks git's rules whatever the version (lookup mode's check), else the +suffix.
    if (problem && refNameProblem(`refs/tags/${prefix}0.2601.1`))
        checkTagName(prefix, tag, 'prefix');
    if (problem) {
        throw (0,src/* invalidInput */.aY)('version', versionText, `makes the tag name ${(0,src/* quoteValue */.cl)(tag)}, which git rejects: it ${problem}`, 'Change the +suffix (e.g. 1.2001.789+qa): no "..", no "." at the end, no part ending with ".lock".');
    }
    const deploymentState = input.optionalString('deployment-state') === undefined
        ? undefined
        : input.oneOf('deployment-state', ['in_progress', 'failure'], 'in_progress');
    // Lookup of a given version reads the tag only: sha, on-exists, create-deployment and the metadata are not used.
    if (lookup) {
        if (deploymentState) {
            throw (0,src/* invalidInput */.aY)('deployment-state', deploymentState, 'cannot go with lookup: true', 'Look up the version in one step and set the Deployment state in another.');
        }
        return { mode: 'lookup', ...common, version, tag };
    }
    return readWriteInputs(input, env, common, { version, tag, taskDefinitionArn, deploymentState });
}
/**
 * What a step that writes needs: deployment-state in_progress / failure (the Deployment only), else create mode (the
 * record, and with create-deployment the Deployment's success).
 */
function readWriteInputs(input, env, common, given) {
    const { version, tag, taskDefinitionArn, deploymentState } = given;
    const environmentUrl = readUrl(input, 'environment-url');
    const deploymentId = input.integer('deployment-id', { min: 1 });
    if (deploymentState === 'failure') {
        if (deploymentId === undefined) {
            throw new src/* ConfigurationError */.j1('Input "deployment-id" is empty, but deployment-state: failure sets the state of that Deployment. Pass the deployment-id output of the deploy-tag step that ran with deployment-state: in_progress.');
        }
        return {
            mode: 'deployment',
            state: 'failure',
            ...common,
            version,
            deploymentId,
            ...(environmentUrl ? { environmentUrl } : {}),
        };
    }
    const { sha, shaSource } = readSha(input, env);
    const targets = deploymentState ? undefined : readTargets(input, common.place);
    const recorded = recordedPlace(common.place);
    if (deploymentState === 'in_progress') {
        return {
            mode: 'deployment',
            state: 'in_progress',
            ...common,
            version,
            tag,
            sha,
            shaSource,
            place: recorded,
            ...(environmentUrl ? { environmentUrl } : {}),
            ...(env.GITHUB_ACTOR ? { actors: readActors(env) } : {}),
        };
    }
    const onExists = input.oneOf('on-exists', ['keep', 'fail', 'move'], 'keep');
    const createDeployment = input.boolean('create-deployment', false);
    if (deploymentId !== undefined && !createDeployment) {
        throw (0,src/* invalidInput */.aY)('deployment-id', String(deploymentId), 'is set, but create-deployment is false, so the Deployment would stay in_progress', 'Set create-deployment: true to mark it success once the deploy is recorded.');
    }
    return {
        mode: 'create',
        ...common,
        place: recorded,
        version,
        tag,
        sha,
        shaSource,
        onExists,
        createDeployment,
        ...(deploymentId !== undefined ? { deploymentId } : {}),
        ...(environmentUrl ? { environmentUrl } : {}),
        metadata: readMetadata(input, taskDefinitionArn),
        actors: readActors(env),
        ...(targets ? { targets } : {}),
    };
}
/** What the record holds besides the place: image, digest and the task definition (read with the place). */
function readMetadata(input, taskDefinitionArn) {
    const metadata = {};
    const image = readField(input, 'image', 'image');
    const imageDigest = readField(input, 'image-digest', 'imageDigest');
    if (image !== undefined)
        metadata.image = image;
    if (imageDigest !== undefined)
        metadata.imageDigest = imageDigest;
    if (taskDefinitionArn !== undefined)
        metadata.taskDefinitionArn = taskDefinitionArn;
    return metadata;
}
/** The place a deploy is recorded at: environment, cluster, service and region must be known. */
function recordedPlace(place) {
    const { environment, cluster, service, application, region, account } = place;
    // An application's targets name their own services (input targets).
    if (environment === undefined || cluster === undefined || (service === undefined && application === undefined)) {
        const missing = ['environment', 'cluster', 'service'].filter((name) => place[name] === undefined);
        throw new src/* ConfigurationError */.j1(`Input${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} empty: a deploy is recorded with the environment, cluster and service it went to, so that rollbacks and lookups read the history of that place only. Set environment: (e.g. production), cluster: and service: as deployed.`);
    }
    if (region === undefined) {
        throw new src/* ConfigurationError */.j1('Input "region" is empty and no ARN or AWS_REGION gives it: a deploy is recorded with the region it went to, so that a rollback in one region never goes back to a deploy in another. Set region: (e.g. us-east-1), pass task-definition-arn, or run after configure-aws-credentials.');
    }
    return {
        environment,
        cluster,
        region,
        ...(service !== undefined ? { service } : {}),
        ...(application !== undefined ? { application } : {}),
        ...(account !== undefined ? { account } : {}),
    };
}
/** history-count: a whole number of deploys per place, 1 to HISTORY_COUNT.max. */
function readHistoryCount(input) {
    const raw = input.optionalString('history-count');
    if (raw === undefined)
        return HISTORY_COUNT.fallback;
    const count = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(count >= 1 && count <= HISTORY_COUNT.max)) {
        throw (0,src/* invalidInput */.aY)('history-count', raw, `must be a whole number of deploys per place from 1 to ${HISTORY_COUNT.max}`, `e.g. history-count: ${HISTORY_COUNT.fallback} (the default), or leave it empty.`);
    }
    return count;
}
/** An http(s) URL for a Deployment status (environment_url): data shown on GitHub, so no spaces or control characters. */
function readUrl(input, name) {
    const value = input.optionalString(name);
    if (value === undefined)
        return undefined;
    if (!records/* HTTP_URL */.Po.test(value)) {
        throw (0,src/* invalidInput */.aY)(name, value, 'must be an http(s) URL without spaces', 'e.g. https://app.example.com');
    }
    return value;
}
/** A GitHub token pasted into the wrong input: never echoed, even when it is not the token being masked. */
function looksLikeToken(value) {
    return /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/.test(value);
}
function checkTagName(prefix, tag, input) {
    const problem = refNameProblem(`refs/tags/${tag}`);
    if (problem) {
        throw (0,src/* invalidInput */.aY)(input, prefix, `makes the tag name ${(0,src/* quoteValue */.cl)(tag)}, which git rejects: it ${problem}`, 'Use letters, digits, "-", "_", "." and "/" only, e.g. ecs-deploy- or deploy/production/.');
    }
}
/** The commit to tag: input sha, else the commit the triggering CI run built (workflow_run), else GITHUB_SHA. */
function readSha(input, env) {
    const explicit = input.optionalString('sha');
    if (explicit !== undefined)
        return { sha: checkSha('sha', explicit, 'input sha'), shaSource: 'input sha' };
    if (env.GITHUB_EVENT_NAME === 'workflow_run') {
        const headSha = readEventHeadSha(env.GITHUB_EVENT_PATH);
        return { sha: checkSha('sha', headSha, 'workflow_run.head_sha'), shaSource: 'workflow_run.head_sha' };
    }
    const githubSha = env.GITHUB_SHA ?? '';
    return { sha: checkSha('sha', githubSha, 'GITHUB_SHA'), shaSource: 'GITHUB_SHA' };
}
function checkSha(name, value, source) {
    if (!/^[0-9a-fA-F]{40}$/.test(value)) {
        throw (0,src/* invalidInput */.aY)(name, value, `must be a full 40-hex commit sha (from ${source})`, 'Pass the full sha, e.g. ${{ github.event.workflow_run.head_sha }} or ${{ github.sha }}; short shas and branch names are not accepted.');
    }
    return value.toLowerCase();
}
function readEventHeadSha(eventPath) {
    if (!eventPath) {
        throw new src/* ConfigurationError */.j1('The event is workflow_run but GITHUB_EVENT_PATH is not set, so workflow_run.head_sha is unknown. Set sha: explicitly.');
    }
    let payload;
    try {
        payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
    }
    catch (error) {
        throw new src/* ConfigurationError */.j1(`Cannot read the workflow_run event payload at ${eventPath} (${(0,src/* errorMessage */.gJ)(error)}). Set sha: explicitly.`);
    }
    const run = payload?.workflow_run;
    if (typeof run?.head_sha !== 'string') {
        throw new src/* ConfigurationError */.j1('The event is workflow_run but its payload has no workflow_run.head_sha. Set sha: explicitly, e.g. sha: ${{ github.event.workflow_run.head_sha }}.');
    }
    return run.head_sha;
}


/***/ }),

/***/ 19:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OE: () => (/* binding */ RateLimitError),
/* harmony export */   m4: () => (/* binding */ rateLimitError),
/* harmony export */   sM: () => (/* binding */ SECONDARY_WAIT_BUDGET_MS),
/* harmony export */   tX: () => (/* binding */ rateLimitOf)
/* harmony export */ });
/**
 * GitHub's rate limits as deploy-tag meets them
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api): the primary limit (the job token
 * may make 1,000 requests per hour per repository) answers 403 or 429 with `x-ratelimit-remaining: 0` and the reset
 * time in `x-ratelimit-reset`; a secondary limit answers 403 or 429 with `retry-after`, or with no header at all
 * ("wait at least one minute"). Waiting an hour is never an option inside a deploy: the primary limit is one clear
 * error; a secondary limit is waited out once when the wait fits a small budget.
 */
/** The longest secondary-limit wait deploy-tag sits out (in total, per call) before giving up with the error. */
const SECONDARY_WAIT_BUDGET_MS = 60_000;
/** What limit a failed GitHub call hit, if any: only 403 and 429 can be one, and 403 is one only when GitHub says so. */
function rateLimitOf(error) {
    if (error.status !== 403 && error.status !== 429)
        return undefined;
    const headers = error.response?.headers ?? {};
    const header = (name) => (headers[name] === undefined ? undefined : String(headers[name]));
    const message = String(error.response?.data?.message ?? '');
    if (header('x-ratelimit-remaining') === '0') {
        const reset = Number(header('x-ratelimit-reset'));
        return {
            kind: 'primary',
            ...(header('x-ratelimit-limit') !== undefined ? { limit: header('x-ratelimit-limit') } : {}),
            ...(header('x-ratelimit-resource') !== undefined ? { resource: header('x-ratelimit-resource') } : {}),
            ...(Number.isFinite(reset) && reset > 0 ? { resetAt: new Date(reset * 1000) } : {}),
        };
    }
    const retryAfter = Number(header('retry-after'));
    if (header('retry-after') !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
        return { kind: 'secondary', waitMs: retryAfter * 1000 };
    }
    if (error.status === 429 || /secondary rate limit|abuse/i.test(message))
        return { kind: 'secondary', waitMs: 60_000 };
    return undefined;
}
/** A GitHub rate limit that stops the step: names the limit and when it resets. Not retried, never "not found". */
class RateLimitError extends Error {
    name = 'RateLimitError';
}
function rateLimitError(limited, what, repository, nowMs) {
    if (limited.kind === 'secondary') {
        return new RateLimitError(`GitHub's secondary rate limit stopped the request to ${what} in ${repository}: it asked to wait ${Math.ceil(limited.waitMs / 1000)} s, more than this step waits (${SECONDARY_WAIT_BUDGET_MS / 1000} s). Too many requests at once from this repository's workflows; re-run this step in a few minutes.`);
    }
    const reset = limited.resetAt
        ? `it resets at ${limited.resetAt.toISOString()} (in ${Math.max(0, Math.ceil((limited.resetAt.getTime() - nowMs) / 60_000))} min)`
        : 'its reset time was not given';
    return new RateLimitError(`GitHub's primary rate limit is spent (${limited.limit ?? 'its'} requests per hour${limited.resource ? `, resource ${limited.resource}` : ''}) for the token used to ${what} in ${repository}: ${reset}. The job token's quota is shared by every workflow of the repository; re-run this step after the reset.`);
}


/***/ }),

/***/ 669:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AP: () => (/* binding */ regionOf),
/* harmony export */   FT: () => (/* binding */ APPLICATION_RECORD_FORMAT),
/* harmony export */   Jx: () => (/* binding */ FIELD_RULES),
/* harmony export */   KU: () => (/* binding */ resourceOf),
/* harmony export */   Po: () => (/* binding */ HTTP_URL),
/* harmony export */   T2: () => (/* binding */ arnLocation),
/* harmony export */   V3: () => (/* binding */ parseTagMessage),
/* harmony export */   W1: () => (/* binding */ RecordError),
/* harmony export */   XP: () => (/* binding */ accountOf),
/* harmony export */   aO: () => (/* binding */ TARGET_KINDS),
/* harmony export */   ii: () => (/* binding */ isAt),
/* harmony export */   pC: () => (/* binding */ ecsName),
/* harmony export */   q7: () => (/* binding */ RECORD_FORMAT),
/* harmony export */   vn: () => (/* binding */ formatTagMessage)
/* harmony export */ });
/**
 * The deploy records an `ecs-deploy-<version>` tag carries: one tag per version, on the commit it was built from,
 * and in its message one JSON line per deploy of that version (environment, cluster, service, region, account,
 * image, task definition, run, actor, time), oldest first. People read the title and the lines; lookups parse them
 * strictly, since what they read back is deployed again: a field that fails its rule makes the whole tag unusable,
 * never guessed at.
 *
 * Each record says its format: format 1 (no "format" key, written before regions and actors were recorded) has no
 * region, account or actor; format 2 ("format": 2) must have region and actor. Records of both formats may share
 * one message (a version first deployed by an older deploy-tag); a format this code does not know is refused.
 * Format 3 ("format": 3) is one target of an application deploy (ecs-deploy-wait's app-file): format 2's fields plus
 * the application, the target's name in the app file and its kind; a service target names its service, a rule its
 * rule, a schedule its schedule (`group/name`), never another kind's. One deploy of an application writes one record
 * per target, all in the version's tag.
 */
const RECORD_FORMAT = 2;
/** The format of an application deploy's records (one per target). */
const APPLICATION_RECORD_FORMAT = 3;
const TARGET_KINDS = ['service', 'rule', 'schedule'];
/** The JSON key of each record field, as people see it in the tag message. */
const KEYS = {
    environment: 'environment',
    cluster: 'cluster',
    service: 'service',
    region: 'region',
    account: 'account',
    image: 'image',
    imageDigest: 'image-digest',
    taskDefinitionArn: 'task-definition',
    run: 'run',
    actor: 'actor',
    triggeringActor: 'triggering-actor',
    time: 'time',
    application: 'application',
    target: 'target',
    kind: 'kind',
    rule: 'rule',
    schedule: 'schedule',
};
/** The fields each format has: required ones, and every one it may hold. */
const FORMAT_1 = [
    'environment',
    'cluster',
    'service',
    'image',
    'imageDigest',
    'taskDefinitionArn',
    'run',
    'time',
];
const FORMAT_2 = [...FORMAT_1, 'region', 'account', 'actor', 'triggeringActor'];
/** The field naming what a format 3 record's target is, by its kind. */
const RESOURCE_FIELD = { service: 'service', rule: 'rule', schedule: 'schedule' };
const FORMATS = {
    1: { required: ['environment', 'cluster', 'service', 'time'], allowed: FORMAT_1 },
    2: { required: ['environment', 'cluster', 'service', 'region', 'actor', 'time'], allowed: FORMAT_2 },
    3: {
        required: ['environment', 'cluster', 'region', 'actor', 'time', 'application', 'target', 'kind'],
        allowed: [...FORMAT_2, 'application', 'target', 'kind', 'rule', 'schedule'],
    },
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ECS_NAME = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:(?:cluster|service)\/[A-Za-z0-9_/-]{1,512})$/;
// A Docker image reference: [host[:port]/]path[:tag][@sha256:digest], lower-case path components.
const IMAGE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[1-9]\d*$/;
/** An http(s) URL without spaces or control characters: a run's URL, an environment's URL. */
const HTTP_URL = /^https?:\/\/[!-~]{1,2000}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
// A GitHub login (up to 39 letters, digits and hyphens; older accounts may have a hyphen where new ones may not) or
// an app's bot login (`github-actions[bot]`).
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?$/;
const LOGIN_EXPECTED = 'a GitHub login (letters, digits and hyphens, up to 39; or an app name[bot])';
// An application or target name of an app file; EventBridge rule names; Scheduler `group/name` (API references).
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const RULE = /^[.\-_A-Za-z0-9]{1,64}$/;
const SCHEDULE = /^[0-9a-zA-Z\-_.]{1,64}\/[0-9a-zA-Z\-_.]{1,64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const textRule = (expected, pattern) => ({
    expected,
    test: (value) => value.length > 0 && !CONTROL.test(value) && (pattern ? pattern.test(value) : true),
});
/** What each field may hold; the same rules check the action's inputs before writing and the tags when reading. */
const FIELD_RULES = {
    environment: {
        expected: 'a GitHub environment name: 1-255 characters, no control characters, no leading or trailing space',
        test: (value) => value.length <= 255 && value.trim() === value && textRule('').test(value),
    },
    cluster: textRule('an ECS cluster name (letters, digits, - and _, up to 255) or cluster ARN', ECS_NAME),
    service: textRule('an ECS service name (letters, digits, - and _, up to 255) or service ARN', ECS_NAME),
    image: textRule('an image reference such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:0.2601.3', IMAGE),
    imageDigest: textRule('an image digest sha256:<64 hex>', DIGEST),
    taskDefinitionArn: textRule('a task definition revision ARN arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>', TASK_DEFINITION_ARN),
    region: textRule('an AWS region such as us-east-1', REGION),
    account: textRule('a 12-digit AWS account id', ACCOUNT),
    run: textRule('an http(s) URL without spaces', HTTP_URL),
    actor: textRule(LOGIN_EXPECTED, LOGIN),
    triggeringActor: textRule(LOGIN_EXPECTED, LOGIN),
    time: textRule('an ISO 8601 UTC time', TIME),
    application: textRule('an application name: 1-64 letters, digits, dots, hyphens and underscores', APP_NAME),
    target: textRule('a target name: 1-64 letters, digits, dots, hyphens and underscores', APP_NAME),
    kind: { expected: 'service, rule or schedule', test: (value) => TARGET_KINDS.includes(value) },
    rule: textRule('an EventBridge rule name (up to 64 letters, digits, dots, hyphens and underscores)', RULE),
    schedule: textRule('a Scheduler schedule as group/name', SCHEDULE),
};
/** What a record's deploy went to: its service, or (format 3) its rule or schedule. */
function resourceOf(record) {
    return record.service ?? record.rule ?? record.schedule ?? '';
}
/** The name of an ECS cluster or service given as a name or an ARN (`arn:…:cluster/prod` → `prod`). */
function ecsName(value) {
    return value.startsWith('arn:') ? (value.split('/').at(-1) ?? value) : value;
}
/** The region and account of an ECS ARN (`arn:aws:ecs:eu-west-1:123456789012:…`), if the value is one. */
function arnLocation(value) {
    const match = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):/.exec(value ?? '');
    // Only a region a record may hold: an ARN of another shape says nothing of where the deploy went.
    return match?.[1] && match[2] && REGION.test(match[1]) ? { region: match[1], account: match[2] } : undefined;
}
/** The ARNs a record holds, whose region and account are those of the deploy. */
const arnsOf = (record) => [record.taskDefinitionArn, record.service, record.cluster];
/** An application's record, or (with the place's service) a single-service record of that service. */
function isOfApplication(record, place) {
    if (!place.application)
        return !place.service || ecsName(record.service ?? '') === ecsName(place.service);
    if (record.application !== undefined)
        return record.application === place.application;
    return !!place.service && ecsName(record.service ?? '') === ecsName(place.service);
}
/** The region a deploy went to: recorded (format 2), else that of an ARN it recorded; undefined when unknown. */
function regionOf(record) {
    return record.region ?? arnsOf(record).map(arnLocation).find(Boolean)?.region;
}
/** The account a deploy went to: recorded, else that of an ARN it recorded; undefined when unknown. */
function accountOf(record) {
    return record.account ?? arnsOf(record).map(arnLocation).find(Boolean)?.account;
}
/**
 * Whether a record is a deploy to `place` (cluster and service compared by name, so an ARN matches its name). A
 * record of another region or account is never at the place; one whose region or account is unknown is.
 */
function isAt(record, place) {
    const same = (wanted, known) => !wanted || !known || wanted === known;
    return ((!place.environment || record.environment === place.environment) &&
        (!place.cluster || ecsName(record.cluster) === ecsName(place.cluster)) &&
        isOfApplication(record, place) &&
        same(place.region, regionOf(record)) &&
        same(place.account, accountOf(record)));
}
/** The line that starts the records in a tag message; every line after it is one record. */
const RECORDS_MARKER = 'deploys:';
/** The annotated tag message: a title for people, the version and commit, then one JSON line per deploy. */
function formatTagMessage(version, commit, records) {
    const last = records.at(-1);
    const title = last
        ? `Deploy ${version} to ${last.environment} (${[`${ecsName(last.cluster)}/${last.application ?? ecsName(resourceOf(last))}`, regionOf(last)].filter(Boolean).join(', ')})`
        : `Deploy ${version}`;
    const lines = records.map((record) => {
        // Format 1 records keep their shape (no "format" key) when a newer deploy is added beside them.
        const json = record.format === 1 ? {} : { format: record.format };
        for (const [field, key] of Object.entries(KEYS)) {
            const value = record[field];
            if (value !== undefined)
                json[key] = value;
        }
        return JSON.stringify(json);
    });
    return `${title}\n\nversion: ${version}\ncommit: ${commit}\n${RECORDS_MARKER}\n${lines.join('\n')}\n`;
}
class RecordError extends Error {
    name = 'RecordError';
}
/**
 * The records of a tag message, or undefined when the message has none (a tag made by hand or by the hand-written
 * pipeline before: a legacy tag). Throws RecordError, naming the line, when a message with records breaks any
 * rule, or names another version or commit than the tag's.
 */
function parseTagMessage(message, expected) {
    const lines = message.replace(/\n$/, '').split('\n');
    const marker = lines.indexOf(RECORDS_MARKER);
    if (marker < 0)
        return undefined;
    const header = new Map();
    for (const [index, line] of lines.slice(0, marker).entries()) {
        const match = /^(version|commit): (.*)$/.exec(line);
        if (!match?.[1])
            continue;
        if (header.has(match[1]))
            throw new RecordError(`line ${index + 1} repeats "${match[1]}:"`);
        header.set(match[1], match[2] ?? '');
    }
    if (header.get('version') !== expected.version) {
        throw new RecordError(`its "version:" line is not ${expected.version}`);
    }
    if (header.get('commit') !== expected.commit) {
        throw new RecordError(`its "commit:" line is not the commit the tag points at (${expected.commit})`);
    }
    const records = [];
    for (const [offset, line] of lines.slice(marker + 1).entries()) {
        records.push(parseRecord(line, marker + offset + 2));
    }
    return records;
}
function parseRecord(line, lineNumber) {
    const fail = (why) => {
        throw new RecordError(`the deploy record on line ${lineNumber} ${why}`);
    };
    let json;
    try {
        json = JSON.parse(line);
    }
    catch {
        fail('is not JSON');
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json))
        return fail('is not a JSON object');
    const { format: givenFormat = 1, ...given } = json;
    if (givenFormat !== 1 && givenFormat !== 2 && givenFormat !== 3) {
        const shown = JSON.stringify(givenFormat).slice(0, 20);
        return fail(`has record format ${shown}, which this deploy-tag does not read (it reads 1, 2 and 3): a newer deploy-tag wrote it, or it was edited by hand. Use the deploy-tag version that wrote it`);
    }
    const format = givenFormat;
    const { required, allowed } = FORMATS[format];
    const fields = allowed.map((field) => [field, KEYS[field]]);
    const known = new Set(fields.map(([, key]) => key));
    const unknown = Object.keys(given).find((key) => !known.has(key));
    if (unknown !== undefined)
        fail(`has an unknown field ${JSON.stringify(unknown)} for record format ${format}`);
    const record = { format };
    for (const [field, key] of fields) {
        const value = given[key];
        if (value === undefined) {
            if (required.includes(field))
                fail(`has no "${key}" (record format ${format})`);
            continue;
        }
        if (typeof value !== 'string' || !FIELD_RULES[field].test(value)) {
            fail(`has an invalid "${key}": it must be ${FIELD_RULES[field].expected}`);
        }
        record[field] = value;
    }
    if (format === 3) {
        // A target names what it is, and only that: a rule record with a service would be read as that service's deploy.
        for (const [kind, field] of Object.entries(RESOURCE_FIELD)) {
            if (kind === record.kind && record[field] === undefined)
                fail(`is a ${kind} target but has no "${KEYS[field]}"`);
            if (kind !== record.kind && record[field] !== undefined)
                fail(`is a ${record.kind} target but has "${KEYS[field]}" (a ${kind} target's field)`);
        }
    }
    return record;
}


/***/ }),

/***/ 135:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ compareVersions),
/* harmony export */   o: () => (/* binding */ parseVersion)
/* harmony export */ });
/** HeadVer versions as deploy tags carry them: `{head}.{yearweek}.{build}[+suffix]`, ordered numerically. */
// head and build: non-negative integers without leading zeros; yearweek: 2-digit ISO week-year + week 01..53;
// suffix: build metadata as HeadVer writes it ([0-9A-Za-z.-]).
const HEADVER = /^(0|[1-9]\d*)\.(\d{2}(?:0[1-9]|[1-4]\d|5[0-3]))\.(0|[1-9]\d*)(?:\+([0-9A-Za-z.-]+))?$/;
function parseVersion(text) {
    const match = HEADVER.exec(text);
    if (!match)
        return undefined;
    const [, head = '', yearweek = '', build = '', suffix = ''] = match;
    const parsed = { text, head: Number(head), yearweek: Number(yearweek), build: Number(build), suffix };
    if (!Number.isSafeInteger(parsed.head) || !Number.isSafeInteger(parsed.build))
        return undefined;
    return parsed;
}
/**
 * HeadVer order: head, then yearweek, then build, all numeric (so 0.2552.9 < 0.2601.1 < 1.2601.2 and
 * 0.2601.10 > 0.2601.9, unlike string order). The suffix is build metadata: it does not order versions.
 */
function compareVersions(a, b) {
    return a.head - b.head || a.yearweek - b.yearweek || a.build - b.build;
}


/***/ }),

/***/ 872:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  j1: () => (/* reexport */ errors_ConfigurationError),
  lg: () => (/* reexport */ ECS_ACTIONS_VERSION),
  i_: () => (/* reexport */ InputReader),
  gJ: () => (/* reexport */ errors_errorMessage),
  aY: () => (/* reexport */ invalidInput),
  Rm: () => (/* reexport */ log_namespaceObject),
  D9: () => (/* reexport */ markdownCode),
  Qj: () => (/* reexport */ markdownTable),
  p7: () => (/* reexport */ markdownText),
  g6: () => (/* reexport */ mermaidGantt),
  cl: () => (/* reexport */ errors_quoteValue),
  bZ: () => (/* reexport */ realSleep),
  Cs: () => (/* reexport */ runAction),
  n0: () => (/* reexport */ setOutputs),
  ml: () => (/* reexport */ systemClock),
  Sy: () => (/* reexport */ writeSummary)
});

// UNUSED EXPORTS: CONTROL_CHARACTERS, DESCRIBE_ONLY_FIELDS, MERMAID_GANTT_MAX_TASKS, MERMAID_LABEL_MAX, ManualClock, StepState, TASK_DEFINITION_MAX_BYTES, THROTTLING_CODES, awsClientConfig, awsErrorCode, awsRegion, createAwsClient, displayPath, explainAccessError, formatDuration, formatJson, inOrder, inputEnvName, inputsFrom, isAccessDenied, isAccessError, jobCancelSignal, jsonProblemMessage, keepRawResponse, locateJsonError, markdownCell, mermaidText, parseDuration, parseInteger, parseJsonText, plainTextEcho, poll, rawMember, readInputFile, reportFailure, requestTimeoutWithin, resolveInputPath, runner, runnerInputs, runnerLines, sendAsWritten, sentence, taskDefinitionBytes, taskDefinitionSizeProblem, wireBody, writePlainText

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
    return awsErrorCode(error) === 'CredentialsProviderError' || /Could not load credentials/i.test(errorMessage(error));
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
    const detail = sentence(errorMessage(error));
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

;// CONCATENATED MODULE: ../../packages/core/src/errors.ts
/**
 * A mistake the user can fix in their workflow: the message names the input, the value and the fix.
 * It fails the step with that message alone, no stack trace.
 */
class errors_ConfigurationError extends Error {
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
    return new errors_ConfigurationError(`Input "${name}" ${expected}; got ${errors_quoteValue(value)}.${fix ? ` ${fix}` : ''}`);
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
            throw new errors_ConfigurationError(`Input "${name}" is required and was empty. Set it under "with:" in the step.`);
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
                throw new errors_ConfigurationError(`Input "${name}" line ${index + 1} is not ${what}: ${errors_quoteValue(line)}. Write one ${what} a line; the value may contain "=".`);
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
var external_node_fs_ = __nccwpck_require__(24);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
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
        stream.write(`${lines.join(external_node_os_namespaceObject.EOL)}${external_node_os_namespaceObject.EOL}`);
        return;
    }
    const token = stopToken(lines);
    stream.write([`::stop-commands::${token}`, ...lines, `::${token}::`].join(external_node_os_namespaceObject.EOL) + external_node_os_namespaceObject.EOL);
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
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, 'utf8');
}
const runner_runner = {
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
        (0,external_node_fs_.appendFileSync)(file, `${markdown}${external_node_os_namespaceObject.EOL}`, 'utf8');
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
        runner_runner.debug('GITHUB_STEP_SUMMARY is not set; the job summary is skipped');
        return;
    }
    runner_runner.appendSummary(markdown);
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
    if (!(error instanceof errors_ConfigurationError) && error instanceof Error && error.stack)
        runner_runner.debug(error.stack);
    runner_runner.setFailed(errors_errorMessage(error));
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

;// CONCATENATED MODULE: ../../packages/core/src/version.ts
/** The toolkit's own version, sent in the AWS user agent. A test keeps it equal to the root package.json. */
const ECS_ACTIONS_VERSION = '1.0.0';

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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

;// CONCATENATED MODULE: ../../packages/core/src/index.ts


















/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 694:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  E: () => (/* binding */ Octokit)
});

;// CONCATENATED MODULE: ../../node_modules/.pnpm/universal-user-agent@7.0.3/node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }

  if (typeof process === "object" && process.version !== undefined) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${
      process.arch
    })`;
  }

  return "<environment undetectable>";
}

;// CONCATENATED MODULE: ../../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/lib/register.js
// @ts-check

function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }

  if (!options) {
    options = {};
  }

  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name) => {
      return register.bind(null, state, name, callback, options);
    }, method)();
  }

  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }

    return state.registry[name].reduce((method, registered) => {
      return registered.hook.bind(null, method, options);
    }, method)();
  });
}

;// CONCATENATED MODULE: ../../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/lib/add.js
// @ts-check

function addHook(state, kind, name, hook) {
  const orig = hook;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }

  if (kind === "before") {
    hook = (method, options) => {
      return Promise.resolve()
        .then(orig.bind(null, options))
        .then(method.bind(null, options));
    };
  }

  if (kind === "after") {
    hook = (method, options) => {
      let result;
      return Promise.resolve()
        .then(method.bind(null, options))
        .then((result_) => {
          result = result_;
          return orig(result, options);
        })
        .then(() => {
          return result;
        });
    };
  }

  if (kind === "error") {
    hook = (method, options) => {
      return Promise.resolve()
        .then(method.bind(null, options))
        .catch((error) => {
          return orig(error, options);
        });
    };
  }

  state.registry[name].push({
    hook: hook,
    orig: orig,
  });
}

;// CONCATENATED MODULE: ../../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/lib/remove.js
// @ts-check

function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }

  const index = state.registry[name]
    .map((registered) => {
      return registered.orig;
    })
    .indexOf(method);

  if (index === -1) {
    return;
  }

  state.registry[name].splice(index, 1);
}

;// CONCATENATED MODULE: ../../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/index.js
// @ts-check





// bind with array of arguments: https://stackoverflow.com/a/21792913
const bind = Function.bind;
const bindable = bind.bind(bind);

function bindApi(hook, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook.api = { remove: removeHookRef };
  hook.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook[kind] = hook.api[kind] = bindable(addHook, null).apply(null, args);
  });
}

function Singular() {
  const singularHookName = Symbol("Singular");
  const singularHookState = {
    registry: {},
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}

function Collection() {
  const state = {
    registry: {},
  };

  const hook = register.bind(null, state);
  bindApi(hook, state);

  return hook;
}

/* harmony default export */ const before_after_hook = ({ Singular, Collection });

;// CONCATENATED MODULE: ../../node_modules/.pnpm/@octokit+endpoint@11.0.5/node_modules/@octokit/endpoint/dist-bundle/index.js
// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/defaults.js
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};

// pkg/dist-src/util/lowercase-keys.js
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}

// pkg/dist-src/util/is-plain-object.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/util/merge-deep.js
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}

// pkg/dist-src/util/remove-undefined-properties.js
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}

// pkg/dist-src/merge.js
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}

// pkg/dist-src/util/add-query-parameters.js
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}

// pkg/dist-src/util/extract-url-variable-names.js
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}

// pkg/dist-src/util/omit.js
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}

// pkg/dist-src/util/url-template.js
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}

// pkg/dist-src/parse.js
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}

// pkg/dist-src/endpoint-with-defaults.js
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}

// pkg/dist-src/with-defaults.js
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}

// pkg/dist-src/index.js
var endpoint = withDefaults(null, DEFAULTS);


;// CONCATENATED MODULE: ../../node_modules/.pnpm/content-type@3.1.1/node_modules/content-type/dist/index.js
/*!
 * content-type
 * Copyright(c) 2015 Douglas Christopher Wilson
 * MIT Licensed
 */
const SP = 32; // " "
const HTAB = 9; // "\t"
const SEMI = 59; // ";"
const EQ = 61; // "="
const DQUOTE = 34; // '"'
const BSLASH = 92; // "\\"
const COMMA = 44; // ","
const LOWER_CASE = 1;
const OWS = 2;
const SEMI_FLAG = 4;
const COMMA_FLAG = 8;
const TOKEN_FLAG = 16;
const NON_ASCII = 0xff00;
const CASE_FLAGS = LOWER_CASE | NON_ASCII;
/**
 * Character flags used to normalize HTTP field values while scanning.
 * Out-of-range reads intentionally coerce to zero in bitwise expressions.
 */
const CHAR_MAP = new Uint8Array(0x100);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code = 0x80 /* non-ASCII */; code <= 0xff; code++) {
    CHAR_MAP[code] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
    CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code = 0x30 /* 0 */; code <= 0x39 /* 9 */; code++) {
    CHAR_MAP[code] |= TOKEN_FLAG;
}
for (let code = 0x41 /* A */; code <= 0x5a /* Z */; code++) {
    CHAR_MAP[code] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code = 0x61 /* a */; code <= 0x7a /* z */; code++) {
    CHAR_MAP[code] |= TOKEN_FLAG;
}
/**
 * Null object perf optimization. Faster than `Object.create(null)` and `{ __proto__: null }`.
 */
const NullObject = /* @__PURE__ */ (() => {
    const C = function () { };
    C.prototype = Object.create(null);
    return C;
})();
/**
 * Validate a type string against RFC 9110.
 */
function isTypeValid(type, start = 0, end = type.length) {
    let hasSlash = false;
    for (let index = start; index < end; index++) {
        const code = type.charCodeAt(index);
        if (code === 47 /* / */) {
            if (hasSlash || index === start || index >= end - 1)
                return false;
            hasSlash = true;
        }
        else if (!isTokenCode(code)) {
            return false;
        }
    }
    return hasSlash;
}
/**
 * Validate a token against RFC 9110.
 */
function isTokenValid(token, start = 0, end = token.length) {
    if (start >= end)
        return false;
    for (let index = start; index < end; index++) {
        if (!isTokenCode(token.charCodeAt(index)))
            return false;
    }
    return true;
}
/**
 * Check whether a character code belongs to the token production in RFC 9110.
 */
function isTokenCode(code) {
    return (CHAR_MAP[code] & TOKEN_FLAG) !== 0;
}
/**
 * Serialize a parameter value.
 */
function parameterValue(str) {
    const len = str.length;
    if (len === 0)
        return '""';
    let index = 0;
    while (index < len && isTokenCode(str.charCodeAt(index)))
        index++;
    if (index === len)
        return str;
    let result = '"';
    let start = 0;
    while (index < len) {
        const code = str.charCodeAt(index);
        if (code !== HTAB && (code < SP || code === 127 || code > 255)) {
            throw new TypeError(`Invalid parameter value: ${str}`);
        }
        if (code === 34 /* " */ || code === 92 /* \\ */) {
            result += `${str.slice(start, index)}\\`;
            start = index;
        }
        index++;
    }
    return `${result}${str.slice(start)}"`;
}
/**
 * Format an object into a `Content-Type` header.
 */
function format(obj) {
    const { type, parameters } = obj;
    if (!type || !isTypeValid(type)) {
        throw new TypeError(`Invalid type: ${type}`);
    }
    let result = type;
    if (parameters) {
        for (const param of Object.keys(parameters)) {
            if (!isTokenValid(param)) {
                throw new TypeError(`Invalid parameter name: ${param}`);
            }
            result += `; ${param}=${parameterValue(parameters[param])}`;
        }
    }
    return result;
}
/**
 * Parse a `Content-Type` header.
 */
function dist_parse(header, options) {
    const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
    const len = header.length;
    let valueStart = options?.start ?? 0;
    while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
        valueStart++;
    }
    let index = valueStart;
    let typeFlags = 0;
    let whitespace = -1;
    let stop = options?.parameters === false ? COMMA_FLAG : 0;
    while (index < len) {
        const code = header.charCodeAt(index);
        const flags = CHAR_MAP[code];
        if ((flags & stopFlags) !== 0) {
            stop |= flags & COMMA_FLAG;
            break;
        }
        if ((flags & OWS) !== 0) {
            if (whitespace === -1)
                whitespace = index;
        }
        else {
            whitespace = -1;
        }
        typeFlags |= (code & NON_ASCII) | flags;
        index++;
    }
    const valueEnd = whitespace === -1 ? index : whitespace;
    const value = header.slice(valueStart, valueEnd);
    const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
    if (index === len || stop !== 0) {
        return { type, index, parameters: new NullObject() };
    }
    return parseParameters(header, type, index, len, stopFlags);
}
/**
 * Parses the parameters of a `Content-Type` header starting at the given index.
 */
function parseParameters(header, type, index, len, stopFlags) {
    const parameters = new NullObject();
    parameter: while (index < len) {
        index++; // Skip over ;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
            index++;
        }
        const keyStart = index;
        let keyFlags = 0;
        let keyWhitespace = -1;
        while (index < len) {
            const code = header.charCodeAt(index);
            const flags = CHAR_MAP[code];
            if ((flags & stopFlags) !== 0) {
                if ((flags & COMMA_FLAG) !== 0)
                    break parameter;
                continue parameter;
            }
            if (code === EQ) {
                const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
                const value = header.slice(keyStart, keyEnd);
                const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
                index++;
                while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
                    index++;
                }
                if (index < len && header.charCodeAt(index) === DQUOTE) {
                    const quotedStart = ++index;
                    let escaped = false;
                    while (index < len) {
                        const code = header.charCodeAt(index);
                        if (code === DQUOTE) {
                            if (parameters[key] === undefined) {
                                parameters[key] = escaped
                                    ? unescapeQuotedPairs(header, quotedStart, index)
                                    : header.slice(quotedStart, index);
                            }
                            index++;
                            let stop = 0;
                            // Discard characters between quote and delimiter.
                            while (index < len) {
                                const code = header.charCodeAt(index);
                                const flags = CHAR_MAP[code];
                                if ((flags & stopFlags) !== 0) {
                                    stop = flags & COMMA_FLAG;
                                    break;
                                }
                                index++;
                            }
                            if (stop !== 0)
                                break parameter;
                            continue parameter;
                        }
                        if (code === BSLASH && index + 1 < len) {
                            escaped = true;
                            index += 2;
                            continue;
                        }
                        index++;
                    }
                    continue parameter;
                }
                const valueStart = index;
                let stop = 0;
                let valueWhitespace = -1;
                while (index < len) {
                    const code = header.charCodeAt(index);
                    const flags = CHAR_MAP[code];
                    if ((flags & stopFlags) !== 0) {
                        stop = flags & COMMA_FLAG;
                        break;
                    }
                    if ((flags & OWS) !== 0) {
                        if (valueWhitespace === -1)
                            valueWhitespace = index;
                    }
                    else {
                        valueWhitespace = -1;
                    }
                    index++;
                }
                if (parameters[key] === undefined) {
                    const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
                    parameters[key] = header.slice(valueStart, valueEnd);
                }
                if (stop !== 0)
                    break parameter;
                continue parameter;
            }
            if ((flags & OWS) !== 0) {
                if (keyWhitespace === -1)
                    keyWhitespace = index;
            }
            else {
                keyWhitespace = -1;
            }
            keyFlags |= (code & NON_ASCII) | flags;
            index++;
        }
    }
    return { type, index, parameters };
}
/**
 * Remove backslashes from quoted pairs in a known-terminated quoted string body.
 */
function unescapeQuotedPairs(str, start, end) {
    let result = "";
    for (let index = start; index < end; index++) {
        if (str.charCodeAt(index) === BSLASH) {
            result += str.slice(start, index);
            start = ++index;
        }
    }
    return result + str.slice(start, end);
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ../../node_modules/.pnpm/json-with-bigint@3.5.12/node_modules/json-with-bigint/json-with-bigint.js
const intRegex = /^-?\d+$/;
const noiseValue = /^-?\d+n+$/; // Noise - strings that match the custom format before being converted to it
const originalStringify = JSON.stringify;
const originalParse = JSON.parse;
const customFormat = /^-?\d+n$/;

const bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
const noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;

/**
 * @typedef {(this: any, key: string | number | undefined, value: any) => any} Replacer
 * @typedef {(key: string | number | undefined, value: any, context?: { source: string }) => any} Reviver
 */

/**
 * Checks if a value is unstringifiable according to native JSON.stringify rules.
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is undefined, a function, or a symbol.
 */
const isUnstringifiable = (val) =>
  val === undefined || typeof val === "function" || typeof val === "symbol";

/**
 * Checks if a value is a native JSON.rawJSON object (Node.js 22+).
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is a RawJSON instance.
 */
const isRawJSON = (val) =>
  val !== null &&
  typeof val === "object" &&
  val.constructor &&
  val.constructor.name === "RawJSON";

/**
 * Iteratively converts a JS value to a JSON string.
 * Used as a fallback when the native JSON.stringify hits the Maximum Call Stack size.
 * Fully compliant with JSON formatting (space), replacers, and toJSON behaviors.
 *
 * @param {any} rootValue The value to stringify.
 * @param {Replacer | Array<string | number> | null} [replacer] User's custom replacer function.
 * @param {string | number} [spaceParam] Indentation for pretty-printing.
 * @returns {string | undefined} The generated JSON string.
 */
const stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";

  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }

  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer)
    ? new Set(replacer.map(String))
    : null;

  /**
   * Prepares a value for stringification by resolving toJSON, handling BigInts,
   * applying custom replacers, and unwrapping primitive objects.
   *
   * @param {object|Array} parent The parent object or array holding the value.
   * @param {string} key The key associated with the value.
   * @param {any} val The raw value to process.
   * @returns {any} The processed value ready for stringification.
   */
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";

    if (hasToJSON) {
      val = val.toJSON(key);
    }

    const isNoise = typeof val === "string" && noiseValue.test(val);

    if (isNoise) return val + "n";

    const isBigInt = typeof val === "bigint";

    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return JSON.rawJSON(val.toString());

      return val.toString() + "n";
    }

    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }

    const isPostReplacerObject = val !== null && typeof val === "object";

    if (isPostReplacerObject) {
      const isPrimitiveWrapper =
        val instanceof Number ||
        val instanceof String ||
        val instanceof Boolean;

      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }

    return val;
  };

  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);

  if (isUnstringifiable(rootProcessed)) {
    return undefined;
  }

  const isRootPrimitive =
    rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);

  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }

  const chunks = [];
  let level = 0;

  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true,
    },
  ];

  const visited = new WeakSet([rootProcessed]);

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }

    let isDone = false;

    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");

        if (space) chunks.push("\n" + space.repeat(level));

        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);

        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject =
            childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);

          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }

            visited.add(childVal);

            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true,
            });

            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];

        const isFilteredOutByArray = propertyList && !propertyList.has(k);

        if (isFilteredOutByArray) continue;

        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);

        if (isUnstringifiable(childVal)) continue;

        if (!node.first) chunks.push(",");

        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }

        const isComplexObject =
          childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);

        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }

          visited.add(childVal);

          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true,
          });

          node.first = false;

          break; // Stop current loop level to process the newly pushed stack node
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }

      const isNodeFullyProcessed =
        node.index >= node.keys.length && stack[stack.length - 1] === node;

      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }

    if (isDone) {
      level--;

      if (!node.first && space) chunks.push("\n" + space.repeat(level));

      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }

  return chunks.join("");
};

/**
 * Converts a JavaScript value to a JSON string.
 *
 * Supports serialization of BigInt values using two strategies:
 * 1. Custom format "123n" → "123" (universal fallback)
 * 2. Native JSON.rawJSON() (Node.js 22+, fastest) when available
 *
 * All other values are serialized exactly like native JSON.stringify().
 *
 * @param {*} value The value to convert to a JSON string.
 * @param {Replacer | Array<string | number> | null} [replacer]
 * A function that alters the behavior of the stringification process,
 * or an array of strings/numbers to indicate properties to exclude.
 * @param {string | number} [space]
 * A string or number to specify indentation or pretty-printing.
 * @returns {string} The JSON string representation.
 */
const JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;

    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());

          const hasFunctionReplacer = typeof replacer === "function";

          if (hasFunctionReplacer) return replacer(key, val);

          const isKeyInArrayReplacer =
            Array.isArray(replacer) && replacer.includes(key);

          if (isKeyInArrayReplacer) return val;

          return val;
        },
        space,
      );
    }

    if (!value) return originalStringify(value, replacer, space);

    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);

        if (isNoise) return val.toString() + "n"; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

        if (typeof val === "bigint") return val.toString() + "n";

        const hasFunctionReplacer = typeof replacer === "function";

        if (hasFunctionReplacer) return replacer(key, val);

        const isKeyInArrayReplacer =
          Array.isArray(replacer) && replacer.includes(key);

        if (isKeyInArrayReplacer) return val;

        return val;
      },
      space,
    );

    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3",
    ); // Delete one "n" off the end of every BigInt value

    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3"); // Remove one "n" off the end of every noisy string

    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);

      if (convertedJSON === undefined) return undefined;

      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return convertedJSON;

      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");

      return processedJSON.replace(noiseStringify, "$1$2$3");
    }

    throw error;
  }
};

const featureCache = new Map();

/**
 * Detects if the current JSON.parse implementation supports the context.source feature.
 *
 * Uses toString() fingerprinting to cache results and automatically detect runtime
 * replacements of JSON.parse (polyfills, mocks, etc.).
 *
 * @returns {boolean} true if context.source is supported, false otherwise.
 */
const isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();

  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }

  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1",
    );
    featureCache.set(parseFingerprint, result);

    return result;
  } catch {
    featureCache.set(parseFingerprint, false);

    return false;
  }
};

/**
 * Reviver function that converts custom-format BigInt strings back to BigInt values.
 * Also handles "noise" strings that accidentally match the BigInt format.
 *
 * @param {string | number | undefined} key The object key.
 * @param {*} value The value being parsed.
 * @param {object} [context] Parse context (if supported by JSON.parse).
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The transformed value.
 */
const convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt =
    typeof value === "string" && customFormat.test(value);

  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));

  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);

  const hasUserReviver = typeof userReviver === "function";

  if (!hasUserReviver) return value;

  return userReviver(key, value, context);
};

/**
 * Fast JSON.parse implementation (~2x faster than classic fallback).
 * Uses JSON.parse's context.source feature to detect integers and convert
 * large numbers directly to BigInt without string manipulation.
 *
 * Does not support legacy custom format from v1 of this library.
 *
 * @param {string} text JSON string to parse.
 * @param {Reviver} [reviver] Transform function to apply to each value.
 * @returns {any} Parsed JavaScript value.
 */
const JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds =
      value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;

    if (isBigInt) return BigInt(context.source);

    const hasCustomReviver = typeof reviver === "function";

    if (!hasCustomReviver) return value;

    return reviver(key, value, context);
  });
};

const MAX_INT = Number.MAX_SAFE_INTEGER.toString();
const MAX_DIGITS = MAX_INT.length;
const stringsOrLargeNumbers =
  /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
const noiseValueWithQuotes = /^"-?\d+n+"$/; // Noise - strings that match the custom format before being converted to it

/**
 * Iteratively traverses the parsed object bottom-up (post-order),
 * emulating the native JSON.parse reviver behavior.
 * This avoids Call Stack overflows (RangeError) on deeply nested structures.
 *
 * @param {any} parsed The natively parsed JSON object.
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The fully processed object.
 */
const applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (!node.visited) {
      node.visited = true;

      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";

      if (isComplexObject) {
        const keys = Object.keys(value);

        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];

      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);

        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);

          if (isNoise) value = value.slice(0, -1);
        }
      }

      const hasUserReviver = typeof userReviver === "function";

      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }

      const isDeleted = value === undefined;

      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }

      stack.pop();
    }
  }

  return rootHolder[""];
};

/**
 * Pre-processes the JSON string to mark large numbers with an 'n' suffix.
 *
 * @param {string} text The raw JSON string.
 * @returns {string} The serialized string with marked BigInts.
 */
const serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);

      if (isNoise) return match.substring(0, match.length - 1) + 'n"'; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

      const hasFractionalOrExponential = fractional || exponential;

      // With a fixed number of digits, we can correctly use lexicographical comparison to do a numeric comparison
      const isLessThanMaxSafeInt =
        digits &&
        (digits.length < MAX_DIGITS ||
          (digits.length === MAX_DIGITS && digits <= MAX_INT));

      const isStandardValue =
        isString || hasFractionalOrExponential || isLessThanMaxSafeInt;

      if (isStandardValue) return match;

      return '"' + match + 'n"';
    },
  );
};

/**
 * Converts a JSON string into a JavaScript value.
 *
 * Supports parsing of large integers using two strategies:
 * 1. Classic fallback: Marks large numbers with "123n" format, then converts to BigInt
 * 2. Fast path (JSONParseV2): Uses context.source feature (~2x faster) when available
 *
 * All other JSON values are parsed exactly like native JSON.parse().
 *
 * @param {string} text A valid JSON string.
 * @param {Reviver} [reviver]
 * A function that transforms the results. This function is called for each member
 * of the object. If a member contains nested objects, the nested objects are
 * transformed before the parent object is.
 * @returns {any} The parsed JavaScript value.
 * @throws {SyntaxError} If text is not valid JSON.
 */
const JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);

  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver); // Shortcut to a faster (2x) and simpler version

    // Find and mark big numbers with "n"
    const serializedData = serializeBigInts(text);

    return originalParse(serializedData, (key, value, context) =>
      convertMarkedBigIntsReviver(key, value, context, reviver),
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);

      return applyReviverIteratively(parsed, reviver);
    }

    throw error;
  }
};



;// CONCATENATED MODULE: ../../node_modules/.pnpm/@octokit+request-error@7.1.2/node_modules/@octokit/request-error/dist-src/index.js
class RequestError extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    /* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist */
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
}


;// CONCATENATED MODULE: ../../node_modules/.pnpm/@octokit+request@10.0.16/node_modules/@octokit/request/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var dist_bundle_VERSION = "10.0.16";

// pkg/dist-src/defaults.js
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${dist_bundle_VERSION} ${getUserAgent()}`
  }
};

// pkg/dist-src/fetch-wrapper.js



// pkg/dist-src/is-plain-object.js
function dist_bundle_isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/fetch-wrapper.js

var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = dist_bundle_isPlainObject(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = dist_parse(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}

// pkg/dist-src/with-defaults.js
function dist_bundle_withDefaults(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: dist_bundle_withDefaults.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: dist_bundle_withDefaults.bind(null, endpoint2)
  });
}

// pkg/dist-src/index.js
var request = dist_bundle_withDefaults(endpoint, defaults_default);

/* v8 ignore next -- @preserve */
/* v8 ignore else -- @preserve */

;// CONCATENATED MODULE: ../../node_modules/.pnpm/@octokit+graphql@9.0.5/node_modules/@octokit/graphql/dist-bundle/index.js
// pkg/dist-src/index.js



// pkg/dist-src/version.js
var graphql_dist_bundle_VERSION = "0.0.0-development";

// pkg/dist-src/with-defaults.js


// pkg/dist-src/graphql.js


// pkg/dist-src/error.js
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};

// pkg/dist-src/graphql.js
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}

// pkg/dist-src/with-defaults.js
function graphql_dist_bundle_withDefaults(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: graphql_dist_bundle_withDefaults.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}

// pkg/dist-src/index.js
var graphql2 = graphql_dist_bundle_withDefaults(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${graphql_dist_bundle_VERSION} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return graphql_dist_bundle_withDefaults(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

/* v8 ignore if -- @preserve */

;// CONCATENATED MODULE: ../../node_modules/.pnpm/@octokit+auth-token@6.0.0/node_modules/@octokit/auth-token/dist-bundle/index.js
// pkg/dist-src/is-jwt.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);

// pkg/dist-src/auth.js
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}

// pkg/dist-src/with-authorization-prefix.js
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}

// pkg/dist-src/hook.js
async function hook(token, request, route, parameters) {
  const endpoint = request.endpoint.merge(
    route,
    parameters
  );
  endpoint.headers.authorization = withAuthorizationPrefix(token);
  return request(endpoint);
}

// pkg/dist-src/index.js
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};


;// CONCATENATED MODULE: ../../node_modules/.pnpm/@octokit+core@7.0.8/node_modules/@octokit/core/dist-src/version.js
const version_VERSION = "7.0.8";


;// CONCATENATED MODULE: ../../node_modules/.pnpm/@octokit+core@7.0.8/node_modules/@octokit/core/dist-src/index.js






const dist_src_noop = () => {
};
const consoleWarn = console.warn.bind(console);
const consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = dist_src_noop;
  }
  if (typeof logger.info !== "function") {
    logger.info = dist_src_noop;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
const userAgentTrail = `octokit-core.js/${version_VERSION} ${getUserAgent()}`;
class Octokit {
  static VERSION = version_VERSION;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook = new before_after_hook.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth = createTokenAuth(options.auth);
        hook.wrap("request", auth.hook);
        this.auth = auth;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook.wrap("request", auth.hook);
      this.auth = auth;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
}



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
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
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
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(935);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
