/**
 * Attacks on a staged service. Credentials that expire once the step's own rollback was asked: the message
 * says the rollback was started and ECS carries on with it. Outside text that is not a container log line (CloudWatch alarm names, which ECS repeats in the
 * service deployment's alarm state and its statusReason) never reaches the runner as a workflow command on a staged
 * service, in the wait's lines, the rollback's and the failure report.
 */
import { foreignCommands } from '@ecs-actions/core/testkit';
import { describe, expect, it } from '@jest/globals';
import { ARN, run, setUp, taskDefinitionNow } from './staged-fixture.js';

const HOSTILE_ALARMS = ['##[set-output name=status]hostile-1', '::stop-commands::abc', '##[stop-commands]hostile-2'];

describe('hostile alarm names', () => {
  it.each(HOSTILE_ALARMS)('a BLUE_GREEN deployment rolled back on alarm %j: no foreign command', async (alarm) => {
    const s = await setUp({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 5,
      alarms: { alarmNames: [alarm], enable: true, rollback: true },
    });
    s.sim.ecs.setAlarmTrip(alarm, { stage: 'BAKE_TIME', afterSeconds: 60 });
    const result = await run(s);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(result.log).toContain(alarm);
    expect(foreignCommands(result.log)).toEqual([]);
    expect(taskDefinitionNow(s)).toBe(ARN(1));
  });
});

describe('credentials that expire during the staged rollback', () => {
  it('every ECS call after StopServiceDeployment landed refused ExpiredToken: the message says the rollback is under way', async () => {
    const s = await setUp({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 }, { kind: 'crash-on-start', exitCode: 3 });
    const stopped = () => s.sim.callsOf('StopServiceDeployment').some((call) => call.status === 200);
    s.sim.faults.inject({ api: 'ecs', kind: 'expired-token', count: Number.POSITIVE_INFINITY, when: stopped });
    const result = await run(s, { timeout: '40s', rollback: 'true', preflight: 'off' });
    expect(result.exitCode).toBe(1);
    expect(s.sim.callsOf('StopServiceDeployment').filter((call) => call.status === 200)).toHaveLength(1);
    // Timed out, and no rollback was seen to reach steady state.
    expect(result.outputs.status).toBe('timed-out');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/ExpiredToken/);
    expect(result.errors[0]).toMatch(
      /The rollback through ECS \(StopServiceDeployment ROLLBACK\) of service deployment \S+ is under way and ECS carries on with it/,
    );
    // Never the wait's last (stale) read as the state it ended in.
    expect(result.errors[0]).not.toContain('Stopped waiting because of an AWS API error');
  });
});
