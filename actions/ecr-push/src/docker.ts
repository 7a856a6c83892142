/**
 * The Docker CLI, behind a small interface so the logic can be tested without a daemon. Every call passes
 * its arguments as an array (no shell), and a secret only ever travels on stdin.
 */
import { spawn } from 'node:child_process';
import { ConfigurationError, plainTextEcho, writePlainText } from '@ecs-actions/core';

export interface DockerRunOptions {
  /** Written to the process's stdin (the only way a password reaches docker). */
  stdin?: string;
  /** Capture only; do not echo the command or its output to the log. */
  quiet?: boolean;
  /** Added to the inherited environment (DOCKER_BUILDKIT=1); never a secret's value. */
  env?: Readonly<Record<string, string>>;
}

export interface DockerRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived, when known. */
  output?: string;
}

/** What the command printed, in order where known. */
export function combinedOutput(result: DockerRunResult): string {
  return result.output ?? `${result.stdout}\n${result.stderr}`;
}

export interface DockerCli {
  /** Runs `docker <args>`; never throws for a non-zero exit code, only when docker cannot be started. */
  run(args: readonly string[], options?: DockerRunOptions): Promise<DockerRunResult>;
}

/** Docker is not on PATH. */
export class DockerNotInstalledError extends Error {}

/**
 * The real CLI, started with node's spawn: the command line and output are echoed to the log unless `quiet`. The
 * process starts at once, in the same tick (no PATH lookup first), so that `docker` runs while the action goes on
 * loading the AWS SDK.
 */
export function dockerCli(binary = 'docker'): DockerCli {
  return {
    run(args, options = {}) {
      const quiet = options.quiet ?? false;
      const envPrefix = Object.entries(options.env ?? {})
        .map(([name, value]) => `${name}=${value} `)
        .join('');
      if (!quiet) writePlainText(`[command]${envPrefix}${binary} ${args.join(' ')}`);
      return new Promise((resolve, reject) => {
        const child = spawn(binary, [...args], {
          stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
          ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
        });
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        const output: Buffer[] = [];
        // The build's output (a base image's or a RUN step's text) is echoed as plain text, never as commands.
        // Both go to stdout: the runner reads stdout and stderr separately and interleaves their lines, so a
        // stop-commands block on one stream does not guard the other (its resume line can land in the middle).
        const echoes = { stdout: plainTextEcho(process.stdout), stderr: plainTextEcho(process.stdout) };
        const collect = (into: Buffer[], echo: ReturnType<typeof plainTextEcho>) => (data: Buffer) => {
          into.push(data);
          output.push(data);
          if (!quiet) echo.write(data);
        };
        child.stdout?.on('data', collect(stdout, echoes.stdout));
        child.stderr?.on('data', collect(stderr, echoes.stderr));
        child.on('error', (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'ENOENT'
              ? new DockerNotInstalledError(`Unable to locate executable file: ${binary}`)
              : error,
          );
        });
        child.on('close', (code) => {
          echoes.stdout.end();
          echoes.stderr.end();
          resolve({
            // A process killed by a signal has no exit code: it failed.
            exitCode: code ?? 1,
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
            output: Buffer.concat(output).toString('utf8'),
          });
        });
        if (options.stdin !== undefined) {
          // A docker that exits before reading its stdin (a bad flag) closes the pipe: its exit code says why.
          child.stdin?.on('error', () => {});
          child.stdin?.end(options.stdin, 'utf8');
        }
      });
    },
  };
}

/** Where the Docker CLI looks for the daemon, for error messages. */
export function dockerHostTried(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKER_HOST) return `${env.DOCKER_HOST} (from DOCKER_HOST)`;
  if (env.DOCKER_CONTEXT) return `the endpoint of Docker context ${env.DOCKER_CONTEXT} (from DOCKER_CONTEXT)`;
  return 'unix:///var/run/docker.sock (the default; DOCKER_HOST is not set)';
}

/** Checks that the CLI is installed and the daemon answers; returns the server version. */
export async function checkDocker(docker: DockerCli, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let result: DockerRunResult;
  try {
    result = await docker.run(['version', '--format', '{{.Server.Version}}'], { quiet: true });
  } catch (error) {
    if (error instanceof DockerNotInstalledError) {
      throw new ConfigurationError(
        'Docker is not installed: there is no docker command on PATH. Use a runner with Docker (ubuntu-latest has it), or install Docker in an earlier step.',
      );
    }
    throw error;
  }
  const version = result.stdout.trim();
  if (result.exitCode !== 0 || version === '') {
    const said = lastLines(`${result.stderr}\n${result.stdout}`, 3) || `exit code ${result.exitCode}`;
    throw new ConfigurationError(
      `The Docker daemon is not reachable at ${dockerHostTried(env)}: ${said}. Start Docker, or point DOCKER_HOST at a running daemon (e.g. unix:///var/run/docker.sock).`,
    );
  }
  return version;
}

/**
 * The daemon's answer and the image given (undefined when there is none, or no image was given). With an image,
 * `docker image inspect` alone answers both (one docker process, not two, while the action loads); only when it
 * fails is the daemon asked what is wrong, so that failures are reported in the same order: no daemon before no
 * image.
 */
export async function checkEngine(
  docker: DockerCli,
  env: NodeJS.ProcessEnv,
  image: string | undefined,
): Promise<LocalImage | undefined> {
  if (image === undefined) {
    await checkDocker(docker, env);
    return undefined;
  }
  try {
    return await inspectImage(docker, image);
  } catch (error) {
    await checkDocker(docker, env);
    throw error;
  }
}

export interface BuildOptions {
  context: string;
  dockerfile: string;
  buildArgs: readonly { key: string; value: string }[];
  labels: readonly { key: string; value: string }[];
  target?: string | undefined;
  platform?: string | undefined;
  iidfile: string;
  /**
   * Which builder: `classic` (`docker build` without BuildKit), `buildx` (`docker buildx build`), or `builtin`
   * (`DOCKER_BUILDKIT=1 docker build`: the engine's own BuildKit, through a CLI that needs no buildx for it, such as
   * Debian's docker.io 20.10). Both BuildKit forms print plain progress output.
   */
  builder?: Builder;
  /** `docker build --network` for RUN steps; `default` or undefined passes no flag. */
  network?: string | undefined;
  /** The build cache's own arguments (`--cache-from`, …). */
  cacheArgs?: readonly string[];
  /** BuildKit's `--secret` arguments (BuildKit only): where each value is, never the value. */
  secretArgs?: readonly string[];
}

/** `docker build` arguments, one array element per argument: values are never split or quoted by a shell. */
export function buildArguments(options: BuildOptions): string[] {
  const args = [
    ...(options.builder === 'buildx' ? ['buildx'] : []),
    'build',
    ...(options.builder === 'buildx' || options.builder === 'builtin' ? ['--progress', 'plain'] : []),
    '--file',
    options.dockerfile,
    '--iidfile',
    options.iidfile,
  ];
  if (options.target) args.push('--target', options.target);
  if (options.platform) args.push('--platform', options.platform);
  if (options.network && options.network !== 'default') args.push('--network', options.network);
  for (const { key, value } of options.buildArgs) args.push('--build-arg', `${key}=${value}`);
  for (const { key, value } of options.labels) args.push('--label', `${key}=${value}`);
  args.push(...(options.secretArgs ?? []));
  args.push(...(options.cacheArgs ?? []), options.context);
  return args;
}

export type Builder = 'classic' | 'buildx' | 'builtin';

/** The environment `docker build` runs with: the engine's own BuildKit is asked for by DOCKER_BUILDKIT=1. */
export function builderEnv(builder: Builder): Record<string, string> | undefined {
  return builder === 'builtin' ? { DOCKER_BUILDKIT: '1' } : undefined;
}

export interface LocalImage {
  /** `sha256:…`, the image's config digest. */
  id: string;
  /** `host/repository@sha256:…` entries Docker recorded when the image was pushed or pulled. */
  repoDigests: string[];
}

/** `docker image inspect`; undefined when the engine has no such image. */
export async function inspectImage(docker: DockerCli, reference: string): Promise<LocalImage | undefined> {
  const result = await docker.run(['image', 'inspect', '--format', '{{json .}}', reference], { quiet: true });
  if (result.exitCode !== 0) {
    if (/no such (image|object)/i.test(result.stderr)) return undefined;
    throw new Error(`docker image inspect ${reference} failed: ${lastLines(result.stderr, 3)}`);
  }
  const parsed = JSON.parse(result.stdout) as { Id?: string; RepoDigests?: string[] | null };
  if (!parsed.Id) throw new Error(`docker image inspect ${reference} returned no Id`);
  return { id: parsed.Id, repoDigests: parsed.RepoDigests ?? [] };
}

/**
 * The manifest digests Docker knows this image by, those of `repositoryUri` first (the one an error names). A digest
 * names one manifest wherever it is stored, so a tag that holds any of them holds this image.
 */
export function knownDigests(image: LocalImage, repositoryUri?: string): string[] {
  const digestOf = (entry: string) => entry.slice(entry.lastIndexOf('@') + 1);
  const here = image.repoDigests.filter((entry) => entry.startsWith(`${repositoryUri}@`));
  const elsewhere = image.repoDigests.filter((entry) => !here.includes(entry));
  return [...new Set([...here, ...elsewhere].map(digestOf))];
}

/** A failed docker command, with the end of its output. */
export class DockerCommandError extends ConfigurationError {
  constructor(
    readonly command: string,
    readonly result: DockerRunResult,
    hint = '',
  ) {
    const output = lastLines(result.stderr, 1) || lastLines(combinedOutput(result), 1);
    super(
      `docker ${command} failed (exit code ${result.exitCode})${output ? `: ${output}` : ''}${hint ? ` ${hint}` : ''}`,
    );
  }
}

/** The last `count` non-empty lines of a command's output. */
export function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(-count)
    .join('\n');
}
