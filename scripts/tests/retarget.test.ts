/**
 * `pnpm retarget <owner>/<repo>` on a copy of this repository's tracked files: every reference to our actions and
 * workflows is rewritten, nothing stale is left, and it can be run again.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { ourRepository } from '../../packages/pipeline-runner/src/our-repository.js';
import { retarget } from '../retarget.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
let copy: string;
let files: string[];

beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'ecs-actions-retarget-'));
  const { stdout } = await run('git', ['ls-files', '-z'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  files = stdout.split('\0').filter((file) => file && !/(^|\/)dist\//.test(file));
  for (const file of files) {
    await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
    await copyFile(path.join(root, file), path.join(copy, file));
  }
  await run('git', ['init', '-q'], { cwd: copy });
  await run('git', ['add', '-A'], { cwd: copy });
}, 60_000);

afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

/** Files of the copy that still contain `text`, besides the retarget script and this test. */
async function filesContaining(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    // This test names the old names; our-repository.ts defines the docs' placeholder.
    if (/(retarget\.test|our-repository)\.ts$/.test(file)) continue;
    if ((await readFile(path.join(copy, file), 'utf8')).includes(text)) found.push(file);
  }
  return found;
}

function usesOf(text: string): string[] {
  const workflow = parse(text) as { jobs: Record<string, { uses?: string; steps?: { uses?: string }[] }> };
  return Object.values(workflow.jobs)
    .flatMap((job) => [job.uses, ...(job.steps ?? []).map((s) => s.uses)])
    .filter((uses): uses is string => typeof uses === 'string');
}

describe('pnpm retarget', () => {
  it('rewrites every reference to the new owner/repo and leaves nothing stale', async () => {
    expect(ourRepository(copy)).toBe('ecs-actions/ecs-actions');
    const changed = await retarget(copy, 'acme/deploy-kit');
    expect(changed).toEqual(
      expect.arrayContaining([
        '.github/workflows/deploy.yml',
        '.github/workflows/build-push.yml',
        '.github/workflow-templates/ecs-cd.yml',
        '.github/workflow-templates/ecs-ci.yml',
        'README.md',
        'package.json',
      ]),
    );
    expect(ourRepository(copy)).toBe('acme/deploy-kit');
    for (const stale of ['ecs-actions/ecs-actions', 'ecs-actions\\/ecs-actions', '<owner>/ecs-actions', '<org>/']) {
      expect([stale, await filesContaining(stale)]).toEqual([stale, []]);
    }
    const deploy = await readFile(path.join(copy, '.github/workflows/deploy.yml'), 'utf8');
    const ours = usesOf(deploy).filter((uses) => !/^(actions|aws-actions)\//.test(uses));
    expect(ours.length).toBeGreaterThan(0);
    for (const uses of ours) expect(uses).toMatch(/^acme\/deploy-kit\/[a-z-]+@v1$/);
    const cd = await readFile(path.join(copy, '.github/workflow-templates/ecs-cd.yml'), 'utf8');
    expect(usesOf(cd)).toEqual(['acme/deploy-kit/.github/workflows/deploy.yml@v1']);
    expect(await readFile(path.join(copy, 'README.md'), 'utf8')).toContain('uses: acme/deploy-kit/headver@v1');
  });

  it('runs again from the new name (a fork of a fork)', async () => {
    await retarget(copy, 'other-org/ecs.deploy');
    expect(ourRepository(copy)).toBe('other-org/ecs.deploy');
    expect(await filesContaining('acme/deploy-kit')).toEqual([]);
    expect(await readFile(path.join(copy, '.github/workflows/deploy.yml'), 'utf8')).toContain(
      'uses: other-org/ecs.deploy/ecs-deploy-wait@v1',
    );
  });

  it.each(['acme', 'acme/deploy kit', '-acme/x', 'acme/..', 'acme/x/y', 'ac--me/x', ''])(
    'refuses %j, naming the form it wants, and writes nothing',
    async (target) => {
      const before = await readFile(path.join(copy, 'package.json'), 'utf8');
      await expect(retarget(copy, target)).rejects.toThrow('The new name must be <owner>/<repo> as GitHub spells it');
      expect(await readFile(path.join(copy, 'package.json'), 'utf8')).toBe(before);
    },
  );
});
