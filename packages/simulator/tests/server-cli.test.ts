/** `pnpm simulator`: the CLI prints the endpoint and export lines, serves, and stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { describe, expect, it } from '@jest/globals';
import { Faults } from '../src/faults.js';
import { ecsClient } from './ecs-helpers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('cli', () => {
  it('prints the endpoint and export lines, serves the demo seed, and exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/simulator/src/cli.ts', '--demo', '--time-scale', '60'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
    });
    try {
      for (let i = 0; i < 300 && !output.includes('Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 50));
      const exports = Object.fromEntries(
        [...output.matchAll(/^export ([A-Z_]+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']),
      );
      expect(Object.keys(exports).sort()).toEqual([
        'AWS_ACCESS_KEY_ID',
        'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
        'AWS_ENDPOINT_URL_CODEDEPLOY',
        'AWS_ENDPOINT_URL_ECR',
        'AWS_ENDPOINT_URL_ECS',
        'AWS_ENDPOINT_URL_EVENTBRIDGE',
        'AWS_ENDPOINT_URL_IAM',
        'AWS_ENDPOINT_URL_SCHEDULER',
        'AWS_ENDPOINT_URL_SECRETS_MANAGER',
        'AWS_ENDPOINT_URL_SSM',
        'AWS_REGION',
        'AWS_SECRET_ACCESS_KEY',
        'GITHUB_API_URL',
        'GITHUB_TOKEN',
      ]);
      expect(exports.AWS_ENDPOINT_URL_ECS).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = ecsClient({ env: exports } as never);
      const { services } = await client.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }));
      expect(services?.[0]?.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});

describe('fault matching', () => {
  it.each<[string, string | undefined, 'ecs' | 'github', string, boolean]>([
    ['any operation', undefined, 'ecs', 'DescribeServices', true],
    ['an AWS operation by name', 'UpdateService', 'ecs', 'UpdateService', true],
    ['not another AWS operation', 'UpdateService', 'ecs', 'DescribeServices', false],
    ['a GitHub route with method', 'POST /repos/{owner}/{repo}/git/refs', 'github', 'POST /repos/o/r/git/refs', true],
    ['not with another method', 'POST /repos/{owner}/{repo}/git/refs', 'github', 'GET /repos/o/r/git/refs', false],
    ['a GitHub route without method', '/repos/{owner}/{repo}/git/refs', 'github', 'GET /repos/o/r/git/refs', true],
    [
      'a trailing {param} spanning segments',
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      'github',
      'PATCH /repos/o/r/git/refs/tags/v1',
      true,
    ],
    [
      'a middle {param} is one segment',
      'GET /repos/{owner}/{repo}/git/tags',
      'github',
      'GET /repos/o/x/y/git/tags',
      false,
    ],
  ])('matches %s', (_what, operation, api, call, expected) => {
    const faults = new Faults();
    faults.inject(operation === undefined ? { kind: 'throttle' } : { kind: 'throttle', operation });
    expect(faults.take(api, call) !== undefined).toBe(expected);
  });
});
