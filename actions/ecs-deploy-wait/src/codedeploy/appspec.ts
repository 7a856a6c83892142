/**
 * The AppSpec of a CodeDeploy deployment to ECS: read from the `codedeploy-appspec` file (YAML or JSON) and checked
 * before anything changes (appspec-check.ts: keys exactly as the AppSpec reference spells them), or generated from
 * the service's load balancer container and port. Its TaskDefinition is replaced by the ARN this step deploys, and
 * it is sent as JSON with its SHA-256.
 */
import { createHash } from 'node:crypto';
import { ConfigurationError, quoteValue } from '@ecs-actions/core';
import { type AppSpecProblem, appSpecProblems, readAppSpecYaml } from './appspec-check.js';

type JsonObject = Record<string, unknown>;

/** A checked AppSpec: the document, and the container and port production traffic goes to. */
export interface AppSpecFile {
  /** As shown in messages (the path relative to the workspace). */
  shown: string;
  document: JsonObject;
  containerName: string;
  containerPort: number;
}

function findKey(object: JsonObject, name: string): string | undefined {
  return Object.keys(object).find((key) => key.toLowerCase() === name.toLowerCase());
}

/**
 * Parses and checks an AppSpec file's text as a whole (appspec-check.ts) before any call: every problem is named
 * with its path in the file and its fix, all in one configuration error.
 */
export function parseAppSpec(text: string, shown: string): AppSpecFile {
  const read = readAppSpecYaml(text);
  const problems = read.problems.length > 0 ? read.problems : appSpecProblems(read.document);
  if (problems.length > 0) {
    const line = ({ path, what, fix }: AppSpecProblem) => `${path}: ${what}. ${fix}`;
    const [only] = problems;
    throw new ConfigurationError(
      only && problems.length === 1
        ? `Input "codedeploy-appspec": ${quoteValue(shown)}, ${line(only)} Nothing was changed.`
        : `Input "codedeploy-appspec": ${quoteValue(shown)} has ${problems.length} problems: ${problems.map((problem, index) => `(${index + 1}) ${line(problem)}`).join(' ')} Nothing was changed.`,
    );
  }
  const document = read.document as JsonObject;
  const target = ((document.Resources as JsonObject[])[0] as JsonObject).TargetService as JsonObject;
  const loadBalancer = (target.Properties as JsonObject).LoadBalancerInfo as JsonObject;
  return {
    shown,
    document,
    containerName: loadBalancer.ContainerName as string,
    containerPort: Number(loadBalancer.ContainerPort),
  };
}

/** The AppSpec CodeDeploy gets: the file's with every TaskDefinition set to `taskDefinitionArn`, or a generated one. */
export function appSpecFor(
  taskDefinitionArn: string,
  source: AppSpecFile | { containerName: string; containerPort: number },
): { content: string; sha256: string } {
  let document: JsonObject;
  if ('document' in source) {
    document = structuredClone(source.document);
    const resources = document[findKey(document, 'Resources') ?? 'Resources'] as JsonObject[];
    for (const resource of resources) {
      for (const target of Object.values(resource) as JsonObject[]) {
        const properties = target[findKey(target, 'Properties') ?? 'Properties'] as JsonObject;
        properties[findKey(properties, 'TaskDefinition') ?? 'TaskDefinition'] = taskDefinitionArn;
      }
    }
  } else {
    document = {
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: {
              TaskDefinition: taskDefinitionArn,
              LoadBalancerInfo: { ContainerName: source.containerName, ContainerPort: source.containerPort },
            },
          },
        },
      ],
    };
  }
  const content = JSON.stringify(document);
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}
