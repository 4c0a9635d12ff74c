/**
 * Seed 001 (deploy-production skill): every promise, where it is enforced and its proof
 * (seed-promises.ts). Promises owned by helper failsafe are written here as the issue requires them and
 * skipped until that branch is merged.
 */
import { describe, expect, it } from 'vitest';
import { describePromises } from './check-promises.js';
import { environmentSchema } from '../../mcp-server/src/config/environment-schema.js';

describePromises('001');

describe('seed 001 proofs', () => {
  it('monitors 30 minutes by default, with the seed triggers (health failing 5 min, error rate > 5% for 2 min)', () => {
    const environment = environmentSchema.parse({ provider: { type: 'git-push' } });
    expect(environment.monitor.duration).toBe(30 * 60_000);
    expect(environment.monitor.healthFailingFor).toBe(5 * 60_000);
    expect(environment.monitor.maxErrorRate).toBe(0.05);
    expect(environment.monitor.errorRateFor).toBe(2 * 60_000);
    expect(environment.rollback.automatic).toBe(true);
  });

  // pending merge of failsafe (#14.1): the skill's <trigger_conditions> drive the monitor, config may override.
  it.skip('a trigger edited in the skill (above="0.01") changes the monitor threshold shown in the plan', async () => {
    const { planDeploy } = await import('../../mcp-server/src/deploy/plan-deploy.js');
    expect(typeof planDeploy).toBe('function');
  });

  // pending merge of failsafe (#14.5): "Enhanced monitoring for first hour" after a rollback.
  it.skip('after an automatic rollback the record shows a post-rollback watch window', () => {
    expect(environmentSchema.parse({ provider: { type: 'git-push' } }).monitor).toHaveProperty('postRollback');
  });

  // pending merge of failsafe (#14.5): "Logs show no errors" as an optional log or query check in the monitor.
  it.skip('the monitor accepts a log check', () => {
    expect(() => environmentSchema.parse({ provider: { type: 'git-push' }, monitor: { logs: { command: ['true'] } } })).not.toThrow();
  });
});
