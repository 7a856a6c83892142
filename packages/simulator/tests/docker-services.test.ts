import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type DockerServices,
  dockerServicesFromEnv,
  dockerServicesToEnv,
  ping,
  startDockerServices,
} from '../src/docker/index.js';

const exec = promisify(execFile);

describe('startDockerServices: a private dockerd and a registry with a login', () => {
  let services: DockerServices;

  beforeAll(async () => {
    services = await startDockerServices({ password: 'test-password-0123456789' });
  }, 120_000);

  afterAll(async () => {
    await services?.stop();
  }, 60_000);

  it('runs an engine the Docker CLI reaches through DOCKER_HOST', async () => {
    expect(services.dockerHost).toMatch(/^unix:\/\/\/tmp\/.+\/docker\.sock$/);
    const { stdout } = await exec('docker', ['version', '--format', '{{.Server.Os}}'], {
      env: { ...process.env, DOCKER_HOST: services.dockerHost },
    });
    expect(stdout.trim()).toBe('linux');
  });

  it('runs a registry on 127.0.0.1 that wants the password', async () => {
    expect(services.registryUrl).toBe(`http://${services.registryHost}`);
    expect(services.registryHost).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(services.username).toBe('AWS');
    const basic = (password: string) => `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`;
    expect((await fetch(`${services.registryUrl}/v2/`)).status).toBe(401);
    expect((await fetch(`${services.registryUrl}/v2/`, { headers: { authorization: basic('wrong') } })).status).toBe(
      401,
    );
    const ok = await fetch(`${services.registryUrl}/v2/`, { headers: { authorization: basic(services.password) } });
    expect(ok.status).toBe(200);
  });

  it('hands the services to test files through the environment', () => {
    const env = dockerServicesToEnv(services);
    expect(dockerServicesFromEnv(env)).toMatchObject({
      dockerHost: services.dockerHost,
      registryUrl: services.registryUrl,
      registryHost: services.registryHost,
      username: services.username,
      password: services.password,
    });
    expect(dockerServicesFromEnv({})).toBeUndefined();
  });

  it('stops both and removes the engine state', async () => {
    const socket = services.dockerHost.replace('unix://', '');
    const { dir, registryUrl } = services;
    await services.stop();
    expect(await ping(socket)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    await expect(fetch(`${registryUrl}/v2/`)).rejects.toThrow();
  }, 60_000);
});
