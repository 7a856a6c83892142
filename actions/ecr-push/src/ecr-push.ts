/**
 * Build (or take) an image, log in to ECR with the password on stdin, check every tag against what ECR
 * already holds, then tag and push, read the digest back from ECR and optionally wait for the scan.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ECRClient, Repository } from '@aws-sdk/client-ecr';
import { type Clock, ConfigurationError, quoteValue, resolveInputPath, type Sleep } from '@ecs-actions/core';
import {
  buildArguments,
  checkDocker,
  combinedOutput,
  type DockerCli,
  DockerCommandError,
  inspectImage,
  knownDigests,
  type LocalImage,
  lastLines,
} from './docker.js';
import {
  configDigestOf,
  createRepository,
  findRepository,
  getManifest,
  getRegistryLogin,
  isTagImmutable,
  putTag,
  type RegistryLogin,
  type StoredManifest,
  tagDigest,
} from './ecr.js';
import { halfDone } from './half-done.js';
import type { EcrPushInputs } from './inputs.js';
import { createdTime, imageLabels, type Label } from './labels.js';
import { clashMessage, type ExistingTag, planTags, type TagAction } from './plan.js';
import { type ScanReport, scanProblemMessage, scanVerdict, waitForScan } from './scan.js';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  maskSecret(secret: string): void;
}

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
  /** Called just before `docker login`, so that the post step logs out even when main fails later. */
  onLogin: (registryHost: string) => void;
  scanIntervalMs?: number;
}

export interface TagResult {
  tag: string;
  action: 'pushed' | 'skipped' | 'moved';
  /** For a moved tag: the digest it held before. */
  previousDigest?: string;
  /** How a pushed or moved tag got to ECR: `docker push`, or PutImage of a manifest ECR already held. */
  via?: 'docker push' | 'PutImage';
  /** How long that took (the push and reading the digest back, or the PutImage call). */
  durationMs?: number;
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

  // 1. Everything local is checked before any call that changes something.
  const build = inputs.source.kind === 'build' ? await resolveBuildFiles(inputs.source, deps.workspace) : undefined;
  await checkDocker(docker, deps.env);
  let prebuilt: LocalImage | undefined;
  if (inputs.source.kind === 'image') {
    prebuilt = await inspectImage(docker, inputs.source.image);
    if (!prebuilt) {
      throw new ConfigurationError(
        `Input "image": the Docker engine has no image ${quoteValue(inputs.source.image)}. Build it in an earlier step (docker build -t ${inputs.source.image} .), or remove "image" to let this step build.`,
      );
    }
  }

  // 2. ECR: credentials, registry and repository.
  const login = await getRegistryLogin(ecr, inputs.registryId);
  log.maskSecret(login.password);
  log.maskSecret(login.token);
  // Where Docker pushes: the login host (GetAuthorizationToken's proxyEndpoint). The outputs name the image by the
  // repository URI ECR reports instead, as ECS pulls it; on AWS both are the same host.
  const pushUri = `${login.host}/${inputs.repository}`;
  const repository = await findRepository(ecr, inputs.repository, inputs.registryId);
  if (!repository && !inputs.createRepository) {
    throw new ConfigurationError(
      `The ECR repository ${quoteValue(inputs.repository)} does not exist in ${login.host}. Create it (aws ecr create-repository --repository-name ${inputs.repository} --image-scanning-configuration scanOnPush=true), or set create-repository: true to let this step create it.`,
    );
  }

  // 3. Log in (before the build: a Dockerfile may start FROM an image in this registry).
  deps.onLogin(login.host);
  await dockerLogin(docker, login, log);

  // 4. The image: built once, or the one given.
  let labels: Label[] = [];
  let local: LocalImage;
  if (build && inputs.source.kind === 'build') {
    const firstTag = inputs.tags[0] ?? 'latest';
    const labelContext = { env: deps.env, version: firstTag, now: deps.clock.now(), event: deps.event };
    labels = imageLabels(inputs.source.labels, labelContext);
    const created = createdTime(labelContext);
    log.info(`Label org.opencontainers.image.created=${created.value}, from ${created.from}`);
    const imageId = await dockerBuild(docker, log, {
      context: build.context,
      dockerfile: build.dockerfile,
      buildArgs: inputs.source.buildArgs,
      labels,
      target: inputs.source.target,
      platform: inputs.source.platform,
      iidfile: path.join(deps.tempDir, `ecr-push-${process.pid}-${deps.clock.now()}.iid`),
    });
    const inspected = await inspectImage(docker, imageId);
    if (!inspected) throw new Error(`docker build reported image ${imageId}, which the engine does not have`);
    local = inspected;
  } else if (prebuilt) {
    local = prebuilt;
  } else {
    throw new Error('unreachable: neither a build nor an image');
  }

  // 5. Every tag against ECR, before anything is pushed.
  const identity = { imageId: local.id, knownDigests: knownDigests(local, pushUri) };
  const remote: RemoteTags = repository
    ? await existingTags(ecr, inputs, repository, identity.knownDigests)
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

  // 6. Create the repository only now that everything else is known to be fine.
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

  // 7. Tag and push.
  for (const action of plan.actions) {
    if (action.action === 'skip') {
      log.info(`Tag ${action.tag} already holds this image (${action.digest}) in ${repositoryUri}: skipped`);
    } else if (action.action === 'move') {
      log.info(`Tag ${action.tag} held ${action.previousDigest}; it will be moved to this image`);
    }
  }
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

  // 8. The digest, as ECR reports it.
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

  // 9. The scan.
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

/** The absolute context folder and Dockerfile, both checked to exist. */
export async function resolveBuildFiles(
  source: { context: string; file: string | undefined },
  workspace: string,
): Promise<{ context: string; dockerfile: string }> {
  const roots = [{ name: 'GITHUB_WORKSPACE', dir: workspace }] as const;
  const context = resolveInputPath({ input: 'context', value: source.context, roots }).file;
  const contextStat = await stat(context).catch(() => undefined);
  if (!contextStat?.isDirectory()) {
    throw new ConfigurationError(
      `Input "context": the build context ${quoteValue(source.context)} is not a folder (looked at ${context}). Point context at the folder to build, relative to the workspace; did the job check out the repository?`,
    );
  }
  // The default Dockerfile is checked too: a link named Dockerfile may point out of the workspace.
  const dockerfile = resolveInputPath({
    input: source.file ? 'file' : 'context',
    value: source.file ?? path.join(context, 'Dockerfile'),
    roots,
  }).file;
  const fileStat = await stat(dockerfile).catch(() => undefined);
  if (!fileStat?.isFile()) {
    throw new ConfigurationError(
      source.file
        ? `Input "file": the Dockerfile ${quoteValue(source.file)} does not exist (looked at ${dockerfile}). Give its path relative to the workspace.`
        : `There is no Dockerfile in the build context ${quoteValue(source.context)} (looked at ${dockerfile}). Set "file" to the Dockerfile's path, or "context" to the folder that holds it.`,
    );
  }
  return { context, dockerfile };
}

async function dockerLogin(docker: DockerCli, login: RegistryLogin, log: Logger): Promise<void> {
  // The password goes on stdin: never in argv, where any process listing shows it.
  const result = await log.group(`docker login ${login.host}`, () =>
    docker.run(['login', '--username', login.username, '--password-stdin', login.host], { stdin: login.password }),
  );
  if (result.exitCode !== 0) throw new DockerCommandError(`login ${login.host}`, result);
}

async function dockerBuild(
  docker: DockerCli,
  log: Logger,
  options: Parameters<typeof buildArguments>[0],
): Promise<string> {
  const result = await log.group('docker build', () => docker.run(buildArguments(options)));
  if (result.exitCode !== 0) {
    // The group is collapsed in the log: repeat the end of the output where it is seen.
    log.info(`docker build failed; the end of its output:\n${lastLines(combinedOutput(result), 25)}`);
    throw new DockerCommandError('build', result);
  }
  const imageId = (await readFile(options.iidfile, 'utf8').catch(() => '')).trim();
  await rm(options.iidfile, { force: true });
  if (!/^sha256:[0-9a-f]{64}$/.test(imageId)) {
    throw new Error(`docker build succeeded but wrote no image id to ${options.iidfile}`);
  }
  log.info(`Built image ${imageId}`);
  return imageId;
}

interface RemoteTags {
  existing: ExistingTag[];
  /** Manifests read while checking the tags, by digest. */
  manifests: Map<string, StoredManifest | undefined>;
}

interface PushContext {
  ecr: ECRClient;
  docker: DockerCli;
  log: Logger;
  inputs: EcrPushInputs;
  /** The login host's name of the repository, which `docker tag` and `docker push` use. */
  pushUri: string;
  imageId: string;
  plan: readonly TagAction[];
  remote: RemoteTags;
  clock: Clock;
}

type Transfer = Required<Pick<TagResult, 'via' | 'durationMs'>>;

/**
 * Tags the image locally under every tag, then makes ECR hold it under each tag that needs it: the first
 * through `docker push` (the layers go up once) unless ECR already holds the image under a skipped tag, the
 * others with PutImage of the stored manifest (one API call each, no layer traffic). Returns tag → digest, from ECR.
 */
async function pushTags(
  context: PushContext,
): Promise<{ held: Map<string, string>; transfers: Map<string, Transfer> }> {
  const { ecr, docker, log, inputs, pushUri, imageId, plan, remote, clock } = context;
  const held = new Map<string, string>();
  const transfers = new Map<string, Transfer>();
  for (const action of plan) if (action.action === 'skip') held.set(action.tag, action.digest);
  const pending = plan.filter((action) => action.action !== 'skip');
  if (pending.length === 0) return { held, transfers };

  const push = log.group(`Push ${pushUri} (${pending.map((action) => action.tag).join(', ')})`, async () => {
    for (const { tag } of plan) {
      const reference = `${pushUri}:${tag}`;
      const tagged = await docker.run(['tag', imageId, reference]);
      if (tagged.exitCode !== 0) throw new DockerCommandError(`tag ${reference}`, tagged);
    }
    const pushWithDocker = async (tag: string) => {
      const started = clock.now();
      await dockerPush(docker, log, `${pushUri}:${tag}`);
      const digest = await tagDigest(ecr, inputs.repository, inputs.registryId, tag);
      if (digest === undefined) {
        throw new Error(`docker push reported success, but ECR does not list the tag ${tag} in ${inputs.repository}`);
      }
      held.set(tag, digest);
      transfers.set(tag, { via: 'docker push', durationMs: clock.now() - started });
      return digest;
    };

    let rest: readonly TagAction[] = pending;
    let source = plan.find((action) => action.action === 'skip')?.tag;
    let sourceDigest = source === undefined ? undefined : held.get(source);
    if (sourceDigest === undefined) {
      const [first, ...others] = pending as [TagAction, ...TagAction[]];
      sourceDigest = await pushWithDocker(first.tag);
      source = first.tag;
      rest = others;
    }
    if (rest.length === 0) return;

    const stored =
      remote.manifests.get(sourceDigest) ??
      (await getManifest(ecr, inputs.repository, inputs.registryId, sourceDigest));
    for (const { tag } of rest) {
      if (stored) {
        const started = clock.now();
        const digest = await putTag(ecr, inputs.repository, inputs.registryId, sourceDigest, stored, tag);
        const durationMs = clock.now() - started;
        held.set(tag, digest);
        transfers.set(tag, { via: 'PutImage', durationMs });
        log.info(
          `Tag ${tag} → ${digest}: added with ECR PutImage in ${durationMs} ms (the image is there under ${source}; no layers sent)`,
        );
      } else {
        // Without ecr:BatchGetImage the manifest cannot be read back: push the tag like the first.
        await pushWithDocker(tag);
      }
    }
  });
  try {
    await push;
  } catch (error) {
    throw transfers.size > 0 ? halfDone(error, pushUri, plan, held) : error;
  }
  return { held, transfers };
}

async function dockerPush(docker: DockerCli, log: Logger, reference: string): Promise<void> {
  const pushed = await docker.run(['push', reference]);
  if (pushed.exitCode !== 0) {
    log.info(`docker push failed; the end of its output:\n${lastLines(combinedOutput(pushed), 15)}`);
    throw new DockerCommandError(
      `push ${reference}`,
      pushed,
      /denied|unauthorized/i.test(`${pushed.stdout}${pushed.stderr}`)
        ? 'The role needs ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload, ecr:BatchCheckLayerAvailability and ecr:PutImage on the repository.'
        : '',
    );
  }
}

async function existingTags(
  ecr: ECRClient,
  inputs: EcrPushInputs,
  repository: Repository,
  known: readonly string[],
): Promise<RemoteTags> {
  const digests = await Promise.all(
    inputs.tags.map((tag) => tagDigest(ecr, inputs.repository, inputs.registryId, tag)),
  );
  // The manifest of each distinct unknown digest, to recognise this image after a rebuild by its config digest.
  const unknown = [...new Set(digests.filter((digest): digest is string => !!digest && !known.includes(digest)))];
  const manifests = new Map(
    await Promise.all(
      unknown.map(
        async (digest) => [digest, await getManifest(ecr, inputs.repository, inputs.registryId, digest)] as const,
      ),
    ),
  );
  const existing = inputs.tags.map((tag, index): ExistingTag => {
    const digest = digests[index];
    return {
      tag,
      digest,
      configDigest: digest ? configDigestOf(manifests.get(digest)) : undefined,
      immutable: isTagImmutable(
        tag,
        repository.imageTagMutability,
        repository.imageTagMutabilityExclusionFilters ?? [],
      ),
    };
  });
  return { existing, manifests };
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
