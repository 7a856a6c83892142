/**
 * The starter CI with the repository secret BUILD_SECRET, run from its YAML with the real ecr-push against a private
 * dockerd: build-push.yml hands it to ecr-push by name (`build-secrets: id=build_secret,env=BUILD_SECRET`, the value
 * in the step's environment only), BuildKit gets it, the image is pushed, and the value appears in no step's log or
 * inputs and nowhere in the pushed image. The machine's docker CLI must drive BuildKit: the one on PATH when it has
 * buildx (GitHub's runners), else Debian's docker.io 20.10 (/usr/bin/docker, BuildKit built in), put first on the
 * runner's PATH as a runner image would. (The starter app's Dockerfile has no RUN: ecr-push's own end-to-end test
 * has a RUN read the secret.)
 */

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DockerPipeline, startDockerPipeline } from './docker-pipeline.js';
import { step } from './run-helpers.js';

const exec = promisify(execFile);
const SECRET = `npm_${randomBytes(16).toString('hex')}`;
let docker: DockerPipeline;
const machinePath = process.env.PATH;

beforeAll(async () => {
  const hasBuildx = await exec('docker', ['buildx', 'version']).then(
    () => true,
    () => false,
  );
  // The runner's steps inherit this worker's PATH.
  if (!hasBuildx) process.env.PATH = `/usr/bin:${machinePath}`;
  docker = await startDockerPipeline({ secrets: { BUILD_SECRET: SECRET } });
}, 120_000);

afterAll(async () => {
  process.env.PATH = machinePath;
  await docker?.close();
}, 60_000);

describe('build-push.yml with a build secret', () => {
  it('passes BUILD_SECRET to ecr-push as a BuildKit secret by name, and the value reaches no log', async () => {
    const { pipeline, sim, services } = docker;
    await pipeline.push('a build that needs a private registry token');
    const ci = await pipeline.runCi();

    const push = step(ci, 'build-push/build-push', 'push');
    expect(push.inputs['build-secrets']).toBe('id=build_secret,env=BUILD_SECRET');
    const everything = JSON.stringify(ci);
    expect(everything).not.toContain(SECRET);

    expect(ci.conclusion).toBe('success');
    expect(push.errors).toEqual([]);
    // BuildKit got the secret by name: `docker buildx build` or `DOCKER_BUILDKIT=1 docker build`.
    expect(everything).toMatch(
      /(?:docker buildx build|DOCKER_BUILDKIT=1 docker build) [^"]*--secret id=build_secret,env=BUILD_SECRET/,
    );
    expect(sim.callsOf('PutImage').length).toBeGreaterThan(0);
    const image = `${services.registryHost}/${pipeline.repository}`;
    const inEngine = { env: { ...process.env, DOCKER_HOST: services.dockerHost }, maxBuffer: 256 * 1024 * 1024 };
    const tags = Object.keys(await sim.ecr.tagsOf(pipeline.repository));
    expect(tags.length).toBeGreaterThan(0);
    const { stdout: saved } = await exec('docker', ['save', `${image}:${tags[0]}`], {
      ...inEngine,
      encoding: 'buffer',
    });
    expect(saved.includes(Buffer.from(SECRET))).toBe(false);
    const { stdout: history } = await exec('docker', ['history', '--no-trunc', `${image}:${tags[0]}`], inEngine);
    expect(history).not.toContain(SECRET);
  }, 180_000);
});
