/**
 * Publishes this repository under another name: rewrites every reference to our actions and reusable workflows
 * (`<owner>/<repo>/<action>@v1`, `.../.github/workflows/deploy.yml@v1`, the root `<owner>/<repo>@v1`) in the
 * workflows, starter workflows, READMEs, docs and tests, and the `repository` of package.json.
 *   pnpm retarget octo-corp/ecs-deploy
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { DOCS_PLACEHOLDER, escapeRegExp, ourRepository } from '../packages/pipeline-runner/src/our-repository.js';

const run = promisify(execFile);

/** GitHub's rules: an owner is 1-39 letters, digits and single hyphens; a repository name 1-100 of [A-Za-z0-9._-]. */
const TARGET = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
/** Generated or not ours to rewrite; the test names the old names on purpose. */
const SKIPPED = [/(^|\/)dist\//, /^pnpm-lock\.yaml$/, /^scripts\/tests\/retarget\.test\.ts$/];

export async function retarget(root: string, target: string): Promise<string[]> {
  if (!TARGET.test(target)) {
    throw new Error(
      `The new name must be <owner>/<repo> as GitHub spells it (e.g. octo-corp/ecs-deploy); got ${JSON.stringify(target)}.`,
    );
  }
  const from = ourRepository(root);
  // A name followed by "/" (an action or workflow path), "@" (a ref) or ".git" (package.json), not inside a longer name.
  const reference = new RegExp(
    `(?<![\\w.-])(?:${escapeRegExp(from)}|${escapeRegExp(DOCS_PLACEHOLDER)})(?=/|@|\\.git\\b)`,
    'g',
  );
  const { stdout } = await run('git', ['ls-files', '-z'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  const changed: string[] = [];
  for (const file of stdout.split('\0').filter(Boolean)) {
    if (SKIPPED.some((pattern) => pattern.test(file))) continue;
    const full = path.join(root, file);
    const text = await readFile(full, 'utf8').catch(() => undefined);
    if (text === undefined || text.includes('\0')) continue;
    const next = text.replace(reference, target);
    if (next !== text) {
      await writeFile(full, next);
      changed.push(file);
    }
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, '..');
  const target = process.argv[2] ?? '';
  try {
    const from = ourRepository(root);
    const changed = await retarget(root, target);
    console.log(
      `Retargeted ${from} → ${target} in ${changed.length} files:\n${changed.map((f) => `  ${f}`).join('\n')}`,
    );
    console.log('Review with git diff, commit, then push the repository as', target);
  } catch (error) {
    console.error(`pnpm retarget: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
