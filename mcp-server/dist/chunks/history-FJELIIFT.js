import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  findProjectRoot
} from "./chunk-FRFIYCZR.js";
import "./chunk-NRUS7RPD.js";
import "./chunk-JR3ARTYZ.js";
import "./chunk-GHJBZYRF.js";
import "./chunk-Z6DQB4O2.js";
import "./chunk-SPOV2FCU.js";
import "./chunk-5OIYAMLV.js";
import "./chunk-3SNQWMNX.js";
import "./chunk-CMTZTRQJ.js";

// mcp-server/src/cli/commands/history.ts
var command = {
  name: "history",
  summary: "List past deployments and rollbacks from the records.",
  usage: "  shipgate history [--env production] [--json]",
  options: { env: { type: "string" } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const { loadConfig } = await import("./load-config-67BOH7BU.js");
    const { markAbortedRecords, readRecords } = await import("./deployment-record-FZJLPYZX.js");
    const { resolve, relative } = await import("node:path");
    const loaded = await loadConfig(projectRoot);
    const dir = resolve(projectRoot, loaded.config.records.dir);
    await markAbortedRecords(dir, context.now());
    const env = typeof input.values.env === "string" ? input.values.env : void 0;
    const records = (await readRecords(dir)).filter((r) => !env || r.environment === env);
    const rows = records.map((r) => ({ kind: r.kind, environment: r.environment, version: r.version, tag: r.tag, commit: r.commit, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt ?? null, trigger: r.rollback?.trigger ?? r.reason ?? null, record: relative(projectRoot, r.files.markdown) }));
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, records: rows }, null, 2)}
`);
    else if (!rows.length) context.stdout.write("No deployments recorded yet.\n");
    else for (const r of rows) context.stdout.write(`${r.startedAt}  ${r.kind.padEnd(8)} ${r.environment.padEnd(12)} ${r.tag.padEnd(10)} ${r.status.padEnd(12)} ${r.record}${r.trigger ? `
    ${r.trigger}` : ""}
`);
    return 0;
  }
};
export {
  command
};
