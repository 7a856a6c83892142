/**
 * keep-revisions through deploy() against the simulator: the N newest ACTIVE revisions stay, and so does every
 * revision a service of the cluster runs or keep-task-definitions names; the rest are deregistered. A denied
 * DeregisterTaskDefinition is a warning after a successful deploy.
 */
import { ECSClient, ListTaskDefinitionsCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { realSleep, systemClock } from '@ecs-actions/core';
import { type Simulator, startSimulator } from '@ecs-actions/simulator';
import { afterEach, describe, expect, it } from '@jest/globals';
import { deploy } from '../src/deploy.js';
import { summaryMarkdown } from '../src/summary.js';
import { toRegisterRequest } from '../src/taskdef.js';
import { deployInputs } from './deploy-inputs.js';
import { CapturingLog } from './fake-ecs.js';
import { withImage } from './seed.js';

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';
const FAMILY = 'ecs_be_prod';
const arn = (revision: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/${FAMILY}:${revision}`;

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function deployKeeping(keepRevisions: number, keepTaskDefinitions: string[], setUp?: (sim: Simulator) => void) {
  sim = await startSimulator({ timeScale: 100 });
  // web runs revision 1, `other` runs revision 2; revisions 3 to 6 are registered and unused.
  sim.ecs.seedService({ cluster: 'prod', serviceName: 'web', taskDefinition: withImage(`${REPO}:1`), desiredCount: 1 });
  sim.ecs.seedService({
    cluster: 'prod',
    serviceName: 'other',
    taskDefinition: withImage(`${REPO}:2`),
    desiredCount: 1,
  });
  const { env } = sim;
  const ecs = new ECSClient({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_ECS,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
  });
  for (const version of [3, 4, 5, 6]) {
    const request = toRegisterRequest(withImage(`${REPO}:${version}`));
    if ('problem' in request) throw new Error(request.problem);
    await ecs.send(new RegisterTaskDefinitionCommand(request.request));
  }
  setUp?.(sim);
  const rendered = toRegisterRequest(withImage(`${REPO}:7`));
  if ('problem' in rendered) throw new Error(rendered.problem);
  const inputs = deployInputs(rendered, { pollIntervalMs: 250, keepRevisions, keepTaskDefinitions });
  const log = new CapturingLog();
  try {
    const result = await deploy(inputs, {
      ecs,
      ecsSingleAttempt: ecs,
      region: env.AWS_REGION,
      clock: systemClock,
      sleep: realSleep,
      log,
    });
    const active = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: FAMILY, status: 'ACTIVE' }));
    return { result, log, sim, active: active.taskDefinitionArns ?? [] };
  } finally {
    ecs.destroy();
  }
}

describe('keep-revisions', () => {
  it('keeps the newest, what a service runs and what keep-task-definitions names; deregisters the rest', async () => {
    // Revision 7 is deployed (web now runs it): the newest two are 7 and 6.
    const { result, log, active } = await deployKeeping(2, [`${FAMILY}:4`]);
    expect(result.status).toBe('succeeded');
    expect(active).toEqual([arn(2), arn(4), arn(6), arn(7)]);
    expect(result.revisionsCleanup).toEqual({
      deregistered: [arn(5), arn(3), arn(1)],
      kept: [
        { arn: arn(4), why: 'keep-task-definitions names it (a rollback target)' },
        { arn: arn(2), why: 'service other runs it' },
      ],
    });
    expect(log.text()).toContain(
      'keep-revisions 2: deregistered ecs_be_prod:5, ecs_be_prod:3, ecs_be_prod:1; kept ecs_be_prod:4 (keep-task-definitions names it (a rollback target)), ecs_be_prod:2 (service other runs it).',
    );
    expect(summaryMarkdown(result)).toContain('Revisions deregistered (keep-revisions)');
  });

  it('a denied DeregisterTaskDefinition is a warning: the deploy succeeded, what was done is said', async () => {
    const { result, log, active } = await deployKeeping(5, [], (sim) =>
      sim.faults.inject({ api: 'ecs', operation: 'DeregisterTaskDefinition', kind: 'access-denied' }),
    );
    expect(result.status).toBe('succeeded');
    expect(active).toHaveLength(7);
    expect(result.revisionsCleanup?.deregistered).toEqual([]);
    expect(log.warnings.join('\n')).toMatch(
      /keep-revisions 5: deregistered none; kept ecs_be_prod:2 \(service other runs it\); then the clean-up stopped: ecs:DeregisterTaskDefinition was denied \(AccessDeniedException\).* in region us-east-1\. The deploy itself succeeded\./,
    );
  });
});
