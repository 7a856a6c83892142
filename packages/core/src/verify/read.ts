/**
 * Verify's reads: each within the verify time budget and the job's cancel signal; a read that is denied or fails
 * is one note (the permission and what it left unchecked), never a failure of the step.
 */
import { awsErrorCode } from '../aws-errors.js';
import { errorMessage } from '../errors.js';

export interface VerifyReadOptions {
  /** Aborted when the job is cancelled. */
  signal?: AbortSignal;
  /** How long verify's reads may take in all (real ms). */
  budgetMs: number;
}

export class VerifyReads {
  count = 0;
  private readonly deadline: number;
  /** Failed reads by permission and error: one note each, naming everything they left unchecked. */
  private readonly failed = new Map<
    string,
    { permission: string; code: string; detail: string; unchecked: string[] }
  >();

  constructor(private readonly options: VerifyReadOptions) {
    this.deadline = Date.now() + options.budgetMs;
  }

  /** One line per permission that failed, e.g. `Could not check A, B: iam:GetRole failed with AccessDenied (…).` */
  get notes(): string[] {
    return [...this.failed.values()].map(
      ({ permission, code, detail, unchecked }) =>
        `Could not check ${unchecked.join(', ')}: ${permission} failed with ${code || 'an error'} (${detail}).`,
    );
  }

  /** One read, as the SDK's `send` options take it; undefined (and a note) when it fails. */
  async attempt<T>(
    permission: string,
    unchecked: string,
    read: (options: { abortSignal: AbortSignal }) => Promise<T>,
    expected?: (error: unknown) => boolean,
  ): Promise<T | { error: unknown } | undefined> {
    this.count += 1;
    const signals = [AbortSignal.timeout(Math.max(1, this.deadline - Date.now()))];
    if (this.options.signal) signals.push(this.options.signal);
    try {
      return await read({ abortSignal: AbortSignal.any(signals) });
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      // An answer the check reads (a role or secret that does not exist) is not a failed read.
      if (expected?.(error)) return { error };
      const code = awsErrorCode(error);
      const key = `${permission} ${code}`;
      const note = this.failed.get(key) ?? { permission, code, detail: oneLine(errorMessage(error)), unchecked: [] };
      note.unchecked.push(unchecked);
      this.failed.set(key, note);
      return undefined;
    }
  }
}

/** Whether an attempt's answer is an expected error. */
export function isExpectedError<T>(answer: T | { error: unknown } | undefined): answer is { error: unknown } {
  return typeof answer === 'object' && answer !== null && 'error' in answer && Object.keys(answer).length === 1;
}

/**
 * AWS text in one line (a note never starts with it), without the legacy `##[` command the runner reads anywhere
 * in a line.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/##\[/g, '# #[').slice(0, 300);
}

export const codeOf = awsErrorCode;

/** The ARN partition of a region: the China and GovCloud regions have their own. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}
