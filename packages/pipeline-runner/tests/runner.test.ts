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
  type PipelineRunnerOptions,
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
  async function setup(files: Record<string, string>, extra: Partial<PipelineRunnerOptions> = {}) {
    const { runner, root } = await scratchRunner(files, { vars: { GREETING: 'hello' }, ...extra });
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
    // contents: write in the called job is capped by the caller's contents: read → a token with contents: read.
    expect(run.outputs.call).toEqual({ said: 'octo yes! token(contents:read)' });
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
          echo "GET /##[add-mask]legacy22"
          echo "::stop-commands::tok123456"
          echo "::add-mask::inside77"
          echo "::tok123456::"
          echo "inside77 legacy22"
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
    // Read as the runner reads commands: the legacy form anywhere in a line, nothing inside a stop-commands block.
    expect(steps[0]?.log).toBe(
      'token ***\n::add-mask::***\npassword ***\nGET /##[add-mask]***\n::stop-commands::***\n::add-mask::inside77\n::***::\ninside77 ***\n',
    );
    expect(steps.map((s) => s.outcome)).toEqual(['success', 'failure', 'success', 'success', 'success']);
    expect(steps[4]?.outputs).toEqual({ dir: 'sub' });
    expect(run.jobs[0]?.concurrency).toEqual({ group: 'deploy-refs/heads/master', cancelInProgress: false });
  });

  it('reads workflow commands on stderr too, as the runner does', async () => {
    const { runner, root, trigger } = await setup({
      'w.yml': `on: push
jobs:
  a:
    runs-on: x
    steps:
      - run: |
          echo "::error::from stderr" >&2
          echo "::warning::from stdout"
`,
    });
    const run = await runner.run(path.join(root, 'w.yml'), trigger);
    const step = run.jobs[0]?.steps[0];
    expect(step?.errors).toEqual(['from stderr']);
    expect(step?.warnings).toEqual(['from stdout']);
  });

  it('fails a step that uses an action it has no stand-in or bundle for', async () => {
    const { runner, root, trigger } = await setup({
      'w.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: someone/else@v1\n',
    });
    const run = await runner.run(path.join(root, 'w.yml'), trigger);
    expect(run.jobs[0]?.steps[0]?.errors).toEqual(['No local stand-in for the action someone/else@v1']);
    expect(run.conclusion).toBe('failure');
  });

  it("warns on inputs an action does not declare, with GitHub's runner's words, and still runs the step", async () => {
    const { runner, root, trigger } = await setup(
      {
        'actions/headver/action.yml':
          'name: h\ninputs:\n  head: {}\n  timezone: {}\nruns:\n  using: node24\n  main: x.js\n',
        'w.yml': `on: push
jobs:
  a:
    runs-on: x
    steps:
      - uses: actions/setup-java@b6effb05e454b25005698d916606bdc6ffcbf961
        with:
          java-version: '17'
          distribution: temurin
          jdk: '17'
          Cache: ''
      - uses: ecs-actions/ecs-actions/headver@v1
        with:
          head: '1'
          time-zone: UTC
          extra: x
      - uses: ecs-actions/ecs-actions/headver@v1
        with:
          head: '1'
`,
      },
      { standIns: { 'ecs-actions/ecs-actions/headver': async () => ({ outputs: { version: '1.0.0' } }) } },
    );
    const run = await runner.run(path.join(root, 'w.yml'), trigger);
    const [java, headver, clean] = run.jobs[0]?.steps ?? [];
    expect(java?.warnings).toEqual([
      "Unexpected input(s) 'jdk', valid inputs are ['java-version', 'java-version-file', 'distribution', 'java-package', 'architecture', 'jdk-file', 'jdkFile', 'check-latest', 'set-default', 'verify-signature', 'verify-signature-public-key', 'server-id', 'server-username', 'server-password', 'settings-path', 'overwrite-settings', 'gpg-private-key', 'gpg-passphrase', 'cache', 'cache-dependency-path', 'job-status', 'token', 'mvn-toolchain-id', 'mvn-toolchain-vendor', 'show-download-progress']",
    ]);
    expect(headver?.warnings).toEqual([
      "Unexpected input(s) 'time-zone', 'extra', valid inputs are ['head', 'timezone']",
    ]);
    expect(clean?.warnings).toEqual([]);
    expect(run.jobs[0]?.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'success']);
  });

  it('fails a second upload-artifact of one name in a run, as upload-artifact v4+ does; overwrite: true replaces it', async () => {
    const uploaded = new Set<string>();
    const { runner, root, trigger } = await setup(
      {
        'w.yml': `on: push
jobs:
  one:
    runs-on: x
    steps:
      - run: echo one > info.json
      - uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f
        with:
          name: build-info
          path: info.json
  two:
    needs: one
    runs-on: x
    steps:
      - run: echo two > info.json
      - uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f
        with:
          name: build-info
          path: info.json
          overwrite: true
      - uses: actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f
        with:
          name: build-info
          path: info.json
`,
      },
      {
        // The GitHub side's rule (the simulator's uploadArtifact, tested in its own tests): one name per run.
        uploadArtifact: ({ runId, name, overwrite }) => {
          if (uploaded.has(`${runId}/${name}`) && !overwrite) throw new Error(`409 ${name}`);
          uploaded.add(`${runId}/${name}`);
        },
      },
    );
    const run = await runner.run(path.join(root, 'w.yml'), trigger);
    expect(run.jobs.map((j) => j.steps.map((s) => s.outcome))).toEqual([
      ['success', 'success'],
      ['success', 'success', 'failure'],
    ]);
    expect(run.jobs[1]?.steps[2]?.errors).toEqual(['409 build-info']);
  });

  it('rejects a workflow that does not parse', async () => {
    const { runner, root, trigger } = await setup({ 'w.yml': 'on: push\njobs:\n  a:\n    steps: 3\n' });
    await expect(runner.run(path.join(root, 'w.yml'), trigger)).rejects.toThrow(/is not a valid workflow/);
  });
});
