import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ConfigurationError,
  errorMessage,
  formatJson,
  jsonProblemMessage,
  type PathRoot,
  parseJsonText,
  quoteValue,
  readInputFile,
  resolveInputPath,
  taskDefinitionSizeProblem,
} from '@ecs-actions/core';
import { type Change, diffTaskDefinitions } from '@ecs-actions/core/ecs';
import { type ImageRef, pinnedRef } from '@ecs-actions/core/image-ref';
import { type AwsClients, describeTaskDefinition, serviceTaskDefinition, verifyEcrImage } from './aws.js';
import { FileConfigurationError } from './errors.js';
import type { ImageAssignment, RenderInputs } from './inputs.js';

import {
  applyChanges,
  type Changes,
  checkTargets,
  type ImageChange,
  type JsonObject,
  toRegisterInput,
} from './task-definition.js';

export interface RenderDeps {
  /** GITHUB_WORKSPACE: where relative paths point. */
  workspace: string;
  /** RUNNER_TEMP: where the rendered file goes when output-file is empty. */
  runnerTemp: string;
  clients: AwsClients;
  /** The random part of the default output file name. */
  randomName?: () => string;
}

/** What happened to one image input. */
export interface ImageCheck {
  container: string;
  /** As given. */
  image: string;
  /** What went into the task definition. */
  rendered: string;
  status: 'verified' | 'not-ecr' | 'not-checked';
  digest?: string;
  pinned?: boolean;
}

export interface RenderResult {
  /** Absolute path of the rendered file. */
  outputFile: string;
  family: string;
  /** Whether the rendered task definition differs from the source (describe-only fields aside). */
  changed: boolean;
  /** The digest of the first image verified in ECR, in input order. */
  imageDigest: string | undefined;
  changes: Change[];
  imageChecks: ImageCheck[];
  /** The source in words: `file "taskdef.json"`, `task definition arn:…`. */
  source: string;
  taskDefinition: JsonObject;
  /** Info lines for the log (e.g. images that were not verified). */
  notes: string[];
}

interface LoadedSource {
  taskDefinition: JsonObject;
  /** For messages: `the task-definition file "x.json"`. */
  where: string;
  /** For the summary. */
  description: string;
}

export async function renderTaskDefinition(inputs: RenderInputs, deps: RenderDeps): Promise<RenderResult> {
  // The output path is checked first: a bad one fails before anything is read or asked of AWS.
  const outputFile = inputs.outputFile === undefined ? undefined : resolveOutput(inputs.outputFile, deps);
  const source = await loadSource(inputs, deps);
  const target = checkTargets(inputs, source.taskDefinition, source.where);
  // The images as given stand in for the verified ones: a render over ECS's size limit fails before any AWS call.
  const asGiven = inputs.images.map(({ container, image }) => ({ container, image: image.text }));
  checkSize(applyChanges(source.taskDefinition, changesOf(inputs, target, asGiven)), source.where);
  const notes: string[] = [];
  const { images, checks } = await resolveImages(inputs, deps.clients, notes);
  const rendered = applyChanges(source.taskDefinition, changesOf(inputs, target, images));
  checkSize(rendered, source.where);
  const family = rendered.family as string;
  const written = await writeOutput(outputFile, deps, family, formatJson(rendered));
  return {
    outputFile: written,
    family,
    changed: JSON.stringify(rendered) !== JSON.stringify(source.taskDefinition),
    imageDigest: checks.find((check) => check.digest !== undefined)?.digest,
    changes: diffTaskDefinitions(source.taskDefinition, rendered),
    imageChecks: checks,
    source: source.description,
    taskDefinition: rendered,
    notes,
  };
}

function changesOf(inputs: RenderInputs, target: string | undefined, images: ImageChange[]): Changes {
  return {
    images,
    target,
    environment: inputs.environment,
    secrets: inputs.secrets,
    dockerLabels: inputs.dockerLabels,
    logOptions: inputs.logOptions,
    command: inputs.command,
    task: {
      ...(inputs.cpu !== undefined ? { cpu: inputs.cpu } : {}),
      ...(inputs.memory !== undefined ? { memory: inputs.memory } : {}),
      ...(inputs.taskRoleArn !== undefined ? { taskRoleArn: inputs.taskRoleArn } : {}),
      ...(inputs.executionRoleArn !== undefined ? { executionRoleArn: inputs.executionRoleArn } : {}),
    },
  };
}

function checkSize(rendered: JsonObject, where: string): void {
  const problem = taskDefinitionSizeProblem(rendered, `The task definition rendered from ${where}`);
  if (problem) throw new ConfigurationError(problem);
}

async function loadSource(inputs: RenderInputs, deps: RenderDeps): Promise<LoadedSource> {
  const source = inputs.source;
  if (source.kind === 'file') return loadFile(source.path, deps);
  if (source.kind === 'family') {
    const described = await describeTaskDefinition(deps.clients, source.family, 'Input "task-definition-family"');
    const where = `the task definition ${described.arn}`;
    return {
      taskDefinition: toRegisterInput(described.document, where),
      where,
      description: `task definition ${described.arn}`,
    };
  }
  const { arn } = await serviceTaskDefinition(deps.clients, source.cluster, source.service);
  const described = await describeTaskDefinition(
    deps.clients,
    arn,
    `The task definition of service ${quoteValue(source.service)}`,
  );
  const where = `the task definition ${described.arn} (service ${quoteValue(source.service)})`;
  return {
    taskDefinition: toRegisterInput(described.document, where),
    where,
    description: `task definition ${described.arn}, which service ${source.service} in cluster ${source.cluster} runs`,
  };
}

/** Where input paths may point: the workspace, and RUNNER_TEMP, where an earlier step (a first render) writes. */
function pathRoots(deps: RenderDeps): [PathRoot, PathRoot] {
  return [
    { name: 'GITHUB_WORKSPACE', dir: deps.workspace },
    { name: 'RUNNER_TEMP', dir: deps.runnerTemp },
  ];
}

/** A task definition file larger than this cannot be one ECS accepts, however it is indented. */
const MAX_FILE_BYTES = 1024 * 1024;

async function loadFile(input: string, deps: RenderDeps): Promise<LoadedSource> {
  const resolved = resolveInputPath({ input: 'task-definition', value: input, roots: pathRoots(deps) });
  const { shown } = resolved;
  const text = readInputFile('task-definition', resolved, {
    maxBytes: MAX_FILE_BYTES,
    missingHint:
      'The path is relative to the repository root; check it, and that actions/checkout ran before this step.',
  });
  const where = `the task-definition file ${quoteValue(shown)}`;
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, kind } = parsed.problem;
    throw new FileConfigurationError(jsonProblemMessage('task-definition', shown, parsed.problem), {
      file: shown,
      line,
      col: column,
      title: kind === 'duplicate-key' ? 'Task definition has a duplicate key' : 'Task definition is not valid JSON',
    });
  }
  const taskDefinition = toRegisterInput(parsed.value, where);
  const tooLarge = taskDefinitionSizeProblem(
    taskDefinition,
    `Input "task-definition": the task definition in ${quoteValue(shown)}`,
  );
  if (tooLarge) throw new ConfigurationError(tooLarge);
  return { taskDefinition, where, description: `file ${shown}` };
}

function isEcr(ref: ImageRef): ref is ImageRef & { ecr: NonNullable<ImageRef['ecr']> } {
  return ref.ecr !== undefined;
}

/** Verifies ECR images (one ECR call each) and decides what each container's image becomes. */
async function resolveImages(
  inputs: RenderInputs,
  clients: AwsClients,
  notes: string[],
): Promise<{ images: ImageChange[]; checks: ImageCheck[] }> {
  const images: ImageChange[] = [];
  const checks: ImageCheck[] = [];
  if (!inputs.verifyImage && inputs.images.length > 0) {
    notes.push('verify-image is false: the images were not checked in ECR.');
  }
  for (const assignment of inputs.images) {
    const result = await resolveImage(assignment, inputs, clients, notes);
    images.push(result.change);
    checks.push(result.check);
  }
  return { images, checks };
}

async function resolveImage(
  assignment: ImageAssignment,
  inputs: RenderInputs,
  clients: AwsClients,
  notes: string[],
): Promise<{ change: ImageChange; check: ImageCheck }> {
  const { container, image, origin } = assignment;
  const asGiven = { container, image: image.text };
  if (!inputs.verifyImage) {
    return { change: asGiven, check: { ...asGiven, rendered: image.text, status: 'not-checked' } };
  }
  if (!isEcr(image)) {
    notes.push(
      `The image ${quoteValue(image.text)} (container ${quoteValue(container)}) is not in an ECR private registry: not verified${inputs.pinDigest && image.digest === undefined ? ', and not pinned to a digest' : ''}.`,
    );
    return { change: asGiven, check: { ...asGiven, rendered: image.text, status: 'not-ecr' } };
  }
  const verified = await verifyEcrImage(clients, image, origin);
  if (inputs.pinDigest) {
    const rendered = pinnedRef(image, verified.digest);
    const tag = image.tag ?? (image.digest === undefined ? 'latest' : undefined);
    return {
      change: { container, image: rendered, ...(tag !== undefined ? { pinnedTag: tag } : {}) },
      check: { ...asGiven, rendered, status: 'verified', digest: verified.digest, pinned: true },
    };
  }
  return {
    change: asGiven,
    check: { ...asGiven, rendered: image.text, status: 'verified', digest: verified.digest },
  };
}

function resolveOutput(value: string, deps: RenderDeps): string {
  return resolveInputPath({ input: 'output-file', value, roots: pathRoots(deps) }).file;
}

/** Writes the rendered file: to output-file (resolved and checked already), else to a new file in RUNNER_TEMP. */
async function writeOutput(
  outputFile: string | undefined,
  deps: RenderDeps,
  family: string,
  text: string,
): Promise<string> {
  if (outputFile !== undefined) {
    try {
      await mkdir(path.dirname(outputFile), { recursive: true });
      await writeFile(outputFile, text, 'utf8');
    } catch (error) {
      throw new ConfigurationError(
        `Input "output-file": cannot write ${quoteValue(outputFile)}: ${errorMessage(error)}. Choose a writable path, or leave it empty for a new file in RUNNER_TEMP.`,
      );
    }
    return outputFile;
  }
  const random = deps.randomName?.() ?? randomBytes(4).toString('hex');
  const file = path.join(deps.runnerTemp, `task-definition-${family.replace(/[^\w-]/g, '_')}-${random}.json`);
  await mkdir(deps.runnerTemp, { recursive: true });
  await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
  return file;
}
