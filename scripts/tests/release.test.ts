/**
 * scripts/release.ts: the version check, CHANGELOG notes, pinning our refs in the workflow files, and the release
 * itself against the simulator's GitHub API (release commit, tags, release, vX never moved backwards unforced).
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { escapeRegExp, ourRepository } from '../../packages/pipeline-runner/src/our-repository.js';
import {
  changelogNotes,
  githubApi,
  parseVersion,
  pinnedFiles,
  pinWorkflow,
  ReleaseError,
  release,
} from '../release.js';

const root = path.resolve(import.meta.dirname, '../..');
/** The name the workflows call our actions by (package.json `repository`). */
const ours = ourRepository(root);

describe('parseVersion', () => {
  it.each([
    ['v1.4.0', 'v1', [1, 4, 0]],
    ['v0.0.1', 'v0', [0, 0, 1]],
    ['v12.30.400', 'v12', [12, 30, 400]],
  ])('%s', (text, majorTag, numbers) => {
    expect(parseVersion(text)).toEqual({ tag: text, majorTag, numbers });
  });

  it.each(['1.4.0', 'v1', 'v1.4', 'v1.4.0-rc.1', 'v1.4.0 ', ' v1.4.0', 'v01.4.0', 'V1.4.0', 'v1.4.0\nv2.0.0', ''])(
    '%j is refused, naming the value and the expected form',
    (text) => {
      expect(() => parseVersion(text)).toThrow(ReleaseError);
      expect(() => parseVersion(text)).toThrow(
        `version: ${JSON.stringify(text)} is not a release version; give vX.Y.Z`,
      );
    },
  );
});

describe('changelogNotes', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '- next',
    '',
    '## [1.1.0] - 2026-12-01',
    '',
    '### Fixed',
    '',
    '- a fix',
    '',
    '## [1.0.0]',
    '### Added',
    '- everything',
    '',
    '[Unreleased]: https://example.com/compare/v1.1.0...HEAD',
    '[1.1.0]: https://example.com/releases/tag/v1.1.0',
    '',
  ].join('\n');

  it.each([
    ['v1.1.0', '### Fixed\n\n- a fix'],
    ['v1.0.0', '### Added\n- everything'],
  ])('%s: the section up to the next heading, without link definitions', (version, notes) => {
    expect(changelogNotes(changelog, parseVersion(version))).toBe(notes);
  });

  it('refuses a version with no section, and an empty section', () => {
    expect(() => changelogNotes(changelog, parseVersion('v1.2.0'))).toThrow(
      'CHANGELOG.md has no section for v1.2.0: add "## [1.2.0] - YYYY-MM-DD"',
    );
    expect(() => changelogNotes('## [1.0.10]\n- x\n## [1.0.1]\n\n', parseVersion('v1.0.1'))).toThrow(
      'the section "## [1.0.1]" is empty',
    );
    // 1.0.1 is not found inside 1.0.10 nor 1x0y1.
    expect(() => changelogNotes('## [1.0.10]\n- x\n## [1x0y1]\n- y\n', parseVersion('v1.0.1'))).toThrow(
      'no section for v1.0.1',
    );
  });

  it("this repository's CHANGELOG.md has the notes of v1.0.0", async () => {
    const notes = changelogNotes(await readFile(path.join(root, 'CHANGELOG.md'), 'utf8'), parseVersion('v1.0.0'));
    expect(notes).toMatch(/^### Added\n/);
    for (const action of ['headver', 'ecr-push', 'ecs-render-taskdef', 'ecs-deploy-wait', 'deploy-tag']) {
      expect(notes).toContain(`\`${action}\``);
    }
    expect(notes).not.toContain('[1.0.0]:');
  });
});

describe('pinWorkflow', () => {
  const v = parseVersion('v1.4.0');

  it.each([
    ['      - uses: ecs-actions/ecs-actions/deploy-tag@v1', '      - uses: ecs-actions/ecs-actions/deploy-tag@v1.4.0'],
    [
      '    uses: ecs-actions/ecs-actions/.github/workflows/deploy.yml@v1',
      '    uses: ecs-actions/ecs-actions/.github/workflows/deploy.yml@v1.4.0',
    ],
    [
      "  - uses: 'ecs-actions/ecs-actions/headver@v1' # ours",
      "  - uses: 'ecs-actions/ecs-actions/headver@v1.4.0' # ours",
    ],
    ['      - uses: ecs-actions/ecs-actions/headver@v1.4.0', '      - uses: ecs-actions/ecs-actions/headver@v1.4.0'],
  ])('%s', (line, pinned) => {
    expect(pinWorkflow(`${line}\n`, v, 'w.yml', ours).text).toBe(`${pinned}\n`);
  });

  it.each([
    ['      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0'],
    ['      - uses: ./actions/headver'],
    ['# calls ecs-actions/ecs-actions/deploy-tag@v1 to tag'],
    ['      - uses: other/ecs-actions/deploy-tag@v1'],
  ])('leaves %s alone', (line) => {
    expect(pinWorkflow(line, v, 'w.yml', ours)).toEqual({ text: line, pinned: 0 });
  });

  it.each([
    ['      - uses: ecs-actions/ecs-actions/deploy-tag@v2', 'w.yml:2 uses ecs-actions/ecs-actions/deploy-tag@v2'],
    ['      - uses: ecs-actions/ecs-actions/deploy-tag@main', 'w.yml:2 uses ecs-actions/ecs-actions/deploy-tag@main'],
    [
      '      - uses: ecs-actions/ecs-actions/deploy-tag@v1.3.0',
      'w.yml:2 uses ecs-actions/ecs-actions/deploy-tag@v1.3.0',
    ],
  ])('refuses a ref of ours that is not this release: %s', (line, message) => {
    expect(() => pinWorkflow(`jobs:\n${line}\n`, v, 'w.yml', ours)).toThrow(message);
  });

  it('refuses to release a repository whose workflows name another one (a fork not yet retargeted)', async () => {
    await expect(pinnedFiles(root, v, 'some-fork/not-retargeted')).rejects.toThrow(
      'no workflow calls some-fork/not-retargeted/…@v1: the workflows name another repository; run pnpm retarget some-fork/not-retargeted and commit before releasing',
    );
  });

  it("pins every ref of ours in this repository's reusable workflows, leaves the starter workflows at @v1, and changes nothing else", async () => {
    const files = await pinnedFiles(root, v, ours);
    expect(Object.keys(files).sort()).toEqual(['.github/workflows/build-push.yml', '.github/workflows/deploy.yml']);
    for (const [file, text] of Object.entries(files)) {
      const original = await readFile(path.join(root, file), 'utf8');
      for (const line of text.split('\n').filter((l) => l.includes(`${ours}/`)))
        expect(line).not.toMatch(/@v1(?![.\d])/);
      expect(text.replaceAll('@v1.4.0', '@v1')).toBe(original);
    }
  });
});

describe('release against the GitHub API', () => {
  const [OWNER = '', REPO = ''] = ours.split('/');
  const C1 = 'a'.repeat(40);
  const C2 = 'b'.repeat(40);
  const C3 = 'c'.repeat(40);
  /** A token with Contents and Workflows write, as RELEASE_TOKEN is; the simulator's default one is a GITHUB_TOKEN. */
  const RELEASE_TOKEN = 'ghs_release_token_with_workflows';
  let sim: Simulator;
  let fixture: string;

  beforeAll(async () => {
    sim = await startSimulator({});
    sim.github.seedRepository({ owner: OWNER, repo: REPO, commits: [C1, C2, C3], defaultBranch: 'master' });
    sim.github.addToken(RELEASE_TOKEN, 'write', { workflows: true });
    fixture = await mkdtemp(path.join(tmpdir(), 'release-root-'));
    await cp(path.join(root, '.github'), path.join(fixture, '.github'), { recursive: true });
    await writeFile(
      path.join(fixture, 'CHANGELOG.md'),
      '# Changelog\n\n## [Unreleased]\n\n## [1.1.0]\n\n- newer\n\n## [1.0.1]\n\n- a patch\n\n## [1.0.0]\n\n- first\n',
    );
  });

  afterAll(async () => {
    await sim?.close();
  });

  const api = (token = RELEASE_TOKEN) =>
    githubApi({ apiUrl: sim.env.GITHUB_API_URL, repository: `${OWNER}/${REPO}`, token });
  const run = (version: string, sha: string, force = false, token = RELEASE_TOKEN) =>
    release({ version, sha, force, root: fixture, repository: ours, api: api(token) });
  const tags = () => Object.fromEntries(sim.github.tags(OWNER, REPO).map((t) => [t.name, t.commit]));

  it('cannot tag the release commit with a GITHUB_TOKEN (no workflows permission), and says which token it needs', async () => {
    await expect(run('v1.0.0', C1, false, sim.env.GITHUB_TOKEN)).rejects.toThrow(
      'POST /repos/ecs-actions/ecs-actions/git/refs: 403 Resource not accessible by integration (RELEASE_TOKEN needs Contents and Workflows read and write on this repository; GitHub accepts contents=write; contents=write,workflows=write)',
    );
    expect(tags()).toEqual({});
    expect(sim.github.releases(OWNER, REPO)).toEqual([]);
  });

  it('releases v1.0.0: a release commit on the released one with pinned workflows, tagged, released, v1 moved', async () => {
    const result = await run('v1.0.0', C1);
    expect(tags()).toEqual({ 'v1.0.0': result.commit, v1: result.commit });
    const content = sim.github.commitContent(OWNER, REPO, result.commit);
    expect(content.parents).toEqual([C1]);
    expect(content.files['.github/workflows/deploy.yml']).toContain('ecs-actions/ecs-actions/ecs-deploy-wait@v1.0.0');
    // The starter workflows are not rewritten: consumers who copy them follow @v1.
    expect(Object.keys(content.files).filter((file) => file.includes('workflow-templates'))).toEqual([]);
    expect(sim.github.releases(OWNER, REPO)).toMatchObject([{ tagName: 'v1.0.0', name: 'v1.0.0', body: '- first' }]);
    // The version tag is annotated with the notes; v1 is a plain ref to the commit.
    expect(sim.github.tags(OWNER, REPO).map((t) => [t.name, t.type, t.message])).toEqual([
      ['v1', 'commit', undefined],
      ['v1.0.0', 'tag', 'v1.0.0\n\n- first\n'],
    ]);
  });

  it('moves a pushed vX.Y.Z tag from the released commit to its release commit', async () => {
    await api().request('POST', 'git/refs', { ref: 'refs/tags/v1.1.0', sha: C3 });
    const result = await run('v1.1.0', C3);
    expect(result.previous).toBe('v1.0.0');
    expect(tags()['v1.1.0']).toBe(result.commit);
    expect(tags().v1).toBe(result.commit);
  });

  it('refuses to move v1 back to a lower version unless forced, before writing anything', async () => {
    const before = JSON.stringify(sim.github.tags(OWNER, REPO));
    await expect(run('v1.0.1', C2)).rejects.toThrow(
      'v1 points at v1.1.0, a later version than v1.0.1: moving it back would downgrade every workflow at @v1; release with force',
    );
    expect(JSON.stringify(sim.github.tags(OWNER, REPO))).toBe(before);
    const forced = await run('v1.0.1', C2, true);
    expect(tags().v1).toBe(forced.commit);
  });

  it('refuses a version without CHANGELOG section, a released version, a taken tag, and refs of another major', async () => {
    await expect(run('v1.2.0', C3)).rejects.toThrow('CHANGELOG.md has no section for v1.2.0');
    await expect(run('v1.0.0', C1)).rejects.toThrow('v1.0.0 is already released');
    await writeFile(path.join(fixture, 'CHANGELOG.md'), '## [1.2.0]\n\n- more\n\n## [2.0.0]\n\n- major\n');
    await api().request('POST', 'git/refs', { ref: 'refs/tags/v1.2.0', sha: C1 });
    const before = tags();
    await expect(run('v1.2.0', C3)).rejects.toThrow(
      `tag v1.2.0 already points at ${C1}, not at the commit being released ${C3}`,
    );
    // A v2 release whose workflows still call @v1 would run another release's code.
    await expect(run('v2.0.0', C3)).rejects.toThrow(
      new RegExp(`\\.github/workflows/deploy\\.yml:\\d+ uses ${escapeRegExp(ours)}/ecs-deploy-wait@v1;`),
    );
    await expect(run('v2.0.0', C3)).rejects.toThrow('in a v2.0.0 release our actions and workflows are called at @v2');
    expect(tags()).toEqual(before);
    expect(sim.github.releases(OWNER, REPO).map((r) => r.tagName)).toEqual(['v1.0.0', 'v1.1.0', 'v1.0.1']);
  });

  it('refuses a commit that is not on the default branch unless forced, before writing anything', async () => {
    await writeFile(path.join(fixture, 'CHANGELOG.md'), '## [1.2.1]\n\n- from a branch\n');
    // A commit on another branch: made on C2 through the git data API, under refs/heads/feature.
    const tree = await api().request<{ sha: string }>('POST', 'git/trees', { tree: [] });
    const branch = await api().request<{ sha: string }>('POST', 'git/commits', {
      message: 'unreviewed',
      tree: tree?.sha,
      parents: [C2],
    });
    const sha = branch?.sha ?? '';
    await api().request('POST', 'git/refs', { ref: 'refs/heads/feature', sha });
    const before = tags();
    await expect(run('v1.2.1', sha)).rejects.toThrow(
      `commit ${sha} is not on the default branch master (it is diverged from master); merge it into master and release that commit, or release with force`,
    );
    expect(tags()).toEqual(before);
    const lines: string[] = [];
    const forced = await release({
      version: 'v1.2.1',
      sha,
      force: true,
      root: fixture,
      repository: ours,
      api: api(),
      log: (line) => lines.push(line),
    });
    expect(lines).toContain(
      `commit ${sha} is not on the default branch master (it is diverged from master): released anyway (force)`,
    );
    expect(tags().v1).toBe(forced.commit);
  });

  it('is run again after failing before the release: the tag on an earlier release commit of the same commit is moved', async () => {
    await writeFile(path.join(fixture, 'CHANGELOG.md'), '## [1.3.0]\n\n- resumed\n');
    const flaky = api();
    let failures = 1;
    const failing = {
      request: <T>(method: string, route: string, body?: object) => {
        if (method === 'POST' && route === 'releases' && failures-- > 0) throw new Error('502 Bad Gateway');
        return flaky.request<T>(method, route, body);
      },
    };
    await expect(
      release({ version: 'v1.3.0', sha: C3, force: false, root: fixture, repository: ours, api: failing }),
    ).rejects.toThrow('502 Bad Gateway');
    const first = tags()['v1.3.0'];
    expect(tags().v1).toBe(first);
    expect(sim.github.releases(OWNER, REPO).map((r) => r.tagName)).not.toContain('v1.3.0');

    const again = await run('v1.3.0', C3);
    expect(sim.github.commitContent(OWNER, REPO, again.commit).parents).toEqual([C3]);
    expect([tags()['v1.3.0'], tags().v1]).toEqual([again.commit, again.commit]);
    expect(sim.github.releases(OWNER, REPO).at(-1)).toMatchObject({ tagName: 'v1.3.0', body: '- resumed' });
  });
});
