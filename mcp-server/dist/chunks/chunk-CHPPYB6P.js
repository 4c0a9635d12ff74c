import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  analyzeLearnings,
  formatFrequency,
  isProductionDeploy
} from "./chunk-45S5TUYB.js";

// mcp-server/src/learnings/summary.ts
function summarizeLearnings(events, catalog, topCount = 3) {
  return summarizeAnalysis(analyzeLearnings(events, catalog), topCount);
}
function summarizeAnalysis(analysis, topCount = 3) {
  const { ordered, metrics } = analysis;
  const pitfalls = analysis.stats.map((stat) => ({ ...stat, frequency: formatFrequency(stat) }));
  const updated = ordered[ordered.length - 1]?.at;
  const last = [...ordered].reverse().find((e) => isProductionDeploy(e, analysis.productionEnvironment));
  const lastDeploy = last ? { at: last.at, version: last.version, outcome: last.outcome, rollbackTrigger: last.rollbackTrigger } : void 0;
  return {
    runs: ordered.filter((e) => e.phase !== "retrospect").length,
    events: ordered.length,
    pitfalls,
    top: pitfalls.filter((p) => p.count > 0).slice(0, topCount),
    metrics: metrics.metrics,
    sparkline: metrics.sparkline,
    updated,
    lastDeploy
  };
}
function formatTopPitfalls(summary) {
  const last = summary.lastDeploy;
  const lastLine = last ? `Last production deploy: ${last.version ? `${last.version} ` : ""}${last.outcome.replace("_", " ")} on ${last.at.slice(0, 10)}${last.rollbackTrigger ? ` (trigger: ${last.rollbackTrigger.replace(/\s+/g, " ").slice(0, 120)})` : ""}.` : "";
  if (summary.top.length === 0) {
    return `shipgate lessons: ${summary.runs} run${summary.runs === 1 ? "" : "s"} recorded, no pitfall seen yet.${lastLine ? ` ${lastLine}` : ""}
`;
  }
  const lines = [`shipgate lessons from ${summary.runs} recorded run${summary.runs === 1 ? "" : "s"} in this repository (top pitfalls):`];
  for (const p of summary.top) {
    const prevention = p.prevention ? ` Prevent: ${firstLine(p.prevention)}` : "";
    lines.push(`- ${p.title} ${p.frequency}, last seen ${p.lastSeen?.slice(0, 10) ?? "never"}.${prevention}`);
  }
  if (lastLine) lines.push(lastLine);
  lines.push("Full lessons: `shipgate learnings show` or the learnings_get tool.");
  return `${lines.join("\n")}
`;
}
function firstLine(text) {
  const line = text.trim().split("\n")[0] ?? "";
  return line.replace(/^\s*(\d+\.|[-*])\s*/, "").slice(0, 160);
}

export {
  summarizeLearnings,
  summarizeAnalysis,
  formatTopPitfalls
};
