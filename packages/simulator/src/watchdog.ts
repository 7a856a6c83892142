import { type ChildProcess, spawn } from 'node:child_process';

/**
 * A shell that outlives this process: when this process dies without stopping its child (a test run killed by
 * a timeout or Ctrl-C), it stops the child (dockerd, the registry) and removes its directory, instead of leaving
 * it running for good. A child cannot be tied to this process otherwise (no PR_SET_PDEATHSIG from Node), and
 * `exit` handlers do not run on SIGKILL. Whoever stops the child kills the watchdog first.
 */
export function startWatchdog(childPid: number, dir: string, name: string): ChildProcess {
  // A zombie counts as gone: where PID 1 does not reap orphans, an exited process stays one.
  const script = [
    'running() { [ -e "/proc/$1" ] && ! grep -q "^State:[[:space:]]*Z" "/proc/$1/status" 2>/dev/null; }',
    'while running "$1"; do sleep 1; done',
    'kill -TERM "$2" 2>/dev/null',
    'i=0; while running "$2" && [ $i -lt 20 ]; do sleep 1; i=$((i+1)); done',
    'kill -KILL "$2" 2>/dev/null',
    'rm -rf "$3"',
  ].join('\n');
  const watchdog = spawn('sh', ['-c', script, name, String(process.pid), String(childPid), dir], {
    stdio: 'ignore',
    detached: true,
  });
  watchdog.unref();
  return watchdog;
}
