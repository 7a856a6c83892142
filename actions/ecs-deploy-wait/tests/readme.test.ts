import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

const here = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(here, 'README.md'), 'utf8');
const action = parse(readFileSync(path.join(here, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required: boolean; default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
};

/** The rows of the first table under `## <heading>`, cells trimmed and unwrapped from one pair of backticks. */
function rows(heading: string): string[][] {
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  const table = section.split(/\n\n/).find((block) => block.startsWith('|')) ?? '';
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) =>
          cell
            .trim()
            .replace(/^`(.*)`$/, '$1')
            .replace(/\\\|/g, '|'),
        ),
    );
}

describe('README tables match action.yml exactly', () => {
  it('inputs: names, required, defaults and descriptions, in order', () => {
    expect(rows('Inputs')).toEqual(
      Object.entries(action.inputs).map(([name, spec]) => [
        name,
        spec.required ? 'yes' : 'no',
        spec.default === undefined ? '' : spec.default === '' ? '""' : spec.default,
        spec.description,
      ]),
    );
  });

  it('outputs: names and descriptions, in order', () => {
    expect(rows('Outputs')).toEqual(Object.entries(action.outputs).map(([name, spec]) => [name, spec.description]));
  });

  it('outputs list exactly the statuses the step writes', () => {
    expect(action.outputs.status?.description).toContain('succeeded, unchanged, rolled-back, failed or timed-out');
  });
});
