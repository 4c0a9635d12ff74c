/**
 * The worker pool pulls from the engine's queue and must never lose a file: a worker that cannot start
 * (here: from TypeScript sources, where a worker has no loader for its .ts entry) hands its batch back
 * and the main thread processes it, with the same results as the plain in-process loop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { processInWorkers, type Job } from '../../mcp-server/src/validate/worker-pool.js';
import { processFile, type FileResult } from '../../mcp-server/src/validate/process-file.js';
import { documentRules, severityFrom } from '../../mcp-server/src/validate/rule-selection.js';

const dir = mkdtempSync(join(tmpdir(), 'shipgate-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('processInWorkers', () => {
  test('a pool whose workers cannot start still does every job exactly once, like the in-process loop', async () => {
    const jobs: Job[] = Array.from({ length: 130 }, (_, index) => ({
      index,
      path: join(dir, `skills/s${index}/SKILL.md`),
      kind: 'skill',
      bytes: Buffer.from(`---\nname: ${index % 7 === 0 ? 'Bad_Name' : `s${index}`}\ndescription: Deploys. Use when x. Not for y.\n---\n<safety_gate type="blocking">\n<checks>\n<check id="c${index}">\n</check>\n</checks>\n</safety_gate>\n`),
    }));
    let next = 0;
    const taken: number[] = [];
    const results = new Map<number, FileResult>();
    await processInWorkers(
      () => {
        const job = jobs[next++];
        if (job) taken.push(job.index);
        return job;
      },
      (job, result) => {
        expect(results.has(job.index)).toBe(false);
        results.set(job.index, result);
      },
      {},
    );
    expect(taken).toEqual(jobs.map((j) => j.index));
    expect([...results.keys()].sort((a, b) => a - b)).toEqual(jobs.map((j) => j.index));
    const rules = documentRules({});
    const severity = severityFrom({});
    for (const job of jobs) expect(results.get(job.index)).toEqual(processFile(job.path, job.kind, job.bytes, rules, severity));
    expect(results.get(0)!.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['name-format', 'check-decider']));
  }, 60_000);
});
