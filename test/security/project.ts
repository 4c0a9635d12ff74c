/**
 * A small real project for the bypass tests: a git repository with a gate skill (one command check,
 * one human check), a git-push "production" (a branch of a bare remote) and releases tagged like
 * `shipgate bump` tags them. `production()` is what the remote's production branch serves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const WEDNESDAY = () => new Date('2026-11-18T10:00:00Z');

export const gateSkill = (command = 'true') => `---
name: release-gate
description: Gate for the bypass tests. Use before a production deploy.
---
# Release gate

<safety_gate type="blocking" phase="pre-deploy">
<purpose>Only tested, reviewed code ships.</purpose>
<checks>
<check id="tests_pass">
  <command>${command}</command>
  <expected>exit code 0</expected>
  <failure_mode>the gate blocks</failure_mode>
</check>
<check id="code_review">
  <requirement>A second person reviewed the release.</requirement>
  <verification>A human confirms the review.</verification>
  <failure_mode>the gate blocks</failure_mode>
</check>
</checks>
</safety_gate>
`;

export const CONFIG = `app: wall
environments:
  production:
    gates: [gates/release/SKILL.md]
    provider: { type: git-push, remote: origin, branch: production }
    strategy: { type: rolling }
  staging:
    gates: [gates/release/SKILL.md]
    provider: { type: git-push, remote: origin, branch: staging }
    strategy: { type: rolling }
`;

export interface SecurityProject {
  root: string;
  remote: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): Promise<void>;
  read(path: string): Promise<string>;
  commit(message: string): string;
  /** Bump the version in package.json, add a changelog entry, commit and tag like `shipgate bump`. */
  release(version: string, extra?: Record<string, string>): Promise<string>;
  /** The sha the production branch of the remote points to ('' when none). */
  production(): string;
  cleanup(): Promise<void>;
}

export async function makeSecurityProject(): Promise<SecurityProject> {
  const base = await realpath(await mkdtemp(join(tmpdir(), 'shipgate-wall-')));
  const root = join(base, 'app');
  const remote = join(base, 'remote.git');
  await mkdir(root);
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.st', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.st' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env }).trim();
  const write = async (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  await write({
    'package.json': `${JSON.stringify({ name: 'wall', version: '1.0.0', private: true, scripts: { start: 'node src/app.js' } }, null, 2)}\n`,
    'CHANGELOG.md': '# Changelog\n',
    'src/app.js': 'console.log("good 1.0.0");\n',
    'gates/release/SKILL.md': gateSkill(),
    'shipgate.config.yaml': CONFIG,
    // What `shipgate init` writes: learnings are committed on their own, records are reviewed output.
    '.gitignore': '.claude/shipgate/\n',
  });
  execFileSync('git', ['init', '-q', '--bare', remote]);
  git('init', '-q', '-b', 'main');
  commit('chore: app 1.0.0');
  git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
  git('remote', 'add', 'origin', remote);
  const release = async (version: string, extra: Record<string, string> = {}) => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    pkg.version = version;
    const changelog = await readFile(join(root, 'CHANGELOG.md'), 'utf8');
    await write({ 'package.json': `${JSON.stringify(pkg, null, 2)}\n`, 'CHANGELOG.md': `${changelog}\n## ${version}\n`, ...extra });
    const sha = commit(`chore(release): ${version}`);
    git('tag', '-a', `v${version}`, '-m', `v${version}`);
    return sha;
  };
  return {
    root,
    remote,
    git,
    write,
    read: (path) => readFile(join(root, path), 'utf8'),
    commit,
    release,
    production: () => execFileSync('git', ['ls-remote', remote, 'refs/heads/production'], { encoding: 'utf8' }).split(/\s+/)[0] ?? '',
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}
