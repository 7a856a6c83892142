/**
 * ListDeployments (CodeDeploy API reference): the deployment ids of one deployment group (applicationName and
 * deploymentGroupName go together) or of the account, narrowed by `includeOnlyStatuses` and `createTimeRange`
 * (`start`/`end` in epoch seconds, either open-ended), newest first, 100 a page with an opaque `nextToken`.
 */
import { AwsServiceError } from '../contract.js';
import type { DeploymentGroupRecord, DeploymentRecord, DeploymentStatus, JsonObject } from './model.js';

const STATUSES: readonly DeploymentStatus[] = [
  'Created',
  'Queued',
  'InProgress',
  'Baking',
  'Ready',
  'Succeeded',
  'Failed',
  'Stopped',
];
const PAGE = 100;

export function listDeployments(
  deployments: Iterable<DeploymentRecord>,
  input: JsonObject,
  group: (input: JsonObject) => DeploymentGroupRecord,
): JsonObject {
  const named = input.applicationName !== undefined || input.deploymentGroupName !== undefined;
  if (input.applicationName !== undefined && input.deploymentGroupName === undefined) {
    throw new AwsServiceError('DeploymentGroupNameRequiredException', 'Deployment group name must be specified.');
  }
  if (input.applicationName === undefined && input.deploymentGroupName !== undefined) {
    throw new AwsServiceError('ApplicationNameRequiredException', 'Application name must be specified.');
  }
  const only = named ? group(input) : undefined;
  const statuses = statusFilter(input.includeOnlyStatuses);
  const { start, end } = timeRange(input.createTimeRange);
  const ids = [...deployments]
    .filter((deployment) => only === undefined || deployment.group === only)
    .filter((deployment) => statuses === undefined || statuses.has(deployment.status))
    .filter((deployment) => start === undefined || deployment.createTime >= start)
    .filter((deployment) => end === undefined || deployment.createTime <= end)
    .sort((a, b) => b.createTime - a.createTime)
    .map((deployment) => deployment.id);
  const offset = pageOffset(input.nextToken);
  const next = offset + PAGE;
  const page = ids.slice(offset, next);
  return next < ids.length
    ? { deployments: page, nextToken: Buffer.from(`deployments:${next}`).toString('base64') }
    : { deployments: page };
}

function statusFilter(value: unknown): Set<string> | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  for (const status of list) {
    if (typeof status !== 'string' || !STATUSES.includes(status as DeploymentStatus)) {
      throw new AwsServiceError('InvalidDeploymentStatusException', `Invalid deployment status: ${String(status)}`);
    }
  }
  return list.length === 0 ? undefined : new Set(list as string[]);
}

/** createTimeRange in epoch ms (the wire has epoch seconds); start after end is refused. */
function timeRange(value: unknown): { start?: number; end?: number } {
  if (value === undefined || value === null) return {};
  const range = value as { start?: unknown; end?: unknown };
  const ms = (time: unknown) => (typeof time === 'number' ? time * 1000 : undefined);
  const start = ms(range.start);
  const end = ms(range.end);
  if (start !== undefined && end !== undefined && start > end) {
    throw new AwsServiceError('InvalidTimeRangeException', 'The specified time range is invalid.');
  }
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

function pageOffset(token: unknown): number {
  if (token === undefined) return 0;
  const text = typeof token === 'string' ? Buffer.from(token, 'base64').toString('utf8') : '';
  const offset = Number(text.startsWith('deployments:') ? text.slice('deployments:'.length) : Number.NaN);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new AwsServiceError('InvalidNextTokenException', 'The next token was specified in an invalid format.');
  }
  return offset;
}
