/**
 * Bundles every action with @vercel/ncc into `actions/<name>/dist/` (index.js, chunks, licences).
 *   tsx scripts/build.ts            rebuild the committed bundles
 *   tsx scripts/build.ts --check    rebuild into a temporary folder and fail when the committed dist/ differs
 *   tsx scripts/build.ts headver    only the named actions
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

export async function listActions(): Promise<string[]> {
  const entries = await readdir(path.join(root, 'actions'), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'actions', entry.name, 'src', 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

async function bundle(action: string, outDir: string): Promise<void> {
  const cwd = path.join(root, 'actions', action);
  await rm(outDir, { recursive: true, force: true });
  await run(process.execPath, [ncc, 'build', 'src/index.ts', '-o', outDir, '--license', 'licenses.txt', '--quiet'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function filesIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The files that differ between two dist folders, by name. */
async function compare(committed: string, rebuilt: string): Promise<string[]> {
  const [a, b] = await Promise.all([filesIn(committed), filesIn(rebuilt)]);
  const differing: string[] = [];
  for (const file of new Set([...a, ...b])) {
    if (!a.includes(file)) differing.push(`${file} (missing from the committed dist/)`);
    else if (!b.includes(file)) differing.push(`${file} (not produced by the build any more)`);
    else {
      const [x, y] = await Promise.all([readFile(path.join(committed, file)), readFile(path.join(rebuilt, file))]);
      if (!x.equals(y)) differing.push(`${file} (content differs)`);
    }
  }
  return differing;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const named = args.filter((arg) => !arg.startsWith('--'));
  const actions = named.length > 0 ? named : await listActions();
  const scratch = check ? await mkdtemp(path.join(tmpdir(), 'ecs-actions-dist-')) : '';
  const problems: string[] = [];
  // Two at a time: the machines here have two cores.
  for (let i = 0; i < actions.length; i += 2) {
    await Promise.all(
      actions.slice(i, i + 2).map(async (action) => {
        const committed = path.join(root, 'actions', action, 'dist');
        const out = check ? path.join(scratch, action) : committed;
        await bundle(action, out);
        if (check) {
          for (const file of await compare(committed, out)) problems.push(`actions/${action}/dist/${file}`);
        }
        console.log(`${check ? 'checked' : 'built'} actions/${action}/dist`);
      }),
    );
  }
  if (scratch) await rm(scratch, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(`The committed dist/ differs from a fresh build:\n  ${problems.join('\n  ')}`);
    console.error('Run `pnpm build` and commit every file under actions/*/dist/.');
    process.exit(1);
  }
}

await main();
