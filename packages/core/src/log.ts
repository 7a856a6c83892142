import { runner } from './runner.js';

export const { info, warning, notice, error, debug, startGroup, endGroup } = runner;

/** A collapsible log section around `fn`, closed even when it throws. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  runner.startGroup(title);
  try {
    return await fn();
  } finally {
    runner.endGroup();
  }
}

/**
 * Hides a secret from every later log line. Each line of a multi-line secret is masked too,
 * because the runner matches masks line by line.
 */
export function maskSecret(secret: string): void {
  if (!secret) return;
  runner.setSecret(secret);
  for (const line of secret.split(/\r?\n/)) if (line.trim() && line !== secret) runner.setSecret(line);
}
