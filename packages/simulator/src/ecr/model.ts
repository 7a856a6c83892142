/**
 * The state of the simulated ECR: repositories with their images and tags, scans, the registry behind, and the few
 * writes every phase shares (adding an image, moving a tag). Shapes here; operations in the files that use them.
 */
import type { SimClock } from '../contract.js';
import type { RegistryClient } from './registry-client.js';

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
  /**
   * The platforms of a multi-platform image: the image becomes an OCI image index with one manifest per platform
   * (each also an untagged image), as `docker buildx build --platform` pushes it. Default: one Docker v2 manifest.
   */
  platforms?: ImagePlatform[];
  /**
   * The platform of a single-platform image (its config blob's os and architecture), as `docker build` on that
   * machine or `--platform` pushes it. Default linux/amd64. Not with `platforms`.
   */
  platform?: ImagePlatform;
}

/** OCI image index `manifests[].platform`. */
export interface ImagePlatform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface RepositoryState {
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

export interface ImageState {
  digest: string;
  manifest: string;
  mediaType: string;
  artifactMediaType?: string;
  sizeInBytes: number;
  pushedAt: number;
  source: 'seed' | 'api' | 'registry';
  /** The config blob of a seeded image (its sha256 is the manifest's `config.digest`); registry images keep theirs there. */
  config?: string;
}

export interface ScanRun {
  startedAt: number;
  durationMs: number;
}

export interface ScanOutcome {
  status: 'COMPLETE' | 'FAILED';
  findings: ScanFindingSeed[];
  description?: string;
  setAt: number;
}

export interface ScanView {
  status: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';
  description?: string;
  completedAt?: number;
  findings: ScanFindingSeed[];
}

export type Lookup = { kind: 'found'; image: ImageState } | { kind: 'not-found' } | { kind: 'mismatch' };

/** What the simulator holds; every operation file takes it explicitly. */
export interface EcrState {
  readonly clock: SimClock;
  readonly accountId: string;
  readonly region: string;
  readonly registry: RegistryConfig | undefined;
  readonly registryClient: RegistryClient | undefined;
  scanDurationMs: number;
  readonly repositories: Map<string, RepositoryState>;
  readonly scanRuns: Map<string, ScanRun>;
  readonly scanOutcomes: Map<string, ScanOutcome>;
  /** Manifests read from the registry, by digest (content-addressed, so they never change). */
  readonly manifestCache: Map<string, { mediaType: string; body: string }>;
  /** Where GetDownloadUrlForLayer's URLs point: the simulator's own server (`http://127.0.0.1:<port>`). */
  downloadBase: string;
}

export function newRepository(state: EcrState, name: string): RepositoryState {
  return {
    name,
    createdAt: state.clock.now(),
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

export function addImage(state: EcrState, repository: RepositoryState, image: ImageState): void {
  repository.images.set(image.digest, image);
  // Image scanning, "Scan on push": a basic scan starts when the image is pushed.
  if (repository.scanOnPush) {
    state.scanRuns.set(scanKey(repository.name, image.digest), {
      startedAt: image.pushedAt,
      durationMs: state.scanDurationMs,
    });
  }
}

export function setTag(repository: RepositoryState, tag: string, digest: string): void {
  if (repository.tags.get(tag) === digest) return;
  repository.tags.delete(tag);
  repository.tags.set(tag, digest);
}

export function tagsOfImage(repository: RepositoryState, digest: string): string[] {
  const tags: string[] = [];
  for (const [tag, target] of repository.tags) if (target === digest) tags.push(tag);
  return tags;
}

export function sortedImages(repository: RepositoryState): ImageState[] {
  return [...repository.images.values()].sort((a, b) => a.pushedAt - b.pushedAt || a.digest.localeCompare(b.digest));
}

export function scanKey(repositoryName: string, digest: string): string {
  return `${repositoryName}\n${digest}`;
}

export function toEpochSeconds(ms: number): number {
  return ms / 1000;
}
