export const id = 470;
export const ids = [470];
export const modules = {

/***/ 3470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   configPlatform: () => (/* binding */ configPlatform)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The platform of a single-platform image: its manifest names none, its config blob does. The blob is read as ECS's
 * pull reads it: ecr:GetDownloadUrlForLayer for the manifest's `config.digest`, then a GET of the URL ECR answers (a
 * pre-signed S3 URL). The blob must hash to its digest and be an image config with `os` and `architecture`; anything
 * else (a denied or failed read, another body) is one note, never a finding. The URL carries a credential: it never
 * reaches a note or a log. Loaded only for a single-platform image (a chunk of its own: type imports only).
 */

/** A config is a few KB; more than this is not one (and is not read further). */
const CONFIG_LIMIT_BYTES = 1024 * 1024;
/** The os/architecture of a single-platform image manifest's config, or undefined (with a note) when unread. */
async function configPlatform(ref, manifest, clients, reads) {
    const ecr = ref.ecr;
    const digest = configDigestOf(manifest);
    if (!ecr || !digest)
        return undefined;
    const unchecked = `the platform of image ${ref.text}`;
    const { GetDownloadUrlForLayerCommand } = await Promise.all(/* import() */[__webpack_require__.e(81), __webpack_require__.e(613)]).then(__webpack_require__.t.bind(__webpack_require__, 8613, 19));
    const client = await clients.ecr(ecr.region);
    const answer = await reads.attempt('ecr:GetDownloadUrlForLayer', unchecked, (options) => client.send(new GetDownloadUrlForLayerCommand({
        registryId: ecr.account,
        repositoryName: ecr.repository,
        layerDigest: digest,
    }), options));
    const url = answer && 'downloadUrl' in answer ? answer.downloadUrl : undefined;
    if (!url)
        return undefined;
    const platform = await reads.attempt('the download of its config blob', unchecked, ({ abortSignal }) => downloadConfig(url, digest, abortSignal));
    return platform && 'os' in platform ? platform : undefined;
}
/** The manifest's config digest, when it is a single-platform image manifest (Docker v2 or OCI). */
function configDigestOf(manifest) {
    try {
        const parsed = JSON.parse(manifest ?? '');
        if (parsed.manifests !== undefined)
            return undefined;
        const digest = parsed.config?.digest;
        return typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
    }
    catch {
        return undefined;
    }
}
async function downloadConfig(url, digest, signal) {
    const protocol = URL.canParse(url) ? new URL(url).protocol : '';
    if (protocol !== 'https:' && protocol !== 'http:')
        throw failure('UnexpectedUrl', 'ECR answered no HTTP URL');
    // A failed fetch names no URL in its message; the answer's status is all that is kept. A pre-signed S3 URL answers
    // the blob itself: a redirect is not followed (it is an HTTP 3xx note), so no other host is ever asked.
    const response = await fetch(url, { signal, redirect: 'manual' });
    if (!response.ok) {
        await response.body?.cancel();
        throw failure(`HTTP${response.status}`, `the download answered HTTP ${response.status}`);
    }
    const body = await readBounded(response);
    if (`sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')}` !== digest) {
        throw failure('DigestMismatch', `the blob does not hash to ${digest}`);
    }
    let config;
    try {
        config = JSON.parse(body.toString('utf8'));
    }
    catch {
        throw failure('NotAConfig', 'the blob is not JSON');
    }
    if (typeof config?.os !== 'string' || typeof config.architecture !== 'string') {
        throw failure('NotAConfig', 'the blob names no os and architecture');
    }
    return { os: config.os, architecture: config.architecture };
}
/** The body, read only up to CONFIG_LIMIT_BYTES: a larger blob is not an image config. */
async function readBounded(response) {
    const chunks = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > CONFIG_LIMIT_BYTES) {
            await response.body?.cancel().catch(() => undefined);
            throw failure('TooLarge', `the blob is over ${CONFIG_LIMIT_BYTES} bytes, not an image config`);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
function failure(name, message) {
    const error = new Error(message);
    error.name = name;
    return error;
}


/***/ })

};
