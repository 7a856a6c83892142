/**
 * The GitHub runner's contract for a JavaScript action: workflow commands on stdout and file commands
 * (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`, `GITHUB_STEP_SUMMARY`).
 *
 * Written here rather than taken from @actions/core: that package pulls in its OIDC HTTP client (undici),
 * about 1 MB in every bundle, and these few commands are all an action of ours uses.
 * Behaviour follows "Workflow commands for GitHub Actions" in the GitHub Actions documentation.
 */
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/** Where an annotation points: the properties of `::error file=…,line=…::`. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
}

const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function issueCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** How the runner splits a step's output into lines (.NET ReadLine: `\r\n`, `\r` and `\n` each end one). */
export const runnerLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/**
 * Could the runner read this line as a workflow command? It parses `::name::` at the start of a line (after
 * trimming) and the legacy `##[name]` anywhere in it; any `::` counts, to stay on the safe side of its trimming.
 */
const mayBeCommand = (line: string) => line.includes('::') || line.includes('##[');

/**
 * A token for `::stop-commands::`: random, never derived from the text it guards, and absent from that text. The
 * Web Crypto global needs no import (node:crypto would cost start-up time in every bundle).
 */
function stopToken(lines: readonly string[]): string {
  let token: string;
  do token = `ecs-actions-${globalThis.crypto.randomUUID().replace(/-/g, '')}`;
  while (lines.some((line) => line.toLowerCase().includes(token)));
  return token;
}

/**
 * Writes text as plain log lines that the runner never runs as workflow commands: when any line could parse as
 * one, the lines go inside the runner's documented `::stop-commands::<token>` … `::<token>::` block, in one
 * write, so the action's own commands are never inside it. Every line an action prints goes through here.
 */
export function writePlainText(text: string, stream: NodeJS.WritableStream = process.stdout): void {
  const lines = runnerLines(text);
  if (!lines.some(mayBeCommand)) {
    stream.write(`${lines.join(EOL)}${EOL}`);
    return;
  }
  const token = stopToken(lines);
  stream.write([`::stop-commands::${token}`, ...lines, `::${token}::`].join(EOL) + EOL);
}

/**
 * A child process's output echoed to the log through `writePlainText`, whole lines at a time (a command split
 * across two chunks is still one line to the runner); `end` writes what is left after the last line break.
 */
export function plainTextEcho(stream: NodeJS.WritableStream = process.stdout): {
  write(chunk: Buffer | string): void;
  end(): void;
} {
  let pending = '';
  return {
    write(chunk) {
      pending += chunk.toString();
      const lastBreak = Math.max(pending.lastIndexOf('\n'), pending.lastIndexOf('\r'));
      // A \r at the very end may be the first half of \r\n: keep it until the next chunk says.
      const cut = pending.endsWith('\r') ? pending.lastIndexOf('\n', pending.length - 2) : lastBreak;
      if (cut < 0) return;
      writePlainText(pending.slice(0, cut).replace(/\r$/, ''), stream);
      pending = pending.slice(cut + 1);
    },
    end() {
      if (pending) writePlainText(pending.replace(/\r$/, ''), stream);
      pending = '';
    },
  };
}

function fileCommand(variable: string, name: string, value: string): void {
  const file = process.env[variable];
  if (!file) {
    throw new Error(`${variable} is not set: this must run as a step of a GitHub Actions job (or the test kit).`);
  }
  // node:crypto would cost ~4 ms of start-up; a delimiter the value provably does not contain is just as safe.
  let delimiter = `ghadelimiter_${process.pid}_${Date.now().toString(36)}`;
  while (value.includes(delimiter) || name.includes(delimiter)) delimiter += `_${Math.random().toString(36).slice(2)}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export const runner = {
  /** A plain log line (or lines): never read by the runner as a workflow command, whatever it contains. */
  info(message: string): void {
    writePlainText(message);
  },
  debug(message: string): void {
    issueCommand('debug', {}, message);
  },
  notice(message: string, properties: AnnotationProperties = {}): void {
    issueCommand('notice', { ...properties }, message);
  },
  warning(message: string, properties: AnnotationProperties = {}): void {
    issueCommand('warning', { ...properties }, message);
  },
  error(message: string, properties: AnnotationProperties = {}): void {
    issueCommand('error', { ...properties }, message);
  },
  startGroup(title: string): void {
    issueCommand('group', {}, title);
  },
  endGroup(): void {
    issueCommand('endgroup', {}, '');
  },
  setSecret(secret: string): void {
    issueCommand('add-mask', {}, secret);
  },
  setOutput(name: string, value: string): void {
    fileCommand('GITHUB_OUTPUT', name, value);
  },
  saveState(name: string, value: string): void {
    fileCommand('GITHUB_STATE', name, value);
  },
  getState(name: string): string {
    return process.env[`STATE_${name}`] ?? '';
  },
  exportVariable(name: string, value: string): void {
    process.env[name] = value;
    fileCommand('GITHUB_ENV', name, value);
  },
  appendSummary(markdown: string): void {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set');
    appendFileSync(file, `${markdown}${EOL}`, 'utf8');
  },
  /** Fails the step: an error annotation and exit code 1. */
  setFailed(message: string, properties: AnnotationProperties = {}): void {
    process.exitCode = 1;
    issueCommand('error', { ...properties }, message);
  },
};
