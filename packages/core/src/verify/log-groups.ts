/**
 * Every `awslogs` log group exists (logs:DescribeLogGroups by its name as prefix), or `awslogs-create-group` is
 * `true` and the execution role may create it (a need for the simulation).
 */
import { partitionOf, type VerifyReads } from './read.js';
import type { CheckResult, VerifyClients, VerifyFinding, VerifyTarget } from './types.js';

export async function checkLogGroups(
  target: VerifyTarget,
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<CheckResult> {
  const groups = new Map<string, { region: string; name: string; create: boolean; containers: string[] }>();
  for (const container of target.taskDefinition.containerDefinitions ?? []) {
    const config = container.logConfiguration;
    const name = config?.options?.['awslogs-group'];
    if (config?.logDriver !== 'awslogs' || !name) continue;
    const region = config.options?.['awslogs-region'] ?? target.region;
    const key = `${region} ${name}`;
    const entry = groups.get(key) ?? { region, name, create: false, containers: [] };
    entry.create ||= config.options?.['awslogs-create-group'] === 'true';
    entry.containers.push(container.name ?? '?');
    groups.set(key, entry);
  }
  const results = await Promise.all(
    [...groups.values()].map(async (group): Promise<CheckResult> => {
      const { DescribeLogGroupsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
      const logs = await clients.logs(group.region);
      const answer = await reads.attempt('logs:DescribeLogGroups', `log group ${group.name}`, (options) =>
        logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group.name, limit: 50 }), options),
      );
      if (answer === undefined || 'error' in answer) return { findings: [], needs: [] };
      const found = answer.logGroups?.find((candidate) => candidate.logGroupName === group.name);
      if (found) return { findings: [], needs: [] };
      if (group.create) {
        const account = target.taskDefinition.executionRoleArn?.split(':')[4] ?? '';
        return {
          findings: [],
          needs: [
            {
              action: 'logs:CreateLogGroup',
              resource: `arn:${partitionOf(group.region)}:logs:${group.region}:${account}:log-group:${group.name}`,
              purpose: `create log group ${group.name} (awslogs-create-group)`,
              implicitDenyIsCertain: true,
            },
          ],
        };
      }
      const finding: VerifyFinding = {
        check: 'log-group-missing',
        what: `log group ${group.name} (${group.region}; container${group.containers.length === 1 ? '' : 's'} ${group.containers.join(', ')}) does not exist and awslogs-create-group is not set`,
        why: 'each task stops with "ResourceInitializationError: failed to validate logger args: ... The specified log group does not exist"',
        fix: `create it (aws logs create-log-group --log-group-name ${group.name}), or set the log option awslogs-create-group to "true" and allow the execution role logs:CreateLogGroup`,
        certain: true,
      };
      return { findings: [finding], needs: [] };
    }),
  );
  return { findings: results.flatMap((r) => r.findings), needs: results.flatMap((r) => r.needs) };
}
