/**
 * The AppSpec of an Amazon ECS deployment (CodeDeploy user guide, "AppSpec file structure for Amazon ECS
 * deployments"), as CreateDeployment's `AppSpecContent` carries it: YAML or JSON with `version`, `Resources` (one
 * `AWS::ECS::Service` target with `TaskDefinition` and `LoadBalancerInfo` ContainerName/ContainerPort) and optional
 * `Hooks`. Keys are matched without regard to case, as CodeDeploy reads them.
 */
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { AwsServiceError } from '../contract.js';
import { HOOK_EVENTS, type JsonObject } from './model.js';

export interface AppSpec {
  taskDefinition: string;
  containerName: string;
  containerPort: number;
  /** Lifecycle event name → Lambda function name. */
  hooks: Map<string, string>;
}

const invalidRevision = (message: string) => new AwsServiceError('InvalidRevisionException', message);

function key(object: JsonObject, name: string): unknown {
  const found = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return found === undefined ? undefined : object[found];
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * CreateDeployment's `revision` of type AppSpecContent: the content must match its sha256 when one is given, parse
 * as YAML (JSON is YAML), and describe one ECS service target. Problems are InvalidRevisionException.
 */
export function parseAppSpecRevision(revision: JsonObject): AppSpec {
  const content = isObject(revision.appSpecContent) ? revision.appSpecContent : undefined;
  const text = content?.content;
  if (typeof text !== 'string' || text === '') throw invalidRevision('AppSpecContent content must be specified.');
  const sha256 = content?.sha256;
  if (sha256 !== undefined && sha256 !== createHash('sha256').update(text).digest('hex')) {
    throw invalidRevision('The SHA-256 hash of the AppSpec content does not match the sha256 value given.');
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch {
    throw invalidRevision('The AppSpec content could not be parsed as YAML or JSON.');
  }
  if (!isObject(parsed)) throw invalidRevision('The AppSpec content must be a YAML or JSON object.');
  const resources = key(parsed, 'Resources');
  if (!Array.isArray(resources) || resources.length !== 1 || !isObject(resources[0])) {
    throw invalidRevision('The AppSpec file must list exactly one resource in Resources for an Amazon ECS deployment.');
  }
  const [target] = Object.values(resources[0]);
  if (!isObject(target) || key(target, 'Type') !== 'AWS::ECS::Service') {
    throw invalidRevision('The AppSpec resource must be of Type AWS::ECS::Service.');
  }
  const properties = key(target, 'Properties');
  if (!isObject(properties)) throw invalidRevision('The AppSpec resource must have Properties.');
  const taskDefinition = key(properties, 'TaskDefinition');
  if (typeof taskDefinition !== 'string' || taskDefinition === '') {
    throw invalidRevision('The AppSpec resource Properties must include TaskDefinition.');
  }
  const loadBalancer = key(properties, 'LoadBalancerInfo');
  const containerName = isObject(loadBalancer) ? key(loadBalancer, 'ContainerName') : undefined;
  const containerPort = isObject(loadBalancer) ? Number(key(loadBalancer, 'ContainerPort')) : Number.NaN;
  if (typeof containerName !== 'string' || containerName === '' || !Number.isInteger(containerPort)) {
    throw invalidRevision(
      'The AppSpec resource Properties must include LoadBalancerInfo with ContainerName and ContainerPort.',
    );
  }
  const hooks = new Map<string, string>();
  const hookList = key(parsed, 'Hooks');
  for (const entry of Array.isArray(hookList) ? hookList : []) {
    if (!isObject(entry)) throw invalidRevision('Each AppSpec hook must map a lifecycle event to a Lambda function.');
    for (const [event, fn] of Object.entries(entry)) {
      if (!HOOK_EVENTS.has(event) || typeof fn !== 'string') {
        throw invalidRevision(`The AppSpec hook ${event} is not a lifecycle event hook of an Amazon ECS deployment.`);
      }
      hooks.set(event, fn);
    }
  }
  return { taskDefinition, containerName, containerPort, hooks };
}
