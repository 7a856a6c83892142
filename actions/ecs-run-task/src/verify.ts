/**
 * Verify (input `verify`) before the task definition is registered or run: the same checks as ecs-deploy-wait's
 * (@ecs-actions/core/verify: roles, secrets, images and their platform, log groups, the execution role's
 * permissions), without a service's ports. With `fail`, a finding that would certainly stop the task before its
 * containers start ends the step here: nothing is registered or run.
 */
import { ConfigurationError } from '@ecs-actions/core';
import type { VerifyTarget } from '@ecs-actions/core/verify';
import type { RunTaskInputs } from './inputs.js';
import type { RunTaskDeps } from './types.js';

export async function verifyBeforeRun(
  inputs: RunTaskInputs,
  deps: RunTaskDeps,
  taskDefinition: VerifyTarget['taskDefinition'],
): Promise<void> {
  if (inputs.verify === 'off' || !deps.verify) return;
  const { verifyTaskDefinition, verifyLine } = await import('@ecs-actions/core/verify');
  const report = await verifyTaskDefinition({ region: deps.region, taskDefinition }, deps.verify, {
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const certain = report.findings.filter((finding) => finding.certain);
  deps.log.info(
    `Verify of the task definition: ${report.findings.length === 0 ? 'no findings' : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`} (verify: ${inputs.verify})`,
  );
  for (const note of report.notes) deps.log.info(`  ${note}`);
  if (certain.length > 0 && inputs.verify === 'fail') {
    throw new ConfigurationError(
      `Verify found ${certain.length} problem${certain.length === 1 ? '' : 's'} that would stop the task before it starts (verify: fail); nothing was registered or run:\n${certain.map((finding) => `- ${verifyLine(finding)}`).join('\n')}\nFix them, or set verify: warn to run anyway.`,
    );
  }
  for (const finding of report.findings) deps.log.warning(`Verify: ${verifyLine(finding)}`);
}
