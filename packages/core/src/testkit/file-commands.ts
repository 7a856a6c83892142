import { readAsRunner } from './runner-commands.js';

/**
 * Parses a runner file command (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`): `name=value` lines and
 * `name<<DELIMITER` … `DELIMITER` heredocs, as the runner reads them.
 */
export function parseFileCommands(content: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const equals = line.indexOf('=');
    if (heredoc && (equals === -1 || equals > line.indexOf('<<'))) {
      const [, name = '', delimiter = ''] = heredoc;
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        body.push(lines[i] ?? '');
      }
      if (!closed) throw new Error(`file command "${name}": delimiter ${delimiter} is never closed`);
      values[name] = body.join('\n');
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`file command line is neither name=value nor a heredoc: ${line}`);
    }
  }
  return values;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** The workflow commands the runner would run in stdout (both forms; `stop-commands` blocks honoured). */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  return readAsRunner(stdout)
    .commands.filter(({ command }) => command !== 'stop-commands' && command !== 'resume')
    .map(({ command, properties, message }) => ({ command, properties, message }));
}
