import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const bundle = path.resolve(import.meta.dirname, '../dist/index.js');
const OWNER = 'octo-org';
const REPO = 'octo-app';
/** The commit CI built (workflow_run.head_sha) and a newer commit on master (GITHUB_SHA in the CD run). */
const BUILT = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const NEWER = 'ffac537e6cbbf934b08745a378932722df287a53';
const OLDER = '0123456789abcdef0123456789abcdef01234567';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const PLACE = { environment: 'production', cluster: 'prod', service: 'web' };

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  sim.github.seedRepository({ owner: OWNER, repo: REPO, commits: [OLDER, BUILT, NEWER] });
  sim.github.addToken('ghs_readonly', 'read');
});
afterAll(async () => {
  await sim?.close();
});

function run(
  inputs: Record<string, string>,
  options: {
    token?: string;
    event?: { name: string; payload: unknown };
    runId?: string;
    env?: Record<string, string>;
  } = {},
) {
  return runBundle({
    bundle,
    inputs: { 'github-token': options.token ?? sim.env.GITHUB_TOKEN, ...PLACE, ...inputs },
    env: {
      GITHUB_API_URL: sim.env.GITHUB_API_URL,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_SHA: NEWER,
      GITHUB_RUN_ID: options.runId ?? '1658821493',
      GITHUB_ACTOR: 'octocat',
      GITHUB_TRIGGERING_ACTOR: 'hubot',
      AWS_REGION: 'us-east-1',
      ...options.env,
    },
    event: options.event ?? {
      name: 'workflow_run',
      payload: { action: 'completed', workflow_run: { id: 1658800000, head_sha: BUILT, conclusion: 'success' } },
    },
  });
}

describe('deploy-tag bundle, run as the runner runs it', () => {
  it('tags workflow_run.head_sha (not GITHUB_SHA) with an annotated tag and writes outputs and summary', async () => {
    await run({ version: '0.2552.9', sha: OLDER, image: `${IMAGE}:0.2552.9` });
    const inputs = {
      version: '0.2601.3',
      image: `${IMAGE}:0.2601.3`,
      cluster: 'prod',
      service: 'web',
      environment: 'production',
      account: '123456789012',
      'create-deployment': 'true',
    };
    const result = await run(inputs);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      tag: 'ecs-deploy-0.2601.3',
      sha: BUILT,
      created: 'true',
      version: '0.2601.3',
      'previous-tag': 'ecs-deploy-0.2552.9',
      'previous-version': '0.2552.9',
      'previous-sha': OLDER,
      'previous-image': `${IMAGE}:0.2552.9`,
    });
    expect(result.outputs['deployment-id']).toMatch(/^\d+$/);
    const tag = sim.github.tags(OWNER, REPO).find((t) => t.name === 'ecs-deploy-0.2601.3');
    expect(tag).toMatchObject({ type: 'tag', commit: BUILT });
    expect(tag?.message).toContain('"run":"https://github.com/octo-org/octo-app/actions/runs/1658821493"');
    expect(tag?.message).toContain('"region":"us-east-1","account":"123456789012"');
    expect(tag?.message).toContain('"actor":"octocat","triggering-actor":"hubot"');
    expect(result.notices).toEqual(['ecs-deploy-0.2601.3 created on 4b825dc (workflow_run.head_sha)']);
    expect(result.summary).toContain('### Deploy tag `ecs-deploy-0.2601.3` created');
    // The token is masked first and appears in no other log line.
    expect(result.commands.find((c) => c.command === 'add-mask')?.message).toBe(sim.env.GITHUB_TOKEN);
    const lines = result.log.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(lines.join('\n')).not.toContain(sim.env.GITHUB_TOKEN);
    expect(sim.callsOf('POST /repos/{owner}/{repo}/git/tags').length).toBeGreaterThan(0);

    // A re-run of the job: its deploy is recorded already, the tag is kept as it is.
    const objects = sim.callsOf('POST /repos/{owner}/{repo}/git/tags').length;
    const again = await run({ ...inputs, 'create-deployment': 'false' });
    expect(again.exitCode).toBe(0);
    expect(again.outputs.created).toBe('false');
    expect(sim.callsOf('POST /repos/{owner}/{repo}/git/tags').length).toBe(objects);
  });

  it('masks the token before reading any input: a token pasted into version is not echoed', async () => {
    const token = sim.env.GITHUB_TOKEN;
    const result = await run({ version: token });
    expect(result.exitCode).toBe(1);
    expect(result.commands[0]).toMatchObject({ command: 'add-mask', message: token });
    expect(result.errors).toHaveLength(1);
    const lines = result.log.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(lines.join('\n')).not.toContain(token);
  });

  it('looks up the previous deploy with version: previous', async () => {
    const result = await run({ version: 'previous' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      version: '0.2552.9',
      image: `${IMAGE}:0.2552.9`,
      sha: OLDER,
      created: 'false',
      found: 'true',
      'latest-version': '0.2601.3',
      region: 'us-east-1',
    });
    // 0.2552.9 was recorded without a task definition ARN: its account is unknown.
    expect(result.outputs.account).toBe('');
    expect(result.notices).toEqual([
      'Previous deploy: 0.2552.9 (ecs-deploy-0.2552.9, 0123456), image 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:0.2552.9, deployed by octocat in us-east-1; latest: 0.2601.3, deployed by octocat in us-east-1',
    ]);
  });

  it('version: current where nothing was deployed yet: found false, a summary that says so (no empty version)', async () => {
    const result = await run({ version: 'current', cluster: 'staging', service: 'never-deployed' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ found: 'false', version: '' });
    expect(result.summary).toContain('### Nothing deployed here yet');
    expect(result.summary).not.toMatch(/###\s+not deployed/);
  });

  it("a legacy record's unknown fields are left out of the summary, not shown as empty rows", async () => {
    const result = await run({ version: 'previous' });
    expect(result.summary).toContain('### Rollback target `0.2552.9`');
    // 0.2552.9 was recorded without a task definition: no task definition row, rather than an empty one.
    expect(result.summary).not.toContain('task definition');
    expect(result.summary).not.toMatch(/^\|\s*[a-z][a-z ]*\|\s*\|$/m);
  });

  it('starts a GitHub Deployment (in_progress) and sets it to failure, writing no tag', async () => {
    const tags = sim.github.tags(OWNER, REPO);
    const url = 'https://app.example.com';
    const started = await run({ version: '0.2601.5', 'deployment-state': 'in_progress', 'environment-url': url });
    expect(started.errors).toEqual([]);
    const id = started.outputs['deployment-id'] ?? '';
    expect(id).toMatch(/^\d+$/);
    expect(started.notices).toEqual([`Deployment ${id} of 0.2601.5: deployment-started`]);
    const failed = await run({ version: '0.2601.5', 'deployment-state': 'failure', 'deployment-id': id });
    expect(failed.exitCode).toBe(0);
    const deployment = sim.github.deployments(OWNER, REPO).find((d) => String(d.id) === id);
    expect(deployment?.statuses.map((s) => [s.state, s.environmentUrl])).toEqual([
      ['in_progress', url],
      ['failure', ''],
    ]);
    expect(sim.github.tags(OWNER, REPO)).toEqual(tags);
  });

  it.each([
    [
      'a deployed version',
      '0.2601.3',
      {
        found: 'true',
        tag: 'ecs-deploy-0.2601.3',
        sha: BUILT,
        version: '0.2601.3',
        image: `${IMAGE}:0.2601.3`,
        actor: 'octocat',
        'triggering-actor': 'hubot',
        region: 'us-east-1',
      },
      'ecs-deploy-0.2601.3 records 0.2601.3 on 4b825dc, image 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:0.2601.3, deployed by octocat in us-east-1',
    ],
    [
      'a version never deployed',
      '0.2601.30',
      { found: 'false', tag: '', sha: '', version: '0.2601.30', image: '', 'image-digest': '' },
      'No deploy tag ecs-deploy-0.2601.30: 0.2601.30 has not been deployed',
    ],
  ])('looks up %s with lookup: true and creates nothing', async (_case, version, outputs, notice) => {
    const before = sim.github.tags(OWNER, REPO);
    const result = await run({ version, lookup: 'true' }, { token: 'ghs_readonly' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ ...outputs, created: 'false', 'latest-tag': '', 'previous-tag': '' });
    expect(result.notices).toEqual([notice]);
    expect(sim.github.tags(OWNER, REPO)).toEqual(before);
  });

  it.each([
    [
      'a clash with another commit',
      { version: '0.2601.3', sha: NEWER },
      undefined,
      `already exists on commit ${BUILT}, but this run deploys commit ${NEWER}`,
    ],
    ['a read-only token', { version: '0.2601.4' }, 'ghs_readonly', 'the job needs `permissions: contents: write`'],
    ['an unknown token', { version: '0.2601.4' }, 'ghs_unknown', 'GitHub answered 401 (Bad credentials)'],
    ['a version that is not HeadVer', { version: '2026.1.5' }, undefined, 'Input "version" must be a HeadVer version'],
    [
      'an environment that would forge a record',
      { version: '0.2601.4', environment: 'production\nimage: docker.io/evil/x:1' },
      undefined,
      'Input "environment" must be a GitHub environment name',
    ],
    [
      'an actor that would be a workflow command',
      { version: '0.2601.4', env: { GITHUB_ACTOR: '::error::forged' } },
      undefined,
      'GITHUB_ACTOR is "::error::forged", which is not a GitHub login',
    ],
  ])('fails once with a clear error for %s', async (_case, given, token, message) => {
    const { env, ...inputs } = given as Record<string, string> & { env?: Record<string, string> };
    const result = await run(inputs, { ...(token ? { token } : {}), ...(env ? { env } : {}) });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(message);
    expect(result.outputs).toEqual({});
  });
});

describe('on-exists: move from two runs at once (two bundles)', () => {
  it('reports one winner truthfully: the run whose commit the tag ends on', async () => {
    await run({ version: '0.2602.1', sha: OLDER });
    // A GitHub as slow as github.com between read and write, so that the two runs overlap however the machine
    // staggers their starts: both write the tag, one wins the history index's compare-and-swap.
    sim.faults.inject({
      api: 'github',
      operation: 'POST /repos/{owner}/{repo}/git/tags',
      kind: 'latency',
      latencyMs: 400,
      count: 2,
    });
    const [first, second] = await Promise.all([
      run({ version: '0.2602.1', sha: BUILT, 'on-exists': 'move' }, { runId: '1658821501' }),
      run({ version: '0.2602.1', sha: NEWER, 'on-exists': 'move' }, { runId: '1658821502' }),
    ]);
    const final = sim.github.tags(OWNER, REPO).find((t) => t.name === 'ecs-deploy-0.2602.1')?.commit;
    const winners = [first, second].filter((r) => r.exitCode === 0);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.outputs).toMatchObject({ created: 'true', sha: final });
    const loser = [first, second].find((r) => r.exitCode !== 0);
    expect(loser?.errors).toEqual([expect.stringContaining(`but another run put it on ${final} at the same time`)]);
  });
});
