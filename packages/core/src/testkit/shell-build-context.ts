/**
 * A Docker build context for cache tests and benchmarks, with no internet: a base made here (`/bin/sh` of this
 * machine and the shared libraries it loads, copied into the image FROM scratch), an expensive `RUN` that only
 * counts in the shell (seconds of work, the same every time, so a cache can reuse its layer) and an application
 * layer that changes with `app`.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ShellBuildContext {
  /** The steps after FROM, as the classic builder prints them (`Step n/m : …`). */
  steps: { rootfs: string; expensive: string; app: string };
}

/** Writes the context into `dir` (created): Dockerfile, rootfs/ and app.txt. `loops` sets the cost of the RUN. */
export async function writeShellBuildContext(
  dir: string,
  options: { loops: number; app: string },
): Promise<ShellBuildContext> {
  const shell = await realpath('/bin/sh');
  // `ldd` lists the shared libraries and the loader, e.g. "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)".
  const libraries = [...execFileSync('ldd', [shell], { encoding: 'utf8' }).matchAll(/(\/\S+) \(0x/g)].map(
    (match) => match[1] as string,
  );
  const rootfs = path.join(dir, 'rootfs');
  for (const file of libraries) {
    await mkdir(path.join(rootfs, path.dirname(file)), { recursive: true });
    await copyFile(await realpath(file), path.join(rootfs, file));
  }
  await mkdir(path.join(rootfs, 'bin'), { recursive: true });
  await copyFile(shell, path.join(rootfs, 'bin/sh'));
  const steps = {
    rootfs: 'COPY rootfs/ /',
    expensive: `RUN i=0; while [ $i -lt ${options.loops} ]; do i=$((i+1)); done; echo "$i" > /expensive.txt`,
    app: 'COPY app.txt /app.txt',
  };
  await writeFile(path.join(dir, 'Dockerfile'), `FROM scratch\n${steps.rootfs}\n${steps.expensive}\n${steps.app}\n`);
  await writeFile(path.join(dir, 'app.txt'), `${options.app}\n`);
  return { steps };
}
