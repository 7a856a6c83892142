import { statSync } from 'node:fs';
import { type Clock, ConfigurationError, readInputFile, resolveInputPath } from '@ecs-actions/core';
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
  checkTagLength(imageTag(version), inputs.suffix);
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

/** Docker's and ECR's limit on a tag. */
const MAX_TAG_LENGTH = 128;

/** A tag over the limit fails here, where the suffix is set, not later at the push. */
function checkTagLength(tag: string, suffix: string): void {
  if (tag.length <= MAX_TAG_LENGTH) return;
  const rest = tag.slice(0, tag.length - suffix.length);
  throw new ConfigurationError(
    `Input "suffix" makes the image tag ${tag.length} characters long; Docker and ECR tags allow at most ${MAX_TAG_LENGTH}. Shorten the suffix to at most ${MAX_TAG_LENGTH - rest.length} characters (the rest of the tag, ${rest}, takes ${rest.length}).`,
  );
}

/** A head file holds one number: anything longer is not one. */
const MAX_HEAD_FILE_BYTES = 4096;

async function resolveHead(
  inputs: HeadverInputs,
  workspace: string,
): Promise<{ value: number; from: string; warning?: string }> {
  if (inputs.head !== undefined) return { value: inputs.head, from: 'input head' };
  const resolved = resolveInputPath({
    input: 'head-file',
    value: inputs.headFile,
    roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
  });
  if (!statSync(resolved.file, { throwIfNoEntry: false })) {
    return {
      value: 0,
      from: 'default (no head set)',
      warning: `The HeadVer head is not set: input "head" is empty and ${inputs.headFile} does not exist, so head is 0. Set head: or commit ${inputs.headFile} with the head number.`,
    };
  }
  const text = readInputFile('head-file', resolved, {
    maxBytes: MAX_HEAD_FILE_BYTES,
    missingHint: 'Set head:, or commit the file.',
  });
  const firstLine = (text.split(/\r?\n/)[0] ?? '').trim();
  // The content is not echoed: head-file may name any file in the workspace.
  if (!/^\d+$/.test(firstLine) || !Number.isSafeInteger(Number(firstLine))) {
    throw new ConfigurationError(
      `Input "head-file": the first line of ${inputs.headFile} must be a non-negative integer (the HeadVer head), and it is not. Write just the number, e.g. 0.`,
    );
  }
  return { value: Number(firstLine), from: `file ${inputs.headFile}` };
}
