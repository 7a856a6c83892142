/** The AWS Query protocols (XML answers to form-encoded requests): EC2 (ec2Query) and Elastic Load Balancing v2 (awsQuery). */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { type AwsQueryService, AwsServiceError } from '../contract.js';
import type { FaultSpec } from '../faults.js';
import { QueryParams, toXml } from '../query/protocol.js';
import { awsFaultError } from './aws-faults.js';
import { type AwsCall, awsCallFrame, recordCall, untilClosed } from './call-frame.js';
import type { SimulatorServerOptions } from './options.js';

export function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

/**
 * EC2 (ec2Query) and Elastic Load Balancing v2 (awsQuery): the side is found by the `Version` field. Errors are
 * framed as each protocol does: awsQuery `<ErrorResponse><Error><Type/><Code/><Message/></Error>`, ec2Query
 * `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>`.
 */
export async function handleQuery(
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
  const frame = awsCallFrame(
    (status, error) => recordCall(options.calls, service?.api ?? 'ec2', action, params.toObject(), status, error),
    (error) => {
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
    },
  );
  if (!service || action === '') {
    frame.fail(
      new AwsServiceError('InvalidAction', `The action ${action || '(none)'} is not valid for this web service.`),
    );
    return;
  }
  if (!req.headers.authorization) {
    frame.fail(new AwsServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403));
    return;
  }
  const fault = options.faults.take(service.api, action);
  if (fault && (await playFault(fault, { req, service, operation: action, params, frame, options }))) return;
  await frame.answer(
    () => service.handle(action, params),
    (members) => {
      frame.record(200);
      const itemTag = service.protocol === 'ec2Query' ? 'item' : 'member';
      const inner =
        service.protocol === 'ec2Query'
          ? `<requestId>${requestId}</requestId>${toXml(members, itemTag)}`
          : `<${action}Result>${toXml(members, itemTag)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`;
      send(200, `<${action}Response xmlns="${service.xmlns}">${inner}</${action}Response>`);
    },
  );
}

/** Plays an injected fault: true when that ends the call, false when the call goes on (latency). */
async function playFault(fault: FaultSpec, call: AwsCall<AwsQueryService, QueryParams>): Promise<boolean> {
  const { req, service, operation: action, params, frame, options } = call;
  if (fault.kind === 'hang') {
    // Accepted and never answered: the client's own timeout (or cancel) is what ends the call.
    frame.record(0, 'hung');
    await untilClosed(req);
    return true;
  }
  if (fault.kind === 'drop' || fault.kind === 'lost-answer') {
    // These sides serve reads only: a lost answer is a dropped connection.
    frame.record(0, 'dropped');
    req.socket.destroy();
    return true;
  }
  if (fault.kind === 'latency') {
    await delay(fault.latencyMs ?? 1_000);
    return false;
  }
  const error = awsFaultError(fault, service.api, action, params.toObject(), options);
  // The Query APIs name throttling `Throttling` (ELBv2) and `RequestLimitExceeded` (EC2), access `AccessDenied`
  // (ELBv2) and `UnauthorizedOperation` (EC2).
  frame.fail(new AwsServiceError(queryErrorCode(service, error.code), error.message, error.status));
  return true;
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
