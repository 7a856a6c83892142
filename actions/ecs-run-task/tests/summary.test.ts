import { describe, expect, it } from '@jest/globals';
import type { RunTaskResult } from '../src/run-task.js';
import { summaryMarkdown } from '../src/summary.js';

const result: RunTaskResult = {
  status: 'failed',
  message: 'The task of migrate:7 failed: task abc stopped (EssentialContainerExited: x | y): container app exited 3.',
  cluster: 'prod',
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:7',
  taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/abc'],
  exitCode: 3,
  tasks: [
    {
      arn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc',
      id: 'abc',
      lastStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [
        { name: 'app', essential: true, exitCode: 3, reason: undefined },
        { name: 'log-router', essential: false, exitCode: undefined, reason: undefined },
      ],
    },
  ],
  durationMs: 95_400,
};

describe('summaryMarkdown', () => {
  it('shows the outcome, exit code and a row per task with its containers', () => {
    const markdown = summaryMarkdown(result);
    expect(markdown).toContain('### ECS run task: failed');
    expect(markdown).toContain('EssentialContainerExited: x \\| y');
    expect(markdown).toContain('| Exit code | `3` |');
    expect(markdown).toContain('| Duration | 1m35s |');
    expect(markdown).toContain(
      '| `abc` | STOPPED | EssentialContainerExited | Essential container in task exited | app: 3, log-router: - |',
    );
  });

  it('leaves the task table out when no task started', () => {
    const markdown = summaryMarkdown({ ...result, tasks: [], taskArns: [], exitCode: undefined });
    expect(markdown).toContain('| Exit code | (none) |');
    expect(markdown).not.toContain('| Task |');
  });

  it("adds a failed task's last log lines as a fenced block, and a container's note as a line", () => {
    const [task] = result.tasks;
    const markdown = summaryMarkdown({
      ...result,
      tasks: [
        {
          ...(task as NonNullable<typeof task>),
          logs: [
            { container: 'app', group: '/ecs/migrate', stream: 'ecs/app/abc', lines: ['ERROR: V43 failed', '```'] },
            {
              container: 'log-router',
              group: '/ecs/router',
              note: 'logs:GetLogEvents was denied on log group /ecs/router',
            },
          ],
        },
      ],
    });
    expect(markdown).toContain('#### Last log lines');
    expect(markdown).toContain('Task `abc`, container `app` (`/ecs/migrate ecs/app/abc`): last 2 lines');
    expect(markdown).toContain('````text\nERROR: V43 failed\n```\n````');
    expect(markdown).toContain('- task `abc`: logs:GetLogEvents was denied on log group /ecs/router');
  });

  it('says (none) for the task definition when nothing was registered (a cancel during registration)', () => {
    const markdown = summaryMarkdown({ ...result, taskDefinitionArn: '', tasks: [], taskArns: [] });
    expect(markdown).toContain('| Task definition | (none) |');
  });
});
