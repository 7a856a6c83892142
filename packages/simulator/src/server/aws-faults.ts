/**
 * The error answer of an injected AWS fault (throttling, server error, expired token, access denied), and the
 * resource an access denial names.
 */
import { type AwsApiName, AwsServiceError } from '../contract.js';
import type { FaultSpec } from '../faults.js';
import type { SimulatorServerOptions } from './options.js';

export function awsFaultError(
  fault: FaultSpec,
  api: AwsApiName,
  operation: string,
  params: Record<string, unknown>,
  options: SimulatorServerOptions,
): AwsServiceError {
  switch (fault.kind) {
    case 'throttle':
      // Both services model ThrottlingException-style errors with this message ("Rate exceeded").
      return new AwsServiceError('ThrottlingException', 'Rate exceeded', 400);
    case 'server-error':
      // ECS and ECR both model `ServerException` (HTTP 500) in their API references.
      return new AwsServiceError('ServerException', 'Service encountered an internal error.', 500);
    case 'expired-token':
      return new AwsServiceError('ExpiredTokenException', 'The security token included in the request is expired', 400);
    case 'access-denied': {
      // IAM's explicit wording for an identity-based deny (IAM User Guide, "Troubleshoot access denied error messages").
      const resource = resourceFor(api, operation, params, options);
      const action = `${api}:${operation}`;
      return new AwsServiceError(
        'AccessDeniedException',
        `User: arn:aws:sts::${options.accountId}:assumed-role/github-actions-deploy/GitHubActions is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
        400,
      );
    }
    default:
      return new AwsServiceError('ServerException', `unexpected fault ${fault.kind}`, 500);
  }
}

/**
 * The resource an IAM denial names, per the Service Authorization Reference ("Actions defined by Amazon ECS /
 * Amazon ECR", "Actions defined by Amazon CloudWatch Logs"): actions without resource-level permissions (task definitions, ListTasks, GetAuthorizationToken)
 * name `*`.
 */
function resourceFor(
  api: AwsApiName,
  operation: string,
  params: Record<string, unknown>,
  options: SimulatorServerOptions,
): string {
  // EC2's Describe* and Elastic Load Balancing's Describe* actions support no resource-level permissions.
  if (api === 'ec2' || api === 'elbv2') return '*';
  // Verify's reads (IAM, SSM, Secrets Manager): named by their own resources on AWS; `*` here, which no test reads.
  if (api === 'iam' || api === 'ssm' || api === 'secretsmanager') return '*';
  const prefix = `arn:aws:${api}:${options.region}:${options.accountId}`;
  if (api === 'logs') return logsResource(prefix, operation, params);
  if (api === 'codedeploy') return codedeployResource(params, options);
  if (api === 'events') {
    // EventBridge's rule actions act on the rule (`rule/<name>`, or `rule/<bus>/<name>` on another bus).
    const rule = text(params.Rule) ?? text(params.Name);
    const bus = text(params.EventBusName);
    return rule ? `${prefix}:rule/${bus && bus !== 'default' ? `${lastSegment(bus)}/` : ''}${rule}` : '*';
  }
  if (api === 'scheduler') {
    const name = text(params.Name);
    return name ? `${prefix}:schedule/${text(params.GroupName) ?? 'default'}/${name}` : '*';
  }
  if (api === 'ecr') {
    const repository = text(params.repositoryName);
    return repository ? `${prefix}:repository/${repository}` : '*';
  }
  return ecsResource(prefix, operation, params);
}

function logsResource(prefix: string, operation: string, params: Record<string, unknown>): string {
  // CloudWatch Logs: GetLogEvents acts on a log stream, FilterLogEvents and DescribeLogStreams on the log group.
  const identifier = text(params.logGroupIdentifier);
  const group = text(params.logGroupName) ?? identifier?.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '');
  if (!group) return '*';
  const stream = text(params.logStreamName);
  const groupArn = `${prefix}:log-group:${group}`;
  return operation === 'GetLogEvents' && stream ? `${groupArn}:log-stream:${stream}` : `${groupArn}:*`;
}

function codedeployResource(params: Record<string, unknown>, options: SimulatorServerOptions): string {
  // CodeDeploy: deployment groups are `deploymentgroup:<application>/<group>`; GetDeployment and the target calls act
  // on the deployment group of the deployment (named `*` here, where the simulator cannot tell without a lookup).
  const application = text(params.applicationName);
  const group = text(params.deploymentGroupName);
  if (application && group)
    return `arn:aws:codedeploy:${options.region}:${options.accountId}:deploymentgroup:${application}/${group}`;
  if (application) return `arn:aws:codedeploy:${options.region}:${options.accountId}:application:${application}`;
  const config = text(params.deploymentConfigName);
  if (config) return `arn:aws:codedeploy:${options.region}:${options.accountId}:deploymentconfig:${config}`;
  return '*';
}

function ecsResource(prefix: string, operation: string, params: Record<string, unknown>): string {
  const clusterRef = text(params.cluster) ?? text(params.clusters) ?? text(params.clusterName) ?? 'default';
  const cluster = lastSegment(clusterRef);
  const service = text(params.services) ?? text(params.service) ?? text(params.serviceName);
  switch (operation) {
    case 'CreateCluster':
    case 'DescribeClusters':
    case 'ListServices':
      return `${prefix}:cluster/${cluster}`;
    case 'DescribeTasks':
    case 'StopTask': {
      const task = text(params.tasks) ?? text(params.task);
      return task ? (task.startsWith('arn:') ? task : `${prefix}:task/${cluster}/${task}`) : '*';
    }
    case 'DescribeServiceDeployments':
      return text(params.serviceDeploymentArns) ?? '*';
    case 'DescribeServiceRevisions':
      return text(params.serviceRevisionArns) ?? '*';
    case 'CreateService':
    case 'UpdateService':
    case 'DescribeServices':
    case 'DeleteService':
    case 'ListServiceDeployments':
      if (!service) return '*';
      return service.startsWith('arn:') ? service : `${prefix}:service/${cluster}/${service}`;
    default:
      return '*';
  }
}

/** The first non-empty string of a parameter that is a string or a list of them. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : Array.isArray(value) ? text(value[0]) : undefined;
}

function lastSegment(value: string): string {
  return value.slice(value.lastIndexOf('/') + 1);
}
