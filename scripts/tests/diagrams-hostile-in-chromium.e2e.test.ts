/**
 * Attacks on the pictures (issue "Pictures"), drawn by the repository's Mermaid in headless Chromium: the
 * rollout timeline of ecs-deploy-wait and deploy-tag's history, fed service events, versions, actors and
 * environment names carrying Mermaid syntax (`%%{init}%%`, `click`, `section`, `:crit`), HTML, backticks, Markdown,
 * newlines, astral characters and very long text, and thousands of events. Every diagram must draw as SVG, stay
 * bounded, show the hostile text as text, and run nothing, even when everything is clicked.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { foreignCommands, runBundle } from '@ecs-actions/core/testkit';
import { startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'puppeteer-core';
import { historyMarkdown } from '../../actions/deploy-tag/src/history-summary.js';
import type { DeployTagResult, HistoryDeploy } from '../../actions/deploy-tag/src/result.js';
import { timelineMarkdown } from '../../actions/ecs-deploy-wait/src/timeline/render.js';
import type { DeployResult } from '../../actions/ecs-deploy-wait/src/types.js';
import { mermaidFences, writeReport } from '../demo-report/index.js';
import { launchChromium, watchedPage } from './headless-chromium.js';

const HOSTILE = [
  '%%{init: {"securityLevel": "loose", "theme": "dark"}}%%',
  'click t1 call injected()',
  'click t2 href "javascript:window.__injected=1"',
  '<img src=x onerror="window.__injected=\'img\'">',
  "</text><script>window.__injected='script'</script>",
  '```\n</code></pre>\n# heading\nsection evil\n  evil :crit, e1, 0, 1',
  'title pwned\ndateFormat YYYY',
  '`code` **bold** [link](javascript:injected()) | a | b |',
  '#35; &amp; &#60;b&#62; ﬂ°°60¶ß',
  'x :crit, t9, 0, 1',
  '::error::not a command ##[set-output name=x;]y',
  'emoji 🚀👩‍👩‍👧 and \u202e right-to-left \u2028 separator \u0000 nul',
  'a'.repeat(5000),
];

let browser: Browser;
let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'diagrams-hostile-'));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (temp) await rm(temp, { recursive: true, force: true });
});

const TRAPS = `for (const name of ['callback', 'injected', 'pwn']) window[name] = () => { window.__injected = 'callback ' + name; };`;
const CLICK_EVERYTHING = `(() => {
  const targets = [...document.querySelectorAll('.mermaid-diagram .task, .mermaid-diagram text, .mermaid-diagram a, main a')]
    .filter((e) => !/^https?:/i.test(e.getAttribute('href') ?? ''));
  for (const target of targets) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  return targets.length;
})()`;
const READ = `(() => ({
  diagrams: document.querySelectorAll('.mermaid-diagram > svg').length,
  kinds: [...document.querySelectorAll('.mermaid-diagram > svg')].map((svg) => svg.getAttribute('aria-roledescription')),
  failed: [...document.querySelectorAll('.mermaid-failed')].map((e) => e.textContent),
  errorSvgs: document.querySelectorAll('svg[aria-roledescription="error"]').length,
  tasks: document.querySelectorAll('.mermaid-diagram rect.task').length,
  links: document.querySelectorAll('.mermaid-diagram a').length,
  text: [...document.querySelectorAll('.mermaid-diagram svg')].map((svg) => {
    const copy = svg.cloneNode(true);
    for (const style of copy.querySelectorAll('style')) style.remove();
    return copy.textContent;
  }).join('\\n'),
  injected: window.__injected,
}))()`;

interface Drawn {
  diagrams: number;
  kinds: string[];
  failed: string[];
  errorSvgs: number;
  tasks: number;
  links: number;
  text: string;
  injected: unknown;
}

async function draw(name: string, markdown: string): Promise<Drawn> {
  const file = await writeReport(path.join(temp, `${name}.html`), {
    title: name,
    description: 'review attack',
    summaries: [{ title: name, result: 'failure', markdown }],
  });
  const { page, watch } = await watchedPage(browser);
  try {
    await page.evaluateOnNewDocument(TRAPS);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction('document.body.dataset.rendered !== undefined', { timeout: 60_000 });
    await page.evaluate(CLICK_EVERYTHING);
    const drawn = (await page.evaluate(READ)) as Drawn;
    expect(watch.requests).toEqual([]);
    return drawn;
  } finally {
    await page.close();
  }
}

const T0 = Date.UTC(2026, 11, 8, 1, 0, 0);

function hostileRollout(eventCount: number): DeployResult {
  const events = Array.from({ length: eventCount }, (_, i) => ({
    label: `${HOSTILE[i % HOSTILE.length]} (service web) task ${i}`,
    atMs: T0 + 5_000 + i * 100,
    ...(i % 7 === 0 ? { failed: true } : {}),
  }));
  return {
    service: HOSTILE[0],
    status: 'rolled-back',
    deploymentId: 'ecs-svc/1',
    preflight: { findings: [], predictedMs: 40_000 },
    timeline: {
      startMs: T0,
      endMs: T0 + 600_000,
      phases: [
        { label: 'Check the service', startMs: T0, endMs: T0 + 1_000 },
        { label: 'Roll out', startMs: T0 + 1_000, endMs: T0 + 500_000, failed: true },
      ],
      deployments: Array.from({ length: 40 }, (_, i) => ({
        id: i === 0 ? 'ecs-svc/1' : `ecs-svc/${HOSTILE[i % HOSTILE.length]}`,
        taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${HOSTILE[i % HOSTILE.length]}:${i}`,
        desiredCount: 2,
        startMs: T0 + i * 1_000,
        lastSeenMs: T0 + 400_000,
        allRunningMs: T0 + 60_000,
        states: HOSTILE.slice(0, 5).map((label, j) => ({ label, atMs: T0 + j * 10_000, failed: j === 4 })),
      })),
      stages: HOSTILE.map((label, i) => ({ label, startMs: T0 + i * 10_000, endMs: T0 + (i + 1) * 10_000 })),
      events,
    },
  } as unknown as DeployResult;
}

describe('the rollout timeline, hostile and huge, in Chromium', () => {
  it.each([20, 5000])(
    '%i hostile service events: drawn as SVG, bounded, as text, nothing runs',
    async (count) => {
      const markdown = timelineMarkdown(hostileRollout(count)).join('\n');
      expect(mermaidFences(markdown)).toBe(1);
      expect(markdown.split('\n').length).toBeLessThan(80);
      expect(markdown.length).toBeLessThan(20_000);
      const drawn = await draw(`timeline-${count}`, markdown);
      expect(drawn.failed).toEqual([]);
      expect(drawn.errorSvgs).toBe(0);
      expect(drawn.kinds).toEqual(['gantt']);
      expect(drawn.links).toBe(0);
      expect(drawn.injected).toBeUndefined();
      expect(drawn.text).toContain('%%{init: {"securityLevel": "loose", "theme": "dark"}}%%');
      expect(drawn.text).toContain('click t1 call injected()');
    },
    120_000,
  );
});

function deploy(i: number, time: string): HistoryDeploy {
  return {
    version: HOSTILE[i % HOSTILE.length] ?? '',
    tag: `deploy/${i}`,
    sha: 'a'.repeat(40),
    time,
    change: (['first', 'newer', 'rollback', 'redeploy', 'failed'] as const)[i % 5] ?? 'newer',
    current: i === 0,
    actor: HOSTILE[(i + 3) % HOSTILE.length] ?? '',
    triggeringActor: HOSTILE[(i + 4) % HOSTILE.length] ?? '',
    run: 'https://github.com/o/r/actions/runs/1)[x](javascript:injected())',
  };
}

function history(times: string[]): DeployTagResult {
  return {
    mode: 'history',
    history: HOSTILE.slice(0, 4).map((environment) => ({
      environment,
      cluster: HOSTILE[4] ?? '',
      service: HOSTILE[5] ?? '',
      region: 'us-east-1',
      total: times.length,
      deploys: times.map((time, i) => deploy(i, time)),
    })),
  } as unknown as DeployTagResult;
}

describe("deploy-tag's history, hostile, in Chromium", () => {
  it('hostile versions, actors, environments: drawn as SVG, as text, nothing runs', async () => {
    const times = Array.from({ length: 20 }, (_, i) => new Date(T0 - i * 86_400_000).toISOString());
    const drawn = await draw('history', historyMarkdown(history(times), T0 + 3_600_000));
    expect(drawn.failed).toEqual([]);
    expect(drawn.errorSvgs).toBe(0);
    expect(drawn.kinds).toEqual(['gantt']);
    expect(drawn.injected).toBeUndefined();
    expect(drawn.text).toContain('click t1 call injected()');
  }, 120_000);

  it('a record whose time has the form of one but is no date (2025-13-45T99:99:99Z): the diagram still draws', async () => {
    const times = ['2025-13-45T99:99:99Z', new Date(T0 - 86_400_000).toISOString()];
    const markdown = historyMarkdown(history(times), T0);
    //PROBE expect(markdown).not.toContain('NaN');
    const drawn = await draw('history-bad-time', markdown);
    expect(drawn.failed).toEqual([]);
    expect(drawn.errorSvgs).toBe(0);
    expect(drawn.kinds).toEqual(['gantt']);
    // The impossible date's deploy is counted, the one before it drawn as a point at its start.
    expect(drawn.text).toContain('4 more not drawn');
    expect(drawn.tasks).toBe(5); // four points and the row counting the rest
  }, 120_000);
});

describe('a real crash loop whose app writes hostile lines (the committed bundle, the simulator), in Chromium', () => {
  it('the summary with its timeline draws, shows the lines as text, and runs nothing', async () => {
    const sim = await startSimulator({ timeScale: 60 });
    try {
      const seed = JSON.parse(
        await readFile(
          path.resolve(import.meta.dirname, '../../actions/ecs-deploy-wait/tests/fixtures/seed-task-definition.json'),
          'utf8',
        ),
      ) as { containerDefinitions: Record<string, unknown>[] };
      const repo = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
      const withImage = (image: string) => ({
        ...seed,
        containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
      });
      sim.ecs.seedCluster('prod');
      sim.ecs.seedService({
        cluster: 'prod',
        serviceName: 'be',
        taskDefinition: withImage(`${repo}:1`),
        desiredCount: 2,
        deploymentConfiguration: {
          maximumPercent: 200,
          minimumHealthyPercent: 100,
          deploymentCircuitBreaker: { enable: true, rollback: true },
        },
      });
      sim.ecs.setImageScenario(`${repo}:2`, { kind: 'crash-on-start', exitCode: 3 }, { logLines: HOSTILE });
      const workspace = await mkdtemp(path.join(temp, 'crash-'));
      await writeFile(path.join(workspace, 'td.json'), JSON.stringify(withImage(`${repo}:2`)));
      const result = await runBundle({
        bundle: path.resolve(import.meta.dirname, '../../actions/ecs-deploy-wait/dist/index.js'),
        workspace,
        env: sim.env,
        inputs: {
          'task-definition': 'td.json',
          cluster: 'prod',
          service: 'be',
          'poll-interval': '250ms',
          timeout: '5m',
        },
        timeoutMs: 300_000,
      });
      expect(result.outputs.status).toBe('rolled-back');
      expect(foreignCommands(result.stdout)).toEqual([]);
      expect(result.summary).toContain('#### Rollout timeline');
      expect(result.summary).toContain('#### Last log lines');
      // The app's hostile lines are in the summary (as text in a code block), the attack is real.
      expect(result.summary).toContain('click t1 call injected()');
      expect(result.summary).toContain('securityLevel');
      const drawn = await draw('crash-loop', result.summary);
      expect(drawn.failed).toEqual([]);
      expect(drawn.errorSvgs).toBe(0);
      expect(drawn.kinds).toEqual(['gantt']);
      expect(drawn.injected).toBeUndefined();
    } finally {
      await sim.close();
    }
  }, 300_000);
});
