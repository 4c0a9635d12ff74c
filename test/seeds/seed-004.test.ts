/**
 * Seed 004 (deployment lessons learned): every promise, where it is enforced and its proof
 * (seed-promises.ts), and a direct proof that a lesson names a pitfall the catalog knows.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describePromises } from './check-promises.js';
import { main } from '../../mcp-server/src/cli/main.js';

describePromises('004');

describe('seed 004 proofs', () => {
  it('learnings record with a mistyped pitfall id is refused with exit 2, a suggestion, and nothing recorded', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shipgate-seed-004-'));
    try {
      execFileSync('git', ['init', '-q', root]);
      const stderr = new PassThrough();
      let err = '';
      stderr.on('data', (chunk) => (err += String(chunk)));
      const code = await main(['learnings', 'record', '--pitfall', 'missing_git_tagg', '--note', 'tag was forgotten'], { cwd: root, stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: { ...process.env }, now: () => new Date() } as Parameters<typeof main>[1]);
      expect(code).toBe(2);
      expect(err).toContain('missing_git_tag');
      expect(existsSync(join(root, '.claude/shipgate/learnings/events.jsonl'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
