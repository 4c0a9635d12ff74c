/**
 * Seed 000 (/commit: production deployment and change management): every promise, where it is
 * enforced and its proof (seed-promises.ts), plus the record naming proven here on real files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describePromises } from './check-promises.js';
import { allocateRecordPaths } from '../../mcp-server/src/records/deployment-record.js';

describePromises('000');

describe('seed 000 proofs', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names the record after the release tag and the date: deployment-v2.7.0-2026-12-05.md (+ JSON sibling), -2 on a second run that day', async () => {
    dir = await mkdtemp(join(tmpdir(), 'shipgate-seed-000-'));
    const date = new Date('2026-12-05T10:00:00Z');
    const first = await allocateRecordPaths(dir, 'v2.7.0', date);
    expect(basename(first.markdown)).toBe('deployment-v2.7.0-2026-12-05.md');
    expect(basename(first.json)).toBe('deployment-v2.7.0-2026-12-05.json');
    await writeFile(first.markdown, '# taken\n');
    const second = await allocateRecordPaths(dir, 'v2.7.0', date);
    expect(basename(second.markdown)).toBe('deployment-v2.7.0-2026-12-05-2.md');
  });
});
