/**
 * A simulator with one staged service (prod/be behind a load balancer, revision 1 running OLD_IMAGE), a workspace
 * whose task definition names NEW_IMAGE, and the committed bundle run against it as the runner runs it: the set-up
 * of the staged e2e tests. timeScale 60: a simulated minute of bake time is a real second.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type Scenario, type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
> & { containerDefinitions: Record<string, unknown>[] };

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const OLD_IMAGE = `${REPO}:0.2548.1`;
const NEW_IMAGE = `${REPO}:0.2548.2`;
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef';
export const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:be-smoke-test';
export const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
export const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A fresh simulator and workspace per test, closed after it. */
export async function setUp(
  deploymentConfiguration: Record<string, unknown>,
  scenario?: Scenario,
): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  sim.ecs.setDeregistrationDelay(TARGET_GROUP, 10);
  const container = seed.containerDefinitions[0] as { name: string; portMappings?: { containerPort: number }[] };
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: withImage(OLD_IMAGE),
    desiredCount: 2,
    deploymentConfiguration,
    loadBalancers: [
      {
        targetGroupArn: TARGET_GROUP,
        containerName: container.name,
        containerPort: container.portMappings?.[0]?.containerPort ?? 8080,
        advancedConfiguration: {
          alternateTargetGroupArn: TARGET_GROUP.replace('be-blue', 'be-green'),
          productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/be/1/2/3',
          roleArn: ROLE,
        },
      },
    ],
  });
  if (scenario) sim.ecs.setImageScenario(NEW_IMAGE, scenario);
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-staged-e2e-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(NEW_IMAGE), null, 2));
  return { sim, workspace };
}

export function run(
  s: { sim: Simulator; workspace: string },
  inputs: Record<string, string> = {},
  extra: { signal?: { name: NodeJS.Signals; afterMs: number } } = {},
): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'be',
      'poll-interval': '250ms',
      timeout: '20m',
      ...inputs,
    },
    timeoutMs: 60_000,
    ...extra,
  });
}

/** The service deployment ECS ran for our update, as DescribeServiceDeployments shows it now. */
export function ourServiceDeployment(s: { sim: Simulator }) {
  const service = s.sim.ecs.describeService('prod', 'be') as { currentServiceDeployment: string };
  return service.currentServiceDeployment;
}

export const taskDefinitionNow = (s: { sim: Simulator }) =>
  (s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition;
