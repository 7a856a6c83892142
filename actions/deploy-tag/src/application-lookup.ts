/**
 * What a lookup reports of an application deploy (format 3 records): every target the deploy recorded, each with the
 * revision it ran, so that a redeploy or rollback acts on the whole application, not on one of its targets.
 */
import type { PlaceDeploy } from './history.js';
import { type DeployRecord, resourceOf, type TargetKind } from './records.js';

/** One target of a recorded application deploy, as the `targets` output lists it. */
export interface TargetOutput {
  name: string;
  kind: TargetKind;
  /** The service, the rule, or the schedule as group/name. */
  resource: string;
  taskDefinitionArn?: string;
  image?: string;
}

/** The records written by the same deploy as `record`: same application and place, same run and time. */
function sameDeploy(a: DeployRecord, b: DeployRecord): boolean {
  return (
    a.application === b.application &&
    a.environment === b.environment &&
    a.cluster === b.cluster &&
    a.region === b.region &&
    a.run === b.run &&
    a.time === b.time
  );
}

/** The targets of the application deploy a lookup found; undefined for a single-service record or a legacy tag. */
export function deployTargets({ tag, record }: PlaceDeploy): TargetOutput[] | undefined {
  if (!record?.application) return undefined;
  return (tag.records ?? [])
    .filter((found) => found.application !== undefined && sameDeploy(found, record))
    .map((found) => ({
      name: found.target ?? '',
      kind: found.kind ?? 'service',
      resource: resourceOf(found),
      ...(found.taskDefinitionArn !== undefined ? { taskDefinitionArn: found.taskDefinitionArn } : {}),
      ...(found.image !== undefined ? { image: found.image } : {}),
    }));
}
