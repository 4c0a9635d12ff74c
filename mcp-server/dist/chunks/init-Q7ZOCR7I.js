import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  globFiles
} from "./chunk-RRVZJQ6J.js";
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import {
  CONFIG_FILE_NAMES,
  parseConfigText
} from "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import {
  runArgv
} from "./chunk-GHJBZYRF.js";
import {
  ConflictError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/config/init-config.ts
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
async function planInitConfig(projectRoot) {
  const existing = await firstExisting(CONFIG_FILE_NAMES.map((name) => join(projectRoot, name)));
  const app = await packageName(projectRoot) ?? projectRoot.split("/").filter(Boolean).pop() ?? "app";
  const remoteResult = await runArgv("git", ["remote", "get-url", "origin"], { cwd: projectRoot, timeoutMs: 1e4 });
  const remote = remoteResult.exitCode === 0 ? remoteResult.stdout.trim() || void 0 : void 0;
  const branchResult = await runArgv("git", ["symbolic-ref", "--quiet", "--short", "HEAD"], { cwd: projectRoot, timeoutMs: 1e4 });
  const defaultBranch = branchResult.exitCode === 0 && branchResult.stdout.trim() ? branchResult.stdout.trim() : "main";
  const stateFiles = (await globFiles(projectRoot, "specs/*/state.yaml")).map((m) => m.relativePath).sort();
  const text = renderStarterConfig({ app, remote, defaultBranch, stateFiles });
  parseConfigText(text, "shipgate.config.yaml (starter)");
  return { path: join(projectRoot, CONFIG_FILE_NAMES[0]), app, remote, defaultBranch, stateFiles, text, existing };
}
async function applyInitConfig(plan) {
  if (plan.existing) {
    throw new ConflictError("A shipgate configuration already exists; init does not overwrite it.", { where: plan.existing, hint: "Edit that file, or delete it first if you really want a fresh starter." });
  }
  await writeFileAtomic(plan.path, plan.text);
  return plan.path;
}
async function firstExisting(paths) {
  for (const path of paths) {
    try {
      await access(path);
      return path;
    } catch {
    }
  }
  return null;
}
async function packageName(projectRoot) {
  try {
    const data = JSON.parse(await readFile(join(projectRoot, "package.json"), "utf8"));
    return typeof data.name === "string" && data.name.trim() ? data.name.replace(/^@[^/]+\//, "") : void 0;
  } catch {
    return void 0;
  }
}
function yamlString(value) {
  return JSON.stringify(value);
}
function renderStarterConfig(input) {
  const stateComment = input.stateFiles.length ? `# Found Spec-Flow state files: ${input.stateFiles.slice(0, 3).join(", ")}${input.stateFiles.length > 3 ? ", \u2026" : ""}.
# The bundled production-gate checks manual_gates.staging_validation.status = approved in the newest one.` : "# No specs/*/state.yaml found; the state check looks there (seed 003 layout) when you add one.";
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

${stateComment}
state:
  file: specs/*/state.yaml

environments:
  production:
    # Gate skills: bundled names or project paths like .claude/skills/my-gate/SKILL.md
    gates: [production-gate]
    # url: https://example.com   # {url} in http checks and health checks
    provider:
      # git-push: deploying = pushing to a branch your platform watches${input.remote ? `
      # (origin is ${input.remote})` : ""}
      type: git-push
      remote: origin
      branch: production
      # Or: type: command, deploy: [./scripts/deploy.sh, "{version}"]
      # Or: type: kubernetes, context: prod, namespace: production, deployment: ${input.app.replace(/[^a-z0-9-]/gi, "-").toLowerCase()}
    strategy:
      type: rolling
    health:
      checks:
        - { path: /health, status: 200 }
    monitor:
      duration: 30m
      interval: 10s
    receiptTtl: 30m
`;
}

// mcp-server/src/cli/commands/init.ts
var command = {
  name: "init",
  summary: "Write a commented starter shipgate.config.yaml for this repository.",
  usage: "  shipgate init [--dry-run] [--json]\n    --dry-run  print the configuration instead of writing it",
  options: { "dry-run": { type: "boolean" } },
  allowPositionals: false,
  async run(input, context) {
    const plan = await planInitConfig(await findProjectRoot(context.cwd));
    const dryRun = input.values["dry-run"] === true;
    const path = dryRun ? null : await applyInitConfig(plan);
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: true, written: path, dryRun, app: plan.app, remote: plan.remote ?? null, stateFiles: plan.stateFiles, config: plan.text }, null, 2)}
`);
    } else {
      context.stdout.write(dryRun ? plan.text : `Wrote ${path} (app ${plan.app}${plan.stateFiles.length ? `, ${plan.stateFiles.length} Spec-Flow state file(s)` : ""}). Review it, then run \`shipgate gate\`.
`);
    }
    return 0;
  }
};
export {
  command
};
