import { describe, expect, it } from '@jest/globals';
import { labelDockerfile } from '../src/build.js';
import {
  buildkitCacheProblem,
  cacheArguments,
  cacheUse,
  cacheUseMessage,
  prepareBuildCache,
} from '../src/build-cache.js';
import { FakeDocker, RecordingLog } from './helpers.js';

const PUSH_URI = '127.0.0.1:5000/ecs-be-prod';

async function prepare(docker: FakeDocker, extra: { repositoryExists?: boolean; mode?: 'registry' | 'off' } = {}) {
  const log = new RecordingLog();
  const cache = await prepareBuildCache({
    mode: extra.mode ?? 'registry',
    docker,
    log,
    pushUri: PUSH_URI,
    repositoryExists: extra.repositoryExists ?? true,
  });
  return { cache, log };
}

describe('prepareBuildCache', () => {
  it('off: no docker call, no cache arguments', async () => {
    const docker = new FakeDocker();
    const { cache } = await prepare(docker, { mode: 'off' });
    expect(docker.calls).toEqual([]);
    expect(cacheArguments(cache)).toEqual([]);
  });

  it('no buildx: pulls latest for the classic builder and names it in --cache-from', async () => {
    const docker = new FakeDocker();
    docker.pullFailure = undefined;
    const { cache, log } = await prepare(docker);
    expect(docker.calls.map((call) => call.args)).toEqual([
      ['buildx', 'inspect'],
      ['pull', '--quiet', `${PUSH_URI}:latest`],
    ]);
    expect(cacheArguments(cache)).toEqual(['--cache-from', `${PUSH_URI}:latest`]);
    expect(log.notices).toEqual([]);
  });

  it.each([
    [
      'manifest unknown',
      'Error response from daemon: manifest unknown',
      'there is no 127.0.0.1:5000/ecs-be-prod:latest yet',
    ],
    [
      'no permission',
      'Error response from daemon: pull access denied for 127.0.0.1:5000/ecs-be-prod, repository does not exist or may require authorization: denied',
      'no permission to pull 127.0.0.1:5000/ecs-be-prod:latest; the role needs ecr:BatchGetImage',
    ],
    [
      'anything else',
      'Error response from daemon: i/o timeout',
      'docker pull 127.0.0.1:5000/ecs-be-prod:latest failed',
    ],
  ])('a cache that cannot be read (%s) is a notice, and the build runs without it', async (_name, output, notice) => {
    const docker = new FakeDocker();
    docker.pullFailure = output;
    const { cache, log } = await prepare(docker);
    expect(cacheArguments(cache)).toEqual([]);
    expect(log.notices).toHaveLength(1);
    expect(log.notices[0]).toContain(notice);
    expect(log.warnings).toEqual([]);
  });

  it('a new repository: nothing to pull, a notice', async () => {
    const docker = new FakeDocker();
    const { cache, log } = await prepare(docker, { repositoryExists: false });
    expect(docker.commands()).toEqual(['buildx']);
    expect(cacheArguments(cache)).toEqual([]);
    expect(log.notices).toEqual([`Build cache: none to read, ${PUSH_URI} is a new repository (first build)`]);
  });

  it('buildx with the docker driver: BuildKit inline cache, read from latest', async () => {
    const docker = new FakeDocker();
    docker.buildxDriver = 'docker';
    const { cache } = await prepare(docker);
    expect(docker.commands()).toEqual(['buildx']);
    expect(cacheArguments(cache)).toEqual([
      '--cache-from',
      `${PUSH_URI}:latest`,
      '--build-arg',
      'BUILDKIT_INLINE_CACHE=1',
    ]);
  });

  it('buildx with a docker-container builder: a registry cache under its own tag, in the form ECR accepts', async () => {
    const docker = new FakeDocker();
    docker.buildxDriver = 'docker-container';
    const { cache } = await prepare(docker);
    expect(cacheArguments(cache)).toEqual([
      '--cache-from',
      `type=registry,ref=${PUSH_URI}:buildcache`,
      '--cache-to',
      `type=registry,ref=${PUSH_URI}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`,
      '--load',
    ]);
  });
});

describe('cacheUse', () => {
  it('reads the classic builder: Using cache after a step', () => {
    const output = [
      'Step 1/4 : FROM scratch',
      ' ---> ',
      'Step 2/4 : COPY rootfs/ /',
      ' ---> Using cache',
      ' ---> 07ec212e2f71',
      'Step 3/4 : RUN make deps',
      ' ---> Using cache',
      ' ---> 0a4e8e17df46',
      'Step 4/4 : COPY app.txt /app.txt',
      ' ---> 6e097f1e8558',
      'Successfully built 6e097f1e8558',
    ].join('\n');
    const use = cacheUse(output);
    expect(use).toEqual({ cached: ['COPY rootfs/ /', 'RUN make deps'], built: ['COPY app.txt /app.txt'] });
    expect(cacheUseMessage({ kind: 'pulled-image', from: 'x:latest' }, use)).toBe(
      'Build cache: 2 of 3 layers came from the cache: COPY rootfs/ / | RUN make deps; built: COPY app.txt /app.txt',
    );
  });

  it('reads BuildKit plain progress: CACHED steps, stages named', () => {
    const output = [
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      '#4 [builder 1/3] FROM docker.io/library/alpine:3.20@sha256:abc',
      '#4 DONE 0.1s',
      '#5 [builder 2/3] RUN apk add build-base',
      '#5 CACHED',
      '#6 [stage-1 2/2] COPY --from=builder /out /app',
      '#6 DONE 0.2s',
    ].join('\n');
    expect(cacheUse(output)).toEqual({ cached: ['RUN apk add build-base'], built: ['COPY --from=builder /out /app'] });
  });

  it('says so when nothing came from the cache', () => {
    expect(cacheUseMessage({ kind: 'pulled-image', from: undefined }, { cached: [], built: ['COPY a /'] })).toBe(
      'Build cache: no layer came from the cache (1 layers built)',
    );
  });
});

describe('labelDockerfile (the classic builder: every label in one step after the build)', () => {
  it('quotes keys and values so that nothing is split or expanded', () => {
    const id = `sha256:${'a'.repeat(64)}`;
    expect(
      labelDockerfile(id, [
        { key: 'org.example.note', value: 'say "hi" to $HOME \\ now' },
        { key: 'eq', value: 'a=b c' },
      ]),
    ).toBe(`FROM ${id}\nLABEL "org.example.note"="say \\"hi\\" to \\$HOME \\\\ now" "eq"="a=b c"\n`);
  });
});

describe('buildkitCacheProblem', () => {
  it("finds BuildKit's line about a cache it could not import", () => {
    const output = [
      '#8 importing cache manifest from 123.dkr.ecr.us-east-1.amazonaws.com/app:latest',
      '#8 ERROR: 123.dkr.ecr.us-east-1.amazonaws.com/app:latest: not found',
      '#9 [2/3] RUN make',
    ].join('\n');
    expect(buildkitCacheProblem(output)).toBe(
      'importing the cache 123.dkr.ecr.us-east-1.amazonaws.com/app:latest: 123.dkr.ecr.us-east-1.amazonaws.com/app:latest: not found',
    );
    // Read: no problem.
    expect(
      buildkitCacheProblem('#8 importing cache manifest from x/app:latest\n#8 DONE 0.3s\n#9 CACHED'),
    ).toBeUndefined();
  });
});
