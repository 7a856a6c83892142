import { runner } from './runner.js';

export type OutputValue = string | number | boolean | readonly unknown[] | Record<string, unknown>;

/** Writes every defined output; arrays and objects as JSON. */
export function setOutputs(outputs: Record<string, OutputValue | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value === undefined) continue;
    runner.setOutput(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

/** Escapes a value for a markdown table cell. */
export function markdownCell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** `code` span that survives backticks in the value. */
export function markdownCode(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value}${fence}`;
}

/** A GitHub-flavoured markdown table; cells are escaped unless they are already markdown (`raw`). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(markdownCell)), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Appends markdown to the job summary. Without `GITHUB_STEP_SUMMARY` (a local run) it only logs at debug:
 * a summary is a report, never a reason to fail the step.
 */
export function writeSummary(markdown: string): void {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    runner.debug('GITHUB_STEP_SUMMARY is not set; the job summary is skipped');
    return;
  }
  runner.appendSummary(markdown);
}
