/**
 * Every input of aws-actions/amazon-ecs-deploy-task-definition v2.6.3 (fixtures/stock-inputs.json, read from its
 * action.yml) is declared here and either read with the same meaning or refused, before any call, with the form to
 * write instead: a workflow moved over by swapping `uses:` never silently does less (issue 23, item 5).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, inputsFrom } from '@ecs-actions/core';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { type DeployInputs, deployInputReader, readDeployInputs } from '../src/inputs.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/stock-inputs.json', import.meta.url), 'utf8')) as {
  source: string;
  inputs: string[];
};
const declared = Object.keys(
  (parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> })
    .inputs,
);

type Handling =
  | { value: string; same: (inputs: DeployInputs) => unknown; expected: unknown }
  | { value: string; refused: RegExp[] };

const RUN_TASK = [/ecs-run-task/, /migration-command/];
const SERVICE_DEFINITION = (field: string) => [/service-definition file/, new RegExp(field)];

/** What each stock input does here: read with the stock meaning, or refused naming what to write. */
const HANDLING: Record<string, Handling> = {
  'task-definition': {
    value: 'td.json',
    same: (i) => i.taskDefinition.kind === 'file' && i.taskDefinition.path,
    expected: 'td.json',
  },
  'desired-count': { value: '3', same: (i) => i.desiredCount, expected: 3 },
  service: { value: 'api', same: (i) => i.service, expected: 'api' },
  cluster: { value: 'prod', same: (i) => i.cluster, expected: 'prod' },
  'wait-for-service-stability': { value: 'false', same: (i) => i.wait, expected: false },
  'wait-for-minutes': { value: '45', same: (i) => i.timeoutMs, expected: 45 * 60_000 },
  'wait-max-delay-seconds': { value: '15', refused: [/poll-interval: 15s/] },
  'codedeploy-appspec': {
    value: 'appspec.yaml',
    same: (i) => i.codedeploy.appSpecSource?.shown,
    expected: 'appspec.yaml',
  },
  'codedeploy-application': { value: 'app', same: (i) => i.codedeploy.application, expected: 'app' },
  'codedeploy-deployment-group': { value: 'dg', same: (i) => i.codedeploy.deploymentGroup, expected: 'dg' },
  'codedeploy-deployment-description': { value: 'd', same: (i) => i.codedeploy.description, expected: 'd' },
  'codedeploy-deployment-config': {
    value: 'CodeDeployDefault.ECSAllAtOnce',
    same: (i) => i.codedeploy.deploymentConfig,
    expected: 'CodeDeployDefault.ECSAllAtOnce',
  },
  'force-new-deployment': { value: 'true', same: (i) => i.forceNewDeployment, expected: true },
  'service-managed-ebs-volume-name': { value: 'data', refused: SERVICE_DEFINITION('volumeConfigurations') },
  'service-managed-ebs-volume': { value: '{"sizeInGiB": 10}', refused: SERVICE_DEFINITION('volumeConfigurations') },
  'run-task': { value: 'true', refused: RUN_TASK },
  'run-task-container-overrides': { value: '[{"name": "app", "command": ["migrate"]}]', refused: RUN_TASK },
  'run-task-security-groups': { value: 'sg-1', refused: [...RUN_TASK, /there: security-groups/] },
  'run-task-subnets': { value: 'subnet-1', refused: [...RUN_TASK, /there: subnets/] },
  'run-task-assign-public-IP': { value: 'ENABLED', refused: [...RUN_TASK, /there: assign-public-ip/] },
  'run-task-capacity-provider-strategy': { value: '[{"capacityProvider": "FARGATE"}]', refused: RUN_TASK },
  'run-task-launch-type': { value: 'FARGATE', refused: RUN_TASK },
  'run-task-started-by': { value: 'ci', refused: RUN_TASK },
  'run-task-tags': { value: '[{"key": "a", "value": "b"}]', refused: RUN_TASK },
  'run-task-managed-ebs-volume-name': { value: 'data', refused: RUN_TASK },
  'run-task-managed-ebs-volume': { value: '{"sizeInGiB": 10}', refused: RUN_TASK },
  'wait-for-task-stopped': { value: 'true', refused: RUN_TASK },
  'enable-ecs-managed-tags': { value: 'true', refused: SERVICE_DEFINITION('enableECSManagedTags') },
  'propagate-tags': { value: 'SERVICE', refused: SERVICE_DEFINITION('propagateTags') },
  'keep-null-value-keys': {
    value: 'tags',
    refused: [/registers the task definition file as written/, /remove the input/],
  },
  'max-retries': { value: '5', refused: [/retries throttling and server errors itself/, /remove the input/] },
};

let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'edw-stock-'));
  await writeFile(
    path.join(workspace, 'td.json'),
    JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1' }] }),
  );
  await writeFile(path.join(workspace, 'appspec.yaml'), 'version: 0.0\n');
});

const read = (values: Record<string, string>) =>
  readDeployInputs(
    deployInputReader(inputsFrom({ 'task-definition': 'td.json', service: 'web', ...values })),
    workspace,
  );

describe('the stock deploy action inputs (aws-actions/amazon-ecs-deploy-task-definition v2.6.3)', () => {
  it('the checked-in list is the v2.6.3 action.yml, and each of its inputs has a decided handling here', () => {
    expect(fixture.source).toMatch(/amazon-ecs-deploy-task-definition action\.yml at v2\.6\.3 \(commit [0-9a-f]{40}\)/);
    expect(fixture.inputs).toContain('run-task');
    expect(Object.keys(HANDLING).sort()).toEqual([...fixture.inputs].sort());
  });

  it.each(fixture.inputs)(
    '%s is declared in action.yml (GitHub would pass it with only a warning otherwise)',
    (name) => {
      expect(declared).toContain(name);
    },
  );

  it.each(fixture.inputs)('%s: read with the same meaning, or refused before any call naming what to write', (name) => {
    const handling = HANDLING[name];
    if (!handling) throw new Error(`no handling decided for ${name}`);
    if ('refused' in handling) {
      let error: unknown;
      try {
        read({ [name]: handling.value });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      expect(message).toContain(`"${name}"`);
      expect(message).toContain(JSON.stringify(handling.value));
      for (const pattern of handling.refused) expect(message).toMatch(pattern);
    } else {
      expect(handling.same(read({ [name]: handling.value }))).toEqual(handling.expected);
    }
  });

  it('run-task: false and wait-for-task-stopped: false ask for nothing and are accepted', () => {
    expect(read({ 'run-task': 'false', 'wait-for-task-stopped': 'False' }).service).toBe('web');
  });

  it('run-task kept from the stock action fails the step with the form to write, whatever else is set', () => {
    expect(() =>
      read({ 'run-task': 'true', 'run-task-subnets': 'subnet-1', 'run-task-container-overrides': '[]' }),
    ).toThrow(
      'Input "run-task" ("true") of aws-actions/amazon-ecs-deploy-task-definition is not supported by ecs-deploy-wait, and nothing it asks for would happen. ecs-deploy-wait does not run one-off tasks. Run it in a step before this one with ecs-run-task, or, with the reusable deploy.yml, set migration-command.',
    );
  });
});
