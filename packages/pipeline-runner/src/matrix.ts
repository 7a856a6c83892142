/**
 * A job's `strategy.matrix`, expanded as GitHub does: the product of its keys' values, less each `exclude` that
 * matches, then each `include` added to the combinations it fits (or as a combination of its own). Each leg runs
 * with its `matrix` context and is named `<job> (<values>)`.
 */
import { asText } from './expressions.js';

export interface MatrixLeg {
  matrix: Record<string, unknown>;
  /** `deploy (us-east-1)`, as GitHub names the leg. */
  name: string;
}

export interface Strategy {
  legs: MatrixLeg[];
  /** fail-fast (default true): a failed leg stops the legs that have not started. */
  failFast: boolean;
}

/** The legs of an evaluated `strategy:`; undefined when the job has no matrix. */
export function matrixStrategy(jobId: string, strategy: unknown): Strategy | undefined {
  if (!strategy || typeof strategy !== 'object') return undefined;
  const { matrix, 'fail-fast': failFast } = strategy as Record<string, unknown>;
  if (!matrix || typeof matrix !== 'object') return undefined;
  const { include, exclude, ...axes } = matrix as Record<string, unknown>;
  let combinations: Record<string, unknown>[] = Object.keys(axes).length > 0 ? [{}] : [];
  for (const [key, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) throw new Error(`job ${jobId}: strategy.matrix.${key} is not a list`);
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [key]: value })));
  }
  const matches = (combination: Record<string, unknown>, partial: Record<string, unknown>) =>
    Object.entries(partial).every(([key, value]) => asText(combination[key]) === asText(value));
  for (const partial of listOf(exclude)) combinations = combinations.filter((c) => !matches(c, partial));
  const original = combinations.map((c) => ({ ...c }));
  for (const extra of listOf(include)) {
    // An include extends every original combination (of the axes) whose values it does not contradict, else it
    // stands alone; a combination an include added is never extended by another.
    const fits = combinations.filter(
      (_, i) => i < original.length && matches(extra, pick(original[i] ?? {}, Object.keys(extra))),
    );
    if (fits.length > 0) for (const combination of fits) Object.assign(combination, extra);
    else combinations.push({ ...extra });
  }
  const legs = combinations.map((combination, i) => ({
    matrix: combination,
    // GitHub names a leg by its original values, then the values an include added alone.
    name: `${jobId} (${Object.values(original[i] ?? combination)
      .map(asText)
      .join(', ')})`,
  }));
  return { legs, failFast: failFast !== false && failFast !== 'false' };
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : [];
}

function pick(combination: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in combination).map((key) => [key, combination[key]]));
}
