/**
 * Fault injection: the server asks `take(api, operation)` before answering each call; a matching fault is
 * consumed (its count goes down) and the server answers with the fault instead of (or, for latency, before)
 * the real answer. Faults are matched in the order they were injected.
 */
import type { ApiName } from './contract.js';

export type FaultKind =
  | 'throttle'
  | 'server-error'
  | 'drop'
  | 'latency'
  | 'access-denied'
  | 'expired-token'
  | 'hang'
  | 'lost-answer';

export interface FaultSpec {
  /** Only calls to this API; all APIs when omitted. */
  api?: ApiName;
  /**
   * Only this operation: an AWS operation name (`DescribeServices`), or for GitHub a route
   * (`POST /repos/{owner}/{repo}/git/refs`, `{name}` matches one path segment, a trailing `{name}` the rest)
   * with or without the method. All operations when omitted.
   */
  operation?: string;
  kind: FaultKind;
  /** How many calls it affects; default 1; `Infinity` until `clear()`. */
  count?: number;
  /** How many matching calls go through untouched first (a fault on the third DescribeServices: skip 2); default 0. */
  skip?: number;
  /** For `latency`: how long to hold the answer back (real ms); default 1000. */
  latencyMs?: number;
  /**
   * For `hang`: the call takes effect before the answer is held back for good (AWS did the work; the answer never
   * arrives). Default false: the request is accepted and nothing happens.
   */
  applied?: boolean;
  /**
   * In-process tests only: the fault applies only to a call made while this holds (read at the moment the call
   * arrives), so a test can hold exactly the call that would see a given state instead of racing the caller.
   */
  when?: () => boolean;
}

export interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number;
  /** Matching calls still to let through before it applies. */
  skipping: number;
}

export class Faults {
  private readonly active: ActiveFault[] = [];

  inject(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!(count > 0)) throw new Error(`fault count must be positive, got ${count}`);
    const skip = spec.skip ?? 0;
    if (!(Number.isInteger(skip) && skip >= 0)) throw new Error(`fault skip must be a whole number, got ${skip}`);
    this.active.push({ spec: { ...spec }, remaining: count, skipping: skip });
  }

  clear(): void {
    this.active.length = 0;
  }

  /** Faults not yet used up. */
  pending(): readonly FaultSpec[] {
    return this.active.map((fault) => fault.spec);
  }

  /**
   * The fault to apply to this call, if any, consuming one use of it. `operation` is the AWS operation name,
   * or for GitHub `METHOD /path` (the concrete path).
   */
  take(api: ApiName, operation: string): FaultSpec | undefined {
    const index = this.active.findIndex(
      (fault) => matches(fault.spec, api, operation) && (fault.spec.when === undefined || fault.spec.when()),
    );
    if (index < 0) return undefined;
    const fault = this.active[index];
    if (!fault) return undefined;
    if (fault.skipping > 0) {
      fault.skipping -= 1;
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active.splice(index, 1);
    return fault.spec;
  }
}

function matches(spec: FaultSpec, api: ApiName, operation: string): boolean {
  if (spec.api !== undefined && spec.api !== api) return false;
  if (spec.operation === undefined) return true;
  if (api !== 'github') return spec.operation === operation;
  return githubRoutePattern(spec.operation).test(operation);
}

/** `POST /repos/{owner}/{repo}/git/refs` → a regex over `METHOD /concrete/path`; the method is optional. */
function githubRoutePattern(route: string): RegExp {
  const match = /^([A-Z]+)\s+(.*)$/.exec(route.trim());
  const method = match?.[1];
  const path = match?.[2] ?? route.trim();
  const escaped = path
    .split(/(\{[^}]+\})/)
    .map((part, index, parts) => {
      if (/^\{[^}]+\}$/.test(part)) return index === parts.length - 2 && parts.at(-1) === '' ? '.+' : '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${method ?? '[A-Z]+'} ${escaped}$`);
}
