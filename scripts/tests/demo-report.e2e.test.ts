/**
 * The demo report, looked at in a real browser (headless Chromium, one launch for the file): the page `pnpm demo`
 * writes for its runs (a deploy that succeeds, then one rolled back), a summary with several Mermaid diagrams
 * (gantt, flowchart, timeline), and a hostile summary (HTML, scripts, event handlers, javascript: links, Mermaid
 * click callbacks and %%{init}%% / front-matter security overrides, backticks). Every diagram must be drawn as SVG
 * without a Mermaid syntax error, nothing from a summary may run, and the page may load nothing from the network.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { type JobSummary, mermaidFences, writeReport } from '../demo-report/index.js';
import { launchChromium, type PageWatch, watchedPage } from './headless-chromium.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'fixtures/demo-report');
const exec = promisify(execFile);

let browser: Browser;
let temp: string;

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'demo-report-'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (temp) await rm(temp, { recursive: true, force: true });
});

/** What the rendered page holds, read in the page (as text: this project's TypeScript has no DOM types). */
interface Rendered {
  rendered: string;
  summaries: JobSummary[];
  sections: string[];
  diagrams: number;
  diagramKinds: string[];
  failed: number;
  errorSvgs: number;
  text: string;
  scripts: { marked: boolean; data: boolean }[];
  eventAttributes: string[];
  javascriptUrls: string[];
  forbiddenElements: string[];
  styledOutsideDiagrams: number;
  injected: unknown;
}

const READ_PAGE = `(() => {
  const all = [...document.querySelectorAll('*')];
  const inDiagram = (element) => element.closest('.mermaid-diagram') !== null;
  return {
    rendered: document.body.dataset.rendered ?? '',
    summaries: JSON.parse(document.getElementById('summaries').textContent),
    sections: [...document.querySelectorAll('section.job > h2')].map((h) => h.firstChild.textContent.trim()),
    diagrams: document.querySelectorAll('.mermaid-diagram > svg').length,
    diagramKinds: [...document.querySelectorAll('.mermaid-diagram > svg')].map((svg) => svg.getAttribute('aria-roledescription')),
    failed: document.querySelectorAll('.mermaid-failed').length,
    errorSvgs: document.querySelectorAll('svg[aria-roledescription="error"]').length,
    text: document.body.innerText,
    scripts: [...document.scripts].map((s) => ({ marked: s.hasAttribute('data-report-script'), data: s.id === 'summaries' && s.type === 'application/json' })),
    eventAttributes: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + ' ' + a.name)),
    javascriptUrls: all.flatMap((e) => [...e.attributes].filter((a) => /^\\s*javascript:/i.test(a.value)).map((a) => e.tagName + ' ' + a.name)),
    forbiddenElements: [...document.querySelectorAll('main iframe, main object, main embed, main form, main button, base')].map((e) => e.tagName),
    styledOutsideDiagrams: [...document.querySelectorAll('main style, main [style]')].filter((e) => !inDiagram(e)).length,
    injected: window.__injected,
  };
})()`;

/**
 * Clicks everything a reader could click: diagram nodes and tasks, links that do not leave the page (a real
 * navigation would replace the page under test) and details summaries. Mermaid click callbacks would run here.
 */
const CLICK_EVERYTHING = `(() => {
  const targets = [...document.querySelectorAll('.mermaid-diagram .node, .mermaid-diagram .task, .mermaid-diagram text, .mermaid-diagram a, main a, main summary')]
    .filter((e) => !/^https?:/i.test(e.getAttribute('href') ?? ''));
  for (const target of targets) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  return targets.length;
})()`;

/** The text of the drawn diagrams, without their style sheets. */
const DIAGRAM_TEXT = `[...document.querySelectorAll('.mermaid-diagram svg')].map((svg) => {
  const copy = svg.cloneNode(true);
  for (const style of copy.querySelectorAll('style')) style.remove();
  return copy.textContent;
}).join('\\n')`;

/** Functions a Mermaid click callback or an injected script would call: each would set the flag. */
const TRAPS = `for (const name of ['callback', 'injected', 'pwn']) window[name] = () => { window.__injected = 'callback ' + name; };`;

async function openReport(file: string): Promise<{ page: Page; watch: PageWatch; view: Rendered }> {
  const { page, watch } = await watchedPage(browser);
  await page.evaluateOnNewDocument(TRAPS);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForFunction('document.body.dataset.rendered !== undefined', { timeout: 30_000 });
  const view = (await page.evaluate(READ_PAGE)) as Rendered;
  return { page, watch, view };
}

async function fixtureReport(name: string, result: JobSummary['result']): Promise<string> {
  const markdown = await readFile(path.join(fixtures, `${name}.md`), 'utf8');
  return writeReport(path.join(temp, `${name}.html`), {
    title: `fixture ${name}`,
    description: `scripts/tests/fixtures/demo-report/${name}.md`,
    summaries: [{ title: `fixture · ${name}`, result, markdown }],
  });
}

/** Takes a full-page screenshot into the test's temp folder and checks that it is a PNG with something in it. */
async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(temp, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  const png = await readFile(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect((await stat(file)).size).toBeGreaterThan(10_000);
}

function expectCleanPage(view: Rendered, watch: PageWatch): void {
  expect(view.rendered).toBe('true');
  expect(watch.errors).toEqual([]);
  expect(watch.requests).toEqual([]);
  expect(watch.violations).toEqual([]);
  expect(view.failed).toBe(0);
  expect(view.errorSvgs).toBe(0);
  expect(view.text).not.toMatch(/syntax error/i);
}

describe('the browser the test needs', () => {
  it('is missing: the test fails naming what to do, it does not skip', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
      'Chromium at /nonexistent/chromium cannot be run: run scripts/bootstrap.sh as root (it installs Debian\'s "chromium")',
    );
  });
});

describe('the report of `pnpm demo` (a deploy, then a release rolled back), in Chromium', () => {
  let stdout = '';
  let reportFile = '';

  beforeAll(async () => {
    reportFile = path.join(temp, 'demo', 'report.html');
    ({ stdout } = await exec(path.join(root, 'node_modules/.bin/tsx'), ['scripts/demo.ts', '--report', reportFile], {
      cwd: root,
      env: { ...process.env, ECS_ACTIONS_DEMO_NO_DOCKER: '1', NO_COLOR: '1' },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    }));
  }, 150_000);

  it('prints the path of the page it wrote', async () => {
    expect(stdout).toContain(`Every job summary of these runs, as GitHub shows them: ${reportFile}\n`);
    expect((await stat(reportFile)).isFile()).toBe(true);
  });

  it('shows every job summary of the four runs, each diagram drawn, and loads nothing', async () => {
    const { page, watch, view } = await openReport(reportFile);
    try {
      expectCleanPage(view, watch);
      expect(view.sections).toEqual(view.summaries.map((s) => s.title));
      expect(view.sections).toEqual([
        'CI #1 · build-push/build-push',
        'CD #1 · deploy/deploy',
        'CI #2 · build-push/build-push',
        'CD #2 (rolled back) · deploy/deploy',
      ]);
      const fences = view.summaries.reduce((sum, s) => sum + mermaidFences(s.markdown), 0);
      // Each CD summary has its rollout timeline and deploy history (a success and a rollback): at least four.
      expect(fences).toBeGreaterThanOrEqual(4);
      expect(view.diagrams).toBe(fences);
      // The Markdown is rendered (tables, headings), not shown as source.
      expect(await page.$$eval('section.success table', (tables) => tables.length)).toBeGreaterThan(3);
      expect(view.text).toContain('ECS deploy ecs-be-prod-service: deployed');
      expect(view.text).toContain('ECS deploy ecs-be-prod-service: FAILED and rolled back');
      expect(view.text).not.toContain('| --- |');
      await screenshot(page, 'demo-report');
    } finally {
      await page.close();
    }
  });
});

describe('a summary with several diagrams, in Chromium', () => {
  it('draws the gantt, the flowchart and the timeline as SVG', async () => {
    const file = await fixtureReport('diagrams', 'success');
    const { page, watch, view } = await openReport(file);
    try {
      expectCleanPage(view, watch);
      expect(mermaidFences(view.summaries[0]?.markdown ?? '')).toBe(3);
      expect(view.diagrams).toBe(3);
      expect(view.diagramKinds).toEqual(['gantt', 'flowchart-v2', 'timeline']);
      // Drawn, with their labels as text in the SVG (not empty boxes).
      const labels = (await page.evaluate(DIAGRAM_TEXT)) as string;
      expect(labels).toContain('health checks pass');
      expect(labels).toContain('Roll back to ecs_be_prod:1');
      expect(labels).toContain('Deploys of production / ecs-be-prod / ecs-be-prod-service');
      expect(labels).toContain('2025-10-07');
      await screenshot(page, 'diagrams');
    } finally {
      await page.close();
    }
  });
});

describe('a hostile summary, in Chromium', () => {
  it('runs nothing from it, not even when every node and link is clicked, and loads nothing', async () => {
    const file = await fixtureReport('hostile', 'failure');
    const { page, watch, view } = await openReport(file);
    try {
      expect(view.rendered).toBe('true');
      expect(view.injected).toBeUndefined();
      // Only the page's own scripts: the summaries' data and the four inlined scripts.
      expect(view.scripts).toEqual([
        { marked: false, data: true },
        ...Array.from({ length: 4 }, () => ({ marked: true, data: false })),
      ]);
      expect(view.eventAttributes).toEqual([]);
      expect(view.javascriptUrls).toEqual([]);
      expect(view.forbiddenElements).toEqual([]);
      expect(view.styledOutsideDiagrams).toBe(0);
      // Each diagram is either drawn or said to be undrawable, as text.
      expect(view.diagrams + view.failed).toBe(3);
      // Labels escaped as entity codes (as the actions write outside text into diagrams) are drawn as the text
      // they are: markup, directives, click lines, a closing fence and Markdown, none of it as structure.
      const labels = (await page.evaluate(DIAGRAM_TEXT)) as string;
      expect(labels).toContain("<img src=x onerror=window.__injected='entity label'>");
      expect(labels).toContain('click crash call injected()');
      expect(labels).toContain('`%%{init: {"securityLevel": "loose"}}%%`');
      expect(labels).toContain("``` </code></pre><script>window.__injected='fence'</script>");
      expect(labels).toContain('section :crit, x, 0, 1 #; **bold** [link](javascript:x)');
      // Backticks and markup in code spans are shown as the text they are.
      expect(view.text).toContain("</script><script>window.__injected='code span'</script>");
      expect(view.text).toContain('::error::not a workflow command');

      expect(await page.evaluate(CLICK_EVERYTHING)).toBeGreaterThan(0);
      expect(await page.evaluate('window.__injected')).toBeUndefined();
      // No script element from the summary was ever in the page (the policy would have refused it). Chromium does
      // report the event handlers it meets while the sanitizers parse the text in their inert documents
      // (script-src-attr): none of those is in the page, as eventAttributes shows, and none ran.
      expect(watch.violations.filter((v) => /^script-src(-elem)? /.test(v))).toEqual([]);
      // No request either: the tracker image and the relative one are refused by the policy before any request.
      expect(watch.requests).toEqual([]);
      expect(watch.errors.filter((e) => !/violates the following Content Security Policy directive/.test(e))).toEqual(
        [],
      );
      await screenshot(page, 'hostile');
    } finally {
      await page.close();
    }
  });
});
