import { ConfigurationError } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { checkRepositoryName, tagProblem } from '../src/inputs.js';
import { inputs } from './helpers.js';

describe('inputs', () => {
  it('defaults: latest, context ".", mutable, no scan, 10 minutes', () => {
    expect(inputs({ repository: 'ecs-be-prod' })).toEqual({
      repository: 'ecs-be-prod',
      registryId: undefined,
      tags: ['latest'],
      cache: 'registry',
      source: {
        kind: 'build',
        context: '.',
        file: undefined,
        buildArgs: [],
        target: undefined,
        platform: undefined,
        network: 'default',
        labels: [],
        secrets: [],
      },
      createRepository: false,
      tagMutability: 'MUTABLE',
      scan: 'none',
      failOnSeverity: undefined,
      scanTimeoutMs: 600_000,
    });
  });

  it('reads every build input', () => {
    const read = inputs({
      repository: 'team/app',
      registry: '210987654321',
      tags: '0.2541.135\nlatest\n# comment\n0.2541.135',
      context: 'app',
      file: 'app/Dockerfile.prod',
      'build-args': 'NODE_ENV=production\nQUERY=a=b&c=d',
      target: 'runtime',
      platform: 'linux/arm64',
      network: 'host',
      labels: 'org.example.team=payments',
      'build-secrets': 'id=npm_token,env=NPM_TOKEN\n# a comment\n id=maven.settings , src=settings/maven.xml ',
      'create-repository': 'true',
      'tag-mutability': 'IMMUTABLE',
      scan: 'wait',
      'fail-on-severity': 'high',
      'scan-timeout': '90s',
    });
    expect(read).toEqual({
      repository: 'team/app',
      registryId: '210987654321',
      tags: ['0.2541.135', 'latest'],
      cache: 'registry',
      source: {
        kind: 'build',
        context: 'app',
        file: 'app/Dockerfile.prod',
        buildArgs: [
          { key: 'NODE_ENV', value: 'production' },
          { key: 'QUERY', value: 'a=b&c=d' },
        ],
        target: 'runtime',
        platform: 'linux/arm64',
        network: 'host',
        labels: [{ key: 'org.example.team', value: 'payments' }],
        secrets: [
          { id: 'npm_token', env: 'NPM_TOKEN' },
          { id: 'maven.settings', src: 'settings/maven.xml' },
        ],
      },
      createRepository: true,
      tagMutability: 'IMMUTABLE',
      scan: 'wait',
      failOnSeverity: 'HIGH',
      scanTimeoutMs: 90_000,
    });
  });

  const SYNTAX =
    'Write one secret a line, id=<id>,env=<VARIABLE> (the value of an environment variable of the step) or id=<id>,src=<path> (a file in the workspace or RUNNER_TEMP), e.g. id=npm_token,env=NPM_TOKEN.';
  it.each([
    [
      'npm_token=s3cr3t-value',
      `Input "build-secrets" line 1 is not id=<id>,env=<VARIABLE> or id=<id>,src=<path>. ${SYNTAX}`,
    ],
    ['env=NPM_TOKEN', `Input "build-secrets" line 1: there is no id. ${SYNTAX}`],
    [
      'id=bad id!,env=NPM_TOKEN',
      `Input "build-secrets" line 1: the id is not a secret id (letters, digits, "_", "." and "-", at most 64; not shown, in case a value was pasted there). ${SYNTAX}`,
    ],
    [
      'id=a,env=A\nid=a,env=B',
      'Input "build-secrets" line 2: the id "a" is given twice; each secret needs its own id.',
    ],
    ['id=npm', `Input "build-secrets" line 1: give the secret "npm" either env= or src=, not neither. ${SYNTAX}`],
    [
      'id=npm,env=A,src=f',
      `Input "build-secrets" line 1: give the secret "npm" either env= or src=, not both. ${SYNTAX}`,
    ],
    ['id=npm,src=', `Input "build-secrets" line 1: src= of the secret "npm" is empty. ${SYNTAX}`],
    [
      'id=npm,env=npm_XyZ-secret-value',
      'Input "build-secrets" line 1: env= names the environment variable that holds the secret, and what it gives is not a variable name (not shown, in case it is the value). Put the value in the step\'s env: (e.g. NPM_TOKEN: ${{ secrets.NPM_TOKEN }}) and write env=NPM_TOKEN; never the value itself.',
    ],
  ])('refuses build-secrets %j, without echoing a value', (value, message) => {
    expect(() => inputs({ repository: 'app', 'build-secrets': value })).toThrow(new ConfigurationError(message));
    expect(() => inputs({ repository: 'app', 'build-secrets': value })).not.toThrow(/s3cr3t|XyZ/);
  });

  it('refuses build-secrets with a prebuilt image (nothing is built here to mount them in)', () => {
    expect(() => inputs({ repository: 'app', image: 'my-app:ci', 'build-secrets': 'id=a,env=A' })).toThrow(
      'the build inputs "build-secrets" would be ignored',
    );
  });

  it('takes a prebuilt image instead of a build', () => {
    expect(inputs({ repository: 'app', image: 'my-app:ci', context: '.' }).source).toEqual({
      kind: 'image',
      image: 'my-app:ci',
    });
  });

  it('accepts tags separated by commas', () => {
    expect(inputs({ repository: 'app', tags: '1.0, latest' }).tags).toEqual(['1.0', 'latest']);
  });

  it.each([
    [{}, 'Input "repository" is required'],
    [{ repository: 'Ecs-Be-Prod' }, 'Repository names are lower case: "ecs-be-prod"'],
    [{ repository: 'a' }, 'must be an ECR repository name'],
    [{ repository: 'app--' }, 'must be an ECR repository name'],
    [{ repository: '/app' }, 'must be an ECR repository name'],
    [
      { repository: '123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod' },
      'must be the repository name only, not its URI; got "123456789012.dkr.ecr.us-east-1.amazonaws.com/ecs-be-prod". Use the part after the registry host, e.g. "ecs-be-prod"',
    ],
    [{ repository: 'app:1.0' }, 'must not contain a tag'],
    [{ repository: 'app', registry: '1234' }, 'Input "registry" must be a 12-digit AWS account id; got "1234"'],
    [{ repository: 'app', tags: 'latest\n1.2001.789+qa' }, 'line 2: the tag "1.2001.789+qa" contains "+"'],
    [{ repository: 'app', tags: '.hidden' }, 'the tag ".hidden" starts with "." or "-"'],
    [{ repository: 'app', tags: 'a b' }, 'the tag "a b" may contain only letters'],
    [{ repository: 'app', tags: 'x'.repeat(129) }, 'is longer than 128 characters'],
    [
      { repository: 'app', 'build-args': 'NODE ENV=1' },
      'Input "build-args" line 1: "NODE ENV" is not a build argument name',
    ],
    [{ repository: 'app', 'build-args': 'novalue' }, 'Input "build-args" line 1 is not KEY=VALUE'],
    [{ repository: 'app', labels: 'a b=c' }, 'Input "labels" line 1: the label key "a b"'],
    [{ repository: 'app', platform: 'linux/amd64,linux/arm64' }, 'Input "platform" must be one platform'],
    [{ repository: 'app', platform: 'amd64' }, 'Input "platform" must be os/arch[/variant]'],
    [{ repository: 'app', network: 'bridge' }, 'Input "network" must be one of default, none, host; got "bridge".'],
    [{ repository: 'app', target: 'run time' }, 'Input "target" must be a build stage name'],
    [
      { repository: 'app', image: 'my-app:ci', file: 'Dockerfile', 'build-args': 'A=1' },
      'the build inputs "file", "build-args" would be ignored',
    ],
    [{ repository: 'app', image: 'my-app:ci', context: 'app' }, 'the build inputs "context" would be ignored'],
    [{ repository: 'app', 'create-repository': 'yes' }, 'Input "create-repository" must be a boolean'],
    [{ repository: 'app', 'tag-mutability': 'mutable' }, 'Input "tag-mutability" must be one of MUTABLE, IMMUTABLE'],
    [{ repository: 'app', scan: 'true' }, 'Input "scan" must be one of none, wait'],
    [
      { repository: 'app', scan: 'wait', 'fail-on-severity': 'SEVERE' },
      'Input "fail-on-severity" must be one of CRITICAL, HIGH, MEDIUM, LOW',
    ],
    [{ repository: 'app', 'fail-on-severity': 'HIGH' }, 'Set scan: wait, or remove fail-on-severity'],
    [{ repository: 'app', scan: 'wait', 'scan-timeout': 'soon' }, 'Input "scan-timeout" must be a duration'],
    [{ repository: 'app', scan: 'wait', 'scan-timeout': '100ms' }, 'Input "scan-timeout" must be at least 1s'],
  ])('rejects %j', (values, message) => {
    expect(() => inputs(values as Record<string, string>)).toThrow(ConfigurationError);
    expect(() => inputs(values as Record<string, string>)).toThrow(message);
  });

  it.each(['ab', 'ecs-be-prod', 'team/app', 'a.b_c-d/e', `${'a'.repeat(256)}`])('accepts the repository %s', (name) => {
    expect(() => checkRepositoryName(name)).not.toThrow();
  });

  it.each(['latest', '0.2541.135', '1.2001.789-qa', '_x', 'A'.repeat(128)])('accepts the tag %s', (tag) => {
    expect(tagProblem(tag)).toBeUndefined();
  });
});
