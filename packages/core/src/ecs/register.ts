/**
 * A new revision registered from a rendered file (ecs-deploy-wait and ecs-run-task). Registering is idempotent
 * (writeOnce): before another attempt the family's latest ACTIVE revision is compared with ours, so an attempt
 * whose answer was lost is reused rather than registered again.
 */
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { sentence } from '../aws-errors.js';
import { keepRawResponse, rawMember, sendAsWritten } from '../aws-wire.js';
import { errorMessage, quoteValue } from '../errors.js';
import { AwsCallError, errorCode } from './aws-errors.js';
import { type CallLimits, CHECK_TIMEOUT_MS, type EcsCallSession } from './call-session.js';
import {
  type RenderedTaskDefinition,
  sameTaskDefinition,
  shortTaskDefinition,
  type TaskDefinitionFile,
} from './taskdef.js';
import { writeOnce } from './write-once.js';

/**
 * DescribeTaskDefinition as AWS sent it: fields newer than our SDK count in a comparison, as they did when
 * registering. `ref` is an ARN, family:revision, or a family (its latest ACTIVE revision).
 */
export async function describeAsSent(
  session: EcsCallSession,
  ref: string,
  limits: CallLimits,
): Promise<{ arn: string; definition: unknown } | undefined> {
  const command = new DescribeTaskDefinitionCommand({ taskDefinition: ref });
  const raw = keepRawResponse(command);
  const described = await session.call('DescribeTaskDefinition', (o) => session.deps.ecs.send(command, o), limits);
  const arn = described.taskDefinition?.taskDefinitionArn;
  if (!arn) return undefined;
  return { arn, definition: rawMember(raw, 'taskDefinition', described.taskDefinition) };
}

/**
 * The family's latest ACTIVE revision when it is what `rendered` registers (an earlier attempt of ours whose
 * answer was lost, or the same definition registered before), else undefined. A family ECS does not know has none.
 */
export async function latestSameRevision(
  session: EcsCallSession,
  rendered: RenderedTaskDefinition,
  limits: CallLimits,
): Promise<string | undefined> {
  try {
    const latest = await describeAsSent(session, rendered.request.family ?? '', limits);
    return latest && sameTaskDefinition(rendered.request, latest.definition) ? latest.arn : undefined;
  } catch (error) {
    if (error instanceof AwsCallError && error.code === 'ClientException') return undefined;
    throw error;
  }
}

/** Registers the file's task definition once, reusing a revision an earlier attempt registered. Returns its ARN. */
export async function registerTaskDefinition(
  session: EcsCallSession,
  source: TaskDefinitionFile,
  limits: () => CallLimits,
): Promise<string> {
  if (source.rendered.dropped.length > 0) {
    session.log.info(`Dropped describe-only fields from ${source.path}: ${source.rendered.dropped.join(', ')}`);
  }
  return writeOnce(session, {
    operation: 'RegisterTaskDefinition',
    write: () => registerOnce(session, source, limits()),
    landed: async () => {
      const landed = await latestSameRevision(session, source.rendered, limits());
      if (landed)
        session.log.info(`${shortTaskDefinition(landed)}, the family's latest revision, is what this step registers.`);
      return landed;
    },
  });
}

/**
 * After a RegisterTaskDefinition whose answer never came (cancelled, or no answer): whether the family's latest
 * revision is ours, found with one short describe that the job's cancel does not abort.
 */
export async function landedRegistration(
  session: EcsCallSession,
  rendered: RenderedTaskDefinition,
): Promise<{ text: string; arn?: string }> {
  try {
    const arn = await latestSameRevision(session, rendered, { withinMs: CHECK_TIMEOUT_MS, cancellable: false });
    return arn
      ? { text: `${shortTaskDefinition(arn)} was registered (${arn})`, arn }
      : { text: 'no revision was registered' };
  } catch (error) {
    return { text: `whether a revision was registered is unknown (${errorMessage(error)})` };
  }
}

async function registerOnce(session: EcsCallSession, source: TaskDefinitionFile, limits: CallLimits): Promise<string> {
  const registered = await session.call(
    'RegisterTaskDefinition',
    async (o) => {
      try {
        const command = new RegisterTaskDefinitionCommand(source.rendered.request);
        // Every field of the file reaches ECS, also those newer than our SDK's model.
        sendAsWritten(command, source.rendered.request);
        return await session.deps.ecsSingleAttempt.send(command, o);
      } catch (error) {
        // ECS refuses an invalid task definition with a ClientException: point at the file, not at the API.
        // (A missing iam:PassRole is an access error, explained as such by explainAwsError.)
        const detail = sentence(errorMessage(error));
        if (errorCode(error) === 'ClientException' && !/not authorized to perform/i.test(detail)) {
          throw new AwsCallError(
            `Input "task-definition": ECS refused to register ${quoteValue(source.path)} (ecs:RegisterTaskDefinition, ClientException): ${detail} Fix the task definition file (or the ecs-render-taskdef inputs that wrote it). Nothing was changed.`,
            'ClientException',
            'RegisterTaskDefinition',
          );
        }
        throw error;
      }
    },
    limits,
  );
  const arn = registered.taskDefinition?.taskDefinitionArn;
  if (!arn) throw new Error('RegisterTaskDefinition answered without a taskDefinitionArn');
  session.log.info(`Registered ${shortTaskDefinition(arn)} (${arn})`);
  return arn;
}
