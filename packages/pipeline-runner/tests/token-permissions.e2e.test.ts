/**
 * Each job's GITHUB_TOKEN carries exactly its `permissions:` (GitHub's restricted default when absent), and the
 * simulated GitHub API refuses a call outside them with 403 "Resource not accessible by integration", as GitHub does.
 */
import path from 'node:path';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simulatorTokens, type Trigger } from '../src/index.js';
import { explain, step } from './run-helpers.js';
import { scratchRunner } from './scratch-runner.js';

const SHA = 'c'.repeat(40);
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({});
  sim.github.seedRepository({ owner: 'octo-org', repo: 'octo-app', commits: [SHA] });
});
afterAll(async () => {
  await sim?.close();
});

/** A step that calls the API with the job's token and prints "<METHOD> <path> <status> <message>". */
const call = (name: string, method: string, route: string, body: string) => `
      - name: ${name}
        id: ${name}
        env:
          TOKEN: \${{ github.token }}
          DEPLOYMENT_ID: \${{ steps.deployment.outputs.id }}
        run: |
          node --input-type=module -e '
            const response = await fetch(process.env.GITHUB_API_URL + "/repos/octo-org/octo-app" + process.argv[1].replace("{id}", process.env.DEPLOYMENT_ID), {
              method: "${method}", body: process.argv[2] || undefined,
              headers: { authorization: "Bearer " + process.env.TOKEN, "content-type": "application/json" },
            });
            const answer = await response.json();
            console.log("${method} " + process.argv[1] + " " + response.status + " " + (answer.message ?? ""));
            (await import("node:fs")).appendFileSync(process.env.GITHUB_OUTPUT, "id=" + (answer.id ?? "") + "\\n");
          ' '${route}' '${body}'
`;

async function runJob(permissions: string, steps: string) {
  const workflow = `name: tokens\non: push\njobs:\n  only:\n    runs-on: ubuntu-latest\n${permissions}    steps:${steps}`;
  const { runner, root } = await scratchRunner(
    { 'tokens.yml': workflow },
    { apiUrl: sim.env.GITHUB_API_URL, issueToken: simulatorTokens(sim) },
  );
  const trigger: Trigger = {
    eventName: 'push',
    payload: { ref: 'refs/heads/master' },
    sha: SHA,
    runId: 1,
    runNumber: 1,
  };
  return runner.run(path.join(root, 'tokens.yml'), trigger);
}

describe("a job's GITHUB_TOKEN", () => {
  it('with only deployments: write cannot create a tag ref (403) but creates a deployment and its status', async () => {
    const run = await runJob(
      '    permissions:\n      deployments: write\n',
      call('ref', 'POST', '/git/refs', JSON.stringify({ ref: 'refs/tags/not-allowed', sha: SHA })) +
        call(
          'deployment',
          'POST',
          '/deployments',
          JSON.stringify({ ref: SHA, environment: 'production', auto_merge: false, required_contexts: [] }),
        ) +
        call('status', 'POST', '/deployments/{id}/statuses', JSON.stringify({ state: 'success' })),
    );
    expect(explain(run)).toBe('');
    expect(step(run, 'only', 'ref').log).toContain('POST /git/refs 403 Resource not accessible by integration');
    expect(sim.github.tags('octo-org', 'octo-app').map((t) => t.name)).not.toContain('not-allowed');
    expect(step(run, 'only', 'deployment').log).toMatch(/POST \/deployments 201/);
    expect(step(run, 'only', 'status').log).toContain('POST /deployments/{id}/statuses 201');
    expect(sim.github.deployments('octo-org', 'octo-app').map((d) => d.statuses.map((s) => s.state))).toEqual([
      ['success'],
    ]);
  }, 60_000);

  it("without permissions: (GitHub's restricted default) reads contents but cannot write them or deployments", async () => {
    const run = await runJob(
      '',
      call('read', 'GET', `/git/ref/heads/main`, '') +
        call('ref', 'POST', '/git/refs', JSON.stringify({ ref: 'refs/tags/default-token', sha: SHA })) +
        call('deployment', 'POST', '/deployments', JSON.stringify({ ref: SHA, environment: 'staging' })),
    );
    expect(step(run, 'only', 'read').log).toContain('GET /git/ref/heads/main 200');
    expect(step(run, 'only', 'ref').log).toContain('POST /git/refs 403 Resource not accessible by integration');
    expect(step(run, 'only', 'deployment').log).toContain(
      'POST /deployments 403 Resource not accessible by integration',
    );
  }, 60_000);
});
