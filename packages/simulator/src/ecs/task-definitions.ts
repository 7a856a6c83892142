/**
 * RegisterTaskDefinition validation and the TaskDefinition object ECS stores.
 * API reference: RegisterTaskDefinition, TaskDefinition, ContainerDefinition data types;
 * developer guide: "Amazon ECS task definition parameters for Fargate" (task size table).
 */
import { AwsServiceError } from '../contract.js';
import type { JsonObject } from './model.js';

const clientError = (message: string) => new AwsServiceError('ClientException', message);

/** Members of RegisterTaskDefinitionRequest (API reference, RegisterTaskDefinition "Request Parameters"). */
const REQUEST_MEMBERS = new Set([
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'containerDefinitions',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
]);

/** Fields DescribeTaskDefinition returns that are not RegisterTaskDefinition parameters. */
const DESCRIBE_ONLY = new Set([
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
]);

/** Members of ContainerDefinition (API reference, ContainerDefinition data type). */
const CONTAINER_MEMBERS = new Set([
  'name',
  'image',
  'repositoryCredentials',
  'cpu',
  'memory',
  'memoryReservation',
  'links',
  'portMappings',
  'essential',
  'restartPolicy',
  'entryPoint',
  'command',
  'environment',
  'environmentFiles',
  'mountPoints',
  'volumesFrom',
  'linuxParameters',
  'secrets',
  'dependsOn',
  'startTimeout',
  'stopTimeout',
  'versionConsistency',
  'hostname',
  'user',
  'workingDirectory',
  'disableNetworking',
  'privileged',
  'readonlyRootFilesystem',
  'dnsServers',
  'dnsSearchDomains',
  'extraHosts',
  'dockerSecurityOptions',
  'interactive',
  'pseudoTerminal',
  'dockerLabels',
  'ulimits',
  'logConfiguration',
  'healthCheck',
  'systemControls',
  'resourceRequirements',
  'firelensConfiguration',
  'credentialSpecs',
]);

/**
 * Fargate task sizes (developer guide, "Task CPU and memory" for Fargate): CPU units → allowed memory MiB.
 */
const FARGATE_SIZES: [number, number[]][] = [
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let value = from; value <= to; value += step) out.push(value);
  return out;
}

/** Task-level cpu accepts units ("1024") or vCPU ("1 vCPU", "0.25 vcpu"); ECS stores units as a string. */
export function parseCpu(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value);
  if (!match?.[1]) return undefined;
  const number = Number(match[1]);
  return match[2] ? Math.round(number * 1024) : number;
}

/** Task-level memory accepts MiB ("3072") or GB ("3 GB", "3GB"); ECS stores MiB as a string. */
export function parseMemory(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(gb|mb|mib|gib)?\s*$/i.exec(value);
  if (!match?.[1]) return undefined;
  const number = Number(match[1]);
  return match[2] && /^g/i.test(match[2]) ? Math.round(number * 1024) : number;
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/**
 * Validates a RegisterTaskDefinition request: its members, family, containers and task size. Messages are those ECS
 * returns for the same mistakes.
 */
export function validateRegisterInput(input: JsonObject): void {
  validateRequestMembers(input);
  validateFamily(input.family);
  const containers = validateContainers(input.containerDefinitions);
  validateTaskSize(input, containers);
}

function validateRequestMembers(input: JsonObject): void {
  for (const key of Object.keys(input)) {
    if (DESCRIBE_ONLY.has(key)) {
      // botocore/the CLI reject these client-side ("Unknown parameter in input"); SDK v3 silently drops them.
      // The simulator rejects them so that a raw describe output passed through is caught.
      throw clientError(
        `Unknown parameter in input: "${key}". It is a field of DescribeTaskDefinition's output, not a RegisterTaskDefinition parameter.`,
      );
    }
    if (key === 'taskDefinition' && asObject(input[key])) {
      throw clientError(
        'Unknown parameter in input: "taskDefinition". Pass the task definition itself, not the DescribeTaskDefinition wrapper {"taskDefinition": {...}}.',
      );
    }
    if (!REQUEST_MEMBERS.has(key)) {
      throw clientError(`Unknown parameter in input: "${key}", must be one of: ${[...REQUEST_MEMBERS].join(', ')}`);
    }
  }
}

function validateFamily(family: unknown): void {
  if (typeof family !== 'string' || family === '') throw clientError('Family should not be null or empty.');
  if (!NAME.test(family)) {
    throw clientError(
      'Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.',
    );
  }
}

function validateContainers(containers: unknown): unknown[] {
  if (!Array.isArray(containers) || containers.length === 0) {
    throw clientError('Container list cannot be empty.');
  }
  const names = new Set<string>();
  for (const raw of containers) {
    const container = asObject(raw);
    if (!container) throw clientError('Container definition should be an object.');
    for (const key of Object.keys(container)) {
      if (!CONTAINER_MEMBERS.has(key)) throw clientError(`Unknown parameter in containerDefinitions: "${key}".`);
    }
    const name = container.name;
    if (typeof name !== 'string' || name === '') throw clientError('Container.name should not be null or empty.');
    if (!NAME.test(name)) {
      throw clientError(
        `Container.name contains invalid characters: '${name}'. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.`,
      );
    }
    if (names.has(name)) throw clientError(`Duplicate container names are not allowed: '${name}'.`);
    names.add(name);
    if (typeof container.image !== 'string' || container.image.trim() === '') {
      throw clientError('Container.image should not be null or empty.');
    }
  }
  if (!containers.some((raw) => asObject(raw)?.essential !== false)) {
    throw clientError('At least one essential container is required.');
  }
  return containers;
}

/** Task-level cpu and memory: Fargate's sizes and rules, or per-container memory on EC2. */
function validateTaskSize(input: JsonObject, containers: unknown[]): void {
  const compatibilities = Array.isArray(input.requiresCompatibilities) ? input.requiresCompatibilities : [];
  const fargate = compatibilities.includes('FARGATE');
  const cpu = typeof input.cpu === 'string' ? parseCpu(input.cpu) : undefined;
  const memory = typeof input.memory === 'string' ? parseMemory(input.memory) : undefined;
  if (input.cpu !== undefined && cpu === undefined) throw clientError(`Invalid 'cpu' setting for task: ${input.cpu}.`);
  if (input.memory !== undefined && memory === undefined) {
    throw clientError(`Invalid 'memory' setting for task: ${input.memory}.`);
  }
  if (fargate) {
    // Developer guide, Fargate task definition parameters: awsvpc only, task-level cpu and memory required,
    // and awslogs needs the execution role.
    if ((input.networkMode ?? 'awsvpc') !== 'awsvpc') {
      throw clientError("Fargate only supports network mode 'awsvpc'.");
    }
    if (cpu === undefined) throw clientError("Fargate requires that 'cpu' be defined at the task level.");
    if (memory === undefined) throw clientError("Fargate requires that 'memory' be defined at the task level.");
    const allowed = FARGATE_SIZES.find(([units]) => units === cpu)?.[1];
    if (!allowed?.includes(memory)) {
      throw clientError(
        `No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`,
      );
    }
    const usesAwslogs = containers.some((raw) => asObject(asObject(raw)?.logConfiguration)?.logDriver === 'awslogs');
    if (usesAwslogs && typeof input.executionRoleArn !== 'string') {
      throw clientError('Fargate requires task definition to have execution role ARN to support log driver awslogs.');
    }
  } else if (memory === undefined) {
    // ContainerDefinition.memory: required per container when there is no task-level memory (EC2).
    for (const raw of containers) {
      const container = asObject(raw);
      if (container && container.memory === undefined && container.memoryReservation === undefined) {
        throw clientError(
          `Invalid setting for container '${String(container.name)}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
        );
      }
    }
  }
}

/** The TaskDefinition object as DescribeTaskDefinition returns it, with ECS's defaults filled in. */
export function buildTaskDefinition(
  input: JsonObject,
  arn: string,
  revision: number,
  registeredAt: Date,
  registeredBy: string,
): JsonObject {
  const networkMode = (input.networkMode as string | undefined) ?? 'bridge';
  const compatibilities = (input.requiresCompatibilities as string[] | undefined) ?? [];
  const containerDefinitions = (input.containerDefinitions as JsonObject[]).map((container): JsonObject => {
    const portMappings = ((container.portMappings as JsonObject[] | undefined) ?? []).map((mapping) => ({
      ...mapping,
      // awsvpc: hostPort equals containerPort (PortMapping data type).
      ...(networkMode === 'awsvpc' && mapping.containerPort !== undefined && mapping.hostPort === undefined
        ? { hostPort: mapping.containerPort }
        : {}),
      protocol: mapping.protocol ?? 'tcp',
    }));
    return {
      cpu: 0,
      ...container,
      portMappings,
      essential: container.essential ?? true,
      environment: container.environment ?? [],
      mountPoints: container.mountPoints ?? [],
      volumesFrom: container.volumesFrom ?? [],
      systemControls: container.systemControls ?? [],
    };
  });
  const requiresAttributes: JsonObject[] = [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }];
  if (networkMode === 'awsvpc') requiresAttributes.push({ name: 'ecs.capability.task-eni' });
  if (containerDefinitions.some((c) => (c.logConfiguration as JsonObject | undefined)?.logDriver === 'awslogs')) {
    requiresAttributes.push({ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' });
    if (typeof input.executionRoleArn === 'string') {
      requiresAttributes.push({ name: 'ecs.capability.execution-role-awslogs' });
    }
  }
  if (typeof input.taskRoleArn === 'string') {
    requiresAttributes.push({ name: 'com.amazonaws.ecs.capability.task-iam-role' });
  }
  const out: JsonObject = {
    taskDefinitionArn: arn,
    containerDefinitions,
    family: input.family,
  };
  if (input.taskRoleArn !== undefined) out.taskRoleArn = input.taskRoleArn;
  if (input.executionRoleArn !== undefined) out.executionRoleArn = input.executionRoleArn;
  Object.assign(out, {
    networkMode,
    revision,
    volumes: input.volumes ?? [],
    status: 'ACTIVE',
    requiresAttributes,
    placementConstraints: input.placementConstraints ?? [],
    // TaskDefinition.compatibilities: awsvpc definitions are compatible with both launch types.
    compatibilities: networkMode === 'awsvpc' ? ['EC2', 'FARGATE'] : ['EC2'],
    requiresCompatibilities: compatibilities,
  });
  if (typeof input.cpu === 'string') out.cpu = String(parseCpu(input.cpu));
  if (typeof input.memory === 'string') out.memory = String(parseMemory(input.memory));
  for (const key of [
    'runtimePlatform',
    'pidMode',
    'ipcMode',
    'proxyConfiguration',
    'inferenceAccelerators',
    'ephemeralStorage',
    'enableFaultInjection',
  ]) {
    if (input[key] !== undefined) out[key] = input[key];
  }
  out.registeredAt = registeredAt;
  out.registeredBy = registeredBy;
  return out;
}
