/**
 * AWS errors sorted into what to do about them. Throttling and 5xx are transient (retried); denied access,
 * bad credentials and missing resources fail at once, naming the IAM action or the resource.
 */
import {
  awsErrorCode,
  explainAccessError,
  isAccessDenied,
  isAccessError,
  sentence,
  THROTTLING_CODES,
} from '../aws-errors.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { formatDuration } from '../inputs.js';

export interface ErrorContext {
  /** The API operation, e.g. DescribeServices. */
  operation: string;
  cluster: string;
  service: string;
  region: string;
}

interface AwsErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

const shape = (error: unknown): AwsErrorShape => (typeof error === 'object' && error !== null ? error : {});

export function errorCode(error: unknown): string {
  if (error instanceof AwsRetriesExhaustedError) return error.code;
  return awsErrorCode(error);
}

const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ECONNRESET', 'ECONNREFUSED']);

/** Throttling, 5xx and dropped connections: worth trying again. */
export function isTransient(error: unknown): boolean {
  if (error instanceof AwsRetriesExhaustedError) return true;
  const e = shape(error);
  const code = errorCode(error);
  if (THROTTLING_CODES.has(code) || NETWORK.has(code) || (e as { code?: string }).code === 'ECONNRESET') return true;
  if (isAccessError(error)) return false;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500;
}

/** The API does not know the operation or refuses it here: treat the extra detail as not available. */
export function isUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === 'UnknownOperationException' ||
    code === 'InvalidParameterException' ||
    code === 'InvalidAction' ||
    code === 'UnsupportedFeatureException' ||
    isAccessDenied(error) ||
    shape(error).$metadata?.httpStatusCode === 404
  );
}

export function isAbort(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'AbortError' || (shape(error) as { code?: string }).code === 'ABORT_ERR';
}

/** An AWS call that failed for a reason the user has to fix: no stack trace, the action or resource named. */
export class AwsCallError extends ConfigurationError {
  constructor(
    message: string,
    readonly code: string,
    readonly operation: string,
  ) {
    super(message);
  }
}

/** A transient error (throttling, 5xx, dropped connection) that outlasted the SDK's retries. */
export class AwsRetriesExhaustedError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The service's own message. */
    readonly detail = message,
  ) {
    super(message);
  }
}

/**
 * An AWS call that got no answer within the time this step gave it (the request may or may not have been
 * applied): not a cancel, and not retried here.
 */
export class NoAnswerError extends Error {
  constructor(
    readonly operation: string,
    readonly waitedMs: number,
  ) {
    // An operation of another service names it (codedeploy:GetDeployment); ECS's are bare (DescribeServices).
    super(
      `${operation.includes(':') ? operation : `ecs:${operation}`} did not answer within ${formatDuration(waitedMs)}`,
    );
  }
}

/** The job was cancelled while a write was in flight; `landed` says what a short check found afterwards. */
export class CancelledWriteError extends Error {
  constructor(
    readonly doing: string,
    readonly landed: string,
  ) {
    super(`Cancelled while ${doing}: ${landed}.`);
  }
}

/**
 * Rewrites an SDK error as an error that says what failed and how to fix it. A transient error becomes an
 * AwsRetriesExhaustedError (still transient: the wait may try again), a cancellation stays as it is.
 */
export function explainAwsError(error: unknown, context: ErrorContext): unknown {
  if (
    isAbort(error) ||
    error instanceof AwsCallError ||
    error instanceof AwsRetriesExhaustedError ||
    error instanceof NoAnswerError
  )
    return error;
  const code = errorCode(error);
  const detail = sentence(errorMessage(error));
  const action = `ecs:${context.operation}`;
  if (isTransient(error)) {
    return new AwsRetriesExhaustedError(
      `${action} failed with ${code} (${errorMessage(error)}) after the AWS SDK's retries; AWS is throttling or failing in ${context.region}, try again later.`,
      code,
      errorMessage(error),
    );
  }
  const where = `in region ${context.region}`;
  const access = explainAccessError(error, { action, region: context.region });
  if (access) return new AwsCallError(access.message, code, context.operation);
  if (code === 'ClusterNotFoundException') {
    return new AwsCallError(
      `Cluster "${context.cluster}" was not found ${where} (${action}: ${errorMessage(error)}). Check the cluster input and AWS_REGION.`,
      code,
      context.operation,
    );
  }
  if (code === 'ServiceNotFoundException' || code === 'ServiceNotActiveException') {
    return new AwsCallError(
      `Service "${context.service}" was not found or is not active in cluster "${context.cluster}" ${where} (${action}: ${errorMessage(error)}). Check the service and cluster inputs and AWS_REGION.`,
      code,
      context.operation,
    );
  }
  if (code === 'ClientException' || code === 'InvalidParameterException') {
    return new AwsCallError(`${action} refused the request (${code}): ${detail}`, code, context.operation);
  }
  const wrapped = new Error(`${action} failed (${code}): ${detail}`);
  if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.message}\n${error.stack}`;
  return wrapped;
}
