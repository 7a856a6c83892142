/**
 * ECR error codes and messages. Messages follow what the ECR API returns (seen in AWS CLI and SDK output);
 * where the exact AWS wording is unknown the message says so in the comment beside it.
 */
import { AwsServiceError } from '../contract.js';

export interface ImageIdInput {
  imageDigest?: string;
  imageTag?: string;
}

/** ECR prints image ids as `{imageDigest:'null', imageTag:'latest'}`. */
export function formatImageId(id: ImageIdInput): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

/** API_DescribeRepositories / Errors: RepositoryNotFoundException. */
export function repositoryNotFound(name: string, registryId: string): AwsServiceError {
  return new AwsServiceError(
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${registryId}'`,
  );
}

/** API_CreateRepository / Errors: RepositoryAlreadyExistsException. */
export function repositoryAlreadyExists(name: string, registryId: string): AwsServiceError {
  return new AwsServiceError(
    'RepositoryAlreadyExistsException',
    `The repository with name '${name}' already exists in the registry with id '${registryId}'`,
  );
}

/** API_DescribeImages / Errors: ImageNotFoundException. */
export function imageNotFound(id: ImageIdInput, repositoryName: string, registryId: string): AwsServiceError {
  return new AwsServiceError(
    'ImageNotFoundException',
    `The image with imageId ${formatImageId(id)} does not exist within the repository with name '${repositoryName}' in the registry with id '${registryId}'`,
  );
}

/** API_DescribeImageScanFindings / Errors: ScanNotFoundException. */
export function scanNotFound(id: ImageIdInput, repositoryName: string, registryId: string): AwsServiceError {
  return new AwsServiceError(
    'ScanNotFoundException',
    `Image scan does not exist for the image with '${formatImageId(id)}' in the repository with name '${repositoryName}' in the registry with id '${registryId}'`,
  );
}

/** API_PutImage / Errors: ImageTagAlreadyExistsException (what `docker push` also prints as "tag invalid: ..."). */
export function imageTagAlreadyExists(tag: string, repositoryName: string): AwsServiceError {
  return new AwsServiceError(
    'ImageTagAlreadyExistsException',
    `The image tag '${tag}' already exists in the '${repositoryName}' repository and cannot be overwritten because the repository is immutable.`,
  );
}

/** API_PutImage / Errors: ImageAlreadyExistsException (note ECR's "in registry with id", without "the"). */
export function imageAlreadyExists(
  digest: string,
  tag: string | undefined,
  repositoryName: string,
  registryId: string,
): AwsServiceError {
  return new AwsServiceError(
    'ImageAlreadyExistsException',
    `Image with digest '${digest}' and tag '${tag ?? 'null'}' already exists in the repository with name '${repositoryName}' in registry with id '${registryId}'`,
  );
}

/** ECR's parameter-constraint wording: `Invalid parameter at 'x' failed to satisfy constraint: '...'`. */
export function invalidParameter(field: string, constraint: string): AwsServiceError {
  return new AwsServiceError(
    'InvalidParameterException',
    `Invalid parameter at '${field}' failed to satisfy constraint: '${constraint}'`,
  );
}

/** A missing required member, as the AWS JSON services' request validation reports it. */
export function missingParameter(field: string): AwsServiceError {
  return new AwsServiceError(
    'ValidationException',
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  );
}

/** Internal failures (the local registry is unreachable): HTTP 500, as ECR's ServerException. */
export function serverError(message: string): AwsServiceError {
  return new AwsServiceError('ServerException', message, 500);
}
