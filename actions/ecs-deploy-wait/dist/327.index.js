export const id = 327;
export const ids = [327];
export const modules = {

/***/ 2327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   summaryMarkdown: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7687);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4792);
/* harmony import */ var _taskdef_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(247);



const HEADLINES = {
    succeeded: 'deployed',
    unchanged: 'unchanged (nothing deployed)',
    'rolled-back': 'FAILED and rolled back',
    superseded: 'SUPERSEDED by a newer deployment (not rolled back)',
    failed: 'FAILED',
    'timed-out': 'TIMED OUT',
};
const ROLLED_BACK_BY = { ecs: 'by ECS', action: 'by this step', codedeploy: 'by CodeDeploy' };
/** The job summary: what was deployed, how it ended, and on failure why. */
function summaryMarkdown(result) {
    const headline = result.cancelled ? 'CANCELLED' : (HEADLINES[result.status ?? ''] ?? 'unknown');
    const version = result.images.map((image) => (0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .imageVersion */ .K9)(image)).find((v) => v !== undefined);
    const rows = [
        ['Service', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(`${result.cluster}/${result.service}`)],
        ['Version', version ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(version) : '(no tag)'],
        ['Image', result.images.map((image) => (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(image)).join('<br>') || '(unknown)'],
        [
            'Task definition',
            result.taskDefinitionArn ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)((0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .shortTaskDefinition */ .P5)(result.taskDefinitionArn)) : '(not registered)',
        ],
        [
            'Previous task definition',
            result.previousTaskDefinitionArn ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)((0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .shortTaskDefinition */ .P5)(result.previousTaskDefinitionArn)) : '(none)',
        ],
        [
            result.codedeployDeploymentId ? 'CodeDeploy deployment' : 'Deployment',
            result.deploymentId ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.deploymentId) : '(none)',
        ],
        ['Duration', durationCell(result)],
        ['Final state', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(result.finalState)],
        ['Status', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.status ?? 'cancelled')],
        ['Console', `[deployments of ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(result.service)}](${result.consoleUrl})`],
    ];
    if (result.rollback) {
        rows.push([
            'Rollback',
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(`${ROLLED_BACK_BY[result.rollback.by]} to ${(0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .shortTaskDefinition */ .P5)(result.rollback.taskDefinitionArn)}: ${result.rollback.steady ? 'steady' : 'not steady'}`),
        ]);
    }
    const parts = [`### ECS deploy ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(result.service)}: ${headline}`, '', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['', ''], rows)];
    if (result.status !== 'succeeded' && result.status !== 'unchanged') {
        parts.push('', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(result.message));
    }
    if (result.serviceSettings) {
        parts.push('', '#### Service settings', '', result.serviceSettings.length === 0
            ? 'The service definition matched the running service: no setting changed.'
            : ['```diff', ...result.serviceSettings.map((line) => line.replace(/^~/, '!')), '```'].join('\n'));
    }
    const cleanup = result.revisionsCleanup;
    if (cleanup) {
        const names = (arns) => arns.map((arn) => (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)((0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .shortTaskDefinition */ .P5)(arn))).join(', ') || 'none';
        parts.push('', `Revisions deregistered (keep-revisions): ${names(cleanup.deregistered)}` +
            (cleanup.kept.length > 0
                ? `; kept ${cleanup.kept.map((k) => `${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)((0,_taskdef_js__WEBPACK_IMPORTED_MODULE_2__/* .shortTaskDefinition */ .P5)(k.arn))} (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(k.why)})`).join(', ')}`
                : '') +
            (cleanup.error ? `; stopped: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(cleanup.error)}` : ''));
    }
    const findings = result.preflight?.findings ?? [];
    if (findings.length > 0) {
        parts.push('', '#### Preflight findings', '', ...findings.map((finding) => `- ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(finding)}`));
    }
    if (result.stoppedTasks.length > 0) {
        parts.push('', '#### Stopped tasks', '', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['Task', 'Stop code', 'Reason', 'Containers'], result.stoppedTasks.map((task) => [
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(task.taskId),
            task.stopCode ?? '',
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(task.stoppedReason ?? ''),
            (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(task.containers
                .map((c) => `${c.name}: exit ${c.exitCode ?? 'none'}${c.reason ? ` (${c.reason})` : ''}`)
                .join('\n')),
        ])));
        const logs = (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .containerLogsMarkdown */ .WJ)(result.stoppedTasks);
        if (logs.length > 0)
            parts.push('', '#### Last log lines', '', ...logs);
    }
    return parts.join('\n');
}
/** How long the step took, beside the least time the preflight predicted for the rollout. */
function durationCell(result) {
    const took = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Math.round(result.durationMs / 1000) * 1000);
    const predicted = result.preflight?.predictedMs;
    return predicted === undefined ? took : `${took} (predicted at least ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(predicted)})`;
}


/***/ }),

/***/ 247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__.K9),
/* harmony export */   P5: () => (/* reexport safe */ _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__.P5)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4792);
// The rendered task definition (reading, comparing, naming) lives in core, shared with ecs-run-task.



/***/ })

};
