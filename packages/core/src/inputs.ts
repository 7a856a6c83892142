import { ConfigurationError, invalidInput, quoteValue } from './errors.js';

/** Where raw input strings come from: the runner's `INPUT_*` environment, or a map in tests. */
export type InputSource = (name: string) => string | undefined;

/** The runner's contract: `INPUT_<NAME>` with spaces as `_`, upper-cased, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export const runnerInputs: InputSource = (name) => process.env[inputEnvName(name)];

export function inputsFrom(values: Record<string, string | undefined>): InputSource {
  return (name) => values[name];
}

// YAML 1.2 core schema booleans, as GitHub's own getBooleanInput accepts them.
const TRUE_WORDS = new Set(['true', 'True', 'TRUE']);
const FALSE_WORDS = new Set(['false', 'False', 'FALSE']);

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export interface IntegerOptions {
  min?: number;
  max?: number;
}

export interface DurationOptions {
  /** milliseconds */
  min?: number;
  /** milliseconds */
  max?: number;
}

/** One `KEY=VALUE` entry of a multi-line map input, with the line it came from for error messages. */
export interface KeyValueEntry {
  key: string;
  value: string;
  line: number;
}

/** Formats milliseconds the way duration inputs are written: `1h30m`, `45s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}

/** The longest `timeout` an action that waits on AWS accepts (a job runs at most 6 hours). */
export const MAX_WAIT_TIMEOUT_MS = 6 * 3_600_000;
/** The shortest `poll-interval`: faster polling only spends the API rate limit. */
export const MIN_POLL_INTERVAL_MS = 250;

/**
 * Typed readers over an input source. Every value is trimmed; an empty input means "not set".
 * Each error names the input, the value and what is allowed.
 */
export class InputReader {
  constructor(private readonly source: InputSource = runnerInputs) {}

  /** The trimmed raw value, '' when not set. */
  raw(name: string): string {
    return (this.source(name) ?? '').trim();
  }

  string(name: string, fallback = ''): string {
    return this.raw(name) || fallback;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name) || undefined;
  }

  requiredString(name: string): string {
    const value = this.raw(name);
    if (!value)
      throw new ConfigurationError(`Input "${name}" is required and was empty. Set it under "with:" in the step.`);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (!value) return fallback;
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    throw invalidInput(
      name,
      value,
      'must be a boolean',
      'Use true or false (YAML 1.2: true, True, TRUE, false, False, FALSE).',
    );
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (!value) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw invalidInput(name, value, `must be one of ${allowed.join(', ')}`);
  }

  integer(name: string, options?: IntegerOptions): number | undefined {
    const value = this.raw(name);
    if (!value) return undefined;
    return parseInteger(name, value, options);
  }

  /** Milliseconds. Accepts `90` (seconds), `250ms`, `45s`, `5m`, `1h30m`, `1.5h`, `2d`. */
  duration(name: string, fallback: string, options?: DurationOptions): number {
    const value = this.raw(name) || fallback;
    return parseDuration(name, value, options);
  }

  /**
   * `timeout` (default 30m, at most 6h) and `poll-interval` (default 5s, 250ms to 5m) of an action that waits on AWS;
   * a poll interval longer than the timeout is refused.
   */
  waitTimes(): { timeoutMs: number; pollIntervalMs: number } {
    const timeoutMs = this.duration('timeout', '30m', { min: 1000, max: MAX_WAIT_TIMEOUT_MS });
    const pollIntervalMs = this.duration('poll-interval', '5s', { min: MIN_POLL_INTERVAL_MS, max: 300_000 });
    if (pollIntervalMs > timeoutMs) {
      throw invalidInput(
        'poll-interval',
        this.raw('poll-interval'),
        `must not be longer than the timeout (${this.raw('timeout') || '30m'})`,
        'Use a poll-interval of a few seconds, e.g. 5s.',
      );
    }
    return { timeoutMs, pollIntervalMs };
  }

  /** One item a line; blank lines and `#` comments are skipped. */
  list(name: string): string[] {
    return this.raw(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  }

  /**
   * Multi-line `KEY=VALUE`, split at the first `=` so values may contain `=`; `KEY=` is an empty value.
   * Blank lines and `#` comments are skipped. A later duplicate key wins, as in a shell environment.
   */
  keyValues(name: string, what = 'KEY=VALUE'): KeyValueEntry[] {
    const entries: KeyValueEntry[] = [];
    const lines = (this.source(name) ?? '').split(/\r?\n/);
    lines.forEach((rawLine, index) => {
      const line = rawLine.trim();
      if (line === '' || line.startsWith('#')) return;
      const equals = line.indexOf('=');
      const key = equals > 0 ? line.slice(0, equals).trim() : '';
      if (!key) {
        throw new ConfigurationError(
          `Input "${name}" line ${index + 1} is not ${what}: ${quoteValue(line)}. Write one ${what} a line; the value may contain "=".`,
        );
      }
      entries.push({ key, value: line.slice(equals + 1).trim(), line: index + 1 });
    });
    return entries;
  }

  json(name: string): unknown {
    const value = this.raw(name);
    if (!value) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      throw invalidInput(name, value, 'must be JSON', `The parser said: ${(error as Error).message}.`);
    }
  }
}

export function parseInteger(name: string, value: string, options: IntegerOptions = {}): number {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  const range =
    min === Number.MIN_SAFE_INTEGER && max === Number.MAX_SAFE_INTEGER
      ? 'an integer'
      : max === Number.MAX_SAFE_INTEGER
        ? min === 0
          ? 'a non-negative integer'
          : `an integer of at least ${min}`
        : `an integer from ${min} to ${max}`;
  if (!/^[+-]?\d+$/.test(value)) throw invalidInput(name, value, `must be ${range}`);
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max)
    throw invalidInput(name, value, `must be ${range}`);
  return parsed;
}

export function parseDuration(name: string, value: string, options: DurationOptions = {}): number {
  const format = 'must be a duration such as 90s, 5m or 1h30m (units ms, s, m, h, d; a bare number is seconds)';
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Math.round(Number(value) * 1000);
  } else {
    const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    if (parts.length === 0 || parts.map((part) => part[0]).join('') !== value) throw invalidInput(name, value, format);
    ms = Math.round(
      parts.reduce((total, part) => total + Number(part[1]) * (DURATION_UNITS_MS[part[2] ?? 's'] ?? 0), 0),
    );
  }
  if (options.min !== undefined && ms < options.min) {
    throw invalidInput(name, value, `must be at least ${formatDuration(options.min)}`);
  }
  if (options.max !== undefined && ms > options.max) {
    throw invalidInput(name, value, `must be at most ${formatDuration(options.max)}`);
  }
  return ms;
}
