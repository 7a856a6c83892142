/**
 * deploy.yml's per-deploy settings, run from the starter CD's YAML against the simulator (images seeded in place of
 * ecr-push, so no Docker here): environment-variables, secrets (references), desired-count and tag-prefix given in
 * the caller's `with:` reach the registered task definition, the service and the deploy tag.
 */
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPipeline, type Pipeline, seededEcrPush } from '../src/index.js';
import { documentedActions } from './documented-policy.js';
import { explain, starterWith, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const root = new URL('../../..', import.meta.url).pathname;
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:octo-app/db-AbCdEf';

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 100 });
  pipeline = await createPipeline({
    sim,
    root,
    desiredCount: 2,
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe('deploy.yml passes the per-deploy settings of its caller', () => {
  it('registers the environment and secret references, sets the desired count and tags with the prefix', async () => {
    const extended = await starterWith(root, [
      'environment-variables: |',
      '  LOG_LEVEL=debug',
      '  DATABASE_URL=postgres://db.internal:5432/app?sslmode=require',
      'secrets: |',
      `  DB_PASSWORD=${SECRET_ARN}`,
      'desired-count: "3"',
      'tag-prefix: release-',
    ]);
    await pipeline.push('CD: environment, secrets and three tasks', { '.github/workflows/ecs-cd.yml': extended });

    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    expect(cd.outputs.deploy?.status).toBe('succeeded');

    const registered = sim.callsOf('RegisterTaskDefinition').at(-1)?.params as {
      containerDefinitions: { name: string; environment?: object[]; secrets?: object[] }[];
    };
    const container = registered.containerDefinitions.find((c) => c.name === 'ecs_be_prod_container');
    expect(container?.environment).toEqual(
      expect.arrayContaining([
        { name: 'LOG_LEVEL', value: 'debug' },
        // Cut at the first "=" only: the value keeps its own "=".
        { name: 'DATABASE_URL', value: 'postgres://db.internal:5432/app?sslmode=require' },
      ]),
    );
    expect(container?.secrets).toEqual(expect.arrayContaining([{ name: 'DB_PASSWORD', valueFrom: SECRET_ARN }]));

    const service = sim.ecs.describeService(pipeline.cluster, pipeline.service);
    expect(service?.taskDefinition).toBe(cd.outputs.deploy?.['task-definition-arn']);
    expect(service?.desiredCount).toBe(3);
    expect(step(cd, 'deploy/deploy', 'deploy').outputs.status).toBe('succeeded');

    const version = ci.outputs['build-push']?.version ?? '';
    const tags = sim.github.tags(pipeline.owner, pipeline.repo).map((tag) => tag.name);
    expect(tags).toContain(`release-${version}`);
    expect(tags).not.toContain(`ecs-deploy-${version}`);
  }, 120_000);

  it('refuses an images line outside the configured ECR repository before any ECS call', async () => {
    await pipeline.push('CD: a sidecar from Docker Hub', {
      '.github/workflows/ecs-cd.yml': await starterWith(root, ['images: |', '  sidecar=docker.io/library/nginx:1.27']),
    });
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const calls = sim.calls.length;
    const cd = await pipeline.runCd(ci);
    expect(cd.conclusion).toBe('failure');
    expect(step(cd, 'deploy/deploy', 'plan').outputs.images).toBe(
      `ecs_be_prod_container=${ci.outputs['build-push']?.image}\nsidecar=docker.io/library/nginx:1.27`,
    );
    expect(step(cd, 'deploy/deploy', 'render').errors).toEqual([
      expect.stringContaining(
        'The image "docker.io/library/nginx:1.27" (input "images" line 2, container "sidecar") is not in the ECR repository',
      ),
    ]);
    expect(
      sim.calls
        .slice(calls)
        .filter((c) => c.api === 'ecs')
        .map((c) => c.operation),
    ).toEqual([]);
  }, 120_000);

  it("preflight: fail deploys the seed's HA service (no findings); keep-revisions keeps what a deploy tag records", async () => {
    // keep-revisions-grace 0 (passed through deploy.yml): the simulator's clock (registeredAt) runs 100x, the
    // bundle's real time, so an age would mean nothing here (revisions.test.ts runs the grace on the simulator's clock).
    const extended = await starterWith(root, ['preflight: fail', 'keep-revisions: "1"', 'keep-revisions-grace: "0"']);
    const callsBefore = sim.calls.length;
    await pipeline.push('CD: strict preflight, keep one revision', { '.github/workflows/ecs-cd.yml': extended });
    const deployed: string[] = [];
    for (const name of ['one', 'two']) {
      await pipeline.push(`Feature ${name}`, { 'app.txt': `octo-app ${name}\n` });
      const ci = await pipeline.runCi();
      expect(explain(ci)).toBe('');
      const cd = await pipeline.runCd(ci);
      expect(explain(cd)).toBe('');
      const deploy = step(cd, 'deploy/deploy', 'deploy');
      expect(deploy.outputs.status).toBe('succeeded');
      // Two subnets in two zones, the circuit breaker with rollback, behind a target group: nothing to find.
      expect(deploy.log).toMatch(/Preflight of service ecs-be-prod-service: no findings \(preflight: fail\)/);
      expect(deploy.log).toMatch(/A rollout takes at least/);
      deployed.push(deploy.outputs['task-definition-arn'] ?? '');
    }
    const active = sim.ecs.taskDefinitionArns('ecs_be_prod');
    // The newest (two) is kept as the newest, one because its deploy tag records it; the revisions no tag records
    // and no service runs are deregistered.
    expect(deployed.every((arn) => active.includes(arn))).toBe(true);
    expect(active).not.toContain(pipeline.initialTaskDefinitionArn);
    // Every call is one docs/setup.md allows: its policy plus its keep-revisions statement (every cluster's services).
    const called = new Set(
      sim.calls
        .slice(callsBefore)
        .filter((c) => c.api !== 'github')
        .map((c) => `${c.api === 'elbv2' ? 'elasticloadbalancing' : c.api}:${c.operation}`),
    );
    expect(called).toContain('ecs:ListClusters');
    expect([...called].filter((action) => !documentedActions().includes(action))).toEqual([]);
  }, 180_000);

  it("applies the service-definition file of the version's commit with the deploy", async () => {
    const extended = await starterWith(root, ['service-definition: .aws/service-definition.json']);
    await pipeline.push('CD: service settings as code', {
      '.github/workflows/ecs-cd.yml': extended,
      '.aws/service-definition.json': JSON.stringify({ desiredCount: 3, healthCheckGracePeriodSeconds: 45 }),
    });
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    const deploy = step(cd, 'deploy/deploy', 'deploy');
    expect(deploy.outputs.status).toBe('succeeded');
    expect(deploy.log).toContain('Service definition .aws/service-definition.json changes');
    expect(deploy.log).toContain('+ healthCheckGracePeriodSeconds: 45');
    const service = sim.ecs.describeService(pipeline.cluster, pipeline.service);
    expect(service).toMatchObject({ desiredCount: 3, healthCheckGracePeriodSeconds: 45 });
  }, 120_000);
});
