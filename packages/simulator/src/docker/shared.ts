/**
 * Handing a running Docker engine and registry to test files through the environment (ECS_ACTIONS_TEST_*), so
 * that a process that already runs them (a wrapper script around jest, say) can share one pair between files.
 * Without those variables, which is the default, each file that calls `acquireDockerServices` starts its own
 * pair (a second or two). There is no jest globalSetup for it: jest loads a globalSetup outside its module
 * mapping, where the `.js` specifiers of these TypeScript sources do not resolve, and one in jest.config.ts
 * would start dockerd for every run, even of unit tests alone.
 */
import { type DockerServices, startDockerServices } from './engine.js';

export const DOCKER_SERVICES_ENV = {
  dockerHost: 'ECS_ACTIONS_TEST_DOCKER_HOST',
  registryUrl: 'ECS_ACTIONS_TEST_REGISTRY_URL',
  username: 'ECS_ACTIONS_TEST_REGISTRY_USERNAME',
  password: 'ECS_ACTIONS_TEST_REGISTRY_PASSWORD',
} as const;

/** The services another process started and exported, or undefined. Their `stop()` does nothing: that process owns them. */
export function dockerServicesFromEnv(env: NodeJS.ProcessEnv = process.env): DockerServices | undefined {
  const dockerHost = env[DOCKER_SERVICES_ENV.dockerHost];
  const registryUrl = env[DOCKER_SERVICES_ENV.registryUrl];
  const username = env[DOCKER_SERVICES_ENV.username];
  const password = env[DOCKER_SERVICES_ENV.password];
  if (!dockerHost || !registryUrl || !username || !password) return undefined;
  return {
    dockerHost,
    registryUrl,
    registryHost: new URL(registryUrl).host,
    username,
    password,
    dir: '',
    async stop() {},
  };
}

export function dockerServicesToEnv(services: DockerServices): Record<string, string> {
  return {
    [DOCKER_SERVICES_ENV.dockerHost]: services.dockerHost,
    [DOCKER_SERVICES_ENV.registryUrl]: services.registryUrl,
    [DOCKER_SERVICES_ENV.username]: services.username,
    [DOCKER_SERVICES_ENV.password]: services.password,
  };
}

/**
 * The shared services when the environment names them, else a fresh pair for this file (call `stop()` in
 * afterAll either way: for shared services it does nothing). Never skips: a Docker test that cannot start or
 * reach the engine fails.
 */
export async function acquireDockerServices(): Promise<DockerServices> {
  return dockerServicesFromEnv() ?? (await startDockerServices());
}
