/**
 * A test run that dies without stopping its Docker engine or registry (killed by a timeout or Ctrl-C) must not leave
 * them running: their watchdog stops them and removes their directory once the process that started them is gone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ping } from '../src/docker/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const engineSource = path.resolve(import.meta.dirname, '../src/docker/engine.ts');
const registrySource = path.resolve(import.meta.dirname, '../src/ecr/registry-process.ts');

/** Whether a process runs; a zombie does not (where PID 1 does not reap orphans, an exited one stays a zombie). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** Polls until `condition` holds or `timeoutMs` passes; returns whether it held. */
async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await delay(250);
  }
  return condition();
}

const owners: ChildProcess[] = [];
const scriptDirs: string[] = [];

afterAll(async () => {
  for (const owner of owners) if (owner.exitCode === null && owner.signalCode === null) owner.kill('SIGKILL');
  for (const dir of scriptDirs) await rm(dir, { recursive: true, force: true });
});

/**
 * Another process runs `lines` (an ES module), which start a service and print one JSON line about it, then
 * waits to be killed (no stop()). Returns the process and what it printed.
 */
async function startOwner(lines: string[]): Promise<{ owner: ChildProcess; printed: Record<string, string> }> {
  const scriptDir = await mkdtemp(path.join(tmpdir(), 'ecs-service-owner-'));
  scriptDirs.push(scriptDir);
  // .mts: an ES module (top-level await) outside any package.json that says "type": "module".
  const script = path.join(scriptDir, 'owner.mts');
  await writeFile(script, [...lines, 'setInterval(() => {}, 60_000);'].join('\n'));
  // node itself with tsx's loader (not the tsx CLI, which would run the script in a grandchild that outlives
  // the kill below); tsx resolves from the repository root.
  const owner = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  owners.push(owner);
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    owner.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    owner.once('exit', (code) => reject(new Error(`the owner process exited (${code}) before starting its service`)));
  });
  return { owner, printed: JSON.parse(line) as Record<string, string> };
}

/** The pid of the process whose command line contains `needle`. */
function pidWithCommandLine(needle: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

describe('the private dockerd', () => {
  it('stops, and its directory goes, when the process that started it is killed', async () => {
    const { owner, printed } = await startOwner([
      `import { startDockerEngine } from ${JSON.stringify(engineSource)};`,
      'const engine = await startDockerEngine();',
      'console.log(JSON.stringify({ dir: engine.dir, socketPath: engine.socketPath }));',
    ]);
    const { dir = '', socketPath = '' } = printed;
    const dockerdPid = Number((await readFile(path.join(dir, 'docker.pid'), 'utf8')).trim());
    expect(await ping(socketPath)).toBe(true);
    expect(alive(dockerdPid)).toBe(true);

    owner.kill('SIGKILL');

    expect(await eventually(() => !alive(dockerdPid), 30_000)).toBe(true);
    expect(await eventually(() => !existsSync(dir), 10_000)).toBe(true);
    expect(await ping(socketPath)).toBe(false);
  }, 90_000);
});

describe('the local registry', () => {
  it('stops, and its directory goes, when the process that started it is killed', async () => {
    const { owner, printed } = await startOwner([
      `import { startLocalRegistry } from ${JSON.stringify(registrySource)};`,
      'const registry = await startLocalRegistry();',
      'console.log(JSON.stringify({ url: registry.url, dataDir: registry.dataDir }));',
    ]);
    const { url = '', dataDir = '' } = printed;
    const dir = path.dirname(dataDir);
    const registryPid = pidWithCommandLine(path.join(dir, 'config.yml'));
    expect(registryPid).toBeDefined();
    expect((await fetch(`${url}/v2/`)).status).toBe(401);

    owner.kill('SIGKILL');

    expect(await eventually(() => !alive(registryPid ?? 0), 30_000)).toBe(true);
    expect(await eventually(() => !existsSync(dir), 10_000)).toBe(true);
    await expect(fetch(`${url}/v2/`)).rejects.toThrow();
  }, 90_000);
});
