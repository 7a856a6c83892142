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
  info(message: string): void {
    process.stdout.write(`${message}${EOL}`);
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
