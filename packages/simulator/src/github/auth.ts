/** Who may call a route: a known token, a repository the token can see, the permission the route needs. */
import type { GitHubRequest, GitHubResponse } from '../contract.js';
import { DOCS, type Params, type Repository, type Route, repoKey, type TokenPermission } from './model.js';
import { error } from './responses.js';

export interface AccessState {
  repos: Map<string, Repository>;
  tokens: Map<string, TokenPermission>;
  workflowTokens: Set<string>;
}

export type Access = { denied: GitHubResponse } | { denied?: undefined; repo: Repository; workflows: boolean };

/** `name` is the route as the call record names it (`POST /repos/{owner}/{repo}/git/refs`). */
export function authorize(
  state: AccessState,
  request: GitHubRequest,
  matched: { route: Route; params: Params; name: string },
): Access {
  const { route, params, name } = matched;
  // Authentication first: no token 401 "Requires authentication", an unknown one 401 "Bad credentials"
  // (https://docs.github.com/rest/authentication/authenticating-to-the-rest-api).
  const token = bearer(request.headers.authorization);
  if (token === undefined) return { denied: error(401, 'Requires authentication', route.docs, name) };
  const permission = state.tokens.get(token);
  if (permission === undefined) return { denied: error(401, 'Bad credentials', DOCS, name) };
  // A repository the token cannot see is 404, never 403 (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource).
  const repo = state.repos.get(repoKey(params.owner ?? '', params.repo ?? ''));
  if (!repo) return { denied: error(404, 'Not Found', route.docs, name) };
  // A token without the route's scope at its level (GITHUB_TOKEN with only `deployments: write` creating a ref, say):
  // 403 "Resource not accessible by integration"
  // (https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token).
  if (!allows(permission, route.permission)) {
    return { denied: error(403, 'Resource not accessible by integration', route.docs, name) };
  }
  return { repo, workflows: state.workflowTokens.has(token) };
}

/** Whether a token's permission covers what a route needs; every token may read metadata. */
function allows(permission: TokenPermission, needed: Route['permission']): boolean {
  if (permission === 'write') return true;
  if (permission === 'read') return needed.level === 'read';
  if (needed.scope === 'metadata' && needed.level === 'read') return true;
  const level = permission[needed.scope] ?? 'none';
  return level === 'write' || (level === 'read' && needed.level === 'read');
}

/** `Authorization: token X` or `Bearer X` (https://docs.github.com/rest/authentication/authenticating-to-the-rest-api). */
function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : '';
}
