import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  ConfigurationError,
  createAwsClient,
  InputReader,
  log,
  realSleep,
  runAction,
  StepState,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { checkEngine, dockerCli } from './docker.js';
import { readEcrPushInputs } from './inputs.js';
import { type LoginState, logout } from './post.js';

const loginState = new StepState<LoginState>('ecr-push-login');

// The AWS SDK and the push logic load only in main, after the inputs are read: the post step (docker logout)
// and a bad input never parse them (they are separate chunks of the bundle).

await runAction({
  async main() {
    const inputs = readEcrPushInputs(new InputReader());
    const docker = dockerCli();
    // The docker CLI answers while the AWS SDK below is loaded and parsed; pushImage awaits it.
    const engineCheck = checkEngine(
      docker,
      process.env,
      inputs.source.kind === 'image' ? inputs.source.image : undefined,
    );
    engineCheck.catch(() => {});
    const [{ ECRClient }, { pushImage }, { summaryMarkdown }] = await Promise.all([
      import('@aws-sdk/client-ecr'),
      import('./ecr-push.js'),
      import('./summary.js'),
    ]);
    const result = await pushImage(inputs, {
      ecr: createAwsClient(ECRClient),
      docker,
      engineCheck,
      clock: systemClock,
      sleep: realSleep,
      log,
      workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      tempDir: process.env.RUNNER_TEMP || tmpdir(),
      env: process.env,
      event: readEvent(),
      onLogin: (registry) => loginState.save({ registry, dockerConfig: process.env.DOCKER_CONFIG }),
    });
    setOutputs({
      registry: result.registry,
      'repository-uri': result.repositoryUri,
      image: result.image,
      digest: result.digest,
      'image-with-digest': result.imageWithDigest,
      tags: result.tags,
    });
    writeSummary(summaryMarkdown(result));
    if (result.failure) throw new ConfigurationError(result.failure);
    log.notice(`Pushed ${result.imageWithDigest} as ${result.tags.join(', ')}`, { title: 'ecr-push' });
  },
  async post() {
    const state = loginState.load();
    if (state) await logout(dockerCli(), state, log);
  },
});

function readEvent(): unknown {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
