/**
 * Attacks on the deploy history index: a run stopped between its tag write and its index append, an index file that
 * is corrupted or hostile, a tag deleted by hand.
 */
import { describe, expect, it } from '@jest/globals';
import { deployTag } from '../src/deploy-tag.js';
import type { GitHubClient } from '../src/github.js';
import { indexRef } from '../src/history-index/store.js';
import { B, C, clock, gh, imageOf, read, run, useGitHub } from './fixture.js';
import { OWNER, REPO } from './github-server.js';

useGitHub();

const repo = { owner: OWNER, repo: REPO };
const INDEX_WRITE = 'POST /repos/{owner}/{repo}/git/trees';

/** A client that dies (as a cancelled job does) at its first request to `route`. */
function killedAt(route: string): GitHubClient {
  const client = gh.client();
  return {
    request: ((r: string, params?: object) => {
      if (r === route) return Promise.reject(new Error('job cancelled'));
      return client.request(r as never, params as never);
    }) as GitHubClient['request'],
  };
}

async function runKilled(inputs: Record<string, string>): Promise<void> {
  const parsed = read(inputs);
  await clock.sleep(60_000);
  await expect(deployTag(parsed, { github: killedAt(INDEX_WRITE), clock })).rejects.toThrow('job cancelled');
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
