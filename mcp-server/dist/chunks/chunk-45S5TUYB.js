import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  titleFromId
} from "./chunk-6BYGT45P.js";

// mcp-server/src/learnings/pitfall-stats.ts
var FREQUENCY_WINDOW = 5;
function chronological(events) {
  let sorted = true;
  for (let i = 1; i < events.length; i++) {
    if (events[i - 1].at > events[i].at) {
      sorted = false;
      break;
    }
  }
  if (sorted) return events.slice();
  return events.map((event, index) => ({ event, index, time: Date.parse(event.at) })).sort((a, b) => a.time - b.time || a.index - b.index).map((entry) => entry.event);
}
function computePitfallStats(events, catalog, window = FREQUENCY_WINDOW) {
  const ordered = chronological(events);
  const runsByPhase = /* @__PURE__ */ new Map();
  const runsById = /* @__PURE__ */ new Map();
  const count = /* @__PURE__ */ new Map();
  const lastSeen = /* @__PURE__ */ new Map();
  for (const event of ordered) {
    for (const id of new Set(event.pitfalls)) {
      count.set(id, (count.get(id) ?? 0) + 1);
      lastSeen.set(id, event.at);
    }
    if (event.phase === "retrospect") {
      const runs2 = event.about ? runsByPhase.get(event.about) : void 0;
      const target = runsById.get(event.runId) ?? runs2?.[runs2.length - 1];
      if (target) {
        for (const id of event.pitfalls) target.add(id);
        continue;
      }
      if (!event.about || event.pitfalls.length === 0) continue;
    }
    const phase = event.phase === "retrospect" ? event.about : event.phase;
    const run = new Set(event.pitfalls);
    const runs = runsByPhase.get(phase) ?? [];
    runs.push(run);
    runsByPhase.set(phase, runs);
    runsById.set(event.runId, run);
  }
  const entries = new Map(catalog.map((entry) => [entry.id, entry]));
  for (const id of count.keys()) {
    if (!entries.has(id)) {
      entries.set(id, { id, title: titleFromId(id), phase: "deploy", source: "recorded event", detectable: false });
    }
  }
  return [...entries.values()].map((entry) => {
    const recent = (runsByPhase.get(entry.phase) ?? []).slice(-window);
    return {
      id: entry.id,
      title: entry.title,
      impact: entry.impact,
      prevention: entry.prevention,
      detection: entry.detection,
      phase: entry.phase,
      seen: recent.filter((run) => run.has(entry.id)).length,
      window,
      runsInWindow: recent.length,
      count: count.get(entry.id) ?? 0,
      lastSeen: lastSeen.get(entry.id),
      source: entry.source,
      detectable: entry.detectable
    };
  });
}
function rankPitfalls(stats) {
  return [...stats].sort(
    (a, b) => b.seen - a.seen || b.count - a.count || (b.lastSeen ?? "").localeCompare(a.lastSeen ?? "")
  );
}
function formatFrequency(stat) {
  const stars = "\u2605".repeat(stat.seen) + "\u2606".repeat(Math.max(0, stat.window - stat.seen));
  if (stat.count === 0) return `${stars} (0/${stat.window} - not yet seen)`;
  return `${stars} (${stat.seen}/${stat.window})`;
}

// mcp-server/src/learnings/metrics.ts
var TREND_WINDOW = 10;
var TARGET_SUCCESS = 0.98;
var TARGET_ROLLBACK = 0.05;
var TARGET_DURATION_MS = 15 * 6e4;
function isProductionDeploy(event, productionEnvironment = "production") {
  return event.phase === "deploy" && (event.environment === void 0 || event.environment === productionEnvironment);
}
function computeMetrics(events, productionEnvironment = "production") {
  const ordered = chronological(events);
  const rolledBackRuns = new Set(
    ordered.filter((e) => e.phase === "rollback" && (e.environment === void 0 || e.environment === productionEnvironment) && e.outcome === "succeeded").map((e) => e.runId)
  );
  const attempts = ordered.filter((e) => isProductionDeploy(e, productionEnvironment) && e.outcome !== "blocked");
  const rolledBack = (e) => e.outcome === "rolled_back" || rolledBackRuns.has(e.runId);
  const success = (list) => ratio(list.filter((e) => e.outcome === "succeeded" && !rolledBack(e)).length, list.length);
  const rollback = (list) => ratio(list.filter(rolledBack).length, list.length);
  const duration = (list) => median(list.map((e) => e.durationMs).filter((d) => typeof d === "number" && d >= 0));
  const last = attempts.slice(-TREND_WINDOW);
  const before = attempts.slice(-2 * TREND_WINDOW, -TREND_WINDOW);
  const successAll = success(attempts);
  const rollbackAll = rollback(attempts);
  const durationAll = duration(attempts);
  const okCount = attempts.filter((e) => e.outcome === "succeeded" && !rolledBack(e)).length;
  const rbCount = attempts.filter(rolledBack).length;
  const metrics = [
    {
      id: "deploy_success",
      name: "Production deploy success",
      target: "\u226598%",
      value: successAll,
      current: successAll === null ? "Not tracked" : `${percent(successAll)} (${okCount}/${attempts.length})`,
      meetsTarget: successAll === null ? null : successAll >= TARGET_SUCCESS,
      trend: trend(success(last), success(before), 0.01)
    },
    {
      id: "rollback_frequency",
      name: "Rollback frequency",
      target: "<5%",
      value: rollbackAll,
      current: rollbackAll === null ? "Not tracked" : `${percent(rollbackAll)} (${rbCount}/${attempts.length})`,
      meetsTarget: rollbackAll === null ? null : rollbackAll < TARGET_ROLLBACK,
      trend: trend(rollback(last), rollback(before), 0.01)
    },
    {
      id: "deploy_duration",
      name: "Deploy duration",
      target: "<15 min",
      value: durationAll,
      current: durationAll === null ? "Not tracked" : `${formatDuration(durationAll)} (median)`,
      meetsTarget: durationAll === null ? null : durationAll < TARGET_DURATION_MS,
      trend: trendRelative(duration(last), duration(before), 0.05)
    }
  ];
  const recentOutcomes = attempts.slice(-20).map((e) => rolledBack(e) ? "rolled_back" : e.outcome);
  return { attempts: attempts.length, metrics, recentOutcomes, sparkline: sparkline(recentOutcomes) };
}
var SPARK = { succeeded: "\u2588", rolled_back: "\u2584", failed: "\u2581", blocked: "\u2582", noted: " " };
function sparkline(outcomes) {
  return outcomes.map((o) => SPARK[o]).join("");
}
function ratio(part, whole) {
  return whole === 0 ? null : part / whole;
}
function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function trend(now, earlier, tolerance) {
  if (now === null || earlier === null) return "-";
  if (Math.abs(now - earlier) <= tolerance) return "\u2192";
  return now > earlier ? "\u2191" : "\u2193";
}
function trendRelative(now, earlier, tolerance) {
  if (now === null || earlier === null) return "-";
  if (earlier === 0) return now === 0 ? "\u2192" : "\u2191";
  return trend(now / earlier, 1, tolerance);
}
function percent(value) {
  return `${(value * 100).toFixed(1)}%`;
}
function formatDuration(ms) {
  const totalSeconds = Math.round(ms / 1e3);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return minutes > 0 ? `${minutes}m ${String(seconds).padStart(2, "0")}s` : `${seconds}s`;
}

// mcp-server/src/learnings/analysis.ts
function analyzeLearnings(events, catalog, productionEnvironment = "production") {
  const ordered = chronological(events);
  return {
    ordered,
    stats: rankPitfalls(computePitfallStats(ordered, catalog)),
    metrics: computeMetrics(ordered, productionEnvironment),
    productionEnvironment
  };
}

export {
  formatFrequency,
  isProductionDeploy,
  formatDuration,
  analyzeLearnings
};
