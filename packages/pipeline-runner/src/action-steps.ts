/**
 * `uses:` steps: a local stand-in for a third-party action (stand-ins.ts), or one of our actions run from its
 * committed bundle with its inputs resolved against action.yml; and at the job's end, their post steps.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { parse as parseYaml } from 'yaml';
import { type ExpressionContexts, evaluateTemplate, type JobStatus } from './expressions.js';
import { ourUses } from './our-repository.js';
import type {
  JobScope,
  RunnerServices,
  StandIn,
  StandInContext,
  StandInResult,
  StepInvocation,
  StepRun,
} from './runner-types.js';
import { THIRD_PARTY_INPUTS, unexpectedInputsWarning } from './third-party-inputs.js';

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
  runs: { using: string; main: string; post?: string };
}

/** What an action step runs with: what a stand-in is given of the job, and more. */
export interface ActionContext
  extends Pick<StandInContext, 'workspace' | 'temp' | 'trigger' | 'token' | 'permissions' | 'environment'> {
  processEnv: Record<string, string>;
  contexts: ExpressionContexts;
  status: JobStatus;
  jobId: string;
  stepId: string;
  onPost(bundle: string, state: Record<string, string>, inputs: Record<string, string>): void;
}

export async function runAction(
  services: RunnerServices,
  uses: string,
  given: Record<string, string>,
  ctx: ActionContext,
): Promise<StepInvocation> {
  const bare = uses.replace(/@[^@]*$/, '');
  const { options } = services;
  const ours = ourUses(options.root).actions.exec(uses);
  const local = /^\.\/actions\/([a-z0-9-]+)$/.exec(uses);
  const name = ours?.[1] ?? local?.[1];
  const actionDir = name ? path.join(options.root, 'actions', name) : undefined;
  const metadataFile = actionDir && path.join(actionDir, 'action.yml');
  const metadata =
    metadataFile && existsSync(metadataFile)
      ? (parseYaml(await readFile(metadataFile, 'utf8')) as ActionMetadata)
      : undefined;
  const declared = metadata ? Object.keys(metadata.inputs ?? {}) : THIRD_PARTY_INPUTS[bare];
  const unexpected = declared && unexpectedInputsWarning(Object.keys(given), declared);
  const standIn = services.standIns[bare];
  const invocation = standIn
    ? await runStandIn(services, standIn, given, ctx)
    : await runBundledAction(services, uses, given, ctx, { name, actionDir, metadata });
  if (unexpected) invocation.warnings.unshift(unexpected);
  return invocation;
}

/** One of our actions, run from its committed bundle with its inputs resolved against its action.yml. */
async function runBundledAction(
  services: RunnerServices,
  uses: string,
  given: Record<string, string>,
  ctx: ActionContext,
  action: { name: string | undefined; actionDir: string | undefined; metadata: ActionMetadata | undefined },
): Promise<StepInvocation> {
  const { options } = services;
  const { name, actionDir, metadata } = action;
  if (!name || !actionDir) throw new Error(`No local stand-in for the action ${uses}`);
  if (!metadata) throw new Error(`${uses}: ${path.join(actionDir, 'action.yml')} does not exist`);
  const inputs = actionInputs(services, uses, name, metadata, given, ctx);
  const bundle = path.join(actionDir, metadata.runs.main);
  if (!existsSync(bundle)) throw new Error(`${uses}: ${bundle} does not exist (run pnpm build ${name})`);
  const bundleRun: BundleRun = await runBundle({
    bundle,
    inputs,
    env: ctx.processEnv,
    workspace: ctx.workspace,
    event: { name: ctx.trigger.eventName, payload: ctx.trigger.payload },
    timeoutMs: options.stepTimeoutMs ?? 300_000,
  });
  services.emit({ type: 'output', job: ctx.jobId, step: ctx.stepId, text: bundleRun.log });
  if (metadata.runs.post) {
    ctx.onPost(path.join(actionDir, metadata.runs.post), bundleRun.state, inputs);
  }
  return {
    exitCode: bundleRun.exitCode,
    outputs: bundleRun.outputs,
    env: bundleRun.env,
    summary: bundleRun.summary,
    log: bundleRun.log,
    errors: bundleRun.errors,
    warnings: bundleRun.warnings,
    notices: bundleRun.notices,
    inputs,
  };
}

async function runStandIn(
  services: RunnerServices,
  standIn: StandIn,
  given: Record<string, string>,
  ctx: ActionContext,
): Promise<StepInvocation> {
  const result: StandInResult = await standIn({
    inputs: given,
    env: ctx.processEnv,
    workspace: ctx.workspace,
    temp: ctx.temp,
    trigger: ctx.trigger,
    token: ctx.token,
    permissions: ctx.permissions,
    ...(ctx.environment ? { environment: ctx.environment } : {}),
    runner: services.options,
  });
  return {
    exitCode: result.error ? 1 : 0,
    outputs: result.outputs ?? {},
    env: result.env ?? {},
    summary: '',
    log: result.log ?? '',
    errors: result.error ? [result.error] : [],
    warnings: [],
    notices: [],
    inputs: given,
  };
}

/** The inputs our action gets: `with:`, else the test's input defaults, else action.yml's defaults (evaluated). */
function actionInputs(
  services: RunnerServices,
  uses: string,
  name: string,
  metadata: ActionMetadata,
  given: Record<string, string>,
  ctx: ActionContext,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const key of Object.keys(given)) {
    if (!(key in (metadata.inputs ?? {}))) {
      // The runner warns (runAction) and passes it on.
      inputs[key] = given[key] ?? '';
    }
  }
  for (const [key, definition] of Object.entries(metadata.inputs ?? {})) {
    const override = services.options.inputDefaults?.[name]?.[key];
    if (key in given) inputs[key] = given[key] ?? '';
    else if (override !== undefined) inputs[key] = override;
    else if (definition.default !== undefined) {
      inputs[key] = evaluateTemplate(String(definition.default), ctx.contexts, ctx.status);
    } else if (definition.required) {
      throw new Error(`Input required and not supplied: ${key} (${uses})`);
    }
  }
  return inputs;
}

/** INPUT_<NAME> variables, as the post step of an action gets them too. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}

/** Post steps: in reverse order, for every action whose main step ran (post-if: always()). */
export async function runPostSteps(services: RunnerServices, scope: JobScope): Promise<void> {
  for (const post of scope.posts.reverse()) {
    const bundleRun = await runBundle({
      bundle: post.bundle,
      env: post.env,
      state: post.state,
      workspace: scope.workspace,
      event: { name: scope.trigger.eventName, payload: scope.trigger.payload },
      timeoutMs: services.options.stepTimeoutMs ?? 300_000,
    });
    const record: StepRun = {
      ...post.step,
      name: `Post ${post.step.name}`,
      post: true,
      outcome: bundleRun.exitCode === 0 ? 'success' : 'failure',
      conclusion: bundleRun.exitCode === 0 ? 'success' : 'failure',
      outputs: {},
      log: services.mask(bundleRun.log),
      summary: bundleRun.summary,
      errors: bundleRun.errors.map((e) => services.mask(e)),
      warnings: bundleRun.warnings,
      notices: bundleRun.notices,
      exitCode: bundleRun.exitCode,
    };
    if (record.conclusion === 'failure') scope.status.failed = true;
    scope.jobRun.steps.push(record);
    services.emit({ type: 'step-end', job: scope.id, step: record });
  }
}
