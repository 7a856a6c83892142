import { ConfigurationError, type InputReader, invalidInput, quoteValue } from '@ecs-actions/core';
import type { CacheMode } from './build-cache.js';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What to push: an image built here from a Dockerfile, or one already in the local engine. */
export type ImageSource =
  | {
      kind: 'build';
      /** As given (relative to the workspace or absolute). */
      context: string;
      /** As given; undefined means `<context>/Dockerfile`. */
      file: string | undefined;
      buildArgs: { key: string; value: string }[];
      target: string | undefined;
      platform: string | undefined;
      /** The network of RUN steps (`docker build --network`); `default` passes no flag. */
      network: BuildNetwork;
      /** The user's labels; the OCI defaults are added by `imageLabels`. */
      labels: { key: string; value: string }[];
      /** BuildKit secrets (`--secret`), each read from an environment variable or a file: never a value here. */
      secrets: BuildSecret[];
    }
  | { kind: 'image'; image: string };

/** A `build-secrets` line: the id a Dockerfile mounts (`RUN --mount=type=secret,id=…`) and where its value is. */
export type BuildSecret = { id: string; env: string } | { id: string; src: string };

export interface EcrPushInputs {
  repository: string;
  /** Account id of the registry; undefined: the caller's own. */
  registryId: string | undefined;
  /** Unique, in the order given; the first is the `image` output. */
  tags: string[];
  source: ImageSource;
  /** The registry build cache of a build (an image given is not built here, so it has none). */
  cache: CacheMode;
  createRepository: boolean;
  tagMutability: 'MUTABLE' | 'IMMUTABLE';
  scan: 'none' | 'wait';
  failOnSeverity: Severity | undefined;
  scanTimeoutMs: number;
}

const BUILD_INPUTS = ['file', 'build-args', 'build-secrets', 'target', 'platform', 'network', 'labels'] as const;

export const BUILD_NETWORKS = ['default', 'none', 'host'] as const;
export type BuildNetwork = (typeof BUILD_NETWORKS)[number];

export function readEcrPushInputs(input: InputReader): EcrPushInputs {
  const repository = input.requiredString('repository');
  checkRepositoryName(repository);

  const registryId = input.optionalString('registry');
  if (registryId !== undefined && !/^\d{12}$/.test(registryId)) {
    throw invalidInput(
      'registry',
      registryId,
      'must be a 12-digit AWS account id',
      'Give the account that owns the registry, e.g. 123456789012, or leave it empty for your own account.',
    );
  }

  const tags = readTags(input);
  const image = input.optionalString('image');
  let source: ImageSource;
  if (image !== undefined) {
    const context = input.raw('context');
    const conflicting: string[] = [
      ...(context !== '' && context !== '.' ? ['context'] : []),
      ...BUILD_INPUTS.filter((name) => input.raw(name) !== ''),
    ];
    if (conflicting.length > 0) {
      throw new ConfigurationError(
        `Input "image" (${quoteValue(image)}) pushes an image that is already built, so the build inputs ${conflicting.map((name) => `"${name}"`).join(', ')} would be ignored. Remove "image" to build here, or remove the build inputs.`,
      );
    }
    if (/\s/.test(image)) throw invalidInput('image', image, 'must be a local image reference such as my-app:1.0');
    source = { kind: 'image', image };
  } else {
    source = {
      kind: 'build',
      context: input.string('context', '.'),
      file: input.optionalString('file'),
      buildArgs: readBuildArgs(input),
      target: readTarget(input),
      platform: readPlatform(input),
      network: input.oneOf('network', BUILD_NETWORKS, 'default'),
      labels: readLabels(input),
      secrets: readBuildSecrets(input),
    };
  }

  const cache = input.oneOf('cache', ['registry', 'off'] as const, 'registry');
  const createRepository = input.boolean('create-repository', false);
  const tagMutability = input.oneOf('tag-mutability', ['MUTABLE', 'IMMUTABLE'] as const, 'MUTABLE');
  const scan = input.oneOf('scan', ['none', 'wait'] as const, 'none');
  const severityText = input.raw('fail-on-severity');
  let failOnSeverity: Severity | undefined;
  if (severityText !== '') {
    const upper = severityText.toUpperCase();
    if (!(SEVERITIES as readonly string[]).includes(upper)) {
      throw invalidInput(
        'fail-on-severity',
        severityText,
        `must be one of ${SEVERITIES.join(', ')}`,
        'Leave it empty to report findings without failing.',
      );
    }
    failOnSeverity = upper as Severity;
    if (scan !== 'wait') {
      throw new ConfigurationError(
        `Input "fail-on-severity" is ${failOnSeverity} but "scan" is ${scan}: findings are only known after waiting for the scan. Set scan: wait, or remove fail-on-severity.`,
      );
    }
  }
  const scanTimeoutMs = input.duration('scan-timeout', '10m', { min: 1000, max: 6 * 3_600_000 });

  return {
    repository,
    registryId,
    tags,
    source,
    cache,
    createRepository,
    tagMutability,
    scan,
    failOnSeverity,
    scanTimeoutMs,
  };
}

/** ECR's repository name rule: 2–256 characters, lower-case path components joined by `/`. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export function checkRepositoryName(name: string): void {
  const expected =
    "must be an ECR repository name (2 to 256 characters: lower-case letters, digits and . _ - inside path components separated by '/')";
  if (
    /\.amazonaws\.com(\.cn)?\//.test(name) ||
    /^[\w.-]+(:\d+)?\/.*\.dkr\./.test(name) ||
    /^\d{12}\.dkr\./.test(name)
  ) {
    throw invalidInput(
      'repository',
      name,
      'must be the repository name only, not its URI',
      `Use the part after the registry host, e.g. ${quoteValue(name.replace(/^[^/]+\//, '').replace(/:[^/]*$/, ''))}; the registry comes from the "registry" input.`,
    );
  }
  if (/:[^/]*$/.test(name)) {
    throw invalidInput('repository', name, 'must not contain a tag', 'Put tags in the "tags" input.');
  }
  if (name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
    const hint =
      name !== name.toLowerCase() ? ` Repository names are lower case: ${quoteValue(name.toLowerCase())}.` : '';
    throw invalidInput('repository', name, expected, `e.g. ecs-be-prod or team/app.${hint}`);
  }
}

/** Docker's and ECR's tag rule: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function tagProblem(tag: string): string | undefined {
  if (TAG.test(tag)) return undefined;
  if (tag.length > 128) return 'is longer than 128 characters';
  if (tag.includes('+'))
    return 'contains "+", which tags do not allow (use the headver image-tag output, where "+" is "-")';
  if (/^[.-]/.test(tag)) return 'starts with "." or "-"';
  return 'may contain only letters, digits, "_", "." and "-"';
}

function readTags(input: InputReader): string[] {
  const raw = input.raw('tags');
  if (raw === '') return ['latest'];
  const tags: string[] = [];
  const lines = raw.split(/\r?\n/);
  lines.forEach((line, index) => {
    // Commas too: "tags: 1.0, latest" is a common way to write a list on one line.
    for (const part of line.split(',')) {
      const tag = part.trim();
      if (tag === '' || tag.startsWith('#')) continue;
      const problem = tagProblem(tag);
      if (problem) {
        throw new ConfigurationError(
          `Input "tags" line ${index + 1}: the tag ${quoteValue(tag)} ${problem}. ECR tags match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}; write one tag a line.`,
        );
      }
      if (!tags.includes(tag)) tags.push(tag);
    }
  });
  if (tags.length === 0) return ['latest'];
  if (tags.length > 100) {
    throw new ConfigurationError(`Input "tags" has ${tags.length} tags; at most 100 are allowed per push.`);
  }
  return tags;
}

function readBuildArgs(input: InputReader): { key: string; value: string }[] {
  const entries = input.keyValues('build-args');
  for (const entry of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.key)) {
      throw new ConfigurationError(
        `Input "build-args" line ${entry.line}: ${quoteValue(entry.key)} is not a build argument name (letters, digits and "_", not starting with a digit).`,
      );
    }
  }
  return dedupe(entries);
}

const SECRET_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_SYNTAX =
  'Write one secret a line, id=<id>,env=<VARIABLE> (the value of an environment variable of the step) or id=<id>,src=<path> (a file in the workspace or RUNNER_TEMP), e.g. id=npm_token,env=NPM_TOKEN.';

/**
 * `build-secrets`: one `id=<id>,env=<VARIABLE>` or `id=<id>,src=<path>` a line. Only where a value is, never the
 * value: a line that is not of this form is quoted in the error only by its keys, as it may hold a pasted secret.
 */
function readBuildSecrets(input: InputReader): BuildSecret[] {
  const secrets: BuildSecret[] = [];
  input
    .raw('build-secrets')
    .split(/\r?\n/)
    .forEach((rawLine, index) => {
      const line = rawLine.trim();
      if (line === '' || line.startsWith('#')) return;
      const where = `Input "build-secrets" line ${index + 1}`;
      const fields = new Map<string, string>();
      for (const part of line.split(',')) {
        const equals = part.indexOf('=');
        const key = equals > 0 ? part.slice(0, equals).trim() : '';
        if (!['id', 'env', 'src'].includes(key) || fields.has(key)) {
          throw new ConfigurationError(
            `${where} is not id=<id>,env=<VARIABLE> or id=<id>,src=<path>. ${SECRET_SYNTAX}`,
          );
        }
        fields.set(key, part.slice(equals + 1).trim());
      }
      const id = fields.get('id');
      if (id === undefined || !SECRET_ID.test(id)) {
        throw new ConfigurationError(
          `${where}: ${id === undefined ? 'there is no id' : 'the id is not a secret id (letters, digits, "_", "." and "-", at most 64; not shown, in case a value was pasted there)'}. ${SECRET_SYNTAX}`,
        );
      }
      if (secrets.some((secret) => secret.id === id)) {
        throw new ConfigurationError(
          `${where}: the id ${quoteValue(id)} is given twice; each secret needs its own id.`,
        );
      }
      const env = fields.get('env');
      const src = fields.get('src');
      if ((env === undefined) === (src === undefined)) {
        throw new ConfigurationError(
          `${where}: give the secret ${quoteValue(id)} either env= or src=, not ${env === undefined ? 'neither' : 'both'}. ${SECRET_SYNTAX}`,
        );
      }
      if (env !== undefined) {
        if (!ENV_NAME.test(env)) {
          throw new ConfigurationError(
            `${where}: env= names the environment variable that holds the secret, and what it gives is not a variable name (not shown, in case it is the value). Put the value in the step's env: (e.g. NPM_TOKEN: \${{ secrets.NPM_TOKEN }}) and write env=NPM_TOKEN; never the value itself.`,
          );
        }
        secrets.push({ id, env });
      } else if (src) {
        secrets.push({ id, src });
      } else {
        throw new ConfigurationError(`${where}: src= of the secret ${quoteValue(id)} is empty. ${SECRET_SYNTAX}`);
      }
    });
  return secrets;
}

function readLabels(input: InputReader): { key: string; value: string }[] {
  const entries = input.keyValues('labels');
  for (const entry of entries) {
    if (/[\s"']/.test(entry.key)) {
      throw new ConfigurationError(
        `Input "labels" line ${entry.line}: the label key ${quoteValue(entry.key)} contains a space or quote. Use keys like org.example.team=payments.`,
      );
    }
  }
  return dedupe(entries);
}

function readTarget(input: InputReader): string | undefined {
  const target = input.optionalString('target');
  if (target !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(target)) {
    throw invalidInput('target', target, 'must be a build stage name (FROM … AS <name>)');
  }
  return target;
}

function readPlatform(input: InputReader): string | undefined {
  const platform = input.optionalString('platform');
  if (platform === undefined) return undefined;
  if (platform.includes(',')) {
    throw invalidInput(
      'platform',
      platform,
      'must be one platform',
      'A multi-platform image needs docker buildx; build one platform per step, e.g. linux/amd64.',
    );
  }
  if (!/^[a-z0-9_]+\/[a-z0-9_]+(\/[a-z0-9_.]+)?$/.test(platform)) {
    throw invalidInput('platform', platform, 'must be os/arch[/variant]', 'e.g. linux/amd64 or linux/arm64.');
  }
  return platform;
}

/** A later duplicate key wins, in the position of the first. */
function dedupe(entries: { key: string; value: string }[]): { key: string; value: string }[] {
  const map = new Map<string, string>();
  for (const { key, value } of entries) map.set(key, value);
  return [...map].map(([key, value]) => ({ key, value }));
}
