/**
 * `${{ }}` evaluation with `@actions/expressions`, the evaluator GitHub's own tooling uses: contexts as plain JSON,
 * the job status functions (`success()`, `failure()`, `always()`, `cancelled()`) as extension functions, and results
 * turned into the strings the runner hands to steps (null → '', booleans → 'true'/'false', objects → JSON).
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';

/** The contexts an expression can read, as plain JSON. */
export interface ExpressionContexts {
  github?: unknown;
  inputs?: unknown;
  vars?: unknown;
  secrets?: unknown;
  env?: unknown;
  steps?: unknown;
  needs?: unknown;
  jobs?: unknown;
  runner?: unknown;
  job?: unknown;
  matrix?: unknown;
  strategy?: unknown;
}

/** What the status functions answer: whether an earlier step (or a needed job) failed. */
export interface JobStatus {
  failed: boolean;
  cancelled?: boolean;
}

const CONTEXT_NAMES = [
  'github',
  'inputs',
  'vars',
  'secrets',
  'env',
  'steps',
  'needs',
  'jobs',
  'runner',
  'job',
  'matrix',
  'strategy',
];

function statusFunctions(status: JobStatus): Map<string, FunctionDefinition> {
  const fn = (name: string, value: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) },
  ];
  return new Map([
    fn('success', () => !status.failed && !status.cancelled),
    fn('failure', () => status.failed),
    fn('always', () => true),
    fn('cancelled', () => status.cancelled === true),
    // hashFiles is not used by our workflows; answer like an empty match rather than failing the parse.
    ['hashfiles', { name: 'hashFiles', minArgs: 1, maxArgs: 255, call: () => new data.StringData('') }],
  ]);
}

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

function toJson(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer) ?? 'null');
}

/** Evaluates one expression (without `${{ }}`) and returns plain JSON. */
export function evaluate(
  expression: string,
  contexts: ExpressionContexts,
  status: JobStatus = { failed: false },
): unknown {
  const functions = statusFunctions(status);
  const tokens = new Lexer(expression).lex().tokens;
  const parsed = new Parser(
    tokens,
    CONTEXT_NAMES,
    [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs })),
  ).parse();
  const context = new data.Dictionary(
    ...CONTEXT_NAMES.map((key) => ({ key, value: toData((contexts as Record<string, unknown>)[key] ?? {}) })),
  );
  return toJson(new Evaluator(parsed, context, functions).evaluate());
}

/** An `if:` condition: truthy by the expression language's rules. */
export function evaluateCondition(expression: string, contexts: ExpressionContexts, status: JobStatus): boolean {
  const functions = statusFunctions(status);
  const tokens = new Lexer(expression).lex().tokens;
  const names = [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs }));
  const parsed = new Parser(tokens, CONTEXT_NAMES, names).parse();
  const context = new data.Dictionary(
    ...CONTEXT_NAMES.map((key) => ({ key, value: toData((contexts as Record<string, unknown>)[key] ?? {}) })),
  );
  const result = new Evaluator(parsed, context, functions).evaluate();
  return truthy(toJson(result));
}

function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 0) return false;
  if (typeof value === 'number' && Number.isNaN(value)) return false;
  return true;
}

/** A value as the runner passes it to a step: strings as is, null as '', other scalars as text, objects as JSON. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

/** A string with embedded `${{ expr }}` (e.g. an action.yml default such as `${{ github.token }}`). */
export function evaluateTemplate(text: string, contexts: ExpressionContexts, status?: JobStatus): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) =>
    asText(evaluate(expression.trim(), contexts, status)),
  );
}
