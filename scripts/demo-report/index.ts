/**
 * The demo report: every job summary of the demo's runs in one self-contained HTML page (Markdown rendered,
 * Mermaid drawn, nothing loaded from the network), so a newcomer sees what GitHub would show on each run's page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ReportPage, reportHtml } from './page.js';

export { reportHtml } from './page.js';
export { type JobSummary, jobSummaries, mermaidFences } from './summaries.js';

/** Writes the page to `file` (its folder made when missing) and returns its absolute path. */
export async function writeReport(file: string, page: ReportPage): Promise<string> {
  const absolute = path.resolve(file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, await reportHtml(page));
  return absolute;
}
