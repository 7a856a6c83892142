/**
 * The CodeDeploy side (AWS JSON 1.1, `X-Amz-Target: CodeDeploy_20141006.<Operation>`), for the ECS compute platform:
 * applications and deployment groups (seeded), the predefined ECS deployment configurations, CreateDeployment with
 * an AppSpecContent revision, GetDeployment, ListDeployments, StopDeployment and the deployment target calls. Deployments run over the
 * task sets of the ECS side (engine.ts); shapes and error codes follow the CodeDeploy API reference.
 */
import { type AwsJsonService, AwsServiceError, type SimClock } from '../contract.js';
import type { EcsSimulator } from '../ecs/index.js';
import { parseAppSpecRevision } from './appspec.js';
import { Engine, isDone, newEvents } from './engine.js';
import { listDeployments } from './list.js';
import {
  type ApplicationRecord,
  type DeploymentGroupRecord,
  type DeploymentRecord,
  ECS_DEPLOYMENT_CONFIGS,
  type HookResult,
  type JsonObject,
} from './model.js';
import { deploymentGroupShape, deploymentInfoShape, deploymentTargetShape, trafficRoutingShape } from './shapes.js';

export { CODEDEPLOY_TIMING } from './model.js';

export interface CodeDeploySimulatorOptions {
  clock: SimClock;
  accountId: string;
  region: string;
  ecs: EcsSimulator;
}

/** A deployment group for one CODE_DEPLOY ECS service (its application is created with it when new). */
export interface SeedDeploymentGroupInput {
  applicationName: string;
  deploymentGroupName: string;
  cluster: string;
  service: string;
  /** Blue and green target group names; default `<service>-blue`, `<service>-green`. */
  targetGroups?: [string, string];
  /** Default one production listener. */
  prodListenerArns?: string[];
  testListenerArns?: string[];
  /** Default CodeDeployDefault.ECSAllAtOnce. */
  deploymentConfigName?: string;
  /** blueGreenDeploymentConfiguration.terminateBlueInstancesOnDeploymentSuccess; default 5. */
  terminationWaitTimeInMinutes?: number;
  /** autoRollbackConfiguration; default enabled on DEPLOYMENT_FAILURE and DEPLOYMENT_STOP_ON_REQUEST. */
  autoRollback?: { enabled: boolean; events: string[] };
}

const requiredText = (input: JsonObject, name: string, code: string, message: string): string => {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw new AwsServiceError(code, message);
  return value;
};

/** CodeDeploy deployment ids: `d-` and nine upper-case letters and digits. */
const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;

export class CodeDeploySimulator implements AwsJsonService {
  readonly api = 'codedeploy' as const;
  readonly targetPrefix = 'CodeDeploy_20141006';

  private readonly applications = new Map<string, ApplicationRecord>();
  private readonly groups = new Map<string, DeploymentGroupRecord>();
  private readonly deployments = new Map<string, DeploymentRecord>();
  private readonly hookResults = new Map<string, HookResult>();
  private readonly engine: Engine;
  private counter = 0;

  constructor(private readonly options: CodeDeploySimulatorOptions) {
    this.engine = new Engine({
      ecs: options.ecs,
      hookResult: (fn) => this.hookResults.get(fn),
      startRollback: (failed, at) => this.startRollback(failed, at),
    });
  }

  // ------------------------------------------------------------------------------------------- seeding

  seedDeploymentGroup(input: SeedDeploymentGroupInput): void {
    const now = this.options.clock.now();
    let application = this.applications.get(input.applicationName);
    if (!application) {
      application = { id: this.uuid(), name: input.applicationName, createdAt: now };
      this.applications.set(application.name, application);
    }
    const prefix = `arn:aws:elasticloadbalancing:${this.options.region}:${this.options.accountId}`;
    this.groups.set(`${input.applicationName}/${input.deploymentGroupName}`, {
      id: this.uuid(),
      application,
      name: input.deploymentGroupName,
      deploymentConfigName: input.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
      serviceRoleArn: `arn:aws:iam::${this.options.accountId}:role/ecsCodeDeployRole`,
      cluster: input.cluster,
      service: input.service,
      targetGroups: input.targetGroups ?? [`${input.service}-blue`, `${input.service}-green`],
      prodListenerArns: input.prodListenerArns ?? [
        `${prefix}:listener/app/${input.service}/0123456789abcdef/0011223344556677`,
      ],
      testListenerArns: input.testListenerArns ?? [],
      terminationWaitTimeInMinutes: input.terminationWaitTimeInMinutes ?? 5,
      autoRollback: input.autoRollback ?? {
        enabled: true,
        events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'],
      },
    });
  }

  /** What a hook Lambda function answers, and after how long (default Succeeded after 5 s). */
  setHookResult(functionName: string, result: HookResult): void {
    this.hookResults.set(functionName, result);
  }

  /** A deployment as GetDeployment shows it (for assertions). */
  deployment(id: string): JsonObject | undefined {
    const deployment = this.deployments.get(id);
    if (!deployment) return undefined;
    this.advance();
    return deploymentInfoShape(deployment);
  }

  // ------------------------------------------------------------------------------------------- dispatch

  async handle(operation: string, input: JsonObject): Promise<unknown> {
    this.advance();
    switch (operation) {
      case 'GetApplication':
        return this.getApplication(input);
      case 'GetDeploymentGroup':
        return { deploymentGroupInfo: deploymentGroupShape(this.group(input)) };
      case 'GetDeploymentConfig':
        return this.getDeploymentConfig(input);
      case 'CreateDeployment':
        return this.createDeployment(input);
      case 'GetDeployment':
        return { deploymentInfo: deploymentInfoShape(this.find(input.deploymentId)) };
      case 'StopDeployment':
        return this.stopDeployment(input);
      case 'ListDeployments':
        return listDeployments(this.deployments.values(), input, (named) => this.group(named));
      case 'ListDeploymentTargets':
        return this.listDeploymentTargets(input);
      case 'GetDeploymentTarget':
        return this.getDeploymentTarget(input);
      case 'BatchGetDeploymentTargets':
        return this.batchGetDeploymentTargets(input);
      default:
        throw new AwsServiceError('UnknownOperationException', `Unknown operation ${this.targetPrefix}.${operation}`);
    }
  }

  /** Brings the ECS side and every deployment up to now. */
  private advance(): number {
    const now = this.options.ecs.advance();
    for (const deployment of this.deployments.values()) if (!isDone(deployment)) this.engine.advance(deployment, now);
    return now;
  }

  private uuid(): string {
    this.counter += 1;
    const hex = (this.counter * 2654435761).toString(16).padStart(12, '0').slice(-12);
    return `0c0de0de-${hex.slice(0, 4)}-4${hex.slice(4, 7)}-a${hex.slice(7, 10)}-${hex.padStart(12, '0')}`;
  }

  private newDeploymentId(): string {
    this.counter += 1;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    let n = this.counter * 2654435761 + 7919;
    let id = '';
    for (let i = 0; i < 9; i++) {
      id += alphabet[n % alphabet.length];
      n = Math.floor(n / alphabet.length) + i * 31;
    }
    return `d-${id}`;
  }

  // ------------------------------------------------------------------------------------------- lookups

  private application(input: JsonObject): ApplicationRecord {
    const name = requiredText(
      input,
      'applicationName',
      'ApplicationNameRequiredException',
      'Application name must be specified.',
    );
    const application = this.applications.get(name);
    if (!application)
      throw new AwsServiceError('ApplicationDoesNotExistException', `No application found for name: ${name}`);
    return application;
  }

  private group(input: JsonObject): DeploymentGroupRecord {
    const application = this.application(input);
    const name = requiredText(
      input,
      'deploymentGroupName',
      'DeploymentGroupNameRequiredException',
      'Deployment group name must be specified.',
    );
    const group = this.groups.get(`${application.name}/${name}`);
    if (!group)
      throw new AwsServiceError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`);
    return group;
  }

  private find(reference: unknown): DeploymentRecord {
    if (typeof reference !== 'string' || reference === '') {
      throw new AwsServiceError('DeploymentIdRequiredException', 'Deployment id must be specified.');
    }
    if (!DEPLOYMENT_ID.test(reference)) {
      throw new AwsServiceError('InvalidDeploymentIdException', `Deployment id ${reference} is not in a valid format.`);
    }
    const deployment = this.deployments.get(reference);
    if (!deployment)
      throw new AwsServiceError('DeploymentDoesNotExistException', `Deployment ${reference} does not exist.`);
    return deployment;
  }

  // ------------------------------------------------------------------------------------------- operations

  private getApplication(input: JsonObject): unknown {
    const application = this.application(input);
    return {
      application: {
        applicationId: application.id,
        applicationName: application.name,
        createTime: new Date(application.createdAt),
        linkedToGitHub: false,
        computePlatform: 'ECS',
      },
    };
  }

  private getDeploymentConfig(input: JsonObject): unknown {
    const name = requiredText(
      input,
      'deploymentConfigName',
      'DeploymentConfigNameRequiredException',
      'Deployment configuration name must be specified.',
    );
    const routing = ECS_DEPLOYMENT_CONFIGS.get(name);
    if (!routing) {
      throw new AwsServiceError(
        'DeploymentConfigDoesNotExistException',
        `No deployment configuration found for name: ${name}`,
      );
    }
    return {
      deploymentConfigInfo: {
        deploymentConfigId: `00000000-0000-4000-a000-${String(name.length).padStart(12, '0')}`,
        deploymentConfigName: name,
        createTime: new Date(0),
        computePlatform: 'ECS',
        trafficRoutingConfig: trafficRoutingShape(routing),
      },
    };
  }

  private createDeployment(input: JsonObject): unknown {
    const group = this.group(input);
    const configName =
      typeof input.deploymentConfigName === 'string' ? input.deploymentConfigName : group.deploymentConfigName;
    if (!ECS_DEPLOYMENT_CONFIGS.has(configName)) {
      throw new AwsServiceError(
        'DeploymentConfigDoesNotExistException',
        `No deployment configuration found for name: ${configName}`,
      );
    }
    const description = typeof input.description === 'string' ? input.description : undefined;
    const revision = input.revision;
    if (revision === null || typeof revision !== 'object' || Array.isArray(revision)) {
      throw new AwsServiceError('RevisionRequiredException', 'Revision must be specified.');
    }
    const revisionType = (revision as JsonObject).revisionType;
    if (revisionType === 'S3' || revisionType === 'GitHub' || revisionType === 'String') {
      // The simulator has no S3 or GitHub: only AppSpecContent revisions can be read.
      throw new AwsServiceError(
        'RevisionDoesNotExistException',
        'The named revision does not exist with the IAM user or AWS account.',
      );
    }
    if (revisionType !== 'AppSpecContent') {
      throw new AwsServiceError('InvalidRevisionException', `Invalid revision type: ${String(revisionType)}`);
    }
    const appSpec = parseAppSpecRevision(revision as JsonObject);
    const active = [...this.deployments.values()].find((candidate) => candidate.group === group && !isDone(candidate));
    if (active) {
      throw new AwsServiceError(
        'DeploymentLimitExceededException',
        `The Deployment Group '${group.name}' already has an active Deployment '${active.id}'`,
      );
    }
    const now = this.options.clock.now();
    const deployment: DeploymentRecord = {
      id: this.newDeploymentId(),
      group,
      configName,
      ...(description !== undefined ? { description } : {}),
      creator: 'user',
      revision: structuredClone(revision as JsonObject),
      appSpec,
      status: 'Created',
      createTime: now,
      events: newEvents(),
      cursor: 0,
      cursorAt: now,
      greenTraffic: 0,
    };
    this.deployments.set(deployment.id, deployment);
    group.lastAttempted = deployment;
    return { deploymentId: deployment.id };
  }

  private startRollback(failed: DeploymentRecord, at: number): DeploymentRecord {
    const rollback: DeploymentRecord = {
      ...failed,
      id: this.newDeploymentId(),
      creator: 'codeDeployRollback',
      status: 'Created',
      createTime: at,
      startTime: undefined,
      completeTime: undefined,
      errorInformation: undefined,
      rollbackInfo: { rollbackTriggeringDeploymentId: failed.id },
      events: newEvents(),
      cursor: 0,
      cursorAt: at,
      rollbackOf: failed,
    };
    delete rollback.description;
    this.deployments.set(rollback.id, rollback);
    return rollback;
  }

  /** StopDeployment: Stopped at once; `autoRollbackEnabled` (default: the group's DEPLOYMENT_STOP_ON_REQUEST) rolls back. */
  private stopDeployment(input: JsonObject): unknown {
    const deployment = this.find(input.deploymentId);
    if (isDone(deployment)) {
      throw new AwsServiceError(
        'DeploymentAlreadyCompletedException',
        `The deployment ${deployment.id} has already completed.`,
      );
    }
    const { autoRollback } = deployment.group;
    const rollback =
      typeof input.autoRollbackEnabled === 'boolean'
        ? input.autoRollbackEnabled
        : autoRollback.enabled && autoRollback.events.includes('DEPLOYMENT_STOP_ON_REQUEST');
    const event = deployment.events.find((candidate) => candidate.status === 'InProgress');
    this.engine.fail(
      deployment,
      event,
      this.options.clock.now(),
      { code: 'MANUAL_STOP', message: 'The deployment was stopped by a user.' },
      { status: 'Stopped', rollback },
    );
    return { status: 'Pending', statusMessage: `Stopping deployment ${deployment.id}.` };
  }

  /** ListDeploymentTargets: the one ECS service target (`<cluster>:<service>`), once the deployment has started. */
  private listDeploymentTargets(input: JsonObject): unknown {
    const deployment = this.find(input.deploymentId);
    if (deployment.status === 'Created' || deployment.status === 'Queued') {
      throw new AwsServiceError('DeploymentNotStartedException', 'The specified deployment has not started.');
    }
    return { targetIds: [`${deployment.group.cluster}:${deployment.group.service}`] };
  }

  private target(deployment: DeploymentRecord, targetId: unknown): JsonObject {
    if (typeof targetId !== 'string' || targetId === '') {
      throw new AwsServiceError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
    }
    if (targetId !== `${deployment.group.cluster}:${deployment.group.service}` || deployment.status === 'Created') {
      throw new AwsServiceError(
        'DeploymentTargetDoesNotExistException',
        `The deployment target ${targetId} does not exist.`,
      );
    }
    return deploymentTargetShape(
      deployment,
      this.options.ecs.serviceTaskSets(deployment.group.cluster, deployment.group.service),
    );
  }

  private getDeploymentTarget(input: JsonObject): unknown {
    const deployment = this.find(input.deploymentId);
    return { deploymentTarget: this.target(deployment, input.targetId) };
  }

  private batchGetDeploymentTargets(input: JsonObject): unknown {
    const deployment = this.find(input.deploymentId);
    const ids = Array.isArray(input.targetIds) ? input.targetIds : [];
    if (ids.length > 25) {
      throw new AwsServiceError(
        'DeploymentTargetListSizeExceededException',
        'The maximum number of targets that can be requested is 25.',
      );
    }
    return { deploymentTargets: ids.map((id) => this.target(deployment, id)) };
  }
}
