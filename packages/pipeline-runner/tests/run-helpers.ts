/** Reading a workflow run's jobs and steps in the pipeline's end-to-end tests. */
import { adoptTemplate, type JobRun, type WorkflowRun } from '../src/index.js';

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
