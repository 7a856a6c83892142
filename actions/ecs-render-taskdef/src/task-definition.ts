import { ConfigurationError, DESCRIBE_ONLY_FIELDS, type KeyValueEntry, quoteValue } from '@ecs-actions/core';
import { IMAGE_TAG_LABEL, type RenderInputs } from './inputs.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a parsed document (register-input form, or the describe-output form `{"taskDefinition": {...}, "tags": [...]}`)
 * into a RegisterTaskDefinition input: the describe-only fields go, every other field stays in its order, and the
 * describe form's tags become register tags. `where` names the document in error messages.
 */
export function toRegisterInput(document: unknown, where: string): JsonObject {
  if (!isObject(document)) {
    const kind = Array.isArray(document) ? 'an array' : document === null ? 'null' : `a ${typeof document}`;
    throw new ConfigurationError(
      `${where} holds ${kind}, not a task definition. It must be a JSON object: RegisterTaskDefinition input, or DescribeTaskDefinition output ({"taskDefinition": {...}}).`,
    );
  }
  const describeForm = isObject(document.taskDefinition) && !('containerDefinitions' in document);
  const source = describeForm ? (document.taskDefinition as JsonObject) : document;
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (!(DESCRIBE_ONLY_FIELDS as readonly string[]).includes(key)) result[key] = value;
  }
  if (describeForm && Array.isArray(document.tags) && document.tags.length > 0 && !('tags' in result)) {
    result.tags = document.tags;
  }
  checkShape(result, where);
  return result;
}

function checkShape(taskDefinition: JsonObject, where: string): void {
  const containers = taskDefinition.containerDefinitions;
  if (!Array.isArray(containers) || containers.length === 0) {
    throw new ConfigurationError(
      `${where} has no containerDefinitions${containers === undefined ? '' : ' (it is not a non-empty array)'}. A task definition lists its containers under "containerDefinitions": [{"name": ..., "image": ...}].`,
    );
  }
  containers.forEach((container, index) => {
    if (!isObject(container) || typeof container.name !== 'string' || container.name === '') {
      throw new ConfigurationError(
        `${where}: containerDefinitions[${index}] is not a container with a "name". Every container needs a name.`,
      );
    }
  });
  if (typeof taskDefinition.family !== 'string' || taskDefinition.family === '') {
    throw new ConfigurationError(`${where} has no "family". RegisterTaskDefinition needs the family name.`);
  }
}

export function containersOf(taskDefinition: JsonObject): JsonObject[] {
  return taskDefinition.containerDefinitions as JsonObject[];
}

export function containerNames(taskDefinition: JsonObject): string[] {
  return containersOf(taskDefinition).map((container) => container.name as string);
}

function findContainer(taskDefinition: JsonObject, name: string): JsonObject | undefined {
  return containersOf(taskDefinition).find((container) => container.name === name);
}

function notFound(name: string, origin: string, taskDefinition: JsonObject, where: string): ConfigurationError {
  const names = containerNames(taskDefinition);
  return new ConfigurationError(
    `${origin[0]?.toUpperCase()}${origin.slice(1)}: there is no container named ${quoteValue(name)} in ${where}. Its containers: ${names.map((n) => quoteValue(n)).join(', ')}.`,
  );
}

/** Inputs that change one container, by input name. */
function containerSettings(inputs: RenderInputs): string[] {
  return [
    inputs.environment.length > 0 ? 'environment-variables' : undefined,
    inputs.secrets.length > 0 ? 'secrets' : undefined,
    inputs.dockerLabels.length > 0 ? 'docker-labels' : undefined,
    inputs.logOptions.length > 0 ? 'log-options' : undefined,
    inputs.command !== undefined ? 'command' : undefined,
  ].filter((name) => name !== undefined);
}

/**
 * The container that gets environment-variables, secrets, docker-labels, log-options and command:
 * container-name; else the one container of a one-line `images`; else the task definition's only container.
 * Undefined when none of those inputs is set.
 */
function settingsContainer(inputs: RenderInputs, taskDefinition: JsonObject, where: string): string | undefined {
  const settings = containerSettings(inputs);
  // checkTargets has made sure that container-name names a container.
  if (inputs.containerName !== undefined) return settings.length > 0 ? inputs.containerName : undefined;
  if (settings.length === 0) return undefined;
  const [onlyImage, ...otherImages] = inputs.images;
  if (onlyImage && otherImages.length === 0) return onlyImage.container;
  const names = containerNames(taskDefinition);
  if (names.length === 1) return names[0];
  throw new ConfigurationError(
    `Input${settings.length > 1 ? 's' : ''} ${settings.map((s) => `"${s}"`).join(', ')} change${settings.length > 1 ? '' : 's'} one container, but ${where} has several (${names.map((n) => quoteValue(n)).join(', ')}) and "container-name" is empty. Set container-name: to the container that gets them.`,
  );
}

/** Checks that every container the inputs name exists and can take the change; nothing is changed yet. */
export function checkTargets(inputs: RenderInputs, taskDefinition: JsonObject, where: string): string | undefined {
  // container-name first: with `image`, a missing container is a wrong container-name, not a wrong image.
  if (inputs.containerName !== undefined && !findContainer(taskDefinition, inputs.containerName)) {
    throw notFound(inputs.containerName, 'input "container-name"', taskDefinition, where);
  }
  for (const assignment of inputs.images) {
    if (!findContainer(taskDefinition, assignment.container)) {
      throw notFound(assignment.container, assignment.origin, taskDefinition, where);
    }
  }
  const target = settingsContainer(inputs, taskDefinition, where);
  if (target !== undefined && inputs.logOptions.length > 0) {
    const container = findContainer(taskDefinition, target);
    if (!isObject(container?.logConfiguration) || typeof container.logConfiguration.logDriver !== 'string') {
      throw new ConfigurationError(
        `Input "log-options": the container ${quoteValue(target)} in ${where} has no logConfiguration with a logDriver to merge the options into. Add "logConfiguration": {"logDriver": "awslogs", "options": {...}} to the container first.`,
      );
    }
  }
  return target;
}

/** The new image of each container, after verification (pinned to a digest or as given). */
export interface ImageChange {
  container: string;
  image: string;
  /** Recorded as the IMAGE_TAG_LABEL docker label when the image was pinned to a digest. */
  pinnedTag?: string;
}

export interface Changes {
  images: ImageChange[];
  /** The container that gets the per-container settings. */
  target: string | undefined;
  environment: KeyValueEntry[];
  secrets: KeyValueEntry[];
  dockerLabels: KeyValueEntry[];
  logOptions: KeyValueEntry[];
  command: string[] | undefined;
  task: { cpu?: string; memory?: string; taskRoleArn?: string; executionRoleArn?: string };
}

/** Upserts `{name, <field>}` entries: an existing name keeps its place, a new one is appended. */
function upsertNamed(list: unknown, entries: KeyValueEntry[], field: 'value' | 'valueFrom'): unknown[] {
  const result = Array.isArray(list) ? [...(list as unknown[])] : [];
  for (const { key, value } of entries) {
    let found = false;
    for (let i = 0; i < result.length; i++) {
      const item = result[i];
      if (isObject(item) && item.name === key) {
        result[i] = { ...item, [field]: value };
        found = true;
      }
    }
    if (!found) result.push({ name: key, [field]: value });
  }
  return result;
}

function mergeMap(map: unknown, entries: KeyValueEntry[]): JsonObject {
  const result: JsonObject = isObject(map) ? { ...map } : {};
  for (const { key, value } of entries) result[key] = value;
  return result;
}

/** A copy of the task definition with the changes applied; key order is kept and new keys go last. */
export function applyChanges(taskDefinition: JsonObject, changes: Changes): JsonObject {
  const result = structuredClone(taskDefinition);
  const containers = containersOf(result);
  for (const change of changes.images) {
    const container = containers.find((c) => c.name === change.container);
    if (!container) continue;
    container.image = change.image;
    if (change.pinnedTag !== undefined) {
      container.dockerLabels = mergeMap(container.dockerLabels, [
        { key: IMAGE_TAG_LABEL, value: change.pinnedTag, line: 0 },
      ]);
    }
  }
  const target = containers.find((c) => c.name === changes.target);
  if (target) {
    if (changes.environment.length > 0) {
      target.environment = upsertNamed(target.environment, changes.environment, 'value');
    }
    if (changes.secrets.length > 0) target.secrets = upsertNamed(target.secrets, changes.secrets, 'valueFrom');
    if (changes.dockerLabels.length > 0) target.dockerLabels = mergeMap(target.dockerLabels, changes.dockerLabels);
    if (changes.logOptions.length > 0 && isObject(target.logConfiguration)) {
      target.logConfiguration = {
        ...target.logConfiguration,
        options: mergeMap(target.logConfiguration.options, changes.logOptions),
      };
    }
    if (changes.command !== undefined) target.command = [...changes.command];
  }
  for (const [key, value] of Object.entries(changes.task)) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}
