import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Clock, ConfigurationError, errorMessage, quoteValue } from '@ecs-actions/core';
import { type CalendarDate, dateInZone, formatVersion, imageTag, isoWeek, yearweek } from './headver.js';
import type { HeadverInputs } from './inputs.js';

export interface HeadverResult {
  version: string;
  head: number;
  yearweek: string;
  build: number;
  suffix: string;
  imageTag: string;
  /** How each part was obtained, for the summary. */
  sources: { head: string; yearweek: string; build: string };
  /** Set when the head fell back to 0. */
  warning?: string;
}

export interface HeadverDeps {
  clock: Clock;
  /** Where a relative head-file is looked up: the workspace. */
  workspace: string;
  /** The calendar date of an instant in a zone; dateInZone by default. */
  zoneDate?: (instantMs: number, timeZone: string) => CalendarDate;
}

export async function computeHeadver(inputs: HeadverInputs, deps: HeadverDeps): Promise<HeadverResult> {
  const head = await resolveHead(inputs, deps.workspace);
  const date: CalendarDate =
    inputs.date?.kind === 'date'
      ? inputs.date.date
      : (deps.zoneDate ?? dateInZone)(
          inputs.date?.kind === 'instant' ? inputs.date.instantMs : deps.clock.now(),
          inputs.timeZone,
        );
  const week = yearweek(date);
  const { weekYear, week: weekNumber } = isoWeek(date);
  const day = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  const version = formatVersion({ head: head.value, yearweek: week, build: inputs.build.value, suffix: inputs.suffix });
  return {
    version,
    head: head.value,
    yearweek: week,
    build: inputs.build.value,
    suffix: inputs.suffix,
    imageTag: imageTag(version),
    sources: {
      head: head.from,
      yearweek: `${day} in ${inputs.timeZone} (${inputs.dateText ? `date ${inputs.dateText}` : 'now'}): ISO week ${weekNumber} of ${weekYear}`,
      build: inputs.build.from === 'input' ? 'input build' : 'GITHUB_RUN_NUMBER',
    },
    ...(head.warning ? { warning: head.warning } : {}),
  };
}

async function resolveHead(
  inputs: HeadverInputs,
  workspace: string,
): Promise<{ value: number; from: string; warning?: string }> {
  if (inputs.head !== undefined) return { value: inputs.head, from: 'input head' };
  const file = path.resolve(workspace, inputs.headFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {
        value: 0,
        from: 'default (no head set)',
        warning: `The HeadVer head is not set: input "head" is empty and ${inputs.headFile} does not exist, so head is 0. Set head: or commit ${inputs.headFile} with the head number.`,
      };
    }
    throw new ConfigurationError(
      `Input "head-file": cannot read ${quoteValue(inputs.headFile)} (${errorMessage(error)}). Point head-file at a readable file, or set head:.`,
    );
  }
  const firstLine = (text.split(/\r?\n/)[0] ?? '').trim();
  if (!/^\d+$/.test(firstLine) || !Number.isSafeInteger(Number(firstLine))) {
    throw new ConfigurationError(
      `Input "head-file": the first line of ${inputs.headFile} must be a non-negative integer (the HeadVer head); got ${quoteValue(firstLine)}. Write just the number, e.g. 0.`,
    );
  }
  return { value: Number(firstLine), from: `file ${inputs.headFile}` };
}
