import path from 'node:path';
import { ConfigurationError } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { pushImage } from '../src/ecr-push.js';
import { logout } from '../src/post.js';
import {
  authorizationToken,
  DIGEST,
  ECR_ENDPOINT,
  ecrCall,
  ecrError,
  FakeDocker,
  IMAGE_ID,
  inputs,
  manifestLookup,
  OTHER_DIGEST,
  OTHER_IMAGE_ID,
  PASSWORD,
  putImage,
  REGISTRY_HOST,
  RecordingLog,
  repositoryDescription,
  TOKEN,
  tagLookup,
  testDeps,
  workspaceWithDockerfile,
} from './helpers.js';

const URI = `${REGISTRY_HOST}/ecs-be-prod`;
let workspace: string;

// nock patches node:http for the whole worker: undone after this file, so end-to-end files reach 127.0.0.1.

beforeAll(async () => {
  nock.disableNetConnect();
  workspace = await workspaceWithDockerfile();
});

const baseInputs = { repository: 'ecs-be-prod', context: 'app', tags: '0.2541.135\nlatest' };

describe('pushImage', () => {
  it('builds once, logs in with the password on stdin, pushes every tag and reads the digest from ECR', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken()
      .add(repositoryDescription())
      .add(tagLookup('0.2541.135', undefined))
      .add(tagLookup('latest', OTHER_DIGEST))
      .add(manifestLookup(OTHER_DIGEST, OTHER_IMAGE_ID))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(manifestLookup(DIGEST, IMAGE_ID))
      .add(putImage('latest', DIGEST, IMAGE_ID));

    const result = await pushImage(inputs(baseInputs), deps);

    expect(scope.isDone()).toBe(true);
    expect(result).toMatchObject({
      registry: REGISTRY_HOST,
      repositoryUri: URI,
      image: `${URI}:0.2541.135`,
      digest: DIGEST,
      imageWithDigest: `${URI}@${DIGEST}`,
      tags: ['0.2541.135', 'latest'],
      tagResults: [
        { tag: '0.2541.135', action: 'pushed', via: 'docker push', durationMs: 0 },
        { tag: 'latest', action: 'moved', previousDigest: OTHER_DIGEST, via: 'PutImage', durationMs: 0 },
      ],
      imageId: IMAGE_ID,
      built: true,
      repositoryCreated: false,
    });
    expect(result.failure).toBeUndefined();
    // One docker push; the second tag is added in ECR with PutImage, no layers sent.
    // No buildx here: the classic builder's cache, the last pushed image pulled (none yet: a notice); the labels
    // go on in one step after the build (`docker build -`, the Dockerfile on stdin).
    expect(deps.docker.commands()).toEqual([
      'version',
      'login',
      'buildx',
      'pull',
      'build',
      'build',
      'image',
      'tag',
      'tag',
      'push',
    ]);
    const login = deps.docker.calls[1];
    expect(login).toEqual({
      args: ['login', '--username', 'AWS', '--password-stdin', REGISTRY_HOST],
      stdin: PASSWORD,
    });
    for (const call of deps.docker.calls) expect(call.args.join(' ')).not.toContain(PASSWORD);
    expect(deps.log.masked).toEqual([PASSWORD, TOKEN]);
    expect(deps.logins).toEqual([REGISTRY_HOST]);
    const [build, labelled] = deps.docker.calls.filter((call) => call.args[0] === 'build');
    expect(build?.args).toContain(path.join(workspace, 'app'));
    expect(build?.args.join(' ')).not.toContain('--label');
    expect(labelled?.args.at(-1)).toBe('-');
    expect(labelled?.stdin).toMatch(/^FROM sha256:[0-9a-f]{64}\nLABEL /);
    expect(labelled?.stdin).toContain('"org.opencontainers.image.version"="0.2541.135"');
    expect(labelled?.stdin).toContain('"org.opencontainers.image.created"="2025-10-06T00:00:00.000Z"');
    expect(deps.docker.calls.filter((c) => c.args[0] === 'push').map((c) => c.args[1])).toEqual([`${URI}:0.2541.135`]);
    expect(deps.log.groups).toEqual([
      `docker login ${REGISTRY_HOST}`,
      'docker build',
      `Push ${URI} (0.2541.135, latest)`,
    ]);
    expect(deps.log.lines).toContain(
      `Tag latest → ${DIGEST}: added with ECR PutImage in 0 ms (the image is there under 0.2541.135; no layers sent)`,
    );
  });

  it('skips tags that already hold this image, and pushes nothing when all do', async () => {
    const deps = await testDeps(workspace);
    // Docker recorded the digest at the earlier push of the same image (the build hit the cache).
    deps.docker.images.set(IMAGE_ID, { id: IMAGE_ID, repoDigests: [`${URI}@${DIGEST}`] });
    const scope = authorizationToken()
      .add(repositoryDescription('ecs-be-prod', 'IMMUTABLE'))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(tagLookup('latest', DIGEST));

    const result = await pushImage(inputs(baseInputs), deps);

    expect(scope.isDone()).toBe(true);
    expect(result.digest).toBe(DIGEST);
    expect(result.tagResults).toEqual([
      { tag: '0.2541.135', action: 'skipped' },
      { tag: 'latest', action: 'skipped' },
    ]);
    expect(deps.docker.commands()).not.toContain('push');
    expect(deps.log.lines).toContain(`Tag latest already holds this image (${DIGEST}) in ${URI}: skipped`);
  });

  it("reads an image given's tags while it logs in: the login's answer waits for the tag read to arrive", async () => {
    const deps = await testDeps(workspace);
    deps.docker.images.set('my-app:ci', { id: IMAGE_ID, repoDigests: [`${URI}@${DIGEST}`] });
    let tagReadArrived: () => void = () => {};
    const arrived = new Promise<'arrived'>((resolve) => {
      tagReadArrived = () => resolve('arrived');
    });
    let waited: string | undefined;
    // GetAuthorizationToken answers only once the tag read has arrived (or after 2 s, which fails the test): one
    // after the other, the tag read would never start before the login's answer.
    nock(ECR_ENDPOINT)
      .matchHeader('x-amz-target', 'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken')
      .post('/')
      .reply(async () => {
        waited = await Promise.race([arrived, new Promise<string>((resolve) => setTimeout(resolve, 2000, 'late'))]);
        return [
          200,
          JSON.stringify({
            authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `https://${REGISTRY_HOST}` }],
          }),
          { 'content-type': 'application/x-amz-json-1.1' },
        ];
      });
    const repository = repositoryDescription('ecs-be-prod', 'IMMUTABLE');
    // The tag read: nock matches its body when it arrives.
    const tagRead = nock(ECR_ENDPOINT)
      .matchHeader('x-amz-target', 'AmazonEC2ContainerRegistry_V20150921.DescribeImages')
      .post('/', () => {
        tagReadArrived();
        return true;
      })
      .reply(200, JSON.stringify({ imageDetails: [{ imageDigest: DIGEST, imageTags: ['latest'] }] }), {
        'content-type': 'application/x-amz-json-1.1',
      });

    const result = await pushImage(inputs({ repository: 'ecs-be-prod', image: 'my-app:ci' }), deps);
    expect(waited).toBe('arrived');
    expect(tagRead.isDone() && repository.isDone()).toBe(true);
    expect(result.tagResults).toEqual([{ tag: 'latest', action: 'skipped' }]);
    expect(deps.docker.commands()).toEqual(['image']);
  });

  it('recognises a rebuilt identical image by its config digest', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken()
      .add(repositoryDescription('ecs-be-prod', 'IMMUTABLE'))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(tagLookup('new', undefined))
      .add(manifestLookup(DIGEST, IMAGE_ID))
      .add(putImage('new', DIGEST, IMAGE_ID));

    const result = await pushImage(inputs({ ...baseInputs, tags: '0.2541.135\nnew' }), deps);

    expect(scope.isDone()).toBe(true);
    expect(result.tagResults).toEqual([
      { tag: '0.2541.135', action: 'skipped' },
      { tag: 'new', action: 'pushed', via: 'PutImage', durationMs: 0 },
    ]);
    // ECR has the image already: the new tag needs no docker push at all.
    expect(deps.docker.commands()).not.toContain('push');
  });

  it('fails on an immutable tag holding another image before anything is pushed', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken()
      .add(repositoryDescription('ecs-be-prod', 'IMMUTABLE'))
      .add(tagLookup('0.2541.135', OTHER_DIGEST))
      .add(tagLookup('latest', undefined))
      .add(manifestLookup(OTHER_DIGEST, OTHER_IMAGE_ID));

    const error = await pushImage(inputs(baseInputs), deps).catch((e: unknown) => e);

    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toContain(`tag "0.2541.135" already holds ${OTHER_DIGEST}`);
    expect(String(error)).toContain(`image id ${IMAGE_ID}`);
    expect(deps.docker.commands()).not.toContain('push');
    expect(deps.docker.commands()).not.toContain('tag');
  });

  it('honours exclusion filters: latest may move in an IMMUTABLE_WITH_EXCLUSION repository', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken()
      .add(repositoryDescription('ecs-be-prod', 'IMMUTABLE_WITH_EXCLUSION', true, ['latest']))
      .add(tagLookup('0.2541.135', undefined))
      .add(tagLookup('latest', OTHER_DIGEST))
      .add(manifestLookup(OTHER_DIGEST, OTHER_IMAGE_ID))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(manifestLookup(DIGEST, IMAGE_ID))
      .add(putImage('latest', DIGEST, IMAGE_ID));
    const result = await pushImage(inputs(baseInputs), deps);
    expect(scope.isDone()).toBe(true);
    expect(result.tagResults.map((t) => t.action)).toEqual(['pushed', 'moved']);
  });

  it('says how to create a missing repository, and creates nothing', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken().add(
      ecrError(
        'DescribeRepositories',
        'RepositoryNotFoundException',
        "The repository with name 'ecs-be-prod' does not exist",
      ),
    );
    const error = await pushImage(inputs(baseInputs), deps).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toContain(
      `The ECR repository "ecs-be-prod" does not exist in ${REGISTRY_HOST}. Create it (aws ecr create-repository --repository-name ecs-be-prod --image-scanning-configuration scanOnPush=true), or set create-repository: true`,
    );
    expect(deps.docker.commands()).toEqual(['version']);
    expect(deps.logins).toEqual([]);
  });

  it('creates the repository after the build, with scan on push and the tag mutability asked for', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken()
      .add(ecrError('DescribeRepositories', 'RepositoryNotFoundException', 'no such repository'))
      .add(
        ecrCall(
          'CreateRepository',
          {
            repository: {
              repositoryName: 'ecs-be-prod',
              imageTagMutability: 'IMMUTABLE',
              imageScanningConfiguration: { scanOnPush: true },
            },
          },
          {
            match: (body) =>
              body.repositoryName === 'ecs-be-prod' &&
              body.imageTagMutability === 'IMMUTABLE' &&
              JSON.stringify(body.imageScanningConfiguration) === JSON.stringify({ scanOnPush: true }),
          },
        ),
      )
      .add(tagLookup('0.2541.135', DIGEST))
      .add(manifestLookup(DIGEST, IMAGE_ID))
      .add(putImage('latest', DIGEST, IMAGE_ID));
    const result = await pushImage(
      inputs({ ...baseInputs, 'create-repository': 'true', 'tag-mutability': 'IMMUTABLE' }),
      deps,
    );
    expect(scope.isDone()).toBe(true);
    expect(result.repositoryCreated).toBe(true);
    expect(result.tagResults.map((t) => t.action)).toEqual(['pushed', 'pushed']);
  });

  it.each([
    ['an existing repository (DescribeRepositories)', false],
    ['a repository this step creates (CreateRepository)', true],
  ])(
    'pushes to the login host, and the outputs name the image by the repository URI ECR reports: %s',
    async (_case, create) => {
      // A stand-in login endpoint (the simulator's local registry); ECR still names the repository by its ECR host.
      const loginHost = '127.0.0.1:5000';
      const deps = await testDeps(workspace);
      deps.docker.images.set('my-app:ci', { id: IMAGE_ID, repoDigests: [] });
      const reported = { repositoryName: 'ecs-be-prod', repositoryUri: URI, imageTagMutability: 'MUTABLE' };
      const scope = ecrCall('GetAuthorizationToken', {
        authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `http://${loginHost}` }],
      })
        .add(
          create
            ? ecrError('DescribeRepositories', 'RepositoryNotFoundException', 'no such repository')
                // The given image's tags are read at the same time; the missing repository makes that read moot.
                .add(ecrError('DescribeImages', 'RepositoryNotFoundException', 'no such repository'))
                .add(ecrCall('CreateRepository', { repository: reported }))
            : ecrCall('DescribeRepositories', { repositories: [reported] }).add(tagLookup('latest', undefined)),
        )
        .add(tagLookup('latest', DIGEST));
      const result = await pushImage(
        inputs({ repository: 'ecs-be-prod', image: 'my-app:ci', 'create-repository': String(create) }),
        deps,
      );
      expect(scope.isDone()).toBe(true);
      expect(deps.logins).toEqual([loginHost]);
      expect(deps.docker.calls.filter((c) => ['tag', 'push'].includes(c.args[0] ?? '')).map((c) => c.args)).toEqual([
        ['tag', IMAGE_ID, `${loginHost}/ecs-be-prod:latest`],
        ['push', `${loginHost}/ecs-be-prod:latest`],
      ]);
      expect(result).toMatchObject({
        registry: REGISTRY_HOST,
        repositoryUri: URI,
        image: `${URI}:latest`,
        imageWithDigest: `${URI}@${DIGEST}`,
      });
    },
  );

  it('tags and pushes a prebuilt image without building', async () => {
    const deps = await testDeps(workspace);
    deps.docker.images.set('my-app:ci', { id: IMAGE_ID, repoDigests: [] });
    const scope = authorizationToken()
      .add(repositoryDescription())
      .add(tagLookup('latest', undefined))
      .add(tagLookup('latest', DIGEST));
    const result = await pushImage(inputs({ repository: 'ecs-be-prod', image: 'my-app:ci' }), deps);
    expect(scope.isDone()).toBe(true);
    expect(result.built).toBe(false);
    expect(result.image).toBe(`${URI}:latest`);
    // The image's inspect answers for the daemon too: no separate docker version.
    expect(deps.docker.commands()).toEqual(['image', 'login', 'tag', 'push']);
    expect(result.digest).toBe(DIGEST);
    expect(deps.docker.calls[2]?.args).toEqual(['tag', IMAGE_ID, `${URI}:latest`]);
  });

  it('pushes every tag with docker when the manifest cannot be read back (no ecr:BatchGetImage)', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken()
      .add(repositoryDescription())
      .add(tagLookup('0.2541.135', undefined))
      .add(tagLookup('latest', undefined))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(ecrError('BatchGetImage', 'AccessDeniedException', 'not authorized to perform: ecr:BatchGetImage'))
      .add(tagLookup('latest', DIGEST));
    const result = await pushImage(inputs(baseInputs), deps);
    expect(scope.isDone()).toBe(true);
    expect(result.digest).toBe(DIGEST);
    expect(deps.docker.calls.filter((c) => c.args[0] === 'push').map((c) => c.args[1])).toEqual([
      `${URI}:0.2541.135`,
      `${URI}:latest`,
    ]);
  });

  it('passes the registry id for a cross-account push', async () => {
    const deps = await testDeps(workspace);
    const other = '210987654321';
    const otherHost = `${other}.dkr.ecr.us-east-1.amazonaws.com`;
    const inOther = (body: Record<string, unknown>) => body.registryId === other;
    const scope = ecrCall(
      'GetAuthorizationToken',
      { authorizationData: [{ authorizationToken: TOKEN, proxyEndpoint: `https://${otherHost}` }] },
      { match: (body) => JSON.stringify(body.registryIds) === JSON.stringify([other]) },
    )
      .add(ecrCall('DescribeRepositories', { repositories: [{ repositoryName: 'ecs-be-prod' }] }, { match: inOther }))
      .add(ecrCall('DescribeImages', { imageDetails: [] }, { match: inOther }))
      .add(ecrCall('DescribeImages', { imageDetails: [{ imageDigest: DIGEST }] }, { match: inOther }));
    const result = await pushImage(inputs({ ...baseInputs, registry: other, tags: 'latest' }), deps);
    expect(scope.isDone()).toBe(true);
    expect(result.imageWithDigest).toBe(`${otherHost}/ecs-be-prod@${DIGEST}`);
    expect(deps.docker.calls.find((c) => c.args[0] === 'push')?.args).toEqual([
      'push',
      `${otherHost}/ecs-be-prod:latest`,
    ]);
  });

  describe('bad input and unreachable services fail with one clear error', () => {
    it.each([
      [
        'docker not installed',
        (docker: FakeDocker) => {
          docker.notInstalled = true;
        },
        'Docker is not installed: there is no docker command on PATH',
      ],
      [
        'daemon not reachable',
        (docker: FakeDocker) => {
          docker.unreachable = true;
        },
        'The Docker daemon is not reachable at unix:///tmp/docker-test.sock (from DOCKER_HOST): Cannot connect to the Docker daemon',
      ],
    ])('%s', async (_name, setup, message) => {
      const deps = await testDeps(workspace, { env: { DOCKER_HOST: 'unix:///tmp/docker-test.sock' } });
      setup(deps.docker);
      await expect(pushImage(inputs(baseInputs), deps)).rejects.toThrow(message);
      expect(nock.pendingMocks()).toEqual([]);
      // An image given is inspected without asking the daemon first; its failure still names the daemon.
      const given = await testDeps(workspace, { env: { DOCKER_HOST: 'unix:///tmp/docker-test.sock' } });
      setup(given.docker);
      given.docker.images.set('my-app:ci', { id: IMAGE_ID, repoDigests: [] });
      await expect(pushImage(inputs({ repository: 'ecs-be-prod', image: 'my-app:ci' }), given)).rejects.toThrow(
        message,
      );
    });

    it.each([
      [{ context: 'nope' }, 'Input "context": the build context "nope" is not a folder'],
      [{ context: '.' }, 'There is no Dockerfile in the build context "."'],
      [{ file: 'app/Dockerfile.prod' }, 'Input "file": the Dockerfile "app/Dockerfile.prod" does not exist'],
    ])('%j', async (extra, message) => {
      const deps = await testDeps(workspace);
      await expect(pushImage(inputs({ ...baseInputs, ...extra }), deps)).rejects.toThrow(message);
      expect(deps.docker.calls).toEqual([]);
    });

    it('a prebuilt image that does not exist', async () => {
      const deps = await testDeps(workspace);
      await expect(pushImage(inputs({ repository: 'ecs-be-prod', image: 'nope:1' }), deps)).rejects.toThrow(
        'Input "image": the Docker engine has no image "nope:1"',
      );
    });

    it.each([
      ['AccessDeniedException', 'Allow ecr:GetAuthorizationToken for the role this job uses'],
      ['ExpiredTokenException', 'The AWS credentials have expired'],
    ])('GetAuthorizationToken %s', async (code, message) => {
      const deps = await testDeps(workspace);
      const scope = ecrError(
        'GetAuthorizationToken',
        code,
        'User: arn:aws:sts::123456789012:assumed-role/ci is not authorized',
      );
      const error = await pushImage(inputs(baseInputs), deps).catch((e: unknown) => e);
      expect(scope.isDone()).toBe(true);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(String(error)).toContain(message);
      expect(deps.logins).toEqual([]);
    });

    it('DescribeImages access denied names the action', async () => {
      const deps = await testDeps(workspace);
      const scope = authorizationToken()
        .add(repositoryDescription())
        .add(ecrError('DescribeImages', 'AccessDeniedException', 'not authorized to perform: ecr:DescribeImages'))
        .add(ecrError('DescribeImages', 'AccessDeniedException', 'not authorized to perform: ecr:DescribeImages'));
      await expect(pushImage(inputs(baseInputs), deps)).rejects.toThrow(
        'Allow ecr:DescribeImages for the role this job uses',
      );
      expect(scope.isDone()).toBe(true);
      expect(deps.docker.commands()).not.toContain('push');
    });

    it('a build failure shows the failing output and fails once', async () => {
      const deps = await testDeps(workspace);
      deps.docker.buildFailure =
        'COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist';
      const scope = authorizationToken().add(repositoryDescription());
      const error = await pushImage(inputs(baseInputs), deps).catch((e: unknown) => e);
      expect(scope.isDone()).toBe(true);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(String(error)).toContain('docker build failed (exit code 1): COPY failed: file not found');
      expect(deps.log.lines.join('\n')).toContain('Step 2/2 : COPY missing.txt /');
      expect(deps.docker.commands()).not.toContain('push');
    });

    it('a denied push names the ECR actions', async () => {
      const deps = await testDeps(workspace);
      deps.docker.pushFailure = 'denied: User is not authorized to perform: ecr:InitiateLayerUpload';
      const scope = authorizationToken().add(repositoryDescription()).add(tagLookup('latest', undefined));
      await expect(pushImage(inputs({ ...baseInputs, tags: 'latest' }), deps)).rejects.toThrow(
        'The role needs ecr:InitiateLayerUpload',
      );
      expect(scope.isDone()).toBe(true);
    });
  });

  describe('scan', () => {
    const scanInputs = {
      ...baseInputs,
      tags: 'latest',
      scan: 'wait',
      'fail-on-severity': 'HIGH',
      'scan-timeout': '1m',
    };
    const pushed = () =>
      authorizationToken()
        .add(repositoryDescription('ecs-be-prod', 'MUTABLE', false))
        .add(tagLookup('latest', undefined))
        .add(tagLookup('latest', DIGEST));
    const findings = (status: string, extra: Record<string, unknown> = {}) =>
      ecrCall(
        'DescribeImageScanFindings',
        { imageScanStatus: { status, description: 'x' }, ...extra },
        { match: (body) => JSON.stringify(body.imageId) === JSON.stringify({ imageDigest: DIGEST }) },
      );

    it('starts the scan when the repository does not scan on push, waits, and fails on findings at the threshold', async () => {
      const deps = await testDeps(workspace);
      const scope = pushed()
        .add(ecrError('DescribeImageScanFindings', 'ScanNotFoundException', 'no scan'))
        .add(ecrCall('StartImageScan', { imageScanStatus: { status: 'IN_PROGRESS' } }))
        .add(findings('IN_PROGRESS'))
        .add(
          findings('COMPLETE', {
            imageScanFindings: {
              findingSeverityCounts: { CRITICAL: 1, LOW: 3 },
              findings: [
                { name: 'CVE-2025-1111', severity: 'LOW' },
                { name: 'CVE-2025-9999', severity: 'CRITICAL', uri: 'https://cve.example/9999' },
              ],
            },
          }),
        );
      const result = await pushImage(inputs(scanInputs), { ...deps, scanIntervalMs: 5000 });
      expect(scope.isDone()).toBe(true);
      expect(result.digest).toBe(DIGEST);
      expect(result.scan).toEqual({
        status: 'COMPLETE',
        counts: { CRITICAL: 1, LOW: 3 },
        findings: [
          { name: 'CVE-2025-9999', severity: 'CRITICAL', uri: 'https://cve.example/9999' },
          { name: 'CVE-2025-1111', severity: 'LOW' },
        ],
      });
      expect(result.failure).toContain('found 1 finding at or above HIGH (CRITICAL 1, LOW 3)');
      expect(result.failure).toContain('- CRITICAL CVE-2025-9999 (https://cve.example/9999)');
      expect(deps.clock.now() - Date.UTC(2025, 9, 6, 9, 0, 0)).toBe(10_000);
    });

    it('passes when nothing reaches the threshold', async () => {
      const deps = await testDeps(workspace);
      const scope = pushed().add(
        ecrCall('DescribeImageScanFindings', {
          imageScanStatus: { status: 'COMPLETE' },
          imageScanFindings: { findingSeverityCounts: { MEDIUM: 2 } },
        }),
      );
      const result = await pushImage(inputs(scanInputs), deps);
      expect(scope.isDone()).toBe(true);
      expect(result.failure).toBeUndefined();
      expect(result.scan?.counts).toEqual({ MEDIUM: 2 });
    });

    it('times out after scan-timeout', async () => {
      const deps = await testDeps(workspace);
      pushed();
      nock('https://api.ecr.us-east-1.amazonaws.com')
        .matchHeader('x-amz-target', 'AmazonEC2ContainerRegistry_V20150921.DescribeImageScanFindings')
        .post('/')
        .times(13)
        .reply(200, JSON.stringify({ imageScanStatus: { status: 'IN_PROGRESS' } }), {
          'content-type': 'application/x-amz-json-1.1',
        });
      const result = await pushImage(inputs({ ...scanInputs }), { ...deps, scanIntervalMs: 5000 });
      expect(result.failure).toBe(
        `The image scan of ${URI}@${DIGEST} did not complete within scan-timeout 1m (last status IN_PROGRESS). The image is pushed; raise scan-timeout, or set scan: none and check the scan later.`,
      );
      expect(nock.pendingMocks()).toEqual([]);
    });

    it('reports a failed scan', async () => {
      const deps = await testDeps(workspace);
      const scope = pushed().add(findings('UNSUPPORTED_IMAGE'));
      const result = await pushImage(inputs(scanInputs), deps);
      expect(scope.isDone()).toBe(true);
      expect(result.failure).toContain('ended with status UNSUPPORTED_IMAGE: x');
    });
  });
});

describe('post: logout', () => {
  it.each([
    [{ registry: REGISTRY_HOST }, ['logout', REGISTRY_HOST]],
    [{ registry: REGISTRY_HOST, dockerConfig: '/tmp/cfg' }, ['--config', '/tmp/cfg', 'logout', REGISTRY_HOST]],
  ])('logs out of %j', async (state, args) => {
    const docker = new FakeDocker();
    const log = new RecordingLog();
    await logout(docker, state, log);
    expect(docker.calls).toEqual([{ args }]);
    expect(log.lines).toEqual([`Logged out of ${REGISTRY_HOST}`]);
  });

  it('warns, without failing, when docker is gone', async () => {
    const docker = new FakeDocker();
    docker.notInstalled = true;
    const log = new RecordingLog();
    await logout(docker, { registry: REGISTRY_HOST }, log);
    expect(log.warnings[0]).toContain(`Could not log out of ${REGISTRY_HOST}`);
  });
});
