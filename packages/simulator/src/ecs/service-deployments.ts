/**
 * Service deployments (the ServiceDeployment records of each deployment a service went through):
 * ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment and ContinueServiceDeployment; and the service revisions they
 * deploy (DescribeServiceRevisions).
 */
import type { JsonObject } from './model.js';
import { paginate, referenceList, required, str, strings } from './requests.js';
import { serviceDeploymentBriefShape, serviceDeploymentShape, serviceRevisionShape } from './shapes.js';
import { clusterOf, type EcsState, serviceOf } from './state.js';
import { continueServiceDeployment as continueDeployment } from './strategies/continue.js';
import { stopServiceDeployment as stopDeployment } from './strategies/stop.js';

export function listServiceDeployments(state: EcsState, input: JsonObject): unknown {
  state.now();
  const cluster = clusterOf(state, input.cluster);
  const service = serviceOf(cluster, required(input, 'service'));
  const statuses = strings(input, 'status');
  const createdAt = (input.createdAt ?? {}) as { before?: number; after?: number };
  // Newest first (ListServiceDeployments: "most recent first").
  const records = [...service.serviceDeployments]
    .reverse()
    .filter((record) => statuses === undefined || statuses.includes(record.status))
    .filter((record) => createdAt.after === undefined || record.createdAt >= createdAt.after * 1000)
    .filter((record) => createdAt.before === undefined || record.createdAt <= createdAt.before * 1000);
  const { page, nextToken } = paginate(records, input, 20, 100);
  const serviceDeployments = page.map((record) => serviceDeploymentBriefShape(service, record));
  return nextToken ? { serviceDeployments, nextToken } : { serviceDeployments };
}

export function describeServiceDeployments(state: EcsState, input: JsonObject): unknown {
  state.now();
  const arns = referenceList(input, 'serviceDeploymentArns', 'serviceDeploymentArns', 20);
  const serviceDeployments: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const arn of arns) {
    let found = false;
    for (const cluster of state.clusters.values()) {
      for (const service of cluster.services.values()) {
        const record = service.serviceDeployments.find((candidate) => candidate.arn === arn);
        if (record) {
          serviceDeployments.push(serviceDeploymentShape(service, record));
          found = true;
        }
      }
    }
    if (!found) failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}

/** DescribeServiceRevisions: up to 20 ARNs; one not found is a MISSING failure. */
export function describeServiceRevisions(state: EcsState, input: JsonObject): unknown {
  state.now();
  const arns = referenceList(input, 'serviceRevisionArns', 'serviceRevisionArns', 20);
  const serviceRevisions: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const arn of arns) {
    const found = [...state.clusters.values()]
      .flatMap((cluster) => [...cluster.services.values()])
      .flatMap((service) => service.serviceRevisions.map((revision) => ({ service, revision })))
      .find(({ revision }) => revision.arn === arn);
    if (!found) {
      failures.push({ arn, reason: 'MISSING' });
      continue;
    }
    const images = state.taskDefinitions.lookup(found.revision.taskDefinitionArn)?.taskDefinition.containerDefinitions;
    serviceRevisions.push(serviceRevisionShape(found.service, found.revision, (images ?? []) as JsonObject[]));
  }
  return { serviceRevisions, failures };
}

export function stopServiceDeployment(state: EcsState, input: JsonObject): unknown {
  const now = state.now();
  return stopDeployment(
    state.clusters.values(),
    state.scheduler,
    required(input, 'serviceDeploymentArn'),
    str(input, 'stopType'),
    now,
  );
}

export function continueServiceDeployment(state: EcsState, input: JsonObject): unknown {
  const now = state.now();
  const request = { arn: required(input, 'serviceDeploymentArn'), hookId: required(input, 'hookId') };
  return continueDeployment(
    state.clusters.values(),
    state.scheduler,
    { ...request, action: str(input, 'action') },
    now,
  );
}
