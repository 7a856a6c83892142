/**
 * The preflight (input `preflight`): before any change, read the service and what it depends on, report each
 * finding in one line (what, why it matters, the fix) and the least time a rollout will take. With `fail`, a
 * finding fails the step and nothing is changed; with `warn` (default) findings are warnings; `off` reads nothing.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '@ecs-actions/core';
import type { CallLimits, DeploySession } from '../session.js';
import { type Finding, findingLine, findingsOf } from './checks.js';
import { readPreflightFacts } from './read.js';
import { predictRollout, type RolloutPrediction } from './rollout-time.js';

export interface PreflightReport {
  findings: Finding[];
  prediction?: RolloutPrediction;
  /** Reads that failed, and the checks they skipped. */
  notes: string[];
}

export async function runPreflight(
  session: DeploySession,
  service: Service,
  limits: CallLimits,
): Promise<PreflightReport | undefined> {
  const { inputs, log } = session;
  if (inputs.preflight === 'off') return undefined;
  const { facts, notes } = await readPreflightFacts(session, service, limits);
  const findings = findingsOf(facts);
  const prediction = predictRollout(facts);
  log.info(
    `Preflight of service ${inputs.service}: ${findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`} (preflight: ${inputs.preflight})`,
  );
  for (const note of notes) log.info(`  ${note}`);
  if (prediction) log.info(`  ${prediction.text}`);
  if (findings.length > 0 && inputs.preflight === 'fail') {
    throw new ConfigurationError(
      `Preflight found ${findings.length} problem${findings.length === 1 ? '' : 's'} with service ${inputs.service} (preflight: fail); nothing was registered or deployed:\n${findings.map((finding) => `- ${findingLine(finding)}`).join('\n')}\nFix them, or set preflight: warn to deploy anyway.`,
    );
  }
  for (const finding of findings) log.warning(`Preflight: ${findingLine(finding)}`);
  return { findings, ...(prediction ? { prediction } : {}), notes };
}
