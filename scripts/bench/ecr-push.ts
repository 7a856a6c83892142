/**
 * ecr-push: how long it takes to push a second tag of an image that is already in the registry, against
 * a private dockerd, a real registry with a login and the simulator's ECR in front of it.
 *
 * The action adds such a tag with ECR PutImage of the stored manifest (no layers, no docker push): one ECR API call,
 * which against real ECR is one registry round trip. Here the ECR API is the simulator, which reads the local
 * registry before it answers and writes the tag through to it, so the yardstick is one ECR API call through the
 * same endpoint (target: within 2 of them); a bare registry round trip and `docker push` of the same tag are
 * measured next to it for comparison.
 *   tsx scripts/bench/ecr-push.ts     prints the figures as JSON (BENCH_RUNS, default 10)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputReader, inputsFrom, realSleep, systemClock } from '@ecs-actions/core';
import { runBundle } from '@ecs-actions/core/testkit';
import { startSimulator } from '@ecs-actions/simulator';
import { startDockerServices } from '@ecs-actions/simulator/docker';
import { type DockerCli, dockerCli } from '../../actions/ecr-push/src/docker.js';
import { ECRClient, tagDigest } from '../../actions/ecr-push/src/ecr.js';
import { type Logger, pushImage } from '../../actions/ecr-push/src/ecr-push.js';
import { readEcrPushInputs } from '../../actions/ecr-push/src/inputs.js';
import { type Spread, spread } from './harness.js';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

export interface EcrPushBench {
  /** The action's PutImage of a second tag (what the step spends on that tag). */
  secondTagMs: Spread;
  /** One registry round trip: HEAD /v2/<name>/manifests/<tag> with basic auth. */
  registryRoundTripMs: Spread;
  /** One ECR API call through the simulator (DescribeImages of one tag; the simulator reads the registry first). */
  ecrRoundTripMs: Spread;
  /** secondTagMs / ecrRoundTripMs, medians: the figure with a target (at most 2). */
  secondTagToEcrRoundTrip: number;
  /** secondTagMs / registryRoundTripMs, medians. */
  secondTagToRegistryRoundTrip: number;
  /** `docker push` of a second tag of the same image, for comparison. */
  dockerPushSecondTagMs: Spread;
  /** The whole bundle run (node start, login, checks, the new tag, logout not included) adding a second tag. */
  bundleRunMs: Spread;
  /** The target: two ECR API round trips (median). */
  targetMs: number;
  ok: boolean;
}

const silent: Logger = {
  info() {},
  notice() {},
  warning() {},
  group: (_title, fn) => fn(),
  maskSecret() {},
};

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

export async function benchEcrPush(runs = Number(process.env.BENCH_RUNS ?? 10)): Promise<EcrPushBench> {
  const services = await startDockerServices();
  const sim = await startSimulator({
    registry: { url: services.registryUrl, username: services.username, password: services.password },
  });
  const dockerConfig = await mkdtemp(path.join(tmpdir(), 'bench-ecr-push-docker-'));
  const context = await mkdtemp(path.join(tmpdir(), 'bench-ecr-push-ctx-'));
  const dockerEnv = { DOCKER_HOST: services.dockerHost, DOCKER_CONFIG: dockerConfig };
  const previousEnv = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: process.env.DOCKER_CONFIG };
  Object.assign(process.env, dockerEnv);
  try {
    const repository = 'bench-app';
    sim.ecr.seedRepository({ repositoryName: repository });
    await writeFile(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /\n');
    await writeFile(path.join(context, 'hello.txt'), `hello ${Date.now()}\n`);
    const env = { ...process.env, ...dockerEnv };
    await exec('docker', ['build', '--quiet', '--tag', 'bench-app:local', context], { env });

    const real = dockerCli();
    const docker: DockerCli = { run: (args, options) => real.run(args, { ...options, quiet: true }) };
    const ecr = new ECRClient({
      region: sim.env.AWS_REGION,
      endpoint: sim.env.AWS_ENDPOINT_URL_ECR,
      credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    });
    const deps = {
      ecr,
      docker,
      clock: systemClock,
      sleep: realSleep,
      log: silent,
      workspace: context,
      tempDir: context,
      env,
      onLogin: () => {},
    };
    const push = (tags: string[]) =>
      pushImage(
        readEcrPushInputs(new InputReader(inputsFrom({ repository, image: 'bench-app:local', tags: tags.join('\n') }))),
        deps,
      );

    // The image goes up once.
    const first = await push(['base']);
    // Where docker pushes: the login host (the local registry), not the ECR name the action reports.
    const uri = `${services.registryHost}/${repository}`;

    const authorization = `Basic ${Buffer.from(`${services.username}:${services.password}`).toString('base64')}`;
    const registryTrips: number[] = [];
    const ecrTrips: number[] = [];
    const secondTag: number[] = [];
    const dockerPushes: number[] = [];
    const bundleRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [registryMs, response] = await timed(() =>
        fetch(`${services.registryUrl}/v2/${repository}/manifests/base`, {
          method: 'HEAD',
          headers: { authorization, accept: 'application/vnd.docker.distribution.manifest.v2+json' },
        }),
      );
      if (response.headers.get('docker-content-digest') !== first.digest) throw new Error('registry digest differs');
      registryTrips.push(registryMs);

      const [ecrMs] = await timed(() => tagDigest(ecr, repository, undefined, 'base'));
      ecrTrips.push(ecrMs);

      const result = await push(['base', `second-${i}`]);
      const added = result.tagResults.find((tag) => tag.tag === `second-${i}`);
      if (added?.via !== 'PutImage' || added.durationMs === undefined || result.digest !== first.digest) {
        throw new Error(`the second tag was not added with PutImage: ${JSON.stringify(result.tagResults)}`);
      }
      secondTag.push(added.durationMs);

      await exec('docker', ['tag', 'bench-app:local', `${uri}:docker-${i}`], { env });
      const [pushMs] = await timed(() => exec('docker', ['push', `${uri}:docker-${i}`], { env }));
      dockerPushes.push(pushMs);
    }

    for (let i = 0; i < Math.min(runs, 5); i++) {
      const run = await runBundle({
        bundle: path.join(root, 'actions/ecr-push/dist/index.js'),
        inputs: { repository, image: 'bench-app:local', tags: `base\nbundle-${i}` },
        env: { ...sim.env, ...dockerEnv },
      });
      if (run.exitCode !== 0) throw new Error(`the bundle failed:\n${run.log}`);
      bundleRuns.push(run.durationMs);
    }

    const registryRoundTripMs = spread(registryTrips);
    const ecrRoundTripMs = spread(ecrTrips);
    const secondTagMs = spread(secondTag);
    const targetMs = 2 * ecrRoundTripMs.median;
    return {
      secondTagMs,
      registryRoundTripMs,
      ecrRoundTripMs,
      secondTagToEcrRoundTrip: secondTagMs.median / Math.max(ecrRoundTripMs.median, 0.001),
      secondTagToRegistryRoundTrip: secondTagMs.median / Math.max(registryRoundTripMs.median, 0.001),
      dockerPushSecondTagMs: spread(dockerPushes),
      bundleRunMs: spread(bundleRuns),
      targetMs,
      ok: secondTagMs.median <= targetMs,
    };
  } finally {
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await sim.close();
    await services.stop();
    // The Docker config holds the bundle runs' logins (their post step, the logout, is not run here).
    await rm(dockerConfig, { recursive: true, force: true });
    await rm(context, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const result = await benchEcrPush();
  console.log(JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}
