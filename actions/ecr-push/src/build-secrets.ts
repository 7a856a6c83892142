/**
 * `build-secrets` at run time: each secret's value found (the step's environment variable, or a file in the workspace
 * or RUNNER_TEMP) and masked in the log, and BuildKit's `--secret` arguments, which name where a value is and never
 * hold it. BuildKit mounts a secret only while the RUN step that asks for it runs: it is in no layer and no history.
 * The classic builder has no secret mounts, so secrets need BuildKit: `docker buildx`, or the engine's own BuildKit
 * through a CLI that drives it without buildx; with neither the step fails before any AWS call instead of building
 * without them.
 */
import { ConfigurationError, type PathRoot, quoteValue, readInputFile, resolveInputPath } from '@ecs-actions/core';
import { type Builder, builderEnv, type DockerCli } from './docker.js';
import type { BuildSecret } from './inputs.js';
import type { Logger } from './log.js';

/** A secret file larger than this is refused (a token or a settings file, not a data set). */
const MAX_SECRET_BYTES = 512 * 1024;

/** Every secret's value exists and is masked from here on, `src` paths made absolute, and a BuildKit to mount them. */
export async function prepareBuildSecrets(
  secrets: readonly BuildSecret[],
  options: { workspace: string; env: NodeJS.ProcessEnv; docker: DockerCli; log: Pick<Logger, 'maskSecret'> },
): Promise<{ secrets: BuildSecret[]; builder: SecretBuilder | undefined }> {
  if (secrets.length === 0) return { secrets: [], builder: undefined };
  const { env, log } = options;
  const roots: [PathRoot, ...PathRoot[]] = [
    { name: 'GITHUB_WORKSPACE', dir: options.workspace },
    ...(env.RUNNER_TEMP ? [{ name: 'RUNNER_TEMP', dir: env.RUNNER_TEMP }] : []),
  ];
  const resolved: BuildSecret[] = [];
  for (const secret of secrets) {
    let value: string;
    if ('env' in secret) {
      value = env[secret.env] ?? '';
      if (value === '') {
        throw new ConfigurationError(
          `Input "build-secrets": the secret ${quoteValue(secret.id)} reads the environment variable ${secret.env}, which is empty or not set in this step. Set it in the step's env:, e.g. ${secret.env}: \${{ secrets.${secret.env} }}, and check that the secret exists.`,
        );
      }
      resolved.push(secret);
    } else {
      const file = resolveInputPath({ input: 'build-secrets', value: secret.src, roots });
      value = readInputFile('build-secrets', file, {
        maxBytes: MAX_SECRET_BYTES,
        missingHint: `Write the secret ${secret.id}'s file in an earlier step (e.g. into $RUNNER_TEMP), or fix src=.`,
      });
      resolved.push({ id: secret.id, src: file.file });
    }
    log.maskSecret(value);
    for (const line of value.split(/\r?\n/)) if (line.trim() !== '') log.maskSecret(line.trim());
  }
  return { secrets: resolved, builder: await secretBuilder(options.docker) };
}

/**
 * The BuildKit that can mount the secrets: `docker buildx build` when buildx is there (GitHub's hosted runners), else
 * the engine's own BuildKit through `DOCKER_BUILDKIT=1 docker build`, when this CLI can drive it without buildx (its
 * help then lists --secret; a CLI from 23.0 on refuses instead: "BuildKit is enabled but the buildx component is
 * missing or broken"). Neither: a refusal, as the classic builder could only put a secret into the image.
 */
async function secretBuilder(docker: DockerCli): Promise<SecretBuilder> {
  const buildx = await docker.run(['buildx', 'inspect'], { quiet: true });
  if (buildx.exitCode === 0) return 'buildx';
  const builtin = await docker.run(['build', '--help'], { quiet: true, env: builderEnv('builtin') });
  if (builtin.exitCode === 0 && /^\s*--secret\b/m.test(builtin.stdout)) return 'builtin';
  // The CLI's first line says what is wrong ("unknown command: docker buildx"); the last only points at --help.
  const said = firstLine(`${buildx.stderr}\n${buildx.stdout}`) || `exit code ${buildx.exitCode}`;
  const builtinSaid = firstLine(`${builtin.stderr}\n${builtin.stdout}`) || 'no --secret in its help';
  throw new ConfigurationError(
    `Input "build-secrets" needs BuildKit's secret mounts, and this runner's Docker can give none: it has no buildx ("docker buildx inspect": ${said}), and its docker build cannot use the engine's own BuildKit ("DOCKER_BUILDKIT=1 docker build --help": ${builtinSaid}). The classic builder could only put a secret into the image. Use a runner with the buildx plugin (GitHub's hosted runners have it), or install it in an earlier step (e.g. docker/setup-buildx-action).`,
  );
}

const firstLine = (text: string) =>
  text
    .split(/\r?\n/)
    .find((line) => line.trim() !== '')
    ?.trim();

/** How the secrets reach BuildKit: `docker buildx build`, or the engine's own BuildKit (`DOCKER_BUILDKIT=1`). */
export type SecretBuilder = Extract<Builder, 'buildx' | 'builtin'>;

/** `--secret` arguments: where each value is (an environment variable's name, a file's path), never the value. */
export function secretArguments(secrets: readonly BuildSecret[]): string[] {
  return secrets.flatMap((secret) => [
    '--secret',
    'env' in secret ? `id=${secret.id},env=${secret.env}` : `id=${secret.id},src=${secret.src}`,
  ]);
}
