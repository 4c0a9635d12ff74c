/**
 * A real project for the guard's tests: a git repository with a bare "production" remote, main
 * tracking origin/main, worktrees on other branches (one whose upstream is main), package.json
 * scripts, a Makefile, GitHub workflows, kubeconfigs, a deployer script and a per-user home with
 * shipgate's state folder. Built once per test file in a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, symlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface GuardFixture {
  base: string;
  repo: string;
  home: string;
  stateRoot: string;
  env: Record<string, string>;
  cleanup(): void;
}

export const FIXTURE_CONFIG = `app: shop
environments:
  staging:
    provider: { type: command, deploy: [node, deployer.mjs, stage, "{version}"] }
  production:
    provider: { type: command, deploy: [node, deployer.mjs, deploy, "{version}"], undo: [./scripts/undo.sh, "{version}"] }
  prod-k8s:
    provider: { type: kubernetes, context: gke_shop_eu, namespace: shop, deployment: api }
  prod-git:
    provider: { type: git-push, remote: origin, branch: main }
`;

export function makeGuardFixture(options: { config?: string } = {}): GuardFixture {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-guard-')));
  const repo = join(base, 'repo');
  const home = join(base, 'home');
  const stateRoot = join(home, '.local/state/shipgate');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: join(home, '.config') };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' }, stdio: 'pipe' });
  mkdirSync(stateRoot, { recursive: true });
  write(join(stateRoot, 'receipts/production.json'), '{}');
  write(join(home, '.kube/config'), 'apiVersion: v1\nkind: Config\ncurrent-context: staging\ncontexts:\n- context:\n    cluster: s\n    namespace: staging\n  name: staging\n');
  write(join(base, 'kube/prod.yaml'), 'apiVersion: v1\ncurrent-context: prod-eu\ncontexts:\n- context:\n    cluster: p\n    namespace: api\n  name: prod-eu\n');
  write(join(base, 'kube/dev.yaml'), 'apiVersion: v1\ncurrent-context: dev\ncontexts:\n- name: dev\n  context:\n    cluster: d\n');
  write(join(base, 'kube/shop.yaml'), 'apiVersion: v1\ncurrent-context: gke_shop_eu\n');
  git(base, 'init', '-q', '--bare', '-b', 'main', 'remote.git');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  write(join(repo, 'shipgate.config.yaml'), options.config ?? FIXTURE_CONFIG);
  write(join(repo, 'deployer.mjs'), 'console.log(process.argv)\n');
  write(join(repo, 'scripts/undo.sh'), '#!/bin/sh\necho undo\n');
  write(join(repo, 'scripts/release.sh'), '#!/usr/bin/env bash\nset -e\nnpm test\ngit push origin HEAD:production\n');
  write(join(repo, 'scripts/lint.sh'), '#!/bin/sh\neslint .\n');
  write(join(repo, 'scripts/no-shebang'), 'echo go\nfly deploy\n');
  write(join(repo, 'scripts/tool.py'), '#!/usr/bin/env python3\nprint("git push origin main:production is what CI does")\n');
  write(join(repo, 'payload.b64'), `${Buffer.from('kubectl apply -n production -f k.yaml').toString('base64')}\n`);
  write(join(repo, 'deploy-steps.sh'), 'vercel --prod\n');
  write(join(repo, 'package.json'), JSON.stringify({ name: 'shop', scripts: { test: 'vitest run', build: 'tsc -p .', lint: 'eslint .', 'deploy:prod': 'vercel --prod', ship: 'npm run build && git push origin HEAD:production', predeploy: 'npm test', deploy: 'echo deploying', 'k8s:prod': 'kubectl apply -k overlays/production', 'k8s:staging': 'kubectl apply -k overlays/staging', storybook: 'storybook dev' } }, null, 2));
  write(join(repo, 'Makefile'), 'all: build\n\nbuild:\n\tnpm run build\n\ntest:\n\t@npm test\n\nrelease: build\n\tkubectl apply -k overlays/production\n\npublish-site:\n\tnetlify deploy --prod --dir dist\n\nrollout: release\n\ndocs:\n\techo docs\n');
  write(join(repo, '.github/workflows/deploy.yml'), 'name: Deploy\non:\n  workflow_dispatch:\n  repository_dispatch:\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./scripts/release.sh\n');
  write(join(repo, '.github/workflows/ci.yml'), 'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
  write(join(repo, '.github/workflows/reproduce-bug.yml'), 'name: Reproduce bug\non: workflow_dispatch\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
  write(join(repo, '.github/workflows/nightly.yml'), 'name: Nightly checks\non: workflow_dispatch\njobs:\n  n:\n    runs-on: ubuntu-latest\n    environment:\n      name: production\n    steps:\n      - run: npm test\n');
  write(join(repo, 'sub/readme.md'), 'sub\n');
  write(join(repo, '.claude/shipgate/receipts/production.json'), '{}');
  write(join(repo, '.claude/shipgate/attestations.jsonl'), '');
  write(join(repo, '.claude/shipgate/learnings/notes.md'), '');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'init');
  git(repo, 'remote', 'add', 'origin', join(base, 'remote.git'));
  git(repo, 'remote', 'add', 'mirror', join(base, 'remote.git'));
  git(repo, 'push', '-q', '-u', 'origin', 'main');
  git(repo, 'remote', 'set-head', 'origin', 'main');
  git(repo, 'branch', 'feature');
  git(repo, 'push', '-q', '-u', 'origin', 'feature');
  git(repo, 'branch', 'topic', '--track', 'origin/main');
  git(repo, 'worktree', 'add', '-q', join(base, 'wt-feature'), 'feature');
  git(repo, 'worktree', 'add', '-q', join(base, 'wt-topic'), 'topic');
  symlinkSync(stateRoot, join(repo, 'state-link'));
  symlinkSync(join(repo, '.claude'), join(base, 'claude-link'));
  return { base, repo, home, stateRoot, env, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * What the red-team rows need beyond the base fixture, in folders of their own so the base rows are
 * unchanged: `hooked/` (a repository with a planted pre-commit hook), `tagged/` (a deploy workflow
 * started by pushes to `release`, `hotfix/**` and `v*` tags, and by releases), `repo/evil-hooks/`,
 * `repo/bin/git-ship` (a git subcommand on a PATH entry), `repo/pkg/` (a postinstall script),
 * `repo/mk*` (Makefiles with `$(shell …)` and variables), `repo/ws/` (npm workspaces).
 */
export function addRedTeamFixtures(fixture: GuardFixture): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture.base, path)), { recursive: true });
    writeFileSync(join(fixture.base, path), text);
  };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd: join(fixture.base, cwd), env: { ...fixture.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' }, stdio: 'pipe' });
  mkdirSync(join(fixture.base, 'hooked'));
  git('hooked', 'init', '-q', '-b', 'work');
  git('hooked', 'remote', 'add', 'origin', '../remote.git');
  write('hooked/.git/hooks/pre-commit', '#!/bin/sh\ngit push origin HEAD:production\n');
  write('repo/evil-hooks/pre-commit', '#!/bin/sh\nvercel --prod\n');
  write('repo/bin/git-ship', '#!/bin/sh\ngit push origin HEAD:production\n');
  chmodSync(join(fixture.base, 'repo/bin/git-ship'), 0o755);
  mkdirSync(join(fixture.base, 'tagged'));
  git('tagged', 'init', '-q', '-b', 'work');
  git('tagged', 'remote', 'add', 'origin', '../remote.git');
  git('tagged', 'commit', '-q', '--allow-empty', '-m', 'x');
  git('tagged', 'tag', 'v1.0.0');
  git('tagged', 'tag', 'x1');
  write('tagged/.github/workflows/release.yml', "name: Release\non:\n  push:\n    tags: ['v*']\n    branches:\n      - release\n      - 'hotfix/**'\n  release:\n    types: [published]\njobs:\n  d:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n");
  write('repo/pkg/package.json', JSON.stringify({ name: 'pkg', scripts: { postinstall: 'git push origin HEAD:production', test: 'echo ok' } }));
  write('repo/mk/Makefile', 'VERSION := $(shell git push origin HEAD:production)\nDEPLOY = vercel --prod\ntest:\n\techo test\n');
  write('repo/mk3/Makefile', 'DEPLOY = vercel --prod\nship:\n\t$(DEPLOY)\nlint:\n\techo lint\n');
  write('repo/mk2/Makefile', 'V := $(shell git describe --tags)\nCC=gcc\nbuild:\n\t$(CC) -o x x.c\n');
  write('repo/ws/package.json', JSON.stringify({ name: 'ws-root', private: true, workspaces: ['packages/*'] }));
  write('repo/ws/packages/api/package.json', JSON.stringify({ name: '@shop/api', scripts: { release: 'fly deploy', build: 'tsc' } }));
  write('repo/ws/packages/web/package.json', JSON.stringify({ name: '@shop/web', scripts: { build: 'vite build' } }));
  // Project scripts that take arguments: the guard reads them with their positional parameters.
  write('repo/scripts/with-env.sh', '#!/bin/sh\nexport NODE_ENV=test\nexec "$@"\n');
  write('repo/scripts/push-branch.sh', '#!/bin/sh\nset -e\ngit push origin "HEAD:$1"\n');
  write('repo/scripts/shifted.sh', '#!/bin/sh\nshift\ngit push origin "HEAD:$1"\n');
  write('repo/scripts/env.sh', 'run() { "$@"; }\neval "$SETUP"\nexport APP_ENV=dev\n');
  // Everyday hook runners, which must keep working: husky 8 and 9, and the pre-commit framework.
  for (const name of ['husky8', 'husky9', 'precommit']) {
    mkdirSync(join(fixture.base, name));
    git(name, 'init', '-q', '-b', 'work');
  }
  git('husky8', 'config', 'core.hooksPath', '.husky');
  write('husky8/.husky/pre-commit', '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx lint-staged\n');
  write('husky8/.husky/_/husky.sh', '#!/usr/bin/env sh\nif [ -z "$husky_skip_init" ]; then\n  readonly husky_skip_init=1\n  export husky_skip_init\n  sh -e "$0" "$@"\n  exitCode="$?"\n  exit $exitCode\nfi\n');
  git('husky9', 'config', 'core.hooksPath', '.husky/_');
  write('husky9/.husky/_/pre-commit', '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n');
  write('husky9/.husky/_/h', '#!/usr/bin/env sh\nn=$(basename "$0")\ns=$(dirname "$(dirname "$0")")/$n\n[ ! -f "$s" ] && exit 0\nsh -e "$s" "$@"\n');
  write('husky9/.husky/pre-commit', 'npm test\n');
  write('precommit/.git/hooks/pre-commit', '#!/usr/bin/env bash\nINSTALL_PYTHON=/usr/bin/python3\nARGS=(hook-impl --config=.pre-commit-config.yaml --hook-type=pre-commit)\nHERE="$(cd "$(dirname "$0")" && pwd)"\nARGS+=(--hook-dir "$HERE" -- "$@")\nif [ -x "$INSTALL_PYTHON" ]; then\n    exec "$INSTALL_PYTHON" -mpre_commit "${ARGS[@]}"\nelif command -v pre-commit > /dev/null; then\n    exec pre-commit "${ARGS[@]}"\nfi\n');
}
