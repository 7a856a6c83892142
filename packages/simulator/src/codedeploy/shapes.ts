/**
 * Wire shapes of the CodeDeploy API reference data types (DeploymentGroupInfo, DeploymentInfo, DeploymentTarget with
 * ECSTarget, LifecycleEvent, ECSTaskSet, TrafficRoutingConfig). Timestamps are Dates (epoch seconds on the wire).
 */
import type { ServiceTaskSets } from '../ecs/task-sets.js';
import type { DeploymentGroupRecord, DeploymentRecord, JsonObject, TrafficRouting } from './model.js';

const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

function compact<T extends JsonObject>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

export function trafficRoutingShape(routing: TrafficRouting): JsonObject {
  if (routing.type === 'AllAtOnce') return { type: 'AllAtOnce' };
  if (routing.type === 'TimeBasedLinear') {
    return {
      type: 'TimeBasedLinear',
      timeBasedLinear: { linearPercentage: routing.percentage, linearInterval: routing.intervalMinutes },
    };
  }
  return {
    type: 'TimeBasedCanary',
    timeBasedCanary: { canaryPercentage: routing.percentage, canaryInterval: routing.intervalMinutes },
  };
}

function blueGreen(group: DeploymentGroupRecord): JsonObject {
  return {
    terminateBlueInstancesOnDeploymentSuccess: {
      action: 'TERMINATE',
      terminationWaitTimeInMinutes: group.terminationWaitTimeInMinutes,
    },
    deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
  };
}

function loadBalancerInfo(group: DeploymentGroupRecord): JsonObject {
  return {
    targetGroupPairInfoList: [
      compact({
        targetGroups: group.targetGroups.map((name) => ({ name })),
        prodTrafficRoute: { listenerArns: group.prodListenerArns },
        testTrafficRoute: group.testListenerArns.length > 0 ? { listenerArns: group.testListenerArns } : undefined,
      }),
    ],
  };
}

const deploymentStyle = { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' };

function lastDeployment(deployment: DeploymentRecord | undefined): JsonObject | undefined {
  if (!deployment) return undefined;
  return compact({
    deploymentId: deployment.id,
    status: deployment.status,
    endTime: date(deployment.completeTime),
    createTime: date(deployment.createTime),
  });
}

export function deploymentGroupShape(group: DeploymentGroupRecord): JsonObject {
  return compact({
    applicationName: group.application.name,
    deploymentGroupId: group.id,
    deploymentGroupName: group.name,
    deploymentConfigName: group.deploymentConfigName,
    ec2TagFilters: [],
    onPremisesInstanceTagFilters: [],
    autoScalingGroups: [],
    serviceRoleArn: group.serviceRoleArn,
    triggerConfigurations: [],
    alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
    autoRollbackConfiguration: { enabled: group.autoRollback.enabled, events: group.autoRollback.events },
    deploymentStyle,
    outdatedInstancesStrategy: 'UPDATE',
    blueGreenDeploymentConfiguration: blueGreen(group),
    loadBalancerInfo: loadBalancerInfo(group),
    lastSuccessfulDeployment: lastDeployment(group.lastSuccessful),
    lastAttemptedDeployment: lastDeployment(group.lastAttempted),
    computePlatform: 'ECS',
    ecsServices: [{ serviceName: group.service, clusterName: group.cluster }],
    terminationHookEnabled: false,
  });
}

/** DeploymentOverview: how many targets (here the one ECS service) are in each state. */
function overview(deployment: DeploymentRecord): JsonObject {
  const counts = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 };
  counts[targetStatus(deployment)] += 1;
  return counts;
}

function targetStatus(deployment: DeploymentRecord): 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' {
  switch (deployment.status) {
    case 'Created':
    case 'Queued':
      return 'Pending';
    case 'Succeeded':
      return 'Succeeded';
    case 'Failed':
    case 'Stopped':
      return 'Failed';
    default:
      return 'InProgress';
  }
}

export function deploymentInfoShape(deployment: DeploymentRecord): JsonObject {
  const { group } = deployment;
  return compact({
    applicationName: group.application.name,
    deploymentGroupName: group.name,
    deploymentConfigName: deployment.configName,
    deploymentId: deployment.id,
    revision: deployment.revision,
    status: deployment.status,
    errorInformation: deployment.errorInformation,
    createTime: date(deployment.createTime),
    startTime: date(deployment.startTime),
    completeTime: date(deployment.completeTime),
    deploymentOverview: overview(deployment),
    description: deployment.description,
    creator: deployment.creator,
    ignoreApplicationStopFailures: false,
    autoRollbackConfiguration: { enabled: group.autoRollback.enabled, events: group.autoRollback.events },
    updateOutdatedInstancesOnly: false,
    rollbackInfo: deployment.rollbackInfo ? compact({ ...deployment.rollbackInfo }) : undefined,
    deploymentStyle,
    blueGreenDeploymentConfiguration: blueGreen(group),
    loadBalancerInfo: loadBalancerInfo(group),
    fileExistsBehavior: 'DISALLOW',
    deploymentStatusMessages: [],
    computePlatform: 'ECS',
  });
}

/** DeploymentTarget of type ECSTarget: the lifecycle events and both task sets with their traffic weights. */
export function deploymentTargetShape(deployment: DeploymentRecord, taskSets: ServiceTaskSets | undefined): JsonObject {
  const { group } = deployment;
  const source = deployment.rollbackOf ?? deployment;
  const taskSetsInfo: JsonObject[] = [];
  for (const [label, id, weight, targetGroup] of [
    ['Blue', source.blue, 100 - source.greenTraffic, group.targetGroups[0]],
    ['Green', source.green, source.greenTraffic, group.targetGroups[1]],
  ] as const) {
    const taskSet = id && taskSets ? taskSets.find(id) : undefined;
    if (!taskSet || !taskSets) continue;
    const counts = taskSets.counts(taskSet);
    taskSetsInfo.push({
      identifer: taskSet.id, // sic: the API reference spells ECSTaskSet's id member "identifer"
      desiredCount: counts.desired,
      pendingCount: counts.pending,
      runningCount: counts.running,
      status: taskSet.status,
      trafficWeight: weight,
      targetGroup: { name: targetGroup },
      taskSetLabel: label,
    });
  }
  const lastUpdated = Math.max(
    deployment.createTime,
    ...deployment.events.map((event) => event.endTime ?? event.startTime ?? 0),
    deployment.completeTime ?? 0,
  );
  return {
    deploymentTargetType: 'ECSTarget',
    ecsTarget: {
      deploymentId: deployment.id,
      targetId: `${group.cluster}:${group.service}`,
      targetArn: taskSets?.service.arn,
      lastUpdatedAt: new Date(lastUpdated),
      lifecycleEvents: deployment.events.map((event) =>
        compact({
          lifecycleEventName: event.name,
          diagnostics: event.diagnostics,
          startTime: date(event.startTime),
          endTime: date(event.endTime),
          status: event.status,
        }),
      ),
      status: targetStatus(deployment),
      taskSetsInfo,
    },
  };
}
