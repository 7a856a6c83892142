/**
 * The CodeDeploy path of ecs-deploy-wait with the real SDKs over HTTP (nock): the codedeploy-* inputs and the AppSpec
 * file, the calls in order (GetDeploymentGroup before any write, CreateDeployment with the AppSpec and its SHA-256,
 * GetDeployment and the ECS target while following), denied access and a missing group explained, and a failure that
 * CodeDeploy does not roll back.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { InputReader, inputsFrom } from '@ecs-actions/core';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { appSpecFor } from '../src/codedeploy/appspec.js';
import { deploy } from '../src/deploy.js';
import { type DeployInputs, readDeployInputs, withParsedAppSpec } from '../src/inputs.js';
import { toRegisterRequest } from '../src/taskdef.js';
import { deployInputs } from './deploy-inputs.js';
import { describeAnswer, EcsScript, tdArn, testDeps } from './fake-ecs.js';
import { seed } from './seed.js';

const CODEDEPLOY = 'https://codedeploy.us-east-1.amazonaws.com';
const OLD = tdArn(6);
const NEW = tdArn(7);
const ID = 'd-ABCDEFGH1';

/** Expected CodeDeploy calls, answered in order, each request body recorded. */
class CodeDeployScript {
  readonly scope = nock(CODEDEPLOY);
  readonly calls: { operation: string; body: Record<string, unknown> }[] = [];

  expect(operation: string, reply: unknown, status = 200): this {
    this.scope
      .post('/')
      .matchHeader('x-amz-target', `CodeDeploy_20141006.${operation}`)
      .reply(
        status,
        async (request: Request) => {
          const text = await request.text();
          this.calls.push({ operation, body: text ? JSON.parse(text) : {} });
          return reply;
        },
        { 'content-type': 'application/x-amz-json-1.1' },
      );
    return this;
  }

  fail(operation: string, code: string, message: string): this {
    return this.expect(operation, { __type: code, message }, 400);
  }
}

const rendered = (() => {
  const result = toRegisterRequest({ ...seed, family: 'web' });
  if ('problem' in result) throw new Error(result.problem);
  return result;
})();
const CONTAINER = String(seed.containerDefinitions[0]?.name);

const inputs = (overrides: Partial<DeployInputs> = {}) => deployInputs(rendered, overrides);

const codeDeployService = () => {
  const answer = describeAnswer({ deployments: [], controller: 'CODE_DEPLOY' }) as {
    services: Record<string, unknown>[];
  };
  Object.assign(answer.services[0] ?? {}, {
    taskDefinition: OLD,
    loadBalancers: [{ targetGroupArn: 'arn:tg/web-blue', containerName: CONTAINER, containerPort: 8080 }],
  });
  return answer;
};

const groupAnswer = (rollback: boolean) => ({
  deploymentGroupInfo: {
    applicationName: 'AppECS-prod-web',
    deploymentGroupName: 'DgpECS-prod-web',
    deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce',
    computePlatform: 'ECS',
    ecsServices: [{ serviceName: 'web', clusterName: 'prod' }],
    autoRollbackConfiguration: { enabled: rollback, events: rollback ? ['DEPLOYMENT_FAILURE'] : [] },
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
    },
  },
});

const target = (events: [string, string][], green = 'ecs-svc/222') => ({
  deploymentTarget: {
    deploymentTargetType: 'ECSTarget',
    ecsTarget: {
      deploymentId: ID,
      targetId: 'prod:web',
      lifecycleEvents: events.map(([lifecycleEventName, status]) => ({ lifecycleEventName, status })),
      taskSetsInfo: [
        { identifer: 'ecs-svc/111', taskSetLabel: 'Blue', trafficWeight: 100, runningCount: 3, desiredCount: 3 },
        { identifer: green, taskSetLabel: 'Green', trafficWeight: 0, runningCount: 1, desiredCount: 3 },
      ],
    },
  },
});

afterEach(() => nock.cleanAll());

describe('codedeploy inputs and AppSpec files', () => {
  let workspace: string;
  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'edw-codedeploy-'));
    await writeFile(
      path.join(workspace, 'td.json'),
      JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1' }] }),
    );
    await writeFile(
      path.join(workspace, 'appspec.yaml'),
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n',
    );
  });
  const read = (values: Record<string, string>) =>
    readDeployInputs(new InputReader(inputsFrom({ 'task-definition': 'td.json', ...values })), workspace);

  it('defaults the application and group as the stock action (names, not ARNs) and reads the rest', async () => {
    const inputs = await withParsedAppSpec(
      read({
        cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
        service: 'api',
        'codedeploy-appspec': 'appspec.yaml',
        'codedeploy-deployment-description': 'release',
        'codedeploy-deployment-config': 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      }),
    );
    expect(inputs.codedeploy).toMatchObject({
      application: 'AppECS-prod-api',
      deploymentGroup: 'DgpECS-prod-api',
      description: 'release',
      deploymentConfig: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      appSpec: { shown: 'appspec.yaml', containerName: 'web', containerPort: 80 },
    });
  });

  it('names a missing AppSpec file and says what else to do', () => {
    expect(() => read({ service: 'api', 'codedeploy-appspec': 'nope.yaml' })).toThrow(
      /Input "codedeploy-appspec".*nope\.yaml.*leave it empty to have one generated/s,
    );
  });
});

function depsWithCodeDeploy() {
  const client = new CodeDeployClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
  return testDeps({ codedeploy: async () => ({ client, singleAttempt: client }) });
}

describe('deploy to a CODE_DEPLOY service', () => {
  it('checks the group, registers, creates the deployment with the AppSpec, and follows it to Succeeded', async () => {
    const ecs = new EcsScript()
      .expect('DescribeServices', codeDeployService())
      .expect('RegisterTaskDefinition', { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } });
    const cd = new CodeDeployScript()
      .expect('GetDeploymentGroup', groupAnswer(true))
      .expect('CreateDeployment', { deploymentId: ID })
      .expect('GetDeployment', { deploymentInfo: { deploymentId: ID, status: 'InProgress' } })
      .expect('ListDeploymentTargets', { targetIds: ['prod:web'] })
      .expect(
        'GetDeploymentTarget',
        target([
          ['BeforeInstall', 'Succeeded'],
          ['Install', 'InProgress'],
        ]),
      )
      .expect('GetDeployment', { deploymentInfo: { deploymentId: ID, status: 'Succeeded' } })
      .expect('GetDeploymentTarget', target([['AfterAllowTraffic', 'Succeeded']]));
    const deps = depsWithCodeDeploy();
    const result = await deploy(inputs(), deps);
    expect(result).toMatchObject({
      status: 'succeeded',
      taskDefinitionArn: NEW,
      previousTaskDefinitionArn: OLD,
      deploymentId: ID,
      codedeployDeploymentId: ID,
    });
    expect(ecs.scope.isDone()).toBe(true);
    expect(cd.scope.isDone()).toBe(true);
    const created = cd.calls.find((call) => call.operation === 'CreateDeployment')?.body as {
      applicationName: string;
      deploymentGroupName: string;
      revision: { revisionType: string; appSpecContent: { content: string; sha256: string } };
    };
    expect(created.applicationName).toBe('AppECS-prod-web');
    expect(created.deploymentGroupName).toBe('DgpECS-prod-web');
    const { content, sha256 } = created.revision.appSpecContent;
    expect(sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(JSON.parse(content).Resources[0].TargetService.Properties).toEqual({
      TaskDefinition: NEW,
      LoadBalancerInfo: { ContainerName: CONTAINER, ContainerPort: 8080 },
    });
    expect(deps.log.text()).toContain('lifecycle event Install: InProgress');
    expect(deps.log.text()).toContain('traffic: Blue 100%');
  });

  it('names the input when the deployment group does not exist, before registering anything', async () => {
    const ecs = new EcsScript().expect('DescribeServices', codeDeployService());
    new CodeDeployScript().fail(
      'GetDeploymentGroup',
      'DeploymentGroupDoesNotExistException',
      'No Deployment Group found for name: DgpECS-prod-web',
    );
    await expect(deploy(inputs(), depsWithCodeDeploy())).rejects.toThrow(
      /CodeDeploy deployment group "DgpECS-prod-web" was not found in application "AppECS-prod-web".*Set codedeploy-deployment-group/,
    );
    expect(ecs.calls.map((call) => call.operation)).toEqual(['DescribeServices']);
  });

  it('names codedeploy:CreateDeployment when it is denied, and what was done', async () => {
    new EcsScript()
      .expect('DescribeServices', codeDeployService())
      .expect('RegisterTaskDefinition', { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } });
    new CodeDeployScript()
      .expect('GetDeploymentGroup', groupAnswer(true))
      .fail(
        'CreateDeployment',
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/deploy/x is not authorized to perform: codedeploy:CreateDeployment',
      );
    await expect(deploy(inputs(), depsWithCodeDeploy())).rejects.toThrow(
      /codedeploy:CreateDeployment.*Registered web:7; no CodeDeploy deployment was created/s,
    );
  });

  it('a failure CodeDeploy does not roll back: its error, the replacement stopped tasks, and why there is no rollback', async () => {
    new EcsScript()
      .expect('DescribeServices', codeDeployService())
      .expect('RegisterTaskDefinition', { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } })
      .expect('DescribeServices', codeDeployService())
      .expect('ListTasks', (body: Record<string, unknown>) => {
        expect(body.startedBy).toBe('ecs-svc/222');
        return { taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/abc'] };
      })
      .expect('DescribeTasks', {
        tasks: [
          {
            taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc',
            stopCode: 'EssentialContainerExited',
            stoppedReason: 'Essential container in task exited',
            containers: [{ name: CONTAINER, exitCode: 1 }],
          },
        ],
      })
      .expect('ListServiceDeployments', { serviceDeployments: [] });
    new CodeDeployScript()
      .expect('GetDeploymentGroup', groupAnswer(false))
      .expect('CreateDeployment', { deploymentId: ID })
      .expect('GetDeployment', {
        deploymentInfo: {
          deploymentId: ID,
          status: 'Failed',
          errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'hook smoke failed' },
        },
      })
      .expect('ListDeploymentTargets', { targetIds: ['prod:web'] })
      .expect('GetDeploymentTarget', target([['AfterInstall', 'Failed']]));
    const deps = depsWithCodeDeploy();
    const result = await deploy(inputs(), deps);
    expect(result.status).toBe('failed');
    expect(result.message).toContain(
      `CodeDeploy deployment ${ID} failed (lifecycle event AfterInstall): HOOK_EXECUTION_FAILURE: hook smoke failed`,
    );
    expect(result.message).toContain('CodeDeploy did not roll back');
    expect(result.stoppedTasks.map((task) => task.taskId)).toEqual(['abc']);
    expect(deps.log.text()).toContain('container ecs_be_prod_container: exit code 1');
  });

  it('refuses desired-count before any change', async () => {
    new EcsScript().expect('DescribeServices', codeDeployService());
    new CodeDeployScript().expect('GetDeploymentGroup', groupAnswer(true));
    await expect(deploy(inputs({ desiredCount: 4 }), depsWithCodeDeploy())).rejects.toThrow(
      'Input "desired-count" (4) is not applied to a CODE_DEPLOY service',
    );
  });
  /** DescribeServices, GetDeploymentGroup, RegisterTaskDefinition, CreateDeployment: every deployment's start. */
  function started(rollback = true): { ecs: EcsScript; cd: CodeDeployScript } {
    const ecs = new EcsScript()
      .expect('DescribeServices', codeDeployService())
      .expect('RegisterTaskDefinition', { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } });
    const cd = new CodeDeployScript()
      .expect('GetDeploymentGroup', groupAnswer(rollback))
      .expect('CreateDeployment', { deploymentId: ID });
    return { ecs, cd };
  }

  it('a CreateDeployment whose answer was lost: the group deployment with our AppSpec is found and not created again', async () => {
    new EcsScript()
      .expect('DescribeServices', codeDeployService())
      .expect('RegisterTaskDefinition', { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } });
    const ours = appSpecFor(NEW, { containerName: CONTAINER, containerPort: 8080 });
    const cd = new CodeDeployScript()
      .expect('GetDeploymentGroup', groupAnswer(true))
      .expect('CreateDeployment', { __type: 'InternalFailure', message: 'internal error' }, 500)
      .expect('ListDeployments', { deployments: ['d-OTHERSRUN', ID] })
      .expect('GetDeployment', {
        deploymentInfo: { deploymentId: 'd-OTHERSRUN', creator: 'user', revision: { appSpecContent: { sha256: 'x' } } },
      })
      .expect('GetDeployment', {
        deploymentInfo: {
          deploymentId: ID,
          creator: 'user',
          status: 'Failed',
          revision: { revisionType: 'AppSpecContent', appSpecContent: ours },
        },
      });
    const deps = depsWithCodeDeploy();
    const result = await deploy(inputs({ wait: false }), deps);
    expect(cd.scope.isDone()).toBe(true);
    expect(cd.calls.filter((call) => call.operation === 'CreateDeployment')).toHaveLength(1);
    const listed = cd.calls.find((call) => call.operation === 'ListDeployments')?.body as Record<string, unknown>;
    expect(listed).toMatchObject({ applicationName: 'AppECS-prod-web', deploymentGroupName: 'DgpECS-prod-web' });
    expect(listed).toHaveProperty('createTimeRange.start');
    expect(listed).not.toHaveProperty('includeOnlyStatuses');
    expect(result).toMatchObject({ status: 'succeeded', codedeployDeploymentId: ID });
    expect(deps.log.text()).toContain('An earlier codedeploy:CreateDeployment attempt took effect');
  });

  it('with wait: false ends once the deployment is created', async () => {
    const { cd } = started();
    const result = await deploy(inputs({ wait: false }), depsWithCodeDeploy());
    expect(result).toMatchObject({ status: 'succeeded', codedeployDeploymentId: ID, finalState: 'Created' });
    expect(cd.scope.isDone()).toBe(true);
  });

  it('on cancellation while waiting says CodeDeploy carries on, and stops nothing', async () => {
    const { cd } = started();
    cd.expect('GetDeployment', { deploymentInfo: { deploymentId: ID, status: 'Created' } });
    const cancel = new AbortController();
    const deps = depsWithCodeDeploy();
    const result = await deploy(inputs(), {
      ...deps,
      signal: cancel.signal,
      sleep: async () => {
        cancel.abort();
        throw Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
      },
    });
    expect(result).toMatchObject({ status: undefined, cancelled: true, codedeployDeploymentId: ID });
    expect(result.message).toContain(`Cancelled while waiting: CodeDeploy deployment ${ID} carries on`);
    expect(cd.calls.map((call) => call.operation)).not.toContain('StopDeployment');
  });

  it('a timeout with rollback: false stops nothing and says CodeDeploy carries on', async () => {
    const { cd } = started();
    cd.expect('GetDeployment', { deploymentInfo: { deploymentId: ID, status: 'InProgress' } });
    cd.expect('ListDeploymentTargets', { targetIds: ['prod:web'] });
    cd.expect('GetDeploymentTarget', target([['Install', 'InProgress']]));
    new EcsScript()
      .expect('DescribeServices', codeDeployService())
      .expect('ListTasks', { taskArns: [] })
      .expect('ListServiceDeployments', { serviceDeployments: [] });
    const deps = depsWithCodeDeploy();
    const result = await deploy(inputs({ rollback: false, timeoutMs: 600_001, pollIntervalMs: 600_001 }), deps);
    expect(result.status).toBe('timed-out');
    expect(result.message).toContain(`CodeDeploy deployment ${ID} did not end within`);
    expect(result.message).toContain('Not rolled back (rollback: false): CodeDeploy carries on');
    expect(cd.calls.map((call) => call.operation)).not.toContain('StopDeployment');
  });
});
