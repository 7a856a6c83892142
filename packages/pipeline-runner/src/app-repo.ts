/**
 * A local application repository for the pipeline to check out: a git repository in a temporary directory with a
 * Dockerfile (FROM scratch), `.headver`, and `.aws/task-definition.json` (the seed's task definition, moved to
 * the simulator's account and region), as a team adopting the starter workflows would have it.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface AppRepo {
  dir: string;
  /** Commits on master, oldest first. */
  commits(): Promise<string[]>;
  head(): Promise<string>;
  /**
   * Writes files and commits them on master; returns the new commit. Those named in `executable` are committed
   * with mode 100755 (a `gradlew`, say).
   */
  commit(message: string, files: Record<string, string>, executable?: readonly string[]): Promise<string>;
}

/** A copy of ../shared/fixtures/seed-task-definition.json, the task definition the original pipeline kept in git. */
export const SEED_TASK_DEFINITION = fileURLToPath(new URL('../fixtures/seed-task-definition.json', import.meta.url));

/** The seed's task definition with its account and region replaced by the simulator's. */
export async function adaptedTaskDefinition(
  accountId: string,
  region: string,
  seedFile: string = SEED_TASK_DEFINITION,
): Promise<Record<string, unknown>> {
  const text = (await readFile(seedFile, 'utf8'))
    .replaceAll('949653644001', accountId)
    .replaceAll('ap-northeast-2', region);
  return JSON.parse(text) as Record<string, unknown>;
}

export async function createAppRepo(options: {
  taskDefinition: Record<string, unknown>;
  head?: string;
  workflows?: Record<string, string>;
}): Promise<AppRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ecs-app-repo-'));
  const git = async (...args: string[]) =>
    (
      await exec('git', args, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Octo Dev',
          GIT_AUTHOR_EMAIL: 'dev@example.com',
          GIT_COMMITTER_NAME: 'Octo Dev',
          GIT_COMMITTER_EMAIL: 'dev@example.com',
        },
      })
    ).stdout.trim();
  await git('init', '--quiet', '--initial-branch=master');
  const repo: AppRepo = {
    dir,
    commits: async () => (await git('rev-list', '--reverse', 'master')).split('\n').filter(Boolean),
    head: () => git('rev-parse', 'master'),
    async commit(message, files, executable = []) {
      for (const [name, content] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await writeFile(path.join(dir, name), content);
        if (executable.includes(name)) await chmod(path.join(dir, name), 0o755);
        await git('add', '--', name);
      }
      await git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
  };
  await repo.commit('Initial commit: the app, its Dockerfile and task definition', {
    Dockerfile: 'FROM scratch\nCOPY app.txt /app.txt\nLABEL org.example.app="octo-app"\n',
    'app.txt': 'octo-app v1\n',
    '.headver': `${options.head ?? '0'}\n`,
    '.aws/task-definition.json': `${JSON.stringify(options.taskDefinition, null, 2)}\n`,
    ...options.workflows,
  });
  return repo;
}
