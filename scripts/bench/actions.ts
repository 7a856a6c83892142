/** What `pnpm bench` measures for each action: a size target and a cold-start workload that does real work. */
import type { BundleRun, RunBundleOptions } from '@ecs-actions/core/testkit';

export interface ColdStartWorkload {
  description: string;
  options: Omit<RunBundleOptions, 'bundle'>;
  check?: (run: BundleRun) => void;
}

export interface ActionBench<S = unknown> {
  action: string;
  sizeTargetBytes: number;
  coldStartTargetRatio: number;
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

export const actionBenches: ActionBench[] = [headver];
