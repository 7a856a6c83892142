/**
 * strategy.matrix as GitHub expands it: the product of the axes, excludes, includes that extend a combination or
 * stand alone, legs named `<job> (<values>)` with their own matrix context, fail-fast; for a job and for a call of a
 * reusable workflow.
 */
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { matrixStrategy } from '../src/matrix.js';
import { scratchRunner } from './scratch-runner.js';

describe('matrixStrategy', () => {
  it('is the product of the axes less the excludes, with the includes added', () => {
    const strategy = matrixStrategy('deploy', {
      matrix: {
        region: ['us-east-1', 'eu-west-1'],
        size: ['s', 'l'],
        exclude: [{ region: 'eu-west-1', size: 'l' }],
        include: [
          { region: 'eu-west-1', cluster: 'eu' },
          { region: 'ap-northeast-2', size: 's' },
        ],
      },
    });
    expect(strategy?.legs).toEqual([
      { matrix: { region: 'us-east-1', size: 's' }, name: 'deploy (us-east-1, s)' },
      { matrix: { region: 'us-east-1', size: 'l' }, name: 'deploy (us-east-1, l)' },
      { matrix: { region: 'eu-west-1', size: 's', cluster: 'eu' }, name: 'deploy (eu-west-1, s)' },
      { matrix: { region: 'ap-northeast-2', size: 's' }, name: 'deploy (ap-northeast-2, s)' },
    ]);
    expect(strategy?.failFast).toBe(true);
    expect(matrixStrategy('deploy', { 'fail-fast': false, matrix: { a: [1] } })?.failFast).toBe(false);
  });

  it('with includes only, has one leg each', () => {
    const strategy = matrixStrategy('deploy', {
      matrix: {
        include: [
          { region: 'us-east-1', cluster: 'a' },
          { region: 'eu-west-1', cluster: 'b' },
        ],
      },
    });
    expect(strategy?.legs.map((leg) => leg.name)).toEqual(['deploy (us-east-1, a)', 'deploy (eu-west-1, b)']);
  });

  it('is undefined without a matrix, and refuses an axis that is not a list', () => {
    expect(matrixStrategy('deploy', undefined)).toBeUndefined();
    expect(() => matrixStrategy('deploy', { matrix: { region: 'us-east-1' } })).toThrow(
      'job deploy: strategy.matrix.region is not a list',
    );
  });
});

describe('a matrix job in the runner', () => {
  async function run(files: Record<string, string>) {
    const { runner, root } = await scratchRunner(files);
    return runner.run(path.join(root, 'w.yml'), {
      eventName: 'push',
      payload: {},
      sha: 'a'.repeat(40),
      runId: 1,
      runNumber: 1,
    });
  }

  it('runs one leg per combination with its matrix, and a failed leg stops the rest (fail-fast)', async () => {
    const result = await run({
      'w.yml': `on: push
jobs:
  say:
    runs-on: x
    strategy:
      matrix:
        word: [one, two, three]
    steps:
      - env:
          WORD: \${{ matrix.word }}
        run: echo "$WORD" && test "$WORD" != two
`,
    });
    expect(result.jobs.map((j) => [j.id, j.result, j.steps[0]?.log])).toEqual([
      ['say (one)', 'success', 'one\n'],
      ['say (two)', 'failure', 'two\n'],
    ]);
    expect(result.conclusion).toBe('failure');
  });

  it('calls a reusable workflow once per leg, with the matrix in its with:', async () => {
    const result = await run({
      '.github/workflows/called.yml': `on:
  workflow_call:
    inputs:
      region:
        type: string
        required: true
jobs:
  deploy:
    runs-on: x
    concurrency: deploy-\${{ inputs.region }}
    steps:
      - run: echo "to $REGION"
        env:
          REGION: \${{ inputs.region }}
`,
      'w.yml': `on: push
jobs:
  deploy:
    strategy:
      matrix:
        region: [us-east-1, eu-west-1]
    uses: ./.github/workflows/called.yml
    with:
      region: \${{ matrix.region }}
`,
    });
    expect(result.conclusion).toBe('success');
    expect(result.jobs.map((j) => [j.id, j.concurrency?.group, j.steps[0]?.log])).toEqual([
      ['deploy (us-east-1)/deploy', 'deploy-us-east-1', 'to us-east-1\n'],
      ['deploy (eu-west-1)/deploy', 'deploy-eu-west-1', 'to eu-west-1\n'],
    ]);
  });
});
