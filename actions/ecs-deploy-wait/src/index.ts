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
import { deployInputReader, readDeployInputs, withParsedAppSpec } from './inputs.js';

// The AWS SDK and the deploy logic load only after every input (and the task definition file) has been read:
// a bad input fails without parsing them (they are separate chunks of the bundle).

await runAction({
  async main() {
    // An application deploy (several services, rules and schedules from one app file): its own path, loaded only then.
    if (deployInputReader().optionalString('app-file')) {
      const { runApplication } = await import('./application/run.js');
      return runApplication(deployInputReader(), process.env.GITHUB_WORKSPACE ?? process.cwd());
    }
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
    const ecs = createAwsClient(ECSClient, { region });
    const ecsSingleAttempt = createAwsClient(ECSClient, { region, maxAttempts: 1 });
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
    // CodeDeploy (a CODE_DEPLOY service): its SDK is loaded only when the service asks for it.
    let codedeployClients:
      | Promise<{
          client: import('@aws-sdk/client-codedeploy').CodeDeployClient;
          singleAttempt: import('@aws-sdk/client-codedeploy').CodeDeployClient;
        }>
      | undefined;
    const codedeploy = () => {
      codedeployClients ??= import('@aws-sdk/client-codedeploy').then(({ CodeDeployClient }) => ({
        client: createAwsClient(CodeDeployClient, { region }),
        singleAttempt: createAwsClient(CodeDeployClient, { region, maxAttempts: 1 }),
      }));
      return codedeployClients;
    };

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
        ec2,
        elbv2,
        ecr,
        codedeploy,
        log: { info: log.info, warning: log.warning, startGroup: log.startGroup, endGroup: log.endGroup },
      });
      setOutputs({
        'task-definition-arn': result.taskDefinitionArn,
        'previous-task-definition-arn': result.previousTaskDefinitionArn,
        'deployment-id': result.deploymentId,
        'codedeploy-deployment-id': result.codedeployDeploymentId,
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
      for (const client of lazy) (await client.catch(() => undefined))?.destroy();
      const codedeployed = await codedeployClients?.catch(() => undefined);
      codedeployed?.client.destroy();
      codedeployed?.singleAttempt.destroy();
    }
  },
});
