import { runner } from './runner.js';

export type OutputValue = string | number | boolean | readonly unknown[] | Record<string, unknown>;

/** Writes every defined output; arrays and objects as JSON. */
export function setOutputs(outputs: Record<string, OutputValue | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value === undefined) continue;
    runner.setOutput(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

/** Escapes a value for a markdown table cell; every line break (CRLF, LF or a lone CR, which CommonMark also
 * reads as one) becomes `<br>`, so the cell stays one table row. */
export function markdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * Text from outside (a record, an event, a name) as plain Markdown text, also inside a table cell: line breaks
 * and control characters become spaces, HTML's `<`, `>` and `&` entities, and every other Markdown mark is escaped
 * with a backslash, so the text can start no heading, link, image, emphasis, code span or table cell.
 */
export function markdownText(value: string): string {
  return value
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#!|~]/g, (mark) => `\\${mark}`);
}

/** Runs of control characters and line or paragraph separators: what text from outside must not bring in. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

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
