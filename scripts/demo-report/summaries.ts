/**
 * The job summaries of workflow runs, as GitHub shows them on a run's page: one per job that wrote any, the
 * summaries of its steps (post steps included) one after the other.
 */
import type { WorkflowRun } from '../../packages/pipeline-runner/src/index.js';

export function jobSummaries(label: string, run: WorkflowRun): JobSummary[] {
  return run.jobs.flatMap((job) => {
    const parts = job.steps.map((step) => step.summary.trim()).filter((summary) => summary !== '');
    if (parts.length === 0) return [];
    return [{ title: `${label} · ${job.id}`, result: job.result, markdown: `${parts.join('\n\n')}\n` }];
  });
}

/** The ```mermaid (or ~~~mermaid) fences of a Markdown text: each is one diagram the report must draw. */
export function mermaidFences(markdown: string): number {
  return markdown.match(/^ {0,3}(?:`{3,}|~{3,})[ \t]*mermaid[ \t]*$/gm)?.length ?? 0;
}

export interface JobSummary {
  /** The run and the job, e.g. `CD #2 (deploy.yml) · deploy/deploy`. */
  title: string;
  result: 'success' | 'failure' | 'skipped';
  markdown: string;
}
