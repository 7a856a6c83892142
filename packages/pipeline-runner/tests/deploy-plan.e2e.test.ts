/**
 * The starter deploy plan (.github/workflow-templates/ecs-deploy-plan.yml), run from its YAML for pull_request events
 * against the simulator: a pull request of this repository that changes the task definition gets the plan (the
 * diff, the predicted rollout time, verify's findings) in its job summary and the step's `plan` output, with reads
 * only; one from a fork gets no job, no credentials and no AWS call.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { adoptTemplate, createPipeline, type Pipeline, seededEcrPush } from '../src/index.js';
import { APP_REPOSITORY_ID } from '../src/pipeline.js';
import { explain, job, ROOT, starterWith, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const PLAN_FILE = '.github/workflows/deploy-plan.yml';
let runs = 0;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 100 });
  pipeline = await createPipeline({
    sim,
    root: ROOT,
    vars: { AWS_PLAN_ROLE_ARN: 'arn:aws:iam::123456789012:role/github-actions-ecs-plan' },
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

/** A pull_request event of the pull request whose head is the repository's current head, from `headRepository`. */
async function pullRequest(headRepository: string) {
  const sha = await pipeline.app.head();
  runs += 1;
  return pipeline.runner.run(path.join(pipeline.app.dir, PLAN_FILE), {
    eventName: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 42,
      pull_request: {
        number: 42,
        head: { sha, ref: 'more-memory', repo: { full_name: headRepository } },
        base: { ref: 'master', repo: { id: APP_REPOSITORY_ID, full_name: `${pipeline.owner}/${pipeline.repo}` } },
      },
      repository: { id: APP_REPOSITORY_ID, full_name: `${pipeline.owner}/${pipeline.repo}`, default_branch: 'master' },
    },
    sha,
    ref: 'refs/pull/42/merge',
    runId: 7_200_000_000 + runs,
    runNumber: runs,
  });
}

const WRITES = /^(Register|Update|Create|Delete|Deregister|Put|Tag|Untag|Stop|Run|Start)/;

describe('the deploy plan starter workflow', () => {
  it('grants nothing at the workflow level; the plan job reads the code and gets an OIDC token, nothing more', () => {
    const parsed = parse(readFileSync(path.join(ROOT, '.github/workflow-templates/ecs-deploy-plan.yml'), 'utf8'));
    expect(parsed.permissions).toEqual({});
    expect(parsed.jobs.plan.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('a pull request of this repository: the plan in the job summary and the plan output, with reads only', async () => {
    // Deployed once, so that the plan renders the file with the image that runs (its deploy tag's record).
    const deployed = await pipeline.runCd(await pipeline.runCi());
    expect(explain(deployed)).toBe('');
    const running = sim.ecs.describeService(pipeline.cluster, pipeline.service)?.taskDefinition;
    const file = path.join(pipeline.app.dir, '.aws/task-definition.json');
    const definition = JSON.parse(readFileSync(file, 'utf8')) as { memory: string };
    await pipeline.push('PR: the plan workflow, and more memory', {
      [PLAN_FILE]: await adoptTemplate(ROOT, 'ecs-deploy-plan.yml'),
      '.aws/task-definition.json': `${JSON.stringify({ ...definition, memory: '4096' }, null, 2)}\n`,
    });
    const before = sim.calls.length;
    const run = await pullRequest(`${pipeline.owner}/${pipeline.repo}`);
    expect(explain(run)).toBe('');
    const plan = step(run, 'plan', 'plan');
    expect(plan.outputs.status).toBe('planned');
    expect(plan.outputs.plan).toContain('##### Task definition changes');
    expect(plan.outputs.plan).toMatch(/memory: "3072" → "4096"/);
    // The image that runs is the plan's too: the pull request changes the memory only.
    expect(step(run, 'plan', 'render').outcome).toBe('success');
    expect(plan.outputs.plan).not.toContain('image:');
    expect(plan.outputs.plan).toContain('##### Predicted rollout time');
    // verify: warn in the template: the pipeline's roles are not in the simulator's IAM, which verify reports.
    expect(plan.outputs.plan).toMatch(/- would fail the rollout: the execution role \S+ does not exist/);
    expect(plan.summary).toContain('PLAN (dry run: nothing changed)');
    const calls = sim.calls.slice(before).filter((call) => call.api !== 'github');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((call) => WRITES.test(call.operation)).map((call) => call.operation)).toEqual([]);
    expect(sim.ecs.describeService(pipeline.cluster, pipeline.service)?.taskDefinition).toBe(running);
  }, 120_000);

  it('a pull request from a fork: no job, no credentials, no AWS call', async () => {
    const before = sim.calls.length;
    const run = await pullRequest('someone/octo-app');
    expect(job(run, 'plan').result).toBe('skipped');
    expect(sim.calls.slice(before).filter((call) => call.api !== 'github')).toEqual([]);
  }, 60_000);
});

describe('deploy.yml with dry-run: true', () => {
  it('plans the build CI made: no migration, registration, update, deploy tag or GitHub Deployment', async () => {
    await pipeline.push('CD: plan only', {
      '.github/workflows/ecs-cd.yml': await starterWith(ROOT, ['dry-run: true', 'verify: fail']),
    });
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const tagsBefore = sim.github.tags(pipeline.owner, pipeline.repo).length;
    const before = sim.calls.length;
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    const deploy = step(cd, 'deploy/deploy', 'deploy');
    expect(deploy.outputs.status).toBe('planned');
    expect(deploy.outputs.plan).toContain(`${ci.outputs['build-push']?.version}`);
    expect(step(cd, 'deploy/deploy', 'tag').outcome).toBe('skipped');
    expect(step(cd, 'deploy/deploy', 'deployment').outcome).toBe('skipped');
    const calls = sim.calls.slice(before).filter((call) => call.api !== 'github');
    expect(calls.filter((call) => WRITES.test(call.operation)).map((call) => call.operation)).toEqual([]);
    expect(sim.github.tags(pipeline.owner, pipeline.repo)).toHaveLength(tagsBefore);
  }, 180_000);
});
