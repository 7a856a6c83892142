import { type Clock, ConfigurationError, realSleep, type Sleep } from '@ecs-actions/core';
import type { Octokit } from '@octokit/core';
import { rateLimitError, rateLimitOf, SECONDARY_WAIT_BUDGET_MS } from './rate-limit.js';

/** The part of Octokit the action uses; tests pass an Octokit pointed at the simulator. */
export type GitHubClient = Pick<Octokit, 'request'>;

export interface DeployTagDeps {
  github: GitHubClient;
  clock: Clock;
  /** Waits between retries of 5xx answers and before reading a written tag back; default real time. */
  sleep?: Sleep;
  /** Progress lines for the log. */
  info?: (message: string) => void;
  /** Problems that do not fail the step (a deploy tag left out of the history). */
  warning?: (message: string) => void;
}

interface RequestErrorLike {
  status: number;
  message: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

export function isRequestError(error: unknown): error is RequestErrorLike {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

export function githubMessage(error: RequestErrorLike): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : error.message;
}

export function statusOf(error: unknown): number | undefined {
  return isRequestError(error) ? error.status : undefined;
}

export interface CallContext {
  /** What the call does, for the message: `create the tag object`. */
  what: string;
  /** The job permission the call needs: `contents: write`. */
  permission: string;
  repository: string;
}

/** How long one GitHub request may take before it is given up (and retried as a network failure). */
export const REQUEST_TIMEOUT_MS = 30_000;

/** fetch for Octokit with a per-request timeout: a hung connection fails the call instead of the whole job. */
export function fetchWithTimeout(timeoutMs = REQUEST_TIMEOUT_MS): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal }).catch((error: unknown) => {
      if (timeout.aborted) throw new Error(`no answer from GitHub within ${timeoutMs / 1000} s`);
      throw error;
    });
  };
}

/** Waits before the 2nd and 3rd attempt of a call that failed with a 5xx or a network error. */
export const RETRY_DELAYS_MS = [1000, 3000];

/**
 * Retries GitHub 5xx answers and network failures (Octokit reports both as status >= 500). Every write the
 * action makes is safe to repeat: a second tag object is harmless, and a ref that the first attempt did
 * create comes back as 422 "Reference already exists", which the caller treats as an existing tag.
 */
export async function withRetry<T>(fn: () => Promise<T>, sleep: Sleep = realSleep): Promise<T> {
  let waitedMs = 0;
  for (let attempt = 0; ; ) {
    try {
      return await fn();
    } catch (error) {
      // A secondary rate limit is waited out as GitHub asks, once the wait fits the budget; else explain() names it.
      const limited = isRequestError(error) ? rateLimitOf(error) : undefined;
      if (limited) {
        if (limited.kind === 'primary' || waitedMs + limited.waitMs > SECONDARY_WAIT_BUDGET_MS) throw error;
        waitedMs += limited.waitMs;
        await sleep(limited.waitMs);
        continue;
      }
      const status = statusOf(error);
      const delay = RETRY_DELAYS_MS[attempt++];
      if (delay === undefined || status === undefined || status < 500) throw error;
      await sleep(delay);
    }
  }
}

/**
 * Runs one GitHub call and turns the failures a workflow author can fix into one clear line:
 * 401 (no or bad token), 403 (missing job permission), 404 (repository not visible to the token), a rate limit.
 */
export async function call<T>(deps: { sleep?: Sleep }, context: CallContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(fn, deps.sleep);
  } catch (error) {
    throw explain(error, context);
  }
}

export function explain(error: unknown, { what, permission, repository }: CallContext): Error {
  if (!isRequestError(error)) return error instanceof Error ? error : new Error(String(error));
  const limited = rateLimitOf(error);
  if (limited) return rateLimitError(limited, what, repository, Date.now());
  const message = githubMessage(error);
  if (error.status === 401) {
    return new ConfigurationError(
      `GitHub answered 401 (${message}) to ${what}: the token in input "github-token" is missing or invalid. Leave github-token at its default \${{ github.token }}, or pass a valid token for ${repository}.`,
    );
  }
  if (error.status === 403 && !/rate limit/i.test(message)) {
    return new ConfigurationError(
      `GitHub answered 403 (${message}) to ${what} in ${repository}: the job needs \`permissions: ${permission}\`. Add it under the job's permissions: (or use a token that has it).`,
    );
  }
  if (error.status === 404) {
    return new ConfigurationError(
      `GitHub answered 404 (${message}) to ${what}: repository ${repository} does not exist or the token cannot see it. Check GITHUB_REPOSITORY and the token.`,
    );
  }
  return new Error(`Could not ${what} in ${repository}: GitHub answered ${error.status} (${message}).`);
}
