/**
 * A workflow's inputs and results at its edges: the inputs of a workflow_dispatch run, the typed inputs and the
 * outputs of a reusable workflow called with `uses:`, and the result a set of jobs adds up to.
 */
import path from 'node:path';
import type { ReusableWorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import { asText, type ExpressionContexts } from './expressions.js';
import { ourUses } from './our-repository.js';
import type { CallFrame, JobResult, Trigger } from './runner-types.js';
import { at, child, entries, type LoadedWorkflow, tokenText, tokenValue } from './workflow.js';

export function dispatchInputs(workflow: LoadedWorkflow, trigger: Trigger): Record<string, unknown> {
  const defined = workflow.template.events.workflow_dispatch?.inputs ?? {};
  const values: Record<string, unknown> = {};
  for (const [name, config] of Object.entries(defined)) {
    const given = trigger.inputs?.[name];
    if (given === undefined && config.required && config.default === undefined) {
      throw new Error(`workflow_dispatch of ${workflow.name}: input "${name}" is required`);
    }
    const value = given ?? asText(config.default ?? '');
    if (config.type === 'choice' && config.options && !config.options.includes(value)) {
      throw new Error(`workflow_dispatch input "${name}": ${value} is not one of ${config.options.join(', ')}`);
    }
    values[name] = config.type === 'boolean' ? value === 'true' : value;
  }
  for (const name of Object.keys(trigger.inputs ?? {})) {
    if (!(name in defined)) throw new Error(`workflow_dispatch of ${workflow.name}: unexpected input "${name}"`);
  }
  return values;
}

/** The file of a called workflow: one of ours (by the repository's name) or a local `./` path. */
export function calleeFile(root: string, frame: CallFrame, ref: string): string {
  const ours = ourUses(root).workflows.exec(ref);
  if (ours?.[1]) return path.join(root, ours[1]);
  if (ref.startsWith('./')) return path.join(root, ref);
  throw new Error(`${frame.workflow.file}: cannot call the workflow ${ref} locally`);
}

/**
 * The inputs a called workflow gets: what the caller's `with:` gives, checked against `on.workflow_call.inputs`,
 * the defaults (an expression default is evaluated in `defaultContexts`), booleans and numbers typed.
 */
export function callInputs(
  job: ReusableWorkflowJob,
  callee: LoadedWorkflow,
  contexts: ExpressionContexts,
  defaultContexts: () => ExpressionContexts,
): Record<string, unknown> {
  const ref = job.ref.value;
  const definitions = callee.template.events.workflow_call?.inputs ?? {};
  const given = tokenStringsOrValues(job['input-values'], contexts);
  const inputs: Record<string, unknown> = {};
  for (const name of Object.keys(given)) {
    if (!(name in definitions)) throw new Error(`${ref}: the caller passes "${name}", which is not an input`);
  }
  for (const [name, definition] of Object.entries(definitions)) {
    let value: unknown = given[name];
    if (value === undefined) {
      if (definition.required) throw new Error(`${ref}: required input "${name}" not given`);
      const fallback = definition.default;
      value =
        typeof fallback === 'object' && fallback !== null
          ? tokenValue(fallback, defaultContexts())
          : (fallback ?? (definition.type === 'boolean' ? false : String(definition.type) === 'number' ? 0 : ''));
    }
    if (definition.type === 'boolean' && typeof value === 'string') value = value === 'true';
    if (String(definition.type) === 'number' && typeof value === 'string') value = Number(value);
    inputs[name] = value;
  }
  return inputs;
}

/** A called workflow's `on.workflow_call.outputs`, evaluated once its jobs ran. */
export function callOutputs(callee: LoadedWorkflow, contexts: ExpressionContexts): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const [name, output] of entries(at(callee.raw, 'on', 'workflow_call', 'outputs'))) {
    outputs[name] = tokenText(child(output, 'value'), contexts);
  }
  return outputs;
}

/** What a set of jobs adds up to: failure if one failed, skipped if all were, else success. */
export function overallResult(results: JobResult[]): JobResult {
  return results.includes('failure') ? 'failure' : results.every((r) => r === 'skipped') ? 'skipped' : 'success';
}

/** `with:` of a workflow call keeps booleans and numbers as they are (typed inputs). */
function tokenStringsOrValues(
  token: Parameters<typeof entries>[0],
  contexts: ExpressionContexts,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of entries(token)) values[key] = tokenValue(value, contexts);
  return values;
}
