/**
 * The starter workflows (ecs-ci.yml, ecs-cd.yml, calling build-push.yml and deploy.yml) run from their YAML against
 * the simulator, a real local registry and a private dockerd: a release, a failed rollout rolled back, a manual
 * redeploy of an older version, a rollback to `previous`, and the IAM policy of docs/setup.md against the calls.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Simulator, SPRING_BOOT_START_FAILURE } from '@ecs-actions/simulator';
import type { DockerServices } from '@ecs-actions/simulator/docker';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CiRun, Pipeline } from '../src/index.js';
import { type DockerPipeline, registryDigest as digestOf, root, startDockerPipeline } from './docker-pipeline.js';
import { explain, job, step, tagStep } from './run-helpers.js';

const headverPattern = /^0\.\d{4}\.(\d+)$/;

let docker: DockerPipeline;
let services: DockerServices;
let sim: Simulator;
let pipeline: Pipeline;

beforeAll(async () => {
  docker = await startDockerPipeline({
    // The simulator runs 100x real time: follow the rollout every second instead of every 5.
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
    // The role trusts exactly the name-based subjects of docs/setup.md's trust policy: CI and CD must present them.
    trustedSubjects: documentedTrust().filter((sub) => !sub.includes('@')),
  });
  ({ services, sim, pipeline } = docker);
}, 120_000);

afterAll(async () => {
  await docker?.close();
});

/** Calls this test makes itself (to look at the service), left out of what the pipeline called. */
const ownCalls = new Set<unknown>();

/** One AWS JSON 1.1 call to the simulator's ECS side. */
async function ecs<T>(operation: string, body: object): Promise<T> {
  const before = sim.calls.length;
  const response = await fetch(sim.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}`,
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIASIMULATOR0000000/20260101/us-east-1/ecs/aws4_request',
    },
    body: JSON.stringify(body),
  });
  for (const call of sim.calls.slice(before)) ownCalls.add(call);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function running(): Promise<{ taskDefinition: string; image: string }> {
  const { services: list } = await ecs<{ services: { taskDefinition: string }[] }>('DescribeServices', {
    cluster: pipeline.cluster,
    services: [pipeline.service],
  });
  const taskDefinition = list[0]?.taskDefinition ?? '';
  const described = await ecs<{ taskDefinition: { containerDefinitions: { image: string }[] } }>(
    'DescribeTaskDefinition',
    { taskDefinition },
  );
  return { taskDefinition, image: described.taskDefinition.containerDefinitions[0]?.image ?? '' };
}

const deployTags = () =>
  Object.fromEntries(sim.github.tags(pipeline.owner, pipeline.repo).map((tag) => [tag.name, tag.commit]));

/** The digest the registry itself reports for a tag (Docker-Content-Digest). */
const registryDigest = (repository: string, tag: string) => digestOf(services, repository, tag);

const releases: Record<string, CiRun> = {};
/** The task definition revision each release ran as in production. */
const deployedArn: Record<string, string> = {};

describe('the starter workflows, run from their YAML against the simulator and a real registry', () => {
  it('(a) a push is built, pushed, deployed, and its commit (workflow_run.head_sha) tagged', async () => {
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    expect(ci.conclusion).toBe('success');
    const built = ci.outputs['build-push'] ?? {};
    expect(built.version).toMatch(headverPattern);
    expect(headverPattern.exec(built.version ?? '')?.[1]).toBe('1'); // the CI run number
    // Named as ECR reports the repository (and ECS pulls it), though Docker pushed to the local registry.
    expect(built.image).toBe(`123456789012.dkr.ecr.us-east-1.amazonaws.com/${pipeline.repository}:${built.version}`);
    expect(built.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(pipeline.repository, built.version ?? '')).toBe(built.digest);
    expect(await registryDigest(pipeline.repository, 'latest')).toBe(built.digest);
    // The post step of ecr-push (docker logout) ran at the end of the job.
    const steps = job(ci, 'build-push/build-push').steps;
    // JAVA_VERSION and BUILD_COMMAND are unset: no JDK, no build command (jvm-build.e2e.test.ts sets them).
    expect(step(ci, 'build-push/build-push', 'actions/setup-java').outcome).toBe('skipped');
    expect(step(ci, 'build-push/build-push', 'build').outcome).toBe('skipped');
    expect(steps.at(-1)).toMatchObject({ post: true, uses: 'ecs-actions/ecs-actions/ecr-push@v1', outcome: 'success' });
    releases.v1 = ci;

    // The default branch moves on before CD starts: github.sha is no longer the commit CI built.
    const next = await pipeline.push('Docs: README for the API', { 'README.md': '# octo-app\n' });
    expect(next).not.toBe(ci.sha);

    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    expect(cd.conclusion).toBe('success');
    expect(cd.outputs.deploy).toMatchObject({ version: built.version, status: 'succeeded' });
    expect(job(cd, 'deploy/deploy').environment).toBe('production');
    expect(job(cd, 'deploy/deploy').concurrency).toEqual({
      group: `deploy-production-${pipeline.vars.AWS_REGION}-ecs-be-prod-ecs-be-prod-service`,
      cancelInProgress: false,
    });
    expect(step(cd, 'deploy/deploy', /^Run actions\/checkout@/).outputs.commit).toBe(ci.sha);
    // ecs-render-taskdef verified the image in ECR: the digest it found is the one ecr-push reported and the
    // registry holds.
    const render = step(cd, 'deploy/deploy', 'render');
    expect(render.outputs['image-digest']).toBe(built.digest);
    expect(render.outputs['image-digest']).toBe(await registryDigest(pipeline.repository, built.version ?? ''));
    expect(render.log).not.toContain('not verified');
    expect(render.summary).toContain(`| found in ECR | \`${built.digest}\` |`);
    // Each job assumed the role with the subject the documented trust policy names for it.
    expect(step(ci, 'build-push/build-push', 'aws-actions/configure-aws-credentials').log).toContain(
      '(subject repo:octo-org/octo-app:ref:refs/heads/master)',
    );
    expect(step(cd, 'deploy/deploy', 'aws-actions/configure-aws-credentials').log).toContain(
      '(subject repo:octo-org/octo-app:environment:production)',
    );
    const now = await running();
    expect(now.taskDefinition).toBe(cd.outputs.deploy?.['task-definition-arn']);
    deployedArn.v1 = now.taskDefinition;
    expect(now.taskDefinition).not.toBe(pipeline.initialTaskDefinitionArn);
    expect(now.image).toBe(built.image);
    expect(deployTags()).toEqual({ [`ecs-deploy-${built.version}`]: ci.sha });
    const tag = sim.github.tags(pipeline.owner, pipeline.repo)[0];
    expect(tag?.message).toContain(built.digest ?? 'no digest');
    expect(sim.github.deployments(pipeline.owner, pipeline.repo).map((d) => [d.environment, d.sha])).toEqual([
      ['production', ci.sha],
    ]);
  });

  it('(b) a rollout that crashes is rolled back: the job fails, nothing is tagged, the service runs the previous revision', async () => {
    const before = await running();
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const image = ci.outputs['build-push']?.image ?? '';
    sim.ecs.setImageScenario(
      image,
      { kind: 'crash-on-start', exitCode: 1 },
      { logLines: [...SPRING_BOOT_START_FAILURE] },
    );

    const cd = await pipeline.runCd(ci);
    expect(cd.conclusion).toBe('failure');
    expect(job(cd, 'deploy/deploy').result).toBe('failure');
    const deploy = step(cd, 'deploy/deploy', 'deploy');
    expect(deploy.outcome).toBe('failure');
    expect(deploy.outputs.status).toBe('rolled-back');
    expect(deploy.log).toContain('exit code 1');
    // The app's last log lines (CloudWatch Logs GetLogEvents, which the documented policy allows).
    expect(deploy.log).toContain('| APPLICATION FAILED TO START');
    expect(tagStep(cd).outcome).toBe('skipped');
    expect(cd.outputs.deploy?.status).toBe('rolled-back');
    expect(Object.keys(deployTags())).toEqual([`ecs-deploy-${releases.v1?.outputs['build-push']?.version}`]);
    // The failed release's GitHub Deployment ended as failure: production still shows the first one as active.
    expect(sim.github.deployments(pipeline.owner, pipeline.repo).map((d) => [d.sha, d.statuses.at(-1)?.state])).toEqual(
      [
        [releases.v1?.sha, 'success'],
        [ci.sha, 'failure'],
      ],
    );
    expect(await running()).toEqual(before);
  });

  it('(c) a manual workflow_dispatch redeploys an older version and keeps its deploy tag on the commit it was built from', async () => {
    await pipeline.push('Feature: faster start', { 'app.txt': 'octo-app v3\n' });
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    expect(cd.conclusion).toBe('success');
    releases.v3 = ci;
    const head = await pipeline.push('Chore: bump a dependency', { 'deps.txt': 'left-pad 1.3.0\n' });

    const v1 = releases.v1?.outputs['build-push']?.version ?? '';
    const before = sim.calls.length;
    const redeploy = await pipeline.dispatchCd(v1);
    expect(explain(redeploy)).toBe('');
    expect(redeploy.conclusion).toBe('success');
    expect(redeploy.outputs.deploy).toMatchObject({ version: v1, status: 'succeeded' });
    // v1 ran in production: the revision it ran as is deployed again as it was, with nothing rendered or registered
    // (master's task definition file may have changed since).
    expect(step(redeploy, 'deploy/deploy', 'plan').outputs).toMatchObject({
      source: 'recorded',
      'task-definition-arn': deployedArn.v1,
    });
    expect(step(redeploy, 'deploy/deploy', 'render').outcome).toBe('skipped');
    expect(sim.calls.slice(before).filter((c) => c.operation === 'RegisterTaskDefinition')).toEqual([]);
    // Before any change, the recorded revision's image was found in ECR (ecr:DescribeImages, in the policy).
    expect(step(redeploy, 'deploy/deploy', 'deploy').log).toMatch(/The images of ecs_be_prod:\d+ are in ECR: /);
    expect(await running()).toEqual({
      taskDefinition: deployedArn.v1,
      image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${pipeline.repository}:${v1}`,
    });
    // github.sha is the branch head; deploy-tag's lookup finds the version's tag on the commit that built it, the
    // tag stays there and nothing new is tagged.
    expect(step(redeploy, 'deploy/deploy', 'record').outputs).toMatchObject({
      found: 'true',
      'deployed-here': 'true',
      tag: `ecs-deploy-${v1}`,
      sha: releases.v1?.sha,
    });
    expect(tagStep(redeploy).outputs).toMatchObject({ created: 'false', sha: releases.v1?.sha });
    expect(deployTags()[`ecs-deploy-${v1}`]).toBe(releases.v1?.sha);
    expect(Object.values(deployTags())).not.toContain(head);
  });

  it('(d) "previous" rolls back from the newest deploy to the one before it', async () => {
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    const cd = await pipeline.runCd(ci);
    expect(explain(cd)).toBe('');
    const v3 = releases.v3?.outputs['build-push'] ?? {};
    const v4 = ci.outputs['build-push']?.version ?? '';
    expect((await running()).image).toBe(ci.outputs['build-push']?.image);

    const rollback = await pipeline.dispatchCd('previous');
    expect(explain(rollback)).toBe('');
    expect(rollback.conclusion).toBe('success');
    const previous = step(rollback, 'deploy/deploy', 'record');
    expect(previous.outputs).toMatchObject({ version: v3.version, 'latest-version': v4, sha: releases.v3?.sha });
    expect(rollback.outputs.deploy).toMatchObject({ version: v3.version, status: 'succeeded' });
    expect((await running()).image).toBe(v3.image);
    const v1 = releases.v1?.outputs['build-push']?.version;
    expect(deployTags()).toEqual({
      [`ecs-deploy-${v1}`]: releases.v1?.sha,
      [`ecs-deploy-${v3.version}`]: releases.v3?.sha,
      [`ecs-deploy-${v4}`]: ci.sha,
    });
  });

  it('a CI run that did not succeed deploys nothing (the workflow_run gate)', async () => {
    const before = sim.calls.length;
    const failedCi = { ...(releases.v3 as CiRun), conclusion: 'failure' as const };
    const cd = await pipeline.runCd(failedCi);
    expect(cd.conclusion).toBe('skipped');
    expect(cd.jobs.map((j) => [j.id, j.result])).toEqual([['deploy', 'skipped']]);
    expect(sim.calls.slice(before)).toEqual([]);
  });

  it('a version given by hand that is not HeadVer fails at its lookup with one clear error, deploying nothing', async () => {
    const before = sim.calls.length;
    const tags = deployTags();
    const cd = await pipeline.dispatchCd('v1.2.3');
    expect(cd.conclusion).toBe('failure');
    const lookup = step(cd, 'deploy/deploy', 'record');
    expect(lookup.outcome).toBe('failure');
    expect(lookup.log).toContain('Input "version" must be a HeadVer version');
    expect(lookup.log).toContain('got "v1.2.3"');
    expect(step(cd, 'deploy/deploy', 'plan').outcome).toBe('skipped');
    expect(sim.calls.slice(before).filter((c) => c.api === 'ecs' || c.api === 'ecr')).toEqual([]);
    expect(deployTags()).toEqual(tags);
  });

  it('calls exactly the AWS operations that the IAM policy in docs/setup.md allows', () => {
    const documented = documentedPolicy();
    const called = new Set(
      sim.calls
        .filter((c) => c.api !== 'github' && !ownCalls.has(c))
        .map((c) => `${c.api === 'elbv2' ? 'elasticloadbalancing' : c.api}:${c.operation}`),
    );
    // `docker push` speaks the registry protocol to ECR (layer uploads, manifest reads and writes); those calls
    // reach the registry, not the simulator's API, so they are added to what the simulator saw.
    // deploy.yml's migration-command (ecs-run-task) is not used here: migration.e2e.test.ts runs it and checks its
    // calls against the same policy. The preflight asks EC2 only when the running tasks are not in two zones; here
    // they are (preflight.test.ts covers the EC2 read and its denial).
    expect(called).not.toContain('ec2:DescribeSubnets');
    // deploy.yml's verify (warn) simulates the execution role's permissions only when the role exists, and reads
    // parameters and secrets only for a task that has secrets; neither here (verify.test.ts covers both).
    const verifyElsewhere = ['iam:SimulatePrincipalPolicy', 'ssm:DescribeParameters', 'secretsmanager:DescribeSecret'];
    const needed = [
      ...new Set([...called, ...DOCKER_PUSH_ACTIONS, ...MIGRATION_ACTIONS, ...ZONE_FALLBACK, ...verifyElsewhere]),
    ].sort();
    expect([...documented.actions].sort()).toEqual(needed);
    // RegisterTaskDefinition passed the task definition's roles: iam:PassRole is needed and documented.
    expect(sim.iamActions()).toContain('iam:PassRole');
    expect(documented.passRole?.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
    });
    expect(documented.authorizationToken?.Resource).toBe('*');
  });
});

/**
 * The `sub` values of the trust policy in docs/setup.md (the ```json block with sts:AssumeRoleWithWebIdentity), and
 * the immutable-format subjects it shows: the same two, with the owner and repository IDs after an `@`.
 */
function documentedTrust(): string[] {
  const text = readFileSync(path.join(root, 'docs', 'setup.md'), 'utf8');
  const block = [...text.matchAll(/```json\n([\s\S]*?)```/g)]
    .map(([, json]) => JSON.parse(json ?? '{}') as { Statement?: { Action?: string; Condition?: unknown }[] })
    .find((policy) => policy.Statement?.some((s) => s.Action === 'sts:AssumeRoleWithWebIdentity'));
  const condition = block?.Statement?.[0]?.Condition as { StringEquals: Record<string, string[]> } | undefined;
  const names = condition?.StringEquals['token.actions.githubusercontent.com:sub'] ?? [];
  const immutable = /```\n(repo:[^\n]*\n[^`]*)```/.exec(text)?.[1]?.trim().split('\n') ?? [];
  return [...names, ...immutable];
}

describe('the trust policy of docs/setup.md', () => {
  it('names the branch subject (CI) and the environment subject (CD), and their immutable forms', () => {
    const subjects = documentedTrust();
    expect(subjects).toEqual([
      'repo:octo-org/octo-app:ref:refs/heads/master',
      'repo:octo-org/octo-app:environment:production',
      expect.stringMatching(/^repo:octo-org@\d+\/octo-app@\d+:ref:refs\/heads\/master$/),
      expect.stringMatching(/^repo:octo-org@\d+\/octo-app@\d+:environment:production$/),
    ]);
  });
});

/** What `docker push` needs on the repository besides the API calls the actions make. */
const DOCKER_PUSH_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
];

/** What ecs-run-task needs besides what this pipeline calls (a migration starts a task, and may stop it). */
const MIGRATION_ACTIONS = ['ecs:RunTask', 'ecs:StopTask'];

/** The preflight's zone read for a service whose running tasks are not in two zones (this one's are). */
const ZONE_FALLBACK = ['ec2:DescribeSubnets'];

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: unknown;
}

/** The permissions policy: the first ```json block in docs/setup.md whose statements allow ecs: actions. */
function documentedPolicy(): { actions: string[]; passRole?: Statement; authorizationToken?: Statement } {
  const text = readFileSync(path.join(root, 'docs', 'setup.md'), 'utf8');
  for (const [, block] of text.matchAll(/```json\n([\s\S]*?)```/g)) {
    const policy = JSON.parse(block ?? '{}') as { Statement?: Statement[] };
    const statements = policy.Statement ?? [];
    const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
    if (!statements.some((s) => actionsOf(s).some((a) => a.startsWith('ecs:')))) continue;
    const actions = [...new Set(statements.flatMap(actionsOf))];
    return {
      actions: actions.filter((a) => a !== 'iam:PassRole'),
      passRole: statements.find((s) => actionsOf(s).includes('iam:PassRole')),
      authorizationToken: statements.find((s) => actionsOf(s).includes('ecr:GetAuthorizationToken')),
    };
  }
  throw new Error('docs/setup.md has no JSON permissions policy with ecs: actions');
}
