/**
 * The one way an action calls ECS: each call bounded by the job's cancel signal and, where given, a time limit,
 * its error explained (what failed and how to fix it). ecs-deploy-wait's DeploySession and ecs-run-task build on it.
 */
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Sleep } from '../time.js';
import { explainAwsError, NoAnswerError } from './aws-errors.js';

/** How long a check of what landed after a cancel or a lost answer may take: one short describe. */
export const CHECK_TIMEOUT_MS = 5_000;

export interface CallLimits {
  /** Give up after this many real milliseconds, with a NoAnswerError. */
  withinMs?: number;
  /** Give up at this time (real, Date.now()), with a NoAnswerError: a budget several calls share. */
  deadline?: number;
  /** false: not aborted by the job's cancel (a check after the cancel, to say what landed). Default true. */
  cancellable?: boolean;
}

/** What the calls need from the action: clients, region, sleep, the cancel signal and a log. */
export interface EcsCallDeps {
  ecs: Pick<ECSClient, 'send'>;
  /**
   * The same client with the SDK's retries off (maxAttempts 1), for the writes (RegisterTaskDefinition,
   * UpdateService): a retry after a lost answer must first look whether the write landed, or it applies it twice.
   */
  ecsSingleAttempt: Pick<ECSClient, 'send'>;
  region: string;
  sleep: Sleep;
  log: { info(message: string): void; warning(message: string): void };
  /** Aborted when the job is cancelled (SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

/** Where the calls go, for the error messages. */
export interface EcsCallTarget {
  cluster: string;
  service: string;
}

export class EcsCallSession<Deps extends EcsCallDeps = EcsCallDeps> {
  constructor(
    readonly deps: Deps,
    private readonly target: () => EcsCallTarget,
  ) {}

  get log(): Deps['log'] {
    return this.deps.log;
  }

  get cancelled(): boolean {
    return this.deps.signal?.aborted === true;
  }

  /** One ECS call, its error explained (what failed and how to fix it). */
  async call<T>(
    operation: string,
    send: (options: { abortSignal?: AbortSignal }) => Promise<T>,
    limits: CallLimits = {},
  ): Promise<T> {
    try {
      return await this.bounded(operation, send, limits);
    } catch (error) {
      throw explainAwsError(error, { operation, ...this.target(), region: this.deps.region });
    }
  }

  /** One ECS call with the SDK's error as it is, except that running out of `limits.withinMs` is a NoAnswerError. */
  async bounded<T>(
    operation: string,
    send: (options: { abortSignal?: AbortSignal }) => Promise<T>,
    limits: CallLimits = {},
  ): Promise<T> {
    const cancel = limits.cancellable === false ? undefined : this.deps.signal;
    const withinMs = limits.withinMs ?? (limits.deadline !== undefined ? limits.deadline - Date.now() : undefined);
    const timer = withinMs !== undefined ? AbortSignal.timeout(Math.max(0, withinMs)) : undefined;
    const signals = [cancel, timer].filter((signal) => signal !== undefined);
    const abortSignal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    try {
      return await send(abortSignal ? { abortSignal } : {});
    } catch (error) {
      if (timer?.aborted && !cancel?.aborted) throw new NoAnswerError(operation, Math.max(0, withinMs ?? 0));
      throw error;
    }
  }
}
