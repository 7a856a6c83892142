/**
 * The demo report as one self-contained HTML page: the job summaries as data (JSON, never markup), marked, DOMPurify
 * and Mermaid inlined from node_modules, and page-render.js that draws them (no network: the page loads nothing).
 * Its Content-Security-Policy allows exactly these inline scripts (by hash) and no other source, so a script, an
 * event handler or a javascript: link that came in with a summary and slipped past the sanitizers would not run.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobSummary } from './summaries.js';

/** A file of one of the workspace's own dependencies (the browser builds are not in their packages' exports). */
const dependencyFile = (name: string, file: string) => path.join(import.meta.dirname, '../../node_modules', name, file);

/** The scripts the page runs, in order: the three libraries (browser builds that set a global) and the renderer. */
const SCRIPTS = [
  dependencyFile('marked', 'lib/marked.umd.js'),
  dependencyFile('dompurify', 'dist/purify.min.js'),
  dependencyFile('mermaid', 'dist/mermaid.min.js'),
  path.join(import.meta.dirname, 'page-render.js'),
];

/**
 * Inline script text cannot hold `</script` (it would end the element) nor `<!--` or `<script` (they change how
 * the HTML parser finds that end). In the bundles these occur only in strings and regular expressions, where `\x3C`
 * means the same `<`.
 */
function inlineSafe(code: string): string {
  return code.replace(/<(?=\/script|!--|script)/gi, '\\x3C');
}

/** JSON inside <script type="application/json">: `<` escaped so no text can close the element. */
function jsonData(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328;
  margin: 0 auto; max-width: 1100px; padding: 16px 24px; }
header p { color: #59636e; }
section.job { border: 1px solid #d1d9e0; border-radius: 6px; margin: 16px 0; padding: 0 16px 8px; }
section.job > h2 { font-size: 16px; border-bottom: 1px solid #d1d9e0; padding: 8px 0; margin: 0 0 8px; }
section.job .result { font-size: 12px; font-weight: normal; border-radius: 10px; padding: 1px 8px; }
section.success .result { background: #dafbe1; color: #116329; }
section.failure .result { background: #ffebe9; color: #82071e; }
.markdown-body table { border-collapse: collapse; margin: 8px 0; }
.markdown-body th, .markdown-body td { border: 1px solid #d1d9e0; padding: 4px 10px; text-align: left; }
.markdown-body code { background: #eff1f3; border-radius: 4px; padding: 1px 4px; font-size: 85%; }
.markdown-body pre { background: #f6f8fa; border-radius: 6px; padding: 12px; overflow: auto; }
.markdown-body pre code { background: none; padding: 0; }
.mermaid-diagram { margin: 12px 0; overflow: auto; }
.mermaid-failed { color: #82071e; white-space: pre-wrap; font-family: monospace; }
`;

export interface ReportPage {
  title: string;
  /** One line under the title: what was run. */
  description: string;
  summaries: JobSummary[];
}

export async function reportHtml(page: ReportPage): Promise<string> {
  const scripts = await Promise.all(SCRIPTS.map(async (file) => inlineSafe(await readFile(file, 'utf8'))));
  const hashes = scripts.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
  const policy = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    // Mermaid writes each diagram's styles into its SVG.
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.description)}</p></header>`,
    '<main></main>',
    `<script type="application/json" id="summaries">${jsonData(page.summaries)}</script>`,
    ...scripts.map((code) => `<script data-report-script>${code}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
