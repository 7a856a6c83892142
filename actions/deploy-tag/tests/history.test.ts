import { ConfigurationError } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { deployTag } from '../src/deploy-tag.js';
import type { GitHubClient } from '../src/github.js';
import { historyMarkdown } from '../src/history-summary.js';
import type { DeployTagResult } from '../src/result.js';
import {
  A,
  ANOTHER_RUN,
  B,
  C,
  clock,
  ENV,
  gh,
  imageOf,
  NOW,
  PRODUCTION,
  read,
  run,
  STAGING,
  seedTags,
  tagsInRepo,
  useGitHub,
} from './fixture.js';

useGitHub();

/** An environment name is any printable text: Markdown, HTML, Mermaid and a workflow command in one. */
const HOSTILE_ENVIRONMENT =
  'prod | <script>alert(1)</script> %%{init: {"securityLevel":"loose"}}%% click t1 call alert(1) `x` [a](javascript:alert(1)) ##[error]x';

/** Every line of a gantt block is one mermaidGantt writes: nothing in a label is syntax. */
const GANTT_LINE =
  /^(?:```mermaid|```|gantt| {2}title #\d+;[A-Za-z0-9 .,_/+=#;-]*| {2}dateFormat x| {2}axisFormat %m-%d %H:%M| {2}todayMarker off| {2}section #\d+;[A-Za-z0-9 .,_/+=#;-]*| {4}#\d+;[A-Za-z0-9 .,_/+=#;-]* :(?:(?:done|active|crit|milestone), )*(?:t\d+|more), \d+, (?:\d+|0ms))$/;
const drawn = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

function ganttOf(markdown: string): string[] {
  const start = markdown.indexOf('```mermaid');
  expect(start).toBeGreaterThan(0);
  expect(markdown.match(/```/g)).toHaveLength(2);
  return markdown.slice(start).split('\n');
}

async function history(inputs: Record<string, string> = {}, env = ENV) {
  const parsed = read({ version: 'history', ...inputs }, env);
  const warnings: string[] = [];
  const result = await deployTag(parsed, {
    github: gh.client(parsed.token),
    clock,
    sleep: clock.sleep,
    warning: (message) => warnings.push(message),
  });
  return { result, warnings, markdown: historyMarkdown(result, clock.now()) };
}

describe('history mode (version: history)', () => {
  it('shows the newest deploys of the place: when, version, who, how it ended, newest first; writes nothing', async () => {
    await seedTags([
      ['0.2601.1', A],
      ['0.2601.2', B],
    ]);
    await seedTags([['0.2601.3', C]], STAGING);
    // A rollback to 0.2601.1 by another person's run, then the same version again.
    await run({ version: '0.2601.1', sha: A, image: imageOf('0.2601.1') }, { ...ANOTHER_RUN, GITHUB_ACTOR: 'mona' });
    await run(
      { version: '0.2601.1', sha: A, image: imageOf('0.2601.1') },
      { ...ENV, GITHUB_RUN_ID: '1658822000', GITHUB_TRIGGERING_ACTOR: 'octocat' },
    );
    const before = tagsInRepo();
    const { result, markdown } = await history();
    expect(tagsInRepo()).toEqual(before);

    expect(result).toMatchObject({ mode: 'history', action: 'history', version: '0.2601.1', sha: A });
    expect(result.history).toHaveLength(1);
    const [place] = result.history ?? [];
    expect(place).toMatchObject({ environment: 'production', cluster: 'prod', service: 'web', region: 'us-east-1' });
    expect(place?.deploys.map((d) => [d.version, d.change, d.current, d.actor])).toEqual([
      ['0.2601.1', 'redeploy', true, 'octocat'],
      ['0.2601.1', 'rollback', false, 'mona'],
      ['0.2601.2', 'newer', false, 'octocat'],
      ['0.2601.1', 'first', false, 'octocat'],
    ]);
    expect(place?.deploys[0]?.time).toMatch(/^2026-01-05T10:05:00(?:\.\d+)?Z$/);

    expect(markdown).toContain('### Deploy history: 1 place');
    expect(markdown).toContain('#### production: prod/web \\(us-east-1\\)');
    expect(markdown).toContain('| When (UTC) | Version | Who | How it ended | Commit |');
    expect(markdown).toContain(
      '| 2026-01-05 10:05:00 | 0.2601.1 | octocat ([run](https://github.com/octo-org/octo-app/actions/runs/1658822000)) | deployed again \\(same version\\); runs there now | aaaaaaa |',
    );
    expect(markdown).toContain(
      '| mona \\(run by hubot\\) ([run](https://github.com/octo-org/octo-app/actions/runs/1658821999)) | deployed: rollback to an older version |',
    );
    const gantt = ganttOf(markdown);
    for (const line of gantt) expect(line).toMatch(GANTT_LINE);
    const rows = gantt.filter((line) => line.startsWith('    '));
    expect(rows.map((line) => drawn(line.trim().replace(/ :.*$/, '')))).toEqual([
      '0.2601.1 by octocat',
      '0.2601.2 by octocat',
      '0.2601.1 by mona, rollback',
      '0.2601.1 by octocat',
    ]);
    expect(rows[2]).toMatch(/ :crit, t3, /);
    expect(rows[3]).toMatch(/ :active, t4, /);
  });

  it('shows each matching place with at most history-count deploys, saying how many there are', async () => {
    await seedTags([
      ['0.2601.1', A],
      ['0.2601.2', B],
      ['0.2601.3', C],
    ]);
    await seedTags([['0.2601.3', C]], STAGING);
    const { result, markdown } = await history({ environment: '', cluster: '', service: '', 'history-count': '2' });
    expect(result.history?.map((place) => [place.environment, place.total, place.deploys.length])).toEqual([
      ['staging', 1, 1],
      ['production', 3, 2],
    ]);
    expect(markdown).toContain('The newest 2 of 3 deploys.');
    expect(ganttOf(markdown).filter((line) => line.startsWith('  section'))).toHaveLength(2);
  });

  it('draws any environment name as text: the table keeps its cells and the diagram its structure', async () => {
    await seedTags([['0.2601.1', A]], { ...PRODUCTION, environment: HOSTILE_ENVIRONMENT });
    const { result, markdown } = await history({ environment: HOSTILE_ENVIRONMENT });
    expect(result.history?.[0]?.environment).toBe(HOSTILE_ENVIRONMENT);
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toMatch(/(?<!\\)\[a\]/);
    expect(markdown.slice(0, markdown.indexOf('```mermaid'))).not.toMatch(/(?<!\\)`/);
    expect(markdown).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt;');
    // The heading is one line and the table's rows have their five cells.
    const lines = markdown.split('\n');
    const heading = lines.find((line) => line.startsWith('#### '));
    expect(heading).toContain('prod \\| &lt;script&gt;');
    for (const row of lines.filter((line) => line.startsWith('| 2026'))) {
      expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(6);
    }
    const gantt = ganttOf(markdown);
    for (const line of gantt) expect(line).toMatch(GANTT_LINE);
    const section = gantt.find((line) => line.startsWith('  section')) ?? '';
    expect(drawn(section.slice('  section '.length))).toBe(`${HOSTILE_ENVIRONMENT.slice(0, 39)}…`);
  });

  it('finds nothing (not an error) where nothing was deployed, naming the environments the records have', async () => {
    await seedTags([['0.2601.1', A]]);
    await seedTags([['0.2601.1', A]], STAGING);
    const { result, warnings, markdown } = await history({ environment: 'prodution' });
    expect(result).toMatchObject({ mode: 'history', history: [], tag: '', version: '' });
    expect(warnings).toEqual([expect.stringContaining('The records name the environments production, staging.')]);
    expect(markdown).toBe('### Deploy history\n\nNo deploy is recorded for this environment, cluster and service.');
  });

  it('leaves out a tag with broken records, with a warning, and shows the rest', async () => {
    await seedTags([['0.2601.1', A]]);
    const client = gh.client();
    const object = await client.request('POST /repos/{owner}/{repo}/git/tags', {
      owner: 'octo-org',
      repo: 'octo-app',
      tag: 'ecs-deploy-0.2601.2',
      message: `Deploy\n\nversion: 0.2601.2\ncommit: ${B}\ndeploys:\nnot json\n`,
      object: B,
      type: 'commit',
    });
    await client.request('POST /repos/{owner}/{repo}/git/refs', {
      owner: 'octo-org',
      repo: 'octo-app',
      ref: 'refs/tags/ecs-deploy-0.2601.2',
      sha: object.data.sha,
    });
    const { result, warnings } = await history();
    expect(result.history?.[0]?.deploys.map((d) => d.version)).toEqual(['0.2601.1']);
    expect(warnings).toEqual([expect.stringContaining('ecs-deploy-0.2601.2')]);
  });
});

describe('history mode: the failed deploys, from the GitHub Deployments', () => {
  /** A deploy as deploy.yml runs it that fails: its Deployment in_progress, then failure; no record. */
  async function failedDeploy(version: string, sha: string, env: NodeJS.ProcessEnv = ENV, place = PRODUCTION) {
    const started = await run({ version, sha, 'deployment-state': 'in_progress', ...place }, env);
    await run({ version, 'deployment-state': 'failure', 'deployment-id': String(started.deploymentId), ...place }, env);
  }

  it('shows a failed deploy in red with who ran it, between the recorded ones, and keeps what runs now', async () => {
    await seedTags([['0.2601.1', A]]);
    await failedDeploy('0.2601.2', B, { ...ANOTHER_RUN, GITHUB_ACTOR: 'mona', GITHUB_TRIGGERING_ACTOR: 'mona' });
    const [byMona] = gh.github.deployments('octo-org', 'octo-app');
    expect(byMona?.payload).toMatchObject({ actor: 'mona', 'triggering-actor': 'mona' });
    await failedDeploy('0.2601.3', C, { ...ENV, GITHUB_RUN_ID: '1658822001' });
    // A failure at another place is not this place's.
    await failedDeploy('0.2601.4', C, ENV, STAGING);
    const { result, markdown } = await history({ service: 'web' });
    const deploys = result.history?.[0]?.deploys ?? [];
    expect(deploys.map((d) => [d.version, d.change, d.current, d.actor])).toEqual([
      ['0.2601.3', 'failed', false, 'octocat'],
      ['0.2601.2', 'failed', false, 'mona'],
      ['0.2601.1', 'first', true, 'octocat'],
    ]);
    expect(result).toMatchObject({ version: '0.2601.1', sha: A });
    expect(markdown).toContain(
      '| 0.2601.2 | mona ([run](https://github.com/octo-org/octo-app/actions/runs/1658821999)) | FAILED \\(its GitHub Deployment failed; not recorded\\) | bbbbbbb |',
    );
    const rows = ganttOf(markdown).filter((line) => line.startsWith('    '));
    for (const row of rows) expect(row).toMatch(GANTT_LINE);
    expect(rows.find((row) => drawn(row.trim()).startsWith('0.2601.2 by mona, failed'))).toMatch(
      / :crit, milestone, t\d+, \d+, 0ms$/,
    );
  });

  it('skips a Deployment whose payload breaks a record rule, and shows the records when Deployments cannot be read', async () => {
    await seedTags([['0.2601.1', A]]);
    const client = gh.client();
    const created = await client.request('POST /repos/{owner}/{repo}/deployments', {
      owner: 'octo-org',
      repo: 'octo-app',
      ref: B,
      environment: 'production',
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      payload: { version: '0.2601.2', cluster: 'prod', service: 'web', actor: 'x\n::error::forged' },
    });
    const id = (created.data as { id: number }).id;
    await client.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: 'octo-org',
      repo: 'octo-app',
      deployment_id: id,
      state: 'failure',
    });
    const shown = await history();
    const failed = shown.result.history?.[0]?.deploys.find((d) => d.change === 'failed');
    // The actor breaks its rule: not shown; the rest of the Deployment passes its rules.
    expect(failed).toMatchObject({ version: '0.2601.2', sha: B });
    expect(failed?.actor).toBeUndefined();

    // A token without deployments: read (GitHub's 403): the records are still shown, with one warning.
    const parsed = read({ version: 'history' });
    const real = gh.client(parsed.token);
    const denied = Object.assign(new Error('Resource not accessible by integration'), {
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } },
    });
    const github = {
      request: ((route: string, params?: object) =>
        route.includes('/deployments')
          ? Promise.reject(denied)
          : real.request(route as never, params as never)) as unknown as GitHubClient['request'],
    };
    const warnings: string[] = [];
    const result = await deployTag(parsed, { github, clock, sleep: clock.sleep, warning: (w) => warnings.push(w) });
    expect(result.history?.[0]?.deploys.map((d) => d.version)).toEqual(['0.2601.1']);
    expect(warnings).toEqual([
      expect.stringContaining(
        'The failed deploys are not shown (they are read from the GitHub Deployments): GitHub answered 403 (Resource not accessible by integration) to list the deployments in octo-org/octo-app: the job needs `permissions: deployments: write`.',
      ),
    ]);
  });
});

describe('history mode: bad input, one clear error before any call', () => {
  it.each([
    [
      { 'history-count': '0' },
      'Input "history-count" must be a whole number of deploys per place from 1 to 100; got "0".',
    ],
    [{ 'history-count': '101' }, 'from 1 to 100; got "101"'],
    [{ 'history-count': 'ten' }, 'from 1 to 100; got "ten"'],
    [{ 'history-count': '2.5' }, 'from 1 to 100; got "2.5"'],
    [{ 'history-count': '-3' }, 'from 1 to 100; got "-3"'],
    [{ environment: 'production\nimage: x' }, 'Input "environment" must be a GitHub environment name'],
    [{ cluster: 'prod/../x' }, 'Input "cluster" must be an ECS cluster name'],
    [{ region: 'mars-1' }, 'Input "region" must be an AWS region'],
  ])('%j', (inputs, message) => {
    const before = gh.sim.calls.length;
    expect(() => read({ version: 'history', ...inputs })).toThrow(ConfigurationError);
    expect(() => read({ version: 'history', ...inputs })).toThrow(message);
    expect(gh.sim.calls.length).toBe(before);
  });

  it('writes no diagram or table when the result has no history', () => {
    const empty: DeployTagResult = {
      mode: 'history',
      action: 'history',
      tag: '',
      sha: '',
      version: '',
      created: false,
    };
    expect(historyMarkdown(empty, NOW)).not.toContain('mermaid');
  });
});
