import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputReader, inputsFrom } from '@ecs-actions/core';
import nock from 'nock';
import type { AwsClients } from '../src/aws.js';
import { sdkClients } from '../src/aws.js';
import { readRenderInputs } from '../src/inputs.js';
import { type RenderResult, renderTaskDefinition } from '../src/render.js';

export const seedPath = path.resolve(import.meta.dirname, 'fixtures/seed-task-definition.json');
export const seedText = readFileSync(seedPath, 'utf8');
export const seed = (): Record<string, unknown> => JSON.parse(seedText) as Record<string, unknown>;
export const SEED_CONTAINER = 'ecs_be_prod_container';

export const ACCOUNT = '123456789012';
export const ECR_HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
export const DIGEST = `sha256:${'ab12'.repeat(16)}`;

/** Clients that fail the test if the logic asks for them: the file-only path must not touch AWS. */
export const noAws: AwsClients = {
  ecs: () => Promise.reject(new Error('the ECS client was created on a path that must not call AWS')),
  ecr: () => Promise.reject(new Error('the ECR client was created on a path that must not call AWS')),
};

/** The real SDK clients, talking HTTP to nock. */
export const realClients = sdkClients;

/** Fake credentials and region for the real SDK; endpoint overrides removed so nock sees the AWS hosts. */
export function useFakeAws(): void {
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_ENDPOINT_URL') || name === 'AWS_PROFILE' || name === 'AWS_SESSION_TOKEN') {
      delete process.env[name];
    }
  }
  nock.disableNetConnect();
}

const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };

/** One awsJson1.1 call: POST / with X-Amz-Target `<prefix>.<operation>`, the body checked by `match`. */
export function awsJsonCall(
  host: string,
  target: string,
  match: (body: Record<string, unknown>) => boolean,
  status: number,
  response: unknown,
): nock.Scope {
  return nock(host)
    .matchHeader('x-amz-target', target)
    .post('/', (body: Record<string, unknown>) => match(body))
    .reply(status, JSON.stringify(response), JSON_11);
}

export const ecsCall = (
  operation: string,
  match: (body: Record<string, unknown>) => boolean,
  status: number,
  response: unknown,
) =>
  awsJsonCall(
    'https://ecs.us-east-1.amazonaws.com',
    `AmazonEC2ContainerServiceV20141113.${operation}`,
    match,
    status,
    response,
  );

export const ecrCall = (
  match: (body: Record<string, unknown>) => boolean,
  status: number,
  response: unknown,
  region = 'us-east-1',
) =>
  awsJsonCall(
    `https://api.ecr.${region}.amazonaws.com`,
    'AmazonEC2ContainerRegistry_V20150921.DescribeImages',
    match,
    status,
    response,
  );

export interface Sandbox {
  workspace: string;
  runnerTemp: string;
}

export async function sandbox(files: Record<string, string> = {}): Promise<Sandbox> {
  const root = await mkdtemp(path.join(tmpdir(), 'render-taskdef-'));
  const workspace = path.join(root, 'workspace');
  const runnerTemp = path.join(root, 'temp');
  await mkdir(workspace);
  await mkdir(runnerTemp);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), text);
  }
  return { workspace, runnerTemp };
}

export interface Rendered {
  result?: RenderResult;
  error?: unknown;
  box: Sandbox;
  /** Files in RUNNER_TEMP after the run. */
  written: string[];
  /** The rendered file, parsed. */
  output?: Record<string, unknown>;
  outputText?: string;
}

/** Reads the inputs as the entry does, renders, and reports what was written. */
export async function render(
  inputs: Record<string, string | undefined>,
  options: {
    files?: Record<string, string>;
    clients?: AwsClients;
    /** Runs after the files are written: symbolic links, files outside the workspace. */
    setup?: (box: Sandbox) => Promise<void>;
  } = {},
): Promise<Rendered> {
  const box = await sandbox(options.files);
  await options.setup?.(box);
  let result: RenderResult | undefined;
  let error: unknown;
  try {
    result = await renderTaskDefinition(readRenderInputs(new InputReader(inputsFrom(inputs))), {
      ...box,
      clients: options.clients ?? noAws,
      randomName: () => 'r4nd0m',
    });
  } catch (caught) {
    error = caught;
  }
  const written = await readdir(box.runnerTemp);
  const rendered: Rendered = { box, written };
  if (result) {
    rendered.result = result;
    rendered.outputText = readFileSync(result.outputFile, 'utf8');
    rendered.output = JSON.parse(rendered.outputText) as Record<string, unknown>;
  }
  if (error !== undefined) rendered.error = error;
  return rendered;
}

/** The one container of a rendered task definition, by name. */
export function container(taskDefinition: Record<string, unknown> | undefined, name: string): Record<string, unknown> {
  const containers = (taskDefinition?.containerDefinitions ?? []) as Record<string, unknown>[];
  const found = containers.find((c) => c.name === name);
  if (!found) throw new Error(`no container ${name} in the rendered task definition`);
  return found;
}
