/**
 * Starts a real Docker registry (distribution 2.x, the `docker-registry` binary from Debian's
 * `docker-registry` package) on 127.0.0.1 with htpasswd basic auth and filesystem storage in a temp dir,
 * so that the ECR simulator (and the ecr-push action's end-to-end tests) can use a registry that really
 * stores what is pushed.
 *
 * The htpasswd entry needs a bcrypt hash; it is made with Perl's `crypt()` (libxcrypt supports `$2b$`),
 * so no apache2-utils is needed. The password goes to Perl on stdin, never in argv.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWatchdog } from '../watchdog.js';

export const DEFAULT_REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, the host Docker logs in and pushes to (`127.0.0.1:<port>/<repository>:<tag>`). */
  host: string;
  username: string;
  password: string;
  /** Storage root (removed by close()). */
  dataDir: string;
  close(): Promise<void>;
}

export interface StartLocalRegistryOptions {
  /** Default `AWS`, as ECR's `docker login` user. */
  username?: string;
  /** Default: 32 random hex characters. */
  password?: string;
  binary?: string;
  /** Default 15 s. */
  startTimeoutMs?: number;
}

/** Whether the registry binary and Perl (for the bcrypt hash) are present on this machine. */
export function localRegistryAvailable(binary = DEFAULT_REGISTRY_BINARY): boolean {
  return existsSync(binary) && existsSync('/usr/bin/perl');
}

export async function startLocalRegistry(options: StartLocalRegistryOptions = {}): Promise<LocalRegistry> {
  const username = options.username ?? 'AWS';
  const password = options.password ?? randomBytes(16).toString('hex');
  const binary = options.binary ?? DEFAULT_REGISTRY_BINARY;
  if (username.includes(':')) throw new Error(`A registry user name cannot contain ':' (got ${username})`);
  if (!existsSync(binary)) {
    throw new Error(`The registry binary ${binary} is missing; install Debian's docker-registry package`);
  }

  const dir = await mkdtemp(join(tmpdir(), 'ecr-sim-registry-'));
  const dataDir = join(dir, 'data');
  const htpasswdPath = join(dir, 'htpasswd');
  const configPath = join(dir, 'config.yml');
  try {
    await writeFile(htpasswdPath, `${username}:${await bcryptHash(password)}\n`, { mode: 0o600 });
    await writeFile(
      configPath,
      [
        'version: 0.1',
        'log:',
        '  level: info',
        '  accesslog:',
        '    disabled: true',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${JSON.stringify(dataDir)}`,
        '  delete:',
        '    enabled: true',
        'http:',
        '  addr: 127.0.0.1:0',
        'auth:',
        '  htpasswd:',
        '    realm: ecr-simulator',
        `    path: ${JSON.stringify(htpasswdPath)}`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(binary, ['serve', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, REGISTRY_HTTP_SECRET: randomBytes(16).toString('hex') },
  });
  let port: number;
  try {
    port = await waitForListening(child, options.startTimeoutMs ?? 15_000);
  } catch (error) {
    await stop(child);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const watchdog = child.pid === undefined ? undefined : startWatchdog(child.pid, dir, 'ecs-registry-watchdog');
  // Keep draining the logs so the pipe never fills up and blocks the registry.
  child.stdout?.resume();
  child.stderr?.resume();

  const host = `127.0.0.1:${port}`;
  let closed = false;
  return {
    url: `http://${host}`,
    host,
    username,
    password,
    dataDir,
    async close() {
      if (closed) return;
      closed = true;
      watchdog?.kill();
      await stop(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = output.match(/listening on 127\.0\.0\.1:(\d+)/);
      if (match?.[1] !== undefined) {
        done();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`The registry exited (code ${code}) before listening:\n${output.slice(-2000)}`));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`The registry did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
    child.on('error', onError);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A bcrypt (`$2b$`) hash of the password, made by Perl's crypt() (libxcrypt). */
export function bcryptHash(password: string): Promise<string> {
  const bytes = randomBytes(22);
  let salt = '';
  for (let i = 0; i < 21; i++) salt += BCRYPT_ALPHABET[(bytes[i] ?? 0) % 64];
  // The 22nd salt character carries only 2 significant bits: one of . O e u.
  salt += '.Oeu'[(bytes[21] ?? 0) % 4];
  return new Promise((resolve, reject) => {
    const perl = spawn('/usr/bin/perl', ['-e', 'local $/; my $p = <STDIN>; print crypt($p, $ENV{BCRYPT_SETTING});'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', BCRYPT_SETTING: `$2b$05$${salt}` },
    });
    let out = '';
    let err = '';
    perl.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    perl.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    perl.on('error', reject);
    perl.on('exit', (code) => {
      if (code === 0 && /^\$2b\$05\$[./A-Za-z0-9]{53}$/.test(out)) resolve(out);
      else reject(new Error(`Could not make a bcrypt hash with Perl's crypt() (exit ${code}): ${err.trim()}`));
    });
    perl.stdin.end(password);
  });
}
