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

// mcp-server/src/cli/commands/rollback.ts
var command = {
  name: "rollback",
  summary: "Roll an environment back to the previous (or a named) version.",
  usage: "  shipgate rollback [--env production] [--to VERSION] --reason TEXT [--dry-run] [--json]",
  options: { env: { type: "string", default: "production" }, to: { type: "string" }, reason: { type: "string" }, "dry-run": { type: "boolean" } },
  allowPositionals: false,
  async run(input, context) {
    const { runRollback } = await import("./rollback-NJWOZK4C.js");
    const projectRoot = await findProjectRoot(context.cwd);
    const result = await runRollback({
      projectRoot,
      environment: String(input.values.env ?? "production"),
      ...typeof input.values.to === "string" ? { to: input.values.to } : {},
      reason: typeof input.values.reason === "string" ? input.values.reason : "",
      dryRun: input.values["dry-run"] === true,
      now: context.now
    });
    if ("dryRun" in result) {
      if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, dryRun: true, plan: result.plan }, null, 2)}
`);
      else context.stdout.write(`Rollback plan for ${result.plan.environment}: ${result.plan.from?.tag ?? "unknown"} \u2192 ${result.plan.to.tag}
${result.plan.commands.map((c) => `  $ ${c.join(" ")}`).join("\n")}
`);
      return 0;
    }
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: result.status === "succeeded", status: result.status, from: result.plan.from ?? null, to: result.plan.to, verified: result.verified ?? null, record: result.record.files }, null, 2)}
`);
    } else {
      context.stdout.write(`${result.status === "succeeded" ? "Rolled back" : "Rollback FAILED verification"}: ${result.plan.environment} now on ${result.plan.to.tag}.
Record: ${result.record.files.markdown}
`);
    }
    return result.exitCode;
  }
};
export {
  command
};
