/**
 * The confinement policy comes from the config and Claude Code's settings files only: hardened mode
 * makes it required (a local settings file cannot undo that, nor `confine: false`), `protection.confine:
 * true` makes it required without hardening, it is off otherwise, and `doctor` says which applies.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../../mcp-server/src/config/schema.js';
import { projectCommandConfinement } from '../../mcp-server/src/protection/command-confinement.js';
import { keyPaths, stateRoot } from '../../mcp-server/src/project/state-dir.js';
import { runDoctor } from '../../mcp-server/src/protection/doctor.js';

let root: string;
let home: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shipgate-policy-'));
  home = join(root, 'home');
  await mkdir(join(root, '.claude'), { recursive: true });
  await mkdir(home);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const env = () => ({ ...process.env, HOME: home });
const config = (protection: Record<string, unknown> = {}) => configSchema.parse({ protection });

describe('protection/command-confinement', () => {
  it('protection.confine: true: state root and key folder hidden, git\'s code paths read-only, required', async () => {
    const policy = await projectCommandConfinement(root, config({ confine: true }), env());
    expect(policy).toMatchObject({ hidden: [stateRoot(env()), keyPaths(env()).dir], required: process.platform === 'linux' });
    // What makes shipgate's own (unconfined) git run code is read-only to the command.
    expect(policy?.readOnly).toEqual(expect.arrayContaining([join(root, '.git', 'hooks'), join(root, '.git', 'config'), join(home, '.gitconfig')]));
  });

  it('not hardened and not asked for (unset or false): unconfined, since the agent reaches the key itself', async () => {
    expect(await projectCommandConfinement(root, config(), env())).toBeUndefined();
    expect(await projectCommandConfinement(root, config({ confine: false }), env())).toBeUndefined();
  });

  it('hardened (sandbox.enabled in .claude/settings.json): required, the opt-out ignored, and a local file cannot undo it', async () => {
    await writeFile(join(root, '.claude', 'settings.json'), JSON.stringify({ sandbox: { enabled: true } }));
    await writeFile(join(root, '.claude', 'settings.local.json'), JSON.stringify({ sandbox: { enabled: false } }));
    const policy = await projectCommandConfinement(root, config({ confine: false }), env());
    expect(policy?.required).toBe(process.platform === 'linux');
    expect(policy?.hidden).toEqual([stateRoot(env()), keyPaths(env()).dir]);
  });

  it('doctor reports the confinement (bubblewrap works here), and says when it is off', async () => {
    await writeFile(join(root, 'shipgate.config.yaml'), 'app: x\nprotection:\n  confine: true\n');
    const report = await runDoctor(root, { env: env(), managed: join(root, 'none.json') });
    expect(report.checks.find((c) => c.id === 'project-commands-confined')).toMatchObject({ ok: true, level: 'sandboxed' });
    await writeFile(join(root, 'shipgate.config.yaml'), 'app: x\n');
    const off = await runDoctor(root, { env: env(), managed: join(root, 'none.json') });
    expect(off.checks.find((c) => c.id === 'project-commands-confined')).toBeUndefined();
    expect(off.notices.join('\n')).toMatch(/run unconfined: at this level the agent runs as you/);
  });
});
