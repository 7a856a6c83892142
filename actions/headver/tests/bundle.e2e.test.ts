import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';
import { describe, expect, it } from '@jest/globals';

const bundle = path.resolve(import.meta.dirname, '../dist/index.js');

describe('headver bundle, run as the runner runs it', () => {
  it('writes every output, a notice and the summary', async () => {
    const run = await runBundle({
      bundle,
      inputs: { head: '1', build: '789', suffix: 'qa', date: '2020-01-01', timezone: 'UTC', 'head-file': '.headver' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toEqual({
      version: '1.2001.789+qa',
      head: '1',
      yearweek: '2001',
      build: '789',
      suffix: 'qa',
      'image-tag': '1.2001.789-qa',
      json: JSON.stringify({
        version: '1.2001.789+qa',
        head: 1,
        yearweek: '2001',
        build: 789,
        suffix: 'qa',
        'image-tag': '1.2001.789-qa',
      }),
    });
    expect(run.notices).toEqual(['HeadVer 1.2001.789+qa']);
    expect(run.summary).toContain('### HeadVer `1.2001.789+qa`');
    expect(run.summary).toContain('| yearweek | `2001` | 2020-01-01 in UTC (date 2020-01-01): ISO week 1 of 2020 |');
    expect(run.errors).toEqual([]);
  });

  it('reads the head file from the workspace and the build from GITHUB_RUN_NUMBER', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'headver-ws-'));
    await writeFile(path.join(workspace, '.headver'), '2\n');
    const run = await runBundle({
      bundle,
      inputs: { date: '2025-12-29T01:00:00+09:00', timezone: 'Asia/Seoul', 'head-file': '.headver' },
      env: { GITHUB_RUN_NUMBER: '135' },
      workspace,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.version).toBe('2.2601.135');
    expect(run.outputs['image-tag']).toBe('2.2601.135');
  });

  it('warns when no head is set', async () => {
    const run = await runBundle({ bundle, inputs: { date: '2025-10-06' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.version).toBe('0.2541.135');
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('The HeadVer head is not set');
  });

  it('refuses a head file outside the workspace without printing its content', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'headver-job-'));
    const workspace = path.join(root, 'workspace');
    await mkdir(workspace);
    await writeFile(path.join(root, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    const run = await runBundle({ bundle, inputs: { 'head-file': '../passwd', date: '2025-10-06' }, workspace });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('Input "head-file" must name a path inside GITHUB_WORKSPACE');
    expect(run.log).not.toContain('root:x');
    expect(run.outputs).toEqual({});
  });

  it('refuses a suffix that makes the image tag too long, once, with no outputs', async () => {
    const run = await runBundle({
      bundle,
      inputs: { head: '1', build: '789', date: '2020-01-01', suffix: 'x'.repeat(200) },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      'Input "suffix" makes the image tag 211 characters long; Docker and ECR tags allow at most 128. Shorten the suffix to at most 117 characters (the rest of the tag, 1.2001.789-, takes 11).',
    ]);
    expect(run.outputs).toEqual({});
  });

  it('fails once on bad input and writes no outputs', async () => {
    const run = await runBundle({ bundle, inputs: { head: '1', timezone: 'Mars/Olympus' } });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      'Input "timezone" must be an IANA time zone; got "Mars/Olympus". Use e.g. UTC, Asia/Seoul or Europe/Berlin.',
    ]);
    expect(run.outputs).toEqual({});
    expect(run.summary).toBe('');
    expect(run.log).not.toContain('    at ');
  });
});
