/** Reading ECR request fields: required and optional strings, names, tags, image ids, pagination. */
import { type ImageIdInput, invalidParameter, missingParameter } from './errors.js';

const ECR_MAX_RESULTS = 1000;
/** ECR returns up to 100 results per page when maxResults is not given (DescribeImages, ListImages, ...). */
const ECR_DEFAULT_PAGE = 100;
/** API_CreateRepository: repositoryName pattern and length 2..256. */
export const REPOSITORY_NAME_PATTERN = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
export const REPOSITORY_NAME = new RegExp(`^${REPOSITORY_NAME_PATTERN}$`);
/** API_ImageIdentifier: imageDigest pattern. */
export const DIGEST_PATTERN = '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+';
export const DIGEST = new RegExp(`^${DIGEST_PATTERN}$`);

export function requiredString(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (value === undefined || value === null) throw missingParameter(field);
  if (typeof value !== 'string') throw invalidParameter(field, 'must be a string');
  return value;
}

export function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(field, 'must be a string');
  return value;
}

export function repositoryNameOf(input: Record<string, unknown>): string {
  const name = requiredString(input, 'repositoryName');
  validateRepositoryName(name);
  return name;
}

/** API_CreateRepository, repositoryName: length 2..256 and ECR's pattern, checked by every operation that takes one. */
export function validateRepositoryName(name: string): void {
  if (name.length < 2) throw invalidParameter('repositoryName', 'must have length greater than or equal to 2');
  if (name.length > 256) throw invalidParameter('repositoryName', 'must have length less than or equal to 256');
  if (!REPOSITORY_NAME.test(name)) {
    throw invalidParameter('repositoryName', `must satisfy regular expression '${REPOSITORY_NAME_PATTERN}'`);
  }
}

/** API_ImageIdentifier.imageTag: length 1..300. Docker also limits tags to [A-Za-z0-9_.-], 128, not starting with . or -. */
export function validateTagOrThrow(tag: string, toError: (message: string) => Error): void {
  if (tag.length < 1) throw toError('must have length greater than or equal to 1');
  if (tag.length > 300) throw toError('must have length less than or equal to 300');
}

export function validateImageId(id: ImageIdInput): void {
  if (id.imageDigest === undefined && id.imageTag === undefined) {
    // Wording not verified against AWS.
    throw invalidParameter('imageIds', 'Invalid request parameters: both tag and digest cannot be null');
  }
  if (id.imageDigest !== undefined && !DIGEST.test(id.imageDigest)) {
    throw invalidParameter('imageDigest', `must satisfy regular expression '${DIGEST_PATTERN}'`);
  }
}

export function imageIdsOf(input: Record<string, unknown>, required: boolean): ImageIdInput[] | undefined {
  const value = input.imageIds;
  if (value === undefined || value === null) {
    if (required) throw missingParameter('imageIds');
    return undefined;
  }
  if (!Array.isArray(value)) throw invalidParameter('imageIds', 'must be a list');
  return value.map((entry) => toImageId(entry, 'imageIds'));
}

export function imageIdOf(input: Record<string, unknown>): ImageIdInput {
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
export function rejectPaginationWith(input: Record<string, unknown>, listField: string): void {
  for (const field of ['maxResults', 'nextToken']) {
    if (input[field] !== undefined && input[field] !== null) {
      // Wording not verified against AWS.
      throw invalidParameter(field, `${field} cannot be used when ${listField} is specified`);
    }
  }
}

/** ECR pagination: maxResults 1..1000 (default 100 per page), an opaque nextToken. */
export function paginate<T>(items: T[], input: Record<string, unknown>): { page: T[]; nextToken?: string } {
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

export function exclusionFiltersOf(value: unknown): string[] {
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
