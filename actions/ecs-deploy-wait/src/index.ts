import { ECSClient } from '@aws-sdk/client-ecs';
import {
  awsRegion,
  createAwsClient,
  InputReader,
  log,
  realSleep,
  runAction,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { deploy } from './deploy.js';
import { readDeployInputs } from './inputs.js';
import { summaryMarkdown } from './summary.js';

await runAction({
  async main() {
    const inputs = readDeployInputs(new InputReader(), process.env.GITHUB_WORKSPACE ?? process.cwd());
    const region = awsRegion();
    const ecs = createAwsClient(ECSClient, { region });

    // A cancelled job gets SIGINT (then SIGTERM): stop waiting, say what is still in progress, exit non-zero.
    const cancel = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      log.info(`Received ${signal}: stopping.`);
      cancel.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);

    const result = await deploy(inputs, {
      ecs,
      region,
      clock: systemClock,
      sleep: realSleep,
      signal: cancel.signal,
      log: { info: log.info, warning: log.warning, startGroup: log.startGroup, endGroup: log.endGroup },
    });
    ecs.destroy();

    setOutputs({
      'task-definition-arn': result.taskDefinitionArn,
      'previous-task-definition-arn': result.previousTaskDefinitionArn,
      'deployment-id': result.deploymentId,
      status: result.status,
      'duration-seconds': Math.round(result.durationMs / 1000),
    });
    writeSummary(summaryMarkdown(result));
    if (result.status === 'succeeded' || result.status === 'unchanged') {
      log.notice(result.message, { title: `ECS deploy ${result.status}` });
      return;
    }
    throw new Error(result.message);
  },
});
