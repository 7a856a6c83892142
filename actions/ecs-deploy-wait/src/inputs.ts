import {
  ConfigurationError,
  InputReader,
  type InputSource,
  invalidInput,
  quoteValue,
  readInputFile,
  resolveInputPath,
  runnerInputs,
} from '@ecs-actions/core';
import { type InputAlias, withAliases } from '@ecs-actions/core/aliases';
import { readTaskDefinitionFile, type TaskDefinitionFile } from '@ecs-actions/core/ecs';
import { VERIFY_MODES, type VerifyMode } from '@ecs-actions/core/verify';
import type { AppSpecFile } from './codedeploy/appspec.js';
import { ON_PAUSE_MODES, type OnPauseMode } from './pause/modes.js';
import { readServiceDefinition, type ServiceDefinition } from './service-definition/read.js';
import { refuseUnsupportedStockInputs } from './stock-inputs.js';

/** What to deploy: a rendered file to register, or an existing revision. */
export type TaskDefinitionSource = ({ kind: 'file' } & TaskDefinitionFile) | { kind: 'arn'; arn: string };

export interface DeployInputs {
  taskDefinition: TaskDefinitionSource;
  cluster: string;
  service: string;
  desiredCount: number | undefined;
  forceNewDeployment: boolean;
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  rollback: boolean;
  /** With rollback false, when the caller puts the service back instead (an application's put-back): how, for the note. */
  rollbackByCaller?: string;
  skipUnchanged: boolean;
  /** Before any change: warn about findings, fail on them, or read nothing (preflight/). */
  preflight: PreflightMode;
  /** Before any write: check roles, secrets, images, log groups and ports (verify/); `fail` stops on a certain finding. */
  verify: VerifyMode;
  /** Plan only (plan/): read, verify and diff, write nothing. */
  dryRun: boolean;
  /** create-service: create the service from serviceDefinition when it does not exist (create-service.ts). */
  createService?: boolean;
  /** Service settings applied in the same UpdateService (service-definition/). */
  serviceDefinition?: ServiceDefinition;
  /** After a successful deploy, keep this many newest ACTIVE revisions of the family (revisions.ts); undefined: off. */
  keepRevisions?: number;
  /** Revisions never deregistered (deploy tags' records: rollback targets), ARN or family:revision. */
  keepTaskDefinitions: string[];
  /** keep-revisions never deregisters a revision registered less than this long ago (another run's new one); 0: off. */
  keepRevisionsGraceMs: number;
  /** Read only for a service whose deployment controller is CODE_DEPLOY. */
  codedeploy: CodeDeployInputs;
  /** A deployment paused at a PAUSE lifecycle hook: end the step, wait for someone to continue it, or continue it. */
  onPause: OnPauseMode;
}

/** The codedeploy-* inputs (named as aws-actions/amazon-ecs-deploy-task-definition names them). */
export interface CodeDeployInputs {
  application: string;
  deploymentGroup: string;
  description?: string;
  deploymentConfig?: string;
  /** The codedeploy-appspec file as read; parsed by withParsedAppSpec (its YAML parser loads only then). */
  appSpecSource?: { text: string; shown: string };
  /** The checked codedeploy-appspec file; undefined: generated from the service's load balancer. */
  appSpec?: AppSpecFile;
}

/**
 * The inputs with the codedeploy-appspec file parsed and checked (still before any AWS call): the YAML parser is a
 * chunk of its own, loaded only when a file was given.
 */
export async function withParsedAppSpec(inputs: DeployInputs): Promise<DeployInputs> {
  const source = inputs.codedeploy.appSpecSource;
  if (!source) return inputs;
  const { parseAppSpec } = await import('./codedeploy/appspec.js');
  return { ...inputs, codedeploy: { ...inputs.codedeploy, appSpec: parseAppSpec(source.text, source.shown) } };
}

export const PREFLIGHT_MODES = ['warn', 'fail', 'off'] as const;
export type PreflightMode = (typeof PREFLIGHT_MODES)[number];

// arn:aws:ecs:us-east-1:123456789012:task-definition/family:3, or family:3 (what UpdateService accepts).
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:\d+$/;
const FAMILY_REVISION = /^[A-Za-z0-9_-]{1,255}:\d+$/;

const BOOLEAN_WORDS: Record<string, string> = {
  true: 'true',
  True: 'true',
  TRUE: 'true',
  false: 'false',
  False: 'false',
  FALSE: 'false',
};

/**
 * The names aws-actions/amazon-ecs-deploy-task-definition gives these inputs. One with the same meaning is read as
 * its new name; one whose meaning differs fails with the form to write instead.
 */
export const STOCK_ALIASES: readonly InputAlias[] = [
  {
    alias: 'wait-for-service-stability',
    name: 'wait',
    default: 'true',
    toNew: (value) => {
      const word = BOOLEAN_WORDS[value];
      if (word === undefined)
        throw invalidInput('wait-for-service-stability', value, 'must be a boolean', 'Use wait: true or wait: false.');
      return word;
    },
  },
  {
    alias: 'wait-for-minutes',
    name: 'timeout',
    default: '30m',
    toNew: (value) => {
      if (!/^[1-9]\d*$/.test(value)) {
        throw invalidInput(
          'wait-for-minutes',
          value,
          'must be whole minutes, e.g. 30',
          'Or write timeout: with a duration, e.g. 1h30m.',
        );
      }
      return `${value}m`;
    },
  },
  {
    alias: 'wait-max-delay-seconds',
    name: 'poll-interval',
    default: '5s',
    toNew: (value) => {
      throw new ConfigurationError(
        `Input "wait-max-delay-seconds" (${quoteValue(value)}) is not read by ecs-deploy-wait: it does not back off, it asks ECS at a fixed interval (default 5s). Write poll-interval: ${/^\d+$/.test(value) ? `${value}s` : '15s'} for another interval.`,
      );
    },
  },
];

/** The step's inputs, with the stock action's names read as ours (see STOCK_ALIASES). */
export function deployInputReader(source: InputSource = runnerInputs): InputReader {
  return new InputReader(withAliases(refuseUnsupportedStockInputs(source), STOCK_ALIASES));
}

/** Reads and validates every input, including the task definition file, before anything is changed. */
export function readDeployInputs(input: InputReader, workspace: string, runnerTemp?: string): DeployInputs {
  const file = input.optionalString('task-definition');
  const arn = input.optionalString('task-definition-arn');
  if (file && arn) {
    throw new ConfigurationError(
      `Inputs "task-definition" (${quoteValue(file)}) and "task-definition-arn" (${quoteValue(arn)}) are both set. Set only one: the rendered file to register, or the ARN of an existing revision to deploy.`,
    );
  }
  if (!file && !arn) {
    throw new ConfigurationError(
      'Neither "task-definition" nor "task-definition-arn" is set. Set task-definition to the rendered file (e.g. the output of ecs-render-taskdef), or task-definition-arn to an existing revision.',
    );
  }
  if (arn && !TASK_DEFINITION_ARN.test(arn) && !FAMILY_REVISION.test(arn)) {
    throw invalidInput(
      'task-definition-arn',
      arn,
      'must be a task definition ARN or family:revision',
      'Use e.g. arn:aws:ecs:us-east-1:123456789012:task-definition/my-app:42 or my-app:42.',
    );
  }

  const cluster = input.string('cluster', 'default');
  const service = input.requiredString('service');
  const desiredCount = input.integer('desired-count', { min: 0 });
  const forceNewDeployment = input.boolean('force-new-deployment', false);
  const wait = input.boolean('wait', true);
  const { timeoutMs, pollIntervalMs } = input.waitTimes();
  const rollback = input.boolean('rollback', true);
  const skipUnchanged = input.boolean('skip-unchanged', false);
  const preflight = input.oneOf('preflight', PREFLIGHT_MODES, 'warn');
  const verify = input.oneOf('verify', VERIFY_MODES, 'off');
  const dryRun = input.boolean('dry-run', false);
  const keepRevisions = input.integer('keep-revisions', { min: 1 });
  const keepTaskDefinitions = input.list('keep-task-definitions');
  const keepRevisionsGraceMs = input.duration('keep-revisions-grace', KEEP_REVISIONS_GRACE_DEFAULT, {
    min: 0,
    max: MAX_GRACE_MS,
  });
  // Both only shape keep-revisions' clean-up: set alone they would silently do nothing. The runner passes an input's
  // default (action.yml) when the step does not set it, so only a value other than the default was set on purpose.
  const defaults: Record<string, string> = {
    'keep-task-definitions': '',
    'keep-revisions-grace': KEEP_REVISIONS_GRACE_DEFAULT,
  };
  for (const [name, fallback] of Object.entries(defaults)) {
    const value = input.optionalString(name);
    if (keepRevisions === undefined && value && value !== fallback) {
      throw invalidInput(
        name,
        value,
        'applies only with keep-revisions, which is not set',
        `Set keep-revisions (how many of the family's newest revisions to keep), or remove ${name}.`,
      );
    }
  }
  for (const kept of keepTaskDefinitions) {
    if (!TASK_DEFINITION_ARN.test(kept) && !FAMILY_REVISION.test(kept)) {
      throw invalidInput(
        'keep-task-definitions',
        kept,
        'must list task definition ARNs or family:revision, one a line',
        'Use e.g. arn:aws:ecs:us-east-1:123456789012:task-definition/my-app:42 or my-app:42.',
      );
    }
  }
  const serviceDefinitionFile = input.optionalString('service-definition');
  const serviceDefinition = serviceDefinitionFile ? readServiceDefinition(serviceDefinitionFile, workspace) : undefined;
  if (serviceDefinition?.settings.desiredCount !== undefined && desiredCount !== undefined) {
    throw new ConfigurationError(
      `Inputs "desired-count" (${desiredCount}) and "service-definition" (${quoteValue(serviceDefinition.path)}, desiredCount ${serviceDefinition.settings.desiredCount}) both set the desired count. Set it in one place.`,
    );
  }

  const createService = input.boolean('create-service', false);
  if (createService && !serviceDefinition) {
    throw new ConfigurationError(
      'Input "create-service" is true but "service-definition" is empty: a service is created from the service definition file (CreateService\'s shape, with networkConfiguration for an awsvpc task definition). Set service-definition, or create-service: false.',
    );
  }
  const codedeploy = readCodeDeployInputs(input, cluster, service, workspace);
  const onPause = input.oneOf('on-pause', ON_PAUSE_MODES, 'wait');

  const taskDefinition: TaskDefinitionSource = file
    ? { kind: 'file', ...readTaskDefinitionFile(file, workspace, runnerTemp) }
    : { kind: 'arn', arn: arn ?? '' };

  return {
    taskDefinition,
    cluster,
    service,
    desiredCount,
    forceNewDeployment,
    wait,
    timeoutMs,
    pollIntervalMs,
    rollback,
    skipUnchanged,
    preflight,
    verify,
    dryRun,
    ...(serviceDefinition ? { serviceDefinition } : {}),
    ...(createService ? { createService } : {}),
    ...(keepRevisions !== undefined ? { keepRevisions } : {}),
    keepTaskDefinitions,
    keepRevisionsGraceMs,
    codedeploy,
    onPause,
  };
}

/** The last segment of a name or ARN (the stock action's default application and group names use the names). */
const nameOf = (value: string) => value.slice(value.lastIndexOf('/') + 1);

function readCodeDeployInputs(
  input: InputReader,
  cluster: string,
  service: string,
  workspace: string,
): CodeDeployInputs {
  const appSpecPath = input.optionalString('codedeploy-appspec');
  const description = input.optionalString('codedeploy-deployment-description');
  const deploymentConfig = input.optionalString('codedeploy-deployment-config');
  return {
    application: input.string('codedeploy-application', `AppECS-${nameOf(cluster)}-${nameOf(service)}`),
    deploymentGroup: input.string('codedeploy-deployment-group', `DgpECS-${nameOf(cluster)}-${nameOf(service)}`),
    ...(description ? { description } : {}),
    ...(deploymentConfig ? { deploymentConfig } : {}),
    ...(appSpecPath ? { appSpecSource: readAppSpecFile(appSpecPath, workspace) } : {}),
  };
}

/** The AppSpec file's text: inside the workspace (withParsedAppSpec checks it as CodeDeploy reads an ECS AppSpec). */
function readAppSpecFile(file: string, workspace: string): { text: string; shown: string } {
  const resolved = resolveInputPath({
    input: 'codedeploy-appspec',
    value: file,
    roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
  });
  const text = readInputFile('codedeploy-appspec', resolved, {
    maxBytes: MAX_FILE_BYTES,
    missingHint: `Set it to the path of the AppSpec file (YAML or JSON), relative to the workspace (${workspace}), e.g. appspec.yaml, or leave it empty to have one generated from the service's load balancer container and port.`,
  });
  return { text, shown: resolved.shown };
}

/** keep-revisions-grace when empty (action.yml's default); a step that passes 1h itself says nothing more. */
const KEEP_REVISIONS_GRACE_DEFAULT = '1h';

/** keep-revisions-grace at most: a week (a revision registered for a deploy is deployed within hours). */
const MAX_GRACE_MS = 7 * 24 * 3_600_000;

/** An AppSpec file larger than this is not one worth reading. */
const MAX_FILE_BYTES = 1024 * 1024;
