import { describe, expect, it } from '@jest/globals';
import { summaryMarkdown } from '../src/summary.js';
import type { DeployResult } from '../src/types.js';

const base: DeployResult = {
  status: 'succeeded',
  cancelled: false,
  message: 'Deployment ecs-svc/2 of web:7 completed: 3/3 running, 0 pending, 0 failed.',
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
  previousTaskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:6',
  deploymentId: 'ecs-svc/2',
  images: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:0.2548.7'],
  durationMs: 95_400,
  finalState: 'COMPLETED, 3/3 running, 0 pending, 0 failed',
  consoleUrl: 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=us-east-1',
  cluster: 'prod',
  service: 'web',
  stoppedTasks: [],
};

describe('summaryMarkdown', () => {
  it('shows version, image, revision, deployment, duration, final state and the console link', () => {
    const md = summaryMarkdown(base);
    expect(md).toContain('### ECS deploy web: deployed');
    expect(md).toContain('| Version | `0.2548.7` |');
    expect(md).toContain('| Task definition | `web:7` |');
    expect(md).toContain('| Previous task definition | `web:6` |');
    expect(md).toContain('| Deployment | `ecs-svc/2` |');
    expect(md).toContain('| Duration | 1m35s |');
    expect(md).toContain('| Final state | COMPLETED, 3/3 running, 0 pending, 0 failed |');
    expect(md).toContain(`[deployments of web](${base.consoleUrl})`);
    expect(md).not.toContain('Stopped tasks');
  });

  it('on failure adds the reason, the rollback and the stopped tasks', () => {
    const md = summaryMarkdown({
      ...base,
      status: 'rolled-back',
      message: 'Deployment ecs-svc/2 of web:7 failed: 3 tasks failed. Rolled back to web:6 and it is steady.',
      rollback: {
        by: 'action',
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:6',
        steady: true,
        detail: '',
      },
      stoppedTasks: [
        {
          taskId: 't1',
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
          containers: [{ name: 'web', exitCode: 137, reason: 'OutOfMemoryError | killed' }],
        },
      ],
    });
    expect(md).toContain('### ECS deploy web: FAILED and rolled back');
    expect(md).toContain('| Rollback | by this step to web:6: steady |');
    expect(md).toContain('Rolled back to web:6 and it is steady.');
    expect(md).toContain(
      '| `t1` | EssentialContainerExited | Essential container in task exited | web: exit 137 (OutOfMemoryError \\| killed) |',
    );
  });

  it.each([
    ['superseded', false, '### ECS deploy web: SUPERSEDED by a newer deployment (not rolled back)'],
    [undefined, true, '### ECS deploy web: CANCELLED'],
  ] as const)(
    'status %s (cancelled %s) has the headline %s and the one-sentence account',
    (status, cancelled, headline) => {
      const message = 'Deployment ecs-svc/2 of web:7 was superseded by deployment ecs-svc/3 of web:8.';
      const md = summaryMarkdown({ ...base, status, cancelled, message });
      expect(md).toContain(headline);
      expect(md).toContain(message);
    },
  );
});
