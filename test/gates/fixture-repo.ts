/** Real temp git repositories for gate tests: inline file maps, committed, removed after the test. */
import { mkdtemp, mkdir, writeFile, rm, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';

export interface FixtureRepo {
  root: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): Promise<void>;
  commit(message: string): string;
  cleanup(): Promise<void>;
}

export async function makeRepo(files: Record<string, string>): Promise<FixtureRepo> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'shipgate-gates-')));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.st', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.st' } }).trim();
  const write = async (map: Record<string, string>) => {
    for (const [path, text] of Object.entries(map)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  };
  git('init', '-q', '-b', 'main');
  await write(files);
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  commit('initial');
  return { root, git, write, commit, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A gate skill with one blocking safety gate holding the given `<check>` blocks. */
export function gateSkill(checks: string, type: 'blocking' | 'advisory' = 'blocking', extra = ''): string {
  return `---
name: test-gate
description: Test gate skill used by shipgate's gate engine tests.
---

# Test gate

<safety_gate type="${type}" phase="pre-deploy">
<purpose>Block unsafe deploys</purpose>
<checks>
${checks}
</checks>
</safety_gate>
${extra}
`;
}

export const CONFIG = (gates = '[.claude/skills/test-gate/SKILL.md]', extra = '') => `environments:
  production:
    gates: ${gates}
    provider: { type: git-push, remote: origin, branch: production }
${extra}`;

/** A Wednesday morning, UTC: inside the default window. */
export const WEDNESDAY = () => new Date('2026-11-18T10:00:00Z');
/** A Friday afternoon, UTC: inside the default deny window. */
export const FRIDAY_AFTERNOON = () => new Date('2026-11-20T15:30:00Z');
