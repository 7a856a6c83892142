/**
 * Following the tasks' log lines (LogTail) against the simulator's CloudWatch Logs over HTTP: lines printed as they
 * come (each poll from the last nextForwardToken), a stream that appears only once its container started, the last
 * lines kept for the failure report, and the one line for a group that cannot be read.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { type AwslogsConfig, LOG_LINES_SHOWN } from '@ecs-actions/core/ecs';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { LogTail } from '../src/log-tail.js';
import type { TaskOutcome } from '../src/types.js';

const CONFIG: AwslogsConfig = { container: 'app', group: '/ecs/job', region: 'us-east-1', streamPrefix: 'ecs' };
const TASK_ID = '0123456789abcdef0123456789abcdef';
const STREAM = `ecs/app/${TASK_ID}`;
const task = (lastStatus: string): TaskOutcome => ({
  arn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${TASK_ID}`,
  id: TASK_ID,
  lastStatus,
  stopCode: undefined,
  stoppedReason: undefined,
  containers: [],
});

let sim: Simulator;
let client: CloudWatchLogsClient;
let lines: string[];
let tail: LogTail;

beforeEach(async () => {
  sim = await startSimulator({ timeScale: 0 });
  client = new CloudWatchLogsClient({
    region: 'us-east-1',
    endpoint: sim.env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS,
    credentials: { accessKeyId: sim.env.AWS_ACCESS_KEY_ID, secretAccessKey: sim.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
  lines = [];
  tail = new LogTail([CONFIG], { logs: async () => client, log: { info: (line) => lines.push(line) } }, false);
});

afterEach(async () => {
  client.destroy();
  await sim.close();
});

const write = (...messages: string[]) =>
  sim.logs.writeEvents(
    CONFIG.group,
    STREAM,
    messages.map((message, i) => ({ timestamp: Date.now() + i, message })),
  );

describe('LogTail', () => {
  it('prints each line once, as it comes, and waits for a stream that does not exist yet', async () => {
    await tail.poll([task('PENDING')]);
    expect(sim.callsOf('GetLogEvents')).toEqual([]);
    await tail.poll([task('RUNNING')]);
    expect(lines).toEqual([]);
    write('Flyway 10.20.1', 'Migrating schema "public" to version 42');
    await tail.poll([task('RUNNING')]);
    write('Successfully applied 1 migration\nin 0.2s');
    await tail.poll([task('RUNNING')]);
    await tail.poll([task('STOPPED')], true);
    expect(lines).toEqual([
      '[app] Flyway 10.20.1',
      '[app] Migrating schema "public" to version 42',
      '[app] Successfully applied 1 migration',
      '[app] in 0.2s',
    ]);
    const followed = sim.callsOf('GetLogEvents').map((call) => call.params as Record<string, unknown>);
    expect(followed.every((params) => params.startFromHead === true)).toBe(true);
    expect(followed.at(-1)?.nextToken).toEqual(expect.any(String));
    expect(tail.logsOf(task('STOPPED'))).toEqual([
      {
        container: 'app',
        group: CONFIG.group,
        stream: STREAM,
        lines: [
          'Flyway 10.20.1',
          'Migrating schema "public" to version 42',
          'Successfully applied 1 migration',
          'in 0.2s',
        ],
      },
    ]);
  });

  it(`keeps the last ${LOG_LINES_SHOWN} lines for the failure report`, async () => {
    write(...Array.from({ length: 30 }, (_, i) => `line ${i + 1}`));
    await tail.poll([task('STOPPED')], true);
    expect(lines).toHaveLength(30);
    expect(tail.logsOf(task('STOPPED'))[0]?.lines).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i + 11}`));
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'reads past empty and partly full pages whose token moved, to where the token repeats (short pages, seed %i)',
    async (seed) => {
      write(...Array.from({ length: 30 }, (_, i) => `line ${i + 1}`));
      sim.logs.setShortPages(seed);
      await tail.poll([task('STOPPED')], true);
      expect(lines).toEqual(Array.from({ length: 30 }, (_, i) => `[app] line ${i + 1}`));
      // It stopped at the first call whose token came back unchanged: the one asking from the stream's end (the
      // simulator's token names the position), asked once.
      const tokens = sim.callsOf('GetLogEvents').map((call) => (call.params as { nextToken?: string }).nextToken);
      expect(tokens.at(-1)).toMatch(/^f\/0*30$/);
      expect(tokens.filter((token) => token === tokens.at(-1))).toHaveLength(1);
    },
  );

  it('a stream that never appeared is a note at the end, not a failure', async () => {
    sim.logs.writeEvents(CONFIG.group, 'ecs/app/another-task', [{ timestamp: Date.now(), message: 'x' }]);
    await tail.poll([task('RUNNING')]);
    await tail.poll([task('STOPPED')], true);
    expect(lines).toEqual([]);
    expect(tail.logsOf(task('STOPPED'))).toEqual([
      {
        container: 'app',
        group: CONFIG.group,
        stream: STREAM,
        note: `log stream ${STREAM} was not found in log group /ecs/job (us-east-1): the task's log lines are not shown`,
      },
    ]);
  });

  it('a denied logs:GetLogEvents is one line, printed once, and the group is not asked again', async () => {
    sim.faults.inject({ api: 'logs', kind: 'access-denied', count: Number.POSITIVE_INFINITY });
    await tail.poll([task('RUNNING')]);
    await tail.poll([task('RUNNING')]);
    await tail.poll([task('STOPPED')], true);
    const denied = "logs:GetLogEvents was denied on log group /ecs/job (us-east-1): the task's log lines are not shown";
    expect(lines).toEqual([denied]);
    expect(sim.callsOf('GetLogEvents')).toHaveLength(1);
    expect(tail.logsOf(task('STOPPED'))).toEqual([
      { container: 'app', group: CONFIG.group, stream: STREAM, note: denied },
    ]);
  });
});
