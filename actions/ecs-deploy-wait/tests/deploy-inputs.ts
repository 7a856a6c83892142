/** The inputs of a deploy as the tests build them: one builder, each test overriding what it is about. */
import type { RenderedTaskDefinition } from '@ecs-actions/core/ecs';
import type { DeployInputs } from '../src/inputs.js';

/**
 * A rolling deploy of a rendered file to prod/web, waiting 10 minutes, polling every 5 s, with rollback, the
 * preflight and verify off (preflight.test.ts and verify.test.ts are about them; these tests script or count every ECS call of the deploy itself).
 */
export function deployInputs(rendered: RenderedTaskDefinition, overrides: Partial<DeployInputs> = {}): DeployInputs {
  return {
    taskDefinition: { kind: 'file', path: 'task-definition.json', rendered },
    cluster: 'prod',
    service: 'web',
    desiredCount: undefined,
    forceNewDeployment: false,
    wait: true,
    timeoutMs: 600_000,
    pollIntervalMs: 5000,
    rollback: true,
    skipUnchanged: false,
    keepTaskDefinitions: [],
    keepRevisionsGraceMs: 3_600_000,
    preflight: 'off',
    verify: 'off',
    dryRun: false,
    codedeploy: { application: 'AppECS-prod-web', deploymentGroup: 'DgpECS-prod-web' },
    onPause: 'wait',
    ...overrides,
  };
}
