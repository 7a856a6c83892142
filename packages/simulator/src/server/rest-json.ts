/**
 * REST JSON (restJson1), for EventBridge Scheduler: the operation is the method and route (`POST /schedules/{Name}`
 * CreateSchedule, `PUT` UpdateSchedule, `GET` GetSchedule, `DELETE` DeleteSchedule, `GET /schedules` ListSchedules),
 * the input is the body plus the path and query members; errors carry `x-amzn-errortype` and `{"Message": …}`.
 * Told apart from the GitHub side by the SigV4 credential scope's service name (`…/scheduler/aws4_request`).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AwsJsonService, AwsServiceError } from '../contract.js';
import { awsFaultError } from './aws-faults.js';
import { awsJson } from './aws-json.js';
import { awsCallFrame, recordCall } from './call-frame.js';
import type { SimulatorServerOptions } from './options.js';

const JSON_TYPE = 'application/json';

/** The SigV4 service name of a request (`Credential=<key>/<date>/<region>/<service>/aws4_request`). */
export function signedService(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  return typeof authorization === 'string'
    ? /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(authorization)?.[1]
    : undefined;
}

/** The operation and the input members a route carries; undefined for a route the side does not serve. */
function route(method: string, url: URL): { operation: string; input: Record<string, unknown> } | undefined {
  const query = Object.fromEntries(url.searchParams);
  if (url.pathname === '/schedules' && method === 'GET') {
    const { ScheduleGroup, NamePrefix, State, NextToken, MaxResults } = query;
    const input = { ScheduleGroup, NamePrefix, State, NextToken, MaxResults };
    return { operation: 'ListSchedules', input: JSON.parse(JSON.stringify(input)) as Record<string, unknown> };
  }
  const match = /^\/schedules\/([^/]+)$/.exec(url.pathname);
  if (!match?.[1]) return undefined;
  const operation = { POST: 'CreateSchedule', PUT: 'UpdateSchedule', GET: 'GetSchedule', DELETE: 'DeleteSchedule' }[
    method
  ];
  if (!operation) return undefined;
  const input: Record<string, unknown> = { Name: decodeURIComponent(match[1]) };
  if (query.groupName !== undefined) input.GroupName = query.groupName;
  return { operation, input };
}

export async function handleRestJson(
  req: IncomingMessage,
  res: ServerResponse,
  service: AwsJsonService,
  body: Buffer,
  options: SimulatorServerOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const routed = route(req.method ?? 'GET', url);
  let params: Record<string, unknown> = routed?.input ?? {};
  const operation = routed?.operation ?? `${req.method} ${url.pathname}`;
  const frame = awsCallFrame(
    (status, error) => recordCall(options.calls, service.api, operation, params, status, error),
    (error) => send(res, error.status, awsJson({ Message: error.message }), error.code),
  );
  if (!routed) {
    frame.fail(new AwsServiceError('UnknownOperationException', `No route for ${req.method} ${url.pathname}`, 404));
    return;
  }
  try {
    const text = body.toString('utf8');
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    // Path and query members win over body members of the same name, as the protocol binds them.
    params = { ...(parsed as Record<string, unknown>), ...routed.input };
  } catch {
    frame.fail(new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.'));
    return;
  }
  const fault = options.faults.take(service.api, operation);
  if (fault) {
    frame.fail(awsFaultError(fault, service.api, operation, params, options));
    return;
  }
  await frame.answer(
    () => service.handle(operation, params),
    (result) => {
      frame.record(200);
      send(res, 200, awsJson(result ?? {}));
    },
  );
}

function send(res: ServerResponse, status: number, payload: string, errorType?: string): void {
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
