/** The ECR calls the action makes, each turning AWS's errors into messages that say what to fix. */
import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImageScanFindingsCommand,
  type DescribeImageScanFindingsResponse,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  type ECRClient,
  GetAuthorizationTokenCommand,
  type ImageTagMutabilityExclusionFilter,
  PutImageCommand,
  type Repository,
  StartImageScanCommand,
} from '@aws-sdk/client-ecr';
import { ConfigurationError, explainAccessError } from '@ecs-actions/core';

/** For tools that drive the logic directly (the benchmark) without a dependency on the SDK of their own. */
export { ECRClient } from '@aws-sdk/client-ecr';

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/**
 * What an AWS error means for the user: credentials missing, expired or wrong, or the IAM action denied.
 * Anything else is returned unchanged.
 */
export function explainAwsError(error: unknown, operation: string, resource?: string): unknown {
  return (
    explainAccessError(error, {
      action: `ecr:${operation}`,
      ...(resource ? { resource } : {}),
      deniedHint: 'The README lists every ECR action this step needs.',
    }) ?? error
  );
}

async function call<T>(operation: string, resource: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw explainAwsError(error, operation, resource);
  }
}

export interface RegistryLogin {
  /** Registry host as image references use it, e.g. `123456789012.dkr.ecr.us-east-1.amazonaws.com`. */
  host: string;
  proxyEndpoint: string;
  username: string;
  password: string;
  /** The base64 `AWS:<password>` token as ECR returned it (also a secret). */
  token: string;
  expiresAt: Date | undefined;
}

/** GetAuthorizationToken, decoded: the token is base64 `AWS:<password>`. */
export async function getRegistryLogin(ecr: ECRClient, registryId: string | undefined): Promise<RegistryLogin> {
  const response = await call('GetAuthorizationToken', undefined, () =>
    ecr.send(new GetAuthorizationTokenCommand(registryId ? { registryIds: [registryId] } : {})),
  );
  const data = response.authorizationData?.[0];
  if (!data?.authorizationToken || !data.proxyEndpoint) {
    throw new Error('ECR GetAuthorizationToken returned no authorization data');
  }
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw new Error('ECR GetAuthorizationToken returned a token that is not base64 "user:password"');
  return {
    host: registryHost(data.proxyEndpoint),
    proxyEndpoint: data.proxyEndpoint,
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    token: data.authorizationToken,
    expiresAt: data.expiresAt,
  };
}

/** `https://123.dkr.ecr.us-east-1.amazonaws.com/` → `123.dkr.ecr.us-east-1.amazonaws.com`. */
export function registryHost(proxyEndpoint: string): string {
  return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}

export async function findRepository(
  ecr: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
): Promise<Repository | undefined> {
  try {
    const response = await ecr.send(
      new DescribeRepositoriesCommand({ repositoryNames: [repositoryName], ...(registryId ? { registryId } : {}) }),
    );
    return response.repositories?.[0];
  } catch (error) {
    if (errorName(error) === 'RepositoryNotFoundException') return undefined;
    throw explainAwsError(error, 'DescribeRepositories', `repository ${repositoryName}`);
  }
}

export async function createRepository(
  ecr: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE',
): Promise<Repository> {
  const response = await call('CreateRepository', `repository ${repositoryName}`, () =>
    ecr.send(
      new CreateRepositoryCommand({
        repositoryName,
        ...(registryId ? { registryId } : {}),
        imageTagMutability,
        imageScanningConfiguration: { scanOnPush: true },
      }),
    ),
  );
  if (!response.repository) throw new Error(`ECR CreateRepository returned no repository for ${repositoryName}`);
  return response.repository;
}

/** The digest a tag points at, or undefined when the tag does not exist. */
export async function tagDigest(
  ecr: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
  tag: string,
): Promise<string | undefined> {
  try {
    const response = await ecr.send(
      new DescribeImagesCommand({
        repositoryName,
        ...(registryId ? { registryId } : {}),
        imageIds: [{ imageTag: tag }],
      }),
    );
    return response.imageDetails?.[0]?.imageDigest;
  } catch (error) {
    if (errorName(error) === 'ImageNotFoundException') return undefined;
    throw explainAwsError(error, 'DescribeImages', `${repositoryName}:${tag}`);
  }
}

export interface StoredManifest {
  manifest: string;
  mediaType: string | undefined;
}

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
];

/**
 * The manifest ECR stores under a digest, byte for byte (BatchGetImage), or undefined when it cannot be read
 * (no such image, or no ecr:BatchGetImage permission: callers then fall back to what works without it).
 */
export async function getManifest(
  ecr: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
  imageDigest: string,
): Promise<StoredManifest | undefined> {
  try {
    const response = await ecr.send(
      new BatchGetImageCommand({
        repositoryName,
        ...(registryId ? { registryId } : {}),
        imageIds: [{ imageDigest }],
        acceptedMediaTypes: MANIFEST_TYPES,
      }),
    );
    const image = response.images?.[0];
    if (!image?.imageManifest) return undefined;
    return { manifest: image.imageManifest, mediaType: image.imageManifestMediaType };
  } catch {
    return undefined;
  }
}

/** The config digest (= the local image id) of a single-image manifest, if it has one. */
export function configDigestOf(manifest: StoredManifest | undefined): string | undefined {
  if (!manifest) return undefined;
  try {
    const parsed = JSON.parse(manifest.manifest) as { config?: { digest?: unknown } };
    return typeof parsed.config?.digest === 'string' ? parsed.config.digest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Puts a tag on an image ECR already holds: PutImage with its manifest, one API call and no layer traffic
 * (ECR's documented way to retag). Returns the digest the tag now holds.
 */
export async function putTag(
  ecr: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
  imageDigest: string,
  stored: StoredManifest,
  tag: string,
): Promise<string> {
  try {
    const response = await ecr.send(
      new PutImageCommand({
        repositoryName,
        ...(registryId ? { registryId } : {}),
        imageManifest: stored.manifest,
        ...(stored.mediaType ? { imageManifestMediaType: stored.mediaType } : {}),
        imageDigest,
        imageTag: tag,
      }),
    );
    return response.image?.imageId?.imageDigest ?? imageDigest;
  } catch (error) {
    // The tag already holds this very image (e.g. a concurrent re-run got there first): nothing to do.
    if (errorName(error) === 'ImageAlreadyExistsException') return imageDigest;
    if (errorName(error) === 'ImageTagAlreadyExistsException') {
      throw new ConfigurationError(
        `ECR refused to move the immutable tag "${tag}" in ${repositoryName}: it was set to another image after this step checked it (a concurrent push?). Push under a new tag.`,
      );
    }
    throw explainAwsError(error, 'PutImage', `${repositoryName}:${tag}`);
  }
}

/** Whether a tag is immutable under the repository's setting, exclusion filters included. */
export function isTagImmutable(
  tag: string,
  mutability: string | undefined,
  exclusions: readonly ImageTagMutabilityExclusionFilter[] = [],
): boolean {
  const excluded = exclusions.some((filter) => filter.filter !== undefined && wildcardMatch(filter.filter, tag));
  switch (mutability) {
    case 'IMMUTABLE':
      return true;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded;
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded;
    default:
      return false;
  }
}

/** ECR's WILDCARD filter: `*` matches any run of characters, everything else literally. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const regex = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${regex}$`).test(value);
}

export type ScanFindingsPage = DescribeImageScanFindingsResponse;

/** One page of scan findings, or undefined when no scan exists for the image yet (ScanNotFoundException). */
export async function describeScanFindings(
  ecr: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
  imageDigest: string,
  nextToken?: string,
): Promise<ScanFindingsPage | undefined> {
  try {
    return await ecr.send(
      new DescribeImageScanFindingsCommand({
        repositoryName,
        ...(registryId ? { registryId } : {}),
        imageId: { imageDigest },
        maxResults: 1000,
        ...(nextToken ? { nextToken } : {}),
      }),
    );
  } catch (error) {
    if (errorName(error) === 'ScanNotFoundException') return undefined;
    throw explainAwsError(error, 'DescribeImageScanFindings', `${repositoryName}@${imageDigest}`);
  }
}

export async function startImageScan(
  ecr: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
  imageDigest: string,
): Promise<void> {
  await call('StartImageScan', `${repositoryName}@${imageDigest}`, () =>
    ecr.send(
      new StartImageScanCommand({ repositoryName, ...(registryId ? { registryId } : {}), imageId: { imageDigest } }),
    ),
  );
}
