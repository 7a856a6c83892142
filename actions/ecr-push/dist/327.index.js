export const id = 327;
export const ids = [327];
export const modules = {

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


/***/ }),

/***/ 2327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   summaryMarkdown: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(699);
/* harmony import */ var _scan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4558);


const ACTION_TEXT = { pushed: 'pushed', skipped: 'already there, skipped', moved: 'moved to this image' };
/** The step summary: the outputs, what happened to each tag, and the scan when there was one. */
function summaryMarkdown(result) {
    const lines = [
        `### ecr-push ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.image)}`,
        '',
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['Output', 'Value'], [
            ['registry', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.registry)],
            ['repository-uri', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.repositoryUri)],
            ['image', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.image)],
            ['digest', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.digest)],
            ['image-with-digest', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.imageWithDigest)],
            ['tags', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(JSON.stringify(result.tags))],
        ]),
        '',
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['Tag', 'Result'], result.tagResults.map((tag) => [
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(tag.tag),
            [
                ACTION_TEXT[tag.action],
                tag.previousDigest ? ` (was ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(tag.previousDigest)})` : '',
                tag.via ? `, by ${tag.via === 'PutImage' ? 'ECR PutImage, no layers sent' : 'docker push'}` : '',
            ].join(''),
        ])),
    ];
    if (result.repositoryCreated)
        lines.push('', 'The repository was created by this step.');
    if (result.scan) {
        const severities = [
            ..._scan_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ORDER */ .B,
            ...Object.keys(result.scan.counts).filter((s) => !_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ORDER */ .B.includes(s)),
        ];
        lines.push('', `#### Image scan: ${result.scan.status}, ${(0,_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCounts */ .gM)(result.scan.counts)}`, '', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(severities, [severities.map((severity) => String(result.scan?.counts[severity] ?? 0))]));
        const top = result.scan.findings.slice(0, 10);
        if (top.length > 0)
            lines.push('', ...top.map((finding) => `- ${(0,_scan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatFinding */ .tf)(finding)}`));
    }
    if (result.failure)
        lines.push('', `**Failed:** ${result.failure.split('\n')[0]}`);
    return lines.join('\n');
}


/***/ })

};
