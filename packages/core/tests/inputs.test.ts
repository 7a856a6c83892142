import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../src/errors.js';
import { formatDuration, InputReader, inputEnvName, inputsFrom } from '../src/inputs.js';

const reader = (values: Record<string, string>) => new InputReader(inputsFrom(values));

/** The message of the ConfigurationError that `fn` throws; fails when it throws anything else or nothing. */
function configurationError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('inputEnvName', () => {
  it.each([
    ['head', 'INPUT_HEAD'],
    ['image-tag', 'INPUT_IMAGE-TAG'],
    ['my input', 'INPUT_MY_INPUT'],
  ])('%s → %s', (name, env) => expect(inputEnvName(name)).toBe(env));
});

describe('string inputs', () => {
  it('trims and falls back when empty', () => {
    const input = reader({ a: '  x  ', b: '   ' });
    expect(input.string('a')).toBe('x');
    expect(input.string('b', 'fallback')).toBe('fallback');
    expect(input.optionalString('b')).toBeUndefined();
    expect(input.optionalString('missing')).toBeUndefined();
  });

  it('requires a required string', () => {
    expect(configurationError(() => reader({ service: ' ' }).requiredString('service'))).toBe(
      'Input "service" is required and was empty. Set it under "with:" in the step.',
    );
  });
});

describe('boolean inputs (YAML 1.2 core schema)', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['', true],
  ])('%j → %s', (value, expected) => expect(reader({ wait: value }).boolean('wait', true)).toBe(expected));

  it.each(['yes', 'on', '1', 'tRue'])('rejects %j naming the input and the allowed values', (value) => {
    const message = configurationError(() => reader({ wait: value }).boolean('wait', true));
    expect(message).toContain('Input "wait" must be a boolean');
    expect(message).toContain(`got "${value}"`);
    expect(message).toContain('true or false');
  });
});

describe('integer inputs', () => {
  it.each([
    ['0', { min: 0 }, 0],
    ['42', { min: 0 }, 42],
    ['+7', {}, 7],
    ['-3', {}, -3],
    ['', { min: 0 }, undefined],
  ])('%j with %j → %s', (value, options, expected) =>
    expect(reader({ n: value }).integer('n', options)).toBe(expected),
  );

  it.each([
    ['-1', { min: 0 }, 'must be a non-negative integer; got "-1"'],
    ['1.5', { min: 0 }, 'must be a non-negative integer; got "1.5"'],
    ['abc', {}, 'must be an integer; got "abc"'],
    ['11', { min: 1, max: 10 }, 'must be an integer from 1 to 10; got "11"'],
    ['0', { min: 1 }, 'must be an integer of at least 1; got "0"'],
    ['99999999999999999999', { min: 0 }, 'must be a non-negative integer'],
  ])('rejects %j with %j', (value, options, expected) => {
    expect(configurationError(() => reader({ n: value }).integer('n', options))).toContain(`Input "n" ${expected}`);
  });
});

describe('duration inputs', () => {
  it.each([
    ['90', 90_000],
    ['250ms', 250],
    ['45s', 45_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000],
    ['', 1_800_000],
  ])('%j → %d ms', (value, ms) => expect(reader({ timeout: value }).duration('timeout', '30m')).toBe(ms));

  it.each([
    ['5 minutes', 'must be a duration such as 90s'],
    ['5x', 'must be a duration'],
    ['m5', 'must be a duration'],
    ['-5s', 'must be a duration'],
    ['7h', 'must be at most 6h'],
    ['500ms', 'must be at least 1s'],
  ])('rejects %j', (value, expected) => {
    const message = configurationError(() =>
      reader({ timeout: value }).duration('timeout', '30m', { min: 1000, max: 6 * 3_600_000 }),
    );
    expect(message).toContain(`Input "timeout" ${expected}`);
    expect(message).toContain(JSON.stringify(value));
  });

  it.each([
    [250, '250ms'],
    [45_000, '45s'],
    [5_400_000, '1h30m'],
    [3_601_500, '1h1s500ms'],
  ])('formats %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('list inputs', () => {
  it('keeps one item a line, skipping blanks and comments', () => {
    expect(reader({ tags: 'latest\n\n  0.2541.135 \n# not this\r\nstable' }).list('tags')).toEqual([
      'latest',
      '0.2541.135',
      'stable',
    ]);
    expect(reader({}).list('tags')).toEqual([]);
  });
});

describe('KEY=VALUE inputs', () => {
  it('splits at the first "=" and keeps order, empty values and line numbers', () => {
    const entries = reader({
      env: 'REDIS_URL=redis://h:6379/0?a=b\n\n# comment\nEMPTY=\n SPACED = x y \nJWT=abc==',
    }).keyValues('env');
    expect(entries).toEqual([
      { key: 'REDIS_URL', value: 'redis://h:6379/0?a=b', line: 1 },
      { key: 'EMPTY', value: '', line: 4 },
      { key: 'SPACED', value: 'x y', line: 5 },
      { key: 'JWT', value: 'abc==', line: 6 },
    ]);
  });

  it.each([
    ['A=1\nNOEQUALS', 2, 'NOEQUALS'],
    ['=value', 1, '=value'],
    ['A=1\n\n  = x', 3, '= x'],
  ])('rejects %j naming line %d', (value, line, shown) => {
    const message = configurationError(() => reader({ env: value }).keyValues('env'));
    expect(message).toBe(
      `Input "env" line ${line} is not KEY=VALUE: ${JSON.stringify(shown)}. Write one KEY=VALUE a line; the value may contain "=".`,
    );
  });
});

describe('JSON and enum inputs', () => {
  it('parses JSON and names the input when it is not', () => {
    expect(reader({ command: '["node","app.js"]' }).json('command')).toEqual(['node', 'app.js']);
    expect(configurationError(() => reader({ command: '[node' }).json('command'))).toContain(
      'Input "command" must be JSON; got "[node".',
    );
  });

  it('accepts one of the allowed values only', () => {
    expect(reader({ mode: 'move' }).oneOf('mode', ['keep', 'fail', 'move'], 'keep')).toBe('move');
    expect(reader({}).oneOf('mode', ['keep', 'fail', 'move'], 'keep')).toBe('keep');
    expect(configurationError(() => reader({ mode: 'Move' }).oneOf('mode', ['keep', 'fail', 'move'], 'keep'))).toBe(
      'Input "mode" must be one of keep, fail, move; got "Move".',
    );
  });

  it('shortens a long value in messages', () => {
    const message = configurationError(() => reader({ n: 'x'.repeat(500) }).integer('n'));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('…');
  });
});
