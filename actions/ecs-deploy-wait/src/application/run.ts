/**
 * The application path of the action's entry (index.ts loads it only when `app-file` is set): reads the inputs and
 * the app file, creates the clients (EventBridge and Scheduler only when a rule or schedule asks), deploys, and writes
 * the outputs and the one summary table.
 */
import { ECSClient } from '@aws-sdk/client-ecs';
import {
  awsRegion,
  ConfigurationError,
  createAwsClient,
  type InputReader,
  jobCancelSignal,
  log,
  realSleep,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { logsClients } from '@ecs-actions/core/ecs';
import { deployApplication } from './deploy-app.js';
import { readAppInputs } from './inputs.js';
import { appSummaryMarkdown } from './summary.js';

export async function runApplication(reader: InputReader, workspace: string): Promise<void> {
  const inputs = readAppInputs(reader, workspace);
  const region = awsRegion();
  const ecs = createAwsClient(ECSClient, { region });
  const ecsSingleAttempt = createAwsClient(ECSClient, { region, maxAttempts: 1 });
  const logs = logsClients();
  const lazy: Promise<{ destroy(): void }>[] = [];
  const once = <T extends { destroy(): void }>(create: () => Promise<T>) => {
    let client: Promise<T> | undefined;
    return () => {
      if (!client) {
        client = create();
        lazy.push(client);
      }
      return client;
    };
  };
  // Writes are not retried blindly: the put-back reads what a target runs before writing it back.
  const events = once(() =>
    import('@aws-sdk/client-eventbridge').then(({ EventBridgeClient }) =>
      createAwsClient(EventBridgeClient, { region, maxAttempts: 2 }),
    ),
  );
  const scheduler = once(() =>
    import('@aws-sdk/client-scheduler').then(({ SchedulerClient }) =>
      createAwsClient(SchedulerClient, { region, maxAttempts: 2 }),
    ),
  );
  const cancelled = jobCancelSignal((signal) => log.info(`Received ${signal}: stopping.`));
  try {
    const result = await deployApplication(inputs, {
      ecs,
      ecsSingleAttempt,
      region,
      clock: systemClock,
      sleep: realSleep,
      signal: cancelled,
      logs: logs.clientFor,
      events,
      scheduler,
      log: { info: log.info, warning: log.warning, startGroup: log.startGroup, endGroup: log.endGroup },
    });
    setOutputs({
      status: result.status,
      'duration-seconds': Math.round(result.durationMs / 1000),
      application: result.application,
      targets: JSON.stringify(
        result.targets.map((t) => ({
          name: t.name,
          kind: t.kind,
          resource: t.resource,
          status: t.status,
          taskDefinitionArn: t.taskDefinitionArn ?? null,
          previousTaskDefinitionArn: t.previousTaskDefinitionArn ?? null,
        })),
      ),
    });
    writeSummary(appSummaryMarkdown(result));
    if (result.status === 'succeeded' || result.status === 'unchanged') {
      log.notice(result.message, { title: `ECS application deploy ${result.status}` });
      return;
    }
    throw new ConfigurationError(result.message);
  } finally {
    ecs.destroy();
    ecsSingleAttempt.destroy();
    await logs.destroy();
    for (const client of lazy) (await client.catch(() => undefined))?.destroy();
  }
}
