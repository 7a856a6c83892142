import { describe, expect, it } from '@jest/globals';
import { buildArguments, dockerHostTried, knownDigests } from '../src/docker.js';
import { explainAwsError, isTagImmutable, registryHost, wildcardMatch } from '../src/ecr.js';
import type { EcrPushResult } from '../src/ecr-push.js';
import { createdTime, imageLabels } from '../src/labels.js';
import { clashMessage, type ExistingTag, planTags } from '../src/plan.js';
import { countAtOrAbove, type ScanReport, scanVerdict, sortFindings } from '../src/scan.js';
import { summaryMarkdown } from '../src/summary.js';
import { DIGEST, IMAGE_ID, OTHER_DIGEST, OTHER_IMAGE_ID } from './helpers.js';

describe('docker build arguments', () => {
  it('are one array element per argument, values kept whole', () => {
    expect(
      buildArguments({
        context: '/ws/app',
        dockerfile: '/ws/app/Dockerfile',
        iidfile: '/tmp/x.iid',
        target: 'runtime',
        platform: 'linux/arm64',
        buildArgs: [
          { key: 'QUERY', value: 'a=b c; $(rm -rf /)' },
          { key: 'EMPTY', value: '' },
        ],
        labels: [{ key: 'org.opencontainers.image.version', value: '0.2541.135' }],
      }),
    ).toEqual([
      'build',
      '--file',
      '/ws/app/Dockerfile',
      '--iidfile',
      '/tmp/x.iid',
      '--target',
      'runtime',
      '--platform',
      'linux/arm64',
      '--build-arg',
      'QUERY=a=b c; $(rm -rf /)',
      '--build-arg',
      'EMPTY=',
      '--label',
      'org.opencontainers.image.version=0.2541.135',
      '/ws/app',
    ]);
  });

  it('leave out what is not set', () => {
    expect(buildArguments({ context: '.', dockerfile: 'Dockerfile', iidfile: 'i', buildArgs: [], labels: [] })).toEqual(
      ['build', '--file', 'Dockerfile', '--iidfile', 'i', '.'],
    );
  });
});

describe('labels', () => {
  const env = {
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo-org/octo-app',
  };
  const now = Date.UTC(2025, 9, 6, 12, 0, 0);

  it('adds the OCI labels, user labels win', () => {
    expect(
      imageLabels(
        [
          { key: 'org.example.team', value: 'payments' },
          { key: 'org.opencontainers.image.source', value: 'https://example.com/mirror' },
        ],
        { env, version: '0.2541.135', now, event: { head_commit: { timestamp: '2025-10-06T09:00:00+09:00' } } },
      ),
    ).toEqual([
      { key: 'org.opencontainers.image.revision', value: 'ffac537e6cbbf934b08745a378932722df287a53' },
      { key: 'org.opencontainers.image.source', value: 'https://example.com/mirror' },
      { key: 'org.opencontainers.image.version', value: '0.2541.135' },
      { key: 'org.opencontainers.image.created', value: '2025-10-06T00:00:00.000Z' },
      { key: 'org.example.team', value: 'payments' },
    ]);
  });

  it.each([
    [{ SOURCE_DATE_EPOCH: '1700000000' }, undefined, '2023-11-14T22:13:20.000Z', 'SOURCE_DATE_EPOCH'],
    [
      {},
      { workflow_run: { head_commit: { timestamp: '2025-10-05T23:00:00Z' } } },
      '2025-10-05T23:00:00.000Z',
      'the commit time',
    ],
    [{}, { head_commit: { timestamp: 'not a date' } }, '2025-10-06T12:00:00.000Z', 'the build time'],
    [{}, undefined, '2025-10-06T12:00:00.000Z', 'the build time'],
  ])('created from %j / %j', (extraEnv, event, value, from) => {
    expect(createdTime({ env: { ...env, ...extraEnv }, version: 'x', now, event })).toEqual({ value, from });
  });
});

describe('tag plan', () => {
  const local = { imageId: IMAGE_ID, knownDigests: [] as string[] };
  const tag = (name: string, digest?: string, configDigest?: string, immutable = false): ExistingTag => ({
    tag: name,
    digest,
    configDigest,
    immutable,
  });

  it.each([
    ['a new tag is pushed', tag('1.0'), { actions: [{ tag: '1.0', action: 'push' }], clashes: [] }],
    [
      'a tag holding this image (same config) is skipped',
      tag('1.0', DIGEST, IMAGE_ID, true),
      { actions: [{ tag: '1.0', action: 'skip', digest: DIGEST }], clashes: [] },
    ],
    [
      'a mutable tag holding another image is moved',
      tag('latest', OTHER_DIGEST, OTHER_IMAGE_ID),
      { actions: [{ tag: 'latest', action: 'move', previousDigest: OTHER_DIGEST }], clashes: [] },
    ],
    [
      'an immutable tag holding another image clashes',
      tag('1.0', OTHER_DIGEST, OTHER_IMAGE_ID, true),
      { actions: [], clashes: [{ tag: '1.0', existingDigest: OTHER_DIGEST }] },
    ],
    [
      'an immutable tag whose manifest cannot be read clashes',
      tag('1.0', OTHER_DIGEST, undefined, true),
      { actions: [], clashes: [{ tag: '1.0', existingDigest: OTHER_DIGEST }] },
    ],
  ])('%s', (_name, existing, expected) => {
    expect(planTags([existing], local)).toEqual(expected);
  });

  it('recognises a digest Docker recorded at an earlier push', () => {
    expect(planTags([tag('1.0', DIGEST, undefined, true)], { imageId: IMAGE_ID, knownDigests: [DIGEST] })).toEqual({
      actions: [{ tag: '1.0', action: 'skip', digest: DIGEST }],
      clashes: [],
    });
  });

  it('names the tag and both digests in a clash', () => {
    const message = clashMessage(
      [{ tag: '1.0', existingDigest: OTHER_DIGEST }],
      'host/app',
      { imageId: IMAGE_ID, knownDigests: [DIGEST] },
      'IMMUTABLE',
    );
    expect(message).toContain('Nothing was pushed');
    expect(message).toContain(`tag "1.0" already holds ${OTHER_DIGEST}`);
    expect(message).toContain(`digest ${DIGEST}`);
  });

  it("knows every manifest digest Docker recorded for this image, this repository's first", () => {
    // A digest names one manifest wherever it is stored: ECR holding it holds this image.
    const image = { id: IMAGE_ID, repoDigests: [`other/app@${OTHER_DIGEST}`, `host/app@${DIGEST}`] };
    expect(knownDigests(image, 'host/app')).toEqual([DIGEST, OTHER_DIGEST]);
    expect(knownDigests(image)).toEqual([OTHER_DIGEST, DIGEST]);
  });
});

describe('tag mutability', () => {
  it.each([
    ['latest', 'MUTABLE', [], false],
    ['latest', 'IMMUTABLE', [], true],
    ['latest', undefined, [], false],
    ['latest', 'IMMUTABLE_WITH_EXCLUSION', ['latest'], false],
    ['1.0', 'IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*'], true],
    ['dev-42', 'IMMUTABLE_WITH_EXCLUSION', ['dev-*'], false],
    ['release-1', 'MUTABLE_WITH_EXCLUSION', ['release-*'], true],
    ['latest', 'MUTABLE_WITH_EXCLUSION', ['release-*'], false],
  ])('%s under %s %j → immutable %s', (tag, mutability, filters, expected) => {
    const exclusions = (filters as string[]).map((filter) => ({ filterType: 'WILDCARD' as const, filter }));
    expect(isTagImmutable(tag, mutability, exclusions)).toBe(expected);
  });

  it.each([
    ['dev-*', 'dev-1', true],
    ['dev-*', 'xdev-1', false],
    ['*.rc', '1.2.rc', true],
    ['1.2', '1x2', false],
  ])('wildcard %s matches %s: %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });
});

describe('registry and errors', () => {
  it.each([
    ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['http://127.0.0.1:5000/', '127.0.0.1:5000'],
  ])('registry host of %s', (endpoint, host) => {
    expect(registryHost(endpoint)).toBe(host);
  });

  it.each([
    [{ DOCKER_HOST: 'unix:///tmp/d.sock' }, 'unix:///tmp/d.sock (from DOCKER_HOST)'],
    [{}, 'unix:///var/run/docker.sock (the default; DOCKER_HOST is not set)'],
  ])('the socket tried with %j', (env, text) => {
    expect(dockerHostTried(env)).toBe(text);
  });

  it.each([
    ['AccessDeniedException', 'Allow ecr:GetAuthorizationToken'],
    ['ExpiredTokenException', 'The AWS credentials have expired'],
    ['UnrecognizedClientException', 'AWS rejected the credentials on ecr:GetAuthorizationToken'],
    ['CredentialsProviderError', 'No AWS credentials were found for ecr:GetAuthorizationToken'],
  ])('%s is explained', (name, text) => {
    const error = Object.assign(new Error('denied'), { name });
    expect(String(explainAwsError(error, 'GetAuthorizationToken'))).toContain(text);
  });

  it('leaves other errors alone', () => {
    const error = Object.assign(new Error('boom'), { name: 'ServerException' });
    expect(explainAwsError(error, 'DescribeImages')).toBe(error);
  });
});

describe('scan verdict', () => {
  const report: ScanReport = {
    status: 'COMPLETE',
    counts: { HIGH: 2, MEDIUM: 1, INFORMATIONAL: 4 },
    findings: sortFindings([
      { name: 'CVE-2025-0003', severity: 'MEDIUM' },
      { name: 'CVE-2025-0002', severity: 'HIGH', uri: 'https://cve.example/2' },
      { name: 'CVE-2025-0001', severity: 'HIGH', package: 'openssl@3.0.2' },
      { name: 'CVE-2025-0009', severity: 'INFORMATIONAL' },
    ]),
  };

  it.each([
    ['CRITICAL', 0],
    ['HIGH', 2],
    ['MEDIUM', 3],
    ['LOW', 3],
  ] as const)('counts findings at or above %s: %d', (threshold, count) => {
    expect(countAtOrAbove(report, threshold)).toBe(count);
  });

  it('passes below the threshold and without one', () => {
    expect(scanVerdict(report, 'CRITICAL', 'img')).toBeUndefined();
    expect(scanVerdict(report, undefined, 'img')).toBeUndefined();
  });

  it('lists the top findings, most severe first', () => {
    const message = scanVerdict(report, 'MEDIUM', 'host/app@sha256:x') ?? '';
    expect(message.split('\n')).toEqual([
      'The image scan of host/app@sha256:x found 3 findings at or above MEDIUM (HIGH 2, MEDIUM 1, INFORMATIONAL 4), and fail-on-severity is MEDIUM:',
      '- HIGH CVE-2025-0001 in openssl@3.0.2',
      '- HIGH CVE-2025-0002 (https://cve.example/2)',
      '- MEDIUM CVE-2025-0003',
      'Fix or upgrade the affected packages (often: a newer base image), or raise fail-on-severity.',
    ]);
  });
});

describe('summary', () => {
  it('lists the outputs, each tag and the scan counts', () => {
    const result: EcrPushResult = {
      registry: 'host',
      repositoryUri: 'host/app',
      image: 'host/app:1.0',
      digest: DIGEST,
      imageWithDigest: `host/app@${DIGEST}`,
      tags: ['1.0', 'latest'],
      tagResults: [
        { tag: '1.0', action: 'skipped' },
        { tag: 'latest', action: 'moved', previousDigest: OTHER_DIGEST, via: 'PutImage', durationMs: 3 },
      ],
      imageId: IMAGE_ID,
      built: true,
      repositoryCreated: false,
      labels: [],
      scan: { status: 'COMPLETE', counts: { HIGH: 1 }, findings: [{ name: 'CVE-1', severity: 'HIGH' }] },
    };
    const markdown = summaryMarkdown(result);
    expect(markdown).toContain(`| digest | \`${DIGEST}\` |`);
    expect(markdown).toContain('| tags | `["1.0","latest"]` |');
    expect(markdown).toContain('| `1.0` | already there, skipped |');
    expect(markdown).toContain(
      `| \`latest\` | moved to this image (was \`${OTHER_DIGEST}\`), by ECR PutImage, no layers sent |`,
    );
    expect(markdown).toContain('#### Image scan: COMPLETE, HIGH 1');
    expect(markdown).toContain('| 0 | 1 | 0 | 0 | 0 | 0 |');
    expect(markdown).toContain('- HIGH CVE-1');
  });
});
