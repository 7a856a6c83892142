import { describe, expect, it } from '@jest/globals';
import { ManualClock, poll } from '../src/time.js';

describe('poll', () => {
  it('checks at once, then every interval until done', async () => {
    const clock = new ManualClock(0);
    const seen: number[] = [];
    const result = await poll({
      clock,
      sleep: clock.sleep,
      intervalMs: 5000,
      timeoutMs: 60_000,
      check: async (attempt) => {
        seen.push(clock.now());
        return attempt === 3 ? 'done' : undefined;
      },
    });
    expect(result).toEqual({ status: 'done', value: 'done', elapsedMs: 10_000, attempts: 3 });
    expect(seen).toEqual([0, 5000, 10_000]);
  });

  it('counts the time a check took against the interval', async () => {
    const clock = new ManualClock(0);
    const seen: number[] = [];
    await poll({
      clock,
      sleep: clock.sleep,
      intervalMs: 5000,
      timeoutMs: 60_000,
      check: async (attempt) => {
        seen.push(clock.now());
        clock.advance(2000); // a slow API call
        return attempt === 2 ? true : undefined;
      },
    });
    expect(seen).toEqual([0, 5000]);
  });

  it('times out without sleeping past the deadline', async () => {
    const clock = new ManualClock(0);
    const result = await poll({
      clock,
      sleep: clock.sleep,
      intervalMs: 4000,
      timeoutMs: 10_000,
      check: async () => undefined,
    });
    expect(result).toEqual({ status: 'timed-out', elapsedMs: 10_000, attempts: 4 });
  });

  it('lets an API error through instead of treating it as "not yet"', async () => {
    const clock = new ManualClock(0);
    await expect(
      poll({
        clock,
        sleep: clock.sleep,
        intervalMs: 1000,
        timeoutMs: 10_000,
        check: async () => {
          throw new Error('AccessDeniedException');
        },
      }),
    ).rejects.toThrow('AccessDeniedException');
  });
});
