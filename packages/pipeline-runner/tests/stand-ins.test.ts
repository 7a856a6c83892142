/**
 * The configure-aws-credentials stand-in assumes the role only for the OIDC subjects the trust policy allows; the
 * setup-java stand-in checks its inputs and the files its cache is keyed by, as the real action does.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { unsafePrCheckoutProblem } from '../src/checkout-guard.js';
import { builtInStandIns, oidcSubject, type PipelineRunnerOptions, type StandInContext } from '../src/index.js';

const runner = {
  owner: 'octo-org',
  repo: 'octo-app',
  aws: {
    accountId: '123456789012',
    credentials: { AWS_ACCESS_KEY_ID: 'AKIASIMULATOR0000000' },
    trustedSubjects: ['repo:octo-org/octo-app:ref:refs/heads/master', 'repo:octo-org/octo-app:environment:production'],
  },
} as unknown as PipelineRunnerOptions;

const context = (overrides: Partial<StandInContext>): StandInContext => ({
  inputs: { 'aws-region': 'us-east-1', 'role-to-assume': 'arn:aws:iam::123456789012:role/deploy' },
  env: {},
  workspace: '/nonexistent',
  temp: '/nonexistent',
  trigger: { eventName: 'push', payload: {}, sha: 'a'.repeat(40), ref: 'refs/heads/master', runId: 1, runNumber: 1 },
  token: 'token',
  permissions: { 'id-token': 'write' },
  runner,
  ...overrides,
});

const assume = builtInStandIns()['aws-actions/configure-aws-credentials'];

describe('OIDC subject', () => {
  it.each<[string, Partial<StandInContext>, string]>([
    ['a branch job', {}, 'repo:octo-org/octo-app:ref:refs/heads/master'],
    [
      'a job in an environment (the environment wins)',
      { environment: 'production' },
      'repo:octo-org/octo-app:environment:production',
    ],
    [
      'another branch',
      {
        trigger: {
          eventName: 'workflow_dispatch',
          payload: {},
          sha: 'b'.repeat(40),
          ref: 'refs/heads/feature',
          runId: 2,
          runNumber: 2,
        },
      },
      'repo:octo-org/octo-app:ref:refs/heads/feature',
    ],
  ])('%s', (_, overrides, subject) => {
    expect(oidcSubject(context(overrides))).toBe(subject);
  });
});

describe('configure-aws-credentials stand-in', () => {
  it.each<[string, Partial<StandInContext>]>([
    ['the branch subject', {}],
    ['the environment subject', { environment: 'production' }],
  ])('assumes the role for %s', async (_, overrides) => {
    const result = await assume?.(context(overrides));
    expect(result?.error).toBeUndefined();
    expect(result?.env).toMatchObject({ AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIASIMULATOR0000000' });
  });

  it.each<[string, Partial<StandInContext>, string]>([
    ['an environment the trust policy does not name', { environment: 'staging' }, 'environment:staging'],
    [
      'a branch the trust policy does not name',
      {
        trigger: {
          eventName: 'push',
          payload: {},
          sha: 'c'.repeat(40),
          ref: 'refs/heads/feature',
          runId: 3,
          runNumber: 3,
        },
      },
      'ref:refs/heads/feature',
    ],
  ])('refuses %s, as STS would', async (_, overrides, subject) => {
    const result = await assume?.(context(overrides));
    expect(result?.error).toBe(
      `Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity (token subject repo:octo-org/octo-app:${subject})`,
    );
    expect(result?.env).toBeUndefined();
  });

  it.each([
    ['yes', 'mask-aws-account-id'],
    ['on', 'role-skip-session-tagging'],
    ['1', 'output-env-credentials'],
  ])("refuses '%s' for %s: v6 reads booleans as YAML 1.2 (true/false only)", async (value, input) => {
    const result = await assume?.(context({ inputs: { ...context({}).inputs, [input]: value } }));
    expect(result?.error).toBe(
      `Input does not meet YAML 1.2 "Core Schema" specification: ${input}\nSupport boolean input list: \`true | True | TRUE | false | False | FALSE\``,
    );
  });

  it('takes True and FALSE, and refuses a region that is not one', async () => {
    const booleans = { 'mask-aws-account-id': 'True', 'role-skip-session-tagging': 'FALSE' };
    expect((await assume?.(context({ inputs: { ...context({}).inputs, ...booleans } })))?.error).toBeUndefined();
    const wrong = await assume?.(context({ inputs: { ...context({}).inputs, 'aws-region': 'us-east' } }));
    expect(wrong?.error).toBe('Region is not valid: us-east');
  });

  it('without id-token: write there is no token to present', async () => {
    const result = await assume?.(context({ permissions: { 'id-token': 'none' } }));
    expect(result?.error).toMatch(/ACTIONS_ID_TOKEN_REQUEST_URL.*id-token: write/);
  });
});

describe('setup-java stand-in', () => {
  const setupJava = builtInStandIns()['actions/setup-java'];
  let gradleApp: string;
  let bareApp: string;

  beforeAll(async () => {
    gradleApp = await mkdtemp(path.join(tmpdir(), 'setup-java-gradle-'));
    await mkdir(path.join(gradleApp, 'gradle', 'wrapper'), { recursive: true });
    await writeFile(path.join(gradleApp, 'build.gradle'), "plugins { id 'java' }\n");
    await writeFile(path.join(gradleApp, 'gradle', 'wrapper', 'gradle-wrapper.properties'), 'distributionUrl=x\n');
    bareApp = await mkdtemp(path.join(tmpdir(), 'setup-java-bare-'));
    await writeFile(path.join(bareApp, 'Dockerfile'), 'FROM scratch\n');
  });
  afterAll(async () => {
    await rm(gradleApp, { recursive: true, force: true });
    await rm(bareApp, { recursive: true, force: true });
  });

  const java = (inputs: Record<string, string>, workspace = gradleApp) => setupJava?.(context({ inputs, workspace }));

  it('with a Gradle project: the version and distribution as outputs, the cache keyed by its Gradle files, no JDK', async () => {
    const result = await java({ 'java-version': '17', distribution: 'temurin', cache: 'gradle' });
    expect(result?.error).toBeUndefined();
    expect(result?.outputs).toMatchObject({ distribution: 'temurin', version: '17', 'cache-hit': 'false' });
    expect(result?.log).toContain('not installed here');
    expect(result?.log).toContain('gradle cache keyed by build.gradle, gradle/wrapper/gradle-wrapper.properties');
    expect(result?.env).toBeUndefined();
  });

  it.each<[string, Record<string, string>, string]>([
    ['no java-version', { distribution: 'temurin' }, 'java-version or java-version-file input expected'],
    ['no distribution', { 'java-version': '17' }, 'distribution input is required'],
    [
      'an unknown distribution',
      { 'java-version': '17', distribution: 'openjdk' },
      'No supported distribution was found for input openjdk',
    ],
    [
      'an unknown cache',
      { 'java-version': '17', distribution: 'temurin', cache: 'ant' },
      'unknown package manager specified: ant',
    ],
  ])('fails as the real one does with %s', async (_, inputs, error) => {
    expect((await java(inputs))?.error).toBe(error);
  });

  it('fails the Gradle cache in a checkout without Gradle files (as its cache key would), and not without a cache', async () => {
    const cached = await java({ 'java-version': '21', distribution: 'corretto', cache: 'gradle' }, bareApp);
    expect(cached?.error).toMatch(/^No file in .* matched to \[.*gradle.*\], make sure you have checked out/);
    const uncached = await java({ 'java-version': '21', distribution: 'corretto', cache: '' }, bareApp);
    expect(uncached?.error).toBeUndefined();
    expect(uncached?.outputs).toMatchObject({ distribution: 'corretto', version: '21' });
  });
});

describe('checkout stand-in (v7): fork pull request code in a trusted workflow', () => {
  const checkout = builtInStandIns()['actions/checkout'];
  const FORK_SHA = 'f'.repeat(40);
  const forkRun = (run: Record<string, unknown>) => ({
    eventName: 'workflow_run',
    payload: {
      repository: { id: 702_001, full_name: 'octo-org/octo-app' },
      workflow_run: {
        event: 'pull_request',
        head_sha: FORK_SHA,
        head_commit: { id: FORK_SHA },
        head_repository: { id: 990_001, full_name: 'mallory/octo-app' },
        ...run,
      },
    },
    sha: 'a'.repeat(40),
    runId: 4,
    runNumber: 4,
  });
  const REFUSAL =
    "Refusing to check out fork pull request code from a 'workflow_run' workflow. This workflow runs with the base repository's GITHUB_TOKEN, secrets, default-branch cache scope, and runner access. Fetching and executing a fork's code in that trusted context commonly leads to \"pwn request\" vulnerabilities. To opt in, review the risks at https://gh.io/securely-using-pull_request_target and set 'allow-unsafe-pr-checkout: true' on the actions/checkout step.";

  it.each([
    ["the fork's head sha", FORK_SHA],
    ['a pull request ref', 'refs/pull/7/head'],
  ])('refuses %s from a workflow_run of a fork pull request, before cloning anything', async (_, ref) => {
    const result = await checkout?.(context({ inputs: { ref }, trigger: forkRun({}) }));
    expect(result?.error).toBe(REFUSAL);
  });

  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['with allow-unsafe-pr-checkout: true', { ref: FORK_SHA, 'allow-unsafe-pr-checkout': 'true' }, {}],
    ['a run of this repository (not a fork)', { ref: FORK_SHA }, { head_repository: { id: 702_001 } }],
    ['a push run', { ref: FORK_SHA }, { event: 'push' }],
    ['the default checkout (no ref)', {}, {}],
  ])('allows %s', (_, inputs, run) => {
    expect(unsafePrCheckoutProblem({ inputs, trigger: forkRun(run), runner })).toBeUndefined();
  });
});

describe('checkout stand-in (v7): a second checkout in the same job', () => {
  const checkout = builtInStandIns()['actions/checkout'];
  const git = (cwd: string, ...args: string[]) =>
    promisify(execFile)('git', args, { cwd }).then(({ stdout }) => stdout.trim());

  it('reuses the repository, as the real action does: the new ref checked out, what the first left cleaned away', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'checkout-repo-'));
    const workspace = await mkdtemp(path.join(tmpdir(), 'checkout-workspace-'));
    await git(repo, 'init', '--quiet', '--initial-branch=master');
    await git(repo, 'config', 'user.email', 'ci@example.com');
    await git(repo, 'config', 'user.name', 'ci');
    await writeFile(path.join(repo, 'app.txt'), 'one\n');
    await writeFile(path.join(repo, 'old.txt'), 'only in the first commit\n');
    await git(repo, 'add', '.');
    await git(repo, 'commit', '--quiet', '-m', 'one');
    const first = await git(repo, 'rev-parse', 'HEAD');
    await writeFile(path.join(repo, 'app.txt'), 'two\n');
    await git(repo, 'rm', '--quiet', 'old.txt');
    await git(repo, 'commit', '--quiet', '-am', 'two');
    const second = await git(repo, 'rev-parse', 'HEAD');
    const run = (ref: string) =>
      checkout?.(context({ inputs: { ref }, workspace, runner: { ...runner, appRepoDir: repo } }));

    expect((await run(first))?.outputs).toMatchObject({ commit: first });
    await writeFile(path.join(workspace, 'left-over.txt'), 'written by a step\n');
    expect((await run(second))?.outputs).toMatchObject({ commit: second });
    expect(await readFile(path.join(workspace, 'app.txt'), 'utf8')).toBe('two\n');
    expect(existsSync(path.join(workspace, 'old.txt'))).toBe(false);
    expect(existsSync(path.join(workspace, 'left-over.txt'))).toBe(false);
    await rm(repo, { recursive: true, force: true });
    await rm(workspace, { recursive: true, force: true });
  });
});
