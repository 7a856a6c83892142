/**
 * Loads a workflow file with `@actions/workflow-parser`: the converted `WorkflowTemplate` (jobs, steps, `if:`
 * conditions, `needs`, outputs) and the raw template tokens for what the converter leaves out (a step's `with:`,
 * `permissions`, `on.workflow_call.outputs`). Parse or schema errors fail the load, as GitHub rejects the file.
 */
import { readFile } from 'node:fs/promises';
import {
  convertWorkflowTemplate,
  isBasicExpression,
  isBoolean,
  isLiteral,
  isMapping,
  isNumber,
  isSequence,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { asText, type ExpressionContexts, evaluate, type JobStatus } from './expressions.js';

export type { TemplateToken };

export interface LoadedWorkflow {
  file: string;
  name: string;
  template: WorkflowTemplate;
  /** The parsed document before conversion. */
  raw: TemplateToken;
}

export class WorkflowError extends Error {}

export async function loadWorkflow(file: string): Promise<LoadedWorkflow> {
  const content = await readFile(file, 'utf8');
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const parseErrors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parseErrors.length > 0 || !parsed.value) {
    throw new WorkflowError(`${file} is not a valid workflow:\n${parseErrors.join('\n')}`);
  }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const errors = (template.errors ?? []).map((e) => e.Message);
  if (errors.length > 0) throw new WorkflowError(`${file} is not a valid workflow:\n${errors.join('\n')}`);
  const nameToken = child(parsed.value, 'name');
  const name = nameToken && isString(nameToken) ? nameToken.value : file;
  return { file, name, template, raw: parsed.value };
}

/** The value of `key` in a mapping token, or undefined. */
export function child(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  if (!token || !isMapping(token)) return undefined;
  for (const pair of token) if (pair.key.toString() === key) return pair.value;
  return undefined;
}

/** Follows a path of mapping keys (numbers index sequences). */
export function at(token: TemplateToken | undefined, ...path: (string | number)[]): TemplateToken | undefined {
  let current = token;
  for (const key of path) {
    if (!current) return undefined;
    if (typeof key === 'number') {
      if (!isSequence(current)) return undefined;
      current = key < current.count ? current.get(key) : undefined;
    } else current = child(current, key);
  }
  return current;
}

/** The entries of a mapping token, in order. */
export function entries(token: TemplateToken | undefined): [string, TemplateToken][] {
  if (!token || !isMapping(token)) return [];
  return [...token].map((pair) => [pair.key.toString(), pair.value]);
}

/** A token's value as plain JSON, with expressions evaluated. */
export function tokenValue(
  token: TemplateToken | undefined,
  contexts: ExpressionContexts,
  status?: JobStatus,
): unknown {
  if (!token) return undefined;
  if (isBasicExpression(token)) return evaluate(token.expression, contexts, status);
  if (isString(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isLiteral(token)) return null;
  if (isSequence(token)) {
    const values: unknown[] = [];
    for (let i = 0; i < token.count; i++) values.push(tokenValue(token.get(i), contexts, status));
    return values;
  }
  if (isMapping(token)) {
    const values: Record<string, unknown> = {};
    for (const [key, value] of entries(token)) values[key] = tokenValue(value, contexts, status);
    return values;
  }
  return undefined;
}

/** A mapping token evaluated into strings (step `with:` and `env:`, job `outputs`). */
export function tokenStrings(
  token: TemplateToken | undefined,
  contexts: ExpressionContexts,
  status?: JobStatus,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of entries(token)) values[key] = asText(tokenValue(value, contexts, status));
  return values;
}

export function tokenText(token: TemplateToken | undefined, contexts: ExpressionContexts, status?: JobStatus): string {
  return asText(tokenValue(token, contexts, status));
}
