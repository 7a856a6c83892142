/**
 * The simulator's one HTTP server (127.0.0.1). AWS calls are told apart by `X-Amz-Target` and spoken in
 * AWS JSON 1.1; everything else goes to the GitHub REST side. Owns call recording and fault injection.
 *
 * This file starts the server and picks the protocol; each protocol's framing is in server/: aws-json.ts,
 * aws-query.ts (EC2, ELBv2), rest-json.ts (EventBridge Scheduler), github.ts; call-frame.ts is what they share, aws-faults.ts the AWS fault answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAws } from './server/aws-json.js';
import { handleQuery, isForm } from './server/aws-query.js';
import { handleGitHub } from './server/github.js';
import type { SimulatorServer, SimulatorServerOptions } from './server/options.js';
import { handleRestJson, signedService } from './server/rest-json.js';

export type { SimulatorServer, SimulatorServerOptions } from './server/options.js';

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
  } else if (req.method === 'GET' && options.layers && req.url?.startsWith(options.layers.path)) {
    const answer = await options.layers.serve(req.url);
    res.writeHead(answer.status, { 'content-type': answer.contentType });
    res.end(answer.body);
  } else if (options.restJson?.some((side) => side.api === signedService(req))) {
    const side = options.restJson.find((candidate) => candidate.api === signedService(req));
    if (side) await handleRestJson(req, res, side, body, options);
  } else {
    await handleGitHub(req, res, body, options);
  }
}
