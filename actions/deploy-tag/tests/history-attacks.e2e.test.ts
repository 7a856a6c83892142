/**
 * Attacks on the deploy history index through the committed bundle, as the runner runs it: hostile text in tag
 * records reaching the log, a read-only token in create mode, and application records (format 3) through the index.
 */
import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const bundle = path.resolve(import.meta.dirname, '../dist/index.js');
const OWNER = 'octo-org';
const REPO = 'octo-app';
const [A, B, C] = ['a', 'b', 'c'].map((c) => c.repeat(40)) as [string, string, string];
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const PLACE = { environment: 'production', cluster: 'prod', service: 'web' };
const HOSTILE = '##[set-output name=tag;]evil ::error::pwned';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  sim.github.seedRepository({ owner: OWNER, repo: REPO, commits: [A, B, C] });
  sim.github.addToken('ghs_readonly', 'read');
});
afterAll(async () => {
  await sim?.close();
});

function run(inputs: Record<string, string>, token = sim.env.GITHUB_TOKEN) {
  return runBundle({
    bundle,
    inputs: { 'github-token': token, ...PLACE, ...inputs },
    env: {
      GITHUB_API_URL: sim.env.GITHUB_API_URL,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_SHA: C,
      GITHUB_RUN_ID: '1658821493',
      GITHUB_ACTOR: 'octocat',
      AWS_REGION: 'us-east-1',
    },
    event: { name: 'push', payload: {} },
  });
}

/** An annotated tag made by hand (not by deploy-tag) with `message`. */
async function handMadeTag(name: string, sha: string, message: string): Promise<void> {
  const api = `${sim.env.GITHUB_API_URL}/repos/${OWNER}/${REPO}/git`;
  const post = async (url: string, body: object) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `token ${sim.env.GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { sha: string };
  };
  const tag = await post(`${api}/tags`, { tag: name, message, object: sha, type: 'commit' });
  await post(`${api}/refs`, { ref: `refs/tags/${name}`, sha: tag.sha });
}

/** No workflow command but the action's own (add-mask of the token, its warnings and errors). */
const hostileCommands = (result: Awaited<ReturnType<typeof run>>) =>
  result.commands.filter((c) => JSON.stringify(c).includes('pwned') || JSON.stringify(c).includes('evil'));

describe('hostile text in deploy records read back through the index', () => {
  it('a hand-made tag whose records carry workflow commands never reaches the runner as one', async () => {
    const record = (format: unknown) =>
      JSON.stringify({
        format,
        ...PLACE,
        region: 'us-east-1',
        actor: HOSTILE,
        image: `${IMAGE}:0.2601.1`,
        time: '2026-01-01T00:00:00.000Z',
      });
    await handMadeTag('ecs-deploy-0.2601.1', A, `Deploy\n\nversion: 0.2601.1\ncommit: ${A}\ndeploys:\n${record(2)}\n`);
    await handMadeTag(
      'ecs-deploy-0.2601.2',
      A,
      `Deploy\n\nversion: 0.2601.2\ncommit: ${A}\ndeploys:\n${record(HOSTILE)}\n`,
    );
    const created = await run({ version: '0.2602.1', sha: B, image: `${IMAGE}:0.2602.1` });
    expect(created.exitCode).toBe(0);
    for (const result of [created, await run({ version: 'previous' }), await run({ version: 'recorded' })]) {
      expect(hostileCommands(result)).toEqual([]);
      expect(result.outputs.tag).not.toBe('evil');
      // Both hand-made tags are refused (a warning each), never half used.
      expect(result.warnings).toHaveLength(2);
    }
  });
});

describe('a read-only token (permissions contents: read)', () => {
  it('create mode fails once, naming the permission, and writes nothing', async () => {
    const tagsBefore = sim.github.tags(OWNER, REPO).length;
    const result = await run({ version: '0.2603.1', sha: B, image: `${IMAGE}:0.2603.1` }, 'ghs_readonly');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/contents: write/);
    expect(sim.github.tags(OWNER, REPO)).toHaveLength(tagsBefore);
  });

  it('version: current answers from the index', async () => {
    const result = await run({ version: 'current' }, 'ghs_readonly');
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ found: 'true', version: '0.2602.1', sha: B });
  });
});

describe('application records (format 3) through the index', () => {
  const SHOP = { application: 'shop', service: '', environment: 'staging', cluster: 'stage' };
  const targets = (revision: number) =>
    JSON.stringify(
      ['api', 'worker'].map((name) => ({
        name,
        kind: 'service',
        resource: `shop-${name}`,
        status: 'succeeded',
        taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/shop-${name}:${revision}`,
        previousTaskDefinitionArn: null,
      })),
    );

  it('previous and a lookup answer every target of the deploy, from the index', async () => {
    for (const [version, sha, revision] of [
      ['0.2604.1', A, 1],
      ['0.2604.2', B, 2],
    ] as const) {
      const result = await run({ version, sha, image: `${IMAGE}:${version}`, ...SHOP, targets: targets(revision) });
      expect(result.errors).toEqual([]);
    }
    const tagReads = sim.callsOf('GET /repos/{owner}/{repo}/git/tags/{tag_sha}').length;
    const previous = await run({ version: 'previous', ...SHOP });
    expect(previous.errors).toEqual([]);
    expect(previous.outputs).toMatchObject({ version: '0.2604.1', 'latest-version': '0.2604.2' });
    expect(JSON.parse(previous.outputs.targets ?? '[]')).toEqual([
      expect.objectContaining({ name: 'api', taskDefinitionArn: expect.stringMatching(/shop-api:1$/) }),
      expect.objectContaining({ name: 'worker', taskDefinitionArn: expect.stringMatching(/shop-worker:1$/) }),
    ]);
    // Read from the index: no tag object read again.
    expect(sim.callsOf('GET /repos/{owner}/{repo}/git/tags/{tag_sha}').length).toBe(tagReads);
  });
});
