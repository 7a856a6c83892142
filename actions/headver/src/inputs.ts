import { ConfigurationError, type InputReader, invalidInput, parseInteger } from '@ecs-actions/core';
import { type DateSpec, isTimeZone, parseDateSpec, sanitizeSuffix } from './headver.js';

export interface HeadverInputs {
  /** The explicit head, or undefined to read `headFile`. */
  head: number | undefined;
  headFile: string;
  build: { value: number; from: 'input' | 'GITHUB_RUN_NUMBER' };
  /** undefined: now. */
  date: DateSpec | undefined;
  dateText: string | undefined;
  timeZone: string;
  suffix: string;
}

export function readHeadverInputs(input: InputReader, env: NodeJS.ProcessEnv = process.env): HeadverInputs {
  const head = input.integer('head', { min: 0 });
  const headFile = input.string('head-file', '.headver');

  const buildText = input.raw('build');
  let build: HeadverInputs['build'];
  if (buildText) {
    build = { value: parseInteger('build', buildText, { min: 0 }), from: 'input' };
  } else if (env.GITHUB_RUN_NUMBER) {
    build = { value: parseInteger('build', env.GITHUB_RUN_NUMBER, { min: 0 }), from: 'GITHUB_RUN_NUMBER' };
  } else {
    throw new ConfigurationError(
      'Input "build" is empty and GITHUB_RUN_NUMBER is not set. Set build: to the CI build number, e.g. build: ${{ github.run_number }}.',
    );
  }

  const dateText = input.optionalString('date');
  const date = dateText === undefined ? undefined : parseDateSpec(dateText);
  if (dateText !== undefined && date === undefined) {
    throw invalidInput(
      'date',
      dateText,
      'must be an ISO-8601 date or date-time',
      'Use e.g. 2025-10-06, 2025-10-06T09:30:00 or 2025-10-06T09:30:00+09:00, or leave it empty for now.',
    );
  }

  const timeZone = input.string('timezone', 'UTC');
  if (!isTimeZone(timeZone)) {
    throw invalidInput('timezone', timeZone, 'must be an IANA time zone', 'Use e.g. UTC, Asia/Seoul or Europe/Berlin.');
  }

  return { head, headFile, build, date, dateText, timeZone, suffix: sanitizeSuffix(input.string('suffix')) };
}
