/** The JSON GitHub answers with: success and error bodies, timestamps, node ids, pagination, the bot as creator. */
import type { GitHubResponse } from '../contract.js';
import { BOT } from './model.js';

/** GitHub's error body: `{"message", "documentation_url", "status"}` (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api). */
export function error(status: number, message: string, docs: string, route: string, extra?: object): GitHubResponse {
  return {
    status,
    route,
    body: { message, documentation_url: docs, status: String(status), ...extra },
    headers: { 'content-type': 'application/json; charset=utf-8' },
  };
}

export function ok(status: number, body: unknown, route: string, headers?: Record<string, string>): GitHubResponse {
  return { status, body, route, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nodeId(kind: string, key: string | number): string {
  return Buffer.from(`${kind}:${key}`).toString('base64').replace(/=+$/, '');
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `per_page` (default 30, max 100) and `page` (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api). */
export function paginate<T>(list: T[], query: URLSearchParams): T[] {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  return list.slice((page - 1) * perPage, page * perPage);
}

export function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The actor of what GITHUB_TOKEN creates (deployments, statuses, releases). */
export function creator() {
  return { login: BOT.login, id: BOT.id, node_id: nodeId('Bot', BOT.id), type: 'Bot', site_admin: false };
}
