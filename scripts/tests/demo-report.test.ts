/**
 * The demo report's pieces that need no browser: which job summaries a run has, how many diagrams a summary holds
 * (what the browser test expects drawn), and the page's HTML: summary text is data that no text can turn into
 * markup, and the Content-Security-Policy admits exactly the page's own scripts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { JobRun, StepRun, WorkflowRun } from '../../packages/pipeline-runner/src/index.js';
import { jobSummaries, mermaidFences, reportHtml } from '../demo-report/index.js';

const step = (id: string, summary: string, post = false): StepRun => ({
  id,
  name: id,
  post,
  outcome: 'success',
  conclusion: 'success',
  outputs: {},
  inputs: {},
  log: '',
  summary,
  errors: [],
  warnings: [],
  notices: [],
  exitCode: 0,
});

const job = (id: string, result: JobRun['result'], steps: StepRun[]): JobRun => ({
  id,
  name: id,
  workflow: 'deploy.yml',
  result,
  permissions: {},
  outputs: {},
  steps,
});

describe('jobSummaries', () => {
  it('one per job that wrote any: its steps (post steps too) one after the other, the job result kept', () => {
    const run: WorkflowRun = {
      workflow: 'ecs-cd.yml',
      runId: 7,
      runNumber: 2,
      conclusion: 'failure',
      outputs: {},
      jobs: [
        job('gate', 'success', [step('check', '')]),
        job('deploy/deploy', 'failure', [
          step('render', '### Task definition\n\n| a | b |\n| --- | --- |\n'),
          step('echo', '   \n'),
          step('deploy', '### ECS deploy: FAILED and rolled back\n'),
          step('deploy', '### post\n', true),
        ]),
      ],
    };
    expect(jobSummaries('CD #2', run)).toEqual([
      {
        title: 'CD #2 · deploy/deploy',
        result: 'failure',
        markdown:
          '### Task definition\n\n| a | b |\n| --- | --- |\n\n### ECS deploy: FAILED and rolled back\n\n### post\n',
      },
    ]);
  });
});

describe('mermaidFences', () => {
  it('counts ```mermaid and ~~~mermaid fences (indented up to three spaces), not other code or the word in text', () => {
    const markdown = [
      '```mermaid',
      'gantt',
      '```',
      '   ~~~~ mermaid',
      'flowchart LR',
      '~~~~',
      '```sh',
      'echo ```mermaid',
      '```',
      '    ```mermaid (indented four: code, not a fence)',
      'text ```mermaid',
    ].join('\n');
    expect(mermaidFences(markdown)).toBe(2);
    expect(mermaidFences('no diagrams')).toBe(0);
  });
});

describe('reportHtml', () => {
  const hostile = '</script><script>window.__injected = 1</script><!-- <script> \u2028 </SCRIPT >\'"&';

  it('keeps summary text as data: no text closes the data element or opens a script', async () => {
    const html = await reportHtml({
      title: `report ${hostile}`,
      description: hostile,
      summaries: [{ title: hostile, result: 'failure', markdown: hostile }],
    });
    // The data element and the four inlined scripts (marked, DOMPurify, Mermaid, the renderer), nothing else.
    expect(html.match(/<script\b/gi)).toHaveLength(5);
    expect(html.match(/<\/script/gi)).toHaveLength(5);
    expect(html).not.toContain('<!--');
    const data = /<script type="application\/json" id="summaries">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(data)).toEqual([{ title: hostile, result: 'failure', markdown: hostile }]);
    expect(html).toContain('<title>report &#60;/script&#62;&#60;script&#62;');
  });

  it('admits by hash exactly the inline scripts the page holds', async () => {
    const html = await reportHtml({ title: 't', description: 'd', summaries: [] });
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    const scripts = [...html.matchAll(/<script data-report-script>(.*?)<\/script>/gs)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(4);
    const hashes = scripts.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
    const directives = policy.split('; ');
    expect(directives[0]).toBe("default-src 'none'");
    // Only these hashes: no 'unsafe-inline', no 'unsafe-eval', no source a page could load a script from.
    expect(directives.filter((d) => /^script-src/.test(d))).toEqual([`script-src ${hashes.join(' ')}`]);
  });
});
