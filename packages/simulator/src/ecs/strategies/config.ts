/**
 * The native deployment strategies' settings (ECS API reference: DeploymentConfiguration.strategy,
 * bakeTimeInMinutes, lifecycleHooks (DeploymentLifecycleHook), linearConfiguration (LinearConfiguration),
 * canaryConfiguration (CanaryConfiguration), alarms (DeploymentAlarms); LoadBalancer.advancedConfiguration
 * (AdvancedConfiguration)), validated as CreateService and UpdateService do, with defaults filled in.
 */
import { AwsServiceError } from '../../contract.js';
import type { DeploymentConfigurationRecord, JsonObject } from '../model.js';
import { type PauseHook, pauseHookOf, validatePauseHook } from './pause-hooks.js';

export type Strategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
export const STRATEGIES: readonly Strategy[] = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];

/** ServiceDeployment.lifecycleStage values, in the order a deployment walks them. */
export const LIFECYCLE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** DeploymentLifecycleHook.lifecycleStages: the stages a hook can run at (not SCALE_UP, BAKE_TIME, CLEAN_UP). */
export const HOOK_STAGES: readonly LifecycleStage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];

/** LinearConfiguration and CanaryConfiguration defaults (API reference). */
export const LINEAR_DEFAULTS = { stepPercent: 10.0, stepBakeTimeInMinutes: 6 };
export const CANARY_DEFAULTS = { canaryPercent: 5.0, canaryBakeTimeInMinutes: 10 };

export interface LambdaHook {
  hookTargetArn: string;
  roleArn: string;
  lifecycleStages: LifecycleStage[];
  targetType: 'AWS_LAMBDA';
  hookDetails?: unknown;
}

/** A lambda hook invokes a function; a PAUSE hook waits for ContinueServiceDeployment (pause-hooks.ts). */
export type LifecycleHook = LambdaHook | PauseHook;

export interface DeploymentAlarms {
  alarmNames: string[];
  enable: boolean;
  rollback: boolean;
}

/** A deployment configuration's strategy settings, defaults filled in. */
export interface StrategySettings {
  strategy: Strategy;
  bakeTimeMs: number;
  hooks: LifecycleHook[];
  linear: { stepPercent: number; stepBakeTimeMs: number };
  canary: { canaryPercent: number; canaryBakeTimeMs: number };
  alarms?: DeploymentAlarms;
}

const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);
const MINUTE = 60_000;

function minutes(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 1440) {
    throw invalid(`${name} must be an integer between 0 and 1440.`);
  }
  return value as number;
}

/** A percentage that is a multiple of 0.1 within [low, 100]. */
function percent(value: unknown, name: string, low: number): number {
  const number = Number(value);
  if (
    typeof value !== 'number' ||
    number < low ||
    number > 100 ||
    Math.abs(number * 10 - Math.round(number * 10)) > 1e-9
  ) {
    throw invalid(`${name} must be a multiple of 0.1 between ${low.toFixed(1)} and 100.0.`);
  }
  return number;
}

/** The strategy a configuration names (ROLLING when none). */
export function strategyOf(configuration: DeploymentConfigurationRecord): Strategy {
  return (configuration.strategy as Strategy | undefined) ?? 'ROLLING';
}

/**
 * Validates the strategy fields of a merged deployment configuration against the service's deployment controller
 * and load balancers (UpdateService / CreateService InvalidParameterException cases).
 */
export function validateStrategy(
  configuration: DeploymentConfigurationRecord,
  context: { controller: string; loadBalancers: unknown[]; serviceConnect: boolean },
): void {
  const strategy = configuration.strategy;
  if (strategy !== undefined && !STRATEGIES.includes(strategy as Strategy)) {
    throw invalid(`Invalid strategy: ${String(strategy)}. Valid values are ${STRATEGIES.join(', ')}.`);
  }
  const staged = strategy !== undefined && strategy !== 'ROLLING';
  if (staged && context.controller !== 'ECS') {
    throw invalid(`The ${String(strategy)} deployment strategy is only supported with the ECS deployment controller.`);
  }
  if (configuration.bakeTimeInMinutes !== undefined) minutes(configuration.bakeTimeInMinutes, 'bakeTimeInMinutes');
  if (strategy === 'BLUE_GREEN' && configuration.bakeTimeInMinutes === undefined) {
    // DeploymentConfiguration.bakeTimeInMinutes: "You must provide this parameter when you use the BLUE_GREEN
    // deployment strategy."
    throw invalid('bakeTimeInMinutes must be specified for the BLUE_GREEN deployment strategy.');
  }
  if (configuration.linearConfiguration !== undefined && strategy !== 'LINEAR') {
    throw invalid('linearConfiguration can only be specified with the LINEAR deployment strategy.');
  }
  if (configuration.canaryConfiguration !== undefined && strategy !== 'CANARY') {
    throw invalid('canaryConfiguration can only be specified with the CANARY deployment strategy.');
  }
  const linear = (configuration.linearConfiguration ?? {}) as JsonObject;
  if (linear.stepPercent !== undefined) percent(linear.stepPercent, 'linearConfiguration.stepPercent', 3);
  if (linear.stepBakeTimeInMinutes !== undefined) {
    minutes(linear.stepBakeTimeInMinutes, 'linearConfiguration.stepBakeTimeInMinutes');
  }
  const canary = (configuration.canaryConfiguration ?? {}) as JsonObject;
  if (canary.canaryPercent !== undefined) percent(canary.canaryPercent, 'canaryConfiguration.canaryPercent', 0.1);
  if (canary.canaryBakeTimeInMinutes !== undefined) {
    minutes(canary.canaryBakeTimeInMinutes, 'canaryConfiguration.canaryBakeTimeInMinutes');
  }
  validateHooks(configuration.lifecycleHooks, staged, strategy === 'ROLLING' || strategy === undefined);
  validateAlarms(configuration.alarms);
  if (staged) validateLoadBalancers(String(strategy), context.loadBalancers, context.serviceConnect);
}

function validateHooks(value: unknown, staged: boolean, rolling: boolean): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw invalid('lifecycleHooks must be a list.');
  for (const hook of value as JsonObject[]) {
    const targetType = hook.targetType ?? 'AWS_LAMBDA';
    if (targetType === 'PAUSE') {
      // Pause hooks work with every strategy (rolling too); a rolling deployment pauses around its scale-up.
      validatePauseHook(hook, rolling);
      continue;
    }
    if (targetType !== 'AWS_LAMBDA') throw invalid(`Invalid targetType: ${String(targetType)}.`);
    if (!staged) {
      throw invalid(
        'lifecycleHooks of targetType AWS_LAMBDA can only be specified with the BLUE_GREEN, LINEAR or CANARY deployment strategy.',
      );
    }
    if (typeof hook.hookTargetArn !== 'string' || !/^arn:aws[a-z-]*:lambda:/.test(hook.hookTargetArn)) {
      throw invalid('hookTargetArn must be the ARN of a Lambda function.');
    }
    if (typeof hook.roleArn !== 'string' || !hook.roleArn.startsWith('arn:')) {
      throw invalid('roleArn must be specified for a lifecycle hook.');
    }
    const stages = hook.lifecycleStages;
    if (!Array.isArray(stages) || stages.length === 0) throw invalid('lifecycleStages can not be empty.');
    for (const stage of stages) {
      if (!HOOK_STAGES.includes(stage as LifecycleStage)) {
        throw invalid(`Invalid lifecycle stage: ${String(stage)}. Valid values are ${HOOK_STAGES.join(', ')}.`);
      }
    }
  }
}

function validateAlarms(value: unknown): void {
  if (value === undefined) return;
  const alarms = value as JsonObject;
  if (!Array.isArray(alarms.alarmNames) || alarms.alarmNames.some((name) => typeof name !== 'string')) {
    throw invalid('alarms.alarmNames must be a list of alarm names.');
  }
  if (typeof alarms.enable !== 'boolean' || typeof alarms.rollback !== 'boolean') {
    throw invalid('alarms.enable and alarms.rollback must be specified.');
  }
}

/**
 * Developer guide, "Required resources for Amazon ECS blue/green deployments": a load balancer whose
 * advancedConfiguration names the alternate target group, the production listener rule and the role ECS uses to
 * move traffic (or Service Connect).
 */
function validateLoadBalancers(strategy: string, loadBalancers: unknown[], serviceConnect: boolean): void {
  if (loadBalancers.length === 0) {
    if (serviceConnect) return;
    throw invalid(
      `The ${strategy} deployment strategy requires a load balancer with advancedConfiguration or Service Connect.`,
    );
  }
  for (const loadBalancer of loadBalancers as JsonObject[]) {
    const advanced = loadBalancer.advancedConfiguration as JsonObject | undefined;
    if (!advanced) {
      throw invalid(
        `advancedConfiguration must be specified for each load balancer when you use the ${strategy} deployment strategy.`,
      );
    }
    for (const field of ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn']) {
      if (typeof advanced[field] !== 'string' || advanced[field] === '') {
        throw invalid(`advancedConfiguration.${field} must be specified for the ${strategy} deployment strategy.`);
      }
    }
    if (advanced.alternateTargetGroupArn === loadBalancer.targetGroupArn) {
      throw invalid('alternateTargetGroupArn must be different from the targetGroupArn of the load balancer.');
    }
  }
}

/** The strategy settings a deployment runs with, defaults filled in. */
export function settingsOf(configuration: DeploymentConfigurationRecord): StrategySettings {
  const linear = (configuration.linearConfiguration ?? {}) as JsonObject;
  const canary = (configuration.canaryConfiguration ?? {}) as JsonObject;
  const hooks = ((configuration.lifecycleHooks as JsonObject[] | undefined) ?? []).map(
    (hook): LifecycleHook =>
      hook.targetType === 'PAUSE'
        ? pauseHookOf(hook)
        : {
            hookTargetArn: String(hook.hookTargetArn),
            roleArn: String(hook.roleArn),
            lifecycleStages: hook.lifecycleStages as LifecycleStage[],
            targetType: 'AWS_LAMBDA' as const,
            ...(hook.hookDetails !== undefined ? { hookDetails: hook.hookDetails } : {}),
          },
  );
  const alarms = configuration.alarms as DeploymentAlarms | undefined;
  return {
    strategy: strategyOf(configuration),
    bakeTimeMs: Number(configuration.bakeTimeInMinutes ?? 0) * MINUTE,
    hooks,
    linear: {
      stepPercent: Number(linear.stepPercent ?? LINEAR_DEFAULTS.stepPercent),
      stepBakeTimeMs: Number(linear.stepBakeTimeInMinutes ?? LINEAR_DEFAULTS.stepBakeTimeInMinutes) * MINUTE,
    },
    canary: {
      canaryPercent: Number(canary.canaryPercent ?? CANARY_DEFAULTS.canaryPercent),
      canaryBakeTimeMs: Number(canary.canaryBakeTimeInMinutes ?? CANARY_DEFAULTS.canaryBakeTimeInMinutes) * MINUTE,
    },
    ...(alarms ? { alarms } : {}),
  };
}
