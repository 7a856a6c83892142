/**
 * Every ECR image exists (ecr:BatchGetImage, by digest where pinned) and is built for the task definition's
 * `runtimePlatform` (default LINUX / X86_64): a multi-platform image (an image index or manifest list) offers it, a
 * single-platform image's config blob names it (image-config.ts). The execution role's pull permissions are needs for
 * the simulation. Images outside ECR are not read.
 */
import { type ImageRef, parseImageRef } from '../image-ref.js';
import { codeOf, isExpectedError, partitionOf, type VerifyReads } from './read.js';
import type { CheckResult, PermissionNeed, VerifyClients, VerifyFinding, VerifyTarget } from './types.js';

const ACCEPTED = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** ECS names of architectures and operating systems, and the OCI ones. */
const ARCHITECTURE: Record<string, string> = { X86_64: 'amd64', ARM64: 'arm64' };

interface PlatformEntry {
  platform?: { os?: string; architecture?: string };
  annotations?: Record<string, string>;
}

export async function checkImages(
  target: VerifyTarget,
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<CheckResult> {
  const images = new Map<string, { ref: ImageRef; containers: string[] }>();
  for (const container of target.taskDefinition.containerDefinitions ?? []) {
    const parsed = parseImageRef(container.image ?? '');
    if (!parsed.ok || !parsed.ref.ecr) continue;
    const entry = images.get(parsed.ref.text) ?? { ref: parsed.ref, containers: [] };
    entry.containers.push(container.name ?? '?');
    images.set(parsed.ref.text, entry);
  }
  const os = (target.taskDefinition.runtimePlatform?.operatingSystemFamily ?? 'LINUX').startsWith('WINDOWS')
    ? 'windows'
    : 'linux';
  const cpu = target.taskDefinition.runtimePlatform?.cpuArchitecture ?? 'X86_64';
  const wanted = { os, architecture: ARCHITECTURE[cpu] ?? cpu.toLowerCase() };
  const results = await Promise.all(
    [...images.values()].map(({ ref, containers }) => checkImage(ref, containers, wanted, clients, reads)),
  );
  const needs: PermissionNeed[] = [];
  if (images.size > 0) {
    needs.push({
      action: 'ecr:GetAuthorizationToken',
      resource: '*',
      purpose: 'log in to ECR',
      implicitDenyIsCertain: true,
    });
  }
  for (const { ref } of images.values()) {
    const ecr = ref.ecr;
    if (!ecr) continue;
    const repositoryArn = `arn:${partitionOf(ecr.region)}:ecr:${ecr.region}:${ecr.account}:repository/${ecr.repository}`;
    for (const action of ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']) {
      // A repository policy may allow the pull the role's own policies do not.
      needs.push({ action, resource: repositoryArn, purpose: `pull ${ref.text}`, implicitDenyIsCertain: false });
    }
  }
  return { findings: results.flat(), needs: dedupe(needs) };
}

async function checkImage(
  ref: ImageRef,
  containers: string[],
  wanted: { os: string; architecture: string },
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<VerifyFinding[]> {
  const ecr = ref.ecr;
  if (!ecr) return [];
  const { BatchGetImageCommand } = await import('@aws-sdk/client-ecr');
  const client = await clients.ecr(ecr.region);
  const imageId = ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag ?? 'latest' };
  const answer = await reads.attempt(
    'ecr:BatchGetImage',
    `image ${ref.text}`,
    (options) =>
      client.send(
        new BatchGetImageCommand({
          registryId: ecr.account,
          repositoryName: ecr.repository,
          imageIds: [imageId],
          acceptedMediaTypes: ACCEPTED,
        }),
        options,
      ),
    (error) => codeOf(error) === 'RepositoryNotFoundException',
  );
  const used = `container${containers.length === 1 ? '' : 's'} ${containers.join(', ')}`;
  if (answer === undefined) return [];
  const image = isExpectedError(answer) ? undefined : answer.images?.[0];
  if (!image) {
    const code = isExpectedError(answer)
      ? 'RepositoryNotFound'
      : (answer.failures?.[0]?.failureCode ?? 'ImageNotFound');
    if (code === 'RepositoryNotFound' || code === 'ImageNotFound' || code === 'ImageTagDoesNotMatchDigest') {
      return [
        {
          check: 'image-missing',
          what: `image ${ref.text} (${used}) is not in ECR (${code})`,
          why: 'each task stops with "CannotPullContainerError" and the deployment fails',
          fix: 'push the image first, or deploy a tag or digest that exists (a lifecycle policy may have expired it)',
          certain: true,
        },
      ];
    }
    return [];
  }
  // A single image: its config names the platform (read by a chunk of its own).
  const platforms =
    platformsOf(image.imageManifest) ??
    (await import('./image-config.js')
      .then(({ configPlatform }) => configPlatform(ref, image.imageManifest, clients, reads))
      .then((platform) => platform && [platform]));
  if (platforms && !platforms.some((p) => p.os === wanted.os && p.architecture === wanted.architecture)) {
    return [
      {
        check: 'image-platform',
        what: `image ${ref.text} (${used}) is built for ${platforms.map((p) => `${p.os}/${p.architecture}`).join(', ') || 'no platform'}; the task runs on ${wanted.os}/${wanted.architecture}`,
        why: `each task stops with "CannotPullContainerError: image Manifest does not contain descriptor matching platform '${wanted.os}/${wanted.architecture}'"`,
        fix: `build the image for ${wanted.os}/${wanted.architecture} (docker buildx build --platform ${wanted.os}/${wanted.architecture}), or set runtimePlatform.cpuArchitecture to match the image`,
        certain: true,
      },
    ];
  }
  return [];
}

/** The platforms of an image index or manifest list (attestations left out); undefined for a single manifest. */
export function platformsOf(manifest: string | undefined): { os: string; architecture: string }[] | undefined {
  if (!manifest) return undefined;
  let parsed: { manifests?: PlatformEntry[] };
  try {
    parsed = JSON.parse(manifest) as { manifests?: PlatformEntry[] };
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed.manifests)) return undefined;
  const entries = parsed.manifests.filter(
    (entry) => entry.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
  const platforms = entries.flatMap((entry) =>
    entry.platform?.os && entry.platform.architecture
      ? [{ os: entry.platform.os, architecture: entry.platform.architecture }]
      : [],
  );
  // The pull takes an entry that names no platform as a match (its config decides): the index alone does not say.
  return platforms.length === entries.length ? platforms : undefined;
}

function dedupe(needs: PermissionNeed[]): PermissionNeed[] {
  const seen = new Set<string>();
  return needs.filter((need) => {
    const key = `${need.action} ${need.resource}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
