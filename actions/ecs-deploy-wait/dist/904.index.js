export const id = 904;
export const ids = [904];
export const modules = {

/***/ 5904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planDeploy: () => (/* binding */ planDeploy)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1234);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(785);
/* harmony import */ var _ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9530);
/* harmony import */ var _preflight_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6642);
/* harmony import */ var _preflight_preflight_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5934);
/* harmony import */ var _register_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7710);
/* harmony import */ var _service_definition_diff_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6708);
/* harmony import */ var _taskdef_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(247);
/* harmony import */ var _verify_verify_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2216);
/**
 * The plan (input `dry-run: true`): what a deploy would do, with reads only. The preflight, verify, the task
 * definition's diff against what the service runs, the service settings' diff, and the predicted rollout time;
 * nothing is registered, updated or tagged. The plan goes to the log, the job summary and the `plan` output.
 */









async function planDeploy(session, before, limits, base) {
    const { inputs, log } = session;
    const resolved = await (0,_register_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveTaskDefinition */ .Fh)(session, before, limits());
    const [preflight, verified, changes] = await Promise.all([
        (0,_preflight_preflight_js__WEBPACK_IMPORTED_MODULE_3__/* .runPreflight */ .h)(session, before, limits()),
        (0,_verify_verify_js__WEBPACK_IMPORTED_MODULE_7__/* .runVerify */ .R)(session, before, limits()),
        taskDefinitionChanges(session, before, limits()),
    ]);
    const taskDefinitionDiff = changes && changes.length > 0 ? (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .formatDiff */ .Vs)(changes) : changes && [];
    const definition = inputs.serviceDefinition;
    const settings = definition ? (0,_service_definition_diff_js__WEBPACK_IMPORTED_MODULE_5__/* .serviceSettingsDiff */ .c)(definition.settings, before) : undefined;
    const verifyFindings = verified?.lines ?? [];
    const prediction = preflight?.prediction;
    const target = resolved.deployArn
        ? (0,_taskdef_js__WEBPACK_IMPORTED_MODULE_6__/* .shortTaskDefinition */ .P5)(resolved.deployArn)
        : 'a new revision (registered by the deploy)';
    const failing = (verified?.report.findings ?? []).filter((finding) => finding.certain).length;
    const message = `Dry run: would deploy ${target} to ${inputs.service}` +
        (changes ? ` (${changes.length} task definition change${changes.length === 1 ? '' : 's'})` : '') +
        (settings?.length ? `, with ${settings.length} service setting change${settings.length === 1 ? '' : 's'}` : '') +
        (prediction ? `; a rollout takes at least ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(prediction.leastMs)}` : '') +
        (failing > 0 ? `; verify found ${failing} problem${failing === 1 ? '' : 's'} that would fail it` : '') +
        '. Nothing was registered, updated or tagged.';
    const markdown = planMarkdown({
        service: inputs.service,
        from: before.taskDefinition ? (0,_taskdef_js__WEBPACK_IMPORTED_MODULE_6__/* .shortTaskDefinition */ .P5)(before.taskDefinition) : 'none',
        target,
        taskDefinitionDiff,
        settings,
        prediction: prediction?.text,
        verified,
        preflight,
    });
    log.info(message);
    if (taskDefinitionDiff?.length)
        log.info(`Task definition changes:\n${taskDefinitionDiff.map((l) => `  ${l}`).join('\n')}`);
    return {
        known: {
            ...base,
            previousTaskDefinitionArn: before.taskDefinition,
            ...(resolved.deployArn ? { taskDefinitionArn: resolved.deployArn } : {}),
            images: resolved.images,
            ...(preflight
                ? {
                    preflight: {
                        findings: preflight.findings.map(_preflight_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .findingLine */ .mC),
                        ...(prediction ? { predictedMs: prediction.leastMs, prediction: prediction.text } : {}),
                    },
                }
                : {}),
            ...(settings ? { serviceSettings: settings } : {}),
            ...(verified ? { verify: { findings: verifyFindings, notes: verified.report.notes } } : {}),
        },
        message,
        markdown,
    };
}
/** The changes from the running task definition to the one to deploy; undefined when unreadable. */
async function taskDefinitionChanges(session, before, limits) {
    const { deps, inputs } = session;
    const describe = async (taskDefinition) => {
        const answer = await session.bounded('DescribeTaskDefinition', (o) => deps.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__.DescribeTaskDefinitionCommand({ taskDefinition }), o), limits);
        return (answer.taskDefinition ?? {});
    };
    if (!before.taskDefinition)
        return undefined;
    try {
        const source = inputs.taskDefinition;
        const [running, next] = await Promise.all([
            describe(before.taskDefinition),
            source.kind === 'file'
                ? Promise.resolve(source.rendered.request)
                : describe(source.arn),
        ]);
        return (0,_ecs_actions_core_ecs__WEBPACK_IMPORTED_MODULE_1__/* .diffTaskDefinitions */ .n2)(running, next);
    }
    catch (error) {
        if (session.cancelled)
            throw error;
        return undefined;
    }
}
/** The plan as Markdown: changes first, then the time it takes, then what may stop it. */
function planMarkdown(plan) {
    return [
        `#### Plan for ${plan.service} (dry run: nothing was changed)`,
        '',
        `Task definition: ${plan.from} → ${plan.target}`,
        '',
        '##### Task definition changes',
        '',
        ...(plan.taskDefinitionDiff === undefined
            ? ['(not compared: the running task definition could not be read)']
            : plan.taskDefinitionDiff.length === 0
                ? ['No change.']
                : diffBlock(plan.taskDefinitionDiff)),
        '',
        '##### Service settings',
        '',
        ...(plan.settings === undefined
            ? ['No service definition given: the settings stay as they are.']
            : plan.settings.length === 0
                ? ['No change.']
                : diffBlock(plan.settings.map((line) => line.replace(/^~/, '!')))),
        '',
        '##### Predicted rollout time',
        '',
        plan.prediction ?? '(no prediction: not a rolling update, or preflight is off)',
        '',
        '##### Verify',
        '',
        ...(plan.verified === undefined
            ? ['(verify is off)']
            : plan.verified.lines.length === 0
                ? ['No findings.']
                : plan.verified.lines.map((line) => `- ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(line)}`)),
        ...(plan.verified?.report.notes.length
            ? ['', ...plan.verified.report.notes.map((note) => `- ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(note)}`)]
            : []),
        '',
        '##### Preflight',
        '',
        ...(plan.preflight === undefined
            ? ['(preflight is off)']
            : plan.preflight.findings.length === 0
                ? ['No findings.']
                : plan.preflight.findings.map((finding) => `- ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)((0,_preflight_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .findingLine */ .mC)(finding))}`)),
    ].join('\n');
}
/**
 * Diff lines in a ```diff block they cannot leave: names and values come from the task and service definition files
 * (a pull request's, in the plan starter), so a line break in one becomes a space and the fence is longer than any
 * run of backticks in them.
 */
function diffBlock(lines) {
    const flat = lines.map((line) => line.replace(_ecs_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .CONTROL_CHARACTERS */ .nI, ' '));
    const longest = Math.max(0, ...flat.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return [`${fence}diff`, ...flat, fence];
}


/***/ })

};
