/**
 * The contract between the simulator's server and its API sides (ECS, ECR, CloudWatch Logs, GitHub).
 * Each side is a plain object with a `handle` method and seeding methods of its own; the server
 * (server.ts) owns HTTP, AWS JSON 1.1 framing, call recording and fault injection.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { QueryParams, XmlValue } from './query/protocol.js';

/** Which API a call went to. */
export type ApiName =
  | 'ecs'
  | 'ecr'
  | 'logs'
  | 'codedeploy'
  | 'ec2'
  | 'elbv2'
  | 'iam'
  | 'ssm'
  | 'secretsmanager'
  | 'events'
  | 'scheduler'
  | 'github';

/** The AWS APIs (every ApiName but GitHub). */
export type AwsApiName = Exclude<ApiName, 'github'>;

/** One call as the simulator saw it, for tests and for checking the documented IAM policy. */
export interface CallRecord {
  api: ApiName;
  /** AWS: the operation (`DescribeServices`); GitHub: method and route (`POST /repos/{owner}/{repo}/git/tags`). */
  operation: string;
  params: unknown;
  /** Real time of the call, epoch ms. */
  time: number;
  /** HTTP status answered. */
  status: number;
  /** AWS error code or GitHub message, when the call failed. */
  error?: string;
}

/**
 * An AWS API error as the AWS JSON 1.1 protocol returns it: HTTP status, `x-amzn-errortype` header
 * and body `{"__type": code, "message": message}`. Codes and messages follow the API reference.
 */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** One AWS service spoken over AWS JSON 1.1 (`X-Amz-Target: <targetPrefix>.<Operation>`). */
export interface AwsJsonService {
  readonly api: AwsApiName;
  /**
   * e.g. `AmazonEC2ContainerServiceV20141113`, `AmazonEC2ContainerRegistry_V20150921`, `Logs_20140328`,
   * `CodeDeploy_20141006`.
   */
  readonly targetPrefix: string;
  /** Returns the response body, or throws AwsServiceError. Unknown operations throw `UnknownOperationException`. */
  handle(operation: string, input: Record<string, unknown>): Promise<unknown>;
}

/**
 * One AWS service spoken over an AWS Query protocol (a form POST with `Action` and `Version`, answered in XML):
 * awsQuery (Elastic Load Balancing v2) or ec2Query (EC2). Told apart from the others by `Version`.
 */
export interface AwsQueryService {
  readonly api: 'ec2' | 'elbv2' | 'iam';
  readonly protocol: 'awsQuery' | 'ec2Query';
  /** The API version the SDK sends, e.g. `2016-11-15` (EC2), `2015-12-01` (ELBv2). */
  readonly version: string;
  /** The XML namespace of the answers. */
  readonly xmlns: string;
  /** Returns the members of the answer (XML names), or throws AwsServiceError. */
  handle(action: string, params: QueryParams): Promise<{ [name: string]: XmlValue }>;
}

/** One load-balancer target as the ECS side registered it: a task's IP and the container port registered. */
export interface TargetState {
  id: string;
  port: number;
  availabilityZone?: string;
  state: 'initial' | 'healthy' | 'unhealthy' | 'draining';
}

/** One log event as a container writes it (epoch ms). */
export interface LogEventInput {
  timestamp: number;
  message: string;
}

/** Where the ECS side writes what tasks' containers log with the `awslogs` driver (the CloudWatch Logs side). */
export interface LogSink {
  writeEvents(group: string, stream: string, events: LogEventInput[]): void;
}

export interface GitHubRequest {
  method: string;
  /** Path without the query, e.g. `/repos/octo-org/octo-app/git/refs`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, undefined when none. */
  body: unknown;
}

export interface GitHubResponse {
  status: number;
  body?: unknown;
  /** Binary body (artifact zip downloads); takes precedence over `body`. */
  raw?: Buffer;
  headers?: Record<string, string>;
  /** The route for the call record, e.g. `POST /repos/{owner}/{repo}/git/tags`. */
  route: string;
}

/** The GitHub REST side. Returns undefined for a path it does not serve (the server answers 404). */
export interface GitHubApiSide {
  handle(request: GitHubRequest): Promise<GitHubResponse | undefined>;
}

/**
 * Simulated time. `timeScale` 60 runs a 3-minute rollout in 3 real seconds. Every side reads time
 * from the one clock, so timestamps (registeredAt, imagePushedAt, created_at) agree.
 */
export class SimClock {
  private readonly realStart = Date.now();
  private offsetMs = 0;

  constructor(
    readonly timeScale = 1,
    private readonly simStart = Date.now(),
  ) {}

  now(): number {
    return this.simStart + (Date.now() - this.realStart) * this.timeScale + this.offsetMs;
  }

  /** Jumps simulated time forward (tests that do not want to wait at all). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
