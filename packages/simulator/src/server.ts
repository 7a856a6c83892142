/**
 * The simulator's one HTTP server (127.0.0.1). AWS calls are told apart by `X-Amz-Target` and spoken in
 * AWS JSON 1.1; everything else goes to the GitHub REST side. Owns call recording and fault injection.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type ApiName,
  type AwsApiName,
  type AwsJsonService,
  type AwsQueryService,
  AwsServiceError,
  type CallRecord,
  type GitHubApiSide,
} from './contract.js';
import type { FaultSpec, Faults } from './faults.js';
import { QueryParams, toXml } from './query/protocol.js';

export interface SimulatorServerOptions {
  port?: number;
  aws: AwsJsonService[];
  /** EC2 and Elastic Load Balancing v2, spoken over the AWS Query protocols. */
  awsQuery?: AwsQueryService[];
  github: GitHubApiSide;
  faults: Faults;
  calls: CallRecord[];
  accountId: string;
  region: string;
}

export interface SimulatorServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const AWS_JSON = 'application/x-amz-json-1.1';
const GITHUB_DOCS = 'https://docs.github.com/rest';

/** AWS JSON 1.1 timestamps are epoch seconds as JSON numbers (Smithy `timestampFormat: epoch-seconds`). */
function awsJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : replaced;
  });
}

/** GitHub REST timestamps are ISO 8601 strings (Date#toJSON already does this). */
function githubJson(value: unknown): string {
  return JSON.stringify(value);
}

export async function startServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      // A bug in a side: answer 500 rather than hang the client.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`simulator error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handle(req: IncomingMessage, res: ServerResponse, options: SimulatorServerOptions): Promise<void> {
  const body = await readBody(req);
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && req.method === 'POST') {
    await handleAws(req, res, target, body, options);
  } else if (req.method === 'POST' && isForm(req)) {
    await handleQuery(req, res, body, options);
  } else {
    await handleGitHub(req, res, body, options);
  }
}

// ---------------------------------------------------------------------------------------------- AWS JSON 1.1

function sendAwsError(res: ServerResponse, error: AwsServiceError): void {
  // Error framing of the awsJson1_1 protocol: HTTP status, `x-amzn-errortype` and `__type` in the body.
  // The SDK takes the error name from either and the message from `message`.
  const payload = awsJson({ __type: error.code, message: error.message });
  res.writeHead(error.status, {
    'content-type': AWS_JSON,
    'x-amzn-requestid': randomUUID(),
    'x-amzn-errortype': error.code,
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

async function handleAws(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  body: Buffer,
  options: SimulatorServerOptions,
): Promise<void> {
  const dot = target.lastIndexOf('.');
  const prefix = target.slice(0, dot);
  const operation = target.slice(dot + 1);
  const service = options.aws.find((candidate) => candidate.targetPrefix === prefix);
  const api: ApiName = service?.api ?? 'ecs';
  let params: Record<string, unknown> = {};
  const record = (status: number, error?: string): void => {
    const call: CallRecord = { api, operation, params, time: Date.now(), status };
    if (error !== undefined) call.error = error;
    options.calls.push(call);
  };
  const fail = (error: AwsServiceError): void => {
    record(error.status, error.code);
    sendAwsError(res, error);
  };

  try {
    const text = body.toString('utf8');
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    params = parsed as Record<string, unknown>;
  } catch {
    fail(new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.'));
    return;
  }
  if (!service || dot < 0) {
    fail(new AwsServiceError('UnknownOperationException', `Unknown operation ${target}`));
    return;
  }
  // SigV4 is accepted without verification, but a request with no signature at all is refused as AWS does.
  if (!req.headers.authorization) {
    fail(new AwsServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403));
    return;
  }

  const fault = options.faults.take(api, operation);
  if (fault) {
    if (fault.kind === 'drop') {
      record(0, 'dropped');
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'hang') {
      // Accepted and never answered: the client's own timeout (or cancel) is what ends the call.
      if (fault.applied) await service.handle(operation, params).catch(() => undefined);
      record(0, fault.applied ? 'hung after applying' : 'hung');
      if (!req.socket.destroyed) await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
      return;
    }
    if (fault.kind === 'lost-answer') {
      // The call takes effect, then the connection is reset before any answer: the client cannot tell.
      await service.handle(operation, params).catch(() => undefined);
      record(0, 'answer lost');
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'latency') {
      await delay(fault.latencyMs ?? 1_000);
    } else {
      fail(awsFaultError(fault, api, operation, params, options));
      return;
    }
  }

  try {
    const result = await service.handle(operation, params);
    const payload = awsJson(result ?? {});
    record(200);
    res.writeHead(200, {
      'content-type': AWS_JSON,
      'x-amzn-requestid': randomUUID(),
      'content-length': Buffer.byteLength(payload),
    });
    res.end(payload);
  } catch (error) {
    if (error instanceof AwsServiceError) {
      fail(error);
      return;
    }
    record(500, 'InternalError');
    throw error;
  }
}

function awsFaultError(
  fault: FaultSpec,
  api: AwsApiName,
  operation: string,
  params: Record<string, unknown>,
  options: SimulatorServerOptions,
): AwsServiceError {
  switch (fault.kind) {
    case 'throttle':
      // Both services model ThrottlingException-style errors with this message ("Rate exceeded").
      return new AwsServiceError('ThrottlingException', 'Rate exceeded', 400);
    case 'server-error':
      // ECS and ECR both model `ServerException` (HTTP 500) in their API references.
      return new AwsServiceError('ServerException', 'Service encountered an internal error.', 500);
    case 'expired-token':
      return new AwsServiceError('ExpiredTokenException', 'The security token included in the request is expired', 400);
    case 'access-denied': {
      // IAM's explicit wording for an identity-based deny (IAM User Guide, "Troubleshoot access denied error messages").
      const resource = resourceFor(api, operation, params, options);
      const action = `${api}:${operation}`;
      return new AwsServiceError(
        'AccessDeniedException',
        `User: arn:aws:sts::${options.accountId}:assumed-role/github-actions-deploy/GitHubActions is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
        400,
      );
    }
    default:
      return new AwsServiceError('ServerException', `unexpected fault ${fault.kind}`, 500);
  }
}

/**
 * The resource an IAM denial names, per the Service Authorization Reference ("Actions defined by Amazon ECS /
 * Amazon ECR", "Actions defined by Amazon CloudWatch Logs"): actions without resource-level permissions (task definitions, ListTasks, GetAuthorizationToken)
 * name `*`.
 */
function resourceFor(
  api: AwsApiName,
  operation: string,
  params: Record<string, unknown>,
  options: SimulatorServerOptions,
): string {
  // EC2's Describe* and Elastic Load Balancing's Describe* actions support no resource-level permissions.
  if (api === 'ec2' || api === 'elbv2') return '*';
  const prefix = `arn:aws:${api}:${options.region}:${options.accountId}`;
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : Array.isArray(value) ? text(value[0]) : undefined;
  const lastSegment = (value: string) => value.slice(value.lastIndexOf('/') + 1);
  if (api === 'logs') {
    // CloudWatch Logs: GetLogEvents acts on a log stream, FilterLogEvents and DescribeLogStreams on the log group.
    const identifier = text(params.logGroupIdentifier);
    const group = text(params.logGroupName) ?? identifier?.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '');
    if (!group) return '*';
    const stream = text(params.logStreamName);
    const groupArn = `${prefix}:log-group:${group}`;
    return operation === 'GetLogEvents' && stream ? `${groupArn}:log-stream:${stream}` : `${groupArn}:*`;
  }
  if (api === 'codedeploy') {
    // CodeDeploy: deployment groups are `deploymentgroup:<application>/<group>`; GetDeployment and the target calls act
    // on the deployment group of the deployment (named `*` here, where the simulator cannot tell without a lookup).
    const application = text(params.applicationName);
    const group = text(params.deploymentGroupName);
    if (application && group)
      return `arn:aws:codedeploy:${options.region}:${options.accountId}:deploymentgroup:${application}/${group}`;
    if (application) return `arn:aws:codedeploy:${options.region}:${options.accountId}:application:${application}`;
    const config = text(params.deploymentConfigName);
    if (config) return `arn:aws:codedeploy:${options.region}:${options.accountId}:deploymentconfig:${config}`;
    return '*';
  }
  if (api === 'ecr') {
    const repository = text(params.repositoryName);
    return repository ? `${prefix}:repository/${repository}` : '*';
  }
  const clusterRef = text(params.cluster) ?? text(params.clusters) ?? text(params.clusterName) ?? 'default';
  const cluster = lastSegment(clusterRef);
  const service = text(params.services) ?? text(params.service) ?? text(params.serviceName);
  switch (operation) {
    case 'CreateCluster':
    case 'DescribeClusters':
    case 'ListServices':
      return `${prefix}:cluster/${cluster}`;
    case 'DescribeTasks':
    case 'StopTask': {
      const task = text(params.tasks) ?? text(params.task);
      return task ? (task.startsWith('arn:') ? task : `${prefix}:task/${cluster}/${task}`) : '*';
    }
    case 'DescribeServiceDeployments':
      return text(params.serviceDeploymentArns) ?? '*';
    case 'CreateService':
    case 'UpdateService':
    case 'DescribeServices':
    case 'DeleteService':
    case 'ListServiceDeployments':
      if (!service) return '*';
      return service.startsWith('arn:') ? service : `${prefix}:service/${cluster}/${service}`;
    default:
      return '*';
  }
}

// ---------------------------------------------------------------------------------------------- AWS Query (XML)

function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

/**
 * EC2 (ec2Query) and Elastic Load Balancing v2 (awsQuery): the side is found by the `Version` field. Errors are
 * framed as each protocol does: awsQuery `<ErrorResponse><Error><Type/><Code/><Message/></Error>`, ec2Query
 * `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>`.
 */
async function handleQuery(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  options: SimulatorServerOptions,
): Promise<void> {
  const params = QueryParams.parse(body.toString('utf8'));
  const action = params.get('Action') ?? '';
  const service = options.awsQuery?.find((candidate) => candidate.version === params.get('Version'));
  const requestId = randomUUID();
  const send = (status: number, xml: string) => {
    const payload = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
    res.writeHead(status, {
      'content-type': 'text/xml;charset=UTF-8',
      'x-amzn-requestid': requestId,
      'content-length': Buffer.byteLength(payload),
    });
    res.end(payload);
  };
  const record = (status: number, error?: string): void => {
    const call: CallRecord = {
      api: service?.api ?? 'ec2',
      operation: action,
      params: params.toObject(),
      time: Date.now(),
      status,
    };
    if (error !== undefined) call.error = error;
    options.calls.push(call);
  };
  const fail = (error: AwsServiceError): void => {
    record(error.status, error.code);
    const message = toXml({ Code: error.code, Message: error.message }, 'member');
    if (service?.protocol === 'ec2Query') {
      send(
        error.status,
        `<Response><Errors><Error>${message}</Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      );
    } else {
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      send(
        error.status,
        `<ErrorResponse xmlns="${service?.xmlns ?? ''}"><Error><Type>${type}</Type>${message}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
    }
  };
  if (!service || action === '') {
    fail(new AwsServiceError('InvalidAction', `The action ${action || '(none)'} is not valid for this web service.`));
    return;
  }
  if (!req.headers.authorization) {
    fail(new AwsServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403));
    return;
  }
  const fault = options.faults.take(service.api, action);
  if (fault?.kind === 'hang') {
    // Accepted and never answered: the client's own timeout (or cancel) is what ends the call.
    record(0, 'hung');
    if (!req.socket.destroyed) await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
    return;
  }
  if (fault?.kind === 'drop' || fault?.kind === 'lost-answer') {
    // These sides serve reads only: a lost answer is a dropped connection.
    record(0, 'dropped');
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'latency') await delay(fault.latencyMs ?? 1_000);
  else if (fault) {
    const error = awsFaultError(fault, service.api, action, params.toObject(), options);
    // The Query APIs name throttling `Throttling` (ELBv2) and `RequestLimitExceeded` (EC2), access `AccessDenied`
    // (ELBv2) and `UnauthorizedOperation` (EC2).
    fail(new AwsServiceError(queryErrorCode(service, error.code), error.message, error.status));
    return;
  }
  try {
    const members = await service.handle(action, params);
    record(200);
    const itemTag = service.protocol === 'ec2Query' ? 'item' : 'member';
    const inner =
      service.protocol === 'ec2Query'
        ? `<requestId>${requestId}</requestId>${toXml(members, itemTag)}`
        : `<${action}Result>${toXml(members, itemTag)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`;
    send(200, `<${action}Response xmlns="${service.xmlns}">${inner}</${action}Response>`);
  } catch (error) {
    if (error instanceof AwsServiceError) {
      fail(error);
      return;
    }
    record(500, 'InternalError');
    throw error;
  }
}

function queryErrorCode(service: AwsQueryService, jsonCode: string): string {
  const ec2 = service.protocol === 'ec2Query';
  switch (jsonCode) {
    case 'ThrottlingException':
      return ec2 ? 'RequestLimitExceeded' : 'Throttling';
    case 'AccessDeniedException':
      return ec2 ? 'UnauthorizedOperation' : 'AccessDenied';
    case 'ServerException':
      return ec2 ? 'InternalError' : 'InternalFailure';
    default:
      return jsonCode;
  }
}

// ---------------------------------------------------------------------------------------------- GitHub REST

function sendGitHub(
  res: ServerResponse,
  status: number,
  body: unknown,
  raw?: Buffer,
  headers: Record<string, string> = {},
): void {
  const payload = raw ?? (body === undefined ? Buffer.alloc(0) : Buffer.from(githubJson(body)));
  const head: Record<string, string | number> = {
    'x-github-request-id': randomUUID().toUpperCase(),
    'x-github-api-version-selected': '2022-11-28',
    ...headers,
    'content-length': payload.length,
  };
  if (!raw && body !== undefined && !('content-type' in headers))
    head['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(status, head);
  res.end(payload);
}

function githubFault(fault: FaultSpec): { status: number; body: unknown; headers?: Record<string, string> } {
  switch (fault.kind) {
    case 'throttle':
      // GitHub REST docs, "Rate limits for the REST API": primary limit exhausted → 403 with x-ratelimit-remaining 0.
      return {
        status: 403,
        body: {
          message: 'API rate limit exceeded for installation ID 1.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
        },
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 60),
          'x-ratelimit-resource': 'core',
        },
      };
    case 'server-error':
      return { status: 502, body: { message: 'Server Error' } };
    case 'access-denied':
      return {
        status: 403,
        body: { message: 'Resource not accessible by integration', documentation_url: GITHUB_DOCS },
      };
    case 'expired-token':
      return { status: 401, body: { message: 'Bad credentials', documentation_url: GITHUB_DOCS } };
    default:
      return { status: 500, body: { message: `unexpected fault ${fault.kind}` } };
  }
}

async function handleGitHub(
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: Buffer,
  options: SimulatorServerOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const concrete = `${method} ${url.pathname}`;
  let body: unknown;
  const record = (operation: string, status: number, error?: string): void => {
    const call: CallRecord = { api: 'github', operation, params: body ?? {}, time: Date.now(), status };
    if (error !== undefined) call.error = error;
    options.calls.push(call);
  };
  if (rawBody.length > 0) {
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      record(concrete, 400, 'Problems parsing JSON');
      sendGitHub(res, 400, { message: 'Problems parsing JSON', documentation_url: GITHUB_DOCS });
      return;
    }
  }
  if (url.searchParams.size > 0 && body === undefined) body = Object.fromEntries(url.searchParams);

  const fault = options.faults.take('github', concrete);
  if (fault) {
    if (fault.kind === 'drop') {
      record(concrete, 0, 'dropped');
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'hang' || fault.kind === 'lost-answer') {
      const answer = async () => {
        await options.github.handle({
          method,
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
        });
      };
      if (fault.kind === 'lost-answer' || fault.applied) await answer().catch(() => undefined);
      record(concrete, 0, fault.kind === 'hang' ? (fault.applied ? 'hung after applying' : 'hung') : 'answer lost');
      if (fault.kind === 'lost-answer') req.socket.destroy();
      else if (!req.socket.destroyed) await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
      return;
    }
    if (fault.kind === 'latency') {
      await delay(fault.latencyMs ?? 1_000);
    } else {
      const answer = githubFault(fault);
      record(concrete, answer.status, (answer.body as { message: string }).message);
      sendGitHub(res, answer.status, answer.body, undefined, answer.headers);
      return;
    }
  }

  const response = await options.github.handle({
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
  });
  if (!response) {
    record(concrete, 404, 'Not Found');
    sendGitHub(res, 404, { message: 'Not Found', documentation_url: GITHUB_DOCS });
    return;
  }
  const failed = response.status >= 400;
  const message =
    failed && response.body && typeof response.body === 'object' && 'message' in response.body
      ? String((response.body as { message: unknown }).message)
      : failed
        ? String(response.status)
        : undefined;
  record(response.route, response.status, message);
  sendGitHub(res, response.status, response.body, response.raw, response.headers);
}
