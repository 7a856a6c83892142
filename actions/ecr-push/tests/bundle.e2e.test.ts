/**
 * The ecr-push bundle, run as the runner runs it, against a private dockerd, a real registry that requires a
 * login (htpasswd), and the simulator's ECR pointing at that registry.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BundleRun, runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { acquireDockerServices, type DockerServices } from '@ecs-actions/simulator/docker';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const bundle = path.resolve(import.meta.dirname, '../dist/index.js');
const COMMIT_TIME = '2025-10-06T09:00:00+09:00';
const MANIFEST_ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

let services: DockerServices;
let sim: Simulator;
let dockerConfig: string;
let workspace: string;
let shimBin: string;
let dockerArgvLog: string;

beforeAll(async () => {
  services = await acquireDockerServices();
  sim = await startSimulator({
    registry: { url: services.registryUrl, username: services.username, password: services.password },
  });
  // A Docker config of the tests' own: nothing touches /root/.docker.
  dockerConfig = await mkdtemp(path.join(tmpdir(), 'ecr-push-docker-config-'));
  workspace = await mkdtemp(path.join(tmpdir(), 'ecr-push-e2e-ws-'));
  await mkdir(path.join(workspace, 'app'));
  await writeFile(path.join(workspace, 'app', 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /\n');
  // Unique content: a registry shared with other test files never already holds this image.
  await writeFile(path.join(workspace, 'app', 'hello.txt'), `hello ${randomBytes(8).toString('hex')}\n`);
  // A Dockerfile whose second step fails: COPY of a file the context does not have.
  await mkdir(path.join(workspace, 'broken'));
  await writeFile(path.join(workspace, 'broken', 'Dockerfile'), 'FROM scratch\nCOPY missing.txt /\n');
  // A `docker` first on PATH that writes down its argv, then runs the real one: a complete record of every
  // command line the action gave Docker (the /proc sampling below covers every other process, by chance).
  const realDocker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
  shimBin = await mkdtemp(path.join(tmpdir(), 'ecr-push-shim-'));
  dockerArgvLog = path.join(shimBin, 'argv.log');
  await writeFile(
    path.join(shimBin, 'docker'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${dockerArgvLog}'\nexec '${realDocker}' "$@"\n`,
  );
  await chmod(path.join(shimBin, 'docker'), 0o755);
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await services?.stop();
  for (const dir of [dockerConfig, workspace, shimBin]) if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

function run(inputs: Record<string, string>, extra: Partial<Parameters<typeof runBundle>[0]> = {}): Promise<BundleRun> {
  return runBundle({
    bundle,
    workspace,
    inputs,
    env: {
      ...sim.env,
      PATH: `${shimBin}:${process.env.PATH}`,
      DOCKER_HOST: services.dockerHost,
      DOCKER_CONFIG: dockerConfig,
    },
    event: { name: 'push', payload: { head_commit: { id: 'ffac537e', timestamp: COMMIT_TIME } } },
    timeoutMs: 120_000,
    ...extra,
  });
}

/** The digest the registry holds under a tag (`HEAD /v2/<name>/manifests/<tag>` → `Docker-Content-Digest`). */
async function registryDigest(repository: string, tag: string): Promise<string | undefined> {
  const response = await fetch(`${services.registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      accept: MANIFEST_ACCEPT,
      authorization: `Basic ${Buffer.from(`${services.username}:${services.password}`).toString('base64')}`,
    },
  });
  if (response.status === 404) return undefined;
  expect(response.status).toBe(200);
  return response.headers.get('docker-content-digest') ?? undefined;
}

/** Every command line the action gave Docker so far (the PATH shim writes them down), oldest first. */
async function dockerCommandLines(): Promise<string[]> {
  const text = await readFile(dockerArgvLog, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '');
}

async function registryTags(repository: string): Promise<string[]> {
  const response = await fetch(`${services.registryUrl}/v2/${repository}/tags/list`, {
    headers: { authorization: `Basic ${Buffer.from(`${services.username}:${services.password}`).toString('base64')}` },
  });
  if (response.status === 404) return [];
  const body = (await response.json()) as { tags?: string[] | null };
  return body.tags ?? [];
}

async function dockerAuths(): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(dockerConfig, 'config.json'), 'utf8').catch(() => '{}');
  return ((JSON.parse(text) as { auths?: Record<string, unknown> }).auths ?? {}) as Record<string, unknown>;
}

/** Reads the argv of every process on the machine, again and again, until stopped. */
function sampleProcessArgv(): { stop(): Promise<{ samples: number; argvs: Set<string> }> } {
  const argvs = new Set<string>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const pids = (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry));
      await Promise.all(
        pids.map(async (pid) => {
          const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
          if (cmdline) argvs.add(cmdline.replace(/\0/g, ' ').trim());
        }),
      );
      samples++;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, argvs };
    },
  };
}

/** The log as the runner shows it: the `::add-mask::` commands themselves are not displayed. */
const visibleLog = (log: string) =>
  log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

describe('ecr-push bundle against dockerd, a registry with a login and the ECR simulator', () => {
  const repository = 'ecs-be-prod';
  let first: BundleRun;

  it('builds FROM scratch, pushes every tag, and the registry holds the digest it reported; the password stays secret', async () => {
    sim.ecr.seedRepository({
      repositoryName: repository,
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: ['latest'],
    });
    let sampler: ReturnType<typeof sampleProcessArgv> | undefined;
    first = await run(
      { repository, context: 'app', tags: '0.2541.135\nlatest' },
      {
        onSpawn: () => {
          sampler = sampleProcessArgv();
        },
      },
    );
    const sampled = await sampler?.stop();

    expect(first.errors).toEqual([]);
    expect(first.exitCode).toBe(0);
    // The outputs name the image as ECR reports the repository (and ECS pulls it); Docker pushed to the login host.
    const uri = `123456789012.dkr.ecr.us-east-1.amazonaws.com/${repository}`;
    const pushUri = `${services.registryHost}/${repository}`;
    const digest = first.outputs.digest ?? '';
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.outputs).toEqual({
      registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      'repository-uri': uri,
      image: `${uri}:0.2541.135`,
      digest,
      'image-with-digest': `${uri}@${digest}`,
      tags: '["0.2541.135","latest"]',
    });
    expect(await registryDigest(repository, '0.2541.135')).toBe(digest);
    expect(await registryDigest(repository, 'latest')).toBe(digest);
    expect(await sim.ecr.tagsOf(repository)).toEqual({ '0.2541.135': digest, latest: digest });

    // Docker output sits in log groups; the summary lists the outputs.
    expect(first.stdout).toContain('::group::docker build');
    expect(first.stdout).toContain(`::group::Push ${pushUri} (0.2541.135, latest)`);
    expect(first.log).toContain(`Docker pushes to ${pushUri} (the login endpoint); ECR names the repository ${uri}`);
    expect(first.summary).toContain(`| digest | \`${digest}\` |`);

    // The password: masked, and never in the visible log, the outputs, the state or any process's argv.
    const password = services.password;
    expect(first.stdout).toContain(`::add-mask::${password}`);
    expect(visibleLog(first.log)).not.toContain(password);
    expect(JSON.stringify(first.outputs)).not.toContain(password);
    expect(JSON.stringify(first.state)).not.toContain(password);
    expect(first.summary).not.toContain(password);
    expect(sampled?.samples).toBeGreaterThan(3);
    expect([...(sampled?.argvs ?? [])].filter((argv) => argv.includes(password))).toEqual([]);
    const dockerCommands = await dockerCommandLines();
    expect(dockerCommands).toContain(`login --username ${services.username} --password-stdin ${services.registryHost}`);
    expect(dockerCommands.filter((argv) => argv.includes(password))).toEqual([]);
    // One docker push; the second tag went to ECR with PutImage (no layers sent twice).
    expect(dockerCommands.filter((argv) => argv.startsWith('push '))).toEqual([`push ${pushUri}:0.2541.135`]);
    expect(sim.callsOf('PutImage').map((call) => (call.params as { imageTag?: string }).imageTag)).toEqual(['latest']);

    // Logged in to the job's Docker config until the post step.
    expect(Object.keys(await dockerAuths())).toContain(services.registryHost);
  }, 180_000);

  it('logs out in the post step', async () => {
    expect(first.state['ecr-push-login']).toBeDefined();
    const post = await run({ repository, context: 'app' }, { state: first.state });
    expect(post.exitCode).toBe(0);
    expect(post.log).toContain(`Logged out of ${services.registryHost}`);
    expect(Object.keys(await dockerAuths())).not.toContain(services.registryHost);
  }, 60_000);

  it('a second run of the same tags is idempotent: every tag is skipped, nothing is pushed', async () => {
    const commandsBefore = (await dockerCommandLines()).length;
    const putImagesBefore = sim.callsOf('PutImage').length;
    const second = await run({ repository, context: 'app', tags: '0.2541.135\nlatest' });
    expect(second.errors).toEqual([]);
    expect(second.exitCode).toBe(0);
    expect(second.outputs.digest).toBe(first.outputs.digest);
    expect(second.log).toContain(`Tag 0.2541.135 already holds this image (${first.outputs.digest})`);
    expect(second.log).toContain('Tag latest already holds this image');
    expect(second.stdout).not.toContain('::group::Push');
    expect(second.summary).toContain('| `0.2541.135` | already there, skipped |');
    // Neither a docker push nor an ECR PutImage: the registry is left exactly as it was.
    const commands = (await dockerCommandLines()).slice(commandsBefore);
    expect(commands.some((argv) => argv.startsWith('build '))).toBe(true);
    expect(commands.filter((argv) => argv.startsWith('push '))).toEqual([]);
    expect(sim.callsOf('PutImage')).toHaveLength(putImagesBefore);
    expect(await registryDigest(repository, '0.2541.135')).toBe(first.outputs.digest);
    expect(await registryDigest(repository, 'latest')).toBe(first.outputs.digest);
  }, 180_000);

  it('adds a new tag to an image ECR already holds with PutImage alone, no docker push', async () => {
    const before = (await dockerCommandLines()).length;
    const added = await run({ repository, context: 'app', tags: '0.2541.135\nstable' });
    expect(added.errors).toEqual([]);
    expect(added.exitCode).toBe(0);
    expect(added.outputs.digest).toBe(first.outputs.digest);
    expect(await registryDigest(repository, 'stable')).toBe(first.outputs.digest);
    const commands = (await dockerCommandLines()).slice(before);
    expect(commands.filter((argv) => argv.startsWith('push '))).toEqual([]);
    expect(added.summary).toContain('| `stable` | pushed, by ECR PutImage, no layers sent |');
  }, 180_000);

  it('an immutable tag that holds another image fails before anything is pushed', async () => {
    const immutable = 'immutable-app';
    sim.ecr.seedRepository({ repositoryName: immutable, imageTagMutability: 'IMMUTABLE' });
    const existing = sim.ecr.seedImage({ repositoryName: immutable, tags: ['1.0.0'] });
    const clash = await run({ repository: immutable, context: 'app', tags: 'new-tag\n1.0.0' });
    expect(clash.exitCode).toBe(1);
    expect(clash.errors).toHaveLength(1);
    expect(clash.errors[0]).toContain(`tag "1.0.0" already holds ${existing}`);
    expect(clash.errors[0]).toContain('Nothing was pushed');
    expect(clash.outputs).toEqual({});
    expect(await registryTags(immutable)).toEqual([]);
  }, 180_000);

  it('waits for the scan and fails on findings at the threshold, with the outputs written', async () => {
    const digest = first.outputs.digest ?? '';
    sim.ecr.setScanFindings(repository, digest, [
      { name: 'CVE-2025-0001', severity: 'CRITICAL', uri: 'https://cve.example/0001' },
      { name: 'CVE-2025-0002', severity: 'LOW' },
    ]);
    const scanned = await run({
      repository,
      context: 'app',
      tags: '0.2541.135',
      scan: 'wait',
      'fail-on-severity': 'HIGH',
      'scan-timeout': '30s',
    });
    expect(scanned.exitCode).toBe(1);
    expect(scanned.errors).toHaveLength(1);
    expect(scanned.errors[0]).toContain('found 1 finding at or above HIGH (CRITICAL 1, LOW 1)');
    expect(scanned.errors[0]).toContain('- CRITICAL CVE-2025-0001 (https://cve.example/0001)');
    expect(scanned.outputs.digest).toBe(digest);
    expect(scanned.summary).toContain('#### Image scan: COMPLETE, CRITICAL 1, LOW 1');
  }, 180_000);

  describe('fails once, before pushing anything, on', () => {
    const noKeys = () => {
      const env: Record<string, string | undefined> = {
        ...sim.env,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_CONFIG_FILE: '/nonexistent/config',
      };
      env.AWS_ACCESS_KEY_ID = undefined;
      env.AWS_SECRET_ACCESS_KEY = undefined;
      return env;
    };
    it.each([
      [
        'no AWS credentials',
        () => ({ env: { ...noKeys(), DOCKER_HOST: services.dockerHost, DOCKER_CONFIG: dockerConfig } }),
        { repository },
        'No AWS credentials were found for ecr:GetAuthorizationToken',
      ],
      [
        'access denied to GetAuthorizationToken',
        () => {
          sim.faults.inject({ api: 'ecr', operation: 'GetAuthorizationToken', kind: 'access-denied' });
          return {};
        },
        { repository },
        'ecr:GetAuthorizationToken was denied (AccessDeniedException)',
      ],
      [
        'a repository that does not exist',
        () => ({}),
        { repository: 'no-such-repo' },
        'The ECR repository "no-such-repo" does not exist',
      ],
      [
        'a build context that is not a folder',
        () => ({}),
        { repository, context: 'nope' },
        'Input "context": the build context "nope" is not a folder',
      ],
      [
        'a missing Dockerfile',
        () => ({}),
        { repository, file: 'app/Dockerfile.missing' },
        'Input "file": the Dockerfile "app/Dockerfile.missing" does not exist',
      ],
      [
        'an invalid repository name',
        () => ({}),
        { repository: 'Ecs-Be-Prod' },
        'Input "repository" must be an ECR repository name',
      ],
      [
        'no docker on PATH',
        () => ({ env: { ...sim.env, PATH: '/nonexistent', DOCKER_HOST: services.dockerHost } }),
        { repository },
        'Docker is not installed: there is no docker command on PATH',
      ],
      ['an invalid tag', () => ({}), { repository, tags: '1.0+qa' }, 'the tag "1.0+qa" contains "+"'],
      [
        'a Dockerfile outside the workspace',
        () => ({}),
        { repository, file: '/etc/passwd' },
        'Input "file" must name a path inside GITHUB_WORKSPACE',
      ],
      [
        'a build context outside the workspace',
        () => ({}),
        { repository, context: '..' },
        'Input "context" must name a path inside GITHUB_WORKSPACE',
      ],
    ])(
      '%s',
      async (_name, setup, inputs, message) => {
        const pushesBefore = (await dockerCommandLines()).filter((l) => l.startsWith('push ')).length;
        const failed = await run({ context: 'app', ...inputs }, setup());
        sim.faults.clear();
        expect(failed.exitCode).toBe(1);
        expect(failed.errors).toHaveLength(1);
        expect(failed.errors[0]).toContain(message);
        expect(failed.outputs).toEqual({});
        const pushesAfter = (await dockerCommandLines()).filter((l) => l.startsWith('push ')).length;
        expect(pushesAfter).toBe(pushesBefore);
      },
      60_000,
    );
  });

  it('a push refused after the first tag says which tags ECR holds, with the digest, and which it lacks', async () => {
    const halfway = 'halfway-app';
    sim.ecr.seedRepository({ repositoryName: halfway });
    // The first tag goes up with docker push; the second is added with PutImage, which is refused.
    sim.faults.inject({ api: 'ecr', operation: 'PutImage', kind: 'access-denied' });
    const failed = await run({ repository: halfway, context: 'app', tags: '0.2541.136\nlatest' });
    sim.faults.clear();
    const digest = await registryDigest(halfway, '0.2541.136');
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(halfway, 'latest')).toBeUndefined();
    expect(failed.exitCode).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]).toContain('ecr:PutImage on halfway-app:latest was denied (AccessDeniedException)');
    expect(failed.errors[0]).toMatch(
      new RegExp(`Half done: \\S+/halfway-app holds 0\\.2541\\.136 → ${digest}; not pushed: latest\\.`),
    );
  }, 180_000);

  it('a failing build shows the failing step outside the collapsed group and fails once, pushing nothing', async () => {
    const broken = 'broken-app';
    sim.ecr.seedRepository({ repositoryName: broken });
    const before = (await dockerCommandLines()).length;
    const failed = await run({ repository: broken, context: 'broken', tags: 'broken-1' });
    expect(failed.exitCode).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]).toMatch(/^docker build failed \(exit code 1\): .*missing\.txt/);
    expect(failed.outputs).toEqual({});
    // The end of Docker's output is repeated after the group closes, where a reader of the log sees it.
    const afterGroup = failed.stdout.slice(failed.stdout.lastIndexOf('::endgroup::'));
    const repeated = /docker build failed; the end of its output:\n([\s\S]*?)\n::error::/.exec(afterGroup)?.[1] ?? '';
    expect(repeated).toContain('COPY missing.txt');
    expect(repeated).toMatch(/file not found|not found/);
    const commands = (await dockerCommandLines()).slice(before);
    expect(commands.filter((argv) => argv.startsWith('build '))).toHaveLength(1);
    expect(commands.filter((argv) => argv.startsWith('push ') || argv.startsWith('tag '))).toEqual([]);
    expect(await registryTags(broken)).toEqual([]);
  }, 120_000);

  it('says which socket it tried when the daemon is not reachable', async () => {
    const unreachable = await run(
      { repository, context: 'app' },
      { env: { ...sim.env, DOCKER_HOST: 'unix:///tmp/no-such-docker.sock', DOCKER_CONFIG: dockerConfig } },
    );
    expect(unreachable.exitCode).toBe(1);
    expect(unreachable.errors).toHaveLength(1);
    expect(unreachable.errors[0]).toContain(
      'The Docker daemon is not reachable at unix:///tmp/no-such-docker.sock (from DOCKER_HOST)',
    );
  }, 60_000);
});
