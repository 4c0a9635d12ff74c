/**
 * The gate's clean-tree verdict runs beside the checks (gates/run-gate.ts): these tests hold it to the
 * same outcome as the serial check it replaced. A dirty tree throws, issues no receipt, takes back the
 * earlier one and records no learnings event; a long command check started meanwhile is stopped, not
 * waited for; nobody is asked to attest for a dirty tree; ignored files never block.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, type FixtureRepo } from './fixture-repo.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { readReceipt } from '../../mcp-server/src/gates/receipts.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

async function repoWith(checks: string): Promise<FixtureRepo> {
  const repo = await makeRepo({ 'shipgate.config.yaml': CONFIG(), '.claude/skills/test-gate/SKILL.md': gateSkill(checks), '.gitignore': 'dist/\n', 'src/app.js': 'ok\n' });
  repos.push(repo);
  return repo;
}

const gate = (repo: FixtureRepo, extra: Partial<Parameters<typeof runGate>[0]> = {}) => runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY, ...extra });
const gateEvents = async (repo: FixtureRepo) => (await readFile(join(repo.root, '.claude/shipgate/learnings/events.jsonl'), 'utf8').catch(() => '')).split('\n').filter((l) => l.includes('"phase":"gate"')).length;
const DIRTY = /Cannot gate production: the working tree differs from the commit in 1 file: src\/app\.js\./;

describe('gate: clean tree checked beside the checks', () => {
  it('a modified file blocks: BlockedError, earlier receipt revoked, no learnings event', async () => {
    const repo = await repoWith('<check id="fast"><command>true</command></check>');
    const passed = await gate(repo);
    expect(passed.ok).toBe(true);
    expect(await readReceipt(repo.root, 'production')).toBeDefined();
    const eventsBefore = await gateEvents(repo);
    expect(eventsBefore).toBe(1);

    await writeFile(join(repo.root, 'src/app.js'), 'not what was committed\n');
    const error = await gate(repo).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as Error).message).toMatch(DIRTY);
    expect(await readReceipt(repo.root, 'production')).toBeUndefined();
    expect(await gateEvents(repo)).toBe(eventsBefore);
  });

  it('a staged change and an untracked file block too; an ignored build folder does not', async () => {
    const repo = await repoWith('<check id="fast"><command>true</command></check>');
    await repo.write({ 'dist/bundle.js': 'built' });
    expect((await gate(repo)).ok).toBe(true);
    await writeFile(join(repo.root, 'src/app.js'), 'staged\n');
    repo.git('add', 'src/app.js');
    await expect(gate(repo)).rejects.toThrow(DIRTY);
    repo.git('reset', '-q', '--hard');
    await repo.write({ 'hotfix.js': 'x' });
    await expect(gate(repo)).rejects.toThrow(/differs from the commit in 1 file: hotfix\.js\./);
  });

  it('a long command check running when the tree is found dirty is stopped, not waited for', async () => {
    const repo = await repoWith('<check id="slow"><command>sleep 30</command></check>\n<check id="after"><command>sleep 30</command></check>');
    await writeFile(join(repo.root, 'src/app.js'), 'dirty\n');
    const started = performance.now();
    await expect(gate(repo)).rejects.toThrow(DIRTY);
    // Two 30 s checks; the verdict arrives in milliseconds. Generous bound for a loaded machine.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(await readReceipt(repo.root, 'production')).toBeUndefined();
  });

  it('nobody is asked to attest for a dirty tree, even when git is slow to say so', async () => {
    // The attestation comes first: nothing runs before it that could give the verdict time to arrive.
    const repo = await repoWith('<check id="human"><requirement>A human looked at the release notes</requirement></check>\n<check id="fast"><command>true</command></check>');
    const asked: string[] = [];
    const elicit = async (message: string) => (asked.push(message), { action: 'accept' as const, content: { by: 'Ada', evidence: 'x', confirm: true } });
    // Clean: the human is asked, and the gate passes (this also loads every module the gate uses).
    expect((await gate(repo, { elicit })).ok).toBe(true);
    expect(asked).toHaveLength(1);
    // A second repository (no attestation recorded there), dirty, where git needs a second to say so: a
    // clean filter (repository config) that sleeps, on a file edited to the same size (git must compare content).
    const dirty = await repoWith('<check id="human"><requirement>A human looked at the release notes</requirement></check>\n<check id="fast"><command>true</command></check>');
    dirty.git('config', 'filter.slow.clean', 'sleep 1; cat');
    await writeFile(join(dirty.root, '.git/info/attributes'), 'src/app.js filter=slow\n');
    await writeFile(join(dirty.root, 'src/app.js'), 'ko\n');
    await expect(gate(dirty, { elicit })).rejects.toThrow(DIRTY);
    expect(asked).toHaveLength(1);
  });

  it('the learnings event goes to the configured learnings.dir, which is not dirt', async () => {
    const repo = await makeRepo({ 'shipgate.config.yaml': CONFIG(undefined, 'learnings:\n  dir: ops/lessons\n'), '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="fast"><command>true</command></check>') });
    repos.push(repo);
    expect((await gate(repo)).ok).toBe(true);
    const events = await readFile(join(repo.root, 'ops/lessons/events.jsonl'), 'utf8');
    expect(events.split('\n').filter((l) => l.includes('"phase":"gate"'))).toHaveLength(1);
    // The second gate runs on a tree holding the first one's event: shipgate output, not a change.
    expect((await gate(repo)).ok).toBe(true);
  });

  it('a config that fails to load is the error; the verdict started beside it leaves no unhandled rejection', async () => {
    const repo = await repoWith('<check id="fast"><command>true</command></check>');
    await writeFile(join(repo.root, 'shipgate.config.yaml'), 'environments: [not, a, mapping\n');
    // Not a repository's worth of git either: the early git status fails too, and nobody asks for it.
    await writeFile(join(repo.root, '.git', 'HEAD'), 'garbage\n');
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(gate(repo)).rejects.toThrow(/not valid YAML|no commit to gate/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a caller cancelling reports `cancelled`, not a git failure', async () => {
    const repo = await repoWith('<check id="slow"><command>sleep 30</command></check>');
    const controller = new AbortController();
    const result = gate(repo, { signal: controller.signal, onProgress: (e) => { if (e.status === 'running') controller.abort(); } });
    const done = await result;
    expect(done.ok).toBe(false);
    expect(done.blockedBy).toContain('cancelled');
    expect(done.receipt).toBeUndefined();
  });
});
