/** AWS JSON 1.1 (ECS, ECR, CloudWatch Logs, CodeDeploy): the side is found by the `X-Amz-Target` prefix. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { type ApiName, type AwsJsonService, AwsServiceError } from '../contract.js';
import type { FaultSpec } from '../faults.js';
import { awsFaultError } from './aws-faults.js';
import { type AwsCall, awsCallFrame, recordCall, untilClosed } from './call-frame.js';
import type { SimulatorServerOptions } from './options.js';

const AWS_JSON = 'application/x-amz-json-1.1';

/** AWS JSON 1.1 timestamps are epoch seconds as JSON numbers (Smithy `timestampFormat: epoch-seconds`). */
export function awsJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : replaced;
  });
}

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

export async function handleAws(
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
  const frame = awsCallFrame(
    (status, error) => recordCall(options.calls, api, operation, params, status, error),
    (error) => sendAwsError(res, error),
  );

  try {
    const text = body.toString('utf8');
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    params = parsed as Record<string, unknown>;
  } catch {
    frame.fail(new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.'));
    return;
  }
  if (!service || dot < 0) {
    frame.fail(new AwsServiceError('UnknownOperationException', `Unknown operation ${target}`));
    return;
  }
  // SigV4 is accepted without verification, but a request with no signature at all is refused as AWS does.
  if (!req.headers.authorization) {
    frame.fail(new AwsServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403));
    return;
  }

  const fault = options.faults.take(api, operation);
  if (fault && (await playFault(fault, { req, service, operation, params, frame, options }))) return;

  await frame.answer(
    () => service.handle(operation, params),
    (result) => {
      const payload = awsJson(result ?? {});
      frame.record(200);
      res.writeHead(200, {
        'content-type': AWS_JSON,
        'x-amzn-requestid': randomUUID(),
        'content-length': Buffer.byteLength(payload),
      });
      res.end(payload);
    },
  );
}

/** Plays an injected fault: true when that ends the call, false when the call goes on (latency). */
async function playFault(fault: FaultSpec, call: AwsCall<AwsJsonService, Record<string, unknown>>): Promise<boolean> {
  const { req, service, operation, params, frame, options } = call;
  if (fault.kind === 'drop') {
    frame.record(0, 'dropped');
    req.socket.destroy();
    return true;
  }
  if (fault.kind === 'hang') {
    // Accepted and never answered: the client's own timeout (or cancel) is what ends the call.
    if (fault.applied) await service.handle(operation, params).catch(() => undefined);
    frame.record(0, fault.applied ? 'hung after applying' : 'hung');
    await untilClosed(req);
    return true;
  }
  if (fault.kind === 'lost-answer') {
    // The call takes effect, then the connection is reset before any answer: the client cannot tell.
    await service.handle(operation, params).catch(() => undefined);
    frame.record(0, 'answer lost');
    req.socket.destroy();
    return true;
  }
  if (fault.kind === 'latency') {
    await delay(fault.latencyMs ?? 1_000);
    return false;
  }
  frame.fail(awsFaultError(fault, service.api, operation, params, options));
  return true;
}
