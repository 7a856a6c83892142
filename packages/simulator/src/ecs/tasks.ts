/**
 * Tasks: ListTasks and DescribeTasks over every task of a cluster (a service's and standalone ones), and the
 * standalone tasks of RunTask and StopTask.
 */
import type { ClusterRecord, JsonObject, TaskDefinitionRecord } from './model.js';
import { clientError, includesTags, invalid, listPage, referenceList, required, str } from './requests.js';
import { taskShape } from './shapes.js';
import { clusterOf, type EcsState, serviceOf } from './state.js';

export function listTasks(state: EcsState, input: JsonObject): unknown {
  state.now();
  const cluster = clusterOf(state, input.cluster);
  const serviceName = str(input, 'serviceName');
  const service = serviceName === undefined ? undefined : serviceOf(cluster, serviceName);
  // ListTasks desiredStatus: RUNNING unless STOPPED is asked for; stopped tasks stay listable.
  const desiredStatus = str(input, 'desiredStatus') ?? 'RUNNING';
  if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) {
    throw invalid(`Invalid desiredStatus: ${desiredStatus}`);
  }
  const startedBy = str(input, 'startedBy');
  const family = str(input, 'family');
  const launchType = str(input, 'launchType');
  const tasks = cluster.tasks.filter(
    (task) =>
      (service === undefined || task.service === service) &&
      (desiredStatus === 'STOPPED' ? task.desiredStatus === 'STOPPED' : task.desiredStatus === 'RUNNING') &&
      (desiredStatus !== 'PENDING' || task.lastStatus === 'PROVISIONING' || task.lastStatus === 'PENDING') &&
      (startedBy === undefined || task.startedBy === startedBy) &&
      (family === undefined || task.taskDefinition.family === family) &&
      (launchType === undefined || task.launchType === launchType),
  );
  const arns = tasks.map((task) => task.arn);
  return listPage('taskArns', arns, input, 100, 100);
}

export function describeTasks(state: EcsState, input: JsonObject): unknown {
  state.now();
  const cluster = clusterOf(state, input.cluster);
  const references = referenceList(input, 'tasks', 'Tasks', 100);
  const includeTags = includesTags(input);
  const tasks: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const reference of references) {
    const id = reference.slice(reference.lastIndexOf('/') + 1);
    const task = cluster.tasks.find((candidate) => candidate.id === id);
    if (task) tasks.push(taskShape(task, state.region, state.accountId, includeTags));
    else
      failures.push({
        arn: reference.startsWith('arn:') ? reference : `${state.arnPrefix}:task/${cluster.name}/${id}`,
        reason: 'MISSING',
      });
  }
  return { tasks, failures };
}

// ------------------------------------------------------------------------------------------- standalone tasks

/** A RunTask request, checked (the API reference's Errors section). */
interface RunTaskRequest {
  record: TaskDefinitionRecord;
  count: number;
  launchType: string | undefined;
  startedBy: string | undefined;
  overrides: JsonObject | undefined;
}

function checkRunTask(state: EcsState, input: JsonObject): RunTaskRequest {
  const record = state.taskDefinitions.lookup(required(input, 'taskDefinition'));
  if (!record) throw clientError('TaskDefinition not found.');
  if (record.status !== 'ACTIVE') throw clientError('TaskDefinition is inactive');
  const count = input.count === undefined ? 1 : Number(input.count);
  if (!Number.isInteger(count) || count < 1 || count > 10) throw invalid('count must be between 1 and 10.');
  const launchType = str(input, 'launchType');
  const strategy = input.capacityProviderStrategy;
  if (launchType !== undefined && Array.isArray(strategy) && strategy.length > 0) {
    throw invalid(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
  }
  if (launchType !== undefined && !['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'].includes(launchType)) {
    throw invalid(`Invalid launchType: ${launchType}`);
  }
  const startedBy = str(input, 'startedBy');
  if (startedBy !== undefined && startedBy.length > 128) {
    throw invalid('startedBy must be at most 128 characters long.');
  }
  const network = input.networkConfiguration as { awsvpcConfiguration?: { subnets?: unknown } } | undefined;
  if (record.taskDefinition.networkMode === 'awsvpc') {
    if (!network?.awsvpcConfiguration) {
      throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }
    const subnets = network.awsvpcConfiguration.subnets;
    if (!Array.isArray(subnets) || subnets.length === 0) throw invalid('subnets can not be empty.');
  }
  const overrides = (input.overrides ?? undefined) as JsonObject | undefined;
  const names = ((record.taskDefinition.containerDefinitions as JsonObject[]) ?? []).map((c) => c.name);
  for (const override of (overrides?.containerOverrides as JsonObject[] | undefined) ?? []) {
    if (!names.includes(override.name)) {
      throw invalid(`Override for container named ${String(override.name)} is not a container in the TaskDefinition.`);
    }
  }
  return { record, count, launchType, startedBy, overrides };
}

/** RunTask: standalone tasks (group `family:<family>`), validated per the API reference's Errors section. */
export function runTask(state: EcsState, input: JsonObject): unknown {
  const now = state.now();
  const cluster = clusterOf(state, input.cluster);
  const { record, count, launchType, startedBy, overrides } = checkRunTask(state, input);
  const tags = (input.tags ?? []) as { key: string; value: string }[];
  const reason = state.scenarios.runTaskFailure(record);
  if (reason !== undefined) return placementFailures(state, cluster, reason, count);
  const tasks: JsonObject[] = [];
  for (let i = 0; i < count; i++) {
    const task = state.scheduler.launchTask(
      cluster,
      undefined,
      record,
      startedBy ?? '',
      now,
      false,
      state.scenarios.commandScenarioOf(overrides)?.scenario,
    );
    if (launchType !== undefined) task.launchType = launchType;
    if (startedBy === undefined) task.startedBy = '';
    if (overrides) task.overrides = overrides;
    if (tags.length > 0) task.tags = tags;
    const group = str(input, 'group');
    if (group !== undefined) task.group = group;
    tasks.push(taskShape(task, state.region, state.accountId, false));
  }
  return { tasks, failures: [] };
}

/** RunTask places no task: a `failures` entry of the reason for each task asked for. */
function placementFailures(state: EcsState, cluster: ClusterRecord, reason: string, count: number): unknown {
  // Failure.arn: the resource the failure is about (a container instance for RESOURCE:*, else the cluster).
  const arn = reason.startsWith('RESOURCE:')
    ? `${state.arnPrefix}:container-instance/${cluster.name}/${state.ids.hex(32)}`
    : cluster.arn;
  return { tasks: [], failures: Array.from({ length: count }, () => ({ arn, reason })) };
}

/** StopTask: stop code UserInitiated; the reason (at most 255 characters) becomes the stoppedReason. */
export function stopTask(state: EcsState, input: JsonObject): unknown {
  const now = state.now();
  const cluster = clusterOf(state, input.cluster);
  const reference = required(input, 'task');
  const reason = str(input, 'reason');
  if (reason !== undefined && reason.length > 255) throw invalid('reason must be at most 255 characters long.');
  const id = reference.slice(reference.lastIndexOf('/') + 1);
  const task = cluster.tasks.find((candidate) => candidate.id === id);
  if (!task) throw invalid('The referenced task was not found.');
  state.scheduler.stopTask(task, now, reason ?? 'Task stopped by user', 'UserInitiated');
  return { task: taskShape(task, state.region, state.accountId, false) };
}
