/**
 * team/ssh-signature.ts with real ssh-keygen: a record signed with a key verifies against an
 * allowed_signers line for it, a changed byte does not. The files ssh-keygen reads are written under
 * the state root, never the temp folder (which the agent's sandbox may write: an allowed_signers
 * swapped there before `-Y verify` would let the agent's key sign): with a temp folder that does not
 * exist, both still work, and nothing is left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signText, verifyText } from '../../mcp-server/src/team/ssh-signature.js';
import { stateRoot } from '../../mcp-server/src/project/state-dir.js';

let dir: string;
const savedTmp = process.env.TMPDIR;
const savedState = process.env.SHIPGATE_STATE_DIR;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipgate-sshsig-'));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ada@example.com', '-f', join(dir, 'ada')]);
  process.env.TMPDIR = join(dir, 'no-such-temp-folder');
  // A state root of this file's own: other files verify in parallel.
  process.env.SHIPGATE_STATE_DIR = join(dir, 'state');
});
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  process.env.SHIPGATE_STATE_DIR = savedState;
  rmSync(dir, { recursive: true, force: true });
});

describe('team/ssh-signature', () => {
  it('signs and verifies without the temp folder; a changed byte is refused; nothing is left under <state root>/tmp', async () => {
    expect(tmpdir()).toBe(join(dir, 'no-such-temp-folder'));
    const allowed = `ada@example.com namespaces="shipgate" ${readFileSync(join(dir, 'ada.pub'), 'utf8')}`;
    const text = '{"commit":"abc","ok":true}\n';
    const signature = await signText(dir, join(dir, 'ada'), text);
    expect(signature).toContain('BEGIN SSH SIGNATURE');
    expect(await verifyText(dir, text, signature, allowed)).toEqual({ ok: true, principal: 'ada@example.com' });
    expect(await verifyText(dir, text.replace('true', 'fals'), signature, allowed)).toMatchObject({ ok: false, problem: 'bad-signature' });
    expect(existsSync(tmpdir())).toBe(false);
    expect(stateRoot()).toBe(join(dir, 'state'));
    expect(readdirSync(join(stateRoot(), 'tmp'))).toEqual([]);
  });
});
