/**
 * Build (or take) an image, log in to ECR with the password on stdin, check every tag against what ECR
 * already holds, then tag and push, read the digest back from ECR and optionally wait for the scan.
 */
import type { ECRClient, Repository } from '@aws-sdk/client-ecr';
import { type Clock, ConfigurationError, inOrder, quoteValue, type Sleep } from '@ecs-actions/core';
import { buildImage, dockerLogin, resolveBuildFiles } from './build.js';
import { prepareBuildSecrets } from './build-secrets.js';
import { checkEngine, type DockerCli, knownDigests, type LocalImage } from './docker.js';
import { createRepository, findRepository, getRegistryLogin } from './ecr.js';
import type { EcrPushInputs } from './inputs.js';
import type { Label } from './labels.js';
import type { Logger } from './log.js';
import { clashMessage, type ExistingTag, planTags, type TagAction } from './plan.js';
import { existingTags, pushTags, type RemoteTags, readTagDigests, type TagResult } from './push-tags.js';
import { type ScanReport, scanProblemMessage, scanVerdict, waitForScan } from './scan.js';

export type { Logger } from './log.js';
export type { TagResult } from './push-tags.js';

export interface EcrPushDeps {
  ecr: ECRClient;
  docker: DockerCli;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  /** GITHUB_WORKSPACE: relative context and file paths start here. */
  workspace: string;
  /** For the iidfile. */
  tempDir: string;
  env: NodeJS.ProcessEnv;
  /** The event payload, for the commit time of the `created` label. */
  event?: unknown;
  /**
   * `checkEngine` already started by the caller (the action starts it before the AWS SDK loads, so that the docker
   * CLI runs while the SDK is parsed); else pushImage starts it after checking the build files.
   */
  engineCheck?: Promise<LocalImage | undefined>;
  /** Called just before `docker login`, so that the post step logs out even when main fails later. */
  onLogin: (registryHost: string) => void;
  scanIntervalMs?: number;
}

export interface EcrPushResult {
  registry: string;
  repositoryUri: string;
  image: string;
  digest: string;
  imageWithDigest: string;
  tags: string[];
  tagResults: TagResult[];
  imageId: string;
  built: boolean;
  repositoryCreated: boolean;
  labels: Label[];
  scan?: ScanReport;
  /** Set when the push succeeded but the step must fail (scan findings, scan timeout): outputs are still written. */
  failure?: string;
}

export async function pushImage(inputs: EcrPushInputs, deps: EcrPushDeps): Promise<EcrPushResult> {
  const { ecr, docker, log } = deps;

  // 1. What is local and what ECR holds, asked at once: reads only, nothing changes before all are known. A failure
  // is reported in the order a user fixes them: the build files, the engine and the image, the login, the repository.
  const build = inputs.source.kind === 'build' ? await resolveBuildFiles(inputs.source, deps.workspace) : undefined;
  const secrets =
    inputs.source.kind === 'build'
      ? await prepareBuildSecrets(inputs.source.secrets, { workspace: deps.workspace, env: deps.env, docker, log })
      : { secrets: [], builder: undefined };
  const givenImage = localImageGiven(inputs, deps);
  // An image given is known by the time its tags are compared, so they are read now too (used only if the
  // repository exists; else they do not exist either).
  const tagsRead =
    inputs.source.kind === 'image'
      ? settled(
          readTagDigests(
            ecr,
            inputs,
            givenImage.then((image) => (image ? knownDigests(image) : [])),
          ),
        )
      : undefined;
  const [prebuilt, login, repository] = await inOrder([
    givenImage,
    getRegistryLogin(ecr, inputs.registryId),
    findRepository(ecr, inputs.repository, inputs.registryId),
  ] as const);
  log.maskSecret(login.password);
  log.maskSecret(login.token);
  // Where Docker pushes: the login host (GetAuthorizationToken's proxyEndpoint). The outputs name the image by the
  // repository URI ECR reports instead, as ECS pulls it; on AWS both are the same host.
  const pushUri = `${login.host}/${inputs.repository}`;
  if (!repository && !inputs.createRepository) {
    throw new ConfigurationError(
      `The ECR repository ${quoteValue(inputs.repository)} does not exist in ${login.host}. Create it (aws ecr create-repository --repository-name ${inputs.repository} --image-scanning-configuration scanOnPush=true), or set create-repository: true to let this step create it.`,
    );
  }
  let loggedIn = false;
  const logIn = async () => {
    if (loggedIn) return;
    loggedIn = true;
    deps.onLogin(login.host);
    await dockerLogin(docker, login, log);
  };

  // 2. The image: built once (logged in first: a Dockerfile may start FROM an image in this registry, and the
  // build cache is read from it), or the one given.
  let labels: Label[] = [];
  let local: LocalImage;
  if (build && inputs.source.kind === 'build') {
    await logIn();
    ({ local, labels } = await buildImage({
      source: inputs.source,
      files: build,
      secrets,
      cache: inputs.cache,
      version: inputs.tags[0] ?? 'latest',
      pushUri,
      repositoryExists: repository !== undefined,
      docker,
      log,
      clock: deps.clock,
      env: deps.env,
      event: deps.event,
      tempDir: deps.tempDir,
    }));
  } else if (prebuilt) {
    local = prebuilt;
  } else {
    throw new Error('unreachable: neither a build nor an image');
  }

  // 3. Every tag against ECR, before anything is pushed.
  const identity = { imageId: local.id, knownDigests: knownDigests(local, pushUri) };
  const remote: RemoteTags = repository
    ? existingTags(inputs, repository, await (tagsRead?.() ?? readTagDigests(ecr, inputs, identity.knownDigests)))
    : {
        existing: inputs.tags.map((tag): ExistingTag => ({ tag, digest: undefined, immutable: false })),
        manifests: new Map(),
      };
  const plan = planTags(remote.existing, identity);
  if (plan.clashes.length > 0) {
    throw new ConfigurationError(
      clashMessage(
        plan.clashes,
        reportedUri(repository, pushUri),
        identity,
        repository?.imageTagMutability ?? 'IMMUTABLE',
      ),
    );
  }

  // 4. Create the repository only now that everything else is known to be fine.
  let repositoryCreated = false;
  let scanOnPush = repository?.imageScanningConfiguration?.scanOnPush ?? false;
  let repositoryUri = reportedUri(repository, pushUri);
  if (!repository) {
    const created = await createRepository(ecr, inputs.repository, inputs.registryId, inputs.tagMutability);
    repositoryCreated = true;
    repositoryUri = reportedUri(created, pushUri);
    scanOnPush = created.imageScanningConfiguration?.scanOnPush ?? true;
    log.info(
      `Created the ECR repository ${inputs.repository} (tag mutability ${inputs.tagMutability}, scan on push enabled)`,
    );
  }

  if (registryOf(repositoryUri) !== login.host) {
    log.info(`Docker pushes to ${pushUri} (the login endpoint); ECR names the repository ${repositoryUri}`);
  }

  // 5. Tag and push (an image given, not built here, logs in only now, and only when a tag needs it).
  for (const action of plan.actions) {
    if (action.action === 'skip') {
      log.info(`Tag ${action.tag} already holds this image (${action.digest}) in ${repositoryUri}: skipped`);
    } else if (action.action === 'move') {
      log.info(`Tag ${action.tag} held ${action.previousDigest}; it will be moved to this image`);
    }
  }
  if (plan.actions.some((action) => action.action !== 'skip')) await logIn();
  const { held, transfers } = await pushTags({
    ecr,
    docker,
    log,
    inputs,
    pushUri,
    imageId: local.id,
    plan: plan.actions,
    remote,
    clock: deps.clock,
  });

  // 6. The digest, as ECR reports it.
  const digest = sameDigest(inputs.tags, held, log);
  const firstTag = inputs.tags[0] ?? 'latest';
  const result: EcrPushResult = {
    registry: registryOf(repositoryUri),
    repositoryUri,
    image: `${repositoryUri}:${firstTag}`,
    digest,
    imageWithDigest: `${repositoryUri}@${digest}`,
    tags: inputs.tags,
    tagResults: plan.actions.map((action) => ({ ...tagResult(action), ...transfers.get(action.tag) })),
    imageId: local.id,
    built: build !== undefined,
    repositoryCreated,
    labels,
  };

  // 7. The scan.
  if (inputs.scan === 'wait') {
    const imageRef = `${repositoryUri}@${digest}`;
    const outcome = await log.group(`Waiting for the image scan of ${imageRef}`, () =>
      waitForScan({
        ecr,
        repositoryName: inputs.repository,
        registryId: inputs.registryId,
        imageDigest: digest,
        scanOnPush,
        timeoutMs: inputs.scanTimeoutMs,
        ...(deps.scanIntervalMs === undefined ? {} : { intervalMs: deps.scanIntervalMs }),
        clock: deps.clock,
        sleep: deps.sleep,
        onStatus: (status) => log.info(`scan status: ${status}`),
      }),
    );
    if (outcome.kind === 'complete') {
      result.scan = outcome.report;
      const verdict = scanVerdict(outcome.report, inputs.failOnSeverity, imageRef);
      if (verdict) result.failure = verdict;
    } else {
      result.failure = scanProblemMessage(outcome, imageRef, inputs.scanTimeoutMs);
    }
  }
  return result;
}

/** The engine's answer and the image given (undefined when building), refused when the engine lacks that image. */
async function localImageGiven(inputs: EcrPushInputs, deps: EcrPushDeps): Promise<LocalImage | undefined> {
  const image = inputs.source.kind === 'image' ? inputs.source.image : undefined;
  const found = await (deps.engineCheck ?? checkEngine(deps.docker, deps.env, image));
  if (image !== undefined && !found) {
    throw new ConfigurationError(
      `Input "image": the Docker engine has no image ${quoteValue(image)}. Build it in an earlier step (docker build -t ${image} .), or remove "image" to let this step build.`,
    );
  }
  return found;
}

/**
 * A read started ahead of its use: its failure is held (not an unhandled rejection) until the caller asks for it,
 * and is never seen when the caller does not.
 */
function settled<T>(pending: Promise<T>): () => Promise<T> {
  pending.catch(() => {});
  return () => pending;
}

/**
 * The repository URI as ECR reports it (DescribeRepositories / CreateRepository), the name ECS pulls the image by;
 * the login host's name when ECR reported none.
 */
function reportedUri(repository: Repository | undefined, pushUri: string): string {
  return repository?.repositoryUri || pushUri;
}

/** The registry host of a repository URI: `123.dkr.ecr.us-east-1.amazonaws.com/team/web` → `123.dkr.ecr.us-east-1.amazonaws.com`. */
function registryOf(repositoryUri: string): string {
  const slash = repositoryUri.indexOf('/');
  return slash < 0 ? repositoryUri : repositoryUri.slice(0, slash);
}

function tagResult(action: TagAction): TagResult {
  switch (action.action) {
    case 'push':
      return { tag: action.tag, action: 'pushed' };
    case 'skip':
      return { tag: action.tag, action: 'skipped' };
    case 'move':
      return { tag: action.tag, action: 'moved', previousDigest: action.previousDigest };
  }
}

/** The digest of the first tag; a tag that holds another one is reported. */
function sameDigest(tags: readonly string[], held: ReadonlyMap<string, string>, log: Logger): string {
  const first = held.get(tags[0] ?? '');
  if (first === undefined) throw new Error(`ECR reported no digest for the tag ${tags[0]}`);
  const differing = tags.filter((tag) => held.get(tag) !== first);
  if (differing.length > 0) {
    log.warning(
      `The tags do not all hold the same manifest: ${tags.map((tag) => `${tag} → ${held.get(tag)}`).join(', ')}. The outputs use ${first}.`,
    );
  }
  return first;
}
