/**
 * The ECR side of the simulator: AWS JSON 1.1, `X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Operation>`.
 *
 * Operations (Amazon ECR API Reference, "Actions"): GetAuthorizationToken, CreateRepository, DescribeRepositories,
 * DescribeImages, ListImages, BatchGetImage, PutImage, StartImageScan, DescribeImageScanFindings.
 *
 * Images come from two places:
 * - seeded (`seedImage`) or put with PutImage: kept in memory, with a manifest whose sha256 is the digest;
 * - a real local Docker registry (`registry` option): before answering, the simulator reads the registry through
 *   the Registry HTTP API v2 (tags/list, manifests with Accept for OCI and Docker media types,
 *   `Docker-Content-Digest`), so what `docker push` put there is what DescribeImages returns.
 * The simulator's repository list stays the truth for which repositories exist (ECR refuses a push to a repository
 * that was never created; a plain registry accepts any name), so images pushed into the registry under a name that
 * was never created or seeded are not visible through the ECR API.
 *
 * BatchGetImage returns the stored manifest as it is: `acceptedMediaTypes` is not used to convert or refuse
 * manifests (ECR converts Docker schema 2 to schema 1 on request; nothing here needs that).
 *
 * Tag immutability is enforced for PutImage (also when PutImage writes through to the registry). A `docker push`
 * straight into the local registry cannot be stopped by the simulator: the ecr-push action must check that an
 * immutable tag does not exist yet (DescribeImages / BatchGetImage) before it pushes.
 */
import { randomBytes } from 'node:crypto';
import { type AwsJsonService, AwsServiceError, type SimClock } from '../contract.js';
import {
  type ImageIdInput,
  imageAlreadyExists,
  imageNotFound,
  imageTagAlreadyExists,
  invalidParameter,
  missingParameter,
  repositoryAlreadyExists,
  repositoryNotFound,
  scanNotFound,
  serverError,
} from './errors.js';
import { MEDIA_TYPES, RegistryClient, RegistryError, sha256Digest } from './registry-client.js';

export { MEDIA_TYPES, RegistryClient, RegistryError, sha256Digest } from './registry-client.js';
export { type LocalRegistry, localRegistryAvailable, startLocalRegistry } from './registry-process.js';

export type ImageTagMutability = 'MUTABLE' | 'IMMUTABLE' | 'MUTABLE_WITH_EXCLUSION' | 'IMMUTABLE_WITH_EXCLUSION';
export type FindingSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNDEFINED';

export interface ScanFindingSeed {
  name: string;
  severity: FindingSeverity;
  description?: string;
  uri?: string;
  /** e.g. `[{ key: 'package_name', value: 'openssl' }, { key: 'package_version', value: '3.0.2' }]` */
  attributes?: { key: string; value?: string }[];
}

export interface RegistryConfig {
  /** e.g. `http://127.0.0.1:5000`; becomes GetAuthorizationToken's `proxyEndpoint`. */
  url: string;
  username: string;
  password: string;
}

export interface EcrSimulatorOptions {
  clock: SimClock;
  accountId: string;
  region: string;
  registry?: RegistryConfig;
  /** Simulated seconds a scan stays IN_PROGRESS before it is COMPLETE (or FAILED). Default 0. */
  scanDurationSeconds?: number;
}

export interface SeedRepositoryInput {
  repositoryName: string;
  imageTagMutability?: ImageTagMutability;
  /** Wildcard filters (`latest`, `dev-*`) for the `*_WITH_EXCLUSION` mutabilities. */
  imageTagMutabilityExclusionFilters?: string[];
  scanOnPush?: boolean;
}

export interface SeedImageInput {
  repositoryName: string;
  tags: string[];
  /** `sha256:<64 hex>`; generated deterministically from the repository and tags when not given. */
  digest?: string;
  pushedAt?: Date;
  /** Default: a deterministic size between 10 and 60 MB. */
  sizeInBytes?: number;
}

const ECR_MAX_RESULTS = 1000;
/** ECR returns up to 100 results per page when maxResults is not given (DescribeImages, ListImages, ...). */
const ECR_DEFAULT_PAGE = 100;
const TOKEN_VALIDITY_MS = 12 * 60 * 60 * 1000;
const SCAN_QUOTA_MS = 24 * 60 * 60 * 1000;
/** API_CreateRepository: repositoryName pattern and length 2..256. */
const REPOSITORY_NAME_PATTERN = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
const REPOSITORY_NAME = new RegExp(`^${REPOSITORY_NAME_PATTERN}$`);
/** API_ImageIdentifier: imageDigest pattern. */
const DIGEST_PATTERN = '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+';
const DIGEST = new RegExp(`^${DIGEST_PATTERN}$`);
const SEVERITIES: FindingSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];
const MUTABILITIES: ImageTagMutability[] = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION',
];

interface RepositoryState {
  name: string;
  createdAt: number;
  mutability: ImageTagMutability;
  exclusionFilters: string[];
  scanOnPush: boolean;
  encryption: { encryptionType: string; kmsKey?: string };
  /** By digest. */
  images: Map<string, ImageState>;
  /** Tag → digest, in the order the tags were set. */
  tags: Map<string, string>;
  /** Tags that the last registry read found (so a tag deleted in the registry disappears here too). */
  registryTags: Set<string>;
  /** Counter for generated digests of untagged seeded images. */
  seeded: number;
}

interface ImageState {
  digest: string;
  manifest: string;
  mediaType: string;
  artifactMediaType?: string;
  sizeInBytes: number;
  pushedAt: number;
  source: 'seed' | 'api' | 'registry';
}

interface ScanRun {
  startedAt: number;
  durationMs: number;
}

interface ScanOutcome {
  status: 'COMPLETE' | 'FAILED';
  findings: ScanFindingSeed[];
  description?: string;
  setAt: number;
}

interface ScanView {
  status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
  description?: string;
  completedAt?: number;
  findings: ScanFindingSeed[];
}

type Lookup = { kind: 'found'; image: ImageState } | { kind: 'not-found' } | { kind: 'mismatch' };

export class EcrSimulator implements AwsJsonService {
  readonly api = 'ecr' as const;
  readonly targetPrefix = 'AmazonEC2ContainerRegistry_V20150921';

  private readonly clock: SimClock;
  private readonly accountId: string;
  private readonly region: string;
  private readonly registry: RegistryConfig | undefined;
  private readonly registryClient: RegistryClient | undefined;
  private scanDurationMs: number;
  private readonly repositories = new Map<string, RepositoryState>();
  private readonly scanRuns = new Map<string, ScanRun>();
  private readonly scanOutcomes = new Map<string, ScanOutcome>();
  /** Manifests read from the registry, by digest (content-addressed, so they never change). */
  private readonly manifestCache = new Map<string, { mediaType: string; body: string }>();

  constructor(options: EcrSimulatorOptions) {
    this.clock = options.clock;
    this.accountId = options.accountId;
    this.region = options.region;
    this.registry = options.registry;
    this.registryClient = options.registry === undefined ? undefined : new RegistryClient(options.registry);
    this.scanDurationMs = (options.scanDurationSeconds ?? 0) * 1000;
  }

  async handle(operation: string, input: Record<string, unknown>): Promise<unknown> {
    switch (operation) {
      case 'GetAuthorizationToken':
        return this.getAuthorizationToken();
      case 'CreateRepository':
        return this.createRepository(input);
      case 'DescribeRepositories':
        return this.describeRepositories(input);
      case 'DescribeImages':
        return this.describeImages(input);
      case 'ListImages':
        return this.listImages(input);
      case 'BatchGetImage':
        return this.batchGetImage(input);
      case 'PutImage':
        return this.putImage(input);
      case 'StartImageScan':
        return this.startImageScan(input);
      case 'DescribeImageScanFindings':
        return this.describeImageScanFindings(input);
      default:
        throw new AwsServiceError(
          'UnknownOperationException',
          `The ECR simulator does not implement the operation ${operation}`,
        );
    }
  }

  // ---------------------------------------------------------------- seeding (tests and the demo)

  /** Creates the repository, or updates the settings given for an existing one. */
  seedRepository(input: SeedRepositoryInput): Record<string, unknown> {
    const name = input.repositoryName;
    if (!REPOSITORY_NAME.test(name) || name.length < 2 || name.length > 256) {
      throw new Error(`seedRepository: '${name}' is not a valid ECR repository name (${REPOSITORY_NAME_PATTERN})`);
    }
    let repository = this.repositories.get(name);
    if (repository === undefined) {
      repository = this.newRepository(name);
      this.repositories.set(name, repository);
    }
    if (input.imageTagMutability !== undefined) repository.mutability = input.imageTagMutability;
    if (input.imageTagMutabilityExclusionFilters !== undefined) {
      repository.exclusionFilters = [...input.imageTagMutabilityExclusionFilters];
    }
    if (input.scanOnPush !== undefined) repository.scanOnPush = input.scanOnPush;
    return this.describeRepository(repository);
  }

  /**
   * Adds an image (creating the repository with defaults if needed) and returns its digest. Tags already on
   * another image move to this one, whatever the repository's mutability (seeding sets the scene).
   */
  seedImage(input: SeedImageInput): string {
    let repository = this.repositories.get(input.repositoryName);
    if (repository === undefined) {
      this.seedRepository({ repositoryName: input.repositoryName });
      repository = this.repositories.get(input.repositoryName) as RepositoryState;
    }
    if (input.digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(input.digest)) {
      throw new Error(`seedImage: digest must look like sha256:<64 lowercase hex>, got ${input.digest}`);
    }
    for (const tag of input.tags) validateTagOrThrow(tag, (message) => new Error(`seedImage: ${message}`));
    const named = input.tags.length > 0 ? input.tags.join(',') : `untagged-${repository.seeded++}`;
    const identity = input.digest === undefined ? named : `${named}@${input.digest}`;
    const synthetic = syntheticManifest(`${input.repositoryName}\n${identity}`, input.sizeInBytes);
    const digest = input.digest ?? sha256Digest(synthetic.manifest);
    if (!repository.images.has(digest)) {
      this.addImage(repository, {
        digest,
        manifest: synthetic.manifest,
        mediaType: MEDIA_TYPES.dockerManifest,
        artifactMediaType: MEDIA_TYPES.dockerConfig,
        sizeInBytes: synthetic.size,
        pushedAt: input.pushedAt?.getTime() ?? this.clock.now(),
        source: 'seed',
      });
    }
    for (const tag of input.tags) setTag(repository, tag, digest);
    return digest;
  }

  /**
   * The findings of the basic scan of one image. The image need not exist yet (findings for a digest that is pushed
   * later); once set, the image counts as scanned (COMPLETE when no scan run is in progress).
   */
  setScanFindings(repositoryName: string, imageDigest: string, findings: ScanFindingSeed[]): void {
    for (const finding of findings) {
      if (!SEVERITIES.includes(finding.severity)) {
        throw new Error(`setScanFindings: severity must be one of ${SEVERITIES.join(', ')}, got ${finding.severity}`);
      }
    }
    this.scanOutcomes.set(scanKey(repositoryName, imageDigest), {
      status: 'COMPLETE',
      findings: findings.map((finding) => ({ ...finding })),
      setAt: this.clock.now(),
    });
  }

  /** Makes the scan of one image end as FAILED (ECR's usual reason is an unsupported OS). */
  setScanFailure(
    repositoryName: string,
    imageDigest: string,
    description = 'UnsupportedImageError: The operating system and/or package manager are not supported.',
  ): void {
    this.scanOutcomes.set(scanKey(repositoryName, imageDigest), {
      status: 'FAILED',
      findings: [],
      description,
      setAt: this.clock.now(),
    });
  }

  /** How many simulated seconds later scans started from now on complete. */
  setScanDuration(seconds: number): void {
    this.scanDurationMs = seconds * 1000;
  }

  /** Tag → digest of a repository (reads the registry first when one is configured), for assertions. */
  async tagsOf(repositoryName: string): Promise<Record<string, string>> {
    const repository = this.repositories.get(repositoryName);
    if (repository === undefined) throw repositoryNotFound(repositoryName, this.accountId);
    await this.syncFromRegistry(repository);
    return Object.fromEntries(repository.tags);
  }

  // ---------------------------------------------------------------- operations

  /** API_GetAuthorizationToken: one authorizationData, token = base64("AWS:<password>"), valid for 12 hours. */
  private getAuthorizationToken(): unknown {
    const now = this.clock.now();
    const expiresAt = now + TOKEN_VALIDITY_MS;
    let user = 'AWS';
    let password: string;
    let proxyEndpoint = `https://${this.accountId}.dkr.ecr.${this.region}.amazonaws.com`;
    if (this.registry !== undefined) {
      // The local registry's own credentials; its user should be AWS, as ECR's is, but whatever it is, the token
      // must let `docker login` into it.
      user = this.registry.username;
      password = this.registry.password;
      proxyEndpoint = this.registry.url.replace(/\/+$/, '');
    } else {
      // Real ECR passwords are base64 JSON envelopes ({payload, datakey, version, type, expiration}).
      password = Buffer.from(
        JSON.stringify({
          payload: randomBytes(96).toString('base64'),
          datakey: randomBytes(48).toString('base64'),
          version: '2',
          type: 'DATA_KEY',
          expiration: Math.floor(expiresAt / 1000),
        }),
      ).toString('base64');
    }
    return {
      authorizationData: [
        {
          authorizationToken: Buffer.from(`${user}:${password}`).toString('base64'),
          expiresAt: toEpochSeconds(expiresAt),
          proxyEndpoint,
        },
      ],
    };
  }

  /** API_CreateRepository: name rules, tag mutability, scan on push, encryption (AES256 by default). */
  private createRepository(input: Record<string, unknown>): unknown {
    const name = this.repositoryNameOf(input);
    const registryId = optionalString(input, 'registryId');
    if (registryId !== undefined && registryId !== this.accountId) {
      throw invalidParameter('registryId', `The registry id must be the id of the caller's account`);
    }
    if (this.repositories.has(name)) throw repositoryAlreadyExists(name, this.accountId);
    const mutability = optionalString(input, 'imageTagMutability') ?? 'MUTABLE';
    if (!MUTABILITIES.includes(mutability as ImageTagMutability)) {
      throw invalidParameter('imageTagMutability', `Member must satisfy enum value set: [${MUTABILITIES.join(', ')}]`);
    }
    const filters = exclusionFiltersOf(input.imageTagMutabilityExclusionFilters);
    if (mutability.endsWith('_WITH_EXCLUSION') && filters.length === 0) {
      throw invalidParameter(
        'imageTagMutabilityExclusionFilters',
        `imageTagMutabilityExclusionFilters must be specified when imageTagMutability is ${mutability}`,
      );
    }
    if (!mutability.endsWith('_WITH_EXCLUSION') && filters.length > 0) {
      throw invalidParameter(
        'imageTagMutabilityExclusionFilters',
        `imageTagMutabilityExclusionFilters can only be specified when imageTagMutability is MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION`,
      );
    }
    const scanning = input.imageScanningConfiguration as { scanOnPush?: unknown } | undefined;
    const encryption = input.encryptionConfiguration as { encryptionType?: unknown; kmsKey?: unknown } | undefined;
    const repository = this.newRepository(name);
    repository.mutability = mutability as ImageTagMutability;
    repository.exclusionFilters = filters;
    repository.scanOnPush = scanning?.scanOnPush === true;
    if (encryption !== undefined) {
      const type = String(encryption.encryptionType ?? 'AES256');
      if (!['AES256', 'KMS', 'KMS_DSSE'].includes(type)) {
        throw invalidParameter(
          'encryptionConfiguration.encryptionType',
          'Member must satisfy enum value set: [AES256, KMS, KMS_DSSE]',
        );
      }
      repository.encryption =
        type === 'AES256'
          ? { encryptionType: type }
          : {
              encryptionType: type,
              kmsKey:
                typeof encryption.kmsKey === 'string'
                  ? encryption.kmsKey
                  : `arn:aws:kms:${this.region}:${this.accountId}:key/${randomUuid()}`,
            };
    }
    this.repositories.set(name, repository);
    return { repository: this.describeRepository(repository) };
  }

  /** API_DescribeRepositories: all (paginated) or the named ones; any unknown name fails the whole call. */
  private describeRepositories(input: Record<string, unknown>): unknown {
    const registryId = optionalString(input, 'registryId') ?? this.accountId;
    const names = input.repositoryNames;
    if (names !== undefined) {
      if (!Array.isArray(names) || names.length === 0 || names.length > 100) {
        throw invalidParameter('repositoryNames', 'must have length between 1 and 100');
      }
      rejectPaginationWith(input, 'repositoryNames');
      const repositories = names.map((value) => {
        const name = String(value);
        validateRepositoryName(name);
        const repository = registryId === this.accountId ? this.repositories.get(name) : undefined;
        if (repository === undefined) throw repositoryNotFound(name, registryId);
        return this.describeRepository(repository);
      });
      return { repositories };
    }
    const all = registryId === this.accountId ? [...this.repositories.values()] : [];
    const { page, nextToken } = paginate(all, input);
    return { repositories: page.map((repository) => this.describeRepository(repository)), nextToken };
  }

  /** API_DescribeImages: by imageIds (tag or digest; any unknown id fails the call) or all, filtered and paginated. */
  private async describeImages(input: Record<string, unknown>): Promise<unknown> {
    const repository = await this.repositoryFor(input);
    const ids = imageIdsOf(input, false);
    if (ids !== undefined) {
      rejectPaginationWith(input, 'imageIds');
      for (const id of ids) validateImageId(id);
      const found: ImageState[] = [];
      for (const id of ids) {
        const lookup = await this.lookup(repository, id);
        if (lookup.kind !== 'found') throw imageNotFound(id, repository.name, this.accountId);
        if (!found.includes(lookup.image)) found.push(lookup.image);
      }
      return { imageDetails: found.map((image) => this.imageDetail(repository, image)) };
    }
    const images = filterByTagStatus(repository, sortedImages(repository), input.filter);
    const { page, nextToken } = paginate(images, input);
    return { imageDetails: page.map((image) => this.imageDetail(repository, image)), nextToken };
  }

  /** API_ListImages: one imageId per (digest, tag); untagged images by digest only. */
  private async listImages(input: Record<string, unknown>): Promise<unknown> {
    const repository = await this.repositoryFor(input);
    const images = filterByTagStatus(repository, sortedImages(repository), input.filter);
    const ids: ImageIdInput[] = [];
    for (const image of images) {
      const tags = tagsOfImage(repository, image.digest);
      if (tags.length === 0) ids.push({ imageDigest: image.digest });
      for (const tag of tags) ids.push({ imageDigest: image.digest, imageTag: tag });
    }
    const { page, nextToken } = paginate(ids, input);
    return { imageIds: page, nextToken };
  }

  /** API_BatchGetImage: images found, and failures (ImageNotFound, ImageTagDoesNotMatchDigest, ...) for the rest. */
  private async batchGetImage(input: Record<string, unknown>): Promise<unknown> {
    const repository = await this.repositoryFor(input);
    const ids = imageIdsOf(input, true) as ImageIdInput[];
    if (ids.length === 0 || ids.length > 100) throw invalidParameter('imageIds', 'must have length between 1 and 100');
    const images: unknown[] = [];
    const failures: unknown[] = [];
    for (const id of ids) {
      if (id.imageDigest === undefined && id.imageTag === undefined) {
        failures.push({
          imageId: {},
          failureCode: 'MissingDigestAndTag',
          failureReason: 'Invalid request parameters: both tag and digest cannot be null',
        });
        continue;
      }
      if (id.imageDigest !== undefined && !DIGEST.test(id.imageDigest)) {
        failures.push({
          imageId: id,
          failureCode: 'InvalidImageDigest',
          failureReason: `Invalid request parameters: image digest should satisfy the regex '${DIGEST_PATTERN}'`,
        });
        continue;
      }
      const lookup = await this.lookup(repository, id);
      if (lookup.kind === 'found') {
        images.push({
          registryId: this.accountId,
          repositoryName: repository.name,
          imageId: {
            imageDigest: lookup.image.digest,
            ...(id.imageTag === undefined ? {} : { imageTag: id.imageTag }),
          },
          imageManifest: lookup.image.manifest,
          imageManifestMediaType: lookup.image.mediaType,
        });
      } else if (lookup.kind === 'mismatch') {
        // Failure reason wording not verified against AWS; the code is ECR's.
        failures.push({
          imageId: id,
          failureCode: 'ImageTagDoesNotMatchDigest',
          failureReason: 'Invalid request parameters: image tag does not match the image digest',
        });
      } else {
        failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
      }
    }
    return { images, failures };
  }

  /**
   * API_PutImage: creates or updates the image for a manifest. ImageAlreadyExistsException when the digest (and tag)
   * are already there, ImageTagAlreadyExistsException when an immutable tag points elsewhere. With a registry the
   * manifest is written there too (the registry checks that its blobs exist).
   */
  private async putImage(input: Record<string, unknown>): Promise<unknown> {
    const repository = await this.repositoryFor(input);
    const manifest = requiredString(input, 'imageManifest');
    let parsed: ManifestJson;
    try {
      parsed = JSON.parse(manifest) as ManifestJson;
    } catch {
      throw invalidParameter('ImageManifest', 'Invalid JSON syntax');
    }
    const declared = optionalString(input, 'imageManifestMediaType');
    const embedded = typeof parsed.mediaType === 'string' ? parsed.mediaType : undefined;
    if (declared !== undefined && embedded !== undefined && declared !== embedded) {
      // Wording not verified against AWS.
      throw invalidParameter(
        'imageManifestMediaType',
        'Manifest media type does not match the mediaType in the manifest',
      );
    }
    const mediaType = declared ?? embedded;
    if (mediaType === undefined) {
      // API_PutImage: "If you push an image manifest that does not contain the mediaType field, you must specify
      // the imageManifestMediaType in the request." Wording not verified against AWS.
      throw invalidParameter('imageManifestMediaType', 'Manifest media type must be specified');
    }
    const tag = optionalString(input, 'imageTag');
    if (tag !== undefined) validateTagOrThrow(tag, (message) => invalidParameter('imageTag', message));
    const existingSameManifest = [...repository.images.values()].find((image) => image.manifest === manifest);
    const digest = existingSameManifest?.digest ?? sha256Digest(manifest);
    const givenDigest = optionalString(input, 'imageDigest');
    if (givenDigest !== undefined && givenDigest !== digest) {
      // Wording not verified against AWS; the exception name is ECR's.
      throw new AwsServiceError(
        'ImageDigestDoesNotMatchException',
        `The provided image digest '${givenDigest}' does not match the digest of the image manifest ('${digest}')`,
      );
    }
    const current = tag === undefined ? undefined : repository.tags.get(tag);
    if (tag === undefined ? repository.images.has(digest) : current === digest) {
      throw imageAlreadyExists(digest, tag, repository.name, this.accountId);
    }
    if (tag !== undefined && current !== undefined && isTagImmutable(repository, tag)) {
      throw imageTagAlreadyExists(tag, repository.name);
    }

    if (this.registryClient !== undefined && existingSameManifest?.source !== 'seed') {
      try {
        await this.registryClient.putManifest(repository.name, tag ?? digest, manifest, mediaType);
      } catch (error) {
        throw putImageRegistryError(error, parsed);
      }
      if (tag !== undefined) repository.registryTags.add(tag);
    }
    let image = repository.images.get(digest);
    if (image === undefined) {
      image = {
        digest,
        manifest,
        mediaType,
        sizeInBytes: await manifestSize(parsed, async (child) => repository.images.get(child)?.sizeInBytes),
        pushedAt: this.clock.now(),
        source: this.registryClient === undefined ? 'api' : 'registry',
      };
      const artifactMediaType = parsed.config?.mediaType;
      if (artifactMediaType !== undefined) image.artifactMediaType = artifactMediaType;
      this.addImage(repository, image);
    }
    if (tag !== undefined) setTag(repository, tag, digest);
    return {
      image: {
        registryId: this.accountId,
        repositoryName: repository.name,
        imageId: { imageDigest: digest, ...(tag === undefined ? {} : { imageTag: tag }) },
        imageManifest: manifest,
        imageManifestMediaType: mediaType,
      },
    };
  }

  /** API_StartImageScan: basic scanning, once per image per 24 hours (LimitExceededException otherwise). */
  private async startImageScan(input: Record<string, unknown>): Promise<unknown> {
    const repository = await this.repositoryFor(input);
    const id = imageIdOf(input);
    const lookup = await this.lookup(repository, id);
    if (lookup.kind !== 'found') throw imageNotFound(id, repository.name, this.accountId);
    const key = scanKey(repository.name, lookup.image.digest);
    const previous = this.scanRuns.get(key);
    const now = this.clock.now();
    if (previous !== undefined && now - previous.startedAt < SCAN_QUOTA_MS) {
      throw new AwsServiceError(
        'LimitExceededException',
        'The scan quota per image has been exceeded. Wait and try again.',
      );
    }
    this.scanRuns.set(key, { startedAt: now, durationMs: this.scanDurationMs });
    return {
      registryId: this.accountId,
      repositoryName: repository.name,
      imageId: { imageDigest: lookup.image.digest, ...(id.imageTag === undefined ? {} : { imageTag: id.imageTag }) },
      imageScanStatus: { status: 'IN_PROGRESS' },
    };
  }

  /**
   * API_DescribeImageScanFindings: imageScanStatus (IN_PROGRESS, COMPLETE, FAILED) and, once complete, the findings
   * (paginated) with findingSeverityCounts. ScanNotFoundException when the image was never scanned.
   */
  private async describeImageScanFindings(input: Record<string, unknown>): Promise<unknown> {
    const repository = await this.repositoryFor(input);
    const id = imageIdOf(input);
    const lookup = await this.lookup(repository, id);
    if (lookup.kind !== 'found') throw imageNotFound(id, repository.name, this.accountId);
    const scan = this.scanView(repository.name, lookup.image.digest);
    if (scan === undefined) throw scanNotFound(id, repository.name, this.accountId);
    const response: Record<string, unknown> = {
      registryId: this.accountId,
      repositoryName: repository.name,
      imageId: { imageDigest: lookup.image.digest, ...(id.imageTag === undefined ? {} : { imageTag: id.imageTag }) },
      imageScanStatus: scanStatus(scan),
    };
    if (scan.status === 'COMPLETE' && scan.completedAt !== undefined) {
      const { page, nextToken } = paginate(scan.findings, input);
      response.imageScanFindings = {
        imageScanCompletedAt: toEpochSeconds(scan.completedAt),
        vulnerabilitySourceUpdatedAt: toEpochSeconds(scan.completedAt),
        findingSeverityCounts: severityCounts(scan.findings),
        findings: page.map((finding) => ({
          name: finding.name,
          ...(finding.description === undefined ? {} : { description: finding.description }),
          ...(finding.uri === undefined ? {} : { uri: finding.uri }),
          severity: finding.severity,
          attributes: finding.attributes ?? [],
        })),
      };
      if (nextToken !== undefined) response.nextToken = nextToken;
    }
    return response;
  }

  // ---------------------------------------------------------------- internals

  private newRepository(name: string): RepositoryState {
    return {
      name,
      createdAt: this.clock.now(),
      mutability: 'MUTABLE',
      exclusionFilters: [],
      scanOnPush: false,
      encryption: { encryptionType: 'AES256' },
      images: new Map(),
      tags: new Map(),
      registryTags: new Set(),
      seeded: 0,
    };
  }

  /** API_Repository shape. */
  private describeRepository(repository: RepositoryState): Record<string, unknown> {
    // Always the ECR form, as AWS returns it, also with a local registry behind: only GetAuthorizationToken's
    // proxyEndpoint names that registry (where `docker login` and `docker push` go).
    const host = `${this.accountId}.dkr.ecr.${this.region}.amazonaws.com`;
    return {
      repositoryArn: `arn:aws:ecr:${this.region}:${this.accountId}:repository/${repository.name}`,
      registryId: this.accountId,
      repositoryName: repository.name,
      repositoryUri: `${host}/${repository.name}`,
      createdAt: toEpochSeconds(repository.createdAt),
      imageTagMutability: repository.mutability,
      ...(repository.exclusionFilters.length === 0
        ? {}
        : {
            imageTagMutabilityExclusionFilters: repository.exclusionFilters.map((filter) => ({
              filterType: 'WILDCARD',
              filter,
            })),
          }),
      imageScanningConfiguration: { scanOnPush: repository.scanOnPush },
      encryptionConfiguration: { ...repository.encryption },
    };
  }

  /** API_ImageDetail shape. */
  private imageDetail(repository: RepositoryState, image: ImageState): Record<string, unknown> {
    const tags = tagsOfImage(repository, image.digest);
    const detail: Record<string, unknown> = {
      registryId: this.accountId,
      repositoryName: repository.name,
      imageDigest: image.digest,
    };
    if (tags.length > 0) detail.imageTags = tags;
    detail.imageSizeInBytes = image.sizeInBytes;
    detail.imagePushedAt = toEpochSeconds(image.pushedAt);
    detail.imageManifestMediaType = image.mediaType;
    if (image.artifactMediaType !== undefined) detail.artifactMediaType = image.artifactMediaType;
    const scan = this.scanView(repository.name, image.digest);
    if (scan !== undefined) {
      detail.imageScanStatus = scanStatus(scan);
      if (scan.status === 'COMPLETE' && scan.completedAt !== undefined) {
        detail.imageScanFindingsSummary = {
          imageScanCompletedAt: toEpochSeconds(scan.completedAt),
          vulnerabilitySourceUpdatedAt: toEpochSeconds(scan.completedAt),
          findingSeverityCounts: severityCounts(scan.findings),
        };
      }
    }
    return detail;
  }

  private scanView(repositoryName: string, digest: string): ScanView | undefined {
    const key = scanKey(repositoryName, digest);
    const run = this.scanRuns.get(key);
    const outcome = this.scanOutcomes.get(key);
    if (run === undefined && outcome === undefined) return undefined;
    if (run !== undefined && this.clock.now() < run.startedAt + run.durationMs) {
      return { status: 'IN_PROGRESS', findings: [] };
    }
    const completedAt = run === undefined ? (outcome?.setAt ?? 0) : run.startedAt + run.durationMs;
    const view: ScanView = { status: outcome?.status ?? 'COMPLETE', completedAt, findings: outcome?.findings ?? [] };
    if (outcome?.description !== undefined) view.description = outcome.description;
    return view;
  }

  private addImage(repository: RepositoryState, image: ImageState): void {
    repository.images.set(image.digest, image);
    // Image scanning, "Scan on push": a basic scan starts when the image is pushed.
    if (repository.scanOnPush) {
      this.scanRuns.set(scanKey(repository.name, image.digest), {
        startedAt: image.pushedAt,
        durationMs: this.scanDurationMs,
      });
    }
  }

  private repositoryNameOf(input: Record<string, unknown>): string {
    const name = requiredString(input, 'repositoryName');
    validateRepositoryName(name);
    return name;
  }

  /** The repository the request names (validated, in this account), read fresh from the registry if there is one. */
  private async repositoryFor(input: Record<string, unknown>): Promise<RepositoryState> {
    const name = this.repositoryNameOf(input);
    const registryId = optionalString(input, 'registryId') ?? this.accountId;
    const repository = registryId === this.accountId ? this.repositories.get(name) : undefined;
    if (repository === undefined) throw repositoryNotFound(name, registryId);
    await this.syncFromRegistry(repository);
    return repository;
  }

  private async lookup(repository: RepositoryState, id: ImageIdInput): Promise<Lookup> {
    const byTag = id.imageTag === undefined ? undefined : repository.tags.get(id.imageTag);
    if (id.imageTag !== undefined && byTag === undefined) return { kind: 'not-found' };
    if (id.imageDigest === undefined) {
      const image = byTag === undefined ? undefined : repository.images.get(byTag);
      return image === undefined ? { kind: 'not-found' } : { kind: 'found', image };
    }
    const image = repository.images.get(id.imageDigest) ?? (await this.learnDigest(repository, id.imageDigest));
    if (image === undefined) return { kind: byTag === undefined ? 'not-found' : 'mismatch' };
    if (byTag !== undefined && byTag !== image.digest) return { kind: 'mismatch' };
    return { kind: 'found', image };
  }

  /**
   * Reads the registry: tags/list, then HEAD each tag's manifest for its digest, GET manifests not seen before.
   * Registry tags override seeded tags of the same name; tags gone from the registry disappear here too; images
   * seen before keep their first-seen time as imagePushedAt and stay (untagged) when their tags move.
   */
  private async syncFromRegistry(repository: RepositoryState): Promise<void> {
    const client = this.registryClient;
    if (client === undefined) return;
    try {
      // Sorted, so that tags first seen together are listed in a stable order.
      const tags = (await client.listTags(repository.name)).sort();
      const resolved = await Promise.all(
        tags.map(async (tag) => ({ tag, digest: await client.resolveDigest(repository.name, tag) })),
      );
      const present = new Set<string>();
      for (const { tag, digest } of resolved) {
        if (digest === undefined) continue; // deleted between the two calls
        if (!repository.images.has(digest)) await this.learnDigest(repository, digest);
        if (!repository.images.has(digest)) continue;
        present.add(tag);
        setTag(repository, tag, digest);
      }
      for (const tag of repository.registryTags) {
        if (!present.has(tag)) repository.tags.delete(tag);
      }
      repository.registryTags = present;
    } catch (error) {
      if (error instanceof AwsServiceError) throw error;
      throw serverError(error instanceof Error ? error.message : String(error));
    }
  }

  /** Learns one manifest from the registry by digest (undefined when the registry does not have it). */
  private async learnDigest(repository: RepositoryState, digest: string): Promise<ImageState | undefined> {
    const client = this.registryClient;
    if (client === undefined || !DIGEST.test(digest)) return undefined;
    const fetched = await this.fetchManifest(repository.name, digest);
    if (fetched === undefined) return undefined;
    const known = repository.images.get(digest); // a concurrent call may have learned it meanwhile
    if (known !== undefined) return known;
    const parsed = JSON.parse(fetched.body) as ManifestJson;
    const image: ImageState = {
      digest,
      manifest: fetched.body,
      mediaType: fetched.mediaType,
      sizeInBytes: await manifestSize(parsed, async (child) => {
        const childManifest = await this.fetchManifest(repository.name, child);
        return childManifest === undefined
          ? undefined
          : manifestSize(JSON.parse(childManifest.body) as ManifestJson, async () => undefined);
      }),
      pushedAt: this.clock.now(),
      source: 'registry',
    };
    const artifactMediaType = parsed.config?.mediaType;
    if (artifactMediaType !== undefined) image.artifactMediaType = artifactMediaType;
    this.addImage(repository, image);
    return image;
  }

  private async fetchManifest(name: string, digest: string): Promise<{ mediaType: string; body: string } | undefined> {
    const cached = this.manifestCache.get(digest);
    if (cached !== undefined) return cached;
    const client = this.registryClient;
    if (client === undefined) return undefined;
    try {
      const fetched = await client.getManifest(name, digest);
      if (fetched === undefined) return undefined;
      const entry = { mediaType: fetched.mediaType, body: fetched.body };
      this.manifestCache.set(digest, entry);
      return entry;
    } catch (error) {
      if (error instanceof RegistryError && error.status === 400) return undefined; // invalid reference
      throw serverError(error instanceof Error ? error.message : String(error));
    }
  }
}

// ------------------------------------------------------------------ helpers

interface ManifestJson {
  mediaType?: unknown;
  config?: { mediaType?: string; size?: number; digest?: string };
  layers?: { size?: number }[];
  manifests?: { digest?: string; size?: number; annotations?: Record<string, string> }[];
}

/**
 * API_ImageDetail.imageSizeInBytes: the (compressed) size of the image's layers; for a manifest list or index,
 * the largest of its manifests. Attestation manifests in an index (buildx provenance) are not images and are skipped.
 */
async function manifestSize(
  manifest: ManifestJson,
  childSize: (digest: string) => Promise<number | undefined>,
): Promise<number> {
  if (Array.isArray(manifest.manifests)) {
    let largest = 0;
    for (const child of manifest.manifests) {
      if (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
      if (typeof child.digest !== 'string') continue;
      largest = Math.max(largest, (await childSize(child.digest)) ?? 0);
    }
    return largest;
  }
  return (manifest.layers ?? []).reduce((sum, layer) => sum + (typeof layer.size === 'number' ? layer.size : 0), 0);
}

/** A deterministic Docker v2 manifest for a seeded image (its sha256 is the generated digest). */
function syntheticManifest(seed: string, sizeInBytes?: number): { manifest: string; size: number } {
  const hash = sha256Digest(seed).slice('sha256:'.length);
  const size = sizeInBytes ?? 10_000_000 + (Number.parseInt(hash.slice(0, 8), 16) % 50_000_000);
  const manifest = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.dockerManifest,
      config: {
        mediaType: MEDIA_TYPES.dockerConfig,
        size: 1_000 + (Number.parseInt(hash.slice(8, 12), 16) % 5_000),
        digest: sha256Digest(`config\n${seed}`),
      },
      layers: [{ mediaType: MEDIA_TYPES.dockerLayer, size, digest: sha256Digest(`layer\n${seed}`) }],
    },
    null,
    3,
  );
  return { manifest, size };
}

function putImageRegistryError(error: unknown, manifest: ManifestJson): AwsServiceError {
  if (error instanceof AwsServiceError) return error;
  if (!(error instanceof RegistryError)) return serverError(String(error));
  const isIndex = Array.isArray(manifest.manifests);
  switch (error.code) {
    case 'MANIFEST_BLOB_UNKNOWN':
    case 'BLOB_UNKNOWN':
    case 'MANIFEST_UNKNOWN':
      return isIndex
        ? new AwsServiceError(
            'ReferencedImagesNotFoundException',
            'The manifest list is referencing an image that does not exist.',
          )
        : new AwsServiceError(
            'LayersNotFoundException',
            'The specified layers could not be found, or the specified layer is not valid for this repository.',
          );
    case 'MANIFEST_INVALID':
    case 'TAG_INVALID':
    case 'DIGEST_INVALID':
    case 'NAME_INVALID':
    case 'SIZE_INVALID':
      return invalidParameter('ImageManifest', error.message);
    default:
      return serverError(error.message);
  }
}

function isTagImmutable(repository: RepositoryState, tag: string): boolean {
  // Image tag mutability (ECR User Guide): *_WITH_EXCLUSION flips the setting for tags matching a wildcard filter.
  const immutable = repository.mutability.startsWith('IMMUTABLE');
  if (!repository.mutability.endsWith('_WITH_EXCLUSION')) return immutable;
  const excluded = repository.exclusionFilters.some((filter) => wildcard(filter).test(tag));
  return excluded ? !immutable : immutable;
}

function wildcard(filter: string): RegExp {
  return new RegExp(`^${filter.split('*').map(escapeRegExp).join('.*')}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exclusionFiltersOf(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidParameter('imageTagMutabilityExclusionFilters', 'must be a list');
  return value.map((entry) => {
    const filter = (entry as { filter?: unknown; filterType?: unknown }).filter;
    const type = (entry as { filterType?: unknown }).filterType;
    if (type !== 'WILDCARD' || typeof filter !== 'string' || filter.length === 0) {
      throw invalidParameter(
        'imageTagMutabilityExclusionFilters',
        'each filter needs filterType WILDCARD and a filter',
      );
    }
    return filter;
  });
}

function setTag(repository: RepositoryState, tag: string, digest: string): void {
  if (repository.tags.get(tag) === digest) return;
  repository.tags.delete(tag);
  repository.tags.set(tag, digest);
}

function tagsOfImage(repository: RepositoryState, digest: string): string[] {
  const tags: string[] = [];
  for (const [tag, target] of repository.tags) if (target === digest) tags.push(tag);
  return tags;
}

function sortedImages(repository: RepositoryState): ImageState[] {
  return [...repository.images.values()].sort((a, b) => a.pushedAt - b.pushedAt || a.digest.localeCompare(b.digest));
}

/** API_DescribeImagesFilter / API_ListImagesFilter: tagStatus TAGGED, UNTAGGED or ANY (default). */
function filterByTagStatus(repository: RepositoryState, images: ImageState[], filter: unknown): ImageState[] {
  const status = (filter as { tagStatus?: unknown } | undefined)?.tagStatus ?? 'ANY';
  if (status === 'ANY') return images;
  if (status !== 'TAGGED' && status !== 'UNTAGGED') {
    throw invalidParameter('filter.tagStatus', 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]');
  }
  return images.filter((image) => tagsOfImage(repository, image.digest).length > 0 === (status === 'TAGGED'));
}

function scanKey(repositoryName: string, digest: string): string {
  return `${repositoryName}\n${digest}`;
}

function scanStatus(scan: ScanView): Record<string, string> {
  if (scan.status === 'IN_PROGRESS') return { status: 'IN_PROGRESS' };
  if (scan.status === 'FAILED') return { status: 'FAILED', description: scan.description ?? 'The scan failed.' };
  return { status: 'COMPLETE', description: 'The scan was completed successfully.' };
}

/** API_ImageScanFindings.findingSeverityCounts: only the severities that occur. */
function severityCounts(findings: ScanFindingSeed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  return counts;
}

function toEpochSeconds(ms: number): number {
  return ms / 1000;
}

function randomUuid(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function requiredString(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (value === undefined || value === null) throw missingParameter(field);
  if (typeof value !== 'string') throw invalidParameter(field, 'must be a string');
  return value;
}

function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(field, 'must be a string');
  return value;
}

/** API_CreateRepository, repositoryName: length 2..256 and ECR's pattern, checked by every operation that takes one. */
function validateRepositoryName(name: string): void {
  if (name.length < 2) throw invalidParameter('repositoryName', 'must have length greater than or equal to 2');
  if (name.length > 256) throw invalidParameter('repositoryName', 'must have length less than or equal to 256');
  if (!REPOSITORY_NAME.test(name)) {
    throw invalidParameter('repositoryName', `must satisfy regular expression '${REPOSITORY_NAME_PATTERN}'`);
  }
}

/** API_ImageIdentifier.imageTag: length 1..300. Docker also limits tags to [A-Za-z0-9_.-], 128, not starting with . or -. */
function validateTagOrThrow(tag: string, toError: (message: string) => Error): void {
  if (tag.length < 1) throw toError('must have length greater than or equal to 1');
  if (tag.length > 300) throw toError('must have length less than or equal to 300');
}

function validateImageId(id: ImageIdInput): void {
  if (id.imageDigest === undefined && id.imageTag === undefined) {
    // Wording not verified against AWS.
    throw invalidParameter('imageIds', 'Invalid request parameters: both tag and digest cannot be null');
  }
  if (id.imageDigest !== undefined && !DIGEST.test(id.imageDigest)) {
    throw invalidParameter('imageDigest', `must satisfy regular expression '${DIGEST_PATTERN}'`);
  }
}

function imageIdsOf(input: Record<string, unknown>, required: boolean): ImageIdInput[] | undefined {
  const value = input.imageIds;
  if (value === undefined || value === null) {
    if (required) throw missingParameter('imageIds');
    return undefined;
  }
  if (!Array.isArray(value)) throw invalidParameter('imageIds', 'must be a list');
  return value.map((entry) => toImageId(entry, 'imageIds'));
}

function imageIdOf(input: Record<string, unknown>): ImageIdInput {
  const value = input.imageId;
  if (value === undefined || value === null) throw missingParameter('imageId');
  const id = toImageId(value, 'imageId');
  validateImageId(id);
  return id;
}

function toImageId(value: unknown, field: string): ImageIdInput {
  if (typeof value !== 'object' || value === null) throw invalidParameter(field, 'must be an ImageIdentifier');
  const { imageDigest, imageTag } = value as { imageDigest?: unknown; imageTag?: unknown };
  const id: ImageIdInput = {};
  if (typeof imageDigest === 'string') id.imageDigest = imageDigest;
  if (typeof imageTag === 'string') id.imageTag = imageTag;
  return id;
}

/** DescribeRepositories / DescribeImages: maxResults and nextToken "cannot be used" with the explicit list. */
function rejectPaginationWith(input: Record<string, unknown>, listField: string): void {
  for (const field of ['maxResults', 'nextToken']) {
    if (input[field] !== undefined && input[field] !== null) {
      // Wording not verified against AWS.
      throw invalidParameter(field, `${field} cannot be used when ${listField} is specified`);
    }
  }
}

/** ECR pagination: maxResults 1..1000 (default 100 per page), an opaque nextToken. */
function paginate<T>(items: T[], input: Record<string, unknown>): { page: T[]; nextToken?: string } {
  const max = input.maxResults ?? ECR_DEFAULT_PAGE;
  if (typeof max !== 'number' || !Number.isInteger(max)) throw invalidParameter('maxResults', 'must be an integer');
  if (max < 1) throw invalidParameter('maxResults', 'must be greater than or equal to 1');
  if (max > ECR_MAX_RESULTS) throw invalidParameter('maxResults', `must be less than or equal to ${ECR_MAX_RESULTS}`);
  let start = 0;
  const token = input.nextToken;
  if (token !== undefined && token !== null) {
    const decoded = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : '';
    const match = /^ecr-sim:(\d+)$/.exec(decoded);
    if (match?.[1] === undefined) throw invalidParameter('nextToken', 'Invalid NextToken');
    start = Number(match[1]);
  }
  const page = items.slice(start, start + max);
  const end = start + page.length;
  return end < items.length ? { page, nextToken: Buffer.from(`ecr-sim:${end}`).toString('base64url') } : { page };
}
