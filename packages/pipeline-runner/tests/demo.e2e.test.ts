/**
 * `pnpm demo` (the README's main command), run as a user would run it, without Docker (so it seeds the image): it
 * must print what GitHub would show — version, image and digest, the task definition diff, the rollout, the deploy
 * tag — and then a failing deploy rolled back, with no tag for it, and exit 0.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from '@jest/globals';

const root = path.resolve(import.meta.dirname, '../../..');
const exec = promisify(execFile);

let output = '';

beforeAll(async () => {
  const { stdout } = await exec(path.join(root, 'node_modules/.bin/tsx'), ['scripts/demo.ts'], {
    cwd: root,
    env: { ...process.env, ECS_ACTIONS_DEMO_NO_DOCKER: '1', NO_COLOR: '1' },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  output = stdout;
}, 150_000);

/** The text between two banners (`━━ <title>`). */
const section = (title: string) => {
  const start = output.indexOf(`━━ ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = output.indexOf('━━ ', output.indexOf('\n', start));
  return output.slice(start, end === -1 ? undefined : end);
};

describe('pnpm demo without Docker', () => {
  it('says that there is no Docker and seeds the image instead of building it', () => {
    expect(output).toContain(
      "Docker: ECS_ACTIONS_DEMO_NO_DOCKER is set. The image is seeded into the simulator's ECR instead of built.",
    );
    expect(section('1. push to master')).toMatch(/Warning: ecr-push skipped: .*Seeded .* instead of building it\./);
  });

  it('CI: the version, the image and its digest', () => {
    const ci = section('1. push to master');
    expect(ci).toMatch(/Notice: HeadVer 0\.\d{4}\.1\n/);
    expect(ci).toMatch(
      /CI ✓ success · version 0\.\d{4}\.1 · image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/ecs-be-prod:0\.\d{4}\.1 · digest sha256:[0-9a-f]{64}\n/,
    );
  });

  it('CD: the task definition diff, the rollout to completion, the deploy tag on the commit CI built', () => {
    const cd = section('2. CI completed');
    expect(cd).toMatch(
      /image: "123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/ecs-be-prod:latest" → "123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/ecs-be-prod:0\.\d{4}\.1"/,
    );
    // The preflight on the seed's HA service: nothing to find, and the least rollout time from its target group.
    expect(cd).toContain('Preflight of service ecs-be-prod-service: no findings (preflight: warn)');
    expect(cd).toMatch(/A rollout takes at least 1m20s: 1 round of 2 tasks .*deregistration delay 30s/);
    expect(cd).toMatch(/deployment ecs-svc\/\d+ PRIMARY \(ours\) ecs_be_prod:2: IN_PROGRESS/);
    expect(cd).toMatch(/deployment ecs-svc\/\d+ PRIMARY \(ours\) ecs_be_prod:2: COMPLETED, 2\/2 running/);
    expect(cd).toContain('has reached a steady state.');
    expect(cd).toMatch(/CD ✓ success · \{"version":"0\.\d{4}\.1",.*"status":"succeeded"[,}]/);
    expect(cd).toMatch(
      /image 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/ecs-be-prod:0\.\d{4}\.1 verified in ECR by ecs-render-taskdef: sha256:[0-9a-f]{64}\n/,
    );
    const built = /master moved on to [0-9a-f]{7}: CD must deploy and tag ([0-9a-f]{7})/.exec(output)?.[1];
    expect(cd).toMatch(new RegExp(`tag ecs-deploy-0\\.\\d{4}\\.1 → ${built}\\n`));
  });

  it('then a release that crashes: the circuit breaker rolls it back, the job fails, nothing is tagged', () => {
    const failing = section('3. the next push');
    expect(failing).toContain('container ecs_be_prod_container: exit code 1');
    // The failure report shows what the crashed app logged last (CloudWatch Logs, the task definition's awslogs).
    expect(failing).toMatch(
      /last 14 log lines of container ecs_be_prod_container \(\/ecs\/ecs_be_prod ecs\/ecs_be_prod_container\/[0-9a-f]{32}\):/,
    );
    expect(failing).toContain('| APPLICATION FAILED TO START');
    // The other tasks of the crash loop logged the same: said in one line each, not repeated.
    expect(failing.match(/\| APPLICATION FAILED TO START/g)).toHaveLength(1);
    expect(failing).toMatch(/container ecs_be_prod_container logged the same last 14 lines as in task [0-9a-f]{32}/);
    expect(failing).toMatch(
      /Error: Deployment ecs-svc\/\d+ of ecs_be_prod:3 failed and ECS's deployment circuit breaker/,
    );
    expect(failing).toContain('○ Record the deploy (skipped)');
    expect(failing).toContain('job deploy/deploy failed');
    expect(failing).toMatch(/CD ✗ failure · \{"version":"0\.\d{4}\.2",.*"status":"rolled-back"[,}]/);
    expect(failing).toMatch(/deploy tags: ecs-deploy-0\.\d{4}\.1 \(no tag for 0\.\d{4}\.2\)/);
    expect(output).not.toContain('The demo did not go as expected');
  });
});
