/**
 * A team in temp folders: one bare repository standing for the team's git remote ("production's"
 * coordination point), a seed repository that commits the app and pushes it, and independent clones,
 * each with its own HOME (its own ~/.gitconfig, git identity and SSH key). Clones run the built CLI as
 * separate processes with their HOME, the way two developers' laptops would.
 *
 * The app deploys with the command provider: `deploy.mjs` writes the version to a file standing for
 * production and, when SHIPGATE_TEST_BARRIER names a file, waits for it first (so a test can hold a
 * deploy inside its lock for as long as it needs, without sleeping).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const CLI = resolve(__dirname, '../../mcp-server/dist/cli.js');

export interface Member {
  name: string;
  email: string;
  home: string;
  root: string;
  /** SSH private key (ed25519, no passphrase) configured as git's user.signingkey. */
  key: string;
  publicKey: string;
  env: NodeJS.ProcessEnv;
}

export interface Team {
  base: string;
  remote: string;
  /** The file the command provider writes: what "production" serves. */
  production: string;
  seed: string;
  members: Member[];
  cleanup(): void;
}

export interface TeamOptions {
  lease?: string;
  /** Extra top-level YAML for the team section (replaces the default). */
  teamYaml?: string;
  /** Members whose public keys go into allowed_signers (default: all). */
  allowed?: number[];
  memberNames?: string[];
}

const GATE = `---
name: team-release-gate
description: Blocking release gate for the team fixture. Use before deploying the fixture app. Not for other apps.
---
# Release gate

<safety_gate type="blocking" phase="pre-deploy">
<purpose>The fixture app's tests pass.</purpose>
<checks>
- <check id="app_tests_pass">
  <command>node test.mjs</command>
  <expected>exit 0</expected>
  <failure_mode>the gate blocks</failure_mode>
</check>
</checks>
</safety_gate>
`;

const DEPLOY = `import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
const barrier = process.env.SHIPGATE_TEST_BARRIER;
const started = Date.now();
while (barrier && !existsSync(barrier) && Date.now() - started < 120000) await new Promise((r) => setTimeout(r, 20));
const production = process.env.SHIPGATE_TEST_PRODUCTION ?? 'live.txt';
writeFileSync(production, process.argv[2] + '\\n');
// It runs in a checkout of the release; SHIPGATE_PROJECT_ROOT names the clone that deployed.
appendFileSync(production + '.log', basename(process.env.SHIPGATE_PROJECT_ROOT ?? process.cwd()) + ' ' + process.argv[2] + '\\n');
`;

export function run(cwd: string, file: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(file, args, { cwd, encoding: 'utf8', env }).trim();
}

function memberEnv(home: string, production: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, CI: '1', SHIPGATE_TEST_PRODUCTION: production, GIT_CONFIG_NOSYSTEM: '1' };
  for (const key of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'XDG_CONFIG_HOME', 'SHIPGATE_TEST_BARRIER', 'SSH_AUTH_SOCK']) delete env[key];
  return env;
}

/** A person with a HOME, a git identity and an SSH signing key (not yet with a clone). */
export function makePerson(base: string, name: string, production: string): Omit<Member, 'root'> {
  const slug = name.toLowerCase();
  const home = join(base, `home-${slug}`);
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const key = join(home, '.ssh', 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `${slug}@example.com`, '-f', key]);
  const email = `${slug}@example.com`;
  writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = ${name}\n\temail = ${email}\n\tsigningkey = ${key}\n[gpg]\n\tformat = ssh\n[init]\n\tdefaultBranch = main\n`);
  return { name, email, home, key, publicKey: readFileSync(`${key}.pub`, 'utf8').trim(), env: memberEnv(home, production) };
}

export function makeTeam(options: TeamOptions = {}): Team {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-team-')));
  const remote = join(base, 'remote.git');
  const production = join(base, 'production.txt');
  const names = options.memberNames ?? ['Ada', 'Bo'];
  const people = names.map((n) => makePerson(base, n, production));
  const allowed = (options.allowed ?? people.map((_, i) => i)).map((i) => people[i]!);
  const seed = join(base, 'seed');
  const seedEnv = people[0]!.env;
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'team-app', version: '1.0.0', private: true }, null, 2)}\n`,
    'test.mjs': 'process.exit(0);\n',
    'deploy.mjs': DEPLOY,
    'gates/release/SKILL.md': GATE,
    '.gitignore': 'live.txt\n',
    '.shipgate/allowed_signers': allowed.map((p) => `${p.email} namespaces="shipgate" ${p.publicKey}`).join('\n') + '\n',
    'shipgate.config.yaml': `app: team-app
${options.teamYaml ?? `team:\n  remote: origin\n  lease: ${options.lease ?? '10m'}\n  timeout: 20s\n`}environments:
  production:
    gates: [gates/release/SKILL.md]
    provider:
      type: command
      deploy: [node, deploy.mjs, "{version}"]
      undo: [node, deploy.mjs, "{version}"]
      timeout: 150s
    strategy: { type: recreate, allowProduction: true }
`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(seed, path)), { recursive: true });
    writeFileSync(join(seed, path), text);
  }
  run(base, 'git', ['init', '-q', '--bare', remote], seedEnv);
  run(seed, 'git', ['init', '-q', '-b', 'main'], seedEnv);
  run(seed, 'git', ['add', '-A'], seedEnv);
  run(seed, 'git', ['commit', '-q', '-m', 'chore: team app 1.0.0'], seedEnv);
  run(seed, 'git', ['tag', '-a', 'v1.0.0', '-m', 'v1.0.0'], seedEnv);
  run(seed, 'git', ['remote', 'add', 'origin', remote], seedEnv);
  run(seed, 'git', ['push', '-q', 'origin', 'main', '--tags'], seedEnv);
  const members = people.map((p) => {
    const root = join(base, `clone-${p.name.toLowerCase()}`);
    run(base, 'git', ['clone', '-q', remote, root], p.env);
    return { ...p, root };
  });
  return { base, remote, production, seed, members, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Commit a release in a clone (version bump + annotated tag) and push it; returns the commit. */
export function releaseIn(member: Member, version: string): string {
  const pkgFile = join(member.root, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
  pkg.version = version;
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  run(member.root, 'git', ['commit', '-q', '-am', `chore(release): ${version}`], member.env);
  run(member.root, 'git', ['tag', '-a', `v${version}`, '-m', `v${version}`], member.env);
  run(member.root, 'git', ['push', '-q', 'origin', 'HEAD:main', `v${version}`], member.env);
  return run(member.root, 'git', ['rev-parse', 'HEAD'], member.env);
}

/** Fetch main and tags into a clone and check out the remote's main. */
export function pull(member: Member): void {
  run(member.root, 'git', ['fetch', '-q', '--tags', 'origin'], member.env);
  run(member.root, 'git', ['checkout', '-q', '--detach', 'origin/main'], member.env);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/** Start the built CLI in a member's clone, with the member's HOME. */
export function startCli(member: Member, args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: member.root, env: { ...member.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<CliRun>((resolveDone) => child.once('close', (code) => resolveDone({ code: code ?? -1, stdout, stderr })));
  return { child, done };
}

export async function cli(member: Member, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return startCli(member, args, env).done;
}

/** The lock ref on the bare remote, or '' (read with git itself, not through shipgate). */
export function remoteRef(team: Team, ref: string): string {
  try {
    return run(team.remote, 'git', ['rev-parse', '--verify', '--quiet', ref]);
  } catch {
    return '';
  }
}

/** Poll (bounded) until `check` is true; tolerant of a loaded machine. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
