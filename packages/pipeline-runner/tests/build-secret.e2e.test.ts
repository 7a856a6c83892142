/**
 * The starter CI with the repository secret BUILD_SECRET, run from its YAML with the real ecr-push against a private
 * dockerd: build-push.yml hands it to ecr-push by name (`build-secrets: id=build_secret,env=BUILD_SECRET`, the value
 * in the step's environment only), and the value appears in no step's log or inputs. Where the runner has docker
 * buildx the build mounts it; where it has none (Debian's docker.io, this machine) ecr-push refuses before any AWS
 * call and nothing is pushed. (ecr-push's own end-to-end test checks the image, its history and the log.)
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

beforeAll(async () => {
  docker = await startDockerPipeline({ secrets: { BUILD_SECRET: SECRET } });
}, 120_000);

afterAll(async () => {
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

    const hasBuildx = await exec('docker', ['buildx', 'inspect'], {
      env: { ...process.env, DOCKER_HOST: services.dockerHost },
    }).then(
      () => true,
      () => false,
    );
    if (hasBuildx) {
      expect(ci.conclusion).toBe('success');
      return;
    }
    expect(ci.conclusion).toBe('failure');
    expect(push.errors).toEqual([
      expect.stringMatching(/^Input "build-secrets" needs BuildKit's secret mounts, which need docker buildx/),
    ]);
    expect(sim.callsOf('PutImage')).toEqual([]);
    expect(await sim.ecr.tagsOf(pipeline.repository)).toEqual({});
  }, 180_000);
});
