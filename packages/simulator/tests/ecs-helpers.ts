/** Shared helpers for the ECS simulator tests (real SDK client over HTTP, simulated time stepped by hand). */
import {
  type Deployment,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import type { Simulator } from '../src/index.js';

export function ecsClient(sim: Simulator, maxAttempts = 1): ECSClient {
  return new ECSClient({
    region: sim.env.AWS_REGION,
    endpoint: sim.env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts,
  });
}

/** A Fargate task definition like the project's fixture, with a given image. */
export function fargateTaskDefinition(family: string, image: string) {
  return {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '1024',
    memory: '3072',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'app',
        image,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      },
    ],
  };
}

/** `PRIMARY:rev:IN_PROGRESS running/pending/desired failed` for each deployment, PRIMARY first. */
export function summarize(service: Service): string {
  return (service.deployments ?? [])
    .map((deployment: Deployment) => {
      const revision = deployment.taskDefinition?.split(':').pop();
      return `${deployment.status}:${revision}:${deployment.rolloutState} ${deployment.runningCount}/${deployment.pendingCount}/${deployment.desiredCount} f${deployment.failedTasks}`;
    })
    .join(' | ');
}

export async function describeService(client: ECSClient, cluster: string, service: string): Promise<Service> {
  const { services } = await client.send(new DescribeServicesCommand({ cluster, services: [service] }));
  const found = services?.[0];
  if (!found) throw new Error(`service ${service} not found`);
  return found;
}

/**
 * Polls DescribeServices, advancing simulated time by `stepMs` between polls, until `done` or `maxSteps`.
 * Returns the distinct consecutive deployment summaries seen (and the service at each), and the last service.
 */
export async function follow(
  sim: Simulator,
  client: ECSClient,
  cluster: string,
  serviceName: string,
  done: (service: Service) => boolean,
  options: { stepMs?: number; maxSteps?: number } = {},
): Promise<{ states: string[]; snapshots: Service[]; service: Service; steps: number }> {
  const stepMs = options.stepMs ?? 5_000;
  const maxSteps = options.maxSteps ?? 100;
  const states: string[] = [];
  const snapshots: Service[] = [];
  let service = await describeService(client, cluster, serviceName);
  let steps = 0;
  for (; steps < maxSteps; steps++) {
    const state = summarize(service);
    if (states.at(-1) !== state) {
      states.push(state);
      snapshots.push(service);
    }
    if (done(service)) break;
    sim.clock.advance(stepMs);
    service = await describeService(client, cluster, serviceName);
  }
  return { states, snapshots, service, steps };
}

export async function tasksOf(
  client: ECSClient,
  cluster: string,
  serviceName: string,
  desiredStatus: 'RUNNING' | 'STOPPED',
): Promise<Task[]> {
  const { taskArns = [] } = await client.send(new ListTasksCommand({ cluster, serviceName, desiredStatus }));
  if (taskArns.length === 0) return [];
  const { tasks = [] } = await client.send(new DescribeTasksCommand({ cluster, tasks: taskArns }));
  return tasks;
}

export const primaryOf = (service: Service) => service.deployments?.find((d) => d.status === 'PRIMARY');

/** Event messages oldest first (DescribeServices lists them newest first). */
export const eventMessages = (service: Service) => (service.events ?? []).map((event) => event.message ?? '').reverse();

/** The error a call that must fail threw. */
export async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

/** A staged (BLUE_GREEN, LINEAR, CANARY) service's image, target groups, listener rule, role and load balancers. */
export const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
export const TARGET_GROUP = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef';
export const ALTERNATE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/0123456789abcdef';
export const RULE = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/0123/4567/89ab';
export const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers';
export const LOAD_BALANCERS = [
  {
    targetGroupArn: TARGET_GROUP,
    containerName: 'app',
    containerPort: 8080,
    advancedConfiguration: { alternateTargetGroupArn: ALTERNATE, productionListenerRule: RULE, roleArn: ROLE },
  },
];
