/**
 * A mistake the user can fix in their workflow: the message names the input, the value and the fix.
 * It fails the step with that message alone, no stack trace.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** The text of anything thrown, for a log line. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Quotes a user value for an error message, shortened so a pasted file does not flood the log. */
export function quoteValue(value: string, max = 120): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}

/** `Input "name" <expected>; got "<value>". <fix>` */
export function invalidInput(name: string, value: string, expected: string, fix?: string): ConfigurationError {
  return new ConfigurationError(`Input "${name}" ${expected}; got ${quoteValue(value)}.${fix ? ` ${fix}` : ''}`);
}
