/**
 * `shipgate init`: plan a commented starter `shipgate.config.yaml` from what the repository already
 * has (package.json name, the git remote, Spec-Flow's `specs/*\/state.yaml`), then write it. Planning
 * is pure data; writing refuses to overwrite an existing configuration.
 *
 * Good: a repo with package.json `"name": "shop"` and `specs/001-cart/state.yaml` gets `app: shop` and
 *       a staging-validation state check mentioned in the comments.
 * Bad:  overwriting a team's tuned configuration because someone ran init twice.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../project/git.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ConflictError } from '../errors.js';
import { CONFIG_FILE_NAMES, parseConfigText } from './load-config.js';
import { globFiles } from '../util/glob-files.js';

export interface InitPlan {
  path: string;
  app: string;
  remote?: string;
  defaultBranch: string;
  stateFiles: string[];
  text: string;
  /** An existing configuration file, which init refuses to overwrite. */
  existing: string | null;
}

export async function planInitConfig(projectRoot: string): Promise<InitPlan> {
  const existing = await firstExisting(CONFIG_FILE_NAMES.map((name) => join(projectRoot, name)));
  const app = (await packageName(projectRoot)) ?? projectRoot.split('/').filter(Boolean).pop() ?? 'app';
  const remoteResult = await git(projectRoot, ['remote', 'get-url', 'origin'], { timeoutMs: 10_000 });
  const remote = remoteResult.exitCode === 0 ? remoteResult.stdout.trim() || undefined : undefined;
  const branchResult = await git(projectRoot, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { timeoutMs: 10_000 });
  const defaultBranch = branchResult.exitCode === 0 && branchResult.stdout.trim() ? branchResult.stdout.trim() : 'main';
  const stateFiles = (await globFiles(projectRoot, 'specs/*/state.yaml')).map((m) => m.relativePath).sort();
  const text = renderStarterConfig({ app, remote, defaultBranch, stateFiles });
  parseConfigText(text, 'shipgate.config.yaml (starter)');
  return { path: join(projectRoot, CONFIG_FILE_NAMES[0]), app, remote, defaultBranch, stateFiles, text, existing };
}

export async function applyInitConfig(plan: InitPlan): Promise<string> {
  if (plan.existing) {
    throw new ConflictError('A shipgate configuration already exists; init does not overwrite it.', { where: plan.existing, hint: 'Edit that file, or delete it first if you really want a fresh starter. For the /deploy-production ... aliases alone, run `shipgate aliases`.' });
  }
  await writeFileAtomic(plan.path, plan.text);
  return plan.path;
}

async function firstExisting(paths: string[]): Promise<string | null> {
  for (const path of paths) {
    try {
      await access(path);
      return path;
    } catch {
      // next
    }
  }
  return null;
}

async function packageName(projectRoot: string): Promise<string | undefined> {
  try {
    const data = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof data.name === 'string' && data.name.trim() ? data.name.replace(/^@[^/]+\//, '') : undefined;
  } catch {
    return undefined;
  }
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

export function renderStarterConfig(input: { app: string; remote?: string; defaultBranch: string; stateFiles: string[] }): string {
  const stateComment = input.stateFiles.length
    ? `# Found Spec-Flow state files: ${input.stateFiles.slice(0, 3).join(', ')}${input.stateFiles.length > 3 ? ', …' : ''}.\n# In the newest one, production-promotion checks manual_gates.staging_validation.status = approved\n# and production-gate checks quality_gates.rollback.status = passed (and migrations passed or not_applicable).`
    : '# No specs/*/state.yaml found; the state checks look there (seed 003 layout): until one says\n# manual_gates.staging_validation.status = approved, the production gate blocks.';
  return `# shipgate configuration: production deployment, gated for real.
# Written by \`shipgate init\`. Every key is optional; \`shipgate validate\` and \`shipgate gate\` report
# mistakes with the key path. Durations are written like 30s, 5m, 24h.

app: ${yamlString(input.app)}

versioning:
  tagPrefix: v
  changelog: CHANGELOG.md
  conventionalCommits: true
  # Extra files whose version is bumped with package.json:
  # files:
  #   - { path: app.json, key: expo.version }
  branch: ${yamlString(input.defaultBranch)}
  remote: origin

# Never deploy Friday afternoon or the day before a holiday (seed 001). Override per environment.
window:
  timezone: UTC
  deny:
    - { days: [fri], from: "12:00", to: "23:59", reason: never deploy Friday afternoon }
  holidays: []            # e.g. ["2026-12-25"]
  denyBeforeHolidays: true

# Notify stakeholders once a deploy's or rollback's outcome is known (seed 000). An argument vector run
# without a shell; {env} {status} {kind} {version} {tag} {sha} {previous_version} {deployment_id} {url}
# {reason} {record} are filled in. Its output and exit code go into the record; a failure never changes
# the outcome. An environment's own notify: replaces this one.
# notify:
#   command: [node, scripts/notify.mjs, "{env}", "{version}", "{status}", "{url}"]
#   on: [succeeded, rolled_back, failed]
#   timeout: 30s

${stateComment}
state:
  file: specs/*/state.yaml

environments:
  production:
    # Gate skills: bundled names or project paths like .claude/skills/my-gate/SKILL.md.
    # production-gate: tests, review, migrations, backups, plan, rollback, monitoring, team, window (seed 001).
    # production-promotion: staging approval, rollback gate, git remote, this file (seed 003, /ship-prod).
    # Both run for every production gate_check (and this is also the default when gates is empty);
    # \`shipgate bump\` refuses to tag while the state file says the staging validation is not approved.
    gates: [production-gate, production-promotion]
    # url: https://example.com   # {url} in http checks and health checks
    provider:
      # git-push: deploying = pushing to a branch your platform watches${input.remote ? `\n      # (origin is ${input.remote})` : ''}
      type: git-push
      remote: origin
      branch: production
      # Or: type: command, deploy: [./scripts/deploy.sh, "{version}"]
      # Or: type: kubernetes, context: prod, namespace: production, deployment: ${input.app.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}
    strategy:
      type: rolling
    health:
      checks:
        - { path: /health, status: 200 }
        # Proves production runs the release just shipped, after every deploy, promotion and rollback
        # ({version} is filled in); a status-only check passes on the old release too:
        # - { name: version, path: /api/version, json: { version: "{version}" } }
    monitor:
      duration: 30m
      interval: 10s
    receiptTtl: 30m
`;
}
