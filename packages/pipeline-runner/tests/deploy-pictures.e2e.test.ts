/**
 * The pictures of a deploy in the CD summary, run from deploy.yml's YAML and the committed bundles against the
 * simulator (images seeded in place of ecr-push): ecs-deploy-wait's rollout timeline (a success, then a crash loop
 * rolled back) and deploy-tag's history of the place after each deploy, the rolled-back one included.
 */
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pipeline } from '../src/index.js';
import { explain, startSeededPipeline, step } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;

beforeAll(async () => {
  ({ sim, pipeline } = await startSeededPipeline());
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

/** The labels of a summary's one gantt block, as Mermaid draws them (entity codes read back). */
function ganttLabels(summary: string): string[] {
  const blocks = [...summary.matchAll(/```mermaid\n([\s\S]*?)\n```/g)];
  expect(blocks).toHaveLength(1);
  return (blocks[0]?.[1] ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    '))
    .map((line) =>
      line
        .trim()
        .replace(/ :.*$/, '')
        .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))),
    );
}

describe('deploy.yml draws the rollout and the deploy history', () => {
  const versions: string[] = [];

  it('a deploy: its rollout timeline, and the history with it running now', async () => {
    const ci = await pipeline.runCi();
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    versions.push(ci.outputs['build-push']?.version ?? '');

    const deploy = step(cd, 'deploy/deploy', 'deploy').summary;
    expect(deploy).toContain('#### Rollout timeline');
    expect(ganttLabels(deploy)).toEqual(
      expect.arrayContaining(['Check the service', 'Register', 'Update the service', 'Roll out']),
    );

    const history = step(cd, 'deploy/deploy', 'history');
    expect(history.outcome).toBe('success');
    expect(history.summary).toContain('### Deploy history: 1 place');
    expect(history.summary).toContain(`| ${versions[0]} | octocat`);
    expect(history.summary).toContain('deployed \\(first deploy here\\); runs there now');
    expect(ganttLabels(history.summary)).toEqual([`${versions[0]} by octocat`]);
    expect(JSON.parse(history.outputs.history ?? '')).toMatchObject([
      { environment: 'production', deploys: [{ version: versions[0], change: 'first', current: true }] },
    ]);
  }, 180_000);

  it('a crash loop rolled back: the timeline shows where it went wrong, the history what still runs', async () => {
    await pipeline.push('Feature: crashes', { 'app.txt': 'crash\n' });
    const ci = await pipeline.runCi();
    sim.ecs.setImageScenario(ci.outputs['build-push']?.image ?? '', { kind: 'crash-on-start', exitCode: 1 });
    const cd = await pipeline.runCd(ci);
    expect(cd.conclusion).toBe('failure');
    const deploy = step(cd, 'deploy/deploy', 'deploy');
    expect(deploy.outputs.status).toBe('rolled-back');
    const labels = ganttLabels(deploy.summary);
    expect(labels).toContain('Roll back and report');
    expect(deploy.summary).toMatch(/ :crit, t\d+, \d+, \d+\n/);

    // The failed deploy wrote no record: the history shows it failed (its GitHub Deployment), the first version
    // still running there.
    const history = step(cd, 'deploy/deploy', 'history');
    expect(history.outcome).toBe('success');
    expect(history.summary).toMatch(
      new RegExp(`\\| ${versions[0]} \\| octocat .*\\| deployed \\\\\\(first deploy here\\\\\\); runs there now \\|`),
    );
    expect(history.summary).toMatch(
      new RegExp(
        `\\| ${ci.outputs['build-push']?.version} \\| octocat .*\\| FAILED \\\\\\(its GitHub Deployment failed`,
      ),
    );
    expect(ganttLabels(history.summary)).toEqual([
      `${versions[0]} by octocat`,
      `${ci.outputs['build-push']?.version} by octocat, failed`,
    ]);
  }, 240_000);
});
