import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  findPluginRoot
} from "./chunk-B47VQ6L6.js";
import {
  withFileLock
} from "./chunk-H2VYXQ36.js";
import {
  mergeCatalog
} from "./chunk-6BYGT45P.js";
import {
  SESSION_CACHE_FILE
} from "./chunk-VBOBU6E4.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";

// mcp-server/src/learnings/catalog.ts
import { readdir, readFile as readFile2, realpath, stat } from "node:fs/promises";
import { join as join2, relative } from "node:path";

// mcp-server/src/learnings/detect/deploy-without-staging-validation.ts
var rule = {
  id: "deploy_without_staging_validation",
  title: "Deploy Without Staging Validation",
  phase: "deploy",
  impact: "Critical (untested code reaches users)",
  prevention: "1. Approve staging validation (manual_gates.staging_validation.status = approved)\n2. Let the blocking gate refuse the deploy otherwise",
  detect: (signals) => {
    if (signals.phase === "deploy") return signals.stagingApproved === false;
    if (signals.phase === "gate") return (signals.failedChecks ?? []).some((check) => /staging/i.test(check));
    return false;
  }
};

// mcp-server/src/learnings/detect/rollback-not-ready.ts
var ROLLBACK_CHECK = /rollback/i;
function rollbackCheckFailed(signals) {
  if (signals.phase !== "deploy" && signals.phase !== "gate") return false;
  return (signals.failedChecks ?? []).some((check) => ROLLBACK_CHECK.test(check));
}
function rollbackNotReady(signals) {
  if (signals.phase === "deploy" && signals.rollbackReady === false) return true;
  return rollbackCheckFailed(signals);
}

// mcp-server/src/learnings/detect/missing-rollback-verification.ts
var rule2 = {
  id: "missing_rollback_verification",
  title: "Missing Rollback Verification",
  phase: "deploy",
  impact: "Critical (a failed deploy cannot be undone quickly)",
  prevention: "1. Run the rollback check in the gate\n2. Keep the previous version deployable\n3. Rehearse the rollback in staging",
  detect: rollbackCheckFailed
};

// mcp-server/src/learnings/detect/insufficient-health-checks.ts
var rule3 = {
  id: "insufficient_health_checks",
  title: "Insufficient Health Checks",
  phase: "deploy",
  impact: "High (a broken endpoint ships unnoticed)",
  prevention: "1. Configure a health check for every critical endpoint\n2. Add smoke tests for the main user flows",
  detect: (signals) => signals.healthChecksRun !== void 0 && signals.criticalEndpoints !== void 0 && signals.healthChecksRun < signals.criticalEndpoints
};

// mcp-server/src/learnings/detect/monitor-cut-short.ts
function monitorCutShort(signals) {
  if (signals.phase !== "deploy" || signals.outcome !== "succeeded") return false;
  if (signals.monitorCompleted === false) return true;
  const planned = signals.monitorPlannedMs;
  const observed = signals.monitorObservedMs;
  if (planned !== void 0 && planned <= 0) return true;
  return planned !== void 0 && observed !== void 0 && observed < planned;
}

// mcp-server/src/learnings/detect/no-post-deploy-monitoring.ts
var rule4 = {
  id: "no_post_deploy_monitoring",
  title: "No Post-Deploy Monitoring",
  phase: "deploy",
  impact: "High (incidents found by users first)",
  prevention: "1. Keep the configured monitor window running to the end\n2. Watch error rate and latency, not only /health",
  detect: monitorCutShort
};

// mcp-server/src/learnings/detect/wrong-version-bump.ts
var RANK = { none: 0, prerelease: 0, patch: 1, minor: 2, major: 3 };
var rule5 = {
  id: "wrong_version_bump",
  title: "Wrong Version Bump",
  phase: "bump",
  impact: "Medium (consumers get breaking changes without warning)",
  prevention: "1. Use conventional commits\n2. Let `shipgate bump auto` choose from the commits",
  detect: (signals) => {
    if (signals.bumpImplied === void 0 || signals.bumpChosen === void 0) return false;
    return (RANK[signals.bumpChosen] ?? 0) < (RANK[signals.bumpImplied] ?? 0);
  }
};

// mcp-server/src/learnings/detect/missing-git-tag.ts
var rule6 = {
  id: "missing_git_tag",
  title: "Missing Git Tag",
  phase: "deploy",
  impact: "Medium (no exact version to roll back to or to audit)",
  prevention: "1. Release with `shipgate bump` (annotated tag)\n2. Deploy only tagged commits",
  detect: (signals) => signals.phase === "deploy" && signals.deployedCommitTagged === false
};

// mcp-server/src/learnings/detect/missing-rollback-plan.ts
var rule7 = {
  id: "missing_rollback_plan",
  title: "Missing Rollback Plan",
  phase: "deploy",
  impact: "Critical (extended downtime if issues arise)",
  prevention: "1. Document rollback steps before deploying\n2. Keep previous version tagged and deployable\n3. Test rollback procedure in staging",
  detect: rollbackNotReady
};

// mcp-server/src/learnings/detect/insufficient-post-deploy-monitoring.ts
var rule8 = {
  id: "insufficient_post_deploy_monitoring",
  title: "Insufficient Post-Deploy Monitoring",
  phase: "deploy",
  impact: "High (delayed incident detection)",
  prevention: "1. Monitor for 30 minutes post-deploy\n2. Check error rates, response times, user activity\n3. Verify alerts fire correctly",
  detect: monitorCutShort
};

// mcp-server/src/learnings/detect/index.ts
var detectionRules = [
  rule,
  rule2,
  rule3,
  rule4,
  rule5,
  rule6,
  rule7,
  rule8
];
function detectPitfalls(signals, rules = detectionRules) {
  const found = [];
  for (const rule9 of rules) {
    try {
      if (rule9.detect(signals)) found.push(rule9.id);
    } catch {
    }
  }
  return found;
}

// mcp-server/src/learnings/skill-pitfalls.ts
async function readSkillPitfalls(file) {
  const { loadSkillFile } = await import("./load-skill-YC4FVOHY.js");
  const document = await loadSkillFile(file);
  return document.model.pitfalls.map((pitfall) => ({
    id: pitfall.id,
    title: pitfall.title,
    impact: pitfall.impact,
    prevention: pitfall.prevention,
    detection: pitfall.detection,
    file,
    line: pitfall.position.line
  }));
}

// mcp-server/src/learnings/store.ts
import { appendFile, mkdir, open, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
var EVENTS_FILE = "events.jsonl";
var RENDERED_FILE = "learnings.md";
var CATALOG_SNAPSHOT_FILE = "catalog.json";
var LOCK_FILE = "events.lock";
var GITIGNORE = `# shipgate learnings: local caches, rebuilt from events.jsonl
${CATALOG_SNAPSHOT_FILE}
${SESSION_CACHE_FILE}
${LOCK_FILE}
.*.tmp
`;
var GITATTRIBUTES = `# shipgate learnings: two branches' runs merge by keeping every line.
${EVENTS_FILE} merge=union
`;
var CANONICAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
var PHASES = /* @__PURE__ */ new Set(["gate", "bump", "deploy", "rollback", "retrospect"]);
var OUTCOMES = /* @__PURE__ */ new Set(["succeeded", "blocked", "failed", "rolled_back", "noted"]);
function eventsPath(storeDir) {
  return join(storeDir, EVENTS_FILE);
}
async function readEvents(storeDir) {
  const file = eventsPath(storeDir);
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      parsedCache.delete(file);
      return { events: [], warnings: [], exists: false };
    }
    throw error;
  }
  try {
    const info = await handle.stat();
    const cached = parsedCache.get(file);
    let state;
    if (cached && cached.ino === info.ino && cached.dev === info.dev && info.size >= cached.size && cached.endsWithNewline && await sameTail(handle, cached)) {
      state = cached.state;
      if (info.size > cached.size) {
        const grown = Buffer.alloc(info.size - cached.size);
        await handle.read(grown, 0, grown.length, cached.size);
        parseInto(state, grown.toString("utf8"));
      }
    } else {
      state = newState();
      parseInto(state, (await handle.readFile()).toString("utf8"));
    }
    const tail = Buffer.alloc(Math.min(TAIL_BYTES, info.size));
    if (tail.length > 0) await handle.read(tail, 0, tail.length, info.size - tail.length);
    parsedCache.set(file, { ino: info.ino, dev: info.dev, size: info.size, tail, endsWithNewline: tail.length === 0 || tail[tail.length - 1] === 10, state });
    return { events: state.events.slice(), warnings: state.warnings.slice(), exists: true };
  } finally {
    await handle.close();
  }
}
var TAIL_BYTES = 256;
var parsedCache = /* @__PURE__ */ new Map();
function newState() {
  return { events: [], warnings: [], seen: /* @__PURE__ */ new Set(), lines: 0 };
}
async function sameTail(handle, cached) {
  if (cached.tail.length === 0) return true;
  const now = Buffer.alloc(cached.tail.length);
  await handle.read(now, 0, now.length, cached.size - now.length);
  return now.equals(cached.tail);
}
function parseInto(state, text) {
  const lines = text.split("\n");
  const count = text.endsWith("\n") ? lines.length - 1 : lines.length;
  let values;
  if (count > 1) {
    try {
      const nonEmpty = lines.slice(0, count).filter((l) => l.trim() !== "");
      const parsed = JSON.parse(`[${nonEmpty.join(",")}]`);
      values = Array.isArray(parsed) && parsed.length === nonEmpty.length ? parsed : void 0;
    } catch {
      values = void 0;
    }
  }
  let valueIndex = 0;
  for (let index = 0; index < count; index++) {
    const lineNumber = state.lines + index + 1;
    const raw = lines[index];
    const line = raw.charCodeAt(0) === 123 && raw.charCodeAt(raw.length - 1) === 125 ? raw : raw.trim();
    if (line === "") continue;
    let value;
    try {
      value = values ? values[valueIndex++] : JSON.parse(line);
    } catch {
      state.warnings.push({ line: lineNumber, message: `${EVENTS_FILE}:${lineNumber}: not a JSON event, skipped (${line.length > 60 ? `${line.slice(0, 60)}\u2026` : line})` });
      continue;
    }
    const problem = eventProblem(value);
    if (problem) {
      state.warnings.push({ line: lineNumber, message: `${EVENTS_FILE}:${lineNumber}: ${problem}, skipped` });
      continue;
    }
    const event = value;
    if (!CANONICAL_TIME.test(event.at)) event.at = new Date(event.at).toISOString();
    const key = `${event.runId}\0${event.phase}\0${event.at}`;
    if (state.seen.has(key)) continue;
    state.seen.add(key);
    state.events.push(event);
  }
  state.lines += count;
}
function eventProblem(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected a JSON object";
  const event = value;
  if (event.v !== 1) return `expected "v": 1, found ${JSON.stringify(event.v)}`;
  if (typeof event.runId !== "string" || event.runId === "") return 'expected a "runId" string';
  if (typeof event.at !== "string" || !CANONICAL_TIME.test(event.at) && Number.isNaN(Date.parse(event.at))) return 'expected "at" as an ISO date';
  if (typeof event.phase !== "string" || !PHASES.has(event.phase)) return `expected "phase" to be one of ${[...PHASES].join(", ")}`;
  if (typeof event.outcome !== "string" || !OUTCOMES.has(event.outcome)) return `expected "outcome" to be one of ${[...OUTCOMES].join(", ")}`;
  if (!Array.isArray(event.pitfalls) || !event.pitfalls.every((p) => typeof p === "string")) return 'expected "pitfalls" as a list of ids';
  return void 0;
}
async function appendEvent(storeDir, event, afterAppend) {
  await mkdir(storeDir, { recursive: true });
  await ensureGitattributes(storeDir);
  await writeFile(join(storeDir, ".gitignore"), GITIGNORE, { encoding: "utf8", flag: "wx" }).catch(() => void 0);
  return withFileLock(join(storeDir, LOCK_FILE), async () => {
    const file = eventsPath(storeDir);
    const prefix = await endsWithNewline(file) ? "" : "\n";
    await appendFile(file, `${prefix}${JSON.stringify(event)}
`, { encoding: "utf8", flush: true });
    return afterAppend ? afterAppend() : void 0;
  });
}
async function endsWithNewline(file) {
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return true;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer[0] === 10;
  } finally {
    await handle.close();
  }
}
async function ensureGitattributes(storeDir) {
  const file = join(storeDir, ".gitattributes");
  const current = await readFile(file, "utf8").catch(() => void 0);
  if (current !== void 0 && /merge=union/.test(current)) return;
  await writeFile(file, current ? `${current.trimEnd()}
${GITATTRIBUTES}` : GITATTRIBUTES, "utf8");
}

// mcp-server/src/learnings/catalog.ts
async function listSkillFiles(projectRoot, pluginRoot) {
  const roots = [];
  if (pluginRoot) roots.push(join2(pluginRoot, "skills"));
  roots.push(join2(projectRoot, ".claude", "skills"), join2(projectRoot, "skills"));
  const seen = /* @__PURE__ */ new Set();
  const files = [];
  for (const root of roots) {
    const names = await readdir(root).catch(() => []);
    for (const name of names.sort()) {
      const file = join2(root, name, "SKILL.md");
      const real = await realpath(file).catch(() => void 0);
      if (!real || seen.has(real)) continue;
      seen.add(real);
      files.push(real);
    }
  }
  return files;
}
async function loadCatalog(projectRoot, storeDir, options = {}) {
  const pluginRoot = options.pluginRoot ?? findPluginRoot();
  const files = await listSkillFiles(projectRoot, pluginRoot);
  const sources = [];
  for (const path of files) {
    const info = await stat(path);
    sources.push({ path, size: info.size, mtimeMs: info.mtimeMs });
  }
  const cached = await readSnapshot(storeDir);
  if (cached && sameSources(cached.files, sources)) return cached.entries;
  const pitfalls = [];
  for (const file of files) {
    try {
      const root = pluginRoot && !relative(pluginRoot, file).startsWith("..") ? pluginRoot : projectRoot;
      for (const p of await readSkillPitfalls(file)) pitfalls.push({ ...p, source: `${relative(root, p.file)}:${p.line}` });
    } catch (error) {
      options.onWarning?.(`Could not read pitfalls from ${file}: ${error.message}`);
    }
  }
  const entries = mergeCatalog(pitfalls, detectionRules);
  if (options.writeSnapshot !== false) await writeFileAtomic(join2(storeDir, CATALOG_SNAPSHOT_FILE), `${JSON.stringify({ v: 1, files: sources, entries })}
`).catch(() => void 0);
  return entries;
}
async function readCatalogSnapshot(storeDir) {
  return (await readSnapshot(storeDir))?.entries ?? mergeCatalog([], detectionRules);
}
async function readSnapshot(storeDir) {
  try {
    const value = JSON.parse(await readFile2(join2(storeDir, CATALOG_SNAPSHOT_FILE), "utf8"));
    return value && value.v === 1 && Array.isArray(value.entries) && Array.isArray(value.files) ? value : void 0;
  } catch {
    return void 0;
  }
}
function sameSources(a, b) {
  return a.length === b.length && a.every((file, i) => file.path === b[i].path && file.size === b[i].size && file.mtimeMs === b[i].mtimeMs);
}

export {
  detectionRules,
  detectPitfalls,
  RENDERED_FILE,
  eventsPath,
  readEvents,
  appendEvent,
  listSkillFiles,
  loadCatalog,
  readCatalogSnapshot
};
