/**
 * deploy.yml with `app-file`, run from the starter CD's YAML against the simulator (images seeded in place of
 * ecr-push): the application's services, an EventBridge rule and a Scheduler schedule deployed from CI's build in one
 * step, one deploy tag with a record per target; a single-service input given with app-file is refused before any
 * AWS call.
 */
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adoptTemplate, type Pipeline } from '../src/index.js';
import { documentedActions } from './documented-policy.js';
import { explain, ROOT, starterWith, startSeededPipeline, step, tagStep } from './run-helpers.js';

let sim: Simulator;
let pipeline: Pipeline;
const WORKER = 'ecs-be-prod-worker';
const APP_FILE = '.aws/ecs-app.json';

const app = (cluster: string) => ({
  application: 'octo',
  environments: { production: { cluster } },
  services: {
    web: {
      service: 'ecs-be-prod-service',
      taskDefinition: '.aws/task-definition.json',
      images: { ecs_be_prod_container: 'built' },
    },
    worker: {
      service: WORKER,
      taskDefinition: '.aws/task-definition.json',
      images: { ecs_be_prod_container: 'built' },
    },
  },
  rules: {
    nightly: {
      rule: 'octo-nightly',
      taskDefinition: '.aws/task-definition.json',
      images: { ecs_be_prod_container: 'built' },
    },
  },
  schedules: {
    report: {
      schedule: 'octo-report',
      taskDefinition: '.aws/task-definition.json',
      images: { ecs_be_prod_container: 'built' },
    },
  },
});

/** The starter CD (CI builds and runs by hand) with app-file in place of its single-service inputs. */
async function appCd(): Promise<string> {
  const starter = await adoptTemplate(ROOT, 'ecs-cd.yml');
  const kept = starter
    .split('\n')
    .filter((line) => !/^ {6}(cluster|service|container-name|task-definition):/.test(line));
  return kept.join('\n').replace('      ci-workflow:', `      app-file: ${APP_FILE}\n      ci-workflow:`);
}

/** The image each target's container runs now. */
function imagesNow(): string[] {
  const imageOf = (arn: unknown) =>
    (
      sim.ecs.taskDefinitionRecord(String(arn))?.taskDefinition as
        | { containerDefinitions: { image: string }[] }
        | undefined
    )?.containerDefinitions[0]?.image;
  const rule = sim.events.targetsOf('octo-nightly')[0]?.EcsParameters as { TaskDefinitionArn?: string } | undefined;
  const schedule = sim.scheduler.schedule('octo-report')?.Target as
    | { EcsParameters?: { TaskDefinitionArn?: string } }
    | undefined;
  return [
    sim.ecs.describeService(pipeline.cluster, pipeline.service)?.taskDefinition,
    sim.ecs.describeService(pipeline.cluster, WORKER)?.taskDefinition,
    rule?.TaskDefinitionArn,
    schedule?.EcsParameters?.TaskDefinitionArn,
  ].map(imageOf) as string[];
}

beforeAll(async () => {
  ({ sim, pipeline } = await startSeededPipeline());
  pipeline.addService(pipeline.cluster, WORKER);
  const clusterArn = `arn:aws:ecs:${sim.env.AWS_REGION}:123456789012:cluster/${pipeline.cluster}`;
  const role = 'arn:aws:iam::123456789012:role/ecsEventsRole';
  const ecsParameters = {
    TaskDefinitionArn: pipeline.initialTaskDefinitionArn,
    LaunchType: 'FARGATE',
    NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'] } },
  };
  await sim.events.handle('PutRule', { Name: 'octo-nightly', ScheduleExpression: 'cron(0 3 * * ? *)' });
  await sim.events.handle('PutTargets', {
    Rule: 'octo-nightly',
    Targets: [{ Id: 'nightly', Arn: clusterArn, RoleArn: role, EcsParameters: { ...ecsParameters, TaskCount: 1 } }],
  });
  await sim.scheduler.handle('CreateSchedule', {
    Name: 'octo-report',
    ScheduleExpression: 'cron(0 6 * * ? *)',
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: { Arn: clusterArn, RoleArn: role, EcsParameters: ecsParameters },
  });
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

describe('deploy.yml with app-file', () => {
  it("deploys the application from CI's build: every target on the new revision, one tag with a record per target", async () => {
    await pipeline.push('CD: the application file', {
      // The cluster by ARN, as the action's README allows (the workflow's own check takes either form).
      [APP_FILE]: `${JSON.stringify(app(`arn:aws:ecs:${sim.env.AWS_REGION}:123456789012:cluster/${pipeline.cluster}`), null, 2)}\n`,
      // The region, role and repository from the repository's variables; cluster and services from the file.
      '.github/workflows/ecs-cd.yml': await appCd(),
    });
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const before = sim.calls.length;
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    const deploy = step(cd, 'deploy/deploy', 'deploy');
    expect(deploy.outputs.status).toBe('succeeded');
    expect(deploy.outputs.application).toBe('octo');
    const targets = JSON.parse(deploy.outputs.targets ?? '[]') as {
      name: string;
      status: string;
      taskDefinitionArn: string;
    }[];
    expect(targets.map((t) => [t.name, t.status])).toEqual([
      ['web', 'succeeded'],
      ['worker', 'succeeded'],
      ['nightly', 'succeeded'],
      ['report', 'succeeded'],
    ]);
    const revision = targets[0]?.taskDefinitionArn ?? '';
    expect(revision).not.toBe(pipeline.initialTaskDefinitionArn);
    expect(sim.ecs.describeService(pipeline.cluster, pipeline.service)?.taskDefinition).toBe(revision);
    expect(sim.ecs.describeService(pipeline.cluster, WORKER)?.taskDefinition).toBe(revision);
    expect(
      (sim.events.targetsOf('octo-nightly')[0]?.EcsParameters as { TaskDefinitionArn?: string } | undefined)
        ?.TaskDefinitionArn,
    ).toBe(revision);
    // The image CI built, pinned by the digest CI recorded.
    const registered = sim.callsOf('RegisterTaskDefinition').at(-1)?.params as {
      containerDefinitions: { image: string }[];
    };
    expect(registered.containerDefinitions[0]?.image).toMatch(/:\S+@sha256:[0-9a-f]{64}$/);

    const version = ci.outputs['build-push']?.version ?? '';
    expect(tagStep(cd).outcome).toBe('success');
    const tag = sim.github.tags(pipeline.owner, pipeline.repo).find((t) => t.name === `ecs-deploy-${version}`);
    const records = (tag?.message ?? '')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, string | number>);
    expect(records.map((r) => [r.format, r.application, r.target, r.kind, r.service ?? r.rule ?? r.schedule])).toEqual([
      [3, 'octo', 'web', 'service', 'ecs-be-prod-service'],
      [3, 'octo', 'worker', 'service', WORKER],
      [3, 'octo', 'nightly', 'rule', 'octo-nightly'],
      [3, 'octo', 'report', 'schedule', 'default/octo-report'],
    ]);
    expect(records.every((r) => r.cluster === pipeline.cluster && r.environment === 'production')).toBe(true);
    // Every call is one docs/setup.md allows (with its app-file statement).
    const called = new Set(
      sim.calls
        .slice(before)
        .filter((c) => c.api !== 'github')
        .map((c) => `${c.api === 'elbv2' ? 'elasticloadbalancing' : c.api}:${c.operation}`),
    );
    expect(called).toContain('events:PutTargets');
    expect([...called].filter((action) => !documentedActions().includes(action))).toEqual([]);
  }, 180_000);

  it('version previous by hand: the whole application goes back to the version before, each target from its record', async () => {
    const first = imagesNow();
    await pipeline.push('Feature', { 'app.txt': 'octo-app two\n' });
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    const second = imagesNow();
    expect(new Set(second).size).toBe(1);
    expect(second[0]).not.toBe(first[0]);

    const back = await pipeline.dispatchCd('previous');
    expect(explain(back)).toBe('');
    const lookup = step(back, 'deploy/deploy', 'record');
    expect(JSON.parse(lookup.outputs.targets ?? '[]').map((t: { name: string }) => t.name)).toEqual([
      'web',
      'worker',
      'nightly',
      'report',
    ]);
    expect(step(back, 'deploy/deploy', 'deploy').outputs.status).toBe('succeeded');
    // Every target runs the first version's image again (its digest, as recorded).
    expect(imagesNow()).toEqual(first);
    const version = lookup.outputs.version ?? '';
    const tag = sim.github.tags(pipeline.owner, pipeline.repo).find((t) => t.name === `ecs-deploy-${version}`);
    expect((tag?.message ?? '').split('\n').filter((line) => line.startsWith('{"format":3'))).toHaveLength(8);
  }, 240_000);

  it("refuses the starter's single-service inputs given with app-file, before any AWS call", async () => {
    // The starter CD passes service and container-name (from the variables): with app-file they conflict.
    await pipeline.push('CD: app-file added to the starter', {
      '.github/workflows/ecs-cd.yml': await starterWith(ROOT, [`app-file: ${APP_FILE}`, 'desired-count: "2"']),
    });
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const before = sim.calls.length;
    const cd = await pipeline.runCd(ci);
    expect(cd.conclusion).toBe('failure');
    expect(explain(cd)).toContain(
      `app-file (${APP_FILE}) deploys the application's targets from the file, so these single-service inputs cannot go with it: service container-name desired-count.`,
    );
    expect(sim.calls.slice(before).filter((c) => c.api !== 'github')).toEqual([]);
  }, 120_000);
});
