/** What the server is started with and what it gives back; shared by the protocol files below server.ts. */
import type { AwsJsonService, AwsQueryService, CallRecord, GitHubApiSide } from '../contract.js';
import type { Faults } from '../faults.js';

export interface SimulatorServerOptions {
  port?: number;
  aws: AwsJsonService[];
  /** EC2 and Elastic Load Balancing v2, spoken over the AWS Query protocols. */
  awsQuery?: AwsQueryService[];
  /** EventBridge Scheduler, spoken over REST JSON (server/rest-json.ts). */
  restJson?: AwsJsonService[];
  github: GitHubApiSide;
  /** ECR's layer and config blob URLs (GetDownloadUrlForLayer's), GET under `path`, answered by `serve`. */
  layers?: {
    path: string;
    serve(url: string): Promise<{ status: number; contentType: string; body: string | Uint8Array }>;
  };
  faults: Faults;
  calls: CallRecord[];
  accountId: string;
  region: string;
}

export interface SimulatorServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
