/**
 * The simulator's GitHub side behind a local HTTP server, for the unit tests.
 * (A thin adapter over GitHubSimulator.handle, as the simulator's own server does.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Octokit } from '@octokit/core';
import { SimClock } from '../../../packages/simulator/src/contract.js';
import { GitHubSimulator } from '../../../packages/simulator/src/github/index.js';

export const OWNER = 'octo-org';
export const REPO = 'octo-app';
export const WRITE_TOKEN = 'ghs_deploy_tag_write';
export const READ_TOKEN = 'ghs_deploy_tag_read';
/** Commits of the seeded repository, oldest first. */
export const COMMITS = ['a', 'b', 'c', 'd', 'e', 'f'].map((c) => c.repeat(40));

export interface GitHubFixture {
  url: string;
  github: GitHubSimulator;
  /** A fresh repository state. */
  reset(): void;
  client(token?: string): Octokit;
  close(): Promise<void>;
}

export async function startGitHub(): Promise<GitHubFixture> {
  const fixture = { github: undefined as unknown as GitHubSimulator };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const parsed = new URL(req.url ?? '/', 'http://localhost');
      fixture.github
        .handle({
          method: req.method ?? 'GET',
          path: parsed.pathname,
          query: parsed.searchParams,
          headers: req.headers,
          body: text ? (JSON.parse(text) as unknown) : undefined,
        })
        .then((response) => {
          if (!response) {
            res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
            return;
          }
          res.writeHead(response.status, response.headers);
          res.end(response.raw ?? (response.body === undefined ? undefined : JSON.stringify(response.body)));
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const reset = () => {
    fixture.github = new GitHubSimulator({ clock: new SimClock(1, Date.parse('2026-01-05T10:00:00Z')) });
    fixture.github.seedRepository({ owner: OWNER, repo: REPO, commits: COMMITS });
    fixture.github.addToken(WRITE_TOKEN, 'write');
    fixture.github.addToken(READ_TOKEN, 'read');
  };
  reset();
  return {
    url,
    get github() {
      return fixture.github;
    },
    reset,
    client: (token = WRITE_TOKEN) => new Octokit({ auth: token, baseUrl: url }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
