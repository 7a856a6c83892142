import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, InputReader, inputsFrom, TASK_DEFINITION_MAX_BYTES } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readDeployInputs } from '../src/inputs.js';

const td = (extra: Record<string, unknown> = {}) => ({
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'web:1', ...extra }],
});

let root: string;
let workspace: string;
let runnerTemp: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'edw-taskdef-file-'));
  workspace = path.join(root, 'workspace');
  runnerTemp = path.join(root, 'temp');
  await Promise.all(['workspace', 'temp', 'outside'].map((dir) => mkdir(path.join(root, dir))));
  await writeFile(path.join(root, 'outside', 'td.json'), JSON.stringify(td({ SECRET: 'SECRET-CONTENT' })));
  await writeFile(path.join(runnerTemp, 'rendered.json'), JSON.stringify(td()));
  await symlink(path.join(root, 'outside', 'td.json'), path.join(workspace, 'link.json'));
  await writeFile(
    path.join(workspace, 'duplicate.json'),
    '{\n  "family": "web",\n  "containerDefinitions": [\n    {"name": "web", "image": "web:1", "image": "web:2"}\n  ]\n}\n',
  );
  await writeFile(
    path.join(workspace, 'large.json'),
    JSON.stringify(td({ environment: [{ name: 'BIG', value: 'x'.repeat(TASK_DEFINITION_MAX_BYTES) }] })),
  );
  await writeFile(path.join(workspace, 'broken.json'), '{"family": "SECRET-CONTENT" "x": 1}');
});

const read = (file: string) =>
  readDeployInputs(new InputReader(inputsFrom({ 'task-definition': file, service: 'web' })), workspace, runnerTemp);

function refusal(file: string): string {
  try {
    read(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error(`expected ${file} to be refused`);
}

describe('the task-definition file', () => {
  it('may be one that ecs-render-taskdef wrote into RUNNER_TEMP', () => {
    const inputs = read(path.join(runnerTemp, 'rendered.json'));
    expect(inputs.taskDefinition).toMatchObject({ kind: 'file', rendered: { request: td() } });
  });

  it('refuses a key written twice, naming the key, the line and the file', () => {
    expect(refusal('duplicate.json')).toBe(
      'Input "task-definition": "duplicate.json" has the key "image" twice in one object (first at line 4) at line 4, column 39; JSON readers would silently keep only the last value. Remove or rename one of them.',
    );
  });

  it("refuses a task definition over ECS's 64 KiB before any AWS call", () => {
    expect(refusal('large.json')).toMatch(
      /^Input "task-definition": the task definition in "large.json" is \d+ bytes as compact JSON, over the 64 KiB \(65536 bytes\)/,
    );
  });

  it.each([
    ['a relative path out', '../outside/td.json'],
    ['an absolute path out', '/etc/passwd'],
    ['a symbolic link out', 'link.json'],
  ])('refuses %s, without showing the content', (_name, file) => {
    const message = refusal(file);
    expect(message).toContain('Input "task-definition" must name a path inside GITHUB_WORKSPACE');
    expect(message).toContain('or RUNNER_TEMP');
    expect(message).not.toContain('SECRET-CONTENT');
    expect(message).not.toContain('root:');
  });

  it('says where a syntax error is, without the content', () => {
    const message = refusal('broken.json');
    expect(message).toBe(
      'Input "task-definition": "broken.json" is not valid JSON: expected "," or "}" after a property value, found "\\"" (a missing comma?) at line 1, column 29. Fix the file.',
    );
  });
});
