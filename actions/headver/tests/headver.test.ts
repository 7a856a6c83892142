import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, InputReader, inputsFrom, ManualClock } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import {
  dateInZoneIntl,
  formatVersion,
  imageTag,
  isTimeZone,
  parseDateSpec,
  sanitizeSuffix,
  yearweek,
} from '../src/headver.js';
import { readHeadverInputs } from '../src/inputs.js';
import { computeHeadver } from '../src/main.js';

const dateOf = (text: string) => {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** Reads inputs and computes, as the entry does, in a workspace of its own. */
async function headver(
  inputs: Record<string, string>,
  options: {
    env?: NodeJS.ProcessEnv;
    files?: Record<string, string>;
    links?: Record<string, string>;
    now?: number;
  } = {},
) {
  const workspace = await mkdtemp(path.join(tmpdir(), 'headver-'));
  for (const [name, content] of Object.entries(options.files ?? {})) {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), content);
  }
  for (const [name, target] of Object.entries(options.links ?? {})) await symlink(target, path.join(workspace, name));
  const parsed = readHeadverInputs(new InputReader(inputsFrom(inputs)), options.env ?? { GITHUB_RUN_NUMBER: '135' });
  // Jest gives tests a copy of process.env, so the TZ-based fast path cannot work in here: the Intl reference
  // stands in, and the test below checks in a real process that the two agree.
  return computeHeadver(parsed, {
    clock: new ManualClock(options.now ?? Date.UTC(2025, 9, 6, 9)),
    workspace,
    zoneDate: dateInZoneIntl,
  });
}

async function configurationError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('yearweek: ISO-8601 week-based year and week (the vectors of HeadVer and pipeline.md)', () => {
  it.each([
    ['2012-01-01', '1152'],
    ['2018-01-01', '1801'],
    ['2018-01-07', '1801'],
    ['2019-01-01', '1901'],
    ['2015-01-01', '1501'],
    ['2010-01-01', '0953'],
    ['2018-12-31', '1901'],
    ['2009-12-31', '0953'],
    ['2011-12-31', '1152'],
    ['2017-12-31', '1752'],
    ['2015-12-31', '1553'],
    ['2016-01-01', '1553'],
    ['2016-12-31', '1652'],
    ['2019-12-31', '2001'],
    ['2023-06-08', '2323'],
    ['2024-12-30', '2501'],
    ['2020-12-31', '2053'],
    ['2021-01-03', '2053'],
    ['2021-01-04', '2101'],
    ['2000-01-01', '9952'],
    ['2099-12-31', '9953'],
  ])('%s → %s', (date, expected) => expect(yearweek(dateOf(date))).toBe(expected));
});

describe('the week is counted in the time zone', () => {
  it.each([
    // Monday 2025-12-29 01:00 in Seoul is still Sunday 2025-12-28 in UTC.
    ['2025-12-28T16:00:00Z', 'Asia/Seoul', '2601'],
    ['2025-12-28T16:00:00Z', 'UTC', '2552'],
    ['2025-12-29T01:00:00+09:00', 'UTC', '2552'],
    ['2025-12-29T01:00:00+09:00', 'Asia/Seoul', '2601'],
    ['2025-12-29T01:00', 'UTC', '2601'],
    ['2025-12-29', 'America/Los_Angeles', '2601'],
    ['2025-01-06T03:00:00Z', 'America/Los_Angeles', '2501'],
    ['2025-01-06T08:00:00Z', 'America/Los_Angeles', '2502'],
  ])('date %s in %s → %s', async (date, timezone, expected) => {
    expect((await headver({ head: '0', date, timezone })).yearweek).toBe(expected);
  });

  it('uses the clock when no date is given', async () => {
    const now = Date.UTC(2025, 11, 28, 16, 0); // Sunday 16:00 UTC, Monday 01:00 in Seoul
    expect((await headver({ head: '0', timezone: 'Asia/Seoul' }, { now })).yearweek).toBe('2601');
    expect((await headver({ head: '0' }, { now })).yearweek).toBe('2552');
  });
});

describe('versions', () => {
  it.each([
    [{ head: '1', build: '789', suffix: 'qa', date: '2020-01-01' }, '1.2001.789+qa', '1.2001.789-qa'],
    [{ head: '3', build: '17', date: '2024-12-30' }, '3.2501.17', '3.2501.17'],
    [{ head: '0', date: '2025-10-06' }, '0.2541.135', '0.2541.135'],
    [
      { head: '2', build: '0', suffix: 'feature/login x', date: '2025-10-06' },
      '2.2541.0+feature-login-x',
      '2.2541.0-feature-login-x',
    ],
    [{ head: '0', build: '5', suffix: 'rc.1', date: '2025-10-06' }, '0.2541.5+rc.1', '0.2541.5-rc.1'],
  ])('%j → %s (image tag %s)', async (inputs, version, tag) => {
    const result = await headver(inputs);
    expect(result.version).toBe(version);
    expect(result.imageTag).toBe(tag);
    expect(result.imageTag).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
  });

  it('formats and sanitises', () => {
    expect(formatVersion({ head: 1, yearweek: '2001', build: 789, suffix: 'qa' })).toBe('1.2001.789+qa');
    expect(sanitizeSuffix('a_b+c/d')).toBe('a-b-c-d');
    expect(imageTag('1.2001.789+qa')).toBe('1.2001.789-qa');
  });

  it('takes the build from GITHUB_RUN_NUMBER by default', async () => {
    const result = await headver({ head: '0', date: '2025-10-06' }, { env: { GITHUB_RUN_NUMBER: '42' } });
    expect(result.build).toBe(42);
    expect(result.sources.build).toBe('GITHUB_RUN_NUMBER');
  });
});

describe('the head', () => {
  it('prefers the input over the file', async () => {
    const result = await headver({ head: '4', date: '2025-10-06' }, { files: { '.headver': '7\n' } });
    expect(result.head).toBe(4);
    expect(result.sources.head).toBe('input head');
  });

  it.each([
    [{ '.headver': '7\n' }, {}, 7, 'file .headver'],
    [{ '.headver': ' 12 \r\nnotes below\n' }, {}, 12, 'file .headver'],
    [{ 'config/head.txt': '3' }, { 'head-file': 'config/head.txt' }, 3, 'file config/head.txt'],
  ])('reads the first line of the head file %j', async (files, inputs, head, from) => {
    const result = await headver({ date: '2025-10-06', ...inputs }, { files });
    expect(result.head).toBe(head);
    expect(result.sources.head).toBe(from);
    expect(result.warning).toBeUndefined();
  });

  it('is 0 with a warning when neither the input nor the file is set', async () => {
    const result = await headver({ date: '2025-10-06' });
    expect(result.head).toBe(0);
    expect(result.version).toBe('0.2541.135');
    expect(result.warning).toContain('The HeadVer head is not set');
    expect(result.warning).toContain('.headver');
  });
});

describe('bad input fails with one line naming the input', () => {
  it.each([
    [{ head: '-1' }, {}, 'Input "head" must be a non-negative integer; got "-1".'],
    [{ head: 'two' }, {}, 'Input "head" must be a non-negative integer; got "two".'],
    [{ head: '1', build: '-5' }, {}, 'Input "build" must be a non-negative integer; got "-5".'],
    [{ head: '1', build: '1e3' }, {}, 'Input "build" must be a non-negative integer; got "1e3".'],
    [{ head: '1', date: 'yesterday' }, {}, 'Input "date" must be an ISO-8601 date or date-time; got "yesterday".'],
    [{ head: '1', date: '2025-02-30' }, {}, 'Input "date" must be an ISO-8601 date or date-time; got "2025-02-30".'],
    [{ head: '1', date: '2025-10-06T25:00' }, {}, 'Input "date" must be an ISO-8601 date or date-time'],
    [{ head: '1', timezone: 'Mars/Olympus' }, {}, 'Input "timezone" must be an IANA time zone; got "Mars/Olympus".'],
    [{}, { '.headver': 'v2\n' }, 'Input "head-file": the first line of .headver must be a non-negative integer'],
    [{}, { '.headver': '' }, 'Input "head-file": the first line of .headver must be a non-negative integer'],
    [{ 'head-file': 'dir' }, { 'dir/x': '1' }, 'Input "head-file": "dir" is a directory. Point it at the file.'],
  ])('%j with files %j', async (inputs, files, expected) => {
    expect(await configurationError(headver({ date: '2025-10-06', ...inputs }, { files }))).toContain(expected);
  });

  it('refuses a suffix that makes the image tag longer than the 128 characters Docker and ECR allow', async () => {
    // 1.2541.135- is 11 characters: 117 characters of suffix fit, 118 do not.
    const fits = await headver({ head: '1', date: '2025-10-06', suffix: 'q'.repeat(117) });
    expect(fits.imageTag).toHaveLength(128);
    const message = await configurationError(headver({ head: '1', date: '2025-10-06', suffix: 'q'.repeat(118) }));
    expect(message).toBe(
      'Input "suffix" makes the image tag 129 characters long; Docker and ECR tags allow at most 128. Shorten the suffix to at most 117 characters (the rest of the tag, 1.2541.135-, takes 11).',
    );
  });

  it('reads the head file only inside the workspace, and never shows its content', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'headver-outside-'));
    await writeFile(path.join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    const relative = await configurationError(
      headver({ date: '2025-10-06', 'head-file': path.join('..', path.basename(outside), 'passwd') }),
    );
    expect(relative).toContain('Input "head-file" must name a path inside GITHUB_WORKSPACE');
    expect(relative).not.toContain('root:x');
    const absolute = await configurationError(headver({ date: '2025-10-06', 'head-file': '/etc/passwd' }));
    expect(absolute).toContain('Input "head-file" must name a path inside GITHUB_WORKSPACE');
    expect(absolute).not.toContain('root:');
  });

  it('refuses a head file that is a symbolic link out of the workspace', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'headver-outside-'));
    await writeFile(path.join(outside, 'secret'), 'SECRET-CONTENT\n');
    const message = await configurationError(
      headver({ date: '2025-10-06' }, { links: { '.headver': path.join(outside, 'secret') } }),
    );
    expect(message).toContain('(following symbolic links)');
    expect(message).not.toContain('SECRET-CONTENT');
  });

  it('does not echo a head file that is not a number', async () => {
    const message = await configurationError(headver({ date: '2025-10-06' }, { files: { '.headver': 'hunter2\n' } }));
    expect(message).toBe(
      'Input "head-file": the first line of .headver must be a non-negative integer (the HeadVer head), and it is not. Write just the number, e.g. 0.',
    );
  });

  it('needs a build number from somewhere', async () => {
    expect(await configurationError(headver({ head: '0' }, { env: {} }))).toContain(
      'Input "build" is empty and GITHUB_RUN_NUMBER is not set',
    );
  });
});

describe('parseDateSpec', () => {
  it.each([
    ['2025-10-06', { kind: 'date', date: { year: 2025, month: 10, day: 6 } }],
    ['2025-10-06T09:30:00', { kind: 'date', date: { year: 2025, month: 10, day: 6 } }],
    ['2025-10-06T09:30:00Z', { kind: 'instant', instantMs: Date.UTC(2025, 9, 6, 9, 30) }],
    ['2025-10-06T09:30:00.123+09:00', { kind: 'instant', instantMs: Date.UTC(2025, 9, 6, 0, 30) }],
    ['2025-10-06T09:30+0530', { kind: 'instant', instantMs: Date.UTC(2025, 9, 6, 4, 0) }],
    ['2024-02-29', { kind: 'date', date: { year: 2024, month: 2, day: 29 } }],
    ['2023-02-29', undefined],
    ['06/10/2025', undefined],
  ])('%s', (text, expected) => expect(parseDateSpec(text)).toEqual(expected));
});

describe('dateInZone (through TZ) agrees with Intl, in a real process', () => {
  const zones = [
    'UTC',
    'Asia/Seoul',
    'America/Los_Angeles',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'US/Pacific',
    'Asia/Calcutta',
  ];

  it('over every 45 minutes around a year boundary, in 9 zones', () => {
    const script = `
      import { dateInZone, dateInZoneIntl, isTimeZone } from './src/headver.ts';
      const out = [];
      for (const zone of ${JSON.stringify(zones)}) {
        if (!isTimeZone(zone)) out.push(zone + ' not a zone');
        for (let ms = Date.UTC(2024, 11, 28); ms < Date.UTC(2025, 0, 3); ms += 45 * 60_000) {
          const fast = JSON.stringify(dateInZone(ms, zone));
          const reference = JSON.stringify(dateInZoneIntl(ms, zone));
          if (fast !== reference) out.push(zone + ' ' + new Date(ms).toISOString() + ' ' + fast + ' != ' + reference);
        }
      }
      if (process.env.TZ !== 'Europe/Berlin') out.push('TZ not restored: ' + process.env.TZ);
      console.log(JSON.stringify(out));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, TZ: 'Europe/Berlin' },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual([]);
  });

  it.each(['Mars/Olympus', 'utc+9', ''])('rejects %j', (timeZone) => expect(isTimeZone(timeZone)).toBe(false));
});
