/**
 * Attacks on the deploy history index: a run stopped between its tag write and its index append, an index file that
 * is corrupted or hostile, a tag deleted by hand.
 */
import { describe, expect, it } from '@jest/globals';
import { deployTag } from '../src/deploy-tag.js';
import type { GitHubClient } from '../src/github.js';
import { indexRef } from '../src/history-index/store.js';
import { RateLimitError } from '../src/rate-limit.js';
import { formatTagMessage, parseTagMessage } from '../src/records.js';
import { B, C, clock, gh, imageOf, PRODUCTION, read, run, STAGING, useGitHub } from './fixture.js';
import { OWNER, REPO } from './github-server.js';

useGitHub();

const repo = { owner: OWNER, repo: REPO };
const INDEX_WRITE = 'POST /repos/{owner}/{repo}/git/trees';

/** A client that dies (as a cancelled job does) at its request to `route` after `passed` of them went through. */
function killedAt(route: string, passed = 0): GitHubClient {
  const client = gh.client();
  let seen = 0;
  const request = (r: string, params?: object) => {
    if (r === route && seen++ >= passed) return Promise.reject(new Error('job cancelled'));
    return client.request(r as never, params as never);
  };
  return { request: request as unknown as GitHubClient['request'] };
}

async function runKilled(inputs: Record<string, string>): Promise<void> {
  const parsed = read(inputs);
  await clock.sleep(60_000);
  // The step says what it did: the tag is written, the index not.
  await expect(deployTag(parsed, { github: killedAt(INDEX_WRITE), clock })).rejects.toThrow(
    new RegExp(
      `^Tag ecs-deploy-${inputs.version} was \\w+ on ${inputs.sha} \\(this deploy is in the tag\\), but the deploy history index was not appended: job cancelled`,
    ),
  );
}

/** Replaces the index file's content (as a hand edit or a broken writer would), keeping the chain. */
async function writeIndexFile(edit: (text: string) => string): Promise<void> {
  const client = gh.client();
  const ref = indexRef('ecs-deploy-').slice('refs/'.length);
  const head = (await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref })).data.object.sha;
  const tree = (await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...repo, tree_sha: head }))
    .data.tree[0];
  const blob = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
    ...repo,
    file_sha: tree?.sha ?? '',
  });
  const text = Buffer.from(blob.data.content, 'base64').toString('utf8');
  const newTree = await client.request('POST /repos/{owner}/{repo}/git/trees', {
    ...repo,
    tree: [{ path: tree?.path ?? '', mode: '100644', type: 'blob', content: edit(text) }],
  });
  const commit = await client.request('POST /repos/{owner}/{repo}/git/commits', {
    ...repo,
    message: 'hand edit',
    tree: newTree.data.sha,
    parents: [head],
  });
  await client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref, sha: commit.data.sha });
}

describe('a run stopped between its tag write and its index append', () => {
  it('a new tag: the next run still sees that deploy', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    await runKilled({ version: '0.2602.2', sha: C, image: imageOf('0.2602.2') });
    expect(await run({ version: 'current' })).toMatchObject({ found: true, version: '0.2602.2' });
    expect(await run({ version: 'previous' })).toMatchObject({ version: '0.2602.1' });
  });
});

describe('a run stopped between adding to an existing tag and its index append', () => {
  const recordsOf = (version: string, commit: string) =>
    parseTagMessage(gh.github.tags(OWNER, REPO).find((t) => t.name === `ecs-deploy-${version}`)?.message ?? '', {
      version,
      commit,
    }) ?? [];

  it('the next write to that tag keeps its deploy, and the index then holds it', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1'), ...STAGING });
    await runKilled({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    expect(recordsOf('0.2602.1', B).map((r) => r.environment)).toEqual(['staging', 'production']);
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1'), environment: 'qa', cluster: 'qa' });
    expect(recordsOf('0.2602.1', B).map((r) => r.environment)).toEqual(['staging', 'production', 'qa']);
    expect(await run({ version: 'current' })).toMatchObject({ found: true, version: '0.2602.1' });
  });

  it('the next lookup sees its deploy at once (the ref differs from the index), in the same one listing request', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1'), ...STAGING });
    await run({ version: '0.2602.0', sha: C, image: imageOf('0.2602.0') });
    await runKilled({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    const before = gh.sim.calls.length;
    expect(await run({ version: 'current' })).toMatchObject({ found: true, version: '0.2602.1' });
    // The ref, the file, the listing, the one tag read in and the index saved (tree, commit, ref).
    expect(gh.sim.calls.length - before).toBeLessThanOrEqual(8);
    expect(await run({ version: 'previous' })).toMatchObject({ version: '0.2602.0' });
    const after = gh.sim.calls.length;
    await run({ version: 'current' });
    // Read in once: the next lookup is back to the ref, the file and the listing.
    expect(gh.sim.calls.length - after).toBe(3);
  });

  it('a move seen by the next lookup before any write to that tag', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    await runKilled({ version: '0.2602.1', sha: C, image: imageOf('0.2602.1'), 'on-exists': 'move' });
    expect(await run({ version: 'current' })).toMatchObject({ found: true, sha: C });
  });

  it('a move: the next write to that tag starts from the commit it was moved to', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    await runKilled({ version: '0.2602.1', sha: C, image: imageOf('0.2602.1'), 'on-exists': 'move' });
    // Deploying the moved tag's commit elsewhere adds to it (not "already exists on another commit").
    expect(await run({ version: '0.2602.1', sha: C, image: imageOf('0.2602.1'), ...STAGING })).toMatchObject({
      action: 'recorded',
    });
    expect(await run({ version: 'current' })).toMatchObject({ found: true, sha: C });
  });
});

describe('the primary rate limit spent between the tag write and the index append', () => {
  it('one RateLimitError saying the tag is written and the next run reads it in; the next run does', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    // The index read (ref, file) and the tag (object, ref), then the append's tree: then the limit is spent.
    gh.github.setRateLimit(gh.github.rateLimitUsed(OWNER, REPO) + 5);
    const error = await run({ version: '0.2602.2', sha: C, image: imageOf('0.2602.2') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(String(error)).toMatch(
      /Tag ecs-deploy-0\.2602\.2 was created on c{40} \(this deploy is in the tag\), but the deploy history index was not appended: GitHub's primary rate limit is spent .* The next run that reads the deploy history reads this tag into the index\./,
    );
    gh.github.setRateLimit(undefined);
    expect(await run({ version: 'previous' })).toMatchObject({ version: '0.2602.1', latest: { version: '0.2602.2' } });
  });
});

describe('an index file that is corrupted or hostile', () => {
  it('an entry whose message is not text makes the index be rebuilt from the tags, not crash every run', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    await run({ version: '0.2602.2', sha: C, image: imageOf('0.2602.2') });
    await writeIndexFile((text) => text.replace(/"message":"[^"\\]*(?:\\.[^"\\]*)*"/, '"message":{"toString":1}'));
    expect(await run({ version: 'current' })).toMatchObject({ found: true, version: '0.2602.2' });
    expect(await run({ version: '0.2602.3', sha: C, image: imageOf('0.2602.3') })).toMatchObject({
      action: 'created',
    });
  });

  it('a line that is not JSON makes the index be rebuilt from the tags', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    await run({ version: '0.2602.2', sha: C, image: imageOf('0.2602.2') });
    await writeIndexFile((text) => `${text}{not json\n`);
    expect(await run({ version: 'previous' })).toMatchObject({ version: '0.2602.1' });
  });

  it('an entry for a tag that does not exist is dropped once the tag list is read again', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    const phantom = {
      tag: 'ecs-deploy-0.2699.0',
      object: C,
      sha: C,
      message: formatTagMessage('0.2699.0', C, [
        {
          format: 2,
          ...PRODUCTION,
          region: 'us-east-1',
          actor: 'octocat',
          image: imageOf('0.2699.0'),
          time: '2027-01-01T00:00:00.000Z',
        },
      ]),
    };
    await writeIndexFile((text) => `${text}${JSON.stringify(phantom)}\n`);
    // A deploy changes the count: the list is read and the phantom goes.
    await run({ version: '0.2602.2', sha: C, image: imageOf('0.2602.2') });
    expect(await run({ version: 'current' })).toMatchObject({ version: '0.2602.2' });
    expect(await run({ version: 'previous' })).toMatchObject({ version: '0.2602.1' });
  });

  it('a tag deleted by hand leaves the history', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    await run({ version: '0.2602.2', sha: C, image: imageOf('0.2602.2') });
    await gh
      .client()
      .request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ...repo, ref: 'tags/ecs-deploy-0.2602.2' });
    expect(await run({ version: 'current' })).toMatchObject({ found: true, version: '0.2602.1' });
    // Not brought back by the save that dropped it: the next run (fast path) agrees.
    expect(await run({ version: 'current' })).toMatchObject({ found: true, version: '0.2602.1' });
    await expect(run({ version: 'previous' })).rejects.toThrow('there is no earlier deployment');
  });
});

describe('races', () => {
  it('two runs creating different versions at once both land, each reporting the tag it created', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    const [x, y] = await Promise.all([
      run({ version: '0.2602.2', sha: C, image: imageOf('0.2602.2') }),
      run({ version: '0.2602.3', sha: C, image: imageOf('0.2602.3'), ...STAGING }),
    ]);
    // The race happened: one run lost the index swap.
    expect(gh.sim.calls.filter((call) => call.error === 'Update is not a fast forward').length).toBeGreaterThanOrEqual(
      1,
    );
    expect([x.action, y.action]).toEqual(['created', 'created']);
    expect([x.created, y.created]).toEqual([true, true]);
    expect(await run({ version: 'current' })).toMatchObject({ version: '0.2602.2' });
    expect(await run({ version: 'current', ...STAGING })).toMatchObject({ version: '0.2602.3' });
    expect(await run({ version: 'previous' })).toMatchObject({ version: '0.2602.1' });
  });

  it('a move racing a create of the same version: whoever reports success, the tag ends where the index says', async () => {
    const [created, moved] = await Promise.allSettled([
      run({ version: '0.2602.5', sha: B, image: imageOf('0.2602.5') }),
      run({ version: '0.2602.5', sha: C, image: imageOf('0.2602.5'), 'on-exists': 'move', ...STAGING }),
    ]);
    const tag = gh.github.tags(OWNER, REPO).find((t) => t.name === 'ecs-deploy-0.2602.5');
    const current = await run({ version: '0.2602.5', lookup: 'true' });
    expect(current.sha).toBe(tag?.commit);
    // Every run that reported success names the commit the tag ends on, or was overtaken by a later move.
    if (moved.status === 'fulfilled') expect(moved.value.sha).toBe(tag?.commit);
    else expect(String(moved.reason)).toContain(`another run put it on ${tag?.commit}`);
    // A create that loses names the commit the tag ends on: overtaken after its write, or refused before it (the
    // other run's tag was there first and this run does not move tags).
    if (created.status === 'rejected') {
      expect(String(created.reason)).toMatch(
        new RegExp(`another run put it on ${tag?.commit}|already exists on commit ${tag?.commit}`),
      );
    }
  });

  it('a lookup racing a create answers from a consistent index (before or after the deploy)', async () => {
    await run({ version: '0.2602.1', sha: B, image: imageOf('0.2602.1') });
    await run({ version: '0.2602.2', sha: B, image: imageOf('0.2602.2') });
    const [created, previous] = await Promise.all([
      run({ version: '0.2602.3', sha: C, image: imageOf('0.2602.3') }),
      run({ version: 'previous' }),
    ]);
    expect(created.action).toBe('created');
    expect([
      ['0.2602.1', '0.2602.2'],
      ['0.2602.2', '0.2602.3'],
    ]).toContainEqual([previous.version, previous.latest?.version]);
  });
});

describe('the read-in of older tags', () => {
  it('interrupted half way, resumes where its last save left off', async () => {
    const record = (n: number) => ({
      format: 2 as const,
      ...PRODUCTION,
      region: 'us-east-1',
      actor: 'octocat',
      image: imageOf(`1.2601.${n}`),
      time: new Date(Date.parse('2020-01-01T00:00:00Z') + n * 3_600_000).toISOString(),
    });
    gh.github.seedTags(
      OWNER,
      REPO,
      Array.from({ length: 300 }, (_, n) => ({
        name: `ecs-deploy-1.2601.${n}`,
        commit: B,
        message: formatTagMessage(`1.2601.${n}`, B, [record(n)]),
      })),
    );
    gh.github.setRateLimit(undefined);
    const cancelledAtSecondSave = killedAt('POST /repos/{owner}/{repo}/git/commits', 1);
    await expect(deployTag(read({ version: 'current' }), { github: cancelledAtSecondSave, clock })).rejects.toThrow(
      'job cancelled',
    );
    const tagReads = (from: number) =>
      gh.sim.calls.slice(from).filter((call) => call.operation === 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}')
        .length;
    expect(tagReads(0)).toBe(300);
    const resumed = gh.sim.calls.length;
    expect(await run({ version: 'previous' })).toMatchObject({
      version: '1.2601.298',
      latest: { version: '1.2601.299' },
    });
    // Only the tags read after the last save are read again (the checkpoint saved the first 200).
    expect(tagReads(resumed)).toBeLessThanOrEqual(100 + 8);
    const after = gh.sim.calls.length;
    await run({ version: 'previous' });
    expect(tagReads(after)).toBe(0);
    expect(gh.sim.calls.length - after).toBe(3);
  });
});
