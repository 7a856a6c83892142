import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as log from '../src/log.js';
import { plainTextEcho, runner, writePlainText } from '../src/runner.js';
import { foreignCommands, HOSTILE_LINES, readAsRunner } from '../src/testkit/runner-commands.js';

let stdout: string[];
beforeEach(() => {
  stdout = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});
const printed = () => stdout.join('');

describe("the test kit reads output with the runner's rules", () => {
  it('finds every hostile line printed raw, in both forms, and the stop-commands that swallows the rest', () => {
    const raw = `${HOSTILE_LINES.join('\n')}\n::error::the step failed\n`;
    const reading = readAsRunner(raw);
    expect(reading.commands.map((c) => [c.command, c.form, c.message])).toEqual([
      ['add-mask', '::', 'hostile-1'],
      ['add-mask', '##[', 'hostile-2 HTTP/1.1'],
      ['error', '##[', 'hostile-3'],
      ['warning', '##[', 'hostile-4'],
      ['set-output', '##[', 'hostile-5'],
      ['warning', '::', 'hostile-6'],
      ['add-mask', '##[', 'hostile-7'],
      ['add-mask', '::', 'hostile-8'],
      ['stop-commands', '::', 'abc'],
    ]);
    // `::stop-commands::abc` stopped everything; the next line's token is not `abc`, so the step's error is lost.
    expect(reading.stoppedBy).toBe('abc');
    expect(readAsRunner('##[error file=a;title=b%3Bc]x%5D').commands[0]?.properties).toEqual({
      file: 'a',
      title: 'b;c',
    });
    expect(foreignCommands(raw)).toHaveLength(10);
  });

  it('a guessed token resumes only when it is the token', () => {
    const reading = readAsRunner('::stop-commands::abc\n::add-mask::x\n::ABC::\n##[add-mask]y\n');
    expect(reading.commands.map((c) => c.command)).toEqual(['stop-commands', 'resume', 'add-mask']);
    expect(reading.stoppedBy).toBeUndefined();
  });
});

describe('writePlainText: outside text never runs as a workflow command', () => {
  it('prints each hostile line inside a stop-commands block with a fresh random token, then runs the own error', () => {
    for (const line of HOSTILE_LINES) log.info(`[app] ${line}`);
    log.info(HOSTILE_LINES.join('\n'));
    log.error('the step failed');
    expect(foreignCommands(printed())).toEqual([]);
    const reading = readAsRunner(printed());
    expect(reading.commands.at(-1)).toMatchObject({ command: 'error', message: 'the step failed' });
    const tokens = reading.commands.filter((c) => c.command === 'stop-commands').map((c) => c.message);
    expect(tokens).toHaveLength(HOSTILE_LINES.length + 1);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^ecs-actions-[0-9a-f]{32}$/);
    // The text itself reaches the log unchanged, line by line (a lone \r ends a line for the runner).
    expect(printed()).toContain('[app] GET /##[add-mask]hostile-2 HTTP/1.1\n');
    expect(printed()).toContain('progress 10%\n::add-mask::hostile-8\n');
  });

  it('prints ordinary lines as they are, with no block around them', () => {
    log.info('task 1a2b: RUNNING at 12:30:01\nsecond line');
    expect(printed()).toBe('task 1a2b: RUNNING at 12:30:01\nsecond line\n');
  });

  it('annotations built from outside text carry it as escaped data, never as a command', () => {
    for (const line of HOSTILE_LINES) {
      runner.warning(`Task stopped: ${line}\n${line}`, { title: `reason ${line}` });
      runner.error(`Exit reason: ${line}`, { file: line });
    }
    expect(foreignCommands(printed())).toEqual([]);
    const reading = readAsRunner(printed());
    expect(reading.commands).toHaveLength(HOSTILE_LINES.length * 2);
    expect(reading.commands[1]).toMatchObject({ command: 'error', properties: { file: HOSTILE_LINES[0] } });
    expect(reading.commands[0]?.message).toBe(`Task stopped: ${HOSTILE_LINES[0]}\n${HOSTILE_LINES[0]}`);
  });

  it('a child process echo keeps a command split across chunks on one guarded line', () => {
    const echo = plainTextEcho(process.stdout);
    echo.write('step 1\n##[add-');
    echo.write('mask]hostile-1\r');
    echo.write('\n::set-output name=a::hostile-2');
    echo.end();
    log.error('docker build failed');
    expect(foreignCommands(printed())).toEqual([]);
    const lines = printed().split('\n');
    expect(lines.filter((line) => !line.startsWith('::stop-commands::') && !/^::ecs-actions-/.test(line))).toEqual([
      'step 1',
      '##[add-mask]hostile-1',
      '::set-output name=a::hostile-2',
      '::error::docker build failed',
      '',
    ]);
    expect(printed()).toContain('\n::set-output name=a::hostile-2\n');
  });

  it('never picks a token the text contains', () => {
    const spy = jest
      .spyOn(globalThis.crypto, 'randomUUID')
      .mockReturnValueOnce('00000000-0000-0000-0000-000000000001')
      .mockReturnValueOnce('00000000-0000-0000-0000-000000000002');
    writePlainText('::ecs-actions-00000000000000000000000000000001::');
    expect(spy).toHaveBeenCalledTimes(2);
    expect(printed().split('\n')[0]).toBe('::stop-commands::ecs-actions-00000000000000000000000000000002');
  });
});
