/**
 * The CI → CD pipeline of an application repository that adopted our starter workflows, wired to the simulator:
 * the app repository (git, with the starter workflows committed as `.github/workflows/ecs-ci.yml` and `ecs-cd.yml`), the
 * ECS cluster, service and ECR repository it deploys to, and helpers that fire the events GitHub would fire
 * (a push, the CI run's completion as a workflow_run, a workflow_dispatch). Used by the end-to-end tests and the demo.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Simulator } from '@ecs-actions/simulator';
import { type AppRepo, adaptedTaskDefinition, createAppRepo } from './app-repo.js';
import {
  PipelineRunner,
  type PipelineRunnerOptions,
  type RunnerEvent,
  type Trigger,
  type WorkflowRun,
} from './runner.js';
import type { StandIn } from './stand-ins.js';
import { loadWorkflow } from './workflow.js';

export interface PipelineSetup {
  sim: Simulator;
  /** The ecs-actions repository (actions/, .github/). */
  root: string;
  /** DOCKER_HOST of the engine ecr-push builds with; omit when there is none (then stand in for ecr-push). */
  dockerHost?: string;
  /** The simulator's account id (startSimulator's accountId); default 123456789012. */
  accountId?: string;
  owner?: string;
  repo?: string;
  vars?: Record<string, string>;
  /** Repository secrets (`secrets`), e.g. BUILD_SECRET for the starter CI. */
  secrets?: Record<string, string>;
  inputDefaults?: Record<string, Record<string, string>>;
  /** Each GitHub environment's own variables (over the repository's `vars` in jobs that run in it). */
  environmentVars?: Record<string, Record<string, string>>;
  /** Each GitHub environment's protection rules, the reviewers' answer and the wait timer's sleep (the runner's). */
  environments?: PipelineRunnerOptions['environments'];
  review?: PipelineRunnerOptions['review'];
  sleep?: PipelineRunnerOptions['sleep'];
  standIns?: Record<string, StandIn>;
  onEvent?: (event: RunnerEvent) => void;
  /** Services desired count; default 2. */
  desiredCount?: number;
  /** The OIDC subjects the role's trust policy allows; omitted, any job may assume the role. */
  trustedSubjects?: readonly string[];
  /**
   * The target group the services run behind (what the preflight reads and the rollout waits for); default a tuned
   * one: 10 s health check interval, 30 s deregistration delay.
   */
  targetGroup?: { healthCheckIntervalSeconds: number; deregistrationDelaySeconds: number };
}

export interface Pipeline {
  app: AppRepo;
  runner: PipelineRunner;
  vars: Record<string, string>;
  owner: string;
  repo: string;
  cluster: string;
  service: string;
  repository: string;
  /** The task definition ARN the service ran when the pipeline was set up. */
  initialTaskDefinitionArn: string;
  /** Seeds another service (another environment's, say) like the pipeline's own; returns its task definition ARN. */
  addService(cluster: string, service: string): string;
  /** Commits a change on master (as a push would; `executable` as AppRepo.commit) and tells the GitHub side about it. */
  push(message: string, files?: Record<string, string>, executable?: readonly string[]): Promise<string>;
  /** The CI workflow for a push of master's head. */
  runCi(): Promise<CiRun>;
  /**
   * The CD workflow for the completion of a CI run (workflow_run), on master's current head; `run` overrides fields
   * of the event's workflow_run (a fork's pull request, another workflow's run).
   */
  runCd(ci: CiRun, run?: Record<string, unknown>): Promise<WorkflowRun>;
  /** The CD workflow by hand (workflow_dispatch) with a version or `previous`, and other inputs (image). */
  dispatchCd(version: string, inputs?: Record<string, string>): Promise<WorkflowRun>;
}

export interface CiRun extends WorkflowRun {
  sha: string;
}

const CD_FILE = '.github/workflows/ecs-cd.yml';
const CI_FILE = '.github/workflows/ecs-ci.yml';
/** The application repository's id (github.repository_id), which a fork's does not share. */
export const APP_REPOSITORY_ID = 702_001;

/** A starter workflow as a repository adopting it gets it: `$default-branch` replaced by the default branch. */
export async function adoptTemplate(root: string, name: string, defaultBranch = 'master'): Promise<string> {
  const text = await readFile(path.join(root, '.github', 'workflow-templates', name), 'utf8');
  return text.replaceAll('$default-branch', defaultBranch);
}

export async function createPipeline(setup: PipelineSetup): Promise<Pipeline> {
  const { sim, root } = setup;
  const owner = setup.owner ?? 'octo-org';
  const repo = setup.repo ?? 'octo-app';
  const region = sim.env.AWS_REGION;
  const account = setup.accountId ?? '123456789012';
  const cluster = 'ecs-be-prod';
  const service = 'ecs-be-prod-service';
  const repository = 'ecs-be-prod';
  const vars: Record<string, string> = {
    AWS_REGION: region,
    AWS_ROLE_ARN: `arn:aws:iam::${account}:role/github-actions-ecs-deploy`,
    ECR_REPOSITORY: repository,
    ECS_CLUSTER: cluster,
    ECS_SERVICE: service,
    ECS_CONTAINER_NAME: 'ecs_be_prod_container',
    ECS_TASK_DEFINITION: '.aws/task-definition.json',
    DEPLOY_ENVIRONMENT: 'production',
    HEADVER_TIMEZONE: 'Asia/Seoul',
    ...setup.vars,
  };

  const taskDefinition = await adaptedTaskDefinition(account, region);
  const app = await createAppRepo({
    taskDefinition,
    workflows: {
      [CI_FILE]: await adoptTemplate(root, 'ecs-ci.yml'),
      [CD_FILE]: await adoptTemplate(root, 'ecs-cd.yml'),
    },
  });

  sim.ecr.seedRepository({ repositoryName: repository, imageTagMutability: 'MUTABLE' });
  // The seed's HA layout: two private subnets in two Availability Zones, behind an Application Load Balancer.
  const subnets = ['subnet-0a1b2c3d', 'subnet-0e4f5a6b'];
  sim.ec2.addSubnet({ subnetId: 'subnet-0a1b2c3d', availabilityZone: `${region}a` });
  sim.ec2.addSubnet({ subnetId: 'subnet-0e4f5a6b', availabilityZone: `${region}c` });
  const targetGroupArn = sim.elbv2.addTargetGroup({
    name: `${service}-tg`.slice(0, 32),
    port: 8080,
    ...(setup.targetGroup ?? { healthCheckIntervalSeconds: 10, deregistrationDelaySeconds: 30 }),
  });
  /** A Fargate service running the app's task definition, with the circuit breaker on (what the seed ran). */
  const addService = (serviceCluster: string, serviceName: string): string =>
    String(
      sim.ecs.seedService({
        cluster: serviceCluster,
        serviceName,
        taskDefinition,
        desiredCount: setup.desiredCount ?? 2,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets,
            securityGroups: ['sg-0a1b2c3d'],
            assignPublicIp: 'DISABLED',
          },
        },
        deploymentConfiguration: {
          deploymentCircuitBreaker: { enable: true, rollback: true },
          maximumPercent: 200,
          minimumHealthyPercent: 100,
        },
        deploymentController: { type: 'ECS' },
        loadBalancers: [{ targetGroupArn, containerName: 'ecs_be_prod_container', containerPort: 8080 }],
      }).taskDefinition,
    );
  const initialTaskDefinitionArn = addService(cluster, service);

  const syncGitHub = async () =>
    sim.github.seedRepository({ owner, repo, commits: await app.commits(), defaultBranch: 'master' });
  await syncGitHub();

  const runner = new PipelineRunner({
    root,
    owner,
    repo,
    appRepoDir: app.dir,
    vars,
    ...(setup.secrets ? { secrets: setup.secrets } : {}),
    apiUrl: sim.env.GITHUB_API_URL,
    issueToken: simulatorTokens(sim),
    machineEnv: {
      AWS_ENDPOINT_URL_ECS: sim.env.AWS_ENDPOINT_URL_ECS,
      AWS_ENDPOINT_URL_ECR: sim.env.AWS_ENDPOINT_URL_ECR,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: sim.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS,
      AWS_ENDPOINT_URL_CODEDEPLOY: sim.env.AWS_ENDPOINT_URL_CODEDEPLOY,
      AWS_ENDPOINT_URL_EC2: sim.env.AWS_ENDPOINT_URL_EC2,
      AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: sim.env.AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2,
      AWS_ENDPOINT_URL_IAM: sim.env.AWS_ENDPOINT_URL_IAM,
      AWS_ENDPOINT_URL_SSM: sim.env.AWS_ENDPOINT_URL_SSM,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: sim.env.AWS_ENDPOINT_URL_SECRETS_MANAGER,
      AWS_ENDPOINT_URL_EVENTBRIDGE: sim.env.AWS_ENDPOINT_URL_EVENTBRIDGE,
      AWS_ENDPOINT_URL_SCHEDULER: sim.env.AWS_ENDPOINT_URL_SCHEDULER,
      ...(setup.dockerHost ? { DOCKER_HOST: setup.dockerHost } : {}),
    },
    aws: {
      accountId: account,
      credentials: {
        AWS_ACCESS_KEY_ID: sim.env.AWS_ACCESS_KEY_ID,
        AWS_SECRET_ACCESS_KEY: sim.env.AWS_SECRET_ACCESS_KEY,
        AWS_SESSION_TOKEN: 'simulator-session-token',
      },
      ...(setup.trustedSubjects ? { trustedSubjects: setup.trustedSubjects } : {}),
    },
    uploadArtifact: ({ runId, name, files, headSha, overwrite }) =>
      sim.github.uploadArtifact({ owner, repo, runId, name, files, headSha, overwrite }),
    ...(setup.inputDefaults ? { inputDefaults: setup.inputDefaults } : {}),
    ...(setup.environmentVars ? { environmentVars: setup.environmentVars } : {}),
    ...(setup.environments ? { environments: setup.environments } : {}),
    ...(setup.review ? { review: setup.review } : {}),
    ...(setup.sleep ? { sleep: setup.sleep } : {}),
    ...(setup.standIns ? { standIns: setup.standIns } : {}),
    ...(setup.onEvent ? { onEvent: setup.onEvent } : {}),
  });

  let nextRunId = 7_100_000_001;
  let ciRuns = 0;
  let cdRuns = 0;
  const repository_ = {
    id: APP_REPOSITORY_ID,
    full_name: `${owner}/${repo}`,
    name: repo,
    owner: { login: owner },
    default_branch: 'master',
  };
  const workflowFile = (file: string) => path.join(app.dir, file);

  const run = async (file: string, trigger: Trigger) => {
    const workflow = await loadWorkflow(workflowFile(file));
    assertTriggers(workflow.template.events, workflow.name, trigger);
    return runner.run(workflowFile(file), trigger);
  };

  return {
    app,
    runner,
    vars,
    owner,
    repo,
    cluster,
    service,
    repository,
    initialTaskDefinitionArn,
    addService,
    async push(message, files = {}, executable = []) {
      const sha = await app.commit(message, files, executable);
      await syncGitHub();
      return sha;
    },
    async runCi() {
      const sha = await app.head();
      const commits = await app.commits();
      const runId = nextRunId++;
      ciRuns += 1;
      const result = await run(CI_FILE, {
        eventName: 'push',
        payload: {
          ref: 'refs/heads/master',
          before: commits.at(-2) ?? '0'.repeat(40),
          after: sha,
          head_commit: { id: sha },
          repository: repository_,
        },
        sha,
        ref: 'refs/heads/master',
        runId,
        runNumber: ciRuns,
      });
      return { ...result, sha };
    },
    async runCd(ci, overrides = {}) {
      const head = await app.head();
      cdRuns += 1;
      return run(CD_FILE, {
        eventName: 'workflow_run',
        payload: {
          action: 'completed',
          workflow_run: {
            id: ci.runId,
            name: ci.workflow,
            run_number: ci.runNumber,
            head_sha: ci.sha,
            head_branch: 'master',
            head_repository: { id: APP_REPOSITORY_ID, full_name: `${owner}/${repo}` },
            path: CI_FILE,
            event: 'push',
            status: 'completed',
            conclusion: ci.conclusion === 'success' ? 'success' : 'failure',
            ...overrides,
          },
          repository: repository_,
        },
        // In a workflow_run, github.sha is the default branch's newest commit, not the commit CI built.
        sha: head,
        ref: 'refs/heads/master',
        runId: nextRunId++,
        runNumber: cdRuns,
      });
    },
    async dispatchCd(version, extra = {}) {
      const head = await app.head();
      cdRuns += 1;
      const inputs = { version, ...extra };
      return run(CD_FILE, {
        eventName: 'workflow_dispatch',
        payload: { inputs, ref: 'refs/heads/master', repository: repository_ },
        sha: head,
        ref: 'refs/heads/master',
        runId: nextRunId++,
        runNumber: cdRuns,
        inputs,
      });
    },
  };
}

/** Fails when `trigger` would not start the workflow (its `on:` does not match), as GitHub would not run it. */
export function assertTriggers(
  events: Record<string, unknown>,
  workflowName: string,
  trigger: Pick<Trigger, 'eventName' | 'payload' | 'ref'>,
): void {
  const config = events[trigger.eventName] as
    | { branches?: string[]; workflows?: string[]; types?: string[] }
    | undefined;
  const fail = (why: string) => {
    throw new Error(`${workflowName} does not run for this ${trigger.eventName}: ${why}`);
  };
  if (!(trigger.eventName in events)) fail(`its on: has no ${trigger.eventName}`);
  if (trigger.eventName === 'push') {
    const branch = (trigger.ref ?? '').replace(/^refs\/heads\//, '');
    if (config?.branches && !config.branches.includes(branch)) fail(`branch ${branch} not in ${config.branches}`);
  }
  if (trigger.eventName === 'workflow_run') {
    const run = (trigger.payload.workflow_run ?? {}) as { name?: string; head_branch?: string };
    if (config?.workflows && !config.workflows.includes(run.name ?? '')) fail(`workflow ${run.name} not listed`);
    if (config?.branches && !config.branches.includes(run.head_branch ?? '')) fail(`branch ${run.head_branch}`);
    if (config?.types && !config.types.includes(String(trigger.payload.action))) fail(`type ${trigger.payload.action}`);
  }
}

/** Each job's GITHUB_TOKEN: a new simulator token carrying exactly the job's permissions. */
export function simulatorTokens(sim: Simulator): PipelineRunnerOptions['issueToken'] {
  return (permissions) => {
    const token = `ghs_${randomBytes(18).toString('hex')}`;
    sim.github.addToken(token, permissions);
    return token;
  };
}
