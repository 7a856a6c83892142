export const id = 173;
export const ids = [173];
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


/***/ })

};
