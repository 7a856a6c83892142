/**
 * The starter CD for staging and production (.github/workflow-templates/ecs-cd-staging-production.yml, the workflow
 * docs/setup.md shows), run from its YAML against the simulator (images seeded in place of ecr-push): each CI build
 * goes to staging, then to production once its required reviewer approves (approval given, rejected and withheld),
 * the same digest; a manual run deploys, redeploys or rolls back the chosen environment only; an older build never
 * replaces a newer one on its own; a tag moved in ECR since CI is refused.
 */
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adoptTemplate,
  type CiRun,
  type Pipeline,
  REFUSED_DEPLOYMENT,
  type ReviewDecision,
  type ReviewRequest,
  type WorkflowRun,
} from '../src/index.js';
import { explain, job, ROOT, startSeededPipeline, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const STAGING = { cluster: 'ecs-be-staging', service: 'ecs-be-staging-service' };
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

/** What production's reviewer answers next (undefined: nobody reviews), and every review request made. */
let answer: ReviewDecision | undefined;
const requests: ReviewRequest[] = [];

beforeAll(async () => {
  ({ sim, pipeline } = await startSeededPipeline({
    environmentVars: { staging: { ECS_CLUSTER: STAGING.cluster, ECS_SERVICE: STAGING.service } },
    environments: { production: { requiredReviewers: ['release-lead'] } },
    review: (request) => {
      requests.push(request);
      return answer;
    },
  }));
  pipeline.addService(STAGING.cluster, STAGING.service);
  await pipeline.push('CD: staging, then production after approval', {
    '.github/workflows/ecs-cd.yml': await adoptTemplate(ROOT, 'ecs-cd-staging-production.yml'),
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const versionOf = (ci: CiRun) => ci.outputs['build-push']?.version ?? '';
const digestOf = (ci: CiRun) => ci.outputs['build-push']?.digest ?? '';
const running = (cluster: string, service: string) => String(sim.ecs.describeService(cluster, service)?.taskDefinition);
const runningInStaging = () => running(STAGING.cluster, STAGING.service);
const runningInProduction = () => running(pipeline.cluster, pipeline.service);
/** The `cluster/service` of each UpdateService since `from` (an index into sim.calls). */
const updatesSince = (from: number) =>
  sim.calls
    .slice(from)
    .filter((c) => c.operation === 'UpdateService')
    .map((c) => `${(c.params as { cluster?: string }).cluster}/${(c.params as { service?: string }).service}`);
/** The container images of the task definitions registered since `from`. */
const registeredImagesSince = (from: number) =>
  sim.calls
    .slice(from)
    .filter((c) => c.operation === 'RegisterTaskDefinition')
    .map((c) => (c.params as { containerDefinitions?: { image?: string }[] }).containerDefinitions?.[0]?.image);
const notices = (run: WorkflowRun, jobId: string) => job(run, jobId).steps.flatMap((s) => s.notices);

/** The builds each test leaves for the next ones, by name. */
const builds: Record<string, CiRun> = {};

describe('each CI build: staging, then production after approval', () => {
  it('deploys the build to staging, asks production’s reviewer, then deploys the same digest to production', async () => {
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    builds.first = ci;
    answer = { approve: true, reviewer: 'release-lead' };
    const from = sim.calls.length;
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    expect(cd.conclusion).toBe('success');
    expect(job(cd, 'manual').result).toBe('skipped');
    // Only production asks: staging has no reviewers.
    expect(requests.map((r) => [r.environment, r.job])).toEqual([['production', 'production/deploy']]);
    expect(job(cd, 'production/deploy').protection).toEqual({
      review: { state: 'approved', reviewer: 'release-lead' },
    });
    expect(updatesSince(from)).toEqual([
      `${STAGING.cluster}/${STAGING.service}`,
      `${pipeline.cluster}/${pipeline.service}`,
    ]);
    // Both environments run exactly the digest CI built (pinned), checked in ECR by each.
    const pinned = `${REGISTRY}/${pipeline.repository}@${digestOf(ci)}`;
    expect(registeredImagesSince(from)).toEqual([pinned, pinned]);
    expect(step(cd, 'production/deploy', 'render').outputs['image-digest']).toBe(digestOf(ci));
    expect(cd.outputs.production).toMatchObject({ version: versionOf(ci), status: 'succeeded' });
  }, 300_000);

  it.each([
    ['rejected', { approve: false, reviewer: 'release-lead', comment: 'freeze' } as const, REFUSED_DEPLOYMENT],
    ['withheld', undefined, `The job was not approved within 30 days. ${REFUSED_DEPLOYMENT}`],
  ])(
    'approval %s: staging runs the build, production is not touched, and the run fails',
    async (_, decision, why) => {
      const ci = await pipeline.runCi();
      builds.unapproved = ci;
      answer = decision;
      const production = runningInProduction();
      const from = sim.calls.length;
      const cd = await pipeline.runCd(ci);
      expect(cd.conclusion).toBe('failure');
      expect(job(cd, 'staging/deploy').result).toBe('success');
      expect(job(cd, 'production/deploy').result).toBe('failure');
      expect(job(cd, 'production/deploy').steps).toEqual([]);
      expect(job(cd, 'production/deploy').protection?.refused).toBe(why);
      expect(updatesSince(from)).toEqual([`${STAGING.cluster}/${STAGING.service}`]);
      expect(runningInProduction()).toBe(production);
    },
    300_000,
  );
});

describe('by hand: one environment only', () => {
  it('rolls production back alone (staging is neither deployed nor asked), after approval', async () => {
    // Production ran the first build and then a second one; staging has run every build since.
    const second = await pipeline.runCi();
    answer = { approve: true, reviewer: 'release-lead' };
    expect(explain(await pipeline.runCd(second))).toBe('');
    const staging = runningInStaging();
    requests.length = 0;
    const from = sim.calls.length;
    const rollback = await pipeline.dispatchCd('previous', { environment: 'production' });
    expect(explain(rollback)).toBe('');
    expect(rollback.jobs.map((j) => [j.id, j.result])).toEqual([
      ['staging', 'skipped'],
      ['production', 'skipped'],
      ['manual/gate', 'success'],
      ['manual/deploy', 'success'],
      // The promote flow's jobs (promote-environment not set).
      ['manual/promote', 'skipped'],
      ['manual/rollback', 'skipped'],
    ]);
    expect(requests.map((r) => r.job)).toEqual(['manual/deploy']);
    expect(updatesSince(from)).toEqual([`${pipeline.cluster}/${pipeline.service}`]);
    expect(rollback.outputs.manual).toMatchObject({ version: versionOf(builds.first as CiRun), status: 'succeeded' });
    expect(runningInStaging()).toBe(staging);
  }, 300_000);

  it('redeploys staging alone, without asking production’s reviewer', async () => {
    requests.length = 0;
    const production = runningInProduction();
    const from = sim.calls.length;
    const redeploy = await pipeline.dispatchCd(versionOf(builds.first as CiRun), { environment: 'staging' });
    expect(explain(redeploy)).toBe('');
    expect(requests).toEqual([]);
    expect(updatesSince(from)).toEqual([`${STAGING.cluster}/${STAGING.service}`]);
    expect(runningInProduction()).toBe(production);
  }, 300_000);

  it('passes image on for a legacy tag; without one the error says that no image was given', async () => {
    const first = (await pipeline.app.commits())[0] ?? '';
    await lightweightTag('ecs-deploy-0.2548.7', first);
    sim.ecr.seedImage({ repositoryName: pipeline.repository, tags: ['0.2548.7'] });
    const without = await pipeline.dispatchCd('0.2548.7', { environment: 'staging' });
    expect(without.conclusion).toBe('failure');
    expect(step(without, 'manual/deploy', 'plan').errors).toEqual([
      expect.stringContaining("this run was given no image (deploy.yml's image input is empty"),
    ]);
    const image = `${REGISTRY}/${pipeline.repository}:0.2548.7`;
    const withImage = await pipeline.dispatchCd('0.2548.7', { environment: 'staging', image });
    expect(explain(withImage)).toBe('');
    expect(step(withImage, 'manual/deploy', 'plan').outputs).toMatchObject({ source: 'render', image, sha: first });
  }, 300_000);
});

describe('never backwards on its own, never other bytes than CI built', () => {
  it('a CI run that completes after a newer build was deployed changes nothing, with a notice; by hand it may', async () => {
    // v1 deployed, then v2; then v1's CD runs again (a re-run of the old run, or one that completes late).
    const older = await pipeline.runCi();
    const newer = await pipeline.runCi();
    answer = { approve: true, reviewer: 'release-lead' };
    expect(explain(await pipeline.runCd(older))).toBe('');
    expect(explain(await pipeline.runCd(newer))).toBe('');
    const staging = runningInStaging();
    const from = sim.calls.length;
    const late = await pipeline.runCd(older);
    expect(explain(late)).toBe('');
    expect(step(late, 'staging/deploy', 'plan').outputs).toEqual({ source: 'none' });
    expect(notices(late, 'staging/deploy')).toEqual([
      `Build ${versionOf(older)} is older than ${versionOf(newer)}, which runs in staging (${STAGING.cluster}/${STAGING.service} in us-east-1) now: nothing was changed. To go back to it on purpose, run CD by hand with version ${versionOf(older)}.`,
    ]);
    expect(step(late, 'staging/deploy', 'deploy').outcome).toBe('skipped');
    expect(job(late, 'production').result).toBe('skipped');
    expect(updatesSince(from)).toEqual([]);
    expect(runningInStaging()).toBe(staging);

    // By hand, going back is what a redeploy is for.
    const byHand = await pipeline.dispatchCd(versionOf(older), { environment: 'staging' });
    expect(explain(byHand)).toBe('');
    expect(byHand.outputs.manual).toMatchObject({ version: versionOf(older), status: 'succeeded' });
    expect(updatesSince(from)).toEqual([`${STAGING.cluster}/${STAGING.service}`]);
  }, 300_000);

  it('a tag moved in ECR since CI pushed it is refused before anything changes', async () => {
    const ci = await pipeline.runCi();
    const other = `sha256:${'e'.repeat(64)}`;
    sim.ecr.seedImage({ repositoryName: pipeline.repository, tags: [versionOf(ci)], digest: other });
    const staging = runningInStaging();
    const from = sim.calls.length;
    const cd = await pipeline.runCd(ci);
    expect(cd.conclusion).toBe('failure');
    expect(step(cd, 'staging/deploy', /Check the image is the one CI built/).errors).toEqual([
      `ECR says ${REGISTRY}/${pipeline.repository}:${versionOf(ci)} is ${other}, but the CI run built ${digestOf(ci)} (build-info): the tag was moved since. Nothing was deployed. Build the version again, or deploy the image CI built by hand.`,
    ]);
    expect(updatesSince(from)).toEqual([]);
    expect(registeredImagesSince(from)).toEqual([]);
    expect(runningInStaging()).toBe(staging);
  }, 300_000);
});

/** A lightweight tag as the hand-written pipeline made them (no deploy records). */
async function lightweightTag(name: string, sha: string): Promise<void> {
  const response = await fetch(`${sim.env.GITHUB_API_URL}/repos/${pipeline.owner}/${pipeline.repo}/git/refs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sim.env.GITHUB_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ref: `refs/tags/${name}`, sha }),
  });
  expect(response.status).toBe(201);
}
