import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../src/errors.js';
import { readInputFile, resolveInputPath } from '../src/workspace-path.js';

/** A job's directories: a workspace, RUNNER_TEMP, and a secret outside both. */
async function job() {
  const root = await mkdtemp(path.join(tmpdir(), 'workspace-path-'));
  const workspace = path.join(root, 'workspace');
  const temp = path.join(root, 'temp');
  const outside = path.join(root, 'outside');
  await Promise.all([workspace, temp, outside].map((dir) => mkdir(dir, { recursive: true })));
  await writeFile(path.join(outside, 'secret'), 'SECRET-CONTENT\n');
  await writeFile(path.join(workspace, 'td.json'), '{}');
  await writeFile(path.join(temp, 'rendered.json'), '{}');
  return { root, workspace, temp, outside };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('resolveInputPath', () => {
  it('resolves relative paths in the workspace, and absolute paths in any allowed root', async () => {
    const { workspace, temp } = await job();
    const roots = [
      { name: 'GITHUB_WORKSPACE', dir: workspace },
      { name: 'RUNNER_TEMP', dir: temp },
    ] as const;
    expect(resolveInputPath({ input: 'task-definition', value: 'td.json', roots })).toEqual({
      file: path.join(workspace, 'td.json'),
      shown: 'td.json',
    });
    expect(resolveInputPath({ input: 'x', value: path.join(temp, 'rendered.json'), roots }).file).toBe(
      path.join(temp, 'rendered.json'),
    );
    // A file that does not exist yet (an output) resolves too.
    expect(resolveInputPath({ input: 'x', value: 'out/new.json', roots }).shown).toBe('out/new.json');
  });

  it.each([
    ['../outside/secret', 'outside/secret'],
    ['/etc/passwd', '/etc/passwd'],
  ])('refuses %s, naming the input, the value and the fix', async (value, resolvedTail) => {
    const { workspace } = await job();
    const message = refusal(() =>
      resolveInputPath({ input: 'head-file', value, roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }] }),
    );
    expect(message).toContain(
      `Input "head-file" must name a path inside GITHUB_WORKSPACE (${workspace}); got "${value}"`,
    );
    expect(message).toContain(resolvedTail);
    expect(message).toContain('Give a path relative to the repository root');
  });

  it('refuses a symbolic link that points out of the workspace, also a dangling one', async () => {
    const { workspace, outside } = await job();
    await symlink(path.join(outside, 'secret'), path.join(workspace, 'link'));
    await symlink(path.join(outside, 'not-yet'), path.join(workspace, 'dangling'));
    await symlink(outside, path.join(workspace, 'dir-link'));
    const roots = [{ name: 'GITHUB_WORKSPACE', dir: workspace }] as const;
    for (const value of ['link', 'dangling', 'dir-link/secret', 'dir-link/new.json']) {
      const message = refusal(() => resolveInputPath({ input: 'output-file', value, roots }));
      expect(message).toContain('(following symbolic links)');
      expect(message).not.toContain('SECRET-CONTENT');
    }
  });

  it('accepts a symbolic link that stays inside', async () => {
    const { workspace } = await job();
    await symlink(path.join(workspace, 'td.json'), path.join(workspace, 'current.json'));
    const resolved = resolveInputPath({
      input: 'task-definition',
      value: 'current.json',
      roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
    });
    expect(resolved.file).toBe(path.join(workspace, 'td.json'));
  });
});

describe('readInputFile', () => {
  it('reads, and refuses a directory, a missing file and an oversized one without showing content', async () => {
    const { workspace } = await job();
    await writeFile(path.join(workspace, 'big.json'), 'SECRET-CONTENT'.repeat(100));
    const roots = [{ name: 'GITHUB_WORKSPACE', dir: workspace }] as const;
    const read = (value: string) =>
      readInputFile('task-definition', resolveInputPath({ input: 'task-definition', value, roots }), {
        maxBytes: 1000,
        missingHint: 'Check the path.',
      });
    expect(read('td.json')).toBe('{}');
    expect(refusal(() => read('.'))).toBe('Input "task-definition": "." is a directory. Point it at the file.');
    expect(refusal(() => read('missing.json'))).toContain(
      'Input "task-definition": the file "missing.json" does not exist',
    );
    const big = refusal(() => read('big.json'));
    expect(big).toBe(
      'Input "task-definition": "big.json" is 1400 bytes, more than the 1000 bytes this input reads. Point it at the right file.',
    );
  });
});
