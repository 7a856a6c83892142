/**
 * The service definition file (input `service-definition`): the service settings UpdateService accepts, written in
 * CreateService's shape (as ecspresso's service definition), checked before any call. Unknown keys, wrong types and
 * keys UpdateService cannot apply are each named with the fix, all at once.
 */
import type { UpdateServiceRequest } from '@aws-sdk/client-ecs';

/** The settings a file may set: applied in the same UpdateService as the new task definition. */
export type ServiceSettings = Omit<
  UpdateServiceRequest,
  'cluster' | 'service' | 'taskDefinition' | 'forceNewDeployment' | 'deploymentController'
>;

type Check = (value: unknown, path: string) => string[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);

const integer =
  (min: number, max = 2_147_483_647): Check =>
  (value, path) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? []
      : [`${path} must be a whole number from ${min} to ${max}, got ${show(value)}`];
const boolean: Check = (value, path) =>
  typeof value === 'boolean' ? [] : [`${path} must be true or false, got ${show(value)}`];
const text: Check = (value, path) =>
  typeof value === 'string' && value !== '' ? [] : [`${path} must be a non-empty string, got ${show(value)}`];
const oneOf =
  (...allowed: string[]): Check =>
  (value, path) =>
    allowed.includes(value as string) ? [] : [`${path} must be one of ${allowed.join(', ')}, got ${show(value)}`];
const list =
  (item: Check): Check =>
  (value, path) =>
    Array.isArray(value)
      ? value.flatMap((entry, i) => item(entry, `${path}[${i}]`))
      : [`${path} must be a list, got ${show(value)}`];
const anyObject: Check = (value, path) => (isObject(value) ? [] : [`${path} must be an object, got ${show(value)}`]);

/** An object with known keys (`required` ones must be there); unknown keys are named with the closest known one. */
function shape(fields: Record<string, Check>, required: string[] = []): Check {
  return (value, path) => {
    if (!isObject(value)) return [`${path} must be an object, got ${show(value)}`];
    const problems: string[] = [];
    for (const key of required) if (!(key in value)) problems.push(`${path}.${key} is required`);
    for (const [key, inner] of Object.entries(value)) {
      const check = fields[key];
      if (check) problems.push(...check(inner, `${path}.${key}`));
      else problems.push(unknownKey(`${path}.${key}`, key, Object.keys(fields)));
    }
    return problems;
  };
}

function unknownKey(path: string, key: string, known: string[]): string {
  const close = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase()) ?? nearest(key, known);
  return `${path} is not a setting ECS knows${close ? ` (did you mean ${close}?)` : ''}`;
}

/** The known key at edit distance ≤ 2, if any. */
function nearest(key: string, known: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const kept = row[j] ?? 0;
        row[j] = Math.min(kept + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length] ?? Number.POSITIVE_INFINITY;
  };
  return known.find((candidate) => distance(key, candidate) <= 2);
}

const DEPLOYMENT_CONFIGURATION = shape({
  maximumPercent: integer(0),
  minimumHealthyPercent: integer(0, 100),
  deploymentCircuitBreaker: shape({ enable: boolean, rollback: boolean }, ['enable', 'rollback']),
  alarms: shape({ alarmNames: list(text), enable: boolean, rollback: boolean }, ['alarmNames', 'enable', 'rollback']),
  strategy: oneOf('ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'),
  bakeTimeInMinutes: integer(0, 1440),
  lifecycleHooks: list(anyObject),
  linearConfiguration: anyObject,
  canaryConfiguration: anyObject,
});

/** The keys a file may set, each with its check. */
const SETTINGS: Record<string, Check> = {
  deploymentConfiguration: DEPLOYMENT_CONFIGURATION,
  networkConfiguration: shape(
    {
      awsvpcConfiguration: shape(
        { subnets: list(text), securityGroups: list(text), assignPublicIp: oneOf('ENABLED', 'DISABLED') },
        ['subnets'],
      ),
    },
    ['awsvpcConfiguration'],
  ),
  serviceConnectConfiguration: shape(
    {
      enabled: boolean,
      namespace: text,
      services: list(anyObject),
      logConfiguration: anyObject,
      accessLogConfiguration: anyObject,
    },
    ['enabled'],
  ),
  loadBalancers: list(
    shape({
      targetGroupArn: text,
      loadBalancerName: text,
      containerName: text,
      containerPort: integer(1, 65_535),
      advancedConfiguration: anyObject,
    }),
  ),
  desiredCount: integer(0),
  capacityProviderStrategy: list(
    shape({ capacityProvider: text, weight: integer(0, 1000), base: integer(0, 100_000) }, ['capacityProvider']),
  ),
  platformVersion: text,
  healthCheckGracePeriodSeconds: integer(0),
  enableECSManagedTags: boolean,
  propagateTags: oneOf('TASK_DEFINITION', 'SERVICE', 'NONE'),
  enableExecuteCommand: boolean,
  volumeConfigurations: list(shape({ name: text, managedEBSVolume: anyObject }, ['name'])),
  availabilityZoneRebalancing: oneOf('ENABLED', 'DISABLED'),
  placementConstraints: list(anyObject),
  placementStrategy: list(anyObject),
  serviceRegistries: list(anyObject),
  vpcLatticeConfigurations: list(anyObject),
};

/** CreateService keys UpdateService does not apply, and why (the fix is in the words). */
const NOT_BY_UPDATE: Record<string, string> = {
  serviceName: 'the service is the `service` input',
  cluster: 'the cluster is the `cluster` input',
  taskDefinition: 'the task definition is the `task-definition` or `task-definition-arn` input',
  launchType: 'UpdateService cannot change a launch type; a capacityProviderStrategy can replace it',
  schedulingStrategy: 'it is set when the service is created and cannot change',
  role: 'the service role is set when the service is created and cannot change',
  clientToken: 'it is for CreateService only',
  tags: 'UpdateService does not change tags; tag the service with TagResource',
  deploymentController:
    'this step follows the deployment with the follower of the current controller; change the controller outside a deploy',
  forceNewDeployment: 'it is the `force-new-deployment` input',
};

/** The settings of a parsed file, or every problem found (each a sentence naming the key). */
export function validateServiceDefinition(json: unknown): { settings: ServiceSettings } | { problems: string[] } {
  if (!isObject(json)) return { problems: ['it is not a JSON object'] };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    const check = SETTINGS[key];
    if (check) problems.push(...check(value, key));
    else if (key in NOT_BY_UPDATE) problems.push(`${key} has no effect on UpdateService: ${NOT_BY_UPDATE[key]}`);
    else problems.push(unknownKey(key, key, Object.keys(SETTINGS)));
  }
  if (Object.keys(json).length === 0) problems.push('it sets nothing');
  return problems.length > 0 ? { problems } : { settings: json as ServiceSettings };
}
