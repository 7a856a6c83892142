/**
 * The GitHub Deployment of a deploy: in_progress when it starts, success (with the record) or failure at the end,
 * and the Deployment it replaces at the same place inactive.
 */
import { ConfigurationError } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { deployTag } from '../src/deploy-tag.js';
import { A, arn, B, C, clock, gh, read, run, useGitHub } from './fixture.js';
import { OWNER, REPO } from './github-server.js';

useGitHub();

const RUN_URL = 'https://github.com/octo-org/octo-app/actions/runs/1658821493';
const URL = 'https://app.example.com';
const deployments = () => gh.github.deployments(OWNER, REPO);
const states = (id: number | undefined) =>
  deployments()
    .find((deployment) => deployment.id === id)
    ?.statuses.map((status) => status.state);

/** One deploy as deploy.yml runs it: in_progress, then the record and success (or failure). */
async function deploy(
  version: string,
  sha: string,
  outcome: 'success' | 'failure',
  extra: Record<string, string> = {},
) {
  const started = await run({ version, sha, 'deployment-state': 'in_progress', 'environment-url': URL, ...extra });
  const id = String(started.deploymentId);
  if (outcome === 'failure') await run({ version, 'deployment-state': 'failure', 'deployment-id': id, ...extra });
  else await run({ version, sha, 'create-deployment': 'true', 'deployment-id': id, 'environment-url': URL, ...extra });
  return started.deploymentId;
}

describe('the Deployment of a deploy', () => {
  it('is created in_progress when the deploy starts, with the place in its payload; no tag is written', async () => {
    const result = await run({
      version: '0.2601.1',
      sha: A,
      'deployment-state': 'in_progress',
      'environment-url': URL,
      'task-definition-arn': arn(4),
    });
    expect(result).toMatchObject({ mode: 'deployment', action: 'deployment-started', version: '0.2601.1', sha: A });
    const [deployment] = deployments();
    expect(result.deploymentId).toBe(deployment?.id);
    expect(deployment).toMatchObject({
      sha: A,
      environment: 'production',
      payload: {
        version: '0.2601.1',
        tag: 'ecs-deploy-0.2601.1',
        cluster: 'prod',
        service: 'web',
        region: 'us-east-1',
        account: '123456789012',
      },
    });
    expect(deployment?.statuses).toEqual([
      expect.objectContaining({ state: 'in_progress', logUrl: RUN_URL, environmentUrl: URL }),
    ]);
    expect(gh.github.tags(OWNER, REPO)).toEqual([]);
  });

  it('goes in_progress → success with the record, and the one it replaces goes inactive', async () => {
    const first = await deploy('0.2601.1', A, 'success');
    const second = await deploy('0.2601.2', B, 'success');
    expect(states(second)).toEqual(['in_progress', 'success']);
    expect(states(first)).toEqual(['in_progress', 'success', 'inactive']);
    expect(deployments()).toHaveLength(2);
    const success = deployments().find((d) => d.id === second)?.statuses[1];
    expect(success).toMatchObject({ environmentUrl: URL, logUrl: RUN_URL });
  });

  it('goes in_progress → failure; what it would have replaced stays success, and is retired by the next success', async () => {
    const first = await deploy('0.2601.1', A, 'success');
    const failed = await deploy('0.2601.2', B, 'failure');
    expect(states(failed)).toEqual(['in_progress', 'failure']);
    expect(states(first)).toEqual(['in_progress', 'success']);
    expect(gh.github.tags(OWNER, REPO).map((tag) => tag.name)).toEqual(['ecs-deploy-0.2601.1']);
    const third = await deploy('0.2601.3', C, 'success');
    expect(states(first)).toEqual(['in_progress', 'success', 'inactive']);
    expect(states(failed)).toEqual(['in_progress', 'failure']);
    expect(states(third)).toEqual(['in_progress', 'success']);
  });

  it("an application's Deployment names the application and retires only the same application's", async () => {
    const targets = (revision: number) =>
      JSON.stringify([
        {
          name: 'api',
          kind: 'service',
          resource: 'shop-api',
          status: 'succeeded',
          taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/shop-api:${revision}`,
          previousTaskDefinitionArn: null,
        },
      ]);
    const shop = { application: 'shop', service: '' };
    const web = await deploy('0.2601.1', A, 'success');
    const first = await deploy('0.2601.1', A, 'success', { ...shop, targets: targets(1) });
    expect(deployments().find((d) => d.id === first)?.payload).toMatchObject({ application: 'shop' });
    const second = await deploy('0.2601.2', B, 'success', { ...shop, targets: targets(2) });
    expect(states(first)).toEqual(['in_progress', 'success', 'inactive']);
    expect(states(second)).toEqual(['in_progress', 'success']);
    // A single-service Deployment in the same cluster is not the application's.
    expect(states(web)).toEqual(['in_progress', 'success']);
  });

  it("retires only the same place's Deployment: another region's and another service's stay active", async () => {
    const us = await deploy('0.2601.1', A, 'success');
    const eu = await deploy('0.2601.1', A, 'success', { region: 'eu-west-1' });
    const worker = await deploy('0.2601.1', A, 'success', { service: 'worker' });
    const usAgain = await deploy('0.2601.2', B, 'success');
    expect(states(us)).toEqual(['in_progress', 'success', 'inactive']);
    expect(states(eu)).toEqual(['in_progress', 'success']);
    expect(states(worker)).toEqual(['in_progress', 'success']);
    expect(states(usAgain)).toEqual(['in_progress', 'success']);
  });

  it('warns, and still succeeds, when the replaced Deployment cannot be read', async () => {
    const first = await deploy('0.2601.1', A, 'success');
    const started = await run({ version: '0.2601.2', sha: B, 'deployment-state': 'in_progress' });
    gh.sim.faults.inject({ api: 'github', operation: 'GET /repos/{owner}/{repo}/deployments', kind: 'access-denied' });
    const parsed = read({
      version: '0.2601.2',
      sha: B,
      'create-deployment': 'true',
      'deployment-id': String(started.deploymentId),
    });
    const warnings: string[] = [];
    await deployTag(parsed, { github: gh.client(), clock, sleep: clock.sleep, warning: (line) => warnings.push(line) });
    expect(states(started.deploymentId)).toEqual(['in_progress', 'success']);
    expect(states(first)).toEqual(['in_progress', 'success']);
    expect(warnings).toEqual([
      expect.stringContaining(
        `Deployment ${started.deploymentId} is success, but the one it replaces was not set inactive: GitHub answered 403`,
      ),
    ]);
  });

  it('without deployment-id, create-deployment creates the Deployment at the end (success), as before', async () => {
    const result = await run({ version: '0.2601.1', sha: A, 'create-deployment': 'true' });
    expect(states(result.deploymentId)).toEqual(['success']);
  });

  it.each([
    [{ 'deployment-state': 'success' }, 'Input "deployment-state" must be one of in_progress, failure'],
    [{ 'deployment-state': 'failure' }, 'Input "deployment-id" is empty'],
    [{ 'deployment-id': '7' }, 'Input "deployment-id" is set, but create-deployment is false'],
    [{ 'deployment-id': 'abc', 'create-deployment': 'true' }, 'Input "deployment-id"'],
    [{ 'deployment-id': '0', 'create-deployment': 'true' }, 'Input "deployment-id"'],
    [{ 'environment-url': 'app.example.com' }, 'Input "environment-url" must be an http(s) URL'],
    [{ 'environment-url': 'https://x\n::error::y' }, 'Input "environment-url" must be an http(s) URL'],
    [{ 'deployment-state': 'in_progress', lookup: 'true' }, 'Input "deployment-state" cannot go with lookup: true'],
  ])('refuses %j before any call', (inputs, message) => {
    const before = gh.sim.calls.length;
    const attempt = () => read({ version: '0.2601.1', sha: A, ...inputs });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(message);
    expect(gh.sim.calls.length).toBe(before);
  });

  it('names deployments: write when the token may not create Deployments', async () => {
    gh.sim.faults.inject({ api: 'github', operation: 'POST /repos/{owner}/{repo}/deployments', kind: 'access-denied' });
    const attempt = run({ version: '0.2601.1', sha: A, 'deployment-state': 'in_progress' });
    await expect(attempt).rejects.toThrow(
      'GitHub answered 403 (Resource not accessible by integration) to create a deployment for environment production in octo-org/octo-app: the job needs `permissions: deployments: write`.',
    );
    expect(deployments()).toEqual([]);
  });
});
