/**
 * What ecr-push does when it is refused part way: paths outside the workspace fail before anything happens, and a
 * push that fails after some tags are in ECR says which tags hold which digest and which are missing.
 */
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { pushImage } from '../src/ecr-push.js';
import {
  authorizationToken,
  DIGEST,
  ecrError,
  IMAGE_ID,
  inputs,
  manifestLookup,
  putImage,
  REGISTRY_HOST,
  repositoryDescription,
  tagLookup,
  testDeps,
  workspaceWithDockerfile,
} from './helpers.js';

const URI = `${REGISTRY_HOST}/ecs-be-prod`;
let workspace: string;

beforeAll(async () => {
  nock.disableNetConnect();
  workspace = await workspaceWithDockerfile();
  const outside = await mkdtemp(path.join(tmpdir(), 'ecr-push-outside-'));
  await writeFile(path.join(outside, 'Dockerfile'), 'FROM scratch\n# SECRET-CONTENT\n');
  await symlink(path.join(outside, 'Dockerfile'), path.join(workspace, 'app', 'Dockerfile.link'));
  await symlink(outside, path.join(workspace, 'outside-link'));
});

describe('file and context stay inside the workspace', () => {
  it.each([
    [{ file: '/etc/passwd' }, 'Input "file" must name a path inside GITHUB_WORKSPACE'],
    [{ file: 'app/Dockerfile.link' }, 'Input "file" must name a path inside GITHUB_WORKSPACE'],
    [{ context: '..' }, 'Input "context" must name a path inside GITHUB_WORKSPACE'],
    [{ context: 'outside-link' }, 'Input "context" must name a path inside GITHUB_WORKSPACE'],
  ])('%j is refused before Docker or AWS is asked anything', async (extra, message) => {
    const deps = await testDeps(workspace);
    const error = await pushImage(inputs({ repository: 'ecs-be-prod', context: 'app', ...extra }), deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toContain(message);
    expect(String(error)).not.toContain('SECRET-CONTENT');
    expect(deps.docker.calls).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('a push that fails half way says what was done', () => {
  it('the first tags are in ECR, the next is refused: one error names the pushed tags, the digest and the rest', async () => {
    const deps = await testDeps(workspace);
    const scope = authorizationToken()
      .add(repositoryDescription())
      .add(tagLookup('0.2541.135', undefined))
      .add(tagLookup('latest', undefined))
      .add(tagLookup('stable', undefined))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(manifestLookup(DIGEST, IMAGE_ID))
      .add(putImage('latest', DIGEST, IMAGE_ID))
      .add(ecrError('PutImage', 'AccessDeniedException', 'not authorized to perform: ecr:PutImage'));
    const error = await pushImage(
      inputs({ repository: 'ecs-be-prod', context: 'app', tags: '0.2541.135\nlatest\nstable' }),
      deps,
    ).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String((error as Error).message)).toBe(
      `ecr:PutImage on ecs-be-prod:stable was denied (AccessDeniedException): not authorized to perform: ecr:PutImage. Allow ecr:PutImage for the role this job uses. The README lists every ECR action this step needs. Half done: ${URI} holds 0.2541.135 and latest → ${DIGEST}; not pushed: stable. Running the step again skips the tags that are there.`,
    );
  });

  it('the first tag pushed, the second docker push refused: the same account of what is there', async () => {
    const deps = await testDeps(workspace);
    deps.docker.pushFailure = 'denied: User is not authorized to perform: ecr:InitiateLayerUpload';
    deps.docker.pushFailureAfter = 1;
    const scope = authorizationToken()
      .add(repositoryDescription())
      .add(tagLookup('0.2541.135', undefined))
      .add(tagLookup('latest', undefined))
      .add(tagLookup('0.2541.135', DIGEST))
      .add(ecrError('BatchGetImage', 'AccessDeniedException', 'not authorized to perform: ecr:BatchGetImage'));
    const error = await pushImage(
      inputs({ repository: 'ecs-be-prod', context: 'app', tags: '0.2541.135\nlatest' }),
      deps,
    ).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(String((error as Error).message)).toContain('The role needs ecr:InitiateLayerUpload');
    expect(String((error as Error).message)).toContain(
      `Half done: ${URI} holds 0.2541.135 → ${DIGEST}; not pushed: latest.`,
    );
  });
});
