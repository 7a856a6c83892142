/**
 * `@ecs-actions/simulator/docker`: a private Docker engine and a registry with a login, for end-to-end tests of
 * image pushes (engine.ts); one pair per test file, unless the environment names a pair to share (shared.ts).
 */
export {
  DOCKERD_CANDIDATES,
  type DockerEngine,
  type DockerServices,
  findDockerd,
  ping,
  type StartDockerServicesOptions,
  startDockerEngine,
  startDockerServices,
} from './engine.js';
export { acquireDockerServices, DOCKER_SERVICES_ENV, dockerServicesFromEnv, dockerServicesToEnv } from './shared.js';
