/**
 * The build phase: the context and Dockerfile checked inside the workspace, the registry login, and
 * `docker build` (or `docker buildx build`) with the registry build cache.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Clock, ConfigurationError, quoteValue, resolveInputPath } from '@ecs-actions/core';
import {
  type BuildCache,
  buildkitCacheProblem,
  type CacheMode,
  cacheArguments,
  cacheUse,
  cacheUseMessage,
  prepareBuildCache,
  usesBuildx,
} from './build-cache.js';
import { type SecretBuilder, secretArguments } from './build-secrets.js';
import {
  type Builder,
  type BuildOptions,
  buildArguments,
  builderEnv,
  combinedOutput,
  type DockerCli,
  DockerCommandError,
  inspectImage,
  type LocalImage,
  lastLines,
} from './docker.js';
import type { RegistryLogin } from './ecr.js';
import type { BuildSecret, ImageSource } from './inputs.js';
import { createdTime, imageLabels, type Label } from './labels.js';
import type { Logger } from './log.js';

/**
 * The build, from the cache to the image in the engine: the build cache prepared, the labels, `docker build`, and
 * how long reading the cache and building took (logged apart from the rest of the step; pnpm bench reads the line).
 */
export async function buildImage(options: {
  source: Extract<ImageSource, { kind: 'build' }>;
  files: { context: string; dockerfile: string };
  /** Checked by prepareBuildSecrets: values found and masked, and the BuildKit that mounts them. */
  secrets: { secrets: readonly BuildSecret[]; builder: SecretBuilder | undefined };
  cache: CacheMode;
  /** The first tag: the version label. */
  version: string;
  pushUri: string;
  repositoryExists: boolean;
  docker: DockerCli;
  log: Logger;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  event: unknown;
  tempDir: string;
}): Promise<{ local: LocalImage; labels: Label[] }> {
  const { source, docker, log, clock } = options;
  const cacheStarted = clock.now();
  const cache = await prepareBuildCache({
    mode: options.cache,
    docker,
    log,
    pushUri: options.pushUri,
    repositoryExists: options.repositoryExists,
  });
  const labelContext = { env: options.env, version: options.version, now: clock.now(), event: options.event };
  const labels = imageLabels(source.labels, labelContext);
  const created = createdTime(labelContext);
  log.info(`Label org.opencontainers.image.created=${created.value}, from ${created.from}`);
  const buildStarted = clock.now();
  const imageId = await dockerBuild(
    docker,
    log,
    {
      context: options.files.context,
      dockerfile: options.files.dockerfile,
      buildArgs: source.buildArgs,
      labels,
      target: source.target,
      platform: source.platform,
      network: source.network,
      secretArgs: secretArguments(options.secrets.secrets),
      iidfile: path.join(options.tempDir, `ecr-push-${process.pid}-${clock.now()}.iid`),
    },
    cache,
    options.secrets.builder,
  );
  log.info(
    `Build time: ${seconds(clock.now() - buildStarted)} building, ${seconds(buildStarted - cacheStarted)} reading the cache`,
  );
  const local = await inspectImage(docker, imageId);
  if (!local) throw new Error(`docker build reported image ${imageId}, which the engine does not have`);
  return { local, labels };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

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

export async function dockerLogin(docker: DockerCli, login: RegistryLogin, log: Logger): Promise<void> {
  // The password goes on stdin: never in argv, where any process listing shows it.
  const result = await log.group(`docker login ${login.host}`, () =>
    docker.run(['login', '--username', login.username, '--password-stdin', login.host], { stdin: login.password }),
  );
  if (result.exitCode !== 0) throw new DockerCommandError(`login ${login.host}`, result);
}

/**
 * Builds the image with the cache given; returns its id and logs which steps came from the cache. `secretBuilder`:
 * the BuildKit prepareBuildSecrets found for the secrets, undefined without secrets.
 */
export async function dockerBuild(
  docker: DockerCli,
  log: Logger,
  options: BuildOptions,
  cache: BuildCache,
  secretBuilder?: SecretBuilder,
): Promise<string> {
  // BuildKit's plain progress output names every step and says CACHED for a cache hit. Secrets need BuildKit too.
  const builder: Builder = usesBuildx(cache) ? 'buildx' : (secretBuilder ?? 'classic');
  // The classic builder turns every --label into a step of its own (a container created and committed each):
  // the labels go on in one step after the build instead. BuildKit sets them at no cost.
  const labelsAfter = builder === 'classic' && options.labels.length > 0 && options.labels.every(fitsOneLine);
  const args = buildArguments({
    ...options,
    ...(labelsAfter ? { labels: [] } : {}),
    builder,
    cacheArgs: cacheArguments(cache),
  });
  const env = builderEnv(builder);
  const title = `${env ? 'DOCKER_BUILDKIT=1 ' : ''}docker ${builder === 'buildx' ? 'buildx build' : 'build'}`;
  const result = await log.group(title, async () => {
    const built = await docker.run(args, env ? { env } : {});
    if (built.exitCode !== 0 || !labelsAfter) return built;
    const labelled = await docker.run(labelArguments(options), {
      stdin: labelDockerfile(await readImageId(options), options.labels),
    });
    return { ...labelled, output: `${combinedOutput(built)}\n${combinedOutput(labelled)}` };
  });
  if (result.exitCode !== 0) {
    // The group is collapsed in the log: repeat the end of the output where it is seen.
    log.info(`docker build failed; the end of its output:\n${lastLines(combinedOutput(result), 25)}`);
    throw new DockerCommandError('build', result);
  }
  const imageId = await readImageId(options);
  await rm(options.iidfile, { force: true });
  log.info(`Built image ${imageId}`);
  const unread = builder !== 'classic' ? buildkitCacheProblem(combinedOutput(result)) : undefined;
  if (unread) log.notice(`Build cache: not read, the build ran without it: ${unread}`);
  log.info(cacheUseMessage(cache, cacheUse(combinedOutput(result))));
  return imageId;
}

async function readImageId(options: BuildOptions): Promise<string> {
  const imageId = (await readFile(options.iidfile, 'utf8').catch(() => '')).trim();
  if (!/^sha256:[0-9a-f]{64}$/.test(imageId)) {
    throw new Error(`docker build succeeded but wrote no image id to ${options.iidfile}`);
  }
  return imageId;
}

const fitsOneLine = ({ key, value }: { key: string; value: string }) => !/[\r\n]/.test(`${key}${value}`);

/** `docker build -`: the Dockerfile on stdin, no context (a LABEL step needs none). */
function labelArguments(options: BuildOptions): string[] {
  return ['build', '--iidfile', options.iidfile, ...(options.platform ? ['--platform', options.platform] : []), '-'];
}

/** `FROM <id>` and one LABEL step; quoted so that no value is split or expanded (`$` stays `$`). */
export function labelDockerfile(imageId: string, labels: readonly { key: string; value: string }[]): string {
  const quote = (text: string) => `"${text.replace(/[\\"$]/g, (character) => `\\${character}`)}"`;
  return `FROM ${imageId}\nLABEL ${labels.map(({ key, value }) => `${quote(key)}=${quote(value)}`).join(' ')}\n`;
}
