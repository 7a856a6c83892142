/**
 * GitHub's rate limits as deploy-tag meets them
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api): the primary limit (the job token
 * may make 1,000 requests per hour per repository) answers 403 or 429 with `x-ratelimit-remaining: 0` and the reset
 * time in `x-ratelimit-reset`; a secondary limit answers 403 or 429 with `retry-after`, or with no header at all
 * ("wait at least one minute"). Waiting an hour is never an option inside a deploy: the primary limit is one clear
 * error; a secondary limit is waited out once when the wait fits a small budget.
 */

/** The longest secondary-limit wait deploy-tag sits out (in total, per call) before giving up with the error. */
export const SECONDARY_WAIT_BUDGET_MS = 60_000;

export type RateLimited =
  | { kind: 'primary'; limit?: string; resource?: string; resetAt?: Date }
  | { kind: 'secondary'; waitMs: number };

interface ErrorWithResponse {
  status: number;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** What limit a failed GitHub call hit, if any: only 403 and 429 can be one, and 403 is one only when GitHub says so. */
export function rateLimitOf(error: ErrorWithResponse): RateLimited | undefined {
  if (error.status !== 403 && error.status !== 429) return undefined;
  const headers = error.response?.headers ?? {};
  const header = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]));
  const message = String((error.response?.data as { message?: unknown } | undefined)?.message ?? '');
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset'));
    return {
      kind: 'primary',
      ...(header('x-ratelimit-limit') !== undefined ? { limit: header('x-ratelimit-limit') } : {}),
      ...(header('x-ratelimit-resource') !== undefined ? { resource: header('x-ratelimit-resource') } : {}),
      ...(Number.isFinite(reset) && reset > 0 ? { resetAt: new Date(reset * 1000) } : {}),
    };
  }
  const retryAfter = Number(header('retry-after'));
  if (header('retry-after') !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
    return { kind: 'secondary', waitMs: retryAfter * 1000 };
  }
  if (error.status === 429 || /secondary rate limit|abuse/i.test(message)) return { kind: 'secondary', waitMs: 60_000 };
  return undefined;
}

/** A GitHub rate limit that stops the step: names the limit and when it resets. Not retried, never "not found". */
export class RateLimitError extends Error {
  override readonly name = 'RateLimitError';
}

export function rateLimitError(limited: RateLimited, what: string, repository: string, nowMs: number): RateLimitError {
  if (limited.kind === 'secondary') {
    return new RateLimitError(
      `GitHub's secondary rate limit stopped the request to ${what} in ${repository}: it asked to wait ${Math.ceil(limited.waitMs / 1000)} s, more than this step waits (${SECONDARY_WAIT_BUDGET_MS / 1000} s). Too many requests at once from this repository's workflows; re-run this step in a few minutes.`,
    );
  }
  const reset = limited.resetAt
    ? `it resets at ${limited.resetAt.toISOString()} (in ${Math.max(0, Math.ceil((limited.resetAt.getTime() - nowMs) / 60_000))} min)`
    : 'its reset time was not given';
  return new RateLimitError(
    `GitHub's primary rate limit is spent (${limited.limit ?? 'its'} requests per hour${limited.resource ? `, resource ${limited.resource}` : ''}) for the token used to ${what} in ${repository}: ${reset}. The job token's quota is shared by every workflow of the repository; re-run this step after the reset.`,
  );
}
