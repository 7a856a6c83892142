/**
 * The subset of the IAM policy language the simulator evaluates (IAM User Guide, "Policy evaluation logic" within
 * one account): statements with `Effect`, `Action` and `Resource` (a string or a list; `*` and `?` wildcards;
 * actions match without regard to case, resources with it) and, in resource policies, `Principal` (`*`, or an
 * `AWS` ARN or list of them). `NotAction`, `NotResource` and `Condition` are not evaluated: a statement that has
 * them is refused when the policy is seeded, so no test relies on a rule the simulator would get wrong.
 *
 * The decision: an explicit Deny in any policy wins; else an Allow in an identity or resource policy allows; else
 * the request is implicitly denied.
 */

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: string | string[];
  Principal?: '*' | { AWS?: string | string[]; Service?: string | string[] };
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

/** A policy as the evaluation sees it: where it comes from, for `MatchedStatements`. */
export interface SourcedPolicy {
  id: string;
  type: 'IAM Policy' | 'Resource Policy';
  document: PolicyDocument;
}

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface Evaluation {
  decision: EvalDecision;
  matched: { id: string; type: string }[];
}

const UNSUPPORTED = ['NotAction', 'NotResource', 'NotPrincipal', 'Condition'];

/** Parses and checks a policy document against the subset; throws a message naming what is not supported. */
export function parsePolicy(text: string): PolicyDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Error('the policy is not JSON');
  }
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : undefined;
  if (!list) throw new Error('the policy has no Statement');
  for (const statement of list as Record<string, unknown>[]) {
    const unsupported = UNSUPPORTED.filter((key) => key in statement);
    if (unsupported.length > 0) {
      throw new Error(`${unsupported.join(', ')} is outside the simulator's policy subset (see src/iam/policy.ts)`);
    }
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw new Error('Effect must be Allow or Deny');
    if (statement.Action === undefined) throw new Error('a statement needs Action');
  }
  return { ...(document as PolicyDocument), Statement: list as PolicyStatement[] };
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function statementApplies(statement: PolicyStatement, action: string, resource: string, principal?: string): boolean {
  if (!asList(statement.Action).some((pattern) => wildcardMatch(pattern, action, true))) return false;
  // A resource policy's statements apply to the resource they are attached to: no Resource means that one.
  const resources = statement.Resource === undefined ? ['*'] : asList(statement.Resource);
  if (!resources.some((pattern) => wildcardMatch(pattern, resource, false))) return false;
  if (principal === undefined) return true;
  const named = statement.Principal;
  if (named === '*') return true;
  return asList(named?.AWS).some((arn) => arn === '*' || arn === principal);
}

/**
 * The decision for one action on one resource. Identity policies apply to the principal they are attached to;
 * resource policies only in their statements whose Principal names it (`principal`).
 */
export function evaluate(policies: SourcedPolicy[], action: string, resource: string, principal: string): Evaluation {
  const allows: Evaluation['matched'] = [];
  const denies: Evaluation['matched'] = [];
  for (const policy of policies) {
    const who = policy.type === 'Resource Policy' ? principal : undefined;
    for (const statement of policy.document.Statement) {
      if (!statementApplies(statement, action, resource, who)) continue;
      (statement.Effect === 'Deny' ? denies : allows).push({ id: policy.id, type: policy.type });
    }
  }
  if (denies.length > 0) return { decision: 'explicitDeny', matched: denies };
  if (allows.length > 0) return { decision: 'allowed', matched: allows };
  return { decision: 'implicitDeny', matched: [] };
}

/**
 * Whether a trust policy lets the service principal (e.g. `ecs-tasks.amazonaws.com`) assume the role: an Allow names
 * it or everyone (`"Principal": "*"`, which IAM lets any principal, services included, use), and no Deny names it
 * or everyone: an explicit Deny wins over the Allow beside it.
 */
export function trusts(trust: PolicyDocument, service: string): boolean {
  const naming = trust.Statement.filter(
    (statement) =>
      asList(statement.Action).some((pattern) => wildcardMatch(pattern, 'sts:AssumeRole', true)) &&
      statement.Principal !== undefined &&
      (statement.Principal === '*' || asList(statement.Principal.Service).includes(service)),
  );
  return naming.some((s) => s.Effect === 'Allow') && !naming.some((s) => s.Effect === 'Deny');
}
