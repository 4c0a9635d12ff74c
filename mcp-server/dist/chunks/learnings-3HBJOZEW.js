import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-GHJBZYRF.js";
import {
  UsageError
} from "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/learnings.ts
var USAGE = [
  "  shipgate learnings [show] [--format markdown|text] [--json]",
  "  shipgate learnings record (--pitfall ID ... | --note TEXT) [--phase gate|bump|deploy|rollback] [--by NAME] [--run-id ID]",
  "",
  "  show            print the lessons learned: pitfalls with frequency and last seen, patterns, metrics",
  "  --format        markdown (default, the learnings.md layout) or text (top pitfalls and metrics)",
  "  record          add what you learned; --pitfall may be repeated; the lesson counts for --phase (default deploy)"
].join("\n");
var command = {
  name: "learnings",
  summary: "Show the lessons learned, or record one.",
  usage: USAGE,
  options: {
    format: { type: "string" },
    pitfall: { type: "string", multiple: true },
    note: { type: "string" },
    phase: { type: "string" },
    by: { type: "string" },
    "run-id": { type: "string" }
  },
  allowPositionals: true,
  async run(input, context) {
    const [action = "show", ...extra] = input.positionals;
    if (extra.length > 0) throw new UsageError("shipgate learnings takes one action.", { found: input.positionals.join(" "), expected: "show | record", hint: `Usage:
${USAGE}` });
    if (action === "show") return show(input.values, input.json, context);
    if (action === "record") return record(input.values, input.json, context);
    throw new UsageError(`Unknown learnings action "${action.slice(0, 40)}".`, { where: "shipgate learnings <action>", expected: "show | record", hint: `Usage:
${USAGE}` });
  }
};
async function show(values, json, context) {
  const format = values.format ?? "markdown";
  if (format !== "markdown" && format !== "text") {
    throw new UsageError("--format must be markdown or text.", { where: "--format", expected: "markdown | text", found: String(format).slice(0, 40) });
  }
  const root = await findProjectRoot(context.cwd);
  const { readLearnings } = await import("./read-learnings-MKVS6V3A.js");
  const view = await readLearnings(root);
  if (json) {
    const { summary } = view;
    context.stdout.write(`${JSON.stringify({ ok: true, storeDir: view.storeDir, exists: view.exists, ...summary, warnings: view.warnings }, null, 2)}
`);
    return 0;
  }
  for (const warning of view.warnings) context.stderr.write(`shipgate learnings: ${warning}
`);
  if (format === "markdown") {
    context.stdout.write(view.markdown);
    return 0;
  }
  const { formatTopPitfalls } = await import("./summary-KRYZIP7Q.js");
  const lines = [view.exists ? formatTopPitfalls(view.summary).trimEnd() : "shipgate lessons: no runs recorded in this repository yet."];
  for (const metric of view.summary.metrics) lines.push(`${metric.name}: ${metric.current} (target ${metric.target}, trend ${metric.trend})`);
  if (view.summary.sparkline) lines.push(`Recent production deploys: ${view.summary.sparkline}`);
  context.stdout.write(`${lines.join("\n")}
`);
  return 0;
}
async function record(values, json, context) {
  const pitfalls = values.pitfall ?? [];
  const note = values.note;
  const phase = values.phase;
  const { recordLesson } = await import("./record-lesson-IT42UTAV.js");
  const root = await findProjectRoot(context.cwd);
  const warnings = [];
  const event = await recordLesson(
    root,
    { pitfalls, note, about: phase, author: values.by, runId: values["run-id"] },
    { now: context.now, onWarning: (message) => warnings.push(message) }
  );
  if (json) {
    context.stdout.write(`${JSON.stringify({ ok: true, event, warnings }, null, 2)}
`);
  } else {
    for (const warning of warnings) context.stderr.write(`shipgate learnings: ${warning}
`);
    const what = [event.pitfalls.length ? `pitfall${event.pitfalls.length === 1 ? "" : "s"} ${event.pitfalls.join(", ")}` : "", event.note ? "a note" : ""].filter(Boolean).join(" and ");
    context.stdout.write(`Recorded ${what} (${event.runId}) for the ${event.about ?? "deploy"} phase; learnings.md is updated.
`);
  }
  return 0;
}
export {
  command
};
