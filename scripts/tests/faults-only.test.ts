/**
 * `pnpm test:faults --only TEXT` with a TEXT that names no cell (not from its path and scenario on) fails naming the
 * form, instead of running nothing and reporting "0 of 0 runs broke an invariant" with exit 0.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';

const exec = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

describe('pnpm test:faults --only', () => {
  it('a text that is not a cell name from its path and scenario on: exit 1, the form named, nothing run', async () => {
    const run = exec(
      path.join(root, 'node_modules/.bin/tsx'),
      ['scripts/faults/index.ts', '--only', 'hang ecs:DescribeServices#2'],
      {
        cwd: root,
        timeout: 60_000,
      },
    );
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'no cell is named "hang ecs:DescribeServices#2". --only takes a cell\'s name from its path and scenario on, e.g. "rolling crash hang ecs:DescribeServices#1"',
      ),
      stdout: expect.not.stringContaining('runs broke an invariant'),
    });
  }, 90_000);
});
