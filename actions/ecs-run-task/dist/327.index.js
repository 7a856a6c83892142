export const id = 327;
export const ids = [327];
export const modules = {

/***/ 2327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   summaryMarkdown: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(785);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9530);


/** The job summary: the task definition, how the step ended, and one row per task with its containers. */
function summaryMarkdown(result) {
    const head = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['', ''], [
        ['Task definition', result.taskDefinitionArn ? (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.taskDefinitionArn) : '(none)'],
        ['Cluster', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.cluster)],
        ['Status', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(result.status)],
        ['Exit code', result.exitCode === undefined ? '(none)' : (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(String(result.exitCode))],
        ['Duration', (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Math.round(result.durationMs / 1000) * 1000)],
    ]);
    const tasks = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownTable */ .Qj)(['Task', 'Last status', 'Stop code', 'Stopped reason', 'Containers (exit code)'], result.tasks.map((task) => [
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(task.id),
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(task.lastStatus),
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(task.stopCode ?? ''),
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(task.stoppedReason ?? ''),
        (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(task.containers.map((c) => `${c.name}: ${c.exitCode ?? '-'}`).join(', ')),
    ]));
    const logs = (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .containerLogsMarkdown */ .WJ)(result.tasks.map((task) => ({ taskId: task.id, ...(task.logs ? { logs: task.logs } : {}) })));
    return `### ECS run task: ${result.status}\n\n${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownCell */ .UZ)(result.message)}\n\n${head}\n\n${result.tasks.length > 0 ? `${tasks}\n` : ''}${logs.length > 0 ? `\n#### Last log lines\n\n${logs.join('\n')}\n` : ''}`;
}


/***/ })

};
