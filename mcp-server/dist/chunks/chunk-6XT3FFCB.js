import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  sessionTextFrom,
  writeSessionCache
} from "./chunk-P3WDUPBX.js";
import {
  RENDERED_FILE,
  appendEvent,
  detectPitfalls,
  detectionRules,
  loadCatalog,
  readEvents
} from "./chunk-MTZFLQ7W.js";
import {
  renderAnalysis
} from "./chunk-V44AS647.js";
import {
  analyzeLearnings
} from "./chunk-45S5TUYB.js";
import {
  resolveStoreDir
} from "./chunk-M3MLCKII.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";

// mcp-server/src/learnings/record-run.ts
import { join } from "node:path";

// mcp-server/src/learnings/build-event.ts
import { randomBytes } from "node:crypto";
var SIGNAL_KEYS = [
  "rollbackReady",
  "monitorPlannedMs",
  "monitorObservedMs",
  "monitorCompleted",
  "healthChecksRun",
  "criticalEndpoints",
  "deployedCommitTagged",
  "bumpImplied",
  "bumpChosen",
  "stagingApproved"
];
function newRunId(phase, now) {
  return `${phase}-${now.toISOString().replace(/[-:.]/g, "").replace("T", "-").slice(0, 15)}-${randomBytes(4).toString("hex")}`;
}
function buildEvent(signals, now, rules = detectionRules) {
  const detected = signals.phase === "retrospect" ? [] : detectPitfalls(signals, rules);
  const pitfalls = [.../* @__PURE__ */ new Set([...detected, ...signals.reportedPitfalls ?? []])];
  const kept = {};
  for (const key of SIGNAL_KEYS) if (signals[key] !== void 0) kept[key] = signals[key];
  const event = {
    v: 1,
    runId: signals.runId ?? newRunId(signals.phase, now),
    at: now.toISOString(),
    phase: signals.phase,
    outcome: signals.outcome,
    pitfalls
  };
  if (signals.environment !== void 0) event.environment = signals.environment;
  if (signals.version !== void 0) event.version = signals.version;
  if (signals.commit !== void 0) event.commit = signals.commit;
  if (signals.durationMs !== void 0) event.durationMs = Math.max(0, Math.round(signals.durationMs));
  if (signals.failedChecks && signals.failedChecks.length > 0) event.failedChecks = [...signals.failedChecks];
  if (signals.rollbackTrigger !== void 0) event.rollbackTrigger = signals.rollbackTrigger;
  if (Object.keys(kept).length > 0) event.signals = kept;
  if (signals.note !== void 0) event.note = signals.note;
  if (signals.author !== void 0) event.author = signals.author;
  if (signals.about !== void 0) event.about = signals.about;
  return event;
}

// mcp-server/src/learnings/record-run.ts
async function recordRun(projectRoot, signals, options = {}) {
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const warn = options.onWarning ?? ((message) => process.stderr.write(`shipgate learnings: ${message}
`));
  const storeDir = await resolveStoreDir(projectRoot);
  const event = buildEvent(signals, now());
  const catalog = await loadCatalog(projectRoot, storeDir, { pluginRoot: options.pluginRoot, onWarning: warn });
  await appendEvent(storeDir, event, async () => {
    const { events, warnings } = await readEvents(storeDir);
    for (const w of warnings) warn(w.message);
    const analysis = analyzeLearnings(events, catalog);
    await writeFileAtomic(join(storeDir, RENDERED_FILE), renderAnalysis(analysis, { warnings: warnings.map((w) => w.message) }));
    await writeSessionCache(storeDir, sessionTextFrom(analysis, warnings));
  });
  return event;
}

export {
  recordRun
};
