/**
 * One Docker engine and registry per test run: a jest globalSetup (jest-global-setup.ts) starts them once and
 * hands them to the test files through the environment; a test file run on its own starts its own.
 */
import { type DockerServices, startDockerServices } from './engine.js';

export const DOCKER_SERVICES_ENV = {
  dockerHost: 'ECS_ACTIONS_TEST_DOCKER_HOST',
  registryUrl: 'ECS_ACTIONS_TEST_REGISTRY_URL',
  username: 'ECS_ACTIONS_TEST_REGISTRY_USERNAME',
  password: 'ECS_ACTIONS_TEST_REGISTRY_PASSWORD',
} as const;

/** The services a globalSetup started, or undefined. Their `stop()` does nothing: the globalTeardown owns them. */
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
 * The run's shared services when a globalSetup started them, else a fresh pair for this file (call `stop()`
 * in afterAll either way). Never skips: a Docker test that cannot start or reach the engine fails.
 */
export async function acquireDockerServices(): Promise<DockerServices> {
  return dockerServicesFromEnv() ?? (await startDockerServices());
}
