import {
  awsRegion,
  ConfigurationError,
  createAwsClient,
  jobCancelSignal,
  log,
  realSleep,
  runAction,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { logsClients } from '@ecs-actions/core/ecs';
import { deployInputReader, readDeployInputs } from './inputs.js';

// The AWS SDK and the deploy logic load only after every input (and the task definition file) has been read:
// a bad input fails without parsing them (they are separate chunks of the bundle).

await runAction({
  async main() {
    const inputs = readDeployInputs(
      deployInputReader(),
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
      // ecs-render-taskdef writes the rendered file into RUNNER_TEMP by default.
      process.env.RUNNER_TEMP || undefined,
    );
    const region = awsRegion();
    const [{ ECSClient }, { deploy }, { summaryMarkdown }] = await Promise.all([
      import('@aws-sdk/client-ecs'),
      import('./deploy.js'),
      import('./summary.js'),
    ]);
    const ecs = createAwsClient(ECSClient, { region });
    const ecsSingleAttempt = createAwsClient(ECSClient, { region, maxAttempts: 1 });
    // CloudWatch Logs (the failure report's app log lines): its SDK is loaded only when a failure asks for it.
    const logs = logsClients();

    // A cancelled job gets SIGINT (then SIGTERM): stop waiting, say what is still in progress, exit non-zero.
    const cancelled = jobCancelSignal((signal) => log.info(`Received ${signal}: stopping.`));

    try {
      const result = await deploy(inputs, {
        ecs,
        ecsSingleAttempt,
        region,
        clock: systemClock,
        sleep: realSleep,
        signal: cancelled,
        logs: logs.clientFor,
        log: { info: log.info, warning: log.warning, startGroup: log.startGroup, endGroup: log.endGroup },
      });
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
      // The outcome is explained in full above; fail the step once with its one-sentence account.
      throw new ConfigurationError(result.message);
    } finally {
      ecs.destroy();
      ecsSingleAttempt.destroy();
      await logs.destroy();
    }
  },
});
