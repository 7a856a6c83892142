/**
 * The ECS and ECR calls. The SDK modules are imported here, lazily (`await import(...)`), so that rendering from a
 * file without an ECR image never loads them: in the bundle they are separate chunks.
 */
import type { ECRClient, ImageDetail } from '@aws-sdk/client-ecr';
import type {
  DescribeServicesCommandOutput,
  DescribeTaskDefinitionCommandOutput,
  ECSClient,
} from '@aws-sdk/client-ecs';
import {
  ConfigurationError,
  createAwsClient,
  errorMessage,
  explainAccessError,
  keepRawResponse,
  quoteValue,
} from '@ecs-actions/core';
import type { EcrLocation, ImageRef } from '@ecs-actions/core/image-ref';

/** How the logic gets its clients: created on first use, so a file-only run creates none. */
export interface AwsClients {
  ecs: () => Promise<ECSClient>;
  /** An ECR client for the region of the image's registry. */
  ecr: (region: string) => Promise<ECRClient>;
}

export const sdkClients: AwsClients = {
  ecs: async () => {
    const { ECSClient } = await import('#aws-sdk/client-ecs');
    return createAwsClient(ECSClient);
  },
  ecr: async (region) => {
    const { ECRClient } = await import('#aws-sdk/client-ecr');
    return createAwsClient(ECRClient, { region });
  },
};

async function regionOf(client: { config: { region: unknown } }): Promise<string> {
  const region = client.config.region;
  return typeof region === 'function' ? String(await region()) : String(region);
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/** A task definition as DescribeTaskDefinition returned it: `{"taskDefinition": {...}, "tags": [...]}`, every field. */
export interface DescribedTaskDefinition {
  document: unknown;
  arn: string;
  region: string;
}

/** DescribeTaskDefinition with its tags. `what` says which input asked, for the not-found message. */
export async function describeTaskDefinition(
  clients: AwsClients,
  taskDefinition: string,
  what: string,
): Promise<DescribedTaskDefinition> {
  // Destructured straight from import() so that the bundler keeps only what is used.
  const { DescribeTaskDefinitionCommand } = await import('#aws-sdk/client-ecs');
  const client = await clients.ecs();
  const region = await regionOf(client);
  const command = new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] });
  const raw = keepRawResponse(command);
  let output: DescribeTaskDefinitionCommandOutput;
  try {
    output = await client.send(command);
  } catch (error) {
    if (errorName(error) === 'ClientException') {
      throw new ConfigurationError(
        `${what}: the task definition ${quoteValue(taskDefinition)} was not found in ECS in region ${region} (${errorMessage(error)}). Check the family name and revision, and that AWS_REGION is the region it is registered in.`,
      );
    }
    throw (
      explainAccessError(error, { action: 'ecs:DescribeTaskDefinition', resource: taskDefinition, region }) ??
      new Error(`DescribeTaskDefinition ${quoteValue(taskDefinition)} in ${region} failed: ${errorMessage(error)}`, {
        cause: error,
      })
    );
  }
  const document = raw.text === undefined ? output : (JSON.parse(raw.text) as unknown);
  return { document, arn: output.taskDefinition?.taskDefinitionArn ?? taskDefinition, region };
}

/** The task definition ARN a service runs now (DescribeServices). */
export async function serviceTaskDefinition(
  clients: AwsClients,
  cluster: string,
  service: string,
): Promise<{ arn: string; region: string }> {
  const { DescribeServicesCommand } = await import('#aws-sdk/client-ecs');
  const client = await clients.ecs();
  const region = await regionOf(client);
  let output: DescribeServicesCommandOutput;
  try {
    output = await client.send(new DescribeServicesCommand({ cluster, services: [service] }));
  } catch (error) {
    if (errorName(error) === 'ClusterNotFoundException') {
      throw new ConfigurationError(
        `Input "cluster": the cluster ${quoteValue(cluster)} was not found in ECS in region ${region}. Check the cluster name, and that AWS_REGION is the region it runs in.`,
      );
    }
    throw (
      explainAccessError(error, {
        action: 'ecs:DescribeServices',
        resource: `service ${service} in cluster ${cluster}`,
        region,
      }) ??
      new Error(
        `DescribeServices ${quoteValue(service)} in cluster ${quoteValue(cluster)} failed: ${errorMessage(error)}`,
        { cause: error },
      )
    );
  }
  const found = output.services?.find((s) => s.status !== 'INACTIVE');
  if (!found) {
    const inactive = output.services?.some((s) => s.status === 'INACTIVE');
    throw new ConfigurationError(
      `Input "service": the service ${quoteValue(service)} was not found in cluster ${quoteValue(cluster)} in region ${region}${inactive ? ' (it is INACTIVE: deleted)' : ''}. Check the service name and the cluster.`,
    );
  }
  if (!found.taskDefinition) {
    throw new ConfigurationError(
      `Input "service": the service ${quoteValue(service)} in cluster ${quoteValue(cluster)} has no task definition of its own (deployment controller ${found.deploymentController?.type ?? 'unknown'}). Use task-definition or task-definition-family instead.`,
    );
  }
  return { arn: found.taskDefinition, region };
}

/** What ECR says about one image. */
export interface VerifiedImage {
  digest: string;
  tags: string[];
  pushedAt: Date | undefined;
}

/** How many tags a missing-tag error lists. */
const RECENT_TAGS = 10;

/**
 * Checks that the image exists in ECR (by tag, or by digest when the reference has one) and returns its digest.
 * `origin` names the input, for the messages.
 */
export async function verifyEcrImage(
  clients: AwsClients,
  ref: ImageRef & { ecr: EcrLocation },
  origin: string,
): Promise<VerifiedImage> {
  const { account, region, repository } = ref.ecr;
  const { DescribeImagesCommand } = await import('#aws-sdk/client-ecr');
  const client = await clients.ecr(region);
  const where = `ECR repository ${quoteValue(repository)} (registry ${account}, region ${region})`;
  const imageId = ref.digest !== undefined ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
  let details: ImageDetail | undefined;
  try {
    const output = await client.send(
      new DescribeImagesCommand({ registryId: account, repositoryName: repository, imageIds: [imageId] }),
    );
    details = output.imageDetails?.[0];
  } catch (error) {
    if (errorName(error) === 'RepositoryNotFoundException') {
      throw new ConfigurationError(
        `${capitalize(origin)}: the ${where} does not exist, so ${quoteValue(ref.text)} cannot be pulled. Check the repository name, the account and the region in the image reference, or create the repository and push the image first.`,
      );
    }
    if (errorName(error) !== 'ImageNotFoundException') {
      throw (
        explainAccessError(error, {
          action: 'ecr:DescribeImages',
          resource: ref.text,
          region,
          deniedHint: 'Set verify-image: false to skip the check.',
        }) ??
        new Error(`ECR DescribeImages for ${quoteValue(ref.text)} failed: ${errorMessage(error)}`, { cause: error })
      );
    }
  }
  if (!details?.imageDigest) {
    const what = 'imageDigest' in imageId ? `digest ${imageId.imageDigest}` : `tag ${quoteValue(imageId.imageTag)}`;
    throw new ConfigurationError(
      `${capitalize(origin)}: the ${what} is not in the ${where}. ${await recentTags(client, DescribeImagesCommand, account, repository)} Push the image first, or fix the ${'imageDigest' in imageId ? 'digest' : 'tag'}.`,
    );
  }
  const tags = details.imageTags ?? [];
  if (ref.digest !== undefined && ref.tag !== undefined && !tags.includes(ref.tag)) {
    throw new ConfigurationError(
      `${capitalize(origin)}: in the ${where}, the digest ${ref.digest} is not tagged ${quoteValue(ref.tag)} (its tags: ${tags.length > 0 ? tags.join(', ') : 'none'}). Fix the tag or the digest.`,
    );
  }
  return { digest: details.imageDigest, tags, pushedAt: details.imagePushedAt };
}

/** "Most recent tags there: a, b, c." from DescribeImages, newest push first. */
async function recentTags(
  client: ECRClient,
  DescribeImagesCommand: typeof import('@aws-sdk/client-ecr').DescribeImagesCommand,
  registryId: string,
  repositoryName: string,
): Promise<string> {
  const images: ImageDetail[] = [];
  try {
    let nextToken: string | undefined;
    // A few pages are plenty to find the newest tags; a huge repository is not walked to its end.
    for (let page = 0; page < 5; page++) {
      const output = await client.send(
        new DescribeImagesCommand({
          registryId,
          repositoryName,
          filter: { tagStatus: 'TAGGED' },
          maxResults: 1000,
          ...(nextToken ? { nextToken } : {}),
        }),
      );
      images.push(...(output.imageDetails ?? []));
      nextToken = output.nextToken;
      if (!nextToken) break;
    }
  } catch (error) {
    return `(The tags there could not be listed: ${errorMessage(error)}.)`;
  }
  const tags = images
    .sort((a, b) => (b.imagePushedAt?.getTime() ?? 0) - (a.imagePushedAt?.getTime() ?? 0))
    .flatMap((image) => image.imageTags ?? [])
    .slice(0, RECENT_TAGS);
  return tags.length > 0 ? `Most recent tags there: ${tags.join(', ')}.` : 'The repository has no tagged images.';
}

function capitalize(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}
