import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { deployTag } from '../src/deploy-tag.js';
import { parseTagMessage } from '../src/records.js';
import { compareVersions, parseVersion } from '../src/version.js';
import {
  A,
  ANOTHER_RUN,
  arn,
  B,
  C,
  clock,
  D,
  DIGEST,
  ENV,
  F,
  gh,
  handMadeTag,
  IMAGE,
  imageOf,
  PRODUCTION,
  read,
  run,
  STAGING,
  seedTags,
  slept,
  tagsInRepo,
  useGitHub,
} from './fixture.js';
import { OWNER, READ_TOKEN, REPO } from './github-server.js';

useGitHub();

describe('create', () => {
  it('creates an annotated tag on the commit with every detail in the message', async () => {
    const result = await run({
      version: '0.2602.7',
      sha: B,
      image: `${IMAGE}:0.2602.7`,
      'image-digest': DIGEST,
      'task-definition-arn': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
      cluster: 'prod',
      service: 'web',
      environment: 'production',
    });
    expect(result).toMatchObject({
      action: 'created',
      created: true,
      tag: 'ecs-deploy-0.2602.7',
      sha: B,
      version: '0.2602.7',
    });
    const [tag] = gh.github.tags(OWNER, REPO);
    expect(tag).toMatchObject({ name: 'ecs-deploy-0.2602.7', type: 'tag', commit: B });
    expect(tag?.message).toBe(
      [
        'Deploy 0.2602.7 to production (prod/web, us-east-1)',
        '',
        'version: 0.2602.7',
        `commit: ${B}`,
        'deploys:',
        JSON.stringify({
          format: 2,
          environment: 'production',
          cluster: 'prod',
          service: 'web',
          region: 'us-east-1',
          account: '123456789012',
          image: `${IMAGE}:0.2602.7`,
          'image-digest': DIGEST,
          'task-definition': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
          run: 'https://github.com/octo-org/octo-app/actions/runs/1658821493',
          actor: 'octocat',
          'triggering-actor': 'hubot',
          time: '2026-01-05T10:01:00.000Z',
        }),
        '',
      ].join('\n'),
    );
    expect(parseTagMessage(tag?.message ?? '', { version: '0.2602.7', commit: B })).toEqual([
      expect.objectContaining({ image: `${IMAGE}:0.2602.7`, cluster: 'prod', taskDefinitionArn: arn(42) }),
    ]);
  });

  it('adds a deploy of the same version to another place to the tag (one tag per version, one record per deploy)', async () => {
    await run({ version: '0.2602.7', sha: B, ...STAGING, 'task-definition-arn': arn(3) });
    const second = await run({ version: '0.2602.7', sha: B, 'task-definition-arn': arn(9) });
    expect(second).toMatchObject({ action: 'recorded', created: false, sha: B });
    const [tag] = gh.github.tags(OWNER, REPO);
    expect(tag?.message?.split('\n')[0]).toBe('Deploy 0.2602.7 to production (prod/web, us-east-1)');
    expect(parseTagMessage(tag?.message ?? '', { version: '0.2602.7', commit: B })).toEqual([
      expect.objectContaining({ environment: 'staging', taskDefinitionArn: arn(3) }),
      expect.objectContaining({ environment: 'production', taskDefinitionArn: arn(9) }),
    ]);
  });

  it("keeps a tag that already records this run's deploy (idempotent re-run)", async () => {
    const first = await run({ version: '0.2602.7', sha: B });
    // No pause to catch an overlapping writer: the history index's compare-and-swap does that.
    expect(slept).toEqual([]);
    const second = await run({ version: '0.2602.7', sha: B });
    expect(slept).toEqual([]);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ action: 'kept', created: false, sha: B });
    expect(tagsInRepo()).toEqual([['ecs-deploy-0.2602.7', B]]);
    const [tag] = gh.github.tags(OWNER, REPO);
    expect(parseTagMessage(tag?.message ?? '', { version: '0.2602.7', commit: B })).toHaveLength(1);
  });

  it('makes no separate commit check: the tag object, its first write, is what refuses a missing commit', async () => {
    await run({ version: '0.2602.7', sha: B });
    expect(gh.sim.callsOf('GET /repos/{owner}/{repo}/commits/{ref}')).toHaveLength(0);
    const [write] = gh.sim.callsOf('POST /repos/{owner}/{repo}/git/tags');
    const [listing] = gh.sim.callsOf('GET /repos/{owner}/{repo}/git/matching-refs/{ref}');
    // The history is read (here: built from the tag list) before anything is written.
    expect((listing?.time ?? Number.POSITIVE_INFINITY) <= (write?.time ?? 0)).toBe(true);
  });

  it('fails on a tag on another commit, naming both commits, and leaves it', async () => {
    await run({ version: '0.2602.7', sha: B });
    const clash = run({ version: '0.2602.7', sha: C });
    await expect(clash).rejects.toThrow(ConfigurationError);
    await expect(run({ version: '0.2602.7', sha: C })).rejects.toThrow(
      `Tag ecs-deploy-0.2602.7 already exists on commit ${B}, but this run deploys commit ${C} (from input sha).`,
    );
    expect(tagsInRepo()).toEqual([['ecs-deploy-0.2602.7', B]]);
  });

  it.each([
    ['keep', B, { action: 'recorded', created: false }],
    ['move', B, { action: 'recorded', created: false }],
    ['move', C, { action: 'moved', created: true, movedFrom: B }],
  ] as const)('on-exists %s with the tag on %s', async (onExists, sha, expected) => {
    await run({ version: '0.2602.7', sha: B, ...STAGING });
    const result = await run({ version: '0.2602.7', sha, 'on-exists': onExists });
    expect(result).toMatchObject(expected);
    expect(tagsInRepo()).toEqual([['ecs-deploy-0.2602.7', sha]]);
  });

  it('on-exists fail refuses even the same commit', async () => {
    await run({ version: '0.2602.7', sha: B });
    await expect(run({ version: '0.2602.7', sha: B, 'on-exists': 'fail' })).rejects.toThrow(
      `Tag ecs-deploy-0.2602.7 already exists on ${B} and on-exists is fail.`,
    );
  });

  it('uses a custom prefix and ignores tags of other prefixes', async () => {
    await run({ version: '0.2601.1', sha: A, prefix: 'deploy/staging/' });
    const result = await run({ version: '0.2601.2', sha: B });
    expect(result.previous).toBeUndefined();
    const staging = await run({ version: '0.2601.3', sha: C, prefix: 'deploy/staging/' });
    expect(staging.previous?.tag).toBe('deploy/staging/0.2601.1');
  });
});

describe('version: previous, HeadVer order, not string order', () => {
  const existing: [string, string][] = [
    ['0.2552.9', A],
    ['0.2601.1', B],
    ['0.2601.10', C],
    ['1.2601.2', D],
    ['0.2552.10+hotfix', A],
  ];

  it.each([
    ['1.2601.3', '1.2601.2'],
    ['2.0101.1', '1.2601.2'],
    ['1.2601.1', '0.2601.10'],
    ['0.2601.11', '0.2601.10'],
    ['0.2601.9', '0.2601.1'],
    ['0.2601.2', '0.2601.1'],
    ['0.2601.1', '0.2552.10+hotfix'],
    ['0.2552.10', '0.2552.9'],
  ])('with %s running, the rollback target is %s', async (version, previous) => {
    await seedTags(existing);
    // Tags under the prefix that are not HeadVer-shaped are ignored.
    for (const name of ['ecs-deploy-9.9.9', 'ecs-deploy-staging', 'ecs-deploy-99.2601.1-rc'])
      await handMadeTag(name, A);
    // The version deployed last runs now (a re-deploy of a tagged version keeps its commit).
    await run({ version, sha: existing.find(([v]) => v === version)?.[1] ?? F, image: imageOf(version) }, ANOTHER_RUN);
    const result = await run({ version: 'previous' });
    const sha = existing.find(([v]) => v === previous)?.[1];
    expect(result).toMatchObject({
      version: previous,
      tag: `ecs-deploy-${previous}`,
      sha,
      image: imageOf(previous),
    });
    expect(result.latest?.version).toBe(version);
  });

  it('has nothing to roll back to below the lowest version', async () => {
    await seedTags(existing);
    await run({ version: '0.2552.1', sha: F });
    await expect(run({ version: 'previous' })).rejects.toThrow(
      'version: previous found only ecs-deploy-0.2552.1 deployed in production (prod/web, us-east-1) in octo-org/octo-app',
    );
  });

  it.each([
    ['0.2552.9', '0.2601.1', -1],
    ['0.2601.1', '1.2601.2', -1],
    ['0.2601.10', '0.2601.9', 1],
    ['1.2001.789+qa', '1.2001.789', 0],
  ])('compare %s with %s', (a, b, sign) => {
    const [x, y] = [parseVersion(a), parseVersion(b)];
    if (!x || !y) throw new Error('not parsed');
    expect(Math.sign(compareVersions(x, y))).toBe(sign);
  });
});

describe('lookup mode (version: previous)', () => {
  it('outputs the deploy before the one that runs now, with its recorded image and task definition, and writes nothing', async () => {
    await seedTags([['0.2552.9', A]]);
    await run({ version: '0.2601.10', sha: C, image: `${IMAGE}:0.2601.10`, 'task-definition-arn': arn(10) });
    await seedTags([['1.2601.2', D]]);
    const before = gh.github.tags(OWNER, REPO);
    const result = await run({ version: 'previous' });
    expect(result).toMatchObject({
      mode: 'lookup',
      created: false,
      tag: 'ecs-deploy-0.2601.10',
      version: '0.2601.10',
      sha: C,
      image: `${IMAGE}:0.2601.10`,
      taskDefinitionArn: arn(10),
      deployedHere: true,
      legacy: false,
      latest: { tag: 'ecs-deploy-1.2601.2', sha: D },
      previous: { tag: 'ecs-deploy-0.2601.10' },
    });
    expect(gh.github.tags(OWNER, REPO)).toEqual(before);
  });

  it('reads only the history of its environment, cluster and service (staging builds never roll production forward)', async () => {
    // Production ran 0.2601.1 then 0.2601.2; staging has since run 0.2601.3 and 0.2601.4.
    await seedTags([
      ['0.2601.1', A],
      ['0.2601.2', B],
    ]);
    await seedTags(
      [
        ['0.2601.3', C],
        ['0.2601.4', D],
      ],
      STAGING,
    );
    expect(await run({ version: 'previous' })).toMatchObject({
      version: '0.2601.1',
      sha: A,
      latest: { version: '0.2601.2' },
    });
    expect(await run({ version: 'previous', ...STAGING })).toMatchObject({ version: '0.2601.3', sha: C });
    // Another service of the same environment has its own history.
    await expect(run({ version: 'previous', service: 'worker' })).rejects.toThrow(
      'version: previous found no deploy in production (prod/worker, us-east-1) in the tags ecs-deploy-<version> of octo-org/octo-app',
    );
  });

  it('goes back further after a rollback: what runs now is the newest deploy there, not the highest version', async () => {
    await seedTags([
      ['0.2601.1', A],
      ['0.2601.2', B],
      ['0.2601.3', C],
    ]);
    const target = await run({ version: 'previous' });
    expect(target.version).toBe('0.2601.2');
    await run({ version: '0.2601.2', sha: B, image: `${IMAGE}:0.2601.2` }, ANOTHER_RUN); // the rollback's deploy
    expect(await run({ version: 'previous' })).toMatchObject({ version: '0.2601.1', latest: { version: '0.2601.2' } });
  });

  it('takes a legacy tag (lightweight, from the hand-written pipeline) as a target it knows no image of', async () => {
    await handMadeTag('ecs-deploy-0.2548.7', A);
    await seedTags([['0.2601.1', B]]);
    const result = await run({ version: 'previous' });
    expect(result).toMatchObject({ version: '0.2548.7', sha: A, legacy: true, deployedHere: false });
    expect(result.image).toBeUndefined();
    expect(result.taskDefinitionArn).toBeUndefined();
  });

  it.each([
    [[], 'found no deploy in production (prod/web, us-east-1) in the tags ecs-deploy-<version> of octo-org/octo-app'],
    [
      [['0.2601.1', A]],
      'found only ecs-deploy-0.2601.1 deployed in production (prod/web, us-east-1) in octo-org/octo-app',
    ],
    [
      [
        ['0.2601.1', A],
        ['0.2601.1+qa', B],
      ],
      'found only ecs-deploy-0.2601.1+qa deployed in production (prod/web, us-east-1) in octo-org/octo-app',
    ],
  ] as [[string, string][], string][])('fails when there is nothing to roll back to (%j)', async (tags, message) => {
    await seedTags(tags);
    await expect(run({ version: 'previous' })).rejects.toThrow(message);
  });
});

describe('version: current', () => {
  it('outputs what runs at the place now (its newest deploy there, after a rollback too), and writes nothing', async () => {
    await seedTags([
      ['0.2601.1', A],
      ['0.2601.2', B],
    ]);
    await seedTags([['0.2601.3', C]], STAGING);
    await run({ version: '0.2601.1', sha: A, image: imageOf('0.2601.1') }, ANOTHER_RUN); // a rollback's deploy
    const before = gh.github.tags(OWNER, REPO);
    expect(await run({ version: 'current' })).toMatchObject({
      mode: 'lookup',
      found: true,
      version: '0.2601.1',
      sha: A,
      image: imageOf('0.2601.1'),
      deployedHere: true,
    });
    expect(await run({ version: 'current', ...STAGING })).toMatchObject({ found: true, version: '0.2601.3', sha: C });
    expect(gh.github.tags(OWNER, REPO)).toEqual(before);
  });

  it('finds nothing (not an error) where nothing was deployed', async () => {
    await seedTags([['0.2601.1', A]]);
    expect(await run({ version: 'current', service: 'worker' })).toMatchObject({ found: false, version: '', tag: '' });
  });
});

describe('list mode (version: recorded)', () => {
  it('lists every task definition the deploy tags record, in any place, newest deploy first, once each; writes nothing', async () => {
    await run({ version: '0.2601.1', sha: A, image: imageOf('0.2601.1'), 'task-definition-arn': arn(1) });
    await run({ version: '0.2601.2', sha: B, image: imageOf('0.2601.2'), 'task-definition-arn': arn(2) });
    await run({ version: '0.2601.2', sha: B, image: imageOf('0.2601.2'), 'task-definition-arn': arn(2), ...STAGING });
    // A rollback recorded on the older version's tag: its task definition is listed once, as the newest deploy.
    await run({
      version: '0.2601.1',
      sha: A,
      image: imageOf('0.2601.1'),
      'task-definition-arn': arn(1),
      environment: 'qa',
    });
    await handMadeTag('ecs-deploy-0.2552.9', C);
    const before = gh.github.tags(OWNER, REPO);
    const result = await run({ version: 'recorded' });
    expect(result).toMatchObject({ mode: 'list', action: 'listed', taskDefinitionArns: [arn(1), arn(2)] });
    expect(gh.github.tags(OWNER, REPO)).toEqual(before);
  });

  it('lists nothing when no tag records a task definition', async () => {
    await seedTags([['0.2601.1', A]]);
    expect((await run({ version: 'recorded' })).taskDefinitionArns).toEqual([]);
  });
});

describe('deploy records are data: refused on the way in and on the way out', () => {
  it.each([
    ['environment', 'production\nimage: docker.io/evil/x:1'],
    ['image', `${IMAGE}:0.2601.1\nimage: docker.io/evil/x:1`],
    ['cluster', 'prod\rx'],
    ['service', 'web;rm'],
    ['task-definition-arn', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1\nimage: x'],
    ['task-definition-arn', 'web:1'],
  ])('input %s %j is refused, naming the input, before any call', async (input, value) => {
    const before = gh.sim.calls.length;
    expect(() => read({ version: '0.2601.1', sha: B, [input]: value })).toThrow(ConfigurationError);
    expect(() => read({ version: '0.2601.1', sha: B, [input]: value })).toThrow(`Input "${input}" must be`);
    expect(gh.sim.calls.length).toBe(before);
  });

  it.each([
    [
      'a forged record with a newline in environment',
      `Deploy 0.2601.2\n\nversion: 0.2601.2\ncommit: ${B}\ndeploys:\n${JSON.stringify({ environment: 'production\nimage: docker.io/evil/x:1', cluster: 'prod', service: 'web', time: '2026-01-05T11:00:00.000Z' })}\n`,
      'the deploy record on line 6 has an invalid "environment"',
    ],
    [
      'a record with an unknown field',
      `Deploy 0.2601.2\n\nversion: 0.2601.2\ncommit: ${B}\ndeploys:\n${JSON.stringify({ ...PRODUCTION, command: 'sh', time: '2026-01-05T11:00:00.000Z' })}\n`,
      'the deploy record on line 6 has an unknown field "command"',
    ],
    [
      'records that name another commit',
      `Deploy 0.2601.2\n\nversion: 0.2601.2\ncommit: ${C}\ndeploys:\n${JSON.stringify({ ...PRODUCTION, time: '2026-01-05T11:00:00.000Z' })}\n`,
      `its "commit:" line is not the commit the tag points at (${B})`,
    ],
  ])('a tag with %s fails its lookup naming the tag, and is left out of the history', async (_case, message, why) => {
    await seedTags([
      ['0.2601.0', A],
      ['0.2601.1', A],
    ]);
    await handMadeTag('ecs-deploy-0.2601.2', B, message);
    const problem = `Deploy tag ecs-deploy-0.2601.2 in octo-org/octo-app does not hold valid deploy records: ${why}`;
    const attempt = run({ version: '0.2601.2', lookup: 'true' });
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(run({ version: '0.2601.2', lookup: 'true' })).rejects.toThrow(problem);
    // One bad tag does not block rollbacks: it is skipped with a warning, its records never used.
    const parsed = read({ version: 'previous' });
    const warnings: string[] = [];
    const result = await deployTag(parsed, {
      github: gh.client(parsed.token),
      clock,
      sleep: clock.sleep,
      warning: (message) => warnings.push(message),
    });
    expect(result).toMatchObject({ version: '0.2601.0', latest: { version: '0.2601.1' } });
    expect(warnings).toEqual([expect.stringContaining(problem)]);
  });

  it('reads the old key: value message (no records) as legacy: no image is taken from it', async () => {
    await handMadeTag(
      'ecs-deploy-0.2601.1',
      A,
      'Deploy 0.2601.1 to production\n\nenvironment: production\nimage: docker.io/evil/x:1\n',
    );
    expect(await run({ version: '0.2601.1', lookup: 'true' })).toEqual(
      expect.objectContaining({ found: true, legacy: true, deployedHere: false, sha: A }),
    );
    expect((await run({ version: '0.2601.1', lookup: 'true' })).image).toBeUndefined();
  });
});

describe('lookup mode (lookup: true with a version)', () => {
  const lookup = (version: string, extra: Record<string, string> = {}) => run({ version, lookup: 'true', ...extra });

  it('outputs the commit the version was built from and what its deploy here recorded, and writes nothing', async () => {
    await run({
      version: '0.2601.1',
      sha: A,
      image: `${IMAGE}:0.2601.1`,
      'image-digest': DIGEST,
      'task-definition-arn': arn(4),
    });
    await seedTags([
      ['0.2601.10', C],
      ['0.2601.2', B],
    ]);
    const before = tagsInRepo();
    const listings = () => gh.sim.callsOf('GET /repos/{owner}/{repo}/git/matching-refs/{ref}').length;
    const listed = listings();
    const result = await lookup('0.2601.1');
    expect(result).toEqual({
      mode: 'lookup',
      action: 'looked-up',
      found: true,
      legacy: false,
      deployedHere: true,
      created: false,
      tag: 'ecs-deploy-0.2601.1',
      version: '0.2601.1',
      sha: A,
      image: `${IMAGE}:0.2601.1`,
      imageDigest: DIGEST,
      taskDefinitionArn: arn(4),
      actor: 'octocat',
      triggeringActor: 'hubot',
      region: 'us-east-1',
      account: '123456789012',
    });
    expect(tagsInRepo()).toEqual(before);
    // One listing of the tags whose name starts with the tag's (0.2601.10 matches too and is skipped).
    expect(listings() - listed).toBe(1);
  });

  it('says a version deployed only elsewhere did not run here, with no image or task definition of the other place', async () => {
    await run({ version: '0.2601.1', sha: A, ...STAGING, image: `${IMAGE}:0.2601.1`, 'task-definition-arn': arn(4) });
    const result = await lookup('0.2601.1');
    expect(result).toMatchObject({ found: true, deployedHere: false, legacy: false, sha: A });
    expect(result.image).toBeUndefined();
    expect(result.taskDefinitionArn).toBeUndefined();
  });

  it.each([
    ['never deployed', [], '0.2601.2'],
    ['only other versions, also ones it is a prefix of', [['0.2601.20', B] as [string, string]], '0.2601.2'],
    ['another suffix of the same build', [['0.2601.2+qa', B] as [string, string]], '0.2601.2'],
  ] as [string, [string, string][], string][])(
    'is not an error when %s: found false, nothing else',
    async (_case, tags, version) => {
      await seedTags(tags);
      const before = tagsInRepo();
      const result = await lookup(version);
      expect(result).toEqual({
        mode: 'lookup',
        action: 'looked-up',
        found: false,
        created: false,
        tag: '',
        sha: '',
        version,
      });
      expect(tagsInRepo()).toEqual(before);
    },
  );

  it.each([
    ['a +suffix version', '1.2001.789+qa', {}, 'ecs-deploy-1.2001.789+qa'],
    ['a custom prefix', '0.2601.3', { prefix: 'deploy/staging/' }, 'deploy/staging/0.2601.3'],
  ] as [string, string, Record<string, string>, string][])('finds %s', async (_case, version, extra, tag) => {
    await run({ version, sha: D, ...extra });
    await run({ version, sha: B, prefix: 'other-' });
    expect(await lookup(version, extra)).toMatchObject({ found: true, tag, sha: D, version });
  });

  it('follows a lightweight tag to its commit, as legacy, without an image', async () => {
    await handMadeTag('ecs-deploy-0.2601.1', B);
    const result = await lookup('0.2601.1');
    expect(result).toMatchObject({ found: true, sha: B, tag: 'ecs-deploy-0.2601.1', legacy: true });
    expect(result.image).toBeUndefined();
  });

  it('needs only contents: read, and ignores the inputs of create mode', async () => {
    await seedTags([['0.2601.1', A]]);
    const result = await lookup('0.2601.1', {
      'github-token': READ_TOKEN,
      sha: 'not-a-sha',
      'on-exists': 'fail',
      'create-deployment': 'true',
    });
    expect(result).toMatchObject({ found: true, sha: A });
    expect(gh.github.deployments(OWNER, REPO)).toEqual([]);
  });

  it('version: previous still looks up the deploy before the latest, whatever lookup says', async () => {
    await seedTags([
      ['0.2601.1', A],
      ['0.2601.2', B],
    ]);
    for (const value of ['true', 'false']) {
      expect(await run({ version: 'previous', lookup: value })).toMatchObject({
        found: true,
        version: '0.2601.1',
        sha: A,
        latest: { version: '0.2601.2' },
      });
    }
  });

  it.each([
    [{ version: '0.2601.1', lookup: 'yes' }, 'Input "lookup" must be a boolean'],
    [{ version: 'latest', lookup: 'true' }, 'Input "version" must be a HeadVer version'],
    [{ version: '0.2601.1+qa..x', lookup: 'true' }, 'Input "version" makes the tag name "ecs-deploy-0.2601.1+qa..x"'],
  ])('bad input %j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(ConfigurationError);
    expect(() => read(inputs)).toThrow(message);
  });

  it.each([
    ['an invalid token (401)', { 'github-token': 'ghs_expired' }, ENV, 'GitHub answered 401 (Bad credentials)'],
    [
      'a repository the token cannot see (404), not "not found"',
      {},
      { ...ENV, GITHUB_REPOSITORY: 'octo-org/missing' },
      'GitHub answered 404 (Not Found) to list the tags ecs-deploy-0.2601.1*: repository octo-org/missing does not exist',
    ],
  ] as [string, Record<string, string>, NodeJS.ProcessEnv, string][])(
    'fails clearly for %s',
    async (_case, inputs, env, message) => {
      const attempt = run({ version: '0.2601.1', lookup: 'true', ...inputs }, env);
      await expect(attempt).rejects.toThrow(ConfigurationError);
      await expect(attempt).rejects.toThrow(message);
    },
  );
});

describe('create-deployment', () => {
  it('creates a deployment for the environment with a success status linking the run', async () => {
    const result = await run({
      version: '0.2602.7',
      sha: B,
      environment: 'production',
      'create-deployment': 'true',
      image: `${IMAGE}:0.2602.7`,
    });
    const [deployment] = gh.github.deployments(OWNER, REPO);
    expect(result.deploymentId).toBe(deployment?.id);
    expect(deployment).toMatchObject({
      sha: B,
      environment: 'production',
      payload: { version: '0.2602.7', tag: 'ecs-deploy-0.2602.7', image: `${IMAGE}:0.2602.7` },
    });
    expect(deployment?.statuses).toEqual([
      expect.objectContaining({
        state: 'success',
        logUrl: 'https://github.com/octo-org/octo-app/actions/runs/1658821493',
        environment: 'production',
      }),
    ]);
  });

  it('does not create a deployment by default', async () => {
    const result = await run({ version: '0.2602.7', sha: B, environment: 'production' });
    expect(result.deploymentId).toBeUndefined();
    expect(gh.github.deployments(OWNER, REPO)).toEqual([]);
  });
});

describe('the commit to tag', () => {
  async function eventFile(payload: unknown): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'deploy-tag-event-'));
    const file = path.join(dir, 'event.json');
    await writeFile(file, JSON.stringify(payload));
    return file;
  }

  it('is workflow_run.head_sha on a workflow_run event, not GITHUB_SHA', async () => {
    const env = {
      ...ENV,
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: await eventFile({ workflow_run: { head_sha: B } }),
    };
    const parsed = read({ version: '0.2602.7' }, env);
    expect(parsed).toMatchObject({ sha: B, shaSource: 'workflow_run.head_sha' });
    const result = await run({ version: '0.2602.7' }, env);
    expect(tagsInRepo()).toEqual([['ecs-deploy-0.2602.7', B]]);
    expect(result.sha).toBe(B);
  });

  it('is GITHUB_SHA on other events, and the sha input wins over both', async () => {
    expect(read({ version: '0.2602.7' })).toMatchObject({ sha: F, shaSource: 'GITHUB_SHA' });
    const env = {
      ...ENV,
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: await eventFile({ workflow_run: { head_sha: B } }),
    };
    expect(read({ version: '0.2602.7', sha: C.toUpperCase() }, env)).toMatchObject({ sha: C, shaSource: 'input sha' });
  });

  it('fails clearly for a workflow_run payload without head_sha', async () => {
    const env = { ...ENV, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_EVENT_PATH: await eventFile({}) };
    expect(() => read({ version: '0.2602.7' }, env)).toThrow('its payload has no workflow_run.head_sha');
  });
});

describe('bad input: one clear error, nothing written', () => {
  it.each([
    [
      { version: 'v1.2.3' },
      'Input "version" must be a HeadVer version {head}.{yearweek}.{build}[+suffix], "previous", "current", "recorded" or "history"; got "v1.2.3".',
    ],
    [{ version: '0.2554.1' }, 'Input "version" must be a HeadVer version'],
    [{ version: '01.2601.1' }, 'Input "version" must be a HeadVer version'],
    [{ version: '0.2601.1+a b' }, 'Input "version" must be a HeadVer version'],
    [{ version: '' }, 'Input "version" is required'],
    [
      { version: '0.2601.1', sha: 'abc1234' },
      'Input "sha" must be a full 40-hex commit sha (from input sha); got "abc1234".',
    ],
    [
      { version: '0.2601.1', 'github-token': '' },
      'Input "github-token" is empty, so GitHub would answer 401 (no token).',
    ],
    [
      { version: '0.2601.1', prefix: 'deploy to-' },
      'Input "prefix" makes the tag name "deploy to-0.2601.1", which git rejects: it contains a space;',
    ],
    [{ version: '0.2601.1', prefix: 'x..' }, 'which git rejects: it contains ".."'],
    [{ version: '0.2601.1', prefix: 'a:' }, 'which git rejects: it contains ":"'],
    [
      { version: '0.2601.1+qa..x' },
      'Input "version" makes the tag name "ecs-deploy-0.2601.1+qa..x", which git rejects: it contains ".."; got "0.2601.1+qa..x". Change the +suffix',
    ],
    [
      { version: '0.2601.1+qa.lock' },
      'Input "version" makes the tag name "ecs-deploy-0.2601.1+qa.lock", which git rejects: it has a part ending with ".lock"',
    ],
    [
      { version: '0.2601.1+qa.' },
      'Input "version" makes the tag name "ecs-deploy-0.2601.1+qa.", which git rejects: it ends with "."',
    ],
    [
      { version: '1.2001.789+qa', prefix: 'x.lock/' },
      'Input "prefix" makes the tag name "x.lock/1.2001.789+qa", which git rejects: it has a part ending with ".lock" (x.lock)',
    ],
    [
      { version: 'previous', prefix: '.hidden-' },
      'which git rejects: it has a part starting with "." (.hidden-0.2601.1)',
    ],
    [
      { version: '0.2601.1', 'on-exists': 'replace' },
      'Input "on-exists" must be one of keep, fail, move; got "replace".',
    ],
    [{ version: '0.2601.1', 'create-deployment': 'yes' }, 'Input "create-deployment" must be a boolean'],
    [
      { version: '0.2601.1', 'create-deployment': 'true', environment: '' },
      'Input "environment" is empty: a deploy is recorded with the environment, cluster and service it went to',
    ],
    [{ version: '0.2601.1', cluster: '', service: '' }, 'Inputs "cluster", "service" are empty'],
    [
      { version: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' },
      'Input "version" must be a HeadVer version {head}.{yearweek}.{build}[+suffix], "previous", "current", "recorded" or "history"; got "(a GitHub token: not shown)".',
    ],
    [{ version: '0.2601.1', 'image-digest': 'abc' }, 'Input "image-digest" must be an image digest sha256:<64 hex>'],
  ])('%j', (inputs, message) => {
    expect(() => read({ sha: B, ...inputs })).toThrow(ConfigurationError);
    expect(() => read({ sha: B, ...inputs })).toThrow(message);
  });

  it.each([
    [
      'a read-only token (403)',
      { 'github-token': READ_TOKEN },
      'GitHub answered 403 (Resource not accessible by integration) to create the tag object in octo-org/octo-app: the job needs `permissions: contents: write`.',
    ],
    [
      'an invalid token (401)',
      { 'github-token': 'ghs_expired' },
      'GitHub answered 401 (Bad credentials) to read refs/deploy-history/ecs-deploy-index',
    ],
    [
      'a commit that is not in the repository',
      { sha: '0'.repeat(40) },
      `Input "sha": commit ${'0'.repeat(40)} (from input sha) does not exist in octo-org/octo-app.`,
    ],
  ])('%s', async (_case, inputs, message) => {
    const attempt = run({ version: '0.2601.1', sha: B, ...inputs });
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(run({ version: '0.2601.1', sha: B, ...inputs })).rejects.toThrow(message);
    expect(tagsInRepo()).toEqual([]);
  });

  it('a repository the token cannot see (404)', async () => {
    await expect(
      run({ version: '0.2601.1', sha: B }, { ...ENV, GITHUB_REPOSITORY: 'octo-org/missing' }),
    ).rejects.toThrow('GitHub answered 404 (Not Found) to list the tags ecs-deploy-*');
  });
});

describe('GitHub faults', () => {
  it.each([
    ['server-error', 'POST /repos/{owner}/{repo}/git/refs'],
    ['server-error', 'POST /repos/{owner}/{repo}/git/tags'],
    ['drop', 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}'],
  ] as const)('retries a %s on %s and succeeds', async (kind, operation) => {
    gh.sim.faults.inject({ api: 'github', operation, kind, count: 2 });
    const result = await run({ version: '0.2601.1', sha: B });
    expect(result).toMatchObject({ action: 'created', sha: B });
    expect(slept).toEqual([1000, 3000]);
    expect(tagsInRepo()).toEqual([['ecs-deploy-0.2601.1', B]]);
  });

  it('gives up after three 5xx answers with the status and message', async () => {
    gh.sim.faults.inject({
      api: 'github',
      operation: 'POST /repos/{owner}/{repo}/git/tags',
      kind: 'server-error',
      count: 3,
    });
    await expect(run({ version: '0.2601.1', sha: B })).rejects.toThrow(
      'Could not create the tag object in octo-org/octo-app: GitHub answered 502 (Server Error).',
    );
    expect(tagsInRepo()).toEqual([]);
  });

  it('does not blame a rate limit (403) on permissions', async () => {
    gh.sim.faults.inject({ api: 'github', operation: 'POST /repos/{owner}/{repo}/git/tags', kind: 'throttle' });
    const attempt = run({ version: '0.2601.1', sha: B });
    await expect(attempt).rejects.toThrow(
      /^GitHub's primary rate limit is spent \(5000 requests per hour, resource core\) for the token used to create the tag object in octo-org\/octo-app: it resets at /,
    );
    await expect(attempt).rejects.not.toThrow('permissions');
  });

  it('names deployments: write when only the deployment is refused, and a re-run completes it', async () => {
    gh.sim.faults.inject({ api: 'github', operation: 'POST /repos/{owner}/{repo}/deployments', kind: 'access-denied' });
    const inputs = { version: '0.2601.1', sha: B, environment: 'production', 'create-deployment': 'true' };
    await expect(run(inputs)).rejects.toThrow(
      'GitHub answered 403 (Resource not accessible by integration) to create a deployment for environment production in octo-org/octo-app: the job needs `permissions: deployments: write`.',
    );
    const rerun = await run(inputs);
    expect(rerun).toMatchObject({ action: 'kept', created: false });
    // The first attempt's error said the tag was written.
    gh.sim.faults.inject({ api: 'github', operation: 'POST /repos/{owner}/{repo}/deployments', kind: 'access-denied' });
    await expect(run({ ...inputs, version: '0.2601.2' })).rejects.toThrow(
      `Tag ecs-deploy-0.2601.2 was created on ${B} (this deploy is recorded), but the GitHub Deployment for environment production was not set to success: GitHub answered 403`,
    );
    expect(gh.github.deployments(OWNER, REPO)).toHaveLength(1);
  });
});
