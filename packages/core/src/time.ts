import { setTimeout as delay } from 'node:timers/promises';

/** Milliseconds since the epoch; injected so that waiting logic is testable without real time. */
export interface Clock {
  now(): number;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/** A clock that moves only when slept on: the test double for Clock and Sleep together. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2025, 9, 6, 9, 0, 0)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  readonly sleep: Sleep = async (ms) => {
    this.advance(ms);
  };
}

export interface PollOptions<T> {
  /** Returns the result when done, undefined to poll again. Errors propagate: an API error is never "not yet". */
  check: (attempt: number) => Promise<T | undefined>;
  intervalMs: number;
  timeoutMs: number;
  clock: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
}

export type PollResult<T> =
  | { status: 'done'; value: T; elapsedMs: number; attempts: number }
  | { status: 'timed-out'; elapsedMs: number; attempts: number };

/**
 * Calls `check` at once and then every `intervalMs` (measured from the start of each check, so slow
 * API calls do not stretch the period) until it returns a value or `timeoutMs` has passed.
 */
export async function poll<T>(options: PollOptions<T>): Promise<PollResult<T>> {
  const { check, intervalMs, timeoutMs, clock, sleep, signal } = options;
  const start = clock.now();
  for (let attempt = 1; ; attempt++) {
    const checkStart = clock.now();
    const value = await check(attempt);
    if (value !== undefined) return { status: 'done', value, elapsedMs: clock.now() - start, attempts: attempt };
    const now = clock.now();
    const remaining = start + timeoutMs - now;
    if (remaining <= 0) return { status: 'timed-out', elapsedMs: now - start, attempts: attempt };
    const wait = Math.min(Math.max(checkStart + intervalMs - now, 0), remaining);
    await sleep(wait, signal);
  }
}
