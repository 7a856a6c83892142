/**
 * The deploy history index (src/history-index/): bounded GitHub requests at 5,000 deploy tags under the job token's
 * rate limit, the one-time read-in of tags written before it (bounded, resumable), tags made by hand later, and the
 * races its compare-and-swap closes (two recordings at once, two moves at once).
 */
import { describe, expect, it } from '@jest/globals';
import { deployTag } from '../src/deploy-tag.js';
import { INDEX_FILE } from '../src/history-index/file.js';
import { indexRef } from '../src/history-index/store.js';
import { MIGRATION_READS_PER_RUN } from '../src/history-index/sync.js';
import { type DeployRecord, formatTagMessage, parseTagMessage } from '../src/records.js';
import { B, C, clock, D, ENV, gh, handMadeTag, imageOf, PRODUCTION, read, run, STAGING, useGitHub } from './fixture.js';
import { COMMITS, OWNER, REPO } from './github-server.js';

useGitHub();

const TAG_READ = 'GET /repos/{owner}/{repo}/git/tags/{tag_sha}';
const requestsOf = async <T>(work: () => Promise<T>): Promise<{ result: T; requests: number; tagReads: number }> => {
  const before = gh.sim.calls.length;
  const result = await work();
  const calls = gh.sim.calls.slice(before);
  return { result, requests: calls.length, tagReads: calls.filter((call) => call.operation === TAG_READ).length };
};

/** `count` versions 1.<n>.0 deployed to production an hour apart, oldest first, straight into the model. */
function seedDeployTags(count: number, from = 0): void {
  const tags = Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const version = `1.2601.${n}`;
    const commit = COMMITS[n % COMMITS.length] ?? '';
    const record: DeployRecord = {
      format: 2,
      ...PRODUCTION,
      region: 'us-east-1',
      actor: 'octocat',
      image: imageOf(version),
      taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${n + 1}`,
      time: new Date(Date.parse('2020-01-01T00:00:00Z') + n * 3_600_000).toISOString(),
    };
    return { name: `ecs-deploy-${version}`, commit, message: formatTagMessage(version, commit, [record]) };
  });
  gh.github.seedTags(OWNER, REPO, tags);
}

/** The index file's size in bytes, read as deploy-tag reads it (the ref, then the file at its commit). */
async function indexFileSize(): Promise<number> {
  const client = gh.client();
  const repo = { owner: OWNER, repo: REPO };
  const head = await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
    ...repo,
    ref: indexRef('ecs-deploy-').slice('refs/'.length),
  });
  const file = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
    ...repo,
    path: INDEX_FILE,
    ref: head.data.object.sha,
    headers: { accept: 'application/vnd.github.object+json' },
  });
  return (file.data as { size: number }).size;
}

/** Runs lookups (rate limit off) until the index holds every tag: the state of a repository after its read-in. */
async function buildIndex(): Promise<number> {
  gh.github.setRateLimit(undefined);
  let runs = 0;
  for (let warned = true; warned && runs < 20; runs++) {
    const warnings: string[] = [];
    const parsed = read({ version: 'current' });
    await deployTag(parsed, { github: gh.client(), clock, warning: (m) => warnings.push(m) });
    warned = warnings.length > 0;
  }
  gh.github.setRateLimit(1_000);
  return runs;
}

describe('at 5,000 deploy tags, under the 1,000 requests/hour rate limit', () => {
  it('deploy, previous, a lookup and recorded each cost a bounded number of requests', async () => {
    seedDeployTags(5_000);
    expect(await buildIndex()).toBe(Math.ceil(5_000 / MIGRATION_READS_PER_RUN));
    const previous = await requestsOf(() => run({ version: 'previous' }));
    expect(previous.result).toMatchObject({ version: '1.2601.4998', latest: { version: '1.2601.4999' } });
    expect(previous.requests).toBeLessThanOrEqual(5);
    const lookup = await requestsOf(() => run({ version: '1.2601.1005', lookup: 'true' }));
    expect(lookup.result).toMatchObject({ found: true, deployedHere: true, image: imageOf('1.2601.1005') });
    expect(lookup.requests).toBeLessThanOrEqual(3);
    const recorded = await requestsOf(() => run({ version: 'recorded' }));
    expect(recorded.result.taskDefinitionArns).toHaveLength(5_000);
    expect(recorded.requests).toBeLessThanOrEqual(Math.ceil(5_000 / 100) + 3);
    const deploy = await requestsOf(() => run({ version: '1.2602.0', sha: B, image: imageOf('1.2602.0') }));
    expect(deploy.result).toMatchObject({ action: 'created', previous: { version: '1.2601.4999' } });
    // The index (ref, file; no count check), the tag (object, ref: the object write checks the commit), the append (3).
    expect(deploy.requests).toBe(7);
    expect(deploy.tagReads).toBe(0);
    const after = await requestsOf(() => run({ version: 'previous' }));
    expect(after.result).toMatchObject({ version: '1.2601.4999', latest: { version: '1.2602.0' } });
    expect(after.requests).toBeLessThanOrEqual(5);
    expect(gh.github.rateLimitUsed(OWNER, REPO)).toBeLessThan(100);
    // The index file grows with the tags (one line each, its records as the tag message holds them); at 5,000
    // single-record tags it stays within what one raw contents read and one tree write carry easily.
    const size = await indexFileSize();
    expect(size).toBeGreaterThan(5_000 * 300);
    expect(size).toBeLessThanOrEqual(5_000 * 700);
  }, 120_000);
});

describe('tags written before the index', () => {
  it('are read in once, then never again; a tag made by hand later is seen by the count check', async () => {
    seedDeployTags(30);
    await handMadeTag('ecs-deploy-0.2501.1', B);
    await handMadeTag('ecs-deploy-0.2501.2', C, 'Deploy\n\nversion: 0.2501.2\ncommit: wrong\ndeploys:\n{}\n');
    const warnings: string[] = [];
    const lookup = async () => {
      const parsed = read({ version: 'previous' });
      return deployTag(parsed, { github: gh.client(), clock, warning: (m) => warnings.push(m) });
    };
    const first = await requestsOf(lookup);
    expect(first.result).toMatchObject({ version: '1.2601.28', latest: { version: '1.2601.29' } });
    expect(first.tagReads).toBe(31);
    expect(warnings).toEqual([expect.stringContaining('Deploy tag ecs-deploy-0.2501.2')]);
    const second = await requestsOf(lookup);
    expect(second).toMatchObject({ tagReads: 0, result: { version: '1.2601.28' } });
    expect(second.requests).toBe(3);
    // The invalid tag is still refused from the index, without reading it again.
    expect(warnings).toHaveLength(2);
    // A deploy recorded by hand (or by an older deploy-tag) after the index was built.
    const record: DeployRecord = {
      format: 2,
      ...PRODUCTION,
      region: 'us-east-1',
      actor: 'octocat',
      image: imageOf('1.2701.0'),
      time: new Date(clock.now()).toISOString(),
    };
    await handMadeTag('ecs-deploy-1.2701.0', D, formatTagMessage('1.2701.0', D, [record]));
    const third = await requestsOf(lookup);
    expect(third.result).toMatchObject({ version: '1.2601.29', latest: { version: '1.2701.0' } });
    expect(third.tagReads).toBe(1);
    const fourth = await requestsOf(lookup);
    expect(fourth).toMatchObject({ tagReads: 0, requests: 3 });
  });

  it('are read in at most MIGRATION_READS_PER_RUN per run, newest first, and the next run resumes', async () => {
    seedDeployTags(MIGRATION_READS_PER_RUN + 50);
    gh.github.setRateLimit(undefined);
    const warnings: string[] = [];
    const lookup = async () => {
      const parsed = read({ version: 'current' });
      return deployTag(parsed, { github: gh.client(), clock, warning: (m) => warnings.push(m) });
    };
    const first = await requestsOf(lookup);
    expect(first.tagReads).toBe(MIGRATION_READS_PER_RUN);
    // The newest versions were read first: what runs now is known already.
    expect(first.result).toMatchObject({ version: '1.2601.449' });
    expect(warnings).toEqual([expect.stringContaining(`Read ${MIGRATION_READS_PER_RUN} of the 450 deploy tags`)]);
    const second = await requestsOf(lookup);
    expect(second.tagReads).toBe(50);
    expect((await requestsOf(lookup)).tagReads).toBe(0);
  });

  it('a lookup with a read-only token answers from the tags it read, without saving the index', async () => {
    seedDeployTags(5);
    const infos: string[] = [];
    const parsed = read({ version: 'previous', 'github-token': 'ghs_deploy_tag_read' });
    const result = await deployTag(parsed, {
      github: gh.client('ghs_deploy_tag_read'),
      clock,
      info: (m) => infos.push(m),
    });
    expect(result).toMatchObject({ version: '1.2601.3' });
    expect(infos.join('\n')).toContain('could not be saved with this token');
    expect(gh.sim.calls.some((call) => call.operation.startsWith('POST /repos/{owner}/{repo}/git/refs'))).toBe(false);
  });
});

describe('races the compare-and-swap closes', () => {
  const TAG = 'ecs-deploy-0.2602.7';
  const slowFirstTagWrite = () =>
    gh.sim.faults.inject({
      api: 'github',
      operation: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      kind: 'latency',
      latencyMs: 400,
      count: 1,
      when: () => true,
    });
  const indexed = () => {
    const ref = gh.github.tags(OWNER, REPO).find((tag) => tag.name === TAG);
    return ref;
  };
  const lostSwaps = () =>
    gh.sim.calls.filter((call) => call.status === 422 && call.error === 'Update is not a fast forward').length;

  it('two runs recording the same version at once both land, in order, in the tag and the index', async () => {
    await run({ version: '0.2602.7', sha: B });
    slowFirstTagWrite();
    const [x, y] = await Promise.allSettled([
      run({ version: '0.2602.7', sha: B, ...STAGING }),
      run({ version: '0.2602.7', sha: B, environment: 'qa', cluster: 'qa', service: 'web' }),
    ]);
    expect([x.status, y.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(lostSwaps()).toBeGreaterThanOrEqual(1);
    const records = parseTagMessage(indexed()?.message ?? '', { version: '0.2602.7', commit: B }) ?? [];
    expect(records.map((r) => r.environment).sort()).toEqual(['production', 'qa', 'staging']);
    // The index says the same as the tag.
    const lookups = await Promise.all(
      ['staging', 'qa', 'production'].map((environment) =>
        run({
          version: '0.2602.7',
          lookup: 'true',
          environment,
          cluster: environment === 'production' ? 'prod' : environment === 'staging' ? 'stage' : 'qa',
          service: 'web',
        }),
      ),
    );
    expect(lookups.map((l) => l.deployedHere)).toEqual([true, true, true]);
    const history = await run({ version: 'current', ...STAGING });
    expect(history).toMatchObject({ found: true, version: '0.2602.7' });
  });

  it('two runs creating the same new version at once both land: the second adds its deploy to the tag of the first', async () => {
    const [x, y] = await Promise.allSettled([
      run({ version: '0.2602.8', sha: B }),
      run({ version: '0.2602.8', sha: B, ...STAGING }),
    ]);
    expect([x.status, y.status]).toEqual(['fulfilled', 'fulfilled']);
    const tag = gh.github.tags(OWNER, REPO).find((t) => t.name === 'ecs-deploy-0.2602.8');
    const records = parseTagMessage(tag?.message ?? '', { version: '0.2602.8', commit: B }) ?? [];
    expect(records.map((r) => r.environment).sort()).toEqual(['production', 'staging']);
    const staging = await run({ version: 'current', ...STAGING });
    const production = await run({ version: 'current' });
    expect([staging.version, production.version]).toEqual(['0.2602.8', '0.2602.8']);
  });

  it('a move racing another move fails truthfully, and the tag ends where the index says', async () => {
    await run({ version: '0.2602.7', sha: B });
    slowFirstTagWrite();
    const [c, d] = await Promise.allSettled([
      run({ version: '0.2602.7', sha: C, 'on-exists': 'move' }),
      run({ version: '0.2602.7', sha: D, 'on-exists': 'move' }),
    ]);
    const won = [c, d].filter((r) => r.status === 'fulfilled');
    const lost = [c, d].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ sha: string }>).value.sha;
    expect(String(lost[0]?.reason)).toMatch(
      new RegExp(
        `was moved on [0-9a-f]{40}, but another run put it on ${winner} at the same time .*the tag is back on ${winner}`,
      ),
    );
    expect(indexed()?.commit).toBe(winner);
    const current = await run({ version: 'current' });
    expect(current).toMatchObject({ sha: winner });
  });
});

void ENV;
