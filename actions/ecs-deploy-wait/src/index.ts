import {
  awsRegion,
  ConfigurationError,
  createAwsClient,
  jobCancelSignal,
  log,
  realSleep,
  requestTimeoutWithin,
  runAction,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { logsClients } from '@ecs-actions/core/ecs';
import { lazyVerifyClients } from '@ecs-actions/core/verify/clients';
import { deployInputReader, readDeployInputs, withParsedAppSpec } from './inputs.js';
import { pauseOutputs } from './pause/outputs.js';

// The AWS SDK and the deploy logic load only after every input (and the task definition file) has been read:
// a bad input fails without parsing them (they are separate chunks of the bundle).

/** Whether the step wrote the status of an outcome of its own; the signal that says whether the job was cancelled. */
let statusWritten = false;
let cancelled: AbortSignal | undefined;

await runAction({
  async main() {
    // An application deploy (several services, rules and schedules from one app file): its own path, loaded only then.
    if (deployInputReader().optionalString('app-file')) {
      const { runApplication } = await import('./application/run.js');
      return runApplication(deployInputReader(), process.env.GITHUB_WORKSPACE ?? process.cwd());
    }
    try {
      await deployStep();
    } catch (error) {
      // Ended before it had an outcome of its own (a bad input, no region, a read or the preflight failed, nothing
      // changed, or it says what did): still a status for the steps after it; a cancelled job has none.
      if (!statusWritten && !cancelled?.aborted) setOutputs({ status: 'failed' });
      throw error;
    }
  },
});

async function deployStep(): Promise<void> {
  const inputs = await withParsedAppSpec(
    readDeployInputs(
      deployInputReader(),
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
      // ecs-render-taskdef writes the rendered file into RUNNER_TEMP by default.
      process.env.RUNNER_TEMP || undefined,
    ),
  );
  const region = awsRegion();
  const [{ ECSClient }, { deploy }, { summaryMarkdown }] = await Promise.all([
    import('@aws-sdk/client-ecs'),
    import('./deploy.js'),
    import('./summary.js'),
  ]);
  // A short timeout gets short attempts: one that never answers is tried again within it, not waited out.
  const requestTimeoutMs = requestTimeoutWithin(inputs.timeoutMs);
  const ecs = createAwsClient(ECSClient, { region, requestTimeoutMs });
  const ecsSingleAttempt = createAwsClient(ECSClient, { region, maxAttempts: 1, requestTimeoutMs });
  // CloudWatch Logs (the failure report's app log lines): its SDK is loaded only when a failure asks for it.
  const logs = logsClients();

  // EC2 and ELBv2 (the preflight's subnet and target group reads): loaded only when the preflight asks.
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
  const ec2 = once(() =>
    import('@aws-sdk/client-ec2').then(({ EC2Client }) => createAwsClient(EC2Client, { region, maxAttempts: 2 })),
  );
  const elbv2 = once(() =>
    import('@aws-sdk/client-elastic-load-balancing-v2').then(({ ElasticLoadBalancingV2Client }) =>
      createAwsClient(ElasticLoadBalancingV2Client, { region, maxAttempts: 2 }),
    ),
  );
  // ECR (a redeploy's image check), per registry region: its SDK is loaded only for a recorded revision.
  const ecrClients = new Map<string, Promise<import('@aws-sdk/client-ecr').ECRClient>>();
  const ecr = (registryRegion: string) => {
    let client = ecrClients.get(registryRegion);
    if (!client) {
      client = import('@aws-sdk/client-ecr').then(({ ECRClient }) =>
        createAwsClient(ECRClient, { region: registryRegion, maxAttempts: 2 }),
      );
      ecrClients.set(registryRegion, client);
      lazy.push(client);
    }
    return client;
  };
  // Verify's reads (IAM, SSM, Secrets Manager; Logs and ECR as above): each SDK loads when a check needs it.
  const verify = lazyVerifyClients(region, { logs: logs.clientFor, ecr });

  // CodeDeploy (a CODE_DEPLOY service): its SDK is loaded only when the service asks for it.
  let codedeployClients:
    | Promise<{
        client: import('@aws-sdk/client-codedeploy').CodeDeployClient;
        singleAttempt: import('@aws-sdk/client-codedeploy').CodeDeployClient;
      }>
    | undefined;
  const codedeploy = () => {
    codedeployClients ??= import('@aws-sdk/client-codedeploy').then(({ CodeDeployClient }) => ({
      client: createAwsClient(CodeDeployClient, { region, requestTimeoutMs }),
      singleAttempt: createAwsClient(CodeDeployClient, { region, maxAttempts: 1, requestTimeoutMs }),
    }));
    return codedeployClients;
  };

  // A cancelled job gets SIGINT (then SIGTERM): stop waiting, say what is still in progress, exit non-zero.
  cancelled = jobCancelSignal((signal) => log.info(`Received ${signal}: stopping.`));

  try {
    const result = await deploy(inputs, {
      ecs,
      ecsSingleAttempt,
      region,
      clock: systemClock,
      sleep: realSleep,
      signal: cancelled,
      logs: logs.clientFor,
      ec2,
      elbv2,
      ecr,
      codedeploy,
      verify: verify.clients,
      log: { info: log.info, warning: log.warning, startGroup: log.startGroup, endGroup: log.endGroup },
    });
    setOutputs({
      'task-definition-arn': result.taskDefinitionArn,
      'previous-task-definition-arn': result.previousTaskDefinitionArn,
      'deployment-id': result.deploymentId,
      'codedeploy-deployment-id': result.codedeployDeploymentId,
      status: result.status,
      'duration-seconds': Math.round(result.durationMs / 1000),
      plan: result.plan,
      ...pauseOutputs(result),
      'rollback-method': result.rollback?.method,
    });
    statusWritten = result.status !== undefined;
    writeSummary(summaryMarkdown(result));
    if (
      result.status === 'succeeded' ||
      result.status === 'unchanged' ||
      result.status === 'planned' ||
      result.status === 'paused'
    ) {
      log.notice(result.message, { title: `ECS deploy ${result.status}` });
      return;
    }
    // The outcome is explained in full above; fail the step once with its one-sentence account.
    throw new ConfigurationError(result.message);
  } finally {
    ecs.destroy();
    ecsSingleAttempt.destroy();
    await logs.destroy();
    await verify.destroy();
    for (const client of lazy) (await client.catch(() => undefined))?.destroy();
    const codedeployed = await codedeployClients?.catch(() => undefined);
    codedeployed?.client.destroy();
    codedeployed?.singleAttempt.destroy();
  }
}
