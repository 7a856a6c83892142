/**
 * The GitHub Deployment of a deploy, run from deploy.yml's YAML against the simulator (images seeded in place of
 * ecr-push): in_progress when the deploy starts, then success (the Deployment it replaces inactive) or failure (a
 * rollout rolled back; what it would have replaced stays active), with the environment-url input on its statuses;
 * and the deploy record saying who deployed and where.
 */
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPipeline, type Pipeline, seededEcrPush } from '../src/index.js';
import { explain, job, starterWith, step, tagStep } from './run-helpers.js';

const root = new URL('../../..', import.meta.url).pathname;
const URL_ = 'https://app.example.com';

let sim: Simulator;
let pipeline: Pipeline;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 100 });
  pipeline = await createPipeline({
    sim,
    root,
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
  });
  const cd = await starterWith(root, [`environment-url: ${URL_}`]);
  await pipeline.push('CD: the application URL on its Deployments', { '.github/workflows/ecs-cd.yml': cd });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const deployments = () => sim.github.deployments(pipeline.owner, pipeline.repo);
const statesOf = (sha: string) =>
  deployments()
    .filter((d) => d.sha === sha)
    .map((d) => d.statuses.map((s) => s.state));

describe('the GitHub Deployment of a deploy.yml run', () => {
  const shas: string[] = [];

  it('goes in_progress when the deploy starts and success at its end, with environment_url and the run linked', async () => {
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    shas.push(ci.sha);
    const [deployment] = deployments();
    expect(deployment).toMatchObject({ sha: ci.sha, environment: 'production' });
    expect(deployment?.statuses.map((s) => [s.state, s.environmentUrl])).toEqual([
      ['in_progress', URL_],
      ['success', URL_],
    ]);
    expect(deployment?.statuses[0]?.logUrl).toBe(
      `https://github.com/${pipeline.owner}/${pipeline.repo}/actions/runs/${cd.runId}`,
    );
    // in_progress was set before the rollout began: the step ran before ecs-deploy-wait.
    const steps = job(cd, 'deploy/deploy').steps.map((s) => s.id);
    expect(steps.indexOf('deployment')).toBeLessThan(steps.indexOf('deploy'));
    expect(step(cd, 'deploy/deploy', /^End the GitHub Deployment as failure$/).outcome).toBe('skipped');
    // The record names who deployed and where.
    const version = ci.outputs['build-push']?.version ?? '';
    const tag = sim.github.tags(pipeline.owner, pipeline.repo).find((t) => t.name === `ecs-deploy-${version}`);
    expect(tag?.message).toMatch(/"format":2,.*"region":"us-east-1","account":"\d{12}"/);
    expect(tag?.message).toContain('"actor":"octocat","triggering-actor":"octocat"');
    expect(tagStep(cd).outputs['deployment-id']).toBe(String(deployment?.id));
  });

  it('a second deploy succeeds and sets the Deployment it replaces inactive', async () => {
    await pipeline.push('Feature: v2', { 'app.txt': 'v2\n' });
    const ci = await pipeline.runCi();
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    shas.push(ci.sha);
    expect(statesOf(shas[0] ?? '')).toEqual([['in_progress', 'success', 'inactive']]);
    expect(statesOf(ci.sha)).toEqual([['in_progress', 'success']]);
  });

  it('a failing deploy (rolled back) ends as failure; the one it would have replaced stays success', async () => {
    await pipeline.push('Feature: v3 crashes', { 'app.txt': 'v3\n' });
    const ci = await pipeline.runCi();
    sim.ecs.setImageScenario(ci.outputs['build-push']?.image ?? '', { kind: 'crash-on-start', exitCode: 1 });
    const cd = await pipeline.runCd(ci);
    expect(cd.conclusion).toBe('failure');
    expect(step(cd, 'deploy/deploy', 'deploy').outputs.status).toBe('rolled-back');
    expect(tagStep(cd).outcome).toBe('skipped');
    expect(step(cd, 'deploy/deploy', /^End the GitHub Deployment as failure$/).outcome).toBe('success');
    const failed = deployments().find((d) => d.sha === ci.sha);
    expect(failed?.statuses.map((s) => [s.state, s.environmentUrl])).toEqual([
      ['in_progress', URL_],
      ['failure', URL_],
    ]);
    expect(statesOf(shas[1] ?? '')).toEqual([['in_progress', 'success']]);
    expect(statesOf(shas[0] ?? '')).toEqual([['in_progress', 'success', 'inactive']]);
  });

  it('an environment-url that is not a URL fails the deploy before anything changes, naming the input', async () => {
    const cd = await starterWith(root, ['environment-url: app.example.com']);
    await pipeline.push('CD: a URL without its scheme', { '.github/workflows/ecs-cd.yml': cd });
    const ci = await pipeline.runCi();
    const calls = sim.calls.length;
    const before = deployments().length;
    const run = await pipeline.runCd(ci);
    expect(run.conclusion).toBe('failure');
    expect(step(run, 'deploy/deploy', 'deployment').errors).toEqual([
      expect.stringContaining('Input "environment-url" must be an http(s) URL without spaces; got "app.example.com"'),
    ]);
    const writes = sim.calls.slice(calls).filter((c) => /^(Update|Register|Run)/.test(c.operation));
    expect(writes.map((c) => c.operation)).toEqual([]);
    expect(deployments()).toHaveLength(before);
    expect(step(run, 'deploy/deploy', /^End the GitHub Deployment as failure$/).outcome).toBe('skipped');
  });
});
