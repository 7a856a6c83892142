import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ConfigurationError } from '../src/errors.js';
import { markdownTable, setOutputs, writeSummary } from '../src/outputs.js';
import { runAction, StepState } from '../src/run.js';
import { runner } from '../src/runner.js';
import { parseFileCommands, parseWorkflowCommands } from '../src/testkit/file-commands.js';

let stdout: string[];
let dir: string;
const saved = { ...process.env };

beforeEach(async () => {
  stdout = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  dir = await mkdtemp(path.join(tmpdir(), 'core-runner-'));
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY']) {
    const file = path.join(dir, name);
    await writeFile(file, '');
    process.env[name] = file;
  }
  process.exitCode = undefined;
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

const commands = () => parseWorkflowCommands(stdout.join(''));
const fileValues = async (name: string) => parseFileCommands(await readFile(path.join(dir, name), 'utf8'));

describe('workflow commands', () => {
  it('escapes data and properties so that a message cannot inject a command', () => {
    runner.error('line 1\nline 2 100%', { file: 'a,b:c.json', line: 3, col: 7 });
    expect(stdout.join('')).toBe('::error file=a%2Cb%3Ac.json,line=3,col=7::line 1%0Aline 2 100%25\n');
    expect(commands()).toEqual([
      { command: 'error', properties: { file: 'a,b:c.json', line: '3', col: '7' }, message: 'line 1\nline 2 100%' },
    ]);
  });
});

describe('file commands', () => {
  it('writes outputs as heredocs that survive newlines and "=" in values', async () => {
    setOutputs({ version: '1.2001.789+qa', json: { a: 1 }, list: ['x'], multi: 'a=b\nc', skipped: undefined });
    expect(await fileValues('GITHUB_OUTPUT')).toEqual({
      version: '1.2001.789+qa',
      json: '{"a":1}',
      list: '["x"]',
      multi: 'a=b\nc',
    });
  });

  it('parses name=value lines as the runner does', () => {
    expect(parseFileCommands('a=1\nb=x=y\n')).toEqual({ a: '1', b: 'x=y' });
    expect(() => parseFileCommands('a<<EOF\nnever closed\n')).toThrow('never closed');
  });

  it('appends the job summary', async () => {
    writeSummary(markdownTable(['Part', 'Value'], [['a|b', '`1`']]));
    expect(await readFile(path.join(dir, 'GITHUB_STEP_SUMMARY'), 'utf8')).toBe(
      '| Part | Value |\n| --- | --- |\n| a|b | `1` |\n',
    );
  });
});

describe('runAction', () => {
  it('fails a ConfigurationError once, with its message and no stack', async () => {
    await runAction({
      main: async () => {
        throw new ConfigurationError('Input "x" is bad.');
      },
    });
    expect(process.exitCode).toBe(1);
    expect(commands()).toEqual([{ command: 'error', properties: {}, message: 'Input "x" is bad.' }]);
  });

  it('shows the stack of an unexpected error under debug and fails once', async () => {
    await runAction({
      main: async () => {
        throw new TypeError('boom');
      },
    });
    const seen = commands();
    expect(seen.filter((c) => c.command === 'error')).toEqual([{ command: 'error', properties: {}, message: 'boom' }]);
    expect(seen.find((c) => c.command === 'debug')?.message).toContain('TypeError: boom');
    expect(process.exitCode).toBe(1);
  });

  it('runs post on the second invocation, with typed state from main', async () => {
    const state = new StepState<{ registry: string }>('login');
    const calls: string[] = [];
    const steps = {
      main: async () => {
        calls.push('main');
        state.save({ registry: '127.0.0.1:5000' });
      },
      post: async () => {
        calls.push(`post ${state.load()?.registry}`);
      },
    };
    await runAction(steps);
    const saved = await fileValues('GITHUB_STATE');
    expect(saved).toEqual({ 'ecs-actions-post': 'true', login: '{"registry":"127.0.0.1:5000"}' });
    for (const [name, value] of Object.entries(saved)) process.env[`STATE_${name}`] = value;
    await runAction(steps);
    expect(calls).toEqual(['main', 'post 127.0.0.1:5000']);
    expect(process.exitCode).toBeUndefined();
  });
});
