/** The deploy-tag tests' repository, clock and runs of the action against the simulator. */
import { InputReader, inputsFrom, ManualClock } from '@ecs-actions/core';
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { type DeployTagResult, deployTag } from '../src/deploy-tag.js';
import { readDeployTagInputs } from '../src/inputs.js';
import { COMMITS, type GitHubFixture, OWNER, REPO, startGitHub, WRITE_TOKEN } from './github-server.js';

export const [A = '', B = '', C = '', D = '', E = '', F = ''] = COMMITS;
export const NOW = Date.parse('2026-01-05T10:00:00Z');
export const ENV = {
  GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
  GITHUB_SHA: F,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '1658821493',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_ACTOR: 'octocat',
  GITHUB_TRIGGERING_ACTOR: 'hubot',
  AWS_REGION: 'us-east-1',
};
/** A later workflow run: its deploy of a version already recorded by ENV's run is a new record. */
export const ANOTHER_RUN = { ...ENV, GITHUB_RUN_ID: '1658821999' };
export const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
export const DIGEST = `sha256:${'1'.repeat(64)}`;
/** Where the deploys of these tests go unless a test says otherwise. */
export const PRODUCTION = { environment: 'production', cluster: 'prod', service: 'web' };
export const STAGING = { environment: 'staging', cluster: 'stage', service: 'web' };
/** The image of a version as ecr-push tags it (`+` becomes `-`). */
export const imageOf = (version: string) => `${IMAGE}:${version.replace('+', '-')}`;
export const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;

export let gh: GitHubFixture;
/** One clock for a test: every run starts a minute after the one before, so deploys are ordered in time. */
export let clock: ManualClock;

/** A simulator for the test file, reset before each test (with a fresh clock and no recorded sleeps). */
export function useGitHub(): void {
  beforeAll(async () => {
    gh = await startGitHub();
  });
  afterAll(async () => {
    await gh.close();
  });
  beforeEach(async () => {
    await gh.reset();
    slept.length = 0;
    clock = new ManualClock(NOW);
  });
}

export function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = ENV) {
  return readDeployTagInputs(
    new InputReader(inputsFrom({ 'github-token': WRITE_TOKEN, ...PRODUCTION, ...inputs })),
    env,
  );
}

/** Delays the action slept for between retries (and before reading a written tag back). */
export const slept: number[] = [];

export async function run(
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = ENV,
  sleep: (ms: number) => Promise<void> = async (ms) => {
    slept.push(ms);
    await clock.sleep(ms);
  },
): Promise<DeployTagResult> {
  const parsed = read(inputs, env);
  await clock.sleep(60_000);
  return deployTag(parsed, { github: gh.client(parsed.token), clock, sleep });
}

/** Deploys through the action itself, oldest first: version → commit (at the place of `extra`, default production). */
export async function seedTags(tags: [string, string][], extra: Record<string, string> = {}): Promise<void> {
  for (const [version, sha] of tags) await run({ version, sha, image: imageOf(version), ...extra });
}

/** A tag made without deploy-tag: lightweight, or annotated with `message`. */
export async function handMadeTag(name: string, sha: string, message?: string): Promise<void> {
  const client = gh.client();
  const target = message
    ? (
        await client.request('POST /repos/{owner}/{repo}/git/tags', {
          owner: OWNER,
          repo: REPO,
          tag: name,
          message,
          object: sha,
          type: 'commit',
        })
      ).data.sha
    : sha;
  await client.request('POST /repos/{owner}/{repo}/git/refs', {
    owner: OWNER,
    repo: REPO,
    ref: `refs/tags/${name}`,
    sha: target,
  });
}

export const tagsInRepo = () => gh.github.tags(OWNER, REPO).map((t) => [t.name, t.commit]);
