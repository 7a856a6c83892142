/**
 * The rendered task definition: read from a file (register-input JSON or DescribeTaskDefinition output, also
 * wrapped as `{"taskDefinition": …, "tags": […]}`), turned into a RegisterTaskDefinition input, and compared
 * with the one the service runs.
 */
import type { RegisterTaskDefinitionRequest, Tag } from '@aws-sdk/client-ecs';
import { DESCRIBE_ONLY_FIELDS } from '../task-definition.js';

export interface RenderedTaskDefinition {
  /** What RegisterTaskDefinition is called with. */
  request: RegisterTaskDefinitionRequest;
  /** Describe-only fields that were dropped, for a debug line. */
  dropped: string[];
}

/** A task definition file, read and validated (readTaskDefinitionFile). */
export interface TaskDefinitionFile {
  /** As the input gave it, for messages. */
  path: string;
  rendered: RenderedTaskDefinition;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns parsed JSON into a RegisterTaskDefinition input. Returns a problem description (for the error
 * message) when the JSON is not a task definition.
 */
export function toRegisterRequest(json: unknown): RenderedTaskDefinition | { problem: string } {
  if (!isObject(json)) return { problem: 'is not a JSON object' };
  let body: Record<string, unknown> = json;
  let tags: unknown;
  if (isObject(json.taskDefinition)) {
    body = json.taskDefinition;
    tags = json.tags;
  }
  const dropped: string[] = [];
  const request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if ((DESCRIBE_ONLY_FIELDS as readonly string[]).includes(key)) dropped.push(key);
    else if (value !== null) request[key] = value;
  }
  if (typeof request.family !== 'string' || request.family === '') return { problem: 'has no "family"' };
  if (!Array.isArray(request.containerDefinitions) || request.containerDefinitions.length === 0) {
    return { problem: 'has no "containerDefinitions"' };
  }
  if (Array.isArray(tags) && tags.length > 0 && request.tags === undefined) request.tags = tags as Tag[];
  return { request: request as unknown as RegisterTaskDefinitionRequest, dropped };
}

/** Container images of a task definition, in container order. */
export function imagesOf(definition: { containerDefinitions?: { name?: string; image?: string }[] }): string[] {
  return (definition.containerDefinitions ?? []).map((c) => c.image ?? '').filter((image) => image !== '');
}

/** The tag (or digest) of an image reference: `repo:1.2.3` → `1.2.3`. */
export function imageVersion(image: string): string | undefined {
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : undefined;
}

/** `family:revision` from a task definition ARN (or the text itself when it is not an ARN). */
export function shortTaskDefinition(arn: string): string {
  const slash = arn.indexOf('task-definition/');
  return slash >= 0 ? arn.slice(slash + 'task-definition/'.length) : arn;
}

const CPU_UNITS_PER_VCPU = 1024;

/** "1 vCPU" → "1024", "0.5 vcpu" → "512"; "3 GB" → "3072"; other text unchanged. */
function normalizeTaskSize(value: unknown, unit: 'cpu' | 'memory'): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return value;
  const text = value.trim();
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(text);
  if (!match) return text;
  const amount = Number(match[1]);
  const suffix = (match[2] ?? '').toLowerCase();
  if (unit === 'cpu' && suffix === 'vcpu') return String(Math.round(amount * CPU_UNITS_PER_VCPU));
  if (unit === 'memory' && suffix === 'gb') return String(Math.round(amount * 1024));
  if (unit === 'memory' && suffix === 'mb') return String(Math.round(amount));
  return text;
}

/** Drops null/undefined, empty arrays and empty objects, recursively. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const pruned = prune(value[key]);
      if (pruned !== undefined) out[key] = pruned;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return value ?? undefined;
}

const byName = (a: unknown, b: unknown) => {
  const name = (x: unknown) => (isObject(x) ? String(x.name ?? '') : '');
  return name(a).localeCompare(name(b));
};

/**
 * A canonical form for "is this the same task definition": describe-only fields stripped, values that ECS fills
 * in with their defaults removed (essential true, protocol tcp, container cpu 0, hostPort equal to containerPort in
 * awsvpc/host mode, networkMode bridge, enableFaultInjection false, versionConsistency enabled), task cpu/memory in
 * units, environment/secrets order ignored, empty values dropped. Tags are not part of a revision and are ignored.
 */
export function normalizeTaskDefinition(definition: unknown): unknown {
  if (!isObject(definition)) return definition;
  const source = isObject(definition.taskDefinition) ? definition.taskDefinition : definition;
  const td: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if ((DESCRIBE_ONLY_FIELDS as readonly string[]).includes(key) || key === 'tags') continue;
    td[key] = value;
  }
  const networkMode = typeof td.networkMode === 'string' ? td.networkMode : 'bridge';
  if (td.networkMode === 'bridge') delete td.networkMode;
  // Newer ECS answers show this default (false) also on revisions that never set it.
  if (td.enableFaultInjection === false) delete td.enableFaultInjection;
  if (td.cpu !== undefined) td.cpu = normalizeTaskSize(td.cpu, 'cpu');
  if (td.memory !== undefined) td.memory = normalizeTaskSize(td.memory, 'memory');
  if (Array.isArray(td.containerDefinitions)) {
    td.containerDefinitions = td.containerDefinitions.map((raw) => {
      if (!isObject(raw)) return raw;
      const c: Record<string, unknown> = { ...raw };
      if (c.essential === true) delete c.essential;
      if (c.cpu === 0) delete c.cpu;
      if (c.versionConsistency === 'enabled') delete c.versionConsistency;
      for (const key of ['environment', 'secrets'] as const) {
        if (Array.isArray(c[key])) c[key] = [...(c[key] as unknown[])].sort(byName);
      }
      if (Array.isArray(c.portMappings)) {
        c.portMappings = c.portMappings.map((rawMapping) => {
          if (!isObject(rawMapping)) return rawMapping;
          const m: Record<string, unknown> = { ...rawMapping };
          if (m.protocol === 'tcp') delete m.protocol;
          if (
            m.hostPort === 0 ||
            ((networkMode === 'awsvpc' || networkMode === 'host') && m.hostPort === m.containerPort)
          ) {
            delete m.hostPort;
          }
          return m;
        });
      }
      return c;
    });
  }
  return prune(td);
}

export function sameTaskDefinition(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalizeTaskDefinition(a)) === JSON.stringify(normalizeTaskDefinition(b));
}
