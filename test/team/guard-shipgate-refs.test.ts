/**
 * The PreToolUse guard refuses the assistant's hand-made pushes to refs/shipgate/* (the friendly first
 * refusal; compare-and-swap and signatures are the wall), and leaves reads and ordinary pushes alone.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyCommand as classify, type GuardVerdict } from '../../mcp-server/src/gates/guard/classify-command.js';
import { DEFAULT_GUARD_POLICY } from '../../mcp-server/src/gates/guard/guard-policy.js';
import { fsLookup } from '../../mcp-server/src/gates/guard/fs-lookup.js';

/** An empty folder outside any repository, so only the command text decides. */
const cwd = mkdtempSync(join(tmpdir(), 'shipgate-refs-'));
const env = { HOME: join(cwd, 'home') };
const classifyCommand = (command: string): GuardVerdict => classify(command, { policy: DEFAULT_GUARD_POLICY, env, cwd, files: fsLookup() });

const BLOCKED = [
  'git push origin :refs/shipgate/locks/production',
  'git push -f origin deadbeef:refs/shipgate/history/production',
  'git push origin +HEAD:refs/shipgate/gates/production/0123456789abcdef0123456789abcdef01234567',
  'git push origin --delete refs/shipgate/locks/production',
  "git push origin 'refs/shipgate/*'",
  'git -C app push --force-with-lease=refs/shipgate/locks/production: origin abc:refs/shipgate/locks/production',
  'git push --mirror origin',
  'true && git push origin :refs/shipgate/locks/production',
];

const ALLOWED = [
  "git fetch origin '+refs/shipgate/*:refs/shipgate/*'",
  'git push origin main',
  'git ls-remote origin refs/shipgate/locks/production',
  'git log refs/shipgate/history/production',
];

describe('guard: refs/shipgate/* on the remote', () => {
  it.each(BLOCKED)('blocks %s', (command) => {
    const verdict = classifyCommand(command);
    expect(verdict.blocked).toBe(true);
    expect(verdict.reason).toMatch(/refs\/shipgate|--mirror/);
  });
  it.each(ALLOWED)('allows %s', (command) => {
    expect(classifyCommand(command)).toEqual({ blocked: false });
  });
});
