/**
 * The application file (`app-file`, e.g. `.aws/ecs-app.json`): one strict JSON file in the app repository naming an
 * application's deploy targets (ECS services, EventBridge rules, EventBridge Scheduler schedules), the task
 * definition file each runs, which container gets which image, and per environment which cluster. Checked whole
 * before any call: every problem is reported, each naming the file and the path in it.
 *
 * {
 *   "application": "shop",
 *   "environments": { "production": { "cluster": "prod" }, "staging": { "cluster": "staging" } },
 *   "services": {
 *     "shop-api": { "taskDefinition": ".aws/api.json", "images": { "api": "built" } },
 *     "shop-worker": { "taskDefinition": ".aws/worker.json", "images": { "worker": "built" },
 *                      "createService": true, "serviceDefinition": ".aws/worker-service.json" }
 *   },
 *   "rules": { "nightly": { "rule": "shop-nightly", "taskDefinition": ".aws/worker.json", "images": { "worker": "built" } } },
 *   "schedules": { "report": { "schedule": "shop-report", "taskDefinition": ".aws/worker.json", "images": { "worker": "built" } } }
 * }
 *
 * `built` is the image this deploy built (the `image` input); any other value is an image reference used as written.
 * `{environment}` in a service, rule or schedule name is replaced by the environment deployed to.
 */

export type TargetKind = 'service' | 'rule' | 'schedule';

interface TargetCommon {
  /** The key in the file: how logs, the summary and the outputs name the target. */
  name: string;
  /** The task definition file, relative to the workspace. */
  taskDefinitionFile: string;
  /** Container name → image reference, or `built`. */
  images: Record<string, string>;
}

export interface ServiceTarget extends TargetCommon {
  kind: 'service';
  service: string;
  /** CreateService-shaped settings applied with the update (and used to create a missing service). */
  serviceDefinitionFile?: string;
  /** Create the service from serviceDefinitionFile when it does not exist. */
  createService: boolean;
}

export interface RuleTarget extends TargetCommon {
  kind: 'rule';
  rule: string;
  eventBus: string;
  /** Only this target of the rule; default every ECS target of the rule that runs the task definition's family. */
  targetId?: string;
}

export interface ScheduleTarget extends TargetCommon {
  kind: 'schedule';
  schedule: string;
  group: string;
}

export type AppTarget = ServiceTarget | RuleTarget | ScheduleTarget;

export interface AppFile {
  /** As the input gave it, for messages. */
  path: string;
  application: string;
  environment: string;
  cluster: string;
  targets: AppTarget[];
}

const TOP_LEVEL = ['application', 'environments', 'services', 'rules', 'schedules'];
const MEMBERS: Record<TargetKind, string[]> = {
  service: ['service', 'taskDefinition', 'images', 'serviceDefinition', 'createService'],
  rule: ['rule', 'eventBus', 'targetId', 'taskDefinition', 'images'],
  schedule: ['schedule', 'group', 'taskDefinition', 'images'],
};
const SECTIONS: [string, TargetKind][] = [
  ['services', 'service'],
  ['rules', 'rule'],
  ['schedules', 'schedule'],
];
/** ECS service names; EventBridge rule names and target ids; Scheduler schedule and group names (API references). */
const NAME_PATTERNS: Record<string, { pattern: RegExp; what: string }> = {
  service: { pattern: /^[A-Za-z0-9_-]{1,255}$/, what: 'up to 255 letters, digits, hyphens and underscores' },
  rule: { pattern: /^[.\-_A-Za-z0-9]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
  targetId: { pattern: /^[.\-_A-Za-z0-9]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
  eventBus: { pattern: /^[/.\-_A-Za-z0-9]{1,256}$/, what: 'an event bus name' },
  schedule: { pattern: /^[0-9a-zA-Z\-_.]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
  group: { pattern: /^[0-9a-zA-Z\-_.]{1,64}$/, what: 'up to 64 letters, digits, dots, hyphens and underscores' },
};
const APPLICATION = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const CLUSTER = /^([A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const CONTAINER = /^[A-Za-z0-9_-]{1,255}$/;
/** An image reference: [registry/]repository[:tag][@digest], no whitespace. */
const IMAGE = /^[a-z0-9][a-z0-9._\-/:]*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Problems are collected, never thrown one at a time: the user fixes the file once. */
class Problems {
  readonly list: string[] = [];
  add(path: string, problem: string): void {
    this.list.push(`${path}: ${problem}`);
  }
}

/**
 * Checks the parsed file for one environment; `builtImage` is the image input (undefined when not given). Returns
 * the file's targets with names resolved, or every problem found (`<path in the file>: <problem>`).
 */
export function validateAppFile(
  value: unknown,
  path: string,
  environment: string,
  builtImage: string | undefined,
): AppFile | { problems: string[] } {
  const problems = new Problems();
  if (!isObject(value)) return { problems: ['(top level): must be a JSON object'] };
  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.includes(key))
      problems.add(key, `is not a member of an application file (members: ${TOP_LEVEL.join(', ')})`);
  }
  const application = value.application;
  if (typeof application !== 'string' || !APPLICATION.test(application)) {
    problems.add('application', 'must be the application name: 1 to 64 letters, digits, dots, hyphens and underscores');
  }
  const cluster = environmentCluster(value.environments, environment, problems);
  const targets: AppTarget[] = [];
  const seen = new Map<string, string>();
  for (const [section, kind] of SECTIONS) {
    const entries = value[section];
    if (entries === undefined) continue;
    if (!isObject(entries)) {
      problems.add(section, `must be an object of ${kind} targets by name`);
      continue;
    }
    for (const [name, entry] of Object.entries(entries)) {
      const where = `${section}.${name}`;
      const earlier = seen.get(name);
      if (earlier) problems.add(where, `the name is also used by ${earlier}: each target needs its own name`);
      seen.set(name, where);
      // The name is recorded in the deploy tag (deploy-tag's format 3 records), which reads it back by this rule.
      if (!APPLICATION.test(name))
        problems.add(
          where,
          'the target name must be 1 to 64 letters, digits, dots, hyphens and underscores, starting with a letter or digit',
        );
      const target = checkTarget(kind, name, entry, where, { environment, builtImage }, problems);
      if (target) targets.push(target);
    }
  }
  if (targets.length === 0 && !problems.list.some((p) => /^(services|rules|schedules)[.:]/.test(p))) {
    problems.add('services', 'the file names no target: add at least one service, rule or schedule');
  }
  checkUniqueResources(targets, problems);
  if (problems.list.length > 0) return { problems: problems.list };
  return { path, application: application as string, environment, cluster: cluster ?? '', targets };
}

function environmentCluster(environments: unknown, environment: string, problems: Problems): string | undefined {
  if (!isObject(environments) || Object.keys(environments).length === 0) {
    problems.add(
      'environments',
      'must be an object naming each environment and its cluster, e.g. {"production": {"cluster": "prod"}}',
    );
    return undefined;
  }
  for (const [name, settings] of Object.entries(environments)) {
    if (!isObject(settings)) {
      problems.add(`environments.${name}`, 'must be an object with the member cluster');
      continue;
    }
    for (const key of Object.keys(settings)) {
      if (key !== 'cluster')
        problems.add(`environments.${name}.${key}`, 'is not a member of an environment (members: cluster)');
    }
    if (typeof settings.cluster !== 'string' || !CLUSTER.test(settings.cluster)) {
      problems.add(`environments.${name}.cluster`, 'must be a cluster name or ARN');
    }
  }
  const chosen = environments[environment];
  if (chosen === undefined) {
    problems.add(
      'environments',
      `has no environment "${environment}" (it has ${Object.keys(environments).join(', ')}): add it, or deploy to one of those`,
    );
    return undefined;
  }
  return isObject(chosen) && typeof chosen.cluster === 'string' ? chosen.cluster : undefined;
}

function checkTarget(
  kind: TargetKind,
  name: string,
  entry: unknown,
  where: string,
  context: { environment: string; builtImage: string | undefined },
  problems: Problems,
): AppTarget | undefined {
  if (!isObject(entry)) {
    problems.add(where, `must be an object (members: ${MEMBERS[kind].join(', ')})`);
    return undefined;
  }
  const before = problems.list.length;
  for (const key of Object.keys(entry)) {
    if (!MEMBERS[kind].includes(key))
      problems.add(`${where}.${key}`, `is not a member of a ${kind} target (members: ${MEMBERS[kind].join(', ')})`);
  }
  const text = (key: string, fallback?: string): string | undefined => {
    const raw = entry[key] ?? fallback;
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || raw === '') {
      problems.add(`${where}.${key}`, 'must be a non-empty string');
      return undefined;
    }
    const resolved = raw.replaceAll('{environment}', context.environment);
    const rule = NAME_PATTERNS[key];
    if (rule && !rule.pattern.test(resolved))
      problems.add(`${where}.${key}`, `${JSON.stringify(resolved)} is not valid: use ${rule.what}`);
    return resolved;
  };
  const taskDefinitionFile = text('taskDefinition');
  if (taskDefinitionFile === undefined && entry.taskDefinition === undefined) {
    problems.add(`${where}.taskDefinition`, 'is missing: name the task definition file (relative to the workspace)');
  }
  const images = checkImages(entry.images, `${where}.images`, context.builtImage, problems);
  const common = { name, taskDefinitionFile: taskDefinitionFile ?? '', images };
  let target: AppTarget | undefined;
  if (kind === 'service') {
    const service = text('service', name);
    const createService = entry.createService ?? false;
    if (typeof createService !== 'boolean') problems.add(`${where}.createService`, 'must be true or false');
    const serviceDefinitionFile = text('serviceDefinition');
    if (createService === true && serviceDefinitionFile === undefined) {
      problems.add(
        `${where}.createService`,
        'needs serviceDefinition: the CreateService-shaped file the service is created from',
      );
    }
    target = {
      kind,
      ...common,
      service: service ?? name,
      createService: createService === true,
      ...(serviceDefinitionFile ? { serviceDefinitionFile } : {}),
    };
  } else if (kind === 'rule') {
    const rule = text('rule', name);
    const targetId = text('targetId');
    target = {
      kind,
      ...common,
      rule: rule ?? name,
      eventBus: text('eventBus', 'default') ?? 'default',
      ...(targetId ? { targetId } : {}),
    };
  } else {
    const schedule = text('schedule', name);
    target = { kind, ...common, schedule: schedule ?? name, group: text('group', 'default') ?? 'default' };
  }
  return problems.list.length === before ? target : undefined;
}

function checkImages(
  value: unknown,
  where: string,
  builtImage: string | undefined,
  problems: Problems,
): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value)) {
    problems.add(where, 'must be an object of container name → image ("built" for the image this deploy built)');
    return {};
  }
  const images: Record<string, string> = {};
  for (const [container, image] of Object.entries(value)) {
    if (!CONTAINER.test(container))
      problems.add(`${where}.${container}`, 'is not a container name (letters, digits, hyphens, underscores)');
    if (image === 'built') {
      if (builtImage === undefined)
        problems.add(
          `${where}.${container}`,
          'is "built", but the step was given no image input: set image to the image this deploy built',
        );
      else images[container] = builtImage;
    } else if (typeof image !== 'string' || !IMAGE.test(image)) {
      problems.add(
        `${where}.${container}`,
        'must be "built" or an image reference, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.2.3',
      );
    } else {
      images[container] = image;
    }
  }
  return images;
}

/** Two targets that change the same service, rule target or schedule would undo each other. */
function checkUniqueResources(targets: AppTarget[], problems: Problems): void {
  const owners = new Map<string, string>();
  for (const target of targets) {
    const key =
      target.kind === 'service'
        ? `service ${target.service}`
        : target.kind === 'rule'
          ? `rule ${target.eventBus}/${target.rule}${target.targetId ? ` target ${target.targetId}` : ''}`
          : `schedule ${target.group}/${target.schedule}`;
    const owner = owners.get(key);
    if (owner) problems.add(`${sectionOf(target.kind)}.${target.name}`, `changes the same ${key} as ${owner}`);
    else owners.set(key, `${sectionOf(target.kind)}.${target.name}`);
  }
}

export const sectionOf = (kind: TargetKind): string => `${kind}s`;
