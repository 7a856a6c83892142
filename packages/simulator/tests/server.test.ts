/**
 * The simulator's HTTP server: AWS JSON 1.1 framing (checked on the wire and through the real SDK), routing by
 * X-Amz-Target and path, call recording and fault injection.
 */
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Simulator, startSimulator } from '../src/index.js';
import { ecsClient, fargateTaskDefinition } from './ecs-helpers.js';

const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
const SIGNED =
  'AWS4-HMAC-SHA256 Credential=AKIASIMULATOR0000000/20250101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00';

let sim: Simulator;
let client: ECSClient;

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = ecsClient(sim);
  sim.ecs.seedService({
    cluster: 'main',
    serviceName: 'web',
    desiredCount: 1,
    taskDefinition: fargateTaskDefinition('web', 'img:1'),
  });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.faults.clear();
});

async function awsCall(operation: string, body: unknown, headers: Record<string, string> = { authorization: SIGNED }) {
  const response = await fetch(sim.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${ECS_TARGET}.${operation}`, ...headers },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number; attempts?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('AWS JSON 1.1 framing', () => {
  it('answers with the protocol content type, a request id and epoch-second timestamps', async () => {
    const { response, json } = await awsCall('DescribeTaskDefinition', { taskDefinition: 'web' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const registeredAt = (json.taskDefinition as { registeredAt: unknown }).registeredAt;
    expect(typeof registeredAt).toBe('number');
    expect(Math.abs((registeredAt as number) * 1000 - sim.clock.now())).toBeLessThan(120_000);
  });

  it('frames errors as status + x-amzn-errortype + {"__type", "message"}', async () => {
    const { response, json } = await awsCall('DescribeServices', { cluster: 'nope', services: ['web'] });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ClusterNotFoundException');
    expect(json).toEqual({ __type: 'ClusterNotFoundException', message: 'Cluster not found.' });
  });

  it('refuses an unsigned request and an unknown operation', async () => {
    const unsigned = await awsCall('ListClusters', {}, {});
    expect(unsigned.response.status).toBe(403);
    expect(unsigned.json.__type).toBe('MissingAuthenticationTokenException');
    const unknown = await awsCall('LaunchRockets', {});
    expect(unknown.response.status).toBe(400);
    expect(unknown.json).toEqual({ __type: 'UnknownOperationException', message: 'Unknown operation LaunchRockets' });
  });

  it('gives the SDK Date objects and the modelled exception classes', async () => {
    const { services } = await client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] }));
    expect(services?.[0]?.createdAt).toBeInstanceOf(Date);
    const error = await client
      .send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] }))
      .catch((e) => e);
    expect(error.constructor.name).toBe('ClusterNotFoundException');
    expect(error.$fault).toBe('client');
  });
});

describe('call recording', () => {
  it('records every call with its parameters, status and error code', async () => {
    const from = sim.calls.length;
    await client.send(new ListTaskDefinitionsCommand({ familyPrefix: 'web' }));
    await failure(client.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })));
    expect(
      sim.calls
        .slice(from)
        .map(({ api, operation, params, status, error }) => ({ api, operation, params, status, error })),
    ).toEqual([
      { api: 'ecs', operation: 'ListTaskDefinitions', params: { familyPrefix: 'web' }, status: 200, error: undefined },
      {
        api: 'ecs',
        operation: 'DescribeServices',
        params: { cluster: 'nope', services: ['web'] },
        status: 400,
        error: 'ClusterNotFoundException',
      },
    ]);
    expect(sim.callsOf('ListTaskDefinitions').length).toBeGreaterThanOrEqual(1);
    expect(typeof sim.calls[from]?.time).toBe('number');
  });
});

describe('IAM actions', () => {
  it('lists the actions the AWS calls needed, with iam:PassRole for task definitions that pass roles', async () => {
    const fresh = await startSimulator({ timeScale: 0 });
    try {
      const freshClient = ecsClient(fresh);
      await freshClient.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('roles', 'img:1') as never));
      await failure(freshClient.send(new DescribeServicesCommand({ cluster: 'nope', services: ['web'] })));
      expect(fresh.iamActions()).toEqual(['ecs:DescribeServices', 'ecs:RegisterTaskDefinition', 'iam:PassRole']);
      // Tags on a create call are authorized as ecs:TagResource too; an empty list is no tags.
      await freshClient.send(
        new RegisterTaskDefinitionCommand({ ...fargateTaskDefinition('roles', 'img:2'), tags: [] } as never),
      );
      expect(fresh.iamActions()).not.toContain('ecs:TagResource');
      await freshClient.send(
        new RegisterTaskDefinitionCommand({
          ...fargateTaskDefinition('roles', 'img:3'),
          tags: [{ key: 'team', value: 'web' }],
        } as never),
      );
      expect(fresh.iamActions()).toEqual([
        'ecs:DescribeServices',
        'ecs:RegisterTaskDefinition',
        'ecs:TagResource',
        'iam:PassRole',
      ]);
    } finally {
      await fresh.close();
    }
  });
});

describe('faults', () => {
  it.each<[string, Parameters<Simulator['faults']['inject']>[0], { name: string; message: RegExp; status: number }]>([
    ['throttle', { kind: 'throttle' }, { name: 'ThrottlingException', message: /^Rate exceeded$/, status: 400 }],
    ['server-error', { kind: 'server-error' }, { name: 'ServerException', message: /internal error/, status: 500 }],
    [
      'expired-token',
      { kind: 'expired-token' },
      {
        name: 'ExpiredTokenException',
        message: /^The security token included in the request is expired$/,
        status: 400,
      },
    ],
    [
      'access-denied',
      { kind: 'access-denied' },
      {
        name: 'AccessDeniedException',
        message:
          /^User: arn:aws:sts::123456789012:assumed-role\/[^ ]+ is not authorized to perform: ecs:DescribeServices on resource: arn:aws:ecs:us-east-1:123456789012:service\/main\/web because no identity-based policy allows the ecs:DescribeServices action$/,
        status: 400,
      },
    ],
  ])('%s comes through the SDK with its name, message and status, and is recorded', async (_kind, spec, expected) => {
    sim.faults.inject({ ...spec, api: 'ecs', operation: 'DescribeServices' });
    const from = sim.calls.length;
    const error = await failure(client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] })));
    expect(error.name).toBe(expected.name);
    expect(error.message).toMatch(expected.message);
    expect(error.status).toBe(expected.status);
    expect(sim.calls.slice(from).map((call) => [call.operation, call.status, call.error])).toEqual([
      ['DescribeServices', expected.status, expected.name],
    ]);
    // Used up: the next call succeeds.
    await client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] }));
  });

  it('skip lets that many matching calls through before the fault applies', async () => {
    sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'throttle', skip: 2 });
    const from = sim.calls.length;
    for (let i = 0; i < 2; i++) await client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] }));
    await failure(client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] })));
    await client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] }));
    expect(sim.calls.slice(from).map((call) => call.status)).toEqual([200, 200, 400, 200]);
  });

  it('when applies the fault only to calls made while it holds, and is not used up by the others', async () => {
    let armed = false;
    sim.faults.inject({ api: 'ecs', operation: 'DescribeServices', kind: 'throttle', when: () => armed });
    const from = sim.calls.length;
    await client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] }));
    armed = true;
    await failure(client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] })));
    await client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] }));
    expect(sim.calls.slice(from).map((call) => call.status)).toEqual([200, 400, 200]);
  });

  it.each<[string, () => Promise<unknown>, string]>([
    [
      'UpdateService names the service ARN',
      () =>
        client.send(
          new UpdateServiceCommand({ cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/main', service: 'web' }),
        ),
      'ecs:UpdateService on resource: arn:aws:ecs:us-east-1:123456789012:service/main/web ',
    ],
    [
      'RegisterTaskDefinition names * (no resource-level permissions)',
      () => client.send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('web', 'img:2') as never)),
      'ecs:RegisterTaskDefinition on resource: * ',
    ],
    [
      'DescribeClusters names the cluster ARN',
      () => client.send(new DescribeClustersCommand({ clusters: ['main'] })),
      'ecs:DescribeClusters on resource: arn:aws:ecs:us-east-1:123456789012:cluster/main ',
    ],
  ])('access-denied for %s', async (_what, call, fragment) => {
    sim.faults.inject({ kind: 'access-denied' });
    const error = await failure(call());
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toContain(`is not authorized to perform: ${fragment}`);
  });

  it('matches only the given operation and api, and counts down', async () => {
    sim.faults.inject({ api: 'ecr', kind: 'throttle', count: 5 });
    sim.faults.inject({ api: 'ecs', operation: 'DescribeClusters', kind: 'server-error', count: 2 });
    await client.send(new DescribeServicesCommand({ cluster: 'main', services: ['web'] }));
    expect((await failure(client.send(new DescribeClustersCommand({})))).status).toBe(500);
    expect((await failure(client.send(new DescribeClustersCommand({})))).status).toBe(500);
    await client.send(new DescribeClustersCommand({}));
    expect(sim.faults.pending()).toEqual([{ api: 'ecr', kind: 'throttle', count: 5 }]);
  });

  it('Infinity lasts until clear(); the SDK retries server errors up to maxAttempts', async () => {
    const retrying = ecsClient(sim, 2);
    sim.faults.inject({ operation: 'DescribeClusters', kind: 'server-error', count: Number.POSITIVE_INFINITY });
    const from = sim.calls.length;
    expect((await failure(retrying.send(new DescribeClustersCommand({})))).status).toBe(500);
    expect(sim.calls.slice(from).map((call) => call.status)).toEqual([500, 500]);
    sim.faults.clear();
    await retrying.send(new DescribeClustersCommand({}));
  });

  it('drop destroys the connection without an answer; latency delays the answer', async () => {
    sim.faults.inject({ operation: 'DescribeClusters', kind: 'drop' });
    const dropped = await client.send(new DescribeClustersCommand({})).catch((error: Error) => error);
    expect(dropped).toBeInstanceOf(Error);
    expect(sim.callsOf('DescribeClusters').at(-1)).toMatchObject({ status: 0, error: 'dropped' });

    sim.faults.inject({ operation: 'DescribeClusters', kind: 'latency', latencyMs: 300 });
    const started = Date.now();
    const answered = await client.send(new DescribeClustersCommand({}));
    expect(answered.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default', reason: 'MISSING' },
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('hang accepts the call and never answers until the client gives up; applied: true makes it take effect first', async () => {
    sim.faults.inject({ operation: 'DescribeClusters', kind: 'hang' });
    const hung = await client
      .send(new DescribeClustersCommand({}), { abortSignal: AbortSignal.timeout(300) })
      .catch((error: Error) => error);
    expect(hung).toMatchObject({ name: 'AbortError' });
    expect(sim.callsOf('DescribeClusters').at(-1)).toMatchObject({ status: 0, error: 'hung' });

    const revisions = async () =>
      (await client.send(new ListTaskDefinitionsCommand({ familyPrefix: 'hung' }))).taskDefinitionArns ?? [];
    sim.faults.inject({ operation: 'RegisterTaskDefinition', kind: 'hang' });
    await client
      .send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('hung', 'img:1') as never), {
        abortSignal: AbortSignal.timeout(300),
      })
      .catch(() => undefined);
    expect(await revisions()).toEqual([]);
    sim.faults.inject({ operation: 'RegisterTaskDefinition', kind: 'hang', applied: true });
    await client
      .send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('hung', 'img:1') as never), {
        abortSignal: AbortSignal.timeout(300),
      })
      .catch(() => undefined);
    expect(await revisions()).toEqual(['arn:aws:ecs:us-east-1:123456789012:task-definition/hung:1']);
    expect(sim.callsOf('RegisterTaskDefinition').at(-1)).toMatchObject({ status: 0, error: 'hung after applying' });
  });

  it('lost-answer applies the call, then resets the connection before any answer', async () => {
    sim.faults.inject({ operation: 'RegisterTaskDefinition', kind: 'lost-answer' });
    const lost = await client
      .send(new RegisterTaskDefinitionCommand(fargateTaskDefinition('lost', 'img:1') as never))
      .catch((error: Error) => error);
    expect(lost).toBeInstanceOf(Error);
    const listed = await client.send(new ListTaskDefinitionsCommand({ familyPrefix: 'lost' }));
    expect(listed.taskDefinitionArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:task-definition/lost:1']);
    expect(sim.callsOf('RegisterTaskDefinition').at(-1)).toMatchObject({ status: 0, error: 'answer lost' });
  });
});

describe('GitHub routing', () => {
  it('answers 404 with GitHub’s body for a path no side serves, and records it', async () => {
    const response = await fetch(`${sim.url}/no/such/path`, {
      headers: { authorization: `Bearer ${sim.env.GITHUB_TOKEN}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    expect(sim.calls.at(-1)).toMatchObject({ api: 'github', operation: 'GET /no/such/path', status: 404 });
  });

  it('applies GitHub faults by route template: throttle → 403 rate limit, server-error → 502', async () => {
    sim.faults.inject({
      api: 'github',
      operation: 'GET /repos/{owner}/{repo}/git/matching-refs/{ref}',
      kind: 'throttle',
    });
    sim.faults.inject({ api: 'github', operation: 'POST /repos/{owner}/{repo}/git/tags', kind: 'server-error' });
    const limited = await fetch(`${sim.url}/repos/octo/app/git/matching-refs/tags/ecs-deploy-`);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await limited.json()) as { message: string }).message).toMatch(/^API rate limit exceeded/);
    const broken = await fetch(`${sim.url}/repos/octo/app/git/tags`, { method: 'POST', body: '{}' });
    expect(broken.status).toBe(502);
    expect(sim.faults.pending()).toEqual([]);
  });
});

describe('environment', () => {
  it('points every client at the one server', () => {
    expect(sim.env).toMatchObject({
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_ECS: sim.url,
      AWS_ENDPOINT_URL_ECR: sim.url,
      GITHUB_API_URL: sim.url,
    });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.env.GITHUB_TOKEN.length).toBeGreaterThan(10);
  });

  it('an SDK client built only from env (AWS_ENDPOINT_URL_ECS) reaches the simulator', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, sim.env);
    try {
      const fromEnv = new ECSClient({ maxAttempts: 1 });
      const { clusters } = await fromEnv.send(new DescribeClustersCommand({ clusters: ['main'] }));
      expect(clusters?.[0]?.clusterName).toBe('main');
    } finally {
      for (const key of Object.keys(sim.env)) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
});
