/**
 * The task-definition file as the bundle reads it: strict, bounded, and only from the workspace or RUNNER_TEMP.
 * A refused file fails the step once before any AWS call.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runBundle } from '@ecs-actions/core/testkit';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

const bundle = new URL('../dist/index.js', import.meta.url).pathname;
const seedText = readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8');

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 60 });
  sim.ecs.seedCluster('prod');
});
afterAll(async () => {
  await sim?.close();
});

/** A job's directories: the workspace, RUNNER_TEMP, and a directory beside them with a secret. */
async function job() {
  const root = await mkdtemp(path.join(tmpdir(), 'edw-file-e2e-'));
  const dirs = {
    workspace: path.join(root, 'workspace'),
    temp: path.join(root, 'temp'),
    outside: path.join(root, 'x'),
  };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir)));
  await writeFile(path.join(dirs.outside, 'td.json'), seedText.replace('ecs_be_prod', 'SECRET-CONTENT'));
  return dirs;
}

const deploy = (dirs: { workspace: string; temp: string }, file: string) =>
  runBundle({
    bundle,
    workspace: dirs.workspace,
    env: { ...sim.env, RUNNER_TEMP: dirs.temp },
    inputs: { 'task-definition': file, cluster: 'prod', service: 'be', wait: 'false' },
  });

describe('ecs-deploy-wait bundle: the task-definition file', () => {
  it('a duplicate key fails once, naming key, line and file, before any AWS call', async () => {
    const dirs = await job();
    await writeFile(
      path.join(dirs.workspace, 'td.json'),
      seedText.replace('"family": "ecs_be_prod",', '"family": "ecs_be_prod",\n  "family": "other",'),
    );
    const calls = sim.calls.length;
    const run = await deploy(dirs, 'td.json');
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual([
      'Input "task-definition": "td.json" has the key "family" twice in one object (first at line 2) at line 3, column 3; JSON readers would silently keep only the last value. Remove or rename one of them.',
    ]);
    expect(sim.calls.length).toBe(calls);
  });

  it.each([
    ['a path out of the workspace', '../x/td.json'],
    ['a symbolic link out of the workspace', 'link.json'],
  ])('%s fails once without printing the file, before any AWS call', async (_name, file) => {
    const dirs = await job();
    await symlink(path.join(dirs.outside, 'td.json'), path.join(dirs.workspace, 'link.json'));
    const calls = sim.calls.length;
    const run = await deploy(dirs, file);
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('Input "task-definition" must name a path inside GITHUB_WORKSPACE');
    expect(run.log).not.toContain('SECRET-CONTENT');
    expect(sim.calls.length).toBe(calls);
  });

  it('reads the file ecs-render-taskdef wrote into RUNNER_TEMP (as deploy.yml passes it)', async () => {
    const dirs = await job();
    const rendered = path.join(dirs.temp, 'task-definition-ecs_be_prod-1a2b3c4d.json');
    await writeFile(rendered, seedText);
    const run = await deploy(dirs, rendered);
    // Past the file: the service does not exist in the simulator, which is the one error.
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toContain('Service "be" was not found in cluster "prod"');
  });
});
