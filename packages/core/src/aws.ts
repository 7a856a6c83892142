import { ConfigurationError } from './errors.js';
import { ECS_ACTIONS_VERSION } from './version.js';

export interface AwsClientOptions {
  /** Overrides AWS_REGION / AWS_DEFAULT_REGION. */
  region?: string;
  /** Total attempts per call, including the first (SDK `maxAttempts`). */
  maxAttempts?: number;
  /** How long one attempt may wait for its answer (ms) before it fails with a TimeoutError; default 30 s. */
  requestTimeoutMs?: number;
}

/** How long to wait for a TCP connection, and for the answer to one attempt: AWS API calls take well under a second. */
export const AWS_CONNECTION_TIMEOUT_MS = 5_000;
export const AWS_REQUEST_TIMEOUT_MS = 30_000;

/** The least time an attempt gets: a slow but live answer (seconds, under load) must not be cut off and sent again. */
export const AWS_MIN_REQUEST_TIMEOUT_MS = 8_000;

/**
 * How long one attempt may wait within a step that has `stepTimeoutMs` in all: a quarter of it, between 8 s and
 * 30 s, so that an attempt that never answers leaves the step time to try again rather than using all of it.
 */
export function requestTimeoutWithin(stepTimeoutMs: number): number {
  return Math.min(AWS_REQUEST_TIMEOUT_MS, Math.max(AWS_MIN_REQUEST_TIMEOUT_MS, Math.round(stepTimeoutMs / 4)));
}

/** The settings every SDK v3 client here shares. */
export interface AwsClientConfig {
  region: string;
  maxAttempts: number;
  retryMode: 'adaptive';
  customUserAgent: [string, string][];
  /** The SDK's shorthand for its Node.js HTTP handler's options. */
  requestHandler: { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true };
}

/** Region from the input or the standard variables that aws-actions/configure-aws-credentials sets. */
export function awsRegion(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const region = explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new ConfigurationError(
      'No AWS region is set: AWS_REGION and AWS_DEFAULT_REGION are empty. Run aws-actions/configure-aws-credentials with aws-region first, or set AWS_REGION in env.',
    );
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
    throw new ConfigurationError(
      `The AWS region "${region}" is not a region name such as us-east-1 or ap-northeast-2.`,
    );
  }
  return region;
}

export function awsClientConfig(options: AwsClientOptions = {}): AwsClientConfig {
  return {
    region: awsRegion(options.region),
    // Adaptive mode adds client-side rate limiting on top of backoff, which is what a poll loop under throttling needs.
    maxAttempts: options.maxAttempts ?? 6,
    retryMode: 'adaptive',
    customUserAgent: [['ecs-actions', ECS_ACTIONS_VERSION]],
    // Without these an answer that never comes holds the step forever: the SDK sets no timeout of its own, and this
    // handler version only warns on requestTimeout unless told to throw (a TimeoutError, which the SDK retries).
    requestHandler: {
      connectionTimeout: AWS_CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? AWS_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
  };
}

/**
 * Builds an SDK v3 client. Endpoints come from the SDK's own support for `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` (e.g. `AWS_ENDPOINT_URL_ECS`), so the simulator needs no code path of ours.
 */
export function createAwsClient<C>(Client: new (config: AwsClientConfig) => C, options?: AwsClientOptions): C {
  return new Client(awsClientConfig(options));
}
