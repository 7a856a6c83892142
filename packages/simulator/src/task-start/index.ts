/**
 * Why a task fails to start, from what the other sides hold: its execution role (IAM: exists, trusts
 * `ecs-tasks.amazonaws.com`, may pull from ECR, read its secrets and their KMS keys, create its log group), its
 * secrets (SSM parameters, Secrets Manager secrets), its images' platforms (an image index's, or a single image's
 * config blob's) against the task definition's `runtimePlatform`, and its awslogs log groups (CloudWatch Logs).
 *
 * Off until a test turns it on (`enable()`): the simulator's other scenarios run tasks whose roles, secrets and log
 * groups were never seeded. On, a task whose start would fail on AWS stops as TaskFailedToStart with the stopped
 * reason AWS gives (developer guide, "Amazon ECS stopped tasks errors": ResourceInitializationError,
 * CannotPullContainerError), so a rollout fails the way the verify findings predict.
 */
import type { EcrSimulator } from '../ecr/index.js';
import type { IamSimulator } from '../iam/index.js';
import type { LogsSimulator } from '../logs/index.js';
import type { SecretsManagerSimulator } from '../secretsmanager/index.js';
import type { SsmSimulator } from '../ssm/index.js';

interface Sides {
  accountId: string;
  region: string;
  iam: IamSimulator;
  ssm: SsmSimulator;
  secrets: SecretsManagerSimulator;
  logs: LogsSimulator;
  ecr: EcrSimulator;
}

interface ContainerLike {
  image?: string;
  secrets?: { name?: string; valueFrom?: string }[];
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
}

const RETRIEVAL =
  'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed';

/** The ECS architecture names and the OCI ones. */
const ARCHITECTURES: Record<string, string> = { X86_64: 'amd64', ARM64: 'arm64' };

export class TaskStartChecks {
  private enabled = false;

  constructor(private readonly sides: Sides) {}

  /** From now on, tasks check what they need before they start. */
  enable(): void {
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
  }

  /** The stopped reason of a task of this task definition that cannot start, or undefined when it can. */
  failureOf(taskDefinition: Record<string, unknown>, taskId: string): string | undefined {
    if (!this.enabled) return undefined;
    const containers = (taskDefinition.containerDefinitions ?? []) as ContainerLike[];
    const executionRole = taskDefinition.executionRoleArn as string | undefined;
    const platform = taskDefinition.runtimePlatform as { cpuArchitecture?: string } | undefined;
    if (executionRole) {
      const role = this.sides.iam.roleOf(executionRole);
      if (!role?.trustsService('ecs-tasks.amazonaws.com')) {
        return `ECS was unable to assume the role '${executionRole}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`;
      }
    }
    const denied = (action: string, resource: string) =>
      `AccessDeniedException: User: arn:aws:sts::${this.sides.accountId}:assumed-role/${executionRole?.split('/').pop() ?? 'none'}/${taskId} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
    const allowed = (action: string, resource: string) =>
      executionRole !== undefined && this.sides.iam.decide(executionRole, action, resource) === 'allowed';
    for (const container of containers) {
      const image = ecrImage(container.image ?? '');
      if (image && image.account === this.sides.accountId) {
        if (!allowed('ecr:GetAuthorizationToken', '*')) {
          return `${RETRIEVAL}: unable to retrieve ecr registry auth: service call has been retried 3 time(s): ${denied('ecr:GetAuthorizationToken', '*')}`;
        }
        if (!this.sides.ecr.hasImage(image.repository, image.reference)) {
          const text = container.image ?? '';
          return `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${text}: ${text}: not found`;
        }
        const architecture = ARCHITECTURES[platform?.cpuArchitecture ?? 'X86_64'] ?? 'amd64';
        // A single-platform image is matched by its config too (containerd's pull checks the config's platform):
        // Fargate stops it with the same reason as an index without the platform.
        const platforms = this.sides.ecr.platformsOf(image.repository, image.reference);
        if (platforms && !platforms.some((p) => p.os === 'linux' && p.architecture === architecture)) {
          return `CannotPullContainerError: pull image manifest has been retried 7 time(s): image Manifest does not contain descriptor matching platform 'linux/${architecture}'`;
        }
      }
    }
    for (const container of containers) {
      for (const secret of container.secrets ?? []) {
        const reason = this.secretFailure(secret.valueFrom ?? '', allowed, denied);
        if (reason) return reason;
      }
    }
    for (const container of containers) {
      const reason = this.logGroupFailure(container, allowed, denied);
      if (reason) return reason;
    }
    return undefined;
  }

  private secretFailure(
    valueFrom: string,
    allowed: (action: string, resource: string) => boolean,
    denied: (action: string, resource: string) => string,
  ): string | undefined {
    const { ssm, secrets } = this.sides;
    if (valueFrom.startsWith('arn:aws:secretsmanager:')) {
      const secretArn = valueFrom.split(':').slice(0, 7).join(':');
      const found = secrets.find(secretArn);
      const asm = `${RETRIEVAL}: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret ${secretArn} from secrets manager`;
      if (!found) return `${asm}: ResourceNotFoundException: Secrets Manager can't find the specified secret.`;
      if (!allowed('secretsmanager:GetSecretValue', found.arn)) {
        return `${asm}: ${denied('secretsmanager:GetSecretValue', found.arn)}`;
      }
      if (found.kmsKeyId && !allowed('kms:Decrypt', this.keyArn(found.kmsKeyId))) {
        return `${asm}: AccessDeniedException: Access to KMS is not allowed`;
      }
      return undefined;
    }
    const found = ssm.find(valueFrom);
    const fromSsm = `${RETRIEVAL}: unable to retrieve secrets from ssm: service call has been retried 1 time(s)`;
    if (!found) return `${fromSsm}: invalid parameters: ${valueFrom}`;
    if (!allowed('ssm:GetParameters', found.arn)) return `${fromSsm}: ${denied('ssm:GetParameters', found.arn)}`;
    if (found.keyId && found.keyId !== 'alias/aws/ssm' && !allowed('kms:Decrypt', this.keyArn(found.keyId))) {
      return `${fromSsm}: AccessDeniedException: The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.`;
    }
    return undefined;
  }

  private logGroupFailure(
    container: ContainerLike,
    allowed: (action: string, resource: string) => boolean,
    denied: (action: string, resource: string) => string,
  ): string | undefined {
    const config = container.logConfiguration;
    const group = config?.options?.['awslogs-group'];
    if (config?.logDriver !== 'awslogs' || !group || this.sides.logs.hasLogGroup(group)) return undefined;
    const region = config.options?.['awslogs-region'] ?? this.sides.region;
    const groupArn = `arn:aws:logs:${region}:${this.sides.accountId}:log-group:${group}`;
    if (config.options?.['awslogs-create-group'] === 'true') {
      if (allowed('logs:CreateLogGroup', groupArn)) return undefined;
      return `ResourceInitializationError: failed to validate logger args: create log group has been retried 1 times: failed to create Cloudwatch log group: ${denied('logs:CreateLogGroup', groupArn)} : exit status 1`;
    }
    return 'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1';
  }

  private keyArn(keyId: string): string {
    return keyId.startsWith('arn:')
      ? keyId
      : `arn:aws:kms:${this.sides.region}:${this.sides.accountId}:${keyId.startsWith('alias/') ? keyId : `key/${keyId}`}`;
  }
}

/** `<account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag][@digest]`, else undefined. */
function ecrImage(
  image: string,
): { account: string; repository: string; reference: { tag?: string; digest?: string } } | undefined {
  const match =
    /^(\d{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^:@]+)(?::([\w][\w.-]*))?(?:@(sha256:[a-f0-9]{64}))?$/.exec(
      image,
    );
  if (!match) return undefined;
  const [, account = '', repository = '', tag, digest] = match;
  return { account, repository, reference: digest ? { digest } : { tag: tag ?? 'latest' } };
}
