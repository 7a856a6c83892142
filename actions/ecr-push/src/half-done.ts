/** The account of a push that failed part way: which tags ECR holds now, with their digest, and which it lacks. */
import { ConfigurationError, errorMessage, sentence } from '@ecs-actions/core';
import type { TagAction } from './plan.js';

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The error of a push that failed after some tags reached ECR, with an account of what is there: which tags hold
 * which digest, and which tags are missing. It stays a ConfigurationError when the cause was one.
 */
export function halfDone(
  error: unknown,
  pushUri: string,
  plan: readonly TagAction[],
  held: ReadonlyMap<string, string>,
): Error {
  const byDigest = new Map<string, string[]>();
  for (const { tag } of plan) {
    const digest = held.get(tag);
    if (digest !== undefined) byDigest.set(digest, [...(byDigest.get(digest) ?? []), tag]);
  }
  const holds = [...byDigest].map(([digest, tags]) => `${listed(tags)} → ${digest}`).join('; ');
  const missing = plan.filter(({ tag }) => !held.has(tag)).map(({ tag }) => tag);
  const account = `Half done: ${pushUri} holds ${holds}; not pushed: ${listed(missing)}. Running the step again skips the tags that are there.`;
  const message = `${sentence(errorMessage(error))} ${account}`;
  if (error instanceof ConfigurationError) return new ConfigurationError(message);
  const wrapped = new Error(message, { cause: error });
  if (error instanceof Error && error.stack) wrapped.stack = `${message}\n${error.stack}`;
  return wrapped;
}
