/**
 * The runner's own behaviour on small workflows (no simulator): expressions and status functions, `if:` at job and
 * step level, outputs and GITHUB_ENV between steps, continue-on-error, reusable workflow calls with typed inputs and
 * defaults, permissions ceilings, the triggers check, and zip reading.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import {
  assertTriggers,
  evaluate,
  evaluateCondition,
  evaluateTemplate,
  parsePermissions,
  restrictPermissions,
  type Trigger,
  unzip,
} from '../src/index.js';
import { at, loadWorkflow } from '../src/workflow.js';
import { scratchRunner } from './scratch-runner.js';

describe('expressions', () => {
  const contexts = {
    github: {
      event_name: 'workflow_run',
      event: { workflow_run: { head_sha: 'abc', conclusion: 'success' } },
      sha: 'def',
    },
    inputs: { version: '', flag: true },
    steps: { aws: { outputs: { 'aws-account-id': '123456789012' } } },
  };
  it.each([
    ['github.event.workflow_run.head_sha || github.sha', 'abc'],
    ["inputs.version || 'none'", 'none'],
    ["format('{0}.dkr.ecr', steps.aws.outputs.aws-account-id)", '123456789012.dkr.ecr'],
    ['inputs.missing', null],
    ['inputs.flag', true],
    ["github.event_name == 'WORKFLOW_RUN'", true], // string comparison ignores case
    ['steps.nope.outputs.x', null],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, contexts)).toEqual(expected);
  });

  it.each([
    ['success()', { failed: false }, true],
    ['success()', { failed: true }, false],
    ['failure()', { failed: true }, true],
    ['always()', { failed: true }, true],
    ['cancelled()', { failed: false }, false],
    ["success() && github.event.workflow_run.conclusion == 'success'", { failed: false }, true],
    ["inputs.version == 'previous'", { failed: false }, false],
  ])('if: %s with %j → %s', (expression, status, expected) => {
    expect(evaluateCondition(expression, contexts, status)).toBe(expected);
  });

  it('evaluates ${{ }} inside action.yml defaults', () => {
    expect(evaluateTemplate('${{ github.sha }}', contexts)).toBe('def');
    expect(evaluateTemplate('prefix-${{ inputs.flag }}', contexts)).toBe('prefix-true');
  });
});

describe('permissions', () => {
  it.each([
    ['    permissions:\n      contents: write\n      id-token: write\n', { contents: 'write', 'id-token': 'write' }],
    ['    permissions: {}\n', {}],
    ['', { contents: 'read', packages: 'read' }],
  ])('%j', async (block, expected) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'perm-'));
    const file = path.join(dir, 'w.yml');
    await writeFile(file, `on: push\njobs:\n  a:\n    runs-on: x\n${block}    steps:\n      - run: "true"\n`);
    const workflow = await loadWorkflow(file);
    expect(parsePermissions(at(workflow.raw, 'jobs', 'a', 'permissions'))).toEqual(expected);
  });

  it('a caller job caps what the called job asks for', () => {
    expect(restrictPermissions({ contents: 'write', 'id-token': 'write' }, { contents: 'read' })).toEqual({
      contents: 'read',
      'id-token': 'none',
    });
  });
});

describe('triggers', () => {
  const events = {
    workflow_run: { workflows: ['CI'], types: ['completed'], branches: ['master'] },
    workflow_dispatch: {},
  };
  it.each([
    ['CI', 'master', 'completed', true],
    ['Lint', 'master', 'completed', false],
    ['CI', 'feature', 'completed', false],
    ['CI', 'master', 'requested', false],
  ])('workflow_run of %s on %s (%s) starts CD: %s', (name, branch, action, starts) => {
    const check = () =>
      assertTriggers(events, 'CD', {
        eventName: 'workflow_run',
        payload: { action, workflow_run: { name, head_branch: branch } },
      });
    if (starts) expect(check).not.toThrow();
    else expect(check).toThrow(/does not run/);
  });
  it('an event missing from on: does not start the workflow', () => {
    expect(() => assertTriggers(events, 'CD', { eventName: 'push', payload: {} })).toThrow(/has no push/);
  });
});

describe('unzip', () => {
  it('reads deflated and stored entries', () => {
    const entries = [
      { name: 'build-info.json', data: Buffer.from('{"version":"0.2541.135"}'), method: 8 },
      { name: 'dir/plain.txt', data: Buffer.from('hello'), method: 0 },
    ];
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
      const body = entry.method === 8 ? deflateRawSync(entry.data) : entry.data;
      const name = Buffer.from(entry.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(entry.method, 8);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(entry.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(entry.method, 10);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(entry.data.length, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, name, body);
      centrals.push(central, name);
      offset += 30 + name.length + body.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    const files = unzip(Buffer.concat([...locals, directory, end]));
    expect(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.toString()]))).toEqual({
      'build-info.json': '{"version":"0.2541.135"}',
      'dir/plain.txt': 'hello',
    });
  });
});

describe('PipelineRunner on small workflows', () => {
  async function setup(files: Record<string, string>) {
    const { runner, root } = await scratchRunner(files, { vars: { GREETING: 'hello' } });
    const trigger: Trigger = {
      eventName: 'push',
      payload: { ref: 'refs/heads/master' },
      sha: 'a'.repeat(40),
      runId: 42,
      runNumber: 7,
    };
    return { runner, root, trigger };
  }

  it('passes outputs and GITHUB_ENV between steps, runs failure() steps, honours continue-on-error', async () => {
    const { runner, root, trigger } = await setup({
      'w.yml': `name: W
on: push
env:
  LEVEL: workflow
jobs:
  one:
    runs-on: ubuntu-latest
    outputs:
      word: \${{ steps.first.outputs.word }}
    steps:
      - id: first
        env:
          GREETING: \${{ vars.GREETING }}
        run: |
          echo "word=$GREETING-$GITHUB_RUN_NUMBER" >> "$GITHUB_OUTPUT"
          echo "FROM_ENV=set-by-first" >> "$GITHUB_ENV"
      - id: second
        env:
          WORD: \${{ steps.first.outputs.word }}
        run: test "$WORD" = hello-7 && test "$FROM_ENV" = set-by-first && test "$LEVEL" = workflow
      - id: tolerated
        continue-on-error: true
        run: exit 3
      - id: breaks
        run: exit 1
      - id: after
        run: echo never
      - id: cleanup
        if: failure()
        run: echo cleaning up
  two:
    needs: one
    runs-on: ubuntu-latest
    steps:
      - run: echo "$WORD"
        env:
          WORD: \${{ needs.one.outputs.word }}
`,
    });
    const run = await runner.run(path.join(root, 'w.yml'), trigger);
    const one = run.jobs.find((j) => j.id === 'one');
    expect(one?.steps.map((s) => [s.id, s.outcome, s.conclusion])).toEqual([
      ['first', 'success', 'success'],
      ['second', 'success', 'success'],
      ['tolerated', 'failure', 'success'],
      ['breaks', 'failure', 'failure'],
      ['after', 'skipped', 'skipped'],
      ['cleanup', 'success', 'success'],
    ]);
    expect(one?.outputs).toEqual({ word: 'hello-7' });
    expect(one?.result).toBe('failure');
    // A job whose needs failed is skipped (its implicit if: success()).
    expect(run.jobs.find((j) => j.id === 'two')?.result).toBe('skipped');
    expect(run.conclusion).toBe('failure');
  });

  it('calls a reusable workflow with typed inputs, defaults and a permissions ceiling, and returns its outputs', async () => {
    const { runner, root, trigger } = await setup({
      '.github/workflows/called.yml': `name: called
on:
  workflow_call:
    inputs:
      name:
        type: string
        required: true
      loud:
        type: boolean
        default: false
      suffix:
        type: string
        default: '!'
    outputs:
      said:
        value: \${{ jobs.say.outputs.said }}
jobs:
  say:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    outputs:
      said: \${{ steps.s.outputs.said }}
    steps:
      - id: s
        env:
          NAME: \${{ inputs.name }}
          LOUD: \${{ inputs.loud && 'yes' || 'no' }}
          SUFFIX: \${{ inputs.suffix }}
          TOKEN: \${{ github.token }}
        run: echo "said=$NAME $LOUD$SUFFIX $TOKEN" >> "$GITHUB_OUTPUT"
`,
      'caller.yml': `name: caller
on: push
jobs:
  call:
    uses: ./.github/workflows/called.yml
    permissions:
      contents: read
    with:
      name: octo
      loud: true
`,
    });
    const run = await runner.run(path.join(root, 'caller.yml'), trigger);
    expect(run.conclusion).toBe('success');
    // contents: write in the called job is capped by the caller's contents: read → the read-only token.
    expect(run.outputs.call).toEqual({ said: 'octo yes! read-token' });
    expect(run.jobs.map((j) => [j.id, j.permissions])).toEqual([['call/say', { contents: 'read' }]]);
  });

  it('masks tokens, secrets and ::add-mask:: values in logs; honours shell and working-directory', async () => {
    const { runner, root, trigger } = await setup({
      'w.yml': `on: push
jobs:
  a:
    runs-on: x
    concurrency:
      group: deploy-\${{ github.ref }}
      cancel-in-progress: false
    steps:
      - env:
          TOKEN: \${{ github.token }}
        run: |
          echo "token $TOKEN"
          echo "::add-mask::hunter22"
          echo "password hunter22"
      - id: pipefail
        shell: bash
        continue-on-error: true
        run: false | true
      - id: nopipefail
        run: false | true
      - run: mkdir sub
      - id: where
        working-directory: sub
        run: echo "dir=$(basename "$PWD")" >> "$GITHUB_OUTPUT"
`,
    });
    const run = await runner.run(path.join(root, 'w.yml'), trigger);
    const steps = run.jobs[0]?.steps ?? [];
    expect(steps[0]?.log).toBe('token ***\n::add-mask::***\npassword ***\n');
    expect(steps.map((s) => s.outcome)).toEqual(['success', 'failure', 'success', 'success', 'success']);
    expect(steps[4]?.outputs).toEqual({ dir: 'sub' });
    expect(run.jobs[0]?.concurrency).toEqual({ group: 'deploy-refs/heads/master', cancelInProgress: false });
  });

  it('fails a step that uses an action it has no stand-in or bundle for', async () => {
    const { runner, root, trigger } = await setup({
      'w.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: someone/else@v1\n',
    });
    const run = await runner.run(path.join(root, 'w.yml'), trigger);
    expect(run.jobs[0]?.steps[0]?.errors).toEqual(['No local stand-in for the action someone/else@v1']);
    expect(run.conclusion).toBe('failure');
  });

  it('rejects a workflow that does not parse', async () => {
    const { runner, root, trigger } = await setup({ 'w.yml': 'on: push\njobs:\n  a:\n    steps: 3\n' });
    await expect(runner.run(path.join(root, 'w.yml'), trigger)).rejects.toThrow(/is not a valid workflow/);
  });
});
