import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { readEvents } from '../../mcp-server/src/learnings/store.js';
import { readLearnings } from '../../mcp-server/src/learnings/read-learnings.js';
import { bundleForNode, runNode, steppingClock, tempProject } from './helpers.js';

const STORE = '.claude/shipgate/learnings';
let work: { root: string; cleanup: () => Promise<void> };
let child: string;

beforeAll(async () => {
  work = await tempProject('shipgate-store-');
  child = await bundleForNode(join(__dirname, 'fixtures/record-child.ts'), join(work.root, 'record-child.mjs'));
});
afterAll(async () => work.cleanup());

async function project(name: string): Promise<string> {
  const root = join(work.root, name);
  await mkdir(root, { recursive: true });
  return root;
}
const quiet = (root: string) => ({ pluginRoot: join(root, 'no-plugin'), now: steppingClock(), onWarning: () => {} });

describe('learnings store', () => {
  it('a missing folder reads as no store, and the read side creates nothing', async () => {
    const root = await project('missing');
    const view = await readLearnings(root, { pluginRoot: join(root, 'no-plugin') });
    expect(view.exists).toBe(false);
    expect(view.summary.runs).toBe(0);
    expect(view.markdown).toContain('Not yet tracked');
    await expect(readFile(join(root, STORE, 'events.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it('an empty events file is a store with no runs, and the next record works', async () => {
    const root = await project('empty');
    await mkdir(join(root, STORE), { recursive: true });
    await writeFile(join(root, STORE, 'events.jsonl'), '');
    expect(await readEvents(join(root, STORE))).toEqual({ events: [], warnings: [], exists: true });
    await recordRun(root, { phase: 'gate', outcome: 'succeeded' }, quiet(root));
    expect((await readEvents(join(root, STORE))).events).toHaveLength(1);
  });

  it('a corrupt line is skipped with a warning naming its line and costs no other event', async () => {
    const root = await project('corrupt');
    const opts = quiet(root);
    await recordRun(root, { phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: false }, opts);
    const file = join(root, STORE, 'events.jsonl');
    await appendFile(file, '{"v":1,"runId":"half-written"\nnot json at all\n{"v":2,"runId":"x"}\n');
    const warnings: string[] = [];
    await recordRun(root, { phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: false }, { ...opts, onWarning: (m) => warnings.push(m) });
    const { events, warnings: read } = await readEvents(join(root, STORE));
    expect(events.map((e) => e.pitfalls)).toEqual([['missing_git_tag'], ['missing_git_tag']]);
    expect(read.map((w) => w.line)).toEqual([2, 3, 4]);
    expect(warnings.join('\n')).toMatch(/events\.jsonl:2: not a JSON event/);
    expect(warnings.join('\n')).toMatch(/events\.jsonl:4: expected "v": 1/);
    const md = await readFile(join(root, STORE, 'learnings.md'), 'utf8');
    expect(md).toMatch(/Missing Git Tag\n\n\*\*Frequency\*\*: ★★☆☆☆ \(2\/5\)/);
    expect(md).toContain('## Store warnings');
  });

  it('a line cut off by a crash (no newline) does not swallow the next event', async () => {
    const root = await project('crash');
    await mkdir(join(root, STORE), { recursive: true });
    await writeFile(join(root, STORE, 'events.jsonl'), '{"v":1,"runId":"cut","at":"2026-01-0');
    await recordRun(root, { phase: 'bump', outcome: 'succeeded', bumpImplied: 'major', bumpChosen: 'minor' }, quiet(root));
    const { events, warnings } = await readEvents(join(root, STORE));
    expect(events.map((e) => e.pitfalls)).toEqual([['wrong_version_bump']]);
    expect(warnings).toHaveLength(1);
  });

  it('re-reads only what was appended, and everything when the file was rewritten', async () => {
    const root = await project('incremental');
    const dir = join(root, STORE);
    await mkdir(dir, { recursive: true });
    const line = (id: string, at: string) => JSON.stringify({ v: 1, runId: id, at, phase: 'deploy', outcome: 'succeeded', pitfalls: [] });
    const file = join(dir, 'events.jsonl');
    await writeFile(file, `${line('a', '2026-01-01T00:00:00.000Z')}\n`);
    expect((await readEvents(dir)).events.map((e) => e.runId)).toEqual(['a']);
    await appendFile(file, `${line('b', '2026-01-02T00:00:00.000Z')}\n{oops\n`);
    const grown = await readEvents(dir);
    expect(grown.events.map((e) => e.runId)).toEqual(['a', 'b']);
    expect(grown.warnings.map((w) => w.line)).toEqual([3]);
    // Rewritten in place, longer, different history (as a merge or checkout would): read again in full.
    await writeFile(file, `${line('x', '2026-01-01T00:00:00.000Z')}\n${line('y', '2026-01-02T00:00:00.000Z')}\n${line('z', '2026-01-03T00:00:00.000Z')}\n`);
    expect((await readEvents(dir)).events.map((e) => e.runId)).toEqual(['x', 'y', 'z']);
    // Replaced by a new file (rename), then truncated: both read in full.
    const tmp = join(dir, 'replacement');
    await writeFile(tmp, `${line('n', '2026-02-01T00:00:00.000Z')}\n`);
    const { rename } = await import('node:fs/promises');
    await rename(tmp, file);
    expect((await readEvents(dir)).events.map((e) => e.runId)).toEqual(['n']);
    await writeFile(file, '');
    expect((await readEvents(dir)).events).toEqual([]);
  });

  it('20 concurrent writer processes lose no event', async () => {
    const root = await project('concurrent');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => runNode(child, [root, String(i)])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const { events, warnings } = await readEvents(join(root, STORE));
    expect(warnings).toEqual([]);
    expect(events.map((e) => e.runId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `child-${i}`).sort());
    // Appends take no lock; the last writer to publish re-reads until it covers every line: all 20 runs.
    const md = await readFile(join(root, STORE, 'learnings.md'), 'utf8');
    expect(md).toContain('from 20 recorded runs');
    expect(md).toMatch(/Missing Git Tag\n\n\*\*Frequency\*\*: [★☆]{5} \(\d\/5\)  \n\*\*Last seen\*\*: \d{4}-\d\d-\d\d  \n\*\*Total\*\*: 10 times/);
    await expect(readFile(join(root, STORE, 'events.lock'))).rejects.toThrow(/ENOENT/);
  }, 60_000);

  it('writes .gitattributes with merge=union, keeping what was there', async () => {
    const root = await project('attrs');
    await mkdir(join(root, STORE), { recursive: true });
    await writeFile(join(root, STORE, '.gitattributes'), '*.md text\n');
    await recordRun(root, { phase: 'gate', outcome: 'succeeded' }, quiet(root));
    expect(await readFile(join(root, STORE, '.gitattributes'), 'utf8')).toMatch(/^\*\.md text\n[\s\S]*^events\.jsonl merge=union\n^checkpoints\.jsonl merge=union\n$/m);
  });

  it('honours learnings.dir from the config, and refuses a folder outside the project', async () => {
    const root = await project('configured');
    await writeFile(join(root, 'shipgate.config.yaml'), 'learnings:\n  dir: ops/lessons\n');
    await recordRun(root, { phase: 'gate', outcome: 'succeeded' }, quiet(root));
    expect((await readEvents(join(root, 'ops/lessons'))).events).toHaveLength(1);
    await writeFile(join(root, 'shipgate.config.yaml'), 'learnings:\n  dir: ../outside\n');
    await expect(recordRun(root, { phase: 'gate', outcome: 'succeeded' }, quiet(root))).rejects.toThrow(/outside the project/);
  });

  it('an event after a crash fragment (no final newline) starts its own line; the fragment alone is skipped', async () => {
    const root = await project('fragment');
    await recordRun(root, { phase: 'gate', outcome: 'succeeded' }, quiet(root));
    await appendFile(join(root, STORE, 'events.jsonl'), '{"v":1,"runId":"torn","at":"2026-');
    await recordRun(root, { phase: 'bump', outcome: 'succeeded', version: '1.0.1' }, quiet(root));
    const text = await readFile(join(root, STORE, 'events.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const { events, warnings } = await readEvents(join(root, STORE));
    expect(events.map((e) => e.phase)).toEqual(['gate', 'bump']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/events\.jsonl:2/);
  });

  it('a caller that already loaded the config passes learnings.dir: same store, same refusal outside the project', async () => {
    const root = await project('passed-dir');
    // The file says nothing about learnings: only the passed value can put the event in ops/passed.
    await writeFile(join(root, 'shipgate.config.yaml'), 'environments: {}\n');
    await recordRun(root, { phase: 'gate', outcome: 'succeeded' }, { ...quiet(root), learningsDir: 'ops/passed' });
    expect((await readEvents(join(root, 'ops/passed'))).events).toHaveLength(1);
    await recordRun(root, { phase: 'gate', outcome: 'succeeded' }, { ...quiet(root), learningsDir: STORE });
    expect((await readEvents(join(root, STORE))).events).toHaveLength(1);
    await expect(recordRun(root, { phase: 'gate', outcome: 'succeeded' }, { ...quiet(root), learningsDir: '../outside' })).rejects.toThrow(/outside the project/);
  });
});
