/**
 * Application deploys (ecs-deploy-wait's app-file): one record per target (format 3) in the version's tag, and
 * lookups (`previous`, `current`, a given version) on the whole application at its environment, a legacy
 * single-service history included.
 */
import { describe, expect, it } from '@jest/globals';
import { parseTagMessage, RecordError } from '../src/records.js';
import { A, B, C, gh, imageOf, read, run, seedTags, useGitHub } from './fixture.js';
import { OWNER, REPO } from './github-server.js';

useGitHub();

const taskDefinition = (family: string, revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`;

/** ecs-deploy-wait's targets output for api + worker + a rule + a schedule, every target at `revision`. */
const targetsOutput = (revision: number, status = 'succeeded') =>
  JSON.stringify([
    {
      name: 'api',
      kind: 'service',
      resource: 'shop-api',
      status,
      taskDefinitionArn: taskDefinition('shop-api', revision),
      previousTaskDefinitionArn: null,
    },
    {
      name: 'worker',
      kind: 'service',
      resource: 'shop-worker',
      status: 'succeeded',
      taskDefinitionArn: taskDefinition('shop-worker', revision),
      previousTaskDefinitionArn: null,
    },
    {
      name: 'nightly',
      kind: 'rule',
      resource: 'shop-nightly',
      status: 'succeeded',
      taskDefinitionArn: taskDefinition('shop-worker', revision),
      previousTaskDefinitionArn: null,
    },
    {
      name: 'report',
      kind: 'schedule',
      resource: 'default/shop-report',
      status: 'succeeded',
      taskDefinitionArn: taskDefinition('shop-worker', revision),
      previousTaskDefinitionArn: null,
    },
  ]);

/** An application deploy as deploy.yml records it: the application, its targets, no service. */
const SHOP = { application: 'shop', service: '' };
const deployShop = (version: string, sha: string, revision: number) =>
  run({ version, sha, image: imageOf(version), ...SHOP, targets: targetsOutput(revision) });

const tagMessage = (version: string) =>
  gh.github.tags(OWNER, REPO).find((tag) => tag.name === `ecs-deploy-${version}`)?.message ?? '';

describe('application deploys: one record per target', () => {
  it('a successful deploy writes one tag with four records, each naming its application and target', async () => {
    const result = await deployShop('0.2602.1', A, 5);
    expect(result).toMatchObject({ action: 'created', tag: 'ecs-deploy-0.2602.1', sha: A });
    expect(gh.github.tags(OWNER, REPO)).toHaveLength(1);
    const message = tagMessage('0.2602.1');
    expect(message.split('\n')[0]).toBe('Deploy 0.2602.1 to production (prod/shop, us-east-1)');
    const common = {
      format: 3,
      environment: 'production',
      cluster: 'prod',
      region: 'us-east-1',
      application: 'shop',
      image: imageOf('0.2602.1'),
      actor: 'octocat',
    };
    expect(parseTagMessage(message, { version: '0.2602.1', commit: A })).toEqual([
      expect.objectContaining({
        ...common,
        target: 'api',
        kind: 'service',
        service: 'shop-api',
        taskDefinitionArn: taskDefinition('shop-api', 5),
      }),
      expect.objectContaining({ ...common, target: 'worker', kind: 'service', service: 'shop-worker' }),
      expect.objectContaining({
        ...common,
        target: 'nightly',
        kind: 'rule',
        rule: 'shop-nightly',
        taskDefinitionArn: taskDefinition('shop-worker', 5),
      }),
      expect.objectContaining({ ...common, target: 'report', kind: 'schedule', schedule: 'default/shop-report' }),
    ]);
    // A rule's or schedule's record never names a service.
    const records = parseTagMessage(message, { version: '0.2602.1', commit: A }) ?? [];
    expect(records.filter((record) => record.service !== undefined).map((r) => r.target)).toEqual(['api', 'worker']);
    // A re-run of the same job records nothing twice.
    expect(await deployShop('0.2602.1', A, 5)).toMatchObject({ action: 'kept' });
    expect(parseTagMessage(tagMessage('0.2602.1'), { version: '0.2602.1', commit: A })).toHaveLength(4);
  });

  it('version: previous on the application: the version before the current one, with every target it ran', async () => {
    await deployShop('0.2602.1', A, 5);
    await deployShop('0.2602.2', B, 6);
    await deployShop('0.2602.3', C, 7);
    const result = await run({ version: 'previous', ...SHOP });
    expect(result).toMatchObject({
      version: '0.2602.2',
      sha: B,
      image: imageOf('0.2602.2'),
      latest: { version: '0.2602.3' },
      deployedHere: true,
    });
    expect(result.targets).toEqual([
      {
        name: 'api',
        kind: 'service',
        resource: 'shop-api',
        taskDefinitionArn: taskDefinition('shop-api', 6),
        image: imageOf('0.2602.2'),
      },
      expect.objectContaining({ name: 'worker', resource: 'shop-worker' }),
      expect.objectContaining({ name: 'nightly', kind: 'rule', resource: 'shop-nightly' }),
      expect.objectContaining({ name: 'report', kind: 'schedule', resource: 'default/shop-report' }),
    ]);
    expect(await run({ version: 'current', ...SHOP })).toMatchObject({ version: '0.2602.3', found: true });
    // Another application at the same environment is another history.
    await expect(run({ version: 'previous', application: 'other', service: '' })).rejects.toThrow(
      'version: previous found no deploy in production (prod/other, us-east-1)',
    );
  });

  it('a mixed history: the single-service deploys of a service count for the application that grew from it; a service lookup still reads its own', async () => {
    // shop-api was deployed alone (format 2 records) before the application was deployed as one.
    await seedTags(
      [
        ['0.2601.1', A],
        ['0.2601.2', B],
      ],
      { service: 'shop-api' },
    );
    await deployShop('0.2602.1', C, 5);
    // The application alone has one deploy; with its service, the legacy deploys before it count.
    await expect(run({ version: 'previous', ...SHOP })).rejects.toThrow(
      'version: previous found only ecs-deploy-0.2602.1 deployed in production (prod/shop, us-east-1)',
    );
    const back = await run({ version: 'previous', application: 'shop', service: 'shop-api' });
    expect(back).toMatchObject({ version: '0.2601.2', sha: B, image: imageOf('0.2601.2') });
    expect(back.targets).toBeUndefined();
    // A single-service lookup of shop-api sees its application record too (it runs 0.2602.1 now) …
    expect(await run({ version: 'previous', service: 'shop-api' })).toMatchObject({
      version: '0.2601.2',
      latest: { version: '0.2602.1' },
    });
    // … and a lookup of the worker finds only its application record, never a rule's or schedule's.
    expect(await run({ version: 'current', service: 'shop-worker' })).toMatchObject({ version: '0.2602.1' });
    await expect(run({ version: 'previous', service: 'shop-nightly' })).rejects.toThrow('found no deploy');
    // A single-service deploy after it is still recorded in format 2, beside the application's records.
    await run({ version: '0.2602.1', sha: C, image: imageOf('0.2602.1'), service: 'shop-api', environment: 'staging' });
    const records = parseTagMessage(tagMessage('0.2602.1'), { version: '0.2602.1', commit: C }) ?? [];
    expect(records.map((record) => record.format)).toEqual([3, 3, 3, 3, 2]);
  });
});

describe('application inputs: refused before any call', () => {
  it.each(
    [
      [{ ...SHOP, targets: 'not json' }, 'Input "targets" is not JSON'],
      [{ ...SHOP, targets: '[]' }, 'Input "targets" must be a JSON list of 1 to 100 targets'],
      [{ ...SHOP, targets: '{"name":"api"}' }, 'Input "targets" must be a JSON list'],
      [{ ...SHOP, targets: targetsOutput(5, 'rolled-back') }, 'entry 1 (api) has status "rolled-back"'],
      [
        { ...SHOP, targets: targetsOutput(5).replace('"shop-nightly"', '"shop nightly\\n::stop-commands::x"') },
        'entry 3 has an invalid "resource": it must be an EventBridge rule name',
      ],
      [
        { ...SHOP, targets: targetsOutput(5).replace('"kind":"rule"', '"kind":"lambda"') },
        'entry 3 (nightly) has an invalid "kind"',
      ],
      [
        { ...SHOP, targets: targetsOutput(5).replace('"name":"worker"', '"name":"api"') },
        'entry 2 repeats the target name api',
      ],
      [
        { ...SHOP, targets: targetsOutput(5).replace(/task-definition\/shop-api:5/, 'task-definition/shop-api:x') },
        'entry 1 has an invalid "taskDefinitionArn"',
      ],
      [{ targets: targetsOutput(5), service: '' }, 'Input "targets" needs input "application"'],
      [
        { application: 'shop', service: 'shop-api', targets: targetsOutput(5) },
        'Input "service" cannot go with targets',
      ],
      [
        { ...SHOP, targets: targetsOutput(5), 'task-definition-arn': taskDefinition('shop-api', 5) },
        'Input "task-definition-arn" cannot go with targets',
      ],
      [{ ...SHOP }, 'Input "application" is set but "targets" is empty'],
      [
        { application: 'shop\nx', service: '', targets: targetsOutput(5) },
        'Input "application" must be an application',
      ],
    ].map(([inputs, expected]) => [expected as string, inputs as Record<string, string>] as const),
  )('refused: %s', (expected, inputs) => {
    expect(() => read({ version: '0.2602.1', sha: A, ...inputs })).toThrow(expected);
  });
});

describe('format 3 records: read strictly', () => {
  const message = (record: object) =>
    `Deploy 0.2602.1\n\nversion: 0.2602.1\ncommit: ${A}\ndeploys:\n${JSON.stringify(record)}\n`;
  const RULE_RECORD = {
    format: 3,
    environment: 'production',
    cluster: 'prod',
    region: 'us-east-1',
    actor: 'octocat',
    time: '2026-01-05T10:01:00.000Z',
    application: 'shop',
    target: 'nightly',
    kind: 'rule',
    rule: 'shop-nightly',
  };
  it.each(
    [
      [{ ...RULE_RECORD, service: 'shop-api' }, 'is a rule target but has "service" (a service target\'s field)'],
      [{ ...RULE_RECORD, rule: undefined }, 'is a rule target but has no "rule"'],
      [{ ...RULE_RECORD, application: undefined }, 'has no "application" (record format 3)'],
      [{ ...RULE_RECORD, kind: 'lambda' }, 'has an invalid "kind": it must be service, rule or schedule'],
      [{ ...RULE_RECORD, format: 2, service: 'x' }, 'has an unknown field "application" for record format 2'],
    ].map(([record, expected]) => [expected as string, record as object] as const),
  )('refused: %s', (expected, record) => {
    expect(() => parseTagMessage(message(record), { version: '0.2602.1', commit: A })).toThrow(RecordError);
    expect(() => parseTagMessage(message(record), { version: '0.2602.1', commit: A })).toThrow(expected);
  });
});

describe('application deploys in version: history', () => {
  /** An application deploy as deploy.yml runs it that fails: its Deployment in_progress, then failure; no record. */
  async function failShop(version: string, sha: string) {
    const started = await run({ version, sha, 'deployment-state': 'in_progress', ...SHOP });
    await run({ version, 'deployment-state': 'failure', 'deployment-id': String(started.deploymentId), ...SHOP });
  }

  it("a failed application deploy (its Deployment names the application) shows at each of the application's targets", async () => {
    await deployShop('0.2602.1', A, 1);
    await failShop('0.2602.2', B);
    const [deployment] = gh.github.deployments(OWNER, REPO).slice(-1);
    expect(deployment?.payload).toMatchObject({ application: 'shop', cluster: 'prod' });
    expect(deployment?.payload).not.toHaveProperty('service');
    const shown = await run({ version: 'history', ...SHOP });
    const places = shown.history ?? [];
    expect(places.map((place) => place.service).sort()).toEqual(
      ['default/shop-report', 'shop-api', 'shop-nightly', 'shop-worker'].sort(),
    );
    for (const place of places) {
      expect(place.deploys.map((d) => [d.version, d.change])).toEqual([
        ['0.2602.2', 'failed'],
        ['0.2602.1', 'first'],
      ]);
    }
    // A single-service history at the same cluster does not take the application's failure.
    const single = await run({ version: 'history', service: 'web' });
    expect((single.history ?? []).flatMap((place) => place.deploys).map((d) => d.change)).not.toContain('failed');
  });

  it("an application's first deploy that failed shows at a place named by the application", async () => {
    await failShop('0.2602.1', A);
    const shown = await run({ version: 'history', ...SHOP });
    expect(shown.history).toEqual([
      expect.objectContaining({ service: 'shop', deploys: [expect.objectContaining({ change: 'failed' })] }),
    ]);
  });
});
