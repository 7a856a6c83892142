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
import { readContinueInputs } from './inputs.js';

// The AWS SDK and the logic (shared with ecs-deploy-wait) load only after every input has been read.

await runAction({
  async main() {
    const inputs = readContinueInputs();
    const region = awsRegion();
    const [{ ECSClient }, { continueDeployment, summaryMarkdown, pauseOutputs }] = await Promise.all([
      import('@aws-sdk/client-ecs'),
      import('@ecs-actions/ecs-deploy-wait/continue'),
    ]);
    const ecs = createAwsClient(ECSClient, { region });
    const ecsSingleAttempt = createAwsClient(ECSClient, { region, maxAttempts: 1 });
    // CloudWatch Logs (a failure report's app log lines): its SDK is loaded only when a failure asks for it.
    const logs = logsClients();
    const cancelled = jobCancelSignal((signal) => log.info(`Received ${signal}: stopping.`));
    try {
      const result = await continueDeployment(inputs, {
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
        status: result.status,
        'task-definition-arn': result.taskDefinitionArn,
        'previous-task-definition-arn': result.previousTaskDefinitionArn,
        'deployment-id': result.deploymentId,
        'duration-seconds': Math.round(result.durationMs / 1000),
        ...pauseOutputs(result),
        'rollback-method': result.rollback?.method,
      });
      writeSummary(summaryMarkdown(result));
      const asked = inputs.action === 'rollback' && result.status === 'rolled-back';
      if (result.status === 'succeeded' || result.status === 'paused' || asked) {
        log.notice(result.message, { title: `ECS deployment ${result.status}` });
        return;
      }
      throw new ConfigurationError(result.message);
    } finally {
      ecs.destroy();
      ecsSingleAttempt.destroy();
      await logs.destroy();
    }
  },
});
