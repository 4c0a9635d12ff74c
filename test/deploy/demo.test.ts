/**
 * `shipgate demo` tells the whole story for real: gate blocked, fixed, bump, canary under load with
 * zero failed requests, a bad release rolled back on its own (exit 3), records and learnings on disk.
 */
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runDemo } from '../../mcp-server/src/deploy/demo/run-demo.js';

describe('shipgate demo', () => {
  it('runs the story end to end in under two minutes', async () => {
    const lines: string[] = [];
    const started = Date.now();
    const result = await runDemo({ say: (line) => lines.push(line) });
    try {
      expect(Date.now() - started).toBeLessThan(120_000);
      const text = lines.join('\n');
      expect(text).toContain('gate blocked by: app_tests_pass');
      expect(text).toContain('bumped to 1.1.0');
      expect(result.canaryRequests).toBeGreaterThan(100);
      expect(result.canaryFailedRequests).toBe(0);
      expect(result.badReleaseExitCode).toBe(3);
      expect(text).toContain('production serves 1.1.0 again');
      const records = await readdir(result.records);
      // The record is named by the day the deploy ran: the day at the start or at the end (a run may cross midnight UTC).
      const days = new Set([new Date(started).toISOString().slice(0, 10), new Date().toISOString().slice(0, 10)]);
      expect(records.filter((name) => [...days].some((day) => name === `deployment-v1.1.0-${day}.md`))).toHaveLength(1);
      expect(records.filter((n) => n.endsWith('.json'))).toHaveLength(2);
      expect(await readdir(result.learnings)).toContain('events.jsonl');
    } finally {
      await rm(dirname(result.folder), { recursive: true, force: true });
    }
  }, 150_000);
});
