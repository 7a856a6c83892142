/**
 * The simulator's GitHub REST side, driven through @actions/github's Octokit over real HTTP.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { GitHubSimulator } from '../src/github/index.js';
import { refNameProblem } from '../src/github/refname.js';
import { type Simulator, startSimulator } from '../src/index.js';

const OWNER = 'octo-org';
const REPO = 'octo-app';
const C1 = '1111111111111111111111111111111111111111';
const C2 = '2222222222222222222222222222222222222222';
const C3 = '3333333333333333333333333333333333333333';
const WRITE = 'ghs_write_token';
const READ = 'ghs_read_token';

let sim: Simulator;
let github: GitHubSimulator;
let url: string;

// A fresh simulator per test: its GitHub side behind the real server (routing, framing, call records).
beforeEach(async () => {
  sim = await startSimulator({ githubToken: WRITE });
  github = sim.github;
  url = sim.url;
  github.seedRepository({ owner: OWNER, repo: REPO, commits: [C1, C2, C3] });
  github.addToken(READ, 'read');
});

afterEach(async () => {
  await sim.close();
});

const octokit = (token = WRITE) => getOctokit(token, { baseUrl: url });

async function status(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
    return { status: 200, message: '' };
  } catch (error) {
    const e = error as { status: number; response?: { data?: { message?: string } } };
    return { status: e.status, message: e.response?.data?.message ?? '' };
  }
}

async function annotatedTag(name: string, commit: string, message = `deploy ${name}`) {
  const gh = octokit();
  const tag = await gh.rest.git.createTag({
    owner: OWNER,
    repo: REPO,
    tag: name,
    message,
    object: commit,
    type: 'commit',
  });
  await gh.rest.git.createRef({ owner: OWNER, repo: REPO, ref: `refs/tags/${name}`, sha: tag.data.sha });
  return tag.data;
}

describe('git tags and refs', () => {
  it('creates an annotated tag object and its ref, and resolves it back to the commit', async () => {
    const gh = octokit();
    const tag = await gh.rest.git.createTag({
      owner: OWNER,
      repo: REPO,
      tag: 'ecs-deploy-0.2602.7',
      message: 'Deployed 0.2602.7',
      object: C2,
      type: 'commit',
    });
    expect(tag.status).toBe(201);
    expect(tag.data).toMatchObject({
      tag: 'ecs-deploy-0.2602.7',
      message: 'Deployed 0.2602.7',
      object: { sha: C2, type: 'commit' },
      tagger: { name: 'github-actions[bot]', date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) },
      verification: { verified: false, reason: 'unsigned' },
    });
    expect(tag.data.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(tag.data.url).toBe(`${url}/repos/${OWNER}/${REPO}/git/tags/${tag.data.sha}`);

    const ref = await gh.rest.git.createRef({
      owner: OWNER,
      repo: REPO,
      ref: 'refs/tags/ecs-deploy-0.2602.7',
      sha: tag.data.sha,
    });
    expect(ref.status).toBe(201);
    expect(ref.data).toMatchObject({
      ref: 'refs/tags/ecs-deploy-0.2602.7',
      object: { sha: tag.data.sha, type: 'tag' },
    });

    const got = await gh.rest.git.getRef({ owner: OWNER, repo: REPO, ref: 'tags/ecs-deploy-0.2602.7' });
    expect(got.data.object).toMatchObject({ sha: tag.data.sha, type: 'tag' });
    const tagObject = await gh.rest.git.getTag({ owner: OWNER, repo: REPO, tag_sha: tag.data.sha });
    expect(tagObject.data.object.sha).toBe(C2);
    expect(tagObject.data.message).toBe('Deployed 0.2602.7');

    expect(github.tags(OWNER, REPO)).toEqual([
      { name: 'ecs-deploy-0.2602.7', sha: tag.data.sha, type: 'tag', commit: C2, message: 'Deployed 0.2602.7' },
    ]);
  });

  it('lists matching refs by prefix, sorted, and [] when none match', async () => {
    await annotatedTag('ecs-deploy-0.2601.2', C1);
    await annotatedTag('ecs-deploy-0.2552.9', C2);
    await octokit().rest.git.createRef({ owner: OWNER, repo: REPO, ref: 'refs/tags/v1', sha: C3 });
    const refs = await octokit(READ).rest.git.listMatchingRefs({ owner: OWNER, repo: REPO, ref: 'tags/ecs-deploy-' });
    expect(refs.data.map((r) => r.ref)).toEqual(['refs/tags/ecs-deploy-0.2552.9', 'refs/tags/ecs-deploy-0.2601.2']);
    const none = await octokit(READ).rest.git.listMatchingRefs({ owner: OWNER, repo: REPO, ref: 'tags/nothing-' });
    expect(none.data).toEqual([]);
    const lightweight = await octokit().rest.git.getRef({ owner: OWNER, repo: REPO, ref: 'tags/v1' });
    expect(lightweight.data.object).toMatchObject({ sha: C3, type: 'commit' });
  });

  it('moves a ref with force, refuses a non-fast-forward without it, and deletes', async () => {
    const gh = octokit();
    await gh.rest.git.createRef({ owner: OWNER, repo: REPO, ref: 'refs/tags/t', sha: C3 });
    expect(await status(gh.rest.git.updateRef({ owner: OWNER, repo: REPO, ref: 'tags/t', sha: C1 }))).toEqual({
      status: 422,
      message: 'Update is not a fast forward',
    });
    const moved = await gh.rest.git.updateRef({ owner: OWNER, repo: REPO, ref: 'tags/t', sha: C1, force: true });
    expect(moved.data.object.sha).toBe(C1);
    const deleted = await gh.rest.git.deleteRef({ owner: OWNER, repo: REPO, ref: 'tags/t' });
    expect(deleted.status).toBe(204);
    expect(await status(gh.rest.git.getRef({ owner: OWNER, repo: REPO, ref: 'tags/t' }))).toEqual({
      status: 404,
      message: 'Not Found',
    });
  });

  it.each([
    ['an existing ref', { ref: 'refs/tags/dup', sha: C1 }, 'Reference already exists'],
    ['an unknown object', { ref: 'refs/tags/x', sha: 'a'.repeat(40) }, 'Object does not exist'],
    [
      'a short ref',
      { ref: 'tags/x', sha: C1 },
      "Reference name must start with 'refs/' and have at least two slashes.",
    ],
    ['an invalid ref name', { ref: 'refs/tags/bad..name', sha: C1 }, 'refs/tags/bad..name is not a valid ref name.'],
  ])('answers 422 for %s', async (_case, body, message) => {
    const gh = octokit();
    await gh.rest.git.createRef({ owner: OWNER, repo: REPO, ref: 'refs/tags/dup', sha: C1 });
    const result = await status(gh.rest.git.createRef({ owner: OWNER, repo: REPO, ...body }));
    expect(result).toEqual({ status: 422, message });
  });

  it('answers 422 for a tag object on an unknown commit and 404 for an unknown tag sha', async () => {
    const gh = octokit();
    expect(
      await status(
        gh.rest.git.createTag({
          owner: OWNER,
          repo: REPO,
          tag: 't',
          message: 'm',
          object: 'b'.repeat(40),
          type: 'commit',
        }),
      ),
    ).toEqual({ status: 422, message: 'Object does not exist' });
    expect(await status(gh.rest.git.getTag({ owner: OWNER, repo: REPO, tag_sha: 'c'.repeat(40) }))).toEqual({
      status: 404,
      message: 'Not Found',
    });
  });
});

describe('commits', () => {
  it('gets a seeded commit by sha, branch and short sha; 422 for an unknown one', async () => {
    const gh = octokit(READ);
    const full = await gh.rest.repos.getCommit({ owner: OWNER, repo: REPO, ref: C2 });
    expect(full.data).toMatchObject({ sha: C2, parents: [{ sha: C1 }] });
    expect((await gh.rest.repos.getCommit({ owner: OWNER, repo: REPO, ref: 'main' })).data.sha).toBe(C3);
    expect((await gh.rest.repos.getCommit({ owner: OWNER, repo: REPO, ref: C1.slice(0, 7) })).data.sha).toBe(C1);
    const unknown = 'd'.repeat(40);
    expect(await status(gh.rest.repos.getCommit({ owner: OWNER, repo: REPO, ref: unknown }))).toEqual({
      status: 422,
      message: `No commit found for SHA: ${unknown}`,
    });
  });
});

describe('the repository and comparing commits', () => {
  it('gets the repository with its default branch', async () => {
    const repo = await octokit(READ).rest.repos.get({ owner: OWNER, repo: REPO });
    expect(repo.data).toMatchObject({ full_name: `${OWNER}/${REPO}`, default_branch: 'main' });
  });

  it('compares by ancestry: identical, behind (on the branch), ahead, diverged (another branch); 404 unknown', async () => {
    const gh = octokit();
    const tree = await gh.rest.git.createTree({ owner: OWNER, repo: REPO, tree: [] });
    const side = await gh.rest.git.createCommit({
      owner: OWNER,
      repo: REPO,
      message: 'side',
      tree: tree.data.sha,
      parents: [C1],
    });
    const compare = async (basehead: string) => {
      const { data } = await gh.rest.repos.compareCommitsWithBasehead({ owner: OWNER, repo: REPO, basehead });
      return [data.status, data.ahead_by, data.behind_by, data.merge_base_commit?.sha];
    };
    expect(await compare(`main...${C3}`)).toEqual(['identical', 0, 0, C3]);
    expect(await compare(`main...${C1}`)).toEqual(['behind', 0, 2, C1]);
    expect(await compare(`${C1}...main`)).toEqual(['ahead', 2, 0, C1]);
    expect(await compare(`main...${side.data.sha}`)).toEqual(['diverged', 1, 2, C1]);
    expect(
      await status(
        gh.rest.repos.compareCommitsWithBasehead({ owner: OWNER, repo: REPO, basehead: `main...${'d'.repeat(40)}` }),
      ),
    ).toEqual({ status: 404, message: 'Not Found' });
  });
});

describe('git data: blobs, trees, commits', () => {
  /** What git itself computes for the same content: a tree of `files` and a commit of it. */
  function realGit(files: Record<string, string>, commit: { message: string; date: string }) {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-git-'));
    const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
      execFileSync('git', args, { cwd: dir, input, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();
    git(['init', '--quiet']);
    for (const [file, content] of Object.entries(files)) {
      const sha = git(['hash-object', '-w', '--stdin'], content);
      git(['update-index', '--add', '--cacheinfo', `100644,${sha},${file}`]);
    }
    const tree = git(['write-tree']);
    const who = { name: 'Rel Ease', email: 'rel@example.com' };
    const env = {
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_AUTHOR_DATE: `${Date.parse(commit.date) / 1000} +0000`,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_COMMITTER_DATE: `${Date.parse(commit.date) / 1000} +0000`,
    };
    const sha = git(['commit-tree', tree, '-m', commit.message], undefined, env);
    return { tree, noParentCommit: sha };
  }

  it('gives blobs, nested trees and commits the shas git gives them, and reads them back', async () => {
    const gh = octokit();
    const files = { 'README.md': 'hello\n', '.github/workflows/a.yml': 'on: push\n', '.github/b.txt': 'b' };
    const blob = await gh.rest.git.createBlob({ owner: OWNER, repo: REPO, content: 'hello\n' });
    expect(blob.status).toBe(201);
    expect(blob.data.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    const encoded = await gh.rest.git.createBlob({
      owner: OWNER,
      repo: REPO,
      content: Buffer.from('on: push\n').toString('base64'),
      encoding: 'base64',
    });
    const tree = await gh.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      tree: [
        { path: 'README.md', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: '.github/workflows/a.yml', mode: '100644', type: 'blob', sha: encoded.data.sha },
        { path: '.github/b.txt', mode: '100644', type: 'blob', content: 'b' },
      ],
    });
    const date = '2026-01-02T03:04:05Z';
    const expected = realGit(files, { message: 'Release', date });
    expect(tree.status).toBe(201);
    expect(tree.data.sha).toBe(expected.tree);
    expect(tree.data.tree.map((e) => [e.path, e.type])).toEqual([
      ['.github', 'tree'],
      ['README.md', 'blob'],
    ]);
    const who = { name: 'Rel Ease', email: 'rel@example.com', date };
    const root = await gh.rest.git.createCommit({
      owner: OWNER,
      repo: REPO,
      // git commit-tree -m ends the message with a newline; the API stores the message as given.
      message: 'Release\n',
      tree: tree.data.sha,
      parents: [],
      author: who,
      committer: who,
    });
    expect(root.data.sha).toBe(expected.noParentCommit);

    // Over a base tree: one file replaced, one deleted, the rest kept; a commit on top of a seeded one.
    const next = await gh.rest.git.createTree({
      owner: OWNER,
      repo: REPO,
      base_tree: tree.data.sha,
      tree: [
        { path: 'README.md', mode: '100644', type: 'blob', content: 'bye\n' },
        { path: '.github/b.txt', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const child = await gh.rest.git.createCommit({
      owner: OWNER,
      repo: REPO,
      message: 'Next',
      tree: next.data.sha,
      parents: [C3],
    });
    const read = await gh.rest.git.getCommit({ owner: OWNER, repo: REPO, commit_sha: child.data.sha });
    expect(read.data.parents.map((p) => p.sha)).toEqual([C3]);
    expect(read.data.tree.sha).toBe(next.data.sha);
    const recursive = await gh.rest.git.getTree({ owner: OWNER, repo: REPO, tree_sha: next.data.sha, recursive: '1' });
    expect(recursive.data.tree.map((e) => e.path)).toEqual([
      '.github',
      '.github/workflows',
      '.github/workflows/a.yml',
      'README.md',
    ]);
    const readme = await gh.rest.git.getBlob({ owner: OWNER, repo: REPO, file_sha: blobSha('bye\n') });
    expect(Buffer.from(readme.data.content, 'base64').toString()).toBe('bye\n');
    expect(github.commitContent(OWNER, REPO, child.data.sha)).toEqual({
      parents: [C3],
      message: 'Next',
      files: { '.github/workflows/a.yml': 'on: push\n', 'README.md': 'bye\n' },
    });
    // A ref to a commit that changes .github/workflows/ needs the workflows permission, which GITHUB_TOKEN lacks.
    const ref = { owner: OWNER, repo: REPO, ref: 'refs/tags/v9', sha: child.data.sha };
    const refused = await gh.rest.git.createRef(ref).catch((e: { status: number; response: { headers: object } }) => e);
    expect(refused).toMatchObject({
      status: 403,
      response: { headers: { 'x-accepted-github-permissions': 'contents=write; contents=write,workflows=write' } },
    });
    github.addToken('ghs_app_token', 'write', { workflows: true });
    await octokit('ghs_app_token').rest.git.createRef(ref);
    expect(github.tags(OWNER, REPO)).toEqual([
      { name: 'v9', sha: child.data.sha, type: 'commit', commit: child.data.sha },
    ]);
  });

  it('answers 422 for an unknown base tree, tree or parent, and 404 for unknown objects', async () => {
    const gh = octokit();
    const unknown = 'f'.repeat(40);
    expect(await status(gh.rest.git.createTree({ owner: OWNER, repo: REPO, base_tree: unknown, tree: [] }))).toEqual({
      status: 422,
      message: 'Invalid tree info',
    });
    expect(await status(gh.rest.git.createCommit({ owner: OWNER, repo: REPO, message: 'm', tree: unknown }))).toEqual({
      status: 422,
      message: 'Tree SHA does not exist',
    });
    const tree = await gh.rest.git.createTree({ owner: OWNER, repo: REPO, tree: [] });
    expect(
      await status(
        gh.rest.git.createCommit({ owner: OWNER, repo: REPO, message: 'm', tree: tree.data.sha, parents: [unknown] }),
      ),
    ).toEqual({ status: 422, message: 'Parent SHA does not exist or is not a commit object' });
    expect((await status(gh.rest.git.getBlob({ owner: OWNER, repo: REPO, file_sha: unknown }))).status).toBe(404);
    expect((await status(gh.rest.git.getCommit({ owner: OWNER, repo: REPO, commit_sha: unknown }))).status).toBe(404);
    expect((await status(octokit(READ).rest.git.createBlob({ owner: OWNER, repo: REPO, content: 'x' }))).status).toBe(
      403,
    );
  });
});

describe('releases', () => {
  it('creates a release for an existing tag, finds it by tag name, and refuses a second one', async () => {
    const gh = octokit();
    await annotatedTag('v1.0.0', C2);
    const created = await gh.rest.repos.createRelease({
      owner: OWNER,
      repo: REPO,
      tag_name: 'v1.0.0',
      name: 'v1.0.0',
      body: '### Added\n- everything',
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      tag_name: 'v1.0.0',
      name: 'v1.0.0',
      body: '### Added\n- everything',
      draft: false,
    });
    const found = await gh.rest.repos.getReleaseByTag({ owner: OWNER, repo: REPO, tag: 'v1.0.0' });
    expect(found.data.id).toBe(created.data.id);
    expect(github.releases(OWNER, REPO)).toMatchObject([{ tagName: 'v1.0.0', body: '### Added\n- everything' }]);
    expect(await status(gh.rest.repos.createRelease({ owner: OWNER, repo: REPO, tag_name: 'v1.0.0' }))).toEqual({
      status: 422,
      message: 'Validation Failed',
    });
    expect((await status(gh.rest.repos.getReleaseByTag({ owner: OWNER, repo: REPO, tag: 'v2.0.0' }))).status).toBe(404);
  });

  it('creates the tag at target_commitish when it does not exist', async () => {
    await octokit().rest.repos.createRelease({ owner: OWNER, repo: REPO, tag_name: 'v0.1.0', target_commitish: C1 });
    expect(github.tags(OWNER, REPO)).toEqual([{ name: 'v0.1.0', sha: C1, type: 'commit', commit: C1 }]);
  });
});

describe('authentication and permissions', () => {
  it('answers 401 Requires authentication without a token, with GitHub error body', async () => {
    const response = await fetch(`${url}/repos/${OWNER}/${REPO}/git/matching-refs/tags/`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest/git/refs#list-matching-references',
      status: '401',
    });
  });

  it.each([
    ['an unknown token', 'nope', 401, 'Bad credentials'],
    ['a read-only token on a write', READ, 403, 'Resource not accessible by integration'],
  ])('answers %s', async (_case, token, code, message) => {
    const result = await status(
      octokit(token).rest.git.createRef({ owner: OWNER, repo: REPO, ref: 'refs/tags/x', sha: C1 }),
    );
    expect(result).toEqual({ status: code, message });
    expect(github.tags(OWNER, REPO)).toEqual([]);
  });

  it('accepts Bearer as well as token, and 404s an unknown repository', async () => {
    const response = await fetch(`${url}/repos/${OWNER}/${REPO}/git/matching-refs/tags/`, {
      headers: { authorization: `Bearer ${READ}` },
    });
    expect(response.status).toBe(200);
    expect(await status(octokit().rest.git.listMatchingRefs({ owner: OWNER, repo: 'other', ref: 'tags/' }))).toEqual({
      status: 404,
      message: 'Not Found',
    });
  });
});

describe('deployments', () => {
  it('creates a deployment and a success status, lists them newest first', async () => {
    const gh = octokit();
    const created = await gh.rest.repos.createDeployment({
      owner: OWNER,
      repo: REPO,
      ref: C2,
      environment: 'staging',
      auto_merge: false,
      required_contexts: [],
      description: 'Deploy 0.2602.7',
    });
    expect(created.status).toBe(201);
    const deployment = created.data as {
      id: number;
      sha: string;
      environment: string;
      production_environment: boolean;
    };
    expect(deployment).toMatchObject({ sha: C2, environment: 'staging', production_environment: false });

    const statusResponse = await gh.rest.repos.createDeploymentStatus({
      owner: OWNER,
      repo: REPO,
      deployment_id: deployment.id,
      state: 'success',
      log_url: 'https://github.com/octo-org/octo-app/actions/runs/1',
    });
    expect(statusResponse.data).toMatchObject({
      state: 'success',
      environment: 'staging',
      log_url: 'https://github.com/octo-org/octo-app/actions/runs/1',
      target_url: 'https://github.com/octo-org/octo-app/actions/runs/1',
    });

    const second = await gh.rest.repos.createDeployment({
      owner: OWNER,
      repo: REPO,
      ref: 'main',
      environment: 'staging',
    });
    const secondId = (second.data as { id: number }).id;
    await gh.rest.repos.createDeploymentStatus({ owner: OWNER, repo: REPO, deployment_id: secondId, state: 'success' });

    const list = await gh.rest.repos.listDeployments({ owner: OWNER, repo: REPO, environment: 'staging' });
    expect(list.data.map((d) => d.id)).toEqual([secondId, deployment.id]);
    // auto_inactive: the earlier successful staging deployment became inactive.
    const statuses = await gh.rest.repos.listDeploymentStatuses({
      owner: OWNER,
      repo: REPO,
      deployment_id: deployment.id,
    });
    expect(statuses.data.map((s) => s.state)).toEqual(['inactive', 'success']);
  });

  it('auto_inactive: success retires prior successful deployments of a non-production environment only', async () => {
    const gh = octokit();
    const create = async (environment: string) =>
      (await gh.rest.repos.createDeployment({ owner: OWNER, repo: REPO, ref: C1, environment })).data as { id: number };
    const setState = (id: number, state: 'success' | 'in_progress' | 'failure', extra: object = {}) =>
      gh.rest.repos.createDeploymentStatus({ owner: OWNER, repo: REPO, deployment_id: id, state, ...extra });
    const states = async (id: number) =>
      (await gh.rest.repos.listDeploymentStatuses({ owner: OWNER, repo: REPO, deployment_id: id })).data.map(
        (s) => s.state,
      );
    const older = await create('qa');
    await setState(older.id, 'success');
    const newer = await create('qa');
    // in_progress retires nothing; the environment_url is kept on the status.
    const progress = await setState(newer.id, 'in_progress', { environment_url: 'https://qa.example.com' });
    expect(progress.data).toMatchObject({ state: 'in_progress', environment_url: 'https://qa.example.com' });
    expect(await states(older.id)).toEqual(['success']);
    // auto_inactive false retires nothing either.
    await setState(newer.id, 'success', { auto_inactive: false });
    expect(await states(older.id)).toEqual(['success']);
    // A later status of the older deployment never retires the newer one.
    await setState(older.id, 'success');
    expect(await states(newer.id)).toEqual(['success', 'in_progress']);
    await setState(newer.id, 'success');
    expect(await states(older.id)).toEqual(['inactive', 'success', 'success']);
    // production (production_environment defaults to true for it) is not retired automatically.
    const live = await create('production');
    await setState(live.id, 'success');
    const next = await create('production');
    await setState(next.id, 'success');
    expect(await states(live.id)).toEqual(['success']);
  });

  it.each([['an unknown ref', { ref: 'nope' }, 422, 'No ref found for: nope']])(
    'rejects %s',
    async (_case, body, code, message) => {
      expect(await status(octokit().rest.repos.createDeployment({ owner: OWNER, repo: REPO, ...body }))).toEqual({
        status: code,
        message,
      });
    },
  );

  it('rejects an unknown state and a missing deployment', async () => {
    const gh = octokit();
    const d = await gh.rest.repos.createDeployment({ owner: OWNER, repo: REPO, ref: C1 });
    const id = (d.data as { id: number }).id;
    const bad = await status(
      gh.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner: OWNER,
        repo: REPO,
        deployment_id: id,
        state: 'done' as 'success',
      }),
    );
    expect(bad.status).toBe(422);
    expect(
      await status(
        gh.rest.repos.createDeploymentStatus({ owner: OWNER, repo: REPO, deployment_id: 1, state: 'success' }),
      ),
    ).toEqual({ status: 404, message: 'Not Found' });
  });
});

describe('artifacts', () => {
  it('lists a run’s artifacts and downloads a real zip through the 302', async () => {
    const id = github.seedArtifact({
      owner: OWNER,
      repo: REPO,
      runId: 42,
      name: 'build-info',
      files: { 'build-info.json': '{"version":"0.2602.7"}', 'notes/readme.txt': 'hello '.repeat(50) },
    });
    github.seedArtifact({ owner: OWNER, repo: REPO, runId: 43, name: 'other', files: { a: 'b' } });
    const gh = octokit(READ);
    const list = await gh.rest.actions.listWorkflowRunArtifacts({ owner: OWNER, repo: REPO, run_id: 42 });
    expect(list.data.total_count).toBe(1);
    expect(list.data.artifacts[0]).toMatchObject({
      id,
      name: 'build-info',
      expired: false,
      archive_download_url: `${url}/repos/${OWNER}/${REPO}/actions/artifacts/${id}/zip`,
      workflow_run: { id: 42, head_sha: C3 },
    });
    const byName = await gh.rest.actions.listWorkflowRunArtifacts({ owner: OWNER, repo: REPO, run_id: 42, name: 'x' });
    expect(byName.data.total_count).toBe(0);

    const redirect = await fetch(`${url}/repos/${OWNER}/${REPO}/actions/artifacts/${id}/zip`, {
      headers: { authorization: `token ${READ}` },
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`${url}/_sim/github/artifacts/${id}.zip`);

    const download = await gh.rest.actions.downloadArtifact({
      owner: OWNER,
      repo: REPO,
      artifact_id: id,
      archive_format: 'zip',
    });
    const zip = Buffer.from(download.data as ArrayBuffer);
    expect(unzip(zip)).toEqual({
      'build-info.json': '{"version":"0.2602.7"}',
      'notes/readme.txt': 'hello '.repeat(50),
    });
  });

  it("refuses a second upload of one name in a run with the service's 409, unless overwrite replaces it", async () => {
    const upload = (files: Record<string, string>, overwrite?: boolean) =>
      github.uploadArtifact({ owner: OWNER, repo: REPO, runId: 42, name: 'build-info', files, overwrite });
    const first = upload({ 'a.json': '1' });
    expect(() => upload({ 'a.json': '2' })).toThrow(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
    );
    github.uploadArtifact({ owner: OWNER, repo: REPO, runId: 43, name: 'build-info', files: { 'a.json': '3' } });
    const replaced = upload({ 'a.json': '4' }, true);
    const list = await octokit(READ).rest.actions.listWorkflowRunArtifacts({ owner: OWNER, repo: REPO, run_id: 42 });
    expect(list.data.artifacts.map((a) => a.id)).toEqual([replaced]);
    expect(replaced).not.toBe(first);
  });

  it('404s an unknown artifact', async () => {
    expect(
      await status(
        octokit().rest.actions.downloadArtifact({ owner: OWNER, repo: REPO, artifact_id: 9, archive_format: 'zip' }),
      ),
    ).toEqual({ status: 404, message: 'Not Found' });
  });
});

describe('refNameProblem (git check-ref-format)', () => {
  it.each([
    ['refs/tags/ecs-deploy-0.2602.7', undefined],
    ['refs/tags/ecs-deploy-1.2001.789+qa', undefined],
    ['refs/tags/a b', 'contains a space, a control character or one of ~ ^ : ? * [ \\'],
    ['refs/tags/a..b', 'contains ".."'],
    ['refs/tags/x.lock', 'has a component ending with ".lock" (x.lock)'],
    ['refs/tags/.hidden', 'has a component starting with "." (.hidden)'],
    ['refs/tags/a@{1}', 'contains "@{"'],
    ['refs/tags/a.', 'ends with "."'],
    ['refs/tags//a', 'contains "//"'],
  ])('%s', (ref, problem) => {
    expect(refNameProblem(ref)).toBe(problem);
  });
});

function blobSha(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex');
}

/** Reads a zip with the central directory (deflate or store), as a check that the writer is real. */
function unzip(zip: Buffer): Record<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const localName = zip.readUInt16LE(local + 26);
    const localExtra = zip.readUInt16LE(local + 28);
    const data = zip.subarray(local + 30 + localName + localExtra, local + 30 + localName + localExtra + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    offset += 46 + nameLength + extra + comment;
  }
  return files;
}
