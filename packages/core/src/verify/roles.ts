/**
 * The task and execution roles: each exists (iam:GetRole) and trusts `ecs-tasks.amazonaws.com` (its trust policy,
 * which IAM answers URL-encoded). Without an execution role, what needs one (ECR images, secrets, awslogs) is a
 * finding too.
 */
import { codeOf, isExpectedError, type VerifyReads } from './read.js';
import type { VerifyClients, VerifyFinding, VerifyTarget } from './types.js';

const ECS_TASKS = 'ecs-tasks.amazonaws.com';

export async function checkRoles(target: VerifyTarget, clients: VerifyClients, reads: VerifyReads) {
  const { executionRoleArn, taskRoleArn } = target.taskDefinition;
  const roles = [
    ...(executionRoleArn ? [{ arn: executionRoleArn, kind: 'execution role' }] : []),
    ...(taskRoleArn && taskRoleArn !== executionRoleArn ? [{ arn: taskRoleArn, kind: 'task role' }] : []),
  ];
  const found = await Promise.all(roles.map((role) => checkRole(role.arn, role.kind, clients, reads)));
  const findings = found.flatMap((result) => result.findings);
  const executionRoleUsable = executionRoleArn !== undefined && found[0]?.usable !== false;
  const needing = needsExecutionRole(target);
  if (!executionRoleArn && needing.length > 0) {
    findings.push({
      check: 'execution-role-missing',
      what: `the task definition has no executionRoleArn, but ${needing.join(', ')} need one`,
      why: 'ECS pulls private images, reads secrets and writes awslogs with the execution role: the task fails to start',
      fix: 'set executionRoleArn to a role that trusts ecs-tasks.amazonaws.com (e.g. one with the AmazonECSTaskExecutionRolePolicy)',
      certain: true,
    });
  }
  return { findings, executionRoleUsable };
}

async function checkRole(arn: string, kind: string, clients: VerifyClients, reads: VerifyReads) {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const { GetRoleCommand } = await import('@aws-sdk/client-iam');
  const iam = await clients.iam();
  const answer = await reads.attempt(
    'iam:GetRole',
    `the ${kind} ${arn}`,
    (options) => iam.send(new GetRoleCommand({ RoleName: name }), options),
    (error) => codeOf(error) === 'NoSuchEntityException' || codeOf(error) === 'NoSuchEntity',
  );
  const findings: VerifyFinding[] = [];
  if (answer === undefined) return { findings, usable: undefined };
  if (isExpectedError(answer)) {
    findings.push({
      check: 'role-missing',
      what: `the ${kind} ${arn} does not exist`,
      why:
        kind === 'execution role'
          ? 'ECS cannot assume it to pull the image, read secrets or write logs: every task fails to start'
          : 'ECS cannot give the task its credentials: the task fails to start',
      fix: `create the role (trusting ${ECS_TASKS}) or correct ${kind === 'execution role' ? 'executionRoleArn' : 'taskRoleArn'} in the task definition`,
      certain: true,
    });
    return { findings, usable: false };
  }
  const document = answer.Role?.AssumeRolePolicyDocument;
  const trust = document === undefined ? 'trusted' : trustOf(document);
  if (trust !== 'trusted') {
    const denied = trust === 'denied';
    findings.push({
      check: 'role-trust',
      what: `the ${kind} ${arn} does not trust ${ECS_TASKS}${denied ? ': its trust policy has a Deny of sts:AssumeRole for it' : ''}`,
      why: `${denied ? 'an explicit Deny wins over any Allow beside it' : 'its trust policy does not name it'}: ECS cannot assume the role and the task fails to start`,
      fix: denied
        ? `remove the Deny statement that names ${ECS_TASKS} (or \`*\`) from the role's trust policy`
        : `add a statement to the role's trust policy: {"Effect": "Allow", "Principal": {"Service": "${ECS_TASKS}"}, "Action": "sts:AssumeRole"}`,
      certain: true,
    });
    return { findings, usable: false };
  }
  return { findings, usable: true };
}

/**
 * Whether a trust policy (URL-encoded JSON, or JSON) lets ECS tasks assume the role: an Allow statement whose action
 * matches sts:AssumeRole (wildcards as IAM reads them) and whose principal is ECS tasks or everyone (`*`), and no Deny
 * statement that matches them (an explicit Deny wins over any Allow, as IAM evaluates it). A document that cannot be
 * read is taken as trusting: no finding is made up.
 */
export function trustsEcsTasks(document: string): boolean {
  return trustOf(document) === 'trusted';
}

/** `trusted`, `not-named` (no Allow names ECS tasks) or `denied` (a Deny names them, whatever allows them). */
export function trustOf(document: string): 'trusted' | 'not-named' | 'denied' {
  let policy: unknown;
  try {
    policy = JSON.parse(decodeIfEncoded(document));
  } catch {
    return 'trusted';
  }
  if (typeof policy !== 'object' || policy === null) return 'trusted';
  const statements = list((policy as { Statement?: unknown }).Statement).filter(
    (statement): statement is Record<string, unknown> => typeof statement === 'object' && statement !== null,
  );
  if (statements.length === 0) return 'trusted';
  const matching = statements.filter(appliesToEcsTasks);
  // A Deny with a Condition may not apply to ECS (the confused-deputy guard on aws:SourceAccount does not):
  // verify does not evaluate conditions, so only an unconditional Deny is certain.
  if (matching.some((s) => s.Effect === 'Deny' && s.Condition === undefined)) return 'denied';
  return matching.some((s) => s.Effect === 'Allow') ? 'trusted' : 'not-named';
}

/**
 * Whether a statement covers sts:AssumeRole (its Action matches it, or its NotAction does not) and ECS tasks (its
 * Principal is ECS tasks or everyone, or its NotPrincipal excepts neither them nor everyone).
 */
function appliesToEcsTasks(statement: Record<string, unknown>): boolean {
  const matchesAssume = (action: unknown) => typeof action === 'string' && wildcardMatches(action, 'sts:AssumeRole');
  // NotAction: every action but those it lists.
  const assumes =
    statement.NotAction !== undefined
      ? !list(statement.NotAction).some(matchesAssume)
      : list(statement.Action).some(matchesAssume);
  const names = (principal: unknown) =>
    principal === '*' ||
    (typeof principal === 'object' &&
      principal !== null &&
      list((principal as { Service?: unknown }).Service).includes(ECS_TASKS));
  const covered = statement.NotPrincipal !== undefined ? !names(statement.NotPrincipal) : names(statement.Principal);
  return assumes && covered;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** An IAM action pattern (`*` any run, `?` one character, case-insensitive) against an action. */
function wildcardMatches(pattern: string, action: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(action);
}

function decodeIfEncoded(document: string): string {
  return document.trim().startsWith('{') ? document : decodeURIComponent(document);
}

/** What in the task definition needs the execution role. */
function needsExecutionRole(target: VerifyTarget): string[] {
  const containers = target.taskDefinition.containerDefinitions ?? [];
  const needs: string[] = [];
  if (containers.some((c) => /\.dkr\.ecr\./.test(c.image ?? ''))) needs.push('ECR images');
  if (containers.some((c) => (c.secrets ?? []).length > 0)) needs.push('secrets');
  if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) needs.push('the awslogs log driver');
  return needs;
}
