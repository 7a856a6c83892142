/**
 * release.yml run from its YAML against the simulator's GitHub API: a pushed v1.0.0 tag, then releases by hand.
 * Only the release job runs here: the check job calls test.yml (`pnpm test` as root, with Docker), which CI runs
 * anyway and which would take minutes; the copy of release.yml run here drops that job and the `needs` on it.
 * The "repository" checked out is a git repository made of this one's .github/, CHANGELOG.md and scripts/release.ts.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse, stringify } from 'yaml';
import { changelogNotes, parseVersion } from '../../../scripts/release.js';
import { ourRepository, PipelineRunner, simulatorTokens, type Trigger } from '../src/index.js';
import { explain, step } from './run-helpers.js';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const [OWNER = '', REPO = ''] = ourRepository(root).split('/');
/** The RELEASE_TOKEN secret: Contents and Workflows write (the job's GITHUB_TOKEN could not tag the release commit). */
const RELEASE_TOKEN = 'ghs_release_e2e_app_token';

let sim: Simulator;
let runner: PipelineRunner;
let repoDir: string;
let workflowFile: string;
let runId = 5000;

async function git(...args: string[]): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Maintainer',
    GIT_AUTHOR_EMAIL: 'maintainer@example.com',
    GIT_COMMITTER_NAME: 'Maintainer',
    GIT_COMMITTER_EMAIL: 'maintainer@example.com',
  };
  return (await exec('git', args, { cwd: repoDir, env })).stdout.trim();
}

/** Commits on master and pushes it: the simulator's repository gets the commit as the default branch's head. */
async function push(message: string, files: Record<string, string> = {}): Promise<string> {
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(repoDir, file), content);
  await git('add', '-A');
  await git('commit', '--quiet', '--allow-empty', '-m', message);
  const sha = await git('rev-parse', 'HEAD');
  sim.github.seedRepository({ owner: OWNER, repo: REPO, commits: [sha], defaultBranch: 'master' });
  return sha;
}

async function api(method: string, route: string, body?: object): Promise<Response> {
  return fetch(`${sim.env.GITHUB_API_URL}/repos/${OWNER}/${REPO}/${route}`, {
    method,
    headers: { authorization: `Bearer ${sim.env.GITHUB_TOKEN}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

const tags = () => Object.fromEntries(sim.github.tags(OWNER, REPO).map((t) => [t.name, t.commit]));

function runRelease(trigger: Omit<Trigger, 'runId' | 'runNumber'>) {
  runId++;
  return runner.run(workflowFile, { ...trigger, runId, runNumber: runId - 5000 });
}

beforeAll(async () => {
  sim = await startSimulator({});
  sim.github.addToken(RELEASE_TOKEN, 'write', { workflows: true });
  repoDir = await mkdtemp(path.join(tmpdir(), 'ecs-actions-release-'));
  await git('init', '--quiet', '--initial-branch=master');
  await cp(path.join(root, '.github'), path.join(repoDir, '.github'), { recursive: true });
  await mkdir(path.join(repoDir, 'scripts'));
  await cp(path.join(root, 'scripts/release.ts'), path.join(repoDir, 'scripts/release.ts'));
  await cp(path.join(root, 'CHANGELOG.md'), path.join(repoDir, 'CHANGELOG.md'));

  // release.yml without the check job (see the header).
  const workflow = parse(await readFile(path.join(root, '.github/workflows/release.yml'), 'utf8')) as {
    jobs: Record<string, { needs?: unknown }>;
  };
  delete workflow.jobs.check;
  delete workflow.jobs.release?.needs;
  workflowFile = path.join(await mkdtemp(path.join(tmpdir(), 'release-workflow-')), 'release.yml');
  await writeFile(workflowFile, stringify(workflow));

  runner = new PipelineRunner({
    root,
    owner: OWNER,
    repo: REPO,
    appRepoDir: repoDir,
    apiUrl: sim.env.GITHUB_API_URL,
    issueToken: simulatorTokens(sim),
    secrets: { RELEASE_TOKEN },
    aws: { accountId: '123456789012', credentials: {} },
    uploadArtifact: () => {},
    // The runner's own Node 24 is on PATH already.
    standIns: { 'actions/setup-node': async () => ({ log: `node ${process.version}\n` }) },
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe('release.yml', () => {
  let v100 = '';

  it('a pushed v1.0.0 tag: release commit with pinned workflows, v1.0.0 moved to it, v1 created, release with the notes', async () => {
    const source = await push('Everything of 1.0.0');
    // git push origin v1.0.0
    expect((await api('POST', 'git/refs', { ref: 'refs/tags/v1.0.0', sha: source })).status).toBe(201);

    const run = await runRelease({
      eventName: 'push',
      payload: { ref: 'refs/tags/v1.0.0' },
      sha: source,
      ref: 'refs/tags/v1.0.0',
    });
    expect(explain(run)).toBe('');
    expect(run.conclusion).toBe('success');

    const outputs = step(run, 'release', 'release').outputs;
    v100 = outputs.commit ?? '';
    expect(outputs.tag).toBe('v1.0.0');
    expect(tags()).toEqual({ 'v1.0.0': v100, v1: v100 });
    expect(v100).not.toBe(source);

    // The release commit: on top of the pushed commit, on no branch, every ref of ours in the reusable workflows at
    // @v1.0.0; the starter workflows are left at @v1, which consumers copy.
    const content = sim.github.commitContent(OWNER, REPO, v100);
    expect(content.parents).toEqual([source]);
    const pinned = Object.keys(content.files).sort();
    expect(pinned).toEqual(['.github/workflows/build-push.yml', '.github/workflows/deploy.yml']);
    for (const file of pinned) {
      const text = content.files[file] ?? '';
      const ours = [...text.matchAll(/uses:\s*(\S+)/g)]
        .map((m) => m[1] ?? '')
        .filter((u) => u.startsWith(`${OWNER}/${REPO}/`));
      expect(ours.length).toBeGreaterThan(0);
      for (const uses of ours) expect([file, uses]).toEqual([file, expect.stringMatching(/@v1\.0\.0$/)]);
    }
    expect(content.files['.github/workflows/deploy.yml']).toContain(
      'uses: ecs-actions/ecs-actions/ecs-deploy-wait@v1.0.0',
    );
    // master is where it was: the release commit is reachable only from the tags.
    const master = (await (await api('GET', 'git/ref/heads/master')).json()) as { object: { sha: string } };
    expect(master.object.sha).toBe(source);

    const notes = changelogNotes(await readFile(path.join(root, 'CHANGELOG.md'), 'utf8'), parseVersion('v1.0.0'));
    expect(sim.github.releases(OWNER, REPO)).toMatchObject([{ tagName: 'v1.0.0', name: 'v1.0.0', body: notes }]);
    expect(step(run, 'release', 'release').summary).toContain('## v1.0.0');
  });

  it('by hand: v1.1.0 moves v1 forward; v1.0.1 after it is refused unless forced', async () => {
    const changelog = await readFile(path.join(repoDir, 'CHANGELOG.md'), 'utf8');
    const source = await push('1.1.0 and a 1.0.1 patch', {
      'CHANGELOG.md': changelog.replace('## [1.0.0]', '## [1.1.0]\n\n- newer\n\n## [1.0.1]\n\n- a patch\n\n## [1.0.0]'),
    });
    const dispatch = (version: string, force: boolean) =>
      runRelease({
        eventName: 'workflow_dispatch',
        payload: { inputs: { version, force } },
        sha: source,
        ref: 'refs/heads/master',
        inputs: { version, force: String(force) },
      });

    const v110 = await dispatch('v1.1.0', false);
    expect(explain(v110)).toBe('');
    const v110Commit = step(v110, 'release', 'release').outputs.commit;
    expect(tags().v1).toBe(v110Commit);
    expect(tags()['v1.0.0']).toBe(v100);
    expect(sim.github.commitContent(OWNER, REPO, v110Commit ?? '').files['.github/workflows/deploy.yml']).toContain(
      'ecs-deploy-wait@v1.1.0',
    );

    const refused = await dispatch('v1.0.1', false);
    expect(refused.conclusion).toBe('failure');
    expect(step(refused, 'release', 'release').errors).toEqual([
      'v1 points at v1.1.0, a later version than v1.0.1: moving it back would downgrade every workflow at @v1; release with force to do it anyway',
    ]);
    expect(tags().v1).toBe(v110Commit);
    expect(tags()).not.toHaveProperty('v1.0.1');

    const forced = await dispatch('v1.0.1', true);
    expect(explain(forced)).toBe('');
    expect(tags().v1).toBe(step(forced, 'release', 'release').outputs.commit);
    expect(sim.github.releases(OWNER, REPO).map((r) => [r.tagName, r.body])).toEqual([
      ['v1.0.0', expect.stringContaining('Five actions')],
      ['v1.1.0', '- newer'],
      ['v1.0.1', '- a patch'],
    ]);
  });

  it('refuses a version that is not vX.Y.Z, and one without a CHANGELOG section, writing nothing', async () => {
    const before = tags();
    for (const [version, error] of [
      ['1.2.0', 'version: "1.2.0" is not a release version; give vX.Y.Z'],
      ['v1.2.0', 'CHANGELOG.md has no section for v1.2.0'],
    ] as const) {
      const run = await runRelease({
        eventName: 'workflow_dispatch',
        payload: { inputs: { version } },
        sha: await git('rev-parse', 'HEAD'),
        ref: 'refs/heads/master',
        inputs: { version },
      });
      expect(run.conclusion).toBe('failure');
      expect(step(run, 'release', 'release').errors.join('\n')).toContain(error);
    }
    expect(tags()).toEqual(before);
  });

  it('without the RELEASE_TOKEN secret, fails naming the secret and what it needs', async () => {
    const before = tags();
    const bare = new PipelineRunner({ ...runner.options, secrets: {} });
    const run = await bare.run(workflowFile, {
      eventName: 'workflow_dispatch',
      payload: { inputs: { version: 'v1.1.0' } },
      sha: await git('rev-parse', 'HEAD'),
      ref: 'refs/heads/master',
      inputs: { version: 'v1.1.0' },
      runId: 9000,
      runNumber: 90,
    });
    expect(step(run, 'release', 'release').errors).toEqual([
      expect.stringMatching(
        /^RELEASE_TOKEN is not set: add the repository secret RELEASE_TOKEN, .*Contents and Workflows/,
      ),
    ]);
    expect(tags()).toEqual(before);
  });
});
