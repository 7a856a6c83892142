/**
 * What the execution role may do: iam:SimulatePrincipalPolicy for each action the other checks need, on its
 * resources (one call per action, its resources together). An explicit deny is certain to fail the rollout; an
 * implicit deny is certain only where no resource policy could allow it (PermissionNeed.implicitDenyIsCertain).
 * SimulatePrincipalPolicy sees the role's own policies; it does not see service control policies or permissions
 * boundaries applied elsewhere, so an `allowed` here can still fail on AWS.
 */
import type { VerifyReads } from './read.js';
import type { PermissionNeed, VerifyClients, VerifyFinding } from './types.js';

export async function checkPermissions(
  roleArn: string,
  needs: PermissionNeed[],
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<VerifyFinding[]> {
  if (needs.length === 0) return [];
  const { SimulatePrincipalPolicyCommand } = await import('@aws-sdk/client-iam');
  const iam = await clients.iam();
  const byAction = new Map<string, PermissionNeed[]>();
  for (const need of needs) byAction.set(need.action, [...(byAction.get(need.action) ?? []), need]);
  const answers = await Promise.all(
    [...byAction].map(async ([action, group]) => {
      const answer = await reads.attempt(
        'iam:SimulatePrincipalPolicy',
        `whether the execution role may ${action}`,
        (options) =>
          iam.send(
            new SimulatePrincipalPolicyCommand({
              PolicySourceArn: roleArn,
              ActionNames: [action],
              ResourceArns: group.map((need) => need.resource),
            }),
            options,
          ),
      );
      if (answer === undefined || 'error' in answer) return [];
      return (answer.EvaluationResults ?? []).flatMap((result) => {
        const need = group.find((candidate) => candidate.resource === result.EvalResourceName) ?? group[0];
        if (!need || result.EvalDecision === 'allowed') return [];
        return [denied(roleArn, need, result.EvalDecision ?? 'implicitDeny')];
      });
    }),
  );
  return answers.flat();
}

function denied(roleArn: string, need: PermissionNeed, decision: string): VerifyFinding {
  const explicit = decision === 'explicitDeny';
  const certain = explicit || need.implicitDenyIsCertain;
  return {
    check: 'execution-role-permission',
    what: `the execution role ${roleArn} may not ${need.action} on ${need.resource} (to ${need.purpose}): ${explicit ? 'an explicit Deny' : 'no policy of the role allows it'}`,
    why: certain
      ? 'each task stops with "ResourceInitializationError" before its containers start'
      : `the task fails to start unless a resource policy (of the ${need.action.split(':')[0]} resource or its KMS key) allows it`,
    fix: explicit
      ? `remove or narrow the Deny statement for ${need.action} in the role's policies`
      : `allow ${need.action} on ${need.resource} in a policy of the execution role`,
    certain,
  };
}
