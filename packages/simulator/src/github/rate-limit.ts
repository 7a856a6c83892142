/**
 * GitHub's primary rate limit for the job token (GITHUB_TOKEN): 1,000 REST requests per hour per repository
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#primary-rate-limit-for-github_token-in-github-actions).
 * Every answer carries the `x-ratelimit-*` headers GitHub sends; past the limit the answer is 403 with
 * `x-ratelimit-remaining: 0` and GitHub's body, until the window resets an hour after it began.
 */
import type { GitHubResponse } from '../contract.js';
import { error } from './responses.js';

export const JOB_TOKEN_LIMIT_PER_HOUR = 1_000;
const WINDOW_MS = 3_600_000;
const DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits';

interface Window {
  startMs: number;
  used: number;
}

export class RateLimits {
  private readonly windows = new Map<string, Window>();
  /** Requests per hour per repository; undefined turns the limit off (long suites that do not count). */
  limit: number | undefined = JOB_TOKEN_LIMIT_PER_HOUR;

  constructor(private readonly now: () => number) {}

  /** Counts one request against `repository`: the headers to add, or the refusal once the hour's quota is spent. */
  take(
    repository: string,
    route: string,
    installationId: number,
  ): { headers: Record<string, string> } | { refused: GitHubResponse } {
    if (this.limit === undefined) return { headers: {} };
    const now = this.now();
    let window = this.windows.get(repository);
    if (!window || now >= window.startMs + WINDOW_MS) {
      window = { startMs: now, used: 0 };
      this.windows.set(repository, window);
    }
    const over = window.used >= this.limit;
    if (!over) window.used++;
    const headers = {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(this.limit - window.used),
      'x-ratelimit-used': String(window.used),
      'x-ratelimit-reset': String(Math.ceil((window.startMs + WINDOW_MS) / 1000)),
      'x-ratelimit-resource': 'core',
    };
    if (!over) return { headers };
    const refused = error(403, `API rate limit exceeded for installation ID ${installationId}.`, DOCS, route);
    return { refused: { ...refused, headers: { ...refused.headers, ...headers } } };
  }

  /** Requests counted in the current window of `repository`. */
  used(repository: string): number {
    return this.windows.get(repository)?.used ?? 0;
  }
}
