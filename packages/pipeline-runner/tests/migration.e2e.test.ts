/**
 * deploy.yml's migration-command, run from the starter CD's YAML against the simulator (images seeded in place of
 * ecr-push, so no Docker here): ecs-run-task runs the command in the revision about to be deployed, with the
 * service's network, before ecs-deploy-wait deploys that same revision; a migration that fails, cannot start or runs
 * past its timeout deploys nothing and writes no deploy tag. The calls these runs make are checked against the IAM
 * policy of docs/setup.md (the Docker pipeline test checks the rest of it).
 */
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPipeline, type Pipeline, seededEcrPush, type WorkflowRun } from '../src/index.js';
import { documentedActions } from './documented-policy.js';
import { explain, starterWith, step, tagStep } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const root = new URL('../../..', import.meta.url).pathname;

const MIGRATE = ['./migrate.sh', 'up'];
const MIGRATION_LINES = [
  'Flyway Community Edition 10.20.1 by Redgate',
  'Successfully validated 42 migrations (execution time 00:00.031s)',
  'Migrating schema "public" to version "42 - add orders index"',
];
const MIGRATION_FAILURE = [
  'Migrating schema "public" to version "43 - drop legacy table"',
  'ERROR: Migration V43__drop_legacy_table.sql failed',
  'Message    : ERROR: cannot drop table legacy_orders because other objects depend on it',
];

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 100 });
  pipeline = await createPipeline({
    sim,
    root,
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' }, 'ecs-run-task': { 'poll-interval': '1s' } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const deployTags = () => sim.github.tags(pipeline.owner, pipeline.repo).map((tag) => tag.name);
const running = () => sim.ecs.describeService(pipeline.cluster, pipeline.service)?.taskDefinition;

/** A push with the migration configured, its CI build, and the CD run of that build. */
/** The migration (30m) + the rollout (30m) + the rollback's wait (30m) outlast the default one-hour AWS session. */
const SESSION = "role-duration-seconds: '5400'";

async function release(message: string, extra: string[] = []): Promise<{ cd: WorkflowRun; version: string }> {
  await pipeline.push(message, {
    '.github/workflows/ecs-cd.yml': await starterWith(root, [
      `migration-command: '${JSON.stringify(MIGRATE)}'`,
      SESSION,
      ...extra,
    ]),
  });
  const ci = await pipeline.runCi();
  expect(explain(ci)).toBe('');
  return { cd: await pipeline.runCd(ci), version: ci.outputs['build-push']?.version ?? '' };
}

/** The ECS operations called since `from`, in order. */
const ecsCalls = (from: number) =>
  sim.calls
    .slice(from)
    .filter((c) => c.api === 'ecs')
    .map((c) => c.operation);

describe('deploy.yml runs migration-command before the deploy', () => {
  it('a migration that succeeds: the revision it ran (registered once) is then deployed and tagged', async () => {
    sim.ecs.setCommandScenario(MIGRATE, { kind: 'exit', exitCode: 0, afterSeconds: 60 }, { logLines: MIGRATION_LINES });
    const before = sim.calls.length;
    const { cd, version } = await release('CD: migrate before deploying');
    expect(explain(cd)).toBe('');
    const migrate = step(cd, 'deploy/deploy', 'migrate');
    expect(migrate.outputs).toMatchObject({ status: 'succeeded', 'exit-code': '0' });
    const arn = migrate.outputs['task-definition-arn'];
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task-definition\/.+:\d+$/);
    // The migration's log lines, streamed into the step log.
    for (const line of MIGRATION_LINES) expect(migrate.log).toContain(`[ecs_be_prod_container] ${line}`);
    // One registration (by ecs-run-task); ecs-deploy-wait deploys that ARN after the migration stopped.
    const calls = ecsCalls(before);
    expect(calls.filter((c) => c === 'RegisterTaskDefinition')).toHaveLength(1);
    expect(calls.indexOf('RegisterTaskDefinition')).toBeLessThan(calls.indexOf('RunTask'));
    expect(calls.indexOf('RunTask')).toBeLessThan(calls.indexOf('UpdateService'));
    const runTask = sim.callsOf('RunTask').at(-1)?.params as Record<string, unknown>;
    expect(runTask).toMatchObject({
      taskDefinition: arn,
      cluster: pipeline.cluster,
      startedBy: 'ecs-actions-migration',
      overrides: { containerOverrides: [{ name: 'ecs_be_prod_container', command: MIGRATE }] },
      networkConfiguration: { awsvpcConfiguration: expect.objectContaining({ subnets: expect.any(Array) }) },
    });
    expect(cd.outputs.deploy).toMatchObject({ status: 'succeeded', 'task-definition-arn': arn });
    expect(cd.outputs.deploy?.['migration-status']).toBe('succeeded');
    expect(running()).toBe(arn);
    expect(deployTags()).toContain(`ecs-deploy-${version}`);
  }, 120_000);

  it("a migration that fails deploys nothing: its exit code and the app's log lines are shown, no tag", async () => {
    sim.ecs.setCommandScenario(
      MIGRATE,
      { kind: 'exit', exitCode: 1, afterSeconds: 20 },
      { logLines: MIGRATION_FAILURE },
    );
    const before = sim.calls.length;
    const service = running();
    const tags = deployTags();
    const { cd } = await release('CD: a migration that fails');
    expect(cd.conclusion).toBe('failure');
    const migrate = step(cd, 'deploy/deploy', 'migrate');
    expect(migrate.outcome).toBe('failure');
    expect(migrate.outputs).toMatchObject({ status: 'failed', 'exit-code': '1' });
    expect(migrate.errors).toEqual([expect.stringContaining('container ecs_be_prod_container exited 1')]);
    expect(migrate.log).toContain(
      '    | Message    : ERROR: cannot drop table legacy_orders because other objects depend on it',
    );
    expect(step(cd, 'deploy/deploy', 'deploy').outcome).toBe('skipped');
    expect(tagStep(cd).outcome).toBe('skipped');
    expect(ecsCalls(before)).not.toContain('UpdateService');
    expect(running()).toBe(service);
    expect(deployTags()).toEqual(tags);
  }, 120_000);

  it('with logs:GetLogEvents denied, the migration says so in one line and the deploy goes on', async () => {
    sim.ecs.setCommandScenario(MIGRATE, { kind: 'exit', exitCode: 0, afterSeconds: 10 });
    sim.faults.inject({ api: 'logs', kind: 'access-denied', count: Number.POSITIVE_INFINITY });
    try {
      const { cd } = await release('CD: logs not readable');
      expect(explain(cd)).toBe('');
      const migrate = step(cd, 'deploy/deploy', 'migrate');
      expect(migrate.log.split('\n').filter((line) => line.includes('logs:GetLogEvents'))).toEqual([
        expect.stringMatching(
          /logs:GetLogEvents was denied on log group \S+ \(us-east-1\): the task's log lines are not shown/,
        ),
      ]);
      expect(cd.outputs.deploy?.status).toBe('succeeded');
    } finally {
      sim.faults.clear();
    }
  }, 120_000);

  it('a migration past migration-timeout is stopped (StopTask) and nothing is deployed', async () => {
    sim.ecs.setCommandScenario(MIGRATE, { kind: 'exit', exitCode: 0, afterSeconds: 100_000 });
    const before = sim.calls.length;
    const { cd } = await release('CD: a migration that hangs', ['migration-timeout: 3s']);
    expect(cd.conclusion).toBe('failure');
    const migrate = step(cd, 'deploy/deploy', 'migrate');
    expect(migrate.outputs.status).toBe('timed-out');
    expect(ecsCalls(before)).toContain('StopTask');
    expect(ecsCalls(before)).not.toContain('UpdateService');
    expect(step(cd, 'deploy/deploy', 'deploy').outcome).toBe('skipped');
  }, 120_000);

  it.each([
    [["migration-command: './migrate.sh up'"], 'migration-command is not a non-empty JSON array of strings'],
    [
      [`migration-command: '${JSON.stringify(MIGRATE)}'`, 'migration-timeout: half an hour'],
      "migration-timeout is not a duration such as 90s, 15m or 1h30m: 'half an hour'",
    ],
  ])(
    '%j fails before any AWS call',
    async (lines, message) => {
      await pipeline.push('CD: a bad migration setting', {
        '.github/workflows/ecs-cd.yml': await starterWith(root, [...lines, SESSION]),
      });
      const ci = await pipeline.runCi();
      expect(explain(ci)).toBe('');
      const before = sim.calls.length;
      const cd = await pipeline.runCd(ci);
      expect(cd.conclusion).toBe('failure');
      const check = lines.some((line) => line.startsWith('migration-timeout'))
        ? step(cd, 'deploy/gate', /Check the time budget/)
        : step(cd, 'deploy/deploy', /Check the settings/);
      expect(check.log).toContain(message);
      expect(sim.calls.slice(before).filter((c) => c.api !== 'github')).toEqual([]);
    },
    120_000,
  );

  it('a redeploy of a recorded revision runs the migration with that revision, registering nothing', async () => {
    sim.ecs.setCommandScenario(MIGRATE, { kind: 'exit', exitCode: 0, afterSeconds: 10 });
    await pipeline.push('CD: migrate before deploying, again', {
      '.github/workflows/ecs-cd.yml': await starterWith(root, [
        `migration-command: '${JSON.stringify(MIGRATE)}'`,
        SESSION,
      ]),
    });
    const version = deployTags()
      .map((tag) => tag.replace(/^ecs-deploy-/, ''))
      .at(0);
    const before = sim.calls.length;
    const redeploy = await pipeline.dispatchCd(version ?? '');
    expect(explain(redeploy)).toBe('');
    const plan = step(redeploy, 'deploy/deploy', 'plan').outputs;
    expect(plan.source).toBe('recorded');
    const recorded = plan['task-definition-arn'];
    expect(recorded).toMatch(/task-definition\/ecs_be_prod:\d+$/);
    const migrate = step(redeploy, 'deploy/deploy', 'migrate');
    expect(migrate.outputs).toMatchObject({ status: 'succeeded', 'task-definition-arn': recorded });
    expect(ecsCalls(before)).not.toContain('RegisterTaskDefinition');
    expect(sim.callsOf('RunTask').at(-1)?.params).toMatchObject({ taskDefinition: recorded });
    expect(running()).toBe(recorded);
  }, 120_000);

  it('a migration that cannot start (RunTask failure) deploys nothing', async () => {
    sim.ecs.setRunTaskFailure('ecs_be_prod', 'RESOURCE:MEMORY');
    const before = sim.calls.length;
    const { cd } = await release('CD: no room for the migration');
    expect(cd.conclusion).toBe('failure');
    const migrate = step(cd, 'deploy/deploy', 'migrate');
    expect(migrate.errors).toEqual([expect.stringContaining('could not start 1 of 1 tasks: RESOURCE:MEMORY')]);
    expect(ecsCalls(before)).not.toContain('UpdateService');
    expect(tagStep(cd).outcome).toBe('skipped');
  }, 120_000);

  it('calls only what the IAM policy in docs/setup.md allows, and that policy has what a migration needs', () => {
    const documented = documentedActions();
    const called = [...new Set(sim.iamActions())].filter((action) => !action.startsWith('github:'));
    expect(called.filter((action) => !documented.includes(action))).toEqual([]);
    expect(called).toEqual(
      expect.arrayContaining(['ecs:RunTask', 'ecs:StopTask', 'ecs:DescribeTasks', 'logs:GetLogEvents', 'iam:PassRole']),
    );
  });
});
