/**
 * Seed 002 (production deployment phase, /deploy [strategy]): every promise, where it is enforced and
 * its proof (seed-promises.ts); the strategy table's "Recreate: dev/staging only" proven here on the
 * schema the deploy reads.
 */
import { describe, expect, it } from 'vitest';
import { describePromises } from './check-promises.js';
import { strategySchema } from '../../mcp-server/src/config/environment-schema.js';
import { STRATEGY_TYPES as strategyNames } from '../../mcp-server/src/config/names.js';

describePromises('002');

describe('seed 002 proofs', () => {
  it('offers the four strategies of the seed table, recreate opting in to production explicitly', () => {
    expect([...strategyNames].sort()).toEqual(['blue-green', 'canary', 'recreate', 'rolling']);
    expect(strategySchema.parse({ type: 'recreate' })).toEqual({ type: 'recreate', allowProduction: false });
  });
});
