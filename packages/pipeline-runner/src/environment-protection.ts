/**
 * An environment's deployment protection rules, enforced before a job that runs in it starts, as GitHub does:
 * deployment branches and tags first (a ref outside the policy fails the job at once), then required reviewers (one
 * of them approves, or the job fails: rejected, or not reviewed within 30 days), then the wait timer.
 * Nothing of the job runs (and none of its environment's secrets or variables are read) until every rule passed.
 */
import type { EnvironmentProtection, PipelineRunnerOptions, ReviewDecision, Trigger } from './runner-types.js';

/** What a job in a protected environment went through before it started (recorded on its JobRun). */
export interface ProtectionOutcome {
  /** The review, when the environment has required reviewers. */
  review?: { state: 'approved' | 'rejected' | 'timed-out'; reviewer?: string; comment?: string };
  /** The wait timer waited, in minutes. */
  waitedMinutes?: number;
  /** Why the job did not run, GitHub's words; absent when it may run. */
  refused?: string;
}

/** GitHub's annotation on a job whose deployment was refused. */
export const REFUSED_DEPLOYMENT = "The deployment was rejected or didn't satisfy other protection rules.";
/** A job awaiting review fails when nobody approves it within 30 days. */
const REVIEW_DAYS = 30;

export async function enforceProtection(
  options: PipelineRunnerOptions,
  request: { environment: string; job: string; workflow: string; trigger: Trigger },
): Promise<ProtectionOutcome> {
  const rules: EnvironmentProtection | undefined = options.environments?.[request.environment];
  if (!rules) return {};
  const { environment, trigger } = request;
  const ref = trigger.ref ?? 'refs/heads/master';
  if (rules.deploymentBranches && !refAllowed(ref, rules.deploymentBranches)) {
    const [kind, name] = ref.startsWith('refs/tags/')
      ? ['Tag', ref.slice('refs/tags/'.length)]
      : ['Branch', ref.replace(/^refs\/heads\//, '')];
    return {
      refused: `${kind} "${name}" is not allowed to deploy to ${environment} due to environment protection rules.`,
    };
  }
  const outcome: ProtectionOutcome = {};
  const reviewers = rules.requiredReviewers ?? [];
  if (reviewers.length > 0) {
    const actor = trigger.actor ?? 'octocat';
    const decision: ReviewDecision | undefined = await options.review?.({
      environment,
      job: request.job,
      workflow: request.workflow,
      runId: trigger.runId,
      actor,
      reviewers,
    });
    const eligible =
      decision !== undefined &&
      reviewers.includes(decision.reviewer) &&
      !(rules.preventSelfReview && decision.reviewer === actor);
    if (!decision || !eligible) {
      // No review by an eligible reviewer: the job waits, then fails after 30 days (a review by anyone else does not count).
      outcome.review = { state: 'timed-out' };
      return { ...outcome, refused: `The job was not approved within ${REVIEW_DAYS} days. ${REFUSED_DEPLOYMENT}` };
    }
    outcome.review = {
      state: decision.approve ? 'approved' : 'rejected',
      reviewer: decision.reviewer,
      ...(decision.comment ? { comment: decision.comment } : {}),
    };
    if (!decision.approve) return { ...outcome, refused: REFUSED_DEPLOYMENT };
  }
  if (rules.waitTimerMinutes) {
    await (options.sleep ?? defaultSleep)(rules.waitTimerMinutes * 60_000);
    outcome.waitedMinutes = rules.waitTimerMinutes;
  }
  return outcome;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether `ref` may deploy: a branch matches a `branch` pattern, a tag a `tag:` pattern (GitHub's name patterns:
 * `*` matches within a path segment, `**` across `/`, `?` one character).
 */
export function refAllowed(ref: string, patterns: readonly string[]): boolean {
  const tag = ref.startsWith('refs/tags/');
  const name = ref.replace(/^refs\/(heads|tags)\//, '');
  return patterns.some((pattern) => {
    const isTag = pattern.startsWith('tag:');
    return isTag === tag && patternRegExp(isTag ? pattern.slice(4) : pattern).test(name);
  });
}

function patternRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
