/**
 * Paths that inputs name, kept inside the directories the job owns: the workspace (GITHUB_WORKSPACE) and, where an
 * earlier step writes files, RUNNER_TEMP. Symbolic links are resolved before the check, so a link in the repository
 * that points at /etc/passwd is refused like `../../etc/passwd`. Errors name the input, the value and the fix, and
 * never show what a file holds.
 */
import { lstatSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, errorMessage, quoteValue } from './errors.js';

/** A directory paths may point into, named as the runner names it. */
export interface PathRoot {
  /** `GITHUB_WORKSPACE`, `RUNNER_TEMP`. */
  name: string;
  dir: string;
}

export interface InputPath {
  /** The input, for messages. */
  input: string;
  /** As written in the workflow. */
  value: string;
  /** The first root is where a relative path starts; the path must end up inside one of them. */
  roots: readonly [PathRoot, ...PathRoot[]];
}

export interface ResolvedPath {
  /** Absolute, with every symbolic link resolved (for a path that does not exist yet: its nearest existing parent). */
  file: string;
  /** For messages and annotations: relative to the first root with forward slashes, else absolute. */
  shown: string;
}

const MAX_LINKS = 40;

/** The real path of `file`, also when it (or its tail) does not exist yet: the existing part resolved, the rest appended. */
function realPathOf(file: string, hops = 0): string {
  try {
    return realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  // A dangling link is followed by hand: writing through it would create its target, wherever that is.
  const link = lstatSync(file, { throwIfNoEntry: false });
  if (link?.isSymbolicLink() && hops < MAX_LINKS) {
    return realPathOf(path.resolve(path.dirname(file), readlinkSync(file)), hops + 1);
  }
  const parent = path.dirname(file);
  if (parent === file) return file;
  return path.join(realPathOf(parent, hops), path.basename(file));
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** The path for messages: relative to the root with forward slashes when inside it, else as it is. */
export function displayPath(file: string, root: string): string {
  if (!isInside(root, file)) return file;
  return path.relative(root, file).split(path.sep).join('/') || '.';
}

/**
 * Resolves an input's path against the first root and checks that it stays inside one of the roots after every
 * symbolic link is followed. Throws a ConfigurationError naming the input, the value and the fix.
 */
export function resolveInputPath({ input, value, roots }: InputPath): ResolvedPath {
  const [base] = roots;
  const absolute = path.resolve(base.dir, value);
  const file = realPathOf(absolute);
  const realRoots = roots.map((root) => ({ ...root, dir: realPathOf(path.resolve(root.dir)) }));
  if (!realRoots.some((root) => isInside(root.dir, file))) {
    const through = file === absolute ? '' : ' (following symbolic links)';
    const allowed = realRoots.map((root) => `${root.name} (${root.dir})`).join(' or ');
    throw new ConfigurationError(
      `Input "${input}" must name a path inside ${allowed}; got ${quoteValue(value)}, which resolves to ${file}${through}. Give a path relative to the repository root, without ".." or symbolic links that lead out of it.`,
    );
  }
  return { file, shown: displayPath(file, realRoots[0]?.dir ?? base.dir) };
}

export interface ReadOptions {
  /** Files larger than this are refused unread. */
  maxBytes: number;
  /** The fix for a missing file, after "does not exist". */
  missingHint: string;
}

/**
 * Reads a file an input names (already resolved), as UTF-8. A missing file, a directory, an oversized file or a read
 * error fails with the input named; the message never includes the file's content.
 */
export function readInputFile(input: string, resolved: ResolvedPath, options: ReadOptions): string {
  const where = `Input "${input}"`;
  try {
    const stat = statSync(resolved.file);
    if (stat.isDirectory()) {
      throw new ConfigurationError(`${where}: ${quoteValue(resolved.shown)} is a directory. Point it at the file.`);
    }
    if (stat.size > options.maxBytes) {
      throw new ConfigurationError(
        `${where}: ${quoteValue(resolved.shown)} is ${stat.size} bytes, more than the ${options.maxBytes} bytes this input reads. Point it at the right file.`,
      );
    }
    return readFileSync(resolved.file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigurationError(
        `${where}: the file ${quoteValue(resolved.shown)} does not exist (looked for ${resolved.file}). ${options.missingHint}`,
      );
    }
    throw new ConfigurationError(`${where}: cannot read ${quoteValue(resolved.shown)}: ${errorMessage(error)}.`);
  }
}
