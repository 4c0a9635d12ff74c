/**
 * `.git/index` is the agent's to write (the project folder, also from its sandbox), and git status
 * trusts a file whose size, times and inode match its index entry without reading it. The attack: commit
 * the bad code, put the good code in the working tree, and rewrite the index entry's stat data to match
 * the good file (keeping the bad blob id, and the index checksum right). git status then says "clean",
 * the gate would test the good file and the receipt would name the bad commit. shipgate reads every
 * tracked file against a fresh index from HEAD, so the gate refuses, naming the file; the control shows
 * that plain `git status` is fooled by the same index.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSecurityProject, WEDNESDAY, type SecurityProject } from './project.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

let p: SecurityProject;
beforeEach(async () => {
  p = await makeSecurityProject();
});
afterEach(async () => p.cleanup());

const humanAttests = () => recordAttestation({ projectRoot: p.root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'PR #12 reviewed', via: 'cli', now: WEDNESDAY });
const gate = () => runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
const deploy = () => runDeploy({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });

/** What an agent's short script does: make the index entry of `path` carry the file's current stat data. */
function forgeIndexEntry(root: string, path: string): void {
  const file = join(root, '.git', 'index');
  const data = readFileSync(file);
  const count = data.readUInt32BE(8);
  let at = 12;
  for (let n = 0; n < count; n += 1) {
    const nameLength = data.readUInt16BE(at + 60) & 0xfff;
    const name = data.toString('utf8', at + 62, at + 62 + nameLength);
    if (name === path) {
      const st = statSync(join(root, path), { bigint: true });
      const seconds = (ns: bigint) => Number(ns / 1_000_000_000n);
      const nanos = (ns: bigint) => Number(ns % 1_000_000_000n);
      data.writeUInt32BE(seconds(st.ctimeNs), at);
      data.writeUInt32BE(nanos(st.ctimeNs), at + 4);
      data.writeUInt32BE(seconds(st.mtimeNs), at + 8);
      data.writeUInt32BE(nanos(st.mtimeNs), at + 12);
      data.writeUInt32BE(Number(st.dev & 0xffffffffn), at + 16);
      data.writeUInt32BE(Number(st.ino & 0xffffffffn), at + 20);
      data.writeUInt32BE(Number(st.size & 0xffffffffn), at + 36);
    }
    at += (62 + nameLength + 8) & ~7;
  }
  const body = data.subarray(0, data.length - 20);
  writeFileSync(file, Buffer.concat([body, createHash('sha1').update(body).digest()]));
}

describe('a forged index', () => {
  it('bad commit + good working tree + an index that vouches for it: the gate refuses, naming the file; production keeps serving', async () => {
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    const deployed = await deploy();
    if (deployed.dryRun) throw new Error('dry run');
    p.commit('docs: deployment record');
    const served = p.production();
    await p.release('1.1.0', { 'src/app.js': 'console.log("bad");\n' });
    await p.write({ 'src/app.js': 'console.log("good 1.0.0");\n' });
    // Git's racy-clean rule: an entry older than the index file is trusted without reading the file.
    await new Promise((done) => setTimeout(done, 1100));
    forgeIndexEntry(p.root, 'src/app.js');
    // Control: plain git status is fooled, while HEAD really holds the bad code.
    expect(p.git('status', '--porcelain')).toBe('');
    expect(p.git('show', 'HEAD:src/app.js')).toBe('console.log("bad");');
    await humanAttests();
    const error = await gate().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as BlockedError).describe()).toMatch(/working tree differs from the commit in 1 file: src\/app\.js/);
    const refused = await deploy().then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(BlockedError);
    expect(p.production()).toBe(served);
  });
});
