/**
 * Environment protection rules in the runner, as GitHub enforces them before a job enters its environment:
 * deployment branches and tags, required reviewers (an approval the test gives or withholds; rejected or never
 * reviewed, the job does not run, its dependants are skipped and the run fails), prevent self-review, wait timers.
 */
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  type PipelineRunnerOptions,
  REFUSED_DEPLOYMENT,
  type ReviewRequest,
  refAllowed,
  type Trigger,
} from '../src/index.js';
import { scratchRunner } from './scratch-runner.js';

const WORKFLOW = `name: W
on: [push, workflow_dispatch]
jobs:
  build:
    runs-on: x
    steps:
      - run: echo built
  release:
    needs: build
    runs-on: x
    environment: production
    steps:
      - id: ship
        env:
          WHERE: \${{ vars.WHERE }}
        run: echo "where=$WHERE" >> "$GITHUB_OUTPUT"
  after:
    needs: release
    runs-on: x
    steps:
      - run: echo after
`;

async function runWith(options: Partial<PipelineRunnerOptions>, trigger: Partial<Trigger> = {}) {
  const { runner, root } = await scratchRunner(
    { 'w.yml': WORKFLOW },
    { environmentVars: { production: { WHERE: 'prod' } }, ...options },
  );
  const run = await runner.run(path.join(root, 'w.yml'), {
    eventName: 'push',
    payload: {},
    sha: 'a'.repeat(40),
    ref: 'refs/heads/master',
    runId: 42,
    runNumber: 7,
    actor: 'dev',
    ...trigger,
  });
  const results = Object.fromEntries(run.jobs.map((j) => [j.id, j.result]));
  return { run, results, release: run.jobs.find((j) => j.id === 'release') };
}

describe('required reviewers', () => {
  const environments = { production: { requiredReviewers: ['lead', 'ops'] } };

  it('an approval lets the job run in the environment, after the review is requested of the listed reviewers', async () => {
    const requests: ReviewRequest[] = [];
    const { run, results, release } = await runWith({
      environments,
      review: (request) => {
        requests.push(request);
        return { approve: true, reviewer: 'ops' };
      },
    });
    expect(requests).toEqual([
      { environment: 'production', job: 'release', workflow: 'W', runId: 42, actor: 'dev', reviewers: ['lead', 'ops'] },
    ]);
    expect(results).toEqual({ build: 'success', release: 'success', after: 'success' });
    expect(release?.protection).toEqual({ review: { state: 'approved', reviewer: 'ops' } });
    expect(release?.outputs).toEqual({});
    expect(release?.steps[0]?.outputs).toEqual({ where: 'prod' });
    expect(run.conclusion).toBe('success');
  });

  it('a rejection fails the job before any step, skips what needs it and fails the run', async () => {
    const { run, results, release } = await runWith({
      environments,
      review: () => ({ approve: false, reviewer: 'lead', comment: 'not today' }),
    });
    expect(results).toEqual({ build: 'success', release: 'failure', after: 'skipped' });
    expect(release?.steps).toEqual([]);
    expect(release?.protection).toEqual({
      review: { state: 'rejected', reviewer: 'lead', comment: 'not today' },
      refused: REFUSED_DEPLOYMENT,
    });
    expect(run.conclusion).toBe('failure');
  });

  it.each([
    ['nobody reviews', undefined],
    ['someone who is not a required reviewer approves', { approve: true, reviewer: 'intern' }],
  ])('withheld (%s): the job never runs and fails as after 30 days', async (_, decision) => {
    const { run, results, release } = await runWith({ environments, review: () => decision });
    expect(results).toEqual({ build: 'success', release: 'failure', after: 'skipped' });
    expect(release?.steps).toEqual([]);
    expect(release?.protection?.refused).toBe(`The job was not approved within 30 days. ${REFUSED_DEPLOYMENT}`);
    expect(run.conclusion).toBe('failure');
  });

  it('without a review function, a protected job waits in vain', async () => {
    const { results } = await runWith({ environments });
    expect(results.release).toBe('failure');
  });

  it('prevent self-review: the actor who triggered the run cannot approve it', async () => {
    const rules = { production: { requiredReviewers: ['dev', 'lead'], preventSelfReview: true } };
    const self = await runWith({ environments: rules, review: () => ({ approve: true, reviewer: 'dev' }) });
    expect(self.results.release).toBe('failure');
    const other = await runWith({ environments: rules, review: () => ({ approve: true, reviewer: 'lead' }) });
    expect(other.results.release).toBe('success');
  });
});

describe('wait timer', () => {
  it('waits its minutes (after the approval) before the job starts', async () => {
    const order: string[] = [];
    const { results, release } = await runWith({
      environments: { production: { requiredReviewers: ['lead'], waitTimerMinutes: 15 } },
      review: () => {
        order.push('review');
        return { approve: true, reviewer: 'lead' };
      },
      sleep: async (ms) => {
        order.push(`sleep ${ms}`);
      },
    });
    expect(order).toEqual(['review', `sleep ${15 * 60_000}`]);
    expect(results.release).toBe('success');
    expect(release?.protection).toEqual({ review: { state: 'approved', reviewer: 'lead' }, waitedMinutes: 15 });
  });
});

describe('deployment branches and tags', () => {
  const environments = { production: { deploymentBranches: ['master', 'release/*', 'tag:v*'] } };

  it.each([
    ['refs/heads/master', true],
    ['refs/heads/release/2026-12', true],
    ['refs/heads/release/a/b', false],
    ['refs/heads/feature', false],
    ['refs/tags/v1.2.3', true],
    ['refs/tags/master', false],
  ])('%s may deploy: %s', (ref, allowed) => {
    expect(refAllowed(ref, environments.production.deploymentBranches)).toBe(allowed);
  });

  it('a run on a branch outside the policy fails the job at once, asking no reviewer', async () => {
    let asked = false;
    const { run, results, release } = await runWith(
      {
        environments: { production: { ...environments.production, requiredReviewers: ['lead'] } },
        review: () => {
          asked = true;
          return { approve: true, reviewer: 'lead' };
        },
      },
      { eventName: 'workflow_dispatch', ref: 'refs/heads/feature', inputs: {} },
    );
    expect(asked).toBe(false);
    expect(results).toEqual({ build: 'success', release: 'failure', after: 'skipped' });
    expect(release?.protection).toEqual({
      refused: 'Branch "feature" is not allowed to deploy to production due to environment protection rules.',
    });
    expect(run.conclusion).toBe('failure');
  });

  it('a branch inside the policy runs', async () => {
    const { results } = await runWith({ environments });
    expect(results.release).toBe('success');
  });
});
