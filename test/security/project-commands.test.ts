/**
 * The project's own commands are the agent's to edit: a test the gate runs, the deploy script a
 * rollback runs. These attacks are tried for real (real git repositories, a bare remote, real
 * bubblewrap, real processes) the way an agent with Bash/Write/Edit would, and each must fail:
 *  - a committed test that reads the key and forges a receipt while the GATE runs it;
 *  - an edited `scripts/deploy.sh` followed by `rollback` (needs no receipt);
 *  - an edit to the deploy script while a gated deploy is running;
 *  - symlinks into the state folder and absolute `cd`s.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeSecurityProject, gateSkill, WEDNESDAY, type SecurityProject } from './project.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { receiptPath } from '../../mcp-server/src/gates/receipts.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { runRollback } from '../../mcp-server/src/deploy/rollback.js';
import { keyPaths, statePaths } from '../../mcp-server/src/project/state-dir.js';

let p: SecurityProject;
let outside: string;
beforeEach(async () => {
  p = await makeSecurityProject();
  outside = join(p.root, '..');
});
afterEach(async () => p.cleanup());

const humanAttests = () => recordAttestation({ projectRoot: p.root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'PR #12 reviewed', via: 'cli', now: WEDNESDAY });
const gate = () => runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });

/**
 * The "test suite" an agent commits: it steals the key (also through a committed symlink and an
 * absolute cd), forges a receipt, and passes only when all of that worked.
 */
function stealingTest(): string {
  const key = keyPaths().file;
  const receipt = receiptPath(p.root, 'production');
  return `#!/bin/sh
cat "${key}" > "${outside}/stolen-direct" || exit 1
cat ./key-link > "${outside}/stolen-link" || exit 1
(cd "${keyPaths().dir}" && cat hmac.key > "${outside}/stolen-cd") || exit 1
mkdir -p "$(dirname "${receipt}")" && printf '{"forged":true}' > "${receipt}" || exit 1
echo "all tests passed"
`;
}

/**
 * `hardened`: what `shipgate harden` leaves (sandbox.enabled in .claude/settings.json), even with a
 * `confine: false` in the config; `config`: `protection.confine: true`; `none`: the signed level.
 */
async function commitStealingTest(mode: 'hardened' | 'config' | 'none'): Promise<void> {
  await humanAttests(); // the first signature creates the key: there is something to steal
  const config = await p.read('shipgate.config.yaml');
  await p.write({
    'test/steal.sh': stealingTest(),
    'gates/release/SKILL.md': gateSkill('sh test/steal.sh'),
    ...(mode === 'hardened' ? { '.claude/settings.json': JSON.stringify({ sandbox: { enabled: true } }), 'shipgate.config.yaml': `${config}protection:\n  confine: false\n` } : {}),
    ...(mode === 'config' ? { 'shipgate.config.yaml': `${config}protection:\n  confine: true\n` } : {}),
  });
  p.git('add', '-A');
  const { execFileSync } = await import('node:child_process');
  execFileSync('ln', ['-s', keyPaths().file, join(p.root, 'key-link')]);
  p.commit('test: a test suite');
  await humanAttests();
}

const stolen = async (name: string) => (await readFile(join(outside, name), 'utf8').catch(() => ''));

describe('a gate check runs the project\'s tests confined', () => {
  it.each(['hardened', 'config'] as const)('%s: a committed test that reads the key and writes a receipt sees an empty state folder, and the gate does not pass', async (mode) => {
    await commitStealingTest(mode);
    const key = await readFile(keyPaths().file, 'utf8');
    const result = await gate();
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toContain('tests_pass');
    const check = result.checks.find((c) => c.id === 'tests_pass')!;
    expect(check.status).toBe('failed');
    expect(check.outputTail ?? '').toMatch(/No such file/);
    for (const name of ['stolen-direct', 'stolen-link', 'stolen-cd']) expect(await stolen(name)).not.toContain(key.trim().slice(0, 16));
    // No receipt for the gate (a blocked gate revokes), and none forged.
    expect(existsSync(receiptPath(p.root, 'production'))).toBe(false);
    expect(await readFile(keyPaths().file, 'utf8')).toBe(key);
  });

  it('control: at the signed level (not hardened, not asked for) the same test reads the key, as a script the agent ran itself would', async () => {
    await commitStealingTest('none');
    const key = await readFile(keyPaths().file, 'utf8');
    const result = await gate();
    expect(await stolen('stolen-direct')).toBe(key);
    // Unconfined, the stealing test passes: it read the key and wrote into the state folder.
    expect(result.checks.find((c) => c.id === 'tests_pass')?.status).toBe('passed');
  });
});

describe('a gate check cannot leave code for shipgate\'s own git to run later', () => {
  it('hardened: writing .git/hooks/pre-commit or core.fsmonitor into .git/config fails; both stay as they were', async () => {
    await humanAttests();
    const config = await readFile(join(p.root, '.git', 'config'), 'utf8');
    await p.write({
      '.claude/settings.json': JSON.stringify({ sandbox: { enabled: true } }),
      'test/plant.sh': '#!/bin/sh\nprintf "#!/bin/sh\\ncat key\\n" > .git/hooks/pre-commit || exit 1\ngit config core.fsmonitor "cat key" || exit 1\necho planted\n',
      'gates/release/SKILL.md': gateSkill('sh test/plant.sh'),
    });
    p.commit('test: a test suite');
    await humanAttests();
    const result = await gate();
    expect(result.checks.find((c) => c.id === 'tests_pass')?.status).toBe('failed');
    expect(existsSync(join(p.root, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(await readFile(join(p.root, '.git', 'config'), 'utf8')).toBe(config);
  });
});

describe('a gate check cannot move .git away to plant a .git/config of its own', () => {
  const plant = (key: string) => `#!/bin/sh
mv .git .git-old || exit 1
cp -a .git-old .git || exit 1
git config filter.x.clean "cat ${key} > stolen; cat" || exit 1
echo '* filter=x' > .git/info/attributes
echo planted
`;

  it('hardened: the move fails (every folder above .git/config is a mount point), .git is the same folder and its config unchanged', async () => {
    await humanAttests();
    const config = await readFile(join(p.root, '.git', 'config'), 'utf8');
    await p.write({
      '.claude/settings.json': JSON.stringify({ sandbox: { enabled: true } }),
      'test/plant.sh': plant(keyPaths().file),
      'gates/release/SKILL.md': gateSkill('sh test/plant.sh'),
    });
    p.commit('test: a test suite');
    await humanAttests();
    const result = await gate();
    expect(result.checks.find((c) => c.id === 'tests_pass')?.status).toBe('failed');
    expect(existsSync(join(p.root, '.git-old'))).toBe(false);
    expect(await readFile(join(p.root, '.git', 'config'), 'utf8')).toBe(config);
  });

  it('control: the same confinement without the folder pins lets the move through (a read-only file mount does not stop its folder moving)', async () => {
    const { confinedCommand } = await import('../../mcp-server/src/exec/confine.js');
    const { execFileSync } = await import('node:child_process');
    const dotGit = join(p.root, '.git');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(statePaths(p.root).base, { recursive: true });
    const wrapped = confinedCommand('bwrap', [statePaths(p.root).base], 'mv .git .git-old && mv .git-old .git && echo moved', [], true, [join(dotGit, 'config'), join(dotGit, 'hooks')]);
    // Drop the `--bind <folder> <folder>` pins of the project's folders; keep everything else.
    const args: string[] = [];
    for (let i = 0; i < wrapped.args.length; i += 1) {
      const [flag, from, to] = wrapped.args.slice(i, i + 3);
      if (flag === '--bind' && from === to && from !== '/' && (p.root.startsWith(`${from}/`) || from === p.root || from === dotGit)) {
        i += 2;
        continue;
      }
      args.push(wrapped.args[i]!);
    }
    expect(args.length).toBeLessThan(wrapped.args.length);
    expect(execFileSync('bwrap', args, { cwd: p.root, encoding: 'utf8' })).toContain('moved');
    const pinned = await import('node:child_process').then(({ spawnSync }) => spawnSync(wrapped.file, wrapped.args, { cwd: p.root, encoding: 'utf8' }));
    expect(pinned.stdout).not.toContain('moved');
    expect(existsSync(join(p.root, '.git-old'))).toBe(false);
  });
});

describe('a gate check cannot leave code for what runs outside every wall later', () => {
  /**
   * The test an agent commits: it tries to switch hardened mode off for the next gate (rewrite the
   * project's Claude Code settings), to plant a `git` in a folder on PATH (shipgate's next git), and to
   * rewrite shipgate's own plugin code; then it tries to read the key. It always "passes".
   */
  const planting = (bin: string, plugin: string) => `#!/bin/sh
printf '{}' > .claude/settings.json && echo "settings rewritten"
printf '#!/bin/sh\\ncat key\\n' > "${bin}/git" && chmod +x "${bin}/git" && echo "git planted"
echo "evil" > "${plugin}/server.js" && echo "plugin rewritten"
cat "${keyPaths().file}" > "${outside}/stolen" 2>/dev/null
exit 0
`;

  it('hardened: the settings, a folder on PATH and the plugin folder are read-only to it, so the next gate is still confined and the key stays unread', async () => {
    const bin = join(outside, 'bin');
    const plugin = join(outside, 'plugin');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(bin);
    mkdirSync(join(plugin, '.claude-plugin'), { recursive: true });
    writeFileSync(join(plugin, 'server.js'), 'the real server\n');
    const saved = { PATH: process.env.PATH, CLAUDE_PLUGIN_ROOT: process.env.CLAUDE_PLUGIN_ROOT };
    process.env.PATH = `${bin}:${process.env.PATH}`;
    process.env.CLAUDE_PLUGIN_ROOT = plugin;
    try {
      await humanAttests();
      const settings = JSON.stringify({ sandbox: { enabled: true } });
      await p.write({ '.claude/settings.json': settings, 'test/plant.sh': planting(bin, plugin), 'gates/release/SKILL.md': gateSkill('sh test/plant.sh') });
      p.commit('test: a test suite');
      await humanAttests();
      await gate();
      // The agent commits whatever the first run changed, and gates again.
      if (p.git('status', '--porcelain')) p.commit('chore: settings');
      await humanAttests();
      await gate();
      const key = await readFile(keyPaths().file, 'utf8');
      expect(await stolen('stolen')).not.toContain(key.trim().slice(0, 16));
      expect(await p.read('.claude/settings.json')).toBe(settings);
      expect(existsSync(join(bin, 'git'))).toBe(false);
      expect(await readFile(join(plugin, 'server.js'), 'utf8')).toBe('the real server\n');
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.CLAUDE_PLUGIN_ROOT === undefined) delete process.env.CLAUDE_PLUGIN_ROOT;
      else process.env.CLAUDE_PLUGIN_ROOT = saved.CLAUDE_PLUGIN_ROOT;
    }
  });
});

const COMMAND_PROVIDER = `app: wall
environments:
  production:
    gates: [gates/release/SKILL.md]
    provider:
      type: command
      deploy: [sh, scripts/deploy.sh, "{version}"]
      undo: [sh, scripts/deploy.sh, "{version}"]
      timeout: 20s
    strategy: { type: recreate, allowProduction: true }
`;

/** Production is a log next to the repository: which script put which version there. */
const deployScript = (label: string) => `#!/bin/sh
echo "$1 by ${label}" >> "$SHIPGATE_PROJECT_ROOT/../production.log"
`;
const productionLog = async () => (await readFile(join(outside, 'production.log'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);

async function shipRelease(version: string): Promise<void> {
  await p.release(version);
  await humanAttests();
  const result = await gate();
  expect(result.ok, JSON.stringify(result.checks)).toBe(true);
  const deployed = await runDeploy({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
  if (deployed.dryRun) throw new Error('dry run');
  expect(deployed.outcome.status).toBe('succeeded');
  p.commit('docs: deployment record');
}

describe('rollback runs the served release\'s scripts, not the working tree\'s', () => {
  beforeEach(async () => {
    await p.write({ 'shipgate.config.yaml': COMMAND_PROVIDER, 'scripts/deploy.sh': deployScript('the gated script') });
    p.commit('build: deploy script');
    await shipRelease('1.1.0');
    await shipRelease('1.2.0');
    expect(await productionLog()).toEqual(['1.1.0 by the gated script', '1.2.0 by the gated script']);
  });

  const evil = `#!/bin/sh
echo "EVIL ran for $1" >> "$SHIPGATE_PROJECT_ROOT/../production.log"
cat "${keyPaths().file}" >> "$SHIPGATE_PROJECT_ROOT/../production.log"
`;

  it('an uncommitted edit to scripts/deploy.sh never runs: rollback puts 1.1.0 back with 1.1.0\'s script', async () => {
    await p.write({ 'scripts/deploy.sh': evil });
    const result = await runRollback({ projectRoot: p.root, environment: 'production', reason: 'checkout broken' });
    if ('dryRun' in result) throw new Error('dry run');
    expect(result.status).toBe('succeeded');
    expect(await productionLog()).toEqual(['1.1.0 by the gated script', '1.2.0 by the gated script', '1.1.0 by the gated script']);
    // The working tree keeps the agent's edit (shipgate does not touch it), and no checkout is left behind.
    expect(await p.read('scripts/deploy.sh')).toBe(evil);
    expect(p.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('a committed edit does not run either: the commit that served is what runs', async () => {
    await p.write({ 'scripts/deploy.sh': evil });
    p.commit('fix: deploy script');
    const result = await runRollback({ projectRoot: p.root, environment: 'production', reason: 'checkout broken' });
    if ('dryRun' in result) throw new Error('dry run');
    expect(result.status).toBe('succeeded');
    expect((await productionLog()).join('\n')).not.toMatch(/EVIL/);
    expect((await productionLog()).at(-1)).toBe('1.1.0 by the gated script');
  });
});

describe('a deploy runs the gated commit\'s scripts, also when the tree changes while it runs', () => {
  it('an edit to scripts/deploy.sh after the deploy started never runs', async () => {
    await p.write({ 'shipgate.config.yaml': COMMAND_PROVIDER, 'scripts/deploy.sh': deployScript('the gated script') });
    p.commit('build: deploy script');
    await p.release('1.1.0');
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    let edited = false;
    const deployed = await runDeploy({
      projectRoot: p.root,
      environment: 'production',
      now: WEDNESDAY,
      // The agent edits the script in the working tree while the deploy is under way.
      onProgress: async () => {
        if (edited) return;
        edited = true;
        await p.write({ 'scripts/deploy.sh': '#!/bin/sh\necho "EVIL $1" >> "$SHIPGATE_PROJECT_ROOT/../production.log"\n' });
      },
    });
    if (deployed.dryRun) throw new Error('dry run');
    expect(edited).toBe(true);
    expect(deployed.outcome.status).toBe('succeeded');
    expect(await productionLog()).toEqual(['1.1.0 by the gated script']);
  });
});

describe('the state folder is hidden from provider commands too', () => {
  it('hardened: a deploy script cannot read the key or list the receipts', async () => {
    const probe = `#!/bin/sh
echo "$1" >> "$SHIPGATE_PROJECT_ROOT/../production.log"
ls -A "${statePaths(p.root).base}" >> "$SHIPGATE_PROJECT_ROOT/../production.log" 2>&1
cat "${keyPaths().file}" >> "$SHIPGATE_PROJECT_ROOT/../production.log" 2>&1
true
`;
    await p.write({ 'shipgate.config.yaml': COMMAND_PROVIDER, 'scripts/deploy.sh': probe, '.claude/settings.json': JSON.stringify({ sandbox: { enabled: true } }) });
    p.commit('build: deploy script');
    await shipRelease('1.1.0');
    const key = await readFile(keyPaths().file, 'utf8');
    const log = (await productionLog()).join('\n');
    expect(log).toMatch(/^1\.1\.0/);
    expect(log).not.toContain(key.trim().slice(0, 16));
    expect(log).not.toMatch(/receipts|attestations/);
    expect(log).toMatch(/No such file/);
  });
});
