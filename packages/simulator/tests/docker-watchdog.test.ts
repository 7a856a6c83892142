/**
 * A test run that dies without stopping its Docker engine (killed by a timeout or Ctrl-C) must not leave dockerd
 * running: the engine's watchdog stops it and removes its directory once the process that started it is gone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ping } from '../src/docker/index.js';

const root = path.resolve(import.meta.dirname, '../../..');
const engineSource = path.resolve(import.meta.dirname, '../src/docker/engine.ts');

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

let owner: ChildProcess | undefined;
let scriptDir: string | undefined;

afterAll(async () => {
  if (owner?.exitCode === null && owner.signalCode === null) owner.kill('SIGKILL');
  if (scriptDir) await rm(scriptDir, { recursive: true, force: true });
});

describe('the private dockerd', () => {
  it('stops, and its directory goes, when the process that started it is killed', async () => {
    // Another process starts the engine and prints where it is, then waits to be killed (no stop()).
    scriptDir = await mkdtemp(path.join(tmpdir(), 'ecs-docker-owner-'));
    // .mts: an ES module (top-level await) outside any package.json that says "type": "module".
    const script = path.join(scriptDir, 'owner.mts');
    await writeFile(
      script,
      [
        `import { startDockerEngine } from ${JSON.stringify(engineSource)};`,
        'const engine = await startDockerEngine();',
        'console.log(JSON.stringify({ dir: engine.dir, socketPath: engine.socketPath }));',
        'setInterval(() => {}, 60_000);',
      ].join('\n'),
    );
    // node itself with tsx's loader (not the tsx CLI, which would run the script in a grandchild that outlives
    // the kill below); tsx resolves from the repository root.
    owner = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve, reject) => {
      let text = '';
      owner?.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
      });
      owner?.once('exit', (code) => reject(new Error(`the owner process exited (${code}) before starting dockerd`)));
    });
    const { dir, socketPath } = JSON.parse(line) as { dir: string; socketPath: string };
    const dockerdPid = Number((await readFile(path.join(dir, 'docker.pid'), 'utf8')).trim());
    expect(await ping(socketPath)).toBe(true);
    expect(alive(dockerdPid)).toBe(true);

    owner.kill('SIGKILL');

    expect(await eventually(() => !alive(dockerdPid), 30_000)).toBe(true);
    expect(await eventually(() => !existsSync(dir), 10_000)).toBe(true);
    expect(await ping(socketPath)).toBe(false);
  }, 90_000);
});
