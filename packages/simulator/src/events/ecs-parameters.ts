/**
 * The ECS target of an EventBridge rule or an EventBridge Scheduler schedule (`EcsParameters`, the same members in
 * both API references): validated as both services validate it, and copied member by member so an answer holds
 * exactly what was put (a later read returns the target as it was written, unknown members dropped).
 */
import { AwsServiceError } from '../contract.js';

type Json = Record<string, unknown>;

const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL'];
const ASSIGN_PUBLIC_IP = ['ENABLED', 'DISABLED'];
const PROPAGATE_TAGS = ['TASK_DEFINITION'];
/** EcsParameters.TaskDefinitionArn: an ARN, or (as both references allow) family:revision. */
const TASK_DEFINITION = /^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/)?[A-Za-z0-9_-]{1,255}(:\d+)?$/;

const validation = (message: string) => new AwsServiceError('ValidationException', message);

/** EcsParameters of a target whose `Arn` is an ECS cluster, checked; `where` names the target in messages. */
export function checkEcsParameters(value: unknown, where: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validation(`EcsParameters must be a structure for target ${where}.`);
  }
  const parameters = value as Json;
  const arn = parameters.TaskDefinitionArn;
  if (typeof arn !== 'string' || arn === '') {
    throw validation(`Parameter(s) TaskDefinitionArn must be specified for target: ${where}.`);
  }
  if (arn.length > 1600 || !TASK_DEFINITION.test(arn)) {
    throw validation(`Parameter TaskDefinitionArn is not valid for target: ${where}.`);
  }
  const count = parameters.TaskCount;
  if (count !== undefined && (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 10)) {
    throw validation(`Parameter TaskCount is not valid for target: ${where}: it must be between 1 and 10.`);
  }
  const launchType = parameters.LaunchType;
  if (launchType !== undefined && !LAUNCH_TYPES.includes(launchType as string)) {
    throw validation(`Parameter LaunchType is not valid for target: ${where}: use one of ${LAUNCH_TYPES.join(', ')}.`);
  }
  if (launchType !== undefined && parameters.CapacityProviderStrategy !== undefined) {
    throw validation(
      `Parameter(s) LaunchType and CapacityProviderStrategy cannot both be specified for target: ${where}.`,
    );
  }
  const network = parameters.NetworkConfiguration as Json | undefined;
  if (launchType === 'FARGATE' && network?.awsvpcConfiguration === undefined) {
    throw validation(
      `Parameter(s) NetworkConfiguration must be specified for target: ${where} when LaunchType is FARGATE.`,
    );
  }
  const awsvpc = network?.awsvpcConfiguration as Json | undefined;
  if (awsvpc) {
    if (!Array.isArray(awsvpc.Subnets) || awsvpc.Subnets.length === 0 || awsvpc.Subnets.length > 16) {
      throw validation(`Parameter Subnets is not valid for target: ${where}: give 1 to 16 subnets.`);
    }
    if (
      awsvpc.SecurityGroups !== undefined &&
      (!Array.isArray(awsvpc.SecurityGroups) || awsvpc.SecurityGroups.length > 5)
    ) {
      throw validation(`Parameter SecurityGroups is not valid for target: ${where}: give at most 5 security groups.`);
    }
    if (awsvpc.AssignPublicIp !== undefined && !ASSIGN_PUBLIC_IP.includes(awsvpc.AssignPublicIp as string)) {
      throw validation(`Parameter AssignPublicIp is not valid for target: ${where}: use ENABLED or DISABLED.`);
    }
  }
  if (parameters.PropagateTags !== undefined && !PROPAGATE_TAGS.includes(parameters.PropagateTags as string)) {
    throw validation(`Parameter PropagateTags is not valid for target: ${where}: use TASK_DEFINITION.`);
  }
  return structuredClone(parameters);
}

/** An ECS cluster ARN (the `Arn` of an ECS target). */
export const isClusterArn = (arn: unknown): arn is string =>
  typeof arn === 'string' && /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255}$/.test(arn);

/** rate(…), cron(…) or at(…), as both services accept them (the value's grammar, not every calendar rule). */
export function validScheduleExpression(expression: string, at: boolean): boolean {
  if (/^rate\(\d+ (minute|minutes|hour|hours|day|days)\)$/.test(expression)) return true;
  if (/^cron\((\S+ ){5}\S+\)$/.test(expression)) return true;
  return at && /^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/.test(expression);
}
