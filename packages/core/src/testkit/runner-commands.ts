/**
 * What the GitHub runner runs as workflow commands in a step's output, read with the runner's own two rules
 * (actions/runner `ActionCommand.TryParseV2` then `TryParse`, and `ActionCommandManager.TryProcessCommand`):
 * - `::name props::data` when the line starts with `::` after trimming leading white space;
 * - the legacy `##[name props]data` anywhere in the line (the first `##[`; properties split on `;`);
 * - a name counts only when the runner knows it (any letter case), or it is the token that resumes a
 *   `stop-commands` block; inside such a block nothing else runs.
 */
import { runnerLines } from '../runner.js';

/** The commands the runner registers (its command extensions and `stop-commands`). */
export const RUNNER_COMMANDS: readonly string[] = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
];

export interface RunnerCommand {
  /** Lower case; `resume` for the line that ends a `stop-commands` block. */
  command: string;
  properties: Record<string, string>;
  message: string;
  form: '::' | '##[';
  /** The whole output line, and its number (from 1). */
  line: string;
  lineNumber: number;
}

export interface RunnerReading {
  commands: RunnerCommand[];
  /** The token of a `stop-commands` block still open at the end: every later command of the step is lost. */
  stoppedBy?: string;
}

const replaceAll = (text: string, pairs: readonly (readonly [string, string])[]) =>
  pairs.reduce((value, [escaped, plain]) => value.split(escaped).join(plain), text);
const unescapeData = (s: string) =>
  replaceAll(s, [
    ['%0D', '\r'],
    ['%0A', '\n'],
    ['%25', '%'],
  ]);
const unescapeProperty = (s: string) =>
  replaceAll(s, [
    ['%0D', '\r'],
    ['%0A', '\n'],
    ['%3A', ':'],
    ['%2C', ','],
    ['%25', '%'],
  ]);
const unescapeLegacy = (s: string) =>
  replaceAll(s, [
    ['%3B', ';'],
    ['%0D', '\r'],
    ['%0A', '\n'],
    ['%5D', ']'],
    ['%25', '%'],
  ]);

interface Parsed {
  name: string;
  properties: Record<string, string>;
  message: string;
  form: '::' | '##[';
}

function splitProperties(text: string, separator: string, decode: (s: string) => string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of text.split(separator).filter(Boolean)) {
    const equals = pair.indexOf('=');
    // .NET's Split('=', 2, RemoveEmptyEntries): "=x" and "x=" have one part and are dropped.
    if (equals > 0 && equals < pair.length - 1) properties[pair.slice(0, equals)] = decode(pair.slice(equals + 1));
  }
  return properties;
}

function parseCommandInfo(info: string): { name: string; props: string | undefined } {
  const space = info.indexOf(' ');
  return space < 0 ? { name: info, props: undefined } : { name: info.slice(0, space), props: info.slice(space + 1) };
}

/** `ActionCommand.TryParseV2`. */
function parseV2(line: string, known: (name: string) => boolean): Parsed | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const { name, props } = parseCommandInfo(message.slice(2, end));
  if (!known(name)) return undefined;
  const properties = props && props.length > 0 ? splitProperties(props.trim(), ',', unescapeProperty) : {};
  return { name, properties, message: unescapeData(message.slice(end + 2)), form: '::' };
}

/** `ActionCommand.TryParse` (the legacy form). */
function parseLegacy(line: string, known: (name: string) => boolean): Parsed | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  if (close < 0) return undefined;
  const { name, props } = parseCommandInfo(line.slice(start + 3, close));
  if (!known(name)) return undefined;
  const properties = props && props.length > 0 ? splitProperties(props, ';', unescapeLegacy) : {};
  return { name, properties, message: unescapeLegacy(line.slice(close + 1)), form: '##[' };
}

/** Every command the runner would run in `output`, in order, with the state of `stop-commands` at the end. */
export function readAsRunner(output: string): RunnerReading {
  const registered = new Set(RUNNER_COMMANDS);
  let stopToken: string | undefined;
  const known = (name: string) =>
    registered.has(name.toLowerCase()) || (stopToken !== undefined && name.toLowerCase() === stopToken);
  const commands: RunnerCommand[] = [];
  runnerLines(output).forEach((line, index) => {
    if (!line) return;
    const parsed = parseV2(line, known) ?? parseLegacy(line, known);
    if (!parsed) return;
    const name = parsed.name.toLowerCase();
    const found = { properties: parsed.properties, message: parsed.message, form: parsed.form, line };
    if (stopToken !== undefined) {
      if (name !== stopToken) return;
      stopToken = undefined;
      commands.push({ command: 'resume', ...found, lineNumber: index + 1 });
      return;
    }
    commands.push({ command: name, ...found, lineNumber: index + 1 });
    // ValidateStopToken: an empty token, a command's name or pause-logging is refused and stops nothing.
    const token = parsed.message.toLowerCase();
    if (name === 'stop-commands' && token && !registered.has(token) && token !== 'pause-logging') stopToken = token;
  });
  return stopToken === undefined ? { commands } : { commands, stoppedBy: stopToken };
}

/**
 * Log lines that try every way in: each command in both forms, behind a prefix and at a line's start, a line
 * that guesses a stop token (`::abc::`) before a command, a carriage return that starts a new line, and last a
 * `stop-commands` that would swallow every later command of the step. Each payload's data is a `hostile-N` marker.
 */
export const HOSTILE_LINES: readonly string[] = [
  '::add-mask::hostile-1',
  'GET /##[add-mask]hostile-2 HTTP/1.1',
  '##[error file=a,title=b]hostile-3',
  'user=##[warning]hostile-4',
  '##[set-output name=a]hostile-5',
  '  ::warning title=x::hostile-6',
  '::abc::',
  '##[add-mask]hostile-7',
  'progress 10%\r::add-mask::hostile-8',
  '::stop-commands::abc',
  '##[stop-commands]hostile-9',
];

const OWN_COMMANDS = ['debug', 'notice', 'warning', 'error', 'group', 'endgroup', 'stop-commands', 'resume'];
const OWN_STOP_TOKEN = /^ecs-actions-[0-9a-f]{32}$/;

/**
 * What in `output` the runner would run that the action did not write as its own command: a legacy-form
 * command (the actions never write one), a command not at a line's start, a kind the action does not use, a
 * command whose whole data is a hostile marker, a stop token not made by the action, or a block left open.
 * An empty list means the only commands are the action's own.
 */
export function foreignCommands(output: string, options: { own?: readonly string[] } = {}): string[] {
  const own = new Set([...OWN_COMMANDS, ...(options.own ?? [])]);
  const reading = readAsRunner(output);
  const problems: string[] = [];
  for (const command of reading.commands) {
    const where = `line ${command.lineNumber} (${JSON.stringify(command.line)})`;
    if (command.form === '##[') problems.push(`${where}: the legacy form runs ${command.command}`);
    else if (!command.line.startsWith('::')) problems.push(`${where}: ${command.command} after leading white space`);
    else if (!own.has(command.command)) problems.push(`${where}: ${command.command} is not one of the action's own`);
    else if (/^hostile-\d+$/.test(command.message.trim())) {
      problems.push(`${where}: ${command.command} carries content from outside`);
    } else if (command.command === 'stop-commands' && !OWN_STOP_TOKEN.test(command.message)) {
      problems.push(`${where}: stop-commands with a token the action did not make`);
    }
  }
  if (reading.stoppedBy) problems.push(`commands stay stopped at the end (token ${reading.stoppedBy})`);
  return problems;
}

/**
 * A step's output as the runner reads it for commands: it reads stdout and stderr each line by line and processes
 * both, so a command on stderr counts too. Whole lines of either stream, in the order each was completed.
 */
export function runnerOutput(): { add(stream: 'stdout' | 'stderr', chunk: string): void; text(): string } {
  const pending = { stdout: '', stderr: '' };
  let lines = '';
  return {
    add(stream, chunk) {
      pending[stream] += chunk;
      const cut = Math.max(pending[stream].lastIndexOf('\n'), pending[stream].lastIndexOf('\r'));
      if (cut < 0) return;
      lines += `${pending[stream].slice(0, cut)}\n`;
      pending[stream] = pending[stream].slice(cut + 1);
    },
    text() {
      return lines + [pending.stdout, pending.stderr].filter(Boolean).join('\n');
    },
  };
}
