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



});
