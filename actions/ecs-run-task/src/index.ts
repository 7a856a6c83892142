import {
  awsRegion,
  ConfigurationError,
  createAwsClient,
  InputReader,
  jobCancelSignal,
  log,
  realSleep,
  runAction,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { logsClients } from '@ecs-actions/core/ecs';
import { lazyVerifyClients } from '@ecs-actions/core/verify/clients';
import { readRunTaskInputs } from './inputs.js';

// The AWS SDK and the run logic load only after every input has been read (separate chunks of the bundle).

await runAction({
  async main() {
    const inputs = readRunTaskInputs(
      new InputReader(),
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
      // ecs-render-taskdef writes the rendered file into RUNNER_TEMP by default.
      process.env.RUNNER_TEMP || undefined,
    );
    const region = awsRegion();
    const [{ ECSClient }, { runTask }, { summaryMarkdown }] = await Promise.all([
      import('@aws-sdk/client-ecs'),
      import('./run-task.js'),
      import('./summary.js'),
    ]);
    const ecs = createAwsClient(ECSClient, { region });
    const ecsSingleAttempt = createAwsClient(ECSClient, { region, maxAttempts: 1 });
    // CloudWatch Logs (the tasks' log lines): its SDK is loaded when a task logs with awslogs.
    const logs = logsClients();
    // Verify's reads (IAM, SSM, Secrets Manager, ECR): each SDK loads when a check needs it.
    const verify = lazyVerifyClients(region, { logs: logs.clientFor });

    // A cancelled job gets SIGINT (then SIGTERM): stop the tasks (StopTask), say so, exit non-zero.
    const cancelled = jobCancelSignal((signal) => log.info(`Received ${signal}: stopping the task(s).`));

    try {
      const result = await runTask(inputs, {
        ecs,
        ecsSingleAttempt,
        region,
        logs: logs.clientFor,
        verify: verify.clients,
        clock: systemClock,
        sleep: realSleep,
        signal: cancelled,
        log: { info: log.info, warning: log.warning },
      });
      setOutputs({
        'task-definition-arn': result.taskDefinitionArn,
        'task-arns': result.taskArns,
        'exit-code': result.exitCode,
        status: result.status,
      });
      writeSummary(summaryMarkdown(result));
      if (result.status === 'succeeded' || result.status === 'started') {
        log.notice(result.message, { title: `ECS run task ${result.status}` });
        return;
      }
      throw new ConfigurationError(result.message);
    } finally {
      ecs.destroy();
      ecsSingleAttempt.destroy();
      await logs.destroy();
      await verify.destroy();
    }
  },
});
