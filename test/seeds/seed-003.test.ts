/**
 * Seed 003 (/ship-prod, production-deployment-phase): every promise, where it is enforced and its proof
 * (seed-promises.ts); the default gate of production proven here.
 */
import { describe, expect, it } from 'vitest';
import { describePromises } from './check-promises.js';
import { defaultGates } from '../../mcp-server/src/gates/gate-settings.js';

describePromises('003');

describe('seed 003 proofs', () => {
  it('production is gated by production-gate and production-promotion unless the config says otherwise', () => {
    expect(defaultGates('production')).toEqual(['production-gate', 'production-promotion']);
  });
});
