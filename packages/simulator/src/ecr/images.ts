/** Reading images and tags: DescribeImages, ListImages, BatchGetImage, and the API_ImageDetail shape. */
import { type ImageIdInput, imageNotFound, invalidParameter } from './errors.js';
import { DIGEST, DIGEST_PATTERN, imageIdsOf, paginate, rejectPaginationWith, validateImageId } from './inputs.js';
import {
  type EcrState,
  type ImageState,
  type RepositoryState,
  sortedImages,
  tagsOfImage,
  toEpochSeconds,
} from './model.js';
import { lookupImage, repositoryFor } from './registry-sync.js';
import { scanStatus, scanView, severityCounts } from './scans.js';

/** API_DescribeImages: by imageIds (tag or digest; any unknown id fails the call) or all, filtered and paginated. */
export async function describeImages(state: EcrState, input: Record<string, unknown>): Promise<unknown> {
  const repository = await repositoryFor(state, input);
  const ids = imageIdsOf(input, false);
  if (ids !== undefined) {
    rejectPaginationWith(input, 'imageIds');
    for (const id of ids) validateImageId(id);
    const found: ImageState[] = [];
    for (const id of ids) {
      const lookup = await lookupImage(state, repository, id);
      if (lookup.kind !== 'found') throw imageNotFound(id, repository.name, state.accountId);
      if (!found.includes(lookup.image)) found.push(lookup.image);
    }
    return { imageDetails: found.map((image) => imageDetail(state, repository, image)) };
  }
  const images = filterByTagStatus(repository, sortedImages(repository), input.filter);
  const { page, nextToken } = paginate(images, input);
  return { imageDetails: page.map((image) => imageDetail(state, repository, image)), nextToken };
}

/** API_ListImages: one imageId per (digest, tag); untagged images by digest only. */
export async function listImages(state: EcrState, input: Record<string, unknown>): Promise<unknown> {
  const repository = await repositoryFor(state, input);
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
export async function batchGetImage(state: EcrState, input: Record<string, unknown>): Promise<unknown> {
  const repository = await repositoryFor(state, input);
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
    const lookup = await lookupImage(state, repository, id);
    if (lookup.kind === 'found') {
      images.push({
        registryId: state.accountId,
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

/** API_ImageDetail shape. */
export function imageDetail(state: EcrState, repository: RepositoryState, image: ImageState): Record<string, unknown> {
  const tags = tagsOfImage(repository, image.digest);
  const detail: Record<string, unknown> = {
    registryId: state.accountId,
    repositoryName: repository.name,
    imageDigest: image.digest,
  };
  if (tags.length > 0) detail.imageTags = tags;
  detail.imageSizeInBytes = image.sizeInBytes;
  detail.imagePushedAt = toEpochSeconds(image.pushedAt);
  detail.imageManifestMediaType = image.mediaType;
  if (image.artifactMediaType !== undefined) detail.artifactMediaType = image.artifactMediaType;
  const scan = scanView(state, repository.name, image.digest);
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

/** API_DescribeImagesFilter / API_ListImagesFilter: tagStatus TAGGED, UNTAGGED or ANY (default). */
function filterByTagStatus(repository: RepositoryState, images: ImageState[], filter: unknown): ImageState[] {
  const status = (filter as { tagStatus?: unknown } | undefined)?.tagStatus ?? 'ANY';
  if (status === 'ANY') return images;
  if (status !== 'TAGGED' && status !== 'UNTAGGED') {
    throw invalidParameter('filter.tagStatus', 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]');
  }
  return images.filter((image) => tagsOfImage(repository, image.digest).length > 0 === (status === 'TAGGED'));
}
