export const id = 462;
export const ids = [462];
export const modules = {

/***/ 462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exitCodeOf: () => (/* binding */ exitCodeOf),
/* harmony export */   runTask: () => (/* binding */ runTask),
/* harmony export */   taskProblem: () => (/* binding */ taskProblem)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1234);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3642);
/**
 * Runs one-off ECS tasks and follows them to STOPPED: RunTask (its failures array is an error, nothing is left
 * running), DescribeTasks every poll interval (a line per status change), and StopTask on timeout or cancel.
 */



/** DescribeTasks polls that may fail in a row (after the SDK's own retries) before the step gives up. */
const MAX_FAILED_POLLS = 5;
const taskId = (arn) => arn.slice(arn.lastIndexOf('/') + 1);
/** What a RunTask failure reason means (developer guide, "Amazon ECS API failure reasons"). */
const FAILURE_HINTS = {
    MISSING: 'the cluster or a resource it needs was not found; check cluster and region',
    AGENT: 'the container instance it chose has a disconnected ECS agent',
    'RESOURCE:MEMORY': 'no container instance has the memory the task definition asks for; check the capacity provider',
    'RESOURCE:CPU': 'no container instance has the CPU the task definition asks for; check the capacity provider',
    'RESOURCE:PORTS': 'the ports the task needs are taken on every container instance',
    'RESOURCE:ENI': 'no container instance has an elastic network interface left for an awsvpc task',
    ATTRIBUTE: 'no container instance has an attribute the task definition requires',
};
function explainCall(action, resource, region, call) {
    return call().catch((error) => {
        throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .explainAccessError */ .Qz)(error, { action, resource, region }) ?? error;
    });
}
/** The network settings of the task: the service's, with the inputs set winning. */
async function placement(inputs, deps, awsvpc) {
    let network;
    let launchType;
    let capacityProviderStrategy;
    let platformVersion;
    if (inputs.service) {
        const service = inputs.service;
        const answer = await explainCall('ecs:DescribeServices', service, deps.region, () => deps.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeServicesCommand({ cluster: inputs.cluster, services: [service] })));
        const found = answer.services?.find((candidate) => candidate.status !== 'INACTIVE');
        if (!found) {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "service": service ${JSON.stringify(service)} was not found in cluster ${JSON.stringify(inputs.cluster)} (region ${deps.region}). Check service and cluster, or set subnets and security-groups instead.`);
        }
        // Only an awsvpc task takes a network configuration (ECS refuses one for bridge or host networking).
        network = awsvpc ? found.networkConfiguration : undefined;
        launchType = found.capacityProviderStrategy?.length ? undefined : found.launchType;
        capacityProviderStrategy = found.capacityProviderStrategy?.length ? found.capacityProviderStrategy : undefined;
        platformVersion = found.platformVersion && found.platformVersion !== 'LATEST' ? found.platformVersion : undefined;
    }
    if (inputs.subnets.length > 0 || inputs.securityGroups.length > 0 || inputs.assignPublicIp) {
        const base = network?.awsvpcConfiguration;
        const subnets = inputs.subnets.length > 0 ? inputs.subnets : (base?.subnets ?? []);
        const securityGroups = inputs.securityGroups.length > 0 ? inputs.securityGroups : base?.securityGroups;
        const assignPublicIp = inputs.assignPublicIp ?? base?.assignPublicIp;
        network = {
            awsvpcConfiguration: {
                subnets,
                ...(securityGroups?.length ? { securityGroups } : {}),
                ...(assignPublicIp ? { assignPublicIp } : {}),
            },
        };
    }
    if (inputs.launchType) {
        launchType = inputs.launchType;
        capacityProviderStrategy = undefined;
    }
    return {
        ...(network ? { networkConfiguration: network } : {}),
        ...(launchType ? { launchType } : {}),
        ...(capacityProviderStrategy ? { capacityProviderStrategy } : {}),
        ...(platformVersion ? { platformVersion } : {}),
    };
}
function outcome(task, essentials) {
    const arn = task.taskArn ?? '';
    return {
        arn,
        id: taskId(arn),
        lastStatus: task.lastStatus ?? 'UNKNOWN',
        stopCode: task.stopCode,
        stoppedReason: task.stoppedReason,
        containers: (task.containers ?? []).map((container) => ({
            name: container.name ?? '',
            essential: essentials.get(container.name ?? '') ?? true,
            exitCode: container.exitCode,
            reason: container.reason,
        })),
    };
}
/** The essential container's exit code: the first non-zero one, else the first one known. */
function exitCodeOf(tasks) {
    const codes = tasks.flatMap((task) => task.containers.filter((c) => c.essential && c.exitCode !== undefined).map((c) => c.exitCode));
    return codes.find((code) => code !== 0) ?? codes[0];
}
/** Why a stopped task failed, or undefined when every essential container exited 0. */
function taskProblem(task) {
    const essentials = task.containers.filter((c) => c.essential);
    const bad = essentials.filter((c) => c.exitCode !== 0);
    if (task.stopCode === 'EssentialContainerExited' && essentials.length > 0 && bad.length === 0)
        return undefined;
    const containers = bad
        .map((c) => `container ${c.name} ${c.exitCode === undefined ? 'has no exit code' : `exited ${c.exitCode}`}${c.reason ? ` (${c.reason})` : ''}`)
        .join(', ');
    return `task ${task.id} stopped (${task.stopCode ?? 'no stop code'}: ${task.stoppedReason ?? 'no reason given'})${containers ? `: ${containers}` : ''}`;
}
async function runTask(inputs, deps) {
    const { ecs, log, clock, region } = deps;
    const started = clock.now();
    // The task definition first: it must exist, and it says which containers are essential and their names.
    const described = await explainCall('ecs:DescribeTaskDefinition', inputs.taskDefinition, region, () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTaskDefinitionCommand({ taskDefinition: inputs.taskDefinition }))).catch((error) => {
        if (error instanceof _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1)
            throw error;
        if (error.name === 'ClientException') {
            throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "task-definition-arn": ${JSON.stringify(inputs.taskDefinition)} was not found in region ${region} (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}). Use the ARN or family:revision of a registered revision.`);
        }
        throw error;
    });
    const definition = described.taskDefinition;
    const taskDefinitionArn = definition?.taskDefinitionArn ?? inputs.taskDefinition;
    const essentials = new Map((definition?.containerDefinitions ?? []).map((c) => [c.name ?? '', c.essential !== false]));
    if (inputs.containerOverride && !essentials.has(inputs.containerOverride.name)) {
        throw new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "container-name": ${JSON.stringify(inputs.containerOverride.name)} is not a container of ${taskDefinitionArn}. Its containers: ${[...essentials.keys()].join(', ')}.`);
    }
    const where = await placement(inputs, deps, (definition?.networkMode ?? 'awsvpc') === 'awsvpc');
    const request = {
        cluster: inputs.cluster,
        taskDefinition: taskDefinitionArn,
        count: inputs.count,
        startedBy: inputs.startedBy,
        clientToken: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        ...where,
        ...(inputs.containerOverride ? { overrides: { containerOverrides: [inputs.containerOverride] } } : {}),
        ...(inputs.tags.length > 0 ? { tags: inputs.tags } : {}),
    };
    if (deps.signal?.aborted) {
        // Cancelled before anything was started: nothing to stop.
        return {
            cluster: inputs.cluster,
            taskDefinitionArn,
            taskArns: [],
            status: 'cancelled',
            message: 'The job was cancelled before RunTask; no task was started.',
            exitCode: undefined,
            tasks: [],
            durationMs: clock.now() - started,
        };
    }
    const answer = await explainCall('ecs:RunTask', inputs.cluster, region, () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.RunTaskCommand(request)));
    const taskArns = (answer.tasks ?? []).map((task) => task.taskArn ?? '').filter((arn) => arn !== '');
    const failures = answer.failures ?? [];
    const base = { cluster: inputs.cluster, taskDefinitionArn, taskArns };
    const stopAll = async (arns, reason) => {
        for (const arn of arns) {
            try {
                await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.StopTaskCommand({ cluster: inputs.cluster, task: arn, reason }));
                log.info(`Stopped task ${taskId(arn)} (StopTask): ${reason}`);
            }
            catch (error) {
                log.warning(`StopTask of ${arn} failed: ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}. Stop it in the ECS console.`);
            }
        }
    };
    if (failures.length > 0) {
        // Part of the count may have started: stop those, so that a half-run job is not left behind.
        await stopAll(taskArns, 'ecs-run-task: RunTask could not start every task');
        const reasons = failures
            .map((f) => {
            const hint = FAILURE_HINTS[f.reason ?? ''] ?? FAILURE_HINTS[(f.reason ?? '').split(':')[0] ?? ''];
            return `${f.reason ?? 'unknown reason'} (${f.arn ?? 'no arn'})${f.detail ? ` ${f.detail}` : ''}${hint ? `: ${hint}` : ''}`;
        })
            .join('; ');
        return {
            ...base,
            status: 'failed',
            message: `RunTask of ${taskDefinitionArn} in cluster ${inputs.cluster} could not start ${failures.length} of ${inputs.count} tasks: ${reasons}.${taskArns.length > 0 ? ` The ${taskArns.length} started were stopped.` : ''}`,
            exitCode: undefined,
            tasks: [],
            durationMs: clock.now() - started,
        };
    }
    log.info(`Started ${taskArns.map(taskId).join(', ')} of ${taskDefinitionArn} in cluster ${inputs.cluster}.`);
    if (!inputs.wait) {
        return {
            ...base,
            status: 'started',
            message: `Started ${taskArns.length} task(s) of ${taskDefinitionArn}; not waiting for them (wait: false).`,
            exitCode: undefined,
            tasks: (answer.tasks ?? []).map((task) => outcome(task, essentials)),
            durationMs: clock.now() - started,
        };
    }
    // Follow every task to STOPPED.
    const seen = new Map();
    let latest = (answer.tasks ?? []).map((task) => outcome(task, essentials));
    for (const task of latest) {
        seen.set(task.arn, task.lastStatus);
        log.info(`task ${task.id}: ${task.lastStatus}`);
    }
    const deadline = started + inputs.timeoutMs;
    const describeTasks = () => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__.DescribeTasksCommand({ cluster: inputs.cluster, tasks: taskArns }));
    let failedPolls = 0;
    let ending;
    while (latest.some((task) => task.lastStatus !== 'STOPPED')) {
        if (deps.signal?.aborted) {
            ending = 'cancelled';
            break;
        }
        if (clock.now() >= deadline) {
            ending = 'timed-out';
            break;
        }
        try {
            await deps.sleep(Math.min(inputs.pollIntervalMs, Math.max(0, deadline - clock.now())), deps.signal);
        }
        catch (error) {
            if (deps.signal?.aborted) {
                ending = 'cancelled';
                break;
            }
            throw error;
        }
        let described;
        try {
            described = await describeTasks();
            failedPolls = 0;
        }
        catch (error) {
            // The SDK has retried already. A few failed polls in a row are waited out; an access error, or more, end
            // the step, and the tasks are stopped first: a step that failed leaves nothing running.
            failedPolls += 1;
            if (!(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .isAccessError */ .Pq)(error) && failedPolls < MAX_FAILED_POLLS) {
                log.warning(`DescribeTasks failed (${failedPolls} in a row): ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}. Asking again.`);
                continue;
            }
            const running = latest.filter((task) => task.lastStatus !== 'STOPPED').map((task) => task.arn);
            await stopAll(running, 'ecs-run-task: the step could not follow the task');
            throw (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .explainAccessError */ .Qz)(error, { action: 'ecs:DescribeTasks', resource: inputs.cluster, region }) ?? error;
        }
        const byArn = new Map((described.tasks ?? []).map((task) => [task.taskArn ?? '', task]));
        latest = latest.map((previous) => {
            const task = byArn.get(previous.arn);
            return task ? outcome(task, essentials) : previous;
        });
        for (const task of latest) {
            const before = seen.get(task.arn);
            if (before !== task.lastStatus) {
                log.info(`task ${task.id}: ${before ?? '?'} → ${task.lastStatus}`);
                seen.set(task.arn, task.lastStatus);
            }
        }
    }
    if (ending) {
        const running = latest.filter((task) => task.lastStatus !== 'STOPPED').map((task) => task.arn);
        const reason = ending === 'timed-out'
            ? `ecs-run-task: timed out after ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(inputs.timeoutMs)}`
            : 'ecs-run-task: the GitHub Actions job was cancelled';
        await stopAll(running, reason);
        return {
            ...base,
            status: ending,
            message: ending === 'timed-out'
                ? `The task(s) did not stop within the timeout (${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(inputs.timeoutMs)}); stopped ${running.map(taskId).join(', ')} with StopTask. Raise timeout if the job needs longer.`
                : `The job was cancelled; stopped ${running.map(taskId).join(', ') || 'no task (all had stopped)'} with StopTask.`,
            exitCode: exitCodeOf(latest),
            tasks: latest,
            durationMs: clock.now() - started,
        };
    }
    for (const task of latest) {
        for (const container of task.containers) {
            log.info(`task ${task.id}: container ${container.name}${container.essential ? '' : ' (not essential)'} exit code ${container.exitCode ?? 'none'}${container.reason ? ` (${container.reason})` : ''}`);
        }
    }
    const problems = latest.map(taskProblem).filter((problem) => problem !== undefined);
    const exitCode = exitCodeOf(latest);
    const took = (0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(Math.round((clock.now() - started) / 1000) * 1000);
    return {
        ...base,
        status: problems.length === 0 ? 'succeeded' : 'failed',
        message: problems.length === 0
            ? `${taskArns.length === 1 ? 'The task' : `All ${taskArns.length} tasks`} of ${taskDefinitionArn} exited 0 (${took}).`
            : `${taskArns.length === 1 ? 'The task' : `${problems.length} of ${taskArns.length} tasks`} of ${taskDefinitionArn} failed: ${problems.join('; ')}.`,
        exitCode,
        tasks: latest,
        durationMs: clock.now() - started,
    };
}


/***/ })

};
