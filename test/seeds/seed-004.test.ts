/**
 * Seed 004 (deployment lessons learned): every promise, where it is enforced and its proof
 * (seed-promises.ts). Promises owned by helper learn are written here and skipped until merged.
 */
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { describePromises } from './check-promises.js';
import { main } from '../../mcp-server/src/cli/main.js';

describePromises('004');

describe('seed 004 proofs', () => {
  // pending merge of learn (#14.8): unknown pitfall ids are refused with "did you mean".
  it.skip('learnings record --pitfall no_such_id is refused with exit 2 and a suggestion', async () => {
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c) => (err += String(c)));
    const code = await main(['learnings', 'record', '--pitfall', 'missing_git_tagg', '--note', 'x'], { cwd: process.cwd(), stdout: new PassThrough(), stderr, env: {}, now: () => new Date() });
    expect(code).toBe(2);
    expect(err).toContain('missing_git_tag');
  });

  // pending merge of learn (#14.7): a 2-second monitor window is recorded and detected.
  it.skip('a deploy with a 2 s monitor window records monitorPlannedMs 2000 and the insufficient-monitoring pitfall', () => {
    expect(true).toBe(false);
  });
});
