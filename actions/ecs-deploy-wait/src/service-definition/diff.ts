/**
 * What a service definition changes on the running service, one line per setting, e.g.
 * `~ deploymentConfiguration.maximumPercent: 200 → 150`, `+ enableExecuteCommand: true`. Only what the file sets is
 * compared: ECS fills in defaults the file need not repeat. Service Connect, volume and VPC Lattice settings are
 * read from the service's PRIMARY deployment, where DescribeServices reports them.
 */
import type { Service } from '@aws-sdk/client-ecs';
import type { ServiceSettings } from './validate.js';

const FROM_DEPLOYMENT = new Set(['serviceConnectConfiguration', 'volumeConfigurations', 'vpcLatticeConfigurations']);

export function serviceSettingsDiff(settings: ServiceSettings, service: Service): string[] {
  const primary = service.deployments?.find((deployment) => deployment.status === 'PRIMARY') as
    | Record<string, unknown>
    | undefined;
  const running = service as Record<string, unknown>;
  const lines: string[] = [];
  for (const [key, wanted] of Object.entries(settings)) {
    const current = FROM_DEPLOYMENT.has(key) ? primary?.[key] : running[key];
    const before = leaves(current, key);
    for (const [path, value] of leaves(wanted, key)) {
      const old = before.get(path);
      if (old === undefined) lines.push(`+ ${path}: ${value}`);
      else if (old !== value) lines.push(`~ ${path}: ${old} → ${value}`);
    }
  }
  return lines;
}

/** path → JSON text of each scalar under `value` (lists by index, `[]` and `{}` for empty ones). */
function leaves(value: unknown, path: string, into = new Map<string, string>()): Map<string, string> {
  if (value === undefined || value === null) return into;
  if (Array.isArray(value)) {
    if (value.length === 0) into.set(path, '[]');
    for (const [i, item] of value.entries()) leaves(item, `${path}[${i}]`, into);
  } else if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) into.set(path, '{}');
    for (const [key, inner] of entries) leaves(inner, `${path}.${key}`, into);
  } else {
    into.set(path, JSON.stringify(value));
  }
  return into;
}
