import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ECRClient } from '@aws-sdk/client-ecr';
import { InputReader, inputsFrom, ManualClock } from '@ecs-actions/core';
import nock from 'nock';
import type { DockerCli, DockerRunOptions, DockerRunResult } from '../src/docker.js';
import type { EcrPushDeps, Logger } from '../src/ecr-push.js';
import { type EcrPushInputs, readEcrPushInputs } from '../src/inputs.js';

export const ACCOUNT = '123456789012';
export const ECR_ENDPOINT = 'https://api.ecr.us-east-1.amazonaws.com';
export const REGISTRY_HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
export const PASSWORD = 'eyJwYXlsb2FkIjoic2VjcmV0LXBhc3N3b3JkIn0-very-secret';
export const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64');
export const IMAGE_ID = `sha256:${'1d'.repeat(32)}`;
export const DIGEST = `sha256:${'ab'.repeat(32)}`;
export const OTHER_DIGEST = `sha256:${'cd'.repeat(32)}`;
export const OTHER_IMAGE_ID = `sha256:${'ef'.repeat(32)}`;

/** The real SDK client, talking HTTP to nock. */
export function ecrClient(): ECRClient {
  return new ECRClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
}

const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };

/** Expected HTTP calls, possibly to several nock interceptors: `.add()` chains them, `isDone()` checks them all. */
export class Calls {
  constructor(private readonly scopes: nock.Scope[]) {}

  add(other: Calls): Calls {
    return new Calls([...this.scopes, ...other.scopes]);
  }

  isDone(): boolean {
    return this.scopes.every((scope) => scope.isDone());
  }

  pendingMocks(): string[] {
    return this.scopes.flatMap((scope) => scope.pendingMocks());
  }
}

/** Expects one ECR call (awsJson1.1: POST / with X-Amz-Target), with the body checked by `match`. */
export function ecrCall(
  operation: string,
  response: unknown,
  options: { status?: number; match?: (body: Record<string, unknown>) => boolean } = {},
): Calls {
  return new Calls([
    nock(ECR_ENDPOINT)
      .matchHeader('x-amz-target', `AmazonEC2ContainerRegistry_V20150921.${operation}`)
      .post('/', (body: Record<string, unknown>) => options.match?.(body) ?? true)
      .reply(options.status ?? 200, JSON.stringify(response), JSON_11),
  ]);
}

export function ecrError(operation: string, code: string, message: string, status = 400): Calls {
  return new Calls([
    nock(ECR_ENDPOINT)
      .matchHeader('x-amz-target', `AmazonEC2ContainerRegistry_V20150921.${operation}`)
      .post('/')
      .reply(status, JSON.stringify({ __type: code, message }), { ...JSON_11, 'x-amzn-errortype': code }),
  ]);
}

export const authorizationToken = () =>
  ecrCall('GetAuthorizationToken', {
    authorizationData: [
      { authorizationToken: TOKEN, expiresAt: 1_900_000_000, proxyEndpoint: `https://${REGISTRY_HOST}` },
    ],
  });

export function repositoryDescription(
  name = 'ecs-be-prod',
  mutability = 'MUTABLE',
  scanOnPush = true,
  exclusions: string[] = [],
) {
  return ecrCall(
    'DescribeRepositories',
    {
      repositories: [
        {
          repositoryName: name,
          repositoryUri: `${REGISTRY_HOST}/${name}`,
          registryId: ACCOUNT,
          imageTagMutability: mutability,
          imageTagMutabilityExclusionFilters: exclusions.map((filter) => ({ filterType: 'WILDCARD', filter })),
          imageScanningConfiguration: { scanOnPush },
        },
      ],
    },
    { match: (body) => JSON.stringify(body.repositoryNames) === JSON.stringify([name]) },
  );
}

/** DescribeImages for one tag: the digest it holds, or ImageNotFoundException. */
export function tagLookup(tag: string, digest: string | undefined): Calls {
  const match = (body: Record<string, unknown>) =>
    JSON.stringify(body.imageIds) === JSON.stringify([{ imageTag: tag }]);
  if (digest === undefined) {
    return new Calls([
      nock(ECR_ENDPOINT)
        .matchHeader('x-amz-target', 'AmazonEC2ContainerRegistry_V20150921.DescribeImages')
        .post('/', match)
        .reply(
          400,
          JSON.stringify({
            __type: 'ImageNotFoundException',
            message: `The image with imageId {imageDigest:'null', imageTag:'${tag}'} does not exist within the repository`,
          }),
          JSON_11,
        ),
    ]);
  }
  return ecrCall(
    'DescribeImages',
    { imageDetails: [{ repositoryName: 'ecs-be-prod', imageDigest: digest, imageTags: [tag] }] },
    { match },
  );
}

/** The Docker image manifest (schema 2) of an image whose config digest is `configDigest`. */
export function manifestFor(configDigest: string): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 100, digest: configDigest },
    layers: [],
  });
}

/** BatchGetImage answering the manifest of `digest`, whose config is `configDigest`. */
export function manifestLookup(digest: string, configDigest: string): Calls {
  return ecrCall(
    'BatchGetImage',
    {
      images: [
        {
          imageId: { imageDigest: digest },
          imageManifest: manifestFor(configDigest),
          imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        },
      ],
      failures: [],
    },
    { match: (body) => JSON.stringify(body.imageIds) === JSON.stringify([{ imageDigest: digest }]) },
  );
}

/** PutImage of the manifest of `digest` (config `configDigest`) under `tag`: a retag without docker. */
export function putImage(tag: string, digest: string, configDigest: string): Calls {
  return ecrCall(
    'PutImage',
    { image: { imageId: { imageDigest: digest, imageTag: tag }, imageManifest: manifestFor(configDigest) } },
    {
      match: (body) =>
        body.imageTag === tag &&
        body.imageDigest === digest &&
        body.imageManifest === manifestFor(configDigest) &&
        body.imageManifestMediaType === 'application/vnd.docker.distribution.manifest.v2+json',
    },
  );
}

export interface DockerCall {
  args: string[];
  stdin?: string;
  env?: Readonly<Record<string, string>>;
}

/** A Docker engine in memory: records every command (argv and stdin) and answers like the CLI. */
export class FakeDocker implements DockerCli {
  readonly calls: DockerCall[] = [];
  serverVersion: string | undefined = '28.2.2';
  unreachable = false;
  notInstalled = false;
  buildFailure: string | undefined;
  pushFailure: string | undefined;
  /** How many pushes succeed before pushFailure applies (default none). */
  pushFailureAfter = 0;
  private pushes = 0;
  /** The image the build produces. */
  builtImageId = IMAGE_ID;
  /** Local images: reference or id → RepoDigests. */
  readonly images = new Map<string, { id: string; repoDigests: string[] }>();
  /** What a push records as RepoDigest (`uri@digest`), per repository URI. */
  pushDigest = DIGEST;
  /** `docker buildx inspect`'s driver; undefined: no buildx (Debian's docker.io). */
  buildxDriver: string | undefined;
  /**
   * Whether `DOCKER_BUILDKIT=1 docker build` uses the engine's own BuildKit (Debian's docker.io 20.10: its help lists
   * --secret); false: the CLI wants buildx for it, as every CLI from 23.0 on.
   */
  builtinBuildKit = false;
  /** What `docker pull` answers: undefined pulls the image (as `builtImageId`), else fails with this output. */
  pullFailure: string | undefined = 'Error response from daemon: manifest unknown';
  /** The output of a successful build (the steps, with or without cache hits). */
  buildOutput = '';

  async run(args: readonly string[], options: DockerRunOptions = {}): Promise<DockerRunResult> {
    this.calls.push({
      args: [...args],
      ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    if (this.notInstalled) {
      const { DockerNotInstalledError } = await import('../src/docker.js');
      throw new DockerNotInstalledError(
        'Unable to locate executable file: docker. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.',
      );
    }
    const ok = (stdout = ''): DockerRunResult => ({ exitCode: 0, stdout, stderr: '' });
    const fail = (stderr: string, stdout = ''): DockerRunResult => ({ exitCode: 1, stdout, stderr });
    // Global options come before the command.
    const [command, ...rest] = args[0] === '--config' ? args.slice(2) : args;
    switch (command) {
      case 'version':
        return this.unreachable
          ? fail('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?')
          : ok(`${this.serverVersion}\n`);
      case 'login':
        return ok('Login Succeeded\n');
      case 'buildx': {
        if (this.buildxDriver === undefined)
          return fail("docker: unknown command: docker buildx\n\nRun 'docker --help' for more information");
        if (rest[0] === 'inspect') return ok(`Name:   default\nDriver: ${this.buildxDriver}\n`);
        return this.build(rest.slice(1));
      }
      case 'pull': {
        if (this.pullFailure) return fail(this.pullFailure);
        const reference = rest.at(-1) as string;
        this.images.set(reference, { id: `sha256:${'c'.repeat(64)}`, repoDigests: [] });
        return ok(`${reference}\n`);
      }
      case 'logout':
        return ok(`Removing login credentials for ${rest.at(-1)}\n`);
      case 'build':
        if (rest.includes('--help')) {
          if (options.env?.DOCKER_BUILDKIT !== '1' || this.builtinBuildKit) {
            return ok(
              `Usage:  docker build [OPTIONS] PATH | URL | -\n${this.builtinBuildKit ? '      --secret stringArray      Secret file to expose to the build\n' : ''}`,
            );
          }
          return fail(
            'ERROR: BuildKit is enabled but the buildx component is missing or broken.\n       Install the buildx component to build images with BuildKit:\n       https://docs.docker.com/go/buildx/',
          );
        }
        return this.build(rest);
      case 'image': {
        if (this.unreachable) {
          return fail(
            'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
          );
        }
        const reference = rest.at(-1) as string;
        const image = this.find(reference);
        if (!image) return fail(`Error: No such image: ${reference}`);
        return ok(JSON.stringify({ Id: image.id, RepoDigests: image.repoDigests }));
      }
      case 'tag': {
        const [source, target] = rest as [string, string];
        const image = this.find(source);
        if (!image) return fail(`Error response from daemon: No such image: ${source}`);
        this.images.set(target, image);
        return ok();
      }
      case 'push': {
        if (this.pushFailure && this.pushes++ >= this.pushFailureAfter) return fail(this.pushFailure);
        const reference = rest[0] as string;
        const image = this.images.get(reference);
        if (!image) return fail(`An image does not exist locally with the tag: ${reference}`);
        const uri = reference.slice(0, reference.lastIndexOf(':'));
        const entry = `${uri}@${this.pushDigest}`;
        if (!image.repoDigests.includes(entry)) image.repoDigests.push(entry);
        return ok(`${reference.slice(uri.length + 1)}: digest: ${this.pushDigest} size: 527\n`);
      }
      default:
        return fail(`unknown command ${command}`);
    }
  }

  private async build(rest: readonly string[]): Promise<DockerRunResult> {
    if (this.buildFailure) {
      return {
        exitCode: 1,
        stdout: 'Step 1/2 : FROM scratch\n ---> \nStep 2/2 : COPY missing.txt /\n',
        stderr: this.buildFailure,
      };
    }
    const iidfile = rest[rest.indexOf('--iidfile') + 1] as string;
    await writeFile(iidfile, this.builtImageId);
    if (!this.images.has(this.builtImageId))
      this.images.set(this.builtImageId, { id: this.builtImageId, repoDigests: [] });
    return {
      exitCode: 0,
      stdout: `${this.buildOutput}Successfully built ${this.builtImageId.slice(7, 19)}\n`,
      stderr: '',
    };
  }

  /** By reference, or by image id as Docker also accepts. */
  private find(reference: string): { id: string; repoDigests: string[] } | undefined {
    return this.images.get(reference) ?? [...this.images.values()].find((image) => image.id === reference);
  }

  commands(): string[] {
    return this.calls.map((call) => call.args[0] ?? '');
  }
}

/** A logger that keeps what it was told. */
export class RecordingLog implements Logger {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  readonly notices: string[] = [];
  readonly masked: string[] = [];
  readonly groups: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warning(message: string): void {
    this.warnings.push(message);
  }
  notice(message: string): void {
    this.notices.push(message);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.groups.push(title);
    return fn();
  }
  maskSecret(secret: string): void {
    this.masked.push(secret);
  }
  text(): string {
    return [...this.groups, ...this.lines, ...this.notices, ...this.warnings].join('\n');
  }
}

/** A workspace with a Dockerfile FROM scratch. */
export async function workspaceWithDockerfile(): Promise<string> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'ecr-push-ws-'));
  await mkdir(path.join(workspace, 'app'));
  await writeFile(path.join(workspace, 'app', 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /\n');
  await writeFile(path.join(workspace, 'app', 'hello.txt'), 'hello\n');
  return workspace;
}

export function inputs(values: Record<string, string>): EcrPushInputs {
  return readEcrPushInputs(new InputReader(inputsFrom(values)));
}

export interface TestDeps extends EcrPushDeps {
  docker: FakeDocker;
  log: RecordingLog;
  clock: ManualClock;
  logins: string[];
}

export async function testDeps(workspace: string, overrides: Partial<EcrPushDeps> = {}): Promise<TestDeps> {
  const clock = new ManualClock();
  const logins: string[] = [];
  return {
    ecr: ecrClient(),
    docker: new FakeDocker(),
    clock,
    sleep: clock.sleep,
    log: new RecordingLog(),
    workspace,
    tempDir: await mkdtemp(path.join(tmpdir(), 'ecr-push-tmp-')),
    env: {
      GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'octo-org/octo-app',
    },
    event: { head_commit: { timestamp: '2025-10-06T09:00:00+09:00' } },
    onLogin: (registry) => logins.push(registry),
    logins,
    ...overrides,
  } as TestDeps;
}
