/**
 * The seed's build, run from the starter CI workflow against the simulator, a real local registry and a private
 * dockerd: with the repository variables JAVA_VERSION=17 and BUILD_COMMAND='./gradlew bootJar', build-push.yml sets
 * up the JDK (setup-java's stand-in: inputs and Gradle cache files checked, no JDK installed), runs the Gradle
 * wrapper (a stand-in committed as the app's `gradlew`: no JDK, no network) before docker build, and the Dockerfile
 * copies the jar it wrote into the image. A build that fails stops the job before anything is pushed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Simulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CiRun, Pipeline } from '../src/index.js';
import { type DockerPipeline, registryDigest, registryFetch, startDockerPipeline } from './docker-pipeline.js';
import { explain, job, step } from './run-helpers.js';

const exec = promisify(execFile);

/**
 * The Gradle wrapper of the seed app, stood in for: `bootJar` "compiles" src/ into build/libs/app.jar (with the
 * version CI hands the build), and fails like a compile error when the source says BROKEN.
 */
const GRADLEW = `#!/bin/sh
set -eu
[ "\${1:-}" = bootJar ] || { echo "gradlew (stand-in): task '\${1:-}' not found" >&2; exit 1; }
echo "> Task :compileJava"
if grep -q BROKEN src/main/java/com/example/App.java; then
  echo "src/main/java/com/example/App.java:3: error: ';' expected" >&2
  echo "BUILD FAILED"
  exit 1
fi
mkdir -p build/libs
{ echo "octo-app jar, version \${BUILD_VERSION:-unset}"; cat src/main/java/com/example/App.java; } > build/libs/app.jar
echo "> Task :bootJar"
echo "BUILD SUCCESSFUL"
`;

const SOURCE = 'package com.example;\npublic class App { public static void main(String[] a) { } }\n';

/** The seed-shaped application: Gradle files in git, build/ ignored, a Dockerfile that copies the built jar. */
const SEED_APP: Record<string, string> = {
  gradlew: GRADLEW,
  'gradle/wrapper/gradle-wrapper.properties':
    'distributionUrl=https\\://services.gradle.org/distributions/gradle-8.14-bin.zip\n',
  'settings.gradle': "rootProject.name = 'octo-app'\n",
  'build.gradle': "plugins {\n  id 'java'\n  id 'org.springframework.boot' version '3.5.0'\n}\n",
  'src/main/java/com/example/App.java': SOURCE,
  '.gitignore': 'build/\n',
  Dockerfile: 'FROM scratch\nCOPY build/libs/*.jar /app/\nLABEL org.example.app="octo-app"\n',
};

let docker: DockerPipeline;
let sim: Simulator;
let pipeline: Pipeline;

beforeAll(async () => {
  docker = await startDockerPipeline({ vars: { JAVA_VERSION: '17', BUILD_COMMAND: './gradlew bootJar' } });
  ({ sim, pipeline } = docker);
  await pipeline.push('The Spring Boot app, built by Gradle', SEED_APP, ['gradlew']);
}, 120_000);

afterAll(async () => {
  await docker?.close();
});

interface Manifest {
  manifests?: { digest: string; platform?: { os?: string } }[];
  layers?: { digest: string }[];
}

const registry = (url: string, accept?: string) =>
  registryFetch(docker.services, pipeline.repository, url, accept ? { accept } : {});
const tagDigest = (tag: string) => registryDigest(docker.services, pipeline.repository, tag);

/** The files of the image a tag names, read from its layers in the registry (path → content). */
async function imageFiles(tag: string): Promise<Record<string, string>> {
  let manifest = (await (await registry(`manifests/${tag}`)).json()) as Manifest;
  if (manifest.manifests) {
    // An index (BuildKit may add attestation manifests, platform unknown/unknown): take the image's own manifest.
    const image = manifest.manifests.find((m) => m.platform?.os !== 'unknown');
    manifest = (await (await registry(`manifests/${image?.digest}`)).json()) as Manifest;
  }
  const files: Record<string, string> = {};
  for (const layer of manifest.layers ?? []) {
    const blob = Buffer.from(await (await registry(`blobs/${layer.digest}`, '*/*')).arrayBuffer());
    Object.assign(files, untar(blob[0] === 0x1f && blob[1] === 0x8b ? gunzipSync(blob) : blob));
  }
  return files;
}

/** Regular files of a tar archive (ustar names with their prefix; pax and directory entries skipped). */
function untar(tar: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  const text = (start: number, length: number) => tar.toString('utf8', start, start + length).replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = text(offset, 100);
    if (!name) break;
    const size = Number.parseInt(text(offset + 124, 12).trim() || '0', 8);
    const type = text(offset + 156, 1);
    const prefix = text(offset + 345, 155);
    if (type === '0' || type === '') {
      files[prefix ? `${prefix}/${name}` : name] = tar.toString('utf8', offset + 512, offset + 512 + size);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

const stepIndex = (run: CiRun, name: string) =>
  job(run, 'build-push/build-push').steps.findIndex((s) => s.id === name || s.uses?.startsWith(name));

let first: CiRun;

describe('the seed build: JAVA_VERSION and BUILD_COMMAND in the starter CI workflow', () => {
  it('sets up Java 17 with the Gradle cache, runs ./gradlew bootJar before docker build, and the jar is in the image', async () => {
    const ci = await pipeline.runCi();
    expect(explain(ci)).toBe('');
    expect(ci.conclusion).toBe('success');
    first = ci;
    const version = ci.outputs['build-push']?.version ?? '';
    const java = step(ci, 'build-push/build-push', 'actions/setup-java');
    expect(java.outcome).toBe('success');
    expect(java.inputs).toEqual({ 'java-version': '17', distribution: 'temurin', cache: 'gradle' });
    expect(java.log).toContain('gradle cache keyed by build.gradle, gradle/wrapper/gradle-wrapper.properties');
    const build = step(ci, 'build-push/build-push', 'build');
    expect(build.outcome).toBe('success');
    expect(build.log).toContain('> Task :bootJar');
    expect(build.log).toContain('BUILD SUCCESSFUL');
    // JDK, then the build, then the AWS credentials (the build never had them), then docker build and push.
    const order = ['actions/setup-java', 'build', 'aws-actions/configure-aws-credentials', 'push'].map((name) =>
      stepIndex(ci, name),
    );
    expect(order[0]).toBeGreaterThan(stepIndex(ci, 'actions/checkout'));
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    // The jar is not in git: only the build could have put it where the Dockerfile's COPY found it.
    const { stdout } = await exec('git', ['ls-tree', '-r', '--name-only', ci.sha], { cwd: pipeline.app.dir });
    expect(stdout.split('\n')).toContain('gradlew');
    expect(stdout).not.toContain('build/libs');
    const built = ci.outputs['build-push'] ?? {};
    expect(await tagDigest(version)).toBe(built.digest);
    const files = await imageFiles(version);
    expect(Object.keys(files)).toEqual(['app/app.jar']);
    expect(files['app/app.jar']).toBe(`octo-app jar, version ${version}\n${SOURCE}`);
  });

  it('a build that fails fails the job before the AWS credentials, the push and the build-info', async () => {
    await pipeline.push('WIP: half a refactoring', {
      'src/main/java/com/example/App.java': SOURCE.replace('{ }', '{ BROKEN }'),
    });
    const before = sim.calls.length;
    const ci = await pipeline.runCi();
    expect(ci.conclusion).toBe('failure');
    expect(job(ci, 'build-push/build-push').result).toBe('failure');
    const build = step(ci, 'build-push/build-push', 'build');
    expect(build.outcome).toBe('failure');
    expect(build.log).toContain("error: ';' expected");
    expect(build.log).toContain('BUILD FAILED');
    for (const later of ['aws-actions/configure-aws-credentials', 'push', 'actions/upload-artifact']) {
      expect([later, step(ci, 'build-push/build-push', later).outcome]).toEqual([later, 'skipped']);
    }
    // Nothing reached ECR: no API call, no tag of this version, latest still the first build.
    expect(sim.calls.slice(before).filter((c) => c.api === 'ecr')).toEqual([]);
    const version = step(ci, 'build-push/build-push', 'version').outputs.version ?? '';
    expect(version).toMatch(/^0\.\d{4}\.2$/);
    expect(await tagDigest(version)).toBeNull();
    expect(await tagDigest('latest')).toBe(first.outputs['build-push']?.digest);
  });
});
