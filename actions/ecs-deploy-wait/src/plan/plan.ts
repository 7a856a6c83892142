/**
 * The plan (input `dry-run: true`): what a deploy would do, with reads only. The preflight, verify, the task
 * definition's diff against what the service runs, the service settings' diff, and the predicted rollout time;
 * nothing is registered, updated or tagged. The plan goes to the log, the job summary and the `plan` output.
 */
import { DescribeTaskDefinitionCommand, type Service } from '@aws-sdk/client-ecs';
import { CONTROL_CHARACTERS, formatDuration, markdownText } from '@ecs-actions/core';
import { type Change, diffTaskDefinitions, formatDiff } from '@ecs-actions/core/ecs';
import { findingLine } from '../preflight/checks.js';
import { type PreflightReport, runPreflight } from '../preflight/preflight.js';
import { resolveTaskDefinition } from '../register.js';
import { serviceSettingsDiff } from '../service-definition/diff.js';
import type { CallLimits, DeploySession } from '../session.js';
import { shortTaskDefinition } from '../taskdef.js';
import type { Known } from '../types.js';
import { runVerify, type VerifyOutcome } from '../verify/verify.js';

export interface DeployPlan {
  /** What the plan carries into the result (images, ARNs, preflight, settings). */
  known: Known;
  /** One sentence. */
  message: string;
  /** The plan as Markdown, for the summary and the `plan` output. */
  markdown: string;
}

export async function planDeploy(
  session: DeploySession,
  before: Service,
  limits: () => CallLimits,
  base: Pick<Known, 'cluster' | 'service' | 'consoleUrl' | 'stoppedTasks'>,
): Promise<DeployPlan> {
  const { inputs, log } = session;
  const resolved = await resolveTaskDefinition(session, before, limits());
  const [preflight, verified, changes] = await Promise.all([
    runPreflight(session, before, limits()),
    runVerify(session, before, limits()),
    taskDefinitionChanges(session, before, limits()),
  ]);
  const taskDefinitionDiff = changes && changes.length > 0 ? formatDiff(changes) : changes && [];
  const definition = inputs.serviceDefinition;
  const settings = definition ? serviceSettingsDiff(definition.settings, before) : undefined;
  const verifyFindings = verified?.lines ?? [];
  const prediction = preflight?.prediction;
  const target = resolved.deployArn
    ? shortTaskDefinition(resolved.deployArn)
    : 'a new revision (registered by the deploy)';
  const failing = (verified?.report.findings ?? []).filter((finding) => finding.certain).length;
  const message =
    `Dry run: would deploy ${target} to ${inputs.service}` +
    (changes ? ` (${changes.length} task definition change${changes.length === 1 ? '' : 's'})` : '') +
    (settings?.length ? `, with ${settings.length} service setting change${settings.length === 1 ? '' : 's'}` : '') +
    (prediction ? `; a rollout takes at least ${formatDuration(prediction.leastMs)}` : '') +
    (failing > 0 ? `; verify found ${failing} problem${failing === 1 ? '' : 's'} that would fail it` : '') +
    '. Nothing was registered, updated or tagged.';
  const markdown = planMarkdown({
    service: inputs.service,
    from: before.taskDefinition ? shortTaskDefinition(before.taskDefinition) : 'none',
    target,
    taskDefinitionDiff,
    settings,
    prediction: prediction?.text,
    verified,
    preflight,
  });
  log.info(message);
  if (taskDefinitionDiff?.length)
    log.info(`Task definition changes:\n${taskDefinitionDiff.map((l) => `  ${l}`).join('\n')}`);
  return {
    known: {
      ...base,
      previousTaskDefinitionArn: before.taskDefinition,
      ...(resolved.deployArn ? { taskDefinitionArn: resolved.deployArn } : {}),
      images: resolved.images,
      ...(preflight
        ? {
            preflight: {
              findings: preflight.findings.map(findingLine),
              ...(prediction ? { predictedMs: prediction.leastMs, prediction: prediction.text } : {}),
            },
          }
        : {}),
      ...(settings ? { serviceSettings: settings } : {}),
      ...(verified ? { verify: { findings: verifyFindings, notes: verified.report.notes } } : {}),
    },
    message,
    markdown,
  };
}

/** The changes from the running task definition to the one to deploy; undefined when unreadable. */
async function taskDefinitionChanges(
  session: DeploySession,
  before: Service,
  limits: CallLimits,
): Promise<Change[] | undefined> {
  const { deps, inputs } = session;
  const describe = async (taskDefinition: string) => {
    const answer = await session.bounded(
      'DescribeTaskDefinition',
      (o) => deps.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }), o),
      limits,
    );
    return (answer.taskDefinition ?? {}) as Record<string, unknown>;
  };
  if (!before.taskDefinition) return undefined;
  try {
    const source = inputs.taskDefinition;
    const [running, next] = await Promise.all([
      describe(before.taskDefinition),
      source.kind === 'file'
        ? Promise.resolve(source.rendered.request as unknown as Record<string, unknown>)
        : describe(source.arn),
    ]);
    return diffTaskDefinitions(running, next);
  } catch (error) {
    if (session.cancelled) throw error;
    return undefined;
  }
}

/** What the plan shows, gathered by planDeploy. */
interface PlanParts {
  service: string;
  from: string;
  target: string;
  taskDefinitionDiff: string[] | undefined;
  settings: string[] | undefined;
  prediction: string | undefined;
  verified: VerifyOutcome | undefined;
  preflight: PreflightReport | undefined;
}

/** The plan as Markdown: changes first, then the time it takes, then what may stop it. */
function planMarkdown(plan: PlanParts): string {
  return [
    `#### Plan for ${plan.service} (dry run: nothing was changed)`,
    '',
    `Task definition: ${plan.from} → ${plan.target}`,
    '',
    '##### Task definition changes',
    '',
    ...(plan.taskDefinitionDiff === undefined
      ? ['(not compared: the running task definition could not be read)']
      : plan.taskDefinitionDiff.length === 0
        ? ['No change.']
        : diffBlock(plan.taskDefinitionDiff)),
    '',
    '##### Service settings',
    '',
    ...(plan.settings === undefined
      ? ['No service definition given: the settings stay as they are.']
      : plan.settings.length === 0
        ? ['No change.']
        : diffBlock(plan.settings.map((line) => line.replace(/^~/, '!')))),
    '',
    '##### Predicted rollout time',
    '',
    plan.prediction ?? '(no prediction: not a rolling update, or preflight is off)',
    '',
    '##### Verify',
    '',
    ...(plan.verified === undefined
      ? ['(verify is off)']
      : plan.verified.lines.length === 0
        ? ['No findings.']
        : plan.verified.lines.map((line) => `- ${markdownText(line)}`)),
    ...(plan.verified?.report.notes.length
      ? ['', ...plan.verified.report.notes.map((note) => `- ${markdownText(note)}`)]
      : []),
    '',
    '##### Preflight',
    '',
    ...(plan.preflight === undefined
      ? ['(preflight is off)']
      : plan.preflight.findings.length === 0
        ? ['No findings.']
        : plan.preflight.findings.map((finding) => `- ${markdownText(findingLine(finding))}`)),
  ].join('\n');
}

/**
 * Diff lines in a ```diff block they cannot leave: names and values come from the task and service definition files
 * (a pull request's, in the plan starter), so a line break in one becomes a space and the fence is longer than any
 * run of backticks in them.
 */
function diffBlock(lines: readonly string[]): string[] {
  const flat = lines.map((line) => line.replace(CONTROL_CHARACTERS, ' '));
  const longest = Math.max(
    0,
    ...flat.map((line) => Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))),
  );
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}diff`, ...flat, fence];
}
