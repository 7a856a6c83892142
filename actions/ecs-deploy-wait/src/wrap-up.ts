/**
 * The time a deploy may take after its wait ended without success, in two budgets that never share time: first the
 * rollback decision (fresh reads that confirm our deployment is still the current one, then the rollback request),
 * then the failure report (stopped tasks, app log lines, service events, service deployment detail). A slow or hung
 * report read can only shorten the report, never the rollback; a read that missed the wait's deadline never decides
 * the rollback, because the decision reads again.
 */
import { errorMessage } from '@ecs-actions/core';
import { CHECK_TIMEOUT_MS } from '@ecs-actions/core/ecs';
import { isAbort, isTransient, NoAnswerError } from './aws-errors.js';
import type { RollbackResult } from './rollback.js';
import type { CallLimits, DeploySession } from './session.js';
import type { WrapUpBudgets } from './types.js';

/** The defaults the README documents (section "Bounded, also when AWS does not answer"). */
export const WRAP_UP_BUDGETS: WrapUpBudgets = {
  decisionMs: 10_000,
  decisionReadMs: CHECK_TIMEOUT_MS,
  reportMs: 15_000,
  reportReadMs: CHECK_TIMEOUT_MS,
};

/**
 * What the rollback decision came to: nothing more to do (no rollback, or a rollback request that failed), or a
 * rollback under way (ECS's, CodeDeploy's, or the one this step just asked for) to follow to its end. The decision
 * comes first, within its own budget; the failure report runs between the two, within its own.
 */
export type RollbackStart =
  | { kind: 'decided'; result: RollbackResult }
  | { kind: 'started'; follow: () => Promise<RollbackResult> };

export const decided = (result: RollbackResult): RollbackStart => ({ kind: 'decided', result });

/** The rollback's end: the decision's result, or the rollback followed to its end. */
export function finishRollback(start: RollbackStart): Promise<RollbackResult> {
  return start.kind === 'decided' ? Promise.resolve(start.result) : start.follow();
}

/** A deadline several reads share, each read also bounded by its own share. */
export class Budget {
  readonly deadline: number;

  constructor(
    totalMs: number,
    private readonly perReadMs: number,
  ) {
    this.deadline = Date.now() + totalMs;
  }

  /** The limits of the next read: its own share, never past the budget's end. */
  read(): CallLimits {
    return { withinMs: Math.min(this.perReadMs, this.leftMs) };
  }

  /** The limits of the write after the reads (the rollback request): a share of its own, however little is left. */
  write(): CallLimits {
    return { withinMs: this.perReadMs };
  }

  get leftMs(): number {
    return Math.max(0, this.deadline - Date.now());
  }
}

export function decisionBudget(session: DeploySession): Budget {
  const b = session.wrapUpBudgets;
  return new Budget(b.decisionMs, b.decisionReadMs);
}

/** The failure report's budget; the reads it could not make are kept, and named at the end of the report. */
export class ReportBudget extends Budget {
  readonly missing: string[] = [];

  constructor(session: DeploySession) {
    const b = session.wrapUpBudgets;
    super(b.reportMs, b.reportReadMs);
  }

  /** Notes a read the report goes without: what it would have shown, and why (an error, or a note) it is not there. */
  missed(what: string, why: unknown): void {
    this.missing.push(`${what} (${typeof why === 'string' ? why : errorMessage(why)})`);
  }

  /** One line naming every read that is missing, or undefined when the report is complete. */
  incompleteNote(): string | undefined {
    if (this.missing.length === 0) return undefined;
    return `The failure report above is incomplete: ${this.missing.join('; ')}.`;
  }
}

/** How many times one read of the decision is made at most (the budget's time usually ends it first). */
const MAX_DECISION_READS = 5;

/**
 * A read of the rollback decision: made now (never an answer the wait already had), tried again after a read that
 * did not answer in its share or failed transiently, while the decision's budget lasts. The last error is thrown
 * (its message names the call that did not answer).
 */
export async function freshRead<T>(
  session: DeploySession,
  budget: Budget,
  read: (limits: CallLimits) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read(budget.read());
    } catch (error) {
      if (isAbort(error) || session.cancelled) throw error;
      const again = error instanceof NoAnswerError || isTransient(error);
      if (!again || budget.leftMs <= 0 || attempt >= MAX_DECISION_READS) throw error;
      // A transient error answered at once: a short pause before the next try, within the budget.
      if (!(error instanceof NoAnswerError))
        await session.deps.sleep(Math.min(1000, budget.leftMs), session.deps.signal);
    }
  }
}
