/**
 * The real docker runner against a stand-in `docker` executable: arguments arrive whole (no shell), a secret goes in
 * on stdin only, output is collected in order, a failing exit code is returned, and a missing binary is named.
 */
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { foreignCommands, HOSTILE_LINES } from '@ecs-actions/core/testkit';
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DockerNotInstalledError, dockerCli } from '../src/docker.js';

let fakeDocker: string;
let argsFile: string;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'fake-docker-'));
  fakeDocker = path.join(dir, 'docker');
  argsFile = path.join(dir, 'args');
  // Records its arguments one per line and stdin, prints to both streams, exits 3 for push.
  await writeFile(
    fakeDocker,
    `#!/bin/sh\nprintf '%s\\n' "$@" > ${argsFile}\necho "out: $1"\necho "err: $1" >&2\n[ "$1" = login ] && cat > ${argsFile}.stdin\n[ "$1" = push ] && exit 3\nexit 0\n`,
  );
  await chmod(fakeDocker, 0o755);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('dockerCli', () => {
  it('passes each argument whole, echoes the command and its output, and collects both streams', async () => {
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const result = await dockerCli(fakeDocker).run(['tag', 'a b; $(rm -rf /)', 'c']);
    expect(result).toMatchObject({ exitCode: 0, stdout: 'out: tag\n', stderr: 'err: tag\n' });
    expect(result.output).toContain('out: tag\n');
    expect(result.output).toContain('err: tag\n');
    expect(await readFile(argsFile, 'utf8')).toBe('tag\na b; $(rm -rf /)\nc\n');
    expect(written[0]).toBe(`[command]${fakeDocker} tag a b; $(rm -rf /) c\n`);
  });

  it("echoes the build's stderr on stdout, so the runner's interleaving of two streams cannot split a guarded block", async () => {
    const written = { stdout: [] as string[], stderr: [] as string[] };
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.stdout.push(String(chunk));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.stderr.push(String(chunk));
      return true;
    });
    const hostile = HOSTILE_LINES.join('\n');
    await dockerCli('/bin/sh').run(['-c', 'printf "%s\\n" "$0"; printf "%s\\n" "$0" >&2', hostile]);
    expect(written.stderr).toEqual([]);
    expect(written.stdout.join('')).toContain('##[add-mask]hostile-7');
    expect(foreignCommands(written.stdout.join(''))).toEqual([]);
  });

  it("echoes the build's output lines carrying workflow commands as text, from both of docker's streams", async () => {
    const streams = { stdout: [] as string[], stderr: [] as string[] };
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      streams.stdout.push(String(chunk));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      streams.stderr.push(String(chunk));
      return true;
    });
    const hostile = HOSTILE_LINES.join('\n');
    const result = await dockerCli('/bin/sh').run(['-c', 'printf "%s\\n" "$0"; printf "%s\\n" "$0" >&2', hostile]);
    expect(result.stdout).toBe(`${hostile}\n`);
    expect(foreignCommands(streams.stdout.join(''))).toEqual([]);
    expect(foreignCommands(streams.stderr.join(''))).toEqual([]);
    expect(streams.stdout.join('')).toContain('GET /##[add-mask]hostile-2 HTTP/1.1\n');
  });

  it('sends a secret on stdin only, and echoes nothing when quiet', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const result = await dockerCli(fakeDocker).run(['login', '--password-stdin', 'registry'], {
      stdin: 's3cret',
      quiet: true,
    });
    expect(result.exitCode).toBe(0);
    expect(await readFile(`${argsFile}.stdin`, 'utf8')).toBe('s3cret');
    expect(await readFile(argsFile, 'utf8')).not.toContain('s3cret');
    expect(write).not.toHaveBeenCalled();
  });

  it('returns a failing exit code instead of throwing', async () => {
    const result = await dockerCli(fakeDocker).run(['push', 'x'], { quiet: true });
    expect(result).toMatchObject({ exitCode: 3, stderr: 'err: push\n' });
  });

  it('throws DockerNotInstalledError when there is no such executable', async () => {
    await expect(dockerCli('/nonexistent/docker').run(['version'], { quiet: true })).rejects.toThrow(
      DockerNotInstalledError,
    );
  });
});
