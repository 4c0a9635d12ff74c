/** Real temporary git repositories with a bare remote, for the release tests. */
import { afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { realpathSync } from 'node:fs';

export interface Fixture {
  root: string;
  remote: string;
  base: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  read(path: string): string;
  commit(message: string, file?: string): string;
  cleanup(): void;
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

export function createFixture(files: Record<string, string> = { 'package.json': pkg('1.0.0') }, options: { tag?: string | null } = {}): Fixture {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-release-')));
  const root = join(base, 'work');
  const remote = join(base, 'remote.git');
  mkdirSync(root);
  const run = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  run(base, ['init', '-q', '--bare', '-b', 'main', remote]);
  run(root, ['init', '-q', '-b', 'main']);
  // Same as `git config user.name …` ×4 and `git remote add origin`, without five extra processes.
  appendFileSync(
    join(root, '.git', 'config'),
    `[user]\n\tname = Release Test\n\temail = release@test.invalid\n[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n[remote "origin"]\n\turl = ${remote}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`,
  );
  const fixture: Fixture = {
    root,
    remote,
    base,
    git: (...args) => run(root, args),
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    commit(message, file) {
      const name = file ?? `change-${Math.random().toString(36).slice(2)}.txt`;
      fixture.write(name, `${message}\n${Math.random()}\n`);
      run(root, ['add', '--', name]);
      run(root, ['commit', '-q', '-m', message]);
      return run(root, ['rev-parse', 'HEAD']);
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
  for (const [path, text] of Object.entries(files)) fixture.write(path, text);
  run(root, ['add', '-A']);
  run(root, ['commit', '-q', '-m', 'chore: initial']);
  const tag = options.tag === undefined ? 'v1.0.0' : options.tag;
  if (tag) run(root, ['tag', '-a', tag, '-m', `Release ${tag}`]);
  run(root, ['push', '-q', '-u', 'origin', 'main', ...(tag ? [tag] : [])]);
  return fixture;
}

export function pkg(version: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ name: 'demo-app', version, private: true, ...extra }, null, 2)}\n`;
}

/** Everything a release could change: status, HEAD, branch, tags, and the bytes of every file. */
export function snapshot(fixture: Fixture): Record<string, unknown> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = relative(fixture.root, full);
      if (rel === '.git' || rel.startsWith('.claude/shipgate')) continue;
      if (statSync(full).isDirectory()) walk(full);
      else files[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(fixture.root);
  return {
    // shipgate's own machine state (learnings events) is allowed to change; everything else is not.
    status: fixture.git('status', '--porcelain', '--untracked-files=all').split('\n').filter((line) => !line.slice(3).startsWith('.claude/shipgate/')).join('\n'),
    head: fixture.git('rev-parse', 'HEAD'),
    branch: fixture.git('rev-parse', '--symbolic-full-name', 'HEAD'),
    tags: fixture.git('for-each-ref', '--format=%(refname) %(objectname)', 'refs/tags'),
    index: fixture.git('ls-files', '-s'),
    files,
  };
}

export function remoteRefs(fixture: Fixture): string {
  return execFileSync('git', ['for-each-ref', '--format=%(refname) %(objectname)'], { cwd: fixture.remote, encoding: 'utf8' }).trim();
}

/** A createFixture that cleans up every repository it made after each test of the calling file. */
export function fixturesCleanedAfterEach(): (...args: Parameters<typeof createFixture>) => Fixture {
  const made: Fixture[] = [];
  afterEach(() => made.splice(0).forEach((f) => f.cleanup()));
  return (...args) => {
    const f = createFixture(...args);
    made.push(f);
    return f;
  };
}
