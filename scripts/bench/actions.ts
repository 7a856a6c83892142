/** What `pnpm bench` measures for each action: a size target and a cold-start workload that does real work. */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BundleRun, RunBundleOptions } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';

export interface ColdStartWorkload {
  description: string;
  options: Omit<RunBundleOptions, 'bundle'>;
  check?: (run: BundleRun) => void;
}

export interface ActionBench<S = unknown> {
  action: string;
  sizeTargetBytes: number;
  coldStartTargetRatio: number;
  /** A bound on the cold start's time above the empty node process, ms, and why. */
  coldStartOverheadTarget?: { ms: number; why: string };
  setup?: () => Promise<S>;
  coldStart?: (setup: S) => Promise<ColdStartWorkload>;
  extra?: (setup: S) => Promise<{ name: string; value: string; target?: string; ok: boolean }[]>;
  teardown?: (setup: S) => Promise<void>;
}

const KB = 1024;

const headver: ActionBench = {
  action: 'headver',
  sizeTargetBytes: 300 * KB,
  // Issue: headver starts and finishes in under 1.5x an empty node process.
  coldStartTargetRatio: 1.5,
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
  setup: async () => {
    const sim = await startSimulator();
    sim.github.seedRepository({ owner: 'octo-org', repo: 'octo-app', commits: [BUILT_SHA] });
    return sim;
  },
  coldStart: async (sim) => ({
    description:
      "tags the workflow_run head_sha through the simulator's GitHub API (first run creates, later runs keep)",
    options: {
      inputs: { version: '0.2648.135', 'github-token': sim.env.GITHUB_TOKEN ?? '', image: 'web:0.2648.135' },
      env: { GITHUB_API_URL: sim.env.GITHUB_API_URL, GITHUB_REPOSITORY: 'octo-org/octo-app' },
      event: { name: 'workflow_run', payload: { workflow_run: { id: 1, head_sha: BUILT_SHA, conclusion: 'success' } } },
    },
    check: (run) => {
      if (run.exitCode !== 0 || run.outputs.sha !== BUILT_SHA) throw new Error(`deploy-tag failed:\n${run.log}`);
    },
  }),
  teardown: async (sim) => sim.close(),
};

const renderTaskdef: ActionBench<string> = {
  action: 'ecs-render-taskdef',
  sizeTargetBytes: 1536 * KB,
  coldStartTargetRatio: 2,
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

export const actionBenches = [headver, renderTaskdef, deployTag] as ActionBench[];
