/**
 * The CD trust boundary, run from the starter workflows' YAML against the simulator (images seeded in place of
 * ecr-push, so no Docker here): CD deploys only this repository's own push builds, treats artifacts, events and tags
 * as data, and redeploys or rolls back exactly what ran in the same environment, cluster and service.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CiRun, createPipeline, type Pipeline, seededEcrPush, type WorkflowRun } from '../src/index.js';
import { explain, job, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 100 });
  pipeline = await createPipeline({
    sim,
    root: new URL('../../..', import.meta.url).pathname,
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const builds: Record<string, CiRun> = {};
/** The task definition revision each version ran as in production. */
const ranAs: Record<string, string> = {};
const versionOf = (ci: CiRun | undefined) => ci?.outputs['build-push']?.version ?? '';

/** What the service runs now. */
function runningTaskDefinition(): string {
  return String(sim.ecs.describeService(pipeline.cluster, pipeline.service)?.taskDefinition ?? '');
}

/** What a run left behind: AWS calls (ECS, ECR), deploy tags and GitHub Deployments since `mark()`. */
function mark() {
  const calls = sim.calls.length;
  const tags = JSON.stringify(sim.github.tags(pipeline.owner, pipeline.repo));
  const deployments = sim.github.deployments(pipeline.owner, pipeline.repo).length;
  return {
    awsCalls: () =>
      sim.calls
        .slice(calls)
        .filter((c) => c.api === 'ecs' || c.api === 'ecr')
        .map((c) => c.operation),
    tagsChanged: () => JSON.stringify(sim.github.tags(pipeline.owner, pipeline.repo)) !== tags,
    newDeployments: () => sim.github.deployments(pipeline.owner, pipeline.repo).length - deployments,
  };
}

/** Asserts that a CD run deployed nothing: no AWS call, no tag, no GitHub Deployment. */
function expectNothingDeployed(since: ReturnType<typeof mark>): void {
  expect(since.awsCalls()).toEqual([]);
  expect(since.tagsChanged()).toBe(false);
  expect(since.newDeployments()).toBe(0);
}

function notices(run: WorkflowRun): string[] {
  return run.jobs.flatMap((j) => j.steps.flatMap((s) => s.notices));
}

/** Creates a tag through the GitHub API as someone with write access could, by hand. */
async function handMadeTag(name: string, sha: string, message?: string): Promise<void> {
  const api = `${sim.env.GITHUB_API_URL}/repos/${pipeline.owner}/${pipeline.repo}/git`;
  const post = async (route: string, body: object) => {
    const response = await fetch(`${api}/${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.env.GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { sha: string };
  };
  const target = message ? (await post('tags', { tag: name, message, object: sha, type: 'commit' })).sha : sha;
  await post('refs', { ref: `refs/tags/${name}`, sha: target });
}

describe('CD deploys only this repository’s own push builds', () => {
  it('deploys a push build of master by the CI workflow (the baseline: two releases)', async () => {
    for (const name of ['v1', 'v2']) {
      await pipeline.push(`Feature ${name}`, { 'app.txt': `octo-app ${name}\n` });
      const ci = await pipeline.runCi();
      expect(explain(ci)).toBe('');
      const cd = await pipeline.runCd(ci);
      expect(explain(cd)).toBe('');
      expect(cd.outputs.deploy?.status).toBe('succeeded');
      builds[name] = ci;
      ranAs[name] = cd.outputs.deploy?.['task-definition-arn'] ?? '';
    }
    expect(ranAs.v2).not.toBe(ranAs.v1);
  });

  it.each([
    [
      "a fork's pull-request run (reproduction 1)",
      {
        event: 'pull_request',
        head_repository: { id: 99_999, full_name: 'someone/octo-app' },
      },
      'triggered by pull_request, not by a push',
    ],
    [
      'a run that built a fork, even when pushed',
      { head_repository: { id: 99_999, full_name: 'someone/octo-app' } },
      "not this repository octo-org/octo-app (id 702001): a fork's code is never deployed",
    ],
    [
      'a run of another workflow named CI (reproduction 2)',
      { path: '.github/workflows/test.yml' },
      'The run is of workflow .github/workflows/test.yml, not of the CI workflow .github/workflows/ecs-ci.yml',
    ],
  ])('deploys nothing for %s: the gate says why, outside the environment', async (_case, run, why) => {
    const ci = await pipeline.runCi();
    const since = mark();
    const cd = await pipeline.runCd(ci, run);
    expect(job(cd, 'deploy/gate').result).toBe('success');
    expect(notices(cd)).toEqual([expect.stringContaining(why)]);
    // The deploy job never started: no environment entered (no reviewers, no concurrency slot, no secrets).
    expect(job(cd, 'deploy/deploy')).toMatchObject({ result: 'skipped', steps: [] });
    expect(job(cd, 'deploy/deploy').environment).toBeUndefined();
    expectNothingDeployed(since);
  });

  it.each([
    [
      'a commit with a newline and a second image line (reproduction 3)',
      { commit: 'SHA\nimage=docker.io/evil/x:1' },
      'build-info commit',
    ],
    [
      'an image outside the configured repository',
      { image: 'docker.io/evil/x:1' },
      'build-info image docker.io/evil/x:1 is not',
    ],
    ['another commit than the run built', { commit: '0'.repeat(40) }, 'is not the commit the CI run built'],
    ['a version that is not HeadVer', { version: 'latest' }, 'build-info version is not a HeadVer version: latest'],
  ])('refuses a build-info artifact with %s: one error, nothing deployed', async (_case, change, message) => {
    const ci = await pipeline.runCi();
    const built = ci.outputs['build-push'] ?? {};
    const info = { version: built.version, image: built.image, digest: built.digest, commit: ci.sha };
    const forged = Object.fromEntries(
      Object.entries({ ...info, ...change }).map(([k, v]) => [k, String(v).replace('SHA', ci.sha)]),
    );
    // The artifact of a run CD is told about: here, one whose build-info was tampered with.
    const runId = ci.runId + 500_000;
    sim.github.seedArtifact({
      owner: pipeline.owner,
      repo: pipeline.repo,
      runId,
      name: 'build-info',
      files: { 'build-info.json': JSON.stringify(forged) },
      headSha: ci.sha,
    });
    const since = mark();
    const cd = await pipeline.runCd({ ...ci, runId });
    expect(cd.conclusion).toBe('failure');
    const plan = step(cd, 'deploy/deploy', 'plan');
    expect(plan.outcome).toBe('failure');
    expect(plan.errors).toEqual([expect.stringContaining(message)]);
    expect(plan.outputs).toEqual({});
    expectNothingDeployed(since);
  });

  it('refuses an environment that would forge a deploy record before any AWS call (reproduction 7)', async () => {
    const ci = await pipeline.runCi();
    const since = mark();
    pipeline.vars.DEPLOY_ENVIRONMENT = 'production\nimage: docker.io/evil/x:1';
    try {
      const cd = await pipeline.runCd(ci);
      expect(cd.conclusion).toBe('failure');
      expect(step(cd, 'deploy/gate', 'gate').errors).toEqual([
        expect.stringContaining('Input environment is not a GitHub environment name'),
      ]);
      expect(job(cd, 'deploy/deploy').result).toBe('skipped');
    } finally {
      pipeline.vars.DEPLOY_ENVIRONMENT = 'production';
    }
    expectNothingDeployed(since);
  });

  it('refuses a deploy tag whose record was forged by hand, naming the tag (reproduction 7)', async () => {
    const ci = await pipeline.runCi();
    const version = versionOf(ci);
    const record = {
      environment: 'production\nimage: docker.io/evil/x:1',
      cluster: pipeline.cluster,
      service: pipeline.service,
      time: '2026-12-01T00:00:00.000Z',
    };
    await handMadeTag(
      `ecs-deploy-${version}`,
      ci.sha,
      `Deploy ${version}\n\nversion: ${version}\ncommit: ${ci.sha}\ndeploys:\n${JSON.stringify(record)}\n`,
    );
    const since = mark();
    const cd = await pipeline.dispatchCd(version);
    expect(cd.conclusion).toBe('failure');
    expect(step(cd, 'deploy/deploy', 'record').errors).toEqual([
      expect.stringContaining(
        `Deploy tag ecs-deploy-${version} in octo-org/octo-app does not hold valid deploy records`,
      ),
    ]);
    expect(step(cd, 'deploy/deploy', 'plan').outcome).toBe('skipped');
    expect(since.awsCalls()).toEqual([]);
    expect(since.newDeployments()).toBe(0);
  });
});

describe('redeploy and rollback deploy exactly what ran here', () => {
  it('"previous" rolls production back to its own previous, by its recorded revision, ignoring staging (reproductions 4, 6)', async () => {
    // Staging has run two newer builds that production never ran.
    for (const name of ['v3', 'v4']) {
      await pipeline.push(`Feature ${name}`, { 'app.txt': `octo-app ${name}\n` });
      const ci = await pipeline.runCi();
      expect(explain(ci)).toBe('');
      builds[name] = ci;
      const version = versionOf(ci);
      const record = {
        environment: 'staging',
        cluster: 'ecs-be-staging',
        service: 'ecs-be-staging-service',
        image: `${REGISTRY}/${pipeline.repository}:${version}`,
        'task-definition': `arn:aws:ecs:us-east-1:123456789012:task-definition/staging:${name === 'v3' ? 3 : 4}`,
        time: new Date().toISOString(),
      };
      await handMadeTag(
        `ecs-deploy-${version}`,
        ci.sha,
        `Deploy ${version} to staging\n\nversion: ${version}\ncommit: ${ci.sha}\ndeploys:\n${JSON.stringify(record)}\n`,
      );
    }
    // Master's task definition file changes after the releases: a rollback must not pick that up.
    await pipeline.push('Ops: more memory', {
      '.aws/task-definition.json': (
        await readFile(path.join(pipeline.app.dir, '.aws/task-definition.json'), 'utf8')
      ).replace('"memory": "3072"', '"memory": "4096"'),
    });

    const since = mark();
    const rollback = await pipeline.dispatchCd('previous');
    expect(explain(rollback)).toBe('');
    expect(rollback.outputs.deploy).toMatchObject({ version: versionOf(builds.v1), status: 'succeeded' });
    expect(step(rollback, 'deploy/deploy', 'record').outputs).toMatchObject({
      version: versionOf(builds.v1),
      'latest-version': versionOf(builds.v2),
      'deployed-here': 'true',
      'task-definition-arn': ranAs.v1,
    });
    expect(step(rollback, 'deploy/deploy', 'plan').outputs).toMatchObject({ source: 'recorded' });
    expect(step(rollback, 'deploy/deploy', 'render').outcome).toBe('skipped');
    expect(since.awsCalls()).not.toContain('RegisterTaskDefinition');
    expect(since.awsCalls()).toContain('UpdateService');
    expect(runningTaskDefinition()).toBe(ranAs.v1);
  });

  it('a legacy tag as the rollback target fails, naming the tag and what to give, and never deploys latest (reproduction 5)', async () => {
    // The hand-written pipeline's lightweight tag on the repository's first commit.
    const first = (await pipeline.app.commits())[0] ?? '';
    await handMadeTag('ecs-deploy-0.2548.7', first);
    const since = mark();
    const rollback = await pipeline.dispatchCd('previous');
    expect(rollback.conclusion).toBe('failure');
    const plan = step(rollback, 'deploy/deploy', 'plan');
    expect(plan.errors).toEqual([
      `Deploy tag ecs-deploy-0.2548.7 records no image and no task definition (made before ecs-actions recorded deploys), so what it ran is unknown, and this run was given no image (deploy.yml's image input is empty: the CD workflow must pass its own image input on to it). Nothing was deployed. Run CD by hand with version 0.2548.7 and image ${REGISTRY}/${pipeline.repository}:0.2548.7 (the task definition file of commit ${first} is rendered with it).`,
    ]);
    expectNothingDeployed(since);
    expect(runningTaskDefinition()).toBe(ranAs.v1);

    // Given its image, the legacy version is rendered from its own commit and recorded from then on.
    sim.ecr.seedImage({ repositoryName: pipeline.repository, tags: ['0.2548.7'] });
    const byHand = await pipeline.dispatchCd('0.2548.7', { image: `${REGISTRY}/${pipeline.repository}:0.2548.7` });
    expect(explain(byHand)).toBe('');
    expect(step(byHand, 'deploy/deploy', /^Run actions\/checkout@/).outputs.commit).toBe(first);
    expect(
      sim.github.tags(pipeline.owner, pipeline.repo).find((t) => t.name === 'ecs-deploy-0.2548.7')?.message,
    ).toContain('"environment":"production"');
  });

  it('a version that ran only in staging is promoted from its own commit, not master (reproduction 6)', async () => {
    const v4 = builds.v4 as CiRun;
    const since = mark();
    const promote = await pipeline.dispatchCd(versionOf(v4));
    expect(explain(promote)).toBe('');
    expect(step(promote, 'deploy/deploy', 'plan').outputs).toMatchObject({ source: 'render', sha: v4.sha });
    expect(step(promote, 'deploy/deploy', /^Run actions\/checkout@/).outputs.commit).toBe(v4.sha);
    expect(since.awsCalls()).toContain('RegisterTaskDefinition');
    // The task definition file of v4's commit (3072 MiB), not master's newer one (4096).
    const registered = sim.calls
      .slice()
      .reverse()
      .find((c) => c.operation === 'RegisterTaskDefinition');
    expect(JSON.stringify(registered?.params)).toContain('"memory":"3072"');
    expect(promote.outputs.deploy).toMatchObject({ version: versionOf(v4), status: 'succeeded' });
  });

  it('a version never deployed anywhere fails: its commit is unknown, nothing is deployed', async () => {
    const ci = await pipeline.runCi();
    const since = mark();
    const cd = await pipeline.dispatchCd(versionOf(ci));
    expect(cd.conclusion).toBe('failure');
    expect(step(cd, 'deploy/deploy', 'plan').errors).toEqual([
      expect.stringContaining(`Version ${versionOf(ci)} has no deploy tag: it was never deployed`),
    ]);
    expectNothingDeployed(since);
  });
});
