import { describe, expect, it } from '@jest/globals';
import { withAliases } from '../src/aliases.js';
import { ConfigurationError } from '../src/errors.js';
import { InputReader, inputsFrom } from '../src/inputs.js';

const minutes = (value: string) => `${value}m`;
const aliases = [
  { alias: 'wait-for-minutes', name: 'timeout', toNew: minutes, default: '30m' },
  { alias: 'log-configuration-options', name: 'log-options' },
];
const reader = (values: Record<string, string>) => new InputReader(withAliases(inputsFrom(values), aliases));

describe('withAliases', () => {
  it.each([
    ['only the new name', { timeout: '5m' }, '5m'],
    ['only the alias, converted', { 'wait-for-minutes': '10' }, '10m'],
    ['the alias over the new name left at its default', { timeout: '30m', 'wait-for-minutes': '10' }, '10m'],
    ['both, the same value', { timeout: '10m', 'wait-for-minutes': '10' }, '10m'],
    ['neither', {}, ''],
  ])('%s', (_, values, expected) => expect(reader(values).raw('timeout')).toBe(expected));

  it('reads an alias without conversion as written', () => {
    expect(reader({ 'log-configuration-options': 'a=b\nc=d' }).keyValues('log-options')).toEqual([
      { key: 'a', value: 'b', line: 1 },
      { key: 'c', value: 'd', line: 2 },
    ]);
  });

  it('refuses the alias and the new name set to different values, showing the new form', () => {
    expect(() => reader({ 'log-options': 'a=b', 'log-configuration-options': 'a=c' })).toThrow(ConfigurationError);
    expect(() => reader({ timeout: '5m', 'wait-for-minutes': '10' })).toThrow(
      'Inputs "wait-for-minutes" ("10") and "timeout" ("5m") are both set, to different values. "wait-for-minutes" is the stock action\'s name for "timeout": set only timeout: 10m.',
    );
  });
});
