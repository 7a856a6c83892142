/**
 * A rollback deployment this step started on a rolling service (by service revision or by task definition),
 * followed to its end for up to `timeout`, and reported: steady, failed too, or under way but not followed.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { errorMessage } from '@ecs-actions/core';
import { isAbort } from './aws-errors.js';
import { describeFollowed, follow } from './follow/rolling.js';
import type { RollbackResult } from './rollback.js';
import type { DeploySession } from './session.js';
import type { RollbackMethod } from './types.js';

export interface OurRollback {
  /** The rollback deployment (ECS deployment id). */
  id: string;
  /** The task definition it returns to. */
  taskDefinitionArn: string;
  method: RollbackMethod;
  /** Said before the report's detail (why the fallback was taken), or nothing. */
  preface?: string;
}

/** What the method did, after "Rolled back to … and it is steady". */
const AFTER_STEADY: Record<RollbackMethod, string> = {
  'service-revision': ': the previous service revision, its settings included (StopServiceDeployment ROLLBACK)',
  'task-definition': '',
};

export async function followOurRollback(
  session: DeploySession,
  rollback: OurRollback,
  known: Service | undefined,
): Promise<RollbackResult> {
  const { id, taskDefinitionArn: arn, method } = rollback;
  const preface = rollback.preface ? `${rollback.preface} ` : '';
  const report = (steady: boolean, text: string): RollbackResult => {
    const detail = `${preface}${text}`;
    return { note: detail, report: { by: 'action', method, taskDefinitionArn: arn, deploymentId: id, steady, detail } };
  };
  try {
    const followed = await follow(
      session,
      { id, taskDefinitionArn: arn, label: 'rollback' },
      session.inputs.timeoutMs,
      known,
    );
    return followed.kind === 'completed'
      ? report(true, `Rolled back to ${arn} (deployment ${id}) and it is steady${AFTER_STEADY[method]}.`)
      : report(false, `The rollback to ${arn} (deployment ${id}) also failed: ${describeFollowed(session, followed)}.`);
  } catch (error) {
    if (isAbort(error) || session.cancelled) throw error;
    // The rollback deployment exists: a read that failed while following it says nothing of how it ends.
    return report(
      false,
      `The rollback to ${arn} (deployment ${id}) was started and ECS carries on with it, but this step could not follow it to its end: ${errorMessage(error)}`,
    );
  }
}
