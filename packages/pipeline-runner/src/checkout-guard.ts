/**
 * actions/checkout v7's guard against "pwn requests" (src/unsafe-pr-checkout-helper.ts): a `pull_request_target` or
 * `workflow_run` workflow that checks out a fork's pull request code by ref or sha is refused, unless the step sets
 * `allow-unsafe-pr-checkout: true`. The default checkout (no `ref`) is the trusted commit and never checked.
 */
import type { StandInContext } from './runner-types.js';

const PR_REF = /^refs\/pull\/[0-9]+\/(?:head|merge)$/;

function at(payload: unknown, ...keys: string[]): unknown {
  let value = payload;
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** The refusal the real action fails with, or undefined when the checkout is allowed. */
export function unsafePrCheckoutProblem({
  inputs,
  trigger,
  runner,
}: Pick<StandInContext, 'inputs' | 'trigger' | 'runner'>): string | undefined {
  if ((inputs['allow-unsafe-pr-checkout'] || 'false').toUpperCase() === 'TRUE') return undefined;
  const ref = inputs.ref ?? '';
  if (!ref) return undefined;
  const { eventName, payload } = trigger;
  if (eventName !== 'pull_request_target' && eventName !== 'workflow_run') return undefined;
  const baseRepoId = at(payload, 'repository', 'id');
  if (typeof baseRepoId !== 'number') return undefined;
  const shas: unknown[] = [];
  let headRepoId: unknown;
  let headRepoName: unknown;
  if (eventName === 'pull_request_target') {
    headRepoId = at(payload, 'pull_request', 'head', 'repo', 'id');
    headRepoName = at(payload, 'pull_request', 'head', 'repo', 'full_name');
    shas.push(at(payload, 'pull_request', 'head', 'sha'), at(payload, 'pull_request', 'merge_commit_sha'));
  } else {
    const runEvent = at(payload, 'workflow_run', 'event');
    if (typeof runEvent !== 'string' || !runEvent.startsWith('pull_request')) return undefined;
    headRepoId = at(payload, 'workflow_run', 'head_repository', 'id');
    headRepoName = at(payload, 'workflow_run', 'head_repository', 'full_name');
    shas.push(at(payload, 'workflow_run', 'head_commit', 'id'));
    // For a pull_request_target run, head_sha is the base branch's commit, not the fork's.
    if (runEvent !== 'pull_request_target') shas.push(at(payload, 'workflow_run', 'head_sha'));
  }
  if (typeof headRepoId !== 'number' || headRepoId === baseRepoId) return undefined;
  const repository = `${runner.owner}/${runner.repo}`.toLowerCase();
  const forkSha = shas.some((sha) => typeof sha === 'string' && sha !== '' && sha.toLowerCase() === ref.toLowerCase());
  const forkRepository = typeof headRepoName === 'string' && headRepoName.toLowerCase() === repository;
  if (!forkSha && !forkRepository && !PR_REF.test(ref)) return undefined;
  return (
    `Refusing to check out fork pull request code from a '${eventName}' workflow. ` +
    "This workflow runs with the base repository's GITHUB_TOKEN, secrets, default-branch cache scope, and runner " +
    'access. Fetching and executing a fork\'s code in that trusted context commonly leads to "pwn request" ' +
    'vulnerabilities. To opt in, review the risks at https://gh.io/securely-using-pull_request_target and set ' +
    "'allow-unsafe-pr-checkout: true' on the actions/checkout step."
  );
}
