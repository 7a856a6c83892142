/** Repositories: CreateRepository, DescribeRepositories and the API_Repository shape. */
import { randomBytes } from 'node:crypto';
import { invalidParameter, repositoryAlreadyExists, repositoryNotFound } from './errors.js';
import {
  exclusionFiltersOf,
  optionalString,
  paginate,
  rejectPaginationWith,
  repositoryNameOf,
  validateRepositoryName,
} from './inputs.js';
import {
  type EcrState,
  type ImageTagMutability,
  newRepository,
  type RepositoryState,
  toEpochSeconds,
} from './model.js';

const MUTABILITIES: ImageTagMutability[] = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION',
];

/** API_CreateRepository: name rules, tag mutability, scan on push, encryption (AES256 by default). */
export function createRepository(state: EcrState, input: Record<string, unknown>): unknown {
  const name = repositoryNameOf(input);
  const registryId = optionalString(input, 'registryId');
  if (registryId !== undefined && registryId !== state.accountId) {
    throw invalidParameter('registryId', `The registry id must be the id of the caller's account`);
  }
  if (state.repositories.has(name)) throw repositoryAlreadyExists(name, state.accountId);
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
  const repository = newRepository(state, name);
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
                : `arn:aws:kms:${state.region}:${state.accountId}:key/${randomUuid()}`,
          };
  }
  state.repositories.set(name, repository);
  return { repository: describeRepository(state, repository) };
}

/** API_DescribeRepositories: all (paginated) or the named ones; any unknown name fails the whole call. */
export function describeRepositories(state: EcrState, input: Record<string, unknown>): unknown {
  const registryId = optionalString(input, 'registryId') ?? state.accountId;
  const names = input.repositoryNames;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length === 0 || names.length > 100) {
      throw invalidParameter('repositoryNames', 'must have length between 1 and 100');
    }
    rejectPaginationWith(input, 'repositoryNames');
    const repositories = names.map((value) => {
      const name = String(value);
      validateRepositoryName(name);
      const repository = registryId === state.accountId ? state.repositories.get(name) : undefined;
      if (repository === undefined) throw repositoryNotFound(name, registryId);
      return describeRepository(state, repository);
    });
    return { repositories };
  }
  const all = registryId === state.accountId ? [...state.repositories.values()] : [];
  const { page, nextToken } = paginate(all, input);
  return { repositories: page.map((repository) => describeRepository(state, repository)), nextToken };
}

/** API_Repository shape. */
export function describeRepository(state: EcrState, repository: RepositoryState): Record<string, unknown> {
  // Always the ECR form, as AWS returns it, also with a local registry behind: only GetAuthorizationToken's
  // proxyEndpoint names that registry (where `docker login` and `docker push` go).
  const host = `${state.accountId}.dkr.ecr.${state.region}.amazonaws.com`;
  return {
    repositoryArn: `arn:aws:ecr:${state.region}:${state.accountId}:repository/${repository.name}`,
    registryId: state.accountId,
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

function randomUuid(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
