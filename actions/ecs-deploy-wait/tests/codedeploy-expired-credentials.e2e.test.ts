/**
 * Attacks on the CodeDeploy path: the credentials expire once the step follows CodeDeploy's rollback
 * deployment. The message says the rollback deployment is under way and CodeDeploy carries on with it, never a
 * stale state of the failed deployment as the end.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
> & { containerDefinitions: Record<string, unknown>[] };

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const OLD_IMAGE = `${REPO}:0.2548.1`;
const NEW_IMAGE = `${REPO}:0.2548.2`;
const CONTAINER = String(seed.containerDefinitions[0]?.name);
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef';
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('credentials that expire while CodeDeploy rolls back', () => {
  it('every CodeDeploy call after the rollback deployment was first read refused ExpiredToken: the rollback is named as under way', async () => {
    const s = await startSimulator({ timeScale: 1200 });
    sim = s;
    s.ecs.seedService({
      cluster: 'prod',
      serviceName: 'be',
      taskDefinition: withImage(OLD_IMAGE),
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: CONTAINER, containerPort: 8080 }],
    });
    s.ecs.setDeregistrationDelay(TARGET_GROUP, 0);
    s.codedeploy.seedDeploymentGroup({
      applicationName: 'AppECS-prod-be',
      deploymentGroupName: 'DgpECS-prod-be',
      cluster: 'prod',
      service: 'be',
      terminationWaitTimeInMinutes: 1,
    });
    s.ecs.setImageScenario(NEW_IMAGE, { kind: 'crash-on-start', exitCode: 1 });
    const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-codedeploy-expired-'));
    await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(NEW_IMAGE), null, 2));
    // Two deployments read: ours, then CodeDeploy's rollback deployment.
    const rollbackRead = () =>
      new Set(s.callsOf('GetDeployment').map((call) => (call.params as { deploymentId?: string }).deploymentId)).size >
      1;
    s.faults.inject({ api: 'codedeploy', kind: 'expired-token', count: Number.POSITIVE_INFINITY, when: rollbackRead });
    const result = await runBundle({
      bundle,
      workspace,
      env: s.env,
      inputs: {
        'task-definition': 'task-definition.json',
        cluster: 'prod',
        service: 'be',
        'poll-interval': '250ms',
        timeout: '40m',
      },
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/ExpiredToken/);
    expect(result.errors[0]).toMatch(
      /CodeDeploy's rollback deployment d-[A-Z0-9]{9} to ecs_be_prod:1 is under way and CodeDeploy carries on with it/,
    );
  });
});
