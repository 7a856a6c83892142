/**
 * `permissions:` of a job (or the workflow), as GITHUB_TOKEN scopes; a called workflow's jobs get at most what
 * the caller job grants. Absent permissions mean the repository default, taken here as the restricted default
 * (contents and packages read, nothing else), so that a workflow that forgets a scope fails locally too.
 */
import { isMapping, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';

export type Level = 'none' | 'read' | 'write';
export type Permissions = Record<string, Level>;

export const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'id-token',
  'issues',
  'discussions',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];

const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

export function parsePermissions(token: TemplateToken | undefined): Permissions {
  if (!token) return { contents: 'read', packages: 'read' };
  if (isString(token)) {
    const level: Level = token.value === 'write-all' ? 'write' : token.value === 'read-all' ? 'read' : 'none';
    return Object.fromEntries(
      SCOPES.map((scope) => [scope, scope === 'id-token' && level === 'read' ? 'none' : level]),
    );
  }
  const permissions: Permissions = {};
  if (isMapping(token)) {
    for (const pair of token) {
      const value = pair.value.toString() as Level;
      permissions[pair.key.toString()] = value in RANK ? value : 'none';
    }
  }
  return permissions;
}

export function permissionLevel(permissions: Permissions, scope: string): Level {
  return permissions[scope] ?? 'none';
}

/** The lower of each scope, when a caller sets a ceiling. */
export function restrictPermissions(own: Permissions, ceiling: Permissions | undefined): Permissions {
  if (!ceiling) return own;
  const result: Permissions = {};
  for (const [scope, level] of Object.entries(own)) {
    const max = permissionLevel(ceiling, scope);
    result[scope] = RANK[level] <= RANK[max] ? level : max;
  }
  return result;
}
