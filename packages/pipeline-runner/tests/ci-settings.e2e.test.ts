/**
 * build-push.yml checks its settings before any AWS call and names what is missing and where it must live. The
 * reproduction: AWS_ROLE_ARN defined per environment only, as for CD's environments; CI runs in no environment, so
 * it got none and failed inside configure-aws-credentials ("no role-to-assume") without naming the variable.
 * Run from the starter CI's YAML against the simulator (images seeded in place of ecr-push, so no Docker here).
 */
import { readFileSync } from 'node:fs';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createPipeline, type Pipeline, seededEcrPush } from '../src/index.js';
import { explain, job, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const root = new URL('../../..', import.meta.url).pathname;
const ROLE = 'arn:aws:iam::123456789012:role/github-actions-ecs-deploy';
let saved: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 100 });
  pipeline = await createPipeline({
    sim,
    root,
    // Roles per environment, as docs/setup.md's "Staging and production" keeps CD's.
    environmentVars: { staging: { AWS_ROLE_ARN: ROLE }, production: { AWS_ROLE_ARN: ROLE } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
  });
  saved = { ...pipeline.vars };
}, 60_000);

afterEach(() => {
  Object.assign(pipeline.vars, saved);
});

afterAll(async () => {
  await sim?.close();
});

describe('build-push.yml checks its settings first', () => {
  it.each([
    ['AWS_ROLE_ARN', 'role-to-assume'],
    ['AWS_REGION', 'aws-region'],
    ['ECR_REPOSITORY', 'repository'],
  ])(
    'with %s only in environments: names the variable and where it must live, before any AWS call',
    async (variable, input) => {
      delete pipeline.vars[variable];
      await pipeline.push(`no repository variable ${variable}`);
      const calls = sim.calls.length;
      const ci = await pipeline.runCi();

      expect(ci.conclusion).toBe('failure');
      const check = step(ci, 'build-push/build-push', /Check the CI settings/);
      expect(check.errors).toEqual([
        `${input} is empty: set the variable ${variable} as a repository (or organization) variable, Settings → Secrets and variables → Actions → Variables. CI runs in no environment, so a ${variable} defined only in an environment never reaches it (or pass ${input} in the CI workflow's with:).`,
      ]);
      // Nothing after the check ran: no credentials, no AWS call.
      expect(job(ci, 'build-push/build-push').steps.map((s) => s.outcome)).toEqual([
        'failure',
        ...Array(job(ci, 'build-push/build-push').steps.length - 1).fill('skipped'),
      ]);
      expect(sim.calls.length).toBe(calls);
    },
    60_000,
  );

  it('names a malformed value and its variable, and reports every bad setting at once', async () => {
    pipeline.vars.AWS_ROLE_ARN = 'github-actions-ecs-deploy';
    pipeline.vars.AWS_REGION = 'Seoul';
    await pipeline.push('malformed CI settings');
    const ci = await pipeline.runCi();
    expect(step(ci, 'build-push/build-push', /Check the CI settings/).errors).toEqual([
      "aws-region (variable AWS_REGION) is not an AWS region such as us-east-1: 'Seoul'",
      "role-to-assume (variable AWS_ROLE_ARN) is not an IAM role ARN: 'github-actions-ecs-deploy'",
    ]);
  }, 60_000);

  it('with the repository variables set, the check passes and CI builds', async () => {
    await pipeline.push('CI settings in place');
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    expect(step(ci, 'build-push/build-push', /Check the CI settings/).outcome).toBe('success');
  }, 60_000);
});

describe('docs/setup.md', () => {
  it('says that what CI reads lives in repository variables (CI runs in no environment)', () => {
    const text = readFileSync(`${root}docs/setup.md`, 'utf8');
    expect(text).toContain('**CI runs in no environment**');
    for (const variable of ['AWS_REGION', 'AWS_ROLE_ARN', 'ECR_REPOSITORY']) {
      expect(text).toMatch(new RegExp(`^\\| \`${variable}\` \\|.*\\| repository \\(CI`, 'm'));
    }
  });
});
