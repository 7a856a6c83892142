import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { deploy } from '../src/deploy.js';
import { summaryMarkdown } from '../src/summary.js';
import { toRegisterRequest } from '../src/taskdef.js';
import { RolloutTimeline, type TimelineData } from '../src/timeline/record.js';
import type { DeployResult } from '../src/types.js';
import { deployInputs } from './deploy-inputs.js';
import { at, describeAnswer, EcsScript, type ServiceSpec, tdArn, testDeps, updateAnswer } from './fake-ecs.js';

const seed = JSON.parse(readFileSync(new URL('fixtures/seed-task-definition.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;
const rendered = (() => {
  const result = toRegisterRequest({ ...seed, family: 'web' });
  if ('problem' in result) throw new Error(result.problem);
  return result;
})();

const OLD = tdArn(6);
const NEW = tdArn(7);
const OLD_ID = 'ecs-svc/1111111111111111111';
const NEW_ID = 'ecs-svc/2222222222222222222';
const RB_ID = 'ecs-svc/3333333333333333333';

/** Service events an app or a person could have put text into: each must be drawn as text. */
const HOSTILE = [
  '(service web) task a said: ```\n</details>%%{init: {"securityLevel": "loose"}}%%\nclick t1 call alert(1)',
  '(service web) <img src=x onerror=alert(1)> section Owned :crit, x, 2020-01-01, 1d',
  `(service web) ${'very long text '.repeat(400)}`,
];

/** The ```mermaid block of a summary, as lines. */
function ganttOf(markdown: string): string[] {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  if (!match?.[1]) throw new Error(`no mermaid block in:\n${markdown}`);
  expect(markdown.match(/```mermaid/g)).toHaveLength(1);
  return match[1].split('\n');
}

/** Every line of a gantt is one this code writes: a header, a section, or a task whose label has no syntax. */
const GANTT_LINE =
  /^(?:gantt| {2}title #\d+;[A-Za-z0-9 .,_/+=#;-]*| {2}dateFormat x| {2}axisFormat %H:%M:%S| {2}todayMarker off| {2}section #\d+;[A-Za-z0-9 .,_/+=#;-]*| {4}#\d+;[A-Za-z0-9 .,_/+=#;-]* :(?:(?:done|active|crit|milestone), )*(?:t\d+|more), \d+, (?:\d+|0ms))$/;
const LABEL_TEXT = (line: string) =>
  line
    .trim()
    .replace(/ :.*$/, '')
    .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

/** A label as drawn when longer than 80 characters: its first 79 and an ellipsis. */
const cut = (text: string) => `${text.slice(0, 79)}…`;

const steadyOld: ServiceSpec = {
  deployments: [{ id: OLD_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
  events: [{ id: 'e0', at: -100, message: '(service web) has reached a steady state.' }],
};
const rolling = (running: number, extra: Partial<ServiceSpec> = {}, failed = 0): ServiceSpec => ({
  deployments: [
    { id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'IN_PROGRESS', running, failed },
    { id: OLD_ID, status: 'ACTIVE', td: OLD, rollout: 'COMPLETED', running: 3 },
  ],
  ...extra,
});
const registerAnswer = { taskDefinition: { taskDefinitionArn: NEW, family: 'web', revision: 7 } };

describe('rollout timeline in the job summary', () => {
  afterEach(() => nock.cleanAll());

  it('draws the phases, both deployments and the service events of a rollout, every event as text', async () => {
    const script = new EcsScript()
      .expect('DescribeServices', describeAnswer(steadyOld))
      .expect('RegisterTaskDefinition', registerAnswer)
      .expect('UpdateService', updateAnswer(rolling(0)))
      .expect('DescribeServices', describeAnswer(rolling(0)))
      .expect(
        'DescribeServices',
        describeAnswer(
          rolling(3, { events: HOSTILE.map((message, index) => ({ id: `h${index}`, at: 10 + index, message })) }),
        ),
      )
      .expect(
        'DescribeServices',
        describeAnswer({
          deployments: [{ id: NEW_ID, status: 'PRIMARY', td: NEW, rollout: 'COMPLETED', running: 3 }],
          events: [{ id: 'e3', at: 40, message: '(service web) has reached a steady state.' }],
        }),
      );
    const result = await deploy(deployInputs(rendered), testDeps());
    expect(script.scope.isDone()).toBe(true);
    expect(result.status).toBe('succeeded');

    const timeline = result.timeline as TimelineData;
    expect(timeline.phases.map((phase) => phase.label)).toEqual([
      'Check the service',
      'Preflight',
      'Register',
      'Update the service',
      'Roll out',
    ]);
    expect(timeline.phases.at(-1)?.endMs).toBe(timeline.startMs + result.durationMs);
    const ours = timeline.deployments.find((track) => track.id === NEW_ID);
    const old = timeline.deployments.find((track) => track.id === OLD_ID);
    expect(ours?.states.map((state) => state.label)).toEqual(['IN_PROGRESS', 'COMPLETED']);
    expect(ours?.allRunningMs).toBeDefined();
    expect(old?.goneMs).toBeDefined();
    // All running from the first look: no time its tasks came up during the step.
    expect(old?.allRunningMs).toBeUndefined();
    expect(timeline.events.map((event) => event.label)).toEqual([
      ...HOSTILE,
      '(service web) has reached a steady state.',
    ]);

    const markdown = summaryMarkdown(result);
    expect(markdown).toContain('#### Rollout timeline');
    const lines = ganttOf(markdown);
    for (const line of lines) expect(line).toMatch(GANTT_LINE);
    const labels = lines.filter((line) => line.startsWith('    ')).map(LABEL_TEXT);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Check the service',
        'Register',
        'Roll out',
        'ours web:7: IN_PROGRESS > COMPLETED',
        'before web:6: COMPLETED, gone',
        'ours: 3 of 3 tasks running',
        // Line breaks and control characters are spaces; long text is cut.
        cut('(service web) task a said: ``` </details>%%{init: {"securityLevel": "loose"}}%% click t1 call alert(1)'),
        cut('(service web) <img src=x onerror=alert(1)> section Owned :crit, x, 2020-01-01, 1d'),
        cut(`(service web) ${'very long text '.repeat(6)}`),
      ]),
    );
  });

  it('shows where a failed rollout went wrong: the FAILED deployment, the rollback and the events of trouble', async () => {
    const breaker = { enable: true, rollback: true };
    new EcsScript()
      .expect('DescribeServices', describeAnswer({ ...steadyOld, breaker }))
      .expect('RegisterTaskDefinition', registerAnswer)
      .expect('UpdateService', updateAnswer(rolling(0, { breaker })))
      .expect('DescribeServices', describeAnswer(rolling(0, { breaker }, 2)))
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [
            { id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'IN_PROGRESS', running: 1 },
            { id: NEW_ID, status: 'ACTIVE', td: NEW, rollout: 'FAILED', failed: 3, reason: 'circuit breaker' },
          ],
          events: [
            { id: 'e4', at: 20, message: '(service web) deployment failed: tasks failed to start.' },
            { id: 'e5', at: 30, message: '(service web) rolling back to deployment ecs-svc/3333333333333333333.' },
          ],
        }),
      )
      .expect('ListTasks', { taskArns: [] })
      .fail('ListServiceDeployments', 'UnknownOperationException', 'unknown operation')
      .expect(
        'DescribeServices',
        describeAnswer({
          breaker,
          deployments: [{ id: RB_ID, status: 'PRIMARY', td: OLD, rollout: 'COMPLETED', running: 3 }],
        }),
      );
    const result = await deploy(deployInputs(rendered), testDeps());
    expect(result.status).toBe('rolled-back');

    const lines = ganttOf(summaryMarkdown(result));
    for (const line of lines) expect(line).toMatch(GANTT_LINE);
    const row = (text: string) => lines.find((line) => line.startsWith('    ') && LABEL_TEXT(line) === text);
    expect(row('Roll back and report')).toMatch(/ :crit, t\d+, /);
    expect(row('ours web:7: IN_PROGRESS > FAILED, gone')).toMatch(/ :crit, /);
    expect(row('ours: FAILED')).toMatch(/ :crit, milestone, /);
    expect(row('rollback web:6: IN_PROGRESS > COMPLETED')).toMatch(/ :active, /);
    expect(row('(service web) deployment failed: tasks failed to start.')).toMatch(/ :crit, milestone, /);
    expect(lines[1]).toBe('  title #119;eb#58; rolled-back');
  });
});

describe('rollout timeline clocks', () => {
  it("keeps AWS's times within what the step saw: nothing starts after it was seen or happens after the step", () => {
    let now = 1_000_000;
    const timeline = new RolloutTimeline(() => now, now);
    now += 5000;
    timeline.observeService({
      deployments: [{ id: NEW_ID, createdAt: new Date(now + 60_000), desiredCount: 2, runningCount: 0 }],
    });
    now += 5000;
    timeline.observeService({ deployments: [{ id: NEW_ID, desiredCount: 2, runningCount: 2, pendingCount: 0 }] });
    const data = timeline.snapshot(now, [
      { id: 'late', createdAt: new Date(now + 3_600_000), message: 'ahead of the runner' },
      { id: 'early', createdAt: new Date(0), message: 'before the step' },
    ]);
    expect(data.deployments[0]).toMatchObject({ startMs: 1_005_000, allRunningMs: 1_010_000 });
    expect(data.events.map((event) => event.atMs)).toEqual([1_010_000, 1_000_000]);
  });
});

describe('rollout timeline of staged strategies and CodeDeploy', () => {
  it('draws a span per lifecycle stage, status or traffic change, a rollback red', () => {
    let now = 2_000_000;
    const timeline = new RolloutTimeline(() => now, now);
    const stage = (lifecycleStage: string, status: string, weight?: number) => {
      now += 10_000;
      timeline.observeServiceDeployment({
        lifecycleStage: lifecycleStage as never,
        status: status as never,
        ...(weight !== undefined ? { targetServiceRevision: { requestedProductionTrafficWeight: weight } } : {}),
      });
    };
    stage('SCALE_UP', 'IN_PROGRESS');
    stage('SCALE_UP', 'IN_PROGRESS');
    stage('PRODUCTION_TRAFFIC_SHIFT', 'IN_PROGRESS', 10);
    stage('PRODUCTION_TRAFFIC_SHIFT', 'IN_PROGRESS', 100);
    stage('BAKE_TIME', 'ROLLBACK_IN_PROGRESS', 0);
    const data = timeline.snapshot(now + 5000, []);
    expect(data.stages).toEqual([
      { label: 'SCALE_UP (IN_PROGRESS)', startMs: 2_010_000, endMs: 2_030_000 },
      {
        label: 'PRODUCTION_TRAFFIC_SHIFT (IN_PROGRESS), new revision 10% traffic',
        startMs: 2_030_000,
        endMs: 2_040_000,
      },
      {
        label: 'PRODUCTION_TRAFFIC_SHIFT (IN_PROGRESS), new revision 100% traffic',
        startMs: 2_040_000,
        endMs: 2_050_000,
      },
      {
        label: 'BAKE_TIME (ROLLBACK_IN_PROGRESS), new revision 0% traffic',
        startMs: 2_050_000,
        endMs: 2_055_000,
        failed: true,
      },
    ]);
  });

  it("draws CodeDeploy's lifecycle events with CodeDeploy's own times, a failed one red", () => {
    const timeline = new RolloutTimeline(() => 3_000_000, 3_000_000);
    const event = (name: string, status: string, start?: number, end?: number) => ({
      lifecycleEventName: name,
      status: status as never,
      ...(start ? { startTime: new Date(start) } : {}),
      ...(end ? { endTime: new Date(end) } : {}),
    });
    timeline.observeCodeDeploy([
      event('Install', 'Succeeded', 3_001_000, 3_020_000),
      event('AfterInstall', 'InProgress', 3_020_000),
    ]);
    timeline.observeCodeDeploy([
      event('Install', 'Succeeded', 3_001_000, 3_020_000),
      event('AfterInstall', 'Failed', 3_020_000, 3_030_000),
      event('AllowTraffic', 'Pending'),
    ]);
    expect(timeline.snapshot(3_040_000, []).stages).toEqual([
      { label: 'Install (Succeeded)', startMs: 3_001_000, endMs: 3_020_000 },
      { label: 'AfterInstall (Failed)', startMs: 3_020_000, endMs: 3_030_000, failed: true },
    ]);
  });
});

describe('rollout timeline bounds', () => {
  const start = at(0) * 1000;
  const base: DeployResult = {
    status: 'timed-out',
    cancelled: false,
    message: 'timed out',
    images: [],
    durationMs: 6 * 3_600_000,
    finalState: 'IN_PROGRESS',
    consoleUrl: 'https://example.com',
    cluster: 'prod',
    service: 'web',
    stoppedTasks: [],
    deploymentId: NEW_ID,
    preflight: { findings: [], predictedMs: 150_000 },
  };

  it('summarises a six-hour rollout of 5,000 events and 60 stages into a bounded diagram', () => {
    const timeline: TimelineData = {
      startMs: start,
      endMs: start + base.durationMs,
      phases: [
        { label: 'Check the service', startMs: start, endMs: start + 1000 },
        { label: 'Roll out', startMs: start + 1000, endMs: start + base.durationMs },
      ],
      deployments: [{ id: NEW_ID, taskDefinitionArn: NEW, startMs: start, lastSeenMs: start + 5000, states: [] }],
      stages: Array.from({ length: 60 }, (_, index) => ({
        label: `BAKE_TIME ${index}`,
        startMs: start + index * 1000,
        endMs: start + index * 1000 + 500,
      })),
      events: Array.from({ length: 5000 }, (_, index) => ({
        label: `(service web) has started 1 tasks ${index}`,
        atMs: start + index * 4000,
        ...(index % 100 === 0 ? { failed: true } : {}),
      })),
    };
    const lines = ganttOf(summaryMarkdown({ ...base, timeline }));
    for (const line of lines) expect(line).toMatch(GANTT_LINE);
    const rows = lines.filter((line) => line.startsWith('    '));
    expect(rows.length).toBeLessThanOrEqual(61);
    expect(LABEL_TEXT(rows.at(-1) ?? '')).toMatch(/^\d+ more not drawn$/);
    // The prediction beside the actual rollout time.
    expect(rows.map(LABEL_TEXT)).toEqual(expect.arrayContaining(['predicted at least 2m30s', 'actual 5h59m59s']));
  });

  it('keeps the middle of a long event list as one counted row, with how many told of trouble', () => {
    const timeline: TimelineData = {
      startMs: start,
      endMs: start + 100_000,
      phases: [{ label: 'Roll out', startMs: start, endMs: start + 100_000 }],
      deployments: [],
      stages: [],
      events: Array.from({ length: 100 }, (_, index) => ({
        label: `event ${index}`,
        atMs: start + index * 1000,
        ...(index === 50 ? { failed: true } : {}),
      })),
    };
    const rows = ganttOf(summaryMarkdown({ ...base, timeline })).filter((line) => line.startsWith('    '));
    const labels = rows.map(LABEL_TEXT);
    expect(labels).toContain('event 5');
    expect(labels).not.toContain('event 6');
    expect(labels).toContain('84 more events (1 of trouble)');
    expect(labels).toContain('event 99');
  });

  it('writes no timeline for a result without one, nor when nothing was deployed', () => {
    expect(summaryMarkdown(base)).not.toContain('mermaid');
    const timeline: TimelineData = {
      startMs: start,
      endMs: start + 1000,
      phases: [],
      deployments: [],
      stages: [],
      events: [],
    };
    expect(summaryMarkdown({ ...base, timeline })).toContain('```mermaid');
    expect(summaryMarkdown({ ...base, status: 'unchanged', timeline })).not.toContain('mermaid');
  });
});
