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
import { isAlias, isScalar, LineCounter, parseDocument, visit } from 'yaml';

/** One thing wrong in the file: where (a path in the document, or a line), what, and how to fix it. */
export interface AppSpecProblem {
  path: string;
  what: string;
  fix: string;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const LIFECYCLE_HOOKS = [
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
] as const;

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
} as const;

export const APPSPEC_EXAMPLE =
  'An ECS AppSpec looks like: Resources: [{TargetService: {Type: AWS::ECS::Service, Properties: {TaskDefinition: <any>, LoadBalancerInfo: {ContainerName: app, ContainerPort: 8080}}}}].';

/**
 * The document as plain data, or the problems that keep it from being read as written: YAML errors, aliases,
 * merge keys and tags other than YAML's own (each named by line and column).
 */
export function readAppSpecYaml(text: string): { document?: unknown; problems: AppSpecProblem[] } {
  const lines = new LineCounter();
  const parsed = parseDocument(text, {
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter: lines,
    merge: false,
    // The library's warnings go to process.emitWarning, i.e. raw to stderr, quoting the file's text: never printed.
    logLevel: 'error',
  });
  const at = (offset: number | undefined) => {
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
  const problems: AppSpecProblem[] = [];
  visit(parsed, {
    Alias(_key, node) {
      problems.push({
        path: at(node.range?.[0]),
        what: `the YAML alias *${node.source}`,
        fix: 'Write the value out where it is used: aliases are not read in an AppSpec.',
      });
    },
    Pair(_key, pair) {
      if (pair.key !== null && !isScalar(pair.key) && !isAlias(pair.key)) {
        problems.push({
          path: at((pair.key as { range?: [number, number, number] }).range?.[0]),
          what: 'a key that is a list or mapping',
          fix: 'Write each key as a plain name, e.g. TaskDefinition:.',
        });
      } else if (isScalar(pair.key) && pair.key.value === '<<') {
        problems.push({
          path: at(pair.key.range?.[0]),
          what: 'a YAML merge key (<<)',
          fix: 'Write the keys out in the mapping: merge keys are not read in an AppSpec.',
        });
      }
    },
    Node(_key, node) {
      if (!isAlias(node) && node.tag !== undefined && !node.tag.startsWith('tag:yaml.org,2002:')) {
        problems.push({
          path: at(node.range?.[0]),
          what: `the tag ${node.tag}`,
          fix: 'Remove the tag and write the value itself: CodeDeploy reads no custom tags.',
        });
      }
    },
  });
  if (problems.length > 0) return { problems };
  return { document: parsed.toJS(), problems };
}

/** Every problem of an ECS AppSpec document, each with its path (e.g. Resources[0].TargetService.Type). */
export function appSpecProblems(document: unknown): AppSpecProblem[] {
  const problems: AppSpecProblem[] = [];
  const add = (path: string, what: string, fix: string) => problems.push({ path, what, fix });
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
    add(
      'Resources',
      Array.isArray(resources) ? `lists ${resources.length} resources` : 'is missing or not a list',
      `An ECS deployment has exactly one resource, the service. ${APPSPEC_EXAMPLE}`,
    );
  }
  (Array.isArray(resources) ? resources : []).forEach((item, index) => {
    checkResource(item, `Resources[${index}]`, add);
  });
  if ('Hooks' in document) checkHooks(document.Hooks, add);
  return problems;
}

type Add = (path: string, what: string, fix: string) => void;

const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/** Keys exactly as the reference spells them, none twice in any letter case. */
function checkKeys(object: JsonObject, allowed: readonly string[], path: string, add: Add): void {
  const seen = new Map<string, string>();
  for (const key of Object.keys(object)) {
    const twin = seen.get(key.toLowerCase());
    if (twin !== undefined) {
      add(
        join(path, key),
        `repeats ${join(path, twin)} in another letter case`,
        `Keep one of the two, spelled ${allowed.find((a) => a.toLowerCase() === key.toLowerCase()) ?? twin}.`,
      );
      continue;
    }
    seen.set(key.toLowerCase(), key);
    if (allowed.includes(key)) continue;
    const spelled = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
    add(
      join(path, key),
      spelled ? `is spelled ${key}` : 'is not a key of an ECS AppSpec here',
      spelled ? `Write ${spelled}, as the AppSpec reference spells it.` : `Use only ${allowed.join(', ')}.`,
    );
  }
}

function checkResource(item: unknown, path: string, add: Add): void {
  const keys = isObject(item) ? Object.keys(item) : [];
  if (!isObject(item) || keys.length !== 1) {
    add(
      path,
      isObject(item) ? `has ${keys.length} keys (${keys.join(', ')})` : 'is not a mapping',
      `A resource item has exactly one key, TargetService. ${APPSPEC_EXAMPLE}`,
    );
  }
  if (!isObject(item)) return;
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

function checkProperties(properties: unknown, path: string, add: Add): void {
  if (!isObject(properties)) {
    add(
      path,
      'is missing or not a mapping',
      `Add Properties with TaskDefinition and LoadBalancerInfo. ${APPSPEC_EXAMPLE}`,
    );
    return;
  }
  checkKeys(properties, KEYS.properties, path, add);
  if (!('TaskDefinition' in properties)) {
    add(
      `${path}.TaskDefinition`,
      'is missing',
      'Add TaskDefinition (any placeholder: this step puts the ARN it deploys there).',
    );
  }
  checkLoadBalancer(properties.LoadBalancerInfo, `${path}.LoadBalancerInfo`, add);
  checkNetwork(properties.NetworkConfiguration, `${path}.NetworkConfiguration`, add);
  checkCapacityProviders(properties.CapacityProviderStrategy, `${path}.CapacityProviderStrategy`, add);
}

/** The container and port CodeDeploy routes production traffic to. */
function checkLoadBalancer(loadBalancer: unknown, path: string, add: Add): void {
  if (!isObject(loadBalancer)) {
    add(
      path,
      'is missing or not a mapping',
      'Add LoadBalancerInfo: {ContainerName: <container>, ContainerPort: <port>}: CodeDeploy routes traffic there.',
    );
    return;
  }
  checkKeys(loadBalancer, KEYS.loadBalancer, path, add);
  if (typeof loadBalancer.ContainerName !== 'string' || loadBalancer.ContainerName === '') {
    add(`${path}.ContainerName`, 'is missing or not a name', 'Write the name of the container that serves traffic.');
  }
  const port = loadBalancer.ContainerPort;
  if (typeof port === 'string' && /^\s*\d+\s*$/.test(port)) {
    add(
      `${path}.ContainerPort`,
      `is the text "${port.trim()}", not a number`,
      `Write it without quotes (ContainerPort: ${port.trim()}): CodeDeploy expects an integer.`,
    );
  } else if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    add(
      `${path}.ContainerPort`,
      'is missing or not a port number',
      'Write the container port that serves traffic, e.g. 8080.',
    );
  }
}

/** Optional: the replacement task set's awsvpc network. */
function checkNetwork(network: unknown, path: string, add: Add): void {
  if (network === undefined) return;
  if (!isObject(network)) {
    add(
      path,
      'is not a mapping',
      'Write NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [..], SecurityGroups: [..], AssignPublicIp: DISABLED}}.',
    );
    return;
  }
  checkKeys(network, KEYS.network, path, add);
  const awsvpc = network.AwsvpcConfiguration;
  if (isObject(awsvpc)) checkKeys(awsvpc, KEYS.awsvpc, `${path}.AwsvpcConfiguration`, add);
}

/** Optional: the replacement task set's capacity provider strategy. */
function checkCapacityProviders(strategy: unknown, path: string, add: Add): void {
  if (strategy === undefined) return;
  if (!Array.isArray(strategy)) {
    add(path, 'is not a list', 'Write a list of {CapacityProvider, Base, Weight} items.');
    return;
  }
  strategy.forEach((entry, index) => {
    if (isObject(entry)) checkKeys(entry, KEYS.capacity, `${path}[${index}]`, add);
    else add(`${path}[${index}]`, 'is not a mapping', 'Write {CapacityProvider: FARGATE, Base: 0, Weight: 1}.');
  });
}

function checkHooks(hooks: unknown, add: Add): void {
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
    if (!(LIFECYCLE_HOOKS as readonly string[]).includes(event)) {
      const spelled = LIFECYCLE_HOOKS.find((name) => name.toLowerCase() === event.toLowerCase());
      add(
        `${path}.${event}`,
        spelled ? `is spelled ${event}` : 'is not a lifecycle event hook of an ECS deployment',
        spelled ? `Write ${spelled}.` : fix,
      );
    }
    if (typeof target !== 'string' || target === '') add(`${path}.${event}`, 'names no Lambda function', fix);
  });
}
