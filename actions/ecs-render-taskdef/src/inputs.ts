import {
  ConfigurationError,
  InputReader,
  type InputSource,
  invalidInput,
  type KeyValueEntry,
  quoteValue,
  runnerInputs,
} from '@ecs-actions/core';
import { type InputAlias, withAliases } from '@ecs-actions/core/aliases';
import { type ImageRef, parseImageRef } from '@ecs-actions/core/image-ref';

/** Where the task definition comes from: exactly one of these. */
export type TaskDefinitionSource =
  | { kind: 'file'; path: string }
  | { kind: 'family'; family: string }
  | { kind: 'service'; service: string; cluster: string };

/** One image to put into one container, and which input said so (for error messages). */
export interface ImageAssignment {
  container: string;
  image: ImageRef;
  /** `input "image"` or `input "images" line 2`. */
  origin: string;
}

export interface RenderInputs {
  source: TaskDefinitionSource;
  /** The `container-name` input. */
  containerName: string | undefined;
  /** From `container-name` + `image`, or from `images`, in input order. */
  images: ImageAssignment[];
  environment: KeyValueEntry[];
  secrets: KeyValueEntry[];
  dockerLabels: KeyValueEntry[];
  logOptions: KeyValueEntry[];
  cpu: string | undefined;
  memory: string | undefined;
  taskRoleArn: string | undefined;
  executionRoleArn: string | undefined;
  command: string[] | undefined;
  verifyImage: boolean;
  pinDigest: boolean;
  /** `ecr-repository`: the only ECR repository (name, or registry host + name) the images may come from. */
  ecrRepository: string | undefined;
  outputFile: string | undefined;
}

/** The docker label that records the tag of an image pinned to its digest. */
export const IMAGE_TAG_LABEL = 'ecs-actions.image-tag';

const FAMILY = /^[A-Za-z0-9_-]{1,255}(?::[1-9]\d*)?$/;
const TASK_DEFINITION_ARN = /^arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[1-9]\d*$/;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const SERVICE = /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[\w-]*:ecs:[a-z0-9-]+:\d{12}:service\/[\w/-]{1,512})$/;
const CPU = /^(?:\d+|\d+(?:\.\d+)? ?vCPU)$/i;
const MEMORY = /^(?:\d+|\d+(?:\.\d+)? ?GB)$/i;
const ROLE = /^(?:arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}|[\w+=,.@-]{1,64})$/;

/**
 * The names aws-actions/amazon-ecs-render-task-definition gives these inputs. One with the same meaning is read
 * as its new name; one whose meaning differs fails with the form to write instead.
 */
export const STOCK_ALIASES: readonly InputAlias[] = [
  { alias: 'log-configuration-options', name: 'log-options' },
  { alias: 'task-definition-arn', name: 'task-definition-family' },
  {
    alias: 'task-definition-revision',
    name: 'task-definition-family',
    toNew: (value) => {
      throw new ConfigurationError(
        `Input "task-definition-revision" (${quoteValue(value)}) is not read by ecs-render-taskdef: give the revision with the family instead, as task-definition-family: <family>:${value}.`,
      );
    },
  },
  {
    alias: 'log-configuration-log-driver',
    name: 'log-options',
    toNew: (value) => {
      throw new ConfigurationError(
        `Input "log-configuration-log-driver" (${quoteValue(value)}) is not read by ecs-render-taskdef: it does not change a container's log driver per deploy. Write it in the task definition file, "logConfiguration": {"logDriver": ${JSON.stringify(value)}, "options": {...}}, and give per-deploy options with log-options: (key=value lines).`,
      );
    },
  },
  {
    alias: 'env-files',
    name: 'environment-variables',
    toNew: () => {
      throw new ConfigurationError(
        'Input "env-files" is not read by ecs-render-taskdef. Write the files in the task definition file, "environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "type": "s3"}] in the container, or give the variables with environment-variables: (KEY=VALUE lines).',
      );
    },
  },
];

/** The step's inputs, with the stock action's names read as ours (see STOCK_ALIASES). */
export function renderInputReader(source: InputSource = runnerInputs): InputReader {
  return new InputReader(withAliases(source, STOCK_ALIASES));
}

export function readRenderInputs(input: InputReader): RenderInputs {
  const stockList = readContainerList(input);
  if (stockList !== undefined) return readRenderInputs(stockList);
  const source = readSource(input);
  const containerName = input.optionalString('container-name');
  if (containerName !== undefined && !NAME.test(containerName)) {
    throw invalidInput(
      'container-name',
      containerName,
      'is not a container name',
      'Container names are 1 to 255 letters, digits, "_" and "-".',
    );
  }
  const images = readImages(input, containerName);
  const ecrRepository = readEcrRepository(input);
  if (ecrRepository !== undefined) for (const assignment of images) checkRepository(assignment, ecrRepository);
  const verifyImage = input.boolean('verify-image', true);
  const pinDigest = input.boolean('pin-digest', false);
  if (pinDigest && !verifyImage) {
    throw new ConfigurationError(
      'Input "pin-digest" is true but "verify-image" is false: the digest to pin comes from the ECR check. Set verify-image: true, or pin-digest: false.',
    );
  }
  const cpu = matching(input, 'cpu', CPU, 'must be CPU units such as 1024, or vCPUs such as "1 vCPU"');
  const memory = matching(input, 'memory', MEMORY, 'must be MiB such as 3072, or GB such as "3 GB"');
  const roleHint = 'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>) or a role name';
  return {
    source,
    containerName,
    images,
    environment: entries(input, 'environment-variables', 'KEY=VALUE', { emptyValue: true }),
    secrets: entries(input, 'secrets', 'NAME=valueFrom', { emptyValue: false }),
    dockerLabels: entries(input, 'docker-labels', 'key=value', { emptyValue: true }),
    logOptions: entries(input, 'log-options', 'key=value', { emptyValue: true }),
    ecrRepository,
    cpu,
    memory,
    taskRoleArn: matching(input, 'task-role-arn', ROLE, roleHint),
    executionRoleArn: matching(input, 'execution-role-arn', ROLE, roleHint),
    command: readCommand(input),
    verifyImage,
    pinDigest,
    outputFile: input.optionalString('output-file'),
  };
}

/**
 * The stock action's `container-name: web,worker` with one `image`: that image in each container. Read as the
 * `images` lines it means; the stock action also put its other settings into each container, which this action
 * does to one container only, so those are refused with the form to write instead.
 */
function readContainerList(input: InputReader): InputReader | undefined {
  const names = input.raw('container-name');
  if (!names.includes(',')) return undefined;
  const list = names.split(',').map((name) => name.trim());
  const image = input.optionalString('image');
  const bad = list.find((name) => !NAME.test(name));
  if (bad !== undefined || image === undefined || input.raw('images')) {
    throw invalidInput(
      'container-name',
      names,
      'is a comma list, which is read only as the stock action wrote it: several container names, each 1 to 255 letters, digits, "_" and "-", with one image and no images',
      `For several containers write images: with one container=image line each (${list.map((name) => `${name}=<image>`).join(', ')}).`,
    );
  }
  const settings = ['environment-variables', 'secrets', 'docker-labels', 'log-options', 'command'].filter(
    (name) => input.raw(name) !== '',
  );
  if (settings.length > 0) {
    throw new ConfigurationError(
      `Input "container-name" lists several containers (${names}) and ${settings.map((s) => `"${s}"`).join(', ')} ${settings.length > 1 ? 'are' : 'is'} set: the stock action put them into each container, ecs-render-taskdef puts them into one. Write images: with one container=image line each, and container-name: to the one container that gets ${settings.join(', ')}; for the same settings in several containers, use one step per container.`,
    );
  }
  const lines = list.map((name) => `${name}=${image}`).join('\n');
  return new InputReader((name) => {
    if (name === 'container-name' || name === 'image') return '';
    if (name === 'images') return lines;
    return input.raw(name);
  });
}

function readSource(input: InputReader): TaskDefinitionSource {
  const file = input.optionalString('task-definition');
  const family = input.optionalString('task-definition-family');
  const service = input.optionalString('service');
  const cluster = input.optionalString('cluster');
  const given = [
    file !== undefined ? `task-definition (${quoteValue(file)})` : undefined,
    family !== undefined ? `task-definition-family (${quoteValue(family)})` : undefined,
    service !== undefined || cluster !== undefined ? 'service + cluster' : undefined,
  ].filter((name) => name !== undefined);
  const which =
    'Set exactly one of: task-definition (a JSON file in the repository), task-definition-family (a registered family, optionally family:revision), or service and cluster (the task definition the service runs now).';
  if (given.length === 0) throw new ConfigurationError(`No task definition source is set. ${which}`);
  if (given.length > 1) {
    throw new ConfigurationError(`Several task definition sources are set: ${given.join(', ')}. ${which}`);
  }
  if (file !== undefined) return { kind: 'file', path: file };
  if (family !== undefined) {
    if (!FAMILY.test(family) && !TASK_DEFINITION_ARN.test(family)) {
      throw invalidInput(
        'task-definition-family',
        family,
        'is not a task definition family',
        'Write the family (letters, digits, "_" and "-"), family:revision such as ecs_be_prod:42, or a task definition ARN.',
      );
    }
    return { kind: 'family', family };
  }
  if (service === undefined || cluster === undefined) {
    throw new ConfigurationError(
      service === undefined
        ? `Input "cluster" is set (${quoteValue(cluster ?? '')}) but "service" is empty. Set service: to the ECS service whose task definition to render.`
        : `Input "service" is set (${quoteValue(service)}) but "cluster" is empty. Set cluster: to the ECS cluster the service runs in.`,
    );
  }
  if (!SERVICE.test(service)) {
    throw invalidInput('service', service, 'is not a service name', 'Write the service name or its ARN.');
  }
  if (!CLUSTER.test(cluster)) {
    throw invalidInput('cluster', cluster, 'is not a cluster name', 'Write the cluster name or its ARN.');
  }
  return { kind: 'service', service, cluster };
}

function imageRef(value: string, origin: string): ImageRef {
  const parsed = parseImageRef(value);
  if (!parsed.ok) {
    throw new ConfigurationError(
      `${origin[0]?.toUpperCase()}${origin.slice(1)}: ${quoteValue(value)} is not a valid image reference: it ${parsed.reason}. Write registry/repository:tag or registry/repository@sha256:<digest>, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:1.2501.7.`,
    );
  }
  return parsed.ref;
}

function readImages(input: InputReader, containerName: string | undefined): ImageAssignment[] {
  const image = input.optionalString('image');
  const lines = input.keyValues('images', 'container=image');
  if (image !== undefined && lines.length > 0) {
    throw new ConfigurationError(
      'Inputs "image" and "images" are both set. Use container-name + image for one container, or images (one container=image a line) for several.',
    );
  }
  if (image !== undefined) {
    if (containerName === undefined) {
      throw new ConfigurationError(
        `Input "image" is set (${quoteValue(image)}) but "container-name" is empty. Set container-name: to the container that gets the image, or use images: with container=image lines.`,
      );
    }
    return [{ container: containerName, image: imageRef(image, 'input "image"'), origin: 'input "image"' }];
  }
  const seen = new Map<string, number>();
  return lines.map(({ key, value, line }) => {
    const origin = `input "images" line ${line}`;
    if (!NAME.test(key)) {
      throw new ConfigurationError(
        `Input "images" line ${line}: ${quoteValue(key)} is not a container name (1 to 255 letters, digits, "_" and "-"). Write container=image.`,
      );
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new ConfigurationError(
        `Input "images" names the container ${quoteValue(key)} twice (lines ${earlier} and ${line}). Give each container one image.`,
      );
    }
    seen.set(key, line);
    return { container: key, image: imageRef(value, origin), origin };
  });
}

function entries(input: InputReader, name: string, what: string, options: { emptyValue: boolean }): KeyValueEntry[] {
  const list = input.keyValues(name, what);
  for (const entry of list) {
    if (/\s/.test(entry.key)) {
      throw new ConfigurationError(
        `Input "${name}" line ${entry.line}: the name ${quoteValue(entry.key)} contains whitespace. Write one ${what} a line, with no spaces in the name.`,
      );
    }
    if (!options.emptyValue && entry.value === '') {
      throw new ConfigurationError(
        `Input "${name}" line ${entry.line}: ${quoteValue(entry.key)} has an empty valueFrom. Write ${what}, where valueFrom is an SSM parameter name or ARN, or a Secrets Manager secret ARN.`,
      );
    }
  }
  return list;
}

function matching(input: InputReader, name: string, pattern: RegExp, expected: string): string | undefined {
  const value = input.optionalString(name);
  if (value !== undefined && !pattern.test(value)) throw invalidInput(name, value, expected);
  return value;
}

function readCommand(input: InputReader): string[] | undefined {
  const text = input.raw('command');
  if (!text) return undefined;
  const fix = 'Write a JSON array of strings, e.g. ["node", "server.js", "--port", "8080"]; it is not split at spaces.';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidInput('command', text, 'must be a JSON array of strings', `${fix} (${(error as Error).message})`);
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw invalidInput('command', text, 'must be a JSON array of strings', fix);
  }
  if (value.length === 0) throw invalidInput('command', text, 'must not be an empty array', fix);
  return value as string[];
}

const REPOSITORY_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const ECR_REGISTRY = /^\d{12}\.dkr\.ecr(?:-fips)?\.[a-z]{2}(?:-[a-z]+)+-\d+\.amazonaws\.com(?:\.cn)?$/;

/** `web`, or `123456789012.dkr.ecr.us-east-1.amazonaws.com/web` (which also pins the account and region). */
function readEcrRepository(input: InputReader): string | undefined {
  const value = input.optionalString('ecr-repository');
  if (value === undefined) return undefined;
  const slash = value.indexOf('/');
  const host = slash > 0 && value.slice(0, slash).includes('.') ? value.slice(0, slash) : undefined;
  const name = host === undefined ? value : value.slice(slash + 1);
  if ((host !== undefined && !ECR_REGISTRY.test(host)) || !REPOSITORY_NAME.test(name)) {
    throw invalidInput(
      'ecr-repository',
      value,
      'must be an ECR repository name (e.g. web) or repository URI (<account>.dkr.ecr.<region>.amazonaws.com/web)',
      'Give the repository the images are pushed to, or leave it empty to allow any image.',
    );
  }
  return value;
}

/** Refuses, before any call, an image from another registry or repository than `ecr-repository`. */
function checkRepository({ image, origin, container }: ImageAssignment, repository: string): void {
  const inRepository =
    image.ecr !== undefined &&
    (repository.includes('/') && repository.slice(0, repository.indexOf('/')).includes('.')
      ? `${image.domain}/${image.path}` === repository
      : image.ecr.repository === repository);
  if (!inRepository) {
    throw new ConfigurationError(
      `The image ${quoteValue(image.text)} (${origin}, container ${quoteValue(container)}) is not in the ECR repository ${quoteValue(repository)} that input "ecr-repository" allows. Deploy an image pushed there (e.g. ${repository.includes('.') ? repository : `<account>.dkr.ecr.<region>.amazonaws.com/${repository}`}:<tag>), or leave ecr-repository empty to allow any image.`,
    );
  }
}
