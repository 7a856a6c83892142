import { ConfigurationError, quoteValue } from './errors.js';
import type { InputSource } from './inputs.js';

/**
 * A stock action's name for one of our inputs (e.g. aws-actions' `wait-for-minutes` for `timeout`).
 * `toNew` turns the alias's value into the new input's form, or throws a ConfigurationError naming the alias.
 */
export interface InputAlias {
  alias: string;
  name: string;
  toNew?: (value: string) => string;
  /** The new input's action.yml default: the runner passes it when the step leaves the input out, so it counts as unset. */
  default?: string;
}

/**
 * An input source where each new name also reads its alias, converted to the new form. Refuses, before
 * anything runs, an alias and its new name both set to different values: neither would be sure to win.
 */
export function withAliases(source: InputSource, aliases: readonly InputAlias[]): InputSource {
  const resolved = new Map<string, string>();
  for (const { alias, name, toNew, default: fallback = '' } of aliases) {
    const aliasValue = (source(alias) ?? '').trim();
    if (!aliasValue) continue;
    const converted = toNew ? toNew(aliasValue) : aliasValue;
    const newValue = (source(name) ?? '').trim();
    if (newValue && newValue !== fallback && newValue !== converted) {
      throw new ConfigurationError(
        `Inputs "${alias}" (${quoteValue(aliasValue)}) and "${name}" (${quoteValue(newValue)}) are both set, to different values. "${alias}" is the stock action's name for "${name}": set only ${name}: ${converted}.`,
      );
    }
    resolved.set(name, converted);
  }
  return (name) => resolved.get(name) ?? source(name);
}
