/**
 * Jest globalSetup: starts one private dockerd and one registry for the whole test run and exports them to the
 * test files (worker processes inherit the environment). Pair with jest-global-teardown.ts.
 */
import { type DockerServices, startDockerServices } from './engine.js';
import { dockerServicesToEnv } from './shared.js';

declare global {
  var __ecsActionsDockerServices: DockerServices | undefined;
}

export default async function globalSetup(): Promise<void> {
  const services = await startDockerServices();
  globalThis.__ecsActionsDockerServices = services;
  Object.assign(process.env, dockerServicesToEnv(services));
}
