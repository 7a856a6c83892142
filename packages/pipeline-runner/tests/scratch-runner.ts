/** A PipelineRunner over a scratch directory of workflow files, for the runner's own tests (no simulator). */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PipelineRunner, type PipelineRunnerOptions } from '../src/index.js';

/** `files` written to a new root (with a package.json naming our repository); `options` over the defaults. */
export async function scratchRunner(
  files: Record<string, string>,
  options: Partial<PipelineRunnerOptions> = {},
): Promise<{ runner: PipelineRunner; root: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'runner-root-'));
  // The name our own actions and workflows are published under (see our-repository.ts).
  const manifest = { repository: { type: 'git', url: 'https://github.com/ecs-actions/ecs-actions.git' } };
  for (const [name, text] of Object.entries({ 'package.json': JSON.stringify(manifest), ...files })) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  const runner = new PipelineRunner({
    root,
    owner: 'octo-org',
    repo: 'octo-app',
    appRepoDir: root,
    apiUrl: 'http://127.0.0.1:9',
    // A job's token names its permissions, so a test sees which it was given.
    issueToken: (permissions) =>
      `token(${Object.entries(permissions)
        .map(([scope, level]) => `${scope}:${level}`)
        .join(',')})`,
    aws: { accountId: '123456789012', credentials: {} },
    uploadArtifact: () => {},
    ...options,
  });
  return { runner, root };
}
