/**
 * deploy.yml's promote flow (promote-environment), run from the starter workflow ecs-cd-promote.yml against the simulator: the service's rolling
 * deployments pause at POST_SCALE_UP (a PAUSE lifecycle hook); the deploy job ends paused, the promote job (an
 * environment with a required reviewer) runs the smoke test without a shell and continues, and only then are the deploy
 * tag and the GitHub Deployment's success written. A failed smoke test, or an approval rejected or never given, rolls
 * the deployment back (the rollback job) and writes no tag.
 */
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REFUSED_DEPLOYMENT } from '../src/environment-protection.js';
import { adoptTemplate, type CiRun, type Pipeline, type ReviewDecision, type WorkflowRun } from '../src/index.js';
import { explain, job, ROOT, startSeededPipeline, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
/** What the promote environment's reviewer answers next (undefined: nobody reviews). */
let answer: ReviewDecision | undefined;
const LISTENER = 'http://ecs-be-prod-test.example:8443';

/**
 * The smoke test the app repository carries: it prints the listener it was given and exits with `code`, after
 * `sleepMs` (real time: the simulator's minute is 0.6 s).
 */
const smokeTest = (code: number, sleepMs = 0) =>
  `process.on('SIGTERM', () => console.log('smoke test: SIGTERM ignored'));\nconsole.log('smoke test against ' + process.env.TEST_LISTENER_URL + ' argv ' + JSON.stringify(process.argv.slice(2)) + ' aws credentials ' + Boolean(process.env.AWS_ACCESS_KEY_ID || process.env.AWS_SESSION_TOKEN));\nsetTimeout(() => process.exit(${code}), ${sleepMs});\n`;

/** The service's PAUSE hook at POST_SCALE_UP: how long it waits and what ECS does then. */
const pauseFor = (timeoutInMinutes: number, action: 'CONTINUE' | 'ROLLBACK') =>
  sim.ecs.handle('UpdateService', {
    cluster: pipeline.cluster,
    service: pipeline.service,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      lifecycleHooks: [
        { targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'], timeoutConfiguration: { timeoutInMinutes, action } },
      ],
    },
  });

beforeAll(async () => {
  ({ sim, pipeline } = await startSeededPipeline({
    environments: { 'production-promote': { requiredReviewers: ['release-lead'] } },
    vars: { SMOKE_TEST_COMMAND: '["node", "smoke.mjs", "a b; echo not a shell"]', TEST_LISTENER_URL: LISTENER },
    review: () => answer,
  }));
  // The service pauses each rolling deployment once its new tasks run (POST_SCALE_UP), for up to a day.
  await pauseFor(1440, 'ROLLBACK');
  // The starter workflow as a repository adopts it; the smoke test and the listener are its variables.
  await pipeline.push('CD with the promote flow', {
    '.github/workflows/ecs-cd.yml': await adoptTemplate(ROOT, 'ecs-cd-promote.yml'),
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const running = () => String(sim.ecs.describeService(pipeline.cluster, pipeline.service)?.taskDefinition);
const tagOf = (ci: CiRun) =>
  sim.github
    .tags(pipeline.owner, pipeline.repo)
    .find((t) => t.name === `ecs-deploy-${ci.outputs['build-push']?.version ?? ''}`);
const deploymentStates = (sha: string) =>
  sim.github
    .deployments(pipeline.owner, pipeline.repo)
    .filter((d) => d.sha === sha)
    .map((d) => d.statuses.map((s) => s.state));

/** A build of the app whose smoke test exits with `code`, deployed by CD; the deploy job must end paused. */
async function deployBuild(code: number, sleepMs = 0): Promise<{ ci: CiRun; cd: WorkflowRun; before: string }> {
  await pipeline.push(`smoke test exits ${code}`, { 'smoke.mjs': smokeTest(code, sleepMs) });
  const ci = await pipeline.runCi();
  expect(explain(ci)).toBe('');
  const before = running();
  const cd = await pipeline.runCd(ci);
  expect(job(cd, 'deploy/deploy').result).toBe('success');
  expect(step(cd, 'deploy/deploy', 'deploy').outputs).toMatchObject({
    status: 'paused',
    'pause-stage': 'POST_SCALE_UP',
  });
  // The deploy job records nothing while paused.
  expect(step(cd, 'deploy/deploy', /^Record the deploy$/).outcome).toBe('skipped');
  return { ci, cd, before };
}

describe('deploy.yml promote flow', () => {
  it('approval given, smoke test passing: continued, then recorded and the Deployment successful', async () => {
    answer = { approve: true, reviewer: 'release-lead' };
    const { ci, cd, before } = await deployBuild(0);
    expect(explain(cd)).toBe('');
    expect(cd.conclusion).toBe('success');
    expect(job(cd, 'deploy/promote').protection).toEqual({ review: { state: 'approved', reviewer: 'release-lead' } });
    // The command ran without a shell (its argument reached it whole) with the listener URL in its environment.
    expect(step(cd, 'deploy/promote', /^Smoke test$/).log).toContain(
      `smoke test against ${LISTENER} argv ["a b; echo not a shell"] aws credentials false`,
    );
    expect(step(cd, 'deploy/promote', 'continue').outputs.status).toBe('succeeded');
    expect(job(cd, 'deploy/rollback').result).toBe('skipped');
    expect(running()).not.toBe(before);
    expect(tagOf(ci)).toBeDefined();
    expect(deploymentStates(ci.sha)).toEqual([['in_progress', 'success']]);
    expect(cd.outputs.deploy).toMatchObject({ status: 'paused', 'promote-status': 'succeeded' });
  }, 300_000);

  it('approval given late, after the pause expired with CONTINUE: ECS completed it, the promote job records it, no rollback', async () => {
    answer = { approve: true, reviewer: 'release-lead' };
    // The pause expires after 5 simulated minutes (3 s); the smoke test takes 12 s, so the continue comes late.
    await pauseFor(5, 'CONTINUE');
    const continuesBefore = sim.callsOf('ContinueServiceDeployment').length;
    try {
      const { ci, cd, before } = await deployBuild(0, 12_000);
      expect(explain(cd)).toBe('');
      expect(cd.conclusion).toBe('success');
      const continued = step(cd, 'deploy/promote', 'continue');
      expect(continued.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': running() });
      expect(continued.log).toContain('ECS took its timeout action CONTINUE');
      expect(sim.callsOf('ContinueServiceDeployment').slice(continuesBefore)).toEqual([]);
      expect(job(cd, 'deploy/rollback').result).toBe('skipped');
      expect(running()).not.toBe(before);
      expect(tagOf(ci)).toBeDefined();
      expect(deploymentStates(ci.sha)).toEqual([['in_progress', 'success']]);
      expect(cd.outputs.deploy).toMatchObject({ status: 'paused', 'promote-status': 'succeeded' });
    } finally {
      await pauseFor(1440, 'ROLLBACK');
    }
  }, 300_000);

  it('approval given, smoke test failing: rolled back by the rollback job, no tag, the Deployment failed', async () => {
    answer = { approve: true, reviewer: 'release-lead' };
    const { ci, cd, before } = await deployBuild(4);
    expect(cd.conclusion).toBe('failure');
    expect(step(cd, 'deploy/promote', /^Smoke test$/).outcome).toBe('failure');
    expect(step(cd, 'deploy/promote', 'continue').outcome).toBe('skipped');
    expect(explain(cd)).not.toContain('deploy/rollback /');
    expect(job(cd, 'deploy/rollback').result).toBe('success');
    expect(step(cd, 'deploy/rollback', 'rollback').outputs.status).toBe('rolled-back');
    expect(running()).toBe(before);
    expect(tagOf(ci)).toBeUndefined();
    expect(deploymentStates(ci.sha)).toEqual([['in_progress', 'failure']]);
  }, 300_000);

  it('a smoke test that hangs is stopped after smoke-test-timeout: it fails, the rollback job rolls back, no tag', async () => {
    answer = { approve: true, reviewer: 'release-lead' };
    pipeline.vars.SMOKE_TEST_TIMEOUT = '3s';
    try {
      // The smoke test would sleep 10 minutes; it also ignores SIGTERM (only SIGKILL stops it).
      const { ci, cd, before } = await deployBuild(0, 600_000);
      expect(cd.conclusion).toBe('failure');
      const smoke = step(cd, 'deploy/promote', /^Smoke test$/);
      expect(smoke.outcome).toBe('failure');
      expect(smoke.errors).toEqual([
        'The smoke test did not finish within smoke-test-timeout (3s): it was stopped, and the deployment is rolled back.',
      ]);
      expect(step(cd, 'deploy/promote', 'continue').outcome).toBe('skipped');
      expect(job(cd, 'deploy/rollback').result).toBe('success');
      expect(step(cd, 'deploy/rollback', 'rollback').outputs.status).toBe('rolled-back');
      expect(running()).toBe(before);
      expect(tagOf(ci)).toBeUndefined();
      expect(deploymentStates(ci.sha)).toEqual([['in_progress', 'failure']]);
    } finally {
      delete pipeline.vars.SMOKE_TEST_TIMEOUT;
    }
  }, 300_000);

  it.each([
    ['rejected', { approve: false, reviewer: 'release-lead', comment: 'not today' } as const, REFUSED_DEPLOYMENT],
    ['withheld', undefined, `The job was not approved within 30 days. ${REFUSED_DEPLOYMENT}`],
  ])(
    'approval %s: the promote job never runs, the rollback job rolls back, no tag',
    async (_, decision, why) => {
      answer = decision;
      const { ci, cd, before } = await deployBuild(0);
      expect(cd.conclusion).toBe('failure');
      expect(job(cd, 'deploy/promote').steps).toEqual([]);
      expect(job(cd, 'deploy/promote').protection?.refused).toBe(why);
      expect(explain(cd)).not.toContain('deploy/rollback /');
      expect(job(cd, 'deploy/rollback').result).toBe('success');
      expect(step(cd, 'deploy/rollback', 'rollback').outputs.status).toBe('rolled-back');
      expect(running()).toBe(before);
      expect(tagOf(ci)).toBeUndefined();
      expect(deploymentStates(ci.sha)).toEqual([['in_progress', 'failure']]);
    },
    300_000,
  );

  it.each([
    ['SMOKE_TEST_COMMAND', '"./smoke.sh"', 'smoke-test-command is not a non-empty JSON array of strings'],
    ['SMOKE_TEST_COMMAND', '["node", 1]', 'smoke-test-command is not a non-empty JSON array of strings'],
    [
      'TEST_LISTENER_URL',
      'ftp://ecs-be-prod-test.example',
      "test-listener-url is not an http:// or https:// URL: 'ftp://",
    ],
    [
      'SMOKE_TEST_TIMEOUT',
      'ten minutes',
      "smoke-test-timeout is not a duration such as 90s, 10m or 1h30m: 'ten minutes'",
      'deploy/gate',
      'budget',
    ],
  ])(
    'a bad %s (%s) fails the deploy job before any AWS call, naming it',
    async (name, value, message, jobId = 'deploy/deploy', stepId = 'settings') => {
      const saved = pipeline.vars[name] ?? '';
      pipeline.vars[name] = value;
      try {
        const ci = await pipeline.runCi();
        const from = sim.calls.length;
        const cd = await pipeline.runCd(ci);
        expect(cd.conclusion).toBe('failure');
        expect(step(cd, jobId, stepId).errors).toEqual([expect.stringContaining(message)]);
        expect(sim.calls.slice(from).filter((call) => call.api === 'ecs')).toEqual([]);
        expect(job(cd, 'deploy/promote').result).toBe('skipped');
        expect(job(cd, 'deploy/rollback').result).toBe('skipped');
      } finally {
        pipeline.vars[name] = saved;
      }
    },
    120_000,
  );
});
