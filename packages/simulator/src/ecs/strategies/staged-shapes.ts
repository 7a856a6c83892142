/** The staged fields of a ServiceDeployment (DescribeServiceDeployments) and the revisions' traffic weights. */
import type { JsonObject, ServiceDeploymentRecord } from '../model.js';
import { pauseDetails } from './pause-hooks.js';
import { round1 } from './staged-model.js';

/** The staged fields of a ServiceDeployment (DescribeServiceDeployments), and the revisions' traffic weights. */
export function stagedShapeFields(record: ServiceDeploymentRecord): JsonObject {
  const rollout = record.staged;
  const alarms = record.deploymentConfiguration.alarms as { alarmNames?: string[]; enable?: boolean } | undefined;
  const alarmShape = !alarms?.enable
    ? { status: 'DISABLED' }
    : {
        status: rollout?.alarmStatus ?? (record.status === 'IN_PROGRESS' ? 'MONITORING' : 'MONITORING_COMPLETE'),
        alarmNames: alarms.alarmNames ?? [],
        triggeredAlarmNames: rollout?.triggeredAlarms ?? [],
      };
  if (!rollout) return { alarms: alarmShape };
  return {
    lifecycleStage: rollout.stage,
    lifecycleHookDetails: [
      ...rollout.hooks.map((hook) => ({
        hookId: hook.hookId,
        targetType: 'AWS_LAMBDA',
        targetArn: hook.targetArn,
        status: hook.status,
      })),
      ...pauseDetails(rollout.pauses),
    ],
    alarms: alarmShape,
  };
}

/** requestedProductionTrafficWeight / requestedTestTrafficWeight of a revision in a staged deployment. */
export function trafficWeights(record: ServiceDeploymentRecord, revisionArn: string): JsonObject {
  const rollout = record.staged;
  if (!rollout) return {};
  const green = revisionArn === record.targetRevisionArn;
  if (!green && revisionArn !== rollout.blueRevisionArn)
    return { requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: 0 };
  // No test traffic at all before TEST_TRAFFIC_SHIFT (developer guide, lifecycle stages).
  const test = !rollout.testTraffic ? 0 : green ? rollout.testWeight : round1(100 - rollout.testWeight);
  return {
    requestedProductionTrafficWeight: green ? rollout.productionWeight : round1(100 - rollout.productionWeight),
    requestedTestTrafficWeight: test,
  };
}
