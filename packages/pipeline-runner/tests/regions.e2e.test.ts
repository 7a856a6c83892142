/**
 * One build deployed to two regions by a job matrix of deploy.yml calls (docs/setup.md, "A second region"), run from
 * YAML against the simulator (images seeded in place of ecr-push). The image lives in CI's registry (us-east-1): with
 * registry-region the eu-west-1 deploy takes it from there, without it from its own region's registry (an ECR
 * replica); either way checked by the digest CI built. The simulator serves one region, so the two regions' services
 * are told apart by their clusters here, and the region by what each leg was given and checked.
 */
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CiRun, Pipeline } from '../src/index.js';
import { cdCalling, explain, job, startSeededPipeline, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
let ci: CiRun;
const EU_CLUSTER = 'ecs-be-prod-eu';

const cdAcrossRegions = (registryRegion: string, more: string[] = []) =>
  cdCalling(
    [
      'aws-region: ${{ matrix.region }}',
      'cluster: ${{ matrix.cluster }}',
      `registry-region: '${registryRegion}'`,
      'ci-workflow: .github/workflows/ecs-ci.yml',
      ...more,
    ],
    [
      'strategy:',
      '  matrix:',
      '    include:',
      '      - region: us-east-1',
      '        cluster: ecs-be-prod',
      '      - region: eu-west-1',
      `        cluster: ${EU_CLUSTER}`,
    ],
  );

beforeAll(async () => {
  ({ sim, pipeline } = await startSeededPipeline());
  pipeline.addService(EU_CLUSTER, pipeline.service);
  ci = await pipeline.runCi();
  expect(explain(ci)).toBe('');
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const registry = (region: string) => `123456789012.dkr.ecr.${region}.amazonaws.com`;

describe('one build, two regions (a job matrix of deploy.yml)', () => {
  it.each([
    ['from CI’s registry (registry-region us-east-1)', 'us-east-1', 'us-east-1'],
    ['from its own region’s registry (an ECR replica)', '', 'eu-west-1'],
  ])(
    'deploys to both regions, eu-west-1 taking the image %s, checked by digest',
    async (_, registryRegion, euRegistry) => {
      await pipeline.push('CD: two regions', { '.github/workflows/ecs-cd.yml': cdAcrossRegions(registryRegion) });
      const before = sim.calls.length;
      const cd = await pipeline.runCd(ci);
      expect(explain(cd)).toBe('');
      const built = ci.outputs['build-push'] ?? {};
      const legs = [
        ['deploy (us-east-1, ecs-be-prod)/deploy', 'us-east-1', 'ecs-be-prod', 'us-east-1'],
        [`deploy (eu-west-1, ${EU_CLUSTER})/deploy`, 'eu-west-1', EU_CLUSTER, euRegistry],
      ] as const;
      for (const [id, region, cluster, imageRegion] of legs) {
        expect(job(cd, id).result).toBe('success');
        expect(step(cd, id, 'aws').inputs['aws-region']).toBe(region);
        // One deploy at a time per place: the regions do not wait for each other.
        expect(job(cd, id).concurrency?.group).toBe(`deploy-production-${region}-${cluster}-${pipeline.service}`);
        const image = `${registry(imageRegion)}/${pipeline.repository}:${built.version}`;
        expect(step(cd, id, 'plan').outputs).toMatchObject({ image, digest: built.digest });
        expect(step(cd, id, 'render').outputs['image-digest']).toBe(built.digest);
        expect(step(cd, id, /Check the image is the one CI built/).outcome).toBe('success');
      }
      const updates = sim.calls
        .slice(before)
        .filter((c) => c.operation === 'UpdateService')
        .map((c) => (c.params as { cluster?: string }).cluster);
      expect(updates).toEqual(['ecs-be-prod', EU_CLUSTER]);
    },
    240_000,
  );

  it.each([
    [
      'a registry-region that is no region',
      'Europe',
      [],
      "registry-region is not an AWS region such as eu-west-1: 'Europe'",
    ],
    [
      'a registry-account that is no account id',
      'us-east-1',
      ["registry-account: '12345'"],
      "registry-account is not a 12-digit AWS account id: '12345'",
    ],
  ])(
    'refuses %s, before any AWS call',
    async (_, registryRegion, more, message) => {
      await pipeline.push('CD: a bad registry', {
        '.github/workflows/ecs-cd.yml': cdAcrossRegions(registryRegion, more),
      });
      const before = sim.calls.length;
      const cd = await pipeline.runCd(ci);
      expect(cd.conclusion).toBe('failure');
      expect(step(cd, 'deploy (us-east-1, ecs-be-prod)/deploy', /Check the settings/).errors).toEqual([message]);
      // fail-fast: the second region does not start.
      expect(cd.jobs.map((j) => j.id)).not.toContain(`deploy (eu-west-1, ${EU_CLUSTER})/deploy`);
      expect(sim.calls.slice(before).filter((c) => c.api !== 'github')).toEqual([]);
    },
    120_000,
  );
});
