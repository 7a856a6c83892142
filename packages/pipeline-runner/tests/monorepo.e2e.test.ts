/**
 * Two applications in one repository, run from YAML against the simulator (images seeded in place of ecr-push): one
 * CI run builds both (build-push.yml with app, one artifact build-info-<app> each, as upload-artifact v4+ refuses a
 * second artifact of one name), and each application's own CD deploys its own build (deploy.yml with app: its
 * artifact, its service, its deploy tags ecs-deploy-<app>-<version>).
 */
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pipeline } from '../src/index.js';
import { cdCalling, explain, job, startSeededPipeline, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const APPS = ['api', 'web'] as const;
const CLUSTER = 'octo';

const CI = `name: CI
on:
  push:
    branches: [master]
permissions: {}
jobs:
${APPS.map(
  (app) => `  ${app}:
    uses: ecs-actions/ecs-actions/.github/workflows/build-push.yml@v1
    permissions: { contents: read, id-token: write }
    with:
      app: ${app}
      aws-region: \${{ vars.AWS_REGION }}
      role-to-assume: \${{ vars.AWS_ROLE_ARN }}
      repository: octo-${app}
`,
).join('')}`;

/** The CD of one application (its own workflow file in the repository). */
const cdOf = (app: string) =>
  cdCalling([`app: ${app}`, `repository: octo-${app}`, `cluster: ${CLUSTER}`, `service: octo-${app}`]);

beforeAll(async () => {
  ({ sim, pipeline } = await startSeededPipeline());
  for (const app of APPS) {
    sim.ecr.seedRepository({ repositoryName: `octo-${app}`, imageTagMutability: 'MUTABLE' });
    pipeline.addService(CLUSTER, `octo-${app}`);
  }
  await pipeline.push('Two applications: one CI', { '.github/workflows/ecs-ci.yml': CI });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe('a monorepo: one CI run builds two applications, each CD deploys its own', () => {
  it('uploads build-info-api and build-info-web, and each CD deploys its app’s image to its service and tags', async () => {
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const artifacts = APPS.map((app) =>
      job(ci, `${app}/build-push`).steps.find((s) => s.uses?.startsWith('actions/upload-artifact')),
    );
    expect(artifacts.map((s) => s?.inputs.name)).toEqual(['build-info-api', 'build-info-web']);

    for (const app of APPS) {
      await pipeline.push(`CD of ${app}`, { '.github/workflows/ecs-cd.yml': cdOf(app) });
      const before = sim.calls.length;
      const cd = await pipeline.runCd(ci);
      expect(explain(cd)).toBe('');
      const built = ci.outputs[app] ?? {};
      expect(step(cd, 'deploy/deploy', /Download the build-info/).inputs.name).toBe(`build-info-${app}`);
      expect(step(cd, 'deploy/deploy', 'plan').outputs).toMatchObject({ image: built.image, version: built.version });
      const updates = sim.calls
        .slice(before)
        .filter((c) => c.operation === 'UpdateService')
        .map((c) => (c.params as { service?: string }).service);
      expect(updates).toEqual([`octo-${app}`]);
      expect(cd.outputs.deploy).toMatchObject({ status: 'succeeded' });
    }
    const version = ci.outputs.api?.version;
    expect(version).toBe(ci.outputs.web?.version);
    const tags = sim.github.tags(pipeline.owner, pipeline.repo).map((t) => t.name);
    expect(tags).toEqual(expect.arrayContaining([`ecs-deploy-api-${version}`, `ecs-deploy-web-${version}`]));
    expect(tags).not.toContain(`ecs-deploy-${version}`);
  }, 240_000);

  it('refuses an app name that cannot name an artifact and a tag, before anything runs in the environment', async () => {
    await pipeline.push('CD of a bad app name', {
      '.github/workflows/ecs-cd.yml': cdOf('api').replace('app: api', "app: 'API/v2'"),
    });
    const ci = await pipeline.runCi();
    const cd = await pipeline.runCd(ci);
    expect(cd.conclusion).toBe('failure');
    expect(step(cd, 'deploy/gate', 'gate').errors).toEqual([
      'Input app is not an application name (lower-case letters, digits, _ and -, at most 64): API/v2',
    ]);
    expect(job(cd, 'deploy/deploy').result).toBe('skipped');
  }, 240_000);
});
