/**
 * The deploy paths of the fault matrix, one row each: how the simulator's service is seeded for a scenario, the
 * inputs the step runs with, and the ground truth (what the service runs, read in-process with faults off). A new
 * deploy path joins the matrix by adding a row to DEPLOY_PATHS.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Scenario, type Simulator, SPRING_BOOT_START_FAILURE } from '@ecs-actions/simulator';

export type ScenarioName = 'healthy' | 'crash' | 'hook' | 'timeout';
export const SCENARIOS: readonly ScenarioName[] = ['healthy', 'crash', 'hook', 'timeout'];

/** What the service runs now, as the simulator holds it (no fault, no HTTP). */
export interface Truth {
  /** The task definition ARN of the PRIMARY deployment (or task set). */
  primary: string | undefined;
  /** One deployment (or task set) left, at its desired count: nothing is still moving. */
  steady: boolean;
}

export interface DeployPath {
  name: string;
  /** Simulated ms per real ms: fast enough that a rollout takes a few real seconds. */
  timeScale: number;
  /** The scenarios this path has (a rolling service has no lifecycle hook). */
  scenarios: readonly ScenarioName[];
  /** Seeds the service (steady on revision 1) and writes the files the inputs name into `workspace`. */
  seed(sim: Simulator, scenario: ScenarioName, workspace: string): Promise<void>;
  /** The step's inputs beyond task-definition, cluster and service. */
  inputs(scenario: ScenarioName): Record<string, string>;
  truth(sim: Simulator): Truth;
}

const fixture = JSON.parse(
  readFileSync(
    new URL('../../actions/ecs-deploy-wait/tests/fixtures/seed-task-definition.json', import.meta.url),
    'utf8',
  ),
) as Record<string, unknown> & { containerDefinitions: Record<string, unknown>[] };

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
export const OLD_IMAGE = `${REPO}:0.2548.1`;
export const NEW_IMAGE = `${REPO}:0.2548.2`;
export const CLUSTER = 'prod';
export const SERVICE = 'be';
export const revisionArn = (revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const CONTAINER = String(fixture.containerDefinitions[0]?.name);
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef';
const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
const HOOK = 'arn:aws:lambda:us-east-1:123456789012:function:be-smoke-test';
/** Never starts within a run: the timeout scenario. */
const NEVER_STARTS: Scenario = { kind: 'slow-start', startSeconds: 30 * 24 * 3600 };

const withImage = (image: string) => ({
  ...fixture,
  containerDefinitions: fixture.containerDefinitions.map((container) => ({ ...container, image })),
});

/** The new image's scenario (healthy and hook: none). */
function imageScenario(sim: Simulator, scenario: ScenarioName): void {
  if (scenario === 'crash') {
    sim.ecs.setImageScenario(
      NEW_IMAGE,
      { kind: 'crash-on-start', exitCode: 1 },
      { logLines: [...SPRING_BOOT_START_FAILURE] },
    );
  }
  if (scenario === 'timeout') sim.ecs.setImageScenario(NEW_IMAGE, NEVER_STARTS);
}

async function writeTaskDefinition(workspace: string): Promise<void> {
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(NEW_IMAGE), null, 2));
}

/** PRIMARY deployment's task definition; steady when it is the only one, COMPLETED, at its desired count. */
function serviceTruth(sim: Simulator): Truth {
  const service = sim.ecs.describeService(CLUSTER, SERVICE) as
    | {
        deployments?: {
          status: string;
          taskDefinition: string;
          rolloutState?: string;
          runningCount: number;
          desiredCount: number;
        }[];
      }
    | undefined;
  const deployments = service?.deployments ?? [];
  const primary = deployments.find((deployment) => deployment.status === 'PRIMARY');
  return {
    primary: primary?.taskDefinition,
    steady:
      deployments.length === 1 &&
      primary?.rolloutState === 'COMPLETED' &&
      primary.runningCount === primary.desiredCount,
  };
}

/**
 * The step's timeout (real time) by scenario: a healthy or hook rollout ends in a few seconds; a crash without the
 * circuit breaker is noticed by the step (rolling) or runs into the timeout (staged: ECS keeps trying).
 */
const TIMEOUTS: Record<ScenarioName, string> = { healthy: '25s', hook: '25s', crash: '8s', timeout: '5s' };

/** A circuit breaker off throughout: the step, not ECS, has to notice and roll back (the reproductions). */
const NO_BREAKER = { enable: false, rollback: false };

const rolling: DeployPath = {
  name: 'rolling',
  timeScale: 120,
  scenarios: ['healthy', 'crash', 'timeout'],
  async seed(sim, scenario, workspace) {
    sim.ecs.seedCluster(CLUSTER);
    sim.ecs.seedService({
      cluster: CLUSTER,
      serviceName: SERVICE,
      taskDefinition: withImage(OLD_IMAGE),
      desiredCount: 2,
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: NO_BREAKER,
      },
    });
    imageScenario(sim, scenario);
    await writeTaskDefinition(workspace);
  },
  inputs: (scenario) => ({ timeout: TIMEOUTS[scenario] }),
  truth: serviceTruth,
};

/** A native staged strategy's row: BLUE_GREEN, LINEAR or CANARY, bake times 0 so that a short timeout is allowed. */
function staged(strategy: 'BLUE_GREEN' | 'LINEAR' | 'CANARY'): DeployPath {
  const configuration: Record<string, unknown> = {
    strategy,
    bakeTimeInMinutes: 0,
    deploymentCircuitBreaker: NO_BREAKER,
    ...(strategy === 'LINEAR' ? { linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 } } : {}),
    ...(strategy === 'CANARY' ? { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0 } } : {}),
  };
  return {
    name: strategy,
    timeScale: 120,
    scenarios: ['healthy', 'crash', 'hook', 'timeout'],
    async seed(sim, scenario, workspace) {
      sim.ecs.seedCluster(CLUSTER);
      sim.ecs.setDeregistrationDelay(TARGET_GROUP, 10);
      sim.ecs.seedService({
        cluster: CLUSTER,
        serviceName: SERVICE,
        taskDefinition: withImage(OLD_IMAGE),
        desiredCount: 2,
        deploymentConfiguration: {
          ...configuration,
          ...(scenario === 'hook'
            ? { lifecycleHooks: [{ hookTargetArn: HOOK, roleArn: ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }] }
            : {}),
        },
        loadBalancers: [
          {
            targetGroupArn: TARGET_GROUP,
            containerName: CONTAINER,
            containerPort: 8080,
            advancedConfiguration: {
              alternateTargetGroupArn: TARGET_GROUP.replace('be-blue', 'be-green'),
              productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/be/1/2/3',
              roleArn: ROLE,
            },
          },
        ],
      });
      if (scenario === 'hook') sim.ecs.setLifecycleHookResult(HOOK, 'FAILED');
      imageScenario(sim, scenario);
      await writeTaskDefinition(workspace);
    },
    inputs: (scenario) => ({ timeout: TIMEOUTS[scenario] }),
    truth: serviceTruth,
  };
}

const APPSPEC_WITH_HOOK = {
  version: 0.0,
  Resources: [
    {
      TargetService: {
        Type: 'AWS::ECS::Service',
        Properties: { TaskDefinition: 'x', LoadBalancerInfo: { ContainerName: CONTAINER, ContainerPort: 8080 } },
      },
    },
  ],
  Hooks: [{ AfterAllowTestTraffic: 'be-smoke-test' }],
};

const codeDeploy: DeployPath = {
  name: 'CodeDeploy',
  // CodeDeploy waits long (simulated) for a replacement that never gets healthy: a faster clock.
  timeScale: 1200,
  scenarios: ['healthy', 'crash', 'hook', 'timeout'],
  async seed(sim, scenario, workspace) {
    sim.ecs.seedCluster(CLUSTER);
    sim.ecs.seedService({
      cluster: CLUSTER,
      serviceName: SERVICE,
      taskDefinition: withImage(OLD_IMAGE),
      desiredCount: 2,
      deploymentController: { type: 'CODE_DEPLOY' },
      loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: CONTAINER, containerPort: 8080 }],
    });
    sim.ecs.setDeregistrationDelay(TARGET_GROUP, 0);
    sim.codedeploy.seedDeploymentGroup({
      applicationName: 'AppECS-prod-be',
      deploymentGroupName: 'DgpECS-prod-be',
      cluster: CLUSTER,
      service: SERVICE,
      terminationWaitTimeInMinutes: 0,
    });
    if (scenario === 'hook') {
      sim.codedeploy.setHookResult('be-smoke-test', { status: 'Failed', afterSeconds: 30 });
      await writeFile(path.join(workspace, 'appspec.json'), JSON.stringify(APPSPEC_WITH_HOOK));
    }
    imageScenario(sim, scenario);
    await writeTaskDefinition(workspace);
  },
  inputs: (scenario) => ({
    // CodeDeploy gives up on a replacement that never gets healthy after 60 simulated minutes (3 s here): the
    // timeout scenario's step timeout comes first.
    timeout: scenario === 'timeout' ? '2s' : '40s',
    ...(scenario === 'hook' ? { 'codedeploy-appspec': 'appspec.json' } : {}),
  }),
  truth(sim) {
    const sets =
      (
        sim.ecs.describeService(CLUSTER, SERVICE) as
          | {
              taskSets?: {
                status: string;
                taskDefinition: string;
                runningCount: number;
                computedDesiredCount: number;
              }[];
            }
          | undefined
      )?.taskSets ?? [];
    const serving = sets.filter((set) => set.status !== 'DRAINING');
    const primary = serving.find((set) => set.status === 'PRIMARY');
    return {
      primary: primary?.taskDefinition,
      steady: serving.length === 1 && primary?.runningCount === primary?.computedDesiredCount,
    };
  },
};

/** Every deploy path of ecs-deploy-wait. New paths join the matrix here. */
export const DEPLOY_PATHS: readonly DeployPath[] = [
  rolling,
  staged('BLUE_GREEN'),
  staged('LINEAR'),
  staged('CANARY'),
  codeDeploy,
];
