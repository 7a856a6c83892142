/**
 * The application file (src/application/app-file.ts, read.ts): a valid file becomes a plan with one registration per
 * family; each class of mistake is refused before any call, one line per problem naming the file and the path in it.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, InputReader, inputsFrom } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readAppInputs } from '../src/application/inputs.js';
import { readAppPlan } from '../src/application/read.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:0.2541.7';
const td = (family: string, container: string) => ({
  family,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: container, image: 'placeholder', essential: true }],
});

export const validApp = {
  application: 'shop',
  environments: { production: { cluster: 'prod' }, staging: { cluster: 'staging' } },
  services: {
    'shop-api': { taskDefinition: '.aws/api.json', images: { api: 'built' } },
    'shop-worker': { taskDefinition: '.aws/worker.json', images: { worker: 'built' } },
  },
  rules: {
    nightly: { rule: 'shop-nightly-{environment}', taskDefinition: '.aws/worker.json', images: { worker: 'built' } },
  },
  schedules: { report: { schedule: 'shop-report', taskDefinition: '.aws/worker.json', images: { worker: 'built' } } },
};

let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'edw-app-file-'));
  await mkdir(path.join(workspace, '.aws'));
  await writeFile(path.join(workspace, '.aws', 'api.json'), JSON.stringify(td('shop-api', 'api')));
  await writeFile(path.join(workspace, '.aws', 'worker.json'), JSON.stringify(td('shop-worker', 'worker')));
  await writeFile(
    path.join(workspace, '.aws', 'worker-copy.json'),
    JSON.stringify({ ...td('shop-worker', 'worker'), cpu: '512' }),
  );
  await writeFile(path.join(workspace, '.aws', 'broken.json'), '{"family": ');
  await writeFile(path.join(workspace, '.aws', 'service.json'), JSON.stringify({ desiredCount: 2 }));
  await writeFile(path.join(workspace, 'duplicate.json'), '{"application": "a", "application": "b"}');
});

async function plan(app: unknown, environment = 'production', image: string | null = IMAGE) {
  const file = `app-${Math.random().toString(36).slice(2)}.json`;
  await writeFile(path.join(workspace, file), typeof app === 'string' ? app : JSON.stringify(app));
  return readAppPlan(file, environment, image ?? undefined, workspace);
}

async function problems(app: unknown, environment = 'production', image: string | null = IMAGE): Promise<string> {
  const error = await plan(app, environment, image).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  return (error as Error).message;
}

describe('application file', () => {
  it('plans one registration per family, names resolved for the environment, the built image in every container named', async () => {
    const app = await plan(validApp);
    expect(app.cluster).toBe('prod');
    expect(app.families.map((f) => [f.family, f.targets])).toEqual([
      ['shop-api', ['shop-api']],
      ['shop-worker', ['shop-worker', 'nightly', 'report']],
    ]);
    expect(app.families[1]?.file.rendered.request.containerDefinitions?.[0]?.image).toBe(IMAGE);
    expect(app.targets.map((t) => [t.kind, t.name, t.family])).toEqual([
      ['service', 'shop-api', 'shop-api'],
      ['service', 'shop-worker', 'shop-worker'],
      ['rule', 'nightly', 'shop-worker'],
      ['schedule', 'report', 'shop-worker'],
    ]);
    expect(app.targets[2]).toMatchObject({ rule: 'shop-nightly-production', eventBus: 'default' });
    expect(app.targets[3]).toMatchObject({ schedule: 'shop-report', group: 'default' });
  });

  it.each([
    ['not JSON', '{"application": ', /is not valid JSON/],
    ['a key twice', '{"application": "a", "application": "b"}', /has the key "application" twice/],
    ['an unknown member', { ...validApp, service: {} }, /: service: is not a member of an application file/],
    [
      'no environments',
      { ...validApp, environments: undefined },
      /: environments: must be an object naming each environment/,
    ],
    [
      'an environment not in the file',
      { ...validApp, environments: { staging: { cluster: 'staging' } } },
      /: environments: has no environment "production" \(it has staging\)/,
    ],
    [
      'a bad cluster',
      { ...validApp, environments: { production: { cluster: 'prod cluster' } } },
      /environments\.production\.cluster: must be a cluster name or ARN/,
    ],
    ['no target', { application: 'shop', environments: validApp.environments }, /the file names no target/],
    [
      'a bad service name',
      { ...validApp, services: { 'shop.api': { taskDefinition: '.aws/api.json' } } },
      /services\.shop\.api\.service: "shop\.api" is not valid/,
    ],
    [
      'an unknown target member',
      { ...validApp, rules: { nightly: { ...validApp.rules.nightly, schedule: 'x' } } },
      /rules\.nightly\.schedule: is not a member of a rule target/,
    ],
    [
      'a missing task definition',
      { ...validApp, schedules: { report: { schedule: 'r' } } },
      /schedules\.report\.taskDefinition: is missing/,
    ],
    [
      'a task definition file that is not there',
      { ...validApp, schedules: { report: { taskDefinition: '.aws/none.json' } } },
      /schedules\.report\.taskDefinition: .*none\.json/,
    ],
    [
      'a task definition file that is not JSON',
      { ...validApp, schedules: { report: { taskDefinition: '.aws/broken.json' } } },
      /schedules\.report\.taskDefinition: .*is not valid JSON/,
    ],
    [
      'a container the file does not have',
      { ...validApp, services: { 'shop-api': { taskDefinition: '.aws/api.json', images: { web: 'built' } } } },
      /services\.shop-api\.images\.web: \.aws\/api\.json has no container "web" \(it has api\)/,
    ],
    [
      'a bad image',
      { ...validApp, services: { 'shop-api': { taskDefinition: '.aws/api.json', images: { api: 'Not An Image' } } } },
      /services\.shop-api\.images\.api: must be "built" or an image reference/,
    ],
    [
      'one family with two contents',
      { ...validApp, schedules: { report: { taskDefinition: '.aws/worker-copy.json', images: { worker: 'built' } } } },
      /schedules\.report: runs family "shop-worker" with other contents/,
    ],
    [
      'createService without a service definition',
      { ...validApp, services: { 'shop-api': { taskDefinition: '.aws/api.json', createService: true } } },
      /services\.shop-api\.createService: needs serviceDefinition/,
    ],
    [
      'createService from a definition without a network',
      {
        ...validApp,
        services: {
          'shop-api': { taskDefinition: '.aws/api.json', createService: true, serviceDefinition: '.aws/service.json' },
        },
      },
      /services\.shop-api\.serviceDefinition: .* has no networkConfiguration/,
    ],
    [
      'two targets on one schedule',
      { ...validApp, schedules: { report: validApp.schedules.report, again: validApp.schedules.report } },
      /schedules\.again: changes the same schedule default\/shop-report as schedules\.report/,
    ],
    [
      'one name in two sections',
      { ...validApp, rules: { report: validApp.rules.nightly } },
      /schedules\.report: the name is also used by rules\.report/,
    ],
    [
      'a target name a deploy record cannot hold',
      { ...validApp, rules: { 'night ly': validApp.rules.nightly } },
      /rules\.night ly: the target name must be 1 to 64 letters, digits, dots, hyphens and underscores/,
    ],
  ])('refuses %s, naming the file and the path', async (_, app, expected) => {
    const message = await problems(app);
    expect(message).toMatch(/^Input "app-file": "?app-[a-z0-9]+\.json"? (has|is|has a duplicate)/);
    expect(message).toMatch(expected);
  });

  it('refuses "built" when the step has no image input', async () => {
    expect(await problems(validApp, 'production', null)).toMatch(
      /services\.shop-api\.images\.api: is "built", but the step was given no image input/,
    );
  });

  it('lists every problem at once, one a line', async () => {
    const message = await problems({ application: '', environments: {}, services: { 'a.b': {} }, extra: 1 });
    const lines = message.split('\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line).toMatch(/^- app-[a-z0-9]+\.json: \S/);
  });
});

describe('application inputs', () => {
  const read = (inputs: Record<string, string>) => () =>
    readAppInputs(
      new InputReader(inputsFrom({ 'app-file': 'app.json', environment: 'production', ...inputs })),
      workspace,
    );

  beforeAll(async () => {
    await writeFile(path.join(workspace, 'app.json'), JSON.stringify(validApp));
  });

  it('reads the file for the environment, with the wait settings every target shares', () => {
    // Single-service inputs at their defaults (as deploy.yml passes them) say nothing and are accepted.
    const inputs = read({ image: IMAGE, timeout: '10m', rollback: 'false', verify: 'off', 'on-pause': 'wait' })();
    expect(inputs.plan.cluster).toBe('prod');
    expect(inputs).toMatchObject({ timeoutMs: 600_000, rollback: false, wait: true, preflight: 'warn' });
  });

  it.each([
    [{ service: 'be' }, 'Input "service" ("be") is set together with "app-file" ("app.json")'],
    [{ 'task-definition': 'td.json' }, 'Remove task-definition; the file has each target\'s "taskDefinition".'],
    [{ environment: '' }, 'Input "environment" is required'],
    [{ environment: 'prod uction' }, 'Input "environment"'],
    [{ environment: 'qa' }, 'environments: has no environment "qa"'],
    [{ 'poll-interval': '1ms' }, 'Input "poll-interval"'],
    [{ verify: 'fail' }, 'Input "verify" ("fail") is set together with "app-file"'],
    [{ 'dry-run': 'true' }, 'Input "dry-run" ("true") is set together with "app-file"'],
    [{ 'on-pause': 'return' }, 'Input "on-pause" ("return") is set together with "app-file"'],
  ])('refuses %j', (inputs, expected) => {
    expect(read({ image: IMAGE, ...inputs })).toThrow(expected);
  });
});
