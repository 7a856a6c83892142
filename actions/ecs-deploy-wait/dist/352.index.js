export const id = 352;
export const ids = [352,173];
export const modules = {

/***/ 9173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ appSpecFor),
  parseAppSpec: () => (/* binding */ parseAppSpec)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ../../packages/core/src/index.ts + 4 modules
var src = __webpack_require__(7687);
// EXTERNAL MODULE: ../../node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var dist = __webpack_require__(8293);
;// CONCATENATED MODULE: ./src/codedeploy/appspec-check.ts
/**
 * The whole of an ECS AppSpec checked before any call, as the CodeDeploy AppSpec reference spells it
 * ("AppSpec 'resources' section for Amazon ECS deployments", "AppSpec 'hooks' section"):
 *
 *   version: 0.0
 *   Resources:
 *     - TargetService:
 *         Type: AWS::ECS::Service
 *         Properties:
 *           TaskDefinition: <replaced by this step>
 *           LoadBalancerInfo: {ContainerName: <name>, ContainerPort: <port>}
 *           PlatformVersion: <optional>
 *           NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [..], SecurityGroups: [..], AssignPublicIp: ..}}
 *           CapacityProviderStrategy: [{Base: .., CapacityProvider: .., Weight: ..}]
 *   Hooks:
 *     - <lifecycle event>: <Lambda function>
 *
 * Keys are exact (a key in another letter case is a second key CodeDeploy and this step could each read
 * differently); YAML aliases, merge keys and custom tags are refused, so the document means what it shows.
 */

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const LIFECYCLE_HOOKS = [
    'BeforeInstall',
    'AfterInstall',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
];
/** Each mapping's keys, as the reference spells them. */
const KEYS = {
    top: ['version', 'Resources', 'Hooks'],
    target: ['Type', 'Properties'],
    properties: [
        'TaskDefinition',
        'LoadBalancerInfo',
        'PlatformVersion',
        'NetworkConfiguration',
        'CapacityProviderStrategy',
    ],
    loadBalancer: ['ContainerName', 'ContainerPort'],
    network: ['AwsvpcConfiguration'],
    awsvpc: ['Subnets', 'SecurityGroups', 'AssignPublicIp'],
    capacity: ['Base', 'CapacityProvider', 'Weight'],
};
const APPSPEC_EXAMPLE = 'An ECS AppSpec looks like: Resources: [{TargetService: {Type: AWS::ECS::Service, Properties: {TaskDefinition: <any>, LoadBalancerInfo: {ContainerName: app, ContainerPort: 8080}}}}].';
/**
 * The document as plain data, or the problems that keep it from being read as written: YAML errors, aliases,
 * merge keys and tags other than YAML's own (each named by line and column).
 */
function readAppSpecYaml(text) {
    const lines = new dist/* LineCounter */.HN();
    const parsed = (0,dist/* parseDocument */.Tp)(text, {
        uniqueKeys: true,
        prettyErrors: false,
        lineCounter: lines,
        merge: false,
        // The library's warnings go to process.emitWarning, i.e. raw to stderr, quoting the file's text: never printed.
        logLevel: 'error',
    });
    const at = (offset) => {
        const position = lines.linePos(offset ?? 0);
        return `line ${position.line}, column ${position.col}`;
    };
    const [error] = parsed.errors;
    if (error) {
        return {
            problems: [
                {
                    path: at(error.pos[0]),
                    what: `not valid YAML or JSON (${error.message.split('\n')[0]})`,
                    fix: 'Fix the file (an AppSpec is YAML or JSON).',
                },
            ],
        };
    }
    const problems = [];
    (0,dist/* visit */.YR)(parsed, {
        Alias(_key, node) {
            problems.push({
                path: at(node.range?.[0]),
                what: `the YAML alias *${node.source}`,
                fix: 'Write the value out where it is used: aliases are not read in an AppSpec.',
            });
        },
        Pair(_key, pair) {
            if (pair.key !== null && !(0,dist/* isScalar */.jn)(pair.key) && !(0,dist/* isAlias */.Vj)(pair.key)) {
                problems.push({
                    path: at(pair.key.range?.[0]),
                    what: 'a key that is a list or mapping',
                    fix: 'Write each key as a plain name, e.g. TaskDefinition:.',
                });
            }
            else if ((0,dist/* isScalar */.jn)(pair.key) && pair.key.value === '<<') {
                problems.push({
                    path: at(pair.key.range?.[0]),
                    what: 'a YAML merge key (<<)',
                    fix: 'Write the keys out in the mapping: merge keys are not read in an AppSpec.',
                });
            }
        },
        Node(_key, node) {
            if (!(0,dist/* isAlias */.Vj)(node) && node.tag !== undefined && !node.tag.startsWith('tag:yaml.org,2002:')) {
                problems.push({
                    path: at(node.range?.[0]),
                    what: `the tag ${node.tag}`,
                    fix: 'Remove the tag and write the value itself: CodeDeploy reads no custom tags.',
                });
            }
        },
    });
    if (problems.length > 0)
        return { problems };
    return { document: parsed.toJS(), problems };
}
/** Every problem of an ECS AppSpec document, each with its path (e.g. Resources[0].TargetService.Type). */
function appSpecProblems(document) {
    const problems = [];
    const add = (path, what, fix) => problems.push({ path, what, fix });
    if (!isObject(document)) {
        add('(top)', 'is not a mapping of keys', APPSPEC_EXAMPLE);
        return problems;
    }
    checkKeys(document, KEYS.top, '', add);
    if ('version' in document && document.version !== 0 && document.version !== '0.0') {
        add('version', `is ${JSON.stringify(document.version)}`, 'Write version: 0.0 (the only AppSpec version).');
    }
    const resources = document.Resources;
    if (!Array.isArray(resources) || resources.length !== 1) {
        add('Resources', Array.isArray(resources) ? `lists ${resources.length} resources` : 'is missing or not a list', `An ECS deployment has exactly one resource, the service. ${APPSPEC_EXAMPLE}`);
    }
    (Array.isArray(resources) ? resources : []).forEach((item, index) => {
        checkResource(item, `Resources[${index}]`, add);
    });
    if ('Hooks' in document)
        checkHooks(document.Hooks, add);
    return problems;
}
const join = (parent, key) => (parent ? `${parent}.${key}` : key);
/** Keys exactly as the reference spells them, none twice in any letter case. */
function checkKeys(object, allowed, path, add) {
    const seen = new Map();
    for (const key of Object.keys(object)) {
        const twin = seen.get(key.toLowerCase());
        if (twin !== undefined) {
            add(join(path, key), `repeats ${join(path, twin)} in another letter case`, `Keep one of the two, spelled ${allowed.find((a) => a.toLowerCase() === key.toLowerCase()) ?? twin}.`);
            continue;
        }
        seen.set(key.toLowerCase(), key);
        if (allowed.includes(key))
            continue;
        const spelled = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
        add(join(path, key), spelled ? `is spelled ${key}` : 'is not a key of an ECS AppSpec here', spelled ? `Write ${spelled}, as the AppSpec reference spells it.` : `Use only ${allowed.join(', ')}.`);
    }
}
function checkResource(item, path, add) {
    const keys = isObject(item) ? Object.keys(item) : [];
    if (!isObject(item) || keys.length !== 1) {
        add(path, isObject(item) ? `has ${keys.length} keys (${keys.join(', ')})` : 'is not a mapping', `A resource item has exactly one key, TargetService. ${APPSPEC_EXAMPLE}`);
    }
    if (!isObject(item))
        return;
    for (const key of keys) {
        const targetPath = `${path}.${key}`;
        if (key !== 'TargetService') {
            add(targetPath, 'is not TargetService', `Name the resource TargetService, as the AppSpec reference does.`);
        }
        const target = item[key];
        if (!isObject(target)) {
            add(targetPath, 'is not a mapping', APPSPEC_EXAMPLE);
            continue;
        }
        checkKeys(target, KEYS.target, targetPath, add);
        if (target.Type !== 'AWS::ECS::Service') {
            add(`${targetPath}.Type`, `is ${JSON.stringify(target.Type ?? null)}`, 'Write Type: AWS::ECS::Service.');
        }
        checkProperties(target.Properties, `${targetPath}.Properties`, add);
    }
}
function checkProperties(properties, path, add) {
    if (!isObject(properties)) {
        add(path, 'is missing or not a mapping', `Add Properties with TaskDefinition and LoadBalancerInfo. ${APPSPEC_EXAMPLE}`);
        return;
    }
    checkKeys(properties, KEYS.properties, path, add);
    if (!('TaskDefinition' in properties)) {
        add(`${path}.TaskDefinition`, 'is missing', 'Add TaskDefinition (any placeholder: this step puts the ARN it deploys there).');
    }
    checkLoadBalancer(properties.LoadBalancerInfo, `${path}.LoadBalancerInfo`, add);
    checkNetwork(properties.NetworkConfiguration, `${path}.NetworkConfiguration`, add);
    checkCapacityProviders(properties.CapacityProviderStrategy, `${path}.CapacityProviderStrategy`, add);
}
/** The container and port CodeDeploy routes production traffic to. */
function checkLoadBalancer(loadBalancer, path, add) {
    if (!isObject(loadBalancer)) {
        add(path, 'is missing or not a mapping', 'Add LoadBalancerInfo: {ContainerName: <container>, ContainerPort: <port>}: CodeDeploy routes traffic there.');
        return;
    }
    checkKeys(loadBalancer, KEYS.loadBalancer, path, add);
    if (typeof loadBalancer.ContainerName !== 'string' || loadBalancer.ContainerName === '') {
        add(`${path}.ContainerName`, 'is missing or not a name', 'Write the name of the container that serves traffic.');
    }
    const port = Number(loadBalancer.ContainerPort);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
        add(`${path}.ContainerPort`, 'is missing or not a port number', 'Write the container port that serves traffic, e.g. 8080.');
    }
}
/** Optional: the replacement task set's awsvpc network. */
function checkNetwork(network, path, add) {
    if (network === undefined)
        return;
    if (!isObject(network)) {
        add(path, 'is not a mapping', 'Write NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [..], SecurityGroups: [..], AssignPublicIp: DISABLED}}.');
        return;
    }
    checkKeys(network, KEYS.network, path, add);
    const awsvpc = network.AwsvpcConfiguration;
    if (isObject(awsvpc))
        checkKeys(awsvpc, KEYS.awsvpc, `${path}.AwsvpcConfiguration`, add);
}
/** Optional: the replacement task set's capacity provider strategy. */
function checkCapacityProviders(strategy, path, add) {
    if (strategy === undefined)
        return;
    if (!Array.isArray(strategy)) {
        add(path, 'is not a list', 'Write a list of {CapacityProvider, Base, Weight} items.');
        return;
    }
    strategy.forEach((entry, index) => {
        if (isObject(entry))
            checkKeys(entry, KEYS.capacity, `${path}[${index}]`, add);
        else
            add(`${path}[${index}]`, 'is not a mapping', 'Write {CapacityProvider: FARGATE, Base: 0, Weight: 1}.');
    });
}
function checkHooks(hooks, add) {
    const fix = `Each item of Hooks is one lifecycle event (${LIFECYCLE_HOOKS.join(', ')}) mapped to a Lambda function name.`;
    if (!Array.isArray(hooks)) {
        add('Hooks', 'is not a list', fix);
        return;
    }
    hooks.forEach((hook, index) => {
        const path = `Hooks[${index}]`;
        if (!isObject(hook) || Object.keys(hook).length !== 1) {
            add(path, isObject(hook) ? `has ${Object.keys(hook).length} keys` : 'is not a mapping', fix);
            return;
        }
        const [event = '', target] = Object.entries(hook)[0] ?? [];
        if (!LIFECYCLE_HOOKS.includes(event)) {
            const spelled = LIFECYCLE_HOOKS.find((name) => name.toLowerCase() === event.toLowerCase());
            add(`${path}.${event}`, spelled ? `is spelled ${event}` : 'is not a lifecycle event hook of an ECS deployment', spelled ? `Write ${spelled}.` : fix);
        }
        if (typeof target !== 'string' || target === '')
            add(`${path}.${event}`, 'names no Lambda function', fix);
    });
}

;// CONCATENATED MODULE: ./src/codedeploy/appspec.ts
/**
 * The AppSpec of a CodeDeploy deployment to ECS: read from the `codedeploy-appspec` file (YAML or JSON) and checked
 * before anything changes (appspec-check.ts: keys exactly as the AppSpec reference spells them), or generated from
 * the service's load balancer container and port. Its TaskDefinition is replaced by the ARN this step deploys, and
 * it is sent as JSON with its SHA-256.
 */



function findKey(object, name) {
    return Object.keys(object).find((key) => key.toLowerCase() === name.toLowerCase());
}
/**
 * Parses and checks an AppSpec file's text as a whole (appspec-check.ts) before any call: every problem is named
 * with its path in the file and its fix, all in one configuration error.
 */
function parseAppSpec(text, shown) {
    const read = readAppSpecYaml(text);
    const problems = read.problems.length > 0 ? read.problems : appSpecProblems(read.document);
    if (problems.length > 0) {
        const line = ({ path, what, fix }) => `${path}: ${what}. ${fix}`;
        const [only] = problems;
        throw new src/* ConfigurationError */.j1(only && problems.length === 1
            ? `Input "codedeploy-appspec": ${(0,src/* quoteValue */.cl)(shown)}, ${line(only)} Nothing was changed.`
            : `Input "codedeploy-appspec": ${(0,src/* quoteValue */.cl)(shown)} has ${problems.length} problems: ${problems.map((problem, index) => `(${index + 1}) ${line(problem)}`).join(' ')} Nothing was changed.`);
    }
    const document = read.document;
    const target = document.Resources[0].TargetService;
    const loadBalancer = target.Properties.LoadBalancerInfo;
    return {
        shown,
        document,
        containerName: loadBalancer.ContainerName,
        containerPort: Number(loadBalancer.ContainerPort),
    };
}
/** The AppSpec CodeDeploy gets: the file's with every TaskDefinition set to `taskDefinitionArn`, or a generated one. */
function appSpecFor(taskDefinitionArn, source) {
    let document;
    if ('document' in source) {
        document = structuredClone(source.document);
        const resources = document[findKey(document, 'Resources') ?? 'Resources'];
        for (const resource of resources) {
            for (const target of Object.values(resource)) {
                const properties = target[findKey(target, 'Properties') ?? 'Properties'];
                properties[findKey(properties, 'TaskDefinition') ?? 'TaskDefinition'] = taskDefinitionArn;
            }
        }
    }
    else {
        document = {
            version: 0.0,
            Resources: [
                {
                    TargetService: {
                        Type: 'AWS::ECS::Service',
                        Properties: {
                            TaskDefinition: taskDefinitionArn,
                            LoadBalancerInfo: { ContainerName: source.containerName, ContainerPort: source.containerPort },
                        },
                    },
                },
            ],
        };
    }
    const content = JSON.stringify(document);
    return { content, sha256: (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex') };
}


/***/ }),

/***/ 3352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployWithCodeDeploy: () => (/* binding */ deployWithCodeDeploy)
});

// EXTERNAL MODULE: ../../packages/core/src/index.ts + 4 modules
var src = __webpack_require__(7687);
// EXTERNAL MODULE: ./src/aws-errors.ts
var aws_errors = __webpack_require__(2748);
// EXTERNAL MODULE: ./src/register.ts + 4 modules
var register = __webpack_require__(7856);
// EXTERNAL MODULE: ./src/session.ts
var src_session = __webpack_require__(6399);
// EXTERNAL MODULE: ./src/taskdef.ts
var taskdef = __webpack_require__(247);
// EXTERNAL MODULE: ./src/wrap-up.ts
var wrap_up = __webpack_require__(8917);
// EXTERNAL MODULE: ./src/codedeploy/appspec.ts + 1 modules
var appspec = __webpack_require__(9173);
;// CONCATENATED MODULE: ./src/codedeploy/calls.ts


async function codedeployClients(session) {
    const factory = session.deps.codedeploy;
    if (!factory)
        throw new Error('internal: no CodeDeploy client for a CODE_DEPLOY service');
    return factory();
}
/** One CodeDeploy call (operation as the API names it, e.g. GetDeployment), its error explained. */
async function codedeployCall(session, operation, send, limits = {}) {
    const action = `codedeploy:${operation}`;
    try {
        return await session.bounded(action, send, limits);
    }
    catch (error) {
        throw explainCodeDeployError(session, action, error);
    }
}
function explainCodeDeployError(session, action, error) {
    if ((0,aws_errors/* isAbort */.rV)(error) || error instanceof aws_errors/* NoAnswerError */.i5 || error instanceof aws_errors/* AwsRetriesExhaustedError */.B1)
        return error;
    const code = (0,aws_errors/* errorCode */.CA)(error);
    const operation = action.slice(action.indexOf(':') + 1);
    const { region } = session.deps;
    if ((0,aws_errors/* isTransient */.dg)(error)) {
        return new aws_errors/* AwsRetriesExhaustedError */.B1(`${action} failed with ${code} (${(0,src/* errorMessage */.gJ)(error)}) after the AWS SDK's retries; AWS is throttling or failing in ${region}, try again later.`, code, (0,src/* errorMessage */.gJ)(error));
    }
    const access = (0,src/* explainAccessError */.Qz)(error, { action, region });
    if (access)
        return new aws_errors/* AwsCallError */.iQ(access.message, code, operation);
    const { application, deploymentGroup } = session.inputs.codedeploy;
    if (code === 'ApplicationDoesNotExistException') {
        return new aws_errors/* AwsCallError */.iQ(`CodeDeploy application "${application}" was not found in region ${region} (${action}: ${(0,src/* errorMessage */.gJ)(error)}). Set codedeploy-application to the application of the service's deployment group (default AppECS-<cluster>-<service>, as the ECS console names it).`, code, operation);
    }
    if (code === 'DeploymentGroupDoesNotExistException') {
        return new aws_errors/* AwsCallError */.iQ(`CodeDeploy deployment group "${deploymentGroup}" was not found in application "${application}" in region ${region} (${action}: ${(0,src/* errorMessage */.gJ)(error)}). Set codedeploy-deployment-group to the service's deployment group (default DgpECS-<cluster>-<service>).`, code, operation);
    }
    if (code === 'DeploymentConfigDoesNotExistException') {
        return new aws_errors/* AwsCallError */.iQ(`CodeDeploy deployment configuration "${session.inputs.codedeploy.deploymentConfig ?? ''}" does not exist (${action}: ${(0,src/* errorMessage */.gJ)(error)}). Set codedeploy-deployment-config to an ECS configuration, e.g. CodeDeployDefault.ECSAllAtOnce, or leave it empty for the deployment group's.`, code, operation);
    }
    return new aws_errors/* AwsCallError */.iQ(`${action} refused the request (${code}): ${(0,src/* sentence */.em)((0,src/* errorMessage */.gJ)(error))}`, code, operation);
}

// EXTERNAL MODULE: ../../node_modules/.pnpm/@aws-sdk+client-codedeploy@3.1133.0/node_modules/@aws-sdk/client-codedeploy/dist-cjs/index.js
var dist_cjs = __webpack_require__(5006);
// EXTERNAL MODULE: ../../packages/core/src/ecs/index.ts + 2 modules
var ecs = __webpack_require__(4792);
;// CONCATENATED MODULE: ./src/codedeploy/landed.ts
/**
 * Whether a CodeDeploy CreateDeployment whose answer was lost created our deployment: the deployment group's
 * deployments created since the write (ListDeployments with createTimeRange, every status), newest first, the one
 * a user created with our AppSpec (GetDeployment: the revision's sha256). Undefined only when none did.
 */




/** How far the runner's clock may be ahead of AWS's: deployments created this long before the write count. */
const CLOCK_SKEW_MS = 60_000;
async function findOurDeployment(session, clients, appSpecSha256, since, limits) {
    const { application, deploymentGroup } = session.inputs.codedeploy;
    const ids = [];
    let nextToken;
    do {
        const page = await codedeployCall(session, 'ListDeployments', (o) => clients.client.send(new dist_cjs.ListDeploymentsCommand({
            applicationName: application,
            deploymentGroupName: deploymentGroup,
            createTimeRange: { start: new Date(since - CLOCK_SKEW_MS) },
            ...(nextToken ? { nextToken } : {}),
        }), o), limits);
        ids.push(...(page.deployments ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    for (const deploymentId of ids) {
        const { deploymentInfo } = await codedeployCall(session, 'GetDeployment', (o) => clients.client.send(new dist_cjs.GetDeploymentCommand({ deploymentId }), o), limits);
        const revision = deploymentInfo?.revision;
        if (deploymentInfo?.creator === 'user' && revision?.appSpecContent?.sha256 === appSpecSha256)
            return deploymentId;
    }
    return undefined;
}
/**
 * After a CreateDeployment whose answer never came (cancelled, or every attempt unanswered): one short look, not
 * bound to the job's cancel signal, at what CodeDeploy created.
 */
async function landedCreate(session, clients, appSpecSha256, since) {
    const group = session.inputs.codedeploy.deploymentGroup;
    try {
        const found = await findOurDeployment(session, clients, appSpecSha256, since, {
            withinMs: src_session/* CHECK_TIMEOUT_MS */.mw,
            cancellable: false,
        });
        return found
            ? {
                text: `CodeDeploy created deployment ${found} and carries on with it: follow it in the CodeDeploy console`,
                deploymentId: found,
            }
            : { text: `CodeDeploy created no deployment in group ${group}` };
    }
    catch (error) {
        return {
            text: `whether CodeDeploy created the deployment is unknown (${(0,src/* errorMessage */.gJ)(error)}): look at deployment group ${group} in the CodeDeploy console`,
        };
    }
}

;// CONCATENATED MODULE: ./src/codedeploy/create.ts
/**
 * Before a CodeDeploy deployment changes anything: the deployment group must exist and deploy this service, the
 * step's timeout must cover the group's wait before the original task set is terminated, and the AppSpec (given or
 * generated) must name a container and port the task definition has. Then CreateDeployment with the AppSpec whose
 * TaskDefinition is the ARN this step deploys.
 */







async function readDeploymentGroup(session, clients, limits) {
    const { application, deploymentGroup } = session.inputs.codedeploy;
    const { cluster, service } = session.inputs;
    const answer = await codedeployCall(session, 'GetDeploymentGroup', (o) => clients.client.send(new dist_cjs.GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: deploymentGroup }), o), limits);
    const info = answer.deploymentGroupInfo ?? {};
    const name = (value) => (value ?? '').slice((value ?? '').lastIndexOf('/') + 1);
    const services = info.ecsServices ?? [];
    if (!services.some((s) => name(s.serviceName) === name(service) && name(s.clusterName) === name(cluster))) {
        const deploys = services.map((s) => `${s.clusterName}/${s.serviceName}`).join(', ') || 'no ECS service';
        throw new src/* ConfigurationError */.j1(`CodeDeploy deployment group "${deploymentGroup}" (application "${application}") deploys ${deploys}, not ${name(cluster)}/${name(service)}. Nothing was changed. Set codedeploy-application and codedeploy-deployment-group to the group of this service.`);
    }
    const rollback = info.autoRollbackConfiguration;
    const waitMinutes = info.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes ?? 0;
    return {
        terminationWaitMs: waitMinutes * 60_000,
        rollsBackOnFailure: rollback?.enabled === true && (rollback.events ?? []).includes('DEPLOYMENT_FAILURE'),
        ...(info.deploymentConfigName ? { deploymentConfigName: info.deploymentConfigName } : {}),
    };
}
/** Checks that need no write: refused before anything is registered or deployed. */
function checkBeforeChange(session, before, group) {
    const { inputs } = session;
    if (inputs.desiredCount !== undefined) {
        throw new src/* ConfigurationError */.j1(`Input "desired-count" (${inputs.desiredCount}) is not applied to a CODE_DEPLOY service: CodeDeploy scales the replacement task set to the service's desired count. Nothing was changed. Leave desired-count empty, or change the count with UpdateService outside a deployment.`);
    }
    if (inputs.wait && group.terminationWaitMs >= inputs.timeoutMs) {
        throw new src/* ConfigurationError */.j1(`Input "timeout" (${(0,src/* formatDuration */.a3)(inputs.timeoutMs)}) is not longer than the deployment group's wait before it terminates the original task set (${(0,src/* formatDuration */.a3)(group.terminationWaitMs)}), so the deployment could not end in time. Nothing was changed. Set timeout to more than ${(0,src/* formatDuration */.a3)(group.terminationWaitMs)} plus the time the new tasks take to become healthy, e.g. ${(0,src/* formatDuration */.a3)(group.terminationWaitMs + 30 * 60_000)}.`);
    }
    const given = inputs.codedeploy.appSpec;
    const loadBalancer = (before.loadBalancers ?? []).find((lb) => lb.containerName && lb.containerPort);
    const traffic = given
        ? { containerName: given.containerName, containerPort: given.containerPort }
        : loadBalancer?.containerName && loadBalancer.containerPort !== undefined
            ? { containerName: loadBalancer.containerName, containerPort: loadBalancer.containerPort }
            : undefined;
    if (!traffic) {
        throw new src/* ConfigurationError */.j1(`Service "${inputs.service}" has no load balancer with a container name and port, so no AppSpec can be generated for it. Nothing was changed. Set codedeploy-appspec to an AppSpec file with LoadBalancerInfo ContainerName and ContainerPort.`);
    }
    const source = inputs.taskDefinition;
    if (source.kind === 'file') {
        const containers = source.rendered.request.containerDefinitions ?? [];
        const container = containers.find((c) => c.name === traffic.containerName);
        const from = given ? `the AppSpec ${(0,src/* quoteValue */.cl)(given.shown)}` : "the service's load balancer";
        if (!container) {
            throw new src/* ConfigurationError */.j1(`Container "${traffic.containerName}" (LoadBalancerInfo ContainerName of ${from}) is not in the task definition ${(0,src/* quoteValue */.cl)(source.path)}, which has ${containers.map((c) => (0,src/* quoteValue */.cl)(c.name ?? '')).join(', ') || 'no containers'}. Nothing was changed. Make them agree.`);
        }
        const ports = (container.portMappings ?? []).map((mapping) => mapping.containerPort);
        if (!ports.includes(traffic.containerPort)) {
            throw new src/* ConfigurationError */.j1(`Container "${traffic.containerName}" in ${(0,src/* quoteValue */.cl)(source.path)} has no port mapping for container port ${traffic.containerPort} (LoadBalancerInfo ContainerPort of ${from}); it maps ${ports.join(', ') || 'no ports'}. Nothing was changed. Make them agree.`);
        }
    }
    return traffic;
}
/** How long one CreateDeployment attempt may go unanswered before the step looks whether it landed. */
const WRITE_ATTEMPT_MS = 10_000;
/**
 * CreateDeployment, once: a throttled attempt is sent again; one whose answer was lost (reset, 5xx, no answer in
 * time) only after looking has shown that CodeDeploy did not create it (landed.ts), else the one it created is ours.
 */
async function createDeployment(session, clients, taskDefinitionArn, traffic, limits) {
    const { application, deploymentGroup, description, deploymentConfig, appSpec } = session.inputs.codedeploy;
    const { content, sha256 } = (0,appspec/* appSpecFor */.o)(taskDefinitionArn, appSpec ?? traffic);
    const since = session.deps.clock.now();
    const landed = () => findOurDeployment(session, clients, sha256, since, limits());
    let attempts = 0;
    return (0,ecs/* writeOnce */.Fq)(session, {
        operation: 'codedeploy:CreateDeployment',
        retryUnanswered: true,
        write: async () => {
            attempts += 1;
            const budget = limits();
            try {
                const answer = await codedeployCall(session, 'CreateDeployment', (o) => clients.singleAttempt.send(new dist_cjs.CreateDeploymentCommand({
                    applicationName: application,
                    deploymentGroupName: deploymentGroup,
                    ...(deploymentConfig ? { deploymentConfigName: deploymentConfig } : {}),
                    ...(description ? { description } : {}),
                    revision: { revisionType: 'AppSpecContent', appSpecContent: { content, sha256 } },
                }), o), { ...budget, withinMs: Math.min(budget.withinMs ?? WRITE_ATTEMPT_MS, WRITE_ATTEMPT_MS) });
                if (!answer.deploymentId)
                    throw new Error('internal: CreateDeployment answered without a deploymentId');
                return answer.deploymentId;
            }
            catch (error) {
                // A retry refused for an active deployment: an earlier attempt may have landed after the look.
                if (attempts > 1 && error instanceof aws_errors/* AwsCallError */.iQ && error.code === 'DeploymentLimitExceededException') {
                    const ours = await landed();
                    if (ours)
                        return ours;
                }
                throw error;
            }
        },
        landed,
    });
}

// EXTERNAL MODULE: ./src/explain-failure.ts + 1 modules
var explain_failure = __webpack_require__(2958);
;// CONCATENATED MODULE: ./src/codedeploy/explain.ts
/**
 * Why a CodeDeploy deployment did not succeed: CodeDeploy's error information and the lifecycle event that failed
 * (with its diagnostics), then what ECS saw — the stopped tasks of the replacement task set with their apps' last log
 * lines, and the service events since the step started (the rolling path's report, explain-failure.ts).
 */



/** One sentence: how the deployment ended and CodeDeploy's reason. */
function describeCodeDeployOutcome(deploymentId, outcome, timeoutMs) {
    if (outcome.kind === 'timed-out') {
        const status = outcome.state?.info.status ?? 'unknown';
        return outcome.stalled
            ? `CodeDeploy deployment ${deploymentId} did not end in time: ${outcome.stalled} (last status ${status}).`
            : `CodeDeploy deployment ${deploymentId} did not end within ${(0,src/* formatDuration */.a3)(timeoutMs)} (last status ${status}).`;
    }
    const { info, target } = outcome.state;
    const failedEvent = target?.lifecycleEvents?.find((event) => event.status === 'Failed');
    const error = info.errorInformation;
    const reason = error ? ` ${error.code ?? 'error'}: ${error.message ?? ''}` : '';
    const at = failedEvent ? ` (lifecycle event ${failedEvent.lifecycleEventName})` : '';
    return `CodeDeploy deployment ${deploymentId} ${outcome.kind === 'stopped' ? 'was stopped' : 'failed'}${at}:${reason || ' no reason given.'}`;
}
/** Prints CodeDeploy's detail, then the replacement's stopped tasks and the service events; returns the tasks. */
async function reportCodeDeployFailure(session, outcome, taskDefinitionArn, budget) {
    const { log } = session;
    const failed = outcome.state?.target?.lifecycleEvents?.find((event) => event.status === 'Failed');
    // A hook's diagnostics name the Lambda function and carry its log tail; CodeDeploy's own errors are in the cause.
    if (failed?.diagnostics?.scriptName || failed?.diagnostics?.logTail) {
        const d = failed.diagnostics;
        log.info(`lifecycle event ${failed.lifecycleEventName} failed: ${d.errorCode ?? ''}${d.scriptName ? ` (hook ${d.scriptName})` : ''} ${d.message ?? ''}`.trim());
        if (d.logTail)
            log.info(d.logTail);
    }
    await collectServiceEvents(session, budget);
    const taskSet = outcome.replacementTaskSetId;
    if (!taskSet) {
        log.info('The replacement task set was not created, so no task of it stopped.');
        (0,explain_failure/* printIncompleteReport */.Sb)(session, budget);
        return [];
    }
    return (0,explain_failure/* reportFailure */.xV)(session, { id: taskSet, taskDefinitionArn, label: 'replacement', kind: 'task set' }, budget);
}
/** The service events ECS wrote since the step started (the CodeDeploy wait does not read the service). */
async function collectServiceEvents(session, budget) {
    try {
        session.takeNewEvents(await session.describeService(budget.read()));
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        session.log.warning(`Could not read the service events: ${(0,src/* errorMessage */.gJ)(error)}`);
        budget.missed('the service events', error);
    }
}

// EXTERNAL MODULE: ./src/follow/watch.ts
var watch = __webpack_require__(5778);
;// CONCATENATED MODULE: ./src/codedeploy/follow.ts
/**
 * Follows one CodeDeploy deployment to its end with the shared watch loop: GetDeployment every poll and, once it has
 * started, its ECS target (ListDeploymentTargets once, then GetDeploymentTarget), printing each change of status,
 * of a lifecycle event, and of the traffic split between the original (Blue) and replacement (Green) task sets.
 */





const ENDED = {
    Succeeded: 'succeeded',
    Failed: 'failed',
    Stopped: 'stopped',
};
/** GetDeployment and, once the deployment has started, its one ECS target. */
async function readDeployment(session, clients, deploymentId, limits, targetIds) {
    const { deploymentInfo } = await codedeployCall(session, 'GetDeployment', (o) => clients.client.send(new dist_cjs.GetDeploymentCommand({ deploymentId }), o), limits);
    const info = deploymentInfo ?? {};
    if (info.status === 'Created' || info.status === 'Queued')
        return { info };
    let targetId = targetIds.get(deploymentId);
    if (!targetId) {
        try {
            const listed = await codedeployCall(session, 'ListDeploymentTargets', (o) => clients.client.send(new dist_cjs.ListDeploymentTargetsCommand({ deploymentId }), o), limits);
            targetId = listed.targetIds?.[0];
        }
        catch (error) {
            // Started between the two calls as CodeDeploy sees it: the target shows up on the next poll.
            if ((0,aws_errors/* errorCode */.CA)(error) === 'DeploymentNotStartedException')
                return { info };
            throw error;
        }
        if (!targetId)
            return { info };
        targetIds.set(deploymentId, targetId);
    }
    const { deploymentTarget } = await codedeployCall(session, 'GetDeploymentTarget', (o) => clients.client.send(new dist_cjs.GetDeploymentTargetCommand({ deploymentId, targetId }), o), limits);
    return deploymentTarget?.ecsTarget ? { info, target: deploymentTarget.ecsTarget } : { info };
}
/** Follows the deployment until it succeeds, fails or is stopped, or `timeoutMs` passes. */
async function followDeployment(session, clients, deploymentId, timeoutMs, label) {
    const printed = new Map();
    const targetIds = new Map();
    let last;
    let green;
    const seen = () => (green ? { replacementTaskSetId: green } : {});
    const say = (key, line) => {
        if (printed.get(key) === line)
            return;
        printed.set(key, line);
        session.log.info(`[${session.elapsed()}] ${line}`);
    };
    return (0,watch/* watch */.w)(session, {
        operation: 'codedeploy:GetDeployment',
        timeoutMs,
        read: (limits) => readDeployment(session, clients, deploymentId, limits, targetIds),
        judge: (state) => {
            last = state;
            green = replacementTaskSet(state) ?? green;
            const { info, target } = state;
            say('status', `CodeDeploy deployment ${deploymentId} (${label}): ${info.status ?? 'unknown'}`);
            for (const line of lifecycleLines(target))
                say(line.key, line.text);
            const traffic = trafficLine(target);
            if (traffic)
                say('traffic', traffic);
            const ended = ENDED[info.status ?? ''];
            return ended ? { kind: ended, state, ...seen() } : undefined;
        },
        timedOut: (stalled) => ({
            kind: 'timed-out',
            ...(last ? { state: last } : {}),
            ...(stalled ? { stalled } : {}),
            ...seen(),
        }),
    });
}
function lifecycleLines(target) {
    const events = target?.lifecycleEvents ?? [];
    const lines = events
        .filter((event) => event.status && event.status !== 'Pending' && event.status !== 'Skipped')
        .map((event) => {
        const took = event.startTime && event.endTime
            ? ` (${(0,src/* formatDuration */.a3)(event.endTime.getTime() - event.startTime.getTime())})`
            : '';
        const why = event.diagnostics?.message ? `: ${event.diagnostics.message}` : '';
        return {
            key: `event ${event.lifecycleEventName}`,
            text: `lifecycle event ${event.lifecycleEventName}: ${event.status}${event.status === 'InProgress' ? '' : took}${why}`,
        };
    });
    // Events CodeDeploy skipped (after a failure, or in a rollback) on one line.
    const skipped = events.filter((event) => event.status === 'Skipped').map((event) => event.lifecycleEventName);
    if (skipped.length > 0)
        lines.push({ key: 'skipped', text: `lifecycle events skipped: ${skipped.join(', ')}` });
    return lines;
}
/** "traffic: Blue 100% (ecs-svc/1…: 2/2 running), Green 0% (ecs-svc/2…: 1/2 running, 1 pending)". */
function trafficLine(target) {
    const sets = target?.taskSetsInfo ?? [];
    if (sets.length === 0)
        return undefined;
    const parts = sets.map((set) => {
        const pending = set.pendingCount ? `, ${set.pendingCount} pending` : '';
        return `${set.taskSetLabel ?? '?'} ${set.trafficWeight ?? 0}% (task set ${set.identifer ?? '?'} ${set.status ?? ''}: ${set.runningCount ?? 0}/${set.desiredCount ?? 0} running${pending})`;
    });
    return `traffic: ${parts.join(', ')}`;
}
/** The replacement (Green) task set of a deployment's target: its tasks' `startedBy` is its id. */
function replacementTaskSet(state) {
    return state?.target?.taskSetsInfo?.find((set) => set.taskSetLabel === 'Green')?.identifer;
}

;// CONCATENATED MODULE: ./src/codedeploy/stop.ts
/**
 * StopDeployment with rollback, after our deployment outlasted the timeout: sent until it lands or its own budget
 * ends. A throttled attempt did not land and is sent again after a backoff; after one whose answer was lost (reset,
 * 5xx, no answer in time) GetDeployment shows whether it landed (the deployment is Stopped) before another is sent.
 */





/** The stop's own budget: it never takes the time of anything else, and anything else never takes its time. */
const STOP_BUDGET_MS = 30_000;
const BACKOFF_MS = 1_000;
const DONE = new Set(['Succeeded', 'Failed', 'Stopped']);
/** 'stopped' once StopDeployment landed; 'ended' when the deployment had already ended by itself. */
async function stopWithRollback(session, clients, deploymentId, budgetMs = STOP_BUDGET_MS) {
    const deadline = Date.now() + budgetMs;
    for (let attempt = 1;; attempt++) {
        let failure;
        try {
            await codedeployCall(session, 'StopDeployment', (o) => clients.singleAttempt.send(new dist_cjs.StopDeploymentCommand({ deploymentId, autoRollbackEnabled: true }), o), { withinMs: Math.max(0, Math.min(deadline - Date.now(), src_session/* CHECK_TIMEOUT_MS */.mw)) });
            return 'stopped';
        }
        catch (error) {
            if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
                throw error;
            if (error instanceof aws_errors/* AwsCallError */.iQ && error.code === 'DeploymentAlreadyCompletedException')
                return 'ended';
            if (!(0,aws_errors/* isTransient */.dg)(error) && !(error instanceof aws_errors/* NoAnswerError */.i5))
                throw error;
            failure = error;
        }
        const backoff = BACKOFF_MS * 2 ** Math.min(attempt - 1, 4);
        if (!(0,ecs/* certainlyNotApplied */.gJ)(failure)) {
            // The answer was lost: look before sending it again.
            const status = await statusOf(session, clients, deploymentId, deadline);
            if (status === 'Stopped')
                return 'stopped';
            if (status && DONE.has(status))
                return 'ended';
            if (status === undefined && Date.now() + backoff >= deadline) {
                throw new ecs/* UnknownOutcomeError */.rk('codedeploy:StopDeployment', 'GetDeployment did not answer either');
            }
        }
        if (Date.now() + backoff >= deadline)
            throw failure;
        session.log.warning(`codedeploy:StopDeployment attempt ${attempt} did not land (${failure instanceof Error ? failure.message : String(failure)}); trying again in ${backoff / 1000}s.`);
        await session.deps.sleep(backoff, session.deps.signal);
    }
}
/** The deployment's status, or undefined when GetDeployment did not answer within the stop's budget. */
async function statusOf(session, clients, deploymentId, deadline) {
    try {
        const { deploymentInfo } = await codedeployCall(session, 'GetDeployment', (o) => clients.client.send(new dist_cjs.GetDeploymentCommand({ deploymentId }), o), { withinMs: Math.max(0, Math.min(deadline - Date.now(), src_session/* CHECK_TIMEOUT_MS */.mw)) });
        return deploymentInfo?.status;
    }
    catch (error) {
        if ((0,aws_errors/* isAbort */.rV)(error) || session.cancelled)
            throw error;
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/codedeploy/rollback.ts
/**
 * Rollback through CodeDeploy, never by a redeploy of our own: a failed deployment is rolled back by CodeDeploy
 * itself when the deployment group has automatic rollback on failure (rollbackInfo.rollbackDeploymentId), and one
 * that outlasted our timeout is stopped with StopDeployment(autoRollbackEnabled) when the `rollback` input allows it.
 * Either way the rollback deployment is followed to its end, and the note says what happened.
 */







/** How many polls to wait for CodeDeploy to name the rollback deployment it starts. */
const ROLLBACK_ID_POLLS = 6;
/**
 * The rollback decision, within `limits`: stop a timed-out deployment with rollback, or find the rollback deployment
 * CodeDeploy started; then the rollback deployment, to follow to its end (after the failure report).
 */
async function startCodeDeployRollback(session, clients, deploymentId, outcome, group, previousArn, limits) {
    const { inputs, log } = session;
    const previous = previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'the original task set';
    let rollbackId = outcome.state?.info.rollbackInfo?.rollbackDeploymentId;
    if (outcome.kind === 'timed-out') {
        if (!inputs.rollback) {
            return (0,wrap_up/* decided */.rc)({
                note: `Not rolled back (rollback: false): CodeDeploy carries on with deployment ${deploymentId}; follow it in the CodeDeploy console.`,
            });
        }
        log.info(`Stopping CodeDeploy deployment ${deploymentId} with rollback (StopDeployment autoRollbackEnabled).`);
        try {
            await stopWithRollback(session, clients, deploymentId);
        }
        catch (error) {
            return (0,wrap_up/* decided */.rc)({ note: `Could not stop deployment ${deploymentId} to roll it back: ${(0,src/* errorMessage */.gJ)(error)}` });
        }
        rollbackId = undefined;
    }
    else if (!rollbackId && !group.rollsBackOnFailure) {
        return (0,wrap_up/* decided */.rc)({
            note: `CodeDeploy did not roll back: the deployment group's automatic rollback on failure (DEPLOYMENT_FAILURE) is off, so production traffic stays where the failure left it (on ${previous} unless AllowTraffic had run). Turn on automatic rollback in the deployment group to have CodeDeploy restore ${previous}.`,
        });
    }
    for (let poll = 0; !rollbackId && poll < ROLLBACK_ID_POLLS; poll++) {
        if (poll > 0)
            await session.deps.sleep(inputs.pollIntervalMs, session.deps.signal);
        const { deploymentInfo } = await codedeployCall(session, 'GetDeployment', (o) => clients.client.send(new dist_cjs.GetDeploymentCommand({ deploymentId }), o), limits);
        rollbackId = deploymentInfo?.rollbackInfo?.rollbackDeploymentId;
    }
    if (!rollbackId) {
        return (0,wrap_up/* decided */.rc)({
            note: `CodeDeploy started no rollback deployment for ${deploymentId} (nothing to roll back before the replacement task set exists); ${previous} still serves production traffic.`,
        });
    }
    log.info(`CodeDeploy rolls back with deployment ${rollbackId}; following it.`);
    const rollback = rollbackId;
    return { kind: 'started', follow: () => followCodeDeployRollback(session, clients, rollback, previousArn) };
}
/** CodeDeploy's rollback deployment, followed to its end. */
async function followCodeDeployRollback(session, clients, rollbackId, previousArn) {
    const previous = previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(previousArn) : 'the original task set';
    const followed = await followDeployment(session, clients, rollbackId, session.inputs.timeoutMs, 'rollback');
    const steady = followed.kind === 'succeeded';
    const report = {
        by: 'codedeploy',
        taskDefinitionArn: previousArn ?? '',
        deploymentId: rollbackId,
        steady,
        detail: followed.kind,
    };
    const note = steady
        ? `CodeDeploy rolled back with deployment ${rollbackId}: production traffic is on ${previous} again and the replacement task set was removed.`
        : `CodeDeploy's rollback deployment ${rollbackId} ${followed.kind === 'timed-out' ? 'did not end in time' : `ended ${followed.kind}`}; check the service in the console.`;
    return { note, report };
}

;// CONCATENATED MODULE: ./src/codedeploy/run.ts













async function deployWithCodeDeploy(session, before, beforeWait) {
    const clients = await codedeployClients(session);
    return new CodeDeployRun(session, before, beforeWait, clients).run();
}
class CodeDeployRun {
    session;
    before;
    beforeWait;
    clients;
    constructor(session, before, beforeWait, clients) {
        this.session = session;
        this.before = before;
        this.beforeWait = beforeWait;
        this.clients = clients;
    }
    get previousArn() {
        return this.before.taskDefinition;
    }
    async run() {
        const { inputs, log } = this.session;
        const prepared = await this.prepare();
        const { known, resolved } = prepared;
        if (resolved.unchanged && !inputs.forceNewDeployment) {
            const message = `${(0,taskdef/* shortTaskDefinition */.P5)(this.previousArn ?? '')} is what the service already runs; nothing was registered or deployed (skip-unchanged).`;
            log.info(message);
            return this.result({ ...known, taskDefinitionArn: this.previousArn }, 'unchanged', message, 'unchanged');
        }
        const started = await this.start(prepared);
        if ('status' in started)
            return started;
        const { ours, deployArn, deploymentId } = started;
        if (!inputs.wait) {
            const message = `CodeDeploy deployment ${deploymentId} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} started; not waiting for it (wait: false).`;
            log.info(message);
            return this.result(ours, 'succeeded', message, 'Created');
        }
        return this.follow(prepared.group, ours, deployArn, deploymentId);
    }
    /** 1. The deployment group, every check that needs no write, and the task definition to deploy. */
    async prepare() {
        const { session, beforeWait } = this;
        const { inputs, deps, log } = session;
        const { application, deploymentGroup, appSpec, deploymentConfig } = inputs.codedeploy;
        const group = await readDeploymentGroup(session, this.clients, beforeWait());
        const traffic = checkBeforeChange(session, this.before, group);
        const config = deploymentConfig ?? group.deploymentConfigName ?? 'the group default';
        log.info(`CodeDeploy application ${application}, deployment group ${deploymentGroup} (${config}; original task set terminated ${(0,src/* formatDuration */.a3)(group.terminationWaitMs)} after traffic moves; automatic rollback on failure ${group.rollsBackOnFailure ? 'on' : 'off'}); traffic to container ${traffic.containerName} port ${traffic.containerPort}` +
            (appSpec ? ` (AppSpec ${appSpec.shown})` : ' (generated AppSpec)'));
        const resolved = await (0,register/* resolveTaskDefinition */.Fh)(session, this.before, beforeWait());
        const known = {
            cluster: inputs.cluster,
            service: inputs.service,
            consoleUrl: (0,src_session/* consoleUrl */.B9)(deps.region, inputs.cluster, inputs.service),
            stoppedTasks: [],
            previousTaskDefinitionArn: this.previousArn,
            images: resolved.images,
        };
        return { group, traffic, resolved, known };
    }
    /** 2–3. Register (as for a rolling update), then CreateDeployment; a write without an answer is a result. */
    async start(prepared) {
        const { session, beforeWait } = this;
        const { inputs, log } = session;
        const { known, resolved, traffic } = prepared;
        let deployArn = resolved.deployArn;
        const source = inputs.taskDefinition;
        if (!deployArn && source.kind === 'file') {
            try {
                deployArn = await (0,register/* registerTaskDefinition */.eQ)(session, source, beforeWait);
            }
            catch (error) {
                if (!(0,aws_errors/* isUnanswered */.eG)(error))
                    throw error;
                const landed = await (0,register/* landedRegistration */.Iv)(session, source.rendered);
                return unanswered(session, error, 'registering', `${landed.text}; no CodeDeploy deployment was created`, {
                    ...known,
                    ...(landed.arn ? { taskDefinitionArn: landed.arn } : {}),
                });
            }
        }
        if (!deployArn)
            throw new Error('internal: no task definition to deploy');
        const registered = resolved.deployArn === undefined ? `Registered ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)}; ` : '';
        const withArn = { ...known, taskDefinitionArn: deployArn };
        let deploymentId;
        const createStarted = session.deps.clock.now();
        try {
            deploymentId = await createDeployment(session, this.clients, deployArn, traffic, beforeWait);
        }
        catch (error) {
            if ((0,aws_errors/* isUnanswered */.eG)(error)) {
                const landed = await landedCreate(session, this.clients, (0,appspec/* appSpecFor */.o)(deployArn, inputs.codedeploy.appSpec ?? traffic).sha256, createStarted);
                return unanswered(session, error, 'creating the CodeDeploy deployment', `${registered}${landed.text}`, {
                    ...withArn,
                    ...(landed.deploymentId
                        ? { deploymentId: landed.deploymentId, codedeployDeploymentId: landed.deploymentId }
                        : {}),
                });
            }
            throw (0,aws_errors/* withWhatWasDone */.k$)(error, `${registered}no CodeDeploy deployment was created; the service still runs ${this.previousArn ? (0,taskdef/* shortTaskDefinition */.P5)(this.previousArn) : 'its task set'}.`);
        }
        log.info(`Created CodeDeploy deployment ${deploymentId} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)}`);
        return { ours: { ...withArn, deploymentId, codedeployDeploymentId: deploymentId }, deployArn, deploymentId };
    }
    /** 4–5. Follow it to the end; when it did not succeed, explain and roll back through CodeDeploy. */
    async follow(group, ours, deployArn, deploymentId) {
        const { session, clients } = this;
        const { inputs, log } = session;
        log.info(`Waiting up to ${(0,src/* formatDuration */.a3)(inputs.timeoutMs)} for CodeDeploy deployment ${deploymentId}, polling every ${(0,src/* formatDuration */.a3)(inputs.pollIntervalMs)}`);
        let outcome;
        try {
            outcome = await followDeployment(session, clients, deploymentId, inputs.timeoutMs, 'ours');
        }
        catch (error) {
            return interrupted(session, error, ours, deploymentId);
        }
        if (outcome.kind === 'succeeded') {
            const message = `CodeDeploy deployment ${deploymentId} of ${(0,taskdef/* shortTaskDefinition */.P5)(deployArn)} succeeded: production traffic is on the new task set and the original one was terminated.`;
            log.info(message);
            return this.result(ours, 'succeeded', message, 'Succeeded');
        }
        const cause = describeCodeDeployOutcome(deploymentId, outcome, inputs.timeoutMs);
        log.warning(cause);
        // The wait is over. First the rollback decision, within its own budget (StopDeployment, or CodeDeploy's
        // rollback found); then the report, within its own; then the rollback, followed for up to `timeout`.
        let stoppedTasks = [];
        try {
            const start = await startCodeDeployRollback(session, clients, deploymentId, outcome, group, this.previousArn, {
                withinMs: session.wrapUpBudgets.decisionReadMs + inputs.pollIntervalMs,
            });
            stoppedTasks = await reportCodeDeployFailure(session, outcome, deployArn, new wrap_up/* ReportBudget */.Yq(session));
            const rollback = await (0,wrap_up/* finishRollback */.kg)(start);
            log.info(rollback.note);
            const status = rollback.report?.steady
                ? 'rolled-back'
                : outcome.kind === 'timed-out'
                    ? 'timed-out'
                    : 'failed';
            return this.result({ ...ours, stoppedTasks, ...(rollback.report ? { rollback: rollback.report } : {}) }, status, `${cause} ${rollback.note}`, finalState(outcome));
        }
        catch (error) {
            return interrupted(session, error, { ...ours, stoppedTasks }, deploymentId, cause);
        }
    }
    result(known, status, message, state) {
        const { deps, started } = this.session;
        return { ...known, status, cancelled: false, message, durationMs: deps.clock.now() - started, finalState: state };
    }
}
function finalState(outcome) {
    const info = outcome.state?.info;
    const error = info?.errorInformation;
    return `${info?.status ?? 'unknown'}${error ? ` (${error.code ?? ''})` : ''}`;
}
/** A write got no answer: cancelled, or AWS did not answer in time; `landed` says what is known. */
function unanswered(session, error, doing, landed, known) {
    const durationMs = session.deps.clock.now() - session.started;
    if (session.cancelled || (0,aws_errors/* isAbort */.rV)(error)) {
        const { message } = new aws_errors/* CancelledWriteError */.Ts(doing, landed);
        session.log.warning(message);
        return { ...known, status: undefined, cancelled: true, message, durationMs, finalState: 'unknown' };
    }
    const detail = (0,src/* errorMessage */.gJ)(error);
    const message = `${detail} (while ${doing}); ${landed}.`;
    return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState: 'unknown', error: detail };
}
/** Cancelled, or an API error, while waiting: CodeDeploy carries on with the deployment. */
function interrupted(session, error, known, deploymentId, cause) {
    const durationMs = session.deps.clock.now() - session.started;
    const prefix = cause ? `${cause} ` : '';
    if (session.cancelled || (0,aws_errors/* isAbort */.rV)(error)) {
        const message = `${prefix}Cancelled while waiting: CodeDeploy deployment ${deploymentId} carries on without this step; follow it in the CodeDeploy console.`;
        session.log.warning(message);
        return { ...known, status: undefined, cancelled: true, message, durationMs, finalState: 'unknown' };
    }
    const detail = (0,src/* errorMessage */.gJ)(error);
    const message = `${prefix}Stopped waiting because of an AWS API error: ${detail} CodeDeploy deployment ${deploymentId} may still be in progress.`;
    return { ...known, status: 'failed', cancelled: false, message, durationMs, finalState: 'unknown', error: detail };
}


/***/ })

};
