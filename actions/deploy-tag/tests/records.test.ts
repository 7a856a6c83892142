/**
 * Record format 2: who deployed (actor, triggering actor) and where (region, account) in every record, shown by
 * lookups; the history of a place is per region; records written before (format 1) still read.
 */
import { ConfigurationError } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { deployTag } from '../src/deploy-tag.js';
import { parseTagMessage } from '../src/records.js';
import {
  A,
  arn,
  B,
  C,
  clock,
  D,
  ENV,
  gh,
  handMadeTag,
  IMAGE,
  imageOf,
  PRODUCTION,
  read,
  run,
  useGitHub,
} from './fixture.js';
import { OWNER, REPO } from './github-server.js';

useGitHub();

const EU_ARN = (revision: number) => `arn:aws:ecs:eu-west-1:210987654321:task-definition/web:${revision}`;
const EU = { region: 'eu-west-1' };
const TIME = '2026-01-04T09:00:00.000Z';

/** A tag message as the deploy-tag before format 2 wrote it: records without format, region, account or actor. */
function formatOneMessage(version: string, sha: string, records: Record<string, string>[]): string {
  const lines = records.map((record) => JSON.stringify({ ...PRODUCTION, ...record }));
  return `Deploy ${version} to production (prod/web)\n\nversion: ${version}\ncommit: ${sha}\ndeploys:\n${lines.join('\n')}\n`;
}

const messageOf = (tag: string) => gh.github.tags(OWNER, REPO).find((found) => found.name === tag)?.message ?? '';

describe('every record says who deployed and where', () => {
  it('records the actor, the triggering actor, and the region and account of the task definition ARN', async () => {
    await run({ version: '0.2601.1', sha: A, 'task-definition-arn': EU_ARN(3) }, { ...ENV, AWS_REGION: 'eu-west-1' });
    expect(parseTagMessage(messageOf('ecs-deploy-0.2601.1'), { version: '0.2601.1', commit: A })).toEqual([
      expect.objectContaining({
        format: 2,
        region: 'eu-west-1',
        account: '210987654321',
        actor: 'octocat',
        triggeringActor: 'hubot',
      }),
    ]);
  });

  it('takes the region from AWS_REGION when no ARN gives it, and records no account it does not know', async () => {
    await run({ version: '0.2601.1', sha: A }, { ...ENV, AWS_REGION: 'ap-northeast-1' });
    const [record] = parseTagMessage(messageOf('ecs-deploy-0.2601.1'), { version: '0.2601.1', commit: A }) ?? [];
    expect(record).toMatchObject({ region: 'ap-northeast-1', actor: 'octocat' });
    expect(record?.account).toBeUndefined();
  });

  it('outputs who deployed and where with version: previous, and says it in the log', async () => {
    await run({ version: '0.2601.1', sha: A, 'task-definition-arn': arn(1) });
    await run({ version: '0.2601.2', sha: B, 'task-definition-arn': arn(2) }, { ...ENV, GITHUB_ACTOR: 'mona' });
    const parsed = read({ version: 'previous' });
    const lines: string[] = [];
    const result = await deployTag(parsed, { github: gh.client(), clock, info: (line) => lines.push(line) });
    expect(result).toMatchObject({
      version: '0.2601.1',
      actor: 'octocat',
      triggeringActor: 'hubot',
      region: 'us-east-1',
      account: '123456789012',
      latest: { version: '0.2601.2', actor: 'mona' },
    });
    expect(lines.join('\n')).toContain('deployed by mona (run by hubot) in us-east-1 (123456789012)');
  });

  it.each([
    [{ region: 'eu-west-1', 'task-definition-arn': arn(1) }, 'Input "task-definition-arn"', 'is in region us-east-1'],
    [
      { account: '999999999999', 'task-definition-arn': arn(1) },
      'Input "task-definition-arn"',
      'but input "account" is 999999999999',
    ],
    [{ region: 'Europe' }, 'Input "region"', 'must be an AWS region'],
    [{ account: '1234' }, 'Input "account"', 'must be a 12-digit AWS account id'],
    [
      { cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod', 'task-definition-arn': arn(1) },
      'Input "cluster"',
      'is in region eu-west-1',
    ],
    [
      { 'task-definition-arn': 'arn:aws:ecs:x:123456789012:task-definition/web:1' },
      'Input "task-definition-arn"',
      'names no AWS region',
    ],
  ])('refuses %j before any call', (inputs, name, why) => {
    const before = gh.sim.calls.length;
    const attempt = () => read({ version: '0.2601.1', sha: A, ...inputs });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(name);
    expect(attempt).toThrow(why);
    expect(gh.sim.calls.length).toBe(before);
  });

  it.each([
    [{ GITHUB_ACTOR: undefined }, 'GITHUB_ACTOR is not set'],
    [
      { GITHUB_ACTOR: 'octocat\n::error::forged' },
      'GITHUB_ACTOR is "octocat\\n::error::forged", which is not a GitHub login',
    ],
    [{ GITHUB_ACTOR: '##[error]x' }, 'GITHUB_ACTOR is "##[error]x", which is not a GitHub login'],
    [{ GITHUB_TRIGGERING_ACTOR: 'a b' }, 'GITHUB_TRIGGERING_ACTOR is "a b", which is not a GitHub login'],
    [{ AWS_REGION: undefined }, 'Input "region" is empty and no ARN or AWS_REGION gives it'],
    [{ AWS_REGION: 'us east' }, 'AWS_REGION is "us east", which is not an AWS region'],
  ])('refuses a run whose environment is %j, before any call', (env, message) => {
    const before = gh.sim.calls.length;
    expect(() => read({ version: '0.2601.1', sha: A }, { ...ENV, ...env })).toThrow(message);
    expect(gh.sim.calls.length).toBe(before);
  });

  it('accepts an app as the actor (dependabot[bot])', async () => {
    await run({ version: '0.2601.1', sha: A }, { ...ENV, GITHUB_ACTOR: 'dependabot[bot]' });
    expect(messageOf('ecs-deploy-0.2601.1')).toContain('"actor":"dependabot[bot]"');
  });
});

describe('the history of a place is per region', () => {
  it('never takes a deploy in eu-west-1 as the previous deploy in us-east-1, nor the reverse', async () => {
    await run({ version: '0.2601.1', sha: A, 'task-definition-arn': arn(1) });
    await run({ version: '0.2601.2', sha: B, 'task-definition-arn': arn(2) });
    // eu-west-1 (same environment, cluster and service names) gets a higher version last.
    await run({ version: '0.2601.3', sha: C, 'task-definition-arn': EU_ARN(1) });
    const us = await run({ version: 'previous', region: 'us-east-1' });
    expect(us).toMatchObject({ version: '0.2601.1', latest: { version: '0.2601.2' }, region: 'us-east-1' });
    // AWS_REGION (set by configure-aws-credentials) limits a lookup too.
    const euByEnv = run({ version: 'previous' }, { ...ENV, AWS_REGION: 'eu-west-1' });
    await expect(euByEnv).rejects.toThrow(
      'version: previous found only ecs-deploy-0.2601.3 deployed in production (prod/web, eu-west-1) in octo-org/octo-app',
    );
    const looked = await run({ version: '0.2601.3', lookup: 'true', ...EU });
    expect(looked).toMatchObject({ deployedHere: true, region: 'eu-west-1', account: '210987654321' });
    expect(await run({ version: '0.2601.3', lookup: 'true', region: 'us-east-1' })).toMatchObject({
      found: true,
      deployedHere: false,
    });
  });

  it("reports the previous deploy of this deploy's own region only (create mode)", async () => {
    await run({ version: '0.2601.1', sha: A, 'task-definition-arn': EU_ARN(1) });
    const first = await run({ version: '0.2601.2', sha: B, 'task-definition-arn': arn(2) });
    expect(first.previous).toBeUndefined();
    const second = await run({ version: '0.2601.3', sha: C, 'task-definition-arn': arn(3) });
    expect(second.previous).toMatchObject({ version: '0.2601.2', region: 'us-east-1' });
  });

  it('limits a lookup to an account', async () => {
    await run({ version: '0.2601.1', sha: A, region: 'eu-west-1', account: '123456789012' });
    await run({ version: '0.2601.2', sha: B, region: 'eu-west-1', account: '210987654321' });
    expect(await run({ version: '0.2601.2', lookup: 'true', ...EU, account: '123456789012' })).toMatchObject({
      deployedHere: false,
    });
  });
});

describe('records written before format 2 still read', () => {
  const v1 = (version: string, extra: Record<string, string> = {}) => ({
    image: imageOf(version),
    run: 'https://github.com/octo-org/octo-app/actions/runs/1',
    time: TIME,
    ...extra,
  });

  it('reads them, taking region and account from their task definition ARN, as a rollback target', async () => {
    await handMadeTag(
      'ecs-deploy-0.2601.1',
      A,
      formatOneMessage('0.2601.1', A, [v1('0.2601.1', { 'task-definition': arn(7) })]),
    );
    await run({ version: '0.2601.2', sha: B, 'task-definition-arn': arn(8) });
    expect(await run({ version: 'previous' })).toMatchObject({
      version: '0.2601.1',
      image: `${IMAGE}:0.2601.1`,
      taskDefinitionArn: arn(7),
      region: 'us-east-1',
      account: '123456789012',
    });
    const previous = await run({ version: 'previous' });
    expect(previous.actor).toBeUndefined();
    // The same record is no deploy in eu-west-1: its ARN says where it ran.
    await expect(run({ version: 'previous', ...EU })).rejects.toThrow('found no deploy in production');
  });

  it('takes one without any ARN (region unknown) as a deploy in every region', async () => {
    await handMadeTag('ecs-deploy-0.2601.1', A, formatOneMessage('0.2601.1', A, [v1('0.2601.1')]));
    await run({ version: '0.2601.2', sha: B, region: 'eu-west-1' });
    expect(await run({ version: 'previous', ...EU })).toMatchObject({ version: '0.2601.1', deployedHere: true });
  });

  it('keeps them as they were when a new deploy of the same version is added beside them', async () => {
    const old = v1('0.2601.1', { 'task-definition': arn(7) });
    await handMadeTag('ecs-deploy-0.2601.1', A, formatOneMessage('0.2601.1', A, [old]));
    await run({ version: '0.2601.1', sha: A, environment: 'staging', cluster: 'stage' });
    const lines = messageOf('ecs-deploy-0.2601.1').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-2) ?? '{}')).toEqual({ ...PRODUCTION, ...old });
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ format: 2, environment: 'staging', actor: 'octocat' });
    expect(await run({ version: '0.2601.1', lookup: 'true' })).toMatchObject({ taskDefinitionArn: arn(7) });
  });
});

describe('a record that breaks its format is refused', () => {
  const format2 = { format: 2, ...PRODUCTION, region: 'us-east-1', actor: 'octocat', time: TIME };
  it.each([
    [
      'a format this code does not know',
      { ...format2, format: 4 },
      'has record format 4, which this deploy-tag does not read (it reads 1, 2 and 3)',
    ],
    ['a format given as text', { ...format2, format: '2' }, 'has record format "2"'],
    ['format 2 without actor', { ...format2, actor: undefined }, 'has no "actor" (record format 2)'],
    ['format 2 without region', { ...format2, region: undefined }, 'has no "region" (record format 2)'],
    ['a forged region', { ...format2, region: 'us-east-1\n::error::x' }, 'has an invalid "region"'],
    ['a forged actor', { ...format2, actor: '##[error]x' }, 'has an invalid "actor"'],
    ['a forged account', { ...format2, account: 12 }, 'has an invalid "account"'],
    [
      'format 1 with an actor',
      { ...PRODUCTION, actor: 'octocat', time: TIME },
      'has an unknown field "actor" for record format 1',
    ],
  ])('%s', async (_case, record, why) => {
    await handMadeTag(
      'ecs-deploy-0.2601.4',
      D,
      `Deploy 0.2601.4\n\nversion: 0.2601.4\ncommit: ${D}\ndeploys:\n${JSON.stringify(record)}\n`,
    );
    const attempt = run({ version: '0.2601.4', lookup: 'true' });
    await expect(attempt).rejects.toThrow(`does not hold valid deploy records: the deploy record on line 6 ${why}`);
  });
});
