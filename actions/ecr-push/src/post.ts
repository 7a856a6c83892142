import type { DockerCli } from './docker.js';
import { lastLines } from './docker.js';

/** What main hands to post: the registry it logged in to, and the Docker config that holds the login. */
export interface LoginState {
  registry: string;
  /** DOCKER_CONFIG at login time; undefined: Docker's default (~/.docker). */
  dockerConfig?: string | undefined;
}

/**
 * `docker logout <registry>` in the Docker config main logged in to. A failed logout is a warning, not a
 * failure: the job's result is decided by then, and the token expires within 12 hours anyway.
 */
export async function logout(
  docker: DockerCli,
  state: LoginState,
  log: { info(message: string): void; warning(message: string): void },
): Promise<void> {
  const args = [...(state.dockerConfig ? ['--config', state.dockerConfig] : []), 'logout', state.registry];
  let result: Awaited<ReturnType<DockerCli['run']>>;
  try {
    result = await docker.run(args, { quiet: true });
  } catch (error) {
    log.warning(`Could not log out of ${state.registry}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (result.exitCode === 0) log.info(`Logged out of ${state.registry}`);
  else log.warning(`docker logout ${state.registry} failed: ${lastLines(`${result.stdout}\n${result.stderr}`, 2)}`);
}
