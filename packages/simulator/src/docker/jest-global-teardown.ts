/** Jest globalTeardown: stops what jest-global-setup.ts started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__ecsActionsDockerServices?.stop();
  globalThis.__ecsActionsDockerServices = undefined;
}
