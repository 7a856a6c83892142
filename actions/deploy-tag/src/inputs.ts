import { readFileSync } from 'node:fs';
import { ConfigurationError, errorMessage, type InputReader, invalidInput, quoteValue } from '@ecs-actions/core';
import { readApplication, readTargets, type TargetRecord } from './application-inputs.js';
import { type Actors, readActors, readField, readPlace } from './place-inputs.js';
import { HTTP_URL, type Place } from './records.js';
import { refNameProblem } from './refname.js';
import { type DeployVersion, parseVersion } from './version.js';

export type OnExists = 'keep' | 'fail' | 'move';

/** What this deploy's record holds besides the place and the time. */
export interface TagMetadata {
  image?: string;
  imageDigest?: string;
  taskDefinitionArn?: string;
}

interface CommonInputs {
  prefix: string;
  token: string;
  owner: string;
  repo: string;
  /** `GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID`, undefined outside a run. */
  runUrl: string | undefined;
  /** Where the deploy went (create) or whose history a lookup reads; lookups ignore the parts left empty. */
  place: Place;
}

export interface CreateInputs extends CommonInputs {
  mode: 'create';
  version: DeployVersion;
  /** `<prefix><version>`. */
  tag: string;
  /** Lower-case 40-hex commit. */
  sha: string;
  /** Where the sha came from, for the log: `input sha`, `workflow_run.head_sha`, `GITHUB_SHA`. */
  shaSource: string;
  onExists: OnExists;
  createDeployment: boolean;
  /** The Deployment a `deployment-state: in_progress` step created, which create-deployment sets to success. */
  deploymentId?: number;
  environmentUrl?: string;
  metadata: TagMetadata;
  actors: Actors;
  place: RecordedPlace;
  /** An application deploy (input targets): one record per target, at place.application. */
  targets?: TargetRecord[];
}

/**
 * A deploy's place as recorded: environment, cluster and region always; the service (single-service deploys) or the
 * application (app-file deploys, whose targets name their services, rules and schedules); the account when known.
 */
export type RecordedPlace = Required<Pick<Place, 'environment' | 'cluster' | 'region'>> &
  Pick<Place, 'service' | 'application' | 'account'>;

/**
 * `deployment-state`: the GitHub Deployment of a deploy that is under way (in_progress: created, with the place in
 * its payload) or that failed (failure: deployment-id's Deployment); no tag is read or written.
 */
export type DeploymentInputs = CommonInputs &
  (
    | {
        mode: 'deployment';
        state: 'in_progress';
        version: DeployVersion;
        tag: string;
        sha: string;
        shaSource: string;
        place: RecordedPlace;
        environmentUrl?: string;
        /** Who runs the deploy, named in the Deployment's payload (history mode shows who a failed deploy was). */
        actors?: Actors;
      }
    | { mode: 'deployment'; state: 'failure'; version: DeployVersion; deploymentId: number; environmentUrl?: string }
  );

export interface LookupInputs extends CommonInputs {
  mode: 'lookup';
  /** The version to look up (`lookup: true`); undefined for `version: previous` and `version: current`. */
  version?: DeployVersion;
  /** `version: current`: what runs at the place now, instead of the deploy before it. */
  current?: boolean;
  /** `<prefix><version>` of that version. */
  tag?: string;
}

/** `version: recorded`: every task definition the deploy tags record (rollback targets a clean-up must keep). */
export interface ListInputs extends CommonInputs {
  mode: 'list';
}

/** `version: history`: the newest deploys of each place (environment, cluster, service, region) that matches. */
export interface HistoryInputs extends CommonInputs {
  mode: 'history';
  /** How many deploys of each place (history-count). */
  count: number;
}

export type DeployTagInputs = CreateInputs | LookupInputs | ListInputs | DeploymentInputs | HistoryInputs;

/** `version: previous` switches to lookup mode (of the deploy before the latest); `lookup: true` looks up the version. */
export const LOOKUP_VERSION = 'previous';
/** `version: recorded` lists what every deploy tag records. */
export const LIST_VERSION = 'recorded';
/** `version: current` looks up what runs at the place now (its newest deploy there). */
export const CURRENT_VERSION = 'current';
/** `version: history` writes the newest deploys of each place as a table and a diagram. */
export const HISTORY_VERSION = 'history';
/** history-count: the default and the most deploys shown per place. */
export const HISTORY_COUNT = { fallback: 10, max: 100 } as const;

export function readDeployTagInputs(input: InputReader, env: NodeJS.ProcessEnv = process.env): DeployTagInputs {
  const token = input.raw('github-token');
  if (!token) {
    throw new ConfigurationError(
      'Input "github-token" is empty, so GitHub would answer 401 (no token). Leave it at its default ${{ github.token }} or pass a token with contents: write.',
    );
  }
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = '', ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new ConfigurationError(
      `GITHUB_REPOSITORY must be "owner/repo"; got ${quoteValue(repository)}. Run this action in a GitHub Actions job.`,
    );
  }
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;

  const prefix = input.string('prefix', 'ecs-deploy-');
  const versionText = input.requiredString('version');
  const lookup = input.boolean('lookup', false);
  const taskDefinitionArn = readField(input, 'task-definition-arn', 'taskDefinitionArn');
  const place = readPlace(input, env, taskDefinitionArn);
  readApplication(input, place);
  const common: CommonInputs = { prefix, token, owner, repo, runUrl, place };

  if (
    versionText === LOOKUP_VERSION ||
    versionText === LIST_VERSION ||
    versionText === CURRENT_VERSION ||
    versionText === HISTORY_VERSION
  ) {
    checkTagName(prefix, `${prefix}0.2601.1`, 'prefix');
    if (versionText === LIST_VERSION) return { mode: 'list', ...common };
    if (versionText === HISTORY_VERSION) return { mode: 'history', ...common, count: readHistoryCount(input) };
    return { mode: 'lookup', ...common, ...(versionText === CURRENT_VERSION ? { current: true } : {}) };
  }

  const version = parseVersion(versionText);
  if (!version) {
    throw invalidInput(
      'version',
      looksLikeToken(versionText) ? '(a GitHub token: not shown)' : versionText,
      'must be a HeadVer version {head}.{yearweek}.{build}[+suffix], "previous", "current", "recorded" or "history"',
      'Use e.g. 0.2541.135 or 1.2001.789+qa (yearweek: 2-digit ISO week-year + week 01-53), as the headver action outputs it; or previous to look up the deploy before the latest.',
    );
  }
  const tag = `${prefix}${version.text}`;
  const problem = refNameProblem(`refs/tags/${tag}`);
  // Blame the prefix when it breaks git's rules whatever the version (lookup mode's check), else the +suffix.
  if (problem && refNameProblem(`refs/tags/${prefix}0.2601.1`)) checkTagName(prefix, tag, 'prefix');
  if (problem) {
    throw invalidInput(
      'version',
      versionText,
      `makes the tag name ${quoteValue(tag)}, which git rejects: it ${problem}`,
      'Change the +suffix (e.g. 1.2001.789+qa): no "..", no "." at the end, no part ending with ".lock".',
    );
  }

  const deploymentState =
    input.optionalString('deployment-state') === undefined
      ? undefined
      : input.oneOf('deployment-state', ['in_progress', 'failure'] as const, 'in_progress');
  // Lookup of a given version reads the tag only: sha, on-exists, create-deployment and the metadata are not used.
  if (lookup) {
    if (deploymentState) {
      throw invalidInput(
        'deployment-state',
        deploymentState,
        'cannot go with lookup: true',
        'Look up the version in one step and set the Deployment state in another.',
      );
    }
    return { mode: 'lookup', ...common, version, tag };
  }

  return readWriteInputs(input, env, common, { version, tag, taskDefinitionArn, deploymentState });
}

/**
 * What a step that writes needs: deployment-state in_progress / failure (the Deployment only), else create mode (the
 * record, and with create-deployment the Deployment's success).
 */
function readWriteInputs(
  input: InputReader,
  env: NodeJS.ProcessEnv,
  common: CommonInputs,
  given: {
    version: DeployVersion;
    tag: string;
    taskDefinitionArn: string | undefined;
    deploymentState: 'in_progress' | 'failure' | undefined;
  },
): CreateInputs | DeploymentInputs {
  const { version, tag, taskDefinitionArn, deploymentState } = given;
  const environmentUrl = readUrl(input, 'environment-url');
  const deploymentId = input.integer('deployment-id', { min: 1 });
  if (deploymentState === 'failure') {
    if (deploymentId === undefined) {
      throw new ConfigurationError(
        'Input "deployment-id" is empty, but deployment-state: failure sets the state of that Deployment. Pass the deployment-id output of the deploy-tag step that ran with deployment-state: in_progress.',
      );
    }
    return {
      mode: 'deployment',
      state: 'failure',
      ...common,
      version,
      deploymentId,
      ...(environmentUrl ? { environmentUrl } : {}),
    };
  }
  const { sha, shaSource } = readSha(input, env);
  const targets = deploymentState ? undefined : readTargets(input, common.place);
  const recorded = recordedPlace(common.place);
  if (deploymentState === 'in_progress') {
    return {
      mode: 'deployment',
      state: 'in_progress',
      ...common,
      version,
      tag,
      sha,
      shaSource,
      place: recorded,
      ...(environmentUrl ? { environmentUrl } : {}),
      ...(env.GITHUB_ACTOR ? { actors: readActors(env) } : {}),
    };
  }

  const onExists = input.oneOf('on-exists', ['keep', 'fail', 'move'] as const, 'keep');
  const createDeployment = input.boolean('create-deployment', false);
  if (deploymentId !== undefined && !createDeployment) {
    throw invalidInput(
      'deployment-id',
      String(deploymentId),
      'is set, but create-deployment is false, so the Deployment would stay in_progress',
      'Set create-deployment: true to mark it success once the deploy is recorded.',
    );
  }
  return {
    mode: 'create',
    ...common,
    place: recorded,
    version,
    tag,
    sha,
    shaSource,
    onExists,
    createDeployment,
    ...(deploymentId !== undefined ? { deploymentId } : {}),
    ...(environmentUrl ? { environmentUrl } : {}),
    metadata: readMetadata(input, taskDefinitionArn),
    actors: readActors(env),
    ...(targets ? { targets } : {}),
  };
}

/** What the record holds besides the place: image, digest and the task definition (read with the place). */
function readMetadata(input: InputReader, taskDefinitionArn: string | undefined): TagMetadata {
  const metadata: TagMetadata = {};
  const image = readField(input, 'image', 'image');
  const imageDigest = readField(input, 'image-digest', 'imageDigest');
  if (image !== undefined) metadata.image = image;
  if (imageDigest !== undefined) metadata.imageDigest = imageDigest;
  if (taskDefinitionArn !== undefined) metadata.taskDefinitionArn = taskDefinitionArn;
  return metadata;
}

/** The place a deploy is recorded at: environment, cluster, service and region must be known. */
function recordedPlace(place: Place): RecordedPlace {
  const { environment, cluster, service, application, region, account } = place;
  // An application's targets name their own services (input targets).
  if (environment === undefined || cluster === undefined || (service === undefined && application === undefined)) {
    const missing = ['environment', 'cluster', 'service'].filter((name) => place[name as keyof Place] === undefined);
    throw new ConfigurationError(
      `Input${missing.length > 1 ? 's' : ''} ${missing.map((name) => `"${name}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} empty: a deploy is recorded with the environment, cluster and service it went to, so that rollbacks and lookups read the history of that place only. Set environment: (e.g. production), cluster: and service: as deployed.`,
    );
  }
  if (region === undefined) {
    throw new ConfigurationError(
      'Input "region" is empty and no ARN or AWS_REGION gives it: a deploy is recorded with the region it went to, so that a rollback in one region never goes back to a deploy in another. Set region: (e.g. us-east-1), pass task-definition-arn, or run after configure-aws-credentials.',
    );
  }
  return {
    environment,
    cluster,
    region,
    ...(service !== undefined ? { service } : {}),
    ...(application !== undefined ? { application } : {}),
    ...(account !== undefined ? { account } : {}),
  };
}

/** history-count: a whole number of deploys per place, 1 to HISTORY_COUNT.max. */
function readHistoryCount(input: InputReader): number {
  const raw = input.optionalString('history-count');
  if (raw === undefined) return HISTORY_COUNT.fallback;
  const count = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(count >= 1 && count <= HISTORY_COUNT.max)) {
    throw invalidInput(
      'history-count',
      raw,
      `must be a whole number of deploys per place from 1 to ${HISTORY_COUNT.max}`,
      `e.g. history-count: ${HISTORY_COUNT.fallback} (the default), or leave it empty.`,
    );
  }
  return count;
}

/** An http(s) URL for a Deployment status (environment_url): data shown on GitHub, so no spaces or control characters. */
function readUrl(input: InputReader, name: string): string | undefined {
  const value = input.optionalString(name);
  if (value === undefined) return undefined;
  if (!HTTP_URL.test(value)) {
    throw invalidInput(name, value, 'must be an http(s) URL without spaces', 'e.g. https://app.example.com');
  }
  return value;
}

/** A GitHub token pasted into the wrong input: never echoed, even when it is not the token being masked. */
function looksLikeToken(value: string): boolean {
  return /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/.test(value);
}

function checkTagName(prefix: string, tag: string, input: string): void {
  const problem = refNameProblem(`refs/tags/${tag}`);
  if (problem) {
    throw invalidInput(
      input,
      prefix,
      `makes the tag name ${quoteValue(tag)}, which git rejects: it ${problem}`,
      'Use letters, digits, "-", "_", "." and "/" only, e.g. ecs-deploy- or deploy/production/.',
    );
  }
}

/** The commit to tag: input sha, else the commit the triggering CI run built (workflow_run), else GITHUB_SHA. */
function readSha(input: InputReader, env: NodeJS.ProcessEnv): { sha: string; shaSource: string } {
  const explicit = input.optionalString('sha');
  if (explicit !== undefined) return { sha: checkSha('sha', explicit, 'input sha'), shaSource: 'input sha' };
  if (env.GITHUB_EVENT_NAME === 'workflow_run') {
    const headSha = readEventHeadSha(env.GITHUB_EVENT_PATH);
    return { sha: checkSha('sha', headSha, 'workflow_run.head_sha'), shaSource: 'workflow_run.head_sha' };
  }
  const githubSha = env.GITHUB_SHA ?? '';
  return { sha: checkSha('sha', githubSha, 'GITHUB_SHA'), shaSource: 'GITHUB_SHA' };
}

function checkSha(name: string, value: string, source: string): string {
  if (!/^[0-9a-fA-F]{40}$/.test(value)) {
    throw invalidInput(
      name,
      value,
      `must be a full 40-hex commit sha (from ${source})`,
      'Pass the full sha, e.g. ${{ github.event.workflow_run.head_sha }} or ${{ github.sha }}; short shas and branch names are not accepted.',
    );
  }
  return value.toLowerCase();
}

function readEventHeadSha(eventPath: string | undefined): string {
  if (!eventPath) {
    throw new ConfigurationError(
      'The event is workflow_run but GITHUB_EVENT_PATH is not set, so workflow_run.head_sha is unknown. Set sha: explicitly.',
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the workflow_run event payload at ${eventPath} (${errorMessage(error)}). Set sha: explicitly.`,
    );
  }
  const run = (payload as { workflow_run?: { head_sha?: unknown } } | null)?.workflow_run;
  if (typeof run?.head_sha !== 'string') {
    throw new ConfigurationError(
      'The event is workflow_run but its payload has no workflow_run.head_sha. Set sha: explicitly, e.g. sha: ${{ github.event.workflow_run.head_sha }}.',
    );
  }
  return run.head_sha;
}
