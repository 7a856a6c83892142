/**
 * The inputs that say where a deploy went (environment, cluster, service, region, account) and who ran it (the
 * run's actors), each checked against the rule its record field is read back with.
 */
import { ConfigurationError, type InputReader, invalidInput, quoteValue } from '@ecs-actions/core';
import { arnLocation, FIELD_RULES, type Place, type RecordField } from './records.js';

/** Who deployed: GITHUB_ACTOR, and GITHUB_TRIGGERING_ACTOR when the runner sets it. */
export interface Actors {
  actor: string;
  triggeringActor?: string;
}

/** An input recorded in a deploy record, checked against the rule the records are read back with. */
export function readField(input: InputReader, name: string, field: RecordField): string | undefined {
  const value = input.optionalString(name);
  if (value === undefined) return undefined;
  const rule = FIELD_RULES[field];
  if (!rule.test(value)) {
    throw invalidInput(
      name,
      value,
      `must be ${rule.expected}`,
      'It is recorded in the deploy tag and read back by rollbacks, so newlines and other control characters are refused.',
    );
  }
  return value;
}

/**
 * environment, cluster and service as given; region: the input, else that of an ECS ARN given (task-definition-arn,
 * cluster, service), else AWS_REGION / AWS_DEFAULT_REGION (configure-aws-credentials sets both); account: the input,
 * else that of an ARN given. A region or account that an ARN contradicts is refused.
 */
export function readPlace(input: InputReader, env: NodeJS.ProcessEnv, taskDefinitionArn?: string): Place {
  const place: Place = {};
  for (const field of ['environment', 'cluster', 'service'] as const) {
    const value = readField(input, field, field);
    if (value !== undefined) place[field] = value;
  }
  const fromArns = [
    ['task-definition-arn', taskDefinitionArn],
    ['cluster', place.cluster],
    ['service', place.service],
  ] as const;
  for (const part of ['region', 'account'] as const) {
    const given = readField(input, part, part);
    const arns = fromArns.flatMap(([name, arn]) => {
      const location = arnLocation(arn);
      if (arn?.startsWith('arn:') && !location) {
        throw invalidInput(
          name,
          arn,
          `names no AWS region such as us-east-1 and 12-digit account`,
          'Pass the ARN as ECS returned it.',
        );
      }
      return location && arn ? [{ name, arn, value: location[part] }] : [];
    });
    const reference = given !== undefined ? { name: part, value: given } : arns[0];
    const conflict = arns.find((arn) => arn.value !== reference?.value);
    if (conflict && reference) {
      throw invalidInput(
        conflict.name,
        conflict.arn,
        `is in ${part} ${conflict.value}, but input "${reference.name}" ${reference.name === part ? 'is' : 'is in'} ${reference.value}`,
        `A deploy goes to one ${part}: pass the ARNs of the ${part} deployed to${given !== undefined ? `, or leave ${part} empty to take it from them` : ''}.`,
      );
    }
    const value = given ?? arns[0]?.value ?? (part === 'region' ? regionFromEnv(env) : undefined);
    if (value !== undefined) place[part] = value;
  }
  return place;
}

function regionFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const) {
    const value = env[name];
    if (!value) continue;
    if (!FIELD_RULES.region.test(value)) {
      throw new ConfigurationError(
        `${name} is ${quoteValue(value)}, which is not an AWS region (${FIELD_RULES.region.expected}). Set input "region", or fix the aws-region given to configure-aws-credentials.`,
      );
    }
    return value;
  }
  return undefined;
}

/** The run's actors, which every record names: data from the runner, checked like any record field. */
export function readActors(env: NodeJS.ProcessEnv): Actors {
  const check = (name: string, value: string) => {
    if (!FIELD_RULES.actor.test(value)) {
      throw new ConfigurationError(
        `${name} is ${quoteValue(value)}, which is not ${FIELD_RULES.actor.expected}; it would be recorded as who deployed. Run this action in a GitHub Actions job.`,
      );
    }
    return value;
  };
  const actor = env.GITHUB_ACTOR;
  if (!actor) {
    throw new ConfigurationError(
      'GITHUB_ACTOR is not set, so the deploy record could not say who deployed. Run this action in a GitHub Actions job (the runner sets GITHUB_ACTOR).',
    );
  }
  const triggeringActor = env.GITHUB_TRIGGERING_ACTOR;
  return {
    actor: check('GITHUB_ACTOR', actor),
    ...(triggeringActor ? { triggeringActor: check('GITHUB_TRIGGERING_ACTOR', triggeringActor) } : {}),
  };
}
