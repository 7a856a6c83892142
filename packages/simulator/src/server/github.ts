/** The GitHub REST side's framing: JSON bodies, GitHub's headers, its error bodies, and injected faults as GitHub shows them. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { GitHubRequest } from '../contract.js';
import type { FaultSpec } from '../faults.js';
import { type Recorder, recordCall, untilClosed } from './call-frame.js';
import type { SimulatorServerOptions } from './options.js';

const GITHUB_DOCS = 'https://docs.github.com/rest';

/** GitHub REST timestamps are ISO 8601 strings (Date#toJSON already does this). */
function githubJson(value: unknown): string {
  return JSON.stringify(value);
}

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

export async function handleGitHub(
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: Buffer,
  options: SimulatorServerOptions,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const concrete = `${method} ${url.pathname}`;
  let body: unknown;
  const record = (operation: string, status: number, error?: string): void =>
    recordCall(options.calls, 'github', operation, body ?? {}, status, error);
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
  const request: GitHubRequest = { method, path: url.pathname, query: url.searchParams, headers: req.headers, body };

  const fault = options.faults.take('github', concrete);
  const recordFault: Recorder = (status, error) => record(concrete, status, error);
  if (fault && (await playFault(fault, { req, res, request, options, record: recordFault }))) return;

  const response = await options.github.handle(request);
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

/** Plays an injected fault: true when that ends the call, false when the call goes on (latency). */
async function playFault(
  fault: FaultSpec,
  call: {
    req: IncomingMessage;
    res: ServerResponse;
    request: GitHubRequest;
    options: SimulatorServerOptions;
    record: Recorder;
  },
): Promise<boolean> {
  const { req, res, request, options, record } = call;
  if (fault.kind === 'drop') {
    record(0, 'dropped');
    req.socket.destroy();
    return true;
  }
  if (fault.kind === 'hang' || fault.kind === 'lost-answer') {
    const answer = async () => {
      await options.github.handle(request);
    };
    if (fault.kind === 'lost-answer' || fault.applied) await answer().catch(() => undefined);
    record(0, fault.kind === 'hang' ? (fault.applied ? 'hung after applying' : 'hung') : 'answer lost');
    if (fault.kind === 'lost-answer') req.socket.destroy();
    else await untilClosed(req);
    return true;
  }
  if (fault.kind === 'latency') {
    await delay(fault.latencyMs ?? 1_000);
    return false;
  }
  const answer = githubFault(fault);
  record(answer.status, (answer.body as { message: string }).message);
  sendGitHub(res, answer.status, answer.body, undefined, answer.headers);
  return true;
}
