/**
 * End to end, CodeDeploy: the committed bundle (dist/index.js), run as the runner runs it, against the simulator's
 * ECS and CodeDeploy APIs over HTTP, for a service whose deployment controller is CODE_DEPLOY. A deployment that
 * succeeds, one that fails (CodeDeploy's error and the stopped tasks shown) and is rolled back by CodeDeploy, a failing
 * hook without automatic rollback, a timeout stopped with rollback, and bad AppSpecs refused before any change.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import {
  type Scenario,
  type SeedDeploymentGroupInput,
  type Simulator,
  SPRING_BOOT_START_FAILURE,
  startSimulator,
} from '@ecs-actions/simulator';
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
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});
const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

interface Setup {
  timeScale?: number;
  scenario?: Scenario;
  group?: Partial<SeedDeploymentGroupInput>;
}

async function setUp(setup: Setup = {}): Promise<{ sim: Simulator; workspace: string }> {
  sim = await startSimulator({ timeScale: setup.timeScale ?? 60 });
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'be',
    taskDefinition: withImage(OLD_IMAGE),
    desiredCount: 2,
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [
      {
        targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef',
        containerName: CONTAINER,
        containerPort: 8080,
      },
    ],
  });
  sim.ecs.setDeregistrationDelay(
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef',
    0,
  );
  sim.codedeploy.seedDeploymentGroup({
    applicationName: 'AppECS-prod-be',
    deploymentGroupName: 'DgpECS-prod-be',
    cluster: 'prod',
    service: 'be',
    terminationWaitTimeInMinutes: 1,
    ...setup.group,
  });
  if (setup.scenario) {
    sim.ecs.setImageScenario(NEW_IMAGE, setup.scenario, { logLines: [...SPRING_BOOT_START_FAILURE] });
  }
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecs-deploy-wait-codedeploy-'));
  await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(withImage(NEW_IMAGE), null, 2));
  return { sim, workspace };
}

function run(s: { sim: Simulator; workspace: string }, inputs: Record<string, string> = {}): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace: s.workspace,
    env: s.sim.env,
    inputs: {
      'task-definition': 'task-definition.json',
      cluster: 'prod',
      service: 'be',
      'poll-interval': '250ms',
      timeout: '2m',
      ...inputs,
    },
    timeoutMs: 50_000,
  });
}

/** The codedeploy: actions of the statement in the README's IAM section (the ```json block that has them). */
const documentedCodeDeployActions = (() => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
    .map(([, json]) => json ?? '')
    .find((json) => json.includes('codedeploy:'));
  return (JSON.parse(block ?? '{}') as { Action?: string[] }).Action ?? [];
})();

/** Every codedeploy: action the run needed is in the README's policy. */
function expectDocumented(s: { sim: Simulator }): void {
  const used = s.sim.iamActions().filter((action) => action.startsWith('codedeploy:'));
  expect(used.length).toBeGreaterThan(0);
  expect(documentedCodeDeployActions).toEqual(expect.arrayContaining(used));
}

const taskSets = (s: { sim: Simulator }) =>
  (s.sim.ecs.describeService('prod', 'be') as { taskSets: { status: string; taskDefinition: string }[] }).taskSets.map(
    (set) => `${set.status} ${set.taskDefinition.split('/').pop()}`,
  );

/**
 * The task sets that serve or may serve, and the revisions of the deleted ones: a deleted task set shows DRAINING until
 * its tasks have stopped, which may be just after the deployment is done.
 */
const servingTaskSets = (s: { sim: Simulator }, deleted: string) => {
  const sets = taskSets(s);
  for (const set of sets.filter((set) => set.startsWith('DRAINING '))) expect(set).toBe(`DRAINING ${deleted}`);
  return sets.filter((set) => !set.startsWith('DRAINING '));
};

describe('ecs-deploy-wait bundle: CodeDeploy blue/green', () => {
  it('creates a deployment with a generated AppSpec and follows its lifecycle events to success', async () => {
    const s = await setUp();
    const result = await run(s);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const id = result.outputs['codedeploy-deployment-id'] ?? '';
    expect(id).toMatch(/^d-[A-Z0-9]{9}$/);
    expect(result.outputs).toMatchObject({
      status: 'succeeded',
      'task-definition-arn': ARN(2),
      'previous-task-definition-arn': ARN(1),
      'deployment-id': id,
    });
    for (const line of [
      `CodeDeploy deployment ${id} (ours): InProgress`,
      'lifecycle event Install: Succeeded',
      'lifecycle event AllowTraffic: Succeeded',
      'traffic: Blue 0%',
      `CodeDeploy deployment ${id} (ours): Succeeded`,
    ]) {
      expect(result.stdout).toContain(line);
    }
    const created = s.sim.callsOf('CreateDeployment')[0]?.params as {
      revision: { appSpecContent: { content: string } };
    };
    expect(JSON.parse(created.revision.appSpecContent.content).Resources[0].TargetService.Properties).toEqual({
      TaskDefinition: ARN(2),
      LoadBalancerInfo: { ContainerName: CONTAINER, ContainerPort: 8080 },
    });
    expect(servingTaskSets(s, 'ecs_be_prod:1')).toEqual(['PRIMARY ecs_be_prod:2']);
    expect(result.summary).toContain('CodeDeploy deployment');
    expectDocumented(s);
    expect(s.sim.callsOf('UpdateService')).toHaveLength(0);
  });

  it('puts the registered ARN into a given YAML AppSpec, with its hooks', async () => {
    const s = await setUp();
    await writeFile(
      path.join(s.workspace, 'appspec.yaml'),
      [
        'version: 0.0',
        'Resources:',
        '  - TargetService:',
        '      Type: AWS::ECS::Service',
        '      Properties:',
        '        TaskDefinition: "<TASK_DEFINITION>"',
        '        LoadBalancerInfo:',
        `          ContainerName: "${CONTAINER}"`,
        '          ContainerPort: 8080',
        'Hooks:',
        '  - AfterAllowTestTraffic: "smoke-test"',
      ].join('\n'),
    );
    const result = await run(s, {
      'codedeploy-appspec': 'appspec.yaml',
      'codedeploy-deployment-description': 'release 0.2548.2',
    });
    expect(result.errors).toEqual([]);
    const created = s.sim.callsOf('CreateDeployment')[0]?.params as {
      description: string;
      revision: { appSpecContent: { content: string } };
    };
    expect(created.description).toBe('release 0.2548.2');
    const appSpec = JSON.parse(created.revision.appSpecContent.content);
    expect(appSpec.Resources[0].TargetService.Properties.TaskDefinition).toBe(ARN(2));
    expect(appSpec.Hooks).toEqual([{ AfterAllowTestTraffic: 'smoke-test' }]);
    expect(result.stdout).toContain('lifecycle event AfterAllowTestTraffic: Succeeded');
  });

  it('a replacement that crashes fails the deployment: CodeDeploy error, stopped tasks with log lines, rolled back by CodeDeploy', async () => {
    const s = await setUp({ timeScale: 1200, scenario: { kind: 'crash-on-start', exitCode: 1 } });
    const result = await run(s, { timeout: '40m' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.errors[0]).toContain(
      'failed (lifecycle event Install): TIMEOUT: The deployment timed out while waiting for the replacement task set to become healthy.',
    );
    expect(result.errors[0]).toMatch(/CodeDeploy rolled back with deployment d-[A-Z0-9]{9}/);
    expect(result.stdout).toContain('EssentialContainerExited: Essential container in task exited');
    expect(result.stdout).toContain('APPLICATION FAILED TO START');
    expect(result.summary).toContain('by CodeDeploy');
    expect(servingTaskSets(s, 'ecs_be_prod:2')).toEqual(['PRIMARY ecs_be_prod:1']);
    expectDocumented(s);
  });

  it('a failing hook without automatic rollback fails and says CodeDeploy did not roll back', async () => {
    const s = await setUp({ group: { autoRollback: { enabled: false, events: [] } } });
    s.sim.codedeploy.setHookResult('smoke-test', { status: 'Failed', afterSeconds: 30 });
    await writeFile(
      path.join(s.workspace, 'appspec.json'),
      JSON.stringify({
        version: 0.0,
        Resources: [
          {
            TargetService: {
              Type: 'AWS::ECS::Service',
              Properties: { TaskDefinition: 'x', LoadBalancerInfo: { ContainerName: CONTAINER, ContainerPort: 8080 } },
            },
          },
        ],
        Hooks: [{ AfterInstall: 'smoke-test' }],
      }),
    );
    const result = await run(s, { 'codedeploy-appspec': 'appspec.json' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('failed');
    expect(result.errors[0]).toContain('failed (lifecycle event AfterInstall): HOOK_EXECUTION_FAILURE');
    expect(result.errors[0]).toContain("CodeDeploy did not roll back: the deployment group's automatic rollback");
    expect(result.stdout).toContain('(hook smoke-test)');
    expect(s.sim.callsOf('StopDeployment')).toHaveLength(0);
  });

  it('a deployment that outlasts the timeout is stopped with rollback through CodeDeploy', async () => {
    const s = await setUp({
      scenario: { kind: 'slow-start', startSeconds: 1200 },
      group: { terminationWaitTimeInMinutes: 0 },
    });
    const result = await run(s, { timeout: '4s' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.errors[0]).toContain('did not end within 4s');
    expect(result.errors[0]).toMatch(/CodeDeploy rolled back with deployment d-/);
    const stop = s.sim.callsOf('StopDeployment')[0]?.params as { autoRollbackEnabled: boolean };
    expect(stop.autoRollbackEnabled).toBe(true);
    expectDocumented(s);
  });

  it.each([
    ['a container the task definition does not have', 'web', 8080, 'Container "web" (LoadBalancerInfo ContainerName'],
    ['a port the container does not map', CONTAINER, 9090, 'has no port mapping for container port 9090'],
  ])('refuses an AppSpec naming %s before any change', async (_what, container, port, message) => {
    const s = await setUp();
    await writeFile(
      path.join(s.workspace, 'appspec.yaml'),
      `Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n        LoadBalancerInfo:\n          ContainerName: ${container}\n          ContainerPort: ${port}\n`,
    );
    const result = await run(s, { 'codedeploy-appspec': 'appspec.yaml' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(message);
    expect(result.errors[0]).toContain('Nothing was changed');
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(s.sim.callsOf('CreateDeployment')).toHaveLength(0);
  });

  it('refuses an AppSpec that is not YAML, or has no TaskDefinition, before any AWS call', async () => {
    const s = await setUp();
    await writeFile(path.join(s.workspace, 'broken.yaml'), 'Resources: [\n');
    const broken = await run(s, { 'codedeploy-appspec': 'broken.yaml' });
    expect(broken.exitCode).toBe(1);
    expect(broken.errors[0]).toMatch(
      /^Input "codedeploy-appspec": "broken\.yaml", line \d+, column \d+: not valid YAML or JSON/,
    );
    await writeFile(
      path.join(s.workspace, 'no-td.yaml'),
      'Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        LoadBalancerInfo: {ContainerName: a, ContainerPort: 1}\n',
    );
    const noTaskDefinition = await run(s, { 'codedeploy-appspec': 'no-td.yaml' });
    expect(noTaskDefinition.errors[0]).toContain('Resources[0].TargetService.Properties.TaskDefinition: is missing');
    expect(s.sim.calls).toHaveLength(0);
  });

  it.each([
    [
      'a second key in the resource item',
      '    Extra: {Type: AWS::ECS::Service}\n',
      'Resources[0]: has 2 keys (TargetService, Extra)',
    ],
    [
      'TaskDefinition and taskdefinition in one item',
      '        taskdefinition: y\n',
      'Properties.taskdefinition: repeats Resources[0].TargetService.Properties.TaskDefinition in another letter case',
    ],
    ['a YAML alias', 'Hooks: [{AfterInstall: *fn}]\n', 'the YAML alias *fn'],
  ])('an AppSpec with %s fails once, naming the path, with nothing registered', async (_what, extra, message) => {
    const s = await setUp();
    await writeFile(
      path.join(s.workspace, 'appspec.yaml'),
      `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n        LoadBalancerInfo:\n          ContainerName: &fn ${CONTAINER}\n          ContainerPort: 8080\n${extra}`,
    );
    const result = await run(s, { 'codedeploy-appspec': 'appspec.yaml' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('Input "codedeploy-appspec": "appspec.yaml"');
    expect(result.errors[0]).toContain(message);
    expect(result.errors[0]).not.toMatch(/TypeError|ReferenceError/);
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
    expect(s.sim.calls).toHaveLength(0);
  });

  it('refuses a timeout not longer than the termination wait before any change', async () => {
    const s = await setUp({ group: { terminationWaitTimeInMinutes: 60 } });
    const result = await run(s, { timeout: '30m' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toContain('is not longer than the deployment group');
    expect(s.sim.callsOf('RegisterTaskDefinition')).toHaveLength(0);
  });
});
