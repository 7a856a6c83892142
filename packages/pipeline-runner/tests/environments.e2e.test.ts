/**
 * Staging and production from one repository, run from YAML against the simulator (images seeded in place of
 * ecr-push): a CD workflow with one caller job per environment that passes no cluster or service; deploy.yml's deploy
 * job, which runs in the environment, reads them from the environment's own variables (over the repository's).
 */
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPipeline, type Pipeline, seededEcrPush } from '../src/index.js';
import { cdWorkflow, explain, job, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const root = new URL('../../..', import.meta.url).pathname;
const STAGING = { cluster: 'ecs-be-staging', service: 'ecs-be-staging-service' };

/** A CD with one caller job per environment, production after staging, settings from the environments' variables. */
const CD = cdWorkflow([
  'staging:',
  "  if: github.event.workflow_run.conclusion == 'success'",
  '  uses: ecs-actions/ecs-actions/.github/workflows/deploy.yml@v1',
  '  permissions: { contents: write, id-token: write, actions: read, deployments: write }',
  '  with:',
  '    environment: staging',
  'production:',
  '  needs: staging',
  '  uses: ecs-actions/ecs-actions/.github/workflows/deploy.yml@v1',
  '  permissions: { contents: write, id-token: write, actions: read, deployments: write }',
  '  with:',
  '    environment: production',
]);

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 100 });
  pipeline = await createPipeline({
    sim,
    root,
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
    // Production's cluster and service are the repository's variables; staging overrides them with its own.
    environmentVars: { staging: { ECS_CLUSTER: STAGING.cluster, ECS_SERVICE: STAGING.service } },
  });
  pipeline.addService(STAGING.cluster, STAGING.service);
  await pipeline.push('CD: staging, then production', { '.github/workflows/ecs-cd.yml': CD });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const runningTaskDefinition = (cluster: string, service: string) =>
  String(sim.ecs.describeService(cluster, service)?.taskDefinition ?? '');

describe('staging and production, each reading its own environment variables', () => {
  it('deploys one build to the staging service, then to production, and records both places in its tag', async () => {
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    expect(cd.conclusion).toBe('success');
    expect(job(cd, 'staging/deploy').environment).toBe('staging');
    expect(job(cd, 'production/deploy').environment).toBe('production');
    // Each deploy job updated its own environment's service.
    const updates = sim.calls
      .filter((c) => c.operation === 'UpdateService')
      .map((c) => {
        const params = c.params as { cluster?: string; service?: string };
        return `${params.cluster}/${params.service}`;
      });
    expect(updates).toEqual([`${STAGING.cluster}/${STAGING.service}`, `${pipeline.cluster}/${pipeline.service}`]);
    expect(runningTaskDefinition(STAGING.cluster, STAGING.service)).toBe(
      step(cd, 'staging/deploy', 'deploy').outputs['task-definition-arn'],
    );
    expect(runningTaskDefinition(pipeline.cluster, pipeline.service)).toBe(
      step(cd, 'production/deploy', 'deploy').outputs['task-definition-arn'],
    );
    const version = ci.outputs['build-push']?.version ?? '';
    const tag = sim.github.tags(pipeline.owner, pipeline.repo).find((t) => t.name === `ecs-deploy-${version}`);
    expect(tag?.commit).toBe(ci.sha);
    expect(tag?.message).toContain(
      `"environment":"staging","cluster":"${STAGING.cluster}","service":"${STAGING.service}"`,
    );
    expect(tag?.message).toContain(
      `"environment":"production","cluster":"${pipeline.cluster}","service":"${pipeline.service}"`,
    );
  });

  it('an environment variable that is not a valid setting fails its deploy job before any AWS call', async () => {
    const ci = await pipeline.runCi();
    const before = sim.calls.length;
    const vars = pipeline.vars;
    const original = vars.ECS_CLUSTER ?? '';
    vars.ECS_CLUSTER = 'prod cluster';
    try {
      // Staging overrides ECS_CLUSTER and deploys; production reads the broken repository variable and stops.
      const cd = await pipeline.runCd(ci);
      expect(cd.conclusion).toBe('failure');
      expect(job(cd, 'staging/deploy').result).toBe('success');
      const check = step(cd, 'production/deploy', /^Check the settings$/);
      expect(check.errors).toEqual([
        "cluster (input, or variable ECS_CLUSTER) is not an ECS cluster name: 'prod cluster'",
      ]);
      const production = sim.calls
        .slice(before)
        .filter((c) => (c.params as { cluster?: string } | undefined)?.cluster === 'prod cluster');
      expect(production).toEqual([]);
    } finally {
      vars.ECS_CLUSTER = original;
    }
  });
});
