/**
 * The end-to-end tests' pipeline with Docker: a private dockerd and registry (shared ones when the environment names
 * them), the simulator at 100x real time pushing to that registry, and the starter workflows' pipeline on top; and
 * what the registry itself says about a tag.
 */
import path from 'node:path';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { acquireDockerServices, type DockerServices } from '@ecs-actions/simulator/docker';
import { createPipeline, type Pipeline, type PipelineSetup } from '../src/index.js';

export const root = path.resolve(import.meta.dirname, '../../..');

export interface DockerPipeline {
  services: DockerServices;
  sim: Simulator;
  pipeline: Pipeline;
  /** Stops the simulator and the Docker services (for shared services, nothing). */
  close(): Promise<void>;
}

export async function startDockerPipeline(
  setup: Omit<PipelineSetup, 'sim' | 'root' | 'dockerHost'> = {},
): Promise<DockerPipeline> {
  const services = await acquireDockerServices();
  let sim: Simulator | undefined;
  let pipeline: Pipeline;
  try {
    sim = await startSimulator({
      timeScale: 100,
      registry: { url: services.registryUrl, username: services.username, password: services.password },
    });
    pipeline = await createPipeline({ sim, root, dockerHost: services.dockerHost, ...setup });
  } catch (error) {
    await sim?.close();
    await services.stop();
    throw error;
  }
  return {
    services,
    sim,
    pipeline,
    async close() {
      await sim.close();
      await services.stop();
    },
  };
}

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/** A GET (or HEAD) of `/v2/<repository>/<url>` on the registry, with its credentials. */
export function registryFetch(
  services: DockerServices,
  repository: string,
  url: string,
  init: { method?: string; accept?: string } = {},
): Promise<Response> {
  return fetch(`${services.registryUrl}/v2/${repository}/${url}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Basic ${Buffer.from(`${services.username}:${services.password}`).toString('base64')}`,
      accept: init.accept ?? MANIFEST_TYPES,
    },
  });
}

/** The digest the registry itself reports for a tag (Docker-Content-Digest), or null when the tag is not there. */
export async function registryDigest(
  services: DockerServices,
  repository: string,
  tag: string,
): Promise<string | null> {
  const response = await registryFetch(services, repository, `manifests/${tag}`, { method: 'HEAD' });
  return response.ok ? response.headers.get('docker-content-digest') : null;
}
