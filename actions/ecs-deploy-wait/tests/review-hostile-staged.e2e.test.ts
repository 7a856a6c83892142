/**
 * Review attacks on a staged service. Credentials that expire once the step's own rollback was asked: the message
 * says the rollback was started and ECS carries on with it. Outside text that is not a container log line (CloudWatch alarm names, which ECS repeats in the
 * service deployment's alarm state and its statusReason) never reaches the runner as a workflow command on a staged
 * service, in the wait's lines, the rollback's and the failure report.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, foreignCommands, runBundle } from '@ecs-actions/core/testkit';
import { type Scenario, type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
> & { containerDefinitions: Record<string, unknown>[] };

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod';
const OLD_IMAGE = `${REPO}:0.2548.1`;
const NEW_IMAGE = `${REPO}:0.2548.2`;
const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/be-blue/0123456789abcdef';
const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
const ARN = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/ecs_be_prod:${revision}`;
const withImage = (image: string) => ({
  ...seed,
  containerDefinitions: seed.containerDefinitions.map((c) => ({ ...c, image })),
});

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setUp(
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

function run(
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

const taskDefinitionNow = (s: { sim: Simulator }) =>
  (s.sim.ecs.describeService('prod', 'be') as { taskDefinition: string }).taskDefinition;

const HOSTILE_ALARMS = ['##[set-output name=status]hostile-1', '::stop-commands::abc', '##[stop-commands]hostile-2'];

describe('hostile alarm names', () => {
  it.each(HOSTILE_ALARMS)('a BLUE_GREEN deployment rolled back on alarm %j: no foreign command', async (alarm) => {
    const s = await setUp({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 5,
      alarms: { alarmNames: [alarm], enable: true, rollback: true },
    });
    s.sim.ecs.setAlarmTrip(alarm, { stage: 'BAKE_TIME', afterSeconds: 60 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.log).toContain(alarm);
    expect(foreignCommands(result.log)).toEqual([]);
    expect(taskDefinitionNow(s)).toBe(ARN(1));
  });
});

describe('credentials that expire during the staged rollback', () => {
  it('every ECS call after StopServiceDeployment landed refused ExpiredToken: the message says the rollback is under way', async () => {
    const s = await setUp({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 }, { kind: 'crash-on-start', exitCode: 3 });
    const stopped = () => s.sim.callsOf('StopServiceDeployment').some((call) => call.status === 200);
    s.sim.faults.inject({ api: 'ecs', kind: 'expired-token', count: Number.POSITIVE_INFINITY, when: stopped });
    const result = await run(s, { timeout: '40s', rollback: 'true', preflight: 'off' });
    expect(result.exitCode).toBe(1);
    expect(s.sim.callsOf('StopServiceDeployment').filter((call) => call.status === 200)).toHaveLength(1);
    // Timed out, and no rollback was seen to reach steady state.
    expect(result.outputs.status).toBe('timed-out');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/ExpiredToken/);
    expect(result.errors[0]).toMatch(
      /The rollback through ECS \(StopServiceDeployment ROLLBACK\) of service deployment \S+ is under way and ECS carries on with it/,
    );
    // Never the wait's last (stale) read as the state it ended in.
    expect(result.errors[0]).not.toContain('Stopped waiting because of an AWS API error');
  });
});
