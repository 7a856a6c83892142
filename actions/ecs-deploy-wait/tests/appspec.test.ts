/**
 * The whole AppSpec is checked before any call (issue 23, item 4): every problem is one configuration error naming
 * the file, the path in it and the fix, and a valid AppSpec gets the deployed ARN in its one TaskDefinition.
 */
import { ConfigurationError } from '@ecs-actions/core';
import { describe, expect, it, jest } from '@jest/globals';
import { appSpecFor, parseAppSpec } from '../src/codedeploy/appspec.js';

const target = (properties: string) =>
  `Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n${properties}`;
const VALID_PROPERTIES =
  '        TaskDefinition: x\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n';
const VALID = `version: 0.0\n${target(VALID_PROPERTIES)}`;

function refusal(text: string): string {
  try {
    parseAppSpec(text, 'deploy/appspec.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('the AppSpec was accepted');
}

describe('parseAppSpec', () => {
  it('accepts the AppSpec reference shape with every optional property and hook, and reads container and port', () => {
    const text = `version: 0.0\n${target(
      `${VALID_PROPERTIES}        PlatformVersion: LATEST\n        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: [subnet-1]\n            SecurityGroups: [sg-1]\n            AssignPublicIp: DISABLED\n        CapacityProviderStrategy:\n          - {CapacityProvider: FARGATE_SPOT, Base: 1, Weight: 2}\n`,
    )}Hooks:\n  - BeforeInstall: a\n  - AfterInstall: b\n  - AfterAllowTestTraffic: c\n  - BeforeAllowTraffic: d\n  - AfterAllowTraffic: e\n`;
    expect(parseAppSpec(text, 'appspec.yaml')).toMatchObject({ containerName: 'web', containerPort: 80 });
    const json = JSON.parse(
      appSpecFor('arn:aws:ecs:us-east-1:123456789012:task-definition/web:7', parseAppSpec(text, 'a')).content,
    );
    expect(json.Resources[0].TargetService.Properties.TaskDefinition).toBe(
      'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
    );
  });

  it('a second key in a resource item is refused before any call, not a TypeError at CreateDeployment (the reproduction)', () => {
    const message = refusal(`${VALID}    Extra:\n      Type: AWS::ECS::Service\n`);
    expect(message).toContain('Input "codedeploy-appspec": "deploy/appspec.yaml"');
    expect(message).toContain(
      'Resources[0]: has 2 keys (TargetService, Extra). A resource item has exactly one key, TargetService.',
    );
    expect(message).toContain('Resources[0].Extra: is not TargetService');
  });

  it('TaskDefinition and taskdefinition in one item are refused (only one would get the new ARN)', () => {
    expect(refusal(`${VALID}        taskdefinition: y\n`)).toContain(
      'Resources[0].TargetService.Properties.taskdefinition: repeats Resources[0].TargetService.Properties.TaskDefinition in another letter case. Keep one of the two, spelled TaskDefinition.',
    );
  });

  it('a key that is a list or mapping is refused, and no library warning prints its text raw to stderr', () => {
    const warnings: unknown[] = [];
    const listen = (warning: unknown) => warnings.push(warning);
    process.on('warning', listen);
    const emit = jest.spyOn(process, 'emitWarning');
    try {
      const message = refusal(
        `${VALID}? ["##[add-mask]hostile-1", "x"]\n: b\n? {a: "##[stop-commands]hostile-2"}\n: c\n`,
      );
      expect(message).toMatch(/line 10, column 3: a key that is a list or mapping\. Write each key as a plain name/);
      expect(message).toMatch(/line 12, column 3: a key that is a list or mapping/);
      expect(emit).not.toHaveBeenCalled();
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', listen);
      emit.mockRestore();
    }
  });

  it('an alias bomb is refused with a clear error, not a ReferenceError', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const message = refusal(`${bomb.join('\n')}\n${VALID}`);
    expect(message).toMatch(/line 2, column \d+: the YAML alias \*a\. Write the value out where it is used/);
    expect(message).not.toContain('ReferenceError');
  });

  it.each([
    ['a list', '- a\n- b\n', '(top): is not a mapping of keys'],
    ['no Resources', 'version: 0.0\n', 'Resources: is missing or not a list'],
    ['two resources', `${VALID}  - TargetService:\n      Type: AWS::ECS::Service\n`, 'Resources: lists 2 resources'],
    [
      'a resource named otherwise',
      VALID.replace('TargetService', 'Service'),
      'Resources[0].Service: is not TargetService',
    ],
    [
      'another type',
      VALID.replace('AWS::ECS::Service', 'AWS::Lambda::Function'),
      'Resources[0].TargetService.Type: is "AWS::Lambda::Function". Write Type: AWS::ECS::Service.',
    ],
    [
      'no Properties',
      'Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n',
      'Resources[0].TargetService.Properties: is missing or not a mapping',
    ],
    [
      'no TaskDefinition',
      target('        LoadBalancerInfo: {ContainerName: web, ContainerPort: 80}\n'),
      'Resources[0].TargetService.Properties.TaskDefinition: is missing',
    ],
    [
      'no LoadBalancerInfo',
      target('        TaskDefinition: x\n'),
      'Properties.LoadBalancerInfo: is missing or not a mapping',
    ],
    [
      'no ContainerPort',
      target('        TaskDefinition: x\n        LoadBalancerInfo: {ContainerName: web}\n'),
      'LoadBalancerInfo.ContainerPort: is missing or not a port number',
    ],
    [
      'a quoted ContainerPort',
      target('        TaskDefinition: x\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: "80"}\n'),
      'LoadBalancerInfo.ContainerPort: is the text "80", not a number. Write it without quotes (ContainerPort: 80)',
    ],
    [
      'a port out of range',
      target('        TaskDefinition: x\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 70000}\n'),
      'LoadBalancerInfo.ContainerPort: is missing or not a port number',
    ],
    [
      'no ContainerName',
      target('        TaskDefinition: x\n        LoadBalancerInfo: {ContainerPort: 80}\n'),
      'LoadBalancerInfo.ContainerName: is missing or not a name',
    ],
    [
      'a key in another case',
      VALID.replace('TaskDefinition', 'taskDefinition'),
      'Properties.taskDefinition: is spelled taskDefinition. Write TaskDefinition, as the AppSpec reference spells it.',
    ],
    [
      'lower-case resources',
      VALID.replace('Resources', 'resources'),
      'resources: is spelled resources. Write Resources',
    ],
    [
      'an unknown property',
      `${VALID}        DesiredCount: 2\n`,
      'Properties.DesiredCount: is not a key of an ECS AppSpec here. Use only TaskDefinition, LoadBalancerInfo',
    ],
    [
      'top-level keys twice in two cases',
      `${VALID}resources: []\n`,
      'resources: repeats Resources in another letter case',
    ],
    ['a key twice', `${VALID}version: 0.0\n`, 'not valid YAML or JSON (Map keys must be unique)'],
    ['another version', VALID.replace('version: 0.0', 'version: 1'), 'version: is 1. Write version: 0.0'],
    [
      'a hook on Install',
      `${VALID}Hooks:\n  - Install: f\n`,
      'Hooks[0].Install: is not a lifecycle event hook of an ECS deployment',
    ],
    [
      'a hook spelled otherwise',
      `${VALID}Hooks:\n  - afterInstall: f\n`,
      'Hooks[0].afterInstall: is spelled afterInstall. Write AfterInstall.',
    ],
    [
      'a hook with no function',
      `${VALID}Hooks:\n  - AfterInstall:\n`,
      'Hooks[0].AfterInstall: names no Lambda function',
    ],
    [
      'an alias',
      target('        TaskDefinition: &t x\n        LoadBalancerInfo: {ContainerName: *t, ContainerPort: 80}\n'),
      'line 6, column 43: the YAML alias *t. Write the value out where it is used: aliases are not read in an AppSpec.',
    ],
    [
      'a merge key without alias',
      `${target(`        TaskDefinition: x\n        LoadBalancerInfo:\n          <<: {ContainerName: web, ContainerPort: 80}\n`)}`,
      'a YAML merge key (<<). Write the keys out in the mapping',
    ],
    [
      'a custom tag',
      VALID.replace('TaskDefinition: x', 'TaskDefinition: !Ref TaskDef'),
      'line 6, column 30: the tag !Ref. Remove the tag and write the value itself',
    ],
    ['not YAML', 'Resources: [\n', 'not valid YAML or JSON'],
    [
      'a bad network key',
      target(
        `${VALID_PROPERTIES}        NetworkConfiguration:\n          AwsvpcConfiguration:\n            subnets: [a]\n`,
      ),
      'AwsvpcConfiguration.subnets: is spelled subnets. Write Subnets',
    ],
    [
      'a bad capacity provider key',
      target(`${VALID_PROPERTIES}        CapacityProviderStrategy:\n          - {Provider: FARGATE}\n`),
      'CapacityProviderStrategy[0].Provider: is not a key',
    ],
  ])('refuses an AppSpec with %s, naming the path and the fix', (_what, text, expected) => {
    const message = refusal(text);
    expect(message).toMatch(/^Input "codedeploy-appspec": "deploy\/appspec\.yaml"/);
    expect(message).toContain(expected);
    expect(message).toMatch(/Nothing was changed\.$/);
  });

  it('lists every problem at once, numbered', () => {
    const message = refusal(
      target('        taskDefinition: x\n        LoadBalancerInfo: {ContainerName: web, ContainerPort: 0}\n'),
    );
    expect(message).toContain(
      'has 3 problems: (1) Resources[0].TargetService.Properties.taskDefinition: is spelled taskDefinition.',
    );
    expect(message).toContain('(2) Resources[0].TargetService.Properties.TaskDefinition: is missing.');
    expect(message).toContain(
      '(3) Resources[0].TargetService.Properties.LoadBalancerInfo.ContainerPort: is missing or not a port number.',
    );
  });
});
