/**
 * AWS errors the user has to fix in the job's AWS setup (credentials missing, expired or rejected; an IAM action
 * denied), in one wording for every action: which call, which code, and what to change.
 */
import { ConfigurationError, errorMessage } from './errors.js';

interface AwsErrorShape {
  name?: string;
  code?: string;
}

/** The SDK's error name (`AccessDeniedException`), or a Node error code, or `Error`. */
export function awsErrorCode(error: unknown): string {
  const e: AwsErrorShape = typeof error === 'object' && error !== null ? error : {};
  return e.name ?? e.code ?? 'Error';
}

export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const EXPIRED_CODES: ReadonlySet<string> = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired']);
const REJECTED_CODES: ReadonlySet<string> = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
]);
const DENIED_CODES: ReadonlySet<string> = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'NotAuthorized',
]);

function isMissingCredentials(error: unknown): boolean {
  return awsErrorCode(error) === 'CredentialsProviderError' || /Could not load credentials/i.test(errorMessage(error));
}

function isPassRoleDenied(code: string, detail: string): boolean {
  // ECS has answered a missing iam:PassRole with a ClientException as well as with AccessDeniedException.
  return code === 'ClientException' && /not authorized to perform: iam:PassRole/i.test(detail);
}

/** An IAM action denied (the call's own action, not the credentials). */
export function isAccessDenied(error: unknown): boolean {
  return DENIED_CODES.has(awsErrorCode(error));
}

/** Credentials missing, expired or rejected, or an action denied: retrying does not help, the setup must change. */
export function isAccessError(error: unknown): boolean {
  const code = awsErrorCode(error);
  return (
    isMissingCredentials(error) ||
    EXPIRED_CODES.has(code) ||
    REJECTED_CODES.has(code) ||
    DENIED_CODES.has(code) ||
    isPassRoleDenied(code, errorMessage(error))
  );
}

export interface AwsCallContext {
  /** The IAM action of the call: `ecr:DescribeImages`. */
  action: string;
  /** What it was called on, for the message: `ecs-be-prod:1.2.3`. */
  resource?: string;
  region?: string;
  /** Appended to the advice for a denied action, e.g. where the needed actions are listed. */
  deniedHint?: string;
}

/** The service's message as a sentence, so that the advice after it reads as the next one. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A ConfigurationError that says what to fix for an access error (see isAccessError), else undefined. */
export function explainAccessError(error: unknown, context: AwsCallContext): ConfigurationError | undefined {
  const { action } = context;
  const code = awsErrorCode(error);
  const detail = sentence(errorMessage(error));
  const on = context.resource ? ` on ${context.resource}` : '';
  const where = context.region ? ` in region ${context.region}` : '';
  if (isMissingCredentials(error)) {
    return new ConfigurationError(
      `No AWS credentials were found for ${action}${on}. Run aws-actions/configure-aws-credentials (an OIDC role) before this step.`,
    );
  }
  if (EXPIRED_CODES.has(code)) {
    return new ConfigurationError(
      `AWS rejected the credentials on ${action}${on} (${code}): ${detail} The AWS credentials have expired: configure them closer to this step, or raise role-duration-seconds so that the session outlasts the step.`,
    );
  }
  if (REJECTED_CODES.has(code)) {
    return new ConfigurationError(
      `AWS rejected the credentials on ${action}${on} (${code}): ${detail} Check the aws-actions/configure-aws-credentials step (role, region) or the access key this job uses.`,
    );
  }
  if (DENIED_CODES.has(code) || isPassRoleDenied(code, detail)) {
    const named = /iam:PassRole/i.test(detail)
      ? 'iam:PassRole (needed to register a task definition with a task or execution role)'
      : action;
    return new ConfigurationError(
      `${action}${on} was denied (${code}): ${detail} Allow ${named} for the role this job uses${where}.${context.deniedHint ? ` ${context.deniedHint}` : ''}`,
    );
  }
  return undefined;
}
