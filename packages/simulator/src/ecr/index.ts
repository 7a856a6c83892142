/**
 * The ECR side of the simulator: AWS JSON 1.1, `X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Operation>`.
 *
 * Operations (Amazon ECR API Reference, "Actions"): GetAuthorizationToken, CreateRepository, DescribeRepositories,
 * DescribeImages, ListImages, BatchGetImage, GetDownloadUrlForLayer (layers.ts: its URLs are served by the simulator's
 * own server), PutImage, StartImageScan, DescribeImageScanFindings.
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
 *
 * This file is the entry: the operation switch and the seeding methods. The operations live by topic: auth.ts,
 * repositories.ts, images.ts (reads), put-image.ts, scans.ts; registry-sync.ts reads the local registry; inputs.ts
 * reads request fields; model.ts holds the state's shapes.
 */
import { type AwsJsonService, AwsServiceError } from '../contract.js';
import { getAuthorizationToken } from './auth.js';
import { repositoryNotFound } from './errors.js';
import { batchGetImage, describeImages, listImages } from './images.js';
import { REPOSITORY_NAME, REPOSITORY_NAME_PATTERN, validateTagOrThrow } from './inputs.js';
import { getDownloadUrlForLayer, serveLayer as serveLayerAt } from './layers.js';
import { configPlatform, syntheticIndex, syntheticManifest } from './manifests.js';
import {
  addImage,
  type EcrSimulatorOptions,
  type EcrState,
  type ImagePlatform,
  newRepository,
  type RepositoryState,
  type ScanFindingSeed,
  type SeedImageInput,
  type SeedRepositoryInput,
  scanKey,
  setTag,
} from './model.js';
import { putImage } from './put-image.js';
import { MEDIA_TYPES, RegistryClient, sha256Digest } from './registry-client.js';
import { syncFromRegistry } from './registry-sync.js';
import { createRepository, describeRepositories, describeRepository } from './repositories.js';
import { describeImageScanFindings, SEVERITIES, startImageScan } from './scans.js';

export type {
  EcrSimulatorOptions,
  FindingSeverity,
  ImagePlatform,
  ImageTagMutability,
  RegistryConfig,
  ScanFindingSeed,
  SeedImageInput,
  SeedRepositoryInput,
} from './model.js';
export { MEDIA_TYPES, RegistryClient, RegistryError, sha256Digest } from './registry-client.js';
export { type LocalRegistry, localRegistryAvailable, startLocalRegistry } from './registry-process.js';

export class EcrSimulator implements AwsJsonService {
  readonly api = 'ecr' as const;
  readonly targetPrefix = 'AmazonEC2ContainerRegistry_V20150921';

  private readonly state: EcrState;

  constructor(options: EcrSimulatorOptions) {
    this.state = {
      clock: options.clock,
      accountId: options.accountId,
      region: options.region,
      registry: options.registry,
      registryClient: options.registry === undefined ? undefined : new RegistryClient(options.registry),
      scanDurationMs: (options.scanDurationSeconds ?? 0) * 1000,
      repositories: new Map(),
      scanRuns: new Map(),
      scanOutcomes: new Map(),
      manifestCache: new Map(),
      downloadBase: '',
    };
  }

  /** The simulator's server URL, where GetDownloadUrlForLayer's URLs point (set once the server listens). */
  setDownloadBase(url: string): void {
    this.state.downloadBase = url.replace(/\/+$/, '');
  }

  /** The answer to a GET of a URL GetDownloadUrlForLayer gave (the server routes `LAYER_PATH` here). */
  serveLayer(url: string): ReturnType<typeof serveLayerAt> {
    return serveLayerAt(this.state, url);
  }

  async handle(operation: string, input: Record<string, unknown>): Promise<unknown> {
    switch (operation) {
      case 'GetAuthorizationToken':
        return getAuthorizationToken(this.state);
      case 'CreateRepository':
        return createRepository(this.state, input);
      case 'DescribeRepositories':
        return describeRepositories(this.state, input);
      case 'DescribeImages':
        return describeImages(this.state, input);
      case 'ListImages':
        return listImages(this.state, input);
      case 'BatchGetImage':
        return batchGetImage(this.state, input);
      case 'GetDownloadUrlForLayer':
        return getDownloadUrlForLayer(this.state, input);
      case 'PutImage':
        return putImage(this.state, input);
      case 'StartImageScan':
        return startImageScan(this.state, input);
      case 'DescribeImageScanFindings':
        return describeImageScanFindings(this.state, input);
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
    let repository = this.state.repositories.get(name);
    if (repository === undefined) {
      repository = newRepository(this.state, name);
      this.state.repositories.set(name, repository);
    }
    if (input.imageTagMutability !== undefined) repository.mutability = input.imageTagMutability;
    if (input.imageTagMutabilityExclusionFilters !== undefined) {
      repository.exclusionFilters = [...input.imageTagMutabilityExclusionFilters];
    }
    if (input.scanOnPush !== undefined) repository.scanOnPush = input.scanOnPush;
    return describeRepository(this.state, repository);
  }

  /**
   * Adds an image (creating the repository with defaults if needed) and returns its digest. Tags already on
   * another image move to this one, whatever the repository's mutability (seeding sets the scene).
   */
  seedImage(input: SeedImageInput): string {
    let repository = this.state.repositories.get(input.repositoryName);
    if (repository === undefined) {
      this.seedRepository({ repositoryName: input.repositoryName });
      repository = this.state.repositories.get(input.repositoryName) as RepositoryState;
    }
    if (input.platforms && input.platform) {
      throw new Error(
        'seedImage: give platforms (a multi-platform image) or platform (a single-platform one), not both',
      );
    }
    if (input.digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(input.digest)) {
      throw new Error(`seedImage: digest must look like sha256:<64 lowercase hex>, got ${input.digest}`);
    }
    for (const tag of input.tags) validateTagOrThrow(tag, (message) => new Error(`seedImage: ${message}`));
    const named = input.tags.length > 0 ? input.tags.join(',') : `untagged-${repository.seeded++}`;
    const identity = input.digest === undefined ? named : `${named}@${input.digest}`;
    if (input.platforms) return this.seedIndex(repository, input, `${input.repositoryName}\n${identity}`);
    const synthetic = syntheticManifest(`${input.repositoryName}\n${identity}`, input.sizeInBytes, input.platform);
    const digest = input.digest ?? sha256Digest(synthetic.manifest);
    if (!repository.images.has(digest)) {
      addImage(this.state, repository, {
        digest,
        manifest: synthetic.manifest,
        mediaType: MEDIA_TYPES.dockerManifest,
        artifactMediaType: MEDIA_TYPES.dockerConfig,
        sizeInBytes: synthetic.size,
        pushedAt: input.pushedAt?.getTime() ?? this.state.clock.now(),
        source: 'seed',
        config: synthetic.config,
      });
    }
    for (const tag of input.tags) setTag(repository, tag, digest);
    return digest;
  }

  /** A multi-platform seeded image: its index (tagged) and one untagged image per platform. */
  private seedIndex(repository: RepositoryState, input: SeedImageInput, seed: string): string {
    const { index, children } = syntheticIndex(seed, input.platforms ?? [], input.sizeInBytes);
    const pushedAt = input.pushedAt?.getTime() ?? this.state.clock.now();
    for (const child of children) {
      addImage(this.state, repository, {
        digest: child.digest,
        manifest: child.manifest,
        mediaType: MEDIA_TYPES.dockerManifest,
        artifactMediaType: MEDIA_TYPES.dockerConfig,
        sizeInBytes: child.size,
        pushedAt,
        source: 'seed',
        config: child.config,
      });
    }
    const digest = input.digest ?? sha256Digest(index);
    addImage(this.state, repository, {
      digest,
      manifest: index,
      mediaType: MEDIA_TYPES.ociIndex,
      sizeInBytes: Math.max(0, ...children.map((child) => child.size)),
      pushedAt,
      source: 'seed',
    });
    for (const tag of input.tags) setTag(repository, tag, digest);
    return digest;
  }

  /**
   * The platforms of a seeded image (by tag or digest): from its index, or for a single-platform image from its config
   * blob; undefined for an image the simulator does not hold or whose config is in the local registry. What ECS
   * compares with the task's runtime platform when it pulls.
   */
  platformsOf(repositoryName: string, reference: { tag?: string; digest?: string }): ImagePlatform[] | undefined {
    const repository = this.state.repositories.get(repositoryName);
    const digest = reference.digest ?? (reference.tag === undefined ? undefined : repository?.tags.get(reference.tag));
    const image = digest === undefined ? undefined : repository?.images.get(digest);
    if (!image) return undefined;
    if (image.mediaType !== MEDIA_TYPES.ociIndex) {
      const platform = image.config === undefined ? undefined : configPlatform(image.config);
      return platform ? [platform] : undefined;
    }
    const manifests = (JSON.parse(image.manifest) as { manifests?: { platform?: ImagePlatform }[] }).manifests ?? [];
    return manifests.flatMap((entry) => (entry.platform ? [entry.platform] : []));
  }

  /** Whether the repository holds the image (by tag or digest). */
  hasImage(repositoryName: string, reference: { tag?: string; digest?: string }): boolean {
    const repository = this.state.repositories.get(repositoryName);
    const digest = reference.digest ?? (reference.tag === undefined ? undefined : repository?.tags.get(reference.tag));
    return digest !== undefined && repository?.images.has(digest) === true;
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
    this.state.scanOutcomes.set(scanKey(repositoryName, imageDigest), {
      status: 'COMPLETE',
      findings: findings.map((finding) => ({ ...finding })),
      setAt: this.state.clock.now(),
    });
  }

  /** Makes the scan of one image end as FAILED (ECR's usual reason is an unsupported OS). */
  setScanFailure(
    repositoryName: string,
    imageDigest: string,
    description = 'UnsupportedImageError: The operating system and/or package manager are not supported.',
  ): void {
    this.state.scanOutcomes.set(scanKey(repositoryName, imageDigest), {
      status: 'FAILED',
      findings: [],
      description,
      setAt: this.state.clock.now(),
    });
  }

  /** How many simulated seconds later scans started from now on complete. */
  setScanDuration(seconds: number): void {
    this.state.scanDurationMs = seconds * 1000;
  }

  /** Tag → digest of a repository (reads the registry first when one is configured), for assertions. */
  async tagsOf(repositoryName: string): Promise<Record<string, string>> {
    const repository = this.state.repositories.get(repositoryName);
    if (repository === undefined) throw repositoryNotFound(repositoryName, this.state.accountId);
    await syncFromRegistry(this.state, repository);
    return Object.fromEntries(repository.tags);
  }
}
