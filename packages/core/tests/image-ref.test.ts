import { describe, expect, it } from '@jest/globals';
import { parseImageRef, pinnedRef } from '../src/image-ref.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseImageRef: valid references', () => {
  it.each([
    { text: 'nginx', domain: undefined, path: 'nginx', tag: undefined, digest: undefined },
    { text: 'nginx:1.27-alpine', domain: undefined, path: 'nginx', tag: '1.27-alpine', digest: undefined },
    { text: 'library/nginx:latest', domain: undefined, path: 'library/nginx', tag: 'latest', digest: undefined },
    {
      text: 'ghcr.io/octo-org/my_app__x:v1',
      domain: 'ghcr.io',
      path: 'octo-org/my_app__x',
      tag: 'v1',
      digest: undefined,
    },
    { text: 'localhost:5000/app:dev', domain: 'localhost:5000', path: 'app', tag: 'dev', digest: undefined },
    { text: 'localhost/app', domain: 'localhost', path: 'app', tag: undefined, digest: undefined },
    {
      text: `registry.example.com:443/a/b/c@${DIGEST}`,
      domain: 'registry.example.com:443',
      path: 'a/b/c',
      tag: undefined,
      digest: DIGEST,
    },
    { text: `app:1.0@${DIGEST}`, domain: undefined, path: 'app', tag: '1.0', digest: DIGEST },
    { text: 'app:_underscore.Tag-1', domain: undefined, path: 'app', tag: '_underscore.Tag-1', digest: undefined },
    { text: `app:${'a'.repeat(128)}`, domain: undefined, path: 'app', tag: 'a'.repeat(128), digest: undefined },
  ])('$text', ({ text, domain, path, tag, digest }) => {
    const parsed = parseImageRef(text);
    expect(parsed).toEqual({ ok: true, ref: { text, domain, path, tag, digest, ecr: undefined } });
  });

  it.each([
    {
      text: '949653644001.dkr.ecr.ap-northeast-2.amazonaws.com/ecs-be-prod:latest',
      region: 'ap-northeast-2',
      repository: 'ecs-be-prod',
    },
    {
      text: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:0.2541.135',
      region: 'us-east-1',
      repository: 'team/app',
    },
    { text: '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:1', region: 'us-gov-west-1', repository: 'app' },
    { text: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1', region: 'cn-north-1', repository: 'app' },
  ])('ECR: $text', ({ text, region, repository }) => {
    const parsed = parseImageRef(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.ref.ecr).toEqual({ account: text.slice(0, 12), region, repository });
  });

  it('public.ecr.aws is not a private ECR registry', () => {
    const parsed = parseImageRef('public.ecr.aws/nginx/nginx:1.27');
    expect(parsed.ok && parsed.ref.ecr).toBeUndefined();
  });

  it('pins to the digest without the tag', () => {
    const parsed = parseImageRef('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(pinnedRef(parsed.ref, DIGEST)).toBe(`123456789012.dkr.ecr.us-east-1.amazonaws.com/app@${DIGEST}`);
  });
});

describe('parseImageRef: invalid references say why', () => {
  it.each([
    { text: '', reason: 'is empty' },
    { text: 'nginx latest', reason: 'contains whitespace' },
    { text: 'Nginx', reason: 'has the repository path component "Nginx"' },
    { text: 'repo/My_App:1', reason: 'has the repository path component "My_App"' },
    { text: 'app:', reason: 'has the tag ""' },
    { text: 'app:.hidden', reason: 'has the tag ".hidden"' },
    { text: 'app:a+b', reason: 'has the tag "a+b"' },
    { text: `app:${'a'.repeat(129)}`, reason: 'has the tag' },
    { text: 'app@sha256:abc', reason: 'has the digest "sha256:abc"' },
    { text: `app@sha256:${'A'.repeat(64)}`, reason: 'not sha256: and 64 lowercase hex digits' },
    { text: 'app@md5:0123', reason: 'has the digest "md5:0123"' },
    { text: 'a//b', reason: 'has an empty repository path component' },
    { text: 'app-:1', reason: 'has the repository path component "app-"' },
    { text: 'a..b', reason: 'has the repository path component "a..b"' },
    { text: '-bad.example.com/app', reason: 'has the registry "-bad.example.com"' },
    { text: 'host:port/app', reason: 'has the registry "host:port"' },
    { text: `${'a'.repeat(256)}:1`, reason: 'has a name longer than 255 characters' },
  ])('$text', ({ text, reason }) => {
    const parsed = parseImageRef(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
