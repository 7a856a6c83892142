/**
 * A simulator with one service (prod/be) whose deployments pause at PAUSE lifecycle hooks, and the committed bundles
 * of ecs-deploy-wait and ecs-deploy-continue run against it as the runner runs them (pause e2e tests of both actions).
 * timeScale 60: a simulated minute is a real second.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';

const waitBundle = new URL('../dist/index.js', import.meta.url).pathname;
const continueBundle = new URL('../../ecs-deploy-continue/dist/index.js', import.meta.url).pathname;
const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
> & { containerDefinitions: { name: string; portMappings?: { containerPort: number }[] }[] };

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef';
const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
export const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});

export const pauseHook = (stages: string[], timeout?: { timeoutInMinutes?: number; action?: string }) => ({
  targetType: 'PAUSE',
  lifecycleStages: stages,
  ...(timeout ? { timeoutConfiguration: timeout } : {}),
});

export interface PauseWorld {
  sim: Simulator;
  workspace: string;
}

/** prod/be steady on revision 1 with this deployment configuration (staged ones behind a load balancer). */
export async function pauseWorld(deploymentConfiguration: Record<string, unknown>): Promise<PauseWorld> {
  const sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
  sim.ecs.setDeregistrationDelay(TARGET_GROUP, 10);
  const staged = deploymentConfiguration.strategy !== undefined && deploymentConfiguration.strategy !== 'ROLLING';
  const container = seed.containerDefinitions[0];
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: withImage(`${REPO}:0.2548.1`),
    desiredCount: 2,
    deploymentConfiguration,
    ...(staged
      ? {
          loadBalancers: [
            {
              targetGroupArn: TARGET_GROUP,
              containerName: container?.name ?? 'app',
              containerPort: container?.portMappings?.[0]?.containerPort ?? 8080,
              advancedConfiguration: {
                alternateTargetGroupArn: TARGET_GROUP.replace('be-blue', 'be-green'),
                productionListenerRule:
                  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/be/1/2/3',
                roleArn: ROLE,
              },
            },
          ],
        }
      : {}),
  });
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-pause-e2e-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(`${REPO}:0.2548.2`)));
  return { sim, workspace };
}

const common = { cluster: 'prod', service: 'be', 'poll-interval': '250ms', timeout: '20m' };

export function runWait(
  world: PauseWorld,
  inputs: Record<string, string> = {},
  extra: { signal?: { name: NodeJS.Signals; afterMs: number } } = {},
): Promise<BundleRun> {
  return runBundle({
    bundle: waitBundle,
    workspace: world.workspace,
    env: world.sim.env,
    inputs: { 'task-definition': 'task-definition.json', ...common, ...inputs },
    timeoutMs: 60_000,
    ...extra,
  });
}

export function runContinue(world: PauseWorld, inputs: Record<string, string> = {}): Promise<BundleRun> {
  return runBundle({
    bundle: continueBundle,
    workspace: world.workspace,
    env: world.sim.env,
    inputs: { ...common, ...inputs },
    timeoutMs: 60_000,
  });
}

/** The service deployment of our update, as DescribeServiceDeployments shows it now. */
export async function serviceDeploymentNow(world: PauseWorld, arn: string) {
  const answer = (await world.sim.ecs.handle('DescribeServiceDeployments', { serviceDeploymentArns: [arn] })) as {
    serviceDeployments: {
      status: string;
      lifecycleStage?: string;
      lifecycleHookDetails?: { hookId: string; status: string }[];
    }[];
  };
  const found = answer.serviceDeployments[0];
  if (!found) throw new Error(`no service deployment ${arn}`);
  return found;
}

export const taskDefinitionNow = (world: PauseWorld) =>
  (world.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition;
