/**
 * The GitHub side's limits as the job token meets them: the primary rate limit (1,000 requests per hour per
 * repository, x-ratelimit-* headers, 403 past it), fast-forward-only ref updates, matching-refs unpaged, seeded tags.
 */

import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';

const OWNER = 'octo-org';
const REPO = 'octo-app';
const C1 = '1'.repeat(40);
const C2 = '2'.repeat(40);
const WRITE = 'ghs_write_token';

let sim: Simulator;
let octokit: ReturnType<typeof getOctokit>;

beforeEach(async () => {
  sim = await startSimulator({ githubToken: WRITE });
  sim.github.seedRepository({ owner: OWNER, repo: REPO, commits: [C1, C2] });
  octokit = getOctokit(WRITE, { baseUrl: sim.url });
});

afterEach(async () => {
  await sim.close();
});

const getRef = () =>
  octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: OWNER, repo: REPO, ref: 'heads/main' });

describe('primary rate limit of the job token', () => {
  it('sends the x-ratelimit headers and refuses the 1,001st request of the hour with 403 and remaining 0', async () => {
    const first = await getRef();
    expect(first.headers['x-ratelimit-limit']).toBe('1000');
    expect(first.headers['x-ratelimit-remaining']).toBe('999');
    expect(first.headers['x-ratelimit-used']).toBe('1');
    expect(first.headers['x-ratelimit-resource']).toBe('core');
    const reset = Number(first.headers['x-ratelimit-reset']);
    expect(reset * 1000).toBeGreaterThan(sim.clock.now() + 3_599_000);
    sim.github.setRateLimit(3);
    await getRef();
    const third = await getRef();
    expect(third.headers['x-ratelimit-remaining']).toBe('0');
    const refused = await getRef().catch((error: unknown) => error);
    expect(refused).toMatchObject({
      status: 403,
      response: {
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        data: { message: expect.stringMatching(/^API rate limit exceeded for installation ID \d+\.$/) },
      },
    });
    expect(sim.github.rateLimitUsed(OWNER, REPO)).toBe(3);
    // The window resets an hour after it began.
    sim.clock.advance(3_600_000);
    expect((await getRef()).headers['x-ratelimit-remaining']).toBe('2');
  });

  it('can be turned off for a long suite that does not count', async () => {
    sim.github.setRateLimit(1);
    sim.github.setRateLimit(undefined);
    await getRef();
    const second = await getRef();
    expect(second.status).toBe(200);
    expect(second.headers['x-ratelimit-limit']).toBeUndefined();
  });
});

describe('ref updates without force', () => {
  async function commitOn(parent: string, file: string): Promise<string> {
    const tree = await octokit.request('POST /repos/{owner}/{repo}/git/trees', {
      owner: OWNER,
      repo: REPO,
      tree: [{ path: file, mode: '100644', type: 'blob', content: file }],
    });
    const commit = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
      owner: OWNER,
      repo: REPO,
      message: file,
      tree: tree.data.sha,
      parents: [parent],
    });
    return commit.data.sha;
  }
  const update = (sha: string, force = false) =>
    octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      owner: OWNER,
      repo: REPO,
      ref: 'index/history',
      sha,
      force,
    });

  it('accept a fast-forward over commits made through the API and refuse any other with 422', async () => {
    await octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      owner: OWNER,
      repo: REPO,
      ref: 'refs/index/history',
      sha: C2,
    });
    const a = await commitOn(C2, 'a');
    const b = await commitOn(a, 'b');
    const sibling = await commitOn(C2, 'sibling');
    expect((await update(b)).data.object.sha).toBe(b);
    // Another run appended first: its parent is no longer the ref's commit.
    await expect(update(sibling)).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Update is not a fast forward' } },
    });
    await expect(update(a)).rejects.toMatchObject({ status: 422 });
    expect((await update(sibling, true)).data.object.sha).toBe(sibling);
  });
});

describe('matching-refs', () => {
  it('lists every matching ref in one answer (the endpoint is not paged); seeded tags need no HTTP', async () => {
    const tags = Array.from({ length: 250 }, (_, i) => ({
      name: `v-${String(i).padStart(3, '0')}`,
      commit: C1,
      ...(i % 2 === 0 ? { message: `tag ${i}` } : {}),
    }));
    sim.github.seedTags(OWNER, REPO, tags);
    expect(sim.calls).toHaveLength(0);
    const listed = await octokit.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      owner: OWNER,
      repo: REPO,
      ref: 'tags/v-',
      per_page: 100,
      page: 2,
    } as { owner: string; repo: string; ref: string });
    expect(listed.data).toHaveLength(250);
    expect(listed.data[0]).toMatchObject({ ref: 'refs/tags/v-000', object: { type: 'tag' } });
    expect(listed.data[1]).toMatchObject({ ref: 'refs/tags/v-001', object: { type: 'commit', sha: C1 } });
    expect(listed.headers.link).toBeUndefined();
    expect(sim.github.tags(OWNER, REPO)[0]).toMatchObject({ name: 'v-000', commit: C1, message: 'tag 0' });
  });
});

describe('get repository content', () => {
  async function commitWith(path: string, content: string): Promise<string> {
    const repo = { owner: OWNER, repo: REPO };
    const tree = await octokit.request('POST /repos/{owner}/{repo}/git/trees', {
      ...repo,
      tree: [{ path, mode: '100644', type: 'blob', content }],
    });
    const commit = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
      ...repo,
      message: path,
      tree: tree.data.sha,
      parents: [C2],
    });
    return commit.data.sha;
  }
  const get = (path: string, ref: string, accept?: string) =>
    octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: OWNER,
      repo: REPO,
      path,
      ref,
      ...(accept ? { headers: { accept } } : {}),
    });
  const statusOf = (error: unknown) => (error as { status?: number }).status;
  const text = (data: unknown) => (typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8'));

  it('answers a file at a commit: JSON up to 1 MB, raw bytes at any size, 403 too_large for JSON past 1 MB', async () => {
    const small = await commitWith('history.jsonl', '{"a":1}\n');
    const found = await get('history.jsonl', small);
    expect(found.data).toMatchObject({ type: 'file', encoding: 'base64', size: 8, path: 'history.jsonl' });
    expect(Buffer.from((found.data as { content: string }).content, 'base64').toString()).toBe('{"a":1}\n');
    const bigText = 'x'.repeat(1024 * 1024 + 1);
    const big = await commitWith('history.jsonl', bigText);
    const refused = await get('history.jsonl', big).catch((error: unknown) => error);
    expect(statusOf(refused)).toBe(403);
    expect(String(refused)).toMatch(/up to 1 MB/);
    const object = await get('history.jsonl', big, 'application/vnd.github.object+json');
    expect(object.data).toMatchObject({ encoding: 'none', content: '', size: bigText.length });
    const raw = await get('history.jsonl', big, 'application/vnd.github.raw+json');
    expect(text(raw.data)).toBe(bigText);
  });

  it('answers 404 for a path the commit lacks and for a ref that names no commit', async () => {
    const made = await commitWith('history.jsonl', 'x');
    expect(statusOf(await get('other.jsonl', made).catch((error: unknown) => error))).toBe(404);
    const missing = await get('history.jsonl', 'f'.repeat(40)).catch((error: unknown) => error);
    expect(statusOf(missing)).toBe(404);
    expect(String(missing)).toMatch(/No commit found for the ref/);
  });
});
