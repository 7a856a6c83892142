/**
 * Today's runners: every third-party action of our workflows and starter workflows is pinned by SHA at a release
 * listed in .github/action-pins.yml, and every listed release runs on node24 (GitHub's runners no longer have Node 20).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { ourUses } from '../src/our-repository.js';
import { THIRD_PARTY_INPUTS, unexpectedInputsWarning } from '../src/third-party-inputs.js';

const root = path.resolve(import.meta.dirname, '../../..');
const FOLDERS = ['.github/workflows', '.github/workflow-templates'];

interface Pin {
  action: string;
  version: string;
  sha: string;
  runtime: string;
}

const pins = (parse(readFileSync(path.join(root, '.github/action-pins.yml'), 'utf8')) as { pins: Pin[] }).pins;

/** One `uses:` line of a workflow file: where it is, what it names, and its `# vX.Y.Z` comment. */
interface UsesLine {
  where: string;
  ref: string;
  comment: string;
}

/** Every `uses:` of a workflow file, read line by line so that the version comment comes with it. */
function usesLines(file: string, text: string): UsesLine[] {
  const found: UsesLine[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?\s*(?:#\s*(.*))?$/.exec(line);
    if (match) found.push({ where: `${file}:${index + 1}`, ref: match[1] ?? '', comment: (match[2] ?? '').trim() });
  });
  return found;
}

/**
 * The `uses:` values of a workflow read as YAML (job and step level) that the line scan did not see, e.g. a flow
 * mapping `- {uses: x@main}` or a folded scalar: one message each, empty when the line scan saw them all.
 */
function unscannedUses(file: string, text: string): string[] {
  const jobs = (parse(text) as { jobs?: Record<string, { uses?: unknown; steps?: { uses?: unknown }[] }> }).jobs ?? {};
  const values = Object.values(jobs).flatMap((job) => [job.uses, ...(job.steps ?? []).map((step) => step.uses)]);
  const scanned = usesLines(file, text).map(({ ref }) => ref);
  const problems: string[] = [];
  for (const value of values.filter((v) => v !== undefined)) {
    const at = scanned.indexOf(String(value));
    if (at < 0)
      problems.push(
        `${file}: uses: ${String(value)} is not written as one plain uses: line, so its pin is not checked`,
      );
    else scanned.splice(at, 1);
  }
  return problems;
}

/** The `uses:` that name a third-party action: not a local path, not our own actions or workflows. */
function thirdParty(lines: UsesLine[]): UsesLine[] {
  const ours = ourUses(root);
  return lines.filter(({ ref }) => !ref.startsWith('./') && !ours.actions.test(ref) && !ours.workflows.test(ref));
}

/** What is wrong with the pins of these lines against the list: one message per problem, empty when none. */
function pinProblems(lines: UsesLine[], list: Pin[]): string[] {
  const problems: string[] = [];
  for (const { where, ref, comment } of thirdParty(lines)) {
    const [action, sha] = ref.split('@');
    const pin = list.find((p) => p.action === action);
    if (!pin) problems.push(`${where}: ${ref} is not in .github/action-pins.yml`);
    else if (sha !== pin.sha) problems.push(`${where}: ${ref} is not the listed ${action}@${pin.sha} (${pin.version})`);
    else if (comment !== pin.version) problems.push(`${where}: the comment '# ${comment}' is not ${pin.version}`);
  }
  for (const pin of list) {
    if (pin.runtime !== 'node24') problems.push(`${pin.action}@${pin.version} runs on ${pin.runtime}, not node24`);
    if (!/^[0-9a-f]{40}$/.test(pin.sha)) problems.push(`${pin.action}: ${pin.sha} is not a full commit SHA`);
  }
  return problems;
}

const workflowFiles = FOLDERS.flatMap((folder) =>
  readdirSync(path.join(root, folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `${folder}/${name}`),
);
const allLines = workflowFiles.flatMap((file) => usesLines(file, readFileSync(path.join(root, file), 'utf8')));

describe('third-party action pins', () => {
  it('every third-party uses: is a listed SHA with its version comment, and every listed release runs on node24', () => {
    expect(thirdParty(allLines).length).toBeGreaterThan(0);
    expect(pinProblems(allLines, pins)).toEqual([]);
  });

  it('every uses: of every workflow is on a line the pin check reads (no flow mapping or folded scalar hides one)', () => {
    for (const file of workflowFiles)
      expect(unscannedUses(file, readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
    expect(
      unscannedUses(
        'w.yml',
        'jobs:\n  a:\n    steps:\n      - {name: x, uses: docker/login-action@v3}\n      - uses: >-\n          evil/act@main\n',
      ),
    ).toEqual([
      'w.yml: uses: docker/login-action@v3 is not written as one plain uses: line, so its pin is not checked',
      'w.yml: uses: evil/act@main is not written as one plain uses: line, so its pin is not checked',
    ]);
  });

  it('lists each action once and nothing the workflows no longer use', () => {
    const used = new Set(thirdParty(allLines).map(({ ref }) => ref.split('@')[0]));
    expect(pins.map((p) => p.action).sort()).toEqual([...used].sort());
  });

  it('passes each pinned action only inputs its release declares (no runner warning), and the runner knows them all', () => {
    for (const file of workflowFiles) {
      const jobs = (
        parse(readFileSync(path.join(root, file), 'utf8')) as {
          jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
        }
      ).jobs;
      for (const step of Object.values(jobs).flatMap((job) => job.steps ?? [])) {
        const action = step.uses?.split('@')[0] ?? '';
        if (!pins.some((pin) => pin.action === action)) continue;
        const declared = THIRD_PARTY_INPUTS[action];
        expect([action, declared !== undefined]).toEqual([action, true]);
        expect([file, action, unexpectedInputsWarning(Object.keys(step.with ?? {}), declared ?? [])]).toEqual([
          file,
          action,
          undefined,
        ]);
      }
    }
    expect(Object.keys(THIRD_PARTY_INPUTS).sort()).toEqual(pins.map((pin) => pin.action).sort());
  });

  it('no workflow file names a node20 runtime', () => {
    for (const file of workflowFiles)
      expect([file, /node20/.test(readFileSync(path.join(root, file), 'utf8'))]).toEqual([file, false]);
  });

  it.each([
    [
      'an unlisted action',
      '      - uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0',
      'w.yml:1: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 is not in .github/action-pins.yml',
    ],
    [
      "configure-aws-credentials v5.0.0 (node20), Dependabot's SHA not yet listed",
      '      - uses: aws-actions/configure-aws-credentials@a03048d87541d1d9fcf2ecf528a4a65ba9bd7838 # v5.0.0',
      'w.yml:1: aws-actions/configure-aws-credentials@a03048d87541d1d9fcf2ecf528a4a65ba9bd7838 is not the listed aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c (v6.2.3)',
    ],
    [
      'a tag instead of a SHA',
      '      - uses: actions/upload-artifact@v7',
      'w.yml:1: actions/upload-artifact@v7 is not the listed actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f (v7.0.0)',
    ],
    [
      'a version comment that lies',
      '      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v5.0.0',
      "w.yml:1: the comment '# v5.0.0' is not v7.0.1",
    ],
  ])('fails %s', (_name, line, problem) => {
    expect(pinProblems(usesLines('w.yml', line), pins)).toEqual([problem]);
  });

  it('fails a listed release that runs on node20', () => {
    const node20 = {
      action: 'actions/upload-artifact',
      version: 'v4.6.2',
      sha: 'ea165f8d65b6e75b540449e92b4886f43607fa02',
      runtime: 'node20',
    };
    expect(pinProblems([], [node20])).toEqual(['actions/upload-artifact@v4.6.2 runs on node20, not node24']);
  });
});
