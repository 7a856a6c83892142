/**
 * The pipeline's own overhead: the demo pipeline (the starter workflows, run from their YAML by
 * packages/pipeline-runner against the simulator at 100x time, with a private dockerd and registry) does CI then CD
 * once, and every step of our five actions (headver, ecr-push, ecs-render-taskdef, ecs-deploy-wait, deploy-tag,
 * their post steps included) is timed by wall clock, less what is not ours:
 * - ecr-push: reading the build cache, the build and the docker push (the step logs each duration);
 * - ecs-deploy-wait: the ECS rollout itself, from the new deployment's creation to its COMPLETED in the simulator
 *   (simulated time / time scale). What the step spends after that (its next poll, the report) counts as ours.
 *   The rollout runs at 100x, so the step's poll is scaled down too, to the least poll-interval it takes (250 ms):
 *   25 s of simulated time, coarser than the default 5 s. (A real deploy spends up to one poll-interval, 5 s by
 *   default, noticing the end; that is the input's choice, not overhead of the steps, and is not counted here.)
 */
import path from 'node:path';
import { startSimulator } from '@ecs-actions/simulator';
import { startDockerServices } from '@ecs-actions/simulator/docker';
import { createPipeline, type RunnerEvent, type StepRun } from '../../packages/pipeline-runner/src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const TIME_SCALE = 100;
export const OUR_ACTIONS = ['headver', 'ecr-push', 'ecs-render-taskdef', 'ecs-deploy-wait', 'deploy-tag'] as const;

export interface PipelineOverheadBench {
  /** Per action: wall time of its steps, what was excluded, and what is left (ours), ms. */
  actions: { action: string; stepsMs: number; excludedMs: number; oursMs: number; excluded: string }[];
  totalMs: number;
  targetMs: number;
  ok: boolean;
}

interface DeploymentShape {
  status: string;
  rolloutState?: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function benchPipelineOverhead(): Promise<PipelineOverheadBench> {
  const services = await startDockerServices();
  const sim = await startSimulator({
    timeScale: TIME_SCALE,
    registry: { url: services.registryUrl, username: services.username, password: services.password },
  });
  try {
    const timed: { step: StepRun; ms: number }[] = [];
    const startedAt = new Map<string, number>();
    const lastEventAt = new Map<string, number>();
    const onEvent = (event: RunnerEvent) => {
      const now = performance.now();
      if (event.type === 'step-start') startedAt.set(`${event.job}/${event.step}`, now);
      if (event.type === 'step-end' && event.step.conclusion !== 'skipped') {
        // A post step has no start event: it starts when the job's previous step ended.
        const start = event.step.post
          ? (lastEventAt.get(event.job) ?? now)
          : (startedAt.get(`${event.job}/${event.step.id}`) ?? now);
        timed.push({ step: event.step, ms: now - start });
      }
      if (event.type === 'step-end' || event.type === 'job-start') lastEventAt.set(event.job, now);
    };
    const pipeline = await createPipeline({
      sim,
      root,
      dockerHost: services.dockerHost,
      inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '250ms' } },
      onEvent,
    });
    const ci = await pipeline.runCi();
    if (ci.conclusion !== 'success') throw new Error('CI did not succeed');
    const cd = await pipeline.runCd(ci);
    if (cd.conclusion !== 'success') throw new Error('CD did not succeed');

    const primary = (
      (sim.ecs.describeService(pipeline.cluster, pipeline.service) as { deployments?: DeploymentShape[] })
        .deployments ?? []
    ).find((deployment) => deployment.status === 'PRIMARY');
    if (primary?.rolloutState !== 'COMPLETED') throw new Error('the rollout did not complete');
    const rolloutMs = (primary.updatedAt.getTime() - primary.createdAt.getTime()) / TIME_SCALE;

    const actions = OUR_ACTIONS.map((action) => {
      const steps = timed.filter(({ step }) => step.uses?.includes(`/${action}@`));
      if (steps.length === 0) throw new Error(`the pipeline ran no ${action} step`);
      const stepsMs = steps.reduce((sum, { ms }) => sum + ms, 0);
      let excludedMs = 0;
      let excluded = '';
      if (action === 'ecr-push') {
        const log = steps.map(({ step }) => step.log).join('\n');
        const build = /Build time: ([\d.]+) s building, ([\d.]+) s reading the cache/.exec(log);
        const pushes = [...log.matchAll(/pushed with docker push in (\d+) ms/g)].map((match) => Number(match[1]));
        if (!build) throw new Error(`ecr-push logged no build time:\n${log}`);
        const buildMs = (Number(build[1]) + Number(build[2])) * 1000;
        const pushMs = pushes.reduce((sum, value) => sum + value, 0);
        excludedMs = buildMs + pushMs;
        excluded = `docker build ${(buildMs / 1000).toFixed(1)} s (with the cache's pull), docker push ${(pushMs / 1000).toFixed(1)} s`;
      } else if (action === 'ecs-deploy-wait') {
        excludedMs = rolloutMs;
        excluded = `the ECS rollout ${(rolloutMs / 1000).toFixed(1)} s (${((rolloutMs * TIME_SCALE) / 1000).toFixed(0)} s simulated)`;
      }
      return { action, stepsMs, excludedMs, oursMs: stepsMs - excludedMs, excluded };
    });
    const totalMs = actions.reduce((sum, action) => sum + action.oursMs, 0);
    const targetMs = 3000;
    return { actions, totalMs, targetMs, ok: totalMs <= targetMs };
  } finally {
    await sim.close();
    await services.stop();
  }
}
