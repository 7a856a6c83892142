/**
 * Verify (input `verify` of ecs-deploy-wait and ecs-run-task): before any change, with reads only and concurrently,
 * check what makes a task fail to start or an update be refused: the task and execution roles (roles.ts), the
 * secrets (secrets.ts), the images and their platform (images.ts), the awslogs log groups (log-groups.ts), the
 * execution role's permissions for all of them (permissions.ts), and the service's load balancer and Service Connect
 * ports (ports.ts). Each finding says what, why the rollout would fail, and the fix; a denied read is one note.
 */
import { checkImages } from './images.js';
import { checkLogGroups } from './log-groups.js';
import { checkPermissions } from './permissions.js';
import { checkPorts } from './ports.js';
import { type VerifyReadOptions, VerifyReads } from './read.js';
import { checkRoles } from './roles.js';
import { checkSecrets } from './secrets.js';
import type { VerifyClients, VerifyFinding, VerifyReport, VerifyTarget } from './types.js';

export { platformsOf } from './images.js';
export { trustsEcsTasks } from './roles.js';
export type {
  ContainerToVerify,
  PermissionNeed,
  VerifyClients,
  VerifyFinding,
  VerifyReport,
  VerifyTarget,
} from './types.js';

/** `fail`: a certain finding stops the step before any write; `warn`: findings are warnings; `off`: no reads. */
export type VerifyMode = 'fail' | 'warn' | 'off';
export const VERIFY_MODES: readonly VerifyMode[] = ['fail', 'warn', 'off'];

/** How long verify's reads may take in all, by default (real ms): reads run concurrently, each well under this. */
export const VERIFY_BUDGET_MS = 20_000;

export async function verifyTaskDefinition(
  target: VerifyTarget,
  clients: VerifyClients,
  options: Partial<VerifyReadOptions> = {},
): Promise<VerifyReport> {
  const reads = new VerifyReads({
    budgetMs: options.budgetMs ?? VERIFY_BUDGET_MS,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const [roles, secrets, images, logGroups] = await Promise.all([
    checkRoles(target, clients, reads),
    checkSecrets(target, clients, reads),
    checkImages(target, clients, reads),
    checkLogGroups(target, clients, reads),
  ]);
  const executionRole = target.taskDefinition.executionRoleArn;
  // Only a role that exists and trusts ECS is worth simulating: its findings above already stop the task.
  const permissions =
    executionRole && roles.executionRoleUsable
      ? await checkPermissions(executionRole, [...secrets.needs, ...images.needs, ...logGroups.needs], clients, reads)
      : [];
  const findings = [
    ...roles.findings,
    ...secrets.findings,
    ...images.findings,
    ...logGroups.findings,
    ...permissions,
    ...checkPorts(target),
  ];
  return { findings, notes: reads.notes, reads: reads.count };
}

/**
 * One line per finding: what, why the rollout would fail, the fix. A line break in the task definition's text (a
 * valueFrom can hold one) is shown as `\n`, so each finding stays one item of the error's list.
 */
export function verifyLine(finding: VerifyFinding): string {
  return `${finding.what}: ${finding.why}. Fix: ${finding.fix}.`.replace(/\r\n|\r|\n/g, '\\n');
}
