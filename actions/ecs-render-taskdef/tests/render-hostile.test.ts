import { existsSync, readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, TASK_DEFINITION_MAX_BYTES } from '@ecs-actions/core';
import { describe, expect, it } from '@jest/globals';
import { FileConfigurationError } from '../src/errors.js';
import { ECR_HOST, noAws, render, type Sandbox, SEED_CONTAINER, seed, seedText } from './helpers.js';

/** A directory beside the workspace and RUNNER_TEMP, with a secret in it. */
async function outside(box: Sandbox): Promise<string> {
  const dir = path.join(path.dirname(box.workspace), 'outside');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'secret.json'), '{"SECRET-CONTENT": true}');
  return dir;
}

function message(error: unknown): string {
  expect(error).toBeInstanceOf(ConfigurationError);
  return (error as Error).message;
}

describe('a duplicate key in the task definition file', () => {
  it('is refused, naming the key, both lines and the file, annotated on the file', async () => {
    const text = seedText.replace('"family": "ecs_be_prod",', '"family": "ecs_be_prod",\n  "family": "other",');
    const run = await render({ 'task-definition': 'deploy/td.json' }, { files: { 'deploy/td.json': text } });
    expect(run.error).toBeInstanceOf(FileConfigurationError);
    const error = run.error as FileConfigurationError;
    expect(error.message).toBe(
      'Input "task-definition": "deploy/td.json" has the key "family" twice in one object (first at line 2) at line 3, column 3; JSON readers would silently keep only the last value. Remove or rename one of them.',
    );
    expect(error.annotation).toEqual({
      file: 'deploy/td.json',
      line: 3,
      col: 3,
      title: 'Task definition has a duplicate key',
    });
    expect(run.written).toEqual([]);
  });
});

describe('the 64 KiB task definition limit', () => {
  const big = (bytes: number) => {
    const td = seed();
    const [first] = td.containerDefinitions as Record<string, unknown>[];
    if (first) first.environment = [{ name: 'BIG', value: 'x'.repeat(bytes) }];
    return JSON.stringify(td, null, 2);
  };

  it('refuses a file over the limit before any AWS call', async () => {
    const run = await render(
      { 'task-definition': 'td.json', 'container-name': SEED_CONTAINER, image: `${ECR_HOST}/ecs-be-prod:1` },
      { files: { 'td.json': big(TASK_DEFINITION_MAX_BYTES) }, clients: noAws },
    );
    const text = message(run.error);
    expect(text).toMatch(
      /^Input "task-definition": the task definition in "td.json" is \d+ bytes as compact JSON, over the 64 KiB \(65536 bytes\) that ECS accepts for one task definition/,
    );
    expect(text).toContain('environmentFiles');
    expect(run.written).toEqual([]);
  });

  it('refuses a render that the inputs grow over the limit, and writes nothing', async () => {
    const run = await render(
      {
        'task-definition': 'td.json',
        'container-name': SEED_CONTAINER,
        'environment-variables': `LARGE=${'y'.repeat(TASK_DEFINITION_MAX_BYTES)}`,
        'output-file': 'out.json',
      },
      { files: { 'td.json': seedText } },
    );
    expect(message(run.error)).toMatch(
      /^The task definition rendered from the task-definition file "td.json" is \d+ bytes as compact JSON/,
    );
    expect(run.written).toEqual([]);
    expect(existsSync(path.join(run.box.workspace, 'out.json'))).toBe(false);
  });
});

describe('paths stay inside the workspace (and RUNNER_TEMP)', () => {
  it.each([
    ['a relative path out', '../outside/secret.json'],
    ['an absolute path out', '/etc/passwd'],
  ])('task-definition: %s is refused without showing the content', async (_name, value) => {
    const run = await render({ 'task-definition': value }, { setup: async (box) => void (await outside(box)) });
    const text = message(run.error);
    expect(text).toContain(`Input "task-definition" must name a path inside GITHUB_WORKSPACE`);
    expect(text).toContain(`got "${value}"`);
    expect(text).not.toContain('SECRET-CONTENT');
    expect(text).not.toContain('root:');
  });

  it('task-definition: a symbolic link out of the workspace is refused', async () => {
    const run = await render(
      { 'task-definition': 'td.json' },
      {
        setup: async (box) =>
          symlink(path.join(await outside(box), 'secret.json'), path.join(box.workspace, 'td.json')),
      },
    );
    const text = message(run.error);
    expect(text).toContain('(following symbolic links)');
    expect(text).not.toContain('SECRET-CONTENT');
  });

  it('task-definition: a file an earlier step wrote to RUNNER_TEMP is read (chained renders)', async () => {
    // The sandbox's RUNNER_TEMP is ../temp from its workspace.
    const run = await render(
      { 'task-definition': '../temp/first-render.json', 'verify-image': 'false' },
      { setup: (box) => writeFile(path.join(box.runnerTemp, 'first-render.json'), seedText) },
    );
    expect(run.error).toBeUndefined();
    expect(run.result?.family).toBe('ecs_be_prod');
  });

  it.each([
    ['a relative path out', '../outside/out.json'],
    ['an absolute path out', '/tmp/../etc/ecs-render-out.json'],
  ])('output-file: %s is refused and nothing is written', async (_name, value) => {
    const run = await render(
      { 'task-definition': 'td.json', 'output-file': value },
      { files: { 'td.json': seedText } },
    );
    expect(message(run.error)).toContain(`Input "output-file" must name a path inside GITHUB_WORKSPACE`);
    expect(run.written).toEqual([]);
    expect(existsSync(path.join(path.dirname(run.box.workspace), 'outside', 'out.json'))).toBe(false);
  });

  it('output-file: a symbolic link out of the workspace is refused and its target left alone', async () => {
    let target = '';
    const run = await render(
      { 'task-definition': 'td.json', 'output-file': 'rendered.json' },
      {
        files: { 'td.json': seedText },
        setup: async (box) => {
          target = path.join(await outside(box), 'secret.json');
          await symlink(target, path.join(box.workspace, 'rendered.json'));
        },
      },
    );
    expect(message(run.error)).toContain('(following symbolic links)');
    expect(readFileSync(target, 'utf8')).toBe('{"SECRET-CONTENT": true}');
  });
});
