/**
 * What a task's containers write with the `awslogs` log driver (ECS developer guide, "Send Amazon ECS logs to
 * CloudWatch"): into the log group `awslogs-group`, stream `<awslogs-stream-prefix>/<container name>/<task id>`.
 * Without a prefix the stream is named after the Docker container id, which nobody can know in advance; the
 * simulator then uses the task id.
 */
import type { LogEventInput, LogSink } from '../contract.js';

export interface AwslogsDestination {
  group: string;
  stream: string;
  /** `awslogs-region`, when set. */
  region?: string;
}

/** Where this container's awslogs lines go, or undefined when it does not log with awslogs. */
export function awslogsDestination(container: Record<string, unknown>, taskId: string): AwslogsDestination | undefined {
  const config = container.logConfiguration as { logDriver?: unknown; options?: Record<string, unknown> } | undefined;
  if (config?.logDriver !== 'awslogs') return undefined;
  const options = config.options ?? {};
  const group = typeof options['awslogs-group'] === 'string' ? options['awslogs-group'] : undefined;
  if (!group) return undefined;
  const prefix = typeof options['awslogs-stream-prefix'] === 'string' ? options['awslogs-stream-prefix'] : '';
  const stream = prefix ? `${prefix}/${String(container.name)}/${taskId}` : taskId;
  const region = typeof options['awslogs-region'] === 'string' ? options['awslogs-region'] : undefined;
  return region ? { group, stream, region } : { group, stream };
}

/**
 * What a Spring Boot app that cannot start writes before it exits (its failure analysis banner), for a
 * `crash-on-start` scenario's `logLines`: the demo and the tests use it.
 */
export const SPRING_BOOT_START_FAILURE: readonly string[] = [
  'Starting EcsBeProdApplication v0.0.2 using Java 21.0.5 with PID 1',
  'No active profile set, falling back to 1 default profile: "default"',
  'Tomcat initialized with port 8080 (http)',
  "Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'",
  '',
  '***************************',
  'APPLICATION FAILED TO START',
  '***************************',
  '',
  'Description:',
  '',
  "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.",
  '',
  'Reason: Failed to determine a suitable driver class',
];

/** The lines a container writes when no scenario gave it any: a couple of startup lines (and its exit). */
export function defaultLogLines(container: Record<string, unknown>, exitCode: number | undefined): string[] {
  const name = String(container.name);
  const lines = [`Starting ${name} (image ${String(container.image)})`];
  lines.push(exitCode === undefined ? `${name} started` : `${name} exited with code ${exitCode}`);
  return lines;
}

/**
 * Writes each awslogs container's lines, the last one at `at`, a millisecond apart. `linesFor` gives a container's
 * configured lines (undefined: the default ones).
 */
export function writeTaskLogs(
  sink: LogSink,
  containers: Record<string, unknown>[],
  taskId: string,
  at: number,
  linesFor: (container: Record<string, unknown>) => string[] | undefined,
  exitCode: number | undefined,
): void {
  for (const container of containers) {
    const destination = awslogsDestination(container, taskId);
    if (!destination) continue;
    const lines = linesFor(container) ?? defaultLogLines(container, exitCode);
    const events: LogEventInput[] = lines.map((message, index) => ({
      timestamp: at - (lines.length - 1 - index),
      message,
    }));
    sink.writeEvents(destination.group, destination.stream, events);
  }
}
