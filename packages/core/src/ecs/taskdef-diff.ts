/**
 * What changes between two task definitions (register-input form), setting by setting: ecs-render-taskdef's summary
 * and ecs-deploy-wait's dry-run plan. Secret values are never shown.
 */
import { markdownCell, markdownCode, markdownTable } from '../outputs.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function containersOf(taskDefinition: JsonObject): JsonObject[] {
  return Array.isArray(taskDefinition.containerDefinitions)
    ? (taskDefinition.containerDefinitions as JsonObject[])
    : [];
}

/** One changed setting. `before`/`after` undefined: absent. Secret values are never carried here. */
export interface Change {
  /** `task`, or `container <name>`. */
  scope: string;
  /** `image`, `environment FOO`, `secret DB_PASSWORD`, `docker label x`, `log option y`, `command`, `cpu`, … */
  setting: string;
  before: string | undefined;
  after: string | undefined;
  /** For secrets: the values are not shown. */
  hidden?: boolean;
  /** The values are JSON already (command): shown as they are, not quoted. */
  json?: boolean;
}

const HIDDEN = '(value hidden)';

function namedValues(list: unknown, field: 'value' | 'valueFrom'): Map<string, string> {
  const map = new Map<string, string>();
  if (!Array.isArray(list)) return map;
  for (const item of list) {
    if (isObject(item) && typeof item.name === 'string') map.set(item.name, String(item[field] ?? ''));
  }
  return map;
}

function mapValues(map: unknown): Map<string, string> {
  const result = new Map<string, string>();
  if (!isObject(map)) return result;
  for (const [key, value] of Object.entries(map))
    result.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return result;
}

function compareMaps(
  scope: string,
  label: string,
  before: Map<string, string>,
  after: Map<string, string>,
  hidden = false,
): Change[] {
  const changes: Change[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a === b) continue;
    changes.push(
      hidden
        ? {
            scope,
            setting: `${label} ${key}`,
            before: a === undefined ? undefined : HIDDEN,
            after: b === undefined ? undefined : HIDDEN,
            hidden: true,
          }
        : { scope, setting: `${label} ${key}`, before: a, after: b },
    );
  }
  return changes;
}

const text = (value: unknown): string | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

/** What changed between the source and the rendered task definition, in the settings this action changes. */
export function diffTaskDefinitions(before: JsonObject, after: JsonObject): Change[] {
  const changes: Change[] = [];
  for (const field of ['cpu', 'memory', 'taskRoleArn', 'executionRoleArn']) {
    const a = text(before[field]);
    const b = text(after[field]);
    if (a !== b) changes.push({ scope: 'task', setting: field, before: a, after: b });
  }
  const beforeContainers = containersOf(before);
  for (const container of containersOf(after)) {
    const old = beforeContainers.find((c) => c.name === container.name) ?? {};
    const scope = `container ${String(container.name)}`;
    const image = [text(old.image), text(container.image)];
    if (image[0] !== image[1]) changes.push({ scope, setting: 'image', before: image[0], after: image[1] });
    changes.push(
      ...compareMaps(
        scope,
        'environment',
        namedValues(old.environment, 'value'),
        namedValues(container.environment, 'value'),
      ),
      ...compareMaps(
        scope,
        'secret',
        namedValues(old.secrets, 'valueFrom'),
        namedValues(container.secrets, 'valueFrom'),
        true,
      ),
      ...compareMaps(scope, 'docker label', mapValues(old.dockerLabels), mapValues(container.dockerLabels)),
      ...compareMaps(
        scope,
        'log option',
        mapValues(isObject(old.logConfiguration) ? old.logConfiguration.options : undefined),
        mapValues(isObject(container.logConfiguration) ? container.logConfiguration.options : undefined),
      ),
    );
    const command = [text(old.command), text(container.command)];
    if (command[0] !== command[1]) {
      changes.push({ scope, setting: 'command', before: command[0], after: command[1], json: true });
    }
  }
  return changes;
}

function describeChange(change: Change): string {
  if (change.hidden) {
    if (change.before === undefined) return 'added (value hidden)';
    if (change.after === undefined) return 'removed (value hidden)';
    return 'changed (values hidden)';
  }
  const show = (value: string | undefined) => (change.json ? String(value) : JSON.stringify(value));
  if (change.before === undefined) return `added ${show(change.after)}`;
  if (change.after === undefined) return `removed (was ${show(change.before)})`;
  return `${show(change.before)} → ${show(change.after)}`;
}

/** Log lines, grouped by scope: `container web:` then `  image: "a" → "b"`. */
export function formatDiff(changes: Change[]): string[] {
  if (changes.length === 0) return ['No changes: the rendered task definition equals the source.'];
  const lines: string[] = [];
  let scope = '';
  for (const change of changes) {
    if (change.scope !== scope) {
      scope = change.scope;
      lines.push(`${scope}:`);
    }
    lines.push(`  ${change.setting}: ${describeChange(change)}`);
  }
  return lines;
}

/** A markdown table of the changes for the step summary. */
export function diffTable(changes: Change[]): string {
  if (changes.length === 0) return 'No changes: the rendered task definition equals the source.';
  const cell = (value: string | undefined, hidden: boolean | undefined) =>
    value === undefined ? '(none)' : hidden ? markdownCell(value) : markdownCode(markdownCell(value));
  return markdownTable(
    ['Where', 'Setting', 'Before', 'After'],
    changes.map((change) => [
      markdownCell(change.scope),
      markdownCell(change.setting),
      cell(change.before, change.hidden),
      cell(change.after, change.hidden),
    ]),
  );
}
