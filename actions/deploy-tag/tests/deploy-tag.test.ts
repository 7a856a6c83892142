import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, InputReader, inputsFrom, ManualClock } from '@ecs-actions/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type DeployTagResult, deployTag, parseTagMessage } from '../src/deploy-tag.js';
import { readDeployTagInputs } from '../src/inputs.js';
import { compareVersions, parseVersion } from '../src/version.js';
import { COMMITS, type GitHubFixture, OWNER, READ_TOKEN, REPO, startGitHub, WRITE_TOKEN } from './github-server.js';

const [A = '', B = '', C = '', D = '', , F = ''] = COMMITS;
const NOW = Date.parse('2026-01-05T10:00:00Z');
const ENV = {
  GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
  GITHUB_SHA: F,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '1658821493',
  GITHUB_EVENT_NAME: 'push',
};
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const DIGEST = `sha256:${'1'.repeat(64)}`;

let gh: GitHubFixture;
beforeAll(async () => {
  gh = await startGitHub();
});
afterAll(async () => {
  await gh.close();
});
beforeEach(async () => {
  await gh.reset();
  slept = [];
});

function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = ENV) {
  return readDeployTagInputs(new InputReader(inputsFrom({ 'github-token': WRITE_TOKEN, ...inputs })), env);
}

/** Delays the action slept for between retries. */
let slept: number[] = [];

async function run(inputs: Record<string, string>, env: NodeJS.ProcessEnv = ENV): Promise<DeployTagResult> {
  const parsed = read(inputs, env);
  const clock = new ManualClock(NOW);
  const sleep = async (ms: number) => {
    slept.push(ms);
    await clock.sleep(ms);
  };
  return deployTag(parsed, { github: gh.client(parsed.token), clock, sleep });
}

/** Seeds deploy tags through the action itself: version → commit. */
async function seedTags(tags: [string, string][]): Promise<void> {
  for (const [version, sha] of tags) await run({ version, sha, image: `${IMAGE}:${version}` });
}

const tagsInRepo = () => gh.github.tags(OWNER, REPO).map((t) => [t.name, t.commit]);

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
        'Deploy 0.2602.7 to production (prod/web)',
        '',
        'version: 0.2602.7',
        `image: ${IMAGE}:0.2602.7`,
        `image-digest: ${DIGEST}`,
        'task-definition: arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
        'cluster: prod',
        'service: web',
        'environment: production',
        `commit: ${B}`,
        'run: https://github.com/octo-org/octo-app/actions/runs/1658821493',
        'time: 2026-01-05T10:00:00.000Z',
        '',
      ].join('\n'),
    );
    expect(parseTagMessage(tag?.message ?? '')).toMatchObject({ image: `${IMAGE}:0.2602.7`, cluster: 'prod' });
  });

  it('keeps a tag that is already on the same commit (idempotent re-run)', async () => {
    const first = await run({ version: '0.2602.7', sha: B });
    const second = await run({ version: '0.2602.7', sha: B });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ action: 'kept', created: false, sha: B });
    expect(tagsInRepo()).toEqual([['ecs-deploy-0.2602.7', B]]);
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
    ['keep', B, { action: 'kept', created: false }],
    ['move', B, { action: 'kept', created: false }],
    ['move', C, { action: 'moved', created: true, movedFrom: B }],
  ] as const)('on-exists %s with the tag on %s', async (onExists, sha, expected) => {
    await run({ version: '0.2602.7', sha: B });
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

describe('previous-version: HeadVer order, not string order', () => {
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
    ['0.2552.1', undefined],
  ])('deploying %s finds %s', async (version, previous) => {
    await seedTags(existing);
    // Tags under the prefix that are not HeadVer-shaped are ignored.
    const client = gh.client();
    for (const name of ['ecs-deploy-9.9.9', 'ecs-deploy-staging', 'ecs-deploy-99.2601.1-rc']) {
      await client.request('POST /repos/{owner}/{repo}/git/refs', {
        owner: OWNER,
        repo: REPO,
        ref: `refs/tags/${name}`,
        sha: A,
      });
    }
    // A version that is already tagged (a re-run) keeps its commit; its previous is still the one below it.
    const result = await run({ version, sha: existing.find(([v]) => v === version)?.[1] ?? F });
    expect(result.previous?.version).toBe(previous);
    if (previous) {
      const sha = existing.find(([v]) => v === previous)?.[1];
      expect(result.previous).toMatchObject({ tag: `ecs-deploy-${previous}`, sha, image: `${IMAGE}:${previous}` });
    }
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
  it('outputs the deploy before the newest one, with the image from its tag message, and creates nothing', async () => {
    await seedTags([
      ['0.2552.9', A],
      ['1.2601.2', D],
      ['0.2601.10', C],
    ]);
    const before = tagsInRepo();
    const result = await run({ version: 'previous' });
    expect(result).toMatchObject({
      mode: 'lookup',
      created: false,
      tag: 'ecs-deploy-0.2601.10',
      version: '0.2601.10',
      sha: C,
      image: `${IMAGE}:0.2601.10`,
      latest: { tag: 'ecs-deploy-1.2601.2', sha: D },
      previous: { tag: 'ecs-deploy-0.2601.10' },
    });
    expect(tagsInRepo()).toEqual(before);
  });

  it('gives no image for a lightweight tag', async () => {
    const client = gh.client();
    const lightweight: [string, string][] = [
      ['ecs-deploy-0.2601.1', A],
      ['ecs-deploy-0.2601.2', B],
    ];
    for (const [name, sha] of lightweight) {
      await client.request('POST /repos/{owner}/{repo}/git/refs', {
        owner: OWNER,
        repo: REPO,
        ref: `refs/tags/${name}`,
        sha,
      });
    }
    const result = await run({ version: 'previous' });
    expect(result).toMatchObject({ version: '0.2601.1', sha: A });
    expect(result.image).toBeUndefined();
  });

  it.each([
    [[], 'found no deploy tags ecs-deploy-<version> in octo-org/octo-app'],
    [[['0.2601.1', A]], 'found only ecs-deploy-0.2601.1 in octo-org/octo-app'],
    [
      [
        ['0.2601.1', A],
        ['0.2601.1+qa', B],
      ],
      'found only ecs-deploy-0.2601.1+qa in octo-org/octo-app',
    ],
  ] as [[string, string][], string][])('fails when there is nothing to roll back to (%j)', async (tags, message) => {
    await seedTags(tags);
    await expect(run({ version: 'previous' })).rejects.toThrow(message);
  });
});

describe('lookup mode (lookup: true with a version)', () => {
  const lookup = (version: string, extra: Record<string, string> = {}) => run({ version, lookup: 'true', ...extra });

  it('outputs the commit the version was built from and what its tag message recorded, and creates nothing', async () => {
    await run({ version: '0.2601.1', sha: A, image: `${IMAGE}:0.2601.1`, 'image-digest': DIGEST });
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
      created: false,
      tag: 'ecs-deploy-0.2601.1',
      version: '0.2601.1',
      sha: A,
      image: `${IMAGE}:0.2601.1`,
      imageDigest: DIGEST,
    });
    expect(tagsInRepo()).toEqual(before);
    // One listing of the tags whose name starts with the tag's (0.2601.10 matches too and is skipped).
    expect(listings() - listed).toBe(1);
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

  it('follows a lightweight tag to its commit, without an image', async () => {
    await gh.client().request('POST /repos/{owner}/{repo}/git/refs', {
      owner: OWNER,
      repo: REPO,
      ref: 'refs/tags/ecs-deploy-0.2601.1',
      sha: B,
    });
    const result = await lookup('0.2601.1');
    expect(result).toMatchObject({ found: true, sha: B, tag: 'ecs-deploy-0.2601.1' });
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
      'Input "version" must be a HeadVer version {head}.{yearweek}.{build}[+suffix] or "previous"; got "v1.2.3".',
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
      { version: '0.2601.1', 'create-deployment': 'true' },
      'Input "create-deployment" is true but "environment" is empty.',
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
      'GitHub answered 401 (Bad credentials) to read commit',
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
    ).rejects.toThrow('GitHub answered 404 (Not Found) to read commit');
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
    await expect(attempt).rejects.toThrow('GitHub answered 403 (API rate limit exceeded');
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
    expect(gh.github.deployments(OWNER, REPO)).toHaveLength(1);
  });
});
