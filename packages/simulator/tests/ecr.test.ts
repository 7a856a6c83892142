/**
 * The simulator's ECR side, driven through the real @aws-sdk/client-ecr over HTTP (AWS JSON 1.1), with images
 * seeded in memory and, in the last block, learned from a real Docker registry (Debian's docker-registry binary).
 */
import { createHash } from 'node:crypto';
import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageAlreadyExistsException,
  ImageNotFoundException,
  ImageTagAlreadyExistsException,
  InvalidParameterException,
  ListImagesCommand,
  PutImageCommand,
  paginateDescribeImages,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  ScanNotFoundException,
  StartImageScanCommand,
} from '@aws-sdk/client-ecr';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type CallRecord, SimClock } from '../src/contract.js';
import {
  EcrSimulator,
  type LocalRegistry,
  localRegistryAvailable,
  MEDIA_TYPES,
  RegistryClient,
  type RegistryConfig,
  startLocalRegistry,
} from '../src/ecr/index.js';
import { startSimulator } from '../src/index.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const START = Date.UTC(2025, 9, 6, 9, 0, 0);

interface Harness {
  ecr: EcrSimulator;
  client: ECRClient;
  clock: SimClock;
  calls: CallRecord[];
  close(): Promise<void>;
}

/** The whole simulator on a free port, and an ECR client configured from its environment. */
async function startEcr(options: { registry?: RegistryConfig } = {}): Promise<Harness> {
  const sim = await startSimulator(options);
  const client = new ECRClient({
    region: sim.env.AWS_REGION,
    endpoint: sim.env.AWS_ENDPOINT_URL_ECR,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
  return {
    ecr: sim.ecr,
    client,
    clock: sim.clock,
    calls: sim.calls,
    async close() {
      client.destroy();
      await sim.close();
    },
  };
}

/** Runs the call and returns the error it fails with (fails the test if it succeeds). */
async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

describe('ECR simulator, seeded images', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startEcr();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('GetAuthorizationToken', () => {
    it('returns base64("AWS:<password>"), a 12-hour expiry and the ECR registry as proxy endpoint', async () => {
      const before = h.clock.now();
      const { authorizationData } = await h.client.send(new GetAuthorizationTokenCommand({}));
      expect(authorizationData).toHaveLength(1);
      const data = authorizationData?.[0];
      expect(data?.proxyEndpoint).toBe(`https://${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`);
      const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
      expect(decoded).toMatch(/^AWS:[A-Za-z0-9+/=]{100,}$/);
      const expires = data?.expiresAt?.getTime() ?? 0;
      expect(expires).toBeGreaterThanOrEqual(before + 12 * 3600_000 - 1000);
      expect(expires).toBeLessThanOrEqual(h.clock.now() + 12 * 3600_000 + 1000);
    });
  });

  describe('CreateRepository and DescribeRepositories', () => {
    it('creates a repository with the ECR shape and describes it', async () => {
      const { repository } = await h.client.send(
        new CreateRepositoryCommand({
          repositoryName: 'team/web-app',
          imageTagMutability: 'IMMUTABLE',
          imageScanningConfiguration: { scanOnPush: true },
        }),
      );
      expect(repository).toEqual({
        repositoryArn: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/web-app`,
        registryId: ACCOUNT,
        repositoryName: 'team/web-app',
        repositoryUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/web-app`,
        createdAt: expect.any(Date),
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' },
      });
      const described = await h.client.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/web-app'] }));
      expect(described.repositories).toEqual([repository]);
    });

    it('refuses a second repository of the same name', async () => {
      h.ecr.seedRepository({ repositoryName: 'web' });
      const error = await failure(h.client.send(new CreateRepositoryCommand({ repositoryName: 'web' })));
      expect(error).toBeInstanceOf(RepositoryAlreadyExistsException);
      expect(error.message).toBe(`The repository with name 'web' already exists in the registry with id '${ACCOUNT}'`);
      expect(error.$metadata?.httpStatusCode).toBe(400);
    });

    const pattern = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
    it.each([
      ['Web', `must satisfy regular expression '${pattern}'`],
      ['web app', `must satisfy regular expression '${pattern}'`],
      ['-web', `must satisfy regular expression '${pattern}'`],
      ['team//web', `must satisfy regular expression '${pattern}'`],
      ['web/', `must satisfy regular expression '${pattern}'`],
      ['w', 'must have length greater than or equal to 2'],
      ['w'.repeat(257), 'must have length less than or equal to 256'],
    ])('rejects the repository name %j', async (name, constraint) => {
      const error = await failure(h.client.send(new CreateRepositoryCommand({ repositoryName: name })));
      expect(error).toBeInstanceOf(InvalidParameterException);
      expect(error.message).toBe(`Invalid parameter at 'repositoryName' failed to satisfy constraint: '${constraint}'`);
    });

    it('rejects an unknown tag mutability', async () => {
      const error = await failure(
        h.client.send(
          new CreateRepositoryCommand({ repositoryName: 'web', imageTagMutability: 'FROZEN' as 'MUTABLE' }),
        ),
      );
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toContain("at 'imageTagMutability'");
    });

    it('reports an unknown repository by name and registry id', async () => {
      h.ecr.seedRepository({ repositoryName: 'web' });
      const error = await failure(
        h.client.send(new DescribeRepositoriesCommand({ repositoryNames: ['web', 'missing'] })),
      );
      expect(error).toBeInstanceOf(RepositoryNotFoundException);
      expect(error.message).toBe(
        `The repository with name 'missing' does not exist in the registry with id '${ACCOUNT}'`,
      );
    });

    it('lists all repositories page by page', async () => {
      for (const name of ['a1', 'b2', 'c3']) h.ecr.seedRepository({ repositoryName: name });
      const first = await h.client.send(new DescribeRepositoriesCommand({ maxResults: 2 }));
      expect(first.repositories?.map((r) => r.repositoryName)).toEqual(['a1', 'b2']);
      expect(first.nextToken).toEqual(expect.any(String));
      const second = await h.client.send(
        new DescribeRepositoriesCommand({ maxResults: 2, nextToken: first.nextToken }),
      );
      expect(second.repositories?.map((r) => r.repositoryName)).toEqual(['c3']);
      expect(second.nextToken).toBeUndefined();
    });

    it('answers a missing required member with a ValidationException', async () => {
      const error = await failure(h.client.send(new DescribeImagesCommand({} as { repositoryName: string })));
      expect(error.name).toBe('ValidationException');
      expect(error.message).toBe(
        "1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: Member must not be null",
      );
    });
  });

  describe('DescribeImages', () => {
    it('finds an image by tag, by digest and by both, with ECR image details', async () => {
      h.ecr.seedRepository({ repositoryName: 'web' });
      const pushedAt = new Date(START - 3600_000);
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['0.2541.7', 'latest'], pushedAt });
      expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      // Deterministic: the same repository and tags give the same digest in another simulator.
      const other = new EcrSimulator({ clock: new SimClock(), accountId: ACCOUNT, region: REGION });
      expect(other.seedImage({ repositoryName: 'web', tags: ['0.2541.7', 'latest'] })).toBe(digest);

      for (const imageId of [
        { imageTag: '0.2541.7' },
        { imageDigest: digest },
        { imageDigest: digest, imageTag: 'latest' },
      ]) {
        const { imageDetails } = await h.client.send(
          new DescribeImagesCommand({ repositoryName: 'web', imageIds: [imageId] }),
        );
        expect(imageDetails).toEqual([
          {
            registryId: ACCOUNT,
            repositoryName: 'web',
            imageDigest: digest,
            imageTags: ['0.2541.7', 'latest'],
            imageSizeInBytes: expect.any(Number),
            imagePushedAt: pushedAt,
            imageManifestMediaType: MEDIA_TYPES.dockerManifest,
            artifactMediaType: MEDIA_TYPES.dockerConfig,
          },
        ]);
      }
    });

    it.each([
      [{ imageTag: '9.9.9' }, "{imageDigest:'null', imageTag:'9.9.9'}"],
      [{ imageDigest: DIGEST_B }, `{imageDigest:'${DIGEST_B}', imageTag:'null'}`],
      [{ imageDigest: DIGEST_B, imageTag: 'latest' }, `{imageDigest:'${DIGEST_B}', imageTag:'latest'}`],
    ])('answers ImageNotFoundException for %j', async (imageId, printed) => {
      h.ecr.seedImage({ repositoryName: 'web', tags: ['latest'], digest: DIGEST_A });
      const error = await failure(
        h.client.send(new DescribeImagesCommand({ repositoryName: 'web', imageIds: [imageId] })),
      );
      expect(error).toBeInstanceOf(ImageNotFoundException);
      expect(error.message).toBe(
        `The image with imageId ${printed} does not exist within the repository with name 'web' in the registry with id '${ACCOUNT}'`,
      );
    });

    it('answers RepositoryNotFoundException for an unknown repository', async () => {
      const error = await failure(
        h.client.send(new DescribeImagesCommand({ repositoryName: 'nope', imageIds: [{ imageTag: 'latest' }] })),
      );
      expect(error).toBeInstanceOf(RepositoryNotFoundException);
      expect(error.message).toBe(`The repository with name 'nope' does not exist in the registry with id '${ACCOUNT}'`);
    });

    it('pages through all images and filters by tag status', async () => {
      const digests = [1, 2, 3, 4, 5].map((n) =>
        h.ecr.seedImage({ repositoryName: 'web', tags: [`0.2541.${n}`], pushedAt: new Date(START + n * 1000) }),
      );
      const untagged = h.ecr.seedImage({ repositoryName: 'web', tags: [], pushedAt: new Date(START + 9000) });
      const seen: string[] = [];
      let pages = 0;
      for await (const page of paginateDescribeImages({ client: h.client, pageSize: 2 }, { repositoryName: 'web' })) {
        pages++;
        seen.push(...(page.imageDetails ?? []).map((detail) => detail.imageDigest ?? ''));
      }
      expect(pages).toBe(3);
      expect(seen).toEqual([...digests, untagged]);

      const tagged = await h.client.send(
        new DescribeImagesCommand({ repositoryName: 'web', filter: { tagStatus: 'TAGGED' } }),
      );
      expect(tagged.imageDetails?.map((d) => d.imageDigest)).toEqual(digests);
      const onlyUntagged = await h.client.send(
        new DescribeImagesCommand({ repositoryName: 'web', filter: { tagStatus: 'UNTAGGED' } }),
      );
      expect(onlyUntagged.imageDetails).toEqual([expect.objectContaining({ imageDigest: untagged })]);
      expect(onlyUntagged.imageDetails?.[0]?.imageTags).toBeUndefined();
    });

    it('lists image ids, one per tag', async () => {
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1', 'latest'] });
      const { imageIds } = await h.client.send(new ListImagesCommand({ repositoryName: 'web' }));
      expect(imageIds).toEqual([
        { imageDigest: digest, imageTag: '1' },
        { imageDigest: digest, imageTag: 'latest' },
      ]);
    });
  });

  describe('BatchGetImage', () => {
    it('returns manifests whose sha256 is the digest, and failures for the rest', async () => {
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1.0'] });
      h.ecr.seedImage({ repositoryName: 'web', tags: ['2.0'], digest: DIGEST_B });
      const { images, failures } = await h.client.send(
        new BatchGetImageCommand({
          repositoryName: 'web',
          imageIds: [
            { imageTag: '1.0' },
            { imageTag: 'missing' },
            { imageTag: '1.0', imageDigest: DIGEST_B },
            {},
            { imageDigest: 'not-a-digest' },
          ],
        }),
      );
      expect(images).toEqual([
        {
          registryId: ACCOUNT,
          repositoryName: 'web',
          imageId: { imageDigest: digest, imageTag: '1.0' },
          imageManifest: expect.any(String),
          imageManifestMediaType: MEDIA_TYPES.dockerManifest,
        },
      ]);
      expect(sha256(images?.[0]?.imageManifest ?? '')).toBe(digest);
      expect(failures?.map((f) => [f.imageId, f.failureCode])).toEqual([
        [{ imageTag: 'missing' }, 'ImageNotFound'],
        [{ imageTag: '1.0', imageDigest: DIGEST_B }, 'ImageTagDoesNotMatchDigest'],
        [{}, 'MissingDigestAndTag'],
        [{ imageDigest: 'not-a-digest' }, 'InvalidImageDigest'],
      ]);
      expect(failures?.[0]?.failureReason).toBe('Requested image not found');
    });
  });

  describe('PutImage', () => {
    async function manifestOf(repositoryName: string, imageTag: string): Promise<string> {
      const { images } = await h.client.send(new BatchGetImageCommand({ repositoryName, imageIds: [{ imageTag }] }));
      return images?.[0]?.imageManifest ?? '';
    }

    it('retags an image with its manifest (the ECR User Guide "Retagging an image" flow)', async () => {
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['0.2541.7'] });
      const manifest = await manifestOf('web', '0.2541.7');
      const { image } = await h.client.send(
        new PutImageCommand({ repositoryName: 'web', imageManifest: manifest, imageTag: 'production' }),
      );
      expect(image).toEqual({
        registryId: ACCOUNT,
        repositoryName: 'web',
        imageId: { imageDigest: digest, imageTag: 'production' },
        imageManifest: manifest,
        imageManifestMediaType: MEDIA_TYPES.dockerManifest,
      });
      expect(await h.ecr.tagsOf('web')).toEqual({ '0.2541.7': digest, production: digest });

      const again = await failure(
        h.client.send(new PutImageCommand({ repositoryName: 'web', imageManifest: manifest, imageTag: 'production' })),
      );
      expect(again).toBeInstanceOf(ImageAlreadyExistsException);
      expect(again.message).toBe(
        `Image with digest '${digest}' and tag 'production' already exists in the repository with name 'web' in registry with id '${ACCOUNT}'`,
      );
    });

    it('moves a tag in a MUTABLE repository; the old image stays, untagged', async () => {
      const old = h.ecr.seedImage({ repositoryName: 'web', tags: ['latest'] });
      const next = h.ecr.seedImage({ repositoryName: 'web', tags: ['2.0'] });
      await h.client.send(
        new PutImageCommand({
          repositoryName: 'web',
          imageManifest: await manifestOf('web', '2.0'),
          imageTag: 'latest',
        }),
      );
      expect(await h.ecr.tagsOf('web')).toEqual({ '2.0': next, latest: next });
      const { imageDetails } = await h.client.send(
        new DescribeImagesCommand({ repositoryName: 'web', imageIds: [{ imageDigest: old }] }),
      );
      expect(imageDetails?.[0]?.imageTags).toBeUndefined();
    });

    it.each([
      ['IMMUTABLE', [], 'latest', true],
      ['IMMUTABLE', [], '1.0', true],
      ['IMMUTABLE_WITH_EXCLUSION', ['latest'], 'latest', false],
      ['IMMUTABLE_WITH_EXCLUSION', ['latest'], '1.0', true],
      ['MUTABLE_WITH_EXCLUSION', ['release-*'], 'release-1', true],
      ['MUTABLE_WITH_EXCLUSION', ['release-*'], 'latest', false],
    ] as const)('%s (exclusions %j): overwriting %s refused = %s', async (mutability, filters, tag, refused) => {
      h.ecr.seedRepository({
        repositoryName: 'web',
        imageTagMutability: mutability,
        imageTagMutabilityExclusionFilters: [...filters],
      });
      h.ecr.seedImage({ repositoryName: 'web', tags: [tag] });
      const next = h.ecr.seedImage({ repositoryName: 'web', tags: ['next'] });
      const put = h.client.send(
        new PutImageCommand({ repositoryName: 'web', imageManifest: await manifestOf('web', 'next'), imageTag: tag }),
      );
      if (refused) {
        const error = await failure(put);
        expect(error).toBeInstanceOf(ImageTagAlreadyExistsException);
        expect(error.message).toBe(
          `The image tag '${tag}' already exists in the 'web' repository and cannot be overwritten because the repository is immutable.`,
        );
      } else {
        await put;
        expect((await h.ecr.tagsOf('web'))[tag]).toBe(next);
      }
    });

    it('a new tag is fine in an IMMUTABLE repository', async () => {
      h.ecr.seedRepository({ repositoryName: 'web', imageTagMutability: 'IMMUTABLE' });
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1.0'] });
      await h.client.send(
        new PutImageCommand({
          repositoryName: 'web',
          imageManifest: await manifestOf('web', '1.0'),
          imageTag: '1.0-prod',
        }),
      );
      expect(await h.ecr.tagsOf('web')).toEqual({ '1.0': digest, '1.0-prod': digest });
    });

    it('stores a new manifest under its sha256 and checks a given digest', async () => {
      h.ecr.seedRepository({ repositoryName: 'web' });
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.ociManifest,
        config: { mediaType: MEDIA_TYPES.ociConfig, size: 10, digest: DIGEST_A },
        layers: [
          { mediaType: MEDIA_TYPES.ociLayer, size: 300, digest: DIGEST_B },
          { mediaType: MEDIA_TYPES.ociLayer, size: 45, digest: DIGEST_A },
        ],
      });
      const wrong = await failure(
        h.client.send(new PutImageCommand({ repositoryName: 'web', imageManifest: manifest, imageDigest: DIGEST_A })),
      );
      expect(wrong.name).toBe('ImageDigestDoesNotMatchException');
      const { image } = await h.client.send(
        new PutImageCommand({
          repositoryName: 'web',
          imageManifest: manifest,
          imageTag: 'v1',
          imageDigest: sha256(manifest),
        }),
      );
      expect(image?.imageId).toEqual({ imageDigest: sha256(manifest), imageTag: 'v1' });
      const { imageDetails } = await h.client.send(
        new DescribeImagesCommand({ repositoryName: 'web', imageIds: [{ imageTag: 'v1' }] }),
      );
      expect(imageDetails?.[0]).toMatchObject({
        imageSizeInBytes: 345,
        imageManifestMediaType: MEDIA_TYPES.ociManifest,
        artifactMediaType: MEDIA_TYPES.ociConfig,
      });
    });

    it.each([
      ['{not json', "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'"],
      [
        '{"schemaVersion":2}',
        "Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: 'Manifest media type must be specified'",
      ],
    ])('refuses the manifest %j', async (manifest, message) => {
      h.ecr.seedRepository({ repositoryName: 'web' });
      const error = await failure(
        h.client.send(new PutImageCommand({ repositoryName: 'web', imageManifest: manifest })),
      );
      expect(error).toBeInstanceOf(InvalidParameterException);
      expect(error.message).toBe(message);
    });
  });

  describe('image scans', () => {
    it('answers ScanNotFoundException for an image that was never scanned', async () => {
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1.0'] });
      const error = await failure(
        h.client.send(
          new DescribeImageScanFindingsCommand({ repositoryName: 'web', imageId: { imageDigest: digest } }),
        ),
      );
      expect(error).toBeInstanceOf(ScanNotFoundException);
      expect(error.message).toBe(
        `Image scan does not exist for the image with '{imageDigest:'${digest}', imageTag:'null'}' in the repository with name 'web' in the registry with id '${ACCOUNT}'`,
      );
    });

    it('returns the configured findings with severity counts, page by page', async () => {
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1.0'] });
      h.ecr.setScanFindings('web', digest, [
        { name: 'CVE-2024-0001', severity: 'CRITICAL', description: 'bad', uri: 'https://nvd.example/CVE-2024-0001' },
        { name: 'CVE-2024-0002', severity: 'HIGH' },
        { name: 'CVE-2024-0003', severity: 'HIGH', attributes: [{ key: 'package_name', value: 'openssl' }] },
      ]);
      const first = await h.client.send(
        new DescribeImageScanFindingsCommand({ repositoryName: 'web', imageId: { imageTag: '1.0' }, maxResults: 2 }),
      );
      expect(first.imageScanStatus).toEqual({
        status: 'COMPLETE',
        description: 'The scan was completed successfully.',
      });
      expect(first.imageId).toEqual({ imageDigest: digest, imageTag: '1.0' });
      expect(first.imageScanFindings?.findingSeverityCounts).toEqual({ CRITICAL: 1, HIGH: 2 });
      expect(first.imageScanFindings?.imageScanCompletedAt).toEqual(expect.any(Date));
      expect(first.imageScanFindings?.findings).toEqual([
        {
          name: 'CVE-2024-0001',
          description: 'bad',
          uri: 'https://nvd.example/CVE-2024-0001',
          severity: 'CRITICAL',
          attributes: [],
        },
        { name: 'CVE-2024-0002', severity: 'HIGH', attributes: [] },
      ]);
      const second = await h.client.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: 'web',
          imageId: { imageTag: '1.0' },
          maxResults: 2,
          nextToken: first.nextToken,
        }),
      );
      expect(second.imageScanFindings?.findings?.map((f) => f.name)).toEqual(['CVE-2024-0003']);
      expect(second.imageScanFindings?.findings?.[0]?.attributes).toEqual([{ key: 'package_name', value: 'openssl' }]);
      expect(second.nextToken).toBeUndefined();

      const { imageDetails } = await h.client.send(new DescribeImagesCommand({ repositoryName: 'web' }));
      expect(imageDetails?.[0]?.imageScanStatus?.status).toBe('COMPLETE');
      expect(imageDetails?.[0]?.imageScanFindingsSummary?.findingSeverityCounts).toEqual({ CRITICAL: 1, HIGH: 2 });
    });

    it('scans on push: IN_PROGRESS for the scan duration, then COMPLETE', async () => {
      h.ecr.seedRepository({ repositoryName: 'web', scanOnPush: true });
      h.ecr.setScanDuration(30);
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1.0'] });
      h.ecr.setScanFindings('web', digest, [{ name: 'CVE-2024-0009', severity: 'MEDIUM' }]);
      const during = await h.client.send(
        new DescribeImageScanFindingsCommand({ repositoryName: 'web', imageId: { imageDigest: digest } }),
      );
      expect(during.imageScanStatus?.status).toBe('IN_PROGRESS');
      expect(during.imageScanFindings).toBeUndefined();
      h.clock.advance(31_000);
      const after = await h.client.send(
        new DescribeImageScanFindingsCommand({ repositoryName: 'web', imageId: { imageDigest: digest } }),
      );
      expect(after.imageScanStatus?.status).toBe('COMPLETE');
      expect(after.imageScanFindings?.findingSeverityCounts).toEqual({ MEDIUM: 1 });
    });

    it('reports a FAILED scan with its reason', async () => {
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1.0'] });
      h.ecr.setScanFailure('web', digest);
      const { imageScanStatus, imageScanFindings } = await h.client.send(
        new DescribeImageScanFindingsCommand({ repositoryName: 'web', imageId: { imageTag: '1.0' } }),
      );
      expect(imageScanStatus).toEqual({
        status: 'FAILED',
        description: 'UnsupportedImageError: The operating system and/or package manager are not supported.',
      });
      expect(imageScanFindings).toBeUndefined();
    });

    it('starts a scan on request, at most once a day per image', async () => {
      const digest = h.ecr.seedImage({ repositoryName: 'web', tags: ['1.0'] });
      const started = await h.client.send(
        new StartImageScanCommand({ repositoryName: 'web', imageId: { imageTag: '1.0' } }),
      );
      expect(started.imageScanStatus).toEqual({ status: 'IN_PROGRESS' });
      expect(started.imageId).toEqual({ imageDigest: digest, imageTag: '1.0' });
      const findings = await h.client.send(
        new DescribeImageScanFindingsCommand({ repositoryName: 'web', imageId: { imageTag: '1.0' } }),
      );
      expect(findings.imageScanFindings?.findings).toEqual([]);
      const again = await failure(
        h.client.send(new StartImageScanCommand({ repositoryName: 'web', imageId: { imageTag: '1.0' } })),
      );
      expect(again.name).toBe('LimitExceededException');
    });
  });

  it('records every call on the server', async () => {
    h.ecr.seedRepository({ repositoryName: 'web' });
    await h.client.send(new DescribeRepositoriesCommand({}));
    await failure(h.client.send(new DescribeRepositoriesCommand({ repositoryNames: ['x1'] })));
    expect(h.calls.map((call) => [call.api, call.operation, call.status, call.error])).toEqual([
      ['ecr', 'DescribeRepositories', 200, undefined],
      ['ecr', 'DescribeRepositories', 400, 'RepositoryNotFoundException'],
    ]);
  });
});

describe('GetAuthorizationToken with a local registry configured', () => {
  it.each([
    ['AWS', 'AWS:s3cret'],
    ['admin', 'admin:s3cret'],
  ])(
    'uses the registry URL and its credentials (user %s); repositoryUri keeps the ECR host',
    async (username, decoded) => {
      const h = await startEcr({ registry: { url: 'http://127.0.0.1:5999/', username, password: 's3cret' } });
      try {
        const { authorizationData } = await h.client.send(new GetAuthorizationTokenCommand({}));
        expect(authorizationData?.[0]?.proxyEndpoint).toBe('http://127.0.0.1:5999');
        expect(Buffer.from(authorizationData?.[0]?.authorizationToken ?? '', 'base64').toString()).toBe(decoded);
        h.ecr.seedRepository({ repositoryName: 'web' });
        const { repositories } = await h.client.send(new DescribeRepositoriesCommand({}));
        // As on AWS, the repository is named by its ECR host; only the login (proxyEndpoint) goes to the registry.
        expect(repositories?.[0]?.repositoryUri).toBe(`${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web`);
        const { repository } = await h.client.send(new CreateRepositoryCommand({ repositoryName: 'api' }));
        expect(repository?.repositoryUri).toBe(`${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api`);
      } finally {
        await h.close();
      }
    },
  );

  it('answers ServerException (HTTP 500) when the registry cannot be reached', async () => {
    const h = await startEcr({ registry: { url: 'http://127.0.0.1:9', username: 'AWS', password: 'x' } });
    try {
      h.ecr.seedRepository({ repositoryName: 'web' });
      const error = await failure(h.client.send(new DescribeImagesCommand({ repositoryName: 'web' })));
      expect(error.name).toBe('ServerException');
      expect(error.$metadata?.httpStatusCode).toBe(500);
      expect(error.message).toContain('http://127.0.0.1:9 cannot be reached');
    } finally {
      await h.close();
    }
  });
});

const describeWithRegistry = localRegistryAvailable() ? describe : describe.skip;

describeWithRegistry('ECR simulator learning images from a real Docker registry', () => {
  let registry: LocalRegistry;
  let push: RegistryClient;
  let h: Harness;

  /** Pushes an image the way `docker push` does: blobs first, then the manifest under the tag. */
  async function pushImage(
    repository: string,
    tag: string | undefined,
    layerText: string,
  ): Promise<{ digest: string; size: number }> {
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [] },
        layer: layerText,
      }),
    );
    const layer = Buffer.from(layerText.repeat(100));
    const configDigest = await push.uploadBlob(repository, config);
    const layerDigest = await push.uploadBlob(repository, layer);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerManifest,
      config: { mediaType: MEDIA_TYPES.dockerConfig, size: config.length, digest: configDigest },
      layers: [{ mediaType: MEDIA_TYPES.dockerLayer, size: layer.length, digest: layerDigest }],
    });
    const digest = await push.putManifest(repository, tag ?? sha256(manifest), manifest, MEDIA_TYPES.dockerManifest);
    expect(digest).toBe(sha256(manifest));
    return { digest, size: layer.length };
  }

  beforeAll(async () => {
    registry = await startLocalRegistry();
    push = new RegistryClient(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });
  beforeEach(async () => {
    h = await startEcr({ registry: { url: registry.url, username: registry.username, password: registry.password } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('the authorization token logs in to the registry', async () => {
    const { authorizationData } = await h.client.send(new GetAuthorizationTokenCommand({}));
    const token = authorizationData?.[0]?.authorizationToken ?? '';
    const response = await fetch(`${authorizationData?.[0]?.proxyEndpoint}/v2/`, {
      headers: { authorization: `Basic ${token}` },
    });
    expect(response.status).toBe(200);
    const refused = await fetch(`${registry.url}/v2/`);
    expect(refused.status).toBe(401);
  });

  it('describes what was pushed: digest, tags, size, media types; a moved tag leaves the old image untagged', async () => {
    h.ecr.seedRepository({ repositoryName: 'learn/web' });
    const first = await pushImage('learn/web', '0.2541.1', 'first');
    await push.putManifest(
      'learn/web',
      'latest',
      (await push.getManifest('learn/web', '0.2541.1'))?.body ?? '',
      MEDIA_TYPES.dockerManifest,
    );

    const { imageDetails } = await h.client.send(
      new DescribeImagesCommand({ repositoryName: 'learn/web', imageIds: [{ imageTag: 'latest' }] }),
    );
    expect(imageDetails).toEqual([
      {
        registryId: ACCOUNT,
        repositoryName: 'learn/web',
        imageDigest: first.digest,
        imageTags: ['0.2541.1', 'latest'],
        imageSizeInBytes: first.size,
        imagePushedAt: expect.any(Date),
        imageManifestMediaType: MEDIA_TYPES.dockerManifest,
        artifactMediaType: MEDIA_TYPES.dockerConfig,
      },
    ]);

    const second = await pushImage('learn/web', '0.2541.2', 'second');
    await push.putManifest(
      'learn/web',
      'latest',
      (await push.getManifest('learn/web', '0.2541.2'))?.body ?? '',
      MEDIA_TYPES.dockerManifest,
    );
    expect(await h.ecr.tagsOf('learn/web')).toEqual({
      '0.2541.1': first.digest,
      '0.2541.2': second.digest,
      latest: second.digest,
    });

    const all = await h.client.send(new DescribeImagesCommand({ repositoryName: 'learn/web' }));
    expect(all.imageDetails?.map((d) => [d.imageDigest, d.imageTags])).toEqual([
      [first.digest, ['0.2541.1']],
      [second.digest, ['0.2541.2', 'latest']],
    ]);

    const { images } = await h.client.send(
      new BatchGetImageCommand({ repositoryName: 'learn/web', imageIds: [{ imageTag: 'latest' }] }),
    );
    expect(images?.[0]?.imageId?.imageDigest).toBe(second.digest);
    expect(sha256(images?.[0]?.imageManifest ?? '')).toBe(second.digest);
  });

  it('a tag deleted in the registry disappears; unknown digests are looked up in the registry', async () => {
    h.ecr.seedRepository({ repositoryName: 'learn/gone' });
    const image = await pushImage('learn/gone', 'temp', 'gone');
    expect(await h.ecr.tagsOf('learn/gone')).toEqual({ temp: image.digest });
    await push.deleteManifest('learn/gone', image.digest);
    expect(await h.ecr.tagsOf('learn/gone')).toEqual({});

    // Pushed by digest only (no tag), so tags/list never shows it: DescribeImages by digest still finds it.
    const untagged = await pushImage('learn/gone', undefined, 'by-digest');
    const { imageDetails } = await h.client.send(
      new DescribeImagesCommand({ repositoryName: 'learn/gone', imageIds: [{ imageDigest: untagged.digest }] }),
    );
    expect(imageDetails).toEqual([
      expect.objectContaining({ imageDigest: untagged.digest, imageSizeInBytes: untagged.size }),
    ]);
    expect(imageDetails?.[0]?.imageTags).toBeUndefined();
  });

  it('a repository that exists only in the registry does not exist for ECR', async () => {
    await pushImage('learn/unmanaged', '1.0', 'unmanaged');
    const error = await failure(
      h.client.send(new DescribeImagesCommand({ repositoryName: 'learn/unmanaged', imageIds: [{ imageTag: '1.0' }] })),
    );
    expect(error).toBeInstanceOf(RepositoryNotFoundException);
  });

  it('PutImage writes through to the registry and enforces immutability against registry tags', async () => {
    h.ecr.seedRepository({ repositoryName: 'learn/immutable', imageTagMutability: 'IMMUTABLE' });
    const v1 = await pushImage('learn/immutable', '1.0', 'immutable-1');
    await pushImage('learn/immutable', '2.0', 'immutable-2');
    const manifest = (await push.getManifest('learn/immutable', '1.0'))?.body ?? '';

    await h.client.send(
      new PutImageCommand({ repositoryName: 'learn/immutable', imageManifest: manifest, imageTag: 'prod' }),
    );
    expect(await push.resolveDigest('learn/immutable', 'prod')).toBe(v1.digest);

    const error = await failure(
      h.client.send(
        new PutImageCommand({ repositoryName: 'learn/immutable', imageManifest: manifest, imageTag: '2.0' }),
      ),
    );
    expect(error).toBeInstanceOf(ImageTagAlreadyExistsException);
    expect(await push.listTags('learn/immutable')).toEqual(expect.arrayContaining(['1.0', '2.0', 'prod']));

    const missingBlobs = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerManifest,
      config: { mediaType: MEDIA_TYPES.dockerConfig, size: 2, digest: DIGEST_A },
      layers: [{ mediaType: MEDIA_TYPES.dockerLayer, size: 3, digest: DIGEST_B }],
    });
    const layers = await failure(
      h.client.send(
        new PutImageCommand({ repositoryName: 'learn/immutable', imageManifest: missingBlobs, imageTag: '3.0' }),
      ),
    );
    expect(layers.name).toBe('LayersNotFoundException');
  });

  it('an OCI index is sized by its largest image; scan on push covers learned images', async () => {
    h.ecr.seedRepository({ repositoryName: 'learn/multi', scanOnPush: true });
    const amd = await pushImage('learn/multi', 'amd64', 'a');
    const arm = await pushImage('learn/multi', 'arm64', 'bbbb');
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: [
        {
          mediaType: MEDIA_TYPES.dockerManifest,
          digest: amd.digest,
          size: 100,
          platform: { architecture: 'amd64', os: 'linux' },
        },
        {
          mediaType: MEDIA_TYPES.dockerManifest,
          digest: arm.digest,
          size: 100,
          platform: { architecture: 'arm64', os: 'linux' },
        },
      ],
    });
    const indexDigest = await push.putManifest('learn/multi', '1.0', index, MEDIA_TYPES.ociIndex);
    const { imageDetails } = await h.client.send(
      new DescribeImagesCommand({ repositoryName: 'learn/multi', imageIds: [{ imageTag: '1.0' }] }),
    );
    expect(imageDetails?.[0]).toMatchObject({
      imageDigest: indexDigest,
      imageManifestMediaType: MEDIA_TYPES.ociIndex,
      imageSizeInBytes: Math.max(amd.size, arm.size),
      imageScanStatus: { status: 'COMPLETE' },
    });
  });
});
