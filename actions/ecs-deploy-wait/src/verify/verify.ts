/**
 * Verify (input `verify`): before any write, with reads only, check that the task definition to deploy can start and
 * that the service can take it (@ecs-actions/core/verify): roles, secrets, images and their platform, log groups,
 * the execution role's permissions, load balancer and Service Connect ports. With `fail`, a finding that would
 * certainly fail the rollout ends the step here and nothing is registered or deployed; other findings are warnings.
 */
import { DescribeTaskDefinitionCommand, type Service } from '@aws-sdk/client-ecs';
import { ConfigurationError, formatDuration } from '@ecs-actions/core';
import type { VerifyReport, VerifyTarget } from '@ecs-actions/core/verify';
import type { CallLimits, DeploySession } from '../session.js';

/** What verify found, as the log and the summary show it (each line says whether it would fail the rollout). */
export interface VerifyOutcome {
  report: VerifyReport;
  lines: string[];
}

export async function runVerify(
  session: DeploySession,
  service: Service,
  limits: CallLimits,
): Promise<VerifyOutcome | undefined> {
  const { inputs, deps, log } = session;
  if (inputs.verify === 'off' || !deps.verify) return undefined;
  const started = Date.now();
  const [{ verifyTaskDefinition, verifyLine }, taskDefinition] = await Promise.all([
    import('@ecs-actions/core/verify'),
    taskDefinitionToVerify(session, limits),
  ]);
  const target: VerifyTarget = {
    region: deps.region,
    taskDefinition,
    service: serviceToVerify(session, service),
  };
  const report = await verifyTaskDefinition(target, deps.verify, {
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const certain = report.findings.filter((finding) => finding.certain);
  log.info(
    `Verify of ${inputs.service}'s new task definition: ${report.findings.length === 0 ? 'no findings' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`} (${report.reads} reads in ${formatDuration(Date.now() - started)}; verify: ${inputs.verify})`,
  );
  for (const note of report.notes) log.info(`  ${note}`);
  if (certain.length > 0 && inputs.verify === 'fail' && !inputs.dryRun) {
    throw new ConfigurationError(
      `Verify found ${certain.length} problem${certain.length === 1 ? '' : 's'} that would fail the rollout of service ${inputs.service} (verify: fail); nothing was registered or deployed:\n${certain.map((finding) => `- ${verifyLine(finding)}`).join('\n')}\nFix them, or set verify: warn to deploy anyway.`,
    );
  }
  const lines = report.findings.map(
    (finding) => `${finding.certain ? 'would fail the rollout' : 'may fail the rollout'}: ${verifyLine(finding)}`,
  );
  for (const line of lines) log.warning(`Verify: ${line}`);
  return { report, lines };
}

/** The task definition to deploy: the rendered file, or the registered revision (described). */
async function taskDefinitionToVerify(
  session: DeploySession,
  limits: CallLimits,
): Promise<VerifyTarget['taskDefinition']> {
  const source = session.inputs.taskDefinition;
  if (source.kind === 'file') return source.rendered.request as VerifyTarget['taskDefinition'];
  const described = await session.bounded(
    'DescribeTaskDefinition',
    (o) => session.deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: source.arn }), o),
    limits,
  );
  return (described.taskDefinition ?? {}) as VerifyTarget['taskDefinition'];
}

/** The service as it will be: the service definition's load balancers and Service Connect, else the running ones. */
function serviceToVerify(session: DeploySession, service: Service): VerifyTarget['service'] {
  const settings = (session.inputs.serviceDefinition?.settings ?? {}) as NonNullable<VerifyTarget['service']>;
  // DescribeServices shows Service Connect on the deployments; the PRIMARY one is what the service uses now.
  const running = service.deployments?.find((d) => d.status === 'PRIMARY')?.serviceConnectConfiguration;
  const serviceConnect = settings.serviceConnectConfiguration ?? running;
  return {
    loadBalancers: settings.loadBalancers ?? service.loadBalancers ?? [],
    ...(serviceConnect ? { serviceConnectConfiguration: serviceConnect } : {}),
  };
}
