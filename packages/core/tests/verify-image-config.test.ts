/**
 * Verify's platform check of a single-platform image, over HTTP through the real ECR client (nock): BatchGetImage
 * answers a manifest that names no platform; ecr:GetDownloadUrlForLayer answers a pre-signed S3 URL for its config
 * blob; the blob names the os and architecture. An arm64 image on an X86_64 task is a certain finding; a denied or
 * failed read, or a blob that is not the config, is one note and never a finding; the URL (a credential) never reaches
 * a note.
 */
import { createHash } from 'node:crypto';
import { ECRClient } from '@aws-sdk/client-ecr';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { checkImages } from '../src/verify/images.js';
import { VerifyReads } from '../src/verify/read.js';
import type { VerifyClients, VerifyTarget } from '../src/verify/types.js';

const ECR_API = 'https://api.ecr.us-east-1.amazonaws.com';
const S3 = 'https://prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEsecretSessionToken';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1';
const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

let ecr: ECRClient;
beforeEach(() => {
  nock.disableNetConnect();
  ecr = new ECRClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
});
afterEach(() => {
  ecr.destroy();
  nock.cleanAll();
  nock.enableNetConnect();
});

function clients(): VerifyClients {
  const none = async () => {
    throw new Error('not used by the image check');
  };
  return { iam: none, ssm: none, secretsManager: none, logs: none, ecr: async () => ecr };
}

const target = (cpuArchitecture = 'X86_64'): VerifyTarget => ({
  region: 'us-east-1',
  taskDefinition: {
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    runtimePlatform: { cpuArchitecture, operatingSystemFamily: 'LINUX' },
    containerDefinitions: [{ name: 'web', image: IMAGE }],
  },
});

/** ECR's BatchGetImage answer (a single Docker v2 manifest) and GetDownloadUrlForLayer's, for a config blob. */
function ecrAnswers(config: string, layerUrl: (digest: string) => nock.ReplyBody | [number, nock.ReplyBody]) {
  const configDigest = sha256(config);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: configDigest },
    layers: [],
  });
  const requests: Record<string, unknown>[] = [];
  const recorded = (body: Record<string, unknown>) => {
    requests.push(body);
    return true;
  };
  nock(ECR_API)
    .post('/', recorded)
    .matchHeader('x-amz-target', 'AmazonEC2ContainerRegistry_V20150921.BatchGetImage')
    .reply(200, () => {
      return {
        images: [
          {
            registryId: '123456789012',
            repositoryName: 'web',
            imageId: { imageTag: '1', imageDigest: sha256(manifest) },
            imageManifest: manifest,
            imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          },
        ],
        failures: [],
      };
    });
  nock(ECR_API)
    .post('/', recorded)
    .matchHeader('x-amz-target', 'AmazonEC2ContainerRegistry_V20150921.GetDownloadUrlForLayer')
    .reply(() => {
      const answer = layerUrl(configDigest);
      return Array.isArray(answer) ? answer : [200, answer];
    });
  return { configDigest, requests };
}

const presigned = (digest: string) => ({
  downloadUrl: `${S3}/a1b2/${digest.slice(7)}?X-Amz-Security-Token=${TOKEN}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600`,
  layerDigest: digest,
});

const armConfig = JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });

describe('a single-platform image', () => {
  it('built for arm64 on an X86_64 task: a certain finding with the stopped reason AWS gives', async () => {
    const { configDigest, requests } = ecrAnswers(armConfig, presigned);
    nock(S3)
      .get(`/a1b2/${configDigest.slice(7)}`)
      .query(true)
      .reply(200, armConfig);
    const reads = new VerifyReads({ budgetMs: 5_000 });
    const { findings } = await checkImages(target(), clients(), reads);
    expect(findings).toEqual([
      {
        check: 'image-platform',
        what: `image ${IMAGE} (container web) is built for linux/arm64; the task runs on linux/amd64`,
        why: `each task stops with "CannotPullContainerError: image Manifest does not contain descriptor matching platform 'linux/amd64'"`,
        fix: expect.stringContaining('docker buildx build --platform linux/amd64'),
        certain: true,
      },
    ]);
    expect(requests[1]).toEqual({ registryId: '123456789012', repositoryName: 'web', layerDigest: configDigest });
    expect(reads.notes).toEqual([]);
    expect(reads.count).toBe(3);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('built for arm64 on an ARM64 task: no finding', async () => {
    const { configDigest } = ecrAnswers(armConfig, presigned);
    nock(S3)
      .get(`/a1b2/${configDigest.slice(7)}`)
      .query(true)
      .reply(200, armConfig);
    const reads = new VerifyReads({ budgetMs: 5_000 });
    expect((await checkImages(target('ARM64'), clients(), reads)).findings).toEqual([]);
    expect(reads.notes).toEqual([]);
  });

  it('a denied GetDownloadUrlForLayer: one note, no finding, no download', async () => {
    ecrAnswers(armConfig, () => [
      400,
      {
        __type: 'AccessDeniedException',
        message:
          'User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized to perform: ecr:GetDownloadUrlForLayer',
      },
    ]);
    const reads = new VerifyReads({ budgetMs: 5_000 });
    expect((await checkImages(target(), clients(), reads)).findings).toEqual([]);
    expect(reads.notes).toEqual([
      expect.stringMatching(
        /^Could not check the platform of image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/web:1: ecr:GetDownloadUrlForLayer failed with AccessDeniedException \(User: .* is not authorized/,
      ),
    ]);
  });

  it.each([
    [
      'S3 refuses the URL',
      (digest: string) =>
        nock(S3)
          .get(`/a1b2/${digest.slice(7)}`)
          .query(true)
          .reply(403, '<Error><Code>AccessDenied</Code></Error>'),
      /HTTP403 \(the download answered HTTP 403\)/,
    ],
    [
      'the blob is not the one of the digest',
      (digest: string) =>
        nock(S3)
          .get(`/a1b2/${digest.slice(7)}`)
          .query(true)
          .reply(200, armConfig.replace('arm64', 'amd64')),
      /DigestMismatch \(the blob does not hash to sha256:/,
    ],
    [
      'a blob over 1 MB',
      (digest: string) =>
        nock(S3)
          .get(`/a1b2/${digest.slice(7)}`)
          .query(true)
          .reply(200, 'x'.repeat(1_100_000)),
      /TooLarge \(the blob is over 1048576 bytes, not an image config\)/,
    ],
    [
      'the network fails',
      (digest: string) =>
        nock(S3)
          .get(`/a1b2/${digest.slice(7)}`)
          .query(true)
          .replyWithError('socket hang up'),
      /the download of its config blob failed with/,
    ],
  ])('%s: one note without the URL, no finding', async (_, download, note) => {
    const { configDigest } = ecrAnswers(armConfig, presigned);
    download(configDigest);
    const reads = new VerifyReads({ budgetMs: 5_000 });
    expect((await checkImages(target(), clients(), reads)).findings).toEqual([]);
    expect(reads.notes).toEqual([
      expect.stringMatching(
        /^Could not check the platform of image .*web:1: the download of its config blob failed with /,
      ),
    ]);
    expect(reads.notes[0]).toMatch(note);
    expect(reads.notes.join('\n')).not.toContain(TOKEN);
    expect(reads.notes.join('\n')).not.toContain(S3);
  });

  it('S3 answers a redirect elsewhere: not followed, one note without either URL, no finding', async () => {
    const { configDigest } = ecrAnswers(armConfig, presigned);
    const elsewhere = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';
    nock(S3)
      .get(`/a1b2/${configDigest.slice(7)}`)
      .query(true)
      .reply(302, '', { Location: elsewhere });
    // The blob would hash right: were the redirect followed, verify would read a platform from another host.
    const redirected = nock('http://169.254.169.254').get(/.*/).reply(200, armConfig);
    const reads = new VerifyReads({ budgetMs: 5_000 });
    expect((await checkImages(target(), clients(), reads)).findings).toEqual([]);
    expect(redirected.isDone()).toBe(false);
    expect(reads.notes).toEqual([
      expect.stringMatching(/config blob failed with HTTP302 \(the download answered HTTP 302\)/),
    ]);
    expect(reads.notes.join('\n')).not.toMatch(/169\.254|X-Amz|starport/);
  });

  it.each([
    ['JSON null', 'null'],
    ['a JSON array', '[]'],
    ['numbers for os and architecture', '{"os": 1, "architecture": 2}'],
  ])('a blob that hashes right but is %s: one note (NotAConfig), no finding', async (_, blob) => {
    const { configDigest } = ecrAnswers(blob, presigned);
    nock(S3)
      .get(`/a1b2/${configDigest.slice(7)}`)
      .query(true)
      .reply(200, blob);
    const reads = new VerifyReads({ budgetMs: 5_000 });
    expect((await checkImages(target(), clients(), reads)).findings).toEqual([]);
    expect(reads.notes).toEqual([
      expect.stringMatching(/config blob failed with NotAConfig \(the blob names no os and architecture\)/),
    ]);
  });

  it('an arm64 blob on a task with no runtimePlatform (X86_64 by default): a certain finding', async () => {
    const { configDigest } = ecrAnswers(armConfig, presigned);
    nock(S3)
      .get(`/a1b2/${configDigest.slice(7)}`)
      .query(true)
      .reply(200, armConfig);
    const reads = new VerifyReads({ budgetMs: 5_000 });
    const { runtimePlatform: _, ...taskDefinition } = target().taskDefinition;
    const { findings } = await checkImages({ region: 'us-east-1', taskDefinition }, clients(), reads);
    expect(findings).toEqual([
      expect.objectContaining({
        check: 'image-platform',
        what: expect.stringContaining('the task runs on linux/amd64'),
        certain: true,
      }),
    ]);
  });

  it('ECR answers a URL that is not HTTP: one note, nothing fetched', async () => {
    ecrAnswers(armConfig, (digest) => ({ downloadUrl: 'file:///etc/passwd', layerDigest: digest }));
    const reads = new VerifyReads({ budgetMs: 5_000 });
    expect((await checkImages(target(), clients(), reads)).findings).toEqual([]);
    expect(reads.notes).toEqual([expect.stringMatching(/failed with UnexpectedUrl \(ECR answered no HTTP URL\)/)]);
  });
});
