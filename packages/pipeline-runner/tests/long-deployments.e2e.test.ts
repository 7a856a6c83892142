/**
 * Long deployments through deploy.yml, run from the starter CD's YAML against the simulator (images seeded in place
 * of ecr-push): the deploy job's time limit follows from migration-timeout and timeout (the rollout and the rollback's
 * wait), the AWS session lasts role-duration-seconds, and a combination the waits can outlast is refused by the gate,
 * before any AWS call, naming the inputs and the numbers. A LINEAR service with ECS's default steps (10 % every 6
 * minutes: 54 minutes, plus bake time) needs more than the 60 minutes and one-hour session deploy.yml had fixed.
 */
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CiRun, Pipeline, WorkflowRun } from '../src/index.js';
import { explain, job, ROOT, starterWith, startSeededPipeline, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
let ci: CiRun;
const MIGRATE = '["./migrate.sh", "up"]';

beforeAll(async () => {
  ({ sim, pipeline } = await startSeededPipeline());
  sim.ecs.setCommandScenario(JSON.parse(MIGRATE), { kind: 'exit', exitCode: 0, afterSeconds: 10 });
  ci = await pipeline.runCi();
  expect(explain(ci)).toBe('');
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

/** CD of `ci` with these lines added to the starter's `with:`. */
async function cdWith(lines: string[]): Promise<WorkflowRun> {
  await pipeline.push(`CD: ${lines.join(', ')}`, { '.github/workflows/ecs-cd.yml': await starterWith(ROOT, lines) });
  return pipeline.runCd(ci);
}

describe('the deploy job’s limit and the AWS session follow the waits', () => {
  it('by default: 70 minutes (30m rollout, 30m rollback, 10 for the rest) and a one-hour session', async () => {
    const cd = await cdWith([]);
    expect(explain(cd)).toBe('');
    expect(job(cd, 'deploy/gate').outputs['timeout-minutes']).toBe('70');
    expect(job(cd, 'deploy/deploy').timeoutMinutes).toBe(70);
    expect(step(cd, 'deploy/deploy', 'aws').inputs['role-duration-seconds']).toBe('3600');
  }, 120_000);

  it('a rollout allowed 1h10m (a LINEAR service with ECS’s default steps) after a 10-minute migration, with a session to match: 160 minutes', async () => {
    const cd = await cdWith([
      'timeout: 1h10m',
      `migration-command: '${MIGRATE}'`,
      'migration-timeout: 10m',
      "role-duration-seconds: '9000'",
    ]);
    expect(step(cd, 'deploy/gate', 'budget').log).toContain(
      'Time budget: migration-timeout 10m + timeout 1h10m (the rollout) + timeout 1h10m again (the rollback',
    );
    expect(job(cd, 'deploy/deploy').timeoutMinutes).toBe(160);
    expect(step(cd, 'deploy/deploy', 'aws').inputs['role-duration-seconds']).toBe('9000');
  }, 120_000);
});

describe('refused before any AWS call, naming the inputs and the numbers', () => {
  it.each([
    [
      'a session shorter than the waits',
      ['timeout: 1h10m', `migration-command: '${MIGRATE}'`, 'migration-timeout: 10m'],
      "The deploy can outlast its AWS session: migration-timeout 10m + timeout 1h10m (the rollout) + timeout 1h10m again (the rollback's wait) = 9000s, but role-duration-seconds is 3600. Raise role-duration-seconds to at least 9000 and the role's maximum session duration with it (docs/setup.md, section 2), or shorten timeout or migration-timeout.",
    ],
    [
      'a job limit shorter than the waits',
      ["timeout-minutes: '60'"],
      "The deploy can outlast its job: timeout 30m (the rollout) + timeout 30m again (the rollback's wait) = 3600s, and 10 minutes for the other steps, need 70 minutes, but timeout-minutes is 60. Raise timeout-minutes to at least 70 (or leave it empty), or shorten timeout or migration-timeout.",
    ],
    [
      'a job limit shorter than the promote job’s smoke test and waits',
      [
        'promote-environment: production-promote',
        `smoke-test-command: '["node", "smoke.mjs"]'`,
        'smoke-test-timeout: 45m',
        "timeout-minutes: '70'",
      ],
      "The deploy can outlast its job: smoke-test-timeout 45m + timeout 30m (the continued rollout) + timeout 30m again (the rollback's wait) = 6300s, and 10 minutes for the other steps, need 115 minutes, but timeout-minutes is 70. Raise timeout-minutes to at least 115 (or leave it empty), or shorten timeout or smoke-test-timeout.",
    ],
    [
      'a session length STS refuses',
      ["role-duration-seconds: '1h'"],
      "role-duration-seconds is not a number of seconds from 900 to 43200 (what STS allows): '1h'",
    ],
    [
      'a limit that is no number of minutes',
      ["timeout-minutes: 'an hour'"],
      "timeout-minutes is not a whole number of minutes (or empty, to compute it): 'an hour'",
    ],
    [
      'a timeout that is no duration',
      ['timeout: forever'],
      "timeout is not a duration such as 90s, 15m or 1h30m: 'forever'",
    ],
  ])(
    '%s',
    async (_, lines, message) => {
      const before = sim.calls.length;
      const cd = await cdWith(lines);
      expect(cd.conclusion).toBe('failure');
      expect(step(cd, 'deploy/gate', 'budget').errors).toEqual([message]);
      expect(job(cd, 'deploy/deploy').result).toBe('skipped');
      expect(sim.calls.slice(before).filter((c) => c.api !== 'github')).toEqual([]);
    },
    120_000,
  );
});
