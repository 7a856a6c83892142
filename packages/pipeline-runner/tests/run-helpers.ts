/** Reading a workflow run's jobs and steps in the pipeline's end-to-end tests. */
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import {
  adoptTemplate,
  createPipeline,
  type JobRun,
  type Pipeline,
  type PipelineSetup,
  seededEcrPush,
  type WorkflowRun,
} from '../src/index.js';

export function job(run: WorkflowRun, id: string): JobRun {
  const found = run.jobs.find((j) => j.id === id);
  if (!found) throw new Error(`no job ${id} in ${run.jobs.map((j) => j.id).join(', ')}`);
  return found;
}

/** A step by id, by the action it uses (prefix), or by a pattern on its name. */
export function step(run: WorkflowRun, jobId: string, name: string | RegExp) {
  const found = job(run, jobId).steps.find((s) =>
    typeof name === 'string' ? s.id === name || s.uses?.startsWith(name) : name.test(s.name),
  );
  if (!found) throw new Error(`no step ${name} in ${jobId}`);
  return found;
}

/** The logs of the failed steps, for an assertion that shows why a run failed. */
export function explain(run: WorkflowRun): string {
  return run.jobs
    .flatMap((j) => j.steps.filter((s) => s.outcome === 'failure').map((s) => `${j.id} / ${s.name}:\n${s.log}`))
    .join('\n');
}

/**
 * The deploy-tag step of deploy.yml that writes the tag (`tag`): not the lookup of the history (`record`), the list of
 * recorded revisions (`recorded`) nor the steps that set the GitHub Deployment's state.
 */
export function tagStep(run: WorkflowRun) {
  const found = job(run, 'deploy/deploy').steps.find(
    (s) => s.uses?.startsWith('ecs-actions/ecs-actions/deploy-tag@') && s.id === 'tag',
  );
  if (!found) throw new Error('no deploy-tag step that writes the tag');
  return found;
}

/** The starter CD with more `with:` lines for its deploy job, as a repository would extend it. */
export async function starterWith(root: string, lines: string[]): Promise<string> {
  const starter = await adoptTemplate(root, 'ecs-cd.yml');
  const anchor = '      ci-workflow: .github/workflows/ecs-ci.yml\n';
  if (!starter.includes(anchor)) throw new Error(`the starter CD has no line ${JSON.stringify(anchor)}`);
  return starter.replace(anchor, `${anchor}${lines.map((line) => `      ${line}\n`).join('')}`);
}

/** The ecs-actions repository these tests run the workflows of. */
export const ROOT = new URL('../../..', import.meta.url).pathname;

/**
 * A simulator (time × 100) and a pipeline whose CI seeds its images in place of ecr-push (no Docker), followed
 * closely (poll every second); `setup` adds to or overrides the pipeline's settings.
 */
export async function startSeededPipeline(
  setup: Partial<PipelineSetup> = {},
): Promise<{ sim: Simulator; pipeline: Pipeline }> {
  const sim = await startSimulator({ timeScale: 100 });
  const pipeline = await createPipeline({
    sim,
    root: ROOT,
    inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
    standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, 'these tests seed images') },
    ...setup,
  });
  return { sim, pipeline };
}

/** A CD workflow run by CI's completion on master, with these jobs (YAML lines under `jobs:`). */
export function cdWorkflow(jobs: string[]): string {
  return `name: CD
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
    branches: [master]
permissions: {}
jobs:
${jobs.map((line) => `  ${line}\n`).join('')}`;
}

/** A CD workflow whose one job `deploy` calls deploy.yml with `lines` as `with:` (and `jobKeys` as more keys). */
export function cdCalling(lines: string[], jobKeys: string[] = []): string {
  return cdWorkflow([
    'deploy:',
    "  if: github.event.workflow_run.conclusion == 'success'",
    ...jobKeys.map((line) => `  ${line}`),
    '  uses: ecs-actions/ecs-actions/.github/workflows/deploy.yml@v1',
    '  permissions: { contents: write, id-token: write, actions: read, deployments: write }',
    '  with:',
    ...lines.map((line) => `    ${line}`),
  ]);
}
