/**
 * Before a redeploy or rollback of a recorded revision (task-definition-arn): every image the revision names must
 * still be in ECR. An ECR lifecycle policy may have expired it since the revision last ran; ECS (version consistency
 * pins each container to the digest) would then fail at task start, minutes later. A missing image fails the step
 * here, before anything is changed. Images outside private ECR are not checked (one line says so); a check that
 * could not be made (denied, no answer) is a warning, so that a rollback is never blocked by a read.
 */
import type { ImageIdentifier } from '@aws-sdk/client-ecr';
import { ConfigurationError, errorMessage, explainAccessError } from '@ecs-actions/core';
import { errorCode } from '@ecs-actions/core/ecs';
import { type EcrLocation, type ImageRef, parseImageRef } from '@ecs-actions/core/image-ref';
import { isAbort } from './aws-errors.js';
import type { CallLimits, DeploySession } from './session.js';
import { shortTaskDefinition } from './taskdef.js';

export async function checkRecordedImages(
  session: DeploySession,
  taskDefinitionArn: string,
  images: string[],
  limits: CallLimits,
): Promise<void> {
  const { deps, log } = session;
  const clientFor = deps.ecr;
  // Without ECR clients (a caller that gives none) there is nothing to check with.
  if (!clientFor) return;
  const revision = shortTaskDefinition(taskDefinitionArn);
  const missing: string[] = [];
  const found: string[] = [];
  for (const image of new Set(images)) {
    const parsed = parseImageRef(image);
    const ecr = parsed.ok ? parsed.ref.ecr : undefined;
    if (!parsed.ok || !ecr) {
      log.info(`Image ${image} of ${revision} is not in a private ECR registry: not checked.`);
      continue;
    }
    const { ref } = parsed;
    // By digest where the reference pins one (what ECS pulls), else by its tag.
    const imageId: ImageIdentifier = ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
    try {
      const { DescribeImagesCommand } = await import('@aws-sdk/client-ecr');
      const client = await clientFor(ecr.region);
      await session.bounded(
        'DescribeImages',
        (o) =>
          client.send(
            new DescribeImagesCommand({
              registryId: ecr.account,
              repositoryName: ecr.repository,
              imageIds: [imageId],
            }),
            o,
          ),
        limits,
      );
      found.push(image);
    } catch (error) {
      if (isAbort(error) && session.cancelled) throw error;
      const code = errorCode(error);
      if (code === 'ImageNotFoundException' || code === 'RepositoryNotFoundException') {
        missing.push(missingImage(image, ref, ecr, code));
        continue;
      }
      const explained =
        explainAccessError(error, { action: 'ecr:DescribeImages', resource: repositoryArn(ecr), region: ecr.region }) ??
        error;
      log.warning(
        `Could not check that image ${image} of ${revision} is still in ECR (ecr:DescribeImages: ${errorMessage(explained).replace(/\.$/, '')}); deploying it without that check.`,
      );
    }
  }
  if (missing.length > 0) {
    throw new ConfigurationError(
      `${revision} (${taskDefinitionArn}) cannot run: ${missing.join(' ')} Nothing was changed: the service still runs what it ran. Deploy a version whose image exists (build and deploy it again, or push the image back under the same digest), and keep deployable images out of the lifecycle policy's expiry (e.g. a rule on untagged images only, or a higher count).`,
    );
  }
  if (found.length > 0) log.info(`The images of ${revision} are in ECR: ${found.join(', ')}.`);
}

/** One missing image, its repository and the likely cause. */
function missingImage(image: string, ref: ImageRef, ecr: EcrLocation, code: string): string {
  const where = `repository ${ecr.repository} (registry ${ecr.account}, ${ecr.region})`;
  if (code === 'RepositoryNotFoundException') {
    return `image ${image}: ${where} does not exist (ecr:DescribeImages: RepositoryNotFoundException); it was deleted or renamed since this revision ran.`;
  }
  const what = ref.digest ? `digest ${ref.digest}` : `tag ${ref.tag ?? 'latest'}`;
  return `image ${image}: ${where} has no image with ${what} (ecr:DescribeImages: ImageNotFoundException); likely an ECR lifecycle policy expired it${ref.digest ? ', and ECS (version consistency) runs exactly this digest' : ''}.`;
}

const repositoryArn = (ecr: EcrLocation) =>
  `arn:${ecr.region.startsWith('cn-') ? 'aws-cn' : 'aws'}:ecr:${ecr.region}:${ecr.account}:repository/${ecr.repository}`;
