export const id = 786;
export const ids = [786];
export const modules = {

/***/ 8786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ appSpecFor),
/* harmony export */   parseAppSpec: () => (/* binding */ parseAppSpec)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7687);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8293);
/**
 * The AppSpec of a CodeDeploy deployment to ECS: read from the `codedeploy-appspec` file (YAML or JSON) and checked
 * before anything changes, or generated from the service's load balancer container and port. Its TaskDefinition is
 * replaced by the ARN this step deploys, in every resource, with keys matched without regard to case — as
 * aws-actions/amazon-ecs-deploy-task-definition does — and it is sent as JSON with its SHA-256.
 */



const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
function findKey(object, name) {
    return Object.keys(object).find((key) => key.toLowerCase() === name.toLowerCase());
}
const HOOKS = new Set([
    'BeforeInstall',
    'AfterInstall',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AfterAllowTraffic',
]);
/**
 * Parses and checks an AppSpec file's text as CodeDeploy reads an ECS AppSpec: `Resources` with one
 * `AWS::ECS::Service` target whose Properties have TaskDefinition (any value: it is replaced) and LoadBalancerInfo
 * ContainerName and ContainerPort; `Hooks` only on the five hookable lifecycle events.
 */
function parseAppSpec(text, shown) {
    const where = `Input "codedeploy-appspec": ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(shown)}`;
    const problem = (what, fix) => new _ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${where} ${what}. ${fix}`);
    const parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { uniqueKeys: true, prettyErrors: false });
    const [first] = parsed.errors;
    if (first) {
        const line = first.linePos?.[0];
        throw problem(`is not valid YAML or JSON: ${first.message.split('\n')[0]}${line ? ` at line ${line.line}, column ${line.col}` : ''}`, 'Fix the file (an AppSpec is YAML or JSON).');
    }
    const document = parsed.toJS();
    const example = 'An ECS AppSpec looks like: Resources: [{TargetService: {Type: AWS::ECS::Service, Properties: {TaskDefinition: <any>, LoadBalancerInfo: {ContainerName: app, ContainerPort: 8080}}}}].';
    if (!isObject(document))
        throw problem('is not an AppSpec: it is not a mapping of keys', example);
    const resourcesKey = findKey(document, 'Resources');
    const resources = resourcesKey === undefined ? undefined : document[resourcesKey];
    if (!Array.isArray(resources) || resources.length !== 1 || !isObject(resources[0])) {
        throw problem('must list exactly one resource under Resources (the ECS service)', example);
    }
    const [name, target] = Object.entries(resources[0])[0] ?? [];
    if (!isObject(target))
        throw problem(`has a resource ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(String(name))} that is not a mapping`, example);
    const typeKey = findKey(target, 'Type');
    if (typeKey === undefined || target[typeKey] !== 'AWS::ECS::Service') {
        throw problem(`has a resource ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(String(name))} whose Type is ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(String(typeKey ? target[typeKey] : '(none)'))}, not AWS::ECS::Service`, example);
    }
    const propertiesKey = findKey(target, 'Properties');
    const properties = propertiesKey === undefined ? undefined : target[propertiesKey];
    if (!isObject(properties) || findKey(properties, 'TaskDefinition') === undefined) {
        throw problem(`has no Properties.TaskDefinition in resource ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(String(name))}`, `Add TaskDefinition (any placeholder: this step puts the ARN it deploys there). ${example}`);
    }
    const loadBalancerKey = findKey(properties, 'LoadBalancerInfo');
    const loadBalancer = loadBalancerKey === undefined ? undefined : properties[loadBalancerKey];
    const containerNameKey = isObject(loadBalancer) ? findKey(loadBalancer, 'ContainerName') : undefined;
    const containerPortKey = isObject(loadBalancer) ? findKey(loadBalancer, 'ContainerPort') : undefined;
    const containerName = isObject(loadBalancer) && containerNameKey ? loadBalancer[containerNameKey] : undefined;
    const containerPort = isObject(loadBalancer) && containerPortKey ? Number(loadBalancer[containerPortKey]) : Number.NaN;
    if (typeof containerName !== 'string' ||
        containerName === '' ||
        !Number.isInteger(containerPort) ||
        containerPort < 1) {
        throw problem('has no LoadBalancerInfo with ContainerName and ContainerPort (a port number)', `CodeDeploy routes traffic to that container and port. ${example}`);
    }
    const hooksKey = findKey(document, 'Hooks');
    const hooks = hooksKey === undefined ? [] : document[hooksKey];
    for (const hook of Array.isArray(hooks) ? hooks : [hooks]) {
        for (const event of isObject(hook) ? Object.keys(hook) : [String(hook)]) {
            if (!HOOKS.has(event)) {
                throw problem(`has a hook on ${(0,_ecs_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(event)}, which is not a lifecycle event hook of an ECS deployment`, `Use ${[...HOOKS].join(', ')}, each mapped to a Lambda function name.`);
            }
        }
    }
    return { shown, document, containerName, containerPort };
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
    return { content, sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(content).digest('hex') };
}


/***/ })

};
