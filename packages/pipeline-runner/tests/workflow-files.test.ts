/**
 * What the reusable workflows and the starter workflows promise, read from the YAML itself: least permissions per
 * job, the CD gate, concurrency and environment, the commit CI built, and starter workflows whose `with:` and
 * `permissions:` fit the reusable workflow they call (GitHub refuses to start a run otherwise, before any step).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Job {
  if?: string;
  env?: Record<string, string>;
  needs?: string | string[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, string> | string;
  permissions?: Record<string, string> | string;
  environment?: unknown;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  steps?: {
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
  }[];
}

interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const workflow = (file: string) => parse(read(file)) as Workflow;
const REUSABLE = ['.github/workflows/build-push.yml', '.github/workflows/deploy.yml'];
const TEMPLATES = [
  '.github/workflow-templates/ecs-ci.yml',
  '.github/workflow-templates/ecs-cd.yml',
  '.github/workflow-templates/ecs-cd-staging-production.yml',
];

/** The jobs' GITHUB_TOKEN scopes, exactly: each is needed by a named step and nothing more is granted. */
const LEAST: Record<string, Record<string, Record<string, string>>> = {
  '.github/workflows/build-push.yml': {
    // checkout (read), configure-aws-credentials (OIDC token). upload-artifact uses the runtime token, not these.
    'build-push': { contents: 'read', 'id-token': 'write' },
  },
  '.github/workflows/deploy.yml': {
    // deploy-tag creates the tag (contents) and the GitHub Deployment (deployments); download-artifact reads the
    // CI run's artifact (actions); configure-aws-credentials needs the OIDC token (id-token).
    // The gate reads only the event: no token scope at all.
    gate: {},
    deploy: { contents: 'write', 'id-token': 'write', actions: 'read', deployments: 'write' },
    // The promote flow: checkout (the smoke test) and the tag (contents), the Deployment's success or failure
    // (deployments), the continue or rollback (id-token).
    promote: { contents: 'write', 'id-token': 'write', deployments: 'write' },
    rollback: { 'id-token': 'write', deployments: 'write' },
  },
  '.github/workflow-templates/ecs-deploy-plan.yml': {
    // checkout (read), configure-aws-credentials (the read-only role's OIDC token); the plan goes to the job summary.
    plan: { contents: 'read', 'id-token': 'write' },
  },
  '.github/workflows/release.yml': {
    // check calls test.yml, whose jobs check out the code. release only checks out with GITHUB_TOKEN: it writes the
    // git objects, tags and release with RELEASE_TOKEN (GITHUB_TOKEN cannot tag a commit that changes workflows).
    check: { contents: 'read' },
    release: { contents: 'read' },
  },
};

const RANK: Record<string, number> = { none: 0, read: 1, write: 2 };

describe.each([...REUSABLE, ...TEMPLATES])('%s', (file) => {
  it('grants nothing at the workflow level and sets permissions on every job', () => {
    const parsed = workflow(file);
    expect(parsed.permissions).toEqual({});
    for (const [id, job] of Object.entries(parsed.jobs)) {
      expect([id, typeof job.permissions]).toEqual([id, 'object']);
    }
  });
});

describe.each(Object.entries(LEAST))('%s: least permissions', (file, jobs) => {
  it('each job has exactly the scopes its steps need', () => {
    const parsed = workflow(file);
    expect(Object.fromEntries(Object.entries(parsed.jobs).map(([id, job]) => [id, job.permissions]))).toEqual(jobs);
  });
});

describe('starter workflows call the reusable ones as GitHub would accept', () => {
  it.each(TEMPLATES)(
    '%s: with: keys are inputs of the called workflow, required ones given, permissions cover it',
    (file) => {
      for (const [id, job] of Object.entries(workflow(file).jobs)) {
        const prefix = 'ecs-actions/ecs-actions/';
        const path = job.uses?.startsWith(prefix) ? job.uses.slice(prefix.length) : '';
        const match = /^(\.github\/workflows\/[\w-]+\.yml)@v1$/.exec(path);
        expect([id, match?.[1]]).toEqual([id, expect.stringMatching(/\.yml$/)]);
        const called = workflow(match?.[1] ?? '');
        const inputs = (called.on.workflow_call as { inputs: Record<string, { required?: boolean }> }).inputs;
        for (const key of Object.keys(job.with ?? {})) expect([key, key in inputs]).toEqual([key, true]);
        // A secret the called workflow does not declare fails the run at startup, like an unknown input.
        const declared = (called.on.workflow_call as { secrets?: Record<string, unknown> }).secrets ?? {};
        const passed = typeof job.secrets === 'object' ? job.secrets : {};
        for (const key of Object.keys(passed)) expect([key, key in declared]).toEqual([key, true]);
        for (const [input, spec] of Object.entries(inputs)) {
          if (spec.required) expect([input, input in (job.with ?? {})]).toEqual([input, true]);
        }
        // A called workflow's jobs cannot get more than the caller job grants: GitHub fails the run at startup.
        const granted = job.permissions as Record<string, string>;
        for (const calledJob of Object.values(called.jobs)) {
          for (const [scope, level] of Object.entries(calledJob.permissions as Record<string, string>)) {
            expect([scope, RANK[granted[scope] ?? 'none']]).toEqual([scope, RANK[level]]);
          }
        }
        // And grants nothing that the called workflow does not use.
        const used = new Set(Object.values(called.jobs).flatMap((j) => Object.keys(j.permissions ?? {})));
        expect(Object.keys(granted).filter((scope) => !used.has(scope))).toEqual([]);
      }
    },
  );

  it("docs/setup.md's staging and production section shows the tested template, word for word", () => {
    const section = read('docs/setup.md').split('### Staging and production')[1] ?? '';
    const shown = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(shown).toBe(read('.github/workflow-templates/ecs-cd-staging-production.yml'));
  });

  it.each(TEMPLATES)('%s has its .properties.json (name, description, icon, categories)', (file) => {
    const properties = file.replace(/\.yml$/, '.properties.json');
    expect(existsSync(path.join(root, properties))).toBe(true);
    expect(JSON.parse(read(properties))).toEqual({
      name: expect.stringMatching(/\S/),
      description: expect.stringMatching(/\S/),
      iconName: expect.stringMatching(/\S/),
      categories: expect.arrayContaining([expect.any(String)]),
      filePatterns: expect.arrayContaining([expect.any(String)]),
    });
  });

  it('CI runs on a push to the default branch and by hand with a head; CD follows the CI workflow by its name', () => {
    const ci = workflow('.github/workflow-templates/ecs-ci.yml');
    const cd = workflow('.github/workflow-templates/ecs-cd.yml');
    expect(ci.on.push).toEqual({ branches: ['$default-branch'] });
    expect(ci.on.workflow_dispatch).toMatchObject({ inputs: { head: { required: false } } });
    expect(cd.on.workflow_run).toEqual({ workflows: [ci.name], types: ['completed'], branches: ['$default-branch'] });
    expect(cd.on.workflow_dispatch).toMatchObject({ inputs: { version: { required: true } } });
    // Gated on CI's success for workflow_run; a manual dispatch always runs.
    expect(cd.jobs.deploy?.if).toBe(
      "github.event_name == 'workflow_dispatch' || github.event.workflow_run.conclusion == 'success'",
    );
  });
});

describe('build-push.yml: build secrets', () => {
  it('passes its build-secret secret to ecr-push through env, named in build-secrets only when it is set', () => {
    const parsed = workflow('.github/workflows/build-push.yml');
    const declared = (parsed.on.workflow_call as { secrets?: Record<string, { required?: boolean }> }).secrets;
    expect(declared?.['build-secret']?.required).toBe(false);
    const push = parsed.jobs['build-push']?.steps?.find((s) => s.id === 'push');
    expect(push?.env).toEqual({ BUILD_SECRET: '${{ secrets.build-secret }}' });
    expect(push?.with?.['build-secrets']).toBe(
      "${{ secrets.build-secret != '' && format('id={0},env=BUILD_SECRET', inputs.build-secret-id) || '' }}",
    );
    // The secret is never in a with: value or a run: script.
    for (const step of parsed.jobs['build-push']?.steps ?? []) {
      expect(JSON.stringify(step.with ?? {}).replace(/secrets\.build-secret != ''/, '')).not.toContain('secrets.');
      expect(step.run ?? '').not.toContain('secrets.');
    }
    expect(workflow('.github/workflow-templates/ecs-ci.yml').jobs['build-push']?.secrets).toEqual({
      'build-secret': '${{ secrets.BUILD_SECRET }}',
    });
  });
});

describe('build-push.yml', () => {
  const file = '.github/workflows/build-push.yml';
  const inputs = () =>
    (workflow(file).on.workflow_call as { inputs: Record<string, { default?: unknown; required?: boolean }> }).inputs;
  const steps = () => workflow(file).jobs['build-push']?.steps ?? [];
  const index = (predicate: (s: NonNullable<Job['steps']>[number]) => boolean) => steps().findIndex(predicate);

  it("passes ecr-push's target, platform, cache, scan and fail-on-severity through, with ecr-push's own defaults", () => {
    const action = parse(read('actions/ecr-push/action.yml')) as { inputs: Record<string, { default?: string }> };
    const push = steps().find((s) => s.uses === 'ecs-actions/ecs-actions/ecr-push@v1');
    for (const input of ['target', 'platform', 'cache', 'scan', 'fail-on-severity']) {
      expect([input, push?.with?.[input]]).toEqual([input, `\${{ inputs.${input} }}`]);
      expect([input, inputs()[input]?.default]).toEqual([input, action.inputs[input]?.default]);
    }
  });

  it('sets up a JDK and runs the build command only when asked, before the AWS credentials and docker build', () => {
    expect(inputs()).toMatchObject({
      'java-version': { default: '' },
      'java-distribution': { default: 'temurin' },
      'java-cache': { default: 'gradle' },
      'build-command': { default: '' },
    });
    const java = steps().find((s) => s.uses?.startsWith('actions/setup-java@'));
    expect(java?.if).toBe("inputs.java-version != ''");
    expect(java?.with).toEqual({
      'java-version': '${{ inputs.java-version }}',
      distribution: '${{ inputs.java-distribution }}',
      cache: '${{ inputs.java-cache }}',
    });
    const build = steps().find((s) => s.id === 'build');
    expect(build?.if).toBe("inputs.build-command != ''");
    // The command reaches bash as data (an environment variable), never as text of the script.
    expect(build?.env?.BUILD_COMMAND).toBe('${{ inputs.build-command }}');
    expect(build?.run).toContain('"$BUILD_COMMAND"');
    const order = [
      index((s) => s.uses?.startsWith('actions/checkout@') ?? false),
      index((s) => s.uses?.startsWith('actions/setup-java@') ?? false),
      index((s) => s.id === 'build'),
      index((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@') ?? false),
      index((s) => s.uses === 'ecs-actions/ecs-actions/ecr-push@v1'),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('ecs-ci.yml passes java-version and build-command from repository variables, empty when unset', () => {
    const ci = workflow('.github/workflow-templates/ecs-ci.yml').jobs['build-push'];
    expect(ci?.with).toMatchObject({
      'java-version': "${{ vars.JAVA_VERSION || '' }}",
      'build-command': "${{ vars.BUILD_COMMAND || '' }}",
    });
    const table = read('docs/setup.md');
    expect(table).toMatch(/^\| `JAVA_VERSION` \| no,/m);
    expect(table).toMatch(/^\| `BUILD_COMMAND` \| no,/m);
  });
});

describe('deploy.yml', () => {
  const jobs = () => workflow('.github/workflows/deploy.yml').jobs;
  const deploy = () => jobs().deploy as Job;

  it('decides in a gate job outside the environment, and deploys only what the gate lets through', () => {
    const gate = jobs().gate as Job;
    expect(gate.environment).toBeUndefined();
    expect(gate.concurrency).toBeUndefined();
    expect(deploy().needs).toBe('gate');
    expect(deploy().if).toBe("needs.gate.outputs.deploy == 'true'");
    // Every workflow_run field the gate reads reaches its script as a variable.
    const env = gate.steps?.[0]?.env ?? {};
    for (const field of [
      'conclusion',
      'event',
      'head_repository.full_name',
      'head_repository.id',
      'head_branch',
      'path',
    ]) {
      expect(Object.values(env)).toContain(`\${{ github.event.workflow_run.${field} }}`);
    }
  });

  it('takes each setting from the caller, else from the variable the deploy job reads inside the environment', () => {
    expect(deploy().env).toMatchObject({
      DEPLOY_CLUSTER: '${{ inputs.cluster || vars.ECS_CLUSTER }}',
      DEPLOY_SERVICE: '${{ inputs.service || vars.ECS_SERVICE }}',
      DEPLOY_AWS_REGION: '${{ inputs.aws-region || vars.AWS_REGION }}',
      DEPLOY_ROLE_TO_ASSUME: '${{ inputs.role-to-assume || vars.AWS_ROLE_ARN }}',
    });
    expect(read('.github/workflows/deploy.yml')).not.toMatch(
      /\$\{\{ inputs\.(cluster|service|aws-region|repository) \}\}/,
    );
  });

  it('runs in the environment (protection rules, environment subject) and one deploy at a time per region, cluster and service', () => {
    expect(deploy().environment).toBe('${{ inputs.environment }}');
    expect(deploy().concurrency).toEqual({
      group:
        'deploy-${{ inputs.environment }}-${{ inputs.aws-region || vars.AWS_REGION }}-${{ inputs.cluster || vars.ECS_CLUSTER }}-${{ inputs.service || vars.ECS_SERVICE }}',
      'cancel-in-progress': false,
    });
  });

  it('checks out and tags the commit the plan validated (the one CI built, or the version of its own), not github.sha', () => {
    const steps = deploy().steps ?? [];
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    // With app-file first the application file (its name and cluster, for the lookups); the deploy's files always
    // from the commit the plan validated.
    expect(checkouts.map((s) => [s.if, s.with?.ref])).toEqual([
      ["inputs.app-file != ''", '${{ github.event.workflow_run.head_sha || github.sha }}'],
      ["steps.plan.outputs.source == 'render'", '${{ steps.plan.outputs.sha }}'],
    ]);
    const tags = steps.filter((s) => s.uses === 'ecs-actions/ecs-actions/deploy-tag@v1');
    // The writing one: lookups, `version: current`, `version: recorded` (keep-revisions' list) and `version: history`
    // only read; the deployment-state steps write the GitHub Deployment only.
    const tag = tags.filter(
      (s) =>
        s.with?.lookup !== true &&
        s.with?.version !== 'recorded' &&
        s.with?.version !== 'current' &&
        s.with?.version !== 'history' &&
        s.with?.['deployment-state'] === undefined,
    );
    expect(tag).toHaveLength(1);
    expect(tag[0]?.with?.sha).toBe('${{ steps.plan.outputs.sha }}');
    // The Deployment starts on the same commit.
    const started = tags.find((s) => s.with?.['deployment-state'] === 'in_progress');
    expect(started?.with?.sha).toBe('${{ steps.plan.outputs.sha }}');
    expect(read('.github/workflows/deploy.yml')).toContain('BUILT_SHA: ${{ github.event.workflow_run.head_sha }}');
  });

  it('writes outputs in run: steps only as checked values (no raw jq or event value goes to GITHUB_OUTPUT)', () => {
    const text = read('.github/workflows/deploy.yml');
    expect(text).not.toMatch(/echo "[a-z-]+=\$\([^)]*jq/);
    expect(text).not.toMatch(/echo "[a-z-]+=\$(RUN_|PREVIOUS_|EXISTING_)/);
  });

  it('verifies the image in the configured ECR repository and rolls back a failed rollout', () => {
    const steps = deploy().steps ?? [];
    const render = steps.find((s) => s.uses === 'ecs-actions/ecs-actions/ecs-render-taskdef@v1');
    const wait = steps.find((s) => s.uses === 'ecs-actions/ecs-actions/ecs-deploy-wait@v1');
    expect(render?.with?.['verify-image']).toBe(true);
    // The registry the plan checked: registry-account and registry-region, else the role's account and the deploy region.
    expect(render?.with?.['ecr-repository']).toBe('${{ steps.plan.outputs.repository-uri }}');
    expect(read('.github/workflows/deploy.yml')).toContain(
      'REGISTRY: ${{ inputs.registry-account || steps.aws.outputs.aws-account-id }}.dkr.ecr.${{ inputs.registry-region || env.DEPLOY_AWS_REGION }}.amazonaws.com',
    );
    expect(wait?.with?.rollback).toBe(true);
    // After a migration, the revision it registered and ran; else the recorded one (a redeploy or rollback).
    expect(wait?.with?.['task-definition-arn']).toBe(
      '${{ steps.migrate.outputs.task-definition-arn || steps.plan.outputs.task-definition-arn }}',
    );
  });

  it('runs migration-command (validated before any AWS call) with ecs-run-task before ecs-deploy-wait', () => {
    const steps = deploy().steps ?? [];
    const migrate = steps.findIndex((s) => s.uses === 'ecs-actions/ecs-actions/ecs-run-task@v1');
    const wait = steps.findIndex((s) => s.uses === 'ecs-actions/ecs-actions/ecs-deploy-wait@v1');
    expect(migrate).toBeGreaterThan(-1);
    expect(migrate).toBeLessThan(wait);
    // A dry run (plan only) runs no migration.
    expect(steps[migrate]?.if).toBe(
      "inputs.migration-command != '' && steps.plan.outputs.source != 'none' && !inputs.dry-run",
    );
    expect(steps[migrate]?.with?.command).toBe('${{ inputs.migration-command }}');
    // The value reaches a script only as an environment variable, to be checked there.
    const text = read('.github/workflows/deploy.yml');
    expect(text).toContain('MIGRATION_COMMAND: ${{ inputs.migration-command }}');
    // The settings check, app-file's check of the inputs it replaces, the gate's time budget, the step's if: and its
    // command.
    expect(text.match(/inputs\.migration-command/g)).toHaveLength(5);
  });
});

describe('release.yml', () => {
  const release = () => workflow('.github/workflows/release.yml');

  it('runs for a pushed vX.Y.Z tag or by hand with a version, one release at a time, granting nothing by default', () => {
    const parsed = release();
    expect(parsed.on.push).toEqual({ tags: ['v[0-9]+.[0-9]+.[0-9]+'] });
    expect(parsed.on.workflow_dispatch).toMatchObject({
      inputs: { version: { required: true, type: 'string' }, force: { type: 'boolean', default: false } },
    });
    expect(parsed.permissions).toEqual({});
    expect((parsed as { concurrency?: unknown }).concurrency).toEqual({
      group: 'release',
      'cancel-in-progress': false,
    });
  });

  it('releases only after the same checks as CI, by calling test.yml', () => {
    const { jobs } = release();
    expect(jobs.check?.uses).toBe('./.github/workflows/test.yml');
    expect(workflow('.github/workflows/test.yml').on).toHaveProperty('workflow_call');
    expect(jobs.release?.needs).toBe('check');
  });

  it("releases in the environment 'release' (its reviewers and deployment tags gate who can move vX)", () => {
    expect(release().jobs.release?.environment).toBe('release');
    expect(release().jobs.check?.environment).toBeUndefined();
  });

  it('passes the release token, version and force to scripts/release.ts through env', () => {
    const steps = release().jobs.release?.steps ?? [];
    const step = steps.find((s) => s.id === 'release') as { run?: string; env?: Record<string, string> };
    expect(step.run).toBe('node scripts/release.ts');
    expect(step.env).toEqual({
      RELEASE_TOKEN: '${{ secrets.RELEASE_TOKEN }}',
      VERSION: '${{ inputs.version || github.ref_name }}',
      FORCE: '${{ inputs.force || false }}',
    });
  });
});
