/**
 * A private Docker engine and a real registry with a login, for end-to-end tests of image pushes.
 *
 * `dockerd` runs as root without systemd, with everything (data root, exec root, socket, pid file) in a
 * temporary directory, the `vfs` storage driver (works on any file system, no kernel overlay support needed),
 * no iptables rules and no bridge network: nothing on the machine's own Docker (if any) is touched.
 * The registry is Debian's `docker-registry` (distribution 2.x) on 127.0.0.1 with htpasswd auth
 * (`startLocalRegistry`). Docker treats 127.0.0.0/8 registries as insecure (plain HTTP) by default.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startLocalRegistry } from '../ecr/registry-process.js';
import { startWatchdog } from '../watchdog.js';

export const DOCKERD_CANDIDATES = ['/usr/sbin/dockerd', '/usr/bin/dockerd'];

export interface DockerServices {
  /** `unix:///tmp/…/docker.sock`, for DOCKER_HOST. */
  dockerHost: string;
  /** `http://127.0.0.1:<port>` */
  registryUrl: string;
  /** `127.0.0.1:<port>`, the host part of image references. */
  registryHost: string;
  username: string;
  password: string;
  /** The temporary directory holding the engine's state (removed by stop()). */
  dir: string;
  stop(): Promise<void>;
}

export interface StartDockerServicesOptions {
  /** Registry user; default `AWS`, as ECR's. */
  username?: string;
  /** Registry password; default random. */
  password?: string;
  /** Default 60 s: the first start on a slow, shared machine can take a while. */
  startTimeoutMs?: number;
}

export interface DockerEngine {
  dockerHost: string;
  socketPath: string;
  dir: string;
  stop(): Promise<void>;
}

/** Finds dockerd; undefined when Docker is not installed. */
export function findDockerd(): string | undefined {
  return DOCKERD_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Starts a private Docker engine and waits until it answers `GET /_ping`. Needs root. */
export async function startDockerEngine(options: { startTimeoutMs?: number } = {}): Promise<DockerEngine> {
  const dockerd = findDockerd();
  if (!dockerd) {
    throw new Error(
      `dockerd is not installed (looked for ${DOCKERD_CANDIDATES.join(', ')}); install Debian's docker.io package (scripts/bootstrap.sh does)`,
    );
  }
  if (process.getuid?.() !== 0) throw new Error('Starting a private dockerd needs root');
  // Short path: a unix socket path must stay under 108 bytes.
  const dir = await mkdtemp(path.join(tmpdir(), 'ecs-docker-'));
  const socketPath = path.join(dir, 'docker.sock');
  const args = [
    '--data-root',
    path.join(dir, 'data'),
    '--exec-root',
    path.join(dir, 'exec'),
    '--pidfile',
    path.join(dir, 'docker.pid'),
    '-H',
    `unix://${socketPath}`,
    '--storage-driver',
    'vfs',
    '--iptables=false',
    '--ip6tables=false',
    '--bridge=none',
    '--log-level',
    'warn',
  ];
  const child = spawn(dockerd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `code ${code}, signal ${signal}`;
  });
  child.once('error', (error) => {
    exited = error.message;
  });
  const watchdog = child.pid === undefined ? undefined : startWatchdog(child.pid, dir, 'ecs-docker-watchdog');

  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== undefined) {
      watchdog?.kill();
      await rm(dir, { recursive: true, force: true });
      throw new Error(`dockerd exited (${exited}) before it answered:\n${output}`);
    }
    if (await ping(socketPath)) break;
    if (Date.now() > deadline) {
      watchdog?.kill();
      await stopProcess(child);
      await rm(dir, { recursive: true, force: true });
      throw new Error(`dockerd did not answer on ${socketPath} within ${timeoutMs} ms:\n${output}`);
    }
    await delay(100);
  }

  let stopped = false;
  return {
    dockerHost: `unix://${socketPath}`,
    socketPath,
    dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      watchdog?.kill();
      await stopProcess(child, 20_000);
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/** Starts a private dockerd and a registry requiring a login, both torn down by `stop()`. */
export async function startDockerServices(options: StartDockerServicesOptions = {}): Promise<DockerServices> {
  const [engine, registry] = await Promise.allSettled([
    startDockerEngine(options.startTimeoutMs === undefined ? {} : { startTimeoutMs: options.startTimeoutMs }),
    startLocalRegistry({
      username: options.username ?? 'AWS',
      ...(options.password === undefined ? {} : { password: options.password }),
    }),
  ]);
  if (engine.status === 'rejected' || registry.status === 'rejected') {
    if (engine.status === 'fulfilled') await engine.value.stop();
    if (registry.status === 'fulfilled') await registry.value.close();
    throw engine.status === 'rejected' ? engine.reason : (registry as PromiseRejectedResult).reason;
  }
  return {
    dockerHost: engine.value.dockerHost,
    registryUrl: registry.value.url,
    registryHost: registry.value.host,
    username: registry.value.username,
    password: registry.value.password,
    dir: engine.value.dir,
    async stop() {
      await Promise.all([engine.value.stop(), registry.value.close()]);
    },
  };
}

/** `GET /_ping` over the engine's unix socket. */
export function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
