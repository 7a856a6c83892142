/**
 * The registry build cache: a build on a fresh runner (empty local Docker cache) reuses the unchanged layers of
 * the last image pushed to the repository. Which form depends on the engine:
 * - buildx with a builder that can export caches (docker-container, remote, kubernetes driver): BuildKit's
 *   registry cache under a separate tag (`buildcache`), in the form ECR accepts (image-manifest=true,
 *   oci-mediatypes=true), mode=max so that earlier stages of a multi-stage build are cached too;
 * - buildx with the default `docker` driver (GitHub's hosted runners without setup-buildx-action): that driver
 *   exports no registry cache, so BuildKit's inline cache: the pushed image carries its cache metadata
 *   (BUILDKIT_INLINE_CACHE=1) and the next build reads it from `latest` (`--cache-from`);
 * - no buildx (Debian's docker.io: `DOCKER_BUILDKIT=1 docker build` fails with "BuildKit is enabled but the
 *   buildx component is missing"): the classic builder, which reuses layers only of images in the local engine,
 *   so `latest` is pulled first and named in `--cache-from`.
 * A cache that cannot be read (first build, no such tag, no permission) is a notice: the build runs cold.
 */
import type { DockerCli } from './docker.js';
import { combinedOutput, type DockerRunResult, lastLines } from './docker.js';

export type CacheMode = 'registry' | 'off';

/** The tag the last pushed image is found under: build-push pushes every version also as `latest`. */
export const CACHE_SOURCE_TAG = 'latest';
/** The tag of BuildKit's registry cache, apart from the image tags. */
export const CACHE_TAG = 'buildcache';

export type BuildCache =
  | { kind: 'off'; reason: string }
  /** The classic builder: `--cache-from` of an image pulled into the local engine. */
  | { kind: 'pulled-image'; from: string | undefined }
  /** BuildKit (buildx, docker driver): inline cache metadata in the image; read from `from`, written into the build. */
  | { kind: 'inline'; from: string }
  /** BuildKit (buildx, a builder that exports caches): a registry cache under its own tag, read and written. */
  | { kind: 'registry'; ref: string };

export interface CacheLogger {
  info(message: string): void;
  notice(message: string): void;
}

/**
 * Finds out how this engine can use a registry cache and, for the classic builder, pulls the last pushed image.
 * Never throws for a cache that cannot be read: it says why in a notice and the build runs without it.
 */
export async function prepareBuildCache(options: {
  mode: CacheMode;
  docker: DockerCli;
  log: CacheLogger;
  /** `host/repository`, as docker pulls and pushes it. */
  pushUri: string;
  /** False when this step creates the repository: nothing was pushed before. */
  repositoryExists: boolean;
}): Promise<BuildCache> {
  const { mode, docker, log, pushUri } = options;
  if (mode === 'off') return { kind: 'off', reason: 'cache: off' };
  const builder = await buildxDriver(docker);
  const source = `${pushUri}:${CACHE_SOURCE_TAG}`;
  if (builder !== undefined && builder !== 'docker') {
    const ref = `${pushUri}:${CACHE_TAG}`;
    log.info(
      `Build cache: BuildKit registry cache ${ref} (buildx, ${builder} driver), read before and written after the build`,
    );
    return { kind: 'registry', ref };
  }
  if (builder === 'docker') {
    if (!options.repositoryExists) {
      log.notice(`Build cache: none to read, ${pushUri} is a new repository (first build); this build writes one`);
    } else {
      log.info(`Build cache: BuildKit inline cache of ${source} (buildx, docker driver)`);
    }
    return { kind: 'inline', from: source };
  }
  if (!options.repositoryExists) {
    log.notice(`Build cache: none to read, ${pushUri} is a new repository (first build)`);
    return { kind: 'pulled-image', from: undefined };
  }
  const pulled = await docker.run(['pull', '--quiet', source], { quiet: true });
  if (pulled.exitCode !== 0) {
    log.notice(`Build cache: not read, the build runs without it: ${pullProblem(source, pulled)}`);
    return { kind: 'pulled-image', from: undefined };
  }
  log.info(`Build cache: pulled ${source} for the classic builder's --cache-from (no buildx on this runner)`);
  return { kind: 'pulled-image', from: source };
}

/** The driver of buildx's current builder (`docker`, `docker-container`, …); undefined without buildx. */
async function buildxDriver(docker: DockerCli): Promise<string | undefined> {
  const inspected = await docker.run(['buildx', 'inspect'], { quiet: true });
  if (inspected.exitCode !== 0) return undefined;
  return /^Driver:\s*(\S+)/m.exec(inspected.stdout)?.[1] ?? 'docker';
}

function pullProblem(source: string, result: DockerRunResult): string {
  const output = combinedOutput(result);
  if (/denied|unauthorized|forbidden/i.test(output)) {
    return `no permission to pull ${source}; the role needs ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on the repository`;
  }
  if (/manifest unknown|not found|does not exist/i.test(output)) {
    return `there is no ${source} yet (first build, or the last push had no ${CACHE_SOURCE_TAG} tag)`;
  }
  return `docker pull ${source} failed (exit code ${result.exitCode}): ${lastLines(output, 1)}`;
}

/** What `docker build` (classic) or `docker buildx build` needs for this cache. */
export function cacheArguments(cache: BuildCache): string[] {
  switch (cache.kind) {
    case 'off':
      return [];
    case 'pulled-image':
      return cache.from === undefined ? [] : ['--cache-from', cache.from];
    case 'inline':
      return ['--cache-from', cache.from, '--build-arg', 'BUILDKIT_INLINE_CACHE=1'];
    case 'registry':
      return [
        '--cache-from',
        `type=registry,ref=${cache.ref}`,
        // ECR takes a cache only as an image manifest with OCI media types; a failed export must not fail the build.
        '--cache-to',
        `type=registry,ref=${cache.ref},mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`,
        // A docker-container builder keeps its result to itself unless told to load it into the engine.
        '--load',
      ];
  }
}

/** Whether the build must go through `docker buildx build` (with plain progress output, to see the cache hits). */
export function usesBuildx(cache: BuildCache): boolean {
  return cache.kind === 'registry' || cache.kind === 'inline';
}

/**
 * BuildKit's own word that it could not read a cache (`--cache-from` of a missing tag, or no permission): it builds
 * without it, printing `#8 importing cache manifest from <ref>` and then `#8 ERROR: …` (or `DONE` when it could), or
 * a warning that the importer failed.
 */
export function buildkitCacheProblem(output: string): string | undefined {
  const importing = /^#(\d+) importing cache manifest from (\S+)/m.exec(output);
  if (importing) {
    const error = new RegExp(`^#${importing[1]} ERROR: (.*)$`, 'm').exec(output);
    if (error) return `importing the cache ${importing[2]}: ${error[1]?.trim()}`;
  }
  return /^.*failed to (?:configure registry cache importer|import cache).*$/im.exec(output)?.[0]?.trim();
}

/** The steps that make a layer; the others (LABEL, ENV, the labels this step adds, …) only change the config. */
const LAYER_STEP = /^(RUN|COPY|ADD)\s/i;

/** The layer-making steps of a build, by whether the cache had them. */
export interface CacheUse {
  cached: string[];
  built: string[];
}

/**
 * Which build steps came from the cache, read from the build output: the classic builder prints
 * `Step 2/4 : RUN …` and then ` ---> Using cache`; BuildKit's plain progress prints `#7 [2/4] RUN …` and `#7 CACHED`.
 */
export function cacheUse(output: string): CacheUse {
  const lines = output.split(/\r?\n/);
  const cached: string[] = [];
  const built: string[] = [];
  const classic = lines.some((line) => /^Step \d+\/\d+ : /.test(line));
  if (classic) {
    let step: string | undefined;
    let hit = false;
    const flush = () => {
      if (step !== undefined && LAYER_STEP.test(step)) (hit ? cached : built).push(step);
    };
    for (const line of lines) {
      const match = /^Step \d+\/\d+ : (.*)$/.exec(line);
      if (match) {
        flush();
        step = match[1]?.trim();
        hit = false;
      } else if (/^ ---> Using cache/.test(line)) {
        hit = true;
      }
    }
    flush();
    return { cached, built };
  }
  const names = new Map<string, string>();
  const hits = new Set<string>();
  for (const line of lines) {
    const named = /^#(\d+) \[(?:[^\]]*\s)?\d+\/\d+\] (.*)$/.exec(line);
    if (named?.[1] && named[2] && !names.has(named[1])) names.set(named[1], named[2].trim());
    const hit = /^#(\d+) CACHED\s*$/.exec(line);
    if (hit?.[1]) hits.add(hit[1]);
  }
  for (const [id, name] of names) {
    if (!LAYER_STEP.test(name)) continue;
    (hits.has(id) ? cached : built).push(name);
  }
  return { cached, built };
}

/** One log line on what the cache gave this build (a runner that is not fresh also hits its own local cache). */
export function cacheUseMessage(cache: BuildCache, use: CacheUse): string {
  const prefix = cache.kind === 'off' ? `Build cache: off (${cache.reason}); ` : 'Build cache: ';
  const total = use.cached.length + use.built.length;
  const list = (steps: string[]) => steps.map((step) => (step.length > 60 ? `${step.slice(0, 57)}...` : step));
  if (use.cached.length === 0) return `${prefix}no layer came from the cache (${total} layers built)`;
  return [
    `${prefix}${use.cached.length} of ${total} layers came from the cache: ${list(use.cached).join(' | ')}`,
    ...(use.built.length > 0 ? [`built: ${list(use.built).join(' | ')}`] : []),
  ].join('; ');
}
