/** What `pnpm bench` measures for each action: a size target and a cold-start workload that does real work. */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BundleRun, RunBundleOptions } from '@ecs-actions/core/testkit';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { type DockerServices, startDockerServices } from '@ecs-actions/simulator/docker';
import { type AppDeployBench, benchAppDeploy } from './app-deploy.js';
import { benchBuildCache } from './build-cache.js';
import { benchDeployHistory } from './deploy-history.js';
import { benchEcrPush } from './ecr-push.js';
import { benchEcsDeployWait } from './ecs-deploy-wait.js';
import { benchVerify } from './verify.js';

export interface ColdStartWorkload {
  description: string;
  options: Omit<RunBundleOptions, 'bundle'>;
  check?: (run: BundleRun) => void;
}

export interface ExtraMeasure {
  name: string;
  value: string;
  target?: string;
  ok: boolean;
}

export interface ActionBench<S = unknown> {
  action: string;
  sizeTargetBytes: number;
  /**
   * The cold-start target, a multiple of `coldStartBaseline`: an action that calls an API is measured against
   * the network floor (a node process that makes one loopback request), since no action that talks to AWS or
   * GitHub can start and finish faster than that; a file-only action against an empty node process.
   */
  coldStartTargetRatio: number;
  coldStartBaseline: 'empty node' | 'network floor';
  /** A bound on the cold start's time above the empty node process, ms, and why. */
  coldStartOverheadTarget?: { ms: number; why: string };
  setup?: () => Promise<S>;
  coldStart?: (setup: S) => Promise<ColdStartWorkload>;
  /** Measures of its own, run after the cold start's set-up has been torn down. */
  extra?: () => Promise<ExtraMeasure[]>;
  teardown?: (setup: S) => Promise<void>;
}

const KB = 1024;

const headver: ActionBench = {
  action: 'headver',
  sizeTargetBytes: 300 * KB,
  // Issue: headver starts and finishes in under 1.5x an empty node process.
  coldStartTargetRatio: 1.5,
  coldStartBaseline: 'empty node',
  coldStart: async () => ({
    description: 'this week in Asia/Seoul, head/build/suffix given; outputs, notice and summary written',
    options: { inputs: { head: '1', build: '789', suffix: 'qa', timezone: 'Asia/Seoul' } },
    check: (run) => {
      if (!/^1\.\d{4}\.789\+qa$/.test(run.outputs.version ?? '')) {
        throw new Error(`headver produced ${run.outputs.version}:\n${run.log}`);
      }
    },
  }),
};

const BUILT_SHA = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const deployTag: ActionBench<Simulator> = {
  action: 'deploy-tag',
  sizeTargetBytes: 300 * KB,
  coldStartTargetRatio: 2,
  coldStartBaseline: 'network floor',
  setup: async () => {
    const sim = await startSimulator();
    sim.github.seedRepository({ owner: 'octo-org', repo: 'octo-app', commits: [BUILT_SHA] });
    return sim;
  },
  coldStart: async (sim) => ({
    description:
      "tags the workflow_run head_sha through the simulator's GitHub API (first run creates, later runs keep)",
    options: {
      inputs: {
        version: '0.2648.135',
        'github-token': sim.env.GITHUB_TOKEN ?? '',
        image: 'web:0.2648.135',
        environment: 'production',
        cluster: 'prod',
        service: 'web',
      },
      env: {
        GITHUB_API_URL: sim.env.GITHUB_API_URL,
        GITHUB_REPOSITORY: 'octo-org/octo-app',
        // Who and where every deploy record names (the runner and configure-aws-credentials set them in a job).
        GITHUB_ACTOR: 'octocat',
        AWS_REGION: 'us-east-1',
      },
      event: { name: 'workflow_run', payload: { workflow_run: { id: 1, head_sha: BUILT_SHA, conclusion: 'success' } } },
    },
    check: (run) => {
      if (run.exitCode !== 0 || run.outputs.sha !== BUILT_SHA) throw new Error(`deploy-tag failed:\n${run.log}`);
    },
  }),
  teardown: async (sim) => sim.close(),
  extra: async () =>
    (await benchDeployHistory()).map((cost) => ({
      name: `${cost.mode} at ${cost.tags.toLocaleString('en-US')} deploy tags: GitHub requests (wall time)`,
      value: `${cost.requests} (${cost.wallMs.toFixed(0)} ms)`,
      ...(cost.target !== undefined ? { target: `≤ ${cost.target} requests` } : {}),
      ok: cost.ok,
    })),
};

const renderTaskdef: ActionBench<string> = {
  action: 'ecs-render-taskdef',
  sizeTargetBytes: 1536 * KB,
  coldStartTargetRatio: 2,
  coldStartBaseline: 'empty node',
  // The stock aws-actions/amazon-ecs-render-task-definition's file-only path took about 90 ms above an empty
  // node start here; the issue asks for at least 1.3x faster.
  coldStartOverheadTarget: { ms: 90 / 1.3, why: '1.3x faster than the stock action (~90 ms)' },
  setup: async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'bench-render-'));
    const fixture = path.resolve(
      import.meta.dirname,
      '../../actions/ecs-render-taskdef/tests/fixtures/seed-task-definition.json',
    );
    await copyFile(fixture, path.join(workspace, 'task-definition.json'));
    return workspace;
  },
  coldStart: async (workspace) => ({
    description: "file-only path: the seed's task definition, a new image and one env var, diff and output file",
    options: {
      workspace,
      inputs: {
        'task-definition': 'task-definition.json',
        'container-name': 'ecs_be_prod_container',
        image: '949653644001.dkr.ecr.ap-northeast-2.amazonaws.com/ecs-be-prod:0.2541.135',
        'environment-variables': 'RELEASE=0.2541.135',
        'verify-image': 'false',
      },
    },
    check: (run) => {
      if (run.exitCode !== 0 || run.outputs.changed !== 'true')
        throw new Error(`ecs-render-taskdef failed:\n${run.log}`);
    },
  }),
};

const root = path.resolve(import.meta.dirname, '../..');
const ms = (value: number) => `${value.toFixed(0)} ms`;

const ecsDeployWait: ActionBench<{ sim: Simulator; workspace: string }> = {
  action: 'ecs-deploy-wait',
  // The folder's ceiling (4.6 MB): its clients for other paths (EC2, ELBv2, CodeDeploy, ECR, CloudWatch Logs) are
  // chunks that load only on those paths; what a rolling deploy loads has its own target (extra, 1.5 MB).
  // 4.6 MB, raised to 5.8 MB for verify's IAM, SSM and Secrets Manager clients (chunks loaded only when verify runs),
  // the rollout timeline (recorder, gantt, label escaping), PAUSE hooks (on-pause, the pause watch, the continue
  // action's shared logic) and application deploys (EventBridge and Scheduler clients and src/application/, loaded
  // only with app-file).
  sizeTargetBytes: Math.round(5.8 * 1024) * KB,
  coldStartTargetRatio: 2,
  coldStartBaseline: 'network floor',
  setup: async () => {
    const sim = await startSimulator({ timeScale: 1000 });
    const workspace = await mkdtemp(path.join(tmpdir(), 'bench-deploy-wait-'));
    const seed = JSON.parse(
      await readFile(path.join(root, 'actions/ecs-deploy-wait/tests/fixtures/seed-task-definition.json'), 'utf8'),
    ) as Parameters<Simulator['ecs']['seedService']>[0]['taskDefinition'];
    sim.ecs.seedService({ cluster: 'prod', serviceName: 'web', taskDefinition: seed, desiredCount: 2 });
    await writeFile(path.join(workspace, 'task-definition.json'), JSON.stringify(seed));
    return { sim, workspace };
  },
  coldStart: async ({ sim, workspace }) => ({
    description: 'registers a revision and updates the service through the simulator (wait: false)',
    options: {
      workspace,
      env: sim.env,
      inputs: {
        'task-definition': 'task-definition.json',
        cluster: 'prod',
        service: 'web',
        'force-new-deployment': 'true',
        wait: 'false',
      },
    },
    check: (run) => {
      if (run.exitCode !== 0 || run.outputs.status !== 'succeeded')
        throw new Error(`ecs-deploy-wait failed:\n${run.log}`);
    },
  }),
  teardown: async ({ sim }) => sim.close(),
  extra: async () => {
    const result = await benchEcsDeployWait();
    const verify = await benchVerify();
    const app = await benchAppDeploy();
    return [
      ...appDeployRows(app),
      {
        name: `verify's cost at a deploy's start (first call to UpdateService, median of ${verify.runs}; its first reads ${verify.readsSpreadMs} ms apart)`,
        value: `+${ms(verify.addedMs)} (${ms(verify.startMs.off)} → ${ms(verify.startMs.fail)})`,
        target: `≤ +${ms(verify.addedTargetMs)}`,
        ok: verify.ok,
      },
      {
        name: `step end after the rollout completed (poll-interval ${ms(result.pollIntervalMs)}, ${result.rollouts.length} rollouts)`,
        value: `median ${ms(result.endDelayMs.median)}, max ${ms(result.endDelayMs.max)}`,
        target: `max ≤ ${ms(result.endDelayTargetMs)} (poll-interval + 1 s)`,
        ok: result.endDelayMs.max <= result.endDelayTargetMs,
      },
      {
        name: `DescribeServices per minute of waiting (${(result.longWait.stepMs / 1000).toFixed(0)} s wait)`,
        value: result.longWait.describeServicesPerMinute.toFixed(1),
        target: `≤ ${result.describeServicesPerMinuteTarget}`,
        ok: result.longWait.describeServicesPerMinute <= result.describeServicesPerMinuteTarget,
      },
      {
        name: 'API calls per minute of waiting, in all',
        value: result.longWait.callsPerMinute.toFixed(1),
        target: `≤ ${result.callsPerMinuteTarget}`,
        ok: result.longWait.callsPerMinute <= result.callsPerMinuteTarget,
      },
      {
        name: `dist/ files a rolling deploy loads (${result.rollingLoad.files.join(', ')})`,
        value: `${(result.rollingLoad.bytes / KB).toFixed(0)} KB`,
        target: `≤ ${(result.rollingLoadTargetBytes / KB).toFixed(0)} KB`,
        ok: result.rollingLoad.bytes <= result.rollingLoadTargetBytes,
      },
    ];
  },
};

interface EcrPushSetup {
  services: DockerServices;
  sim: Simulator;
  env: Record<string, string>;
}

const ecrPush: ActionBench<EcrPushSetup> = {
  action: 'ecr-push',
  sizeTargetBytes: 1536 * KB,
  coldStartTargetRatio: 2,
  coldStartBaseline: 'network floor',
  setup: async () => {
    const services = await startDockerServices();
    const sim = await startSimulator({
      registry: { url: services.registryUrl, username: services.username, password: services.password },
    });
    sim.ecr.seedRepository({ repositoryName: 'bench-cold' });
    const context = await mkdtemp(path.join(tmpdir(), 'bench-ecr-push-cold-'));
    await writeFile(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /\n');
    await writeFile(path.join(context, 'hello.txt'), 'hello\n');
    const env = {
      ...sim.env,
      DOCKER_HOST: services.dockerHost,
      DOCKER_CONFIG: await mkdtemp(path.join(tmpdir(), 'bench-ecr-push-config-')),
    };
    await new Promise<void>((resolve, reject) =>
      execFile(
        'docker',
        ['build', '--quiet', '--tag', 'bench-cold:local', context],
        { env: { ...process.env, ...env } },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const first = await runBundle({
      bundle: path.join(root, 'actions/ecr-push/dist/index.js'),
      inputs: { repository: 'bench-cold', image: 'bench-cold:local', tags: '0.2648.1\nlatest' },
      env,
    });
    if (first.exitCode !== 0) throw new Error(`the first push failed:\n${first.log}`);
    return { services, sim, env };
  },
  coldStart: async ({ env }) => ({
    description: 're-run of a push whose tags are already in the registry: login, tag checks, skip (post step not run)',
    options: { env, inputs: { repository: 'bench-cold', image: 'bench-cold:local', tags: '0.2648.1\nlatest' } },
  }),
  teardown: async ({ services, sim }) => {
    await sim.close();
    await services.stop();
  },
  extra: async () => {
    const result = await benchEcrPush();
    const cache = await benchBuildCache();
    const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
    return [
      {
        name: 'second tag of an already pushed image (ECR PutImage of the manifest)',
        value: `median ${ms(result.secondTagMs.median)} (${result.secondTagToEcrRoundTrip.toFixed(1)} ECR round trips; docker push of the same tag ${ms(result.dockerPushSecondTagMs.median)})`,
        target: `≤ 2 ECR API round trips (${ms(result.targetMs)})`,
        ok: result.ok,
      },
      {
        name: `rebuild of a changed app layer on a fresh engine (new data root), reading the cache + building: cache registry vs off (unchanged layer: a ${cache.loops.toLocaleString('en-US')}-step shell loop; ${cache.coldMs.runs} runs each)`,
        value: `median ${seconds(cache.cachedMs.median)} vs ${seconds(cache.coldMs.median)} cold = ${(cache.ratio * 100).toFixed(0)} % (whole step ${seconds(cache.cachedStepMs.median)} vs ${seconds(cache.coldStepMs.median)}); logged: ${cache.cacheLine.replace(/\|/g, '/')}`,
        target: `≤ ${(cache.target * 100).toFixed(0)} % of the cold rebuild`,
        ok: cache.ok,
      },
    ];
  },
};

const ecsDeployContinue: ActionBench<Simulator> = {
  action: 'ecs-deploy-continue',
  // ecs-deploy-wait's followers, report and rollback (shared code), without its preflight, CodeDeploy and ECR paths.
  sizeTargetBytes: 2 * 1024 * KB,
  coldStartTargetRatio: 2,
  coldStartBaseline: 'network floor',
  setup: async () => {
    const sim = await startSimulator({ timeScale: 1000 });
    const seed = JSON.parse(
      await readFile(path.join(root, 'actions/ecs-deploy-wait/tests/fixtures/seed-task-definition.json'), 'utf8'),
    ) as Parameters<Simulator['ecs']['seedService']>[0]['taskDefinition'];
    sim.ecs.seedService({ cluster: 'prod', serviceName: 'web', taskDefinition: seed, desiredCount: 2 });
    return sim;
  },
  coldStart: async (sim) => ({
    description:
      'the look-up path: inputs, the ECS SDK, ListServiceDeployments, and the refusal of a service with none paused',
    options: { env: sim.env, inputs: { cluster: 'prod', service: 'web' } },
    check: (run) => {
      if (run.exitCode !== 1 || !run.errors[0]?.includes('is paused'))
        throw new Error(`ecs-deploy-continue:\n${run.log}`);
    },
  }),
  teardown: async (sim) => sim.close(),
};

export const actionBenches = [
  headver,
  ecrPush,
  renderTaskdef,
  ecsDeployWait,
  ecsDeployContinue,
  deployTag,
] as ActionBench[];

/** The rows of an application deploy of 10 services (issue 25). */
function appDeployRows(app: AppDeployBench): ExtraMeasure[] {
  const { many, one } = app.beyondRolloutMs;
  return [
    {
      name: `app-file of ${app.services} services: DescribeServices calls per poll (poll-interval ${ms(app.pollIntervalMs)})`,
      value: String(app.describeServicesPerPoll),
      target: `≤ ${app.describeServicesPerPollTarget}`,
      ok: app.describeServicesPerPoll <= app.describeServicesPerPollTarget,
    },
    {
      name: `app-file of ${app.services} services: the step's own time beyond the last rollout, vs 1 service (${many.runs} runs each)`,
      value: `median ${ms(many.median)} vs ${ms(one.median)} = ${(many.median / Math.max(1, one.median)).toFixed(2)}x`,
      target: `≤ ${app.beyondRolloutTargetRatio}x`,
      ok: many.median <= app.beyondRolloutTargetRatio * one.median,
    },
  ];
}
